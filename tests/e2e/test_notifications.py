"""Notifications on the real stack: a due reminder reaches the user by email (SMTP binding ->
aiosmtpd), push (http binding -> the push server) and in-app (inbox + task-updates), once per
channel, through an SMTP outage and a redelivered event, and never on a channel turned off."""
import uuid
from datetime import timedelta

import pytest

from api import new_user
from clock import local, parse, utc_now
from delivery import SMTP_SERVER_PATTERN, body_of, emails_to, pushes, verification_token
from events import TopicTail
from stack import ProcessSnapshot, metric, publish, wait_for

REMINDER_TYPE = "todo.reminder.due.v1"


def user_with_channels(email=True, push=True):
    api = new_user(verified=email)
    topic = f"e2e-{uuid.uuid4().hex[:12]}"
    r = api.patch("/api/v1/me", {"channels": {"email": {"enabled": email},
                                              "push": {"enabled": push, "topic": topic}}})
    assert r.status_code == 200, r.text
    api.push_topic = topic
    return api


def task_with_reminder(api, title, seconds_ahead=6):
    """A task whose one reminder fires `seconds_ahead` from now (whole seconds)."""
    fire_at = (utc_now() + timedelta(seconds=seconds_ahead)).replace(microsecond=0)
    task = api.create_task(title=title, due=local(fire_at + timedelta(minutes=30)),
                           reminders=[{"before": "PT30M"}])
    return task, fire_at


def task_and_its_reminder_event(api, title):
    """A task whose reminder fires in 4 s, and the reminder event as it went over `reminders`
    (to publish again, as Kafka would redeliver it)."""
    tail = TopicTail("reminders")
    try:
        task, _ = task_with_reminder(api, title, seconds_ahead=4)
        event = tail.wait_for(lambda m: m["event"].get("type") == REMINDER_TYPE and
                              m["event"]["data"]["task_id"] == task["id"], timeout=60,
                              what="the reminder event")[0]["event"]
    finally:
        tail.close()
    return task, event


