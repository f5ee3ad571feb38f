from __future__ import annotations

import datetime as dt

import pytest

from transforms.identity import compatible, person_key
from transforms.normalise import Known, KnownMeeting, Overrides, meeting_id, tables


@pytest.mark.parametrize(
    "a, b",
    [
        ("Djeyhoun Baïramov", "Jeyhun Bayramov"),
        ("Elmar Mammadyarov", "Elmar Mammadiarov"),
        ("Salim M. AlMalik", "Salim bin Mohammed Al-Malik"),
        ("Salim bin Mohammed AlMalik", "Salim bin Mohammed Al Malik"),
        ("Ilia Darchiachvili", "Ilia Darchiashvili"),
        ("Teymour Moussaïev", "Teymur Musayev"),
        ("Sergueï Lebedev", "Sergei Lebedev"),
        ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"),
    ],
)
def test_identity_spelling_variants_are_one_person(a, b):
    assert person_key(a) == person_key(b) or compatible(a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Ilham Aliyev", "Mehriban Aliyeva"),
        ("Leyla Aliyeva", "Arzu Aliyeva"),
        ("Mehriban Aliyeva", "Leyla Aliyeva"),
        ("Rauf Gasimov", "Nizami Gassimov"),
        ("Elchad Gouliyev", "Anar Guliyev"),
        ("Emil Karimov", "Jasur Karimov"),
        ("Ali Hasanov", "Ali Hasanli"),
    ],
)
def test_identity_shared_surnames_stay_apart(a, b):
    assert person_key(a) != person_key(b) and not compatible(a, b)


def _record(start, names, date=dt.date(2023, 2, 22), basis="explicit", kind="meeting"):
    return {
        "meeting_date": date, "date_basis": basis, "kind": kind, "city": None, "country_code": None,
        "venue": None, "topics": [], "evidence": "x", "char_start": start, "char_end": start + 1,
        "participants": [
            {"name": n, "name_as_written": n, "honorific": None, "position": None, "organization_as_written": None,
             "country_code": None, "role": "participant"} for n in names
        ],
    }


def test_normalise_two_reports_one_meeting_and_ids_are_stable():
    rows = tables({"d1": [_record(0, ["Djeyhoun Baïramov", "Ilia Darchiachvili"])],
                   "d2": [_record(5, ["Jeyhun Bayramov", "Ilia Darchiashvili"], basis="weekday")]})
    assert len(rows["meetings"]) == 1 and len(rows["meeting_reports"]) == 2
    assert len(rows["persons"]) == 2
    # Later: a third report arrives; it joins the existing meeting and persons.
    known = Known(
        persons=rows["persons"],
        meetings=[KnownMeeting(rows["meetings"][0]["meeting_id"], dt.date(2023, 2, 22), "explicit", "meeting",
                               {p["person_id"] for p in rows["persons"]})],
    )
    later = tables({"d3": [_record(9, ["Jeyhun Bayramov", "Ilia Darchiashvili"])]}, known)
    assert later["meetings"] == []
    assert later["meeting_reports"][0]["meeting_id"] == rows["meetings"][0]["meeting_id"]
    assert {p["person_id"] for p in later["persons"]} == {p["person_id"] for p in rows["persons"]}


def test_normalise_same_people_other_day_is_another_meeting():
    rows = tables({"d1": [_record(0, ["Djeyhoun Baïramov", "Ilia Darchiachvili"])],
                   "d2": [_record(0, ["Jeyhun Bayramov", "Ilia Darchiashvili"], date=dt.date(2023, 3, 15))]})
    assert len(rows["meetings"]) == 2


def test_normalise_several_meetings_one_sentence_states_get_ids_of_their_own():
    # `X met with A, B and C`: three bilateral meetings from one sentence of one dispatch.
    records = [_record(7, ["Murat Nurtleu", other]) for other in ("José Albares", "Baiba Braže", "Xavier Bettel")]
    rows = tables({"d1": records})
    ids = [m["meeting_id"] for m in rows["meetings"]]
    assert len(ids) == 3 and len(set(ids)) == 3
    assert {r["meeting_id"] for r in rows["meeting_reports"]} == set(ids)
    # The first keeps the id a sentence's only meeting always had; re-running gives the same ids.
    assert ids[0] == meeting_id("d1", 7)
    assert [m["meeting_id"] for m in tables({"d1": records})["meetings"]] == ids


def test_normalise_overrides_merge_and_separate():
    # Two forms no spelling rule joins (a surname and a double-barrelled one): two persons,
    # unless the user says they are one.
    reports = {"d1": [_record(0, ["Nadia Fernlow", "Xavier Bettel"])],
               "d2": [_record(0, ["Nadia Fernlow-Kastel", "Luc Frieden"])]}

    def ids(rows):
        return {r["name_as_written"]: r["person_id"] for r in rows["participants"]}

    alone = tables(reports)
    assert ids(alone)["Nadia Fernlow"] != ids(alone)["Nadia Fernlow-Kastel"] and len(alone["persons"]) == 4
    rows = tables(reports, overrides=Overrides(same=[["Nadia Fernlow", "Nadia Fernlow-Kastel"]]))
    assert ids(rows)["Nadia Fernlow"] == ids(rows)["Nadia Fernlow-Kastel"]
    assert len(rows["persons"]) == 3
    apart = tables(
        {"d1": [_record(0, ["Elmar Mammadyarov", "Xavier Bettel"])], "d2": [_record(0, ["Elmar Mammadiarov", "Luc Frieden"], date=dt.date(2024, 1, 1))]},
        overrides=Overrides(different=[["Elmar Mammadyarov", "Elmar Mammadiarov"]]),
    )
    assert len(apart["persons"]) == 4


def test_normalise_overrides_file_is_validated():
    with pytest.raises(ValueError, match="same"):
        Overrides.from_dict({"same": ["just one name"]})


def test_normalise_undated_reports_join_only_when_published_days_apart():
    def undated(start, published):
        return {**_record(start, ["Anna Berg", "Luis Soto"], date=None, basis=None), "published": published}

    apart = tables({"d1": [undated(0, dt.date(2019, 3, 4))], "d2": [undated(5, dt.date(2023, 6, 1))]})
    close = tables({"d1": [undated(0, dt.date(2023, 6, 1))], "d2": [undated(5, dt.date(2023, 6, 2))]})
    unknown = tables({"d1": [undated(0, None)], "d2": [undated(5, None)]})
    assert (len(apart["meetings"]), len(close["meetings"]), len(unknown["meetings"])) == (2, 1, 2)

