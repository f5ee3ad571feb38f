"""The README's commands and example run as written (sqlite-utils' test_docs idea)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text("utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def test_docs_quick_start_is_two_commands_and_ci_runs_the_test_one():
    run_cmd, test_cmd = (b.strip() for b in _blocks("sh")[:2])
    assert run_cmd.endswith("dispatch-etl run") and "pip install -e ." in run_cmd
    assert test_cmd.endswith("pytest")
    assert test_cmd in (REPO / ".ci" / "run").read_text("utf-8")


@pytest.fixture(scope="module")
def quick_start_run(tmp_path_factory):
    """The quick start's run command, with the console script this test environment installed."""
    cwd = tmp_path_factory.mktemp("quickstart")
    script = Path(sys.executable).with_name("dispatch-etl")
    command = _blocks("sh")[0].strip().rsplit("&&", 1)[1].strip().replace(".venv/bin/dispatch-etl", str(script))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    done = subprocess.run(command, shell=True, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    return cwd, done


def test_docs_quick_start_run_succeeds_quietly(quick_start_run):
    cwd, done = quick_start_run
    assert done.returncode == 0, done.stderr
    assert re.search(r"56 inputs \(56 new or changed\) -> 56 dispatches \(56 new\), 0 rejects, \d+ meetings, \d+ participants", done.stdout)
    for noise in ("Traceback", "ERROR", "Exception"):
        assert noise not in done.stderr and noise not in done.stdout
    assert (cwd / "warehouse" / "meetings").is_dir()


def test_docs_python_examples_run(quick_start_run):
    cwd, _ = quick_start_run
    blocks = _blocks("python")
    assert len(blocks) >= 2
    for python in blocks:
        done = subprocess.run([sys.executable, "-c", python], cwd=cwd, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert "meeting_date" in done.stdout


def test_docs_report_command_runs(quick_start_run):
    cwd, _ = quick_start_run
    (command,) = [b.strip() for b in _blocks("sh") if b.startswith("dispatch-etl report")]
    script = Path(sys.executable).with_name("dispatch-etl")
    done = subprocess.run(command.replace("dispatch-etl", str(script), 1), shell=True, cwd=cwd,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (cwd / "report" / "index.html").exists() and (cwd / "report" / "timeline.png").exists()
    assert (REPO / "docs" / "report.png").exists()


def test_docs_cli_serve_and_run_refuse_a_missing_inbox(tmp_path):
    script = Path(sys.executable).with_name("dispatch-etl")
    for command in (["serve", "--cron", "*/10 * * * *"], ["run"]):
        done = subprocess.run([str(script), *command, "--inbox", str(tmp_path / "nowhere")],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 2
        assert "is not a folder" in done.stderr and "Traceback" not in done.stderr
