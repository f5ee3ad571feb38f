"""Ready answers to the questions analysts ask first, over the joined view
(`Tables.participations()`, filtered as you like first):

    from dispatch_etl import answers
    from dispatch_etl.tables import Tables

    p = Tables("warehouse").participations(since="2023-01-01")
    answers.meetings_per_month(p, by="organization")   # months x organisations
    answers.edges(p, level="actor")                    # who met whom, with counts and dates
    answers.timeline(p, person="AlMalik")              # one person's meetings, with counterparts
    answers.graph(answers.edges(p))                    # the same edges as a networkx graph

"Parties" are the hosts, guests and participants of a meeting; attendees (present, not
a party) are left out unless `include_attendees=True`. Levels: `person`, `organization`,
`country` (the state a participant represents) and `actor`: the organisation, or the state
for an official the text ties to no organisation (a minister, a head of state).
"""

from __future__ import annotations

import functools

import networkx as nx
import pandas as pd
import pycountry

from dispatch_etl.tables import match_ids

LEVELS = ("person", "organization", "country", "actor", "kind")


def meetings_per_month(frame: pd.DataFrame, by: str | None = None, include_attendees: bool = False) -> pd.DataFrame | pd.Series:
    """Distinct dated meetings per calendar month: a Series when `by` is None, else a
    months x groups table (a meeting with two organisations counts once for each).
    Months without meetings are present with 0; undated meetings are not counted."""
    rows = _parties(frame, include_attendees)
    rows = rows[rows["meeting_date"].notna()]
    month = pd.to_datetime(rows["meeting_date"].astype("datetime64[s]")).dt.to_period("M").rename("month")
    if by is None:
        counts = rows.assign(month=month).groupby("month")["meeting_id"].nunique()
        return counts.reindex(_months(counts.index), fill_value=0).rename("meetings")
    label = labels(rows, by).rename(by)
    table = (
        rows.assign(month=month, **{by: label})
        .dropna(subset=[by])
        .groupby(["month", by])["meeting_id"].nunique()
        .unstack(by, fill_value=0)
    )
    table = table.reindex(_months(table.index), fill_value=0)
    table.columns = table.columns.astype(str)
    return table[table.sum().sort_values(ascending=False, kind="stable").index]


def edges(frame: pd.DataFrame, level: str = "actor", include_attendees: bool = False) -> pd.DataFrame:
    """Who met whom: one row per pair of parties that met (`source` < `target`), with the
    number of distinct meetings, the first and last date, and the meeting ids. Pairs within
    one side (two people of one organisation) are not edges at the organisation level."""
    rows = _parties(frame, include_attendees)
    rows = rows.assign(label=labels(rows, level)).dropna(subset=["label"])
    nodes = rows[["meeting_id", "meeting_date", "label"]].drop_duplicates(["meeting_id", "label"])
    pairs = nodes.merge(nodes[["meeting_id", "label"]], on="meeting_id", suffixes=("_a", "_b"))
    pairs = pairs[pairs["label_a"] < pairs["label_b"]]
    columns = ["source", "target", "meetings", "first", "last", "meeting_ids"]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    grouped = pairs.groupby(["label_a", "label_b"], sort=False).agg(
        meetings=("meeting_id", "nunique"),
        first=("meeting_date", "min"),
        last=("meeting_date", "max"),
        meeting_ids=("meeting_id", lambda ids: sorted(set(ids))),
    )
    out = grouped.reset_index().rename(columns={"label_a": "source", "label_b": "target"})
    return out.sort_values(["meetings", "source", "target"], ascending=[False, True, True]).reset_index(drop=True)[columns]


def graph(edge_list: pd.DataFrame) -> nx.Graph:
    """The edge list as an undirected networkx graph (`weight` = meetings)."""
    g = nx.from_pandas_edgelist(
        edge_list.assign(weight=edge_list["meetings"]), "source", "target",
        edge_attr=["weight", "first", "last"],
    ) if len(edge_list) else nx.Graph()
    return g


