{{/*
Names. Every object of a service is named after the service (the chart name), not after the
release: one POSA release per namespace, so "households" is both the chart and the DNS name.
*/}}

{{/* posa-lib.name: the service name (nameOverride or the chart name), DNS-1035 safe. */}}
{{- define "posa-lib.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* posa-lib.fullname: object name; fullnameOverride wins, else the service name. */}}
{{- define "posa-lib.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- include "posa-lib.name" . -}}
{{- end -}}
{{- end -}}

{{/* posa-lib.chart: "<chart>-<version>" for the helm.sh/chart label. */}}
{{- define "posa-lib.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* posa-lib.serviceAccountName: the ServiceAccount the pods run as. */}}
{{- define "posa-lib.serviceAccountName" -}}
{{- $v := include "posa-lib.values" . | fromYaml -}}
{{- if $v.serviceAccount.create -}}
{{- default (include "posa-lib.fullname" .) $v.serviceAccount.name -}}
{{- else -}}
{{- default "default" $v.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* posa-lib.image: "repository:tag" or "repository@digest"; tag defaults to appVersion. */}}
{{- define "posa-lib.image" -}}
{{- $v := include "posa-lib.values" . | fromYaml -}}
{{- $repo := required (printf "%s: image.repository is required" .Chart.Name) $v.image.repository -}}
{{- if $v.image.digest -}}
{{- printf "%s@%s" $repo $v.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (default .Chart.AppVersion $v.image.tag | toString) -}}
{{- end -}}
{{- end -}}
