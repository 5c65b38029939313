"""The force layout (igraph, seeded, parts packed) and the choice between it and the ego rings.

Timing is measured in benchmarks/layout.py, not here.
"""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys

import networkx as nx
import numpy as np
import pytest
from conftest import BUNDLED, ROOT

from network_app import build_graph, free_layout, load_workbook, network_layout, stable_positions
from network_app.network import positions as positions_module
from network_app.network.force import EDGE, GAP, NEAREST, force_layout


def scattered(seed: int = 2) -> nx.Graph:
    """A 2,000-partner network with a few busy partners, plus pairs, short chains and loners:
    the shape of a network from another tool."""
    graph = nx.relabel_nodes(nx.powerlaw_cluster_graph(2000, 3, 0.3, seed=seed),
                             lambda n: f"P{n:04d}")
    for i in range(30):
        graph.add_edge(f"pair{i:02d}a", f"pair{i:02d}b")
    for i in range(10):
        nx.add_path(graph, [f"chain{i}-{k}" for k in range(4)])
    graph.add_nodes_from(f"lone{i:02d}" for i in range(40))
    return graph


@pytest.fixture(scope="module")
def big() -> nx.Graph:
    return scattered()


@pytest.fixture(scope="module")
def big_places(big) -> dict:
    return free_layout(big)


def test_every_node_gets_a_place_of_its_own(big, big_places):
    assert set(big_places) == set(big)
    assert len(set(big_places.values())) == len(big_places)
    points = np.array(list(big_places.values()))
    picked = points[::10]
    distances = np.hypot(picked[:, None, 0] - points[None, :, 0],
                         picked[:, None, 1] - points[None, :, 1])
    distances[distances == 0] = np.inf  # each picked node against the others
    nearest = distances.min(axis=1)
    # Nodes can be told apart: a typical node is NEAREST or more from its nearest neighbour.
    assert np.median(nearest) >= 0.9 * NEAREST
    assert nearest.min() > 0


def test_same_network_same_places_byte_for_byte(big, big_places):
    # Another graph with the same ties in another order (rows of the workbook shuffled).
    edges = list(big.edges())
    random.Random(5).shuffle(edges)
    shuffled = nx.Graph(edges)
    nodes = list(big)
    random.Random(6).shuffle(nodes)
    shuffled.add_nodes_from(nodes)
    assert free_layout(shuffled) == big_places
    # A fresh process (another state of Python's random module, no cache) writes the same bytes.
    script = ("import json, random, sys; sys.path.insert(0, 'tests'); random.seed(99);"
              "from test_layout import scattered; from network_app import free_layout;"
              "print(json.dumps(sorted(free_layout(scattered()).items())))")
    output = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    assert output.strip() == json.dumps(sorted(big_places.items()))


def test_a_different_network_gets_different_places(big_places):
    assert free_layout(scattered(seed=3)) != big_places


def components_boxes(graph: nx.Graph, places: dict) -> list[tuple[float, float, float, float]]:
    boxes = []
    for part in nx.connected_components(graph):
        points = np.array([places[n] for n in part])
        boxes.append((*points.min(axis=0), *points.max(axis=0)))
    return boxes


def test_small_parts_are_packed_next_to_the_big_one(big, big_places):
    boxes = components_boxes(big, big_places)
    points = np.array(list(big_places.values()))
    width, height = points.max(axis=0) - points.min(axis=0)
    # Screen-shaped, not a long strip.
    assert 1.0 <= width / height <= 3.0
    # No part flew off: the picture is not much bigger than its parts (with a gap around each).
    needed = sum((x1 - x0 + 2 * GAP) * (y1 - y0 + 2 * GAP) for x0, y0, x1, y1 in boxes)
    assert width * height <= 2.5 * needed
    # Parts do not overlap: their boxes are apart.
    ordered = sorted(boxes)
    for i, (ax0, ay0, ax1, ay1) in enumerate(ordered):
        for bx0, by0, bx1, by1 in ordered[i + 1:]:
            if bx0 > ax1:
                break
            assert by0 > ay1 or by1 < ay0 or bx0 > ax1, ((ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1))


def test_many_small_parts_fill_rows_not_a_ring():
    graph = nx.Graph()
    for i in range(60):
        nx.add_cycle(graph, [f"g{i:02d}-{k}" for k in range(3)])
    places = free_layout(graph)
    points = np.array(list(places.values()))
    width, height = points.max(axis=0) - points.min(axis=0)
    # 60 triangles, each about EDGE across, in a box a screen's shape: rows of them.
    assert width / height == pytest.approx(16 / 9, rel=0.5)
    assert width * height <= 60 * (3 * EDGE + 2 * GAP) ** 2


