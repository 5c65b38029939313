"""The text and picture slides: title, key figures, overview, categories, contacts, sources."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ...drawing.styling import CATEGORY_COLORS, NONE_COLOR
from ...network.figures import NO_CATEGORY, category_label, network_title
from ...text import number as format_number
from ...workbook import schema
from ...workbook.validation import PartnerData
from .pictures import Scene, network_png
from .shapes import (
    Deck,
    colour_strip,
    fill_text,
    intern_mark,
    picture,
    rectangle,
    rgb,
    text_box,
)
from .text import COLUMN_GAP, LIST_GAP_PT, fit_names, natural_key, plain
from .theme import (
    BODY_PT,
    CATEGORY_LABEL_PT,
    CONTENT_BOTTOM,
    CONTENT_TOP,
    INTERN_FILL,
    LIST_PT,
    MARGIN,
    MUTED,
    OVERVIEW_LABEL_PT,
    SLIDE_W,
    SMALL_PT,
    TEXT,
    TILE_FILL,
    TILE_NUMBER_PT,
    TITLE_SLIDE_PT,
)
from .words import WORDS

CONTACT_ROWS = 5
MAX_CONTACT_SLIDES = 6


@dataclass
class DeckMeta:
    title: str
    data_date: str | None
    source: str | None
    file_name: str
    exported: str
    note: str = ""  # "Daten unvollständig: N Probleme", or ""


def deck_meta(data: PartnerData, title: str | None, data_date: str | None, source: str | None,
              lang: str, exported: dt.date, note: str = "") -> DeckMeta:
    """Title, Datenstand, source, file name and export date, as the deck shows them."""
    words = WORDS[lang]
    chosen = title or network_title(data, lang)
    return DeckMeta(
        title=plain(chosen),
        data_date=plain(data_date or data.settings.get("data_date") or "") or None,
        source=plain(source or data.settings.get("source") or "") or None,
        file_name=plain(data.source_name or ""),
        exported=exported.strftime(words["date_format"]),
        note=note,
    )


def title_slide(deck: Deck, meta: DeckMeta) -> None:
    from pptx.util import Inches

    words = deck.words
    slide = deck.prs.slides.add_slide(deck.prs.slide_layouts[0])
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    for placeholder in list(slide.placeholders):
        if placeholder.placeholder_format.idx not in (0, 1):
            placeholder._element.getparent().remove(placeholder._element)
    title.left, title.top = Inches(1.0), Inches(1.9)
    title.width, title.height = Inches(SLIDE_W - 2.0), Inches(2.0)
    fill_text(title.text_frame, [meta.title], TITLE_SLIDE_PT, bold=True, anchor="bottom")
    colour_strip(slide, 4.15)
    subtitle.left, subtitle.top = Inches(1.0), Inches(4.5)
    subtitle.width, subtitle.height = Inches(SLIDE_W - 2.0), Inches(1.5)
    lines = [deck.say("exported", date=meta.exported)]
    if meta.data_date:
        lines.insert(0, deck.say("data_date", date=meta.data_date))
    fill_text(subtitle.text_frame, lines, 28, colour=MUTED, space_after=6)
    if meta.note:  # incomplete data: said before anything is shown
        text_box(slide, 1.0, 6.1, SLIDE_W - 2.0, 0.6, [meta.note], SMALL_PT + 4, bold=True,
                 colour=INTERN_FILL)
    if deck.intern:
        intern_mark(slide, words["intern"])


def figures_slide(deck: Deck, data: PartnerData, graph: nx.Graph) -> None:
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
        rectangle(slide, left, 1.65, width, 2.05, TILE_FILL)
        text_box(slide, left, 1.7, width, 1.05, [format_number(number, deck.lang)],
                 TILE_NUMBER_PT, bold=True,
                 align="center", anchor="middle")
        text_box(slide, left + 0.1, 2.75, width - 0.2, 0.9, [label], SMALL_PT,
                 colour=MUTED, align="center", anchor="top")
    if any(a.get("categories") for a in partners):  # a network from another tool has none
        several = any(len(a.get("categories") or []) > 1 for a in partners)
        _category_bars(slide, deck, _partner_category_counts(partners), top=4.0,
                       several=several)


def _partner_category_counts(partners: Iterable[dict[str, Any]]) -> dict[str, int]:
    counts = Counter(c for a in partners for c in (a.get("categories") or [NO_CATEGORY]))
    ordered = {c: counts[c] for c in schema.CATEGORIES if counts[c]}
    if counts[NO_CATEGORY]:
        ordered[NO_CATEGORY] = counts[NO_CATEGORY]
    return ordered


def _category_bars(slide: Any, deck: Deck, counts: dict[str, int], top: float,
                   several: bool) -> None:
    """Partners per category as coloured bars with the number beside each."""
    words = deck.words
    text_box(slide, MARGIN, top, 5.0, 0.5, [words["per_category"]], BODY_PT, bold=True)
    if several:
        text_box(slide, MARGIN + 5.0, top, SLIDE_W - 2 * MARGIN - 5.0, 0.5,
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
        label = category_label(category, deck.lang)
        text_box(slide, MARGIN, y, label_width, row_height, [plain(label, 24)], BODY_PT,
                 anchor="middle")
        bar = max(0.08, bar_max * number / biggest)
        colour = CATEGORY_COLORS.get(category, NONE_COLOR)
        rectangle(slide, bar_left, y + 0.1, bar, row_height - 0.2, colour)
        text_box(slide, bar_left + bar + 0.05, y, 1.0, row_height,
                 [format_number(number, deck.lang)], BODY_PT, bold=True, anchor="middle")


def overview_slide(deck: Deck, scene: Scene, own: str, names_listed: bool = True) -> None:
    """The whole network in one picture. ``own`` is the hub's name ("" without a hub: the
    texts then speak of the network as it is, not of an organisation in the centre).
    ``names_listed``: every name is on a category slide (see :class:`NameList`)."""
    words = deck.words
    slide = deck.slide(words["overview"])
    partners = [n for n, k in scene.graph.nodes(data="kind") if k == "partner"]
    legend_width = 3.3
    width = SLIDE_W - 2 * MARGIN - legend_width
    height = CONTENT_BOTTOM - CONTENT_TOP
    png, labelled = network_png(scene, width, height, label_size=OVERVIEW_LABEL_PT)
    picture(slide, png, MARGIN, CONTENT_TOP, width,
            deck.say("overview_alt", org=plain(own), count=len(partners)) if own
            else deck.say("overview_alt_plain", count=len(partners)))
    left = SLIDE_W - MARGIN - legend_width + 0.2
    _legend_box(slide, scene.legend, left, CONTENT_TOP + 0.2, legend_width - 0.2)
    if labelled < len(partners):
        # Names are listed on the category slides; without categories there are none.
        key = ("unlabelled" if names_listed else "unlabelled_workbook") \
            if category_members(scene.graph) else "unlabelled_plain"
        text_box(slide, left, CONTENT_BOTTOM - 1.6, legend_width - 0.2, 1.6,
                 [deck.say(key, count=len(partners) - labelled)], SMALL_PT,
                 colour=MUTED, anchor="bottom")


def _legend_box(slide: Any, entries: Sequence[tuple[str, str]], left: float, top: float,
                width: float) -> None:
    row = 0.6
    for i, (label, colour) in enumerate(entries[:7]):
        y = top + i * row
        rectangle(slide, left, y + 0.14, 0.32, 0.32, colour.lstrip("#"), shape="oval")
        text_box(slide, left + 0.45, y, width - 0.45, row, [plain(label, 24)], SMALL_PT,
                 anchor="middle")


def category_members(graph: nx.Graph) -> list[tuple[str, list[Any]]]:
    """(category, its partner nodes) for every category present, in the canonical order.

    Empty when no partner has a category (a network from another tool): a slide "ohne
    Kategorie" listing every node would say nothing the overview does not.
    """
    if not any(categories for _, categories in graph.nodes(data="categories")):
        return []
    groups: dict[str, list[Any]] = {}
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != "partner":
            continue
        for category in attrs.get("categories") or [NO_CATEGORY]:
            groups.setdefault(category, []).append(node)
    order = [*schema.CATEGORIES, NO_CATEGORY]
    return [(c, groups[c]) for c in order if c in groups] + \
        [(c, m) for c, m in groups.items() if c not in order]


#: A category's names go on at most this many slides (the one with its picture, then lists
#: without a picture); beyond that the last line says that every name is in the workbook.
MAX_LIST_SLIDES = 4
#: Columns of names on a continuation slide (no picture: the whole width).
MORE_COLUMNS = 3


@dataclass
class NameList:
    """A category's names as the deck lists them.

    ``first`` are the columns beside the picture, ``more`` one list of columns per continuation
    slide, ``left`` the names on no slide (only beyond :data:`MAX_LIST_SLIDES`).
    """

    first: list[list[str]]
    more: list[list[list[str]]]
    left: int

    @property
    def complete(self) -> bool:
        """Whether every name is on a slide (what the overview slide promises)."""
        return self.left == 0


def category_names(graph: nx.Graph, members: list[Any]) -> list[str]:
    """The members' names as listed: plain, alphabetical with numbers by value."""
    return sorted((plain(graph.nodes[n].get("label", n), 80) for n in members),
                  key=natural_key)


