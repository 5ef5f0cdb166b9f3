#!/usr/bin/env bash
# Shared by the deploy scripts (minikube-deploy.sh, deploy-azure.sh, deploy-gcp.sh,
# deploy-doks.sh): dry runs, prerequisite checks, idempotent steps, and the cluster-side
# installation (Dapr, Secrets, the platform's umbrella chart). Source it after common.sh.
#
# Dry run (--dry-run): every command is printed ("+ cmd ...") and none is run. Queries that
# decide whether something must be created are printed too ("? cmd ...") and answered "no", so
# the output lists every command a first run on an empty account would run.

DRY_RUN=0
DAPR_VERSION="${DAPR_VERSION:-1.18.1}"
NAMESPACE="${NAMESPACE:-todo}"
RELEASE="${RELEASE:-todo}"
missing_tools=0

# parse_common_flag ARG: handles the flags every deploy script takes; returns 1 for others.
parse_common_flag() {
  case "$1" in
    --dry-run) DRY_RUN=1 ;;
    *) return 1 ;;
  esac
}

# parse_cloud_deploy_args "$@": the flags of the cloud deploy scripts: --dry-run, --no-smoke
# (sets SMOKE=0), -h/--help (prints the script's leading comment). Dies on anything else.
# shellcheck disable=SC2034 # read by the deploy scripts that source this file
SMOKE=1
# shellcheck disable=SC2034 # SMOKE is read by the scripts that source this file
parse_cloud_deploy_args() {
  local arg
  for arg in "$@"; do
    parse_common_flag "$arg" && continue
    case "$arg" in
      --no-smoke) SMOKE=0 ;;
      -h | --help)
        awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
        exit 0
        ;;
      *) die "unknown argument: $arg (see --help)" ;;
    esac
  done
}

# Values never printed (passwords): quote_cmd shows <redacted> instead. Add with redact VALUE.
REDACT=()
redact() { [ -z "$1" ] || REDACT+=("$1"); }

