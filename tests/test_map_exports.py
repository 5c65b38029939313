"""The network on a map (#14): spots, ties between places, the map picture read back (PNG by
Pillow, SVG by an XML parser, PDF by poppler) and ``network-app export --picture``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from conftest import BUNDLED, require_tool
from defusedxml import ElementTree
from PIL import Image, ImageStat

from network_app import build_graph, legend, load_workbook, network_view, node_styles
from network_app.drawing.netmap import (
    MAX_RADIUS,
    MIN_RADIUS,
    map_backdrop,
    map_graph,
    map_views,
    partner_map,
    project,
)
from network_app.drawing.styling import CATEGORY_COLORS, NodeStyle
from network_app.exports import PICTURES, export, meta_for
from network_app.exports.maps import write_map


@pytest.fixture(scope="module")
def lab():
    data = load_workbook(BUNDLED)
    return data, build_graph(data)


def _graph() -> nx.Graph:
    graph = nx.Graph()
    graph.add_node("Hub", kind="hub")
    for name, place, lat, lon in [("A", "Soest", 51.571, 8.106), ("B", "Soest", 51.572, 8.11),
                                  ("C", "Soest", 51.57, 8.105), ("D", "Berlin", 52.52, 13.4),
                                  ("E", None, None, None)]:
        graph.add_node(name, kind="partner", place=place, lat=lat, lon=lon, label=name)
        graph.add_edge("Hub", name, kind="category")
    graph.add_edges_from([("A", "D"), ("B", "D"), ("A", "B"), ("D", "E")], kind="partner")
    return graph


def test_spots_group_partners_colour_slices_and_ties():
    graph = _graph()
    colours = {"A": "#111111", "B": "#222222", "C": "#111111", "D": "#333333", "E": "#444444",
               "Hub": "#000000"}
    styles = {n: NodeStyle(c, 10.0, n) for n, c in colours.items()}
    found = partner_map(graph, styles, values={"A": 1, "B": 2, "C": 0, "D": 5, "E": 1})
    soest = next(s for s in found.spots if not s.alone)
    assert soest.members == ("A", "B", "C") and soest.label("de") == "Soest (3)"
    # the colours as slices, the most partners first
    assert soest.slices == (("#111111", 2), ("#222222", 1))
    assert soest.value == 3 and found.spots[0].key == "D"  # D's 5 is the biggest value
    # the hub's ties are not ties between places; A–B inside Soest is counted, not drawn
    assert [(t.count, t.pairs) for t in found.ties] == [(2, (("A", "D"), ("B", "D")))]
    assert found.inner_ties == 1 and found.missing == ("E",)
    shown, positions, looks = map_graph(found, graph, "de")
    assert set(shown) == {soest.key, "D"} and shown.number_of_edges() == 1
    assert "A, B und C" in shown.nodes[soest.key]["tooltip"]
    assert looks["D"].size == MAX_RADIUS and MIN_RADIUS <= looks[soest.key].size < MAX_RADIUS
    assert positions["D"] == project(52.52, 13.4)


def test_views_start_at_home_region_and_offer_germany(lab):
    data, graph = lab
    view = network_view(data, "partners")
    found = partner_map(view, node_styles(view))
    views = map_views(found, "de")
    assert [v["key"] for v in views] == ["region", "germany"]
    assert views[0]["label"] == "Region Soest"
    x0, y0, x1, y1 = views[0]["box"]
    soest = project(51.57, 8.11)
    assert x0 < soest[0] < x1 and y0 < soest[1] < y1
    backdrop = map_backdrop("NW")
    assert backdrop["countries"][0]["code"] == "DEU" and len(backdrop["states"]) == 16
    assert [s["code"] for s in backdrop["states"] if s["home"]] == ["NW"]


def _dark_share(path: Path) -> float:
    with Image.open(path) as image:
        grey = image.convert("L")
        return sum(grey.histogram()[:200]) / (grey.width * grey.height)


def test_map_picture_read_back(lab, tmp_path):
    data, graph = lab
    styles = node_styles(graph)
    meta = meta_for(data, lang="de")
    png = write_map(tmp_path / "karte.png", graph, styles, legend(graph, "de"), meta, fmt="png")
    with Image.open(png) as image:
        assert image.size == (3508, 2481)
        # category colours are on the page (the pies and dots)
        colours = {f"#{r:02X}{g:02X}{b:02X}" for _, (r, g, b) in
                   image.convert("RGB").getcolors(maxcolors=1 << 20)}
        assert {CATEGORY_COLORS["Austausch"], CATEGORY_COLORS["Kooperation"]} <= colours
        assert ImageStat.Stat(image.convert("L")).stddev[0] > 20
    assert 0.02 < _dark_share(png) < 0.6  # outlines, dots and text, not blank, not black

    svg = write_map(tmp_path / "karte.svg", graph, styles, legend(graph, "de"), meta, fmt="svg")
    tree = ElementTree.parse(svg)
    ids = {element.get("id") for element in tree.iter()}
    assert any(i and i.startswith("outline-DEU") for i in ids)
    assert any(i and i.startswith("state-NW") for i in ids)
    assert "map-tie" in {i.rsplit("_", 1)[0] for i in ids if i}
    text = " ".join(" ".join(t.itertext()) for t in tree.iter() if t.tag.endswith("}text"))
    assert "Partnernetz stadtLABOR Soest" in text
    # the places are named (the names have a white halo, so they are drawn as outlines)
    assert sum(1 for e in tree.iter() if e.get("id") == "place-label") >= 10
    assert "Ohne Ort" in text  # the partners without coordinates are said

    pdf = write_map(tmp_path / "karte.pdf", graph, styles, legend(graph, "en"),
                    meta_for(data, lang="en"), fmt="pdf")
    pdftotext = require_tool("pdftotext")
    words = subprocess.run([pdftotext, str(pdf), "-"], check=True, capture_output=True,
                           text=True, timeout=60).stdout
    assert "Partnernetz stadtLABOR Soest" in words and "Where the partners are" in words


def test_export_picture_kinds(lab, tmp_path):
    data, _ = lab
    assert list(PICTURES)[:2] == ["network", "map"]
    [written] = export("png", tmp_path / "map.png", data, picture="map")
    assert written.stat().st_size > 50_000
    with pytest.raises(ValueError):
        export("html", tmp_path / "map.html", data, picture="map")
    with pytest.raises(ValueError):
        export("png", tmp_path / "x.png", data, picture="nowhere")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "network_app", *args], capture_output=True,
                          text=True, timeout=120)


def test_cli_picture_option(tmp_path):
    out = tmp_path / "karte.pdf"
    done = run("export", str(BUNDLED), "-f", "pdf", "--picture", "map", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000
    wrong = run("export", str(BUNDLED), "-f", "html", "--picture", "map", "-o",
                str(tmp_path / "x.html"))
    assert wrong.returncode == 2 and "--picture map" in wrong.stderr
    assert not (tmp_path / "x.html").exists()
    unknown = run("export", str(BUNDLED), "-f", "png", "--picture", "welt", "-o",
                  str(tmp_path / "x.png"))
    assert unknown.returncode == 2 and "welt" in unknown.stderr
    helped = run("export", "--help")
    assert "die Partner auf der Karte" in helped.stdout


def test_places_without_room_for_their_name_are_said(tmp_path):
    """48 places close together: the maps cannot name them all; a line above the footer names
    every place they left unnamed, and no place goes unsaid."""
    from network_app.exports import ExportMeta
    from network_app.exports.maps import map_page

    graph = nx.Graph()
    for i in range(48):
        name = f"Gemeinde mit langem Namen {i}"
        graph.add_node(f"P{i}", kind="partner", place=name, lat=51.2 + (i // 8) * 0.12,
                       lon=7.6 + (i % 8) * 0.15, label=f"P{i}")
    graph.add_node("Fern", kind="partner", place="Berlin", lat=52.52, lon=13.4, label="Fern")
    styles = {n: NodeStyle(CATEGORY_COLORS["Austausch"], 10.0, n) for n in graph}
    figure = map_page(graph, styles, [("Austausch", CATEGORY_COLORS["Austausch"])],
                      ExportMeta(title="Viele Orte", lang="de"))
    lines = [t.get_text().replace("\n", " ") for t in figure.texts]
    [line] = [t for t in lines if "ohne Namen auf der Karte" in t]
    named = {t.get_text() for axes in figure.axes for t in axes.texts
             if t.get_gid() == "place-label"}
    said = int(line.split()[0])
    assert said > 0 and len(named) + said == 49


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_map_without_any_place_says_so_and_has_no_dot_legend(tmp_path, lang):
    """No partner has a place: the reading line says so and what to do (Ort, or Breite and
    Länge), not "0 Partner an 0 Orten"; no legend explains dots that are not there."""
    graph = nx.Graph()
    graph.add_node("Hub", kind="hub")
    for name in ("A", "B"):
        graph.add_node(name, kind="partner", place=None, lat=None, lon=None, label=name,
                       category="Austausch")
        graph.add_edge("Hub", name, kind="category")
    graph.add_edge("A", "B", kind="partner")
    styles = node_styles(graph)
    meta = meta_for(load_workbook(BUNDLED), lang=lang)
    svg = write_map(tmp_path / "leer.svg", graph, styles, legend(graph, lang), meta, fmt="svg")
    tree = ElementTree.parse(svg)
    text = " ".join(" ".join(t.itertext()) for t in tree.iter() if t.tag.endswith("}text"))
    if lang == "de":
        assert "Kein Partner hat einen Ort" in text
        assert "»Ort«" in text and "»Breite« und" in text
        assert "Punktgröße" not in text and "0 Partner" not in text and "0 Orten" not in text
    else:
        assert "No partner has a place" in text and "“Ort”" in text
        assert "Dot size" not in text and "0 partners" not in text
    # the partners without a place are still named, and nothing of the category legend
    assert "A" in text and "Austausch" not in text
