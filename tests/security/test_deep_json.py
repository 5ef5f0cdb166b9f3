"""Finding 2: deeply nested JSON.

nlohmann::json parses iteratively, but copying, comparing and dumping a value recurse once per
level: a 200 KB body of 100,000 nested arrays or objects overflows the stack of the code that
touches it next and takes the whole app down. Fixed behaviour: every route that reads a JSON
body answers 400 or 422 (never 5xx, never a dropped connection), every app stays up, and a
nesting limit of 64 levels (the body's top-level value counts as level 1) applies."""
import json
import uuid

import pytest
import requests

from api import Api, new_user
from sechelp import apps_healthy
from stack import app_url

N = 100_000
SHAPES = {
    "arrays": "[" * N + "]" * N,
    "objects": '{"a":' * N + "1" + "}" * N,
}

# (name, method, path, how the deep value sits in the body, extra headers)
ROUTES = [
    ("task-create", "POST", "/api/v1/tasks", "{d}", {}),
    ("task-create-preset", "POST", "/api/v1/tasks",
     '{{"title":"x","due":"2031-01-01","recurrence":{{"preset":{d}}}}}', {}),
    # Inside the preset object (libs/recurrence/preset_json.cpp: {"preset": name, "days": [...]}),
    # where an error message shows the offending value (a recursive dump).
    ("task-create-preset-name", "POST", "/api/v1/tasks",
     '{{"title":"x","due":"2031-01-01","recurrence":{{"preset":{{"preset":{d}}}}}}}', {}),
    ("task-create-preset-days", "POST", "/api/v1/tasks",
     '{{"title":"x","due":"2031-01-01","recurrence":{{"preset":{{"preset":"weekly","days":[{d}]}}}}}}', {}),
    ("task-patch", "PATCH", "/api/v1/tasks/{task}", "{d}", {}),
    ("task-patch-preset-name", "PATCH", "/api/v1/tasks/{task}",
     '{{"recurrence":{{"preset":{{"preset":{d}}}}}}}', {}),
    ("task-snooze", "POST", "/api/v1/tasks/{task}/snooze", "{d}", {}),
    ("recurrence-preview", "POST", "/api/v1/recurrence/preview", "{d}", {}),
    ("recurrence-preview-preset", "POST", "/api/v1/recurrence/preview",
     '{{"dtstart":"2031-01-01","preset":{d}}}', {}),
    ("recurrence-preview-preset-name", "POST", "/api/v1/recurrence/preview",
     '{{"dtstart":"2031-01-01","preset":{{"preset":{d}}}}}', {}),
    ("recurrence-preview-preset-days", "POST", "/api/v1/recurrence/preview",
     '{{"dtstart":"2031-01-01","preset":{{"preset":"weekly","days":[{d}]}}}}', {}),
    ("quick-add", "POST", "/api/v1/quick-add", "{d}", {}),
    ("me", "PATCH", "/api/v1/me", "{d}", {}),
    ("me-channels", "PATCH", "/api/v1/me", '{{"channels":{d}}}', {}),
    ("me-key-file", "PATCH", "/api/v1/me", '{{"channels":{{"fcm":{{"service_account":{d}}}}}}}', {}),
    ("login", "POST", "/api/v1/auth/login", "{d}", {}),
    ("signup", "POST", "/api/v1/auth/signup", "{d}", {}),
    ("refresh", "POST", "/api/v1/auth/refresh", "{d}", {}),
    ("logout", "POST", "/api/v1/auth/logout", "{d}", {}),
    ("verify-email", "POST", "/api/v1/auth/verify-email", "{d}", {}),
    # The web app's logout: the frontend reads this body itself.
    ("web-logout", "POST", "/api/v1/auth/logout", "{d}", {"X-Requested-With": "todo-web"}),
    # The id need not exist: the body is read before the item is looked up.
    ("notification-snooze", "POST", "/api/v1/notifications/{notice}/snooze", "{d}", {}),
]


