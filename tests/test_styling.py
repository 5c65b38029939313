"""Styling: colours by category, type, reach or group; sizes by a measure; the legend."""

from __future__ import annotations

import copy
import math

import networkx as nx
import pytest

from network_app import (
    CATEGORY_COLORS,
    Filters,
    build_graph,
    legend,
    load_workbook,
    network_view,
    node_styles,
    value_colors,
)
from network_app.drawing.styling import (
    ACTIVITY_COLOR,
    HUB_COLOR,
    NONE_COLOR,
    OTHER_COLOR,
    PALETTE,
    NodeStyle,
)

HUB = "stadtLABOR Soest"
BLUE, ORANGE, GREEN, PURPLE, VERMILLION, SKY, YELLOW = PALETTE


@pytest.fixture
def data(make_xlsx, small_sheets):
    sheets = copy.deepcopy(small_sheets)
    sheets["Partner"][0].append("Reichweite")
    for row, reach in zip(sheets["Partner"][1:], ["international", "regional", None, None],
                          strict=True):
        row.append(reach)
    return load_workbook(make_xlsx(sheets))


@pytest.fixture
def graph(data):
    return build_graph(data)


def colors(styles):
    return {node: style.color for node, style in styles.items()}


def many_types(n: int) -> nx.Graph:
    graph = nx.Graph()
    for i in range(1, n + 1):
        graph.add_node(f"P{i}", kind="partner", category="", type=f"Typ {i}")
    return graph


# --------------------------------------------------------------------------- defaults


def test_default_is_unchanged(graph):
    styles = node_styles(graph)
    assert styles[HUB] == NodeStyle(HUB_COLOR, 34, HUB, "star")
    # A-Lab has two partner ties (B, C): 12 + 1.5 * 2.
    assert styles["A-Lab"] == NodeStyle(CATEGORY_COLORS["Austausch"], 15.0, "A-Lab", "dot")
    assert styles["B-Uni"].color == CATEGORY_COLORS["Forschung"]  # first category
    assert styles == node_styles(graph, color_by="category")
    assert legend(graph) == [("eigene Organisation", HUB_COLOR)] + [
        (c, CATEGORY_COLORS[c]) for c in ("Austausch", "Kooperation", "Netzwerk", "Forschung")]


def test_bipartite_shapes(data):
    styles = node_styles(network_view(data, "bipartite"))
    assert styles["activity:2"] == NodeStyle(ACTIVITY_COLOR, 12, "Workshop",
                                                                "square")
    assert styles["programme:2"].shape == "diamond"


# --------------------------------------------------------------------------- colours


def test_colour_by_type(graph):
    assert colors(node_styles(graph, color_by="type")) == {
        HUB: HUB_COLOR, "B-Uni": BLUE, "D-Stadt": ORANGE, "A-Lab": GREEN, "C-Verein": PURPLE}
    assert legend(graph, color_by="type") == [
        ("eigene Organisation", HUB_COLOR), ("Hochschule", BLUE), ("Kommune", ORANGE),
        ("Lab", GREEN), ("Verein", PURPLE)]


def test_colour_by_reach_is_fixed_and_marks_missing(graph):
    # Reaches always take the same places: regional is orange even without lokal.
    assert colors(node_styles(graph, color_by="reach")) == {
        HUB: HUB_COLOR, "A-Lab": PURPLE, "B-Uni": ORANGE, "C-Verein": NONE_COLOR,
        "D-Stadt": NONE_COLOR}
    assert legend(graph, "en", color_by="reach") == [
        ("own organisation", HUB_COLOR), ("regional", ORANGE), ("international", PURPLE),
        ("no reach", NONE_COLOR)]


def test_beyond_seven_values_the_rest_is_grey():
    graph = many_types(9)
    styles = node_styles(graph, color_by="type")
    # Sorted as text: "Typ 1" … "Typ 9"; the eighth and ninth share the grey.
    assert [styles[f"P{i}"].color for i in range(1, 10)] == [*PALETTE, OTHER_COLOR, OTHER_COLOR]
    entries = legend(graph, color_by="type")
    assert entries[-1] == ("weitere", OTHER_COLOR)
    assert len(entries) == 8


def test_colour_values_keep_colours_under_filters(data, graph):
    everything = ["Hochschule", "Kommune", "Lab", "Verein"]
    only_verein = network_view(data, "ego", Filters(types=["Verein"]))
    styles = node_styles(only_verein, color_by="type", color_values=everything)
    assert styles["C-Verein"].color == node_styles(graph, color_by="type")["C-Verein"].color
    assert legend(only_verein, color_by="type", color_values=everything) == [
        ("eigene Organisation", HUB_COLOR), ("Verein", PURPLE)]


