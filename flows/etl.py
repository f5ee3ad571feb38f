"""The Prefect flow: inbox → read → parse → extract → normalise → warehouse.

- Only inputs not seen before are read (a manifest of path, size, mtime and content hash),
  so a scheduled run costs what is new, not what the warehouse holds.
- Each task takes a batch of files (never one task per dispatch: a task run costs about
  15 ms of orchestration) and hands the CPU-bound work to a process pool.
- Results are committed in chunks, so memory stays flat on a long backfill. A commit is
  idempotent and marks its inputs done last: a run killed at any point is completed by
  the next one, with nothing lost and nothing doubled.
All Parquet I/O goes through `dispatch_etl.warehouse`; the transforms are pure.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import threading
import time
import uuid
from collections import Counter, defaultdict, deque
from concurrent.futures import Executor, ProcessPoolExecutor

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.utilities.annotations import quote

from dispatch_etl import inbox as inbox_io
from dispatch_etl.schema import REJECTS, TABLES, to_arrow
from dispatch_etl.warehouse import Warehouse
from flows.feeds import fetch_feed, spool
from flows.manifest import MANIFEST as _MANIFEST
from flows.manifest import MANIFEST_SCHEMA as _MANIFEST_SCHEMA
from flows.manifest import Seen as _Seen
from flows.manifest import pending as _pending
from flows.manifest import read_manifest as _read_manifest
from flows.manifest import reading_order as _reading_order
from flows.work import Batch, BatchResult, InputFile, StageClock, process_files, stop_workers, submit, worker_pool
from transforms.ingest import DEFAULT_MAX_BYTES
from transforms.normalise import Known, KnownMeeting, Overrides, Resolver, merge_aliases, tables

# Progress events for whoever displays them (the command line's bar or plain lines): plain
# logging records with a `progress` dict, so the flow knows nothing of the display.
progress_log = logging.getLogger("dispatch_etl.progress")



class RunState:
    """What a run's commits learn of the warehouse, kept between them (not a Prefect
    input: passed `quote()`d)."""

    def __init__(self) -> None:
        self.resolver: Resolver | None = None
        self.manifest: dict = {}
        # dispatch id -> hash of the input path it came from (a hash: millions of paths
        # would cost memory), and the hashes of the paths present in the inbox now.
        self.existing: dict[str, int] = {}
        self.present: set[int] | None = None
        # Hashes of the raw bytes of every input the manifest holds as committed: content
        # fully in the warehouse (a run killed mid-commit has not marked its inputs).
        self.committed: set[str] = set()
        self._loading: threading.Thread | None = None

    def load(self, store: Warehouse, overrides: Overrides | None, manifest: dict | None = None) -> None:
        """Read what the warehouse holds: inputs done, dispatches, identities."""
        self.manifest = manifest if manifest is not None else _read_manifest(store)
        self.committed = {seen.sha256 for seen in self.manifest.values() if seen.sha256}
        ids = store.read("dispatches", ["dispatch_id", "source_uri", "input_path"])
        # The input of each dispatch, as a hash: enough to tell a re-read from a duplicate.
        self.existing = {
            did: hash(path or source) for did, source, path in zip(
                *(ids.column(c).to_pylist() for c in ("dispatch_id", "source_uri", "input_path")))
        }
        self.resolver = Resolver(_known(store), overrides)

    def load_in_background(self, store: Warehouse, overrides: Overrides | None, manifest: dict) -> None:
        """Load while the workers start: the first commit then finds it done."""
        self._loading = threading.Thread(target=self.load, args=(store, overrides, manifest), daemon=True)
        self._loading.start()

    def ready(self, store: Warehouse, overrides: Overrides | None) -> None:
        if self._loading is not None:
            self._loading.join()
            self._loading = None
        if self.resolver is None:
            self.load(store, overrides)


@task(name="read-parse-extract", cache_policy=NO_CACHE)
def process_batch(
    pool: Executor | None, inbox: str, batch: Batch, max_bytes: int, ingested_at: dt.datetime,
    warehouse: str, stage: str,
) -> BatchResult:
    """Read, decode, parse and extract one batch of input files in a worker process: the
    run's process pool, or with no pool (on Dask) the Dask worker running this task."""
    if pool is None:
        return process_files(inbox, batch.files, max_bytes, ingested_at, warehouse, stage)
    return submit(pool, process_files, inbox, batch.files, max_bytes, ingested_at, warehouse, stage).result()


