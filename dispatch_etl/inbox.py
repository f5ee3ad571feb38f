"""Finding and reading input files. Inputs are only ever read, never moved or changed."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path


def example_inbox() -> Path:
    """The example dispatches bundled with the package (the development corpus)."""
    return Path(str(resources.files("dispatch_etl") / "examples" / "inbox"))


def example_gold() -> Path:
    """Gold annotations of the bundled examples, for `dispatch-etl evaluate`."""
    return Path(str(resources.files("dispatch_etl") / "examples" / "gold.jsonl"))


def input_files(inbox: str | os.PathLike) -> Iterator[str]:
    """Paths of every input under the inbox, relative to it, in a stable order."""
    root = Path(inbox)
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            yield relative.as_posix()


def scan(inbox: str | os.PathLike) -> Iterator[tuple[str, int, int]]:
    """(relative path, size, mtime in ns) of every input under the inbox, in a stable order."""
    root = Path(inbox)
    for relative in input_files(root):
        st = (root / relative).stat()
        yield relative, st.st_size, st.st_mtime_ns


def read_bytes(inbox: str | os.PathLike, relative: str, limit: int) -> tuple[bytes, int]:
    """At most `limit + 1` bytes of a file and its full size, so huge files cost no memory."""
    path = Path(inbox) / relative
    size = path.stat().st_size
    with open(path, "rb") as handle:
        return handle.read(limit + 1), size


def file_sha256(inbox: str | os.PathLike, relative: str) -> str:
    """Hash of a file's bytes, read in chunks (for files too large to load)."""
    digest = hashlib.sha256()
    with open(Path(inbox) / relative, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_overrides(path: str | os.PathLike):
    """The curated identities file (`same:` / `different:` lists of names) as Overrides."""
    import yaml

    from transforms.normalise import Overrides

    try:
        data = yaml.safe_load(Path(path).read_text("utf-8"))
        return Overrides.from_dict(data)
    except (OSError, yaml.YAMLError, ValueError, AttributeError) as exc:
        raise ValueError(f"aliases file {path}: {exc}") from None
