"""From a second attack on the running stack: a signed-up user could fill the database (no
limit on tasks per account) and make GET /api/v1/tags answer every distinct tag at once.
Fixed behaviour: an account holds at most 100,000 tasks (403 "Task limit reached" beyond,
nothing written); the tag list answers at most `limit` tags (1-1000, default 1000) with
`has_more`."""
import os
import subprocess

from api import new_user
from stack import PORTS, SECRETS

MAX_TASKS = 100000  # task-service's default --max-tasks-per-user
PG_PORT = str(PORTS["pg"].port)


def psql(sql):
    """Runs SQL as task-service's database role (to fill an account faster than the API)."""
    env = {**os.environ, "PGPASSWORD": SECRETS["PG_TASKS_PASSWORD"]}
    subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "task_service", "tasks",
                    "-v", "ON_ERROR_STOP=1"], input=sql, text=True, check=True, env=env)


def psql_query(sql):
    """The single value `sql` selects, as text."""
    env = {**os.environ, "PGPASSWORD": SECRETS["PG_TASKS_PASSWORD"]}
    return subprocess.run(["psql", "-qAt", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "task_service",
                           "tasks", "-c", sql], capture_output=True, text=True, check=True,
                          env=env).stdout.strip()


def fill(user_id, count, tags_per_task=0):
    tags = ("ARRAY[" + ",".join(f"'t' || g || '-{i}'" for i in range(tags_per_task)) + "]"
            if tags_per_task else "'{}'::text[]")
    psql(f"""INSERT INTO tasks (id, user_id, title, description, priority, tags, status,
                               time_zone, created_at, updated_at)
             SELECT gen_random_uuid(), '{user_id}', 'filler ' || g, '', 1, {tags}, 'open',
                    'UTC', now(), now()
             FROM generate_series(1, {count}) g;""")


def test_an_account_cannot_hold_more_than_the_task_limit():
    api = new_user()
    fill(api.user["id"], MAX_TASKS - 1)
    assert api.post("/api/v1/tasks", {"title": "the last one allowed"}).status_code == 201
    r = api.post("/api/v1/tasks", {"title": "one too many"})
    assert r.status_code == 403, (r.status_code, r.text[:300])
    assert r.headers["Content-Type"].startswith("application/problem+json")
    assert "limit" in r.json()["title"].lower()
    found = api.get("/api/v1/tasks", params={"q": "one too many"}).json()["items"]
    assert found == []
    # Deleting one makes room again.
    last = api.get("/api/v1/tasks", params={"q": "the last one allowed"}).json()["items"][0]
    assert api.delete(f"/api/v1/tasks/{last['id']}").status_code == 204
    assert api.post("/api/v1/tasks", {"title": "room again"}).status_code == 201
    psql(f"DELETE FROM tasks WHERE user_id = '{api.user['id']}';")


def test_the_tag_list_is_bounded():
    api = new_user()
    fill(api.user["id"], 300, tags_per_task=5)  # 1,500 distinct tags
    everything = api.get("/api/v1/tags")
    assert everything.status_code == 200, everything.text[:300]
    assert len(everything.json()["items"]) == 1000 and everything.json()["has_more"] is True
    few = api.get("/api/v1/tags", params={"limit": 3}).json()
    assert len(few["items"]) == 3 and few["has_more"] is True
    for bad in ({"limit": 0}, {"limit": 1001}, {"limit": "x"}, {"colour": "red"}):
        assert api.get("/api/v1/tags", params=bad).status_code == 400, bad
    psql(f"DELETE FROM tasks WHERE user_id = '{api.user['id']}';")
