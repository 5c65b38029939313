"""Saving: edits written into the workbook file, everything not edited kept as it was.

::

    apply_changes(original, filename, changes)   → (the edited file's bytes, its file name)
    validate_changes(original, filename, changes) → the edited workbook, loaded and validated
    edit(original, filename, changes)            → both at once (:class:`Edited`)
    losses_on_save(original, filename)           → what saving into this file would lose

An xlsx or xlsm is edited in place with openpyxl: only the cells a
:class:`~network_app.workspace.editing.Changes` names are written; every other sheet, column,
value, number format, column width, comment, data validation, merged cell and formula stays.
Rows never move, so formulas, drop-down lists and names that point at other rows stay right:
a deleted row is emptied (its formatting stays), a new row goes below the table's last filled
row with the formatting of the row above, and a drop-down list, Excel table or filter that
ended at that row grows by it. openpyxl writes formulas without their last result; the result
saved in the file is put back for every formula not edited, so the file reads the same in a
program that does not calculate (ours, pandas).

Values from the user are data, never code: text stays text (also "=1+1", "+49 …", "@name":
stored as text with Excel's quote prefix, so it does not turn into a formula when the cell is
edited in Excel either); a number typed into a cell that held text stays text; a number typed
as text into a cell that held a number is stored as a number, a date into a date cell as a date.

What openpyxl cannot keep (charts, pictures, shapes, pivot tables, slicers, threaded comments,
controls, the drop-down lists and formatting of newer Excel versions kept in extension lists)
is found by comparing the parts and elements of the file before and after writing
(:mod:`.package`, :func:`losses_on_save`); when anything would be lost,
:func:`apply_changes` refuses with :class:`WouldLoseContent` and writes nothing, unless the
caller saves as a new file (``allow_losses=True``: the previous file is kept as a version by
the workspace).

An ods, xls or text table (csv, tsv, …) cannot be written back as it was; its content is
written as a new xlsx with the same sheets, rows and values ("Partner.ods" →
"Partner.xlsx"), which the caller tells the user.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import python_calamine
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import NetworkAppError
from ..text import join_list, language, words
from ..text.messages import text as message
from ..workbook import safety, schema
from ..workbook.loading import load_workbook
from ..workbook.reading import read_sheets
from ..workbook.validation import PartnerData
from ..workbook.values import parse_date, to_text
from ..workbook.xlsx_trim import scan_xlsx
from .editing import EVERY_ROW, CellEdit, Changes, FromRow, NameSwap
from .package import lost_content, restore_results

__all__ = [
    "Edited",
    "WouldLoseContent",
    "apply_changes",
    "edit",
    "losses_on_save",
    "validate_changes",
]

#: Formats written back into the file itself; anything else becomes a new xlsx.
IN_PLACE = (".xlsx", ".xlsm")
#: How many rows from the top are searched for a sheet's header when Changes do not say.
HEADER_SEARCH_ROWS = 30
#: The number format a date gets in a cell that had none.
DATE_FORMAT = "DD.MM.YYYY"
#: A list cell's entries and the separators between them (as the loader splits them).
_LIST_PARTS = re.compile(r"(\s*[;|\n]\s*)")
#: A number typed as text: no leading zero (a postcode or phone number stays text).
_PLAIN_NUMBER = re.compile(r"^-?(?:0|[1-9]\d*)(?:[.,]\d+)?$")
#: Text Excel would read as a formula when typed: kept text with a quote prefix.
_FORMULA_START = ("=", "+", "-", "@")


class WouldLoseContent(NetworkAppError):
    """Saving into this workbook would lose content openpyxl cannot keep; nothing was written.

    ``losses`` are codes of the catalog section "workspace.losses" (``chart``, ``image``, …).
    """

    def __init__(self, losses: Iterable[str], *, parts: Iterable[str] = ()) -> None:
        self.losses = list(dict.fromkeys(losses))
        self.parts = list(parts)
        super().__init__("save_would_lose", losses=self.losses)

    def text(self, lang: str = "de") -> str:
        names = words("workspace.losses", language(lang))
        shown = [names[code].format(parts=", ".join(self.parts)) if code == "other"
                 else names[code] for code in self.losses]
        return message(self.code, lang, losses=join_list(shown, lang))


@dataclass(frozen=True)
class Edited:
    """An edited workbook: its bytes, its file name (an ods or csv becomes xlsx) and its data
    as the loader reads it (problems included)."""

    content: bytes
    filename: str
    data: PartnerData


def edit(original: bytes, filename: str, changes: Changes, *, allow_losses: bool = False,
         **load_kw: Any) -> Edited:
    """:func:`apply_changes`, then load the result as any file is loaded."""
    content, name = apply_changes(original, filename, changes, allow_losses=allow_losses)
    return Edited(content, name, load_workbook(content, filename=name, **load_kw))


def validate_changes(original: bytes, filename: str, changes: Changes,
                     **load_kw: Any) -> PartnerData:
    """The workbook as it would be after ``changes``, loaded and validated with the normal
    loader: an edit gets the same rules and messages as a loaded file. (What saving would
    lose is not a problem of the data; :func:`apply_changes` says it when saving.)"""
    return edit(original, filename, changes, allow_losses=True, **load_kw).data


def apply_changes(original: bytes, filename: str, changes: Changes, *,
                  allow_losses: bool = False) -> tuple[bytes, str]:
    """Write ``changes`` into the workbook ``original`` (named ``filename``).

    Returns the new bytes and the file name: the same for an xlsx/xlsm, ``<stem>.xlsx`` for
    anything else. Raises :class:`WouldLoseContent` when writing into an xlsx/xlsm would lose
    something (see the module docstring) and ``allow_losses`` is not set, and
    :class:`~network_app.errors.UnreadableFileError` for a file the loader would not read.
    """
    fmt = safety.inspect_bytes(original, filename)
    path = Path(filename)
    in_place = fmt == "xlsx" and path.suffix.lower() in IN_PLACE
    if in_place:
        book = _open(original, path.suffix.lower() == ".xlsm")
        strays = {(s.sheet, s.row, s.column_letter) for s in scan_xlsx(original).strays}
        names: dict[str, str] = {}
        name = filename
    else:
        book, names = _converted(original, filename, fmt)
        strays = set()
        name = f"{path.stem or 'Partner'}.xlsx"
    writer = _Writer(book, changes, names, strays)
    writer.apply()
    content = _save(book)
    if in_place:
        content = restore_results(original, content, writer.written)
        lost, parts = lost_content(original, content, writer.removed)
        if lost and not allow_losses:
            raise WouldLoseContent(lost, parts=parts)
    return content, name


def losses_on_save(original: bytes, filename: str) -> list[str]:
    """What writing into this xlsx/xlsm would lose (codes of "workspace.losses"); empty when
    nothing would, or when the file is saved as a new xlsx anyway (ods, csv, …)."""
    try:
        apply_changes(original, filename, Changes())
    except WouldLoseContent as error:
        return error.losses
    return []


# --------------------------------------------------------------------------- opening, saving


def _open(original: bytes, macros: bool) -> Workbook:
    with warnings.catch_warnings():
        # "Data Validation extension is not supported and will be removed": what is lost is
        # measured by package.lost_content
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(io.BytesIO(original), keep_vba=macros, rich_text=True,
                                      keep_links=True)


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(name: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, no []:*?/\\), unique in the workbook."""
    title = _SHEET_NAME_BAD.sub("_", name).strip("'")[:31] or "Tabelle"
    base, n = title, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def _converted(original: bytes, filename: str, fmt: str) -> tuple[Workbook, dict[str, str]]:
    """An ods, xls or text table as a new openpyxl workbook with the same sheets, cells at the
    same rows and columns, merged cells and hidden sheets; and old → new sheet names."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    names: dict[str, str] = {}
    taken: set[str] = set()
    if fmt == "csv":
        sheet = read_sheets(original, "csv")[0]
        name = Path(filename).stem or sheet.name
        ws = book.create_sheet(_sheet_title(name, taken))
        names[name] = ws.title
        for row, cells in sheet.rows:
            for column, value in enumerate(cells, start=1):
                if value is not None and str(value) != "":
                    _put(_cell(ws, row, column), str(value))  # a text table holds text
        return book, names
    calamine = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(original))
    for meta in calamine.sheets_metadata:
        if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
            continue
        ws = book.create_sheet(_sheet_title(meta.name, taken))
        names[meta.name] = ws.title
        if meta.visible != python_calamine.SheetVisibleEnum.Visible:
            ws.sheet_state = "hidden"
        source = calamine.get_sheet_by_name(meta.name)
        for index, cells in enumerate(source.iter_rows()):  # as reading._sheet_rows counts
            for column, value in enumerate(cells, start=1):
                if value is None or value == "":
                    continue
                cell = _cell(ws, index + 1, column)
                cell.value = _plain(value)
                if isinstance(value, dt.date | dt.datetime):
                    cell.number_format = DATE_FORMAT
                if isinstance(value, str):
                    cell.data_type = "s"
        for (r0, c0), (r1, c1) in getattr(source, "merged_cell_ranges", None) or []:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1,
                           end_column=c1 + 1)
    if not book.worksheets:
        book.create_sheet(_sheet_title(schema.SHEETS["partners"][0], taken))
    return book, names


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


# --------------------------------------------------------------------------- writing cells


def _put(cell: Cell, value: Any) -> None:
    """Write a user's ``value`` into ``cell`` (see the module docstring for the rules)."""
    old = cell.value
    if value is None:
        cell.value = None
        return
    if isinstance(value, bool):
        cell.value = value
        return
    if isinstance(value, int | float):
        if isinstance(old, str) and cell.data_type == "s":
            _put_text(cell, to_text(value) or "")  # it was text: it stays text
        else:
            cell.value = value
        return
    if isinstance(value, dt.date | dt.datetime):
        cell.value = value
        if cell.number_format == "General":
            cell.number_format = DATE_FORMAT
        return
    text = str(value).strip()
    if isinstance(old, int | float) and not isinstance(old, bool) and _PLAIN_NUMBER.match(text):
        number = float(text.replace(",", "."))
        cell.value = int(number) if number.is_integer() and "," not in text and "." not in text \
            else number
        return
    if isinstance(old, dt.date | dt.datetime):
        try:
            iso, _ = parse_date(text)
        except ValueError:
            iso = None
        if iso and re.fullmatch(r"\d{4}-\d\d-\d\d", iso):
            day = dt.date.fromisoformat(iso)
            cell.value = dt.datetime.combine(day, dt.time()) if isinstance(
                old, dt.datetime) else day
            return
    _put_text(cell, text)


