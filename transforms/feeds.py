"""Feed documents (RSS, Atom, JSON Feed) to dispatch records. Pure: bytes in, records out."""

from __future__ import annotations

import json
import re

import feedparser

from transforms.markup import plain_text


class FeedError(ValueError):
    """The bytes are not a feed this module can read."""


def entries(data: bytes, content_type: str = "") -> list[dict]:
    """The feed's items as records with `text`, `url`, `date`, `title` (the JSON Lines
    input format), newest first as the feed lists them. Items without text are left out."""
    head = data.lstrip()[:1]
    if "json" in content_type or head in (b"{", b"["):
        return _json_feed(data)
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise FeedError(f"not a feed: {parsed.get('bozo_exception')}")
    out = []
    for e in parsed.entries:
        body = ""
        if e.get("content"):
            body = e.content[0].get("value", "")
        body = body or e.get("summary", "") or e.get("description", "")
        # feedparser parses every date format feeds use into `*_parsed` (UTC struct_time).
        record = _record(e.get("link"), e.get("published_parsed") or e.get("updated_parsed"), e.get("title"), body)
        if record:
            out.append(record)
    return out


def _json_feed(data: bytes) -> list[dict]:
    try:
        feed = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FeedError(f"not a JSON feed: {exc}") from None
    items = feed.get("items") if isinstance(feed, dict) else feed
    if not isinstance(items, list):
        raise FeedError("a JSON feed needs a list of items")
    out = []
    for item in items:
        if not isinstance(item, dict):
            continue
        body = item.get("content_text") or item.get("content_html") or item.get("summary") or item.get("text") or ""
        record = _record(item.get("url") or item.get("id"), item.get("date_published") or item.get("date"),
                         item.get("title"), body)
        if record:
            out.append(record)
    return out


def _record(url, date, title, body) -> dict | None:
    text = plain_text(str(body)) if body else ""
    if not text.strip():
        return None
    return {"url": str(url) if url else None, "date": _iso(date), "title": str(title) if title else None, "text": text}


def _iso(value) -> str | None:
    """The day of a feed date: a struct_time from feedparser, or an ISO string (JSON Feed)."""
    if not value:
        return None
    if hasattr(value, "tm_year"):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    m = re.match(r"\d{4}-\d{2}-\d{2}", str(value))
    return m.group() if m else None
