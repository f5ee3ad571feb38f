"""The real-text development set: add annotated dispatches, check the local text cache,
score the extractor on the tuning or held-out part.

The texts are third-party and never committed: `tests/fixtures/real/gold.jsonl` holds,
per dispatch, its public URL, the search query that finds the stored copy again, the
SHA-256 of the text annotated, the annotations and the split. The texts live in a local
cache (`$DISPATCH_ETL_REALTEXT`, by default `~/.cache/dispatch-etl/realtext/texts/`),
one `<doc>.txt` each; `README.md` beside the gold file says how to rebuild it.

    python benchmarks/realtext.py add --url U --query Q --source S --language fr \
        --text page.txt --gold record.json --out staging.jsonl
    python benchmarks/realtext.py collect
    python benchmarks/realtext.py check
    python benchmarks/realtext.py score --split tune [--errors]

`add` validates a record before it enters a staging file: the URL is not one kept for
independent evaluation, every evidence sentence is in the text, every name is written
there, every field has a value of the contract's vocabulary.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "fixtures" / "real" / "gold.jsonl"
RESERVED = REPO.parent / "shared" / "corpus" / "reserved-urls.txt"
KINDS = {"meeting", "phone_call", "video_conference", "ceremony"}
ROLES = {"host", "guest", "participant", "attendee"}
LANGUAGES = {"fr", "en", "ru", "es", "de"}
# Languages whose names and places inflect (`с Ильхамом Алиевым`, `des Präsidenten`): the
# gold writes them in the nominative, which the text may not.
INFLECTED = {"ru", "de"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_SOURCE = re.compile(r"^[a-z0-9][a-z0-9.-]*$")


def cache_dir() -> Path:
    """Where the texts are kept: never inside the repository."""
    root = os.environ.get("DISPATCH_ETL_REALTEXT") or Path.home() / ".cache" / "dispatch-etl" / "realtext"
    return Path(root)


def url_key(url: str) -> str:
    """A URL compared without scheme, `www.`, trailing slash or case of the host."""
    url = re.sub(r"^[a-z]+://", "", url.strip(), flags=re.I)
    host, _, rest = url.partition("/")
    host = host.lower().removeprefix("www.")
    return f"{host}/{rest}".rstrip("/")


def reserved_keys() -> set[str]:
    if not RESERVED.is_file():
        return set()
    return {
        url_key(line)
        for line in RESERVED.read_text("utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    }


def doc_id(language: str, source: str, url: str) -> str:
    return f"{language}-{source}-{hashlib.sha1(url_key(url).encode()).hexdigest()[:8]}"


def split_of(url: str) -> str:
    """Fixed before any tuning: a third of the URLs, by hash, are held out."""
    return "held-out" if int(hashlib.sha1(url_key(url).encode()).hexdigest(), 16) % 3 == 0 else "tune"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub("[\u2019\u2018`\u00b4]", "'", text)
    return re.sub(r"\s+", " ", text).casefold()


def _written(name: str, folded: str, inflected: bool) -> bool:
    """Is `name` written in the (folded) text: as it is, or, in an inflecting language,
    each word's stem followed by an ending (`Алиев` in `Алиевым`, `Москва` in `Москве`)?"""
    name = _fold(name)
    if name in folded:
        return True
    if not inflected:
        return False
    return all(re.search(r"(?<!\w)" + re.escape(w[:max(3, len(w) - 2)]) + r"\w{0,4}(?!\w)", folded)
               or any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", folded) for f in _case_forms(w))
               for w in re.findall(r"\w+", name))


def _case_forms(word: str) -> set[str]:
    """Every case form of a Russian word, by the analyser the Russian pack uses (a vowel
    may drop out: `Заяц`, `Зайцем`)."""
    if not re.search("[а-яё]", word):
        return set()
    from transforms.morphology import analyser

    return {_fold(f.word) for p in analyser("pymorphy3", "ru").parse(word)[:3] for f in p.lexeme}


