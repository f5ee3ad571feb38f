"""Extracted records to warehouse rows: one person, one organisation, one meeting.

Pure: the flow passes in what it extracted and what the warehouse already knows
(`Known`), and gets rows back. Ids are stable: a person's id is derived from the first
name key it was seen under, a meeting's from the first report that stated it; later
spellings and later reports join the existing ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from transforms.identity import compatible, is_latin, latin, loose, name_parts, person_key
from transforms.orgs import Organization, registry
from transforms.text import fold


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def person_id(key: str) -> str:
    return "per-" + _digest(key)[:16]


def meeting_id(dispatch_id: str, char_start: int, part: int = 0) -> str:
    """Stable id of a meeting: the dispatch and place of the sentence that first states it,
    and, for the second and later meetings one sentence states (`met with A, B and C` on a
    summit's sidelines), their rank in it."""
    return "mtg-" + _digest(dispatch_id, str(char_start) if part == 0 else f"{char_start}/{part}")[:16]


@dataclass
class Overrides:
    """A user's curated identities: names that are one person, and names that are not."""

    same: list[list[str]] = field(default_factory=list)
    different: list[list[str]] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict | None) -> Overrides:
        data = data or {}
        for key in ("same", "different"):
            groups = data.get(key, [])
            if not isinstance(groups, list) or not all(
                isinstance(g, list) and len(g) >= 2 and all(isinstance(n, str) for n in g) for g in groups
            ):
                raise ValueError(f"'{key}' must be a list of lists of two or more names")
        return cls(same=data.get("same", []), different=data.get("different", []))


@dataclass(slots=True)
class KnownMeeting:
    meeting_id: str
    meeting_date: dt.date | None
    date_basis: str | None
    kind: str
    person_ids: set[str]
    published: dt.date | None = None  # the earliest report's publication day


@dataclass
class Known:
    """What the warehouse holds already, as far as identity needs it."""

    persons: list[dict] = field(default_factory=list)  # person_id, name, keys
    meetings: list[KnownMeeting] = field(default_factory=list)


class _People:
    """Resolves names to person ids: exact keys first, then close spellings."""

    def __init__(self, known: list[dict], overrides: Overrides):
        self.by_key: dict[str, str] = {}
        self.by_given: dict[str, list[tuple[str, str]]] = defaultdict(list)  # given -> (name, id)
        self.apart: set[frozenset[str]] = {
            frozenset((person_key(a), person_key(b)))
            for group in overrides.different for a in group for b in group if a != b
        }
        # Names declared different that spell to one key are told apart by exact spelling.
        self.exact: set[str] = {
            person_key(a) for group in overrides.different for a in group for b in group
            if a != b and person_key(a) == person_key(b)
        }
        for p in known:
            for key in p.get("keys") or [person_key(p["name"])]:
                self._index(key, p["name"], p["person_id"])
        for group in overrides.same:
            first = self.resolve(group[0])
            for other in group[1:]:
                self._index(person_key(other), other, first)

    def _index(self, key: str, name: str, pid: str) -> None:
        self.by_key.setdefault(key, pid)
        self.by_given[_block(name)].append((name, pid))

    def key(self, name: str) -> str:
        key = person_key(name)
        return "=" + fold(name) if key in self.exact else key

    def resolve(self, name: str) -> str:
        key = self.key(name)
        if key in self.by_key:
            return self.by_key[key]
        for other, pid in self.by_given.get(_block(name), ()):
            if key.startswith("="):
                break
            if compatible(name, other) and frozenset((key, person_key(other))) not in self.apart:
                self._index(key, name, pid)
                return pid
        pid = person_id(key)
        self._index(key, name, pid)
        return pid


def _block(name: str) -> tuple[str, str]:
    """Names that may be spellings of each other share a given name and the start of a
    surname, up to vowels (which drift between scripts: transforms.identity.loose): the
    only candidates worth comparing."""
    given, _, surname = name_parts(name)
    return loose(given), loose(surname)[:2]


