"""The overview of a big network: groups of partners as nodes, instead of thousands of dots.

Above :data:`OVERVIEW_LIMIT` partners a picture of every partner is a grey disc: vis-network in
Chromium slows down noticeably (``benchmarks/screen.py``) and no name can be read. The app and
the HTML export then first show the *overview*:

* a :class:`Grouping` puts every partner into one group: its community
  (:func:`community_grouping`, from :func:`~network_app.analysis.detect_communities`) or its
  first category (:func:`category_grouping`). At most :data:`MAX_GROUPS` groups are shown; the
  smallest beyond them are one group "weitere kleine Gruppen", and partners without any tie one
  group "ohne Verbindung";
* :func:`overview_graph` makes a node per group (``members`` = how many partners) and an edge
  between two groups for the ties between their members (``ties`` = how many);
* :func:`group_graph` is one group opened (its partners and the ties between them) and
  :func:`neighbourhood` one partner with everyone it is tied to; both are cut to the
  :data:`OVERVIEW_LIMIT` partners with the most ties, so even a huge group stays drawable.

Pure functions on the partner layer: they know nothing of colours or of the app.

>>> layer = nx.Graph([("A", "B"), ("B", "C"), ("D", "E")])
>>> layer.add_node("F")
>>> grouping = Grouping.of({"A": "eins", "B": "eins", "C": "eins", "D": "zwei", "E": "zwei",
...                         "F": "zwei"})
>>> overview = overview_graph(layer, grouping)
>>> sorted(overview.nodes(data="members"))
[('eins', 3), ('zwei', 3)]
>>> overview.number_of_edges()
0
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..text import say
from ..workbook import schema

__all__ = [
    "MAX_GROUPS",
    "OVERVIEW_LIMIT",
    "Grouping",
    "category_grouping",
    "community_grouping",
    "group_graph",
    "is_big",
    "neighbourhood",
    "overview_graph",
    "overview_positions",
]

#: Above this many partners the network is first shown as an overview of groups. Measured with
#: ``benchmarks/screen.py`` (see benchmarks/README.md): from about 2,000 nodes on, a redraw
#: with the label engine (every zoom and pan) takes long enough to feel sticky.
OVERVIEW_LIMIT = 1500
#: At most this many groups are nodes of the overview; smaller ones are merged into one.
MAX_GROUPS = 40
#: Keys of the two merged groups (never a group's name: names are text, these are tuples).
ALONE = ("alone",)
SMALL = ("small",)


def is_big(graph: nx.Graph) -> bool:
    """Whether ``graph`` has more partners than :data:`OVERVIEW_LIMIT`.

    >>> is_big(nx.path_graph(10))
    False
    """
    return _partner_count(graph) > OVERVIEW_LIMIT


def _partner_count(graph: nx.Graph) -> int:
    return sum(1 for _, kind in graph.nodes(data="kind") if kind in (None, "partner"))


@dataclass(frozen=True)
class Grouping:
    """Every partner in exactly one group; groups are named for people.

    Attributes
    ----------
    names : tuple[str, ...]
        The groups' names in the order they are offered (largest first, the merged groups
        last). Names are unique.
    members : dict[str, tuple[str, ...]]
        Group name → its partners, sorted.
    """

    names: tuple[str, ...]
    members: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, group_of: Mapping[str, str]) -> Grouping:
        """A grouping from partner → group name; groups ordered by size, then name."""
        members: dict[str, list[str]] = {}
        for partner, group in group_of.items():
            members.setdefault(group, []).append(partner)
        names = sorted(members, key=lambda g: (-len(members[g]), g.casefold(), g))
        return cls(tuple(names), {g: tuple(sorted(members[g], key=_name_order)) for g in names})

    def group_of(self) -> dict[str, str]:
        """Partner → the name of its group."""
        return {partner: name for name in self.names for partner in self.members[name]}


def _name_order(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def _partners(layer: nx.Graph) -> list[str]:
    return [n for n, kind in layer.nodes(data="kind") if kind in (None, "partner")]


def community_grouping(layer: nx.Graph, membership: Mapping[str, int],
                       names: Mapping[int, str], *, lang: str = "de",
                       max_groups: int = MAX_GROUPS) -> Grouping:
    """Groups by community (``membership`` and ``names`` as in
    :class:`~network_app.analysis.Communities`), for the partners in ``layer`` (a hub or
    other nodes in it are left out).

    Partners without any tie in ``layer`` go into one group "ohne Verbindung"; groups beyond the
    ``max_groups`` - 2 largest into one group "weitere kleine Gruppen". A partner the
    membership does not know (a filter changed the ties) counts as a group of its own.

    >>> layer = nx.Graph([("A", "B"), ("C", "D"), ("E", "F")])
    >>> layer.add_node("G")
    >>> found = {"A": 1, "B": 1, "C": 2, "D": 2, "E": 3, "F": 3, "G": 4}
    >>> grouping = community_grouping(layer, found, {1: "eins", 2: "zwei", 3: "drei",
    ...                                             4: "vier"}, max_groups=3)
    >>> grouping.names
    ('eins', 'weitere kleine Gruppen (4)', 'ohne Verbindung (1)')
    >>> grouping.members["weitere kleine Gruppen (4)"]
    ('C', 'D', 'E', 'F')
    """
    partners = _partners(layer)
    sizes = Counter(membership.values())
    known = set(partners)  # a hub in ``layer`` ties no partner to another
    alone = [p for p in partners if not any(n != p and n in known for n in layer.neighbors(p))]
    lonely = set(alone)
    by_number: dict[Any, list[str]] = {}
    for partner in partners:
        if partner not in lonely:
            by_number.setdefault(membership.get(partner, ("own", partner)), []).append(partner)
    ordered = sorted(by_number, key=lambda g: (-len(by_number[g]), _name_order(
        min(by_number[g], key=_name_order))))
    keep = ordered if len(ordered) + bool(alone) <= max_groups else ordered[:max(1, max_groups
                                                                                 - 2)]
    rest = [p for g in ordered[len(keep):] for p in by_number[g]]
    members: dict[str, tuple[str, ...]] = {}
    for number in keep:
        group = by_number[number]
        name = names.get(number) if isinstance(number, int) else None
        # A name counts the whole community; after a filter it says how many are shown.
        if name is None or len(group) != sizes[number]:
            name = _community_label(group, layer, lang)
        while name in members:
            name = f"{name} ·"
        members[name] = tuple(sorted(group, key=_name_order))
    if rest:
        members[say("network.overview.small_groups", lang, count=len(rest))] = tuple(
            sorted(rest, key=_name_order))
    if alone:
        members[say("network.overview.alone", lang, count=len(alone))] = tuple(
            sorted(alone, key=_name_order))
    return Grouping(tuple(members), members)


def _community_label(members: list[str], layer: nx.Graph, lang: str) -> str:
    from ..analysis.communities import community_name  # analysis imports this package

    return community_name(members, layer, lang)


def category_grouping(layer: nx.Graph, *, lang: str = "de") -> Grouping:
    """Groups by each partner's first category (``category``), in the workbook's order of
    categories; partners without one form the group "ohne Kategorie".

    >>> layer = nx.Graph([("A", "B")])
    >>> layer.add_node("A", category="Forschung")
    >>> layer.add_node("B", category="Austausch")
    >>> layer.add_node("C")
    >>> category_grouping(layer).names
    ('Austausch (1)', 'Forschung (1)', 'ohne Kategorie (1)')
    """
    category_of = {p: layer.nodes[p].get("category") or "" for p in _partners(layer)}
    counts = Counter(category_of.values())
    order = {c: i for i, c in enumerate(schema.CATEGORIES)}
    named = {c: say("analysis.communities.name", lang, count=n,
                    label=c or say("network.figures.no_category", lang))
             for c, n in counts.items()}
    found = Grouping.of({p: named[c] for p, c in category_of.items()})
    categories = sorted(counts, key=lambda c: (not c, order.get(c, len(order)), c.casefold()))
    return Grouping(tuple(named[c] for c in categories), found.members)


def overview_graph(layer: nx.Graph, grouping: Grouping, lang: str = "de") -> nx.Graph:
    """One node per group, one edge per pair of groups whose members are tied.

    Nodes carry ``kind="group"``, ``members`` (how many partners) and ``category`` (the most
    common first category of its members, for the colour); edges ``ties`` (how many ties
    between the two groups' members) and ``strength`` (0–6 in proportion to ``ties``; the
    drawing makes a tie of strength s s + 1 pixels wide). A tie inside a group is no edge. Both
    carry a ``tooltip`` in ``lang``.
    """
    graph = nx.Graph()
    for name in grouping.names:
        members = grouping.members[name]
        categories = Counter(c for m in members if (c := layer.nodes[m].get("category")))
        common = [c for c, _ in categories.most_common(1)]
        graph.add_node(name, kind="group", label=name, members=len(members),
                       category=common[0] if common else None,
                       tooltip=name + "\n" + say("network.overview.members", lang,
                                                  count=len(members)))
    # Each tie between two groups counted once, from the partner whose group comes first: a
    # pair of groups is one number (a * k + b), so the count is one Counter over plain ints
    # (about 0.1 s for the 160,000 ends of 80,000 ties; the earlier loop over layer.edges()
    # with two names per tie and a list search took twice that).
    names = grouping.names
    k = len(names)
    rank = {name: i for i, name in enumerate(names)}
    number_of = {partner: rank[name] for name in names for partner in grouping.members[name]}
    find = number_of.get
    pairs: list[int] = []
    for partner, own in number_of.items():
        pairs += [own * k + other for other in map(find, layer.adj[partner])
                  if other is not None and other > own]
    counts = {(names[pair // k], names[pair % k]): ties for pair, ties in Counter(pairs).items()}
    most = max(counts.values(), default=1)
    for (a, b), ties in sorted(counts.items()):
        # In proportion: where every group touches every other, the strong ties stand out.
        strength = round(6 * ties / most)
        graph.add_edge(a, b, kind="group", ties=ties, strength=strength,
                       tooltip=f"{a} – {b}\n{say('network.overview.ties', lang, count=ties)}")
    return graph


def overview_positions(overview: nx.Graph, *, spacing: float = 160.0,
                       seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Places for the groups: tied groups close (networkx' spring layout on the logarithm of
    the ties, seeded), about ``spacing`` apart; groups without a tie to another group (such as
    "ohne Verbindung") on a ring just outside, so they do not push the others into a corner.
    The same overview gives the same places.

    >>> places = overview_positions(nx.Graph([("a", "b")]))
    >>> places == overview_positions(nx.Graph([("a", "b")]))
    True
    >>> overview = nx.Graph([("a", "b"), ("b", "c"), ("c", "a")])
    >>> overview.add_node("alone")
    >>> x, y = overview_positions(overview)["alone"]
    >>> round(math.hypot(x / 1.4, y)) > max(round(math.hypot(p[0] / 1.4, p[1])) for n, p in
    ...     overview_positions(overview).items() if n != "alone")
    True
    """
    tied = [n for n in overview if overview.degree(n)]
    apart = [n for n in overview if not overview.degree(n)]
    radius = spacing * math.sqrt(max(len(tied), 1)) / 1.6
    places: dict[Any, tuple[float, float]] = {}
    if len(tied) > 1:
        pull = nx.Graph()
        pull.add_nodes_from(tied)
        pull.add_weighted_edges_from((a, b, math.log1p(t)) for a, b, t in
                                     overview.edges(data="ties", default=1))
        force = nx.spring_layout(pull, seed=seed, weight="weight")
        places = {node: (round(radius * 1.4 * float(x), 1), round(radius * float(y), 1))
                  for node, (x, y) in force.items()}
    elif tied:
        places[tied[0]] = (0.0, 0.0)
    # around the tied groups; alone, on a circle of their own (one group: in the middle)
    outer = (radius + spacing) if places else spacing * (len(apart) - 1) / math.pi
    for k, node in enumerate(apart):
        angle = math.pi / 2 + 2 * math.pi * k / len(apart)
        places[node] = (round(1.4 * outer * math.cos(angle), 1),
                        round(outer * math.sin(angle), 1))
    return places


