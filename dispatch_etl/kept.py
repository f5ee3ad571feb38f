"""Copies of the extractor's costly indexes (`transforms.bundled.built`) kept on disk between
processes: pickles in `$DISPATCH_ETL_CACHE`, else `~/.cache/dispatch-etl/built`, one per
index under the key of the code that built it. Writes are atomic (a temporary file, then a
rename); writing a copy deletes the copies of earlier code; a copy that cannot be read (cut
short by a killed process) or a folder that cannot be written only means building again.
Importing `dispatch_etl` installs it."""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from transforms import bundled


def folder() -> Path:
    base = os.environ.get("DISPATCH_ETL_CACHE")
    if base:
        return Path(base)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dispatch-etl" / "built"


class DiskKeeper:
    """`transforms.bundled.Keeper` on the user's disk (the folder is read when used, so that
    `DISPATCH_ETL_CACHE` set later still counts)."""

    def load(self, name: str, key: str) -> Any | None:
        try:
            with open(folder() / f"{name}-{key}.pickle", "rb") as f:
                return pickle.load(f)
        except Exception:  # (absent, unreadable or half-written by a killed process)
            return None

    def save(self, name: str, key: str, value: Any) -> None:
        path = folder() / f"{name}-{key}.pickle"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # (a reader sees the whole copy or none)
            for old in path.parent.glob(f"{name}-*.pickle"):
                if old != path:
                    old.unlink(missing_ok=True)  # (copies of earlier code: never read again)
        except OSError:
            pass  # (a read-only home: build it every time)


def install() -> None:
    bundled.keep_with(DiskKeeper())
