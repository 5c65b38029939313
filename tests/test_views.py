"""Views and filters on small workbooks whose answers are known by hand."""

from __future__ import annotations

import copy
import math

import pandas as pd
import pytest

from network_app import (
    VIEWS,
    Filters,
    build_graph,
    ego_layout,
    filter_options,
    load_workbook,
    network_view,
    stable_positions,
)
from network_app.network.positions import ASPECT

HUB = "stadtLABOR Soest"
# Activities and programmes are nodes by their Excel row; the name is the label.
WORKSHOP = "activity:2"
TAGUNG = "activity:3"
VERBUND = "programme:2"


@pytest.fixture
def data(make_xlsx, small_sheets):
    return load_workbook(make_xlsx(small_sheets))


@pytest.fixture
def wide(make_xlsx, small_sheets):
    """small_sheets plus Reichweite, a partner without category, type or reach, and an
    activity nobody took part in."""
    sheets = copy.deepcopy(small_sheets)
    partners = sheets["Partner"]
    partners[0].append("Reichweite")
    for row, reach in zip(partners[1:], ["international", "national", "lokal", "regional"],
                          strict=True):
        row.append(reach)
    partners.append(["E-Initiative", None, None, "Soest", None])
    sheets["Aktivitäten"].append(["Stammtisch", 2021, "umgesetzt", "Stadtgesellschaft", None])
    return load_workbook(make_xlsx(sheets))


@pytest.fixture
def dated(make_xlsx):
    """A: since 2018; B: 2021–2022; C: no dates; D: since 2024."""
    return load_workbook(make_xlsx({
        "Partner": [
            ["Name", "Kategorie", "Seit", "Bis"],
            ["A", "Austausch", 2018, None],
            ["B", "Forschung", 2021, 2022],
            ["C", "Netzwerk", None, None],
            ["D", "Kooperation", 2024, None],
        ],
        "Beziehungen": [["Von", "Nach", "Stärke", "Seit"], ["A", "B", 2, 2021]],
        "Aktivitäten": [["Aktivität", "Datum", "Beteiligte"], ["Fest", 2020, "A; B; C"]],
        "Programme": [["Programm", "Seit", "Bis", "Beteiligte"], ["Verbund", 2019, 2026, "C; D"]],
    }))


def counts(graph):
    return graph.number_of_nodes(), graph.number_of_edges()


# --------------------------------------------------------------------------- node counts


@pytest.mark.parametrize(("view", "filters", "expected"), [
    # No filter: hub + 4 partners; 4 hub edges + A–B, A–C, B–C, C–D.
    ("ego", Filters(), (5, 8)),
    ("partners", Filters(), (4, 4)),
    # 4 partners + Workshop + Tagung + Verbund; 3 + 2 + 2 memberships.
    ("bipartite", Filters(), (7, 7)),
    # Forschung: only B-Uni (its first category is Forschung).
    ("ego", Filters(categories=("Forschung",)), (2, 1)),
    ("partners", Filters(categories=("Forschung",)), (1, 0)),
    ("bipartite", Filters(categories=("Forschung",)), (3, 2)),  # B-Uni, Workshop, Tagung
    # Kooperation is B-Uni's second category: it passes, with D-Stadt; B and D share nothing.
    ("ego", Filters(categories=("Kooperation",)), (3, 2)),
    ("partners", Filters(categories=("Kooperation",)), (2, 0)),
    ("ego", Filters(categories=("Austausch", "Forschung")), (3, 3)),  # + A–B
    ("ego", Filters(types=("Hochschule", "Verein")), (3, 3)),  # B, C and B–C
    # Area Forschung: only Tagung counts; A–C (Workshop only) is gone, A–B keeps its relation.
    ("ego", Filters(areas=("Forschung",)), (5, 7)),
    ("partners", Filters(areas=("Forschung",)), (4, 3)),
    ("bipartite", Filters(areas=("Forschung",)), (6, 4)),  # partners + Tagung + Verbund
    ("bipartite", Filters(statuses=("umgesetzt",)), (6, 5)),  # partners + Workshop + Verbund
    ("ego", Filters(statuses=("in Umsetzung",)), (5, 6)),  # no activity: A–B and C–D remain
    # Tagung is in 2023: as of 2022 only Workshop and Verbund; partners have no dates.
    ("ego", Filters(year=2022), (5, 8)),
    ("bipartite", Filters(year=2022), (6, 5)),
    # In 2018 nothing had happened yet (Verbund began 2019): the partners alone.
    ("bipartite", Filters(year=2018), (4, 0)),
])
def test_node_counts_small(data, view, filters, expected):
    assert counts(network_view(data, view, filters)) == expected


def test_forschung_keeps_hub_and_b_uni(data):
    assert sorted(network_view(data, "ego", Filters(categories=["Forschung"]))) == [
        "B-Uni", HUB]


