"""The print page (PNG, SVG, PDF) as a reader sees it: every name of the bundled network shown,
leader lines no one takes for a tie, a legend that says only what the picture shows, and a
footer that wraps instead of cutting the source. Checked on the matplotlib figure the exports
write (:func:`network_app.exports.pictures.picture_page`), in pixels."""

from __future__ import annotations

import itertools
import math
import random

import networkx as nx
import pytest
from conftest import BUNDLED
from matplotlib.collections import LineCollection
from matplotlib.colors import to_hex
from test_picture import canvas, marker_circles, text_boxes

from network_app import (
    build_graph,
    ego_layout,
    legend,
    load_workbook,
    network_view,
    node_styles,
    stable_positions,
)
from network_app.drawing.picture import FADED_EDGE, HUB_EDGE, PARTNER_EDGE, draw_network, label_text
from network_app.exports import ExportMeta, meta_for
from network_app.exports.pictures import picture_page
from network_app.text import say

# --------------------------------------------------------------------------- geometry, in pixels


def leader_collections(axes) -> list[LineCollection]:
    """Leader lines are drawn above the markers (zorder > 5); ties below them."""
    return [c for c in axes.collections if isinstance(c, LineCollection) and c.get_zorder() > 5]


def tie_collections(axes) -> list[LineCollection]:
    return [c for c in axes.collections if isinstance(c, LineCollection)
            and c.get_zorder() <= 5 and len(c.get_segments())]


