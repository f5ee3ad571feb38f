"""The one module that owns the warehouse: paths, locking, atomic writes, merges.

Layout: `<root>/<table>/part-*.parquet`, one folder per table, so that plain
`pd.read_parquet("<root>/<table>")` reads the table. The root is a local folder or any
fsspec URL (`s3://bucket/warehouse`, `gs://…`, `memory://…`).

Every file appears whole or not at all:
- on a local disk it is written under a hidden temporary name in the same folder, flushed
  and renamed into place (pyarrow's dataset discovery skips names starting with `.`);
- on an object store it is one PUT of the whole object (a rename there is a copy and a
  delete, not atomic), which the store makes visible only once complete.
Appends add new part files under names never used before; a merge rewrites one part; a
crash between two writes leaves files a re-run recognises (see flows/etl.py).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import io
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from dispatch_etl.schema import TABLES, Table, conform

_PART = "part-0.parquet"


class WarehouseError(RuntimeError):
    """A failure the operator can fix: what happened, on which path, and what to do.
    (Three plain arguments, so that it pickles back from a worker process.)"""

    def __init__(self, cause: str, path: str, remedy: str):
        super().__init__(cause, path, remedy)

    cause = property(lambda self: self.args[0])
    path = property(lambda self: self.args[1])
    remedy = property(lambda self: self.args[2])

    def __str__(self) -> str:
        return f"{self.cause} {self.path}; {self.remedy}"


class WarehouseBusy(WarehouseError):
    """Another run holds the warehouse lock."""


class CorruptPart(WarehouseError):
    """A part file that cannot be read (truncated, overwritten, not Parquet)."""


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


@contextlib.contextmanager
def _plain_errors(path: str) -> Iterator[None]:
    """Turn the storage failures an operator can fix into a WarehouseError naming the path."""
    try:
        yield
    except OSError as exc:
        # pyarrow raises OSError without errno; its message still names the error.
        code = exc.errno or next((c for c, words in _ERRNO_WORDS if words in str(exc)), None)
        if code in _FULL:
            raise WarehouseError(
                "disk full (no space left on device) writing", path,
                "free some space there, or give --warehouse another disk, and run the same command "
                "again: what was committed is kept and the run continues from there") from exc
        if code in _DENIED:
            raise WarehouseError(
                "permission denied on", path,
                "give the user running dispatch-etl write access to the warehouse folder "
                "(or use another --warehouse) and run again") from exc
        raise


_ERRNO_WORDS = ((errno.ENOSPC, "No space left on device"), (errno.EDQUOT, "Disk quota exceeded"),
                (errno.EACCES, "Permission denied"), (errno.EROFS, "Read-only file system"))


def is_url(location: str | os.PathLike) -> bool:
    """Whether a warehouse location is an fsspec URL rather than a local folder."""
    text = str(location)
    return "://" in text and not text.startswith("file://")


class Warehouse:
    def __init__(self, root: str | os.PathLike):
        self.location = str(root)
        self.io: _Storage = _ObjectStore(self.location) if is_url(root) else _LocalDisk(root)
        self.root = self.io.root

    def __repr__(self) -> str:
        return f"Warehouse({self.location!r})"

    def exists(self) -> bool:
        """Whether anything was ever written here."""
        return self.io.isdir(self.root)

    def path(self, table: str) -> str:
        return self.io.join(self.root, TABLES[table].name)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the warehouse for one run; a second run fails fast with a clear message."""
        with self.io.lock(self.io.join(self.root, ".lock"), self.location):
            yield

    # -------------------------------------------------------------- staging and appends

    def _staging(self, table: str) -> str:
        return self.io.join(self.root, "_staging", table)

    def stage(self, table: str, name: str, data: pa.Table) -> None:
        """Write a batch's rows aside (invisible to readers) until the run commits them."""
        self.io.write(conform(TABLES[table], data), self.io.join(self._staging(table), f"{name}.parquet"))

    def append_staged(
        self, table: str, name: str, keep: set[tuple] | None = None, by: tuple[str, ...] | None = None
    ) -> int:
        """Move a staged batch into the table as a new part; with `keep`, only the rows whose
        values in the `by` columns (default: the key) are in it. Returns the number of rows
        added. Appending never rewrites the parts already there."""
        spec = TABLES[table]
        staged = self.io.join(self._staging(table), f"{name}.parquet")
        target = self._new_part(self.path(table), name)
        data = self.io.read(staged)
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
                self.io.move(staged, target)
            else:
                self.io.write(conform(spec, data), target)
        self.io.remove(staged)
        return data.num_rows

    def append(self, table: str, name: str, data: pa.Table) -> int:
        """Add rows to a table as a new part file `part-<name>.parquet` (atomically);
        the parts already there are not touched."""
        if data.num_rows:
            self.io.write(conform(TABLES[table], data), self._new_part(self.path(table), name))
        return data.num_rows

    def delete(self, table: str, column: str, values: Iterable[str]) -> int:
        """Remove the rows whose `column` is in `values`, rewriting only the parts that
        hold some (each atomically). Returns the number of rows removed."""
        removed = 0
        for part, hit in self._parts_holding(table, column, values):
            removed += pc.sum(hit).as_py()
            kept = self.io.read(part).filter(pc.invert(hit))
            if kept.num_rows:
                self.io.write(kept, part)
            else:
                self.io.remove(part)
        return removed

    def update(self, table: str, key: str, column: str, values: dict[str, str]) -> int:
        """Set `column` to values[row's `key`] in the rows whose key is in `values`,
        rewriting only the parts that hold some (each atomically). Returns the rows changed."""
        changed = 0
        for part, _ in self._parts_holding(table, key, values):
            data = self.io.read(part)
            old = data.column(column).to_pylist()
            new = [values.get(k, v) for k, v in zip(data.column(key).to_pylist(), old)]
            if new == old:
                continue
            changed += sum(a != b for a, b in zip(old, new))
            i = data.schema.get_field_index(column)
            self.io.write(data.set_column(i, data.schema.field(i), pa.array(new, data.schema.field(i).type)), part)
        return changed

    def _parts_holding(self, table: str, column: str, values: Iterable[str]) -> Iterator[tuple[str, pa.Array]]:
        """(part, mask of its rows whose `column` is in `values`) for each part holding any,
        reading only that column to tell."""
        value_set = pa.array(sorted(set(values)), pa.string())
        if not len(value_set):
            return
        for part in self.parts(table):
            hit = pc.is_in(self.io.read(part, [column]).column(column), value_set=value_set)
            if pc.any(hit).as_py():
                yield part, hit

    def clear_staging(self) -> None:
        """Drop what an interrupted run staged but never committed."""
        for table in TABLES:
            for path in self.io.files(self._staging(table)):
                self.io.remove(path)

    def _new_part(self, folder: str, name: str) -> str:
        """A part file name not yet taken in the folder: appending never replaces a part."""
        target, n = self.io.join(folder, f"part-{name}.parquet"), 1
        while self.io.exists(target):
            target, n = self.io.join(folder, f"part-{name}-{n}.parquet"), n + 1
        return target

    def create_missing_tables(self) -> list[str]:
        """Give every contract table with no part file an empty one in its schema, so that
        `pd.read_parquet(<table folder>)` returns the contract's columns even when no run
        found a row for it. Returns the tables created."""
        created = []
        for name, spec in TABLES.items():
            if not self.parts(name):
                self.io.write(spec.schema.empty_table(), self.io.join(self.path(name), _PART))
                created.append(name)
        return created

    # -------------------------------------------------------------- compaction

    def compact(self, table: str, above: int = 1, rows_per_part: int = 2_000_000) -> tuple[int, int] | None:
        """Fold a table's part files into as few as `rows_per_part` allows, when it has more
        than `above`. Returns (parts before, parts after), or None when left as it was.

        Crash-safe like a commit, and never visible half-done: the new parts are written
        whole into a hidden folder beside the table's, then the two folders are exchanged in
        one atomic step, and the old parts (now in the hidden folder) are removed. A kill
        before the exchange leaves the table as it was, after it the table compacted; either
        way the hidden folder is litter that the next compaction or run removes. The caller
        holds the warehouse lock."""
        self.clear_litter()
        parts = self.parts(table)
        if len(parts) <= above:
            return None
        if not self.io.can_exchange:
            return None
        spec = TABLES[table]
        data = conform(spec, pa.concat_tables([self.io.read(p) for p in parts]))
        aside = self.io.join(self.root, f".compact-{table}-{uuid.uuid4().hex[:12]}")
        name = uuid.uuid4().hex[:12]
        written = 0
        for n, start in enumerate(range(0, max(data.num_rows, 1), rows_per_part)):
            self.io.write(data.slice(start, rows_per_part), self.io.join(aside, f"part-compacted-{name}-{n:04d}.parquet"))
            written += 1
        try:
            self.io.exchange(aside, self.path(table))
        except OSError as exc:
            if exc.errno not in (errno.EINVAL, errno.ENOSYS, errno.EXDEV, errno.ENOTSUP):
                raise
            # This file system cannot exchange folders: the table stays as it was.
            self.io.remove_folder(aside)
            return None
        self.io.remove_folder(aside)
        return len(parts), written

    def clear_litter(self) -> None:
        """Remove what a compaction killed midway left beside the tables (hidden folders)."""
        for folder in self.io.folders(self.root):
            if folder.startswith(".compact-"):
                self.io.remove_folder(self.io.join(self.root, folder))

    # -------------------------------------------------------------- run state

    def write_note(self, name: str, note: dict) -> None:
        """Keep a small JSON document about the pipeline (`_state/<name>.json`), whole."""
        self.io.write_bytes(json.dumps(note, indent=2, default=str).encode(),
                            self.io.join(self.root, "_state", f"{name}.json"))

    def read_note(self, name: str) -> dict | None:
        data = self.io.read_bytes(self.io.join(self.root, "_state", f"{name}.json"))
        return json.loads(data) if data is not None else None

    def part_rows(self, table: str) -> list[tuple[str, int | None]]:
        """Each part file of a table with its row count from the Parquet footer (None: the
        footer cannot be read)."""
        return [(part, self.io.rows(part)) for part in self.parts(table)]

    def unreadable(self) -> list[tuple[str, str]]:
        """Every part file of the tables and of the run state that does not read whole, with
        the reason. Reads everything: as long as the warehouse is big."""
        folders = [self.path(t) for t in TABLES]
        state = self.io.join(self.root, "_state")
        folders += [self.io.join(state, name) for name in self.io.folders(state)]
        bad = []
        for folder in folders:
            for part in self.io.files(folder):
                try:
                    self.io.read(part)
                except (CorruptPart, OSError, pa.ArrowException) as exc:
                    bad.append((part, getattr(exc, "cause", None) or str(exc).splitlines()[0]))
        return bad

    def state_parts(self, name: str) -> list[str]:
        return self.io.files(self.io.join(self.root, "_state", name))

    def read_state(self, name: str) -> pa.Table | None:
        """A state table of the pipeline itself (`_state/<name>/*.parquet`), if any."""
        parts = self.state_parts(name)
        # Parts written before a column was added lack it: it reads as null there.
        return pa.concat_tables([self.io.read(p) for p in parts], promote_options="default") if parts else None

    def append_state(self, name: str, part: str, data: pa.Table) -> None:
        """Add rows to a state table as a new part (atomically)."""
        self.io.write(data, self._new_part(self.io.join(self.root, "_state", name), part))

    def compact_state(self, name: str, data: pa.Table) -> None:
        """Replace a state table's parts by one holding `data` (its current content)."""
        folder = self.io.join(self.root, "_state", name)
        old = [p for p in self.state_parts(name) if p.rsplit("/", 1)[-1].startswith("part-")]
        self.io.write(data, self.io.join(folder, "base.parquet"))
        for p in old:
            self.io.remove(p)

    # -------------------------------------------------------------- reading

    def parts(self, table: str) -> list[str]:
        """The table's current part files (what a reader of the folder sees)."""
        return self.io.files(self.path(table))

    def dataset(self, table: str) -> ds.Dataset:
        """The table as a pyarrow dataset in the contract's schema, for filtered scans
        (filters on it are pushed down to the Parquet row groups)."""
        return ds.dataset(self.parts(table), schema=TABLES[table].schema, format="parquet",
                          filesystem=self.io.arrow_filesystem)

    def read(self, table: str, columns: list[str] | None = None) -> pa.Table:
        """The whole table as Arrow, in the contract's schema (empty if never written)."""
        spec = TABLES[table]
        files = self.parts(table)
        if not files:
            data = spec.schema.empty_table()
        else:
            data = conform(spec, pa.concat_tables([self.io.read(f) for f in files]))
        return data.select(columns) if columns else data

    # -------------------------------------------------------------- whole-table writes

    def replace(self, table: str, data: pa.Table) -> None:
        """Atomically make `data` the table's whole content."""
        spec = TABLES[table]
        data = conform(spec, data)
        folder = self.path(table)
        target = self.io.join(folder, _PART)
        stale = [p for p in self.parts(table) if p != target]
        self.io.write(data, target)
        for p in stale:
            self.io.remove(p)

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


