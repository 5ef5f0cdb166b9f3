"""Helpers of the security tests: raw HTTP (the target reaches the server byte for byte, which
requests/urllib3 do not allow: they normalise dot segments), the internal events the apps
consume (shapes from libs/events/*.cpp), and checks that an attack changed nothing."""
import base64
import http.client
import json
import socket
import time
import uuid
from datetime import datetime, timezone

import requests

from api import client_address
from stack import APPS, dapr_headers

FRONTEND_PORT = APPS["frontend"]["port"]
APP_PORTS = sorted({a["port"] for a in APPS.values()})  # every app's own port (ports.txt)


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # list of (name, value), in order, duplicates kept
        self.body = body

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return f"<{self.status} {self.text[:200]!r}>"


def raw(method, target, headers=None, body=None, port=FRONTEND_PORT, timeout=15, source=None):
    """One request with `target` sent exactly as given (no normalisation, no re-encoding), from
    a loopback address of its own (`source`, else a fresh one: api.client_address), since the
    public door throttles sign-ups and logins per client address."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                      source_address=(source or client_address(), 0))
    try:
        conn.putrequest(method, target, skip_host=False, skip_accept_encoding=True)
        headers = dict(headers or {})
        if body is not None:
            if isinstance(body, (dict, list)):
                body = json.dumps(body)
                headers.setdefault("Content-Type", "application/json")
            if isinstance(body, str):
                body = body.encode()
            headers["Content-Length"] = str(len(body))
        for k, v in headers.items():
            conn.putheader(k, v)
        conn.endheaders(body)
        r = conn.getresponse()
        return Answer(r.status, r.getheaders(), r.read())
    finally:
        conn.close()


def bearer(api):
    return {"Authorization": f"Bearer {api.token}"}


def now_rfc3339():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def cloud_event(data, type_, topic, source="security-test"):
    return {"specversion": "1.0", "id": str(uuid.uuid4()), "source": source, "type": type_,
            "topic": topic, "pubsubname": "kafka-pubsub", "datacontenttype": "application/json",
            "time": now_rfc3339(), "data": data}


def bulk_envelope(event, topic):
    """How Dapr delivers a bulk subscription (notification-service's /events/reminders)."""
    return {"id": str(uuid.uuid4()), "topic": topic, "pubsubname": "kafka-pubsub",
            "type": "com.dapr.event.sent", "metadata": {},
            "entries": [{"entryId": str(uuid.uuid4()), "event": event,
                         "contentType": "application/cloudevents+json", "metadata": {}}]}


def create_occurrence_command(victim_user, title):
    """A task-commands create_occurrence for someone else's account (libs/events/task_command.cpp)."""
    return {"command": "create_occurrence", "user_id": victim_user["id"],
            "series_id": str(uuid.uuid4()), "occurrence_index": 1, "parent_id": str(uuid.uuid4()),
            "task": {"title": title, "priority": "high", "time_zone": "UTC",
                     "due": "2031-01-08T09:00:00"}}


def reminder_due(victim_user, title):
    """A reminders event for someone else's account (libs/events/reminder_due.cpp)."""
    return {"firing_id": str(uuid.uuid4()), "task_id": str(uuid.uuid4()), "reminder_id": "r1",
            "user_id": victim_user["id"], "title": title, "priority": "high",
            "time_zone": "UTC", "fire_at": now_rfc3339(), "fired_at": now_rfc3339(),
            "late": False, "missed_count": 0}


def user_updated(victim_user, version=10 ** 9):
    """A user-events update that would point the victim's email at the attacker."""
    return {"user_id": victim_user["id"], "name": "pwned", "time_zone": "UTC",
            "version": version,
            "channels": {"email": {"enabled": True, "address": "attacker@example.com"},
                         "push": {"enabled": False, "topic": None},
                         "in_app": {"enabled": True}}}


def stays_false(condition, seconds, interval=0.25, what="condition"):
    """Checks `condition` over `seconds` and fails as soon as it holds (an attack that must
    show no effect, seen from outside). Returns once the whole window passed cleanly."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        assert not value, f"{what}: {value!r}"
        if time.monotonic() >= deadline:
            return
        time.sleep(interval)  # polling interval of a negative check, not a wait for a condition


def task_titles(api):
    r = api.get("/api/v1/tasks?limit=200")
    assert r.status_code == 200, r.text
    return [t["title"] for t in r.json()["items"]]


def inbox_titles(api):
    r = api.get("/api/v1/notifications")
    assert r.status_code == 200, r.text
    return [i.get("title") for i in r.json()["items"]]


def apps_healthy():
    """Every app port answers GET /healthz with 200 (the app itself, no token needed)."""
    down = {}
    for port in APP_PORTS:
        try:
            r = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
            if r.status_code != 200:
                down[port] = r.status_code
        except requests.RequestException as e:
            down[port] = repr(e)
    return down


def frontend_sidecar_token():
    """The dapr-api-token of the frontend's sidecar (its own, scripts/lib/secrets.sh)."""
    return dapr_headers("frontend")["dapr-api-token"]


def basic_app_id(app_id):
    return "Basic " + base64.b64encode(f"dapr-app-id:{app_id}".encode()).decode()


def token_cookies(answer):
    """Set-Cookie headers of an answer that carry a token value (a deletion has an empty one)."""
    out = {}
    for value in answer.all("Set-Cookie"):
        name, _, rest = value.partition("=")
        cookie_value = rest.split(";", 1)[0].strip()
        if name.strip() in ("todo_at", "todo_rt") and cookie_value:
            out[name.strip()] = cookie_value
    return out


def open_socket(port=FRONTEND_PORT, timeout=3):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.settimeout(timeout)
    return s


def read_status_line(sock, deadline_s):
    """Reads until the end of the response headers (or the deadline); returns (status, head)."""
    sock.settimeout(deadline_s)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    first = head.split("\r\n", 1)[0]
    parts = first.split(" ")
    status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    return status, head