def dask_runner(address: str | None = None, workers: int | None = None):
    """A `DaskTaskRunner` (prefect-dask) for `dispatch_etl.with_options(task_runner=...)`:
    the scheduler at `address`, or a local cluster of `workers` processes (one per core
    by default), one thread each since extraction is pure Python."""
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(
        cluster_class="distributed.LocalCluster",
        cluster_kwargs={"n_workers": workers or os.cpu_count() or 1, "threads_per_worker": 1,
                        "processes": True, "dashboard_address": None},
    )


def _on_dask() -> bool:
    """Whether this flow run's task runner sends tasks to Dask (then Dask's workers do the
    extraction, and the run starts no process pool of its own)."""
    context = FlowRunContext.get()
    runner = getattr(context, "task_runner", None)
    return type(runner).__module__.split(".")[0] == "prefect_dask"


@task(name="commit", cache_policy=NO_CACHE)
def commit(
    warehouse: str, results: list[BatchResult], present: set[str], run: RunState,
    overrides: Overrides | None, reprocess: bool = False,
) -> dict:
    """Normalise a chunk of batches and merge it into the warehouse; mark its inputs done."""
    entered = time.perf_counter()
    clock = StageClock()
    store = Warehouse(warehouse)
    # What the warehouse holds, read once per run and kept up to date by each commit.
    run.ready(store, overrides)
    manifest, existing = run.manifest, run.existing
    if run.present is None:
        run.present = {hash(p) for p in present}
    rejects, extracted, seen, fresh = [], {}, {}, defaultdict(set)
    inputs = {f.path: f for r in results for f in r.inputs}
    for result in results:
        rejects.extend(result.rejects)
    # Two inputs with the same text: the earliest-modified one is the dispatch, whatever
    # the names (a `copy-of-…` made later is the duplicate). The run reads inputs in that
    # order (`reading_order`), so across its commits the first committed is the earliest;
    # against the warehouse, the dispatch already there stays.
    found = sorted(((row, result) for result in results for row in result.dispatches),
                   key=lambda found: _mtime(inputs, found[0]["input"]))  # (stable: ties keep their order)
    for row, result in found:
        did, source, here = row["dispatch_id"], row["source_uri"], hash(row["input"])
        holder = existing.get(did)
        known = row["input"] in inputs and inputs[row["input"]].sha256 in run.committed
        if known and holder is not None and not reprocess and (holder == here or holder not in run.present):
            continue  # content already in: a touched input, or one renamed or moved
        if did in seen or (holder is not None and holder != here and holder in run.present):
            first = seen.get(did, "an input already in the warehouse")
            rejects.append({
                "source_uri": source, "reason": "duplicate",
                "detail": f"same text as {first} (dispatch {did})",
                "content_sha256": inputs[row["input"]].sha256 if row["input"] in inputs else None,
            })
            continue
        seen[did] = source
        extracted[did] = result.extracted[did]
        if holder is None:
            fresh[result.staged].add((did, source))
    # An edited input supersedes what it held before: those dispatches leave the warehouse.
    # So does one read again by --reprocess: after an upgrade the parser may read its text
    # into another dispatch (another body, another id), and the old one must not stay.
    edited = {
        f.path for r in results for f in r.inputs
        if f.path in manifest and (reprocess or manifest[f.path].sha256 not in (None, f.sha256))
    }
    retracted = set()
    if edited:
        retracted = {
            r["dispatch_id"] for r in store.read("dispatches", ["dispatch_id", "input_path"]).to_pylist()
            if r["input_path"] in edited and r["dispatch_id"] not in extracted
        }
        store.delete("dispatches", "dispatch_id", retracted)
        for did in retracted:
            existing.pop(did, None)
    name = results[0].staged or uuid.uuid4().hex[:12]
    with clock("write"):
        added = sum(
            store.append_staged("dispatches", r.staged, fresh[r.staged], by=("dispatch_id", "source_uri"))
            for r in results if r.staged
        )
        store.merge("rejects", _rejects(rejects), prefer="old")
        # Dispatches read before (a re-run after a crash, --reprocess, an edit) first lose
        # what was extracted from them; new dispatches, the usual case, touch no old part.
        # Only a dispatch already in the warehouse can have reports: new ones skip the read.
        again = {did for did in extracted if did in existing} | retracted
        reported = set(store.read("meeting_reports", ["dispatch_id"]).column("dispatch_id").to_pylist()) if again else set()
        redo = again & reported
        before = set()
        if redo:
            before = set(store.read("meetings", ["meeting_id"]).column("meeting_id").to_pylist())
            reports = store.read("meeting_reports", ["meeting_id", "dispatch_id"]).to_pylist()
            live = {r["meeting_id"] for r in reports if r["dispatch_id"] not in redo}
            orphans = before - live
            store.delete("participants", "reported_in", redo)
            store.delete("participants", "meeting_id", orphans)
            # (an orphan meeting's reports are all of dispatches read again)
            store.delete("participant_reports", "dispatch_id", redo)
            store.delete("meetings", "meeting_id", orphans)
            # The reports go last: while they are there, a run killed in between is redone
            # by the next one, which deletes the rest again.
            store.delete("meeting_reports", "dispatch_id", redo)
    with clock("normalise"):
        # The run's resolver is built from the warehouse once (again after deletions).
        if redo:
            run.resolver = Resolver(_known(store), overrides)
        rows = tables(extracted, first=before, resolver=run.resolver)
    with clock("write"):
        # Reports first: a run killed after them is recognised as a re-run by the next one
        # (which then deletes what they lead to), so a meeting is never written twice. With
        # meetings first, a kill between the two left meetings no report pointed to, and the
        # next run added them again (seen once in the S3 kill test).
        store.append("meeting_reports", name, _arrow("meeting_reports", rows))
        store.append("meetings", name, _arrow("meetings", rows))
        store.append("participants", name, _arrow("participants", rows))
        store.append("participant_reports", name, _arrow("participant_reports", rows))
        # Before `persons`: a run killed between the two redoes this commit (its inputs
        # are not marked done), and renames again.
        store.update("participants", "person_id", "name", {r["person_id"]: r["name"] for r in rows["renamed_persons"]})
        for table, key in (("persons", "person_id"), ("organizations", "organization_id")):
            old = {r[key]: r for r in store.read(table).to_pylist()}
            for r in rows[table]:
                before = old.get(r[key], {})
                r["aliases"] = merge_aliases(before.get("aliases"), r["aliases"])
                if table == "persons":
                    r["keys"] = merge_aliases(before.get("keys"), r["keys"])
            store.merge(table, _arrow(table, rows))
        # Last: the inputs are done. A run killed before this line is redone by the next run.
        _mark_done(store, name, [f for r in results for f in r.inputs], manifest)
    run.committed.update(f.sha256 for r in results for f in r.inputs if f.sha256)
    run.resolver.written(rows)
    existing.update((did, hash(row["input"])) for row, _ in found
                    if (did := row["dispatch_id"]) in extracted and seen.get(did) == row["source_uri"]
                    and did not in existing)
    new_meetings = rows["meetings"]
    timings = {}
    for r in results:
        for k, v in r.timings.items():
            timings[f"worker_{k}"] = timings.get(f"worker_{k}", 0.0) + v
    timings |= {f"commit_{k}": v for k, v in clock.seconds.items()}
    timings["commit_other"] = time.perf_counter() - entered - sum(clock.seconds.values())
    # Dispatches kept in a language no pack reads (so with no meetings), per language.
    no_pack = Counter(row["language"] for row, _ in found
                      if row.get("pack_missing") and seen.get(row["dispatch_id"]) == row["source_uri"])
    return {
        "timings": timings,
        "no_pack": dict(no_pack),
        "dispatches": len(extracted),
        "dispatches_new": added,
        "rejects": len(rejects),
        "rejects_by_reason": dict(Counter(r["reason"] for r in rejects)),
        "meetings": len({r["meeting_id"] for r in rows["meeting_reports"]}),
        "participants": len(rows["participants"]),
        "new_meetings": [
            {"date": str(m["meeting_date"] or ""), "kind": m["kind"], "city": m["city"] or "",
             "evidence": m["evidence"][:160]}
            for m in new_meetings[:200]
        ],
    }


