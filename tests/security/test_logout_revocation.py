"""Finding 8: logout and refresh-token reuse.

Access tokens were plain JWTs valid until they expired (15 min), whatever happened to the
session: logout revoked only the refresh token. And a refresh token used twice was refused,
but the token that replaced it kept working, so a thief who refreshed first kept the session.
Fixed behaviour: after logout the access token is refused on every service; reusing a spent
refresh token revokes its whole family."""
from api import Api, new_user
from stack import wait_for


def test_logout_ends_the_access_token_everywhere():
    """Finding 8: after POST /api/v1/auth/logout with the refresh token, the old access token
    gives 401 on GET /api/v1/me (task-service) and GET /api/v1/notifications
    (notification-service), through :8080."""
    api = Api()
    session = api.signup()
    assert api.get("/api/v1/me").status_code == 200
    assert api.get("/api/v1/notifications").status_code == 200
    r = api.post("/api/v1/auth/logout", {"refresh_token": session["refresh_token"]})
    assert r.status_code == 204, r.text
    wait_for(lambda: api.get("/api/v1/me").status_code == 401, 5,
             what="the access token to be refused by task-service after logout")
    wait_for(lambda: api.get("/api/v1/notifications").status_code == 401, 5,
             what="the access token to be refused by notification-service after logout")


def test_reusing_a_spent_refresh_token_revokes_its_family():
    """Finding 8: refresh R1 -> R2; reusing R1 answers 401; then R2 (same family) is refused
    too (401)."""
    api = new_user()
    login = api.post("/api/v1/auth/login", {"email": api.email, "password": "correct horse 1"})
    assert login.status_code == 200, login.text
    r1 = login.json()["refresh_token"]
    second = api.post("/api/v1/auth/refresh", {"refresh_token": r1})
    assert second.status_code == 200, second.text
    r2 = second.json()["refresh_token"]
    assert api.post("/api/v1/auth/refresh", {"refresh_token": r1}).status_code == 401
    reuse = api.post("/api/v1/auth/refresh", {"refresh_token": r2})
    assert reuse.status_code == 401, f"R2 still works after R1 was replayed: {reuse.status_code}"
