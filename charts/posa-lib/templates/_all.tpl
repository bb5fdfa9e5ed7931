{{/*
posa-lib.all: every object of a service, separated by "---". A service chart's whole template
can be one line:  {{ include "posa-lib.all" . }}
Optional objects (HPA, ServiceMonitor, PDB, NetworkPolicy, ServiceAccount) are skipped when off.
*/}}
{{- define "posa-lib.all" -}}
{{- range $tpl := list "serviceaccount" "service" "deployment" "hpa" "pdb" "networkpolicy" "servicemonitor" }}
{{- $out := include (printf "posa-lib.%s" $tpl) $ | trim }}
{{- if $out }}
---
{{ $out }}
{{- end }}
{{- end }}
{{- end -}}
