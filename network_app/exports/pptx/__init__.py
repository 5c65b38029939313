"""PowerPoint deck for the city council: the partner network told in a few large, legible slides.

:func:`write_deck` writes a 16:9 deck (python-pptx) in German (or English):

1. title (title, Datenstand, export date)
2. key figures: partners, ties between partners, activities, programmes; partners per category
3. the overview network picture (matplotlib, same layout and colours as the app, legend); a
   network without a hub (see :attr:`PartnerData.has_hub`) is shown as it is
4. one slide per category: its partners highlighted in the picture, plus the list of names;
   names that do not fit beside the picture continue on a slide "… (Fortsetzung)" (none when
   no partner has a category: a network from another tool)
5. growth over the years: partners per category and year (a native, editable line chart), from
   the first "Seit" year to the Datenstand; left out without "Seit" years, and the sources
   slide says why
6. activities per area and status (native stacked bar chart), when there are activities
7. a map of partner places, when partners have coordinates (Germany plus a zoom on the home
   region; plain coordinates and coarse country outlines, no tiles from the internet)
7b. how far the network reaches: the home in the centre, the partners on rings lokal, Region,
   Land, Deutschland, international (:mod:`.reach`), when any partner has a reach or a place
8. (internal decks only) contact persons
9. sources and Datenstand (and why a slide was left out)

Sizes: titles 38 pt (36 when long), all other slide text at least 20 pt; labels inside pictures
are smaller, so pictures carry only the labels that fit without overlapping (placed greedily, the
largest nodes first, further out with a leader line where needed) and every name is on its
category slide.

Pictures are drawn with matplotlib's Agg canvas (no pyplot, no browser); charts are native
PowerPoint charts, so staff can still restyle them. Everything from the workbook goes into text
frames, chart labels or pictures as plain text: python-pptx escapes XML, matplotlib's mathtext is
switched off, control characters are dropped, and chart labels that start with ``=`` cannot become
formulas in the chart's embedded workbook.

Personal data (``schema.PERSONAL_COLUMNS``) stays out unless ``include_personal``; then the deck
gets a contact table and every slide carries an "intern" mark in the top right corner.

The package, in the order a slide is made: ``theme`` (sizes, colours), ``words`` (slide text in
German and English, section "exports.pptx" of the catalogs), ``text`` (plain workbook text, how
much fits), ``shapes`` (the presentation, titled slides, text boxes), ``drawing`` (matplotlib
figures and view boxes), ``pictures`` (the network pictures: the print export's drawing from
:mod:`network_app.drawing.picture`), ``charts`` (the native charts), ``geo`` (the map slide, on
:mod:`network_app.drawing.places`) and ``slides`` (the other slides). The names one module
uses from another are public; module-private helpers keep their underscore. This module keeps
the slide order.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from ...analysis.timeline import growth_years
from ...atomic import atomic_target
from ...drawing.styling import NodeStyle, node_styles
from ...drawing.styling import legend as default_legend
from ...network.graph import build_graph
from ...network.positions import network_layout
from ...workbook.validation import PartnerData
from ..common import problems_note
from .charts import activities_slide, growth_slide
from .geo import map_slide
from .pictures import Scene
from .reach import reach_slide
from .shapes import Deck, new_presentation
from .slides import (
    category_members,
    category_names,
    category_slide,
    contact_slides,
    deck_meta,
    figures_slide,
    name_list,
    overview_slide,
    sources_slide,
    title_slide,
)
from .words import WORDS

__all__ = ["deck_writer", "write_deck"]


def write_deck(path: str | os.PathLike[str], data: PartnerData, *, graph: nx.Graph | None = None,
               positions: dict[Any, tuple[float, float]] | None = None,
               styles: dict[Any, NodeStyle] | None = None,
               legend: Sequence[tuple[str, str]] | None = None, title: str | None = None,
               data_date: str | None = None, source: str | None = None, lang: str = "de",
               include_personal: bool = False, exported: dt.date | None = None,
               note_problems: bool = True) -> Path:
    """Write the council deck (pptx) for ``data`` to ``path``; return the path.

    Parameters
    ----------
    path : path-like
        The target file; written atomically (temporary file in the same folder, then
        ``os.replace``). Its folder must exist.
    data : PartnerData
        The validated workbook.
    graph, positions, styles, legend : optional
        What the app shows (for example a filtered graph); by default the whole network
        (:func:`~network_app.network.graph.build_graph`),
        :func:`~network_app.network.positions.network_layout`,
        :func:`~network_app.drawing.styling.node_styles` and
        :func:`~network_app.drawing.styling.legend`.
    title, data_date, source : str, optional
        Deck title (default: the workbook's "Titel" setting, else "Partnernetz <own
        organisation>", or "Netzwerk aus <file>" for a network without a hub),
        Datenstand and source (default: the workbook's settings).
    lang : {"de", "en"}
        Language of the slide text.
    include_personal : bool
        Add a table of contact persons and mark every slide "intern". Off by default: no
        value of a personal column appears anywhere in the deck.
    exported : datetime.date, optional
        The export date shown on the title and sources slides (default: today).
    note_problems : bool
        For a workbook with errors, say "Daten unvollständig: N Probleme" on the title and
        sources slides and in a corner of every network picture (on by default).
    """
    if lang not in WORDS:
        raise ValueError(f"unknown language {lang!r}; use 'de' or 'en'")
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
    graph = build_graph(data) if graph is None else graph
    positions = network_layout(graph) if positions is None else positions
    styles = node_styles(graph) if styles is None else styles
    legend = default_legend(graph, lang) if legend is None else legend
    words = WORDS[lang]
    deck = Deck(new_presentation(), words, lang, include_personal)
    note = problems_note(data, lang) if note_problems else ""
    scene = Scene(graph, positions, styles, list(legend), note)
    meta = deck_meta(data, title, data_date, source, lang, exported or dt.date.today(), note)
    title_slide(deck, meta)
    figures_slide(deck, data, graph)
    lists = [(category, members, name_list(category_names(graph, members)))
             for category, members in category_members(graph)]
    overview_slide(deck, scene, data.own_organisation,
                   names_listed=all(names.complete for *_, names in lists))
    for category, members, names in lists:
        category_slide(deck, scene, category, members, names)
    span = growth_years(data)
    if span.years is not None:  # else the sources slide says why there is no growth slide
        growth_slide(deck, data, span)
    if len(data.activities):
        activities_slide(deck, data)
    map_slide(deck, graph, styles, legend)
    reach_slide(deck, graph)
    if include_personal:
        contact_slides(deck, graph)
    sources_slide(deck, meta, notes=[span.sentence(lang) or ""])
    with atomic_target(target) as temporary:
        deck.prs.save(temporary)
    return target


def deck_writer(path: Path, data: PartnerData, graph: nx.Graph,
                positions: dict[Any, tuple[float, float]], styles: dict[Any, NodeStyle],
                legend: list[tuple[str, str]], meta: Any, paper: str) -> Path:
    """:func:`write_deck` as a writer of :func:`network_app.exports.export` (``paper`` unused)."""
    return write_deck(path, data, graph=graph, positions=positions, styles=styles,
                      legend=legend, title=meta.title or None, data_date=meta.data_date or None,
                      source=meta.source or None, lang=meta.lang,
                      include_personal=meta.include_personal, exported=meta.created,
                      note_problems=bool(meta.note))
