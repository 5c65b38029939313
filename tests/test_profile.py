"""Profiles, neighbourhoods and explained paths, checked by hand."""

from __future__ import annotations

import copy

import networkx as nx
import pytest

from network_app import (
    ExplainedPath,
    Filters,
    Tie,
    build_graph,
    connection_paths,
    ego_network,
    load_workbook,
    network_view,
    no_path_sentence,
    partner_profile,
)

HUB = "stadtLABOR Soest"


@pytest.fixture
def data(make_xlsx, small_sheets):
    return load_workbook(make_xlsx(small_sheets))


@pytest.fixture
def graph(data):
    return build_graph(data)


def unchanged(graph: nx.Graph):
    """A snapshot and a check that ``graph`` still equals it (nodes, edges and attributes)."""
    before = copy.deepcopy(graph)
    return lambda: nx.utils.graphs_equal(graph, before)


# --------------------------------------------------------------------------- profile


def test_profile_of_a_lab(data, graph):
    same = unchanged(graph)
    profile = partner_profile(data, graph, "A-Lab")
    assert profile.name == "A-Lab"
    assert profile.categories == ["Austausch"]
    assert profile.attributes == [("Typ", "Lab"), ("Ort", "Aachen")]
    assert profile.activities == [("Workshop", "2022-08-12", "umgesetzt", "Vernetzung")]
    assert profile.programmes == []
    # A–B: relation Projekt (3) + Workshop = 4; A–C: Workshop = 1.
    assert profile.neighbours == [
        Tie("B-Uni", ["Beziehung: Projekt (Stärke 3)",
                      "gemeinsame Aktivität: Workshop (2022-08-12)"], 4),
        Tie("C-Verein", ["gemeinsame Aktivität: Workshop (2022-08-12)"], 1),
    ]
    assert same()


def test_neighbours_sorted_by_weight_then_name(data, graph):
    profile = partner_profile(data, graph, "C-Verein")
    assert [(t.other, t.weight) for t in profile.neighbours] == [
        ("B-Uni", 2), ("A-Lab", 1), ("D-Stadt", 1)]
    assert profile.neighbours[0].reasons == ["gemeinsame Aktivität: Workshop (2022-08-12)",
                                             "gemeinsame Aktivität: Tagung (2023)"]
    assert profile.neighbours[2].reasons == ["gemeinsames Programm: Verbund"]
    assert profile.programmes == ["Verbund"]
    assert [a[0] for a in profile.activities] == ["Workshop", "Tagung"]


def test_profile_in_english(data, graph):
    profile = partner_profile(data, graph, "A-Lab", lang="en")
    assert profile.attributes == [("Type", "Lab"), ("Place", "Aachen")]
    assert profile.neighbours[0].reasons == ["Relation: Projekt (strength 3)",
                                             "shared activity: Workshop (2022-08-12)"]


def test_profile_follows_the_graph_it_is_given(data):
    # With only the Forschung area counting, A and C share nothing.
    graph = network_view(data, "partners", Filters(areas=["Forschung"]))
    profile = partner_profile(data, graph, "A-Lab")
    assert profile.neighbours == [Tie("B-Uni", ["Beziehung: Projekt (Stärke 3)"], 3)]
    # Not in the graph: its card, but no ties.
    hidden = network_view(data, "ego", Filters(categories=["Forschung"]))
    assert partner_profile(data, hidden, "A-Lab").neighbours == []


def test_relation_reason_with_years(make_xlsx):
    data = load_workbook(make_xlsx({
        "Partner": [["Name", "Kategorie"], ["A", "Austausch"], ["B", "Austausch"],
                    ["C", "Austausch"]],
        "Beziehungen": [["Von", "Nach", "Art", "Stärke", "Seit", "Bis"],
                        ["A", "B", "Projektpartner", 3, 2022, None],
                        ["A", "C", None, None, 2019, 2021]],
    }))
    profile = partner_profile(data, build_graph(data), "A")
    assert profile.neighbours == [
        Tie("B", ["Beziehung: Projektpartner (Stärke 3, seit 2022)"], 3),
        Tie("C", ["Beziehung (Stärke 1, 2019–2021)"], 1),
    ]
    english = partner_profile(data, build_graph(data), "A", lang="en")
    assert english.neighbours == [
        Tie("B", ["Relation: Projektpartner (strength 3, since 2022)"], 3),
        Tie("C", ["Relation (strength 1, 2019–2021)"], 1),
    ]


PERSONAL_SHEETS = {
    "Partner": [
        ["Name", "Kategorie", "Ansprechperson intern", "Kontakt extern", "E-Mail", "Telefon",
         "Website", "Notiz", "Förderung", "Reichweite", "Seit"],
        ["VHS Soest", "Kooperation", "Anna Beispiel", "Bernd Muster", "info@vhs.example",
         "02921 123", "https://vhs.example", "Kurse", "Land NRW", "lokal", 2019],
    ],
}


def test_personal_columns_only_when_asked(make_xlsx):
    data = load_workbook(make_xlsx(PERSONAL_SHEETS))
    graph = build_graph(data)
    plain = partner_profile(data, graph, "VHS Soest")
    assert plain.attributes == [
        ("Reichweite", "lokal"), ("Seit", "2019"), ("Website", "https://vhs.example"),
        ("Notiz", "Kurse"), ("Förderung", "Land NRW"),
    ]
    full = partner_profile(data, graph, "VHS Soest", include_personal=True)
    assert full.attributes == [
        ("Reichweite", "lokal"), ("Seit", "2019"), ("Ansprechperson intern", "Anna Beispiel"),
        ("Kontakt extern", "Bernd Muster"), ("E-Mail", "info@vhs.example"),
        ("Telefon", "02921 123"), ("Website", "https://vhs.example"), ("Notiz", "Kurse"),
        ("Förderung", "Land NRW"),
    ]
    english = partner_profile(data, graph, "VHS Soest", include_personal=True, lang="en")
    assert [label for label, _ in english.attributes] == [
        "Reach", "Since", "Internal contact", "External contact", "E-mail", "Phone", "Website",
        "Note", "Förderung"]  # the workbook's own extra column keeps its header


