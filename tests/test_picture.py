"""The one network picture and label placer (print exports and the deck) and the partner places
(the presentation page's map and the deck's map)."""

from __future__ import annotations

import itertools
import math
import random

import networkx as nx
import pytest
from conftest import BUNDLED

from network_app import build_graph, ego_layout, load_workbook, node_styles
from network_app.drawing.labels import Label, place_labels
from network_app.drawing.picture import draw_network
from network_app.drawing.places import (
    Place,
    coordinates_text,
    group_places,
    home_region,
    inside,
    located,
    place_label,
)
from network_app.drawing.styling import NodeStyle


def canvas(width: float = 8.0, height: float = 5.0, dpi: int = 100):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    return figure, axes


def text_boxes(figure, axes):
    """The drawn labels' boxes in pixels (x0, y0, x1, y1)."""
    renderer = figure.canvas.get_renderer()
    return [tuple(t.get_window_extent(renderer).extents) for t in axes.texts]


def marker_circles(figure, axes):
    """Every scatter marker as (x, y, radius) in pixels."""
    from matplotlib.collections import PathCollection

    circles = []
    for collection in axes.collections:
        if not isinstance(collection, PathCollection):
            continue
        centres = axes.transData.transform(collection.get_offsets())
        sizes = list(collection.get_sizes()) * len(centres) if len(collection.get_sizes()) == 1 \
            else list(collection.get_sizes())
        for (x, y), size in zip(centres, sizes, strict=True):
            circles.append((x, y, math.sqrt(size) / 2 * figure.dpi / 72))
    return circles


def leader_lines(axes):
    from matplotlib.collections import LineCollection

    return [segment for c in axes.collections if isinstance(c, LineCollection)
            and c.get_zorder() > 5 for segment in c.get_segments()]


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def circle_hits(circle, box) -> bool:
    x, y, r = circle
    dx = max(box[0] - x, 0, x - box[2])
    dy = max(box[1] - y, 0, y - box[3])
    return math.hypot(dx, dy) < r


def assert_clean(figure, axes, circles):
    """No label overlaps another label or a marker, and every label is inside the picture."""
    boxes = text_boxes(figure, axes)
    frame = axes.bbox
    for box in boxes:
        assert frame.x0 - 0.5 <= box[0] and box[2] <= frame.x1 + 0.5
        assert frame.y0 - 0.5 <= box[1] and box[3] <= frame.y1 + 0.5
    for a, b in itertools.combinations(boxes, 2):
        assert not overlap(a, b), (a, b)
    for box in boxes:
        assert not any(circle_hits(c, box) for c in circles), box


# --------------------------------------------------------------------------- the label placer


def crowd(seed: int = 3, n: int = 120):
    rng = random.Random(seed)
    points = [(rng.uniform(0, 100), rng.uniform(0, 60)) for _ in range(n)]
    labels = [Label(f"Partner Nummer {i}", x, y, radius=4, size=9) for i, (x, y) in
              enumerate(points)]
    return points, labels


def test_labels_in_a_crowd_never_overlap_each_other_or_markers():
    figure, axes = canvas()
    points, labels = crowd()
    axes.set_xlim(-5, 105)
    axes.set_ylim(-5, 65)
    axes.scatter([p[0] for p in points], [p[1] for p in points], s=8 ** 2)
    placed = place_labels(figure, axes, labels, [(x, y, 4) for x, y in points])
    assert placed == sorted(set(placed))
    assert 0 in placed  # the first (most important) label always finds a place here
    assert 10 < len(placed) < len(labels)  # crowded: some are left out, none overlap
    assert len(axes.texts) == len(placed)
    assert_clean(figure, axes, marker_circles(figure, axes))


def blocked_point():
    """A marker in a ring of small dots: no room for its label inside the ring, room outside,
    and gaps between the dots for a leader line."""
    ring = [(50 + 4 * math.cos(a), 30 + 4 * math.sin(a)) for a in
            (i * math.pi / 10 for i in range(20))]
    markers = [(50.0, 30.0, 4.0)] + [(x, y, 1.0) for x, y in ring]
    return markers, [Label("Mitte", 50.0, 30.0, radius=4, size=9)]


