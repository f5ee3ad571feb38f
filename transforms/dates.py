"""The day a meeting took place, from the words of the sentences that report it."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from transforms.lang import Pack
from transforms.text import fold, words_pattern


@dataclass(frozen=True)
class DateFinding:
    date: dt.date | None
    basis: str | None  # explicit, weekday, relative, previous (relative to the meeting before)
    offset: int | None = None  # days after the previous meeting, for basis `previous`


_DAY_SPAN = r"(?:\s*[-–]\s*\d{1,2}(?:er|ème|e|st|nd|rd|th)?|\s+(?:et|and|&)\s+\d{1,2}(?:er|ème|e|st|nd|rd|th)?)?"


@functools.cache
def _patterns(pack: Pack) -> dict[str, re.Pattern]:
    months = words_pattern(list(pack.months))
    weekdays = words_pattern(list(pack.weekdays))
    # (`am 16. September`: a language may write the day as an ordinal with a full stop)
    suffix = "|".join(["er", "ème", "e", "st", "nd", "rd", "th", *pack.data["dates"].get("day_suffixes", [])])
    # A word some languages put between the day, the month and the year (`4 de marzo de 2024`).
    link = pack.data["dates"].get("day_month_link")
    link = rf"(?:\s+{link})?" if link else ""
    not_after = "".join(rf"(?<!{re.escape(w)}\s)" for w in pack.data["dates"].get("not_days_after", []))
    return {
        # `4-5 March`, `March 4-5`, `les 4 et 5 mars`: a span of days counts from its first.
        "explicit": re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:{suffix})?{_DAY_SPAN}{link}\s+({months})\.?(?:,?{link}\s+(\d{{4}}))?(?![\w])"
            rf"|\b({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?{_DAY_SPAN}(?:,?\s+(\d{{4}}))?(?!\d)",
            re.IGNORECASE,
        ),
        # `le 4 courant`: a day of the month of publication.
        "current_month": re.compile(
            r"(?<!\d)(\d{1,2})(?:er|e)?\s+(?:" + words_pattern(pack.data["dates"].get("current_month", []) or ["(?!)"])
            + r")(?![\w-])",
            re.IGNORECASE,
        ),
        # (a weekday word inside a name is no day: `Santo Domingo`, the pack's `not_days_after`)
        # `el próximo 3 de febrero`: a day to come (the pack's `future_leads`), no meeting's
        "future": re.compile(
            r"(?<![\w’'-])(?:" + words_pattern(pack.data["dates"].get("future_leads", []) or ["(?!)"]) + r")\s+$",
            re.IGNORECASE,
        ),
        "weekday": re.compile(rf"(?<![\w-]){not_after}({weekdays})(?![\w-])", re.IGNORECASE),
        "relative": re.compile(
            r"(?<![\w’'-])(" + words_pattern(list(pack.data["dates"]["relative"])) + r")(?![\w-])",
            re.IGNORECASE,
        ),
        "previous": re.compile(
            r"(?<![\w’'-])(" + words_pattern(list(pack.data["dates"]["after_previous"])) + r")(?![\w-])",
            re.IGNORECASE,
        ),
    }


def meeting_date(
    texts: list[str], published: dt.date | None, pack: Pack, written_by: dt.date | None = None
) -> DateFinding:
    """The first date the texts give, most precise kind first; weekdays resolve to the
    latest such day on or before publication, `hier` to the day before it. With no day of
    publication, `written_by` (the last day the text can have been written) still gives
    the year of a date written without one."""
    pats = _patterns(pack)
    for text in texts:
        for m in pats["explicit"].finditer(text):
            if pats["future"].search(text, max(0, m.start() - 20), m.start()):
                continue
            day = int(m.group(1) or m.group(5))
            month = pack.months.get(fold(m.group(2) or m.group(4)).rstrip("."))
            year = m.group(3) or m.group(6)
            date = _explicit(day, month, int(year) if year else None, published or written_by)
            if date:
                return DateFinding(date, "explicit")
        m = pats["current_month"].search(text)
        if m and published is not None:
            date = _safe(published.year, published.month, int(m.group(1)))
            if date and date <= published:
                return DateFinding(date, "explicit")
    for text in texts:
        m = pats["weekday"].search(text)
        if m:
            if published is None:
                return DateFinding(None, None)
            weekday = pack.weekdays[fold(m.group(1))]
            back = (published.weekday() - weekday) % 7
            return DateFinding(published - dt.timedelta(days=back), "weekday")
        m = pats["relative"].search(text)
        if m:
            delta = pack.relative_days[fold(m.group(1))]
            if published is None:
                return DateFinding(None, None)
            return DateFinding(published + dt.timedelta(days=delta), "relative")
        m = pats["previous"].search(text)
        if m:
            return DateFinding(None, "previous", pack.after_previous[fold(m.group(1))])
    return DateFinding(None, None)


def _explicit(day: int, month: int | None, year: int | None, published: dt.date | None) -> dt.date | None:
    if month is None:
        return None
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        # `le 30 décembre` in a January dispatch is last year's.
        return candidate if candidate <= published else _safe(year - 1, month, day)
    return _safe(year, month, day)


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