def _visible(name: str) -> bool:
    return name.endswith(".parquet") and not name.startswith((".", "_"))


# ---------------------------------------------------------------------- storage


class _Storage:
    """What the warehouse needs of a place to keep files. Paths are strings."""

    root: str
    arrow_filesystem = None
    in_process = False  # True when only this process can see the files
    # Whether two folders can be exchanged atomically (compaction needs it; an object store
    # has no such operation, so its tables are not compacted).
    can_exchange = False

    def join(self, *parts: str) -> str:
        return "/".join(p.rstrip("/") for p in parts)


class _LocalDisk(_Storage):
    """A local folder: temporary file, fsync, rename; an flock for the run lock."""

    def __init__(self, root: str | os.PathLike):
        self.root = str(root)

    def join(self, *parts: str) -> str:
        return str(Path(*parts))

    def isdir(self, path: str) -> bool:
        return Path(path).is_dir()

    def exists(self, path: str) -> bool:
        return Path(path).exists()

    def files(self, folder: str) -> list[str]:
        base = Path(folder)
        if not base.is_dir():
            return []
        return sorted(str(p) for p in base.iterdir() if _visible(p.name))

    def read(self, path: str, columns: list[str] | None = None) -> pa.Table:
        with _plain_errors(path), _unreadable(path):
            return pq.read_table(path, columns=columns)

    def write(self, data: pa.Table, target: str) -> None:
        """Write under a hidden name, flush it to disk, rename it into place."""
        folder = Path(target).parent
        tmp = folder / f".tmp-{uuid.uuid4().hex}.parquet"
        with _plain_errors(target):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                self._write(data, tmp, target)
            finally:
                tmp.unlink(missing_ok=True)

    def _write(self, data: pa.Table, tmp: Path, target: str) -> None:
        pq.write_table(data, tmp, compression="zstd")
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        _fsync_dir(tmp.parent)

    def write_bytes(self, data: bytes, target: str) -> None:
        folder = Path(target).parent
        tmp = folder / f".tmp-{uuid.uuid4().hex}"
        with _plain_errors(target):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                with open(tmp, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, target)
            finally:
                tmp.unlink(missing_ok=True)

    def read_bytes(self, path: str) -> bytes | None:
        try:
            return Path(path).read_bytes()
        except FileNotFoundError:
            return None

    def rows(self, path: str) -> int | None:
        try:
            return pq.read_metadata(path).num_rows
        except (OSError, pa.ArrowException):
            return None

    def folders(self, folder: str) -> list[str]:
        base = Path(folder)
        return sorted(p.name for p in base.iterdir() if p.is_dir()) if base.is_dir() else []

    @property
    def can_exchange(self) -> bool:
        return _renameat2() is not None

    def exchange(self, first: str, second: str) -> None:
        """Swap two folders in one atomic step (Linux renameat2 with RENAME_EXCHANGE)."""
        with _plain_errors(second):
            if _renameat2()(-100, os.fsencode(first), -100, os.fsencode(second), 2) != 0:  # AT_FDCWD
                code = ctypes.get_errno()
                raise OSError(code, os.strerror(code), second)
            _fsync_dir(Path(second).parent)

    def remove_folder(self, folder: str) -> None:
        import shutil

        with _plain_errors(folder):
            shutil.rmtree(folder, ignore_errors=False)
            _fsync_dir(Path(folder).parent)

    def move(self, source: str, target: str) -> None:
        with _plain_errors(target):
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
            _fsync_dir(Path(target).parent)

    def remove(self, path: str) -> None:
        target = Path(path)
        with _plain_errors(path):
            if target.exists():
                target.unlink()
                _fsync_dir(target.parent)

    @contextlib.contextmanager
    def lock(self, path: str, location: str) -> Iterator[None]:
        import fcntl

        with _plain_errors(path):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            handle = open(path, "a+")
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    raise WarehouseBusy(
                        "another dispatch-etl run is writing to", location,
                        "try again when it ends (`dispatch-etl status` shows its last run)",
                    ) from None
                raise
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


