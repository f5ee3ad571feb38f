"""`dispatch-etl`: turn news dispatches into Parquet tables of meetings, and look after
the warehouse they are in."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperCommand, TyperGroup


def _flags_take_no_value(params: list) -> list:
    """Typer shows `<bool>` beside a flag in the help, as if it took a value (`--reprocess
    true` then fails): a flag's help shows no type."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    return params


class _Command(TyperCommand):
    def get_params(self, ctx) -> list:
        return _flags_take_no_value(super().get_params(ctx))


class _Group(TyperGroup):
    def get_params(self, ctx) -> list:
        return _flags_take_no_value(super().get_params(ctx))


app = typer.Typer(add_completion=False, no_args_is_help=True, cls=_Group)
_command = functools.partial(app.command, cls=_Command)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"dispatch-etl {version('dispatch-etl')}")
        except PackageNotFoundError:  # run from a source tree that was never installed
            from dispatch_etl import __version__

            typer.echo(f"dispatch-etl {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn news dispatches about officials' meetings into Parquet tables: `run` reads an
    inbox into a warehouse (`serve` does it on a schedule), `status` and `compact` look
    after the warehouse, `report` and `evaluate` read it, `export` writes a table out as
    CSV, JSON Lines or Parquet."""


@_command()
def run(
    inbox: Annotated[Optional[Path], typer.Option(help="Folder of raw dispatches (default: the bundled examples).")] = None,
    warehouse: Annotated[str, typer.Option(help="Warehouse the tables are written to: a folder or an fsspec URL (s3://bucket/path).")] = "warehouse",
    batch_size: Annotated[int, typer.Option(min=1, help="Input files per Prefect task.")] = 1000,
    commit_every: Annotated[int, typer.Option(min=1, help="Inputs per commit: what an interrupted run keeps.")] = 5000,
    workers: Annotated[Optional[int], typer.Option(min=1, help="Extraction processes (default: one per core).")] = None,
    reprocess: Annotated[bool, typer.Option("--reprocess", help="Read every input again, not only new or changed ones.")] = False,
    aliases: Annotated[Optional[Path], typer.Option(help="YAML of curated identities: `same:` and `different:` lists of names.")] = None,
    feed: Annotated[Optional[list[str]], typer.Option(help="An RSS, Atom or JSON feed URL to ingest too (repeatable).")] = None,
    feed_timeout: Annotated[float, typer.Option(min=0.1, help="Seconds before a feed request gives up.")] = 10.0,
    report: Annotated[Optional[Path], typer.Option(help="Also write the warehouse's HTML report into this folder.")] = None,
    dask: Annotated[bool, typer.Option("--dask", help="Run the extraction tasks on a local Dask cluster (--workers processes).")] = False,
    dask_address: Annotated[Optional[str], typer.Option(help="Run the extraction tasks on the Dask scheduler at this address (tcp://host:8786).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run's summary as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also show Prefect's own INFO logs, and tracebacks.")] = False,
) -> None:
    """Ingest every dispatch under INBOX into the Parquet tables under WAREHOUSE.

    Exit codes: 0 done; 2 bad arguments; 3 another run holds the warehouse; 4 a failure
    the operator can fix (disk full, permission denied, an unreadable part file), named in
    one line; 130 interrupted by Ctrl-C (SIGINT), 143 by SIGTERM: what was committed is
    kept and the same command continues.
    """
    from dispatch_etl.runtime import raise_on_signals

    raise_on_signals()
    try:
        summary = _run(inbox, warehouse, batch_size, commit_every, workers, reprocess, aliases, feed, feed_timeout, report,
                       dask, dask_address, verbose, as_json)
    except BaseException as exc:  # noqa: BLE001 - every way out ends in one line and an exit code
        _fail(exc, warehouse, inbox, verbose)
    if summary is None:  # nothing new, and said so
        return
    if as_json:
        typer.echo(json.dumps(summary, indent=2, default=str))
        return
    typer.echo(summary_line(summary, reprocess))
    typer.echo(
        f"{warehouse.rstrip('/')} now holds {summary['warehouse_meetings']} meetings and "
        f"{summary['warehouse_participants']} participants"
    )


def summary_line(summary: dict, reprocess: bool = False) -> str:
    """What a run did, in one line. With --reprocess, what was read again is not called
    new: the line says how much of it was."""
    from dispatch_etl.status import no_pack_note

    rejects = ", ".join(f"{n} {r}" for r, n in sorted(summary["rejects_by_reason"].items()))
    changed = summary.get("inputs_changed", summary["inputs_read"])
    read = (f"{summary['inputs_read']} read again by --reprocess, {changed} of them new or changed" if reprocess
            else f"{summary['inputs_read']} new or changed")
    return (
        f"{summary['inputs']} inputs ({read}) -> {summary['dispatches']} dispatches "
        f"({summary['dispatches_new']} new), {summary['rejects']} rejects"
        + (f" ({rejects})" if rejects else "")
        + f", {summary['meetings']} meetings, {summary['participants']} participants"
        f" in {summary['seconds']:.1f}s"
        + no_pack_note(summary.get("no_pack") or {})
    )


def _run(inbox, warehouse, batch_size, commit_every, workers, reprocess, aliases, feed, feed_timeout, report, dask,
         dask_address, verbose, as_json) -> dict | None:
    if inbox is not None and not inbox.is_dir():
        typer.echo(f"error: inbox {inbox} is not a folder", err=True)
        raise typer.Exit(2)
    if aliases is not None:
        from dispatch_etl.inbox import read_overrides

        try:
            read_overrides(aliases)
        except ValueError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
    if not (reprocess or feed or report or dask or dask_address or as_json):
        # Nothing to read: say so without starting Prefect (its start-up is most of a no-op run).
        from dispatch_etl.inbox import example_inbox
        from dispatch_etl.status import nothing_new

        said = nothing_new(warehouse, inbox or example_inbox())
        if said:
            typer.echo(said)
            return None
    from dispatch_etl.runtime import TemporaryApi, apply_prefect_defaults, quiet_prefect_console

    apply_prefect_defaults(verbose)
    # The temporary server (when no API is configured) boots while the flow's modules load.
    api = TemporaryApi.launch(quiet=not verbose)
    from flows.work import start_workers_early, stop_early_workers

    try:
        if not (dask or dask_address):  # the first extraction worker warms up meanwhile too
            start_workers_early(workers)
        from dispatch_etl.progress import displayed

        flow = _flow(dask, dask_address, workers)
        if not verbose:
            quiet_prefect_console()
        if api is not None:
            api.wait()
        with displayed() as display:
            try:
                return flow(
                    inbox=str(inbox) if inbox else None,
                    warehouse=str(warehouse),
                    batch_size=batch_size,
                    commit_every=commit_every,
                    workers=workers,
                    reprocess=reprocess,
                    aliases=str(aliases) if aliases else None,
                    feeds=list(feed or []),
                    feed_timeout=feed_timeout,
                    report=str(report) if report else None,
                )
            except BaseException as exc:
                exc.progress = dict(display.last, pending=display.pending)  # for the closing line
                raise
    finally:
        stop_early_workers()  # when no run took them (it stopped first, or needed none)


def _fail(exc: BaseException, warehouse: str, inbox: Path | None, verbose: bool):
    """End a run that did not finish with one line and an exit code (the traceback only with
    --verbose; Prefect's run logs always have it)."""
    import signal
    import traceback

    from dispatch_etl.runtime import signal_number
    from dispatch_etl.warehouse import CorruptPart, WarehouseBusy, WarehouseError

    if isinstance(exc, (typer.Exit, typer.Abort, SystemExit)):
        raise exc
    if verbose:
        traceback.print_exception(exc)
    signum = signal_number(exc)
    if signum is not None:
        done = getattr(exc, "progress", {})
        name = signal.Signals(signum).name
        committed = 0
        if done.get("pending"):
            from flows.manifest import committed as committed_of

            with contextlib.suppress(Exception):  # the count is a courtesy: never a traceback for it
                committed = committed_of(warehouse, done["pending"])
        if not done.get("pending"):
            typer.echo(f"interrupted by {name} before any input was read: nothing was committed to {warehouse}; "
                       "run the same command again to start over", err=True)
        else:
            typer.echo(f"interrupted by {name}: {committed} of {done.get('total', 0)} new or changed inputs "
                       f"were committed to {warehouse}; run the same command again to continue with the rest",
                       err=True)
        # The run has stopped, its lock is released and its state reported: leave without the
        # interpreter's shutdown, whose Prefect exit hooks (stopping the temporary server,
        # draining log queues) took over 5 s on a busy machine. The temporary server dies with
        # this process (parent-death signal).
        sys.stdout.flush()
        sys.stderr.flush()
        # (the frames the exception holds keep the stopped worker pool alive: freed now, its
        # queues' semaphores are released, or the resource tracker would warn about them)
        exc.__traceback__ = exc.__context__ = exc.__cause__ = None
        import gc

        gc.collect()
        os._exit(128 + signum)
    if isinstance(exc, CorruptPart):
        again = f"dispatch-etl run --inbox {inbox or '<inbox>'} --warehouse <new folder>"
        typer.echo(f"error: {exc.cause} {exc.path}; move the warehouse aside and rebuild it from its inputs "
                   f"({again}); `dispatch-etl status --warehouse {warehouse} --verify` lists every unreadable "
                   "file", err=True)
        raise typer.Exit(4)
    if isinstance(exc, WarehouseError):
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(3 if isinstance(exc, WarehouseBusy) else 4)
    if not verbose:
        typer.echo(f"error: {type(exc).__name__}: {exc} (run again with --verbose for the traceback)", err=True)
    raise typer.Exit(1)


@_command()
def serve(
    inbox: Annotated[Path, typer.Option(help="Folder of raw dispatches to watch.")],
    warehouse: Annotated[str, typer.Option(help="Warehouse the tables are written to: a folder or an fsspec URL (s3://bucket/path).")] = "warehouse",
    cron: Annotated[str, typer.Option(help="When to run, as a cron expression.")] = "*/10 * * * *",
    name: Annotated[str, typer.Option(help="Name of the Prefect deployment.")] = "dispatch-etl",
    report: Annotated[Optional[Path], typer.Option(help="Rewrite the warehouse's HTML report in this folder after each run.")] = None,
    dask: Annotated[bool, typer.Option("--dask", help="Run the extraction tasks on a local Dask cluster.")] = False,
    dask_address: Annotated[Optional[str], typer.Option(help="Run the extraction tasks on the Dask scheduler at this address.")] = None,
) -> None:
    """Serve the flow as a Prefect deployment that runs on a schedule until stopped.

    Each scheduled run reads only what is new in INBOX. Point PREFECT_API_URL at a Prefect
    server (`prefect server start`) to watch the runs in its UI.
    """
    if not inbox.is_dir():
        typer.echo(f"error: inbox {inbox} is not a folder", err=True)
        raise typer.Exit(2)
    from dispatch_etl.runtime import apply_prefect_defaults

    apply_prefect_defaults()
    _flow(dask, dask_address, None).serve(
        name=name,
        cron=cron,
        parameters={"inbox": str(inbox.resolve()), "warehouse": _location(warehouse),
                    **({"report": str(report.resolve())} if report else {})},
    )


@_command("status")
def status_command(
    warehouse: Annotated[str, typer.Option(help="Warehouse to describe: a folder or an fsspec URL.")] = "warehouse",
    inbox: Annotated[Optional[Path], typer.Option(help="Also count the inputs of this inbox not yet committed.")] = None,
    verify: Annotated[bool, typer.Option("--verify", help="Read every part file; name the unreadable ones and how to rebuild them.")] = False,
) -> None:
    """Rows and part files per table, the last run, rejects by reason, pending inputs.

    Exit codes: 0; 2 no warehouse there, or the inbox is not a folder; 4 with --verify, some
    part file is unreadable.
    """
    from dispatch_etl.status import status
    from dispatch_etl.warehouse import Warehouse

    if not Warehouse(warehouse).exists():
        typer.echo(f"error: no warehouse at {warehouse}", err=True)
        raise typer.Exit(2)
    if inbox is not None and not inbox.is_dir():
        typer.echo(f"error: inbox {inbox} is not a folder", err=True)
        raise typer.Exit(2)
    found = status(warehouse, inbox, verify)
    for line in found.lines():
        typer.echo(line)
    if found.unreadable:
        raise typer.Exit(4)


@_command()
def compact(
    warehouse: Annotated[str, typer.Option(help="Warehouse whose tables to compact (a local folder).")] = "warehouse",
    above: Annotated[int, typer.Option(min=1, help="Compact only tables with more part files than this.")] = 1,
) -> None:
    """Fold each table's many part files into few, atomically; never beside a writer.

    A compaction killed at any point leaves every table complete, nothing doubled.

    Exit codes: 0; 2 no warehouse there; 3 a run holds the warehouse; 4 disk full or
    permission denied (one line).
    """
    from dispatch_etl.schema import TABLES
    from dispatch_etl.warehouse import Warehouse, WarehouseBusy, WarehouseError

    store = Warehouse(warehouse)
    if not store.exists():
        typer.echo(f"error: no warehouse at {warehouse}", err=True)
        raise typer.Exit(2)
    if not store.io.can_exchange:
        typer.echo(f"error: {warehouse} cannot be compacted: it needs a local Linux file system "
                   "(an atomic exchange of two folders)", err=True)
        raise typer.Exit(2)
    try:
        with store.lock():
            for table in TABLES:
                folded = store.compact(table, above=above)
                if folded:
                    typer.echo(f"{table}: {folded[0]} part files -> {folded[1]}")
                else:
                    typer.echo(f"{table}: {len(store.parts(table))} part files, left as they are")
    except WarehouseError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(3 if isinstance(exc, WarehouseBusy) else 4) from None


@_command("report")
def report_command(
    out: Annotated[Path, typer.Option(help="Folder to write index.html and the PNG charts into.")],
    warehouse: Annotated[str, typer.Option(help="Warehouse to report on: a folder or an fsspec URL.")] = "warehouse",
    since: Annotated[Optional[str], typer.Option(help="Only meetings on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Only meetings on or before this date (YYYY-MM-DD).")] = None,
    organization: Annotated[Optional[str], typer.Option(help="Only meetings this organisation took part in.")] = None,
    person: Annotated[Optional[str], typer.Option(help="Only meetings this person took part in.")] = None,
) -> None:
    """Write a self-contained HTML report (and PNGs) of the warehouse.

    Meetings per month, top hosts and guests, and the network of who met whom."""
    from dispatch_etl.report import write_report

    try:
        result = write_report(warehouse, out, since=since, until=until, organization=organization, person=person)
    except (LookupError, ValueError, FileNotFoundError) as exc:
        typer.echo(f"error: {exc.args[-1] if exc.args else exc}", err=True)
        raise typer.Exit(2) from None
    c = result.counts
    typer.echo(f"{result.files['html']}: {c['meetings']} meetings, {c['participants']} participations, "
               f"{c['persons']} persons, {c['organizations']} organisations")


@_command()
def evaluate(
    gold: Annotated[Path, typer.Option(help="Gold annotations, one JSON object per dispatch (JSON Lines).")],
    warehouse: Annotated[str, typer.Option(help="Warehouse to score: a folder or an fsspec URL.")] = "warehouse",
    only: Annotated[Optional[str], typer.Option(help="Score only the gold documents whose name starts with this.")] = None,
    split: Annotated[Optional[str], typer.Option(help="Score only the gold documents of this split (`tune`, `held-out`).")] = None,
    errors: Annotated[bool, typer.Option("--errors/--no-errors", help="List every error.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the warehouse's meetings and participants against a gold file.

    Gold documents are matched to dispatches by file name without extension
    (`fr-001` ↔ `fr-001.txt`). Meetings are matched by shared participants;
    participants by name. Prints the scores overall, per language and per source,
    the calibration of the rows' confidence (rows and precision per band), and the
    errors counted by cause.
    """
    from dispatch_etl.evaluation import calibration_report, predictions, read_gold, score_lines
    from transforms.evaluate import grouped, score

    if not gold.is_file():
        typer.echo(f"error: gold file {gold} not found", err=True)
        raise typer.Exit(2)
    try:
        gold_docs = read_gold(gold)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if only:
        gold_docs = [g for g in gold_docs if g["doc"].startswith(only)]
    if split:
        gold_docs = [g for g in gold_docs if g.get("split") == split]
    predicted = predictions(warehouse)
    result = score(gold_docs, predicted)
    by = {key: grouped(gold_docs, predicted, key) for key in ("language", "source")}
    if as_json:
        typer.echo(json.dumps({
            "documents": len(gold_docs),
            "scores": result.summary(),
            **{f"by_{key}": {v: s.summary() for v, s in groups.items()} for key, groups in by.items()},
            "calibration": calibration_report(result),
            "causes": dict(result.causes),
            "errors": result.errors,
        }, indent=2))
        return
    if errors:
        for line in result.errors:
            typer.echo(line)
        typer.echo("")
    typer.echo(f"{len(gold_docs)} gold documents")
    for line in score_lines(result, by):
        typer.echo(line)


@_command()
def export(
    table: Annotated[str, typer.Option(help="Table to export: events, meetings, participants, persons, … (any table).")],
    out: Annotated[Path, typer.Option(help="File to write.")],
    format: Annotated[str, typer.Option("--format", help="csv, jsonl or parquet.")] = "csv",
    warehouse: Annotated[str, typer.Option(help="Warehouse to read: a folder or an fsspec URL.")] = "warehouse",
) -> None:
    """Write one table to a file: CSV (list columns as JSON arrays in the cell), JSON Lines
    (the events table in PLOVER's field names) or Parquet.

    Exit codes: 0; 2 no warehouse there, or an unknown table or format.
    """
    from dispatch_etl.export import EXPORTABLE, FORMATS, exported, write_export
    from dispatch_etl.tables import Tables

    if format not in FORMATS:
        typer.echo(f"error: no format {format!r}; the formats are {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    if table not in EXPORTABLE:
        typer.echo(f"error: no table {table!r}; the tables are {', '.join(EXPORTABLE)}", err=True)
        raise typer.Exit(2)
    try:
        data = exported(Tables(warehouse), table)
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    written = write_export(data, table, format, out)
    typer.echo(f"{written}: {data.num_rows} {table} rows as {format}")


def _flow(dask: bool, address: str | None, workers: int | None):
    """The flow, on Prefect's default task runner or on Dask."""
    from flows.etl import dask_runner, dispatch_etl

    if not (dask or address):
        return dispatch_etl
    try:
        runner = dask_runner(address, workers)
    except ImportError:
        typer.echo("error: Dask needs prefect-dask: pip install 'dispatch-etl[dask]'", err=True)
        raise typer.Exit(2) from None
    return dispatch_etl.with_options(task_runner=runner)


def _location(warehouse: str) -> str:
    """A warehouse location that means the same from any working folder."""
    from dispatch_etl.warehouse import is_url

    return warehouse if is_url(warehouse) else str(Path(warehouse).resolve())


def main() -> None:
    app(prog_name="dispatch-etl")


if __name__ == "__main__":
    sys.exit(main())
