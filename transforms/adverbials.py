"""Time adverbials blanked out of a text, so that the stages that read its structure
(names, triggers, the link from a verb to its object) see through them.

`Yoon Suk-yeol Thursday held talks with`, `s’est entretenu, mardi 14 mai, avec`,
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


@functools.cache
def _anchor(pack: Pack) -> re.Pattern:
    """The words every day expression holds (a weekday, a month, a relative day, a number):
    scanning for these first, then trying the whole pattern only around them, is several
    times cheaper than trying it at every position."""
    words = list(pack.weekdays) + list(pack.months) + list(pack.data["dates"]["relative"])
    words += pack.data["dates"].get("current_month", [])
    # Lower-case words, matched case-sensitively in the lower-cased text: `re` scans a
    # case-sensitive alternation several times faster than an IGNORECASE one.
    words = sorted({w.lower() for w in words})
    return re.compile(rf"(?<![\w’'-])(?:\d{{1,2}}|{words_pattern(words)})(?![\w-])")


def time_spans(text: str, pack: Pack) -> list[tuple[int, int]]:
    """Where the text names a day (`lundi`, `on 4 March 2023`, `hier`, `today`)."""
    full, spans, done = _time(pack), [], 0
    lower = text.lower()
    if len(lower) != len(text):  # (a letter whose lower case is longer: offsets would slip)
        return [m.span() for m in full.finditer(text)]
    for a in _anchor(pack).finditer(lower):
        if a.start() < done:
            continue
        # The lead words (`on`, `dans la journée du`) stand at most ~25 characters before.
        m = full.search(text, max(done, a.start() - 25), min(len(text), a.end() + 40))
        while m and m.end() <= a.start():
            m = full.search(text, m.end(), min(len(text), a.end() + 40))
        if m and m.start() <= a.start() < m.end():
            spans.append(m.span())
            done = m.end()
    return spans


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
