"""The network pictures: the app's ego layout and colours, drawn with matplotlib."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ...drawing.styling import HUB_COLOR, NONE_COLOR, NodeStyle
from .drawing import (
    _directions_from,
    _drawing,
    _fit_box,
    _Label,
    _place_labels,
    height_in,
    width_in,
)
from .text import _plain
from .theme import FADED, FADED_EDGE, HUB_EDGE, PARTNER_EDGE

#: Labels in pictures stay this short; the full names are in the lists on the category slides.
LABEL_CHARS = 30
#: Category pictures zoom in on their partners only in networks larger than this.
CROP_ABOVE = 30
#: In big networks only the best connected partners are tried for a label (more never fit).
MAX_LABEL_TRIES = 300
#: A partner marker's usual diameter on a slide (app size 16 × 0.75).
TYPICAL_MARKER_PT = 12


@dataclass
class _Scene:
    graph: nx.Graph
    positions: dict[Any, tuple[float, float]]
    styles: dict[Any, NodeStyle]
    legend: list[tuple[str, str]]


def _network_png(scene: _Scene, width: float, height: float, *,
                 highlight: set[Any] | None = None, label_size: float = 11.0) -> tuple[bytes, int]:
    """The network as the app draws it (ego positions, category colours, no physics).

    With ``highlight``, other partners are faded and, in a network of more than CROP_ABOVE
    nodes, the view is cropped to the highlighted partners and the hub. Labels go where they
    fit (the best connected partners first); returns the PNG and how many partner labels fit.
    """
    return _drawing(_draw_network, width, height, scene, highlight, label_size)


def _draw_network(figure: Any, axes: Any, scene: _Scene, highlight: set[Any] | None,
                  label_size: float) -> int:
    graph = scene.graph
    nodes = [n for n in graph.nodes if n in scene.positions]
    # vis-network's y axis points down, matplotlib's up: flip, so the pictures match
    xy = {n: (float(scene.positions[n][0]), -float(scene.positions[n][1])) for n in nodes}
    hubs = [n for n in nodes if graph.nodes[n].get("kind") == "hub"]
    if highlight is not None and len(nodes) > CROP_ABOVE:  # crop to the highlighted partners
        focus = [n for n in nodes if n in highlight] + hubs
    else:
        focus = nodes
    _fit_view(axes, [xy[n] for n in focus], width_in(figure), height_in(figure))
    scale = _marker_scale(axes, figure)
    _draw_edges(axes, scene, xy, highlight, scale)
    _draw_nodes(axes, scene, xy, highlight, scale)
    obstacles = [(*xy[n], math.sqrt(_marker_area(scene, n, scale)) / 2) for n in nodes]
    partners = [n for n in focus if graph.nodes[n].get("kind") == "partner"
                and (highlight is None or n in highlight)]
    partners.sort(key=lambda n: (-graph.degree(n, weight="weight"), str(n)))
    labels = [_network_label(scene, n, xy[n], label_size, scale, hub=True) for n in hubs]
    labels += [_network_label(scene, n, xy[n], label_size, scale)
               for n in partners[:MAX_LABEL_TRIES]]
    placed = _place_labels(figure, axes, labels, obstacles)
    return sum(1 for i in placed if i >= len(hubs))


def _marker_scale(axes: Any, figure: Any) -> float:
    """Shrink markers when the layout's rings are closer on the slide than a marker is wide."""
    from ...network.positions import SPACING

    points_per_unit = width_in(figure) * 72 / (axes.get_xlim()[1] - axes.get_xlim()[0])
    return max(0.15, min(1.0, 0.9 * SPACING * points_per_unit / TYPICAL_MARKER_PT))


def _network_label(scene: _Scene, node: Any, point: tuple[float, float], size: float,
                   scale: float, hub: bool = False) -> _Label:
    style = scene.styles.get(node)
    text = _plain(style.label if style else scene.graph.nodes[node].get("label", node),
                  LABEL_CHARS)
    x, y = point
    radius = math.sqrt(_marker_area(scene, node, scale)) / 2
    if hub:
        return _Label(text, x, y, radius, _directions_from(0, -1), size + 3, bold=True)
    norm = math.hypot(x, y) or 1.0
    return _Label(text, x, y, radius, _directions_from(x / norm, y / norm), size)


