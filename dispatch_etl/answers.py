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
Periods for the counts over time: `month`, `quarter`, `year`. Roles: `host`, `guest`,
`participant`, `attendee`, or `any`. A value outside these is a `ValueError` naming the
valid ones; a name that matches nothing a `LookupError` (see `dispatch_etl.lookup`).

Undated meetings (the text gives no day) are never dropped without a word: the counts
over time leave them out, say how many in `result.attrs["undated"]` and an
`UndatedMeetings` warning, and with `date="date_or_published"` count them by their
earliest report's publication date instead (`Tables.participations()` has that column).
`edges` counts them and says how many of a pair's meetings have no date (`undated`).
"""

from __future__ import annotations

import warnings

import networkx as nx
import pandas as pd

from dispatch_etl import lookup
from dispatch_etl.lookup import Candidate
from dispatch_etl.tables import CATEGORIES

LEVELS = ("person", "organization", "country", "actor", "kind")
PERIODS = {"month": "M", "quarter": "Q", "year": "Y"}
DATES = ("meeting_date", "date_or_published")
ROLES = (*CATEGORIES["role"], "any")


class UndatedMeetings(UserWarning):
    """Some meetings have no date and a count over time leaves them out."""


def undated_meetings(frame: pd.DataFrame, date: str = "meeting_date", include_attendees: bool = False) -> int:
    """How many distinct meetings of the frame (parties only, unless `include_attendees`)
    have no `date` (`meeting_date`, or `date_or_published`)."""
    rows = _parties(frame, include_attendees)
    return int(rows.loc[rows[_date_column(frame, date)].isna(), "meeting_id"].nunique())


def _date_column(frame: pd.DataFrame, date: str) -> str:
    date = lookup.choice("date", date, DATES)
    if date not in frame.columns:
        raise ValueError(f"the frame has no {date!r} column (Tables.participations() has it)")
    return date


def meetings_per_period(frame: pd.DataFrame, period: str = "month", by: str | None = None,
                        include_attendees: bool = False, date: str = "meeting_date") -> pd.DataFrame | pd.Series:
    """Distinct dated meetings per calendar month, quarter or year: a Series when `by` is
    None, else a periods x groups table (a meeting with two organisations counts once for
    each). Periods without meetings are present with 0. Meetings without a `date` are not
    counted: `attrs["undated"]` and an `UndatedMeetings` warning say how many;
    `date="date_or_published"` dates them by publication."""
    return _per_period(frame, period, by, include_attendees, date)


def _per_period(frame: pd.DataFrame, period: str, by: str | None, include_attendees: bool,
                date: str) -> pd.DataFrame | pd.Series:
    period = lookup.choice("period", period, PERIODS)
    if by is not None:
        by = lookup.choice("by", by, LEVELS)
    column = _date_column(frame, date)
    rows = _parties(frame, include_attendees)
    left_out = undated_meetings(frame, column, include_attendees)
    if left_out:
        total = rows["meeting_id"].nunique()
        hint = (" (date=\"date_or_published\" counts them by their publication date)"
                if column == "meeting_date" else "")
        warnings.warn(f"{left_out} of {total} meetings have no {column} and are not counted{hint}",
                      UndatedMeetings, stacklevel=3)
    rows = rows[rows[column].notna()]
    when = pd.to_datetime(rows[column].astype("datetime64[s]")).dt.to_period(PERIODS[period]).rename(period)
    if by is None:
        counts = rows.assign(**{period: when}).groupby(period)["meeting_id"].nunique()
        counts = counts.reindex(_periods(counts.index, period), fill_value=0).rename("meetings")
        counts.attrs["undated"] = left_out
        return counts
    label = labels(rows, by).rename(by)
    table = (
        rows.assign(**{period: when, by: label})
        .dropna(subset=[by])
        .groupby([period, by])["meeting_id"].nunique()
        .unstack(by, fill_value=0)
    )
    table = table.reindex(_periods(table.index, period), fill_value=0)
    table.columns = table.columns.astype(str)
    table = table[table.sum().sort_values(ascending=False, kind="stable").index]
    table.attrs["undated"] = left_out
    return table


def meetings_per_month(frame: pd.DataFrame, by: str | None = None, include_attendees: bool = False,
                       period: str = "month", date: str = "meeting_date") -> pd.DataFrame | pd.Series:
    """`meetings_per_period` by month (or `period=`); `by="quarter"` or `by="year"` alone
    counts per quarter or year."""
    if isinstance(by, str) and by.strip().casefold() in PERIODS:
        period, by = by, None
    return _per_period(frame, period, by, include_attendees, date)


def edges(frame: pd.DataFrame, level: str = "actor", include_attendees: bool = False,
          date: str = "meeting_date") -> pd.DataFrame:
    """Who met whom: one row per pair of parties that met (`source` < `target`), with the
    number of distinct meetings, the first and last `date` of them, how many of them have
    no such date (`undated`: first and last leave those out), and the meeting ids. Pairs
    within one side (two people of one organisation) are not edges at the organisation
    level."""
    column = _date_column(frame, date)
    rows = _parties(frame, include_attendees)
    rows = rows.assign(label=labels(rows, level)).dropna(subset=["label"])
    nodes = rows[["meeting_id", column, "label"]].drop_duplicates(["meeting_id", "label"])
    nodes = nodes.assign(_undated=nodes[column].isna())
    pairs = nodes.merge(nodes[["meeting_id", "label"]], on="meeting_id", suffixes=("_a", "_b"))
    pairs = pairs[pairs["label_a"] < pairs["label_b"]]
    columns = ["source", "target", "meetings", "first", "last", "undated", "meeting_ids"]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    grouped = pairs.groupby(["label_a", "label_b"], sort=False).agg(
        meetings=("meeting_id", "nunique"),
        first=(column, "min"),
        last=(column, "max"),
        undated=("_undated", "sum"),
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


def top_parties(frame: pd.DataFrame, role: str | list[str] | None = "any", level: str = "person",
                n: int = 10) -> pd.DataFrame:
    """The `n` persons (or organisations, states, actors) most often in `role` (one of
    `ROLES`, a list of them, or `any`/None for every role), with their meeting counts;
    ties in name order."""
    wanted = lookup.choices("role", "any" if role is None else role, ROLES)
    rows = frame if "any" in wanted else frame[frame["role"].isin(wanted)]
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
        ids = list(lookup.persons(person, person_candidates(frame)))
    else:
        column = "organization_id"
        ids = list(lookup.organizations(organization, organization_candidates(frame)))
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


def person_candidates(frame: pd.DataFrame) -> list[Candidate]:
    """The persons of a participations frame, with every form they are written in there."""
    columns = ["person_id", "name", *(["name_as_written"] if "name_as_written" in frame.columns else [])]
    forms: dict[str, tuple[str, set[str]]] = {}
    for row in frame[columns].drop_duplicates().itertuples(index=False):
        entry = forms.setdefault(row[0], (row[1], set()))
        if len(row) > 2 and isinstance(row[2], str):
            entry[1].add(row[2])
    return [Candidate(i, name, tuple(sorted(seen))) for i, (name, seen) in forms.items()]


def organization_candidates(frame: pd.DataFrame) -> list[Candidate]:
    """The organisations of a participations frame, with the names and aliases the bundled
    registry knows them by (`ISESCO` for ICESCO), as `Tables` finds them."""
    from transforms.orgs import registry

    known = {org.organization_id: org for org in registry().orgs}
    found = []
    for i, name in frame[["organization_id", "organization"]].dropna().drop_duplicates("organization_id").itertuples(index=False):
        org = known.get(i)
        forms = (org.name, org.full_name_en, org.full_name_fr, *org.aliases) if org else ()
        found.append(Candidate(i, name, tuple(f for f in forms if f)))
    return found


country_name = lookup.country_label


def _parties(frame: pd.DataFrame, include_attendees: bool) -> pd.DataFrame:
    return frame if include_attendees else frame[frame["role"] != "attendee"]


def labels(rows: pd.DataFrame, level: str) -> pd.Series:
    """Each row's label at a level (see the module doc; `kind` too: the meeting's kind)."""
    level = lookup.choice("level", level, LEVELS)
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


def _periods(index: pd.PeriodIndex, period: str) -> pd.PeriodIndex:
    if len(index) == 0:
        return pd.PeriodIndex([], freq=PERIODS[period], name=period)
    return pd.period_range(index.min(), index.max(), freq=PERIODS[period], name=period)


def _describe(row) -> str:
    side = row.organization if isinstance(row.organization, str) else (
        country_name(row.country_code) if isinstance(row.country_code, str) else None)
    return f"{row.name} ({side})" if side else row.name
