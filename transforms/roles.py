"""Stage 3, roles: who hosted whom in talks the verb leaves symmetric.

A meeting's parties are `participant` unless the whole dispatch states a visit (a
visiting delegation, `en visite`, `during his visit to`), the side that took the initiative
of a call, or the host's own premises (a minister at their ministry, an organisation at its
seat): then one side is `host` and the other `guest`.
"""

from __future__ import annotations

import functools
import re

from transforms import geo
from transforms.lang import Pack
from transforms.linking import delegation_noun
from transforms.orgs import registry
from transforms.people import _place, _state, state_at
from transforms.places import place
from transforms.reading import Meeting, Reading
from transforms.text import UPPER, fold

_CAPITALISED = re.compile(rf"(?<!\w)[{UPPER}][\w\-]+")


def home_ground(r: Reading, m: Meeting, end: int) -> None:
    """Symmetric talks get a host and a guest only when the text states a visit, a
    visiting delegation, an initiative or the host's own premises."""
    if r.kind(m) == "phone_call":
        # `L’appel a eu lieu à l’initiative de la partie russe`: the caller is host,
        # whatever verb told of the call.
        principals = [p for p, r in m.roles.items() if r in ("host", "guest", "participant")]
        callers = _initiators(r, m, end, principals) if len(principals) == 2 else set()
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
    for j in range(len(r.sents)):
        s = r.sents[j]
        ments = r.sent_mentions[j]
        for k, (p, mm) in enumerate(ments):
            if p not in parties:
                continue
            stop = ments[k + 1][1].start if k + 1 < len(ments) else s.end
            clause = r.text[mm.title_end or mm.end:stop]
            trig = r.trigger(s)
            if trig and trig[1].start() > mm.end:
                clause = r.text[mm.title_end or mm.end:min(stop, trig[1].start())]
            # (`En visite au Koweït, le Président X …`, `met with visiting Secretary of State X`:
            # the visit told before the first name, or `visiting` right before the title)
            lead = r.text[s.start if k == 0 else max(s.start, (mm.title_start or mm.start) - 24):mm.title_start or mm.start]
            if r.pk.visit.search(clause) or (k == 0 and r.pk.visit.search(lead)) or r.pk.visiting.search(lead):
                visitors.add(p)
            if p in r.delegates and j == m.sentence:
                visitors.add(p)
    # `… held a meeting with a delegation from …` (its leader named in another sentence):
    # the delegation the meeting's sentence names is the visiting side.
    s = r.sents[m.sentence]
    visitors |= {p for p in parties if p in r.delegates and p not in {q for q, _ in r.sent_mentions[m.sentence]}
                 and delegation_noun(r.pk).search(r.text, s.start, s.end)}
    hosts |= _initiators(r, m, end, parties)
    # `s’est entretenu, à son bureau, avec …`, `… the envoy, who called on him at his
    # office`: the subject's office, in the meeting's sentence or those that follow it
    s = r.sents[m.sentence]
    if r.pk.own_premises.search(r.text, s.start, r.sents[end - 1].end):
        hosts.add(parties[0])
    hosts |= _titled_premises(r, m, end, parties)
    if not visitors:
        visitors = _own_visit(r, m, parties)
    venue = meeting_venue(r, m, end)
    if venue:
        owner = registry().find_in(venue)
        for p in parties:
            org = r.people[p].description.organization
            if org and owner and registry().resolve(org) == owner:
                hosts.add(p)
        hosts |= _ministry_hosts(r, venue, parties)
    if not visitors and not hosts:
        hosts = _seat_hosts(r, m, parties) or _generic_seat_hosts(r, m, end, parties)
    if not visitors and not hosts:
        visitors = _visiting_the_state(r, parties)
    if len(visitors) == 1:
        (v,) = visitors
        m.roles.update({p: ("guest" if p == v else "host") for p in parties})
    elif len(hosts) == 1:
        (h,) = hosts
        m.roles.update({p: ("host" if p == h else "guest") for p in parties})