def test_ties_are_short_and_strangers_far():
    """The force layout shows structure: two groups joined by one tie sit apart, each one's
    members close together (the old rings for 500 and more partners did not)."""
    graph = nx.Graph()
    for group in "AB":
        members = [f"{group}{i:03d}" for i in range(300)]
        rng = random.Random(group)
        graph.add_edges_from((u, rng.choice(members[:j])) for j, u in enumerate(members) if j)
        graph.add_edges_from(tuple(rng.sample(members, 2)) for _ in range(300))
    graph.add_edge("A000", "B000")
    places = free_layout(graph)

    def centre(group: str) -> np.ndarray:
        return np.mean([places[n] for n in graph if n.startswith(group)], axis=0)

    within = np.median([math.dist(places[u], places[v]) for u, v in graph.edges()])
    assert math.dist(centre("A"), centre("B")) > 2 * within


def test_weights_and_self_ties_do_not_move_anything():
    graph = nx.Graph([("A", "B"), ("B", "C"), ("C", "D"), ("D", "A"), ("A", "C")])
    heavy = graph.copy()
    heavy["A"]["B"]["weight"] = 50
    heavy.add_edge("C", "C")
    assert force_layout(heavy) == force_layout(graph)


def test_small_cases():
    assert force_layout(nx.Graph()) == {}
    assert force_layout(nx.Graph([("A", "A")])) == {"A": (0.0, 0.0)}
    pair = force_layout(nx.Graph([("A", "B")]))
    assert math.dist(pair["A"], pair["B"]) == pytest.approx(EDGE)
    assert pair["A"][1] == pair["B"][1]  # side by side
    mixed = force_layout(nx.Graph([(1, "1"), (2, "2")]))  # values that do not compare
    assert len(set(mixed.values())) == 4


# --------------------------------------------------------------------------- the choice


def test_ego_stays_for_the_lab_and_force_is_a_choice():
    data = load_workbook(BUNDLED)
    graph = build_graph(data)
    ego = network_layout(graph)
    assert ego == network_layout(graph, "ego")
    force = network_layout(graph, "force")
    assert set(force) == set(ego)
    hub = data.own_organisation
    assert ego[hub] == (0.0, 0.0)
    assert len(set(force.values())) == len(force)  # the hub on a spot of its own
    partners = {n: p for n, p in force.items() if n != hub}
    assert partners == free_layout(graph)
    assert partners != {n: p for n, p in ego.items() if n != hub}
    every = stable_positions(data, "force")
    assert all(every[n] == p for n, p in force.items())
    assert set(every) >= set(stable_positions(data))  # activities too
    with pytest.raises(ValueError, match="layout"):
        network_layout(graph, "rings")


def test_places_are_kept_per_graph_content(monkeypatch):
    graph = scattered(seed=4)
    computed = []
    original = positions_module.free_layout

    def counting(g):
        computed.append(len(g))
        return original(g)

    monkeypatch.setattr(positions_module, "free_layout", counting)
    first = network_layout(graph)
    first["P0000"] = (1e9, 1e9)  # the caller's copy: the kept places stay as they were
    again = network_layout(scattered(seed=4))  # another graph object, the same content
    assert computed == [len(graph)]
    assert again["P0000"] != (1e9, 1e9)
    graph.add_edge("P0000", "lone00")  # changed: computed afresh
    network_layout(graph)
    assert len(computed) == 2


def test_places_are_computed_afresh_when_a_weight_kind_or_category_changes(monkeypatch):
    """The cache's fingerprint holds every node's kind and category and every tie's weight;
    a value that cannot be hashed (a list) is fingerprinted by its text."""
    computed = []
    original = positions_module.free_layout

    def counting(g):
        computed.append(len(g))
        return original(g)

    monkeypatch.setattr(positions_module, "free_layout", counting)
    graph = nx.relabel_nodes(nx.cycle_graph(30), lambda n: f"P{n:04d}")
    network_layout(graph, "force")
    tie = next(iter(graph.edges))
    graph.edges[tie]["weight"] = 7
    network_layout(graph, "force")
    graph.nodes["P0000"]["kind"] = "partner"
    network_layout(graph, "force")
    graph.nodes["P0001"]["category"] = ["Forschung"]  # unhashable: by its text
    network_layout(graph, "force")
    network_layout(graph, "force")
    assert len(computed) == 4
