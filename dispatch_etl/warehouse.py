"""The one module that owns the warehouse: paths, locking, atomic writes, merges.

Layout: `<root>/<table>/part-0.parquet`, one folder per table, so that plain
`pd.read_parquet("<root>/<table>")` reads the table. Files are written to a hidden
temporary name in the same folder and renamed into place: a reader or a crash never
sees half a file, and pyarrow's dataset discovery skips names starting with `.`.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dispatch_etl.schema import TABLES, Table, conform

_PART = "part-0.parquet"


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse lock."""


class Warehouse:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def path(self, table: str) -> Path:
        return self.root / TABLES[table].name

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the warehouse for one run; a second run fails fast with a clear message."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    raise WarehouseBusy(
                        f"another dispatch-etl run is writing to {self.root}; try again when it ends"
                    ) from None
                raise
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # -------------------------------------------------------------- staging and appends

    def _staging(self, table: str) -> Path:
        return self.root / "_staging" / table

    def stage(self, table: str, name: str, data: pa.Table) -> None:
        """Write a batch's rows aside (invisible to readers) until the run commits them."""
        _atomic_write(conform(TABLES[table], data), self._staging(table) / f"{name}.parquet")

    def append_staged(
        self, table: str, name: str, keep: set[tuple] | None = None, by: tuple[str, ...] | None = None
    ) -> int:
        """Move a staged batch into the table as a new part; with `keep`, only the rows whose
        values in the `by` columns (default: the key) are in it. Returns the number of rows
        added. Appending never rewrites the parts already there."""
        spec = TABLES[table]
        staged = self._staging(table) / f"{name}.parquet"
        target = _new_part(self.path(table), name)
        data = pq.read_table(staged)
        if keep is not None:
            columns = [data.column(c).to_pylist() for c in (by or spec.key)]
            seen: set[tuple] = set()
            mask = []
            for values in zip(*columns):
                mask.append(values in keep and values not in seen)
                seen.add(values)
            data = data.filter(pa.array(mask, pa.bool_()))
        if data.num_rows:
            if keep is None:
                os.replace(staged, target)
                _fsync_dir(target.parent)
            else:
                _atomic_write(conform(spec, data), target)
        staged.unlink(missing_ok=True)
        return data.num_rows

    def append(self, table: str, name: str, data: pa.Table) -> int:
        """Add rows to a table as a new part file `part-<name>.parquet` (atomically);
        the parts already there are not touched."""
        if data.num_rows:
            _atomic_write(conform(TABLES[table], data), _new_part(self.path(table), name))
        return data.num_rows

    def delete(self, table: str, column: str, values: Iterable[str]) -> int:
        """Remove the rows whose `column` is in `values`, rewriting only the parts that
        hold some (each atomically). Returns the number of rows removed."""
        value_set = pa.array(sorted(set(values)), pa.string())
        folder = self.path(table)
        if not len(value_set) or not folder.exists():
            return 0
        removed = 0
        for part in sorted(folder.glob("*.parquet")):
            if part.name.startswith("."):
                continue
            hit = pc.is_in(pq.read_table(part, columns=[column]).column(column), value_set=value_set)
            n = pc.sum(hit).as_py() or 0
            if not n:
                continue
            removed += n
            kept = pq.read_table(part).filter(pc.invert(hit))
            if kept.num_rows:
                _atomic_write(kept, part)
            else:
                part.unlink()
                _fsync_dir(folder)
        return removed

    def clear_staging(self) -> None:
        """Drop what an interrupted run staged but never committed."""
        for path in sorted((self.root / "_staging").rglob("*.parquet")) if (self.root / "_staging").exists() else []:
            path.unlink()

    # -------------------------------------------------------------- run state

    def read_state(self, name: str) -> pa.Table | None:
        """A state table of the pipeline itself (`_state/<name>/*.parquet`), if any."""
        folder = self.root / "_state" / name
        parts = sorted(p for p in folder.glob("*.parquet") if not p.name.startswith(".")) if folder.exists() else []
        return pa.concat_tables([pq.read_table(p) for p in parts]) if parts else None

    def append_state(self, name: str, part: str, data: pa.Table) -> None:
        """Add rows to a state table as a new part (atomically)."""
        _atomic_write(data, _new_part(self.root / "_state" / name, part))

    def compact_state(self, name: str, data: pa.Table) -> None:
        """Replace a state table's parts by one holding `data` (its current content)."""
        folder = self.root / "_state" / name
        old = sorted(folder.glob("part-*.parquet"))
        _atomic_write(data, folder / "base.parquet")
        for p in old:
            p.unlink()
        _fsync_dir(folder)

    def read(self, table: str, columns: list[str] | None = None) -> pa.Table:
        """The whole table as Arrow, in the contract's schema (empty if never written)."""
        spec = TABLES[table]
        folder = self.path(table)
        files = sorted(p for p in folder.glob("*.parquet") if not p.name.startswith((".", "_")))
        if not files:
            data = spec.schema.empty_table()
        else:
            data = conform(spec, pa.concat_tables([pq.read_table(f) for f in files]))
        return data.select(columns) if columns else data

    def replace(self, table: str, data: pa.Table) -> None:
        """Atomically make `data` the table's whole content."""
        spec = TABLES[table]
        data = conform(spec, data)
        folder = self.path(table)
        _atomic_write(data, folder / _PART)
        for stale in folder.glob("*.parquet"):
            if stale.name != _PART and not stale.name.startswith("."):
                stale.unlink()

    def merge(
        self,
        table: str,
        rows: pa.Table,
        *,
        drop: Iterable[tuple[str, Iterable[str]]] = (),
        prefer: str = "new",
    ) -> pa.Table:
        """Upsert rows by the table's key and write the result atomically.

        `drop` lists (column, values): existing rows whose column is in values are removed
        first (a re-extracted dispatch replaces its old results). `prefer="old"` keeps an
        existing row when a new one has the same key (so `ingested_at` survives re-runs).
        Rows come out sorted by key, so the same content always gives the same file.
        """
        spec = TABLES[table]
        old = self.read(table)
        for column, values in drop:
            values = pa.array(sorted(set(values)), pa.string())
            if len(values):
                old = old.filter(pc.invert(pc.is_in(old.column(column), value_set=values)))
        new = conform(spec, rows)
        merged = _upsert(spec, old, new, prefer)
        self.replace(table, merged)
        return merged


