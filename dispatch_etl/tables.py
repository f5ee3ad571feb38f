"""The tables as typed pandas DataFrames, with filters pushed down to Parquet.

    from dispatch_etl.tables import Tables

    wh = Tables("warehouse")
    wh.meetings(since="2024-01-01", organization="ICESCO")
    wh.participations(person="AlMalik")     # one row per person per meeting, with the meeting

Types: dates are dates (`date32[pyarrow]`, comparable with `datetime.date`, ISO strings
and `pd.Timestamp`: see `dispatch_etl.dates`), timestamps are UTC `datetime64`, text is
Arrow-backed `string[pyarrow]`, lists stay Arrow lists, and the closed vocabularies
(`kind`, `role`, `date_basis`, `language`, `reason`) are pandas categories.

Filters select meetings: `since`/`until` (inclusive, ISO dates) on the meeting date,
`kind`, and the parties: `organization`, `person`, `country` select the meetings in which
that organisation, person or represented state took part. They are evaluated by pyarrow's
dataset scanner on the Parquet files (row groups whose statistics rule them out are not
read). Names are read by `dispatch_etl.lookup`, the one lookup every helper uses: persons
by id, name, alias, spelling variant (`Jeyhun Bayramov` = `Jeyhoun Baïramov`) or words of
the name; organisations by id, name or alias; countries by ISO code or English or French
name; kinds by value (`phone_call`). `persons_matching(name)` shows whom a name
designates. `participants` and `participations` return every participant of the selected
meetings, so the counterparts are there; keep one side with an ordinary pandas filter.
`participant_reports` gives, for the same meetings, each report's own wording of each
participant (a meeting reported in French and English has both).
A name that matches nothing raises `LookupError` with the closest names, and a kind
outside the vocabulary a `ValueError` listing the kinds, rather than returning an empty
frame that looks like "no meetings".
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from dispatch_etl import lookup
from dispatch_etl.dates import DateArray, DateDtype, DateLike, parse_date
from dispatch_etl.lookup import Candidate
from dispatch_etl.schema import EVENTS, TABLES, to_arrow
from dispatch_etl.warehouse import Warehouse
from transforms.events import events as event_rows

# The closed vocabularies, in their natural order (values outside them are kept, after).
CATEGORIES: dict[str, tuple[str, ...]] = {
    "kind": ("meeting", "phone_call", "video_conference", "ceremony"),
    "role": ("host", "guest", "participant", "attendee"),
    "date_basis": ("explicit", "weekday", "relative", "previous", "publication"),
    "language": (),
    "reason": (),
}

# Columns `date_or_published` adds: a date for every meeting the warehouse can date.
_DATE_OR_PUBLISHED = ("date_or_published", "date_or_published_basis")

# The joined view: meeting columns that come with each participant row, renamed where the
# participant has a column of the same name.
_MEETING_COLUMNS = {
    "meeting_date": "meeting_date",
    "kind": "kind",
    "city": "city",
    "country_code": "meeting_country_code",
    "venue": "venue",
    "topics": "topics",
    "confidence": "meeting_confidence",
}

Names = str | Iterable[str] | None


class Tables:
    """Read access to one warehouse (a folder, or any location `Warehouse` accepts)."""

    def __init__(self, warehouse: str | os.PathLike | Warehouse = "warehouse"):
        self.warehouse = warehouse if isinstance(warehouse, Warehouse) else Warehouse(warehouse)
        if not self.warehouse.exists():
            raise FileNotFoundError(f"no warehouse at {self.warehouse.location} (write one with `dispatch-etl run`)")

    # ------------------------------------------------------------------ plain tables

    def table(self, name: str, columns: list[str] | None = None, filter: ds.Expression | None = None) -> pd.DataFrame:
        """Any table by name, typed; `filter` is a pyarrow dataset expression. `events`,
        derived on read, is built first and then filtered."""
        if name == EVENTS.name:
            return to_pandas(ds.dataset(self._events(None, None)).to_table(columns=columns, filter=filter))
        if name not in TABLES:
            raise KeyError(f"no table {name!r}; the tables are {', '.join(TABLES)}")
        return to_pandas(self._scan(name, columns, filter))

    def dispatches(self, *, since: DateLike | None = None, until: DateLike | None = None,
                   language: Names = None, columns: list[str] | None = None) -> pd.DataFrame:
        """Dispatches, optionally by publication date range and language."""
        expr = _date_range("published_date", since, until)
        if language is not None:
            expr = _and(expr, pc.field("language").isin(lookup.languages(language)))
        return to_pandas(self._scan("dispatches", columns, expr))

    def persons(self) -> pd.DataFrame:
        return self.table("persons")

    def organizations(self) -> pd.DataFrame:
        return self.table("organizations")

    def rejects(self) -> pd.DataFrame:
        return self.table("rejects")

    def meeting_reports(self, **filters) -> pd.DataFrame:
        return to_pandas(self._scan("meeting_reports", None, self._by_meeting(**filters)))

    # ------------------------------------------------------------------ meetings and people

    def meetings(self, *, since: DateLike | None = None, until: DateLike | None = None,
                 kind: Names = None, organization: Names = None, person: Names = None,
                 country: Names = None, min_confidence: float | None = None,
                 columns: list[str] | None = None) -> pd.DataFrame:
        """Meetings, selected by date range, kind, parties and confidence (see the module doc)."""
        expr = self._meeting_filter(since, until, kind, organization, person, country)
        return to_pandas(self._scan("meetings", columns, _and(expr, _at_least(min_confidence))))

    def participants(self, *, min_confidence: float | None = None, **filters) -> pd.DataFrame:
        """Every participant of the selected meetings (same filters as `meetings`);
        `min_confidence` keeps the participant rows at least that sure."""
        expr = _and(self._by_meeting(**filters), _at_least(min_confidence))
        return to_pandas(self._scan("participants", None, expr))

    def participant_reports(self, **filters) -> pd.DataFrame:
        """Each report's own wording of every participant of the selected meetings (same
        filters as `meetings`): one row per person per meeting per dispatch, with the
        position, honorific, name and organisation as that dispatch writes them."""
        return to_pandas(self._scan("participant_reports", None, self._by_meeting(**filters)))

    def participations(self, *, min_confidence: float | None = None, **filters) -> pd.DataFrame:
        """The joined view: one row per participant in a meeting, with the meeting's date,
        kind, place (`city`, `meeting_country_code`, `venue`), topics and confidence
        (`meeting_confidence`) beside the participant's own columns (whose `country_code`
        is the state they represent, `confidence` how sure this row is). Sorted by date
        (undated last), meeting and role. Same filters as `meetings`; `min_confidence`
        keeps the participant rows at least that sure."""
        meeting_filter = self._meeting_filter(**filters)
        meetings = self._scan("meetings", ["meeting_id", *_MEETING_COLUMNS], meeting_filter)
        meetings = meetings.rename_columns(["meeting_id", *_MEETING_COLUMNS.values()])
        people = to_pandas(self._scan("participants", None,
                                      _and(self._ids_filter(meetings), _at_least(min_confidence))))
        dated = self._with_date_or_published(to_pandas(meetings))
        frame = people.merge(dated, on="meeting_id", how="inner", validate="many_to_one")
        order = ["meeting_id", *_MEETING_COLUMNS.values(), *_DATE_OR_PUBLISHED]
        frame = frame[order + [c for c in frame.columns if c not in order]]
        frame["_role"] = frame["role"].cat.codes
        frame = frame.sort_values(["meeting_date", "meeting_id", "_role", "name"], na_position="last", kind="stable")
        return frame.drop(columns="_role").reset_index(drop=True)

    def events(self, *, min_confidence: float | None = None, **filters) -> pd.DataFrame:
        """The selected meetings as dyadic CAMEO/PLOVER events (same filters as `meetings`):
        one row per ordered pair of parties, built on read from `meetings` and
        `participants` by `transforms.events` (see the README's mapping table).
        `min_confidence` keeps the events at least that sure (an event's confidence is
        the least of its meeting's and its two parties')."""
        return to_pandas(self._events(self._meeting_filter(**filters), min_confidence))

    def _events(self, meeting_filter: ds.Expression | None, min_confidence: float | None) -> pa.Table:
        meetings = self._scan("meetings", None, meeting_filter)
        people = self._scan("participants", None, self._ids_filter(meetings))
        rows = event_rows(meetings.to_pylist(), people.to_pylist(), self._evidence_languages(meetings))
        if min_confidence is not None:
            rows = [r for r in rows if r["confidence"] is not None and r["confidence"] >= min_confidence]
        return to_arrow(EVENTS, rows)

    def _evidence_languages(self, meetings: pa.Table) -> dict[str, str]:
        """meeting id -> language of the dispatch its evidence sentence comes from (that of
        any report when none has the same sentence)."""
        reports = self._scan("meeting_reports", ["meeting_id", "dispatch_id", "evidence"], self._ids_filter(meetings))
        languages = self._scan("dispatches", ["dispatch_id", "language"],
                               pc.field("dispatch_id").isin(pc.unique(reports.column("dispatch_id"))))
        language = dict(zip(languages.column("dispatch_id").to_pylist(), languages.column("language").to_pylist()))
        evidence = dict(zip(meetings.column("meeting_id").to_pylist(), meetings.column("evidence").to_pylist()))
        found: dict[str, str] = {}
        for r in sorted(reports.to_pylist(), key=lambda r: (r["evidence"] != evidence.get(r["meeting_id"]),
                                                             r["dispatch_id"])):
            found.setdefault(r["meeting_id"], language.get(r["dispatch_id"]))
        return found

    def date_or_published(self, *, since: DateLike | None = None, until: DateLike | None = None,
                          **filters) -> pd.DataFrame:
        """Meetings with a date for every one the warehouse can date: `date_or_published` is
        the meeting date, else the publication date of its earliest report, and
        `date_or_published_basis` says which (`meeting`, `published`; null when neither is
        known). `since`/`until` apply to that date; the other filters as in `meetings`.
        Count by it to keep the meetings whose text gives no day."""
        frame = self._with_date_or_published(self.meetings(**filters))
        day = frame["date_or_published"]
        if since is not None:
            frame = frame[(day >= _date(since)).fillna(False).astype(bool)]
        if until is not None:
            frame = frame[(frame["date_or_published"] <= _date(until)).fillna(False).astype(bool)]
        return frame.reset_index(drop=True)

    def _with_date_or_published(self, meetings: pd.DataFrame) -> pd.DataFrame:
        """`meetings` (with `meeting_id`, `meeting_date`) plus the two date_or_published columns."""
        ids = pa.array(meetings["meeting_id"].astype(object).tolist(), pa.string())
        reports = self._scan("meeting_reports", ["meeting_id", "dispatch_id"], pc.field("meeting_id").isin(ids))
        published = self._scan("dispatches", ["dispatch_id", "published_date"],
                               pc.field("dispatch_id").isin(pc.unique(reports.column("dispatch_id"))))
        first = (
            reports.join(published, "dispatch_id").group_by("meeting_id").aggregate([("published_date", "min")])
            .rename_columns(["meeting_id", "published"])
        )
        first = to_pandas(first) if first.num_rows else pd.DataFrame(
            {"meeting_id": pd.Series([], dtype=pd.StringDtype("pyarrow")),
             "published": pd.Series(DateArray(pa.chunked_array([], pa.date32())))})
        out = meetings.merge(first, on="meeting_id", how="left")
        has_date = out["meeting_date"].notna()
        out["date_or_published"] = out["meeting_date"].where(has_date, out["published"])
        basis = pd.Series(pd.NA, index=out.index, dtype=object)
        basis[out["published"].notna().to_numpy()] = "published"
        basis[has_date.to_numpy()] = "meeting"
        out["date_or_published_basis"] = pd.Categorical(basis, categories=["meeting", "published"])
        return out.drop(columns="published")

    # ------------------------------------------------------------------ filters

    def _scan(self, name: str, columns: list[str] | None, expr: ds.Expression | None) -> pa.Table:
        return self.warehouse.dataset(name).to_table(columns=columns, filter=expr)

    def _by_meeting(self, **filters) -> ds.Expression | None:
        expr = self._meeting_filter(**filters)
        if expr is None:
            return None
        return self._ids_filter(self._scan("meetings", ["meeting_id"], expr))

    @staticmethod
    def _ids_filter(meetings: pa.Table) -> ds.Expression:
        return pc.field("meeting_id").isin(pc.unique(meetings.column("meeting_id")))

    def _meeting_filter(self, since: DateLike | None = None, until: DateLike | None = None,
                        kind: Names = None, organization: Names = None, person: Names = None,
                        country: Names = None) -> ds.Expression | None:
        expr = _date_range("meeting_date", since, until)
        if kind is not None:
            expr = _and(expr, pc.field("kind").isin(lookup.choices("kind", kind, CATEGORIES["kind"])))
        parties = None
        if organization is not None:
            parties = _and(parties, pc.field("organization_id").isin(self.organization_ids(organization)))
        if person is not None:
            parties = _and(parties, pc.field("person_id").isin(self.person_ids(person)))
        if country is not None:
            parties = _and(parties, pc.field("country_code").isin(lookup.countries(country)))
        if parties is not None:
            ids = self._scan("participants", ["meeting_id"], parties)
            expr = _and(expr, self._ids_filter(ids))
        return expr

    # ------------------------------------------------------------------ names to ids

    def organization_ids(self, names: Names) -> list[str]:
        """The ids of the organisations named (see `dispatch_etl.lookup`)."""
        return list(lookup.organizations(names, self._organization_candidates()))

    def person_ids(self, names: Names) -> list[str]:
        """The ids of the persons named (see `dispatch_etl.lookup`)."""
        return list(self.persons_matching(names)["person_id"])

    def persons_matching(self, names: Names) -> pd.DataFrame:
        """Whom the names designate: `person_id` and `name` of each person matched."""
        found = lookup.persons(names, self._person_candidates())
        return pd.DataFrame({"person_id": list(found), "name": list(found.values())}, dtype=pd.StringDtype("pyarrow"))

    def _person_candidates(self) -> list[Candidate]:
        people = self._scan("persons", ["person_id", "name", "aliases"], None).to_pylist()
        return [Candidate(r["person_id"], r["name"], tuple(r["aliases"] or ())) for r in people]

    def _organization_candidates(self) -> list[Candidate]:
        orgs = self._scan("organizations", ["organization_id", "name", "full_name_en", "full_name_fr", "aliases"], None)
        return [Candidate(r["organization_id"], r["name"],
                          tuple(filter(None, (r["full_name_en"], r["full_name_fr"], *(r["aliases"] or ())))))
                for r in orgs.to_pylist()]


def to_pandas(data: pa.Table) -> pd.DataFrame:
    """Arrow to pandas with the warehouse's dtypes (see the module doc)."""
    frame = data.to_pandas(types_mapper=_dtype, ignore_metadata=True)
    for column, known in CATEGORIES.items():
        if column in frame.columns:
            seen = [v for v in pd.unique(frame[column].dropna()) if v not in known]
            frame[column] = pd.Categorical(frame[column].astype(object), categories=[*known, *sorted(seen)])
    return frame


def _dtype(type_: pa.DataType):
    if pa.types.is_string(type_) or pa.types.is_large_string(type_):
        return pd.StringDtype("pyarrow")
    if pa.types.is_date(type_):
        return DateDtype(type_)
    if pa.types.is_list(type_):
        return pd.ArrowDtype(type_)
    if pa.types.is_integer(type_):
        return pd.ArrowDtype(type_)
    return None


def _and(left: ds.Expression | None, right: ds.Expression | None) -> ds.Expression | None:
    return right if left is None else left if right is None else left & right


def _at_least(confidence: float | None) -> ds.Expression | None:
    """Rows at least this sure (rows with no confidence are not)."""
    if confidence is None:
        return None
    if not 0 <= confidence <= 1:
        raise ValueError(f"min_confidence must be between 0 and 1, not {confidence}")
    return pc.field("confidence") >= pa.scalar(float(confidence), pa.float64())


def _date(value: DateLike) -> dt.date:
    return parse_date(value)


def _date_range(column: str, since: DateLike | None, until: DateLike | None) -> ds.Expression | None:
    expr = None
    if since is not None:
        expr = _and(expr, pc.field(column) >= pa.scalar(_date(since), pa.date32()))
    if until is not None:
        expr = _and(expr, pc.field(column) <= pa.scalar(_date(until), pa.date32()))
    return expr
