{{/* posa-lib.pdb: policy/v1 PodDisruptionBudget, on by default with maxUnavailable 1. */}}
{{- define "posa-lib.pdb" -}}
{{- $v := include "posa-lib.values" . | fromYaml -}}
{{- if $v.pdb.enabled -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "posa-lib.fullname" . }}
  labels:
    {{- include "posa-lib.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ $v.pdb.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "posa-lib.selectorLabels" . | nindent 6 }}
{{- end -}}
{{- end -}}
