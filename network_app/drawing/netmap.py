"""The network on a map: partners at their places, coloured as in the network picture, with
the ties between places. Pure; what the app's Karte page, the map exports, the deck's map slide
and the presentation's map draw.

Partners at (nearly) the same coordinates (:func:`~network_app.drawing.places.group_places`:
rounded to two decimals, about a kilometre) become one :class:`Spot`: a dot with the number of
partners, its colour split into slices by the partners' colours (categories by default); a
partner alone at its place is a spot of its own, named after the partner. Ties between
partners become ties between their spots (how many, and the pairs, for a tooltip); ties between
partners at the same place are counted but not drawn. Partners without coordinates are
listed, so that the page can say what to do about them.

:func:`project` is the plane the app draws on: equirectangular with one degree of longitude
cos(51°) degrees of latitude long (Germany's middle), :data:`UNITS` canvas units per degree
of latitude, y growing downwards as on a screen. :func:`map_backdrop` gives the outlines of
Germany, its Länder and its neighbours (``outlines.json``, no tiles) in that plane.

>>> import networkx as nx
>>> from network_app.drawing.styling import NodeStyle
>>> g = nx.Graph()
>>> g.add_node("A", kind="partner", place="Soest", lat=51.571, lon=8.106)
>>> g.add_node("B", kind="partner", place="Soest", lat=51.572, lon=8.108)
>>> g.add_node("C", kind="partner", place="Hamm", lat=51.681, lon=7.815)
>>> g.add_node("D", kind="partner", place=None, lat=None, lon=None)
>>> g.add_edges_from([("A", "B"), ("A", "C"), ("B", "C"), ("C", "D")], kind="partner")
>>> styles = {n: NodeStyle(c, 12.0, n) for n, c in zip("ABCD", ["#111", "#222", "#111", "#333"])}
>>> m = partner_map(g, styles)
>>> [(s.label("de"), s.members, s.slices) for s in m.spots]
[('Soest (2)', ('A', 'B'), (('#111', 1), ('#222', 1))), ('C', ('C',), (('#111', 1),))]
>>> [(t.count, t.pairs) for t in m.ties], m.inner_ties, m.missing
([(2, (('A', 'C'), ('B', 'C')))], 1, ('D',))
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, replace

import networkx as nx

from ..text import join_list, say, words
from ..workbook import schema
from .places import (
    GERMANY_BOX,
    Box,
    Place,
    _area,
    _centroid,
    group_places,
    has_coordinates,
    home_region,
    map_extent,
    outlines,
    place_label,
    states,
)
from .styling import NodeStyle

__all__ = [
    "MAX_RADIUS",
    "MIN_RADIUS",
    "UNITS",
    "MapTie",
    "PartnerMap",
    "Spot",
    "map_backdrop",
    "map_graph",
    "map_views",
    "partner_map",
    "project",
    "spot_radii",
    "strongest_ties",
]

#: Canvas units per degree of latitude in the app's plane.
UNITS = 100.0
#: The projection's middle (Germany's): longitude is shortened by cos(REFERENCE_LAT).
REFERENCE_LAT, REFERENCE_LON = 51.0, 10.0
#: A spot's radius on screen (pixels): the smallest and the biggest.
MIN_RADIUS, MAX_RADIUS = 7.0, 26.0
#: At most this many pairs of partners are named in a tie's tooltip.
TIE_PAIRS_SHOWN = 8
#: At most this many partners are named in a place's tooltip.
MEMBERS_SHOWN = 12


@dataclass(frozen=True)
class Spot:
    """One dot on the map: the partners at one place.

    ``key`` names it in :func:`map_graph` (the partner's own name when it is alone there);
    ``members`` are the partners' names (alphabetically), ``slices`` their colours with how
    many partners have each (most first) and ``value`` the sum of their size values (one each
    without a measure): a spot's area grows with it.
    """

    key: str
    place: Place
    members: tuple[str, ...]
    slices: tuple[tuple[str, int], ...]
    value: float

    @property
    def alone(self) -> bool:
        """Whether the spot is one partner."""
        return len(self.members) == 1

    def label(self, lang: str = "de") -> str:
        """The name drawn beside the dot: the partner alone, else "Soest (16)"."""
        return self.members[0] if self.alone else place_label(self.place, lang)


@dataclass(frozen=True)
class MapTie:
    """The ties between the partners of two spots: how many, their summed strength and the
    pairs of partners (for a tooltip)."""

    a: str
    b: str
    count: int
    strength: float
    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class PartnerMap:
    """What a map of the network shows: spots (biggest value first), the ties between spots,
    how many ties join partners at the same place (not drawn) and the partners without
    coordinates (alphabetically)."""

    spots: tuple[Spot, ...]
    ties: tuple[MapTie, ...]
    inner_ties: int
    missing: tuple[str, ...]

    @property
    def places(self) -> list[Place]:
        """The spots' places, in the spots' order."""
        return [spot.place for spot in self.spots]

    def spot_of(self) -> dict[str, str]:
        """Partner name → the key of its spot."""
        return {name: spot.key for spot in self.spots for name in spot.members}

    def paint(self) -> dict[Place, tuple[tuple[str, int], ...]]:
        """Place → its colour slices, for :func:`~network_app.drawing.places.draw_map`."""
        return {spot.place: spot.slices for spot in self.spots}

    def place_ties(self) -> list[tuple[Place, Place, int]]:
        """The ties between places, for :func:`~network_app.drawing.places.draw_map`."""
        where = {spot.key: spot.place for spot in self.spots}
        return [(where[t.a], where[t.b], t.count) for t in self.ties]


def project(lat: float, lon: float) -> tuple[float, float]:
    """A point in the app's plane (canvas units, y downwards).

    >>> project(51.0, 10.0), project(52.0, 10.0)
    ((0.0, 0.0), (0.0, -100.0))
    >>> round(project(51.0, 11.0)[0], 1)  # a degree east is cos(51°) of a degree north
    62.9
    """
    x = (lon - REFERENCE_LON) * math.cos(math.radians(REFERENCE_LAT)) * UNITS
    return round(x, 2) + 0.0, round(-(lat - REFERENCE_LAT) * UNITS, 2) + 0.0


def _is_partner(attrs: Mapping[str, object]) -> bool:
    return attrs.get("kind", "partner") == "partner"


def partner_map(graph: nx.Graph, styles: Mapping[Hashable, NodeStyle],
                values: Mapping[Hashable, float] | None = None) -> PartnerMap:
    """The partners of ``graph`` at their places, in the colours of ``styles``; ``values``
    (a measure per partner, e.g. degree) make a spot's area; without them each partner
    counts one. Only partners (``kind`` "partner") are placed; the hub and activities are not.
    """
    groups: dict[tuple[float, float], list[tuple[str, Mapping[str, object]]]] = {}
    missing = []
    for node, attrs in graph.nodes(data=True):
        if not _is_partner(attrs):
            continue
        if not has_coordinates(attrs):
            missing.append(str(node))
            continue
        at = (round(float(attrs["lat"]), 2), round(float(attrs["lon"]), 2))
        groups.setdefault(at, []).append((str(node), attrs))
    taken = {str(node) for node in graph.nodes}
    spots = []
    for members in groups.values():
        place = group_places([attrs for _, attrs in members])[0]
        names = tuple(sorted((name for name, _ in members), key=str.casefold))
        colours = Counter(styles[name].color for name in names if name in styles)
        first = {c: i for i, c in reversed(list(enumerate(
            styles[n].color for n in names if n in styles)))}
        slices = tuple(sorted(colours.items(), key=lambda item: (-item[1], first[item[0]])))
        value = sum(max(float((values or {}).get(name, 1.0) or 0.0), 0.0) if values else 1.0
                    for name in names)
        key = names[0] if len(names) == 1 else _free(f"⌖ {place_label(place)}", taken)
        taken.add(key)
        spots.append(Spot(key, place, names, slices, value))
    # as group_places orders places (the same order on every map), the biggest value first
    spots.sort(key=lambda s: (-s.value, -len(s.members), schema.normalize_name(s.place.name),
                              s.place.lat, s.place.lon))
    spot_of = {name: spot.key for spot in spots for name in spot.members}
    ties: dict[tuple[str, str], list[tuple[str, str, float]]] = {}
    inner = 0
    for a, b, attrs in graph.edges(data=True):
        if str(a) not in spot_of or str(b) not in spot_of or attrs.get("kind") == "category":
            continue
        here, there = spot_of[str(a)], spot_of[str(b)]
        if here == there:
            inner += 1
            continue
        pair = (min(str(a), str(b), key=str.casefold), max(str(a), str(b), key=str.casefold))
        strength = attrs.get("strength", attrs.get("weight")) or 1
        ties.setdefault((min(here, there), max(here, there)), []).append(
            (*pair, float(strength) if isinstance(strength, int | float) else 1.0))
    drawn = tuple(MapTie(a, b, len(found), sum(s for *_, s in found),
                         tuple(sorted(((x, y) for x, y, _ in found),
                                      key=lambda p: (p[0].casefold(), p[1].casefold()))))
                  for (a, b), found in sorted(ties.items()))
    return PartnerMap(tuple(spots), drawn, inner, tuple(sorted(missing, key=str.casefold)))


def strongest_ties(partner_map: PartnerMap, limit: int) -> PartnerMap:
    """The map with at most ``limit`` ties between places: those with most ties between their
    partners (a map of thousands of lines shows none of them, and slows a browser down).

    >>> p = Place("X", 0.0, 0.0, 1)
    >>> ties = tuple(MapTie(f"a{i}", f"b{i}", i, float(i), ()) for i in range(1, 5))
    >>> [t.count for t in strongest_ties(PartnerMap((), ties, 0, ()), 2).ties]
    [4, 3]
    """
    if len(partner_map.ties) <= limit:
        return partner_map
    kept = sorted(partner_map.ties, key=lambda t: (-t.count, -t.strength, t.a, t.b))[:limit]
    return replace(partner_map, ties=tuple(kept))


def _free(name: str, taken: set[str]) -> str:
    """``name``, or with a number added when a partner or another spot has it already."""
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name} {number}", number + 1
    return candidate


def spot_radii(spots: Sequence[Spot], smallest: float = MIN_RADIUS,
               biggest: float = MAX_RADIUS) -> list[float]:
    """Each spot's radius: its area in proportion to its value, the biggest ``biggest``, none
    below ``smallest``.

    >>> p = Place("X", 0.0, 0.0, 1)
    >>> spot_radii([Spot("a", p, ("a",), (), 4.0), Spot("b", p, ("b",), (), 1.0),
    ...             Spot("c", p, ("c",), (), 0.0)], 5.0, 20.0)
    [20.0, 10.0, 5.0]
    """
    top = max((s.value for s in spots), default=0.0)
    if top <= 0:
        return [smallest for _ in spots]
    return [round(max(smallest, biggest * math.sqrt(s.value / top)), 2) for s in spots]


def map_graph(partner_map: PartnerMap, graph: nx.Graph, lang: str = "de"
              ) -> tuple[nx.Graph, dict[str, tuple[float, float]], dict[str, NodeStyle]]:
    """The spots as a graph for the network component: a partner alone keeps its attributes
    (its tooltip is the partner's), a place of several lists them; ties between spots carry
    their count as strength and name their pairs. Returns the graph, the spots' positions in
    the plane (:func:`project`) and their styles (colour of the biggest slice, radius in
    screen pixels, label)."""
    shown = nx.Graph()
    positions: dict[str, tuple[float, float]] = {}
    styles: dict[str, NodeStyle] = {}
    radii = spot_radii(partner_map.spots)
    for spot, radius in zip(partner_map.spots, radii, strict=True):
        if spot.alone:
            shown.add_node(spot.key, **graph.nodes[spot.members[0]])
        else:
            listed = join_list(list(spot.members), lang, limit=MEMBERS_SHOWN)
            shown.add_node(spot.key, kind="place", label=spot.label(lang),
                           tooltip=say("drawing.netmap.place_tooltip", lang,
                                       count=len(spot.members),
                                       place=spot.label(lang), names=listed))
        positions[spot.key] = project(spot.place.lat, spot.place.lon)
        colour = spot.slices[0][0] if spot.slices else "#8C8C8C"
        styles[spot.key] = NodeStyle(colour, radius, spot.label(lang))
    for tie in partner_map.ties:
        pairs = join_list([f"{a} – {b}" for a, b in tie.pairs], lang, limit=TIE_PAIRS_SHOWN)
        shown.add_edge(tie.a, tie.b, kind="partner", strength=min(tie.count, 7),
                       tooltip=say("drawing.netmap.tie_tooltip", lang, count=tie.count,
                                   pairs=pairs))
    return shown, positions, styles


def _ring_points(ring: Sequence[tuple[float, float]]) -> list[int]:
    """A ring as flat [x0, y0, x1, y1, …] in the plane, in whole units (about a kilometre,
    finer than the simplified outlines; it keeps the page's data small)."""
    flat: list[int] = []
    for lon, lat in ring:
        x, y = project(lat, lon)
        flat.extend((round(x), round(y)))
    return flat


def _name_at(rings: Sequence[tuple[tuple[float, float], ...]], text: str) -> dict[str, object]:
    """Where a country's or Land's name goes: the centre of its largest ring, with the ring's
    extent in the plane (the browser draws the name only when it fits)."""
    main = max(rings, key=_area)
    lon, lat = _centroid(main)
    x, y = project(lat, lon)
    xs = [project(b, a)[0] for a, b in main]
    ys = [project(b, a)[1] for a, b in main]
    return {"text": text, "x": round(x, 1), "y": round(y, 1),
            "w": round(max(xs) - min(xs), 1), "h": round(max(ys) - min(ys), 1)}


def map_backdrop(home_state: str | None = None, lang: str = "de") -> dict[str, list]:
    """The outlines in the plane, for the app's map: ``countries`` (Germany first, then its
    neighbours) and ``states`` (the Länder; ``home`` marks the home Land, drawn stronger) as
    lists of rings, each ring a flat list of coordinates; ``names`` of the neighbours (in
    ``lang``) and of the Länder where they go, the neighbours first."""
    countries = outlines()
    order = ["DEU", *sorted(code for code in countries if code != "DEU")]
    country_names = words("drawing.places.countries", lang)
    names = [_name_at(countries[code], country_names[code]) for code in order[1:]
             if code in country_names and code != "LIE"]
    names += [_name_at(rings, name) for name, rings in states().values()]
    return {
        "names": names,
        "countries": [{"code": code, "rings": [_ring_points(r) for r in countries[code]]}
                      for code in order if code in countries],
        "states": [{"code": code, "home": code == home_state,
                    "rings": [_ring_points(r) for r in rings]}
                   for code, (_name, rings) in states().items()],
    }


def _box_in_plane(box: Box) -> list[float]:
    """A (lon min, lon max, lat min, lat max) box as [x0, y0, x1, y1] in the plane."""
    x0, y1 = project(box[2], box[0])
    x1, y0 = project(box[3], box[1])
    return [x0, y0, x1, y1]


def map_views(partner_map: PartnerMap, lang: str = "de") -> list[dict[str, object]]:
    """The views the app's map offers, the first shown at the start: the home region (where
    most partners are) when it is worth a view of its own, else all places; then Germany; the
    "Alles zeigen" button shows every partner. Each view: ``key``, ``label``, ``box`` in the
    plane ([x0, y0, x1, y1])."""
    places = partner_map.places
    views: list[dict[str, object]] = []
    if places:
        region = home_region(places, aspect=1.6)
        if region is not None:
            views.append({"key": "region", "box": _box_in_plane(region.box),
                          "label": say("drawing.netmap.view_region", lang,
                                       place=region.home.name or "–")})
        else:
            views.append({"key": "places", "box": _box_in_plane(map_extent(places)),
                          "label": say("drawing.netmap.view_places", lang)})
    views.append({"key": "germany", "box": _box_in_plane(GERMANY_BOX),
                  "label": say("drawing.netmap.view_germany", lang)})
    return views