class _Meetings:
    """Meetings by day and person, so that a new report is compared only with meetings of
    the same people on neighbouring days (never with every undated meeting)."""

    def __init__(self, known: list[KnownMeeting]):
        self.index: dict[tuple[dt.date | None, str], list[KnownMeeting]] = defaultdict(list)
        for m in known:
            self.add(m)

    def add(self, m: KnownMeeting, people: set[str] | None = None) -> None:
        for pid in people if people is not None else m.person_ids:
            self.index[(m.meeting_date, pid)].append(m)

    def match(self, m: KnownMeeting) -> KnownMeeting | None:
        days = [None] if m.meeting_date is None else [
            m.meeting_date + dt.timedelta(days=d) for d in (0, -1, 1)
        ]
        seen: set[str] = set()
        for day in days:
            for pid in sorted(m.person_ids):
                for other in self.index.get((day, pid), ()):
                    if other.meeting_id in seen or other.meeting_id == m.meeting_id:
                        continue
                    seen.add(other.meeting_id)
                    if _same_meeting(other, m):
                        return other
        return None


_UNDATED_DAYS = 3


def _same_meeting(a: KnownMeeting, b: KnownMeeting) -> bool:
    """Two reports of one meeting: the same day (a day apart when a date is inferred), a
    compatible kind, and at least two people in common (all of them for smaller meetings)."""
    if a.meeting_date is None and b.meeting_date is None:
        # Undated reports of the same people are one meeting only when published within
        # days of each other: two leaders met in 2019 and again in 2023.
        if a.published is None or b.published is None or abs((a.published - b.published).days) > _UNDATED_DAYS:
            return False
    elif a.meeting_date != b.meeting_date:
        if a.meeting_date is None or b.meeting_date is None:
            return False
        inferred = "explicit" not in (a.date_basis, b.date_basis) or a.date_basis != b.date_basis
        if not inferred or abs((a.meeting_date - b.meeting_date).days) > 1:
            return False
    kinds = {a.kind, b.kind}
    if len(kinds) > 1 and kinds != {"meeting", "ceremony"}:
        return False
    shared = len(a.person_ids & b.person_ids)
    return shared >= min(2, len(a.person_ids), len(b.person_ids))


class Resolver:
    """Who and which meeting the warehouse already knows, indexed for matching. A run
    builds one and keeps it across its commits: each commit's people and meetings join it,
    so no commit re-reads the warehouse."""

    def __init__(self, known: Known | None = None, overrides: Overrides | None = None):
        known = known or Known()
        self.people = _People(known.persons, overrides or Overrides())
        self.meetings = _Meetings(known.meetings)
        self.names = {p["person_id"]: p["name"] for p in known.persons}

    def written(self, rows: dict[str, list[dict]]) -> None:
        """Note rows the warehouse now holds: their people's names are known (a person
        renamed into Latin script by them is known by the new name)."""
        for r in rows["persons"]:
            self.names[r["person_id"]] = r["name"]


