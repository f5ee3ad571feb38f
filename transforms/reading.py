"""Stage 1, finding: the people a dispatch names and the meeting triggers of its sentences.

`Reading(d, pack)` splits the text into sentences, blanks time adverbials out of it (so
that names, triggers and links see through them), finds every person mention with the
title beside it and joins the mentions of one person; `trigger(sentence)` finds the
sentence's meeting trigger. The later stages (`linking`, `roles`, `extract`) read from it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from transforms import geo, morphology, officials, references
from transforms.adverbials import masked
from transforms.lang import Pack, Trigger
from transforms.parse import Dispatch
from transforms.people import KOREAN_GIVEN, Description, Mention, affiliation, describe, mentions
from transforms.text import APOS, Span, fold, sentences, words_pattern


@dataclass
class Person:
    """One real person in a dispatch: every mention of them, and who they are."""

    mentions: list[Mention]
    description: Description = field(default_factory=lambda: Description(None, None, None))
    full: Mention = field(init=False)  # the fullest mention (the earliest of the longest)
    key: list[str] = field(init=False)  # its words folded, for matching other mentions

    def __post_init__(self) -> None:
        self._refresh()

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        if (len(m.tokens), -m.start) > (len(self.full.tokens), -self.full.start):
            self._refresh()

    def _refresh(self) -> None:
        self.full = max(self.mentions, key=lambda m: (len(m.tokens), -m.start))
        self.key = [fold(t) for t in self.full.tokens]

    @property
    def surname(self) -> str:
        return self.key[-1]


@dataclass
class Meeting:
    """A meeting found: the sentence that states it, its trigger and its parties' roles."""

    sentence: int
    trigger: Trigger | None
    roles: dict[int, str]  # person index -> role
    evidence: Span
    retold: list[int] = field(default_factory=list)  # later sentences that tell it again
    parts: int = 1  # the meetings its sentence was split into (`separately`)
    at: int = -1  # where its trigger starts in the text


