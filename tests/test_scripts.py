"""One person across scripts: a Russian and an English report of one meeting make one
meeting with two reports, one `persons` row per person, named in Latin script and in the
nominative, every written form kept (fixtures in tests/fixtures/scripts, our own words)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from transforms.identity import compatible, is_latin, latin, person_key
from transforms.normalise import Known, tables

FIXTURES = Path(__file__).parent / "fixtures" / "scripts"


@pytest.mark.parametrize(
    "cyrillic, written",
    [("Ильхам Алиев", "Ilham Aliyev"), ("Сергей Лавров", "Sergei Lavrov"), ("Хакан Фидан", "Hakan Fidan"),
     ("Джейхун Байрамов", "Jeyhun Bayramov"), ("Мамед Мамедъяров", "Mammad Mammadyarov"),
     ("Али Гасанов", "Ali Hasanov"), ("Хикмет Гаджиев", "Hikmat Hajiyev")],
)
def test_a_cyrillic_name_and_its_press_spelling_are_one_person(cyrillic, written):
    assert person_key(cyrillic) == person_key(written) or compatible(cyrillic, written)


@pytest.mark.parametrize(
    "cyrillic, written",
    [("Али Гасанов", "Ali Hasanli"), ("Мехрибан Алиева", "Ilham Aliyev"), ("Лейла Алиева", "Arzu Aliyeva"),
     ("Али Гасанов", "Ali Gusseinov")],
)
def test_different_people_across_scripts_stay_apart(cyrillic, written):
    assert person_key(cyrillic) != person_key(written) and not compatible(cyrillic, written)


def test_latin_is_the_name_itself_or_a_transliteration():
    assert is_latin("Mevlüt Çavuşoğlu") and latin("Ilham Alíev") == "Ilham Alíev"
    assert latin("Сергей Лавров") == "Sergey Lavrov"
    assert latin("Ильхам Алиев") == "Ilkham Aliyev"
    assert latin("محمد") is None


def _record(names, start=0):
    return {
        "meeting_date": None, "date_basis": None, "kind": "meeting", "city": None, "country_code": None,
        "venue": None, "topics": [], "evidence": "x", "char_start": start, "char_end": start + 1,
        "participants": [
            {"name": n, "name_as_written": w, "honorific": None, "position": None, "organization_as_written": None,
             "country_code": None, "role": "participant"} for n, w in names
        ],
    }


def test_a_name_known_in_cyrillic_turns_latin_when_a_report_writes_it_so():
    first = tables({"d1": [_record([("Рустам Назаров", "Рустамом Назаровым"), ("Хакан Демир", "Хакана Демира")])]})
    names = {p["person_id"]: p["name"] for p in first["persons"]}
    assert sorted(names.values()) == ["Рустам Назаров", "Хакан Демир"] and not first["renamed_persons"]
    assert sorted(p["name_latin"] for p in first["persons"]) == ["Khakan Demir", "Rustam Nazarov"]
    known = Known(persons=first["persons"])
    later = tables({"d2": [_record([("Rustam Nazarov", "Rustam Nazarov"), ("Hakan Demir", "Hakan Demir")], 5)]},
                   known=known)
    assert {p["person_id"] for p in later["persons"]} == set(names)  # the same people
    renamed = {r["person_id"]: r["name"] for r in later["renamed_persons"]}
    assert sorted(renamed.values()) == ["Hakan Demir", "Rustam Nazarov"]
    person = next(p for p in later["persons"] if p["name"] == "Hakan Demir")
    assert person["name_latin"] == "Hakan Demir" and "Хакан Демир" in person["aliases"]
    # Once in Latin script, a name stays: a later Cyrillic report renames no one.
    again = tables({"d3": [_record([("Хакан Демир", "Хакану Демиру")], 9)]},
                   known=Known(persons=later["persons"]))
    assert again["persons"][0]["name"] == "Hakan Demir" and not again["renamed_persons"]


def _read(root: Path) -> dict[str, pd.DataFrame]:
    return {t: pd.read_parquet(root / t) for t in ("meetings", "meeting_reports", "participants", "persons")}


def _check_one_meeting(t: dict[str, pd.DataFrame]) -> None:
    talks = t["participants"][t["participants"]["role"] != "attendee"]
    assert len(t["meetings"]) == 2  # the talks, and a call told in the Russian report only
    mid = talks[talks["name"] == "Hakan Demir"]["meeting_id"].iloc[0]
    assert len(t["meeting_reports"][t["meeting_reports"]["meeting_id"] == mid]) == 2
    people = talks[talks["meeting_id"] == mid].set_index("name")
    assert set(people.index) == {"Rustam Nazarov", "Hakan Demir"}
    assert people.loc["Rustam Nazarov", "role"] == "host" and people.loc["Hakan Demir", "role"] == "guest"
    persons = t["persons"].set_index("name")
    assert persons.index.is_unique and {"Rustam Nazarov", "Hakan Demir"} <= set(persons.index)
    # every written form kept; the Russian ones in the nominative too
    assert {"Хакан Демир", "Хакана Демира"} <= set(persons.loc["Hakan Demir", "aliases"])
    assert persons.loc["Hakan Demir", "name_latin"] == "Hakan Demir"
    # seen in Cyrillic only: named in the nominative, transliterated in name_latin
    only = persons.loc["Айгерим Сулейманова"]
    assert only["name_latin"] == "Aygerim Suleymanova" and "Айгерим Сулеймановой" in set(only["aliases"])
    # the rows of every table name each person one way
    assert set(t["participants"]["name"]) <= set(persons.index)


def test_russian_and_english_reports_in_one_run(prefect_harness, tmp_path):
    from flows.etl import dispatch_etl

    dispatch_etl(inbox=str(FIXTURES), warehouse=str(tmp_path / "wh"))
    _check_one_meeting(_read(tmp_path / "wh"))


def test_russian_report_first_english_one_in_a_later_run(prefect_harness, tmp_path):
    """The English report arrives in a later run: the people first named in Cyrillic get
    their Latin names, in `persons` and in the participants rows written before."""
    from flows.etl import dispatch_etl

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(FIXTURES / "ru-talks.txt", inbox)
    dispatch_etl(inbox=str(inbox), warehouse=str(tmp_path / "wh"))
    assert "Хакан Демир" in set(_read(tmp_path / "wh")["persons"]["name"])
    shutil.copy(FIXTURES / "en-talks.txt", inbox)
    dispatch_etl(inbox=str(inbox), warehouse=str(tmp_path / "wh"))
    _check_one_meeting(_read(tmp_path / "wh"))
