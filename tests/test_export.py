"""`dispatch-etl export`: any table to CSV, JSON Lines or Parquet, read back by pandas and
json.loads; the events table in JSON Lines in PLOVER's field names."""

from __future__ import annotations

import json

import analyst_warehouse
import pandas as pd
import pytest
from typer.testing import CliRunner

from dispatch_etl.cli import app


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    return analyst_warehouse.write(tmp_path_factory.mktemp("export") / "wh")


def _export(warehouse, tmp_path, table, fmt):
    out = tmp_path / f"{table}.{fmt}"
    result = CliRunner().invoke(app, ["export", "--table", table, "--format", fmt, "--out", str(out),
                                      "--warehouse", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert str(out) in result.output
    return out


def test_export_csv_keeps_list_columns_as_json(warehouse, tmp_path):
    persons = pd.read_csv(_export(warehouse, tmp_path, "persons", "csv"))
    aliases = dict(zip(persons["person_id"], persons["aliases"].map(json.loads)))
    assert aliases["p-bai"] == ["M. Baïramov", "Djeyhoun Baïramov"] and aliases["p-alv"] == []
    meetings = pd.read_csv(_export(warehouse, tmp_path, "meetings", "csv"))
    assert meetings["topics"].map(json.loads).tolist() == [["cooperation"]] * 5
    assert set(meetings["meeting_date"].dropna()) >= {"2023-01-10"}


def test_export_parquet_reads_back_with_lists(warehouse, tmp_path):
    persons = pd.read_parquet(_export(warehouse, tmp_path, "persons", "parquet"))
    row = persons.set_index("person_id").loc["p-bai"]
    assert list(row["aliases"]) == ["M. Baïramov", "Djeyhoun Baïramov"]
    events = pd.read_parquet(_export(warehouse, tmp_path, "events", "parquet"))
    assert len(events) == 10 and set(events["cameo_code"]) == {"041", "042", "043"}


def test_export_jsonl_plain_table_has_real_arrays(warehouse, tmp_path):
    lines = _export(warehouse, tmp_path, "organizations", "jsonl").read_text("utf-8").splitlines()
    rows = {r["organization_id"]: r for r in map(json.loads, lines)}
    assert rows["o-ices"]["aliases"] == ["ISESCO"] and rows["o-uni"]["country_code"] is None


def test_export_events_jsonl_in_plover_fields(warehouse, tmp_path):
    rows = [json.loads(line) for line in
            _export(warehouse, tmp_path, "events", "jsonl").read_text("utf-8").splitlines()]
    assert len(rows) == 10
    visit = next(r for r in rows if r["cameo_code"] == "042" and r["link"] == "m1")
    assert {"id", "date", "source", "recipient", "event", "mode", "event_loc", "event_text", "quad_code",
            "link", "cite_info"} <= set(visit)
    assert visit["event"] == ["CONSULT"] and visit["mode"] == "visit" and visit["quad_code"] == 1
    assert visit["date"] == "2023-01-10"
    (source,), (recipient,) = visit["source"], visit["recipient"]
    assert (source["code"], source["actor_text"], source["identifier_id"]) == ("RUS", "Sergueï Lavrov", "p-lav")
    assert (recipient["code"], recipient["country_code"]) == ("AZE", "AZ")
    assert visit["event_loc"]["country code"] == "AZ" and visit["event_loc"]["cc3"] == "AZE"
    assert visit["event_text"] == ["Report of m1."] and visit["cite_info"] == {"language": "en"}


def test_export_unknown_table_is_a_clear_error(warehouse, tmp_path):
    result = CliRunner().invoke(app, ["export", "--table", "nope", "--format", "csv", "--out", str(tmp_path / "x"),
                                      "--warehouse", str(warehouse)])
    assert result.exit_code == 2 and "events" in result.output and "meetings" in result.output
