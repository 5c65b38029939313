"""The reach view (Reichweite): the lab's home in the centre, its partners on rings around it.

Five rings, from the inside out: the home town (lokal), the region around it (regional: within
:data:`REGION_KM` of the home, or in the same Kreis when the partners' Kreis is known), the home's
Land (e.g. NRW), the rest of Germany and the world (international). Each partner sits on its ring
in the sector of its (first) category; the sectors are as wide as their share of partners.

Which ring, decided by :func:`assign_ring`:

* The column Reichweite wins where it is filled in. It has four values and the picture five
  rings: "regional" in the column covers both the region and the rest of the Land, and the
  coordinates tell which (a partner "regional" in Köln is in NRW, one in Lippstadt in the
  region). Where the coordinates point elsewhere than the column says (a partner in Berlin
  marked "lokal"), the column wins and :attr:`ReachPartner.disagrees` says so.
* Else the coordinates (Breite/Länge, or looked up from the Ort) decide: the same place as the
  home or within :data:`LOCAL_KM` → lokal; within :data:`REGION_KM` or the same Kreis → regional;
  the home's Land (:func:`~network_app.drawing.places.state_of`) → the Land; elsewhere in
  Germany → national; else international.
* Partners with neither are "ohne Angabe": listed beside the picture, not drawn.

The home is the own organisation's coordinates when the workbook gives them, else the place
with most partners (:func:`~network_app.drawing.places.home_place`, Soest for the lab).

The decisions and the layout (:func:`reach_layout`: sectors, ring radii, every partner's
position) are pure; :func:`draw_reach` draws them with matplotlib (imported inside), names the
partners with :func:`~network_app.drawing.labels.place_labels` (no label overlaps another, a
dot, a ring's name or a category's name) and :func:`reach_svg` makes a picture for a screen.

>>> home = Home("Soest", 51.571, 8.106, "NW")
>>> [assign_ring(None, lat, lon, home).ring for lat, lon in
...  [(51.57, 8.11), (51.674, 8.344), (50.94, 6.96), (52.52, 13.405), (47.8, 13.04)]]
['lokal', 'regional', 'land', 'national', 'international']
>>> assign_ring("regional", 50.94, 6.96, home).ring  # the column's "regional" in Köln: NRW
'land'
>>> choice = assign_ring("lokal", 52.52, 13.405, home)  # Berlin, but the column says lokal
>>> choice.ring, choice.source, choice.disagrees
('lokal', 'column', True)
"""

from __future__ import annotations

import functools
import io
import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..text import number, say, words
from ..workbook import schema
from .labels import Label, place_labels
from .picture import label_text
from .places import group_places, has_coordinates, home_place, state_of
from .settings import picture_settings
from .styling import CATEGORY_COLORS, HUB_COLOR, NONE_COLOR

__all__ = [
    "LOCAL_KM",
    "REGION_KM",
    "RINGS",
    "DrawnReach",
    "Home",
    "ReachLayout",
    "ReachLook",
    "ReachPartner",
    "RingChoice",
    "assign_ring",
    "column_rings",
    "coordinate_ring",
    "distance_km",
    "draw_reach",
    "find_home",
    "reach_layout",
    "reach_partners",
    "reach_svg",
    "ring_name",
]

#: The rings from the inside out: the home town, the region, the home's Land, Germany, abroad.
RINGS: tuple[str, ...] = ("lokal", "regional", "land", "national", "international")
#: Within this many kilometres of the home a partner counts as in the home town (by coordinates).
LOCAL_KM = 6.0
#: Within this many kilometres of the home a partner counts as in the region (Kreis,
#: Südwestfalen for Soest) when its Kreis is not known.
REGION_KM = 50.0
#: The column Reichweite's values and the rings each may stand for (the first when the
#: coordinates say nothing or disagree).
COLUMN_RINGS: dict[str, tuple[str, ...]] = {
    "lokal": ("lokal",),
    "regional": ("regional", "land"),
    "national": ("national",),
    "international": ("international",),
}
#: The key under which a partner's Kreis may be known (node attribute); else the gazetteer
#: (:mod:`network_app.geo`) tells it from the Ort.
DISTRICT = "district"
#: Regions of several Kreise that count as one "regional" ring when the home lies in one of
#: them (the ring is then named after the region). Kreise as the gazetteer names them.
REGIONS: dict[str, tuple[str, ...]] = {
    "Südwestfalen": ("Kreis Soest", "Hochsauerlandkreis", "Märkischer Kreis", "Kreis Olpe",
                     "Kreis Siegen-Wittgenstein"),
}
#: Short names of Länder where one is usual.
SHORT_STATES = {"NW": "NRW"}
#: Key for partners without a category (never a category name).
NO_CATEGORY = ""
#: Ring radii in layout units (the home in the middle has radius HOME_RADIUS).
FIRST_RADIUS = 1.25
RING_STEP = 1.0
HOME_RADIUS = 0.3
#: The ring names stand to the right of the rings, one under the other, this far apart
#: (layout units); their leader lines run left to their ring through a gap kept free of dots.
NAME_STEP = 0.85
#: At most this many partners are offered a name in the picture (the outer rings first): the
#: label placer takes about a second for a few hundred; the table lists every partner.
MAX_LABELS = 150
#: Angle (degrees) kept free around each leader line and at the edges of each sector.
GAP_PAD = 4.0
#: Partners next to each other on a ring stand at least this far apart (layout units).
DOT_SPACING = 0.5
#: The smallest share of the circle a category's sector gets.
MIN_SECTOR = 0.07


