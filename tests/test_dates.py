"""When a meeting took place, from the words of the sentences that state it."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.dates import meeting_date
from transforms.lang import pack

PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday


@pytest.mark.parametrize(
    "language, text, expected, basis",
    [
        ("fr", "a reçu ce mardi l’ambassadeur", dt.date(2024, 3, 5), "weekday"),
        ("fr", "a reçu mardi 5 mars l’ambassadeur", dt.date(2024, 3, 5), "explicit"),
        ("fr", "a reçu le 4 courant l’ambassadeur", dt.date(2024, 3, 4), "explicit"),
        ("fr", "a reçu les 4 et 5 mars l’ambassadeur", dt.date(2024, 3, 4), "explicit"),
        ("fr", "a reçu le 30 décembre l’ambassadeur", dt.date(2023, 12, 30), "explicit"),
        ("fr", "a reçu ce matin l’ambassadeur", dt.date(2024, 3, 6), "relative"),
        ("fr", "a reçu avant-hier l’ambassadeur", dt.date(2024, 3, 4), "relative"),
        ("fr", "a reçu la semaine dernière l’ambassadeur", None, None),
        ("en", "received the Ambassador on 4-5 March", dt.date(2024, 3, 4), "explicit"),
        ("en", "received the Ambassador on March 4-5", dt.date(2024, 3, 4), "explicit"),
        ("en", "received the Ambassador on Tuesday, March 5", dt.date(2024, 3, 5), "explicit"),
        ("en", "received the Ambassador this morning", dt.date(2024, 3, 6), "relative"),
        ("en", "received the Ambassador last week", None, None),
    ],
)
def test_meeting_date_phrases(language, text, expected, basis):
    found = meeting_date([text], PUBLISHED, pack(language))
    assert (found.date, found.basis) == (expected, basis)


def test_meeting_date_current_month_is_never_after_publication():
    # `le 20 courant` in a dispatch of the 6th cannot be this month's 20th.
    assert meeting_date(["a reçu le 20 courant"], PUBLISHED, pack("fr")).date is None
