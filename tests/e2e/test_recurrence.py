"""Recurring tasks on the real stack: completing one creates exactly one next occurrence, through
task-events, recurrence-service, task-commands and task-service, whatever is repeated or killed."""
import json
import time

import pytest
import requests

from api import new_user
from events import TopicTail
from stack import ProcessSnapshot, metric, ops_url, publish, wait_for


def series_tasks(api, series_id):
    r = api.get("/api/v1/tasks", params={"recurring": "true", "status": "all", "limit": 200})
    assert r.status_code == 200, r.text
    return sorted((t for t in r.json()["items"] if t["series_id"] == series_id),
                  key=lambda t: t["occurrence_index"])


def complete(api, task):
    r = api.post(f"/api/v1/tasks/{task['id']}/complete")
    assert r.status_code == 200, r.text
    return r.json()


def wait_for_occurrence(api, series_id, index, timeout=30):
    def found():
        return next((t for t in series_tasks(api, series_id) if t["occurrence_index"] == index),
                    None)
    return wait_for(found, timeout, what=f"occurrence {index} of series {series_id}")


def test_completing_a_weekly_task_creates_the_next_one():
    api = new_user(time_zone="Europe/London")
    first = api.create_task(title="Team sync", priority="high", tags=["work"],
                            due="2030-03-25T10:00:00",  # a Monday, before the clocks change
                            reminders=[{"before": "PT15M"}],
                            recurrence={"rrule": "FREQ=WEEKLY;BYDAY=MO", "mode": "due"})
    assert first["series_id"] == first["id"] and first["occurrence_index"] == 0
    complete(api, first)
    second = wait_for_occurrence(api, first["series_id"], 1)
    assert second["due"] == "2030-04-01T10:00:00"
    # London moved to BST on 31 March: 10:00 local is now 09:00 UTC, not 10:00.
    assert first["due_at"] == "2030-03-25T10:00:00Z"
    assert second["due_at"] == "2030-04-01T09:00:00Z"
    assert second["parent_id"] == first["id"]
    assert second["status"] == "open"
    assert (second["title"], second["priority"], second["tags"]) == ("Team sync", "high", ["work"])
    assert [r["before"] for r in second["reminders"]] == ["PT15M"]
    assert second["recurrence"] == first["recurrence"]


def test_a_count_3_series_yields_exactly_three_tasks_however_often_completed():
    api = new_user()
    task = api.create_task(title="Three times", due="2030-01-01",
                           recurrence={"rrule": "FREQ=DAILY;COUNT=3"})
    series = task["series_id"]
    finished_before = metric("recurrence-service", "recurrence_completions_total",
                             result="finished")
    for index in range(3):
        # Complete, reopen, complete again: one next occurrence only.
        complete(api, task)
        r = api.post(f"/api/v1/tasks/{task['id']}/reopen")
        assert r.status_code == 200, r.text
        complete(api, task)
        if index < 2:
            task = wait_for_occurrence(api, series, index + 1)
            assert task["due"] == f"2030-01-0{index + 2}"  # date-only stays date-only
    # The series has ended: recurrence-service records it, and nothing else appears.
    wait_for(lambda: metric("recurrence-service", "recurrence_completions_total",
                            result="finished") > finished_before, 30,
             what="the series to finish")
    tasks = series_tasks(api, series)
    assert [t["occurrence_index"] for t in tasks] == [0, 1, 2]
    assert all(t["status"] == "completed" for t in tasks)


def test_completion_mode_counts_from_the_completion():
    api = new_user()
    task = api.create_task(title="Water the plants", due="2020-01-01",
                           recurrence={"rrule": "FREQ=DAILY;INTERVAL=3", "mode": "completion"})
    done = complete(api, task)
    today = done["completed_at"][:10]
    nxt = wait_for_occurrence(api, task["series_id"], 1)
    from datetime import date, timedelta
    assert nxt["due"] == (date.fromisoformat(today) + timedelta(days=3)).isoformat()


