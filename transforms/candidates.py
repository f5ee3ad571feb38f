"""Stage 2b, candidates: meetings the rules did not read, proposed broadly and kept by a
learned scorer.

The rules (`reading`, `linking`) read a meeting from a trigger and the clause its parties
stand in; a sentence in a shape they were never written for yields nothing (`à l’issue de
leur rencontre à Moscou, A a invité son homologue B`, `the talks X held with Y were
about …`). Every sentence that names two people or more and is not already a meeting the
rules found (nor the retelling of one) is a candidate meeting between them. It is
described by features that need no rule to have fired (meeting words anywhere in it,
`with`, titles, states, letters and future tense, where it stands in the dispatch, what
the rules found besides), and a logistic regression fitted on the tuning part of the
real-text set (`benchmarks/candidates.py`) scores it. Only candidates scored at or above
the model's threshold, chosen for precision on folds of sources the fit did not see, are
kept; they become meetings like the rules' ones, their parties `participant` until the
later stages (visit, home ground) direct them. The model is data,
`transforms/data/candidates.json`; without it no candidate is kept. The word lists are
the packs' (`candidate_cues`, `with_words`, and the lists the rules use).
"""

from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path

from transforms.lang import Pack
from transforms.reading import Meeting, Reading
from transforms.text import words_pattern

MODEL = Path(__file__).parent / "data" / "candidates.json"
_QUOTE = re.compile(r"[«»“”\"]")


def proposals(r: Reading, found: list[Meeting]) -> list[tuple[Meeting, dict[str, float]]]:
    """Every candidate meeting of the dispatch with its features, in sentence order."""
    told = {m.sentence for m in found} | {j for m in found for j in m.retold}
    out = []
    for i, s in enumerate(r.sents):
        if i in told:
            continue
        people = list(dict.fromkeys(p for p, mm in r.sent_mentions[i] if mm.name and mm.end > mm.name_start))
        if len(people) < 2:
            continue
        if any(set(people) <= set(m.roles) for m in found):
            continue  # the people of a meeting found, told of again
        m = Meeting(i, None, {p: "participant" for p in people}, s, at=s.start)
        out.append((m, features(r, m, people, found, first=not out)))
    return out


def features(r: Reading, m: Meeting, people: list[int], found: list[Meeting], first: bool) -> dict[str, float]:
    """What a candidate stands on (no rule fired on its sentence); `first`: the dispatch's
    first candidate."""
    pk, text = r.pk, m.evidence.text
    states = {r.people[p].description.state or r.known_state(p) for p in people} - {None}
    seen = {p for f in found for p in f.roles}
    spans = [(mm.start, mm.end) for p, mm in r.sent_mentions[m.sentence] if p in people]
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    between = r.text[lo:hi]
    return {
        "english": float(r.d.language == "en"),
        "first": float(first),
        "cue_between": float(bool(_cues(pk).search(between) or pk.meeting_noun.search(between))),
        "with_between": float(bool(_with(pk).search(between))),
        "headline": float(not text.rstrip().endswith((".", "»", "”", '"'))),
        "cue": float(bool(_cues(pk).search(text))),
        "noun": float(bool(pk.meeting_noun.search(text))),
        "trigger": float(bool(pk.any_trigger.search(text))),
        "with": float(bool(_with(pk).search(text))),
        "blocker": float(bool(pk.object_blocker.search(text))),
        "future": float(bool(pk.future.search(text))),
        "attendance": float(bool(pk.attendance.search(text))),
        "quote": float(bool(_QUOTE.search(text))),
        "people": float(min(len(people), 4)),
        "titled": sum(1 for p in people if r.people[p].description.position) / len(people),
        "officials": sum(1 for p in people if r.official(p)) / len(people),
        "two_states": float(len(states) >= 2),
        "lead": float(m.sentence <= 1),
        "late": math.log1p(m.sentence),
        "found": math.log1p(len(found)),
        "seen": sum(1 for p in people if p in seen) / len(people),
        "words": math.log(max(len(text.split()), 1)),
    }


def accepted(r: Reading, found: list[Meeting]) -> list[tuple[Meeting, float]]:
    """The candidates the model keeps, each with its probability of being a meeting."""
    part = model()
    if part is None:
        return []
    out = []
    for m, f in proposals(r, found):
        p = probability(part, f)
        if p >= part["threshold"]:
            out.append((m, p))
    return out


def probability(part: dict, f: dict[str, float]) -> float:
    z = part["bias"] + sum(w * f.get(name, 0.0) for name, w in zip(part["features"], part["weights"]))
    return 1 / (1 + math.exp(-z))


@functools.cache
def model() -> dict | None:
    """The fitted candidate model, or None when the package ships none."""
    return json.loads(MODEL.read_text("utf-8")) if MODEL.is_file() else None


@functools.cache
def _cues(pk: Pack) -> re.Pattern:
    """Words that speak of meeting, in any inflection (`entret` …, `talk` …): a word's start."""
    return re.compile(r"(?<![\w-])(?:" + words_pattern(pk.data.get("candidate_cues") or []) + ")", re.IGNORECASE) \
        if pk.data.get("candidate_cues") else re.compile("(?!)")


@functools.cache
def _with(pk: Pack) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + words_pattern(pk.data.get("with_words") or []) + r")(?![\w-])", re.IGNORECASE) \
        if pk.data.get("with_words") else re.compile("(?!)")

