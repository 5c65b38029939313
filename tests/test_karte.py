"""The Karte page without a browser (streamlit.testing.v1.AppTest): what the map component is
asked to draw, the filters it shares with the Netzwerk page, the partners without a place."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, write_xlsx
from streamlit.testing.v1 import AppTest

from network_app.drawing.netmap import project
from network_app.drawing.styling import CATEGORY_COLORS

APP = str(ROOT / "streamlit_app.py")
KARTE = "app_pages/karte.py"


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def drawn(at: AppTest) -> dict:
    [chart] = [element for element in at.get("bidi_component")
               if element.proto.component_name == "partnernetz_network"]
    return json.loads(chart.proto.json)


def text(at: AppTest) -> str:
    """The page's words as read (workbook text is escaped for Markdown: "Ohne Ort\\:")."""
    return re.sub(r"\\(.)", r"\1", " ".join([*(m.value for m in at.markdown),
                                            *(c.value for c in at.caption),
                                            *(i.value for i in at.info)]))


@pytest.mark.parametrize("lang", ["Deutsch", "English"])
def test_map_page_draws_places_on_outlines(app, lang):
    app.sidebar.radio(key="language").set_value(lang).run()
    app.switch_page(KARTE).run()
    assert not app.exception
    data = drawn(app)
    assert data["key"] == "karte"
    layer = data["map"]
    assert layer["countries"][0]["code"] == "DEU" and len(layer["states"]) == 16
    assert [s["code"] for s in layer["states"] if s["home"]] == ["NW"]
    assert [v["key"] for v in layer["views"]] == ["region", "germany"]
    labels = {node["label"]: node for node in data["nodes"]}
    soest = "Soest (16)"
    assert soest in labels  # the 16 partners in Soest are one dot with their number
    index = data["names"].index("⌖ " + soest)
    slices = dict(layer["pies"][str(index)])
    assert slices[CATEGORY_COLORS["Kooperation"]] == 9  # the same colours as the network
    # a partner alone at its place keeps its name and sits at its projected coordinates
    hamm = labels["Fablab Hamm"]
    assert (hamm["x"], hamm["y"]) == pytest.approx(project(51.68, 7.82), abs=0.01)
    words = text(app)
    assert ("51 von 64 Partnern" if lang == "Deutsch" else "51 of 64 partners") in words
    assert ("Ohne Ort:" if lang == "Deutsch" else "Without a place:") in words
    assert "Agile Kultur" in words  # a partner without coordinates is named
    assert sorted(b.key for b in app.get("download_button") if b.key and "karte" in b.key) == [
        "karte_download_pdf", "karte_download_png", "karte_download_svg"]


def test_filters_are_shared_with_the_network_page(app):
    app.switch_page(KARTE).run()
    before = len(drawn(app)["nodes"])
    app.multiselect(key="f_categories").set_value(["Forschung"]).run()
    assert not app.exception
    after = drawn(app)
    assert 0 < len(after["nodes"]) < before
    assert {n["color"] for n in after["nodes"]} == {CATEGORY_COLORS["Forschung"]}
    app.switch_page("app_pages/netzwerk.py").run()
    assert app.multiselect(key="f_categories").value == ["Forschung"]


def test_search_for_a_partner_without_a_place(app):
    app.switch_page(KARTE).run()
    app.selectbox(key="karte_search").set_value("Agile Kultur").run()
    assert any("Agile Kultur" in i.value for i in app.info)
    assert drawn(app)["focus"] is None
    app.selectbox(key="karte_search").set_value("SoestArt").run()
    assert drawn(app)["focus"] == "⌖ Soest (16)"  # the dot of its place


def test_no_coordinates_at_all(app, tmp_path):
    path = write_xlsx(tmp_path / "ohne_orte.xlsx", {
        "Partnerliste": [["Name", "Kategorie", "Ort"], ["A-Werk", "Austausch", None],
                         ["B-Haus", "Kooperation", None]],
    })
    app.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    app.switch_page(KARTE).run()
    assert not app.exception
    assert drawn(app)["nodes"] == []
    assert "Kein Partner hat einen Ort" in text(app)
    assert "A-Werk" in text(app)


def test_unknown_place_is_told_apart_from_no_place(app, tmp_path):
    path = write_xlsx(tmp_path / "orte.xlsx", {
        "Partnerliste": [["Name", "Kategorie", "Ort"], ["A-Werk", "Austausch", "Soest"],
                         ["B-Haus", "Kooperation", "Xyzqdorf"],
                         ["C-Verein", "Netzwerk", None]],
    })
    app.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    app.switch_page(KARTE).run()
    assert not app.exception
    assert [n["label"] for n in drawn(app)["nodes"]] == ["A-Werk"]  # placed by its Ort alone
    words = text(app)
    assert "Ohne Ort: C-Verein." in words
    assert "Ort nicht gefunden: B-Haus (»Xyzqdorf«)." in words
    assert "Prüfbericht" in words


def test_size_by_a_measure_adds_up_the_partners_of_a_place(app):
    app.switch_page(KARTE).run()
    by_count = {n["label"]: n["size"] for n in drawn(app)["nodes"]}
    app.selectbox(key="size_by").set_value("degree").run()
    assert not app.exception
    by_degree = {n["label"]: n["size"] for n in drawn(app)["nodes"]}
    assert by_count != by_degree
    # a place's area adds up its partners' ties to other partners
    from network_app import load_workbook, network_view, node_styles
    from network_app.drawing.netmap import partner_map

    data = load_workbook(ROOT / "data" / "stadtlabor_soest.xlsx")
    view = network_view(data, "partners")
    ties = {n: sum(1 for m in view[n] if view.nodes[m].get("kind") == "partner") for n in view}
    spots = partner_map(view, node_styles(view), values=ties).spots
    biggest = max(spots, key=lambda s: s.value)
    assert max(by_degree, key=by_degree.get) == biggest.label("de")
    assert max(by_count, key=by_count.get) == "Soest (16)"  # most partners
    assert "zusammengezählt für die Partner am Ort" in text(app)
