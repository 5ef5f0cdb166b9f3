#!/usr/bin/env python3
"""A loopback stand-in for an ntfy server (https://docs.ntfy.sh), speaking the part of its HTTP
protocol notification-service and the tests use:

  POST /                 publish as JSON: {"topic", "title", "message", "priority", "tags",
                         "click", "actions"}  (what the push-ntfy binding sends)
  POST|PUT /<topic>      publish a plain-text message (Title/Priority/Tags/Click headers)
  GET  /<topic>/json?poll=1[&since=all|<unix seconds>]
                         the topic's messages as newline-delimited JSON, then the connection closes
  GET  /v1/health        {"healthy": true}

Why a stand-in: the ntfy server (heckel.io/ntfy/v2) is refused by the Go module proxy reachable
here (403 Forbidden for every version), and Debian has no package of it. Point the push-ntfy
binding's url at a real ntfy server to use one; nothing else changes. Messages are kept in memory
(the newest 10,000), like ntfy's cache.
"""
import argparse
import json
import secrets
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ports"))
import ports  # noqa: E402  (ports.txt, the only home of every port)

MAX_MESSAGES = 10000
MAX_BODY = 64 * 1024

lock = threading.Lock()
messages = []  # every topic, oldest first


def store(topic, fields):
    message = {
        "id": secrets.token_hex(6),
        "time": int(time.time()),
        "event": "message",
        "topic": topic,
        "message": fields.get("message") or "",
    }
    for name in ("title", "priority", "tags", "click", "actions"):
        if fields.get(name) not in (None, "", []):
            message[name] = fields[name]
    with lock:
        messages.append(message)
        del messages[:-MAX_MESSAGES]
    return message


def valid_topic(name):
    return 0 < len(name) <= 64 and all(c.isalnum() or c in "-_" for c in name)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: the tests read messages, not logs
        pass

    def reply(self, status, body, content_type="application/json"):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def error(self, status, text):
        self.reply(status, json.dumps({"code": status * 100, "http": status, "error": text}) + "\n")

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise ValueError("message too large")
        return self.rfile.read(length)

    def do_GET(self):
        url = urlsplit(self.path)
        parts = [p for p in url.path.split("/") if p]
        if parts == ["v1", "health"]:
            return self.reply(200, '{"healthy":true}\n')
        if len(parts) != 2 or parts[1] != "json" or not valid_topic(parts[0]):
            return self.error(404, "page not found")
        query = parse_qs(url.query)
        since = query.get("since", ["all"])[0]
        floor = 0 if since == "all" else int(since) if since.isdigit() else 0
        with lock:
            found = [m for m in messages if m["topic"] == parts[0] and m["time"] >= floor]
        self.reply(200, "".join(json.dumps(m) + "\n" for m in found), "application/x-ndjson")

    def publish(self):
        url = urlsplit(self.path)
        parts = [p for p in url.path.split("/") if p]
        try:
            raw = self.body()
        except ValueError as e:
            return self.error(413, str(e))
        if not parts:
            try:
                fields = json.loads(raw or b"{}")
            except ValueError:
                return self.error(400, "invalid request: body must be JSON")
            if not isinstance(fields, dict) or not valid_topic(str(fields.get("topic", ""))):
                return self.error(400, "invalid request: topic invalid")
            priority = fields.get("priority", 3)
            if not isinstance(priority, int) or not 1 <= priority <= 5:
                return self.error(400, "invalid request: priority invalid")
            return self.reply(200, json.dumps(store(fields["topic"], fields)) + "\n")
        if len(parts) != 1 or not valid_topic(parts[0]):
            return self.error(404, "page not found")
        h = self.headers
        fields = {
            "message": raw.decode("utf-8", "replace"),
            "title": h.get("Title") or h.get("X-Title"),
            "priority": int(h.get("Priority") or h.get("X-Priority") or 3),
            "tags": [t for t in (h.get("Tags") or h.get("X-Tags") or "").split(",") if t],
            "click": h.get("Click") or h.get("X-Click"),
        }
        return self.reply(200, json.dumps(store(parts[0], fields)) + "\n")

    do_POST = publish
    do_PUT = publish


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", default=f"127.0.0.1:{ports.port('ntfy')}")
    args = parser.parse_args()
    host, port = args.listen.rsplit(":", 1)
    ThreadingHTTPServer((host, int(port)), Handler).serve_forever()


if __name__ == "__main__":
    main()
