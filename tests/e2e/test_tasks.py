"""task-service's REST API on the real stack: every endpoint, filter and sort, isolation,
concurrency, bad input, and the events every change publishes."""
import concurrent.futures
import uuid

import pytest

from api import Api, new_user
from events import TopicTail


@pytest.fixture(params=["frontend", "task-service"])
def api(request):
    """The same API through the frontend (Dapr invocation) and directly on 8081."""
    return new_user(via=request.param, time_zone="America/New_York")


def test_create_get_update_complete_reopen_delete(api):
    created = api.create_task(title="Pay rent", description="flat 4", priority="high",
                              tags=["Bills", "#home"], due="2026-12-01T09:00:00",
                              reminders=[{"before": "PT15M"}])
    assert created["status"] == "open" and created["version"] == 1
    assert created["tags"] == ["bills", "home"]
    assert created["due_at"] == "2026-12-01T14:00:00Z"  # 09:00 in New York (EST)
    assert created["time_zone"] == "America/New_York"
    assert created["reminders"][0]["fire_at"] == "2026-12-01T13:45:00Z"
    tid = created["id"]

    r = api.get(f"/api/v1/tasks/{tid}")
    assert r.status_code == 200 and r.json() == created
    assert r.headers["ETag"] == '"1"'

    r = api.patch(f"/api/v1/tasks/{tid}", {"title": "Pay the rent", "priority": "urgent"},
                  headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.json()["title"] == "Pay the rent" and r.json()["version"] == 2

    r = api.post(f"/api/v1/tasks/{tid}/complete")
    assert r.status_code == 200 and r.json()["status"] == "completed"
    assert r.json()["completed_at"]
    r = api.post(f"/api/v1/tasks/{tid}/reopen")
    assert r.status_code == 200 and r.json()["status"] == "open"
    assert r.json()["completed_at"] is None

    history = api.get(f"/api/v1/tasks/{tid}/history").json()["items"]
    assert [h["action"] for h in history] == ["created", "updated", "completed", "reopened"]
    assert history[1]["changes"]["title"] == {"from": "Pay rent", "to": "Pay the rent"}

    assert api.delete(f"/api/v1/tasks/{tid}").status_code == 204
    assert api.get(f"/api/v1/tasks/{tid}").status_code == 404


def test_another_users_task_is_a_404_exactly_like_a_missing_one():
    alice, bob = new_user(), new_user()
    task = alice.create_task(title="alice's secret")
    missing = bob.get(f"/api/v1/tasks/{uuid.uuid4()}")
    theirs = bob.get(f"/api/v1/tasks/{task['id']}")
    assert missing.status_code == theirs.status_code == 404
    assert missing.json() == theirs.json()
    for call in (lambda: bob.patch(f"/api/v1/tasks/{task['id']}", {"title": "mine"}),
                 lambda: bob.post(f"/api/v1/tasks/{task['id']}/complete"),
                 lambda: bob.delete(f"/api/v1/tasks/{task['id']}"),
                 lambda: bob.get(f"/api/v1/tasks/{task['id']}/history")):
        assert call().status_code == 404
    assert all(t["id"] != task["id"] for t in bob.get("/api/v1/tasks").json()["items"])
    assert alice.get(f"/api/v1/tasks/{task['id']}").json()["title"] == "alice's secret"


def test_two_updates_with_the_same_version_one_wins_one_conflicts():
    api = new_user()
    task = api.create_task(title="contended")

    def update(title):
        return api.patch(f"/api/v1/tasks/{task['id']}", {"title": title},
                         headers={"If-Match": '"1"'})

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(update, ["first", "second"]))
    codes = sorted(r.status_code for r in results)
    assert codes == [200, 409], [r.text for r in results]
    winner = next(r for r in results if r.status_code == 200).json()["title"]
    assert api.get(f"/api/v1/tasks/{task['id']}").json()["title"] == winner


