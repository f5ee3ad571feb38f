"""Meetings and their participants from one parsed dispatch, driven by its language pack.

The engine finds trigger sentences (`a reçu`, `s'est entretenu avec` …), the parties on
each side of the trigger, the people present, and the meeting's day, place, kind and
topics. Everything language-specific comes from `transforms/lang/<code>.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from transforms import geo
from transforms.adverbials import masked
from transforms.dates import meeting_date
from transforms.lang import Pack, Trigger, pack as language_pack
from transforms.orgs import registry
from transforms.parse import Dispatch
from transforms.people import Description, Mention, _name_re as _NAME_OF, _place, _plausible, _state, affiliation, describe, mentions
from transforms.places import place
from transforms.text import APOS, UPPER, Span, fold, sentences


@dataclass
class Person:
    """One real person in a dispatch: every mention of them, and who they are."""

    mentions: list[Mention]
    description: Description = field(default_factory=lambda: Description(None, None, None))

    @property
    def full(self) -> Mention:
        return max(self.mentions, key=lambda m: (len(m.tokens), -m.start))

    @property
    def surname(self) -> str:
        return fold(self.full.tokens[-1])


@dataclass
class _Meeting:
    sentence: int
    trigger: Trigger | None
    roles: dict[int, str]  # person index -> role
    evidence: Span


def meetings(d: Dispatch) -> list[dict]:
    """The meetings a dispatch reports, each with its participants, as plain records."""
    pk = language_pack(d.language)
    if pk is None or not d.text:
        return []
    return _Extractor(d, pk).run()


class _Extractor:
    def __init__(self, d: Dispatch, pk: Pack):
        self.d = d
        self.pk = pk
        # Names, triggers and their links are read with time adverbials blanked out.
        self.text = masked(d.text, pk)
        self.sents = [s for s in sentences(d.text) if not _skipped(s.text, pk)]
        self._triggers: dict[int, tuple[Trigger, re.Match] | None] = {}
        self._index = {s.start: i for i, s in enumerate(self.sents)}
        # The state an official whose state goes unsaid serves: the agency's; else the
        # dateline's; else the state the text names most.
        self.home = geo.agency_country(d.agency) or (
            geo.city_country(d.dateline_city, pk.places) if d.dateline_city else self._main_country()
        )
        self.people: list[Person] = []
        self.sent_mentions: list[list[tuple[int, Mention]]] = []
        self.delegates: set[int] = set()  # people leading a delegation (visitors)
        for s in self.sents:
            found = self._repeated(s, mentions(self.text, s.start, s.end, pk))
            self.sent_mentions.append([(self._person(m), m) for m in found])
            for p, m in self.sent_mentions[-1]:
                self._delegation(s, p, m)
                self._bracket_country(p, m)
            self._shared_organisation(self.sent_mentions[-1])

    def _main_country(self) -> str | None:
        """With no agency or dateline, the state the text names most (at least twice)."""
        counts: Counter = Counter()
        for d in self.pk.demonym.finditer(self.text):
            counts[self.pk.demonym_country(d.group())] += 1
        for w in re.finditer(r"(?<![\w’'])[A-ZÀ-Ý][\w’'\-]+", self.text):
            code = geo.country_code(w.group(), self.pk.code, self.pk.countries)
            if code:
                counts[code] += 1
        if not counts:
            return None
        code, n = counts.most_common(1)[0]
        return code if n >= 2 else None

    # -------------------------------------------------------------- people

    def _repeated(self, s: Span, found: list[Mention]) -> list[Mention]:
        """A person named in full earlier, named again bare (`Plus tard, Charles Michel a
        rencontré …`): no title or honorific marks it, the earlier mention does."""
        taken = [((m.title_start if m.title_start is not None else m.start), max(m.end, m.title_end or m.end))
                 for m in found]
        extra = []
        text = self.text
        for p in self.people:
            full = p.full
            if len(full.tokens) < 2:
                continue
            # The full name again, or the surname alone (`Swaraj held talks with …`).
            surname = full.tokens[-1]
            for name in (full.name, surname) if len(surname) >= 4 and surname[0].isupper() else (full.name,):
                self._find_again(s, name, taken, extra)
        return sorted(found + extra, key=lambda m: m.start) if extra else found

    def _find_again(self, s: Span, name: str, taken: list[tuple[int, int]], extra: list[Mention]) -> None:
        """Whole-word occurrences of a known name in the sentence that no mention covers."""
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

    def _person(self, m: Mention) -> int:
        """Index of the person a mention names, merging short forms into full ones."""
        tokens = [fold(t) for t in m.tokens]
        for i, p in enumerate(self.people):
            full = [fold(t) for t in p.full.tokens]
            if tokens == full or (len(tokens) < len(full) and _subsequence(tokens, full)) or (
                len(full) < len(tokens) and _subsequence(full, tokens)
            ):
                p.mentions.append(m)
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

    # -------------------------------------------------------------- meetings

    def run(self) -> list[dict]:
        found: list[_Meeting] = []
        for i, s in enumerate(self.sents):
            trig = self._trigger(s)
            if trig is None:
                continue
            trigger, match = trig
            roles = self._parties(i, trigger, match)
            if roles is None:
                continue
            principals = {p for p, r in roles.items() if r != "attendee"}
            if any(set(m.roles) == set(roles) or principals <= set(m.roles) for m in found):
                continue  # a later sentence about the same meeting
            found.append(_Meeting(i, trigger, roles, s))
        records = []
        previous_date = None
        for n, m in enumerate(found):
            end = found[n + 1].sentence if n + 1 < len(found) else len(self.sents)
            self._attendees(m, end)
            self._home_ground(m, end)
            record = self._record(m, end, previous_date)
            previous_date = record["meeting_date"]
            records.append(record)
        return records

    def _trigger(self, s: Span) -> tuple[Trigger, re.Match] | None:
        """The first trigger in the sentence; at one position, the pack's first rule wins."""
        if s.start in self._triggers:
            return self._triggers[s.start]
        # Only multilateral meetings are stated in a sentence that names nobody.
        named = bool(self.sent_mentions[self._index[s.start]])
        pattern = self.pk.any_trigger if named else self.pk.multilateral_trigger
        found = None
        pos = s.start
        while found is None:
            m = pattern.search(self.text, pos, s.end)
            if m is None:
                break
            t = self.pk.triggers[int(m.lastgroup[1:])]
            pos = m.end()
            if t.nominal and self.pk.future.search(self.text, max(s.start, m.start() - 25), s.end):
                continue  # `the talks between X and Y will be held`: not yet a meeting
            # Re-match the winning rule alone so that the match object is the rule's own.
            found = (t, t.pattern.match(self.text, m.start(), s.end))
        self._triggers[s.start] = found
        return found

    def _parties(self, i: int, trigger: Trigger, match: re.Match) -> dict[int, str] | None:
        ments = self.sent_mentions[i]
        att = self.pk.attendance.search(self.text, match.end(), self.sents[i].end)
        limit = att.start() if att else self.sents[i].end
        if trigger.kind == "multilateral":
            return self._multilateral(i)
        if trigger.kind == "plural":
            return self._coordinated(i, match)
        before = [(p, m) for p, m in ments if m.end <= match.start()]
        after = [(p, m) for p, m in ments if m.start >= match.end() and m.start < limit]
        if trigger.kind == "between":
            parties = list(dict.fromkeys(p for p, _ in after))
            if len(parties) < 2:
                return None
            return {p: "participant" for p in parties}
        subjects = self._subject_chain(before) if before else self._referent(i, match)
        if trigger.kind == "symmetric" and not after:
            return self._coordinated(i, match)  # `X and Y met`
        if not subjects or not after:
            return None
        gap = self.text[match.end():after[0][1].start]
        if len(gap) > 200 or (trigger.kind == "directed" and self.pk.object_blocker.search(gap)):
            return None
        objects = [after[0][0]]
        prev = after[0][1]
        for p, m in after[1:]:
            lo = max(prev.end, prev.title_end or prev.end)
            link = self.text[lo:m.start]
            titled = m.title_start is not None and lo <= m.title_start < m.start
            # With the next person's title known, only `and` (`, and of`) may lead to it:
            # `… and recalled President X's visit` names no further party.
            if titled and not self._leads_to_title(self.text[lo:m.title_start]):
                break
            if p in objects or not self.pk.coordination_lead.fullmatch(link) or "   " in link:
                break  # (a blanked day ends the list: `X on May 15, and Y granted …`)
            objects.append(p)
            prev = m
        objects = [p for p in objects if p not in subjects]
        if not objects or not self._credible(subjects, objects):
            return None
        host, guest = ("host", "guest") if trigger.kind == "directed" else ("guest", "host")
        if trigger.kind == "symmetric":
            host = guest = "participant"
        roles = {p: host for p in subjects}
        roles.update({p: guest for p in objects})
        return roles

    def _leads_to_title(self, link: str) -> bool:
        """`, and`, `ainsi que le`, `et de la`: a coordination and at most an article."""
        c = self.pk.coordination.match(link)
        if c is None:
            return False
        rest = link[c.end():]
        return not rest.strip() or bool(self.pk.title_noise.fullmatch(rest) or self.pk.title_noise.fullmatch(rest + " "))

    def _coordinated(self, i: int, match: re.Match) -> dict[int, str] | None:
        """Parties named together as the subject: `X and Y held talks`, `X et Y se sont
        entretenus` (each with their title)."""
        before = [(p, m) for p, m in self.sent_mentions[i] if m.end <= match.start()]
        if len(before) < 2:
            return None
        last = before[-1][1]
        tail = self.text[max(last.end, last.title_end or last.end):match.start()]
        if len(tail.split()) > 3:
            return None
        chain = self._subject_chain(before)
        if len(chain) < 2 or not all(self._official(p) for p in chain):
            return None
        return {p: "participant" for p in chain}

    def _subject_chain(self, before: list[tuple[int, Mention]]) -> list[int]:
        """The last person before a verb and those coordinated with them (`X and Y`, `X, Y
        et Z`, each with their own title)."""
        last_p, nxt = before[-1]
        chain = [last_p]
        for p, m in reversed(before[:-1]):
            lo = max(m.end, m.title_end or m.end)
            # (a title shared through a plural starts before both names: `les ministres …, X et Y`)
            hi = nxt.start if nxt.title_start is None or nxt.title_start < lo else nxt.title_start
            link = self.text[lo:hi]
            if p in chain or not self.pk.coordination_lead.fullmatch(link):
                break
            chain.insert(0, p)
            nxt = m
        return chain

    def _credible(self, subjects: list[int], objects: list[int]) -> bool:
        """Officials on both sides; a party named in full with no title (`Félix Tshisekedi a
        rencontré Donald Trump`) passes when the other side has an official. Two bare names
        (`X a rencontré Y` of a chess game) do not."""
        sides = (subjects, objects)
        for side, other in (sides, sides[::-1]):
            backed = any(self._official(q) for q in other)
            for p in side:
                if not self._official(p) and not (backed and len(self.people[p].full.tokens) >= 2):
                    return False
        return True

    def _official(self, p: int) -> bool:
        person = self.people[p]
        return bool(person.description.position or person.description.organization or any(
            m.honorific for m in person.mentions
        ))

    def _referent(self, i: int, match: re.Match) -> list[int]:
        """A subject written as a pronoun or a bare title (`il`, `le ministre`): the person
        it points back to."""
        lead = self.text[self.sents[i].start:match.start()].strip(" ,")
        lead = re.sub(r"^(?:\S+\s*,\s*)", "", lead) if "," in lead else lead
        while True:  # `he also held talks`: the adverb before the verb is not the subject
            shorter = self.pk.adverb.sub("", lead)
            if shorter == lead:
                break
            lead = shorter
        words = lead.split()
        if not words or len(words) > 6:
            return []
        bare = self._bare_name(i, lead, match)
        if bare is not None:
            return [bare]
        if self.pk.pronoun.match(words[-1]):
            for j in range(i - 1, -1, -1):
                if self.sent_mentions[j]:
                    return [self.sent_mentions[j][0][0]]
            return []
        fits = [positions for ref, positions in self.pk.title_references if ref.search(lead)]
        head = self.pk.title_head.search(lead)
        if not head and not fits:
            return []
        word = fold(head.group()) if head else None
        for j in range(i - 1, -1, -1):
            for p, _ in self.sent_mentions[j]:
                pos = self.people[p].description.position
                if not pos:
                    continue
                if (fits and any(f.match(pos) for f in fits)) or (not fits and fold(pos).startswith(word)):
                    return [p]
        return []

    def _bare_name(self, i: int, lead: str, match: re.Match) -> int | None:
        """A subject that is a full name and nothing else (`Emmanuel Macron a accueilli …`):
        a person no title marks, whom the trigger makes a party."""
        if len(lead.split()) < 2 or not _NAME_OF(self.pk).fullmatch(lead) or not _plausible(lead, self.pk, single_ok=False):
            return None
        at = self.text.rfind(lead, self.sents[i].start, match.start())
        if at < 0:
            return None
        mention = Mention(at, at, at + len(lead), lead, None)
        p = self._person(mention)
        self.sent_mentions[i] = sorted(self.sent_mentions[i] + [(p, mention)], key=lambda pm: pm[1].start)
        return p

    def _multilateral(self, i: int) -> dict[int, str] | None:
        parties = [p for p, _ in self.sent_mentions[i]]
        for j in range(i + 1, min(i + 4, len(self.sents))):
            new = [p for p, m in self.sent_mentions[j] if m.title and p not in parties]
            if not new:
                break
            parties.extend(new)
            for p, m in self.sent_mentions[j]:
                if self.people[p].description.country is None:
                    ctx = self._context_country(j, m)
                    if ctx:
                        d = self.people[p].description
                        self.people[p].description = Description(d.position, d.organization, ctx, d.org_country)
        parties = list(dict.fromkeys(p for p in parties if self._official(p)))
        if len(parties) < 2:
            return None
        return {p: "participant" for p in parties}

    def _context_country(self, j: int, m: Mention) -> str | None:
        """The state a delegate speaks for, from `le Kazakhstan était représenté par …`."""
        s = self.sents[j]
        prior = [mm for _, mm in self.sent_mentions[j] if mm.end <= m.start]
        lo = (prior[-1].end) if prior else s.start
        clause = self.text[lo:(m.title_start or m.start)]
        for d in self.pk.demonym.finditer(clause):
            return self.pk.demonym_country(d.group())
        words = list(re.finditer(r"[\w’'\-]+", clause))
        for k, w in enumerate(words):
            if not w.group()[0].isupper():
                continue
            for n in (3, 2, 1):
                if k + n <= len(words):
                    code = geo.country_code(clause[w.start():words[k + n - 1].end()], self.pk.code, self.pk.countries)
                    if code:
                        return code
        return None

    # -------------------------------------------------------------- attendees and cues

    def _attendees(self, m: _Meeting, end: int) -> None:
        for j in range(m.sentence, end):
            s = self.sents[j]
            for a in self.pk.attendance.finditer(self.text, s.start, s.end):
                after = [p for p, mm in self.sent_mentions[j] if mm.start >= a.end()]
                before = [p for p, mm in self.sent_mentions[j] if mm.end <= a.start()]
                chosen = after if after else (before[-1:] if j != m.sentence else [])
                # `La délégation comprenait également X`: a member of the visiting delegation
                # is of its leader's state unless their own title names one.
                leaders = [q for q in m.roles if q in self.delegates] if self.pk.member.search(a.group()) else []
                for p in chosen:
                    if p not in m.roles and self._official(p):
                        m.roles[p] = "attendee"
                        d = self.people[p].description
                        lead = self.people[leaders[0]].description if len(leaders) == 1 else None
                        if lead and d.country is None and d.organization is None and lead.country:
                            self.people[p].description = Description(d.position, None, lead.country, None)

    def _home_ground(self, m: _Meeting, end: int) -> None:
        """Symmetric talks get a host and a guest only when the text states a visit, a
        visiting delegation, an initiative or the host's own premises."""
        if self._kind(m) == "phone_call":
            # `L’appel a eu lieu à l’initiative de la partie russe`: the caller is host,
            # whatever verb told of the call.
            principals = [p for p, r in m.roles.items() if r in ("host", "guest", "participant")]
            callers = self._initiators(m, end, principals) if len(principals) == 2 else set()
            if len(callers) == 1:
                (c,) = callers
                m.roles.update({p: ("host" if p == c else "guest") for p in principals})
                return
        parties = [p for p, r in m.roles.items() if r == "participant"]
        if len(parties) != 2 or (m.trigger and m.trigger.kind == "multilateral"):
            return
        visitors = set()
        hosts = set()
        # A visit may be stated anywhere in the dispatch, before or after the meeting.
        for j in range(len(self.sents)):
            s = self.sents[j]
            ments = self.sent_mentions[j]
            for k, (p, mm) in enumerate(ments):
                if p not in parties:
                    continue
                stop = ments[k + 1][1].start if k + 1 < len(ments) else s.end
                clause = self.text[mm.title_end or mm.end:stop]
                trig = self._trigger(s)
                if trig and trig[1].start() > mm.end:
                    clause = self.text[mm.title_end or mm.end:min(stop, trig[1].start())]
                if self.pk.visit.search(clause):
                    visitors.add(p)
                if p in self.delegates and j == m.sentence:
                    visitors.add(p)
        hosts |= self._initiators(m, end, parties)
        if not visitors:
            visitors = self._own_visit(m, parties)
        venue = self._venue(m, end)
        if venue:
            owner = registry().find_in(venue)
            for p in parties:
                org = self.people[p].description.organization
                if org and owner and registry().resolve(org) == owner:
                    hosts.add(p)
            hosts |= self._ministry_hosts(venue, parties)
        if len(visitors) == 1:
            (v,) = visitors
            m.roles.update({p: ("guest" if p == v else "host") for p in parties})
        elif len(hosts) == 1:
            (h,) = hosts
            m.roles.update({p: ("host" if p == h else "guest") for p in parties})

    def _initiators(self, m: _Meeting, end: int, parties: list[int]) -> set[int]:
        """The parties whose side took the initiative (`à l’initiative de la partie
        émiratie`), in the meeting's sentences."""
        found: set[int] = set()
        for j in range(m.sentence, end):
            s = self.sents[j]
            ini = self.pk.initiative.search(self.text, s.start, s.end)
            if ini:
                tail = self.text[ini.end():ini.end() + 60]
                for d in self.pk.demonym.finditer(tail):
                    code = self.pk.demonym_country(d.group())
                    found |= {p for p in parties if self.people[p].description.country == code}
                    break
        return found

    def _ministry_hosts(self, venue: str, parties: list[int]) -> set[int]:
        """`au ministère de l’Agriculture` with `le ministre de l’Agriculture`: a minister at
        their own ministry is on home ground (its portfolio words all in their title; a bare
        `ministère` fits the one minister present)."""
        head = self.pk.ministry.search(venue)
        if head is None:
            return set()
        # `Ministry of Foreign Affairs of Japan`: the state's name is no part of the portfolio,
        # and only that state's minister is at home there.
        words = _content_words(venue[head.end():])
        states = {w: geo.country_code(w, self.pk.code, self.pk.countries) for w in words}
        portfolio = {w for w in words if not states[w]} - {"affairs", "affaires"}  # `Foreign Minister`
        named = {c for c in states.values() if c}
        ministers = [p for p in parties
                     if self.people[p].description.position and self.pk.minister.search(self.people[p].description.position)
                     and (not named or self.people[p].description.country in named)]
        if portfolio:
            return {p for p in ministers if portfolio <= _content_words(self.people[p].description.position)}
        return set(ministers) if len(ministers) == 1 else set()

    def _own_visit(self, m: _Meeting, parties: list[int]) -> set[int]:
        """`X a rencontré Y dans le cadre de sa visite officielle en France`: the visit the
        meeting sentence gives its subject. Where it names where the visit is and one party
        is of that state, the other is the visitor; otherwise the subject is."""
        s = self.sents[m.sentence]
        cue = self.pk.own_visit.search(self.text, s.start, s.end)
        if cue is None:
            return set()
        where = self.pk.visit_destination.match(self.text, cue.end(), s.end)
        if where:
            rest = self.text[where.end():s.end]
            dest = _state(rest, self.pk)[0] or _place(rest, self.pk)
            home = [p for p in parties if self.people[p].description.country == dest]
            if dest and len(home) == 1:
                return {p for p in parties if p not in home}
        return {parties[0]}  # roles list the sentence's subject first

    def _venue(self, m: _Meeting, end: int) -> str | None:
        """The venue the meeting's sentences give (`La rencontre s’est déroulée au ministère`)."""
        return place(self._place_texts(m, end), self.pk).venue

    # -------------------------------------------------------------- records

    def _detail_sentences(self, m: _Meeting, end: int) -> list[int]:
        out = [m.sentence]
        for j in range(m.sentence + 1, end):
            t = self.sents[j].text
            if self.pk.meeting_noun.search(t) and self.pk.meeting_detail.search(t):
                out.append(j)
        return out

    def _place_texts(self, m: _Meeting, end: int) -> list[tuple[str, list[tuple[int, int]]]]:
        texts = []
        for j in self._detail_sentences(m, end):
            s = self.sents[j]
            masked = [
                ((mm.title_start or mm.start) - s.start, (mm.title_end or mm.end) - s.start)
                for _, mm in self.sent_mentions[j]
            ]
            texts.append((s.text, masked))
        return texts

    def _record(self, m: _Meeting, end: int, previous_date: dt.date | None) -> dict:
        detail = self._detail_sentences(m, end)
        texts = [self._unmasked(j) for j in detail]
        found = meeting_date(texts, self.d.published_date, self.pk)
        date, basis = found.date, found.basis
        if basis == "previous":
            if previous_date is None and m.sentence > 0:
                # `X est arrivé mardi à Bakou. Le même jour, il a été reçu …`: with no meeting
                # before, the day the sentence before gives.
                before = meeting_date([self._unmasked(m.sentence - 1)], self.d.published_date, self.pk)
                previous_date = before.date if before.basis in ("explicit", "weekday", "relative") else None
            date = previous_date + dt.timedelta(days=found.offset) if previous_date else None
            basis = "relative" if date else None
        elif basis == "relative" and date == self.d.published_date:
            basis = "publication"
        kind = self._kind(m)
        where = place(self._place_texts(m, end), self.pk)
        if kind in ("phone_call", "video_conference"):
            where = type(where)()
        self._counterparts(m)
        self._same_ministry(m)
        participants = [self._participant(p, role) for p, role in sorted(
            m.roles.items(), key=lambda kv: (_ROLE_ORDER[kv[1]], kv[0])
        )]
        return {
            "meeting_date": date,
            "date_basis": basis,
            "kind": kind,
            "city": where.city,
            "country_code": where.country_code,
            "venue": where.venue,
            "topics": self._topics(m, end),
            "evidence": m.evidence.text,
            "char_start": m.evidence.start,
            "char_end": m.evidence.end,
            "participants": participants,
        }

    def _counterparts(self, m: _Meeting) -> None:
        """`son homologue moldave, X`: X holds the position of the party they meet."""
        principals = [p for p, r in m.roles.items() if r != "attendee"]
        for p in principals:
            d = self.people[p].description
            if d.position and self.pk.counterpart.match(d.position):
                others = [self.people[o].description.position for o in principals if o != p]
                position = next((o for o in others if o and not self.pk.counterpart.match(o)), None)
                self.people[p].description = Description(position, d.organization, d.country, d.org_country)

    def _international_part(self, organization: str) -> bool:
        """An unlisted body of a listed international organisation (`Assemblée parlementaire
        du Conseil de l’Europe`, `Regional Office of the WHO`) serves no state."""
        if self.pk.supranational.search(organization):
            return True  # `Conseil européen`, `Asian Infrastructure Forum`: beyond one state
        parent = self._parent(organization)
        return parent is not None and parent.country is None

    def _parent(self, organization: str):
        """The listed organisation an unlisted body is "of" (`Bureau de l’OIT pour …` -> ILO)."""
        for of in self.pk.of_word.finditer(" " + organization):
            rest = organization[of.end() - 1:].strip()
            known = registry().resolve(rest)
            if not known.known:
                # `de l’OIT pour l’Europe orientale`: the acronym that starts the rest
                head = re.match(r"[\w\-]+", rest)
                known = registry().resolve(head.group()) if head and _ACRONYM.fullmatch(head.group()) else known
            if known.known:
                return known
        return None

    def _same_ministry(self, m: _Meeting) -> None:
        """`Head of … at the Ministry of Trade` beside `Minister of Trade X (UZ)`: one state."""
        for p in m.roles:
            d = self.people[p].description
            if d.country or not d.organization or not self.pk.national_org.match(d.organization):
                continue
            portfolio = " " + self.pk.national_org.sub("", d.organization, count=1).strip(" ,")
            of = self.pk.of_word.match(portfolio)
            portfolio = fold(portfolio[of.end():] if of else portfolio)
            for o in m.roles:
                od = self.people[o].description
                country = od.country or od.org_country
                if o != p and country and portfolio and od.position and fold(od.position).endswith(portfolio):
                    self.people[p].description = Description(d.position, d.organization, country, d.org_country)
                    break

    def _unmasked(self, j: int) -> str:
        """A sentence with people's titles blanked out, so their words are not read as dates."""
        s = self.sents[j]
        chars = list(s.text)
        for _, mm in self.sent_mentions[j]:
            for k in range((mm.title_start or mm.start) - s.start, (mm.title_end or mm.end) - s.start):
                if 0 <= k < len(chars):
                    chars[k] = " "
        return "".join(chars)

    def _kind(self, m: _Meeting) -> str:
        text = m.evidence.text
        for kind in ("video_conference", "phone_call", "ceremony"):
            for k, pattern in self.pk.kinds:
                if k == kind and pattern.search(text):
                    return kind
        return "meeting"

    def _topics(self, m: _Meeting, end: int) -> list[str]:
        words = _WORD.findall(fold(" ".join(self.sents[j].text for j in range(m.sentence, end))))
        topic_of, starts = self.pk.topic_of, self.pk.topic_starts
        counts: Counter = Counter(topic_of[w] for w in words if w in topic_of)
        for k, w in enumerate(words):
            if w in starts:  # the first word of a phrase (`enseignement supérieur`)
                for n in (2, 3, 4):
                    topic = topic_of.get(" ".join(words[k:k + n]))
                    if topic:
                        counts[topic] += 1
        return [t for t, _ in counts.most_common(5)]

    def _participant(self, p: int, role: str) -> dict:
        person = self.people[p]
        full = person.full
        desc = person.description
        org = registry().resolve(desc.organization) if desc.organization else None
        if org is not None and not org.known and self.pk.office.match(desc.organization):
            # `Bureau de l’OIT pour l’Europe`, `Regional Office of the WHO`: an office is its
            # organisation's own (an assembly or a court of one is a body of its own).
            org = self._parent(desc.organization) or org
        country = desc.country or desc.org_country
        if country is None and self.home and (org is None or (
            not org.known and desc.org_country is None and not self._international_part(desc.organization)
        )):
            # A state official or body with no state named serves the agency's state, unless
            # they lead a delegation that came to meet it (`a delegation of Harvard University
            # led by its President`).
            if ((desc.position and self.pk.serves_state(desc.position)) or (
                desc.organization and self.pk.national_org.search(desc.organization)
            )) and not (p in self.delegates and desc.organization and role == "guest"):
                country = self.home
        if org is not None and org.known and org.country is None and desc.country is None:
            country = None
        return {
            "name": full.name,
            "name_as_written": self.text[full.start:full.end],
            "forms": sorted({self.text[m.start:m.end] for m in person.mentions}),
            "honorific": full.honorific,
            "position": desc.position,
            "organization": org.name if org else None,
            "organization_as_written": desc.organization,
            "country_code": country,
            "role": role,
        }


_WORD = re.compile(r"[\w'-]+")
_ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,9}")
_CAPITALISED = re.compile(rf"(?<!\w)[{UPPER}][\w\-]+")


def _content_words(phrase: str) -> set[str]:
    """The capitalised words of a phrase, folded (`de l’Agriculture` -> {agriculture})."""
    return {fold(w) for w in _CAPITALISED.findall(phrase)}
_ROLE_ORDER = {"host": 0, "guest": 1, "participant": 2, "attendee": 3}


def _subsequence(short: list[str], long: list[str]) -> bool:
    """True when the short name's words all appear, in order, in the long one, with the
    surname last (`Baïramov` in `Djeyhoun Baïramov`)."""
    if not short or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def _skipped(sentence: str, pk: Pack) -> bool:
    return bool(pk.skip and pk.skip.match(sentence))
