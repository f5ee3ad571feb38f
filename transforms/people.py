"""Named people in a dispatch: finding name spans, then building who each one is.

`mentions()` finds spans (an honorific and a name, or a name in apposition with a job
title); `describe()` turns a span's title phrase into position, organisation and country.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, replace

from transforms import geo, morphology, officials
from transforms.lang import Pack
from transforms.orgs import registry
from transforms.text import APOS, LOWER, UPPER, fold, skip

_COMMA_BEFORE_CAPITAL = re.compile(rf",\s+(?=[{UPPER}])")
_SPACE_LOWER = re.compile(rf"\s[{LOWER}]")
_ALL_CAPS = re.compile(r"[A-Z]{2,}")
_COMMA_SPACE = re.compile(r",\s+")
_DASH = re.compile(r"\s[-–—]\s+")
# A capital starts a word unless a letter, apostrophe, hyphen or full stop is glued before it;
# a full stop after a word of two letters or more is a glued sentence end (`l’Onu.Yoon`).
_WORD_START = re.compile(rf"(?:(?<![\w{APOS}\-.])|(?<=[^\W\d_]{{2}}\.))[{UPPER}]")
_CAPITAL_BEFORE = re.compile(rf"[{UPPER}][\w{APOS}\-]*\.?\s$")


@functools.cache
def _clause_start(pack: Pack) -> re.Pattern:
    """Where a clause may begin: the text's start, after punctuation or a dateline's dash,
    after `and`."""
    starts = ["^", r"(?<=[,;:]\s)", r"(?<=[-–—•·]\s)"] + [rf"(?<=\b{re.escape(w)}\s)" for w in pack.data["and_words"]]
    # (the capital tested first: a cheap test at every position, the look-behinds seldom)
    return re.compile(rf"(?=[{UPPER}])(?:{'|'.join(starts)})")


@dataclass(frozen=True)
class Mention:
    start: int  # where the mention begins (its honorific, if any)
    name_start: int
    end: int
    name: str
    honorific: str | None
    title: str | None = None  # the apposition that says who the person is, as written
    title_start: int | None = None
    title_end: int | None = None
    of_state: str | None = None  # `de Belgique` after `la reine Mathilde`: said of the title

    @property
    def tokens(self) -> list[str]:
        return self.name.split()

    @property
    def outer_start(self) -> int:
        """Where the mention begins with its title (a title may stand before the name)."""
        return min(self.start, self.title_start if self.title_start is not None else self.start)

    @property
    def outer_end(self) -> int:
        """Where the mention ends with its title (a title may follow the name)."""
        return max(self.end, self.title_end or self.end)


@dataclass(frozen=True)
class Description:
    position: str | None
    organization: str | None  # as written (acronym when the text gives one)
    country: str | None
    org_country: str | None = None

    @property
    def state(self) -> str | None:
        """The state the person is of: their own, else their organisation's."""
        return self.country or self.org_country


@functools.cache
def _name_re(pack: Pack) -> re.Pattern:
    word = rf"[{UPPER}][\w{APOS}\-]*(?<![{APOS}\-])"
    # (`Joey R.Hood`: an initial glued to the surname after it)
    initial = rf"[{UPPER}]\.(?:(?=\s+[{UPPER}])|{word})"
    particle = "(?:" + "|".join(sorted(map(re.escape, pack.particles), key=len, reverse=True)) + ")"
    lead = rf"(?:{particle}\s+)*"
    # `el-Sisi`, `al-Assad`: a particle joined to the word it leads by a hyphen.
    joined = rf"{particle}-{word}"
    body = rf"{word}(?:\s+(?:{initial}|{word}|{joined}|{particle}(?=(?:\s+{particle})*\s+[{UPPER}])))*"
    return re.compile(rf"{lead}{body}")


@functools.cache
def _rank_after_comma(pack: Pack) -> re.Pattern:
    """`, l’Emir `, `, le prince `: a comma, an article, a rank, then where a name starts."""
    return re.compile(rf",\s*(?:\w{{1,3}}[{APOS}]|\w{{2,3}}\s+)?(?:{pack.rank.pattern}) (?=[{UPPER}])", re.IGNORECASE)


# A word this frequent (wordfreq's scale) leading a name of three words or more is a
# title's last word run into the name, unless it is a given name.
_TITLE_WORD_ZIPF = 3.5


def _drop_words(m: Mention, n: int) -> Mention:
    """The mention without the first `n` words of its name."""
    words = m.name.split()
    shift = m.name.index(words[n], len(" ".join(words[:n])))
    return replace(m, start=m.name_start + shift, name_start=m.name_start + shift, name=m.name[shift:])


_OF_WORD_ZIPF = 3.0  # a word of the language, if not a frequent one (`Diplomacy`, `Santé`)


@functools.cache
def _of_before(pack: Pack) -> re.Pattern:
    """`of `, `de l’`: the word that links a body's name to its last word, right before a position."""
    words = sorted(pack.data.get("of_words", []), key=len, reverse=True)
    return re.compile(r"(?<![\w\-])(?:" + "|".join(map(re.escape, words)) + r")(?:\s+|(?<=[’']))$", re.IGNORECASE)


def _boundary_ok(text: str, end: int) -> bool:
    """A name must end at punctuation or before a lower-case word, not mid-capitalised run."""
    rest = text[end:end + 2]
    return not rest or not rest[0].isalnum()


