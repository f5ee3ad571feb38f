"""Compacts a warehouse for the compaction kill test: `python tests/compact_driver.py WAREHOUSE`.
Prints `ready` once imported and holding the lock, so the test's kill lands in the
compaction itself rather than in Python's start-up."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dispatch_etl.schema import TABLES  # noqa: E402
from dispatch_etl.warehouse import Warehouse  # noqa: E402


def main(warehouse: str) -> None:
    store = Warehouse(warehouse)
    with store.lock():
        print("ready", flush=True)
        started = time.perf_counter()
        for table in TABLES:
            store.compact(table)
        print(f"done {time.perf_counter() - started:.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
