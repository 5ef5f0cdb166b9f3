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

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Every port comes from ports.txt, their only home. Each row NAME sets NAME_PORT (upper case,
# '-' -> '_'; exported): FRONTEND_PORT=8080, PG_PORT=55432, KAFKA_CONTROLLER_PORT=29093, ...
# PORT_APPS lists the apps (the rows with sidecar ports) in the table's order, and
# `port_of NAME [COLUMN]` prints one port (COLUMN: port, ops, dapr-http, dapr-grpc, dapr-metrics).
declare -gA _PORTS
# ports_load FILE: reads the table (tools/ports/check.py checks it in scripts/check-deploy.sh).
ports_load() {
  local name port ops http grpc metrics extra var line=0
  _PORTS=()
  PORT_APPS=()
  while read -r name port ops http grpc metrics extra; do
    line=$((line + 1))
    case "$name" in '' | '#'*) continue ;; esac
    [[ "$port" =~ ^[0-9]+$ && -n "$metrics" && ( -z "$extra" || "$extra" == '#'* ) ]] ||
      die "$1:$line: want NAME PORT OPS DAPR-HTTP DAPR-GRPC DAPR-METRICS"
    _PORTS["$name port"]=$port
    var="${name^^}_PORT"
    var="${var//-/_}"
    printf -v "$var" '%s' "$port"
    export "${var?}"
    [ "$http" != - ] || continue
    PORT_APPS+=("$name")
    _PORTS["$name ops"]=$ops _PORTS["$name dapr-http"]=$http
    _PORTS["$name dapr-grpc"]=$grpc _PORTS["$name dapr-metrics"]=$metrics
  done <"$1"
}
port_of() {
  local value="${_PORTS["$1 ${2:-port}"]:-}"
  [ -n "$value" ] || die "ports.txt: no ${2:-port} for $1"
  printf '%s\n' "$value"
}
ports_load "$ROOT/ports.txt"
# PostgreSQL's and Kafka's ports may be moved for the scripts when another process holds them
# (the self-hosted Kafka component still names 29092: the apps do not follow TODO_KAFKA_PORT).
PG_PORT="${TODO_PG_PORT:-$PG_PORT}" KAFKA_PORT="${TODO_KAFKA_PORT:-$KAFKA_PORT}"
KAFKA_CONTROLLER_PORT="${TODO_KAFKA_CONTROLLER_PORT:-$KAFKA_CONTROLLER_PORT}"
_PORTS["pg port"]=$PG_PORT _PORTS["kafka port"]=$KAFKA_PORT _PORTS["kafka-controller port"]=$KAFKA_CONTROLLER_PORT

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
