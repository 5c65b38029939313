"""Communities: what is stable across networkx versions (never exact Louvain memberships)."""

from __future__ import annotations

import dataclasses
import doctest
import json
import math
import os
from itertools import combinations

import networkx as nx
import pytest
from karate import INSTRUCTOR, OFFICER, karate_reference

import network_app.analysis.communities
from network_app import (
    Communities,
    build_graph,
    community_name,
    detect_communities,
    partner_layer,
)
from network_app.workbook.reading import read_sheets
from network_app.workbook.validation import validate_sheets


def cliques(*groups: list[str], links: tuple[tuple[str, str], ...] = ()) -> nx.Graph:
    graph = nx.Graph()
    for group in groups:
        graph.add_nodes_from(group)
        graph.add_edges_from(combinations(group, 2))
    graph.add_edges_from(links)
    return graph


TWO_CLIQUES = cliques(["A1", "A2", "A3", "A4", "A5"], ["B1", "B2", "B3", "B4", "B5"],
                      links=(("A5", "B1"),))


def test_two_cliques_joined_by_one_tie_separate():
    found = detect_communities(TWO_CLIQUES)
    assert isinstance(found, Communities)
    assert {found.membership[f"A{i}"] for i in range(1, 6)} == {1}
    assert {found.membership[f"B{i}"] for i in range(1, 6)} == {2}
    assert found.sizes == {1: 5, 2: 5}
    assert found.members(2) == ["B1", "B2", "B3", "B4", "B5"]
    # Two communities of 10 ties each out of 21: 2 · (10/21 − (21/42)²).
    assert found.modularity == pytest.approx(2 * (10 / 21 - 0.25))


def test_numbered_by_size_then_by_first_name():
    graph = cliques(["Z1", "Z2", "Z3", "Z4", "Z5", "Z6"], ["M1", "M2", "M3", "M4"],
                    ["C1", "C2", "C3", "C4"], links=(("Z1", "M1"), ("M2", "C1")))
    graph.add_node("A-allein")
    found = detect_communities(graph)
    assert found.sizes == {1: 6, 2: 4, 3: 4, 4: 1}
    assert found.membership["Z1"] == 1
    assert found.membership["C1"] == 2 and found.membership["M1"] == 3
    assert found.membership["A-allein"] == 4
    assert list(found.membership) == sorted(graph)


def test_isolated_partners_form_their_own_groups():
    graph = nx.Graph([("A", "B")])
    graph.add_nodes_from(["X", "Y"])
    found = detect_communities(graph)
    assert found.membership == {"A": 1, "B": 1, "X": 2, "Y": 3}
    assert found.names[2] == "X (1)"


def test_no_ties_at_all():
    found = detect_communities(nx.empty_graph(["B", "A"]))
    assert found.membership == {"A": 1, "B": 2}
    assert math.isnan(found.modularity)
    assert detect_communities(nx.Graph()).membership == {}


def test_deterministic_whatever_the_order():
    reversed_graph = nx.Graph()
    reversed_graph.add_nodes_from(reversed(list(TWO_CLIQUES)))
    reversed_graph.add_edges_from((v, u) for u, v in reversed(list(TWO_CLIQUES.edges)))
    assert detect_communities(TWO_CLIQUES) == detect_communities(TWO_CLIQUES)
    assert detect_communities(reversed_graph) == detect_communities(TWO_CLIQUES)
    karate = karate_reference()
    assert detect_communities(karate, seed=3) == detect_communities(karate, seed=3)


def test_the_hub_is_left_out():
    graph = TWO_CLIQUES.copy()
    graph.add_node("stadtLABOR Soest", kind="hub")
    graph.add_edges_from(("stadtLABOR Soest", n) for n in TWO_CLIQUES)
    found = detect_communities(graph)
    assert "stadtLABOR Soest" not in found.membership
    assert found == detect_communities(TWO_CLIQUES)


