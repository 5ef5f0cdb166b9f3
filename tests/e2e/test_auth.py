"""Accounts and tokens on the real stack (through the frontend and Dapr invocation)."""
import base64
import json
import uuid

from api import Api, new_user


def test_signup_login_me_refresh_logout():
    api = Api()
    body = api.signup(time_zone="Europe/London", name="Ada")
    assert body["token_type"] == "Bearer" and body["refresh_token"]
    assert body["user"]["time_zone"] == "Europe/London"
    assert "password" not in json.dumps(body) and "hash" not in json.dumps(body["user"])

    r = api.post("/api/v1/auth/login", {"email": api.email.upper(), "password": "correct horse 1"})
    assert r.status_code == 200, r.text
    api.token = r.json()["access_token"]
    me = api.get("/api/v1/me")
    assert me.status_code == 200 and me.json()["name"] == "Ada"
    channels = me.json()["channels"]
    assert channels["email"]["enabled"] is True and channels["in_app"]["enabled"] is True

    refresh = r.json()["refresh_token"]
    r2 = api.post("/api/v1/auth/refresh", {"refresh_token": refresh})
    assert r2.status_code == 200, r2.text
    # Refresh tokens are single-use: the old one is spent.
    assert api.post("/api/v1/auth/refresh", {"refresh_token": refresh}).status_code == 401
    new_refresh = r2.json()["refresh_token"]
    assert api.post("/api/v1/auth/logout", {"refresh_token": new_refresh}).status_code == 204
    assert api.post("/api/v1/auth/refresh", {"refresh_token": new_refresh}).status_code == 401


def test_profile_update_validates_time_zone_and_channels():
    api = new_user()
    r = api.patch("/api/v1/me", {"time_zone": "Mars/Olympus_Mons"})
    assert r.status_code == 422
    assert r.headers["Content-Type"].startswith("application/problem+json")
    assert r.json()["errors"][0]["field"] == "time_zone"
    r = api.patch("/api/v1/me", {"time_zone": "America/New_York",
                                 "channels": {"push": {"enabled": True, "topic": "my-phone"}}})
    assert r.status_code == 200, r.text
    assert r.json()["time_zone"] == "America/New_York"
    assert r.json()["channels"]["push"] == {"enabled": True, "topic": "my-phone"}


def test_wrong_password_and_unknown_email_get_the_same_answer():
    api = new_user()
    wrong = api.post("/api/v1/auth/login", {"email": api.email, "password": "nope nope nope"})
    unknown = api.post("/api/v1/auth/login", {"email": "nobody@example.com",
                                              "password": "nope nope nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]


def test_signup_of_a_taken_email_changes_nothing():
    api = new_user()
    r = Api().post("/api/v1/auth/signup", {"email": api.email, "password": "another pass 2",
                                           "name": "X", "time_zone": "UTC"})
    assert r.status_code == 202, r.text
    assert api.post("/api/v1/auth/login", {"email": api.email,
                                           "password": "another pass 2"}).status_code == 401
    assert api.get("/api/v1/me").json()["name"] == "Test User"


def test_missing_forged_and_tampered_tokens_are_refused():
    api = new_user()
    anonymous = Api()
    assert anonymous.get("/api/v1/tasks").status_code == 401
    anonymous.token = "not.a.jwt"
    assert anonymous.get("/api/v1/tasks").status_code == 401
    # Same header and signature, but a payload that claims another user.
    header, payload, signature = api.token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = str(uuid.uuid4())
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    anonymous.token = f"{header}.{forged}.{signature}"
    assert anonymous.get("/api/v1/tasks").status_code == 401
    # alg=none
    none_header = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT"}').rstrip(b"=").decode()
    anonymous.token = f"{none_header}.{payload}."
    assert anonymous.get("/api/v1/tasks").status_code == 401


def test_signup_bad_input_names_the_fields():
    r = Api().post("/api/v1/auth/signup", {"email": "not-an-email", "password": "short",
                                           "time_zone": "Nowhere/City", "admin": True})
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert {"email", "password", "time_zone", "admin"} <= fields
    r = Api().request("POST", "/api/v1/auth/signup", data="{oops",
                      headers={"Content-Type": "application/json"})
    assert r.status_code == 400
