{{- define "gogidix-service.deployment" -}}
{{ include "gogidix-service.workload" (dict "root" . "track" "stable" "tag" .Values.image.tag "replicas" .Values.replicas) }}
{{- if and .Values.mesh.enabled .Values.mesh.canary.enabled }}
---
{{ include "gogidix-service.workload" (dict "root" . "track" "canary" "tag" (.Values.image.canaryTag | default .Values.image.tag) "replicas" 1) }}
{{- end }}
{{- end -}}

{{/* One Deployment per release track; the canary track only exists with the mesh on. */}}
{{- define "gogidix-service.workload" -}}
{{- $root := .root -}}
{{- $v := $root.Values -}}
{{- $name := include "gogidix-service.name" $root -}}
{{- $gpu := include "gogidix-service.gpuProfile" $root | fromYaml -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}{{ if eq .track "canary" }}-canary{{ end }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "gogidix-service.labels" $root | nindent 4 }}
    gogidix.io/track: {{ .track }}
spec:
  {{- if not (and $v.autoscaling.enabled (eq .track "stable")) }}
  replicas: {{ .replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "gogidix-service.selectorLabels" $root | nindent 6 }}
      gogidix.io/track: {{ .track }}
  template:
    metadata:
      labels:
        {{- include "gogidix-service.labels" $root | nindent 8 }}
        gogidix.io/track: {{ .track }}
        {{- if $v.mesh.enabled }}
        sidecar.istio.io/inject: "true"
        {{- end }}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: {{ $v.port | quote }}
        {{- if $v.vault.enabled }}
        {{- include "gogidix-service.vaultAnnotations" $root | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ $name }}
      automountServiceAccountToken: {{ $v.vault.enabled }}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        fsGroup: 10001
        seccompProfile:
          type: RuntimeDefault
      {{- if $gpu }}
      runtimeClassName: {{ $v.gpu.runtimeClassName | default "nvidia" }}
      nodeSelector:
        nvidia.com/gpu.product: {{ $gpu.product }}
      tolerations:
        - key: nvidia.com/gpu
          operator: Exists
          effect: NoSchedule
      {{- end }}
      containers:
        - name: {{ $name }}
          image: "{{ $v.image.repository }}:{{ .tag }}"
          imagePullPolicy: {{ $v.image.pullPolicy | default "IfNotPresent" }}
          ports:
            - name: http
              containerPort: {{ $v.port }}
              protocol: TCP
          env:
            - name: PORT
              value: {{ $v.port | quote }}
            - name: OTEL_SERVICE_NAME
              value: {{ $name }}
            - name: OTEL_EXPORTER_OTLP_ENDPOINT
              value: {{ $v.monitoring.otlpEndpoint | quote }}
            {{- range $key, $value := $v.env }}
            - name: {{ $key }}
              value: {{ $value | quote }}
            {{- end }}
          livenessProbe:
            httpGet:
              path: {{ $v.probes.liveness }}
              port: http
            initialDelaySeconds: 5
            periodSeconds: 10
          readinessProbe:
            httpGet:
              path: {{ $v.probes.readiness }}
              port: http
            periodSeconds: 5
          resources:
            requests:
              {{- toYaml $v.resources.requests | nindent 14 }}
            limits:
              {{- toYaml $v.resources.limits | nindent 14 }}
              {{- if $gpu }}
              {{ $gpu.resource }}: {{ $gpu.count }}
              {{- end }}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
{{- end -}}

{{/* Vault Agent Injector: renders the service's secrets to /vault/secrets/config. */}}
{{- define "gogidix-service.vaultAnnotations" -}}
vault.hashicorp.com/agent-inject: "true"
vault.hashicorp.com/role: {{ required "vault.role is required when vault.enabled" .Values.vault.role | quote }}
vault.hashicorp.com/agent-inject-secret-config: {{ printf "%s/data/%s" (.Values.vault.mount | default "kv") (required "vault.path is required when vault.enabled" .Values.vault.path) | quote }}
vault.hashicorp.com/agent-pre-populate-only: "false"
{{- end -}}

{{- define "gogidix-service.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "gogidix-service.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gogidix-service.labels" . | nindent 4 }}
automountServiceAccountToken: false
{{- end -}}

{{- define "gogidix-service.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "gogidix-service.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gogidix-service.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "gogidix-service.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
{{- end -}}

{{- define "gogidix-service.hpa" -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "gogidix-service.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gogidix-service.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "gogidix-service.name" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetCPUUtilization }}
{{- end -}}

{{- define "gogidix-service.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "gogidix-service.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gogidix-service.labels" . | nindent 4 }}
spec:
  minAvailable: {{ .Values.podDisruptionBudget.minAvailable }}
  selector:
    matchLabels:
      {{- include "gogidix-service.selectorLabels" . | nindent 6 }}
{{- end -}}
