"""`dispatch-etl status`: what a warehouse holds, its last run, rejects by reason, the
inputs pending in an inbox, and with --verify the part files that do not read."""

from __future__ import annotations

import re
import shutil

import pytest
from typer.testing import CliRunner

from dispatch_etl.cli import app


@pytest.fixture(scope="module")
def built_once(prefect_harness, examples, tmp_path_factory):
    """A warehouse after one run over a copy of the examples with an empty file (a reject)."""
    from flows.etl import dispatch_etl

    inbox = tmp_path_factory.mktemp("status") / "inbox"
    shutil.copytree(examples, inbox)
    (inbox / "empty.txt").write_bytes(b"")
    warehouse = inbox.parent / "w"
    dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    return inbox, warehouse


@pytest.fixture()
def built(built_once, tmp_path):
    """The run's inbox and warehouse copied for this test alone (modification times kept),
    and the inbox the run read (its status names that one)."""
    inbox, warehouse = (shutil.copytree(path, tmp_path / path.name) for path in built_once)
    return inbox, warehouse, built_once[0]


def _status(*args: str):
    return CliRunner().invoke(app, ["status", *args])


def test_status_counts_tables_last_run_rejects_and_pending(built):
    inbox, warehouse, run_inbox = built
    (inbox / "new.txt").write_text("Bakou, 3 mars, AZERTAC\n\nLe ministre a reçu M. Jean Dupont.\n", "utf-8")
    result = _status("--warehouse", str(warehouse), "--inbox", str(inbox))
    assert result.exit_code == 0, result.output
    out = result.output
    assert re.search(r"^  dispatches\s+56 rows\s+1 part files$", out, re.M), out
    assert re.search(r"^  meetings\s+47 rows\s+1 part files$", out, re.M), out
    assert re.search(r"^  participants\s+107 rows\s+1 part files$", out, re.M), out
    assert re.search(r"^last run: finished 20\d\d-\d\d-\d\dT[\d:]+\+00:00 in [\d.]+s on " + re.escape(str(run_inbox))
                     + r": 57 inputs \(57 new or changed\) -> 56 dispatches \(56 new\), 1 rejects, 47 meetings, "
                     r"107 participants$", out, re.M), out
    assert "rejects by reason: 1 empty" in out
    assert f"inbox {inbox}: 58 inputs, 1 pending (new or changed)" in out


def test_status_verify_names_unreadable_parts_and_the_rebuild(built):
    _, warehouse, inbox = built
    assert _status("--warehouse", str(warehouse), "--verify").output.endswith("verify: every part file reads\n")
    part = sorted((warehouse / "participants").glob("*.parquet"))[0]
    part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])
    result = _status("--warehouse", str(warehouse), "--verify")
    assert result.exit_code == 4, result.output
    assert f"unreadable: {part} (" in result.output
    assert (f"rebuild: dispatch-etl run --inbox {inbox} --warehouse {warehouse}.rebuilt, then replace "
            f"{warehouse} by {warehouse}.rebuilt") in result.output
    assert re.search(r"^  participants\s+0 rows\s+1 part files$", result.output, re.M), result.output


def test_status_refuses_a_missing_warehouse(tmp_path):
    result = _status("--warehouse", str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and "no warehouse at" in result.output
