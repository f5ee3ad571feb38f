"""Stage 2, linking: the parties a trigger's sentence gives it, and the people present.

Given a sentence's trigger, `parties` takes the subject before it (a chain of coordinated
names, a pronoun or a bare title pointing back, a full name with no title) and the objects
after it (coordinated, through time adverbials and incidental clauses the reading blanked),
and gives each the role the trigger's direction says; `between`, `plural` and multilateral
triggers list their parties their own way. `attendees` adds those present beside them.
"""

from __future__ import annotations

import functools
import itertools
import re

from transforms import geo
from transforms.lang import Pack, Trigger, phrases
from transforms.people import Description, Mention, _plausible, given_name, state_at
from transforms.people import _name_re as _NAME_OF
from transforms.reading import Meeting, Reading
from transforms.text import fold, skip


def parties(r: Reading, i: int, trigger: Trigger, match: re.Match) -> dict[int, str] | None:
    """Person index -> role for the parties sentence `i`'s trigger gives, or None when it
    gives no two officials (a letter received, a chess game, one named party)."""
    ments = r.sent_mentions[i]
    att = r.pk.attendance.search(r.text, match.end(), r.sents[i].end)
    limit = att.start() if att else r.sents[i].end
    if trigger.kind == "multilateral":
        return _multilateral(r, i)
    if trigger.kind == "plural":
        return _coordinated(r, i, match)
    before = [(p, m) for p, m in ments if m.end <= match.start()]
    after = [(p, m) for p, m in ments if m.start >= match.end() and m.start < limit]
    if trigger.kind == "among":
        # `lors d’une rare rencontre`, `during their talks`: the two officials named before.
        named = list(dict.fromkeys(p for p, _ in before))
        if not named and r.pk.subject_after_verb:
            # `Bei einem Telefonat gratulierte X Y …`: the verb, its subject, its object
            subjects, rest = _inverted(r, i, match, after)
            if len(subjects) == 1 and rest and _credible(r, subjects, [rest[0][0]]):
                return {subjects[0]: "participant", rest[0][0]: "participant"}
        if not named:
            return _pair_after(r, i, match)  # `Lors d’un entretien jeudi, X et Y ont évoqué …`
        if len(named) != 2 or not all(r.official(p) for p in named):
            return None
        return {p: "participant" for p in named}
    if trigger.kind == "between":
        if match.group().endswith(","):
            # `At the meeting, X and Y praised …`: the subject that follows, coordinated.
            parties = _chain(r, after) if after else []
            if len(parties) < 2 or not all(r.official(p) for p in parties):
                return None
        else:
            parties = list(dict.fromkeys(p for p, _ in after))
        if len(parties) < 2 and not match.group().endswith(","):
            parties = _between_bare(r, i, match) or parties
        if len(parties) < 2:
            return None
        return {p: "participant" for p in parties}
    if before and r.pk.subject_after_verb and not trigger.nominal and _fronted(r, i, before):
        before = []  # (`Vor dem Treffen mit X ist Y …`: X is no subject)
    subjects = _subject_chain(r, before) if before else _referent(r, i, match, verbal=not trigger.nominal)
    if not subjects and r.pk.subject_after_verb and not trigger.nominal:
        subjects, after = _inverted(r, i, match, after)
    if not subjects and not trigger.nominal:
        # `La délégation a été reçue par X`, `les membres de la délégation ont rencontré X`:
        # the one who leads it.
        lead = _last_clause(r.text[r.sents[i].start:match.start()])
        subjects = _delegation_leader(r, lead, [p for p, _ in after])
    if subjects and (not after or not r.text[match.end():after[0][1].start].strip(" ,")[:1].isupper()):
        # `… held a meeting with a delegation from …`, then `The delegation was led by X`.
        hi = after[0][1].start if after else r.sents[i].end
        if delegation_noun(r.pk).match(r.text, match.end(), hi):
            leader = _delegation_leader(r, r.text[match.end():hi], subjects)
            after = [(leader[0], Mention(match.end(), match.end(), match.end(), "", None))] if leader else after
    if not subjects and trigger.nominal and after:
        # `Lors d’un entretien avec X, le Premier ministre, Y, a salué …`: the subject after.
        rest = [(p, m) for p, m in after if p not in _chain(r, after)]
        if rest:
            subjects = [rest[0][0]]
            after = [(p, m) for p, m in after if m.start < rest[0][1].start]
        else:
            # `During the meeting with X, the sides signed …`: the one the story follows.
            lead = _protagonist(r, i)
            subjects = [lead] if lead is not None and lead not in {p for p, _ in after} else []
    if subjects and not after and trigger.kind in ("directed", "symmetric") and (
            r.sents[i].text.endswith(":") or _bullet_follows(r, i)):
        # `a rencontré séparément plusieurs dirigeants, à savoir :` and one line for each.
        listed = _bulleted_items(r, i, subjects)
        if len(listed) >= 2:
            role = "host" if trigger.kind == "directed" else "participant"
            return {**{p: role for p in subjects}, **{p: "guest" if role == "host" else role for p in listed}}
    head = r.pk.plural_head.search(r.text, match.end(), r.sents[i].end) if subjects and not after else None
    if head and trigger.kind == "directed" and not r.pk.object_blocker.search(r.text, match.end(), head.start()):
        # (not `a reçu des messages de chefs d’Etat`: what was received was no one)
        group = _group_named_later(r, i, match.end(), r.sents[i].end, subjects)
        if group:
            return {**{p: "host" for p in subjects}, **{p: "guest" for p in group}}
    if not subjects and after and trigger.kind == "reverse":
        # `Four envoys presented their credentials to X. They are A from …, B from …`
        hosts = _chain(r, after)
        group = _group_named_later(r, i, r.sents[i].start, match.start(), hosts)
        if group:
            return {**{p: "guest" for p in group}, **{p: "host" for p in hosts}}
    if subjects and (not after or r.text[match.end():after[0][1].start].strip()):
        # `a reçu son homologue ouzbek au palais`: the counterpart named before.
        other = _counterpart(r, i, match, subjects)
        if other is not None and other not in {p for p, _ in after[:1]}:
            after = [(other, Mention(match.end(), match.end(), match.end(), "", None))] + after
    if subjects and not after and r.pk.object_pronoun.match(r.text, match.end()):
        # `… when the ambassador paid a courtesy call on him`: the official the story follows
        lead = _protagonist(r, i + 1)
        if lead is None or lead in subjects:  # else the official named last, in the sentence before
            lead = next((p for p, _ in reversed(r.sent_mentions[i - 1]) if r.official(p)), None) if i else None
        if lead is not None and lead not in subjects:
            after = [(lead, Mention(match.end(), match.end(), match.end(), "", None))]
    if trigger.kind == "symmetric" and not after:
        return _coordinated(r, i, match)  # `X and Y met`
    if not subjects or not after:
        return None
    gap = r.text[match.end():after[0][1].start]
    if len(gap) > 200 or (trigger.kind == "directed" and r.pk.object_blocker.search(gap)):
        return None
    objects = [p for p in _chain(r, after) if p not in subjects]
    if not objects or not _credible(r, subjects, objects):
        return None
    host, guest = ("host", "guest") if trigger.kind == "directed" else ("guest", "host")
    if trigger.kind == "symmetric":
        host = guest = "participant"
    roles = {p: host for p in subjects}
    roles.update({p: guest for p in objects})
    return roles


