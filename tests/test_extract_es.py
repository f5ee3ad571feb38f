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
    ],
    ids=["letter", "future"],
)
def test_extract_es_negatives(text):
    assert extract(text) == []
