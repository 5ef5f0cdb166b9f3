#!/usr/bin/env bash
# Generates the developer machine's credentials once, with fresh random values:
#   $RUN_DIR/secrets/secrets.env   shell variables for the scripts (tokens, DB passwords)
#   $RUN_DIR/secrets/secrets.json  the Dapr local-file secret store
#   $RUN_DIR/secrets/apps/<app>.env  one app's own two tokens (app_tokens_ensure): DAPR_API_TOKEN,
#                                  which its sidecar requires of it, and APP_API_TOKEN, which it
#                                  requires of its sidecar
# Both are mode 600 under the git-ignored run folder; nothing here is ever committed.

secrets_dir() { echo "$RUN_DIR/secrets"; }

random_token() { openssl rand -hex "${1:-24}"; }

secrets_ensure() {
  local dir
  dir="$(secrets_dir)"
  mkdir -p "$dir"
  chmod 700 "$dir"
  if [ ! -s "$dir/secrets.env" ]; then
    log "generating fresh local credentials in $dir"
    umask 077
    cat >"$dir/secrets.env" <<ENV
PG_STATE_PASSWORD=$(random_token 18)
PG_TASKS_PASSWORD=$(random_token 18)
JWT_SIGNING_KEY=$(random_token 32)
ENV
  fi
  # Added after the first release of this file: an older secrets.env gains it in place.
  if ! grep -q '^SMTP_PASSWORD=' "$dir/secrets.env"; then
    (umask 077 && echo "SMTP_PASSWORD=$(random_token 18)" >>"$dir/secrets.env")
  fi
  if ! grep -q '^CHANNEL_CREDENTIALS_KEY=' "$dir/secrets.env"; then
    (umask 077 && echo "CHANNEL_CREDENTIALS_KEY=$(random_token 32)" >>"$dir/secrets.env")
  fi
  # Read as plain shell variables, not exported: the apps and sidecars inherit this environment
  # (through the dapr CLI), and none of these belong there.
  # shellcheck disable=SC1091
  . "$dir/secrets.env"
  # Rewritten every start so a changed port or a new key shows up in the store.
  (
    umask 077
    PG_PORT="$PG_PORT" PG_STATE_PASSWORD="$PG_STATE_PASSWORD" \
      PG_TASKS_PASSWORD="$PG_TASKS_PASSWORD" JWT_SIGNING_KEY="$JWT_SIGNING_KEY" \
      SMTP_PASSWORD="$SMTP_PASSWORD" CHANNEL_CREDENTIALS_KEY="$CHANNEL_CREDENTIALS_KEY" python3 - "$dir/secrets.json" <<'PY'
import json, os, sys
env = os.environ
pg = "host=127.0.0.1 port={} user={} password={} dbname={} sslmode=disable"
secrets = {
    "state-store-connection": pg.format(env["PG_PORT"], "dapr_state", env["PG_STATE_PASSWORD"], "dapr_state"),
    "task-db-connection": pg.format(env["PG_PORT"], "task_service", env["PG_TASKS_PASSWORD"], "tasks"),
    "jwt-signing-key": env["JWT_SIGNING_KEY"],
    # The local SMTP server accepts mail without logging in; a real relay checks these.
    "smtp-user": "todo",
    "smtp-password": env["SMTP_PASSWORD"],
    # Seals the FCM key files users give (libs/auth/credential_box.hpp).
    "channel-credentials-key": env["CHANNEL_CREDENTIALS_KEY"],
}
with open(sys.argv[1], "w") as f:
    json.dump(secrets, f, indent=2)
PY
  )
}

# app_tokens_ensure APP...: gives each app its own token pair, once. The sidecar of an app reads
# its pair through the daprd wrapper (scripts/lib/dapr.sh, dapr_wrapper_ensure), the app through
# TODO_TOKENS_FILE (dapr.yaml), so no app can call another app's sidecar or pose as one.
app_tokens_ensure() {
  local dir app
  dir="$(secrets_dir)/apps"
  mkdir -p "$dir"
  chmod 700 "$dir"
  for app in "$@"; do
    [ -s "$dir/$app.env" ] && continue
    (umask 077 && printf 'DAPR_API_TOKEN=%s\nAPP_API_TOKEN=%s\n' "$(random_token)" "$(random_token)" >"$dir/$app.env")
  done
}