def _seat_hosts(r: Reading, m: Meeting, parties: list[int]) -> set[int]:
    """`held talks with X at the Great Hall of the People`, `au palais de Carthage`: a
    leader's seat named as where the meeting took place puts its state's party on home
    ground."""
    s = r.sents[m.sentence]
    states = {p: _state_of(r, p) for p in parties}
    for at, state in geo.seat_states(r.text, s.start, s.end):
        if _locative(r.pk).search(r.text, max(s.start, at - 30), at):
            home = {p for p in parties if states[p] == state}
            if not home:
                # `X et Emmanuel Macron se sont entretenus au palais de l’Élysée`: of the
                # parties, the one official whose state the text leaves unsaid is the seat's.
                home = {p for p in parties if (d := r.people[p].description).position
                        and not (d.state or d.organization)}
            if len(home) > 1:
                # `met the governor of a region in the Kremlin`: of the seat's state's
                # parties, the seat is its head of state's or government's.
                home = {p for p in home if r.pk.leader_title.fullmatch(r.people[p].description.position or "")}
            if len(home) == 1:
                return home
    return set()


def _generic_seat_hosts(r: Reading, m: Meeting, end: int, parties: list[int]) -> set[int]:
    """`met with X at the State House, Abuja`, `au palais de la République`: a seat any state
    may give its leader, named as where the talks took place, puts on home ground the one
    party who serves the state the meeting took place in (or the dispatch's own)."""
    s = r.sents[m.sentence]
    seat = r.pk.generic_seat.search(r.text, s.start, s.end)
    if seat is None or not _locative(r.pk).search(r.text, max(s.start, seat.start() - 30), seat.start()):
        return set()
    where = place(r.place_texts(m, end), r.pk).country_code or (None if r.home_guessed else r.home)
    if where is None:
        return set()
    states = {p: _state_of(r, p) for p in parties}
    home = {p for p in parties if states[p] == where}
    return home if len(home) == 1 and all(states[p] != where for p in parties if p not in home) else set()


@functools.cache
def _locative(pk: Pack) -> re.Pattern:
    """A place preposition shortly before a position (`at the …`, `au palais de …`)."""
    words = sorted({w.split()[0] for w in pk.data.get("place_prepositions", [])}, key=len, reverse=True)
    return re.compile(r"(?<![\w\-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w\-])[^,.;]{0,25}$", re.IGNORECASE)


def _visiting_the_state(r: Reading, parties: list[int]) -> set[int]:
    """`… received world leaders who are visiting the UAE`, then talks with each: the
    dispatch states a visit to a state; of two parties, the one of another state is the
    visitor when the other is of the visited one."""
    visited = visited_state(r)
    if visited is None:
        return set()
    states = {p: _state_of(r, p) for p in parties}
    home = [p for p in parties if states[p] == visited]
    away = [p for p in parties if states[p] and states[p] != visited]
    return set(away) if len(home) == 1 and len(away) == 1 else set()


def _state_of(r: Reading, p: int) -> str | None:
    """The state a party serves: named, or the dispatch's own for a state title."""
    d = r.people[p].description
    if d.state:
        return d.state
    if not d.organization and (known := r.known_state(p)):
        return known
    return r.home if d.position and r.pk.serves_state(d.position) and not d.organization else None


def _initiators(r: Reading, m: Meeting, end: int, parties: list[int]) -> set[int]:
    """The parties whose side took the initiative (`à l’initiative de la partie
    émiratie`), in the meeting's sentences."""
    found: set[int] = set()
    for j in range(m.sentence, end):
        s = r.sents[j]
        ini = r.pk.initiative.search(r.text, s.start, s.end)
        if ini:
            tail = r.text[ini.end():ini.end() + 60]
            d = r.pk.demonym.search(tail)
            code = r.pk.demonym_country(d.group()) if d else _initiating_state(r, ini.end(), s.end)
            if code:  # `à l’initiative de la partie émiratie`, `por iniciativa de Washington`
                found |= {p for p in parties if r.people[p].description.country == code}
                continue
            # `sur invitation du ministre …, X`: the one whose title or name follows the cue
            named = [p for p, mm in r.sent_mentions[j] if 0 <= (mm.title_start or mm.start) - ini.end() <= 5]
            if named and named[0] in parties:
                found.add(named[0])
    return found


_CAPITAL_RUN = re.compile(rf"[{UPPER}][\w’'\-]*(?:\s+[{UPPER}][\w’'\-]*)*")


def _initiating_state(r: Reading, at: int, end: int) -> str | None:
    """The state named right after an initiative cue, by its name or by its capital
    standing for its government (`at the initiative of Washington`)."""
    at += len(r.text[at:end]) - len(r.text[at:end].lstrip())
    article = r.pk.title_noise.match(r.text[at:min(end, at + 12)])
    at += article.end() if article else 0
    state = state_at(r.text, at, end, r.pk)
    if state:
        return geo.country_code(state, r.pk.code, r.pk.countries)
    words = _CAPITAL_RUN.match(r.text, at, end)  # (the whole name: `Santiago Peña` is no city)
    return geo.city_country(words.group(), r.pk.places, min_population=500_000) if words else None


