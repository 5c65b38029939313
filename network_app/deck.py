"""PowerPoint deck for the city council: the partner network told in a few large, legible slides.

:func:`write_deck` writes a 16:9 deck (python-pptx) in German (or English):

1. title (title, Datenstand, export date)
2. key figures: partners, ties between partners, activities, programmes; partners per category
3. the overview network picture (matplotlib, same ego layout and colours as the app, legend)
4. one slide per category: its partners highlighted in the picture, plus the list of names
5. growth over the years: partners per category and year (a native, editable line chart)
6. activities per area and status (native stacked bar chart), when there are activities
7. a map of partner places, when partners have coordinates (Germany plus a zoom on the home
   region; plain coordinates and coarse country outlines, no tiles from the internet)
8. (internal decks only) contact persons
9. sources and Datenstand

Sizes: titles 38 pt (36 when long), all other slide text at least 20 pt; labels inside pictures
are smaller, so pictures carry only the labels that fit without overlapping (placed greedily, the
best connected partners first) and every name is on its category slide.

Pictures are drawn with matplotlib's Agg canvas (no pyplot, no browser); charts are native
PowerPoint charts, so staff can still restyle them. Everything from the workbook goes into text
frames, chart labels or pictures as plain text: python-pptx escapes XML, matplotlib's mathtext is
switched off, control characters are dropped, and chart labels that start with ``=`` cannot become
formulas in the chart's embedded workbook.

Personal data (``schema.PERSONAL_COLUMNS``) stays out unless ``include_personal``; then the deck
gets a contact table and every slide carries an "intern" mark in the top right corner.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from . import schema
from .atomic import atomic_target
from .figures import NO_CATEGORY
from .graph import build_graph
from .layout import ego_layout
from .styling import CATEGORY_COLORS, HUB_COLOR, NONE_COLOR, NodeStyle, node_styles
from .styling import legend as default_legend
from .timeline import partners_per_year, undated_partners
from .validation import PartnerData

__all__ = ["deck_writer", "write_deck"]

# --- geometry (inches) and type sizes (points) ---

SLIDE_W, SLIDE_H = 13.333, 7.5
MARGIN = 0.5
CONTENT_TOP = 1.5
CONTENT_BOTTOM = 7.15
TITLE_PT = 38
MIN_TITLE_PT = 36
TITLE_SLIDE_PT = 48
BODY_PT = 22
SMALL_PT = 20  # the smallest text on a slide
TILE_NUMBER_PT = 60
LIST_PT = 20
PICTURE_DPI = 200
FONT = "Arial"  # LibreOffice shows the metric-compatible Liberation Sans

TEXT = "1F1F1F"
MUTED = "404040"  # still about 10:1 on white
TILE_FILL = "F0F0F0"
INTERN_FILL = "A50021"
FADED = "#D4D4D4"
FADED_EDGE = "#E6E6E6"
HUB_EDGE = "#CFCFCF"
PARTNER_EDGE = "#7A7A7A"

STATUS_COLORS = {"umgesetzt": "004F7C", "in Umsetzung": "56B4E9", "in Planung": "F0E442"}
OTHER_STATUS_COLOR = "999999"

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
_COUNTRY_NAMES = {"de": {"Deutschland": "Deutschland", "Österreich": "Österreich"},
                  "en": {"Deutschland": "Germany", "Österreich": "Austria"}}
_GERMANY_BOX = (5.8, 15.1, 47.2, 55.1)  # lon min, lon max, lat min, lat max

_WORDS: dict[str, dict[str, str]] = {
    "de": {
        "title": "Partnernetz {org}",
        "data_date": "Datenstand: {date}",
        "exported": "Export vom {date}",
        "figures": "Das Netzwerk in Zahlen",
        "tile_partners": "Partner",
        "tile_ties": "Verbindungen zwischen Partnern",
        "tile_activities": "Aktivitäten",
        "tile_programmes": "Programme",
        "per_category": "Partner je Kategorie",
        "several": "Wer in mehreren Kategorien ist, zählt in jeder.",
        "overview": "Das Partnernetz auf einen Blick",
        "overview_alt": "Netzwerkbild: {org} in der Mitte, {n} Partner nach Kategorien",
        "unlabelled": "{n} Namen passen hier nicht hin; alle Namen stehen auf den "
                      "Kategorie-Folien.",
        "category": "{category}: {n} Partner",
        "category_alt": "Netzwerkbild, hervorgehoben: Partner der Kategorie {category}",
        "more": "und {n} weitere",
        "growth": "Wachstum über die Jahre",
        "undated_one": "1 Partner ohne „Seit“-Jahr ist in jedem Jahr mitgezählt.",
        "undated_many": "{n} Partner ohne „Seit“-Jahr sind in jedem Jahr mitgezählt.",
        "no_growth": "Keine Partner mit Kategorie vorhanden.",
        "activities": "Aktivitäten nach Bereich und Status",
        "no_area": "ohne Bereich",
        "no_status": "ohne Status",
        "map": "Wo unsere Partner sind",
        "map_alt": "Karte der Partnerorte",
        "map_count": "{n} von {total} Partnern haben Koordinaten; Kreisgröße = Zahl der "
                     "Partner am Ort.",
        "map_region": "Rechts vergrößert: rund um {place} (gestrichelter Rahmen).",
        "map_region_alt": "Karte der Partnerorte rund um {place}",
        "sources": "Quellen und Datenstand",
        "source": "Quelle",
        "file": "Datei",
        "data_date_label": "Datenstand",
        "exported_label": "Exportiert am",
        "unknown": "nicht angegeben",
        "public": "Personenbezogene Daten (Ansprechpersonen, Kontakte, E-Mail, Telefon) sind "
                  "nicht enthalten.",
        "private": "Intern: Dieser Foliensatz enthält personenbezogene Daten (Ansprechpersonen, "
                   "Kontakte, E-Mail, Telefon). Nicht weitergeben.",
        "intern": "intern",
        "contacts": "Ansprechpersonen",
        "contacts_cont": "Ansprechpersonen (Fortsetzung)",
        "contacts_more": "… und {n} weitere in der Arbeitsmappe",
        "partner": "Partner",
        "contact_internal": "Ansprechperson intern",
        "contact_partner": "Kontakt beim Partner",
        "date_format": "%d.%m.%Y",
    },
    "en": {
        "title": "Partner network {org}",
        "data_date": "Data as of: {date}",
        "exported": "Exported on {date}",
        "figures": "The network in figures",
        "tile_partners": "partners",
        "tile_ties": "ties between partners",
        "tile_activities": "activities",
        "tile_programmes": "programmes",
        "per_category": "Partners per category",
        "several": "A partner in several categories counts in each.",
        "overview": "The partner network at a glance",
        "overview_alt": "Network picture: {org} in the centre, {n} partners by category",
        "unlabelled": "{n} names do not fit here; all names are on the category slides.",
        "category": "{category}: {n} partners",
        "category_alt": "Network picture, highlighted: partners in category {category}",
        "more": "and {n} more",
        "growth": "Growth over the years",
        "undated_one": "1 partner without a start year is counted in every year.",
        "undated_many": "{n} partners without a start year are counted in every year.",
        "no_growth": "No partners with a category.",
        "activities": "Activities by area and status",
        "no_area": "no area",
        "no_status": "no status",
        "map": "Where our partners are",
        "map_alt": "Map of partner locations",
        "map_count": "{n} of {total} partners have coordinates; circle size = partners at "
                     "the place.",
        "map_region": "Right, enlarged: around {place} (dashed frame).",
        "map_region_alt": "Map of partner locations around {place}",
        "sources": "Sources and data date",
        "source": "Source",
        "file": "File",
        "data_date_label": "Data as of",
        "exported_label": "Exported on",
        "unknown": "not given",
        "public": "Personal data (contact persons, contacts, e-mail, phone) is not included.",
        "private": "Internal: this deck contains personal data (contact persons, contacts, "
                   "e-mail, phone). Do not pass on.",
        "intern": "internal",
        "contacts": "Contact persons",
        "contacts_cont": "Contact persons (continued)",
        "contacts_more": "… and {n} more in the workbook",
        "partner": "Partner",
        "contact_internal": "Internal contact",
        "contact_partner": "Contact at the partner",
        "date_format": "%Y-%m-%d",
    },
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
#: Labels in pictures stay this short; the full names are in the lists on the category slides.
LABEL_CHARS = 30
#: Category pictures zoom in on their partners only in networks larger than this.
CROP_ABOVE = 30
#: In big networks only the best connected partners are tried for a label (more never fit).
MAX_LABEL_TRIES = 300
OVERVIEW_LABEL_PT = 11
#: A partner marker's usual diameter on a slide (app size 16 × 0.75).
TYPICAL_MARKER_PT = 12
CATEGORY_LABEL_PT = 12
COLUMN_GAP = 0.2
LIST_GAP_PT = 5
#: PowerPoint and LibreOffice set Arial lines about 1.15 em apart; 1.2 leaves a little room.
LINE_SPACING = 1.2
#: The zoomed map shows about this far around the place with most partners.
REGION_KM = 85
MAX_PLACE_LABELS = 20
CONTACT_ROWS = 5
MAX_CONTACT_SLIDES = 6


def write_deck(path: str | os.PathLike[str], data: PartnerData, *, graph: nx.Graph | None = None,
               positions: dict[Any, tuple[float, float]] | None = None,
               styles: dict[Any, NodeStyle] | None = None,
               legend: Sequence[tuple[str, str]] | None = None, title: str | None = None,
               data_date: str | None = None, source: str | None = None, lang: str = "de",
               include_personal: bool = False, exported: dt.date | None = None) -> Path:
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
        (:func:`~network_app.graph.build_graph`), :func:`~network_app.layout.ego_layout`,
        :func:`~network_app.styling.node_styles` and :func:`~network_app.styling.legend`.
    title, data_date, source : str, optional
        Deck title (default: the workbook's "Titel" setting or "Partnernetz <own organisation>"),
        Datenstand and source (default: the workbook's settings).
    lang : {"de", "en"}
        Language of the slide text.
    include_personal : bool
        Add a table of contact persons and mark every slide "intern". Off by default: no
        value of a personal column appears anywhere in the deck.
    exported : datetime.date, optional
        The export date shown on the title and sources slides (default: today).
    """
    if lang not in _WORDS:
        raise ValueError(f"Unbekannte Sprache: {lang!r} (erlaubt: de, en)")
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(2, "Der Ordner existiert nicht", str(target.parent))
    graph = build_graph(data) if graph is None else graph
    positions = ego_layout(graph) if positions is None else positions
    styles = node_styles(graph) if styles is None else styles
    legend = default_legend(graph, lang) if legend is None else legend
    words = _WORDS[lang]
    deck = _Deck(_new_presentation(), words, lang, include_personal)
    scene = _Scene(graph, positions, styles, list(legend))
    meta = _meta(data, title, data_date, source, words, exported or dt.date.today())
    _title_slide(deck, meta)
    _figures_slide(deck, data, graph)
    _overview_slide(deck, scene, data.own_organisation)
    for category, members in _category_members(graph):
        _category_slide(deck, scene, category, members)
    _growth_slide(deck, data)
    if len(data.activities):
        _activities_slide(deck, data)
    _map_slide(deck, graph)
    if include_personal:
        _contact_slides(deck, graph)
    _sources_slide(deck, meta)
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
                      include_personal=meta.include_personal, exported=meta.created)


