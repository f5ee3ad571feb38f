from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
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
def examples_warehouse(prefect_harness, examples, tmp_path_factory) -> Path:
    """The bundled example dispatches run once through the flow (default settings), shared
    by every test that only reads the result. Read-only: a test that writes to a warehouse
    copies this one first (`examples_warehouse_copy`); the session's end checks that no
    test changed it."""
    from flows.etl import dispatch_etl

    root = tmp_path_factory.mktemp("examples") / "warehouse"
    dispatch_etl(inbox=str(examples), warehouse=str(root))
    before = _snapshot(root)
    yield root
    assert _snapshot(root) == before, "a test changed the shared examples warehouse: copy it first"


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


@pytest.fixture()
def examples_warehouse_copy(examples_warehouse, tmp_path) -> Path:
    """A copy of the examples warehouse of this test's own, to write to (copying is much
    cheaper than a run)."""
    import shutil

    target = tmp_path / "examples-warehouse"
    shutil.copytree(examples_warehouse, target)
    return target


@pytest.fixture(scope="session")
def gold() -> list[dict]:
    from dispatch_etl.inbox import example_gold

    return [json.loads(line) for line in example_gold().read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture()
def example_text() -> bytes:
    if not EXAMPLE.exists():
        pytest.skip("the third-party example dispatch lives in ../shared, which this checkout lacks")
    return EXAMPLE.read_bytes()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def s3():
    """An S3 server on loopback and the environment that points s3fs and pyarrow at it."""
    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(endpoint, timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        pytest.fail("the S3 server did not start")
    env = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
           "AWS_ENDPOINT_URL": endpoint}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    import fsspec

    fs = fsspec.filesystem("s3", skip_instance_cache=True)
    fs.mkdir("warehouses")
    try:
        yield fs
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


# Columns that record when a row was written: they differ between two equal runs.
CLOCKS = ("ingested_at", "rejected_at")


def comparable_tables(read) -> dict:
    """Every table as `read(name)` returns it, without its clock columns and sorted by key,
    so that two warehouses holding the same rows compare equal."""
    from dispatch_etl.schema import TABLES

    out = {}
    for name, spec in TABLES.items():
        frame = read(name)
        frame = frame.drop(columns=[c for c in CLOCKS if c in frame])
        out[name] = frame.sort_values(list(spec.key)).reset_index(drop=True) if len(frame) else frame
    return out