def _titled_premises(r: Reading, m: Meeting, end: int, parties: list[int]) -> set[int]:
    """`the two met at the trade minister’s office`, `au bureau du Premier
    ministre`: the premises of the party whose title the sentences about the meeting give."""
    pattern = r.pk.titled_premises
    found: set[int] = set()
    for j in range(m.sentence, end):
        s = r.sents[j]
        for t in pattern.finditer(r.text, s.start, s.end):
            title = fold(t.group("title"))
            found |= {p for p in parties if (position := r.people[p].description.position)
                      and (title.startswith(fold(position)) or title.endswith(" " + fold(position)))}
    return found if len(found) == 1 else set()


def _ministry_hosts(r: Reading, venue: str, parties: list[int]) -> set[int]:
    """`au ministère de l’Agriculture` with `le ministre de l’Agriculture`: a minister at
    their own ministry is on home ground (its portfolio words all in their title; a bare
    `ministère` fits the one minister present)."""
    head = r.pk.ministry.search(venue)
    if head is None:
        return set()
    # `Ministry of Foreign Affairs of Japan`: the state's name is no part of the portfolio,
    # and only that state's minister is at home there.
    words = _content_words(venue[head.end():])
    states = {w: geo.country_code(w, r.pk.code, r.pk.countries) for w in words}
    portfolio = {w for w in words if not states[w]} - {"affairs", "affaires"}  # `Foreign Minister`
    named = {c for c in states.values() if c}
    ministers = [p for p in parties
                 if r.people[p].description.position and r.pk.minister.search(r.people[p].description.position)
                 and (not named or r.people[p].description.country in named)]
    if portfolio:
        return {p for p in ministers if portfolio <= _content_words(r.people[p].description.position)}
    return set(ministers) if len(ministers) == 1 else set()


def _own_visit(r: Reading, m: Meeting, parties: list[int]) -> set[int]:
    """`X a rencontré Y dans le cadre de sa visite officielle en France`: the visit the
    meeting sentence gives its subject. Where it names where the visit is and one party
    is of that state, the other is the visitor; otherwise the subject is."""
    s = r.sents[m.sentence]
    cue = r.pk.own_visit.search(r.text, s.start, s.end)
    if cue is None:
        return set()
    where = r.pk.visit_destination.match(r.text, cue.end(), s.end)
    if where:
        rest = r.text[where.end():s.end]
        dest = _state(rest, r.pk)[0] or _place(rest, r.pk)
        home = [p for p in parties if r.people[p].description.country == dest]
        if dest and len(home) == 1:
            return {p for p in parties if p not in home}
    return {parties[0]}  # roles list the sentence's subject first


def meeting_venue(r: Reading, m: Meeting, end: int) -> str | None:
    """The venue the meeting's sentences give (`La rencontre s’est déroulée au ministère`)."""
    return place(r.place_texts(m, end), r.pk).venue


def _content_words(phrase: str) -> set[str]:
    """The capitalised words of a phrase, folded (`de l’Agriculture` -> {agriculture})."""
    return {fold(w) for w in _CAPITALISED.findall(phrase)}


def visited_state(r: Reading) -> str | None:
    """The state the dispatch says someone is visiting (`en visite officielle en Algérie`,
    `on a state visit to China`, `visiting Azerbaijan`): where a meeting with no city named
    took place."""
    if "visited_state" not in r.cache:
        r.cache["visited_state"] = _visited_state(r)
    return r.cache["visited_state"]


def _visited_state(r: Reading) -> str | None:
    words = r.pk.data.get("visit_words", ())
    for s in r.sents:
        # (a cheap look first: the cue patterns are slow to scan with)
        folded = s.text.casefold()
        if not any(w in folded for w in words):
            continue
        cues = list(r.pk.visit.finditer(r.text, s.start, s.end)) + list(r.pk.own_visit.finditer(r.text, s.start, s.end))
        for cue in sorted(cues, key=lambda c: c.start()):
            where = r.pk.visit_destination.match(r.text, cue.end())
            rest = r.text[where.end() if where else cue.end():s.end][:80].lstrip()
            code = _state(rest, r.pk)[0]
            if code:
                return code
            if not r.home_guessed and r.pk.home_state_noun.match(rest):
                return r.home  # `currently visiting the Sultanate`: the dispatch's own state
    return None
