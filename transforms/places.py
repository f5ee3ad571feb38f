"""Where a meeting took place: the venue phrase and the city, as written, with its country."""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms import geo
from transforms.lang import Pack
from transforms.text import UPPER, fold

_CITY = re.compile(rf"[{UPPER}][\w’'\-]+(?:[ \-](?:[{UPPER}][\w’'\-]+|el|al|de|sur|an|am)){{0,3}}")
_AFTER_COMMA = re.compile(rf", ([{UPPER}][\w’'\-]+(?: [{UPPER}][\w’'\-]+)?)(?![\w’'\-]| [{UPPER}])")
_CITY_IN_VENUE = re.compile(rf"(?:\bde |\bd[’']|\bof |\bin )([{UPPER}][\w’'\-]+(?: [{UPPER}][\w’'\-]+)?)$")


@dataclass(frozen=True)
class Place:
    city: str | None = None
    country_code: str | None = None
    venue: str | None = None


def place(texts: list[tuple[str, list[tuple[int, int]]]], pack: Pack) -> Place:
    """The first venue and city the texts state; `texts` pairs each sentence with the spans
    (relative to it) that belong to people's titles and must not be read as places."""
    city = country = venue = None
    for text, masked in texts:
        if venue is None:
            venue = _venue(text, masked, pack)
        if city is None:
            city, country = _city(text, masked, pack)
        if venue and city:
            break
    if city is None and venue:
        # `au palais royal de Bruxelles`: a large city that ends the venue's name.
        m = _CITY_IN_VENUE.search(venue)
        code = geo.city_country(m.group(1), pack.places, 100_000) if m else None
        if code and fold(m.group(1)) not in pack.not_names:
            city, country = m.group(1), code
    return Place(city, country, venue)


def _inside(pos: int, masked: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in masked)


def _venue(text: str, masked: list[tuple[int, int]], pack: Pack) -> str | None:
    """`au siège de l’ICESCO`, `at UNESCO Headquarters`: a place phrase whose first words
    include a venue noun, up to the city, a date or the end of the clause."""
    for prep in pack.place_preposition.finditer(text):
        if _inside(prep.start(), masked):
            continue
        end = pack.venue_end.search(text, prep.end())
        phrase = text[prep.end(): end.start() if end else len(text)].strip()
        head = pack.venue_head.search(" ".join(phrase.split()[:3]))
        if head and (phrase[:1].isupper() or head.start() == 0):
            return phrase
    return None


def _city(text: str, masked: list[tuple[int, int]], pack: Pack) -> tuple[str | None, str | None]:
    for prep in pack.place_preposition.finditer(text):
        if _inside(prep.start(), masked):
            continue
        lead = pack.place_lead.match(text, prep.end())  # `in the Austrian capital of Vienna`
        m = _CITY.match(text, lead.end() if lead else prep.end())
        if not m:
            # `at the presidential villa, Abuja`: a venue in lower case, then the (large)
            # city after a comma.
            found = _city_after_venue(text, prep.end(), masked, pack)
            if found:
                return found
            continue
        words = m.group().split()
        # Longest known place first: `Charm el-Cheikh`, then `Bakou`.
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            if fold(name) in pack.not_names or geo.country_code(name, pack.code, pack.countries):
                continue  # (`in India`: a state, not a town of that name)
            # A city that starts a longer name must be a large one: `at Bayan Palace`,
            # `at Carlton Gardens` name venues, `in Baku Congress Center` a city.
            code = geo.city_country(name, pack.places, 0 if n == len(words) else 100_000)
            if code:
                return name, code
        # `at State House, Nairobi`, `in Kibuli, Kampala`: a venue or a district, then after a
        # comma the (large) city it is in.
        found = _large_city_after_comma(text, m.end(), masked, pack)
        if found:
            return found
    return None, None


_LOWER_VENUE = re.compile(r"(?:[^\W\d][\w’'\-]* ){0,3}[^\W\d][\w’'\-]*(?=,)")


def _city_after_venue(text: str, pos: int, masked: list[tuple[int, int]], pack: Pack) -> tuple[str, str] | None:
    venue = _LOWER_VENUE.match(text, pos)
    if venue is None or not pack.venue_head.search(venue.group()):
        return None
    return _large_city_after_comma(text, venue.end(), masked, pack)


def _large_city_after_comma(text: str, pos: int, masked: list[tuple[int, int]], pack: Pack) -> tuple[str, str] | None:
    after = _AFTER_COMMA.match(text, pos)
    if after and not _inside(after.start(1), masked):
        name = after.group(1)
        code = None if geo.country_code(name, pack.code, pack.countries) else geo.city_country(name, pack.places, 100_000)
        if code and fold(name) not in pack.not_names:
            return name, code
    return None
