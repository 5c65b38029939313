"""Validating: from tables of cells to clean partner data plus every problem found.

Nothing here stops at the first problem. Each row is read as far as it can be; what is doubtful
becomes a :class:`~network_app.workbook.problems.Problem` with its sheet, Excel row, column and a
stable
code. Errors mean "this was not read as meant" (a partner without a name, a relation to an
unknown partner); warnings mean "read, but please look" (a likely duplicate, an unusual value).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from typing import Any, Literal

import pandas as pd

from .. import geo
from . import recognise, schema
from .problems import ERROR, EXAMPLE_ROWS, WARNING, Problem, summarise
from .reading import MAX_CELL_CHARS, ColumnInfo, RawSheet, Table, cell
from .similarity import closest, similar_pairs
from .stated import stated_direction
from .values import (
    ValueProblem,
    parse_date,
    parse_direction,
    parse_number,
    parse_year,
    split_categories,
    split_list,
    to_text,
    to_texts,
)
from .weights import WeightScale, parse_weight, strengths_for, weight_scale

__all__ = ["PartnerData", "validate_sheets"]

MIN_YEAR = 1900
#: One warning per far-away cell is useful; a hundred of them only bury the other problems.
MAX_STRAY_WARNINGS = 20
#: Places not found get a suggestion ("meinten Sie …?") up to this many different ones; more
#: are folded into one summary anyway (problems.summarise), and each costs a fuzzy search.
MAX_PLACE_SUGGESTIONS = 20
#: Years further ahead than this are typing slips ("2220"), not plans.
MAX_YEARS_AHEAD = 10

PARTNER_COLUMNS = [c.key for c in schema.COLUMNS["partners"]]
#: The relations' columns; their extra columns follow under their own headers
#: (:attr:`PartnerData.relation_extra_columns`). ``weight`` is the number as written, ``strength``
#: the 1–5 derived from it (:mod:`network_app.workbook.weights`), ``directed`` whether the
#: relation points from ``source`` to ``target``.
RELATION_COLUMNS = ["source", "target", "kind", "weight", "strength", "directed", "since",
                    "until", "note", "row"]
ACTIVITY_COLUMNS = ["name", "date", "year", "status", "area", "participants", "note", "row"]
PROGRAMME_COLUMNS = ["name", "since", "until", "participants", "note", "row"]

_REACH = {
    "lokal": "lokal", "local": "lokal", "ortlich": "lokal", "örtlich": "lokal",
    "regional": "regional", "uberregional": "regional", "überregional": "regional",
    "landesweit": "regional",
    "national": "national", "bundesweit": "national", "deutschlandweit": "national",
    "international": "international", "europaweit": "international",
    "weltweit": "international", "global": "international",
}
_STATUS = {
    "umgesetzt": "umgesetzt", "abgeschlossen": "umgesetzt", "erledigt": "umgesetzt",
    "durchgeführt": "umgesetzt", "done": "umgesetzt", "completed": "umgesetzt",
    "inumsetzung": "in Umsetzung", "laufend": "in Umsetzung", "läuft": "in Umsetzung",
    "aktiv": "in Umsetzung", "inarbeit": "in Umsetzung", "ongoing": "in Umsetzung",
    "inplanung": "in Planung", "geplant": "in Planung", "planung": "in Planung",
    "planned": "in Planung",
}


@dataclass
class PartnerData:
    """The validated workbook: tables as DataFrames, settings, and every problem."""

    partners: pd.DataFrame
    relations: pd.DataFrame
    activities: pd.DataFrame
    programmes: pd.DataFrame
    settings: dict[str, str]
    problems: list[Problem] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    sheets: dict[str, str] = field(default_factory=dict)  # table kind → sheet name
    source_name: str = ""
    #: Whether the own organisation stands in the centre (the hub), as
    #: :func:`validate_sheets` decided; None decides by :attr:`has_hub`'s rule (data built
    #: by hand). Kept when a copy is filtered, so the hub does not vanish with a filter.
    with_hub: bool | None = None
    #: The relations' other columns (Kumu's "Amount Owed", Tags, …), as ``extra_columns`` for
    #: the partners: columns of :attr:`relations` under their own header.
    relation_extra_columns: list[str] = field(default_factory=list)
    #: How the relations' weights became strengths and what the weighted measures count.
    weight_scale: WeightScale = field(default_factory=WeightScale)
    #: Where each field lives in the file, for writing edits back
    #: (:mod:`network_app.workspace.saving`): table kind → field (a column of that table's
    #: frame) → the column's header as written in the file. Only tables read under a header
    #: row; fields worked out from others (``category``, ``strength``, ``year``,
    #: ``directed``) have no column of their own. A relation's ``weight`` lives in its
    #: Stärke column.
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The Excel row of each table's header (table kind → row), for the same tables.
    header_rows: dict[str, int] = field(default_factory=dict)
    #: Coordinates looked up from the Ort (:mod:`network_app.geo`): partner name → what the
    #: gazetteer found, for every partner without Breite/Länge whose Ort it knows. Never
    #: written into the workbook; :meth:`placed_partners` and the graph's nodes use them.
    looked_up: dict[str, geo.Found] = field(default_factory=dict)

    def records(self, table: str) -> list[dict[str, Any]]:
        """Rows of ``table`` ("partners", "relations", …) as dicts; missing values are None."""
        frame: pd.DataFrame = getattr(self, table)
        return [{str(k): clean_value(v) for k, v in row.items()}
                for row in frame.to_dict("records")]

    def placed_partners(self) -> list[dict[str, Any]]:
        """The partners as :meth:`records` gives them, with ``lat``/``lon`` looked up from the
        Ort where the workbook gives none, and ``coord_source`` ("Tabelle", "Ortsname" or
        None) and ``coord_place`` (see :func:`network_app.geo.with_coordinates`)."""
        return geo.with_coordinates(self.records("partners"), self.looked_up)

    @property
    def has_hub(self) -> bool:
        """Whether the network has a hub: the own organisation, tied to every partner.

        The lab's format has one: Einstellungen name an own organisation, or a partner has a
        category (the tie to the hub). A network from another tool has neither and is shown as
        it is. The user's choice (``own_organisation`` of :func:`validate_sheets`) overrides
        both.

        >>> import pandas as pd
        >>> plain = PartnerData(pd.DataFrame({"name": ["A"], "categories": [[]]}),
        ...                     pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), {})
        >>> plain.has_hub, plain.own_organisation
        (False, '')
        >>> lab = PartnerData(pd.DataFrame({"name": ["A"], "categories": [["Forschung"]]}),
        ...                   pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), {})
        >>> lab.has_hub, lab.own_organisation
        (True, 'stadtLABOR Soest')
        """
        if self.with_hub is not None:
            return self.with_hub
        if self.settings.get("own_organisation"):
            return True
        categories = self.partners.get("categories")
        return categories is not None and any(bool(c) for c in categories)

    @property
    def own_organisation(self) -> str:
        """The hub's name (Einstellungen, else "stadtLABOR Soest"); "" without a hub."""
        if not self.has_hub:
            return ""
        return self.settings.get("own_organisation") or schema.OWN_ORGANISATION_DEFAULT

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def is_valid(self) -> bool:
        return not self.errors