def test_area_filter_in_bipartite_view_keeps_partners(data):
    graph = network_view(data, "bipartite", Filters(areas=["Vernetzung"]))
    assert sorted(graph) == ["A-Lab", "B-Uni", "C-Verein", "D-Stadt", WORKSHOP, VERBUND]
    assert sorted(graph.neighbors(WORKSHOP)) == ["A-Lab", "B-Uni", "C-Verein"]
    assert (graph.nodes[WORKSHOP]["label"], graph.nodes[VERBUND]["label"]) == ("Workshop",
                                                                                "Verbund")


def test_area_filter_changes_weights(data):
    graph = network_view(data, "partners", Filters(areas=["Vernetzung"]))
    assert graph.edges["B-Uni", "C-Verein"]["activities"] == ["Workshop"]
    assert graph.edges["B-Uni", "C-Verein"]["weight"] == 1
    assert graph.edges["A-Lab", "B-Uni"]["weight"] == 4


def test_partners_filtered_out_take_their_ties(data):
    graph = network_view(data, "partners", Filters(categories=["Austausch", "Netzwerk"]))
    assert sorted(graph) == ["A-Lab", "C-Verein"]
    # A–C stays: the Workshop counts although B-Uni, also there, is hidden.
    assert list(graph.edges) == [("A-Lab", "C-Verein")]


def test_bipartite_view_draws_only_activities_with_partners(wide):
    graph = network_view(wide, "bipartite")
    assert "activity:4" not in graph  # the Stammtisch: nobody took part
    assert graph.graph["without_partners"] == 1
    assert all(graph.degree(n) > 0 for n, kind in graph.nodes(data="kind") if kind != "partner")
    # every tie of the view links a partner to an activity or a programme
    assert {kind for *_, kind in graph.edges(data="kind")} == {"activity", "programme"}


def test_bipartite_view_of_the_bundled_workbook_shows_its_ties():
    from conftest import BUNDLED

    data = load_workbook(BUNDLED)
    graph = network_view(data, "bipartite")
    shown = [n for n, kind in graph.nodes(data="kind") if kind != "partner"]
    listed = sum(1 for people in data.activities["participants"] if people) + sum(
        1 for people in data.programmes["participants"] if people)
    assert len(shown) == listed and graph.graph["without_partners"] == (
        len(data.activities) + len(data.programmes) - listed)
    assert graph.number_of_edges() == sum(map(len, data.activities["participants"])) + sum(
        map(len, data.programmes["participants"]))
    assert all(graph.degree(n) > 0 for n in shown)


def test_bipartite_partners_carry_all_columns(data):
    graph = network_view(data, "bipartite")
    assert graph.nodes["A-Lab"]["place"] == "Aachen"
    assert graph.nodes["A-Lab"]["type"] == "Lab"


@pytest.mark.parametrize(("view", "filters", "expected"), [
    ("ego", Filters(), (6, 9)),  # E-Initiative hangs on the hub only
    ("bipartite", Filters(), (8, 7)),  # + E-Initiative; Stammtisch (nobody took part) hidden
    # A partner without a value passes a filter only while it is empty.
    ("ego", Filters(categories=("Austausch",)), (2, 1)),
    ("ego", Filters(types=("Lab",)), (2, 1)),
    ("ego", Filters(reaches=("lokal", "regional")), (3, 3)),  # C, D and C–D
    ("partners", Filters(reaches=("international", "national")), (2, 1)),
    # With a partner filter, the activity and programme nodes left alone are hidden.
    # C, D, Workshop, Tagung, Verbund; Stammtisch (nobody) is hidden.
    ("bipartite", Filters(reaches=("lokal", "regional")), (5, 4)),
])
def test_node_counts_with_missing_values(wide, view, filters, expected):
    assert counts(network_view(wide, view, filters)) == expected


@pytest.mark.parametrize(("year", "view", "nodes", "edges"), [
    (2020, "ego", ["A", "C", HUB], [("A", "C")]),
    (2021, "ego", ["A", "B", "C", HUB], [("A", "B"), ("A", "C"), ("B", "C")]),
    # B ended in 2022; the Fest of 2020 still ties A and C.
    (2023, "partners", ["A", "C"], [("A", "C")]),
    (2024, "partners", ["A", "C", "D"], [("A", "C"), ("C", "D")]),
    (2017, "partners", ["C"], []),
])
def test_year_filter(dated, year, view, nodes, edges):
    graph = network_view(dated, view, Filters(year=year))
    assert sorted(graph) == nodes
    assert sorted(tuple(sorted(e)) for e in graph.edges if HUB not in e) == edges
    assert graph.graph["as_of"] == year


