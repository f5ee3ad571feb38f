"""Meetings as dyadic events in CAMEO/PLOVER terms: the mapping table case by case, the
rows' shape, and `Tables(...).events()` on a small warehouse and on the development corpus."""

from __future__ import annotations

import datetime as dt

import analyst_warehouse
import pandas as pd
import pytest

from transforms.events import CODEBOOK, events

D = dt.date(2023, 5, 2)


def _meeting(kind="meeting", country="AZ", mid="m1") -> dict:
    return {"meeting_id": mid, "meeting_date": D, "kind": kind, "city": "Bakou", "country_code": country,
            "evidence": "Le ministre a reçu son homologue."}


def _person(pid, role, state, mid="m1", org=None) -> dict:
    return {"meeting_id": mid, "person_id": pid, "name": pid.upper(), "organization": org, "country_code": state,
            "role": role}


def _codes(rows) -> dict[tuple[str, str], tuple[str, str | None]]:
    return {(r["source_person_id"], r["target_person_id"]): (r["cameo_code"], r["mode"]) for r in rows}


@pytest.mark.parametrize(
    "case, kind, place, people, expected",
    [
        ("host_guest", "meeting", "AZ", [("a", "host", "AZ"), ("b", "guest", "RU")],
         {("a", "b"): ("043", "host"), ("b", "a"): ("042", "visit")}),
        ("host_guest_unknown_place", "meeting", None, [("a", "host", "AZ"), ("b", "guest", "RU")],
         {("a", "b"): ("043", "host"), ("b", "a"): ("042", "visit")}),
        ("host_guest_organisation", "ceremony", "FR", [("a", "host", None), ("b", "guest", "AZ")],
         {("a", "b"): ("043", "host"), ("b", "a"): ("042", "visit")}),
        ("call", "phone_call", None, [("a", "host", "AZ"), ("b", "guest", "FR")],
         {("a", "b"): ("041", "phone"), ("b", "a"): ("041", "phone")}),
        ("video", "video_conference", None, [("a", "participant", "AZ"), ("b", "participant", "FR")],
         {("a", "b"): ("041", "phone"), ("b", "a"): ("041", "phone")}),
        ("third_location", "meeting", "US", [("a", "participant", "AZ"), ("b", "participant", "AM")],
         {("a", "b"): ("044", "third-party"), ("b", "a"): ("044", "third-party")}),
        ("third_location_host_guest", "meeting", "US", [("a", "host", "AZ"), ("b", "guest", "TR")],
         {("a", "b"): ("044", "third-party"), ("b", "a"): ("044", "third-party")}),
        ("symmetric_home", "meeting", "AZ", [("a", "participant", "AZ"), ("b", "participant", "TR")],
         {("a", "b"): ("040", None), ("b", "a"): ("040", None)}),
        ("symmetric_unknown_place", "meeting", None, [("a", "participant", "AZ"), ("b", "participant", "TR")],
         {("a", "b"): ("040", None), ("b", "a"): ("040", None)}),
        ("multilateral", "meeting", "US", [("a", "participant", "AZ"), ("b", "participant", "AM"),
                                          ("c", "participant", "RU")],
         {(s, t): ("040", "multilateral") for s in "abc" for t in "abc" if s != t}),
        ("attendee_is_not_a_party", "meeting", "AZ", [("a", "host", "AZ"), ("b", "guest", "RU"),
                                                     ("c", "attendee", "AZ")],
         {("a", "b"): ("043", "host"), ("b", "a"): ("042", "visit")}),
    ],
)
def test_events_codebook_cases(case, kind, place, people, expected):
    rows = events([_meeting(kind, place)], [_person(*p) for p in people])
    assert _codes(rows) == expected
    assert {r["case"] for r in rows} <= {c.case for c in CODEBOOK}


def test_events_codebook_is_one_table_of_distinct_cases():
    assert len({c.case for c in CODEBOOK}) == len(CODEBOOK)
    assert {c.cameo_code for c in CODEBOOK} == {"040", "041", "042", "043", "044"}
    assert {c.mode for c in CODEBOOK} == {None, "phone", "visit", "host", "third-party", "multilateral"}


def test_events_rows_carry_actors_place_and_evidence():
    (row, _) = events([_meeting()], [_person("a", "host", "AZ"), _person("b", "guest", "RU", org="MID")],
                      languages={"m1": "fr"})
    assert row["event_type"] == "CONSULT"
    assert row["event_date"] == D and row["meeting_id"] == "m1"
    assert (row["source_name"], row["source_country_code"], row["source_actor_code"]) == ("A", "AZ", "AZE")
    assert (row["target_organization"], row["target_country_code"], row["target_actor_code"]) == ("MID", "RU", "RUS")
    assert (row["city"], row["country_code"], row["language"]) == ("Bakou", "AZ", "fr")
    assert row["evidence"] == "Le ministre a reçu son homologue."


def test_events_ids_are_stable_and_distinct():
    people = [_person("a", "host", "AZ"), _person("b", "guest", "RU")]
    first = [r["event_id"] for r in events([_meeting()], people)]
    again = [r["event_id"] for r in events([_meeting()], list(reversed(people)))]
    assert sorted(first) == sorted(again) and len(set(first)) == 2


def test_events_meeting_with_one_party_has_none():
    assert events([_meeting()], [_person("a", "host", "AZ"), _person("c", "attendee", "AZ")]) == []


