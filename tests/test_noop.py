"""A run with nothing new answers in a few seconds and says so, without a flow run; a run
with work still runs the Prefect flow."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

CLI = Path(sys.executable).with_name("dispatch-etl")


def _cli(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    started = time.monotonic()
    done = subprocess.run([str(CLI), *args], capture_output=True, text=True, timeout=600,
                          env=env | {"PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    return done, time.monotonic() - started


def test_noop_run_answers_within_3s_and_work_still_runs_the_flow(examples, tmp_path):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "w"
    shutil.copytree(examples, inbox)
    (inbox / "fr-001.txt").rename(tmp_path / "later.txt")
    first, _ = _cli("run", "--inbox", str(inbox), "--warehouse", str(warehouse))
    assert first.returncode == 0, first.stderr
    noted = json.loads((warehouse / "_state" / "last_run.json").read_text())
    walls = []
    for _ in range(3):
        again, wall = _cli("run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--verbose")
        assert again.returncode == 0, again.stderr
        walls.append(wall)
    assert statistics.median(walls) <= 3.0, walls
    assert again.stdout.startswith(f"nothing new: all 55 inputs in {inbox} are committed; {warehouse} holds ")
    assert "no flow run" in again.stdout and "Starting temporary server" not in again.stderr
    assert json.loads((warehouse / "_state" / "last_run.json").read_text()) == noted  # no run happened
    # One new input: a real Prefect flow run, recorded as such.
    (tmp_path / "later.txt").rename(inbox / "fr-001.txt")
    work, _ = _cli("run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--verbose")
    assert work.returncode == 0, work.stderr
    assert "56 inputs (1 new or changed)" in work.stdout
    assert "Beginning flow run" in work.stderr and "Finished in state Completed()" in work.stderr
    assert json.loads((warehouse / "_state" / "last_run.json").read_text())["inputs_read"] == 1


def test_noop_an_empty_inbox_into_a_new_warehouse_still_makes_the_tables(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    done, _ = _cli("run", "--inbox", str(inbox), "--warehouse", str(tmp_path / "w"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("0 inputs (0 new or changed)")
    assert (tmp_path / "w" / "meetings").is_dir()