# --- the deck and its building blocks ---


@dataclass
class _Deck:
    prs: Any
    words: dict[str, str]
    lang: str
    intern: bool

    def slide(self, title: str) -> Any:
        """A new slide with its title in the title placeholder (for outline and screen readers)."""
        from pptx.util import Inches

        slide = self.prs.slides.add_slide(self.prs.slide_layouts[5])
        for placeholder in list(slide.placeholders):
            if placeholder.placeholder_format.idx != 0:
                placeholder._element.getparent().remove(placeholder._element)
        shape = slide.shapes.title
        width = SLIDE_W - 2 * MARGIN - (2.0 if self.intern else 0.0)
        shape.left, shape.top = Inches(MARGIN), Inches(0.3)
        shape.width, shape.height = Inches(width), Inches(1.0)
        text = _plain(title, 90)
        size = TITLE_PT if _text_lines(text, width * 72, TITLE_PT) == 1 else MIN_TITLE_PT
        _fill_text(shape.text_frame, [text], size, bold=True, anchor="middle")
        _colour_strip(slide, 1.3)
        if self.intern:
            _intern_mark(slide, self.words["intern"])
        return slide


@dataclass
class _Scene:
    graph: nx.Graph
    positions: dict[Any, tuple[float, float]]
    styles: dict[Any, NodeStyle]
    legend: list[tuple[str, str]]


@dataclass
class _Meta:
    title: str
    data_date: str | None
    source: str | None
    file_name: str
    exported: str


def _new_presentation() -> Any:
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    return prs


def _meta(data: PartnerData, title: str | None, data_date: str | None, source: str | None,
          words: dict[str, str], exported: dt.date) -> _Meta:
    own = data.own_organisation
    chosen = title or data.settings.get("title") or words["title"].format(org=own)
    return _Meta(
        title=_plain(chosen),
        data_date=_plain(data_date or data.settings.get("data_date") or "") or None,
        source=_plain(source or data.settings.get("source") or "") or None,
        file_name=_plain(data.source_name or ""),
        exported=exported.strftime(words["date_format"]),
    )


def _plain(value: Any, limit: int | None = None) -> str:
    """Workbook text as one plain line: no control characters, no line breaks, maybe cut."""
    if value is None:
        return ""
    text = " ".join(_CONTROL.sub("", str(value)).split())
    if limit is not None and len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return text


def _chart_label(value: Any) -> str:
    """A chart category or series name; a leading "=" would be a formula in the chart's data."""
    text = _plain(value, 60)
    return "\u200b" + text if text.startswith(("=", "+", "-", "@")) else text


def _rgb(colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())


