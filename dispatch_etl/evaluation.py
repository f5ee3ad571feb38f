"""Reading gold files and warehouse tables into the shapes `transforms.evaluate` scores."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from dispatch_etl.warehouse import Warehouse
from transforms.evaluate import CAUSES, Score, calibration, precision_at

# The columns of the per-language and per-source tables.
_COLUMNS = {
    "docs": None, "meeting F1": "meeting_f1", "particip. F1": "participant_f1",
    "role": "participant_role_accuracy", "date": "meeting_date_accuracy",
    "country": "meeting_country_accuracy", "org.": "participant_organization_accuracy",
}


def read_gold(path: Path) -> list[dict]:
    """Gold records, one JSON object per line, each with at least `doc` and `meetings`."""
    docs = []
    for lineno, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{lineno}: not JSON ({exc.msg})") from None
        if not isinstance(record, dict) or "doc" not in record or "meetings" not in record:
            raise ValueError(f"{path}:{lineno}: a gold record needs 'doc' and 'meetings'")
        docs.append(record)
    return docs


def doc_name(source_uri: str) -> str:
    """`inbox/fr-001.txt.gz` -> `fr-001`."""
    base = source_uri.split("#")[0].rstrip("/").split("/")[-1]
    return re.sub(r"(\.(txt|text|json|jsonl|ndjson))?(\.gz)?$", "", base)


def predictions(warehouse: Path) -> dict[str, dict]:
    """The warehouse's meetings per document, in the gold file's shape. A participant's
    wording (position, honorific) is the one this document's report gives, from
    `participant_reports`; the rest (role, organisation, country) is the meeting's
    merged `participants` row. A person this report does not name, or a warehouse
    written before `participant_reports`, keeps the merged row's wording."""
    store = Warehouse(warehouse)
    dispatches = store.read(
        "dispatches", ["dispatch_id", "source_uri", "published_date", "language", "agency"]
    ).to_pylist()
    meetings = {m["meeting_id"]: m for m in store.read("meetings").to_pylist()}
    people = defaultdict(list)
    for p in store.read("participants").to_pylist():
        people[p["meeting_id"]].append(p)
    wording = {(w["meeting_id"], w["dispatch_id"], w["person_id"]): w
               for w in store.read("participant_reports", ["meeting_id", "dispatch_id", "person_id", "honorific",
                                                           "position", "confidence"]).to_pylist()}
    by_dispatch = defaultdict(list)
    for r in sorted(store.read("meeting_reports").to_pylist(), key=lambda r: r["char_start"] or 0):
        m = meetings.get(r["meeting_id"])
        if m is None:
            continue
        by_dispatch[r["dispatch_id"]].append({
            "date": m["meeting_date"].isoformat() if m["meeting_date"] else None,
            "kind": m["kind"], "city": m["city"], "country": m["country_code"], "venue": m["venue"],
            "evidence": r["evidence"],
            "confidence": r.get("confidence"),  # this report's
            "participants": [_as_reported(p, wording.get((p["meeting_id"], r["dispatch_id"], p["person_id"])))
                             for p in people[r["meeting_id"]]],
        })
    out = {}
    for d in dispatches:
        out[doc_name(d["source_uri"])] = {
            "published": d["published_date"].isoformat() if d["published_date"] else None,
            "meetings": by_dispatch[d["dispatch_id"]],
            "language": d["language"],
            "source": (d["agency"] or "").lower() or None,
        }
    return out


def _as_reported(p: dict, report: dict | None) -> dict:
    """A participant in the gold file's shape, worded as the report gives them."""
    words = report or p
    return {
        "name": p["name"], "honorific": words["honorific"], "position": words["position"],
        "organization": p["organization"], "country": p["country_code"], "role": p["role"],
        "confidence": words.get("confidence") if words.get("confidence") is not None else p.get("confidence"),
    }


def calibration_report(result: Score) -> dict:
    """Per kind of row: rows and precision per confidence band, and at 0.9 and above."""
    out = {}
    for what in ("meeting", "participant"):
        n, precision = precision_at(result, what, 0.9)
        out[what] = {"bands": calibration(result, what), "at_least_0.9": {"rows": n, "precision": precision}}
    return out


def calibration_lines(result: Score) -> list[str]:
    """The calibration table: of the rows in each confidence band, the share that is right."""
    report = calibration_report(result)
    if not any(b["rows"] for part in report.values() for b in part["bands"]):
        return []  # a warehouse written before confidences
    def cells(meetings: dict, participants: dict) -> str:
        return "".join(f"{b['rows']:>{w}d}{'' if b['precision'] is None else format(b['precision'], '.3f'):>11s}"
                       for b, w in ((meetings, 10), (participants, 14)))

    lines = ["", f"{'confidence':<14s}{'meetings':>10s}{'precision':>11s}{'participants':>14s}{'precision':>11s}"]
    for m, p in zip(report["meeting"]["bands"], report["participant"]["bands"]):
        if m["rows"] or p["rows"]:
            lines.append(f"   {m['band'][0]:.1f}–{m['band'][1]:.1f}    " + cells(m, p))
    lines.append("   ≥ 0.9      " + cells(report["meeting"]["at_least_0.9"], report["participant"]["at_least_0.9"]))
    return lines


def score_lines(result: Score, by: dict[str, dict[str, Score]]) -> list[str]:
    """The scores as text: every figure overall, a table per grouping, errors by cause."""
    lines = [f"{key:36s} {'n/a' if value is None else f'{value:.3f}'}" for key, value in result.summary().items()]
    for key, groups in by.items():
        lines += ["", f"by {key:<20s}" + "".join(f"{c:>13s}" for c in _COLUMNS)]
        for value, s in groups.items():
            summary = s.summary()
            docs = s.counts["documents"]
            cells = [f"{docs:>13d}"] + [
                f"{'n/a' if summary[f] is None else f'{summary[f]:.3f}':>13s}" for f in list(_COLUMNS.values())[1:]
            ]
            lines.append(f"   {value:<20s}" + "".join(cells))
    lines += calibration_lines(result)
    total = sum(result.causes.values())
    lines += ["", f"errors by cause ({total})"]
    lines += [f"   {cause:<22s}{result.causes[cause]:>6d}" for cause in CAUSES if result.causes[cause]]
    return lines
