#!/usr/bin/env bash
# Smoke test of a deployed platform through the frontend: the app answers, a user signs up,
# creates a task and finds it in the list.
#   scripts/smoke-test.sh BASE_URL        e.g. http://127.0.0.1:8080
set -euo pipefail
base="${1:?usage: smoke-test.sh BASE_URL}"
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }

for i in $(seq 1 60); do
  if curl -fsS "$base/healthz" >/dev/null 2>&1; then break; fi
  [ "$i" -lt 60 ] || fail "$base/healthz does not answer"
  sleep 2
done
email="smoke-$(date +%s)-$RANDOM@example.com"
token=""
for i in $(seq 1 30); do
  # Sign-up starts no session (it answers alike for a taken email): sign in next.
  signup="$(curl -sS -X POST "$base/api/v1/auth/signup" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"a good smoke-test passphrase\",\"time_zone\":\"Europe/London\"}" || true)"
  signup="$(curl -sS -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"a good smoke-test passphrase\"}" || true)"
  token="$(printf '%s' "$signup" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("access_token",""))' 2>/dev/null || true)"
  [ -z "$token" ] || break
  [ "$i" -lt 30 ] || fail "signup did not succeed: $signup"
  sleep 5
done
created="$(curl -fsS -X POST "$base/api/v1/tasks" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"title":"smoke test task","priority":"high"}')" ||
  fail "creating a task failed"
id="$(printf '%s' "$created" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
curl -fsS "$base/api/v1/tasks" -H "Authorization: Bearer $token" | grep -q "$id" ||
  fail "the new task $id is not in the list"
echo "smoke test passed: $base (task $id)"