def _draw_edges(axes: Any, scene: _Scene, xy: dict[Any, tuple[float, float]],
                highlight: set[Any] | None, scale: float) -> None:
    from matplotlib.collections import LineCollection

    hub_lines, partner_lines, widths, faded_lines = [], [], [], []
    for a, b, attrs in scene.graph.edges(data=True):
        if a not in xy or b not in xy:
            continue
        segment = (xy[a], xy[b])
        touches = highlight is None or a in highlight or b in highlight
        if attrs.get("kind") == "partner":
            if touches:
                partner_lines.append(segment)
                widths.append((0.8 + 0.5 * min(int(attrs.get("weight") or 1), 5)) * scale)
            else:
                faded_lines.append(segment)
        elif touches:
            hub_lines.append(segment)
    thin = 0.8 * max(scale, 0.4)
    axes.add_collection(LineCollection(faded_lines, colors=FADED_EDGE, linewidths=thin, zorder=1))
    axes.add_collection(LineCollection(hub_lines, colors=HUB_EDGE, linewidths=thin, zorder=1))
    axes.add_collection(LineCollection(partner_lines, colors=PARTNER_EDGE, linewidths=widths,
                                       alpha=0.75 if scale > 0.5 else 0.35, zorder=2))


def _draw_nodes(axes: Any, scene: _Scene, xy: dict[Any, tuple[float, float]],
                highlight: set[Any] | None, scale: float) -> None:
    graph = scene.graph
    faded, shown = [], []
    for node in xy:
        kind = graph.nodes[node].get("kind")
        if highlight is not None and node not in highlight and kind != "hub":
            faded.append(node)
        else:
            shown.append(node)
    for group, is_faded in ((faded, True), (shown, False)):
        for marker, members in _by_marker(graph, group).items():
            sizes = [_marker_area(scene, n, scale) for n in members]
            colours = [FADED if is_faded else _node_colour(scene, n) for n in members]
            axes.scatter([xy[n][0] for n in members], [xy[n][1] for n in members], s=sizes,
                         c=colours, marker=marker, linewidths=1.2 * scale, edgecolors="white",
                         zorder=3 if is_faded else 4)


def _by_marker(graph: nx.Graph, nodes: Iterable[Any]) -> dict[str, list[Any]]:
    markers = {"hub": "*", "activity": "s", "programme": "D"}
    groups: dict[str, list[Any]] = {}
    for node in nodes:
        groups.setdefault(markers.get(graph.nodes[node].get("kind"), "o"), []).append(node)
    return groups


def _node_colour(scene: _Scene, node: Any) -> str:
    style = scene.styles.get(node)
    if style is not None:
        return style.color
    return HUB_COLOR if scene.graph.nodes[node].get("kind") == "hub" else NONE_COLOR


def _marker_area(scene: _Scene, node: Any, scale: float = 1.0) -> float:
    """Marker area in points²: the app's node size, scaled for a slide (the hub stays big)."""
    style = scene.styles.get(node)
    size = style.size if style is not None else 14.0
    if scene.graph.nodes[node].get("kind") == "hub":
        return (size * 1.3 * max(scale, 0.6)) ** 2
    return (size * 0.75 * scale) ** 2


def _fit_view(axes: Any, points: Sequence[tuple[float, float]], width: float,
              height: float) -> None:
    """Show ``points`` with some room for labels, at equal scale on both axes."""
    if not points:
        _fit_box(axes, (-1.0, 1.0, -1.0, 1.0), width, height)
        return
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 100.0)
    pad_x, pad_y = 0.15 * span, 0.08 * span
    _fit_box(axes, (min(xs) - pad_x, max(xs) + pad_x, min(ys) - pad_y, max(ys) + pad_y),
             width, height)
