"""The Prefect flow end to end, on Prefect's test harness (one temporary API per session)."""

from __future__ import annotations

import os
import re
import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest

from dispatch_etl.schema import TABLES
from flows.etl import dispatch_etl


@pytest.fixture(scope="module")
def dev_run(prefect_harness, examples, tmp_path_factory):
    """The examples with an empty file and a copy of one of them, run once in batches of 16:
    (inbox, warehouse, summary). Shared by the tests below that only read it; a test that
    runs again copies the warehouse first."""
    folder = tmp_path_factory.mktemp("dev") / "inbox"
    shutil.copytree(examples, folder)
    (folder / "nested").mkdir()
    (folder / "nested" / "empty.txt").write_bytes(b"")
    (folder / "nested" / "copy-of-fr-001.txt").write_bytes((examples / "fr-001.txt").read_bytes())
    warehouse = folder.parent / "warehouse"
    summary = dispatch_etl(inbox=str(folder), warehouse=str(warehouse), batch_size=16)
    return folder, warehouse, summary


def _snapshot(warehouse) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(warehouse / name) for name in TABLES}


def test_flow_writes_every_table_with_contract_types(dev_run):
    _, warehouse, summary = dev_run
    assert summary["inputs"] == 58
    assert summary["dispatches"] == 56
    assert summary["rejects_by_reason"] == {"duplicate": 1, "empty": 1}
    for name, table in TABLES.items():
        schema = pq.read_schema(next((warehouse / name).glob("*.parquet")))
        for field in table.schema:
            assert schema.field(field.name).type == field.type, f"{name}.{field.name}"
    tables = _snapshot(warehouse)
    assert len(tables["meetings"]) == summary["meetings"] > 30
    # Referential integrity.
    assert set(tables["participants"]["person_id"]) <= set(tables["persons"]["person_id"])
    orgs = set(tables["participants"]["organization_id"].dropna())
    assert orgs <= set(tables["organizations"]["organization_id"])
    assert set(tables["meeting_reports"]["meeting_id"]) == set(tables["meetings"]["meeting_id"])
    assert set(tables["meeting_reports"]["dispatch_id"]) <= set(tables["dispatches"]["dispatch_id"])


def test_flow_twice_gives_identical_tables(dev_run, tmp_path):
    inbox, first_run, _ = dev_run
    warehouse = tmp_path / "warehouse"
    shutil.copytree(first_run, warehouse)
    first = _snapshot(warehouse)
    again = dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    assert again["dispatches_new"] == 0
    second = _snapshot(warehouse)
    for name, table in TABLES.items():
        pd.testing.assert_frame_equal(first[name], second[name], obj=name)
        assert not second[name].duplicated(list(table.key)).any(), name


def test_flow_example_dispatch_end_to_end(prefect_harness, example_text, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "example-azertac-fr.txt").write_bytes(example_text)
    warehouse = tmp_path / "warehouse"
    dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    meetings = pd.read_parquet(warehouse / "meetings")
    assert len(meetings) == 1
    m = meetings.iloc[0]
    assert (m["kind"], str(m["meeting_date"]), m["date_basis"]) == ("meeting", "2023-02-22", "explicit")
    assert (m["city"], m["country_code"], m["venue"]) == ("Rabat", "MA", "siège de l’ICESCO")
    people = pd.read_parquet(warehouse / "participants").set_index("name")
    assert people.loc["Salim M. AlMalik", ["honorific", "position", "organization", "role"]].tolist() == [
        "Dr", "Directeur général", "ICESCO", "host"]
    assert people.loc["Maryam Bigdeli", ["organization", "role"]].tolist() == ["WHO", "guest"]
    assert pd.isna(people.loc["Maryam Bigdeli", "country_code"])
    assert sorted(people["role"]) == ["attendee", "attendee", "guest", "host"]
    dispatches = pd.read_parquet(warehouse / "dispatches")
    assert dispatches.loc[0, "agency"] == "AZERTAC" and str(dispatches.loc[0, "published_date"]) == "2023-02-23"


