"""Fit the candidate scorer (`transforms/data/candidates.json`) on the tuning part of the
real-text set.

    python benchmarks/candidates.py fit [--c 0.3]    # writes the model; prints out-of-fold figures

Every French and English tuning dispatch is read by the rules alone; each sentence that
names two people or more and holds no meeting the rules found is a candidate
(`transforms.candidates.proposals`). A candidate is right when two of its people or more
are participants of one gold meeting that no meeting the rules found matches (one the
rules found, told again, is a duplicate, not a meeting more). A logistic regression
(scikit-learn) weighs the candidates' features; its threshold is the one at which the
out-of-fold scores (folds that keep each source whole) make the tuning part's meeting F1
highest, among those whose kept candidates are right at least `--least-precision` of the
time. The model is written as plain numbers: the package needs no scikit-learn to use it.
Needs the texts' local cache (`realtext.py check`) and `pip install -e '.[train]'`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realtext
from confidence import FOLDS, standardised

from transforms import candidates, evaluate
from transforms.extract import _meetings, rule_meetings
from transforms.ingest import raw_documents
from transforms.lang import pack as language_pack
from transforms.parse import dispatch
from transforms.reading import Reading


def _names(r: Reading, people) -> dict:
    return {"participants": [{"name": r.people[p].full.name} for p in people]}


def rows(split: str = "tune") -> tuple[list[dict], dict]:
    """Every candidate of the split's French and English dispatches, with its features and
    verdict, and the rules' own meeting counts (tp, fp, fn) on those dispatches."""
    candidates.model.cache_clear()
    saved, candidates.MODEL = candidates.MODEL, Path("/nonexistent")  # the rules alone
    try:
        out, base = [], {"tp": 0, "fp": 0, "fn": 0}
        texts = realtext.cache_dir() / "texts"
        for rec in realtext._read_jsonl(realtext.GOLD):
            if rec["split"] != split or rec["language"] not in ("fr", "en"):
                continue
            path = texts / f"{rec['doc']}.txt"
            if not path.is_file():
                sys.exit(f"{path} is missing: rebuild the cache first (benchmarks/realtext.py check)")
            gold = realtext.with_evidence(rec, path.read_text("utf-8"))["meetings"]
            docs = raw_documents(f"{rec['doc']}.txt", path.read_bytes()).docs
            d = dispatch(docs[0]) if docs else None
            pk = language_pack(d.language) if d is not None else None
            if pk is None or not pk.data.get("candidate_cues"):
                base["fn"] += len(gold)
                continue
            pred = _meetings(Reading(d, pk))
            matched = [gm for gm in gold if any(evaluate._overlap(gm, pm) >= 1 for pm in pred)]
            base["tp"] += len(matched)
            base["fn"] += len(gold) - len(matched)
            base["fp"] += sum(1 for pm in pred if not any(evaluate._overlap(gm, pm) >= 1 for gm in gold))
            missed = [gm for gm in gold if gm not in matched]
            r = Reading(d, pk)
            found = rule_meetings(r)
            taken: set[int] = set()
            for m, features in candidates.proposals(r, found):
                names = _names(r, m.roles)
                hit = next((k for k, gm in enumerate(missed) if k not in taken and evaluate._overlap(gm, names) >= 2), None)
                if hit is not None:
                    taken.add(hit)  # (a second candidate for the same meeting would be a duplicate)
                out.append({"doc": rec["doc"], "source": rec["source"], "features": features,
                            "right": hit is not None, "sentence": m.evidence.text[:160]})
        return out, base
    finally:
        candidates.MODEL = saved
        candidates.model.cache_clear()


def fit(args: argparse.Namespace) -> int:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    data, base = rows("tune")
    names, z, mean, scale, fold = standardised(data)
    y = np.array([row["right"] for row in data], dtype=int)
    oof = np.zeros(len(data))
    for k in range(FOLDS):
        lr = LogisticRegression(C=args.c, max_iter=2000).fit(z[fold != k], y[fold != k])
        oof[fold == k] = lr.predict_proba(z[fold == k])[:, 1]
    print(f"{len(data)} candidates, {int(y.sum())} right; the rules alone: "
          f"tp {base['tp']}, fp {base['fp']}, fn {base['fn']}, meeting F1 {_f1(base['tp'], base['fp'], base['fn']):.3f}")
    print("threshold  kept  right  precision  tuning meeting F1 (out-of-fold)")
    best = (_f1(base["tp"], base["fp"], base["fn"]), 1.01)
    for t in np.arange(0.30, 0.96, 0.05):
        keep = oof >= t
        right, wrong = int((keep & (y == 1)).sum()), int((keep & (y == 0)).sum())
        f1 = _f1(base["tp"] + right, base["fp"] + wrong, base["fn"] - right)
        precision = right / (right + wrong) if right + wrong else 1.0
        print(f"  {t:.2f}   {right + wrong:5d}  {right:5d}  {precision:9.3f}  {f1:.3f}")
        if precision >= args.least_precision and f1 > best[0] + 1e-9:
            best = (f1, float(t))
    lr = LogisticRegression(C=args.c, max_iter=2000).fit(z, y)
    model = {
        "fitted": dt.date.today().isoformat(), "data": "tests/fixtures/real/gold.jsonl, split tune (fr, en)",
        "how": f"logistic regression C={args.c} on standardised features; threshold: the best tuning meeting F1 "
               f"over {FOLDS} folds by source, kept candidates at least {args.least_precision} right",
        "features": names, "weights": [round(float(w), 6) for w in lr.coef_[0] / scale],
        "bias": round(float(lr.intercept_[0] - (lr.coef_[0] * mean / scale).sum()), 6),
        "threshold": round(best[1], 2), "rows": len(data), "right": int(y.sum()),
    }
    candidates.MODEL.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
    print(f"threshold {model['threshold']} (out-of-fold tuning meeting F1 {best[0]:.3f}); "
          f"wrote {candidates.MODEL.relative_to(realtext.REPO)}")
    return 0


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("fit", help="fit the candidate scorer on the tuning part")
    f.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    f.add_argument("--least-precision", type=float, default=0.6)
    f.set_defaults(func=fit)
    args = parser.parse_args()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
