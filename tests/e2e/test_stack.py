"""The real local stack: five apps beside real daprd sidecars, Kafka 4 and PostgreSQL."""
import json
import uuid

import pytest
import requests
from confluent_kafka import Consumer, TopicPartition

from stack import (APPS, KAFKA_BOOTSTRAP, SECRETS, app_headers, app_url, dapr_headers, metric,
                   ops_url, publish, sidecar_url, wait_for)


def task_event(action="created", user_id=None, task_id=None):
    return {
        "action": action,
        "user_id": user_id or f"user-{uuid.uuid4()}",
        "task": {"id": task_id or str(uuid.uuid4()), "title": "e2e probe"},
    }


@pytest.mark.parametrize("app", sorted(APPS))
def test_every_app_and_sidecar_is_ready(app):
    assert requests.get(sidecar_url(app, "/v1.0/healthz"), timeout=5).status_code == 204
    r = wait_for(lambda: requests.get(ops_url(app, "/readyz"), timeout=5), 30,
                 what=f"{app} ready")
    assert r.status_code == 200, r.text
    assert r.json()["ready"] is True


def test_event_published_through_one_sidecar_reaches_other_apps_through_kafka():
    before_rec = metric("recurrence-service", "task_events_applied_total", action="created")
    before_rem = metric("reminder-scheduler", "reminder_events_total", action="created")
    publish("task-service", "task-events", task_event(), partition_key="user-a")
    wait_for(lambda: metric("recurrence-service", "task_events_applied_total",
                            action="created") > before_rec, 30, what="recurrence-service got it")
    wait_for(lambda: metric("reminder-scheduler", "reminder_events_total",
                            action="created") > before_rem, 30, what="reminder-scheduler got it")


def _dead_letters_containing(marker, timeout):
    consumer = Consumer({"bootstrap.servers": KAFKA_BOOTSTRAP, "group.id": f"e2e-{uuid.uuid4()}",
                         "auto.offset.reset": "earliest", "enable.auto.commit": False})
    try:
        consumer.assign([TopicPartition("task-events-dlq", p) for p in range(3)])

        def poll():
            msg = consumer.poll(0.5)
            if msg is None or msg.error():
                return None
            return msg.value() if marker in msg.value().decode("utf-8", "replace") else None

        return wait_for(poll, timeout, interval=0, what="the poison event on task-events-dlq")
    finally:
        consumer.close()


def test_poison_event_goes_to_dead_letter_topic_and_consumer_keeps_working():
    marker = f"poison-{uuid.uuid4()}"
    dropped_before = metric("recurrence-service", "pubsub_deliveries_total",
                            topic="task-events", outcome="DROP")
    publish("task-service", "task-events", {"action": "exploded", "note": marker},
            partition_key="user-poison")
    wait_for(lambda: metric("recurrence-service", "pubsub_deliveries_total", topic="task-events",
                            outcome="DROP") > dropped_before, 30, what="the poison event dropped")
    dead = json.loads(_dead_letters_containing(marker, 30))
    assert dead["data"]["note"] == marker

    # The same partition keeps flowing after the poison message.
    before = metric("recurrence-service", "task_events_applied_total", action="updated")
    publish("task-service", "task-events", task_event("updated"), partition_key="user-poison")
    wait_for(lambda: metric("recurrence-service", "task_events_applied_total",
                            action="updated") > before, 30, what="next event after poison")


