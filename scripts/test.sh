#!/usr/bin/env bash
# Installs what is missing, builds, runs the unit tests, then starts the real stack
# (PostgreSQL, Kafka, daprd, the services) and runs the end-to-end tests against it.
# Exits non-zero on any failure.
#   TODO_SANITIZE=1   also build and run the unit tests under ASan+UBSan, and under
#                     ThreadSanitizer (on in CI)
#   TODO_FUZZ_SECONDS=3  how long each libFuzzer harness runs (scripts/fuzz.sh; 0 skips them)
#   KEEP_STACK=1      leave the stack running afterwards
#   PYTEST_ARGS="-k name"   pass options to pytest
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/load.sh
. "$here/lib/load.sh"

started=$SECONDS

bash "$here/check-format.sh"
# clang-tidy (CI or TODO_TIDY=1) on the whole tree: libs, services, bench and tests (unit,
# contracts, fuzz), clean since issue 14, so any finding fails the run. 17 to 30 minutes on two
# cores.
[[ "${TODO_TIDY:-${CI:-0}}" =~ ^(0|false)$ ]] || bash "$here/check-tidy.sh"

log "== unit tests"
build_cpp
(cd "$BUILD_DIR" && ctest --output-on-failure)
# The Python test tools (pytest, grpcio-tools here; the e2e and security suites below).
venv="$TODO_CACHE/venv"
if [ ! -x "$venv/bin/pytest" ] || ! cmp -s "$ROOT/tests/e2e/requirements.txt" "$venv/requirements.txt"; then
  apt_install python3-venv
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$ROOT/tests/e2e/requirements.txt"
  cp "$ROOT/tests/e2e/requirements.txt" "$venv/requirements.txt"
fi
log "== proto/ against what the producers really send (tests/contracts; no stack needed)"
"$venv/bin/pytest" -q -p no:cacheprovider "$ROOT/tests/contracts"
bash "$here/check-deploy.sh"

if [ "${TODO_SANITIZE:-${CI:-0}}" != "0" ] && [ "${TODO_SANITIZE:-${CI:-0}}" != "false" ]; then
  log "== unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
  build_cpp "$ROOT/build-asan" asan-ubsan
  (cd "$ROOT/build-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure)
  log "== unit tests under ThreadSanitizer"
  build_cpp "$ROOT/build-tsan" tsan unit_tests
  (cd "$ROOT/build-tsan" && TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" ctest --output-on-failure)
fi

if [ "${TODO_FUZZ_SECONDS:-3}" != "0" ]; then
  log "== every parser entry point fuzzed briefly (longer: FUZZ_SECONDS=300 scripts/fuzz.sh)"
  FUZZ_SECONDS="${TODO_FUZZ_SECONDS:-3}" bash "$here/fuzz.sh"
fi

log "== end-to-end tests on the real stack"

if [ "${KEEP_STACK:-0}" = "0" ]; then
  trap 'bash "$here/run.sh" stop >/dev/null 2>&1 || true' EXIT
fi
bash "$here/run.sh" start
bash "$ROOT/tests/scripts/test_kafka_storage.sh"  # the scripts' own logic (tests/scripts)
# shellcheck disable=SC2086
"$venv/bin/pytest" -q -p no:cacheprovider ${PYTEST_ARGS:-} "$ROOT/tests/e2e"
log "== attack suite on the public door (tests/security, docs/security.md)"
# shellcheck disable=SC2086
"$venv/bin/pytest" -q -p no:cacheprovider ${PYTEST_ARGS:-} "$ROOT/tests/security"
bash "$ROOT/tests/ui/run.sh"  # the web app in headless chromium (tests/ui)
log "all tests passed in $((SECONDS - started))s"
