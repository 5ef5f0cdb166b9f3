#!/usr/bin/env bash
# Runs the browser tests against a running stack (scripts/run.sh start, or scripts/test.sh).
#   BASE_URL=http://127.0.0.1:8080   where the frontend answers (default: its port in ports.txt)
# Installs Debian's chromium and playwright-core (npm) when they are missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../scripts/lib/common.sh
. "$here/../../scripts/lib/common.sh"
# shellcheck source=../../scripts/lib/web.sh
. "$here/../../scripts/lib/web.sh"

ui_test_deps
export BASE_URL="${BASE_URL:-http://127.0.0.1:$FRONTEND_PORT}"
export OPS_URL="${OPS_URL:-http://127.0.0.1:$(port_of frontend ops)}"
log "== browser tests (chromium, headless) against $BASE_URL"
cd "$here"
node --test --test-concurrency=1 --test-reporter=spec stream.test.mjs app.test.mjs settings.test.mjs
