"""Runs the pipeline's real read and commit code without Prefect, for the kill test:
`python tests/crash_driver.py INBOX WAREHOUSE BATCH_SIZE`. Every batch is committed on
its own, so a run is mostly write phase."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dispatch_etl import inbox as inbox_io  # noqa: E402
from dispatch_etl.warehouse import Warehouse  # noqa: E402
from flows.etl import RunState, _pending, _read_manifest, commit  # noqa: E402
from flows.work import InputFile, process_files  # noqa: E402


def main(inbox: str, warehouse: str, batch_size: int) -> None:
    store = Warehouse(warehouse)
    with store.lock():
        store.clear_staging()
        files = [InputFile(*f) for f in inbox_io.scan(inbox)]
        todo = _pending(files, _read_manifest(store))
        present = {f.path for f in files}
        now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
        state = RunState()
        for n in range(0, len(todo), batch_size):
            result = process_files(inbox, todo[n:n + batch_size], 1 << 24, now, warehouse, f"crash-{n:06d}")
            commit.fn(warehouse, [result], present, state, None)
    print("done")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
