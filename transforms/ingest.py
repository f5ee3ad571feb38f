"""Raw input bytes to raw documents or rejects: decompression, decoding, record formats.

Pure: the caller reads the bytes; nothing here touches the file system.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import zlib
from dataclasses import dataclass, field

import charset_normalizer
import ftfy
from ftfy.badness import is_bad

from transforms.markup import looks_like_html, page
from transforms.text import nfc

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
RECORD_SUFFIXES = (".json", ".jsonl", ".ndjson")
# Saved web pages: their visible text is the dispatch, the page's <title> its title.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class RawDoc:
    """One dispatch as found in the input, decoded but not yet parsed."""

    source_uri: str
    text: str
    content_sha256: str
    url: str | None = None
    date: str | None = None
    title: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Reject:
    source_uri: str
    reason: str
    detail: str
    content_sha256: str | None = None

    def row(self) -> dict:
        return {
            "source_uri": self.source_uri,
            "reason": self.reason,
            "detail": self.detail,
            "content_sha256": self.content_sha256,
        }


@dataclass
class Ingested:
    docs: list[RawDoc] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    sha256: str | None = None  # of the input's raw bytes


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def raw_documents(source_uri: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Ingested:
    """Everything one input file holds: its documents, or the reasons it was refused."""
    digest = sha256(data)
    out = Ingested(sha256=digest)
    name = source_uri.lower()
    if name.endswith(".gz"):
        name = name[:-3]
        try:
            data = _gunzip(data, max_bytes)
        except _TooLarge:
            out.rejects.append(
                Reject(source_uri, "too_large", f"decompresses to more than {max_bytes} bytes", digest)
            )
            return out
        except (OSError, EOFError, zlib.error) as exc:
            out.rejects.append(Reject(source_uri, "bad_gzip", f"not a readable gzip file: {exc}", digest))
            return out
    if len(data) > max_bytes:
        out.rejects.append(
            Reject(source_uri, "too_large", f"{len(data)} bytes, over the limit of {max_bytes}", digest)
        )
        return out
    if not data.strip():
        out.rejects.append(Reject(source_uri, "empty", "the input holds no text", digest))
        return out
    text, problem = decode(data)
    if text is None:
        out.rejects.append(Reject(source_uri, problem[0], problem[1], digest))
        return out
    if not text.strip():
        out.rejects.append(Reject(source_uri, "empty", "the input decodes to blank text", digest))
        return out
    suffix = "." + name.rsplit(".", 1)[1] if "." in name.rsplit("/", 1)[-1] else ""
    if suffix in RECORD_SUFFIXES:
        _records(source_uri, text, suffix, out)
        if not out.docs and not out.rejects:
            out.rejects.append(Reject(source_uri, "empty", "the file holds no records", digest))
    elif suffix in HTML_SUFFIXES or looks_like_html(text):
        title, body = page(text)
        if not body:
            out.rejects.append(Reject(source_uri, "empty", "the page holds no visible text", digest))
        else:
            out.docs.append(RawDoc(source_uri, body, digest, title=title))
    else:
        out.docs.append(RawDoc(source_uri, text, digest))
    return out


class _TooLarge(Exception):
    pass


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress, refusing gzip bombs instead of filling memory."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(data, max_bytes + 1)
    if len(out) > max_bytes or d.unconsumed_tail:
        raise _TooLarge
    if not d.eof:
        raise EOFError("truncated gzip stream")
    # Concatenated gzip members are legal; fall back to the stdlib reader for them.
    if d.unused_data:
        out = gzip.decompress(data)
        if len(out) > max_bytes:
            raise _TooLarge
    return out


def decode(data: bytes) -> tuple[str | None, tuple[str, str]]:
    """Bytes to clean text: UTF-8, else the detected legacy encoding; mojibake repaired."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, ("not_text", "binary content (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _legacy(data)
        if text is None:
            return None, ("encoding", "neither UTF-8 nor a recognisable legacy encoding")
    if _control_share(text) > 0.05:
        return None, ("not_text", "mostly control characters: not a text file")
    text = _repair(text)
    return text, ("", "")


# Legacy encodings agencies publish in: Western and Central European, Turkish, Baltic,
# Cyrillic, and the UTF-16/32 a BOM announces.
LEGACY_ENCODINGS = ["cp1252", "iso8859_15", "latin_1", "cp1250", "iso8859_2", "cp1254", "iso8859_9",
                    "cp1257", "cp1251", "koi8_r", "mac_roman", "utf_16", "utf_32"]
_LATIN_FAMILY = {"cp1252", "iso8859_15", "latin_1", "cp1250", "iso8859_2", "cp1254", "iso8859_9",
                 "cp1257", "mac_roman"}


def _legacy(data: bytes) -> str | None:
    """Decode non-UTF-8 bytes. On short Latin-script texts the detector cannot tell
    Windows-1252 from its Central European and Baltic cousins (it read `reçu` as cp775's
    `reńu`), so Windows-1252, by far the most used, wins unless its reading shows the
    letters that mark Turkish text decoded as Western (ð ý þ)."""
    best = charset_normalizer.from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if best is None:
        return western
    if western is not None and best.encoding in _LATIN_FAMILY and not set("ðýþÐÝÞ") & set(western):
        return western
    return str(best)


def _repair(text: str) -> str:
    """Mojibake repaired (only where ftfy sees it: the check costs a fraction of the fix),
    Unicode composed. Curly quotes are the agencies' own typography, not damage: kept."""
    if text.isascii():
        return text
    if is_bad(text):
        return ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    return nfc(text)


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _control_share(text: str) -> float:
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) / len(sample) if sample else 0.0


def _records(source_uri: str, text: str, suffix: str, out: Ingested) -> None:
    if suffix == ".json":
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            out.rejects.append(Reject(source_uri, "bad_json", f"not valid JSON: {exc}", sha256(text.encode())))
            return
        items = loaded if isinstance(loaded, list) else [loaded]
        for i, item in enumerate(items):
            uri = source_uri if len(items) == 1 else f"{source_uri}#{i + 1}"
            _record(uri, item, json.dumps(item, sort_keys=True, ensure_ascii=False), out)
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        uri = f"{source_uri}#L{lineno}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            out.rejects.append(Reject(uri, "bad_json", f"line {lineno} is not JSON: {exc.msg}", sha256(line.encode())))
            continue
        _record(uri, item, line, out)


def _record(uri: str, item: object, raw: str, out: Ingested) -> None:
    digest = sha256(raw.encode())
    if not isinstance(item, dict):
        out.rejects.append(Reject(uri, "bad_record", "a JSON record must be an object", digest))
        return
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        out.rejects.append(Reject(uri, "no_body", "the record has no 'text'", digest))
        return

    def opt(key: str) -> str | None:
        value = item.get(key)
        return str(value) if isinstance(value, (str, int, float)) and str(value).strip() else None

    out.docs.append(
        RawDoc(
            source_uri=opt("url") or uri,
            text=_repair(text),
            content_sha256=digest,
            url=opt("url"),
            date=opt("date"),
            title=opt("title"),
            language=opt("language"),
        )
    )
