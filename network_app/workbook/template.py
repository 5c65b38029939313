"""An empty workbook for staff to fill in: sheets, headers, dropdowns, example rows, a guide.

:func:`write_template` writes an ``.xlsx`` with the sheet "Anleitung" (a plain-language guide,
opened first) followed by the data sheets of :data:`schema.SHEETS`. Sheet names, headers and their
explanations come from :mod:`network_app.workbook.schema`, so the template, the reader and the
validator
always agree. Sheet names and headers stay German in every language; ``lang="en"`` only
translates the guide.

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

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..atomic import atomic_target
from ..text import by_language, words
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
    "write_template",
]

#: Name of the guide sheet; the reader ignores it (it is not a known sheet).
GUIDE_SHEET = "Anleitung"
#: Data validations cover rows 2..LAST_ROW (row 1 is the header).
LAST_ROW = 1000
#: Example names start with this, so nobody mistakes them for real partners.
EXAMPLE_PREFIX = "Beispiel: "
#: Added to the header comment of every personal column.
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
    error_style: str = "stop"  # "stop" refuses other values, "warning" asks
    prompt: str = ""


_YEAR_PROMPT = "Jahreszahl, z. B. 2021"
_YEAR_RANGE = (1900, 2100)

VALIDATIONS: tuple[Validation, ...] = (
    Validation("partners", "categories", "list", CATEGORIES, error_style="warning",
               prompt="Aus der Liste wählen. Mehrere Kategorien mit ; trennen, "
                      "z. B. »Austausch; Forschung«."),
    Validation("partners", "type", "list", TYPE_VALUES, error_style="warning",
               prompt="Aus der Liste wählen oder einen eigenen Typ eintragen."),
    Validation("partners", "reach", "list", REACH_VALUES, error_style="stop",
               prompt="lokal, regional, national oder international"),
    Validation("partners", "since", "whole", minimum=_YEAR_RANGE[0], maximum=_YEAR_RANGE[1],
               prompt=_YEAR_PROMPT),
    Validation("partners", "until", "whole", minimum=_YEAR_RANGE[0], maximum=_YEAR_RANGE[1],
               prompt=_YEAR_PROMPT + "; leer lassen, solange die Partnerschaft läuft"),
    Validation("relations", "strength", "whole", minimum=1, maximum=5,
               prompt="1 (lose) bis 5 (sehr eng)"),
    Validation("relations", "since", "whole", minimum=_YEAR_RANGE[0], maximum=_YEAR_RANGE[1],
               prompt=_YEAR_PROMPT),
    Validation("relations", "until", "whole", minimum=_YEAR_RANGE[0], maximum=_YEAR_RANGE[1],
               prompt=_YEAR_PROMPT),
    Validation("activities", "status", "list", STATUS_VALUES, error_style="stop",
               prompt="umgesetzt, in Umsetzung oder in Planung"),
    Validation("activities", "area", "list", AREA_VALUES, error_style="warning",
               prompt="Aus der Liste wählen oder einen eigenen Bereich eintragen."),
    Validation("programmes", "since", "whole", minimum=_YEAR_RANGE[0], maximum=_YEAR_RANGE[1],
               prompt=_YEAR_PROMPT),
    Validation("programmes", "until", "whole", minimum=_YEAR_RANGE[0], maximum=_YEAR_RANGE[1],
               prompt=_YEAR_PROMPT),
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


def _error_text(rule: Validation) -> tuple[str, str]:
    """Title and message Excel shows when a value does not fit."""
    if rule.kind == "whole":
        return ("Zahl prüfen", f"Bitte eine ganze Zahl von {rule.minimum} bis {rule.maximum} "
                               "eintragen.")
    if rule.error_style == "warning":
        return ("Wert nicht in der Liste", "Dieser Wert steht nicht in der Liste. Mit »Ja« "
                                           "übernehmen (z. B. mehrere Werte mit ; getrennt) oder "
                                           "mit »Nein« korrigieren.")
    return ("Wert nicht erlaubt", "Bitte einen Wert aus der Liste wählen: "
                                  + ", ".join(rule.values) + ".")


def _data_validation(rule: Validation, column_letter: str) -> DataValidation:
    title, message = _error_text(rule)
    header = _column(rule.sheet, rule.column).header
    if len(title) > _MAX_TITLE or len(header) > _MAX_TITLE:
        raise ValueError("data validation title longer than Excel allows")
    if len(message) > _MAX_ERROR or len(rule.prompt) > _MAX_PROMPT:
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
    dv.showInputMessage = bool(rule.prompt)
    dv.promptTitle, dv.prompt = header, rule.prompt or None
    dv.add(f"{column_letter}2:{column_letter}{LAST_ROW}")
    return dv


# --------------------------------------------------------------------------------------------
# Example rows
# --------------------------------------------------------------------------------------------

_LIBRARY = EXAMPLE_PREFIX + "Stadtbibliothek Soest"
_UNIVERSITY = EXAMPLE_PREFIX + "Hochschule Hamm-Lippstadt"
_EXAMPLE_NOTE = "Beispielzeile – bitte überschreiben oder löschen"


def example_rows(today: date | None = None) -> dict[str, list[dict[str, object]]]:
    """Example rows per sheet, keyed by column key; every referenced name is a partner."""
    today = today or date.today()
    return {
        "partners": [
            {"name": _LIBRARY, "categories": "Kooperation", "type": "Kultur", "place": "Soest",
             "reach": "lokal", "since": 2021, "website": "https://www.soest.de",
             "note": _EXAMPLE_NOTE, "lat": 51.5711, "lon": 8.1060},
            {"name": _UNIVERSITY, "categories": "Forschung; Kooperation", "type": "Hochschule",
             "place": "Hamm", "reach": "regional", "since": 2020,
             "website": "https://www.hshl.de", "note": _EXAMPLE_NOTE,
             "lat": 51.6739, "lon": 7.8159},
        ],
        "relations": [
            {"source": _LIBRARY, "target": _UNIVERSITY, "kind": "Projektpartner", "strength": 3,
             "since": 2022, "note": _EXAMPLE_NOTE},
        ],
        "activities": [
            # Next year, so that "in Planung" stays plausible whenever the template is made.
            {"name": EXAMPLE_PREFIX + "Workshop Digitale Bibliothek",
             "date": date(today.year + 1, 3, 15), "status": "in Planung",
             "area": "Stadtgesellschaft", "participants": f"{_LIBRARY}; {_UNIVERSITY}",
             "note": _EXAMPLE_NOTE},
        ],
        "programmes": [
            {"name": EXAMPLE_PREFIX + "Digitale Modellregion NRW", "since": 2018, "until": 2022,
             "participants": _UNIVERSITY, "note": _EXAMPLE_NOTE},
        ],
    }


def setting_rows(today: date | None = None) -> list[dict[str, object]]:
    """The rows of "Einstellungen": real defaults, not examples."""
    today = today or date.today()
    return [
        {"key": "Eigene Organisation", "value": OWN_ORGANISATION_DEFAULT,
         "note": "Name der eigenen Organisation; steht in der Mitte des Netzes"},
        {"key": "Titel", "value": f"Partnernetz {OWN_ORGANISATION_DEFAULT}",
         "note": "Überschrift für Bilder, Berichte und Präsentation"},
        {"key": "Datenstand", "value": today,
         "note": "Datum, an dem die Daten zuletzt geprüft wurden – bitte anpassen"},
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


def header_comment(sheet: str, col: Column) -> str:
    """The comment on a header cell: the explanation, plus the personal-data note."""
    if not _is_personal(sheet, col):
        return col.explanation or col.header
    explanation = col.explanation.replace("(personenbezogen)", "").strip()
    if explanation.casefold() == "personenbezogen":
        explanation = ""
    return f"{explanation}\n{PERSONAL_NOTE}" if explanation else PERSONAL_NOTE


def _write_header(ws: Worksheet, sheet: str) -> None:
    for index, col in enumerate(COLUMNS[sheet], start=1):
        cell = ws.cell(row=1, column=index, value=col.header)
        cell.font = _HEADER_FONT
        cell.fill = _PERSONAL_FILL if _is_personal(sheet, col) else _HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        comment = Comment(header_comment(sheet, col), "stadtLABOR Partnernetz")
        comment.width, comment.height = 260, 90
        cell.comment = comment


def _write_rows(ws: Worksheet, sheet: str, rows: Iterable[dict[str, object]],
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


def _add_validations(ws: Worksheet, sheet: str) -> None:
    keys = [col.key for col in COLUMNS[sheet]]
    for rule in VALIDATIONS:
        if rule.sheet == sheet:
            letter = get_column_letter(keys.index(rule.column) + 1)
            ws.add_data_validation(_data_validation(rule, letter))


def _build_data_sheet(ws: Worksheet, sheet: str, rows: list[dict[str, object]],
                      font: Font | None) -> None:
    _write_header(ws, sheet)
    _write_rows(ws, sheet, rows, font)
    last_column = get_column_letter(len(COLUMNS[sheet]))
    ws.freeze_panes = "A2"
    # Up to LAST_ROW like the validations, so rows typed later are filtered too.
    ws.auto_filter.ref = f"A1:{last_column}{LAST_ROW}"
    ws.print_title_rows = "1:1"
    _add_validations(ws, sheet)
    _fit_widths(ws, sheet)


# --------------------------------------------------------------------------------------------
# The guide ("Anleitung")
# --------------------------------------------------------------------------------------------


def _headers(sheet: str, keys: Iterable[str]) -> list[str]:
    return [_column(sheet, key).header for key in keys]


def _quoted_list(items: Sequence[str], lang: str) -> str:
    quote = ("»", "«") if lang == "de" else ("“", "”")
    quoted = [f"{quote[0]}{item}{quote[1]}" for item in items]
    last = " und " if lang == "de" else " and "
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + last + quoted[-1]


def _sheet_purposes(lang: str) -> dict[str, str]:
    """What each sheet is for, keyed by sheet key (GUIDE_SHEET for the guide itself)."""
    if lang == "en":
        return {
            GUIDE_SHEET: "This guide. It is not read as data.",
            "partners": "One row per partner: organisations, institutions and initiatives we "
                        "work with. This is the only sheet that must be filled in.",
            "relations": "Links between two partners, e.g. a joint project. Optional. The link "
                         "of every partner to our own organisation is made automatically and "
                         "need not be entered here.",
            "activities": "Projects, events and other activities with the partners involved. "
                          "Partners who take part in the same activity are linked in the "
                          "network. Optional.",
            "programmes": "Funding programmes and alliances (e.g. Smart Cities, Digitale "
                          "Modellregion) with their members. Members of the same programme are "
                          "linked. Optional.",
            "settings": "Settings for this workbook: the name of our own organisation (the "
                        "centre of the network), a title for pictures and reports, the date "
                        "of the data. Optional.",
        }
    return {
        GUIDE_SHEET: "Diese Anleitung. Sie wird beim Einlesen nicht als Daten verwendet.",
        "partners": "Eine Zeile je Partner: Organisationen, Einrichtungen und Initiativen, mit "
                    "denen wir zusammenarbeiten. Das ist das einzige Blatt, das ausgefüllt sein "
                    "muss.",
        "relations": "Verbindungen zwischen zwei Partnern, z. B. ein gemeinsames Projekt. "
                     "Freiwillig. Die Verbindung jedes Partners zur eigenen Organisation "
                     "entsteht von selbst und muss hier nicht eingetragen werden.",
        "activities": "Projekte, Veranstaltungen und andere Aktivitäten mit den beteiligten "
                      "Partnern. Partner, die an derselben Aktivität beteiligt sind, werden im "
                      "Netz miteinander verbunden. Freiwillig.",
        "programmes": "Förderprogramme und Verbünde (z. B. Smart Cities, Digitale "
                      "Modellregion) mit ihren Mitgliedern. Mitglieder desselben Programms "
                      "werden miteinander verbunden. Freiwillig.",
        "settings": "Einstellungen für diese Tabelle: der Name der eigenen Organisation (die "
                    "Mitte des Netzes), ein Titel für Bilder und Berichte, der Datenstand. "
                    "Freiwillig.",
    }


def _sheet_label(key: str) -> str:
    return GUIDE_SHEET if key == GUIDE_SHEET else SHEETS[key][0]


def _hints(lang: str) -> list[tuple[str, str]]:
    """The "how to fill it in" paragraphs: (label, text)."""
    def q(*items: str) -> str:
        return _quoted_list(items, lang)

    partner = SHEETS["partners"][0]
    name = _column("partners", "name").header
    name_sheets = q(*(SHEETS[key][0] for key in ("relations", "activities", "programmes")))
    participants = _column("activities", "participants").header
    personal = q(*_headers("partners", PERSONAL_COLUMNS))
    source, target = _headers("relations", ("source", "target"))
    lenient = q(*(_column(r.sheet, r.column).header for r in VALIDATIONS
                  if r.kind == "list" and r.error_style == "warning"))
    strict = q(*(_column(r.sheet, r.column).header for r in VALIDATIONS
                 if r.kind == "list" and r.error_style == "stop"))
    since, until = _headers("partners", ("since", "until"))
    date_header = _column("activities", "date").header
    strength = _column("relations", "strength").header
    categories = q(*CATEGORIES)
    if lang == "en":
        return [
            ("Required", f"Only the column {q(name)} on the sheet {q(partner)} is required. "
                         "Every other column and sheet is optional: what stays empty is simply "
                         "not shown. On the other sheets fill in at least the first column of "
                         f"each row (on {q(SHEETS['relations'][0])}: {q(source)} and "
                         f"{q(target)})."),
            ("Categories", f"The categories are {categories}. A partner may belong to several: "
                           "separate them with a semicolon, e.g. “Austausch; Forschung”. Excel "
                           "then asks whether to keep the value: answer “Yes”."),
            ("Write names exactly", f"On the sheets {name_sheets} write each partner exactly "
                                    f"as in the column {q(name)} on the sheet {q(partner)} "
                                    "(upper/lower case and extra spaces do not matter). Easiest: "
                                    "copy the name. Unknown names are reported when the file is "
                                    "checked."),
            ("Several partners", f"In the column {q(participants)} separate several partners "
                                 "with a semicolon: “Partner A; Partner B”."),
            ("Example rows", "The rows in grey italics are examples. Please overwrite them with "
                             "your own entries or delete them. If you delete the example "
                             "partners, delete the example rows on the other sheets too."),
            ("Drop-down lists", "Many columns offer a list (small arrow next to the cell). In "
                                f"{lenient} you may also type something else; Excel only asks. "
                                f"In {strict} only the values in the list are allowed."),
            ("Years and dates", f"{q(since)} and {q(until)} are years (e.g. 2021); leave "
                                f"{q(until)} empty while the partnership continues. "
                                f"{q(date_header)} may be a date (14.05.2024) or just a year. "
                                f"{q(strength)}: 1 (loose) to 5 (very close)."),
            ("Personal data", f"The columns {personal} (orange header) hold personal data. They "
                              "stay in this file but are not exported and not shown in the "
                              "presentation unless you explicitly ask for it. Please enter only "
                              "what the work needs."),
            ("Your own columns", "You may add columns of your own (e.g. “Thema”). They are "
                                 "kept and can be used to filter and colour the network."),
            ("Saving", "Save as an Excel workbook (.xlsx). OpenDocument (.ods) and CSV work "
                       "too. The sheet names and column headers stay German."),
        ]
    return [
        ("Pflichtangaben", f"Pflicht ist nur die Spalte {q(name)} auf dem Blatt {q(partner)}. "
                           "Alle anderen Spalten und Blätter sind freiwillig: was leer bleibt, "
                           "wird einfach nicht angezeigt. Auf den anderen Blättern je Zeile "
                           f"mindestens die erste Spalte ausfüllen (bei "
                           f"{q(SHEETS['relations'][0])}: {q(source)} und {q(target)})."),
        ("Kategorien", f"Die Kategorien sind {categories}. Ein Partner kann zu mehreren "
                       "gehören: dann mit Semikolon trennen, z. B. »Austausch; Forschung«. "
                       "Excel fragt dann nach, ob der Wert bleiben soll: mit »Ja« bestätigen."),
        ("Namen genau gleich schreiben", f"Auf den Blättern {name_sheets} die Partner genau so "
                                         f"schreiben wie in der Spalte {q(name)} auf dem Blatt "
                                         f"{q(partner)} (Groß- und Kleinschreibung und doppelte "
                                         "Leerzeichen sind egal). Am einfachsten: den Namen "
                                         "kopieren. Unbekannte Namen werden beim Prüfen "
                                         "gemeldet."),
        ("Mehrere Partner", f"In der Spalte {q(participants)} mehrere Partner mit Semikolon "
                            "trennen: »Partner A; Partner B«."),
        ("Beispielzeilen", "Die grau und schräg geschriebenen Zeilen sind Beispiele. Bitte mit "
                           "eigenen Einträgen überschreiben oder löschen. Wer die "
                           "Beispiel-Partner löscht, löscht auch die Beispielzeilen auf den "
                           "anderen Blättern."),
        ("Auswahllisten", "Viele Spalten haben eine Auswahlliste (kleiner Pfeil neben der "
                          f"Zelle). Bei {lenient} darf auch etwas anderes eingetragen werden; "
                          f"Excel fragt dann nur nach. Bei {strict} sind nur die Werte aus der "
                          "Liste erlaubt."),
        ("Jahre und Daten", f"{q(since)} und {q(until)} sind Jahreszahlen (z. B. 2021); "
                            f"{q(until)} leer lassen, solange die Partnerschaft läuft. "
                            f"{q(date_header)} darf ein Datum (14.05.2024) oder nur ein Jahr "
                            f"sein. {q(strength)}: 1 (lose) bis 5 (sehr eng)."),
        ("Personenbezogene Daten", f"Die Spalten {personal} (orange Überschrift) enthalten "
                                   "personenbezogene Daten. Sie bleiben in dieser Datei, werden "
                                   "aber nicht exportiert und nicht in der Präsentation gezeigt "
                                   "– außer Sie wählen das ausdrücklich aus. Bitte nur "
                                   "eintragen, was für die Arbeit nötig ist."),
        ("Eigene Spalten", "Eigene zusätzliche Spalten (z. B. »Thema«) sind erlaubt. Sie "
                           "bleiben erhalten und können zum Filtern und Einfärben des Netzes "
                           "genutzt werden."),
        ("Speichern", "Als Excel-Arbeitsmappe (.xlsx) speichern. OpenDocument (.ods) und CSV "
                      "gehen auch."),
    ]


_GUIDE_WORDS = by_language("workbook.template")

#: Columns a row cannot do without: the key of each sheet.
_REQUIRED: dict[str, tuple[str, ...]] = {
    "partners": ("name",),
    "relations": ("source", "target"),
    "activities": ("name",),
    "programmes": ("name",),
    "settings": ("key",),
}

_GUIDE_WIDTHS = {"A": 30, "B": 90, "C": 42}


def _column_hint(sheet: str, col: Column, words: dict[str, str]) -> str:
    if _is_personal(sheet, col):
        return words["personal"]
    if col.key in _REQUIRED.get(sheet, ()):
        return words["required"] if sheet == "partners" else words["required_if_used"]
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
    words = _GUIDE_WORDS[lang]
    for letter, width in _GUIDE_WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws.sheet_view.showGridLines = False
    out = _GuideWriter(ws)
    out.line(words["title"], font=_GUIDE_TITLE_FONT, wrap=False)
    out.line(words["about"], words["intro"], first_bold=True)
    out.gap()
    out.heading(words["sheets"])
    for key, purpose in _sheet_purposes(lang).items():
        out.line(_sheet_label(key), purpose, first_bold=True)
    out.gap()
    out.heading(words["how"])
    for label, text in _hints(lang):
        out.line(label, text, first_bold=True)
    out.gap()
    out.heading(words["columns"])
    for sheet, (sheet_name, _aliases) in SHEETS.items():
        out.gap()
        out.line(f"{words['sheet']} {_quoted_list([sheet_name], lang)}",
                 font=Font(bold=True, size=12), wrap=False)
        out.line(words["column"], words["explanation"], words["hint"], font=_HEADER_FONT,
                 fill=_HEADER_FILL)
        for col in COLUMNS[sheet]:
            out.line(col.header, col.explanation, _column_hint(sheet, col, words))


# --------------------------------------------------------------------------------------------
# The workbook and writing it
# --------------------------------------------------------------------------------------------


def build_template(lang: str = "de", today: date | None = None) -> Workbook:
    """The template workbook in memory (see :func:`write_template`)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    examples = example_rows(today)
    wb = Workbook()
    guide = wb.active
    guide.title = GUIDE_SHEET
    _build_guide(guide, lang)
    for sheet, (sheet_name, _aliases) in SHEETS.items():
        ws = wb.create_sheet(sheet_name)
        if sheet == "settings":
            _build_data_sheet(ws, sheet, setting_rows(today), font=None)
        else:
            _build_data_sheet(ws, sheet, examples.get(sheet, []), font=_EXAMPLE_FONT)
    wb.active = 0
    wb.properties.title = _GUIDE_WORDS[lang]["title"]
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
