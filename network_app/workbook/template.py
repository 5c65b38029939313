"""An empty workbook for staff to fill in: sheets, headers, dropdowns, example rows, a guide.

:func:`write_template` writes an ``.xlsx`` with the sheet "Anleitung" (a plain-language guide,
opened first) followed by the data sheets of :data:`schema.SHEETS`. Sheet names and headers come
from :mod:`network_app.workbook.schema`, so the template, the reader and the validator always
agree; they are the file format and stay German in every language, like the example rows and the
values of the drop-down lists. Everything else a person reads in the file comes from the catalog
in ``lang``: the guide, the header comments (section "workbook.columns"), Excel's input help and
error messages of the drop-down lists, the notes of the example and settings rows.

Excel details worth knowing (openpyxl 3.1):

* A list validation takes its values as one quoted, comma-separated string (``'"a,b,c"'``) of at
  most 255 characters; the values themselves may contain neither commas nor double quotes.
* ``DataValidation.showDropDown=True`` *hides* the in-cell arrow (the XML attribute is inverted),
  so it is left False.
* ``errorStyle="warning"`` lets a person keep a value that is not in the list after confirming
  ("Austausch; Forschung"); ``"stop"`` refuses it.

The file is written atomically: saved to a temporary file in the target folder, then moved over
the target with :func:`os.replace`; on failure the temporary file is removed and an existing
target stays as it was.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..atomic import atomic_target
from ..text import join_list, words
from .schema import (
    AREA_VALUES,
    CATEGORIES,
    COLUMNS,
    OWN_ORGANISATION_DEFAULT,
    PERSONAL_COLUMNS,
    REACH_VALUES,
    SHEETS,
    STATUS_VALUES,
    TYPE_VALUES,
    Column,
)

__all__ = [
    "EXAMPLE_PREFIX",
    "GUIDE_SHEET",
    "LAST_ROW",
    "PERSONAL_NOTE",
    "column_explanation",
    "write_template",
]

#: What an example or settings row puts into a cell.
CellValue = str | int | float | date

#: Name of the guide sheet; the reader ignores it (it is not a known sheet).
GUIDE_SHEET = "Anleitung"
#: Data validations cover rows 2..LAST_ROW (row 1 is the header).
LAST_ROW = 1000
#: Example names start with this, so nobody mistakes them for real partners (data, like the
#: example rows themselves: the same in every language).
EXAMPLE_PREFIX = "Beispiel: "
#: Added to the header comment of every personal column (German; :func:`build_template` uses
#: the words of its ``lang``).
PERSONAL_NOTE = words("workbook.template", "de")["personal"]

LANGUAGES = ("de", "en")

# Excel's limits for data validation texts.
_MAX_LIST_FORMULA = 255
_MAX_TITLE = 32
_MAX_PROMPT = 255
_MAX_ERROR = 225

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", start_color="DDEBF7")  # light blue
_PERSONAL_FILL = PatternFill("solid", start_color="FCE4D6")  # light orange
_EXAMPLE_FONT = Font(italic=True, color="808080")
_GUIDE_TITLE_FONT = Font(bold=True, size=16)
_GUIDE_HEADING_FONT = Font(bold=True, size=13)
_GUIDE_HEADING_FILL = PatternFill("solid", start_color="DDEBF7")
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_DATE_FORMAT = "DD.MM.YYYY"

_MIN_WIDTH = 10
_MAX_WIDTH = 50
_FILTER_BUTTON = 4  # extra characters so the autofilter arrow does not cover the header
_LINE_HEIGHT = 15.0  # points per line of Calibri 11


# --------------------------------------------------------------------------------------------
# Data validations
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Validation:
    """One data validation on one column of one sheet."""

    sheet: str  # key in SHEETS
    column: str  # Column.key
    kind: str  # "list" or "whole"
    values: tuple[str, ...] = ()
    minimum: int = 0
    maximum: int = 0
    error_style: Literal["stop", "warning"] = "stop"  # "stop" refuses other values, "warning" asks
    prompt: str = ""  # key of the input help in the catalog section "workbook.template.prompts"


_YEAR_RANGE = (1900, 2100)

VALIDATIONS: tuple[Validation, ...] = (
    Validation("partners", "categories", "list", CATEGORIES, error_style="warning",
               prompt="categories"),
    Validation("partners", "type", "list", TYPE_VALUES, error_style="warning", prompt="type"),
    Validation("partners", "reach", "list", REACH_VALUES, error_style="stop", prompt="reach"),
    Validation("partners", "since", "whole", minimum=_YEAR_RANGE[0], maximum=_YEAR_RANGE[1],
               prompt="year"),
    Validation("partners", "until", "whole", minimum=_YEAR_RANGE[0], maximum=_YEAR_RANGE[1],
               prompt="until"),
    Validation("relations", "strength", "whole", minimum=1, maximum=5, prompt="strength"),
    Validation("relations", "since", "whole", minimum=_YEAR_RANGE[0], maximum=_YEAR_RANGE[1],
               prompt="year"),
    Validation("relations", "until", "whole", minimum=_YEAR_RANGE[0], maximum=_YEAR_RANGE[1],
               prompt="year"),
    Validation("activities", "status", "list", STATUS_VALUES, error_style="stop",
               prompt="status"),
    Validation("activities", "area", "list", AREA_VALUES, error_style="warning", prompt="area"),
    Validation("programmes", "since", "whole", minimum=_YEAR_RANGE[0], maximum=_YEAR_RANGE[1],
               prompt="year"),
    Validation("programmes", "until", "whole", minimum=_YEAR_RANGE[0], maximum=_YEAR_RANGE[1],
               prompt="year"),
)


def list_formula(values: Sequence[str]) -> str:
    """The ``formula1`` of a list validation: ``'"a,b,c"'``; raises if Excel would refuse it."""
    for value in values:
        if "," in value or '"' in value:
            raise ValueError(f"list value {value!r} must not contain a comma or a double quote")
    joined = ",".join(values)
    if len(joined) > _MAX_LIST_FORMULA:
        raise ValueError(f"list of {len(joined)} characters exceeds Excel's limit of 255")
    return f'"{joined}"'


def _error_text(rule: Validation, lang: str) -> tuple[str, str]:
    """Title and message Excel shows when a value does not fit."""
    text = words("workbook.template", lang)
    if rule.kind == "whole":
        # Years and strengths: written plain, as Excel shows them in the cell (no grouping).
        return text["whole_title"], text["whole"].format(low=rule.minimum, high=rule.maximum)
    if rule.error_style == "warning":
        return text["lenient_title"], text["lenient"]
    return text["strict_title"], text["strict"].format(
        values=join_list(rule.values, lang, conjunction=False))


def _prompt(rule: Validation, lang: str) -> str:
    return str(words("workbook.template.prompts", lang)[rule.prompt]) if rule.prompt else ""


def _data_validation(rule: Validation, column_letter: str, lang: str) -> DataValidation:
    title, message = _error_text(rule, lang)
    prompt = _prompt(rule, lang)
    header = _column(rule.sheet, rule.column).header
    if len(title) > _MAX_TITLE or len(header) > _MAX_TITLE:
        raise ValueError("data validation title longer than Excel allows")
    if len(message) > _MAX_ERROR or len(prompt) > _MAX_PROMPT:
        raise ValueError("data validation text longer than Excel allows")
    if rule.kind == "list":
        dv = DataValidation(type="list", formula1=list_formula(rule.values))
    else:
        dv = DataValidation(type="whole", operator="between",
                            formula1=str(rule.minimum), formula2=str(rule.maximum))
    dv.allow_blank = True
    dv.showDropDown = False  # inverted in the file format: True would hide the arrow
    dv.errorStyle = rule.error_style
    dv.showErrorMessage = True
    dv.errorTitle, dv.error = title, message
    dv.showInputMessage = bool(prompt)
    dv.promptTitle, dv.prompt = header, prompt or None
    dv.add(f"{column_letter}2:{column_letter}{LAST_ROW}")
    return dv


# --------------------------------------------------------------------------------------------
# Example rows
# --------------------------------------------------------------------------------------------

_LIBRARY = EXAMPLE_PREFIX + "Stadtbibliothek Soest"
_UNIVERSITY = EXAMPLE_PREFIX + "Hochschule Hamm-Lippstadt"


def example_rows(today: date | None = None,
                 lang: str = "de") -> dict[str, list[dict[str, CellValue]]]:
    """Example rows per sheet, keyed by column key; every referenced name is a partner.

    The rows are data in the workbook's (German) vocabulary; only their note is in ``lang``.
    """
    today = today or date.today()
    note = words("workbook.template", lang)["example_note"]
    return {
        "partners": [
            {"name": _LIBRARY, "categories": "Kooperation", "type": "Kultur", "place": "Soest",
             "reach": "lokal", "since": 2021, "website": "https://www.soest.de",
             "note": note, "lat": 51.5711, "lon": 8.1060},
            {"name": _UNIVERSITY, "categories": "Forschung; Kooperation", "type": "Hochschule",
             "place": "Hamm", "reach": "regional", "since": 2020,
             "website": "https://www.hshl.de", "note": note,
             "lat": 51.6739, "lon": 7.8159},
        ],
        "relations": [
            {"source": _LIBRARY, "target": _UNIVERSITY, "kind": "Projektpartner", "strength": 3,
             "since": 2022, "note": note},
        ],
        "activities": [
            # Next year, so that "in Planung" stays plausible whenever the template is made.
            {"name": EXAMPLE_PREFIX + "Workshop Digitale Bibliothek",
             "date": date(today.year + 1, 3, 15), "status": "in Planung",
             "area": "Stadtgesellschaft", "participants": f"{_LIBRARY}; {_UNIVERSITY}",
             "note": note},
        ],
        "programmes": [
            {"name": EXAMPLE_PREFIX + "Digitale Modellregion NRW", "since": 2018, "until": 2022,
             "participants": _UNIVERSITY, "note": note},
        ],
    }


def setting_rows(today: date | None = None, lang: str = "de") -> list[dict[str, CellValue]]:
    """The rows of "Einstellungen": real defaults, not examples.

    The setting names are the file format (German); the title and the notes are in ``lang``.
    """
    today = today or date.today()
    text = words("workbook.template", lang)
    return [
        {"key": "Eigene Organisation", "value": OWN_ORGANISATION_DEFAULT,
         "note": text["note_own_organisation"]},
        {"key": "Titel",
         "value": text["default_title"].format(organisation=OWN_ORGANISATION_DEFAULT),
         "note": text["note_title"]},
        {"key": "Datenstand", "value": today, "note": text["note_data_date"]},
    ]


# --------------------------------------------------------------------------------------------
# Data sheets
# --------------------------------------------------------------------------------------------


def _column(sheet: str, key: str) -> Column:
    for col in COLUMNS[sheet]:
        if col.key == key:
            return col
    raise KeyError(f"{sheet}.{key}")


def _is_personal(sheet: str, col: Column) -> bool:
    return sheet == "partners" and col.key in PERSONAL_COLUMNS


def column_explanation(sheet: str, key: str, lang: str = "de") -> str:
    """What the column ``key`` of ``sheet`` holds, in ``lang`` (catalog "workbook.columns").

    >>> column_explanation("partners", "name", "en")
    'Name of the partner (required, unique)'
    """
    return str(words("workbook.columns", lang)[sheet][key])


def header_comment(sheet: str, col: Column, lang: str = "de") -> str:
    """The comment on a header cell: the explanation, plus the personal-data note."""
    explanation = column_explanation(sheet, col.key, lang)
    if not _is_personal(sheet, col):
        return explanation
    return f"{explanation}\n{words('workbook.template', lang)['personal']}"


def _write_header(ws: Worksheet, sheet: str, lang: str) -> None:
    for index, col in enumerate(COLUMNS[sheet], start=1):
        cell = ws.cell(row=1, column=index, value=col.header)
        cell.font = _HEADER_FONT
        cell.fill = _PERSONAL_FILL if _is_personal(sheet, col) else _HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        comment = Comment(header_comment(sheet, col, lang), "stadtLABOR Partnernetz")
        comment.width, comment.height = 260, 90
        cell.comment = comment


def _write_rows(ws: Worksheet, sheet: str, rows: Iterable[dict[str, CellValue]],
                font: Font | None) -> None:
    columns = COLUMNS[sheet]
    for row_index, row in enumerate(rows, start=2):
        for col_index, col in enumerate(columns, start=1):
            value = row.get(col.key)
            if value is None:
                continue
            cell = ws.cell(row=row_index, column=col_index, value=value)
            if isinstance(value, date):
                cell.number_format = _DATE_FORMAT
            if font is not None:
                cell.font = font


def _display_length(value: object) -> int:
    if isinstance(value, date):
        return len(_DATE_FORMAT)
    return max((len(line) for line in str(value).splitlines()), default=0)


def _fit_widths(ws: Worksheet, sheet: str) -> None:
    for index, col in enumerate(COLUMNS[sheet], start=1):
        letter = get_column_letter(index)
        longest = len(col.header) + _FILTER_BUTTON
        for (value,) in ws.iter_rows(min_row=2, min_col=index, max_col=index, values_only=True):
            if value is not None:
                longest = max(longest, _display_length(value) + 2)
        ws.column_dimensions[letter].width = min(max(longest, _MIN_WIDTH), _MAX_WIDTH)


def _add_validations(ws: Worksheet, sheet: str, lang: str) -> None:
    keys = [col.key for col in COLUMNS[sheet]]
    for rule in VALIDATIONS:
        if rule.sheet == sheet:
            letter = get_column_letter(keys.index(rule.column) + 1)
            ws.add_data_validation(_data_validation(rule, letter, lang))


def _build_data_sheet(ws: Worksheet, sheet: str, rows: list[dict[str, CellValue]],
                      font: Font | None, lang: str) -> None:
    _write_header(ws, sheet, lang)
    _write_rows(ws, sheet, rows, font)
    last_column = get_column_letter(len(COLUMNS[sheet]))
    ws.freeze_panes = "A2"
    # Up to LAST_ROW like the validations, so rows typed later are filtered too.
    ws.auto_filter.ref = f"A1:{last_column}{LAST_ROW}"
    ws.print_title_rows = "1:1"
    _add_validations(ws, sheet, lang)
    _fit_widths(ws, sheet)


# --------------------------------------------------------------------------------------------
# The guide ("Anleitung")
# --------------------------------------------------------------------------------------------


def _headers(sheet: str, keys: Iterable[str]) -> list[str]:
    return [_column(sheet, key).header for key in keys]


def _quoted_list(items: Sequence[str], lang: str) -> str:
    """Sheet or column names as running text: "»Von« und »Nach«" / "“Von” and “Nach”"."""
    quote = words("workbook.template", lang)["quote"]
    return join_list([quote.format(item=item) for item in items], lang)


def _sheet_purposes(lang: str) -> dict[str, str]:
    """What each sheet is for, keyed by sheet key (GUIDE_SHEET for the guide itself)."""
    purposes = words("workbook.template.sheets", lang)
    return {GUIDE_SHEET: purposes["guide"], **{key: purposes[key] for key in SHEETS}}


def _sheet_label(key: str) -> str:
    return GUIDE_SHEET if key == GUIDE_SHEET else SHEETS[key][0]


def _hints(lang: str) -> list[tuple[str, str]]:
    """The "how to fill it in" paragraphs: (label, text), with the names of this workbook."""
    def q(*items: str) -> str:
        return _quoted_list(items, lang)

    source, target = _headers("relations", ("source", "target"))
    since, until = _headers("partners", ("since", "until"))
    names = {
        "name": q(_column("partners", "name").header),
        "partner": q(SHEETS["partners"][0]),
        "relations": q(SHEETS["relations"][0]),
        "source": q(source),
        "target": q(target),
        "categories": q(*CATEGORIES),
        "name_sheets": q(*(SHEETS[key][0] for key in ("relations", "activities", "programmes"))),
        "participants": q(_column("activities", "participants").header),
        "lenient": q(*(_column(r.sheet, r.column).header for r in VALIDATIONS
                       if r.kind == "list" and r.error_style == "warning")),
        "strict": q(*(_column(r.sheet, r.column).header for r in VALIDATIONS
                      if r.kind == "list" and r.error_style == "stop")),
        "since": q(since),
        "until": q(until),
        "date": q(_column("activities", "date").header),
        "strength": q(_column("relations", "strength").header),
        "personal": q(*_headers("partners", PERSONAL_COLUMNS)),
    }
    return [(label, text.format(**names))
            for label, text in words("workbook.template.hints", lang).values()]



#: Columns a row cannot do without: the key of each sheet.
_REQUIRED: dict[str, tuple[str, ...]] = {
    "partners": ("name",),
    "relations": ("source", "target"),
    "activities": ("name",),
    "programmes": ("name",),
    "settings": ("key",),
}

_GUIDE_WIDTHS = {"A": 30, "B": 90, "C": 42}


def _column_hint(sheet: str, col: Column, lang: str) -> str:
    text = words("workbook.template", lang)
    if _is_personal(sheet, col):
        return str(text["personal"])
    if col.key in _REQUIRED.get(sheet, ()):
        return str(text["required"] if sheet == "partners" else text["required_if_used"])
    return ""


class _GuideWriter:
    """Appends rows to the guide sheet and sizes them for wrapped text."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.row = 0

    def line(self, *values: str, font: Font | None = None, fill: PatternFill | None = None,
             first_bold: bool = False, wrap: bool = True) -> None:
        self.row += 1
        lines = 1
        for index, value in enumerate(values, start=1):
            cell = self.ws.cell(row=self.row, column=index, value=value or None)
            cell.alignment = _WRAP_TOP if wrap else Alignment(vertical="top")
            if font is not None:
                cell.font = font
            elif first_bold and index == 1:
                cell.font = _HEADER_FONT
            if wrap:
                width = _GUIDE_WIDTHS[get_column_letter(index)]
                lines = max(lines, _wrapped_lines(value, width))
        if fill is not None:
            for index in range(1, len(_GUIDE_WIDTHS) + 1):
                self.ws.cell(row=self.row, column=index).fill = fill
        size = font.sz if font is not None and font.sz else 11
        self.ws.row_dimensions[self.row].height = lines * _LINE_HEIGHT * max(size, 11) / 11

    def heading(self, text: str) -> None:
        self.line(text, font=_GUIDE_HEADING_FONT, fill=_GUIDE_HEADING_FILL, wrap=False)

    def gap(self) -> None:
        self.row += 1