def mentions(text: str, start: int, end: int, pack: Pack) -> list[Mention]:
    """Every named person in text[start:end], with the title phrase beside it, in order."""
    name_re = _name_re(pack)
    found: dict[int, Mention] = {}

    def add(m: Mention) -> None:
        if pack.data.get("morphology"):
            # (in an inflecting language the analyser tells a name's words from the title's
            # run into it: `губернатором Мурманской области`, `Президент России Владимир Путин`)
            m = _from_name_words(m, pack)
            if m is None:
                return
        # `Director of the Institute of Diplomacy, X`: a lone word of the language after `of`
        # ends a body's name; it names no one.
        if m.honorific is None and " " not in m.name and pack.is_common(m.name, _OF_WORD_ZIPF) \
                and _of_before(pack).search(text, max(0, m.start - 12), m.start):
            return
        # `, Archbishop Marek Solczyński`: a rank or title word before the name is not in it.
        head = pack.title_head.match(m.name)
        if head and m.honorific is None and m.name[head.end():head.end() + 1] == " ":
            rest = m.name[head.end() + 1:]
            if len(rest.split()) >= 2 and _plausible(rest, pack, single_ok=False, particle_ok=False):
                shift = head.end() + 1
                m = Mention(m.start, m.name_start + shift, m.end, rest, None)
        # `Andrew Mitchell MP`: letters after the name are no part of it.
        words = m.name.split()
        if len(words) >= 3 and words[-1] in pack.post_nominals:
            cut = len(m.name) - len(words[-1])
            m = replace(m, end=m.name_start + len(m.name[:cut].rstrip(" ,")), name=m.name[:cut].rstrip(" ,"))
        # `President Ibrahim Mohamed Solih's visit`: the possessive is no part of the name.
        poss = re.search(rf"[{APOS}]s$", m.name)
        if poss:
            m = replace(m, end=m.end - 2, name=m.name[:-2])
        # `Department of Public Diplomacy Alexey Volkov`: a title's last word, a frequent
        # one that is no given name, run into the name.
        words = m.name.split()
        if (m.honorific is None and len(words) >= 3 and pack.is_common(words[0], _TITLE_WORD_ZIPF)
                and not given_name(words[0]) and not officials.state_of(m.name)):  # (not `Shah Mehmood Qureshi`)
            m = _drop_words(m, 1)
        # `the ministers of Chile Rosa Valdés, Peru Luis Soto`: a state's name
        # run into the name is the state's, not the person's.
        words = m.name.split()
        if m.honorific is None and len(words) >= 3 and not pack.particles & {words[0].casefold()}:
            for n in (2, 1):
                if len(words) - n >= 2 and geo.country_code(" ".join(words[:n]), pack.code, pack.countries):
                    m = _drop_words(m, n)
                    break
        # `la reine Mathilde de Belgique`, `King Philippe of Belgium`: the state ends no name.
        tail = pack.of_word.search(m.name)
        if tail and _state(m.name[tail.end():], pack)[1] == len(m.name) - tail.end():
            short = m.name[:tail.start()]
            m = replace(m, end=m.name_start + len(short), name=short, of_state=m.name[tail.start():].strip())
        if re.search(rf"\w[{APOS}]s\s", m.name):
            return  # `CARICOM’s Secretary-General`: a possessive inside: a title, not a name
        if m.honorific is None and geo.is_city_name(m.name, 100_000 if " " in m.name else 1_000_000):
            return  # `à Phnom Penh, l’ambassadeur …`: a large city, not a person
        if m.honorific is None and geo.country_code(m.name, pack.code, pack.countries):
            return  # `thanked the President for Pakistan’s support`: a state, not a person
        if m.name_start in found or any(o.name_start < m.end and m.name_start < o.end for o in found.values()):
            return  # overlaps a name already found (`of Azerbaijan Jeyhun Bayramov`)
        found[m.name_start] = m

    # A plural title and the names it covers: `les ministres des Affaires étrangères de
    # l’Azerbaïdjan et de la Géorgie, Djeyhoun Baïramov et Ilia Darchiachvili`.
    for m in _plural_title_mentions(text, start, end, pack):
        add(m)
    # An honorific and a name: `Dr Salim M. AlMalik`, `Pr de Montfort`.
    for h in pack.honorific.finditer(text, start, end):
        at = h.end() + 1 if text[h.end():h.end() + 1] == " " else h.end()
        if pack.honorific.match(text, at, end):
            continue  # `Son Excellence M. X`, `H.E. Mr. X`: the honorific right before the name counts
        rank = pack.rank.match(text, at, end)
        head = None
        if rank and text[rank.end():rank.end() + 1] == " " and not _particle_next(text, rank.end() + 1, pack):
            # `His Highness Sheikh Tamim …`: the rank is no part of the name (but `M. Cheikh
            # Ould Zeidane`: a given name before a particle)
            at = rank.end() + 1
        elif not rank:
            head = pack.title_head.match(text, at, end)
            # (but after a plain civility a title word that is also a given name leads the
            # name: `M. Sultan Raïev`)
            civility = len(h.group()) <= 4 and h.group().count(".") <= 1 and " " not in h.group()
            if head and text[head.end():head.end() + 1] == " " and text[head.end() + 1:head.end() + 2].isupper() \
                    and not _particle_next(text, head.end() + 1, pack) and not (civility and given_name(head.group())):
                at = head.end() + 1  # `His Majesty King Abdullah`: the title is no part of the name either
            else:
                head = None
        m = name_re.match(text, at, end)
        if m and _plausible(m.group(), pack, single_ok=True, caps_ok=True):
            add(Mention(h.start(), m.start(), m.end(), m.group(), h.group()) if head is None else Mention(
                h.start(), m.start(), m.end(), m.group(), h.group(), head.group(), head.start(), head.end()))
            # `MM. Sidi Ould Zein et Hasni Ould Lefghih`: a plural honorific covers the
            # names coordinated after the first.
            single = " " not in m.group()  # (`MM. Poutine et Trump`: surnames alone, all of them)
            while h.group() in pack.plural_honorifics:
                link = pack.coordination.match(text, m.end(), end)
                m = name_re.match(text, link.end(), end) if link else None
                if not (m and _plausible(m.group(), pack, single_ok=single)):
                    break
                add(Mention(m.start(), m.start(), m.end(), m.group(), h.group()))
    # A rank after a comma and its article, then a name: `le ministre saoudien de
    # l’Intérieur, l’Emir Abdelaziz ben Saoud` (the rank belongs to neither).
    for rk in _rank_after_comma(pack).finditer(text, start, end):
        m = name_re.match(text, rk.end(), end)
        if m and _plausible(m.group(), pack, single_ok=False, particle_ok=False) and _boundary_ok(text, m.end()):
            add(Mention(m.start(), m.start(), m.end(), m.group(), None))
    # A title then a name: `le ministre …, Djeyhoun Baïramov` and `le président Tokaïev`.
    # (matched in the lower-cased sentence, a third of the time of a case-blind match)
    lowered = text[start:end].lower()
    heads = (start + t.end() for t in pack.title_head_lower.finditer(lowered)) if len(lowered) == end - start else (
        t.end() for t in pack.title_head.finditer(text, start, end))
    for head_end in heads:
        if _inside_name(text, head_end, start, pack):
            continue
        if pack.title_runs_into_name:
            span = _run_in_name(text, head_end, end, pack)
            if span and _plausible(text[span[0]:span[1]], pack, single_ok=True, particle_ok=False):
                add(Mention(span[0], span[0], span[1], text[span[0]:span[1]], None))
            continue
        m = name_re.match(text, head_end + 1, end) if text[head_end:head_end + 1] == " " else None
        if m and _plausible(m.group(), pack, single_ok=True, particle_ok=False) and _boundary_ok(text, m.end()):
            add(Mention(m.start(), m.start(), m.end(), m.group(), None))
    for c in _COMMA_BEFORE_CAPITAL.finditer(text[start:end]):
        pos = start + c.end()
        m = name_re.match(text, pos, end)
        if not m or not _plausible(m.group(), pack, single_ok=False, particle_ok=False):
            continue
        after = text[m.end():m.end() + 3]
        if not (after == "" or after[0] in ",.;)" or after[:2] == " (" or _SPACE_LOWER.match(after)):
            continue
        if _title_before(text, start, c.start() + start, pack) or _title_after(text, m.end(), end, pack):
            add(Mention(m.start(), m.start(), m.end(), m.group(), None))
    # A name at a clause start followed by its title: `Elmar Mammadyarov, ministre …`.
    for c in _clause_start(pack).finditer(text[start:end]):
        pos = start + c.start()
        m = name_re.match(text, pos, end)
        if m and _plausible(m.group(), pack, single_ok=False, particle_ok=False) and _title_after(
            text, m.end(), end, pack
        ):
            add(Mention(m.start(), m.start(), m.end(), m.group(), None))
    # A name inside a clause, its title in apposition after it: `met with Marek Kowalski,
    # Executive Director of UNICEF`, `a reçu Maryam Bigdeli, représentante de l’OMS`.
    for c in _AFTER_LOWER.finditer(text[start:end]):
        pos = start + c.start()
        if any(o.start <= pos < o.end for o in found.values()):
            continue
        m = name_re.match(text, pos, end)
        # (a surname alone, where the analyser says it is one: `губернатором края Кожемяко`)
        alone = bool(m) and " " not in m.group() and morphology.surname(m.group(), pack.data)
        if not m or not _plausible(m.group(), pack, single_ok=alone, particle_ok=False):
            continue
        # … or, where titles do not run into names by their vocabulary (French), a title
        # right before it with no comma: `le ministre des Affaires étrangères Djeyhoun
        # Baïramov` (a few words after its head, no punctuation, no verb between).
        if _title_after(text, m.end(), end, pack) or (
            not pack.title_runs_into_name and _boundary_ok(text, m.end()) and _run_in_title(text, start, pos, pack)
        ):
            add(Mention(m.start(), m.start(), m.end(), m.group(), None))
    # A bare name, with no title or honorific beside it: a known given name first and a
    # surname that is no common word (`avec Vladimir Poutine`, `Mamadou Mamour Diallo a …`).
    for c in _WORD_START.finditer(text, start, end):
        if any(o.start <= c.start() < o.end for o in found.values()):
            continue
        before = text[max(start, c.start() - 40):c.start()]
        word = _CAPITAL_BEFORE.search(before)
        if word and not pack.is_title_word(word.group().strip(" .")) and not pack.demonym_country(word.group().strip(" .")):
            continue  # the end of a longer capitalised run: `Jon Tong Chol`, not `Tong Chol` (not `le Malien X`)
        venue = pack.venue_head.search(before)
        if venue and not before[venue.end():].strip():
            continue  # a place named after a person: `au palais Constantin`
        m = name_re.match(text, c.start(), end)
        if not m or not _boundary_ok(text, m.end()):
            continue
        words = m.group().split()
        if len(words) == 1 and morphology.surname(words[0], pack.data) and not (
                fold(words[0]) in pack.title_words or pack.title_head.fullmatch(words[0])) \
                and _plausible(m.group(), pack, single_ok=True, particle_ok=False):
            add(Mention(m.start(), m.start(), m.end(), m.group(), None))  # a surname alone (`Путин`)
        elif len(words) >= 2 and officials.state_of(m.group()) and fold(words[0]) not in pack.not_names:
            add(Mention(m.start(), m.start(), m.end(), m.group(), None))  # a listed official: `Assimi Goïta`
        elif (len(words) >= 2 and (given_name(words[0]) or morphology.given(words[0], pack.data))
                and (not pack.is_common(words[-1]) or _proper_here(words[-1], text, pack))
                and (not pack.is_title_word(words[0]) or _proper_here(words[0], text, pack))
                and _plausible(m.group(), pack, single_ok=False, particle_ok=False)
                and not geo.city_country(m.group(), pack.places)):  # `New York`
            add(Mention(m.start(), m.start(), m.end(), m.group(), None))
    ordered = sorted(found.values(), key=lambda x: x.start)
    return [_with_title(text, start, end, m, ordered, pack) for m in ordered]


_WORD_BEFORE = re.compile(rf"([{UPPER}][\w{APOS}\-]*|\w+)\s+$")


def _surname_follows(text: str, pos: int, end: int, pack: Pack) -> bool:
    """A list separator then a single capitalised word that may be a surname (`… et Saïed`)."""
    sep = pack.list_separator.match(text, pos, end)
    m = _name_re(pack).match(text, sep.end(), end) if sep else None
    return bool(m) and " " not in m.group() and _plausible(m.group(), pack, single_ok=True, particle_ok=False) \
        and _boundary_ok(text, m.end())


def _particle_next(text: str, pos: int, pack: Pack) -> bool:
    """Whether the word at `pos` is a name particle (`Cheikh Ould …`, `Sultan bin Ahmed …`):
    the word before it is a given name, not a rank or title."""
    word = re.match(r"[\w\-]+", text[pos:pos + 20])
    return bool(word) and word.group().casefold() in pack.particles


def _inside_name(text: str, head_end: int, lo: int, pack: Pack) -> bool:
    """Whether the title word ending at `head_end` is a word of a name around it: after a
    name particle or a given name (`Ismail Ould Cheikh Ahmed`, `Mohamed Cheikh Ahmed`)."""
    head_start = text.rfind(" ", lo, head_end) + 1
    if not text[head_start:head_start + 1].isupper():
        return False
    before = _WORD_BEFORE.search(text, max(lo, head_start - 30), head_start)
    if before is None:
        return False
    word = before.group(1)
    return word[:1].isupper() and (word.casefold() in pack.particles or given_name(word)) \
        and not pack.is_title_word(word) and not pack.demonym_country(word)


