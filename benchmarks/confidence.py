"""Fit the confidence model (`transforms/data/confidence.json`) on the tuning part of the
real-text set, and show how it holds on the held-out part.

    python benchmarks/confidence.py fit [--nested]
                                             # writes the model; prints out-of-fold calibration
                                             # (--nested: as on sources the fit never saw)
    python benchmarks/confidence.py check [--split held-out] [--save]
                                             # calibration of the shipped model on one split
                                             # (--save keeps it in the model file for the report)

Every predicted meeting and participant row of the tuning dispatches is judged against the
gold (`transforms.evaluate`: a meeting is right when it matches a gold meeting, a
participant when it is one of the matched meeting's gold participants) and described by
the features `transforms.confidence` computes. A logistic regression (scikit-learn) weighs
the features; a cautious isotonic curve maps its out-of-fold scores (folds that keep each
source whole) to the share of rows right at that score, taken at its lower bound, so that
a confidence reads as a precision that errs low. The participant model is fitted on the
people of right meetings, and the meeting's confidence multiplied in. The model is written as
plain numbers (weights on the raw features, the isotonic curve's points): the package
needs no scikit-learn to use it. Needs the texts' local cache (`realtext.py check`) and
`pip install -e '.[train]'`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
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
FOLDS = 5


def predicted(data: bytes, name: str) -> dict:
    """A cached dispatch read as the pipeline reads it, in the gold shape, with each row's
    confidence and features."""
    docs = raw_documents(f"{name}.txt", data).docs
    d = dispatch(docs[0]) if docs else None
    if d is None:
        return {"published": None, "meetings": []}
    out = []
    for k, m in enumerate(meetings(d, explain=True)):
        key = f"{name}#{k}"
        people = []
        for p, features in zip(m["participants"], m["features"]["participants"]):
            people.append({"name": p["name"], "honorific": p["honorific"], "position": p["position"],
                           "organization": p["organization"], "country": p["country_code"], "role": p["role"],
                           "confidence": p["confidence"], "features": features, "of": key})
        out.append({"date": m["meeting_date"].isoformat() if m["meeting_date"] else None, "kind": m["kind"],
                    "city": m["city"], "country": m["country_code"], "evidence": m["evidence"],
                    "participants": people, "confidence": m["confidence"], "features": m["features"]["meeting"],
                    "key": key})
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
        for m in preds[r["doc"]]["meetings"]:
            for row in [m, *m["participants"]]:
                row["source"] = r["source"]  # (the fit's folds keep a source together)
    return evaluate.score(gold, preds)


def fit(args: argparse.Namespace) -> int:
    # The features do not depend on the model: one reading of the tuning part serves both.
    confidence.MODEL.unlink(missing_ok=True)
    confidence.model.cache_clear()
    result = judged("tune")
    meetings = [(row, ok) for kind, row, ok in result.verdicts if kind == "meeting"]
    people = [(row, ok) for kind, row, ok in result.verdicts if kind == "participant"]
    parts, tables = _models(meetings, people, args)
    model = {"fitted": dt.date.today().isoformat(), "data": "tests/fixtures/real/gold.jsonl, split tune",
             "how": f"logistic regression C={args.c}; out-of-fold scores in {FOLDS} folds by source; "
                    f"isotonic curve over runs of at least {args.least} rows, each at its "
                    f"{args.z}-sigma lower bound; a participant's model fitted on the rows of right meetings",
             **parts}
    _print_tables("out-of-fold (the curve fitted on these scores)", tables, parts)
    if args.nested:
        _print_tables("nested: each fold of sources scored by a model and a curve fitted without it",
                      _nested(meetings, people, args), parts)
    confidence.MODEL.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
    print(f"wrote {confidence.MODEL.relative_to(realtext.REPO)}")
    return 0


def _models(meetings: list[tuple[dict, bool]], people: list[tuple[dict, bool]],
            args: argparse.Namespace) -> tuple[dict, dict]:
    """The meeting and participant models, and every row's out-of-fold (confidence, right?)."""
    import numpy as np

    mine, m_oof = _fitted([row for row, _ in meetings], [ok for _, ok in meetings], None, args)
    # A participant is judged among the people of meetings that are right: the meeting's
    # own confidence is multiplied in (`confidence.participant_confidence`).
    meeting_right = {row["key"]: ok for row, ok in meetings}
    in_right = np.array([meeting_right[row["of"]] for row, _ in people])
    theirs, p_oof = _fitted([row for row, _ in people], [ok for _, ok in people], in_right, args)
    of_meeting = {row["key"]: c for (row, _), c in zip(meetings, m_oof)}
    tables = {"meeting": [(c, ok) for c, (_, ok) in zip(m_oof, meetings)],
              "participant": [(of_meeting[row["of"]] * c, ok) for (row, ok), c in zip(people, p_oof)]}
    return {"meeting": mine, "participant": theirs}, tables


def _nested(meetings: list[tuple[dict, bool]], people: list[tuple[dict, bool]], args: argparse.Namespace) -> dict:
    """Every row's confidence from models fitted without its fold of sources (other folds
    than the fit's own): what to expect of sources the fit never saw."""
    out = {"meeting": [], "participant": []}
    for k in range(FOLDS):
        def held(row: dict) -> bool:
            return _fold_of(row["source"], "nested") == k

        parts, _ = _models([(r, ok) for r, ok in meetings if not held(r)],
                           [(r, ok) for r, ok in people if not held(r)], args)
        sure = {r["key"]: _applied(parts["meeting"], r["features"]) for r, _ in meetings if held(r)}
        out["meeting"] += [(sure[r["key"]], ok) for r, ok in meetings if held(r)]
        out["participant"] += [(sure[r["of"]] * _applied(parts["participant"], r["features"]), ok)
                               for r, ok in people if held(r)]
    return out


