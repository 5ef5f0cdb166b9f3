"""POST /api/v1/quick-add on the real stack: one line of text read as a task, then saved with
POST /api/v1/tasks exactly as answered. The endpoint itself creates nothing."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from api import Api, new_user
from test_openapi import check

EXAMPLE = "Pay rent every month on the 1st at 9am p1 #bills remind 1 day before"


@pytest.fixture(params=["frontend", "task-service"])
def via(request):
    return request.param


def quick_add(api, text, spec=True, **extra):
    """The answer; checked against docs/api/openapi.yaml, whose servers are the frontend's."""
    r = api.post("/api/v1/quick-add", {"text": text, **extra})
    if spec:
        check(r)
    assert r.status_code == 200, r.text
    return r.json()


def utc(instant):
    return dt.datetime.fromisoformat(instant.replace("Z", "+00:00"))


def next_first_of_month_at_9(zone):
    """The first 1st-of-the-month 09:00 local at or after now (what the example means)."""
    now = dt.datetime.now(ZoneInfo(zone))
    first = now.replace(day=1, hour=9, minute=0, second=0, microsecond=0)
    if first < now:
        year, month = (now.year + 1, 1) if now.month == 12 else (now.year, now.month + 1)
        first = first.replace(year=year, month=month)
    return first


def test_the_example_sentence_becomes_a_task(via):
    api = new_user(via=via, time_zone="Europe/Berlin")
    tasks_before = api.get("/api/v1/tasks", params={"status": "all"}).json()["items"]
    answer = quick_add(api, EXAMPLE, spec=via == "frontend")
    # Quick add creates nothing.
    assert api.get("/api/v1/tasks", params={"status": "all"}).json()["items"] == tasks_before

    expected = next_first_of_month_at_9("Europe/Berlin")
    task = answer["task"]
    assert task == {
        "title": "Pay rent", "priority": "urgent", "tags": ["bills"],
        "due": expected.strftime("%Y-%m-%dT%H:%M:%S"), "time_zone": "Europe/Berlin",
        "reminders": [{"before": "P1D"}],
        "recurrence": {"preset": {"preset": "monthly", "day": 1}}}
    assert utc(answer["due_at"]) == expected
    assert answer["rrule"] == "FREQ=MONTHLY;BYMONTHDAY=1"
    assert answer["summary"] == "every month on the 1st"
    assert len(answer["next"]) == 3 and answer["next"][0] == answer["due_at"]
    assert answer["warnings"] == []
    assert [(p["kind"], p["text"]) for p in answer["parts"]] == [
        ("recurrence", "every month on the 1st"), ("time", "at 9am"), ("priority", "p1"),
        ("tag", "#bills"), ("reminder", "remind 1 day before")]
    for part in answer["parts"]:
        assert EXAMPLE[part["start"]:part["end"]] == part["text"]

    # The answer's task is a valid create body, saved as it was read.
    created = api.post("/api/v1/tasks", task)
    assert created.status_code == 201, created.text
    created = created.json()
    assert created["title"] == "Pay rent"
    assert created["priority"] == "urgent"
    assert created["tags"] == ["bills"]
    assert created["due"] == task["due"]
    assert created["due_at"] == answer["due_at"]
    assert created["time_zone"] == "Europe/Berlin"
    assert [r["before"] for r in created["reminders"]] == ["P1D"]
    assert utc(created["reminders"][0]["fire_at"]) == utc(answer["due_at"]) - dt.timedelta(days=1)
    assert created["recurrence"] == {"rrule": answer["rrule"], "mode": "due"}
    assert created["series_id"] == created["id"]


def test_the_profile_zone_is_the_default_and_time_zone_overrides_it():
    api = new_user(time_zone="America/New_York")
    answer = quick_add(api, "Call mom tomorrow at 9am #family")
    tomorrow = dt.datetime.now(ZoneInfo("America/New_York")).date() + dt.timedelta(days=1)
    assert answer["task"]["due"] == f"{tomorrow.isoformat()}T09:00:00"
    assert answer["task"]["time_zone"] == "America/New_York"
    assert answer["rrule"] is None and answer["summary"] is None and answer["next"] == []
    created = api.create_task(**answer["task"])
    assert created["due_at"] == answer["due_at"]
    assert created["title"] == "Call mom" and created["tags"] == ["family"]

    tokyo = quick_add(api, "Call mom tomorrow at 9am", time_zone="Asia/Tokyo")
    tomorrow_tokyo = dt.datetime.now(ZoneInfo("Asia/Tokyo")).date() + dt.timedelta(days=1)
    assert tokyo["task"]["due"] == f"{tomorrow_tokyo.isoformat()}T09:00:00"
    assert tokyo["task"]["time_zone"] == "Asia/Tokyo"
    assert utc(tokyo["due_at"]) == dt.datetime(tomorrow_tokyo.year, tomorrow_tokyo.month,
                                               tomorrow_tokyo.day, 9, tzinfo=ZoneInfo("Asia/Tokyo"))