@dataclass(frozen=True)
class Home:
    """The centre: its place name, coordinates, Land (code) and Kreis when known."""

    name: str
    lat: float
    lon: float
    state: str | None
    district: str | None = None

    @property
    def region(self) -> str | None:
        """The region of :data:`REGIONS` the home's Kreis lies in, else None.

        >>> Home("Soest", 51.57, 8.11, "NW", "Kreis Soest").region
        'Südwestfalen'
        """
        return region_of(self.district)


def region_of(district: Any) -> str | None:
    """The region of :data:`REGIONS` a Kreis belongs to ("Olpe" and "Kreis Olpe" alike)."""
    if not district:
        return None
    key = _place_key(district)
    return next((name for name, members in REGIONS.items()
                 if any(_place_key(m) == key for m in members)), None)


@dataclass(frozen=True)
class RingChoice:
    """Which ring a partner goes on and why.

    ``source`` is "column", "coordinates" or None (neither: "ohne Angabe", ``ring`` None);
    ``by_coordinates`` is the ring the coordinates alone would give; ``disagrees`` is True when
    the column and the coordinates point to different rings (the column won).
    """

    ring: str | None
    source: str | None
    by_coordinates: str | None = None
    disagrees: bool = False


@dataclass(frozen=True)
class ReachPartner:
    """A partner as the reach view shows it."""

    node: Any
    name: str
    category: str  # its first category, NO_CATEGORY ("") without one
    place: str
    column: str | None  # the value of the column Reichweite
    choice: RingChoice

    @property
    def ring(self) -> str | None:
        return self.choice.ring

    @property
    def disagrees(self) -> bool:
        return self.choice.disagrees


def distance_km(lat0: float, lon0: float, lat1: float, lon1: float) -> float:
    """Great-circle distance in kilometres (haversine, earth radius 6,371 km).

    >>> round(distance_km(51.571, 8.106, 51.674, 8.344))  # Soest – Lippstadt
    20
    """
    p0, p1 = math.radians(lat0), math.radians(lat1)
    dp, dl = p1 - p0, math.radians(lon1 - lon0)
    a = math.sin(dp / 2) ** 2 + math.cos(p0) * math.cos(p1) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _place_key(text: Any) -> str:
    """A place name for comparing: "Stadt Soest" and "soest" are the same place."""
    key = schema.normalize_name(text or "")
    for prefix in ("stadt ", "gemeinde ", "hansestadt ", "landkreis ", "kreis "):
        if key.startswith(prefix):
            key = key[len(prefix):]
    return key.split(" (")[0].strip()


def coordinate_ring(lat: float, lon: float, home: Home, *, place: Any = None,
                    district: Any = None) -> str:
    """The ring the coordinates give (see the module's description).

    >>> home = Home("Soest", 51.571, 8.106, "NW", "Kreis Soest")
    >>> coordinate_ring(51.45, 8.35, home, district="Kreis Soest")  # Möhnesee-ish, same Kreis
    'regional'
    >>> coordinate_ring(51.03, 8.39, home, district="Kreis Siegen-Wittgenstein")  # Südwestfalen
    'regional'
    >>> coordinate_ring(51.55, 8.1, Home("Soest", 51.571, 8.106, "NW"), place="Stadt Soest")
    'lokal'
    """
    km = distance_km(home.lat, home.lon, lat, lon)
    if km <= LOCAL_KM or (place and home.name and _place_key(place) == _place_key(home.name)):
        return "lokal"
    same_district = bool(district and home.district
                         and (_place_key(district) == _place_key(home.district)
                              or (home.region and region_of(district) == home.region)))
    if km <= REGION_KM or same_district:
        return "regional"
    state = _state_at(round(lat, 2), round(lon, 2))
    if state is not None and state == home.state:
        return "land"
    return "national" if state is not None else "international"


@functools.lru_cache(maxsize=65536)
def _state_at(lat: float, lon: float) -> str | None:
    """:func:`~network_app.drawing.places.state_of` (about 2 ms a point) once per place,
    rounded to about a kilometre: a big network has many partners at few places."""
    return state_of(lat, lon)