def separate(r: Reading, i: int, trigger: Trigger, match: re.Match, roles: dict[int, str]) -> list[dict[int, str]]:
    """`X met with the foreign ministers of Spain A, Latvia B and Poland C`: one party
    meeting several others, each of another state, in one sentence of talks; those are as
    many bilateral meetings (on the sidelines of a summit), not one among all of them. A
    guest received with others (credentials) and a delegation of one state stay one, unless
    the sentence says they were apart (`a eu séparément des appels avec X et Y`)."""
    separately = r.pk.separately.search(r.text, r.sents[i].start, r.sents[i].end)
    apart = _apart_later(r, i, roles)
    if apart:
        return apart
    if trigger.kind != "symmetric" and not (trigger.kind in ("directed", "reverse") and separately):
        return [roles]
    named_after = {p for p, m in r.sent_mentions[i] if m.start >= match.end()}
    others = [p for p in roles if p in named_after]
    subjects = [p for p in roles if p not in named_after]
    if len(subjects) != 1 or len(others) < 2:
        return [roles]
    states = [_state(r, p) for p in others]
    if _apart_words(r.pk).search(r.text, r.sents[i].start, r.sents[i].end):
        pass  # `sostuvo reuniones con A y B`: a meeting with each, whatever their states
    elif None in states or len(set(states)) < len(states) or _state(r, subjects[0]) in states:
        return [roles]
    return [{subjects[0]: roles[subjects[0]], p: roles[p]} for p in others]


@functools.cache
def _apart_words(pk: Pack) -> re.Pattern:
    """The pack's `apart_words`: talks with several people said to be one meeting each."""
    words = pk.data.get("apart_words")
    return phrases(words) if words else re.compile("(?!)")


def _apart_later(r: Reading, i: int, roles: dict[int, str]) -> list[dict[int, str]] | None:
    """A group named in the sentences after the trigger's (`They are A from …, B from …`)
    that those sentences, or the one after them, say was met apart (`at separate
    meetings with the President`), or listed a line each, each of another state: one
    meeting with each member."""
    named = {p for p, _ in r.sent_mentions[i]}
    later = [p for p in roles if p not in named]
    if len(later) < 2 or len(roles) - len(later) != 1:
        return None
    last = max(j for j in range(i, min(i + 40, len(r.sents))) if any(p in later for p, _ in r.sent_mentions[j]))
    said_apart = any(r.pk.separately.search(r.text, r.sents[k].start, r.sents[k].end)
                     for k in range(i, min(last + 2, len(r.sents))))
    # `a reçu ce jour en audience :` and a line for each guest of another state: as many
    # audiences (a list of envoys presenting credentials is one ceremony).
    items = r.cache.get("items", {})
    states = [_state(r, p) for p in later]
    audiences = all(p in items for p in later) and None not in states and len(set(states)) == len(states) \
        and not r.pk.credentials.search(r.text, r.sents[i].start, r.sents[i].end)
    if not said_apart and not audiences:
        return None
    lead = next(p for p in roles if p in named)
    return [{lead: roles[lead], p: roles[p]} for p in later]


def _state(r: Reading, p: int) -> str | None:
    d = r.people[p].description
    return d.state or d.organization


