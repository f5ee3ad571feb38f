"""The warehouse on an object store: a real S3-compatible server (moto's, in server mode on
127.0.0.1, a separate process) reached over HTTP by s3fs and pyarrow, as a user's S3 would
be. The pipeline's tables there equal a local run's; a re-run changes nothing; the lease
lock refuses a second writer and outlives no dead run; nothing temporary is left behind."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import comparable_tables

from dispatch_etl.schema import TABLES
from dispatch_etl.tables import Tables
from dispatch_etl.warehouse import Warehouse, WarehouseBusy, _ObjectStore
from flows.etl import dispatch_etl

BIN = Path(sys.executable).parent


def test_storage_flow_on_s3_equals_local_and_reruns_idempotently(prefect_harness, examples, s3, tmp_path):
    url = "s3://warehouses/dev"
    first = dispatch_etl(inbox=str(examples), warehouse=url, batch_size=16)
    assert first["dispatches_new"] == 56
    dispatch_etl(inbox=str(examples), warehouse=str(tmp_path / "local"), batch_size=16)
    # Read back with nothing but pandas, as TABLES.md promises (pyarrow's own S3 client).
    remote = comparable_tables(lambda name: pd.read_parquet(f"{url}/{name}"))
    local = comparable_tables(lambda name: pd.read_parquet(tmp_path / "local" / name))
    for name in TABLES:
        pd.testing.assert_frame_equal(remote[name], local[name], obj=name)
    again = dispatch_etl(inbox=str(examples), warehouse=url, batch_size=16)
    assert again["dispatches_new"] == 0 and again["inputs_read"] == 0
    for name, frame in comparable_tables(lambda name: pd.read_parquet(f"{url}/{name}")).items():
        pd.testing.assert_frame_equal(frame, remote[name], obj=name)
    # Nothing temporary or staged is left, and no lease.
    objects = s3.find("warehouses/dev")
    assert objects and not [o for o in objects if "/_staging/" in o or "/." in o], objects
    # The analyst's API and the report read the same URL.
    assert len(Tables(url).participations()) == len(local["participants"])


def test_storage_lease_lock(s3):
    url = "s3://warehouses/locks"
    with Warehouse(url).lock():
        with pytest.raises(WarehouseBusy, match="another dispatch-etl run is writing to s3://warehouses/locks"):
            with Warehouse(url).lock():
                pass
    with Warehouse(url).lock():  # released at the end of the first run
        pass
    # A lease its run stopped renewing long ago (the run died) is taken over.
    s3.pipe_file("warehouses/locks/.lock", json.dumps({"owner": "dead", "renewed": time.time() - 3600}).encode())
    with Warehouse(url).lock():
        assert json.loads(s3.cat_file("warehouses/locks/.lock"))["owner"] != "dead"
    assert not s3.exists("warehouses/locks/.lock")
    # A fresh lease held by a process of this machine that is gone (a run killed here).
    gone = subprocess.Popen(["true"])
    gone.wait()
    s3.pipe_file("warehouses/locks/.lock", json.dumps({"owner": "killed", "host": socket.gethostname(),
                                                       "pid": gone.pid, "renewed": time.time()}).encode())
    with Warehouse(url).lock():
        pass
    # A fresh lease of a live process elsewhere is respected.
    s3.pipe_file("warehouses/locks/.lock", json.dumps({"owner": "other", "host": "elsewhere", "pid": 1,
                                                       "renewed": time.time()}).encode())
    with pytest.raises(WarehouseBusy):
        with Warehouse(url).lock():
            pass
    s3.rm("warehouses/locks/.lock")


def test_storage_writes_are_single_puts(s3, monkeypatch):
    """Every table write is one PUT of the whole object: no temporary object is renamed."""
    store = Warehouse("s3://warehouses/puts")
    assert isinstance(store.io, _ObjectStore)
    calls = []
    real = store.io.fs.pipe_file
    monkeypatch.setattr(store.io.fs, "pipe_file", lambda path, data, **kw: (calls.append(path), real(path, data, **kw)))
    monkeypatch.setattr(store.io.fs, "mv", lambda *a, **k: pytest.fail("a rename on an object store is not atomic"))
    import datetime as dt

    from dispatch_etl.schema import REJECTS, to_arrow

    now = dt.datetime.now(dt.timezone.utc)
    store.merge("rejects", to_arrow(REJECTS, [{"source_uri": "a", "reason": "empty", "rejected_at": now}]))
    store.append("rejects", "x", to_arrow(REJECTS, [{"source_uri": "b", "reason": "empty", "rejected_at": now}]))
    assert calls == ["warehouses/puts/rejects/part-0.parquet", "warehouses/puts/rejects/part-x.parquet"]
    assert sorted(store.read("rejects").column("source_uri").to_pylist()) == ["a", "b"]


def test_storage_memory_url_holds_a_warehouse_in_process():
    store = Warehouse("memory://dispatch-etl-test/wh")
    import datetime as dt

    from dispatch_etl.schema import REJECTS, to_arrow

    now = dt.datetime.now(dt.timezone.utc)
    with store.lock():
        store.merge("rejects", to_arrow(REJECTS, [{"source_uri": "a", "reason": "empty", "rejected_at": now}]))
        store.merge("rejects", to_arrow(REJECTS, [{"source_uri": "a", "reason": "empty", "rejected_at": now}]))
    assert store.read("rejects").num_rows == 1
    assert Tables(store).rejects()["source_uri"].tolist() == ["a"]


def test_storage_cli_on_s3(s3, examples, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    done = subprocess.run([str(BIN / "dispatch-etl"), "run", "--inbox", str(examples), "--warehouse",
                           "s3://warehouses/cli"], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "s3://warehouses/cli now holds 47 meetings" in done.stdout
    report = subprocess.run([str(BIN / "dispatch-etl"), "report", "--warehouse", "s3://warehouses/cli", "--out",
                             str(tmp_path / "report")], env=env, capture_output=True, text=True, timeout=300)
    assert report.returncode == 0, report.stderr[-2000:]
    assert (tmp_path / "report" / "index.html").exists()
    shutil.rmtree(tmp_path / "report")


def test_storage_flow_on_a_memory_url(prefect_harness, examples):
    summary = dispatch_etl(inbox=str(examples), warehouse="memory://dispatch-etl-test/flow", batch_size=16)
    assert summary["dispatches_new"] == 56 and summary["warehouse_meetings"] == 47
    assert len(Tables("memory://dispatch-etl-test/flow").participations()) == summary["warehouse_participants"]