def problems(record: dict, text: str, language: str | None = None) -> list[str]:
    """Everything wrong with one gold record against its text."""
    out = []
    nfc = unicodedata.normalize("NFC", text)
    folded = _fold(text)
    inflected = language in INFLECTED
    if record.get("published") is not None and not _DATE.match(str(record["published"])):
        out.append(f"published {record['published']!r} is not YYYY-MM-DD or null")
    if record.get("dateline_city") is not None and record["dateline_city"] not in nfc:
        out.append(f"dateline_city {record['dateline_city']!r} is not in the text")
    meetings = record.get("meetings")
    if not isinstance(meetings, list):
        return out + ["meetings must be a list"]
    for i, m in enumerate(meetings):
        where = f"meeting {i + 1}"
        missing = {"date", "kind", "city", "country", "venue", "participants", "topics", "evidence"} - set(m)
        if missing:
            out.append(f"{where}: missing {sorted(missing)}")
            continue
        if m["date"] is not None and not _DATE.match(str(m["date"])):
            out.append(f"{where}: date {m['date']!r} is not YYYY-MM-DD or null")
        if m["kind"] not in KINDS:
            out.append(f"{where}: kind {m['kind']!r} not in {sorted(KINDS)}")
        if m["country"] is not None and not _COUNTRY.match(str(m["country"])):
            out.append(f"{where}: country {m['country']!r} is not ISO alpha-2 or null")
        if m["city"] is not None and not _written(m["city"], folded, inflected):
            out.append(f"{where}: city {m['city']!r} is not written in the text")
        if not m["evidence"] or unicodedata.normalize("NFC", m["evidence"]) not in nfc:
            out.append(f"{where}: evidence is not an exact substring of the text")
        if not isinstance(m["topics"], list):
            out.append(f"{where}: topics must be a list")
        if len(m["participants"]) < 2:
            out.append(f"{where}: a meeting needs at least two named participants")
        for p in m["participants"]:
            who = f"{where}: {p.get('name')!r}"
            missing = {"name", "honorific", "position", "organization", "country", "role"} - set(p)
            if missing:
                out.append(f"{who}: missing {sorted(missing)}")
                continue
            if not p["name"] or not _written(p["name"], folded, inflected):
                out.append(f"{who}: the name is not written so in the text")
            if p["role"] not in ROLES:
                out.append(f"{who}: role {p['role']!r} not in {sorted(ROLES)}")
            if p["country"] is not None and not _COUNTRY.match(str(p["country"])):
                out.append(f"{who}: country {p['country']!r} is not ISO alpha-2 or null")
    return out


def _read_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def add(args: argparse.Namespace) -> int:
    url = args.url.strip()
    if url_key(url) in reserved_keys():
        print("refused: this page is kept for independent evaluation; do not use it", file=sys.stderr)
        return 2
    if args.language not in LANGUAGES or not _SOURCE.match(args.source):
        print(f"refused: language must be one of {sorted(LANGUAGES)}, source a lower-case slug", file=sys.stderr)
        return 2
    text = Path(args.text).read_text("utf-8")
    if not text.strip():
        print("refused: the text is empty", file=sys.stderr)
        return 2
    record = json.loads(Path(args.gold).read_text("utf-8"))
    errors = problems(record, text, args.language)
    if errors:
        print("refused:\n  " + "\n  ".join(errors), file=sys.stderr)
        return 2
    staging = Path(args.out)
    seen = {url_key(r["url"]) for f in staging.parent.glob("*.jsonl") for r in _read_jsonl(f)}
    seen |= {url_key(r["url"]) for r in _read_jsonl(GOLD)}
    if url_key(url) in seen:
        print("refused: this URL is already in the set", file=sys.stderr)
        return 2
    doc = doc_id(args.language, args.source, url)
    texts = cache_dir() / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    (texts / f"{doc}.txt").write_text(text, "utf-8")
    entry = {
        "doc": doc, "url": url, "query": args.query, "source": args.source,
        "language": args.language, "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "split": split_of(url),
        "published": record.get("published"), "dateline_city": record.get("dateline_city"),
        # The evidence sentence is the page's text: committed as its place in the text only.
        "meetings": [_pointed(m, text) for m in record["meetings"]],
    }
    staging.parent.mkdir(parents=True, exist_ok=True)
    with staging.open("a", encoding="utf-8") as f:
        f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    print(f"added {doc} ({len(record['meetings'])} meetings)")
    return 0


def collect(args: argparse.Namespace) -> int:
    """Merge the staging files into the committed gold file (one line per URL, sorted by doc)."""
    records = {url_key(r["url"]): r for r in _read_jsonl(GOLD)}
    for f in sorted((cache_dir() / "staging").glob("*.jsonl")):
        for r in _read_jsonl(f):
            records.setdefault(url_key(r["url"]), r)
    GOLD.parent.mkdir(parents=True, exist_ok=True)
    lines = sorted(records.values(), key=lambda r: r["doc"])
    GOLD.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    print(f"{len(lines)} dispatches in {GOLD.relative_to(REPO)}")
    return 0


def check(args: argparse.Namespace) -> int:
    """Is every committed dispatch in the cache, with the text that was annotated?"""
    missing, changed = [], []
    texts = cache_dir() / "texts"
    for r in _read_jsonl(GOLD):
        path = texts / f"{r['doc']}.txt"
        if not path.is_file():
            missing.append(r)
        elif hashlib.sha256(path.read_bytes()).hexdigest() != r["sha256"]:
            changed.append(r)
    for r in missing:
        print(f"missing {r['doc']}: search pages for {r['query']!r}, take {r['url']}")
    for r in changed:
        print(f"changed {r['doc']}: the cached text is not the one annotated ({r['url']})")
    total = len(_read_jsonl(GOLD))
    print(f"{total - len(missing) - len(changed)} of {total} texts in {texts}")
    return 1 if missing or changed else 0


