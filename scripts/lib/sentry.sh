# shellcheck shell=bash
# Dapr Sentry on a developer machine: the certificate authority that gives every sidecar its
# mTLS certificate, so that sidecars know who calls them and the access-control policies of
# dapr/self-hosted/config*.yaml apply (without mTLS Dapr applies only their default action).
#   sentry_start / sentry_stop / sentry_is_up
# On first start Sentry creates a self-signed root and issuer in $SENTRY_DIR; the sidecars trust
# that root through DAPR_TRUST_ANCHORS, which sentry_start exports. The dapr CLI passes
# `--enable-mtls --sentry-address localhost:50001` to each daprd because the configurations say
# `mtls.enabled: true`; that address is fixed in the CLI, hence the port.
# Standalone Sentry signs a certificate for any app id it is asked for: on one machine every
# local process is trusted alike. In a cluster Sentry checks each pod's service-account token.

# SENTRY_PORT and SENTRY_HEALTH_PORT come from ports.txt (common.sh). Sentry binds its health
# endpoint on every interface (no flag for it).
SENTRY_DIR="$RUN_DIR/sentry"

sentry_is_up() {
  [ -s "$SENTRY_DIR/ca.crt" ] && curl -fs -o /dev/null "http://127.0.0.1:$SENTRY_HEALTH_PORT/healthz"
}

# Needs SENTRY_BIN (dapr_ensure in scripts/lib/dapr.sh sets it).
sentry_start() {
  : "${SENTRY_BIN:?dapr_ensure must run first}"
  mkdir -p "$RUN_DIR/logs" "$SENTRY_DIR"
  chmod 700 "$SENTRY_DIR"
  if ! sentry_is_up; then
    log "starting Dapr Sentry (mTLS certificates) on 127.0.0.1:$SENTRY_PORT"
    setsid nohup "$SENTRY_BIN" --issuer-credentials "$SENTRY_DIR" --trust-domain localhost \
      --config "$ROOT/dapr/self-hosted/sentry-config.yaml" --port "$SENTRY_PORT" \
      --listen-address 127.0.0.1 --healthz-port "$SENTRY_HEALTH_PORT" --enable-metrics=false \
      --mode standalone >"$RUN_DIR/logs/sentry.log" 2>&1 </dev/null &
    echo $! >"$RUN_DIR/sentry.pid"
  fi
  wait_until 30 "Sentry on :$SENTRY_PORT" sentry_is_up ||
    die "Sentry did not start: $RUN_DIR/logs/sentry.log"
  DAPR_TRUST_ANCHORS="$(cat "$SENTRY_DIR/ca.crt")"
  export DAPR_TRUST_ANCHORS
}

sentry_stop() {
  local pid
  pid="$(cat "$RUN_DIR/sentry.pid" 2>/dev/null)" || true
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    wait_until 10 "Sentry to exit" bash -c "! kill -0 $pid 2>/dev/null" || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/sentry.pid"
}
