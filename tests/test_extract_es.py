"""Spanish extraction: one dispatch of our own per construction the Spanish pack reads
(texts written for these tests with invented names, not taken from any corpus)."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import check_first_meeting, extract, people

CASES = [
    pytest.param(
        " date 2024-03 La Habana, 15 mar (Prensa Latina)\n\n"
        "El canciller cubano, Tomás Urrutia, recibió este jueves al ministro de Relaciones Exteriores "
        "de Chile, Ramiro Quintana, quien realiza una visita oficial a la isla.",
        dict(kind="meeting", meeting_date=dt.date(2024, 3, 14), date_basis="weekday"),
        {
            "Tomás Urrutia": (None, "canciller", None, "CU", "host"),
            "Ramiro Quintana": (None, "ministro de Relaciones Exteriores", None, "CL", "guest"),
        },
        id="recibio-weekday-demonym",
    ),
    pytest.param(
        " date 2024-05 Lima, 9 may (Andina)\n\n"
        "El viceministro peruano de Comercio, Óscar Villanueva, fue recibido ayer por el primer "
        "ministro de Vietnam, Tran Van Hoa, en Hanói.",
        dict(kind="meeting", meeting_date=dt.date(2024, 5, 8), date_basis="relative", city="Hanói",
             country_code="VN"),
        {
            "Tran Van Hoa": (None, "primer ministro", None, "VN", "host"),
            "Óscar Villanueva": (None, "viceministro de Comercio", None, "PE", "guest"),
        },
        id="passive-fue-recibido-por-ayer",
    ),
    pytest.param(
        " date 2024-05 Bogotá, 9 may (EFE)\n\n"
        "La canciller colombiana, Marta Echeverri, sostuvo una conversación telefónica con el "
        "ministro de Asuntos Exteriores de Noruega, Lars Holm.",
        dict(kind="phone_call", city=None),
        {
            "Marta Echeverri": (None, "canciller", None, "CO", "participant"),
            "Lars Holm": (None, "ministro de Asuntos Exteriores", None, "NO", "participant"),
        },
        id="sostuvo-conversacion-telefonica",
    ),
    pytest.param(
        " date 2024-05 Santo Domingo, 9 may (EFE)\n\n"
        "El canciller Ramiro Peña impuso la condecoración de la Orden de Duarte, en el grado de Gran "
        "Oficial, a la embajadora de Chile, Teresa Olmedo, en presencia del viceministro Julio Brito.",
        dict(kind="ceremony"),
        {
            "Ramiro Peña": (None, "canciller", None, "DO", "host"),
            "Teresa Olmedo": (None, "embajadora", None, "CL", "guest"),
            "Julio Brito": (None, "viceministro", None, "DO", "attendee"),
        },
        id="impuso-la-condecoracion-a",
    ),
]


@pytest.mark.parametrize("text, meeting, expected", CASES)
def test_extract_es_phenomena(text, meeting, expected):
    check_first_meeting(text, meeting, expected)


def test_extract_es_explicit_date_with_de_and_a_dropped_subject():
    """`el 13 de marzo de 2024`; `Igualmente, sostuvo …` with no subject written: the one
    named just before (Spanish drops subject pronouns)."""
    found = extract(
        " date 2024-03 Madrid, 15 mar (EFE)\n\n"
        "La ministra de Defensa, Lucía Ferrer, se reunió el 13 de marzo de 2024 con el ministro "
        "de Defensa de Grecia, Nikos Andreou. Igualmente, sostuvo un encuentro con el embajador "
        "de Japón en España, Kenji Watanabe."
    )
    assert len(found) == 2
    assert (found[0]["meeting_date"], found[0]["date_basis"]) == (dt.date(2024, 3, 13), "explicit")
    assert set(people(found[1])) == {"Lucía Ferrer", "Kenji Watanabe"}
    assert found[1]["meeting_date"] == dt.date(2024, 3, 13)


def test_extract_es_plural_noun_of_talks_is_a_meeting_with_each():
    """`sostuvo reuniones de trabajo con A y B`: two meetings, though A and B serve one state;
    `durante su visita a Quito`: the subject is the visitor."""
    found = extract(
        " date 2024-05 Quito, 9 may (EFE)\n\n"
        "Durante su visita a Quito, el ministro de Turismo de Panamá, Rogelio Castañeda, sostuvo "
        "reuniones de trabajo con la ministra de Cultura, Elena Vásquez, y con el ministro de "
        "Finanzas, Martín Salgado."
    )
    assert [set(people(m)) for m in found] == [
        {"Rogelio Castañeda", "Elena Vásquez"}, {"Rogelio Castañeda", "Martín Salgado"}]
    assert people(found[0])["Rogelio Castañeda"][4] == "guest"
    assert people(found[0])["Elena Vásquez"][4] == "host"


@pytest.mark.parametrize(
    "text",
    [
        " date 2024-05 Lima, 9 may (Andina)\n\nEl presidente del Consejo de Ministros, Raúl Ibarra, "
        "recibió una carta del director general de la FAO, Tomás Lindqvist.",
        " date 2024-05 Lima, 9 may (Andina)\n\nEl canciller Julio Mendoza se reunirá el próximo lunes "
        "con su homólogo de Bolivia, Gonzalo Arana.",
        " date 2024-05 Lima, 9 may (Andina)\n\nLa ministra de Cultura, Ana Quispe, recibió un "
        "reconocimiento del embajador de Francia, Paul Girard, por su labor.",
        " date 2024-05 Lima, 9 may (Andina)\n\nEl canciller Julio Mendoza se reuniría la próxima semana "
        "con el ministro de Exteriores de Bolivia, Gonzalo Arana.",
    ],
    ids=["letter", "future", "award", "conditional"],
)
def test_extract_es_negatives(text):
    assert extract(text) == []


def test_extract_es_dateline_with_de_gives_the_day_and_the_home_state():
    """`Asunción, 12 de junio de 2023`: the dispatch's day and city; `hoy` is that day and
    the minister with no state said serves the dateline's."""
    from transforms.ingest import RawDoc
    from transforms.parse import dispatch

    d = dispatch(RawDoc("t.txt", "Asunción, 12 de junio de 2023\n\nEl ministro de Industria, Hugo Benítez, "
                        "se reunió hoy con el embajador de Corea del Sur, Park Min-jun.", "0" * 64))
    assert (d.language, d.published_date, d.dateline_city) == ("es", dt.date(2023, 6, 12), "Asunción")
    (m,) = extract(" date 2023-06 " + d.text.join(["Asunción, 12 de junio de 2023\n\n", ""]))
    assert (m["meeting_date"], m["date_basis"]) == (dt.date(2023, 6, 12), "publication")
    assert people(m)["Hugo Benítez"][3] == "PY"


