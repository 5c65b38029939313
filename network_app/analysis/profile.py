"""Profiles and connections: one partner's card, its neighbourhood, and how two partners connect.

Everything here answers a staff member's question in plain words: *Who is this partner, and
why is it tied to whom?* (:func:`partner_profile`), *Who is near it?* (:func:`ego_network`),
*How are we connected to X?* (:func:`connection_paths`). Paths and neighbourhoods use the
partner layer: through the hub every partner is two steps from every other, which explains
nothing.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..network.graph import partner_layer
from ..text import join_list, say, words
from ..text.format import as_written
from ..workbook import schema
from ..workbook.schema import name_key
from ..workbook.validation import PartnerData

__all__ = [
    "ExplainedPath",
    "Profile",
    "Tie",
    "connection_paths",
    "ego_network",
    "no_path_sentence",
    "partner_profile",
]

#: The partner's columns on its card, in this order; personal ones only when asked for.
_CARD = ("type", "place", "reach", "since", "until", *schema.PERSONAL_COLUMNS, "website", "note")


def _say(key: str, lang: str, **params: Any) -> str:
    return say(f"analysis.profile.{key}", lang, **params)


@dataclass(frozen=True)
class Tie:
    """A neighbour and why the two are tied.

    Attributes
    ----------
    other : str
        The neighbour's name.
    reasons : list of str
        One line per reason, e.g. ``"Beziehung: Projektpartner (Stärke 3, seit 2022)"``,
        ``"gemeinsame Aktivität: Workshop (2022-08-12)"``, ``"gemeinsames Programm: Verbund 5"``.
    weight : float
        How much connects the two (the edge's ``weight``: the relations' weights as written
        plus shared activities and programmes).
    """

    other: str
    reasons: list[str]
    weight: float = 0


@dataclass(frozen=True)
class Profile:
    """One partner's card.

    Attributes
    ----------
    name : str
    categories : list of str
    attributes : list of (str, str)
        (label, value) for Typ, Ort, Reichweite, Seit, Bis, the personal columns (only when
        asked for), Website, Notiz and every other column of the workbook; empty ones left out.
    activities : list of (str, str | None, str | None, str | None)
        (name, date, status, area) of every activity the partner took part in, in sheet order.
    programmes : list of str
        The programmes the partner belongs to, in sheet order.
    neighbours : list of Tie
        Partners tied to it in the graph, strongest first, then alphabetically.
    """

    name: str
    categories: list[str]
    attributes: list[tuple[str, str]]
    activities: list[tuple[str, str | None, str | None, str | None]]
    programmes: list[str]
    neighbours: list[Tie] = field(default_factory=list)


def partner_profile(data: PartnerData, graph: nx.Graph, name: str, *,
                    include_personal: bool = False, lang: str = "de") -> Profile:
    """The card of partner ``name``: its columns, activities, programmes and ties.

    Parameters
    ----------
    data : PartnerData
        The workbook: columns, activities and programmes come from here.
    graph : nx.Graph
        The graph whose ties are explained (e.g. a filtered view); a partner not in it has no
        neighbours.
    name : str
        The partner's name as in the workbook.
    include_personal : bool
        Show Ansprechperson intern, Kontakt extern, E-Mail and Telefon (personal data).
    lang : {"de", "en"}
        Language of the labels and reasons (values stay as written).

    Raises
    ------
    KeyError
        When the workbook has no partner ``name``.
    """
    record = next((r for r in data.records("partners") if r["name"] == name), None)
    if record is None:
        raise KeyError(name)
    attributes = []
    for key in _CARD:
        if key in schema.PERSONAL_COLUMNS and not include_personal:
            continue
        if record.get(key) is not None:
            attributes.append((words("workbook.fields", lang)[key], str(record[key])))
    attributes += [(column, str(record[column])) for column in data.extra_columns
                   if record.get(column) is not None]
    activities = data.records("activities")
    return Profile(
        name=name,
        categories=list(record["categories"]),
        attributes=attributes,
        activities=[(a["name"], a["date"], a["status"], a["area"]) for a in activities
                    if name in a["participants"]],
        programmes=[p["name"] for p in data.records("programmes") if name in p["participants"]],
        neighbours=_neighbours(graph, name, _ActivityDates(activities), lang),
    )


def _neighbours(graph: nx.Graph, name: str, dates: _ActivityDates, lang: str) -> list[Tie]:
    if name not in graph:
        return []
    ties = []
    for other in graph.neighbors(name):
        edge = graph.edges[name, other]
        if edge.get("kind") != "partner":
            continue
        reasons = [_relation_text(r, lang) for r in edge.get("relations", [])]
        reasons += [_say("reason_activity_dated", lang, name=title, date=date) if date else
                    _say("reason_activity", lang, name=title)
                    for title, date in dates.shared(name, other, edge.get("activities", []))]
        reasons += [_say("reason_programme", lang, name=p) for p in edge.get("programmes", [])]
        ties.append(Tie(other, reasons, edge.get("weight", 0)))
    ties.sort(key=lambda tie: (-tie.weight, name_key(tie.other)))
    return ties


def _relation_text(relation: dict[str, Any], lang: str) -> str:
    """"Beziehung: Projektpartner (Stärke 3, seit 2022)"; no kind when the sheet has none.

    A weight that is not the strength itself is named, a directed relation shows its arrow, and
    the relation's other columns follow with their headers:

    >>> _relation_text({"kind": "Kredit", "strength": 5, "weight": 291, "directed": True,
    ...                 "source": "Bank", "target": "Staat",
    ...                 "extra": {"Amount Owed (billions)": 12.5, "Tags": None}}, "en")
    'Relation: Kredit (strength 5, weight 291, Bank → Staat, Amount Owed (billions): 12.5)'
    """
    # Years are names of years, not amounts: no thousands separator.
    details = [_say("strength", lang, n=int(relation.get("strength", 1)))]
    weight = relation.get("weight")
    if weight is not None and weight != relation.get("strength", 1):
        details.append(_say("weight", lang, weight=as_written(weight, lang)))
    since, until = relation.get("since"), relation.get("until")
    if since is not None and until is not None:
        details.append(_say("span", lang, since=str(since), until=str(until)))
    elif since is not None:
        details.append(_say("since", lang, year=str(since)))
    elif until is not None:
        details.append(_say("until", lang, year=str(until)))
    if relation.get("directed"):
        details.append(f"{relation.get('source')} → {relation.get('target')}")
    for header, value in (relation.get("extra") or {}).items():
        if value is None or value == "":
            continue
        shown = as_written(value, lang) if isinstance(value, int | float) and not isinstance(
            value, bool) else str(value)
        details.append(f"{header}: {shown}")
    listed = join_list(details, lang, conjunction=False)
    if relation.get("kind"):
        return _say("reason_relation_kind", lang, kind=relation["kind"], details=listed)
    return _say("reason_relation", lang, details=listed)


class _ActivityDates:
    """Dates of shared activities: the graph's edges name activities, the sheet has the dates."""

    def __init__(self, activities: list[dict[str, Any]]) -> None:
        self.by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for record in activities:
            self.by_name[record["name"]].append(record)

    def shared(self, a: str, b: str, names: list[str], *, year_only: bool = False
               ) -> list[tuple[str, str | None]]:
        """(name, date) for each shared activity; a repeated name takes its rows in order."""
        used: dict[str, int] = defaultdict(int)
        result: list[tuple[str, str | None]] = []
        for title in names:
            rows = [r for r in self.by_name.get(title, ())
                    if a in r["participants"] and b in r["participants"]]
            row = rows[used[title]] if used[title] < len(rows) else None
            used[title] += 1
            if row is None:
                result.append((title, None))
            elif year_only:
                result.append((title, None if row["year"] is None else str(row["year"])))
            else:
                result.append((title, row["date"]))
        return result


