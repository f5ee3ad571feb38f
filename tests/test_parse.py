from __future__ import annotations

import datetime as dt

import pytest

from transforms.ingest import RawDoc
from transforms.parse import dateline, dispatch, published_date


def _doc(text: str, **kw) -> RawDoc:
    return RawDoc("x.txt", text, "0" * 64, **kw)


@pytest.mark.parametrize(
    "line, city, day, month, agency",
    [
        ("Bakou, 23 février, AZERTAC", "Bakou", 23, 2, "AZERTAC"),
        ("Baku, February 23, AZERTAC", "Baku", 23, 2, "AZERTAC"),
        ("Baku. 14 June. REPORT.AZ/", "Baku", 14, 6, "REPORT.AZ"),
        ("Tachkent, 1er mars, AZERTAC", "Tachkent", 1, 3, "AZERTAC"),
        ("Nakhtchivan, 30 juin, AZERTAC", "Nakhtchivan", 30, 6, "AZERTAC"),
    ],
)
def test_parse_dateline(line, city, day, month, agency):
    d = dateline(line)
    assert (d.city, d.day, d.month, d.agency) == (city, day, month, agency)


@pytest.mark.parametrize("line", ["Le ministre a reçu hier son homologue.", "Photo : les deux ministres", "2023, 12 mars"])
def test_parse_dateline_rejects_prose(line):
    assert dateline(line) is None


@pytest.mark.parametrize(
    "line, parsed",
    [
        # Russian-language agencies: capitals, between slashes, bracketed
        ("ТАШКЕНТ, 3 июня. /ТАСС/. Министр провёл переговоры с коллегой.",
         ("ТАШКЕНТ", 3, 6, None, "ТАСС", "Министр провёл переговоры с коллегой.")),
        ("Ош, 11 мая (Кабар) - Губернатор принял посла.", ("Ош", 11, 5, None, "Кабар", "Губернатор принял посла.")),
        ("Гянджа, 2 апреля, АЗЕРТАДЖ", ("Гянджа", 2, 4, None, "АЗЕРТАДЖ", "")),
        # a date all in figures, day first, two or four digits of year
        ("Нарын, 05.09.23. /Кабар/. Аким встретился с делегацией.",
         ("Нарын", 5, 9, 2023, "Кабар", "Аким встретился с делегацией.")),
        ("Graz, 21.10.2024 – Die Landeshauptfrau empfing den Botschafter.",
         ("Graz", 21, 10, 2024, None, "Die Landeshauptfrau empfing den Botschafter.")),
        ("KHUJAND, 14.02.2025 /NIAT «Khovar»/. The mayor received a delegation.",
         ("KHUJAND", 14, 2, 2025, "NIAT «Khovar»", "The mayor received a delegation.")),
        # a title word after the date is the text's first word, not an agency
        ("Гянджа, 2 апреля, Губернатор области Тимур Рахимов принял посла Казахстана в своём кабинете.",
         ("Гянджа", 2, 4, None, None, "Губернатор области Тимур Рахимов принял посла Казахстана в своём кабинете.")),
    ],
)
def test_parse_dateline_other_scripts_and_figures(line, parsed):
    d = dateline(line)
    assert (d.city, d.day, d.month, d.year, d.agency, d.rest) == parsed


def test_parse_dateline_figures_must_make_a_month():
    assert dateline("Нарын, 05.19.23. /Кабар/. Аким встретился с делегацией.") is None


@pytest.mark.parametrize(
    "header, day, month, expected",
    [
        ((2023, 2, None), 23, 2, dt.date(2023, 2, 23)),
        ((2023, 1, None), 30, 12, dt.date(2022, 12, 30)),  # December dispatch in January's crawl
        ((2022, 12, None), 2, 1, dt.date(2023, 1, 2)),  # and the reverse
        ((2024, 3, None), 29, 2, dt.date(2024, 2, 29)),
    ],
)
def test_parse_published_date_year_boundaries(header, day, month, expected):
    line = dateline(f"Bakou, {day} {['', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'][month]}, AZERTAC")
    assert published_date(header, line) == expected


def test_parse_header_title_dateline_body():
    d = dispatch(_doc(" date 2022-10 L’UNESCO et l’Azerbaïdjan examinent un projet\n\nBakou, 14 octobre, AZERTAC\n\nJeudi, la directrice a reçu l’ambassadrice.\n\nSecond paragraphe."))
    assert d.title == "L’UNESCO et l’Azerbaïdjan examinent un projet"
    assert d.dateline_city == "Bakou" and d.agency == "AZERTAC"
    assert d.published_date == dt.date(2022, 10, 14)
    assert d.text == "Jeudi, la directrice a reçu l’ambassadrice.\n\nSecond paragraphe."
    assert d.language == "fr"


