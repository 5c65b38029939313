"""Recognising: which sheet holds which table, decided by its columns and values.

A workbook from another tool names its sheets its own way (Kumu: Elements/Connections, NodeXL:
Edges/Vertices, an R or Gephi CSV named after its file: ``edgelist``, ``links.csv``). A sheet's
name is therefore only a hint; what a sheet holds is decided by what is in it:

* **relations**: two filled endpoint columns (Von/Nach, Source/Target, From/To, Vertex 1/2,
  tail/head). Such an edge-shaped table is never read as partners, even when it has an ``Id``
  or ``Label`` column, unless it also has a filled column that names partners ("Name",
  "Organisation": a partner list with columns "Quelle" and "Ziel");
* **partners** (nodes): a name or label column, or an id column (Gephi's node table);
* **activities, programmes, settings**: by the sheet's name, as in the lab's template.

Every sheet is either read or named in a problem that says why not: empty
(``sheet_empty``), holding no table we know (``sheet_unknown``, with its columns), a second
table of a kind already read (``sheet_second_table``), passed over because the partners are
expected in a sheet called so (``sheet_not_chosen``), or hidden (``hidden_sheet`` when it holds
a table of the lab's format and might be meant; ``hidden_sheet_other`` for another program's
helper sheet, which needs no unhiding). The template's guide sheet is known and passed over in
silence: it says so itself; so are the figures the program's own report adds to the partners
and ties (:data:`~network_app.workbook.schema.REPORT_ONLY_SHEETS`), when a report is read again.

Two shapes name no columns at all: an edge list without a header row (NetworkX's
``.edgelist``) and an adjacency matrix (Gephi). Before a sheet is called unknown,
:mod:`network_app.workbook.shapes` is asked whether it holds one of them; a matrix is looked for
before the node table, since its corner may read "Id". Either is read as the relations, with one
note saying how.

A workbook with relations but no partner table (a bare edge list, the most common format of
Gephi and R) gets its partners from the relations' endpoints, in the order they first appear
(an adjacency matrix: all the nodes it names), with one ``nodes_from_relations`` note
(:func:`nodes_from_relations`).

>>> from network_app.workbook.reading import RawSheet
>>> edges = RawSheet("edgelist", rows=[(1, ["Source", "Target", "Id", "Label"]),
...                                    (2, ["a", "b", 0, ""]), (3, ["b", "c", 1, ""])])
>>> problems = []
>>> tables, names = locate_tables([edges], problems)
>>> names, [p.code for p in problems]
({'relations': 'edgelist'}, [])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import schema, shapes
from .problems import ERROR, WARNING, Problem
from .reading import (
    HEADER_SEARCH_ROWS,
    MAX_CELL_CHARS,
    RawSheet,
    Table,
    cell,
    find_table,
    header_keys,
)
from .stated import is_nodexl_settings
from .values import to_text

__all__ = ["Finding", "examine", "locate_tables", "nodes_from_relations"]

#: How many columns a ``sheet_unknown`` note names; more are summed up with "…".
SHOWN_COLUMNS = 8
#: The sheet names whose table the content may overrule: an edge list in a sheet called
#: "Nodes" or "Partner" is still an edge list. Activities, programmes and settings go by name.
_CONTENT_KINDS = ("relations", "partners")


@dataclass(frozen=True)
class Finding:
    """What one sheet holds: a table of ``kind``, or None with the ``reason`` why not.

    ``named`` is True when the sheet's name says the kind (a hint the content confirmed);
    ``reason`` is "empty", "unknown" or "no_header" (the name says the kind, the columns don't).
    """

    sheet: RawSheet
    kind: str | None
    table: Table | None = None
    named: bool = False
    reason: str | None = None


def _filled_together(table: Table, first: str, second: str) -> bool:
    a, b = table.column(first), table.column(second)
    return any(cell(cells, a) is not None and cell(cells, b) is not None
               for _, cells in table.rows)


def _header_cells(sheet: RawSheet, table: Table) -> list[Any]:
    return next(cells for row, cells in sheet.rows if row == table.header_row)


def is_edge_shaped(sheet: RawSheet, table: Table) -> bool:
    """Both endpoint columns filled in one row, and no filled column that names partners.

    Kumu's and Gephi's "Label" does not count as naming partners (a relation's caption); the
    lab's "Name" or "Organisation" does: a partner list may have columns called "Quelle" (where
    the entry comes from) and "Ziel" (the partnership's aim).
    """
    if not _filled_together(table, "source", "target"):
        return False
    header = _header_cells(sheet, table)
    for index, key in enumerate(header_keys(header, "partners")):
        if key != "name" or schema.is_weak_alias("partners", "name", header[index]):
            continue
        if any(index < len(cells) and to_text(cells[index]) for _, cells in table.rows):
            return False
    return True


def examine(sheet: RawSheet) -> Finding:
    """What ``sheet`` holds, by its name as a hint and its columns and values as the rule."""
    hint = schema.canonical_sheet(sheet.name)
    if not sheet.rows:
        return Finding(sheet, hint, named=hint is not None, reason="empty")
    if hint in (None, *_CONTENT_KINDS):
        relations = find_table(sheet, "relations")
        if relations is not None and (hint == "relations" or is_edge_shaped(sheet, relations)):
            return Finding(sheet, "relations", relations, named=hint == "relations")
        # before the node table: a matrix whose top-left cell reads "Id" is still a matrix
        matrix = shapes.adjacency_matrix(sheet)
        if matrix is not None:
            return Finding(sheet, "relations", matrix, named=hint == "relations")
    if hint == "relations" and (headerless := shapes.headerless_edges(sheet)) is not None:
        return Finding(sheet, "relations", headerless, named=True)
    if hint is not None:
        table = find_table(sheet, hint)
        return Finding(sheet, hint, table, named=True,
                       reason=None if table is not None else "no_header")
    table = find_table(sheet, "partners")
    if table is not None:
        if not table.rows:  # NodeXL's "Group Vertices": a header and nothing below
            return Finding(sheet, None, reason="empty")
        return Finding(sheet, "partners", table)
    headerless = shapes.headerless_edges(sheet)
    if headerless is not None:
        return Finding(sheet, "relations", headerless)
    return Finding(sheet, None, reason="unknown")


def _columns_of(sheet: RawSheet) -> str:
    """The columns a person would look for: the first of the top rows that is about as full as
    the fullest (NodeXL puts captions for groups of columns above its header row)."""
    rows = [[text for c in cells if (text := to_text(c))]
            for _, cells in sheet.rows[:HEADER_SEARCH_ROWS]]
    fullest = max(len(r) for r in rows)
    headers = next(r for r in rows if 2 * len(r) >= fullest)
    shown = ", ".join(headers[:SHOWN_COLUMNS])
    return shown + (", …" if len(headers) > SHOWN_COLUMNS else "")


def locate_tables(sheets: list[RawSheet], problems: list[Problem]
                  ) -> tuple[dict[str, Table], dict[str, str]]:
    """The known tables of ``sheets`` (kind → table) and their sheets' names (kind → name).

    Every sheet not read gets a problem saying why. Sheets whose name or content says what
    they hold come first (in the workbook's order); a sheet recognised only by a name column is
    the partner list when there is none yet and no sheet called so failed; of several such
    sheets, the one whose names or ids the relations use.
    """
    tables: dict[str, Table] = {}
    findings: list[Finding] = []
    ours = {schema.GUIDE_SHEET}
    if set(schema.REPORT_ONLY_SHEETS) - {schema.REPORT_OVERVIEW_SHEET} <= {s.name for s in sheets}:
        ours |= set(schema.REPORT_ONLY_SHEETS)
    for sheet in sheets:
        if sheet.hidden:
            problems.append(_hidden(sheet))
            continue
        if sheet.name in ours:
            continue
        finding = examine(sheet)
        findings.append(finding)
        name = sheet.name
        if finding.reason == "no_header" or (finding.reason == "empty"
                                            and finding.kind == "partners"):
            assert finding.kind is not None
            problems.append(Problem(
                code="no_header", severity=ERROR if finding.kind == "partners" else WARNING,
                sheet=name, params={"expected": schema.COLUMNS[finding.kind][0].header}))
        elif finding.reason == "empty":
            problems.append(Problem(code="sheet_empty", severity=WARNING, sheet=name))
        elif finding.reason == "unknown":
            problems.append(Problem(code="sheet_unknown", severity=WARNING, sheet=name,
                                    params={"columns": _columns_of(finding.sheet)}))
        elif finding.named or finding.kind == "relations":
            _take(finding, tables, problems)
    failed = next((f.sheet.name for f in findings
                   if f.kind == "partners" and f.named and f.table is None), None)
    candidates = [f for f in findings
                  if f.table is not None and not f.named and f.kind == "partners"]
    if "relations" in tables and "partners" not in tables and len(candidates) > 1:
        # the node table is the one whose names or ids the relations use
        ends = _endpoints(tables["relations"])
        candidates.sort(key=lambda f: -_named_in(f.table, ends))
    for finding in candidates:
        if failed is not None and "partners" not in tables:
            # The user meant the sheet called so; a guess elsewhere would hide its problem.
            problems.append(Problem(code="sheet_not_chosen", severity=WARNING,
                                    sheet=finding.sheet.name, params={"partner_sheet": failed}))
        elif "partners" in tables and _only_captioned(finding.table):
            # NodeXL's "Groups": a caption column alone makes no second partner list
            problems.append(Problem(code="sheet_unknown", severity=WARNING,
                                    sheet=finding.sheet.name,
                                    params={"columns": _columns_of(finding.sheet)}))
        else:
            _take(finding, tables, problems)
    return tables, {kind: table.sheet for kind, table in tables.items()}


def _keys(value: Any) -> str | None:
    text = to_text(value)
    return schema.normalize_name(text) if text else None


def _endpoints(table: Table) -> set[str]:
    """The names the relations use, as they are matched (case and spaces aside)."""
    columns = [table.column("source"), table.column("target")]
    return {key for _, cells in table.rows for column in columns
            if (key := _keys(cell(cells, column)))}


def _named_in(table: Table | None, ends: set[str]) -> int:
    """How many rows of a node table the relations name, by name or by id."""
    assert table is not None
    columns = [c for c in (table.column("name"), table.column("id")) if c is not None]
    return sum(any(_keys(cell(cells, c)) in ends for c in columns) for _, cells in table.rows)


def _only_captioned(table: Table | None) -> bool:
    """Whether the table's names come from a caption column ("Label") only."""
    column = table.column("name") if table is not None else None
    return column is not None and schema.is_weak_alias("partners", "name", column.header)


def _take(finding: Finding, tables: dict[str, Table], problems: list[Problem]) -> None:
    assert finding.kind is not None and finding.table is not None
    first = tables.get(finding.kind)
    if first is None:
        tables[finding.kind] = finding.table
        return
    problems.append(Problem(code="sheet_second_table", severity=WARNING,
                            sheet=finding.sheet.name,
                            params={"table": finding.kind, "first": first.sheet}))


#: The template's own headers ("Name", "Von", "Aktivität", …), normalised: a sheet holding
#: one is of the lab's format.
_LAB_HEADERS = frozenset(schema.normalize_header(c.header)
                         for columns in schema.COLUMNS.values() for c in columns)


def _hidden(sheet: RawSheet) -> Problem:
    """A hidden sheet is not read; the advice depends on whether it holds one of our tables.

    It might be meant when it holds a table we read or a column of the lab's template; another
    program's helper sheet (NodeXL hides several) need not be unhidden. NodeXL's settings sheet
    (:func:`~network_app.workbook.stated.is_nodexl_settings`) is such a helper sheet, though its
    lists of valid values hold a "Label" a table could be found under.
    """
    if is_nodexl_settings(sheet):
        return Problem(code="hidden_sheet_other", severity=WARNING, sheet=sheet.name)
    ours = examine(sheet).table is not None or any(
        schema.normalize_header(c) in _LAB_HEADERS
        for _, cells in sheet.rows[:HEADER_SEARCH_ROWS] for c in cells if to_text(c))
    return Problem(code="hidden_sheet" if ours else "hidden_sheet_other", severity=WARNING,
                   sheet=sheet.name)


# --------------------------------------------------------------------------- bare edge lists


def is_bare_edge_list(tables: dict[str, Table], problems: list[Problem]) -> bool:
    """Relations but no partner table, and no sheet meant for partners that failed to read."""
    if "partners" in tables or "relations" not in tables:
        return False
    return not any(p.code == "no_header" and p.severity == ERROR for p in problems)


def nodes_from_relations(table: Table, hub: str | None, problems: list[Problem]
                         ) -> list[dict[str, Any]]:
    """The partners of a bare edge list: each endpoint once, in the order it first appears
    (after the nodes an adjacency matrix names, :attr:`~.reading.Table.nodes`).

    Names match as the relations will look them up (case and spaces aside), so "Anna" and
    "anna " are one partner, written as first met. ``row`` is the relation's row that named it
    first. One ``nodes_from_relations`` note tells the user where the partners came from.

    >>> from network_app.workbook.reading import find_table
    >>> sheet = RawSheet("edges", rows=[(1, ["from", "to"]), (2, ["A", "B"]),
    ...                                 (3, ["b", "C"])])
    >>> problems = []
    >>> [(r["name"], r["row"]) for r in nodes_from_relations(find_table(sheet, "relations"),
    ...                                                       None, problems)]
    [('A', 2), ('B', 2), ('C', 3)]
    >>> [(p.code, p.sheet, p.params["count"]) for p in problems]
    [('nodes_from_relations', 'edges', 3)]
    """
    hub_key = schema.normalize_name(hub) if hub else None
    columns = [table.column("source"), table.column("target")]
    named = [(row, [name]) for row, name in table.nodes]  # an adjacency matrix's nodes first
    ends = [(row, [cell(cells, column) for column in columns]) for row, cells in table.rows]
    seen: set[str] = set()
    rows: list[dict[str, Any]] = []
    for row, values in [*named, *ends]:
        for value in values:
            text = to_text(value)
            if text is None:
                continue
            name = text[:MAX_CELL_CHARS]
            key = schema.normalize_name(name)
            if key in seen or key == hub_key:
                continue
            seen.add(key)
            rows.append({"name": name, "row": row, "categories": [], "category": ""})
    problems.append(Problem(code="nodes_from_relations", severity=WARNING, sheet=table.sheet,
                            row=table.header_row or None, params={"count": len(rows)}))
    return rows
