"""The Excel report: partners with their measures, categories, ties, data problems, explanations.

Sheets (names and the data headers stay German, so the report is again a partner workbook that
:func:`network_app.load_workbook` reads: "Partner" has the columns Name and Kategorie, and
"Verbindungen" the columns Partner A / Partner B of a relations sheet; the headers of the other
sheets, the measures and every sentence are in the export's language):

==================  ==========================================================================
``Partner``         the partners in the picture, their columns, every measure of
                    :func:`~network_app.analysis.metrics.partner_metrics` and their group
                    (:func:`~network_app.analysis.communities.detect_communities`), all computed on
                    the
                    partner layer without the own organisation; each measure header has its
                    one-line explanation as a comment
``Kategorien``      partners per category with their colour and share
``Verbindungen``    the ties between partners: Beziehung, gemeinsame Aktivitäten, Programme,
                    Gewicht
``Datenqualität``   every problem the check found: sheet, row, column, value, message
``Erklärungen``     every measure with its one-line explanation
``Info``            title, Datenstand, source, date, and "intern" when personal data are in
==================  ==========================================================================

Every sheet has a bold, frozen header row, an autofilter, fitted column widths and prints
landscape, one page wide. Text is always stored as a text cell: a name such as ``=HYPERLINK(…)``
stays text in Excel and LibreOffice (openpyxl would otherwise write a str starting with "=" as a
formula), and cells starting with = + - @ get Excel's quote prefix so that editing them keeps
them text.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..analysis.communities import detect_communities
from ..analysis.metrics import METRIC_COLUMNS, METRIC_TEXT, direction_note, partner_metrics
from ..drawing.styling import CATEGORY_COLORS, NONE_COLOR
from ..network.graph import partner_layer
from ..text import by_language, fill
from ..workbook import schema
from ..workbook.validation import PartnerData
from .common import ExportMeta, atomic_target, csv_text, is_personal, plain, xlsx_text
from .tables import own_header, relation_columns, relation_text

__all__ = ["REPORT_SHEETS", "write_report_xlsx"]

REPORT_SHEETS = ("Partner", "Kategorien", "Verbindungen", "Datenqualität", "Erklärungen", "Info")

_HEADER_FONT = Font(name="Calibri", size=11, bold=True)
_HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
_PERSONAL_FILL = PatternFill("solid", start_color="FCE4D6")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
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
                      meta: ExportMeta) -> Path:
    """Write the report for the partners in ``graph`` (the filtered view) to ``path``.

    ``data`` supplies the problems of the check and the own organisation's name.
    The file is replaced atomically.
    """
    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet every new workbook starts with
    partners = [n for n, kind in graph.nodes(data="kind") if kind == "partner"]
    layer = partner_layer(graph)
    metrics = partner_metrics(layer)
    groups = detect_communities(layer, lang=meta.lang)
    _partner_sheet(book.create_sheet("Partner"), graph, partners, metrics, groups, meta)
    _category_sheet(book.create_sheet("Kategorien"), graph, partners, meta)
    _ties_sheet(book.create_sheet("Verbindungen"), graph, meta)
    _problem_sheet(book.create_sheet("Datenqualität"), data, meta)
    _explanation_sheet(book.create_sheet("Erklärungen"), meta)
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
        if number_format:
            cell.number_format = number_format


def _table(ws: Worksheet, headers: list[str], rows: list[list[Any]],
           formats: dict[int, str] | None = None, wrap: tuple[int, ...] = (),
           freeze: str = "A2", caps: dict[int, int] | None = None) -> None:
    """Header row, data rows, then the formatting every sheet shares."""
    formats = formats or {}
    for j, header in enumerate(headers, 1):
        _put(ws, 1, j, header)
        cell = ws.cell(row=1, column=j)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        cell.alignment = _WRAP
    for i, row in enumerate(rows, 2):
        for j, value in enumerate(row, 1):
            _put(ws, i, j, value, formats.get(j))
            ws.cell(row=i, column=j).alignment = _WRAP if j in wrap else _TOP
    ws.freeze_panes = freeze
    last = get_column_letter(max(len(headers), 1))
    ws.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 2)}"
    widths = _widths(headers, rows, caps or {})
    for j, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = width
    # Neither Excel nor LibreOffice grows a row for wrapped text written by openpyxl.
    _set_height(ws, 1, [(h, w) for h, w in zip(headers, widths, strict=True)])
    for i, row in enumerate(rows, 2):
        _set_height(ws, i, [(row[j - 1], widths[j - 1]) for j in wrap if j <= len(row)])
    _print_setup(ws, widths)


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


#: Printable width of an A4 landscape page, in column-width characters at 100 %.
_PAGE_WIDTH = 135.0


def _print_setup(ws: Worksheet, widths: list[float]) -> None:
    """Landscape A4, header row on every page, printed at 70 % or more: as many pages wide as
    that takes, the first column repeated on each."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "1:1"
    per_page = _PAGE_WIDTH / 0.7
    pages = max(1, math.ceil(sum(widths) / per_page))
    if pages > 1:
        ws.print_title_cols = "A:A"
        pages = math.ceil((sum(widths) + widths[0] * (pages - 1)) / per_page)
    ws.page_setup.fitToWidth = pages
    ws.page_setup.fitToHeight = 0
    setup = ws.sheet_properties.pageSetUpPr
    assert setup is not None  # openpyxl gives every worksheet one
    setup.fitToPage = True


