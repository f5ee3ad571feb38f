"""Extracted records to warehouse rows: stable ids, persons, organisations, reports.

Pure: the flow passes in what it parsed and extracted, and gets table rows back.
"""

from __future__ import annotations

import hashlib
import re

from transforms.orgs import Organization, registry
from transforms.text import fold


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def person_key(name: str) -> str:
    """What two spellings of one name share: no accents, case, hyphens or dots."""
    return re.sub(r"[\s\-.’']+", " ", fold(name)).strip()


def person_id(name: str) -> str:
    return "per-" + _digest(person_key(name))[:16]


def meeting_id(dispatch_id: str, char_start: int) -> str:
    """Stable id of a meeting: the dispatch and place of the sentence that first states it."""
    return "mtg-" + _digest(dispatch_id, str(char_start))[:16]


def tables(extracted: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Rows for meetings, meeting_reports, participants, persons and organizations from the
    meetings extracted per dispatch id."""
    out: dict[str, list[dict]] = {
        "meetings": [], "meeting_reports": [], "participants": [], "persons": [], "organizations": []
    }
    persons: dict[str, dict] = {}
    orgs: dict[str, dict] = {}
    for dispatch_id in sorted(extracted):
        for record in extracted[dispatch_id]:
            mid = meeting_id(dispatch_id, record["char_start"])
            out["meetings"].append({
                "meeting_id": mid,
                "meeting_date": record["meeting_date"],
                "date_basis": record["date_basis"],
                "kind": record["kind"],
                "city": record["city"],
                "country_code": record["country_code"],
                "venue": record["venue"],
                "topics": record["topics"],
                "evidence": record["evidence"],
            })
            out["meeting_reports"].append({
                "meeting_id": mid,
                "dispatch_id": dispatch_id,
                "evidence": record["evidence"],
                "char_start": record["char_start"],
                "char_end": record["char_end"],
            })
            seen: set[str] = set()
            for p in record["participants"]:
                pid = person_id(p["name"])
                if pid in seen:
                    continue
                seen.add(pid)
                org = _organization(p, orgs)
                out["participants"].append({
                    "meeting_id": mid,
                    "person_id": pid,
                    "name": p["name"],
                    "name_as_written": p["name_as_written"],
                    "honorific": p["honorific"],
                    "position": p["position"],
                    "organization_id": org.organization_id if org else None,
                    "organization": org.name if org else None,
                    "country_code": p["country_code"],
                    "role": p["role"],
                })
                entry = persons.setdefault(pid, {"person_id": pid, "name": p["name"], "aliases": set()})
                entry["aliases"].update(p.get("forms", ()))
                entry["aliases"].add(p["name_as_written"])
    for entry in persons.values():
        entry["aliases"] = sorted(a for a in entry["aliases"] if a != entry["name"])
    out["persons"] = sorted(persons.values(), key=lambda r: r["person_id"])
    for entry in orgs.values():
        entry["aliases"] = sorted(a for a in entry["aliases"] if a != entry["name"])
    out["organizations"] = sorted(orgs.values(), key=lambda r: r["organization_id"])
    return out


def _organization(p: dict, orgs: dict[str, dict]) -> Organization | None:
    written = p.get("organization_as_written")
    if not written:
        return None
    org = registry().resolve(written)
    entry = orgs.setdefault(org.organization_id, {
        "organization_id": org.organization_id,
        "name": org.name,
        "full_name_en": org.full_name_en,
        "full_name_fr": org.full_name_fr,
        "aliases": set(org.aliases),
    })
    entry["aliases"].add(re.sub(r"\s+", " ", written).strip())
    return org


def merge_aliases(old: list[str] | None, new: list[str] | None) -> list[str]:
    """Aliases known before and now, without repeats, in a stable order."""
    return sorted(set(old or ()) | set(new or ()))
