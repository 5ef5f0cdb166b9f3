#!/usr/bin/env bash
# Starts and stops the whole local system: PostgreSQL, Kafka, then every app beside its
# sidecar with `dapr run -f .` (the dapr.yaml run file at the repository root).

# The apps of dapr.yaml with their ports and their sidecars' HTTP ports, from ports.txt.
APPS=("${PORT_APPS[@]}")
APP_PORTS=() SIDECAR_PORTS=()
for _app in "${APPS[@]}"; do
  APP_PORTS+=("$(port_of "$_app")") SIDECAR_PORTS+=("$(port_of "$_app" dapr-http)")
done
unset _app
DAPR_RUN_PIDFILE="$RUN_DIR/dapr-run.pid"
DAPR_RUN_LOG="$RUN_DIR/logs/dapr-run.log"

# app_ready APP: the app answers ready on its operations port.
app_ready() { curl -fs -o /dev/null "http://127.0.0.1:$(port_of "$1" ops)/readyz"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

apps_running() { [ -f "$DAPR_RUN_PIDFILE" ] && kill -0 "$(cat "$DAPR_RUN_PIDFILE")" 2>/dev/null; }

infra_start() {
  mkdir -p "$RUN_DIR/logs"
  # What the scripts themselves call (a brand-new Debian may lack them).
  apt_install curl psmisc openssl python3 procps
  secrets_ensure
  pg_ensure
  pg_start
  pg_ensure_database dapr_state "$PG_STATE_PASSWORD" dapr_state
  pg_ensure_database task_service "$PG_TASKS_PASSWORD" tasks
  kafka_ensure
  kafka_start
  kafka_create_topics
  delivery_start
}

apps_start() {
  if apps_running; then
    log "apps already running (dapr run pid $(cat "$DAPR_RUN_PIDFILE"))"
    return 0
  fi
  local p
  for p in "${APP_PORTS[@]}" "${SIDECAR_PORTS[@]}"; do
    port_open "$p" && die "port $p is already in use: stop what holds it (scripts/run.sh stop)"
  done
  dapr_ensure
  sentry_start
  app_tokens_ensure "${APPS[@]}"
  dapr_wrapper_ensure
  export DAPR_HOST_IP=127.0.0.1
  log "starting the apps and their sidecars: dapr run -f ."
  # Backgrounded as a simple command so $! is the CLI itself (its own session and process
  # group, so stop can end the whole tree) and nothing keeps this script's output open.
  (
    cd "$ROOT" || exit 1
    setsid nohup "$DAPR_CLI" run -f . >"$DAPR_RUN_LOG" 2>&1 </dev/null &
    echo $! >"$DAPR_RUN_PIDFILE"
  )
}

apps_wait_ready() {
  local i app
  for i in "${!APPS[@]}"; do
    app="${APPS[$i]}"
    if ! wait_until "${APPS_READY_TIMEOUT:-120}" "$app ready on :${APP_PORTS[$i]}" app_ready "$app"; then
      curl -sS "http://127.0.0.1:$(port_of "$app" ops)/readyz" >&2 || true
      tail -n 30 "$DAPR_RUN_LOG" >&2 || true
      die "$app did not become ready; logs: services/$app/.dapr/logs/ and $DAPR_RUN_LOG"
    fi
  done
}

apps_stop() {
  if apps_running; then
    log "stopping the apps and sidecars"
    # The CLI cannot send the API token on its own metadata calls: stop without it.
    (cd "$ROOT" && "$DAPR_CLI" stop -f . >/dev/null 2>&1) || true
    local pid
    pid="$(cat "$DAPR_RUN_PIDFILE")"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    wait_until 20 "dapr run to exit" bash -c "! kill -0 $pid 2>/dev/null" ||
      kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$DAPR_RUN_PIDFILE"
  # Anything still holding our ports (a crashed run) is ours to end.
  local p
  for p in "${APP_PORTS[@]}" "${SIDECAR_PORTS[@]}"; do
    fuser -k -TERM "$p/tcp" >/dev/null 2>&1 || true
  done
}

stack_start() {
  build_cpp
  infra_start
  apps_start
  apps_wait_ready
  log "the system is up: http://localhost:$FRONTEND_PORT  (stop it with: scripts/run.sh stop)"
}

stack_stop() {
  dapr_ensure_quiet || true
  apps_stop
  sentry_stop
  delivery_stop
  kafka_stop || true
  pg_stop || true
  log "stopped"
}

stack_status() {
  local i rc=0
  for i in "${!APPS[@]}"; do
    if app_ready "${APPS[$i]}"; then
      printf '%-22s ready  http://127.0.0.1:%s  sidecar :%s\n' "${APPS[$i]}" "${APP_PORTS[$i]}" "${SIDECAR_PORTS[$i]}"
    else
      printf '%-22s DOWN   http://127.0.0.1:%s\n' "${APPS[$i]}" "${APP_PORTS[$i]}"; rc=1
    fi
  done
  if kafka_is_up; then echo "kafka                  up     127.0.0.1:$KAFKA_PORT"; else echo "kafka                  DOWN"; rc=1; fi
  if delivery_is_up; then echo "smtp + push + fcm      up     127.0.0.1:$SMTP_PORT, :$NTFY_PORT, :$FCM_PORT"; else echo "smtp + push + fcm      DOWN"; rc=1; fi
  if pg_is_up; then echo "postgresql             up     127.0.0.1:$PG_PORT"; else echo "postgresql             DOWN"; rc=1; fi
  return $rc
}