def _from_name_words(m: Mention, pack: Pack) -> Mention | None:
    """The mention from its first word that the pack's analyser may read as part of a name
    on, all words after it being so too; None when no word is."""
    words = m.name.split()
    k = 0
    while k < len(words) and not morphology.name_word(words[k], pack.data):
        k += 1
    if k == len(words):
        return None
    m = _drop_words(m, k) if k else m
    # (… and up to a word that starts no name: `Алексеем Бородавкиным Глава государства`)
    words = list(re.finditer(r"\S+", m.name))
    stop = next((w for w in words[1:] if fold(w.group()) in pack.not_names
                 or pack.title_head.fullmatch(w.group())), None)
    if stop is not None:
        short = m.name[:stop.start()].rstrip()
        m = replace(m, end=m.name_start + len(short), name=short)
    return m


def _plural_title_mentions(text: str, start: int, end: int, pack: Pack) -> list[Mention]:
    """Each name a plural title introduces, with its own singular title: the title's
    coordinated complements are shared out in order when there are as many as names
    (`Foreign Ministers of Azerbaijan and Georgia X and Y` -> `Foreign Minister of
    Azerbaijan` X, `Foreign Minister of Georgia` Y); otherwise each gets the whole title."""
    out: list[Mention] = []
    name_re = _name_re(pack)
    for t in pack.plural_head.finditer(text, start, end):
        comma = _COMMA_SPACE.search(text, t.end(), min(end, t.end() + 120))
        dash = _DASH.search(text, t.end(), min(end, t.end() + 120))
        title_end = first = None
        surnames = False  # `les présidents Macron et Saïed`: surnames alone
        direct = name_re.match(text, t.end() + 1, end) if text[t.end():t.end() + 1] == " " else None
        if direct and _plausible(direct.group(), pack, single_ok=False, particle_ok=False):
            title_end, first = t.end(), direct.start()  # `des présidents Ilham Aliyev, Recep …`
        elif direct and " " not in direct.group() and _plausible(direct.group(), pack, single_ok=True, particle_ok=False) \
                and _surname_follows(text, direct.end(), end, pack):
            title_end, first, surnames = t.end(), direct.start(), True
        elif dash and not pack.any_trigger.search(text, t.end(), dash.start()) and (
            after_dash := name_re.match(text, dash.end(), end)
        ) and _plausible(after_dash.group(), pack, single_ok=False, particle_ok=False):
            title_end, first = dash.start(), dash.end()  # `… of A, B and C - X, Y and Z`
        elif comma and not pack.any_trigger.search(text, t.end(), comma.start()) and name_re.match(text, comma.end(), end):
            title_end, first = comma.start(), comma.end()
        elif pack.title_runs_into_name:
            span = _run_in_name(text, t.end(), end, pack)
            if span:
                title_end, first = span[0], span[0]
        elif pack.data.get("morphology"):
            # (the title's complements run into the names, told apart by the analyser:
            # `министры обороны Греции и Чили Никос Папас и Хуан Перес`)
            for w in re.finditer(r"\S+", text[t.end():min(end, t.end() + 80)]):
                if re.search(r"[,.;:()«»\"]", w.group()) or pack.plural_head.match(text, t.end() + w.start()):
                    break  # (another plural title starts another list)
                if w.group()[:1].isupper() and morphology.name_word(w.group(), pack.data):
                    title_end = first = t.end() + w.start()
                    break
        listed = _state_name_list(text, t, end, pack) or _demonym_name_list(text, t, end, pack)
        if listed or first is None:
            out += listed
            continue
        names = []
        pos = first
        while len(names) < 8:
            m = name_re.match(text, pos, end)
            if not m or not _plausible(m.group(), pack, single_ok=surnames, particle_ok=False) or (
                    surnames and " " in m.group()):
                break
            names.append(m)
            sep = pack.list_separator.match(text, m.end(), end)
            if not sep:
                break
            pos = sep.end()
        if len(names) < 2 or not _boundary_ok(text, names[-1].end()):
            continue
        singular = pack.singular_title(t.group())
        tail = text[t.end():title_end].rstrip(" ,")
        # `Azerbaijani and Uzbek Prime Ministers X and Y`: one nationality each, in order.
        lead = _capitalised_list(pack).search(text, max(start, t.start() - 80), t.start())
        adjectives = pack.list_separator.split(lead.group(1)) if lead else []
        if len(adjectives) == len(names) and all(pack.demonym_country(a) for a in adjectives):
            for m, adjective in zip(names, adjectives):
                title = f"{adjective} {singular}{tail}".strip()
                out.append(Mention(m.start(), m.start(), m.end(), m.group(), None, title, lead.start(), title_end))
            continue
        parts = [p for p in pack.list_separator.split(tail) if p and p.strip()]
        shared = [tail] * len(names)
        if len(parts) == len(names) and all(pack.demonym_country(p.strip()) for p in parts):
            shared = [" " + p.strip() for p in parts]  # `les ministres azerbaïdjanais et ouzbek`
        elif len(parts) == len(names) and pack.data.get("state_after_title") and all(
                _state(p.strip(), pack)[1] == len(p.strip()) for p in parts[1:]) and (
                at := _state_after(parts[0], len(parts[0]), pack)
                or (0 if _state(parts[0].strip(), pack)[1] == len(parts[0].strip()) else None)) is not None:
            # `президенты Греции и Чили`, `министры иностранных дел Греции и Чили`:
            # the words before the first state are everyone's
            shared = [parts[0]] + [(parts[0][:at] or " ") + p.strip() for p in parts[1:]]
        elif len(parts) == len(names):
            ofs = list(pack.of_word.finditer(" " + parts[0]))
            if ofs:
                prefix, of = parts[0][:ofs[-1].start()], ofs[-1].group()
                shared = [parts[0]] + [
                    prefix + (" " + p.strip() if pack.of_word.match(" " + p.strip()) else of + p.strip())
                    for p in parts[1:]
                ]
        for m, own in zip(names, shared):
            title = re.sub(r"\s+", " ", singular + own).strip()
            out.append(Mention(m.start(), m.start(), m.end(), m.group(), None, title, t.start(), title_end))
    return out


def _state_name_list(text: str, t: re.Match, end: int, pack: Pack) -> list[Mention]:
    """`foreign ministers of Spain A B, Latvia C D and Poland E F`, `Ambassadors
    Plenipotentiary of Peru A B, the Republic of Korea C D`: a
    plural title whose complement lists each person after their state; each gets the title
    of that state."""
    pos = t.end() + (1 if text[t.end():t.end() + 2] == ", " else 0)  # (`des ambassadeurs, de la Serbie, A, …`)
    qualifiers = re.match(rf"(?:\s+(?:[{UPPER}][\w\-]*|and|et))*", text[pos:min(end, pos + 60)])
    of = pack.of_word.match(text, pos, end) or pack.of_word.match(text, pos + qualifiers.end(), end)
    head_end = None
    if of is None:
        # (`les ambassadeurs désignés de la Suisse, A, …`: an adjective after the head, left
        # out of each one's title)
        adjective = re.match(r"\s+[^\W\d_]+(?=\s)", text[pos:min(end, pos + 40)])
        of = pack.of_word.match(text, pos + adjective.end(), end) if adjective else None
        head_end = pos
    if of is None:
        return []
    title_words = text[t.start():head_end or of.start()].split()
    singular = " ".join([pack.singular_title(t.group())] + title_words[len(t.group().split()):])
    pos = of.end()
    name_re = _name_re(pack)
    out: list[Mention] = []
    while len(out) < 12:
        again = pack.of_word.match(text, pos - 1, end) if out and pos else None
        # (each member's title starts at its own `de`, so that only the comma links them)
        title_start = again.start() + 1 if again else pos
        pos = again.end() if again else pos  # (`… de Irán, A, y de Venezuela, B`: `de` again)
        article = pack.title_noise.match(text[pos:min(end, pos + 8)])
        at = pos + (article.end() if article else 0)
        state = state_at(text, at, end, pack)
        if state is None:
            break
        # (`Tajikistan [Sirodjiddin Muhriddin]`: the name in brackets after its state;
        # `de Irán, Morteza Tafreshi,`: after a comma)
        bracket = text[at + len(state):at + len(state) + 2] == " ["
        comma = text[at + len(state):at + len(state) + 2] == ", "
        at_name = at + len(state) + (2 if bracket or comma else 1)
        honorific = pack.honorific.match(text, at_name, end) if comma else None
        if honorific:  # (`de la Suisse, S.E. A, …`: the honorific is the name's)
            at_name = honorific.end() + (1 if text[honorific.end():honorific.end() + 1] == " " else 0)
        m = name_re.match(text, at_name, end)
        if text[at + len(state):at + len(state) + 1] not in (" ", ",") or not m or not _plausible(
            m.group(), pack, single_ok=False, particle_ok=False
        ) or (bracket and text[m.end():m.end() + 1] != "]"):
            break
        title = f"{singular}{of.group().rstrip()} {state}"
        out.append(Mention(honorific.start() if honorific else m.start(), m.start(), m.end(), m.group(),
                           honorific.group() if honorific else None, title, title_start, m.start()))
        sep = pack.list_separator.match(text, m.end() + (1 if bracket else 0), end)
        if not sep:
            break
        pos = sep.end()
    return out if len(out) >= 2 and _boundary_ok(text, out[-1].end) else []