def column_rings(value: Any) -> tuple[str, ...] | None:
    """The rings the column Reichweite's ``value`` may stand for; None when it says nothing.

    >>> column_rings("regional"), column_rings(" Lokal "), column_rings(None)
    (('regional', 'land'), ('lokal',), None)
    """
    if not isinstance(value, str):
        return None
    return COLUMN_RINGS.get(value.strip().casefold())


def assign_ring(value: Any, lat: Any, lon: Any, home: Home | None, *, place: Any = None,
                district: Any = None) -> RingChoice:
    """The ring of a partner with Reichweite ``value`` and coordinates ``lat``/``lon`` (either
    may be missing) around ``home`` (None: coordinates cannot be read as rings)."""
    located = home is not None and has_coordinates({"lat": lat, "lon": lon})
    by_coordinates = (coordinate_ring(float(lat), float(lon), home, place=place,
                                      district=district)
                      if located and home is not None else None)
    allowed = column_rings(value)
    if allowed is not None:
        if by_coordinates in allowed:
            return RingChoice(by_coordinates, "column", by_coordinates)
        return RingChoice(allowed[0], "column", by_coordinates, by_coordinates is not None)
    if by_coordinates is not None:
        return RingChoice(by_coordinates, "coordinates", by_coordinates)
    return RingChoice(None, None)


def find_home(graph: nx.Graph) -> Home | None:
    """The centre: the own organisation's coordinates when given, else the place with most
    partners (as on the map); None when nobody has coordinates."""
    hub = next((a for _, a in graph.nodes(data=True) if a.get("kind") == "hub"), None)
    partners = [a for _, a in graph.nodes(data=True) if a.get("kind") == "partner"]
    if hub is not None and has_coordinates(hub):
        name = str(hub.get("place") or "")
        lat, lon = float(hub["lat"]), float(hub["lon"])
    else:
        places = group_places(partners)
        if not places:
            return None
        best = home_place(places)
        name, lat, lon = best.name, best.lat, best.lon
    # The home's Kreis: the one the partners at the home place give most often.
    districts = Counter(str(a[DISTRICT]) for a in partners
                        if a.get(DISTRICT) and has_coordinates(a)
                        and distance_km(lat, lon, float(a["lat"]), float(a["lon"])) <= LOCAL_KM)
    district = districts.most_common(1)[0][0] if districts else _district(name, (lat, lon))
    return Home(name, lat, lon, state_of(lat, lon), district)


def _district(place: Any, near: tuple[float, float] | None = None) -> str | None:
    """The Kreis of a German place by the gazetteer (:func:`network_app.geo.lookup`), or None."""
    if not isinstance(place, str) or not place.strip():
        return None
    from ..geo import lookup

    found = lookup(place, near)
    if found is None or found.place.country != "DE" or not found.place.kreis:
        return None
    return str(found.place.kreis)


def reach_partners(graph: nx.Graph, home: Home | None = None, *,
                   categories: Collection[str] | None = None) -> list[ReachPartner]:
    """Every partner of ``graph`` with its ring (None: "ohne Angabe"), by name.

    ``home`` defaults to :func:`find_home` (of the whole graph, so a filter does not move the
    centre). With ``categories`` only the partners in one of them (:data:`NO_CATEGORY` for
    those without), each in the sector of the first of its categories chosen.
    """
    home = find_home(graph) if home is None else home
    result = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != "partner":
            continue
        category = attrs.get("category") or NO_CATEGORY
        if categories is not None:
            own = [c for c in (attrs.get("categories") or [category]) if c in categories]
            if not own:
                continue
            category = own[0]
        district = attrs.get(DISTRICT)
        choice = assign_ring(attrs.get("reach"), attrs.get("lat"), attrs.get("lon"), home,
                             place=attrs.get("place"), district=district)
        if (choice.by_coordinates == "land" and not district and home is not None
                and home.district):
            # Beyond REGION_KM in the home's Land: the same Kreis (or region) still makes it
            # regional. Looked up only here: a few partners, not every one.
            district = _district(attrs.get("coord_place") or attrs.get("place"),
                                 (home.lat, home.lon))
            if district:
                choice = assign_ring(attrs.get("reach"), attrs.get("lat"), attrs.get("lon"),
                                     home, place=attrs.get("place"), district=district)
        result.append(ReachPartner(node, str(attrs.get("label", node)), str(category),
                                   str(attrs.get("place") or ""), attrs.get("reach"), choice))
    return sorted(result, key=lambda p: schema.name_key(p.name))


