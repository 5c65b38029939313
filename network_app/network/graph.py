"""Building the graph: from validated partner data to NetworkX graphs.

Conventions (all views share them; renderers and exports rely on them)

Node ids are names (``str``): the partner's name, the own organisation's name for the hub. In the
bipartite view activities and programmes get ids by their Excel row, ``"activity:<row>"`` and
``"programme:<row>"`` (see :func:`record_id`), with the name in ``label``: ids are keys, never
text to show, and two activities of the same name stay two nodes.

Node attributes

=============== ===================================================================
``kind``        ``"hub"``, ``"partner"``, ``"activity"`` or ``"programme"``
``label``       the text to show (the name as written)
``categories``  list of canonical categories (partners; empty for the hub)
``category``    the first category or ``""`` (for colouring)
``type``, ``place``, ``reach``, ``since``, ``until``, ``lat``, ``lon``, ``website``,
``note``        the partner's columns; missing values are ``None``. ``lat``/``lon``
                are looked up from the Ort where the workbook gives none
                (:attr:`~network_app.workbook.validation.PartnerData.looked_up`)
``coord_source`` where ``lat``/``lon`` come from: ``"Tabelle"`` (Breite/Länge),
                ``"Ortsname"`` (looked up from the Ort, :mod:`network_app.geo`) or ``None``
``coord_place`` looked-up partners: the name of the place they stand at ("Lippstadt" for
                "Lippstadt-Cappel", :attr:`network_app.geo.Found.name`); ``None`` otherwise
``contact_internal``, ``contact_external``, ``email``, ``phone``
                personal data (see ``schema.PERSONAL_COLUMNS``): exports drop them
``extra``       dict of the workbook's other columns (header → text)
``row``         the partner's Excel row, for messages
=============== ===================================================================

Edge attributes

=============== ===================================================================
``kind``        ``"category"`` (hub–partner) or ``"partner"`` (partner–partner)
``categories``  hub edges: the partner's categories
``relations``   list of the relations between the two (Beziehungen), each a dict
                ``{"source", "target", "directed", "kind", "weight", "strength", "since",
                "until", "note", "extra"}``: ``weight`` as written (or None), ``strength``
                1–5 (see :mod:`network_app.workbook.weights`), ``directed`` True when it
                points from ``source`` to ``target`` (A → B and B → A are two relations of
                one edge), ``extra`` the relation's other columns (header → value)
``activities``  names of the activities both took part in
``programmes``  names of the programmes both belong to
``strength``    partner edges: sum of the relation strengths (1–5 each) + shared activities +
                shared programmes, on the lab's scale: what the pictures draw
``weight``      hub edges 1; partner edges: how much connects the two, for the weighted
                measures: the sum of the relations' weights as written + one unit per shared
                activity and programme (``PartnerData.weight_scale``: on the lab's 1–5 scale
                the unit is 1 and ``weight`` equals ``strength``; with weights of their own
                the unit is the smallest weight, and a relation without a weight counts one
                unit; when some weight is 0 or negative the strengths are summed instead)
=============== ===================================================================

Graph attributes: ``own_organisation``, ``title``, ``source`` (the file), ``as_of`` (see
:func:`build_graph`) and ``directed_source``: True when a relation of the file has a
direction. The graph itself stays undirected (``nx.Graph``): the measures are defined on it.

Analysis never looks at the hub: every partner touches it, so it would make every partner look
alike. :func:`partner_layer` is the one rule for leaving it out; every view, measure and question
about the partners uses it. A network from another tool has no hub at all (no own organisation
named, no partner with a category): its graph holds only the partners and their ties, and every
view, measure and export takes it as it is.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from itertools import combinations
from typing import Any

import networkx as nx
import pandas as pd

from ..collector import paused
from ..geo import FROM_PLACE, FROM_TABLE, Found, has_coordinates
from ..workbook.validation import PartnerData, clean_value
from ..workbook.weights import WeightScale

__all__ = ["bipartite_graph", "build_graph", "partner_layer", "record_id"]

_NODE_COLUMNS = ("id", "type", "place", "reach", "since", "until", "lat", "lon", "website", "note",
                 "contact_internal", "contact_external", "email", "phone")


def build_graph(data: PartnerData, *, as_of: int | None = None) -> nx.Graph:
    """The whole network: the hub, every partner, and every tie between them.

    The hub (the own organisation, tied to every partner) is there only when the data have one
    (:attr:`~network_app.workbook.validation.PartnerData.has_hub`): a network from another
    tool is built as it is, with the graph attribute ``own_organisation`` set to ``""``.

    Parameters
    ----------
    data : PartnerData
        The validated workbook.
    as_of : int, optional
        Build the network as it stood in this year (see
        :func:`network_app.analysis.timeline.active_in`):
        only partners, relations and programmes active that year, only activities up to that
        year (activities without a year always count), and ties only between partners active
        that year. The graph then carries the graph attribute ``as_of``. Without it, everything
        in the workbook is included.
    """
    with _collector_paused():
        return _build(data, as_of)


_collector_paused = paused  # the name the graph's users import
def _build(data: PartnerData, as_of: int | None) -> nx.Graph:
    graph = nx.Graph(own_organisation=data.own_organisation,
                     title=data.settings.get("title", ""), source=data.source_name)
    if as_of is not None:
        graph.graph["as_of"] = as_of
    tables = _records(data, as_of)
    hub = data.own_organisation if data.has_hub else None
    partners = tables["partners"]  # already as the nodes keep them (_partner_nodes)
    nodes = [(attrs["label"], attrs) for attrs in partners]
    _place(nodes, data.looked_up)
    if hub is not None:
        nodes.insert(0, (hub, {"kind": "hub", "label": hub, "categories": [], "category": "",
                               "row": None, "extra": {}, **dict.fromkeys(_NODE_COLUMNS),
                               "coord_source": None, "coord_place": None}))
    _add_nodes(graph, nodes)
    if hub is not None:
        _add_ties(graph, [(hub, attrs["label"], {
            "kind": "category", "categories": list(attrs["categories"]), "weight": 1})
            for attrs in partners])
    graph.graph["directed_source"] = _directed_source(data)
    _add_ties(graph, _partner_ties(tables, data))
    return graph


# The new graph's dicts are filled directly, as networkx's ``add_nodes_from`` and
# ``add_edges_from`` fill them, but keeping the attribute dicts made here for this graph
# instead of copying each one (the two copied 80,000 dicts at 20,000 partners). The graph is
# a plain ``nx.Graph`` no one else has seen yet, so it has no cached conversions to drop.

def _add_nodes(graph: nx.Graph, nodes: list[tuple[str, dict[str, Any]]]) -> None:
    """``graph.add_nodes_from(nodes)`` for attribute dicts of this graph's own."""
    node_table, adjacency = graph._node, graph._adj
    for node, attrs in nodes:
        if node in node_table:  # named twice: the attributes merged, as networkx does
            node_table[node].update(attrs)
        elif node is None:
            raise ValueError("None cannot be a node")
        else:
            adjacency[node] = {}
            node_table[node] = attrs


