"""The map as a picture for print and reports: PNG (300 dpi), SVG and PDF (vector).

A landscape page (A4 or A3) laid out like the network picture (:mod:`.pictures`: title, a
reading aid, the legend and the footer with Datenstand, source and date): the partners at their
places over the outlines of Germany, its Länder and its neighbours (no map tiles), in the
network's colours, with the ties between places (:mod:`network_app.drawing.netmap`, drawn by
:func:`~network_app.drawing.places.draw_map` as the deck's map slide and the presentation's map
are). When most partners live in one region the page shows two maps: all places with the region
framed, and the region up close. A line names how many partners have no coordinates.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from ..drawing.netmap import PartnerMap, partner_map
from ..drawing.places import (
    MapLook,
    Place,
    Region,
    draw_map,
    home_region,
    map_extent,
    place_label,
)
from ..drawing.settings import picture_settings
from ..drawing.styling import NodeStyle
from ..text import by_language, join_list, say
from .common import ExportMeta, atomic_target
from .pictures import DPI, FONT, PAPER_SIZES, PICTURE_FORMATS, _legend_row, _metadata, _Page

__all__ = ["map_page", "write_map"]

_WORDS = by_language("exports.maps")
#: Of the page's width, the whole map takes this share when the region has a map of its own.
WHOLE_SHARE = 0.4
#: At most this many partners without coordinates are named on the page.
MISSING_SHOWN = 8
#: At most this many places the maps had no room to name are named on the page.
UNNAMED_SHOWN = 12


def write_map(path: str | os.PathLike[str], graph: nx.Graph, styles: Mapping[Any, NodeStyle],
              legend: list[tuple[str, str]], meta: ExportMeta, *, fmt: str = "png",
              paper: str = "A4") -> Path:
    """Draw the partners on a map on a landscape page and write it as PNG, SVG or PDF.

    ``graph``, ``styles`` and ``legend`` are what the network picture gets (the partners'
    colours are the same); the hub and activities have no place and are left out. See
    :func:`network_app.exports.pictures.write_picture` for ``meta``, ``fmt`` and ``paper``.
    """
    if fmt not in PICTURE_FORMATS:
        raise ValueError(f"unknown picture format {fmt!r}; use one of {PICTURE_FORMATS}")
    with picture_settings({"svg.fonttype": "none", "pdf.fonttype": 42,
                          "svg.hashsalt": "stadtlabor-map", "path.simplify": False}):
        figure = map_page(graph, styles, legend, meta, paper)
        with atomic_target(path) as temporary:
            figure.savefig(temporary, format=fmt, dpi=DPI, metadata=_metadata(meta, fmt))
    return Path(path)


def map_page(graph: nx.Graph, styles: Mapping[Any, NodeStyle], legend: list[tuple[str, str]],
             meta: ExportMeta, paper: str = "A4") -> Any:
    """The page :func:`write_map` writes, as a matplotlib ``Figure``; the maps are its first
    axes (the whole map first). When the maps had no room to name some places, a line above
    the footer names them: the page is drawn again with room for it."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper size {paper!r}; use A4 or A3")
    found = partner_map(graph, styles)
    with picture_settings({"font.family": [FONT, "sans-serif"], "text.parse_math": False}):
        figure, unnamed = _page(found, legend, meta, paper, note=False)
        if unnamed:
            figure, unnamed = _page(found, legend, meta, paper, note=True)
    return figure


