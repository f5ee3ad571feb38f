"""Any table (stored or derived) written out as one CSV, JSON Lines or Parquet file, in the
contract's types: what `dispatch-etl export` runs.

List columns read back as lists in every format: JSON arrays in a CSV cell, real arrays in
JSON Lines, Arrow lists in Parquet. The events table's JSON Lines follow PLOVER's JSON
field names (`plover_record`), so tools written for POLECAT-style records read them.
(The export is a file for the analyst, not part of the warehouse: writing it here does not
bypass `dispatch_etl.warehouse`, which owns the warehouse's own files.)
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dispatch_etl.schema import DERIVED, TABLES, conform
from dispatch_etl.tables import Tables
from transforms.events import cameo_country

FORMATS = ("csv", "jsonl", "parquet")
EXPORTABLE = {**TABLES, **DERIVED}

# PLOVER's quad category of CONSULT: verbal cooperation.
_VERBAL_COOPERATION = 1


def exported(tables: Tables, name: str) -> pa.Table:
    """The whole table `name` as Arrow, with the contract's column types."""
    if name not in EXPORTABLE:
        raise KeyError(f"no table {name!r}; the tables are {', '.join(EXPORTABLE)}")
    frame = tables.events() if name == "events" else tables.table(name)
    return conform(EXPORTABLE[name], pa.Table.from_pandas(frame, preserve_index=False))


def write_export(data: pa.Table, name: str, fmt: str, out: str | os.PathLike) -> Path:
    """Write `data` (table `name`) to `out` in `fmt`; returns the path written."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        pq.write_table(data, out)
    elif fmt == "csv":
        _csv_frame(data).to_csv(out, index=False)
    elif fmt == "jsonl":
        record = plover_record if name == "events" else dict
        with out.open("w", encoding="utf-8") as f:
            for row in data.to_pylist():
                f.write(json.dumps(record(row), ensure_ascii=False, default=_json_value) + "\n")
    else:
        raise ValueError(f"no format {fmt!r}; the formats are {', '.join(FORMATS)}")
    return out


def plover_record(row: dict) -> dict:
    """One `events` row in PLOVER's JSON fields (PLOVER manual, "JSON Data Fields"): `id`,
    `date`, `source` and `recipient` (lists of actor objects: `code`, `actor_text`,
    `identifier_id`, `identifier_text`), `event`, `mode`, `event_loc` (geonames' `name`,
    `country code`, and PLOVER's `cc3`), `event_text`, `quad_code`, `link` (the meeting:
    both directions of one meeting share it) and `cite_info.language`. Fields PLOVER has no
    name for keep ours (`cameo_code`, `case`, `kind`, `confidence`, and `organization`, `country_code`,
    `role` in the actor objects)."""
    place_code = row["country_code"]
    return {
        "id": row["event_id"],
        "date": row["event_date"],
        "source": [_plover_actor(row, "source")],
        "recipient": [_plover_actor(row, "target")],
        "event": [row["event_type"]],
        "mode": row["mode"],
        "event_loc": {"name": row["city"], "country code": place_code,
                      "cc3": cameo_country(place_code)},
        "event_text": [row["evidence"]],
        "quad_code": _VERBAL_COOPERATION,
        "link": row["meeting_id"],
        "cite_info": {"language": row["language"]},
        "cameo_code": row["cameo_code"],
        "case": row["case"],
        "kind": row["kind"],
        "confidence": row.get("confidence"),
    }


def _plover_actor(row: dict, side: str) -> dict:
    return {
        "code": row[f"{side}_actor_code"],
        "actor_text": row[f"{side}_name"],
        "identifier_id": row[f"{side}_person_id"],
        "identifier_text": row[f"{side}_name"],
        "organization": row[f"{side}_organization"],
        "country_code": row[f"{side}_country_code"],
        "role": row[f"{side}_role"],
    }


def _csv_frame(data: pa.Table):
    """A plain pandas frame whose list cells are JSON arrays and dates ISO strings."""
    frame = data.to_pandas()
    for field in data.schema:
        if pa.types.is_list(field.type):
            frame[field.name] = [None if v is None else json.dumps(list(v), ensure_ascii=False)
                                 for v in data.column(field.name).to_pylist()]
    return frame


def _json_value(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
