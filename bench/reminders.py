#!/usr/bin/env python3
"""reminder-scheduler under load, through the real event path: synthetic "created" task events
(each task with one absolute reminder) are bulk-published on task-events through task-service's
sidecar, exactly as task-service's outbox would publish them; both scheduler slices consume them
and persist them in the Dapr state store. Measures:

  1. resident memory with --pending reminders held (far in the future), both slices summed;
  2. time for a slice to recover its share after kill -9 and restart (until /readyz answers);
  3. firing lateness (instant -> publish accepted) with --rate reminders firing per second for
     --seconds, from the reminder_lateness_seconds histograms.

Needs the stack running (scripts/run.sh). Cleans up: deletes every task it created."""
import argparse
import json
import subprocess
import sys
import time
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from stack import APPS, ProcessSnapshot, dapr_headers, metric, ops_url, sidecar_url  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from histograms import buckets, quantile  # noqa: E402

# The two slices and their operations ports (/metrics, /readyz), from ports.txt.
SCHEDULERS = {app: APPS[app]["ops"] for app in ("reminder-scheduler", "reminder-scheduler-1")}
PUBLISH = sidecar_url("task-service", "/v1.0-alpha1/publish/bulk/kafka-pubsub/task-events")


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def task_event(action, task_id, user_id, fire_at, now):
    task = {"id": task_id, "user_id": user_id, "title": "bench reminder", "description": "",
            "priority": "medium", "tags": [], "status": "open", "due": None,
            "time_zone": "UTC", "due_at": None,
            "reminders": [{"id": "r1", "at": iso(fire_at)}], "recurrence": None,
            "series_id": None, "parent_id": None, "occurrence_index": 0, "completed_at": None,
            "created_at": iso(now), "updated_at": iso(now), "version": 1}
    return {"action": action, "user_id": user_id, "task": task, "changes": None,
            "occurred_at": iso(now)}


def publish(events):
    body = [{"entryId": str(i), "event": e, "contentType": "application/json",
             "metadata": {"partitionKey": e["user_id"]}} for i, e in enumerate(events)]
    req = urllib.request.Request(PUBLISH, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json",
                                          **dapr_headers("task-service")})
    with urllib.request.urlopen(req, timeout=60) as r:
        r.read()


def publish_all(specs, action, batch=500):
    now = datetime.now(timezone.utc).replace(microsecond=0)
    for i in range(0, len(specs), batch):
        publish([task_event(action, t, u, f, now) for t, u, f in specs[i:i + batch]])


def pending():
    return sum(metric(app, "reminders_pending") for app in SCHEDULERS)


def wait_pending(target, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pending() == target:
            return
        time.sleep(0.5)
    sys.exit(f"{what}: pending is {pending()}, expected {target}")


def rss_mib(pattern):
    pid = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout.split()[0]
    kib = next(int(l.split()[1]) for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS"))
    return kib / 1024


def lateness_buckets():
    total = {}
    for port in SCHEDULERS.values():
        for le, count in buckets(port, "reminder_lateness_seconds").items():
            total[le] = total.get(le, 0) + count
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pending", type=int, default=100_000)
    ap.add_argument("--rate", type=int, default=1000)
    ap.add_argument("--seconds", type=int, default=10)
    args = ap.parse_args()
    users = [str(uuid.uuid4()) for _ in range(1000)]
    base = pending()

    # 1. Hold --pending reminders, a day ahead.
    far = datetime.now(timezone.utc) + timedelta(days=1)
    held = [(str(uuid.uuid4()), users[i % len(users)], far + timedelta(seconds=i))
            for i in range(args.pending)]
    t0 = time.monotonic()
    publish_all(held, "created")
    wait_pending(base + args.pending, 1800, "scheduling")
    ingest_s = time.monotonic() - t0
    rss = {app: rss_mib(f"reminder-scheduler --slice {i} ") for i, app in enumerate(SCHEDULERS)}
    print(f"held {args.pending} pending reminders (ingested at {args.pending / ingest_s:.0f}/s): "
          f"RSS slice 0 {rss['reminder-scheduler']:.1f} MiB + slice 1 "
          f"{rss['reminder-scheduler-1']:.1f} MiB")

    # 2. Recovery of slice 0's share after kill -9.
    share = metric("reminder-scheduler", "reminders_pending")
    app = ProcessSnapshot("build/bin/reminder-scheduler --slice 0 ")
    app.kill()
    t0 = time.monotonic()
    app.start_again("reminder-scheduler-bench-restart.log")
    while True:
        try:
            ready = ops_url("reminder-scheduler", "/readyz")
            if urllib.request.urlopen(ready, timeout=2).status == 200:
                break
        except OSError:
            pass
        time.sleep(0.05)
    print(f"slice 0 recovered {share:.0f} pending reminders in {time.monotonic() - t0:.2f} s "
          f"(kill -9 to ready, pending now {metric('reminder-scheduler', 'reminders_pending'):.0f})")

    # 3. Lateness at --rate firings per second.
    start = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=60)
    burst = [(str(uuid.uuid4()), users[i % len(users)],
              start + timedelta(seconds=i // args.rate)) for i in range(args.rate * args.seconds)]
    publish_all(burst, "created")
    wait_pending(base + args.pending + len(burst), 55, "scheduling the burst before it is due")
    before = lateness_buckets()
    wait_pending(base + args.pending, 60 + args.seconds + 60, "firing the burst")
    after = lateness_buckets()
    p50, count = quantile(before, after, 0.5)
    p99, _ = quantile(before, after, 0.99)
    print(f"{count:.0f} firings at {args.rate}/s: lateness p50 <= {p50 * 1000:g} ms, "
          f"p99 <= {p99 * 1000:g} ms (histogram bucket bounds)")

    publish_all(held + burst, "deleted")
    wait_pending(base, 1800, "cleaning up")


if __name__ == "__main__":
    main()