def inbox(api, **params):
    r = api.get("/api/v1/notifications", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def inbox_item(api, task_id, **want):
    def found():
        for item in inbox(api)["items"]:
            if item["task_id"] == task_id and all(
                    item["channels"].get(k) == v for k, v in want.items()):
                return item
        return None
    return wait_for(found, 60, what=f"an inbox item for {task_id} with {want}")


def test_a_reminder_reaches_email_push_and_inbox_within_2s():
    api = user_with_channels()
    task, fire_at = task_with_reminder(api, "Pay the rent")
    mails = wait_for(lambda: emails_to(api.email), 60, interval=0.05, what="the email")
    push = wait_for(lambda: pushes(api.push_topic), 30, interval=0.05, what="the push")
    item = inbox_item(api, task["id"], email="sent", push="sent", in_app="sent")

    assert len(mails) == 1
    msg = mails[0]["message"]
    assert "Pay the rent" in msg["Subject"]
    body = body_of(msg)
    assert f"/tasks/{task['id']}" in body  # a link to the task in the web app
    assert "UTC" in body  # the due time, in the user's own zone
    assert timedelta(0) <= mails[0]["arrived"] - fire_at < timedelta(seconds=2), \
        mails[0]["arrived"] - fire_at

    assert len(push) == 1
    assert push[0]["title"].startswith("Pay the rent") or "Pay the rent" in push[0]["title"]
    assert push[0]["click"].endswith(f"/tasks/{task['id']}")
    # ntfy stamps whole seconds: the push was taken at most 2 s after the instant.
    assert push[0]["time"] <= fire_at.timestamp() + 2

    assert item["title"] == "Pay the rent"
    assert parse(item["fire_at"]) == fire_at
    assert item["read"] is False
    assert parse(item["created_at"]) - fire_at < timedelta(seconds=2)
    assert inbox(api)["unread"] >= 1

    r = api.post(f"/api/v1/notifications/{item['id']}/read")
    assert r.status_code == 200, r.text
    assert r.json()["read"] is True
    assert inbox(api)["unread"] == 0


def test_the_same_reminder_event_delivered_twice_sends_one_email():
    api = user_with_channels(push=False)
    task, event = task_and_its_reminder_event(api, "Water the plants")
    wait_for(lambda: emails_to(api.email), 60, interval=0.05, what="the email")
    before = metric("notification-service", "notification_deliveries_total",
                    channel="email", outcome="duplicate")
    # The very same CloudEvent (same id) again, as Kafka would redeliver it.
    publish("reminder-scheduler", "reminders", event, partition_key=api.user["id"],
            content_type="application/cloudevents+json")
    wait_for(lambda: metric("notification-service", "notification_deliveries_total",
                            channel="email", outcome="duplicate") > before,
             60, what="notification-service to see the repeated event")
    assert len(emails_to(api.email)) == 1


def test_a_burst_of_redelivered_reminders_leaves_the_state_store_usable():
    """Redelivery after a restart comes in bursts. Each channel the user has off (here email, push
    and FCM) must not be written again: a refused first write counts as a failure to the
    sidecar's circuit breaker (open after 10), which would then fail every state call."""
    api = user_with_channels(email=False, push=False)
    task, event = task_and_its_reminder_event(api, "Stretch")
    inbox_item(api, task["id"], in_app="sent")
    before = metric("notification-service", "notification_deliveries_total",
                    channel="in_app", outcome="duplicate")
    for _ in range(15):
        publish("reminder-scheduler", "reminders", event, partition_key=api.user["id"],
                content_type="application/cloudevents+json")
    wait_for(lambda: metric("notification-service", "notification_deliveries_total",
                            channel="in_app", outcome="duplicate") >= before + 15,
             60, what="notification-service to see the 15 repeats")
    # The store still answers: the inbox reads, and a new reminder is delivered.
    assert api.get("/api/v1/notifications").status_code == 200
    second, _ = task_with_reminder(api, "Stretch again", seconds_ahead=3)
    inbox_item(api, second["id"], in_app="sent")


def test_a_user_who_turned_email_off_gets_none():
    api = user_with_channels(email=False, push=False)
    task, _ = task_with_reminder(api, "No mail please", seconds_ahead=4)
    item = inbox_item(api, task["id"], in_app="sent")
    assert item["channels"]["email"] == "skipped"
    assert item["channels"]["push"] == "skipped"
    assert emails_to(api.email) == []


def test_snoozing_a_notification_brings_the_reminder_back():
    api = user_with_channels(email=False, push=False)
    task, _ = task_with_reminder(api, "Snooze me", seconds_ahead=4)
    item = inbox_item(api, task["id"], in_app="sent")
    r = api.post(f"/api/v1/notifications/{item['id']}/snooze", {"for": "PT10M"})
    assert r.status_code == 200, r.text
    until = parse(r.json()["snoozed_until"])
    assert timedelta(minutes=9) < until - utc_now() <= timedelta(minutes=10)

    def snoozed():
        t = api.get(f"/api/v1/tasks/{task['id']}").json()
        return [x for x in t["reminders"] if x.get("at") and parse(x["at"]) == until]
    wait_for(snoozed, 30, what="the task to carry the snoozed reminder")

    # Bad input changes nothing and says why.
    assert api.post(f"/api/v1/notifications/{item['id']}/snooze", {"for": "soon"}).status_code == 422
    assert api.post("/api/v1/notifications/no-such-id/read").status_code == 404
    other = new_user()
    assert other.post(f"/api/v1/notifications/{item['id']}/read").status_code == 404
    assert other.get("/api/v1/notifications").json()["items"] == []


def test_inbox_requires_a_valid_token():
    api = new_user()
    api.token = api.token[:-2] + ("aa" if not api.token.endswith("aa") else "bb")
    assert api.get("/api/v1/notifications").status_code == 401
    api.token = None
    assert api.get("/api/v1/notifications").status_code == 401


@pytest.mark.disruptive
def test_an_email_during_an_smtp_outage_arrives_once_when_it_is_back():
    api = user_with_channels(push=False)
    smtp = ProcessSnapshot(SMTP_SERVER_PATTERN)
    task, fire_at = task_with_reminder(api, "Renew the passport", seconds_ahead=5)
    wait_for(lambda: utc_now() >= fire_at - timedelta(milliseconds=200), 30, interval=0.01,
             what="the reminder instant")
    smtp.kill()
    try:
        # The in-app notification arrives while the email waits.
        item = inbox_item(api, task["id"], in_app="sent")
        assert item["channels"]["email"] == "pending"
        # Another user's reminder during the outage is not held behind the email being retried
        # (Kafka redelivery held every partition's batches; the retry queue does not).
        other = user_with_channels(email=False)
        other_task, other_fire_at = task_with_reminder(other, "Feed the cat")
        other_push = wait_for(lambda: pushes(other.push_topic), 20, interval=0.05,
                              what="the other user's push during the outage")
        assert other_push[0]["time"] <= other_fire_at.timestamp() + 2, \
            other_push[0]["time"] - other_fire_at.timestamp()
        other_item = inbox_item(other, other_task["id"], in_app="sent")
        assert parse(other_item["created_at"]) - other_fire_at < timedelta(seconds=2)
        wait_for(lambda: utc_now() >= fire_at + timedelta(seconds=30), 40, interval=0.1,
                 what="30 s of outage")
        assert emails_to(api.email) == []
    finally:
        smtp.start_again("smtp.log")
    mails = wait_for(lambda: emails_to(api.email), 120, interval=0.2, what="the email after the outage")
    inbox_item(api, task["id"], email="sent")
    assert len(mails) == 1
    assert "Renew the passport" in mails[0]["message"]["Subject"]
    # The other user signed up during the outage: their verification link waited in
    # notification-service's queue (not in Kafka, where it held every delivery) and arrives.
    verification_token(other.email, timeout=60)
