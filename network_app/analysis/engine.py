"""The compiled engine under the measures: one igraph copy of the partner layer per graph.

NetworkX stays the model and the API of this package; the heavy algorithms (shortest paths,
centralities, cores, cut points, bridges, components, communities) run in igraph's C core, on a
copy made once per graph and kept while the graph lives.

:func:`prepare` returns a :class:`Prepared`: the sorted partner layer
(:func:`~network_app.network.graph.partner_layer` with ``ordered=True``) and the same network as
an ``igraph.Graph`` whose vertex *i* is ``names[i]`` (the sorted partners) and whose edges carry
the ties' ``weight``. It is cached on the graph object that was passed in (weakly: the cache
never keeps a graph alive) together with a fingerprint of that graph's nodes, their ``kind``, its
ties and their weights; a graph changed in between is converted afresh. So the metrics, the
summary, the groups and the brokers of one workbook share one conversion instead of four. The
prepared layer and the igraph copy are shared: never change them.

igraph's random number generator is Python's ``random`` module unless told otherwise;
:func:`seeded` gives it a ``random.Random(seed)`` for the length of one call, so seeded
algorithms (Leiden) give the same result every time, also with several threads.

>>> import networkx as nx
>>> graph = nx.Graph([("B", "C"), ("A", "B")])
>>> prepared = prepare(graph)
>>> prepared.names, prepared.igraph.get_edgelist()
(['A', 'B', 'C'], [(0, 1), (1, 2)])
>>> prepare(graph) is prepared  # the same graph, unchanged: converted once
True
>>> prepare(prepared.layer) is prepared  # its own layer, passed on: the same conversion
True
>>> graph.add_edge("C", "A")
>>> len(prepare(graph).igraph.es)
3
"""

from __future__ import annotations

import random
import threading
import warnings
import weakref
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import igraph as ig
import networkx as nx

from ..network.graph import partner_layer

__all__ = ["Prepared", "prepare", "quiet", "seeded"]

#: How many graphs keep their conversion at most (the app holds a few workbooks at a time).
CACHE_SIZE = 4

_lock = threading.RLock()
# graph → (fingerprint, Prepared); weak keys: a graph that is gone takes its copy with it.
_cache: weakref.WeakKeyDictionary[nx.Graph, tuple[int, Prepared]] = weakref.WeakKeyDictionary()
# prepared layer → its Prepared: passing ``prepare(graph).layer`` on (as ``analyze_report`` does)
# finds its conversion without hashing the layer again (0.1 s for 5,000 partners per call).
# Weak both ways: the Prepared lives as long as the graph it was made from (``_cache``).
_layers: weakref.WeakKeyDictionary[nx.Graph, weakref.ref[Prepared]] = \
    weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Prepared:
    """A partner layer and its igraph copy (see the module docstring).

    Attributes
    ----------
    layer : nx.Graph
        The partner layer, sorted, a ``weight`` on every tie.
    names : list
        The partners in that order: vertex *i* of ``igraph`` is ``names[i]``.
    igraph : igraph.Graph
        The same network, undirected, edge attribute ``weight``.
    memo : dict
        Results that several measures need, computed once per graph (e.g. ``"closeness"``:
        igraph's closeness of every partner inside its part, for the metrics and the summary).
    """

    layer: nx.Graph
    names: list[Any]
    igraph: ig.Graph
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def index(self) -> dict[Any, int]:
        """Partner → vertex number."""
        return {name: i for i, name in enumerate(self.names)}


def prepare(graph: nx.Graph, *, fresh: bool = False) -> Prepared:
    """The sorted partner layer of ``graph`` and its igraph copy, converted once per graph.

    Parameters
    ----------
    graph : nx.Graph
        The full graph of :func:`~network_app.network.graph.build_graph`, a partner layer or any
        undirected networkx graph; a hub (``kind == "hub"``), activities and programmes are left
        out.
    fresh : bool
        The graph was just built and no other call has it: it is converted without hashing it
        (0.5 s for 20,000 partners with their activities) and not cached under it; the
        conversion is found again through its layer (``prepare(prepared.layer)``) as long as
        the caller keeps the result.

    Returns
    -------
    Prepared
        Shared between calls on the same unchanged graph: read it, never change it.
    """
    if fresh:
        prepared = _convert(partner_layer(graph, ordered=True))
        with _lock:
            _layers[prepared.layer] = weakref.ref(prepared)
        return prepared
    mine = _layers.get(graph)
    own = mine() if mine is not None else None
    if own is not None:  # a prepared layer itself: shared and never changed, no fingerprint
        return own
    key = _fingerprint(graph)
    if key is not None:
        with _lock:
            try:
                cached = _cache.get(graph)
            except TypeError:  # an unhashable graph class: no cache
                cached = None
            if cached is not None and cached[0] == key:
                return cached[1]
    prepared = _convert(partner_layer(graph, ordered=True))
    if key is not None:
        with _lock:
            try:
                _cache[graph] = (key, prepared)
            except TypeError:  # not weakly referable or not hashable: no cache
                return prepared
            _layers[prepared.layer] = weakref.ref(prepared)
            while len(_cache) > CACHE_SIZE:
                oldest = next(iter(_cache.keys()))
                del _cache[oldest]
    return prepared


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """igraph draws its random numbers from ``random.Random(seed)`` inside the block.

    The generator is igraph's global state, so the block holds a lock: two threads never seed
    each other's runs.
    """
    with _lock:
        ig.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            ig.set_random_number_generator(random)


@contextmanager
def quiet() -> Iterator[None]:
    """igraph's warnings about what the measures already handle (e.g. eigenvector centrality of
    a network in several parts) stay out of the user's terminal."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        yield


def _fingerprint(graph: nx.Graph) -> int | None:
    """A hash of the nodes, their kind, the ties and their weights; None when a value cannot
    be hashed (then nothing is cached). A frozen graph (``nx.freeze``, as the app keeps the
    workbook's graph) cannot gain or lose a node or a tie: it is taken as unchanged without
    reading it (0.5 s at 20,000 partners and 80,000 ties)."""
    if nx.is_frozen(graph):
        return 0
    try:
        return hash((graph.is_directed(), tuple(graph.nodes(data="kind")),
                     tuple(graph.edges(data="weight"))))
    except TypeError:
        return None


def _convert(layer: nx.Graph) -> Prepared:
    """igraph copy of a sorted partner layer; vertex order = the layer's order."""
    names: list[Hashable] = list(layer)
    index = {name: i for i, name in enumerate(names)}
    edges = []
    weights = []
    for u, v, weight in layer.edges(data="weight"):
        edges.append((index[u], index[v]))
        weights.append(float(weight))
    copy = ig.Graph(n=len(names), edges=edges, directed=False)
    copy.es["weight"] = weights
    return Prepared(layer=layer, names=names, igraph=copy)
