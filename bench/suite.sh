#!/usr/bin/env bash
# The benchmarks of docs/benchmarks.md's before/after table, run against one checkout:
#   bench/suite.sh [CHECKOUT] [LABEL]
# starts that checkout's stack (its scripts/run.sh builds it), runs its bench scripts (list,
# get, create and complete with the relay lag; reminder ingest and firing lateness;
# notifications at 100/s), stops the stack, and keeps every output in bench/results/LABEL-*.txt
# of this checkout. Comparing two versions: run it once per checkout, alternating, on a machine
# doing nothing else.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
checkout="$(cd "${1:-$here/..}" && pwd)"
label="${2:-$(git -C "$checkout" rev-parse --short HEAD)}"
out="$here/results"
mkdir -p "$out"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
python=/root/.cache/todo-platform/venv/bin/python
[ -x "$python" ] || python=python3

cd "$checkout"
bash scripts/run.sh start >"$out/$label-$stamp-start.txt" 2>&1
trap 'bash scripts/run.sh stop >/dev/null 2>&1 || true' EXIT
run() {
  local name="$1"
  shift
  echo "== $name: $*"
  "$python" "$@" 2>&1 | tee "$out/$label-$stamp-$name.txt"
}
benches="${BENCHES:-tasks reminders notifications}"  # a subset: BENCHES="reminders"
for bench in $benches; do
  case "$bench" in
    tasks) run tasks bench/task_service.py --seconds 10 --read-rate 1000 --dapr-rate 500 --write-rate 100 ;;
    reminders) run reminders bench/reminders.py --pending 20000 --rate 1000 --seconds 5 ;;
    notifications) run notifications bench/notifications.py --rate 100 --seconds 10 ;;
    *) echo "unknown bench: $bench" >&2 && exit 2 ;;
  esac
done