# Bodies that crash task-service on the unfixed code (SIGSEGV, reproduced offline against the
# validators of the base build on an 8 MiB thread stack): marked disruptive so that they run
# last, and `-m "not disruptive"` keeps a shared stack up. On the fixed code they crash nothing.
CRASHES_UNFIXED = {("me-key-file", "objects")} | {
    (name, shape) for name in ("task-create-preset-name", "task-create-preset-days",
                               "task-patch-preset-name", "recurrence-preview-preset-name",
                               "recurrence-preview-preset-days")
    for shape in SHAPES}


def deep_cases():
    for route in ROUTES:
        for shape in SHAPES:
            marks = [pytest.mark.disruptive] if (route[0], shape) in CRASHES_UNFIXED else []
            yield pytest.param(*route, shape, marks=marks, id=f"{route[0]}-{shape}")


@pytest.mark.parametrize("name,method,path,wrap,extra,shape", deep_cases())
def test_deeply_nested_json_is_refused_and_every_app_stays_up(name, method, path, wrap, extra,
                                                               shape):
    """Finding 2: 100,000 nested arrays/objects (~200 KB) with a valid bearer answer 400 or 422,
    and afterwards every app (8080-8084, 8093) still answers /healthz."""
    api = new_user()
    task = api.create_task(title="target")
    target = path.format(task=task["id"], notice=f"reminder:{uuid.uuid4()}")
    body = wrap.format(d=SHAPES[shape])
    headers = {**api.headers(), "Content-Type": "application/json", **extra}
    try:
        r = requests.request(method, app_url("frontend", target), data=body.encode(),
                             headers=headers, timeout=30)
    except requests.RequestException as e:
        pytest.fail(f"{method} {target} with {shape}: no answer ({e!r})")
    finally:
        down = apps_healthy()
    allowed = (400, 404, 422) if name == "notification-snooze" else (400, 422)
    assert r.status_code in allowed, (r.status_code, r.text[:300])
    assert not down, f"apps down after {method} {target}: {down}"


def nested_arrays(depth):
    return "[" * depth + "]" * depth


def test_json_nested_deeper_than_64_is_refused_on_task_create():
    """Finding 2: a task body nesting 65 levels (the object itself is level 1) is refused."""
    api = new_user()
    body = '{"title":"deep","tags":' + nested_arrays(64) + "}"
    r = api.request("POST", "/api/v1/tasks", data=body,
                    headers={"Content-Type": "application/json"})
    assert r.status_code in (400, 422), (r.status_code, r.text[:300])
    assert [t["title"] for t in api.get("/api/v1/tasks").json()["items"]] == []


@pytest.mark.parametrize("depth,accepted", [(10, True), (65, False)])
def test_json_nesting_limit_inside_a_key_file(tmp_path, depth, accepted):
    """Finding 2: the one place where a body may legally nest freely is the FCM key file
    (unknown members of a Google key file are kept). Depth 10 is accepted; depth 65 (over the
    limit of 64, the body's object being level 1) is refused and stores nothing."""
    from test_fcm import make_key_file
    key_file, _ = make_key_file(tmp_path)
    api = new_user()
    # body{1} channels{2} fcm{3} service_account{4} then the extra member's containers.
    extra = nested_arrays(depth - 4)
    key_text = json.dumps(key_file)[:-1] + ', "x-extra": ' + extra + "}"
    body = '{"channels":{"fcm":{"service_account":' + key_text + "}}}"
    r = api.request("PATCH", "/api/v1/me", data=body, headers={"Content-Type": "application/json"})
    me = api.get("/api/v1/me").json()
    if accepted:
        assert r.status_code == 200, r.text[:300]
        assert me["channels"]["fcm"]["credentials_set"] is True
    else:
        assert r.status_code in (400, 422), (r.status_code, r.text[:300])
        assert me["channels"]["fcm"]["credentials_set"] is False


def test_unauthenticated_deep_json_is_refused_too():
    """Finding 2: the same 200 KB body without any token (login, signup) answers 400 or 422."""
    for path in ("/api/v1/auth/login", "/api/v1/auth/signup", "/api/v1/auth/verify-email"):
        try:
            r = Api().request("POST", path, data=SHAPES["arrays"],
                              headers={"Content-Type": "application/json"})
        except requests.RequestException as e:
            pytest.fail(f"POST {path}: no answer ({e!r})")
        assert r.status_code in (400, 422), (path, r.status_code, r.text[:300])
    assert not apps_healthy()
