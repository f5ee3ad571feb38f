from __future__ import annotations

import copy

from transforms.evaluate import score

GOLD = [{
    "doc": "d1", "published": "2023-03-09",
    "meetings": [{
        "date": "2023-03-07", "kind": "meeting", "city": "Rabat", "country": "MA", "evidence": "x",
        "participants": [
            {"name": "Salim M. AlMalik", "honorific": "Dr", "position": "Directeur général",
             "organization": "ICESCO", "country": None, "role": "host"},
            {"name": "Rauf Gasimov", "honorific": "M.", "position": "ambassadeur",
             "organization": None, "country": "AZ", "role": "guest"},
        ],
    }],
}]


def test_evaluate_perfect_prediction_scores_one():
    s = score(GOLD, {"d1": copy.deepcopy(GOLD[0])}).summary()
    assert s["meeting_f1"] == s["participant_f1"] == s["participant_role_accuracy"] == 1.0


def test_evaluate_counts_errors_and_resolves_org_aliases():
    pred = copy.deepcopy(GOLD[0])
    pred["meetings"][0]["participants"][0]["organization"] = "ISESCO"  # former name: same org
    pred["meetings"][0]["participants"][1]["role"] = "participant"
    pred["meetings"][0]["date"] = "2023-03-08"
    pred["meetings"].append({"date": None, "kind": "meeting", "city": None, "country": None, "evidence": "y",
                             "participants": [{"name": "Nobody Known", "role": "host"}]})
    result = score(GOLD, {"d1": pred})
    s = result.summary()
    assert s["participant_organization_accuracy"] == 1.0
    assert s["participant_role_accuracy"] == 0.5
    assert s["meeting_date_accuracy"] == 0.0
    assert s["meeting_precision"] == 0.5 and s["meeting_recall"] == 1.0
    assert any("spurious meeting" in e for e in result.errors)


def test_evaluate_missing_document_is_all_misses():
    s = score(GOLD, {}).summary()
    assert s["meeting_recall"] == 0.0 and s["participant_recall"] == 0.0
