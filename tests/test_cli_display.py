"""What the command line shows while a run goes: a progress bar on a terminal (driven here
through a pseudo-terminal), plain lines elsewhere, and none of Prefect's INFO chatter
unless --verbose."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

CLI = Path(sys.executable).with_name("dispatch-etl")


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return env | {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "TERM": "xterm-256color", "COLUMNS": "160"}


def _through_a_terminal(args: list[str], timeout: float = 300) -> tuple[int, str]:
    """Run the CLI with stdin, stdout and stderr on a pseudo-terminal; what it showed."""
    master, slave = pty.openpty()
    child = subprocess.Popen([str(CLI), *args], stdin=slave, stdout=slave, stderr=slave, env=_env(),
                             start_new_session=True)
    os.close(slave)
    shown, deadline = b"", time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            shown += chunk
        elif child.poll() is not None:
            break
    os.close(master)
    return child.wait(timeout=30), shown.decode("utf-8", "replace")


def test_cli_display_terminal_run_shows_a_progress_bar(examples, tmp_path):
    code, shown = _through_a_terminal(["run", "--inbox", str(examples), "--warehouse", str(tmp_path / "w"),
                                       "--batch-size", "8"])
    assert code == 0, shown[-3000:]
    assert "━" in shown, shown[-3000:]  # the bar itself
    assert "56/56" in shown and "inputs" in shown
    assert "dispatches/s" in shown and "meetings found" in shown and "time left" in shown
    assert "56 inputs (56 new or changed)" in shown
    assert "INFO" not in shown and "Starting temporary server" not in shown


def test_cli_display_non_terminal_run_prints_plain_lines_and_no_chatter(examples, tmp_path):
    done = subprocess.run([str(CLI), "run", "--inbox", str(examples), "--warehouse", str(tmp_path / "w"),
                           "--batch-size", "8"], capture_output=True, text=True, env=_env(), timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "━" not in done.stderr and "\x1b[" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines[0].startswith("progress: 0 of 56 inputs read"), done.stderr
    assert lines[-1].startswith("progress: 56 of 56 inputs read, 56 committed"), done.stderr
    assert all(line.startswith("progress: ") for line in lines), done.stderr
    assert done.stdout.startswith("56 inputs (56 new or changed)")


def test_cli_display_verbose_shows_prefect_logs(examples, tmp_path):
    done = subprocess.run([str(CLI), "run", "--inbox", str(examples), "--warehouse", str(tmp_path / "w"),
                           "--verbose"], capture_output=True, text=True, env=_env(), timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Started a temporary server" in done.stderr and "Finished in state Completed()" in done.stderr
