{{/*
Every object of a service. A service chart's only template is:
  {{ include "gogidix-service.all" . }}
*/}}
{{- define "gogidix-service.all" -}}
{{ include "gogidix-service.serviceAccount" . }}
---
{{ include "gogidix-service.deployment" . }}
---
{{ include "gogidix-service.service" . }}
{{- if .Values.autoscaling.enabled }}
---
{{ include "gogidix-service.hpa" . }}
{{- end }}
---
{{ include "gogidix-service.pdb" . }}
---
{{ include "gogidix-service.networkPolicy" . }}
{{- if .Values.mesh.enabled }}
---
{{ include "gogidix-service.peerAuthentication" . }}
---
{{ include "gogidix-service.destinationRule" . }}
---
{{ include "gogidix-service.virtualService" . }}
{{- end }}
{{- if .Values.monitoring.serviceMonitor }}
---
{{ include "gogidix-service.serviceMonitor" . }}
{{- end }}
{{- if .Files.Get "files/slo-rules.yaml" }}
---
{{ include "gogidix-service.prometheusRule" . }}
{{- end }}
{{- if and .Values.monitoring.dashboard (.Files.Get "files/dashboard.json") }}
---
{{ include "gogidix-service.dashboard" . }}
{{- end }}
{{- end -}}
