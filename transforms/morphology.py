"""Inflection for languages whose names and titles take cases (a pack's `morphology`).

A pack that names an analyser (`morphology: {analyser: pymorphy3, lang: ru}`) gets its
phrase lists expanded to every case form at compile time (`forms`), and its people, titles
and places written back in the nominative (`nominative_name`, `nominative_phrase`): the
warehouse holds `Ильхам Алиев` for `с Ильхамом Алиевым`. Packs without one are untouched.
"""

from __future__ import annotations

import functools
import re

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# Grammemes of a word that agrees with the noun it qualifies (adjectives, participles).
_AGREEING = {"ADJF", "PRTF", "NUMR"}
_NAME_TAGS = {"Name", "Surn", "Patr"}
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def analyser(name: str, lang: str):
    """The morphological analyser a pack names, loaded once (its dictionaries ship in a package)."""
    if name != "pymorphy3":
        raise ValueError(f"unknown morphological analyser {name!r}")
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def _like(word: str, model: str) -> str:
    """`word` in the letter case of `model` (`министр` after `Министра`)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _head(morph, words: list[str]) -> int | None:
    """Index of the phrase's head noun: the first word whose likeliest reading is a noun,
    after only words that may agree with it."""
    for i, w in enumerate(words):
        parses = morph.parse(w)
        if not parses:
            return None
        best = parses[0]
        if "NOUN" in best.tag:
            return i
        if not (_AGREEING & set(str(best.tag).replace(" ", ",").split(","))):
            return None
    return None


def _agreeing(morph, words: list[str]) -> list:
    """For the words of a head phrase (qualifiers then the noun), one reading each that
    shares a case (and number) with the others, the likeliest such set."""
    options = [morph.parse(w) for w in words]
    best, best_score = None, -1.0
    for case in _CASES:
        for number in ("sing", "plur"):
            chosen, score = [], 0.0
            for parses in options:
                fit = [p for p in parses if p.tag.case == case and (p.tag.number is None or p.tag.number == number)]
                if not fit:
                    break
                chosen.append(fit[0])
                score += fit[0].score
            if len(chosen) == len(options) and score > best_score:
                best, best_score = chosen, score
    return best or [o[0] for o in options]


@functools.lru_cache(maxsize=16_384)
def _phrase_forms(phrase: str, name: str, lang: str, numbers: tuple[str, ...] = ("sing", "plur")) -> tuple[str, ...]:
    morph = analyser(name, lang)
    words = phrase.split(" ")
    head = _head(morph, [w.split("-")[-1] for w in words])
    genders: tuple = (None,)
    if head is None:
        if not all(_AGREEING & morph.parse(w.split("-")[-1])[0].tag.grammemes for w in words):
            return (phrase,)
        head, genders = len(words) - 1, ("masc", "femn", "neut", None)  # an adjective alone: every gender
    lead = words[: head + 1]
    parses = _agreeing(morph, [w.split("-")[-1] for w in lead])
    out = {phrase}
    for case, number, gender in ((c, n, g) for c in _CASES for n in numbers for g in genders):
        if gender and number == "plur":
            continue
        if True:
            new = []
            for w, p in zip(lead, parses):
                want = {case, number} | ({gender} if gender else set())
                f = p.inflect(want) or (p.inflect({case}) if number == p.tag.number and not gender else None)
                if f is None:
                    break
                prefix = w[: len(w) - len(w.split("-")[-1])]
                new.append(prefix + _like(f.word, w.split("-")[-1]))
            if len(new) == len(lead):
                out.add(" ".join(new + words[head + 1:]))
    return tuple(sorted(out))


def forms(phrase: str, name: str, lang: str, plural: bool = False) -> tuple[str, ...]:
    """Every case form (singular and plural) of a phrase written in the nominative: its head
    noun and the words agreeing with it inflect, the words after it stay (`министр
    иностранных дел` -> `министра иностранных дел`, `министрами иностранных дел` …); `plural`: its plural forms only."""
    found = _phrase_forms(phrase, name, lang, ("plur",) if plural else ("sing", "plur"))
    # (the dictionaries write ё, which the press mostly writes е: `госсекретарём`, `госсекретарем`)
    return tuple(dict.fromkeys([*found, *(f.replace("ё", "е").replace("Ё", "Е") for f in found)]))


@functools.lru_cache(maxsize=16_384)
def nominative_phrase(phrase: str, name: str, lang: str) -> str:
    """A title or place phrase with its head (and the words agreeing with it) in the
    nominative singular (`министра иностранных дел` -> `министр иностранных дел`)."""
    morph = analyser(name, lang)
    words = phrase.split(" ")
    head = _head(morph, [w.split("-")[-1] for w in words])
    if head is None:
        return phrase
    lead = words[: head + 1]
    parses = _agreeing(morph, [w.split("-")[-1] for w in lead])
    noun = parses[-1]
    if noun.tag.case == "nomn" and noun.tag.number != "plur":
        return phrase
    out = []
    for w, p in zip(lead, parses):
        wanted = {"nomn", "sing"}
        if p is not noun and noun.tag.gender and "ADJF" in p.tag:
            wanted.add(noun.tag.gender)
        f = p.inflect(wanted) or p.inflect({"nomn"})
        last = w.split("-")[-1]
        out.append(w[: len(w) - len(last)] + _like(f.word, last) if f else w)
    return " ".join(out + words[head + 1:])


@functools.lru_cache(maxsize=16_384)
def _head_case(phrase: str, name: str, lang: str) -> str | None:
    morph = analyser(name, lang)
    words = phrase.split(" ")
    head = _head(morph, [w.split("-")[-1] for w in words])
    if head is None:
        return None
    return _agreeing(morph, [w.split("-")[-1] for w in words[: head + 1]])[-1].tag.case


def title_case(title: str | None, data: dict) -> str | None:
    """The case of a title's head noun (`министром …` -> ablt): a name in apposition shares it."""
    spec = data.get("morphology")
    return _head_case(title, spec["analyser"], spec.get("lang", data["code"])) if spec and title else None


