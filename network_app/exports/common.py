"""What every exporter shares: the export's metadata, atomic writes, privacy and cell safety.

* :class:`ExportMeta` says what a picture or file is about (title, Datenstand, source) and
  whether personal data may go in; with ``include_personal`` every export is marked "intern".
* :func:`atomic_target` hands a writer a temporary path in the target folder and moves the
  finished file over the target with :func:`os.replace`: a failure leaves no half-written file
  and an existing target as it was.
* :func:`is_personal` decides which attributes are personal data: the keys of
  :data:`network_app.workbook.schema.PERSONAL_COLUMNS` and workbook columns (``extra``) whose
  header reads
  like one of them ("E-Mail privat", "Ansprechperson 2", "Handy").
* :func:`csv_text` and :func:`xlsx_text` keep workbook text from running as a formula when a
  spreadsheet opens the file (OWASP "CSV injection").

>>> csv_text("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> csv_text("Öcher Lab")
'Öcher Lab'
>>> is_personal("E-Mail privat"), is_personal("email"), is_personal("Website")
(True, True, False)
"""

from __future__ import annotations

import datetime as dt
import math
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..atomic import atomic_target
from ..text import by_language, say
from ..workbook import schema

__all__ = [
    "ExportMeta",
    "atomic_target",
    "csv_text",
    "is_personal",
    "plain",
    "problems_note",
    "xlsx_text",
]

_WORDS = by_language("exports.common")


@dataclass(frozen=True)
class ExportMeta:
    """What an export is about, and whether personal data may go in.

    Attributes
    ----------
    title : str
        Shown above pictures, in the HTML page and in the report's "Info" sheet.
    data_date : str
        The "Datenstand" (the workbook's setting, e.g. ``"2022"``).
    source : str
        Where the data come from (the workbook's setting "Quelle", else the file name).
    lang : str
        ``"de"`` or ``"en"``: the language of the words the export adds.
    include_personal : bool
        Keep Ansprechperson, Kontakt, E-Mail, Telefon; the export is then marked "intern".
    created : datetime.date, optional
        The export date in footers (today when None).
    note : str
        A warning every export shows small but visibly (in the footer, on the deck's title
        and sources slides and in its pictures): "Daten unvollständig: 3 Probleme" for a
        workbook with errors (see :func:`network_app.exports.meta_for`); "" for none.
    """

    title: str = ""
    data_date: str = ""
    source: str = ""
    lang: str = "de"
    include_personal: bool = False
    created: dt.date | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.lang not in _WORDS:
            raise ValueError(f"unknown language {self.lang!r}; use 'de' or 'en'")

    @property
    def words(self) -> Mapping[str, Any]:
        return _WORDS[self.lang]

    @property
    def display_title(self) -> str:
        """The title, with "(intern)" when personal data are included."""
        if not self.include_personal:
            return self.title
        mark = f"({self.words['intern']})"
        return f"{self.title} {mark}" if self.title else mark

    @property
    def confidentiality(self) -> str:
        """One line for an "Info" sheet or a graph attribute."""
        if self.include_personal:
            return f"{self.words['intern']}: {self.words['personal']}"
        return self.words["public"]

    def created_text(self) -> str:
        day = self.created or dt.date.today()
        return day.strftime("%d.%m.%Y") if self.lang == "de" else day.isoformat()

    def footer(self, width: int = 0) -> str:
        """ "Datenstand: 2022 · Quelle: … · erstellt: 01.02.2026", the source shortened to
        ``width`` characters when given (a workbook's source may be a paragraph); the
        :attr:`note` first when there is one."""
        words = self.words
        parts = [self.note] if self.note else []
        if self.data_date:
            parts.append(f"{words['date']}: {self.data_date}")
        if self.source:
            source = " ".join(self.source.split())
            if width:
                source = textwrap.shorten(source, width, placeholder=" …")
            parts.append(f"{words['source']}: {source}")
        parts.append(f"{words['created']}: {self.created_text()}")
        return " · ".join(parts)


def problems_note(data: Any, lang: str = "de") -> str:
    """ "Daten unvollständig: 3 Probleme" when the workbook (a
    :class:`~network_app.workbook.validation.PartnerData`) has errors, rows or values that could
    not be taken over; else "". Hints (warnings) leave the data complete."""
    count = len(data.errors)
    return say("exports.common.incomplete", lang, count=count) if count else ""


_PERSONAL_KEYS = frozenset(schema.PERSONAL_COLUMNS)
#: Beginnings of headers that name personal data, normalised ("emailprivat", "telefon2").
_PERSONAL_PREFIXES = tuple(sorted({
    schema.normalize_header(spelling)
    for column in schema.COLUMNS["partners"] if column.key in _PERSONAL_KEYS
    for spelling in (column.header, *column.aliases)
    if len(schema.normalize_header(spelling)) >= 4
} | {"handy", "mobil", "telefax", "privatadresse", "anschrift", "geburtsdatum"}))


def is_personal(key: object) -> bool:
    """Whether an attribute key or a workbook header names personal data."""
    if key in _PERSONAL_KEYS:
        return True
    normal = schema.normalize_header(key)
    stripped = normal.rstrip("0123456789")
    if schema.canonical_column("partners", stripped) in _PERSONAL_KEYS:
        return True
    return bool(normal) and normal.startswith(_PERSONAL_PREFIXES)


#: Characters that make a spreadsheet read a cell as a formula (OWASP), plus the full-width
#: forms some spreadsheet programs also accept.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_text(text: str) -> str:
    """Text for a CSV cell: a leading apostrophe when it would otherwise start a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


#: Excel's limit for one cell, and the control characters an xlsx file cannot hold.
XLSX_MAX_CHARS = 32767
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xlsx_text(text: str) -> str:
    """Text an xlsx cell can hold (control characters removed, cut to Excel's limit).

    The cell must also be marked as text (``cell.data_type = "s"``), see ``report.py``.
    """
    return _ILLEGAL_XML.sub("", text)[:XLSX_MAX_CHARS]


def plain(value: Any) -> Any:
    """None for missing values (NaN too); everything else as it is."""
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
