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

Speed: the measures run in igraph's C core on one copy of the layer per graph
(:mod:`network_app.analysis.engine`), with networkx's conventions and normalisations (the tests
compare with networkx); the distances behind closeness, the diameter and the average path
length come from one breadth-first pass over bits
(:func:`~network_app.analysis.engine.distances_from`), and exact betweenness is shared with a
second process (:mod:`~network_app.analysis.helper`). Up to ``exact_limit`` partners
betweenness and closeness are exact; above, the searches start from a random sample of
partners only, drawn and scaled exactly as networkx's ``betweenness_centrality(k=...,
seed=...)`` does, and closeness is estimated from the same sample. Both record the sample size
in ``frame.attrs``. :data:`METRIC_TEXT` explains every measure in German and English.

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
from collections.abc import Callable, Iterator
from typing import Any, TypedDict

import igraph as ig
import networkx as nx
import numpy as np
import numpy.typing as npt
import pandas as pd

from ..text import by_key, number, say
from .engine import Distances, Prepared, distances_from, prepare, quiet, seeded
from .helper import HELPER_FROM, betweenness_of, split_betweenness

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

#: Up to this many partners betweenness, closeness and the path lengths are exact. igraph took
#: about 2.6 s of CPU for exact betweenness of 5,000 partners with 27,500 ties on the two-core
#: reference machine (closeness and eccentricities together: 0.15 s); it grows with partners ×
#: ties (20,000 partners with 100,000 ties: 26 s for betweenness alone, 4.3 s for closeness).
#: Above the limit they are sampled.
EXACT_LIMIT = 5000

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
                    seed: int = 42, alongside: Callable[[], object] | None = None
                    ) -> pd.DataFrame:
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
    alongside : callable, optional
        More of the caller's work (``analyze_report``'s groups), called once while the helper
        process counts betweenness (see :mod:`~network_app.analysis.helper`), so that it uses
        the wait; its result is the caller's to keep.

    Returns
    -------
    pandas.DataFrame
        Indexed by partner name (sorted), columns :data:`METRIC_COLUMNS`. ``betweenness`` is
        normalised to 0..1; ``closeness`` follows networkx (Wasserman–Faust for networks in
        several parts); ``constraint`` and ``effective_size`` are NaN for partners without ties,
        ``eigenvector`` is NaN when there are no ties.
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
    prepared = prepare(layer)
    nodes, ig_graph = prepared.names, prepared.igraph
    n = len(nodes)
    frame = pd.DataFrame(index=pd.Index(nodes, name="name", dtype=object),
                         columns=list(METRIC_COLUMNS))
    frame.attrs.update(betweenness_sample=None, closeness_sample=None)
    if n == 0:
        if alongside is not None:
            alongside()
        return frame
    membership = np.array(ig_graph.connected_components().membership, dtype=np.int64)
    part_size = np.bincount(membership)[membership]
    others: dict[str, Any] = {}  # the columns besides betweenness and closeness

    if n <= max(exact_limit, 2) or sample_size >= n:
        # igraph counts each pair once; networkx's normalisation for undirected networks is
        # 2 / ((n-1)(n-2)), so both give the share of pairs whose shortest paths run through.
        scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 0.0
        if n < HELPER_FROM:
            betweenness = betweenness_of(ig_graph, range(n)) * scale
            closeness = _exact_closeness(prepared, np.arange(n), part_size)
        else:
            # A second process counts the paths from the first partners on while this one
            # measures closeness, every partner's eccentricity (the summary's diameter) and the
            # other measures and does the caller's work, then counts paths from the last
            # partners back until the two meet.
            def meanwhile() -> npt.NDArray[np.float64]:
                closeness = _exact_closeness(prepared, np.arange(n), part_size)
                others.update(_other_measures(prepared))
                if alongside is not None:
                    alongside()
                return closeness

            raw, closeness, _ = split_betweenness(ig_graph, range(n), 1.0, meanwhile)
            betweenness = raw * scale
    else:
        # networkx's sample (random.Random(seed).sample of the node list, sorted here) and its
        # scaling of networkx 3.6 (a sampled partner's sum is over k - 1 other sources); the
        # tests check both against ``nx.betweenness_centrality(k=sample_size, seed=seed)``.
        sample = random.Random(seed).sample(range(n), sample_size)
        sampled = np.zeros(n, dtype=bool)
        sampled[sample] = True
        # igraph counts a path once between a source and a target; networkx sums the paths
        # from each sampled source to every partner, which is twice that.
        # The helper process counts them while this one estimates closeness, then both.
        def estimate() -> tuple[npt.NDArray[np.float64], bool]:
            others.update(_other_measures(prepared))
            if alongside is not None:
                alongside()
            return _sampled_closeness(prepared, sample, membership, part_size, exact_limit)

        raw, (closeness, estimated), _ = split_betweenness(ig_graph, sample, 1.0, estimate)
        betweenness = 2 * raw * np.where(sampled, 1 / ((sample_size - 1) * (n - 2)),
                                         1 / (sample_size * (n - 2)))
        frame.attrs["betweenness_sample"] = sample_size
        if estimated:
            frame.attrs["closeness_sample"] = sample_size

    if not others:
        others = _other_measures(prepared)
        if alongside is not None:
            alongside()
    for column in METRIC_COLUMNS:
        frame[column] = (betweenness if column == "betweenness" else
                         closeness if column == "closeness" else others[column])
    return frame


