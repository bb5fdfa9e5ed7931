{{/*
Values. A service chart's .Values are merged over these defaults, so a service chart only sets
what differs (at least image.repository). Read them with:
  {{- $v := include "posa-lib.values" . | fromYaml }}
Numbers come back as floats: print them with `int`.
*/}}

{{- define "posa-lib.defaults" -}}
nameOverride: ""
fullnameOverride: ""
image:
  repository: ""
  tag: ""
  digest: ""
  pullPolicy: IfNotPresent
imagePullSecrets: []
replicaCount: 2
ports:
  grpc: 50051
  http: 8080
  metrics: 9464
readiness:
  mode: grpc
probes:
  startup:
    periodSeconds: 5
    timeoutSeconds: 2
    failureThreshold: 30
  liveness:
    periodSeconds: 10
    timeoutSeconds: 2
    failureThreshold: 3
  readiness:
    periodSeconds: 5
    timeoutSeconds: 2
    failureThreshold: 3
env: {}
envFromConfigMaps: []
existingSecret: ""
secretEnv: []
shutdownTimeoutSeconds: 20
resources:
  requests:
    cpu: 100m
    memory: 128Mi
  limits:
    cpu: 500m
    memory: 512Mi
tmpSizeLimit: 64Mi
podAnnotations: {}
podLabels: {}
nodeSelector: {}
tolerations: []
affinity: {}
priorityClassName: ""
topologySpread:
  enabled: true
  maxSkew: 1
  whenUnsatisfiable: ScheduleAnyway
  topologyKeys:
    - topology.kubernetes.io/zone
    - kubernetes.io/hostname
serviceAccount:
  create: true
  name: ""
  annotations: {}
service:
  annotations: {}
autoscaling:
  enabled: false
  minReplicas: 2
  maxReplicas: 6
  targetCPUUtilizationPercentage: 75
  targetMemoryUtilizationPercentage: 0
pdb:
  enabled: true
  maxUnavailable: 1
networkPolicy:
  enabled: true
  allowFrom: []
  monitoringNamespace: monitoring
  dns:
    namespace: kube-system
  egress:
    postgres: []
    kafka: []
    keycloak: []
    redis: []
    other: []
serviceMonitor:
  enabled: false
  interval: 30s
  scrapeTimeout: 10s
  labels: {}
{{- end -}}

{{/* posa-lib.values: the service chart's values merged over posa-lib.defaults, as YAML. */}}
{{- define "posa-lib.values" -}}
{{- $defaults := include "posa-lib.defaults" . | fromYaml -}}
{{- toYaml (mustMergeOverwrite $defaults (deepCopy .Values)) -}}
{{- end -}}
