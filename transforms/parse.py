"""Raw documents to dispatch records: crawl header, title, dateline, body, language, date."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass

from transforms import bundled
from transforms.clean import without_debris
from transforms.ingest import RawDoc
from transforms.text import UPPER, normalise_layout

# Languages whose month names a dateline may use (dateparser supplies the words).
DATELINE_LANGUAGES = ("fr", "en", "es", "de", "it", "pt", "ru", "tr", "az")

_HEADER = re.compile(r"^\s*date\s+(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?(?:\s+|$)")
_WORD = r"[^\W\d_]+"
@functools.cache
def _dateline_pattern() -> re.Pattern:
    """A dateline: `Bakou, 23 février, AZERTAC`, `San Salvador, 23 de enero de 2014`."""
    link = _day_month_link()
    return re.compile(
        rf"^(?P<city>[{UPPER}][^\W\d_]*(?:[ '’\-][^\W\d_]+){{0,3}}?)(?P<citysep>\s*[,.]\s*|\s+)(?:le\s+)?"
        rf"(?:(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th|\.)?{link}\s+(?P<m1>{_WORD})\.?"
        rf"|(?P<m2>{_WORD})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
        # (all in figures, day first: `08.08.24.`, `12.03.2024`)
        rf"|(?P<d3>\d{{1,2}})\.(?P<m3>\d{{1,2}})\.(?P<y3>\d{{4}}|\d{{2}})(?!\d))"
        rf"(?:,?{link}\s+(?P<y>\d{{4}})|/(?P<y2>\d{{4}}))?"
        # The agency: bracketed (`(EFE)`, `(БЕЛТА)`), between slashes (`/ТАСС/`) or bare.
        rf"(?:\s*[,.]\s*|\s+)(?:\((?P<bracketed>[{UPPER}][\w.\- ]{{0,29}}?)\)"
        rf"|/(?P<slashed>[{UPPER}][^/\n]{{0,29}}?)/|(?P<agency>[{UPPER}][^\W_]*(?:[.\-][^\W_]+)*)/?)?"
        r"\s*(?:(?P<sep>[—–\-:|]{1,2})\s*)?(?P<rest>.*)$",
        re.DOTALL,
    )


@functools.cache
def _day_month_link() -> str:
    """The words language packs write between a day and its month or year (`23 de enero de
    2014`: their `dates.day_month_link`), as an optional group; a dateline is read before
    its language is known, so every pack's count."""
    from transforms.lang import available, raw

    links = [link for code in available() if (link := raw(code)["dates"].get("day_month_link"))]
    return rf"(?:\s+(?:{'|'.join(links)}))?" if links else ""


@dataclass(frozen=True)
class Dateline:
    city: str
    day: int
    month: int
    year: int | None
    agency: str | None
    rest: str
    languages: frozenset[str] = frozenset()  # the languages that write its month word


@functools.cache
def _month_entries() -> tuple[tuple[str, int, str, int], ...]:
    """(word folded to lower case, month number, language, length as written) for every
    month name and abbreviation of the dateline languages, in their order (dateparser)."""
    from dateparser.languages import default_loader

    names = ("january february march april may june july august september october "
             "november december").split()
    return tuple(
        (word.casefold().rstrip("."), number, code, len(word))
        for code in DATELINE_LANGUAGES
        for number, name in enumerate(names, start=1)
        for word in default_loader.get_locale(code).info.get(name, [])
    )


@functools.cache
def month_words() -> dict[str, int]:
    """Month names and abbreviations of every dateline language, folded to lower case."""
    words: dict[str, int] = {}
    for word, number, _, written in _month_entries():
        if written >= 3:
            words.setdefault(word, number)
    return words


@functools.cache
def month_languages() -> dict[str, frozenset[str]]:
    """Each month word of the dateline languages -> the languages that write it."""
    found: dict[str, set[str]] = {}
    for word, _, code, _ in _month_entries():
        found.setdefault(word, set()).add(code)
    return {w: frozenset(c) for w, c in found.items()}


def dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph (`Bakou, 23 février, AZERTAC`), if any."""
    m = _dateline_pattern().match(paragraph)
    if not m:
        return None
    if m.group("m3"):
        month_word, month = "", int(m.group("m3"))
        if not 1 <= month <= 12:
            return None
    else:
        month_word = (m.group("m1") or m.group("m2")).casefold()
        month = month_words().get(month_word)
        if month is None:
            return None
    day = int(m.group("d1") or m.group("d2") or m.group("d3"))
    agency = m.group("bracketed") or m.group("slashed") or m.group("agency")
    if m.group("agency") and not _agency_like(m, paragraph):
        # `Баку, 14 марта, Президент Ильхам Алиев …`: a title word, not an agency.
        agency, rest_start = None, m.start("agency")
    else:
        rest_start = m.start("rest")
    if not m.group("citysep").strip() and not (m.group("bracketed") or m.group("y2")):
        return None  # `Addis Ababa June 1/2021 (ENA)`: with no comma, the agency or year must follow
    rest = paragraph[rest_start:].strip()
    if agency:
        rest = _AFTER_AGENCY.sub("", rest)  # `/ТАСС/. Президент`, `(EFE).- El presidente`
    if agency is None and rest and not m.group("sep") and not m.group("agency"):
        # Without an agency a dateline must stand alone or be cut off by a dash.
        if len(paragraph) > 80:
            return None
    year = m.group("y") or m.group("y2") or m.group("y3")
    return Dateline(
        city=m.group("city").strip(),
        day=day,
        month=month,
        year=(int(year) + (2000 if len(year) == 2 else 0)) if year else None,
        agency=agency,
        rest=rest,
        languages=month_languages().get(month_word, frozenset()),
    )


_AFTER_AGENCY = re.compile(r"^[.,]\s*(?:[—–\-:|]{1,2}\s*)?")


def _agency_like(m: re.Match, paragraph: str) -> bool:
    """Whether a bare word after a dateline's date is an agency: written in capitals
    (`AZERTAC`, `АЗЕРТАДЖ`), a known agency, or alone or with the text after it cut off by
    a dash."""
    word = m.group("agency")
    if word.isupper() or paragraph[m.end("agency"):m.end("agency") + 1] == "/":  # (`AZERTAC/`)
        return True
    from transforms.geo import agency_country

    return agency_country(word) is not None or not m.group("rest").strip() or bool(m.group("sep"))


def published_date(
    header: tuple[int, int, int | None] | None, line: Dateline | None, hint: dt.date | None = None
) -> dt.date | None:
    """Day and month from the dateline, year from the header (or a feed date).

    A December dispatch crawled in January belongs to the year before, and the reverse.
    """
    if line is None:
        if header and header[2]:
            return _date(header[0], header[1], header[2])
        return hint
    if line.year:
        return _date(line.year, line.month, line.day)
    ref = (header[0], header[1]) if header else (hint.year, hint.month) if hint else None
    if ref is None:
        return None
    year = min(
        (ref[0] - 1, ref[0], ref[0] + 1),
        key=lambda y: abs((y * 12 + line.month) - (ref[0] * 12 + ref[1])),
    )
    return _date(year, line.month, line.day)


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _date_hint(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not m:
        return None
    return _date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))


# The languages a dispatch is told apart among: the agencies' languages and their
# neighbours. Fewer candidates make py3langid faster; a language missing here would be
# reported as its closest neighbour, so extend the list before ingesting another.
LANGUAGES = ("fr", "en", "ru", "tr", "az", "ar", "fa", "de", "es", "it", "pt", "nl", "pl", "uk", "kk",
             "uz", "ka", "hy", "zh", "ja", "ko", "ro", "el", "sv", "cs", "hu", "he", "ur", "hi", "id")


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages([code for code in LANGUAGES if code in identifier.nb_classes])
    return identifier


def language(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid's model)."""
    # A few hundred characters of prose identify a language as well as the whole text;
    # py3langid's cost grows with the length (it was a third of the parse time at 4,000).
    # The first paragraph of prose, not a page's menus, captions or a title in another
    # script (`Реклама …`, an Arabic title above French text).
    _, scores = _language_scores(text)
    return max(scores, key=scores.get)


def dispatch_id(text: str) -> str:
    """Stable id from the normalised content: the same text always gets the same id."""
    key = " ".join(text.split())  # (what `\s+` -> one space, then strip, gives, at a third of the cost)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Dispatch:
    dispatch_id: str
    source_uri: str
    agency: str | None
    language: str
    published_date: dt.date | None
    dateline_city: str | None
    title: str | None
    text: str
    content_sha256: str
    dateline_note: str | None = None
    # With no day of publication, the last day it can have been written on (the header's
    # `date 2020-09` gives its month): the year of a date written without one.
    written_by: dt.date | None = None

    def row(self, ingested_at: dt.datetime) -> dict:
        return {
            "dispatch_id": self.dispatch_id,
            "source_uri": self.source_uri,
            "agency": self.agency,
            "language": self.language,
            "published_date": self.published_date,
            "dateline_city": self.dateline_city,
            "title": self.title,
            "text": self.text,
            "ingested_at": ingested_at,
            "content_sha256": self.content_sha256,
        }


