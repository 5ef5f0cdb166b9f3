"""Finding 10: a POST with neither a body nor Content-Length.

cpp-httplib read such a request's body "until the connection closes", so the worker waited for
its read timeout (10 s) before answering, and a handful of such connections held the
frontend's workers. Fixed behaviour: no Content-Length (and no chunked encoding) means an
empty body, answered at once."""
import socket
import time

from api import new_user
from sechelp import FRONTEND_PORT


def test_post_without_body_or_content_length_is_answered_within_2s():
    """Finding 10: `POST /api/v1/tasks/{id}/complete` with no body and no Content-Length, over
    a raw socket to :8080, gets an answer (any status) within 2 s (socket timeout 3 s)."""
    api = new_user()
    task = api.create_task(title="complete me")
    request = (f"POST /api/v1/tasks/{task['id']}/complete HTTP/1.1\r\n"
               f"Host: x\r\nAuthorization: Bearer {api.token}\r\n\r\n").encode()
    sock = socket.create_connection(("127.0.0.1", FRONTEND_PORT), timeout=3)
    try:
        sock.settimeout(3)
        started = time.monotonic()
        sock.sendall(request)
        try:
            first = sock.recv(64)
        except socket.timeout:
            first = b""
        elapsed = time.monotonic() - started
    finally:
        sock.close()
    assert first.startswith(b"HTTP/1.1 "), f"no answer within 3 s (got {first!r})"
    assert elapsed < 2, f"answered after {elapsed:.1f} s"
