"""Compaction: a warehouse built by 50 small incremental runs has ~50 part files per
table; `dispatch-etl compact` folds them into one each with the same rows, is never seen
half-done (killed at any point, or dying after any of its steps), refuses to run beside a
writer, and runs compact on their own past a part-count threshold."""

from __future__ import annotations

import datetime as dt
import fcntl
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
from typer.testing import CliRunner

from dispatch_etl.cli import app
from dispatch_etl.schema import TABLES
from dispatch_etl.warehouse import Warehouse, _LocalDisk

DRIVER = Path(__file__).with_name("compact_driver.py")
GROWING = ("dispatches", "meetings", "meeting_reports", "participants", "participant_reports")


def _tables(warehouse: Path) -> dict:
    return comparable_tables(lambda name: pd.read_parquet(warehouse / name))


def _parts(warehouse: Path) -> dict[str, int]:
    return {name: len(list((warehouse / name).glob("*.parquet"))) for name in TABLES}


def _assert_same(got: dict, expected: dict, where) -> None:
    for name in TABLES:
        assert not got[name].duplicated(list(TABLES[name].key)).any(), (where, name)
        pd.testing.assert_frame_equal(got[name], expected[name], obj=f"{name} ({where})", check_dtype=False)


@pytest.fixture(scope="module")
def fifty_runs(examples, tmp_path_factory) -> Path:
    """A warehouse built by 50 incremental runs of one new input each: each is a run's
    commit (the flow's own commit code, with a fresh run state) without Prefect around it."""
    from flows.etl import RunState, commit
    from flows.work import InputFile, process_files

    from dispatch_etl import inbox as inbox_io

    warehouse = tmp_path_factory.mktemp("fifty") / "w"
    files = [InputFile(*f) for f in inbox_io.scan(examples)][:50]
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    present = {f.path for f in files}
    for n, f in enumerate(files):
        store = Warehouse(str(warehouse))
        with store.lock():
            result = process_files(str(examples), [f], 1 << 24, now, str(warehouse), f"run-{n:03d}")
            commit.fn(str(warehouse), [result], present, RunState(), None)
            store.create_missing_tables()
    return warehouse


@pytest.fixture()
def copy(fifty_runs, tmp_path) -> Path:
    target = tmp_path / "w"
    shutil.copytree(fifty_runs, target)
    return target


def test_compact_fifty_runs_folds_parts_and_keeps_rows(copy):
    before, expected = _parts(copy), _tables(copy)
    assert all(before[name] >= 40 for name in GROWING), before
    result = CliRunner().invoke(app, ["compact", "--warehouse", str(copy)])
    assert result.exit_code == 0, result.output
    after = _parts(copy)
    assert all(n == 1 for n in after.values()), after
    for name in GROWING:
        assert f"{name}: {before[name]} part files -> 1" in result.output
    _assert_same(_tables(copy), expected, "after compaction")
    assert not [p for p in copy.iterdir() if p.name.startswith(".compact-")]
    print(f"part files before {before}, after {after}")


class _Stop(Exception):
    """Stands for the process dying at that point of the compaction."""


def test_compact_dying_after_any_step_is_never_half_done(fifty_runs, tmp_path, monkeypatch):
    expected = _tables(fifty_runs)
    steps = ("write", "exchange", "remove_folder", "remove")
    step = 0
    while True:
        step += 1
        calls = []
        copy = tmp_path / f"w{step}"
        shutil.copytree(fifty_runs, copy)
        with monkeypatch.context() as patch:
            for method in steps:
                real = getattr(_LocalDisk, method)

                def dying(self, *args, _real=real, _method=method):
                    done = _real(self, *args)
                    calls.append(_method)
                    if len(calls) == step:
                        raise _Stop(f"died after {_method} #{step}")
                    return done

                patch.setattr(_LocalDisk, method, dying)
            store = Warehouse(str(copy))
            try:
                for table in TABLES:
                    store.compact(table)
                finished = True
            except _Stop:
                finished = False
        _assert_same(_tables(copy), expected, f"died after step {step} ({calls[-1:]})")
        if finished:
            break
    # Every write, exchange and removal of the four growing tables was a death point.
    assert step > 3 * len(GROWING), step
    Warehouse(str(copy)).compact("meetings")
    assert not [p for p in copy.iterdir() if p.name.startswith(".compact-")]  # litter removed
    _assert_same(_tables(copy), expected, "after the last compaction")


def test_compact_killed_at_random_points_loses_and_doubles_nothing(fifty_runs, tmp_path):
    expected = _tables(fifty_runs)
    probe = tmp_path / "probe"
    shutil.copytree(fifty_runs, probe)
    done = subprocess.run([sys.executable, str(DRIVER), str(probe)], capture_output=True, text=True, timeout=120)
    duration = float(done.stdout.split()[-1])
    rng = random.Random(20261201)
    landed = attempt = 0
    # Twelve kills at least, and until six of them landed before the compaction ended (a
    # loaded machine stretches a compaction past its measured time now and then).
    while attempt < 12 or (landed < 6 and attempt < 40):
        attempt += 1
        warehouse = tmp_path / f"k{attempt}"
        shutil.copytree(fifty_runs, warehouse)
        child = subprocess.Popen([sys.executable, str(DRIVER), str(warehouse)], stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, duration * 0.9))
        child.send_signal(signal.SIGKILL)
        child.communicate()
        landed += child.returncode == -signal.SIGKILL
        _assert_same(_tables(warehouse), expected, f"kill {attempt}")
        # The next compaction finishes the job and clears the litter.
        assert subprocess.run([sys.executable, str(DRIVER), str(warehouse)], timeout=120).returncode == 0
        _assert_same(_tables(warehouse), expected, f"after kill {attempt}")
        assert all(n == 1 for n in _parts(warehouse).values())
        assert not [p for p in warehouse.iterdir() if p.name.startswith(".compact-")]
    assert landed >= 6, landed


def test_compact_refuses_to_run_beside_a_writer(copy):
    with open(copy / ".lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = CliRunner().invoke(app, ["compact", "--warehouse", str(copy)])
    assert result.exit_code == 3
    assert "another dispatch-etl run is writing to" in result.output
    assert _parts(copy)["meetings"] >= 40


def test_compact_runs_fold_tables_past_the_threshold(prefect_harness, examples, tmp_path):
    from flows.etl import dispatch_etl

    inbox, warehouse, reference = tmp_path / "inbox", tmp_path / "w", tmp_path / "reference"
    inbox.mkdir()
    files = sorted(examples.glob("*.txt"))
    counts, uncompacted = [], []
    for n in range(5):
        for f in files[n * 4:(n + 1) * 4]:
            shutil.copy(f, inbox / f.name)
        dispatch_etl(inbox=str(inbox), warehouse=str(warehouse), compact_above=2)
        dispatch_etl(inbox=str(inbox), warehouse=str(reference))  # the same runs, default threshold
        counts.append(_parts(warehouse)["dispatches"])
        uncompacted.append(_parts(reference)["dispatches"])
    assert max(counts) <= 2 and counts != [1] * 5, counts
    assert uncompacted == [1, 2, 3, 4, 5]
    _assert_same(_tables(warehouse), _tables(reference), "runs that compacted")
