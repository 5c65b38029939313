"""The reach view as a picture for print and reports: PNG (300 dpi), SVG and PDF (vector).

A landscape page (A4 or A3) laid out like the network picture (:mod:`.pictures`): the title, a
reading aid (what the rings mean), the rings drawn by
:func:`~network_app.drawing.reach.draw_reach` (the same drawing as the app's page "Reichweite",
the deck's slide and the presentation), a line naming the partners without any reach ("ohne
Angabe") and how many names found no room, and the footer with Datenstand, source and date.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import networkx as nx

from ..drawing.reach import (
    ReachLook,
    draw_reach,
    find_home,
    reach_layout,
    reach_partners,
    region_rule,
    ring_name,
)
from ..drawing.settings import picture_settings
from ..text import join_list, say
from .common import ExportMeta, atomic_target
from .pictures import DPI, FONT, PAPER_SIZES, PICTURE_FORMATS, _metadata, _Page

__all__ = ["reach_page", "reach_reading", "write_reach"]

#: At most this many partners without a reach are named on the page (then "und N weitere").
WITHOUT_SHOWN = 12


def write_reach(path: str | os.PathLike[str], graph: nx.Graph, meta: ExportMeta, *,
                fmt: str = "png", paper: str = "A4") -> Path:
    """Draw the reach view of ``graph``'s partners on a landscape page and write it as PNG,
    SVG or PDF (see :func:`network_app.exports.pictures.write_picture` for ``meta``, ``fmt``
    and ``paper``)."""
    if fmt not in PICTURE_FORMATS:
        raise ValueError(f"unknown picture format {fmt!r}; use one of {PICTURE_FORMATS}")
    settings = {"svg.fonttype": "none", "pdf.fonttype": 42, "svg.hashsalt": "stadtlabor-reach",
                "path.simplify": False}
    with picture_settings(settings):
        figure = reach_page(graph, meta, paper)
        # once more for writing (see network_app.drawing.reach.reach_svg)
        with picture_settings(settings), atomic_target(path) as temporary:
            figure.savefig(temporary, format=fmt, dpi=DPI, metadata=_metadata(meta, fmt))
    return Path(path)


def reach_reading(graph: nx.Graph, lang: str = "de") -> str:
    """What the picture shows, in one or two sentences (the page's and the slide's caption)."""
    home = find_home(graph)
    hub = next((str(a.get("label", n)) for n, a in graph.nodes(data=True)
                if a.get("kind") == "hub"), "")
    centre = hub or (home.name if home else "")
    return say("exports.reach.reading", lang, centre=centre,
               local=ring_name("lokal", home, lang), state=ring_name("land", home, lang),
               region=ring_name("regional", home, lang), rule=region_rule(home, lang))


def reach_page(graph: nx.Graph, meta: ExportMeta, paper: str = "A4") -> Any:
    """The page :func:`write_reach` writes, as a matplotlib ``Figure``; the rings are its
    first axes."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper size {paper!r}; use A4 or A3")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    lang = meta.lang
    home = find_home(graph)
    partners = reach_partners(graph, home)
    layout = reach_layout(partners)
    hub = next((str(a.get("label", n)) for n, a in graph.nodes(data=True)
                if a.get("kind") == "hub"), "")
    width, height = PAPER_SIZES[paper]
    scale = width / PAPER_SIZES["A4"][0]
    with picture_settings({"font.family": [FONT, "sans-serif"], "text.parse_math": False}):
        figure = Figure(figsize=(width, height), dpi=DPI)
        renderer = FigureCanvasAgg(figure).get_renderer()
        page = _Page(figure, renderer, scale)
        top = page.head(meta, say("exports.reach.title", lang,
                                  title=meta.title or meta.words["untitled"]),
                        reach_reading(graph, lang))
        small = {"fontsize": 8.5 * scale, "color": "#444444"}
        footer = page.text(0.02, meta.footer(), 0.97, lines=4, bottom=True, **small)
        bottom = page.above(footer, 0.006)
        if layout.without:
            names = join_list([p.name for p in layout.without], lang, limit=WITHOUT_SHOWN)
            line = page.text(bottom, say("exports.reach.without", lang,
                                         count=len(layout.without), names=names),
                             0.97, lines=2, bottom=True, **small)
            bottom = page.above(line, 0.006)
        # room for the line saying how many names found no room, filled in after drawing
        note_at = bottom
        bottom += page.line_height(8.5 * scale) + 0.006
        axes = figure.add_axes((0.02, bottom + 0.01, 0.96, max(top - bottom - 0.01, 0.05)))
        axes.set_axis_off()
        if not layout.partners:
            axes.text(0.5, 0.5, say("exports.reach.empty", lang), transform=axes.transAxes,
                      ha="center", fontsize=16 * scale, color="#444444")
            return figure
        look = ReachLook(label_size=9 * scale, ring_size=13 * scale, category_size=13 * scale,
                         home_size=12 * scale, dot=5 * scale, line=1.0 * scale)
        drawn = draw_reach(figure, axes, layout, home, lang, look=look, centre_name=hub)
        if drawn.unnamed:
            page.text(note_at, say("exports.pictures.unlabelled", lang,
                                   count=len(drawn.unnamed)), 0.97, lines=1, bottom=True,
                      **small)
    return figure
