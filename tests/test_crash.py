"""Crash safety: SIGKILL a run at many points, run again, and nothing is lost or doubled."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from dispatch_etl.schema import TABLES

DRIVER = Path(__file__).with_name("crash_driver.py")
KILL_POINTS = 12


def _run(inbox, warehouse, kill_after: float | None = None) -> bool:
    """Run the driver; with kill_after, SIGKILL it then. True when it ran to the end."""
    child = subprocess.Popen([sys.executable, str(DRIVER), str(inbox), str(warehouse), "6"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if kill_after is None:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        return True
    time.sleep(kill_after)
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
    child.communicate()
    return child.returncode == 0


def _tables(warehouse) -> dict[str, pd.DataFrame]:
    out = {}
    for name, table in TABLES.items():
        df = pd.read_parquet(warehouse / name) if (warehouse / name).exists() else pd.DataFrame()
        out[name] = df.drop(columns=[c for c in ("ingested_at",) if c in df]).sort_values(list(table.key)) \
            .reset_index(drop=True) if len(df) else df
    return out


def test_crash_kill_at_many_points_loses_and_doubles_nothing(examples, tmp_path):
    reference = tmp_path / "reference"
    started = time.monotonic()
    _run(examples, reference)
    duration = time.monotonic() - started
    expected = _tables(reference)
    rng = random.Random(20261128)
    warehouse = tmp_path / "crashed"
    landed = attempts = 0
    while landed < KILL_POINTS and attempts < 4 * KILL_POINTS:
        attempts += 1
        # A kill somewhere in a run; each run resumes where the killed one stopped.
        if _run(examples, warehouse, kill_after=rng.uniform(0.5, duration)):
            shutil.rmtree(warehouse)  # it finished first: start over, so the next kill lands mid-run
            continue
        landed += 1
        for name in TABLES:  # readable and duplicate-free after every kill
            if (warehouse / name).exists():
                df = pd.read_parquet(warehouse / name)
                assert not df.duplicated(list(TABLES[name].key)).any(), (landed, name)
    assert landed == KILL_POINTS, f"only {landed} of {attempts} kills landed before the run ended"
    _run(examples, warehouse)
    got = _tables(warehouse)
    for name in TABLES:
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name, check_dtype=False)
