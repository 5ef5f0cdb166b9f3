#!/usr/bin/env bash
# Tests of scripts/lib/kafka.sh's storage formatting. Needs the Kafka jars (kafka_ensure resolves
# them; scripts/test.sh runs this after the stack is up, when they are in place).
# One fresh-clone CI run failed because a random cluster id began with "--", which kafka-storage
# took for an option: one run in 64 would.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../scripts/lib/load.sh
. "$here/../../scripts/lib/load.sh"

failures=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; failures=$((failures + 1)); }

# 1. Generated ids: 22 base64url characters, never a leading '-' (P(no '-' in 2000 ids) = 3e-14
#    without the guard, so this fails when the guard is removed).
bad=""
for _ in $(seq 2000); do
  id="$(kafka_random_cluster_id)"
  if [[ ! "$id" =~ ^[A-Za-z0-9_][A-Za-z0-9_-]{21}$ ]]; then bad="$id"; break; fi
done
if [ -z "$bad" ]; then pass "2000 generated cluster ids are 22 base64url characters without a leading '-'"
else fail "generated cluster id '$bad'"; fi

# 2. Formatting accepts an id that begins with '-' (ids from elsewhere, or a future generator).
kafka_ensure
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:1
listeners=PLAINTEXT://127.0.0.1:0,CONTROLLER://127.0.0.1:1
controller.listener.names=CONTROLLER
log.dirs=$work/data
PROPS
id="--yj8gSJUxyitEPzrH41GA" # the id of the failed CI run
if kafka_format_storage "$work/server.properties" "$id" >"$work/format.log" 2>&1 &&
  grep -qx "cluster.id=$id" "$work/data/meta.properties"; then
  pass "storage formats with cluster id $id"
else
  fail "storage format with cluster id $id: $(tail -3 "$work/format.log")"
fi

[ "$failures" -eq 0 ] || exit 1
