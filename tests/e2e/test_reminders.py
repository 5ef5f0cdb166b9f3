"""Reminders on the real stack: task-service -> task-events -> reminder-scheduler -> reminders,
fired at their instant, moved, cancelled, and never lost or doubled across kills and instances."""
from datetime import timedelta

import pytest
import requests

from api import new_user
from clock import local, parse, utc_now
from events import TopicTail
from stack import ProcessSnapshot, metric, ops_url, wait_for

REMINDER_TYPE = "todo.reminder.due.v1"


def firings(tail, task_id):
    return [m["event"] for m in tail.poll_all()
            if m["event"].get("type") == REMINDER_TYPE and m["event"]["data"]["task_id"] == task_id]


def wait_for_firing(tail, task_id, timeout=90):
    """The first firing of the task, and when this test received it."""
    def arrived():
        got = firings(tail, task_id)
        return (got[0], utc_now()) if got else None
    return wait_for(arrived, timeout, interval=0.01, what=f"a reminder for task {task_id}")


def ready(app):
    try:
        return requests.get(ops_url(app, "/readyz"), timeout=5).status_code == 200
    except requests.ConnectionError:
        return False


@pytest.fixture
def reminders():
    tail = TopicTail("reminders")
    yield tail
    tail.close()


def test_a_reminder_fires_at_its_instant(reminders):
    api = new_user()
    due = (utc_now() + timedelta(seconds=60)).replace(microsecond=0)
    task = api.create_task(title="Call the bank", due=local(due), reminders=[{"before": "PT50S"}])
    event, received = wait_for_firing(reminders, task["id"])
    data = event["data"]
    fire_at = parse(data["fire_at"])
    assert fire_at == due - timedelta(seconds=50)
    # Within 1 s of the instant, measured where a consumer reads it (the same machine's clock).
    assert timedelta(0) <= received - fire_at < timedelta(seconds=1), received - fire_at
    assert data["title"] == "Call the bank"
    assert data["user_id"] == task["user_id"]
    assert data["reminder_id"] == task["reminders"][0]["id"]
    assert event["id"] == data["firing_id"]


def test_moving_the_due_moves_the_reminder_and_completing_cancels_it(reminders):
    api = new_user()
    now = utc_now().replace(microsecond=0)
    moved = api.create_task(title="moved", due=local(now + timedelta(seconds=300)),
                            reminders=[{"before": "PT292S"}])  # would fire at +8 s
    cancelled = api.create_task(title="cancelled", due=local(now + timedelta(seconds=300)),
                                reminders=[{"before": "PT292S"}])
    r = api.patch(f"/api/v1/tasks/{moved['id']}", {"due": local(now + timedelta(seconds=304))})
    assert r.status_code == 200, r.text
    r = api.post(f"/api/v1/tasks/{cancelled['id']}/complete")
    assert r.status_code == 200, r.text
    # A sentinel firing after both old instants: once it has arrived, they would have too.
    sentinel = api.create_task(title="sentinel", due=local(now + timedelta(seconds=300)),
                               reminders=[{"before": "PT288S"}])  # +12 s
    wait_for_firing(reminders, sentinel["id"])
    assert firings(reminders, cancelled["id"]) == []
    got = firings(reminders, moved["id"])
    assert [parse(e["data"]["fire_at"]) for e in got] == [now + timedelta(seconds=12)]


def test_snoozing_brings_the_reminder_back(reminders):
    api = new_user()
    task = api.create_task(title="snooze me", due=local(utc_now() + timedelta(days=1)))
    until = (utc_now() + timedelta(seconds=5)).replace(microsecond=0)
    r = api.post(f"/api/v1/tasks/{task['id']}/snooze",
                 {"until": until.strftime("%Y-%m-%dT%H:%M:%SZ")})
    assert r.status_code == 200, r.text
    event, _ = wait_for_firing(reminders, task["id"])
    assert parse(event["data"]["fire_at"]) == until


