"""Organisation names as written to canonical organisations, through the alias registry."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

import yaml
from rapidfuzz import fuzz, process

from transforms.text import fold

_ARTICLE = re.compile(r"^(?:l['’]\s*|la |le |les |the |du |de la |des |de l['’]\s*|d['’]\s*)", re.I)


@dataclass(frozen=True)
class Organization:
    name: str
    full_name_en: str | None = None
    full_name_fr: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    known: bool = True  # False: not in the registry, named as the text writes it
    state_qualified: bool = False  # an unlisted body of one state: its id names the state

    @property
    def organization_id(self) -> str:
        base = "org-" + re.sub(r"[^a-z0-9]+", "-", fold(self.name)).strip("-")
        return f"{base}-{self.country.lower()}" if self.state_qualified and self.country else base


@dataclass
class Registry:
    orgs: list[Organization]
    _by_key: dict[str, Organization] = field(default_factory=dict)
    _acronyms: dict[str, Organization] = field(default_factory=dict)
    _cache: dict[str, Organization | None] = field(default_factory=dict)
    _found: dict[str, Organization | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for org in self.orgs:
            for form in (org.name, org.full_name_en, org.full_name_fr, *org.aliases):
                if form:
                    self._by_key.setdefault(_key(form), org)
                    if _is_acronym(form):
                        self._acronyms.setdefault(form.upper(), org)
        self._keys = list(self._by_key)

    def exact(self, text: str) -> Organization | None:
        """The registry entry a phrase or acronym names exactly (up to case and accents)."""
        return self._by_key.get(_key(text))

    def lookup(self, text: str) -> Organization | None:
        """The registry entry a phrase or acronym names, allowing for small typos."""
        return _memo(self._cache, text, self._lookup)

    def _lookup(self, text: str) -> Organization | None:
        key = _key(text)
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        if _is_acronym(text.strip()):
            hit = process.extractOne(
                text.strip().upper(), list(self._acronyms), scorer=fuzz.ratio, score_cutoff=90
            )
            return self._acronyms[hit[0]] if hit and len(text.strip()) >= 5 else None
        if len(key) >= 12:
            hit = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=94)
            if hit:
                return self._by_key[hit[0]]
        return None

    def resolve(self, phrase: str) -> Organization:
        """A registry entry when one matches, else an organisation named as written."""
        acronym = re.search(r"\(([^()]{2,15})\)\s*$", phrase)
        candidates = [acronym.group(1)] if acronym else []
        candidates.append(re.sub(r"\s*\([^()]*\)\s*$", "", phrase))
        for candidate in candidates:
            org = self.lookup(candidate)
            if org is not None:
                return org
        name = acronym.group(1) if acronym else _ARTICLE.sub("", candidates[-1]).strip()
        return Organization(name=name, known=False)

    def find_in(self, text: str) -> Organization | None:
        """The registry organisation whose alias appears in a text (longest alias wins)."""
        return _memo(self._found, text, self._find_in)

    def _find_in(self, text: str) -> Organization | None:
        folded = fold(text)
        best = None
        for key, org in self._by_key.items():
            if len(key) >= 3 and key in folded and re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", folded):
                if best is None or len(key) > len(best[0]):
                    best = (key, org)
        return best[1] if best else None


def _memo(cache: dict, text: str, compute):
    """compute(text), remembered in `cache` (emptied when it grows past 20,000 entries)."""
    try:
        return cache[text]
    except KeyError:
        pass
    if len(cache) > 20_000:
        cache.clear()
    found = cache[text] = compute(text)
    return found


def _key(text: str) -> str:
    return fold(_ARTICLE.sub("", text.strip()))


def _is_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{1,9}", text)) and sum(c.isupper() for c in text) >= 2


@functools.cache
def registry() -> Registry:
    """The bundled registry (transforms/data/organizations.yaml)."""
    raw = yaml.safe_load(
        resources.files("transforms").joinpath("data/organizations.yaml").read_text("utf-8")
    )
    return Registry(
        [
            Organization(
                name=e["name"],
                full_name_en=e.get("full_name_en"),
                full_name_fr=e.get("full_name_fr"),
                aliases=tuple(e.get("aliases") or ()),
                country=e.get("country"),
            )
            for e in raw
        ]
    )