def _chain(r: Reading, after: list[tuple[int, Mention]]) -> list[int]:
    """The first person after a trigger and those coordinated with them (`X, Y and Z`,
    each with their own title)."""
    chain = [after[0][0]]
    prev = after[0][1]
    # (the k-th link stands between after[k] and after[k + 1]; the loop stops at the first
    # person it does not take, so `prev` is always after[k])
    title_links = [_title_link(r, a, b) for (_, a), (_, b) in itertools.pairwise(after)]
    # (`; and` ends a list whose items semicolons part, as `, and` does)
    leads = [_leads_to_title(r, link.replace(";", ",")) for link in title_links]
    # (three or more people each with a title of their own, commas between: a list, even
    # when what ends it is no `and` + person: `A, B, C and exchanged views with them`)
    separated = [_comma_link(r, link) for link in title_links]
    commas = [sep and b.title_start is not None and b.title_start < b.start
              for sep, (_, b) in zip(separated, after[1:])]
    for k, (p, m) in enumerate(after[1:]):
        link = _link(r, prev, m.start).removesuffix("[")
        titled = m.title_start is not None and prev.outer_end <= m.title_start < m.start
        # With the next person's title known, only `and` (`, and of`) may lead to it, or a
        # comma in a list that `and` ends (`A, Ukraine’s Minister B and …`): `… and
        # recalled President X's visit` names no further party.
        listed = separated[k] and (
            any(leads[k + 1:]) or (commas[k] and (k > 0 and commas[k - 1] or k + 1 < len(commas) and commas[k + 1]))
        )
        if titled and not leads[k] and not listed:
            break
        if p in chain or not (listed or r.pk.coordination_lead.fullmatch(link.replace(";", ","))) or "   " in link:
            break  # (a blanked day ends the list: `X on May 15, and Y granted …`)
        if r.pk.any_trigger.match(r.text, skip(r.text, m.outer_end, len(r.text))):
            break  # `… received King X of Jordan and First Vice-President Y met with …`: a new clause
        chain.append(p)
        prev = m
    return chain


def _protagonist(r: Reading, i: int) -> int | None:
    """The official the dispatch follows before sentence `i`: named in most sentences
    (at least two), the earliest named of them on a tie."""
    count: dict[int, int] = {}
    for j in range(i):
        for p in dict.fromkeys(p for p, _ in r.sent_mentions[j]):
            if r.official(p):
                count[p] = count.get(p, 0) + 1
    if not count:
        return None
    best = max(count.values())
    lead = next(p for p in count if count[p] == best)
    return lead if best >= 2 and sum(1 for c in count.values() if c == best) == 1 else None


def _group_named_later(r: Reading, i: int, lo: int, hi: int, subjects: list[int]) -> list[int]:
    """`a reçu … les lettres de créance de trois ambassadeurs`, `accepted credentials from
    three new ambassadors`: a group the sentence names by a plural title (between `lo` and
    `hi`), its members named in the next sentences (up to the next trigger), with their
    titles or with the states they come from."""
    if not r.pk.plural_head.search(r.text, lo, hi):
        return []
    group: list[int] = []
    # A credentials ceremony's story may give each envoy a paragraph of their own: the
    # list goes on through three sentences that name none of them.
    pauses = 3 if r.pk.credentials.search(r.text, r.sents[i].start, r.sents[i].end) else 0
    silent = 0
    # (the members may start within four sentences; a list of them may run long)
    for j in range(i + 1, min(i + 40, len(r.sents))):
        if r.trigger(r.sents[j]) or (not group and j > i + 4):
            break
        titled = [p for p, m in r.sent_mentions[j] if m.title and p not in subjects and p not in group]
        titled = [p for p in dict.fromkeys(titled) if r.official(p)]
        # (a sentence may name some members by their titles, others by their states only)
        listed = _members_by_state(r, j, subjects + group + titled)
        if titled or listed:
            group += sorted(titled + listed, key=lambda p: _first_in(r, j, p))
            silent = 0
        elif group:
            silent += 1
            if silent > pauses:
                break  # the list has ended
    return group if len(group) >= 2 else []


_LOWER_LEAD = re.compile(r"^(?:[^\W\d_A-Z][\w’']*\s+)+")


@functools.cache
def _member_from(pk: Pack) -> re.Pattern:
    """A name, whole, then the word that gives the state it comes from (`A from `)."""
    return re.compile(rf"(?<![\w’'\-])({_NAME_OF(pk).pattern})(?i:{pk.from_state.pattern})")


def _bulleted_items(r: Reading, i: int, taken: list[int]) -> list[int]:
    """The people a list under sentence `i` names, one a line: the first named on each
    line, whether or not it starts with a bullet (a list's last line often has none), up to
    a line that names no one. The sentences of each line are kept as that person's
    (`r.cache["items"]`), where those with them are told (`X was accompanied by …`)."""
    items: dict[int, tuple[int, int]] = r.cache.setdefault("items", {})
    listed: list[int] = []
    j = i + 1
    while j < len(r.sents):
        line_end = r.text.find("\n", r.sents[j].start)
        line_end = len(r.text) if line_end < 0 else line_end
        k = j
        while k + 1 < len(r.sents) and r.sents[k + 1].start < line_end:
            k += 1
        first = next((p for p, _ in r.sent_mentions[j] if p not in taken and p not in listed), None)
        if first is None or not r.official(first) or not (
            _BULLET.match(r.text, r.sents[j].start) or listed
        ):
            break
        listed.append(first)
        items[first] = (j, k + 1)
        j = k + 1
    return listed


