"""The network as data for other tools: GEXF (Gephi), GraphML (Cytoscape, yEd, igraph),
node-link JSON (D3, scripts) and CSV (Excel, LibreOffice).

Node ids are the names; the columns are those of :mod:`network_app.exports.tables` (German
names, ``label`` for the shown text, ``weight`` for the tie weight where tools look for it).

* GEXF carries the picture in its viz namespace: position (y flipped, since Gephi's y grows
  upwards), colour (r, g, b) and size, so Gephi opens with the app's picture. The graph's name is
  the title ("(intern)" with personal data).
* GraphML and GEXF accept only scalar values: lists are joined with ``; `` (relations with
  `` | ``). Missing values are left out. Title, Datenstand, source and "Vertraulichkeit" are
  graph attributes in GraphML and JSON.
* JSON (``networkx.node_link_data(edges="edges")``) keeps lists as JSON lists: the format has
  them, and a script should not have to split text.
* CSV writes two files next to the given path, ``<stem>_knoten.csv`` and ``<stem>_kanten.csv``
  (one table each, as Excel and Gephi's import expect; a zip would not open with a double click).
  They are written the way German Excel reads them with a double click: UTF-8 with BOM, ``;``
  between cells, decimal comma and "ja"/"nein" (an English export: decimal point, "yes"/"no").
  Text that would start a formula gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import networkx as nx

from ..drawing.styling import NodeStyle
from ..text import by_language, number
from .common import ExportMeta, atomic_target, csv_text
from .tables import EDGE_COLUMNS, NODE_COLUMNS, edge_rows, graph_info, node_rows

__all__ = ["csv_paths", "write_csv", "write_gexf", "write_graphml", "write_json"]

_DRAWING = ("x", "y", "Farbe", "Größe")
_WORDS = by_language("exports.graphs")
#: Decimals a CSV number keeps at most (a float's full precision, without binary noise).
_DIGITS = 15


def _data_graph(graph: nx.Graph, positions: dict[Any, tuple[float, float]],
                styles: dict[Any, NodeStyle], meta: ExportMeta, *, lists: bool = False,
                weight_key: str = "weight") -> nx.Graph:
    """A copy whose attributes are the export columns (personal data only if asked for)."""
    out = nx.Graph()
    out.graph.update(graph_info(graph, meta))
    for node, row in node_rows(graph, positions, styles, meta, lists=lists):
        out.add_node(node, **row)
    for a, b, row in edge_rows(graph, meta, lists=lists):
        row[weight_key] = row.pop("Gewicht")
        out.add_edge(a, b, **row)
    return out


#: What XML 1.0 cannot hold: C0 control characters but tab and line breaks, surrogates,
#: U+FFFE and U+FFFF. A workbook's text may contain them (a CSV cell with \x01); lxml refuses
#: them in GraphML and ElementTree writes them into GEXF that no reader opens.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: Any) -> Any:
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _xml_graph(graph: nx.Graph) -> nx.Graph:
    """``graph`` with every name and text attribute XML can hold (each character it cannot
    becomes U+FFFD); two names that become equal stay two nodes (" (2)" added)."""
    if not any(_NOT_XML.search(str(x)) for x in (*graph.nodes, *graph.graph.values(),
                                                  *(v for _, d in graph.nodes(data=True)
                                                    for v in d.values()),
                                                  *(v for _, _, d in graph.edges(data=True)
                                                    for v in d.values()))
               if isinstance(x, str)):
        return graph
    names: dict[Any, Any] = {}
    taken: set[Any] = set()
    for node in graph.nodes:
        name = _xml_text(node)
        count = 1
        while name in taken:
            count += 1
            name = f"{_xml_text(node)} ({count})"
        taken.add(name)
        names[node] = name
    out = nx.Graph()
    out.graph.update({key: _xml_text(value) for key, value in graph.graph.items()})
    for node, attrs in graph.nodes(data=True):
        out.add_node(names[node], **{key: _xml_text(value) for key, value in attrs.items()})
    for a, b, attrs in graph.edges(data=True):
        out.add_edge(names[a], names[b],
                     **{key: _xml_text(value) for key, value in attrs.items()})
    return out


def _rgb(color: str) -> dict[str, int]:
    value = color.lstrip("#")
    if len(value) != 6:
        return {"r": 140, "g": 140, "b": 140}
    return {"r": int(value[0:2], 16), "g": int(value[2:4], 16), "b": int(value[4:6], 16)}


def write_gexf(path: str | os.PathLike[str], graph: nx.Graph,
               positions: dict[Any, tuple[float, float]], styles: dict[Any, NodeStyle],
               legend: list[tuple[str, str]], meta: ExportMeta) -> Path:
    """GEXF 1.2 with viz positions, colours and sizes, for Gephi."""
    out = _data_graph(graph, positions, styles, meta)
    info = dict(out.graph)
    out.graph.clear()
    out.graph["name"] = info.get("Titel", "")
    for _node, attrs in out.nodes(data=True):
        attrs["viz"] = {
            "position": {"x": attrs["x"], "y": -attrs["y"], "z": 0.0},
            "color": {**_rgb(attrs["Farbe"]), "a": 1.0},
            "size": attrs["Größe"],
        }
    for a, b, attrs in out.edges(data=True):
        thick = attrs.get("Art") not in ("Kategorie", "category")
        # drawn as in the app: by the strength on the 1–5 scale, not a weight of 291
        tie = graph.edges[a, b]
        drawn = tie.get("strength", tie.get("weight")) or 1
        attrs["viz"] = {"thickness": float(min(1 + drawn, 8)) if thick else 1.0}
    with atomic_target(path) as temporary:
        nx.write_gexf(_xml_graph(out), temporary, encoding="utf-8", prettyprint=True)
    return Path(path)


def write_graphml(path: str | os.PathLike[str], graph: nx.Graph,
                  positions: dict[Any, tuple[float, float]], styles: dict[Any, NodeStyle],
                  legend: list[tuple[str, str]], meta: ExportMeta) -> Path:
    """GraphML with the export columns as typed keys, for Cytoscape, yEd and igraph."""
    out = _data_graph(graph, positions, styles, meta)
    with atomic_target(path) as temporary:
        nx.write_graphml(_xml_graph(out), temporary, encoding="utf-8", prettyprint=True,
                         infer_numeric_types=True)
    return Path(path)


def write_json(path: str | os.PathLike[str], graph: nx.Graph,
               positions: dict[Any, tuple[float, float]], styles: dict[Any, NodeStyle],
               legend: list[tuple[str, str]], meta: ExportMeta) -> Path:
    """Node-link JSON (``nodes``, ``edges``, ``graph``) with the legend as a graph attribute."""
    out = _data_graph(graph, positions, styles, meta, lists=True)
    out.graph["Legende"] = [{"label": label, "Farbe": color} for label, color in legend]
    data = nx.node_link_data(out, edges="edges")
    text = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
    with atomic_target(path) as temporary:
        temporary.write_text(text + "\n", encoding="utf-8")
    return Path(path)


def csv_paths(path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Where :func:`write_csv` writes: ``<stem>_knoten.csv`` and ``<stem>_kanten.csv``.

    >>> [p.name for p in csv_paths("out/netz.csv")]
    ['netz_knoten.csv', 'netz_kanten.csv']
    """
    target = Path(path)
    stem = target.stem if target.suffix.lower() == ".csv" else target.name
    return target.with_name(f"{stem}_knoten.csv"), target.with_name(f"{stem}_kanten.csv")


