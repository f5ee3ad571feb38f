"""Scoring extracted meetings against gold annotations (the development corpus format).

Pure: gold records and predicted records in, a `Score` out. Predicted records use the
gold shape: {doc, published, dateline_city, meetings: [{date, kind, city, country, venue,
participants: [{name, honorific, position, organization, country, role}]}]}.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from transforms.geo import same_city
from transforms.identity import compatible, person_key
from transforms.orgs import registry
from transforms.text import fold

MEETING_FIELDS = ("date", "kind", "city", "country")
PARTICIPANT_FIELDS = ("role", "organization", "country", "honorific", "position")


# Why an error happened, for the breakdown `dispatch-etl evaluate` prints. A gold meeting
# no prediction matched is a `missed_trigger` when no predicted meeting stands on its
# sentence, a `wrong_link` when one does (the mentions went elsewhere); a gold participant
# is a `missed_mention` when no meeting of the dispatch names them, a `wrong_link` when
# another one does.
CAUSES = (
    "missed_trigger", "wrong_link", "missed_mention", "spurious_meeting", "spurious_participant",
    "kind", "date", "place", "role", "organization", "position", "honorific", "country", "published",
)
# A meeting field's error and its cause (a participant field is its own cause).
_CAUSE_OF_FIELD = {"date": "date", "kind": "kind", "city": "place", "country": "place"}


@dataclass
class Score:
    counts: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    causes: Counter = field(default_factory=Counter)
    # Every predicted row judged: (`meeting` or `participant`, the predicted row, right?).
    verdicts: list[tuple[str, dict, bool]] = field(default_factory=list)

    def error(self, cause: str, message: str) -> None:
        self.causes[cause] += 1
        self.errors.append(f"{message} [{cause}]")

    def prf(self, what: str) -> tuple[float, float, float]:
        tp, fp, fn = (self.counts[f"{what}_{k}"] for k in ("tp", "fp", "fn"))
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def accuracy(self, what: str) -> float | None:
        total = self.counts[f"{what}_total"]
        return self.counts[f"{what}_ok"] / total if total else None

    def summary(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for what in ("meeting", "participant"):
            p, r, f = self.prf(what)
            out |= {f"{what}_precision": p, f"{what}_recall": r, f"{what}_f1": f}
        for name in MEETING_FIELDS:
            out[f"meeting_{name}_accuracy"] = self.accuracy(f"meeting_{name}")
        for name in PARTICIPANT_FIELDS:
            out[f"participant_{name}_accuracy"] = self.accuracy(f"participant_{name}")
        out["published_accuracy"] = self.accuracy("published")
        return out


def same_name(a: str, b: str) -> bool:
    """One person's name, allowing for spelling (`Baïramov` / `Bayramov`) and middle names."""
    fa, fb = fold(a).replace("-", " "), fold(b).replace("-", " ")
    return fa == fb or fuzz.ratio(fa, fb) >= 90 or person_key(a) == person_key(b) or compatible(a, b)


def _same_org(a: str | None, b: str | None) -> bool:
    """One organisation: the same registry entry (`ISESCO` = `ICESCO`), or the same name
    once normalised (case, accents, punctuation, a leading article). Never by likeness: a
    fragment (`ministère` for `ministère des Affaires étrangères`) or a near name
    (`Université Paris 1` for `Université Paris 8`) is another organisation."""
    if not a or not b:
        return not a and not b
    ra, rb = registry().resolve(a), registry().resolve(b)
    if ra.known and rb.known:
        return ra.organization_id == rb.organization_id
    return _normalised_org(ra.name) == _normalised_org(rb.name)


def _normalised_org(name: str) -> str:
    text = re.sub(r"[^\w]+", " ", fold(name)).strip()
    return re.sub(r"^(the|l|le|la|les) ", "", text)


def _equal(name: str, gold, pred) -> bool:
    if name == "organization":
        return _same_org(gold, pred)
    if name == "city" and gold and pred:
        return same_city(gold, pred)
    if name in ("city", "position"):
        return (gold is None and pred is None) or (
            gold is not None and pred is not None and fold(gold) == fold(pred)
        )
    return (gold or None) == (pred or None)


def score(gold: list[dict], predicted: dict[str, dict]) -> Score:
    """Compare every gold document with its prediction (keyed by doc; absent = nothing found)."""
    result = Score()
    for g in gold:
        doc = g["doc"]
        result.counts["documents"] += 1
        p = predicted.get(doc, {"meetings": [], "published": None})
        if g.get("published") is not None:
            result.counts["published_total"] += 1
            if str(p.get("published")) == g["published"]:
                result.counts["published_ok"] += 1
            else:
                result.error("published", f"{doc}: published {p.get('published')} != gold {g['published']}")
        _score_doc(doc, g["meetings"], p["meetings"], result)
    return result


def grouped(gold: list[dict], predicted: dict[str, dict], key: str) -> dict[str, Score]:
    """One score per value of a gold record's `key` (`language`, `source`), falling back to
    the prediction's own value (the dispatch's language, agency)."""
    groups: dict[str, list[dict]] = {}
    for g in gold:
        value = g.get(key) or predicted.get(g["doc"], {}).get(key) or "unknown"
        groups.setdefault(str(value), []).append(g)
    return {value: score(docs, predicted) for value, docs in sorted(groups.items())}


