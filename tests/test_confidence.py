"""The confidence on meeting, participant and event rows: the model's arithmetic, the
features it reads, the calibration table `evaluate` prints, and the `min_confidence`
filters. (Its calibration on real text is measured by `benchmarks/confidence.py check`.)"""

from __future__ import annotations

import analyst_warehouse
import pyarrow as pa
import pytest
from extraction import extract

from transforms import confidence, evaluate
from transforms.extract import meetings
from transforms.ingest import RawDoc
from transforms.parse import dispatch

TEXT = (
    "Bakou, 14 mars, AZERTAC\n\n"
    "Le ministre des Affaires étrangères Orhan Valiyev a reçu jeudi l'ambassadrice du Portugal, "
    "Mme Teresa Ameixoeira, en présence du directeur du protocole Kamran Qasimli. "
    "Les deux parties ont évoqué la coopération dans le domaine de l'énergie."
)


def _tiny_model() -> dict:
    part = {"features": ["a", "b"], "weights": [2.0, -1.0], "bias": 0.5,
            "calibration": {"x": [-1.0, 0.0, 2.0], "y": [0.1, 0.5, 0.9]}}
    return {"meeting": part, "participant": part}


def test_confidence_is_the_calibration_curve_at_the_models_score(monkeypatch):
    monkeypatch.setattr(confidence, "model", _tiny_model)
    assert confidence.logit("meeting", {"a": 1.0, "b": 0.5}) == pytest.approx(2.0)
    assert confidence.logit("meeting", {}) == pytest.approx(0.5)  # an absent feature is 0
    assert confidence.calibrated("meeting", 1.0) == pytest.approx(0.7)  # halfway from 0.5 to 0.9
    assert confidence.calibrated("meeting", -5.0) == pytest.approx(0.1)  # clipped at both ends
    assert confidence.calibrated("meeting", 9.0) == pytest.approx(0.9)
    assert confidence.calibrated("meeting", None) is None


def test_a_participant_is_as_sure_as_its_meeting_times_its_own_model(monkeypatch):
    """A person is right only in a meeting that is: the participant model speaks of people
    of right meetings, and the meeting's confidence is multiplied in."""
    monkeypatch.setattr(confidence, "model", _tiny_model)
    assert confidence.participant_confidence(0.8, {"a": 0.25}) == pytest.approx(0.8 * 0.7)  # own: 0.7
    assert confidence.participant_confidence(None, {"a": 0.5}) is None
    rows = extract(TEXT)
    assert all(p["confidence"] <= rows[0]["confidence"] for p in rows[0]["participants"])


def test_no_model_no_confidence(monkeypatch):
    monkeypatch.setattr(confidence, "model", lambda: None)
    rows = extract(TEXT)
    assert rows and rows[0]["confidence"] is None
    assert all(p["confidence"] is None for p in rows[0]["participants"])


def test_the_shipped_model_reads_the_features_the_extractor_gives():
    fitted = confidence.model()
    assert fitted is not None, "transforms/data/confidence.json is missing"
    records = meetings(dispatch(RawDoc("t.txt", TEXT, "0" * 64)), explain=True)
    assert records
    features = records[0]["features"]
    assert set(fitted["meeting"]["features"]) == set(features["meeting"])
    assert all(set(fitted["participant"]["features"]) == set(f) for f in features["participants"])
    for what in ("meeting", "participant"):
        xs, ys = fitted[what]["calibration"]["x"], fitted[what]["calibration"]["y"]
        assert xs == sorted(xs) and ys == sorted(ys), "the calibration curve must not fall"
        assert 0 <= ys[0] and ys[-1] <= 1


def test_every_row_the_extractor_gives_has_a_confidence_between_0_and_1():
    rows = extract(TEXT)
    assert len(rows) == 1
    values = [rows[0]["confidence"]] + [p["confidence"] for p in rows[0]["participants"]]
    assert len(values) == 4 and all(v is not None and 0 <= v <= 1 for v in values)


def test_a_plain_reception_is_trusted_more_than_a_name_the_reader_got_wrong():
    """The name-shape features: words run together, a state, a lower-case start."""
    plain = confidence.name_shape("Teresa Ameixoeira", "fr", "fr")
    assert plain["given_first"] == 1 and not any(plain[k] for k in ("odd_word", "place_word", "lower_start"))
    assert confidence.name_shape("SénégalAmadou Fall", "fr", "fr")["odd_word"] == 1
    assert confidence.name_shape("du Nigeria", "fr", "fr")["lower_start"] == 1
    assert confidence.name_shape("du Nigeria", "fr", "fr")["place_word"] == 1


