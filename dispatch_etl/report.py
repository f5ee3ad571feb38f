"""A self-contained HTML report of a warehouse, with its charts as PNG files beside it.

`write_report(warehouse, out)` writes `out/index.html` (the pictures embedded, no outside
script, style or font: it opens from a mail attachment or an archived artifact) and
`out/timeline.png`, `out/hosts_guests.png`, `out/network.png`, `out/confidence.png`. Charts are drawn with
matplotlib's object API (no pyplot state, safe in a worker thread) and the network is laid
out by networkx.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import os
import textwrap
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from dispatch_etl import answers
from dispatch_etl.tables import CATEGORIES, Tables
from transforms import confidence

# The network shows this many actors at most (the most connected), so it stays readable,
# and names this many of them.
NETWORK_NODES = 40
NETWORK_LABELS = 12
# The charts' resolution, and the width in CSS pixels of the page that shows them: the
# charts are drawn that wide (less the saved picture's margins), so the page shows them at
# their own size and their 9-point labels stay 13 pixels high.
DPI = 110
PAGE_WIDTH = 1100
_WIDTH = (PAGE_WIDTH - 30) / DPI
# Names in the hosts and guests chart are shortened past this many characters (the
# page's tables give them whole).
_LABEL_CHARS = 30
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
    # Rows per confidence band: this warehouse's meetings and participants, and the
    # precision the shipped model was measured at in each band (held-out real text).
    confidence: pd.DataFrame = field(default_factory=pd.DataFrame)
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
        confidence=_confidence_bands(tables.meetings(**filters)["confidence"], p["confidence"]),
    )


def _confidence_bands(meetings: pd.Series, participants: pd.Series) -> pd.DataFrame:
    """Per band of 0.1: this warehouse's meeting and participant rows in it, and the rows
    and precision measured in it on the held-out real text (transforms.confidence)."""
    measured = (confidence.model() or {}).get("measured", {})
    out = []
    for k in range(10):
        lo, hi = k / 10, (k + 1) / 10
        row = {"confidence": f"{lo:.1f}–{hi:.1f}"}
        for what, values in (("meeting", meetings), ("participant", participants)):
            values = values.dropna().astype(float)
            row[f"{what}s here"] = int(((values >= lo) & ((values < hi) | (k == 9))).sum())
            band = measured.get(what, {}).get("bands", [None] * 10)[k]
            row[f"{what} precision measured"] = band["precision"] if band and band["rows"] else None
            row[f"{what} rows measured"] = band["rows"] if band else 0
        out.append(row)
    return pd.DataFrame(out)


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
        "confidence": _confidence(report.confidence),
    }


def _figure(width: float, height: float, layout: str | None = None) -> Figure:
    """A Figure with an Agg canvas of its own, so its renderer measures text (no pyplot)."""
    fig = Figure(figsize=(width, height), layout=layout)
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def _timeline(per_month: pd.DataFrame, undated: int = 0) -> Figure:
    fig = _figure(_WIDTH, 3.6, layout="constrained")
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
        months = [str(m) for m in per_month.index]
        ticks = _month_ticks(per_month.index)
        # Upright labels, at most 12 (the first months of quarters, halves or years):
        # rotated ones read badly and their boxes run into each other.
        ax.set_xticks(ticks, [months[i] for i in ticks])
        ax.set_xlim(-0.6, len(per_month) - 0.4)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_ylabel("meetings")
        # Beside the bars, never over them.
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
        ax.spines[["top", "right"]].set_visible(False)
    ax.set_title("Meetings per month, by kind", loc="left")
    return fig


def _confidence(bands: pd.DataFrame) -> Figure:
    """Left: this warehouse's rows per confidence band. Right: the share of rows right in
    each band, as measured on held-out real text, against the diagonal a perfectly
    calibrated score would follow."""
    fig = _figure(_WIDTH, 3.4, layout="constrained")
    here, measured = fig.subplots(1, 2)
    colours = {"meeting": "#2f6f9f", "participant": "#e08a2c"}
    x = list(range(10))
    if bands.empty:
        _empty(here, "no rows")
    else:
        for k, what in enumerate(("meeting", "participant")):
            here.bar([i + (k - 0.5) * 0.4 for i in x], bands[f"{what}s here"], width=0.4, color=colours[what],
                     label=f"{what}s")
            points = bands[bands[f"{what} precision measured"].notna()]
            measured.plot(list(points.index), points[f"{what} precision measured"], "o-", color=colours[what],
                          label=f"{what}s")
        for ax in (here, measured):
            ax.set_xticks(x[::2], [f"{i / 10:.1f}" for i in x[::2]])
            ax.set_xlabel("confidence band (from)")
            ax.spines[["top", "right"]].set_visible(False)
        here.set_ylabel("rows in this warehouse")
        here.legend(frameon=False, loc="upper left")
        measured.plot([0, 9], [0.05, 0.95], ":", color="#888888", label="calibrated")
        measured.set_ylim(0, 1.02)
        measured.set_ylabel("share right (held-out real text)")
        measured.legend(frameon=False, loc="lower right")
    here.set_title("Rows per confidence band", loc="left")
    measured.set_title("Precision per band, measured", loc="left")
    return fig


def _month_ticks(months: pd.Index) -> list[int]:
    """Positions of the months to label: every 1, 2, 3, 6, 12 … months, whichever keeps
    the labels to 12 at most, on months that start such a period where the index is
    monthly (`2023-01`, `2023-07`)."""
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60, 120, 10**9) if len(months) <= 12 * s)
    if step > 12 or not all(hasattr(m, "month") for m in months):
        return list(range(0, len(months), step))
    return [i for i, m in enumerate(months) if (m.month - 1) % step == 0]


def _hosts_guests(hosts: pd.DataFrame, guests: pd.DataFrame) -> Figure:
    rows = max(len(hosts), len(guests), 4)
    # Each label is two lines (the name, then whom they speak for): 0.5 in a bar.
    fig = _figure(_WIDTH, 0.5 * rows + 1.0, layout="constrained")
    # Constrained layout keeps room for each side's labels: the guests' names never run
    # into the hosts' bars.
    axes = fig.subplots(1, 2)
    for ax, frame, title, color in ((axes[0], hosts, "Top hosts", "#2f6f9f"), (axes[1], guests, "Top guests", "#e08a2c")):
        if frame.empty:
            _empty(ax, "none yet")
        else:
            labels = [_short(r.person, _LABEL_CHARS) + (f"\n({_short(r.side, _LABEL_CHARS - 2)})" if r.side else "")
                      for r in frame.itertuples()]
            ax.barh(range(len(frame))[::-1], frame["meetings"], color=color, height=0.6)
            ax.set_yticks(range(len(frame))[::-1], labels, fontsize=9, linespacing=1.1)
            ax.set_ylim(-0.5, rows - 0.5)
            ax.xaxis.get_major_locator().set_params(integer=True)
            ax.spines[["top", "right"]].set_visible(False)
        ax.set_title(title, loc="left")
    return fig


def _network(g: nx.Graph) -> Figure:
    fig = _figure(_WIDTH, 8)
    ax = fig.subplots()
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.95)
    ax.set_axis_off()
    if g.number_of_nodes() == 0:
        _empty(ax, "no two parties met yet")
    else:
        strength = dict(g.degree(weight="weight"))
        keep = _largest(g)[:NETWORK_NODES]
        sub = g.subgraph(keep)
        # Laid out by who met whom, not how often: heavy ties would pull the busiest actors
        # into one knot that no label can be read in.
        pos = nx.spring_layout(sub, seed=7, k=2.0 / max(1, len(sub)) ** 0.5, weight=None)
        heaviest = max(d["weight"] for _, _, d in sub.edges(data=True)) if sub.number_of_edges() else 1
        widths = [0.6 + 3.4 * d["weight"] / heaviest for _, _, d in sub.edges(data=True)]
        top = max(strength[n] for n in sub.nodes)
        sizes = [80 + 900 * (strength[n] / top) ** 0.5 for n in sub.nodes]
        named = set(keep[:NETWORK_LABELS])
        # The named actors stand out; the others are there for the shape of the network.
        colours = ["#2f6f9f" if n in named else "#9fbcd6" for n in sub.nodes]
        nx.draw_networkx_edges(sub, pos, ax=ax, width=widths, edge_color="#9aa5b1", alpha=0.6)
        nx.draw_networkx_nodes(sub, pos, ax=ax, node_size=sizes, node_color=colours, alpha=0.9)
        xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
        # Room at the edges for the labels of nodes there; fixed before the labels are
        # placed, so that what was measured is what is drawn.
        ax.set_xlim(min(xs) - 0.25, max(xs) + 0.25)
        ax.set_ylim(min(ys) - 0.12, max(ys) + 0.12)
        labelled = _place_labels(ax, fig, [(n, pos[n], sizes[i]) for i, n in enumerate(sub.nodes) if n in named])
        shown = "" if len(sub) == len(g) else f"{len(sub)} most connected of {len(g)}, "
        wanted = len(named)
        named_text = f"the {wanted} largest named" if labelled == wanted else f"{labelled} of the {wanted} largest named"
        ax.set_title(f"Who met whom: organisations and states ({shown}{named_text})", loc="left")
    return fig


def _largest(g: nx.Graph) -> list[str]:
    """The network's actors, the most meetings with others first (ties by name)."""
    strength = dict(g.degree(weight="weight"))
    return sorted(strength, key=lambda n: (-strength[n], n))


