"""Each report's own wording of each participant (`participant_reports`), and the stated
rule for the merged `participants` row: a meeting the development corpus reports in French
(fr-018, fr-039) and in English (en-012, en-002) keeps both wordings, through re-runs,
incremental runs, --reprocess and compaction."""

from __future__ import annotations

import datetime as dt
import shutil

import pandas as pd
import pytest

from dispatch_etl.evaluation import predictions
from dispatch_etl.schema import PARTICIPANT_REPORTS
from dispatch_etl.tables import Tables
from dispatch_etl.warehouse import Warehouse
from flows.etl import dispatch_etl
from transforms.evaluate import score
from transforms.normalise import tables

KEY = list(PARTICIPANT_REPORTS.key)


@pytest.fixture(scope="module")
def warehouse(examples_warehouse):
    return examples_warehouse


def _read(root, name: str) -> pd.DataFrame:
    return pd.read_parquet(root / name)


def _by_doc(root) -> pd.DataFrame:
    """participant_reports with each row's document (`fr-018`) beside it."""
    reports = _read(root, "participant_reports")
    docs = _read(root, "dispatches").set_index("dispatch_id")["source_uri"].str.replace(".txt", "", regex=False)
    return reports.assign(doc=reports["dispatch_id"].map(docs))


def test_participant_reports_keep_each_reports_wording(warehouse):
    reports = _by_doc(warehouse)
    fr = reports[reports["doc"] == "fr-018"].set_index("name_as_written")
    en = reports[reports["doc"] == "en-012"].set_index("name_as_written")
    assert fr.loc["Djeyhoun Baïramov", ["position", "language", "role"]].tolist() == [
        "ministre des Affaires étrangères", "fr", "participant"]
    assert en.loc["Jeyhun Bayramov", ["position", "language"]].tolist() == ["Foreign Minister", "en"]
    # One meeting, one person, two reports.
    assert fr.loc["Djeyhoun Baïramov", "meeting_id"] == en.loc["Jeyhun Bayramov", "meeting_id"]
    assert fr.loc["Djeyhoun Baïramov", "person_id"] == en.loc["Jeyhun Bayramov", "person_id"]
    fr39 = reports[reports["doc"] == "fr-039"].set_index("name_as_written")
    assert fr39.loc["M. Bakhtiyar Mammadov", ["honorific", "position"]].tolist() == ["M.", "ambassadeur"]
    en2 = reports[reports["doc"] == "en-002"].set_index("name_as_written")
    assert en2.loc["H.E. Bakhtiyar Mammadov", ["honorific", "position"]].tolist() == ["H.E.", "Ambassador"]


def test_participant_reports_point_at_the_name_in_the_text(warehouse):
    reports = _read(warehouse, "participant_reports")
    text = _read(warehouse, "dispatches").set_index("dispatch_id")["text"]
    for r in reports.itertuples():
        assert text[r.dispatch_id][r.name_start:r.name_end] == r.name_as_written


def test_participant_reports_cover_every_participant_and_report_once(warehouse):
    reports = _read(warehouse, "participant_reports")
    participants = _read(warehouse, "participants")
    meeting_reports = _read(warehouse, "meeting_reports")
    assert not reports.duplicated(KEY).any()
    pairs = set(zip(reports["meeting_id"], reports["person_id"]))
    assert pairs == set(zip(participants["meeting_id"], participants["person_id"]))
    assert set(zip(reports["meeting_id"], reports["dispatch_id"])) == set(
        zip(meeting_reports["meeting_id"], meeting_reports["dispatch_id"]))
    assert len(reports) > len(participants)  # meetings reported twice have a row per report
    # The merged row names the report it is worded as, and that report names the person.
    assert set(zip(participants["meeting_id"], participants["reported_in"], participants["person_id"])) <= set(
        zip(reports["meeting_id"], reports["dispatch_id"], reports["person_id"]))


def test_participants_row_is_worded_as_the_earliest_report(warehouse):
    participants = {(r["meeting_id"], r["person_id"]): r for r in _read(warehouse, "participants").to_dict("records")}
    reports = _read(warehouse, "participant_reports")
    published = _read(warehouse, "dispatches").set_index("dispatch_id")["published_date"]
    reports = reports.assign(published=reports["dispatch_id"].map(published))
    twice = reports.groupby(["meeting_id", "person_id"]).filter(lambda g: g["dispatch_id"].nunique() > 1)
    assert len(twice) >= 12
    for (mid, pid), group in twice.groupby(["meeting_id", "person_id"]):
        first = group.sort_values(["published", "dispatch_id", "name_start"]).iloc[0]
        row = participants[(mid, pid)]
        assert row["reported_in"] == first["dispatch_id"]
        for field in ("position", "honorific"):
            assert _same(row[field], first[field]) or pd.isna(first[field]), (field, row, first)
    # en-012 (7 December 2022) was published before fr-018 (9 December): its wording is the row's.
    by_name = {r["name"]: r for r in participants.values() if r["meeting_id"] == first_meeting(warehouse, "fr-018")}
    assert by_name["Djeyhoun Baïramov"]["position"] == "Foreign Minister"


