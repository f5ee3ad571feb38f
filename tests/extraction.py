"""Helpers shared by the extraction tests of every language."""

from __future__ import annotations

from transforms.extract import meetings
from transforms.ingest import RawDoc
from transforms.parse import dispatch


def extract(text: str) -> list[dict]:
    """The meetings a dispatch text reports."""
    return meetings(dispatch(RawDoc("t.txt", text, "0" * 64)))


def predicted(d) -> dict:
    """A parsed dispatch's meetings in the gold file's shape, for `transforms.evaluate.score`."""
    return {
        "published": d.published_date.isoformat() if d.published_date else None,
        "meetings": [
            {
                "date": m["meeting_date"].isoformat() if m["meeting_date"] else None,
                "kind": m["kind"], "city": m["city"], "country": m["country_code"],
                "evidence": m["evidence"],
                "participants": [
                    {"name": p["name"], "honorific": p["honorific"], "position": p["position"],
                     "organization": p["organization"], "country": p["country_code"], "role": p["role"]}
                    for p in m["participants"]
                ],
            }
            for m in meetings(d)
        ],
    }


def people(m: dict) -> dict[str, tuple]:
    """name -> (honorific, position, organization, country, role) of a meeting's participants."""
    return {
        p["name"]: (p["honorific"], p["position"], p["organization"], p["country_code"], p["role"])
        for p in m["participants"]
    }


def check_first_meeting(text: str, meeting: dict, expected_people: dict) -> None:
    """The first meeting of the text has these fields and exactly these participants."""
    found = extract(text)
    assert found, "no meeting found"
    m = found[0]
    for key, value in meeting.items():
        assert m[key] == value, key
    assert people(m) == expected_people