# Where a label may go around its node, in order: below, above, right, left, then the
# diagonals (an offset, and the side of the label that faces the node).
_AROUND = ((0, -1, "center", "top"), (0, 1, "center", "bottom"), (1, 0, "left", "center"), (-1, 0, "right", "center"),
           (0.7, -0.7, "left", "top"), (-0.7, -0.7, "right", "top"), (0.7, 0.7, "left", "bottom"),
           (-0.7, 0.7, "right", "bottom"))


def _place_labels(ax, fig: Figure, nodes: list[tuple[str, tuple[float, float], float]]) -> int:
    """Label nodes, the largest first, each beside its node where it covers no label placed
    before: below, above, right, left, then farther out. A label that finds no free place
    is left out. Returns how many were placed."""
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    # A label covers no other label, nor a named node (each may cover its own).
    circles = {}
    for name, xy, size in nodes:
        x, y = ax.transData.transform(xy)
        r = (size ** 0.5) / 2 * fig.dpi / 72
        circles[name] = Bbox.from_extents(x - r, y - r, x + r, y + r)
    placed: list = []
    for name, xy, size in sorted(nodes, key=lambda n: -n[2]):
        obstacles = placed + [c for other, c in circles.items() if other != name]
        radius = (size ** 0.5) / 2 + 2  # points: a scatter size is an area in points²
        text = _wrapped(name, 22, 2)
        for distance in (radius, radius + 6, radius + 14, radius + 24, radius + 36, radius + 50):
            for dx, dy, ha, va in _AROUND:
                label = ax.annotate(text, xy, xytext=(dx * distance, dy * distance), textcoords="offset points",
                                    ha=ha, va=va, fontsize=9, linespacing=1.05, color="#1f2933",
                                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
                box = label.get_window_extent(renderer).padded(3)
                inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
                if inside and not any(box.overlaps(other) for other in obstacles):
                    placed.append(box)
                    if distance > radius:
                        # A label set farther out is tied to its node by a thin line.
                        x, y = ax.transData.transform(xy)
                        end = ax.transData.inverted().transform((x + dx * distance * fig.dpi / 72,
                                                                  y + dy * distance * fig.dpi / 72))
                        ax.plot([xy[0], end[0]], [xy[1], end[1]], color="#52606d", linewidth=0.8, zorder=1.5)
                    break
                label.remove()
            else:
                continue
            break
    return len(placed)


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
.tables { display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }
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

    def side_by_side(*frames: pd.DataFrame) -> str:
        return '<div class="tables">' + "".join(f"<div>{table(f)}</div>" for f in frames if len(f)) + "</div>"

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
{side_by_side(_people(report.hosts, "host"), _people(report.guests, "guest"))}
<h2>Who met whom</h2>
{img("network", "Network of organisations and states that met")}
{side_by_side(_named(report.network))}
<h2>Strongest ties</h2>
{table(ties) if len(ties) else "<p>No two parties met yet.</p>"}
{"<p>First and last: the pair's dated meetings; undated: how many have no date.</p>" if len(ties) else ""}
<h2>How far to trust the rows</h2>
{img("confidence", "Rows per confidence band, and the precision measured per band")}
<p>Each meeting and participant row has a <code>confidence</code>: the share of rows that were right at
that score when the model was measured on held-out real dispatches. Keep the surer rows with
<code>Tables(...).participations(min_confidence=0.9)</code>.</p>
{table(report.confidence.round(3)) if len(report.confidence) else ""}
<p><small>Made by dispatch-etl on {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC.</small></p>
</body></html>
"""


def _people(top: pd.DataFrame, role: str) -> pd.DataFrame:
    """The chart's hosts or guests with their names whole, for the page's table."""
    if top.empty:
        return top
    return pd.DataFrame({f"top {role}s": top["person"], "for": top["side"], "meetings": top["meetings"]})


def _named(g: nx.Graph) -> pd.DataFrame:
    """The actors the network chart names, with their names whole."""
    strength = dict(g.degree(weight="weight"))
    named = _largest(g)[:NETWORK_LABELS]
    return pd.DataFrame({"largest in the network": named, "meetings over its ties": [int(strength[n]) for n in named],
                         "counterparts": [g.degree(n) for n in named]})


def _undated(n: int) -> str:
    return f"{n} meeting{'s' if n != 1 else ''} without a date"


def _with_side(top: pd.DataFrame, p: pd.DataFrame) -> pd.DataFrame:
    """Add each person's organisation (or state) for the labels."""
    sides = p.assign(side=answers.labels(p, "actor")).dropna(subset=["side"]).drop_duplicates("name").set_index("name")["side"]
    return top.assign(side=top["person"].map(sides).astype(object).where(lambda s: s.notna(), None))


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _wrapped(text: str, width: int, lines: int) -> str:
    """`text` over at most `lines` lines of about `width` characters, the last shortened
    with an ellipsis when the rest does not fit."""
    parts = textwrap.wrap(text, width, break_on_hyphens=False) or [text]
    if len(parts) > lines:
        parts = parts[: lines - 1] + [_short(" ".join(parts[lines - 1:]), width)]
    return "\n".join(parts)


def _md(text: str) -> str:
    return str(text).replace("|", "\\|")


def _write(path: Path, data: bytes) -> None:
    """Write a file whole: to a temporary name, then renamed into place."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