def _wrapped_lines(text: str, width: int) -> int:
    """Lines ``text`` needs in a column ``width`` characters wide (a generous estimate)."""
    usable = max(width - 3, 1)
    return sum(max(1, math.ceil(len(part) / usable)) for part in text.split("\n"))


def _build_guide(ws: Worksheet, lang: str) -> None:
    text = words("workbook.template", lang)
    for letter, width in _GUIDE_WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws.sheet_view.showGridLines = False
    out = _GuideWriter(ws)
    out.line(text["title"], font=_GUIDE_TITLE_FONT, wrap=False)
    out.line(text["about"], text["intro"], first_bold=True)
    out.gap()
    out.heading(text["sheets"])
    for key, purpose in _sheet_purposes(lang).items():
        out.line(_sheet_label(key), purpose, first_bold=True)
    out.gap()
    out.heading(text["how"])
    for label, paragraph in _hints(lang):
        out.line(label, paragraph, first_bold=True)
    out.gap()
    out.heading(text["columns"])
    for sheet, (sheet_name, _aliases) in SHEETS.items():
        out.gap()
        out.line(text["sheet_heading"].format(sheet=_quoted_list([sheet_name], lang)),
                 font=Font(bold=True, size=12), wrap=False)
        out.line(text["column"], text["explanation"], text["hint"], font=_HEADER_FONT,
                 fill=_HEADER_FILL)
        for col in COLUMNS[sheet]:
            out.line(col.header, column_explanation(sheet, col.key, lang),
                     _column_hint(sheet, col, lang))