def _demonym_name_list(text: str, t: re.Match, end: int, pack: Pack) -> list[Mention]:
    """`les ambassadeurs chinois A, indonésien B et français C`, `los embajadores chino A y
    francés B`: a plural title then each person after the adjective of their state; each
    gets the title with that adjective."""
    singular = pack.singular_title(t.group())
    name_re = _name_re(pack)
    out: list[Mention] = []
    pos = t.end()
    # (`des ministres des Affaires étrangères azerbaïdjanais A, turc B`: the title's complement
    # before the first adjective is everyone's)
    for w in re.finditer(r"\s([^\W\d_]+)(?=\s+[^\W\d_])", text[pos:min(end, pos + 60)]):
        if re.search(r"[,;:.()]", text[pos:pos + w.start()]):
            break
        if w.group(1)[:1].islower() and pack.demonym_country(w.group(1)) and text[pos + w.end() + 1:][:1].isupper():
            singular += text[pos:pos + w.start()]
            pos += w.start()
            break
    while len(out) < 12:
        adjective = re.match(r"\s*([^\W\d_]+)\s+", text[pos:min(end, pos + 40)])
        if not adjective or not adjective.group(1)[:1].islower() or not pack.demonym_country(adjective.group(1)):
            break
        at = pos + adjective.end()
        m = name_re.match(text, at, end)
        if not m or not _plausible(m.group(), pack, single_ok=False, particle_ok=False):
            break
        out.append(Mention(m.start(), m.start(), m.end(), m.group(), None, f"{singular} {adjective.group(1)}",
                           pos + adjective.start(1), m.start()))
        sep = pack.list_separator.match(text, m.end(), end)
        if not sep:
            break
        pos = sep.end() - 1 if text[sep.end() - 1:sep.end()] == " " else sep.end()
    return out if len(out) >= 2 and _boundary_ok(text, out[-1].end) else []


def state_at(text: str, at: int, end: int, pack: Pack) -> str | None:
    """The longest run of words right at `at` that names a state (`Latvia`, `the
    Republic of Korea`, `république islamique d’Iran`), as written; None when none does."""
    words = list(re.finditer(r"[\w’'\-]+", text[at:min(end, at + 60)]))
    if not words or words[0].start() != 0:
        return None
    for n in range(min(6, len(words)), 0, -1):
        last = re.split(r"[’']", words[n - 1].group())[-1]  # (`d’Iran`)
        if last[:1].isupper():
            phrase = text[at:at + words[n - 1].end()]
            if re.fullmatch(r"[\w’'\- ]+", phrase) and geo.country_code(phrase, pack.code, pack.countries):
                return phrase
    return None


@functools.cache
def _capitalised_list(pack: Pack) -> re.Pattern:
    """Capitalised words joined by the pack's list separators, ending right before a
    position (`Azerbaijani and Uzbek ` before `Prime Ministers`)."""
    word = rf"[{UPPER}][\w\-]+"
    return re.compile(rf"((?:{word}(?:{pack.list_separator.pattern}))+{word})\s+$")


def _run_in_title(text: str, lo: int, pos: int, pack: Pack) -> bool:
    """Whether a job title ends right before `pos` with no punctuation or verb between
    its head and `pos`, within six words."""
    region = text[lo:pos]
    cut = max((p.end() for p in re.finditer(r"[,;:()«»]|\.\s", region)), default=0)
    heads = list(pack.title_head.finditer(region, cut))
    if not heads:
        return False
    between = region[heads[-1].end():]
    if len(between.split()) > 6 or pack.any_trigger.search(between) or pack.org_head.search(between):
        return False
    # `de l’Organisation du Monde Islamique`: after a preposition comes a name of a thing.
    return not pack.link_before_name.search(between)


_AFTER_LOWER = re.compile(rf"(?=[{UPPER}])(?<=[{LOWER}]\s)")


_TOKEN = re.compile(r"\([^()]{1,20}\)|[\w’'.\-]+|,")


def _run_in_name(text: str, pos: int, end: int, pack: Pack) -> tuple[int, int] | None:
    """The name a title runs into (`Minister of Energy Parviz Shahbazov`): the capitalised
    words after the title's own vocabulary (portfolio words, states, organisations)."""
    tokens = list(itertools.islice(_TOKEN.finditer(text, pos, end), 30))  # a title and a name fit
    connectors = pack.run_connectors
    name: list[re.Match] = []
    common: re.Match | None = None  # the last word skipped only for being a common word
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        word = tok.group()
        if text[tokens[k - 1].end() if k else pos:tok.start()].strip():
            break  # punctuation between tokens ends the run
        if pack.nouns_capitalised and not name and k and tokens[k - 1].group().casefold() in connectors \
                and word[:1].isupper():
            k += 1  # (`zur Entgegennahme`: after a link word comes a noun, no name)
            continue
        if word == "," or word.casefold() in connectors or word.startswith("("):
            if name and word.casefold() in pack.particles and _capitalised_next(text, tokens, k):
                name.append(tok)  # `Van der Bellen`: a particle that is also a connector
                k += 1
                continue
            if name:
                break
            if word == "," and k + 1 < len(tokens) and tokens[k + 1].group().casefold() in pack.after_name:
                break  # `…Entity at UNESCO, at UNESCO Headquarters in Paris`: a new phrase
            if (common is not None and k and tokens[k - 1] is common and word.casefold() in pack.after_name
                    and given_name(common.group()) and fold(common.group()) not in pack.title_words):
                name = [common]  # `Pope Francis at the Vatican`: the given name ended the run
                break
            k += 1
            continue
        if not word[0].isupper() and not name and k and word.casefold() in pack.place_nouns \
                and tokens[k - 1].group()[:1].isupper():
            k += 1  # `governor of Kostanay region X`, `mayor of Almaty city X`: still the title
            continue
        if not word[0].isupper():
            particle, _, rest = word.partition("-")
            if name and (word.casefold() in pack.particles or (
                    rest[:1].isupper() and particle.casefold() in pack.particles)) and not (
                    pack.nouns_capitalised and not _name_word_next(text, tokens, k, pack)):  # `el-Sisi`
                name.append(tok)
                k += 1
                continue
            break
        skip = 0 if name else _vocabulary_length(tokens, k, pack)
        only_common = skip == 1 and _only_common(word, pack)
        if only_common and given_name(word) and _capitalised_next(text, tokens, k) \
                and fold(tokens[k + 1].group()) not in pack.title_words:
            skip = 0  # `Executive Director Catherine Russell`: a given name that is also a word
        if skip:
            common = tok if only_common else None
            k += skip
            continue
        if (pack.nouns_capitalised and len(name) >= 2 and pack.is_common(word) and not given_name(word)
                and word.casefold() not in pack.particles
                and not officials.state_of(" ".join(t.group() for t in name) + " " + word)):
            break  # `Kanzler Jan Meier Gespräche`: a noun after the name (not `Recep Tayyip Erdogan`)
        if name and (fold(word) in pack.title_words or pack.org_head.fullmatch(word)):
            # `Rector of Lomonosov Moscow State University X`, `… Friendship Group X`: the
            # words taken for a name were the organisation's; the name may still follow.
            name = []
            common = None
            k += 1
            continue
        name.append(tok)
        k += 1
    while name and (name[-1].group().casefold() in pack.particles or name[-1].group().endswith(",")):
        name.pop()
    if not name and common is not None and given_name(common.group()):
        name = [common]  # `Pope Francis`, `King Charles`: a lone given name that is also a word
    if not name and common is not None and tokens[0] is common and not pack.nouns_capitalised \
            and _lone_surname(tokens, pack):
        name = [common]  # `President Obama to discuss`: a surname that is also a word
    if not name:
        return None
    if len(name) == 1 and common is not None and tokens.index(common) == tokens.index(name[0]) - 1:
        name.insert(0, common)  # `Prime Minister Ali Asadov`: a given name that is also a word
    if len(name) == 1 and pack.nouns_capitalised and _comma_then_name(text, tokens, tokens.index(name[0])):
        return None  # `Direktor des Unternehmens Koral, Emre Kaplan`: the name is the apposition's
    if len(name) == 1:
        # `Head of the Partnerships and International Cooperation Sector`: a lone word that
        # the title goes on after is part of the title.
        after = tokens[tokens.index(name[0]) + 1:tokens.index(name[0]) + 3]
        if len(after) == 2 and after[0].group().casefold() in connectors and after[1].group()[0].isupper() \
                and not (given_name(name[0].group()) and _title_starts(text, after[1], pack)):
            # (but `King Abdullah and Crown Prince Mohammed`: a given name, then another title)
            if not _of_state(text, name[0].end(), end, pack):
                return None
    stop = name[-1].end() - (1 if name[-1].group().endswith(".") and len(name[-1].group()) > 2 else 0)
    # `Queen Mathilde of Belgium`, `King Abdullah II of Jordan`: the span takes the state in,
    # for `mentions()` to move it from the name to the title.
    return name[0].start(), _of_state(text, stop, end, pack) or stop


_SURNAME_ZIPF = 5.0  # (`Obama` 4.9, `Trump` 4.9 on wordfreq's scale; `January` 5.1, `Care` 5.6)


def _lone_surname(tokens: list[re.Match], pack: Pack) -> bool:
    """Whether the one word right after a title, a common word of the language but none of
    a title's vocabulary, is a surname: the run ends after it (a lower-case word, the
    sentence's end), and it is not among the language's most frequent words."""
    word = tokens[0].group().rstrip(".")
    after = tokens[1].group() if len(tokens) > 1 else ""
    return (not after or after[0].islower() or after in (".", ";", ":", "!", "?", ")")) \
        and not pack.is_common(word, _SURNAME_ZIPF) and _plausible(word, pack, single_ok=True, particle_ok=False)


