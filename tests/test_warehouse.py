from __future__ import annotations

import datetime as dt
import errno
import os
import multiprocessing
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch_etl.schema import DISPATCHES, PERSONS, SchemaError, to_arrow
from dispatch_etl.warehouse import Warehouse, WarehouseBusy

NOW = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


def _dispatch(i: int, **kw) -> dict:
    row = dict(dispatch_id=f"d{i:03d}", source_uri=f"f{i}.txt", agency="AZERTAC", language="fr",
               published_date=dt.date(2023, 1, 1 + i % 28), dateline_city="Bakou", title=None,
               text=f"texte {i}", ingested_at=NOW, content_sha256="0" * 64)
    row.update(kw)
    return row


def test_warehouse_merge_upserts_and_reads_back_with_pandas(tmp_path):
    store = Warehouse(tmp_path)
    store.merge("dispatches", to_arrow(DISPATCHES, [_dispatch(i) for i in range(3)]))
    store.merge("dispatches", to_arrow(DISPATCHES, [_dispatch(2, text="changed"), _dispatch(3)]))
    df = pd.read_parquet(tmp_path / "dispatches")
    assert list(df["dispatch_id"]) == ["d000", "d001", "d002", "d003"]
    assert df.set_index("dispatch_id").loc["d002", "text"] == "changed"


def test_warehouse_prefer_old_keeps_first_ingestion(tmp_path):
    store = Warehouse(tmp_path)
    store.merge("dispatches", to_arrow(DISPATCHES, [_dispatch(1)]), prefer="old")
    later = NOW + dt.timedelta(days=1)
    store.merge("dispatches", to_arrow(DISPATCHES, [_dispatch(1, ingested_at=later)]), prefer="old")
    assert store.read("dispatches").column("ingested_at").to_pylist() == [NOW]


def test_warehouse_drop_removes_replaced_rows(tmp_path):
    store = Warehouse(tmp_path)
    store.merge("dispatches", to_arrow(DISPATCHES, [_dispatch(i) for i in range(3)]))
    store.merge("dispatches", to_arrow(DISPATCHES, []), drop=[("dispatch_id", ["d001"])])
    assert store.read("dispatches").column("dispatch_id").to_pylist() == ["d000", "d002"]


def test_warehouse_schema_rejects_missing_required_values():
    with pytest.raises(SchemaError, match="dispatch_id"):
        to_arrow(DISPATCHES, [_dispatch(1, dispatch_id=None)])


def test_warehouse_temporary_files_are_invisible_to_readers(tmp_path):
    store = Warehouse(tmp_path)
    store.merge("dispatches", to_arrow(DISPATCHES, [_dispatch(1)]))
    (tmp_path / "dispatches" / ".tmp-crashed.parquet").write_bytes(b"half a file")
    assert len(pd.read_parquet(tmp_path / "dispatches")) == 1
    assert store.read("dispatches").num_rows == 1


def _hold_lock(root, ready, release):
    with Warehouse(root).lock():
        ready.set()
        release.wait(10)


def test_warehouse_lock_refuses_a_second_writer(tmp_path):
    ctx = multiprocessing.get_context("fork")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(tmp_path, ready, release))
    holder.start()
    try:
        assert ready.wait(10)
        with pytest.raises(WarehouseBusy, match="another dispatch-etl run"):
            with Warehouse(tmp_path).lock():
                pass
    finally:
        release.set()
        holder.join(10)
    with Warehouse(tmp_path).lock():
        pass


_names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.text("abcdef0123456789", min_size=1, max_size=8), st.tuples(_names, st.lists(_names, max_size=3)), max_size=20))
def test_warehouse_round_trip_is_lossless(tmp_path_factory, people):
    root = tmp_path_factory.mktemp("wh")
    rows = [{"person_id": k, "name": n, "aliases": a, "keys": a[:1], "name_latin": a[0] if a else None}
            for k, (n, a) in people.items()]
    store = Warehouse(root)
    store.merge("persons", to_arrow(PERSONS, rows))
    back = store.read("persons").to_pylist()
    assert back == sorted(rows, key=lambda r: r["person_id"])
    assert pa.Table.from_pandas(pd.read_parquet(root / "persons")).num_rows == len(rows)


def test_warehouse_append_never_replaces_a_part(tmp_path):
    # Regression: a recovery run re-used a batch name and overwrote an earlier part.
    store = Warehouse(tmp_path)
    store.append("dispatches", "batch-1", to_arrow(DISPATCHES, [_dispatch(1)]))
    store.append("dispatches", "batch-1", to_arrow(DISPATCHES, [_dispatch(2)]))
    assert sorted(store.read("dispatches").column("dispatch_id").to_pylist()) == ["d001", "d002"]


