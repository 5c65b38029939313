"""The reach view (Reichweite): ring assignment, layout, drawing, exports and the deck slide."""

from __future__ import annotations

import io
import itertools
import math
import subprocess
import sys
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from conftest import BUNDLED, require_tool, write_xlsx
from PIL import Image
from pptx import Presentation

from network_app import build_graph, load_workbook
from network_app.drawing import reach
from network_app.drawing.reach import (
    RINGS,
    Home,
    ReachLook,
    ReachPartner,
    RingChoice,
    assign_ring,
    band_edges,
    draw_reach,
    find_home,
    reach_layout,
    reach_partners,
    reach_svg,
)
from network_app.exports import meta_for
from network_app.exports.pptx import write_deck
from network_app.exports.reach import write_reach

SOEST = Home("Soest", 51.571, 8.106, "NW")
PLACES = {  # (lat, lon) of real places
    "Soest": (51.571, 8.106),
    "Lippstadt": (51.674, 8.344),
    "Köln": (50.938, 6.960),
    "Berlin": (52.520, 13.405),
    "Salzburg": (47.800, 13.040),
    "Arnsberg": (51.396, 8.064),
    "Wien": (48.208, 16.373),
    "Bielefeld": (52.021, 8.532),
    "München": (48.137, 11.575),
}


@pytest.fixture(scope="module")
def bundled():
    data = load_workbook(BUNDLED)
    return data, build_graph(data)


# --- which ring -----------------------------------------------------------------------------
@pytest.mark.parametrize(("place", "ring"), [
    ("Soest", "lokal"), ("Lippstadt", "regional"), ("Arnsberg", "regional"),
    ("Köln", "land"), ("Bielefeld", "land"), ("Berlin", "national"), ("München", "national"),
    ("Salzburg", "international"), ("Wien", "international"),
])
def test_coordinates_give_the_ring(place, ring):
    lat, lon = PLACES[place]
    choice = assign_ring(None, lat, lon, SOEST, place=place)
    assert (choice.ring, choice.source, choice.disagrees) == (ring, "coordinates", False)


@pytest.mark.parametrize(("column", "place", "ring", "disagrees"), [
    ("international", "Soest", "international", True),  # the column wins
    ("lokal", "Berlin", "lokal", True),
    ("national", "Köln", "national", True),
    ("regional", "Salzburg", "regional", True),
    ("regional", "Lippstadt", "regional", False),
    ("regional", "Köln", "land", False),  # "regional" covers the Land: coordinates tell which
    ("regional", "Soest", "regional", True),
    ("national", "Berlin", "national", False),
    ("lokal", None, "lokal", False),  # no coordinates: the column alone
    ("Regional ", None, "regional", False),
])
def test_the_column_wins(column, place, ring, disagrees):
    lat, lon = PLACES[place] if place else (None, None)
    choice = assign_ring(column, lat, lon, SOEST, place=place)
    assert (choice.ring, choice.source, choice.disagrees) == (ring, "column", disagrees)


def test_neither_column_nor_coordinates_is_not_stated():
    assert assign_ring(None, None, None, SOEST) == RingChoice(None, None)
    assert assign_ring("weltweit", float("nan"), 8.0, SOEST).ring is None
    # coordinates without a home (nobody located) say nothing either
    assert assign_ring(None, 51.0, 8.0, None).ring is None


def test_same_district_is_regional_beyond_the_distance():
    home = Home("Soest", 51.571, 8.106, "NW", "Kreis Soest")
    far = (51.18, 7.4)  # about 65 km away
    assert reach.coordinate_ring(*far, home) == "land"
    assert reach.coordinate_ring(*far, home, district="Kreis Soest") == "regional"


def test_bundled_home_is_soest_and_every_partner_is_counted(bundled):
    data, graph = bundled
    home = find_home(graph)
    assert (home.name, home.state) == ("Soest", "NW")
    partners = reach_partners(graph, home)
    assert len(partners) == len(data.partners)
    by_name = {p.name: p for p in partners}
    assert by_name["CityLAB Berlin"].ring == "national"
    assert by_name["Öcher Lab"].ring == "land"  # "regional" in the column, in Aachen
    assert by_name["Fablab Hamm"].ring == "regional"
    assert by_name["Universität Salzburg"].ring == "international"
    # "Kreis Soest" is marked regional and sits in Soest: the column wins, noted
    assert by_name["Kreis Soest"].ring == "regional" and by_name["Kreis Soest"].disagrees
    without = [p for p in partners if p.ring is None]
    assert without and all(p.column is None and p.choice.by_coordinates is None
                           for p in without)


