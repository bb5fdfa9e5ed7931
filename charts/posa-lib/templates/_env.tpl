{{/*
posa-lib.env: the container's env list.
- Always: POD_NAME, POD_NAMESPACE, OTEL_SERVICE_NAME (from the pod's app.kubernetes.io/name label),
  OTEL_RESOURCE_ATTRIBUTES, GRPC_PORT, HTTP_PORT, METRICS_PORT, SHUTDOWN_TIMEOUT_MS.
- env: a map of plain, non-secret settings. Rendering fails when a name looks like a secret
  (…PASSWORD, …SECRET, …TOKEN, …PRIVATE_KEY, …API_KEY, …CREDENTIALS) or a value carries
  credentials in a URL (scheme://user:pass@host).
- secretEnv: [{name, key, secret?}] read from a Secret (secret defaults to existingSecret).
*/}}
{{- define "posa-lib.env" -}}
{{- $v := include "posa-lib.values" . | fromYaml -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: OTEL_SERVICE_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.labels['app.kubernetes.io/name']
- name: OTEL_RESOURCE_ATTRIBUTES
  value: "k8s.pod.name=$(POD_NAME),k8s.namespace.name=$(POD_NAMESPACE)"
- name: GRPC_PORT
  value: {{ $v.ports.grpc | int | quote }}
- name: HTTP_PORT
  value: {{ $v.ports.http | int | quote }}
- name: METRICS_PORT
  value: {{ $v.ports.metrics | int | quote }}
- name: SHUTDOWN_TIMEOUT_MS
  value: {{ mul ($v.shutdownTimeoutSeconds | int) 1000 | quote }}
{{- range $name, $value := $v.env }}
{{- if regexMatch "(?i)(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|API_KEY|CREDENTIALS?)$" $name }}
{{- fail (printf "%s: env.%s looks like a secret; put it in a Secret and reference it with secretEnv or existingSecret" $.Chart.Name $name) }}
{{- end }}
{{- if regexMatch "://[^/@:\\s]+:[^/@\\s]+@" (toString $value) }}
{{- fail (printf "%s: env.%s carries credentials in a URL; reference a Secret with secretEnv instead" $.Chart.Name $name) }}
{{- end }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- range $v.secretEnv }}
- name: {{ required (printf "%s: secretEnv entries need a name" $.Chart.Name) .name }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "%s: secretEnv.%s needs secret (or set existingSecret)" $.Chart.Name .name) (default $v.existingSecret .secret) | quote }}
      key: {{ required (printf "%s: secretEnv.%s needs key" $.Chart.Name .name) .key | quote }}
{{- end }}
{{- end -}}