def _add_ties(graph: nx.Graph, ties: list[tuple[str, str, dict[str, Any]]]) -> None:
    """``graph.add_edges_from(ties)`` for attribute dicts of this graph's own: a tie's dict is
    shared by both ends; a tie that is there already gets the attributes merged in."""
    node_table, adjacency = graph._node, graph._adj
    for u, v, attrs in ties:
        for end in (u, v):
            if end not in node_table:  # an end that is no node yet becomes one, bare
                if end is None:
                    raise ValueError("None cannot be a node")
                adjacency[end] = {}
                node_table[end] = {}
        present = adjacency[u].get(v)
        if present is None:
            adjacency[u][v] = adjacency[v][u] = attrs
        else:
            present.update(attrs)


def _partner_nodes(frame: pd.DataFrame, extra_columns: list[str]) -> list[dict[str, Any]]:
    """Every partner node's attributes (see the module's table), in the order they always had,
    made a column at a time (no row dict in between); ``label`` is the name."""
    count = len(frame)

    def cells(field: str) -> list[Any]:
        return _cells(frame[field]) if field in frame.columns else [None] * count

    fixed = len(_NODE_COLUMNS)
    nodes = []
    for name, categories, category, row, *values in zip(
            _cells(frame["name"]), _cells(frame["categories"]), _cells(frame["category"]),
            _cells(frame["row"]), *(cells(c) for c in _NODE_COLUMNS),
            *(cells(c) for c in extra_columns), strict=True):
        attrs = {"kind": "partner", "label": name, "categories": list(categories),
                 "category": category, "row": int(row),
                 "extra": dict(zip(extra_columns, values[fixed:], strict=True))}
        attrs.update(zip(_NODE_COLUMNS, values, strict=False))
        nodes.append(attrs)
    return nodes


