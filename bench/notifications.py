#!/usr/bin/env python3
"""notification-service under load, through the real path: --users accounts (email and push on)
are created through the API; then reminder.due events are bulk-published on `reminders` through
reminder-scheduler's sidecar, exactly as the scheduler publishes them, at --rate per second for
--seconds, each with fire_at = the moment it is published. notification-service delivers each on
email (smtp binding -> aiosmtpd), push (http binding -> push server) and in-app (inbox +
task-updates). Measures throughput (deliveries finished per second per channel, until all are
done) and the delay from the reminder instant to the hand-over per channel (p50/p99 from the
notification_delivery_delay_seconds histogram's bucket bounds).

Needs the stack running (scripts/run.sh start)."""
import argparse
import json
import sys
import time
import urllib.request
import uuid
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from api import new_user  # noqa: E402
from stack import APPS, dapr_headers, metric, sidecar_url  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from histograms import buckets, quantile  # noqa: E402

PUBLISH = sidecar_url("reminder-scheduler",
                      "/v1.0-alpha1/publish/bulk/kafka-pubsub/reminders")
CHANNELS = ("email", "push", "in_app")


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def reminder(user_id):
    now = datetime.now(timezone.utc)
    firing = f"bench-{uuid.uuid4().hex}"
    return {"specversion": "1.0", "id": firing, "source": "bench", "type": "todo.reminder.due.v1",
            "datacontenttype": "application/json",
            "data": {"firing_id": firing, "task_id": str(uuid.uuid4()), "reminder_id": "r1",
                     "user_id": user_id, "title": "bench reminder", "description": "",
                     "priority": "medium", "due": None, "due_at": None, "time_zone": "UTC",
                     "fire_at": iso(now), "fired_at": iso(now), "late": False,
                     "lateness_seconds": 0, "missed_count": 0}}


def publish(events):
    body = [{"entryId": str(i), "event": e, "contentType": "application/cloudevents+json",
             "metadata": {"partitionKey": e["data"]["user_id"]}} for i, e in enumerate(events)]
    req = urllib.request.Request(PUBLISH, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json",
                                          **dapr_headers("reminder-scheduler")})
    with urllib.request.urlopen(req, timeout=60) as r:
        r.read()


def finished(channel):
    return sum(metric("notification-service", "notification_deliveries_total", channel=channel,
                      outcome=o) for o in ("sent", "failed"))


def delay_buckets(channel):
    return buckets(APPS["notification-service"]["ops"], "notification_delivery_delay_seconds",
                   channel=channel)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=200)
    ap.add_argument("--rate", type=int, default=500)
    ap.add_argument("--seconds", type=int, default=10)
    args = ap.parse_args()
    users = []
    for _ in range(args.users):
        api = new_user(verified=True)  # an unverified address is never mailed
        r = api.patch("/api/v1/me", {"channels": {"push": {"enabled": True,
                                                           "topic": f"bench-{uuid.uuid4().hex[:8]}"}}})
        assert r.status_code == 200, r.text
        users.append(api.user["id"])
    time.sleep(2)  # let the user events reach the projection before the first reminder
    before = {c: (finished(c), delay_buckets(c)) for c in CHANNELS}
    total = args.rate * args.seconds
    t0 = time.monotonic()
    sent = 0
    tick = 0.1
    while sent < total:
        due = min(total, int((time.monotonic() - t0) / tick + 1) * int(args.rate * tick))
        if due > sent:
            publish([reminder(users[(sent + i) % len(users)]) for i in range(due - sent)])
            sent = due
        time.sleep(max(0.0, t0 + (sent / args.rate) - time.monotonic()))
    publish_s = time.monotonic() - t0
    print(f"published {total} reminders in {publish_s:.1f} s ({total / publish_s:.0f}/s)")
    deadline = time.monotonic() + 900
    for c in CHANNELS:
        while finished(c) - before[c][0] < total and time.monotonic() < deadline:
            time.sleep(0.5)
        done = finished(c) - before[c][0]
        elapsed = time.monotonic() - t0
        p50, count = quantile(before[c][1], delay_buckets(c), 0.5)
        p99, _ = quantile(before[c][1], delay_buckets(c), 0.99)
        print(f"{c:7s}: {done:.0f}/{total} finished within {elapsed:.1f} s "
              f"({done / elapsed:.0f}/s); delay p50 <= {p50:g} s, p99 <= {p99:g} s "
              f"({count:.0f} observed)")


if __name__ == "__main__":
    main()
