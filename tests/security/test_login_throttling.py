"""Finding 6: password guessing and account discovery.

Login had no throttling at all (every guess got an answer, as fast as argon2 allowed), and
sign-up told whether an email had an account (409 vs 201). Fixed behaviour: repeated wrong
passwords for one account are answered 429 with Retry-After, and then even the right password
waits; sign-up answers an existing email exactly like a new one (needs the email-verification
redesign, so that test is an expected failure for now)."""
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from api import Api, client_address, new_user, session_from
from sechelp import raw


def login(email, password, address=None):
    api = Api()
    api.http = session_from(address)
    return api.post("/api/v1/auth/login", {"email": email, "password": password})


def test_repeated_wrong_passwords_are_throttled_and_then_the_right_one_waits_too():
    """Finding 6: 50 wrong passwords for one account from one address: a 429 with Retry-After
    comes within the first 20 attempts, and the correct password right after from that address
    also gets 429 (not 200). The owner signing in from another address is not locked out."""
    api = new_user()
    guesser = client_address()
    statuses, first_429 = [], None
    for attempt in range(50):
        r = login(api.email, f"wrong guess {attempt}", guesser)
        statuses.append(r.status_code)
        assert r.status_code in (401, 429), (attempt, r.status_code, r.text[:200])
        if r.status_code == 429 and first_429 is None:
            first_429 = attempt
            assert r.headers.get("Retry-After", "").strip().isdigit(), r.headers
        if first_429 is None and attempt >= 19:
            pytest.fail(f"no 429 in the first 20 wrong passwords: {statuses}")
    right = login(api.email, "correct horse 1", guesser)
    assert right.status_code == 429, (right.status_code, right.text[:200])
    assert right.headers.get("Retry-After"), right.headers
    owner = login(api.email.upper(), "correct horse 1", client_address())
    assert owner.status_code == 200, (owner.status_code, owner.text[:200])


def test_concurrent_wrong_passwords_get_no_more_checks_than_the_limit():
    """Second attack, finding on the failed-login count: it was checked before and recorded
    after the password check, so 60 concurrent guesses for one account from one address got
    32 password checks (401) where the limit is 10. Now at most 10 are checked; the rest 429."""
    api = new_user()
    guesser = client_address()

    def guess(n):
        return login(api.email, f"concurrent guess {n}", guesser).status_code

    with ThreadPoolExecutor(max_workers=60) as pool:
        statuses = list(pool.map(guess, range(60)))
    assert set(statuses) <= {401, 429}, statuses
    assert statuses.count(401) <= 10, sorted(statuses)


def test_signup_of_an_existing_email_answers_like_a_new_one():
    """Finding 6: sign-up with an email that already has an account answers with the same
    status and the same body keys as a sign-up with a new email, and changes nothing: the
    owner's password still works, the new one does not."""
    existing = new_user()
    body = {"password": "another pass 2", "name": "X", "time_zone": "UTC"}
    fresh = Api().post("/api/v1/auth/signup",
                       {**body, "email": f"user-{uuid.uuid4().hex[:12]}@example.com"})
    again = Api().post("/api/v1/auth/signup", {**body, "email": existing.email.upper()})
    assert again.status_code == fresh.status_code == 202, (again.status_code, fresh.status_code)
    assert set(again.json()) == set(fresh.json())
    assert again.json()["message"] == fresh.json()["message"]
    assert "access_token" not in again.json()
    assert login(existing.email, "another pass 2").status_code == 401
    assert login(existing.email, "correct horse 1").status_code == 200


def test_sign_ups_from_one_address_are_throttled():
    """Finding 6: 20 sign-ups in a row from one address used to all succeed. From one client
    address at most 10 succeed in 10 minutes; the next is 429 with Retry-After, while another
    address can still sign up."""
    address = client_address()

    def signup_from(source):
        return raw("POST", "/api/v1/auth/signup", source=source, body={
            "email": f"flood-{uuid.uuid4().hex[:12]}@example.com", "password": "correct horse 1",
            "name": "F", "time_zone": "UTC"})

    statuses = [signup_from(address).status for _ in range(11)]
    assert statuses[:10] == [202] * 10, statuses
    throttled = signup_from(address)
    assert throttled.status == 429, throttled
    assert (throttled.header("Retry-After") or "").isdigit(), throttled.headers
    assert signup_from(client_address()).status == 202


def test_logins_from_one_address_are_throttled():
    """Finding 6: credential stuffing from one address (many accounts, one guess each) meets
    429 after 30 logins a minute; another address is not affected."""
    address = client_address()
    statuses = []
    for i in range(31):
        r = raw("POST", "/api/v1/auth/login", source=address, body={
            "email": f"nobody-{i}-{uuid.uuid4().hex[:8]}@example.com", "password": "guess 12345"})
        statuses.append(r.status)
    assert statuses[:30] == [401] * 30, statuses
    assert statuses[30] == 429, statuses
    other = raw("POST", "/api/v1/auth/login", source=client_address(), body={
        "email": "nobody@example.com", "password": "guess 12345"})
    assert other.status == 401, other
