"""The helper process for exact betweenness: halves that add up to networkx's figures, the same
bits with and without the helper, and no process left behind."""

from __future__ import annotations

import random

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from network_app.analysis import helper


@pytest.fixture(scope="module")
def network():
    """600 partners in a main part, side parts and partners alone (a sum over sources must
    also count the pairs in the small parts)."""
    graph = nx.gnm_random_graph(600, 1200, seed=11)
    graph.add_edges_from([(600, 601), (601, 602), (603, 604)])
    graph.add_node(605)
    assert nx.number_connected_components(graph) > 3
    return graph


def to_igraph(graph: nx.Graph) -> ig.Graph:
    nodes = sorted(graph)
    index = {v: i for i, v in enumerate(nodes)}
    return ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in graph.edges])


@pytest.fixture
def fresh_helper():
    helper._discard()
    helper._failed = False
    yield
    helper._discard()
    helper._failed = False


@pytest.mark.parametrize("share", [0.5, 0.88, 1.0, 0.0])
def test_halves_add_up_to_networkx(network, share, fresh_helper):
    graph = to_igraph(network)
    n = graph.vcount()
    raw, extra, helped = helper.split_betweenness(graph, range(n), share, lambda: "meanwhile")
    assert extra == "meanwhile"
    assert helped == (share > 0)  # nothing to send when the share is empty
    reference = nx.betweenness_centrality(network, normalized=False)
    assert raw.tolist() == pytest.approx([reference[v] for v in sorted(network)], abs=1e-9)
    assert raw == pytest.approx(graph.betweenness(directed=False), abs=1e-9)


def test_sampled_sources_add_up(network, fresh_helper):
    graph = to_igraph(network)
    sources = random.Random(3).sample(range(graph.vcount()), 100)
    raw, _, helped = helper.split_betweenness(graph, sources, 0.7, lambda: None)
    assert helped
    assert raw == pytest.approx(graph.betweenness(directed=False, sources=sources), abs=1e-9)


def test_same_bits_without_the_helper(network, fresh_helper, monkeypatch):
    graph = to_igraph(network)
    n = graph.vcount()
    with_helper, _, helped = helper.split_betweenness(graph, range(n), 0.88, lambda: None)
    assert helped
    helper._discard()
    monkeypatch.setattr(helper.sys, "executable", "/nonexistent/python")
    alone, _, helped = helper.split_betweenness(graph, range(n), 0.88, lambda: None)
    assert not helped and helper._failed
    assert alone.tobytes() == with_helper.tobytes()


def test_same_bits_whatever_the_share(network, fresh_helper, monkeypatch):
    """The sums are taken over the same blocks in the same order whoever counts them: any
    share, the helper or not, and betweenness_of alone give the same bits."""
    monkeypatch.setattr(helper, "CHUNK", 50)  # 606 partners: 13 blocks, the last one short
    graph = to_igraph(network)
    n = graph.vcount()
    alone = helper.betweenness_of(graph, range(n))
    assert alone == pytest.approx(graph.betweenness(directed=False), abs=1e-9)
    for share in (0.0, 0.3, 0.56, 0.88, 1.0):
        raw, _, helped = helper.split_betweenness(graph, range(n), share, lambda: None)
        assert helped == (share > 0)
        assert raw.tobytes() == alone.tobytes(), share


def test_a_dead_helper_is_replaced(network, fresh_helper):
    graph = to_igraph(network)
    n = graph.vcount()
    first, _, helped = helper.split_betweenness(graph, range(n), 0.5, lambda: None)
    assert helped and helper._process is not None
    helper._process.kill()
    helper._process.wait()
    # The dead helper is noticed and a new one started.
    again, _, helped = helper.split_betweenness(graph, range(n), 0.5, lambda: None)
    assert helped
    assert again.tobytes() == first.tobytes()


def test_helper_ends_with_its_pipe(fresh_helper):
    helper.warm_up()
    process = helper._process
    assert process is not None and process.poll() is None
    helper._discard()
    assert process.poll() is not None  # ended, waited for: nothing left behind
    assert helper._process is None


def test_a_failing_meanwhile_leaves_no_stale_answer(network, fresh_helper):
    graph = to_igraph(network)
    n = graph.vcount()

    def fail() -> None:
        raise RuntimeError("meanwhile failed")

    with pytest.raises(RuntimeError):
        helper.split_betweenness(graph, range(n), 0.5, fail)
    assert helper._process is None  # its answer was never read: the helper is let go
    raw, _, helped = helper.split_betweenness(graph, range(n), 0.5, lambda: None)
    assert helped
    assert raw == pytest.approx(graph.betweenness(directed=False), abs=1e-9)


def test_busy_helper_means_computing_here(network, fresh_helper):
    graph = to_igraph(network)
    n = graph.vcount()
    with helper._lock:  # another thread is using it
        raw, _, helped = helper.split_betweenness(graph, range(n), 0.5, lambda: None)
    assert not helped
    assert raw == pytest.approx(np.array(graph.betweenness(directed=False)), abs=1e-9)


def test_a_forked_child_lets_the_helper_end_with_its_parent(fresh_helper):
    """A fork of this process closes its copies of the helper's pipes: when the parent closes
    its own, the helper ends although the forked child still runs."""
    import os
    import time

    helper.warm_up()
    process = helper._process
    assert process is not None
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the forked child: wait until told, then leave without clean-up
        os.close(write)
        os.read(read, 1)
        os._exit(0)
    os.close(read)
    try:
        helper._discard()  # the parent lets go of the helper
        deadline = time.monotonic() + 10
        while process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        # It ended by itself, seeing its input close (killed after waiting it would be -9).
        assert process.poll() == 0
    finally:
        os.write(write, b"x")
        os.close(write)
        os.waitpid(child, 0)


def test_a_slow_meanwhile_leaves_every_offered_block_to_the_helper(network, fresh_helper,
                                                                   monkeypatch):
    import time

    graph = to_igraph(network)
    n = graph.vcount()
    monkeypatch.setattr(helper, "CHUNK", 50)
    helper.warm_up()
    counted_here = []
    real = helper._betweenness
    monkeypatch.setattr(helper, "_betweenness",
                        lambda g, block: counted_here.append(block) or real(g, block))
    raw, _, helped = helper.split_betweenness(graph, range(n), 1.0, lambda: time.sleep(2))
    assert helped and counted_here == []  # the helper was done before this process looked
    assert raw.tobytes() == helper.betweenness_of(graph, range(n)).tobytes()


def test_the_two_meet_and_a_late_stop_is_passed_over(network, fresh_helper, monkeypatch):
    """Offered everything, with nothing to do meanwhile: this process counts from the back
    while the (still booting) helper counts from the front. Whoever counts what, the bits are
    the same; a stop that reaches the helper after its answer does not confuse the next call."""
    graph = to_igraph(network)
    n = graph.vcount()
    monkeypatch.setattr(helper, "CHUNK", 10)
    alone = helper.betweenness_of(graph, range(n))
    for _ in range(4):
        raw, _, helped = helper.split_betweenness(graph, range(n), 1.0, lambda: None)
        assert helped
        assert raw.tobytes() == alone.tobytes()
    sources = list(range(0, n, 3))
    raw, _, helped = helper.split_betweenness(graph, sources, 1.0, lambda: None)
    assert helped
    assert raw.tobytes() == helper.betweenness_of(graph, sources).tobytes()