def _pred(confidences: list[float], names: list[list[str]]) -> dict:
    return {"published": None, "meetings": [
        {"date": None, "kind": "meeting", "city": None, "country": None, "evidence": f"Sentence {k}.",
         "confidence": c, "participants": [{"name": n, "role": "participant", "confidence": c} for n in people]}
        for k, (c, people) in enumerate(zip(confidences, names))]}


def test_calibration_counts_rows_and_right_ones_per_band():
    gold = [{"doc": "d", "meetings": [
        {"date": None, "kind": "meeting", "city": None, "country": None, "evidence": "Sentence 0.",
         "participants": [{"name": "Ana Lima", "role": "participant"}, {"name": "Rui Costa", "role": "participant"}]},
    ]}]
    # one right meeting at 0.95 (both people right), one spurious at 0.42 (both wrong)
    result = evaluate.score(gold, {"d": _pred([0.95, 0.42], [["Ana Lima", "Rui Costa"], ["Ivo Reis", "Eva Sá"]])})
    bands = evaluate.calibration(result, "meeting")
    assert bands[9]["rows"] == 1 and bands[9]["precision"] == 1.0
    assert bands[4]["rows"] == 1 and bands[4]["precision"] == 0.0
    assert sum(b["rows"] for b in bands) == 2
    assert evaluate.precision_at(result, "participant", 0.9) == (2, 1.0)
    assert evaluate.precision_at(result, "participant", 0.4) == (4, 0.5)

    from dispatch_etl.evaluation import calibration_lines

    lines = calibration_lines(result)
    assert any(line.strip().startswith("0.9–1.0") for line in lines)
    assert any(line.strip().startswith("≥ 0.9") for line in lines)


def _with_confidences(root, meetings: dict[str, float], people: dict[tuple[str, str], float]):
    from dispatch_etl.schema import TABLES, conform
    from dispatch_etl.warehouse import Warehouse

    store = Warehouse(root)
    for table, values, key in (("meetings", meetings, lambda r: r["meeting_id"]),
                               ("participants", people, lambda r: (r["meeting_id"], r["person_id"]))):
        rows = store.read(table).to_pylist()
        for r in rows:
            r["confidence"] = values.get(key(r))
        store.replace(table, conform(TABLES[table], pa.Table.from_pylist(rows, schema=TABLES[table].schema)))


def test_tables_keep_the_rows_at_least_as_sure_as_asked(tmp_path):
    from dispatch_etl.tables import Tables

    root = analyst_warehouse.write(tmp_path / "wh")
    _with_confidences(root, {"m1": 0.97, "m2": 0.55, "m3": 0.91, "m4": 0.99},  # m5: none
                      {("m1", "p-bai"): 0.95, ("m1", "p-lav"): 0.6, ("m3", "p-mal"): 0.93,
                       ("m3", "p-dup"): 0.92, ("m4", "p-mal"): 0.99, ("m4", "p-bai"): 0.98})
    wh = Tables(root)
    assert set(wh.meetings(min_confidence=0.9)["meeting_id"]) == {"m1", "m3", "m4"}
    assert set(wh.meetings(min_confidence=0.95, kind="meeting")["meeting_id"]) == {"m1"}
    sure = wh.participations(min_confidence=0.9)
    assert set(zip(sure["meeting_id"], sure["person_id"])) == {
        ("m1", "p-bai"), ("m3", "p-mal"), ("m3", "p-dup"), ("m4", "p-mal"), ("m4", "p-bai")}
    assert "meeting_confidence" in sure.columns
    assert len(wh.participants(min_confidence=0.9, person="Lavrov")) == 1  # the Lavrov meeting's sure row
    # An event is as sure as the least sure of its meeting and its two parties.
    events = wh.events()
    m1 = events[events["meeting_id"] == "m1"]
    assert list(m1["confidence"]) == [0.6, 0.6]
    assert set(wh.events(min_confidence=0.9)["meeting_id"]) == {"m3", "m4"}
    assert set(wh.table("events", columns=["meeting_id"])["meeting_id"]) == set(events["meeting_id"])
    with pytest.raises(ValueError, match="between 0 and 1"):
        wh.meetings(min_confidence=90)
