{{/* Names and labels shared by every object of a service. */}}

{{- define "gogidix-service.name" -}}
{{- required "service.name is required (the service's catalog name)" .Values.service.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "gogidix-service.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gogidix-service.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "gogidix-service.labels" -}}
{{ include "gogidix-service.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: gogidix
backstage.io/kubernetes-id: {{ include "gogidix-service.name" . }}
gogidix.io/team: {{ required "service.team is required (the owning team)" .Values.service.team }}
gogidix.io/tier: {{ .Values.service.tier | default "tier-2" }}
{{- end -}}

{{/*
GPU profiles: what each one asks of the scheduler. Kept here, not in each
service, so that the platform team can move a profile to new hardware once.
*/}}
{{- define "gogidix-service.gpuProfile" -}}
{{- $profiles := dict
  "small-inference" (dict "resource" "nvidia.com/gpu" "count" 1 "product" "NVIDIA-L4")
  "large-inference" (dict "resource" "nvidia.com/gpu" "count" 1 "product" "NVIDIA-A100-SXM4-80GB")
  "training" (dict "resource" "nvidia.com/gpu" "count" 4 "product" "NVIDIA-H100-80GB-HBM3")
  "mig-slice" (dict "resource" "nvidia.com/mig-1g.10gb" "count" 1 "product" "NVIDIA-A100-SXM4-80GB")
-}}
{{- $profile := .Values.gpu.profile | default "none" -}}
{{- if ne $profile "none" -}}
{{- if not (hasKey $profiles $profile) -}}
{{- fail (printf "gpu.profile %q is not one of none, small-inference, large-inference, training, mig-slice" $profile) -}}
{{- end -}}
{{- toYaml (get $profiles $profile) -}}
{{- end -}}
{{- end -}}
