"""The Excel report: the network's picture, partners ranked with their measures, categories, ties,
data problems, explanations.

Sheets (names and the data headers stay German, so the report is again a partner workbook that
:func:`network_app.load_workbook` reads: "Partner" has the columns Name and Kategorie, and
"Verbindungen" the columns Partner A / Partner B of a relations sheet; the headers of the other
sheets, the measures and every sentence are in the export's language):

==================  ==========================================================================
``Überblick``       title, Datenstand, how many partners and ties, where to read on, and the
                    picture of the network (the PNG export, the view as it is on screen)
``Partner``         the partners in the picture, ranked by importance (``Rang``: PageRank,
                    "Bedeutung", then weighted degree; equals share a rank), every measure of
                    :func:`~network_app.analysis.metrics.partner_metrics`, their group
                    (:func:`~network_app.analysis.communities.detect_communities`), all computed
                    on the partner layer without the own organisation, then the partners' own
                    columns; each figure's header has its one-line explanation as a comment
``Kategorien``      partners per category with their colour and share
``Verbindungen``    the ties between partners, closest first: Beziehung, gemeinsame Aktivitäten,
                    Programme, Gewicht
``Datenqualität``   every problem the check found: sheet, row, column, value, message
``Erklärungen``     every figure of the report with its one-line explanation: the rank, the
                    measures, the counts of the other sheets, the network's figures
``Info``            title, Datenstand, source, date, and "intern" when personal data are in
==================  ==========================================================================

Every table sheet has a bold, frozen header row (repeated on every printed page), an autofilter
and fitted column widths, and prints landscape A4, one page wide; the overview prints on one
page. The printout of "Partner" stops after the group name (rank, measures, group: what a
reader compares); the partners' own columns follow in the file. Text is always stored as a
text cell: a name such as ``=HYPERLINK(…)`` stays text in Excel and LibreOffice (openpyxl would
otherwise write a str starting with "=" as a formula), and cells starting with = + - @ get
Excel's quote prefix so that editing them keeps them text.
"""

from __future__ import annotations

import io
import math
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..analysis.communities import detect_communities
from ..analysis.metrics import METRIC_COLUMNS, METRIC_TEXT, direction_note, partner_metrics
from ..drawing.styling import CATEGORY_COLORS, NONE_COLOR, NodeStyle, node_styles
from ..drawing.styling import legend as default_legend
from ..network.graph import partner_layer
from ..network.positions import network_layout
from ..text import by_language, fill, number
from ..workbook import schema
from ..workbook.schema import name_key
from ..workbook.validation import PartnerData
from .common import ExportMeta, atomic_target, csv_text, is_personal, plain, xlsx_text
from .pictures import write_picture
from .tables import own_header, relation_columns, relation_text

__all__ = ["REPORT_SHEETS", "WEIGHT_HEADER", "rank_partners", "write_report_xlsx"]

REPORT_SHEETS = ("Überblick", "Partner", "Kategorien", "Verbindungen", "Datenqualität",
                 "Erklärungen", "Info")
#: The ties' weight column (German, as the other headers read back as a relations sheet).
WEIGHT_HEADER = "Gewicht (gesamt)"

_HEADER_FONT = Font(name="Calibri", size=11, bold=True)
_HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
_PERSONAL_FILL = PatternFill("solid", start_color="FCE4D6")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
#: Measure headers stand upright, so a column is as narrow as its numbers.
_UPRIGHT = Alignment(wrap_text=True, vertical="bottom", horizontal="center", text_rotation=90)
_UPRIGHT_WIDTH = 9.0
#: The picture on the overview, in pixels at 96 dpi: a landscape A4 page inside its margins.
_PICTURE_WIDTH = 940
_MAX_WIDTH = 45
_DECIMALS = {"betweenness", "closeness", "pagerank", "eigenvector", "clustering",
             "constraint", "effective_size"}
_PARTNER_COLUMNS = ("name", "categories", "type", "place", "reach", "since", "until",
                    "contact_internal", "contact_external", "email", "phone", "website",
                    "note", "lat", "lon", "id")
_HEADERS = {c.key: c.header for c in schema.COLUMNS["partners"]} | {"id": "Kennung"}
_WORDS = by_language("exports.report")
_COLUMNS = by_language("exports.report.columns")
_INFO = by_language("exports.report.info")


