"""A self-contained HTML report of a warehouse, with its charts as PNG files beside it.

`write_report(warehouse, out)` writes `out/index.html` (the pictures embedded, no outside
script, style or font: it opens from a mail attachment or an archived artifact) and
`out/timeline.png`, `out/hosts_guests.png`, `out/network.png`. Charts are drawn with
matplotlib's object API (no pyplot state, safe in a worker thread) and the network is laid
out by networkx.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from dispatch_etl import answers
from dispatch_etl.tables import CATEGORIES, Tables

# The network shows this many actors at most (the most connected), so it stays readable,
# and names this many of them.
NETWORK_NODES = 40
NETWORK_LABELS = NETWORK_NODES
# The charts' resolution, and the width in CSS pixels of the page that shows them.
DPI = 110
PAGE_WIDTH = 1100
TOP = 10
_KIND_ORDER = {k: i for i, k in enumerate(CATEGORIES["kind"])}
_PALETTE = {"meeting": "#2f6f9f", "phone_call": "#e08a2c", "video_conference": "#5aa469", "ceremony": "#9c6bb5"}


@dataclass
class Report:
    """What a report holds, for its HTML, a Prefect artifact or a test."""

    counts: dict[str, int]
    first: dt.date | None
    last: dt.date | None
    per_month: pd.DataFrame
    hosts: pd.DataFrame
    guests: pd.DataFrame
    ties: pd.DataFrame
    network: nx.Graph
    files: dict[str, Path] = field(default_factory=dict)

    def markdown(self) -> str:
        """The report's summary as markdown (a Prefect artifact)."""
        c = self.counts
        span = f"{self.first} to {self.last}" if self.first else "no dated meeting yet"
        if c.get("undated"):
            span += f"; {_undated(c['undated'])}"
        lines = [
            "# Warehouse report",
            "",
            f"{c['meetings']} meetings ({span}), {c['participants']} participations of {c['persons']} persons, "
            f"{c['organizations']} organisations, from {c['dispatches']} dispatches ({c['rejects']} rejects).",
            "",
            "| top hosts | meetings | top guests | meetings |",
            "|---|---|---|---|",
        ]
        for i in range(max(len(self.hosts), len(self.guests))):
            h = self.hosts.iloc[i] if i < len(self.hosts) else None
            g = self.guests.iloc[i] if i < len(self.guests) else None
            lines.append(
                f"| {_md(h['person']) if h is not None else ''} | {h['meetings'] if h is not None else ''} "
                f"| {_md(g['person']) if g is not None else ''} | {g['meetings'] if g is not None else ''} |"
            )
        if len(self.ties):
            lines += ["", "| strongest ties | meetings | first | last |", "|---|---|---|---|"]
            for t in self.ties.head(TOP).itertuples():
                lines.append(f"| {_md(t.source)} – {_md(t.target)} | {t.meetings} | {t.first} | {t.last} |")
        if self.files:
            lines += ["", f"Full report: `{self.files['html']}`"]
        return "\n".join(lines)


def build(tables: Tables, **filters) -> Report:
    """Compute what the report shows (`filters` as in `Tables.meetings`)."""
    p = tables.participations(**filters)
    wh = tables.warehouse
    counts = {
        "dispatches": wh.dataset("dispatches").count_rows(),
        "rejects": wh.dataset("rejects").count_rows(),
        "meetings": int(p["meeting_id"].nunique()),
        "participants": len(p),
        "persons": int(p["person_id"].nunique()),
        "organizations": int(p["organization_id"].nunique()),
    }
    dated = p["meeting_date"].dropna()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", answers.UndatedMeetings)  # the report says it in words
        per_month = answers.meetings_per_month(p, by="kind", include_attendees=True)
    counts["undated"] = per_month.attrs["undated"]
    # Stacked in the vocabulary's order, so the colours keep their places.
    per_month = per_month[sorted(per_month.columns, key=lambda k: _KIND_ORDER.get(k, len(_KIND_ORDER)))]
    ties = answers.edges(p, level="actor")
    return Report(
        counts=counts,
        first=dated.min() if len(dated) else None,
        last=dated.max() if len(dated) else None,
        per_month=per_month,
        hosts=_with_side(answers.top_parties(p, "host", "person", TOP), p),
        guests=_with_side(answers.top_parties(p, "guest", "person", TOP), p),
        ties=ties,
        network=answers.graph(ties),
    )


