"""The list of well-known officials: its data, its look-up, and what extraction takes from it
when a dispatch leaves an official's state unsaid (texts written for these tests)."""

from __future__ import annotations

import pycountry
import pytest

from transforms.identity import person_key
from transforms.officials import OFFICES, officials, state_of

from extraction import extract, people


def test_officials_every_entry_is_well_formed():
    rows = officials()
    assert len(rows) > 1000
    for o in rows:
        assert o.office in OFFICES, o
        assert o.country == "XK" or pycountry.countries.get(alpha_2=o.country), o
        assert o.start is None or 1900 < o.start <= 2026, o
        assert o.end is None or (o.start or 0) <= o.end <= 2026, o
    # mononyms are real (`Suharto`, `Naruhito`) but few: a name alone is looked up by no one
    assert sum(len(o.name.split()) < 2 for o in rows) < len(rows) / 100


def test_officials_no_name_points_to_two_states_by_mistake():
    seen: dict[str, set[str]] = {}
    for o in officials():
        seen.setdefault(person_key(o.name), set()).add(o.country)
    shared = {k: v for k, v in seen.items() if len(v) > 1}
    # a few names are truly shared (and then give no state); many would mean a broken file
    assert len(shared) < 25, shared


@pytest.mark.parametrize("name, state", [
    ("Antony Blinken", "US"),
    ("Antony J. Blinken", "US"),
    ("Vladimir Poutine", "RU"),
    ("Vladimir Putin", "RU"),
    ("Macky Sall", "SN"),
    ("Sergueï Lavrov", "RU"),
    ("Recep Tayyip Erdogan", "TR"),
    ("Recep Tayyip Erdoğan", "TR"),
    ("Xi Jinping", "CN"),
    ("Pedro Sánchez", "ES"),
])
def test_officials_state_of_a_known_name_in_its_spellings(name, state):
    assert state_of(name) == state


@pytest.mark.parametrize("name", ["Poutine", "Jean Dupont-Imaginaire", ""])
def test_officials_no_state_for_a_surname_alone_or_an_unknown_name(name):
    assert state_of(name) is None


def test_extract_an_official_the_text_gives_no_state_gets_the_lists():
    (m,) = extract(
        " date 2024-05 Genève, 14 mai (ATS) - Le ministre des Affaires étrangères Ignace Berthoud a reçu mardi "
        "Antony Blinken pour un entretien sur la situation au Proche-Orient.")
    assert people(m)["Antony Blinken"][3] == "US"


def test_extract_the_texts_word_on_a_state_comes_before_the_list():
    (m,) = extract(
        " date 2024-05 Genève, 14 mai (ATS) - Le président du Conseil d’État, Pierre Favre, a reçu mardi le "
        "ministre ghanéen de l’Intérieur, Macky Sall, un homonyme.")
    assert people(m)["Macky Sall"][3] == "GH"


def test_officials_a_titled_surname_alone_takes_the_state_of_the_one_official_of_that_name_then():
    from transforms.officials import find_surname

    assert find_surname("Pompeo", 2020).state == "US"
    assert find_surname("Pompeo", 2010) is None  # not in office then
    (m,) = extract(" date 2020-07-22 Wellington, July 22 (MFAT) - On July 21, Secretary Pompeo spoke with "
                   "Russian Foreign Minister Sergey Lavrov.")
    assert people(m)["Pompeo"][3] == "US"