class Reading:
    """A dispatch read for people and triggers, sentence by sentence."""

    def __init__(self, d: Dispatch, pk: Pack):
        self.d = d
        self.pk = pk
        # Names, triggers and their links are read with time adverbials blanked out.
        self.text = masked(d.text, pk)
        # Lower-cased, for the case-sensitive (faster) versions of the pack's phrase patterns.
        lower = self.text.lower()
        self.lower = lower if len(lower) == len(self.text) else None
        self.sents = [s for s in sentences(d.text) if not _skipped(s.text, pk)]
        self._triggers: dict[int, tuple[Trigger, re.Match] | None] = {}
        self._details: dict[int, bool] = {}  # sentence -> whether it names a meeting and a detail of it
        self._index = {s.start: i for i, s in enumerate(self.sents)}
        # The state an official whose state goes unsaid serves: the agency's; else the
        # dateline's; else the state the text names most.
        where = geo.city_country(d.dateline_city, pk.places) if d.dateline_city else None
        self.home = geo.agency_country(d.agency, where) or (where if d.dateline_city else None)
        # (a guess, told apart: in a bilateral story the state named most is often the visitor's)
        self.home_guessed = self.home is None
        # The states the text names at least twice, most named first (only for a guess).
        self.named_states = self._named_states() if self.home_guessed else []
        self.home = self.home or next(iter(self.named_states), None)
        self.people: list[Person] = []
        self.sent_mentions: list[list[tuple[int, Mention]]] = []
        self.delegates: set[int] = set()  # people leading a delegation (visitors)
        self.cache: dict[str, object] = {}  # what later stages compute once per dispatch
        self._given: dict[int, int] = {}  # a given name used alone: its start -> the person
        self._names_for: tuple[int, ...] | None = None  # the people `_names` was made for
        self._names: list[tuple[str, int | None]] = []
        for s in self.sents:
            found = self._repeated(s, _nominative(mentions(self.text, s.start, s.end, pk), pk))
            self.sent_mentions.append([
                (self._given.pop(m.start) if m.start in self._given else self.person(m), m) for m in found
            ])
            for p, m in self.sent_mentions[-1]:
                self._delegation(s, p, m)
                self._bracket_country(p, m)
            self._shared_organisation(self.sent_mentions[-1])

    def _named_states(self) -> list[str]:
        """The states the text names at least twice (by name or nationality), most named
        first: with no agency or dateline, the first is the guess at the dispatch's own."""
        counts: Counter = Counter()
        for d in self.pk.demonym.finditer(self.text):
            counts[self.pk.demonym_country(d.group())] += 1
        for run in _CAPITALISED_RUN.finditer(self.text):
            # the longest state names first: `South Sudan President` is South Sudan, not Sudan
            words = run.group().split()
            k = 0
            while k < len(words):
                for n in range(min(4, len(words) - k), 0, -1):
                    code = geo.country_code(" ".join(words[k:k + n]), self.pk.code, self.pk.countries)
                    if code:
                        counts[code] += 1
                        break
                k += n
        return [c for c, n in counts.most_common() if n >= 2]

    def _repeated(self, s: Span, found: list[Mention]) -> list[Mention]:
        """A person named in full earlier, named again bare (`Plus tard, Charles Michel a
        rencontré …`): no title or honorific marks it, the earlier mention does."""
        taken = [(m.outer_start, m.outer_end) for m in found]
        extra = []
        for name, given in self._known_names():
            if name not in s.text:
                continue
            before = len(extra)
            self._find_again(s, name, taken, extra)
            if given is not None:
                self._given.update({m.start: given for m in extra[before:]})
        return sorted(found + extra, key=lambda m: m.start) if extra else found

    def _known_names(self) -> list[tuple[str, int | None]]:
        """The forms a person named in full may be named again by, each with the person when
        it is a given name alone (which the person lookup would not join to them): the full
        name, the surname (`Wong held talks with …`), and the given name where the press
        uses it (`Anwar also held a meeting …` after `Prime Minister Anwar Ibrahim`: one
        person's only, no one's surname, not a common word). Kept until the people change."""
        key = tuple(p.full.start for p in self.people)
        if key == self._names_for:
            return self._names
        firsts = Counter(p.key[0] for p in self.people if len(p.key) >= 2)
        surnames = {p.key[-1] for p in self.people}
        names: list[tuple[str, int | None]] = []
        for index, p in enumerate(self.people):
            full = p.full
            if len(full.tokens) < 2:
                continue
            names.append((full.name, None))
            surname = full.tokens[-1]
            if len(surname) >= 4 and surname[0].isupper():
                names.append((surname, None))
            elif _JOINED_PARTICLE.match(surname):
                # `al-Safadi` is written `Al-Safadi` at a sentence's start, `Safadi` too
                names += [(surname, None), (surname[0].upper() + surname[1:], None)]
            first = full.tokens[0]
            # (`Yun` after `Yun Byung-se`: a Korean name, its surname first)
            korean = len(full.tokens) == 2 and bool(KOREAN_GIVEN.fullmatch(full.tokens[1]))
            if ((len(first) >= 4 or korean and len(first) >= 2) and first[0].isupper() and firsts[p.key[0]] == 1 and p.key[0] not in surnames
                    and (korean or not self.pk.is_common(first)) and not self.pk.lineage & set(p.key)):
                names.append((first, index))
        self._names_for, self._names = key, names
        return names

    def _find_again(self, s: Span, name: str, taken: list[tuple[int, int]], extra: list[Mention]) -> None:
        """Whole-word occurrences of a known name in the sentence that no mention covers (in
        a language whose names inflect, in any case: `Алиева`, `Алиевым` for `Алиев`)."""
        if self.pk.data.get("morphology"):
            self._find_inflected(s, name, taken, extra)
            return
        text = self.text
        i = text.find(name, s.start, s.end)
        while i != -1:
            a, b = i, i + len(name)
            before = text[a - 1] if a > 0 else " "
            after = text[b] if b < len(text) else " "
            whole = not (before.isalnum() or before in APOS or before in "-_") and not (
                after.isalnum() or after in "-_")
            if whole and not any(x < b and a < y for x, y in taken):
                extra.append(Mention(a, a, b, name, None))
                taken.append((a, b))
            i = text.find(name, i + 1, s.end)

    def _find_inflected(self, s: Span, name: str, taken: list[tuple[int, int]], extra: list[Mention]) -> None:
        """`_find_again` for names that inflect: each word of the name followed by an ending,
        the whole in the nominative the known name."""
        words = [re.escape(w[:-2] if len(w) > 5 else w[:-1] if len(w) > 3 else w) for w in name.split()]
        pattern = r"(?<![\w\-])" + r"\s+".join(w + r"[^\W\d_]{0,4}" for w in words) + r"(?![\w\-])"
        for found in re.finditer(pattern, self.text[s.start:s.end]):
            a, b = s.start + found.start(), s.start + found.end()
            written = found.group()
            if any(x < b and a < y for x, y in taken):
                continue
            if written != name and fold(morphology.person_name(written, self.pk.data)) != fold(name):
                continue
            extra.append(Mention(a, a, b, name, None))
            taken.append((a, b))

    def person(self, m: Mention) -> int:
        """Index of the person a mention names, merging short forms into full ones."""
        tokens = [fold(t) for t in m.tokens]
        for i, p in enumerate(self.people):
            full = p.key
            # (`Mohamed bin Zayed` is not his son `Theyab bin Mohamed bin Zayed`: a name of
            # lineage is told by its first word)
            lineal = bool(self.pk.lineage & (set(tokens) | set(full))) and tokens[0] != full[0] and not (
                # (`Albusaidi` after `Badr bin Hamad bin Hamood Albusaidi`: the family name that
                # ends a name of lineage, no father's name after `bin`, is the person's own when
                # no one else named bears it: `Al Nahyan` is a family's)
                len(tokens) == 1 and len(full) >= 3 and tokens[0] == full[-1] and full[-2] not in self.pk.lineage
                and sum(o.key[-1] == tokens[0] for o in self.people) == 1)
            if tokens == full or (not lineal and len(tokens) < len(full) and _subsequence(tokens, full)) or (
                not lineal and len(full) < len(tokens) and _subsequence(full, tokens)
            ) or _spelled_otherwise(tokens, full) or (
                (m.title or m.honorific) and _surname_first(tokens, full, self.people, self.pk.lineage)
            ) or (self.pk.data.get("two_surnames") and _second_surname_left_out(tokens, full)):
                p.add(m)
                position = p.description.position
                if m.title and (position is None or self.pk.counterpart.match(position)):
                    # `son homologue américain Joe Biden` first, `le président américain Joe
                    # Biden` later: the title of their own says more.
                    better = describe(m.title, self.pk)
                    if better.position and not self.pk.counterpart.match(better.position):
                        p.description = better
                    elif position is None:
                        p.description = better
                elif m.title and p.description.country is None and p.description.organization is None:
                    # `le président Tebboune` first, `le président algérien` later: the state.
                    country = describe(m.title, self.pk).country
                    if country:
                        d = p.description
                        p.description = Description(d.position, d.organization, country, d.org_country)
                return i
        self.people.append(Person([m], describe(m.title, self.pk)))
        return len(self.people) - 1

    def _delegation(self, s: Span, p: int, m: Mention) -> None:
        """`une délégation de la BAD conduite par M. X`: X leads visitors from the BAD."""
        lead_end = m.start if m.title_start is None or m.title_start > m.start else m.title_start
        lead = self.text[s.start:lead_end]
        cue = None
        for cue in self.pk.delegation.finditer(lead):
            pass
        if cue is None:
            return
        rest = lead[cue.end():].strip(" ,")
        if cue is None or (rest and not self.pk.title_noise.fullmatch(rest + " ")):
            return
        self.delegates.add(p)
        group = affiliation(cue.groupdict().get("of") or "", self.pk)
        d = self.people[p].description
        self.people[p].description = Description(
            d.position,
            d.organization or group.organization,
            d.country or (None if d.organization else group.country),
            d.org_country if d.organization else group.org_country,
        )

    def _bracket_country(self, p: int, m: Mention) -> None:
        """`Igor Popov (Russian Federation)`: the state a participant represents."""
        b = re.match(r"\s*\(([^()]{2,40})\)", self.text[m.end:m.end + 45])
        code = b and geo.country_code(b.group(1), self.pk.code, self.pk.countries)
        if code:
            d = self.people[p].description
            self.people[p].description = Description(d.position, d.organization, code, d.org_country)

    def _shared_organisation(self, ments: list[tuple[int, Mention]]) -> None:
        """`Mme A, Cheffe du Secteur X de l’ICESCO, et de Mme B, Cheffe du Secteur Y`: the
        organisation written once serves every title coordinated after it."""
        for (pa, a), (pb, b) in zip(ments, ments[1:]):
            link = self.text[a.title_end or a.end:b.start]
            da, db = self.people[pa].description, self.people[pb].description
            if (
                self.pk.coordination.fullmatch(link)
                and da.organization
                and db.position
                and not db.organization
                and not db.country
                and not self.pk.state_title.match(db.position)
            ):
                self.people[pb].description = Description(db.position, da.organization, None, da.org_country)

    def trigger(self, s: Span) -> tuple[Trigger, re.Match] | None:
        """The first trigger in the sentence; at one position, the pack's first rule wins."""
        if s.start in self._triggers:
            return self._triggers[s.start]
        i = self._index[s.start]
        # Only multilateral meetings are stated in a sentence that names nobody (or one that
        # may name two people bare: `Alexander Croo et Mark Rutte se sont …`, or by title
        # alone: `le directeur général a rencontré …`, `the two leaders met`).
        referred: list[tuple[int, Mention]] | None = None
        named = bool(self.sent_mentions[i]) or bool(_bare_pair_pattern(self.pk).search(s.text))
        if not named and self.people and references.may_refer(self, s):
            referred = self._referred(i)
            named = bool(referred)
        pattern = self.pk.any_trigger if named else self.pk.multilateral_trigger
        found = None
        pos = s.start
        while found is None:
            m = pattern.search(self.text, pos, s.end)
            if m is None:
                break
            t = self.pk.triggers[int(m.lastgroup[1:])]
            pos = m.end()
            if not t.nominal and _future_before(self.pk).search(self.text, max(s.start, m.start() - 20), m.start()):
                continue  # `X will be received by Y`, `where he will be hosted by`: not yet a meeting
            if t.nominal:
                future = self.pk.future.search(self.text, max(s.start, m.start() - 25), s.end)
                if future and not self.pk.complementizer.search(self.text, m.end(), future.start()):
                    # `the talks between X and Y will be held`: not yet a meeting (but in
                    # `X, in a meeting with Y, stressed that they will …` the future is
                    # what was said at it)
                    continue
            # Re-match the winning rule alone so that the match object is the rule's own.
            found = (t, t.pattern.match(self.text, m.start(), s.end))
        if found is not None:
            # People named again by title alone (`le directeur général`, `the two leaders`),
            # looked for only where a trigger needs them.
            referred = self._referred(i) if referred is None else referred
            if referred:
                self.sent_mentions[i] = sorted(self.sent_mentions[i] + referred, key=lambda pm: pm[1].start)
        self._triggers[s.start] = found
        return found

    def _referred(self, i: int) -> list[tuple[int, Mention]]:
        return references.descriptions(self, i) + references.pairs(self, i)

    def official(self, p: int) -> bool:
        person = self.people[p]
        return bool(person.description.position or person.description.organization or any(
            m.honorific for m in person.mentions
        ) or self.known_state(p))

    def known_state(self, p: int) -> str | None:
        """The state a well-known official of this name serves (`transforms.officials`), for
        one whose title names no state: the text's word comes first. Not for a former
        official the text gives a post that serves no state (`Secretary-General António
        Guterres`): they may now serve an international body."""
        name = self.people[p].full.name
        position = self.people[p].description.position
        published = self.d.published_date or self.d.written_by
        if " " in name:
            found = officials.find(name)
        elif position and published and not self.people[p].description.organization:
            found = officials.find_surname(name, published.year)  # `President Obama`, `Secretary Pompeo`
        else:
            found = None
        if found is None:
            return None
        out_of_office = found.until is not None and published is not None and published.year > found.until + 1
        if out_of_office and position and not self.pk.serves_state(position):
            return None
        return found.state

    def unmasked(self, j: int) -> str:
        """A sentence with people's titles blanked out, so their words are not read as dates."""
        s = self.sents[j]
        chars = list(s.text)
        for _, mm in self.sent_mentions[j]:
            for k in range((mm.title_start or mm.start) - s.start, (mm.title_end or mm.end) - s.start):
                if 0 <= k < len(chars):
                    chars[k] = " "
        return "".join(chars)

    def detail_sentences(self, m: Meeting, end: int) -> list[int]:
        return [m.sentence] + [j for j in range(m.sentence + 1, end) if self._tells_detail(j)]

    def _tells_detail(self, j: int) -> bool:
        """Whether sentence `j` names a meeting and a detail of it (`the talks were held in …`)."""
        if j not in self._details:
            t = self.sents[j].text
            self._details[j] = bool(self.pk.meeting_noun.search(t) and self.pk.meeting_detail.search(t))
        return self._details[j]

    def place_texts(self, m: Meeting, end: int) -> list[tuple[str, list[tuple[int, int]]]]:
        return [text for j in self.detail_sentences(m, end) + m.retold for text in self.place_texts_of(j)]

    def place_texts_of(self, j: int) -> list[tuple[str, list[tuple[int, int]]]]:
        """Sentence `j` with the spans of people's titles in it, which name no meeting place."""
        s = self.sents[j]
        masked = [
            ((mm.title_start or mm.start) - s.start, (mm.title_end or mm.end) - s.start)
            for _, mm in self.sent_mentions[j]
        ]
        return [(s.text, masked)]

    def kind(self, m: Meeting) -> str:
        text = m.evidence.text
        for kind in ("video_conference", "phone_call", "ceremony"):
            for k, pattern in self.pk.kinds:
                if k == kind and pattern.search(text):
                    return kind
        return "meeting"


