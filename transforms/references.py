"""Stage 1b, references: a person named again by their title alone.

Dispatches name a person once in full and then by title: `le directeur général a rencontré
…`, `the Secretary-General met …`, `avec son homologue sud-africain`, `le chef de l’État
algérien`. `descriptions(reading, i)` finds such definite descriptions in sentence `i` and
gives each the person named earlier whom it fits: the same position (or one a reference
title such as `chef de l’État` stands for), and the same state or organisation when the
description names one. The linking stage then reads them like any other mention.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

from transforms.lang import Pack, phrases
from transforms.people import Description, Mention, describe
from transforms.text import APOS, Span, fold, skip, words_pattern

if TYPE_CHECKING:
    from transforms.reading import Reading

_WORD = re.compile(rf"[\w{APOS}\-]+")


@functools.cache
def _determiner(pk: Pack) -> re.Pattern:
    """A definite article or possessive that may open a description (`le`, `son`, `the`)."""
    words = pk.data.get("definite_determiners", [])
    return re.compile(rf"(?<![\w{APOS}\-])(?:{words_pattern(words) or '(?!)'})(?:\s+|(?<=[{APOS}]))", re.IGNORECASE)


def _head_phrases(pk: Pack) -> list[str]:
    """Title heads, reference titles (`chef de l’État`) and `homologue`."""
    return (list(pk.data["title_heads"]) + list(pk.data.get("title_references", {}))
            + list(pk.data.get("counterparts", [])))


@functools.cache
def _head(pk: Pack) -> re.Pattern:
    """A title's head word, a reference title (`chef de l’État`) or `homologue`."""
    return phrases(_head_phrases(pk))


def may_refer(r: Reading, s: Span) -> bool:
    """Whether a sentence may name someone by title alone (a determiner a few words before
    a title's head, or two people at once): cheap, before its trigger is looked for."""
    text = r.text
    words = set(_LOWER_WORD.findall(text[s.start:s.end].lower()))
    if not words & _head_words(r.pk):
        return False  # (most sentences: a set lookup instead of the heads' long pattern)
    for h in r.pk.title_head.finditer(text, s.start, s.end):
        if _lead_in(r.pk).search(text, max(s.start, h.start() - 40), h.start()):
            return True
    return _pair(r.pk).search(text, s.start, s.end) is not None


_LOWER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@functools.cache
def _head_words(pk: Pack) -> frozenset[str]:
    """The lower-cased words that end a title's head or a pair phrase (`ministre`, `leaders`)."""
    words = (_LOWER_WORD.findall(p.lower()) for p in _head_phrases(pk) + list(pk.data.get("pair_references") or {}))
    return frozenset(w[-1] for w in words if w)


@functools.cache
def _lead_in(pk: Pack) -> re.Pattern:
    """A determiner and up to three words, right before a title's head."""
    return re.compile(rf"{_determiner(pk).pattern}(?:[\w{APOS}\-]+\s+){{0,3}}$", re.IGNORECASE)


def descriptions(r: Reading, i: int) -> list[tuple[int, Mention]]:
    """(person, mention) for each description in sentence `i` that points back to a person
    named before it; the mentions span the description (no name of their own)."""
    s = r.sents[i]
    text, pk = r.text, r.pk
    if not r.people:
        return []
    # (a description needs a title's head a few words after its determiner: find the heads
    # first, they are rarer than articles)
    heads = [h.start() for h in _head(pk).finditer(text, s.start, s.end)]
    if not heads:
        return []
    here = r.sent_mentions[i]
    covered = [(m.outer_start, m.outer_end) for _, m in here]
    present = {p for p, _ in here}
    out: list[tuple[int, Mention]] = []
    for d in _openings(pk, text, s.start, s.end):
        k = bisect.bisect_left(heads, d.end())
        if k == len(heads) or heads[k] - d.end() > 40:
            continue
        span = _extent(r, d.end(), s.end)
        if span is None:
            continue
        lo, hi = span
        if any(a < hi and lo < b for a, b in covered):
            continue
        phrase = text[lo:hi]
        ref = describe(phrase, pk)
        if not ref.position:
            continue
        p = _antecedent(r, i, d.start(), phrase, ref)
        if p is None or p in present:
            continue
        present.add(p)
        if r.people[p].description.position is None:
            r.people[p].description = ref  # what the description says of them is all we know
        out.append((p, Mention(d.start(), lo, hi, phrase, None)))
    return out


