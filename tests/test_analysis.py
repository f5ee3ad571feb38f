"""The analyst's side over the development corpus: typed loading with filters, the ready
answers (checked against plain pandas on the Parquet files), the report, and the report
opened in a real headless Chromium."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import browser
import pandas as pd
import pyarrow as pa
import pytest
from PIL import Image

from dispatch_etl import answers
from dispatch_etl.report import PAGE_WIDTH, write_report
from dispatch_etl.tables import Tables
from flows.etl import dispatch_etl

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def warehouse(examples_warehouse) -> Path:
    return examples_warehouse


@pytest.fixture(scope="module")
def raw(warehouse) -> dict[str, pd.DataFrame]:
    """The tables as plain pandas reads them: the reference the API is checked against."""
    return {name: pd.read_parquet(warehouse / name) for name in ("meetings", "participants", "persons", "organizations")}


def test_tables_types(warehouse):
    wh = Tables(warehouse)
    meetings = wh.meetings()
    assert meetings["meeting_date"].dtype == pd.ArrowDtype(pa.date32())
    assert isinstance(meetings["meeting_date"].dropna().iloc[0], dt.date)
    assert list(meetings["kind"].cat.categories[:4]) == ["meeting", "phone_call", "video_conference", "ceremony"]
    assert meetings["city"].dtype == pd.StringDtype("pyarrow")
    assert meetings["topics"].dtype == pd.ArrowDtype(pa.list_(pa.string()))
    participants = wh.participants()
    assert list(participants["role"].cat.categories) == ["host", "guest", "participant", "attendee"]
    assert str(wh.dispatches()["ingested_at"].dtype) == "datetime64[us, UTC]"
    assert wh.rejects()["reason"].dtype == "category"


def test_tables_date_filter_matches_pandas(warehouse, raw):
    wh = Tables(warehouse)
    got = wh.meetings(since="2023-01-01", until=dt.date(2023, 6, 30))
    m = raw["meetings"]
    dates = pd.to_datetime(m["meeting_date"])
    want = m[(dates >= "2023-01-01") & (dates <= "2023-06-30")]
    assert 0 < len(got) < len(m)
    assert sorted(got["meeting_id"]) == sorted(want["meeting_id"])


def test_tables_party_filters_match_pandas(warehouse, raw):
    wh = Tables(warehouse)
    p = raw["participants"]
    # Organisation by short name, any case; by alias too.
    want = set(p.loc[p["organization"] == "ICESCO", "meeting_id"])
    assert set(wh.meetings(organization="icesco")["meeting_id"]) == want
    assert set(wh.meetings(organization="ISESCO")["meeting_id"]) == want
    # A person by a word of the name, accents ignored; all participants of their meetings come back.
    almalik = p.loc[p["name"].str.contains("AlMalik"), "person_id"].iloc[0]
    theirs = set(p.loc[p["person_id"] == almalik, "meeting_id"])
    rows = wh.participants(person="almalik")
    assert set(rows["meeting_id"]) == theirs
    assert len(rows) == p["meeting_id"].isin(theirs).sum() > len(theirs)
    # A represented state, and two filters together.
    kz = set(p.loc[p["country_code"] == "KZ", "meeting_id"])
    assert set(wh.meetings(country="kz")["meeting_id"]) == kz
    both = wh.meetings(country="KZ", kind="phone_call")
    assert set(both["meeting_id"]) <= kz and set(both["kind"]) <= {"phone_call"}


def test_tables_unknown_name_is_a_clear_error(warehouse):
    with pytest.raises(LookupError, match="closest: ICESCO"):
        Tables(warehouse).meetings(organization="ICESOC")
    with pytest.raises(ValueError, match="not a date"):
        Tables(warehouse).meetings(since="last spring")
    with pytest.raises(FileNotFoundError, match="no warehouse"):
        Tables(warehouse.parent / "nowhere")


def test_participations_is_one_row_per_participant_with_the_meeting(warehouse, raw):
    view = Tables(warehouse).participations()
    p, m = raw["participants"], raw["meetings"]
    assert len(view) == len(p)
    assert {"meeting_date", "kind", "city", "meeting_country_code", "venue", "topics", "role", "organization"} <= set(view.columns)
    merged = p.merge(m[["meeting_id", "city", "country_code"]], on="meeting_id", suffixes=("", "_meeting"))
    want = dict(zip(zip(merged["meeting_id"], merged["person_id"]), merged["country_code_meeting"]))
    for row in view.itertuples():
        expected = want[(row.meeting_id, row.person_id)]
        assert (pd.isna(expected) and pd.isna(row.meeting_country_code)) or expected == row.meeting_country_code
    dated = view["meeting_date"].dropna()
    assert dated.is_monotonic_increasing


def test_answers_meetings_per_month(warehouse, raw):
    view = Tables(warehouse).participations()
    per_month = answers.meetings_per_month(view)
    parties = raw["participants"][raw["participants"]["role"] != "attendee"]
    dated = raw["meetings"][raw["meetings"]["meeting_date"].notna() & raw["meetings"]["meeting_id"].isin(parties["meeting_id"])]
    assert per_month.sum() == len(dated)
    months = pd.to_datetime(dated["meeting_date"]).dt.to_period("M").value_counts()
    for month, n in months.items():
        assert per_month[month] == n
    by_org = answers.meetings_per_month(view, by="organization")
    icesco = parties[parties["organization"] == "ICESCO"]
    assert by_org["ICESCO"].sum() == dated["meeting_id"].isin(icesco["meeting_id"]).sum()


def test_answers_edges_match_a_plain_count(warehouse, raw):
    view = Tables(warehouse).participations()
    edges = answers.edges(view, level="person")
    parties = raw["participants"][raw["participants"]["role"] != "attendee"]
    pairs: dict[tuple[str, str], set[str]] = {}
    for meeting_id, group in parties.groupby("meeting_id"):
        names = sorted(set(group["name"]))
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                pairs.setdefault((a, b), set()).add(meeting_id)
    got = {(r.source, r.target): r.meetings for r in edges.itertuples()}
    assert got == {k: len(v) for k, v in pairs.items()}
    actors = answers.edges(view, level="actor")
    top = actors.iloc[0]
    assert top["meetings"] >= 2 and top["first"] <= top["last"]
    g = answers.graph(actors)
    assert g.number_of_edges() == len(actors)
    assert g[top["source"]][top["target"]]["weight"] == top["meetings"]


def test_answers_timeline(warehouse, raw):
    view = Tables(warehouse).participations()
    line = answers.timeline(view, person="AlMalik")
    p = raw["participants"]
    theirs = p.loc[p["name"].str.contains("AlMalik"), "meeting_id"]
    assert sorted(line["meeting_id"]) == sorted(set(theirs))
    assert line["meeting_date"].dropna().is_monotonic_increasing
    assert all(line["counterparts"].map(len) > 0)
    assert not any("AlMalik" in c for cs in line["counterparts"] for c in cs)
    with pytest.raises(ValueError):
        answers.timeline(view)


def test_report_files_and_summary(warehouse, raw, tmp_path):
    report = write_report(warehouse, tmp_path / "report")
    html = (tmp_path / "report" / "index.html").read_text("utf-8")
    for name in ("timeline", "hosts_guests", "network", "confidence"):
        image = Image.open(tmp_path / "report" / f"{name}.png")
        assert image.size[0] > 400 and image.size[1] > 200
    assert html.count("data:image/png;base64,") == 4
    # the warehouse's rows per confidence band, every meeting and participant counted
    bands = report.confidence
    assert bands["meetings here"].sum() == report.counts["meetings"]
    assert bands["participants here"].sum() == report.counts["participants"]
    assert "How far to trust the rows" in html
    # Self-contained: nothing is fetched from elsewhere.
    assert "http://" not in html and "https://" not in html and "<script" not in html
    assert report.counts["meetings"] == len(raw["meetings"])
    assert report.counts["persons"] == len(raw["persons"])
    assert "| top hosts |" in report.markdown()
    assert report.network.number_of_nodes() > 10


def test_report_renders_in_headless_chromium(warehouse, tmp_path, tmp_path_factory):
    browser.chromium()
    write_report(warehouse, tmp_path / "report")
    shot = tmp_path / "shot.png"
    browser.screenshot(tmp_path / "report" / "index.html", shot, 1200, 2400)
    image = Image.open(io.BytesIO(shot.read_bytes())).convert("RGB")
    assert image.size == (1200, 2400)
    small = image.resize((300, 600))
    data = small.tobytes()
    pixels = [tuple(data[i:i + 3]) for i in range(0, len(data), 3)]
    ink = sum(1 for r, g, b in pixels if r + g + b < 600) / len(pixels)
    assert ink > 0.03, f"the page is almost blank ({ink:.1%} ink)"
    # The charts' own colours are on the page: the embedded PNGs were decoded and drawn.
    blue = sum(1 for r, g, b in pixels if abs(r - 0x2F) < 25 and abs(g - 0x6F) < 25 and abs(b - 0x9F) < 25)
    orange = sum(1 for r, g, b in pixels if abs(r - 0xE0) < 25 and abs(g - 0x8A) < 25 and abs(b - 0x2C) < 25)
    assert blue > 200 and orange > 50, (blue, orange)
    # The charts are drawn for the page's width: shown at their own size, not shrunk.
    for name in ("timeline", "hosts_guests", "network"):
        assert Image.open(tmp_path / "report" / f"{name}.png").size[0] <= PAGE_WIDTH
    # Kept for a person to look at (see tests/browser.py).
    pictures = [shot, *(tmp_path / "report" / f"{n}.png" for n in ("timeline", "hosts_guests", "network"))]
    browser.keep(pictures, tmp_path_factory.getbasetemp() / "report-shots", "examples")


def test_report_cli_and_flow_artifact(warehouse, examples, tmp_path):
    script = Path(sys.executable).with_name("dispatch-etl")
    done = subprocess.run([str(script), "report", "--warehouse", str(warehouse), "--out", str(tmp_path / "r"),
                           "--since", "2023-01-01"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "index.html" in done.stdout and (tmp_path / "r" / "network.png").exists()
    bad = subprocess.run([str(script), "report", "--warehouse", str(warehouse), "--out", str(tmp_path / "r"),
                          "--organization", "Nonexistent Org"], capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "no organization matches" in bad.stderr and "Traceback" not in bad.stderr


def test_flow_publishes_the_report(examples_warehouse_copy, examples, tmp_path):
    from prefect import get_client

    # A run over a warehouse that already holds the inbox (a copy of the session's): it
    # reads nothing new, and still (re)writes and publishes the whole warehouse's report.
    summary = dispatch_etl(inbox=str(examples), warehouse=str(examples_warehouse_copy), report=str(tmp_path / "report"))
    assert summary["inputs_read"] == 0
    assert (tmp_path / "report" / "index.html").exists()

    async def latest():
        async with get_client() as client:
            return await client.read_latest_artifacts()

    import asyncio

    artifacts = {a.key: a for a in asyncio.run(latest())}
    assert "| top hosts |" in artifacts["dispatch-etl-report"].data


def test_examples_analysis_script_runs(warehouse):
    done = subprocess.run([sys.executable, str(REPO / "examples" / "analysis.py"), str(warehouse)],
                          capture_output=True, text=True, timeout=300, cwd=REPO)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "1. Meetings per month" in out and "2. The busiest official's meetings" in out and "3. Ties" in out
    assert "Most connected" in out


@pytest.mark.parametrize("name", ["ICESCO", "ISESCO", "UNESCO", "icesco"])
def test_answers_timeline_finds_an_organisation_as_tables_does(warehouse, name):
    wh = Tables(warehouse)
    line = answers.timeline(wh.participations(), organization=name)
    assert sorted(line["meeting_id"]) == sorted(wh.meetings(organization=name)["meeting_id"])
