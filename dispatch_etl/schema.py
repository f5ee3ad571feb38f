"""The warehouse contract (shared/TABLES.md) as Arrow schemas: the single source of truth.

Column lists, keys, pandas dtypes and validation are all derived from `SCHEMAS`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa


def _f(name: str, type_: pa.DataType, required: bool = False) -> pa.Field:
    return pa.field(name, type_, nullable=not required)


@dataclass(frozen=True)
class Table:
    name: str
    schema: pa.Schema
    key: tuple[str, ...]
    # Column used to split the table into partition folders (None: one file).
    partition_by: str | None = None

    @property
    def columns(self) -> list[str]:
        return self.schema.names

    @property
    def required(self) -> list[str]:
        return [f.name for f in self.schema if not f.nullable]


_STR = pa.string()
_STRS = pa.list_(pa.string())

DISPATCHES = Table(
    "dispatches",
    pa.schema(
        [
            _f("dispatch_id", _STR, True),
            _f("source_uri", _STR, True),
            _f("agency", _STR),
            _f("language", _STR, True),
            _f("published_date", pa.date32()),
            _f("dateline_city", _STR),
            _f("title", _STR),
            _f("text", _STR, True),
            _f("ingested_at", pa.timestamp("us", tz="UTC"), True),
            # Added columns (allowed by the contract).
            _f("content_sha256", _STR),
            _f("input_path", _STR),  # the inbox file it came from (a JSON Lines file holds many)
            # True when its language has no pack: kept, but no language's rules read it (no
            # meetings); null on rows written before this column.
            _f("pack_missing", pa.bool_()),
        ]
    ),
    key=("dispatch_id",),
)

MEETINGS = Table(
    "meetings",
    pa.schema(
        [
            _f("meeting_id", _STR, True),
            _f("meeting_date", pa.date32()),
            _f("date_basis", _STR),
            _f("kind", _STR, True),
            _f("city", _STR),
            _f("country_code", _STR),
            _f("venue", _STR),
            _f("topics", _STRS),
            _f("evidence", _STR, True),
            # Added: how likely the row is right (transforms.confidence), 0-1; null when unscored.
            _f("confidence", pa.float64()),
        ]
    ),
    key=("meeting_id",),
)

MEETING_REPORTS = Table(
    "meeting_reports",
    pa.schema(
        [
            _f("meeting_id", _STR, True),
            _f("dispatch_id", _STR, True),
            _f("evidence", _STR, True),
            _f("char_start", pa.int32()),
            _f("char_end", pa.int32()),
            # Added: how likely the row is right (transforms.confidence), 0-1; null when unscored.
            _f("confidence", pa.float64()),
        ]
    ),
    key=("meeting_id", "dispatch_id"),
)

PARTICIPANTS = Table(
    "participants",
    pa.schema(
        [
            _f("meeting_id", _STR, True),
            _f("person_id", _STR, True),
            _f("name", _STR, True),
            _f("name_as_written", _STR),
            _f("honorific", _STR),
            _f("position", _STR),
            _f("organization_id", _STR),
            _f("organization", _STR),
            _f("country_code", _STR),
            _f("role", _STR, True),
            # Added: the dispatch whose report first named this person in this meeting.
            _f("reported_in", _STR),
            # Added: how likely the row is right (transforms.confidence), 0-1; null when unscored.
            _f("confidence", pa.float64()),
        ]
    ),
    key=("meeting_id", "person_id"),
)

# Added table: each report's own wording of each participant. A meeting reported in French
# and in English is one `participants` row per person (see README, "one wording per
# row"), and one row here per person per report.
PARTICIPANT_REPORTS = Table(
    "participant_reports",
    pa.schema(
        [
            _f("meeting_id", _STR, True),
            _f("dispatch_id", _STR, True),
            _f("person_id", _STR, True),
            _f("name_as_written", _STR),  # as this report writes it
            _f("honorific", _STR),
            _f("position", _STR),
            _f("organization_as_written", _STR),
            _f("organization_id", _STR),  # what that organisation resolves to
            _f("country_code", _STR),
            _f("role", _STR, True),  # as this report tells it
            _f("language", _STR),  # the dispatch's language
            # Offsets of name_as_written in dispatches.text (the sentence is meeting_reports').
            _f("name_start", pa.int32()),
            _f("name_end", pa.int32()),
            _f("confidence", pa.float64()),  # this report's (transforms.confidence)
        ]
    ),
    key=("meeting_id", "dispatch_id", "person_id"),
)

PERSONS = Table(
    "persons",
    pa.schema(
        [
            _f("person_id", _STR, True),
            _f("name", _STR, True),
            _f("aliases", _STRS),
            # Added: the identity keys (transforms.identity.person_key) of every name seen.
            _f("keys", _STRS),
            # Added: the name in Latin script: `name` itself when it is written so (a report
            # in Latin script gives the canonical name), else a transliteration of it
            # (Russian: iuliia's Wikipedia schema, `Сергей Лавров` -> `Sergey Lavrov`).
            _f("name_latin", _STR),
        ]
    ),
    key=("person_id",),
)

ORGANIZATIONS = Table(
    "organizations",
    pa.schema(
        [
            _f("organization_id", _STR, True),
            _f("name", _STR, True),
            _f("full_name_en", _STR),
            _f("full_name_fr", _STR),
            _f("aliases", _STRS),
            # Added: the state of a national body or company (ISO alpha-2); null for
            # international organisations. Unlisted bodies are one per state.
            _f("country_code", _STR),
        ]
    ),
    key=("organization_id",),
)

REJECTS = Table(
    "rejects",
    pa.schema(
        [
            _f("source_uri", _STR, True),
            _f("reason", _STR, True),
            _f("detail", _STR),
            _f("content_sha256", _STR),
            _f("rejected_at", pa.timestamp("us", tz="UTC"), True),
        ]
    ),
    key=("source_uri", "reason", "content_sha256"),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        DISPATCHES,
        MEETINGS,
        MEETING_REPORTS,
        PARTICIPANTS,
        PARTICIPANT_REPORTS,
        PERSONS,
        ORGANIZATIONS,
        REJECTS,
    )
}


# Derived table: meetings as dyadic CAMEO/PLOVER events (transforms.events), one row per
# ordered pair of parties per meeting. Not stored: `Tables(...).events()` builds it on read
# from `meetings` and `participants`, so it can never disagree with them after a re-run,
# a reprocess or a compaction. `dispatch-etl export --table events` writes it out.
_ACTOR = [("person_id", True), ("name", True), ("organization", False), ("country_code", False),
          ("actor_code", False), ("role", True)]  # actor_code: CAMEO country code (ISO alpha-3)

EVENTS = Table(
    "events",
    pa.schema(
        [
            _f("event_id", _STR, True),
            _f("meeting_id", _STR, True),
            _f("event_date", pa.date32()),
            *[_f(f"{side}_{name}", _STR, required) for side in ("source", "target") for name, required in _ACTOR],
            _f("cameo_code", _STR, True),
            _f("event_type", _STR, True),  # PLOVER: CONSULT
            _f("mode", _STR),  # PLOVER's CONSULT mode
            _f("case", _STR, True),  # the transforms.events.CODEBOOK rule that gave the code
            _f("kind", _STR, True),
            _f("city", _STR),
            _f("country_code", _STR),  # of the meeting place
            _f("evidence", _STR, True),
            _f("language", _STR),  # of the evidence sentence's dispatch
            # the least of the meeting's and the two parties' confidences
            _f("confidence", pa.float64()),
        ]
    ),
    key=("event_id",),
)

DERIVED: dict[str, Table] = {EVENTS.name: EVENTS}


class SchemaError(ValueError):
    """Rows that do not fit a table's contract."""


def to_arrow(table: Table, rows: list[dict]) -> pa.Table:
    """Build an Arrow table from row dicts, checking required columns and types."""
    missing = [
        (i, c) for i, r in enumerate(rows) for c in table.required if r.get(c) is None
    ]
    if missing:
        i, c = missing[0]
        raise SchemaError(f"{table.name}: row {i} has no value for required column {c!r}")
    columns = {name: [r.get(name) for r in rows] for name in table.columns}
    try:
        return pa.Table.from_pydict(columns, schema=table.schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise SchemaError(f"{table.name}: {exc}") from exc


def conform(table: Table, data: pa.Table) -> pa.Table:
    """Cast a table read back from disk to the contract's schema (column order, types)."""
    present = set(data.column_names)
    arrays = [
        data.column(f.name).cast(f.type) if f.name in present else pa.nulls(data.num_rows, f.type)
        for f in table.schema
    ]
    return pa.Table.from_arrays(arrays, schema=table.schema)
