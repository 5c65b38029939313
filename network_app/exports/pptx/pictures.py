"""The deck's network pictures: the same drawing as the print export
(:func:`network_app.drawing.picture.draw_network`), at slide size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from ...drawing.picture import draw_network
from ...drawing.styling import NodeStyle
from .drawing import render

__all__ = ["MARKER_SCALE", "Scene", "network_png"]

#: Markers half again as large as on paper: a slide is seen from the back of the room.
MARKER_SCALE = 1.5


@dataclass
class Scene:
    """What the app shows: the graph, positions (y down), a style per node and the legend."""

    graph: nx.Graph
    positions: dict[Any, tuple[float, float]]
    styles: dict[Any, NodeStyle]
    legend: list[tuple[str, str]]
    note: str = ""  # drawn small in the picture's lower right corner ("Daten unvollständig …")


def network_png(scene: Scene, width: float, height: float, *,
                highlight: set[Any] | None = None, label_size: float = 11.0) -> tuple[bytes, int]:
    """The network as the app draws it (its positions and colours), ``width`` × ``height`` inches.

    With ``highlight``, other partners are faded and, in a larger network, the view closes in on
    the highlighted partners. Labels go where they fit, the largest nodes first; returns the PNG
    and how many partners got a label.
    """
    png, labelled = render(draw_network, width, height, scene.graph, scene.positions,
                           scene.styles, label_size=label_size, highlight=highlight,
                           marker_scale=MARKER_SCALE, note=scene.note or None)
    kinds = scene.graph.nodes
    return png, sum(1 for node in labelled if kinds[node].get("kind") == "partner")
