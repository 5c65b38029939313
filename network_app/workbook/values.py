"""Turning one cell into the value it means: text, year, date, number, list of names.

Each function returns the value or raises :class:`ValueProblem` with a message code; the
validator adds the position. Pure functions, no pandas.

>>> parse_year("seit 2019")
2019
>>> parse_year(43466.0)      # an Excel serial date: 2019-01-01
2019
>>> parse_date("12.08.2022")
('2022-08-12', 2022)
>>> to_text(12.0)
'12'
>>> to_text(True)
'WAHR'
>>> split_list("Öcher Lab; Fablab Hamm | CityLAB Berlin")
['Öcher Lab', 'Fablab Hamm', 'CityLAB Berlin']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from .schema import DIRECTION_VALUES, DIRECTION_YES_NO, normalize_header

__all__ = [
    "ValueProblem",
    "parse_date",
    "parse_direction",
    "parse_number",
    "parse_year",
    "split_categories",
    "split_list",
    "to_text",
    "to_texts",
]

#: Excel's day 0 (it counts 1900 as a leap year, hence the 30th).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
#: Serial numbers that are plausible dates (1954–2119) rather than years or counts.
_SERIAL_RANGE = (20_000, 80_000)
_YEAR = re.compile(r"(?<!\d)(1[0-9]\d\d|2\d\d\d)(?!\d)")
_GERMAN_DATE = re.compile(r"^\s*(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_LIST_SEPARATORS = re.compile(r"\s*[;|\n]\s*")
_CATEGORY_SEPARATORS = re.compile(r"\s*[;|,\n]\s*")
#: A boolean cell as German Excel and LibreOffice show it. This is data, not interface text:
#: the value is read once for every language, and the workbook's vocabulary (sheets, columns,
#: categories) is German, so the cell is quoted as the person sees it in the file.
_BOOLEAN_TEXT = {True: "WAHR", False: "FALSCH"}
#: Invisible characters that only hide or reorder text, dropped from every cell: the byte order
#: mark (U+FEFF) and the zero width space (U+200B), which make two names that look the same
#: differ (and U+FEFF has no glyph: matplotlib's PDF writer failed on it), and the bidi
#: embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which turn the text
#: after them around: "Stadt\u202eexe.txt" is shown as "Stadttxt.exe". Right-to-left
#: names need none of them (the bidi algorithm orders Arabic or Hebrew letters by itself);
#: joiners (U+200C, U+200D: emoji, Persian, Indic scripts) and the marks U+200E/U+200F stay.
_HIDDEN = re.compile("[\ufeff\u200b\u202a-\u202e\u2066-\u2069]")


class ValueProblem(ValueError):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def to_text(value: Any) -> str | None:
    r"""A cell as the text a person sees: 12.0 → "12", a date → "2022-08-12", "" → None.

    Characters that only hide or turn text around go (:data:`_HIDDEN`).

    >>> to_text("\ufeffA-Lab\u00a0 e.V.\u200b"), to_text("Stadt\u202eexe.txt\u202c Amt")
    ('A-Lab e.V.', 'Stadtexe.txt Amt')
    """
    if value is None:
        return None
    if type(value) is str:  # most cells: straight to the end
        if value.isascii():  # nothing hidden, no non-breaking space (a flag, no scan)
            return " ".join(value.split()) or None
        return " ".join(_HIDDEN.sub("", value).replace("\u00a0", " ").split()) or None
    if isinstance(value, bool):
        return _BOOLEAN_TEXT[value]
    if isinstance(value, float):
        if value != value:  # NaN
            return None
        # a whole number past 10¹⁶ as Excel shows it (1e+30), not its binary value's 31 digits
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = " ".join(_HIDDEN.sub("", str(value)).replace("\u00a0", " ").split())
    return text or None


_NOT_MADE: Any = object()


def to_texts(values: Iterable[Any]) -> list[str | None]:
    """:func:`to_text` of each value, for a whole column: the same texts, without a call per
    cell for the text and empty cells that make up most of a workbook.

    >>> to_texts(["  A  Lab ", "", None, 12.0, "Öcher\u00a0Lab"])
    ['A Lab', None, None, '12', 'Öcher Lab']
    """
    hidden, join = _HIDDEN.sub, " ".join
    texts: list[str | None] = []
    add = texts.append
    # A column repeats its texts (a relation's partners, a type, a state): each made once.
    made: dict[str, str | None] = {}
    get = made.get
    for value in values:
        if type(value) is str:
            text = get(value, _NOT_MADE)
            if text is _NOT_MADE:
                if value.isascii():
                    text = join(value.split()) or None
                else:
                    text = join(hidden("", value).replace("\u00a0", " ").split()) or None
                made[value] = text
            add(text)
        elif value is None:
            add(None)
        else:
            add(to_text(value))
    return texts


def _from_serial(number: float) -> dt.date:
    return _EXCEL_EPOCH + dt.timedelta(days=int(number))


def parse_year(value: Any) -> int | None:
    """The year in a cell: 2019, "2019", "seit 2019", a date, an Excel serial date."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.year
    if isinstance(value, bool):
        raise ValueProblem("bad_year")
    if isinstance(value, int | float):
        if value != value:
            return None
        if float(value).is_integer() and _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return _from_serial(value).year
        if float(value).is_integer():
            return int(value)
        raise ValueProblem("bad_year")
    text = to_text(value)
    if text is None:
        return None
    if text.isdigit() and _SERIAL_RANGE[0] <= int(text) <= _SERIAL_RANGE[1]:
        return _from_serial(int(text)).year
    match = _YEAR.search(text)
    if match is None:
        if text.isdigit():
            return int(text)
        raise ValueProblem("bad_year")
    return int(match.group(1))