def top_parties(frame: pd.DataFrame, role: str, level: str = "person", n: int = 10) -> pd.DataFrame:
    """The `n` persons (or organisations, states, actors) most often in `role`, with their
    meeting counts; ties in name order."""
    rows = frame[frame["role"] == role]
    rows = rows.assign(label=labels(rows, level)).dropna(subset=["label"])
    counts = rows.groupby("label")["meeting_id"].nunique().rename("meetings").reset_index()
    counts = counts.sort_values(["meetings", "label"], ascending=[False, True]).head(n)
    return counts.rename(columns={"label": level}).reset_index(drop=True)


def timeline(frame: pd.DataFrame, *, person: str | None = None, organization: str | None = None) -> pd.DataFrame:
    """The meetings of one person or organisation (named by id or name, as in `Tables`), in
    date order: date, kind, place, their role, the counterparts and topics."""
    if (person is None) == (organization is None):
        raise ValueError("name exactly one of person= or organization=")
    if person is not None:
        column = "person_id"
        candidates = frame[["person_id", "name"]].drop_duplicates().to_dict("records")
        ids = match_ids("person", person, candidates, "person_id", ("name",), partial=True)
    else:
        column = "organization_id"
        candidates = frame[["organization_id", "organization"]].dropna().drop_duplicates().to_dict("records")
        ids = match_ids("organization", organization, candidates, "organization_id", ("organization",), partial=False)
    own = frame[frame[column].isin(ids)]
    rows = []
    for meeting_id, mine in own.groupby("meeting_id", sort=False):
        everyone = frame[frame["meeting_id"] == meeting_id]
        others = everyone[~everyone[column].isin(ids)]
        first = mine.iloc[0]
        rows.append({
            "meeting_date": first["meeting_date"],
            "meeting_id": meeting_id,
            "kind": first["kind"],
            "city": first["city"],
            "country_code": first["meeting_country_code"],
            "role": ", ".join(sorted(set(mine["role"].astype(str)))),
            "counterparts": [_describe(r) for r in others.itertuples()],
            "topics": list(first["topics"]) if first["topics"] is not None and first["topics"] is not pd.NA else [],
        })
    out = pd.DataFrame(rows, columns=["meeting_date", "meeting_id", "kind", "city", "country_code", "role", "counterparts", "topics"])
    if len(out):
        out["meeting_date"] = out["meeting_date"].astype(frame["meeting_date"].dtype)
        out = out.sort_values(["meeting_date", "meeting_id"], na_position="last").reset_index(drop=True)
    return out


@functools.lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """An ISO code's common English name (`AZ` -> `Azerbaijan`), the code when unknown."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def _parties(frame: pd.DataFrame, include_attendees: bool) -> pd.DataFrame:
    return frame if include_attendees else frame[frame["role"] != "attendee"]


def labels(rows: pd.DataFrame, level: str) -> pd.Series:
    """Each row's label at a level (see the module doc; `kind` too: the meeting's kind)."""
    if level == "person":
        return rows["name"].astype(object)
    if level == "organization":
        return _organizations(rows)
    if level == "country":
        return rows["country_code"].astype(object).map(country_name, na_action="ignore")
    if level == "kind":
        return rows["kind"].astype(object)
    if level == "actor":
        states = rows["country_code"].astype(object).map(country_name, na_action="ignore")
        orgs = _organizations(rows)
        return orgs.where(orgs.notna(), states)
    raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")


def _organizations(rows: pd.DataFrame) -> pd.Series:
    """Organisation labels; a name several organisations share (each state's unlisted
    `ministère des Affaires étrangères`) says whose: `… (Azerbaijan)`."""
    names = rows["organization"].astype(object)
    if "organization_id" not in rows.columns or names.isna().all():
        return names
    ids = rows["organization_id"].astype(object)
    shared = ids.groupby(names).nunique()
    shared = set(shared[shared > 1].index)
    if not shared:
        return names
    states = rows["country_code"].astype(object).map(country_name, na_action="ignore")
    qualified = names + " (" + states.fillna("?") + ")"
    return names.where(~names.isin(shared), qualified)


def _months(index: pd.PeriodIndex) -> pd.PeriodIndex:
    if len(index) == 0:
        return pd.PeriodIndex([], freq="M", name="month")
    return pd.period_range(index.min(), index.max(), freq="M", name="month")


def _describe(row) -> str:
    side = row.organization if isinstance(row.organization, str) else (
        country_name(row.country_code) if isinstance(row.country_code, str) else None)
    return f"{row.name} ({side})" if side else row.name
