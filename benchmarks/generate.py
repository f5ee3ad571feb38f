"""Write N realistic, varied dispatches in French and English, with their expected records.

    python benchmarks/generate.py --dispatches 100000 --out /tmp/bench-inbox

Dispatches come from small grammars (triggers, titles, dates, places, attendees, filler
paragraphs, negatives) over pools of officials, organisations and states, so every text
is different while its expected meeting is known. The expected records go to
`<out>.gold.jsonl` in the development corpus's format, for `dispatch-etl evaluate`.
The texts and names are invented for this benchmark.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

GIVEN = ["Arif", "Samir", "Rashad", "Elnur", "Kamran", "Vusal", "Orkhan", "Tural", "Nigar", "Aysel", "Leyla",
         "Gunel", "Farid", "Ilgar", "Nurlan", "Aidos", "Bakhyt", "Timur", "Dilshod", "Rustam", "Giorgi", "Nino",
         "Levan", "Tamar", "Mehmet", "Ayse", "Emre", "Selin", "Hans", "Greta", "Lukas", "Marta", "Pierre", "Claire",
         "Luca", "Chiara", "Jan", "Eva", "Piotr", "Anna", "Kenji", "Yuki", "Omar", "Huda", "Karim", "Salma"]
SURNAMES = ["Aliyarov", "Guliyev", "Mammadli", "Huseynzade", "Rzayev", "Kazimli", "Nabiyev", "Safarov", "Zeynalov",
            "Ismayilov", "Jafarov", "Abbasov", "Bekov", "Seitkali", "Nurmagambetov", "Yusupov", "Karimjonov",
            "Beridze", "Lomidze", "Kaya", "Demir", "Yildiz", "Schneider", "Vogel", "Moreau", "Laurent", "Rossi",
            "Bianchi", "Kowalski", "Nowicki", "Tanaka", "Sato", "Haddad", "Mansour", "Novak", "Horvath"]
# (code, French name with article and "de" form, English name, French demonym, English demonym, capital fr/en)
STATES = [
    ("UZ", "de la République d’Ouzbékistan", "Uzbekistan", "ouzbek", "Uzbek", "Tachkent", "Tashkent"),
    ("KZ", "de la République du Kazakhstan", "Kazakhstan", "kazakh", "Kazakh", "Astana", "Astana"),
    ("GE", "de Géorgie", "Georgia", "géorgien", "Georgian", "Tbilissi", "Tbilisi"),
    ("TR", "de la République de Turquie", "Türkiye", "turc", "Turkish", "Ankara", "Ankara"),
    ("FR", "de la République française", "France", "français", "French", "Paris", "Paris"),
    ("DE", "de la République fédérale d’Allemagne", "Germany", "allemand", "German", "Berlin", "Berlin"),
    ("IT", "de la République italienne", "Italy", "italien", "Italian", "Rome", "Rome"),
    ("PL", "de la République de Pologne", "Poland", "polonais", "Polish", "Varsovie", "Warsaw"),
    ("JP", "du Japon", "Japan", "japonais", "Japanese", "Tokyo", "Tokyo"),
    ("EG", "de la République arabe d’Égypte", "Egypt", "égyptien", "Egyptian", "Le Caire", "Cairo"),
]
PORTFOLIOS = [("de l’Économie", "of Economy", "economy"), ("de la Santé", "of Health", "health"),
              ("de la Culture", "of Culture", "culture"), ("de l’Énergie", "of Energy", "energy"),
              ("de l’Agriculture", "of Agriculture", "agriculture"), ("des Finances", "of Finance", "finance"),
              ("de l’Éducation", "of Education", "education"), ("du Tourisme", "of Tourism", "tourism")]
ORGS = [("l’Organisation mondiale de la Santé", "OMS", "the World Health Organization", "WHO"),
        ("le Programme des Nations unies pour le développement", "PNUD", "the United Nations Development Programme", "UNDP"),
        ("l’Organisation de la coopération islamique", "OCI", "the Organisation of Islamic Cooperation", "OIC"),
        ("la Banque asiatique de développement", "BAsD", "the Asian Development Bank", "ADB"),
        ("l’Organisation internationale du travail", "OIT", "the International Labour Organization", "ILO")]
MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
MONTHS_EN = "January February March April May June July August September October November December".split()
DAYS_FR = "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
DAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
# Filler in the shape of a real dispatch's body: paragraphs of two to four sentences on the
# topics discussed, quotes and background, until the text is 1.5-3 KB as real ones are.
FILLER_FR = [
    "Les parties ont passé en revue l’état de la coopération bilatérale et les perspectives de son développement.",
    "Il a été souligné que les échanges commerciaux entre les deux pays avaient progressé au cours de l’année écoulée.",
    "Les interlocuteurs ont évoqué des projets communs dans les domaines de l’énergie, des transports et de l’éducation.",
    "La rencontre a également permis d’aborder la préparation de la prochaine session de la commission mixte.",
    "Les deux parties ont exprimé leur intérêt pour le renforcement des échanges culturels et universitaires.",
    "Une attention particulière a été accordée à la mise en œuvre des accords signés lors des précédentes consultations.",
    "Selon le communiqué, le volume des investissements mutuels pourrait doubler d’ici trois ans si les projets en cours aboutissent.",
    "Les deux pays entretiennent des relations diplomatiques depuis le début des années 1990.",
    "« Nous attachons une grande importance au dialogue politique régulier entre nos pays », a-t-il déclaré.",
    "Il a rappelé que plusieurs entreprises étrangères participaient déjà aux travaux de reconstruction dans la région.",
    "Les perspectives de coopération au sein des organisations internationales ont également été discutées.",
    "Le programme de travail pour l’année prochaine prévoit des échanges d’experts et des formations conjointes.",
    "La partie invitée a salué les réformes engagées et a fait part de son intention d’élargir sa présence économique.",
    "Les discussions ont aussi porté sur la sécurité régionale et sur la situation humanitaire dans la région.",
    "Il a été convenu de créer un groupe de travail chargé de suivre les projets d’infrastructure communs.",
    "La question de la connectivité régionale, notamment du corridor de transport est-ouest, a été abordée en détail.",
]
FILLER_EN = [
    "The sides reviewed the state of bilateral cooperation and the prospects for its development.",
    "It was noted that trade between the two countries had grown over the past year.",
    "The officials discussed joint projects in energy, transport and education.",
    "The meeting also addressed preparations for the next session of the joint commission.",
    "Both sides expressed interest in expanding cultural and academic exchanges.",
    "Particular attention was paid to implementing the agreements signed at earlier consultations.",
    "According to the statement, mutual investment could double within three years if current projects are completed.",
    "The two countries established diplomatic relations in the early 1990s.",
    "\u201cWe attach great importance to a regular political dialogue between our countries,\u201d he said.",
    "He recalled that several foreign companies were already taking part in reconstruction work in the region.",
    "Prospects for cooperation within international organizations were also discussed.",
    "Next year\u2019s work plan provides for exchanges of experts and joint training programmes.",
    "The visiting side welcomed the reforms under way and said it intended to expand its economic presence.",
    "The talks also covered regional security and the humanitarian situation in the region.",
    "It was agreed to set up a working group to follow joint infrastructure projects.",
    "Regional connectivity, including the east-west transport corridor, was discussed in detail.",
]


def _person(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
        if name not in used:
            used.add(name)
            return name


def _when(rng: random.Random, published: dt.date, lang: str) -> tuple[str, dt.date | None]:
    kind = rng.random()
    if kind < 0.3:
        return ("hier" if lang == "fr" else "yesterday"), published - dt.timedelta(days=1)
    if kind < 0.6:
        back = rng.randint(0, 6)
        day = published - dt.timedelta(days=back)
        return (DAYS_FR if lang == "fr" else DAYS_EN)[day.weekday()] if lang == "fr" else f"on {DAYS_EN[day.weekday()]}", day
    if kind < 0.9:
        day = published - dt.timedelta(days=rng.randint(1, 20))
        if lang == "fr":
            return f"le {day.day} {MONTHS_FR[day.month - 1]}", day
        return f"on {MONTHS_EN[day.month - 1]} {day.day}", day
    return "", None


def dispatch(rng: random.Random, n: int) -> tuple[str, dict]:
    """One dispatch's text and its expected record."""
    lang = "fr" if rng.random() < 0.6 else "en"
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3650))
    used: set[str] = set()
    host, guest = _person(rng, used), _person(rng, used)
    state = rng.choice(STATES)
    port = rng.choice(PORTFOLIOS)
    when, date = _when(rng, published, lang)
    header = (f" date {published:%Y-%m} Bakou, {published.day} {MONTHS_FR[published.month - 1]}, AZERTAC" if lang == "fr"
              else f" date {published:%Y-%m} Baku, {MONTHS_EN[published.month - 1]} {published.day}, AZERTAC")
    doc = f"bench-{n:07d}"
    record = {"doc": doc, "published": published.isoformat(), "dateline_city": "Bakou" if lang == "fr" else "Baku",
              "meetings": []}
    shape = rng.random()
    filler = FILLER_FR if lang == "fr" else FILLER_EN
    paragraphs = []
    if shape < 0.08:  # a negative: an official speaks, nobody meets
        paragraphs.append(
            f"Le ministre {port[0]}, {host}, a déclaré {when} que la coopération régionale restait une priorité."
            if lang == "fr" else
            f"Minister {port[1]} {host} said {when} that regional cooperation remained a priority."
        )
    else:
        kind, roles = "meeting", ("host", "guest")
        g_pos_fr, g_pos_en, g_org, g_country = "ministre des Affaires étrangères", "Minister of Foreign Affairs", None, state[0]
        if shape < 0.45:
            verb_fr, verb_en = "a reçu", "received"
            g_fr = f"M. {guest}, ministre des Affaires étrangères {state[1]}"
            g_en = f"Mr {guest}, Minister of Foreign Affairs of {state[2]}"
            hon = ("M.", "Mr")
        elif shape < 0.65:
            org = rng.choice(ORGS)
            verb_fr, verb_en = "a reçu", "received"
            g_fr = f"Dr {guest}, représentant de {org[0]} ({org[1]})"
            g_en = f"Dr {guest}, Representative of {org[2]} ({org[3]})"
            g_pos_fr, g_pos_en, g_org, g_country = "représentant", "Representative", org[3], None
            hon = ("Dr", "Dr")
        elif shape < 0.8:
            verb_fr, verb_en = "a eu un entretien téléphonique avec", "had a phone conversation with"
            g_fr = f"le ministre des Affaires étrangères {state[1]}, {guest}"
            g_en = f"{state[2]}’s Minister of Foreign Affairs {guest}"
            kind, hon = "phone_call", (None, None)
        else:
            verb_fr, verb_en = "s’est entretenu avec", "held talks with"
            g_fr = f"l’ambassadeur {state[1]} en Azerbaïdjan, M. {guest}"
            g_en = f"Ambassador of {state[2]} to Azerbaijan Mr {guest}"
            g_pos_fr, g_pos_en = "ambassadeur", "Ambassador"
            roles, hon = ("participant", "participant"), ("M.", "Mr")
        if lang == "fr":
            paragraphs.append(f"Le ministre {port[0]}, {host}, {verb_fr} {when + ' ' if when else ''}{g_fr}.".replace("  ", " "))
        else:
            paragraphs.append(f"Minister {port[1]} {host} {verb_en} {g_en}{' ' + when if when else ''}.")
        participants = [
            {"name": host, "honorific": None, "position": f"ministre {port[0]}" if lang == "fr" else f"Minister {port[1]}",
             "organization": None, "country": "AZ", "role": roles[0]},
            {"name": guest, "honorific": hon[0] if lang == "fr" else hon[1],
             "position": g_pos_fr if lang == "fr" else g_pos_en, "organization": g_org, "country": g_country,
             "role": roles[1]},
        ]
        if rng.random() < 0.3:
            third = _person(rng, used)
            paragraphs.append(
                f"La rencontre s’est déroulée en présence du vice-ministre {port[0]}, {third}." if lang == "fr" else
                f"Deputy Minister {port[1]} {third} also attended the meeting."
            )
            participants.append({"name": third, "honorific": None,
                                 "position": f"vice-ministre {port[0]}" if lang == "fr" else f"Deputy Minister {port[1]}",
                                 "organization": None, "country": "AZ", "role": "attendee"})
        record["meetings"].append({
            "date": date.isoformat() if date else None, "kind": kind, "city": None, "country": None, "venue": None,
            "participants": participants, "topics": [port[2]], "evidence": paragraphs[0],
        })
    target = rng.randint(1500, 3000)
    body = []
    while len((header + "".join(paragraphs + body)).encode()) < target:
        body.append(" ".join(rng.sample(filler, rng.randint(2, 4))))
    paragraphs[1:1] = body
    return header + "\n\n" + "\n\n".join(paragraphs) + "\n", record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dispatches", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--start", type=int, default=0, help="number of the first dispatch (to add more later)")
    args = parser.parse_args()
    rng = random.Random(args.seed * 1_000_003 + args.start)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(f"{args.out}.gold.jsonl", "a" if args.start else "w", encoding="utf-8") as gold:
        for n in range(args.start, args.start + args.dispatches):
            text, record = dispatch(rng, n)
            folder = args.out / f"{n // 1000:04d}"
            folder.mkdir(exist_ok=True)
            (folder / f"{record['doc']}.txt").write_text(text, encoding="utf-8")
            gold.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {args.dispatches} dispatches to {args.out} and their expected records to {args.out}.gold.jsonl")


if __name__ == "__main__":
    main()
