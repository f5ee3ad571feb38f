"""The analyst's filters and helpers: every name, code and choice either matches what the
README says it matches or is an error naming the valid choices; one lookup everywhere."""

from __future__ import annotations

import pandas as pd
import pytest

from dispatch_etl import answers
from dispatch_etl.tables import Tables
import analyst_warehouse

# The period counts warn of the undated meetings of the small warehouse: said, and tested, elsewhere.
pytestmark = pytest.mark.filterwarnings("ignore::dispatch_etl.answers.UndatedMeetings")


@pytest.fixture(scope="module")
def wh(tmp_path_factory) -> Tables:
    return Tables(analyst_warehouse.write(tmp_path_factory.mktemp("lookup") / "warehouse"))


@pytest.mark.parametrize("country", ["FR", "fr", "FRA", "France", "france", "FRANCE"])
def test_lookup_country_by_code_english_and_french_name(wh, country):
    assert set(wh.meetings(country=country)["meeting_id"]) == {"m2", "m3"}


@pytest.mark.parametrize("country, meetings", [("Azerbaïdjan", {"m1", "m2", "m3", "m4", "m5"}),
                                               ("Azerbaijan", {"m1", "m2", "m3", "m4", "m5"}),
                                               ("Russie", {"m1"}), ("Russia", {"m1"}), ("RUS", {"m1"})])
def test_lookup_country_names_in_both_languages(wh, country, meetings):
    assert set(wh.meetings(country=country)["meeting_id"]) == meetings


def test_lookup_unknown_country_is_an_error_with_display_names(wh):
    with pytest.raises(LookupError, match="no country matches 'Frnace'; closest: France"):
        wh.meetings(country="Frnace")
    with pytest.raises(LookupError, match="no country matches 'XX'"):
        wh.meetings(country="XX")


@pytest.mark.parametrize("kind", ["phone_call", "phone call", "Phone-Call", "phonecall"])
def test_lookup_kind_by_value(wh, kind):
    assert wh.meetings(kind=kind)["meeting_id"].tolist() == ["m2"]


def test_lookup_unknown_kind_lists_the_kinds(wh):
    with pytest.raises(ValueError, match="kind must be one of meeting, phone_call, video_conference, ceremony, not 'call'"):
        wh.meetings(kind="call")


@pytest.mark.parametrize("name, who", [
    ("Jeyhun Bayramov", {"Jeyhoun Baïramov"}),      # English transliteration of a French spelling
    ("Djeyhoun Baïramov", {"Jeyhoun Baïramov"}),    # an alias
    ("Sergei Lavrov", {"Sergueï Lavrov"}),
    ("Ilham Aliev", {"Ilham Aliyev"}),
    ("bayramov", {"Jeyhoun Baïramov"}),              # a word of the name, another spelling
    ("Al-Malik", {"Salim M. AlMalik"}),
    ("p-lav", {"Sergueï Lavrov"}),                   # an id
])
def test_lookup_person_by_spelling_variant_alias_word_or_id(wh, name, who):
    assert set(wh.persons_matching(name)["name"]) == who


def test_lookup_person_says_whom_a_name_matched(wh):
    found = wh.persons_matching("Aliyev")
    assert found["name"].tolist() == ["Ilham Aliyev"]
    assert set(wh.persons_matching(["Aliyev", "Aliyeva"])["person_id"]) == {"p-ali", "p-alv"}


def test_lookup_suggestions_are_display_names(wh):
    with pytest.raises(LookupError, match=r"closest: Sergueï Lavrov") as caught:
        wh.meetings(person="Lavrof Sergey")
    assert "p-lav" not in str(caught.value) and "sergue" not in str(caught.value)
    with pytest.raises(LookupError, match="closest: ICESCO"):
        wh.meetings(organization="ICESOC")


@pytest.mark.parametrize("name", ["Aliyev", "Jeyhun Bayramov", "AlMalik", "Sergei Lavrov", "Dupont"])
def test_lookup_one_answer_for_one_name_everywhere(wh, name):
    p = wh.participations()
    line = answers.timeline(p, person=name)
    assert sorted(line["meeting_id"]) == sorted(wh.meetings(person=name)["meeting_id"])


def test_lookup_organisation_never_by_fragment(wh):
    with pytest.raises(LookupError):
        wh.meetings(organization="Université")
    assert set(wh.meetings(organization="universite de strasbourg")["meeting_id"]) == set()
    assert set(wh.meetings(organization="ISESCO")["meeting_id"]) == {"m3", "m4", "m5"}


@pytest.mark.parametrize("role, want", [
    ("host", {"Ilham Aliyev": 2, "Jeyhoun Baïramov": 1, "Salim M. AlMalik": 1}),
    ("any", {"Salim M. AlMalik": 3}),
    (None, {"Salim M. AlMalik": 3}),
    (["host", "guest"], {"Anne Dupont": 2, "Ilham Aliyev": 2, "Salim M. AlMalik": 2}),
])
def test_answers_top_parties_roles_including_any(wh, role, want):
    top = answers.top_parties(wh.participations(), role=role, n=len(want))
    assert dict(zip(top["person"], top["meetings"])) == want


def test_answers_top_parties_unknown_role_lists_the_roles(wh):
    with pytest.raises(ValueError, match="role must be one of host, guest, participant, attendee, any, not 'visitor'"):
        answers.top_parties(wh.participations(), role="visitor")


@pytest.mark.parametrize("period, index", [
    ("month", pd.period_range("2023-01", "2024-05", freq="M")),
    ("quarter", pd.period_range("2023Q1", "2024Q2", freq="Q")),
    ("year", pd.period_range("2023", "2024", freq="Y")),
])
def test_answers_meetings_per_month_quarter_and_year(wh, period, index):
    p = wh.participations()
    counts = answers.meetings_per_period(p, period=period)
    assert list(counts.index) == list(index) and counts.sum() == 3
    # by="year" (a period, not a level) counts per year too.
    assert answers.meetings_per_month(p, by=period).equals(counts)
    by_kind = answers.meetings_per_period(p, period=period, by="kind")
    assert by_kind.sum().sum() == 3


def test_answers_unknown_period_or_level_lists_the_choices(wh):
    p = wh.participations()
    with pytest.raises(ValueError, match="period must be one of month, quarter, year, not 'week'"):
        answers.meetings_per_period(p, period="week")
    with pytest.raises(ValueError, match="by must be one of person, organization, country, actor, kind, not 'city'"):
        answers.meetings_per_month(p, by="city")


@pytest.mark.parametrize("language", ["en", "EN", "eng", "English", ["English", "fr"]])
def test_lookup_dispatches_by_language_code_or_name(wh, language):
    assert len(wh.dispatches(language=language)) == 5


def test_lookup_unknown_language_is_an_error(wh):
    with pytest.raises(ValueError, match="no language 'Englsh': use an ISO 639-1 code"):
        wh.dispatches(language="Englsh")