def _cell(value: Any, lang: str = "de") -> str:
    """A CSV cell as a spreadsheet in ``lang`` reads it: decimal comma in German, point in
    English (no grouping, so it stays a number); yes/no in words; text safe from formulas.

    >>> _cell(0.125), _cell(0.125, "en"), _cell(-3.0), _cell(12345.5)
    ('0,125', '0.125', '-3', '12345,5')
    >>> _cell(True), _cell(False, "en"), _cell(None), _cell("=1+1")
    ('ja', 'no', '', "'=1+1")
    >>> _cell(1e30), _cell(-2.5e-30), _cell(-1.5e300, "en")
    ('1E+30', '-2,5E-30', '-1.5E+300')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return _WORDS[lang]["yes" if value else "no"]
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        if value and not 1e-6 <= abs(value) < 1e15:
            # every digit it has times a power of ten, as a spreadsheet reads it: 1E+30
            text = repr(value).upper()
            return text.replace(".", ",") if lang == "de" else text
        return number(value, lang, digits=_DIGITS, grouping=False)
    if isinstance(value, int):
        return str(value)
    return csv_text(str(value))


def _table(rows: list[dict[str, Any]], order: tuple[str, ...], lang: str) -> str:
    present = {key for row in rows for key in row}
    known = [c for c in order if c in present]
    others = [key for row in rows for key in row if key not in order]
    others = list(dict.fromkeys(others))
    tail = [c for c in known if c in _DRAWING]
    columns = [c for c in known if c not in _DRAWING] + others + tail
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_cell(c, lang) for c in columns])
    for row in rows:
        writer.writerow([_cell(row.get(c), lang) for c in columns])
    return buffer.getvalue()


def write_csv(path: str | os.PathLike[str], graph: nx.Graph,
              positions: dict[Any, tuple[float, float]], styles: dict[Any, NodeStyle],
              legend: list[tuple[str, str]], meta: ExportMeta) -> list[Path]:
    """Two CSV files, nodes and edges (see :func:`csv_paths`); returns both paths.

    Both are complete before either replaces an older file.
    """
    nodes = [{"Name": node, **row}
             for node, row in node_rows(graph, positions, styles, meta)]
    edges = [{"Von": a, "Nach": b, **row} for a, b, row in edge_rows(graph, meta)]
    texts = [_table(nodes, NODE_COLUMNS, meta.lang), _table(edges, EDGE_COLUMNS, meta.lang)]
    targets = csv_paths(path)
    with ExitStack() as stack:
        temporaries = [stack.enter_context(atomic_target(t)) for t in targets]
        for temporary, text in zip(temporaries, texts, strict=True):
            temporary.write_text(text, encoding="utf-8-sig", newline="")
    return list(targets)
