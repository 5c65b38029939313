"""The network as a still picture with matplotlib: one drawing for print and for the deck.

:func:`draw_network` draws a graph into matplotlib axes the way the app shows it: at the given
positions (the app's, y growing downwards as on screen), in the given colours, sizes and shapes
(:class:`~network_app.drawing.styling.NodeStyle`), ties to the own organisation light grey, ties
between partners darker and thicker the closer they are. It draws what it is handed and computes
nothing about the network: the busiest partners are those the styles draw largest.

* The view fits every node with room for labels at equal scale on both axes, zoomed in no
  further than a handful of partners needs. With ``highlight`` the other partners are faded, and
  in a network of more than :data:`CROP_ABOVE` nodes the view closes in on the highlighted ones.
* Markers keep the app's proportions (a node's size is its radius in layout units), never
  smaller than a legible dot.
* Labels are placed by :func:`~network_app.drawing.labels.place_labels`: the own organisation
  first, then the largest nodes; none overlaps another label or a dot; where there is no room
  next to a dot a label sits further out with a leader line (dotted, in the dot's colour, so
  that nobody takes it for a tie), or in a smaller type (:data:`MIN_LABEL_SHARE` of the size),
  or is left out.

Everything scales with ``label_size``: 9 pt is an A4 page; an A3 page or a slide gets larger
type, thicker lines and larger markers alike. matplotlib is imported inside the functions only.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Collection, Mapping
from typing import Any

import networkx as nx

from .labels import Label, place_labels
from .styling import NONE_COLOR, NodeStyle, tie_step

__all__ = ["CROP_ABOVE", "LABEL_WIDTH", "MAX_LABELS", "draw_network", "label_text"]

#: Characters per label line, and lines at most (a longer name is cut with "…").
LABEL_WIDTH = 24
LABEL_LINES = 3
#: Where a label finds no place, it is tried again broken into lines this short.
NARROW_WIDTH = 14
#: More labels than this cannot be read in one picture: only the largest nodes are tried.
MAX_LABELS = 200
#: With a highlight, a network larger than this is cropped to the highlighted nodes.
CROP_ABOVE = 30
#: A label without room in its size is tried this much smaller (9 pt on A4 becomes 7.2 pt).
MIN_LABEL_SHARE = 0.8

HUB_EDGE = "#C8C8C8"
PARTNER_EDGE = "#555555"
FADED = "#D4D4D4"
FADED_EDGE = "#E6E6E6"
LABEL_COLOUR = "#1F1F1F"
MARKERS = {"dot": "o", "star": "*", "square": "s", "diamond": "D"}
# matplotlib draws a star and a diamond smaller than a circle of the same size.
MARKER_SCALE = {"star": 1.7, "diamond": 0.8, "square": 0.9}

#: The colour of a warning note (the deck's "intern" red).
NOTE_COLOUR = "#A50021"
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ufffe\uffff]")


def label_text(name: Any, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> str:
    """A name as a label: control characters dropped, wrapped after ``width`` characters, cut
    with "…" beyond ``lines`` lines.

    >>> label_text("Universität für Verwaltungswissenschaften Speyer")
    'Universität für\\nVerwaltungswissenschaften\\nSpeyer'
    >>> label_text("Ein sehr langer Name " * 4, lines=2)
    'Ein sehr langer Name Ein\\nsehr langer Name Ein …'
    """
    plain = " ".join(_CONTROL.sub(" ", str(name)).split())
    return "\n".join(textwrap.wrap(plain, width, break_long_words=False, max_lines=lines,
                                   placeholder=" …"))


def draw_network(figure: Any, axes: Any, graph: nx.Graph,
                 positions: Mapping[Any, tuple[float, float]],
                 styles: Mapping[Any, NodeStyle], *, label_size: float = 9.0,
                 highlight: Collection[Any] | None = None, marker_scale: float = 1.0,
                 max_labels: int = MAX_LABELS, note: str | None = None) -> list[Any]:
    """Draw ``graph`` into ``axes`` (limits, ties, markers, labels); return the labelled nodes.

    Parameters
    ----------
    figure, axes
        A matplotlib figure with a canvas and the axes to draw in (switched off here).
    graph, positions, styles
        What the user sees: nodes without a position are left out; a node without a style is a
        grey dot.
    label_size : float
        The labels' font size in points; lines, markers and margins grow with it.
    highlight : collection, optional
        Nodes to show in colour; the others (but the own organisation) are faded and get no
        label.
    marker_scale : float
        Markers this many times the app's proportions (larger on a projected slide).
    max_labels : int
        How many nodes are tried for a label at most (the largest first).
    note : str, optional
        A short warning drawn small in the figure's lower right corner, on white ("Daten
        unvollständig: 3 Probleme").
    """
    from matplotlib.collections import LineCollection

    scale = label_size / 9.0
    axes.set_axis_off()
    # Screen positions grow downwards; in the picture y grows upwards.
    points = {n: (float(positions[n][0]), -float(positions[n][1]))
              for n in graph if n in positions}
    if not points:
        return []
    style = {n: styles.get(n) or NodeStyle(NONE_COLOR, 14.0, str(n)) for n in points}
    hubs = [n for n in points if style[n].shape == "star"]
    shown = set(points) if highlight is None else {n for n in points if n in highlight}
    shown.update(hubs)
    focus = shown if highlight is not None and len(points) > CROP_ABOVE else set(points)
    per_unit = _fit(figure, axes, [points[n] for n in focus or points], scale)

    hub_lines, tie_lines, tie_widths, faded_lines = [], [], [], []
    for a, b, attrs in graph.edges(data=True):
        if a not in points or b not in points:
            continue
        segment = (points[a], points[b])
        if highlight is not None and not (a in highlight or b in highlight):
            faded_lines.append(segment)
        elif attrs.get("kind") == "category":
            hub_lines.append(segment)
        else:
            tie_lines.append(segment)
            tie_widths.append((0.35 + 0.3 * tie_step(attrs)) * scale)
    axes.add_collection(LineCollection(faded_lines, colors=FADED_EDGE,
                                       linewidths=0.6 * scale, zorder=1))
    axes.add_collection(LineCollection(hub_lines, colors=HUB_EDGE, linewidths=0.6 * scale,
                                       zorder=1))
    # Thousands of ties would paint a black blot: the more there are, the lighter each one.
    alpha = 0.75 * min(1.0, 300 / max(len(tie_lines), 1)) ** 0.5
    axes.add_collection(LineCollection(tie_lines, colors=PARTNER_EDGE, alpha=alpha,
                                       linewidths=tie_widths, zorder=2))

    radii = _draw_markers(axes, points, style, shown, per_unit * marker_scale, scale)
    centre = points[hubs[0]] if hubs else _middle(list(points.values()))
    order = sorted(shown, key=lambda n: (style[n].shape != "star", -style[n].size,
                                         str(style[n].label)))[:max_labels]
    labels = [Label(label_text(style[n].label), *points[n], radius=radii[n], size=label_size,
                    bold=n in hubs, toward=_away(points[n], centre),
                    narrow=label_text(style[n].label, NARROW_WIDTH, lines=5),
                    min_size=MIN_LABEL_SHARE * label_size, leader_colour=style[n].color)
              for n in order]
    markers = [(*points[n], radii[n]) for n in points]
    avoid = []
    if note:  # drawn first, so that no label and no leader line runs under it
        drawn = figure.text(0.99, 0.02, note, ha="right", va="bottom", fontsize=label_size,
                            fontweight="bold", color=NOTE_COLOUR, zorder=10,
                            bbox={"facecolor": "white", "edgecolor": NOTE_COLOUR,
                                  "pad": 3.0 * scale})
        text = drawn.get_window_extent(figure.canvas.get_renderer())
        pad = (3.0 * scale + 1) * figure.dpi / 72  # the frame's padding and line
        avoid.append((text.x0 - pad, text.y0 - pad, text.x1 + pad, text.y1 + pad))
    placed = place_labels(figure, axes, labels, markers, leaders=True, margin=1.5 * scale,
                          colour=LABEL_COLOUR, leader_width=0.9 * scale, avoid=avoid)
    return [order[i] for i in placed]


def _draw_markers(axes: Any, points: dict[Any, tuple[float, float]],
                  style: dict[Any, NodeStyle], shown: set[Any], per_unit: float,
                  scale: float) -> dict[Any, float]:
    """Markers by shape, faded ones below; returns each marker's radius in points."""
    radii: dict[Any, float] = {}
    for faded in (True, False):
        group = [n for n in points if (n not in shown) == faded]
        for shape in sorted({style[n].shape for n in group}):
            nodes = [n for n in group if style[n].shape == shape]
            factor = MARKER_SCALE.get(shape, 1.0)
            diameters = [max(2 * style[n].size * per_unit, 5 * scale) * factor for n in nodes]
            radii.update({n: d / 2 for n, d in zip(nodes, diameters, strict=True)})
            axes.scatter([points[n][0] for n in nodes], [points[n][1] for n in nodes],
                         s=[d ** 2 for d in diameters],
                         c=[FADED if faded else style[n].color for n in nodes],
                         marker=MARKERS.get(shape, "o"), edgecolors="white",
                         linewidths=0.8 * scale, zorder=3 if faded else 4)
    return radii