def _mtime(inputs: dict[str, InputFile], path: str) -> int:
    f = inputs.get(path)
    return f.mtime_ns if f is not None else 0


def _arrow(table: str, rows: dict[str, list[dict]]) -> pa.Table:
    return to_arrow(TABLES[table], rows[table])


def _known(store: Warehouse) -> Known:
    """The persons and meetings already in the warehouse that new reports may join."""
    persons = store.read("persons", ["person_id", "name", "keys"]).to_pylist()
    people = defaultdict(set)
    for r in store.read("participants", ["meeting_id", "person_id"]).to_pylist():
        people[r["meeting_id"]].add(r["person_id"])
    published = {r["dispatch_id"]: r["published_date"]
                 for r in store.read("dispatches", ["dispatch_id", "published_date"]).to_pylist()}
    first: dict[str, object] = {}
    for r in store.read("meeting_reports", ["meeting_id", "dispatch_id"]).to_pylist():
        day = published.get(r["dispatch_id"])
        if day is not None and (first.get(r["meeting_id"]) is None or day < first[r["meeting_id"]]):
            first[r["meeting_id"]] = day
    meetings = [
        KnownMeeting(m["meeting_id"], m["meeting_date"], m["date_basis"], m["kind"], people[m["meeting_id"]],
                     first.get(m["meeting_id"]))
        for m in store.read("meetings", ["meeting_id", "meeting_date", "date_basis", "kind"]).to_pylist()
    ]
    return Known(persons=persons, meetings=meetings)


