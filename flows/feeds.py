"""Fetching RSS, Atom and JSON feeds over HTTP into the run's inputs.

Each new feed item is spooled as one JSON record file under `<warehouse>/_feeds/`, named by
its content hash, so the regular pipeline ingests it like any inbox file, once. Requests
are conditional (ETag, Last-Modified), time out, and Prefect retries them with back-off.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import httpx
import pyarrow as pa
from prefect import task
from prefect.cache_policies import NO_CACHE

from dispatch_etl.warehouse import Warehouse, is_url
from transforms.feeds import entries

_STATE = "feeds"
_SCHEMA = pa.schema([("url", pa.string()), ("etag", pa.string()), ("last_modified", pa.string())])


def spool(warehouse: str) -> Path:
    """The folder of spooled feed items (one JSON record each): `<warehouse>/_feeds`, or for
    a warehouse on an object store a local folder per warehouse under $DISPATCH_ETL_SPOOL
    (default ~/.cache/dispatch-etl), since the inbox reader reads local files."""
    if is_url(warehouse):
        base = Path(os.environ.get("DISPATCH_ETL_SPOOL") or Path.home() / ".cache" / "dispatch-etl")
        return base / hashlib.sha256(warehouse.encode()).hexdigest()[:16] / "_feeds"
    return Path(warehouse) / "_feeds"


def _validators(store: Warehouse, url: str) -> dict[str, str]:
    data = store.read_state(_STATE)
    latest = {}
    for row in data.to_pylist() if data is not None else []:
        if row["url"] == url:
            latest = row
    headers = {}
    if latest.get("etag"):
        headers["If-None-Match"] = latest["etag"]
    if latest.get("last_modified"):
        headers["If-Modified-Since"] = latest["last_modified"]
    return headers


@task(name="fetch-feed", cache_policy=NO_CACHE)
def fetch_feed(url: str, warehouse: str, timeout: float = 10.0) -> int:
    """Fetch one feed; spool its items not seen before. Returns how many were new."""
    store = Warehouse(warehouse)
    response = httpx.get(url, headers=_validators(store, url), timeout=timeout, follow_redirects=True)
    if response.status_code == 304:
        return 0
    response.raise_for_status()  # a server error is retried by Prefect, then reported
    folder = spool(warehouse)
    folder.mkdir(parents=True, exist_ok=True)
    new = 0
    for record in entries(response.content, response.headers.get("content-type", "")):
        body = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
        path = folder / f"feed-{hashlib.sha256(body).hexdigest()[:24]}.json"
        if not path.exists():
            tmp = path.with_name("." + path.name)
            tmp.write_bytes(body)
            tmp.replace(path)
            new += 1
    store.append_state(_STATE, hashlib.sha256(url.encode()).hexdigest()[:16], pa.Table.from_pylist(
        [{"url": url, "etag": response.headers.get("etag"), "last_modified": response.headers.get("last-modified")}],
        schema=_SCHEMA,
    ))
    return new
