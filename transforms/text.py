"""Text helpers shared by the parsers and extractors: normalisation, keys, sentences."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Every upper-case letter of the Latin, Greek and Cyrillic blocks: `re` has no \p{Lu}.
UPPER = "".join(
    c for c in map(chr, [*range(0x41, 0x250), *range(0x370, 0x530)]) if c.isupper()
)
LOWER = "".join(
    c for c in map(chr, [*range(0x61, 0x250), *range(0x370, 0x530)]) if c.islower()
)
APOS = "'’ʼ`"
# A Cyrillic letter: a name or phrase written in that script (`Ильхам Алиев`, `ООН`).
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Every combining mark of the Basic Multilingual Plane, as one character class: removing
# them with a regular expression is much faster than testing each character in Python.
_COMBINING = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in range(0x300, 0x10000) if unicodedata.combining(chr(c))) + "]"
)
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


_APOS = re.compile(f"[{APOS}]")
_DASHES = re.compile(r"[\u2010-\u2015]")


@functools.lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """A comparison key: no accents, no case, one kind of apostrophe and dash, single spaces."""
    if text.isascii():  # most keys: no accents or typographic signs to take out
        text = text.replace("`", "'")
    else:
        text = unicodedata.normalize("NFKD", text)
        if _ASTRAL.search(text):
            text = "".join(c for c in text if not unicodedata.combining(c))
        else:
            text = _COMBINING.sub("", text)
        text = _DASHES.sub("-", _APOS.sub("'", text))
    # str.split() splits at what `\s` matches (every character str.isspace() accepts).
    return " ".join(text.split()).casefold()


def normalise_layout(text: str) -> str:
    """Unix newlines, no trailing spaces, paragraphs separated by exactly one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _SPACE_RUN.sub(" ", text)
    text = _NEWLINE_SPACE.sub("\n", text)  # (each line's own start and end stripped)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


_SPACE_RUN = re.compile(r"[ \t\f\v]+")
_NEWLINE_SPACE = re.compile(r"[^\S\n]*\n[^\S\n]*")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


# Tokens that end with a period without ending a sentence.
_ABBREV = re.compile(
    r"(?:\b(?:M|MM|Mr|Mrs|Ms|Messrs|Dr|Pr|Prof|Mme|Mlle|Me|St|Ste|S\.E|H\.E|S\.M|H\.M|H\.H|"
    r"S\.A|S\.A\.R|SE|Gen|Col|Lt|Sgt|Capt|Maj|Jr|Sr|No|n°|art|av|apr|J\.-C|etc|cf|vol|"
    r"p|pp|ca|env|Inc|Ltd|Co|Corp|St|Sen|Rep|Gov|Amb|Excl|SEM|S\.E\.M|Hon|Rt|Eng|Engr|Ing|Rev|Arch|Brig|Adm|Gal|Gén)"
    r"|\b[" + UPPER + r"])\.$"
)
_NEXT_WORD = re.compile(r"\s+(\S)")
# `on Sept. 25`, `Jan. 11`: an abbreviated month before its day.
_MONTH_ABBREV = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|janv|févr|fév|avr|juil|sept|oct|nov|déc)\.$",
                           re.IGNORECASE)
# A sentence end, or a full stop glued to a capital (`au sommet.Les deux dirigeants`), which
# `_glued_end` judges.
_SENT_END = re.compile(r"[.!?…]+[»”\"')\]]*(?=\s+|$)|[.!?][»”\"]?(?=[" + UPPER + "])")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
_WORD_AFTER = re.compile(r"[^\W\d_]+(?=[\s,])")


def _glued_end(text: str, m: re.Match) -> bool:
    """A sentence end run into the next by a page's markup (`de l’Onu.Yoon Suk-yeol`): a word of
    two letters or more before, one of three or more after; one of two (`honneurs.Il`) only
    after a lower-case word, so that a site's name (`News.Az`) and initials (`R.Hood`) stay."""
    before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    after = _WORD_AFTER.match(text, m.end())
    if before is None or after is None or len(before.group()) < 2:
        return False
    return len(after.group()) >= 3 or (len(after.group()) == 2 and before.group().islower())


def sentences(text: str) -> list[Span]:
    """Split text into sentences, never across paragraphs, keeping offsets into `text`."""
    spans: list[Span] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for m in _SENT_END.finditer(text, para.start(), para.end()):
            end = m.end()
            if not text[end:end + 1].isspace() and end < para.end() and not _glued_end(text, m):
                continue
            # (the token before the period: the end of the sentence so far, a few characters
            # being enough for the patterns anchored there)
            before = text[max(start, m.start() - 12):m.start() + 1]
            if m.group().startswith(".") and _ABBREV.search(before):
                continue
            # A period followed by a lower-case word does not end a sentence.
            nxt = _NEXT_WORD.match(text, end, para.end())
            if nxt and _ORDINAL_DAY.search(before) and _month_follows(text, nxt.start(1)):
                continue  # `am 16. September`: a day written as an ordinal, then its month
            if nxt and (nxt.group(1).islower() or (nxt.group(1).isdigit() and _MONTH_ABBREV.search(before))):
                continue
            _append(spans, text, start, end)
            start = end
        _append(spans, text, start, para.end())
    return spans


_ORDINAL_DAY = re.compile(r"(?<![\d.])\d{1,2}\.$")
_WORD_AT = re.compile(r"[^\W\d_]+")


def _month_follows(text: str, pos: int) -> bool:
    """Whether a month's name (in a dateline language) starts at `pos`."""
    from transforms.parse import month_words

    word = _WORD_AT.match(text, pos)
    return word is not None and len(word.group()) >= 3 and word.group().casefold() in month_words()


def _append(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))


def skip(text: str, pos: int, end: int, chars: str = " ") -> int:
    """The first position from `pos` (before `end`) that is none of `chars`."""
    while pos < end and text[pos] in chars:
        pos += 1
    return pos


def words_pattern(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first, tolerant of apostrophe kinds."""
    alts = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(_flex(w) for w in alts)


def _flex(phrase: str) -> str:
    out = []
    for ch in phrase:
        if ch in APOS:
            out.append(f"[{APOS}]")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)
