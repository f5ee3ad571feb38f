"""The extractor's stages one at a time: time adverbials, reading, linking, roles."""

from __future__ import annotations

import pytest

from transforms import linking, roles
from transforms.adverbials import masked
from transforms.ingest import RawDoc
from transforms.lang import pack
from transforms.parse import dispatch
from transforms.people import state_at
from transforms.reading import Meeting, Reading


def _reading(text: str) -> Reading:
    d = dispatch(RawDoc("t.txt", text, "0" * 64))
    return Reading(d, pack(d.language))


@pytest.mark.parametrize("code, text, kept", [
    ("en", "Yoon Suk-yeol Thursday held talks on March 4, 2024 with X.", "Yoon Suk-yeol          held talks"),
    ("fr", "Il s’est entretenu, mardi 14 mai, avec M. X hier.", "entretenu,             , avec M. X     ."),
    ("en", "The President received 25 guests.", "received 25 guests"),  # a number is no day
])
def test_adverbials_masked_blanks_days_and_keeps_offsets(code, text, kept):
    out = masked(text, pack(code))
    assert len(out) == len(text) and kept in out


def test_reading_joins_a_surname_to_the_person_named_in_full():
    r = _reading(" date 2020-09 Moscow, September 10, TASS\n\n"
                 "Minister Subrahmanyam Jaishankar arrived on Tuesday.\n\nJaishankar met Sergey Lavrov.")
    assert [r.people[p].full.name for p, _ in r.sent_mentions[1]] == ["Subrahmanyam Jaishankar", "Sergey Lavrov"]


def test_linking_gives_the_trigger_its_subject_and_coordinated_objects():
    r = _reading(" date 2024-11 Bakou, 12 novembre, AZERTAC\n\n"
                 "Le président Ilham Aliyev a reçu lundi le Secrétaire général de l’ONU, António Guterres, "
                 "ainsi que le président de la Banque mondiale, Ajay Banga.")
    trigger, match = r.trigger(r.sents[0])
    found = linking.parties(r, 0, trigger, match)
    assert {r.people[p].full.name: role for p, role in found.items()} == {
        "Ilham Aliyev": "host", "António Guterres": "guest", "Ajay Banga": "guest"}


def test_roles_a_visit_stated_elsewhere_decides_host_and_guest():
    r = _reading(" date 2024-04 Bakou, 10 avril, AZERTAC\n\n"
                 "Le ministre Jeyhun Bayramov s’est entretenu avec le ministre Bakhtiyor Saidov.\n\n"
                 "Bakhtiyor Saidov effectue une visite officielle en Azerbaïdjan.")
    trigger, match = r.trigger(r.sents[0])
    m = Meeting(0, trigger, linking.parties(r, 0, trigger, match), r.sents[0])
    assert set(m.roles.values()) == {"participant"}
    roles.home_ground(r, m, len(r.sents))
    assert {r.people[p].full.name: role for p, role in m.roles.items()} == {
        "Jeyhun Bayramov": "host", "Bakhtiyor Saidov": "guest"}


@pytest.mark.parametrize("text, expected", [
    (" date 2024-05 Bakou, 16 mai, AZERTAC\n\nLe président ouzbek Chavkat Mirzioïev est arrivé mercredi à "
     "Bakou.\n\nLe président Ilham Aliyev a reçu son homologue ouzbek au palais de Zagoulba.",
     {"Ilham Aliyev": "host", "Chavkat Mirzioïev": "guest"}),
    (" date 2020-03 Moscow, March 6, TASS\n\nTurkish President Recep Tayyip Erdogan arrived in Moscow.\n\n"
     "Russian President Vladimir Putin received his Turkish counterpart in the Kremlin.",
     {"Vladimir Putin": "host", "Recep Tayyip Erdogan": "guest"}),
])
def test_linking_an_unnamed_counterpart_is_the_one_of_that_state(text, expected):
    from transforms.extract import meetings

    (m,) = meetings(dispatch(RawDoc("t.txt", text, "0" * 64)))
    assert {p["name"]: p["role"] for p in m["participants"]} == expected


def test_linking_a_group_named_by_a_plural_title_takes_its_members_from_the_next_sentences():
    from transforms.extract import meetings

    (m,) = meetings(dispatch(RawDoc("t.txt",
        " date 2024-10 Astana, October 9, Kazinform\n\nPresident Kassym-Jomart Tokayev accepted credentials "
        "from three new ambassadors at a ceremony in the capital.\n\nThe event opened their missions.\n\n"
        "They were the Ambassador of Spain, Luis Martinez; the Ambassador of Estonia, Jaap Ora; and the "
        "Ambassador of Rwanda, Charles Kayonga.\n\nThe President wished them success.", "0" * 64)))
    assert {p["name"]: p["role"] for p in m["participants"]} == {
        "Kassym-Jomart Tokayev": "host", "Luis Martinez": "guest", "Jaap Ora": "guest", "Charles Kayonga": "guest"}


@pytest.mark.parametrize("sentence, named", [
    ("The two presidents met in the afternoon.", ["Xi Jinping", "Michelle Bachelet"]),
    # not a verb's subject: no one
    ("The King praised the leaders of the Nordic states.", []),
    # `ministers`: only people who hold that position
    ("The two ministers met in the afternoon.", []),
])
def test_references_a_pair_phrase_is_the_two_officials_named_last_as_a_subject(sentence, named):
    r = _reading(" date 2014-11 Beijing, November 12, Xinhua\n\nOn Wednesday, President Xi Jinping of China "
                 "held talks with visiting Chilean President Michelle Bachelet.\n\n" + sentence)
    r.trigger(r.sents[-1])  # (people named by title alone are looked for with the trigger)
    assert [r.people[p].full.name for p, m in r.sent_mentions[-1] if m.title is None] == named


def test_references_a_title_alone_points_to_the_person_holding_it():
    r = _reading(" date 2023-05 Niamey, 10 mai\n\nLe président de l’Assemblée, Amadou Sani, a ouvert la session "
                 "en présence du vice-président, Issa Diallo, et du ministre malien de la Santé, Oumar Touré.\n\n"
                 "Le président a ensuite reçu le ministre malien.")
    r.trigger(r.sents[-1])
    assert [r.people[p].full.name for p, _ in r.sent_mentions[-1]] == ["Amadou Sani", "Oumar Touré"]


def test_state_at_reads_a_state_and_nothing_past_the_text():
    fr = pack("fr")
    text = "Il s’agit de Lena Berg pour la république islamique d’Iran"
    assert state_at(text, text.index("république"), len(text), fr) == "république islamique d’Iran"
    assert state_at("X pour ...", 7, 10, fr) is None  # no word left in the window: no state, no error
