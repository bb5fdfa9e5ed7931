{{/* posa-lib.serviceaccount: the service's own ServiceAccount (serviceAccount.create), no token mounted. */}}
{{- define "posa-lib.serviceaccount" -}}
{{- $v := include "posa-lib.values" . | fromYaml -}}
{{- if $v.serviceAccount.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "posa-lib.serviceAccountName" . }}
  labels:
    {{- include "posa-lib.labels" . | nindent 4 }}
  {{- with $v.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
{{- end -}}
{{- end -}}