def test_the_hubs_own_coordinates_are_the_home():
    graph = nx.Graph()
    graph.add_node("Lab", kind="hub", label="Lab", place="Berlin", lat=52.52, lon=13.405)
    graph.add_node("A", kind="partner", label="A", lat=51.571, lon=8.106, place="Soest")
    graph.add_node("B", kind="partner", label="B", lat=51.571, lon=8.106, place="Soest")
    graph.add_node("C", kind="partner", label="C", lat=52.40, lon=13.06, place="Potsdam")
    home = find_home(graph)
    assert (home.name, home.state) == ("Berlin", "BE")
    rings = {p.node: p.ring for p in reach_partners(graph, home)}
    assert rings == {"A": "national", "B": "national", "C": "regional"}


# --- layout -----------------------------------------------------------------------------------
def _partner(name, category, ring):
    return ReachPartner(name, name, category, "", None, RingChoice(ring, "column"))


def _check_layout(layout):
    for partner in layout.partners:
        x, y = layout.positions[partner.node]
        assert math.hypot(x, y) == pytest.approx(layout.radii[partner.ring])
        a0, a1 = layout.sectors[partner.category]
        angle = math.atan2(y, x)
        # the angle in the sector's range, counting whole turns
        turns = [angle + k * 2 * math.pi for k in (-1, 0, 1, 2)]
        assert any(a0 < a < a1 for a in turns), (partner.name, angle, a0, a1)
    # no dot in the gap the ring names' leader lines run through
    low, high = layout.gap
    for node in layout.positions:
        angle = math.atan2(layout.positions[node][1], layout.positions[node][0])
        assert not low <= angle <= high
    # the sectors share the circle outside the gap, in order, without overlapping
    spans = list(layout.sectors.values())
    assert spans[0][0] == pytest.approx(layout.gap[1])
    assert spans[-1][1] == pytest.approx(layout.gap[0] + 2 * math.pi)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end == pytest.approx(start)
    # rings from the inside out, dots on a ring apart
    radii = [layout.radii[r] for r in RINGS]
    assert radii == sorted(radii) and len(set(radii)) == len(radii)
    for ring in RINGS:
        on = [layout.positions[p.node] for p in layout.partners if p.ring == ring]
        for a, b in itertools.combinations(on, 2):
            assert math.dist(a, b) >= reach.DOT_SPACING * 0.99


def test_layout_puts_each_partner_on_its_ring_in_its_sector(bundled):
    _, graph = bundled
    layout = reach_layout(reach_partners(graph))
    _check_layout(layout)
    assert list(layout.sectors) == ["Austausch", "Kooperation", "Netzwerk", "Forschung"]
    assert sum(layout.counts.values()) == len(layout.partners)


def test_layout_grows_rings_for_crowded_sectors_and_keeps_small_sectors():
    crowd = [_partner(f"K{i}", "Kooperation", "lokal") for i in range(30)]
    few = [_partner("F", "Forschung", "international"), _partner("N", "", "national")]
    layout = reach_layout([*crowd, *few, _partner("X", "Austausch", None)])
    _check_layout(layout)
    assert [p.node for p in layout.without] == ["X"]
    assert list(layout.sectors) == ["Kooperation", "Forschung", ""]  # no category last
    small = layout.sectors["Forschung"]
    assert small[1] - small[0] >= reach.MIN_SECTOR * 2 * math.pi * 0.8
    assert layout.radii["lokal"] > reach.FIRST_RADIUS  # grown for 30 dots


# --- drawing ----------------------------------------------------------------------------------
def _overlap(a, b):
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def _draw(graph, width=9.0, height=5.6, look=None, lang="de"):
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    home = find_home(graph)
    layout = reach_layout(reach_partners(graph, home))
    with matplotlib.rc_context({"text.parse_math": False}):
        figure = Figure(figsize=(width, height), dpi=100)
        FigureCanvasAgg(figure)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_axis_off()
        drawn = draw_reach(figure, axes, layout, home, lang, look=look or ReachLook(),
                           centre_name="Lab")
    return figure, axes, layout, drawn