def _members_by_state(r: Reading, j: int, taken: list[int]) -> list[int]:
    """`Ont été accrédités A pour l’Italie, B pour le Ghana et C pour la Suède`, `They are
    A from Algeria and B from Finland`, `A (Algeria), B (Finland)`, `the envoys of Algeria,
    A; and of Finland, B`, `ceux du Mali (A) et du Ghana (B)`: members of a group met named with no title, each with the state
    they come from, which becomes theirs."""
    s = r.sents[j]
    found: list[tuple[int, int, str]] = []  # (where the name ends, its start, the state)
    for n in _member_from(r.pk).finditer(r.text, s.start, s.end):
        article = r.pk.title_noise.match(r.text[n.end():min(s.end, n.end() + 8)])
        state = state_at(r.text, n.end() + (article.end() if article else 0), s.end, r.pk)
        if state is not None:
            found.append((n.end(1), n.start(1), state))
    for n in _member_then_state(r.pk).finditer(r.text, s.start, s.end):
        state = state_at(r.text, n.start(2), n.end(2), r.pk)
        if state is not None and len(state) == len(n.group(2)):
            found.append((n.end(1), n.start(1), state))
    for n in r.pk.of_state.finditer(r.text, s.start, s.end):
        article = r.pk.title_noise.match(r.text[n.end():min(s.end, n.end() + 8)])
        at = n.end() + (article.end() if article else 0)
        state = state_at(r.text, at, s.end, r.pk)
        name = (_COMMA_NAME(r.pk).match(r.text, at + len(state), s.end)
                or _BRACKETED_NAME(r.pk).match(r.text, at + len(state), s.end)) if state else None
        if name is not None:
            found.append((name.end(1), name.start(1), state))
    members: list[int] = []
    for end, start, state in sorted(found):
        name = _LOWER_LEAD.sub("", r.text[start:end])  # (`Il s’agit de A pour …`)
        known = next((p for p, m in r.sent_mentions[j] if m.end == end), None)
        if known is None and not _full_name(r, name):
            continue
        p = known if known is not None else _add_bare(r, j, name, end)
        d = r.people[p].description
        if p not in taken and d.country is None:
            r.people[p].description = Description(
                d.position, d.organization, geo.country_code(state, r.pk.code, r.pk.countries), d.org_country
            )
        members.append(p)
    return [p for p in dict.fromkeys(members) if p not in taken]


def _first_in(r: Reading, j: int, p: int) -> int:
    """Where person `p` is first named in sentence `j`."""
    return min(m.start for q, m in r.sent_mentions[j] if q == p)


@functools.cache
def _member_then_state(pk: Pack) -> re.Pattern:
    """A name, whole, then its state in brackets (`A (Algeria)`)."""
    return re.compile(rf"(?<![\w’'\-])({_NAME_OF(pk).pattern})\s+\(([^()]{{2,60}})\)")


@functools.cache
def _BRACKETED_NAME(pk: Pack) -> re.Pattern:
    """A name, whole, in brackets after its state (`du Mali (A)`)."""
    return re.compile(rf"\s*\(({_NAME_OF(pk).pattern})\)")


@functools.cache
def _COMMA_NAME(pk: Pack) -> re.Pattern:
    """A comma, then a name, whole, cut off by punctuation or `and` (`, A;`, `, A and …`)."""
    return re.compile(rf"\s*,\s+({_NAME_OF(pk).pattern})(?=\s*(?:[,;.]|$)|{pk.list_separator.pattern})")


_POSSESSIVE_COUNTERPART = re.compile(r"\s*(?:son|sa|ses|leur|leurs|his|her|their)\s+(\w+)\s+", re.IGNORECASE)


def _counterpart(r: Reading, i: int, match: re.Match, subjects: list[int]) -> int | None:
    """`son homologue ouzbek`, `his Turkish counterpart` right after the trigger, with
    no name: the one person of that state the dispatch has named."""
    c = _POSSESSIVE_COUNTERPART.match(r.text, match.end(), r.sents[i].end)
    if c is None:
        return None
    if r.pk.counterpart.match(c.group(1)):  # `son homologue ouzbek`
        d = r.pk.demonym.match(r.text, c.end(), r.sents[i].end)
    else:  # `his Turkish counterpart`
        d = r.pk.demonym.fullmatch(c.group(1))
        word = re.match(r"\w+", r.text[c.end():r.sents[i].end])
        d = d if word and r.pk.counterpart.match(word.group()) else None
    if d is None:
        # `Sur invitation de son homologue X, Y s’est rendu à Paris pour un entretien avec son
        # homologue`: no state said, the one other official the sentence names before.
        named = {p for p, m in r.sent_mentions[i] if m.end <= match.start() and p not in subjects and r.official(p)}
        return named.pop() if len(named) == 1 else None
    state = r.pk.demonym_country(d.group())
    found = {p for p, person in enumerate(r.people) if person.description.country == state and p not in subjects}
    if not found:
        # (`s’est entretenu avec son homologue français`, Emmanuel Macron named bare: the
        # one person of that state by the list of well-known officials)
        found = {p for p, person in enumerate(r.people) if p not in subjects and person.description.country is None
                 and not person.description.organization and r.known_state(p) == state}
    return found.pop() if len(found) == 1 else None


