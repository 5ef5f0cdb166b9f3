"""Finding 5: a replayed refresh cookie must not open the victim's session.

The frontend remembered each cookie refresh for 60 s under the old refresh token and handed
the same new tokens (as cookies) to anyone presenting the old token: whoever got hold of a
spent `todo_rt` got a fresh session for a minute, also after the victim logged out. Fixed
behaviour: a replayer never receives token cookies, and within a few seconds is refused (401);
after logout every refresh token of the session is refused at once."""
import time
import uuid

from sechelp import raw, token_cookies

WEB = {"X-Requested-With": "todo-web"}


def web_signup():
    email = f"user-{uuid.uuid4().hex[:12]}@example.com"
    s = raw("POST", "/api/v1/auth/signup", WEB, body={
        "email": email, "password": "correct horse 1", "name": "Web", "time_zone": "UTC"})
    assert s.status == 202, s
    assert not token_cookies(s), s.headers  # sign-up starts no session: the web app signs in
    a = raw("POST", "/api/v1/auth/login", WEB, body={"email": email,
                                                     "password": "correct horse 1"})
    assert a.status == 200, a
    cookies = token_cookies(a)
    assert set(cookies) == {"todo_at", "todo_rt"}, a.headers
    assert "access_token" not in a.json()
    return a.json()["user"], cookies


def me_with(cookies, extra=None):
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    return raw("GET", "/api/v1/me", {**WEB, "Cookie": cookie, **(extra or {})})


def force_refresh(refresh_token):
    """GET /api/v1/me with only the refresh cookie: the frontend refreshes the session."""
    a = me_with({"todo_rt": refresh_token})
    assert a.status == 200, a
    new = token_cookies(a)
    assert set(new) == {"todo_at", "todo_rt"} and new["todo_rt"] != refresh_token, a.headers
    return new


def test_a_replayed_refresh_cookie_gets_no_tokens_and_is_refused_within_10s():
    """Finding 5: after the victim's session was refreshed (R1 -> R2), a second client
    replaying R1 never gets Set-Cookie with tokens, and within 10 s gets 401 (not the
    victim's profile)."""
    user, first = web_signup()
    force_refresh(first["todo_rt"])
    deadline = time.monotonic() + 10
    answers = []
    while True:
        a = me_with({"todo_rt": first["todo_rt"]})
        answers.append(a.status)
        assert not token_cookies(a), f"the replayer was given token cookies: {a.all('Set-Cookie')}"
        if a.status == 401:
            break
        assert a.status == 200 and a.json()["id"] == user["id"], a
        assert time.monotonic() < deadline, f"replayed R1 still opens the session: {answers}"
        time.sleep(0.5)  # polling interval while waiting for the refusal


def test_after_logout_no_refresh_cookie_of_the_session_works():
    """Finding 5: after the web app logs out, replaying the last refresh cookie (and the one
    before it) answers 401 with no token cookies."""
    _, first = web_signup()
    second = force_refresh(first["todo_rt"])
    cookie = f"todo_at={second['todo_at']}; todo_rt={second['todo_rt']}"
    out = raw("POST", "/api/v1/auth/logout", {**WEB, "Cookie": cookie}, body="")
    assert out.status == 204, out
    assert not token_cookies(out)
    for label, token in (("last", second["todo_rt"]), ("previous", first["todo_rt"])):
        a = me_with({"todo_rt": token})
        assert a.status == 401, (label, a)
        assert not token_cookies(a), (label, a.all("Set-Cookie"))