def test_flow_mixed_inbox_one_set_of_tables(prefect_harness, tmp_path):
    """French and English, with and without crawl headers, with page debris, as text, JSON
    Lines, gzip and a legacy encoding (tests/fixtures/mixed, written for this test)."""
    from conftest import FIXTURES

    warehouse = tmp_path / "warehouse"
    summary = dispatch_etl(inbox=str(FIXTURES / "mixed"), warehouse=str(warehouse))
    dispatches = pd.read_parquet(warehouse / "dispatches").set_index("source_uri")
    assert dispatches["language"].to_dict() == {
        "archive/latin1.txt": "fr",
        "archive/old.txt.gz": "fr",
        "en-plain.txt": "en",
        "fr-debris.txt": "fr",
        "https://example.org/news/1": "en",
    }
    debris = dispatches.loc["fr-debris.txt", "text"]
    assert "Partager" not in debris and "Photo" not in debris and "Disclaimer" not in debris
    assert str(dispatches.loc["fr-debris.txt", "published_date"]) == "2024-03-12"
    assert str(dispatches.loc["https://example.org/news/1", "published_date"]) == "2024-05-15"
    rejects = pd.read_parquet(warehouse / "rejects")
    assert sorted(zip(rejects["source_uri"], rejects["reason"])) == [
        ("feed.jsonl#L2", "no_body"), ("feed.jsonl#L3", "bad_json")]
    participants = pd.read_parquet(warehouse / "participants")
    assert summary["meetings"] == 5
    assert {"Fatih Birol", "Inger Andersen", "Charles Michel", "Takeshi Nakamura", "Jean Dupré"} <= set(
        participants["name"])
    orgs = dict(zip(participants["name"], participants["organization"]))
    assert orgs["Fatih Birol"] == "IEA" and orgs["Inger Andersen"] == "UNEP"


def test_flow_example_and_english_report_are_one_meeting(prefect_harness, example_text, tmp_path):
    from conftest import FIXTURES

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "example-azertac-fr.txt").write_bytes(example_text)
    shutil.copy(FIXTURES / "example-en-report.txt", inbox)
    warehouse = tmp_path / "warehouse"
    dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    t = _snapshot(warehouse)
    assert len(t["meetings"]) == 1
    assert len(t["meeting_reports"]) == 2
    assert len(t["persons"]) == 4
    assert sorted(t["participants"]["role"]) == ["attendee", "attendee", "guest", "host"]


def test_flow_dev_corpus_people_and_meetings_counted_once(dev_run):
    t = _snapshot(dev_run[1])
    # 86 names in the gold files; 6 are another spelling of someone else: 80 people.
    assert len(t["persons"]) == 80
    ids = {}
    for row in t["persons"].itertuples():
        for form in [row.name, *row.aliases]:
            bare = re.sub(r"^(Dr|M\.|Mme|Mr|Ms|H\.E\.|S\.E\.|Pr) ", "", form)
            if len(bare.split()) >= 2:  # `Mr Karimov` may be several people; full names may not
                assert ids.setdefault(bare, row.person_id) == row.person_id, f"{bare} names two persons"
    for a, b in [("Djeyhoun Baïramov", "Jeyhun Bayramov"), ("Ilia Darchiachvili", "Ilia Darchiashvili"),
                 ("Mikayil Djabbarov", "Mikayil Jabbarov"), ("Parviz Chahbazov", "Parviz Shahbazov"),
                 ("Teymour Moussaïev", "Teymur Musayev"), ("Olimjon Toukhtaïev", "Olimjon Tukhtayev")]:
        assert ids[a] == ids[b], (a, b)
    for a, b in [("Rauf Gasimov", "Nizami Gassimov"), ("Elchad Gouliyev", "Anar Guliyev"),
                 ("Emil Karimov", "Jasur Karimov"), ("Bakhtiyar Mammadov", "Elnour Mammadov")]:
        assert ids[a] != ids[b], (a, b)
    # 49 reported meetings, two of them reported twice (fr-018 = en-012, fr-039 = en-002).
    assert len(t["meetings"]) == 47
    assert sorted(t["meeting_reports"].groupby("meeting_id").size().tolist())[-3:] == [1, 2, 2]


