"""Who should we introduce to whom? Pairs of partners with no relation yet, but good reasons.

A pair is a candidate when the Beziehungen sheet has no relation between the two, and at least one
of these holds:

- **shared activities**: both took part in the same activities (the names on their partner tie);
- **common partners**: both are tied to the same other partners in the partner layer, weighed by
  the Adamic–Adar index (a common partner counts more the fewer ties it has: a small shared
  contact says more than a partner everybody knows).

The rule, in this order: more shared activities first; among equals, the higher Adamic–Adar
index. :attr:`Suggestion.score` encodes exactly that as one number,
``len(shared_activities) + adamic_adar / (1 + adamic_adar)``: the whole part counts activities,
the fraction below 1 ranks the common partners. Equal scores are ordered by names.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..network.graph import partner_layer
from ..text import join_list, say
from ..workbook.schema import name_key
from ..workbook.validation import PartnerData

__all__ = ["Suggestion", "introductions"]

#: How many names a reason lists before "und N weitere".
NAMES_IN_REASON = 3


@dataclass(frozen=True)
class Suggestion:
    """Two partners worth introducing to each other, and why.

    Attributes
    ----------
    a, b : str
        The two partners, ``a`` before ``b`` alphabetically.
    score : float
        ``len(shared_activities) + adamic_adar / (1 + adamic_adar)`` (see the module docstring).
    shared_activities : list of str
        Activities both took part in.
    common_neighbours : list of str
        Partners both are tied to, alphabetical.
    adamic_adar : float
        Adamic–Adar index of the pair in the partner layer (0 without common partners).
    """

    a: str
    b: str
    score: float
    shared_activities: list[str]
    common_neighbours: list[str]
    adamic_adar: float

    def reason(self, lang: str = "de") -> str:
        """Why the two fit, in one or two plain sentences.

        >>> Suggestion("A", "B", 0.5, [], ["C", "D", "E", "F"], 1.0).reason()
        'Beide arbeiten mit 4 gemeinsamen Partnern: C, D, E und 1 weitere.'
        """
        parts = []
        if self.shared_activities:
            parts.append(say("analysis.suggestions.activities", lang,
                             count=len(self.shared_activities),
                             names=join_list(self.shared_activities, lang,
                                             limit=NAMES_IN_REASON, conjunction=False)))
        if self.common_neighbours:
            parts.append(say("analysis.suggestions.partners", lang,
                             count=len(self.common_neighbours),
                             names=join_list(self.common_neighbours, lang,
                                             limit=NAMES_IN_REASON, conjunction=False)))
        return " ".join(parts)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if name_key(a) <= name_key(b) else (b, a)


def introductions(graph_or_layer: nx.Graph, data: PartnerData, *,
                  top: int | None = 20) -> list[Suggestion]:
    """The best pairs of partners to introduce to each other.

    Parameters
    ----------
    graph_or_layer : networkx.Graph
        The full graph (reduced to its partner layer) or the partner layer, e.g. filtered.
    data : PartnerData
        The workbook; its Beziehungen sheet says who already has a relation.
    top : int or None
        At most this many suggestions; None for all.

    Returns
    -------
    list of Suggestion
        Highest score first, then by names. Pairs with neither shared activities nor common
        partners are left out.
    """
    layer = partner_layer(graph_or_layer)
    related = {frozenset(pair) for pair in zip(data.relations["source"],
                                               data.relations["target"], strict=True)}

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
    shared: dict[tuple[str, str], list[str]] = {
        _pair(a, b): list(activities) for a, b, activities in layer.edges(data="activities")
        if activities
    }

    scored = []
    for pair in adamic_adar.keys() | shared.keys():
        if frozenset(pair) in related:
            continue
        index = adamic_adar.get(pair, 0.0)
        scored.append((len(shared.get(pair, ())) + index / (1 + index), pair))

    def order(item: tuple[float, tuple[str, str]]) -> tuple[float, Any, Any]:
        # Rounded so that sums of the same terms in another order tie and fall to the names.
        return -round(item[0], 9), keys[item[1][0]], keys[item[1][1]]

    best = sorted(scored, key=order) if top is None else heapq.nsmallest(max(top, 0), scored,
                                                                          key=order)
    return [
        Suggestion(a=a, b=b, score=score, shared_activities=shared.get((a, b), []),
                   common_neighbours=sorted(nx.common_neighbors(layer, a, b), key=name_key),
                   adamic_adar=adamic_adar.get((a, b), 0.0))
        for score, (a, b) in best
    ]
