"""Positions: where every node goes, computed in Python, so a picture is stable the moment it
appears.

* :func:`ego_layout` puts the own organisation in the centre and each category in its own sector,
  with partners on rings ordered so that partners that work together sit near each other.
* :func:`free_layout` places a network without hub and categories (one from another tool) by its
  ties alone: a force-directed layout, partners without ties on a ring around it.
* :func:`network_layout` picks one of the two for a graph; :func:`stable_positions` gives every
  node of every view (hub, partners, activities and programmes) one place, computed once from
  the whole workbook, so a partner stays where it is whatever is filtered and whichever view is
  shown.

Positions are deterministic: the same workbook gives the same places.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

from ..workbook import schema
from ..workbook.validation import PartnerData
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
    for node in partners:
        groups.setdefault(graph.nodes[node].get("category") or "", []).append(node)
    layer = graph.subgraph(partners)
    total = len(partners)
    gap = 0.10 if len(groups) > 1 else 0.0  # radians left empty between sectors
    start = -math.pi / 2
    for members in groups.values():
        if not members:
            continue
        width = (2 * math.pi - gap * len(groups)) * len(members) / total
        _place_sector(_order_members(layer, members), start, width, positions)
        start += width + gap
    return positions


def _order_members(layer: nx.Graph, members: list[Any]) -> list[Any]:
    """Busy partners first, then neighbours next to each other (a breadth-first walk)."""
    member_set = set(members)
    by_ties = sorted(members, key=lambda n: (-layer.degree(n, weight="weight"), str(n)))
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
            neighbours = sorted((n for n in layer.neighbors(node)
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

#: Below this many partners with ties :func:`free_layout` runs a force-directed layout; from it on
#: (a large edge list) the partners go on rings, ordered so that neighbours sit together.
#: networkx' spring layout needs scipy from 500 nodes on, which this program does not ship, and
#: a force layout of thousands of nodes shows a hairball anyway.
FORCE_LIMIT = 500
#: The force layout's seed: the same network gives the same picture.
SEED = 7


def network_layout(graph: nx.Graph) -> dict[Any, tuple[float, float]]:
    """The layout for ``graph`` as it is: :func:`ego_layout` when it has a hub or categories
    (the lab's format, also a view with the hub hidden), else :func:`free_layout`.

    >>> plain = nx.Graph([("A", "B"), ("B", "C")])
    >>> network_layout(plain) == free_layout(plain)
    True
    >>> lab = nx.Graph([("Soest", "A")])
    >>> lab.nodes["Soest"]["kind"] = "hub"
    >>> network_layout(lab)["Soest"]
    (0.0, 0.0)
    """
    if any(kind == "hub" for _, kind in graph.nodes(data="kind")) or any(
            category for _, category in graph.nodes(data="category")):
        return ego_layout(graph)
    return free_layout(graph)


def free_layout(graph: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Partners placed by their ties alone, for a network without hub and categories.

    Partners with ties get a force-directed layout (networkx' ``spring_layout``, seeded; ties
    count alike, whatever their weight, so one heavy tie does not pull everything together),
    spread so that neighbouring nodes are about :data:`SPACING` apart and wider than high, as
    the rings of :func:`ego_layout` are. From :data:`FORCE_LIMIT` partners with ties on, they go
    on rings around an empty centre instead. Partners without a tie go on a ring around them.
    Only the partner layer is placed (see :func:`~network_app.network.graph.partner_layer`);
    deterministic.

    >>> places = free_layout(nx.Graph([("A", "B"), ("B", "C"), ("D", "D")]))
    >>> sorted(places)
    ['A', 'B', 'C', 'D']
    >>> places == free_layout(nx.Graph([("A", "B"), ("B", "C"), ("D", "D")]))
    True
    """
    layer = partner_layer(graph)
    positions: dict[Any, tuple[float, float]] = {}
    tied = [n for n in layer if layer.degree(n)]
    loners = [n for n in layer if not layer.degree(n)]
    if len(tied) >= FORCE_LIMIT:
        _place_sector(_order_members(layer, tied), -math.pi / 2, 2 * math.pi, positions)
    elif tied:
        force = nx.spring_layout(layer.subgraph(tied), seed=SEED, weight=None)
        # spring_layout scales into [-1, 1]; n nodes then stand about 2 / sqrt(n) apart.
        radius = max(SPACING, SPACING * math.sqrt(len(tied)) / 1.6)
        for node, (x, y) in force.items():
            positions[node] = (round(ASPECT * radius * float(x), 1),
                               round(radius * float(y), 1))
    _outer_ring(loners, positions)
    return positions


# --------------------------------------------------------------------------- every view

#: How far an activity or programme sits outside the centre of its partners.
PUSH = SPACING / 2
#: Closer than this, two nodes would overlap; a newcomer moves further out.
MIN_GAP = 36.0


def stable_positions(data: PartnerData) -> dict[str, tuple[float, float]]:
    """A position for every node of every view, computed once from the whole workbook.

    The hub and the partners are placed by :func:`network_layout` on the full graph (the ego
    layout, or :func:`free_layout` for a network from another tool); an activity or
    programme sits at the centre of its partners, pushed a little outwards (and further out if
    another node is already there). Activities and programmes without partners go on a ring
    outside everything else. Filters and views only hide nodes,
    so nothing moves when the user changes them. The same workbook gives the same positions.
    """
    positions: dict[str, tuple[float, float]] = dict(network_layout(build_graph(data)))
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
