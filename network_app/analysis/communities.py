"""Communities: groups of partners that are tied more closely to each other than to the rest.

Leiden (igraph's ``community_leiden`` optimising modularity, ``weight``, seeded) on the partner
layer; the hub is left out, since every partner touches it. Leiden's groups are always connected
inside, and its modularity is at least Louvain's on the lab's networks; igraph's C core found
the groups of 5,000 partners in 0.12 s where networkx's Louvain took 0.5 s. networkx's Louvain
stays available (``method="louvain"``). Partitions can differ between library versions even with
the same seed; within one version the same input gives the same groups.

Groups are numbered 1, 2, … by size (largest first; ties by the alphabetically first member),
and named for people by their members' most common category and type, e.g.
``"Austausch · Kommune (8)"``. Names are unique: two groups that would share one are each named
also by their most central partner, ``"Forschung · Hochschule um TU Dortmund (2)"``.

>>> import networkx as nx
>>> layer = nx.Graph([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"),
...                   ("D", "E"), ("E", "F"), ("F", "D")])
>>> found = detect_communities(layer)
>>> found.membership["A"] == found.membership["B"] != found.membership["F"]
True
>>> found.sizes
{1: 3, 2: 3}
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import igraph as ig
import networkx as nx

from ..network.graph import _NOT_PARTNERS, _collector_paused, _sorted, partner_layer
from ..text import say
from ..workbook import schema
from .engine import Prepared, prepare, seeded

__all__ = ["METHODS", "Communities", "community_name", "detect_communities"]


@dataclass(frozen=True)
class Communities:
    """Groups found in the partner layer.

    Attributes
    ----------
    membership : dict[str, int]
        Partner name → group number (1 = largest group).
    modularity : float
        How clearly the network splits into these groups (weighted, at resolution 1 whatever
        resolution found them; about 0.3 and more: clear groups; NaN when there are no ties).
    names : dict[int, str]
        Group number → a name for people, e.g. ``"Austausch · Kommune (8)"``.
    sizes : dict[int, int]
        Group number → number of partners.
    """

    membership: dict[str, int]
    modularity: float
    names: dict[int, str]
    sizes: dict[int, int]

    def members(self, number: int) -> list[str]:
        """The partners of group ``number``, sorted."""
        return sorted(name for name, group in self.membership.items() if group == number)


#: The ways to find groups: ``"leiden"`` (igraph, the default) and ``"louvain"`` (networkx).
METHODS = ("leiden", "louvain")
#: Up to this many partners Leiden runs until no partner changes group. Above, it stops after
#: ``LEIDEN_ROUNDS`` rounds: on the 20,000-partner benchmark network running until stable took
#: five times as long (4.7 s against 0.95 s under load) for a modularity of 0.340 instead of
#: 0.337 (networkx's Louvain: 0.318). See benchmarks/measures.py.
STABLE_LIMIT = 5000
LEIDEN_ROUNDS = 4


def detect_communities(layer: nx.Graph, *, resolution: float = 1.0, seed: int = 42,
                       lang: str = "de", method: str = "leiden",
                       once: bool = False) -> Communities:
    """Find groups of closely tied partners (Leiden or Louvain, weighted, seeded).

    Parameters
    ----------
    layer : nx.Graph
        The partner layer; a hub node (``kind == "hub"``) is left out.
    resolution : float
        Above 1 favours more, smaller groups; below 1 fewer, larger ones.
    seed : int
        Seed for the algorithm's random order; the same input gives the same groups.
    lang : str
        Language of the group names, ``"de"`` or ``"en"``.
    method : str
        ``"leiden"`` (igraph's Leiden optimising modularity, repeated until no partner changes
        group, or :data:`LEIDEN_ROUNDS` rounds above :data:`STABLE_LIMIT` partners) or
        ``"louvain"`` (networkx's Louvain, as before Leiden was the default).
    once : bool
        The graph is used for this one call and then dropped (an export of a big network builds
        it, finds its groups and writes the file): Leiden runs on an igraph copy made straight
        from it, as for a frozen graph, instead of the conversion :func:`~.engine.prepare`
        keeps for the measures (0.3 s at 5,000 partners). Same groups, modularity and names.

    Returns
    -------
    Communities
        Partners without any tie form a group of their own each.

    Examples
    --------
    >>> layer = nx.Graph([("A", "B")])
    >>> layer.add_node("C")
    >>> detect_communities(layer).membership
    {'A': 1, 'B': 1, 'C': 2}
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    direct = method == "leiden" and _Direct.suits(layer, once=once)
    prepared: Prepared | _Direct = _Direct(layer) if direct else prepare(layer)
    nodes = prepared.names
    position = {node: i for i, node in enumerate(nodes)}  # partner_layer sorted the nodes
    if prepared.igraph.ecount() and method == "leiden":
        rounds = -1 if len(nodes) <= STABLE_LIMIT else LEIDEN_ROUNDS  # -1: until stable
        with seeded(seed):
            found = prepared.igraph.community_leiden(
                objective_function="modularity", weights="weight", resolution=resolution,
                n_iterations=rounds)
        groups = [[nodes[i] for i in sorted(members)] for members in found]
        modularity = _modularity(prepared, found.membership)
    elif prepared.igraph.ecount():
        louvain = nx.community.louvain_communities(prepared.layer, weight="weight",
                                                   resolution=resolution, seed=seed)
        groups = [sorted(group, key=position.__getitem__) for group in louvain]
        numbers = [0] * len(nodes)
        for number, members in enumerate(groups):
            for name in members:
                numbers[position[name]] = number
        modularity = _modularity(prepared, numbers)
    else:
        # Modularity is undefined without ties: nothing is grouped.
        groups = [[node] for node in nodes]
        modularity = math.nan
    groups.sort(key=lambda members: (-len(members), position[members[0]]))
    membership = {name: number for number, members in enumerate(groups, 1) for name in members}
    return Communities(
        membership=dict(sorted(membership.items(), key=lambda item: position[item[0]])),
        modularity=float(modularity),
        # Names from the caller's graph: its categories and types as they are now.
        names=_unique_names(groups, prepared, layer, lang),
        sizes={number: len(members) for number, members in enumerate(groups, 1)},
    )


class _Direct:
    """What Leiden needs of a frozen graph's partner layer, made straight from the graph:
    the partners sorted (``names``) and the igraph copy with the same vertices, edges in the
    same order and the same weights as :func:`~.engine.prepare` makes from the sorted partner
    layer, without building that layer as a networkx graph first (0.9 s at 20,000 partners,
    the app's overview). The layer itself is built only if asked for (two groups that would
    share a name are named by their most central partner). A frozen graph is the app's
    workbook graph, kept for every page, and a graph used ``once`` is an export's; ``prepare``
    keeps its conversion for the measures."""

    def __init__(self, graph: nx.Graph) -> None:
        # Python's collector paused while the pairs are made (as build_graph does): a full
        # collection would walk every object of the big graph meanwhile.
        with _collector_paused():
            self._make(graph)

    def _make(self, graph: nx.Graph) -> None:
        self.source = graph
        partners = [n for n, kind in graph.nodes(data="kind") if kind not in _NOT_PARTNERS]
        self.names = _sorted(partners)
        position = {name: i for i, name in enumerate(self.names)}
        # Each tie once, from its end that comes first, read from the graph's own dicts (an
        # edge view costs a call per tie): the pairs come out sorted, as prepare's are.
        edges: list[tuple[int, int]] = []
        weights: list[float] = []
        adjacency = graph._adj  # the dicts themselves: AtlasView.items() looks up every key
        for a, name in enumerate(self.names):
            row = []
            for other, attrs in adjacency[name].items():
                b = position.get(other)
                if b is not None and b > a:
                    row.append((b, attrs.get("weight")))
            row.sort()  # by the other end: one tie per pair, so no weight is ever compared
            for b, weight in row:
                edges.append((a, b))
                weights.append(1.0 if weight is None else float(weight))
        self.igraph = ig.Graph(n=len(self.names), edges=edges, directed=False)
        self.igraph.es["weight"] = weights
        self._layer: nx.Graph | None = None

    @staticmethod
    def suits(graph: nx.Graph, *, once: bool = False) -> bool:
        """An undirected graph with one tie per pair of partners, frozen or used ``once``."""
        return ((once or nx.is_frozen(graph)) and not graph.is_directed()
                and not graph.is_multigraph())

    @property
    def layer(self) -> nx.Graph:
        if self._layer is None:
            self._layer = partner_layer(self.source, ordered=True)
        return self._layer


def _modularity(prepared: Prepared | _Direct, membership: list[int]) -> float:
    """Plain modularity (resolution 1, weighted) whatever resolution found the groups, so the
    value reads the same way every time (METRIC_TEXT: from about 0.3 clear groups); equal to
    networkx's ``community.modularity``."""
    return float(prepared.igraph.modularity(membership, weights="weight", resolution=1.0,
                                            directed=False))


def community_name(members: Iterable[str], layer: nx.Graph, lang: str = "de") -> str:
    """A name for a group of partners: its most common category and type, and its size.

    A category or type shared by equally many members is named together (``"Austausch /
    Netzwerk"``); one partner alone is named by itself. Category and type are the workbook's
    values, so they stay as written in English too.

    Examples
    --------
    >>> layer = nx.Graph()
    >>> layer.add_node("Soest", categories=["Austausch"], type="Kommune")
    >>> layer.add_node("Lippstadt", categories=["Austausch", "Kooperation"], type="Kommune")
    >>> layer.add_node("Öcher Lab", categories=["Austausch"], type="Lab")
    >>> community_name(["Soest", "Lippstadt", "Öcher Lab"], layer)
    'Austausch · Kommune (3)'
    >>> community_name(["Soest"], layer)
    'Soest (1)'
    """
    members = list(members)
    return say("analysis.communities.name", lang, label=_label(members, layer, lang),
               count=len(members))


def _label(members: list[str], layer: nx.Graph, lang: str) -> str:
    """The words of a group's name without its size: its most common category and type, the
    partner itself for a group of one, "Gruppe" when the members share neither."""
    if len(members) == 1:
        return members[0]
    attrs: list[dict[str, Any]] = [layer.nodes[m] for m in members]
    categories = Counter(c for a in attrs for c in (a.get("categories") or []))
    types = Counter(a["type"] for a in attrs if a.get("type"))
    order = {c: i for i, c in enumerate(schema.CATEGORIES)}
    parts = [
        _most_common(categories, key=lambda c: (order.get(c, len(order)), c)),
        _most_common(types, key=str),
    ]
    # A group whose members share no most common category or type is just "Gruppe".
    return " · ".join(p for p in parts if p) or say("analysis.communities.group", lang)


def _unique_names(groups: list[list[str]], prepared: Prepared | _Direct, described: nx.Graph,
                  lang: str) -> dict[int, str]:
    """Group number → a name no other group has (a legend with two equal names would make two
    colours mean the same). Groups that would share a name (the same words and size) are
    named also by their most central partner in ``graph``: members are disjoint, so those
    names differ. Categories and types are read from ``described``.
    """
    plain = {number: community_name(members, described, lang)
             for number, members in enumerate(groups, 1)}
    shared = Counter(plain.values())
    names = dict(plain)
    for number, members in enumerate(groups, 1):
        if shared[plain[number]] > 1:
            label = _label(members, described, lang)
            names[number] = say("analysis.communities.name_around", lang, label=label,
                                centre=_centre(members, prepared.layer),
                                count=len(members))
    return names


def _centre(members: list[str], graph: nx.Graph) -> str:
    """The member with the most (weighted) ties inside the group; then the most ties in the
    whole network; then the first name."""
    inside = graph.subgraph(members)
    return min(members, key=lambda m: (-inside.degree(m, weight="weight"),
                                       -graph.degree(m, weight="weight"), m.casefold(), m))


def _most_common(counts: Counter[str], key: Callable[[str], Any]) -> str:
    """The most common value; two tied values joined with " / ", more than two: none."""
    if not counts:
        return ""
    top = max(counts.values())
    leaders = sorted((value for value, count in counts.items() if count == top), key=key)
    return " / ".join(leaders) if len(leaders) <= 2 else ""
