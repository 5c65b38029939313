"""Metrics: how each partner sits in the partner network, in numbers and in plain words.

Everything here works on the partner layer, sorted and with a weight on every tie
(:func:`~network_app.network.graph.partner_layer` with ``ordered=True``). The hub is never
counted: every partner touches it, so it would make every partner look alike. A graph that still
holds the hub (node attribute ``kind == "hub"``) is accepted and the hub left out.

Which measures use the tie weights (``weight``, so *more is closer*: the relations' weights as
written plus one unit per shared activity and programme; on the lab's scale the weights are the
strengths 1–5 and the unit is 1, as always):

* ``weighted_degree``, ``pagerank``, ``eigenvector`` do: a strong partnership counts more. So
  do the groups (:mod:`network_app.analysis.communities`).
* ``betweenness``, ``closeness``, ``reach2``, ``core``, ``clustering``, ``constraint``,
  ``effective_size`` and the path lengths count ties and steps. Read as distances, the weights
  would turn the strongest partnership into the longest way.

A file's own weights (Gephi's 291, a 0–1 share) are used as written, never mixed with the 1–5
scale of the pictures: a shared activity, a shared programme and a relation without a weight
each count as the table's smallest weight (the weakest tie), and when some weight is 0 or
negative all weighted measures count the strengths 1–5 instead (see
:class:`~network_app.workbook.weights.WeightScale`; the check says which in a note).

Direction: every measure is computed on the undirected network. When the file gives its relations
a direction (graph attribute ``directed_source``), :func:`direction_note` says so in words; the
CLI, the app and the report show it then, and only then.

Speed: betweenness and closeness come from one breadth-first search per partner (Brandes'
algorithm), twice as fast as networkx's two separate functions and equal to them (the tests
compare). Above ``exact_limit`` partners, the searches start from a random sample of partners
only, drawn and scaled exactly as networkx's ``betweenness_centrality(k=..., seed=...)`` does
(nearly four times faster than calling it); closeness is estimated from the same sample. Both
record the sample size in ``frame.attrs``. :data:`METRIC_TEXT` explains every measure in German
and English.

>>> import networkx as nx
>>> path = nx.Graph([("A", "B"), ("B", "C")])
>>> partner_metrics(path)[["degree", "betweenness", "reach2", "articulation"]]
... # doctest: +NORMALIZE_WHITESPACE
      degree  betweenness  reach2  articulation
name
A          1          0.0       2         False
B          2          1.0       2          True
C          1          0.0       2         False
>>> network_summary(path)["diameter"]
2
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from typing import Any, NamedTuple, TypedDict

import networkx as nx
import numpy as np
import numpy.typing as npt
import pandas as pd

from ..network.graph import partner_layer
from ..text import by_key, number, say

__all__ = [
    "EXACT_LIMIT",
    "METRIC_COLUMNS",
    "METRIC_TEXT",
    "NetworkSummary",
    "components_sentence",
    "direction_note",
    "network_summary",
    "partner_metrics",
]

#: Up to this many partners betweenness and closeness are exact. One search per partner took
#: about 0.8 s for 1,000 partners with 4,000 ties on the two-core reference machine and grows with
#: partners × ties: 3,000 partners with 12,000 ties took 10 s. Above the limit they are sampled.
EXACT_LIMIT = 1000

#: The columns of :func:`partner_metrics`, in order.
METRIC_COLUMNS: tuple[str, ...] = (
    "degree", "weighted_degree", "betweenness", "closeness", "pagerank", "eigenvector", "core",
    "reach2", "clustering", "constraint", "effective_size", "articulation",
)

#: Key → {"de"/"en": (short label, one-line explanation)} for every measure shown to users.
METRIC_TEXT = by_key("analysis.metrics")
#: What the measures do with directions: shown only for a file whose relations have them.
DIRECTION_TEXT = by_key("analysis.direction")


def direction_note(graph: nx.Graph, lang: str = "de") -> tuple[str, str] | None:
    """(label, explanation) saying that the measures count without direction, when the file
    gave directions (graph attribute ``directed_source``); None otherwise.

    >>> direction_note(nx.Graph()) is None
    True
    >>> direction_note(nx.Graph(directed_source=True), "en")[0]
    'Direction'
    """
    if not graph.graph.get("directed_source"):
        return None
    entry = DIRECTION_TEXT["note"]["de" if lang not in ("de", "en") else lang]
    return entry[0], entry[1]


def partner_metrics(layer: nx.Graph, *, exact_limit: int = EXACT_LIMIT, sample_size: int = 500,
                    seed: int = 42) -> pd.DataFrame:
    """One row per partner with the measures of :data:`METRIC_COLUMNS`.

    Parameters
    ----------
    layer : nx.Graph
        The partner layer; a hub node (``kind == "hub"``) is left out.
    exact_limit : int
        Up to this many partners, betweenness and closeness are exact.
    sample_size : int
        Above ``exact_limit``: how many starting partners are sampled. Betweenness equals
        networkx's ``betweenness_centrality(k=sample_size, seed=seed)``. Closeness stays exact
        in connected parts of at most ``exact_limit`` partners and is estimated from the sampled
        partners in larger ones.
    seed : int
        Seed for the sampling; the same input gives the same result.

    Returns
    -------
    pandas.DataFrame
        Indexed by partner name (sorted), columns :data:`METRIC_COLUMNS`. ``betweenness`` is
        normalised to 0..1; ``closeness`` follows networkx (Wasserman–Faust for networks in
        several parts); ``constraint`` and ``effective_size`` are NaN for partners without ties,
        ``eigenvector`` is NaN when there are no ties or it does not converge.
        ``frame.attrs["betweenness_sample"]`` and ``["closeness_sample"]`` hold the sample
        size, or None when exact.

    Examples
    --------
    >>> star = nx.star_graph(["Mitte", "A", "B", "C"])
    >>> partner_metrics(star)[["degree", "betweenness", "clustering", "constraint"]]
    ... # doctest: +NORMALIZE_WHITESPACE
           degree  betweenness  clustering  constraint
    name
    A           1          0.0         0.0    1.000000
    B           1          0.0         0.0    1.000000
    C           1          0.0         0.0    1.000000
    Mitte       3          1.0         0.0    0.333333
    """
    if sample_size < 2:
        raise ValueError(f"sample_size must be at least 2, not {sample_size}")
    graph = partner_layer(layer, ordered=True)
    nodes = list(graph)
    n = len(nodes)
    frame = pd.DataFrame(index=pd.Index(nodes, name="name", dtype=object),
                         columns=list(METRIC_COLUMNS))
    frame.attrs.update(betweenness_sample=None, closeness_sample=None)
    if n == 0:
        return frame
    index = {v: i for i, v in enumerate(nodes)}
    adjacency = [[index[w] for w in graph[v]] for v in nodes]
    parts = sorted(sorted(index[v] for v in part) for part in nx.connected_components(graph))
    part_size = [0] * n
    for part in parts:
        for i in part:
            part_size[i] = len(part)

    if n <= max(exact_limit, 2) or sample_size >= n:
        paths = _shortest_paths(adjacency, range(n))
        # Every pair was counted from both ends.
        scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 0.0
        betweenness = [b * scale for b in paths.between]
    else:
        # networkx's sample (random.Random(seed).sample of the node list, sorted here) and its
        # scaling (networkx 3.6 ``_rescale``), from faster searches; the tests check both
        # against ``nx.betweenness_centrality(k=sample_size, seed=seed)``.
        sample = random.Random(seed).sample(range(n), sample_size)
        sources, estimated = _closeness_sources(sample, parts, exact_limit)
        sampled = set(sample)
        paths = _shortest_paths(adjacency, sources, sampled)
        source_scale = 1 / ((sample_size - 1) * (n - 2))
        other_scale = 1 / (sample_size * (n - 2))
        betweenness = [b * (source_scale if i in sampled else other_scale)
                       for i, b in enumerate(paths.between)]
        frame.attrs["betweenness_sample"] = sample_size
        if estimated:
            frame.attrs["closeness_sample"] = sample_size

    constraint, effective_size, reach2 = _neighbourhood_measures(graph)
    articulation = set(nx.articulation_points(graph))
    arcs = _arcs(graph, index)
    core = nx.core_number(graph)
    clustering = nx.clustering(graph)
    frame["degree"] = [graph.degree(v) for v in nodes]
    frame["weighted_degree"] = [graph.degree(v, weight="weight") for v in nodes]
    frame["betweenness"] = betweenness
    frame["closeness"] = [
        # (reachable / (n-1)) / mean distance, the mean taken over the (sampled) partners seen.
        (part_size[i] - 1) * paths.seen[i] / ((n - 1) * paths.far[i])
        if paths.far[i] > 0 else 0.0
        for i in range(n)
    ]
    frame["pagerank"] = _pagerank(n, arcs)
    frame["eigenvector"] = _eigenvector(n, arcs)
    frame["core"] = [core[v] for v in nodes]
    frame["reach2"] = [reach2[v] for v in nodes]
    frame["clustering"] = [float(clustering[v]) for v in nodes]
    frame["constraint"] = [constraint[v] for v in nodes]
    frame["effective_size"] = [effective_size[v] for v in nodes]
    frame["articulation"] = [v in articulation for v in nodes]
    return frame


class NetworkSummary(TypedDict):
    """What :func:`network_summary` returns (see there)."""

    nodes: int
    edges: int
    density: float
    components: int
    largest_component: int
    isolated: int
    diameter: int | None
    average_path_length: float | None
    path_sample: int | None


def components_sentence(summary: NetworkSummary, lang: str = "de", hub: str = "") -> str | None:
    """What "44 getrennte Teile, größter Abstand 1" means, in words for non-experts.

    None when the network is one piece. ``hub`` names the own organisation (every partner is
    tied to it, so a partner without partner ties is still tied to the hub); "" for a network
    without one.

    >>> figures = network_summary(nx.Graph([("A", "B"), ("C", "D"), ("C", "E"), ("D", "E")]))
    >>> components_sentence(figures).split(": ")[0]
    'Das Netz zerfällt in 2 getrennte Teile'
    >>> components_sentence(network_summary(nx.path_graph(3))) is None
    True
    """
    parts, isolated, total = summary["components"], summary["isolated"], summary["nodes"]
    if parts < 2:
        return None

    def text(key: str, **params: Any) -> str:
        return say(f"analysis.components.{key}", lang, **params)

    sentences = [text("intro", count=parts)]
    if isolated:
        sentences.append(text("isolated_hub" if hub else "isolated", count=isolated,
                              total=number(total, lang), hub=hub))
    groups = parts - isolated
    if groups and isolated:
        sentences.append(text("rest", count=groups, rest=number(total - isolated, lang),
                              largest=number(summary["largest_component"], lang)))
    elif groups:
        sentences.append(text("groups", largest=number(summary["largest_component"], lang)))
    if groups and summary["diameter"] == 1:
        sentences.append(text("direct"))
    if hub and isolated * 2 > total:
        sentences.append(text("mostly_hub", hub=hub))
    return " ".join(sentences)


def network_summary(layer: nx.Graph, *, exact_limit: int = EXACT_LIMIT, sample_size: int = 500,
                    seed: int = 42) -> NetworkSummary:
    """Figures for the whole partner network (the hub left out).

    Returns
    -------
    NetworkSummary
        ``nodes``, ``edges``, ``density``, ``components``, ``largest_component`` (its size),
        ``isolated`` (partners without any partner–partner tie), ``diameter`` and
        ``average_path_length`` of the largest connected part (None when it has fewer than two
        partners), and ``path_sample``: None when the path length is exact, else the number of
        sampled starting partners (when the largest part has more than ``exact_limit``).

    Examples
    --------
    >>> graph = nx.Graph([("A", "B"), ("B", "C")])
    >>> graph.add_node("D")
    >>> summary = network_summary(graph)
    >>> summary["components"], summary["isolated"], summary["average_path_length"]
    (2, 1, 1.3333333333333333)
    """
    if sample_size < 2:
        raise ValueError(f"sample_size must be at least 2, not {sample_size}")
    graph = partner_layer(layer, ordered=True)
    order = {v: i for i, v in enumerate(graph)}  # sorted by partner_layer
    parts = sorted((sorted(part, key=order.__getitem__) for part in nx.connected_components(graph)),
                   key=lambda part: (-len(part), order[part[0]]))
    largest = parts[0] if parts else []
    summary: NetworkSummary = {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "density": nx.density(graph) if len(graph) > 1 else 0.0,
        "components": len(parts),
        "largest_component": len(largest),
        "isolated": nx.number_of_isolates(graph),
        "diameter": None,
        "average_path_length": None,
        "path_sample": None,
    }
    size = len(largest)
    if size < 2:
        return summary
    part = graph.subgraph(largest)
    index = {v: i for i, v in enumerate(largest)}
    adjacency = [[index[w] for w in part[v]] for v in largest]
    if size <= exact_limit or sample_size >= size:
        total, eccentricity, _ = _distances(adjacency, range(size))
        summary["diameter"] = max(eccentricity)
        summary["average_path_length"] = total / (size * (size - 1))
    else:
        sample = random.Random(seed).sample(range(size), sample_size)
        total, eccentricity, farthest = _distances(adjacency, sample)
        summary["average_path_length"] = total / (sample_size * (size - 1))
        # A lower bound that is usually exact: the sample's largest distance, and the largest
        # distance seen from the partner farthest from them (the "double sweep"). The exact
        # diameter needs a search from every partner (nx.diameter took 30 s for 5,000).
        _, sweep, _ = _distances(adjacency, [farthest[eccentricity.index(max(eccentricity))]])
        summary["diameter"] = max(*eccentricity, *sweep)
        summary["path_sample"] = sample_size
    return summary


# --------------------------------------------------------------------------- helpers


class _Paths(NamedTuple):
    between: list[float]  # betweenness sums, not yet scaled
    far: list[int]  # per partner: sum of distances to the sources that reach it
    seen: list[int]  # per partner: how many sources reach it (itself not counted)


def _shortest_paths(adjacency: list[list[int]], sources: Iterable[int],
                    between_from: set[int] | None = None) -> _Paths:
    """One breadth-first search per source; Brandes' betweenness sums from ``between_from``.

    ``between_from`` None means every source. Betweenness sums count, for each source s and
    each partner v, the share of shortest paths from s that pass through v (Brandes 2001).
    """
    n = len(adjacency)
    between = [0.0] * n
    far = [0] * n
    seen = [0] * n
    for source in sources:
        dist = [-1] * n
        paths = [0] * n  # number of shortest paths from source
        dist[source], paths[source] = 0, 1
        order = [source]
        for v in order:  # the list grows while we walk it: breadth-first
            step, count = dist[v] + 1, paths[v]
            for w in adjacency[v]:
                d = dist[w]
                if d < 0:
                    dist[w], paths[w] = step, count
                    order.append(w)
                    far[w] += step
                    seen[w] += 1
                elif d == step:
                    paths[w] += count
        if between_from is not None and source not in between_from:
            continue
        # acc[v] = sum over v's successors w of (1 + dependency of w) / paths[w]
        acc = [0.0] * n
        for w in reversed(order):
            dependency = paths[w] * acc[w]
            share = (1.0 + dependency) / paths[w]
            before = dist[w] - 1
            for v in adjacency[w]:
                if dist[v] == before:
                    acc[v] += share
            between[w] += dependency
        # The source is where the paths start, not a partner they pass through.
        between[source] -= paths[source] * acc[source]
    return _Paths(between, far, seen)


def _distances(adjacency: list[list[int]], sources: Iterable[int]
               ) -> tuple[int, list[int], list[int]]:
    """Breadth-first searches that only measure distances (no path counting, so faster).

    Returns the sum of all distances from the sources, and per source its largest distance
    and a partner at that distance.
    """
    n = len(adjacency)
    total = 0
    eccentricity: list[int] = []
    farthest: list[int] = []
    for source in sources:
        dist = [-1] * n
        dist[source] = 0
        order = [source]
        for v in order:
            step = dist[v] + 1
            for w in adjacency[v]:
                if dist[w] < 0:
                    dist[w] = step
                    order.append(w)
                    total += step
        eccentricity.append(dist[order[-1]])
        farthest.append(order[-1])
    return total, eccentricity, farthest


def _closeness_sources(sample: list[int], parts: list[list[int]], exact_limit: int
                       ) -> tuple[list[int], bool]:
    """The sample plus every partner of the connected parts that need exact closeness.

    A part with at most ``exact_limit`` partners, or with fewer than two sampled partners in it,
    gets exact closeness; the others are estimated from the sampled partners in them. Also says
    whether any part is estimated.
    """
    in_sample = set(sample)
    sources = list(sample)
    estimated = False
    for part in parts:
        if len(part) > exact_limit and sum(i in in_sample for i in part) >= 2:
            estimated = True
        else:
            sources.extend(i for i in part if i not in in_sample)
    return sources, estimated


def _neighbourhood_measures(graph: nx.Graph
                            ) -> tuple[dict[Any, float], dict[Any, float], dict[Any, int]]:
    """Burt's constraint and effective size (unweighted, as networkx defines them) and reach2.

    networkx builds an ego graph per partner for the effective size (15 s for 1,000 partners);
    the same values follow from the neighbour sets. With p = 1/degree for every tie, the
    constraint of v is the sum over its contacts j of ((1 + sum of 1/degree(q) over the
    contacts q that v and j share) / degree(v))²; the effective size is
    degree − 2 · (ties among the contacts) / degree.
    """
    neighbours = {v: set(graph[v]) for v in graph}
    inverse = {v: 1 / len(nbrs) for v, nbrs in neighbours.items() if nbrs}
    constraint: dict[Any, float] = {}
    effective_size: dict[Any, float] = {}
    reach2: dict[Any, int] = {}
    for v, nbrs in neighbours.items():
        degree = len(nbrs)
        if degree == 0:
            constraint[v] = effective_size[v] = math.nan
            reach2[v] = 0
            continue
        shared_ties = 0  # each tie among the contacts is seen from both ends
        terms = []
        within_two = set(nbrs)
        for j in nbrs:
            common = nbrs & neighbours[j]
            shared_ties += len(common)
            # fsum is exact, so the result does not depend on the sets' iteration order
            # (which changes between processes): the same workbook gives the same bits.
            terms.append(((1.0 + math.fsum(inverse[q] for q in common)) / degree) ** 2)
            within_two |= neighbours[j]
        within_two.discard(v)
        constraint[v] = math.fsum(terms)
        effective_size[v] = degree - shared_ties / degree
        reach2[v] = len(within_two)
    return constraint, effective_size, reach2


def _arcs(graph: nx.Graph, index: dict[Any, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every tie in both directions as index arrays (from, to) and its weight."""
    pairs = [(index[u], index[v], float(w)) for u, v, w in graph.edges(data="weight")]
    table = np.array(pairs, dtype=float).reshape(-1, 3)
    source = np.concatenate([table[:, 0], table[:, 1]]).astype(np.int64)
    target = np.concatenate([table[:, 1], table[:, 0]]).astype(np.int64)
    return source, target, np.concatenate([table[:, 2], table[:, 2]])


