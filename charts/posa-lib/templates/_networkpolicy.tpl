{{/*
posa-lib.networkpolicy: the service's allow-list, on top of the namespace's default-deny.
Ingress: grpc + http from pods whose app.kubernetes.io/name is in networkPolicy.allowFrom (same
namespace); metrics from the networkPolicy.monitoringNamespace namespace.
Egress: DNS (port 53 to networkPolicy.dns.namespace, or anywhere when empty) plus each entry of
networkPolicy.egress.{postgres,kafka,keycloak,redis,other}. An entry is
  {cidr: 10.0.0.0/16, except: [...]}  or  {namespace: db, podLabels: {...}}
with port (default 5432 / 9092 / 8443 / 6379; required for "other") or ports: [...].
*/}}
{{- define "posa-lib.networkpolicy" -}}
{{- $v := include "posa-lib.values" . | fromYaml -}}
{{- $np := $v.networkPolicy -}}
{{- if $np.enabled -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "posa-lib.fullname" . }}
  labels:
    {{- include "posa-lib.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "posa-lib.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  {{- if or $np.allowFrom $np.monitoringNamespace }}
  ingress:
    {{- with $np.allowFrom }}
    - from:
        {{- range . }}
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ . | quote }}
        {{- end }}
      ports:
        - port: grpc
          protocol: TCP
        - port: http
          protocol: TCP
    {{- end }}
    {{- with $np.monitoringNamespace }}
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ . | quote }}
      ports:
        - port: metrics
          protocol: TCP
    {{- end }}
  {{- else }}
  ingress: []
  {{- end }}
  egress:
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
      {{- with $np.dns.namespace }}
      to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ . | quote }}
      {{- end }}
    {{- $defaults := dict "postgres" 5432 "kafka" 9092 "keycloak" 8443 "redis" 6379 "other" 0 }}
    {{- range $kind := list "postgres" "kafka" "keycloak" "redis" "other" }}
    {{- range $i, $e := (get $np.egress $kind) }}
    {{- include "posa-lib.egressRule" (dict "chart" $.Chart.Name "where" (printf "networkPolicy.egress.%s[%d]" $kind $i) "entry" $e "defaultPort" (get $defaults $kind)) | nindent 4 }}
    {{- end }}
    {{- end }}
{{- end -}}
{{- end -}}

{{/* posa-lib.egressRule: one egress rule; called by posa-lib.networkpolicy with a dict. */}}
{{- define "posa-lib.egressRule" -}}
{{- $e := .entry -}}
{{- $ports := $e.ports | default (list ($e.port | default .defaultPort)) -}}
- to:
    {{- if $e.cidr }}
    - ipBlock:
        cidr: {{ $e.cidr | quote }}
        {{- with $e.except }}
        except:
          {{- toYaml . | nindent 10 }}
        {{- end }}
    {{- else if or $e.namespace $e.podLabels }}
    {{- $peer := dict }}
    {{- with $e.namespace }}
    {{- $_ := set $peer "namespaceSelector" (dict "matchLabels" (dict "kubernetes.io/metadata.name" .)) }}
    {{- end }}
    {{- with $e.podLabels }}
    {{- $_ := set $peer "podSelector" (dict "matchLabels" .) }}
    {{- end }}
    {{- toYaml (list $peer) | nindent 4 }}
    {{- else }}
    {{- fail (printf "%s: %s needs cidr or namespace/podLabels" .chart .where) }}
    {{- end }}
  ports:
    {{- range $ports }}
    {{- if not (gt (. | int) 0) }}
    {{- fail (printf "%s: %s needs port or ports" $.chart $.where) }}
    {{- end }}
    - port: {{ . | int }}
      protocol: TCP
    {{- end }}
{{- end -}}