def _same_sentence(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    fa, fb = fold(a), fold(b)
    return fa in fb or fb in fa or fuzz.partial_ratio(fa, fb) >= 90


def _overlap(gm: dict, pm: dict) -> int:
    return sum(
        1 for a in gm["participants"] for b in pm["participants"] if same_name(a["name"], b["name"])
    )


def _score_doc(doc: str, gold: list[dict], pred: list[dict], result: Score) -> None:
    c = result.counts
    # Pairs are taken best first over the whole dispatch (most participants in common, then
    # the same sentence, then the nearest in order), not gold meeting by gold meeting: an
    # early gold meeting must not take the prediction a later one matches better.
    ranked = sorted(
        ((_overlap(gm, pm), _same_sentence(gm.get("evidence"), pm.get("evidence")), -abs(pi - gi), gi, pi)
         for gi, gm in enumerate(gold) for pi, pm in enumerate(pred)),
        reverse=True,
    )
    taken: dict[int, int] = {}
    for overlap, _, _, gi, pi in ranked:
        if overlap >= 1 and gi not in taken and pi not in taken.values():
            taken[gi] = pi
    pairs = []
    free = [pi for pi in range(len(pred)) if pi not in taken.values()]
    for gi, gm in enumerate(gold):
        if gi in taken:
            pairs.append((gm, pred[taken[gi]]))
        else:
            c["meeting_fn"] += 1
            c["participant_fn"] += len(gm["participants"])
            linked = any(_same_sentence(gm.get("evidence"), pm.get("evidence")) for pm in pred)
            result.error("wrong_link" if linked else "missed_trigger",
                         f"{doc}: missed meeting: {gm['evidence'][:100]}")
    for pi in free:
        c["meeting_fp"] += 1
        c["participant_fp"] += len(pred[pi]["participants"])
        result.verdicts.append(("meeting", pred[pi], False))
        result.verdicts.extend(("participant", pp, False) for pp in pred[pi]["participants"])
        result.error("spurious_meeting", f"{doc}: spurious meeting: {pred[pi].get('evidence', '')[:100]}")
    for gm, pm in pairs:
        c["meeting_tp"] += 1
        result.verdicts.append(("meeting", pm, True))
        for name in MEETING_FIELDS:
            c[f"meeting_{name}_total"] += 1
            if _equal(name, gm.get(name), pm.get(name)):
                c[f"meeting_{name}_ok"] += 1
            else:
                result.error(_CAUSE_OF_FIELD[name],
                             f"{doc}: meeting {name} {pm.get(name)!r} != gold {gm.get(name)!r}")
        elsewhere = [p["name"] for other in pred if other is not pm for p in other["participants"]]
        _score_participants(doc, gm["participants"], pm["participants"], result, elsewhere)


def _score_participants(
    doc: str, gold: list[dict], pred: list[dict], result: Score, elsewhere: list[str]
) -> None:
    c = result.counts
    free = list(pred)
    for gp in gold:
        match = next((pp for pp in free if same_name(gp["name"], pp["name"])), None)
        if match is None:
            c["participant_fn"] += 1
            cause = "wrong_link" if any(same_name(gp["name"], n) for n in elsewhere) else "missed_mention"
            result.error(cause, f"{doc}: missed participant {gp['name']} ({gp['role']})")
            continue
        free.remove(match)
        c["participant_tp"] += 1
        result.verdicts.append(("participant", match, True))
        for name in PARTICIPANT_FIELDS:
            c[f"participant_{name}_total"] += 1
            if _equal(name, gp.get(name), match.get(name)):
                c[f"participant_{name}_ok"] += 1
            else:
                result.error(name, f"{doc}: {gp['name']}: {name} {match.get(name)!r} != gold {gp.get(name)!r}")
    for pp in free:
        c["participant_fp"] += 1
        result.verdicts.append(("participant", pp, False))
        result.error("spurious_participant", f"{doc}: spurious participant {pp['name']} ({pp['role']})")


def calibration(result: Score, what: str, bands: int = 10) -> list[dict]:
    """Rows per confidence band and the share of them that are right, for `meeting` or
    `participant` rows that carry a confidence: band k holds [k/bands, (k+1)/bands)."""
    return banded([(row["confidence"], ok) for kind, row, ok in result.verdicts
                   if kind == what and row.get("confidence") is not None], bands)


def banded(judged: list[tuple[float, bool]], bands: int = 10) -> list[dict]:
    """(confidence, right?) pairs counted per band of confidence, with each band's precision."""
    table = [{"band": (k / bands, (k + 1) / bands), "rows": 0, "right": 0} for k in range(bands)]
    for confidence, ok in judged:
        band = table[min(int(confidence * bands), bands - 1)]
        band["rows"] += 1
        band["right"] += ok
    for band in table:
        band["precision"] = band["right"] / band["rows"] if band["rows"] else None
    return table


def precision_at(result: Score, what: str, threshold: float) -> tuple[int, float | None]:
    """How many `what` rows have a confidence of at least `threshold`, and their precision."""
    judged = [ok for kind, row, ok in result.verdicts
              if kind == what and row.get("confidence") is not None and row["confidence"] >= threshold]
    return len(judged), (sum(judged) / len(judged) if judged else None)