def dispatch(raw: RawDoc) -> Dispatch | None:
    """Parse one raw document; None when it has no body text at all."""
    text = normalise_layout(raw.text)
    header = None
    m = _HEADER.match(text)
    if m:
        header = (int(m.group("y")), int(m.group("m")), int(m.group("d")) if m.group("d") else None)
        text = text[m.end():].lstrip()
    paragraphs = without_debris(text).split("\n\n") if text else []
    title = raw.title
    line = dateline(paragraphs[0].split("\n")[0]) if paragraphs else None
    if line is None:
        # A page's title, and maybe its furniture (site name, `Subscribe`, `Source: Xinhua`,
        # a time stamp), before the paragraph the dateline opens: they are no part of it.
        for k in range(min(len(paragraphs), _HEAD_PARAGRAPHS)):
            lines = paragraphs[k].split("\n")
            # (a dateline after a line of furniture in its paragraph: `Subscribe`)
            j = next((j for j in range(min(len(lines), 4)) if (k or j) and dateline(lines[j])), None)
            if j is not None:
                title = title or (paragraphs[0].split("\n")[0] if k else None)
                paragraphs = ["\n".join(lines[j:]), *paragraphs[k + 1:]]
                line = dateline(lines[j])
                break
            if not _looks_like_head(paragraphs[k]):
                break
    if line is not None:
        first_lines = paragraphs[0].split("\n")
        rest = "\n".join([line.rest, *first_lines[1:]]).strip()
        paragraphs = ([rest] if rest else []) + paragraphs[1:]
    body = without_debris("\n\n".join(p for p in paragraphs if p.strip())).strip()
    if not body:
        return None
    day_ok = line is None or _date(2000, line.month, line.day) is not None
    pub = published_date(header, line, _date_hint(raw.date)) if day_ok else None
    if pub is None and line is not None and day_ok and header is None and line.year is None:
        # `BEIJING, Dec. 12 (Xinhua)` under a page's own `2022-12-12 19:15:00`: its year
        pub = published_date(None, line, stamped_date(_head_lines(text), None))
    city, agency = (line.city, line.agency) if line else (None, None)
    if line is None:
        # No dateline: a web page's own time stamp (`25 July, 2018, 19:04`, `20/03/2024 -
        # 17:50`, `Xinhua | 15.11.2021`, `ALGIERS – Thursday, 25 August 2022 (APS) –`) and
        # the agency its head names.
        head = _head_lines(text)
        pub = pub or stamped_date(head, header)
        agency = stamped_agency(head)
        # `MOSCOW (Sputnik - 07th January, 2022) Kazakh Foreign Minister …`: a dateline of
        # capitals and brackets opening one of the first paragraphs (after a page's title
        # and time stamp); it leaves the paragraph as any dateline does.
        paras = body.split("\n\n")
        for k, para in enumerate(paras[:4]):
            lead = _capital_lead(para)
            if lead:
                city, paras[k] = lead.group("city"), para[lead.end():].lstrip()
                agency = agency or _bracketed_agency(lead.group())
                body = "\n\n".join(paras)
                break
    return Dispatch(
        dispatch_id=dispatch_id("\n".join(filter(None, [title, body]))),
        source_uri=raw.source_uri,
        agency=agency,
        language=_language_code(raw.language) or _body_language("\n".join(filter(None, [title, body])), line),
        published_date=pub,
        dateline_city=city,
        title=title,
        text=body,
        content_sha256=raw.content_sha256,
        dateline_note=None if day_ok else f"impossible dateline date: day {line.day} of month {line.month}",
        written_by=None if pub or header is None else _month_end(header[0], header[1]),
    )


def _month_end(year: int, month: int) -> dt.date | None:
    if not 1 <= month <= 12:
        return None
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _body_language(text: str, line: Dateline | None) -> str:
    """The language of the text, as py3langid reads it among the languages written in the
    text's script. When that language has no pack, the dateline's month word may tell a
    short text apart (`Tashkent, 16 May (UzA) -- A met B` reads as Uzbek: names, one verb):
    the pack language that writes the month word wins (of several, the likeliest), unless the text is long enough
    to be sure it is not that language, or the month word is the model's language's too
    and the text leans to it (`Baku, 16. Mai` over German prose is German, not French)."""
    from transforms.lang import available

    packs = set(available())
    sample, scores = _language_scores(text)
    code = max(scores, key=scores.get)
    hint = (line.languages & packs) if line is not None else set()
    if len(hint) > 1 and (code in hint or code not in packs):
        return _pack_reading(text, sample, scores, code, hint)
    if code in packs or not hint:
        return code
    # (a month word several pack languages write, `May` in English and Spanish: the one of
    # those the model finds likeliest)
    other = max(sorted(hint), key=lambda c: scores.get(c, float("-inf")))
    # How much likelier, per character, the model finds its language than the pack's.
    gap = (scores[code] - scores.get(other, float("-inf"))) / max(len(sample), 1)
    if gap > _SURE_GAP or (code in line.languages and gap > _LEANING_GAP):
        return code
    return other