def _mark_done(store: Warehouse, part: str, inputs: list[InputFile], manifest: dict) -> None:
    """Record inputs as committed: a new part of the manifest, folded into one every 50.
    Each row carries the time it was recorded: the latest record of a path wins."""
    now = time.time_ns()
    rows = [{"path": f.path, "size": f.size, "mtime_ns": f.mtime_ns, "sha256": f.sha256, "recorded_ns": now}
            for f in inputs]
    for f in inputs:
        manifest[f.path] = _Seen(f.size, f.mtime_ns, f.sha256, now)
    store.append_state(_MANIFEST, part, pa.Table.from_pylist(rows, schema=_MANIFEST_SCHEMA))
    if sum(p.rsplit("/", 1)[-1].startswith("part-") for p in store.state_parts(_MANIFEST)) >= 50:
        everything = [{"path": p, **v._asdict()} for p, v in sorted(manifest.items())]
        store.compact_state(_MANIFEST, pa.Table.from_pylist(everything, schema=_MANIFEST_SCHEMA))


@contextlib.contextmanager
def _stopped_on_interrupt(pool: ProcessPoolExecutor | None):
    """On an interrupt (Ctrl-C, SIGTERM) or a failure, drop the queued batches and stop the
    workers at once: leaving the pool's block would otherwise wait for every queued batch.
    Nothing a worker does is visible before a commit, so killing one loses nothing."""
    try:
        yield
    except BaseException:
        if isinstance(pool, ProcessPoolExecutor):
            stop_workers(pool)
        raise


def _add(total: dict, part: dict) -> None:
    for key, value in part.items():
        if isinstance(value, (int, float)):
            total[key] = total.get(key, 0) + value
        elif isinstance(value, dict):
            for k, v in value.items():
                total.setdefault(key, {})[k] = total.setdefault(key, {}).get(k, 0) + v
        elif isinstance(value, list):
            total.setdefault(key, []).extend(value)


