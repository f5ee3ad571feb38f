"""Language packs: per-language rule data (`<code>.yaml` beside this file), compiled once.

Adding a language means adding its YAML file and tests; the engine does not change.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from transforms import bundled
from transforms.text import APOS, LOWER, UPPER, fold, words_pattern

# (a full stop inside one sentence is an abbreviation's: `U.S.`, `D.C.`, `Nov.`)
_GAP = r"[^;:!?]{0,140}?"
_L = r"(?<![\w\-])"  # left word boundary; an elided article (`l’ambassadeur`) is a boundary
_R = r"(?![\w\-])"


def phrases(words) -> re.Pattern:
    """Case-insensitive pattern for any of the phrases, as whole words."""
    return re.compile(_L + "(?:" + words_pattern(list(words)) + ")" + _R, re.IGNORECASE)


def _rule(pattern: str, adverbs: str = "", trigger: bool = False) -> str:
    """A rule pattern from the data: `…` is a short gap, `{adv}` an optional adverb."""
    pattern = re.sub(f"[{APOS}]", f"[{APOS}]", pattern)
    pattern = pattern.replace("{adv}", f"(?:\\s+(?:{adverbs}))?" if adverbs else "")
    if trigger:
        # A trigger's words may stand apart by a comma or where a time adverbial was blanked
        # (`s’est entretenu,      par téléphone, avec`, `received a phone call      from`).
        pattern = pattern.replace(" ", "[\\s,]+")
    return pattern.replace("…", _GAP)


@dataclass(frozen=True)
class Trigger:
    kind: str  # directed, reverse, symmetric, between, multilateral, plural, among
    pattern: re.Pattern
    # A meeting noun rather than a verb (`lors de sa rencontre avec`, `the talks between`):
    # it carries no tense, so a sentence that speaks of the future does not count.
    nominal: bool = False


@dataclass(frozen=True, eq=False)  # hashed by identity: one compiled pack per language
class Pack:
    code: str
    data: dict
    honorific: re.Pattern
    particles: frozenset[str]
    plural_honorifics: frozenset[str]  # `MM.`, `Messrs`: one honorific for several names
    not_names: frozenset[str]
    post_nominals: frozenset[str]  # letters written after a name (`MP`, `OBE`), as written
    title_head: re.Pattern
    title_head_lower: re.Pattern  # the same, case-sensitive, for lower-cased text
    title_noise: re.Pattern
    state_title: re.Pattern
    leader_title: re.Pattern  # a position that is a head of state's or government's, whole
    postposed: re.Pattern  # a rank word that also ends a title (`Secretary General`)
    ministry: re.Pattern  # `ministère`, `Ministry`: a minister's own premises
    supranational: re.Pattern  # `européen`, `Islamic`: an unlisted body beyond one state
    company_noun: re.Pattern  # `la société X`: the noun before a company's name
    adverb: re.Pattern  # an adverb or auxiliary ending a phrase (`il a également`, `he also`, `X has`)
    and_word: re.Pattern
    member: re.Pattern  # an attendance cue that names members of a delegation
    office: re.Pattern  # `Bureau`, `Regional Office`: a part of its organisation, not a body of its own
    list_separator: re.Pattern  # `, `, ` et `, `, et ` between the items of a list
    plural_head: re.Pattern  # `les ministres`, `Foreign Ministers`: a title several people share
    plural_titles: dict[str, str]  # folded plural -> singular
    minister: re.Pattern
    national_org: re.Pattern
    rank: re.Pattern
    state_implied: re.Pattern | None
    link_before_name: re.Pattern
    counterpart: re.Pattern
    title_references: tuple[tuple[re.Pattern, re.Pattern], ...]
    lineage: frozenset[str]  # name particles of lineage (`bin`, `ben`): the first word is the name used
    separately: re.Pattern  # `séparément`: one sentence's talks with several people held apart
    credentials: re.Pattern  # `lettres de créance`: envoys received together, one ceremony
    from_state: re.Pattern  # `pour l’Italie`, `from Finland`: a name's state, right after it
    of_state: re.Pattern  # `of Ghana, A`, `de Austria, A`: a state, then the name of its envoy
    clause_bound: re.Pattern
    of_word: re.Pattern
    coordination: re.Pattern
    coordination_lead: re.Pattern
    governing_body: re.Pattern  # an organisation's board or office, not a body of its own
    coordination_end: re.Pattern  # text that ends on `and` / `et`: no title can follow
    and_split: re.Pattern  # splits `X et Y` into the two names
    ambiguous_meeting: re.Pattern  # trigger words that also tell of games (`rencontrés`, `met`)
    posting: re.Pattern
    apposition_end: re.Pattern
    org_head: re.Pattern
    org_tail: re.Pattern
    org_head_with_state: re.Pattern
    state_prefix: re.Pattern
    demonym: re.Pattern
    demonyms: dict[str, str]
    demonym_forms: dict[str, str]
    title_words: frozenset[str]
    title_runs_into_name: bool
    run_connectors: frozenset[str]
    place_nouns: frozenset[str]  # a lower-case noun after a place's name in a title (`Kostanay region`)
    after_name: frozenset[str]  # connectors that follow a name, not a title word (`at`)
    countries: dict[str, str]
    places: dict[str, str]
    triggers: tuple[Trigger, ...]
    any_trigger: re.Pattern
    future: re.Pattern  # a sentence about what will happen (`will`, `aura lieu`)
    complementizer: re.Pattern  # a word that opens reported speech (`that`, `que`)
    multilateral_trigger: re.Pattern
    object_blocker: re.Pattern
    attendance: re.Pattern
    attendance_lower: re.Pattern  # the same, case-sensitive, for lower-cased text (faster)
    visit: re.Pattern
    visiting: re.Pattern  # `visiting ` right before a title: its bearer is the visitor
    here: re.Pattern  # `… at the palace here.`: the dispatch's own city
    continuation: re.Pattern  # `also`, `ensuite`: a meeting on the occasion told before
    before: re.Pattern  # `earlier`, `auparavant`: a meeting before the one told before
    own_visit: re.Pattern  # `dans le cadre de sa visite`: the subject is visiting
    visit_destination: re.Pattern  # what leads from that cue to the place visited
    delegation: re.Pattern
    initiative: re.Pattern
    own_premises: re.Pattern  # `à son bureau`, `in his office`: the subject's own ground
    titled_premises: re.Pattern  # `at the foreign minister’s office`: a title's own ground (group `title`)
    kinds: tuple[tuple[str, re.Pattern], ...]
    meeting_noun: re.Pattern
    meeting_detail: re.Pattern
    pronoun: re.Pattern
    object_pronoun: re.Pattern  # `him`, `her` right after a trigger: the official the story follows
    relative_pronoun: re.Pattern  # `where`, `où`: a clause of its own starts after it
    venue_head: re.Pattern
    generic_seat: re.Pattern  # `State House`, `palais présidentiel`: a seat any state's leader may have
    home_state_noun: re.Pattern  # `the Sultanate`, `le pays`: the dispatch's own state, visited
    place_lead: re.Pattern  # what may stand between a place preposition and the city (`the Austrian capital of`)
    venue_end: re.Pattern
    place_preposition: re.Pattern
    weekdays: dict[str, int]
    months: dict[str, int]
    relative_days: dict[str, int]
    after_previous: dict[str, int]
    topic_of: dict[str, str]
    topic_starts: frozenset[str]
    skip: re.Pattern | None
    # `des Präsidenten` -> `Präsident`: rewrites that bring an inflected position back to
    # its citation form (none where titles do not inflect).
    position_forms: tuple[tuple[re.Pattern, str], ...] = ()
    # In a verb-second language the subject may follow the verb (`Am Montag empfing X Y`).
    subject_after_verb: bool = False
    # Every noun is capitalised (German): a capital is no sign of a name.
    nouns_capitalised: bool = False
    # A state named right after a title's head, in the genitive (`Botschafter Deutschlands`):
    # the endings the genitive adds to the state's name.
    state_after_head: tuple[str, ...] = ()
    # A lower-case word before a title's head that belongs to the title (`russische`), with
    # the space after it.
    title_premodifier: re.Pattern | None = None

    def is_title_word(self, word: str) -> bool:
        """A word of job titles and portfolios, or so common it cannot start a name."""
        if fold(word) in self.title_words or self.title_head.fullmatch(word):
            return True
        return self.is_common(word)

    def serves_state(self, position: str) -> bool:
        """Whether a position is a state official's (`ministre`, `Deputy Prime Minister`):
        a state title in it that is not the tail of a longer title (`général` in
        `secrétaire général`, `General` in `Director General`)."""
        heads = [(h.start(), h.end()) for h in self.title_head.finditer(position)]

        def tail(t: re.Match) -> bool:
            return any(
                (s <= t.start() and t.end() <= e and e - s > t.end() - t.start())  # inside a longer head
                or (s < t.start() and not position[e:t.start()].strip())  # right after another head
                for s, e in heads
            )

        return any(not tail(t) for t in self.state_title.finditer(position))

    def singular_title(self, plural: str) -> str:
        """`ministres` -> `ministre`, `Foreign Ministers` -> `Foreign Minister`."""
        return self.plural_titles.get(fold(plural), plural)

    def is_common(self, word: str, zipf: float | None = None) -> bool:
        """A frequent word of the language (wordfreq), whatever its case: at least `zipf`
        on wordfreq's scale (COMMON_ZIPF by default)."""
        return _common(word.casefold(), self.code, COMMON_ZIPF if zipf is None else zipf)

    def demonym_country(self, word: str) -> str | None:
        """The state a nationality adjective names, in any of its forms (`néerlandaises`)."""
        return self.demonym_forms.get(fold(word))


