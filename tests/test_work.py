"""The worker's batch processing, without Prefect: bad inputs never stop a batch."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest

from flows import work
from flows.work import InputFile, process_files

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def _files(inbox) -> list[InputFile]:
    return [InputFile(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(inbox.iterdir())]


def test_work_50_mb_file_is_refused_and_the_batch_goes_on(tmp_path, examples):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with open(inbox / "huge.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB, never read whole
    (inbox / "fr-001.txt").write_bytes((examples / "fr-001.txt").read_bytes())
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "truncated.txt.gz").write_bytes(b"\x1f\x8b\x08\x00\x00\x00")
    (inbox / "binary.txt").write_bytes(os.urandom(4096))
    result = process_files(str(inbox), _files(inbox), 16 * 1024 * 1024, NOW, str(tmp_path / "wh"), "t")
    reasons = {r["source_uri"]: r["reason"] for r in result.rejects}
    assert reasons["huge.txt"] == "too_large"
    assert reasons["empty.txt"] == "empty"
    assert reasons["truncated.txt.gz"] == "bad_gzip"
    assert reasons["binary.txt"] in {"not_text", "encoding"}
    assert [d["source_uri"] for d in result.dispatches] == ["fr-001.txt"]
    assert result.extracted[result.dispatches[0]["dispatch_id"]]
    assert all(f.sha256 for f in result.inputs) and len(result.inputs) == 5


def test_work_a_dispatch_the_extractor_fails_on_is_a_reject_and_the_batch_goes_on(tmp_path, examples, monkeypatch):
    import flows.work as work

    real = work.meetings

    def fragile(d):
        if "fr-002" in d.source_uri:
            raise IndexError("list index out of range")
        return real(d)

    monkeypatch.setattr(work, "meetings", fragile)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("fr-001.txt", "fr-002.txt"):
        (inbox / name).write_bytes((examples / name).read_bytes())
    result = process_files(str(inbox), _files(inbox), 16 * 1024 * 1024, NOW, str(tmp_path / "wh"), "t")
    assert [(r["source_uri"], r["reason"]) for r in result.rejects] == [("fr-002.txt", "extract_failed")]
    assert "IndexError" in result.rejects[0]["detail"]
    kept = {d["source_uri"]: result.extracted[d["dispatch_id"]] for d in result.dispatches}
    assert kept["fr-002.txt"] == [] and kept["fr-001.txt"]


def _blocked_signals() -> set[int]:
    return {int(s) for s in signal.pthread_sigmask(signal.SIG_BLOCK, [])}


def test_work_a_worker_starts_deaf_to_the_process_groups_stop_signals():
    """A worker started while Ctrl-C reaches the process group must not die with a
    traceback while it loads: it starts with SIGINT and SIGTERM blocked, from any thread."""
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    try:
        found: list = []
        starter = threading.Thread(target=lambda: found.append(work.submit(pool, _blocked_signals).result()))
        starter.start()
        starter.join(60)
        assert found and {signal.SIGINT, signal.SIGTERM} <= found[0]
        assert not {signal.SIGINT, signal.SIGTERM} & _blocked_signals()  # the caller's mask is back
    finally:
        pool.shutdown()


def test_work_early_workers_are_kept_before_their_process_starts(monkeypatch):
    """A stop signal delivered as the early worker's start ends must find its pool, for the
    command line to stop the process (else it outlived the run, holding its pipes)."""
    def stopped(pool, fn, *args):
        raise KeyboardInterrupt

    monkeypatch.setattr(work, "submit", stopped)
    with pytest.raises(KeyboardInterrupt):
        work.start_workers_early(1)
    assert work._early is not None
    work.stop_early_workers()
    assert work._early is None
