"""Pictures for print and reports: PNG (300 dpi), SVG and PDF (vector) with matplotlib.

A landscape page (A4 or A3) with the title, a one-line reading aid, the network drawn at the
app's positions and in the app's colours, the legend and a footer with Datenstand, source and
date. Labels are DejaVu Sans at print size (9 pt on A4, scaled up on A3), wrapped after about
24 characters, on a white backing so lines never cross the text, and placed where they hit no
other label or node: a greedy search, busiest nodes first, over eight places around each node
(the one facing outwards first), then the same eight further out with a leader line. In a
crowded picture (hundreds of partners) the busiest keep their label and the others get one only
where there is room; the page then says so.

matplotlib is imported inside :func:`write_picture` (as networkx does), drawing on a plain
``Figure`` with no pyplot, so no global backend or state is touched and ``import network_app``
stays light.
"""

from __future__ import annotations

import math
import os
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from ..drawing.styling import HUB_COLOR, NodeStyle
from ..text import by_language
from .common import ExportMeta, atomic_target

__all__ = ["DPI", "PAPER_SIZES", "PICTURE_FORMATS", "write_picture"]

PICTURE_FORMATS = ("png", "svg", "pdf")
DPI = 300
#: Paper sizes in inches, landscape (ISO 216: 297 × 210 mm and 420 × 297 mm), rounded up to
#: whole pixels at DPI so an A4 PNG is the full 3508 × 2481 pixels.
PAPER_SIZES: dict[str, tuple[float, float]] = {
    name: (math.ceil(w / 25.4 * DPI) / DPI, math.ceil(h / 25.4 * DPI) / DPI)
    for name, (w, h) in {"A4": (297, 210), "A3": (420, 297)}.items()
}
FONT = "DejaVu Sans"
LABEL_WIDTH = 24  # characters per label line
#: More labels than this cannot be read on a page: the busiest partners keep theirs.
MAX_LABELS = 200
#: The busiest nodes keep their label even where it must overlap another.
ALWAYS_LABELLED = 80

_WORDS = by_language("exports.pictures")
_HUB_EDGE = "#C8C8C8"
_PARTNER_EDGE = "#555555"
_MARKERS = {"dot": "o", "star": "*", "square": "s", "diamond": "D"}
# matplotlib draws a star and a diamond smaller than a circle of the same size.
_MARKER_SCALE = {"star": 1.7, "diamond": 0.8, "square": 0.9}


def write_picture(path: str | os.PathLike[str], graph: nx.Graph,
                  positions: dict[Any, tuple[float, float]], styles: dict[Any, NodeStyle],
                  legend: list[tuple[str, str]], meta: ExportMeta, *, fmt: str = "png",
                  paper: str = "A4") -> Path:
    """Draw the network on a landscape page and write it as PNG, SVG or PDF.

    Parameters
    ----------
    path : path-like
        The file to write (replaced atomically).
    graph, positions, styles, legend
        What the user sees: the (filtered) graph, positions ``{node: (x, y)}`` with y growing
        downwards as on screen, a :class:`~network_app.drawing.styling.NodeStyle` per node and the
        legend entries ``[(label, colour)]``.
    meta : ExportMeta
        Title, Datenstand, source, language; with ``include_personal`` the page says "INTERN".
    fmt : {"png", "svg", "pdf"}
        PNG at 300 dpi; SVG and PDF are vector (text stays text, fonts embedded in the PDF).
    paper : {"A4", "A3"}
        Landscape page size.
    """
    if fmt not in PICTURE_FORMATS:
        raise ValueError(f"unknown picture format {fmt!r}; use one of {PICTURE_FORMATS}")
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper size {paper!r}; use A4 or A3")
    import matplotlib

    # parse_math off: a name such as "Kosten $5 und $10" is text, not (broken) mathtext.
    with matplotlib.rc_context({"font.family": [FONT, "sans-serif"], "svg.fonttype": "none",
                                "pdf.fonttype": 42, "svg.hashsalt": "stadtlabor",
                                "path.simplify": False, "text.parse_math": False}):
        figure = _draw(graph, positions, styles, legend, meta, paper)
        with atomic_target(path) as temporary:
            figure.savefig(temporary, format=fmt, dpi=DPI, metadata=_metadata(meta, fmt))
    return Path(path)


