"""A small client of the public API, as a browser or a script would use it."""
import random
import uuid

import requests
from requests.adapters import HTTPAdapter

from stack import app_headers, app_url


PASSWORD = "correct horse 1"


class _FromAddress(HTTPAdapter):
    """Connects from a given local address. The whole of 127.0.0.0/8 is this machine, so each
    client can come from an address of its own, as real users do: task-service throttles
    sign-ups and logins per client address, and one address for the whole suite would be
    throttled as a flood."""

    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def client_address():
    """A loopback address of its own for one simulated client."""
    return f"127.{random.randint(1, 254)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


def session_from(address=None):
    """A requests session whose connections come from `address` (a fresh one by default)."""
    session = requests.Session()
    session.mount("http://", _FromAddress(address or client_address()))
    return session


class Api:
    """Talks to task-service either through the frontend (port 8080, then Dapr invocation) or
    directly on 8081 (which, like every app port, needs the sidecar's app token)."""

    def __init__(self, via="frontend"):
        self.via = via
        self.base = app_url(via)
        self.extra = app_headers(via) if via != "frontend" else {}
        self.token = None
        self.user = None
        self.http = session_from()

    def headers(self, extra=None):
        h = dict(self.extra)
        if self.token:
            h["Authorization"] = f"Bearer {self.token}"
        h.update(extra or {})
        return h

    def request(self, method, path, json=None, headers=None, **kw):
        return self.http.request(method, self.base + path, json=json,
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
        """Signs up a new account (202, no session: the answer is the same for a taken email)
        and signs in with it, as the web app does; returns the login answer."""
        email = f"user-{uuid.uuid4().hex[:12]}@example.com"
        r = self.post("/api/v1/auth/signup", {"email": email, "password": PASSWORD,
                                              "name": name, "time_zone": time_zone})
        assert r.status_code == 202, r.text
        self.email = email
        return self.login(email, PASSWORD)

    def login(self, email, password=PASSWORD):
        r = self.post("/api/v1/auth/login", {"email": email, "password": password})
        assert r.status_code == 200, r.text
        body = r.json()
        self.token = body["access_token"]
        self.user = body["user"]
        return body

    def verify_email(self, address=None):
        """Opens the verification link mailed to `address` (the account's email by default),
        as its owner would: reads it from the SMTP server's maildir and posts its token."""
        from delivery import verification_token  # the maildir is only there on the real stack
        token = verification_token(address or self.email)
        r = Api(self.via).post("/api/v1/auth/verify-email", {"token": token})
        assert r.status_code == 200, r.text
        return r.json()

    def create_task(self, **fields):
        body = {"title": "a task", **fields}
        r = self.post("/api/v1/tasks", body)
        assert r.status_code == 201, r.text
        return r.json()


def new_user(via="frontend", time_zone="UTC", verified=False):
    """A signed-in new account; `verified`: its email verified too, so reminders are mailed."""
    api = Api(via)
    api.signup(time_zone=time_zone)
    if verified:
        api.verify_email()
    return api