@functools.cache
def _bare_pair_pattern(pk: Pack) -> re.Pattern:
    """Two capitalised pairs of words joined by `and` (`Alexander Croo et Mark Rutte`)."""
    name = r"[A-ZÀ-Ý][\w\-]+ [A-ZÀ-Ý][\w\-]+"
    return re.compile(rf"{name}\s+(?:{words_pattern(pk.data['and_words'])})\s+{name}")


@functools.cache
def _future_before(pk: Pack) -> re.Pattern:
    """The pack's `future_auxiliaries` right before a verb (`will be`, `is to be`)."""
    words = pk.data.get("future_auxiliaries")
    if not words:
        return re.compile("(?!)")
    return re.compile(r"(?<![\w’'])(?:" + "|".join(re.escape(w) for w in words) + r")\s+$", re.IGNORECASE)


_CAPITALISED_RUN = re.compile(r"(?<![\w’'])[A-ZÀ-Ý][\w’'\-]+(?: [A-ZÀ-Ý][\w’'\-]+){0,3}")


def _subsequence(short: list[str], long: list[str]) -> bool:
    """True when the short name's words all appear, in order, in the long one, with the
    surname last (`Baïramov` in `Djeyhoun Baïramov`)."""
    if not short or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


_JOINED_PARTICLE = re.compile(r"[a-z]{1,3}-[A-Z]\w{3,}")  # `al-Safadi`, `el-Sisi`


