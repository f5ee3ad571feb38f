"""Meetings whose text gives no day are counted and shown: a date_or_published view, and
helpers, charts and the example script that say how many they leave out."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analyst_warehouse
from dispatch_etl import answers
from dispatch_etl.report import write_report
from dispatch_etl.tables import Tables

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    return analyst_warehouse.write(tmp_path_factory.mktemp("undated") / "warehouse")


def test_undated_date_or_published_view(warehouse):
    view = Tables(warehouse).date_or_published().set_index("meeting_id")
    assert str(view.loc["m1", "date_or_published"]) == "2023-01-10"  # its own date
    assert view.loc["m1", "date_or_published_basis"] == "meeting"
    assert pd.isna(view.loc["m3", "meeting_date"])
    assert str(view.loc["m3", "date_or_published"]) == "2023-03-20"  # its report's publication
    assert view.loc["m3", "date_or_published_basis"] == "published"
    assert pd.isna(view.loc["m5", "date_or_published"]) and pd.isna(view.loc["m5", "date_or_published_basis"])
    # since/until select on that date: the undated meeting of March 2023 is in.
    assert sorted(Tables(warehouse).date_or_published(since="2023-03-01", until="2023-12-31")["meeting_id"]) == ["m3"]
    p = Tables(warehouse).participations()
    assert {"date_or_published", "date_or_published_basis"} <= set(p.columns)


def test_undated_per_month_says_how_many_it_leaves_out(warehouse):
    p = Tables(warehouse).participations()
    with pytest.warns(answers.UndatedMeetings, match=r"2 of 5 meetings have no meeting_date and are not counted "
                                                     r"\(date=\"date_or_published\" counts them"):
        counts = answers.meetings_per_month(p)
    assert counts.sum() == 3 and counts.attrs["undated"] == 2
    with pytest.warns(answers.UndatedMeetings, match="1 of 5 meetings have no date_or_published"):
        by_year = answers.meetings_per_period(p, period="year", date="date_or_published", by="kind")
    assert by_year.sum().sum() == 4 and by_year.attrs["undated"] == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dated_only = p[p["meeting_date"].notna()]
        assert answers.meetings_per_month(dated_only).attrs["undated"] == 0


def test_undated_edges_count_the_undated_meetings_of_a_pair(warehouse):
    p = Tables(warehouse).participations()
    ties = answers.edges(p, level="person").set_index(["source", "target"])
    pair = ties.loc[("Ilham Aliyev", "Salim M. AlMalik")]  # their one meeting has no date
    assert pair["meetings"] == 1 and pair["undated"] == 1 and pd.isna(pair["first"])
    assert ties.loc[("Jeyhoun Baïramov", "Sergueï Lavrov"), "undated"] == 0
    by_publication = answers.edges(p, level="person", date="date_or_published").set_index(["source", "target"])
    assert str(by_publication.loc[("Anne Dupont", "Salim M. AlMalik"), "first"]) == "2023-03-20"


def test_undated_report_says_what_its_chart_leaves_out(warehouse, tmp_path):
    report = write_report(warehouse, tmp_path / "report")
    assert report.counts["undated"] == 2
    page = (tmp_path / "report" / "index.html").read_text("utf-8")
    assert "2 meetings without a date (of 5) are not in this chart" in page
    assert "<th>undated</th>" in page
    assert "2 meetings without a date" in report.markdown()


def test_undated_example_script_counts_them(warehouse):
    done = subprocess.run([sys.executable, str(REPO / "examples" / "analysis.py"), str(warehouse)],
                          capture_output=True, text=True, timeout=300, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "5 meetings: 1 without a day of their own counted by publication date, 1 with no date at all left out" in done.stdout
    assert "undated" in done.stdout
