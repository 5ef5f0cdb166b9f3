#!/usr/bin/env bash
# Fuzzes every parser entry point (issue 13): builds the libFuzzer harnesses of tests/fuzz with
# clang under AddressSanitizer + UndefinedBehaviorSanitizer in build-fuzz, then runs each one for
# a fixed time on a copy of its seed corpus (tests/fuzz/corpus/<name>). Prints a table of the
# executions per harness; exits non-zero when any harness crashed, leaked, hung or ran out of
# memory (the input that did it is kept in build-fuzz/fuzz-runs/<name>/artifacts/).
#   FUZZ_SECONDS=20          how long each harness runs
#   FUZZ_ONLY="jwt cookie"   run only these harnesses (names without _fuzz)
#   TODO_FUZZ_BUILD_DIR=...  the build directory (default: build-fuzz in the checkout)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# SC1091: plain `shellcheck fuzz.sh` cannot follow these; check-deploy.sh runs it with -x -P SCRIPTDIR.
# shellcheck source=lib/common.sh disable=SC1091
. "$here/lib/common.sh"
# shellcheck source=lib/build.sh disable=SC1091
. "$here/lib/build.sh"  # build_deps: the project's C++ libraries

FUZZ_SECONDS="${FUZZ_SECONDS:-20}"
FUZZ_DIR="${TODO_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
# Debian 12: clang 14, and its compiler-rt with libFuzzer (libclang_rt.fuzzer*) and the sanitizers.
FUZZ_PACKAGES=(clang libclang-rt-dev)

[[ "$FUZZ_SECONDS" =~ ^[1-9][0-9]*$ ]] || die "FUZZ_SECONDS must be a whole number of seconds"

# -max_len per harness: JSON bodies up to 300 KB, so a body nested 100,000 deep fits; quick-add
# text 4 KB (the API takes at most 500 characters); any other text 64 KB.
max_len_of() {
  case "$1" in
    json_parse | json_object | task_body | snooze_body | account_body | recurrence_preview | \
      quick_add_request | event_payload | cloud_event | rrule_preset | service_account)
      echo 307200 ;;
    quick_add_text) echo 4096 ;;
    *) echo 65536 ;;
  esac
}

build_fuzzers() {
  build_deps
  apt_install "${FUZZ_PACKAGES[@]}"
  # The same ccache set-up as build_cpp (scripts/lib/build.sh).
  export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=true CCACHE_DIR="${CCACHE_DIR:-$TODO_CACHE/ccache}" CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
  if [ ! -f "$FUZZ_DIR/build.ninja" ]; then
    log "configuring the fuzz build in $FUZZ_DIR (clang, ASan + UBSan, libFuzzer)"
    (cd "$ROOT" && cmake --preset fuzz -B "$FUZZ_DIR" >/dev/null)
  fi
  log "building the fuzz harnesses ($FUZZ_DIR)"
  local started=$SECONDS
  ninja -C "$FUZZ_DIR" fuzz >"$FUZZ_DIR/last-build.log" 2>&1 ||
    { tail -n 60 "$FUZZ_DIR/last-build.log" >&2; die "fuzz build failed (log: $FUZZ_DIR/last-build.log)"; }
  log "built in $((SECONDS - started)) s"
}

# run_one NAME: fuzzes one harness; prints its table row; returns non-zero when it failed.
run_one() {
  local name="$1" binary="$FUZZ_DIR/fuzz/${1}_fuzz" work="$FUZZ_DIR/fuzz-runs/$1"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp "$ROOT/tests/fuzz/corpus/$name/"* "$work/corpus/"
  local seeds rc=0
  seeds="$(find "$work/corpus" -type f | wc -l)"
  # timeout: a last resort should libFuzzer itself wedge (its -timeout covers single inputs).
  ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    timeout --kill-after=10 $((FUZZ_SECONDS + 120)) \
    "$binary" -max_total_time="$FUZZ_SECONDS" -timeout=5 -rss_limit_mb=2048 \
    -max_len="$(max_len_of "$name")" -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
    "$work/corpus" >"$work/fuzz.log" 2>&1 || rc=$?
  local runs="-" secs="-" result="ok" entries kib
  if grep -qE '^Done [0-9]+ runs in [0-9]+ second' "$work/fuzz.log"; then
    read -r runs secs < <(sed -nE 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\1 \2/p' "$work/fuzz.log" | tail -n 1)
  fi
  entries="$(find "$work/corpus" -type f | wc -l)"
  kib="$(find "$work/corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1024 }')"
  if ((rc != 0)) || [ -n "$(ls -A "$work/artifacts")" ]; then
    result="FAILED (exit $rc)"
  fi
  printf '%-20s %-16s %12s %6s %10s %7s %9s\n' "$name" "$result" "$runs" "$secs" \
    "$([ "$runs" = "-" ] || [ "$secs" = "0" ] && echo "-" || echo $((runs / secs)))" \
    "$seeds/$entries" "$kib"
  if [ "$result" != "ok" ]; then
    {
      echo "---- $name: $work/fuzz.log (last 40 lines)"
      tail -n 40 "$work/fuzz.log"
      echo "---- inputs kept in $work/artifacts/:"
      ls -l "$work/artifacts/"
    } >&2
    return 1
  fi
}

main() {
  local started=$SECONDS
  build_fuzzers
  local names=() name
  for name in "$ROOT"/tests/fuzz/*_fuzz.cpp; do
    name="$(basename "$name" _fuzz.cpp)"
    if [ -n "${FUZZ_ONLY:-}" ] && [[ " $FUZZ_ONLY " != *" $name "* ]]; then continue; fi
    names+=("$name")
  done
  ((${#names[@]})) || die "no harness matches FUZZ_ONLY=$FUZZ_ONLY"
  log "fuzzing ${#names[@]} harnesses for ${FUZZ_SECONDS} s each"
  local failed=()
  printf '%-20s %-16s %12s %6s %10s %7s %9s\n' harness result executions secs "exec/s" "seeds/corpus" "KiB"
  for name in "${names[@]}"; do
    run_one "$name" || failed+=("$name")
  done
  log "fuzzing done in $((SECONDS - started)) s (build included)"
  ((${#failed[@]} == 0)) || die "harnesses that failed: ${failed[*]} (logs and inputs in $FUZZ_DIR/fuzz-runs/)"
}

main "$@"
