#!/usr/bin/env python3
"""task-service under load: 100 users holding 1,000 tasks each, then constant-rate attacks.

Seeding signs the users up through the API and inserts their tasks with SQL (one statement per
user) so that seeding takes seconds, not minutes; every request measured goes through the API.
Needs the stack running (scripts/run.sh). Prints a Markdown table."""
import argparse
import base64
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
# The tests' one home for tokens, and ports.txt's ports.
from stack import APPS, PORTS, app_headers, app_url, dapr_headers, ops_url, sidecar_url  # noqa: E402

SECRETS = dict(line.split("=", 1) for line in
               (ROOT / ".run/secrets/secrets.env").read_text().split() if "=" in line)
CACHE = Path(os.environ.get("TODO_CACHE", Path.home() / ".cache/todo-platform"))
VEGETA = CACHE / "bin" / "vegeta"
DIRECT = app_url("task-service")
VIA_DAPR = sidecar_url("task-service", "/v1.0/invoke/task-service/method")
# The frontend: edge checks, then Dapr invocation. TODO_PUBLIC_URL points it elsewhere (another
# frontend binary beside the stack's, to compare two builds under the same load).
PUBLIC = os.environ.get("TODO_PUBLIC_URL", app_url("frontend"))


def ensure_vegeta():
    if not VEGETA.exists():
        subprocess.run(["go", "install", "github.com/tsenart/vegeta/v12@v12.12.0"], check=True,
                       env={**os.environ, "GOBIN": str(VEGETA.parent), "GOFLAGS": ""})


def call(method, url, body=None, token=None, extra=None):
    headers = {"Content-Type": "application/json",
               "dapr-api-token": app_headers("task-service")["dapr-api-token"]}
    if token:
        headers["Authorization"] = "Bearer " + token
    headers.update(extra or {})
    req = urllib.request.Request(url, method=method, headers=headers,
                                 data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"null")


def seed(users, tasks_per_user):
    run = f"bench-{int(time.time())}"
    out = []
    for i in range(users):
        call("POST", DIRECT + "/api/v1/auth/signup",
             {"email": f"{run}-{i}@bench.local", "password": "bench password 1",
              "time_zone": "Europe/London"})
        s = call("POST", DIRECT + "/api/v1/auth/login",
                 {"email": f"{run}-{i}@bench.local", "password": "bench password 1"})
        out.append({"id": s["user"]["id"], "token": s["access_token"]})
    sql = []
    for u in out:
        sql.append(f"""
INSERT INTO tasks (id, user_id, title, description, priority, tags, status, due_local, time_zone,
                   due_at, created_at, updated_at)
SELECT gen_random_uuid(), '{u["id"]}', 'Task ' || g || ' groceries report plan',
       'generated description ' || g, g % 4, ARRAY['t' || (g % 7), 'p' || (g % 3)],
       CASE WHEN g % 5 = 0 THEN 'completed' ELSE 'open' END,
       to_char(now() + (g - 500) * interval '1 hour', 'YYYY-MM-DD"T"HH24:MI:SS'),
       'Europe/London', now() + (g - 500) * interval '1 hour',
       now() - g * interval '1 minute', now()
FROM generate_series(1, {tasks_per_user}) g;""")
    env = {**os.environ, "PGPASSWORD": SECRETS["PG_TASKS_PASSWORD"]}
    subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-p", str(PORTS["pg"].port), "-U",
                    "task_service", "tasks", "-v", "ON_ERROR_STOP=1"],
                   input="\n".join(sql) + "\nANALYZE tasks;", text=True, check=True, env=env)
    for u in out:
        page = call("GET", DIRECT + "/api/v1/tasks?limit=200&status=open", token=u["token"])
        u["tasks"] = [t["id"] for t in page["items"]]
    return out


def targets(users, kind, base, n, dapr=False):
    """vegeta JSON targets: each request as a random user."""
    lines = []
    for _ in range(n):
        u = random.choice(users)
        header = {"Authorization": ["Bearer " + u["token"]], "Content-Type": ["application/json"]}
        if base != PUBLIC:  # the public door takes no token but the user's
            header["dapr-api-token"] = [(dapr_headers if dapr else app_headers)("task-service")["dapr-api-token"]]
        t = {"header": header}
        if kind == "list":
            t.update(method="GET", url=base + "/api/v1/tasks?limit=50&status=open&sort=due")
        elif kind == "get":
            t.update(method="GET", url=base + "/api/v1/tasks/" + random.choice(u["tasks"]))
        elif kind == "create":
            body = {"title": "bench", "priority": "high", "tags": ["bench"],
                    "due": "2030-01-01T09:00:00", "reminders": [{"before": "PT15M"}]}
            t.update(method="POST", url=base + "/api/v1/tasks",
                     body=base64.b64encode(json.dumps(body).encode()).decode())
        elif kind == "complete":
            task = u["tasks"].pop() if u["tasks"] else None
            if task is None:
                continue
            t.update(method="POST", url=base + f"/api/v1/tasks/{task}/complete")
        lines.append(json.dumps(t))
    return "\n".join(lines) + "\n"