def _put_text(cell: Cell, text: str) -> None:
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"  # never a formula, whatever it starts with
    if text.startswith(_FORMULA_START):
        cell.quotePrefix = True


def _cell(ws: Worksheet, row: int, column: int, removed: Counter[str] | None = None) -> Cell:
    """The cell to write at (row, column). A cell inside a merged block is unmerged first, each
    of the block's filled rows keeping the value the block showed (as the loader read it);
    ``removed`` counts the block."""
    cell = ws.cell(row, column)
    if isinstance(cell, Cell):
        return cell
    if removed is not None:
        removed["merge"] += 1
    block = next(r for r in ws.merged_cells.ranges if cell.coordinate in r)
    top = ws.cell(block.min_row, block.min_col)
    value, style = top.value, top if isinstance(top, Cell) else None
    ws.unmerge_cells(block.coord)
    for r in range(block.min_row, block.max_row + 1):
        filled = any(c.value not in (None, "") for c in ws[r]) if r != block.min_row else True
        for c in range(block.min_col, block.max_col + 1):
            target = ws.cell(r, c)
            assert isinstance(target, Cell)
            if style is not None and target is not style:
                _copy_style(target, style)
            if filled and target.value is None:
                target.value = value
    result = ws.cell(row, column)
    assert isinstance(result, Cell)
    return result