@pytest.mark.parametrize("leaders", [True, False])
def test_a_label_without_room_goes_further_out_with_a_leader_line(leaders):
    figure, axes = canvas()
    axes.set_xlim(0, 100)
    axes.set_ylim(0, 60)
    markers, labels = blocked_point()
    placed = place_labels(figure, axes, labels, markers, leaders=leaders)
    if not leaders:
        assert placed == [] and len(axes.texts) == 0
        return
    assert placed == [0]
    (start, end), = leader_lines(axes)
    # The leader starts at the marker's edge and ends at the label's box.
    centre = axes.transData.transform((50, 30))
    start_px, end_px = axes.transData.transform([start, end])
    radius_px = 4 * figure.dpi / 72
    assert math.dist(start_px, centre) == pytest.approx(radius_px, rel=1e-3)
    box = text_boxes(figure, axes)[0]
    assert box[0] - 3 <= end_px[0] <= box[2] + 3 and box[1] - 3 <= end_px[1] <= box[3] + 3
    assert_clean(figure, axes, [(*axes.transData.transform((x, y)), r * figure.dpi / 72)
                                for x, y, r in markers])


def test_a_label_sits_on_the_side_it_prefers_when_free():
    figure, axes = canvas()
    axes.set_xlim(0, 100)
    axes.set_ylim(0, 60)
    labels = [Label("rechts", 50, 30, radius=4, toward=(1, 0)),
              Label("links", 20, 30, radius=4, toward=(-1, 0)),
              Label("oben", 80, 30, radius=4, toward=(0, 1))]
    place_labels(figure, axes, labels, [(50, 30, 4), (20, 30, 4), (80, 30, 4)])
    boxes = dict(zip((t.get_text() for t in axes.texts), text_boxes(figure, axes),
                     strict=True))
    x50, y30 = axes.transData.transform((50, 30))
    x20, _ = axes.transData.transform((20, 30))
    _, y80 = axes.transData.transform((80, 30))
    assert boxes["rechts"][0] > x50 and boxes["rechts"][1] < y30 < boxes["rechts"][3]
    assert boxes["links"][2] < x20
    assert boxes["oben"][1] > y80


# --------------------------------------------------------------------------- the network picture


@pytest.fixture(scope="module")
def bundled():
    data = load_workbook(BUNDLED)
    graph = build_graph(data)
    return graph, ego_layout(graph), node_styles(graph)


def test_print_picture_of_the_bundled_network_is_labelled_and_clean(bundled):
    graph, positions, styles = bundled
    figure, axes = canvas(11.69, 8.27 * 0.745, dpi=150)
    labelled = draw_network(figure, axes, graph, positions, styles, label_size=9)
    assert len(labelled) >= 0.95 * graph.number_of_nodes()
    assert labelled[0] == "stadtLABOR Soest"  # the own organisation first
    assert {t.get_text().replace("\n", " ").replace(" …", "") for t in axes.texts} <= {
        styles[n].label for n in labelled} | {
        " ".join(styles[n].label.split()) for n in labelled}
    assert_clean(figure, axes, marker_circles(figure, axes))


def test_picture_draws_the_sizes_it_is_handed():
    """No centrality is computed: the node the styles draw largest is labelled first, even
    when it has no tie at all."""
    graph = nx.Graph()
    rng = random.Random(5)
    positions = {}
    for i in range(60):
        graph.add_node(f"P{i}", kind="partner")
        positions[f"P{i}"] = (rng.uniform(-80, 80), rng.uniform(-50, 50))
    graph.add_edges_from((f"P{i}", f"P{i + 1}") for i in range(1, 59))
    styles = {n: NodeStyle("#0072B2", 12.0, f"Ein recht langer Name {n}") for n in graph}
    styles["P0"] = NodeStyle("#0072B2", 40.0, "Der Größte")
    figure, axes = canvas(4, 3)
    labelled = draw_network(figure, axes, graph, positions, styles, label_size=9)
    assert labelled[0] == "P0"
    assert len(labelled) < graph.number_of_nodes()  # crowded
    assert_clean(figure, axes, marker_circles(figure, axes))


