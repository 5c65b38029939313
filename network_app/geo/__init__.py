"""Coordinates from the partners' Ort, offline: a gazetteer shipped with the project.

Where a partner's Breite and Länge (``lat``/``lon``) are empty, its Ort (``place``) is looked
up in ``gazetteer.txt.gz`` beside this module: every German Gemeinde (and many Ortsteile), every
Kreis and Land, and the world's cities (from 50,000 inhabitants, in Germany's neighbours from
10,000), from GeoNames (geonames.org, CC BY 4.0), built by ``data/build_gazetteer.py``.
Nothing is downloaded; the file is read on the first look-up (about 0.1 s, once per process).
Coordinates written in the workbook always win, and looked-up ones are never written into it.

For the rest of the program (the API)
-------------------------------------
* :attr:`network_app.workbook.validation.PartnerData.looked_up`: partner name → :class:`Found`
  for every partner with an Ort found here and without coordinates of its own (filled while the
  workbook is validated, see :func:`locate_partners`).
* Graph nodes (:func:`network_app.network.graph.build_graph`): ``lat``/``lon`` as always, from the
  workbook or looked up, and ``coord_source`` saying which: :data:`FROM_TABLE` ("Tabelle"),
  :data:`FROM_PLACE` ("Ortsname") or None (no coordinates); looked-up nodes also carry
  ``coord_place``, the name of the place they stand at (:attr:`Found.name`: the gazetteer's
  in Germany, "Lippstadt" for "Lippstadt-Cappel"; the Ort as written abroad).
  So :func:`network_app.drawing.places.located` and everything drawing a map works from the Ort
  alone.
* :meth:`~network_app.workbook.validation.PartnerData.placed_partners`: the partner records
  (as ``records("partners")``) with the same three fields, for pages that draw from the data
  rather than the graph (the presentation's map).
* :func:`lookup` (one name, optionally near a home; its :class:`Found` ``.place`` has
  ``name``, ``kind``, ``lat``, ``lon``, ``country`` (ISO code), ``kreis``, ``land`` (code, "NW")
  and ``population``: where a partner lies, for the reach view, also when the workbook gives its
  coordinates), :func:`nearest` (the place at coordinates: its Kreis, Land, country),
  :func:`suggest` (the closest known name, for "meinten Sie …?"), :func:`with_coordinates`
  (fill records from a ``looked_up`` map).
* Problems (:mod:`network_app.workbook.validation`): ``place_not_found`` (sheet, Excel row,
  column Ort, a suggestion), ``place_ambiguous`` (another place of that name could be meant),
  ``place_part`` (only the first words were found: "Lippstadt-Cappel" stands at Lippstadt).

How a name is read
------------------
Case, spaces, umlauts spelled out or left out (Münster, Muenster, Munster), accents,
abbreviations ("Frankfurt a. M.", "Freiburg i. Br.", "St. Augustin"), qualifiers ("Soest
(Westf.)", "Soest/Westfalen", "Halle (Saale)": they pick among places of that name), words
like "Stadt", "Hansestadt", "Gemeinde" before the name, "Kreis"/"Landkreis" (then the Kreis is
meant), exonyms GeoNames has (Cologne, Munich, Wien/Vienna), and, when the whole is unknown,
its first words ("Lippstadt-Cappel" → Lippstadt; reported as ``place_part``).

Places of the same name: a town comes before an Ortsteil, a Kreis and a Land ("Soest" is the
town, "Kreis Soest" the Kreis); among towns, the one nearest the partners' home when one lies
within NEAR_KM (50 km) of it (of those whose own name it is or begins: "Verl" is Verl, not
Werl nearer by, whose other names include "Verl"), else the biggest, a place abroad counting a
third of its inhabitants and a place found under another of its names a tenth (Soest in
Westfalen before Soest in Utrecht; Salzburg in Austria before the village in the
Westerwald; "Lichtenau" is not Hessisch Lichtenau). The home is where most partners are, by
their coordinates or their places (of one name, the biggest, for this). "Neustadt" far from
home is Neustadt an der Weinstraße, with a note naming another Neustadt that could be meant.

>>> lookup("Soest (Westf.)").place.where
'Soest (Kreis Soest, NW)'
>>> lookup("Kreis Soest").place.kind, lookup("Frankfurt a. M.").place.name
('K', 'Frankfurt am Main')
>>> lookup("Lippstadt-Cappel").how, lookup("Cologne").place.name
('part', 'Köln')
>>> suggest("Lippstatt").name
'Lippstadt'
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from .directory import NEAR_KM, Found, Place, gazetteer

__all__ = ["FROM_PLACE", "FROM_TABLE", "NEAR_KM", "Found", "Place", "has_coordinates", "home_of",
           "locate_partners", "lookup", "nearest", "suggest", "with_coordinates"]

#: ``coord_source`` of coordinates written in the workbook's Breite/Länge.
FROM_TABLE = "Tabelle"
#: ``coord_source`` of coordinates looked up from the Ort.
FROM_PLACE = "Ortsname"


def lookup(text: str, near: tuple[float, float] | None = None) -> Found | None:
    """The place ``text`` names (see the module for the rules), or None when none is known.

    ``near`` is the partners' home (latitude, longitude): of places with the same name, one
    within NEAR_KM of it is taken.
    """
    return gazetteer().find(text, near)


def nearest(lat: float, lon: float, km: float = 25.0) -> Place | None:
    """The town (Gemeinde, Ortsteil or city abroad) nearest to (lat, lon) within ``km``, or
    None: its ``kreis``, ``land`` and ``country`` say where coordinates lie.

    >>> nearest(51.571, 8.106).kreis, nearest(47.80, 13.04).country
    ('Kreis Soest', 'AT')
    """
    return gazetteer().nearest(lat, lon, km)


@functools.lru_cache(maxsize=1024)
def suggest(text: str) -> Place | None:
    """The known place whose name is most like ``text`` (rapidfuzz), or None."""
    return gazetteer().suggest(text)


def has_coordinates(record: Mapping[str, Any]) -> bool:
    """Whether a record's ``lat``/``lon`` are usable numbers: as
    :func:`network_app.drawing.places.has_coordinates`, without importing the drawing (the
    workbook's validation calls this module)."""
    lat, lon = record.get("lat"), record.get("lon")
    if lat is None or lon is None:  # most partners without coordinates: no more to look at
        return False
    if type(lat) is float and type(lon) is float:  # a NaN or an infinity is out of range
        return -90 <= lat <= 90 and -180 <= lon <= 180
    return (all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
                for v in (lat, lon))
            and -90 <= lat <= 90 and -180 <= lon <= 180)


