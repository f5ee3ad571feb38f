from __future__ import annotations

import pytest

from transforms.clean import is_debris, without_debris
from transforms.ingest import RawDoc
from transforms.parse import dispatch


@pytest.mark.parametrize(
    "line",
    ["Partager Facebook", "Partager Facebook Twitter", "Share on: Facebook | X | WhatsApp", "A- A A+",
     "Taille du texte : A A A", "Disclaimer: the views expressed here are the author’s",
     "Photo : les deux ministres avant l’entretien", "Photo: AZERTAC", "Lire aussi : le ministre a reçu",
     "1 234 vues"],
)
def test_clean_debris_lines(line):
    assert is_debris(line)


@pytest.mark.parametrize(
    "line",
    ["Le ministre a reçu hier son homologue.", "A meeting was held between the ministers.",
     "Abu Dhabi", "Share prices rose sharply on Monday after the talks."],
)
def test_clean_keeps_prose(line):
    assert not is_debris(line)


def test_clean_page_debris_does_not_break_parsing():
    raw = (" date 2023-02 Partager Facebook Twitter\n\nA- A A+\n\nBakou, 23 février, AZERTAC\n\n"
           "Photo : les deux ministres.\n\nLe ministre a reçu l’ambassadeur.\n\nDisclaimer: texte de la source.")
    d = dispatch(RawDoc("x.txt", raw, "0" * 64))
    assert (d.dateline_city, str(d.published_date), d.title) == ("Bakou", "2023-02-23", None)
    assert d.text == "Le ministre a reçu l’ambassadeur."


def test_clean_keeps_paragraphs():
    assert without_debris("Un.\n\nPartager Facebook\n\nDeux.\nImprimer\nTrois.") == "Un.\n\nDeux.\nTrois."