def region_rule(home: Home | None, lang: str = "de") -> str:
    """What the regional ring holds, in a few words: "bis 50 km entfernt oder im selben
    Kreis", or for a home in a named region "die Kreise von Südwestfalen und alles bis 50 km".
    """
    km = number(int(REGION_KM), lang)
    if home is not None and home.region:
        return say("drawing.reach.region_rule_named", lang, region=home.region, km=km)
    return say("drawing.reach.region_rule", lang, km=km)


def ring_name(ring: str, home: Home | None, lang: str = "de") -> str:
    """A ring's short name: "Soest", "Region", "NRW", "Deutschland", "International".

    >>> home = Home("Soest", 51.571, 8.106, "NW")
    >>> [ring_name(r, home) for r in RINGS]
    ['Soest', 'Region', 'NRW', 'Deutschland', 'International']
    >>> ring_name("land", None, "en"), ring_name("lokal", None, "en")
    ('Home state', 'Local')
    """
    text = words("drawing.reach.rings", lang)
    if ring == "lokal" and home is not None and home.name:
        return home.name
    if ring == "regional" and home is not None and home.region:
        return home.region
    if ring == "land" and home is not None and home.state:
        from .places import states

        return SHORT_STATES.get(home.state) or states()[home.state][0]
    return str(text[ring])


