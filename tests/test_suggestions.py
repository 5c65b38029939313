"""Introductions: who should meet whom, never two who are already tied, in an order checked by
hand."""

from __future__ import annotations

import copy
import math
from itertools import combinations

import networkx as nx
import pytest
from conftest import BUNDLED
from english import german_words

from network_app import Suggestion, build_graph, introductions, load_workbook, partner_layer
from network_app.analysis.suggestions import tied_pairs
from network_app.workbook.reading import read_sheets
from network_app.workbook.validation import validate_sheets

AA_DEGREE_2 = 1 / math.log(2)   # a common partner with two ties
AA_DEGREE_3 = 1 / math.log(3)


def load(make_xlsx, sheets):
    data = validate_sheets(read_sheets(make_xlsx(sheets), "xlsx"))
    assert data.is_valid, data.errors
    return data


def ties_in_workbook(data) -> set[frozenset[str]]:
    """Every pair the workbook connects, counted here independently of the module."""
    pairs = {frozenset((r["source"], r["target"])) for r in data.records("relations")}
    for table in ("activities", "programmes"):
        for record in data.records(table):
            pairs |= {frozenset(p) for p in combinations(record["participants"], 2)}
    return pairs


def assert_never_tied(found, graph, data):
    layer = partner_layer(graph)
    tied = ties_in_workbook(data)
    for s in found:
        assert not layer.has_edge(s.a, s.b), (s.a, s.b)
        assert frozenset((s.a, s.b)) not in tied, (s.a, s.b)


@pytest.fixture
def small(make_xlsx, small_sheets):
    return load(make_xlsx, small_sheets)


def test_small_workbook_by_hand(small):
    # Partner layer: A–B (relation + Workshop), B–C (Workshop, Tagung), A–C (Workshop),
    # C–D (programme only): every tied pair is left out; A–D and B–D share C-Verein.
    graph = build_graph(small)
    found = introductions(graph, small)
    assert [(s.a, s.b) for s in found] == [("A-Lab", "D-Stadt"), ("B-Uni", "D-Stadt")]
    assert [s.common_neighbours for s in found] == [["C-Verein"], ["C-Verein"]]
    assert [s.adamic_adar for s in found] == pytest.approx([AA_DEGREE_3] * 2)
    assert [s.place for s in found] == [None, None]  # four different places
    assert_never_tied(found, graph, small)


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


def test_a_shared_activity_is_a_tie_and_common_partners_rank(relations_only):
    graph = build_graph(relations_only)
    found = introductions(graph, relations_only, top=None)
    assert [(s.a, s.b) for s in found] == [
        ("H1", "H2"), ("H1", "Z"), ("H2", "X"), ("X", "Y"),      # via a partner with 2 ties
        ("W", "Y"), ("W", "Z"), ("Y", "Z"),                      # via H2 (3 ties)
    ]
    assert ("X", "Z") not in [(s.a, s.b) for s in found]  # met at "Fest": they know each other
    assert [s.adamic_adar for s in found[:4]] == pytest.approx([AA_DEGREE_2] * 4)
    assert [s.adamic_adar for s in found[4:]] == pytest.approx([AA_DEGREE_3] * 3)
    layer = partner_layer(graph)
    expected = {(a, b): v for a, b, v in nx.adamic_adar_index(layer, [(s.a, s.b) for s in found])}
    assert [s.adamic_adar for s in found] == pytest.approx([expected[s.a, s.b] for s in found])
    assert_never_tied(found, graph, relations_only)


def test_top_limits_and_layer_works_too(relations_only):
    layer = partner_layer(build_graph(relations_only))
    assert [(s.a, s.b) for s in introductions(layer, relations_only, top=2)] == \
        [("H1", "H2"), ("H1", "Z")]
    assert introductions(layer, relations_only, top=0) == []


@pytest.fixture
def crafted(make_xlsx):
    """A star around M with a programme among its arms, three partners in one town (written
    differently) of whom two are tied by a relation, and two in Unna of the type "Sonstiges"."""
    return load(make_xlsx, {
        "Partner": [["Name", "Kategorie", "Typ", "Ort"],
                    ["M", "Netzwerk", None, "Hamm"],
                    ["P1", "Netzwerk", "Verein", "Lippstadt"],
                    ["P2", "Netzwerk", "Verein", "lippstadt "],
                    ["P3", "Netzwerk", "Kommune", "Lippstadt"],
                    ["P4", "Netzwerk", "Sonstiges", "Unna"],
                    ["P5", "Netzwerk", "sonstiges", "Unna"],
                    ["Q", "Netzwerk", None, None]],
        "Beziehungen": [["Von", "Nach"], ["M", "P1"], ["M", "P2"], ["M", "P3"], ["M", "Q"],
                        ["P1", "P3"]],
        "Programme": [["Programm", "Seit", "Bis", "Beteiligte"], ["Verbund", 2019, 2026,
                                                                 "P2; Q"]],
    })


