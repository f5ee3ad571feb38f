"""Russian extraction: constructions of the Russian pack (transforms/lang/ru.yaml), in our
own words with invented names. Names, titles and places inflect; the rows hold them in the
nominative."""

from __future__ import annotations

import pytest

from extraction import check_first_meeting, extract, people

CASES = [
    pytest.param(
        "Президент Словении Игорь Самарин во вторник встретился с министром иностранных дел "
        "Турции Кемалем Озтюрком.",
        dict(kind="meeting"),
        {
            "Игорь Самарин": (None, "Президент", None, "SI", "participant"),
            "Кемаль Озтюрк": (None, "министр иностранных дел", None, "TR", "participant"),
        },
        id="instrumental-object-and-genitive-state",
    ),
    pytest.param(
        "Президент России Павел Смирнов принял в Кремле губернатора Тверской области Олега Воронова.",
        dict(kind="meeting"),
        {
            "Павел Смирнов": (None, "Президент", None, "RU", "host"),
            "Олег Воронов": (None, "губернатор Тверской области", None, None, "guest"),
        },
        id="directed-reception-accusative",
    ),
    pytest.param(
        "Состоялся телефонный разговор министра иностранных дел России Николая Белова с министром "
        "иностранных дел Венгрии Ласло Ковачем.",
        dict(kind="phone_call"),
        {
            "Николай Белов": (None, "министр иностранных дел", None, "RU", "participant"),
            "Ласло Ковач": (None, "министр иностранных дел", None, "HU", "participant"),
        },
        id="call-noun-with-genitive-and-instrumental-parties",
    ),
    pytest.param(
        "Президент России Павел Смирнов проводит встречу с американским лидером Джоном Уолшем.",
        dict(kind="meeting"),
        {
            "Павел Смирнов": (None, "Президент", None, "RU", "participant"),
            "Джон Уолш": (None, "лидер", None, "US", "participant"),
        },
        id="headline-present-and-adjective-before-title",
    ),
]


@pytest.mark.parametrize("text, meeting, expected", CASES)
def test_extract_ru_constructions(text, meeting, expected):
    check_first_meeting(text, meeting, expected)


def test_extract_ru_meeting_in_the_kremlin_puts_the_russian_side_at_home():
    m = extract("Президент России Павел Смирнов встретился в Кремле с президентом Ливии Али Хамданом.")[0]
    roles = {name: row[4] for name, row in people(m).items()}
    assert roles == {"Павел Смирнов": "host", "Али Хамдан": "guest"}


def test_extract_ru_surname_alone_in_another_case_is_the_same_person():
    found = extract(
        "Президент России Павел Смирнов провел переговоры с премьер-министром Греции Никосом Папасом. "
        "Смирнова и Папаса интересовали вопросы торговли."
    )
    assert len(found) == 1
    assert set(people(found[0])) == {"Павел Смирнов", "Никос Папас"}


MORE = [
    pytest.param(
        "Глава МИД Малави Питер Мвале и министр иностранных дел России Олег Воронов подписали "
        "соглашение о культурном обмене.",
        dict(kind="ceremony"),
        {
            "Питер Мвале": (None, "Глава МИД", None, "MW", "participant"),
            "Олег Воронов": (None, "министр иностранных дел", None, "RU", "participant"),
        },
        id="plural-subject-signing-acronym-before-a-state",
    ),
    pytest.param(
        "Во вторник состоялись переговоры президента России Павла Смирнова и премьер-министра Греции "
        "Никоса Папаса.",
        dict(kind="meeting"),
        {
            "Павел Смирнов": (None, "президент", None, "RU", "participant"),
            "Никос Папас": (None, "премьер-министр", None, "GR", "participant"),
        },
        id="meeting-noun-took-place-genitive-parties",
    ),
    pytest.param(
        "Председатель Милли Меджлиса Лейла Мамедова во вторник встретилась с генеральным секретарём "
        "ООН Карлосом Мендесом.",
        dict(kind="meeting"),
        {
            "Лейла Мамедова": (None, "Председатель", "Milli Medjlis", "AZ", "participant"),
            "Карлос Мендес": (None, "генеральный секретарь", "UN", None, "participant"),
        },
        id="organisations-in-the-genitive-and-a-cyrillic-acronym",
    ),
    pytest.param(
        "Премьер-министр Греции Никос Папас провёл переговоры с председателем Европейской комиссии "
        "Анной Дюпон.",
        dict(kind="meeting"),
        {
            "Никос Папас": (None, "Премьер-министр", None, "GR", "participant"),
            "Анна Дюпон": (None, "председатель", "European Commission", None, "participant"),
        },
        id="organisation-name-inflected-after-the-title",
    ),
]


