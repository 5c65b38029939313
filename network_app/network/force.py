"""A force-directed layout computed in Python by igraph: any network, hub or not, any size.

Each connected part of the network is laid out on its own with igraph's Fruchterman–Reingold
(its grid variant from :data:`GRID_FROM` nodes on, which keeps 20,000 nodes within seconds), then
the parts are packed side by side, biggest first, in rows about as wide as a screen is wider than
high, so a small part never flies off to a corner where the whole picture would shrink around
it. Two partners of a pair sit side by side; partners without any tie fill the last rows.

Every part is scaled so that a typical tie is at least :data:`EDGE` long and a typical node at
least :data:`NEAREST` from its nearest neighbour, turned so that its longest extent lies across,
and stretched across by ``aspect`` (names are long and screens wide).

Same network, same places, byte for byte: the nodes are sorted before igraph sees them (so the
order of the workbook's rows does not matter), igraph draws its random numbers (the start
positions too) from ``random.Random(SEED)`` under the engine's lock
(:func:`~network_app.analysis.engine.seeded`), and the places are rounded to 0.1.

DrL, igraph's layout meant for big graphs, was measured and left out: on this 2-core machine it
took 17 s for 1,000 nodes and 103 s for 5,000, where Fruchterman–Reingold with its grid took 1 s
for 5,000 and 3.5 s for 20,000 (random graphs with 4 ties per node, machine under load).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np

# igraph's random number generator is global to the process: the layout takes it under the same
# lock as the measures' seeded algorithms (Leiden), or one thread would reseed the other's run.
from ..analysis.engine import seeded

__all__ = ["EDGE", "SEED", "force_layout"]

#: The length of a typical (the median) tie at least, in drawing units (pixels at zoom 1).
EDGE = 90.0
#: The typical (median) distance from a node to its nearest neighbour at least: in a network
#: with a few busy partners the ties are long and the crowds around them dense; the distance
#: between neighbours is what decides whether nodes can be told apart.
NEAREST = 40.0
#: How many nodes of a part the nearest neighbours are measured for (against all nodes).
SAMPLE = 400
#: igraph's random numbers come from ``random.Random(SEED)``.
SEED = 7
#: From this many nodes on, a part is laid out with Fruchterman–Reingold's grid (repulsion only
#: between nearby nodes): 0.12 s instead of 1.1 s for 1,000 nodes, about the same picture.
GRID_FROM = 1000
#: Space left between packed parts, in drawing units (more than a tie, so two pairs side by
#: side are not taken for a chain).
GAP = 2 * EDGE
#: How much wider than high the rows of parts are packed (a screen, 16:9).
SCREEN = 16 / 9

Point = tuple[float, float]


def force_layout(graph: nx.Graph, *, aspect: float = 1.0) -> dict[Any, Point]:
    """Every node of ``graph`` placed by its ties (see the module docstring).

    Ties count alike whatever their weight (one heavy tie would pull everything together), a
    tie of a node with itself counts for nothing. The picture's centre is (0, 0).

    >>> places = force_layout(nx.Graph([("A", "B"), ("B", "C"), ("C", "A"), ("D", "E")]))
    >>> sorted(places)
    ['A', 'B', 'C', 'D', 'E']
    >>> places == force_layout(nx.Graph([("D", "E"), ("C", "A"), ("B", "C"), ("A", "B")]))
    True
    >>> force_layout(nx.Graph())
    {}
    """
    nodes = _sorted(graph)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = sorted({(min(index[u], index[v]), max(index[u], index[v]))
                    for u, v in graph.edges() if u != v})
    whole = ig.Graph(n=len(nodes), edges=edges, directed=False)
    parts = sorted((sorted(part) for part in whole.connected_components()),
                   key=lambda part: (-len(part), part[0]))
    blocks: list[np.ndarray] = []
    members: list[list[int]] = []
    loners = [part[0] for part in parts if len(part) == 1]
    with seeded(SEED):
        for part in parts:
            if len(part) > 1:
                blocks.append(_part_layout(whole, part, aspect))
                members.append(part)
    if loners:
        blocks.append(_loner_block(len(loners), aspect, _row_width(blocks, len(loners), aspect)))
        members.append(loners)
    placed = _pack(blocks, _row_width(blocks, 0, aspect))
    positions: dict[Any, Point] = {}
    taken: set[Point] = set()
    for part, coords in zip(members, placed, strict=True):
        for i, (x, y) in zip(part, coords, strict=True):
            point = (round(float(x), 1), round(float(y), 1))
            while point in taken:  # two nodes igraph put on one spot: a step aside
                point = (round(point[0] + 0.1, 1), point[1])
            taken.add(point)
            positions[nodes[i]] = point
    return positions


def _part_layout(whole: ig.Graph, part: list[int], aspect: float) -> np.ndarray:
    """One connected part: coordinates scaled, turned and stretched, centred on (0, 0)."""
    if len(part) == 2:
        return np.array([[-EDGE * aspect / 2, 0.0], [EDGE * aspect / 2, 0.0]])
    sub = whole.induced_subgraph(part, implementation="create_from_scratch")
    # igraph draws the start positions itself, from the seeded generator: a start of our own
    # (a spiral) made the grid variant slower (2.8 s instead of 1.7 s for 5,000 nodes).
    coords = np.array(sub.layout_fruchterman_reingold(grid=len(part) >= GRID_FROM).coords,
                      dtype=float)
    coords -= coords.mean(axis=0)
    # Turn the longest extent across: the eigenvectors of the spread, the larger one first.
    _, vectors = np.linalg.eigh(coords.T @ coords)
    turned = coords @ vectors[:, ::-1]
    ends = np.array(sub.get_edgelist())
    tie = float(np.median(np.hypot(*(turned[ends[:, 0]] - turned[ends[:, 1]]).T)))
    nearest = _median_nearest(turned)
    scale = max(EDGE / tie if tie > 0 else 1.0, NEAREST / nearest if nearest > 0 else 1.0)
    return turned * scale * np.array([aspect, 1.0])


def _median_nearest(coords: np.ndarray) -> float:
    """The median distance from a node to its nearest other node, measured for up to
    :data:`SAMPLE` nodes spread over the part (against all of its nodes)."""
    picked = np.unique(np.linspace(0, len(coords) - 1, min(len(coords), SAMPLE)).astype(int))
    distances = np.hypot(coords[picked, None, 0] - coords[None, :, 0],
                         coords[picked, None, 1] - coords[None, :, 1])
    distances[np.arange(len(picked)), picked] = np.inf
    return float(np.median(distances.min(axis=1)))


def _loner_block(count: int, aspect: float, width: float) -> np.ndarray:
    """Nodes without ties in rows, :data:`EDGE` apart (across: times ``aspect``)."""
    step_x, step_y = EDGE * aspect, EDGE
    columns = max(1, min(count, int(width // step_x) + 1))
    return np.array([((i % columns) * step_x, (i // columns) * step_y) for i in range(count)],
                    dtype=float)


def _row_width(blocks: Sequence[np.ndarray], loners: int, aspect: float) -> float:
    """The packing's row width: the parts' area (and the loners') as a screen-shaped box, at
    least as wide as the widest part."""
    sizes = [_size(block) for block in blocks]
    area = sum((w + GAP) * (h + GAP) for w, h in sizes) + loners * EDGE * EDGE * aspect
    widest = max((w for w, _ in sizes), default=0.0)
    return max(widest, math.sqrt(area * SCREEN))


def _size(block: np.ndarray) -> tuple[float, float]:
    spread = block.max(axis=0) - block.min(axis=0)
    return float(spread[0]), float(spread[1])


def _pack(blocks: list[np.ndarray], width: float) -> list[np.ndarray]:
    """Blocks in rows from the top, left to right, each row centred; the whole centred on
    (0, 0). y grows downwards, as on a screen: the first (biggest) part is at the top."""
    rows: list[list[int]] = [[]]
    used = 0.0
    for i, block in enumerate(blocks):
        w, _ = _size(block)
        if rows[-1] and used + GAP + w > width:
            rows.append([])
            used = 0.0
        used += (GAP if rows[-1] else 0.0) + w
        rows[-1].append(i)
    placed: list[np.ndarray] = [np.empty((0, 2))] * len(blocks)
    top = 0.0
    for row in rows:
        widths = [_size(blocks[i])[0] for i in row]
        height = max(_size(blocks[i])[1] for i in row)
        left = -(sum(widths) + GAP * (len(row) - 1)) / 2
        for i, w in zip(row, widths, strict=True):
            block = blocks[i]
            low = block.min(axis=0)
            h = _size(block)[1]
            placed[i] = block - low + np.array([left, top + (height - h) / 2])
            left += w + GAP
        top += height + GAP
    everything = np.vstack(placed)
    middle = (everything.max(axis=0) + everything.min(axis=0)) / 2
    return [block - middle for block in placed]


def _sorted(items: Any) -> list[Hashable]:
    """Sorted by value; by type name and text where values do not compare (mixed types)."""
    items = list(items)
    try:
        return sorted(items)
    except TypeError:
        return sorted(items, key=lambda item: (type(item).__name__, str(item)))
