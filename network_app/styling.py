"""Styling: which colour, size and label each node gets. Pure; knows nothing of drawing.

Category colours come from the Okabe–Ito palette, which colour-blind viewers tell apart, and are
dark enough to survive a washed-out projector.

>>> CATEGORY_COLORS["Kooperation"]
'#E69F00'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from . import schema

__all__ = ["CATEGORY_COLORS", "HUB_COLOR", "NodeStyle", "legend", "node_styles"]

CATEGORY_COLORS: dict[str, str] = {
    "Austausch": "#0072B2",  # blue
    "Kooperation": "#E69F00",  # orange
    "Netzwerk": "#009E73",  # bluish green
    "Forschung": "#CC79A7",  # reddish purple
}
HUB_COLOR = "#1F1F1F"
NONE_COLOR = "#8C8C8C"
ACTIVITY_COLOR = "#56B4E9"  # sky blue
PROGRAMME_COLOR = "#D55E00"  # vermillion

_LABELS = {
    "de": {"hub": "eigene Organisation", "none": "ohne Kategorie", "activity": "Aktivität",
           "programme": "Programm"},
    "en": {"hub": "own organisation", "none": "no category", "activity": "activity",
           "programme": "programme"},
}


@dataclass(frozen=True)
class NodeStyle:
    color: str
    size: float
    label: str
    shape: str = "dot"


def node_styles(graph: nx.Graph) -> dict[Any, NodeStyle]:
    """Colour by first category, size by number of ties (hub largest), label = name."""
    styles: dict[Any, NodeStyle] = {}
    for node, attrs in graph.nodes(data=True):
        kind = attrs.get("kind")
        label = str(attrs.get("label", node))
        if kind == "hub":
            styles[node] = NodeStyle(HUB_COLOR, 34, label, "star")
        elif kind == "activity":
            styles[node] = NodeStyle(ACTIVITY_COLOR, 12, label, "square")
        elif kind == "programme":
            styles[node] = NodeStyle(PROGRAMME_COLOR, 16, label, "diamond")
        else:
            ties = sum(1 for n in graph.neighbors(node) if graph.nodes[n].get("kind") != "hub")
            color = CATEGORY_COLORS.get(attrs.get("category") or "", NONE_COLOR)
            styles[node] = NodeStyle(color, 12 + 1.5 * min(ties, 8), label)
    return styles


def legend(graph: nx.Graph, lang: str = "de") -> list[tuple[str, str]]:
    """(label, colour) for every colour the graph uses, in a stable order."""
    words = _LABELS[lang]
    kinds = {k for _, k in graph.nodes(data="kind")}
    used = {c for _, c in graph.nodes(data="category")}
    entries = []
    if "hub" in kinds:
        entries.append((words["hub"], HUB_COLOR))
    entries += [(c, CATEGORY_COLORS[c]) for c in schema.CATEGORIES if c in used]
    if "" in used and "partner" in kinds and any(
        a.get("kind") == "partner" and not a.get("category") for _, a in graph.nodes(data=True)
    ):
        entries.append((words["none"], NONE_COLOR))
    if "activity" in kinds:
        entries.append((words["activity"], ACTIVITY_COLOR))
    if "programme" in kinds:
        entries.append((words["programme"], PROGRAMME_COLOR))
    return entries