def write_report_xlsx(path: str | os.PathLike[str], data: PartnerData, graph: nx.Graph,
                      meta: ExportMeta, *,
                      positions: dict[Any, tuple[float, float]] | None = None,
                      styles: dict[Any, NodeStyle] | None = None,
                      legend: list[tuple[str, str]] | None = None) -> Path:
    """Write the report for the partners in ``graph`` (the filtered view) to ``path``.

    ``data`` supplies the problems of the check and the own organisation's name. ``positions``,
    ``styles`` and ``legend`` are the picture as on screen (see :mod:`network_app.exports`);
    without them the overview draws the app's default layout, colours and legend.
    The file is replaced atomically.
    """
    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet every new workbook starts with
    partners = [n for n, kind in graph.nodes(data="kind") if kind == "partner"]
    layer = partner_layer(graph)
    metrics = partner_metrics(layer)
    groups = detect_communities(layer, lang=meta.lang)
    picture = _picture_png(graph, positions, styles, legend, meta)
    _overview_sheet(book.create_sheet("Überblick"), picture, partners, layer, meta)
    explained: list[tuple[str, str]] = []
    _partner_sheet(book.create_sheet("Partner"), graph, partners, metrics, groups, meta,
                   explained)
    _category_sheet(book.create_sheet("Kategorien"), graph, partners, meta, explained)
    _ties_sheet(book.create_sheet("Verbindungen"), graph, meta, explained)
    _problem_sheet(book.create_sheet("Datenqualität"), data, meta)
    _explanation_sheet(book.create_sheet("Erklärungen"), explained, meta)
    _info_sheet(book.create_sheet("Info"), data, graph, partners, layer, metrics, groups, meta)
    book.properties.title = meta.display_title or meta.words["untitled"]
    book.properties.creator = "stadtLABOR Partnernetz"
    if meta.include_personal:
        book.properties.keywords = "intern"
    with atomic_target(path) as temporary:
        book.save(temporary)
    return Path(path)


# --------------------------------------------------------------------------- writing cells


def _put(ws: Worksheet, row: int, column: int, value: Any, number_format: str | None = None
         ) -> None:
    """One cell; text is always a text cell, never a formula."""
    value = plain(value)
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        text = xlsx_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl took a leading "=" for a formula
        if csv_text(text) != text:
            cell.quotePrefix = True  # Excel keeps it text when someone edits the cell
    elif value is not None:
        cell.value = value
        # a very large or small number keeps Excel's own format (1E+30), not "0" or "0.000"
        huge_or_tiny = isinstance(value, float) and value and not 1e-6 <= abs(value) < 1e15
        if number_format and not huge_or_tiny:
            cell.number_format = number_format


def _table(ws: Worksheet, headers: list[str], rows: list[list[Any]],
           formats: dict[int, str] | None = None, wrap: tuple[int, ...] = (),
           freeze: str = "A2", caps: dict[int, int] | None = None,
           upright: tuple[int, ...] = ()) -> None:
    """Header row, data rows, then the formatting every sheet shares; the headers of the
    columns ``upright`` stand on end."""
    formats = formats or {}
    for j, header in enumerate(headers, 1):
        _put(ws, 1, j, header)
        cell = ws.cell(row=1, column=j)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        cell.alignment = _UPRIGHT if j in upright else _WRAP
    for i, row in enumerate(rows, 2):
        for j, value in enumerate(row, 1):
            _put(ws, i, j, value, formats.get(j))
            ws.cell(row=i, column=j).alignment = _WRAP if j in wrap else _TOP
    ws.freeze_panes = freeze
    last = get_column_letter(max(len(headers), 1))
    ws.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 2)}"
    widths = _widths(headers, rows, caps or {})
    for j in upright:
        widths[j - 1] = _UPRIGHT_WIDTH
    for j, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = width
    # Neither Excel nor LibreOffice grows a row for wrapped text written by openpyxl.
    _set_height(ws, 1, [(h, w) for j, (h, w) in enumerate(zip(headers, widths, strict=True), 1)
                        if j not in upright])
    if upright:  # two lines of an upright header stand in about 7 cm
        longest = max(len(str(headers[j - 1])) for j in upright)
        ws.row_dimensions[1].height = max(ws.row_dimensions[1].height or 15,
                                          min(200.0, 60 + 3.6 * longest))
    for i, row in enumerate(rows, 2):
        _set_height(ws, i, [(row[j - 1], widths[j - 1]) for j in wrap if j <= len(row)])
    _print_setup(ws)


