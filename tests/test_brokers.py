"""Brokers: bridges, cut points and the ties between categories, checked by hand."""

from __future__ import annotations

import doctest

import networkx as nx
import pandas as pd
import pytest
from karate import karate_reference

import network_app.analysis.brokers
from network_app import (
    CATEGORIES,
    MixingResult,
    bridges,
    build_graph,
    category_mixing,
    cut_points,
    multi_category_partners,
    partner_layer,
)
from network_app.workbook.reading import read_sheets
from network_app.workbook.validation import validate_sheets


@pytest.fixture
def graph(make_xlsx, small_sheets):
    """The conftest workbook with the hub: A–B, B–C, A–C, C–D (see test_graph)."""
    return build_graph(validate_sheets(read_sheets(make_xlsx(small_sheets), "xlsx")))


def test_path():
    path = nx.Graph([("C", "B"), ("B", "A")])
    assert bridges(path) == [("A", "B"), ("B", "C")]
    assert cut_points(path) == ["B"]


def test_triangle_with_pendant(graph):
    # A-Lab, B-Uni, C-Verein form a triangle; D-Stadt hangs on C-Verein.
    assert bridges(graph) == [("C-Verein", "D-Stadt")]
    assert cut_points(graph) == ["C-Verein"]
    assert bridges(partner_layer(graph)) == bridges(graph)


def test_the_hub_does_not_hold_anything_together():
    layer = nx.Graph([("A", "B"), ("B", "C")])
    with_hub = layer.copy()
    with_hub.add_node("stadtLABOR Soest", kind="hub")
    with_hub.add_edges_from(("stadtLABOR Soest", n) for n in layer)
    assert nx.has_bridges(layer) and not nx.has_bridges(with_hub)
    assert bridges(with_hub) == [("A", "B"), ("B", "C")]
    assert cut_points(with_hub) == ["B"]


def test_cycle_and_isolated_partner():
    ring = nx.cycle_graph(["A", "B", "C", "D"])
    ring.add_node("E")
    assert bridges(ring) == [] and cut_points(ring) == []


def test_karate_against_networkx():
    karate = karate_reference()
    assert bridges(karate) == sorted(tuple(sorted(e)) for e in nx.bridges(karate))
    assert cut_points(karate) == ["Mitglied 1"]


# --------------------------------------------------------------------------- categories


def test_category_mixing_by_hand(graph):
    mixing = category_mixing(graph)
    assert isinstance(mixing, MixingResult)
    order = ["Austausch", "Kooperation", "Netzwerk", "Forschung"]
    # A-Lab (Austausch) – B-Uni (Forschung; Kooperation): Austausch–Kooperation, –Forschung;
    # B-Uni – C-Verein (Netzwerk): Kooperation–Netzwerk, Netzwerk–Forschung;
    # A-Lab – C-Verein: Austausch–Netzwerk; C-Verein – D-Stadt (Kooperation): Kooperation–Netzwerk.
    expected = pd.DataFrame(
        [[0, 1, 1, 1],
         [1, 0, 2, 0],
         [1, 2, 0, 1],
         [1, 0, 1, 0]], index=order, columns=order)
    pd.testing.assert_frame_equal(mixing.matrix, expected, check_index_type=False,
                                  check_column_type=False)
    assert mixing.carriers[("Kooperation", "Netzwerk")] == ["C-Verein", "B-Uni", "D-Stadt"]
    assert mixing.carriers[("Austausch", "Forschung")] == ["A-Lab", "B-Uni"]
    assert mixing.carriers_of("Netzwerk", "Kooperation") == ["C-Verein", "B-Uni", "D-Stadt"]
    assert mixing.carriers_of("Austausch", "Austausch") == []
    assert list(mixing.carriers) == [
        ("Austausch", "Kooperation"), ("Austausch", "Netzwerk"), ("Austausch", "Forschung"),
        ("Kooperation", "Netzwerk"), ("Netzwerk", "Forschung"),
    ]


def test_only_categories_present_in_schema_order():
    layer = nx.Graph()
    layer.add_node("Uni", categories=["Forschung"])
    layer.add_node("Lab", categories=["Austausch"])
    layer.add_node("Lab 2", categories=["Austausch"])
    layer.add_node("ohne", categories=[])
    layer.add_edges_from([("Uni", "Lab"), ("Lab", "Lab 2"), ("Lab 2", "ohne")])
    mixing = category_mixing(layer)
    assert list(mixing.matrix.index) == list(mixing.matrix.columns) == ["Austausch", "Forschung"]
    assert mixing.matrix.loc["Austausch", "Austausch"] == 1  # the tie to "ohne" is not counted
    assert mixing.matrix.loc["Forschung", "Austausch"] == 1
    assert [c for c in CATEGORIES if c in mixing.matrix.index] == list(mixing.matrix.index)


def test_a_tie_counts_once_per_pair_of_categories():
    layer = nx.Graph()
    layer.add_node("A", categories=["Austausch", "Kooperation"])
    layer.add_node("B", categories=["Kooperation", "Austausch"])
    layer.add_edge("A", "B")
    matrix = category_mixing(layer).matrix
    assert matrix.to_dict() == {"Austausch": {"Austausch": 1, "Kooperation": 1},
                                "Kooperation": {"Austausch": 1, "Kooperation": 1}}


def test_no_ties_no_mixing():
    layer = nx.Graph()
    layer.add_node("A", categories=["Netzwerk"])
    mixing = category_mixing(layer)
    assert mixing.matrix.loc["Netzwerk", "Netzwerk"] == 0 and mixing.carriers == {}
    assert category_mixing(nx.Graph()).matrix.empty


def test_matrix_is_symmetric_on_karate():
    karate = karate_reference()
    for node, club in zip(karate, nx.karate_club_graph().nodes(data="club"), strict=True):
        karate.nodes[node]["categories"] = ["Austausch" if club[1] == "Mr. Hi" else "Kooperation"]
    matrix = category_mixing(karate).matrix
    assert (matrix.to_numpy() == matrix.to_numpy().T).all()
    # Each of the 78 friendships is within or across the two clubs, exactly once.
    assert matrix.loc["Austausch", "Austausch"] + matrix.loc["Kooperation", "Kooperation"] + \
        matrix.loc["Austausch", "Kooperation"] == 78


def test_multi_category_partners(graph):
    assert multi_category_partners(graph) == [("B-Uni", ["Forschung", "Kooperation"])]
    assert multi_category_partners(nx.path_graph(3)) == []


def test_docstring_examples_run():
    result = doctest.testmod(network_app.analysis.brokers)
    assert result.attempted and not result.failed