def _metadata(meta: ExportMeta, fmt: str) -> dict[str, Any]:
    title = meta.display_title or "Partnernetz"
    if fmt == "png":
        return {"Title": title, "Description": meta.footer(), "Software": "stadtLABOR Partnernetz"}
    if fmt == "pdf":
        return {"Title": title, "Subject": meta.footer(), "Creator": "stadtLABOR Partnernetz",
                "CreationDate": None, "Keywords": "intern" if meta.include_personal else None}
    return {"Title": title, "Description": meta.footer(), "Date": None,
            "Creator": "stadtLABOR Partnernetz"}


def _draw(graph: nx.Graph, positions: dict[Any, tuple[float, float]],
          styles: dict[Any, NodeStyle], legend: list[tuple[str, str]], meta: ExportMeta,
          paper: str) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = PAPER_SIZES[paper]
    scale = width / PAPER_SIZES["A4"][0]  # A3 gets everything √2 larger
    words = _WORDS[meta.lang]
    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)

    figure.text(0.03, 0.955, meta.title or "Partnernetz", fontsize=20 * scale,
                fontweight="bold", ha="left", va="top", color="#1F1F1F")
    if meta.include_personal:
        figure.text(0.97, 0.955, words["intern"], fontsize=13 * scale, fontweight="bold",
                    ha="right", va="top", color="#B00020",
                    bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": "#B00020",
                          "lw": 1.5 * scale})
    figure.text(0.03, 0.02, meta.footer(width=110), fontsize=8.5 * scale,
                ha="left", va="bottom", color="#444444")

    axes = figure.add_axes((0.02, 0.135, 0.96, 0.745))
    axes.set_axis_off()
    labelled = 0
    if graph.number_of_nodes() == 0:
        axes.text(0.5, 0.5, words["empty"], transform=axes.transAxes, ha="center",
                  fontsize=16 * scale, color="#444444")
    else:
        labelled = _draw_network(figure, axes, graph, positions, styles, scale)
    hub = next((n for n, k in graph.nodes(data="kind") if k == "hub"), None)
    reading = (words["reading"].format(hub=styles[hub].label) if hub is not None
               else words["reading_no_hub"])
    if labelled < graph.number_of_nodes():
        reading += words["some_labels"]
    figure.text(0.03, 0.905, textwrap.fill(reading, int(150 * scale)), fontsize=10.5 * scale,
                ha="left", va="top", color="#444444")
    _draw_legend(figure, graph, legend, words, scale)
    return figure


def _draw_network(figure: Any, axes: Any, graph: nx.Graph,
                  positions: dict[Any, tuple[float, float]], styles: dict[Any, NodeStyle],
                  scale: float) -> int:
    """Edges, nodes and labels; returns how many nodes got a label."""
    from matplotlib.collections import LineCollection

    # Screen positions grow downwards; on paper y grows upwards.
    points = {}
    for node in graph:
        x, y = positions.get(node, (0.0, 0.0))
        points[node] = (float(x), -float(y))
    per_unit = _fit(figure, axes, points, scale)

    hub_lines, partner_lines, partner_widths = [], [], []
    for a, b, attrs in graph.edges(data=True):
        if attrs.get("kind") == "category":
            hub_lines.append((points[a], points[b]))
        else:
            partner_lines.append((points[a], points[b]))
            partner_widths.append((0.35 + 0.3 * min(1 + attrs.get("weight", 1), 8)) * scale)
    axes.add_collection(LineCollection(hub_lines, colors=_HUB_EDGE, linewidths=0.6 * scale,
                                       zorder=1))
    # Thousands of ties would paint a black blot: the more there are, the lighter each one.
    alpha = 0.75 * min(1.0, 300 / max(len(partner_lines), 1)) ** 0.5
    axes.add_collection(LineCollection(partner_lines, colors=_PARTNER_EDGE, alpha=alpha,
                                       linewidths=partner_widths, zorder=2))

    radii: dict[Any, float] = {}  # in points
    for shape in sorted({styles[n].shape for n in graph}):
        nodes = [n for n in graph if styles[n].shape == shape]
        diameters = [max(2 * styles[n].size * per_unit, 5 * scale) for n in nodes]
        radii.update({n: d / 2 for n, d in zip(nodes, diameters, strict=True)})
        factor = _MARKER_SCALE.get(shape, 1.0)
        axes.scatter([points[n][0] for n in nodes], [points[n][1] for n in nodes],
                     s=[(d * factor) ** 2 for d in diameters],
                     c=[styles[n].color for n in nodes], marker=_MARKERS.get(shape, "o"),
                     edgecolors="white", linewidths=0.8 * scale, zorder=3)
    return _place_labels(figure, axes, graph, points, styles, radii, per_unit, scale)