# --------------------------------------------------------------------------------------------
# The workbook and writing it
# --------------------------------------------------------------------------------------------


def build_template(lang: str = "de", today: date | None = None) -> Workbook:
    """The template workbook in memory (see :func:`write_template`)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    examples = example_rows(today, lang)
    wb = Workbook()
    guide = wb.active
    assert isinstance(guide, Worksheet)  # a new workbook starts with one empty worksheet
    guide.title = GUIDE_SHEET
    _build_guide(guide, lang)
    for sheet, (sheet_name, _aliases) in SHEETS.items():
        ws = wb.create_sheet(sheet_name)
        if sheet == "settings":
            _build_data_sheet(ws, sheet, setting_rows(today, lang), font=None, lang=lang)
        else:
            _build_data_sheet(ws, sheet, examples.get(sheet, []), font=_EXAMPLE_FONT,
                              lang=lang)
    wb.active = 0
    wb.properties.title = words("workbook.template", lang)["title"]
    wb.properties.creator = "stadtLABOR Partnernetz"
    return wb


def write_template(path: str | os.PathLike[str], lang: str = "de") -> Path:
    """Write an empty workbook to fill in to ``path`` (xlsx) and return the path.

    Sheets: "Anleitung" (the guide, in ``lang``), then "Partner", "Beziehungen", "Aktivitäten",
    "Programme", "Einstellungen" with headers, header comments, dropdowns and example rows.
    Raises FileNotFoundError when the folder of ``path`` does not exist and ValueError for an
    unknown ``lang``; the file is written atomically.
    """
    target = Path(path)
    wb = build_template(lang)
    with atomic_target(target) as temporary:
        wb.save(temporary)
    return target
