"""Finding 11: browser protections, internal endpoints on the public port, weak passwords and
out-of-range dates.

Fixed behaviour: the web app and the API answer with a Content-Security-Policy whose
script-src has no 'unsafe-inline' and frame-ancestors 'none' (or X-Frame-Options: DENY),
X-Content-Type-Options: nosniff and a Referrer-Policy; answers carrying user data are
Cache-Control: no-store; /metrics and /readyz are not served on :8080; common passwords are
refused at sign-up; a due date outside years 1-9999 is a 422, not a 500."""
import uuid

import pytest

from api import Api, new_user
from sechelp import raw


def csp_directives(value):
    out = {}
    for part in (value or "").split(";"):
        words = part.split()
        if words:
            out[words[0].lower()] = [w.lower() for w in words[1:]]
    return out


def header_problems(answer):
    problems = []
    csp = answer.header("Content-Security-Policy")
    directives = csp_directives(csp)
    if not csp:
        problems.append("no Content-Security-Policy")
    else:
        scripts = directives.get("script-src", directives.get("default-src"))
        if scripts is None:
            problems.append("CSP has neither script-src nor default-src")
        elif "'unsafe-inline'" in scripts:
            problems.append(f"script-src allows 'unsafe-inline': {csp}")
    framing_ok = (directives.get("frame-ancestors") == ["'none'"] or
                  (answer.header("X-Frame-Options") or "").upper() == "DENY")
    if not framing_ok:
        problems.append("neither frame-ancestors 'none' nor X-Frame-Options: DENY")
    if (answer.header("X-Content-Type-Options") or "").lower() != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    if not answer.header("Referrer-Policy"):
        problems.append("no Referrer-Policy")
    return problems


@pytest.mark.parametrize("path", ["/", "/api/v1/tasks"])
def test_web_app_and_api_answers_carry_browser_protections(path):
    """Finding 11: GET / (the web app) and GET /api/v1/tasks through :8080 carry CSP (no
    'unsafe-inline' scripts, frame-ancestors 'none'), nosniff, Referrer-Policy and framing
    protection."""
    api = new_user()
    a = raw("GET", path, {"Authorization": f"Bearer {api.token}"})
    assert a.status == 200, a
    assert not header_problems(a), header_problems(a)


@pytest.mark.parametrize("path", ["/api/v1/tasks", "/api/v1/me", "/api/v1/notifications",
                                  "/api/v1/tags"])
def test_answers_with_user_data_are_not_stored(path):
    """Finding 11: API answers that carry user data are Cache-Control: no-store."""
    api = new_user()
    a = raw("GET", path, {"Authorization": f"Bearer {api.token}"})
    assert a.status == 200, a
    assert "no-store" in (a.header("Cache-Control") or "").lower(), a.headers


@pytest.mark.parametrize("path", ["/metrics", "/readyz"])
def test_internal_endpoints_are_not_on_the_public_port(path):
    """Finding 11: :8080/metrics and :8080/readyz are not served (they are on the operations
    port only): refused as a path only the sidecar may call (401) or unknown (404), never the
    metrics or the readiness report."""
    a = raw("GET", path)
    assert a.status in (401, 404), a
    assert "http_request_duration_seconds" not in a.text and '"ready"' not in a.text, a


@pytest.mark.parametrize("password", ["password", "12345678", "aaaaaaaa", "qwertyuiop"])
def test_common_passwords_are_refused_at_signup(password):
    """Finding 11: a sign-up with a common or trivial password answers 422 naming `password`."""
    r = Api().post("/api/v1/auth/signup", {"email": f"user-{uuid.uuid4().hex[:12]}@example.com",
                                           "password": password, "name": "W", "time_zone": "UTC"})
    assert r.status_code == 422, (r.status_code, r.text[:200])
    assert "password" in [e.get("field") for e in r.json().get("errors", [])], r.text[:300]


@pytest.mark.parametrize("zone,due", [("UTC", "0000-01-01"),
                                      ("Europe/Berlin", "0000-01-01T00:00:00"),
                                      ("Europe/Berlin", "1899-12-31T23:00"),
                                      ("UTC", "10000-01-01")])
def test_due_dates_outside_the_supported_years_are_422(zone, due):
    """Finding 11: a task due outside the years 1900-9999 (docs/security.md), e.g.
    "0000-01-01" (which in Europe/Berlin is an instant in year -1), answers 422, not 500."""
    api = new_user(time_zone=zone)
    r = api.post("/api/v1/tasks", {"title": "ancient", "due": due})
    assert r.status_code == 422, (r.status_code, r.text[:200])