def test_extract_es_santo_domingo_is_no_sunday():
    """A weekday word inside a city's name (`Santo Domingo`) dates nothing."""
    (m,) = extract(" date 2024-05 Madrid, 9 may (EFE)\n\nLa vicepresidenta dominicana, Ana Rosario, "
                   "se reunió en Santo Domingo con el ministro de Comercio de Italia, Paolo Neri.")
    assert (m["meeting_date"], m["date_basis"]) == (None, None)
    assert (m["city"], m["country_code"]) == ("Santo Domingo", "DO")


def test_extract_es_a_state_after_a_title_is_no_name_and_the_two_leaders_retell_the_meeting():
    """`…, vicepresidente ejecutivo de la República Bolivariana de Venezuela,`: the state is
    the title's, not a person (`de Venezuela`); `los dos dirigentes conversaron`, the
    sentence after, tells of the same meeting again."""
    found = extract(
        " date 2024-05 La Habana, 9 may (Prensa Latina)\n\n"
        "El presidente cubano, Tomás Urrutia, recibió este lunes a Ramón Quiroga, vicepresidente "
        "ejecutivo de la República Bolivariana de Venezuela, de visita oficial en la isla. "
        "En el transcurso de la cita, los dos dirigentes conversaron acerca del comercio."
    )
    assert len(found) == 1
    assert people(found[0]) == {
        "Tomás Urrutia": (None, "presidente", None, "CU", "host"),
        "Ramón Quiroga": (None, "vicepresidente ejecutivo", None, "VE", "guest"),
    }


def test_extract_es_a_name_with_and_without_its_second_surname_is_one_person():
    """`Marina Solís` in a caption, `Marina Solís Arteaga` in the body: one person, and the
    two sentences one meeting."""
    found = extract(
        " date 2024-05 Lima, 9 may (Andina)\n\n"
        "La canciller Marina Solís dialogó con el ministro de Relaciones Exteriores de Chile, "
        "Ignacio Valdés Prieto.\n\n"
        "La ministra de Relaciones Exteriores, Marina Solís Arteaga, sostuvo una reunión bilateral "
        "con el ministro de Relaciones Exteriores de Chile, Ignacio Valdés Prieto, en Lima."
    )
    assert len(found) == 1
    assert set(people(found[0])) == {"Marina Solís Arteaga", "Ignacio Valdés Prieto"}


@pytest.mark.parametrize(
    "sentence, roles",
    [
        ("El presidente de Chile, Andrés Contreras, asistió el martes a la cena ofrecida por el rey de "
         "Suecia, Gustavo Adolfo, en Estocolmo.", {"Gustavo Adolfo": "host", "Andrés Contreras": "guest"}),
        ("La vicepresidenta uruguaya, Lucía Aramburu, fue recibida este lunes por el primer ministro "
         "de Portugal, Rui Tavares.", {"Rui Tavares": "host", "Lucía Aramburu": "guest"}),
        ("El ministro de Economía de Ecuador, Pablo Merino, se reunió este lunes con la directora "
         "gerente del FMI, Astrid Lindahl.", {"Pablo Merino": "participant", "Astrid Lindahl": "participant"}),
    ],
    ids=["banquete-ofrecido-por", "fue-recibida-por", "se-reunio-con"],
)
def test_extract_es_verbs_and_their_roles(sentence, roles):
    (m,) = extract(" date 2024-05 Madrid, 9 may (EFE)\n\n" + sentence)
    assert {name: row[4] for name, row in people(m).items()} == roles


