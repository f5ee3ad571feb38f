"""Cleaning crawled text: removing the web-page furniture that is not the dispatch."""

from __future__ import annotations

import functools
import re
from transforms import bundled


@functools.cache
def _debris() -> re.Pattern:
    data = bundled.data("data/debris.yaml")
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in data["lines"]) + r")\s*", re.IGNORECASE)


def is_debris(line: str) -> bool:
    """True for a line that is page furniture (`Partager Facebook`, `A- A A+`, `Photo : …`)."""
    return bool(_debris().fullmatch(line.strip()))


def without_debris(text: str) -> str:
    """The text with furniture lines removed; paragraphs keep their blank-line separators."""
    paragraphs = []
    for para in text.split("\n\n"):
        kept = [line for line in para.split("\n") if line.strip() and not is_debris(line)]
        if kept:
            paragraphs.append("\n".join(kept))
    return "\n\n".join(paragraphs)