def _pack_reading(text: str, sample: str, scores: dict[str, float], code: str, hint: set[str]) -> str:
    """A short text under a month word several pack languages write (`16 mai`: French and
    German): unless the model is sure of its reading, the one of them whose meeting verbs
    the text uses (`Jeyhoun Baïramov a reçu …`: names and one verb), else the likeliest."""
    from transforms.lang import pack

    best = max(hint - {code}, key=lambda o: scores.get(o, float("-inf")))
    gap = (scores[code] - scores.get(best, float("-inf"))) / max(len(sample), 1)
    if gap > _SURE_GAP:
        return code
    fits = [c for c in sorted(hint) if pack(c).any_trigger.search(text)]
    if len(fits) == 1:
        return fits[0]
    return code if code in hint else max(hint, key=lambda o: scores.get(o, float("-inf")))


# Measured on short texts of our own (tests/test_parse.py): a German dispatch of 58
# characters is 0.57 per character likelier German than French; an English one of 39
# characters that reads as Turkish is 0.36 from English; a 196-character German text 1.7.
_SURE_GAP = 1.0
_LEANING_GAP = 0.45


def _language_scores(text: str) -> tuple[str, dict[str, float]]:
    """The sample the model reads and its log-probability per candidate language: only the
    languages written in the text's script (a Latin-script text is never Russian)."""
    # A few hundred characters of prose (see `language`).
    # (a sentence's end in it: not a page's run of icon and menu words)
    sample = next((p for p in text.split("\n") if len(p) >= 150 and re.search(r"\w[.!?]", p)), None) or next(
        (p for p in text.split("\n") if len(p) >= 150), text)
    sample = sample[:400]
    ranked = dict(_identifier().rank(sample))
    script = _script(sample)
    fitting = {code: score for code, score in ranked.items() if _scripts().get(code, "Latin") == script}
    return sample, fitting or ranked


_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _script(text: str) -> str:
    """The script most of a text's letters are written in (`Latin`, `Cyrillic`, `Arabic` …)."""
    import unicodedata

    if not _NON_LATIN_LETTER.search(text):
        return "Latin"  # (most texts: no letter to look up)
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            script = "Latin" if name.startswith("LATIN") else name.split(" ")[0].title() if name else "Other"
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.get) if counts else "Latin"


@functools.cache
def _scripts() -> dict[str, str]:
    """Language code -> the script it is written in (transforms/data/scripts.yaml)."""
    data = bundled.data("data/scripts.yaml")
    return {code: script for script, codes in data["scripts"].items() for code in codes}


_HEAD_PARAGRAPHS = 8  # how deep a page's head may run before its dateline


def _looks_like_title(paragraph: str) -> bool:
    """A headline: one short line with no full stop at its end."""
    return "\n" not in paragraph and len(paragraph) <= 250 and not paragraph.rstrip().endswith(".")


def _looks_like_head(paragraph: str) -> bool:
    """A headline or page furniture above a dateline (site name, `Subscribe`, a time stamp,
    a site's one-line description): a few short lines."""
    return paragraph.count("\n") <= 3 and len(paragraph) <= 300


