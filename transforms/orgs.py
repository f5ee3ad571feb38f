"""Organisation names as written to canonical organisations, through the alias registry."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from rapidfuzz import fuzz, process

from transforms import bundled
from transforms.text import CYRILLIC, fold

# Articles (and French, Spanish, German "of the") before a name: `l’OMS`, `la ONU`, `der
# Vereinten Nationen`. The Spanish and German ones only in lower case: a capitalised `Los`,
# `El` or `Den` starts a name (`Los Angeles`, `Den Haag`).
_ARTICLE = re.compile(
    r"^(?:l['’]\s*|la |le |les |the |du |de la |des |de l['’]\s*|d['’]\s*"
    r"|(?-i:el |los |las |del |de los |de las |der |die |das |dem |den ))",
    re.I,
)
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


@dataclass(frozen=True)
class Organization:
    name: str
    full_name_en: str | None = None
    full_name_fr: str | None = None
    aliases: tuple[str, ...] = ()  # every other form, the names in other languages among them
    country: str | None = None
    known: bool = True  # False: not in the registry, named as the text writes it
    state_qualified: bool = False  # an unlisted body of one state: its id names the state
    # The standard names per language (`ru`, `es`, `de`), also among the aliases: the
    # registry matches their inflected forms.
    names: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)

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
    _inflections: dict[str, Organization | None] = field(default_factory=dict)
    # first word's lemma -> (each word's possible lemmas, organisation), of the Russian
    # names: built on the first Cyrillic lookup, so that other texts never load the analyser
    _by_lemma: dict[str, list[tuple[tuple[frozenset[str], ...], Organization]]] | None = None

    def __post_init__(self) -> None:
        for org in self.orgs:
            for form in (org.name, org.full_name_en, org.full_name_fr, *org.aliases):
                if form:
                    self._by_key.setdefault(_key(form), org)
                    if _is_acronym(form):
                        self._acronyms.setdefault(form.upper(), org)
            for form in org.names.get("de", ()):
                for declined in _german_forms(form):  # `der Europäischen Union`, `des Europarats`
                    self._by_key.setdefault(_key(declined), org)
        # (typos are looked for among the forms of the text's own script)
        self._keys = {False: [k for k in self._by_key if not CYRILLIC.search(k)],
                      True: [k for k in self._by_key if CYRILLIC.search(k)]}
        self._acronym_keys = {False: [k for k in self._acronyms if not CYRILLIC.search(k)],
                              True: [k for k in self._acronyms if CYRILLIC.search(k)]}

    def exact(self, text: str) -> Organization | None:
        """The registry entry a phrase or acronym names exactly (up to case and accents)."""
        return self._by_key.get(_key(text))

    def named(self, text: str) -> Organization | None:
        """The registry entry a phrase names exactly, in any of its case forms (`des
        Europarats`, `Еврокомиссии`): no typo allowed."""
        found = self.exact(text)
        if found is None and CYRILLIC.search(text):
            found = _memo(self._inflections, text, self._inflected)
        return found

    def lookup(self, text: str) -> Organization | None:
        """The registry entry a phrase or acronym names, allowing for small typos and, in
        Russian, for any case (`Европейского союза`)."""
        return _memo(self._cache, text, self._lookup)

    def _lookup(self, text: str) -> Organization | None:
        key = _key(text)
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        cyrillic = bool(CYRILLIC.search(text))
        if _is_acronym(text.strip()):
            hit = process.extractOne(
                text.strip().upper(), self._acronym_keys[cyrillic], scorer=fuzz.ratio, score_cutoff=90
            )
            return self._acronyms[hit[0]] if hit and len(text.strip()) >= 5 else None
        if cyrillic:
            found = _memo(self._inflections, text, self._inflected)
            if found is not None:
                return found
        if len(key) >= 12:
            hit = process.extractOne(key, self._keys[cyrillic], scorer=fuzz.ratio, score_cutoff=94)
            if hit:
                return self._by_key[hit[0]]
        return None

    def _inflected(self, text: str) -> Organization | None:
        """The Russian name a phrase writes in some case: each of its words has the lemma
        of the name's word there (`Милли Меджлиса`, `Организации Объединенных Наций`)."""
        if self._by_lemma is None:
            self._by_lemma = {}
            for org in self.orgs:
                for form in org.names.get("ru", ()):
                    readings = _readings(form)
                    for first in readings[0] if readings else ():
                        self._by_lemma.setdefault(first, []).append((readings, org))
        words = _WORD.findall(text)
        candidates = self._by_lemma.get(_lemma(words[0]), ()) if words else ()
        for readings, org in candidates:
            if len(readings) == len(words) and all(_lemma(w) in r for w, r in zip(words, readings)):
                return org
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
    """Two to ten Latin or Cyrillic letters, two of them capitals at least (`ICESCO`, `BAsD`, `ОДКБ`)."""
    return bool(re.fullmatch(r"[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]{1,9}", text)) and sum(c.isupper() for c in text) >= 2


