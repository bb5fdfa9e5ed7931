{{/* posa-lib.service: ClusterIP Service exposing the grpc, http and metrics ports by name. */}}
{{- define "posa-lib.service" -}}
{{- $v := include "posa-lib.values" . | fromYaml -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "posa-lib.fullname" . }}
  labels:
    {{- include "posa-lib.labels" . | nindent 4 }}
  {{- with $v.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: ClusterIP
  selector:
    {{- include "posa-lib.selectorLabels" . | nindent 4 }}
  ports:
    - name: grpc
      port: {{ $v.ports.grpc | int }}
      targetPort: grpc
      protocol: TCP
      appProtocol: grpc
    - name: http
      port: {{ $v.ports.http | int }}
      targetPort: http
      protocol: TCP
    - name: metrics
      port: {{ $v.ports.metrics | int }}
      targetPort: metrics
      protocol: TCP
{{- end -}}
