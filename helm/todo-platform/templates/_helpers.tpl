{{- define "platform.labels" -}}
app.kubernetes.io/part-of: todo-platform
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The scheduler's app ids: reminder-scheduler, reminder-scheduler-1, ... (one per slice). */}}
{{- define "platform.schedulerAppIds" -}}
{{- $s := index .Values "reminder-scheduler" -}}
{{- range $k := until (int ($s.slices | default 1)) }}
- {{ ternary "reminder-scheduler" (printf "reminder-scheduler-%d" $k) (eq $k 0) }}
{{- end }}
{{- end -}}

{{- define "platform.brokers" -}}
{{- .Values.pubsub.brokers | default (printf "kafka.%s.svc.cluster.local:9092" .Release.Namespace) -}}
{{- end -}}

{{/* Metadata shared by both Kafka components. */}}
{{- define "platform.kafkaMetadata" -}}
- name: brokers
  value: {{ include "platform.brokers" . | quote }}
- name: authType
  value: {{ .Values.pubsub.authType | quote }}
{{- if eq .Values.pubsub.authType "password" }}
- name: saslUsername
  secretKeyRef:
    name: {{ .Values.pubsub.credentialsSecret }}
    key: username
- name: saslPassword
  secretKeyRef:
    name: {{ .Values.pubsub.credentialsSecret }}
    key: password
- name: saslMechanism
  value: {{ .Values.pubsub.saslMechanism | quote }}
{{- end }}
- name: disableTls
  value: {{ (not .Values.pubsub.tls) | toString | quote }}
{{- with .Values.pubsub.caSecret }}
- name: caCert
  secretKeyRef:
    name: {{ . }}
    key: ca.crt
{{- end }}
- name: version
  value: {{ .Values.pubsub.version | quote }}
- name: clientID
  value: "todo-platform"
- name: maxMessageBytes
  value: "1048576"
- name: consumeRetryInterval
  value: "500ms"
{{- end -}}

{{/* A generated secret value: the existing one (lookup) or a new random one. */}}
{{- define "platform.secretValue" -}}
{{- $s := lookup "v1" "Secret" .ns .name -}}
{{- if and $s $s.data (hasKey $s.data .key) -}}
{{- index $s.data .key | b64dec -}}
{{- else -}}
{{- randAlphaNum (int .len) -}}
{{- end -}}
{{- end -}}
