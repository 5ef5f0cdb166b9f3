"""docs/api/openapi.yaml matches what the running system really answers."""
import json
import uuid

import pytest
from openapi_core import Config, OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse

from api import Api, new_user
from stack import ROOT

SPEC = OpenAPI.from_file_path(
    str(ROOT / "docs" / "api" / "openapi.yaml"),
    config=Config(extra_media_type_deserializers={"application/problem+json": json.loads}))


def check(response):
    """Validates one real request/response pair against the spec (raises on a mismatch)."""
    SPEC.validate_response(RequestsOpenAPIRequest(response.request),
                           RequestsOpenAPIResponse(response))
    return response


def test_the_spec_is_valid_openapi_3_1():
    assert SPEC.spec["openapi"] == "3.1.0"


def test_real_answers_match_the_spec():
    api = Api()
    email = f"spec-{uuid.uuid4().hex[:10]}@example.com"
    check(api.post("/api/v1/auth/signup", {"email": email, "password": "spec pass 12",
                                           "name": "Spec", "time_zone": "UTC"}))
    r = check(api.post("/api/v1/auth/login", {"email": email, "password": "spec pass 12"}))
    api.token = r.json()["access_token"]
    check(api.post("/api/v1/auth/verify-email", {"token": "not-a-link"}))
    check(api.post("/api/v1/me/email-verification"))
    check(api.post("/api/v1/auth/login", {"email": email, "password": "wrong pass 12"}))
    check(api.get("/api/v1/me"))
    check(api.patch("/api/v1/me", {"name": "Spec 2"}))
    check(api.patch("/api/v1/me", {"time_zone": "Bad/Zone"}))

    task = check(api.post("/api/v1/tasks", {
        "title": "spec", "priority": "high", "tags": ["a"], "due": "2030-05-01T10:00:00",
        "reminders": [{"before": "PT10M"}, {"at": "2030-04-30T10:00:00Z"}],
        "recurrence": {"rrule": "FREQ=WEEKLY;BYDAY=MO", "mode": "due"}})).json()
    check(api.post("/api/v1/tasks", {"title": ""}))
    check(api.get("/api/v1/tasks?limit=1"))
    check(api.get("/api/v1/tasks?sort=nope"))
    check(api.get(f"/api/v1/tasks/{task['id']}"))
    check(api.get(f"/api/v1/tasks/{uuid.uuid4()}"))
    check(api.patch(f"/api/v1/tasks/{task['id']}", {"description": None}))
    check(api.patch(f"/api/v1/tasks/{task['id']}", {"title": "x"}, headers={"If-Match": '"1"'}))
    check(api.post(f"/api/v1/tasks/{task['id']}/complete"))
    check(api.post(f"/api/v1/tasks/{task['id']}/reopen"))
    check(api.get(f"/api/v1/tasks/{task['id']}/history"))
    check(api.get("/api/v1/tags"))
    check(api.post(f"/api/v1/tasks/{task['id']}/snooze", {"for": "PT10M"}))
    check(api.post(f"/api/v1/tasks/{task['id']}/snooze", {"for": "soon"}))
    check(api.post("/api/v1/recurrence/preview", {"rrule": "FREQ=DAILY", "dtstart": "2026-03-01",
                                                  "count": 2}))
    check(api.post("/api/v1/recurrence/preview", {"preset": {"preset": "weekly", "days": ["MO"]},
                                                  "dtstart": "2026-03-01T09:00:00",
                                                  "tz": None}))
    check(api.post("/api/v1/recurrence/preview", {"rrule": "FREQ=NEVER", "dtstart": "2026-03-01"}))
    check(api.post("/api/v1/tasks", {"title": "preset", "due": "2030-01-01",
                                     "recurrence": {"preset": {"preset": "monthly", "day": -1}}}))
    check(api.delete(f"/api/v1/tasks/{task['id']}"))


@pytest.mark.parametrize("path", ["/api/v1/tasks", "/api/v1/me", "/api/v1/tags"])
def test_unauthenticated_answers_match_the_spec(path):
    check(Api().get(path))
