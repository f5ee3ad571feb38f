"""Candidate meetings: sentences the rules did not read as a meeting that name two people,
and the learned scorer that keeps some of them (`transforms.candidates`). The scorer's
reach on real text is measured by `benchmarks/candidates.py fit` and `realtext.py score`."""

from __future__ import annotations

from pathlib import Path

from transforms import candidates
from transforms.extract import meetings, rule_meetings
from transforms.ingest import RawDoc
from transforms.lang import pack
from transforms.parse import dispatch
from transforms.reading import Reading

# A meeting the rules read, told again, then two other people in a sentence of no rule's shape.
TOLD = (
    "Lomé, 9 avril (Agence) — Le ministre togolais des Affaires étrangères, Kodjo Amavi, a reçu "
    "mardi l’ambassadeur du Ghana, Kwame Boateng. Kodjo Amavi et Kwame Boateng ont parlé du commerce. "
    "Le lendemain, la ministre béninoise Aïcha Sanni et son homologue nigérienne Fatima Garba ont passé "
    "en revue les travaux de la commission mixte."
)


def _reading(text: str) -> Reading:
    d = dispatch(RawDoc("t.txt", text, "0" * 64))
    return Reading(d, pack(d.language))


def _names(r: Reading, m) -> set[str]:
    return {r.people[p].full.name for p in m.roles}


def test_a_sentence_naming_two_people_is_a_candidate_unless_it_retells_a_meeting_found():
    r = _reading(TOLD)
    found = rule_meetings(r)
    assert [_names(r, m) for m in found] == [{"Kodjo Amavi", "Kwame Boateng"}]
    proposed = candidates.proposals(r, found)
    assert [_names(r, m) for m, _ in proposed] == [{"Aïcha Sanni", "Fatima Garba"}]
    features = proposed[0][1]
    assert features["first"] == 1.0 and features["two_states"] == 1.0 and features["seen"] == 0.0
    assert features["found"] > 0  # the rules found a meeting elsewhere in the dispatch


def _keeping_all() -> dict:
    return {"features": ["people"], "weights": [0.0], "bias": 1.0, "threshold": 0.5}


def test_a_kept_candidate_is_a_meeting_no_surer_than_its_score(monkeypatch):
    monkeypatch.setattr(candidates, "model", _keeping_all)
    found = meetings(dispatch(RawDoc("t.txt", TOLD, "0" * 64)))
    assert len(found) == 2
    kept = found[1]
    assert {p["name"] for p in kept["participants"]} == {"Aïcha Sanni", "Fatima Garba"}
    assert {p["role"] for p in kept["participants"]} == {"participant"}
    assert kept["confidence"] <= round(1 / (1 + 2.718281828 ** -1.0), 4)


def test_without_a_model_no_candidate_is_kept(monkeypatch):
    monkeypatch.setattr(candidates, "MODEL", Path("/nonexistent/candidates.json"))
    candidates.model.cache_clear()
    try:
        assert len(meetings(dispatch(RawDoc("t.txt", TOLD, "0" * 64)))) == 1
    finally:
        candidates.model.cache_clear()


def test_the_shipped_scorer_keeps_a_meeting_told_in_a_lead_of_no_rules_shape():
    # (a lead that says what two ministers did after meeting: no trigger the rules link)
    text = (
        "Genève, 12 mars (Agence) — À l’issue de leur rencontre, le ministre malien des Affaires "
        "étrangères, Abdoulaye Traoré, a invité son homologue nigérien, Moussa Diallo, à se rendre à Bamako"
    )
    found = meetings(dispatch(RawDoc("t.txt", text, "0" * 64)))
    assert [{p["name"] for p in m["participants"]} for m in found] == [{"Abdoulaye Traoré", "Moussa Diallo"}]
    assert found[0]["confidence"] < 0.9


def test_the_shipped_scorer_leaves_a_letter_between_two_presidents():
    text = (
        "Dakar, 3 juin (Agence) — Le président Amadou Ndiaye a adressé une lettre de félicitations à son "
        "homologue gambien Lamin Jallow à l’occasion de la fête nationale."
    )
    assert meetings(dispatch(RawDoc("t.txt", text, "0" * 64))) == []
