"""Positions: where every node goes, computed in Python, so a picture is stable the moment it
appears.

* :func:`ego_layout` puts the own organisation in the centre and each category in its own sector,
  with partners on rings ordered so that partners that work together sit near each other.
* :func:`free_layout` places partners by their ties alone (the "force" layout of
  :mod:`~network_app.network.force`, computed by igraph): for a network without hub and
  categories (one from another tool), and as a choice for big ones, where rings of thousands of
  dots say nothing.
* :func:`network_layout` picks one of the two for a graph (``layout="ego"`` or ``"force"``, or
  by the graph) and keeps the result per graph content; :func:`stable_positions` gives every
  node of every view (hub, partners, activities and programmes) one place, computed once from
  the whole workbook, so a partner stays where it is whatever is filtered and whichever view is
  shown.

Positions are deterministic: the same workbook gives the same places.
"""

from __future__ import annotations

import functools
import hashlib
import math
import weakref
from collections.abc import Mapping
from itertools import chain
from typing import Any

import networkx as nx

from ..workbook import schema
from ..workbook.validation import PartnerData
from .force import force_layout
from .graph import bipartite_graph, build_graph, partner_layer

__all__ = ["ego_layout", "free_layout", "network_layout", "stable_positions"]

#: Distance between neighbouring nodes on a ring, in drawing units (pixels at zoom 1).
SPACING = 90.0
FIRST_RING = 300.0
#: Alternate nodes on a ring sit a little further out, so neighbouring labels don't collide.
STAGGER = 40.0
#: Screens and projectors are wide and names are long: rings become ellipses this much wider.
ASPECT = 1.7


def _sector_order(graph: nx.Graph) -> list[str]:
    used = {c for _, c in graph.nodes(data="category")}
    return [c for c in schema.CATEGORIES if c in used] + ([""] if "" in used else [])


