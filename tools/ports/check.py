"""Fails when a copy of a port disagrees with ports.txt, the ports' only home.

    python3 tools/ports/check.py [ROOT]      (scripts/check-deploy.sh, stage "ports")

Files that cannot read the table themselves keep a copy that is checked here:
  - ports.txt itself: well formed, no port used twice, each app's ops port = port + 1000;
  - dapr.yaml: the same apps, each with its appPort, daprHTTPPort, daprGRPCPort, metricsPort;
  - dapr/self-hosted/resources: Kafka's broker, the SMTP, push and FCM stand-ins' ports, and
    no loopback port that the table lacks;
  - docker/<app>.Dockerfile: EXPOSE is the app's port, and ports.txt is copied (CMake reads it);
  - helm/<chart>/values.yaml of each app: port and service.port are the app's port, and the
    charts' operations port (todo.opsPort: port + N) is the table's ops port. Inside a pod the
    sidecar's own ports are Dapr's Kubernetes defaults (3500, 50001, 9090): not checked;
  - README.md's table of what runs: each app's port and sidecar HTTP port, and the
    infrastructure's ports."""
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ports  # noqa: E402

# dapr.yaml's key for each column of an app's row.
DAPR_YAML_KEYS = {"appPort": "port", "daprHTTPPort": "dapr_http", "daprGRPCPort": "dapr_grpc",
                  "metricsPort": "dapr_metrics"}
# Self-hosted Dapr components: (file, pattern whose group 1 is the port, the table's row).
COMPONENT_PORTS = [
    ("kafka-pubsub.yaml", r'value:\s*"?127\.0\.0\.1:(\d+)', "kafka"),
    ("email.yaml", r'- name: port\s*\n\s*value:\s*"?(\d+)', "smtp"),
    ("push-ntfy.yaml", r"value:\s*\"?https?://127\.0\.0\.1:(\d+)", "ntfy"),
    ("fcm.yaml", r"value:\s*\"?https?://127\.0\.0\.1:(\d+)", "fcm"),
    ("fcm-oauth.yaml", r"value:\s*\"?https?://127\.0\.0\.1:(\d+)", "fcm"),
]
# README's names of the infrastructure rows.
README_NAMES = {"Dapr Sentry": "sentry", "Kafka": "kafka", "PostgreSQL": "pg"}


def uncommented(text):
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def check_table(table, problems):
    seen = {}
    for row in table.values():
        for column in ports.COLUMNS:
            value = getattr(row, column)
            if value is None:
                continue
            if value in seen:
                problems.append(f"ports.txt: {value} is both {seen[value]} and {row.name} {column}")
            seen[value] = f"{row.name} {column}"
        if row.is_app and row.ops != row.port + 1000:
            problems.append(f"ports.txt: {row.name} ops is {row.ops}, but the binaries and charts "
                            f"serve it on port + 1000 = {row.port + 1000}")


def dapr_yaml_apps(text):
    """appID -> {key: port} of dapr.yaml's apps (a line reader: the file is flat and regular)."""
    apps, current = {}, None
    for line in uncommented(text).splitlines():
        m = re.match(r"\s*-\s*appID:\s*(\S+)", line)
        if m:
            current = apps.setdefault(m.group(1), {})
            continue
        m = re.match(r"\s*(appPort|daprHTTPPort|daprGRPCPort|metricsPort):\s*(\S+)", line)
        if m and current is not None:
            current[m.group(1)] = m.group(2)
    return apps


def check_dapr_yaml(root, apps, problems):
    path = root / "dapr.yaml"
    found = dapr_yaml_apps(path.read_text())
    for name in apps.keys() - found.keys():
        problems.append(f"dapr.yaml: no app {name} (ports.txt has it)")
    for name in found.keys() - apps.keys():
        problems.append(f"dapr.yaml: app {name} has no row in ports.txt")
    for name in apps.keys() & found.keys():
        for key, column in DAPR_YAML_KEYS.items():
            want = getattr(apps[name], column)
            got = found[name].get(key)
            if got != str(want):
                problems.append(f"dapr.yaml: {name} {key} is {got}, ports.txt says {want}")


def check_components(root, table, problems):
    folder = root / "dapr" / "self-hosted" / "resources"
    known = {getattr(r, c) for r in table.values() for c in ports.COLUMNS} - {None}
    for file, pattern, name in COMPONENT_PORTS:
        text = (folder / file).read_text()
        found = re.findall(pattern, uncommented(text))
        if not found:
            problems.append(f"dapr/self-hosted/resources/{file}: no {name} port found")
        for got in found:
            if int(got) != table[name].port:
                problems.append(f"dapr/self-hosted/resources/{file}: {name} port is {got}, "
                                f"ports.txt says {table[name].port}")
    for path in sorted(folder.glob("*.yaml")):
        for got in re.findall(r"(?:127\.0\.0\.1|localhost):(\d+)", uncommented(path.read_text())):
            if int(got) not in known:
                problems.append(f"dapr/self-hosted/resources/{path.name}: port {got} is not in "
                                f"ports.txt")


