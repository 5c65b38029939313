"""The overview of a big network (network_app.network.overview) and the Netzwerk page's path
for more than OVERVIEW_LIMIT partners: groups first, one group opened, a partner searched."""

from __future__ import annotations

import json
import sys

import networkx as nx
import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest

from network_app.drawing.groups import group_styles
from network_app.network import overview as ov

sys.path.insert(0, str(ROOT / "benchmarks"))
from pipeline import write_workbook  # noqa: E402  (benchmarks/pipeline.py)

APP = str(ROOT / "streamlit_app.py")


def two_cliques() -> nx.Graph:
    """Two triangles joined by one tie, and a partner without ties."""
    layer = nx.Graph([("A", "B"), ("B", "C"), ("C", "A"), ("D", "E"), ("E", "F"), ("F", "D"),
                      ("C", "D")])
    layer.add_node("G")
    for node in layer:
        layer.nodes[node]["kind"] = "partner"
    for node in "ABC":
        layer.nodes[node].update(category="Forschung", categories=["Forschung"])
    for node in "DEF":
        layer.nodes[node].update(category="Austausch", categories=["Austausch"])
    return layer


def test_overview_counts_members_and_ties_between_groups():
    layer = two_cliques()
    layer.add_edge("A", "E")
    grouping = ov.Grouping.of({"A": "x", "B": "x", "C": "x", "D": "y", "E": "y", "F": "y",
                               "G": "y"})
    overview = ov.overview_graph(layer, grouping)
    assert dict(overview.nodes(data="members")) == {"x": 3, "y": 4}
    assert overview.edges["x", "y"]["ties"] == 2  # C–D and A–E; ties inside are no edge
    assert overview.nodes["x"]["category"] == "Forschung"
    assert "2 Verbindungen" in overview.edges["x", "y"]["tooltip"]


def test_community_grouping_puts_partners_without_ties_apart():
    layer = two_cliques()
    membership = {"A": 1, "B": 1, "C": 1, "D": 2, "E": 2, "F": 2, "G": 3}
    grouping = ov.community_grouping(layer, membership, {1: "eins (3)", 2: "zwei (3)",
                                                         3: "G (1)"}, lang="en")
    assert grouping.names == ("eins (3)", "zwei (3)", "without ties (1)")
    assert grouping.members["without ties (1)"] == ("G",)
    # every partner in exactly one group
    assert sorted(grouping.group_of()) == list("ABCDEFG")


def test_community_grouping_renames_a_group_cut_by_a_filter():
    layer = two_cliques()
    layer.remove_node("B")
    membership = {"A": 1, "B": 1, "C": 1, "D": 2, "E": 2, "F": 2}
    grouping = ov.community_grouping(layer, membership, {1: "eins (3)", 2: "zwei (3)"})
    assert "eins (3)" not in grouping.names
    assert "Forschung (2)" in grouping.names  # named anew for the two shown


def test_many_small_groups_are_merged():
    layer = nx.Graph([(f"{i}a", f"{i}b") for i in range(100)])
    membership = {f"{i}{s}": i for i in range(100) for s in "ab"}
    grouping = ov.community_grouping(layer, membership, {}, max_groups=10)
    assert len(grouping.names) == 9  # 8 groups and the merged rest
    assert grouping.names[-1] == "weitere kleine Gruppen (184)"
    assert sum(len(m) for m in grouping.members.values()) == 200


def test_category_grouping_and_sizes():
    layer = two_cliques()
    grouping = ov.category_grouping(layer)
    assert grouping.names == ("Austausch (3)", "Forschung (3)", "ohne Kategorie (1)")
    styles = group_styles(ov.overview_graph(layer, grouping))
    assert styles["Austausch (3)"].size > styles["ohne Kategorie (1)"].size
    assert styles["Austausch (3)"].label == "Austausch (3)"


def test_a_group_or_a_neighbourhood_is_cut_to_the_limit():
    star = nx.star_graph(50)
    nx.relabel_nodes(star, str, copy=False)
    star.add_edge("7", "8")
    grouping = ov.Grouping.of({n: "g" for n in star})
    part = ov.group_graph(star, grouping, "g", limit=3)
    assert sorted(part) == ["0", "7", "8"]  # the hub and the two with an extra tie
    near = ov.neighbourhood(star, "9", limit=5)
    assert sorted(near) == ["0", "9"]
    assert ov.neighbourhood(star, "0", limit=4).number_of_nodes() == 4
    assert "0" in ov.neighbourhood(star, "0", limit=2)