def rss_kib(pattern):
    pid = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout.split()
    return int(next(l.split()[1] for l in open(f"/proc/{pid[0]}/status") if l.startswith("VmRSS")))


def attack(name, target_text, rate, seconds):
    peak = [0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], rss_kib("build/bin/task-service"))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        f.write(target_text)
        f.flush()
        res = subprocess.run(
            f"{VEGETA} attack -format=json -targets={f.name} -rate={rate} -duration={seconds}s "
            f"-timeout=10s | {VEGETA} report -type=json", shell=True, capture_output=True,
            text=True, check=True)
    stop.set()
    sampler.join()
    r = json.loads(res.stdout)
    ms = lambda ns: ns / 1e6  # noqa: E731
    return {"name": name, "rate": rate, "throughput": r["throughput"],
            "p50": ms(r["latencies"]["50th"]), "p99": ms(r["latencies"]["99th"]),
            "max": ms(r["latencies"]["max"]), "success": r["success"],
            "codes": r["status_codes"], "rss_mib": peak[0] / 1024}


def relay_lag_p99():
    try:  # the operations port
        text = urllib.request.urlopen(ops_url("task-service", "/metrics"), timeout=5).read()
    except OSError:  # a build from before the operations port, for before/after comparisons
        text = urllib.request.urlopen(app_url("task-service", "/metrics"), timeout=5).read()
    text = text.decode()
    buckets = [(float(l.split('le="')[1].split('"')[0].replace("+Inf", "inf")), float(l.split()[-1]))
               for l in text.splitlines() if l.startswith("outbox_relay_lag_seconds_bucket")]
    total = buckets[-1][1]
    return next(le for le, c in buckets if c >= 0.99 * total), total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=100)
    ap.add_argument("--tasks", type=int, default=1000)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--read-rate", type=int, default=1000, help="list/get requests per second")
    ap.add_argument("--write-rate", type=int, default=300, help="create/complete per second")
    ap.add_argument("--dapr-rate", type=int, default=500,
                    help="list/get requests per second through Dapr (one more proxy hop each)")
    ap.add_argument("--only", default="",
                    help="run only the attacks whose name contains this text, e.g. 'list, direct'")
    args = ap.parse_args()
    ensure_vegeta()
    t0 = time.time()
    users = seed(args.users, args.tasks)
    print(f"seeded {args.users} users x {args.tasks} tasks in {time.time() - t0:.1f}s",
          file=sys.stderr)
    rr, wr, dr, secs = args.read_rate, args.write_rate, args.dapr_rate, args.seconds
    n = rr * secs + 1000
    ts, via, fe = (APPS["task-service"]["port"], APPS["task-service"]["sidecar"],
                   APPS["frontend"]["port"])
    plan = [
        (f"list, direct :{ts}", lambda: targets(users, "list", DIRECT, n), rr, secs),
        (f"list, direct :{ts}, at the Dapr rate", lambda: targets(users, "list", DIRECT, n), dr,
         secs),
        (f"list, through Dapr :{via}", lambda: targets(users, "list", VIA_DAPR, n, dapr=True), dr,
         secs),
        (f"get, direct :{ts}", lambda: targets(users, "get", DIRECT, n), rr, secs),
        (f"get, direct :{ts}, at the Dapr rate", lambda: targets(users, "get", DIRECT, n), dr, secs),
        (f"get, through Dapr :{via}", lambda: targets(users, "get", VIA_DAPR, n, dapr=True), dr,
         secs),
        (f"create, direct :{ts}", lambda: targets(users, "create", DIRECT, n), wr, secs),
        (f"complete, direct :{ts}", lambda: targets(users, "complete", DIRECT, n), wr,
         min(secs, 10)),
        (f"list, public door :{fe}", lambda: targets(users, "list", PUBLIC, n), dr, secs),
        (f"create, public door :{fe}", lambda: targets(users, "create", PUBLIC, n), wr, secs),
    ]
    # Warm-up, not recorded: first requests after seeding pay for cold caches and new connections.
    attack("warm-up", targets(users, "list", DIRECT, rr * 5), rr // 2, 5)
    runs = [attack(name, make(), rate, duration) for name, make, rate, duration in plan
            if args.only in name]
    lag, count = relay_lag_p99()
    print("| load | offered req/s | achieved req/s | p50 ms | p99 ms | max ms | success | "
          "task-service peak RSS |")
    print("|---|---|---|---|---|---|---|---|")
    for r in runs:
        print(f"| {r['name']} | {r['rate']} | {r['throughput']:.0f} | {r['p50']:.2f} | "
              f"{r['p99']:.2f} | {r['max']:.1f} | {r['success'] * 100:.1f}% {r['codes']} | "
              f"{r['rss_mib']:.1f} MiB |")
    print(f"\nrelay lag p99 <= {lag * 1000:g} ms (histogram bucket bound; {count:.0f} events)")


if __name__ == "__main__":
    main()
