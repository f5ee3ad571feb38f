"""The state a well-known official serves, when the dispatch does not say it.

`transforms/data/officials.yaml` lists heads of state and government, foreign and defence
ministers, vice-presidents and crown princes since 1995, each with the state they serve and
the other spellings the English and French press give them (`Sergueï Lavrov`, `Mohammed ben
Salmane`). A name is looked up by its identity key (`identity.person_key`: given name and
surname skeletons, so accents and common transliterations agree), then by a compatible full
name of the same surname; a name that two states' officials share gives no state.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from transforms import bundled
from transforms.identity import compatible, name_parts, person_key

# The offices, most prominent first: of two officials one name gives, the press more likely
# means the more prominent (`Pedro Sánchez`: Spain's prime minister, not a Colombian minister).
_RANKS = ("head_of_state", "head_of_government", "crown_prince", "vice_president", "foreign_minister",
          "defence_minister")
OFFICES = frozenset(_RANKS)


@dataclass(frozen=True)
class Official:
    name: str
    country: str
    office: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class Found:
    """What the list knows of a name: the state, and the last year in office there (None:
    in office as the list was made)."""

    state: str
    until: int | None


@dataclass
class _Index:
    by_key: dict[str, list[Official]]  # person key -> the officials of that key
    by_surname: dict[str, list[Official]]  # surname skeleton -> the officials of that surname


def officials() -> list[Official]:
    """Every entry of the bundled list, in file order."""
    return list(_officials())


@functools.cache
def _officials() -> tuple[Official, ...]:
    raw = bundled.data("data/officials.yaml") or {}
    out = []
    for country, rows in raw.items():
        for row in rows or []:
            out.append(Official(row["name"], country, row["office"], row.get("from"), row.get("to")))
            out.extend(Official(form, country, row["office"], row.get("from"), row.get("to"))
                       for form in row.get("forms") or [])
    return tuple(out)


@functools.cache
def _index() -> _Index:
    return bundled.built("officials", _build_index)


def _build_index() -> _Index:
    by_key: dict[str, list[Official]] = defaultdict(list)
    by_surname: dict[str, list[Official]] = defaultdict(list)
    for o in _officials():
        by_key[person_key(o.name)].append(o)
        by_surname[name_parts(o.name)[2]].append(o)
    return _Index(dict(by_key), dict(by_surname))


@functools.lru_cache(maxsize=16_384)
def find(name: str) -> Found | None:
    """What the list knows of the official of this full name (`Antony Blinken` -> US, until
    2025), or None when it has no one of that name, or officials of two states share it in
    offices of the same rank."""
    given, _, surname = name_parts(name)
    if not given or not surname:
        return None  # a surname alone could be anyone's
    index = _index()
    matches = index.by_key.get(person_key(name)) or [
        o for o in index.by_surname.get(surname, ()) if compatible(name, o.name)
    ]
    if not matches:
        return None
    top = min(_RANKS.index(o.office) for o in matches)
    states = {o.country for o in matches if _RANKS.index(o.office) == top}
    if len(states) != 1:
        return None
    (state,) = states
    return _found(state, matches)


@functools.lru_cache(maxsize=16_384)
def find_surname(surname: str, year: int) -> Found | None:
    """The one official of this surname in office in that year, give or take one (`President
    Obama` in 2010 -> US), or None when there is none or there are several states'."""
    skeleton = name_parts(surname)[2]
    matches = [o for o in _index().by_surname.get(skeleton, ())
               if (o.start is None or o.start - 1 <= year) and (o.end is None or year <= o.end + 1)]
    states = {o.country for o in matches}
    if len(states) != 1:
        return None
    (state,) = states
    return _found(state, matches)


def _found(state: str, matches: list[Official]) -> Found:
    """The state, with the last year any of its matching entries ends (None: one goes on)."""
    ends = [o.end for o in matches if o.country == state]
    return Found(state, None if None in ends else max(ends))


def state_of(name: str) -> str | None:
    """The state the official of this full name serves, if the list knows it (see `find`)."""
    found = find(name)
    return found.state if found else None