def test_highlight_fades_the_others_and_labels_only_the_highlighted(bundled):
    graph, positions, styles = bundled
    research = {n for n, a in graph.nodes(data=True) if "Forschung" in (a.get("categories")
                                                                         or [])}
    figure, axes = canvas(6, 5)
    labelled = draw_network(figure, axes, graph, positions, styles, label_size=11,
                            highlight=research)
    assert set(labelled) <= research | {"stadtLABOR Soest"}
    assert len(set(labelled) & research) >= len(research) - 2
    assert_clean(figure, axes, marker_circles(figure, axes))


def test_empty_and_positionless_graphs_draw_nothing():
    graph = nx.Graph()
    graph.add_node("A", kind="partner")
    figure, axes = canvas()
    assert draw_network(figure, axes, graph, {}, {}) == []
    assert draw_network(figure, axes, nx.Graph(), {}, {}) == []


# --------------------------------------------------------------------------- places


def test_places_of_the_bundled_partners():
    data = load_workbook(BUNDLED)
    records = data.records("partners")
    with_coordinates = located(records)
    assert 0 < len(with_coordinates) < len(records)
    places = group_places(records)
    assert sum(p.count for p in places) == len(with_coordinates)
    assert (places[0].name, places[0].count) == ("Soest", 16)
    assert [p.count for p in places] == sorted((p.count for p in places), reverse=True)
    region = home_region(places, aspect=1.6)
    assert region is not None and region.home == places[0]
    names = {p.name for p in region.places}
    assert {"Soest", "Lippstadt", "Arnsberg"} <= names
    assert not names & {"Salzburg", "Berlin", "Ulm"}
    assert region.partners == sum(p.count for p in places if inside(p, region.box))


def test_places_group_nearby_partners_and_skip_unusable_coordinates():
    records = [
        {"place": "Soest", "lat": 51.5712, "lon": 8.1061},
        {"place": " Soest ", "lat": 51.5738, "lon": 8.1089},  # same place, about 300 m away
        {"place": "Bad Sassendorf", "lat": 51.5749, "lon": 8.1102},  # rounds to Soest too
        {"place": "Nirgendwo", "lat": 95.0, "lon": 8.0},  # not on the globe
        {"place": "Text", "lat": "51,5", "lon": 8.0},  # not a number
        {"place": None, "lat": 48.137, "lon": 11.576},
    ]
    places = group_places(records)
    assert [(p.name, p.count) for p in places] == [("Soest", 3), ("", 1)]
    assert place_label(places[0], "de") == "Soest (3)"
    assert place_label(places[1], "de") == "48,14° N, 11,58° O"
    assert place_label(places[1], "en") == "48.14° N, 11.58° E"


def test_no_home_region_when_everything_is_near_home_or_too_few_places():
    home = Place("Soest", 51.57, 8.11, 10)
    near = [Place(f"Ort {i}", 51.5 + i / 20, 8.2, 1) for i in range(4)]
    assert home_region([home, *near]) is None  # the whole map is the region
    assert home_region([home, Place("Köln", 50.94, 6.96, 2)]) is None  # too few places
    assert home_region([]) is None
    far = Place("Salzburg", 47.80, 13.04, 2)
    region = home_region([home, *near, far])
    assert region is not None and far not in region.places


@pytest.mark.parametrize(("lat", "lon", "lang", "text"), [
    (51.5712, 8.1061, "de", "51,57° N, 8,11° O"),
    (-33.45, -70.67, "de", "33,45° S, 70,67° W"),
    (-33.45, -70.67, "en", "33.45° S, 70.67° W"),
])
def test_coordinates_as_readers_write_them(lat, lon, lang, text):
    assert coordinates_text(lat, lon, lang) == text