def test_year_filter_in_bipartite_view(dated):
    graph = network_view(dated, "bipartite", Filters(year=2020))
    assert sorted(graph) == ["A", "C", "activity:2", "programme:2"]
    assert graph.number_of_edges() == 3
    # Before the programme began, C is alone (and the Fest had not happened).
    assert sorted(network_view(dated, "bipartite", Filters(year=2018))) == ["A", "C"]


def test_filters_never_change_the_data(data):
    frames = {t: getattr(data, t).copy(deep=True) for t in
              ("partners", "relations", "activities", "programmes")}
    participants = copy.deepcopy(list(data.activities["participants"]))
    for view in VIEWS:
        network_view(data, view, Filters(categories=["Netzwerk"], areas=["Forschung"],
                                          statuses=["in Planung"], year=2023))
    for table, frame in frames.items():
        pd.testing.assert_frame_equal(getattr(data, table), frame)
    assert list(data.activities["participants"]) == participants


def test_filters_are_hashable_and_take_lists():
    a = Filters(categories=["Forschung"], year="2022")  # type: ignore[arg-type]
    assert a == Filters(categories=("Forschung",), year=2022)
    assert hash(a) == hash(Filters(categories=("Forschung",), year=2022))
    assert Filters().is_empty and not a.is_empty
    assert not Filters(areas=["Forschung"]).filters_partners


def test_unknown_view(data):
    with pytest.raises(ValueError, match="unknown view"):
        network_view(data, "map")


# --------------------------------------------------------------------------- options


def test_filter_options(wide):
    assert filter_options(wide) == {
        "categories": ["Austausch", "Kooperation", "Netzwerk", "Forschung"],
        "types": ["Hochschule", "Kommune", "Lab", "Verein"],
        "reaches": ["lokal", "regional", "national", "international"],
        "years": [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026],
        "areas": ["Vernetzung", "Forschung", "Stadtgesellschaft"],
        "statuses": ["umgesetzt", "in Planung"],
    }


# --------------------------------------------------------------------------- positions


def test_positions_cover_every_view_and_filter(wide):
    positions = stable_positions(wide)
    for view in VIEWS:
        for filters in (Filters(), Filters(categories=["Kooperation"]),
                        Filters(areas=["Forschung"]), Filters(year=2022)):
            assert set(network_view(wide, view, filters)) <= set(positions), (view, filters)


def test_partners_keep_the_ego_layout_place(wide):
    positions = stable_positions(wide)
    ego = ego_layout(build_graph(wide))
    assert {n: positions[n] for n in ego} == ego
    assert positions[HUB] == (0.0, 0.0)


def test_positions_are_deterministic(make_xlsx, wide, small_sheets):
    assert stable_positions(wide) == stable_positions(wide)
    again = load_workbook(make_xlsx(small_sheets))
    first = load_workbook(make_xlsx(small_sheets))
    assert stable_positions(first) == stable_positions(again)


def test_activities_sit_apart_and_the_lonely_one_outside(wide):
    positions = stable_positions(wide)
    points = list(positions.values())
    assert len(set(points)) == len(points)  # nobody on top of anybody
    lonely = positions["activity:4"]
    others = [p for n, p in positions.items() if n != "activity:4"]
    # Rings are ellipses ASPECT times wider than high: compare in the ellipse's measure.
    def ring(point):
        return math.hypot(point[0] / ASPECT, point[1])

    assert ring(lonely) > max(ring(p) for p in others)
    # Verbund joins C-Verein and D-Stadt: it sits nearer to them than to A-Lab.
    verbund = positions[VERBUND]
    near = math.dist(verbund, positions["C-Verein"]) + math.dist(verbund, positions["D-Stadt"])
    assert near < 2 * math.dist(verbund, positions["A-Lab"])


def test_a_view_cut_from_the_whole_graph_is_the_view_built_anew():
    """``whole=`` (the app keeps the workbook's graph): the same nodes, ties, attributes and
    order as building the graph for the view, also under a year or an activity filter (which
    build anew), and never the frozen graph itself."""
    import networkx as nx
    from conftest import ROOT

    data = load_workbook(ROOT / "data" / "stadtlabor_soest.xlsx")
    whole = nx.freeze(build_graph(data))
    options = filter_options(data)
    choices = [Filters(), Filters(categories=options["categories"][:1]),
               Filters(types=options["types"][:2], reaches=options["reaches"][:1]),
               Filters(year=options["years"][-2]), Filters(areas=options["areas"][:1])]
    for filters in choices:
        for view in ("ego", "partners", "bipartite"):
            built = network_view(data, view, filters)
            cut = network_view(data, view, filters, whole=whole)
            assert list(cut.nodes(data=True)) == list(built.nodes(data=True))
            assert list(cut.edges(data=True)) == list(built.edges(data=True))
            assert cut.graph == built.graph
            assert cut is not whole and not nx.is_frozen(cut)