def ego_network(graph: nx.Graph, name: str, steps: int = 1) -> nx.Graph:
    """Partner ``name`` and every partner within ``steps`` ties (hub left out), as a copy.

    Parameters
    ----------
    graph : nx.Graph
        A graph with or without the hub; only its partner layer is used.
    name : str
        The partner in the middle.
    steps : int
        1 (its partners), 2 (partners of partners) or 3.

    Raises
    ------
    ValueError
        When ``steps`` is not 1, 2 or 3.
    KeyError
        When ``name`` is not a partner of ``graph``.

    Examples
    --------
    >>> g = nx.path_graph(["A", "B", "C", "D"])
    >>> nx.set_node_attributes(g, "partner", "kind")
    >>> sorted(ego_network(g, "A", steps=2))
    ['A', 'B', 'C']
    """
    if steps not in (1, 2, 3):
        raise ValueError(f"steps must be 1, 2 or 3, not {steps!r}")
    layer = partner_layer(graph)
    if name not in layer:
        raise KeyError(name)
    return nx.ego_graph(layer, name, radius=steps).copy()


@dataclass(frozen=True)
class ExplainedPath:
    """One shortest way from one partner to another, and why each step is a tie.

    Attributes
    ----------
    nodes : list of str
        The partners along the way, from the first to the last.
    steps : list of str
        One explanation per tie (``len(nodes) - 1`` of them).
    """

    nodes: list[str]
    steps: list[str]