def _title_starts(text: str, word: re.Match, pack: Pack) -> bool:
    """Whether a title starts at this word (`Crown Prince …`, `Saudi Crown Prince …`)."""
    return bool(pack.title_head.match(text, word.start()) or (
        pack.demonym_country(word.group()) and pack.title_head.match(text, skip(text, word.end(), len(text)))))


def _of_state(text: str, pos: int, end: int, pack: Pack) -> int:
    """End of an ` of <state>` right at pos, or 0."""
    of = pack.of_word.match(text, pos, end)
    if not of:
        return 0
    code, length = _state(text[of.end():end], pack)
    return of.end() + length if code else 0


def _comma_then_name(text: str, tokens: list[re.Match], k: int) -> bool:
    """Token k is followed by a comma and a known given name (`Koral, Emre Kaplan`)."""
    return k + 2 < len(tokens) and tokens[k + 1].group() == "," and given_name(tokens[k + 2].group()) \
        and _capitalised_next(text, tokens, k + 2)


def _name_word_next(text: str, tokens: list[re.Match], k: int, pack: Pack) -> bool:
    """The token after k reads as a word of a name (`von der Leyen`), not as a title's or
    a body's (`von der SPD`, `den Botschafter`): where every noun is capitalised, a
    particle is part of a name only so."""
    nxt = tokens[k + 1].group() if k + 1 < len(tokens) else ""
    if nxt.casefold() in pack.particles:
        return _name_word_next(text, tokens, k + 1, pack)
    return nxt[:1].isupper() and not pack.is_title_word(nxt) and not _acronym(nxt) and not pack.org_head.fullmatch(nxt)


def _capitalised_next(text: str, tokens: list[re.Match], k: int) -> bool:
    """The token after k is a capitalised word right after it (a surname may follow)."""
    if k + 1 >= len(tokens):
        return False
    nxt = tokens[k + 1]
    return not text[tokens[k].end():nxt.start()].strip() and nxt.group()[0].isupper()


@functools.lru_cache(maxsize=1)
def _given_names():
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


@functools.lru_cache(maxsize=65_536)
def given_name(word: str) -> bool:
    """Whether a word is a known given name in some country (gender-guesser's lexicon of
    about 40,000 names): `Catherine`, `Rashad`, `Mehriban`, and compounds of them
    (`Jean-Yves`)."""
    word = word.strip(".,")
    if _given_names().get_gender(word) != "unknown":
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p and _given_names().get_gender(p) != "unknown" for p in parts)


def _proper_here(word: str, text: str, pack: Pack) -> bool:
    """A frequent word that this text only ever writes capitalised and that names no title,
    body, state or people: a famous name (`Emmanuel Macron`, `Donald Trump`), which wordfreq
    counts as a common word because it folds case."""
    word = word.strip(".,")
    if pack.nouns_capitalised:
        return False  # (a language that capitalises every noun: no evidence of a name)
    return (word[:1].isupper() and word[1:].islower() and _only_common(word, pack)
            and word.casefold() not in _lower_words(text))


@functools.lru_cache(maxsize=8)
def _lower_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", text) if w[0].islower())


def _only_common(word: str, pack: Pack) -> bool:
    """A word skipped only because it is common (`Ali`, `Park`), not as title vocabulary."""
    return not (
        fold(word) in pack.title_words
        or pack.title_head.fullmatch(word)
        or registry().exact(word) is not None
        or geo.country_code(word, pack.code, pack.countries)
        or pack.demonym_country(word)
    )


KOREAN_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,5}")  # `Byung-se`, `Ki-moon`, `Jae-in`


def _vocabulary_length(tokens: list[re.Match], k: int, pack: Pack) -> int:
    """How many tokens from k belong to a title's vocabulary: an organisation, a state or a
    large city (longest first), a demonym, a title word, or a common word of the language."""
    words = [t.group() for t in tokens[k:k + 6]]
    for n in range(len(words), 1, -1):
        phrase = " ".join(words[:n]).rstrip(".")  # (a token may carry the sentence's full stop)
        if registry().exact(phrase) is not None or geo.country_code(phrase, pack.code, pack.countries) or (
            n <= 3 and geo.city_country(phrase, pack.places, 100_000)  # `… Assembly in New York`
        ):
            return n
    word = words[0]
    if len(words) >= 2 and KOREAN_GIVEN.fullmatch(words[1]):
        return 0  # `Park Min-ho`, `Moon Jae-in`: a surname, whatever else it means
    if (
        registry().exact(word) is not None
        or pack.org_head.fullmatch(word)  # `Azerbaijan Railways`
        or geo.country_code(word, pack.code, pack.countries)
        or any(e and word.endswith(e) and geo.country_code(word[:-len(e)], pack.code, pack.countries)
               for e in pack.state_after_head)  # `Außenminister Georgiens`: a state's genitive
        or pack.demonym_country(word)
        or pack.is_title_word(word)
        # `mayor of Almaty Bakytzhan Sagintayev`: a large city's name (not a given name's:
        # `Florence`, `Jackson`)
        or (geo.city_country(word.rstrip("."), pack.places, 100_000) and not given_name(word))
    ):
        return 1
    # The next word being common too means we are still inside the title.
    return 0


def _plausible(name: str, pack: Pack, single_ok: bool, particle_ok: bool = True, caps_ok: bool = False) -> bool:
    """Whether a capitalised run may be a person's name; `caps_ok`: after an honorific, a
    name of two words or more may be written in capitals (`Mme RETENO ASSONOUET`)."""
    if pack.data.get("morphology"):
        # (the words a title runs into before the name are no part of it: `МИД Малави X Y`)
        found = _from_name_words(Mention(0, 0, len(name), name, None), pack)
        if found is None:
            return False
        name = found.name
    words = name.split()
    if not particle_ok and words[0].casefold() in pack.particles and not (
        # `Le Thi Thu Hang`: a surname that is a particle elsewhere, before two or more names
        len(words) >= 3 and words[0][0].isupper() and all(w[:1].isupper() and not pack.is_title_word(w)
                                                          for w in words[1:])
    ):
        return False
    tokens = [t for t in words if t.casefold() not in pack.particles]
    if not tokens or fold(tokens[0]) in pack.not_names:
        return False
    if not single_ok and len(tokens) < 2:
        return False
    if any(fold(t) in pack.not_names for t in tokens):
        return False
    key = fold(name)
    if geo.country_code(name, pack.code, pack.countries) or key in pack.places:
        return False
    # `North Africa`, `Middle East`: every word a common word and none a given name.
    if len(tokens) > 1 and all(pack.is_common(t) and not given_name(t) and not morphology.given(t, pack.data)
                               for t in tokens):
        return False
    if registry().exact(name) is not None:
        return False
    # `Baku Energy Forum`, `Khazar University`: a name ending in an organisation's head noun;
    # `Kenneth Kaunda International Airport`: in a venue's.
    if len(tokens) > 1 and pack.is_common(tokens[-1]) and (
            pack.org_head.fullmatch(tokens[-1]) or (len(tokens) > 2 and pack.venue_head.fullmatch(tokens[-1]))):
        return False
    if caps_ok and len(tokens) >= 2 and all(len(t) >= 3 for t in tokens):
        return True
    return not _ALL_CAPS.fullmatch(tokens[0])


def _title_before(text: str, lo: int, comma: int, pack: Pack, strict: bool = False) -> tuple[int, int] | None:
    """Span of the job title that ends at `comma` (the comma before a name), if any.
    `strict`: the title must follow the last clause boundary or comma (a run-in title)."""
    region = text[lo:comma]
    heads = list(pack.title_head.finditer(region))
    if not heads:
        return None
    # Latest clause boundary that still leaves a title head after it.
    found = list(pack.clause_bound.finditer(region))
    # (nothing crosses a semicolon: `A, President of Ghana; B, President of Uganda`)
    hard = region.rfind(";") + 1
    bounds = [hard] + [b.end() for b in found if b.end() > hard]
    if strict:
        bounds = [max(bounds + [c.end() for c in re.finditer(r",\s*", region)])]
    joins = {b.end(): b.start() for b in found if pack.and_word.fullmatch(b.group().strip())}
    for b in sorted(bounds, reverse=True):
        after = [h for h in heads if h.start() >= b]
        if after:
            start = after[0].start()
            if pack.data.get("capitalised_premodifiers", True):
                start = _premodifiers_start(region, b, start, pack)
            # (a nationality adjective in lower case before the head: `российский министр`)
            adjective = re.search(r"([^\W\d_]+)\s+$", region[b:start])
            if adjective and pack.demonym_country(adjective.group(1)):
                start = b + adjective.start(1)
            # `Deputy Prime Minister and Minister of Foreign Affairs`: one person's two jobs.
            while start in joins and (before := _title_ending(region, joins[start], pack)) is not None:
                start = before
            # `On the sidelines of the General Assembly, Foreign Minister X`: a rank word
            # that began the title was a word of a name; a head after the last comma starts it.
            if pack.rank.fullmatch(after[0].group()):
                for c in reversed(list(re.finditer(r",\s+", region[start:]))):
                    head = pack.title_head.search(region, start + c.end())
                    if head:
                        start = _premodifiers_start(region, start + c.end(), head.start(), pack)
                        break
            if pack.nouns_capitalised:
                start = _past_verbs(region, start, heads, pack)
            return lo + start, comma
    return None