def test_extract_es_a_plural_title_shared_out_state_by_state():
    """`Los embajadores de Irán, A, y de Venezuela, B`: each holds the singular title and
    serves the state named before their name."""
    (m,) = extract(" date 2024-05 La Paz, 9 may (EFE)\n\nLos embajadores de Irán, Morteza Rezaí, y de "
                   "Venezuela, Pedro Salas, presentaron este miércoles sus cartas credenciales al presidente "
                   "Luis Quispe.")
    assert people(m) == {
        "Luis Quispe": (None, "presidente", None, "BO", "host"),
        "Morteza Rezaí": (None, "embajador", None, "IR", "guest"),
        "Pedro Salas": (None, "embajador", None, "VE", "guest"),
    }


def test_extract_es_a_date_to_come_is_not_the_meeting_s():
    """`… para preparar la cumbre del próximo 20 de junio`: not the day the talks took place."""
    (m,) = extract(" date 2024-06 Quito, 9 jun (EFE)\n\nLa canciller ecuatoriana, Inés Salazar, se reunió "
                   "con el ministro de Exteriores de Chile, Tomás Riquelme, para preparar la cumbre del "
                   "próximo 20 de junio.")
    assert (m["meeting_date"], m["date_basis"]) == (None, None)


@pytest.mark.parametrize(
    "raw",
    [
        "Lima, 9 may (Andina) -- Ana Quispe se reunió con Paul Girard.",
        "Madrid, 3 de marzo (EFE)\n\nEl ministro de Exteriores, Tomás Gil, recibió hoy a su homólogo "
        "chileno, Pedro Lagos, en el Palacio de Santa Cruz.",
    ],
    ids=["short-may", "de-marzo"],
)
def test_extract_es_dispatches_are_routed_to_the_spanish_pack(raw):
    from transforms.ingest import RawDoc
    from transforms.parse import dispatch

    d = dispatch(RawDoc("t.txt", raw, "0" * 64))
    assert d.language == "es"
    assert d.dateline_city in ("Lima", "Madrid")


def test_extract_es_envoys_named_after_their_states_and_in_brackets():
    """A credentials ceremony whose envoys come later, some as `los embajadores de Japón,
    A; y de Ghana, B` (a state, a comma, the name), some as `A (Perú)`."""
    (m,) = extract(
        " date 2025-02 La Paz, 3 feb (ABI)\n\nEl presidente Mario Quiroga recibió este lunes las cartas "
        "credenciales de cinco embajadores. Abrió la ceremonia el embajador de Perú, Carlos Méndez; "
        "le siguieron los diplomáticos de Austria, Greta Hofer; y de Chile, Pablo Rojas.\n\n"
        "Completaron la lista Kenji Sato (Japón) y Kofi Mensah (Ghana)."
    )
    assert {n: (c, r) for n, (_, _, _, c, r) in people(m).items()} == {
        "Mario Quiroga": ("BO", "host"), "Carlos Méndez": ("PE", "guest"), "Greta Hofer": ("AT", "guest"),
        "Pablo Rojas": ("CL", "guest"), "Kenji Sato": ("JP", "guest"), "Kofi Mensah": ("GH", "guest"),
    }


def test_extract_es_a_call_placed_at_a_capital_s_initiative():
    """`La llamada se hizo por iniciativa de Lima`: a capital standing for its government
    tells who placed the call, in the sentence after it."""
    (m,) = extract(" date 2025-03 Quito, 8 mar (EFE)\n\nLa canciller ecuatoriana, Inés Salazar, y el canciller "
                   "peruano, Tomás Riquelme, mantuvieron una conversación telefónica este sábado. La llamada se "
                   "hizo por iniciativa de Lima.")
    assert {n: r for n, (*_, r) in people(m).items()} == {"Tomás Riquelme": "host", "Inés Salazar": "guest"}


def test_extract_es_listed_organisations_named_in_spanish():
    m = extract(
        "La presidenta del Parlamento de Azerbaiyán, Leyla Mammadova, se reunió el martes en Bakú "
        "con el director general de la Organización Mundial de la Salud, Carlos Mendes."
    )[0]
    assert people(m) == {
        "Leyla Mammadova": (None, "presidenta", "Milli Medjlis", "AZ", "participant"),
        "Carlos Mendes": (None, "director general", "WHO", None, "participant"),
    }
