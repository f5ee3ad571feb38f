"""Crash safety: SIGKILL a run at many points, run again, and nothing is lost or doubled;
on a local disk and on an S3 server (the lease of a killed run on this machine is taken
over at once, since its process is gone)."""

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
from conftest import comparable_tables

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


class _Place:
    """A warehouse location the test can read independently (pandas) and wipe."""

    def __init__(self, location: str, fs=None):
        self.location, self.fs = location, fs

    def exists(self, name: str) -> bool:
        path = f"{self.location}/{name}"
        if self.fs is None:
            return Path(path).exists()
        return bool(self.fs.exists(path.split("://", 1)[1]))

    def read(self, name: str) -> pd.DataFrame:
        return pd.read_parquet(f"{self.location}/{name}")

    def wipe(self) -> None:
        if self.fs is None:
            shutil.rmtree(self.location)
        else:
            self.fs.rm(self.location.split("://", 1)[1], recursive=True)


def _tables(place: _Place) -> dict[str, pd.DataFrame]:
    return comparable_tables(lambda name: place.read(name) if place.exists(name) else pd.DataFrame())


@pytest.mark.parametrize("storage", ["local", "s3"])
def test_crash_kill_at_many_points_loses_and_doubles_nothing(storage, examples, tmp_path, request):
    if storage == "s3":
        fs = request.getfixturevalue("s3")
        run_id = tmp_path.name.replace("_", "-").lower()
        reference, warehouse = (_Place(f"s3://warehouses/crash-{run_id}-{kind}", fs) for kind in ("reference", "crashed"))
        kills = KILL_POINTS // 2
    else:
        reference, warehouse = _Place(str(tmp_path / "reference")), _Place(str(tmp_path / "crashed"))
        kills = KILL_POINTS
    started = time.monotonic()
    _run(examples, reference.location)
    duration = time.monotonic() - started
    expected = _tables(reference)
    rng = random.Random(20261128)
    landed = attempts = 0
    while landed < kills and attempts < 4 * kills:
        attempts += 1
        # A kill somewhere in a run; each run resumes where the killed one stopped.
        if _run(examples, warehouse.location, kill_after=rng.uniform(0.5, duration)):
            warehouse.wipe()  # it finished first: start over, so the next kill lands mid-run
            continue
        landed += 1
        for name in TABLES:  # readable and duplicate-free after every kill
            if warehouse.exists(name):
                df = warehouse.read(name)
                assert not df.duplicated(list(TABLES[name].key)).any(), (landed, name)
    assert landed == kills, f"only {landed} of {attempts} kills landed before the run ended"
    _run(examples, warehouse.location)
    got = _tables(warehouse)
    for name in TABLES:
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name, check_dtype=False)


class _Stop(Exception):
    """Stands for the process dying at that point of the commit."""


def _dying(patch, method: str, after: int) -> list[str]:
    """Make `Warehouse.<method>` raise `_Stop` right after its `after`-th call; returns the
    list of the tables it was called on so far."""
    from dispatch_etl.warehouse import Warehouse

    real = getattr(Warehouse, method)
    calls: list[str] = []

    def dying(self, table, *args):
        done = real(self, table, *args)
        calls.append(table)
        if len(calls) == after:
            raise _Stop(f"died after {method} on {table}")
        return done

    patch.setattr(Warehouse, method, dying)
    return calls


def _each_row_once_as_expected(got: dict, expected: dict, calls: list[str]) -> None:
    for name in TABLES:
        assert not got[name].duplicated(list(TABLES[name].key)).any(), (calls, name)
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name, check_dtype=False)


@pytest.mark.parametrize("dies_after", [1, 2])
def test_crash_between_the_commit_appends_doubles_nothing(examples_warehouse, examples, tmp_path, monkeypatch,
                                                         dies_after):
    """Deterministic companion of the kill test: the run dies right after its first (or
    second) table append of a commit; the next run must add nothing twice. With meetings
    appended before their reports, dying between the two doubled every meeting."""
    from flows.etl import dispatch_etl

    # The reference: the same inbox run once without a crash (the session's shared run).
    expected = comparable_tables(lambda name: pd.read_parquet(examples_warehouse / name))
    with monkeypatch.context() as patch, pytest.raises(_Stop):
        calls = _dying(patch, "append", dies_after)
        dispatch_etl(inbox=str(examples), warehouse=str(tmp_path / "crashed"))
    dispatch_etl(inbox=str(examples), warehouse=str(tmp_path / "crashed"))
    got = comparable_tables(lambda name: pd.read_parquet(tmp_path / "crashed" / name))
    _each_row_once_as_expected(got, expected, calls)


@pytest.mark.parametrize("dies_after", [1, 2, 3, 4])
def test_crash_while_redoing_dispatches_doubles_nothing(examples_warehouse_copy, examples, monkeypatch, dies_after):
    """A re-run (`reprocess`, as after a crash) first deletes what the dispatches read again
    led to; dying after any of those deletions, the next run must still end with each row
    once."""
    from flows.etl import dispatch_etl

    # A finished run's warehouse (a copy of the session's shared one) is the starting point.
    place = str(examples_warehouse_copy)
    expected = comparable_tables(lambda name: pd.read_parquet(Path(place) / name))
    with monkeypatch.context() as patch, pytest.raises(_Stop):
        calls = _dying(patch, "delete", dies_after)
        dispatch_etl(inbox=str(examples), warehouse=place, reprocess=True)
    dispatch_etl(inbox=str(examples), warehouse=place, reprocess=True)
    got = comparable_tables(lambda name: pd.read_parquet(Path(place) / name))
    _each_row_once_as_expected(got, expected, calls)