def _fill_text(frame: Any, lines: Sequence[str], size: float, *, bold: bool = False,
               colour: str = TEXT, align: str = "left", anchor: str = "top",
               space_after: float = 0.0, inset: bool = False) -> None:
    """Replace the text of ``frame`` by ``lines`` (one paragraph each), all in one style.

    Without ``inset`` the text starts exactly at the frame's left edge, so titles, lists and
    the colour strip line up at the slide margin.
    """
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Pt

    frame.clear()
    frame.word_wrap = True
    if not inset:
        frame.margin_left = frame.margin_right = 0
    frame.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE,
                             "bottom": MSO_ANCHOR.BOTTOM}[anchor]
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER,
                               "right": PP_ALIGN.RIGHT}[align]
        paragraph.space_after = Pt(space_after)
        run = paragraph.add_run()
        run.text = line
        _style_font(run.font, size, bold=bold, colour=colour)


def _style_font(font: Any, size: float, *, bold: bool = False, colour: str = TEXT) -> None:
    from pptx.util import Pt

    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = _rgb(colour)


def _text_box(slide: Any, left: float, top: float, width: float, height: float,
              lines: Sequence[str], size: float, **style: Any) -> Any:
    from pptx.util import Inches

    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    _fill_text(box.text_frame, lines, size, **style)
    return box


def _rectangle(slide: Any, left: float, top: float, width: float, height: float,
               colour: str, *, shape: str = "rectangle") -> Any:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.oxml.ns import qn
    from pptx.util import Inches

    kind = {"rectangle": MSO_SHAPE.RECTANGLE, "rounded": MSO_SHAPE.ROUNDED_RECTANGLE,
            "oval": MSO_SHAPE.OVAL}[shape]
    box = slide.shapes.add_shape(kind, Inches(left), Inches(top), Inches(width), Inches(height))
    box.fill.solid()
    box.fill.fore_color.rgb = _rgb(colour)
    box.line.fill.background()
    box.shadow.inherit = False
    # the theme's shape style adds a shadow that LibreOffice draws despite the empty effect list
    style = box._element.find(qn("p:style"))
    if style is not None:
        box._element.remove(style)
    return box


def _colour_strip(slide: Any, top: float) -> None:
    """A thin band in the four category colours under the title: the deck's one ornament."""
    colours = list(CATEGORY_COLORS.values())
    width = (SLIDE_W - 2 * MARGIN) / len(colours)
    for i, colour in enumerate(colours):
        _rectangle(slide, MARGIN + i * width, top, width, 0.07, colour)


def _intern_mark(slide: Any, word: str) -> None:
    box = _rectangle(slide, SLIDE_W - MARGIN - 1.7, 0.45, 1.7, 0.6, INTERN_FILL, shape="rounded")
    _fill_text(box.text_frame, [word], SMALL_PT + 2, bold=True, colour="FFFFFF", align="center",
               anchor="middle")


def _picture(slide: Any, png: bytes, left: float, top: float, width: float,
             alt_text: str) -> Any:
    from pptx.util import Inches

    picture = slide.shapes.add_picture(io.BytesIO(png), Inches(left), Inches(top),
                                       width=Inches(width))
    picture._element.nvPicPr.cNvPr.set("descr", alt_text)
    return picture


# --- slides ---


def _title_slide(deck: _Deck, meta: _Meta) -> None:
    from pptx.util import Inches

    words = deck.words
    slide = deck.prs.slides.add_slide(deck.prs.slide_layouts[0])
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    for placeholder in list(slide.placeholders):
        if placeholder.placeholder_format.idx not in (0, 1):
            placeholder._element.getparent().remove(placeholder._element)
    title.left, title.top = Inches(1.0), Inches(1.9)
    title.width, title.height = Inches(SLIDE_W - 2.0), Inches(2.0)
    _fill_text(title.text_frame, [meta.title], TITLE_SLIDE_PT, bold=True, anchor="bottom")
    _colour_strip(slide, 4.15)
    subtitle.left, subtitle.top = Inches(1.0), Inches(4.5)
    subtitle.width, subtitle.height = Inches(SLIDE_W - 2.0), Inches(1.5)
    lines = [words["exported"].format(date=meta.exported)]
    if meta.data_date:
        lines.insert(0, words["data_date"].format(date=meta.data_date))
    _fill_text(subtitle.text_frame, lines, 28, colour=MUTED, space_after=6)
    if deck.intern:
        _intern_mark(slide, words["intern"])


def _figures_slide(deck: _Deck, data: PartnerData, graph: nx.Graph) -> None:
    words = deck.words
    slide = deck.slide(words["figures"])
    partners = [a for _, a in graph.nodes(data=True) if a.get("kind") == "partner"]
    ties = sum(1 for *_, kind in graph.edges(data="kind") if kind == "partner")
    tiles = [(len(partners), words["tile_partners"]), (ties, words["tile_ties"]),
             (len(data.activities), words["tile_activities"]),
             (len(data.programmes), words["tile_programmes"])]
    gap = 0.3
    width = (SLIDE_W - 2 * MARGIN - gap * (len(tiles) - 1)) / len(tiles)
    for i, (number, label) in enumerate(tiles):
        left = MARGIN + i * (width + gap)
        _rectangle(slide, left, 1.65, width, 2.05, TILE_FILL)
        _text_box(slide, left, 1.7, width, 1.05, [str(number)], TILE_NUMBER_PT, bold=True,
                  align="center", anchor="middle")
        _text_box(slide, left + 0.1, 2.75, width - 0.2, 0.9, [label], SMALL_PT,
                  colour=MUTED, align="center", anchor="top")
    several = any(len(a.get("categories") or []) > 1 for a in partners)
    _category_bars(slide, deck, _partner_category_counts(partners), top=4.0, several=several)


def _partner_category_counts(partners: Iterable[dict[str, Any]]) -> dict[str, int]:
    counts = Counter(c for a in partners for c in (a.get("categories") or [NO_CATEGORY]))
    ordered = {c: counts[c] for c in schema.CATEGORIES if counts[c]}
    if counts[NO_CATEGORY]:
        ordered[NO_CATEGORY] = counts[NO_CATEGORY]
    return ordered


def _category_bars(slide: Any, deck: _Deck, counts: dict[str, int], top: float,
                   several: bool) -> None:
    """Partners per category as coloured bars with the number beside each."""
    words = deck.words
    _text_box(slide, MARGIN, top, 5.0, 0.5, [words["per_category"]], BODY_PT, bold=True)
    if several:
        _text_box(slide, MARGIN + 5.0, top, SLIDE_W - 2 * MARGIN - 5.0, 0.5,
                  [words["several"]], SMALL_PT, colour=MUTED, align="right", anchor="middle")
    if not counts:
        return
    rows = list(counts.items())
    row_height = min(0.62, (CONTENT_BOTTOM - top - 0.6) / len(rows))
    label_width, bar_left = 3.0, MARGIN + 3.1
    bar_max = SLIDE_W - MARGIN - bar_left - 1.0
    biggest = max(counts.values()) or 1
    for i, (category, number) in enumerate(rows):
        y = top + 0.6 + i * row_height
        _text_box(slide, MARGIN, y, label_width, row_height, [_plain(category, 24)], BODY_PT,
                  anchor="middle")
        bar = max(0.08, bar_max * number / biggest)
        colour = CATEGORY_COLORS.get(category, NONE_COLOR)
        _rectangle(slide, bar_left, y + 0.1, bar, row_height - 0.2, colour)
        _text_box(slide, bar_left + bar + 0.05, y, 1.0, row_height, [str(number)], BODY_PT,
                  bold=True, anchor="middle")


