{{/*
Default deny: only the callers listed in networkPolicy.allowedCallers, the
mesh's ingress gateway and Prometheus may reach the service.
*/}}
{{- define "gogidix-service.networkPolicy" -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "gogidix-service.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gogidix-service.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "gogidix-service.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
  ingress:
    - from:
        {{- range .Values.networkPolicy.allowedCallers }}
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ .namespace }}
          {{- if .app }}
          podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ .app }}
          {{- end }}
        {{- end }}
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: istio-system
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: monitoring
      ports:
        - port: {{ .Values.port }}
          protocol: TCP
{{- end -}}

{{/*
The version of the Istio APIs to write: v1 needs Istio 1.22 or later (the
release that served networking.istio.io/v1 and security.istio.io/v1 for
PeerAuthentication); v1beta1 is for older meshes.
*/}}
{{- define "gogidix-service.istioApiVersion" -}}
{{- $v := .Values.mesh.istioApiVersion | default "v1" -}}
{{- if not (has $v (list "v1" "v1beta1")) -}}
{{- fail (printf "mesh.istioApiVersion %q is not one this chart writes: use v1 (Istio 1.22+) or v1beta1 (older Istio)" $v) -}}
{{- end -}}
{{- $v -}}
{{- end -}}

{{- define "gogidix-service.peerAuthentication" -}}
apiVersion: security.istio.io/{{ include "gogidix-service.istioApiVersion" . }}
kind: PeerAuthentication
metadata:
  name: {{ include "gogidix-service.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gogidix-service.labels" . | nindent 4 }}
spec:
  selector:
    matchLabels:
      {{- include "gogidix-service.selectorLabels" . | nindent 6 }}
  mtls:
    mode: {{ .Values.mesh.mtls | default "STRICT" }}
{{- end -}}

{{- define "gogidix-service.destinationRule" -}}
{{- $cb := .Values.mesh.circuitBreaker -}}
apiVersion: networking.istio.io/{{ include "gogidix-service.istioApiVersion" . }}
kind: DestinationRule
metadata:
  name: {{ include "gogidix-service.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gogidix-service.labels" . | nindent 4 }}
spec:
  host: {{ include "gogidix-service.name" . }}.{{ .Release.Namespace }}.svc.cluster.local
  trafficPolicy:
    tls:
      mode: ISTIO_MUTUAL
    {{- if $cb.enabled }}
    connectionPool:
      http:
        http1MaxPendingRequests: {{ $cb.maxPendingRequests }}
        maxRequestsPerConnection: {{ $cb.maxRequestsPerConnection }}
    outlierDetection:
      consecutive5xxErrors: {{ $cb.consecutive5xxErrors }}
      interval: {{ $cb.interval }}
      baseEjectionTime: {{ $cb.baseEjectionTime }}
      maxEjectionPercent: {{ $cb.maxEjectionPercent }}
    {{- end }}
  subsets:
    - name: stable
      labels:
        gogidix.io/track: stable
    - name: canary
      labels:
        gogidix.io/track: canary
{{- end -}}

{{- define "gogidix-service.virtualService" -}}
{{- $m := .Values.mesh -}}
{{- $name := include "gogidix-service.name" . -}}
{{- $canary := 0 -}}
{{- if $m.canary.enabled -}}
{{- $canary = int $m.canary.weight -}}
{{- if or (lt $canary 0) (gt $canary 100) -}}
{{- fail (printf "mesh.canary.weight %d is out of range: use 0 to 100" $canary) -}}
{{- end -}}
{{- end -}}
apiVersion: networking.istio.io/{{ include "gogidix-service.istioApiVersion" . }}
kind: VirtualService
metadata:
  name: {{ $name }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gogidix-service.labels" . | nindent 4 }}
spec:
  hosts:
    - {{ $name }}.{{ .Release.Namespace }}.svc.cluster.local
  http:
    - timeout: {{ $m.timeout }}
      retries:
        attempts: {{ $m.retries.attempts }}
        perTryTimeout: {{ $m.retries.perTryTimeout }}
        retryOn: {{ $m.retries.retryOn | quote }}
      route:
        - destination:
            host: {{ $name }}.{{ .Release.Namespace }}.svc.cluster.local
            subset: stable
          weight: {{ sub 100 $canary }}
        {{- if $m.canary.enabled }}
        - destination:
            host: {{ $name }}.{{ .Release.Namespace }}.svc.cluster.local
            subset: canary
          weight: {{ $canary }}
        {{- end }}
{{- end -}}