def slice_of(user_id, slices):
    """The scheduler's stable_hash (64-bit FNV-1a of the user id) modulo the slice count."""
    h = 14695981039346656037
    for byte in user_id.encode():
        h = ((h ^ byte) * 1099511628211) % 2**64
    return h % slices


def user_of_slice(k):
    while True:
        api = new_user()
        if slice_of(api.user["id"], 2) == k:
            return api


def test_two_scheduler_instances_fire_every_reminder_exactly_once(reminders):
    """The stack runs the scheduler as two slices (dapr.yaml); users are spread over both."""
    def fired_by(app):
        return metric(app, "reminders_fired_total")

    before = {app: fired_by(app) for app in ("reminder-scheduler", "reminder-scheduler-1")}
    # Users of both slices, picked the way the scheduler assigns them.
    users, slices = [], set()
    while len(users) < 12 or slices != {0, 1}:
        api = new_user()
        users.append(api)
        slices.add(slice_of(api.user["id"], 2))
    tasks = [task for api in users for task in pending_reminders(api, 2, first_in_s=6)]
    sentinel = pending_reminders(users[0], 1, first_in_s=12)[0]
    assert_each_fires_exactly_once(reminders, tasks, sentinel)
    after = {app: fired_by(app) for app in before}
    assert all(after[app] > before[app] for app in before), (before, after)
    assert sum(after.values()) - sum(before.values()) >= len(tasks) + 1


def pending_reminders(api, count, first_in_s):
    now = utc_now().replace(microsecond=0)
    return [api.create_task(title=f"pending {i}", due=local(now + timedelta(seconds=600)),
                            reminders=[{"at": (now + timedelta(seconds=first_in_s + i))
                                        .strftime("%Y-%m-%dT%H:%M:%SZ")}])
            for i in range(count)]


def assert_each_fires_exactly_once(tail, tasks, last_sentinel):
    wait_for_firing(tail, last_sentinel["id"], timeout=120)
    for task in tasks:
        wait_for(lambda t=task: firings(tail, t["id"]), 60, what=f"firing of {task['title']}")
    for task in tasks:
        ids = [e["id"] for e in firings(tail, task["id"])]
        assert len(ids) == 1, (task["title"], ids)


def kill_with_reminders_pending(tail, process_pattern, log_name):
    """Kills the process (slice 0's scheduler or its sidecar) with reminders pending, keeps it
    down while two of them come due, starts it again, and checks every one fires exactly once.
    Returns the tasks; the first two came due during the outage."""
    api = user_of_slice(0)  # slice 0 is the instance killed
    tasks = pending_reminders(api, 6, first_in_s=10)
    sentinel = pending_reminders(api, 1, first_in_s=25)[0]
    process = ProcessSnapshot(process_pattern)
    process.kill()
    try:
        wait_for(lambda: utc_now() > parse(tasks[1]["reminders"][0]["at"]), 30,
                 what="two reminders to come due during the outage")
    finally:  # started again even if the test fails, so later tests find the stack whole
        process.start_again(log_name)
    wait_for(lambda: ready("reminder-scheduler"), 60, what="reminder-scheduler ready again")
    assert_each_fires_exactly_once(tail, tasks, sentinel)
    return tasks


@pytest.mark.disruptive
def test_kill_9_of_the_scheduler_loses_and_doubles_nothing(reminders):
    tasks = kill_with_reminders_pending(reminders, "build/bin/reminder-scheduler --slice 0 ",
                                        "reminder-scheduler-restarted.log")
    # The two that came due while it was down fire at once on start, after their instant.
    for task in tasks[:2]:
        assert firings(reminders, task["id"])[0]["data"]["lateness_seconds"] > 0


@pytest.mark.disruptive
def test_kill_9_of_the_schedulers_sidecar_loses_and_doubles_nothing(reminders):
    kill_with_reminders_pending(reminders, "daprd .*--app-id reminder-scheduler ",
                                "reminder-scheduler-daprd-restarted.log")