class _ObjectStore(_Storage):
    """Any fsspec filesystem (S3, GCS, Azure, memory): whole-object writes, a lease lock.

    Credentials and endpoints come from the usual places of each library (for S3:
    AWS_* variables, ~/.aws; fsspec's FSSPEC_S3_* variables for options such as
    FSSPEC_S3_ENDPOINT_URL)."""

    # A lease not renewed for this long belongs to a run that died: the next run takes it.
    LEASE_SECONDS = 300.0
    RENEW_SECONDS = 30.0

    def __init__(self, url: str):
        import fsspec
        from pyarrow.fs import FSSpecHandler, PyFileSystem

        self.fs, path = fsspec.core.url_to_fs(url)
        self.root = path.rstrip("/")
        protocols = {self.fs.protocol} if isinstance(self.fs.protocol, str) else set(self.fs.protocol)
        # memory:// lives in one process: workers elsewhere would not see what they stage.
        self.in_process = "memory" in protocols
        self.arrow_filesystem = PyFileSystem(FSSpecHandler(self.fs))

    def isdir(self, path: str) -> bool:
        return bool(self.fs.exists(path)) and bool(self.fs.isdir(path))

    def exists(self, path: str) -> bool:
        return bool(self.fs.exists(path))

    def files(self, folder: str) -> list[str]:
        try:
            names = self.fs.ls(folder, detail=False, refresh=True)
        except FileNotFoundError:
            return []
        return sorted(n for n in names if _visible(n.rsplit("/", 1)[-1]))

    def read(self, path: str, columns: list[str] | None = None) -> pa.Table:
        with _unreadable(path), self.fs.open(path, "rb") as handle:
            return pq.read_table(handle, columns=columns)

    def write(self, data: pa.Table, target: str) -> None:
        """Serialise in memory, then one PUT of the whole object."""
        buffer = io.BytesIO()
        pq.write_table(data, buffer, compression="zstd")
        self.fs.pipe_file(target, buffer.getvalue())
        self.fs.invalidate_cache(target.rsplit("/", 1)[0])

    def write_bytes(self, data: bytes, target: str) -> None:
        self.fs.pipe_file(target, data)
        self.fs.invalidate_cache(target.rsplit("/", 1)[0])

    def read_bytes(self, path: str) -> bytes | None:
        try:
            return self.fs.cat_file(path)
        except FileNotFoundError:
            return None

    def rows(self, path: str) -> int | None:
        try:
            with self.fs.open(path, "rb") as handle:
                return pq.read_metadata(handle).num_rows
        except (OSError, pa.ArrowException):
            return None

    def folders(self, folder: str) -> list[str]:
        try:
            entries = self.fs.ls(folder, detail=True, refresh=True)
        except FileNotFoundError:
            return []
        return sorted(e["name"].rstrip("/").rsplit("/", 1)[-1] for e in entries if e.get("type") == "directory")

    def move(self, source: str, target: str) -> None:
        # A copy is one atomic server-side write of the target; the source goes after.
        self.fs.copy(source, target)
        self.fs.rm(source)
        self.fs.invalidate_cache(target.rsplit("/", 1)[0])

    def remove(self, path: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.fs.rm(path)
        self.fs.invalidate_cache(path.rsplit("/", 1)[0])

    @contextlib.contextmanager
    def lock(self, path: str, location: str) -> Iterator[None]:
        """A lease object created only if absent (S3 If-None-Match), renewed while the run
        lasts, removed at the end; a lease left by a run that died expires."""
        owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._acquire(path, owner, location)
        stop = threading.Event()

        def renew() -> None:
            while not stop.wait(self.RENEW_SECONDS):
                with contextlib.suppress(Exception):
                    if self._holder(path).get("owner") == owner:
                        self.fs.pipe_file(path, self._lease(owner))

        keeper = threading.Thread(target=renew, daemon=True, name="warehouse-lease")
        keeper.start()
        try:
            yield
        finally:
            stop.set()
            keeper.join()
            if self._holder(path).get("owner") == owner:
                self.remove(path)

    def _lease(self, owner: str) -> bytes:
        return json.dumps({"owner": owner, "host": socket.gethostname(), "pid": os.getpid(),
                           "renewed": time.time()}).encode()

    def _expired(self, holder: dict) -> bool:
        """A lease whose run is gone: not renewed for LEASE_SECONDS, or held by a process
        of this machine that no longer exists (a run killed here is resumed at once)."""
        if time.time() - holder.get("renewed", 0) >= self.LEASE_SECONDS:
            return True
        if holder.get("host") == socket.gethostname() and isinstance(holder.get("pid"), int):
            try:
                os.kill(holder["pid"], 0)
            except ProcessLookupError:
                return True
            except PermissionError:
                return False
        return False

    def _holder(self, path: str) -> dict:
        try:
            return json.loads(self.fs.cat_file(path))
        except (FileNotFoundError, ValueError):
            return {}

    def _acquire(self, path: str, owner: str, location: str) -> None:
        for _ in range(2):
            try:
                self.fs.pipe_file(path, self._lease(owner), mode="create")
                return
            except FileExistsError:
                pass
            except OSError as exc:  # S3's answer to a failed If-None-Match
                if "PreconditionFailed" not in repr(exc) and "412" not in str(exc):
                    raise
            holder = self._holder(path)
            if holder and not self._expired(holder):
                break
            self.remove(path)  # an expired lease: its run died
        raise WarehouseBusy("another dispatch-etl run is writing to", location,
                            "try again when it ends (a lease left by a run that died expires)")


@contextlib.contextmanager
def _unreadable(path: str) -> Iterator[None]:
    """A part file that is not valid Parquet (truncated by a full disk, overwritten) is a
    CorruptPart naming it."""
    try:
        yield
    except pa.ArrowInvalid as exc:
        raise CorruptPart("unreadable part file (not valid Parquet: truncated or overwritten):", path,
                          "see `dispatch-etl status --verify` for how to rebuild it") from exc


@functools.cache
def _renameat2():
    """libc's renameat2, where there is one (Linux, glibc 2.28 or later)."""
    try:
        call = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return call


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
