"""Introductions: who should meet whom, in an order checked by hand."""

from __future__ import annotations

import copy
import math

import networkx as nx
import pytest
from english import german_words

from network_app import Suggestion, build_graph, introductions, partner_layer
from network_app.workbook.reading import read_sheets
from network_app.workbook.validation import validate_sheets

AA_DEGREE_2 = 1 / math.log(2)   # a common partner with two ties
AA_DEGREE_3 = 1 / math.log(3)


def load(make_xlsx, sheets):
    data = validate_sheets(read_sheets(make_xlsx(sheets), "xlsx"))
    assert data.is_valid, data.errors
    return data


@pytest.fixture
def small(make_xlsx, small_sheets):
    return load(make_xlsx, small_sheets)


def test_small_workbook_by_hand(small):
    # Partner layer: A–B (relation + Workshop), B–C (Workshop, Tagung), A–C (Workshop),
    # C–D (programme only). A–B have a relation: no suggestion.
    found = introductions(build_graph(small), small)
    assert [(s.a, s.b) for s in found] == [
        ("B-Uni", "C-Verein"),     # 2 activities
        ("A-Lab", "C-Verein"),     # 1 activity
        ("A-Lab", "D-Stadt"),      # common partner C-Verein (3 ties), ties broken by name
        ("B-Uni", "D-Stadt"),
    ]
    bc, ac, ad, _ = found
    assert bc.shared_activities == ["Workshop", "Tagung"]
    assert bc.common_neighbours == ["A-Lab"]
    assert bc.adamic_adar == pytest.approx(AA_DEGREE_2)
    assert bc.score == pytest.approx(2 + AA_DEGREE_2 / (1 + AA_DEGREE_2))
    assert ac.shared_activities == ["Workshop"]
    assert ac.common_neighbours == ["B-Uni"]
    assert ad.shared_activities == []
    assert ad.common_neighbours == ["C-Verein"]
    assert ad.adamic_adar == pytest.approx(AA_DEGREE_3)


@pytest.fixture
def relations_only(make_xlsx):
    # Relations X–H1, Y–H1, Y–H2, Z–H2, H2–W; X and Z met at one activity ("Fest").
    names = ["H1", "H2", "W", "X", "Y", "Z"]
    return load(make_xlsx, {
        "Partner": [["Name", "Kategorie"]] + [[n, "Netzwerk"] for n in names],
        "Beziehungen": [["Von", "Nach"], ["X", "H1"], ["Y", "H1"], ["Y", "H2"], ["Z", "H2"],
                        ["H2", "W"]],
        "Aktivitäten": [["Aktivität", "Datum", "Beteiligte"], ["Fest", 2023, "X; Z"]],
    })


def test_a_shared_activity_outranks_common_partners(relations_only):
    found = introductions(build_graph(relations_only), relations_only, top=None)
    assert [(s.a, s.b) for s in found] == [
        ("X", "Z"),                                              # one activity, no common partner
        ("H1", "H2"), ("H1", "Z"), ("H2", "X"), ("X", "Y"),      # via a partner with 2 ties
        ("W", "Y"), ("W", "Z"), ("Y", "Z"),                      # via H2 (3 ties)
    ]
    assert found[0].score == 1
    assert [s.adamic_adar for s in found[1:5]] == pytest.approx([AA_DEGREE_2] * 4)
    assert [s.adamic_adar for s in found[5:]] == pytest.approx([AA_DEGREE_3] * 3)
    layer = partner_layer(build_graph(relations_only))
    expected = {(a, b): v for a, b, v in nx.adamic_adar_index(layer, [(s.a, s.b) for s in found])}
    assert [s.adamic_adar for s in found] == pytest.approx([expected[s.a, s.b] for s in found])


def test_top_limits_and_layer_works_too(relations_only):
    layer = partner_layer(build_graph(relations_only))
    assert [(s.a, s.b) for s in introductions(layer, relations_only, top=2)] == \
        [("X", "Z"), ("H1", "H2")]
    assert introductions(layer, relations_only, top=0) == []


def test_inputs_are_not_mutated(small):
    graph = build_graph(small)
    graph_before = graph.copy()
    relations_before = copy.deepcopy(small.records("relations"))
    introductions(graph, small)
    assert nx.utils.graphs_equal(graph, graph_before)
    assert graph.edges["B-Uni", "C-Verein"]["activities"] == ["Workshop", "Tagung"]
    assert small.records("relations") == relations_before


def test_reason_in_german_names_the_evidence():
    suggestion = Suggestion("A", "B", 3.5, ["Workshop", "Tagung", "Fest"],
                            ["A-Lab", "C-Verein", "D-Stadt", "E-Schule", "F-Amt"], 1.0)
    assert suggestion.reason() == (
        "Beide waren bei 3 Aktivitäten dabei: Workshop, Tagung, Fest. "
        "Beide arbeiten mit 5 gemeinsamen Partnern: A-Lab, C-Verein, D-Stadt und 2 weitere."
    )
    assert Suggestion("A", "B", 0.5, [], ["C-Verein"], 1.0).reason("en") == \
        "Both work with 1 common partner: C-Verein."


def test_reason_picks_singular_and_speaks_english():
    one = Suggestion("A", "B", 1.5, ["Workshop"], ["C-Verein"], 1.0)
    assert one.reason() == ("Beide waren bei 1 Aktivität dabei: Workshop. "
                            "Beide arbeiten mit 1 gemeinsamen Partner: C-Verein.")
    many = Suggestion("A", "B", 5.5, ["Workshop", "Tagung", "Fest", "Forum", "Markt"],
                      ["C-Verein", "D-Stadt"], 1.0)
    english = many.reason("en")
    assert english == ("Both took part in 5 activities: Workshop, Tagung, Fest and 2 more. "
                       "Both work with 2 common partners: C-Verein, D-Stadt.")
    assert german_words(english, [*many.shared_activities, *many.common_neighbours]) == []