def _overview_slide(deck: _Deck, scene: _Scene, own: str) -> None:
    words = deck.words
    slide = deck.slide(words["overview"])
    partners = [n for n, k in scene.graph.nodes(data="kind") if k == "partner"]
    legend_width = 3.3
    width = SLIDE_W - 2 * MARGIN - legend_width
    height = CONTENT_BOTTOM - CONTENT_TOP
    png, labelled = _network_png(scene, width, height, label_size=OVERVIEW_LABEL_PT)
    _picture(slide, png, MARGIN, CONTENT_TOP, width,
             words["overview_alt"].format(org=_plain(own), n=len(partners)))
    left = SLIDE_W - MARGIN - legend_width + 0.2
    _legend_box(slide, scene.legend, left, CONTENT_TOP + 0.2, legend_width - 0.2)
    if labelled < len(partners):
        _text_box(slide, left, CONTENT_BOTTOM - 1.6, legend_width - 0.2, 1.6,
                  [words["unlabelled"].format(n=len(partners) - labelled)], SMALL_PT,
                  colour=MUTED, anchor="bottom")


def _legend_box(slide: Any, entries: Sequence[tuple[str, str]], left: float, top: float,
                width: float) -> None:
    row = 0.6
    for i, (label, colour) in enumerate(entries[:7]):
        y = top + i * row
        _rectangle(slide, left, y + 0.14, 0.32, 0.32, colour.lstrip("#"), shape="oval")
        _text_box(slide, left + 0.45, y, width - 0.45, row, [_plain(label, 24)], SMALL_PT,
                  anchor="middle")


def _category_members(graph: nx.Graph) -> list[tuple[str, list[Any]]]:
    """(category, its partner nodes) for every category present, in the canonical order."""
    groups: dict[str, list[Any]] = {}
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != "partner":
            continue
        for category in attrs.get("categories") or [NO_CATEGORY]:
            groups.setdefault(category, []).append(node)
    order = [*schema.CATEGORIES, NO_CATEGORY]
    return [(c, groups[c]) for c in order if c in groups] + \
        [(c, m) for c, m in groups.items() if c not in order]


def _category_slide(deck: _Deck, scene: _Scene, category: str, members: list[Any]) -> None:
    words = deck.words
    slide = deck.slide(words["category"].format(category=_plain(category, 40), n=len(members)))
    names = sorted((_plain(scene.graph.nodes[n].get("label", n), 80) for n in members),
                   key=_natural_key)
    height = CONTENT_BOTTOM - CONTENT_TOP
    one_column = _fit_names(names, 1, 5.2, height, LIST_PT)
    columns = 1 if not one_column[1] else 2
    list_width = 5.2 if columns == 1 else 7.6
    fitted, rest = one_column if columns == 1 else \
        _fit_names(names, 2, list_width / 2, height, LIST_PT)
    picture_width = SLIDE_W - 2 * MARGIN - list_width - 0.3
    png, _ = _network_png(scene, picture_width, height, highlight=set(members),
                          label_size=CATEGORY_LABEL_PT)
    _picture(slide, png, MARGIN, CONTENT_TOP, picture_width,
             words["category_alt"].format(category=_plain(category, 40)))
    left = SLIDE_W - MARGIN - list_width
    if rest:
        fitted[-1].append(words["more"].format(n=rest))
    colour = CATEGORY_COLORS.get(category, NONE_COLOR).lstrip("#")
    _rectangle(slide, left - 0.2, CONTENT_TOP + 0.05, 0.07, height - 0.1, colour)
    column_width = list_width / columns
    for i, column in enumerate(fitted):
        # as wide as _fit_names assumed, so the lines break where it counted them
        _text_box(slide, left + i * column_width, CONTENT_TOP, column_width - COLUMN_GAP, height,
                  column, LIST_PT, space_after=LIST_GAP_PT)


def _natural_key(name: str) -> list[Any]:
    """Alphabetical ignoring case, numbers by value ("Schule 2" before "Schule 10")."""
    parts = re.split(r"(\d+)", schema.normalize_name(name))
    return [int(p) if i % 2 else p for i, p in enumerate(parts)]


