"""Security regression tests, run against the real stack like tests/e2e (whose helpers they
reuse: stack.py, api.py). Start the stack first (scripts/run.sh); these tests never stop it.

    python -m pytest tests/security                     # everything (disruptive ones last)
    python -m pytest tests/security -m "not disruptive" # keeps an unfixed stack up
    python -m pytest tests/security -m "not slow"       # skips the 20 s slow-client test
"""
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))
sys.path.insert(0, str(HERE))


def pytest_configure(config):
    config.addinivalue_line("markers", "disruptive: stops and restarts parts of the stack; runs last")
    config.addinivalue_line("markers", "slow: holds many slow connections open for up to 30 s")


def pytest_collection_modifyitems(items):
    # As in tests/e2e: anything that takes a service down runs after everything that needs it up.
    items.sort(key=lambda item: item.get_closest_marker("disruptive") is not None)


@pytest.fixture(scope="session")
def probe_user():
    from api import Api
    from stack import wait_for

    def signed_up():
        api = Api()
        try:
            api.signup()
        except AssertionError:
            return None
        return api
    return wait_for(signed_up, 60, interval=0.5, what="a sign-up through the frontend")


@pytest.fixture(autouse=True)
def backends_answer(probe_user):
    """Each test starts with the backends answering through the frontend. On the unfixed stack
    the frontend sidecar's circuit breaker (one per target app and method path, e.g.
    "task-service:api/v1/tasks") counts 4xx answers as failures (finding 3), so one test's
    401s or 404s can leave the next one with 502 for 10 s or more. A successful call on a
    half-open breaker closes it, so this waits until the paths every test uses succeed."""
    import requests
    from stack import app_url, wait_for

    def answering():
        h = probe_user.headers()
        calls = [requests.get(app_url("frontend", "/api/v1/tasks"), headers=h, timeout=5),
                 requests.get(app_url("frontend", "/api/v1/me"), headers=h, timeout=5),
                 requests.get(app_url("frontend", "/api/v1/notifications"), headers=h, timeout=5),
                 # From the probe user's own address, never 127.0.0.1's login budget (throttled
                 # per address), which the browser tests after this suite need.
                 probe_user.http.post(app_url("frontend", "/api/v1/auth/login"), timeout=5,
                                      json={"email": probe_user.email,
                                            "password": "correct horse 1"})]
        return all(r.status_code < 500 for r in calls)
    wait_for(answering, 60, interval=0.5, what="task-service and notification-service to answer "
                                                "through the frontend")
