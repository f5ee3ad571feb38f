"""Names an analyst types, to what the warehouse holds: the one lookup behind every filter
and helper (`Tables`, `answers`, the report), so one name gives one answer everywhere.

- Persons: by id, full name or alias, by the spelling skeleton the pipeline itself uses to
  tell spelling variants apart (`Jeyhun Bayramov` = `Jeyhoun Baïramov`, `Ilham Aliev` =
  `Ilham Aliyev`), or by words of the name (`AlMalik`, `Aliev`); accents and case ignored.
- Organisations: by id, short, full or alias name, accents, case and spelling variants
  ignored; never by a fragment (`ministère` is not `ministère des Affaires étrangères`).
- Countries: by ISO code (alpha-2 or alpha-3) or by English or French name.
- Languages: by ISO 639 code or English name (`French`).
- Closed vocabularies (kinds, roles, periods, levels): by value, or an error listing them.

Nothing matching is an error naming the closest display names, never an empty answer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pycountry
from rapidfuzz import process

from transforms.identity import name_parts, person_key, skeleton
from transforms.text import fold

Names = str | Iterable[str] | None


@dataclass(frozen=True)
class Candidate:
    """Something a name can designate: its id, the name to show, and every form it goes by."""

    id: str
    display: str
    forms: tuple[str, ...]


def listed(names: Names) -> list[str]:
    return [names] if isinstance(names, str) else list(names or [])


def persons(names: Names, candidates: Iterable[Candidate]) -> dict[str, str]:
    """The persons the names designate, id -> display name (in the order found)."""
    return _matching("person", names, list(candidates), by_words=True)


def organizations(names: Names, candidates: Iterable[Candidate]) -> dict[str, str]:
    """The organisations the names designate, id -> display name; no fragments."""
    return _matching("organization", names, list(candidates), by_words=False)


def _matching(what: str, names: Names, candidates: list[Candidate], by_words: bool) -> dict[str, str]:
    exact: dict[str, set[str]] = {}
    keys: dict[str, set[str]] = {}
    words: dict[str, set[frozenset[str]]] = {}
    display = {c.id: c.display for c in candidates}
    for c in candidates:
        exact.setdefault(fold(c.id), set()).add(c.id)
        for form in {c.display, *c.forms}:
            if not form:
                continue
            exact.setdefault(fold(form), set()).add(c.id)
            keys.setdefault(_key(form, by_words), set()).add(c.id)
            if by_words:
                words.setdefault(c.id, set()).add(frozenset(_words(form)))
    found: dict[str, str] = {}
    for name in listed(names):
        ids = exact.get(fold(name)) or keys.get(_key(name, by_words))
        if not ids and by_words:
            wanted = set(_words(name))
            ids = {i for i, forms in words.items() if wanted and any(wanted <= f for f in forms)}
        if not ids:
            raise LookupError(f"no {what} matches {name!r} in the warehouse{_closest(name, candidates)}")
        for i in sorted(ids, key=lambda i: (display[i], i)):
            found.setdefault(i, display[i])
    return found


def _key(text: str, person: bool) -> str:
    """A spelling-variant key: a person's given name and surname skeletons; an organisation's
    whole-name skeleton."""
    return (person_key(text) if person else skeleton(text)) or fold(text)


def _words(text: str) -> list[str]:
    """The skeletons of a name's words (`Salim M. AlMalik` -> salim, m, almalik)."""
    given, middle, surname = name_parts(re.sub(r"[.,]", " ", text))
    return [w for w in (given, *middle, surname) if w]


def _closest(name: str, candidates: list[Candidate], limit: int = 3) -> str:
    """`; closest: A, B` with display names (each once), or nothing."""
    owner: dict[str, str] = {}
    for c in candidates:
        for form in {c.display, *c.forms}:
            if form:
                owner.setdefault(fold(form), c.display)
    shown: list[str] = []
    for form, _, _ in process.extract(fold(name), list(owner), limit=limit * 4, score_cutoff=60):
        if owner[form] not in shown:
            shown.append(owner[form])
    return f"; closest: {', '.join(shown[:limit])}" if shown else ""


