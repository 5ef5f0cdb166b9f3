"""task-service applies task-commands exactly once per (series, occurrence index)."""
import uuid

from api import new_user
from stack import metric, publish, wait_for


def occurrence_command(user, series_task, index, title="next one"):
    return {"command": "create_occurrence", "user_id": user["id"],
            "series_id": series_task["series_id"], "occurrence_index": index,
            "parent_id": series_task["id"],
            "task": {"title": title, "priority": "high", "tags": ["series"],
                     "due": "2031-01-08T09:00:00", "time_zone": "Europe/London",
                     "reminders": [{"before": "PT30M"}, {"at": "2001-01-01T00:00:00Z"}],
                     "recurrence": {"rrule": "FREQ=WEEKLY", "mode": "due"}}}


def series_tasks(api, series_id):
    items = api.get("/api/v1/tasks?recurring=true&limit=200").json()["items"]
    return [t for t in items if t["series_id"] == series_id]


def test_a_repeated_create_occurrence_command_creates_one_task():
    api = new_user()
    first = api.create_task(title="weekly", due="2031-01-01T09:00:00",
                            recurrence={"rrule": "FREQ=WEEKLY"})
    assert first["series_id"] == first["id"] and first["occurrence_index"] == 0
    command = occurrence_command(api.user, first, 1)
    duplicates_before = metric("task-service", "task_commands_total", result="duplicate")
    for _ in range(3):  # the same command delivered three times
        publish("recurrence-service", "task-commands", command, partition_key=api.user["id"])
    wait_for(lambda: metric("task-service", "task_commands_total",
                            result="duplicate") >= duplicates_before + 2, 30,
             what="the repeats to be recognised")
    made = [t for t in series_tasks(api, first["series_id"]) if t["occurrence_index"] == 1]
    assert len(made) == 1
    nxt = made[0]
    assert nxt["parent_id"] == first["id"] and nxt["title"] == "next one"
    assert nxt["due_at"] == "2031-01-08T09:00:00Z"
    # The absolute reminder whose moment had passed is not carried to the new occurrence.
    assert [r.get("before") for r in nxt["reminders"]] == ["PT30M"]


def test_an_invalid_command_is_dead_lettered_and_the_next_one_applies():
    api = new_user()
    first = api.create_task(title="daily", due="2031-01-01", recurrence={"rrule": "FREQ=DAILY"})
    dropped = metric("task-service", "pubsub_deliveries_total", topic="task-commands",
                     outcome="DROP")
    bad = occurrence_command(api.user, first, 1)
    bad["task"]["title"] = ""  # can never validate
    publish("recurrence-service", "task-commands", bad, partition_key=api.user["id"])
    publish("recurrence-service", "task-commands", {"command": "launch_rockets"},
            partition_key=api.user["id"])
    publish("recurrence-service", "task-commands", occurrence_command(api.user, first, 2,
                                                                      title=f"ok {uuid.uuid4()}"),
            partition_key=api.user["id"])
    wait_for(lambda: any(t["occurrence_index"] == 2
                         for t in series_tasks(api, first["series_id"])), 30,
             what="the valid command after two poison ones")
    assert metric("task-service", "pubsub_deliveries_total", topic="task-commands",
                  outcome="DROP") >= dropped + 2
    assert not any(t["occurrence_index"] == 1 for t in series_tasks(api, first["series_id"]))