def _place(nodes: list[tuple[str, dict[str, Any]]], looked_up: dict[str, Found]) -> None:
    """``coord_source`` and ``coord_place`` of every partner node, and ``lat``/``lon`` from its
    Ort where the workbook gives none (see the module's table)."""
    for name, attrs in nodes:
        if has_coordinates(attrs):
            attrs.update(coord_source=FROM_TABLE, coord_place=None)
        elif (found := looked_up.get(name)) is not None:
            attrs.update(lat=found.place.lat, lon=found.place.lon, coord_source=FROM_PLACE,
                         coord_place=found.name)
        else:
            attrs.update(coord_source=None, coord_place=None)


def _partner_ties(tables: dict[str, list[dict[str, Any]]], data: PartnerData
                  ) -> list[tuple[str, str, dict[str, Any]]]:
    """Every partner–partner tie with its attributes, in one pass over the rows.

    The ties are collected in a dict keyed by the pair as first met (either order finds it), so
    ``add_edges_from`` inserts them in the order a row-by-row build would, and no row looks
    anything up in the graph.
    """
    ties: dict[tuple[str, str], dict[str, Any]] = {}
    known = ties.get

    def tie(a: str, b: str) -> dict[str, Any]:
        attrs = known((a, b)) or known((b, a))  # a tie's dict is never empty
        if attrs is None:
            attrs = ties[a, b] = {"kind": "partner", "relations": [], "activities": [],
                                  "programmes": [], "strength": 0, "weight": 0}
        return attrs

    scale = data.weight_scale
    for relation in tables["relations"]:  # already as the edge keeps it (_relations)
        attrs = tie(relation["source"], relation["target"])
        attrs["relations"].append(relation)
        attrs["strength"] += relation["strength"]
        attrs["weight"] += _measured(relation, scale)
    for key in ("activities", "programmes"):
        for record in tables[key]:
            name = record["name"]
            for a, b in combinations(record["participants"], 2):
                attrs = tie(a, b)
                attrs[key].append(name)
                attrs["strength"] += 1
                attrs["weight"] += scale.unit
    return [(a, b, attrs) for (a, b), attrs in ties.items()]


def _relation(record: dict[str, Any], extra_columns: list[str]) -> dict[str, Any]:
    """A row of Beziehungen as the edge keeps it (see the module's table).

    Data built by hand may lack the newer columns: no ``weight`` means the strength is the
    weight, no ``directed`` means no direction.
    """
    strength = record.get("strength")
    strength = 1 if strength is None else int(strength)
    return {
        "source": record["source"], "target": record["target"],
        "directed": bool(record.get("directed")),
        "kind": record.get("kind"),
        "weight": record["weight"] if "weight" in record else strength,
        "strength": strength,
        "since": record.get("since"), "until": record.get("until"), "note": record.get("note"),
        "extra": {column: record.get(column) for column in extra_columns},
    }


def _relations(frame: pd.DataFrame, extra_columns: list[str]) -> list[dict[str, Any]]:
    """:func:`_relation` of every row of Beziehungen, made a column at a time (no row dict in
    between: 20,000 of them took a fifth of building 5,000 partners)."""
    count = len(frame)

    def cells(field: str) -> list[Any]:
        return _cells(frame[field]) if field in frame.columns else [None] * count

    strengths = [1 if strength is None else int(strength) for strength in cells("strength")]
    weights = cells("weight") if "weight" in frame.columns else strengths
    extras = ([dict(zip(extra_columns, values, strict=True))
               for values in zip(*(cells(c) for c in extra_columns), strict=True)]
              if extra_columns else [{} for _ in range(count)])
    return [{"source": source, "target": target, "directed": bool(directed), "kind": kind,
             "weight": weight, "strength": strength, "since": since, "until": until,
             "note": note, "extra": extra}
            for source, target, directed, kind, weight, strength, since, until, note, extra
            in zip(cells("source"), cells("target"), cells("directed"), cells("kind"), weights,
                   strengths, cells("since"), cells("until"), cells("note"), extras,
                   strict=True)]


def _measured(relation: dict[str, Any], scale: WeightScale) -> float:
    """What a relation adds to its edge's ``weight`` (see the module's table)."""
    if not scale.measured:
        return int(relation["strength"])
    weight = relation["weight"]
    return scale.unit if weight is None else weight


