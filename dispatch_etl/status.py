"""What `dispatch-etl status` tells an operator about a warehouse: rows and part files per
table, the last run, rejects by reason, inputs still pending in an inbox, and (verify)
the part files that do not read."""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from dispatch_etl.schema import TABLES
from dispatch_etl.warehouse import Warehouse


@dataclass
class Status:
    location: str
    tables: dict[str, tuple[int, int]] = field(default_factory=dict)  # table -> (rows, part files)
    last_run: dict | None = None
    rejects: dict[str, int] = field(default_factory=dict)
    inbox: str | None = None
    inputs: int | None = None
    pending: int | None = None
    unreadable: list[tuple[str, str]] | None = None  # (path, reason), when verified

    def lines(self) -> list[str]:
        out = [f"warehouse {self.location}"]
        width = max(map(len, self.tables))
        for name, (rows, parts) in self.tables.items():
            out.append(f"  {name:<{width}}  {rows:>10,} rows  {parts:>5} part files")
        run = self.last_run
        if run:
            out.append(f"last run: finished {run.get('finished_at')} in {run.get('seconds', 0):.1f}s on "
                       f"{run.get('inbox')}: {run.get('inputs', 0)} inputs ({_read(run)}) -> {run.get('dispatches', 0)} dispatches ({run.get('dispatches_new', 0)} new), "
                       f"{run.get('rejects', 0)} rejects, {run.get('meetings', 0)} meetings, "
                       f"{run.get('participants', 0)} participants{no_pack_note(run.get('no_pack') or {})}")
        else:
            out.append("last run: none recorded")
        rejects = ", ".join(f"{n} {reason}" for reason, n in sorted(self.rejects.items()))
        out.append(f"rejects by reason: {rejects or 'none'}")
        if self.inbox is not None:
            out.append(f"inbox {self.inbox}: {self.inputs} inputs, {self.pending} pending (new or changed)")
        if self.unreadable is not None:
            if not self.unreadable:
                out.append("verify: every part file reads")
            for path, reason in self.unreadable:
                out.append(f"unreadable: {path} ({reason})")
            if self.unreadable:
                out.append(f"rebuild: {rebuild_command(self.location, (self.last_run or {}).get('inbox'))}")
        return out


def _read(run: dict) -> str:
    """What the last run read: new or changed inputs, or everything again (--reprocess)."""
    read, changed = run.get("inputs_read", 0), run.get("inputs_changed")
    if changed is None or changed == read:
        return f"{read} new or changed"
    return f"{read} read again by --reprocess, {changed} of them new or changed"


def no_pack_note(no_pack: dict[str, int]) -> str:
    """`; 3 dispatches in languages without a pack: de 2, it 1` (kept, not read for
    meetings), or nothing."""
    total = sum(no_pack.values())
    if not total:
        return ""
    counts = ", ".join(f"{code} {n}" for code, n in sorted(no_pack.items(), key=lambda kv: (-kv[1], kv[0])))
    return (f"; {total} dispatch{'es' if total != 1 else ''} in language{'s' if len(no_pack) != 1 else ''} "
            f"without a pack: {counts}")


def rebuild_command(location: str, inbox: str | None) -> str:
    """How to rebuild a warehouse from its inputs: ids come from the content, so a fresh run
    into a new folder gives the same rows (with new ingested_at times)."""
    fresh = location.rstrip("/") + ".rebuilt"
    return (f"dispatch-etl run --inbox {inbox or '<inbox>'} --warehouse {fresh}, then replace "
            f"{location} by {fresh} (move the old one aside first)")


def status(location: str, inbox: str | os.PathLike | None = None, verify: bool = False) -> Status:
    store = Warehouse(location)
    found = Status(location)
    for name in TABLES:
        parts = store.part_rows(name)
        found.tables[name] = (sum(rows or 0 for _, rows in parts), len(parts))
    found.last_run = store.read_note("last_run")
    try:
        reasons = store.read("rejects", ["reason"]).column("reason").to_pylist()
        found.rejects = dict(Counter(reasons))
    except Exception:  # noqa: BLE001 - an unreadable rejects part shows under verify
        found.rejects = {}
    if inbox is not None:
        from dispatch_etl import inbox as inbox_io
        from flows.manifest import pending, read_manifest

        files = [_Input(*f) for f in inbox_io.scan(inbox)]
        found.inbox, found.inputs = str(inbox), len(files)
        found.pending = len(pending(files, read_manifest(store)))
    if verify:
        found.unreadable = store.unreadable()
    return found


class _Input(NamedTuple):
    path: str
    size: int
    mtime_ns: int


def nothing_new(location: str, inbox: str | os.PathLike) -> str | None:
    """When a run would have nothing to do (every input of the inbox committed as it is now,
    every table there, no feed items waiting), the line that says so; else None. Reads
    the manifest and the inbox's file sizes and times only: no Prefect, no flow run.
    Raises WarehouseBusy, as a run would, while another run writes."""
    from dispatch_etl import inbox as inbox_io
    from dispatch_etl.warehouse import is_url
    from flows.manifest import pending, read_manifest

    started = time.monotonic()
    store = Warehouse(location)
    if is_url(location) or not store.exists() or os.path.exists(os.path.join(location, "_feeds")):
        return None
    with store.lock():
        rows = {table: store.part_rows(table) for table in TABLES}
        # A missing table, or a part whose footer does not read: a run makes or names it.
        if any(not parts or any(n is None for _, n in parts) for parts in rows.values()):
            return None
        files = [_Input(*f) for f in inbox_io.scan(inbox)]
        if pending(files, read_manifest(store)):
            return None
        meetings = sum(n for _, n in rows["meetings"])
        participants = sum(n for _, n in rows["participants"])
    return (f"nothing new: all {len(files)} inputs in {inbox} are committed; {location.rstrip('/')} holds "
            f"{meetings} meetings and {participants} participants (checked in {time.monotonic() - started:.1f}s, "
            "no flow run)")
