"""The ports of the local stack, read from ports.txt at the repository root (their only home).

    sys.path.insert(0, str(ROOT / "tools" / "ports"))
    import ports
    ports.port("task-service")               # 8081, the app's own port
    ports.port("task-service", "dapr_http")  # 3501; also "ops", "dapr_grpc", "dapr_metrics"
    ports.apps()                             # the rows with sidecars, in the table's order

Standard library only: the tests, bench/, the stand-ins in tools/ and the deployment checks
(tools/ports/check.py) all read the table through this module."""
from pathlib import Path
from typing import NamedTuple, Optional

TABLE = Path(__file__).resolve().parents[2] / "ports.txt"
COLUMNS = ("port", "ops", "dapr_http", "dapr_grpc", "dapr_metrics")


class Row(NamedTuple):
    name: str
    port: int
    ops: Optional[int]  # None for a row that is not an app
    dapr_http: Optional[int]
    dapr_grpc: Optional[int]
    dapr_metrics: Optional[int]

    @property
    def is_app(self):
        """An app runs beside its own sidecar (dapr.yaml)."""
        return self.dapr_http is not None


def load(path=TABLE):
    """Every row of the table by name, in the table's order. Raises ValueError on a malformed
    row (what tools/ports/check.py reports)."""
    rows = {}
    for number, line in enumerate(Path(path).read_text().splitlines(), 1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        where = f"{path}:{number}"
        if len(fields) != 1 + len(COLUMNS):
            raise ValueError(f"{where}: {len(fields)} columns, want {1 + len(COLUMNS)}: {line!r}")
        name, values = fields[0], []
        for column, text in zip(COLUMNS, fields[1:]):
            if text == "-":
                values.append(None)
            elif text.isdigit() and 0 < int(text) < 65536:
                values.append(int(text))
            else:
                raise ValueError(f"{where}: {name} {column} is {text!r}, not a port or '-'")
        row = Row(name, *values)
        if row.port is None:
            raise ValueError(f"{where}: {name} has no port")
        if row.is_app and None in values:
            raise ValueError(f"{where}: app {name} needs every column (sidecar ports and ops)")
        if not row.is_app and any(v is not None for v in values[1:]):
            raise ValueError(f"{where}: {name} has an ops or sidecar port but no dapr-http port")
        if name in rows:
            raise ValueError(f"{where}: {name} appears twice")
        rows[name] = row
    return rows


def apps(path=TABLE):
    """The apps (rows with sidecar ports), in the table's order."""
    return {name: row for name, row in load(path).items() if row.is_app}


def port(name, column="port", path=TABLE):
    """One port: `name`'s app or listener port, or its `column` (ops, dapr_http, ...)."""
    rows = load(path)
    if name not in rows:
        raise KeyError(f"{path} has no row {name!r}")
    value = getattr(rows[name], column.replace("-", "_"))
    if value is None:
        raise KeyError(f"{path}: {name} has no {column} port")
    return value