def _directed_source(data: PartnerData) -> bool:
    """Whether any relation of the file points one way."""
    directed = data.relations.get("directed")
    return directed is not None and bool(directed.fillna(False).astype(bool).any())


def _active_in(since: int | None, until: int | None, year: int) -> bool:
    """The one rule for "active in a year": an open end (no Seit, no Bis) is no limit."""
    return (since is None or since <= year) and (until is None or until >= year)


def _rows(frame: pd.DataFrame, fields: Iterable[str]) -> list[dict[str, Any]]:
    """The rows of ``frame`` as dicts of the ``fields`` it has, missing values None.

    What ``PartnerData.records`` gives, read a column at a time and only the columns the graph
    uses (an activity's date, status and area are not read).
    """
    present = [f for f in dict.fromkeys(fields) if f in frame.columns]
    columns = [_cells(frame[f]) for f in present]
    return [dict(zip(present, values, strict=True)) for values in zip(*columns, strict=True)]


def _cells(column: pd.Series) -> list[Any]:
    """A column's values as ``clean_value`` makes them.

    A column of one type (text, whole numbers, yes/no) gives Python values from ``tolist``
    already: only its missing values need replacing, found for the whole column at once. Mixed
    columns (lists of names, cells of several types) go value by value.
    """
    if column.dtype == object:
        return [clean_value(v) for v in column.tolist()]
    missing = column.isna().tolist()
    return [None if gone else value
            for value, gone in zip(column.tolist(), missing, strict=True)]


def _records(data: PartnerData, as_of: int | None) -> dict[str, list[dict[str, Any]]]:
    """The rows build_graph uses: all of them, or those that existed in ``as_of``; partners
    and relations already as their nodes and edges keep them."""
    tables = {
        "partners": _partner_nodes(data.partners, data.extra_columns),
        "relations": _relations(data.relations, data.relation_extra_columns),
        "activities": _rows(data.activities, ("name", "participants", "year")),
        "programmes": _rows(data.programmes, ("name", "participants", "since", "until")),
    }
    if as_of is None:
        return tables
    partners = [r for r in tables["partners"] if _active_in(r["since"], r["until"], as_of)]
    # The hub may be named in a relation; it exists in every year.
    present = {r["label"] for r in partners}
    if data.has_hub:
        present.add(data.own_organisation)
    relations = [r for r in tables["relations"]
                 if _active_in(r["since"], r["until"], as_of)
                 and r["source"] in present and r["target"] in present]
    activities = [r for r in tables["activities"] if r["year"] is None or r["year"] <= as_of]
    programmes = [r for r in tables["programmes"] if _active_in(r["since"], r["until"], as_of)]
    # A partner who had left (or not yet come) takes part in no tie of that year.
    for record in (*activities, *programmes):
        record["participants"] = [n for n in record["participants"] if n in present]
    return {"partners": partners, "relations": relations, "activities": activities,
            "programmes": programmes}


#: Node kinds that are not partners: what :func:`partner_layer` leaves out.
_NOT_PARTNERS = frozenset({"hub", "activity", "programme"})


def partner_layer(graph: nx.Graph, *, ordered: bool = False) -> nx.Graph:
    """The partners and the ties between them: the one rule for leaving out the hub.

    A node is a partner unless its ``kind`` says it is the hub, an activity or a programme. A
    node without a ``kind`` counts as a partner, so a graph without a hub (a partner layer
    already, or a plain networkx graph in a test or notebook) is taken as it is. A tie of a
    partner with itself connects nobody and is left out. The result is a new graph with the
    graph's attributes; ``graph`` is not changed.

    Parameters
    ----------
    graph : nx.Graph
        The full graph of :func:`build_graph`, a view, or a partner layer.
    ordered : bool
        Insert nodes and ties in sorted order and give every tie a ``weight`` (1 where it has
        none). The measures need this (metrics, communities, brokers): seeded algorithms then
        give the same result however the workbook was ordered, and weighted ones find a weight on
        every tie. Without it the partners keep the graph's order (the workbook's), which is what
        views, profiles, paths, what-if and suggestions need: they show the graph or sort names
        themselves.

    Examples
    --------
    >>> graph = nx.Graph([("Soest", "Uni"), ("Soest", "Lab"), ("Uni", "Lab"), ("Lab", "Lab")])
    >>> graph.nodes["Soest"]["kind"] = "hub"
    >>> list(partner_layer(graph).edges)
    [('Uni', 'Lab')]
    >>> list(partner_layer(graph, ordered=True).edges(data="weight"))
    [('Lab', 'Uni', 1)]
    >>> sorted(partner_layer(nx.path_graph(3)))  # no hub: taken as it is
    [0, 1, 2]
    """
    partners = [n for n, kind in graph.nodes(data="kind") if kind not in _NOT_PARTNERS]
    if not ordered and not graph.is_multigraph():
        with _collector_paused():
            return _layer_copy(graph, set(partners))
    if not ordered:
        layer = graph.subgraph(partners).copy()
        layer.remove_edges_from(list(nx.selfloop_edges(layer)))
        return layer
    with _collector_paused():
        return _ordered_layer(graph, partners)