def write_report(warehouse: str | os.PathLike | Tables, out: str | os.PathLike, **filters) -> Report:
    """Build the report and write `index.html` and the PNG charts into `out`."""
    tables = warehouse if isinstance(warehouse, Tables) else Tables(warehouse)
    report = build(tables, **filters)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    pictures = {name: _png(fig) for name, fig in charts(report).items()}
    for name, png in pictures.items():
        _write(out / f"{name}.png", png)
        report.files[name] = out / f"{name}.png"
    _write(out / "index.html", _html(report, pictures, filters).encode("utf-8"))
    report.files["html"] = out / "index.html"
    return report


# ---------------------------------------------------------------------- charts


def charts(report: Report) -> dict[str, Figure]:
    """The report's charts as matplotlib Figures (drawn on Agg), by file name."""
    return {
        "timeline": _timeline(report.per_month, report.counts.get("undated", 0)),
        "hosts_guests": _hosts_guests(report.hosts, report.guests),
        "network": _network(report.network),
    }


def _figure(width: float, height: float) -> Figure:
    """A Figure with an Agg canvas of its own, so its renderer measures text (no pyplot)."""
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def _timeline(per_month: pd.DataFrame, undated: int = 0) -> Figure:
    fig = _figure(10, 3.6)
    ax = fig.subplots()
    if undated:
        ax.set_title(f"not shown: {_undated(undated)}", loc="right", fontsize=9, color="#555555")
    if per_month.empty:
        _empty(ax, "no dated meeting yet")
    else:
        x = range(len(per_month))
        bottom = [0] * len(per_month)
        for kind in per_month.columns:
            values = per_month[kind].tolist()
            ax.bar(x, values, bottom=bottom, color=_PALETTE.get(str(kind), "#888888"), label=str(kind).replace("_", " "), width=0.8)
            bottom = [b + v for b, v in zip(bottom, values)]
        step = max(1, len(per_month) // 12)
        ax.set_xticks(list(x)[::step], [str(m) for m in per_month.index][::step], rotation=45, ha="right")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_ylabel("meetings")
        ax.legend(frameon=False, ncols=4, loc="upper left")
        ax.spines[["top", "right"]].set_visible(False)
    ax.set_title("Meetings per month, by kind", loc="left")
    return fig


def _hosts_guests(hosts: pd.DataFrame, guests: pd.DataFrame) -> Figure:
    fig = _figure(11, 0.45 * max(len(hosts), len(guests), 4) + 1.2)
    axes = fig.subplots(1, 2)
    for ax, frame, title, color in ((axes[0], hosts, "Top hosts", "#2f6f9f"), (axes[1], guests, "Top guests", "#e08a2c")):
        if frame.empty:
            _empty(ax, "none yet")
        else:
            labels = [_short(f"{r.person} ({r.side})" if r.side else r.person, 42) for r in frame.itertuples()]
            ax.barh(range(len(frame))[::-1], frame["meetings"], color=color)
            ax.set_yticks(range(len(frame))[::-1], labels)
            ax.xaxis.get_major_locator().set_params(integer=True)
            ax.spines[["top", "right"]].set_visible(False)
        ax.set_title(title, loc="left")
    fig.subplots_adjust(wspace=0.9)
    return fig


def _network(g: nx.Graph) -> Figure:
    fig = _figure(10, 8)
    ax = fig.subplots()
    ax.set_axis_off()
    if g.number_of_nodes() == 0:
        _empty(ax, "no two parties met yet")
    else:
        strength = dict(g.degree(weight="weight"))
        keep = sorted(strength, key=lambda n: (-strength[n], n))[:NETWORK_NODES]
        sub = g.subgraph(keep)
        pos = nx.spring_layout(sub, seed=7, k=1.6 / max(1, len(sub)) ** 0.5, weight="weight")
        widths = [0.8 + 1.2 * d["weight"] for _, _, d in sub.edges(data=True)]
        top = max(strength[n] for n in sub.nodes)
        sizes = [150 + 1100 * (strength[n] / top) ** 0.5 for n in sub.nodes]
        nx.draw_networkx_edges(sub, pos, ax=ax, width=widths, edge_color="#9aa5b1", alpha=0.8)
        nx.draw_networkx_nodes(sub, pos, ax=ax, node_size=sizes, node_color="#2f6f9f", alpha=0.85)
        nx.draw_networkx_labels(sub, pos, ax=ax, labels={n: _short(n, 28) for n in sub.nodes}, font_size=8)
        shown = "" if len(sub) == len(g) else f" ({len(sub)} most connected of {len(g)})"
        ax.set_title(f"Who met whom: organisations and states{shown}", loc="left")
    return fig


def _empty(ax, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="#666666")
    ax.set_xticks([])
    ax.set_yticks([])


# ---------------------------------------------------------------------- HTML

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: PAGE_WIDTHpx; color: #1f2933; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.figures { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: 1rem 0; }
.figure { background: #f3f6f9; border-radius: 6px; padding: .6rem 1rem; }
.figure b { display: block; font-size: 1.5rem; }
img { max-width: 100%; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid #d9e2ec; padding: .3rem .7rem; text-align: left; }
th { background: #f3f6f9; }
""".replace("PAGE_WIDTH", str(PAGE_WIDTH))


def _html(report: Report, pictures: dict[str, bytes], filters: dict) -> str:
    c = report.counts
    span = f"{report.first} – {report.last}" if report.first else "no dated meeting yet"
    scope = ", ".join(f"{k}={v}" for k, v in filters.items() if v is not None) or "the whole warehouse"
    figures = "".join(
        f'<div class="figure"><b>{c[k]:,}</b>{label}</div>'
        for k, label in (("meetings", "meetings"), ("participants", "participations"), ("persons", "persons"),
                         ("organizations", "organisations"), ("dispatches", "dispatches"), ("rejects", "rejects"))
    )

    def img(name: str, alt: str) -> str:
        data = base64.b64encode(pictures[name]).decode("ascii")
        return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'

    def table(frame: pd.DataFrame) -> str:
        return frame.to_html(index=False, border=0, na_rep="", escape=True)

    ties = report.ties.head(TOP)[["source", "target", "meetings", "first", "last", "undated"]] if len(report.ties) else pd.DataFrame()
    undated = c.get("undated", 0)
    left_out = (f"<p>{_undated(undated).capitalize()} (of {c['meetings']}) are not in this chart: their text gives "
                "no day. They are in every other figure.</p>" if undated else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>dispatch-etl report</title>
<style>{_STYLE}</style></head>
<body>
<h1>Meetings in the dispatches</h1>
<p>Scope: {html.escape(scope)}. Meeting dates: {html.escape(span)}.</p>
<div class="figures">{figures}</div>
<h2>Meetings per month</h2>
{img("timeline", "Meetings per month, by kind")}
{left_out}
<h2>Top hosts and guests</h2>
{img("hosts_guests", "Top hosts and top guests")}
<h2>Who met whom</h2>
{img("network", "Network of organisations and states that met")}
<h2>Strongest ties</h2>
{table(ties) if len(ties) else "<p>No two parties met yet.</p>"}
{"<p>First and last: the pair's dated meetings; undated: how many have no date.</p>" if len(ties) else ""}
<p><small>Made by dispatch-etl on {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC.</small></p>
</body></html>
"""


def _undated(n: int) -> str:
    return f"{n} meeting{'s' if n != 1 else ''} without a date"


def _with_side(top: pd.DataFrame, p: pd.DataFrame) -> pd.DataFrame:
    """Add each person's organisation (or state) for the labels."""
    sides = p.assign(side=answers.labels(p, "actor")).dropna(subset=["side"]).drop_duplicates("name").set_index("name")["side"]
    return top.assign(side=top["person"].map(sides).astype(object).where(lambda s: s.notna(), None))


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _md(text: str) -> str:
    return str(text).replace("|", "\\|")


def _write(path: Path, data: bytes) -> None:
    """Write a file whole: to a temporary name, then renamed into place."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
