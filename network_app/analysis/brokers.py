"""Brokers: the partners and ties that hold the network together, and who links the categories.

* :func:`bridges` – ties whose loss would split the network;
* :func:`cut_points` – partners whose loss would split it;
* :func:`category_mixing` – how many ties run between partners of each pair of categories
  (Austausch, Kooperation, Netzwerk, Forschung), and which partners carry them;
* :func:`multi_category_partners` – partners in several categories, who bridge categories by
  themselves.

Everything works on the partner layer, sorted (:func:`~network_app.network.graph.partner_layer`
with ``ordered=True``); the hub is left out, since every partner touches it. Bridges and cut
points come from igraph (:mod:`network_app.analysis.engine`).

>>> import networkx as nx
>>> path = nx.Graph([("A", "B"), ("B", "C")])
>>> bridges(path), cut_points(path)
([('A', 'B'), ('B', 'C')], ['B'])
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import product

import networkx as nx
import pandas as pd

from ..network.graph import partner_layer
from ..workbook import schema
from .engine import prepare

__all__ = [
    "MixingResult",
    "bridges",
    "category_mixing",
    "cut_points",
    "multi_category_partners",
]


@dataclass(frozen=True)
class MixingResult:
    """Ties between categories, and the partners who carry them.

    Attributes
    ----------
    matrix : pandas.DataFrame
        Categories × categories (in :data:`~network_app.workbook.schema.CATEGORIES` order, only
        those
        present), symmetric: how many partner–partner ties join a partner of the row's category
        and one of the column's. The diagonal counts ties within a category.
    carriers : dict[tuple[str, str], list[str]]
        For each pair of categories with ties (the first not after the second in category
        order): the partners at either end of those ties, most ties first, then by name.
    """

    matrix: pd.DataFrame
    carriers: dict[tuple[str, str], list[str]]

    def carriers_of(self, first: str, second: str) -> list[str]:
        """The partners carrying ties between ``first`` and ``second``, in either order."""
        return self.carriers.get(self._key(first, second), [])

    def _key(self, first: str, second: str) -> tuple[str, str]:
        order = list(self.matrix.index)
        if first in order and second in order and order.index(first) > order.index(second):
            return second, first
        return first, second


def bridges(layer: nx.Graph) -> list[tuple[str, str]]:
    """Ties whose removal splits a connected part of the network, sorted.

    Each tie is given with its two partners in alphabetical order.

    Examples
    --------
    >>> triangle_with_tail = nx.Graph([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D")])
    >>> bridges(triangle_with_tail)
    [('C', 'D')]
    """
    prepared = prepare(layer)
    names = prepared.names
    ends = (prepared.igraph.es[i].tuple for i in prepared.igraph.bridges())
    return sorted(tuple(sorted((names[u], names[v]))) for u, v in ends)


def cut_points(layer: nx.Graph) -> list[str]:
    """Partners whose removal splits a connected part of the network (articulation points).

    Examples
    --------
    >>> cut_points(nx.Graph([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D")]))
    ['C']
    """
    prepared = prepare(layer)
    return sorted(prepared.names[i] for i in prepared.igraph.articulation_points())


def category_mixing(layer: nx.Graph) -> MixingResult:
    """Count partner–partner ties per pair of categories and find who carries them.

    A partner with several categories counts in each of them: a tie between a partner in
    Forschung and Kooperation and one in Austausch counts for Forschung–Austausch and for
    Kooperation–Austausch. Each tie counts at most once per pair of categories. Partners
    without a category are left out.

    Examples
    --------
    >>> layer = nx.Graph()
    >>> layer.add_node("Uni", categories=["Forschung", "Kooperation"])
    >>> layer.add_node("Lab", categories=["Austausch"])
    >>> layer.add_node("VHS", categories=["Kooperation"])
    >>> layer.add_edges_from([("Uni", "Lab"), ("Uni", "VHS")])
    >>> mixing = category_mixing(layer)
    >>> mixing.matrix  # doctest: +NORMALIZE_WHITESPACE
                 Austausch  Kooperation  Forschung
    Austausch            0            1          1
    Kooperation          1            1          1
    Forschung            1            1          0
    >>> mixing.carriers_of("Forschung", "Austausch")
    ['Lab', 'Uni']
    """
    graph = partner_layer(layer, ordered=True)
    categories = {node: _categories(graph, node) for node in graph}
    present = {c for cats in categories.values() for c in cats}
    order = [c for c in schema.CATEGORIES if c in present]
    order += sorted(present - set(order))  # values outside the schema, should a graph carry any
    rank = {c: i for i, c in enumerate(order)}
    counts: Counter[tuple[str, str]] = Counter()
    carried: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for u, v in graph.edges():
        pairs = {(a, b) if rank[a] <= rank[b] else (b, a)
                 for a, b in product(categories[u], categories[v])}
        for pair in pairs:
            counts[pair] += 1
            carried[pair][u] += 1
            carried[pair][v] += 1
    matrix = pd.DataFrame(0, index=pd.Index(order, dtype=object),
                          columns=pd.Index(order, dtype=object), dtype=int)
    for (a, b), count in counts.items():
        matrix.loc[a, b] = count
        matrix.loc[b, a] = count
    carriers = {
        pair: [name for name, _ in sorted(carried[pair].items(), key=lambda x: (-x[1], x[0]))]
        for pair in sorted(carried, key=lambda p: (rank[p[0]], rank[p[1]]))
    }
    return MixingResult(matrix=matrix, carriers=carriers)


def multi_category_partners(layer: nx.Graph) -> list[tuple[str, list[str]]]:
    """Partners in several categories, sorted by name, with their categories.

    They bridge categories by themselves, whether or not they have ties to other partners.

    Examples
    --------
    >>> layer = nx.Graph()
    >>> layer.add_node("Uni", categories=["Forschung", "Kooperation"])
    >>> layer.add_node("Lab", categories=["Austausch"])
    >>> multi_category_partners(layer)
    [('Uni', ['Forschung', 'Kooperation'])]
    """
    graph = partner_layer(layer, ordered=True)
    return [(node, _categories(graph, node)) for node in graph
            if len(_categories(graph, node)) > 1]


def _categories(graph: nx.Graph, node: str) -> list[str]:
    return list(dict.fromkeys(graph.nodes[node].get("categories") or []))
