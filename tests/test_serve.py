"""A scheduled deployment on a real Prefect server started by the test (not the embedded
API): `prefect server start`, `dispatch-etl serve`, a run of the deployment through the
Prefect client, its final state and artifacts read back."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pandas as pd

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    return False


RUN = """
import asyncio
from prefect.client.orchestration import get_client
from prefect.deployments import run_deployment

run = run_deployment("dispatch-etl/ci", timeout=240)
print(run.state.type.value)

async def keys():
    async with get_client() as client:
        return sorted({a.key for a in await client.read_artifacts() if a.key})

print(",".join(asyncio.run(keys())))
"""


def test_serve_deployment_runs_on_a_real_prefect_server(tmp_path, examples):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": api, "PREFECT_UI_ENABLED": "false",
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    started = []
    try:
        started.append(subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port",
                                         str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True))
        assert _wait(f"{api}/health", 120), "the Prefect server did not start"
        warehouse = tmp_path / "warehouse"
        started.append(subprocess.Popen([str(BIN / "dispatch-etl"), "serve", "--inbox", str(examples), "--warehouse",
                                         str(warehouse), "--cron", "0 0 1 1 *", "--name", "ci"], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        assert _wait(f"{api}/deployments/name/dispatch-etl/ci", 120), "the deployment was not served"
        done = subprocess.run([sys.executable, "-c", RUN], env=env, capture_output=True, text=True, timeout=300)
        state, keys = done.stdout.strip().splitlines()[-2:]
        assert state == "COMPLETED", done.stderr[-2000:]
        assert keys.split(",") == ["dispatch-etl-new-meetings", "dispatch-etl-summary"]
        assert len(pd.read_parquet(warehouse / "meetings")) == 47
    finally:
        for process in reversed(started):
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