def _morph():
    from transforms.morphology import analyser

    return analyser("pymorphy3", "ru")


@functools.lru_cache(maxsize=65_536)
def _lemma(word: str) -> str:
    """A Russian word's likeliest dictionary form (an acronym's as written: `ООН`)."""
    if word.isupper() and len(word) > 1:
        return word.casefold()
    return _morph().parse(word.casefold())[0].normal_form.replace("ё", "е")


def _readings(name: str) -> tuple[frozenset[str], ...]:
    """Each word's possible dictionary forms: a name's word may be read otherwise in the
    nominative than in the other cases (`Великое` is a noun alone, `Великого` an adjective)."""
    morph = _morph()
    return tuple(
        frozenset({w.casefold()}) if w.isupper() and len(w) > 1
        else frozenset(p.normal_form.replace("ё", "е") for p in morph.parse(w.casefold()))
        for w in _WORD.findall(name)
    )


# German adjectives decline before their noun (`Europäische Union`, `der Europäischen
# Union`), and masculine and neuter nouns take -s or -es in the genitive (`des Europarats`).
_ADJECTIVE_END = re.compile(r"(?:e|er|es)$")


def _german_forms(name: str) -> list[str]:
    """A German name's declined forms: its leading adjectives with every ending, its head
    noun with and without a genitive ending; the words after the head stay
    (`Organisation der Vereinten Nationen`). Forms no text writes do no harm."""
    words = name.split(" ")
    head = 0
    while head + 1 < len(words) and words[head + 1][:1].isupper() and _ADJECTIVE_END.search(words[head]):
        head += 1
    options = [[_ADJECTIVE_END.sub("", w) + end for end in ("e", "en", "er", "es", "em")] for w in words[:head]]
    noun = words[head]
    if not noun[-1:].isalpha():
        options.append([noun])  # `Wirtschafts-` in `Wirtschafts- und Sozialkommission`
    elif noun[-1] in "sßxz":
        options.append([noun, noun + "es"])
    else:
        options.append([noun, noun + "s"] + ([noun + "es"] if noun[-1] not in "aeiouy" else []))
    forms = [""]
    for choice in options:
        forms = [f"{f} {c}".strip() for f in forms for c in choice]
    return [" ".join([f, *words[head + 1:]]) for f in forms]


_LANGUAGES = ("ru", "es", "de")


@functools.cache
def registry() -> Registry:
    """The bundled registry (transforms/data/organizations.yaml)."""
    raw = bundled.data("data/organizations.yaml")
    orgs = []
    for e in raw:
        names = {lang: tuple(e[f"names_{lang}"]) for lang in _LANGUAGES if e.get(f"names_{lang}")}
        own = (e["name"], e.get("full_name_en"), e.get("full_name_fr"))
        written = [*(e.get("aliases") or ()), *(n for lang in names.values() for n in lang)]
        aliases = [a for a in written if a not in own]
        orgs.append(
            Organization(
                name=e["name"],
                full_name_en=e.get("full_name_en"),
                full_name_fr=e.get("full_name_fr"),
                aliases=tuple(dict.fromkeys(aliases)),
                country=e.get("country"),
                names=names,
            )
        )
    return Registry(orgs)