def _text_lines(text: str, width_pt: float, size: float) -> int:
    """How many lines ``text`` takes in a column ``width_pt`` wide (word wrap, like PowerPoint).

    Widths come from the font's metrics (Liberation Sans has Arial's), so the estimate is close.
    """
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    measure = TextToPath()
    font = FontProperties(family=_font_family(), size=size)

    def width(words: str) -> float:
        return measure.get_text_width_height_descent(words, font, ismath=False)[0] * 1.04

    lines, current = 1, ""
    for word in re.split(r"(?<=[ \-/])", text):
        candidate = current + word
        if current and width(candidate.rstrip()) > width_pt:
            lines += 1
            current = word
            while width(current.rstrip()) > width_pt:  # a word longer than the line
                lines += 1
                current = current[len(current) // 2:]
        else:
            current = candidate
    return lines


def _fit_names(names: list[str], columns: int, column_width: float, height: float,
               size: float) -> tuple[list[list[str]], int]:
    """Fill columns with names while they fit; return them and how many did not fit.

    The lists' text boxes have no side margins; COLUMN_GAP stays free between columns. One line
    stays free at the end for "und N weitere" whenever names are left over.
    """
    usable = (column_width - COLUMN_GAP) * 72
    line = size * LINE_SPACING / 72
    gap = LIST_GAP_PT / 72
    room = height - 0.15
    filled: list[list[str]] = [[] for _ in range(columns)]
    column, used = 0, 0.0
    for index, name in enumerate(names):
        need = _text_lines(name, usable, size) * line + gap
        left_over = index < len(names) - 1
        while True:
            reserve = line if column == columns - 1 and left_over else 0.0
            if used + need + reserve <= room:
                break
            if column == columns - 1:
                return filled, len(names) - index
            column, used = column + 1, 0.0
        filled[column].append(name)
        used += need
    return filled, 0


def _growth_slide(deck: _Deck, data: PartnerData) -> None:
    words = deck.words
    slide = deck.slide(words["growth"])
    table = partners_per_year(data)
    if table.empty or not len(table.columns):
        _text_box(slide, MARGIN, CONTENT_TOP + 0.3, 10.0, 1.0, [words["no_growth"]], BODY_PT)
        return
    undated = undated_partners(data)
    note = ""
    if undated:
        note = words["undated_one"] if undated == 1 else words["undated_many"].format(n=undated)
    chart_height = CONTENT_BOTTOM - CONTENT_TOP - (0.7 if note else 0.0)
    _growth_chart(slide, table, chart_height)
    if note:
        _text_box(slide, MARGIN, CONTENT_BOTTOM - 0.65, SLIDE_W - 2 * MARGIN, 0.6, [note],
                  SMALL_PT, colour=MUTED, anchor="middle")


def _growth_chart(slide: Any, table: Any, height: float) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_MARKER_STYLE
    from pptx.util import Inches, Pt

    chart_data = CategoryChartData(number_format="0")
    chart_data.categories = [str(y) for y in table.index]
    for column in table.columns:
        chart_data.add_series(_chart_label(column), [int(v) for v in table[column]])
    kind = XL_CHART_TYPE.LINE_MARKERS if len(table.index) >= 3 else \
        XL_CHART_TYPE.COLUMN_CLUSTERED
    frame = slide.shapes.add_chart(kind, Inches(MARGIN), Inches(CONTENT_TOP),
                                   Inches(SLIDE_W - 2 * MARGIN), Inches(height), chart_data)
    chart = frame.chart
    _style_chart(chart)
    for series, column in zip(chart.series, table.columns, strict=True):
        colour = _rgb(CATEGORY_COLORS.get(column, NONE_COLOR))
        if kind == XL_CHART_TYPE.LINE_MARKERS:
            series.smooth = False
            series.format.line.color.rgb = colour
            series.format.line.width = Pt(4)
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 9
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = colour
            series.marker.format.line.color.rgb = colour
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = colour
    _skip_crowded_labels(chart, len(table.index))


def _style_chart(chart: Any) -> None:
    """Large type, a legend below, light gridlines: legible on a washed-out projector."""
    from pptx.enum.chart import XL_LEGEND_POSITION
    from pptx.util import Pt

    chart.font.name = FONT
    chart.font.size = Pt(SMALL_PT)
    chart.font.color.rgb = _rgb(TEXT)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(SMALL_PT)
    value_axis = chart.value_axis
    value_axis.minimum_scale = 0
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = _rgb("D0D0D0")
    value_axis.tick_labels.font.size = Pt(SMALL_PT)
    value_axis.tick_labels.number_format = "0"
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.format.line.fill.background()
    chart.category_axis.tick_labels.font.size = Pt(SMALL_PT)
    chart.category_axis.format.line.color.rgb = _rgb("808080")


def _skip_crowded_labels(chart: Any, count: int, most: int = 14) -> None:
    """Label every n-th year only when there are too many to read."""
    from pptx.oxml.ns import qn

    if count <= most:
        return
    axis = chart._chartSpace.find(".//" + qn("c:catAx"))
    if axis is None:
        return
    skip = axis.makeelement(qn("c:tickLblSkip"), {"val": str(math.ceil(count / most))})
    later = axis.find(qn("c:noMultiLvlLbl"))
    if later is not None:
        later.addprevious(skip)
    else:
        axis.append(skip)


def _activity_table(data: PartnerData, words: dict[str, str]) -> tuple[list[str], dict[str, list]]:
    """Areas (rows) and, per status, the number of activities in each area."""
    frame = data.activities
    areas = [_plain(a) or words["no_area"] for a in frame["area"].astype(object).where(
        frame["area"].notna(), None)]
    statuses = [_plain(s) or words["no_status"] for s in frame["status"].astype(object).where(
        frame["status"].notna(), None)]
    pairs = Counter(zip(areas, statuses, strict=True))
    area_order = _ordered(set(areas), schema.AREA_VALUES, words["no_area"])
    status_order = _ordered(set(statuses), schema.STATUS_VALUES, words["no_status"])
    return area_order, {s: [pairs[a, s] or None for a in area_order] for s in status_order}


def _ordered(present: set[str], known: Sequence[str], last: str) -> list[str]:
    others = sorted(present - set(known) - {last}, key=schema.normalize_name)
    return [v for v in known if v in present] + others + ([last] if last in present else [])


def _activities_slide(deck: _Deck, data: PartnerData) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
    from pptx.util import Inches, Pt

    words = deck.words
    slide = deck.slide(words["activities"])
    areas, per_status = _activity_table(data, words)
    chart_data = CategoryChartData(number_format="0")
    chart_data.categories = [_chart_label(a) for a in areas]
    for status, values in per_status.items():
        chart_data.add_series(_chart_label(status), values)
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_STACKED, Inches(MARGIN), Inches(CONTENT_TOP),
        Inches(SLIDE_W - 2 * MARGIN), Inches(CONTENT_BOTTOM - CONTENT_TOP), chart_data)
    chart = frame.chart
    _style_chart(chart)
    chart.category_axis.reverse_order = True  # the first area on top
    chart.value_axis.visible = False  # the numbers are on the bars
    chart.value_axis.has_major_gridlines = False
    chart.plots[0].gap_width = 45
    chart.plots[0].overlap = 100
    for series, status in zip(chart.series, per_status, strict=True):
        colour = STATUS_COLORS.get(status, OTHER_STATUS_COLOR)
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _rgb(colour)
        series.format.line.color.rgb = _rgb(MUTED)  # keeps light yellow visible on white
        series.format.line.width = Pt(0.75)
        labels = series.data_labels
        labels.show_value = True
        labels.number_format = "0"
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.CENTER
        labels.font.size = Pt(SMALL_PT)
        labels.font.bold = True
        labels.font.color.rgb = _rgb("FFFFFF" if colour in ("004F7C",) else TEXT)


def _map_slide(deck: _Deck, graph: nx.Graph) -> None:
    words = deck.words
    partners = [a for _, a in graph.nodes(data=True) if a.get("kind") == "partner"]
    located = [a for a in partners if _is_number(a.get("lat")) and _is_number(a.get("lon"))]
    if not located:
        return
    slide = deck.slide(words["map"])
    places = _places(located)
    height = CONTENT_BOTTOM - CONTENT_TOP - 0.85
    whole_width = 5.0
    region_width = SLIDE_W - 2 * MARGIN - whole_width - 0.3
    zoom = _home_region(places, region_width, height)
    caption = [words["map_count"].format(n=len(located), total=len(partners))]
    if zoom is None:
        png = _map_png(places, SLIDE_W - 2 * MARGIN, height, deck.lang)
        _picture(slide, png, MARGIN, CONTENT_TOP, SLIDE_W - 2 * MARGIN, words["map_alt"])
    else:
        home, region = zoom
        name = _plain(home.name, 30) or f"{home.lat:.2f}, {home.lon:.2f}"
        whole = _map_png(places, whole_width, height, deck.lang, frame=region)
        zoomed = _map_png(places, region_width, height, deck.lang, box=region)
        _picture(slide, whole, MARGIN, CONTENT_TOP, whole_width, words["map_alt"])
        _picture(slide, zoomed, SLIDE_W - MARGIN - region_width, CONTENT_TOP, region_width,
                 words["map_region_alt"].format(place=name))
        caption.append(words["map_region"].format(place=name))
    _text_box(slide, MARGIN, CONTENT_BOTTOM - 0.75, SLIDE_W - 2 * MARGIN, 0.75,
              [" ".join(caption)], SMALL_PT, colour=MUTED, anchor="bottom")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