def _copy_style(target: Cell, source: Cell) -> None:
    """Give ``target`` the look of ``source`` (font, fill, border, number format, …): the
    cell's style record, as openpyxl's own copy_worksheet does."""
    target._style = copy.copy(source._style)  # type: ignore[attr-defined]


def _header_text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


class _Writer:
    """Applies one Changes to an open workbook; remembers which cells it wrote."""

    def __init__(self, book: Workbook, changes: Changes, names: Mapping[str, str],
                 strays: set[tuple[str, int, str]]) -> None:
        self.book = book
        self.changes = changes
        self.names = names  # sheet names of a converted file: old → new
        self.strays = strays
        self.written: dict[str, set[str]] = {}  # sheet → cell references written
        self.removed: Counter[str] = Counter()  # comments and merged blocks let go of
        self._headers: dict[str, tuple[int, dict[str, int]]] = {}

    def apply(self) -> None:
        for change in self.changes.edits:
            if isinstance(change, NameSwap):
                self._swap(change)
            else:
                self._edit(change)
        for sheet, rows in self.changes.new_rows.items():
            if rows:
                self._append(sheet, rows)
        for sheet, numbers in self.changes.deleted_rows.items():
            for row in sorted(set(numbers)):
                self._empty(sheet, row)

    # -- where things are

    def _sheet(self, name: str, create: bool = False) -> Worksheet:
        title = self.names.get(name, name)
        if title in self.book.sheetnames:
            return self.book[title]
        if not create:
            raise NetworkAppError("save_sheet_gone", sheet=title)
        ws = self.book.create_sheet(_sheet_title(title, {s.casefold()
                                                         for s in self.book.sheetnames}))
        self.names = {**self.names, name: ws.title}
        self._headers[ws.title] = (1, {})
        return ws

    def _header(self, ws: Worksheet, sheet: str) -> tuple[int, dict[str, int]]:
        """The header row of ``ws`` and its columns (header text → column number)."""
        if ws.title not in self._headers:
            row = self.changes.header_rows.get(sheet) or self._find_header(ws, sheet)
            columns: dict[str, int] = {}
            values = next(ws.iter_rows(min_row=row, max_row=row, values_only=True), ())
            for column, value in enumerate(values if ws.max_row >= row else (), start=1):
                text = _header_text(value)
                if text and text not in columns:
                    columns[text] = column
            self._headers[ws.title] = (row, columns)
        return self._headers[ws.title]

    def _find_header(self, ws: Worksheet, sheet: str) -> int:
        wanted = {_header_text(h) for h in self._headers_named(sheet)}
        best, best_count = 1, 0
        for number, row in enumerate(ws.iter_rows(
                min_row=1, max_row=min(ws.max_row, HEADER_SEARCH_ROWS), values_only=True),
                start=1):
            count = sum(_header_text(value) in wanted for value in row)
            if count > best_count:
                best, best_count = number, count
        return best

    def _headers_named(self, sheet: str) -> set[str]:
        found = {e.header for e in self.changes.edits if e.sheet == sheet}
        for rows in self.changes.new_rows.get(sheet, []):
            found.update(rows)
        return found

    def _column(self, ws: Worksheet, sheet: str, header: str) -> int:
        """The column under ``header``; a new one after the last header when there is none."""
        row, columns = self._header(ws, sheet)
        text = _header_text(header)
        if text in columns:
            return columns[text]
        key = schema.normalize_header(text)
        for other, column in columns.items():
            if schema.normalize_header(other) == key:
                return column
        column = max(columns.values(), default=0) + 1
        cell = self._at(ws, row, column)
        left = ws.cell(row, column - 1) if column > 1 else None
        if isinstance(left, Cell) and left.has_style:
            _copy_style(cell, left)
        _put_text(cell, header)
        columns[text] = column
        self._mark(ws, cell)
        return column

    def _at(self, ws: Worksheet, row: int, column: int) -> Cell:
        return _cell(ws, row, column, self.removed)

    def _mark(self, ws: Worksheet, cell: Cell) -> None:
        self.written.setdefault(ws.title, set()).add(cell.coordinate)

    # -- the changes

    def _edit(self, change: CellEdit) -> None:
        ws = self._sheet(change.sheet)
        cell = self._at(ws, change.row, self._column(ws, change.sheet, change.header))
        if isinstance(change.value, FromRow):
            source = self._at(ws, change.value.row, self._column(ws, change.sheet, change.header))
            cell.value = source.value
            cell.data_type = source.data_type
            cell.number_format = source.number_format
        else:
            _put(cell, change.value)
        self._mark(ws, cell)

    def _swap(self, change: NameSwap) -> None:
        ws = self._sheet(change.sheet)
        column = self._column(ws, change.sheet, change.header)
        if change.row != EVERY_ROW:
            rows: Iterable[int] = [change.row]
        else:
            header_row, _ = self._header(ws, change.sheet)
            rows = sorted(r for r, c in ws._cells if c == column and r > header_row)
        for row in rows:
            cell = self._at(ws, row, column)
            text = cell.value if isinstance(cell.value, str) else to_text(cell.value)
            if text is None:
                continue
            new = swap_name(text, change.old, change.new, change.in_list)
            if new != text:
                _put_text(cell, new)
                self._mark(ws, cell)

    def _last_row(self, ws: Worksheet, header_row: int, columns: Iterable[int]) -> int:
        """The table's last filled row (far-away stray cells aside)."""
        wanted = set(columns)
        last = header_row
        for (row, column), cell in ws._cells.items():
            if row > last and column in wanted and cell.value not in (None, "") and (
                    ws.title, row, get_column_letter(column)) not in self.strays:
                last = row
        return last

    def _append(self, sheet: str, rows: list[dict[str, Any]]) -> None:
        ws = self._sheet(sheet, create=True)
        for values in rows:
            for header in values:
                self._column(ws, sheet, header)
        header_row, columns = self._header(ws, sheet)
        last = self._last_row(ws, header_row, columns.values())
        first_new = last + 1
        for offset, values in enumerate(rows):
            row = first_new + offset
            for column in columns.values():
                above = ws.cell(last, column) if last > header_row else None
                if isinstance(above, Cell) and above.has_style:
                    _copy_style(self._at(ws, row, column), above)
            for header, value in values.items():
                cell = self._at(ws, row, columns[_header_text(header)])
                _put(cell, value)
                self._mark(ws, cell)
        if last > header_row:
            _grow_ranges(ws, last, first_new + len(rows) - 1)

    def _empty(self, sheet: str, row: int) -> None:
        ws = self._sheet(sheet)
        _, columns = self._header(ws, sheet)
        for column in columns.values():
            if (row, column) not in ws._cells:
                continue
            cell = self._at(ws, row, column)
            if cell.comment is not None:
                self.removed["comment"] += 1
            cell.value = None
            cell.comment = None
            cell.hyperlink = None
            self._mark(ws, cell)


