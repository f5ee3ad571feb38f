"""The CPU-bound part of a run, done in worker processes: read, decode, parse, extract.

No Prefect here: the flow's tasks hand batches to a process pool that runs
`process_files`, so both cores work on extraction while Prefect orchestrates.
A batch's dispatch rows (the bulky text) are staged to the warehouse from the
worker; only small records travel back to the flow.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from dispatch_etl import inbox as inbox_io
from dispatch_etl.schema import DISPATCHES, to_arrow
from dispatch_etl.warehouse import Warehouse
from transforms.extract import meetings
from transforms.ingest import Reject, raw_documents
from transforms.lang import available
from transforms.parse import dispatch


@dataclass(slots=True)
class InputFile:
    path: str  # relative to the inbox
    size: int
    mtime_ns: int
    sha256: str | None = None


class Batch:
    """A batch of input files as one opaque task argument: Prefect (and prefect-dask) walk
    lists and dataclasses in task arguments looking for futures, ~0.1 s for 1,000 files;
    an object of this plain class is passed as it is."""

    __slots__ = ("files",)

    def __init__(self, files: list[InputFile]):
        self.files = files

    def __getstate__(self) -> list[InputFile]:
        return self.files

    def __setstate__(self, files: list[InputFile]) -> None:
        self.files = files


@dataclass
class BatchResult:
    """What one batch of input files became."""

    inputs: list[InputFile] = field(default_factory=list)
    dispatches: list[dict] = field(default_factory=list)  # dispatch_id, source_uri, content_sha256, input
    rejects: list[dict] = field(default_factory=list)
    extracted: dict[str, list[dict]] = field(default_factory=dict)
    staged: str | None = None  # name of the staged dispatches file
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, in the worker


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of at most `workers` extraction processes, started as batches come; the one
    `start_workers_early` started if there is one (it is warm by now, or getting there)."""
    global _early
    early, _early = _early, None
    if early is not None and early[1] >= workers:
        return early[0]
    if early is not None:
        stop_workers(early[0])
    return _new_pool(workers)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    # Spawned workers: forking a process that runs Prefect's threads is unsafe.
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=start_worker)


_early: tuple[ProcessPoolExecutor, int] | None = None


def start_workers_early(workers: int | None = None) -> None:
    """Start the next run's first extraction worker now, so that it warms up while this
    process does something else (the command line waits for Prefect's temporary server);
    the run's `worker_pool` takes it. The pool starts more workers as batches come, up to
    `workers` (default: one per core)."""
    global _early
    count = workers or os.cpu_count() or 1
    pool = _new_pool(count)
    # (kept before its process starts: a stop signal delivered as the start ends must find
    # it, for `stop_early_workers` to stop the process)
    _early = (pool, count)
    submit(pool, int)  # starts one process


def submit(pool: ProcessPoolExecutor, fn, *args):
    """`pool.submit`, which may start a worker process: the process is started with
    Ctrl-C and SIGTERM blocked (a signal mask is inherited through the exec), so that a
    stop sent to the process group while it loads, before its initializer runs, does not
    end it with a traceback of its own. (The run stops its workers with SIGKILL.)"""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        return pool.submit(fn, *args)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def stop_early_workers() -> None:
    """Stop workers started early that no run took (the run stopped first, or needed none)."""
    global _early
    early, _early = _early, None
    if early is not None:
        stop_workers(early[0])
        del early
        # The pool's objects hold each other: collected now, their semaphores are released
        # before the command line leaves (else the resource tracker warns about them).
        gc.collect()


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Drop a pool's queued batches and kill its processes now: they ignore the process
    group's signals, and a worker busy warming up or extracting would otherwise outlive a
    run that is leaving. Nothing a worker does is visible before a commit."""
    # The pool keeps its processes in a private mapping (Python 3.14 has
    # terminate_workers(); this project supports 3.11).
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()
    for process in processes:
        process.join(timeout=5)
    pool.shutdown(wait=True)  # its queues' semaphores are released now, not left to the exit


def start_worker() -> None:
    """A pool worker's start: it ignores Ctrl-C and SIGTERM sent to the process group (the
    run that owns it stops it, and would otherwise get a traceback from every worker),
    then warms up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    warm()


