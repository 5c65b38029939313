"""Tables without a header row: edge lists written without one, and adjacency matrices.

Two common shapes of network files name no columns, so :func:`~.reading.find_table` finds no
header in them; :mod:`network_app.workbook.recognise` asks here before it calls such a sheet
unknown. Each is read only when its content leaves no doubt, and says how it was read in one
note, so nothing is guessed silently.

* **An edge list without a header** (NetworkX's ``.edgelist``, R's ``write.table(…, col.names =
  FALSE)``): every row has the same number of cells, two or more, the first two always
  filled; no cell of the first row reads as a known column header, and each cell of the first
  row is of the kind (number or text) the rest of its column is. The rows look like the ties of
  a network: a node stands at both ends of ties or starts several (a partner list without a
  header, names and categories, does neither). Column 1 is read as Von, column 2 as Nach, the
  relations without direction; further columns are kept as extra columns named by their
  position ("3"), never taken for a weight: the file does not say what they hold (NetworkX's
  ``lanl_routes.edgelist`` holds a round-trip time there). One note: ``headerless_edges``
  (two columns) or ``headerless_edges_extra`` (more).
* **An adjacency matrix** (Gephi's matrix CSV): the first row and the first column name the
  same nodes (the same set, each once), the top-left cell is empty or a label, and every other
  cell is a number or empty. A cell other than 0 is a tie with that number as its weight, from
  the node of its row to the node of its column. A symmetric matrix says each tie twice: each
  pair is read once, without direction (``matrix_undirected``); otherwise every cell is a tie
  with a direction (``matrix_directed``). Every node of the matrix is a partner, also one
  without any tie (:attr:`~.reading.Table.nodes`).

The columns these tables get are the positions ("1", "2", "3") for an edge list, and Gephi's
words for a matrix turned into an edge table (Source, Target, Weight, Directed): names a reader
of either language recognises, not words of one language.

>>> sheet = RawSheet("hartford", rows=[(2, ["1", "2"]), (3, ["2", "3"]), (4, ["2", "1"])])
>>> table = headerless_edges(sheet)
>>> [(c.header, c.key) for c in table.columns], [p.code for p in table.problems]
([('1', 'source'), ('2', 'target')], ['headerless_edges'])
>>> matrix = RawSheet("m", rows=[(1, ["", "a", "b"]), (2, ["a", 0, 2]), (3, ["b", 2, 0])])
>>> table = adjacency_matrix(matrix)
>>> table.rows, table.nodes, [p.code for p in table.problems]
([(2, ['a', 'b', 2])], [(2, 'a'), (3, 'b')], ['matrix_undirected'])
"""

from __future__ import annotations

import math
from typing import Any

from . import schema
from .problems import WARNING, Problem
from .reading import ColumnInfo, RawSheet, Table, column_letter
from .values import ValueProblem, parse_number, to_text
from .weights import parse_weight

__all__ = ["MATRIX_COLUMNS", "adjacency_matrix", "headerless_edges"]

#: The columns of the edge table a matrix becomes, as Gephi names them: (header, key).
MATRIX_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Source", "source"), ("Target", "target"), ("Weight", "strength"), ("Directed", "directed"))

_Rows = list[tuple[int, list[Any]]]


def _trimmed(cells: list[Any]) -> list[Any]:
    """The cells up to the last one filled."""
    end = len(cells)
    while end and to_text(cells[end - 1]) is None:
        end -= 1
    return cells[:end]


def _number(value: Any) -> float | None:
    """The finite number a cell holds, or None (text, empty, "inf")."""
    if isinstance(value, bool):
        return None
    try:
        number = parse_number(value)
    except ValueProblem:
        return None
    return number if number is not None and math.isfinite(number) else None


def _kind(value: Any) -> str:
    if to_text(value) is None:
        return "empty"
    return "number" if _number(value) is not None else "text"


def _is_header(value: Any) -> bool:
    text = to_text(value)
    return text is not None and any(schema.canonical_column(kind, text) is not None
                                    for kind in schema.COLUMNS)


def _key(value: Any) -> str:
    return schema.normalize_name(to_text(value) or "")


# --------------------------------------------------------------------------- edge lists