def _openings(pk: Pack, text: str, start: int, end: int) -> list[re.Match]:
    """Where descriptions may open: after a determiner; in a language without articles
    (pack `bare_references`), also right at a reference title (`Глава государства`),
    the match then empty."""
    found = list(_determiner(pk).finditer(text, start, end))
    if pk.data.get("bare_references"):
        found += [re.compile("").match(text, t.start()) for ref, _ in pk.title_references
                  for t in ref.finditer(text, start, end)]
        found.sort(key=lambda m: m.start())
    return found


@functools.cache
def _pair(pk: Pack) -> re.Pattern:
    """A description of two people at once (`les deux présidents`, `the two leaders`)."""
    words = pk.data.get("pair_references", [])
    return re.compile(rf"(?<![\w{APOS}\-])(?:{words_pattern(words) or '(?!)'})(?![\w\-])", re.IGNORECASE)


def pairs(r: Reading, i: int) -> list[tuple[int, Mention]]:
    """`Les deux présidents se sont entretenus`, `the leaders met`: the two officials named
    last before the phrase (holding the position the phrase names, if it names one), as two
    mentions that split it (nothing between them: the linking stage reads them as
    coordinated). Only as the subject of a trigger that follows at once."""
    s = r.sents[i]
    out: list[tuple[int, Mention]] = []
    if len(r.people) < 2:
        return out
    positions = r.pk.data.get("pair_references") or {}
    for d in _pair(r.pk).finditer(r.text, s.start, s.end):
        # (past spaces and blanked adverbials: `, on Tuesday,`)
        if r.pk.any_trigger.match(r.text, skip(r.text, d.end(), s.end, " ,"), s.end) is None:
            continue
        wanted = next((v for k, v in positions.items() if fold(k) == fold(d.group())), None) or None
        last = {p: at for p, at in _named_before(r, i, d.start()).items() if r.official(p) and (
            wanted is None or (r.people[p].description.position and _heads(r.pk, wanted, r.people[p].description.position))
        )}
        if len(last) < 2:
            continue
        a, b = sorted(sorted(last, key=last.get)[-2:], key=last.get)
        cut = d.group().rfind(" ") + d.start()
        out += [(a, Mention(d.start(), d.start(), cut, d.group(), None)),
                (b, Mention(cut, cut, d.end(), d.group(), None))]
    return out


def _named_before(r: Reading, i: int, at: int) -> dict[int, int]:
    """Person -> where they were last named before `at` (in sentences up to `i`)."""
    last: dict[int, int] = {}
    for j in range(i + 1):
        for p, m in r.sent_mentions[j]:
            if m.start < at:
                last[p] = m.start
    return last


def _extent(r: Reading, pos: int, end: int) -> tuple[int, int] | None:
    """Span of a bare title starting at `pos` (after its determiner): a few qualifying words
    (`Indian foreign`), the head, then its complements (`de la Défense`, `of Azerbaijan`),
    demonyms and modifiers (`algérien`, `général`)."""
    text, pk = r.text, r.pk
    head_re = _head(pk)
    start = pos
    head = head_re.match(text, pos, end)
    for _ in range(3):
        if head:
            break
        w = _WORD.match(text, pos, end)
        if w is None or not _qualifier(pk, w.group()):
            return None
        pos = skip(text, w.end(), end)
        if pos == w.end():
            return None
        head = head_re.match(text, pos, end)
    if head is None:
        return None
    hi = head.end()
    modifiers = _modifiers(pk)
    while True:
        of = pk.of_word.match(text, hi, end)
        if of:
            w = _WORD.match(text, of.end(), end)
            if w is None or not (w.group()[0].isupper() or fold(w.group()) in pk.title_words):
                break
            hi = w.end()
            continue
        nxt = skip(text, hi, end)
        if nxt == hi:
            break
        w = _WORD.match(text, nxt, end)
        if w is None:
            break
        word = w.group()
        if pk.demonym_country(word) or fold(word) in modifiers or (
            word[0].isupper() and fold(word) in pk.title_words
        ):
            hi = w.end()
            continue
        break
    return start, hi