@dataclass(frozen=True)
class _Place:
    name: str
    lat: float
    lon: float
    count: int


def _places(located: list[dict[str, Any]]) -> list[_Place]:
    """Partners at (nearly) the same coordinates form one place; the biggest first."""
    groups: dict[tuple[float, float], list[dict[str, Any]]] = {}
    for attrs in located:
        key = (round(float(attrs["lat"]), 2), round(float(attrs["lon"]), 2))
        groups.setdefault(key, []).append(attrs)
    places = []
    for (lat, lon), members in groups.items():
        names = Counter(_plain(a.get("place")) for a in members if _plain(a.get("place")))
        name = names.most_common(1)[0][0] if names else ""
        places.append(_Place(name, lat, lon, len(members)))
    return sorted(places, key=lambda p: (-p.count, schema.normalize_name(p.name)))


def _contact_slides(deck: _Deck, graph: nx.Graph) -> None:
    """Internal decks only: who looks after which partner, as tables of a few rows each."""
    words = deck.words
    rows: list[list[list[str]]] = []
    for _, attrs in sorted(graph.nodes(data=True), key=lambda n: schema.normalize_name(n[0])):
        if attrs.get("kind") != "partner":
            continue
        internal = _plain(attrs.get("contact_internal"), 60)
        external = [_plain(attrs.get(c), 60) for c in ("contact_external", "email", "phone")]
        external = [v for v in external if v]
        if internal or external:
            rows.append([[_plain(attrs.get("label"), 60)], [internal] if internal else [],
                         external])
    pages = [rows[i:i + CONTACT_ROWS] for i in range(0, len(rows), CONTACT_ROWS)]
    shown = pages[:MAX_CONTACT_SLIDES]
    rest = len(rows) - sum(len(page) for page in shown)
    for number, page in enumerate(shown):
        slide = deck.slide(words["contacts"] if number == 0 else words["contacts_cont"])
        _contact_table(slide, words, page, rest if number == len(shown) - 1 else 0)


def _contact_table(slide: Any, words: dict[str, str], rows: list[list[list[str]]],
                   rest: int) -> None:
    """Partner | Ansprechperson intern | Kontakt beim Partner (name, e-mail, phone, one a line)."""
    from pptx.util import Inches

    header = [[words["partner"]], [words["contact_internal"]], [words["contact_partner"]]]
    widths = (3.4, 3.4, SLIDE_W - 2 * MARGIN - 6.8)
    shape = slide.shapes.add_table(len(rows) + 1, len(header), Inches(MARGIN),
                                   Inches(CONTENT_TOP), Inches(sum(widths)), Inches(0.5))
    table = shape.table
    table.first_row = True
    table.horz_banding = False
    for i, width in enumerate(widths):
        table.columns[i].width = Inches(width)
    for r, cells in enumerate([header, *rows]):
        table.rows[r].height = Inches(0.55)
        for c, lines in enumerate(cells):
            cell = table.cell(r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(TEXT if r == 0 else ("FFFFFF" if r % 2 else
                                                                  TILE_FILL))
            _fill_text(cell.text_frame, lines or ["–"], SMALL_PT, bold=r == 0,
                       colour="FFFFFF" if r == 0 else TEXT, inset=True)
    if rest:
        _text_box(slide, MARGIN, CONTENT_BOTTOM - 0.5, SLIDE_W - 2 * MARGIN, 0.5,
                  [words["contacts_more"].format(n=rest)], SMALL_PT, colour=MUTED)


def _sources_slide(deck: _Deck, meta: _Meta) -> None:
    words = deck.words
    slide = deck.slide(words["sources"])
    unknown = words["unknown"]
    lines = [
        f"{words['source']}: {_plain(meta.source, 480) if meta.source else unknown}",
        f"{words['file']}: {_plain(meta.file_name, 80) or unknown}",
        f"{words['data_date_label']}: {meta.data_date or unknown}",
        f"{words['exported_label']}: {meta.exported}",
    ]
    _text_box(slide, MARGIN, CONTENT_TOP + 0.1, SLIDE_W - 2 * MARGIN, 4.4, lines, SMALL_PT,
              space_after=12)
    privacy = words["private"] if deck.intern else words["public"]
    colour = INTERN_FILL if deck.intern else TEXT
    _text_box(slide, MARGIN, CONTENT_BOTTOM - 1.1, SLIDE_W - 2 * MARGIN, 1.0, [privacy],
              BODY_PT, bold=True, colour=colour, anchor="bottom")


# --- pictures (matplotlib, Agg canvas only) ---


def _font_family() -> list[str]:
    from matplotlib import font_manager

    available = {f.name for f in font_manager.fontManager.ttflist}
    return [f for f in ("Arial", "Liberation Sans", "DejaVu Sans") if f in available] or \
        ["sans-serif"]


def _figure(width: float, height: float) -> tuple[Any, Any]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=PICTURE_DPI, facecolor="white")
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    return figure, axes


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=PICTURE_DPI, facecolor="white")
    return buffer.getvalue()


def _drawing(draw: Any, width: float, height: float, *args: Any, **kwargs: Any) -> Any:
    """Run ``draw(figure, axes, ...)`` on a fresh figure in the deck's font; its PNG and result."""
    import matplotlib

    with matplotlib.rc_context({"font.family": "sans-serif",
                                "font.sans-serif": _font_family()}):
        figure, axes = _figure(width, height)
        result = draw(figure, axes, *args, **kwargs)
        return _png(figure), result


@dataclass
class _Label:
    """A label to place next to a point: text, anchor (data units), marker radius (points)."""

    text: str
    x: float
    y: float
    radius: float
    directions: list[tuple[float, float]]
    size: float = 11.0
    bold: bool = False


#: How much further out a label may sit, joined to its marker by a thin line.
LEADER_PT = 22

_DIRECTIONS = [(1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0),
               (0.71, 0.71), (-0.71, 0.71), (0.71, -0.71), (-0.71, -0.71)]


def _directions_from(ux: float, uy: float) -> list[tuple[float, float]]:
    """All eight directions, the one nearest (ux, uy) first."""
    return sorted(_DIRECTIONS, key=lambda d: -(d[0] * ux + d[1] * uy))