def test_crafted_workbook_ties_of_every_kind_are_never_suggested(crafted):
    graph = build_graph(crafted)
    found = introductions(graph, crafted, top=None)
    pairs = [(s.a, s.b) for s in found]
    # Common partner M (4 ties) for every pair of arms except P1–P3 (relation), P2–Q (programme).
    assert pairs == [("P1", "P2"), ("P2", "P3"), ("P1", "Q"), ("P3", "Q"), ("P4", "P5")]
    assert [s.place for s in found] == ["Lippstadt", "Lippstadt", None, None, "Unna"]
    assert [s.type for s in found] == ["Verein", None, None, None, None]  # "Sonstiges" is none
    assert found[0].reason() == ("Beide arbeiten mit 1 gemeinsamen Partner: M. "
                                 "Beide sind in Lippstadt, beide vom Typ »Verein«.")
    assert found[1].reason("en") == "Both work with 1 common partner: M. Both are in Lippstadt."
    assert_never_tied(found, graph, crafted)


def test_a_view_that_hides_a_tie_still_never_suggests_the_pair(crafted):
    """A filtered view without the P1–P3 relation and the P2–Q programme: the workbook says they
    are tied, so they are no suggestion; the same place alone still makes one."""
    view = partner_layer(build_graph(crafted))
    view.remove_edges_from([("P1", "P3"), ("P2", "Q")])
    view.remove_node("M")
    found = introductions(view, crafted, top=None)
    assert [(s.a, s.b, s.common_neighbours) for s in found] == [
        ("P1", "P2", []), ("P2", "P3", []), ("P4", "P5", [])]
    assert found[1].reason() == "Beide sind in Lippstadt."
    assert_never_tied(found, build_graph(crafted), crafted)


def test_bundled_workbook_suggests_only_pairs_without_any_tie():
    data = load_workbook(BUNDLED)
    graph = build_graph(data)
    found = introductions(graph, data, top=None)
    # The bundled partners form cliques (relations, activities, programmes), so nobody untied
    # shares a partner; partners in the same town who do not work together are the suggestions.
    assert len(found) >= 30
    assert_never_tied(found, graph, data)
    assert all(s.place for s in found)
    assert all(s.reason() and s.reason("en") for s in found)
    assert tied_pairs(data) == ties_in_workbook(data)


def test_inputs_are_not_mutated(small):
    graph = build_graph(small)
    graph_before = graph.copy()
    relations_before = copy.deepcopy(small.records("relations"))
    introductions(graph, small)
    assert nx.utils.graphs_equal(graph, graph_before)
    assert graph.edges["B-Uni", "C-Verein"]["activities"] == ["Workshop", "Tagung"]
    assert small.records("relations") == relations_before


def test_reason_in_german_names_the_evidence():
    suggestion = Suggestion("A", "B", ["A-Lab", "C-Verein", "D-Stadt", "E-Schule", "F-Amt"],
                            1.0)
    assert suggestion.reason() == (
        "Beide arbeiten mit 5 gemeinsamen Partnern: A-Lab, C-Verein, D-Stadt und 2 weitere.")
    assert Suggestion("A", "B", ["C-Verein"], 1.0).reason("en") == \
        "Both work with 1 common partner: C-Verein."


def test_reason_picks_singular_and_speaks_english():
    one = Suggestion("A", "B", ["C-Verein"], 1.0, "Soest")
    assert one.reason() == ("Beide arbeiten mit 1 gemeinsamen Partner: C-Verein. "
                            "Beide sind in Soest.")
    many = Suggestion("A", "B", ["C-Verein", "D-Stadt", "E-Schule", "F-Amt", "G-Markt"], 1.0,
                      "Soest", "Kommune")
    english = many.reason("en")
    assert english == ("Both work with 5 common partners: C-Verein, D-Stadt, E-Schule and "
                       "2 more. Both are in Soest, both of the type “Kommune”.")
    assert german_words(english, [*many.common_neighbours, "Soest", "Kommune"]) == []
