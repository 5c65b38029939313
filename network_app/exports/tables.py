"""The graph as tables of nodes and edges with German column names, for the file exports.

GEXF, GraphML, JSON and CSV share these rows, so a column means the same in every format:

=========================== =================================================================
node column                 meaning
=========================== =================================================================
``Name``                    the node id (GEXF/GraphML/JSON use it as the id itself)
``label``                   the text shown (``label`` is what Gephi and Cytoscape look for)
``Knotenart``               eigene Organisation, Partner, Aktivität or Programm
``Kategorie``               all categories, ``; ``-separated (a list in JSON)
``Hauptkategorie``          the first category: the one that gives the colour
``Typ`` … ``Länge``         the workbook's columns under their German headers; ``Kennung`` is
                            the workbook's Id column, ``Zeile`` the Excel row
other workbook columns      under their own header (personal-looking ones are left out)
``x``, ``y``                the position in the picture (y grows downwards, as on screen)
``Farbe``, ``Größe``        the colour (``#RRGGBB``) and radius the app draws
=========================== =================================================================

Edge columns: ``Von``, ``Nach`` (CSV only), ``Art`` (Kategorie = tie to the own organisation,
Partner = between partners), ``Kategorie``, ``Beziehung`` (relations from the sheet
"Beziehungen" with strength, weight and years, ``|``-separated), ``Richtungen`` (the directed
relations as ``A → B``, when the file gives directions), ``gemeinsame Aktivitäten``,
``gemeinsame Programme``, ``Stärke (1–5)`` (the strength drawn, when the file's weights are not
the 1–5 strengths themselves), ``Gewicht`` (how much connects the two: the relations' weights as
written plus the shared activities and programmes, see :mod:`network_app.network.graph`), and
every other column of the relations under its own header (one relation: its value as it is, a
number stays a number; several: their values ``|``-separated, a list in JSON).

Personal data (:func:`~network_app.exports.common.is_personal`) are left out unless
``meta.include_personal``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import networkx as nx

from ..drawing.styling import NodeStyle
from ..text import by_language, fill
from ..text.format import as_written
from ..workbook import schema
from .common import ExportMeta, is_personal, plain

__all__ = ["DIRECTIONS_HEADER", "EDGE_COLUMNS", "NODE_COLUMNS", "NODE_HEADERS", "edge_rows",
           "graph_info", "node_rows", "own_header", "relation_columns", "relation_text"]

#: Node attribute → column name. The workbook's own headers, except the Id column, which would
#: clash with the node id in Gephi ("Kennung" is one of its accepted spellings).
NODE_HEADERS: dict[str, str] = {
    "kind": "Knotenart",
    **{c.key: c.header for c in schema.COLUMNS["partners"] if c.key != "name"},
    "id": "Kennung",
    "category": "Hauptkategorie",
    "row": "Zeile",
    "date": "Datum",
    "status": "Status",
    "area": "Bereich",
}

EDGE_HEADERS: dict[str, str] = {
    "kind": "Art",
    "categories": "Kategorie",
    "relations": "Beziehung",
    "activities": "gemeinsame Aktivitäten",
    "programmes": "gemeinsame Programme",
    "strength": "Stärke (1–5)",
    "weight": "Gewicht",
}
#: The directed relations of a tie ("A → B; B → A"). Not "Richtung", which a workbook reads as a
#: direction column of yes/no or Directed/Undirected: an export reads back without warnings.
DIRECTIONS_HEADER = "Richtungen"

#: Column order of the tables (columns no row has are left out; others go before "x").
NODE_COLUMNS = ("Name", "label", "Knotenart", "Kategorie", "Hauptkategorie", "Typ", "Ort",
                "Reichweite", "Seit", "Bis", "Ansprechperson intern", "Kontakt extern", "E-Mail",
                "Telefon", "Website", "Notiz", "Breite", "Länge", "Kennung", "Zeile", "Datum",
                "Status", "Bereich", "x", "y", "Farbe", "Größe")
EDGE_COLUMNS = ("Von", "Nach", "Art", "Kategorie", "Beziehung", DIRECTIONS_HEADER,
                "gemeinsame Aktivitäten", "gemeinsame Programme", "Stärke (1–5)", "Gewicht")
_NODE_ORDER = ("kind", "categories", "category", "type", "place", "reach", "since", "until",
               "contact_internal", "contact_external", "email", "phone", "website", "note",
               "lat", "lon", "id", "row", "date", "status", "area")
_KINDS = by_language("exports.tables.kinds")
_RELATION = by_language("exports.tables.relation")
_SKIPPED = frozenset({"label", "extra", "name"})


def _join(values: Any) -> str:
    return "; ".join(str(v) for v in values if v not in (None, ""))


def relation_text(relation: dict[str, Any], lang: str = "de") -> str:
    """One relation as a line: ``"Projekt (Stärke 3, 2020–2022): Notiz"``.

    The weight is named when it is not the strength itself (a weight of 291 drawn as 5), a
    directed relation starts with its arrow.

    >>> relation_text({"kind": "Projekt", "strength": 3, "since": 2020, "until": None,
    ...                "note": None})
    'Projekt (Stärke 3, seit 2020)'
    >>> relation_text({"kind": None, "strength": 2, "since": 2019, "until": 2021,
    ...                "note": "Förderung"}, "en")
    '– (strength 2, 2019–2021): Förderung'
    >>> relation_text({"kind": "Kredit", "strength": 5, "weight": 291.5, "directed": True,
    ...                "source": "A", "target": "B"})
    'A → B: Kredit (Stärke 5, Gewicht 291,5)'
    """
    words = _RELATION[lang]
    since, until = relation.get("since"), relation.get("until")
    details = [fill(words["strength"], lang, strength=relation.get("strength", 1))]
    weight = relation.get("weight")
    if weight is not None and weight != relation.get("strength", 1):
        details.append(fill(words["weight"], lang, weight=as_written(weight, lang)))
    if since and until:
        details.append(fill(words["span"], lang, since=since, until=until))
    elif since:
        details.append(fill(words["since"], lang, since=since))
    elif until:
        details.append(fill(words["until"], lang, until=until))
    text = f"{relation.get('kind') or '–'} ({', '.join(details)})"
    if relation.get("directed"):
        text = f"{direction_text(relation)}: {text}"
    return f"{text}: {relation['note']}" if relation.get("note") else text


def own_header(header: str, taken: Iterable[str]) -> str:
    """A workbook column's header in an export, ``"Spalte <header>"`` where it would clash with
    one of the export's own columns.

    >>> own_header("Tags", EDGE_COLUMNS), own_header("Gewicht", EDGE_COLUMNS)
    ('Tags', 'Spalte Gewicht')
    """
    return header if header not in set(taken) else f"Spalte {header}"


def direction_text(relation: dict[str, Any]) -> str:
    """``"A → B"`` for a relation from A to B."""
    return f"{relation.get('source')} → {relation.get('target')}"


def relation_columns(relations: list[dict[str, Any]], *, lists: bool = False
                     ) -> dict[str, Any]:
    """The relations' own columns of one tie: the directions and every extra column.

    One value stays as it is (a number stays a number); several are joined with `` | `` (or
    kept as a list with ``lists``). Columns without a value are left out; an extra column named
    like one of the export's own is renamed (:func:`own_header`).

    >>> relation_columns([{"directed": True, "source": "A", "target": "B",
    ...                    "extra": {"Amount": 12.5, "Tags": None}},
    ...                   {"directed": False, "extra": {"Amount": 3, "Tags": "x"}}])
    {'Richtungen': 'A → B', 'Amount': '12.5 | 3', 'Tags': 'x'}
    """
    columns: dict[str, Any] = {}
    directions = [direction_text(r) for r in relations if r.get("directed")]
    if directions:
        columns[DIRECTIONS_HEADER] = directions if lists else "; ".join(directions)
    headers = list(dict.fromkeys(h for r in relations for h in (r.get("extra") or {})))
    for header in headers:
        values = [plain((r.get("extra") or {}).get(header)) for r in relations]
        values = [v for v in values if v not in (None, "")]
        if not values:
            continue
        name = own_header(header, EDGE_COLUMNS)
        if len(values) == 1:
            value = values[0]
            columns[name] = value if isinstance(value, str | int | float | bool) else str(value)
        else:
            columns[name] = values if lists else " | ".join(str(v) for v in values)
    return columns


def node_rows(graph: nx.Graph, positions: dict[Any, tuple[float, float]],
              styles: dict[Any, NodeStyle], meta: ExportMeta, *, lists: bool = False
              ) -> list[tuple[Any, dict[str, Any]]]:
    """(node, columns) for every node; lists joined with ``; `` unless ``lists``.

    Missing values are left out of a row, so every value is a str, int, float or (with
    ``lists``) a list of str.
    """
    kinds = _KINDS[meta.lang]
    rows = []
    for node, attrs in graph.nodes(data=True):
        style = styles[node]
        row: dict[str, Any] = {"label": style.label}
        for key in (*_NODE_ORDER, *sorted(k for k in attrs if k not in _NODE_ORDER)):
            value = plain(attrs.get(key))
            if key in _SKIPPED or value is None or value == [] or value == "":
                continue
            if is_personal(key) and not meta.include_personal:
                continue
            if key == "kind":
                value = kinds.get(value, value)
            if isinstance(value, list | tuple | set):
                value = list(value) if lists else _join(value)
            elif not isinstance(value, str | int | float | bool):
                value = str(value)
            row[NODE_HEADERS.get(key, key)] = value
        for header, value in (attrs.get("extra") or {}).items():
            value = plain(value)
            if value is None or value == "" or (is_personal(header) and not meta.include_personal):
                continue
            name = str(header) if str(header) not in row else f"Spalte {header}"
            row[name] = value if isinstance(value, str | int | float | bool) else str(value)
        x, y = positions.get(node, (0.0, 0.0))
        # Always floats: GEXF and GraphML type a column by its first value.
        row.update({"x": round(float(x), 2), "y": round(float(y), 2), "Farbe": style.color,
                    "Größe": round(float(style.size), 2)})
        rows.append((node, row))
    return rows


def edge_rows(graph: nx.Graph, meta: ExportMeta, *, lists: bool = False
              ) -> list[tuple[Any, Any, dict[str, Any]]]:
    """(a, b, columns) for every edge; lists joined unless ``lists``."""
    kinds = _KINDS[meta.lang]
    # The strength drawn is a column of its own only when it is not the weight itself.
    derived = any(attrs.get("strength") not in (None, attrs.get("weight"))
                  for *_, attrs in graph.edges(data=True))
    rows = []
    for a, b, attrs in graph.edges(data=True):
        row: dict[str, Any] = {}
        if attrs.get("kind"):
            row["Art"] = kinds.get(attrs["kind"], attrs["kind"])
        if attrs.get("categories"):
            row["Kategorie"] = (list(attrs["categories"]) if lists
                                else _join(attrs["categories"]))
        relations = [relation_text(r, meta.lang) for r in attrs.get("relations") or []]
        if relations:
            row["Beziehung"] = relations if lists else " | ".join(relations)
        for header, value in relation_columns(attrs.get("relations") or [],
                                              lists=lists).items():
            if is_personal(header) and not meta.include_personal:
                continue
            row[header] = value
        for key in ("activities", "programmes"):
            if attrs.get(key):
                row[EDGE_HEADERS[key]] = list(attrs[key]) if lists else _join(attrs[key])
        if derived and attrs.get("strength") is not None:
            row[EDGE_HEADERS["strength"]] = attrs["strength"]
        for key, value in attrs.items():
            if key in EDGE_HEADERS or value is None:
                continue
            if isinstance(value, float) and math.isnan(value):
                continue
            if is_personal(key) and not meta.include_personal:
                continue
            row[key] = value if isinstance(value, str | int | float | bool) else str(value)
        weight = attrs.get("weight")
        row["Gewicht"] = 1 if weight is None else weight
        rows.append((a, b, row))
    if not lists:
        _one_type_per_column([row for *_, row in rows])
    return rows


def _one_type_per_column(rows: list[dict[str, Any]]) -> None:
    """GEXF and GraphML type a column by its first value: a column of whole and decimal numbers
    becomes decimal throughout, one that mixes numbers and text becomes text throughout.

    >>> rows = [{"w": 2, "t": 1}, {"w": 2.5, "t": "x"}]
    >>> _one_type_per_column(rows); rows
    [{'w': 2.0, 't': '1'}, {'w': 2.5, 't': 'x'}]
    """
    types: dict[str, set[type]] = {}
    for row in rows:
        for key, value in row.items():
            types.setdefault(key, set()).add(type(value))
    for key, found in types.items():
        if len(found) < 2:
            continue
        if found <= {int, float}:
            convert: Any = float
        else:
            convert = str
        for row in rows:
            if key in row:
                row[key] = convert(row[key])


def graph_info(graph: nx.Graph, meta: ExportMeta) -> dict[str, str]:
    """Graph attributes: title, Datenstand, source, and whether personal data are inside."""
    info = {"Titel": meta.display_title, "Datenstand": meta.data_date, "Quelle": meta.source,
            "Vertraulichkeit": meta.confidentiality, "erstellt": meta.created_text()}
    hub = graph.graph.get("own_organisation")
    if hub:
        info["eigene Organisation"] = str(hub)
    if graph.graph.get("as_of") is not None:
        info["Stand des Netzes"] = str(graph.graph["as_of"])
    return {key: value for key, value in info.items() if value}
