"""Finding 9: email destinations were never verified, so a signed-up user could have reminders
(titles, descriptions) mailed to any third party by putting its address in their profile or
signing up with it. Fixed behaviour: nothing but a verification link is mailed to an address
until the link is opened (sign-up and channel changes alike); until then the channel answers
"verified": false. Links are signed, name the account and the address, and expire.

Mail is read from the local SMTP server the scripts start (aiosmtpd writing a maildir): the
stand-in for a real mail provider, which cannot be reached from here."""
import base64
import json
import uuid
from datetime import timedelta

from api import Api, new_user
from clock import local, utc_now
from delivery import emails_to, verification_token
from sechelp import stays_false
from stack import wait_for
from test_quotas import psql_query


def user_updates_of(user_id):
    """How many todo.user.updated.v1 events task-service has written for the account."""
    return int(psql_query(f"SELECT count(*) FROM outbox WHERE partition_key = '{user_id}' "
                          f"AND type = 'todo.user.updated.v1'"))


def reminder_in(api, title, seconds_ahead=4):
    fire_at = (utc_now() + timedelta(seconds=seconds_ahead)).replace(microsecond=0)
    return api.create_task(title=title, due=local(fire_at + timedelta(minutes=30)),
                           reminders=[{"before": "PT30M"}])


def delivered_item(api, task_id):
    """The inbox item of `task_id` once in-app delivery happened (email decided by then)."""
    def found():
        r = api.get("/api/v1/notifications")
        assert r.status_code == 200, r.text
        for item in r.json()["items"]:
            if item["task_id"] == task_id and item["channels"].get("in_app") == "sent":
                return item
        return None
    return wait_for(found, 60, what=f"the inbox item of {task_id}")


def email_channel(api):
    r = api.get("/api/v1/me")
    assert r.status_code == 200, r.text
    return r.json()["channels"]["email"]


def test_a_new_account_gets_only_a_link_until_it_is_opened():
    """Finding 9, sign-up: a new account's channel says unverified, a link is mailed, a due
    reminder is not mailed (skipped, in-app still delivered); after the link, reminders are."""
    api = new_user()
    assert email_channel(api)["verified"] is False
    token = verification_token(api.email)
    task = reminder_in(api, "Secret plans for Tuesday")
    item = delivered_item(api, task["id"])
    assert item["channels"]["email"] == "skipped", item
    assert emails_to(api.email) == []
    r = Api().post("/api/v1/auth/verify-email", {"token": token})
    assert r.status_code == 200, r.text
    assert r.json() == {"email": api.email.lower(), "verified": True}
    assert email_channel(api)["verified"] is True
    again = Api().post("/api/v1/auth/verify-email", {"token": token})
    assert again.status_code == 200, again.text  # opening a link twice is harmless
    second = reminder_in(api, "Now by mail")
    wait_for(lambda: emails_to(api.email), 60, what="the reminder mail after verification")
    assert delivered_item(api, second["id"])["channels"]["email"] == "sent"


def test_a_third_party_address_receives_nothing_but_the_link():
    """Finding 9, channel change: a user pointing their email channel at someone else's
    address gets a link sent there and nothing else; the victim never opens it."""
    api = new_user(verified=True)
    victim = f"victim-{uuid.uuid4().hex[:10]}@example.org"
    r = api.patch("/api/v1/me", {"channels": {"email": {"address": victim}}})
    assert r.status_code == 200, r.text
    assert r.json()["channels"]["email"]["verified"] is False
    verification_token(victim)  # the link went to the new address
    task = reminder_in(api, "Click here to claim your prize")
    assert delivered_item(api, task["id"])["channels"]["email"] == "skipped"
    assert emails_to(victim) == []
    # Back to the verified account address: mail flows again without a new link.
    r = api.patch("/api/v1/me", {"channels": {"email": {"address": None}}})
    assert r.json()["channels"]["email"]["verified"] is True


def test_links_are_bound_to_their_account_address_and_signature():
    """A link cannot be forged, moved to another address, or used after the account moved
    away from the address: 400 for anything not signed by us, 409 for a stale address."""
    api = new_user()
    token = verification_token(api.email)
    payload, mac = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["e"] = "mallory@example.com"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    for bad in (f"{forged}.{mac}", token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
                "", "x" * 5000, "a.b"):
        r = Api().post("/api/v1/auth/verify-email", {"token": bad})
        assert r.status_code in (400, 422), (bad[:40], r.status_code, r.text)
    assert email_channel(api)["verified"] is False
    other = f"moved-{uuid.uuid4().hex[:10]}@example.org"
    assert api.patch("/api/v1/me", {"channels": {"email": {"address": other}}}).status_code == 200
    stale = Api().post("/api/v1/auth/verify-email", {"token": token})
    assert stale.status_code == 409, stale.text
    assert email_channel(api)["verified"] is False
    for body in ({}, {"token": 5}, {"token": "t", "extra": 1}, []):
        r = Api().post("/api/v1/auth/verify-email", body)
        assert r.status_code in (400, 422), (body, r.status_code)


def test_asking_for_the_link_again_is_limited():
    """A signed-in user cannot turn the resend route into a mailer: 202 five times an hour,
    then 429 with Retry-After; a verified address gets 200 and no mail."""
    api = new_user()
    statuses = [api.post("/api/v1/me/email-verification").status_code for _ in range(6)]
    assert statuses == [202] * 5 + [429], statuses
    verified = new_user(verified=True)
    r = verified.post("/api/v1/me/email-verification")
    assert r.status_code == 200 and r.json()["verified"] is True, r.text
    assert Api().post("/api/v1/me/email-verification").status_code == 401


def test_changing_the_address_cannot_turn_the_account_into_a_mailer():
    """Each new email-channel address gets a verification mail; a signed-in user switching
    through third parties' addresses could send one to anyone. The switches share the resend
    limit (5 an hour): the 6th new address answers 429 and changes nothing."""
    api = new_user()
    victims = [f"spam-{uuid.uuid4().hex[:10]}@example.org" for _ in range(6)]
    for victim in victims[:5]:
        r = api.patch("/api/v1/me", {"channels": {"email": {"address": victim}}})
        assert r.status_code == 200, r.text
    r = api.patch("/api/v1/me", {"channels": {"email": {"address": victims[5]}}})
    assert r.status_code == 429, (r.status_code, r.text[:300])
    assert r.headers.get("Retry-After", "").isdigit(), r.headers
    assert email_channel(api)["address"] == victims[4]
    verification_token(victims[4])  # the fifth got its link
    stays_false(lambda: emails_to(victims[5], verification=True), 3,
                what="a verification mail to the sixth address")
    # A change that mails nobody (turning email off) is not limited.
    assert api.patch("/api/v1/me", {"channels": {"email": {"enabled": False}}}).status_code == 200


def test_opening_a_link_again_writes_nothing():
    """A verification link may be opened any number of times (it is in a mailbox); once the
    address is verified, opening it again neither writes the account nor announces it."""
    api = new_user()
    token = verification_token(api.email)
    assert Api().post("/api/v1/auth/verify-email", {"token": token}).status_code == 200
    before = user_updates_of(api.user["id"])
    for _ in range(5):
        assert Api().post("/api/v1/auth/verify-email", {"token": token}).status_code == 200
    assert user_updates_of(api.user["id"]) == before