def parse_date(value: Any) -> tuple[str | None, int | None]:
    """(display text, year) of a date cell: a date, "12.08.2022", "2022-08-12", "08/2022", 2022."""
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat(), value.year
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            serial = _from_serial(value)
            return serial.isoformat(), serial.year
        year = parse_year(value)
        return str(year), year
    text = to_text(value)
    if text is None:
        return None, None
    for pattern, order in ((_GERMAN_DATE, (3, 2, 1)), (_ISO_DATE, (1, 2, 3))):
        match = pattern.match(text)
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            try:
                return dt.date(year, month, day).isoformat(), year
            except ValueError as exc:
                raise ValueProblem("bad_date") from exc
    try:
        year = parse_year(text)
    except ValueProblem as exc:
        raise ValueProblem("bad_date") from exc
    return text, year


def parse_number(value: Any) -> float | None:
    """A decimal number, also with a German decimal comma ("51,57")."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueProblem("bad_number")
    if isinstance(value, int | float):
        return None if value != value else float(value)
    text = to_text(value)
    if text is None:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError as exc:
        raise ValueProblem("bad_number") from exc


def parse_direction(value: Any, *, yes_no: bool = False) -> bool | None:
    """Whether a relation points one way: "Directed", "gerichtet" → True; "Undirected",
    "mutual" → False (words of ``schema.DIRECTION_VALUES``); with ``yes_no`` (a column whose
    header says "directed") also true/false, ja/nein, 1/0. None for an empty cell.

    >>> parse_direction("Directed"), parse_direction("mutual"), parse_direction(None)
    (True, False, None)
    >>> parse_direction(True, yes_no=True), parse_direction("false", yes_no=True)
    (True, False)
    >>> parse_direction("ja")
    Traceback (most recent call last):
    ...
    network_app.workbook.values.ValueProblem: bad_direction
    """
    if value is None:
        return None
    if isinstance(value, bool) and yes_no:
        return value
    text = to_text(value)
    if text is None:
        return None
    key = normalize_header(text)
    if key in DIRECTION_VALUES:
        return DIRECTION_VALUES[key]
    if yes_no and key in DIRECTION_YES_NO:
        return DIRECTION_YES_NO[key]
    raise ValueProblem("bad_direction")


def split_list(value: Any) -> list[str]:
    """Names separated by ; or | or line breaks (commas stay: names contain them)."""
    text = to_text(value)
    if text is None and isinstance(value, str):
        text = value.strip() or None
    if text is None:
        return []
    raw = value if isinstance(value, str) else text
    return [part for part in to_texts(_LIST_SEPARATORS.split(raw)) if part]


def split_categories(value: Any) -> list[str]:
    """Categories separated by ; | , or line breaks."""
    text = value if isinstance(value, str) else to_text(value)
    if not text:
        return []
    return [part for part in (to_text(p) for p in _CATEGORY_SEPARATORS.split(text)) if part]
