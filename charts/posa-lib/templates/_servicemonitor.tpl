{{/*
posa-lib.servicemonitor: monitoring.coreos.com/v1 ServiceMonitor scraping /metrics on the metrics
port. Opt-in (serviceMonitor.enabled) because the CRD exists only where prometheus-operator runs.
*/}}
{{- define "posa-lib.servicemonitor" -}}
{{- $v := include "posa-lib.values" . | fromYaml -}}
{{- if $v.serviceMonitor.enabled -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "posa-lib.fullname" . }}
  labels:
    {{- include "posa-lib.labels" . | nindent 4 }}
    {{- with $v.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "posa-lib.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: metrics
      path: /metrics
      interval: {{ $v.serviceMonitor.interval | quote }}
      scrapeTimeout: {{ $v.serviceMonitor.scrapeTimeout | quote }}
{{- end -}}
{{- end -}}
