"""The map slide: partner places on plain coordinates with country outlines.

Which partners have coordinates, how they group into places, which region is home and how the
map is drawn comes from :mod:`network_app.drawing.places` (the presentation page's map is the
same drawing); this module lays the pictures out on the slide.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx

from ...drawing.netmap import PartnerMap, partner_map
from ...drawing.places import (
    MapLook,
    Place,
    Region,
    coordinates_text,
    draw_map,
    home_region,
    map_extent,
    place_label,
)
from ...drawing.styling import NodeStyle, node_styles
from ...drawing.styling import legend as default_legend
from ...text import join_list, number
from .drawing import render
from .shapes import Deck, notes, picture, text_box
from .text import plain
from .theme import CONTENT_BOTTOM, CONTENT_TOP, MARGIN, MUTED, SLIDE_W, SMALL_PT, TEXT

__all__ = ["map_slide"]

#: The map slide's look (points on a slide): the deck's colours and type.
LOOK = MapLook(label_size=13, country_size=12, max_labels=20, text="#" + TEXT,
               leader="#" + MUTED)


#: Inches the caption takes from the maps when it has a third line: the places left unnamed.
UNNAMED_ROOM = 0.45
#: At most this many unnamed places by name on the slide; the speaker notes name them all.
UNNAMED_SHOWN = 6


def map_slide(deck: Deck, graph: nx.Graph, styles: Mapping[Any, NodeStyle] | None = None,
              legend: Sequence[tuple[str, str]] | None = None) -> None:
    """Where the partners are: all places, and the home region zoomed in when worth it; the
    places the maps had no room to name are said under them, as on the presentation page.
    The places have the network's colours (``styles``, by default by category; a place of
    several colours is a pie) and the ties between places are drawn
    (:mod:`network_app.drawing.netmap`), with the colours' ``legend`` in the whole map."""
    partners = [a for _, a in graph.nodes(data=True) if a.get("kind") == "partner"]
    found = partner_map(graph, node_styles(graph) if styles is None else styles)
    if not found.spots:
        return
    with_coordinates = [name for spot in found.spots for name in spot.members]
    used = {colour for spot in found.spots for colour, _ in spot.slices}
    shown_legend = [(label, colour) for label, colour in
                    (default_legend(graph, deck.lang) if legend is None else legend)
                    if colour in used]
    # "our" partners only in the lab's own network (a hub); another tool's are just "the" ones
    slide = deck.slide(deck.say("map" if graph.graph.get("own_organisation") else "map_plain"))
    places = found.places
    height = CONTENT_BOTTOM - CONTENT_TOP - 0.85
    whole_width = 5.0
    region_width = SLIDE_W - 2 * MARGIN - whole_width - 0.3
    region = home_region(places, aspect=region_width / height)
    maps = _maps(found, region, whole_width, region_width, height, deck.lang, shown_legend)
    if any(unnamed for _, unnamed in maps):  # room for a line that names them
        height -= UNNAMED_ROOM
        maps = _maps(found, region, whole_width, region_width, height, deck.lang,
                     shown_legend)
    unnamed = [place for _, left_out in maps for place in left_out]
    caption = [deck.say("map_count", count=len(with_coordinates),
                        total=number(len(partners), deck.lang))]
    if region is None:
        picture(slide, maps[0][0], MARGIN, CONTENT_TOP, SLIDE_W - 2 * MARGIN,
                deck.say("map_alt"))
    else:
        name = plain(region.home.name, 30) or coordinates_text(region.home.lat,
                                                               region.home.lon, deck.lang)
        picture(slide, maps[0][0], MARGIN, CONTENT_TOP, whole_width, deck.say("map_alt"))
        picture(slide, maps[1][0], SLIDE_W - MARGIN - region_width, CONTENT_TOP, region_width,
                deck.say("map_region_alt", place=name))
        caption.append(deck.say("map_region", place=name))
    lines = [" ".join(caption)]
    if unnamed:
        names = [plain(place_label(place, deck.lang), 40) for place in unnamed]
        lines.append(deck.say("map_unnamed", count=len(unnamed), places=join_list(
            names, deck.lang, limit=UNNAMED_SHOWN)))
        if len(names) > UNNAMED_SHOWN:
            notes(slide, deck.say("map_unnamed", count=len(unnamed),
                                  places=join_list(names, deck.lang)))
    box_height = 0.75 + (UNNAMED_ROOM if unnamed else 0.0)
    text_box(slide, MARGIN, CONTENT_BOTTOM - box_height, SLIDE_W - 2 * MARGIN, box_height,
             lines, SMALL_PT, colour=MUTED, anchor="bottom")


def _maps(found: PartnerMap, region: Region | None, whole_width: float, region_width: float,
          height: float, lang: str, legend: Sequence[tuple[str, str]]
          ) -> list[tuple[bytes, tuple[Place, ...]]]:
    """The map pictures of the slide with the places each had no room to name: all places
    across the slide, or all places (the region framed) and the region zoomed in; the legend
    in the map of all places."""
    if region is None:
        return [_map_png(found, SLIDE_W - 2 * MARGIN, height, lang, legend=legend)]
    return [_map_png(found, whole_width, height, lang, frame=region, legend=legend),
            _map_png(found, region_width, height, lang, zoom=region)]


def _map_png(found: PartnerMap, width: float, height: float, lang: str, *,
             zoom: Region | None = None, frame: Region | None = None,
             legend: Sequence[tuple[str, str]] = ()) -> tuple[bytes, tuple[Place, ...]]:
    """Partner places over light country outlines (no map tiles), drawn by
    :func:`~network_app.drawing.places.draw_map` as the presentation page's map is, and the
    places it had no room to name.

    With ``zoom`` the picture shows that region (framed as a whole); else all places, with
    ``frame`` marking the region the zoomed picture shows.
    """
    places = found.places
    box = zoom.box if zoom is not None else map_extent(places)
    png, drawn = render(draw_map, width, height, places, lang, box, zoomed=zoom is not None,
                        frame=frame.box if frame is not None else None, look=LOOK,
                        paint=found.paint(), ties=found.place_ties(), legend=legend)
    return png, drawn.unnamed