_ENDINGS = {"e", "s", "es", "ne", "nes", "ienne", "iennes"}
COMMON_ZIPF = 4.0  # wordfreq's scale: 4 is once per 10,000 words; given names sit below


@functools.lru_cache(maxsize=65536)
def _common(word: str, code: str, zipf: float) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, code) >= zipf


@functools.cache
def available() -> tuple[str, ...]:
    """Codes of the languages that have a pack."""
    folder = resources.files("transforms.lang")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml")))


@functools.cache
def raw(code: str) -> dict:
    """The pack's data as its file writes it (not compiled, not grown to inflected forms):
    what is needed of every language before the dispatch's is known."""
    return bundled.data(f"{code}.yaml", "transforms.lang")


@functools.cache
def pack(code: str) -> Pack | None:
    """The compiled pack for a language, or None when the language has none."""
    if code not in available():
        return None
    data = raw(code)
    if data.get("morphology"):
        data = bundled.built(f"pack-{code}", functools.partial(_inflected, data))
    demonyms = {fold(k): v for k, v in data["demonyms"].items()}
    endings = tuple(data.get("demonym_endings") or ("", *_ENDINGS))
    demonym_forms = [f + e for f in data["demonyms"] for e in endings]
    calendar = _calendar(code)
    # (`Montagabend`, `Mittwochnachmittag`: a weekday run into a time of day)
    for suffix in data["dates"].get("weekday_suffixes", []):
        calendar["weekdays"].update({w + suffix: i for w, i in list(calendar["weekdays"].items())})
    dates = data["dates"]
    return Pack(
        code=code,
        data=data,
        honorific=re.compile(
            # (`M.Turki Al Ali`: a dotted honorific may be glued to the name it leads)
            r"(?<![\w.])(?:" + words_pattern(data["honorifics"]) + rf")(?=\s|(?<=\.)[{UPPER}][{LOWER}])"
        ),
        particles=frozenset(p.casefold() for p in data["name_particles"]),
        plural_honorifics=frozenset(data.get("plural_honorifics", [])),
        not_names=frozenset(fold(w) for w in data["not_names"]),
        post_nominals=frozenset(data.get("post_nominals", [])),
        title_head=_heads(data["title_heads"], data.get("title_head_patterns")),
        title_head_lower=re.compile(_L + "(?:" + "|".join(
            [words_pattern(sorted({h.lower() for h in data["title_heads"]}))] + data.get("title_head_patterns", [])
        ) + ")" + _R),
        title_noise=re.compile(
            r"^(?:(?:" + words_pattern(data["title_noise"]) + r")(?:\s+|(?<=[’'])))+", re.IGNORECASE
        ),
        state_title=_heads(data["state_titles"], data.get("state_title_patterns")),
        leader_title=re.compile(r"(?:" + words_pattern(data.get("leader_titles", []) or ["(?!)"]) + r")", re.IGNORECASE),
        national_org=re.compile(
            "|".join([phrases(data.get("national_org_heads", [])).pattern]
                     + [_L + f"(?:{p})" + _R for p in data.get("national_org_patterns", [])]),
            re.IGNORECASE,
        ),
        rank=phrases(data.get("ranks", [])),
        postposed=phrases(data.get("postposed_title_words", [])),
        ministry=phrases(data.get("ministry_heads", [])),
        supranational=phrases(data.get("supranational_words", [])),
        company_noun=re.compile(r"^(?:" + words_pattern(data.get("company_nouns", []) or ["(?!)"]) + r")\s+(?=[\"„“«]?[A-Z])"),
        and_word=re.compile(words_pattern(data["and_words"]), re.IGNORECASE),
        member=re.compile(r"(?:" + "|".join(data.get("member_cues", []) or ["(?!)"]) + r")", re.IGNORECASE),
        office=re.compile(r"(?:" + words_pattern(data.get("office_heads", []) or ["(?!)"]) + r")\b", re.IGNORECASE),
        list_separator=re.compile(
            r"\s*,\s*(?:(?:" + words_pattern(data["and_words"]) + r")\s+)?|\s+(?:" + words_pattern(data["and_words"]) + r")\s+",
            re.IGNORECASE,
        ),
        # Case variants of the first letter rather than IGNORECASE: this scan runs over every
        # sentence, and is a third faster so.
        plural_head=re.compile(
            _L + "(?:" + words_pattern(sorted(
                {v for w in data.get("plural_titles", {}) or ["(?!)"] for v in (w, w[0].swapcase() + w[1:], w.lower())}
            )) + ")" + _R
        ),
        plural_titles={fold(k): v for k, v in (data.get("plural_titles") or {}).items()},
        adverb=re.compile(r"\s*(?:" + words_pattern(data.get("adverbs", []) + data.get("auxiliaries", [])) + r")$",
                          re.IGNORECASE)
        if data.get("adverbs") else re.compile(r"(?!)"),
        minister=phrases(data.get("minister_heads", [])),
        state_implied=re.compile(
            r"\s+(?:" + words_pattern(data.get("state_implied", [])) + r")$", re.IGNORECASE
        ) if data.get("state_implied") else None,
        link_before_name=re.compile(
            r"\b(?:" + words_pattern(data["links_before_name"]) + r")\s*$", re.IGNORECASE
        ),
        counterpart=re.compile("^(?:" + words_pattern(data.get("counterparts", [])) + ")$", re.IGNORECASE),
        lineage=frozenset(fold(w) for w in data.get("lineage_particles", [])),
        separately=phrases(data.get("separately_words", []) or ["(?!)"]),
        credentials=phrases(data.get("credentials_words", []) or ["(?!)"]),
        from_state=re.compile(
            r"\s+(?:" + words_pattern(data.get("from_state_words", []) or ["(?!)"]) + r")\s+", re.IGNORECASE
        ),
        of_state=re.compile(
            r"(?<![\w’'\-])(?:" + words_pattern(data.get("of_state_words", []) or ["(?!)"]) + r")\s+", re.IGNORECASE
        ),
        title_references=tuple(
            (phrases([ref]), re.compile("^(?:" + words_pattern(positions) + ")$", re.IGNORECASE))
            for ref, positions in data.get("title_references", {}).items()
        ),
        clause_bound=re.compile(
            _L + "(?:" + "|".join(_rule(p) for p in data["clause_bounds"]) + r")\s+|[;:]\s*|\)\s*,\s*", re.IGNORECASE
        ),
        of_word=re.compile(
            r"\s(?:" + words_pattern(data["of_words"]) + r")(?:\s+|(?<=[’']))", re.IGNORECASE
        ),
        coordination=re.compile(
            r"\s*,?\s*(?:" + words_pattern(data["and_words"]) + r")\s+(?:(?:"
            + words_pattern(data["of_words"]) + r")(?:\s+|(?<=[’'])))?", re.IGNORECASE
        ),
        governing_body=re.compile("(?:" + words_pattern(data.get("governing_bodies", [])) + ")", re.IGNORECASE)
        if data.get("governing_bodies") else re.compile("(?!)"),
        and_split=re.compile(r"\s+(?:" + words_pattern(data["and_words"]) + r")\s+", re.IGNORECASE),
        ambiguous_meeting=phrases(data["ambiguous_meeting_words"]) if data.get("ambiguous_meeting_words")
        else re.compile("(?!)"),
        coordination_end=re.compile(r"(?<![\w-])(?:" + words_pattern(data["and_words"]) + r")$", re.IGNORECASE),
        coordination_lead=re.compile(
            r"\s*,?\s*(?:" + words_pattern(data["and_words"]) + r")\s+(?:(?:"
            + words_pattern(data["of_words"]) + r")(?:\s+|(?<=[’'])))?(?:\S+\s+){0,12}", re.IGNORECASE
        ),
        posting=re.compile(
            r"\s(?:" + words_pattern(data["posting_words"]) + r")(?:\s+|(?<=[’']))", re.IGNORECASE
        ),
        apposition_end=re.compile(
            r",\s+(?:" + "|".join(_rule(p) for p in data["apposition_ends_after_comma"]) + r")\b"
            r"|\s+(?:" + "|".join(_rule(p) for p in data["apposition_ends"]) + r")(?=[\s.,;:])"
            r"|[;:.]\s|[.;:]$|,?\s+(?:" + words_pattern(data["and_words"]) + r")(?:\s+(?:"
            + words_pattern(data["of_words"]) + r"))?\s*$",
            re.IGNORECASE,
        ),
        org_head=re.compile(_L + "(?:" + words_pattern(data["org_heads"]) + ")" + _R),
        org_tail=re.compile(
            r"\s+(?:" + words_pattern(data["org_name_links"]) + r")\s+(?:(?:" + words_pattern(data["title_noise"])
            + rf")(?:\s+|(?<=[’'])))?[{UPPER}][\w’'\-]*(?:\s+(?:(?:" + words_pattern(data["org_name_links"])
            + rf")\s+)?[{UPPER}][\w’'\-]*)*"
        ),
        org_head_with_state=re.compile(_L + "(?:" + words_pattern(data["org_heads_with_state"]) + ")" + _R),
        state_prefix=re.compile(
            r"^(?:" + words_pattern(data["state_prefixes"]) + r")\s+(?:de la |de l[’']|des |du |de |d[’'])?",
            re.IGNORECASE,
        ),
        demonym=phrases(demonym_forms),
        demonyms=demonyms,
        demonym_forms={fold(stem + e): code for stem, code in demonyms.items() for e in endings},
        title_words=frozenset(fold(w) for w in data.get("title_words", [])),
        title_runs_into_name=bool(data.get("title_runs_into_name")),
        place_nouns=frozenset(w.casefold() for w in data.get("place_nouns", [])),
        run_connectors=frozenset(
            w.casefold() for w in data.get("run_connectors", ["of", "the", "for", "to", "and", "on"])
        ),
        after_name=frozenset(w.casefold() for w in data.get("after_name_connectors", [])),
        countries={fold(k): v for k, v in data["countries"].items()},
        places={fold(k): v for k, v in data["places"].items()},
        triggers=tuple(
            Trigger(kind.removeprefix("nominal_"),
                    re.compile(_L + _rule(p, words_pattern(data.get("adverbs", [])), True), re.IGNORECASE),
                    kind.startswith("nominal_"))
            for kind in _KINDS
            for p in data["triggers"].get(kind, ())
        ),
        any_trigger=_any(data, _KINDS),
        future=phrases(data["future_cues"]) if data.get("future_cues") else re.compile("(?!)"),
        complementizer=phrases(data["complementizers"]) if data.get("complementizers") else re.compile("(?!)"),
        multilateral_trigger=_any(data, ("multilateral",)),
        object_blocker=phrases(data["object_blockers"]),
        attendance=phrases(data["attendance"]),
        attendance_lower=re.compile(_L + "(?:" + words_pattern(sorted({w.lower() for w in data["attendance"]})) + ")" + _R),
        visit=re.compile(_L + "(?:" + "|".join(_rule(p) for p in data["visit_cues"]) + ")", re.IGNORECASE),
        here=re.compile(_L + "(?:" + words_pattern(data.get("here_words", []) or ["(?!)"]) + r")(?=\s*(?:[.,;]|$|"
                        + "|".join(data.get("here_followers") or ["today", "yesterday", "on", "this", "in the"]) + "))",
                        re.IGNORECASE),
        continuation=phrases(data["continuation_words"]) if data.get("continuation_words") else re.compile("(?!)"),
        before=phrases(data["before_words"]) if data.get("before_words") else re.compile("(?!)"),
        visiting=re.compile(_L + "(?:" + words_pattern(data.get("visiting_words", []) or ["(?!)"]) + r")\s+(?:[\w.’'\-]+\s+)?$", re.IGNORECASE),
        own_visit=re.compile(_L + "(?:" + "|".join(_rule(p) for p in data.get("own_visit_cues", [])) + ")" + _R,
                             re.IGNORECASE),
        visit_destination=re.compile(_rule(data.get("visit_destination", "(?!)")), re.IGNORECASE),
        delegation=re.compile(_L + "(?:" + "|".join(_rule(p) for p in data["delegation_cues"]) + ")", re.IGNORECASE),
        own_premises=phrases(data["own_premises_cues"]) if data.get("own_premises_cues") else re.compile("(?!)"),
        titled_premises=re.compile(data["titled_premises"]) if data.get("titled_premises") else re.compile("(?!)"),
        initiative=re.compile(_L + "(?:" + "|".join(_rule(p) for p in data["initiative_cues"]) + ")", re.IGNORECASE),
        kinds=tuple(
            (kind, re.compile("|".join(filter(None, [
                phrases(words).pattern, *data.get("kind_patterns", {}).get(kind, [])])), re.IGNORECASE))
            for kind, words in data["kind_cues"].items()
        ),
        meeting_noun=phrases(data["meeting_nouns"]),
        meeting_detail=re.compile(
            _L + "(?:" + "|".join(_rule(p) for p in data["meeting_detail_verbs"]) + ")" + _R, re.IGNORECASE
        ),
        pronoun=re.compile(r"^(?:" + "|".join(data["pronouns"]) + r")$", re.IGNORECASE),
        object_pronoun=re.compile(r"\s*(?:" + "|".join(data.get("object_pronouns") or ["(?!)"]) + r")\b"),
        relative_pronoun=re.compile(
            r".*" + _L + "(?:" + words_pattern(data.get("relative_words", []) or ["(?!)"]) + ")" + _R, re.IGNORECASE
        ),
        venue_head=re.compile(_L + "(?:" + words_pattern(data["venue_heads"]) + ")" + _R),
        venue_end=re.compile(
            r"[,.;:]|\s+(?:" + "|".join(_rule(p) for p in data["venue_ends"]) + r")(?![\w])"
        ),
        place_preposition=re.compile(
            _L + "(?:" + words_pattern(data["place_prepositions"]) + r")(?:\s+|(?<=[’']))"
        ),
        generic_seat=re.compile(_L + "(?:" + words_pattern(data.get("generic_seats") or ["(?!)"]) + r")(?![\w\-])"),
        home_state_noun=re.compile("(?:" + words_pattern(data.get("home_state_nouns") or ["(?!)"]) + r")(?![\w\-])"),
        place_lead=re.compile("(?:" + "|".join(data.get("place_leads") or ["(?!)"]) + ")"),
        weekdays=calendar["weekdays"],
        months=calendar["months"],
        relative_days={fold(k): v for k, v in dates["relative"].items()},
        after_previous={fold(k): v for k, v in dates["after_previous"].items()},
        topic_of={fold(w): topic for topic, words in data["topics"].items() for w in words},
        topic_starts=frozenset(fold(w).split()[0] for words in data["topics"].values() for w in words if " " in w),
        skip=re.compile("|".join(data["skip_sentences"])) if data.get("skip_sentences") else None,
        position_forms=tuple((re.compile(a), b) for a, b in data.get("position_forms", [])),
        subject_after_verb=bool(data.get("subject_after_verb")),
        nouns_capitalised=bool(data.get("nouns_capitalised")),
        state_after_head=tuple(data.get("state_after_head") or ()),
        title_premodifier=re.compile(r"(?<![\w\-])(?:" + data["title_premodifier"] + r")\s+$")
        if data.get("title_premodifier") else None,
    )