@pytest.mark.parametrize(("size", "named"), [((9.0, 5.6), 19), ((13.3, 7.5), 19),
                                             ((6.0, 6.0), 10)])
def test_drawn_texts_overlap_nothing_and_stay_in_the_picture(bundled, size, named):
    _, graph = bundled
    figure, axes, layout, drawn = _draw(graph, *size)
    texts = [(kind, box) for kind, box in drawn.boxes if kind != "leader"]
    kinds = {kind for kind, _ in texts}
    assert {"ring", "category", "home", "partner"} <= kinds
    for (k1, b1), (k2, b2) in itertools.combinations(texts, 2):
        assert not _overlap(b1, b2), (k1, b1, k2, b2)
    width, height = figure.get_figwidth() * 100, figure.get_figheight() * 100
    for kind, box in texts:
        assert box[0] >= -1 and box[1] >= -1 and box[2] <= width + 1 and box[3] <= height + 1, \
            (kind, box)
    # no partner's name covers a dot
    dots = axes.transData.transform([layout.positions[p.node] for p in layout.partners])
    for kind, box in texts:
        if kind == "partner":
            for x, y in dots:
                assert not (box[0] + 1 < x < box[2] - 1 and box[1] + 1 < y < box[3] - 1)
    assert len(drawn.labelled) + len(drawn.unnamed) == len(layout.partners)
    assert len(drawn.labelled) >= named  # a small square picture has room for fewer


def test_ring_names_carry_the_counts(bundled):
    _, graph = bundled
    figure, axes, layout, drawn = _draw(graph)
    shown = {t.get_text() for t in axes.texts}
    for ring in RINGS:
        name = reach.ring_name(ring, find_home(graph), "de")
        assert f"{name}: {layout.counts[ring]} Partner" in shown
    assert "Soest: 15 Partner" in shown and "NRW: 10 Partner" in shown
    assert "Südwestfalen: 16 Partner" in shown
    assert "Austausch (23)" in shown
    # every ring's band is drawn, the rings in order
    edges = band_edges(layout)
    assert edges == sorted(edges)
    _, axes_en, _, _ = _draw(graph, lang="en")
    assert "Germany: 14 partners" in {t.get_text() for t in axes_en.texts}


def test_workbook_text_is_text_in_the_svg():
    graph = nx.Graph()
    graph.add_node("Lab", kind="hub", label="Lab")
    graph.add_node("<b>x</b> $a^2$", kind="partner", label="<b>x</b> $a^2$",
                   category="Austausch", reach="lokal")
    layout = reach_layout(reach_partners(graph))
    svg, drawn = reach_svg(layout, find_home(graph), 900, 560, centre_name="Lab")
    root = ET.fromstring(svg)
    text = "".join(root.itertext())
    assert "<b>x</b> $a^2$" in text and "<b>" not in svg
    assert drawn.labelled == ("<b>x</b> $a^2$",)


# --- exports ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def exported(tmp_path_factory, bundled):
    data, graph = bundled
    folder = tmp_path_factory.mktemp("reach")
    meta = meta_for(data, lang="de")
    return {fmt: write_reach(folder / f"reach.{fmt}", graph, meta, fmt=fmt)
            for fmt in ("png", "svg", "pdf")}


def test_png_export_is_a_full_page_with_a_picture(exported):
    with Image.open(exported["png"]) as image:
        assert image.size == (3508, 2481)
        grey = image.convert("L")
        histogram = grey.histogram()
        dark = sum(histogram[:128])
        assert dark > 20_000  # text, rings and dots, not a blank page
        colours = image.convert("RGB").resize((350, 248)).getcolors(100_000)
        assert any(c[1] == (0, 114, 178) or _near(c[1], (0, 114, 178)) for c in colours)


def _near(a, b, tolerance=12):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def test_svg_export_parses_and_keeps_text(exported):
    root = ET.parse(exported["svg"]).getroot()
    text = " ".join(root.itertext())
    for expected in ("Reichweite", "Soest: 15 Partner", "Deutschland: 14 Partner",
                     "International: 2 Partner", "Austausch (23)", "stadtLABOR"):
        assert expected in text