def _applied(part: dict, features: dict[str, float]) -> float:
    """A fitted part's confidence for one row (`transforms.confidence`'s arithmetic)."""
    import numpy as np

    score = part["bias"] + sum(w * features.get(n, 0.0) for n, w in zip(part["features"], part["weights"]))
    return float(np.interp(score, part["calibration"]["x"], part["calibration"]["y"]))


def _print_tables(title: str, tables: dict, parts: dict) -> None:
    for what in WHAT:
        rows = tables[what]
        print(f"{what}: {len(rows)} rows, {sum(ok for _, ok in rows) / len(rows):.3f} right "
              f"(fitted on {parts[what]['rows']}); {title}:")
        _print_table(evaluate.banded([(float(c), bool(ok)) for c, ok in rows]))
        sure = [ok for c, ok in rows if c >= 0.9]
        print(f"   confidence >= 0.9: {len(sure)} rows, precision {sum(sure) / len(sure):.3f}" if sure
              else "   none >= 0.9")


def _fitted(rows: list[dict], right, train, args: argparse.Namespace) -> tuple[dict, list[float]]:
    """One table's model, fitted on the rows where `train` holds (all when None), and every
    row's out-of-fold confidence. The folds hold out whole sources: the held-out part comes
    partly from sources the tuning part never saw, and rows of one source look alike."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names, z, mean, scale, fold = standardised(rows)
    y = np.asarray(right, dtype=int)
    train = np.ones(len(rows), bool) if train is None else np.asarray(train, bool)
    oof = np.zeros(len(rows))
    for k in range(FOLDS):
        fitting = train & (fold != k)
        lr = LogisticRegression(C=args.c, max_iter=2000).fit(z[fitting], y[fitting])
        oof[fold == k] = lr.decision_function(z[fold == k])
    curve = _cautious_curve(oof[train], y[train], args.least, args.z)
    lr = LogisticRegression(C=args.c, max_iter=2000).fit(z[train], y[train])
    weights = lr.coef_[0] / scale
    bias = float(lr.intercept_[0] - (lr.coef_[0] * mean / scale).sum())
    part = {
        "features": names, "weights": [round(float(w), 6) for w in weights], "bias": round(bias, 6),
        "calibration": {"x": [round(float(v), 6) for v in curve.X_thresholds_],
                        "y": [round(float(v), 6) for v in curve.y_thresholds_]},
        "rows": int(train.sum()), "right": int(y[train].sum()),
    }
    return part, [float(c) for c in curve.predict(oof)]


def standardised(rows: list[dict]):
    """The rows' features (sorted names) as a standardised matrix, with the means and scales
    that turn weights on it back into weights on the raw features, and each row's fold."""
    import numpy as np

    names = sorted(rows[0]["features"])
    x = np.array([[row["features"][n] for n in names] for row in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    return names, (x - mean) / scale, mean, scale, np.array([_fold_of(row["source"]) for row in rows])


def _fold_of(source: str, salt: str = "") -> int:
    """A source's fold, fixed by its name's hash (reproducible, and no source in two)."""
    return int(hashlib.sha1((salt + source).encode()).hexdigest(), 16) % FOLDS


def _cautious_curve(scores, right, least: int, z: float):
    """Scores to a precision that errs low. Isotonic regression groups the out-of-fold
    scores into runs of one precision; runs of fewer than `least` rows join the next (a
    share of a handful is noise), each run's share right is taken at its Wilson lower
    bound (`z` standard errors below), and those bounds, made non-decreasing again, are the
    curve. A big run all right keeps a bound near 1; a thin or mixed one falls below 0.9."""
    import numpy as np
    from sklearn.isotonic import IsotonicRegression

    order = np.argsort(scores, kind="stable")
    s, y = np.asarray(scores)[order], np.asarray(right)[order]
    level = IsotonicRegression(out_of_bounds="clip").fit(s, y).predict(s)
    runs: list[np.ndarray] = []
    for run in np.split(np.arange(len(s)), np.flatnonzero(np.diff(level)) + 1):
        if runs and len(runs[-1]) < least:
            runs[-1] = np.concatenate([runs[-1], run])
        else:
            runs.append(run)
    if len(runs) > 1 and len(runs[-1]) < least:
        runs[-2:] = [np.concatenate(runs[-2:])]
    n = np.array([len(run) for run in runs])
    share = np.array([y[run].mean() for run in runs])
    bound = (share + z * z / (2 * n) - z * np.sqrt(share * (1 - share) / n + z * z / (4 * n * n))) / (1 + z * z / n)
    centres = np.array([np.median(s[run]) for run in runs])
    return IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(centres, bound, sample_weight=n)


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
    # (the defaults as chosen on the tuning part, scored out of fold with a curve fitted
    # on the other folds: see the README's Confidence section)
    f.add_argument("--c", type=float, default=0.1, help="inverse regularisation strength")
    f.add_argument("--least", type=int, default=80, help="fewest rows behind a point of the calibration curve")
    f.add_argument("--z", type=float, default=1.64, help="standard errors below its share right each point is put")
    f.add_argument("--nested", action="store_true", help="also score each fold of sources by models fitted without it")
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