def tables(
    extracted: dict[str, list[dict]],
    known: Known | None = None,
    overrides: Overrides | None = None,
    first: set[str] | None = None,
    resolver: Resolver | None = None,
) -> dict[str, list[dict]]:
    """Rows for meetings, meeting_reports, participants, participant_reports, persons and
    organizations from the meetings extracted per dispatch id, joined to what the warehouse already knows (`known`,
    or a run's `resolver`, which this call updates).
    `first`: ids of meetings that existed before these dispatches were read again; the
    reports that created them go first, so that their meetings keep their ids."""
    resolver = resolver or Resolver(known, overrides)
    people, meetings = resolver.people, resolver.meetings
    out: dict[str, list[dict]] = {
        "meetings": [], "meeting_reports": [], "participants": [], "participant_reports": [], "persons": [],
        "organizations": [],
        # People the warehouse knew under a name in another script who are now seen written
        # in Latin script: their new canonical name, for the rows written before.
        "renamed_persons": [],
    }
    persons: dict[str, dict] = {}
    orgs: dict[str, dict] = {}
    # (meeting, person) -> the rows of the reports of this commit that name them; merged below
    participants: dict[tuple[str, str], list[tuple[tuple, dict]]] = defaultdict(list)
    reports: dict[tuple[str, str, str], dict] = {}  # each report's own wording
    first = first or set()
    created: set[str] = set()
    order = sorted(
        ((did, record) for did in extracted for record in extracted[did]),
        key=lambda dr: (meeting_id(dr[0], dr[1]["char_start"]) not in first, dr[0], dr[1]["char_start"]),
    )
    parts: Counter = Counter()  # meetings seen per sentence of a dispatch
    for dispatch_id, record in order:
        ids = [people.resolve(p["name"]) for p in record["participants"]]
        sentence = (dispatch_id, record["char_start"])
        own = meeting_id(dispatch_id, record["char_start"], parts[sentence])
        parts[sentence] += 1
        this = KnownMeeting(own, record["meeting_date"], record["date_basis"], record["kind"], set(ids),
                            record.get("published"))
        match = meetings.match(this)
        if match is None:
            meetings.add(this)
            created.add(own)
            mid, present = own, set()
            out["meetings"].append(_meeting_row(own, record))
        else:
            mid = match.meeting_id
            # People already listed in this meeting keep their rows (earlier reports of this
            # commit add theirs once, by key).
            present = set(match.person_ids) if match.meeting_id not in created else set()
            meetings.add(match, this.person_ids - match.person_ids)
            match.person_ids |= this.person_ids
        out["meeting_reports"].append({
            "meeting_id": mid,
            "dispatch_id": dispatch_id,
            "evidence": record["evidence"],
            "char_start": record["char_start"],
            "char_end": record["char_end"],
            "confidence": record.get("confidence"),
        })
        for pid, p in zip(ids, record["participants"]):
            org = _organization(p, orgs)
            entry = persons.setdefault(
                pid, {"person_id": pid, "name": None, "aliases": set(), "keys": set(), "names": set()}
            )
            entry["names"].add(p["name"])
            entry["aliases"].update(p.get("forms", ()))
            entry["aliases"].update((p["name_as_written"], p["name"]))
            entry["keys"].add(people.key(p["name"]))
            report = _report_row(mid, dispatch_id, pid, p, org, record)
            earlier = reports.get((mid, dispatch_id, pid))
            reports[(mid, dispatch_id, pid)] = _richer(earlier, report) if earlier else report
            if pid in present:
                continue
            row = {
                "meeting_id": mid,
                "person_id": pid,
                "name": None,  # the canonical name, filled in below
                "name_as_written": p["name_as_written"],
                "honorific": p["honorific"],
                "position": p["position"],
                "organization_id": org.organization_id if org else None,
                "organization": org.name if org else None,
                "country_code": p["country_code"],
                "role": p["role"],
                "reported_in": dispatch_id,
                "confidence": p.get("confidence"),
            }
            participants[(mid, pid)].append((_wording_order(record, dispatch_id), row))
    renamed = out["renamed_persons"]
    for pid, entry in persons.items():
        known = resolver.names.get(pid)
        entry["name"] = _canonical(known, entry.pop("names"))
        if known is not None and entry["name"] != known:
            renamed.append({"person_id": pid, "name": entry["name"]})
            entry["aliases"].add(known)
        entry["name_latin"] = latin(entry["name"])
        entry["aliases"] = sorted(a for a in entry["aliases"] if a != entry["name"])
        entry["keys"] = sorted(entry["keys"])
    merged = [_merged(rows) for rows in participants.values()]
    for row in merged:
        row["name"] = persons[row["person_id"]]["name"]
    out["participants"] = sorted(merged, key=lambda r: (r["meeting_id"], r["person_id"]))
    out["participant_reports"] = [reports[k] for k in sorted(reports)]
    out["persons"] = sorted(persons.values(), key=lambda r: r["person_id"])
    for entry in orgs.values():
        entry["aliases"] = sorted(a for a in entry["aliases"] if a != entry["name"])
    out["organizations"] = sorted(orgs.values(), key=lambda r: r["organization_id"])
    return out