def test_karate_club():
    found = detect_communities(karate_reference())
    assert 0.35 < found.modularity < 0.5
    assert 2 <= len(found.sizes) <= 6
    assert found.membership[INSTRUCTOR] != found.membership[OFFICER]
    assert list(found.sizes.values()) == sorted(found.sizes.values(), reverse=True)
    assert sum(found.sizes.values()) == 34


def test_resolution_controls_group_size():
    karate = karate_reference()
    coarse = detect_communities(karate, resolution=0.1)
    fine = detect_communities(karate, resolution=3.0)
    assert len(coarse.sizes) < len(detect_communities(karate).sizes) < len(fine.sizes)


@pytest.fixture(scope="module")
def planted():
    """2,000 partners in 20 planted groups of 100 (ties inside with probability 0.08, between
    with 0.001), weighted 1–5."""
    import random

    graph = nx.random_partition_graph([100] * 20, 0.08, 0.001, seed=12)
    rng = random.Random(4)
    for u, v in graph.edges:
        graph.edges[u, v]["weight"] = rng.randint(1, 5)
    return nx.relabel_nodes(graph, lambda n: f"P{n:04d}")


def test_leiden_on_2000_partners(planted):
    found = detect_communities(planted)
    groups = [set(found.members(number)) for number in found.sizes]
    # The modularity is networkx's for the same groups, and as high as Louvain's or higher.
    assert found.modularity == pytest.approx(
        nx.community.modularity(planted, groups, weight="weight"), abs=1e-9)
    louvain = detect_communities(planted, method="louvain")
    assert found.modularity >= louvain.modularity - 0.005
    # At least as clear as the planted groups themselves (about 0.75 here).
    planted_groups = planted.graph["partition"]
    planted_split = [{f"P{n:04d}" for n in block} for block in planted_groups]
    assert found.modularity >= nx.community.modularity(planted, planted_split,
                                                       weight="weight") - 1e-9 > 0.7
    # The planted groups come back: nearly every partner is in the found group that holds
    # most of its planted group (a partner with one or two ties may go with those).
    from collections import Counter

    kept = sum(Counter(found.membership[name] for name in block).most_common(1)[0][1]
               for block in planted_split)
    assert len(found.sizes) == 20 and kept >= 0.98 * len(planted)
    # Leiden's groups hang together inside.
    assert all(nx.is_connected(planted.subgraph(group)) for group in groups)


def test_leiden_is_deterministic_across_runs(planted):
    import subprocess
    import sys

    import network_app.analysis.engine as engine

    first = detect_communities(planted, seed=5)
    engine._cache.clear()
    assert detect_communities(planted.copy(), seed=5) == first
    # A fresh process (other hash seeds, other set orders) finds the same groups.
    script = (
        "import json, sys, networkx as nx; from network_app import detect_communities\n"
        "graph = nx.node_link_graph(json.load(sys.stdin), edges='links')\n"
        "print(json.dumps(detect_communities(graph, seed=5).membership, sort_keys=True))\n"
    )
    data = json.dumps(nx.node_link_data(planted, edges="links"), default=list)
    result = subprocess.run([sys.executable, "-c", script], input=data, capture_output=True,
                            text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "123"})
    assert json.loads(result.stdout) == dict(sorted(first.membership.items()))


def test_leiden_above_the_stable_limit_stops_after_its_rounds(planted, monkeypatch):
    import network_app.analysis.communities as communities

    stable = detect_communities(planted)
    monkeypatch.setattr(communities, "STABLE_LIMIT", 1000)
    rounds = detect_communities(planted.copy())
    assert rounds == detect_communities(planted.copy())
    assert rounds.modularity == pytest.approx(stable.modularity, abs=0.01)


def test_louvain_stays_available():
    found = detect_communities(TWO_CLIQUES, method="louvain")
    assert found == detect_communities(TWO_CLIQUES)
    with pytest.raises(ValueError, match="method"):
        detect_communities(TWO_CLIQUES, method="girvan-newman")


