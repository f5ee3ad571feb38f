"""A small warehouse written straight into the contract's tables (no flow run), for the
analyst's API: persons spelt two ways, organisations sharing a name, dated and undated
meetings. The names are invented for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dispatch_etl.schema import TABLES, to_arrow
from dispatch_etl.warehouse import Warehouse

D = dt.date
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)

PERSONS = [
    {"person_id": "p-bai", "name": "Jeyhoun Baïramov", "aliases": ["M. Baïramov", "Djeyhoun Baïramov"]},
    {"person_id": "p-ali", "name": "Ilham Aliyev", "aliases": ["Président Aliyev"]},
    {"person_id": "p-alv", "name": "Rena Aliyeva", "aliases": []},
    {"person_id": "p-lav", "name": "Sergueï Lavrov", "aliases": []},
    {"person_id": "p-mal", "name": "Salim M. AlMalik", "aliases": ["Salim bin Mohammed Al-Malik"]},
    {"person_id": "p-dup", "name": "Anne Dupont", "aliases": []},
]
ORGANIZATIONS = [
    {"organization_id": "o-ices", "name": "ICESCO", "full_name_en": "Islamic World Educational, Scientific and Cultural Organization",
     "full_name_fr": None, "aliases": ["ISESCO"]},
    {"organization_id": "o-mae-fr", "name": "ministère des Affaires étrangères", "full_name_en": None,
     "full_name_fr": None, "aliases": [], "country_code": "FR"},
    {"organization_id": "o-uni", "name": "Université de Strasbourg", "full_name_en": "University of Strasbourg",
     "full_name_fr": None, "aliases": []},
]
# meeting id -> (date, basis, kind, country, published, [(person, organization, country, role)])
MEETINGS = {
    "m1": (D(2023, 1, 10), "explicit", "meeting", "AZ", D(2023, 1, 11),
           [("p-bai", None, "AZ", "host"), ("p-lav", None, "RU", "guest")]),
    "m2": (D(2023, 2, 3), "explicit", "phone_call", None, D(2023, 2, 3),
           [("p-ali", None, "AZ", "host"), ("p-dup", "o-mae-fr", "FR", "guest")]),
    "m3": (None, None, "meeting", "FR", D(2023, 3, 20),
           [("p-mal", "o-ices", None, "host"), ("p-dup", "o-mae-fr", "FR", "guest"),
            ("p-alv", None, "AZ", "attendee")]),
    "m4": (D(2024, 5, 2), "weekday", "video_conference", None, D(2024, 5, 4),
           [("p-mal", "o-ices", None, "participant"), ("p-bai", None, "AZ", "participant")]),
    "m5": (None, None, "ceremony", "AZ", None,
           [("p-ali", None, "AZ", "host"), ("p-mal", "o-ices", None, "guest")]),
}


def write(root: Path, persons: list[dict] = PERSONS, organizations: list[dict] = ORGANIZATIONS,
          meetings: dict[str, tuple] = MEETINGS) -> Path:
    """Write the small warehouse at `root` (or one of other persons, organisations and
    meetings in the same shapes) and return it."""
    store = Warehouse(root)
    names = {p["person_id"]: p["name"] for p in persons}
    orgs = {o["organization_id"]: o["name"] for o in organizations}
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    rows["persons"], rows["organizations"] = persons, organizations
    for mid, (day, basis, kind, country, published, people) in meetings.items():
        did = f"d-{mid}"
        rows["dispatches"].append({"dispatch_id": did, "source_uri": f"{mid}.txt", "language": "en",
                                   "published_date": published, "text": f"Report of {mid}.", "ingested_at": NOW,
                                   "input_path": f"{mid}.txt"})
        rows["meetings"].append({"meeting_id": mid, "meeting_date": day, "date_basis": basis, "kind": kind,
                                 "country_code": country, "topics": ["cooperation"], "evidence": f"Report of {mid}."})
        rows["meeting_reports"].append({"meeting_id": mid, "dispatch_id": did, "evidence": f"Report of {mid}."})
        for person, org, state, role in people:
            rows["participants"].append({"meeting_id": mid, "person_id": person, "name": names[person],
                                         "name_as_written": names[person], "organization_id": org,
                                         "organization": orgs.get(org), "country_code": state, "role": role,
                                         "reported_in": did})
    for table, spec in TABLES.items():
        store.replace(table, to_arrow(spec, rows[table]))
    return root