def test_flow_new_dispatches_keep_existing_ids(prefect_harness, examples, tmp_path):
    first, later = tmp_path / "first", tmp_path / "later"
    shutil.copytree(examples, later)
    first.mkdir()
    for f in sorted(examples.glob("*.txt"))[::2]:
        shutil.copy(f, first)
    warehouse = tmp_path / "warehouse"
    dispatch_etl(inbox=str(first), warehouse=str(warehouse))
    before = _snapshot(warehouse)
    dispatch_etl(inbox=str(later), warehouse=str(warehouse))
    after = _snapshot(warehouse)
    for name, key in [("persons", "person_id"), ("meetings", "meeting_id"), ("dispatches", "dispatch_id"),
                      ("organizations", "organization_id")]:
        assert set(before[name][key]) <= set(after[name][key]), name
    assert set(map(tuple, before["participants"][["meeting_id", "person_id"]].values)) <= set(
        map(tuple, after["participants"][["meeting_id", "person_id"]].values))
    assert len(after["meetings"]) == 47 and len(after["persons"]) == 80


def test_flow_incremental_runs_read_only_what_is_new(examples_warehouse_copy, examples, tmp_path):
    # The examples copied with their modification times, and a copy of the session's run
    # over them: the run before the changes below.
    inbox = tmp_path / "inbox"
    shutil.copytree(examples, inbox)
    warehouse = examples_warehouse_copy
    before = _snapshot(warehouse)
    # A renamed file is not new; an edited one is; a copy under a second name is a duplicate.
    (inbox / "fr-001.txt").rename(inbox / "fr-001-renamed.txt")
    (inbox / "fr-002.txt").write_text((inbox / "fr-002.txt").read_text("utf-8") + "\nUn paragraphe ajouté.\n", "utf-8")
    shutil.copy(inbox / "fr-003.txt", inbox / "fr-003-copy.txt")
    summary = dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    assert summary["inputs_read"] == 3
    assert summary["dispatches_new"] == 1
    assert summary["rejects_by_reason"] == {"duplicate": 1}
    after = _snapshot(warehouse)
    # The edited file's old version is gone, with what was extracted from it.
    assert len(after["dispatches"]) == len(before["dispatches"])
    assert not after["dispatches"].duplicated("dispatch_id").any()
    assert (after["dispatches"]["input_path"] == "fr-002.txt").sum() == 1
    assert set(after["meeting_reports"]["dispatch_id"]) <= set(after["dispatches"]["dispatch_id"])
    assert set(after["participants"]["meeting_id"]) <= set(after["meetings"]["meeting_id"])


