"""The map slide: partner places on plain coordinates with coarse country outlines.

Which partners have coordinates, how they group into places and which region is home comes from
:mod:`network_app.drawing.places` (the presentation page's map uses the same); the place labels
are placed by :func:`network_app.drawing.labels.place_labels`.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

from ...drawing.labels import Label, place_labels
from ...drawing.places import (
    Place,
    Region,
    coordinates_text,
    group_places,
    home_region,
    inside,
    located,
    place_label,
)
from ...text import by_language, number
from .drawing import fit_box, height_in, render, width_in
from .shapes import Deck, picture, text_box
from .text import plain
from .theme import CONTENT_BOTTOM, CONTENT_TOP, MARGIN, MUTED, SLIDE_W, SMALL_PT, TEXT

__all__ = ["map_slide"]

MAX_PLACE_LABELS = 20
PLACE_LABEL_PT = 13


#: Coarse country outlines for the map (Natural Earth 1:110m, public domain; lon, lat).
_OUTLINES: dict[str, tuple[tuple[float, float], ...]] = {
    "Deutschland": (
        (9.92, 54.98), (9.94, 54.6), (10.95, 54.36), (10.94, 54.01), (11.96, 54.2),
        (12.52, 54.47), (13.65, 54.08), (14.12, 53.76), (14.35, 53.25), (14.07, 52.98),
        (14.44, 52.62), (14.69, 52.09), (14.61, 51.75), (15.02, 51.11), (14.57, 51.0),
        (14.31, 51.12), (14.06, 50.93), (13.34, 50.73), (12.97, 50.48), (12.24, 50.27),
        (12.42, 49.97), (12.52, 49.55), (13.03, 49.31), (13.6, 48.88), (13.24, 48.42),
        (12.88, 48.29), (13.03, 47.64), (12.93, 47.47), (12.62, 47.67), (12.14, 47.7),
        (11.43, 47.52), (10.54, 47.57), (10.4, 47.3), (9.9, 47.58), (9.59, 47.53),
        (8.52, 47.83), (8.32, 47.61), (7.47, 47.62), (7.59, 48.33), (8.1, 49.02),
        (6.66, 49.2), (6.19, 49.46), (6.24, 49.9), (6.04, 50.13), (6.16, 50.8), (5.99, 51.85),
        (6.59, 51.85), (6.84, 52.23), (7.09, 53.14), (6.91, 53.48), (7.1, 53.69),
        (7.94, 53.75), (8.12, 53.53), (8.8, 54.02), (8.57, 54.4), (8.53, 54.96), (9.28, 54.83),
    ),
    "Österreich": (
        (16.98, 48.12), (16.9, 47.71), (16.34, 47.71), (16.53, 47.5), (16.2, 46.85),
        (16.01, 46.68), (15.14, 46.66), (14.63, 46.43), (13.81, 46.51), (12.38, 46.77),
        (12.15, 47.12), (11.16, 46.94), (11.05, 46.75), (10.44, 46.89), (9.93, 46.92),
        (9.48, 47.1), (9.63, 47.35), (9.59, 47.53), (9.9, 47.58), (10.4, 47.3), (10.54, 47.57),
        (11.43, 47.52), (12.14, 47.7), (12.62, 47.67), (12.93, 47.47), (13.03, 47.64),
        (12.88, 48.29), (13.24, 48.42), (13.6, 48.88), (14.34, 48.56), (14.9, 48.96),
        (15.25, 49.04), (16.03, 48.73), (16.5, 48.79), (16.96, 48.6), (16.88, 48.47),
    ),
}
_COUNTRY_NAMES = by_language("exports.pptx.countries")
_GERMANY_BOX = (5.8, 15.1, 47.2, 55.1)  # lon min, lon max, lat min, lat max


def map_slide(deck: Deck, graph: nx.Graph) -> None:
    """Where the partners are: all places, and the home region zoomed in when worth it."""
    partners = [a for _, a in graph.nodes(data=True) if a.get("kind") == "partner"]
    with_coordinates = located(partners)
    if not with_coordinates:
        return
    # "our" partners only in the lab's own network (a hub); another tool's are just "the" ones
    slide = deck.slide(deck.say("map" if graph.graph.get("own_organisation") else "map_plain"))
    places = group_places(with_coordinates)
    height = CONTENT_BOTTOM - CONTENT_TOP - 0.85
    whole_width = 5.0
    region_width = SLIDE_W - 2 * MARGIN - whole_width - 0.3
    region = home_region(places, aspect=region_width / height)
    caption = [deck.say("map_count", count=len(with_coordinates),
                        total=number(len(partners), deck.lang))]
    if region is None:
        png = _map_png(places, SLIDE_W - 2 * MARGIN, height, deck.lang)
        picture(slide, png, MARGIN, CONTENT_TOP, SLIDE_W - 2 * MARGIN, deck.say("map_alt"))
    else:
        home = region.home
        name = plain(home.name, 30) or coordinates_text(home.lat, home.lon, deck.lang)
        whole = _map_png(places, whole_width, height, deck.lang, frame=region)
        zoomed = _map_png(places, region_width, height, deck.lang, zoom=region)
        picture(slide, whole, MARGIN, CONTENT_TOP, whole_width, deck.say("map_alt"))
        picture(slide, zoomed, SLIDE_W - MARGIN - region_width, CONTENT_TOP, region_width,
                deck.say("map_region_alt", place=name))
        caption.append(deck.say("map_region", place=name))
    text_box(slide, MARGIN, CONTENT_BOTTOM - 0.75, SLIDE_W - 2 * MARGIN, 0.75,
             [" ".join(caption)], SMALL_PT, colour=MUTED, anchor="bottom")


def _map_png(places: list[Place], width: float, height: float, lang: str, *,
             zoom: Region | None = None, frame: Region | None = None) -> bytes:
    """Partner places on plain coordinates with light country outlines (no map tiles).

    With ``zoom`` the picture shows that region (framed as a whole); else all places, with
    ``frame`` marking the region the zoomed picture shows.
    """
    box = zoom.box if zoom is not None else _map_extent(places)
    png, _ = render(_draw_map, width, height, places, lang, box, zoom is not None,
                    frame.box if frame is not None else None)
    return png


def _draw_map(figure: Any, axes: Any, places: list[Place], lang: str,
              box: tuple[float, float, float, float], zoomed: bool,
              frame: tuple[float, float, float, float] | None) -> None:
    lon0, lon1, lat0, lat1 = box
    stretch = 1 / math.cos(math.radians((lat0 + lat1) / 2))  # equirectangular at mid-latitude
    for country, outline in _OUTLINES.items():
        xs = [p[0] for p in outline]
        ys = [p[1] * stretch for p in outline]
        axes.fill(xs, ys, facecolor="#F3F3F3", edgecolor="#B5B5B5", linewidth=1.2, zorder=1)
        cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
        if lon0 < cx < lon1 and lat0 * stretch < cy < lat1 * stretch:
            axes.text(cx, cy, _COUNTRY_NAMES[lang][country], ha="center", va="center",
                      fontsize=12, color="#9A9A9A", style="italic", zorder=1, parse_math=False)
    if zoomed:  # the zoomed map: framed like its box on the whole map
        from matplotlib.patches import Rectangle

        axes.add_patch(Rectangle((0, 0), 1, 1, transform=axes.transAxes, fill=False,
                                 edgecolor="#" + TEXT, linewidth=3, linestyle="--", zorder=7))
    if frame is not None:
        f0, f1, g0, g1 = frame
        axes.plot([f0, f1, f1, f0, f0], [g * stretch for g in (g0, g0, g1, g1, g0)],
                  color="#" + TEXT, linewidth=1.5, linestyle="--", zorder=2)
    biggest = max(p.count for p in places)
    radii = [_place_radius(p.count, biggest) for p in places]
    axes.scatter([p.lon for p in places], [p.lat * stretch for p in places],
                 s=[(2 * r) ** 2 for r in radii], c="#1F1F1F", alpha=0.85, edgecolors="white",
                 linewidths=1.5, zorder=3)
    fit_box(axes, (lon0, lon1, lat0 * stretch, lat1 * stretch), width_in(figure),
            height_in(figure))
    # On the whole map the places inside the frame are named on the zoomed one.
    named = [(p, r) for p, r in zip(places, radii, strict=True)
             if p.name and inside(p, box) and not (frame and inside(p, frame))]
    labels = [Label(plain(place_label(p, lang), 30), p.lon, p.lat * stretch, r,
                    size=PLACE_LABEL_PT, bold=True, toward=(1.0, 0.3))
              for p, r in named[:MAX_PLACE_LABELS]]
    markers = [(p.lon, p.lat * stretch, r) for p, r in zip(places, radii, strict=True)]
    place_labels(figure, axes, labels, markers, leaders=True, halo=True,
                 colour="#" + TEXT, leader_colour="#" + MUTED, leader_width=1.0)


def _place_radius(count: int, biggest: int) -> float:
    """Marker radius in points: the area grows with the number of partners at the place."""
    return 5 + 13 * math.sqrt(count / biggest)


def _map_extent(places: list[Place]) -> tuple[float, float, float, float]:
    """The places' extent; with Germany as background when most places are in Germany."""
    lons = [p.lon for p in places]
    lats = [p.lat for p in places]
    lon0, lon1, lat0, lat1 = min(lons), max(lons), min(lats), max(lats)
    box = _GERMANY_BOX
    in_germany = sum(p.count for p in places if inside(p, box))
    if 2 * in_germany >= sum(p.count for p in places):
        lon0, lon1 = min(lon0, box[0]), max(lon1, box[1])
        lat0, lat1 = min(lat0, box[2]), max(lat1, box[3])
    pad_lon = max(0.5, 0.05 * (lon1 - lon0))
    pad_lat = max(0.3, 0.05 * (lat1 - lat0))
    return lon0 - pad_lon, lon1 + pad_lon, lat0 - pad_lat, lat1 + pad_lat