def test_colour_by_community(graph):
    groups = {"A-Lab": 1, "B-Uni": 1, "C-Verein": 2}
    assert colors(node_styles(graph, color_by="community", communities=groups)) == {
        HUB: HUB_COLOR, "A-Lab": BLUE, "B-Uni": BLUE, "C-Verein": ORANGE,
        "D-Stadt": NONE_COLOR}
    assert legend(graph, color_by="community", communities=groups) == [
        ("eigene Organisation", HUB_COLOR), ("Gruppe 1", BLUE), ("Gruppe 2", ORANGE),
        ("ohne Gruppe", NONE_COLOR)]
    named = legend(graph, "en", color_by="community", communities=groups,
                   community_names={1: "Austausch · Lab (2)"})
    assert named[1:3] == [("Austausch · Lab (2)", BLUE), ("Group 2", ORANGE)]


def test_value_colors():
    assert value_colors(["b", "a", "b"]) == {"b": BLUE, "a": ORANGE}


@pytest.mark.parametrize("kwargs", [
    {"color_by": "place"},
    {"color_by": "community"},
    {"size_by": "betweenness"},
])
def test_bad_choices(graph, kwargs):
    with pytest.raises(ValueError):
        node_styles(graph, **kwargs)


# --------------------------------------------------------------------------- sizes


def test_sizes_by_rank(graph):
    measure = {"A-Lab": 0.0, "B-Uni": 5.0, "C-Verein": 1.0}  # D-Stadt has none
    styles = node_styles(graph, size_by="betweenness", sizes=measure)
    assert {n: s.size for n, s in styles.items()} == {
        HUB: 34, "A-Lab": 12.0, "C-Verein": 26.0, "B-Uni": 40.0, "D-Stadt": 12.0}


def test_sizes_ties_nan_and_a_single_value(graph):
    styles = node_styles(graph, size_by="x",
                         sizes={"A-Lab": 2, "B-Uni": 2, "C-Verein": math.nan, "D-Stadt": 7})
    assert [styles[n].size for n in ("A-Lab", "B-Uni", "C-Verein", "D-Stadt")] == [
        12.0, 12.0, 12.0, 40.0]
    single = node_styles(graph, size_by="x", sizes={"A-Lab": 3})
    assert single["A-Lab"].size == 26.0
    assert single["B-Uni"].size == 12.0


def test_styling_never_changes_the_graph(graph):
    before = copy.deepcopy(graph)
    node_styles(graph, color_by="community", communities={"A-Lab": 1}, size_by="x",
                sizes={"A-Lab": 1.0})
    legend(graph, color_by="reach")
    assert nx.utils.graphs_equal(graph, before)


def test_same_size_draws_every_partner_alike(graph):
    styles = node_styles(graph, size_by="same")
    partners = {n: s.size for n, s in styles.items() if n != HUB}
    assert set(partners.values()) == {16.0}
    assert styles[HUB].size > 16.0  # the centre, named in the legend, stays larger
    # a measure given along with "same" is ignored: the choice is "gleich groß"
    assert node_styles(graph, size_by="same", sizes={"A-Lab": 9.0}) == styles


def test_default_size_counts_ties_to_partners_in_the_graph_and_in_a_view():
    """12 px + 1.5 per tie to another partner (a tie with itself counts once, the hub none),
    up to 8 ties; in a view only the ties it shows."""
    graph = nx.Graph([("Lab", p) for p in "ABCDEFGHIJK"])
    graph.nodes["Lab"]["kind"] = "hub"
    for partner in "ABCDEFGHIJK":
        graph.nodes[partner]["kind"] = "partner"
    graph.add_edges_from([("A", "B"), ("A", "C"), ("A", "A")])
    graph.add_edges_from(("K", p) for p in "ABCDEFGHIJ")
    sizes = {n: s.size for n, s in node_styles(graph).items() if n != "Lab"}
    assert sizes == {"A": 18.0, "B": 15.0, "C": 15.0, **dict.fromkeys("DEFGHIJ", 13.5),
                     "K": 24.0}
    view = graph.subgraph(["Lab", "A", "B", "K"])
    assert {n: s.size for n, s in node_styles(view).items() if n != "Lab"} == {
        "A": 16.5, "B": 15.0, "K": 15.0}