def _same(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or a == b


def first_meeting(root, doc: str) -> str:
    reports = _by_doc(root)
    return reports.loc[reports["doc"] == doc, "meeting_id"].iloc[0]


def test_evaluate_scores_each_reports_own_wording(warehouse, gold):
    summary = score(gold, predictions(warehouse)).summary()
    assert summary["participant_position_accuracy"] == 1.0
    assert summary["participant_honorific_accuracy"] == 1.0
    french = [g for g in gold if g["doc"].startswith("fr-")]
    assert score(french, predictions(warehouse)).summary()["participant_position_accuracy"] == 1.0


def test_tables_participant_reports_filters_like_participants(warehouse):
    wh = Tables(warehouse)
    theirs = wh.participant_reports(person="Jeyhun Bayramov")
    assert set(theirs["meeting_id"]) == set(wh.meetings(person="Jeyhun Bayramov")["meeting_id"])
    assert {"ministre des Affaires étrangères", "Foreign Minister"} <= set(theirs["position"].dropna())


def _record(start: int, names: list[str], position: str, published: dt.date, language: str) -> dict:
    return {
        "meeting_date": dt.date(2023, 2, 22), "date_basis": "explicit", "kind": "meeting", "city": None,
        "country_code": None, "venue": None, "topics": [], "evidence": "x", "char_start": start,
        "char_end": start + 1, "published": published, "language": language,
        "participants": [
            {"name": n, "name_as_written": n, "honorific": None, "position": position,
             "organization_as_written": None, "country_code": None, "role": "participant",
             "name_start": start, "name_end": start + len(n)} for n in names
        ],
    }


@pytest.mark.parametrize("french_id, english_id", [("d-a", "d-b"), ("d-b", "d-a")])
def test_normalise_merged_row_is_the_earliest_published_whatever_the_ids(french_id, english_id):
    """The English report, published a day earlier, words the merged row whichever
    dispatch id sorts first; both wordings are in participant_reports."""
    rows = tables({
        french_id: [_record(0, ["Anna Berg", "Luis Soto"], "ministre des Affaires étrangères", dt.date(2023, 2, 23), "fr")],
        english_id: [_record(7, ["Anna Berg", "Luis Soto"], "Foreign Minister", dt.date(2023, 2, 22), "en")],
    })
    assert len(rows["meetings"]) == 1
    assert {r["position"] for r in rows["participants"]} == {"Foreign Minister"}
    assert {r["reported_in"] for r in rows["participants"]} == {english_id}
    assert sorted((r["dispatch_id"], r["position"], r["language"]) for r in rows["participant_reports"]) == sorted(
        [(french_id, "ministre des Affaires étrangères", "fr")] * 2 + [(english_id, "Foreign Minister", "en")] * 2)


def test_participant_reports_through_incremental_runs_reprocess_and_compaction(prefect_harness, examples, tmp_path):
    inbox, root = tmp_path / "inbox", tmp_path / "warehouse"
    inbox.mkdir()
    # The French reports first, in a run of their own; the English ones in a later run.
    for f in examples.glob("fr-*.txt"):
        shutil.copy(f, inbox / f.name)
    dispatch_etl(inbox=str(inbox), warehouse=str(root))
    for f in examples.glob("en-*.txt"):
        shutil.copy(f, inbox / f.name)
    dispatch_etl(inbox=str(inbox), warehouse=str(root))
    reports = _by_doc(root)
    assert not reports.duplicated(KEY).any()
    meeting = first_meeting(root, "fr-018")
    baïramov = reports[(reports["meeting_id"] == meeting)
                       & reports["name_as_written"].isin(["Djeyhoun Baïramov", "Jeyhun Bayramov"])]
    assert sorted(zip(baïramov["doc"], baïramov["position"])) == [
        ("en-012", "Foreign Minister"), ("fr-018", "ministre des Affaires étrangères")]
    # A row already there is not reworded by a later run's report (it adds its own wording).
    participants = _read(root, "participants")
    row = participants[(participants["meeting_id"] == meeting) & (participants["name"] == "Djeyhoun Baïramov")]
    assert row["position"].tolist() == ["ministre des Affaires étrangères"]
    settled = reports.drop(columns="doc").sort_values(KEY).reset_index(drop=True)
    # Again, then everything read again, then compacted: the same rows, none doubled.
    dispatch_etl(inbox=str(inbox), warehouse=str(root))
    dispatch_etl(inbox=str(inbox), warehouse=str(root), reprocess=True)
    store = Warehouse(root)
    with store.lock():
        store.compact("participant_reports")
    assert len(store.parts("participant_reports")) == 1
    again = _read(root, "participant_reports").sort_values(KEY).reset_index(drop=True)
    pd.testing.assert_frame_equal(again, settled)