def _other_measures(prepared: Prepared) -> dict[str, Any]:
    """Every column of :data:`METRIC_COLUMNS` but betweenness and closeness."""
    graph, nodes, ig_graph = prepared.layer, prepared.names, prepared.igraph
    constraint, effective_size = _neighbourhood_measures(graph)
    articulation = set(ig_graph.articulation_points())
    return {
        "degree": ig_graph.degree(),
        "weighted_degree": [graph.degree(v, weight="weight") for v in nodes],
        "pagerank": _pagerank(ig_graph),
        "eigenvector": _eigenvector(ig_graph),
        "core": ig_graph.coreness(),
        # Partners within two steps, the partner itself not counted.
        "reach2": np.array(ig_graph.neighborhood_size(order=2)) - 1,
        "clustering": ig_graph.transitivity_local_undirected(mode="zero"),
        "constraint": [constraint[v] for v in nodes],
        "effective_size": [effective_size[v] for v in nodes],
        "articulation": [i in articulation for i in range(len(nodes))],
    }


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
    prepared = prepare(layer)
    graph, ig_graph = prepared.layer, prepared.igraph
    n = graph.number_of_nodes()
    # Vertex numbers follow the sorted partners: sorting a part's numbers sorts its names.
    parts = sorted((sorted(part) for part in ig_graph.connected_components()),
                   key=lambda part: (-len(part), part[0]))
    largest = parts[0] if parts else []
    summary: NetworkSummary = {
        "nodes": n,
        "edges": graph.number_of_edges(),
        "density": nx.density(graph) if n > 1 else 0.0,
        "components": len(parts),
        "largest_component": len(largest),
        "isolated": sum(1 for part in parts if len(part) == 1),
        "diameter": None,
        "average_path_length": None,
        "path_sample": None,
    }
    size = len(largest)
    if size < 2:
        return summary
    if size <= exact_limit or sample_size >= size:
        # The searches of the closeness (every partner's distance sum and eccentricity).
        paths = _paths(prepared, np.array(largest, dtype=np.int64))
        total = int(paths.sums[largest].sum())
        summary["average_path_length"] = total / (size * (size - 1))
        summary["diameter"] = int(paths.farthest[largest].max())
    else:
        sample = [largest[i] for i in random.Random(seed).sample(range(size), sample_size)]
        total, eccentricity = _sample_rows(prepared, sample, largest)
        summary["average_path_length"] = total / (sample_size * (size - 1))
        # A lower bound that is usually exact: the sample's largest distance, and the largest
        # distance seen from the partner farthest from them (the "double sweep"). The exact
        # diameter needs a search from many partners.
        away = next(_distance_rows(ig_graph, [sample[int(eccentricity.argmax())]], largest))[0]
        start = largest[int(away.argmax())]
        sweep = next(_distance_rows(ig_graph, [start], largest)).max()
        summary["diameter"] = int(max(eccentricity.max(), sweep))
        summary["path_sample"] = sample_size
    return summary


