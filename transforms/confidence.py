"""Stage 4, trust: how likely a meeting or a participant row is right, from the evidence
the extractor used.

Each row gets named features (which trigger stated the meeting, whether its parties are
named in that sentence with a title, whether a date or place cue was explicit or guessed,
how the participant was reached …) and a score from a logistic regression over them,
mapped through an isotonic curve to the precision observed at that score (at its lower
bound where few rows tell it). A participant row is right only when its meeting is, so its
confidence is the meeting's times what the participant model says of a person in a
meeting that is right. The model is data, `transforms/data/confidence.json`, fitted on the
tuning part of the real-text set by `benchmarks/confidence.py` (which also says how the
held-out part agrees); without it rows carry no confidence. The score is a cautious
probability, not a grade: of rows at 0.9, at least about nine in ten are right.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from pathlib import Path

from wordfreq import zipf_frequency

from transforms import geo
from transforms.people import given_name
from transforms.reading import Meeting, Reading

MODEL = Path(__file__).parent / "data" / "confidence.json"
TRIGGER_KINDS = ("directed", "reverse", "symmetric", "between", "multilateral", "plural", "among")
DATE_BASES = ("explicit", "weekday", "relative", "publication", "previous")
KINDS = ("phone_call", "video_conference", "ceremony")
ROLES = ("host", "guest", "participant", "attendee")


def meeting_features(r: Reading, m: Meeting, record: dict, parts: int, in_dispatch: int,
                     told_before: bool = False) -> dict[str, float]:
    """What a meeting row stands on. `parts`: the meetings its sentence was split into;
    `in_dispatch`: the meetings found in the dispatch; `told_before`: an earlier meeting
    of the dispatch has the same principals (often the same meeting told again)."""
    principals = [p for p, role in m.roles.items() if role != "attendee"]
    rows = [p for p in record["participants"] if p["role"] != "attendee"]
    said = r.sents[m.sentence].text
    f = {
        "english": float(r.d.language == "en"),
        "nominal": float(bool(m.trigger and m.trigger.nominal)),
        "principals": float(min(len(principals), 4)),
        "attendees": float(len(m.roles) > len(principals)),
        "named_here": _share(principals, lambda p: _named_in(r, p, m.sentence)),
        "officials": _share(principals, r.official),
        "known": _share(principals, lambda p: r.known_state(p) is not None),
        "full_names": _share(principals, lambda p: len(r.people[p].full.tokens) >= 2),
        "positions": _share(principals, lambda p: bool(r.people[p].description.position)),
        "states": _share(rows, lambda p: p["country_code"] is not None),
        "one_state": float(len({p["country_code"] for p in rows}) == 1 and rows[0]["country_code"] is not None),
        "lead": float(m.sentence <= 1),
        "late": math.log1p(m.sentence),
        "retold": float(bool(m.retold)),
        "split": float(parts > 1),
        "crowded": math.log1p(in_dispatch),
        "long": min(len(said.split()), 120) / 40,
        "quoted": float(any(q in said for q in "«“\"")),
        "home_guessed": float(r.home_guessed),
        "place": float(record["country_code"] is not None),
        "future": float(bool(r.pk.future.search(said))),
        "earlier": float(bool(r.pk.before.search(said))),
        "told_before": float(told_before),
        "reach": min(_reach(r, m, principals), 300) / 100,
        # a name misread among the parties (`Extraordinaire`, `SénégalAmadou Fall`) tells a
        # sentence the reader got wrong, and a meeting it may have made up
        "odd_name": float(any(_odd(name_shape(p["name"], r.d.language, r.pk.code)) for p in record["participants"])),
        "one_word_name": float(any(len(p["name"].split()) == 1 for p in record["participants"])),
    }
    for kind in TRIGGER_KINDS:
        f[f"trigger_{kind}"] = float(bool(m.trigger) and m.trigger.kind == kind)
    for basis in DATE_BASES:
        f[f"date_{basis}"] = float(record["date_basis"] == basis)
    for kind in KINDS:
        f[f"kind_{kind}"] = float(record["kind"] == kind)
    return f


def participant_features(r: Reading, m: Meeting, p: int, row: dict) -> dict[str, float]:
    """What a participant row stands on, beside its meeting's own evidence."""
    person = r.people[p]
    d = person.description
    f = {
        "named_here": float(_named_in(r, p, m.sentence)),
        "distance": min(_reach(r, m, [p]), 300) / 100,
        "mentions": math.log1p(len(person.mentions)),
        "one_word": float(len(person.full.tokens) == 1),
        "long_name": float(len(person.full.tokens) >= 4),
        "honorific": float(bool(row["honorific"])),
        "position": float(bool(d.position)),
        "organization": float(bool(d.organization)),
        "state": float(row["country_code"] is not None),
        "known": float(r.known_state(p) is not None),
        "official": float(r.official(p)),
        "delegate": float(p in r.delegates),
    }
    f |= name_shape(row["name"], r.d.language, r.pk.code)  # (a cached dict: copied in)
    f["demonym_word"] = float(any(r.pk.demonym_country(w) for w in row["name"].split()))
    for role in ROLES:
        f[f"role_{role}"] = float(row["role"] == role)
    # present, but named only in another sentence: annotators often leave those out
    f["attendee_elsewhere"] = f["role_attendee"] * (1 - f["named_here"])
    return f


