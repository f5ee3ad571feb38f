"""The package's data read fast at start-up: what is costly to build is kept between
processes (dispatch_etl/kept.py), never stale, and its loss or damage costs only the time
to build it again. Transforms themselves keep nothing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dispatch_etl.kept import DiskKeeper
from transforms import bundled


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


@pytest.fixture
def on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCH_ETL_CACHE", str(tmp_path))
    monkeypatch.setattr(bundled, "_keeper", DiskKeeper())
    return tmp_path


def test_built_without_a_keeper_builds_every_time(monkeypatch):
    monkeypatch.setattr(bundled, "_keeper", None)
    build, calls = _counting([1])
    assert bundled.built("t", build) == [1] and bundled.built("t", build) == [1]
    assert len(calls) == 2


def test_built_is_kept_and_read_back(on_disk):
    build, calls = _counting({"baku": ("AZ", 2_300_000)})
    assert bundled.built("t", build) == {"baku": ("AZ", 2_300_000)}
    assert bundled.built("t", build) == {"baku": ("AZ", 2_300_000)}
    assert len(calls) == 1
    assert [p.name for p in on_disk.glob("t-*.pickle")] == [f"t-{bundled.key()}.pickle"]


def test_built_rebuilds_a_damaged_copy(on_disk):
    build, calls = _counting([1, 2, 3])
    bundled.built("t", build)
    (kept,) = on_disk.glob("t-*.pickle")
    kept.write_bytes(kept.read_bytes()[:5])  # a copy cut short (a process killed while writing)
    assert bundled.built("t", build) == [1, 2, 3]
    assert len(calls) == 2


def test_built_drops_the_copies_of_earlier_code(on_disk):
    (on_disk / "t-0000000000000000.pickle").write_bytes(b"of an earlier version")
    build, calls = _counting(7)
    assert bundled.built("t", build) == 7
    assert [p.name for p in on_disk.glob("t-*.pickle")] == [f"t-{bundled.key()}.pickle"]


def test_built_works_where_nothing_can_be_written(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DISPATCH_ETL_CACHE", str(blocker / "built"))
    monkeypatch.setattr(bundled, "_keeper", DiskKeeper())
    build, calls = _counting("x")
    assert bundled.built("t", build) == "x" and bundled.built("t", build) == "x"
    assert len(calls) == 2


def test_a_pipeline_process_reads_what_the_one_before_built(tmp_path):
    # importing dispatch_etl keeps the city index; the next process reads it: the same answers
    code = ("import dispatch_etl; from transforms import geo; "
            "print(geo.city_country('Bakou'), geo.is_city_name('Lyon', 100_000))")
    env = {**os.environ, "DISPATCH_ETL_CACHE": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert list(tmp_path.glob("cities-*.pickle"))
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert first.stdout == second.stdout and "AZ" in first.stdout and "True" in first.stdout