def warm() -> None:
    """Load the language packs, gazetteers and lists once per worker, before the first batch."""
    from transforms import geo, officials
    from transforms.lang import available, pack
    from transforms.orgs import registry

    from transforms.extract import meetings
    from transforms.ingest import RawDoc
    from transforms.parse import dispatch as parse

    for code in available():
        pack(code)
        geo.country_code("France", code)
    registry()
    officials.find("Jean Dupont")
    geo.city_country("Baku")
    # One dispatch through every stage loads what the libraries load lazily.
    for text in (" date 2023-02 Bakou, 23 février, AZERTAC\n\nLe ministre a reçu hier M. Jean Dupont.",
                 " date 2023-02 Baku, February 23, AZERTAC\n\nThe Minister received Mr John Smith yesterday."):
        meetings(parse(RawDoc("warm.txt", text, "0" * 64)))


def process_files(
    inbox: str, files: list[InputFile], max_bytes: int, ingested_at: dt.datetime, warehouse: str, stage: str
) -> BatchResult:
    """Read, decode, parse and extract one batch of input files; stage their dispatches."""
    clock = StageClock()
    out = BatchResult(timings=clock.seconds)
    rows = []
    for f in files:
        with clock("read"):
            data, size = inbox_io.read_bytes(inbox, f.path, max_bytes)
        if size > max_bytes and not f.path.lower().endswith(".gz"):
            f.sha256 = inbox_io.file_sha256(inbox, f.path)
            out.inputs.append(f)
            out.rejects.append(
                Reject(f.path, "too_large", f"{size} bytes, over the limit of {max_bytes}", f.sha256).row()
            )
            continue
        with clock("decode"):
            ingested = raw_documents(f.path, data, max_bytes)
        f.sha256 = ingested.sha256
        out.inputs.append(f)
        out.rejects.extend(r.row() for r in ingested.rejects)
        for raw in ingested.docs:
            with clock("parse"):
                d = dispatch(raw)
            if d is None:
                out.rejects.append(
                    Reject(raw.source_uri, "no_body", "no body text after the header and dateline",
                           raw.content_sha256).row()
                )
                continue
            pack_missing = d.language not in available()
            rows.append(d.row(ingested_at) | {"input_path": f.path, "pack_missing": pack_missing})
            out.dispatches.append({
                "dispatch_id": d.dispatch_id, "source_uri": d.source_uri,
                "content_sha256": d.content_sha256, "input": f.path,
                "language": d.language, "pack_missing": pack_missing,
            })
            with clock("extract"):
                try:
                    out.extracted[d.dispatch_id] = meetings(d)
                except Exception as exc:  # noqa: BLE001 - one dispatch the extractor fails on must not stop a run
                    # Kept, with no meetings, and named in rejects: `--reprocess` reads it again.
                    out.extracted[d.dispatch_id] = []
                    out.rejects.append(Reject(
                        d.source_uri, "extract_failed", f"the extractor failed: {type(exc).__name__}: {exc}",
                        d.content_sha256).row())
    if rows:
        with clock("write"):
            Warehouse(warehouse).stage("dispatches", stage, to_arrow(DISPATCHES, rows))
        out.staged = stage
    return out


class StageClock:
    """Adds up the seconds spent in each named stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._stage = ""

    def __call__(self, stage: str) -> StageClock:
        self._stage = stage
        return self

    def __enter__(self) -> None:
        self._started = time.perf_counter()

    def __exit__(self, *exc) -> None:
        self.seconds[self._stage] = self.seconds.get(self._stage, 0.0) + time.perf_counter() - self._started