# --------------------------------------------------------------------------- helpers


def _exact_closeness(prepared: Prepared, vertices: npt.NDArray[np.int64],
                     part_size: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """networkx's closeness of these partners: igraph's closeness inside each one's part,
    scaled by the share of the other partners it reaches (Wasserman–Faust); 0 alone."""
    n = len(prepared.names)
    inside = _closeness_inside(prepared, vertices)
    reached = (part_size[vertices] - 1) / (n - 1) if n > 1 else np.zeros(len(vertices))
    return np.nan_to_num(inside * reached, nan=0.0)


def _closeness_inside(prepared: Prepared, vertices: npt.NDArray[np.int64]
                      ) -> npt.NDArray[np.float64]:
    """igraph's closeness of these partners (whole connected parts) inside their parts, the
    same bits: (part size − 1) / the sum of their distances; NaN for a partner without ties."""
    sums = _paths(prepared, vertices).sums[vertices]
    membership = np.array(prepared.igraph.connected_components().membership, dtype=np.int64)
    size = np.bincount(membership)[membership[vertices]] if len(vertices) else sums
    with np.errstate(divide="ignore", invalid="ignore"):  # 0 / 0 alone: NaN, as igraph
        return np.asarray((size - 1) / sums, dtype=float)


def _paths(prepared: Prepared, vertices: npt.NDArray[np.int64]) -> Distances:
    """The distance sums and eccentricities of these partners, which are whole connected parts
    (searched from all of their partners: the sums are theirs in full). Measured for every
    partner they are kept in ``prepared.memo``: the closeness, the summary's average path
    length and its diameter come from the same searches."""
    kept = prepared.memo.get("paths")
    if kept is not None:
        return kept
    n = len(prepared.names)
    if len(vertices) < n:
        return distances_from(prepared, vertices)
    paths = distances_from(prepared, np.arange(n))
    prepared.memo["paths"] = paths
    return paths


def _sampled_closeness(prepared: Prepared, sample: list[int],
                       membership: npt.NDArray[np.int64], part_size: npt.NDArray[np.int64],
                       exact_limit: int) -> tuple[npt.NDArray[np.float64], bool]:
    """Closeness, estimated in parts larger than ``exact_limit`` that hold at least two
    sampled partners, exact in the others; and whether any part was estimated.

    In an estimated part a partner's mean distance is taken over the sampled partners of its
    part (itself not counted), then scaled as in :func:`_exact_closeness`.
    """
    n = len(membership)
    closeness = np.zeros(n)
    in_part: dict[int, list[int]] = {}
    for source in sample:
        in_part.setdefault(int(membership[source]), []).append(source)
    big = {part for part, sources in in_part.items()
           if part_size[sources[0]] > exact_limit and len(sources) >= 2}
    exact = np.flatnonzero(~np.isin(membership, list(big)))
    if len(exact):
        closeness[exact] = _exact_closeness(prepared, exact, part_size)
    kept = prepared.memo.setdefault("sampled_rows", {})
    for part in sorted(big):
        members = np.flatnonzero(membership == part)
        sources = in_part[part]
        searched = distances_from(prepared, sources)
        far = searched.sums[members].astype(float)
        # What the summary needs of the same searches (see _sample_rows).
        kept[tuple(sources)] = (members, searched)
        seen = len(sources) - np.isin(members, sources)
        closeness[members] = (len(members) - 1) * seen / ((n - 1) * far)
    return closeness, bool(big)


def _sample_rows(prepared: Prepared, sample: list[int], part: list[int]
                 ) -> tuple[int, npt.NDArray[np.int64]]:
    """For the searches from the sampled partners across their part: the sum of all their
    distances and each one's largest distance. The metrics' estimate of closeness made the
    same searches when the network is one piece (the same sample of the same partners): then
    they are not made again."""
    kept = prepared.memo.get("sampled_rows", {}).get(tuple(sample))
    if kept is not None and np.array_equal(kept[0], part):
        searched = kept[1]
    else:
        searched = distances_from(prepared, sample)
    return int(searched.sums[part].sum()), searched.eccentricity


def _distance_rows(ig_graph: ig.Graph, sources: list[int], targets: list[int],
                   chunk: int = 64) -> Iterator[npt.NDArray[np.int64]]:
    """Distances from the sources to the targets (all in one connected part), a block of
    ``chunk`` sources at a time so that memory stays small for 20,000 partners."""
    for first in range(0, len(sources), chunk):
        block = ig_graph.distances(source=sources[first:first + chunk], target=targets)
        yield np.array(block, dtype=np.int64)


def _neighbourhood_measures(graph: nx.Graph) -> tuple[dict[Any, float], dict[Any, float]]:
    """Burt's constraint and effective size (unweighted, as networkx defines them).

    networkx builds an ego graph per partner for the effective size (15 s for 1,000 partners);
    the same values follow from the neighbour sets. With p = 1/degree for every tie, the
    constraint of v is the sum over its contacts j of ((1 + sum of 1/degree(q) over the
    contacts q that v and j share) / degree(v))²; the effective size is
    degree − 2 · (ties among the contacts) / degree. (igraph's constraint weighs ties by their
    weight and counts them differently, so these stay here.)
    """
    neighbours = {v: set(graph[v]) for v in graph}
    inverse = {v: 1 / len(nbrs) for v, nbrs in neighbours.items() if nbrs}
    constraint: dict[Any, float] = {}
    effective_size: dict[Any, float] = {}
    for v, nbrs in neighbours.items():
        degree = len(nbrs)
        if degree == 0:
            constraint[v] = effective_size[v] = math.nan
            continue
        shared_ties = 0  # each tie among the contacts is seen from both ends
        terms = []
        for j in nbrs:
            common = nbrs & neighbours[j]
            shared_ties += len(common)
            # fsum is exact, so the result does not depend on the sets' iteration order
            # (which changes between processes): the same workbook gives the same bits.
            terms.append(((1.0 + math.fsum(inverse[q] for q in common)) / degree) ** 2)
        constraint[v] = math.fsum(terms)
        effective_size[v] = degree - shared_ties / degree
    return constraint, effective_size


def _pagerank(ig_graph: ig.Graph) -> npt.NDArray[np.float64]:
    """PageRank with ``weight``, damping 0.85, as ``nx.pagerank`` defines it: partners without
    ties hand their share to everyone. igraph solves the eigenproblem (ARPACK) to machine
    precision, where networkx iterates to a tolerance and needs SciPy."""
    # ARPACK, seeded (it starts from random numbers): on 5,000 partners 0.02 s where PRPACK
    # takes 0.6 s; both agree to 5e-12 relative.
    with seeded(0):
        return np.array(ig_graph.pagerank(directed=False, damping=0.85, weights="weight",
                                          implementation="arpack"))


def _eigenvector(ig_graph: ig.Graph) -> npt.NDArray[np.float64]:
    """Weighted eigenvector centrality, scaled as networkx scales it (length 1); NaN when there
    are no ties (nothing to measure).

    Over the whole layer (not per part), so a small side group does not look as influential
    as the main network: partners outside the dominant part come out at 0.
    """
    n = ig_graph.vcount()
    if ig_graph.ecount() == 0:
        return np.full(n, math.nan)
    # ARPACK starts from random numbers: seeded, the same workbook gives the same bits in
    # every process. igraph warns that some values are near 0 for a network in several parts.
    with seeded(0), quiet():
        vector = np.abs(np.array(ig_graph.eigenvector_centrality(weights="weight")))
    return vector / np.linalg.norm(vector)