def name_list(names: list[str]) -> NameList:
    """Lay ``names`` out: one or two columns beside the picture, then continuation slides."""
    height = CONTENT_BOTTOM - CONTENT_TOP
    first, rest = fit_names(names, 1, 5.2, height, LIST_PT)
    if rest:  # two lines stay free for "und N weitere auf der nächsten Folie"
        first, rest = fit_names(names, 2, 3.8, height, LIST_PT, reserve=2)
    more: list[list[list[str]]] = []
    while rest and len(more) < MAX_LIST_SLIDES - 1:
        page, left = fit_names(names[len(names) - rest:], MORE_COLUMNS,
                               (SLIDE_W - 2 * MARGIN) / MORE_COLUMNS, height, LIST_PT, reserve=2)
        if left == rest:  # nothing fitted (cannot happen with real names): stop, say so
            break
        more.append(page)
        rest = left
    return NameList(first, more, rest)


def category_slide(deck: Deck, scene: Scene, category: str, members: list[Any],
                   names: NameList | None = None) -> None:
    """The category's partners highlighted in the picture and listed beside it; names that do
    not fit go on continuation slides, so the overview's "alle Namen stehen auf den
    Kategorie-Folien" holds."""
    label = plain(category_label(category, deck.lang), 40)
    slide = deck.slide(deck.say("category", category=label, count=len(members)))
    names = names or name_list(category_names(scene.graph, members))
    height = CONTENT_BOTTOM - CONTENT_TOP
    columns = len(names.first)
    list_width = 5.2 if columns == 1 else 7.6
    picture_width = SLIDE_W - 2 * MARGIN - list_width - 0.3
    png, _ = network_png(scene, picture_width, height, highlight=set(members),
                         label_size=CATEGORY_LABEL_PT)
    picture(slide, png, MARGIN, CONTENT_TOP, picture_width,
            deck.say("category_alt", category=label))
    colour = CATEGORY_COLORS.get(category, NONE_COLOR).lstrip("#")
    pages = [(slide, SLIDE_W - MARGIN - list_width, list_width, names.first), *(
        (deck.slide(deck.say("category_cont", category=label)), MARGIN, SLIDE_W - 2 * MARGIN,
         page) for page in names.more)]
    shown = 0
    for number, (page_slide, left, width, page) in enumerate(pages):
        columns_here = [list(column) for column in page]
        shown += sum(len(column) for column in page)
        rest = len(members) - shown
        if rest and number < len(pages) - 1:
            columns_here[-1].append(deck.say("more_next", n=rest))
        elif rest:
            columns_here[-1].append(deck.say("more_workbook", n=rest))
        _name_columns(page_slide, colour, left, width, columns_here)