def test_communities_are_frozen():
    found = detect_communities(TWO_CLIQUES)
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.modularity = 0.0  # type: ignore[misc]


# --------------------------------------------------------------------------- names


@pytest.fixture
def named_layer(make_xlsx):
    """Three municipalities and three universities, each group tied closely, one tie between."""
    sheets = {
        "Partner": [
            ["Name", "Kategorie", "Typ"],
            ["Soest", "Austausch", "Kommune"],
            ["Lippstadt", "Austausch", "Kommune"],
            ["Arnsberg", "Austausch; Kooperation", "Kommune"],
            ["Uni Paderborn", "Forschung", "Hochschule"],
            ["Uni Speyer", "Forschung", "Hochschule"],
            ["FH Südwestfalen", "Forschung; Kooperation", "Hochschule"],
        ],
        "Beziehungen": [
            ["Von", "Nach", "Art", "Stärke"],
            ["Soest", "Lippstadt", "Austausch", 3],
            ["Lippstadt", "Arnsberg", "Austausch", 3],
            ["Arnsberg", "Soest", "Austausch", 3],
            ["Uni Paderborn", "Uni Speyer", "Forschung", 3],
            ["Uni Speyer", "FH Südwestfalen", "Forschung", 3],
            ["FH Südwestfalen", "Uni Paderborn", "Forschung", 3],
            ["Soest", "FH Südwestfalen", "Projekt", 1],
        ],
    }
    data = validate_sheets(read_sheets(make_xlsx(sheets), "xlsx"))
    assert data.is_valid, data.errors
    return partner_layer(build_graph(data))


def test_names_by_category_and_type(named_layer):
    found = detect_communities(named_layer)
    # Equal sizes: the group with the alphabetically first member ("Arnsberg") comes first.
    assert found.membership["Arnsberg"] == 1
    assert found.names == {1: "Austausch · Kommune (3)", 2: "Forschung · Hochschule (3)"}
    assert detect_communities(named_layer, lang="en").names == found.names


def test_name_of_mixed_groups(named_layer):
    assert community_name(["Soest", "Uni Speyer"], named_layer) == (
        "Austausch / Forschung · Hochschule / Kommune (2)")
    everyone = list(named_layer)
    # Austausch and Forschung 3 each, Kooperation only 2.
    assert community_name(everyone, named_layer) == (
        "Austausch / Forschung · Hochschule / Kommune (6)")
    plain = nx.Graph([("A", "B")])
    assert community_name(["A", "B"], plain) == "Gruppe (2)"
    assert community_name(["A", "B"], plain, lang="en") == "Group (2)"


def test_groups_that_would_share_a_name_are_named_by_their_centre():
    # Two groups of three universities each, apart: both "Forschung · Hochschule (3)" before.
    layer = nx.Graph()
    # Uni A has the strongest ties in its group (3 + 3 against 3 + 1 each for B and C).
    layer.add_weighted_edges_from([("Uni A", "Uni B", 3), ("Uni A", "Uni C", 3),
                                   ("Uni B", "Uni C", 1)])
    # FH Y and FH Z are equally central (5 + 1 each): the first name decides.
    layer.add_weighted_edges_from([("FH X", "FH Y", 1), ("FH Y", "FH Z", 5),
                                   ("FH X", "FH Z", 1)])
    for node in layer:
        layer.nodes[node].update(categories=["Forschung"], type="Hochschule")
    found = detect_communities(layer)
    assert sorted(found.names.values()) == ["Forschung · Hochschule um FH Y (3)",
                                            "Forschung · Hochschule um Uni A (3)"]
    english = detect_communities(layer, lang="en").names.values()
    assert sorted(english) == ["Forschung · Hochschule around FH Y (3)",
                               "Forschung · Hochschule around Uni A (3)"]


