"""The command line's help and flags: every command named at the top, flags shown as flags
(no value), and `--version`."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from dispatch_etl import __version__
from dispatch_etl.cli import app

COMMANDS = ("run", "serve", "status", "compact", "report", "evaluate", "export")


def _help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_help_top_level_names_every_command():
    shown = _help()
    description = shown.split("Options")[0]
    for command in COMMANDS:
        assert re.search(rf"`{command}`", description), command
    listed = shown.split("Commands")[1]
    assert all(re.search(rf"│ {command}\s", listed) for command in COMMANDS)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_cli_help_flags_take_no_value(command):
    shown = _help(*filter(None, [command]))
    assert "<bool>" not in shown


def test_cli_help_flags_work_without_a_value(tmp_path):
    result = CliRunner().invoke(app, ["run", "--reprocess", "--inbox", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "is not a folder" in result.output
    result = CliRunner().invoke(app, ["run", "--reprocess", "true"])
    assert result.exit_code == 2 and "true" in result.output


def test_cli_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"dispatch-etl {__version__}"