def _past_verbs(region: str, start: int, heads: list[re.Match], pack: Pack) -> int:
    """Where every noun is capitalised, a lower-case word in a title is an article, a link
    word or an adjective: after any other (`Der türkische Präsident dankte Präsident X`: a
    verb), the title starts again at the next head."""
    for w in re.finditer(r"(?<![\w\-])[a-zäöüß][\w\-]*", region[start:]):
        word = w.group()
        if (word in pack.run_connectors or pack.title_noise.fullmatch(word + " ") or pack.demonym_country(word)
                or (pack.title_premodifier and pack.title_premodifier.match(word + " "))
                or pack.title_head.fullmatch(word)):
            continue
        later = [h for h in heads if h.start() >= start + w.end()]
        if later:
            return _past_verbs(region, _premodifiers_start(region, start + w.end(), later[0].start(), pack), heads, pack)
        return start
    return start


def _title_ending(region: str, end: int, pack: Pack) -> int | None:
    """Start of a title that ends right at `end` (before an `and` joining two jobs)."""
    head = None
    for head in pack.title_head.finditer(region, 0, end):
        pass
    if head is None or region[head.end():end].strip():
        return None
    return _premodifiers_start(region, 0, head.start(), pack)


_PREMODIFIER = re.compile(rf"(?:[{UPPER}][\w\-]*(?:[’']s)?|[\w\-]+[’']s)\s+$")  # `bp’s` too


def _premodifiers_start(region: str, bound: int, head: int, pack: Pack | None = None) -> int:
    """Where a title begins once the capitalised words before its head are counted in
    (`Azerbaijan’s Foreign Minister`, `ICESCO Director-General`)."""
    start = head
    for _ in range(4):
        m = _PREMODIFIER.search(region, bound, start)
        if not m:
            break
        if pack is not None and pack.nouns_capitalised and (start < head or not _names_a_body(m.group().strip(), pack)):
            break  # (every noun is capitalised: `in Peking Bundeskanzler X`; one state or body at most)
        start = m.start()
    if pack is not None and pack.title_premodifier is not None:
        # `der russische Präsident`, `den technischen Direktor`: adjectives written in
        # lower case between an article and the head belong to the title
        first = start
        for _ in range(3):
            m = pack.title_premodifier.search(region, bound, first)
            if not m:
                break
            first = m.start()
            before = region[bound:first].split()
            if not before or pack.title_noise.fullmatch(before[-1] + " "):
                start = first
    return start


def _names_a_body(word: str, pack: Pack) -> bool:
    """A capitalised word before a title that names a state or a body (`Chinas`, `ICESCO`)."""
    return bool(geo.country_code(word, pack.code, pack.countries) or _acronym(word.split("-")[0])
                or registry().exact(word) is not None)


def _title_after(text: str, name_end: int, hi: int, pack: Pack) -> tuple[int, int] | None:
    """Span of the job title in apposition after a name (`, Directeur général de …`)."""
    m = _COMMA_SPACE.match(text, name_end, hi)
    if not m:
        return None
    s = m.end()
    region = text[s:hi]
    noise = pack.title_noise.match(region)
    pos = noise.end() if noise else 0
    head = pack.title_head.match(region, pos)
    for _ in range(3):  # capitalised words before the head: `Azerbaijan’s Ambassador`
        if head:
            break
        word = re.match(rf"[{UPPER}][\w\-]*(?:[’']s)?\s+|[\w\-]+[’']s\s+", region[pos:])
        if not word:
            break
        pos += word.end()
        head = pack.title_head.match(region, pos)
    if not head:
        return None
    cut = pack.apposition_end.search(region, head.end())
    # (blanked time adverbials leave runs of spaces and a comma at the end: not the title's)
    e = s + len(region[:cut.start()].rstrip(" ,") if cut else region.rstrip(" ,."))
    return s, e


def _with_title(text: str, lo: int, hi: int, m: Mention, ordered: list[Mention], pack: Pack) -> Mention:
    if m.title is not None:
        return m  # given by a plural title
    if m.of_state:
        m = replace(_with_title(text, lo, hi, replace(m, of_state=None), ordered, pack), of_state=m.of_state)
        return replace(m, title=f"{m.title or ''} {m.of_state}".strip())
    prev_end = max([o.end for o in ordered if o.end <= m.start] or [lo])
    nxt = min([o.start for o in ordered if o.start >= m.end] or [hi])
    span = None
    before = text[prev_end:m.start].rstrip()
    last_head = None
    for last_head in pack.title_head.finditer(before):
        pass
    # `le ministre de la Défense, le colonel-général Zakir Hasanov`: a rank between the
    # job and the name is no part of either; the job before its comma is the title.
    comma = before.rfind(",")
    ranked = comma >= 0 and m.honorific is None and bool(
        pack.rank.fullmatch(pack.title_noise.sub("", before[comma + 1:].strip()))
    )
    if ranked:
        span = _title_before(text, prev_end, prev_end + comma, pack)
    elif before.endswith(",") and not (
        prev_end > lo and before.lstrip().startswith(",") and _title_after(text, m.end, nxt, pack)
    ):
        # (but in `A, Ambassador of Belgium, B, Ambassador of Canada` the title between two
        # names is the first one's: the second has its own after it)
        span = _title_before(text, prev_end, prev_end + len(before) - 1, pack)
    elif m.honorific and last_head is not None and (last_head.end() == len(before) or pack.title_runs_into_name):
        # `ICESCO Director-General Dr Salim M. AlMalik`, `Ambassador of Italy to Azerbaijan
        # Mr Luca Rossi`: the title runs into the honorific.
        span = _title_before(text, prev_end, prev_end + len(before), pack, strict=True)
    elif m.honorific is None and not pack.coordination_end.search(before):
        # `le président Tokaïev`: the title runs straight into the name (but not across
        # `…, président de l’AZERTAC, et Pablo Gómez, ambassadeur …`: that was the other's).
        span = _title_before(text, prev_end, m.start, pack)
        if span and not pack.title_runs_into_name and text[span[0]:span[1]].strip().count(" ") > 6:
            span = None
        if span and pack.any_trigger.search(text, span[0], span[1]):
            span = None  # `l’ancien conseiller fédéral a rencontré X`: no title runs across a verb
    if span is None:
        span = _title_after(text, m.end, nxt, pack)
    if span is None:
        return m
    s, e = span
    # A blanked time adverbial inside ends the title (`… in the General Assembly today,
    # United Nations Secretary-General Ban Ki-moon`): keep the part next to the name.
    gap = [g.span() for g in re.finditer(r" {3,}", text[s:e])]
    if gap:
        s, e = (s + gap[-1][1], e) if e <= m.start else (s, s + gap[0][0])
    title = text[s:e].strip(" ,")
    if not title:
        return m
    return replace(m, title=title, title_start=s, title_end=e)


# ---------------------------------------------------------------- describing a title


