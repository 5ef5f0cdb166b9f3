{{- define "kafka.labels" -}}
app.kubernetes.io/name: kafka
app.kubernetes.io/part-of: todo-platform
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "kafka.selectorLabels" -}}
app.kubernetes.io/name: kafka
app.kubernetes.io/part-of: todo-platform
{{- end -}}

{{- define "kafka.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{- define "kafka.replicationFactor" -}}
{{- if gt (int .Values.replicationFactor) 0 -}}
{{- .Values.replicationFactor -}}
{{- else -}}
{{- min (int .Values.replicas) 3 -}}
{{- end -}}
{{- end -}}

{{- define "kafka.securityContext" -}}
runAsNonRoot: true
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "kafka.bootstrap" -}}
{{- printf "kafka.%s.svc.%s:9092" .Release.Namespace .Values.clusterDomain -}}
{{- end -}}