def _place_labels(figure: Any, axes: Any, labels: Sequence[_Label],
                  obstacles: Sequence[tuple[float, float, float]], *,
                  leaders: bool = False) -> list[int]:
    """Place labels in order where they overlap nothing and stay in the picture; skip the rest.

    ``obstacles`` are markers as (x, y, radius in points). With ``leaders`` a label may also sit
    further out, joined to its marker by a thin line (on maps; in a network a line is a tie).
    Returns the indices of the labels placed.
    """
    import numpy as np
    from matplotlib import patheffects

    renderer = figure.canvas.get_renderer()
    px = PICTURE_DPI / 72  # pixels per point
    frame = axes.bbox
    if obstacles:
        centres = axes.transData.transform([(x, y) for x, y, _ in obstacles])
        radii = np.array([r for *_, r in obstacles]) * px
        boxes = np.column_stack([centres[:, 0] - radii, centres[:, 1] - radii,
                                 centres[:, 0] + radii, centres[:, 1] + radii])
    else:
        boxes = np.zeros((0, 4))
    placed: list[tuple[float, float, float, float]] = []
    halo = [patheffects.withStroke(linewidth=4, foreground="white")]
    done: list[int] = []
    for index, label in enumerate(labels):
        probe = axes.text(0, 0, label.text, fontsize=label.size,
                          fontweight="bold" if label.bold else "normal", parse_math=False)
        extent = probe.get_window_extent(renderer)
        probe.remove()
        w, h = extent.width + 2, extent.height + 2
        cx, cy = axes.transData.transform((label.x, label.y))
        near = (label.radius + 3) * px
        # next to the marker first; then further out, with a thin line back to it
        candidates = [(near, d) for d in label.directions]
        if leaders:
            candidates += [(near + LEADER_PT * px, d) for d in label.directions]
        for gap, (ux, uy) in candidates:
            ox, oy = ux * gap, uy * gap
            ha = "left" if ux > 0.3 else "right" if ux < -0.3 else "center"
            va = "bottom" if uy > 0.3 else "top" if uy < -0.3 else "center"
            x0 = cx + ox - {"left": 0, "right": w, "center": w / 2}[ha]
            y0 = cy + oy - {"bottom": 0, "top": h, "center": h / 2}[va]
            box = (x0, y0, x0 + w, y0 + h)
            if not (frame.x0 <= box[0] and box[2] <= frame.x1 and frame.y0 <= box[1]
                    and box[3] <= frame.y1):
                continue
            if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                   for b in placed):
                continue
            hits = ((boxes[:, 0] < box[2]) & (box[0] < boxes[:, 2]) & (boxes[:, 1] < box[3])
                    & (box[1] < boxes[:, 3]))
            if hits.any():
                continue
            leader = None if gap == near else {
                "arrowstyle": "-", "color": "#" + MUTED, "linewidth": 1.0,
                "shrinkA": 1, "shrinkB": label.radius + 1}
            axes.annotate(label.text, (label.x, label.y), xytext=(ox / px, oy / px),
                          textcoords="offset points", ha=ha, va=va, fontsize=label.size,
                          fontweight="bold" if label.bold else "normal", color="#" + TEXT,
                          path_effects=halo, zorder=6, parse_math=False, arrowprops=leader)
            placed.append(box)
            done.append(index)
            break
    return done


def _network_png(scene: _Scene, width: float, height: float, *,
                 highlight: set[Any] | None = None, label_size: float = 11.0) -> tuple[bytes, int]:
    """The network as the app draws it (ego positions, category colours, no physics).

    With ``highlight``, other partners are faded and, in a network of more than CROP_ABOVE
    nodes, the view is cropped to the highlighted partners and the hub. Labels go where they
    fit (the best connected partners first); returns the PNG and how many partner labels fit.
    """
    return _drawing(_draw_network, width, height, scene, highlight, label_size)


def _draw_network(figure: Any, axes: Any, scene: _Scene, highlight: set[Any] | None,
                  label_size: float) -> int:
    graph = scene.graph
    nodes = [n for n in graph.nodes if n in scene.positions]
    # vis-network's y axis points down, matplotlib's up: flip, so the pictures match
    xy = {n: (float(scene.positions[n][0]), -float(scene.positions[n][1])) for n in nodes}
    hubs = [n for n in nodes if graph.nodes[n].get("kind") == "hub"]
    crop = highlight is not None and len(nodes) > CROP_ABOVE
    focus = [n for n in nodes if n in highlight] + hubs if crop else nodes
    _fit_view(axes, [xy[n] for n in focus], width_in(figure), height_in(figure))
    scale = _marker_scale(axes, figure)
    _draw_edges(axes, scene, xy, highlight, scale)
    _draw_nodes(axes, scene, xy, highlight, scale)
    obstacles = [(*xy[n], math.sqrt(_marker_area(scene, n, scale)) / 2) for n in nodes]
    partners = [n for n in focus if graph.nodes[n].get("kind") == "partner"
                and (highlight is None or n in highlight)]
    partners.sort(key=lambda n: (-graph.degree(n, weight="weight"), str(n)))
    labels = [_network_label(scene, n, xy[n], label_size, scale, hub=True) for n in hubs]
    labels += [_network_label(scene, n, xy[n], label_size, scale)
               for n in partners[:MAX_LABEL_TRIES]]
    placed = _place_labels(figure, axes, labels, obstacles)
    return sum(1 for i in placed if i >= len(hubs))


def _marker_scale(axes: Any, figure: Any) -> float:
    """Shrink markers when the layout's rings are closer on the slide than a marker is wide."""
    from .layout import SPACING

    points_per_unit = width_in(figure) * 72 / (axes.get_xlim()[1] - axes.get_xlim()[0])
    return max(0.15, min(1.0, 0.9 * SPACING * points_per_unit / TYPICAL_MARKER_PT))


def width_in(figure: Any) -> float:
    return float(figure.get_figwidth())


def height_in(figure: Any) -> float:
    return float(figure.get_figheight())


def _network_label(scene: _Scene, node: Any, point: tuple[float, float], size: float,
                   scale: float, hub: bool = False) -> _Label:
    style = scene.styles.get(node)
    text = _plain(style.label if style else scene.graph.nodes[node].get("label", node),
                  LABEL_CHARS)
    x, y = point
    radius = math.sqrt(_marker_area(scene, node, scale)) / 2
    if hub:
        return _Label(text, x, y, radius, _directions_from(0, -1), size + 3, bold=True)
    norm = math.hypot(x, y) or 1.0
    return _Label(text, x, y, radius, _directions_from(x / norm, y / norm), size)


def _draw_edges(axes: Any, scene: _Scene, xy: dict[Any, tuple[float, float]],
                highlight: set[Any] | None, scale: float) -> None:
    from matplotlib.collections import LineCollection

    hub_lines, partner_lines, widths, faded_lines = [], [], [], []
    for a, b, attrs in scene.graph.edges(data=True):
        if a not in xy or b not in xy:
            continue
        segment = (xy[a], xy[b])
        touches = highlight is None or a in highlight or b in highlight
        if attrs.get("kind") == "partner":
            if touches:
                partner_lines.append(segment)
                widths.append((0.8 + 0.5 * min(int(attrs.get("weight") or 1), 5)) * scale)
            else:
                faded_lines.append(segment)
        elif touches:
            hub_lines.append(segment)
    thin = 0.8 * max(scale, 0.4)
    axes.add_collection(LineCollection(faded_lines, colors=FADED_EDGE, linewidths=thin, zorder=1))
    axes.add_collection(LineCollection(hub_lines, colors=HUB_EDGE, linewidths=thin, zorder=1))
    axes.add_collection(LineCollection(partner_lines, colors=PARTNER_EDGE, linewidths=widths,
                                       alpha=0.75 if scale > 0.5 else 0.35, zorder=2))