@functools.cache
def _modifiers(pk: Pack) -> frozenset[str]:
    """Words after a title's head that still belong to it (`général`), folded."""
    return frozenset(fold(w) for w in pk.data.get("title_modifiers", []))


def _qualifier(pk: Pack, word: str) -> bool:
    """A word that may stand before a title's head (`Indian`, `foreign`, `nouveau`)."""
    return bool(pk.demonym_country(word) or fold(word) in pk.title_words or pk.title_noise.match(word + " "))


def _antecedent(r: Reading, i: int, at: int, phrase: str, ref: Description) -> int | None:
    """The person named before `at` whom the description fits, the latest named first;
    with nothing to tell them apart, one whose state goes unsaid, or of the dispatch's own."""
    last = _named_before(r, i, at)
    fits = [p for p in sorted(last, key=last.get, reverse=True) if _fits(r, phrase, ref, r.people[p].description)]
    if len(fits) > 1 and ref.country is None and ref.organization is None:
        # `le président de la République`: the one whose state goes unsaid (the dispatch's own).
        states = [r.people[p].description.state for p in fits]
        own = [p for p, c in zip(fits, states) if c is None] or [p for p, c in zip(fits, states) if c == r.home]
        fits = own or fits
    if not fits and ref.country:
        # `Angela Merkel est à Dakar. La chancelière allemande a été reçue …`: the one person
        # named before with nothing said of them yet (no title, no organisation, no state),
        # by a description that names a state.
        bare = [p for p in last if r.people[p].description == Description(None, None, None, None)]
        fits = bare if len(bare) == 1 else []
    if not fits:
        # `Le président de la République a reçu … Le président Tô Lâm a salué …`: a description
        # no one named before fits stands for the one person who opens a later sentence with a
        # title that fits, of the state the description names (else of the dispatch's own).
        later = {p for j in range(i + 1, len(r.sents)) for p, m in r.sent_mentions[j]
                 if not r.text[r.sents[j].start:m.outer_start].strip()}
        fits = [p for p in later if _fits(r, phrase, ref, r.people[p].description)
                and r.people[p].description.state in ({ref.country} if ref.country else {r.home, None})]
        fits = fits if len(fits) == 1 else []
    return fits[0] if fits else None


def _fits(r: Reading, phrase: str, ref: Description, d: Description) -> bool:
    if not d.position:
        return False
    pk = r.pk
    country = d.state
    if ref.country and not (country == ref.country or (country is None and ref.country == r.home)):
        return False
    if ref.organization and not (d.organization and _within(ref.organization, d.organization)):
        return False
    if pk.counterpart.match(ref.position.split()[0]):
        return ref.country is not None and not pk.counterpart.match(d.position)
    for reference, positions in pk.title_references:
        if reference.match(phrase):
            return bool(positions.match(d.position))
    return _heads(pk, ref.position, d.position)


def _within(short: str, long: str) -> bool:
    """`Assemblée` in `Assemblée nationale`, either way round."""
    a, b = fold(short), fold(long)
    return a in b or b in a


def _heads(pk: Pack, short: str, long: str) -> bool:
    """The description's position starts the person's, or one of their jobs joined by `and`
    (`directeur général` in `vice-ministre de la Défense et directeur général`); `Amir`
    is not `Deputy Amir`, `président` not `vice-président`."""
    a, b = fold(short), fold(long)
    starts = [0] + [k + len(w) + 2 for w in pk.data["and_words"] for k in _all(b, f" {fold(w)} ")]
    return any(b.startswith(a, k) and (k + len(a) == len(b) or not b[k + len(a)].isalnum()) for k in starts)


def _all(text: str, part: str) -> list[int]:
    """Every position of `part` in `text`."""
    found, k = [], text.find(part)
    while k >= 0:
        found.append(k)
        k = text.find(part, k + 1)
    return found
