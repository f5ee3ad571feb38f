"""Three questions an analyst asks first, answered from a dispatch-etl warehouse.

    python examples/analysis.py [WAREHOUSE]        (default: ./warehouse)

1. How many meetings per month, and which organisations and states took part most?
2. Whom did the busiest official meet, when, where and on what?
3. Which parties meet again and again, and who sits at the centre of the network?
"""

from __future__ import annotations

import sys
import warnings

import networkx as nx
import pandas as pd

from dispatch_etl import answers
from dispatch_etl.tables import Tables

pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 70)

wh = Tables(sys.argv[1] if len(sys.argv) > 1 else "warehouse")
p = wh.participations()  # one row per person per meeting, with the meeting's date and place

print("1. Meetings per month (the last twelve months with meetings)")
# A meeting whose text gives no day is counted in the month its first report was published.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", answers.UndatedMeetings)  # said below, in a sentence
    per_month = answers.meetings_per_month(p, date="date_or_published")
print(per_month[per_month > 0].tail(12).to_string())
meetings = p["meeting_id"].nunique()
by_publication = p.loc[p["date_or_published_basis"] == "published", "meeting_id"].nunique()
print(f"{meetings} meetings: {by_publication} without a day of their own counted by publication date, "
      f"{per_month.attrs['undated']} with no date at all left out")
print("\nMost active organisations and states, meetings in all (dated or not):")
print(answers.top_parties(p, role=["host", "guest", "participant"], level="actor", n=8).to_string(index=False))

print("\n2. The busiest official's meetings")
busiest = p[p["role"] != "attendee"].groupby("person_id")["meeting_id"].nunique().idxmax()
name = p.loc[p["person_id"] == busiest, "name"].iloc[0]
line = answers.timeline(p, person=busiest)
print(f"{name}: {len(line)} meetings")
for row in line.itertuples():
    where = row.city if isinstance(row.city, str) else "-"
    topics = ", ".join(row.topics[:4]) or "-"
    print(f"  {row.meeting_date}  {row.kind:<16} {where:<12} as {row.role:<12} with {'; '.join(row.counterparts)}  [{topics}]")

print("\n3. Ties that recur, and the centre of the network")
ties = answers.edges(p, level="actor")
print("(first and last: the dated meetings; undated: how many of the pair's meetings have no date)")
print(ties[ties["meetings"] >= 2][["source", "target", "meetings", "first", "last", "undated"]].to_string(index=False))
g = answers.graph(ties)
centrality = pd.Series(nx.degree_centrality(g)).sort_values(ascending=False)
print("\nMost connected (degree centrality):")
print(centrality.head(5).round(2).to_string())