def test_offsets_are_javascript_string_indices():
    api = new_user()
    for text in ["Café ☕ tomorrow", "🎉 party tomorrow p2"]:
        answer = quick_add(api, text)
        units = text.encode("utf-16-le")
        for part in answer["parts"]:
            assert units[2 * part["start"]:2 * part["end"]].decode("utf-16-le") == part["text"]
    answer = quick_add(api, "Café ☕ tomorrow")
    assert (answer["parts"][0]["start"], answer["parts"][0]["end"]) == (7, 15)
    assert answer["task"]["title"] == "Café ☕"


def test_a_recurring_task_and_its_next_occurrences():
    api = new_user(time_zone="UTC")
    answer = quick_add(api, "Standup every weekday at 9:30am !high")
    assert answer["rrule"] == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    assert answer["summary"] == "every weekday"
    nexts = [utc(n) for n in answer["next"]]
    assert len(nexts) == 3 and nexts == sorted(nexts)
    assert all(n.weekday() < 5 and (n.hour, n.minute) == (9, 30) for n in nexts)
    assert nexts[0] >= dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=1)
    created = api.create_task(**answer["task"])
    assert created["recurrence"]["rrule"] == answer["rrule"]
    assert created["priority"] == "high"
    assert created["due_at"] == answer["next"][0]


def test_unrecognised_words_stay_in_the_title():
    api = new_user()
    answer = quick_add(api, "Call mom about the monday meeting p5 #")
    assert answer["task"] == {"title": "Call mom about the monday meeting p5 #",
                              "time_zone": "UTC"}
    assert answer["parts"] == []


@pytest.mark.parametrize("body, field", [
    ({}, "text"),
    ({"text": None}, "text"),
    ({"text": 42}, "text"),
    ({"text": ""}, "text"),
    ({"text": "   "}, "text"),
    ({"text": "x" * 501}, "text"),
    ({"text": "Buy milk", "time_zone": "Mars/Olympus"}, "time_zone"),
    ({"text": "Buy milk", "colour": "red"}, "colour"),
])
def test_bad_input_is_a_problem_naming_the_field(body, field):
    api = new_user()
    r = check(api.post("/api/v1/quick-add", body))
    assert r.status_code == 422, r.text
    assert r.headers["Content-Type"].startswith("application/problem+json")
    assert field in [e["field"] for e in r.json()["errors"]]


def test_malformed_json_and_missing_token():
    api = new_user()
    r = api.request("POST", "/api/v1/quick-add", data="{not json",
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 400, r.text
    assert r.headers["Content-Type"].startswith("application/problem+json")
    r = check(Api().post("/api/v1/quick-add", {"text": "Buy milk"}))
    assert r.status_code == 401
    assert r.headers["Content-Type"].startswith("application/problem+json")


def test_500_characters_are_fine():
    api = new_user()
    answer = quick_add(api, "é" * 495 + " p1")
    assert answer["task"]["priority"] == "urgent"
    assert any("200 characters" in w for w in answer["warnings"])


@pytest.mark.parametrize("text, rrule, mode", [
    ("Board every 1st and 3rd tuesday", "FREQ=MONTHLY;BYDAY=1TU,3TU", "due"),
    ("Payroll every last workday", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "due"),
    ("Pills every day at 8am and 8pm", "FREQ=DAILY;BYHOUR=8,20;BYMINUTE=0", "due"),
    ("Water plants every! 3 days", "FREQ=DAILY;INTERVAL=3", "completion"),
    ("Descale the kettle after 2 months", "FREQ=MONTHLY;INTERVAL=2", "completion"),
])
def test_a_repeat_a_preset_cannot_say_is_saved_as_read(text, rrule, mode):
    """Repeats sent as {"rrule": ...} or with "mode": "completion" (issue 15) are bodies the
    task API takes as they are, and the saved rule starts at the due."""
    api = new_user(time_zone="Europe/Berlin")
    answer = quick_add(api, text)
    assert answer["rrule"] == rrule
    assert answer["warnings"] == []
    assert answer["next"][0] == answer["due_at"]
    assert answer["task"]["recurrence"].get("mode", "due") == mode
    created = api.post("/api/v1/tasks", answer["task"])
    assert created.status_code == 201, created.text
    created = created.json()
    assert created["recurrence"] == {"rrule": rrule, "mode": mode}
    assert created["due"] == answer["task"]["due"]
    assert created["due_at"] == answer["due_at"]
