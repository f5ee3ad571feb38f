"""Time a backfill through the real Prefect flow and warehouse writer.

    python benchmarks/backfill.py --dispatches 100000 --workdir /tmp/bench

Generates the corpus (benchmarks/generate.py) unless it is there, runs `dispatch-etl run`
in a child process on a fresh warehouse while sampling the resident memory of its whole
process tree, then reports dispatches/s, MB/s of text, the share of time in each stage,
peak memory, and extraction accuracy against the generated expected records. With
`--incremental N`, it then adds N new dispatches and times the incremental run. With
`--runners default dask`, the same backfill runs once per task runner (Prefect's default
with the run's process pool, then prefect-dask on a local Dask cluster of `--workers`
processes), each on a fresh warehouse, and the throughputs are printed side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLI = Path(sys.executable).with_name("dispatch-etl")


def _tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) bytes of a process and all its descendants, from /proc. RSS counts pages
    that processes share once per process; PSS splits them, so its sum is the true use."""
    rss = pss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return rss, pss


def run(args: list[str]) -> tuple[dict, float, tuple[int, int]]:
    """Run the CLI; return its JSON summary, wall seconds and peak tree (RSS, PSS)."""
    started = time.perf_counter()
    child = subprocess.Popen([str(CLI), *args, "--json"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = (0, 0)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            rss, pss = _tree_memory(child.pid)
            peak = (max(peak[0], rss), max(peak[1], pss))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate()
    done.set()
    sampler.join()
    if child.returncode:
        raise SystemExit(f"dispatch-etl failed with exit code {child.returncode}")
    return json.loads(out), time.perf_counter() - started, peak


def report(label: str, summary: dict, wall: float, peak: tuple[int, int], text_bytes: int, workers: int) -> None:
    t = summary["timings"]
    flow = summary["seconds"]
    parallel = {k: v / workers for k, v in t.items() if k.startswith("worker_")}
    serial = {k: v for k, v in t.items() if k.startswith("commit_")}
    orchestration = t.get("orchestration", 0.0)
    n = summary["dispatches"]
    print(f"## {label}")
    print(f"dispatches: {n}, flow time {flow:.1f}s (process wall {wall:.1f}s, Prefect start-up included)")
    print(f"throughput: {n / flow:.0f} dispatches/s, {text_bytes / flow / 1e6:.2f} MB/s of text")
    print(f"peak memory of the process tree: {peak[1] / 2**20:.0f} MiB proportional (PSS), "
          f"{peak[0] / 2**20:.0f} MiB resident (RSS, shared pages counted per process)")
    print("share of flow time (worker stages divided by the number of workers; commits run in the flow")
    print("process while the workers go on, so the shares add up to more than 100 %):")
    for k, v in [*parallel.items(), *serial.items()]:
        print(f"  {k:28s} {v:7.2f}s  {100 * v / flow:5.1f}%")
    print(f"  {'Prefect orchestration':28s} {orchestration:7.2f}s  {100 * orchestration / flow:5.1f}%"
          f"  ({summary.get('task_runs', 0)} task runs: submitting them and running the commit task beyond its work)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dispatches", type=int, default=20_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/dispatch-etl-bench"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--incremental", type=int, default=0, help="then add this many dispatches and time that run")
    parser.add_argument("--runners", nargs="+", choices=["default", "dask"], default=["default"],
                        help="task runners to compare on the same corpus")
    args = parser.parse_args()
    inbox = args.workdir / f"inbox-{args.dispatches}"
    gold = Path(f"{inbox}.gold.jsonl")
    if not inbox.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--dispatches", str(args.dispatches), "--out",
                        str(inbox)], check=True)
    text_bytes = sum(p.stat().st_size for p in inbox.rglob("*.txt"))
    results = {}
    for runner in args.runners:
        warehouse = args.workdir / f"warehouse-{args.dispatches}-{runner}"
        shutil.rmtree(warehouse, ignore_errors=True)
        common = ["--warehouse", str(warehouse), "--workers", str(args.workers), "--batch-size", str(args.batch_size)]
        summary, wall, peak = run(["run", "--inbox", str(inbox), *common, *(["--dask"] if runner == "dask" else [])])
        report(f"backfill of {args.dispatches} dispatches, {runner} task runner", summary, wall, peak, text_bytes,
               args.workers)
        results[runner] = summary
    if len(results) > 1:
        print("## task runners side by side")
        for runner, summary in results.items():
            print(f"  {runner:8s} {summary['dispatches'] / summary['seconds']:6.0f} dispatches/s "
                  f"({summary['seconds']:.1f}s flow time; {summary['warehouse_meetings']} meetings, "
                  f"{summary['warehouse_participants']} participants)")
    scores = json.loads(subprocess.run([str(CLI), "evaluate", "--gold", str(gold), "--warehouse", str(warehouse),
                                        "--json"], check=True, capture_output=True, text=True).stdout)["scores"]
    print("accuracy on the generated corpus: " + ", ".join(
        f"{k} {v:.3f}" for k, v in scores.items() if v is not None and (k.endswith("_f1") or k.endswith("accuracy"))))
    if args.incremental:
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--dispatches", str(args.incremental), "--out",
                        str(inbox), "--start", str(args.dispatches)], check=True)
        added = sum(p.stat().st_size for p in inbox.rglob("bench-*.txt")) - text_bytes
        summary, wall, peak = run(["run", "--inbox", str(inbox), *common])
        report(f"incremental run adding {args.incremental} dispatches", summary, wall, peak, added, args.workers)
        # Put the corpus back as it was generated.
        for n in range(args.dispatches, args.dispatches + args.incremental):
            (inbox / f"{n // 1000:04d}" / f"bench-{n:07d}.txt").unlink(missing_ok=True)
        lines = gold.read_text("utf-8").splitlines()[: args.dispatches]
        gold.write_text("\n".join(lines) + "\n", "utf-8")


if __name__ == "__main__":
    main()
