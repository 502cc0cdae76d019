{{- define "gogidix-service.serviceMonitor" -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "gogidix-service.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gogidix-service.labels" . | nindent 4 }}
spec:
  selector:
    matchLabels:
      {{- include "gogidix-service.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: {{ .Values.monitoring.metricsPath | default "/metrics" }}
      interval: {{ .Values.monitoring.interval | default "30s" }}
{{- end -}}

{{/* The SLO recording and burn-rate alert rules, generated from the OpenSLO document. */}}
{{- define "gogidix-service.prometheusRule" -}}
{{- $rules := .Files.Get "files/slo-rules.yaml" | fromYaml -}}
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: {{ include "gogidix-service.name" . }}-slo
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gogidix-service.labels" . | nindent 4 }}
    release: prometheus
spec:
  groups:
    {{- toYaml $rules.groups | nindent 4 }}
{{- end -}}

{{/* Picked up by the Grafana dashboard sidecar (label grafana_dashboard). */}}
{{- define "gogidix-service.dashboard" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "gogidix-service.name" . }}-dashboard
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gogidix-service.labels" . | nindent 4 }}
    grafana_dashboard: "1"
data:
  {{ include "gogidix-service.name" . }}.json: |-
    {{- .Files.Get "files/dashboard.json" | nindent 4 }}
{{- end -}}
