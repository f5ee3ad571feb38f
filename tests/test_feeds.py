"""Feeds over HTTP from a local server on 127.0.0.1: items become dispatches once;
conditional requests; a server that fails twice then answers; one that hangs."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest

from flows.etl import dispatch_etl
from transforms.feeds import entries, plain_text

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test agency</title>
<item><title>Talks in Baku</title><link>https://news.example/1</link>
<pubDate>Tue, 16 May 2023 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Baku, May 16, AZERTAC&lt;/p&gt;&lt;p&gt;Minister of Economy Mikayil Jabbarov received Mr Pierre Dumont, Ambassador of France to Azerbaijan, yesterday.&lt;/p&gt;</description></item>
<item><title>Weather</title><link>https://news.example/2</link>
<description>Sunny weather is expected in Baku on Wednesday.</description></item>
</channel></rss>"""

JSON_FEED = b"""{"version": "https://jsonfeed.org/version/1.1", "items": [
 {"id": "a", "url": "https://news.example/j1", "date_published": "2023-05-17T09:00:00Z",
  "content_text": "Le ministre de la Culture, Adil Karimli, a re\\u00e7u hier M. Jean Dupr\\u00e9, ambassadeur de France."}]}"""


class _Handler(BaseHTTPRequestHandler):
    failures = {"/flaky": 2}
    hits: dict[str, int] = {}

    def do_GET(self):  # noqa: N802
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/hang":
            time.sleep(3)
        if self.failures.get(self.path, 0) > 0:
            self.failures[self.path] -= 1
            self.send_response(503)
            self.end_headers()
            return
        if self.path in ("/rss", "/flaky") and self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        body, kind = (JSON_FEED, "application/feed+json") if self.path == "/json" else (RSS, "application/rss+xml")
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("ETag", '"v1"')
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_feeds_parse_rss_and_json_feed():
    rss = entries(RSS, "application/rss+xml")
    assert [e["url"] for e in rss] == ["https://news.example/1", "https://news.example/2"]
    assert rss[0]["date"] == "2023-05-16" and rss[0]["text"].startswith("Baku, May 16, AZERTAC\n\nMinister")
    (item,) = entries(JSON_FEED, "application/feed+json")
    assert item["date"] == "2023-05-17" and "Adil Karimli" in item["text"]
    assert plain_text("<p>a &amp; b</p><p>c</p>") == "a & b\n\nc"


def test_feeds_flow_fetches_retries_and_reports(prefect_harness, tmp_path, server):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    warehouse = tmp_path / "warehouse"
    feeds = [f"{server}/rss", f"{server}/json", f"{server}/flaky", f"{server}/hang"]
    summary = dispatch_etl(inbox=str(inbox), warehouse=str(warehouse), feeds=feeds, feed_timeout=0.5, feed_retries=2)
    dispatches = pd.read_parquet(warehouse / "dispatches")
    # /rss and /flaky serve the same items: each item once.
    assert sorted(dispatches["source_uri"]) == ["https://news.example/1", "https://news.example/2",
                                                "https://news.example/j1"]
    assert _Handler.hits["/flaky"] == 3  # failed twice, then answered
    rejects = pd.read_parquet(warehouse / "rejects")
    assert rejects[rejects["reason"] == "fetch_failed"]["source_uri"].tolist() == [f"{server}/hang"]
    names = set(pd.read_parquet(warehouse / "participants")["name"])
    assert {"Mikayil Jabbarov", "Pierre Dumont", "Adil Karimli", "Jean Dupré"} <= names
    assert summary["rejects_by_reason"]["fetch_failed"] == 1
    # Next run: conditional requests get 304, nothing new is read.
    again = dispatch_etl(inbox=str(inbox), warehouse=str(warehouse), feeds=feeds[:3], feed_timeout=0.5,
                         feed_retries=2)
    assert again["inputs_read"] == 0