def _fit(figure: Any, axes: Any, points: dict[Any, tuple[float, float]],
         scale: float) -> float:
    """Set equal-aspect limits that fit every node with room for labels; points per unit."""
    xs = [p[0] for p in points.values()]
    ys = [p[1] for p in points.values()]
    box = axes.get_position()
    fig_w, fig_h = figure.get_size_inches()
    width_pt, height_pt = box.width * fig_w * 72, box.height * fig_h * 72
    pad_x, pad_y = 70 * scale, 22 * scale  # labels stick out sideways more than up and down
    span_x, span_y = max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0)
    per_unit = min((width_pt - 2 * pad_x) / span_x, (height_pt - 2 * pad_y) / span_y)
    # A handful of partners should not be drawn huge: cap the zoom.
    per_unit = min(per_unit, 0.6 * scale)
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half_w, half_h = width_pt / per_unit / 2, height_pt / per_unit / 2
    axes.set_xlim(mid_x - half_w, mid_x + half_w)
    axes.set_ylim(mid_y - half_h, mid_y + half_h)
    return per_unit


def _place_labels(figure: Any, axes: Any, graph: nx.Graph,
                  points: dict[Any, tuple[float, float]], styles: dict[Any, NodeStyle],
                  radii: dict[Any, float], per_unit: float, scale: float) -> int:
    """Greedy label placement, busiest nodes first: each label goes to the first place around
    its node that hits no node and no label placed before; failing that, to the place that
    hits least (the first ALWAYS_LABELLED nodes) or nowhere (the rest, and every node beyond
    MAX_LABELS). Labels pushed away from their node get a thin leader line. Returns how many
    labels were placed."""
    renderer = figure.canvas.get_renderer()
    to_points = 72 / figure.dpi
    hub = next((n for n in graph if styles[n].shape == "star"), None)
    center = _to_pt(points[hub] if hub is not None else _middle(points), per_unit, axes)
    anchors = {n: _to_pt(points[n], per_unit, axes) for n in graph}
    margin = 1.5 * scale  # keeps neighbouring labels visibly apart
    touching = 12 * scale ** 2
    boxes = _Boxes(cell=40 * scale)
    for node, (x, y) in anchors.items():
        r = radii[node] + margin
        boxes.add((x - r, y - r, x + r, y + r))
    limit = _axes_box_pt(axes, per_unit)
    order = sorted(graph, key=lambda n: (styles[n].shape != "star", -styles[n].size,
                                         str(styles[n].label)))[:MAX_LABELS]
    leaders = []
    placed = 0
    for rank, node in enumerate(order):
        text = textwrap.fill(styles[node].label, LABEL_WIDTH, break_long_words=False) or " "
        label = axes.text(0, 0, text, fontsize=9 * scale, ha="center", va="center",
                          zorder=4, color="#1F1F1F", linespacing=1.1,
                          fontweight="bold" if node == hub else "normal",
                          bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none",
                                "alpha": 0.85})
        extent = label.get_window_extent(renderer)
        w, h = extent.width * to_points + 2 * margin, extent.height * to_points + 2 * margin
        x, y = anchors[node]
        best, best_cost = None, (math.inf, 0)
        for far, (dx, dy) in _candidates((x, y), center, radii[node] + 2 * scale, w, h):
            box = (x + dx - w / 2, y + dy - h / 2, x + dx + w / 2, y + dy + h / 2)
            hit = boxes.overlap(box) + 4 * _outside(box, limit)
            if hit <= touching:  # margins brushing each other: free
                best, best_cost = (far, dx, dy, box), (0.0, far)
                break
            if (hit, far) < best_cost:
                best, best_cost = (far, dx, dy, box), (hit, far)
        assert best is not None
        far, dx, dy, box = best
        if best_cost[0] > 0 and rank >= ALWAYS_LABELLED:
            label.remove()
            continue
        placed += 1
        boxes.add(box)
        label.set_position(_from_pt((x + dx, y + dy), per_unit, axes))
        if far:
            edge = _nearest_on_box((x, y), box)
            leaders.append((points[node], _from_pt(edge, per_unit, axes)))
    if leaders:
        from matplotlib.collections import LineCollection

        axes.add_collection(LineCollection(leaders, colors="#333333", linewidths=0.7 * scale,
                                           zorder=3.5))
    return placed