def home_of(points: Iterable[tuple[float, float]]) -> tuple[float, float] | None:
    """Where most of ``points`` are (rounded to a tenth of a degree, about 10 km), the first
    such point; None without points.

    >>> home_of([(51.57, 8.10), (52.52, 13.40), (51.58, 8.11)])
    (51.57, 8.1)
    """
    points = list(points)
    if not points:
        return None
    counts = Counter((round(lat, 1), round(lon, 1)) for lat, lon in points)
    top = counts.most_common(1)[0][0]
    return next(p for p in points if (round(p[0], 1), round(p[1], 1)) == top)


def locate_partners(records: Iterable[Mapping[str, Any]]) -> tuple[dict[str, Found], list[str]]:
    """Look up the Ort of every partner without coordinates of its own.

    ``records`` are partner rows with ``name``, ``place``, ``lat`` and ``lon``. Returns the
    places found (partner name → :class:`Found`) and the names of the partners whose Ort was
    not found. Places of one name are chosen near the partners' home: :func:`home_of` the
    coordinates given and the places found (of one name, the biggest).
    """
    records = list(records)
    wanted = [r for r in records if r.get("place") and not has_coordinates(r)]
    if not wanted:
        return {}, []
    first = {text: lookup(text) for text in dict.fromkeys(str(r["place"]) for r in wanted)}
    points = [(float(r["lat"]), float(r["lon"])) for r in records if has_coordinates(r)]
    points += [(f.place.lat, f.place.lon) for r in wanted
               if (f := first[str(r["place"])]) is not None]
    home = home_of(points)
    found: dict[str, Found] = {}
    missing: list[str] = []
    for record in wanted:
        text = str(record["place"])
        result = first[text]
        if result is not None and result.rivals and home is not None:
            result = lookup(text, home)
        if result is None:
            missing.append(record["name"])
        else:
            found[record["name"]] = result
    return found, missing


def with_coordinates(records: Iterable[Mapping[str, Any]],
                     looked_up: Mapping[str, Found]) -> list[dict[str, Any]]:
    """``records`` (partner rows or node attributes with a ``name``) with ``lat``/``lon`` filled
    from ``looked_up`` where they have none, and ``coord_source`` (and ``coord_place``)."""
    filled = []
    for record in records:
        row = dict(record)
        if has_coordinates(row):
            row.update(coord_source=FROM_TABLE, coord_place=None)
        elif (found := looked_up.get(str(row.get("name")))) is not None:
            row.update(lat=found.place.lat, lon=found.place.lon, coord_source=FROM_PLACE,
                       coord_place=found.name)
        else:
            row.update(coord_source=None, coord_place=None)
        filled.append(row)
    return filled
