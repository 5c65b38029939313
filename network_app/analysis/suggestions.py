"""Who should we introduce to whom? Pairs of partners who are not tied yet but have something in
common.

Two partners are **already tied** (and never suggested) when anything in the workbook connects
them: a relation in the Beziehungen sheet, an activity both took part in, or a programme both
belong to, or when the graph handed over has a tie between them (a view may add ties of its
own). The workbook is asked as well as the graph, so a filtered view that hides a tie does not
turn two partners who know each other into a suggestion.

A pair that is not tied is a candidate when

- **common partners**: both are tied to the same other partners in the partner layer, weighed by
  the Adamic–Adar index (the sum of ``1 / log(degree)`` over the common partners: a common partner
  counts more the fewer ties it has; a small shared contact says more than a partner everybody
  knows), or
- **same place**: both have the same Ort (neighbours in town who do not work together yet).

The rule, in this order: the higher Adamic–Adar index first (pairs without common partners have
0); among equals, a shared place before none, then a shared Typ before none (the Typ is a reason
only next to a shared place, and "Sonstiges", the template's word for "none of these", is
none); then by names.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx

from ..network.graph import partner_layer
from ..text import join_list, say
from ..workbook.schema import name_key
from ..workbook.validation import PartnerData

__all__ = ["Suggestion", "introductions", "tied_pairs"]

#: How many names a reason lists before "und N weitere".
NAMES_IN_REASON = 3
#: Types that say nothing in common: the template's catch-all.
_NO_TYPE = frozenset({"sonstiges", "sonstige", "other"})


@dataclass(frozen=True)
class Suggestion:
    """Two partners worth introducing to each other, and why.

    Attributes
    ----------
    a, b : str
        The two partners, ``a`` before ``b`` alphabetically.
    common_neighbours : list of str
        Partners both are tied to, alphabetical.
    adamic_adar : float
        Adamic–Adar index of the pair in the partner layer (0 without common partners).
    place : str or None
        The Ort both have, as the first of them writes it.
    type : str or None
        The Typ both have, only given together with ``place``.
    """

    a: str
    b: str
    common_neighbours: list[str]
    adamic_adar: float
    place: str | None = None
    type: str | None = None

    def reason(self, lang: str = "de") -> str:
        """Why the two fit, in one or two plain sentences.

        >>> Suggestion("A", "B", ["C", "D", "E", "F"], 1.0).reason()
        'Beide arbeiten mit 4 gemeinsamen Partnern: C, D, E und 1 weitere.'
        >>> Suggestion("A", "B", [], 0.0, "Soest", "Kommune").reason()
        'Beide sind in Soest, beide vom Typ »Kommune«.'
        """
        parts = []
        if self.common_neighbours:
            parts.append(say("analysis.suggestions.partners", lang,
                             count=len(self.common_neighbours),
                             names=join_list(self.common_neighbours, lang,
                                             limit=NAMES_IN_REASON, conjunction=False)))
        if self.place and self.type:
            parts.append(say("analysis.suggestions.place_type", lang, place=self.place,
                             type=self.type))
        elif self.place:
            parts.append(say("analysis.suggestions.place", lang, place=self.place))
        return " ".join(parts)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if name_key(a) <= name_key(b) else (b, a)


def tied_pairs(data: PartnerData) -> set[frozenset[str]]:
    """Every pair of partners the workbook connects: a relation, a shared activity or a shared
    programme (whatever year it was in).

    >>> import pandas as pd
    >>> data = PartnerData(pd.DataFrame({"name": ["A", "B", "C"]}),
    ...                    pd.DataFrame({"source": ["A"], "target": ["B"]}),
    ...                    pd.DataFrame({"name": ["Fest"], "participants": [["B", "C"]]}),
    ...                    pd.DataFrame(), {})
    >>> sorted(sorted(pair) for pair in tied_pairs(data))
    [['A', 'B'], ['B', 'C']]
    """
    tied: set[frozenset[str]] = set()
    relations = data.relations
    if {"source", "target"} <= set(relations.columns):
        tied.update(frozenset(pair) for pair in zip(relations["source"], relations["target"],
                                                    strict=True))
    for table in (data.activities, data.programmes):
        if "participants" not in table.columns:
            continue
        for participants in table["participants"]:
            tied.update(frozenset(pair) for pair in combinations(_names(participants), 2))
    return tied


def _names(participants: Any) -> Iterable[str]:
    return dict.fromkeys(participants) if isinstance(participants, list | tuple) else ()


def introductions(graph_or_layer: nx.Graph, data: PartnerData, *,
                  top: int | None = 20) -> list[Suggestion]:
    """The best pairs of partners to introduce to each other.

    Parameters
    ----------
    graph_or_layer : networkx.Graph
        The full graph (reduced to its partner layer) or the partner layer, e.g. filtered.
    data : PartnerData
        The workbook; its relations, activities and programmes say who is already tied.
    top : int or None
        At most this many suggestions; None for all.

    Returns
    -------
    list of Suggestion
        In the order of the module docstring. Only pairs with common partners or a shared place,
        and without any tie.
    """
    layer = partner_layer(graph_or_layer)
    tied = tied_pairs(data)

    # One pass over the middle partners gives every pair two steps apart its Adamic–Adar index
    # (the sum of 1 / log(degree) over the common partners, exactly as
    # networkx.adamic_adar_index), without testing every pair of a large network.
    keys = {name: name_key(name) for name in layer}
    adamic_adar: dict[tuple[str, str], float] = defaultdict(float)
    for middle in layer:
        neighbours = sorted(layer[middle], key=keys.__getitem__)
        if len(neighbours) < 2:
            continue
        weight = 1 / math.log(len(neighbours))
        for i, a in enumerate(neighbours):
            for b in neighbours[i + 1:]:
                adamic_adar[a, b] += weight

    places: dict[str, list[str]] = defaultdict(list)
    for name, place in layer.nodes(data="place"):
        if isinstance(place, str) and place.strip():
            places[_same(place)].append(name)
    same_place = {_pair(a, b) for names in places.values() for a, b in combinations(names, 2)}
    written = _first_spelling(layer, ("place", "type"))

    def same(pair: tuple[str, str], key: str) -> bool:
        first, second = (layer.nodes[n].get(key) for n in pair)
        return isinstance(first, str) and isinstance(second, str) and bool(first.strip()) \
            and _same(first) == _same(second) and _same(first) not in _NO_TYPE

    scored = []
    for pair in adamic_adar.keys() | same_place:
        if layer.has_edge(*pair) or frozenset(pair) in tied:
            continue
        place = pair in same_place
        scored.append((adamic_adar.get(pair, 0.0), place, place and same(pair, "type"), pair))

    def order(item: tuple[float, bool, bool, tuple[str, str]]) -> tuple[Any, ...]:
        # Rounded so that sums of the same terms in another order tie and fall to the names.
        index, place, kind, (a, b) = item
        return -round(index, 9), not place, not kind, keys[a], keys[b]

    best = sorted(scored, key=order) if top is None else heapq.nsmallest(max(top, 0), scored,
                                                                          key=order)
    return [
        Suggestion(a=a, b=b,
                   common_neighbours=sorted(nx.common_neighbors(layer, a, b), key=name_key),
                   adamic_adar=index,
                   place=written["place", _same(layer.nodes[a]["place"])] if place else None,
                   type=written["type", _same(layer.nodes[a]["type"])] if kind else None)
        for index, place, kind, (a, b) in best
    ]


def _first_spelling(layer: nx.Graph, keys: tuple[str, ...]) -> dict[tuple[str, str], str]:
    """Each place and type as the first partner of the layer writes it."""
    written: dict[tuple[str, str], str] = {}
    for key in keys:
        for _name, value in layer.nodes(data=key):
            if isinstance(value, str) and value.strip():
                written.setdefault((key, _same(value)), " ".join(value.split()))
    return written


def _same(text: str) -> str:
    """Places and types compare without case and surrounding spaces: "soest " is Soest."""
    return " ".join(text.split()).casefold()
