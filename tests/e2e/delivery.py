"""Reading what notification-service delivered, from the real delivery targets the scripts
start: the SMTP server's maildir and the push server's topic feed."""
import email
import email.policy
import json
import mailbox
import os
import re
import time
from datetime import datetime, timezone

import requests

from stack import PORTS, RUN_DIR

MAILDIR = RUN_DIR / "mail"
NTFY = f"http://127.0.0.1:{PORTS['ntfy'].port}"
SMTP_SERVER_PATTERN = f"aiosmtpd -n -l 127.0.0.1:{PORTS['smtp'].port}"
# notification-service's verification mail (messages/verification_email.cpp).
VERIFICATION_SUBJECT = "Confirm your email address for Todo"


def emails_to(address, verification=False):
    """Every message in the maildir addressed to `address`, with its arrival time (file mtime):
    the reminders, or with `verification` only the verification mails."""
    box = mailbox.Maildir(str(MAILDIR), factory=None, create=False)
    found = []
    for key in box.keys():
        path = os.path.join(str(MAILDIR), box._lookup(key))  # noqa: SLF001 (for the mtime)
        with open(path, "rb") as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        if address.lower() not in (msg.get("To") or "").lower():
            continue
        if (msg.get("Subject") == VERIFICATION_SUBJECT) == verification:
            arrived = datetime.fromtimestamp(os.path.getmtime(path), timezone.utc)
            found.append({"message": msg, "arrived": arrived})
    return found


def body_of(msg):
    part = msg.get_body(preferencelist=("html", "plain"))
    return part.get_content() if part else ""


def pushes(topic):
    r = requests.get(f"{NTFY}/{topic}/json", params={"poll": "1", "since": "all"}, timeout=5)
    r.raise_for_status()
    return [json.loads(line) for line in r.text.splitlines() if line.strip()]


def verification_token(address, timeout=30):
    """The token of the newest verification link mailed to `address`, waiting for it to
    arrive (task-service's outbox, Kafka, notification-service, the SMTP binding)."""
    deadline = time.monotonic() + timeout
    while True:
        mails = emails_to(address, verification=True)
        if mails:
            newest = max(mails, key=lambda m: m["arrived"])
            found = re.search(r"/verify-email#token=([A-Za-z0-9_.-]+)", body_of(newest["message"]))
            assert found, body_of(newest["message"])[:500]
            return found.group(1)
        assert time.monotonic() < deadline, f"no verification mail to {address} in {timeout} s"
        time.sleep(0.2)  # poll interval while waiting for the mail