def plan(args: argparse.Namespace) -> int:
    """The texts missing from the cache (or changed), as work for several people or helper
    sessions: one search per line (a query with every dispatch it finds), the lines dealt
    into `--parts` files of about equal work, French and English first."""
    texts = cache_dir() / "texts"
    todo = [r for r in _read_jsonl(GOLD) if not (texts / f"{r['doc']}.txt").is_file()
            or hashlib.sha256((texts / f"{r['doc']}.txt").read_bytes()).hexdigest() != r["sha256"]]
    by_query: dict[str, list[dict]] = {}
    for r in todo:
        by_query.setdefault(r["query"], []).append({"doc": r["doc"], "url": r["url"]})
    lines = sorted(by_query.items(), key=lambda q: min(d["doc"][:2] not in ("fr", "en") for d in q[1]))
    parts: list[list[dict]] = [[] for _ in range(max(args.parts, 1))]
    work = [0] * len(parts)
    for query, docs in lines:  # (a search costs about two saved texts)
        k = work.index(min(work))
        parts[k].append({"query": query, "docs": docs})
        work[k] += len(docs) + 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for k, part in enumerate(parts, 1):
        (out / f"plan-{k}.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in part), "utf-8")
    print(f"{len(todo)} texts in {len(lines)} searches, in {len(parts)} plans under {out}")
    return 0


def _pointed(meeting: dict, text: str) -> dict:
    """A meeting annotation with its evidence sentence replaced by the sentence's offsets
    in the text (`evidence_at`)."""
    out = {k: v for k, v in meeting.items() if k != "evidence"}
    start = text.index(meeting["evidence"])
    out["evidence_at"] = [start, start + len(meeting["evidence"])]
    return out


def with_evidence(record: dict, text: str) -> dict:
    """A committed record with its meetings' evidence sentences read back from the cached
    text, in the shape `dispatch-etl evaluate` reads."""
    return {**record, "meetings": [
        {**{k: v for k, v in m.items() if k != "evidence_at"}, "evidence": text[slice(*m["evidence_at"])]}
        for m in record["meetings"]
    ]}


def score(args: argparse.Namespace) -> int:
    """Run the pipeline over one split's cached texts and print `dispatch-etl evaluate`'s scores."""
    records = [r for r in _read_jsonl(GOLD) if args.split in ("all", r["split"])]
    if args.language:
        wanted = set(args.language.split(","))
        if wanted - LANGUAGES:
            print(f"unknown language: {sorted(wanted - LANGUAGES)} (known: {sorted(LANGUAGES)})", file=sys.stderr)
            return 2
        records = [r for r in records if r["language"] in wanted]
    texts = cache_dir() / "texts"
    with tempfile.TemporaryDirectory() as tmp:
        inbox, warehouse, gold = Path(tmp, "inbox"), Path(tmp, "warehouse"), Path(tmp, "gold.jsonl")
        inbox.mkdir()
        scored = []
        for r in records:
            src = texts / f"{r['doc']}.txt"
            if src.is_file():
                (inbox / src.name).write_bytes(src.read_bytes())
                scored.append(with_evidence(r, src.read_text("utf-8")))
            else:  # scored as all misses, as before: `check` says how to rebuild it
                print(f"missing {r['doc']}: its text is not in the cache", file=sys.stderr)
                scored.append(with_evidence(r, ""))
        gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in scored), "utf-8")
        exe = Path(sys.executable).with_name("dispatch-etl")
        env = dict(os.environ)
        if args.code:  # another checkout's extractor, scored by this one's evaluation
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(args.code).resolve()), env.get("PYTHONPATH")]))
        run = subprocess.run([str(exe), "run", "--inbox", str(inbox), "--warehouse", str(warehouse)],
                             capture_output=True, text=True, env=env)
        if run.returncode:
            print(run.stdout, run.stderr, file=sys.stderr)
            return run.returncode
        cmd = [str(exe), "evaluate", "--gold", str(gold), "--warehouse", str(warehouse)]
        cmd += ["--errors" if args.errors else "--no-errors"] + (["--json"] if args.json else [])
        return subprocess.run(cmd).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("add", help="validate one annotated dispatch and stage it")
    for name in ("url", "query", "source", "language", "text", "gold", "out"):
        a.add_argument(f"--{name}", required=True)
    a.set_defaults(func=add)
    m = sub.add_parser("collect", help="merge the staging files into the committed gold file")
    m.set_defaults(func=collect)
    c = sub.add_parser("check", help="is the local text cache complete and unchanged?")
    c.set_defaults(func=check)
    p = sub.add_parser("plan", help="the missing texts as search plans for several workers")
    p.add_argument("--parts", type=int, default=8)
    p.add_argument("--out", required=True)
    p.set_defaults(func=plan)
    s = sub.add_parser("score", help="run the pipeline on a split and evaluate it")
    s.add_argument("--split", choices=("tune", "held-out", "all"), default="tune")
    s.add_argument("--language", help="only these languages, comma-separated (fr,en)")
    s.add_argument("--errors", action="store_true")
    s.add_argument("--json", action="store_true")
    s.add_argument("--code", help="run the pipeline of this checkout (e.g. a git worktree of an earlier revision)")
    s.set_defaults(func=score)
    args = parser.parse_args()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