def _header_comment(ws: Worksheet, column: int, text: str) -> None:
    comment = Comment(xlsx_text(text), "stadtLABOR Partnernetz")
    comment.width, comment.height = 320, 90
    ws.cell(row=1, column=column).comment = comment


# --------------------------------------------------------------------------- sheets


def _partner_sheet(ws: Worksheet, graph: nx.Graph, partners: list[Any], metrics: Any,
                   groups: Any, meta: ExportMeta) -> None:
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
    headers = [_HEADERS[key] for key in columns] + [str(h) for h in extra]
    metric_start = len(headers) + 1
    for key in METRIC_COLUMNS:
        label = METRIC_TEXT[key][meta.lang][0]
        headers.append(label if label not in headers
                       else fill(words["measure_clash"], meta.lang, label=label))
    headers += [METRIC_TEXT["community"][meta.lang][0], words["group_name"]]

    rows = []
    for node in partners:
        attrs = graph.nodes[node]
        row: list[Any] = []
        for key in columns:
            value = node if key == "name" else plain(attrs.get(key))
            row.append("; ".join(value) if isinstance(value, list) else value)
        row += [plain((attrs.get("extra") or {}).get(h)) for h in extra]
        measures = metrics.loc[node] if node in metrics.index else None
        for key in METRIC_COLUMNS:
            value = None if measures is None else plain(measures[key])
            if key == "articulation" and value is not None:
                value = words["yes"] if bool(value) else words["no"]
            elif value is not None and hasattr(value, "item"):  # a numpy number
                value = value.item()
            row.append(value)
        number = groups.membership.get(node)
        row += [number, groups.names.get(number) if number is not None else None]
        rows.append(row)

    formats = {metric_start + i: ("0.000" if key in _DECIMALS else "0")
               for i, key in enumerate(METRIC_COLUMNS) if key != "articulation"}
    for key in ("lat", "lon"):
        if key in columns:
            formats[columns.index(key) + 1] = "0.000"
    # No wrapping here: one line per partner keeps the list readable; a long note is cut at
    # the column's edge on screen and in print, and complete in the cell.
    _table(ws, headers, rows, formats, freeze="B2")
    for i, key in enumerate(METRIC_COLUMNS):
        _header_comment(ws, metric_start + i, METRIC_TEXT[key][meta.lang][1])
    _header_comment(ws, len(headers) - 1, METRIC_TEXT["community"][meta.lang][1])
    for j, key in enumerate(columns, 1):
        if is_personal(key):
            ws.cell(row=1, column=j).fill = _PERSONAL_FILL


def _category_sheet(ws: Worksheet, graph: nx.Graph, partners: list[Any],
                    meta: ExportMeta) -> None:
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


def _ties_sheet(ws: Worksheet, graph: nx.Graph, meta: ExportMeta) -> None:
    """One row per tie; after the fixed columns the relations' own columns (directions, extra
    columns such as Kumu's "Amount Owed"), personal-looking ones only when asked for."""
    rows = []
    own: list[dict[str, Any]] = []
    for a, b, attrs in graph.edges(data=True):
        if "hub" in (graph.nodes[a].get("kind"), graph.nodes[b].get("kind")):
            continue  # every partner's tie to the own organisation is its category
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
               "gemeinsame Programme", "Gewicht (gesamt)"]
    extra = [h for h in dict.fromkeys(h for columns in own for h in columns)]
    headers += [own_header(h, headers) for h in extra]
    for row, columns in zip(rows, own, strict=True):
        row += [columns.get(h) for h in extra]
    _table(ws, headers, rows, wrap=(1, 2, 3, 4, 5),
           caps={1: 30, 2: 30, 3: 30, 4: 40, 5: 30})


def _problem_sheet(ws: Worksheet, data: PartnerData, meta: ExportMeta) -> None:
    words = _WORDS[meta.lang]
    rows = [[words["error"] if p.is_error else words["warning"], p.sheet, p.row,
             p.column, p.value, p.text(meta.lang)] for p in data.problems]
    if not rows:
        rows = [[None, None, None, None, None, words["no_problems"]]]
    columns = _COLUMNS[meta.lang]
    headers = [columns[key] for key in ("kind", "sheet", "row", "column", "value", "message")]
    _table(ws, headers, rows, wrap=(5, 6), caps={5: 30, 6: 70})


def _explanation_sheet(ws: Worksheet, meta: ExportMeta) -> None:
    rows = [list(text[meta.lang]) for text in METRIC_TEXT.values()]
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
    _table(ws, [columns["item"], columns["value"]], rows, wrap=(2,), caps={2: 90})
    if meta.include_personal:
        for column in (1, 2):
            cell = ws.cell(row=7, column=column)
            cell.font = Font(name="Calibri", size=11, bold=True, color="B00020")