# words run together (`KyrgyzstanLesslie`, `SEMme`; not `AlMalik`) or an initial alone (`R`)
_ODD_WORD = re.compile(r"\w*[a-zà-ÿ]{4}[A-ZÀ-Ý]|[A-ZÀ-Ý]{2,}[a-zà-ÿ]|[A-ZÀ-Ý]$")


@functools.lru_cache(maxsize=4096)
def name_shape(name: str, language: str, pack_code: str) -> dict[str, float]:
    """Whether a name looks like a person's: a known given name first, no common word,
    state or city in it, no words run together or starting lower-case (`du Nigeria`)."""
    words = name.replace("-", " ").split()
    first = next((w for w in words if w[:1].isupper()), words[0] if words else "")
    return {
        "given_first": float(bool(first) and given_name(first)),
        "common_word": float(any(zipf_frequency(w.lower(), language) >= 4.0 and not given_name(w) for w in words)),
        "place_word": float(any(geo.country_code(w, pack_code) or geo.is_city_name(w, 20_000) for w in words
                                if not given_name(w))),
        "odd_word": float(any(_ODD_WORD.match(w) for w in words)),
        "lower_start": float(bool(name) and name[0].islower()),
    }


def _odd(shape: dict[str, float]) -> bool:
    return any(shape[k] for k in ("common_word", "place_word", "odd_word", "lower_start"))


def _reach(r: Reading, m: Meeting, people: list[int]) -> float:
    """How far from its trigger the farthest party named in the sentence stands (chars)."""
    spans = [mm for q, mm in r.sent_mentions[m.sentence] if q in people and mm.end > mm.name_start]
    return max((abs(mm.name_start - m.at) for mm in spans), default=0.0) if m.at >= 0 else 0.0


def _share(items: list, test) -> float:
    return sum(1 for x in items if test(x)) / len(items) if items else 0.0


def _named_in(r: Reading, p: int, i: int) -> bool:
    """Whether sentence `i` writes person `p`'s name (not a pronoun or a title alone)."""
    return any(q == p and mm.name and mm.end > mm.name_start for q, mm in r.sent_mentions[i])


@functools.cache
def model() -> dict | None:
    """The fitted model, or None when the package ships none."""
    if not MODEL.is_file():
        return None
    return json.loads(MODEL.read_text("utf-8"))


def logit(what: str, features: dict[str, float]) -> float | None:
    """The model's raw score for a `meeting` or `participant` row (None without a model)."""
    part = (model() or {}).get(what)
    if part is None:
        return None
    return part["bias"] + sum(w * features.get(name, 0.0) for name, w in zip(part["features"], part["weights"]))


def calibrated(what: str, score: float | None) -> float | None:
    """The precision seen at this score: the isotonic curve, linear between its points."""
    if score is None:
        return None
    curve = model()[what]["calibration"]
    xs, ys = curve["x"], curve["y"]
    if score <= xs[0]:
        return round(ys[0], 4)
    if score >= xs[-1]:
        return round(ys[-1], 4)
    k = bisect.bisect_right(xs, score)
    x0, x1, y0, y1 = xs[k - 1], xs[k], ys[k - 1], ys[k]
    y = y0 if x1 == x0 else y0 + (y1 - y0) * (score - x0) / (x1 - x0)
    return round(y, 4)


def participant_confidence(meeting: float | None, features: dict[str, float]) -> float | None:
    """A participant row's confidence: its meeting's times the participant model's (the
    share of people right among those of meetings that are right, at their score)."""
    own = calibrated("participant", logit("participant", features))
    return None if meeting is None or own is None else round(meeting * own, 4)