def _page(found: PartnerMap, legend: list[tuple[str, str]], meta: ExportMeta, paper: str, *,
          note: bool) -> tuple[Any, list[Place]]:
    """The page with room for the line of unnamed places when ``note``; returns the figure and
    the places the maps had no room to name."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    width, height = PAPER_SIZES[paper]
    scale = width / PAPER_SIZES["A4"][0]
    words = _WORDS[meta.lang]
    lang = meta.lang
    figure = Figure(figsize=(width, height), dpi=DPI)
    renderer = FigureCanvasAgg(figure).get_renderer()
    page = _Page(figure, renderer, scale)
    top = page.head(meta, meta.title or meta.words["untitled"], _reading(found, lang))
    small = {"fontsize": 8.5 * scale, "color": "#444444"}
    footer = page.text(0.02, meta.footer(), 0.97, lines=4, bottom=True, **small)
    bottom = page.above(footer, 0.006)
    if found.missing:
        names = join_list(list(found.missing), lang, limit=MISSING_SHOWN)
        line = page.text(bottom, say("exports.maps.missing", lang,
                                     count=len(found.missing), names=names),
                         0.97, lines=2, bottom=True, **small)
        bottom = page.above(line, 0.006)
    note_at = bottom
    if note:  # two lines for the places without a name, written once the maps are drawn
        bottom += 2 * page.line_height(8.5 * scale) + 0.006
    used = {colour for spot in found.spots for colour, _ in spot.slices}
    entries = [(Line2D([], [], linestyle="", marker="o", markersize=11 * scale,
                       markerfacecolor=colour, markeredgecolor="white"), label)
               for label, colour in legend if colour in used]
    ties = [(Line2D([], [], color="#404040", alpha=0.5, linewidth=2.5 * scale),
             words["ties"])] if found.ties else []
    # Without a place on the map there is no dot whose size a legend could explain.
    sizes = [(Line2D([], [], linestyle="", marker="o", markersize=11 * scale,
                     markerfacecolor="#FFFFFF", markeredgecolor="#404040"),
              words["size"])] if found.spots else []
    bottom += 0.012
    for row in (ties + sizes, entries):
        if row:
            bottom = page.above(_legend_row(page, row, bottom), 0.008)
    box_height = max(top - bottom - 0.01, 0.05)
    look = MapLook(label_size=9 * scale, country_size=8.5 * scale,
                   marker=(3.5 * scale, 11 * scale), max_labels=24, line=0.8 * scale)
    if not found.spots:
        axes = figure.add_axes((0.02, bottom + 0.01, 0.96, box_height))
        axes.set_axis_off()
        axes.text(0.5, 0.5, words["empty"], transform=axes.transAxes, ha="center",
                  fontsize=16 * scale, color="#444444")
        return figure, []
    places = found.places
    region = home_region(places, aspect=(1 - WHOLE_SHARE) * 0.96 * width
                         / (box_height * height))
    if region is None:
        unnamed = _draw(figure, (0.02, bottom + 0.01, 0.96, box_height), found, lang,
                        map_extent(places), look)
    else:
        whole = WHOLE_SHARE * 0.96
        unnamed = _draw(figure, (0.02, bottom + 0.01, whole - 0.01, box_height), found,
                        lang, map_extent(places), look, frame=region)
        unnamed += _draw(figure, (0.02 + whole + 0.01, bottom + 0.01,
                                  0.96 - whole - 0.01, box_height), found, lang,
                         region.box, look, zoomed=True)
    if note and unnamed:
        names = join_list([place_label(p, lang) for p in unnamed], lang,
                          limit=UNNAMED_SHOWN)
        page.text(note_at, say("exports.maps.unnamed", lang, count=len(unnamed),
                               places=names), 0.97, lines=2, bottom=True, **small)
    return figure, unnamed


def _draw(figure: Any, rect: tuple[float, float, float, float], found: PartnerMap, lang: str,
          box: tuple[float, float, float, float], look: MapLook, *, frame: Region | None = None,
          zoomed: bool = False) -> list[Place]:
    """One map in ``rect`` (figure fractions) showing ``box``; the places it left unnamed."""
    axes = figure.add_axes(rect)
    axes.set_axis_off()
    drawn = draw_map(figure, axes, found.places, lang, box, zoomed=zoomed,
                     frame=frame.box if frame is not None else None, look=look,
                     paint=found.paint(), ties=found.place_ties())
    return list(drawn.unnamed)


def _reading(found: PartnerMap, lang: str) -> str:
    """The reading aid under the title; when no partner has a place, what to do about it."""
    if not found.spots:
        return say("exports.maps.reading_none", lang)
    placed = sum(len(spot.members) for spot in found.spots)
    text = say("exports.maps.reading", lang, count=placed,
               places=say("exports.maps.places", lang, count=len(found.spots)))
    if found.inner_ties:
        text += " " + say("exports.maps.inner", lang, count=found.inner_ties)
    return text
