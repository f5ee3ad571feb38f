"""Fit the confidence model (`transforms/data/confidence.json`) on the tuning part of the
real-text set, and show how it holds on the held-out part.

    python benchmarks/confidence.py fit      # writes the model; prints out-of-fold calibration
    python benchmarks/confidence.py check [--split held-out] [--save]
                                             # calibration of the shipped model on one split
                                             # (--save keeps it in the model file for the report)

Every predicted meeting and participant row of the tuning dispatches is judged against the
gold (`transforms.evaluate`: a meeting is right when it matches a gold meeting, a
participant when it is one of the matched meeting's gold participants) and described by
the features `transforms.confidence` computes. A logistic regression (scikit-learn) weighs
the features; an isotonic regression maps its out-of-fold scores to the share of rows
right at that score, so that a confidence reads as a precision. The model is written as
plain numbers (weights on the raw features, the isotonic curve's points): the package
needs no scikit-learn to use it. Needs the texts' local cache (`realtext.py check`) and
`pip install -e '.[train]'`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realtext

from transforms import confidence, evaluate
from transforms.extract import meetings
from transforms.ingest import raw_documents
from transforms.parse import dispatch

WHAT = ("meeting", "participant")


def predicted(data: bytes, name: str) -> dict:
    """A cached dispatch read as the pipeline reads it, in the gold shape, with each row's
    confidence and features."""
    docs = raw_documents(f"{name}.txt", data).docs
    d = dispatch(docs[0]) if docs else None
    if d is None:
        return {"published": None, "meetings": []}
    out = []
    for m in meetings(d, explain=True):
        people = []
        for p, features in zip(m["participants"], m["features"]["participants"]):
            people.append({"name": p["name"], "honorific": p["honorific"], "position": p["position"],
                           "organization": p["organization"], "country": p["country_code"], "role": p["role"],
                           "confidence": p["confidence"], "features": features})
        out.append({"date": m["meeting_date"].isoformat() if m["meeting_date"] else None, "kind": m["kind"],
                    "city": m["city"], "country": m["country_code"], "evidence": m["evidence"],
                    "participants": people, "confidence": m["confidence"], "features": m["features"]["meeting"]})
    return {"published": d.published_date.isoformat() if d.published_date else None, "meetings": out}


def judged(split: str) -> evaluate.Score:
    """The split's dispatches extracted and scored (each predicted row with its verdict)."""
    records = [r for r in realtext._read_jsonl(realtext.GOLD) if r["split"] == split and r["language"] in ("fr", "en")]
    texts = realtext.cache_dir() / "texts"
    gold, preds = [], {}
    for r in records:
        path = texts / f"{r['doc']}.txt"
        if not path.is_file():
            sys.exit(f"{path} is missing: rebuild the cache first (benchmarks/realtext.py check)")
        gold.append(realtext.with_evidence(r, path.read_text("utf-8")))
        preds[r["doc"]] = predicted(path.read_bytes(), r["doc"])
    return evaluate.score(gold, preds)


def fit(args: argparse.Namespace) -> int:
    import numpy as np
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    # Fitted in two passes: the participant model takes the meeting's raw score as a
    # feature, so the meeting model is written first and the rows extracted again.
    model = {"fitted": dt.date.today().isoformat(), "data": "tests/fixtures/real/gold.jsonl, split tune"}
    confidence.MODEL.unlink(missing_ok=True)
    for what in WHAT:
        confidence.model.cache_clear()
        result = judged("tune")
        rows = [(row["features"], ok) for kind, row, ok in result.verdicts if kind == what]
        names = sorted(rows[0][0])
        x = np.array([[f[n] for n in names] for f, _ in rows])
        y = np.array([ok for _, ok in rows], dtype=int)
        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale == 0] = 1.0
        z = (x - mean) / scale
        lr = LogisticRegression(C=args.c, max_iter=2000)
        folds = StratifiedKFold(5, shuffle=True, random_state=0)
        oof = cross_val_predict(lr, z, y, cv=folds, method="decision_function")
        # The curve: the out-of-fold scores in bins of equal size (the share right in a
        # bin of a few dozen rows is a steadier estimate than that of a handful), made
        # non-decreasing by isotonic regression over the bins' medians.
        edges = np.quantile(oof, np.linspace(0, 1, args.bins + 1))
        which = np.clip(np.searchsorted(edges, oof, side="right") - 1, 0, args.bins - 1)
        bins = [k for k in range(args.bins) if (which == k).any()]
        centres = np.array([np.median(oof[which == k]) for k in bins])
        shares = np.array([y[which == k].mean() for k in bins])
        sizes = np.array([(which == k).sum() for k in bins])
        iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(centres, shares, sample_weight=sizes)
        lr.fit(z, y)
        weights = lr.coef_[0] / scale
        bias = float(lr.intercept_[0] - (lr.coef_[0] * mean / scale).sum())
        model.pop("measured", None)
        model[what] = {
            "features": names, "weights": [round(float(w), 6) for w in weights], "bias": round(bias, 6),
            "calibration": {"x": [round(float(v), 6) for v in iso.X_thresholds_],
                            "y": [round(float(v), 6) for v in iso.y_thresholds_]},
            "rows": len(rows), "right": int(y.sum()),
        }
        print(f"{what}: {len(rows)} rows, {y.mean():.3f} right; out-of-fold calibration:")
        _print_table(evaluate.banded([(float(c), bool(ok)) for c, ok in zip(iso.predict(oof), y)]))
        confidence.MODEL.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
    print(f"wrote {confidence.MODEL.relative_to(realtext.REPO)}")
    return 0


def check(args: argparse.Namespace) -> int:
    result = judged(args.split)
    report = {}
    for what in WHAT:
        bands = evaluate.calibration(result, what)
        n, precision = evaluate.precision_at(result, what, 0.9)
        report[what] = {"bands": bands, "at_0.9": {"rows": n, "precision": precision}}
        if not args.json:
            print(f"{what} rows, {args.split}:")
            _print_table(bands)
            print(f"   confidence >= 0.9: {n} rows, precision {precision:.3f}" if n else "   none >= 0.9")
    if args.json:
        print(json.dumps(report, indent=1))
    if args.save:
        # The figures the README and the HTML report show beside the model.
        model = json.loads(confidence.MODEL.read_text("utf-8"))
        model["measured"] = {"split": args.split, "data": "tests/fixtures/real/gold.jsonl (fr, en)",
                             "date": dt.date.today().isoformat(), **report}
        confidence.MODEL.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
        print(f"saved the {args.split} calibration in {confidence.MODEL.relative_to(realtext.REPO)}")
    return 0


def _print_table(bands: list[dict]) -> None:
    for b in bands:
        if b["rows"]:
            print(f"   {b['band'][0]:.1f}-{b['band'][1]:.1f}  {b['rows']:>6d} rows  precision {b['precision']:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("fit", help="fit on the tuning part and write the model")
    f.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    f.add_argument("--bins", type=int, default=20, help="bins of the out-of-fold scores for the calibration curve")
    f.set_defaults(run=fit)
    c = sub.add_parser("check", help="the shipped model's calibration on one split")
    c.add_argument("--split", choices=("tune", "held-out"), default="tune")
    c.add_argument("--json", action="store_true")
    c.add_argument("--save", action="store_true", help="keep the figures in the model file (README, report)")
    c.set_defaults(run=check)
    args = parser.parse_args()
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