def ego_layout(graph: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Hub at (0, 0); partners grouped by first category in angular sectors."""
    positions: dict[Any, tuple[float, float]] = {}
    partners = [n for n, k in graph.nodes(data="kind") if k == "partner"]
    for node, kind in graph.nodes(data="kind"):
        if kind == "hub":
            positions[node] = (0.0, 0.0)
    if not partners:
        return positions
    groups: dict[str, list[Any]] = {c: [] for c in _sector_order(graph)}
    categories = dict(graph.nodes(data="category"))
    for node in partners:
        groups.setdefault(categories[node] or "", []).append(node)
    # Ties among partners, read from the graph's own dicts: through a subgraph view every
    # degree and neighbour list is filtered anew (0.2 s for 1,000 partners), and graph.adj
    # wraps every neighbour dict in a view whose items() looks each key up again.
    partner_set = set(partners)
    adjacency = graph._adj
    strength = {n: _strength(adjacency[n], n, partner_set) for n in partners}
    total = len(partners)
    gap = 0.10 if len(groups) > 1 else 0.0  # radians left empty between sectors
    start = -math.pi / 2
    for members in groups.values():
        if not members:
            continue
        width = (2 * math.pi - gap * len(groups)) * len(members) / total
        _place_sector(_order_members(adjacency, strength, members), start, width, positions)
        start += width + gap
    return positions


def _strength(neighbours: Mapping[Any, Mapping[str, Any]], node: Any, keep: set[Any]) -> float:
    """The weighted degree of ``node`` among the partners ``keep``, as networkx counts it on
    the partner subgraph (a tie without weight counts 1, a tie with itself twice)."""
    total = 0
    for other, attrs in neighbours.items():
        if other in keep:
            weight = attrs.get("weight", 1)
            total += 2 * weight if other == node else weight
    return total


def _order_members(adjacency: Mapping[Any, Mapping[Any, Any]], strength: Mapping[Any, float],
                   members: list[Any]) -> list[Any]:
    """Busy partners first, then neighbours next to each other (a breadth-first walk)."""
    member_set = set(members)
    by_ties = sorted(members, key=lambda n: (-strength[n], str(n)))
    ordered: list[Any] = []
    seen: set[Any] = set()
    for root in by_ties:
        if root in seen:
            continue
        queue = [root]
        seen.add(root)
        while queue:
            node = queue.pop(0)
            ordered.append(node)
            neighbours = sorted((n for n in adjacency[node]
                                 if n in member_set and n not in seen), key=str)
            seen.update(neighbours)
            queue.extend(neighbours)
    return ordered


def _place_sector(members: list[Any], start: float, width: float,
                  positions: dict[Any, tuple[float, float]]) -> None:
    """Fill rings from the inside out; each ring holds as many as fit at SPACING."""
    radius = FIRST_RING
    index = 0
    while index < len(members):
        capacity = max(1, int(width * radius / SPACING))
        ring = members[index:index + capacity]
        for j, node in enumerate(ring):
            angle = start + width * (j + 0.5) / len(ring)
            r = radius + (STAGGER if j % 2 else 0.0)
            positions[node] = (round(ASPECT * r * math.cos(angle), 1),
                               round(r * math.sin(angle), 1))
        index += len(ring)
        radius += SPACING + 2 * STAGGER


# --------------------------------------------------------------------------- without hub

#: The layouts :func:`network_layout` knows: the ego rings, or placed by the ties alone.
LAYOUTS = ("ego", "force")
#: How many layouts the library keeps (per fingerprint of a graph and the layout chosen).
CACHE_SIZE = 8


def network_layout(graph: nx.Graph, layout: str | None = None) -> dict[Any, tuple[float, float]]:
    """The layout for ``graph``: ``layout="ego"`` (:func:`ego_layout`) or ``"force"``
    (:func:`free_layout`, the hub in the middle of it). Without a choice: the ego layout when
    the graph has a hub or categories (the lab's format, also a view with the hub hidden), else
    the force layout.

    Computed once per graph content: the places are kept for the last :data:`CACHE_SIZE`
    fingerprints (nodes, their kind and category, ties and weights, in order) and layouts, so
    another graph built from the same workbook gets them without computing. Each call returns
    a new dict.

    >>> plain = nx.Graph([("A", "B"), ("B", "C")])
    >>> network_layout(plain) == free_layout(plain)
    True
    >>> lab = nx.Graph([("Soest", "A"), ("Soest", "B"), ("A", "B")])
    >>> nx.set_node_attributes(lab, {"Soest": "hub", "A": "partner", "B": "partner"}, "kind")
    >>> network_layout(lab)["Soest"]
    (0.0, 0.0)
    >>> network_layout(lab, "force")["A"] != network_layout(lab)["A"]
    True
    """
    if layout is None:
        layout = "ego" if _has_hub_or_categories(graph) else "force"
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, not {layout!r}")
    return dict(_cached_layout(_Keyed(graph), layout))


def _has_hub_or_categories(graph: nx.Graph) -> bool:
    return any(kind == "hub" for _, kind in graph.nodes(data="kind")) or any(
        category for _, category in graph.nodes(data="category"))


class _Keyed:
    """A graph as a cache key: equal by its fingerprint, holding the graph only weakly (the
    cache keeps the places, never the graph)."""

    __slots__ = ("fingerprint", "graph")
    fingerprint: object

    def __init__(self, graph: nx.Graph) -> None:
        self.fingerprint = _fingerprint(graph)
        self.graph = weakref.ref(graph)

    def __hash__(self) -> int:
        return hash(self.fingerprint)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Keyed) and other.fingerprint == self.fingerprint


def _fingerprint(graph: nx.Graph) -> object:
    """The nodes with their kind and category, every node's neighbours and the ties' weights,
    in order: read from the graph's own dicts as flat tuples and hashed (a repr of the node and
    edge views, hashed by blake2b, took four times as long); values that cannot be hashed go
    through their repr."""
    nodes = graph._node
    adjacency = graph._adj
    content = (type(graph).__name__, graph.is_directed(), tuple(nodes),
               tuple([attrs.get("kind") for attrs in nodes.values()]),
               tuple([attrs.get("category") for attrs in nodes.values()]),
               tuple(map(len, adjacency.values())),
               tuple(chain.from_iterable(adjacency.values())),
               tuple([attrs.get("weight") for near in adjacency.values()
                      for attrs in near.values()]))
    try:
        return (hash(content), len(content[2]), len(content[6]))
    except TypeError:
        return hashlib.blake2b(repr(content).encode(), digest_size=20).hexdigest()


@functools.lru_cache(maxsize=CACHE_SIZE)
def _cached_layout(keyed: _Keyed, layout: str) -> tuple[tuple[Any, tuple[float, float]], ...]:
    graph = keyed.graph()
    assert graph is not None  # the caller holds the graph while this runs
    if layout == "ego":
        return tuple(ego_layout(graph).items())
    positions = free_layout(graph)
    hubs = [n for n, kind in graph.nodes(data="kind") if kind == "hub"]
    if hubs:
        # The hub in the middle of its partners, on a free spot (a bounded walk upwards).
        grid = _Grid(MIN_GAP)
        for point in positions.values():
            grid.add(point)
        point = (0.0, 0.0)
        for _ in range(1000):
            if not grid.near(point):
                break
            point = (0.0, round(point[1] - MIN_GAP / 2, 1))
        for hub in hubs:
            positions[hub] = point
    return tuple(positions.items())


def free_layout(graph: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Partners placed by their ties alone: the "force" layout, for a network without hub and
    categories and as the choice for big ones.

    The partner layer (see :func:`~network_app.network.graph.partner_layer`) is laid out by
    :func:`~network_app.network.force.force_layout`: igraph's Fruchterman–Reingold for each
    connected part, seeded, the parts packed side by side, a typical tie about
    :data:`SPACING` long, wider than high as the rings of :func:`ego_layout` are. Partners
    without a tie fill the last rows. Deterministic: the same network gives the same places,
    whatever the order of the workbook's rows.

    >>> places = free_layout(nx.Graph([("A", "B"), ("B", "C"), ("D", "D")]))
    >>> sorted(places)
    ['A', 'B', 'C', 'D']
    >>> places == free_layout(nx.Graph([("A", "B"), ("B", "C"), ("D", "D")]))
    True
    """
    return force_layout(partner_layer(graph), aspect=ASPECT)


# --------------------------------------------------------------------------- every view

#: How far an activity or programme sits outside the centre of its partners.
PUSH = SPACING / 2
#: Closer than this, two nodes would overlap; a newcomer moves further out.
MIN_GAP = 36.0


def stable_positions(data: PartnerData, layout: str | None = None
                     ) -> dict[str, tuple[float, float]]:
    """A position for every node of every view, computed once from the whole workbook.

    The hub and the partners are placed by :func:`network_layout` on the full graph (``layout``
    "ego" or "force"; without a choice the ego layout, or :func:`free_layout` for a network
    from another tool); an activity or
    programme sits at the centre of its partners, pushed a little outwards (and further out if
    another node is already there). Activities and programmes without partners go on a ring
    outside everything else. Filters and views only hide nodes,
    so nothing moves when the user changes them. The same workbook gives the same positions.
    """
    positions: dict[str, tuple[float, float]] = network_layout(build_graph(data), layout)
    grid = _Grid(MIN_GAP)
    for point in positions.values():
        grid.add(point)
    bipartite = bipartite_graph(data)
    loners = []
    for node, kind in bipartite.nodes(data="kind"):
        if kind not in ("activity", "programme"):
            continue
        members = [positions[n] for n in bipartite.neighbors(node) if n in positions]
        if not members:
            loners.append(node)
            continue
        x = sum(p[0] for p in members) / len(members)
        y = sum(p[1] for p in members) / len(members)
        length = math.hypot(x, y)
        if length < 1.0:
            # Partners all around the hub: any direction is outwards; pick one by the count.
            angle = len(positions) * 2.399963  # golden angle, spreads such nodes evenly
            direction = (math.cos(angle), math.sin(angle))
        else:
            direction = (x / length, y / length)
        point = (x + PUSH * direction[0], y + PUSH * direction[1])
        for _ in range(100):  # a bounded walk outwards; a crowd cannot stall the layout
            if not grid.near(point):
                break
            point = (point[0] + MIN_GAP * direction[0], point[1] + MIN_GAP * direction[1])
        point = (round(point[0], 1), round(point[1], 1))
        positions[node] = point
        grid.add(point)
    _outer_ring(loners, positions)
    return positions


def _outer_ring(nodes: list[str], positions: dict[str, tuple[float, float]]) -> None:
    """Nodes without partners on (elliptic) rings just outside everything placed so far."""
    if not nodes:
        return
    radius = max((math.hypot(x / ASPECT, y) for x, y in positions.values()), default=0.0)
    radius += 2 * SPACING
    index = 0
    while index < len(nodes):
        capacity = max(1, int(2 * math.pi * radius / SPACING))
        ring = nodes[index:index + capacity]
        for j, node in enumerate(ring):
            angle = -math.pi / 2 + 2 * math.pi * j / len(ring)
            positions[node] = (round(ASPECT * radius * math.cos(angle), 1),
                               round(radius * math.sin(angle), 1))
        index += len(ring)
        radius += SPACING


class _Grid:
    """Points bucketed by cells of the gap size, so "is anything near?" looks at 9 cells only."""

    def __init__(self, gap: float) -> None:
        self.gap = gap
        self.cells: dict[tuple[int, int], list[tuple[float, float]]] = {}

    def _cell(self, point: tuple[float, float]) -> tuple[int, int]:
        return math.floor(point[0] / self.gap), math.floor(point[1] / self.gap)

    def add(self, point: tuple[float, float]) -> None:
        self.cells.setdefault(self._cell(point), []).append(point)

    def near(self, point: tuple[float, float]) -> bool:
        cx, cy = self._cell(point)
        return any(math.hypot(point[0] - p[0], point[1] - p[1]) < self.gap
                   for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                   for p in self.cells.get((cx + dx, cy + dy), ()))
