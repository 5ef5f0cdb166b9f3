"""Finding 4: notification-service caches FCM access tokens by the key file's client_email.

Anyone can upload a key file that claims someone else's client_email (the email is just a
string in the file): the cache then hands the other user's access token (minted with the
other user's key, i.e. for their Firebase project) to the attacker's sends, or the attacker's
token to the victim's. Fixed behaviour: a token is only ever used for sends of the key that
obtained it (cache keyed by the whole key, e.g. a hash of client_email + private key).

Checked with tools/fcm-standin: each user's key must have signed an assertion of its own.
When the stand-in also says which access token each message carried and which assertion each
token was issued for (fields "access_token" in /standin/messages and /standin/token-requests),
the test also checks that each user's message carried the token of that user's key."""
import copy
import uuid

import requests

from stack import wait_for
from test_fcm import FCM, fcm_user, make_key_file, sent_to, signature_verifies
from test_notifications import task_with_reminder


def token_requests_for(client_email):
    seen = requests.get(f"{FCM}/standin/token-requests", timeout=5).json()
    return [t for t in seen if t["claims"].get("iss") == client_email]


def test_two_key_files_claiming_one_client_email_never_share_a_token(tmp_path):
    """Finding 4: users A and B upload different keys that both claim A's client_email; a push
    to A and then a push to B are each sent with a token obtained with that user's own key."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    key_a, public_a = make_key_file(tmp_path / "a")
    key_b, public_b = make_key_file(tmp_path / "b")
    key_b = copy.deepcopy(key_b)
    key_b["client_email"] = key_a["client_email"]  # B claims A's service account
    device_a = f"sec-a-{uuid.uuid4().hex}"
    device_b = f"sec-b-{uuid.uuid4().hex}"
    user_a, _ = fcm_user(key_a, device_a)
    user_b, _ = fcm_user(key_b, device_b)

    # One after the other, so a cache filled by A's send is there for B's.
    task_with_reminder(user_a, "A's reminder", seconds_ahead=6)
    [message_a] = wait_for(lambda: sent_to(device_a), 60, interval=0.1, what="A's FCM message")
    task_with_reminder(user_b, "B's reminder", seconds_ahead=6)
    [message_b] = wait_for(lambda: sent_to(device_b), 60, interval=0.1, what="B's FCM message")

    scratch = tmp_path / "verify"
    scratch.mkdir()
    mine = token_requests_for(key_a["client_email"])
    signed_by_a = [t for t in mine if signature_verifies(t["assertion"], public_a, scratch)]
    signed_by_b = [t for t in mine if signature_verifies(t["assertion"], public_b, scratch)]
    assert signed_by_a, "no token was ever requested with A's key"
    assert signed_by_b, ("no token was ever requested with B's key: B's push went out with a "
                         "token cached for A's client_email (A's key)")

    # The exact binding, when the stand-in exposes which token each message carried.
    if "access_token" in message_a and all("access_token" in t for t in mine):
        tokens_a = {t["access_token"] for t in signed_by_a}
        tokens_b = {t["access_token"] for t in signed_by_b}
        assert message_a["access_token"] in tokens_a and message_a["access_token"] not in tokens_b
        assert message_b["access_token"] in tokens_b and message_b["access_token"] not in tokens_a