def test_overview_positions_are_stable_and_apart():
    layer = two_cliques()
    overview = ov.overview_graph(layer, ov.category_grouping(layer))
    places = ov.overview_positions(overview)
    assert places == ov.overview_positions(overview)
    points = list(places.values())
    assert len(set(points)) == 3


# --- the app ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def big_workbook(tmp_path_factory):
    return write_workbook(tmp_path_factory.mktemp("big") / "gross.xlsx", 3000)


@pytest.fixture
def big_app(big_workbook) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=300)
    at.run()
    at.sidebar.file_uploader[0].upload(big_workbook.name, big_workbook.read_bytes()).run()
    assert not at.exception
    return at


def drawn(at: AppTest) -> dict:
    [chart] = [element for element in at.get("bidi_component")
               if element.proto.component_name == "partnernetz_network"]
    return json.loads(chart.proto.json)


def test_big_workbook_shows_the_overview_then_a_group_then_a_partner(big_app):
    at = big_app
    data = drawn(at)
    # groups, not 3,000 dots; every partner counted in one of them
    assert 2 <= len(data["nodes"]) <= ov.MAX_GROUPS
    counts = [int(node["label"].rsplit("(", 1)[1].rstrip(")").replace(".", ""))
              for node in data["nodes"]]
    assert sum(counts) == 3000
    widths = [edge["width"] for edge in data["edges"]]
    assert widths and max(widths) == 7 and min(widths) < 7  # by the ties between two groups
    [caption] = [c.value for c in at.caption if c.value.startswith("Überblick:")]
    assert caption.count("zwischen den Gruppen") == 1
    assert not at.radio(key="overview_by").value == "category"

    # open the largest group: its partners and the ties between them
    largest = max(data["nodes"], key=lambda node: node["size"])["label"]
    at.selectbox(key="overview_group").set_value(largest).run()
    assert not at.exception
    group = drawn(at)
    assert len(group["nodes"]) == max(counts)
    assert {node["kind"] for node in group["nodes"]} == {"partner"}
    assert any(f"Gruppe »{largest}«" in c.value for c in at.caption)

    # back to the overview
    at.button(key="overview_back").click().run()
    assert len(drawn(at)["nodes"]) == len(data["nodes"])

    # a partner searched: it and its neighbours, it selected
    at.selectbox(key="search").set_value("Partner 00042").run()
    assert not at.exception
    near = drawn(at)
    assert near["focus"] == "Partner 00042"
    assert 2 <= len(near["nodes"]) < 100
    assert any("»Partner 00042« und" in c.value for c in at.caption)


def test_big_workbook_grouped_by_category(big_app):
    at = big_app
    at.radio(key="overview_by").set_value("category").run()
    assert not at.exception
    labels = {node["label"].rsplit(" (", 1)[0] for node in drawn(at)["nodes"]}
    assert labels == {"Austausch", "Kooperation", "Netzwerk", "Forschung"}


def test_big_workbook_in_english(big_app):
    at = big_app
    at.sidebar.radio(key="language").set_value("English").run()
    assert not at.exception
    assert at.radio(key="overview_by").label == "Groups by"
    assert any(c.value.startswith("Overview: ") for c in at.caption)
    names = [node["label"] for node in drawn(at)["nodes"]]
    at.selectbox(key="overview_group").set_value(names[0]).run()
    assert any(c.value.startswith(f"Group “{names[0]}”") for c in at.caption)
    assert at.button(key="overview_back").label == "← Back to the overview"


def test_a_filter_that_leaves_few_partners_draws_them_all(big_app):
    at = big_app
    at.multiselect(key="f_types").set_value(["Lab"]).run()
    at.multiselect(key="f_reaches").set_value(["lokal"]).run()
    assert not at.exception
    nodes = drawn(at)["nodes"]
    assert 10 < len(nodes) < 200
    assert {node["kind"] for node in nodes} == {"partner"}


# --- the HTML export of a big network -----------------------------------------------------------

def embedded(text: str) -> dict:
    """The overview data the exported page carries."""
    start = text.index("var overviewData = ") + len("var overviewData = ")
    return json.loads(text[start:text.index(";\n", start)])