def test_tables_events_filters_like_meetings(tmp_path):
    from dispatch_etl.tables import Tables

    wh = Tables(analyst_warehouse.write(tmp_path / "wh"))
    every = wh.events()
    # m1 host/guest, m2 call, m3 host/guest (+ attendee), m4 video, m5 ceremony: two rows each.
    assert len(every) == 10 and every["event_id"].is_unique
    assert set(wh.events(kind="phone_call")["cameo_code"]) == {"041"}
    lavrov = wh.events(person="Lavrov")
    assert set(lavrov["meeting_id"]) == {"m1"}
    assert set(zip(lavrov["source_name"], lavrov["cameo_code"])) == {("Sergueï Lavrov", "042"),
                                                                      ("Jeyhoun Baïramov", "043")}
    assert set(wh.events(since="2024-01-01")["meeting_id"]) == {"m4"}
    assert str(every["event_date"].dtype) == str(wh.meetings()["meeting_date"].dtype)
    assert set(every["language"].dropna()) == {"en"}


# ---------------------------------------------------------------- the development corpus

@pytest.fixture(scope="module")
def corpus(examples_warehouse):
    from dispatch_etl.tables import Tables

    wh = Tables(examples_warehouse)
    return wh.meetings(), wh.participants(), wh.events()


def _principals(participants, mid):
    return participants[(participants["meeting_id"] == mid) & (participants["role"] != "attendee")]


def _third_location(meeting, parties) -> bool:
    states = set(parties["country_code"].dropna())
    place = meeting["country_code"]
    return (meeting["kind"] in ("meeting", "ceremony") and len(states) == len(parties) == 2
            and not pd.isna(place) and place not in states)


def test_events_dev_corpus_every_case(corpus):
    meetings, participants, found = corpus
    seen = set()
    for meeting in meetings.to_dict("records"):
        mid = meeting["meeting_id"]
        parties = _principals(participants, mid)
        rows = found[found["meeting_id"] == mid]
        n = len(parties)
        assert len(rows) == n * (n - 1), mid
        roles = sorted(parties["role"].astype(str))
        codes = sorted(rows["cameo_code"])
        if n >= 3:
            seen.add("multilateral")
            assert set(codes) == {"040"} and set(rows["mode"]) == {"multilateral"}, mid
        elif meeting["kind"] in ("phone_call", "video_conference"):
            seen.add("call")
            assert codes == ["041", "041"], mid
        elif _third_location(meeting, parties):
            seen.add("third")
            assert codes == ["044", "044"], mid
        elif roles == ["guest", "host"]:
            seen.add("host_guest")
            by_role = dict(zip(parties["person_id"], parties["role"].astype(str)))
            directed = {(by_role[s], by_role[t]): c for s, t, c in
                        zip(rows["source_person_id"], rows["target_person_id"], rows["cameo_code"])}
            assert directed == {("host", "guest"): "043", ("guest", "host"): "042"}, mid
        elif n == 2:
            seen.add("symmetric")
            assert codes == ["040", "040"], mid
    assert {"multilateral", "call", "host_guest", "symmetric"} <= seen


def test_events_dev_corpus_host_guest_meetings_give_043_and_042(corpus):
    meetings, participants, found = corpus
    hosted = [m for m in meetings.to_dict("records") if m["kind"] in ("meeting", "ceremony")
              and sorted(_principals(participants, m["meeting_id"])["role"].astype(str)) == ["guest", "host"]
              and not _third_location(m, _principals(participants, m["meeting_id"]))]
    assert len(hosted) >= 20
    for m in hosted:
        rows = found[found["meeting_id"] == m["meeting_id"]]
        assert sorted(rows["cameo_code"]) == ["042", "043"]
        (host,) = rows.loc[rows["cameo_code"] == "043", "source_person_id"]
        assert host in set(participants[(participants["meeting_id"] == m["meeting_id"])
                                        & (participants["role"] == "host")]["person_id"])


def test_dev_corpus_rows_carry_a_confidence(corpus):
    meetings, participants, events = corpus
    for frame in (meetings, participants, events):
        values = frame["confidence"]
        assert values.notna().all() and values.between(0, 1).all()
    # an event is never surer than its meeting
    sure = events.merge(meetings[["meeting_id", "confidence"]], on="meeting_id", suffixes=("", "_meeting"))
    assert (sure["confidence"] <= sure["confidence_meeting"]).all()


def test_events_talks_read_at_a_third_location_are_044_both_ways():
    """A dispatch's bilateral talks on a summit's sidelines, abroad for both sides: read
    by the extractor, then coded."""
    from extraction import extract

    (m,) = extract(" date 2023-09-21 NEW YORK, September 21 (Trend) - Azerbaijani Foreign Minister Rauf "
                   "Hasanov met with Kenyan Foreign Minister Alice Wanjiru in New York on the sidelines of the "
                   "UN General Assembly.")
    assert m["country_code"] == "US"
    meeting = {"meeting_id": "m", "meeting_date": m["meeting_date"], "kind": m["kind"], "city": m["city"],
               "country_code": m["country_code"], "evidence": m["evidence"], "confidence": m["confidence"]}
    people = [{"meeting_id": "m", "person_id": p["name"], **p} for p in m["participants"]]
    rows = events([meeting], people)
    assert sorted((r["source_country_code"], r["target_country_code"]) for r in rows) == [("AZ", "KE"), ("KE", "AZ")]
    assert {r["cameo_code"] for r in rows} == {"044"} and {r["mode"] for r in rows} == {"third-party"}