@functools.lru_cache(maxsize=16_384)
def describe(title: str | None, pack: Pack) -> Description:
    """Split a title phrase into position, organisation (as written) and the state served."""
    if not title:
        return Description(None, None, None)
    title = re.sub(r"\s+", " ", title).strip(" ,")
    noise = pack.title_noise.match(title)
    if noise:
        title = title[noise.end():]
    country = None
    city_country = None
    org = None
    org_country = None
    prefix = re.match(r"([^\W\d_][\w]*)-(?=[^\W\d_])", title) if pack.nouns_capitalised else None
    if prefix and pack.title_head.match(title[prefix.end():]):
        # `US-Präsident`, `FPÖ-Obmann`: a state or a body's acronym joined to the head
        country = geo.country_code(prefix.group(1), pack.code, pack.countries)
        if country or (prefix.group(1).isupper() and len(prefix.group(1)) <= 6):
            org = None if country else prefix.group(1)
            title = title[prefix.end():]
    # `Azerbaijan’s Ambassador`, `the company’s Vice President`: a state or an organisation.
    owner = re.match(r"([\w\-]+(?: [\w\-]+){0,3})[’']s\s+", title)
    if owner:
        country = geo.country_code(owner.group(1), pack.code, pack.countries)
        if country is None and (_acronym(owner.group(1)) or registry().lookup(owner.group(1))):
            org = owner.group(1)
        title = title[owner.end():]
    # `Maldives Foreign Minister`, `UAE President`: a state's name used as a premodifier.
    if country is None:
        words = list(re.finditer(r"[\w\-]+", title[:60]))
        for n in (3, 2, 1):
            if len(words) > n and words[0].group()[:1].isupper():
                code = geo.country_code(title[:words[n - 1].end()], pack.code, pack.countries)
                if code and pack.title_head.match(title, words[n].start()):
                    country, title = code, title[words[n].start():]
                    break
    # `ICESCO Director-General`, `World Bank President`: an organisation's acronym or a
    # registry name before the title (a few capitalised words may come between: `ITU
    # Regional Director`).
    lead = _leading_org(title, pack)
    if lead:
        org = org or title[:lead].strip()
        title = title[lead:].lstrip()
    if org:
        org_country = _org_country(org, pack)
    preset_org = org is not None
    # (a head's own `de` is no organisation's: `chargé de mission`, `chef d’état-major`)
    head = pack.title_head.match(title)
    org_end = head.end() if head else 0
    cut = len(title)
    if head and pack.state_after_head:
        # `Botschafter Deutschlands`, `Außenminister Aserbaidschans`: a state's genitive
        # right after the head (its ending taken off)
        after = re.match(r"\s+([\w\-]+)", title[head.end():])
        word = after.group(1) if after else ""
        code = next((c for e in pack.state_after_head if word.endswith(e) and len(word) > len(e) + 2
                     and (c := geo.country_code(word[:len(word) - len(e)], pack.code, pack.countries))), None)
        if code:
            country, cut = country or code, head.end()
    markers = sorted(
        [(m.start(), m.end(), "de") for m in pack.of_word.finditer(title)]
        + [(m.start(), m.end(), "post") for m in pack.posting.finditer(title)]
    )
    for start, end, kind in markers:
        if end <= org_end:
            continue  # inside the organisation's own name
        rest = title[end:]
        if kind == "de":
            code, n = _state(rest, pack)
            if code and not preset_org and _org_length(rest, pack) > n:
                code = None  # `of Azerbaijan Railways`: a body named after its state
            if code:
                country, cut = country or code, min(cut, start)
                break
            city_code = _place(rest, pack)
            if city_code and country is None:
                city_country = city_code  # `Mayor of Berlin`: the state of the city governed
        org_len = 0 if preset_org else _org_length(rest, pack)
        if not org_len and kind == "de" and not preset_org and not _place(rest, pack) \
                and not pack.minister.search(title[:start]):
            org_len = _proper_name_length(rest, pack)  # `vice-président de Siemens Energy`
        if org_len:
            # A later organisation is the larger one: `Head of the X Department at the
            # Ministry of Y` keeps the department in the position.
            org = rest[:org_len].strip(" ,")
            org = pack.company_noun.sub("", org).strip("\"„“”«»")  # `la société Azerenerji` -> `Azerenerji`
            org_end = end + org_len
            cut = start
            org_country = _org_country(org, pack)
            continue
        if kind == "post" and (_state(rest, pack)[0] or _place(rest, pack)):
            cut = min(cut, start)  # a posting (`en Azerbaïdjan`), not part of the job
            break
    if country is None and pack.data.get("state_after_title"):
        before, cut = cut, _state_after(title, cut, pack) or cut
        country = _state(title[cut:], pack)[0] if cut < len(title) else None
        if country is None and cut < before and pack.data.get("morphology"):  # (`Латвийской Республики`)
            country = geo.country_code(morphology.phrase(title[cut:before].strip(" ,"), pack.data), pack.code,
                                       pack.countries)
        # (… or an organisation's acronym: `генеральный секретарь ШОС`)
        acronym = re.search(r"\s(\w{2,10})$", title[:cut])
        if country is None and org is None and acronym and _acronym_word(acronym.group(1)) \
                and acronym.group(1) not in pack.data.get("title_acronyms", []):
            org, cut = acronym.group(1), acronym.start()
            org_country = _org_country(org, pack)
    if org is None and pack.data.get("state_after_title"):
        # (… or a listed organisation in the genitive after the head, in any case form:
        # `председатель Милли Меджлиса`, `верховный представитель Европейского союза по …`)
        for word in re.finditer(r"(?<!\S)\S", title[:cut]):
            length = _listed_length(title[word.start():cut]) if word.start() >= org_end else 0
            if length:
                org, cut = title[word.start():word.start() + length].strip(" ,"), word.start()
                org_country = _org_country(org, pack)
                break
    if _generic(org, pack) and not preset_org:
        org = org_country = None
    if org and not preset_org and pack.minister.match(title) and not pack.national_org.search(org):
        # `ministre des Affaires étrangères et de la Communauté nationale à l’étranger`,
        # `… de la Francophonie`: a minister's portfolio names no body they work for.
        org = org_country = None
        cut = len(title)
    elif org and not preset_org:
        org, inner = _outer_body(org, pack)
        if inner:  # `président du Conseil d’administration de l’AZERTAC` -> AZERTAC
            cut = title.find(inner) + len(inner) if inner in title else cut
            org_country = _org_country(org, pack)
        org, said = _without_demonym(org, pack)  # `Assemblée nationale mauritanienne`
        country = country or (said if not org_country else None)
        org_country = org_country or said
    position = title[:cut].strip(" ,")
    # `président de la République`: the state served, left unnamed, is not the job.
    if pack.state_implied is not None and position and pack.state_implied.search(position):
        position = pack.state_implied.sub("", position)
    # `ministre de la Défense, le colonel-général`: the rank after the job is not the job.
    parts = re.split(r",\s+", position)
    if len(parts) > 1 and pack.rank.match(pack.title_noise.sub("", parts[-1]) or ""):
        position = ", ".join(parts[:-1])
    # `Defense Minister Colonel General`: a rank run into the name after the job, unless it
    # is the job's own last word (`General` in `Secretary General`, `général` in
    # `secrétaire général`).
    for r in pack.rank.finditer(position):
        if r.end() == len(position) and r.start() > 0 and not pack.postposed.fullmatch(r.group()) \
                and pack.title_head.search(position[:r.start()]):
            position = position[:r.start()]
    # Nationality adjectives name the state, not the job (`le ministre azerbaïdjanais`).
    # (A people named in a portfolio is no adjective: `ministre … et des Tunisiens à
    # l’étranger`, `Minister of … and Egyptians Abroad`.)
    adjectives = [d for d in pack.demonym.finditer(position) if not _people_noun(position, d)]
    for d in adjectives:
        country = country or pack.demonym_country(d.group())
    for d in reversed(adjectives):
        position = position[:d.start()] + position[d.end():]
    position = re.sub(
        r"\b(?:nouvel|nouveau|nouvelle|sortant|sortante|nouvellement nommée?)\b", "", position
    )
    position = re.sub(r"\s{2,}", " ", position).strip(" ,")
    position = re.sub(r"\s+,", ",", position)
    for form, citation in pack.position_forms:  # `des Präsidenten` -> `Präsident`
        position = form.sub(citation, position)
    return Description(position or None, org, country or (None if org else city_country), org_country)


def _state_after(title: str, cut: int, pack: Pack) -> int | None:
    """Where a state named at the end of a title with no linking word starts (a genitive:
    `президент России`, `министр иностранных дел Турецкой Республики`), if one does."""
    words = list(re.finditer(r"[\w\-]+", title[:cut]))
    for n in (3, 2, 1):
        if len(words) <= n:
            continue
        phrase = title[words[-n].start():cut].strip(" ,")
        if geo.country_code(phrase, pack.code, pack.countries) or (
            n > 1 and pack.data.get("morphology")  # (`Латвийской Республики`)
            and geo.country_code(morphology.phrase(phrase, pack.data), pack.code, pack.countries)
        ):
            start = words[-n].start()
            # (with the word that makes it a state's style: `Республики Гана`)
            for j in (len(words) - n - 1, len(words) - n - 2):
                if j > 0 and pack.state_prefix.fullmatch(title[words[j].start():start]):
                    return words[j].start()
            return start
    return None


def _outer_body(org: str, pack: Pack) -> tuple[str, str | None]:
    """The body a governing organ belongs to (`Conseil d’administration de l’AZERTAC` ->
    AZERTAC, `Board of Directors of X` -> X), and the organ, which stays in the position.
    Bodies of their own (`École … de l’Université ADA`, `Congrès … du Conseil de l’Europe`)
    and bodies named after a state or city keep their name."""
    if registry().resolve(org).known:
        return org, None
    for of in pack.of_word.finditer(" " + org):
        head, tail = org[:of.start()].strip(" ,"), org[of.end() - 1:].strip(" ,")
        post = pack.posting.search(tail)
        tail = tail[:post.start()].strip(" ,") if post else tail  # `… en Azerbaïdjan`
        if not head or not tail or not pack.governing_body.fullmatch(head):
            continue
        if _state(tail, pack)[0] or _place(tail, pack):
            continue
        if registry().resolve(tail).known or pack.org_head.match(tail) or _acronym(tail):
            return tail, head
    return org, None


def _without_demonym(org: str, pack: Pack) -> tuple[str, str | None]:
    """An organisation's name without the nationality adjective the text gave it, and the
    state it names (`Azerbaijani Milli Majlis` -> Milli Majlis, AZ)."""
    if registry().resolve(org).known:
        return org, None
    d = pack.demonym.search(org)
    if d is None or _people_noun(org, d):
        return org, None
    rest = re.sub(r"\s{2,}", " ", org[:d.start()] + org[d.end():]).strip(" ,")
    # Only an adjective the writer added: after the name (`Assemblée nationale
    # mauritanienne`), or before a listed body (`Azerbaijani Milli Majlis`); the Swedish
    # Civil Contingencies Agency is called so.
    added = org[d.end():].strip(" ,") == "" or registry().resolve(rest).known
    return (rest, pack.demonym_country(d.group())) if rest and added else (org, None)


_PEOPLE_LEAD = re.compile(r"(?:\b(?:des|aux|and|et|of|the|for)\s+)$", re.IGNORECASE)


def _people_noun(text: str, d: re.Match) -> bool:
    """`des Tunisiens`, `and Egyptians`: a capitalised plural after an article or a link."""
    word = d.group()
    return word[:1].isupper() and word.endswith("s") and bool(_PEOPLE_LEAD.search(text[:d.start()]))