def test_filters_combine_and_named_queries_are_one_call_each():
    api = new_user(time_zone="UTC")
    a = api.create_task(title="Buy groceries", priority="high", tags=["shop"],
                        due="2020-01-01T10:00:00")  # long overdue
    b = api.create_task(title="Water plants", priority="low", tags=["home"],
                        due="2099-01-01", recurrence={"rrule": "FREQ=DAILY;COUNT=3"})
    c = api.create_task(title="Call mum", priority="urgent", tags=["home", "family"])
    done = api.create_task(title="Old errand", tags=["shop"])
    api.post(f"/api/v1/tasks/{done['id']}/complete")

    def ids(query):
        r = api.get("/api/v1/tasks?" + query)
        assert r.status_code == 200, r.text
        return [t["id"] for t in r.json()["items"]]

    assert ids("overdue=true") == [a["id"]]
    assert ids("recurring=true") == [b["id"]]
    assert set(ids("status=open")) == {a["id"], b["id"], c["id"]}
    assert ids("status=completed") == [done["id"]]
    assert set(ids("priority=high,urgent")) == {a["id"], c["id"]}
    assert set(ids("tag=home")) == {b["id"], c["id"]}
    assert ids("tag=home&tag=family&tag_mode=all") == [c["id"]]
    assert ids("tag=home&priority=low") == [b["id"]]
    assert ids("q=groc") == [a["id"]]  # a partial word finds
    assert ids("q=PLANTS") == [b["id"]]
    assert ids("due_before=2021-01-01T00:00:00Z") == [a["id"]]
    assert set(ids("due_after=2021-01-01")) == {b["id"]}


def test_due_today_uses_the_users_time_zone():
    import datetime
    from zoneinfo import ZoneInfo
    api = new_user(time_zone="Pacific/Kiritimati")  # UTC+14: "today" differs from UTC's
    today = datetime.datetime.now(ZoneInfo("Pacific/Kiritimati")).date()
    todays = api.create_task(title="today", due=today.isoformat() + "T23:30:00")
    api.create_task(title="tomorrow", due=(today + datetime.timedelta(days=1)).isoformat())
    r = api.get("/api/v1/tasks?due_today=true")
    assert [t["id"] for t in r.json()["items"]] == [todays["id"]]


def test_sorts_are_stable_and_pagination_has_no_gaps_or_duplicates():
    api = new_user()
    priorities = ["low", "medium", "high", "urgent"]
    made = [api.create_task(title=f"task {i:02d}", priority=priorities[i % 4],
                            due=f"2030-01-{(i % 9) + 1:02d}" if i % 3 else None)
            for i in range(23)]
    for sort, order in [("due", "asc"), ("due", "desc"), ("priority", "desc"),
                        ("title", "asc"), ("title", "desc"), ("created", "desc")]:
        seen, cursor = [], None
        while True:
            q = f"/api/v1/tasks?sort={sort}&order={order}&limit=5"
            r = api.get(q + (f"&cursor={cursor}" if cursor else ""))
            assert r.status_code == 200, r.text
            seen += r.json()["items"]
            cursor = r.json()["next_cursor"]
            if not cursor:
                break
        assert sorted(t["id"] for t in seen) == sorted(t["id"] for t in made), (sort, order)
        if sort == "title":
            titles = [t["title"] for t in seen]
            assert titles == sorted(titles, reverse=order == "desc")
        if sort == "priority":
            ranks = [priorities.index(t["priority"]) for t in seen]
            assert ranks == sorted(ranks, reverse=True)
        if sort == "due":
            dated = [t["due_at"] for t in seen if t["due_at"]]
            assert dated == sorted(dated, reverse=order == "desc")
            assert all(t["due_at"] is None for t in seen[len(dated):])  # undated last


def test_tags_with_counts():
    api = new_user()
    api.create_task(tags=["work", "urgent-ish"])
    api.create_task(tags=["Work"])
    items = api.get("/api/v1/tags").json()["items"]
    counts = {i["tag"]: i["count"] for i in items}
    assert counts == {"work": 2, "urgent-ish": 1}