def _name_columns(slide: Any, colour: str, left: float, width: float,
                  columns: list[list[str]]) -> None:
    """Columns of names with the category's colour strip on their left."""
    height = CONTENT_BOTTOM - CONTENT_TOP
    rectangle(slide, left - 0.2, CONTENT_TOP + 0.05, 0.07, height - 0.1, colour)
    column_width = width / len(columns)
    for i, column in enumerate(columns):
        if column:  # as wide as fit_names assumed, so the lines break where it counted them
            text_box(slide, left + i * column_width, CONTENT_TOP, column_width - COLUMN_GAP,
                     height, column, LIST_PT, space_after=LIST_GAP_PT)


def contact_slides(deck: Deck, graph: nx.Graph) -> None:
    """Internal decks only: who looks after which partner, as tables of a few rows each."""
    words = deck.words
    rows: list[list[list[str]]] = []
    for _, attrs in sorted(graph.nodes(data=True), key=lambda n: schema.normalize_name(n[0])):
        if attrs.get("kind") != "partner":
            continue
        internal = plain(attrs.get("contact_internal"), 60)
        external = [plain(attrs.get(c), 60) for c in ("contact_external", "email", "phone")]
        external = [v for v in external if v]
        if internal or external:
            rows.append([[plain(attrs.get("label"), 60)], [internal] if internal else [],
                         external])
    pages = [rows[i:i + CONTACT_ROWS] for i in range(0, len(rows), CONTACT_ROWS)]
    shown = pages[:MAX_CONTACT_SLIDES]
    rest = len(rows) - sum(len(page) for page in shown)
    for number, page in enumerate(shown):
        slide = deck.slide(words["contacts"] if number == 0 else words["contacts_cont"])
        _contact_table(slide, deck, page, rest if number == len(shown) - 1 else 0)