def headerless_edges(sheet: RawSheet) -> Table | None:
    """``sheet`` read as an edge list without a header row, or None when it is none (see the
    module for the rule).

    >>> names = RawSheet("liste", rows=[(1, ["Rathaus", "Austausch"]),
    ...                                 (2, ["Hochschule", "Forschung"])])
    >>> headerless_edges(names) is None  # names and categories: no node at both ends
    True
    >>> header = RawSheet("t", rows=[(1, ["head", "tail"]), (2, [1, 2]), (3, [2, 3])])
    >>> headerless_edges(header) is None  # "head" is a header: the column holds numbers
    True
    """
    rows: _Rows = [(row, _trimmed(cells)) for row, cells in sheet.rows]
    if len(rows) < 2:
        return None
    width = len(rows[0][1])
    if width < 2 or any(len(cells) != width for _, cells in rows):
        return None
    if any(to_text(cells[0]) is None or to_text(cells[1]) is None for _, cells in rows):
        return None
    first = rows[0][1]
    if any(_is_header(value) for value in first):
        return None
    for index in range(width):
        rest = {_kind(cells[index]) for _, cells in rows[1:]} - {"empty"}
        if len(rest) == 1 and _kind(first[index]) not in rest | {"empty"}:
            return None  # a text above numbers: a header we do not know
    sources = [_key(cells[0]) for _, cells in rows]
    targets = {_key(cells[1]) for _, cells in rows}
    if not targets & set(sources) and len(set(sources)) == len(sources):
        return None
    columns = [ColumnInfo(index, str(index + 1), ("source", "target")[index] if index < 2
                          else None, column_letter(index)) for index in range(width)]
    kept = [column.header for column in columns[2:]]
    note = Problem(code="headerless_edges_extra" if kept else "headerless_edges",
                   severity=WARNING, sheet=sheet.name,
                   params={"kept": ", ".join(kept)} if kept else {})
    return Table("relations", sheet.name, 0, columns, rows, [note])


# --------------------------------------------------------------------------- matrices


def adjacency_matrix(sheet: RawSheet) -> Table | None:
    """``sheet`` read as an adjacency matrix, as an edge table of its ties; None when it is
    no matrix (see the module for the rule).

    The ties keep the Excel row of their node's row; the nodes come in the order of the
    first column.

    >>> sheet = RawSheet("m", rows=[(1, [None, "x", "y", "z"]), (2, ["x", 0, 3, 0]),
    ...                             (3, ["y", 0, 0, 1.5]), (4, ["z", None, 0, 0])])
    >>> table = adjacency_matrix(sheet)
    >>> table.rows
    [(2, ['x', 'y', 3, True]), (3, ['y', 'z', 1.5, True])]
    >>> [p.code for p in table.problems]
    ['matrix_directed']
    >>> adjacency_matrix(RawSheet("m", rows=[(1, ["", "x", "y"]), (2, ["x", 0, "ja"]),
    ...                                      (3, ["y", 1, 0])])) is None
    True
    """
    if len(sheet.rows) < 3:
        return None
    header = _trimmed(sheet.rows[0][1])
    if not header or _number(header[0]) is not None:
        return None  # the top-left cell is empty or a label, never a number
    if len(header) != len(sheet.rows):
        return None  # a node per row below and per column right of the corner (seen first)
    rows: _Rows = [(row, _trimmed(cells)) for row, cells in sheet.rows]
    column_keys = [_key(value) for value in header[1:]]
    body = rows[1:]
    if len(column_keys) != len(body) or "" in column_keys \
            or len(set(column_keys)) != len(column_keys):
        return None
    if any(not cells or to_text(cells[0]) is None for _, cells in body):
        return None
    row_keys = [_key(cells[0]) for _, cells in body]
    if set(row_keys) != set(column_keys) or len(set(row_keys)) != len(row_keys):
        return None
    names = {key: to_text(cells[0]) or "" for key, (_, cells) in zip(row_keys, body,
                                                                       strict=True)}
    ties: dict[tuple[str, str], int | float] = {}
    for source, (_, cells) in zip(row_keys, body, strict=True):
        if len(cells) > len(column_keys) + 1:
            return None
        for target, value in zip(column_keys, cells[1:], strict=False):
            if to_text(value) is None:
                continue
            if _number(value) is None:
                return None
            weight = parse_weight(value)
            if weight:
                ties[source, target] = weight
    directed = any(ties.get((target, source)) != weight
                   for (source, target), weight in ties.items())
    position = {key: index for index, key in enumerate(row_keys)}
    edges: _Rows = []
    for source, (row, _) in zip(row_keys, body, strict=True):
        for target in column_keys:
            weight = ties.get((source, target))
            if weight is None or (not directed and position[target] < position[source]):
                continue
            cells = [names[source], names[target], weight]
            edges.append((row, [*cells, True] if directed else cells))
    columns = [ColumnInfo(index, header_text, key, "")
               for index, (header_text, key) in enumerate(MATRIX_COLUMNS[:4 if directed else 3])]
    note = Problem(code="matrix_directed" if directed else "matrix_undirected",
                   severity=WARNING, sheet=sheet.name)
    nodes = [(row, names[key]) for key, (row, _) in zip(row_keys, body, strict=True)]
    return Table("relations", sheet.name, 0, columns, edges, [note], nodes=nodes)