def _pagerank(n: int, arcs: tuple[np.ndarray, np.ndarray, np.ndarray], alpha: float = 0.85,
              tol: float = 1e-12, max_iter: int = 1000) -> np.ndarray:
    """PageRank with ``weight``, as ``nx.pagerank`` computes it, in numpy.

    ``nx.pagerank`` needs SciPy, which this project does not otherwise need. Partners without
    ties hand their share to everyone, as in networkx. The iteration is a contraction (factor
    ``alpha``), so it always converges.
    """
    source, target, weights = arcs
    out = np.bincount(source, weights=weights, minlength=n)
    dangling = out == 0
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        share = np.divide(rank, out, out=np.zeros(n), where=~dangling)
        new = alpha * np.bincount(target, weights=share[source] * weights, minlength=n)
        new += (alpha * rank[dangling].sum() + 1.0 - alpha) / n
        done = np.abs(new - rank).sum() < n * tol
        rank = new
        if done:
            break
    return rank


def _eigenvector(n: int, arcs: tuple[np.ndarray, np.ndarray, np.ndarray], tol: float = 1e-10,
                 max_iter: int = 2000) -> np.ndarray:
    """Weighted eigenvector centrality, as ``nx.eigenvector_centrality`` computes it, in numpy.

    Power iteration with (A + I), like networkx, so it also settles on networks with two sides.
    Over the whole layer (not per part), so a small side group does not look as influential as
    the main network: partners outside the dominant part come out near 0. NaN when there are
    no ties (nothing to measure) or the iteration does not settle.
    """
    source, target, weights = arcs
    if len(weights) == 0:
        return np.full(n, math.nan)
    vector: npt.NDArray[np.float64] = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = vector + np.bincount(target, weights=vector[source] * weights, minlength=n)
        new /= np.linalg.norm(new)
        done = np.abs(new - vector).sum() < n * tol
        vector = new
        if done:
            return vector
    return np.full(n, math.nan)