def distance_to_segment(point, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = point, a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if not length else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def distance_to_box(point, box) -> float:
    dx = max(box[0] - point[0], 0, point[0] - box[2])
    dy = max(box[1] - point[1], 0, point[1] - box[3])
    return math.hypot(dx, dy)


def segment_enters_box(a, b, box, inset: float = 0.5) -> bool:
    """Whether the segment passes through the box's inside (shrunk by ``inset``), sampled every
    quarter pixel: plain and independent of the placer's own geometry."""
    x0, y0, x1, y1 = box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset
    steps = max(int(math.dist(a, b) * 4), 1)
    for i in range(steps + 1):
        x = a[0] + (b[0] - a[0]) * i / steps
        y = a[1] + (b[1] - a[1]) * i / steps
        if x0 < x < x1 and y0 < y < y1:
            return True
    return False


def segments_cross(p, q) -> bool:
    def side(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    return (side(q[0], q[1], p[0]) * side(q[0], q[1], p[1]) < 0
            and side(p[0], p[1], q[0]) * side(p[0], p[1], q[1]) < 0)


def leaders(figure, axes):
    """Every leader line in pixels, with the index of the marker it starts at (on its edge)
    and of the label box it ends at."""
    circles = marker_circles(figure, axes)
    boxes = text_boxes(figure, axes)
    found = []
    for collection in leader_collections(axes):
        for segment in collection.get_segments():
            start, end = (tuple(p) for p in axes.transData.transform(segment))
            own = min(range(len(circles)), key=lambda i: abs(math.dist(start, circles[i][:2])
                                                               - circles[i][2]))
            assert abs(math.dist(start, circles[own][:2]) - circles[own][2]) < 1.0
            label = min(range(len(boxes)), key=lambda i: distance_to_box(end, boxes[i]))
            assert distance_to_box(end, boxes[label]) < 3.0  # ends at its label
            found.append((start, end, own, label))
    return found


def assert_leaders_clear(figure, axes) -> int:
    """No leader passes through another marker, another label or another leader; returns how
    many leaders there are."""
    circles = marker_circles(figure, axes)
    boxes = text_boxes(figure, axes)
    lines = leaders(figure, axes)
    for start, end, own, label in lines:
        for i, (x, y, r) in enumerate(circles):
            if i != own:
                assert distance_to_segment((x, y), start, end) >= r - 0.5, \
                    ("leader through a dot", start, end, (x, y, r))
        for i, box in enumerate(boxes):
            if i != label:
                assert not segment_enters_box(start, end, box), \
                    ("leader through a label", axes.texts[i].get_text(), axes.texts[label]
                     .get_text())
    for p, q in itertools.combinations(lines, 2):
        assert not segments_cross(p[:2], q[:2])
    return len(lines)


def shown_names(axes) -> set[str]:
    return {" ".join(t.get_text().split()) for t in axes.texts}


def page_texts(figure) -> list:
    return [t for t in figure.texts if t.get_text().strip()]


# --------------------------------------------------------------------------- workbooks


@pytest.fixture(scope="module")
def bundled():
    data = load_workbook(BUNDLED)
    graph = build_graph(data)
    return data, graph, ego_layout(graph), node_styles(graph)


def crowded_graph(partners: int = 220, seed: int = 7) -> tuple[nx.Graph, dict]:
    """An own organisation and many partners with long names, packed close together."""
    rng = random.Random(seed)
    graph = nx.Graph()
    graph.add_node("Eigene Organisation", kind="hub", label="Eigene Organisation")
    positions = {"Eigene Organisation": (0.0, 0.0)}
    words = ("Verein", "Stadtwerke", "Hochschule", "Digitalagentur", "Kreisverwaltung",
             "Bürgerstiftung", "Genossenschaft", "Zukunftswerkstatt")
    places = ("Soest", "Lippstadt", "Hamm", "Arnsberg", "Werl", "Bad Sassendorf", "Warstein")
    categories = ("Austausch", "Kooperation", "Netzwerk", "Forschung")
    for i in range(partners):
        name = f"{rng.choice(words)} {rng.choice(places)} {i}"
        graph.add_node(name, kind="partner", label=name, category=rng.choice(categories),
                       categories=[])
        positions[name] = (rng.gauss(0, 260), rng.gauss(0, 170))
        graph.add_edge("Eigene Organisation", name, kind="category", weight=1)
    names = [n for n in graph if n != "Eigene Organisation"]
    for _ in range(partners):
        a, b = rng.sample(names, 2)
        graph.add_edge(a, b, kind="partner", strength=rng.choice((1, 1, 2, 3)), weight=1)
    return graph, positions


def meta(source: str = "Testdaten", lang: str = "de") -> ExportMeta:
    return ExportMeta(title="Partnernetz Test", data_date="2024", source=source, lang=lang)


def page(graph, positions, lang="de", source="Testdaten", paper="A4"):
    styles = node_styles(graph)
    return picture_page(graph, positions, styles, legend(graph, lang), meta(source, lang), paper)


# --------------------------------------------------------------------------- leader lines


def test_leaders_on_the_bundled_print_page_cross_no_dot_and_no_label(bundled):
    data, graph, positions, styles = bundled
    figure = picture_page(graph, positions, styles, legend(graph), meta_for(data))
    axes = figure.axes[0]
    # The bundled network needs a few leaders ("Anbieter berufsvorbereitender Maßnahmen").
    assert assert_leaders_clear(figure, axes) >= 1


def test_leaders_in_a_crowd_cross_no_dot_and_no_label():
    graph, positions = crowded_graph(160)
    figure, axes = canvas(8, 5, dpi=120)
    draw_network(figure, axes, graph, positions, node_styles(graph), label_size=9)
    assert assert_leaders_clear(figure, axes) >= 5


def test_no_label_or_leader_under_the_note_in_the_corner():
    """The deck's pictures carry "Daten unvollständig: …" in the lower right corner: names
    and leader lines keep clear of it."""
    graph = nx.Graph()
    positions = {}
    for i, j in itertools.product(range(8), range(6)):  # dots all over, the corner too
        name = f"Partner {i}-{j}"
        graph.add_node(name, kind="partner", label=name, category="Netzwerk", categories=[])
        positions[name] = (100.0 * i, 120.0 * j)
    figure, axes = canvas(6, 4, dpi=120)
    draw_network(figure, axes, graph, positions, node_styles(graph), label_size=9,
                 note="Daten unvollständig: 12 Probleme")
    (note,) = [t for t in figure.texts if t.get_text().startswith("Daten unvollständig")]
    figure.canvas.draw()  # the frame around the note gets its place when drawn
    frame = note.get_bbox_patch().get_window_extent(figure.canvas.get_renderer()).extents
    labels = text_boxes(figure, axes)
    assert labels
    near = [box for box in labels if box[2] > frame[0] - 60 and box[1] < frame[3] + 60]
    assert near  # the corner is crowded: names were placed around the note
    for box in labels:
        assert not (box[0] < frame[2] and frame[0] < box[2] and box[1] < frame[3]
                    and frame[1] < box[3]), box
    for start, end, *_ in leaders(figure, axes):
        assert not segment_enters_box(start, end, frame)


def test_leaders_look_unlike_ties():
    """Ties are solid grey lines; a leader is dotted, thin, in its label's dot's colour."""
    graph, positions = crowded_graph(160)
    styles = node_styles(graph)
    figure, axes = canvas(8, 5, dpi=120)
    labelled = draw_network(figure, axes, graph, positions, styles, label_size=9)
    ties, drawn_leaders = tie_collections(axes), leader_collections(axes)
    assert ties and drawn_leaders
    for collection in ties:
        assert all(offset == 0 and dashes is None for offset, dashes in
                   collection.get_linestyle())
    tie_colours = {to_hex(c) for collection in ties for c in collection.get_colors()}
    assert tie_colours <= {PARTNER_EDGE.lower(), HUB_EDGE.lower(), FADED_EDGE.lower()}
    node_colours = {styles[n].color.lower() for n in labelled}
    partner_tie = min(w for collection in ties for w in collection.get_linewidths()
                      if to_hex(collection.get_colors()[0]) == PARTNER_EDGE.lower())
    for collection in drawn_leaders:
        assert all(dashes for _, dashes in collection.get_linestyle())  # dotted
        colours = {to_hex(c) for c in collection.get_colors()}
        assert colours <= node_colours and not colours & tie_colours
        assert max(collection.get_linewidths()) <= partner_tie  # no thicker than a tie


# --------------------------------------------------------------------------- legend


def legend_texts(figure) -> list[str]:
    return [t.get_text() for entry in figure.legends for t in entry.get_texts()]


def drawn_tie_widths(axes) -> set[float]:
    return {round(float(w), 3) for c in tie_collections(axes)
            if to_hex(c.get_colors()[0]) == PARTNER_EDGE.lower() for w in c.get_linewidths()}


def test_legend_says_nothing_of_widths_when_all_ties_are_drawn_alike(bundled):
    data, graph, positions, styles = bundled
    figure = picture_page(graph, positions, styles, legend(graph), meta_for(data))
    assert len(drawn_tie_widths(figure.axes[0])) == 1
    texts = legend_texts(figure)
    assert "Zusammenarbeit zwischen Partnern" in texts
    assert not any("dicker" in t for t in texts)


@pytest.mark.parametrize(("lang", "with_widths", "without"), [
    ("de", "Zusammenarbeit zwischen Partnern (dicker = enger)", "Zusammenarbeit zwischen "
     "Partnern"),
    ("en", "Partners working together (thicker = closer)", "Partners working together"),
])
def test_legend_explains_widths_only_when_they_vary(lang, with_widths, without):
    graph = nx.Graph()
    positions = {}
    for i, name in enumerate(("A", "B", "C", "D")):
        graph.add_node(name, kind="partner", label=name, category="Austausch", categories=[])
        positions[name] = (100 * math.cos(i), 100 * math.sin(i))
    graph.add_edge("A", "B", kind="partner", strength=1)
    graph.add_edge("C", "D", kind="partner", strength=1)
    figure = page(graph, positions, lang)
    assert without in legend_texts(figure) and with_widths not in legend_texts(figure)
    assert len(drawn_tie_widths(figure.axes[0])) == 1

    graph.add_edge("B", "C", kind="partner", strength=4)
    figure = page(graph, positions, lang)
    assert with_widths in legend_texts(figure) and without not in legend_texts(figure)
    assert len(drawn_tie_widths(figure.axes[0])) == 2


def test_legend_of_the_activities_view_names_taking_part_not_working_together(bundled):
    data, *_ = bundled
    graph = network_view(data, "bipartite")
    figure = picture_page(graph, stable_positions(data), node_styles(graph), legend(graph),
                          meta_for(data))
    texts = legend_texts(figure)
    assert "Partner nimmt an Aktivität oder Programm teil" in texts
    assert not any("Zusammenarbeit" in t for t in texts)


# --------------------------------------------------------------------------- footer


LONG_SOURCE = (
    "Partnerliste_stadtLABOR_Soest_Stand_2024-05-31_endgueltig_ueberarbeitet_von_der_"
    "Geschaeftsstelle_nach_der_Sitzung_des_Lenkungskreises_v17.xlsx, ergänzt um die "
    "Teilnehmendenlisten der Werkstattgespräche 2023 und 2024, die Förderbescheide der "
    "Programme Smart Cities made in Germany und Digitale Modellregion NRW sowie Angaben der "
    "Partner selbst; Koordinaten aus allgemein bekanntem Wissen ergänzt"
)


def footer_artist(figure):
    (artist,) = [t for t in figure.texts if "Datenstand" in t.get_text()
                 or "Data as of" in t.get_text()]
    return artist


def inside_figure(figure, box, slack: float = 0.5) -> bool:
    width, height = figure.get_figwidth() * figure.dpi, figure.get_figheight() * figure.dpi
    return (-slack <= box[0] and box[2] <= width + slack and -slack <= box[1]
            and box[3] <= height + slack)


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_a_long_source_wraps_onto_more_lines_and_is_never_cut(paper):
    graph, positions = crowded_graph(12)
    figure = page(graph, positions, source=LONG_SOURCE, paper=paper)
    footer = footer_artist(figure)
    text = footer.get_text()
    assert "…" not in text
    assert text.count("\n") >= 1  # wrapped
    assert "".join(LONG_SOURCE.split()) in "".join(text.split())  # every word, in order
    renderer = figure.canvas.get_renderer()
    assert inside_figure(figure, footer.get_window_extent(renderer).extents)


# --------------------------------------------------------------------------- every name


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_every_name_of_the_bundled_network_is_on_the_print_page(bundled, paper):
    data, graph, positions, styles = bundled
    figure = picture_page(graph, positions, styles, legend(graph), meta_for(data), paper)
    names = {" ".join(label_text(styles[n].label).split()) for n in graph}
    assert shown_names(figure.axes[0]) == names
    assert not any("Platz" in t.get_text() for t in figure.texts)  # no "names missing" note


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_crowded_page_says_how_many_names_are_missing(lang):
    graph, positions = crowded_graph(260)
    figure = page(graph, positions, lang)
    missing = graph.number_of_nodes() - len(figure.axes[0].texts)
    assert missing > 0
    note = say("exports.pictures.unlabelled", lang, count=missing)
    assert note in [t.get_text() for t in figure.texts]


# --------------------------------------------------------------------------- page layout


def page_boxes(figure) -> list[tuple[str, tuple[float, ...]]]:
    renderer = figure.canvas.get_renderer()
    boxes = [(t.get_text()[:30], tuple(t.get_window_extent(renderer).extents))
             for t in page_texts(figure)]
    boxes += [(f"legend {i}", tuple(entry.get_window_extent(renderer).extents))
              for i, entry in enumerate(figure.legends)]
    return boxes


@pytest.mark.parametrize("case", ["bundled", "crowded", "long source"])
def test_page_parts_stay_apart_and_on_the_page(bundled, case):
    """Title, reading aid, legend rows, note and footer overlap neither each other nor a name
    in the picture, and all lie on the page."""
    if case == "bundled":
        data, graph, positions, styles = bundled
        figure = picture_page(graph, positions, styles, legend(graph), meta_for(data))
    else:
        graph, positions = crowded_graph(260 if case == "crowded" else 30)
        figure = page(graph, positions, source=LONG_SOURCE if case == "long source" else "T")
    parts = page_boxes(figure)
    assert len(parts) >= 5
    for name, box in parts:
        assert inside_figure(figure, box), name
    for (a, box_a), (b, box_b) in itertools.combinations(parts, 2):
        assert not (box_a[0] < box_b[2] and box_b[0] < box_a[2] and box_a[1] < box_b[3]
                    and box_b[1] < box_a[3]), (a, b)
    for label in text_boxes(figure, figure.axes[0]):
        for name, box in parts:
            assert not (label[0] < box[2] and box[0] < label[2] and label[1] < box[3]
                        and box[1] < label[3]), name