def _meeting_row(mid: str, record: dict) -> dict:
    return {
        "meeting_id": mid,
        "meeting_date": record["meeting_date"],
        "date_basis": record["date_basis"],
        "kind": record["kind"],
        "city": record["city"],
        "country_code": record["country_code"],
        "venue": record["venue"],
        "topics": record["topics"],
        "evidence": record["evidence"],
        "confidence": record.get("confidence"),
    }


def _report_row(mid: str, dispatch_id: str, pid: str, p: dict, org: Organization | None, record: dict) -> dict:
    """A participant as one report words them (a `participant_reports` row)."""
    return {
        "meeting_id": mid,
        "dispatch_id": dispatch_id,
        "person_id": pid,
        "name_as_written": p["name_as_written"],
        "honorific": p["honorific"],
        "position": p["position"],
        "organization_as_written": p.get("organization_as_written"),
        "organization_id": org.organization_id if org else None,
        "country_code": p["country_code"],
        "role": p["role"],
        "language": record.get("language"),
        "name_start": p.get("name_start"),
        "name_end": p.get("name_end"),
        "confidence": p.get("confidence"),
    }


def _wording_order(record: dict, dispatch_id: str) -> tuple:
    """Which report words a merged participants row: the earliest published (undated
    last), then by dispatch id and place in it, so the choice does not depend on the
    order in which reports were read."""
    published = record.get("published")
    return (published is None, published or dt.date.min, dispatch_id, record["char_start"])


def _merged(rows: list[tuple[tuple, dict]]) -> dict:
    """One person's participants row from the reports of one commit that name them: the
    first report's (`_wording_order`) fields, those it leaves empty filled from the next
    reports in that order, and the fullest written name."""
    ordered = [row for _, row in sorted(rows, key=lambda kr: kr[0])]
    merged = ordered[0]
    for row in ordered[1:]:
        merged = _richer(merged, row)
    return merged


def _richer(old: dict, new: dict) -> dict:
    """One person reported twice in a meeting: keep every field either report fills, the
    fuller written name (with its offsets, where the row has them), and the first
    report's role."""
    merged = dict(old)
    for key, value in new.items():
        if merged.get(key) is None and value is not None:
            merged[key] = value
    if len(new["name_as_written"] or "") > len(old["name_as_written"] or ""):
        for key in ("name_as_written", "name_start", "name_end"):
            if key in new:
                merged[key] = new[key]
    return merged


def _canonical(known: str | None, forms: set[str]) -> str:
    """A person's canonical name: the name the warehouse knows them by, unless that is in
    another script and a report now writes them in Latin script (then the fullest Latin
    form); for someone new, the fullest Latin form, else the fullest form."""
    written = {f for f in forms if is_latin(f)} or forms
    if known is not None and (is_latin(known) or not any(map(is_latin, written))):
        return known
    return _fullest(written)


def _fullest(forms: set[str]) -> str:
    """The fullest written form: most words, then longest, then alphabetical."""
    return sorted(forms, key=lambda f: (-len(f.split()), -len(f), f))[0]


def _organization(p: dict, orgs: dict[str, dict]) -> Organization | None:
    written = p.get("organization_as_written")
    if not written:
        return None
    # The extractor's canonical organisation: an office it read as its parent's
    # (`Bureau de l’OIT pour l’Europe` -> ILO) is that parent here too.
    org = registry().resolve(p.get("organization") or written)
    country = org.country if org.known else p.get("country_code")
    if not org.known and country:
        # An unlisted body is one per state: the `ministère des Affaires étrangères` of
        # Azerbaijan is not Uzbekistan's.
        org = replace(org, country=country, state_qualified=True)
    entry = orgs.setdefault(org.organization_id, {
        "organization_id": org.organization_id,
        "name": org.name,
        "full_name_en": org.full_name_en,
        "full_name_fr": org.full_name_fr,
        "aliases": set(org.aliases),
        "country_code": country,
    })
    entry["aliases"].add(re.sub(r"\s+", " ", written).strip())
    return org


def merge_aliases(old: list[str] | None, new: list[str] | None) -> list[str]:
    """Aliases known before and now, without repeats, in a stable order."""
    return sorted(set(old or ()) | set(new or ()))
