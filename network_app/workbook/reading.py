"""Reading: from a file's bytes to tables of cells, each row with its Excel row number.

The first stage of the pipeline knows file formats, not partners. It

* opens xlsx/xlsm/xls/ods with calamine (fast, no cell-by-cell Python objects) and text tables
  (csv, tsv, txt, edgelist) with the standard library, split by ; , tab or runs of spaces
  (:func:`sniff_delimiter`), after :mod:`network_app.workbook.safety` has vetted the file;
* cuts far-away stray cells out of an xlsx/xlsm first (:mod:`network_app.workbook.xlsx_trim`):
  calamine
  would build a dense range up to them, a million rows for one value at row 1,048,576;
* skips empty rows early, fills merged cells below the header with their top-left value,
  remembers hidden sheets;
* finds the header row below title rows and maps the headers to known columns
  (:mod:`network_app.workbook.schema`); unknown columns are kept under their own header;
* decides between two columns that could mean the same by their content: the filled and more
  specific one is read, the other is kept as an extra column, and the table says so.

Which sheet holds which table is decided in :mod:`network_app.workbook.recognise`.

The Excel row number a user sees is computed in exactly one place: :func:`_excel_row`.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine

from ..errors import UnreadableFileError
from . import limits, schema
from .problems import WARNING, Problem
from .xlsx_trim import StrayCell, scan_xlsx

__all__ = ["ColumnInfo", "RawSheet", "Table", "find_table", "read_sheets"]

_log = logging.getLogger(__name__)
#: How many non-empty rows from the top are searched for the header.
HEADER_SEARCH_ROWS = 30
#: Rows a sheet may hold; more is not a partner list and would only cost memory.
MAX_ROWS = limits.MAX_ROWS
#: Columns a sheet may have (a row of a text table, the used range of a workbook's sheet).
MAX_COLUMNS = limits.MAX_COLUMNS
#: Longer text is cut (a 5 MB cell is a paste accident, not a note).
MAX_CELL_CHARS = limits.MAX_CELL_CHARS


@dataclass
class RawSheet:
    """One sheet as read: only its non-empty rows, each with its Excel row number."""

    name: str
    hidden: bool = False
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    #: Far-away cells removed before reading: (Excel row, column letter, value preview).
    #: (row, column letter, preview): a number cell's preview is its number (a float)
    stray: list[tuple[int, str, str | float]] = field(default_factory=list)
    #: Formulas saved without their result, read as empty: (Excel row, column letter).
    formulas_without_value: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class ColumnInfo:
    index: int
    header: str  # as written in the file
    key: str | None  # known column key, or None for a kept extra column
    letter: str


@dataclass
class Table:
    """A sheet understood as one of the known tables (partners, relations, …).

    ``header_row`` is 0 for a table without a header row (:mod:`network_app.workbook.shapes`).
    """

    kind: str
    sheet: str
    header_row: int
    columns: list[ColumnInfo]
    rows: list[tuple[int, list[Any]]]
    problems: list[Problem] = field(default_factory=list)
    #: Nodes a relations table names besides its ties' ends, each with the Excel row that
    #: names it: an adjacency matrix names every node, also one without a tie.
    nodes: list[tuple[int, str]] = field(default_factory=list)

    def column(self, key: str) -> ColumnInfo | None:
        for col in self.columns:
            if col.key == key:
                return col
        return None

    @property
    def extra_columns(self) -> list[ColumnInfo]:
        return [c for c in self.columns if c.key is None]


def _excel_row(index: int) -> int:
    """Excel numbers rows from 1; our row indexes count from 0."""
    return index + 1


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _has_value(cells: list[Any], first: int, indexes: Iterable[int] | None = None) -> bool:
    """Whether any of ``cells`` (at ``indexes``, else all) is not empty.

    The cell at ``first`` is looked at first: in a filled row it mostly holds text, and the
    row is known to have a value without a call per cell.
    """
    if first < len(cells):
        value = cells[first]
        if type(value) is str and value and not value.isspace():
            return True
    if indexes is None:
        return any(not _is_empty(c) for c in cells)
    return any(not _is_empty(cells[i]) for i in indexes if i < len(cells))


# --------------------------------------------------------------------------- workbooks


def read_sheets(source: str | Path | bytes, fmt: str, *, text_name: str | None = None
                ) -> list[RawSheet]:
    """All sheets of a vetted file; ``fmt`` is what :func:`safety.inspect_file` returned.

    A text table's one sheet is called ``text_name``, else after the file ("CSV" for bytes).
    """
    if fmt == "csv":
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        name = text_name or ("CSV" if isinstance(source, bytes) else Path(source).stem)
        return [_read_csv(data, name)]
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        strays: list[StrayCell] = []
        empty_formulas: list[tuple[str, int, str]] = []
        if fmt == "xlsx":  # also xlsm: the same zip of XML parts
            scan = scan_xlsx(data)
            data, strays, empty_formulas = scan.data, scan.strays, scan.formulas_without_value
        # From bytes calamine goes by the content; from a path it goes by the file name and
        # fails on an ODS named .xlsx.
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for meta in book.sheets_metadata:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            hidden = meta.visible != python_calamine.SheetVisibleEnum.Visible
            sheet = book.get_sheet_by_name(meta.name)
            stray = [(s.row, s.column_letter, float(s.value) if s.number else s.value)
                     for s in strays if s.sheet == meta.name]
            formulas = [(row, letter) for name, row, letter in empty_formulas
                         if name == meta.name]
            sheets.append(RawSheet(meta.name, hidden, _sheet_rows(sheet), stray, formulas))
        return sheets
    except python_calamine.PasswordError as exc:
        raise UnreadableFileError("encrypted") from exc
    except UnreadableFileError:
        raise
    except Exception as exc:  # calamine's own errors carry no stable types across versions
        # Its words ("Cannot detect file format", "t", "worksheet") tell a user nothing and
        # are English: the sentence says the content is damaged, the log keeps the words.
        _log.debug("calamine could not read the file: %s", _short(exc))
        raise UnreadableFileError("unreadable", detail="damaged_content") from exc


def _short(exc: Exception) -> str:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return detail[:160]


def _check_area(name: str, height: int, width: int) -> None:
    """Refuse a sheet wider than :data:`MAX_COLUMNS` or whose area (rows × columns, empty
    cells included) is more than :data:`limits.MAX_CELLS`: the reader would hold it all."""
    if width > MAX_COLUMNS:
        raise UnreadableFileError("too_many_columns", sheet=name, width=width,
                                  limit=MAX_COLUMNS)
    if height * width > limits.MAX_CELLS:
        raise UnreadableFileError(
            "too_large_area", sheet=name, last_cell=f"{column_letter(width - 1)}{height}",
            limit_millions=limits.MAX_CELLS // 1_000_000)


def _sheet_rows(sheet: Any) -> list[tuple[int, list[Any]]]:
    # calamine has built the sheet (an ods repeats a cell by an attribute: a kilobyte may
    # declare millions); its size is checked before Python makes a list of every cell.
    start = sheet.start or (0, 0)
    _check_area(sheet.name, start[0] + sheet.height, start[1] + sheet.width)
    rows: list[tuple[int, list[Any]]] = []
    for index, cells in enumerate(sheet.iter_rows()):
        first = cells[0] if cells else None  # (mostly text in a filled row: no call needed)
        if (type(first) is str and first and not first.isspace()) or _has_value(cells, 0):
            if len(rows) >= MAX_ROWS:
                raise UnreadableFileError("too_many_cells", sheet=sheet.name, limit=MAX_ROWS)
            rows.append((_excel_row(index), cells))  # (a new list for each row)
    merged = getattr(sheet, "merged_cell_ranges", None) or []
    if merged:
        _fill_merged(rows, merged)
    return rows


def _fill_merged(rows: list[tuple[int, list[Any]]], merged: Iterable) -> None:
    """A merged block shows its top-left value in every cell, so each row gets it."""
    by_row = {row: cells for row, cells in rows}
    for (r0, c0), (r1, c1) in merged:
        top = by_row.get(_excel_row(r0))
        if top is None or c0 >= len(top):
            continue
        value = top[c0]
        for r in range(r0, r1 + 1):
            target = by_row.get(_excel_row(r))
            if target is None:
                continue  # an empty row stays empty; merged blocks don't invent rows
            for c in range(c0, min(c1, len(target) - 1) + 1):
                if _is_empty(target[c]):
                    target[c] = value


# --------------------------------------------------------------------------- csv

_ENCODINGS = ("utf-8", "cp1252")
# A cell may hold more than the csv module's default 128 KB (a pasted text): it is read, and
# cut with a warning by validation (MAX_CELL_CHARS); the file's size bounds it. Both the
# delimiter's sniffing and the reading use the module's one setting.
if csv.field_size_limit() < limits.MAX_UPLOAD_MB * limits.MB:
    csv.field_size_limit(limits.MAX_UPLOAD_MB * limits.MB)


def decode_text(data: bytes) -> str:
    """Decode CSV bytes: BOMs first, then UTF-8, then Windows-1252 (German Excel's CSV)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


#: What :func:`sniff_delimiter` returns for text whose columns are separated by runs of spaces or
#: tabs (NetworkX's edge lists, R's ``write.table``): no single character splits it.
WHITESPACE = " "
#: How many lines decide the delimiter.
SNIFF_LINES = 50
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


_SHELL_SPACE = re.compile(r"[ \t\r\n]+")


def split_whitespace(line: str) -> list[str]:
    r"""The fields of a line separated by runs of spaces or tabs; double quotes keep a name
    with spaces together (R's ``write.table``); an apostrophe is a letter.

    >>> split_whitespace("1  2\t3 ")
    ['1', '2', '3']
    >>> split_whitespace('"Stadt Soest" O\'Brien')
    ['Stadt Soest', "O'Brien"]
    >>> split_whitespace('a"b c"d "" e')
    ['ab cd', '', 'e']

    Splits as :class:`shlex.shlex` (posix, whitespace_split, quotes ``"``) does, in linear
    time: shlex adds a token's characters one by one to a string, and a 280 KB line with one
    unclosed quote took it 97 s (found by fuzzing); a 50 MB one would never end.
    """
    if '"' not in line:
        return line.split()
    parts = line.split('"')
    if len(parts) % 2 == 0:  # a quote that is never closed
        return line.split()
    fields: list[str] = []
    token: list[str] = []
    started = False  # a token has begun (also an empty one: "")
    for index, part in enumerate(parts):
        if index % 2:  # inside quotes: all of it belongs to the token
            token.append(part)
            started = True
            continue
        pieces = _SHELL_SPACE.split(part)
        for number, piece in enumerate(pieces):
            if number and started:  # whitespace before this piece ends the token
                fields.append("".join(token))
                token, started = [], False
            if piece:
                token.append(piece)
                started = True
    if started:
        fields.append("".join(token))
    return fields


def _one_header(line: str) -> bool:
    """Whether a whole line is one known column header ("Name der Organisation")."""
    text = _header_text(line)
    return any(schema.canonical_column(kind, text) for kind in schema.COLUMNS)


def sniff_delimiter(text: str) -> str:
    r"""The delimiter among ; , and tab that splits the first lines most consistently.

    When none of them splits the lines into columns, but runs of spaces split every line into
    the same number of fields (two or more), the text is separated by whitespace:
    :data:`WHITESPACE`. A first line that as a whole is a known header keeps the text one
    column ("Name der Organisation" above names with spaces). Lines starting with "#" are left
    out of the count (comments).

    >>> sniff_delimiter("Name,Ort\nA,Soest"), sniff_delimiter("# a b c\n1 2\n2  3")
    (',', ' ')
    >>> sniff_delimiter("Name der Organisation\nStadt Soest Rathaus\nKreis Soest Verwaltung")
    ';'
    """
    lines = [line for line in text.splitlines()[:SNIFF_LINES]
             if line.strip() and not _is_comment(line)]
    best, best_score, best_most = ";", -1.0, 1
    for delimiter in (";", ",", "\t"):
        counts = [len(next(csv.reader([line], delimiter=delimiter))) for line in lines]
        if not counts or max(counts) < 2:
            continue
        most = max(set(counts), key=counts.count)
        score = counts.count(most) * (most > 1) + min(most, 30) / 100
        if score > best_score:
            best, best_score, best_most = delimiter, score, most
    if best_most < 2 and lines and not _one_header(lines[0]):
        widths = {len(split_whitespace(line)) for line in lines}
        if len(widths) == 1 and min(widths) >= 2:
            return WHITESPACE
    return best


def _read_csv(data: bytes, name: str) -> RawSheet:
    """A text table: separated by ; , tab (:mod:`csv`, quotes as Excel writes them) or by runs
    of whitespace (:func:`split_whitespace`).

    Comments are skipped: in whitespace-separated text every line starting with "#" (as
    NetworkX reads its edge lists), elsewhere the "#" lines at the top that hold no separator,
    so a header whose first column is called "#" stays. Row numbers count the file's lines.
    """
    text = decode_text(data)
    delimiter = sniff_delimiter(text)
    rows: list[tuple[int, list[Any]]] = []
    try:
        for index, cells in _records(text, delimiter):
            if len(cells) > MAX_COLUMNS:
                raise UnreadableFileError("too_many_columns", sheet=name, width=len(cells),
                                          limit=MAX_COLUMNS)
            if any(not _is_empty(c) for c in cells):
                if len(rows) >= MAX_ROWS:
                    raise UnreadableFileError("too_many_cells", sheet=name, limit=MAX_ROWS)
                rows.append((_excel_row(index), cells))
    except csv.Error as exc:  # a NUL byte past the first 64 KB, a quote left open oddly
        raise UnreadableFileError("unreadable", detail="text_table") from exc
    return RawSheet(name=name, hidden=False, rows=rows)


def _records(text: str, delimiter: str) -> Iterable[tuple[int, list[Any]]]:
    """(index from 0, cells) of each record that is no comment."""
    if delimiter == WHITESPACE:
        for index, line in enumerate(_LINE_BREAK.split(text)):
            if not _is_comment(line):
                yield index, split_whitespace(line)
        return
    started = False
    for index, cells in enumerate(csv.reader(io.StringIO(text, newline=""),
                                             delimiter=delimiter)):
        if not started and len(cells) == 1 and _is_comment(cells[0]):
            continue
        started = started or any(not _is_empty(c) for c in cells)
        yield index, cells


# --------------------------------------------------------------------------- tables

#: The columns that make a header row recognisable, per table kind.
_REQUIRED = {
    "partners": ("name",),
    "relations": ("source", "target"),
    "activities": ("name",),
    "programmes": ("name",),
    "settings": ("key", "value"),
}
_TITLE_SPACE = re.compile(r"\s+")


def _header_text(value: Any) -> str:
    if _is_empty(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _TITLE_SPACE.sub(" ", str(value)).strip()


def header_keys(cells: list[Any], kind: str) -> list[str | None]:
    """The known column key of each header cell for a table of ``kind`` (None: unknown)."""
    return [schema.canonical_column(kind, _header_text(c)) if not _is_empty(c) else None
            for c in cells]


def find_table(sheet: RawSheet, kind: str) -> Table | None:
    """Read ``sheet`` as a table of ``kind``, or None when no header row fits.

    Two columns that could fill the same field are told apart by their content (see
    :func:`_choose_columns`), so the result depends neither on the order of the columns nor on
    the sheet's name.
    """
    required = _REQUIRED[kind]
    for position, (row_number, cells) in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        keys = header_keys(cells, kind)
        if "name" in required and "name" not in keys and "id" in keys:
            keys[keys.index("id")] = "name"  # Gephi's node table without a Label column
        if not all(k in keys for k in required):
            continue
        known = sum(k is not None for k in keys)
        filled = sum(not _is_empty(c) for c in cells)
        # A title row that happens to read "Partner" is no header: a header names columns.
        if known < 2 and filled < 2 and len(required) == 1:
            continue
        return _make_table(sheet, kind, position, row_number, cells, keys)
    return None


def _make_table(sheet: RawSheet, kind: str, position: int, header_row: int,
                cells: list[Any], keys: list[str | None]) -> Table:
    columns = [ColumnInfo(index, _header_text(cell), key, column_letter(index))
               for index, (cell, key) in enumerate(zip(cells, keys, strict=True))
               if _header_text(cell)]
    indexes = [c.index for c in columns]
    first = indexes[0] if indexes else 0
    rows = [row for row in sheet.rows[position + 1:] if indexes and (
        (first < len(row[1]) and type(value := row[1][first]) is str and value
         and not value.isspace()) or _has_value(row[1], first, indexes))]
    filled = _Filled(rows)
    if kind == "relations":
        columns = _direction_is_no_kind(columns, rows)
    columns, problems = _choose_columns(sheet.name, kind, header_row, columns, filled)
    return Table(kind, sheet.name, header_row, columns, rows, problems)


def _direction_is_no_kind(columns: list[ColumnInfo], rows: list[tuple[int, list[Any]]]
                          ) -> list[ColumnInfo]:
    """Gephi's edge "Type" holds Directed/Undirected: how to draw, not the kind of relation.

    Such a column is read as the direction (key ``directed``) when the schema knows one, else
    kept as an extra column; either way its words never become relation kinds.
    """
    direction_key = "directed" if any(c.key == "directed"
                                      for c in schema.COLUMNS["relations"]) else None
    result = []
    for col in columns:
        if col.key == "kind":
            raw = {r[col.index] for _, r in rows if col.index < len(r)} - {None, ""}
            values = {schema.normalize_header(value) for value in raw} - {""}
            if values and values <= schema.DIRECTION_WORDS:
                col = ColumnInfo(col.index, col.header, direction_key, col.letter)
        result.append(col)
    return result


class _Filled:
    """Whether a column has a value in any row, looked at only when asked (and then once)."""

    def __init__(self, rows: list[tuple[int, list[Any]]]) -> None:
        self.rows = rows
        self.known: dict[int, bool] = {}

    def __getitem__(self, index: int) -> bool:
        if index not in self.known:
            self.known[index] = any(index < len(r) and not _is_empty(r[index])
                                    for _, r in self.rows)
        return self.known[index]


def _choose_columns(sheet: str, kind: str, header_row: int, columns: list[ColumnInfo],
                    filled: _Filled) -> tuple[list[ColumnInfo], list[Problem]]:
    """One column per field: the filled one, then the more specific spelling, then the first.

    The others stay as extra columns under their own header. An empty or weaker column set aside
    is told in one ``column_choice`` note per table; two filled columns of equal standing (the
    lab's "Name" and "Organisation", both filled) keep the ``duplicate_column`` warning, since
    only the person who wrote them knows which is meant. A node table whose name columns are all
    empty takes its filled id column as the names.
    """
    groups: dict[str, list[ColumnInfo]] = {}
    for col in columns:
        if col.key is not None:
            groups.setdefault(col.key, []).append(col)
    if "name" in groups and "id" in groups and not any(filled[c.index] for c in groups["name"]) \
            and any(filled[c.index] for c in groups["id"]):
        groups["name"] = [*groups.pop("id"), *groups["name"]]  # Gephi's empty Label column
    chosen: dict[int, str] = {}
    problems: list[Problem] = []
    used: list[ColumnInfo] = []
    kept: list[ColumnInfo] = []
    for key, group in groups.items():
        ranked = sorted(group, key=lambda c: (len(group) > 1 and not filled[c.index],
                                              schema.alias_rank(kind, key, c.header), c.index))
        winner = ranked[0]
        chosen[winner.index] = key
        for other in ranked[1:]:
            equal = filled[other.index] and not schema.is_weak_alias(kind, key, other.header)
            if equal and not schema.is_weak_alias(kind, key, winner.header):
                problems.append(Problem(
                    code="duplicate_column", severity=WARNING, sheet=sheet, row=header_row,
                    column=other.header, column_letter=other.letter, value=other.header,
                    params={"first": winner.header, "first_letter": winner.letter}))
            else:
                if winner not in used:
                    used.append(winner)
                kept.append(other)
    if kept:
        problems.insert(0, Problem(
            code="column_choice", severity=WARNING, sheet=sheet, row=header_row,
            params={"used": ", ".join(c.header for c in sorted(used, key=_by_index)),
                    "kept": ", ".join(c.header for c in sorted(kept, key=_by_index))}))
    result = [ColumnInfo(c.index, c.header, chosen.get(c.index), c.letter) for c in columns]
    return result, problems


def _by_index(column: ColumnInfo) -> int:
    return column.index


def cell(cells: list[Any], column: ColumnInfo | None) -> Any:
    """The raw value of ``column`` in a row (None when absent or empty)."""
    if column is None or column.index >= len(cells):
        return None
    value = cells[column.index]
    return None if _is_empty(value) else value