@pytest.mark.parametrize("body,field", [
    ({"title": ""}, "title"),
    ({"title": "x" * 201}, "title"),
    ({"title": "ok", "priority": "extreme"}, "priority"),
    ({"title": "ok", "tags": "not-a-list"}, "tags"),
    ({"title": "ok", "tags": [f"t{i}" for i in range(21)]}, "tags"),
    ({"title": "ok", "due": "2026-02-30"}, "due"),
    ({"title": "ok", "due": "2026-12-01T09:00", "time_zone": "Nowhere/Land"}, "time_zone"),
    ({"title": "ok", "reminders": [{"before": "PT15M"}]}, "reminders[0].before"),
    ({"title": "ok", "due": "2030-01-01", "reminders": [{"before": "PT5M"}] * 11}, "reminders"),
    ({"title": "ok", "reminders": [{"at": "2001-01-01T00:00:00Z"}]}, "reminders[0].at"),
    ({"title": "ok", "due": "2030-01-01", "recurrence": {"rrule": "FREQ=SOMETIMES"}},
     "recurrence.rrule"),
    ({"title": "ok", "owner": "me"}, "owner"),
    ({"title": 7}, "title"),
])
def test_bad_task_input_names_the_field_and_changes_nothing(body, field):
    api = new_user()
    r = api.post("/api/v1/tasks", body)
    assert r.status_code == 422, r.text
    assert r.headers["Content-Type"].startswith("application/problem+json")
    assert field in [e["field"] for e in r.json()["errors"]]
    assert api.get("/api/v1/tasks").json()["items"] == []


def test_malformed_json_oversized_body_bad_ids_and_bad_queries():
    api = new_user()
    r = api.request("POST", "/api/v1/tasks", data="{not json",
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    r = api.request("POST", "/api/v1/tasks", data='{"title": "' + "x" * (2 * 1024 * 1024) + '"}',
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert api.get("/api/v1/tasks/not-a-uuid").status_code == 404
    assert api.get("/api/v1/tasks?sort=sideways").status_code == 400
    assert api.get("/api/v1/tasks?limit=100000").status_code == 400
    assert api.get("/api/v1/tasks?cursor=garbage").status_code == 400
    assert api.get("/api/v1/tasks?colour=red").status_code == 400
    task = api.create_task()
    assert api.patch(f"/api/v1/tasks/{task['id']}", {"status": "completed"}).status_code == 422
    assert api.patch(f"/api/v1/tasks/{task['id']}", {"title": "x"},
                     headers={"If-Match": "banana"}).status_code == 400
    # A weak tag never matches with If-Match (RFC 9110 13.1.1); it used to be taken as "1".
    assert api.patch(f"/api/v1/tasks/{task['id']}", {"title": "x"},
                     headers={"If-Match": 'W/"1"'}).status_code == 400
    assert api.get(f"/api/v1/tasks/{task['id']}").json() == task


def test_every_change_is_published_with_the_outbox_id_and_user_key():
    events, updates = TopicTail("task-events"), TopicTail("task-updates")
    try:
        api = new_user()
        task = api.create_task(title="evented")
        api.patch(f"/api/v1/tasks/{task['id']}", {"title": "evented 2"})
        api.post(f"/api/v1/tasks/{task['id']}/complete")
        api.post(f"/api/v1/tasks/{task['id']}/reopen")
        api.delete(f"/api/v1/tasks/{task['id']}")
        mine = lambda m: m["event"]["data"]["task"]["id"] == task["id"]  # noqa: E731
        got = events.wait_for(lambda m: mine(m) and m["event"]["type"] ==
                              "todo.task.deleted.v1", what="the delete event")
        got = [m for m in events.poll_all() if mine(m)]
        assert [m["event"]["data"]["action"] for m in got] == [
            "created", "updated", "completed", "reopened", "deleted"]
        assert all(m["key"] == api.user["id"] for m in got)  # partition key = user id
        assert len({m["partition"] for m in got}) == 1  # so one user's events stay in order
        assert all(m["event"]["source"] == "task-service" for m in got)
        assert len({m["event"]["id"] for m in got}) == 5
        assert got[1]["event"]["data"]["changes"]["title"]["to"] == "evented 2"
        ui = updates.wait_for(lambda m: m["event"]["data"]["task"]["id"] == task["id"] and
                              m["event"]["data"]["action"] == "deleted", what="UI update")
        assert ui
    finally:
        events.close()
        updates.close()