# --- layout -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReachLayout:
    """Where everything goes, in layout units with the home at (0, 0), y up.

    ``radii`` per ring; ``sectors`` per category: (start, end) angles in radians, counter-
    clockwise, in the order drawn; ``positions`` per partner node; ``angles`` per node;
    ``name_y`` the height of each ring's name to the right of the rings (its leader line runs
    there); ``gap`` the angles (radians, low, high) kept free of dots for those lines.
    """

    partners: tuple[ReachPartner, ...]
    radii: dict[str, float]
    sectors: dict[str, tuple[float, float]]
    positions: dict[Any, tuple[float, float]]
    angles: dict[Any, float]
    name_y: dict[str, float]
    gap: tuple[float, float]
    without: tuple[ReachPartner, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    category_counts: dict[str, int] = field(default_factory=dict)

    @property
    def outer(self) -> float:
        """The outer ring's radius."""
        return self.radii[RINGS[-1]]


def _category_order(categories: Iterable[str]) -> list[str]:
    present = set(categories)
    known = [c for c in schema.CATEGORIES if c in present]
    others = sorted(present - set(schema.CATEGORIES) - {NO_CATEGORY}, key=str.casefold)
    return known + others + ([NO_CATEGORY] if NO_CATEGORY in present else [])


def reach_layout(partners: Sequence[ReachPartner]) -> ReachLayout:
    """Sectors, radii and positions for ``partners`` (those without a ring go to
    ``without``).

    Every ring's name stands right of the rings at ``name_y``; its leader line runs left at
    that height to the ring, crossing the rings outside it. The gap keeps those crossings
    free of dots; the sectors share the rest of the circle by their number of partners (at
    least :data:`MIN_SECTOR` each), starting just above the gap and going counter-clockwise in
    the order of the categories. On each ring a sector's partners are spread evenly over it.

    >>> a = ReachPartner("A", "A", "Austausch", "", None, RingChoice("lokal", "column"))
    >>> b = ReachPartner("B", "B", "Netzwerk", "", None, RingChoice("national", "column"))
    >>> layout = reach_layout([a, b])
    >>> [round(math.hypot(*layout.positions[n]), 2) for n in "AB"]
    [1.25, 4.25]
    """
    placed = [p for p in partners if p.ring is not None]
    without = tuple(p for p in partners if p.ring is None)
    counts = Counter(p.category for p in placed)
    order = _category_order(counts)
    pad = math.radians(GAP_PAD)
    name_y = {ring: -i * NAME_STEP for i, ring in enumerate(RINGS)}
    radii = {ring: FIRST_RADIUS + i * RING_STEP for i, ring in enumerate(RINGS)}
    sectors: dict[str, tuple[float, float]] = {}
    gap = _gap(radii, name_y, pad)
    for _ in range(3):  # the gap depends on the radii and the radii on the sectors: settle
        gap = _gap(radii, name_y, pad)
        sectors = _sectors(order, counts, len(placed), gap)
        # Radii only grow, so the leader lines cross them at smaller angles than the gap
        # (computed from the radii before) keeps free.
        grown = _radii(placed, sectors, pad)
        radii = {ring: max(radii[ring], grown[ring]) for ring in RINGS}
    positions: dict[Any, tuple[float, float]] = {}
    angles: dict[Any, float] = {}
    for category in order:
        a0, a1 = sectors[category]
        inner_pad = min(pad, (a1 - a0) / 4)
        for ring in RINGS:
            members = [p for p in placed if p.category == category and p.ring == ring]
            for k, partner in enumerate(members):
                angle = a0 + inner_pad + (k + 0.5) / len(members) * (a1 - a0 - 2 * inner_pad)
                radius = radii[ring]
                angles[partner.node] = angle
                positions[partner.node] = (radius * math.cos(angle), radius * math.sin(angle))
    ring_counts = {ring: sum(1 for p in placed if p.ring == ring) for ring in RINGS}
    return ReachLayout(tuple(placed), radii, sectors, positions, angles, name_y, gap, without,
                       ring_counts, {c: counts[c] for c in order})


def _gap(radii: Mapping[str, float], name_y: Mapping[str, float],
         pad: float) -> tuple[float, float]:
    """The angles (low, high) where the ring names' leader lines cross the rings, padded."""
    low = 0.0
    for j, ring in enumerate(RINGS):
        for inner in RINGS[:j + 1]:  # the inner rings' lines cross this one; its own ends here
            low = min(low, math.asin(max(-1.0, name_y[inner] / radii[ring])))
    return low - pad, pad


def _sectors(order: Sequence[str], counts: Mapping[str, int], total: int,
             gap: tuple[float, float]) -> dict[str, tuple[float, float]]:
    """Each category's sector: its share of the circle outside the gap (at least
    :data:`MIN_SECTOR`), counter-clockwise from the gap's upper edge."""
    span = 2 * math.pi - (gap[1] - gap[0])
    shares = {c: max(counts[c] / max(total, 1), MIN_SECTOR) for c in order}
    whole = sum(shares.values()) or 1.0
    sectors = {}
    start = gap[1]
    for category in order:
        end = start + span * shares[category] / whole
        sectors[category] = (start, end)
        start = end
    return sectors


def _radii(placed: Sequence[ReachPartner], sectors: Mapping[str, tuple[float, float]],
           pad: float) -> dict[str, float]:
    """Each ring's radius: at least RING_STEP outside the one inside it, and large enough that
    the partners of the most crowded sector on it stand DOT_SPACING apart."""
    radii: dict[str, float] = {}
    previous = FIRST_RADIUS - RING_STEP
    for ring in RINGS:
        needed = previous + RING_STEP
        for category, (a0, a1) in sectors.items():
            members = sum(1 for p in placed if p.category == category and p.ring == ring)
            usable = a1 - a0 - 2 * min(pad, (a1 - a0) / 4)
            if members > 1 and usable > 0:
                needed = max(needed, members * DOT_SPACING / usable)
        radii[ring] = needed
        previous = needed
    return radii


# --- drawing ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReachLook:
    """How the reach picture is drawn; sizes in points (a slide's defaults; a screen passes
    larger ones). ``dot`` is a partner's radius, ``label_chars`` where names wrap."""

    label_size: float = 12.0
    ring_size: float = 15.0
    category_size: float = 15.0
    home_size: float = 15.0
    dot: float = 6.0
    label_chars: int = 22
    label_lines: int = 2
    #: the smallest type a name may take where it finds no room in ``label_size`` (default:
    #: four fifths of it, at least 9 points)
    label_min: float | None = None
    labels: bool = True
    text: str = "#1F1F1F"
    muted: str = "#555555"
    ring: str = "#9A9A9A"
    bands: tuple[str, str] = ("#F1F1F1", "#FAFAFA")
    line: float = 1.2


@dataclass(frozen=True)
class DrawnReach:
    """What :func:`draw_reach` drew: the partners named and those it found no room to name,
    the boxes of every text (x0, y0, x1, y1 in pixels, y up) by kind ("partner", "ring",
    "category", "home"; "leader": a ring name's leader line), the picture's pixels per layout
    unit and the home's place in pixels (display coordinates)."""

    labelled: tuple[Any, ...]
    unnamed: tuple[Any, ...]
    boxes: tuple[tuple[str, tuple[float, float, float, float]], ...]
    scale: float
    centre: tuple[float, float]


Item = tuple[float, float, float, float, float, float]


def _alignment(cos: float, sin: float) -> tuple[str, str]:
    """How a name outside the rings is anchored in the direction (cos, sin): away from the
    rings, centred only straight above, below or beside them.

    >>> _alignment(1.0, 0.0), _alignment(-0.3, -0.95), _alignment(0.0, 1.0)
    (('left', 'center'), ('right', 'top'), ('center', 'bottom'))
    """
    ha = "left" if cos > 0.1 else ("right" if cos < -0.1 else "center")
    va = "bottom" if sin > 0.35 else ("top" if sin < -0.35 else "center")
    return ha, va


def _touch(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _fit_scale(items: Sequence[Item], width: float, height: float,
               margin: float) -> tuple[float, float, float]:
    """The largest scale (pixels per layout unit) at which every item fits into ``width`` ×
    ``height`` pixels less ``margin`` on each side, and where the centre then goes (pixels)."""
    def extent(scale: float) -> tuple[float, float, float, float]:
        return (min(i[0] * scale + i[2] for i in items), max(i[0] * scale + i[3] for i in items),
                min(i[1] * scale + i[4] for i in items), max(i[1] * scale + i[5] for i in items))

    low, high = 1e-6, max(width, height)
    for _ in range(50):  # bisection: the extent grows with the scale
        middle = (low + high) / 2
        x0, x1, y0, y1 = extent(middle)
        if x1 - x0 <= width - 2 * margin and y1 - y0 <= height - 2 * margin:
            low = middle
        else:
            high = middle
    x0, x1, y0, y1 = extent(low)
    return low, (width - (x1 - x0)) / 2 - x0, (height - (y1 - y0)) / 2 - y0


def band_edges(layout: ReachLayout) -> list[float]:
    """The radii where the rings' shaded bands meet: half-way between two rings, and half a
    ring step inside the first and outside the last."""
    radii = [layout.radii[ring] for ring in RINGS]
    middles = [(a + b) / 2 for a, b in zip(radii, radii[1:], strict=False)]
    return [radii[0] - RING_STEP / 2, *middles, radii[-1] + RING_STEP / 2]


def category_name(category: str, lang: str = "de") -> str:
    return category or str(words("drawing.reach", lang)["no_category"])


def draw_reach(figure: Any, axes: Any, layout: ReachLayout, home: Home | None, lang: str = "de",
               *, look: ReachLook = ReachLook(), centre_name: str = "") -> DrawnReach:
    """Draw ``layout`` into ``axes`` (filling the figure): shaded rings, the sectors' borders,
    the home in the middle (``centre_name``, else the home's place), the ring names with their
    counts right of the rings ("Deutschland: 12 Partner"), each category's name and count in
    its colour outside its sector, the partners as dots in their category's colour and their
    names where there is room (none overlapping another text or a dot)."""
    from matplotlib.patches import Circle

    renderer = figure.canvas.get_renderer()
    px = figure.dpi / 72
    width, height = float(axes.bbox.width), float(axes.bbox.height)
    edges = band_edges(layout)
    outer = edges[-1]
    ring_texts = {ring: say("drawing.reach.ring_count", lang,
                            ring=ring_name(ring, home, lang), count=layout.counts.get(ring, 0))
                  for ring in RINGS}
    category_texts = {category: say("drawing.reach.category_count", lang,
                                    category=category_name(category, lang),
                                    count=layout.category_counts.get(category, 0))
                      for category in layout.sectors}

    def measure(text: str, size: float) -> tuple[float, float]:
        probe = axes.text(0, 0, text, fontsize=size, fontweight="bold")
        extent = probe.get_window_extent(renderer)
        probe.remove()
        return float(extent.width), float(extent.height)

    category_sizes = {c: measure(text, look.category_size)
                      for c, text in category_texts.items()}
    room = (look.label_size * 1.25 * look.label_lines + 6) * px
    category_at = 6 * px
    name_gap = 12 * px

    def fit(ring_size: float) -> tuple[float, float, float]:
        """The largest scale at which everything fits, and the centre in pixels.

        Everything drawn is a box (ux, uy, x0, x1, y0, y1): from ux * scale + x0 to ux * scale
        + x1 pixels from the centre (y alike): the rings with room for a partner's name around
        them, the categories' names, the rings' names."""
        items = [(-outer, -outer, -room, -room, -room, -room),
                 (outer, outer, room, room, room, room)]
        for category, (a0, a1) in layout.sectors.items():
            middle = (a0 + a1) / 2
            cos, sin = math.cos(middle), math.sin(middle)
            w, h = category_sizes[category]
            ha, va = _alignment(cos, sin)
            x0 = {"right": -w, "left": 0.0, "center": -w / 2}[ha]
            y0 = {"top": -h, "bottom": 0.0, "center": -h / 2}[va]
            dx, dy = category_at * cos, category_at * sin
            items.append((outer * cos, outer * sin, dx + x0, dx + x0 + w, dy + y0,
                          dy + y0 + h))
        for ring in RINGS:
            w, h = measure(ring_texts[ring], ring_size)
            items.append((outer, layout.name_y[ring], name_gap, name_gap + w, -h / 2, h / 2))
        return _fit_scale(items, width, height, 4 * px)

    ring_size = look.ring_size
    scale, centre_x, centre_y = fit(ring_size)
    for _ in range(4):  # the ring names one under the other must not touch: smaller type
        tallest = max(measure(text, ring_size)[1] for text in ring_texts.values())
        if tallest <= NAME_STEP * scale * 0.92 or ring_size <= 8:
            break
        ring_size = max(8.0, ring_size * NAME_STEP * scale * 0.92 / tallest)
        scale, centre_x, centre_y = fit(ring_size)
    axes.set_xlim(-centre_x / scale, (width - centre_x) / scale)
    axes.set_ylim(-centre_y / scale, (height - centre_y) / scale)
    dot = max(min(look.dot, DOT_SPACING * 0.42 * scale / px), 2.5)

    # bands and ring lines, outside in
    for i in reversed(range(len(RINGS))):
        axes.add_patch(Circle((0, 0), edges[i + 1], facecolor=look.bands[i % 2],
                              edgecolor="none", zorder=0.5, gid=f"band-{RINGS[i]}"))
    axes.add_patch(Circle((0, 0), edges[0], facecolor="white", edgecolor="none", zorder=0.6))
    for ring in RINGS:
        axes.add_patch(Circle((0, 0), layout.radii[ring], fill=False, edgecolor=look.ring,
                              linewidth=look.line, zorder=1, gid=f"ring-{ring}"))
    # sector borders: white spokes through the bands
    inner_edge = edges[0]
    borders = [a for a0, a1 in layout.sectors.values() for a in (a0, a1)]
    for angle in dict.fromkeys(round(a, 9) for a in borders):
        axes.plot([inner_edge * math.cos(angle), outer * math.cos(angle)],
                  [inner_edge * math.sin(angle), outer * math.sin(angle)], color="white",
                  linewidth=3 * look.line, zorder=1.2, solid_capstyle="butt")

    boxes: list[tuple[str, tuple[float, float, float, float]]] = []

    def box_of(artist: Any) -> tuple[float, float, float, float]:
        extent = artist.get_window_extent(renderer)
        return (float(extent.x0), float(extent.y0), float(extent.x1), float(extent.y1))

    # the home in the middle: its name in white on dark, inside the innermost ring (smaller
    # type where it would reach the ring); a dark dot without a name
    name = centre_name or (home.name if home else "")
    hole = (edges[0] - 0.12) * scale
    size = look.home_size
    text = None
    while name:
        text = axes.text(0, 0, label_text(name, 14, 2), ha="center", va="center",
                         fontsize=size, fontweight="bold", color="white", zorder=6,
                         parse_math=False, gid="home-name", linespacing=1.05,
                         bbox={"boxstyle": "round,pad=0.35", "fc": HUB_COLOR, "ec": "white",
                               "lw": 1.5})
        x0, y0, x1, y1 = box_of(text)
        middle = axes.transData.transform((0.0, 0.0))
        corners = [(x - middle[0], y - middle[1]) for x in (x0, x1) for y in (y0, y1)]
        if size <= 7 or all(math.hypot(*c) <= hole for c in corners):
            break
        text.remove()
        size -= 0.5
    if text is not None:
        boxes.append(("home", box_of(text)))
    else:
        axes.add_patch(Circle((0, 0), min(HOME_RADIUS, edges[0] * 0.3), facecolor=HUB_COLOR,
                              edgecolor="white", linewidth=2, zorder=3, gid="home"))

    # ring names right of the rings, each with a leader line to its ring
    name_x = outer + name_gap / scale
    for ring in RINGS:
        y = layout.name_y[ring]
        radius = layout.radii[ring]
        reach_x = math.sqrt(max(radius ** 2 - y ** 2, 0.0))
        axes.plot([reach_x, name_x - 4 * px / scale], [y, y], color=look.ring,
                  linewidth=0.9 * look.line, linestyle=(0, (1, 2)), zorder=1.5,
                  gid=f"ring-leader-{ring}")
        axes.plot([reach_x], [y], marker="o", markersize=4, color=look.ring, zorder=1.6)
        text = axes.text(name_x, y, ring_texts[ring], ha="left", va="center",
                         fontsize=ring_size, fontweight="bold", color=look.text,
                         zorder=6, parse_math=False, gid=f"ring-name-{ring}")
        boxes.append(("ring", box_of(text)))
        # the leader line may not be crossed by a partner's name either
        start = axes.transData.transform((reach_x, y))
        boxes.append(("leader", (float(start[0]), float(start[1]) - 1, box_of(text)[0],
                                 float(start[1]) + 1)))

    # category names outside their sector; one that would touch another moves further out
    # (in a small picture two small sectors side by side)
    frame = axes.bbox
    for category, (a0, a1) in layout.sectors.items():
        middle = (a0 + a1) / 2
        colour = CATEGORY_COLORS.get(category, NONE_COLOR)
        cos, sin = math.cos(middle), math.sin(middle)
        ha, va = _alignment(cos, sin)
        taken = [b for kind, b in boxes if kind == "category"]
        for step in range(4):
            at = outer + (category_at + step * look.category_size * 1.3 * px) / scale
            text = axes.text(at * cos, at * sin, category_texts[category],
                             fontsize=look.category_size, fontweight="bold", color=colour,
                             zorder=6, parse_math=False, ha=ha, va=va, gid="category-name")
            own = box_of(text)
            inside = (own[0] >= frame.x0 and own[2] <= frame.x1 and own[1] >= frame.y0
                      and own[3] <= frame.y1)
            if step == 3 or (inside and not any(_touch(own, b) for b in taken)):
                break
            text.remove()
        boxes.append(("category", own))

    # the partners
    partners = [p for p in layout.partners if p.node in layout.positions]
    xs = [layout.positions[p.node][0] for p in partners]
    ys = [layout.positions[p.node][1] for p in partners]
    colours = [CATEGORY_COLORS.get(p.category, NONE_COLOR) for p in partners]
    dots = axes.scatter(xs, ys, s=(2 * dot) ** 2, c=colours, edgecolors="white",
                        linewidths=1.2, zorder=4)
    dots.set_gid("partners")
    labelled: tuple[Any, ...] = ()
    if look.labels and partners:
        # the most distant first: their names have the most room outside
        order = sorted(range(len(partners)),
                       key=lambda i: (-RINGS.index(partners[i].ring or RINGS[0]),
                                      layout.angles[partners[i].node]))
        order = order[:MAX_LABELS]
        labels = []
        for i in order:
            partner = partners[i]
            angle = layout.angles[partner.node]
            labels.append(Label(label_text(partner.name, look.label_chars, look.label_lines),
                                xs[i], ys[i], dot, size=look.label_size,
                                toward=(math.cos(angle), math.sin(angle)),
                                min_size=look.label_min or max(look.label_size * 0.8, 9.0),
                                leader_colour=colours[i]))
        markers = [(x, y, dot) for x, y in zip(xs, ys, strict=True)]
        texts_before = len(axes.texts)
        # On a white backing, not a halo: a halo turns the letters into paths in an SVG.
        placed = place_labels(figure, axes, labels, markers, leaders=True,
                              colour=look.text, avoid=[b for _, b in boxes])
        for text in axes.texts[texts_before:]:
            text.set_gid("partner-name")
            boxes.append(("partner", box_of(text)))
        labelled = tuple(partners[order[k]].node for k in placed)
    named = set(labelled)
    unnamed = tuple(p.node for p in partners if p.node not in named) if look.labels else ()
    middle = axes.transData.transform((0.0, 0.0))
    return DrawnReach(labelled, unnamed, tuple(boxes), scale,
                      (float(middle[0]), float(middle[1])))


def reach_svg(layout: ReachLayout, home: Home | None, width: int, height: int,
              lang: str = "de", *, look: ReachLook = ReachLook(),
              centre_name: str = "") -> tuple[str, DrawnReach]:
    """The reach picture as SVG, ``width`` × ``height`` pixels (one point of ``look`` is one
    pixel); text stays text."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    settings = {"font.family": ["DejaVu Sans", "sans-serif"], "svg.fonttype": "none",
                "svg.hashsalt": "partnernetz-reach", "text.parse_math": False}
    with picture_settings(settings):
        figure = Figure(figsize=(width / 72, height / 72), dpi=72, facecolor="white")
        FigureCanvasAgg(figure)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_axis_off()
        drawn = draw_reach(figure, axes, layout, home, lang, look=look,
                           centre_name=centre_name)
        buffer = io.StringIO()
        # Once more for writing: in the app's server the settings were found back at
        # matplotlib's defaults after the names were placed (the letters came out as paths).
        with picture_settings(settings):
            figure.savefig(buffer, format="svg", facecolor="white", metadata={"Date": None})
    return buffer.getvalue(), drawn


def count_line(layout: ReachLayout, home: Home | None, lang: str = "de") -> str:
    """Partners per ring in one line: "Soest: 15 Partner · Region: 20 Partner · …"."""
    return " · ".join(say("drawing.reach.ring_count", lang, ring=ring_name(r, home, lang),
                          count=layout.counts.get(r, 0)) for r in RINGS)


def disagreements(partners: Iterable[ReachPartner]) -> list[ReachPartner]:
    """The partners whose Reichweite and coordinates point to different rings."""
    return [p for p in partners if p.disagrees]


def ring_rows(layout: ReachLayout, home: Home | None,
              lang: str = "de") -> list[tuple[str, int, list[str]]]:
    """(ring name, count, names) per ring, inside out, then "ohne Angabe" when any."""
    rows = [(ring_name(ring, home, lang), layout.counts.get(ring, 0),
             [p.name for p in layout.partners if p.ring == ring]) for ring in RINGS]
    if layout.without:
        rows.append((str(words("drawing.reach", lang)["without"]), len(layout.without),
                     [p.name for p in layout.without]))
    return rows