def swap_name(text: str, old: Iterable[str], new: str, in_list: bool) -> str:
    """``text`` with the name ``old`` (any of its spellings) replaced by ``new``.

    >>> swap_name("Öcher Lab; FH Südwestfalen |Stadt Soest", ["fh südwestfalen"], "FH SWF", True)
    'Öcher Lab; FH SWF |Stadt Soest'
    >>> swap_name("A;B; C", ["B"], "C", True)  # C is named already: B goes
    'A; C'
    >>> swap_name("FH  Südwestfalen", ["FH Südwestfalen"], "FH SWF", False)
    'FH SWF'
    """
    keys = {schema.normalize_name(o) for o in old}
    if not in_list:
        return new if schema.normalize_name(text) in keys else text
    parts = _LIST_PARTS.split(text)  # entries at even positions, separators between
    entries = parts[0::2]
    new_key = schema.normalize_name(new)
    present = any(schema.normalize_name(e) == new_key for e in entries)
    result: list[str] = []
    for index, entry in enumerate(entries):
        separator = parts[2 * index - 1] if index else ""
        if schema.normalize_name(entry) not in keys:
            result += [separator, entry] if result else [entry]
            continue
        if present:
            continue  # naming ``new`` twice: the entry goes, with its separator
        present = True
        result += [separator, new] if result else [new]
    return "".join(result)


def _grow_ranges(ws: Worksheet, last: int, new_last: int) -> None:
    """Drop-down lists, Excel tables and the filter that ended at ``last`` reach ``new_last``."""

    def grown(ref: str) -> str:
        parts = []
        for piece in str(ref).split():
            try:
                min_col, min_row, max_col, max_row = range_boundaries(piece)
            except ValueError:
                parts.append(piece)
                continue
            if max_row == last and None not in (min_col, max_col, min_row):
                assert min_col is not None and max_col is not None
                piece = (f"{get_column_letter(min_col)}{min_row}:"
                         f"{get_column_letter(max_col)}{new_last}")
            parts.append(piece)
        return " ".join(parts)

    for validation in ws.data_validations.dataValidation:
        validation.sqref = type(validation.sqref)(grown(str(validation.sqref)))
    for table in ws.tables.values():
        if not table.totalsRowCount:
            table.ref = grown(table.ref)
            if table.autoFilter is not None and table.autoFilter.ref:
                table.autoFilter.ref = grown(table.autoFilter.ref)
    if ws.auto_filter.ref:
        ws.auto_filter.ref = grown(ws.auto_filter.ref)
