"""Layout: node positions computed in Python, so a picture is stable the moment it appears.

The ego layout puts the own organisation in the centre and each category in its own sector, with
partners on rings ordered so that partners that work together sit near each other. Positions are
deterministic for the same graph and independent of filters: a partner keeps its place when
others are hidden.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

from ..workbook import schema

__all__ = ["ego_layout"]

#: Distance between neighbouring nodes on a ring, in drawing units (pixels at zoom 1).
SPACING = 90.0
FIRST_RING = 300.0
#: Alternate nodes on a ring sit a little further out, so neighbouring labels don't collide.
STAGGER = 40.0
#: Screens and projectors are wide and names are long: rings become ellipses this much wider.
ASPECT = 1.7


def _sector_order(graph: nx.Graph) -> list[str]:
    used = {c for _, c in graph.nodes(data="category")}
    return [c for c in schema.CATEGORIES if c in used] + (["" ] if "" in used else [])


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
