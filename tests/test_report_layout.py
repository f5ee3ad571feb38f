"""The report's charts are legible at the size they are drawn, measured on the figures:
no label box overlaps another or a bar, long names are wrapped or shortened with the full
name in the page's tables, the network labels only its largest nodes, and the text is
not shrunk below a readable size when the page shows the picture. Measured on a warehouse
of long, invented names and many parties, where the earlier charts failed."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import analyst_warehouse
import browser
import pandas as pd
import pytest
from matplotlib.transforms import Bbox
from PIL import Image

from dispatch_etl import report as report_module
from dispatch_etl.report import NETWORK_LABELS, PAGE_WIDTH, build, charts, write_report
from dispatch_etl.tables import Tables

_GIVEN = ["Alexandrina", "Maximilian", "Oluwaseun", "Bartholomew", "Anastasiya", "Nnamdi",
          "Guadalupe", "Konstantinos", "Mohammed Abdulrahman", "Evangelina", "Tatiana", "Sebastián"]
_FAMILY = ["Vasilakopoulou-Konstantinidou", "Abernathy-Featherstonehaugh", "Okonkwo-Adebayo",
           "Al-Mansouri bin Khalifa", "Rodríguez de la Fuente y Salazar", "Van der Westhuizen",
           "Tchakounté Mbassi", "Papadimitriou", "Nakamura-Ishikawa", "Oyelaran-Oyeyinka",
           "Fitzgerald-Montgomery", "Zhukovskaya"]
_BODIES = ["Commission", "Secretariat", "Agency", "Council", "Institute", "Bank", "Foundation", "Office"]
_FIELDS = ["Educational, Scientific and Cultural Cooperation", "Regional Maritime Safety and Fisheries",
           "Sustainable Development of Arid and Semi-Arid Lands", "Intergovernmental Energy Transition",
           "Transboundary Water Resources and River Basins", "Cultural Heritage and Museums",
           "Higher Education and Research Mobility"]
_STATES = ["AZ", "FR", "DE", "UZ", "KZ", "TR", "GE", "MA", "SN", "CI", "IN", "CN", "JP", "BR", "AR",
           "ZA", "NG", "EG", "SA", "AE", "QA", "IT", "ES", "PL", "RU", "US", "GB", "CA", "MX", "ID"]


def _crowded() -> tuple[list[dict], list[dict], dict[str, tuple]]:
    """Persons with names of 30 to 60 characters, organisations with long names, and
    enough meetings between them for ten hosts, ten guests and a network of 60 actors."""
    rng = random.Random(17)
    orgs = [{"organization_id": f"o{i}", "name": f"{_BODIES[i % len(_BODIES)]} for {_FIELDS[i % len(_FIELDS)]}"
             + (f" of the {['Southern', 'Northern', 'Eastern', 'Western'][i // len(_FIELDS) % 4]} Region" if i >= len(_FIELDS) else ""),
             "full_name_en": None, "full_name_fr": None, "aliases": []} for i in range(30)]
    persons = [{"person_id": f"p{i}", "name": f"{_GIVEN[i % len(_GIVEN)]} {_FAMILY[(i * 5) % len(_FAMILY)]}", "aliases": []}
               for i in range(60)]
    # Each person speaks for an organisation or, one in three, for a state alone.
    sides = {p["person_id"]: ((f"o{(i - i // 3 - 1) % 30}", None) if i % 3 else (None, _STATES[i // 3 % len(_STATES)]))
             for i, p in enumerate(persons)}
    meetings = {}
    for n in range(260):
        # A few busy hosts and guests, then a long tail: bars of very different lengths.
        host = f"p{min(int(rng.expovariate(0.35)), 59) if n % 2 else rng.randrange(60)}"
        guest = f"p{59 - min(int(rng.expovariate(0.3)), 59) if n % 2 else rng.randrange(60)}"
        if guest == host:
            continue
        day = None if n % 9 == 0 else dt.date(2019, 1, 1) + dt.timedelta(days=int(rng.betavariate(1, 3) * 2000))
        people = [(pid, *sides[pid], role) for pid, role in ((host, "host"), (guest, "guest"))]
        meetings[f"m{n:03d}"] = (day, "explicit" if day else None, rng.choice(["meeting", "phone_call", "video_conference"]),
                                 None, day, people)
    return persons, orgs, meetings


@pytest.fixture(scope="module")
def crowded(tmp_path_factory) -> Path:
    persons, orgs, meetings = _crowded()
    return analyst_warehouse.write(tmp_path_factory.mktemp("crowded") / "warehouse", persons, orgs, meetings)


@pytest.fixture(scope="module")
def drawn(crowded):
    """The report and its charts, drawn (text measured by the Agg renderer)."""
    report = build(Tables(crowded))
    figures = charts(report)
    for fig in figures.values():
        fig.canvas.draw()
    return report, figures


def _squeezed(text: str) -> str:
    """Text without its spaces and line breaks, to compare a wrapped label with a name."""
    return "".join(text.split())


def _shown(texts) -> list:
    return [t for t in texts if t.get_visible() and t.get_text().strip()]


def _box(artist, renderer) -> Bbox:
    return artist.get_window_extent(renderer)


def _overlapping(boxes: list[tuple[str, Bbox]], others: list[tuple[str, Bbox]] | None = None) -> list[tuple[str, str]]:
    """Pairs of boxes that share an area (touching edges do not count)."""
    pairs = []
    against = others if others is not None else boxes
    for i, (a, box_a) in enumerate(boxes):
        for j, (b, box_b) in enumerate(against):
            if others is None and j <= i:
                continue
            width = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
            height = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
            if width > 0.5 and height > 0.5:
                pairs.append((a, b))
    return pairs


def _labels(fig) -> list[tuple[str, Bbox]]:
    """Every piece of text on the figure: tick labels, titles, legends, annotations."""
    renderer = fig.canvas.get_renderer()
    texts = []
    for ax in fig.axes:
        texts += _shown(ax.get_xticklabels() + ax.get_yticklabels() + ax.texts)
        texts += _shown([ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label])
        legend = ax.get_legend()
        if legend is not None:
            texts += _shown(legend.get_texts())
    return [(t.get_text(), _box(t, renderer)) for t in texts]


def _bars(fig) -> list[tuple[str, Bbox]]:
    renderer = fig.canvas.get_renderer()
    return [(f"bar {i}", _box(p, renderer)) for ax in fig.axes for i, p in enumerate(ax.patches)
            if p.get_width() and p.get_height()]


def _smallest_text_px(fig) -> float:
    """The smallest font of the figure in screen pixels as the page shows the PNG: the PNG
    is drawn at the report's resolution and shrunk to the page's width when wider."""
    renderer = fig.canvas.get_renderer()
    width_px = fig.get_tightbbox(renderer).width * report_module.DPI / 72
    scale = min(1.0, PAGE_WIDTH / width_px)
    sizes = [t.get_fontsize() for ax in fig.axes for t in _shown(ax.get_xticklabels() + ax.get_yticklabels() + ax.texts)]
    return min(sizes) * report_module.DPI / 72 * scale


def test_report_hosts_guests_labels_clear_the_bars_and_each_other(drawn):
    report, figures = drawn
    fig = figures["hosts_guests"]
    assert len(report.hosts) == len(report.guests) == 10
    labels, bars = _labels(fig), _bars(fig)
    assert len(bars) == 20
    assert _overlapping(labels) == []
    assert _overlapping(labels, bars) == []
    assert _smallest_text_px(fig) >= 11


def test_report_hosts_guests_long_names_are_wrapped_or_shortened_never_cut(drawn, crowded, tmp_path):
    report, figures = drawn
    fig = figures["hosts_guests"]
    html = (write_report(crowded, tmp_path / "r").files["html"]).read_text("utf-8")
    shortened = 0
    for ax, frame in zip(fig.axes, (report.hosts, report.guests)):
        shown = [t.get_text() for t in _shown(ax.get_yticklabels())]
        assert len(shown) == len(frame)
        for label, person in zip(shown, frame["person"]):
            # The label's first line is the name, whole or shortened with an ellipsis; the
            # page's table gives every name whole.
            name = label.split("\n")[0]
            assert name == person or name.endswith("…") and person.startswith(name[:-1]), (name, person)
            shortened += name != person
            assert html.count(person) >= 1
    assert shortened  # the warehouse has names too long for the chart


def test_report_network_labels_only_its_largest_nodes_without_overlap(drawn):
    report, figures = drawn
    fig = figures["network"]
    labels = [(text, box) for text, box in _labels(fig) if not text.startswith("Who met whom")]
    assert report.network.number_of_nodes() > report_module.NETWORK_NODES
    assert 0 < len(labels) <= NETWORK_LABELS
    assert _overlapping(labels) == []
    strength = dict(report.network.degree(weight="weight"))
    largest = sorted(strength, key=lambda n: (-strength[n], n))[:NETWORK_LABELS]
    for text, _ in labels:
        flat = _squeezed(text)
        assert any(_squeezed(n) == flat or _squeezed(n).startswith(flat.rstrip("…")) for n in largest), text
    assert _smallest_text_px(fig) >= 11


def test_report_timeline_legend_and_ticks_clear_the_bars(drawn):
    _, figures = drawn
    fig = figures["timeline"]
    labels, bars = _labels(fig), _bars(fig)
    assert len(bars) > 40
    assert _overlapping(labels) == []
    assert _overlapping(labels, bars) == []
    # The legend as a whole (its colour keys too) stays off the bars.
    legend = fig.axes[0].get_legend()
    assert _overlapping([("legend", _box(legend, fig.canvas.get_renderer()))], bars) == []
    assert _smallest_text_px(fig) >= 11


def test_report_of_long_names_in_headless_chromium(crowded, tmp_path, tmp_path_factory):
    browser.chromium()
    out = write_report(crowded, tmp_path / "report").files
    shot = tmp_path / "shot.png"
    browser.screenshot(out["html"], shot, 1200, 3600)
    for name in ("timeline", "hosts_guests", "network"):
        assert Image.open(out[name]).size[0] <= PAGE_WIDTH
    # Kept for a person to look at (see tests/browser.py).
    browser.keep([shot, out["timeline"], out["hosts_guests"], out["network"]],
                 tmp_path_factory.getbasetemp() / "report-shots", "long-names")


def test_report_confidence_chart_labels_clear_the_bars_the_points_and_each_other():
    from dispatch_etl.report import _confidence

    bands = pd.DataFrame([{
        "confidence": f"{k / 10:.1f}–{(k + 1) / 10:.1f}",
        "meetings here": [0, 0, 0, 1, 2, 3, 5, 9, 40, 900][k],
        "participants here": [0, 1, 2, 4, 6, 8, 12, 30, 110, 2100][k],
        "meeting precision measured": [None, None, None, None, None, 0.5, 0.62, 0.74, 0.85, 0.96][k],
        "participant precision measured": [None, 0.1, 0.2, 0.3, 0.45, 0.52, 0.66, 0.71, 0.83, 0.95][k],
    } for k in range(10)])
    fig = _confidence(bands)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    labels, bars = _labels(fig), _bars(fig)
    assert len(bars) == sum(1 for k in range(10) for w in ("meetings", "participants") if bands[f"{w} here"][k])
    assert _overlapping(labels) == []
    assert _overlapping(labels, bars) == []
    # the measured points: no legend over them
    right = fig.axes[1]
    legend = _box(right.get_legend(), renderer)
    points = [right.transData.transform(xy) for line in right.get_lines()[:2] for xy in line.get_xydata()]
    assert not any(legend.x0 < x < legend.x1 and legend.y0 < y < legend.y1 for x, y in points)
    assert _smallest_text_px(fig) >= 11
