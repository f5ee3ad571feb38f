"""Time adverbials blanked out of a text, so that the stages that read its structure
(names, triggers, the link from a verb to its object) see through them.

`Xi Jinping Wednesday held talks with`, `s’est entretenu, jeudi 9 septembre, avec`,
`received a phone call Saturday from`: the day sits between a name and its verb or
inside the verb phrase. Blanking keeps every offset, so spans found in the blanked text
point at the same characters of the real one; dates are still read from the real text.
"""

from __future__ import annotations

import functools
import re

from transforms.dates import _patterns
from transforms.lang import Pack
from transforms.text import words_pattern


@functools.cache
def _time(pack: Pack) -> re.Pattern:
    """A day written any way the pack's dates are, with the words that lead into it
    (`le`, `ce`, `on`, `this`) and a weekday before a date (`mardi 1er novembre 2022`)."""
    pats = _patterns(pack)
    leads = pack.data["dates"].get("leads", [])
    lead = rf"(?:(?<![\w’'-])(?:{words_pattern(leads)})\s+)?" if leads else ""
    day = "|".join(f"(?:{pats[k].pattern})" for k in ("explicit", "current_month", "relative", "weekday"))
    return re.compile(rf"{lead}(?:{day})(?:[\s,]+(?:{pats['explicit'].pattern}))?", re.IGNORECASE)


def time_spans(text: str, pack: Pack) -> list[tuple[int, int]]:
    """Where the text names a day (`lundi`, `on 4 March 2023`, `hier`, `today`)."""
    return [m.span() for m in _time(pack).finditer(text)]


def masked(text: str, pack: Pack) -> str:
    """The text with every time adverbial replaced by spaces (same length, same offsets)."""
    spans = time_spans(text, pack)
    if not spans:
        return text
    parts, last = [], 0
    for a, b in spans:
        parts += [text[last:a], " " * (b - a)]
        last = b
    parts.append(text[last:])
    return "".join(parts)