@pytest.mark.parametrize("text, meeting, expected", MORE)
def test_extract_ru_more_constructions(text, meeting, expected):
    check_first_meeting(text, meeting, expected)


def test_extract_ru_a_listed_official_written_in_cyrillic_has_their_state():
    m = extract("Владимир Путин провел телефонный разговор с президентом Финляндии Микко Ниеми.")[0]
    assert m["kind"] == "phone_call"
    assert people(m)["Владимир Путин"][3] == "RU"


def test_extract_ru_a_call_not_ruled_out_is_no_call():
    assert extract("Пресс-секретарь Игорь Котов не исключил телефонный разговор Павла Смирнова и "
                   "Никоса Папаса.") == []


def test_extract_ru_a_title_with_a_nationality_points_to_the_official_of_that_state():
    found = extract(
        "Министр иностранных дел России Олег Воронов встретился с министром иностранных дел Венгрии "
        "Ласло Ковачем. Ковач и Воронов обсудили торговлю. "
        "Позднее российский министр провел переговоры с главой МИД Чили Хуаном Пересом."
    )
    last = people(found[-1])
    assert set(last) == {"Олег Воронов", "Хуан Перес"}


LATER = [
    pytest.param(
        "Меморандум подписали генеральный секретарь ШОС Игорь Котов и министр экономики Греции Никос Папас.",
        dict(kind="ceremony"),
        {
            "Игорь Котов": (None, "генеральный секретарь", "SCO", None, "participant"),
            "Никос Папас": (None, "министр экономики", None, "GR", "participant"),
        },
        id="signatories-after-the-verb-and-an-acronym-after-a-title",
    ),
    pytest.param(
        "На встрече с министром иностранных дел Чили Хуаном Пересом глава МИД России Олег Воронов "
        "обсудил торговлю.",
        dict(kind="meeting"),
        {
            "Хуан Перес": (None, "министр иностранных дел", None, "CL", "participant"),
            "Олег Воронов": (None, "глава МИД", None, "RU", "participant"),
        },
        id="at-the-meeting-with-locative-noun",
    ),
    pytest.param(
        "Президент Ливии Али Хамдан принял делегацию во главе с министром экономики Египта Ахмедом Кемалем.",
        dict(kind="meeting"),
        {
            "Али Хамдан": (None, "Президент", None, "LY", "host"),
            "Ахмед Кемаль": (None, "министр экономики", None, "EG", "guest"),
        },
        id="delegation-led-by",
    ),
    pytest.param(
        "Министр обороны России Олег Воронов провел телефонный разговор со своим греческим коллегой "
        "Никосом Папасом.",
        dict(kind="phone_call"),
        {
            "Олег Воронов": (None, "Министр обороны", None, "RU", "participant"),
            "Никос Папас": (None, "Министр обороны", None, "GR", "participant"),
        },
        id="counterpart-with-a-nationality",
    ),
    pytest.param(
        "Олег Воронов и Никос Папас пообщались на полях форума в Афинах. Воронов — министр иностранных "
        "дел России, Папас — министр иностранных дел Греции.",
        dict(kind="meeting"),
        {
            "Олег Воронов": (None, None, None, None, "participant"),
            "Никос Папас": (None, None, None, None, "participant"),
        },
        id="plural-talked-bare-names",
    ),
]


