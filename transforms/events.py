"""Meetings as dyadic events, in the conventions of GDELT, ICEWS and POLECAT: one row per
ordered pair of parties per meeting, with a CAMEO code of the 04 (CONSULT) family and the
PLOVER event type and mode.

Which code a pair gets is one table, `CODEBOOK`, read from the meeting's `kind`, the two
parties' `role` and the meeting place against the states they represent. Attendees are
not parties. Both directions of a meeting are rows, as the CAMEO manual codes reciprocal
consultations (a call "is coded as two reciprocal events with the actors reversed"), so an
analyst can count by source or by target alike.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import permutations

import pycountry

PARTY_ROLES = ("host", "guest", "participant")
REMOTE_KINDS = ("phone_call", "video_conference")


@dataclass(frozen=True)
class Rule:
    case: str
    cameo_code: str
    mode: str | None  # PLOVER's CONSULT mode (None: PLOVER leaves it empty)
    when: str


# The first rule that applies wins; the order is the precedence.
CODEBOOK: tuple[Rule, ...] = (
    Rule("multilateral", "040", "multilateral",
         "three or more parties (any kind): every ordered pair"),
    Rule("remote", "041", "phone",
         "a phone call or a video conference: both directions; the caller is the role `host`"),
    Rule("third_location", "044", "third-party",
         "in person, in a country both parties' states are known and neither is"),
    Rule("host_to_guest", "043", "host", "source `host`, target `guest`"),
    Rule("guest_to_host", "042", "visit", "source `guest`, target `host`"),
    Rule("symmetric", "040", None,
         "any other pair in person: talks with no host or visit cue, in a party's own country "
         "or a place not given"),
)
_RULES = {r.case: r for r in CODEBOOK}

EVENT_TYPE = "CONSULT"


def events(meetings: Iterable[dict], participants: Iterable[dict],
           languages: dict[str, str] | None = None) -> list[dict]:
    """The `events` rows of these meetings (rows of `meetings` and `participants`);
    `languages` gives the language of each meeting's evidence sentence, by meeting id."""
    parties: dict[str, list[dict]] = {}
    for p in participants:
        if p["role"] in PARTY_ROLES:
            parties.setdefault(p["meeting_id"], []).append(p)
    languages = languages or {}
    rows = []
    for meeting in meetings:
        mid = meeting["meeting_id"]
        people = sorted(parties.get(mid, ()), key=lambda p: p["person_id"])
        for source, target in permutations(people, 2):
            rule = _RULES[case(meeting, source, target, len(people))]
            rows.append(_row(meeting, source, target, rule, languages.get(mid)))
    return rows


def case(meeting: dict, source: dict, target: dict, n_parties: int) -> str:
    """The `CODEBOOK` case of the pair source → target in this meeting."""
    if n_parties >= 3:
        return "multilateral"
    if meeting["kind"] in REMOTE_KINDS:
        return "remote"
    place, states = meeting.get("country_code"), (source.get("country_code"), target.get("country_code"))
    if place and all(states) and place not in states:
        return "third_location"
    roles = (source["role"], target["role"])
    if roles == ("host", "guest"):
        return "host_to_guest"
    if roles == ("guest", "host"):
        return "guest_to_host"
    return "symmetric"


def event_id(meeting_id: str, source_id: str, target_id: str) -> str:
    """Stable id of one direction of one meeting."""
    return "evt-" + hashlib.sha256("\x1f".join((meeting_id, source_id, target_id)).encode("utf-8")).hexdigest()[:16]


def cameo_country(alpha_2: str | None) -> str | None:
    """The CAMEO country actor code of a state: its ISO 3166-1 alpha-3 code."""
    if not alpha_2:
        return None
    country = pycountry.countries.get(alpha_2=alpha_2)
    return country.alpha_3 if country else None


def _actor(prefix: str, person: dict) -> dict:
    return {
        f"{prefix}_person_id": person["person_id"],
        f"{prefix}_name": person["name"],
        f"{prefix}_organization": person.get("organization"),
        f"{prefix}_country_code": person.get("country_code"),
        f"{prefix}_actor_code": cameo_country(person.get("country_code")),
        f"{prefix}_role": person["role"],
    }


def _row(meeting: dict, source: dict, target: dict, rule: Rule, language: str | None) -> dict:
    return {
        "event_id": event_id(meeting["meeting_id"], source["person_id"], target["person_id"]),
        "meeting_id": meeting["meeting_id"],
        "event_date": meeting.get("meeting_date"),
        **_actor("source", source),
        **_actor("target", target),
        "cameo_code": rule.cameo_code,
        "event_type": EVENT_TYPE,
        "mode": rule.mode,
        "case": rule.case,
        "kind": meeting["kind"],
        "city": meeting.get("city"),
        "country_code": meeting.get("country_code"),
        "evidence": meeting["evidence"],
        "language": language,
        # an event is as sure as the least sure of its meeting and its two parties
        "confidence": _least(meeting.get("confidence"), source.get("confidence"), target.get("confidence")),
    }


def _least(*values: float | None) -> float | None:
    return None if any(v is None for v in values) else min(values)