# ---------------------------------------------------------------------- countries


def countries(names: Names) -> list[str]:
    """ISO alpha-2 codes of the states named: by code (`FR`, `FRA`) or by English or French
    name (`France`, `Allemagne`, `Russia`, `Corée du Sud`), accents and case ignored."""
    codes: list[str] = []
    for name in listed(names):
        code = country_code(name)
        if code is None:
            raise LookupError(f"no country matches {name!r}{_closest_country(name)} "
                              "(use an ISO code such as FR, or an English or French name)")
        if code not in codes:
            codes.append(code)
    return codes


def country_code(name: str) -> str | None:
    text = name.strip()
    if re.fullmatch(r"[A-Za-z]{2}", text):
        found = pycountry.countries.get(alpha_2=text.upper())
        return found.alpha_2 if found else None
    if re.fullmatch(r"[A-Za-z]{3}", text) and (found := pycountry.countries.get(alpha_3=text.upper())):
        return found.alpha_2
    from transforms import geo
    from transforms.lang import pack

    for language in ("en", "fr"):
        code = geo.country_code(text, language, pack(language).countries)
        if code:
            return code
    return None


@functools.cache
def _country_names() -> dict[str, str]:
    """Folded English and French country names -> alpha-2: the forms suggestions come from."""
    import gettext

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for form in (country.name, getattr(country, "common_name", None)):
            if form:
                index.setdefault(fold(form), country.alpha_2)
                index.setdefault(fold(french.gettext(form)), country.alpha_2)
    return index


def _closest_country(name: str) -> str:
    names = _country_names()
    shown: list[str] = []
    for form, _, _ in process.extract(fold(name), list(names), limit=8, score_cutoff=70):
        label = country_label(names[form])
        if label not in shown:
            shown.append(label)
    return f"; closest: {', '.join(shown[:3])}" if shown else ""


@functools.lru_cache(maxsize=512)
def country_label(code: str) -> str:
    """An ISO code's common English name (`AZ` -> `Azerbaijan`), the code when unknown."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


# ---------------------------------------------------------------------- languages


def languages(names: Names) -> list[str]:
    """ISO 639-1 codes of the languages named: by code (`fr`, `fra`) or English name
    (`French`); anything else is a ValueError."""
    codes: list[str] = []
    for name in listed(names):
        text = name.strip()
        try:
            # `lookup` misses some two-letter codes (`en`): ask for those by code.
            found = (pycountry.languages.get(alpha_2=text.lower()) if len(text) == 2
                     else pycountry.languages.lookup(text))
        except LookupError:
            found = None
        code = getattr(found, "alpha_2", None)
        if code is None:
            raise ValueError(f"no language {name!r}: use an ISO 639-1 code such as fr or en, or an English name")
        if code not in codes:
            codes.append(code)
    return codes


# ---------------------------------------------------------------------- closed vocabularies


def choice(what: str, value: str, valid: Iterable[str]) -> str:
    """`value` as one of `valid` (case, spaces, dashes and underscores aside: `Phone call`,
    `phonecall` -> `phone_call`), else a ValueError listing the valid ones."""
    valid = list(valid)
    if not isinstance(value, str):
        raise ValueError(f"{what} must be one of {', '.join(valid)}, not {value!r}")
    squashed = {re.sub(r"[\s_\-]", "", v.casefold()): v for v in valid}
    found = squashed.get(re.sub(r"[\s_\-]", "", value.casefold()))
    if found is None:
        raise ValueError(f"{what} must be one of {', '.join(valid)}, not {value!r}")
    return found


def choices(what: str, values: Names, valid: Iterable[str]) -> list[str]:
    valid = list(valid)
    return [choice(what, v, valid) for v in listed(values)]