def test_a_redelivered_completion_creates_no_duplicate():
    api = new_user()
    tail = TopicTail("task-events")
    task = api.create_task(title="Weekly", due="2030-01-07T09:00:00",
                           recurrence={"rrule": "FREQ=WEEKLY"})
    complete(api, task)
    wait_for_occurrence(api, task["series_id"], 1)
    completed = tail.wait_for(lambda m: m["event"]["type"] == "todo.task.completed.v1" and
                              m["event"]["data"]["task"]["id"] == task["id"],
                              what="the completed event")[0]["event"]
    before = metric("recurrence-service", "recurrence_completions_total", result="resent")
    # The very same CloudEvent (same id) delivered again, as Kafka may after a rebalance.
    publish("task-service", "task-events", json.dumps(completed),
            partition_key=completed["data"]["user_id"],
            content_type="application/cloudevents+json")
    wait_for(lambda: metric("recurrence-service", "recurrence_completions_total",
                            result="resent") > before, 30, what="the redelivery to be handled")
    assert [t["occurrence_index"] for t in series_tasks(api, task["series_id"])] == [0, 1]
    tail.close()


@pytest.mark.disruptive
def test_killing_recurrence_service_mid_stream_creates_no_duplicates():
    api = new_user()
    tasks = [api.create_task(title=f"series {i}", due="2030-01-07T09:00:00",
                             recurrence={"rrule": "FREQ=WEEKLY"}) for i in range(30)]
    app = ProcessSnapshot("build/bin/recurrence-service")
    try:
        for i, task in enumerate(tasks):
            complete(api, task)
            if i == 10:
                app.kill()  # with completions still arriving and some in flight
    finally:  # started again even if the test fails, so later tests find the stack whole
        app.start_again("recurrence-service-restarted.log")
    wait_for(lambda: requests.get(ops_url("recurrence-service", "/readyz"), timeout=5).ok, 60,
             what="recurrence-service ready again")
    for task in tasks:
        wait_for_occurrence(api, task["series_id"], 1, timeout=60)
    for task in tasks:
        assert [t["occurrence_index"] for t in series_tasks(api, task["series_id"])] == [0, 1]


def test_preview_answers_occurrences_in_the_zone_and_rejects_bad_rules():
    api = new_user(time_zone="America/New_York")
    r = api.post("/api/v1/recurrence/preview",
                 {"rrule": "FREQ=DAILY", "dtstart": "2026-03-07T02:30:00",
                  "tz": "America/New_York", "count": 3})
    assert r.status_code == 200, r.text
    body = r.json()
    # Wall-clock occurrences: 02:30 on 8 March does not exist in New York, the rule still says it.
    assert body["occurrences"] == ["2026-03-07T02:30:00", "2026-03-08T02:30:00",
                                   "2026-03-09T02:30:00"]
    assert body["summary"]
    r = api.post("/api/v1/recurrence/preview", {"rrule": "FREQ=MONTHLY;BYMONTHDAY=31",
                                                "dtstart": "2026-01-31", "count": 4})
    assert r.json()["occurrences"] == ["2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31"]
    r = api.post("/api/v1/recurrence/preview", {"rrule": "FREQ=DAILY;BYDAY=XX",
                                                "dtstart": "2026-01-31"})
    assert r.status_code == 422
    assert r.headers["Content-Type"].startswith("application/problem+json")
    assert r.json()["errors"][0]["field"] == "rrule"


def test_an_invalid_rule_is_rejected_when_the_task_is_saved():
    api = new_user()
    r = api.post("/api/v1/tasks", {"title": "x", "due": "2030-01-01",
                                   "recurrence": {"rrule": "FREQ=WEEKLY;BYWEEKNO=20"}})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "recurrence.rrule"
    r = api.post("/api/v1/tasks", {"title": "x", "due": "2030-01-01",
                                   "recurrence": {"preset": {"preset": "weekdays"}}})
    assert r.status_code == 201, r.text
    assert r.json()["recurrence"]["rrule"] == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