def connection_paths(graph: nx.Graph, a: str, b: str, *, max_paths: int = 3, lang: str = "de",
                     data: PartnerData | None = None) -> list[ExplainedPath]:
    """How partners ``a`` and ``b`` are connected: the shortest ways in the partner layer.

    Parameters
    ----------
    graph : nx.Graph
        A graph with or without the hub; the hub is never a step (through it, every partner is
        two steps from every other).
    a, b : str
        The two partners.
    max_paths : int
        At most this many of the shortest paths (fewest steps) are returned, in alphabetical
        order of the partners along the way, so the same graph gives the same answer.
    lang : {"de", "en"}
        Language of the explanations.
    data : PartnerData, optional
        When given, activities are named with their year (the graph keeps only their names).

    Returns
    -------
    list of ExplainedPath
        Empty when no path exists in the partner layer; :func:`no_path_sentence` then says so.
        For ``a == b`` one path of one partner and no steps.

    Raises
    ------
    KeyError
        When ``a`` or ``b`` is not a partner of ``graph``.
    """
    layer = partner_layer(graph)
    for name in (a, b):
        if name not in layer:
            raise KeyError(name)
    dates = _ActivityDates(data.records("activities") if data is not None else [])
    return [ExplainedPath(path, [_step(layer, u, v, dates, lang)
                                 for u, v in zip(path, path[1:], strict=False)])
            for path in _shortest_paths(layer, a, b, max_paths)]


def _shortest_paths(layer: nx.Graph, a: str, b: str, limit: int) -> list[list[str]]:
    """The first ``limit`` shortest paths in alphabetical order, without listing them all.

    A breadth-first search from ``b`` gives every partner's distance to ``b``; walking from
    ``a`` to neighbours one step closer, alphabetically, yields the paths in order. Dense
    networks can have millions of shortest paths, so generating all and sorting would not do.
    """
    distance = {b: 0}
    queue = deque([b])
    while queue and a not in distance:
        node = queue.popleft()
        for other in layer.neighbors(node):
            if other not in distance:
                distance[other] = distance[node] + 1
                queue.append(other)
    if a not in distance or limit < 1:
        return []
    paths: list[list[str]] = []

    def walk(path: list[str]) -> None:
        node = path[-1]
        if node == b:
            paths.append(list(path))
            return
        closer = sorted((n for n in layer.neighbors(node)
                         if distance.get(n) == distance[node] - 1), key=name_key)
        for other in closer:
            if len(paths) >= limit:
                return
            walk([*path, other])

    walk([a])
    return paths


def _step(layer: nx.Graph, a: str, b: str, dates: _ActivityDates, lang: str) -> str:
    """One tie in words: relation first, then shared activities, then programmes."""
    edge = layer.edges[a, b]
    sentences = []
    kinds = [r["kind"] for r in edge.get("relations", []) if r.get("kind")]
    if kinds:
        sentences.append(_say("path_relation_kinds", lang, a=a, b=b,
                              kinds=join_list(kinds, lang)))
    elif edge.get("relations"):
        sentences.append(_say("path_relation", lang, a=a, b=b))
    if edge.get("activities"):
        shared = dates.shared(a, b, edge["activities"], year_only=True)
        names = join_list([_say("quote_year", lang, name=title, year=year) if year else
                           _say("quote", lang, name=title) for title, year in shared],
                          lang, limit=3)
        key = "path_activity_also" if sentences else "path_activity"
        sentences.append(_say(key, lang, a=a, b=b, names=names))
    programmes = edge.get("programmes", [])
    if programmes:
        names = join_list([_say("quote", lang, name=p) for p in programmes], lang, limit=3)
        key = "path_programme" if len(programmes) == 1 else "path_programmes"
        key += "_also" if sentences else ""
        sentences.append(_say(key, lang, a=a, b=b, names=names))
    return " ".join(sentences)


def no_path_sentence(a: str, b: str, hub: str, lang: str = "de") -> str:
    """What to say when two partners have no path in the partner layer.

    >>> no_path_sentence("A-Lab", "D-Stadt", "stadtLABOR Soest")
    'A-Lab und D-Stadt sind nur über das stadtLABOR Soest verbunden.'
    >>> no_path_sentence("A-Lab", "D-Stadt", "Stadt Lippstadt", "en")
    'A-Lab and D-Stadt are connected only through Stadt Lippstadt.'
    >>> no_path_sentence("A-Lab", "D-Stadt", "", "en")  # a network without a hub
    'A-Lab and D-Stadt are not connected, not even through other partners.'
    """
    if not hub:
        return _say("no_path_none", lang, a=a, b=b)
    # German needs an article before "stadtLABOR" ("no_path_article"); another organisation's
    # name stands alone, since its gender is unknown ("über Stadt Lippstadt" reads like a name,
    # "über das Stadt Lippstadt" wouldn't). English needs neither: both keys read the same there.
    key = "no_path_article" if hub.casefold().startswith("stadtlabor") else "no_path"
    return _say(key, lang, a=a, b=b, hub=hub)