def test_parse_inline_dateline_with_dash():
    d = dispatch(_doc("Bakou, 23 février, AZERTAC — Dr Salim M. AlMalik a reçu Dr Maryam Bigdeli.", date="2023-02-24"))
    assert d.text.startswith("Dr Salim M. AlMalik")
    assert d.published_date == dt.date(2023, 2, 23)


def test_parse_plain_text_without_header():
    d = dispatch(_doc("The minister received the ambassador in Baku yesterday to discuss trade."))
    assert d.title is None and d.dateline_city is None and d.published_date is None
    assert d.language == "en"


def test_parse_full_header_date_without_dateline():
    d = dispatch(_doc(" date 2018-05-18 The minister received the ambassador of France."))
    assert d.published_date == dt.date(2018, 5, 18)


def test_parse_impossible_dateline_date_is_salvaged():
    d = dispatch(_doc(" date 2023-02 Bakou, 31 février, AZERTAC\n\nLe ministre a reçu l’ambassadeur."))
    assert d is not None and d.published_date is None
    assert "impossible" in d.dateline_note


def test_parse_same_text_same_id():
    a = dispatch(_doc(" date 2023-02 Bakou, 23 février, AZERTAC\n\nLe ministre a reçu l’ambassadeur."))
    b = dispatch(_doc(" date 2023-02 Bakou, 23 février, AZERTAC\r\n\r\nLe ministre  a reçu l’ambassadeur.  "))
    assert a.dispatch_id == b.dispatch_id


def test_parse_no_body_gives_none():
    assert dispatch(_doc(" date 2023-02 Bakou, 23 février, AZERTAC")) is None


@pytest.mark.parametrize("raw, published, city, agency, body_start", [
    ("Ministers speak by phone\n\n07/01/2022 - 14:05\n\nMOSCOW (Sputnik - 07th January, 2022) The Uzbek "
     "foreign minister spoke by phone with his Turkish colleague about transit.",
     dt.date(2022, 1, 7), "MOSCOW", None, "The Uzbek foreign minister"),
    ("ALGIERS – Thursday, 25 August 2022 (APS) – The Prime Minister opened a new port terminal in Oran.",
     dt.date(2022, 8, 25), "ALGIERS", "APS", "The Prime Minister"),
    ("New park opens\n\n25 July, 2018, 19:04\n\nNUR-SULTAN. KAZINFORM – A new park opened in the capital on "
     "Wednesday.", dt.date(2018, 7, 25), "NUR-SULTAN", "KAZINFORM", "A new park"),
    # A page whose only date is the crawl header's month keeps no day.
    (" date 2021-09 Xi et Macron au téléphone\n\nLe président chinois Xi Jinping s’est entretenu avec Emmanuel Macron.",
     None, None, None, "Xi et Macron au téléphone\n\nLe président chinois"),
])
def test_parse_page_stamps_and_capital_datelines(raw, published, city, agency, body_start):
    d = dispatch(RawDoc("p.txt", raw, "0" * 64))
    assert (d.published_date, d.dateline_city, d.agency) == (published, city, agency)
    assert body_start in d.text and (city is None or city not in d.text)


def test_parse_language_is_read_from_prose_not_from_a_page_menu_in_another_script():
    raw = ("Реклама\n  1. Главная\n  2. Политика\n\nA new ambassador arrives 09 апреля 2015, 13:59\n\n"
           "The newly appointed Ambassador of Canada to Kazakhstan, Jane Smith, handed her credentials to the "
           "President at a ceremony held in the capital on Thursday afternoon, the press office said.")
    assert dispatch(RawDoc("p.txt", raw, "0" * 64)).language == "en"


