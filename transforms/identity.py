"""Who is who across dispatches: name keys that survive transliteration and honorifics."""

from __future__ import annotations

import functools
import re
import unicodedata
import iuliia
from rapidfuzz import fuzz

from transforms import bundled
from transforms.text import CYRILLIC, fold

# Lower-case words inside names that are not given names or surnames.
PARTICLES = frozenset(
    "bin ben ibn bint binti ould ag abu abou de du des la le van der den von zu da das dos do di ter y e".split()
)
# Article prefixes that belong to the surname (`Al-Ghamdi`, `Al Nahyan`, `AlMalik`).
ARTICLES = ("al", "el", "ul", "ad", "as", "ash", "at", "az")


@functools.cache
def _rules() -> list[tuple[re.Pattern, str]]:
    data = bundled.data("data/transliteration.yaml")
    return [(re.compile(a), b) for a, b in data["rules"]]


@functools.lru_cache(maxsize=65_536)
def skeleton(word: str) -> str:
    """A word's spelling-variant skeleton: `Baïramov` and `Bayramov` give `bairamov`."""
    out = fold(word)
    for pattern, repl in _rules():
        out = pattern.sub(repl, out)
    return out


def is_latin(name: str) -> bool:
    """Whether every letter of a name is a Latin one (accents allowed: `Alíev`, `Çavuşoğlu`)."""
    return all(unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha())


def latin(name: str) -> str | None:
    """A name in Latin script: itself when written so; a Cyrillic name transliterated the
    way the English-language press and encyclopaedias write Russian (`Сергей Лавров` ->
    `Sergey Lavrov`, iuliia's Wikipedia schema); None for other scripts."""
    if is_latin(name):
        return name
    if CYRILLIC.search(name):
        out = iuliia.WIKIPEDIA.translate(name)
        return out if is_latin(out) else None
    return None


def name_parts(name: str) -> tuple[str, list[str], str]:
    """(given name, middle names, surname), as skeletons; initials keep their letter."""
    raw = [t for t in re.split(r"\s+", name.strip()) if t]
    tokens: list[str] = []
    joined = False
    for i, tok in enumerate(raw):
        low = fold(tok).rstrip(".")
        if low in PARTICLES and 0 < i < len(raw) - 1:
            continue
        if low in ARTICLES and i < len(raw) - 1:
            tokens.append(low)
            joined = True
            continue
        if joined:
            tokens[-1] = tokens[-1] + low
            joined = False
        else:
            tokens.append(low)
    words = [skeleton(t) for t in tokens if t]
    if not words:
        return "", [], ""
    if len(words) == 1:
        return "", [], words[0]
    return words[0], words[1:-1], words[-1]


def loose(part: str) -> str:
    """A skeleton with `e` read as `a` and `g` as `h` (`mamediarov` and `mamadiarov` give
    `mamadiarov`; `gasanov` and `hasanov` give `hasanov`): how Azerbaijani and Turkic names
    drift between the Russian press (`е` for `ə`, `г` for `h`) and the Latin one."""
    return part.replace("g", "h").replace("e", "a")


def person_key(name: str) -> str:
    """The identity key of a name: given name and surname skeletons (middle names and
    initials aside, so `Salim M. AlMalik` = `Salim bin Mohammed Al-Malik`)."""
    given, _, surname = name_parts(name)
    return f"{given} {surname}".strip()


def compatible(a: str, b: str) -> bool:
    """Could two full names be one person? Same key, or the same given name and surnames
    a letter or two apart (`Mammadyarov` / `Mammadiarov`), with middle names that agree.
    Across scripts the vowels may differ too: Russian writes the Azerbaijani `ə` as `е`
    and `h` as `г` (`Мамед Мамедъяров` / `Mammad Mammadyarov`, `Гасанов` / `Hasanov`)."""
    ga, ma, sa = name_parts(a)
    gb, mb, sb = name_parts(b)
    if not sa or not sb:
        return False
    if bool(CYRILLIC.search(a)) != bool(CYRILLIC.search(b)):
        if not (ga and gb and loose(ga) == loose(gb) and loose(sa) == loose(sb)):
            return False
    elif ga != gb or (sa != sb and (len(sa) < 6 or fuzz.ratio(sa, sb) < 88)):
        return False
    for x, y in zip(ma, mb):
        if not (x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))):
            return False
    return True
