"""Instants as the tests write and read them."""
from datetime import datetime, timezone


def utc_now():
    return datetime.now(timezone.utc)


def local(dt):
    """A UTC datetime as the local wall time of a user whose zone is UTC (whole seconds)."""
    return dt.strftime("%Y-%m-%dT%H:%M:%S")


def parse(ts):
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))