def _comma_link(r: Reading, link: str) -> bool:
    """`, ` or `; ` between two people, maybe with the article of the next one's title
    (`…, X, le président mauritanien, Y`)."""
    link = link.strip()
    if link in (",", ";"):
        return True
    rest = link[1:].strip()
    return link[:1] in ",;" and bool(rest) and bool(r.pk.title_noise.fullmatch(rest + " "))


def _title_link(r: Reading, a: Mention, b: Mention) -> str:
    """The words between one person (with their title) and the next one's title."""
    lo = a.outer_end
    return _link(r, a, b.title_start if b.title_start is not None and lo <= b.title_start < b.start else b.start)


def _link(r: Reading, a: Mention, hi: int) -> str:
    """The words from the end of a person (with their title) to `hi`, without what is still
    theirs: the state said of their title (`President X of Zambia; …`) and the bracket
    closing their name (`… Kyrgyz Republic [X] and Tajikistan [Y]`)."""
    link = r.text[a.outer_end:hi]
    if a.of_state and link.lstrip().startswith(a.of_state):
        link = link.lstrip()[len(a.of_state):]
    # `…, Sheikh Mohamed …`: a rank right before the next name is theirs, not the link's
    rank = _rank_at_end(r.pk).search(link)
    if rank:
        link = link[:rank.start()] + " "
    return link.removeprefix("]")


@functools.cache
def _rank_at_end(pk: Pack) -> re.Pattern:
    return re.compile(r"(?<=[\s,;])(?:" + pk.rank.pattern + r")\s*$", re.IGNORECASE if pk.rank.flags & re.IGNORECASE else 0)


def _leads_to_title(r: Reading, link: str) -> bool:
    """`, and`, `ainsi que le`, `et de la`: a coordination and at most an article."""
    c = r.pk.coordination.match(link)
    if c is None:
        return False
    rest = link[c.end():]
    return not rest.strip() or bool(r.pk.title_noise.fullmatch(rest) or r.pk.title_noise.fullmatch(rest + " "))


_APPOSITION = re.compile(r"\s*,[^,;:.]{3,120},")


def _coordinated(r: Reading, i: int, match: re.Match) -> dict[int, str] | None:
    """Parties named together as the subject: `X and Y held talks`, `X et Y se sont
    entretenus` (each with their title)."""
    before = [(p, m) for p, m in r.sent_mentions[i] if m.end <= match.start()]
    if len(before) == 1:
        bare = _bare_before(r, i, before[0][1])
        if bare is not None:
            before = [(p, m) for p, m in r.sent_mentions[i] if m.end <= match.start()]
    if len(before) < 2 and r.pk.subject_after_verb:
        # `Am Samstag haben X und Y telefoniert`: the coordinated subject after the verb
        after = [(p, m) for p, m in r.sent_mentions[i] if m.start >= match.end()]
        chain = _chain(r, after) if after else []
        if len(chain) >= 2 and all(r.official(p) for p in chain):
            return {p: "participant" for p in chain}
    if len(before) < 2:
        return _bare_pair(r, i, match)
    last = before[-1][1]
    tail = r.text[last.outer_end:match.start()]
    apposition = _APPOSITION.match(tail)
    if apposition and r.pk.title_head.search(apposition.group()):
        tail = tail[apposition.end():]  # (`…, the prime minister of Saudi Arabia, held talks`)
    if len(tail.split()) > 3:
        return None
    chain = _subject_chain(r, before)
    # (a full name with no title beside an official: `François Hollande et le président élu …`)
    if len(chain) < 2 or not all(r.official(p) or (
        any(r.official(q) for q in chain) and len(r.people[p].full.tokens) >= 2
    ) for p in chain):
        return _bare_pair(r, i, match)  # (no one titled: two full names, the whole subject)
    return {p: "participant" for p in chain}


def _bare_before(r: Reading, i: int, m: Mention) -> int | None:
    """`François Hollande et le président élu Donald Trump se sont entretenus`: a full name
    with no title coordinated before a titled party (its first word a known given name)."""
    lead = _last_clause(r.text[r.sents[i].start:m.outer_start])
    parts = r.pk.and_split.split(lead.strip())
    if len(parts) != 2 or (parts[1].strip() and not r.pk.title_noise.fullmatch(parts[1].strip() + " ")):
        return None
    name = parts[0].strip()
    if not (_full_name(r, name) and given_name(name.split()[0])):
        return None
    return _add_bare(r, i, name, m.start)


def _last_clause(lead: str) -> str:
    """What follows the last comma or dash (`PARIS (Reuters) - X et Y`, `Vendredi, X et Y`)."""
    return re.split(r",|\s[-–—]{1,2}\s", lead)[-1]


def _full_name(r: Reading, name: str) -> bool:
    """Two words or more that read as a person's name (`Alexander Croo`)."""
    return len(name.split()) >= 2 and bool(_NAME_OF(r.pk).fullmatch(name)) and _plausible(name, r.pk, single_ok=False)


def _bare_pair(r: Reading, i: int, match: re.Match) -> dict[int, str] | None:
    """`Alexander Croo et Mark Rutte se sont entretenus`: two full names with no title, the
    whole subject of a verb of talks (not of one that also tells of games: `se sont
    rencontrés`, `met`)."""
    if r.pk.ambiguous_meeting.search(match.group()):
        return None
    lead = _last_clause(r.text[r.sents[i].start:match.start()])
    names = [n.strip() for n in r.pk.and_split.split(lead.strip(" -–—"))]
    if len(names) != 2 or not all(_full_name(r, n) for n in names):
        return None
    return {_add_bare(r, i, name, match.start()): "participant" for name in names}