def test_unknown_partner(data, graph):
    with pytest.raises(KeyError):
        partner_profile(data, graph, "Z-Nobody")


# --------------------------------------------------------------------------- ego network


def test_ego_network_steps(graph):
    same = unchanged(graph)
    assert sorted(ego_network(graph, "A-Lab")) == ["A-Lab", "B-Uni", "C-Verein"]
    two = ego_network(graph, "A-Lab", steps=2)
    assert sorted(two) == ["A-Lab", "B-Uni", "C-Verein", "D-Stadt"]
    assert HUB not in two
    assert sorted(ego_network(graph, "D-Stadt", steps=1)) == ["C-Verein", "D-Stadt"]
    two.remove_node("B-Uni")  # a copy: the graph keeps its partner
    assert same()


@pytest.mark.parametrize("steps", [0, 4])
def test_ego_network_steps_are_one_to_three(graph, steps):
    with pytest.raises(ValueError, match="steps"):
        ego_network(graph, "A-Lab", steps=steps)


def test_ego_network_of_the_hub_is_refused(graph):
    with pytest.raises(KeyError):
        ego_network(graph, HUB)


# --------------------------------------------------------------------------- paths


def test_path_a_lab_to_d_stadt(data, graph):
    same = unchanged(graph)
    paths = connection_paths(graph, "A-Lab", "D-Stadt", data=data)
    assert paths == [ExplainedPath(
        ["A-Lab", "C-Verein", "D-Stadt"],
        ["A-Lab und C-Verein waren beide bei »Workshop« (2022) dabei.",
         "C-Verein und D-Stadt sind beide im Programm »Verbund«."],
    )]
    assert same()


def test_path_without_data_and_in_english(graph):
    assert connection_paths(graph, "D-Stadt", "A-Lab", lang="en")[0].steps == [
        "D-Stadt and C-Verein are both in the programme “Verbund”.",
        "C-Verein and A-Lab both took part in “Workshop”.",
    ]


def test_step_with_several_reasons(data, graph):
    [path] = connection_paths(graph, "A-Lab", "B-Uni", data=data)
    assert path.steps == ["A-Lab und B-Uni haben eine Beziehung: Projekt. "
                          "Außerdem waren beide bei »Workshop« (2022) dabei."]
    [path] = connection_paths(graph, "A-Lab", "B-Uni", data=data, lang="en")
    assert path.steps == ["A-Lab and B-Uni have a relation: Projekt. "
                          "Both also took part in “Workshop” (2022)."]
    [path] = connection_paths(graph, "B-Uni", "C-Verein", data=data)
    assert path.steps == ["B-Uni und C-Verein waren beide bei »Workshop« (2022) und "
                          "»Tagung« (2023) dabei."]


def diamond() -> nx.Graph:
    """A–W–D, A–X–D, A–Y–D, and the hub: three shortest paths of two steps."""
    graph = nx.Graph()
    graph.add_node(HUB, kind="hub")
    for name in "AWXYD":
        graph.add_node(name, kind="partner")
        graph.add_edge(HUB, name, kind="category", weight=1)
    for middle in "YXW":  # added out of order: the answer must not depend on it
        for end in "AD":
            graph.add_edge(end, middle, kind="partner", weight=1, activities=[],
                           programmes=[], relations=[{"kind": "Austausch", "strength": 1}])
    return graph


def test_all_shortest_paths_in_order_up_to_max():
    graph = diamond()
    paths = connection_paths(graph, "A", "D")
    assert [p.nodes for p in paths] == [["A", "W", "D"], ["A", "X", "D"], ["A", "Y", "D"]]
    assert [p.nodes for p in connection_paths(graph, "A", "D", max_paths=2)] == [
        ["A", "W", "D"], ["A", "X", "D"]]
    assert paths[0].steps == ["A und W haben eine Beziehung: Austausch.",
                              "W und D haben eine Beziehung: Austausch."]


def test_relation_without_kind_in_a_step():
    graph = diamond()
    graph.edges["A", "W"]["relations"] = [{"kind": None, "strength": 2}]
    assert connection_paths(graph, "A", "W")[0].steps == ["A und W haben eine Beziehung."]
    assert connection_paths(graph, "A", "W", lang="en")[0].steps == ["A and W have a relation."]


def test_no_path_outside_the_hub(make_xlsx, small_sheets):
    sheets = copy.deepcopy(small_sheets)
    sheets["Partner"].append(["E-Einzeln", "Austausch", "Verein", "Soest"])
    data = load_workbook(make_xlsx(sheets))
    graph = build_graph(data)
    assert connection_paths(graph, "A-Lab", "E-Einzeln") == []
    assert no_path_sentence("A-Lab", "E-Einzeln", data.own_organisation) == (
        "A-Lab und E-Einzeln sind nur über das stadtLABOR Soest verbunden.")
    assert no_path_sentence("A-Lab", "E-Einzeln", HUB, "en") == (
        "A-Lab and E-Einzeln are connected only through stadtLABOR Soest.")


def test_path_to_itself_and_unknown_names(graph):
    assert connection_paths(graph, "A-Lab", "A-Lab") == [ExplainedPath(["A-Lab"], [])]
    with pytest.raises(KeyError):
        connection_paths(graph, "A-Lab", HUB)
