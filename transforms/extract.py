"""Meetings and their participants from one parsed dispatch, driven by its language pack.

The stages, each in its own module: `reading` finds the people a dispatch names and the
meeting triggers of its sentences; `linking` gives each trigger its parties and the people
present; `roles` decides who hosted whom; this module builds the records: the meeting's
day, place, kind and topics and each participant's position, organisation and state.
Everything language-specific comes from `transforms/lang/<code>.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from transforms import candidates, confidence, geo, linking, morphology, roles
from transforms.dates import meeting_date
from transforms.lang import pack as language_pack
from transforms.orgs import registry
from transforms.parse import Dispatch
from transforms.people import Description
from transforms.places import Place, place
from transforms.reading import Meeting, Reading
from transforms.text import Span, fold

_WORD = re.compile(r"[\w'-]+")
_ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,9}")
_ROLE_ORDER = {"host": 0, "guest": 1, "participant": 2, "attendee": 3}


def meetings(d: Dispatch, explain: bool = False) -> list[dict]:
    """The meetings a dispatch reports, each with its participants, as plain records.
    `explain`: each record also carries the features its confidence was scored on."""
    pk = language_pack(d.language)
    if pk is None or not d.text:
        return []
    return _meetings(Reading(d, pk), explain)


def _meetings(r: Reading, explain: bool = False) -> list[dict]:
    """Trigger by trigger, the parties, and the candidates the rules did not read that the
    scorer keeps; then, meeting by meeting, those present, the roles and the record (its
    later sentences, up to the next meeting's, tell more about it)."""
    found = rule_meetings(r)
    kept = candidates.accepted(r, found) if r.pk.data.get("candidate_cues") else []
    scored = {m.sentence: p for m, p in kept}
    if kept:
        found = sorted(found + [m for m, _ in kept], key=lambda m: m.sentence)
    records = []
    previous_date = None
    for m in found:
        # (meetings one sentence states share the sentences after it)
        end = next((o.sentence for o in found if o.sentence > m.sentence), len(r.sents))
        linking.attendees(r, m, end)
        roles.home_ground(r, m, end)
        record = _record(r, m, end, previous_date)
        previous_date = record["meeting_date"]
        records.append(record)
    seen: list[set[int]] = []
    for m, record in zip(found, records):
        principals = _principals(m)
        _trust(r, m, record, len(found), principals in seen, explain)
        if m.trigger is None and m.sentence in scored:
            # (a candidate's: no surer than its scorer's probability of being a meeting)
            record["confidence"] = min(record["confidence"] or 1.0, round(scored[m.sentence], 4))
        seen.append(principals)
    return records


def rule_meetings(r: Reading) -> list[Meeting]:
    """The meetings the rules read: trigger by trigger, the parties it links."""
    found: list[Meeting] = []
    for i, s in enumerate(r.sents):
        trig = r.trigger(s)
        if trig is None:
            continue
        trigger, match = trig
        parties = linking.parties(r, i, trigger, match)
        if parties is None:
            continue
        groups = linking.separate(r, i, trigger, match, parties)
        for group in groups:
            principals = {p for p, role in group.items() if role != "attendee"}
            same = next((m for m in found if (set(m.roles) == set(group) or principals <= set(m.roles)
                                              or _principals(m) <= set(group))
                         and not _other_day(r, m.sentence, i)), None)
            if same is not None:
                # a later sentence about the same meeting (a headline's, then the lead's):
                # it may give the day or the place the first one leaves out, and the people
                # and the direction (who received whom) it left out
                _retell(r, same, group, s)
                if i not in same.retold and i != same.sentence:
                    same.retold.append(i)
                continue
            found.append(Meeting(i, trigger, group, s, parts=len(groups), at=match.start()))
    return found


def _principals(m: Meeting) -> set[int]:
    """The meeting's parties, those only present left out."""
    return {p for p, role in m.roles.items() if role != "attendee"}


def _retell(r: Reading, m: Meeting, group: dict[int, str], s: Span) -> None:
    """What sentence `s`, later about meeting `m`, adds: the people it names besides, and
    host and guest where the first sentence said only who met (`Rencontre entre A et B` …
    `A a reçu B`; not for a call, where who rang is no host)."""
    undirected = all(role in ("participant", "attendee") for role in m.roles.values()) and not any(
        pattern.search(text) for text in (m.evidence.text, s.text) for kind, pattern in r.pk.kinds if kind == "phone_call")
    for p, role in group.items():
        if p not in m.roles or (undirected and role in ("host", "guest")):
            m.roles[p] = role


def _trust(r: Reading, m: Meeting, record: dict, in_dispatch: int, told_before: bool, explain: bool) -> None:
    """Each row's confidence (`transforms.confidence`), from the evidence it stands on."""
    features = confidence.meeting_features(r, m, record, m.parts, in_dispatch, told_before)
    record["confidence"] = confidence.calibrated("meeting", confidence.logit("meeting", features))
    people = []
    for p, row in zip(record.pop("_people"), record["participants"]):
        own = confidence.participant_features(r, m, p, row)
        row["confidence"] = confidence.participant_confidence(record["confidence"], own)
        people.append(own)
    if explain:
        record["features"] = {"meeting": features, "participants": people}


def _other_day(r: Reading, a: int, b: int) -> bool:
    """Whether two sentences name two different days (`held talks on Wednesday` …
    `on Tuesday evening, the two leaders held a meeting`): two meetings, not one told twice."""
    days = [meeting_date([r.unmasked(j)], r.d.published_date, r.pk) for j in (a, b)]
    return all(f.basis in ("explicit", "weekday") for f in days) and days[0].date != days[1].date


def _sentences_before(r: Reading, m: Meeting) -> list[int]:
    """The sentences that may give the day or place of a meeting whose own sentences give
    none: the one before it, then the story's lead (the first that tells of a meeting: `X
    met with heads of state … on May 21`, after a headline), then the dispatch's opening one."""
    lead = next((k for k in range(m.sentence - 1) if r.trigger(r.sents[k]) is not None), None)
    return list(dict.fromkeys(k for k in (m.sentence - 1, lead, 0) if k is not None and 0 <= k < m.sentence))


def _dateline_only(r: Reading, j: int) -> bool:
    """Whether sentence `j` is a dateline or time stamp alone (`BAKU, Azerbaijan, May 2.`,
    `26 August 2023 12:00 (UTC+04:00)`): a few words, no sentence."""
    return len(r.sents[j].text.split()) <= 6


def _record(r: Reading, m: Meeting, end: int, previous_date: dt.date | None) -> dict:
    detail = r.detail_sentences(m, end)
    texts = [r.unmasked(j) for j in detail + [j for j in m.retold if j not in detail]]
    found = meeting_date(texts, r.d.published_date, r.pk, r.d.written_by)
    date, basis = found.date, found.basis
    if basis == "previous":
        if previous_date is None and m.sentence > 0:
            # `X est arrivé mardi à Bakou. Le même jour, il a été reçu …`: with no meeting
            # before, the day the sentence before gives.
            before = meeting_date([r.unmasked(m.sentence - 1)], r.d.published_date, r.pk)
            previous_date = before.date if before.basis in ("explicit", "weekday", "relative") else None
        date = previous_date + dt.timedelta(days=found.offset) if previous_date else None
        basis = "relative" if date else None
    elif basis == "relative" and date == r.d.published_date:
        basis = "publication"
    elif basis is None:
        # `… a eu une série d’entretiens lundi à Rabat`, then each talk in its own sentence:
        # the day the sentence before or the opening one gives.
        for j in _sentences_before(r, m):
            if _dateline_only(r, j):
                continue  # `BAKU, Azerbaijan, May 2.`: the dispatch's day, not the talks'
            around = meeting_date([r.unmasked(j)], r.d.published_date, r.pk, r.d.written_by)
            if around.basis in ("explicit", "weekday"):
                date, basis = around.date, around.basis
                break
            if around.basis == "relative" and r.trigger(r.sents[j]) is not None:
                # `X today received four courtesy calls …`, then each call in its own
                # sentence: the day of the talks that sentence tells of.
                date, basis = around.date, around.basis
                break
        said = r.sents[m.sentence].text
        if date is None and previous_date is not None and r.pk.continuation.search(said) and not r.pk.before.search(said):
            # `Anwar also held a meeting with …`: on the occasion of the meeting before.
            date, basis = previous_date, "relative"
    kind = r.kind(m)
    where = place(r.place_texts(m, end), r.pk)
    if kind in ("phone_call", "video_conference"):
        where = type(where)()
    elif where.country_code is None:
        # No city: the dispatch's own city when the sentence says `here` (`at Istana Seri
        # Kinabalu here`); the state someone is said to be visiting (`qui effectue une
        # visite officielle en Algérie`). (A leader's seat alone, `au palais de Carthage`,
        # names no city: left unplaced, as annotators do.)
        s = r.sents[m.sentence]
        here = r.d.dateline_city and r.pk.here.search(r.text, s.start, s.end)
        code = geo.city_country(r.d.dateline_city, r.pk.places) if here else None
        if code:
            city = r.d.dateline_city.title() if r.d.dateline_city.isupper() else r.d.dateline_city  # (`KUCHING`)
            where = type(where)(city, code, where.venue)
        else:
            where = type(where)(None, roles.visited_state(r), where.venue)
    if kind not in ("phone_call", "video_conference") and where.country_code is None:
        where = _place_around(r, m, where)
    _counterparts(r, m)
    _same_ministry(r, m)
    # With no agency, dateline or state the text names most, the state the meeting took
    # place in is the best guess for an official whose state goes unsaid.
    home = r.home or where.country_code
    guessed = r.home is None or r.home_guessed
    stated = {p: r.people[p].description.state
              or (None if r.people[p].description.organization else r.known_state(p)) for p in m.roles}

    def across(p: int, role: str) -> set[str | None]:
        """The states of the principals on the other side of the table from `p`."""
        if role == "attendee":
            return set()
        return {stated[o] for o, other in m.roles.items()
                if o != p and other != "attendee" and (other != role or role == "participant")}

    def own_home(p: int, role: str) -> str | None:
        # A guessed state is no one's whose counterpart is of it (talks are between states):
        # the state named most after it, if any.
        if not guessed or home not in (sides := across(p, role)):
            return home
        return next((c for c in r.named_states if c not in sides), None)

    ordered = sorted(m.roles.items(), key=lambda kv: (_ROLE_ORDER[kv[1]], kv[0]))
    participants = [_participant(r, p, role, own_home(p, role)) for p, role in ordered]
    return {
        "meeting_date": date,
        "date_basis": basis,
        "kind": kind,
        "city": morphology.phrase(where.city, r.pk.data),  # (nominative where names inflect)
        "country_code": where.country_code,
        "venue": where.venue,
        "topics": _topics(r, m, end),
        "evidence": m.evidence.text,
        "char_start": m.evidence.start,
        "char_end": m.evidence.end,
        "published": r.d.published_date,  # (for telling undated reports of one meeting apart)
        "language": r.d.language,
        "participants": participants,
        "_people": [p for p, _ in ordered],  # (their persons in the reading, for `_trust`)
    }


def _place_around(r: Reading, m: Meeting, where: Place) -> Place:
    """Talks in person with no place in their own sentences: the place the sentence before
    or the dispatch's opening sentence gives (`a eu une série d’entretiens, jeudi à Rabat`,
    then each talk in its own sentence)."""
    for j in _sentences_before(r, m):
        found = place(r.place_texts_of(j), r.pk)
        if found.country_code:
            return Place(found.city, found.country_code, where.venue)
    return where


def _counterparts(r: Reading, m: Meeting) -> None:
    """`son homologue moldave, X`: X holds the position of the party they meet."""
    principals = [p for p, r in m.roles.items() if r != "attendee"]
    for p in principals:
        d = r.people[p].description
        if d.position and r.pk.counterpart.match(d.position):
            others = [r.people[o].description.position for o in principals if o != p]
            position = next((o for o in others if o and not r.pk.counterpart.match(o)), None)
            r.people[p].description = Description(position, d.organization, d.country, d.org_country)


def _international_part(r: Reading, organization: str) -> bool:
    """An unlisted body of a listed international organisation (`Assemblée parlementaire
    du Conseil de l’Europe`, `Regional Office of the WHO`) serves no state."""
    if r.pk.supranational.search(organization):
        return True  # `Conseil européen`, `Asian Infrastructure Forum`: beyond one state
    parent = _parent(r, organization)
    return parent is not None and parent.country is None


def _parent(r: Reading, organization: str):
    """The listed organisation an unlisted body is "of" (`Bureau de l’OIT pour …` -> ILO)."""
    for of in r.pk.of_word.finditer(" " + organization):
        rest = organization[of.end() - 1:].strip()
        known = registry().resolve(rest)
        if not known.known:
            # `de l’OIT pour l’Europe orientale`: the acronym that starts the rest
            head = re.match(r"[\w\-]+", rest)
            known = registry().resolve(head.group()) if head and _ACRONYM.fullmatch(head.group()) else known
        if known.known:
            return known
    return None


def _same_ministry(r: Reading, m: Meeting) -> None:
    """`Head of … at the Ministry of Trade` beside `Minister of Trade X (UZ)`: one state."""
    for p in m.roles:
        d = r.people[p].description
        if d.country or not d.organization or not r.pk.national_org.match(d.organization):
            continue
        portfolio = " " + r.pk.national_org.sub("", d.organization, count=1).strip(" ,")
        of = r.pk.of_word.match(portfolio)
        portfolio = fold(portfolio[of.end():] if of else portfolio)
        for o in m.roles:
            od = r.people[o].description
            country = od.country or od.org_country
            if o != p and country and portfolio and od.position and fold(od.position).endswith(portfolio):
                r.people[p].description = Description(d.position, d.organization, country, d.org_country)
                break


def _topics(r: Reading, m: Meeting, end: int) -> list[str]:
    words = _WORD.findall(fold(" ".join(r.sents[j].text for j in range(m.sentence, end))))
    topic_of, starts = r.pk.topic_of, r.pk.topic_starts
    counts: Counter = Counter(topic_of[w] for w in words if w in topic_of)
    for k, w in enumerate(words):
        if w in starts:  # the first word of a phrase (`enseignement supérieur`)
            for n in (2, 3, 4):
                topic = topic_of.get(" ".join(words[k:k + n]))
                if topic:
                    counts[topic] += 1
    return [t for t, _ in counts.most_common(5)]


def _name_of(person, pk) -> str:
    """The person's full name; where names inflect, the nominative their longest mentions
    give most often (`с Александром Лукашенко` twice outvotes one ambiguous `Александра`)."""
    if not pk.data.get("morphology"):
        return person.full.name
    longest = [m.name for m in person.mentions if len(m.tokens) == len(person.full.tokens)]
    return Counter(longest).most_common(1)[0][0]


def _participant(r: Reading, p: int, role: str, home: str | None) -> dict:
    person = r.people[p]
    full = person.full
    desc = person.description
    org = registry().resolve(desc.organization) if desc.organization else None
    if org is not None and not org.known and r.pk.office.match(desc.organization):
        # `Bureau de l’OIT pour l’Europe`, `Regional Office of the WHO`: an office is its
        # organisation's own (an assembly or a court of one is a body of its own).
        org = _parent(r, desc.organization) or org
    country = desc.country or desc.org_country
    if country is None and desc.organization is None:
        country = r.known_state(p)  # a well-known official: the list's state, not a guess
    if country is None and home and (org is None or (
        not org.known and desc.org_country is None and not _international_part(r, desc.organization)
    )):
        # A state official or body with no state named serves the agency's state, unless
        # they lead a delegation that came to meet it (`a delegation of Harvard University
        # led by its President`).
        if ((desc.position and r.pk.serves_state(desc.position)) or (
            desc.organization and r.pk.national_org.search(desc.organization)
        )) and not (p in r.delegates and desc.organization and role == "guest"):
            country = home
    if org is not None and org.known and org.country is None and desc.country is None:
        country = None
    return {
        "name": _name_of(person, r.pk),
        "name_as_written": r.text[full.start:full.end],
        "name_start": full.start,
        "name_end": full.end,
        "forms": sorted({r.text[m.start:m.end] for m in person.mentions}),
        "honorific": full.honorific,
        "position": morphology.phrase(desc.position, r.pk.data),
        "organization": org.name if org else None,
        "organization_as_written": desc.organization,
        "country_code": country,
        "role": role,
    }