def _between_bare(r: Reading, i: int, match: re.Match) -> list[int]:
    """`un tête-à-tête entre Joseph Kabila et Bintou Keita`, `the meeting between Erdoğan and
    Rached Ghannouchi`: right after `between`, two people joined by `and`, each a person
    already named there or a full name with no title."""
    pair = _between_pair(r.pk).match(r.text, match.end(), r.sents[i].end)
    if pair is None or r.pk.ambiguous_meeting.search(match.group()):
        return []
    out = []
    for k in (1, 2):
        known = next((p for p, m in r.sent_mentions[i] if m.start == pair.start(k) and m.end == pair.end(k)), None)
        if known is None and not _full_name(r, pair.group(k)):
            return []
        out.append(known if known is not None else _add_bare(r, i, pair.group(k), pair.end(k)))
    return out if out[0] != out[1] else []


@functools.cache
def _between_pair(pk: Pack) -> re.Pattern:
    name = _NAME_OF(pk).pattern
    return re.compile(rf"\s*({name})(?:{pk.and_split.pattern})({name})(?=[\s,.;:]|$)")


def _pair_after(r: Reading, i: int, match: re.Match) -> dict[int, str] | None:
    """`Lors d’un entretien téléphonique lundi, à l’initiative du Canada, X et Y ont
    évoqué …`: a talk opening the sentence, then the two who held it as the subject of
    the main clause (titled, or two full names), after a comma."""
    s = r.sents[i]
    comma = r.text.rfind(",", match.end(), s.end)
    while comma > 0:
        lead = r.text[comma + 1:s.end]
        after = [(p, m) for p, m in r.sent_mentions[i] if m.outer_start > comma]
        chain = _chain(r, after) if after else []
        if len(chain) == 2 and all(r.official(p) for p in chain):
            return {p: "participant" for p in chain}
        pair = _pair_subject(r.pk).match(lead)
        if pair and all(_full_name(r, n) for n in pair.group(1, 2)):
            at = comma + 1 + pair.end(2)
            return {_add_bare(r, i, name, at): "participant" for name in pair.group(1, 2)}
        comma = r.text.rfind(",", match.end(), comma)
    return None


@functools.cache
def _pair_subject(pk: Pack) -> re.Pattern:
    name = _NAME_OF(pk).pattern
    return re.compile(rf"\s*({name})(?:{pk.and_split.pattern})({name})\s+(?=[a-zà-ÿ])")


def _fronted(r: Reading, i: int, before: list[tuple[int, Mention]]) -> bool:
    """The people before a verb-second verb stand in a phrase put before it (`Vor dem
    Treffen mit X ist Y …`), not as its subject: words other than an article lead to them."""
    chain = _subject_chain(r, before)
    first = next(m for p, m in before if p == chain[0])
    lead = r.text[r.sents[i].start:first.outer_start]
    words = re.split(r"[:;]|\s[-–—]{1,2}\s", lead)[-1].split()
    # (a capitalised word that is no function word belongs to the title: `Bayerns`)
    return any(not r.pk.title_noise.fullmatch(w + " ") and (w[:1].islower() or fold(w) in r.pk.not_names)
               for w in words)


def _inverted(r: Reading, i: int, match: re.Match, after: list[tuple[int, Mention]]
              ) -> tuple[list[int], list[tuple[int, Mention]]]:
    """In a verb-second clause that an adverbial opens (`Am Montag empfing X Y`, `Am
    Montag hat er Y empfangen`), the subject right after the verb, and the objects after it."""
    word = re.match(r"[\s,]*(\w+)", r.text[match.end():r.sents[i].end])
    if word and r.pk.pronoun.match(word.group(1)):
        for j in range(i - 1, -1, -1):
            if r.sent_mentions[j]:
                return [r.sent_mentions[j][0][0]], after
        return [], after
    if len(after) == 1:
        return [after[0][0]], []  # (`empfing X` and a list of those received, a line each)
    if not after:
        return [], after
    chain = _chain(r, after)
    rest = [(p, m) for p, m in after if p not in chain]
    return (chain, rest) if rest else ([], after)


def _subject_chain(r: Reading, before: list[tuple[int, Mention]]) -> list[int]:
    """The last person before a verb and those coordinated with them (`X and Y`, `X, Y
    et Z`, each with their own title)."""
    last_p, nxt = before[-1]
    chain = [last_p]
    for p, m in reversed(before[:-1]):
        lo = m.outer_end
        # (a title shared through a plural starts before both names: `les ministres …, X et Y`)
        hi = nxt.title_start if nxt.title_start is not None and lo <= nxt.title_start < nxt.start else nxt.start
        link = r.text[lo:hi]
        # (nothing between two mentions: the two halves of `les deux présidents`; `X, envoy,
        # accompanied by Y, was received`: the subject and who came with them)
        if p in chain or not (link == "" or r.pk.coordination_lead.fullmatch(link)
                              or r.pk.attendance.fullmatch(link.strip(" ,"))):
            break
        chain.insert(0, p)
        nxt = m
    return chain


def _credible(r: Reading, subjects: list[int], objects: list[int]) -> bool:
    """Officials on both sides; a party named in full with no title (`Félix Tshisekedi a
    rencontré Donald Trump`) passes when the other side has an official. Two bare names
    (`X a rencontré Y` of a chess game) do not."""
    sides = (subjects, objects)
    for side, other in (sides, sides[::-1]):
        backed = any(r.official(q) for q in other)
        for p in side:
            if not r.official(p) and not (backed and len(r.people[p].full.tokens) >= 2):
                return False
    return True