def _one_dispatch(tmp_path, text: str):
    """A warehouse made by the flow from one French dispatch of 19 August 2024."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(" date 2024-08 Bakou, 19 août, AZERTAC\n\n" + text + "\n", encoding="utf-8")
    warehouse = tmp_path / "warehouse"
    dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    return warehouse


def test_flow_office_of_an_organisation_is_the_organisation(prefect_harness, tmp_path):
    warehouse = _one_dispatch(
        tmp_path, "Le ministre du Travail, Sahil Babayev, a reçu lundi le directeur du Bureau de l’OIT pour l’Europe "
        "orientale et l’Asie centrale, Olga Koulaeva.")
    participants = pd.read_parquet(warehouse / "participants").set_index("name")
    # The extractor reads the office as the ILO's own; the tables say so too.
    assert participants.loc["Olga Koulaeva", ["organization", "organization_id"]].tolist() == ["ILO", "org-ilo"]
    orgs = pd.read_parquet(warehouse / "organizations").set_index("organization_id")
    assert "Bureau de l’OIT pour l’Europe orientale et l’Asie centrale" in list(orgs.loc["org-ilo", "aliases"])


def test_flow_unlisted_bodies_are_one_per_state(prefect_harness, tmp_path):
    warehouse = _one_dispatch(
        tmp_path, "Le directeur du département Europe du ministère des Affaires étrangères, Elnour Aliyev, a reçu "
        "lundi le directeur du département Caucase du ministère des Affaires étrangères de la République "
        "d’Ouzbékistan, Bakhtiyor Saïdov.")
    participants = pd.read_parquet(warehouse / "participants").set_index("name")
    # Same name, two states, two organisations.
    assert participants.loc["Elnour Aliyev", "organization_id"] == "org-ministere-des-affaires-etrangeres-az"
    assert participants.loc["Bakhtiyor Saïdov", "organization_id"] == "org-ministere-des-affaires-etrangeres-uz"
    orgs = pd.read_parquet(warehouse / "organizations").set_index("organization_id")
    assert orgs["country_code"].to_dict() == {"org-ministere-des-affaires-etrangeres-az": "AZ",
                                              "org-ministere-des-affaires-etrangeres-uz": "UZ"}
    from dispatch_etl import answers
    from dispatch_etl.tables import Tables

    edges = answers.edges(Tables(warehouse).participations(), level="organization")
    assert set(edges[["source", "target"]].iloc[0]) == {
        "ministère des Affaires étrangères (Azerbaijan)", "ministère des Affaires étrangères (Uzbekistan)"}


def test_flow_keeps_undated_meetings_of_the_same_leaders_years_apart(prefect_harness, tmp_path):
    """Two dispatches, four years apart, each with an undated audience of the same two
    presidents: two meetings, also when the second arrives in a later run; a third report
    the next day joins the second."""
    inbox, warehouse = tmp_path / "inbox", tmp_path / "warehouse"
    inbox.mkdir()
    text = (" date {y}-{m:02d} Paris, {d} {month} (AFP) - Le président Jean Dupuis a reçu le président chinois "
            "Li Wei pour évoquer {topic}.\n")
    (inbox / "a.txt").write_text(text.format(y=2019, m=3, d=4, month="mars", topic="le commerce"), "utf-8")
    dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    (inbox / "b.txt").write_text(text.format(y=2023, m=6, d=1, month="juin", topic="le climat"), "utf-8")
    (inbox / "c.txt").write_text(text.format(y=2023, m=6, d=2, month="juin", topic="la santé"), "utf-8")
    dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    meetings = pd.read_parquet(warehouse / "meetings")
    reports = pd.read_parquet(warehouse / "meeting_reports")
    assert meetings["meeting_date"].isna().all() and len(meetings) == 2
    assert sorted(reports.groupby("meeting_id").size()) == [1, 2]


NO_MEETING = {
    "weather.txt": "Bakou, 3 mars, AZERTAC\n\nIl a plu toute la journée sur la capitale, et les routes "
                   "du nord resteront fermées jusqu'à jeudi selon le service météorologique.\n",
    "market.txt": "London, March 4, Reuters\n\nShare prices closed higher on Tuesday after a week of "
                  "losses, led by mining and energy stocks.\n",
}


def test_flow_run_with_no_meeting_writes_every_table_empty(prefect_harness, tmp_path):
    """A run over dispatches that hold no meeting still leaves every contract table, empty,
    with the contract's columns and Arrow types (pd.read_parquet raised before)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in NO_MEETING.items():
        (inbox / name).write_text(text, "utf-8")
    warehouse = tmp_path / "warehouse"
    summary = dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    assert summary["dispatches"] == 2 and summary["meetings"] == 0
    for name, table in TABLES.items():
        frame = pd.read_parquet(warehouse / name)
        assert list(frame.columns) == table.columns, name
        if name not in ("dispatches", "organizations", "persons"):
            assert frame.empty, name
        schema = pq.read_schema(next((warehouse / name).glob("*.parquet")))
        for field in table.schema:
            assert schema.field(field.name).type == field.type, f"{name}.{field.name}"
    # A second run, with nothing new, keeps them and adds no rows.
    dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    assert pd.read_parquet(warehouse / "meetings").empty


