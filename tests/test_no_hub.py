"""No invented hub: a network from another tool is shown as it is; the lab's keeps its hub.

The hub (the own organisation, tied to every partner) exists when Einstellungen name an own
organisation or a partner has a category; the user can add one (``own_organisation="…"``,
``--own-organisation``) or take it away (``False``, ``--no-own-organisation``). Every view,
measure, export and app page works without it.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import openpyxl
import pytest
from conftest import BUNDLED, ROOT, write_xlsx
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from network_app import (
    VIEWS,
    Filters,
    analyze_report,
    build_graph,
    detect_communities,
    ego_layout,
    key_figures,
    load_workbook,
    network_layout,
    network_summary,
    network_title,
    network_view,
    partner_layer,
    partner_metrics,
    stable_positions,
    views_for,
    write_template,
)
from network_app.cli import main
from network_app.exports import FORMATS, csv_paths, export, meta_for

CORPUS = ROOT / "tests" / "data" / "other_tools"
READABLE = (".csv", ".xlsx", ".xlsm", ".ods", ".xls")

#: A partner list and relations as another tool writes them: no Kategorie, no Einstellungen.
#: One node carries the default hub's name: in a foreign network it is a node like any other.
FOREIGN = {
    "Partner": [
        ["Name", "Ort"],
        ["Arya", "Winterfell"],
        ["Bran", "Winterfell"],
        ["Cersei", "King's Landing"],
        ["Davos", "Dragonstone"],
        ["stadtLABOR Soest", "Soest"],
        ["Einzelgänger", None],
    ],
    "Beziehungen": [
        ["Partner A", "Partner B", "Art"],
        ["Arya", "Bran", "Familie"],
        ["Bran", "Cersei", "Feind"],
        ["Cersei", "Davos", "Feind"],
        ["Davos", "stadtLABOR Soest", "Besuch"],
    ],
}
FOREIGN_NAMES = {"Arya", "Bran", "Cersei", "Davos", "stadtLABOR Soest", "Einzelgänger"}


def hubs(graph: nx.Graph) -> list:
    return [n for n, kind in graph.nodes(data="kind") if kind == "hub"]


@pytest.fixture(scope="module")
def foreign_path(tmp_path_factory) -> Path:
    return write_xlsx(tmp_path_factory.mktemp("foreign") / "got-edges.xlsx", FOREIGN)


@pytest.fixture(scope="module")
def foreign(foreign_path):
    return load_workbook(foreign_path)


# --------------------------------------------------------------------------- who has a hub


def test_the_lab_workbook_keeps_its_hub():
    data = load_workbook(BUNDLED)
    assert data.has_hub and data.own_organisation == "stadtLABOR Soest"
    graph = build_graph(data)
    assert hubs(graph) == ["stadtLABOR Soest"]
    partners = [n for n, kind in graph.nodes(data="kind") if kind == "partner"]
    assert all(graph.has_edge("stadtLABOR Soest", p) for p in partners)
    assert network_title(data) == data.settings["title"]


def test_the_template_has_a_hub(tmp_path):
    data = load_workbook(write_template(tmp_path / "vorlage.xlsx"))
    assert data.has_hub
    assert hubs(build_graph(data)) == [data.own_organisation]


def test_a_foreign_network_has_no_hub(foreign):
    assert not foreign.has_hub and foreign.own_organisation == ""
    graph = build_graph(foreign)
    assert hubs(graph) == []
    assert set(graph) == FOREIGN_NAMES  # the node named like the default hub stays a node
    assert graph.graph["own_organisation"] == ""
    assert {p.code for p in foreign.problems} & {"hub_is_partner", "hub_in_relation"} == set()
    assert graph.has_edge("Davos", "stadtLABOR Soest")
    assert graph.number_of_edges() == 4  # the relations, nothing tied to an invented hub


def test_titles_name_a_foreign_network_after_its_file(foreign):
    assert network_title(foreign) == "Netzwerk aus got-edges.xlsx"
    assert network_title(foreign, "en") == "Network from got-edges.xlsx"
    assert meta_for(foreign).title == "Netzwerk aus got-edges.xlsx"
    assert meta_for(foreign, lang="en").title == "Network from got-edges.xlsx"


@pytest.mark.parametrize(("sheets", "hub"), [
    ({"Partner": [["Name", "Kategorie"], ["A", "Forschung"], ["B", None]]},
     "stadtLABOR Soest"),
    ({"Partner": [["Name"], ["A"], ["B"]],
      "Einstellungen": [["Einstellung", "Wert"], ["Eigene Organisation", "Stadt Soest"]]},
     "Stadt Soest"),
    ({"Partner": [["Name", "Kategorie"], ["A", None], ["B", None]]}, None),
    # an unknown category is an error, not a category: no hub from it
    ({"Partner": [["Name", "Category"], ["A", "Person"], ["B", "Person"]]}, None),
])
def test_the_hub_exists_iff_an_own_organisation_is_named_or_a_partner_has_a_category(
        tmp_path, sheets, hub):
    data = load_workbook(write_xlsx(tmp_path / "wb.xlsx", sheets))
    assert data.has_hub is (hub is not None)
    assert hubs(build_graph(data)) == ([hub] if hub else [])


def test_a_filtered_copy_keeps_the_decision():
    data = load_workbook(BUNDLED)
    research = network_view(data, "ego", Filters(categories=["Forschung"]))
    assert hubs(research) == ["stadtLABOR Soest"]


# --------------------------------------------------------------------------- the user's choice


def test_own_organisation_adds_a_hub_to_a_foreign_network(foreign_path):
    data = load_workbook(foreign_path, own_organisation="Davos")
    assert data.has_hub and data.own_organisation == "Davos"
    graph = build_graph(data)
    assert hubs(graph) == ["Davos"]
    assert all(graph.has_edge("Davos", n) for n in FOREIGN_NAMES - {"Davos"})
    codes = [p.code for p in data.problems]
    assert "hub_is_partner" in codes  # the row of Davos is the hub now, not a partner
    assert network_title(data) == "Partnernetz Davos"


def test_no_own_organisation_takes_the_labs_hub_away():
    data = load_workbook(BUNDLED, own_organisation=False)
    assert not data.has_hub and data.own_organisation == ""
    graph = build_graph(data)
    assert hubs(graph) == []
    assert len(graph) == len(data.partners) == 64
    # The partners keep their categories and their ties to each other.
    assert partner_layer(build_graph(load_workbook(BUNDLED))).edges == partner_layer(graph).edges


def test_a_chosen_name_replaces_the_workbooks_own_organisation():
    data = load_workbook(BUNDLED, own_organisation="Stadt Soest")
    assert hubs(build_graph(data)) == ["Stadt Soest"]


def cli_json(*args: str, capsys) -> tuple[int, dict]:
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


def test_cli_options_switch_the_hub(foreign_path, capsys):
    code, report = cli_json("check", str(foreign_path), "--json", capsys=capsys)
    assert code == 0 and report["own_organisation"] is None
    assert report["nodes"] == len(FOREIGN_NAMES)
    code, report = cli_json("check", str(foreign_path), "--json", "--own-organisation", "Hof",
                            capsys=capsys)
    assert report["own_organisation"] == "Hof" and report["nodes"] == len(FOREIGN_NAMES) + 1
    code, report = cli_json("check", str(BUNDLED), "--json", "--no-own-organisation",
                            capsys=capsys)
    assert code == 0 and report["own_organisation"] is None and report["nodes"] == 64
    code, report = cli_json("analyze", str(foreign_path), "--json", capsys=capsys)
    assert report["hub_excluded"] is None
    assert report["network"]["nodes"] == len(FOREIGN_NAMES)
    code, report = cli_json("analyze", str(BUNDLED), "--json", capsys=capsys)
    assert report["hub_excluded"] == "stadtLABOR Soest"


def test_cli_options_exclude_each_other(capsys):
    assert main(["check", str(BUNDLED), "--own-organisation", "X",
                 "--no-own-organisation"]) == 2
    assert "--own-organisation" in capsys.readouterr().err


def test_cli_text_without_hub(foreign_path, capsys):
    assert main(["analyze", str(foreign_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Das Netzwerk in Zahlen:")
    assert main(["check", str(foreign_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "per category" not in out  # no categories to count by
    assert main(["analyze", str(foreign_path), "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("The network in figures:")


def test_cli_export_with_a_chosen_hub(foreign_path, tmp_path, capsys):
    target = tmp_path / "netz.gexf"
    assert main(["export", str(foreign_path), "-f", "gexf", "-o", str(target),
                 "--own-organisation", "Hof"]) == 0
    read = nx.read_gexf(target)
    assert "Hof" in read and read.degree("Hof") == len(FOREIGN_NAMES)


# --------------------------------------------------------------------------- views and measures


def test_views_without_hub(foreign):
    assert views_for(foreign) == ("partners", "bipartite")
    assert views_for(load_workbook(BUNDLED)) == VIEWS
    ego, partners = network_view(foreign, "ego"), network_view(foreign, "partners")
    assert set(ego) == set(partners) == FOREIGN_NAMES  # ego falls back to the network as is
    assert set(map(frozenset, ego.edges)) == set(map(frozenset, partners.edges))
    bipartite = network_view(foreign, "bipartite")
    assert hubs(bipartite) == [] and set(bipartite) == FOREIGN_NAMES


def test_layout_without_hub_places_every_node_deterministically(foreign, foreign_path):
    graph = build_graph(foreign)
    places = network_layout(graph)
    assert set(places) == FOREIGN_NAMES
    assert places == network_layout(build_graph(load_workbook(foreign_path)))
    assert len(set(places.values())) == len(places)  # no two nodes on one spot
    assert stable_positions(foreign) == places  # no activities: the same places
    # The ego layout of the lab's workbook is unchanged: the hub in the centre.
    lab = build_graph(load_workbook(BUNDLED))
    assert network_layout(lab) == ego_layout(lab)
    assert network_layout(lab)["stadtLABOR Soest"] == (0.0, 0.0)


def test_measures_and_figures_without_hub(foreign):
    graph = build_graph(foreign)
    layer = partner_layer(graph, ordered=True)
    assert set(layer) == FOREIGN_NAMES
    metrics = partner_metrics(layer)
    assert set(metrics.index) == FOREIGN_NAMES
    assert metrics.loc["Einzelgänger", "degree"] == 0
    assert metrics.loc["Bran", "degree"] == 2
    summary = network_summary(layer)
    assert summary["nodes"] == 6 and summary["edges"] == 4 and summary["components"] == 2
    groups = detect_communities(layer)
    assert set(groups.membership) == FOREIGN_NAMES
    figures = key_figures(foreign, graph)
    assert figures["own_organisation"] == "" and figures["nodes"] == 6
    assert figures["partner_ties"] == 4 and figures["edges"] == 4
    report = analyze_report(foreign)
    assert report["hub_excluded"] is None and report["network"]["edges"] == 4


# --------------------------------------------------------------------------- every export


@pytest.fixture(scope="module")
def foreign_exports(tmp_path_factory, foreign):
    folder = tmp_path_factory.mktemp("exports")
    return {fmt: export(fmt, folder / f"netz.{fmt}", foreign) for fmt in FORMATS}


def test_every_format_writes_without_hub(foreign_exports):
    for fmt, paths in foreign_exports.items():
        assert paths and all(p.stat().st_size > 0 for p in paths), fmt


def test_graph_formats_read_back_without_hub(foreign_exports):
    for fmt, read in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        graph = read(foreign_exports[fmt][0])
        assert set(graph) == FOREIGN_NAMES, fmt
        assert graph.number_of_edges() == 4, fmt
        assert "eigene Organisation" not in graph.graph, fmt
    data = json.loads(foreign_exports["json"][0].read_text(encoding="utf-8"))
    graph = nx.node_link_graph(data, edges="links") if "links" in data else \
        nx.node_link_graph(data)
    assert set(graph) == FOREIGN_NAMES and graph.number_of_edges() == 4


def test_csv_reads_back_without_hub(foreign_exports):
    nodes_path, edges_path = foreign_exports["csv"]
    assert (nodes_path, edges_path) == csv_paths(nodes_path.with_name("netz.csv"))
    with nodes_path.open(encoding="utf-8-sig", newline="") as handle:
        nodes = list(csv.DictReader(handle, delimiter=";"))
    with edges_path.open(encoding="utf-8-sig", newline="") as handle:
        edges = list(csv.DictReader(handle, delimiter=";"))
    assert {row["Name"] for row in nodes} == FOREIGN_NAMES
    assert len(edges) == 4


def test_report_reads_back_without_hub(foreign_exports):
    book = openpyxl.load_workbook(foreign_exports["xlsx"][0])
    info = dict(book["Info"].iter_rows(min_row=2, values_only=True))
    assert info["Titel"] == "Netzwerk aus got-edges.xlsx"
    assert "eigene Organisation" not in info  # no hub row, no "computed without" sentence
    partners = [row[1] for row in book["Partner"].iter_rows(min_row=2, values_only=True)]
    assert set(partners) == FOREIGN_NAMES
    again = load_workbook(foreign_exports["xlsx"][0])
    assert not again.has_hub and set(again.partners["name"]) == FOREIGN_NAMES


def test_pictures_and_page_name_the_file_not_a_hub(foreign_exports):
    svg = foreign_exports["svg"][0].read_text(encoding="utf-8")
    html = foreign_exports["html"][0].read_text(encoding="utf-8")
    for text in (svg, html):
        assert "got-edges.xlsx" in text
        # (the program's own name, "stadtLABOR Partnernetz", may stand in the metadata)
        assert "Partnernetz stadtLABOR" not in text and "In der Mitte" not in text


def test_deck_without_hub(foreign_exports):
    deck = Presentation(str(foreign_exports["pptx"][0]))
    titles = [slide.shapes.title.text for slide in deck.slides if slide.shapes.title]
    assert titles[0] == "Netzwerk aus got-edges.xlsx"
    assert "Das Partnernetz auf einen Blick" in titles
    assert not any(t.startswith("ohne Kategorie") for t in titles)  # no category slides
    assert "Wachstum über die Jahre" not in titles  # no years, no growth to show
    texts = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                     if shape.has_text_frame)
    alts = " ".join(shape._element.xpath("string(.//p:cNvPr/@descr)")  # noqa: SLF001
                    for slide in deck.slides for shape in slide.shapes)
    for text in (texts, alts):
        assert "in der Mitte" not in text and "stadtLABOR" not in text.replace(
            "stadtLABOR Soest", "")  # the node of that name may be labelled, nothing more
    assert "Kategorie-Folien" not in texts


def test_deck_map_of_a_foreign_network_is_not_ours(tmp_path):
    sheets = {"Partner": [["Name", "Breite", "Länge"], ["Arya", 51.57, 8.11],
                          ["Bran", 51.67, 7.82]],
              "Beziehungen": [["Partner A", "Partner B"], ["Arya", "Bran"]]}
    data = load_workbook(write_xlsx(tmp_path / "orte.xlsx", sheets))
    assert not data.has_hub
    [path] = export("pptx", tmp_path / "deck.pptx", data)
    titles = [s.shapes.title.text for s in Presentation(str(path)).slides if s.shapes.title]
    assert "Wo die Partner sind" in titles and "Wo unsere Partner sind" not in titles


def test_deck_in_english_without_hub(foreign, tmp_path):
    [path] = export("pptx", tmp_path / "deck.pptx", foreign, meta=meta_for(foreign, lang="en"))
    titles = [s.shapes.title.text for s in Presentation(str(path)).slides if s.shapes.title]
    assert titles[0] == "Network from got-edges.xlsx"


# --------------------------------------------------------------------------- files of other tools


def corpus_files() -> list[str]:
    listing = CORPUS / "expected.json"
    if not listing.exists():
        return []
    entries = json.loads(listing.read_text(encoding="utf-8"))["files"]
    return sorted({e["file"] for e in entries if Path(e["file"]).suffix.lower() in READABLE
                   and (CORPUS / e["file"]).exists()})


@pytest.mark.parametrize("name", corpus_files())
def test_files_of_other_tools_get_no_hub(name, tmp_path):
    data = load_workbook(CORPUS / name)
    assert not data.has_hub, [p.code for p in data.problems]
    graph = build_graph(data)
    assert hubs(graph) == []
    assert set(network_layout(graph)) == set(graph)
    assert meta_for(data).title == f"Netzwerk aus {Path(name).name}"
    [written] = export("json", tmp_path / "netz.json", data)
    assert len(json.loads(written.read_text(encoding="utf-8"))["nodes"]) == len(graph)


# --------------------------------------------------------------------------- the app


APP = str(ROOT / "streamlit_app.py")
PAGES = ["app_pages/netzwerk.py", "app_pages/partner.py", "app_pages/daten.py",
         "app_pages/analyse.py", "app_pages/praesentation.py"]


@pytest.fixture
def foreign_app(foreign_path) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.sidebar.file_uploader[0].upload(foreign_path.name, foreign_path.read_bytes()).run()
    assert not at.exception
    return at


def drawn_labels(at: AppTest) -> set[str]:
    [chart] = [element for element in at.get("bidi_component")
               if element.proto.component_name == "partnernetz_network"]
    return {node["label"] for node in json.loads(chart.proto.json)["nodes"]}


@pytest.mark.parametrize("lang", ["Deutsch", "English"])
def test_every_page_runs_on_a_hub_less_upload(foreign_app, lang):
    foreign_app.sidebar.radio(key="language").set_value(lang).run()
    for page in PAGES:
        foreign_app.switch_page(page).run()
        assert not foreign_app.exception, page
        assert not foreign_app.error, page


def test_a_hub_less_upload_in_english_shows_no_german(foreign_app, foreign_path):
    from test_english_app import data_values, german_in, page_texts

    foreign_app.sidebar.radio(key="language").set_value("English").run()
    texts = []
    for page in PAGES:
        foreign_app.switch_page(page).run()
        assert not foreign_app.exception, page
        texts += page_texts(foreign_app)
    assert german_in(texts, data_values(foreign_path)) == []
    assert any("no own organisation in the centre" in text for _, text in texts)


def test_network_page_offers_no_ego_view_without_hub(foreign_app):
    assert foreign_app.title[0].value == r"Netzwerk aus got\-edges\.xlsx"  # Markdown
    assert not foreign_app.exception
    view = foreign_app.radio(key="view")
    assert list(view.options) == ["Nur Partner untereinander", "Partner und Aktivitäten"]
    assert drawn_labels(foreign_app) == FOREIGN_NAMES
    assert any("keine eigene Organisation in der Mitte" in c.value
               for c in foreign_app.caption)


def test_presentation_of_a_hub_less_upload(foreign_app):
    foreign_app.switch_page("app_pages/praesentation.py").run()
    assert not foreign_app.exception
    assert foreign_app.title[0].value == r"Netzwerk aus got\-edges\.xlsx"  # Markdown


def test_the_sidebar_control_switches_the_hub_and_survives_page_switches():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert "stadtLABOR Soest" in drawn_labels(at)
    at.sidebar.selectbox(key="hub_mode").set_value("none").run()
    assert not at.exception
    assert "stadtLABOR Soest" not in drawn_labels(at)
    at.switch_page("app_pages/analyse.py").run()
    at.switch_page("app_pages/netzwerk.py").run()
    assert at.sidebar.selectbox(key="hub_mode").value == "none"
    assert "stadtLABOR Soest" not in drawn_labels(at)
    at.sidebar.selectbox(key="hub_mode").set_value("name").run()
    at.sidebar.text_input(key="hub_name").input("Stadt Soest").run()
    assert not at.exception
    assert at.radio(key="view").value == "ego"  # the view that fell back comes back
    labels = drawn_labels(at)
    assert "Stadt Soest" in labels and "stadtLABOR Soest" not in labels