def _heads(words: list[str], patterns: list[str] | None) -> re.Pattern:
    """Title heads as words, and as patterns where a language writes them as compounds
    (`Energieminister`, `Landtagspräsidentin`)."""
    if not patterns:
        return phrases(words)
    return re.compile(_L + "(?:" + "|".join([words_pattern(list(words))] + patterns) + ")" + _R, re.IGNORECASE)


def _inflected(data: dict) -> dict:
    """A pack of an inflecting language with the phrase lists its `morphology` names grown to
    every case form of each phrase (lists; the keys of mappings), by its analyser."""
    from transforms.morphology import forms

    spec = data["morphology"]
    out = dict(data)
    nominative: dict[str, str] = {}  # every form, folded -> the phrase as the pack writes it
    for key in spec.get("inflect", []):
        value = data.get(key)
        # (the pack's plural phrases keep to the plural: `министры`, never `министра`)
        grow = functools.partial(forms, name=spec["analyser"], lang=spec.get("lang", data["code"]),
                                 plural=key in spec.get("plural", []))
        if isinstance(value, dict):
            out[key] = {f: v for k, v in value.items() for f in grow(k)}
        elif isinstance(value, list):
            out[key] = list(dict.fromkeys(f for w in value for f in grow(w)))
        for phrase in value or ():
            for f in grow(phrase):
                nominative.setdefault(fold(f), phrase)
    out["nominative_forms"] = nominative
    return out


