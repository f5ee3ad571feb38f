"""The run manifest (`_state/inputs`): which inputs are committed, as path, size,
modification time and content hash. No Prefect here, so the command line can tell
quickly whether there is anything to do."""

from __future__ import annotations

from typing import NamedTuple

import pyarrow as pa

from dispatch_etl.warehouse import Warehouse

MANIFEST = "inputs"
# `recorded_ns`: when the row was committed. A path committed twice (touched, edited) has
# a row in two parts, and part names do not sort by time: the latest record is the one
# with the highest `recorded_ns` (rows of manifests written before it count as oldest).
MANIFEST_SCHEMA = pa.schema(
    [("path", pa.string()), ("size", pa.int64()), ("mtime_ns", pa.int64()), ("sha256", pa.string()),
     ("recorded_ns", pa.int64())]
)


class Seen(NamedTuple):
    size: int
    mtime_ns: int
    sha256: str | None
    recorded_ns: int = 0


def read_manifest(store: Warehouse) -> dict[str, Seen]:
    """Every input committed so far: path -> size, mtime, content hash and when it was
    recorded (the latest record of a path wins)."""
    data = store.read_state(MANIFEST)
    if data is None:
        return {}
    recorded = (data.column("recorded_ns").to_pylist() if "recorded_ns" in data.column_names
                else [None] * data.num_rows)
    columns = [data.column(c).to_pylist() for c in ("path", "size", "mtime_ns", "sha256")]
    found: dict[str, Seen] = {}
    for path, size, mtime, sha, at in zip(*columns, recorded):
        seen = Seen(size, mtime, sha, at or 0)
        # `>=`: among rows of equal time (old manifests), the later part wins, as before.
        if path not in found or seen.recorded_ns >= found[path].recorded_ns:
            found[path] = seen
    return found


def pending(files: list, manifest: dict[str, Seen]) -> list:
    """Inputs (anything with path, size and mtime_ns) new or changed since they were last
    committed, earliest-modified first (see `reading_order`)."""
    return reading_order([
        f for f in files
        if (m := manifest.get(f.path)) is None or (m.size, m.mtime_ns) != (f.size, f.mtime_ns)
    ])


def reading_order(files: list) -> list:
    """Inputs earliest-modified first, then by path: of two files holding one text, the
    older is read, and so committed, first and becomes the dispatch (the other a
    `duplicate`), whatever their names and however many commits the run takes."""
    return sorted(files, key=lambda f: (f.mtime_ns, f.path))


def committed(warehouse: str, inputs: list) -> int:
    """How many of these inputs the manifest holds as committed, as they are now (path,
    size and modification time): what an interrupted run got done."""
    manifest = read_manifest(Warehouse(warehouse))
    return sum(1 for f in inputs if (m := manifest.get(f.path)) is not None
               and (m.size, m.mtime_ns) == (f.size, f.mtime_ns))
