{{/* posa-lib.hpa: autoscaling/v2 HorizontalPodAutoscaler, rendered only when autoscaling.enabled. */}}
{{- define "posa-lib.hpa" -}}
{{- $v := include "posa-lib.values" . | fromYaml -}}
{{- $a := $v.autoscaling -}}
{{- if $a.enabled -}}
{{- if lt ($a.maxReplicas | int) ($a.minReplicas | int) -}}
{{- fail (printf "%s: autoscaling.maxReplicas (%d) is below minReplicas (%d)" .Chart.Name ($a.maxReplicas | int) ($a.minReplicas | int)) -}}
{{- end -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "posa-lib.fullname" . }}
  labels:
    {{- include "posa-lib.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "posa-lib.fullname" . }}
  minReplicas: {{ $a.minReplicas | int }}
  maxReplicas: {{ $a.maxReplicas | int }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $a.targetCPUUtilizationPercentage | int }}
    {{- if gt ($a.targetMemoryUtilizationPercentage | int) 0 }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ $a.targetMemoryUtilizationPercentage | int }}
    {{- end }}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
{{- end -}}
{{- end -}}
