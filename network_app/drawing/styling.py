"""Styling: which colour, size and label each node gets. Pure; knows nothing of drawing.

Category colours come from the Okabe–Ito palette, which colour-blind viewers tell apart, and are
dark enough to survive a washed-out projector.

>>> CATEGORY_COLORS["Kooperation"]
'#E69F00'
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..text import by_language, say
from ..workbook import schema

__all__ = [
    "CATEGORY_COLORS",
    "COLOR_BY",
    "HUB_COLOR",
    "PALETTE",
    "SAME_SIZE",
    "NodeStyle",
    "legend",
    "node_styles",
    "tie_step",
    "tie_widths_vary",
    "value_colors",
]

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
#: Okabe–Ito without black (the hub is near-black), for types, reaches and groups. The first
#: four match the categories; yellow comes last, being the weakest on white and on a projector.
PALETTE: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9",
                            "#F0E442")
#: Lighter than NONE_COLOR, so "weitere" (values beyond the palette) and "ohne …" differ.
OTHER_COLOR = "#C4C4C4"
MIN_SIZE = 12.0
MAX_SIZE = 40.0
#: ``size_by`` for "gleich groß": every partner drawn the same size (no measure needed).
SAME_SIZE = "same"
#: The one size of every partner under :data:`SAME_SIZE`: a default-sized partner with a few ties.
EQUAL_SIZE = 16.0

_LABELS = by_language("drawing.styling")


@dataclass(frozen=True)
class NodeStyle:
    color: str
    size: float
    label: str
    shape: str = "dot"


def node_styles(graph: nx.Graph, *, color_by: str = "category", size_by: str | None = None,
                sizes: Mapping[Any, float] | None = None,
                communities: Mapping[Any, int] | None = None,
                color_values: Sequence[Any] | None = None) -> dict[Any, NodeStyle]:
    """Colour, size, label and shape for every node; label = name.

    By default partners are coloured by their first category and sized by their number of ties
    to other partners (12–24 px); the hub is the largest node.

    Parameters
    ----------
    graph : nx.Graph
        Any view (see :mod:`network_app.network.views`).
    color_by : {"category", "type", "reach", "community"}
        What a partner's colour shows. Categories keep :data:`CATEGORY_COLORS`. Types, reaches
        and communities get Okabe–Ito colours in a stable order (see :func:`value_colors`);
        beyond seven values the rest share a light grey ("weitere"); partners without a value
        are grey.
    size_by : str, optional
        The name of the measure that ``sizes`` holds (e.g. ``"betweenness"``); needs ``sizes``.
        :data:`SAME_SIZE` (``"same"``) draws every partner the same size (16 px) and needs no
        ``sizes``; the hub stays larger, as the centre the legend names.
    sizes : mapping, optional
        The measure's value per partner. Partners are then sized by rank from 12 to 40 px:
        the smallest value 12, the largest 40, equal values equal sizes. Rank rather than the
        value itself, because measures such as betweenness are skewed: one outlier would shrink
        everybody else to a dot. Partners without a value get the smallest size.
    communities : mapping, optional
        Partner → group number (``Communities.membership``); needed for ``"community"``.
    color_values : sequence, optional
        The values (types, reaches or group numbers) to give colours to, in order. Pass those
        of the whole network, so a value keeps its colour when filters hide others. By default
        types present in ``graph`` alphabetically; reaches always lokal, regional, national,
        international (then other values present, alphabetically); group numbers of
        ``communities`` ascending.

    Raises
    ------
    ValueError
        For an unknown ``color_by``, ``"community"`` without ``communities``, or ``size_by``
        without ``sizes``.
    """
    colors = _partner_colors(graph, color_by, communities, color_values)
    same = size_by == SAME_SIZE
    if size_by is not None and not same and sizes is None:
        raise ValueError(f"size_by={size_by!r} needs the measure's values in sizes")
    scaled = _scaled_sizes(graph, sizes) if sizes is not None and not same else None
    # A partner's ties to other partners: its neighbours less the hub, read from the graph's
    # own dicts (one look-up of every neighbour's kind per partner took most of the time).
    hubs = [node for node, kind in graph.nodes(data="kind") if kind == "hub"]
    adjacency = graph._adj
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
            if same:
                size = EQUAL_SIZE
            elif scaled is not None:
                size = scaled[node]
            else:
                near = adjacency[node]
                ties = len(near) - sum(1 for hub in hubs if hub in near)
                size = 12 + 1.5 * min(ties, 8)
            styles[node] = NodeStyle(colors[node][1], size, label)
    return styles


def legend(graph: nx.Graph, lang: str = "de", *, color_by: str = "category",
           communities: Mapping[Any, int] | None = None,
           color_values: Sequence[Any] | None = None,
           community_names: Mapping[int, str] | None = None) -> list[tuple[str, str]]:
    """(label, colour) for every colour the graph uses, in a stable order.

    The same keywords as :func:`node_styles` give the matching entries: the hub, the partners'
    values in colour order, "weitere" and "ohne …" when used, then activities and programmes.
    Groups are labelled "Gruppe 1", … or by ``community_names`` (``Communities.names``).
    """
    words = _LABELS[lang]
    kinds = {k for _, k in graph.nodes(data="kind")}
    colors = _partner_colors(graph, color_by, communities, color_values)
    used = {key for key, _ in colors.values()}
    entries = []
    if "hub" in kinds:
        entries.append((words["hub"], HUB_COLOR))
    if color_by == "category":
        entries += [(c, CATEGORY_COLORS[c]) for c in schema.CATEGORIES if c in used]
    else:
        palette = _palette(graph, color_by, communities, color_values)
        for value, color in palette.items():
            if value in used and color != OTHER_COLOR:
                entries.append((_value_label(value, color_by, lang, community_names), color))
        if _OTHER in used:
            entries.append((words["other"], OTHER_COLOR))
    if _NONE in used:
        entries.append((words[f"none_{color_by}"], NONE_COLOR))
    if "activity" in kinds:
        entries.append((words["activity"], ACTIVITY_COLOR))
    if "programme" in kinds:
        entries.append((words["programme"], PROGRAMME_COLOR))
    return entries


def value_colors(values: Sequence[Any]) -> dict[Any, str]:
    """Okabe–Ito colours for values in the given order; from the eighth on, light grey.

    >>> value_colors(["Hochschule", "Kommune"])
    {'Hochschule': '#0072B2', 'Kommune': '#E69F00'}
    """
    return {value: PALETTE[i] if i < len(PALETTE) else OTHER_COLOR
            for i, value in enumerate(dict.fromkeys(values))}


# Keys for partners that get no value's own colour (never equal to a workbook value).
_NONE = ("none",)
_OTHER = ("other",)
COLOR_BY: tuple[str, ...] = ("category", "type", "reach", "community")


def _value_of(node: Any, attrs: Mapping[str, Any], color_by: str,
              communities: Mapping[Any, int] | None) -> Any:
    if color_by == "community":
        return communities.get(node) if communities is not None else None
    value = attrs.get(color_by)
    return value if value not in (None, "") else None


def _palette(graph: nx.Graph, color_by: str, communities: Mapping[Any, int] | None,
             color_values: Sequence[Any] | None) -> dict[Any, str]:
    if color_values is not None:
        return value_colors(color_values)
    if color_by == "community":
        return value_colors(sorted(set((communities or {}).values())))
    present = {_value_of(n, a, color_by, communities) for n, a in graph.nodes(data=True)
               if a.get("kind") == "partner"} - {None}
    # The four reaches always hold their places, so "regional" is orange in every picture.
    known = schema.REACH_VALUES if color_by == "reach" else ()
    ordered = [*known, *sorted(present - set(known), key=lambda v: (str(v).casefold(), str(v)))]
    return value_colors(ordered)


def _partner_colors(graph: nx.Graph, color_by: str, communities: Mapping[Any, int] | None,
                    color_values: Sequence[Any] | None) -> dict[Any, tuple[Any, str]]:
    """Partner → (legend key, colour): the value, _OTHER or _NONE."""
    if color_by not in COLOR_BY:
        raise ValueError(f"unknown color_by {color_by!r}; expected one of {', '.join(COLOR_BY)}")
    if color_by == "community" and communities is None:
        raise ValueError('color_by="community" needs the communities (partner → group)')
    partners = [(n, a) for n, a in graph.nodes(data=True) if a.get("kind") == "partner"]
    if color_by == "category":
        return {n: (a.get("category") or _NONE,
                    CATEGORY_COLORS.get(a.get("category") or "", NONE_COLOR))
                for n, a in partners}
    palette = _palette(graph, color_by, communities, color_values)
    result = {}
    for node, attrs in partners:
        value = _value_of(node, attrs, color_by, communities)
        if value is None:
            result[node] = (_NONE, NONE_COLOR)
        elif palette.get(value, OTHER_COLOR) == OTHER_COLOR:
            result[node] = (_OTHER, OTHER_COLOR)
        else:
            result[node] = (value, palette[value])
    return result


def _value_label(value: Any, color_by: str, lang: str,
                 community_names: Mapping[int, str] | None) -> str:
    if color_by != "community":
        return str(value)
    if community_names and value in community_names:
        return community_names[value]
    return say("drawing.styling.group", lang, n=value)


def _scaled_sizes(graph: nx.Graph, sizes: Mapping[Any, float]) -> dict[Any, float]:
    """12–40 px by rank among the distinct values; no value (or NaN): 12."""
    values = {}
    for node, kind in graph.nodes(data="kind"):
        value = sizes.get(node) if kind == "partner" else None
        if value is not None and not (isinstance(value, float) and math.isnan(value)):
            values[node] = float(value)
    distinct = sorted(set(values.values()))
    rank = {value: i for i, value in enumerate(distinct)}
    top = len(distinct) - 1
    result = {}
    for node, kind in graph.nodes(data="kind"):
        if kind != "partner":
            continue
        if node not in values:
            result[node] = MIN_SIZE
        elif top == 0:
            result[node] = (MIN_SIZE + MAX_SIZE) / 2  # nothing to compare: a middle size
        else:
            result[node] = round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * rank[values[node]] / top, 1)
    return result


#: Ties between partners are drawn the thicker the stronger, in steps up to this one.
TIE_STEPS = 8


def tie_step(attrs: Mapping[str, Any]) -> float:
    """How thick a tie between two partners is drawn, 1 to :data:`TIE_STEPS`: its strength on
    the lab's 1–5 scale (else a foreign weight) plus one, capped, so that a weight of 291 does
    not fill the picture.

    >>> tie_step({"strength": 3}), tie_step({"weight": 291}), tie_step({})
    (4, 8, 2)
    """
    drawn = attrs.get("strength", attrs.get("weight")) or 1
    return min(max(1 + drawn, 1), TIE_STEPS)


def tie_widths_vary(graph: nx.Graph) -> bool:
    """Whether the ties between partners are drawn in more than one width: only then may a
    legend say that a thicker line means a closer tie.

    >>> graph = nx.Graph([("A", "B", {"strength": 1}), ("B", "C", {"strength": 1})])
    >>> tie_widths_vary(graph)
    False
    >>> graph.add_edge("C", "D", strength=4)
    >>> tie_widths_vary(graph)
    True
    """
    steps = {tie_step(attrs) for *_, attrs in graph.edges(data=True)
             if attrs.get("kind") != "category"}
    return len(steps) > 1