class _Boxes:
    """Boxes (x0, y0, x1, y1) in a grid of cells, so a query looks only at its neighbours."""

    def __init__(self, cell: float) -> None:
        self.cell = cell
        self.grid: dict[tuple[int, int], list[tuple[float, ...]]] = {}

    def _cells(self, box: tuple[float, ...]) -> list[tuple[int, int]]:
        c = self.cell
        return [(i, j) for i in range(int(box[0] // c), int(box[2] // c) + 1)
                for j in range(int(box[1] // c), int(box[3] // c) + 1)]

    def add(self, box: tuple[float, ...]) -> None:
        for key in self._cells(box):
            self.grid.setdefault(key, []).append(box)

    def overlap(self, box: tuple[float, ...]) -> float:
        seen = {id(other): other for key in self._cells(box) for other in self.grid.get(key, ())}
        return sum(_overlap(box, other) for other in seen.values())


def _middle(points: dict[Any, tuple[float, float]]) -> tuple[float, float]:
    xs = [p[0] for p in points.values()]
    ys = [p[1] for p in points.values()]
    return (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2


def _nearest_on_box(point: tuple[float, float], box: tuple[float, ...]) -> tuple[float, float]:
    return min(max(point[0], box[0]), box[2]), min(max(point[1], box[1]), box[3])


def _candidates(point: tuple[float, float], center: tuple[float, float], gap: float,
                w: float, h: float) -> list[tuple[int, tuple[float, float]]]:
    """(far, offset of the label's centre in points): the eight places around the node, the
    one facing away from the centre first, then the same eight further out (far = 1 … 4)."""
    angle = math.atan2(point[1] - center[1], point[0] - center[0])
    cos, sin = math.cos(angle), math.sin(angle)
    side = 1.0 if cos >= 0 else -1.0
    up = 1.0 if sin > 0 else -1.0
    # Directions as (x, y) unit steps, ordered by how well they face outwards.
    directions = [(0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1)]
    directions.sort(key=lambda d: -(d[0] * cos + d[1] * sin) / math.hypot(*d))
    preferred = (side, 0) if abs(cos) > 0.8 else (0, up)
    directions.sort(key=lambda d: d != preferred)
    places = []
    for far in range(5):
        distance = gap + far * (h + 4)
        for ux, uy in directions:
            places.append((far, (ux * (distance + w / 2) if ux else 0.0,
                                 uy * (distance + h / 2) if uy else 0.0)))
    return places


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def _outside(box: tuple[float, ...], limit: tuple[float, ...]) -> float:
    area = (box[2] - box[0]) * (box[3] - box[1])
    return area - _overlap(box, limit)


def _to_pt(point: tuple[float, float], per_unit: float, axes: Any) -> tuple[float, float]:
    x0, y0 = axes.get_xlim()[0], axes.get_ylim()[0]
    return (point[0] - x0) * per_unit, (point[1] - y0) * per_unit


def _from_pt(point: tuple[float, float], per_unit: float, axes: Any) -> tuple[float, float]:
    x0, y0 = axes.get_xlim()[0], axes.get_ylim()[0]
    return point[0] / per_unit + x0, point[1] / per_unit + y0


def _axes_box_pt(axes: Any, per_unit: float) -> tuple[float, float, float, float]:
    (x0, x1), (y0, y1) = axes.get_xlim(), axes.get_ylim()
    return 0.0, 0.0, (x1 - x0) * per_unit, (y1 - y0) * per_unit


def _draw_legend(figure: Any, graph: nx.Graph, legend: list[tuple[str, str]],
                 words: Mapping[str, Any], scale: float) -> None:
    from matplotlib.lines import Line2D

    handles, labels = [], []
    for label, color in legend:
        marker = "*" if color == HUB_COLOR else "o"
        handles.append(Line2D([], [], linestyle="", marker=marker, markersize=
                              (15 if marker == "*" else 11) * scale, markerfacecolor=color,
                              markeredgecolor="white"))
        labels.append(label)
    kinds = {k for *_, k in graph.edges(data="kind")}
    if "category" in kinds:
        handles.append(Line2D([], [], color=_HUB_EDGE, linewidth=1.5 * scale))
        labels.append(words["hub_ties"])
    if kinds - {"category"}:
        handles.append(Line2D([], [], color=_PARTNER_EDGE, linewidth=2.5 * scale))
        labels.append(words["partner_ties"])
    if not handles:
        return
    nodes = len(legend)
    rows = [(handles[:nodes], labels[:nodes], 0.094), (handles[nodes:], labels[nodes:], 0.062)]
    for row_handles, row_labels, y in rows:
        if row_handles:
            figure.legend(row_handles, row_labels, loc="center", bbox_to_anchor=(0.5, y),
                          ncol=len(row_handles), frameon=False, fontsize=10.5 * scale,
                          handlelength=2.2, columnspacing=2.0, borderaxespad=0)