def _upsert(spec: Table, old: pa.Table, new: pa.Table, prefer: str) -> pa.Table:
    first, second = (new, old) if prefer == "new" else (old, new)
    both = pa.concat_tables([first, second])
    if both.num_rows == 0:
        return both
    keys = _key_strings(spec, both)
    seen: set[str] = set()
    keep = []
    for i, key in enumerate(keys):
        if key not in seen:
            seen.add(key)
            keep.append(i)
    unique = both.take(pa.array(keep, pa.int64()))
    order = pc.sort_indices(unique, sort_keys=[(k, "ascending") for k in spec.key])
    return unique.take(order)


def _key_strings(spec: Table, data: pa.Table) -> list[str]:
    cols = [data.column(k).to_pylist() for k in spec.key]
    return ["\x1f".join("" if v is None else str(v) for v in vals) for vals in zip(*cols)]


def _new_part(folder: Path, name: str) -> Path:
    """A part file name not yet taken in the folder: appending never replaces a part."""
    folder.mkdir(parents=True, exist_ok=True)
    target, n = folder / f"part-{name}.parquet", 1
    while target.exists():
        target, n = folder / f"part-{name}-{n}.parquet", n + 1
    return target


def _atomic_write(data: pa.Table, target: Path) -> None:
    """Write a Parquet file under a hidden name, flush it to disk, rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".tmp-{uuid.uuid4().hex}.parquet"
    try:
        pq.write_table(data, tmp, compression="zstd")
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    finally:
        tmp.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