@pytest.mark.parametrize("raw, code", [
    # German prose under a dateline whose month word French writes too: German, not French.
    (" date 2024-05 Baku, 16. Mai, AZERTAC\n\nDer Außenminister hat am Donnerstag den Botschafter der Schweiz, "
     "Herrn Thomas Keller, empfangen. Beide sprachen über die Zusammenarbeit bei Energie und Bildung.", "de"),
    ("Baku, 16. Mai, AZERTAC\n\nAußenminister Jeyhun Bayramov empfing Herrn Thomas Keller.", "de"),
    # Italian and Russian have no pack: they keep their language.
    (" date 2024-05 Roma, 16 maggio, ANSA\n\nIl ministro degli Esteri ha ricevuto l'ambasciatore "
     "per parlare della cooperazione energetica tra i due paesi.", "it"),
    ("Москва, 16 мая (ТАСС) - Министр иностранных дел встретился с послом.", "ru"),
    # Short English texts of names and a verb read as Uzbek or Turkish: the dateline's
    # English month word tells.
    ("Tashkent, 16 May (UzA) -- Abdulaziz Kamilov met Sardor Umurzakov.", "en"),
    ("Baku, May 16, AZERTAC\n\nIlham Aliyev received Sardor Umurzakov.", "en"),
    ("Bakou, 16 mai, AZERTAC\n\nJeyhoun Baïramov a reçu Sardor Oumourzakov.", "fr"),
])
def test_parse_language_is_the_text_s_not_a_pack_s(raw, code):
    assert dispatch(RawDoc("p.txt", raw, "0" * 64)).language == code


def test_parse_a_language_without_a_pack_is_never_read_by_another_pack():
    from transforms.extract import meetings

    # (Italian: German, which this test read before, has a pack now)
    d = dispatch(RawDoc("p.txt", "Roma, 16 maggio, ANSA\n\nIl ministro Marco Rossi ha ricevuto l'ambasciatore "
                                 "Thomas Keller, ha comunicato il ministero.", "0" * 64))
    assert d.language == "it" and meetings(d) == []


@pytest.mark.parametrize("raw, published, city, agency, body_start", [
    # a page's head (site name and description, headline, `Subscribe`) above the dateline
    ("- Example Wire\nWorld\nNews from everywhere, every hour.\n\nTwo ministers meet in Rome\n\nSubscribe\n"
     "ROME, March 4 (Example Wire) - Italy's foreign minister met his Maltese counterpart on Monday.\n\n"
     "They discussed migration.", None, "ROME", "Example Wire", "Italy's foreign minister"),
    # the year from the page's own time stamp; a double dash after the bracketed agency
    ("Ministers meet\n\nSource: Xinhua\n\nEditor: someone\n\n2022-12-12 19:15:00\n\n"
     "BEIJING, Dec. 12 (Xinhua) -- The vice minister held talks with a visiting envoy.",
     dt.date(2022, 12, 12), "BEIJING", "Xinhua", "The vice minister"),
    # `le` before the day, a dash, no agency
    ("Un ministre reçu à Dakar\n\nDakar, le 29 novembre 2021 - Le ministre chinois a été reçu par le président, "
     "qui l’a accueilli au palais avec les honneurs dus à son rang et à sa mission.",
     dt.date(2021, 11, 29), "Dakar", None, "Le ministre chinois"),
])
def test_parse_a_dateline_below_a_page_head(raw, published, city, agency, body_start):
    d = dispatch(RawDoc("x.txt", raw, "0" * 64))
    assert (d.published_date, d.dateline_city, d.agency) == (published, city, agency)
    assert d.text.startswith(body_start)


@pytest.mark.parametrize("line, parsed", [
    ("Addis Ababa June 1/2021 (ENA) The president received ten ambassadors.", ("Addis Ababa", 1, 6, 2021, "ENA")),
    ("Le Président Mai 2 a dit", None),  # no comma, no agency, no year: prose, not a dateline
])
def test_parse_a_dateline_with_no_comma_needs_its_agency_or_year(line, parsed):
    d = dateline(line)
    assert (d and (d.city, d.day, d.month, d.year, d.agency)) == parsed



@pytest.mark.parametrize(
    "raw, city, agency",
    [
        ("Graz (APA) – Die Landeshauptfrau hat am Montag den Botschafter empfangen.", "Graz", "APA"),
        # a person's name with a bracket is no dateline: only a known city with a known agency
        ("Karl (ÖVP) – Der Abgeordnete sprach lange.", None, None),
        ("Salzburg (Kanzleramt) – Die Landeshauptfrau hat am Montag den Botschafter empfangen.", None, None),
    ],
)
def test_parse_a_city_in_small_letters_with_its_agency_opens_the_body(raw, city, agency):
    d = dispatch(_doc(raw))
    assert (d.dateline_city, d.agency) == (city, agency)
    assert d.text.startswith("Die") == (city is not None)