def test_state_written_through_a_sidecar_reads_back_and_etag_conflicts_are_conflicts():
    base = sidecar_url("recurrence-service", "/v1.0/state/statestore")
    headers = dapr_headers("recurrence-service")
    key = f"e2e-{uuid.uuid4()}"
    r = requests.post(base, json=[{"key": key, "value": {"n": 1}}], headers=headers,
                      timeout=10)
    assert r.status_code == 204, r.text
    r = requests.get(f"{base}/{key}", headers=headers, timeout=10)
    assert r.status_code == 200 and r.json() == {"n": 1}
    etag = r.headers["ETag"]

    r = requests.post(base, json=[{"key": key, "value": {"n": 2}, "etag": etag,
                                   "options": {"concurrency": "first-write"}}],
                      headers=headers, timeout=10)
    assert r.status_code == 204, r.text
    # The first etag is stale now: a second writer holding it must get a conflict.
    r = requests.post(base, json=[{"key": key, "value": {"n": 3}, "etag": etag,
                                   "options": {"concurrency": "first-write"}}],
                      headers=headers, timeout=10)
    assert r.status_code == 409, r.text
    assert requests.get(f"{base}/{key}", headers=headers, timeout=10).json() == {"n": 2}
    # Another app's sidecar cannot see this app's keys (keys are prefixed by app id), and it
    # does not take this app's token.
    other = sidecar_url("reminder-scheduler", f"/v1.0/state/statestore/{key}")
    assert requests.get(other, headers=dapr_headers("reminder-scheduler"),
                        timeout=10).status_code == 204
    assert requests.get(other, headers=headers, timeout=10).status_code == 401


def test_secret_is_read_through_the_secrets_api():
    r = requests.get(sidecar_url("task-service", "/v1.0/secrets/secretstore/jwt-signing-key"),
                     headers=dapr_headers("task-service"), timeout=10)
    assert r.status_code == 200, r.text
    assert r.json() == {"jwt-signing-key": SECRETS["JWT_SIGNING_KEY"]}


@pytest.mark.parametrize("app,secret", [("frontend", "jwt-signing-key"),
                                        ("recurrence-service", "task-db-connection"),
                                        ("notification-service", "task-db-connection"),
                                        ("reminder-scheduler", "channel-credentials-key")])
def test_each_app_reads_only_its_own_secrets(app, secret):
    """Secret scopes (dapr/self-hosted/config*.yaml): a sidecar refuses its app the secrets it
    does not need, so a compromised frontend cannot read the JWT signing key."""
    r = requests.get(sidecar_url(app, f"/v1.0/secrets/secretstore/{secret}"),
                     headers=dapr_headers(app), timeout=10)
    assert r.status_code == 403, r.text


def test_sidecar_refuses_calls_without_the_dapr_api_token():
    r = requests.get(sidecar_url("task-service", "/v1.0/secrets/secretstore/jwt-signing-key"),
                     timeout=10)
    assert r.status_code == 401


@pytest.mark.parametrize("app", sorted(APPS))
def test_app_refuses_requests_without_the_right_app_api_token(app):
    assert requests.get(app_url(app, "/dapr/subscribe"), timeout=5).status_code == 401
    wrong = {"dapr-api-token": "forged"}
    assert requests.get(app_url(app, "/dapr/subscribe"), headers=wrong,
                        timeout=5).status_code == 401
    r = requests.get(app_url(app, "/dapr/subscribe"), headers=app_headers(app), timeout=5)
    assert r.status_code == 200 and isinstance(r.json(), list)
    # Another app's token is not this app's.
    other = "task-service" if app != "task-service" else "frontend"
    assert requests.get(app_url(app, "/dapr/subscribe"), headers=app_headers(other),
                        timeout=5).status_code == 401
    r = requests.get(app_url(app, "/dapr/subscribe"), headers=app_headers(app), timeout=5)
    assert r.status_code == 200 and isinstance(r.json(), list)
    # Probes stay open: Dapr's health probe carries no token.
    assert requests.get(app_url(app, "/healthz"), timeout=5).status_code == 200


def test_event_delivery_without_token_changes_nothing():
    before = metric("recurrence-service", "task_events_applied_total", action="deleted")
    envelope = {"id": str(uuid.uuid4()), "data": task_event("deleted")}
    r = requests.post(app_url("recurrence-service", "/events/task-events"), json=envelope,
                      timeout=5)
    assert r.status_code == 401
    assert metric("recurrence-service", "task_events_applied_total", action="deleted") == before


def test_frontend_reaches_task_service_by_dapr_invocation():
    r = requests.get(app_url("frontend", "/api/v1/version"), timeout=10)
    assert r.status_code == 200, r.text
    assert r.json()["service"] == "task-service"
