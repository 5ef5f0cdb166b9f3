# shellcheck shell=bash
# The delivery targets of notification-service on a developer machine, both on loopback:
#   SMTP  Debian's aiosmtpd on 127.0.0.1:$SMTP_PORT, storing every message it receives in the
#         maildir $RUN_DIR/mail (read it with any maildir reader, or the tests)
#   push  tools/ntfy-standin (ntfy's publish/poll protocol) on 127.0.0.1:$NTFY_PORT
#   FCM   tools/fcm-standin (Google's token endpoint and FCM HTTP v1 send) on 127.0.0.1:$FCM_PORT
# The Dapr bindings `email`, `push-ntfy`, `fcm-oauth` and `fcm` (dapr/self-hosted/resources)
# point at these ports.
#   delivery_start / delivery_stop / delivery_is_up

# SMTP_PORT, NTFY_PORT and FCM_PORT come from ports.txt (common.sh).
MAIL_DIR="$RUN_DIR/mail"

_smtp_up() { (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; }
_ntfy_up() { curl -fs -o /dev/null "http://127.0.0.1:$NTFY_PORT/v1/health"; }
_fcm_up() { curl -fs -o /dev/null "http://127.0.0.1:$FCM_PORT/health"; }
delivery_is_up() { _smtp_up && _ntfy_up && _fcm_up; }

delivery_start() {
  apt_install python3-aiosmtpd curl
  # A maildir is three folders; the server stores nothing into a bare one.
  mkdir -p "$RUN_DIR/logs" "$MAIL_DIR/cur" "$MAIL_DIR/new" "$MAIL_DIR/tmp"
  if ! _smtp_up; then
    log "starting the SMTP server (aiosmtpd) on 127.0.0.1:$SMTP_PORT, maildir $MAIL_DIR"
    # Debian's python3 owns the aiosmtpd package, whatever python3 comes first on PATH.
    setsid nohup /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" \
      -c aiosmtpd.handlers.Mailbox "$MAIL_DIR" >"$RUN_DIR/logs/smtp.log" 2>&1 </dev/null &
    echo $! >"$RUN_DIR/smtp.pid"
  fi
  if ! _ntfy_up; then
    log "starting the push server (ntfy stand-in) on 127.0.0.1:$NTFY_PORT"
    setsid nohup /usr/bin/python3 "$ROOT/tools/ntfy-standin/server.py" \
      --listen "127.0.0.1:$NTFY_PORT" >"$RUN_DIR/logs/ntfy.log" 2>&1 </dev/null &
    echo $! >"$RUN_DIR/ntfy.pid"
  fi
  if ! _fcm_up; then
    log "starting the FCM stand-in on 127.0.0.1:$FCM_PORT"
    setsid nohup /usr/bin/python3 "$ROOT/tools/fcm-standin/server.py" \
      --listen "127.0.0.1:$FCM_PORT" >"$RUN_DIR/logs/fcm.log" 2>&1 </dev/null &
    echo $! >"$RUN_DIR/fcm.pid"
  fi
  wait_until 20 "SMTP server on :$SMTP_PORT" _smtp_up || die "the SMTP server did not start: $RUN_DIR/logs/smtp.log"
  wait_until 20 "push server on :$NTFY_PORT" _ntfy_up || die "the push server did not start: $RUN_DIR/logs/ntfy.log"
  wait_until 20 "FCM stand-in on :$FCM_PORT" _fcm_up || die "the FCM stand-in did not start: $RUN_DIR/logs/fcm.log"
}

delivery_stop() {
  local name pid
  for name in smtp ntfy fcm; do
    if [ -f "$RUN_DIR/$name.pid" ]; then
      pid="$(cat "$RUN_DIR/$name.pid")"
      kill -TERM "$pid" 2>/dev/null || true
      rm -f "$RUN_DIR/$name.pid"
    fi
  done
  fuser -k -TERM "$SMTP_PORT/tcp" "$NTFY_PORT/tcp" "$FCM_PORT/tcp" >/dev/null 2>&1 || true
}