def _language_code(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


_NUMERIC_DATE = re.compile(r"(?<![\d/.])(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[./](\d{1,2})[./](\d{4}))(?![\d/])")
_HEAD_DASH = re.compile(r"\s(?:–|—|-{1,2})\s|\)")


@functools.cache
def _written_date() -> re.Pattern:
    months = "|".join(sorted((re.escape(w) for w in month_words()), key=len, reverse=True))
    link = _day_month_link()
    return re.compile(
        rf"(?<!\w)(\d{{1,2}})(?:er|st|nd|rd|th|\.)?{link}\s+({months})\.?,?(?:{link}\s+(\d{{4}}))?(?!\w)"  # (`16. Mai 2012`)
        rf"|(?<!\w)({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?(?!\w)",
        re.IGNORECASE,
    )


def _head_lines(text: str) -> list[str]:
    """The places a page writes its own date: its first short lines, and the dateline-like
    lead of a long first line, up to its dash or closing bracket."""
    out = []
    for line in [line.strip() for line in text.split("\n") if line.strip()][:8]:
        if len(line) <= 150:
            out.append(line)
        else:
            dashes = [m.end() for m in _HEAD_DASH.finditer(line, 0, 110)]
            if dashes:
                out.append(line[:dashes[-1]])
            break
    return out


def stamped_date(head: list[str], header: tuple[int, int, int | None] | None) -> dt.date | None:
    """The first full date a page's head lines write (a numeric one read day first unless
    only month first is possible, or the crawl header's month says so; a day and month with
    no year only in the crawl header's month) that agrees with the crawl header's month."""
    for line in head:
        for found in _line_dates(line, header):
            if found and (header is None or (found.year, found.month) == header[:2]):
                return found
    return None


def _line_dates(line: str, header: tuple[int, int, int | None] | None):
    """The dates one line writes, numeric ones first, in order (None for an impossible one)."""
    for m in _NUMERIC_DATE.finditer(line):
        if m.group(1):
            yield _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            continue
        a, b, y = int(m.group(4)), int(m.group(5)), int(m.group(6))
        day_first, month_first = _date(y, b, a), _date(y, a, b)
        yield month_first if day_first and month_first and header and header[1] == a != b else (
            day_first or month_first)
    for m in _written_date().finditer(line):
        month = month_words().get((m.group(2) or m.group(4)).casefold().rstrip("."))
        year = m.group(3) or m.group(6)
        if month is not None and (year or (header and header[1] == month)):
            yield _date(int(year) if year else header[0], month, int(m.group(1) or m.group(5)))


_AGENCY_TOKEN = re.compile(r"(?<![\w.])([A-Z][A-Za-z]*(?:\.[A-Za-z]{2,3})?)(?![\w])")


def stamped_agency(head: list[str]) -> str | None:
    """A known agency a page's head lines name (`(APS)`, `KAZINFORM –`, `/ Trend /`)."""
    from transforms.geo import agency_country

    for line in head:
        for m in _AGENCY_TOKEN.finditer(line):
            if agency_country(m.group(1)):
                return m.group(1)
    return None


_CAPITAL_LEAD = re.compile(
    r"(?P<city>[A-Z][A-Z’'\-]+(?: [A-Z][A-Z’'\-]+){0,2})"
    r"(?:,?\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?\.?"  # `BAKU, Azerbaijan`, `KUWAIT, Feb 2`, `NUR-SULTAN.`
    r"(?:\s*\([^()\n]{2,80}\)\s*(?:[–—-]{1,2}\s*)?"  # `(KUNA) --`, `(Sputnik - 7 January 2022)`
    r"|\s+[–—-]{1,2}\s+[^–—\n]{0,80}?\s+[–—-]{1,2}\s+"  # `– Thursday, 25 August 2022 (APS) –`
    r"|\s+[A-Z]{3,}\s+[–—-]{1,2}\s+"  # `KAZINFORM –`
    r"|\s+[–—-]{1,2}\s+)"
)


def _bracketed_agency(lead: str) -> str | None:
    """A known agency first in a lead's brackets (`Wien (APA) –`, `MOSCOW (Sputnik - …)`)."""
    from transforms.geo import agency_country

    word = re.search(r"\(\s*([^\W\d_][\w.]*)", lead)
    return word.group(1) if word and agency_country(word.group(1)) else None


# `Wien (APA) –`, `Moskau (dpa) -`: a city written in small letters needs a known agency and a dash.
_AGENCY_LEAD = re.compile(rf"(?P<city>[{UPPER}][^\W\d_]+(?:[ \-][{UPPER}][^\W\d_]+)?)\s+\([^()\n]{{2,40}}\)\s*[–—-]{{1,2}}\s+")


def _capital_lead(body: str) -> re.Match | None:
    """A dateline in capitals that opens the body (`ALGIERS – Thursday, 25 August 2022
    (APS) –`, `KUWAIT, Feb 2 (KUNA) --`, `MOSCOW (Sputnik - 7 January 2022)`), or a known
    city's with a known agency in brackets (`Wien (APA) –`), if any."""
    from transforms.geo import city_country

    m = _CAPITAL_LEAD.match(body)
    if m is None:
        m = _AGENCY_LEAD.match(body)
        if m is not None and (city_country(m.group("city")) is None or _bracketed_agency(m.group()) is None):
            return None
    if m is None or len(m.group("city")) < 3 or m.end() > 130:
        return None
    return m