def clean_value(value: Any) -> Any:
    """pandas' missing values become None; numpy scalars become Python numbers."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, list | tuple | dict | str):
        return value.item()
    return value


class _Collector:
    """Collects problems for one table, filling in the sheet name."""

    def __init__(self, sheet: str, problems: list[Problem]) -> None:
        self.sheet = sheet
        self.problems = problems

    def add(self, code: str, row: int | None, column: ColumnInfo | None = None,
            value: Any = None, severity: str = ERROR, **params: Any) -> None:
        self.problems.append(Problem(
            code=code, severity=severity, sheet=self.sheet, row=row,
            column=column.header if column else params.pop("column_header", None),
            column_letter=column.letter if column else None,
            value=None if value is None else str(to_text(value) or value)[:200],
            params=params,
        ))


def validate_sheets(sheets: list[RawSheet], *, today: dt.date | None = None,
                    source_name: str = "",
                    own_organisation: str | Literal[False] | None = None) -> PartnerData:
    """Find the known tables in ``sheets``, validate them, and return the clean data.

    ``own_organisation`` is the user's choice of the hub: None takes the workbook's word (see
    :attr:`PartnerData.has_hub`), a name makes that organisation the hub (as if Einstellungen
    named it), False shows the network without a hub even in the lab's format.
    """
    problems: list[Problem] = []
    year_now = (today or dt.date.today()).year
    tables, sheet_names = _locate_tables(sheets, problems)
    problems[:0] = _stray_warnings([s for s in sheets if s.name in sheet_names.values()])

    settings = _read_settings(tables.get("settings"), problems)
    partners_table = tables.get("partners")
    hub = _hub(settings, partners_table, own_organisation)
    if partners_table is None:
        partner_rows: list[dict[str, Any]] = []
        extras: list[str] = []
        if recognise.is_bare_edge_list(tables, problems):  # Gephi's or R's edge list alone
            partner_rows = recognise.nodes_from_relations(tables["relations"], hub, problems)
        else:
            problems.append(Problem(code="no_partner_sheet", severity=ERROR))
    else:
        problems.extend(partners_table.problems)
        partner_rows, extras = _read_partners(partners_table, hub, year_now, problems)
        if not partner_rows:
            problems.append(Problem(code="no_partners", severity=ERROR,
                                    sheet=partners_table.sheet, row=partners_table.header_row))

    looked_up = _look_up_places(partner_rows, partners_table, problems)
    index = _NameIndex(partner_rows, hub, partners_table.sheet if partners_table else "Partner")
    relation_rows, relation_extras, scale = _read_relations(tables.get("relations"), index,
                                                            year_now, problems, sheets)
    activity_rows = _read_activities(tables.get("activities"), index, year_now, problems)
    programme_rows = _read_programmes(tables.get("programmes"), index, year_now, problems)
    _weight_unit_note(scale, tables.get("relations"), [*activity_rows, *programme_rows],
                      problems)

    return PartnerData(
        partners=_frame(partner_rows, [*PARTNER_COLUMNS, "category", "row", *extras], extras),
        relations=_frame(relation_rows, [*RELATION_COLUMNS, *relation_extras],
                         relation_extras),
        activities=_frame(activity_rows, ACTIVITY_COLUMNS),
        programmes=_frame(programme_rows, PROGRAMME_COLUMNS),
        settings=settings,
        problems=summarise(problems),
        extra_columns=extras,
        sheets=sheet_names,
        source_name=source_name,
        with_hub=hub is not None,
        relation_extra_columns=relation_extras,
        weight_scale=scale,
        columns=_field_columns(tables),
        header_rows={kind: table.header_row for kind, table in tables.items()
                     if kind in _FIELD_READ and table.header_row},
        looked_up=looked_up,
    )


#: The fields each table's frame takes from a known column (column key → field); the other
#: columns of a frame are worked out from these.
_FIELD_READ: dict[str, dict[str, str]] = {
    "partners": {key: key for key in PARTNER_COLUMNS},
    "relations": {"source": "source", "target": "target", "kind": "kind",
                  "strength": "weight", "since": "since", "until": "until", "note": "note"},
    "activities": {key: key for key in ACTIVITY_COLUMNS if key not in ("row", "year")},
    "programmes": {key: key for key in PROGRAMME_COLUMNS if key != "row"},
}


def _field_columns(tables: dict[str, Table]) -> dict[str, dict[str, str]]:
    """Field → header of the columns read under a header row (:attr:`PartnerData.columns`).

    Extra columns get the field names :func:`_read_partners` and :func:`_read_relations` give
    them (a clash numbered); activities and programmes keep no extra columns in their frames.

    >>> from network_app.workbook.reading import RawSheet, find_table
    >>> sheet = RawSheet("Partner", rows=[(3, ["Organisation", "Ort", "Name", "Förderung"])])
    >>> _field_columns({"partners": find_table(sheet, "partners")})["partners"]
    {'place': 'Ort', 'name': 'Name', 'Organisation': 'Organisation', 'Förderung': 'Förderung'}
    """
    found: dict[str, dict[str, str]] = {}
    for kind, fields in _FIELD_READ.items():
        table = tables.get(kind)
        if table is None or not table.header_row:  # a matrix or a headerless edge list
            continue
        columns = {fields[c.key]: c.header for c in table.columns if c.key in fields}
        extras = table.extra_columns
        if kind == "partners":
            names = _unique_headers([c.header for c in extras])
        elif kind == "relations":
            names = _unique_headers([c.header for c in extras], _RELATION_TAKEN)
        else:
            names = []
        columns.update(zip(names, (c.header for c in extras), strict=False))
        found[kind] = columns
    return found


def _hub(settings: dict[str, str], partners: Table | None,
         choice: str | Literal[False] | None) -> str | None:
    """The hub's name, or None for a network without one (see :attr:`PartnerData.has_hub`).

    A chosen name is written into ``settings``, where the rest of the program looks for it.
    Whether a partner has a category is decided before the partners are read, since reading
    them needs the hub's name (a row naming the hub is no partner): a row whose Kategorie
    holds a known category counts.
    """
    if choice is False:
        return None
    if choice:
        settings["own_organisation"] = choice.strip()
    if settings.get("own_organisation"):
        return settings["own_organisation"]
    if partners is None or (column := partners.column("categories")) is None:
        return None
    if any(schema.canonical_category(part) is not None
           for _, cells in partners.rows for part in split_categories(cell(cells, column))):
        return schema.OWN_ORGANISATION_DEFAULT
    return None


_INTEGER_COLUMNS = ("since", "until", "year", "row", "strength")
#: pandas' Int64 holds whole numbers from -2**63 to 2**63 - 1.
_INT64 = 2 ** 63


def _frame(rows: list[dict[str, Any]], columns: list[str], extras: list[str] | None = None
           ) -> pd.DataFrame:
    """Years stay whole numbers with gaps (pandas' Int64), not floats like 2019.0; so do
    weights when all of them are whole (291, not 291.0).

    ``extras`` (the file's own columns, after ``columns``) keep what they hold: a partner
    column headed "weight" or "year" is text, not one of ours (found by fuzzing: its text
    failed the conversion to a number).
    """
    frame = pd.DataFrame(rows, columns=columns)
    own = set(columns) - set(extras or ())
    for column in _INTEGER_COLUMNS:
        if column in own:
            frame[column] = frame[column].astype("Int64")
    if "weight" in own:
        weights = frame["weight"]
        if weights.dtype.kind in "iu":  # whole numbers only
            whole = True
        elif weights.dtype.kind == "f":  # a float is no whole number here, a gap is no number
            whole = bool(weights.isna().all())
        else:  # a whole number past Int64's range (a cell holding 1e30) stays a float
            whole = all(isinstance(w, int) and -_INT64 <= w < _INT64 for w in weights.tolist()
                        if w is not None and not (isinstance(w, float) and math.isnan(w)))
        frame["weight"] = frame["weight"].astype("Int64" if whole else "Float64")
    return frame


# --------------------------------------------------------------------------- locating


def _stray_warnings(sheets: list[RawSheet]) -> list[Problem]:
    """Far-away cells the reader left out, so the user can delete them.

    Only for the sheets read: a sheet not read (hidden, or another program's helper sheet such
    as NodeXL's "Overall Metrics" with its formulas) gets its own note, so its cells are not
    listed.
    """
    problems = []
    for sheet in sheets:
        if sheet.hidden:
            continue
        for row, letter, value in sheet.stray[:MAX_STRAY_WARNINGS]:
            # a number keeps its type in params, so the message writes it by language
            text = value if isinstance(value, str) else format(value, ".15g")
            problems.append(Problem(code="stray_cell", severity=WARNING, sheet=sheet.name,
                                    row=row, column_letter=letter, value=text,
                                    params={"column_letter": letter, "cell": value}))
        for row, letter in sheet.formulas_without_value[:MAX_STRAY_WARNINGS]:
            problems.append(Problem(code="formula_without_value", severity=WARNING,
                                    sheet=sheet.name, row=row, column_letter=letter))
    return problems


def _locate_tables(sheets: list[RawSheet], problems: list[Problem]
                   ) -> tuple[dict[str, Table], dict[str, str]]:
    """Which sheet holds which table, by name and content (:mod:`.recognise`)."""
    return recognise.locate_tables(sheets, problems)


# --------------------------------------------------------------------------- settings


def _read_settings(table: Table | None, problems: list[Problem]) -> dict[str, str]:
    settings: dict[str, str] = {}
    if table is None:
        return settings
    log = _Collector(table.sheet, problems)
    key_col, value_col = table.column("key"), table.column("value")
    for row, cells in table.rows:
        label = to_text(cell(cells, key_col))
        if label is None:
            continue
        key = schema.canonical_setting(label)
        if key is None:
            log.add("unknown_setting", row, key_col, label, WARNING)
            continue
        value = to_text(cell(cells, value_col))
        if value:
            settings[key] = value
    return settings


# --------------------------------------------------------------------------- partners


def _text(cells: list[Any], column: ColumnInfo | None, row: int, log: _Collector) -> str | None:
    # ``cell`` inlined (the most frequent call of a big workbook): to_text reads an empty or
    # blank cell as None already.
    if column is None or column.index >= len(cells):
        return None
    text = to_text(cells[column.index])
    if text is not None and len(text) > MAX_CELL_CHARS:
        log.add("huge_cell", row, column, text[:40] + "…", WARNING, length=len(text),
                limit=MAX_CELL_CHARS)
        text = text[:MAX_CELL_CHARS]
    return text


# --------------------------------------------------------------------------- whole columns
#
# A big workbook is mostly plain cells: a name in text, a year as a number, an empty cell. The
# readers below take a table's column at once (:func:`_column`) and turn the plain cells into
# their values without a call per cell; a cell that needs more (a problem to report, a value
# to interpret) is marked :data:`_SLOW` and read in the row's turn by the cell's own function
# (:func:`_text`, :func:`_year`, …). So every problem is still found in the row's order, and
# the values are the same: tests/test_validation.py compares both ways on odd cells.

#: A cell the column-wise reading leaves to the cell's own function, in the row's turn.
_SLOW: Any = object()


def _column(rows: Sequence[tuple[int, list[Any]]], column: ColumnInfo | None) -> list[Any]:
    """The cells of ``column`` in each row, None where a row is shorter or there is no column."""
    if column is None:
        return [None] * len(rows)
    index = column.index
    cells = list(map(itemgetter(1), rows))
    if min(map(len, cells), default=0) > index:  # (a workbook's rows are all as wide)
        return list(map(itemgetter(index), cells))
    return [row[index] if index < len(row) else None for row in cells]


def _texts(values: list[Any]) -> list[Any]:
    """:func:`_text` of each cell, or :data:`_SLOW` for a cell too long (it has a warning)."""
    if values.count(None) == len(values):  # no such column, or an empty one
        return values
    texts: list[Any] = to_texts(values)
    if max(map(len, filter(None, texts)), default=0) > MAX_CELL_CHARS:
        texts = [_SLOW if text is not None and len(text) > MAX_CELL_CHARS else text
                 for text in texts]
    return texts


def _years(values: list[Any], year_now: int) -> list[Any]:
    """:func:`_year` of each cell holding a year as a whole number (2019, 2019.0, "2019")
    within the years allowed, or no value; :data:`_SLOW` for any other cell."""
    high = year_now + MAX_YEARS_AHEAD
    years: list[Any] = []
    add = years.append
    for value in values:
        kind = type(value)
        if value is None or (kind is str and not value):
            add(None)
        elif kind is float and value.is_integer() and MIN_YEAR <= value <= high:
            add(int(value))
        elif kind is int and MIN_YEAR <= value <= high:
            add(value)
        elif kind is str and len(value) == 4 and value.isascii() and value.isdigit() \
                and MIN_YEAR <= int(value) <= high:
            add(int(value))
        else:
            add(_SLOW)
    return years


def _numbers(values: list[Any]) -> list[Any]:
    """:func:`parse_number` of each cell holding a number or nothing; :data:`_SLOW` else."""
    return [value if type(value) is float and value == value
            else None if value is None or (type(value) is str and not value)
            else _SLOW for value in values]


def _weights(values: list[Any]) -> list[Any]:
    """:func:`parse_weight` of each cell holding a finite number or nothing (a whole number an
    int); :data:`_SLOW` else."""
    weights: list[Any] = []
    add = weights.append
    for value in values:
        kind = type(value)
        if value is None or (kind is str and not value):
            add(None)
        elif kind is float and value - value == 0:  # finite
            add(int(value) if value.is_integer() else value)
        elif kind is int and -_EXACT_INT <= value <= _EXACT_INT:
            add(value)
        else:
            add(_SLOW)
    return weights


#: Whole numbers up to this size are floats without loss (parse_number's float() keeps them).
_EXACT_INT = 2 ** 53


def _extra_values(values: list[Any]) -> list[Any]:
    """:func:`_extra_value` of each cell: a number stays a number, text is trimmed;
    :data:`_SLOW` for a cell too long."""
    return [value if type(value) is int or type(value) is bool
            else (int(value) if value.is_integer() else value)
            if type(value) is float and value - value == 0
            else text for value, text in zip(values, _texts(values), strict=True)]


def _year(cells: list[Any], column: ColumnInfo | None, row: int, log: _Collector,
          year_now: int) -> int | None:
    # ``cell`` inlined, as in _text: parse_year reads a blank cell as no year already.
    if column is None or column.index >= len(cells):
        return None
    value = cells[column.index]
    try:
        year = parse_year(value)
    except ValueProblem as exc:
        log.add(exc.code, row, column, value)
        return None
    if year is not None and not MIN_YEAR <= year <= year_now + MAX_YEARS_AHEAD:
        log.add("year_out_of_range", row, column, value, year=year, low=MIN_YEAR,
                high=year_now + MAX_YEARS_AHEAD)
        return None
    return year


def _check_span(since: int | None, until: int | None, row: int, column: ColumnInfo | None,
                log: _Collector) -> int | None:
    if since is not None and until is not None and until < since:
        log.add("until_before_since", row, column, until, since=since, until=until)
        return None
    return until


def _read_partners(table: Table, hub: str | None, year_now: int, problems: list[Problem]
                   ) -> tuple[list[dict[str, Any]], list[str]]:
    log = _Collector(table.sheet, problems)
    cols = {key: table.column(key) for key in PARTNER_COLUMNS}
    extras = table.extra_columns
    extra_names = _unique_headers([c.header for c in extras])
    rows: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    hub_key = schema.normalize_name(hub) if hub else None
    table_rows = table.rows
    name_col, category_col = cols["name"], cols["categories"]
    names = _texts(_column(table_rows, name_col))
    raw_categories = _column(table_rows, category_col)
    texts = {key: _texts(_column(table_rows, cols[key])) for key in _PARTNER_TEXTS}
    cases = _cases(texts["type"], schema.TYPE_VALUES)
    reach_texts = _texts(_column(table_rows, cols["reach"]))
    reaches = _choices(reach_texts, _REACH)
    sinces = _years(_column(table_rows, cols["since"]), year_now)
    untils = _years(_column(table_rows, cols["until"]), year_now)
    numbers = {key: _numbers(_column(table_rows, cols[key])) for key in ("lat", "lon")}
    extra_texts = [_texts(_column(table_rows, info)) for info in extras]
    known_categories: dict[str, list[str]] = {}  # a Kategorie cell read without a problem
    for position, (row, cells) in enumerate(table_rows):
        name = names[position]
        if name is _SLOW:
            name = _text(cells, name_col, row, log)
        if name is None:
            log.add("missing_name", row, name_col)
            continue
        key = schema.normalize_name(name)
        if key == hub_key:
            log.add("hub_is_partner", row, name_col, name, WARNING)
            continue
        if key in seen:
            log.add("duplicate_name", row, name_col, name, first_row=seen[key])
            continue
        seen[key] = row
        record: dict[str, Any] = {"name": name, "row": row}
        raw = raw_categories[position]
        known = known_categories.get(raw) if type(raw) is str else None
        if known is not None:
            categories = known.copy()
        else:
            before = len(problems)
            categories = _categories(cells, category_col, row, name, log)
            if type(raw) is str and len(problems) == before:
                known_categories[raw] = categories.copy()
        record["categories"] = categories
        record["category"] = categories[0] if categories else ""
        for key_ in _PARTNER_TEXTS:
            text = texts[key_][position]
            record[key_] = _text(cells, cols[key_], row, log) if text is _SLOW else text
        kind = record["type"]
        record["type"] = cases[kind] if kind in cases else _known_case(kind, schema.TYPE_VALUES)
        reach = reaches.get(reach_texts[position])
        if reach is None and reach_texts[position] is not None:
            reach = _choice(cells, cols["reach"], row, log, _REACH, schema.REACH_VALUES)
        record["reach"] = reach
        since = sinces[position]
        if since is _SLOW:
            since = _year(cells, cols["since"], row, log, year_now)
        record["since"] = since
        until = untils[position]
        if until is _SLOW:
            until = _year(cells, cols["until"], row, log, year_now)
        record["until"] = _check_span(since, until, row, cols["until"], log)
        for key_ in ("lat", "lon"):
            number = numbers[key_][position]
            record[key_] = _number(cells, cols[key_], row, log) if number is _SLOW else number
        for info, header, values in zip(extras, extra_names, extra_texts, strict=True):
            text = values[position]
            record[header] = _text(cells, info, row, log) if text is _SLOW else text
        rows.append(record)
    _likely_duplicates(rows, cols["name"], log)
    return rows, extra_names


#: The partners' columns read as text, in the order of their records.
_PARTNER_TEXTS = ("id", "type", "place", "contact_internal", "contact_external", "email", "phone",
                  "website", "note")


def _cases(texts: list[Any], allowed: tuple[str, ...]) -> dict[str, str | None]:
    """:func:`_known_case` of each different text in ``texts``."""
    return {text: _known_case(text, allowed) for text in set(texts) if type(text) is str}


def _choices(texts: list[Any], aliases: dict[str, str]) -> dict[Any, str]:
    """The known value of each different text in ``texts`` that is a known spelling (what
    :func:`_choice` reads without a problem)."""
    found = {}
    for text in set(texts):
        if type(text) is str and (value := aliases.get(schema.normalize_header(text))):
            found[text] = value
    return found


def _look_up_places(rows: list[dict[str, Any]], table: Table | None,
                    problems: list[Problem]) -> dict[str, geo.Found]:
    """Coordinates from the Ort of the partners without Breite/Länge (:mod:`network_app.geo`).

    An Ort the gazetteer does not know is a warning at its cell, with the closest known name;
    one read only by its first words, or one whose name other places share and that could be
    meant, a note.
    """
    if table is None or (column := table.column("place")) is None:
        return {}
    found, missing = geo.locate_partners(rows)
    if not found and not missing:
        return {}
    log = _Collector(table.sheet, problems)
    missing_names = set(missing)
    suggested: dict[str, str | None] = {}
    for row in rows:
        if row["name"] in missing_names:
            text = str(row["place"])
            if text not in suggested and len(suggested) < MAX_PLACE_SUGGESTIONS:
                close = geo.suggest(text)
                suggested[text] = close.name if close else None
            log.add("place_not_found", row["row"], column, row["place"], WARNING,
                    suggestion=suggested.get(text))
        elif (hit := found.get(row["name"])) is not None:
            if hit.how == "part":
                log.add("place_part", row["row"], column, row["place"], WARNING,
                        place=hit.place.where)
            elif hit.rivals:
                log.add("place_ambiguous", row["row"], column, row["place"], WARNING,
                        place=hit.place.where, other=hit.rivals[0].where)
    return found


def _unique_headers(headers: list[str], known: frozenset[str] | None = None) -> list[str]:
    """Extra columns keep their header; a clash with a known key or another header is numbered.

    ``known`` are the table's own keys (the partners' unless given).
    """
    taken = set(PARTNER_COLUMNS) | {"category", "row"} if known is None else set(known)
    result = []
    for header in headers:
        name, n = header, 2
        while name in taken:
            name, n = f"{header} ({n})", n + 1
        taken.add(name)
        result.append(name)
    return result


def _categories(cells: list[Any], column: ColumnInfo | None, row: int, name: str,
                log: _Collector) -> list[str]:
    raw = cell(cells, column)
    found: list[str] = []
    for part in split_categories(raw):
        category = schema.canonical_category(part)
        if category is None:
            log.add("unknown_category", row, column, part,
                    suggestion=_suggest_category(part))
        elif category not in found:
            found.append(category)
    if raw is None and column is not None:
        log.add("missing_category", row, column, None, WARNING, name=name)
    return found


def _suggest_category(text: str) -> str | None:
    key = schema.normalize_header(text)
    aliases = list(schema.CATEGORY_ALIASES)
    close = closest(key, aliases, 60)
    if close is not None:
        return schema.CATEGORY_ALIASES[close]
    for alias, category in schema.CATEGORY_ALIASES.items():
        if len(alias) >= 5 and (alias in key or key in alias):
            return category
    return None


def _known_case(text: str | None, allowed: tuple[str, ...]) -> str | None:
    """"hochschule" → "Hochschule" when the value is a known one; other text stays."""
    if text is None:
        return None
    return _by_key(allowed).get(schema.normalize_header(text), text)


@functools.lru_cache(maxsize=16)
def _by_key(allowed: tuple[str, ...]) -> dict[str, str]:
    """The known values by their key (made once per list, not once per row)."""
    return {schema.normalize_header(v): v for v in allowed}


def _choice(cells: list[Any], column: ColumnInfo | None, row: int, log: _Collector,
            aliases: dict[str, str], allowed: tuple[str, ...]) -> str | None:
    text = _text(cells, column, row, log)
    if text is None:
        return None
    value = aliases.get(schema.normalize_header(text))
    if value is None:
        close = closest(text.casefold(), [a.casefold() for a in allowed], 60)
        suggestion = next((a for a in allowed if a.casefold() == close), None)
        log.add("unknown_value", row, column, text, WARNING, suggestion=suggestion,
                allowed=", ".join(allowed))
        return text
    return value


def _number(cells: list[Any], column: ColumnInfo | None, row: int, log: _Collector,
            parse: Callable[[Any], float | int | None] = parse_number) -> float | int | None:
    """The cell's number (``parse_weight`` keeps a weight as written); a cell that holds no
    number is reported and read as empty."""
    value = cell(cells, column)
    try:
        return parse(value)
    except ValueProblem as exc:
        log.add(exc.code, row, column, value, WARNING)
        return None


def _likely_duplicates(rows: list[dict[str, Any]], column: ColumnInfo | None,
                       log: _Collector) -> None:
    """Warn about names that differ only by legal forms, common words, word order or a typo,
    not by a number or by places the partners' Ort values name (see
    :func:`~network_app.workbook.similarity.similar_pairs`)."""
    pairs = similar_pairs([r["name"] for r in rows], [r.get("place") for r in rows])
    for first, second in ((rows[i], rows[j]) for i, j in pairs):
        log.add("similar_name", second["row"], column, second["name"], WARNING,
                other=first["name"], other_row=first["row"])


# --------------------------------------------------------------------------- references


_UNSEEN: Any = object()


class _NameIndex:
    """Resolves names written in relations and activities to partner names."""

    def __init__(self, partner_rows: list[dict[str, Any]], hub: str | None,
                 partner_sheet: str) -> None:
        self.names = {schema.normalize_name(r["name"]): r["name"] for r in partner_rows}
        for row in partner_rows:  # relations from Gephi or Kumu name partners by their id
            if row.get("id"):
                self.names.setdefault(schema.normalize_name(row["id"]), row["name"])
        self.hub = hub  # None: a network without a hub
        self.hub_key = schema.normalize_name(hub) if hub else None
        self.sheet = partner_sheet
        self._resolved: dict[str, str | None] = {}  # each partner is named many times
        self._keys: list[str] | None = None  # the names to suggest from

    def resolve(self, text: str) -> str | None:
        found = self._resolved.get(text, _UNSEEN)
        if found is _UNSEEN:
            key = schema.normalize_name(text)
            found = self.hub if key == self.hub_key else self.names.get(key)
            self._resolved[text] = found
        return found

    def suggest(self, text: str) -> str | None:
        if self._keys is None:
            self._keys = list(self.names)
        close = closest(schema.normalize_name(text), self._keys, 75)
        return None if close is None else self.names[close]


def _participants(cells: list[Any], column: ColumnInfo | None, row: int, log: _Collector,
                  index: _NameIndex) -> list[str]:
    found: list[str] = []
    for part in split_list(cell(cells, column)):
        name = index.resolve(part)
        if name is None:
            log.add("unknown_partner", row, column, part, suggestion=index.suggest(part),
                    partner_sheet=index.sheet)
        elif name != index.hub and name not in found:
            found.append(name)
    return found


def _read_relations(table: Table | None, index: _NameIndex, year_now: int,
                    problems: list[Problem], sheets: Sequence[RawSheet] = ()
                    ) -> tuple[list[dict[str, Any]], list[str], WeightScale]:
    """The relations with every column, their extra columns' names and their weight scale.

    Each relation keeps its ``weight`` as written and gets a ``strength`` 1–5 (see
    :mod:`network_app.workbook.weights`; one note when the strengths are derived), whether it is
    ``directed`` (a direction column, see :func:`_direction_column`) and its extra columns
    under their own headers. Two rows are one relation twice (``duplicate_relation``) when they
    join the same partners with the same kind, in the same direction if they have one: A → B
    and B → A are two relations, as are a "Projekt" and a "Förderung" between the same pair.

    Without a direction column, the direction the workbook states elsewhere (NodeXL's setting,
    Kumu's default; :mod:`network_app.workbook.stated`) holds for every relation, with one note.
    A relation of a partner with itself is a typo in the lab's format (``self_relation``, an
    error); in a network without a hub (another tool's file: a Twitter user replying to
    themself) it is data and is kept, with one note (``self_loops_kept``) saying the measures
    leave it out (see :func:`network_app.network.graph.partner_layer`).
    """
    if table is None:
        return [], [], WeightScale()
    problems.extend(table.problems)
    log = _Collector(table.sheet, problems)
    cols = {key: table.column(key) for key in _RELATION_READ}
    direction, yes_no = _direction_column(table)
    stated = None if direction is not None else stated_direction(sheets, table.sheet)
    if stated is not None:
        problems.append(stated[1])
    extras = table.extra_columns
    extra_names = _unique_headers([c.header for c in extras], _RELATION_TAKEN)
    rows: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], int] = {}
    loops: list[int] = []
    table_rows = table.rows
    source_col, target_col = cols["source"], cols["target"]
    assert source_col is not None and target_col is not None  # find_table requires both
    ends_texts = (_texts(_column(table_rows, source_col)), _texts(_column(table_rows, target_col)))
    kinds = _texts(_column(table_rows, cols["kind"]))
    notes = _texts(_column(table_rows, cols["note"]))
    sinces = _years(_column(table_rows, cols["since"]), year_now)
    untils = _years(_column(table_rows, cols["until"]), year_now)
    weights_read = _weights(_column(table_rows, cols["strength"]))
    extra_values = [_extra_values(_column(table_rows, info)) for info in extras]
    # The ends as names, column by column: a text is resolved once however often it is named.
    resolved = {text: index.resolve(text) for texts in ends_texts for text in set(texts)
                if type(text) is str}
    found_ends = [list(map(resolved.get, texts)) for texts in ends_texts]
    hub = index.hub
    kind_col, since_col, until_col = cols["kind"], cols["since"], cols["until"]
    for position, (row, cells), source, target, kind, since, until, weight, note in zip(
            range(len(table_rows)), table_rows, *found_ends, kinds, sinces, untils,
            weights_read, notes, strict=True):
        if source is None or target is None:  # read again, in order, saying what is missing
            ends: list[str | None] = []
            for column, texts in ((source_col, ends_texts[0]), (target_col, ends_texts[1])):
                text = texts[position]
                if text is _SLOW:
                    text = _text(cells, column, row, log)
                if text is None:
                    log.add("missing_endpoint", row, column, expected=column.header)
                    ends.append(None)
                    continue
                name = index.resolve(text)
                if name is None:
                    log.add("unknown_partner", row, column, text,
                            suggestion=index.suggest(text), partner_sheet=index.sheet)
                ends.append(name)
            source, target = ends
        if source is None or target is None:
            continue
        if source == target and hub is not None:
            log.add("self_relation", row, target_col, source)
            continue
        if source == hub or target == hub:
            # Every partner is tied to the own organisation through its category already.
            column = source_col if source == hub else target_col
            log.add("hub_in_relation", row, column, hub, WARNING)
            continue
        if kind is _SLOW:
            kind = _text(cells, kind_col, row, log)
        if stated is not None:
            directed = stated[0]
        elif direction is None:
            directed = False  # (what _directed reads from no column)
        else:
            directed = _directed(cells, direction, yes_no, row, log)
        ends_key = (source, target) if directed or source <= target else (target, source)
        pair_key = (directed, *ends_key, (kind or "").casefold())
        if pair_key in seen:
            arrow = "→" if directed else "–"
            log.add("duplicate_relation", row, target_col, f"{source} {arrow} {target}",
                    WARNING, first_row=seen[pair_key])
            continue
        seen[pair_key] = row
        if source == target:
            loops.append(row)
        if since is _SLOW:
            since = _year(cells, since_col, row, log, year_now)
        if until is _SLOW:
            until = _year(cells, until_col, row, log, year_now)
        if since is not None and until is not None:
            until = _check_span(since, until, row, until_col, log)
        if weight is _SLOW:
            weight = _number(cells, cols["strength"], row, log, parse_weight)
        if note is _SLOW:
            note = _text(cells, cols["note"], row, log)
        record: dict[str, Any] = {
            "source": source, "target": target, "kind": kind,
            "weight": weight, "strength": None,
            "directed": directed, "since": since, "until": until,
            "note": note, "row": row,
        }
        if extras:
            for info, header, values in zip(extras, extra_names, extra_values, strict=True):
                value = values[position]
                record[header] = _extra_value(cells, info, row, log) if value is _SLOW \
                    else value
        rows.append(record)
    weights = [r["weight"] for r in rows]
    for record, strength in zip(rows, strengths_for(weights), strict=True):
        record["strength"] = strength
    scale = weight_scale(weights)
    _weight_notes(scale, rows, cols["strength"], log)
    if loops:
        first = next(r for r in rows if r["row"] == loops[0])
        log.add("self_loops_kept", loops[0], cols["target"], first["source"], WARNING,
                count=len(loops), examples=loops[:EXAMPLE_ROWS])
    return rows, extra_names, scale


#: What :func:`_read_relations` reads from the schema's relation columns ("strength" is the
#: column Stärke/Gewicht/Weight, read as the weight).
_RELATION_READ = ("source", "target", "kind", "strength", "since", "until", "note")
#: Names an extra column of the relations cannot take (it is numbered instead).
_RELATION_TAKEN = frozenset({*RELATION_COLUMNS, "extra"})


def _amount(value: float) -> int | Decimal:
    """A weight for a message, shown as written: 291 → "291", 0.025 → "0,025" (a Decimal
    keeps its digits, see :data:`network_app.text.messages.AMOUNT_PARAMS`)."""
    if isinstance(value, int) or float(value).is_integer():
        return int(value)
    return Decimal(repr(float(value)))


def _weight_notes(scale: WeightScale, rows: list[dict[str, Any]], column: ColumnInfo | None,
                  log: _Collector) -> None:
    """One note when the strengths are derived, one when the measures cannot use the weights,
    and one per relation without a weight among weights of their own (many are summarised)."""
    if not scale.derived or scale.lowest is None or scale.highest is None:
        return
    lowest, highest = _amount(scale.lowest), _amount(scale.highest)
    log.add("weights_to_strengths", None, column, None, WARNING, lowest=lowest,
            highest=highest)
    if not scale.measured:
        log.add("weights_not_positive", None, column, None, WARNING, lowest=lowest)
        return
    for record in rows:
        if record["weight"] is None:
            log.add("missing_weight", record["row"], column, None, WARNING, lowest=lowest)


def _weight_unit_note(scale: WeightScale, table: Table | None,
                      ties: list[dict[str, Any]], problems: list[Problem]) -> None:
    """Say what a shared activity or programme counts next to weights of the relations' own."""
    if table is None or not scale.derived or not scale.measured or scale.lowest is None:
        return
    if any(len(record["participants"]) >= 2 for record in ties):
        problems.append(Problem(code="weight_unit", severity=WARNING, sheet=table.sheet,
                                params={"lowest": _amount(scale.lowest),
                                        "highest": _amount(scale.highest or scale.lowest)}))


def _direction_column(table: Table) -> tuple[ColumnInfo | None, bool]:
    """The column that says whether a relation points one way, and whether it may say yes/no.

    A column whose header says so (Kumu's "Direction", Onodo's "Directed", "Richtung"; see
    ``schema.DIRECTION_HEADERS``) may hold direction words or yes/no; any other column that
    holds only direction words (Gephi's "Type": Directed/Undirected) is one too. The column
    also stays an extra column under its own header, so its words are kept as written.
    """
    for column in table.columns:
        if column.key == "directed" or (
                column.key is None
                and schema.normalize_header(column.header) in schema.DIRECTION_HEADERS):
            return column, True
    for column in table.columns:
        if column.key is not None:
            continue
        values = {schema.normalize_header(value) for _, cells in table.rows
                  if (value := cell(cells, column)) is not None}
        if values and values <= set(schema.DIRECTION_VALUES):
            return column, False
    return None, False


def _directed(cells: list[Any], column: ColumnInfo | None, yes_no: bool, row: int,
              log: _Collector) -> bool:
    value = cell(cells, column)
    try:
        return bool(parse_direction(value, yes_no=yes_no))
    except ValueProblem as exc:
        log.add(exc.code, row, column, value, WARNING)
        return False


def _extra_value(cells: list[Any], column: ColumnInfo, row: int, log: _Collector) -> Any:
    """An extra column's cell: a number stays a number (12.5, 291), text is trimmed."""
    value = cell(cells, column)
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return int(value) if value.is_integer() else value
    if isinstance(value, int):
        return value
    return _text(cells, column, row, log)


def _read_activities(table: Table | None, index: _NameIndex, year_now: int,
                     problems: list[Problem]) -> list[dict[str, Any]]:
    if table is None:
        return []
    problems.extend(table.problems)
    log = _Collector(table.sheet, problems)
    cols = {key: table.column(key) for key in ACTIVITY_COLUMNS if key not in ("row", "year")}
    table_rows = table.rows
    high = year_now + MAX_YEARS_AHEAD
    texts = {key: _texts(_column(table_rows, cols[key]))
             for key in ("name", "status", "area", "note")}
    statuses = _choices(texts["status"], _STATUS)
    areas = _cases(texts["area"], schema.AREA_VALUES)
    raw_dates = _column(table_rows, cols["date"])
    rows = []
    for position, (row, cells) in enumerate(table_rows):
        name = texts["name"][position]
        if name is _SLOW:
            name = _text(cells, cols["name"], row, log)
        if name is None:
            log.add("missing_title", row, cols["name"], what="activity")
            continue
        raw_date = raw_dates[position]
        date: str | None
        year: int | None
        if type(raw_date) is dt.date and MIN_YEAR <= raw_date.year <= high:
            date, year = raw_date.isoformat(), raw_date.year  # (what parse_date reads)
        else:
            raw_date = cell(cells, cols["date"])
            try:
                date, year = parse_date(raw_date)
            except ValueProblem as exc:
                log.add(exc.code, row, cols["date"], raw_date, WARNING)
                date, year = to_text(raw_date), None
            if year is not None and not MIN_YEAR <= year <= high:
                log.add("year_out_of_range", row, cols["date"], raw_date, year=year,
                        low=MIN_YEAR, high=high)
                year = None
        status = statuses.get(texts["status"][position])
        if status is None and texts["status"][position] is not None:
            status = _choice(cells, cols["status"], row, log, _STATUS, schema.STATUS_VALUES)
        area = texts["area"][position]
        if area is _SLOW:
            area = _text(cells, cols["area"], row, log)
        area = areas[area] if area in areas else _known_case(area, schema.AREA_VALUES)
        participants = _participants(cells, cols["participants"], row, log, index)
        note = texts["note"][position]
        if note is _SLOW:
            note = _text(cells, cols["note"], row, log)
        rows.append({
            "name": name, "date": date, "year": year, "status": status, "area": area,
            "participants": participants, "note": note, "row": row,
        })
    return rows


def _read_programmes(table: Table | None, index: _NameIndex, year_now: int,
                     problems: list[Problem]) -> list[dict[str, Any]]:
    if table is None:
        return []
    problems.extend(table.problems)
    log = _Collector(table.sheet, problems)
    cols = {key: table.column(key) for key in PROGRAMME_COLUMNS if key != "row"}
    rows = []
    for row, cells in table.rows:
        name = _text(cells, cols["name"], row, log)
        if name is None:
            log.add("missing_title", row, cols["name"], what="programme")
            continue
        since = _year(cells, cols["since"], row, log, year_now)
        until = _check_span(since, _year(cells, cols["until"], row, log, year_now), row,
                            cols["until"], log)
        rows.append({
            "name": name, "since": since, "until": until,
            "participants": _participants(cells, cols["participants"], row, log, index),
            "note": _text(cells, cols["note"], row, log), "row": row,
        })
    return rows