# Trigger kinds in the order their rules are tried at one position. `plural`: a meeting
# stated by its parties together as the subject (`X and Y held talks`, `se sont entretenus`);
# `nominal_among`: a meeting noun whose parties the sentence names before it (`X a assuré à
# Y, lors d’un entretien qu’ils ont eu, que …`).
_KINDS = ("reverse", "directed", "between", "nominal_between", "multilateral", "symmetric",
          "nominal_symmetric", "plural", "nominal_among")


def _any(data: dict, kinds: tuple[str, ...]) -> re.Pattern:
    """One pattern for all the trigger rules of these kinds; group `t<i>` is rule i in the
    pack's order (`_KINDS`)."""
    order = [(kind, p) for kind in _KINDS for p in data["triggers"].get(kind, ())]
    adverbs = words_pattern(data.get("adverbs", []))
    # The word boundary is tested once per position, before the alternatives, not by each
    # of them: most positions are inside words, and the scan is the extractor's main cost.
    return re.compile(
        _L + "(?=\\w)(?:"
        + "|".join(f"(?P<t{i}>{_rule(p, adverbs, True)})" for i, (kind, p) in enumerate(order) if kind in kinds)
        + ")",
        re.IGNORECASE,
    )


def _calendar(code: str) -> dict[str, dict[str, int]]:
    """Weekday and month words from dateparser's locale data for the language."""
    from dateparser.languages import default_loader

    info = default_loader.get_locale(code).info
    days = "monday tuesday wednesday thursday friday saturday sunday".split()
    months = ("january february march april may june july august september october november "
              "december").split()
    # Keys in both the written and the folded form: the written one goes into patterns,
    # the folded one serves look-ups.
    return {
        "weekdays": {
            form: i
            for i, d in enumerate(days)
            for w in info.get(d, []) if len(w) >= 4
            for form in (w, fold(w))
        },
        "months": {
            form: i
            for i, m in enumerate(months, 1)
            for w in info.get(m, []) if len(w) >= 3
            for form in (w, fold(w))
        },
    }
