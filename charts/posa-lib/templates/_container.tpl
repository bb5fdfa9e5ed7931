{{/*
posa-lib.container: the single service container (used by posa-lib.deployment).
Probes: startup and liveness are HTTP GET /healthz on the http port; readiness is the native
gRPC health probe on the grpc port (readiness.mode: grpc) or HTTP GET /readyz (readiness.mode: http).
*/}}
{{- define "posa-lib.container" -}}
{{- $v := include "posa-lib.values" . | fromYaml -}}
name: {{ include "posa-lib.name" . }}
image: {{ include "posa-lib.image" . | quote }}
imagePullPolicy: {{ $v.image.pullPolicy }}
ports:
  - name: grpc
    containerPort: {{ $v.ports.grpc | int }}
    protocol: TCP
  - name: http
    containerPort: {{ $v.ports.http | int }}
    protocol: TCP
  - name: metrics
    containerPort: {{ $v.ports.metrics | int }}
    protocol: TCP
env:
  {{- include "posa-lib.env" . | nindent 2 }}
{{- if or $v.envFromConfigMaps $v.existingSecret }}
envFrom:
  {{- range $v.envFromConfigMaps }}
  - configMapRef:
      name: {{ . | quote }}
  {{- end }}
  {{- with $v.existingSecret }}
  - secretRef:
      name: {{ . | quote }}
  {{- end }}
{{- end }}
startupProbe:
  httpGet:
    path: /healthz
    port: http
  periodSeconds: {{ $v.probes.startup.periodSeconds | int }}
  timeoutSeconds: {{ $v.probes.startup.timeoutSeconds | int }}
  failureThreshold: {{ $v.probes.startup.failureThreshold | int }}
livenessProbe:
  httpGet:
    path: /healthz
    port: http
  periodSeconds: {{ $v.probes.liveness.periodSeconds | int }}
  timeoutSeconds: {{ $v.probes.liveness.timeoutSeconds | int }}
  failureThreshold: {{ $v.probes.liveness.failureThreshold | int }}
readinessProbe:
  {{- if eq $v.readiness.mode "grpc" }}
  grpc:
    port: {{ $v.ports.grpc | int }}
  {{- else if eq $v.readiness.mode "http" }}
  httpGet:
    path: /readyz
    port: http
  {{- else }}
  {{- fail (printf "%s: readiness.mode must be grpc or http, got %q" .Chart.Name (toString $v.readiness.mode)) }}
  {{- end }}
  periodSeconds: {{ $v.probes.readiness.periodSeconds | int }}
  timeoutSeconds: {{ $v.probes.readiness.timeoutSeconds | int }}
  failureThreshold: {{ $v.probes.readiness.failureThreshold | int }}
resources:
  {{- toYaml $v.resources | nindent 2 }}
securityContext:
  readOnlyRootFilesystem: true
  allowPrivilegeEscalation: false
  privileged: false
  capabilities:
    drop:
      - ALL
volumeMounts:
  - name: tmp
    mountPath: /tmp
{{- end -}}