def _draw_nodes(axes: Any, scene: _Scene, xy: dict[Any, tuple[float, float]],
                highlight: set[Any] | None, scale: float) -> None:
    graph = scene.graph
    faded, shown = [], []
    for node in xy:
        kind = graph.nodes[node].get("kind")
        if highlight is not None and node not in highlight and kind != "hub":
            faded.append(node)
        else:
            shown.append(node)
    for group, is_faded in ((faded, True), (shown, False)):
        for marker, members in _by_marker(graph, group).items():
            sizes = [_marker_area(scene, n, scale) for n in members]
            colours = [FADED if is_faded else _node_colour(scene, n) for n in members]
            axes.scatter([xy[n][0] for n in members], [xy[n][1] for n in members], s=sizes,
                         c=colours, marker=marker, linewidths=1.2 * scale, edgecolors="white",
                         zorder=3 if is_faded else 4)


def _by_marker(graph: nx.Graph, nodes: Iterable[Any]) -> dict[str, list[Any]]:
    markers = {"hub": "*", "activity": "s", "programme": "D"}
    groups: dict[str, list[Any]] = {}
    for node in nodes:
        groups.setdefault(markers.get(graph.nodes[node].get("kind"), "o"), []).append(node)
    return groups


def _node_colour(scene: _Scene, node: Any) -> str:
    style = scene.styles.get(node)
    if style is not None:
        return style.color
    return HUB_COLOR if scene.graph.nodes[node].get("kind") == "hub" else NONE_COLOR


def _marker_area(scene: _Scene, node: Any, scale: float = 1.0) -> float:
    """Marker area in points²: the app's node size, scaled for a slide (the hub stays big)."""
    style = scene.styles.get(node)
    size = style.size if style is not None else 14.0
    if scene.graph.nodes[node].get("kind") == "hub":
        return (size * 1.3 * max(scale, 0.6)) ** 2
    return (size * 0.75 * scale) ** 2


def _fit_view(axes: Any, points: Sequence[tuple[float, float]], width: float,
              height: float) -> None:
    """Show ``points`` with some room for labels, at equal scale on both axes."""
    if not points:
        _fit_box(axes, (-1.0, 1.0, -1.0, 1.0), width, height)
        return
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 100.0)
    pad_x, pad_y = 0.15 * span, 0.08 * span
    _fit_box(axes, (min(xs) - pad_x, max(xs) + pad_x, min(ys) - pad_y, max(ys) + pad_y),
             width, height)


def _fit_box(axes: Any, box: tuple[float, float, float, float], width: float,
             height: float) -> None:
    """Show ``box`` (x0, x1, y0, y1) centred, undistorted, in a picture of width × height."""
    x0, x1, y0, y1 = box
    scale = max((x1 - x0) / width, (y1 - y0) / height)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    axes.set_xlim(cx - scale * width / 2, cx + scale * width / 2)
    axes.set_ylim(cy - scale * height / 2, cy + scale * height / 2)


def _map_png(places: list[_Place], width: float, height: float, lang: str,
             box: tuple[float, float, float, float] | None = None,
             frame: tuple[float, float, float, float] | None = None) -> bytes:
    """Partner places on plain coordinates with light country outlines (no map tiles).

    ``box`` (lon0, lon1, lat0, lat1) is the extent to show (default: all places); ``frame``
    marks a region (the zoomed one) with a rectangle.
    """
    png, _ = _drawing(_draw_map, width, height, places, lang, box or _map_extent(places), frame)
    return png


def _draw_map(figure: Any, axes: Any, places: list[_Place], lang: str,
              box: tuple[float, float, float, float],
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
    if frame is None and box != _map_extent(places):  # the zoomed map: framed like its box
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
    _fit_box(axes, (lon0, lon1, lat0 * stretch, lat1 * stretch), width_in(figure),
             height_in(figure))
    inside = [(p, r) for p, r in zip(places, radii, strict=True)
              if p.name and lon0 <= p.lon <= lon1 and lat0 <= p.lat <= lat1
              and not (frame and frame[0] <= p.lon <= frame[1] and frame[2] <= p.lat <= frame[3])]
    labels = [_Label(_plain(p.name, 24) + (f" ({p.count})" if p.count > 1 else ""), p.lon,
                     p.lat * stretch, r, _directions_from(1, 0.3), 13, bold=True)
              for p, r in inside[:MAX_PLACE_LABELS]]
    obstacles = [(p.lon, p.lat * stretch, r) for p, r in zip(places, radii, strict=True)]
    _place_labels(figure, axes, labels, obstacles, leaders=True)


def _place_radius(count: int, biggest: int) -> float:
    """Marker radius in points: the area grows with the number of partners at the place."""
    return 5 + 13 * math.sqrt(count / biggest)


def _map_extent(places: list[_Place]) -> tuple[float, float, float, float]:
    """The places' extent; with Germany as background when most places are in Germany."""
    lons = [p.lon for p in places]
    lats = [p.lat for p in places]
    lon0, lon1, lat0, lat1 = min(lons), max(lons), min(lats), max(lats)
    box = _GERMANY_BOX
    inside = sum(p.count for p in places
                 if box[0] <= p.lon <= box[1] and box[2] <= p.lat <= box[3])
    if 2 * inside >= sum(p.count for p in places):
        lon0, lon1 = min(lon0, box[0]), max(lon1, box[1])
        lat0, lat1 = min(lat0, box[2]), max(lat1, box[3])
    pad_lon = max(0.5, 0.05 * (lon1 - lon0))
    pad_lat = max(0.3, 0.05 * (lat1 - lat0))
    return lon0 - pad_lon, lon1 + pad_lon, lat0 - pad_lat, lat1 + pad_lat


def _home_region(places: list[_Place], width: float,
                 height: float) -> tuple[_Place, tuple[float, float, float, float]] | None:
    """The region around the partners' home, when it is worth a zoomed map.

    The home is the place with most partners when one stands out, else the place with most
    partners around it. The region reaches REGION_KM north and south of it and as far east and
    west as a picture of width × height shows (so the frame on the whole map is exactly what
    the zoomed map shows). Worth it when several places lie in the region and the whole map is
    much larger.
    """
    half_lat = REGION_KM / 111.0

    def region(home: _Place) -> tuple[float, float, float, float]:
        half_lon = half_lat / math.cos(math.radians(home.lat)) * width / height
        return (home.lon - half_lon, home.lon + half_lon, home.lat - half_lat,
                home.lat + half_lat)

    def inside(box: tuple[float, float, float, float]) -> list[_Place]:
        return [p for p in places if box[0] <= p.lon <= box[1] and box[2] <= p.lat <= box[3]]

    stands_out = len(places) == 1 or places[0].count > places[1].count
    home = places[0] if stands_out else \
        max(places, key=lambda p: sum(q.count for q in inside(region(p))))
    box = region(home)
    whole = _map_extent(places)
    if len(inside(box)) < 3 or (whole[3] - whole[2]) < 3 * half_lat:
        return None
    return home, box


# --- writing ---


