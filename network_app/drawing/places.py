"""Partner places: which partners have coordinates, grouped by place, and the home region.

Pure (no drawing, no streamlit): the presentation page's map and the council deck's map slide
both draw what this module decides, so they agree on what a place is and where "home" is.

* :func:`located` keeps the partners whose Breite and Länge are numbers on the globe.
* :func:`group_places` puts partners at (nearly) the same coordinates (rounded to two decimals,
  about a kilometre) into one :class:`Place`, named after the place most of them give; the
  biggest place comes first.
* :func:`home_region` finds the region around the partners' home that is worth a map of its
  own: REGION_KM north and south of the home place, as wide as the picture that shows it.

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

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..text import fill, number, say, words
from ..workbook import schema

__all__ = [
    "REGION_KM",
    "Place",
    "Region",
    "coordinates_text",
    "group_places",
    "has_coordinates",
    "home_place",
    "home_region",
    "inside",
    "located",
    "place_label",
    "region_box",
]

#: The home region reaches this far north and south of the home place.
REGION_KM = 85.0
#: A region is worth its own map only with at least this many places in it.
MIN_REGION_PLACES = 3
KM_PER_DEGREE = 111.0  # of latitude, and of longitude at the equator

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
        names = Counter(n for n in (_name(m.get("place")) for m in members) if n)
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
    lats = [p.lat for p in places]
    lons = [p.lon for p in places]
    middle = math.cos(math.radians((max(lats) + min(lats)) / 2))
    spread = max(max(lats) - min(lats), (max(lons) - min(lons)) * middle) * KM_PER_DEGREE
    if spread < 1.5 * 2 * km:
        return None
    return Region(home, box, within)


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