def _spelled_otherwise(tokens: list[str], full: list[str]) -> bool:
    """One name transliterated two ways (`Aleksandr Esaulenco`, `Alexandr Esaulenco`): the
    same surname and given names that differ by a letter or two."""
    return len(tokens) == len(full) >= 2 and tokens[-1] == full[-1] and all(
        fuzz.ratio(a, b) >= 80 for a, b in zip(tokens[:-1], full[:-1])
    )


def _surname_first(tokens: list[str], full: list[str], people: list[Person], lineage: frozenset[str]) -> bool:
    """`Secretary-General Ban` after `Ban Ki-moon`, `President Xi` after `Xi Jinping`,
    `Sheikh Mohamed` after `Mohamed bin Zayed Al Nahyan`: a titled one-word mention (`Mr.
    Ban`) that is the first word of a two-word name (surname first) or of a name of lineage
    (`bin`, `ben`), when no one else in the dispatch bears it as a surname."""
    return (len(tokens) == 1 and tokens[0] == full[0] and (len(full) == 2 or bool(lineage & set(full[1:])))
            and not any(p.key[-1] == tokens[0] for p in people))


def _second_surname_left_out(tokens: list[str], full: list[str]) -> bool:
    """`Nicolás Maduro` and `Nicolás Maduro Moros`: where names carry two surnames (the
    pack's `two_surnames`), one person named with and without the second."""
    short, long = sorted((tokens, full), key=len)
    return len(short) >= 2 and len(long) == len(short) + 1 and long[:-1] == short


def _nominative(found: list[Mention], pk: Pack) -> list[Mention]:
    """Mentions with their names in the nominative, where the pack's language inflects
    (`с Ильхамом Алиевым` names Ильхам Алиев); offsets still point at the words as written."""
    if not pk.data.get("morphology"):
        return found
    return [replace(m, name=morphology.person_name(m.name, pk.data, m.title)) for m in found]


def _skipped(sentence: str, pk: Pack) -> bool:
    return bool(pk.skip and pk.skip.match(sentence))
