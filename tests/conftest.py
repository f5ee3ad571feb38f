from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE = SHARED / "corpus" / "example-azertac-fr.txt"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for every flow test of the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def examples() -> Path:
    from dispatch_etl.inbox import example_inbox

    return example_inbox()


@pytest.fixture(scope="session")
def gold() -> list[dict]:
    from dispatch_etl.inbox import example_gold

    return [json.loads(line) for line in example_gold().read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture()
def example_text() -> bytes:
    if not EXAMPLE.exists():
        pytest.skip("the third-party example dispatch lives in ../shared, which this checkout lacks")
    return EXAMPLE.read_bytes()
