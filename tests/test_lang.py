"""Language packs are data: every pack loads, has every key the engine reads, and holds
only strings where words are expected (YAML reads a bare `On`, `NO` or `Y` as a boolean)."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from transforms.lang import available, pack

REQUIRED = {
    "honorifics", "name_particles", "not_names", "title_heads", "title_noise", "state_titles",
    "org_heads", "org_heads_with_state", "org_name_links", "state_prefixes", "countries", "places",
    "demonyms", "triggers", "object_blockers", "attendance", "visit_cues",
    "delegation_cues", "initiative_cues", "kind_cues", "meeting_nouns", "meeting_detail_verbs",
    "pronouns", "venue_heads", "venue_ends", "place_prepositions", "dates", "of_words", "posting_words",
    "and_words", "apposition_ends_after_comma", "apposition_ends", "clause_bounds", "topics",
}


def _raw(code: str) -> dict:
    return yaml.safe_load(resources.files("transforms.lang").joinpath(f"{code}.yaml").read_text("utf-8"))


def _scalars(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _scalars(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _scalars(v, f"{path}[{i}]")
    else:
        yield path, node


@pytest.mark.parametrize("code", available())
def test_lang_pack_has_every_key_and_only_words(code):
    raw = _raw(code)
    assert REQUIRED <= set(raw), REQUIRED - set(raw)
    # the settings that are a yes/no
    flags = {"/title_runs_into_name", "/subject_after_verb", "/nouns_capitalised", "/null_subject", "/two_surnames",
             "/state_after_title", "/capitalised_premodifiers", "/bare_references"}
    bad = [(p, v) for p, v in _scalars(raw) if (isinstance(v, bool) and p not in flags) or v is None]
    assert not bad, f"not strings (quote them): {bad}"
    assert pack(code) is not None


def test_lang_packs_available():
    assert {"fr", "en"} <= set(available())