def _strongest(layer: nx.Graph, nodes: Iterable[str], limit: int,
               keep: Iterable[str] = ()) -> list[str]:
    """At most ``limit`` of ``nodes``: those in ``keep``, then the ones with the most ties."""
    nodes = list(nodes)
    if len(nodes) <= limit:
        return nodes
    kept = [n for n in keep if n in layer]
    others = sorted((n for n in nodes if n not in set(kept)),
                    key=lambda n: (-layer.degree(n), _name_order(n)))
    return kept + others[:max(0, limit - len(kept))]


def group_graph(layer: nx.Graph, grouping: Grouping, name: str, *,
                limit: int = OVERVIEW_LIMIT) -> nx.Graph:
    """The partners of group ``name`` and the ties between them (a subgraph view of
    ``layer``); a group of more than ``limit`` partners is cut to the ``limit`` with the
    most ties.

    >>> layer = nx.Graph([("A", "B"), ("B", "C"), ("C", "D")])
    >>> grouping = Grouping.of({"A": "x", "B": "x", "C": "x", "D": "y"})
    >>> sorted(group_graph(layer, grouping, "x").edges)
    [('A', 'B'), ('B', 'C')]
    >>> sorted(group_graph(layer, grouping, "x", limit=2))
    ['B', 'C']
    """
    return layer.subgraph(_strongest(layer, grouping.members[name], limit))


def neighbourhood(layer: nx.Graph, partner: str, *, limit: int = OVERVIEW_LIMIT) -> nx.Graph:
    """``partner``, everyone tied to it and the ties among them; more than ``limit`` partners
    are cut to ``partner`` and the neighbours with the most ties.

    >>> layer = nx.Graph([("A", "B"), ("B", "C"), ("C", "D")])
    >>> sorted(neighbourhood(layer, "B").edges)
    [('A', 'B'), ('B', 'C')]
    """
    near = [partner, *sorted(layer.neighbors(partner), key=_name_order)]
    return layer.subgraph(_strongest(layer, near, limit, keep=[partner]))