@functools.lru_cache(maxsize=16_384)
def nominative_name(full: str, name: str, lang: str, case_hint: str | None = None) -> str:
    """A person's name in the nominative (`Ильхамом Алиевым` -> `Ильхам Алиев`): the case
    and gender all its words can share, the likeliest; a word with no reading in that case
    (an indeclinable foreign name) stays as written."""
    morph = analyser(name, lang)
    # (a compound given name inflects in its last part only: `Касым-Жомартом`)
    parts = [w.split("-")[-1] for w in full.split(" ")]
    options = [[p for p in morph.parse(w) if "NOUN" in p.tag or "ADJF" in p.tag] for w in parts]
    best, best_score = None, 0.0
    for case in _CASES:
        for gender in ("masc", "femn"):
            score, chosen = 0.0, []
            for parses in options:
                fit = [p for p in parses if p.tag.case == case and p.tag.number != "plur"
                       and (p.tag.gender is None or p.tag.gender == gender or {"ms-f", "Fixd"} & p.tag.grammemes)]
                named = [p for p in fit if _NAME_TAGS & p.tag.grammemes]
                pick = (named or fit or [None])[0]
                chosen.append(pick)
                score += (pick.score + (0.5 if pick in named else 0) + (1.0 if case == case_hint else 0)) if pick else 0.0
            # the nominative wins ties: a name as written is the likeliest reading
            if score > best_score + (0.0 if best is None or case != "nomn" else -1e-9):
                best, best_score = chosen, score
    if best is None:
        return full
    out = []
    for part, p in zip(parts, best):
        if p is None or p.tag.case == "nomn" or "Fixd" in p.tag:
            out.append(part)
            continue
        f = p.inflect({"nomn", "sing"}) or p.inflect({"nomn"})
        out.append(_like(f.word, part) if f else part)
    return " ".join(w[: len(w) - len(part)] + new for w, part, new in zip(full.split(" "), parts, out))


def person_name(name: str, data: dict, title: str | None = None) -> str:
    """A person's name as a pack writes it out: in the nominative where the pack's
    language inflects (`data` is the pack's), else as written. `title`: the title in
    apposition beside it, whose case the name shares."""
    spec = data.get("morphology")
    if not spec or not name:
        return name
    return nominative_name(name, spec["analyser"], spec.get("lang", data["code"]), title_case(title, data))


def phrase(text: str | None, data: dict) -> str | None:
    """A title or place phrase as a pack writes it out: its head in the nominative where the
    pack's language inflects, else as written."""
    spec = data.get("morphology")
    if not spec or not text:
        return text
    from transforms.text import fold

    # (a phrase of the pack's own lists: the form it was written in, `Улан-Баторе` -> `Улан-Батор`)
    listed = data.get("nominative_forms", {}).get(fold(text))
    return _like(listed, text) if listed else nominative_phrase(text, spec["analyser"], spec.get("lang", data["code"]))


@functools.lru_cache(maxsize=65_536)
def _name_like(word: str, name: str, lang: str) -> tuple[bool, bool, bool]:
    """(may be a word of a person's name, is a given name, is a surname): a reading as a given name,
    patronymic, surname or some other animate noun (`Чибис`, `Хакан`), or no dictionary
    reading at all (a foreign name); never an adjective, a place or a thing (`Турецкой
    Республики`, `России`)."""
    if word.isupper() and len(word) > 1:
        return False, False, False  # an acronym (`МККК`)
    morph = analyser(name, lang)
    last = word.split("-")[-1]
    parses = morph.parse(last)
    # (each reading's share summed over its cases: `Али` is a name in six cases, a
    # conjunction in one)
    given = sum(p.score for p in parses if "Name" in p.tag) >= 0.1
    surname = sum(p.score for p in parses if "Surn" in p.tag) >= 0.1
    if word[:1].isupper() and parses and parses[0].tag.POS in ("PRCL", "INTJ"):
        return True, given, surname  # a particle's spelling, capitalised: a name's (`Ле Хоай Чунг`)
    person = sum(p.score for p in parses if _NAME_TAGS & p.tag.grammemes
                 or ({"NOUN", "anim"} <= p.tag.grammemes and "Geox" not in p.tag))
    if person >= 0.1:
        return True, given, surname
    known = morph.word_is_known(last.lower())
    return not known, given, surname


def name_word(word: str, data: dict) -> bool:
    """Whether a capitalised word may belong to a person's name, by the pack's analyser (always,
    for a pack without one)."""
    spec = data.get("morphology")
    return _name_like(word, spec["analyser"], spec.get("lang", data["code"]))[0] if spec else True


def surname(word: str, data: dict) -> bool:
    """Whether the pack's analyser reads the word as a surname first of all (`Путина`)."""
    spec = data.get("morphology")
    return _name_like(word, spec["analyser"], spec.get("lang", data["code"]))[2] if spec else False


def given(word: str, data: dict) -> bool:
    """Whether the pack's analyser reads the word as a given name (`Андреем`)."""
    spec = data.get("morphology")
    return _name_like(word, spec["analyser"], spec.get("lang", data["code"]))[1] if spec else False