@pytest.fixture(scope="module")
def big_export(big_workbook):
    import network_app as na
    from network_app import exports
    from network_app.exports.html import page

    data = na.load_workbook(big_workbook)
    graph = na.build_graph(data)
    styles = na.node_styles(graph)
    text = page(graph, na.stable_positions(data), styles, na.legend(graph),
                exports.meta_for(data))
    whole = na.network_html(graph, na.stable_positions(data), styles)
    return text, whole


def test_export_of_a_big_network_is_the_overview_and_stays_small(big_export):
    text, whole = big_export
    shown = embedded(text)
    assert 2 <= len(shown["groups"]) <= ov.MAX_GROUPS
    # every partner in one group, the hub in none
    assert len(shown["names"]) == 3000 == sum(len(m) for m in shown["members"])
    assert "stadtLABOR" not in shown["names"]
    assert sorted(shown["group"]) == sorted(g for g, m in enumerate(shown["members"])
                                            for _ in m)
    # a tie of a group joins two of its partners (local numbers) with a width 1–8
    for members, flat in zip(shown["members"], shown["edges"], strict=True):
        assert len(flat) % 3 == 0
        assert all(0 <= v < len(members) for i, v in enumerate(flat) if i % 3 != 2)
        assert all(1 <= w <= 8 for w in flat[2::3])
    assert shown["groupEdges"]
    # no second copy of every tie's tooltip: far smaller than the page of every partner
    assert len(text) < 1_200_000
    assert len(text) < len(whole) / 2
    assert "graphData" not in text


def test_export_of_a_big_network_keeps_workbook_text_data(monkeypatch, tmp_path):
    import network_app as na
    from network_app.exports import ExportMeta
    from network_app.exports.html import page

    evil = "<script>alert(1)</script>"
    graph = nx.Graph([("A", evil), ("B", "C"), (evil, "B")])
    for node in graph:
        graph.nodes[node].update(kind="partner", label=node)
    monkeypatch.setattr(ov, "OVERVIEW_LIMIT", 3)
    text = page(graph, {n: (0.0, 0.0) for n in graph}, na.node_styles(graph), [],
                ExportMeta(title=evil, lang="en"))
    assert evil not in text
    assert evil in embedded(text)["names"]
    assert "Back to the overview" in text


def test_app_exports_the_overview_of_a_big_network(big_app):
    at = big_app
    at.selectbox(key="export_format").set_value("html").run()
    at.button(key="export_build").click().run()
    assert not at.exception
    page = at.session_state["export_result"]["data"].decode("utf-8")
    assert len(embedded(page)["names"]) == 3000
    # with a group open, the export is that group, drawn partner by partner
    first = at.selectbox(key="overview_group").options[0]
    at.selectbox(key="overview_group").set_value(first).run()
    at.button(key="export_build").click().run()
    page = at.session_state["export_result"]["data"].decode("utf-8")
    assert "var overviewData" not in page and "graphData" in page


def test_big_workbook_colour_and_size_in_a_group(big_app):
    at = big_app
    at.selectbox(key="color_by").set_value("type").run()
    at.selectbox(key="size_by").set_value("degree").run()
    assert not at.exception
    first = at.selectbox(key="overview_group").options[0]
    at.selectbox(key="overview_group").set_value(first).run()
    assert not at.exception
    nodes = drawn(at)["nodes"]
    assert len({node["size"] for node in nodes}) > 1  # sized by their ties
    assert len({node["color"] for node in nodes}) > 3  # ten types in the workbook


def test_a_hub_is_in_no_group_and_ties_nobody():
    layer = two_cliques()
    layer.add_node("Lab", kind="hub")
    layer.add_edges_from(("Lab", p) for p in "ABCDEFG")
    membership = {"A": 1, "B": 1, "C": 1, "D": 2, "E": 2, "F": 2, "G": 3}
    grouping = ov.community_grouping(layer, membership, {1: "eins (3)", 2: "zwei (3)"})
    assert "Lab" not in grouping.group_of()
    assert grouping.members["ohne Verbindung (1)"] == ("G",)  # the hub is no tie
    overview = ov.overview_graph(layer, grouping)
    assert overview.edges["eins (3)", "zwei (3)"]["ties"] == 1