def _small_inbox(tmp_path, examples, names=("fr-001.txt", "fr-002.txt", "en-001.txt", "en-002.txt")):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n, name in enumerate(names):
        shutil.copy(examples / name, inbox / name)
        os.utime(inbox / name, ns=(1_700_000_000_000_000_000 + n, 1_700_000_000_000_000_000 + n))
    return inbox


def test_flow_duplicate_text_keeps_the_earliest_modified_input(prefect_harness, examples, tmp_path):
    inbox = _small_inbox(tmp_path, examples)
    # The copy sorts first by name but was made later: the original is the dispatch.
    shutil.copy(inbox / "fr-001.txt", inbox / "copy-of-fr-001.txt")
    warehouse = tmp_path / "warehouse"
    summary = dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    assert summary["rejects_by_reason"] == {"duplicate": 1}
    t = _snapshot(warehouse)
    assert set(t["dispatches"]["source_uri"]) == {"fr-001.txt", "fr-002.txt", "en-001.txt", "en-002.txt"}
    assert t["rejects"]["source_uri"].tolist() == ["copy-of-fr-001.txt"]
    # An older file with the same text arriving later does not displace the dispatch.
    shutil.copy(inbox / "fr-002.txt", inbox / "a-older-fr-002.txt")
    os.utime(inbox / "a-older-fr-002.txt", ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    again = dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    assert again["rejects_by_reason"] == {"duplicate": 1} and again["dispatches"] == 0
    t = _snapshot(warehouse)
    assert "fr-002.txt" in set(t["dispatches"]["source_uri"])
    assert "a-older-fr-002.txt" in set(t["rejects"]["source_uri"])


def test_flow_runs_settle_after_touch_copy_and_rename(prefect_harness, examples, tmp_path):
    inbox = _small_inbox(tmp_path, examples)
    shutil.copy(inbox / "fr-001.txt", inbox / "copy-of-fr-001.txt")
    warehouse = tmp_path / "warehouse"
    dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    before = _snapshot(warehouse)
    for name in ("fr-001.txt", "copy-of-fr-001.txt"):
        os.utime(inbox / name)  # touched
    shutil.copy(inbox / "fr-002.txt", inbox / "fr-002-again.txt")  # copied
    (inbox / "moved").mkdir()
    (inbox / "en-001.txt").rename(inbox / "moved" / "en-001-renamed.txt")  # moved and renamed
    read = []
    for _ in range(10):
        summary = dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
        read.append(summary["inputs_read"])
        if len(read) == 1:
            # Content already in the warehouse is not extracted again.
            assert summary["dispatches"] == 0 and summary["meetings"] == 0
            assert summary["rejects_by_reason"] == {"duplicate": 2}
    assert read == [4] + [0] * 9
    after = _snapshot(warehouse)
    for name in ("dispatches", "meetings", "participants", "persons"):
        assert len(after[name]) == len(before[name]), name
    # The whole inbox copied to a new place (new modification times): read once, then settled.
    moved = tmp_path / "inbox-copy"
    shutil.copytree(inbox, moved, copy_function=shutil.copy)
    read = [dispatch_etl(inbox=str(moved), warehouse=str(warehouse))["inputs_read"] for _ in range(3)]
    assert read == [6, 0, 0]
    assert len(_snapshot(warehouse)["dispatches"]) == len(before["dispatches"])


def test_flow_reprocess_says_what_it_read_again(prefect_harness, examples, tmp_path):
    from dispatch_etl.cli import summary_line

    inbox = _small_inbox(tmp_path, examples)
    warehouse = tmp_path / "warehouse"
    dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    summary = dispatch_etl(inbox=str(inbox), warehouse=str(warehouse), reprocess=True)
    assert (summary["inputs_read"], summary["inputs_changed"]) == (4, 0)
    assert summary_line(summary, reprocess=True).startswith(
        "4 inputs (4 read again by --reprocess, 0 of them new or changed) -> 4 dispatches (0 new)")


def test_flow_languages_without_a_pack_are_kept_marked_and_counted(prefect_harness, examples, tmp_path):
    from dispatch_etl.cli import summary_line

    inbox = _small_inbox(tmp_path, examples, names=("fr-001.txt",))
    # (Portuguese: German, which this test read before, has a pack now)
    (inbox / "pt.txt").write_text(
        " date 2024-05 Lisboa, 16 de maio, Lusa\n\nO ministro dos Negócios Estrangeiros recebeu ontem o embaixador "
        "da Suíça para falar da cooperação em energia e educação entre os dois países.\n", "utf-8")
    (inbox / "it.txt").write_text(
        " date 2024-05 Roma, 16 maggio, ANSA\n\nIl ministro degli Esteri ha ricevuto ieri l'ambasciatore "
        "per parlare della cooperazione energetica tra i due paesi.\n", "utf-8")
    warehouse = tmp_path / "warehouse"
    summary = dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    assert summary["no_pack"] == {"pt": 1, "it": 1} and summary["dispatches"] == 3
    assert summary_line(summary).endswith("; 2 dispatches in languages without a pack: it 1, pt 1")
    t = _snapshot(warehouse)
    marked = dict(zip(t["dispatches"]["language"], t["dispatches"]["pack_missing"]))
    assert marked == {"fr": False, "pt": True, "it": True}
    reported = set(t["meeting_reports"]["dispatch_id"])
    kept = t["dispatches"].set_index("language")["dispatch_id"]
    assert kept["pt"] not in reported and kept["it"] not in reported and kept["fr"] in reported


def test_flow_duplicate_text_keeps_the_earliest_modified_input_across_commits(prefect_harness, examples, tmp_path):
    inbox = _small_inbox(tmp_path, examples, names=("fr-002.txt", "fr-001.txt"))
    # Read one input per commit: the later-modified copy sorts first by name.
    shutil.copy(inbox / "fr-001.txt", inbox / "a-copy-of-fr-001.txt")
    warehouse = tmp_path / "warehouse"
    summary = dispatch_etl(inbox=str(inbox), warehouse=str(warehouse), batch_size=1, commit_every=1)
    assert summary["rejects_by_reason"] == {"duplicate": 1}
    t = _snapshot(warehouse)
    assert set(t["dispatches"]["source_uri"]) == {"fr-001.txt", "fr-002.txt"}
    assert t["rejects"]["source_uri"].tolist() == ["a-copy-of-fr-001.txt"]


def test_flow_reprocess_after_the_parser_changed_ids_leaves_no_stale_dispatch(prefect_harness, examples, tmp_path):
    """`--reprocess` after an upgrade whose parser reads a text differently (another body,
    so another dispatch id): the old dispatch and what it reported leave the warehouse."""
    import pyarrow.compute as pc

    from dispatch_etl.warehouse import Warehouse

    inbox = _small_inbox(tmp_path, examples)
    warehouse = tmp_path / "warehouse"
    dispatch_etl(inbox=str(inbox), warehouse=str(warehouse))
    before = _snapshot(warehouse)
    # As if an earlier parser had given every dispatch another id.
    store = Warehouse(str(warehouse))
    for table in ("dispatches", "meeting_reports", "participants"):
        data = store.read(table)
        column = "reported_in" if table == "participants" else "dispatch_id"
        i = data.schema.get_field_index(column)
        store.replace(table, data.set_column(i, column, pc.binary_join_element_wise("old-", data[column], "")))
    dispatch_etl(inbox=str(inbox), warehouse=str(warehouse), reprocess=True)
    after = _snapshot(warehouse)
    assert sorted(after["dispatches"]["dispatch_id"]) == sorted(before["dispatches"]["dispatch_id"])
    assert not after["meeting_reports"]["dispatch_id"].str.startswith("old-").any()
    for name in ("meetings", "participants", "meeting_reports"):
        assert len(after[name]) == len(before[name]), name
