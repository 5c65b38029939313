"""The graph built from the small workbook in conftest, checked by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from network_app import bipartite_graph, build_graph, partner_layer
from network_app.workbook.reading import read_sheets
from network_app.workbook.validation import validate_sheets


@pytest.fixture
def data(make_xlsx, small_sheets):
    return validate_sheets(read_sheets(make_xlsx(small_sheets), "xlsx"))


def test_hub_and_partners(data):
    graph = build_graph(data)
    hub = "stadtLABOR Soest"
    assert graph.nodes[hub]["kind"] == "hub"
    assert sorted(graph.neighbors(hub)) == ["A-Lab", "B-Uni", "C-Verein", "D-Stadt"]
    assert graph.edges[hub, "B-Uni"]["categories"] == ["Forschung", "Kooperation"]
    assert graph.nodes["B-Uni"]["category"] == "Forschung"
    assert graph.nodes["A-Lab"]["place"] == "Aachen"
    assert graph.nodes["A-Lab"]["row"] == 2


def test_partner_ties_by_hand(data):
    graph = build_graph(data)
    # A–B: relation (strength 3) + Workshop; B–C: Workshop + Tagung; A–C: Workshop;
    # C–D: programme "Verbund".
    ab = graph.edges["A-Lab", "B-Uni"]
    assert ab["relations"][0]["kind"] == "Projekt"
    assert ab["activities"] == ["Workshop"]
    assert ab["weight"] == 4
    assert graph.edges["B-Uni", "C-Verein"]["activities"] == ["Workshop", "Tagung"]
    assert graph.edges["B-Uni", "C-Verein"]["weight"] == 2
    assert graph.edges["A-Lab", "C-Verein"]["weight"] == 1
    assert graph.edges["C-Verein", "D-Stadt"]["programmes"] == ["Verbund"]
    assert not graph.has_edge("A-Lab", "D-Stadt")


def test_partner_layer_drops_hub_only(data):
    layer = partner_layer(build_graph(data))
    assert sorted(layer.nodes) == ["A-Lab", "B-Uni", "C-Verein", "D-Stadt"]
    assert layer.number_of_edges() == 4
    assert nx.is_connected(layer)


def test_partner_layer_does_not_touch_the_graph(data):
    graph = build_graph(data)
    layer = partner_layer(graph)
    layer.remove_node("A-Lab")
    assert "A-Lab" in graph


def test_partner_layer_keeps_the_graph_order_and_attributes(data):
    graph = build_graph(data)
    layer = partner_layer(graph)
    assert list(layer) == list(data.partners["name"])  # the workbook's order
    assert layer.nodes["A-Lab"]["place"] == "Aachen"
    assert layer.edges["A-Lab", "B-Uni"] == graph.edges["A-Lab", "B-Uni"]
    assert layer.graph["own_organisation"] == data.own_organisation


def test_partner_layer_of_the_bipartite_graph_has_no_activities(data):
    layer = partner_layer(bipartite_graph(data))
    assert sorted(layer) == ["A-Lab", "B-Uni", "C-Verein", "D-Stadt"]
    assert layer.number_of_edges() == 0  # partners meet only through activity nodes there


def test_partner_layer_takes_a_graph_without_hub_as_it_is_but_without_self_loops():
    plain = nx.Graph([("B", "A"), ("A", "C"), ("C", "C")])
    layer = partner_layer(plain)
    assert list(layer) == ["B", "A", "C"]
    assert sorted(map(sorted, layer.edges)) == [["A", "B"], ["A", "C"]]
    assert plain.has_edge("C", "C")  # the input is left as it was
    assert nx.utils.graphs_equal(partner_layer(layer), layer)


def test_ordered_partner_layer_is_sorted_and_weighted():
    graph = nx.Graph()
    graph.add_node("Hub", kind="hub")
    graph.add_edges_from([("Hub", "C"), ("Hub", "A"), ("C", "B"), ("B", "A")])
    graph.edges["C", "B"]["weight"] = 3
    shuffled = nx.Graph()
    shuffled.add_nodes_from(reversed(list(graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(graph.edges(data=True))))
    for source in (graph, shuffled):
        layer = partner_layer(source, ordered=True)
        assert list(layer) == ["A", "B", "C"]
        assert list(layer.edges(data="weight")) == [("A", "B", 1), ("B", "C", 3)]
    assert "weight" not in graph.edges["B", "A"]  # defaulted in the copy only


def test_bipartite_view(data):
    graph = bipartite_graph(data)
    kinds = nx.get_node_attributes(graph, "kind")
    assert sum(k == "activity" for k in kinds.values()) == 2
    assert sum(k == "programme" for k in kinds.values()) == 1
    workshop = next(n for n, k in kinds.items() if k == "activity"
                    and graph.nodes[n]["label"] == "Workshop")
    assert sorted(graph.neighbors(workshop)) == ["A-Lab", "B-Uni", "C-Verein"]
    assert nx.is_bipartite(graph)
