#!/usr/bin/env python3
"""A loopback stand-in for the two Google endpoints an FCM (HTTP v1) sender talks to, so the whole
path (sealed key file -> signed assertion -> access token -> send) runs on a machine that cannot
reach Google:

  POST /token                                  OAuth 2.0 JWT bearer grant (RFC 7523): grant_type +
                                               assertion, as JSON or form-encoded (Google takes
                                               both; notification-service sends JSON, which is
                                               what passes a Dapr HTTP binding unchanged);
                                               answers {"access_token",
                                               "expires_in", "token_type"} like
                                               oauth2.googleapis.com/token
  POST /v1/projects/<project>/messages:send    FCM HTTP v1 send; needs "Authorization: Bearer
                                               <a token issued here>"; answers {"name"}
  GET  /standin/messages[?device_token=T]      what was sent, oldest first (for the tests)
  GET  /standin/token-requests                 the assertions received, decoded (for the tests)
  GET  /health                                 {"healthy": true}

It checks what Google checks first and cheaply: the grant type, the assertion's shape, its RS256
header and its iss/scope/aud/iat/exp claims (the signature is left to the tests, which hold the
public key); the bearer token; the message's token. A device token starting with "unregistered"
gets FCM's 404 UNREGISTERED, so the tests can see a permanent failure.
"""
import argparse
import base64
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

SCOPE = "https://www.googleapis.com/auth/firebase.messaging"
MAX_BODY = 64 * 1024
MAX_KEPT = 10000

lock = threading.Lock()
issued = {}  # access token -> client_email
sent = []  # {"project", "message", "client_email", "time"}
token_requests = []  # {"header", "claims", "assertion"}


def b64url_json(segment):
    padded = segment + "=" * (-len(segment) % 4)
    return json.loads(base64.urlsafe_b64decode(padded.encode()))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def reply(self, status, body):
        data = (json.dumps(body) + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def oauth_error(self, status, error, description):
        self.reply(status, {"error": error, "error_description": description})

    def fcm_error(self, status, code, message):
        self.reply(status, {"error": {"code": status, "message": message, "status": code}})

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise ValueError("body too large")
        return self.rfile.read(length)

    def do_GET(self):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path == "/health":
            return self.reply(200, {"healthy": True})
        if url.path == "/standin/messages":
            want = query.get("device_token", [None])[0]
            with lock:
                found = [m for m in sent if want is None or m["message"].get("token") == want]
            return self.reply(200, found)
        if url.path == "/standin/token-requests":
            with lock:
                return self.reply(200, list(token_requests))
        return self.fcm_error(404, "NOT_FOUND", "page not found")

    def do_POST(self):
        url = urlsplit(self.path)
        try:
            raw = self.body()
        except ValueError as e:
            return self.fcm_error(413, "INVALID_ARGUMENT", str(e))
        if url.path == "/token":
            return self.token(raw)
        parts = url.path.strip("/").split("/")
        if len(parts) == 4 and parts[:2] == ["v1", "projects"] and parts[3] == "messages:send":
            return self.send_message(parts[2], raw)
        return self.fcm_error(404, "NOT_FOUND", "page not found")

    def token(self, raw):
        text = raw.decode("utf-8", "replace")
        if (self.headers.get("Content-Type") or "").startswith("application/json"):
            try:
                grant = json.loads(text)
            except ValueError:
                return self.oauth_error(400, "invalid_request", "Invalid JSON payload")
            if not isinstance(grant, dict):
                return self.oauth_error(400, "invalid_request", "Invalid JSON payload")
        else:
            grant = {k: v[0] for k, v in parse_qs(text).items()}
        if grant.get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer":
            return self.oauth_error(400, "unsupported_grant_type", "Invalid grant_type")
        assertion = grant.get("assertion")
        if not isinstance(assertion, str):
            assertion = ""
        segments = assertion.split(".")
        try:
            if len(segments) != 3 or not segments[2]:
                raise ValueError("not a signed JWT")
            header, claims = b64url_json(segments[0]), b64url_json(segments[1])
        except ValueError:
            return self.oauth_error(400, "invalid_grant", "Invalid JWT")
        now = time.time()
        problems = []
        if header.get("alg") != "RS256":
            problems.append("alg must be RS256")
        if not claims.get("iss"):
            problems.append("iss missing")
        if claims.get("scope") != SCOPE:
            problems.append("scope is not firebase.messaging")
        if not str(claims.get("aud", "")).endswith("/token"):
            problems.append("aud is not a token endpoint")
        iat, exp = claims.get("iat"), claims.get("exp")
        if not isinstance(iat, int) or not isinstance(exp, int) or exp <= now or iat > now + 300:
            problems.append("iat/exp invalid")
        elif exp - iat > 3600:
            problems.append("lifetime over an hour")
        with lock:
            token_requests.append({"header": header, "claims": claims, "assertion": assertion})
            del token_requests[:-MAX_KEPT]
        if problems:
            return self.oauth_error(400, "invalid_grant", "; ".join(problems))
        token = "standin." + secrets.token_urlsafe(24)
        with lock:
            issued[token] = claims["iss"]
        return self.reply(200, {"access_token": token, "expires_in": 3599, "token_type": "Bearer"})

    def send_message(self, project, raw):
        auth = self.headers.get("Authorization", "")
        with lock:
            client = issued.get(auth[len("Bearer "):]) if auth.startswith("Bearer ") else None
        if client is None:
            return self.fcm_error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.")
        try:
            message = json.loads(raw)["message"]
            device = message["token"]
        except (ValueError, KeyError, TypeError):
            return self.fcm_error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.")
        if not isinstance(device, str) or not device:
            return self.fcm_error(400, "INVALID_ARGUMENT", "The registration token is not valid")
        if device.startswith("unregistered"):
            return self.fcm_error(404, "NOT_FOUND", "Requested entity was not found. (UNREGISTERED)")
        name = f"projects/{project}/messages/{secrets.token_hex(8)}"
        with lock:
            sent.append({"name": name, "project": project, "client_email": client,
                         "message": message, "time": time.time()})
            del sent[:-MAX_KEPT]
        return self.reply(200, {"name": name})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", default=f"127.0.0.1:{ports.port('fcm')}", help="host:port")
    args = parser.parse_args()
    host, port = args.listen.rsplit(":", 1)
    server = ThreadingHTTPServer((host, int(port)), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