def _referent(r: Reading, i: int, match: re.Match, verbal: bool = False) -> list[int]:
    """A subject written as a pronoun or a bare title (`il`, `le ministre`): the person
    it points back to. In a language that drops subject pronouns (the pack's
    `null_subject`), a verb with no subject before it (`Igualmente, sostuvo …`) has one."""
    lead = r.text[r.sents[i].start:match.start()].strip(" ,\"“”«»")
    lead = re.sub(r"^(?:\S+\s*,\s*)", "", lead) if "," in lead else lead
    while True:  # `he also held talks`: the adverb before the verb is not the subject
        shorter = r.pk.adverb.sub("", lead)
        if shorter == lead:
            break
        lead = shorter
    # `She visited the university, where she had a meeting with …`: the clause's own subject.
    relative = r.pk.relative_pronoun.search(lead)
    if relative and r.pk.pronoun.fullmatch(lead[relative.end():].strip()):
        lead = lead[relative.end():].strip()
    words = lead.split()
    if not words and verbal and r.pk.data.get("null_subject"):
        return _named_just_before(r, i)  # read as a subject pronoun
    if not words or len(words) > 6:
        return []
    bare = _bare_name(r, i, lead, match)
    if bare is not None:
        return [bare]
    if words[-1] in r.pk.data.get("first_person", ()):
        # `“I also had a bilateral meeting with …”`: the speaker, the one the story follows.
        lead_person = _protagonist(r, i)
        return [lead_person] if lead_person is not None else []
    if r.pk.pronoun.match(words[-1]):
        return _named_just_before(r, i)
    fits = [positions for ref, positions in r.pk.title_references if ref.search(lead)]
    head = r.pk.title_head.search(lead) or _reference_noun(r.pk).search(lead)
    if not head and not fits:
        return []
    word = fold(head.group()) if head else None
    said = {r.pk.demonym_country(w) for w in words} - {None}  # `the Russian minister`: of that state
    for j in range(i - 1, -1, -1):
        for p, _ in r.sent_mentions[j]:
            d = r.people[p].description
            pos = d.position
            if not pos or (said and d.state and d.state not in said):
                continue
            if (fits and any(f.match(pos) for f in fits)) or (not fits and fold(pos).startswith(word)):
                return [p]
    if said:
        # (`the Russian minister`: the one official of that state named before, if one)
        of_state = {p for j in range(i) for p, _ in r.sent_mentions[j]
                    if r.official(p) and r.people[p].description.state in said}
        if len(of_state) == 1:
            return list(of_state)
    # `The Caribbean diplomat also met with …`: a description that fits no one named by
    # that title is the one the dispatch follows, unless it names another state.
    lead_person = _protagonist(r, i)
    if lead_person is None:
        return []
    own = r.people[lead_person].description
    states = {r.pk.demonym_country(w) for w in words} - {None}
    if states and (own.country or own.org_country) not in states:
        return []
    # (`The WHO official …`: nor another organisation's)
    acronyms = [w for w in words if len(w) >= 2 and w.isupper()]
    if acronyms and not (own.organization and any(a in own.organization for a in acronyms)):
        return []
    return [lead_person]


@functools.cache
def delegation_noun(pk: Pack) -> re.Pattern:
    """An article or two, then the pack's word for a delegation, right at the position."""
    nouns = pk.data.get("delegation_nouns")
    if not nouns:
        return re.compile("(?!)")
    return re.compile(r"[\s,]*(?:[^\W\d_]+[’'\s]\s*){0,3}?(?:" + "|".join(map(re.escape, nouns)) + r")\b", re.IGNORECASE)


def _delegation_leader(r: Reading, phrase: str, others: list[int]) -> list[int]:
    """The leader of the one delegation the dispatch names one (`une délégation conduite par
    X`, `The delegation was led by X`), when `phrase` names a delegation and no one else."""
    if not r.delegates or not delegation_noun(r.pk).search(phrase):
        return []
    leaders = [p for p in r.delegates if p not in others]
    return leaders if len(leaders) == 1 and len(r.delegates) == 1 else []


def _named_just_before(r: Reading, i: int) -> list[int]:
    """What a subject pronoun points back to: the subject of the nearest sentence before
    `i` that names anyone, when it tells of a meeting (`The Caribbean diplomat also met with
    X. He also held talks with Y`), else the first person it names."""
    for j in range(i - 1, -1, -1):
        found = r.trigger(r.sents[j])
        if found is not None and not r.cache.get("reading_pronoun"):
            # (that sentence's own pronoun, if it has one, is read by its first name only:
            # one sentence back at most)
            r.cache["reading_pronoun"] = True
            try:
                roles = parties(r, j, *found)
            finally:
                r.cache["reading_pronoun"] = False
            if roles:
                return [next(iter(roles))]
        if r.sent_mentions[j]:
            return [r.sent_mentions[j][0][0]]
    return []


@functools.cache
def _reference_noun(pk: Pack) -> re.Pattern:
    """`diplomat`, `official`: a noun that names an official without being a title."""
    nouns = pk.data.get("reference_nouns")
    return phrases(nouns) if nouns else re.compile("(?!)")


