#!/usr/bin/env bash
# Brings the whole system up on this machine (installing and building what is missing),
# or stops it.
#   scripts/run.sh            start everything, exit 0 once every part is healthy
#   scripts/run.sh stop       stop everything
#   scripts/run.sh status     show what runs
#   scripts/run.sh kafka stop|start   take Kafka away and back (to see the system cope)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/load.sh
. "$here/lib/load.sh"

case "${1:-start}" in
  start) stack_start ;;
  stop) stack_stop ;;
  status) stack_status ;;
  kafka)
    case "${2:-}" in
      stop) kafka_stop ;;
      start) kafka_start ;;
      *) die "usage: scripts/run.sh kafka stop|start" ;;
    esac
    ;;
  *) die "usage: scripts/run.sh [start|stop|status|kafka stop|kafka start]" ;;
esac