# quote_cmd CMD...: the command as a copy-pasteable shell line, secrets redacted.
quote_cmd() {
  local out="" a r
  for a in "$@"; do
    for r in "${REDACT[@]}"; do
      # A whole argument, or (for values long enough not to match by chance) a part of one.
      if [ "$a" = "$r" ]; then a="<redacted>"; elif ((${#r} >= 8)); then a="${a//"$r"/<redacted>}"; fi
    done
    out+="$(printf '%q' "$a") "
  done
  printf '%s' "${out% }"
}

# run CMD...: runs a command (or, in a dry run, prints it).
run() {
  printf '+ %s\n' "$(quote_cmd "$@")"
  ((DRY_RUN)) && return 0
  "$@"
}

# run_shell STRING: runs a shell pipeline (or prints it).
run_shell() {
  printf '+ %s\n' "$1"
  ((DRY_RUN)) && return 0
  bash -o pipefail -c "$1"
}

# exists CMD...: true when the query succeeds; in a dry run printed and answered "no".
exists() {
  if ((DRY_RUN)); then
    printf '? %s\n' "$(quote_cmd "$@")"
    return 1
  fi
  "$@" >/dev/null 2>&1
}

# capture CMD...: prints the command's output; in a dry run prints the command (to stderr) and
# a placeholder.
capture() {
  if ((DRY_RUN)); then
    printf '? %s\n' "$(quote_cmd "$@")" >&2
    printf '<%s>' "$(basename "$1")-output"
    return 0
  fi
  "$@"
}

step() { printf '\n== %s\n' "$*"; }

# need TOOL HINT: checks a prerequisite; a missing one fails before anything runs (in a dry
# run it is reported and the dry run goes on).
need() {
  local tool="$1" hint="$2"
  if command -v "$tool" >/dev/null 2>&1; then return 0; fi
  if ((DRY_RUN)); then
    printf '# prerequisite missing (a real run would stop here): %s - %s\n' "$tool" "$hint"
    return 0
  fi
  printf 'missing prerequisite: %s - %s\n' "$tool" "$hint" >&2
  missing_tools=1
}

# need_done: stops when a prerequisite was missing.
need_done() {
  ((missing_tools == 0)) || die "install the missing tools above and run again"
}

need_cluster_tools() {
  need kubectl "the Kubernetes CLI: https://kubernetes.io/docs/tasks/tools/"
  need helm "Helm 3: https://helm.sh/docs/intro/install/ (or scripts/check-deploy.sh builds one into \$TODO_CACHE/bin)"
  need openssl "for random secrets: apt-get install openssl"
}

random_secret() {
  if ((DRY_RUN)); then printf '<random>'; else openssl rand -hex "${1:-24}"; fi
}

# install_dapr: the Dapr control plane (operator, sentry, placement, scheduler, injector), idempotent.
install_dapr() {
  step "Dapr control plane $DAPR_VERSION (namespace dapr-system)"
  run helm repo add dapr https://dapr.github.io/helm-charts/ --force-update
  run helm repo update dapr
  run helm upgrade --install dapr dapr/dapr --version "$DAPR_VERSION" --namespace dapr-system \
    --create-namespace --set global.ha.enabled="${DAPR_HA:-false}" --wait --timeout 10m
}

# ensure_namespace: the platform's namespace, labelled for the NetworkPolicies.
ensure_namespace() {
  step "namespace $NAMESPACE"
  run_shell "kubectl create namespace $NAMESPACE --dry-run=client -o yaml | kubectl apply -f -"
}

# ensure_secret NAME KEY=VALUE...: creates a Secret once; an existing one is kept unchanged
# (re-running never rotates credentials behind the apps' back).
ensure_secret() {
  local name="$1"
  shift
  if exists kubectl -n "$NAMESPACE" get secret "$name"; then
    log "Secret $name exists: kept"
    return 0
  fi
  local args=(kubectl -n "$NAMESPACE" create secret generic "$name") shown kv
  shown=("${args[@]}")
  for kv in "$@"; do
    args+=("--from-literal=$kv")
    shown+=("--from-literal=${kv%%=*}=<redacted>")
  done
  printf '+ %s\n' "$(quote_cmd "${shown[@]}")"
  ((DRY_RUN)) && return 0
  "${args[@]}"
}

# secret_value NAME KEY: a key of an existing Secret (empty if absent, and in a dry run).
secret_value() {
  ((DRY_RUN)) && return 0
  kubectl -n "$NAMESPACE" get secret "$1" -o "jsonpath={.data.$2}" 2>/dev/null | base64 -d 2>/dev/null || true
}

# ensure_app_secrets: the Dapr tokens, the JWT signing key and the key that seals users' FCM
# credentials (random, created once).
ensure_app_secrets() {
  step "application secrets"
  ensure_secret todo-dapr-api-token "token=$(random_secret 24)"
  ensure_secret todo-app-api-token "token=$(random_secret 24)"
  ensure_secret jwt-signing-key "jwt-signing-key=$(random_secret 32)"
  ensure_secret channel-credentials-key "channel-credentials-key=$(random_secret 32)"
}

# ensure_db_secrets HOST PORT ADMIN_USER PASSWORD SSLMODE: the two connection strings (the
# state store's and task-service's) for a managed PostgreSQL.
ensure_db_secrets() {
  local host="$1" port="$2" user="$3" password="$4" sslmode="$5"
  ensure_secret postgres-credentials \
    "state-store-connection=host=$host port=$port user=$user password=$password dbname=dapr_state sslmode=$sslmode"
  ensure_secret task-db-connection \
    "task-db-connection=host=$host port=$port user=$user password=$password dbname=tasks sslmode=$sslmode"
}

# install_platform [helm args...]: the umbrella chart (services, Dapr components, Kafka, ...).
install_platform() {
  step "the todo platform (release $RELEASE, namespace $NAMESPACE)"
  # The service charts first: each vendors the todo-common library chart, and the umbrella
  # chart packages them as they are.
  local chart
  for chart in task-service recurrence-service reminder-scheduler notification-service frontend todo-platform; do
    run helm dependency update --skip-refresh "$ROOT/helm/$chart"
  done
  run helm upgrade --install "$RELEASE" "$ROOT/helm/todo-platform" --namespace "$NAMESPACE" \
    --set global.imageTag="${IMAGE_TAG:-0.1.0}" --set global.imageRegistry="${IMAGE_REGISTRY:-ghcr.io/todo-platform/todo-platform}" \
    "$@" --wait --timeout 20m
  run kubectl -n "$NAMESPACE" get pods
}

# smoke_test: the frontend answers and the API works end to end (scripts/smoke-test.sh).
smoke_test() {
  step "smoke test"
  run kubectl -n "$NAMESPACE" rollout status deployment/frontend --timeout 10m
  run kubectl -n "$NAMESPACE" rollout status deployment/task-service --timeout 10m
  run_shell "kubectl -n $NAMESPACE port-forward svc/frontend 18080:$FRONTEND_PORT >/dev/null 2>&1 & pf=\$!; sleep 3; bash '$ROOT/scripts/smoke-test.sh' http://127.0.0.1:18080; rc=\$?; kill \$pf; exit \$rc"
}

# kafka_chart_args STORAGE_CLASS: sets KAFKA_ARGS, the chart flags for Kafka. With KAFKA_BROKERS
# (and KAFKA_USERNAME, KAFKA_PASSWORD): a managed Kafka over SASL/TLS, its credentials in the
# Secret kafka-credentials. Without: the in-cluster KRaft chart (3 nodes) on STORAGE_CLASS.
# shellcheck disable=SC2034  # KAFKA_ARGS is read by the deploy scripts
KAFKA_ARGS=()
# shellcheck disable=SC2034
kafka_chart_args() {
  step "Kafka"
  if [ -z "${KAFKA_BROKERS:-}" ]; then
    log "in-cluster Kafka (KRaft, 3 nodes) from helm/kafka"
    KAFKA_ARGS=(--set kafka.enabled=true --set kafka.replicas=3 --set "kafka.storage.storageClass=$1")
    return 0
  fi
  ensure_secret kafka-credentials "username=${KAFKA_USERNAME:?KAFKA_USERNAME is required with KAFKA_BROKERS}" \
    "password=${KAFKA_PASSWORD:?KAFKA_PASSWORD is required with KAFKA_BROKERS}"
  log "managed Kafka at $KAFKA_BROKERS (SASL ${KAFKA_SASL_MECHANISM:-PLAIN} over TLS)"
  KAFKA_ARGS=(--set kafka.enabled=false --set "pubsub.brokers=$KAFKA_BROKERS"
    --set pubsub.authType=password --set pubsub.tls=true
    --set "pubsub.saslMechanism=${KAFKA_SASL_MECHANISM:-PLAIN}"
    --set-json 'global.networkPolicy.kafka={"to":[{"ipBlock":{"cidr":"0.0.0.0/0"}}],"ports":[9092,9093,9094]}')
}