@pytest.mark.parametrize("text, meeting, expected", LATER)
def test_extract_ru_later_constructions(text, meeting, expected):
    check_first_meeting(text, meeting, expected)


def test_extract_ru_a_visit_under_way_makes_the_visitor_the_guest():
    m = extract(
        "Президент Греции Никос Папас продолжает свой визит в Рим, где он провел переговоры с "
        "президентом Италии Марко Бьянки."
    )[0]
    roles = {name: row[4] for name, row in people(m).items()}
    assert roles == {"Никос Папас": "guest", "Марко Бьянки": "host"}


def test_extract_ru_the_full_name_is_the_nominative_most_mentions_give():
    found = extract(
        "Переговоры российского и украинского лидеров Павла Смирнова и Александра Котенко начались в "
        "Киеве. Александр Котенко приветствовал гостя. Смирнов и Александр Котенко обсудили торговлю."
    )
    # (`Александра Котенко` alone may be a woman's name in the nominative; the later mentions tell)
    assert "Александр Котенко" in people(found[0])


def test_extract_ru_a_name_ends_before_a_capitalised_title_word():
    from transforms.lang import pack
    from transforms.people import mentions

    text = "В ходе беседы с послом Греции Никосом Папасом Глава государства отметил рост торговли."
    assert [m.name for m in mentions(text, 0, len(text), pack("ru"))] == ["Никосом Папасом"]  # (as written)


def test_extract_ru_a_reference_title_without_an_article_names_the_official_named_before():
    m = extract(
        "Президент Греции Никос Папас прибыл в Рим. В ходе беседы с послом России Олегом Вороновым "
        "Глава государства отметил рост торговли."
    )[0]
    assert set(people(m)) == {"Никос Папас", "Олег Воронов"}


def test_extract_ru_a_plural_title_shares_its_states_out_in_order():
    m = extract("Министры иностранных дел Греции и Чили Никос Папас и Хуан Перес провели переговоры в Афинах.")[0]
    assert people(m) == {
        "Никос Папас": (None, "министр иностранных дел", None, "GR", "participant"),
        "Хуан Перес": (None, "министр иностранных дел", None, "CL", "participant"),
    }


def test_extract_ru_a_leader_s_seat_makes_the_leader_host_of_a_governor():
    """`встретился в Кремле с губернатором`: the seat is the president's, who hosts an
    official of his own state there."""
    (m,) = extract("МОСКВА, 3 марта. /ТАСС/. Президент России Иван Сомов в среду встретился в Кремле с "
                   "губернатором Томской области Олегом Лариным.")
    assert {n: r for n, (*_, r) in people(m).items()} == {"Иван Сомов": "host", "Олег Ларин": "guest"}


def test_extract_ru_envoys_styled_excellency_with_states_in_their_official_style():
    """`Е.П. A, посол Латвийской Республики …; Е.П. B, посол Республики Гана`: the honorific
    before each envoy of a credentials list, and states named in their official style (an
    adjective, or the word `Республика` before the name), which are no part of the post."""
    (m,) = extract(
        "Президент Республики Молдова Ион Чебан принял верительные грамоты от трёх послов. "
        "Это Е.П. Янис Озолс, посол Латвийской Республики в Республике Молдова; Е.П. Кофи Аддо, "
        "посол Республики Гана; Е.П. Мария Сантос, посол Республики Перу."
    )
    assert {n: (h, pos, c, r) for n, (h, pos, _, c, r) in people(m).items()} == {
        "Ион Чебан": (None, "Президент", "MD", "host"),
        "Янис Озолс": ("Е.П.", "посол", "LV", "guest"),
        "Кофи Аддо": ("Е.П.", "посол", "GH", "guest"),
        "Мария Сантос": ("Е.П.", "посол", "PE", "guest"),
    }