def test_pdf_export_text(exported):
    pdftotext = require_tool("pdftotext")
    text = subprocess.run([pdftotext, "-layout", str(exported["pdf"]), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    flat = " ".join(text.split())
    assert "Partnernetz stadtLABOR Soest: Reichweite" in flat
    assert "NRW: 10 Partner" in flat
    assert "Ohne Reichweite und ohne Ort (nicht im Bild): 7 Partner" in flat
    assert "Datenstand" in flat


def test_export_of_a_network_without_any_reach(tmp_path):
    data = load_workbook(write_xlsx(tmp_path / "plain.xlsx", {
        "Partner": [["Name", "Kategorie"], ["A", "Austausch"], ["B", "Netzwerk"]]}))
    path = write_reach(tmp_path / "empty.svg", build_graph(data), meta_for(data), fmt="svg")
    text = " ".join(ET.parse(path).getroot().itertext())
    assert "Kein Partner hat eine Reichweite oder einen Ort." in text


# --- deck -------------------------------------------------------------------------------------
def test_deck_has_the_reach_slide(tmp_path, bundled):
    data, _ = bundled
    path = write_deck(tmp_path / "deck.pptx", data, lang="de")
    prs = Presentation(path)
    [slide] = [s for s in prs.slides if s.shapes.title.text == "Wie weit unser Netz reicht"]
    [picture] = [s for s in slide.shapes if s.shape_type == 13]
    assert "Reichweite: 57 Partner" in picture._element.nvPicPr.cNvPr.get("descr")
    with Image.open(io.BytesIO(picture.image.blob)) as image:
        assert image.convert("L").getextrema()[0] < 60  # something dark drawn
    caption = " ".join(s.text_frame.text for s in slide.shapes
                       if s.has_text_frame and s != slide.shapes.title)
    assert "7 Partner ohne Angabe sind nicht im Bild" in caption
    notes = slide.notes_slide.notes_text_frame.text
    assert "Agile Kultur" in notes


def test_deck_without_reach_or_places_has_no_reach_slide(tmp_path):
    data = load_workbook(write_xlsx(tmp_path / "plain.xlsx", {
        "Partner": [["Name", "Kategorie"], ["A", "Austausch"], ["B", "Netzwerk"]]}))
    path = write_deck(tmp_path / "deck.pptx", data, lang="en")
    assert not any("reaches" in s.shapes.title.text for s in Presentation(path).slides)


# --- CLI --------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_cli_exports_the_reach_picture(tmp_path, fmt):
    out = tmp_path / f"reichweite.{fmt}"
    done = subprocess.run([sys.executable, "-m", "network_app", "export", str(BUNDLED), "-f", fmt,
                           "--picture", "reach", "-o", str(out), "--lang", "en"],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    if fmt == "png":
        with Image.open(out) as image:
            assert image.convert("L").getextrema()[0] < 60
    elif fmt == "svg":
        text = " ".join(ET.parse(out).getroot().itertext())
        assert "Germany: 14 partners" in text and "reach" in text
    else:
        pdftotext = require_tool("pdftotext")
        text = subprocess.run([pdftotext, str(out), "-"], check=True, capture_output=True,
                              text=True, timeout=60).stdout
        assert "NRW: 10 partners" in " ".join(text.split())


def test_the_kreis_from_the_gazetteer_makes_suedwestfalen_regional(bundled):
    """Olpe and Bad Berleburg lie beyond 50 km but in Südwestfalen, as Soest: the regional
    ring, named after the region; Köln stays in NRW."""
    _, graph = bundled
    home = find_home(graph)
    assert (home.district, home.region) == ("Kreis Soest", "Südwestfalen")
    assert reach.ring_name("regional", home) == "Südwestfalen"
    rings = {p.name: p.ring for p in reach_partners(graph, home)}
    assert rings["Stadt Olpe"] == rings["Stadt Bad Berleburg"] == "regional"
    assert rings["Öcher Lab"] == "land"
    assert reach.region_of("Olpe") == reach.region_of("Kreis Olpe") == "Südwestfalen"
    assert reach.region_of("Köln") is None
