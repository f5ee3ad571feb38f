"""HTML to text: a feed item's fragment or a whole saved web page. Pure: markup in, text
out, paragraphs separated by blank lines."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Elements that end a paragraph, and those whose content is never text a reader sees.
_BREAKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section",
           "article", "header", "footer", "ul", "ol", "table", "figure", "figcaption", "hr", "dd", "dt"}
_HIDDEN = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "nav"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "title":
            self._in_title = True
        elif tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BREAKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BREAKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BREAKS:
            self.parts.append("\n\n")

    def handle_data(self, data) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            # In HTML a line break in the source is a space; only elements break lines.
            self.parts.append(re.sub(r"\s+", " ", data))


def plain_text(markup: str) -> str:
    """Text of an HTML fragment, paragraphs separated by blank lines."""
    if "<" not in markup:
        return html.unescape(markup).strip()
    return page(markup)[1]


def page(markup: str) -> tuple[str | None, str]:
    """(title, text) of an HTML page: the text a reader sees, without scripts, styles or
    the head; paragraphs separated by blank lines, spaces within a line collapsed."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n\s*\n(\s*\n)*", "\n\n", text).strip()
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip() or None
    return title, text


def looks_like_html(text: str) -> bool:
    """A whole HTML document (a doctype or an <html> element near the start)."""
    return bool(re.match(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", text[:2000], re.I | re.S))
