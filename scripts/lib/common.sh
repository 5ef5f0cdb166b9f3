#!/usr/bin/env bash
# Shared settings and helpers for every script. Source it; it defines no side effects
# beyond variables and functions.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export ROOT
# Per-checkout run state (data dirs, logs, generated secrets). Git-ignored.
export RUN_DIR="${TODO_RUN_DIR:-$ROOT/.run}"
# Shared across checkouts so a fresh clone reuses built tools (daprd, dapr CLI, Kafka jars).
export TODO_CACHE="${TODO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/todo-platform}"
export BUILD_DIR="${TODO_BUILD_DIR:-$ROOT/build}"

# Fixed, documented ports (see README.md).
export FRONTEND_PORT=8080 TASK_SERVICE_PORT=8081 RECURRENCE_SERVICE_PORT=8082
export REMINDER_SCHEDULER_PORT=8083 NOTIFICATION_SERVICE_PORT=8084
# Every app serves /healthz, /readyz and /metrics on its operations port, its port + 1000
# (libs/service/runtime.cpp): ops_port 8080 -> 9080.
ops_port() { echo $(($1 + 1000)); }
export PG_PORT="${TODO_PG_PORT:-55432}"
export KAFKA_PORT="${TODO_KAFKA_PORT:-29092}" KAFKA_CONTROLLER_PORT="${TODO_KAFKA_CONTROLLER_PORT:-29093}"

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# wait_until SECONDS DESCRIPTION CMD... : polls CMD every 0.5 s until it succeeds or the deadline passes.
wait_until() {
  local timeout="$1" what="$2"; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      log "timed out after ${timeout}s waiting for: $what"
      return 1
    fi
    sleep 0.5
  done
}

# as_root CMD...: runs CMD as root (directly, or through sudo when the user is not root).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
# apt_install PKG...: installs the Debian packages that are not installed yet.
apt_install() {
  local missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  log "installing Debian packages: ${missing[*]}"
  if ((apt_updated == 0)); then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
}