def test_warehouse_delete_rewrites_only_parts_that_hold_rows(tmp_path):
    store = Warehouse(tmp_path)
    store.append("dispatches", "a", to_arrow(DISPATCHES, [_dispatch(1), _dispatch(2)]))
    store.append("dispatches", "b", to_arrow(DISPATCHES, [_dispatch(3)]))
    untouched = (tmp_path / "dispatches" / "part-b.parquet").stat().st_mtime_ns
    assert store.delete("dispatches", "dispatch_id", ["d001"]) == 1
    assert (tmp_path / "dispatches" / "part-b.parquet").stat().st_mtime_ns == untouched
    assert sorted(store.read("dispatches").column("dispatch_id").to_pylist()) == ["d002", "d003"]


@pytest.mark.parametrize("code, cause", [
    (errno.ENOSPC, "disk full (no space left on device) writing"),
    (errno.EACCES, "permission denied on"),
    (errno.EROFS, "permission denied on"),
])
def test_warehouse_operator_errors_name_cause_path_and_remedy(tmp_path, monkeypatch, code, cause):
    """Storage failures an operator can fix become one WarehouseError naming the path (the
    CLI prints it as one line); nothing half-written is left visible."""
    from dispatch_etl.warehouse import WarehouseError, _LocalDisk

    def failing(self, data, tmp, target):
        raise OSError(code, os.strerror(code), str(tmp))

    monkeypatch.setattr(_LocalDisk, "_write", failing)
    store = Warehouse(tmp_path / "w")
    with pytest.raises(WarehouseError) as caught:
        store.append("rejects", "x", pa.table({"source_uri": ["a"], "reason": ["empty"],
                                               "rejected_at": pa.array([0], pa.timestamp("us", tz="UTC"))}))
    assert caught.value.cause == cause
    assert caught.value.path.startswith(str(tmp_path / "w" / "rejects" / "part-x"))
    assert str(caught.value).startswith(f"{cause} {tmp_path / 'w' / 'rejects'}")
    assert not list((tmp_path / "w" / "rejects").glob("*"))


def test_warehouse_unreadable_part_is_a_corrupt_part(tmp_path):
    from dispatch_etl.warehouse import CorruptPart

    store = Warehouse(tmp_path / "w")
    store.append("rejects", "x", pa.table({"source_uri": ["a"], "reason": ["empty"],
                                           "rejected_at": pa.array([0], pa.timestamp("us", tz="UTC"))}))
    part = store.parts("rejects")[0]
    Path(part).write_bytes(b"not parquet at all")
    with pytest.raises(CorruptPart) as caught:
        store.read("rejects")
    assert caught.value.path == part


def test_warehouse_manifest_latest_record_wins_whatever_the_part_names(tmp_path):
    from flows.etl import _mark_done
    from flows.manifest import read_manifest
    from flows.work import InputFile

    store = Warehouse(tmp_path / "wh")
    _mark_done(store, "zzz", [InputFile("a.txt", 10, 1, "h1")], {})
    # Recorded later, in a part whose name sorts first.
    _mark_done(store, "aaa", [InputFile("a.txt", 10, 2, "h1")], {})
    assert read_manifest(store)["a.txt"].mtime_ns == 2


def test_update_rewrites_only_the_parts_that_hold_the_keys(tmp_path):
    store = Warehouse(tmp_path)
    store.append("persons", "a", to_arrow(PERSONS, [{"person_id": "p1", "name": "Рустам Назаров"},
                                                    {"person_id": "p2", "name": "Hakan Demir"}]))
    store.append("persons", "b", to_arrow(PERSONS, [{"person_id": "p3", "name": "Aygerim Suleymanova"}]))
    untouched = {p: Path(p).stat().st_mtime_ns for p in store.parts("persons") if "part-b" in p}
    assert len(untouched) == 1
    assert store.update("persons", "person_id", "name", {"p1": "Rustam Nazarov", "p9": "Nobody"}) == 1
    names = dict(zip(*store.read("persons", ["person_id", "name"]).to_pydict().values()))
    assert names == {"p1": "Rustam Nazarov", "p2": "Hakan Demir", "p3": "Aygerim Suleymanova"}
    assert {p: Path(p).stat().st_mtime_ns for p in untouched} == untouched
    assert store.update("persons", "person_id", "name", {}) == 0
