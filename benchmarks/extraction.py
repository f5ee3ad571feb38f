"""Parse + extraction throughput of this code and of an earlier revision, in one run.

    python benchmarks/extraction.py --dispatches 5000 --against aefcea8

Generates a corpus (`generate.py`: real-length dispatches of 1.5-3 KB), then times
`transforms.parse.dispatch` + `transforms.extract.meetings` over it in child processes,
alternating the two code trees round by round so that the machine's drift hits both
alike. The earlier revision is checked out in a temporary git worktree and put first on
the child's `sys.path`. Prints dispatches/s and MB/s per tree (the best round of each,
in the child's CPU time, so that other work on the machine does not skew them) and the change.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _child(tree: str, corpus: str) -> None:
    sys.path.insert(0, tree)
    from transforms.extract import meetings
    from transforms.ingest import RawDoc
    from transforms.parse import dispatch

    texts = [p.read_text("utf-8") for p in sorted(Path(corpus).rglob("*.txt"))]
    meetings(dispatch(RawDoc("warm.txt", texts[0], "0" * 64)))  # load packs and gazetteers
    try:  # (every pack: a tree that builds them as their languages come is not timed building them)
        from transforms.lang import available, pack

        for code in available():
            pack(code)
    except ImportError:
        pass
    found = 0
    # CPU time of this process: on a machine shared with other work, the wall clock also
    # counts the time spent waiting for a core, which hits the two trees unevenly.
    start = time.process_time()
    for n, text in enumerate(texts):
        found += len(meetings(dispatch(RawDoc(f"{n}.txt", text, "0" * 64))))
    seconds = time.process_time() - start
    print(json.dumps({"seconds": seconds, "dispatches": len(texts),
                      "bytes": sum(len(t.encode()) for t in texts), "meetings": found}))


def _time(tree: Path, corpus: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(tree), str(corpus)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dispatches", type=int, default=5000)
    parser.add_argument("--against", help="an earlier revision to time beside this code")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp, "corpus")
        subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "--dispatches",
                        str(args.dispatches), "--out", str(corpus)], check=True, capture_output=True)
        trees = {"this code": REPO}
        if args.against:
            old = Path(tmp, "old")
            subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(old), args.against],
                           check=True, capture_output=True)
            trees = {args.against: old, "this code": REPO}
        try:
            best: dict[str, dict] = {}
            for _ in range(args.rounds):
                for name, tree in trees.items():
                    r = _time(tree, corpus)
                    if name not in best or r["seconds"] < best[name]["seconds"]:
                        best[name] = r
        finally:
            if args.against:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(old)],
                               capture_output=True)
        for name, r in best.items():
            print(f"{name:>12s}: {r['dispatches'] / r['seconds']:7.0f} dispatches/s, "
                  f"{r['bytes'] / r['seconds'] / 1e6:5.2f} MB/s, {r['meetings']} meetings "
                  f"({r['dispatches']} dispatches, {r['bytes'] / r['dispatches'] / 1e3:.1f} KB each, "
                  f"best of {args.rounds})")
        if args.against:
            old_rate = best[args.against]["dispatches"] / best[args.against]["seconds"]
            new_rate = best["this code"]["dispatches"] / best["this code"]["seconds"]
            print(f"change: {100 * (new_rate / old_rate - 1):+.1f} % dispatches/s")


if __name__ == "__main__":
    main()
