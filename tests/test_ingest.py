from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.extract import meetings
from transforms.ingest import raw_documents
from transforms.parse import dispatch

FR = " date 2023-03 Bakou, 9 mars, AZERTAC\n\nLe ministre de l’Économie, Mikayil Djabbarov, a reçu M. Paul Durand, ambassadeur de France.\n"


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not_text"),
        ("bad.json", b"{not json", "bad_json"),
        ("notext.json", json.dumps({"title": "x"}).encode(), "no_body"),
        ("list.json", b"[1, 2]", "bad_record"),
        ("broken.txt.gz", b"\x1f\x8b\x08\x00garbage", "bad_gzip"),
    ],
)
def test_ingest_rejects_with_reason(name, data, reason):
    result = raw_documents(name, data)
    assert not result.docs
    assert [r.reason for r in result.rejects][:1] == [reason]
    assert result.rejects[0].content_sha256


def test_ingest_too_large_and_gzip_bomb():
    assert raw_documents("big.txt", b"a" * 2000, max_bytes=1000).rejects[0].reason == "too_large"
    bomb = gzip.compress(b"a" * 5000)
    assert raw_documents("bomb.txt.gz", bomb, max_bytes=1000).rejects[0].reason == "too_large"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
def test_ingest_decodes_legacy_encodings(encoding):
    text = "Le ministre a reçu l'ambassadeur à Bakou pour évoquer la coopération économique et culturelle. " * 3
    doc = raw_documents("a.txt", text.encode(encoding)).docs[0]
    assert "reçu" in doc.text and "évoquer" in doc.text


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Le ministre de la Culture a reçu mardi M. Jean Dupré, ambassadeur en Azerbaïdjan.", "cp1252"),
        ("Министр иностранных дел Джейхун Байрамов принял посла Франции в Баку.", "cp1251"),
        ("Dışişleri Bakanı Ceyhun Bayramov, Fransa Büyükelçisini kabul etti. Görüşmede iş birliği ele alındı.",
         "cp1254"),
    ],
)
def test_ingest_short_legacy_texts_decode_right(text, encoding):
    assert raw_documents("a.txt", text.encode(encoding)).docs[0].text == text


def test_ingest_mixed_encodings_in_one_file():
    # Half UTF-8, half Windows-1252 (a file pasted together): both halves come out right.
    data = "Le ministre a reçu l’ambassadeur. ".encode("utf-8") + "Il a évoqué la coopération.".encode("cp1252")
    assert raw_documents("m.txt", data).docs[0].text == "Le ministre a reçu l’ambassadeur. Il a évoqué la coopération."


def test_ingest_repairs_mojibake_and_keeps_curly_quotes():
    broken = "Le ministre a reÃ§u lâ€™ambassadeur de lâ€™OMS."
    doc = raw_documents("m.txt", broken.encode("utf-8")).docs[0]
    assert doc.text == "Le ministre a reçu l’ambassadeur de l’OMS."


def test_ingest_gzip_json_and_jsonl():
    gz = raw_documents("a.txt.gz", gzip.compress(FR.encode()))
    assert len(gz.docs) == 1 and gz.docs[0].text == FR
    lines = "\n".join([json.dumps({"text": FR, "url": "http://x/1", "date": "2023-03-09"}), "{oops", ""])
    out = raw_documents("feed.jsonl", lines.encode())
    assert [d.source_uri for d in out.docs] == ["http://x/1"]
    assert out.docs[0].date == "2023-03-09"
    assert [(r.source_uri, r.reason) for r in out.rejects] == [("feed.jsonl#L2", "bad_json")]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "b.json", "c.jsonl", "d.txt.gz", "e"]))
def test_ingest_never_raises_on_arbitrary_bytes(data, name):
    result = raw_documents(name, data)
    for doc in result.docs:
        d = dispatch(doc)
        if d is not None:
            meetings(d)
    assert result.docs or result.rejects


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_extract_never_raises_on_arbitrary_text(text):
    for prefix in ("", " date 2023-02 Bakou, 23 février, AZERTAC\n\n"):
        result = raw_documents("t.txt", (prefix + text).encode("utf-8", "surrogatepass"))
        for doc in result.docs:
            d = dispatch(doc)
            if d is not None:
                for m in meetings(d):
                    assert m["participants"]


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Minister receives envoy</title>
<style>body { color: red; }</style><script>var tracker = "<p>hidden</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><p>Baku, May 16, AZERTAC</p>
<p>Foreign Minister Jeyhun Bayramov received Mr Thomas Keller,
   Ambassador of Switzerland, on Thursday.</p><p>The sides discussed energy &amp; trade.</p></article>
</body></html>"""


@pytest.mark.parametrize("name, data", [
    ("page.html", _PAGE.encode("utf-8")),
    ("page.HTM", _PAGE.encode("utf-8")),
    ("page.html.gz", gzip.compress(_PAGE.encode("utf-8"))),
    ("saved.txt", _PAGE.encode("utf-8")),  # a whole HTML document under another name
])
def test_ingest_html_pages_become_their_visible_text(name, data):
    (doc,) = raw_documents(name, data).docs
    assert doc.title == "Minister receives envoy"
    assert "<" not in doc.text and "hidden" not in doc.text and "color" not in doc.text and "Home" not in doc.text
    assert doc.text == ("Baku, May 16, AZERTAC\n\nForeign Minister Jeyhun Bayramov received Mr Thomas Keller, "
                        "Ambassador of Switzerland, on Thursday.\n\nThe sides discussed energy & trade.")
    d = dispatch(doc)
    assert (d.dateline_city, d.agency, d.language) == ("Baku", "AZERTAC", "en")


def test_ingest_html_page_without_visible_text_is_an_empty_reject():
    found = raw_documents("blank.html", b"<html><head><title>x</title><script>a()</script></head><body></body></html>")
    assert not found.docs and [r.reason for r in found.rejects] == ["empty"]
