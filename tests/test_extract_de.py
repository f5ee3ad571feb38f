"""German extraction: one dispatch of our own per construction (texts written for these
tests with invented names, not taken from any corpus)."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.ingest import RawDoc
from transforms.lang import pack
from transforms.parse import dispatch
from transforms.people import describe
from transforms.text import sentences

from extraction import check_first_meeting, extract, people

CASES = [
    pytest.param(
        " date 2024-03-06\n\n"
        "Am Dienstag, dem 5. März hat der Präsident der Republik Kasachstan, Nurlan Beketow, eine "
        "georgische Delegation mit dem Minister für Verkehr, Giorgi Tscheidse, an der Spitze in Astana "
        "empfangen.",
        dict(kind="meeting", meeting_date=dt.date(2024, 3, 5), date_basis="explicit", city="Astana"),
        {
            "Nurlan Beketow": (None, "Präsident", None, "KZ", "host"),
            "Giorgi Tscheidse": (None, "Minister für Verkehr", None, "GE", "guest"),
        },
        id="perfect-subject-after-verb-delegation",
    ),
    pytest.param(
        " date 2023-10-12\n\n"
        "Der Präsident der Republik Usbekistan, Timur Rashidow, hat am Mittwoch den "
        "technischen Direktor des Unternehmens Koral, Emre Kaplan, zum Gespräch empfangen.",
        dict(kind="meeting", meeting_date=dt.date(2023, 10, 11), date_basis="weekday"),
        {
            "Timur Rashidow": (None, "Präsident", None, "UZ", "host"),
            "Emre Kaplan": (None, "technischer Direktor", "Koral", None, "guest"),
        },
        id="perfect-adjective-title-nominative",
    ),
    pytest.param(
        " date 2022-06-20\n\n"
        "Der bayerische Ministerpräsident Tobias Lindner wurde in Warschau vom polnischen Präsidenten "
        "Marek Zielinski empfangen.",
        dict(kind="meeting", city="Warschau", country_code="PL"),
        {
            "Marek Zielinski": (None, "Präsident", None, "PL", "host"),
            "Tobias Lindner": (None, "Ministerpräsident", None, "DE", "guest"),
        },
        id="passive-von-weak-noun",
    ),
    pytest.param(
        " date 2025-01-24\n\n"
        "Am Donnerstag hat Präsident Kerem Aydin mit seinem ungarischen Amtskollegen Laszlo Farkas "
        "telefoniert.",
        dict(kind="phone_call", meeting_date=dt.date(2025, 1, 23)),
        {
            "Kerem Aydin": (None, "Präsident", None, None, "participant"),
            "Laszlo Farkas": (None, "Präsident", None, "HU", "participant"),
        },
        id="call-perfect-counterpart",
    ),
    pytest.param(
        " date 2024-10-07\n\n"
        "Levan Beridze, der Außenminister Georgiens, traf sich in Batumi am 6. Oktober mit "
        "seinem türkischen Amtskollegen Mehmet Demir.",
        dict(kind="meeting", meeting_date=dt.date(2024, 10, 6), city="Batumi", country_code="GE"),
        {
            "Levan Beridze": (None, "Außenminister", None, "GE", "participant"),
            "Mehmet Demir": (None, "Außenminister", None, "TR", "participant"),
        },
        id="sich-treffen-genitive-state",
    ),
    pytest.param(
        " date 2021-05-04\n\n"
        "Der litauische Energieminister Darius Petraitis hat heute den neu ernannten Botschafter "
        "Deutschlands in Litauen Dr. Jens Vogler zum Gespräch empfangen.",
        dict(kind="meeting", meeting_date=dt.date(2021, 5, 4), date_basis="publication"),
        {
            "Darius Petraitis": (None, "Energieminister", None, "LT", "host"),
            "Jens Vogler": ("Dr.", "Botschafter", None, "DE", "guest"),
        },
        id="compound-title-genitive-state-after-head",
    ),
    pytest.param(
        " date 2019-08-15\n\n"
        "Bundeskanzlerin Helga Brandt und der kroatische Premierminister Ivan Horvat haben heute in "
        "einer Videokonferenz über die Energiepreise gesprochen.",
        dict(kind="video_conference", meeting_date=dt.date(2019, 8, 15)),
        {
            "Helga Brandt": (None, "Bundeskanzlerin", None, None, "participant"),
            "Ivan Horvat": (None, "Premierminister", None, "HR", "participant"),
        },
        id="plural-video",
    ),
    pytest.param(
        " date 2020-02-10\n\n"
        "Bei einem Telefonat gratulierte der estnische Außenminister, Kaarel Tamm, Ramin Guliyev zur "
        "Ernennung zum Außenminister.",
        dict(kind="phone_call"),
        {
            "Kaarel Tamm": (None, "Außenminister", None, "EE", "participant"),
            "Ramin Guliyev": (None, None, None, None, "participant"),
        },
        id="call-noun-then-verb-subject-object",
    ),
    pytest.param(
        " date 2023-02-02\n\n"
        "Die Agentur meldete, dass das Thema beim Treffen von Minister Farid Huseynli mit dem "
        "Botschafter Italiens Marco Bellini besprochen wurde.",
        dict(kind="meeting"),
        {
            "Farid Huseynli": (None, "Minister", None, None, "participant"),
            "Marco Bellini": (None, "Botschafter", None, "IT", "participant"),
        },
        id="meeting-noun-von-mit",
    ),
    pytest.param(
        " date 2022-11-05\n\n"
        "Der vietnamesische Staatspräsident Tran Van Long traf am Freitag im Großen Saal des Volkes "
        "in Hanoi Bundeskanzler Peter Wagner.",
        dict(kind="meeting", city="Hanoi", country_code="VN"),
        {
            "Tran Van Long": (None, "Staatspräsident", None, "VN", "participant"),
            "Peter Wagner": (None, "Bundeskanzler", None, None, "participant"),
        },
        id="capitalised-nouns-are-no-names",
    ),
    pytest.param(
        " date 2024-05-10\n\n"
        "Am Rande des Gipfels führte Kanzler Jan Meier Gespräche mit dem indischen Premierminister Ravi Kumar.",
        dict(kind="meeting"),
        {
            "Jan Meier": (None, "Kanzler", None, None, "participant"),
            "Ravi Kumar": (None, "Premierminister", None, "IN", "participant"),
        },
        id="noun-after-name-subject-after-verb",
    ),
    pytest.param(
        " date 2024-05-10\n\n"
        "Außenministerin Anna Roth erhielt am Dienstag einen Anruf vom japanischen Außenminister Kenji Sato.",
        dict(kind="phone_call", meeting_date=dt.date(2024, 5, 7)),
        {
            "Kenji Sato": (None, "Außenminister", None, "JP", "host"),
            "Anna Roth": (None, "Außenministerin", None, None, "guest"),
        },
        id="call-received-from",
    ),
    pytest.param(
        " date 2024-05-10\n\n"
        "Der ungarische Ministerpräsident Gabor Toth und der slowakische Regierungschef Peter Novak kamen am "
        "Mittwochabend in Budapest zusammen.",
        dict(kind="meeting", meeting_date=dt.date(2024, 5, 8), city="Budapest", country_code="HU"),
        {
            "Gabor Toth": (None, "Ministerpräsident", None, "HU", "participant"),
            "Peter Novak": (None, "Regierungschef", None, "SK", "participant"),
        },
        id="plural-separable-verb-weekday-compound",
    ),
    pytest.param(
        " date 2024-05-10\n\n"
        "Bundeskanzler Jan Meier hat den französischen Präsidenten Luc Martin am Montag in Berlin getroffen.",
        dict(kind="meeting", meeting_date=dt.date(2024, 5, 6), city="Berlin", country_code="DE"),
        {
            "Jan Meier": (None, "Bundeskanzler", None, "DE", "participant"),
            "Luc Martin": (None, "Präsident", None, "FR", "participant"),
        },
        id="perfect-getroffen",
    ),
    pytest.param(
        " date 2023-11-16\n\n"
        "Wie das Präsidialamt mitteilte, sei Außenminister Tomas Berg am Mittwoch in Nikosia vom "
        "zyprischen Präsidenten Nikos Georgiou empfangen worden.",
        dict(kind="meeting", meeting_date=dt.date(2023, 11, 15), city="Nikosia", country_code="CY"),
        {
            "Nikos Georgiou": (None, "Präsident", None, "CY", "host"),
            "Tomas Berg": (None, "Außenminister", None, None, "guest"),
        },
        id="reported-speech-passive",
    ),
    pytest.param(
        " date 2023-11-16\n\n"
        "Der litauische Präsident Darius Petraitis und der lettische Präsident Janis Ozols führten am Mittwoch "
        "in Riga Gespräche über die Sicherheit.",
        dict(kind="meeting", meeting_date=dt.date(2023, 11, 15), city="Riga", country_code="LV"),
        {
            "Darius Petraitis": (None, "Präsident", None, "LT", "participant"),
            "Janis Ozols": (None, "Präsident", None, "LV", "participant"),
        },
        id="plural-talks-held",
    ),
    pytest.param(
        " date 2021-09-14\n\n"
        "Bundespräsidentin Clara Van der Meulen empfing am Montag den Botschafter der Republik Chile, "
        "Diego Fuentes.",
        dict(kind="meeting", meeting_date=dt.date(2021, 9, 13)),
        {
            "Clara Van der Meulen": (None, "Bundespräsidentin", None, None, "host"),
            "Diego Fuentes": (None, "Botschafter", None, "CL", "guest"),
        },
        id="particle-name-simple-past",
    ),
]


@pytest.mark.parametrize("text, meeting, expected", CASES)
def test_extract_de_phenomena(text, meeting, expected):
    check_first_meeting(text, meeting, expected)


@pytest.mark.parametrize(
    "text",
    [
        # an announcement in the present tense: not yet a meeting
        " date 2024-04-02\n\nAußenministerin Greta Holm empfängt am Dienstag ihren belgischen "
        "Amtskollegen Luc Peeters in Wien.",
        # the person before the verb stands in a phrase put before it, not as its subject
        " date 2014-03-05\n\nVor dem Treffen mit Jonas Berger ist Marc Dubois bereits mit dem "
        "irischen Außenminister zusammengetroffen.",
        # a proposal welcomed, not a guest
        " date 2024-04-02\n\nKanzler Jan Meier hat den Vorschlag des Präsidenten der Mongolei, Bat Erdene, "
        "ausdrücklich begrüßt.",
        # a letter, not a meeting
        " date 2024-04-02\n\nPräsident Nurlan Beketow hat dem Präsidenten der Mongolei, Bat Erdene, "
        "einen Brief geschrieben.",
    ],
)
def test_extract_de_negatives(text):
    found = extract(text)
    assert not any({"Jonas Berger", "Marc Dubois"} <= set(people(m)) for m in found)
    assert not any("Luc Peeters" in people(m) or "Bat Erdene" in people(m) for m in found)


def test_extract_de_the_side_that_asked_for_the_call_placed_it():
    text = (" date 2023-11-16\n\nDer chinesische Außenminister Liu Ming hat am Mittwoch mit seinem kanadischen "
            "Amtskollegen Mark Taylor telefoniert. Das Gespräch fand auf Bitten der kanadischen Seite statt.")
    (m,) = extract(text)
    assert {n: p[4] for n, p in people(m).items()} == {"Mark Taylor": "host", "Liu Ming": "guest"}


def test_extract_de_here_is_the_datelines_city():
    text = ("LIMA, 3. Mai (Andina) -- Der peruanische Präsident Luis Quispe und sein chilenischer Amtskollege "
            "Pablo Rojas trafen sich hier am Freitag zu einem ersten Gespräch.")
    (m,) = extract(text)
    assert (m["city"], m["country_code"]) == ("Lima", "PE")


def test_extract_de_a_verb_ends_the_title_before_a_name():
    text = (" date 2025-01-24\n\nDer Präsident Usbekistans, Timur Rashidow, hat mit dem polnischen Präsidenten "
            "Marek Zielinski telefoniert. Der polnische Präsident dankte Präsident Timur Rashidow für die Einladung.")
    (m,) = extract(text)
    assert people(m)["Timur Rashidow"][3] == "UZ"


def test_extract_de_a_list_of_envoys_under_the_verb():
    text = (" date 2012-04-13\n\nUm ihre Beglaubigungsschreiben entgegenzunehmen, empfing Bundespräsident Karl Hofer\n"
            "• den Botschafter der Republik Panama, Luis Arosemena,\n"
            "• sowie den Botschafter der Republik Peru, Carlos Quispe.")
    (m,) = extract(text)
    assert people(m) == {
        "Karl Hofer": (None, "Bundespräsident", None, None, "host"),
        "Luis Arosemena": (None, "Botschafter", None, "PA", "guest"),
        "Carlos Quispe": (None, "Botschafter", None, "PE", "guest"),
    }


def test_extract_de_an_ordinal_day_does_not_end_the_sentence():
    spans = sentences("Am Montag, dem 16. September hat die Ministerin den Gast empfangen. Danach reiste sie ab.")
    assert [s.text for s in spans][0] == "Am Montag, dem 16. September hat die Ministerin den Gast empfangen."


def test_extract_de_a_short_text_under_a_month_word_of_two_packs_goes_to_the_one_whose_verb_it_uses():
    raw = "Baku, 16. Mai, AZERTAC\n\nMinister Kamran Aliyev empfing Herrn Thomas Keller."
    assert dispatch(RawDoc("p.txt", raw, "0" * 64)).language == "de"


def test_extract_de_the_language_is_read_from_prose_not_from_a_run_of_icon_words():
    icons = " ".join(f"icon {w}" for w in "arrow bookmark camera check close download edit filter flag mail "
                     "share search tag trash play pause mute sign up sign in".split())
    raw = (icons + "\n\nDie Außenministerin traf am Montag ihren Amtskollegen aus Norwegen. Beide sprachen "
           "lange über die Lage im Norden und über neue Projekte bei der Energie.")
    assert dispatch(RawDoc("p.txt", raw, "0" * 64)).language == "de"


def test_extract_de_a_written_date_with_an_ordinal_day_is_the_publication_date():
    d = dispatch(RawDoc("t.txt", "16. Mai 2012\n\nBerlin (dpa) - Die Ministerin sprach über den Haushalt.", "0" * 64))
    assert d.published_date == dt.date(2012, 5, 16)
    assert d.language == "de"


@pytest.mark.parametrize(
    "title, position, country",
    [
        ("des Vizepräsidenten der Türkischen Republik", "Vizepräsident", "TR"),
        ("dem russischen Außenminister", "Außenminister", "RU"),
        ("der stellvertretenden Ministerin für Bildung", "stellvertretende Ministerin für Bildung", None),
        ("des Vorsitzenden", "Vorsitzender", None),
        ("Chinas Staats- und Parteichef", "Staats- und Parteichef", "CN"),
        ("US-Präsident", "Präsident", "US"),
        ("Präsident der beiden Länder", "Präsident", None),
    ],
)
def test_extract_de_positions_come_back_to_the_nominative(title, position, country):
    d = describe(title, pack("de"))
    assert (d.position, d.country) == (position, country)


@pytest.mark.parametrize(
    "title, position, organization",
    [
        ("den kaufmännischen Leiter des Unternehmens \"Tekstil\"", "kaufmännischer Leiter", "Tekstil"),
        ("SPD-Vorsitzender", "Vorsitzender", "SPD"),
    ],
)
def test_extract_de_an_organisation_in_quotes_or_joined_to_the_title(title, position, organization):
    d = describe(title, pack("de"))
    assert (d.position, d.organization) == (position, organization)


def test_extract_de_listed_organisations_in_german_after_an_article():
    m = extract(
        "Die Präsidentin des Milli Medschlis, Leyla Mammadova, traf am Dienstag in Baku den "
        "Generalsekretär der Vereinten Nationen, Carlos Mendes."
    )[0]
    assert people(m) == {
        "Leyla Mammadova": (None, "Präsidentin", "Milli Medjlis", "AZ", "participant"),
        "Carlos Mendes": (None, "Generalsekretär", "UN", None, "participant"),
    }


def test_extract_de_das_staatsoberhaupt_ist_der_zuvor_genannte_bundespraesident():
    # `das Staatsoberhaupt` (neuter article) after the subject-first verb: the federal president named before
    found = extract(" date 2024-10 Wien, 8. Oktober (APA) - Bundespräsident Karl Steiner empfing am Dienstag "
                    "Interimskanzler Peter Huber. Bereits am Montag hatte das Staatsoberhaupt mit Finanzminister "
                    "Martin Gruber über das Budget gesprochen.")
    assert [set(people(m)) for m in found] == [{"Karl Steiner", "Peter Huber"}, {"Karl Steiner", "Martin Gruber"}]


def test_extract_de_haetten_telefoniert():
    # reported speech: `X und Y hätten telefoniert`
    (m,) = extract(" date 2016-03 Moskau, 2. März (dpa) - Die Außenminister Sergej Lawrow und John Kerry hätten am "
                   "Mittwoch telefoniert, teilte das russische Außenministerium mit.")
    assert set(people(m)) == {"Sergej Lawrow", "John Kerry"}