def _contact_table(slide: Any, deck: Deck, rows: list[list[list[str]]],
                   rest: int) -> None:
    """Partner | Ansprechperson intern | Kontakt beim Partner (name, e-mail, phone, one a line)."""
    from pptx.util import Inches

    words = deck.words
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
            cell.fill.fore_color.rgb = rgb(TEXT if r == 0 else ("FFFFFF" if r % 2 else
                                                                  TILE_FILL))
            fill_text(cell.text_frame, lines or ["–"], SMALL_PT, bold=r == 0,
                      colour="FFFFFF" if r == 0 else TEXT, inset=True)
    if rest:
        text_box(slide, MARGIN, CONTENT_BOTTOM - 0.5, SLIDE_W - 2 * MARGIN, 0.5,
                 [deck.say("contacts_more", n=rest)], SMALL_PT, colour=MUTED)


def sources_slide(deck: Deck, meta: DeckMeta, notes: Sequence[str] = ()) -> None:
    """Source, file, Datenstand, export date and privacy; ``notes`` (e.g. why there is no
    growth slide) below them."""
    words = deck.words
    slide = deck.slide(words["sources"])
    unknown = words["unknown"]
    lines = [
        f"{words['source']}: {plain(meta.source, 480) if meta.source else unknown}",
        f"{words['file']}: {plain(meta.file_name, 80) or unknown}",
        f"{words['data_date_label']}: {meta.data_date or unknown}",
        f"{words['exported_label']}: {meta.exported}",
        *(note for note in (meta.note, *notes) if note),
    ]
    text_box(slide, MARGIN, CONTENT_TOP + 0.1, SLIDE_W - 2 * MARGIN, 4.4, lines, SMALL_PT,
             space_after=12)
    privacy = words["private"] if deck.intern else words["public"]
    colour = INTERN_FILL if deck.intern else TEXT
    text_box(slide, MARGIN, CONTENT_BOTTOM - 1.1, SLIDE_W - 2 * MARGIN, 1.0, [privacy],
             BODY_PT, bold=True, colour=colour, anchor="bottom")
