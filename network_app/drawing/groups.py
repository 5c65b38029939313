"""Styles of the overview's groups (:mod:`network_app.network.overview`): colour, size, name.

A group is coloured by its members' most common first category (the colours of
:data:`~network_app.drawing.styling.CATEGORY_COLORS`, so the overview reads like the partner
picture), the merged groups and groups without a category grey; its area grows with its
members. The label is the group's name, which says how many partners it holds.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

from ..text import say
from ..workbook import schema
from .styling import CATEGORY_COLORS, NONE_COLOR, NodeStyle

__all__ = ["colour_note", "group_legend", "group_styles"]

#: The smallest and the largest group's dot (vis-network's size, a radius in pixels at zoom 1).
SMALLEST, LARGEST = 12.0, 60.0


def group_styles(overview: nx.Graph) -> dict[Any, NodeStyle]:
    """Colour, size and label of every group node.

    >>> overview = nx.Graph()
    >>> overview.add_node("Austausch (400)", members=400, category="Austausch")
    >>> overview.add_node("ohne Verbindung (4)", members=4, category=None)
    >>> styles = group_styles(overview)
    >>> styles["Austausch (400)"].size, styles["ohne Verbindung (4)"].size
    (60.0, 16.8)
    >>> styles["ohne Verbindung (4)"].color
    '#8C8C8C'
    """
    most = max((m for _, m in overview.nodes(data="members", default=1)), default=1)
    styles = {}
    for node, attrs in overview.nodes(data=True):
        share = math.sqrt(attrs.get("members", 1) / most)  # the area follows the members
        styles[node] = NodeStyle(
            color=CATEGORY_COLORS.get(attrs.get("category") or "", NONE_COLOR),
            size=round(SMALLEST + (LARGEST - SMALLEST) * share, 1),
            label=str(attrs.get("label", node)))
    return styles


def group_legend(overview: nx.Graph, lang: str = "de") -> list[tuple[str, str]]:
    """The categories that colour a group, in the workbook's order, and "ohne Kategorie" grey
    (what the colour means is said by :func:`colour_note`).

    >>> overview = nx.Graph()
    >>> overview.add_node("g", category="Forschung")
    >>> overview.add_node("h", category=None)
    >>> group_legend(overview, "en")
    [('Forschung', '#CC79A7'), ('no category', '#8C8C8C')]
    """
    used = {c for _, c in overview.nodes(data="category")}
    entries = [(c, CATEGORY_COLORS[c]) for c in schema.CATEGORIES if c in used]
    if None in used or "" in used:
        entries.append((say("network.figures.no_category", lang), NONE_COLOR))
    return entries


def colour_note(lang: str = "de") -> str:
    """What a group's colour means, for a caption.

    >>> colour_note("en")
    "Colour: the group's most common category"
    """
    return say("network.overview.colour", lang)