def _bare_name(r: Reading, i: int, lead: str, match: re.Match) -> int | None:
    """A subject that is a full name and nothing else (`Emmanuel Macron a accueilli …`):
    a person no title marks, whom the trigger makes a party."""
    if not _full_name(r, lead):
        return None
    if r.text.rfind(lead, r.sents[i].start, match.start()) < 0:
        return None
    return _add_bare(r, i, lead, match.start())


def _add_bare(r: Reading, i: int, name: str, before: int) -> int:
    """The person a name with no title written before `before` in sentence `i` names,
    added to that sentence's mentions (the reading finds only titled names)."""
    at = r.text.rfind(name, r.sents[i].start, before)
    mention = Mention(at, at, at + len(name), name, None)
    p = r.person(mention)
    r.sent_mentions[i] = sorted(r.sent_mentions[i] + [(p, mention)], key=lambda pm: pm[1].start)
    return p


def _multilateral(r: Reading, i: int) -> dict[int, str] | None:
    parties = [p for p, _ in r.sent_mentions[i]]
    for j in range(i + 1, min(i + 4, len(r.sents))):
        new = [p for p, m in r.sent_mentions[j] if m.title and p not in parties]
        if not new:
            break
        parties.extend(new)
        for p, m in r.sent_mentions[j]:
            if r.people[p].description.country is None:
                ctx = _context_country(r, j, m)
                if ctx:
                    d = r.people[p].description
                    r.people[p].description = Description(d.position, d.organization, ctx, d.org_country)
    parties = list(dict.fromkeys(p for p in parties if r.official(p)))
    if len(parties) < 2:
        return None
    return {p: "participant" for p in parties}


def _context_country(r: Reading, j: int, m: Mention) -> str | None:
    """The state a delegate speaks for, from `le Kazakhstan était représenté par …`."""
    s = r.sents[j]
    prior = [mm for _, mm in r.sent_mentions[j] if mm.end <= m.start]
    lo = (prior[-1].end) if prior else s.start
    clause = r.text[lo:(m.title_start or m.start)]
    for d in r.pk.demonym.finditer(clause):
        return r.pk.demonym_country(d.group())
    words = list(re.finditer(r"[\w’'\-]+", clause))
    for k, w in enumerate(words):
        if not w.group()[0].isupper():
            continue
        for n in (3, 2, 1):
            if k + n <= len(words):
                code = geo.country_code(clause[w.start():words[k + n - 1].end()], r.pk.code, r.pk.countries)
                if code:
                    return code
    return None


def attendees(r: Reading, m: Meeting, end: int) -> None:
    # (one of a list's meetings, a line each, is told of on its own line only)
    own = [span for p, span in r.cache.get("items", {}).items() if p in m.roles]
    for j in [m.sentence, *range(*own[0])] if len(own) == 1 else range(m.sentence, end):
        s = r.sents[j]
        cues = (r.pk.attendance_lower.finditer(r.lower, s.start, s.end) if r.lower is not None
                else r.pk.attendance.finditer(r.text, s.start, s.end))
        for a in cues:
            after = [p for p, mm in r.sent_mentions[j] if mm.start >= a.end()]
            if not after and _LIST_INTRO.match(r.text, a.end(), s.end):
                after = _listed_below(r, j, end)  # `en présence de MM. :` and a bulleted list
            before = [p for p, mm in r.sent_mentions[j] if mm.end <= a.start()]
            # `A, B et C ont pris part à cet entretien`: every name before a cue that ends
            # its sentence (in the meeting's own sentence, those are its parties).
            chosen = after if after else (before if j != m.sentence else [])
            # `La délégation comprenait également X`: a member of the visiting delegation
            # is of its leader's state unless their own title names one.
            leaders = [q for q in m.roles if q in r.delegates] if r.pk.member.search(a.group()) else []
            for p in chosen:
                if p not in m.roles and r.official(p):
                    m.roles[p] = "attendee"
                    d = r.people[p].description
                    lead = r.people[leaders[0]].description if len(leaders) == 1 else None
                    if lead and d.country is None and d.organization is None and lead.country:
                        r.people[p].description = Description(d.position, None, lead.country, None)


def _bullet_follows(r: Reading, i: int) -> bool:
    """The sentence after `i` is a bulleted item on a line of its own."""
    return i + 1 < len(r.sents) and r.text.rfind("\n", r.sents[i].end, r.sents[i + 1].start) >= 0 \
        and bool(_BULLET.match(r.text, r.sents[i + 1].start))


_LIST_INTRO = re.compile(r"[^\w]{0,3}(?:\w{1,4}\.?)?\s*:\s*$")  # ` :`, ` MM. :`
_BULLET = re.compile(r"\s*(?:[•·*▪]\s*|[-–—]\s)")  # (`·Son Excellence …`: a dot may touch its item)


def _listed_below(r: Reading, j: int, end: int) -> list[int]:
    """The people of the bulleted items after sentence `j` (and of a last item joined by
    `Et de …`, `and …`), in order."""
    listed: list[int] = []
    for k in range(j + 1, end):
        s = r.sents[k]
        bullet = _BULLET.match(r.text, s.start, s.end)
        if not bullet and not (listed and r.pk.list_separator.match(" " + s.text.split(" ", 1)[0].lower() + " ")):
            break
        listed += [p for p, _ in r.sent_mentions[k]]
        if not bullet:
            break  # the item after the last separator ends the list
    return listed
