{{/* Chart name, full name and labels in the usual Helm form. */}}
{{- define "doorbraak.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "doorbraak.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "doorbraak.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "doorbraak.labels" -}}
helm.sh/chart: {{ include "doorbraak.chart" . }}
{{ include "doorbraak.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "doorbraak.selectorLabels" -}}
app.kubernetes.io/name: {{ include "doorbraak.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "doorbraak.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "doorbraak.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "doorbraak.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{- define "doorbraak.claimName" -}}
{{- .Values.persistence.existingClaim | default (printf "%s-media" (include "doorbraak.fullname" .)) }}
{{- end }}

{{/* Environment of every container: settings from values, secrets from the existing Secret. */}}
{{- define "doorbraak.env" -}}
- name: DJANGO_ALLOWED_HOSTS
  value: {{ .Values.settings.allowedHosts | quote }}
- name: DJANGO_CSRF_TRUSTED_ORIGINS
  value: {{ .Values.settings.csrfTrustedOrigins | quote }}
- name: DOORBRAAK_SITE_URL
  value: {{ .Values.settings.siteUrl | quote }}
- name: DJANGO_BEHIND_TLS_PROXY
  value: {{ ternary "1" "0" .Values.settings.behindTlsProxy | quote }}
- name: DOORBRAAK_TRUSTED_PROXIES
  value: {{ .Values.settings.trustedProxies | quote }}
- name: DJANGO_LOG_LEVEL
  value: {{ .Values.settings.logLevel | quote }}
- name: DOORBRAAK_JSON_LOGS
  value: {{ ternary "1" "0" .Values.settings.jsonLogs | quote }}
- name: DOORBRAAK_DB_PREPARED
  value: {{ ternary "1" "0" .Values.settings.dbPrepared | quote }}
- name: DATABASE_CONN_MAX_AGE
  value: {{ .Values.settings.dbConnMaxAge | quote }}
- name: DOORBRAAK_METRICS_ALLOWED_IPS
  value: {{ .Values.settings.metricsAllowedIps | quote }}
- name: DJANGO_EMAIL_BACKEND
  value: {{ .Values.settings.emailBackend | quote }}
- name: DJANGO_DEFAULT_FROM_EMAIL
  value: {{ .Values.settings.defaultFromEmail | quote }}
{{- range $key := list "DJANGO_SECRET_KEY" "DOORBRAAK_FIELD_ENCRYPTION_KEY" "DOORBRAAK_PSEUDONYM_KEY" "DATABASE_URL" "DOORBRAAK_REDIS_URL" }}
- name: {{ $key }}
  valueFrom:
    secretKeyRef:
      name: {{ required "existingSecret is required: a Secret with the keys listed in values.yaml" $.Values.existingSecret }}
      key: {{ $key }}
{{- end }}
- name: DOORBRAAK_METRICS_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: DOORBRAAK_METRICS_TOKEN
      optional: true
{{- with .Values.extraEnvVars }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "doorbraak.volumes" -}}
- name: media
{{- if .Values.persistence.enabled }}
  persistentVolumeClaim:
    claimName: {{ include "doorbraak.claimName" . }}
{{- else }}
  emptyDir: {}
{{- end }}
- name: tmp
  emptyDir: {}
{{- end }}

{{- define "doorbraak.volumeMounts" -}}
- name: media
  mountPath: /var/lib/doorbraak/media
- name: tmp
  mountPath: /tmp
{{- end }}

{{- define "doorbraak.podCommon" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
serviceAccountName: {{ include "doorbraak.serviceAccountName" . }}
automountServiceAccountToken: {{ .Values.serviceAccount.automountServiceAccountToken }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}