def _fit(figure: Any, axes: Any, points: list[tuple[float, float]], scale: float) -> float:
    """Equal-aspect limits that show ``points`` with room for labels; points per layout unit."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    box = axes.get_position()
    fig_w, fig_h = figure.get_size_inches()
    width_pt, height_pt = box.width * fig_w * 72, box.height * fig_h * 72
    # Labels stick out sideways more than up and down; a narrow picture keeps a narrower rim.
    pad_x, pad_y = min(70 * scale, 0.12 * width_pt), min(22 * scale, 0.06 * height_pt)
    span_x, span_y = max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0)
    per_unit = min((width_pt - 2 * pad_x) / span_x, (height_pt - 2 * pad_y) / span_y)
    # A handful of partners should not be drawn huge: cap the zoom.
    per_unit = max(min(per_unit, 0.6 * scale), 1e-6)
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half_w, half_h = width_pt / per_unit / 2, height_pt / per_unit / 2
    axes.set_xlim(mid_x - half_w, mid_x + half_w)
    axes.set_ylim(mid_y - half_h, mid_y + half_h)
    return per_unit


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2


def _away(point: tuple[float, float], centre: tuple[float, float]) -> tuple[float, float]:
    """The direction from ``centre`` to ``point`` (to the right for the centre itself)."""
    dx, dy = point[0] - centre[0], point[1] - centre[1]
    length = math.hypot(dx, dy)
    return (1.0, 0.0) if length == 0 else (dx / length, dy / length)