@flow(name="dispatch-etl", log_prints=False)
def dispatch_etl(
    inbox: str | None = None,
    warehouse: str = "warehouse",
    batch_size: int = 1000,
    workers: int | None = None,
    commit_every: int = 5_000,
    max_bytes: int = DEFAULT_MAX_BYTES,
    aliases: str | None = None,
    reprocess: bool = False,
    feeds: list[str] | None = None,
    feed_timeout: float = 10.0,
    feed_retries: int = 3,
    report: str | None = None,
    compact_above: int = 64,
) -> dict:
    """Ingest every new file under `inbox` (and every new item of `feeds`) into the Parquet
    warehouse at `warehouse`.

    `workers`: processes for extraction (default: one per core). `commit_every`: inputs
    per commit on long runs. `aliases`: a YAML file of curated identities (`same:` and
    `different:` lists of names). `reprocess`: read every input again, not only new ones.
    `feeds`: RSS, Atom or JSON feed URLs, fetched with a timeout and retried with back-off.
    `report`: a folder to (re)write the warehouse's HTML report into after the run; its
    summary is published as the `dispatch-etl-report` artifact. `compact_above`: a table
    with more part files than this is compacted at the end of the run.
    """
    logger = get_run_logger()
    started = time.monotonic()
    inbox = str(inbox or inbox_io.example_inbox())
    overrides = inbox_io.read_overrides(aliases) if aliases else None
    store = Warehouse(warehouse)
    summary: dict = {"timings": {}, "no_pack": {}, "inputs": 0, "dispatches": 0, "dispatches_new": 0, "rejects": 0, "rejects_by_reason": {},
                     "meetings": 0, "participants": 0, "warehouse_meetings": 0, "warehouse_participants": 0,
                     "new_meetings": []}
    with store.lock():
        store.clear_staging()
        feed_rejects = _fetch_feeds(feeds or [], warehouse, feed_timeout, feed_retries, logger)
        scans = [(inbox, list(inbox_io.scan(inbox)))]
        if spool(warehouse).exists():
            scans.append((str(spool(warehouse)), list(inbox_io.scan(spool(warehouse)))))
        roots = {path: root for root, found in scans for path, *_ in found}
        files = [InputFile(*f) for _, found in scans for f in found]
        manifest = _read_manifest(store)
        changed = _pending(files, manifest)
        todo = _reading_order(files) if reprocess else changed
        summary["inputs"] = len(files)
        summary["inputs_read"] = len(todo)
        # With --reprocess, what is read is not all new: say how much of it is.
        summary["inputs_changed"] = len(changed)
        logger.info("%d input files in %s, %d new or changed", len(files), inbox, len(todo))
        seen = {"total": len(todo), "done": 0, "meetings": 0, "committed": 0}
        # The inputs to do, for an exact count of those committed if the run is interrupted.
        progress_log.info("started", extra={"progress": dict(seen), "pending": todo})
        present = {f.path for f in files}
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        run = uuid.uuid4().hex[:12]
        # Batches never mix the inbox with the feed spool: a batch is read from one folder.
        batches = [
            group[i:i + batch_size]
            for root in dict.fromkeys(roots.values())
            for group in [[f for f in todo if roots[f.path] == root]]
            for i in range(0, len(group), batch_size)
        ]
        per_commit = max(1, commit_every // batch_size)
        workers = min(workers or os.cpu_count() or 1, max(1, len(batches)))
        # In-process storage (memory://) and Dask: the tasks extract where they run.
        if batches and not _on_dask() and not store.io.in_process:
            pool_or_none = worker_pool(workers)
        else:
            pool_or_none = contextlib.nullcontext()
        with pool_or_none as pool, _stopped_on_interrupt(pool):
            in_flight: deque = deque()
            chunk: list[BatchResult] = []
            state = RunState()
            # Time the flow thread spends in Prefect itself: submitting tasks, running the
            # commit task beyond its own work. (Batch tasks' runs overlap the workers.)
            orchestration = [0.0]
            if batches:
                state.load_in_background(store, overrides, manifest)
            committed = 0

            def collect_one() -> None:
                nonlocal committed
                chunk.append(in_flight.popleft().result())
                seen["done"] += len(chunk[-1].inputs)
                seen["meetings"] += sum(len(found) for found in chunk[-1].extracted.values())
                progress_log.info("batch", extra={"progress": dict(seen)})
                if len(chunk) >= per_commit or not in_flight:
                    called = time.perf_counter()
                    # quote(): Prefect would otherwise walk every record looking for futures.
                    part = commit(warehouse, quote(list(chunk)), quote(present), quote(state), overrides, reprocess)
                    own = sum(v for k, v in part["timings"].items() if k.startswith("commit_"))
                    orchestration[0] += time.perf_counter() - called - own
                    _add(summary, part)
                    committed += sum(len(r.inputs) for r in chunk)
                    seen["committed"] = committed
                    progress_log.info("committed", extra={"progress": dict(seen)})
                    logger.info("committed %d of %d new or changed inputs", committed, len(todo))
                    chunk.clear()

            for n, batch in enumerate(batches):
                called = time.perf_counter()
                in_flight.append(process_batch.submit(
                    pool, roots[batch[0].path], Batch(batch), max_bytes, now, warehouse, f"{run}-{n:06d}"
                ))
                orchestration[0] += time.perf_counter() - called
                # A bounded number of batches in flight keeps memory flat on long backfills,
                # yet enough for the workers to go on while a chunk commits.
                if len(in_flight) > per_commit + 2 * workers:
                    collect_one()
            while in_flight:
                collect_one()
            summary["timings"]["orchestration"] = orchestration[0]
            summary["task_runs"] = len(batches) + -(-len(batches) // per_commit)
        if feed_rejects:
            store.merge("rejects", _rejects(feed_rejects), prefer="old")
            summary["rejects"] += len(feed_rejects)
            summary["rejects_by_reason"]["fetch_failed"] = len(feed_rejects)
        # Every table of the contract exists after a run, empty when nothing was found.
        store.create_missing_tables()
        # Frequent small runs add a part per commit: fold a table that has too many.
        for table in TABLES:
            folded = store.compact(table, above=compact_above)
            if folded:
                logger.info("compacted %s: %d part files into %d", table, *folded)
        summary["warehouse_meetings"] = store.read("meetings", ["meeting_id"]).num_rows
        summary["warehouse_participants"] = store.read("participants", ["meeting_id"]).num_rows
        if report:
            publish_report(warehouse, report)
        # For `dispatch-etl status`: when the last run ended, on what inbox, and what it did.
        store.write_note("last_run", {
            "finished_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "inbox": inbox,
            "seconds": round(time.monotonic() - started, 2),
            **{k: v for k, v in summary.items() if k not in ("new_meetings", "timings")},
        })
    summary["seconds"] = round(time.monotonic() - started, 2)
    logger.info(
        "%d inputs (%d read): %d dispatches (%d new), %d rejects, %d meetings, %d participants in %.1fs",
        summary["inputs"], summary["inputs_read"], summary["dispatches"], summary["dispatches_new"],
        summary["rejects"], summary["meetings"], summary["participants"], summary["seconds"],
    )
    create_markdown_artifact(key="dispatch-etl-summary", markdown=_summary_markdown(summary),
                             description="Counts of this dispatch-etl run")
    if summary["new_meetings"]:
        create_table_artifact(key="dispatch-etl-new-meetings", table=summary["new_meetings"][:200],
                              description="Meetings this run added (the first 200)")
    summary.pop("new_meetings")
    return summary


@task(name="report", cache_policy=NO_CACHE)
def publish_report(warehouse: str, out: str) -> str:
    """Write the warehouse's report into `out` and publish its summary as an artifact."""
    from dispatch_etl.report import write_report

    report = write_report(warehouse, out)
    create_markdown_artifact(key="dispatch-etl-report", markdown=report.markdown(),
                             description="The warehouse's meetings: top hosts, guests and ties")
    return str(report.files["html"])


def _rejects(rows: list[dict]) -> pa.Table:
    """Reject rows stamped with the time they were written; merged with prefer="old", the
    first rejection of an input keeps its time when a later run meets it again."""
    now = dt.datetime.now(dt.timezone.utc)
    return to_arrow(REJECTS, [{**row, "rejected_at": row.get("rejected_at") or now} for row in rows])


def _fetch_feeds(urls: list[str], warehouse: str, timeout: float, retries: int, logger) -> list[dict]:
    """Fetch every feed (retried with back-off); a feed that still fails is a reject row."""
    fetcher = fetch_feed.with_options(retries=retries, retry_delay_seconds=[2 ** i for i in range(retries)])
    futures = [(url, fetcher.submit(url, warehouse, timeout)) for url in urls]
    rejects = []
    for url, future in futures:
        try:
            logger.info("feed %s: %d new items", url, future.result())
        except Exception as exc:  # noqa: BLE001 - any failure of one feed must not stop the run
            logger.warning("feed %s failed after %d retries: %s", url, retries, exc)
            rejects.append({"source_uri": url, "reason": "fetch_failed", "detail": f"{type(exc).__name__}: {exc}"[:500],
                            "content_sha256": None})
    return rejects


def _summary_markdown(summary: dict) -> str:
    lines = ["# dispatch-etl run", "", "| what | count |", "|---|---|"]
    for key in ("inputs", "inputs_read", "inputs_changed", "dispatches", "dispatches_new", "rejects", "meetings", "participants",
                "seconds"):
        lines.append(f"| {key} | {summary.get(key, 0)} |")
    for reason, n in sorted(summary["rejects_by_reason"].items()):
        lines.append(f"| rejects: {reason} | {n} |")
    for code, n in sorted(summary.get("no_pack", {}).items()):
        lines.append(f"| dispatches in {code}, a language without a pack | {n} |")
    return "\n".join(lines)
