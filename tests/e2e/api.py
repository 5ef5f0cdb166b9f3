"""A small client of the public API, as a browser or a script would use it."""
import uuid

import requests

from stack import app_headers, app_url


class Api:
    """Talks to task-service either through the frontend (port 8080, then Dapr invocation) or
    directly on 8081 (which, like every app port, needs the sidecar's app token)."""

    def __init__(self, via="frontend"):
        self.base = app_url(via)
        self.extra = app_headers() if via != "frontend" else {}
        self.token = None
        self.user = None

    def headers(self, extra=None):
        h = dict(self.extra)
        if self.token:
            h["Authorization"] = f"Bearer {self.token}"
        h.update(extra or {})
        return h

    def request(self, method, path, json=None, headers=None, **kw):
        return requests.request(method, self.base + path, json=json,
                                headers=self.headers(headers), timeout=15, **kw)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, json=None, **kw):
        return self.request("POST", path, json=json, **kw)

    def patch(self, path, json=None, **kw):
        return self.request("PATCH", path, json=json, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def signup(self, time_zone="UTC", name="Test User"):
        email = f"user-{uuid.uuid4().hex[:12]}@example.com"
        r = self.post("/api/v1/auth/signup", {"email": email, "password": "correct horse 1",
                                              "name": name, "time_zone": time_zone})
        assert r.status_code == 201, r.text
        body = r.json()
        self.token = body["access_token"]
        self.user = body["user"]
        self.email = email
        return body

    def create_task(self, **fields):
        body = {"title": "a task", **fields}
        r = self.post("/api/v1/tasks", body)
        assert r.status_code == 201, r.text
        return r.json()


def new_user(via="frontend", time_zone="UTC"):
    api = Api(via)
    api.signup(time_zone=time_zone)
    return api
