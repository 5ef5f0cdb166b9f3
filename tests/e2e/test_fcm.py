"""The FCM channel on the real stack, up to the edge of the machine: a user's own service-account
key file goes in through the profile API (checked, sealed, never shown back), and a due reminder
goes out through the `fcm-oauth` and `fcm` Dapr HTTP bindings to tools/fcm-standin, which plays
Google's token endpoint and FCM's messages:send. The assertion's RS256 signature is checked here
with openssl against the public half of the key the test made."""
import base64
import subprocess
import uuid

import requests

from api import new_user
from test_notifications import inbox_item, task_with_reminder
from stack import PORTS, wait_for

FCM = f"http://127.0.0.1:{PORTS['fcm'].port}"
PROJECT = "todo-e2e"


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make_key_file(tmp_path):
    """A fresh RSA key in a Google service-account key file, and the PEM public key."""
    private = subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt",
                              "rsa_keygen_bits:2048"], check=True, capture_output=True,
                             text=True).stdout
    public = subprocess.run(["openssl", "pkey", "-pubout"], input=private, check=True,
                            capture_output=True, text=True).stdout
    (tmp_path / "public.pem").write_text(public)
    email = f"notifier-{uuid.uuid4().hex[:8]}@{PROJECT}.iam.gserviceaccount.com"
    key_file = {"type": "service_account", "project_id": PROJECT, "private_key_id": "k1",
                "private_key": private, "client_email": email, "client_id": "1",
                "token_uri": "https://oauth2.googleapis.com/token"}
    return key_file, tmp_path / "public.pem"


def signature_verifies(assertion, public_pem, tmp_path):
    header, payload, signature = assertion.split(".")
    (tmp_path / "signed").write_bytes(f"{header}.{payload}".encode())
    (tmp_path / "signature").write_bytes(b64url_decode(signature))
    r = subprocess.run(["openssl", "dgst", "-sha256", "-verify", str(public_pem), "-signature",
                        str(tmp_path / "signature"), str(tmp_path / "signed")],
                       capture_output=True, text=True)
    return r.returncode == 0 and "Verified OK" in r.stdout


def fcm_user(key_file, device_token):
    api = new_user()
    r = api.patch("/api/v1/me", {"channels": {
        "email": {"enabled": False},
        "fcm": {"enabled": True, "device_token": device_token, "service_account": key_file}}})
    assert r.status_code == 200, r.text
    return api, r


def sent_to(device_token):
    r = requests.get(f"{FCM}/standin/messages", params={"device_token": device_token}, timeout=5)
    r.raise_for_status()
    return r.json()


def test_a_reminder_reaches_the_users_fcm_project_with_their_own_credentials(tmp_path):
    key_file, public_pem = make_key_file(tmp_path)
    device = f"e2e-{uuid.uuid4().hex}:APA91b"
    api, saved = fcm_user(key_file, device)

    # The key file is kept sealed: the answer and a later read show who, never the key.
    for text in (saved.text, api.get("/api/v1/me").text):
        assert "PRIVATE KEY" not in text and key_file["private_key"][40:80] not in text
    shown = saved.json()["channels"]["fcm"]
    assert shown == {"enabled": True, "device_token": device, "project_id": PROJECT,
                     "client_email": key_file["client_email"], "credentials_set": True}

    task, _ = task_with_reminder(api, "Water the plants")
    messages = wait_for(lambda: sent_to(device), 60, interval=0.1, what="the FCM message")
    item = inbox_item(api, task["id"], fcm="sent", email="skipped")
    assert len(messages) == 1
    message = messages[0]
    assert message["project"] == PROJECT
    assert message["client_email"] == key_file["client_email"]
    assert message["message"]["notification"]["title"] == "Water the plants"
    assert message["message"]["data"]["task_id"] == task["id"]
    assert item["channels"]["fcm"] == "sent"

    # The access token came from an assertion signed with the user's key.
    requests_seen = requests.get(f"{FCM}/standin/token-requests", timeout=5).json()
    mine = [t for t in requests_seen if t["claims"]["iss"] == key_file["client_email"]]
    assert len(mine) == 1
    assert mine[0]["claims"]["scope"] == "https://www.googleapis.com/auth/firebase.messaging"
    assert signature_verifies(mine[0]["assertion"], public_pem, tmp_path)
    # ...and not with any other key.
    other = tmp_path / "other"
    other.mkdir()
    _, other_public = make_key_file(other)
    assert not signature_verifies(mine[0]["assertion"], other_public, tmp_path)


def test_a_device_fcm_no_longer_knows_fails_at_once_and_is_shown_failed(tmp_path):
    key_file, _ = make_key_file(tmp_path)
    device = f"unregistered-{uuid.uuid4().hex}"
    api, _ = fcm_user(key_file, device)
    task, _ = task_with_reminder(api, "Call the bank")
    # Permanent (404 UNREGISTERED): marked failed without waiting out the retry window.
    item = inbox_item(api, task["id"], fcm="failed")
    assert item["channels"]["in_app"] == "sent"
    assert sent_to(device) == []


def test_a_bad_key_file_is_refused_field_by_field_and_changes_nothing(tmp_path):
    key_file, _ = make_key_file(tmp_path)
    api = new_user()
    before = api.get("/api/v1/me").json()
    bad = dict(key_file, private_key="-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    for fcm, field in [({"service_account": bad}, "channels.fcm.service_account"),
                       ({"service_account": "a string"}, "channels.fcm.service_account"),
                       ({"device_token": "has spaces"}, "channels.fcm.device_token"),
                       ({"project_id": "Not_A_Project"}, "channels.fcm.project_id"),
                       ({"credentials": "v1.forged"}, "channels.fcm.credentials"),
                       ({"enabled": True}, "channels.fcm.device_token")]:
        r = api.patch("/api/v1/me", {"channels": {"fcm": fcm}})
        assert r.status_code == 422, (fcm, r.text)
        assert field in [e["field"] for e in r.json()["errors"]], (fcm, r.text)
    assert api.get("/api/v1/me").json() == before
    assert before["channels"]["fcm"] == {"enabled": False, "device_token": None,
                                         "project_id": None, "client_email": None,
                                         "credentials_set": False}