def _widths(headers: list[str], rows: list[list[Any]], caps: dict[int, int]) -> list[float]:
    """Column widths in characters: the longest value up to the column's cap (45 unless
    given; longer text wraps or is cut), at least the header's longest word (headers wrap)."""
    widths = []
    for j, header in enumerate(headers, 1):
        word = max((len(w) for w in str(header).split()), default=4)
        longest = max([_shown_length(row[j - 1]) for row in rows if j <= len(row)], default=0)
        widths.append(float(max(8, word + 3, min(caps.get(j, _MAX_WIDTH), longest * 1.1 + 2))))
    return widths


def _set_height(ws: Worksheet, row: int, cells: list[tuple[Any, float]]) -> None:
    lines = 1
    for value, width in cells:
        if plain(value) is None:
            continue
        chars = max(width - 1.5, 1.0)
        lines = max(lines, sum(math.ceil(max(len(part), 1) * 1.05 / chars)
                               for part in str(value).splitlines() or [""]))
    if lines > 1:
        ws.row_dimensions[row].height = 15 * min(lines, 12)


def _shown_length(value: Any) -> float:
    value = plain(value)
    if value is None:
        return 0
    if isinstance(value, float):
        return 7
    return max((len(line) for line in str(value).splitlines()), default=0)


def _print_setup(ws: Worksheet, *, tall: bool = True) -> None:
    """Landscape A4, one page wide, the header row on every page; ``tall=False``: one page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if tall:
        ws.print_title_rows = "1:1"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0 if tall else 1
    ws.print_options.horizontalCentered = not tall
    setup = ws.sheet_properties.pageSetUpPr
    assert setup is not None  # openpyxl gives every worksheet one
    setup.fitToPage = True


def _header_comment(ws: Worksheet, column: int, text: str) -> None:
    comment = Comment(xlsx_text(text), "stadtLABOR Partnernetz")
    comment.width, comment.height = 320, 90
    ws.cell(row=1, column=column).comment = comment


# --------------------------------------------------------------------------- sheets


def _picture_png(graph: nx.Graph, positions: dict[Any, tuple[float, float]] | None,
                 styles: dict[Any, NodeStyle] | None, legend: list[tuple[str, str]] | None,
                 meta: ExportMeta) -> bytes:
    """The PNG export of the view (A4, 300 dpi), made smaller for the sheet: 150 dpi."""
    from PIL import Image as PillowImage

    if positions is None or any(n not in positions for n in graph):
        positions = {**network_layout(graph), **(positions or {})}
    if styles is None or any(n not in styles for n in graph):
        styles = {**node_styles(graph), **(styles or {})}
    legend = default_legend(graph, meta.lang) if legend is None else legend
    with tempfile.TemporaryDirectory() as folder:
        path = write_picture(Path(folder) / "netz.png", graph, positions, styles, legend, meta,
                             fmt="png")
        with PillowImage.open(path) as full:
            small = full.convert("RGB").resize((full.width // 2, full.height // 2),
                                               PillowImage.Resampling.LANCZOS)
    buffer = io.BytesIO()
    small.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _overview_sheet(ws: Worksheet, picture: bytes, partners: list[Any], layer: nx.Graph,
                    meta: ExportMeta) -> None:
    """Title, the key counts, where to read on, and the picture below."""
    words = _WORDS[meta.lang]
    _put(ws, 1, 1, meta.display_title or meta.words["untitled"])
    ws.cell(row=1, column=1).font = Font(name="Calibri", size=16, bold=True)
    counts = fill(words["overview"], meta.lang, partners=number(len(partners), meta.lang),
                  ties=number(layer.number_of_edges(), meta.lang))
    if meta.data_date:  # the source is in full on the sheet Info and under the picture
        counts += f" · {meta.words['date']}: {meta.data_date}"
    _put(ws, 2, 1, counts)
    _put(ws, 3, 1, words["overview_reading"])
    for row in (2, 3):
        ws.cell(row=row, column=1).font = Font(name="Calibri", size=11, color="444444")
    image = Image(io.BytesIO(picture))
    image.width, image.height = _PICTURE_WIDTH, round(_PICTURE_WIDTH * image.height
                                                      / image.width)
    ws.add_image(image, "A5")
    ws.sheet_view.showGridLines = False
    # The print area spans the picture: a column of the default width is 64 px, a row 20 px.
    ws.print_area = (f"A1:{get_column_letter(math.ceil(_PICTURE_WIDTH / 64))}"
                     f"{4 + math.ceil(image.height / 20)}")
    _print_setup(ws, tall=False)


def rank_partners(metrics: Any) -> dict[Any, int]:
    """Each partner's rank by importance: PageRank first, weighted degree second; partners
    equal in both share a rank ("1, 2, 2, 4").

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"pagerank": [0.2, 0.4, 0.2, 0.2],
    ...                       "weighted_degree": [3, 5, 3, 1]}, index=["A", "B", "C", "D"])
    >>> rank_partners(frame)
    {'B': 1, 'A': 2, 'C': 2, 'D': 4}
    """
    def key(node: Any) -> tuple[float, float]:
        pagerank, weighted = metrics.loc[node, "pagerank"], metrics.loc[node, "weighted_degree"]
        # Rounded: sums in another order must not split partners who are really equal.
        return (-round(float(pagerank), 9) if pagerank == pagerank else 0.0,
                -round(float(weighted), 9) if weighted == weighted else 0.0)

    order = sorted(metrics.index, key=lambda n: (key(n), name_key(str(n))))
    ranks: dict[Any, int] = {}
    for place, node in enumerate(order, 1):
        previous = order[place - 2] if place > 1 else None
        ranks[node] = (ranks[previous] if previous is not None and key(previous) == key(node)
                       else place)
    return ranks


def _partner_sheet(ws: Worksheet, graph: nx.Graph, partners: list[Any], metrics: Any,
                   groups: Any, meta: ExportMeta, explained: list[tuple[str, str]]) -> None:
    words = _WORDS[meta.lang]
    columns = [key for key in _PARTNER_COLUMNS
               if key in ("name", "categories")
               or (not is_personal(key) or meta.include_personal)
               and any(plain(graph.nodes[n].get(key)) not in (None, "", []) for n in partners)]
    extra: list[str] = []
    for node in partners:
        for header, value in (graph.nodes[node].get("extra") or {}).items():
            if header in extra or plain(value) in (None, ""):
                continue
            if is_personal(header) and not meta.include_personal:
                continue
            extra.append(header)
    own = [_HEADERS[key] for key in columns if key not in ("name", "categories")]
    own += [str(h) for h in extra]
    # Rank, name, category, the measures and the group first: what the printout shows.
    headers = [words["rank"], _HEADERS["name"], _HEADERS["categories"]]
    metric_start = len(headers) + 1
    for key in METRIC_COLUMNS:
        label = METRIC_TEXT[key][meta.lang][0]
        headers.append(label if label not in (*headers, *own)
                       else fill(words["measure_clash"], meta.lang, label=label))
    group_column = len(headers) + 1
    headers += [METRIC_TEXT["community"][meta.lang][0], words["group_name"], *own]
    figures = [(headers[0], words["rank_explained"])]
    figures += [(headers[metric_start - 1 + i], METRIC_TEXT[key][meta.lang][1])
                for i, key in enumerate(METRIC_COLUMNS)]
    figures.append((headers[group_column - 1], METRIC_TEXT["community"][meta.lang][1]))
    explained.extend(figures)

    ranks = rank_partners(metrics.loc[[n for n in partners if n in metrics.index]])
    unranked = len(ranks) + 1  # a partner outside the layer (cannot happen in a view)
    ordered = sorted(partners, key=lambda n: (ranks.get(n, unranked), name_key(str(n))))
    rows = []
    for node in ordered:
        attrs = graph.nodes[node]
        categories = plain(attrs.get("categories"))
        row: list[Any] = [ranks.get(node), node,
                          "; ".join(categories) if isinstance(categories, list) else categories]
        measures = metrics.loc[node] if node in metrics.index else None
        for key in METRIC_COLUMNS:
            value = None if measures is None else plain(measures[key])
            if key == "articulation" and value is not None:
                value = words["yes"] if bool(value) else words["no"]
            elif value is not None and hasattr(value, "item"):  # a numpy number
                value = value.item()
            row.append(value)
        group = groups.membership.get(node)
        row += [group, groups.names.get(group) if group is not None else None]
        for key in columns:
            if key in ("name", "categories"):
                continue
            value = plain(attrs.get(key))
            row.append("; ".join(value) if isinstance(value, list) else value)
        row += [plain((attrs.get("extra") or {}).get(h)) for h in extra]
        rows.append(row)

    formats = {metric_start + i: ("0.000" if key in _DECIMALS else "0")
               for i, key in enumerate(METRIC_COLUMNS) if key != "articulation"}
    formats[1] = "0"
    first_own = group_column + 2
    own_keys = [key for key in columns if key not in ("name", "categories")]
    for key in ("lat", "lon"):
        if key in own_keys:
            formats[first_own + own_keys.index(key)] = "0.000"
    # Name and group name wrap (a printed name is never cut); the partners' own columns do
    # not: a long note is cut at the column's edge on screen and complete in the cell.
    upright = (1, *range(metric_start, group_column + 1))
    _table(ws, headers, rows, formats, wrap=(2, 3, group_column + 1), freeze="C2",
           caps={2: 34, 3: 22, group_column + 1: 34}, upright=upright)
    for header, text in figures:
        _header_comment(ws, headers.index(header) + 1, text)
    for j, key in enumerate(own_keys, first_own):
        if is_personal(key):
            ws.cell(row=1, column=j).fill = _PERSONAL_FILL
    ws.print_area = f"A1:{get_column_letter(group_column + 1)}{len(rows) + 1}"


def _category_sheet(ws: Worksheet, graph: nx.Graph, partners: list[Any],
                    meta: ExportMeta, explained: list[tuple[str, str]]) -> None:
    words = _WORDS[meta.lang]
    counts = Counter(c for n in partners for c in graph.nodes[n].get("categories") or [])
    without = sum(1 for n in partners if not graph.nodes[n].get("categories"))
    total = len(partners)
    entries = [(c, CATEGORY_COLORS[c], counts[c]) for c in schema.CATEGORIES if counts[c]]
    entries += [(c, NONE_COLOR, counts[c]) for c in sorted(counts) if c not in CATEGORY_COLORS]
    if without:
        entries.append((words["none"], NONE_COLOR, without))
    rows = [[name, None, count, count / total if total else None]
            for name, _color, count in entries]
    rows.append([words["total"], None, total, None])
    columns = _COLUMNS[meta.lang]
    _table(ws, [columns["category"], columns["colour"], columns["partners"], columns["share"]],
           rows, {4: "0%"})
    for i, (_name, color, _count) in enumerate(entries, 2):
        ws.cell(row=i, column=2).fill = PatternFill("solid", start_color=color.lstrip("#"))
    ws.cell(row=len(rows) + 1, column=1).font = _HEADER_FONT
    ws.cell(row=len(rows) + 1, column=3).font = _HEADER_FONT
    _header_comment(ws, 3, words["several"])
    explained += [(columns["partners"], words["partners_explained"]),
                  (columns["share"], words["share_explained"])]


def _ties_sheet(ws: Worksheet, graph: nx.Graph, meta: ExportMeta,
                explained: list[tuple[str, str]]) -> None:
    """One row per tie, the closest first; after the fixed columns the relations' own columns
    (directions, extra columns such as Kumu's "Amount Owed"), personal-looking ones only when
    asked for."""
    rows = []
    own: list[dict[str, Any]] = []
    ties = [(a, b, attrs) for a, b, attrs in graph.edges(data=True)
            # every partner's tie to the own organisation is its category
            if "hub" not in (graph.nodes[a].get("kind"), graph.nodes[b].get("kind"))]

    def closest(tie: tuple[Any, Any, dict[str, Any]]) -> tuple[Any, ...]:
        a, b, attrs = tie
        weight = attrs.get("weight")
        number_ = float(weight) if isinstance(weight, int | float) and weight == weight else 0.0
        return -number_, name_key(str(a)), name_key(str(b))

    for a, b, attrs in sorted(ties, key=closest):
        relations = [relation_text(r, meta.lang) for r in attrs.get("relations") or []]
        rows.append([a, b, " | ".join(relations) or None,
                     "; ".join(attrs.get("activities") or []) or None,
                     "; ".join(attrs.get("programmes") or []) or None,
                     plain(attrs.get("weight"))])
        own.append({header: value for header, value
                    in relation_columns(attrs.get("relations") or []).items()
                    if meta.include_personal or not is_personal(header)})
    # "Gewicht" alone would be read back as a relation's weight.
    headers = ["Partner A", "Partner B", "Beziehung", "gemeinsame Aktivitäten",
               "gemeinsame Programme", WEIGHT_HEADER]
    extra = [h for h in dict.fromkeys(h for columns in own for h in columns)]
    headers += [own_header(h, headers) for h in extra]
    for row, columns in zip(rows, own, strict=True):
        row += [columns.get(h) for h in extra]
    _table(ws, headers, rows, wrap=(1, 2, 3, 4, 5),
           caps={1: 34, 2: 34, 3: 30, 4: 55, 5: 30})
    explained.append((WEIGHT_HEADER, _WORDS[meta.lang]["weight_explained"]))


def _problem_sheet(ws: Worksheet, data: PartnerData, meta: ExportMeta) -> None:
    words = _WORDS[meta.lang]
    rows = [[words["error"] if p.is_error else words["warning"], p.sheet, p.row,
             p.column, p.value, p.text(meta.lang)] for p in data.problems]
    if not rows:
        rows = [[None, None, None, None, None, words["no_problems"]]]
    columns = _COLUMNS[meta.lang]
    headers = [columns[key] for key in ("kind", "sheet", "row", "column", "value", "message")]
    _table(ws, headers, rows, wrap=(5, 6), caps={5: 30, 6: 70})


def _explanation_sheet(ws: Worksheet, explained: list[tuple[str, str]], meta: ExportMeta
                       ) -> None:
    """The figures of the sheets in their order, then the network's figures (Info, the app)."""
    rows = [[term, text] for term, text in dict(explained).items()]
    shown = {term for term, _ in explained}
    rows += [list(text[meta.lang]) for text in METRIC_TEXT.values()
             if text[meta.lang][0] not in shown]
    columns = _COLUMNS[meta.lang]
    _table(ws, [columns["measure"], columns["explanation"]], rows, wrap=(2,), caps={2: 90})


def _info_sheet(ws: Worksheet, data: PartnerData, graph: nx.Graph, partners: list[Any],
                layer: nx.Graph, metrics: Any, groups: Any, meta: ExportMeta) -> None:
    words, info, columns = _WORDS[meta.lang], _INFO[meta.lang], _COLUMNS[meta.lang]
    hub = graph.graph.get("own_organisation") or data.own_organisation  # "" without a hub
    modularity = groups.modularity
    rows: list[list[Any]] = [
        [info["title"], meta.display_title],
        [info["data_date"], meta.data_date or None],
        [info["source"], meta.source or None],
        [info["file"], data.source_name or None],
        [info["created"], meta.created_text()],
        [info["confidentiality"], meta.confidentiality],
        *([[info["hub"], hub]] if hub else []),
        [info["partners"], len(partners)],
        [METRIC_TEXT["edges"][meta.lang][0], layer.number_of_edges()],
        [METRIC_TEXT["modularity"][meta.lang][0],
         None if math.isnan(modularity) else round(modularity, 3)],
    ]
    if hub:
        rows.append([info["computed"], fill(words["computed"], meta.lang, hub=hub)])
    if metrics.attrs.get("betweenness_sample"):
        rows.append([info["sampled"], fill(words["sampled"], meta.lang,
                                           k=metrics.attrs["betweenness_sample"])])
    direction = direction_note(graph, meta.lang)
    if direction is not None:  # the file gives directions; the measures count without
        rows.append(list(direction))
    rows.append([info["printing"], words["printed"]])
    _table(ws, [columns["item"], columns["value"]], rows, wrap=(2,), caps={2: 90})
    if meta.include_personal:
        for column in (1, 2):
            cell = ws.cell(row=7, column=column)
            cell.font = Font(name="Calibri", size=11, bold=True, color="B00020")
