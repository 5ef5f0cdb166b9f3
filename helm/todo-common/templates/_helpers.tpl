{{/*
Shared templates of the todo platform's service charts. Every object is named after the
service's Dapr app id (task-service, ...), not after the release: app ids are fixed names
that the Dapr components' scopes, the resiliency targets and the NetworkPolicies refer to,
so install one release of the platform per namespace.
*/}}

{{- define "todo.name" -}}
{{- .Values.appId | default .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "todo.selectorLabels" -}}
app.kubernetes.io/name: {{ include "todo.name" . }}
app.kubernetes.io/part-of: todo-platform
{{- end -}}

{{- define "todo.labels" -}}
{{ include "todo.selectorLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* The image: image.repository, or <global.imageRegistry>/<app>; tag: image.tag, global.imageTag, appVersion. */}}
{{- define "todo.image" -}}
{{- $g := .Values.global | default dict -}}
{{- $repo := .Values.image.repository | default (printf "%s/%s" ($g.imageRegistry | default "ghcr.io/todo-platform/todo-platform") .Chart.Name) -}}
{{- $tag := .Values.image.tag | default $g.imageTag | default .Chart.AppVersion -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}

{{- define "todo.serviceAccountName" -}}
{{- include "todo.name" . -}}
{{- end -}}

{{/* The restrictive container securityContext every container of the platform runs with. */}}
{{- define "todo.containerSecurityContext" -}}
runAsNonRoot: true
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/*
The pod template of a service. Call with (dict "ctx" $ "appId" "<dapr app id>" "args" (list ...)
"extraLabels" (dict ...)).
*/}}
{{- define "todo.podTemplate" -}}
{{- $ := .ctx -}}
{{- $v := $.Values -}}
{{- $g := $v.global | default dict -}}
{{- $gd := $g.dapr | default dict -}}
metadata:
  labels:
    {{- include "todo.labels" $ | nindent 4 }}
    {{- with .extraLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    {{- if $v.dapr.enabled }}
    dapr.io/enabled: "true"
    dapr.io/app-id: {{ .appId | quote }}
    dapr.io/app-port: {{ $v.port | quote }}
    dapr.io/app-protocol: "http"
    dapr.io/config: {{ $v.dapr.config | default $gd.config | default "todo-config" | quote }}
    dapr.io/api-token-secret: {{ $v.dapr.apiTokenSecret | default $gd.apiTokenSecret | default "todo-dapr-api-token" | quote }}
    dapr.io/app-token-secret: {{ $v.dapr.appTokenSecret | default $gd.appTokenSecret | default "todo-app-api-token" | quote }}
    dapr.io/enable-app-health-check: "true"
    dapr.io/app-health-check-path: "/healthz"
    dapr.io/app-health-probe-interval: "5"
    dapr.io/log-level: {{ $v.dapr.logLevel | quote }}
    dapr.io/log-as-json: "true"
    dapr.io/enable-metrics: "true"
    dapr.io/metrics-port: "9090"
    dapr.io/sidecar-cpu-request: {{ $v.dapr.sidecar.cpuRequest | quote }}
    dapr.io/sidecar-memory-request: {{ $v.dapr.sidecar.memoryRequest | quote }}
    dapr.io/sidecar-cpu-limit: {{ $v.dapr.sidecar.cpuLimit | quote }}
    dapr.io/sidecar-memory-limit: {{ $v.dapr.sidecar.memoryLimit | quote }}
    dapr.io/sidecar-seccomp-profile-type: "RuntimeDefault"
    dapr.io/graceful-shutdown-seconds: {{ $v.dapr.gracefulShutdownSeconds | quote }}
    {{- end }}
    prometheus.io/scrape: "true"
    prometheus.io/port: {{ include "todo.opsPort" $v | quote }}
    prometheus.io/path: "/metrics"
    {{- with $v.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "todo.serviceAccountName" $ }}
  # The Dapr sidecar reads the Kubernetes secret store (and proves its identity) with this token.
  automountServiceAccountToken: {{ $v.dapr.enabled }}
  {{- with $v.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
    runAsGroup: 10001
    fsGroup: 10001
    seccompProfile:
      type: RuntimeDefault
  terminationGracePeriodSeconds: {{ $v.terminationGracePeriodSeconds }}
  containers:
    - name: {{ $.Chart.Name }}
      image: {{ include "todo.image" $ | quote }}
      imagePullPolicy: {{ $v.image.pullPolicy }}
      args:
        # Listen on the pod address: the kubelet's probes come from the node, the sidecar from localhost.
        - "--host"
        - "0.0.0.0"
        - "--port"
        - {{ $v.port | quote }}
        {{- with $v.webRoot }}
        - "--web-root"
        - {{ . | quote }}
        {{- end }}
        {{- range .args }}
        - {{ . | quote }}
        {{- end }}
        {{- range $v.extraArgs }}
        - {{ . | quote }}
        {{- end }}
      ports:
        - name: http
          containerPort: {{ $v.port }}
          protocol: TCP
        # /healthz, /readyz and /metrics: never on the port the sidecar forwards to.
        - name: ops
          containerPort: {{ include "todo.opsPort" $v }}
          protocol: TCP
      env:
        - name: LOG_LEVEL
          value: {{ $v.logLevel | quote }}
        - name: DAPR_HTTP_PORT
          value: "3500"
        {{- if $v.dapr.enabled }}
        - name: DAPR_API_TOKEN
          valueFrom:
            secretKeyRef:
              name: {{ $v.dapr.apiTokenSecret | default $gd.apiTokenSecret | default "todo-dapr-api-token" }}
              key: token
        - name: APP_API_TOKEN
          valueFrom:
            secretKeyRef:
              name: {{ $v.dapr.appTokenSecret | default $gd.appTokenSecret | default "todo-app-api-token" }}
              key: token
        {{- end }}
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        {{- with $v.updatesPubsub }}
        # The pub/sub component the frontend subscribes to task-updates through: a per-pod
        # consumer group, so every replica streams every update to its browsers.
        - name: TASK_UPDATES_PUBSUB
          value: {{ . | quote }}
        {{- end }}
        {{- with $v.env }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      startupProbe:
        httpGet:
          path: /healthz
          port: ops
        periodSeconds: {{ $v.probes.startup.periodSeconds }}
        failureThreshold: {{ $v.probes.startup.failureThreshold }}
      livenessProbe:
        httpGet:
          path: /healthz
          port: ops
        periodSeconds: {{ $v.probes.liveness.periodSeconds }}
        timeoutSeconds: {{ $v.probes.liveness.timeoutSeconds }}
        failureThreshold: {{ $v.probes.liveness.failureThreshold }}
      readinessProbe:
        httpGet:
          path: /readyz
          port: ops
        periodSeconds: {{ $v.probes.readiness.periodSeconds }}
        timeoutSeconds: {{ $v.probes.readiness.timeoutSeconds }}
        failureThreshold: {{ $v.probes.readiness.failureThreshold }}
      resources:
        {{- toYaml $v.resources | nindent 8 }}
      securityContext:
        {{- include "todo.containerSecurityContext" $ | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: 64Mi
  {{- with $v.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $v.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $v.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: kubernetes.io/hostname
      whenUnsatisfiable: ScheduleAnyway
      labelSelector:
        matchLabels:
          {{- include "todo.selectorLabels" $ | nindent 10 }}
          {{- with .extraLabels }}
          {{- toYaml . | nindent 10 }}
          {{- end }}
{{- end -}}

{{- define "todo.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "todo.serviceAccountName" . }}
  labels:
    {{- include "todo.labels" . | nindent 4 }}
  {{- with .Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
{{- end -}}

{{/*
The Kubernetes secret store is read by the app's Dapr sidecar with the pod's ServiceAccount:
it may get exactly the Secrets listed in secretStoreSecrets, nothing else.
*/}}
{{- define "todo.secretReader" -}}
{{- if .Values.secretStoreSecrets }}
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: {{ include "todo.name" . }}-secret-reader
  labels:
    {{- include "todo.labels" . | nindent 4 }}
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    resourceNames:
      {{- toYaml .Values.secretStoreSecrets | nindent 6 }}
    verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: {{ include "todo.name" . }}-secret-reader
  labels:
    {{- include "todo.labels" . | nindent 4 }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: {{ include "todo.name" . }}-secret-reader
subjects:
  - kind: ServiceAccount
    name: {{ include "todo.serviceAccountName" . }}
    namespace: {{ .Release.Namespace }}
{{- end }}
{{- end -}}

{{- define "todo.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "todo.name" . }}
  labels:
    {{- include "todo.labels" . | nindent 4 }}
spec:
  type: {{ .Values.service.type }}
  selector:
    {{- include "todo.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.service.port }}
      targetPort: http
      protocol: TCP
{{- end -}}

{{- define "todo.hpa" -}}
{{- if .Values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "todo.name" . }}
  labels:
    {{- include "todo.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "todo.name" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetCPUUtilizationPercentage }}
    {{- with .Values.autoscaling.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
{{- end }}
{{- end -}}

{{- define "todo.pdb" -}}
{{- if .Values.pdb.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "todo.name" . }}
  labels:
    {{- include "todo.labels" . | nindent 4 }}
spec:
  {{- if .Values.pdb.maxUnavailable }}
  maxUnavailable: {{ .Values.pdb.maxUnavailable }}
  {{- else }}
  minAvailable: {{ .Values.pdb.minAvailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "todo.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end -}}

{{/*
NetworkPolicy: the pod may receive only
  - Dapr service invocation (the sidecar's internal gRPC port 50002) from the apps in
    networkPolicy.invokedBy,
  - the app port from networkPolicy.httpFrom (the frontend: its Service / ingress controller),
  - metrics scrapes (the operations port, todo.opsPort) from networkPolicy.metricsFrom, else global.networkPolicy.metricsFrom
    (the namespaces of Prometheus),
and may send only
  - DNS,
  - to the Dapr control plane (global.networkPolicy.daprNamespace),
  - to Kafka (global.networkPolicy.kafka) and PostgreSQL (global.networkPolicy.postgresql, if
    networkPolicy.postgresql),
  - to the Kubernetes API on 443/6443 (the sidecar's Kubernetes secret store),
  - to the sidecars of the apps in networkPolicy.invokes (50002),
  - networkPolicy.extraEgress.
The kubelet's probes come from the node and are not subject to the policy on the usual CNIs.
*/}}
{{- define "todo.networkPolicy" -}}
{{- if .Values.networkPolicy.enabled }}
{{- $g := .Values.global | default dict -}}
{{- $gnp := $g.networkPolicy | default dict -}}
{{- $np := .Values.networkPolicy -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "todo.name" . }}
  labels:
    {{- include "todo.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "todo.selectorLabels" . | nindent 6 }}
  policyTypes: ["Ingress", "Egress"]
  ingress:
    {{- if $np.invokedBy }}
    - from:
        {{- range $np.invokedBy }}
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ . }}
              app.kubernetes.io/part-of: todo-platform
        {{- end }}
      ports:
        - port: 50002
          protocol: TCP
    {{- end }}
    {{- if $np.httpFrom }}
    - from:
        {{- toYaml $np.httpFrom | nindent 8 }}
      ports:
        - port: {{ .Values.port }}
          protocol: TCP
    {{- end }}
    {{- with ($np.metricsFrom | default $gnp.metricsFrom) }}
    - from:
        {{- toYaml . | nindent 8 }}
      ports:
        - port: {{ include "todo.opsPort" $.Values }}
          protocol: TCP
        - port: 9090
          protocol: TCP
    {{- end }}
  egress:
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $gnp.daprNamespace | default "dapr-system" }}
    - ports:
        - port: 443
          protocol: TCP
        - port: 6443
          protocol: TCP
      to:
        {{- range ($gnp.apiServerCidrs | default (list "0.0.0.0/0")) }}
        - ipBlock:
            cidr: {{ . }}
        {{- end }}
    {{- with $gnp.kafka }}
    - to:
        {{- toYaml .to | nindent 8 }}
      ports:
        {{- range .ports }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
    {{- end }}
    {{- if and $np.postgresql $gnp.postgresql }}
    - to:
        {{- toYaml $gnp.postgresql.to | nindent 8 }}
      ports:
        {{- range $gnp.postgresql.ports }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
    {{- end }}
    {{- if $np.invokes }}
    - to:
        {{- range $np.invokes }}
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ . }}
              app.kubernetes.io/part-of: todo-platform
        {{- end }}
      ports:
        - port: 50002
          protocol: TCP
    {{- end }}
    {{- with $np.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end }}
{{- end -}}

{{/* Everything a horizontally scaled service renders. */}}
{{- define "todo.scalableService" -}}
{{ include "todo.serviceAccount" . }}
---
{{ include "todo.service" . }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "todo.name" . }}
  labels:
    {{- include "todo.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  selector:
    matchLabels:
      {{- include "todo.selectorLabels" . | nindent 6 }}
  template:
    {{- include "todo.podTemplate" (dict "ctx" . "appId" (include "todo.name" .) "args" (list)) | nindent 4 }}
{{- with (include "todo.hpa" .) }}
---
{{ . }}
{{- end }}
{{- with (include "todo.pdb" .) }}
---
{{ . }}
{{- end }}
{{- with (include "todo.networkPolicy" .) }}
---
{{ . }}
{{- end }}
{{- with (include "todo.secretReader" .) }}
---
{{ . }}
{{- end }}
{{- end -}}

{{/* The operations port of an app: its port + 1000, the binaries' default (libs/service/runtime.cpp). */}}
{{- define "todo.opsPort" -}}
{{- add .port 1000 -}}
{{- end -}}
