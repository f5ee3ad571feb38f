"""Clean stops: Ctrl-C (SIGINT to the process group, as a terminal sends it) and SIGTERM end
a running `dispatch-etl run` within 5 s with one line and exit 130 / 143, and the same
command then completes to the tables of an uninterrupted run; failures an operator can fix
end with one line naming cause, path and remedy."""

from __future__ import annotations

import errno
import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import REPO, comparable_tables

CLI = Path(sys.executable).with_name("dispatch-etl")
SMALL_COMMITS = ["--batch-size", "10", "--commit-every", "20", "--workers", "2"]


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return env | {"PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def _cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, env=_env(), timeout=timeout)


def _tables(warehouse: Path) -> dict:
    return comparable_tables(lambda name: pd.read_parquet(warehouse / name))


def _group_gone(pgid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "inbox"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "--dispatches", "300", "--out", str(out)],
                   check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def uninterrupted(generated, tmp_path_factory) -> dict:
    warehouse = tmp_path_factory.mktemp("reference") / "w"
    done = _cli("run", "--inbox", str(generated), "--warehouse", str(warehouse), *SMALL_COMMITS)
    assert done.returncode == 0, done.stderr
    return _tables(warehouse)


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupt_stops_within_5s_with_one_line_and_resumes(generated, uninterrupted, tmp_path, signum, code):
    warehouse = tmp_path / "w"
    child = subprocess.Popen([str(CLI), "run", "--inbox", str(generated), "--warehouse", str(warehouse), *SMALL_COMMITS],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
                             start_new_session=True)
    manifest = warehouse / "_state" / "inputs"
    deadline = time.monotonic() + 300
    # A first commit landed (its manifest part renamed into place: not the hidden temporary).
    while not (manifest.is_dir() and any(manifest.glob("part-*.parquet"))):
        assert child.poll() is None and time.monotonic() < deadline, child.communicate()
        time.sleep(0.05)
    os.killpg(child.pid, signum)  # the whole group, as a terminal's Ctrl-C
    sent = time.monotonic()
    try:
        out, err = child.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        pytest.fail(f"still running 5 s after {signum.name}: {child.communicate()}")
    took = time.monotonic() - sent
    assert child.returncode == code, err
    assert took < 5
    assert "Traceback" not in err and "Crash detected" not in err, err
    lines = [line for line in err.splitlines() if not line.startswith("progress: ")]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"interrupted by {signum.name}: "), err
    committed = int(lines[0].split(": ", 1)[1].split(" of ", 1)[0])
    assert 0 < committed < 300, err
    manifest = pd.read_parquet(warehouse / "_state" / "inputs")
    assert committed == manifest["path"].nunique()  # exactly what the warehouse holds as done
    assert "of 300 new or changed inputs were committed" in lines[0]
    assert "run the same command again to continue" in lines[0]
    # Nothing of the run is left: no worker, and the lock is free.
    # (A dead worker may stay a zombie until the init process reaps it.)
    assert _group_gone(child.pid, within=10), subprocess.run(["ps", "-o", "pid,stat,args", "-g", str(child.pid)],
                                                             capture_output=True, text=True).stdout
    with open(warehouse / ".lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    # The same command completes the work, to the tables of an uninterrupted run.
    again = _cli("run", "--inbox", str(generated), "--warehouse", str(warehouse), *SMALL_COMMITS)
    assert again.returncode == 0, again.stderr
    assert f"({300 - committed} new or changed)" in again.stdout
    got = _tables(warehouse)
    for name in got:
        pd.testing.assert_frame_equal(got[name], uninterrupted[name], obj=name, check_dtype=False)


def _children(pid: int) -> dict[int, str]:
    """The processes `pid` started: pid -> command line."""
    listed = subprocess.run(["ps", "-ww", "-o", "pid=,args=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return {int(line.split(None, 1)[0]): line.split(None, 1)[1] for line in listed.strip().splitlines()}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupt_while_starting_up_leaves_nothing_behind(examples, tmp_path, signum, code):
    """Stopped while Prefect's temporary server boots and the first extraction worker warms
    up (both start before the run reads anything): one line, and neither is left running."""
    warehouse = tmp_path / "w"
    child = subprocess.Popen([str(CLI), "run", "--inbox", str(examples), "--warehouse", str(warehouse)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
                             start_new_session=True)
    deadline = time.monotonic() + 60
    while not (started := _children(child.pid)) or not any("spawn_main" in a for a in started.values()) \
            or not any("uvicorn" in a for a in started.values()):
        assert child.poll() is None and time.monotonic() < deadline, child.communicate()
        time.sleep(0.02)
    os.killpg(child.pid, signum)
    try:
        out, err = child.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        pytest.fail(f"still running 5 s after {signum.name}: {child.communicate()}")
    assert child.returncode == code, err
    assert err.strip().splitlines() == [
        f"interrupted by {signum.name} before any input was read: nothing was committed to {warehouse}; "
        "run the same command again to start over"], err
    # The worker (in the run's group) and the server (in a session of its own) are gone.
    assert _group_gone(child.pid, within=10)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [args for pid, args in started.items() if _alive(pid)]


def test_interrupt_locked_warehouse_is_one_line(examples, tmp_path):
    warehouse = tmp_path / "w"
    warehouse.mkdir()
    with open(warehouse / ".lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        done = _cli("run", "--inbox", str(examples), "--warehouse", str(warehouse))
    assert done.returncode == 3
    assert done.stderr.strip().splitlines() == [
        f"error: another dispatch-etl run is writing to {warehouse}; try again when it ends "
        "(`dispatch-etl status` shows its last run)"], done.stderr


def test_interrupt_corrupted_part_names_it_and_the_rebuild(examples, examples_warehouse_copy):
    warehouse = examples_warehouse_copy  # a finished run over the examples (the session's, copied)
    part = sorted((warehouse / "meetings").glob("*.parquet"))[0]
    part.write_bytes(part.read_bytes()[:100])  # truncated, as by a full disk or a bad copy
    done = _cli("run", "--inbox", str(examples), "--warehouse", str(warehouse))
    assert done.returncode == 4
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert lines[0].startswith("error: unreadable part file") and str(part) in lines[0]
    assert f"dispatch-etl run --inbox {examples} --warehouse <new folder>" in lines[0]


def test_interrupt_disk_full_is_one_line_and_a_rerun_completes(prefect_harness, examples, tmp_path, monkeypatch):
    """ENOSPC injected into the warehouse's file writes (a real full disk is not needed)."""
    from typer.testing import CliRunner

    from dispatch_etl import cli, runtime
    from dispatch_etl.warehouse import _LocalDisk

    for key in ("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "DASK_LOGGING__DISTRIBUTED"):
        monkeypatch.setenv(key, os.environ.get(key, "WARNING"))
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}

    def full(self, data, tmp, target):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp))

    warehouse = tmp_path / "w"
    try:
        with monkeypatch.context() as patch:
            patch.setattr(_LocalDisk, "_write", full)
            result = CliRunner().invoke(cli.app, ["run", "--inbox", str(examples), "--warehouse", str(warehouse)])
        assert result.exit_code == 4, result.output
        lines = [line for line in result.stderr.splitlines() if not line.startswith("progress: ")]
        assert len(lines) == 1 and "Traceback" not in result.output, result.stderr
        assert lines[0].startswith("error: disk full (no space left on device) writing " + str(warehouse)), lines
        assert "free some space there" in lines[0] and "run the same command again" in lines[0]
        # Space freed: the same command completes.
        result = CliRunner().invoke(cli.app, ["run", "--inbox", str(examples), "--warehouse", str(warehouse)])
        assert result.exit_code == 0, result.output
        assert "56 inputs (56 new or changed)" in result.stdout
    finally:
        for s, h in handlers.items():
            signal.signal(s, h)
        runtime.loud_prefect_console()