def test_names_of_plain_groups_are_unique():
    found = detect_communities(TWO_CLIQUES)
    assert len(set(found.names.values())) == len(found.names) == 2
    assert all(name.startswith("Gruppe um ") for name in found.names.values())


def test_group_names_of_the_bundled_workbook_are_unique():
    from conftest import BUNDLED

    from network_app import load_workbook

    for lang in ("de", "en"):
        found = detect_communities(partner_layer(build_graph(load_workbook(BUNDLED))),
                                   lang=lang)
        assert len(set(found.names.values())) == len(found.names) > 1


def test_docstring_examples_run():
    result = doctest.testmod(network_app.analysis.communities)
    assert result.attempted and not result.failed


def test_groups_of_the_whole_graph_are_those_of_its_partner_layer(tmp_path):
    """The app finds the groups on the workbook's whole graph (kept frozen, no copy of its
    partner layer): the hub is left out, and groups, names and modularity are the same."""
    import sys

    from conftest import ROOT

    import network_app as na

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from pipeline import write_workbook

    for path in (ROOT / "data" / "stadtlabor_soest.xlsx",
                 write_workbook(tmp_path / "partner.xlsx", 600)):
        whole = nx.freeze(build_graph(na.load_workbook(path)))
        for lang in ("de", "en"):
            assert detect_communities(whole, lang=lang) == detect_communities(
                partner_layer(whole), lang=lang)


def test_a_frozen_graph_gives_the_same_groups_and_names_without_prepare():
    """A frozen graph (the app's) is converted straight to igraph; groups, modularity and
    names, also those told apart by their most central partner, are the prepared ones."""
    graph = cliques(["A1", "A2", "A3", "A4", "A5"], ["B1", "B2", "B3", "B4", "B5"],
                    links=(("A5", "B1"), ("A2", "B4")))
    graph.add_node("Lab", kind="hub")
    graph.add_edges_from(("Lab", n) for n in list(graph) if n != "Lab")
    for node in graph:
        if node != "Lab":
            graph.nodes[node].update(kind="partner", categories=["Forschung"],
                                     type="Hochschule")
    graph.edges["A1", "A2"]["weight"] = 3
    found = detect_communities(graph)
    assert len(set(found.names.values())) == 2 and " um " in found.names[1]
    assert detect_communities(nx.freeze(graph)) == found
    assert detect_communities(nx.freeze(graph), resolution=2.0) == detect_communities(
        graph, resolution=2.0)


def test_a_graph_used_once_gives_the_same_groups_and_names_as_prepared(monkeypatch):
    """An export's graph (``once=True``) is converted straight to igraph, not frozen and not
    kept: groups, modularity and names are the prepared ones, with and without a hub."""
    graph = cliques(["A1", "A2", "A3", "A4", "A5"], ["B1", "B2", "B3", "B4", "B5"],
                    links=(("A5", "B1"), ("A2", "B4")))
    graph.add_edge("B3", "B3")  # a tie with itself connects nobody
    for node in graph:
        graph.nodes[node].update(kind="partner", categories=["Forschung"], type="Hochschule")
    graph.edges["A1", "A2"]["weight"] = 3
    expected = detect_communities(graph)
    hubbed = graph.copy()
    hubbed.add_node("Lab", kind="hub")
    hubbed.add_edges_from(("Lab", n) for n in list(graph))
    finer = detect_communities(hubbed, resolution=2.0)

    def no_prepare(graph: nx.Graph) -> None:
        raise AssertionError("prepare() called for a graph used once")

    monkeypatch.setattr(network_app.analysis.communities, "prepare", no_prepare)
    assert detect_communities(graph.copy(), once=True) == expected
    assert detect_communities(hubbed, once=True) == expected
    assert not nx.is_frozen(hubbed)
    assert detect_communities(hubbed, once=True, resolution=2.0) == finer
