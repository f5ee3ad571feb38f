from __future__ import annotations

import pytest

from transforms.orgs import registry
from transforms.text import fold


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("ICESCO", "ICESCO"),
        ("ISESCO", "ICESCO"),
        ("IICESCO", "ICESCO"),
        ("Organisation du Monde Islamique pour l’Éducation, les Sciences et la Culture (ICESCO)", "ICESCO"),
        ("l’Organisation mondiale de la Santé", "WHO"),
        ("OMS", "WHO"),
        ("Programme des Nations unies pour le développement (PNUD)", "UNDP"),
        ("Milli Majlis", "Milli Medjlis"),
        ("Banque africaine de développement", "AfDB"),
    ],
)
def test_orgs_resolve_aliases(written, canonical):
    assert registry().resolve(written).name == canonical


def test_orgs_unknown_keeps_the_written_name():
    org = registry().resolve("l’Université de Strasbourg")
    assert (org.name, org.known) == ("Université de Strasbourg", False)
    assert registry().resolve("Agence spatiale (XYZA)").name == "XYZA"


def test_orgs_similar_acronyms_stay_apart():
    assert registry().resolve("UNEP").name == "UNEP"
    assert registry().resolve("UNDP").name == "UNDP"
    assert registry().resolve("OCI").name == "OIC"


def test_orgs_registry_forms_are_unambiguous():
    owner: dict[str, str] = {}
    for org in registry().orgs:
        for form in (org.name, org.full_name_en, org.full_name_fr, *org.aliases):
            if form:
                key = fold(form)
                assert owner.setdefault(key, org.name) == org.name, f"{form!r} names two organisations"
    ids = [o.organization_id for o in registry().orgs]
    assert len(ids) == len(set(ids))
