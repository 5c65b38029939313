"""The partner map (network_app.drawing.places): country outlines shipped with the package, every
grouped place drawn, names that overlap nothing, the same drawing for the deck and the screen."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from matplotlib.path import Path

from network_app.drawing.places import (
    GERMANY_BOX,
    MapLook,
    Place,
    group_places,
    home_region,
    map_extent,
    map_svg,
    outlines,
    place_label,
    place_radius,
    state_of,
    states,
)

SVG = "{http://www.w3.org/2000/svg}"

# Places a lab in Soest might have: a crowded home region and a few far places.
HOME = [Place("Soest", 51.57, 8.11, 16), Place("Lippstadt", 51.67, 8.34, 1),
        Place("Hamm", 51.68, 7.82, 1), Place("Arnsberg", 51.4, 8.06, 2),
        Place("Dortmund", 51.51, 7.47, 2), Place("Bochum", 51.48, 7.22, 2),
        Place("Castrop-Rauxel", 51.55, 7.31, 1), Place("Unna", 51.54, 7.69, 1),
        Place("Werl", 51.55, 7.91, 1), Place("Paderborn", 51.72, 8.75, 1)]
FAR = [Place("Berlin", 52.52, 13.4, 2), Place("München", 48.14, 11.58, 1),
       Place("Salzburg", 47.8, 13.04, 2), Place("Aachen", 50.78, 6.08, 1)]


def _inside(ring, lon, lat) -> bool:
    return bool(Path(ring).contains_point((lon, lat)))


def test_outlines_are_germany_and_its_neighbours_with_real_borders():
    shapes = outlines()
    assert {"DEU", "NLD", "BEL", "LUX", "FRA", "CHE", "AUT", "CZE", "POL", "DNK"} <= set(shapes)
    germany = max(shapes["DEU"], key=len)
    assert len(germany) > 200  # a border, not a sketch
    for lon, lat in [(8.11, 51.57), (13.4, 52.52), (11.58, 48.14), (6.08, 50.78)]:
        assert _inside(germany, lon, lat)  # Soest, Berlin, München, Aachen
    for lon, lat in [(13.04, 47.8), (5.69, 50.85), (4.35, 50.85)]:
        assert not _inside(germany, lon, lat)  # Salzburg, Maastricht, Brüssel
    assert _inside(max(shapes["AUT"], key=len), 13.04, 47.8)
    assert _inside(max(shapes["NLD"], key=len), 5.69, 50.85)
    # only the European part of France (no overseas departments in the Caribbean)
    assert all(-6 < lon < 25 and 41 < lat < 52 for ring in shapes["FRA"] for lon, lat in ring)


def test_outlines_and_laender_share_one_reading_of_the_file(monkeypatch):
    """outlines.json (170 KB) is read and parsed once for the countries and the Länder."""
    import network_app.drawing.places as places

    parsed = []
    real = places.json.loads
    monkeypatch.setattr(places.json, "loads", lambda text: parsed.append(1) or real(text))
    # every cache of the module, whatever its helpers are called
    caches = [f for f in vars(places).values() if callable(getattr(f, "cache_clear", None))]
    for cached in caches:
        cached.cache_clear()
    try:
        assert outlines()["DEU"] and states()["NW"]
        assert outlines() is outlines() and states() is states()
        assert len(parsed) == 1
    finally:
        for cached in caches:
            cached.cache_clear()


def test_the_laender_have_real_borders_and_the_home_land_is_drawn_stronger():
    laender = states()
    assert len(laender) == 16 and laender["NW"][0] == "Nordrhein-Westfalen"
    cities = {"NW": (8.11, 51.57), "BY": (11.58, 48.14), "BE": (13.4, 52.52),
              "HH": (9.99, 53.55), "SN": (13.74, 51.05), "NI": (9.73, 52.37), "HB": (8.8, 53.08),
              "BB": (13.06, 52.39)}
    for code, (lon, lat) in cities.items():
        assert state_of(lat, lon) == code
        assert any(_inside(ring, lon, lat) for ring in laender[code][1])
    assert state_of(47.8, 13.04) is None and state_of(50.85, 4.35) is None  # abroad
    root, drawn = _svg_map(HOME + FAR)
    assert drawn.home_state == "NW" and {"NW", "BY", "BE"} <= set(drawn.states)

    def widths(code):
        found = []
        for group in _groups(root, rf"state-{code}-\d+"):
            style = " ".join(p.get("style", "") for p in group.iter(f"{SVG}path"))
            found += [float(w) for w in re.findall(r"stroke-width: ?([0-9.]+)", style)]
        return found

    assert widths("NW") and widths("BY")
    assert min(widths("NW")) > max(widths("BY"))  # the home Land stands out
    # on the zoomed map of the home region the Land's border shows too
    _, zoomed = _svg_map(HOME + FAR, zoom=home_region(HOME + FAR, aspect=900 / 760))
    assert "NW" in zoomed.states


def _svg_map(places, width=900, height=760, **kwargs):
    svg, drawn = map_svg(places, width, height, "de", **kwargs)
    return ET.fromstring(svg), drawn


def _groups(root, pattern):
    return [g for g in root.iter(f"{SVG}g") if re.fullmatch(pattern, g.get("id", ""))]


def _dots(root) -> int:
    (group,) = _groups(root, "places")
    return len(list(group.iter(f"{SVG}path"))) + len(list(group.iter(f"{SVG}use")))


def test_the_whole_map_draws_outlines_and_every_grouped_place():
    places = HOME + FAR
    root, drawn = _svg_map(places)
    assert {"DEU", "AUT", "NLD", "BEL", "CZE", "POL"} <= set(drawn.countries)
    assert _groups(root, r"outline-DEU-\d+") and _groups(root, r"outline-AUT-\d+")
    assert set(drawn.places) == set(places)
    assert _dots(root) == len(places)
    # without a frame every place is to be named, here or in the list of unnamed ones
    assert set(drawn.unnamed) | set(drawn.labelled) == set(places)
    region = home_region(places, aspect=900 / 760)
    _, framed = _svg_map(places, frame=region)
    assert set(framed.unnamed) | set(framed.labelled) == set(FAR)  # the region's on its map
    # the whole map shows all of Germany when most partners are there
    lon0, lon1, lat0, lat1 = map_extent(places)
    assert lon0 < GERMANY_BOX[0] and lon1 > GERMANY_BOX[1]
    assert lat0 < GERMANY_BOX[2] and lat1 > GERMANY_BOX[3]


def test_names_overlap_nothing_and_keep_their_size():
    look = MapLook(label_size=22, marker=(7, 20), max_labels=40)
    region = home_region(HOME + FAR, aspect=900 / 760)
    assert region is not None and region.home.name == "Soest"
    root, drawn = _svg_map(HOME + FAR, zoom=region, look=look)
    assert set(drawn.places) == set(HOME)
    assert drawn.labelled[0].name == "Soest"  # the biggest place first
    # every place is named here or said to have found no room
    assert not set(drawn.unnamed) & set(drawn.labelled)
    assert set(drawn.unnamed) | set(drawn.labelled) == set(HOME)
    assert len(drawn.labelled) >= 8
    boxes = drawn.label_boxes
    assert len(boxes) == len(drawn.labelled) == len(_groups(root, "place-label"))
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[1] >= 0 and a[2] <= 900 and a[3] <= 760  # inside the picture
        assert a[3] - a[1] >= 22 * 0.7  # one line of 22 px type
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    # no name covers a dot (the dots as drawn in the SVG, y down there)
    circles = _dot_circles(root, 760)
    assert len(circles) == len(HOME)
    for x, y, r in circles:
        for x0, y0, x1, y1 in boxes:
            nearest = (min(max(x, x0), x1), min(max(y, y0), y1))
            assert (nearest[0] - x) ** 2 + (nearest[1] - y) ** 2 >= (r - 1) ** 2
    biggest = max(p.count for p in HOME + FAR)
    assert max(r for *_, r in circles) == pytest.approx(place_radius(16, biggest, look.marker),
                                                        abs=1)


def _dot_circles(root, height):
    """(x, y, radius) of every dot, y up as the label boxes."""
    (group,) = _groups(root, "places")
    circles = []
    for path in group.iter(f"{SVG}path"):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.get("d"))]
        xs, ys = numbers[0::2], numbers[1::2]
        circles.append(((min(xs) + max(xs)) / 2, height - (min(ys) + max(ys)) / 2,
                        (max(xs) - min(xs)) / 2))
    return circles


def test_names_are_text_never_markup():
    places = [Place('<script>alert("x")</script> & Co', 51.57, 8.11, 3),
              Place("Lippstadt", 51.67, 8.34, 1)]
    svg, drawn = map_svg(places, 600, 500, "de")
    assert "<script" not in svg
    ET.fromstring(svg)  # well-formed: the name did not break out of its element
    assert [place_label(p) for p in drawn.labelled][0].startswith("<script>")


def _country_words(root) -> dict[str, str]:
    return {g.get("id")[len("country-"):]: "".join(g.itertext()).strip()
            for g in _groups(root, r"country-[A-Z]{3}")}


def test_country_names_speak_the_language_and_leave_the_places_alone():
    de_root, de = _svg_map(FAR, 600, 700)
    en_svg, en = map_svg(FAR, 600, 700, "en")
    de_words, en_words = _country_words(de_root), _country_words(ET.fromstring(en_svg))
    assert de_words and de_words.keys() == en_words.keys()
    german = {"DEU": "Deutschland", "AUT": "Österreich", "CZE": "Tschechien", "POL": "Polen",
              "NLD": "Niederlande", "BEL": "Belgien", "FRA": "Frankreich", "CHE": "Schweiz",
              "ITA": "Italien", "SVN": "Slowenien", "HUN": "Ungarn", "SVK": "Slowakei",
              "DNK": "Dänemark", "LUX": "Luxemburg", "GBR": "Vereinigtes Königreich"}
    english = {"DEU": "Germany", "AUT": "Austria", "CZE": "Czechia", "POL": "Poland",
               "NLD": "Netherlands", "BEL": "Belgium", "FRA": "France", "CHE": "Switzerland",
               "ITA": "Italy", "SVN": "Slovenia", "HUN": "Hungary", "SVK": "Slovakia",
               "DNK": "Denmark", "LUX": "Luxembourg", "GBR": "United Kingdom"}
    for code, word in de_words.items():
        assert word == german[code] and en_words[code] == english[code]
    assert de.places == en.places and de.labelled == en.labelled


@pytest.mark.parametrize("count", [1, 3])
def test_partners_at_the_same_place_are_one_dot_with_a_count(count):
    records = [{"name": f"P{i}", "place": "Soest", "lat": 51.571 + i / 1000, "lon": 8.106}
               for i in range(count)] + [{"name": "Q", "place": "Hamm", "lat": 51.68,
                                          "lon": 7.82}]
    places = group_places(records)
    root, drawn = _svg_map(places, 600, 600)
    assert _dots(root) == 2
    soest = next(p for p in places if p.name == "Soest")
    assert soest.count == count
    assert place_label(soest) == ("Soest" if count == 1 else f"Soest ({count})")
    assert soest in drawn.labelled


def test_single_partners_are_small_dots_and_leave_room_for_names():
    """Forty places with one partner each: every dot the smallest, so names find room."""
    look = MapLook(label_size=22, marker=(7, 20), max_labels=30)
    places = [Place(f"Ort {i}", 47.8 + (i % 8) * 0.85, 6.5 + (i // 8) * 1.7, 1)
              for i in range(40)]
    root, drawn = _svg_map(places, 1390, 810, look=look)
    circles = _dot_circles(root, 810)
    assert len(circles) == 40
    assert all(r == pytest.approx(7, abs=0.5) for *_, r in circles)
    assert len(drawn.labelled) >= 20
