import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


def pytest_configure(config):
    config.addinivalue_line("markers", "disruptive: stops and restarts parts of the stack; runs last")


def pytest_collection_modifyitems(items):
    # Tests that take Kafka or a service down run after everything that needs them up.
    items.sort(key=lambda item: item.get_closest_marker("disruptive") is not None)
