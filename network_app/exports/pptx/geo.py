"""The map slide: partner places on plain coordinates with country outlines.

Which partners have coordinates, how they group into places, which region is home and how the
map is drawn comes from :mod:`network_app.drawing.places` (the presentation page's map is the
same drawing); this module lays the pictures out on the slide.
"""

from __future__ import annotations

import networkx as nx

from ...drawing.places import (
    MapLook,
    Place,
    Region,
    coordinates_text,
    draw_map,
    group_places,
    home_region,
    located,
    map_extent,
)
from ...text import number
from .drawing import render
from .shapes import Deck, picture, text_box
from .text import plain
from .theme import CONTENT_BOTTOM, CONTENT_TOP, MARGIN, MUTED, SLIDE_W, SMALL_PT, TEXT

__all__ = ["map_slide"]

#: The map slide's look (points on a slide): the deck's colours and type.
LOOK = MapLook(label_size=13, country_size=12, max_labels=20, text="#" + TEXT,
               leader="#" + MUTED)


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
    """Partner places over light country outlines (no map tiles), drawn by
    :func:`~network_app.drawing.places.draw_map` as the presentation page's map is.

    With ``zoom`` the picture shows that region (framed as a whole); else all places, with
    ``frame`` marking the region the zoomed picture shows.
    """
    box = zoom.box if zoom is not None else map_extent(places)
    png, _ = render(draw_map, width, height, places, lang, box, zoomed=zoom is not None,
                    frame=frame.box if frame is not None else None, look=LOOK)
    return png
