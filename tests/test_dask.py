"""The extraction tasks on Dask (prefect-dask's DaskTaskRunner) against a LocalCluster of
two worker processes: both workers do batches, and the tables equal a sequential run's."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import comparable_tables

from dispatch_etl.schema import TABLES
from flows.etl import dask_runner, dispatch_etl

distributed = pytest.importorskip("distributed")


def test_dask_local_cluster_gives_the_sequential_tables(prefect_harness, examples, tmp_path):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client, distributed.get_task_stream(client) as stream:
            flow = dispatch_etl.with_options(task_runner=dask_runner(address=cluster.scheduler_address))
            summary = flow(inbox=str(examples), warehouse=str(tmp_path / "dask"), batch_size=4)
        ran_on = {t["worker"] for t in stream.data}
    assert summary["dispatches_new"] == 56
    assert len(ran_on) == 2, ran_on  # both worker processes took batches
    sequential = dispatch_etl(inbox=str(examples), warehouse=str(tmp_path / "sequential"), batch_size=4, workers=1)
    assert sequential["dispatches_new"] == 56
    on_dask, alone = (comparable_tables(lambda name, root=tmp_path / kind: pd.read_parquet(root / name))
                      for kind in ("dask", "sequential"))
    for name in TABLES:
        pd.testing.assert_frame_equal(on_dask[name], alone[name], obj=name)
    assert len(on_dask["meetings"]) == 47


def test_dask_cli_option(examples, tmp_path):
    script = Path(sys.executable).with_name("dispatch-etl")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    done = subprocess.run([str(script), "run", "--inbox", str(examples), "--warehouse", str(tmp_path / "wh"),
                           "--dask", "--workers", "2", "--batch-size", "8"],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "now holds 47 meetings" in done.stdout
    assert "Traceback" not in done.stderr
    # the local cluster's routine connection chatter stays out of a normal run's output
    assert not re.search(r"\| INFO +\| distributed\.", done.stderr), done.stderr[-3000:]