def check_dockerfiles(root, apps, problems):
    for path in sorted((root / "docker").glob("*.Dockerfile")):
        name = path.name[: -len(".Dockerfile")]
        text = path.read_text()
        if name not in apps:
            problems.append(f"docker/{path.name}: no app {name} in ports.txt")
            continue
        exposed = re.findall(r"^EXPOSE\s+(.+)$", text, re.M)
        if [e.split() for e in exposed] != [[str(apps[name].port)]]:
            problems.append(f"docker/{path.name}: EXPOSE {' '.join(exposed) or '(none)'}, "
                            f"ports.txt says {apps[name].port}")
        if not re.search(r"^COPY\s+(?:\S+\s+)*ports\.txt\s+(?:\S+\s+)*\S+$", text, re.M):
            problems.append(f"docker/{path.name}: does not COPY ports.txt (the C++ build reads it)")


def check_helm(root, apps, problems):
    helpers = root / "helm" / "todo-common" / "templates" / "_helpers.tpl"
    m = re.search(r'define "todo\.opsPort".*?add \.port (\d+)', helpers.read_text(), re.S)
    ops_offset = int(m.group(1)) if m else None
    if ops_offset is None:
        problems.append("helm/todo-common/templates/_helpers.tpl: todo.opsPort (add .port N) not found")
    for values in sorted((root / "helm").glob("*/values.yaml")):
        text = uncommented(values.read_text())
        m = re.search(r"^appId:\s*(\S+)", text, re.M)
        if not m:
            continue  # not an app chart (Kafka, PostgreSQL, the umbrella)
        name, where = m.group(1), values.relative_to(root)
        if name not in apps:
            problems.append(f"{where}: appId {name} has no row in ports.txt")
            continue
        want = apps[name].port
        port = re.search(r"^port:\s*(\S+)", text, re.M)
        service = re.search(r"^service:\s*\n(?:[ \t]+.*\n)*?[ \t]+port:\s*(\S+)", text, re.M)
        for label, got in (("port", port), ("service.port", service)):
            if not got or got.group(1) != str(want):
                problems.append(f"{where}: {label} is {got.group(1) if got else '(none)'}, "
                                f"ports.txt says {want}")
        if ops_offset is not None and want + ops_offset != apps[name].ops:
            problems.append(f"{where}: the chart serves ops on {want} + {ops_offset}, ports.txt "
                            f"says {apps[name].ops}")


def check_readme(root, table, problems):
    text = (root / "README.md").read_text()
    section = re.search(r"^## What runs\n(.*?)(?=^## )", text, re.S | re.M)
    if not section:
        problems.append("README.md: no '## What runs' section")
        return
    checked = 0
    for line in section.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[1].isdigit():
            continue
        label = cells[0]
        name = label.split()[0] if label.split()[0] in table else next(
            (row for prefix, row in README_NAMES.items() if label.startswith(prefix)), None)
        if name is None:
            problems.append(f"README.md: '{label}' ({cells[1]}) has no row in ports.txt")
            continue
        row, checked = table[name], checked + 1
        if cells[1] != str(row.port):
            problems.append(f"README.md: {label} port is {cells[1]}, ports.txt says {row.port}")
        if cells[2] != ("" if row.dapr_http is None else str(row.dapr_http)):
            problems.append(f"README.md: {label} sidecar port is {cells[2] or '(none)'}, "
                            f"ports.txt says {row.dapr_http or '(none)'}")
    if checked == 0:
        problems.append("README.md: no ports found in '## What runs'")


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ports.TABLE.parent).resolve()
    problems = []
    try:
        table = ports.load(root / "ports.txt")
    except (OSError, ValueError) as e:
        print(f"ports: {e}", file=sys.stderr)
        return 1
    apps = {name: row for name, row in table.items() if row.is_app}
    check_table(table, problems)
    for check, args in ((check_dapr_yaml, (root, apps, problems)),
                        (check_components, (root, table, problems)),
                        (check_dockerfiles, (root, apps, problems)),
                        (check_helm, (root, apps, problems)),
                        (check_readme, (root, table, problems))):
        try:
            check(*args)
        except OSError as e:
            problems.append(str(e))
    for p in problems:
        print(f"ports: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"ports: {len(table)} rows ({len(apps)} apps) agree with dapr.yaml, the self-hosted "
          f"components, the Dockerfiles, the charts and README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