def _leading_org(title: str, pack: Pack) -> int:
    """Length of the organisation named before a title's head, or 0."""
    words = list(re.finditer(r"[A-Z][\w\-]*(?=\s)", title[:80]))
    lead_words = []
    for w in words:  # consecutive capitalised words from the start
        if w.start() != (lead_words[-1].end() + 1 if lead_words else 0):
            break
        lead_words.append(w)
    for n in range(min(len(lead_words), 4), 0, -1):
        name = title[:lead_words[n - 1].end()]
        if n == 1 and not (_acronym(name) or (len(name) <= 10 and registry().lookup(name))):
            continue
        if n > 1 and registry().exact(name) is None and not (
            pack.org_head.fullmatch(lead_words[n - 1].group()) and pack.title_head.match(title, lead_words[n - 1].end() + 1)
        ):
            continue  # … or a name ending in its head noun, right before the title (`Organizing Committee President`)
        rest = lead_words[n - 1].end() + 1
        if any(pack.title_head.match(title, rest + w.start())
               for w in re.finditer(r"(?:^|(?<=\s))(?=\S)", title[rest:rest + 60])
               if title[rest:rest + w.start()].count(" ") <= 2
               and not re.search(r"\s[a-z]", " " + title[rest:rest + w.start()])):
            return rest
    return 0


def affiliation(phrase: str, pack: Pack) -> Description:
    """Organisation and state of a group (`de l’Université de Strasbourg`, `néerlandaise`)."""
    phrase = " " + phrase.strip(" ,")
    org = country = org_country = None
    m = pack.of_word.match(phrase)
    if m:
        rest = phrase[m.end():]
        length = _org_length(rest, pack)
        if length:
            org = rest[:length].strip(" ,")
            org_country = _org_country(org, pack)
            if _generic(org, pack):
                org = org_country = None
            # `de l’Assemblée nationale du Pakistan`: the state the body belongs to.
            of = pack.of_word.match(" " + rest[length:].lstrip(" ,"))
            if of:
                country, _ = _state((" " + rest[length:].lstrip(" ,"))[of.end():], pack)
        else:
            country, _ = _state(rest, pack)
            # `de la société britannique bp`: a registry name inside the phrase.
            for w in re.findall(r"[\w\-]+", rest):
                known = registry().exact(w)
                if known is not None and not pack.is_common(w):
                    org, org_country = w, known.country
                    break
    for d in pack.demonym.finditer(phrase):
        country = country or pack.demonym_country(d.group())
    return Description(None, org, country, org_country)


def _state(rest: str, pack: Pack) -> tuple[str | None, int]:
    """A state named at the start of `rest` (`République d’Azerbaïdjan`, `Hongrie`)."""
    body = rest
    p = pack.state_prefix.match(body)
    offset = p.end() if p else 0
    words = re.findall(r"[\w’'\-]+", body[offset:])[:5]
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        code = geo.country_code(candidate, pack.code, pack.countries)
        if code is None and p:
            code = geo.country_code(body[: offset] + candidate, pack.code, pack.countries)
        if code:
            return code, offset + len(candidate)
    if p:
        full = geo.country_code(" ".join(re.findall(r"[\w’'\-]+", body)[:6]), pack.code, pack.countries)
        if full:
            return full, len(body)
    return None, 0


def _generic(org: str | None, pack: Pack) -> bool:
    """A bare lower-case head noun (`à l’ambassade`, `au ministère`): no particular body."""
    return bool(org) and " " not in org and org[0].islower() and bool(pack.org_head.fullmatch(org))


def _listed_length(rest: str) -> int:
    """Length of the registry organisation named at the start of `rest` (its longest
    form, with its acronym in brackets after it), or 0."""
    reg = registry()
    words = list(re.finditer(r"\S+", rest))
    for n in range(min(len(words), 14), 0, -1):
        candidate = rest[: words[n - 1].end()].rstrip(",;")
        # (one word must be an acronym or a name as listed: a single word's typo is another word)
        if reg.lookup(candidate) is not None and (n > 1 or _acronym(candidate) or reg.named(candidate)):
            paren = re.match(r"\s*\([^()]{2,15}\)", rest[len(candidate):])
            return len(candidate) + (paren.end() if paren else 0)
    return 0


def _org_length(rest: str, pack: Pack) -> int:
    """Length of the organisation name that starts `rest`, or 0 when none does."""
    listed = _listed_length(rest)
    if listed:
        return listed
    words = list(re.finditer(r"\S+", rest))
    if not words:
        return 0
    first = words[0].group()
    if _acronym(first.strip(",;()")):
        length = len(first.rstrip(",;"))
        head = pack.org_head.match(rest, length + 1) if first == first.rstrip(",;") else None
        return head.end() if head else length  # `ADA University`
    head = pack.org_head.match(rest)
    if not head:
        # `Swedish Civil Contingencies Agency`: a capitalised name ending in its head noun.
        run = re.match(rf"(?:[{UPPER}][\w’'\-]*\s+){{0,5}}[{UPPER}][\w’'\-]*", rest)
        if not run or not any(pack.org_head.fullmatch(w) for w in run.group().split()[1:]):
            return 0
        last = max(i for i, w in enumerate(run.group().split()) if pack.org_head.fullmatch(w))
        length = sum(len(w) + 1 for w in run.group().split()[: last + 1]) - 1
        tail = pack.org_tail.match(rest[length:])  # `Committee for Work with Diaspora`
        return length + (tail.end() if tail else 0)
    if pack.org_head_with_state.match(rest):
        return len(rest)
    # Up to its acronym in brackets, a state, a posting or a comma.
    paren = re.search(r"\([^()]{2,15}\)", rest)
    stop = len(rest)
    for m in pack.of_word.finditer(rest):
        code, length = _state(rest[m.end():], pack)
        if code:
            # A state's own body (`ministère des Affaires étrangères de la République
            # d’Azerbaïdjan`) is named without the state, which goes to the country; other
            # bodies keep it in their name (`Chemins de fer d’Azerbaïdjan`, `Banque
            # centrale de la République d’Azerbaïdjan`).
            stop = m.start() if pack.national_org.match(rest) else m.end() + length
            break
    post = pack.posting.search(rest)
    if post:
        stop = min(stop, post.start())
    if paren and paren.end() <= stop + 1:
        return paren.end()
    # A comma ends the name unless a capitalised word follows (`Ministry of Investment,
    # Industry and Trade`).
    comma = re.search(r",\s+(?![A-Z])", rest[:stop])
    if comma and not paren:
        stop = comma.start()
    return stop


_PROPER_NAME = re.compile(rf"[{UPPER}][\w\-&]*(?: [{UPPER}][\w\-&]*){{0,3}}(?=[\s,.;)\"”“»]|$)")


def _proper_name_length(rest: str, pack: Pack) -> int:
    """Length of a company-like proper name at the start of `rest` (`Siemens Energy`): a
    run of up to four capitalised words whose first is neither a common word nor a title
    word (a portfolio such as `Culture` is both), and no state."""
    noun = pack.company_noun.match(rest)  # `la société Azerenerji`: surely a company
    at = noun.end() if noun else 0
    if noun and rest[at:at + 1] in "\"„“«":
        at += 1  # `des Unternehmens "Baykar"`
    run = _PROPER_NAME.match(rest, at)
    if not run:
        return 0
    first = run.group().split()[0]
    if not noun and (pack.is_common(first) or fold(first) in pack.title_words or _state(run.group(), pack)[0]
                     or not _plausible_org_name(run.group(), pack)):
        return 0
    return run.end()


def _plausible_org_name(name: str, pack: Pack) -> bool:
    # A person's name after `de` (`la fille de Heydar Aliyev`) is no organisation.
    words = name.split()
    return not (len(words) >= 2 and given_name(words[0]) and not pack.is_common(words[-1]))


def _place(rest: str, pack: Pack) -> str | None:
    m = re.match(r"[\w’'\-]+(?:\s[A-Z][\w’'\-]+)?", rest)
    if not m or not m.group()[0].isupper():
        return None
    # Only a large city: small places share names with common words (`Santé`, `Union`).
    return geo.city_country(m.group(), pack.places, 100_000) or geo.city_country(
        m.group().split()[0], pack.places, 100_000
    )


def _acronym_word(word: str) -> bool:
    """A word of capitals only, in any script (`ШОС`, `ICRC`)."""
    return word.isupper() and word.isalpha()


def _acronym(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{1,9}", word)) and sum(c.isupper() for c in word) >= 2


def _org_country(org: str, pack: Pack) -> str | None:
    known = registry().resolve(org)
    if known.known:
        return known.country
    for m in pack.of_word.finditer(" " + org):
        parent = registry().resolve(org[m.end() - 1:].strip())
        if parent.known and parent.country is None:
            return None  # `Commission de Venise du Conseil de l’Europe`: a body of an international one
    for m in pack.of_word.finditer(" " + org):
        code, _ = _state(org[m.end() - 1:], pack)
        if code:
            return code
    for d in pack.demonym.finditer(org):
        return pack.demonym_country(d.group())
    code, _ = _state(org, pack)  # `Azerbaijan Railways`
    if code:
        return code
    lead = re.match(rf"[{UPPER}][\w\-]+(?: [{UPPER}][\w\-]+)?", org)
    if lead:  # `Abu Dhabi Investment Authority`, `Tashkent City Hall`: named after a large city
        for name in (lead.group(), lead.group().split()[0]):
            code = geo.city_country(name, pack.places, 100_000)
            if code and fold(name) not in pack.not_names and registry().exact(name) is None:
                return code
    # `Université de Strasbourg`, `Université d’État de Bakou`: a city the name is "of".
    for m in pack.of_word.finditer(" " + org):
        word = re.match(rf"[{UPPER}][\w\-]+", org[m.end() - 1:])
        code = geo.city_country(word.group(), pack.places) if word else None
        if code and fold(word.group()) not in pack.not_names:
            return code
    return None