def _ordered_layer(graph: nx.Graph, partners: list[Hashable]) -> nx.Graph:
    """:func:`partner_layer` with ``ordered=True``."""
    nodes = _sorted(partners)
    layer = nx.Graph()
    layer.graph.update(graph.graph)
    layer.add_nodes_from((n, graph.nodes[n]) for n in nodes)
    position = {n: i for i, n in enumerate(nodes)}
    edges = []
    for u, v, data in graph.edges(data=True):
        if u != v and u in position and v in position:
            if position[u] > position[v]:
                u, v = v, u
            weight = data.get("weight")
            edges.append((u, v, {**data, "weight": 1 if weight is None else weight}))
    edges.sort(key=lambda e: (position[e[0]], position[e[1]]))
    layer.add_edges_from(edges)
    return layer


def _layer_copy(graph: nx.Graph, keep: set[Hashable]) -> nx.Graph:
    """The partner layer in the graph's order, built straight from its dicts: what
    ``graph.subgraph(partners).copy()`` gives without the self-loops (same nodes, ties, order
    and copied attribute dicts), without reading through filtered views and adding every tie
    once (20,000 partners and 80,000 ties: 0.5 s instead of 1.2 s)."""
    layer = graph.__class__()
    layer.graph.update(graph.graph)
    layer.add_nodes_from((n, attrs.copy()) for n, attrs in graph.nodes(data=True) if n in keep)
    adjacency = graph.adj
    if graph.is_directed():
        layer.add_edges_from((u, v, attrs.copy()) for u in layer for v, attrs in
                             adjacency[u].items() if v in keep and v != u)
        return layer
    # An undirected tie is added from the end that comes first; the other end's neighbours
    # then are in the same order as in a copy (which adds each tie from both ends).
    done: set[Hashable] = set()
    for u in layer:
        layer.add_edges_from((u, v, attrs.copy()) for v, attrs in adjacency[u].items()
                             if v in keep and v != u and v not in done)
        done.add(u)
    return layer


def _sorted(items: Iterable[Hashable]) -> list[Any]:
    """Sorted by value; by text where values do not compare (mixed types)."""
    items = list(items)
    try:
        return sorted(items)
    except TypeError:
        return sorted(items, key=repr)


def record_id(kind: str, row: int) -> str:
    """The node id of a row of the Aktivitäten or Programme sheet in the bipartite graph.

    >>> record_id("activity", 12), record_id("programme", 3)
    ('activity:12', 'programme:3')
    """
    return f"{kind}:{int(row)}"


def bipartite_graph(data: PartnerData) -> nx.Graph:
    """Partners linked to the activities and programmes they take part in.

    Activities and programmes are nodes of their own (ids by :func:`record_id`, the name in
    ``label``); partners are linked to each one they take part in.
    """
    graph = nx.Graph(own_organisation=data.own_organisation)
    for record in data.records("partners"):
        graph.add_node(record["name"], kind="partner", label=record["name"],
                       categories=list(record["categories"]), category=record["category"],
                       row=int(record["row"]))
    for record in data.records("activities"):
        node = record_id("activity", record["row"])
        graph.add_node(node, kind="activity", label=record["name"], categories=[],
                       category="", row=int(record["row"]), date=record["date"],
                       status=record["status"], area=record["area"])
        for name in record["participants"]:
            graph.add_edge(name, node, kind="activity", weight=1)
    for record in data.records("programmes"):
        node = record_id("programme", record["row"])
        graph.add_node(node, kind="programme", label=record["name"], categories=[],
                       category="", row=int(record["row"]), since=record["since"],
                       until=record["until"])
        for name in record["participants"]:
            graph.add_edge(name, node, kind="programme", weight=1)
    return graph
