"""A scheduled deployment on a real Prefect server started by the test (not the embedded
API): `prefect server start`, `dispatch-etl serve`, a run of the deployment through the
Prefect client, its final state and artifacts read back."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pandas as pd
import pytest
from conftest import free_port

BIN = Path(sys.executable).parent



def _wait(url: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    return False


RUN = """
import asyncio
from prefect.client.orchestration import get_client
from prefect.deployments import run_deployment

run = run_deployment("dispatch-etl/ci", timeout=240, poll_interval=0.5)
print(run.id)
print(run.state.type.value)

async def keys():
    async with get_client() as client:
        return sorted({a.key for a in await client.read_artifacts() if a.key})

print(",".join(asyncio.run(keys())))
"""


def _serve_and_run(tmp_path: Path, examples: Path, server_env: dict[str, str],
                   inspect=None) -> tuple[str, list[str], str, Path, object]:
    """Start a Prefect server, serve the flow as a deployment, run it through the client;
    returns the run's final state, its artifact keys, the client's stderr, the warehouse
    and what `inspect(run_id)` returns, called while the server and `serve` still run:
    read after `serve` was stopped, a run the client had seen COMPLETED was once stored as
    CANCELLED (stopping the runner a moment after its run finished)."""
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": api, "PREFECT_UI_ENABLED": "false",
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    started = []
    try:
        started.append(subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port",
                                         str(port)], env=env | server_env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True))
        assert _wait(f"{api}/health", 180), "the Prefect server did not start"
        warehouse = tmp_path / "warehouse"
        # The runner asks the server for due runs every second (Prefect's default: 10 s)
        # and the client above polls the run's state every half second (default: 5 s).
        started.append(subprocess.Popen([str(BIN / "dispatch-etl"), "serve", "--inbox", str(examples), "--warehouse",
                                         str(warehouse), "--cron", "0 0 1 1 *", "--name", "ci", "--report",
                                         str(tmp_path / "report")], env=env | {"PREFECT_RUNNER_POLL_FREQUENCY": "1"},
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        assert _wait(f"{api}/deployments/name/dispatch-etl/ci", 120), "the deployment was not served"
        done = subprocess.run([sys.executable, "-c", RUN], env=env, capture_output=True, text=True, timeout=300)
        lines = done.stdout.strip().splitlines()
        assert len(lines) >= 3, done.stderr[-2000:]
        run_id, state, keys = lines[-3:]
        return state, keys.split(","), done.stderr, warehouse, inspect(run_id) if inspect else None
    finally:
        for process in reversed(started):
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def test_serve_deployment_runs_on_a_real_prefect_server(tmp_path, examples):
    state, keys, stderr, warehouse, _ = _serve_and_run(tmp_path, examples, {})
    assert state == "COMPLETED", stderr[-2000:]
    assert keys == ["dispatch-etl-new-meetings", "dispatch-etl-report", "dispatch-etl-summary"]
    assert len(pd.read_parquet(warehouse / "meetings")) == 47
    assert (tmp_path / "report" / "index.html").exists()


# ---------------------------------------------------------------------- PostgreSQL


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


@pytest.fixture()
def postgres():
    """A private PostgreSQL cluster (Debian's server binaries) on a free loopback port,
    with a `prefect` database; stopped and removed afterwards."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have PostgreSQL (.ci/run installs Debian's postgresql)")
        pytest.skip("no PostgreSQL server on this machine (apt-get install postgresql)")
    # The server refuses to run as root: as root, run it as Debian's `postgres` user.
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    data = Path(tempfile.mkdtemp(prefix="dispatch-etl-pg-", dir="/tmp"))
    if as_postgres:
        shutil.chown(data, "postgres", "postgres")
    port = free_port()
    subprocess.run([*as_postgres, str(bin_dir / "initdb"), "-D", str(data / "db"), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8"], check=True, capture_output=True, timeout=120)
    subprocess.run([*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data / "db"), "-l", str(data / "log"), "-w",
                    "-o", f"-p {port} -k {data} -c listen_addresses=127.0.0.1", "start"],
                   check=True, capture_output=True, timeout=120)
    try:
        subprocess.run([str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "prefect"],
                       check=True, capture_output=True, timeout=60)
        yield {"url": f"postgresql+asyncpg://postgres@127.0.0.1:{port}/prefect", "port": port, "bin": bin_dir}
    finally:
        subprocess.run([*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data / "db"), "-m", "fast", "-w", "stop"],
                       capture_output=True, timeout=120)
        shutil.rmtree(data, ignore_errors=True)


def test_serve_deployment_on_a_prefect_server_backed_by_postgresql(tmp_path, examples, postgres):
    def stored_state(run_id: str) -> subprocess.CompletedProcess:
        # The run is in PostgreSQL itself, not in a SQLite file beside the server.
        query = ("select state_type from flow_run join deployment on flow_run.deployment_id = deployment.id "
                 f"where deployment.name = 'ci' and flow_run.id = '{run_id}'")
        return subprocess.run([str(postgres["bin"] / "psql"), "-h", "127.0.0.1", "-p", str(postgres["port"]), "-U",
                               "postgres", "-d", "prefect", "-At", "-c", query], capture_output=True, text=True,
                              timeout=60)

    state, keys, stderr, warehouse, rows = _serve_and_run(
        tmp_path, examples, {"PREFECT_API_DATABASE_CONNECTION_URL": postgres["url"]}, inspect=stored_state)
    assert state == "COMPLETED", stderr[-2000:]
    assert "dispatch-etl-summary" in keys and "dispatch-etl-report" in keys
    assert len(pd.read_parquet(warehouse / "meetings")) == 47
    assert rows.returncode == 0, rows.stderr
    assert rows.stdout.split() == ["COMPLETED"]
    assert not list((tmp_path / "prefect").rglob("*.db"))
