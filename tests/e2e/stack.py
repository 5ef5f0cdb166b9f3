"""What the end-to-end tests know about the running stack: ports, tokens, and polling helpers.

The stack itself is started by scripts/run.sh (scripts/test.sh does it before pytest)."""
import os
import re
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
RUN_DIR = Path(os.environ.get("TODO_RUN_DIR", ROOT / ".run"))

sys.path.insert(0, str(ROOT / "tools" / "ports"))
import ports  # noqa: E402  (ports.txt, the only home of every port)

# Every row of ports.txt (PORTS["ntfy"].port), and each app's own port, operations port
# (/healthz, /readyz, /metrics; never the port the sidecar or the internet reaches) and its
# sidecar's HTTP port.
PORTS = ports.load()
APPS = {name: {"port": row.port, "ops": row.ops, "sidecar": row.dapr_http}
        for name, row in PORTS.items() if row.is_app}
KAFKA_BOOTSTRAP = "127.0.0.1:" + os.environ.get("TODO_KAFKA_PORT", str(PORTS["kafka"].port))
PUBSUB = "kafka-pubsub"


def load_secrets():
    values = {}
    for line in (RUN_DIR / "secrets" / "secrets.env").read_text().splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            values[k.strip()] = v.strip()
    return values


SECRETS = load_secrets()


def app_url(app, path=""):
    return f"http://127.0.0.1:{APPS[app]['port']}{path}"


def ops_url(app, path=""):
    return f"http://127.0.0.1:{APPS[app]['ops']}{path}"


def sidecar_url(app, path=""):
    return f"http://127.0.0.1:{APPS[app]['sidecar']}{path}"


def app_tokens(app):
    """An app's own pair (.run/secrets/apps/<app>.env, scripts/lib/secrets.sh): DAPR_API_TOKEN,
    which its sidecar requires of callers, and APP_API_TOKEN, which the app requires of its
    sidecar."""
    values = {}
    for line in (RUN_DIR / "secrets" / "apps" / f"{app}.env").read_text().splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            values[k.strip()] = v.strip()
    return values


def dapr_headers(app):
    """What a call to `app`'s sidecar must carry."""
    return {"dapr-api-token": app_tokens(app)["DAPR_API_TOKEN"]}


def app_headers(app):
    """What a call to `app` itself must carry, as its sidecar does."""
    return {"dapr-api-token": app_tokens(app)["APP_API_TOKEN"]}


def wait_for(condition, timeout, interval=0.2, what="condition"):
    """Polls `condition` until it returns a truthy value or the deadline passes."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = condition()
            if last:
                return last
        except requests.RequestException as e:  # the service may be restarting
            last = e
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what} (last: {last!r})")


_METRIC_LINE = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)$")


def metric(app, name, **labels):
    """The value of one metric sample of an app (0 when the sample does not exist yet)."""
    text = requests.get(ops_url(app, "/metrics"), timeout=5).text
    total = 0.0
    for line in text.splitlines():
        m = _METRIC_LINE.match(line)
        if not m or m.group(1) != name:
            continue
        found = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(2) or ""))
        if all(found.get(k) == v for k, v in labels.items()):
            total += float(m.group(3))
    return total


def publish(via_app, topic, data, partition_key=None, content_type="application/json"):
    params = {"metadata.partitionKey": partition_key} if partition_key else None
    body = data if isinstance(data, (str, bytes)) else None
    r = requests.post(
        sidecar_url(via_app, f"/v1.0/publish/{PUBSUB}/{topic}"),
        params=params,
        data=body,
        json=None if body is not None else data,
        headers={**dapr_headers(via_app), "Content-Type": content_type},
        timeout=15,
    )
    assert r.status_code == 204, f"publish failed: {r.status_code} {r.text}"


class ProcessSnapshot:
    """How a running process was started (argv, environment, working directory), so a test can
    kill it and start it again the same way the dapr CLI did."""

    def __init__(self, pattern):
        import subprocess
        pids = subprocess.run(["pgrep", "-f", pattern], capture_output=True,
                              text=True).stdout.split()
        assert len(pids) == 1, f"{pattern!r} matches {pids}"
        self.pid = int(pids[0])
        with open(f"/proc/{self.pid}/cmdline", "rb") as f:
            self.argv = f.read().rstrip(b"\0").split(b"\0")
        with open(f"/proc/{self.pid}/environ", "rb") as f:
            self.env = dict(item.split(b"=", 1) for item in f.read().rstrip(b"\0").split(b"\0")
                            if b"=" in item)
        self.cwd = os.readlink(f"/proc/{self.pid}/cwd")

    def kill(self):
        """SIGKILL, then waits until the process is gone (or a zombie of the CLI)."""
        import signal
        os.kill(self.pid, signal.SIGKILL)

        def gone():
            try:
                with open(f"/proc/{self.pid}/stat") as f:
                    return f.read().rsplit(") ", 1)[1].startswith("Z")
            except OSError:  # ENOENT, or ESRCH when it vanishes between open and read
                return True
        wait_for(gone, 10, what=f"process {self.pid} to die")

    def start_again(self, log_name):
        import subprocess
        log = open(RUN_DIR / "logs" / log_name, "ab")
        return subprocess.Popen(self.argv, env=self.env, cwd=self.cwd, stdout=log, stderr=log,
                                stdin=subprocess.DEVNULL, start_new_session=True)
