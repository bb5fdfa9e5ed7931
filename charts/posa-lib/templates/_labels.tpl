{{/*
Labels. Only the app.kubernetes.io/* set; selectors use name + instance, which never change
across upgrades (a Deployment's selector is immutable).
*/}}

{{/* posa-lib.selectorLabels: the stable subset used in selectors. */}}
{{- define "posa-lib.selectorLabels" -}}
app.kubernetes.io/name: {{ include "posa-lib.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* posa-lib.labels: the full label set for every object's metadata. */}}
{{- define "posa-lib.labels" -}}
{{ include "posa-lib.selectorLabels" . }}
{{- with .Chart.AppVersion }}
app.kubernetes.io/version: {{ . | toString | trunc 63 | quote }}
{{- end }}
app.kubernetes.io/component: service
app.kubernetes.io/part-of: posa
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "posa-lib.chart" . }}
{{- end -}}
