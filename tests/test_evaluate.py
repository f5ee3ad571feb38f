from __future__ import annotations

import copy

import pytest

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


def test_evaluate_causes_tell_a_missed_trigger_from_a_wrong_link():
    missed = score(GOLD, {"d1": {"meetings": [], "published": "2023-03-09"}})
    assert missed.causes["missed_trigger"] == 1 and not missed.causes["wrong_link"]
    # A prediction stood on the gold sentence but linked other people: a linking error.
    linked = copy.deepcopy(GOLD[0])
    for p, name in zip(linked["meetings"][0]["participants"], ("Jean Dupont", "Marie Curie")):
        p["name"] = name
    result = score(GOLD, {"d1": linked})
    assert result.causes["wrong_link"] == 1 and not result.causes["missed_trigger"]
    assert result.causes["spurious_meeting"] == 1


def test_evaluate_causes_of_field_errors():
    pred = copy.deepcopy(GOLD[0])
    pred["meetings"][0]["city"] = "Bakou"
    pred["meetings"][0]["participants"][1]["role"] = "host"
    del pred["meetings"][0]["participants"][0]
    result = score(GOLD, {"d1": pred})
    assert result.causes == {"place": 1, "role": 1, "missed_mention": 1}
    assert all(e.endswith("]") for e in result.errors)


def test_evaluate_organisation_fragment_is_not_a_match():
    pred = copy.deepcopy(GOLD[0])
    gold = copy.deepcopy(GOLD)
    gold[0]["meetings"][0]["participants"][1]["organization"] = "ministère des Affaires étrangères"
    pred["meetings"][0]["participants"][1]["organization"] = "ministère"
    assert score(gold, {"d1": pred}).causes["organization"] == 1


def test_evaluate_grouped_by_language_scores_each_group_alone():
    from transforms.evaluate import grouped

    en = copy.deepcopy(GOLD[0]) | {"doc": "d2", "language": "en"}
    fr = GOLD[0] | {"language": "fr"}
    groups = grouped([fr, en], {"d1": copy.deepcopy(GOLD[0])}, "language")
    assert groups["fr"].summary()["meeting_f1"] == 1.0
    assert groups["en"].summary()["meeting_recall"] == 0.0
    assert groups["en"].counts["documents"] == 1


@pytest.mark.parametrize("gold_org, predicted, same", [
    ("ministère des Affaires étrangères", "ministère", False),        # a fragment
    ("Université de Strasbourg", "Université", False),
    ("Université de Strasbourg 2", "Université de Strasbourg", False),  # a name inside another
    ("Université Paris 8", "Université Paris 1", False),               # a near name, another body
    ("ministère de l'Écologie", "ministère de l'Économie", False),
    ("ICESCO", "ISESCO", True),                                         # one registry entry
    ("WHO", "OMS", True),
    ("ministère de la Culture", "Ministère de la culture.", True),      # one name, normalised
    ("Université de Strasbourg", "l'Université de Strasbourg", True),
])
def test_evaluate_organisations_match_by_registry_or_exact_name(gold_org, predicted, same):
    pred = copy.deepcopy(GOLD[0])
    gold = copy.deepcopy(GOLD)
    gold[0]["meetings"][0]["participants"][1]["organization"] = gold_org
    pred["meetings"][0]["participants"][1]["organization"] = predicted
    assert (score(gold, {"d1": pred}).causes["organization"] == 0) == same
