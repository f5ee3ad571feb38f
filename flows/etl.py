"""The Prefect flow: inbox → read → parse → extract → normalise → warehouse.

Each task works on a batch of input files (never one task per dispatch: orchestration
costs about 15 ms a task run). The transforms it calls are pure; all Parquet I/O goes
through `dispatch_etl.warehouse`.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact

from dispatch_etl import inbox as inbox_io
from dispatch_etl.schema import DISPATCHES, REJECTS, TABLES, to_arrow
from dispatch_etl.warehouse import Warehouse
from transforms.extract import meetings
from transforms.ingest import DEFAULT_MAX_BYTES, Reject, raw_documents
from transforms.normalise import Known, KnownMeeting, Overrides, merge_aliases, tables
from transforms.parse import dispatch


@dataclass
class BatchResult:
    """What one batch of input files became."""

    dispatches: list[dict] = field(default_factory=list)
    rejects: list[dict] = field(default_factory=list)
    extracted: dict[str, list[dict]] = field(default_factory=dict)


def _batches(items: list[str], size: int) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@task(name="read-parse-extract")
def process_batch(inbox: str, paths: list[str], max_bytes: int, ingested_at: dt.datetime) -> BatchResult:
    """Read, decode, parse and extract one batch of input files."""
    out = BatchResult()
    for relative in paths:
        data, size = inbox_io.read_bytes(inbox, relative, max_bytes)
        if size > max_bytes and not relative.lower().endswith(".gz"):
            out.rejects.append(
                Reject(relative, "too_large", f"{size} bytes, over the limit of {max_bytes}",
                       inbox_io.file_sha256(inbox, relative)).row()
            )
            continue
        ingested = raw_documents(relative, data, max_bytes)
        out.rejects.extend(r.row() for r in ingested.rejects)
        for raw in ingested.docs:
            d = dispatch(raw)
            if d is None:
                out.rejects.append(Reject(raw.source_uri, "no_body", "no body text after the header and dateline",
                                          raw.content_sha256).row())
                continue
            out.dispatches.append(d.row(ingested_at))
            out.extracted[d.dispatch_id] = meetings(d)
    return out


@task(name="write-warehouse")
def write_warehouse(warehouse: str, results: list[BatchResult], overrides: Overrides | None = None) -> dict:
    """Normalise everything the batches found and merge it into the warehouse."""
    store = Warehouse(warehouse)
    with store.lock():
        existing = {
            (r["dispatch_id"]): r["source_uri"]
            for r in store.read("dispatches", ["dispatch_id", "source_uri"]).to_pylist()
        }
        dispatch_rows, rejects, extracted, seen = [], [], {}, {}
        for result in results:
            rejects.extend(result.rejects)
            for row in result.dispatches:
                did = row["dispatch_id"]
                first = seen.get(did) or existing.get(did)
                if first is not None and first != row["source_uri"]:
                    rejects.append({
                        "source_uri": row["source_uri"],
                        "reason": "duplicate",
                        "detail": f"same text as {first} (dispatch {did})",
                        "content_sha256": row["content_sha256"],
                    })
                    continue
                seen[did] = row["source_uri"]
                dispatch_rows.append(row)
                extracted[did] = result.extracted[did]
        done = set(extracted)
        rows = tables(extracted, _known(store), overrides)
        store.merge("dispatches", to_arrow(DISPATCHES, dispatch_rows), prefer="old")
        store.merge("rejects", to_arrow(REJECTS, rejects))
        # A dispatch processed again replaces its reports; a meeting no report states any
        # more goes, with its participants.
        reports = store.merge("meeting_reports", _arrow("meeting_reports", rows), drop=[("dispatch_id", done)])
        live = set(reports.column("meeting_id").to_pylist())
        orphans = set(store.read("meetings", ["meeting_id"]).column("meeting_id").to_pylist()) - live
        store.merge("meetings", _arrow("meetings", rows), drop=[("meeting_id", orphans)])
        created = {r["meeting_id"] for r in rows["meetings"]}
        # Rows of meetings this run (re)created replace old ones; a report joining an
        # existing meeting only adds the people it names that the meeting lacked.
        store.merge("participants", _arrow("participants", rows, lambda r: r["meeting_id"] in created),
                    drop=[("meeting_id", orphans)])
        participants = store.merge(
            "participants", _arrow("participants", rows, lambda r: r["meeting_id"] not in created), prefer="old"
        )
        for name in ("persons", "organizations"):
            old = {r[_key(name)]: r for r in store.read(name).to_pylist()}
            for r in rows[name]:
                before = old.get(r[_key(name)], {})
                r["aliases"] = merge_aliases(before.get("aliases"), r["aliases"])
                if name == "persons":
                    r["keys"] = merge_aliases(before.get("keys"), r["keys"])
            store.merge(name, _arrow(name, rows))
        return {
            "dispatches_new": sum(1 for r in dispatch_rows if r["dispatch_id"] not in existing),
            "dispatches": len(dispatch_rows),
            "rejects": len(rejects),
            "rejects_by_reason": dict(Counter(r["reason"] for r in rejects)),
            "meetings": len({r["meeting_id"] for r in rows["meeting_reports"]}),
            "participants": len(rows["participants"]),
            "warehouse_meetings": len(live),
            "warehouse_participants": participants.num_rows,
        }


def _key(table: str) -> str:
    return {"persons": "person_id", "organizations": "organization_id"}[table]


def _arrow(table: str, rows: dict[str, list[dict]], keep=None):
    return to_arrow(TABLES[table], [r for r in rows[table] if keep is None or keep(r)])


def _known(store: Warehouse) -> Known:
    """The persons and meetings already in the warehouse that new reports may join."""
    persons = store.read("persons", ["person_id", "name", "keys"]).to_pylist()
    people = defaultdict(set)
    for r in store.read("participants", ["meeting_id", "person_id"]).to_pylist():
        people[r["meeting_id"]].add(r["person_id"])
    meetings = [
        KnownMeeting(m["meeting_id"], m["meeting_date"], m["date_basis"], m["kind"], people[m["meeting_id"]])
        for m in store.read("meetings", ["meeting_id", "meeting_date", "date_basis", "kind"]).to_pylist()
    ]
    return Known(persons=persons, meetings=meetings)


@flow(name="dispatch-etl", log_prints=False)
def dispatch_etl(
    inbox: str | None = None,
    warehouse: str = "warehouse",
    batch_size: int = 200,
    max_bytes: int = DEFAULT_MAX_BYTES,
    aliases: str | None = None,
) -> dict:
    """Ingest every file under `inbox` into the Parquet warehouse at `warehouse`.

    `aliases`: a YAML file of curated identities (`same:` and `different:` lists of names).
    """
    logger = get_run_logger()
    started = time.monotonic()
    inbox = str(inbox or inbox_io.example_inbox())
    paths = list(inbox_io.input_files(inbox))
    logger.info("Found %d input files in %s", len(paths), inbox)
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    futures = [process_batch.submit(inbox, batch, max_bytes, now) for batch in _batches(paths, batch_size)]
    results = [f.result() for f in futures]
    overrides = inbox_io.read_overrides(aliases) if aliases else None
    summary = write_warehouse(warehouse, results, overrides)
    summary["inputs"] = len(paths)
    summary["seconds"] = round(time.monotonic() - started, 2)
    logger.info(
        "%d inputs: %d dispatches (%d new), %d rejects, %d meetings, %d participants in %.1fs",
        summary["inputs"], summary["dispatches"], summary["dispatches_new"], summary["rejects"],
        summary["meetings"], summary["participants"], summary["seconds"],
    )
    create_markdown_artifact(
        key="dispatch-etl-summary",
        markdown=_summary_markdown(summary),
        description="Counts of this dispatch-etl run",
    )
    return summary


def _summary_markdown(summary: dict) -> str:
    lines = ["# dispatch-etl run", "", "| what | count |", "|---|---|"]
    for key in ("inputs", "dispatches", "dispatches_new", "rejects", "meetings", "participants", "seconds"):
        lines.append(f"| {key} | {summary[key]} |")
    for reason, n in sorted(summary["rejects_by_reason"].items()):
        lines.append(f"| rejects: {reason} | {n} |")
    return "\n".join(lines)
