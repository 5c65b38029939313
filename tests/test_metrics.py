"""Metrics on small networks checked by hand, and on Zachary's karate club against NetworkX and
igraph."""

from __future__ import annotations

import doctest
import math
import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from karate import karate_reference, write_karate_workbook

import network_app.analysis.metrics
from network_app import (
    METRIC_COLUMNS,
    METRIC_TEXT,
    build_graph,
    load_workbook,
    network_summary,
    partner_layer,
    partner_metrics,
)
from network_app.workbook.reading import read_sheets
from network_app.workbook.validation import validate_sheets

HUB = "stadtLABOR Soest"


def full_graph(make_xlsx, partners: list[str], ties: list[tuple[str, str, int]]) -> nx.Graph:
    """The whole graph (hub included) of a workbook with these partners and relations."""
    sheets = {
        "Partner": [["Name", "Kategorie", "Typ"], *([p, "Austausch", "Verein"] for p in partners)],
        "Beziehungen": [["Von", "Nach", "Art", "Stärke"], *([a, b, "Projekt", s]
                                                            for a, b, s in ties)],
    }
    data = validate_sheets(read_sheets(make_xlsx(sheets), "xlsx"))
    assert data.is_valid, data.errors
    return build_graph(data)


@pytest.fixture
def path_graph(make_xlsx):
    """A–B–C, A–B of strength 3, B–C of strength 1; with the hub."""
    return full_graph(make_xlsx, ["A", "B", "C"], [("A", "B", 3), ("B", "C", 1)])


# --------------------------------------------------------------------------- by hand


def test_path_by_hand(path_graph):
    frame = partner_metrics(partner_layer(path_graph))
    assert list(frame.index) == ["A", "B", "C"]
    assert list(frame.columns) == list(METRIC_COLUMNS)
    assert frame["degree"].tolist() == [1, 2, 1]
    assert frame["weighted_degree"].tolist() == [3, 4, 1]
    assert frame["betweenness"].tolist() == [0.0, 1.0, 0.0]
    # A: distances 1 + 2 → 2/3; B: 1 + 1 → 1.
    assert frame["closeness"].tolist() == pytest.approx([2 / 3, 1.0, 2 / 3])
    assert frame["reach2"].tolist() == [2, 2, 2]
    assert frame["core"].tolist() == [1, 1, 1]
    assert frame["clustering"].tolist() == [0.0, 0.0, 0.0]
    # A leaf depends on its one contact entirely; B has two unconnected contacts.
    assert frame["constraint"].tolist() == pytest.approx([1.0, 0.5, 1.0])
    assert frame["effective_size"].tolist() == [1.0, 2.0, 1.0]
    assert frame["articulation"].tolist() == [False, True, False]
    assert frame["pagerank"].sum() == pytest.approx(1.0)
    # The stronger tie makes A weigh more than C.
    assert frame.loc["B", "pagerank"] > frame.loc["A", "pagerank"] > frame.loc["C", "pagerank"]
    assert frame["eigenvector"].idxmax() == "B"
    assert frame.loc["A", "eigenvector"] > frame.loc["C", "eigenvector"]
    assert frame.attrs == {"betweenness_sample": None, "closeness_sample": None}


def test_hub_is_never_counted(path_graph):
    assert HUB in path_graph
    with_hub = partner_metrics(path_graph)
    assert HUB not in with_hub.index
    pd.testing.assert_frame_equal(with_hub, partner_metrics(partner_layer(path_graph)))
    assert network_summary(path_graph) == network_summary(partner_layer(path_graph))


def test_triangle_with_pendant():
    layer = nx.Graph([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D")])
    frame = partner_metrics(layer)
    # C lies on the only paths A–D and B–D: 2 of 3 pairs not involving C.
    assert frame["betweenness"].tolist() == pytest.approx([0, 0, 2 / 3, 0])
    assert frame["clustering"].tolist() == pytest.approx([1, 1, 1 / 3, 0])
    assert frame["core"].tolist() == [2, 2, 2, 1]
    assert frame["reach2"].tolist() == [3, 3, 3, 3]
    assert frame["articulation"].tolist() == [False, False, True, False]
    # A: contacts B and C, tied to each other; ((1 + 1/3) / 2)² + ((1 + 1/2) / 2)².
    assert frame.loc["A", "constraint"] == pytest.approx(4 / 9 + 9 / 16)
    assert frame["effective_size"].tolist() == pytest.approx([1, 1, 3 - 2 / 3, 1])


def test_star_without_hub():
    layer = nx.star_graph(["Mitte", "A", "B", "C"])
    frame = partner_metrics(layer)
    assert frame.loc["Mitte", "betweenness"] == 1.0
    assert frame.loc["Mitte", "closeness"] == 1.0
    assert frame.loc["A", "closeness"] == pytest.approx(3 / 5)
    assert frame.loc["Mitte", "constraint"] == pytest.approx(1 / 3)
    assert frame.loc["Mitte", "effective_size"] == 3
    assert frame["articulation"].tolist() == [False, False, False, True]


def test_isolated_partner(make_xlsx):
    graph = full_graph(make_xlsx, ["A", "B", "C", "E"], [("A", "B", 1), ("B", "C", 1)])
    frame = partner_metrics(partner_layer(graph))
    alone = frame.loc["E"]
    assert alone["degree"] == 0 and alone["weighted_degree"] == 0
    assert alone["betweenness"] == 0 and alone["closeness"] == 0 and alone["reach2"] == 0
    assert math.isnan(alone["constraint"]) and math.isnan(alone["effective_size"])
    assert not alone["articulation"]
    assert alone["eigenvector"] == pytest.approx(0, abs=1e-6)
    # Closeness is scaled by the share of partners reached (networkx's Wasserman–Faust).
    assert frame.loc["B", "closeness"] == pytest.approx(2 / 3)
    assert frame["betweenness"].tolist() == pytest.approx([0, 1 / 3, 0, 0])
    assert frame["pagerank"].sum() == pytest.approx(1.0)


def test_no_partners_and_no_ties():
    empty = partner_metrics(nx.Graph())
    assert empty.empty and list(empty.columns) == list(METRIC_COLUMNS)
    loose = partner_metrics(nx.empty_graph(["A", "B"]))
    assert loose["degree"].tolist() == [0, 0]
    assert loose["eigenvector"].isna().all()
    assert loose["pagerank"].tolist() == pytest.approx([0.5, 0.5])


def test_eigenvector_over_disconnected_parts():
    layer = nx.complete_graph(["A", "B", "C", "D", "E"])
    layer.add_edge("X", "Y")
    frame = partner_metrics(layer)
    assert frame.loc[["A", "E"], "eigenvector"].tolist() == pytest.approx([1 / math.sqrt(5)] * 2)
    # A pair on its own is not as influential as the main group.
    assert frame.loc["X", "eigenvector"] < 1e-4


def test_same_input_same_result_whatever_the_order():
    edges = [("D", "E"), ("A", "B"), ("C", "A"), ("B", "C"), ("C", "D")]
    forward = nx.Graph(edges)
    backward = nx.Graph(list(reversed([(b, a) for a, b in edges])))
    pd.testing.assert_frame_equal(partner_metrics(forward), partner_metrics(backward))


@pytest.mark.parametrize("graph", [nx.les_miserables_graph(), nx.florentine_families_graph(),
                                   nx.gnm_random_graph(120, 200, seed=3)], ids=str)
def test_exact_values_equal_networkx(graph):
    frame = partner_metrics(graph)
    references = {
        "betweenness": nx.betweenness_centrality(graph),
        "closeness": nx.closeness_centrality(graph),
        "core": nx.core_number(graph),
        "clustering": nx.clustering(graph),
        "constraint": nx.constraint(graph),
        "effective_size": nx.effective_size(graph),
        "eigenvector": nx.eigenvector_centrality(graph, weight="weight", tol=1e-10,
                                                 max_iter=1000),
    }
    for column, reference in references.items():
        expected = [reference[v] for v in frame.index]
        assert frame[column].tolist() == pytest.approx(expected, abs=1e-7, nan_ok=True), column
    assert set(frame.index[frame["articulation"]]) == set(nx.articulation_points(graph))


# --------------------------------------------------------------------------- 2,000 partners


@pytest.fixture(scope="module")
def two_thousand():
    """2,000 partners, 5,000 weighted ties (strengths 1–5): a main part, small side parts and
    partners without ties, so the Wasserman–Faust scaling and the parts all count."""

    graph = nx.relabel_nodes(nx.gnm_random_graph(2000, 5000, seed=2026), lambda n: f"P{n:04d}")
    rng = random.Random(7)
    for u, v in graph.edges:
        graph.edges[u, v]["weight"] = rng.randint(1, 5)
    assert nx.number_connected_components(graph) > 5 and nx.number_of_isolates(graph) > 0
    return graph


def test_two_thousand_partners_equal_networkx(two_thousand):
    graph = two_thousand
    frame = partner_metrics(graph)
    assert frame.attrs == {"betweenness_sample": None, "closeness_sample": None}
    nodes = list(frame.index)
    assert nodes == sorted(graph)
    closeness = nx.closeness_centrality(graph)
    references = {
        "degree": dict(graph.degree()),
        "weighted_degree": dict(graph.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(graph),
        "closeness": closeness,
        "pagerank": dict(zip(nodes, pagerank_by_power(graph, nodes), strict=True)),
        "eigenvector": dict(zip(nodes, eigenvector_by_power(graph, nodes), strict=True)),
        "core": nx.core_number(graph),
        "clustering": nx.clustering(graph),
        "constraint": nx.constraint(graph),
    }
    for column, reference in references.items():
        expected = [reference[v] for v in nodes]
        assert frame[column].tolist() == pytest.approx(expected, rel=1e-9, abs=1e-9,
                                                       nan_ok=True), column
    within_two = [len(nx.single_source_shortest_path_length(graph, v, cutoff=2)) - 1
                  for v in nodes]
    assert frame["reach2"].tolist() == within_two
    assert set(frame.index[frame["articulation"]]) == set(nx.articulation_points(graph))

    summary = network_summary(graph)
    largest = graph.subgraph(max(nx.connected_components(graph), key=len))
    size = len(largest)
    assert summary["path_sample"] is None
    assert summary["diameter"] == nx.diameter(largest, usebounds=True)
    # networkx's closeness of a partner in the largest part is (size-1)² / ((n-1) · the sum of
    # its distances): the sum of all distances from it (nx.average_shortest_path_length takes
    # 10 s here).
    distances = sum((size - 1) ** 2 / ((len(graph) - 1) * closeness[v]) for v in largest)
    assert summary["average_path_length"] == pytest.approx(distances / (size * (size - 1)),
                                                           rel=1e-12)
    assert summary["components"] == nx.number_connected_components(graph)
    assert summary["isolated"] == nx.number_of_isolates(graph)


def pagerank_by_power(graph: nx.Graph, nodes: list[str]) -> np.ndarray:
    """NetworkX's PageRank (its Google matrix: weighted, dangling partners to everyone) by
    power iteration until it no longer moves; nx.pagerank itself needs SciPy."""
    google = nx.google_matrix(graph, weight="weight", nodelist=nodes)
    rank = np.full(len(nodes), 1 / len(nodes))
    for _ in range(5000):
        new = rank @ google
        if np.abs(new - rank).max() < 1e-17:
            return new / new.sum()
        rank = new
    raise AssertionError("the reference did not settle")


def eigenvector_by_power(graph: nx.Graph, nodes: list[str]) -> np.ndarray:
    """NetworkX's eigenvector_centrality (power iteration with A + I from an even start, length
    1), iterated with numpy until it no longer moves instead of to networkx's tolerance."""
    weights = nx.to_numpy_array(graph, nodelist=nodes, weight="weight")
    vector = np.full(len(nodes), 1 / len(nodes))
    for _ in range(5000):
        new = vector + weights @ vector
        new /= np.linalg.norm(new)
        if np.abs(new - vector).max() < 1e-14:
            return new
        vector = new
    raise AssertionError("the reference did not settle")


def test_two_thousand_partners_sampled_equal_networkx(two_thousand):
    frame = partner_metrics(two_thousand, exact_limit=1000, sample_size=200, seed=9)
    assert frame.attrs == {"betweenness_sample": 200, "closeness_sample": 200}
    expected = nx.betweenness_centrality(analysis_copy(two_thousand), k=200, seed=9)
    assert frame["betweenness"].tolist() == pytest.approx([expected[v] for v in frame.index],
                                                          rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("case", ["none", "small", "helper", "sampled"])
def test_the_callers_work_runs_once_alongside(two_thousand, case):
    """analyze_report finds the groups while the helper counts paths: the work runs exactly
    once on every way through the measures, and the figures stay the same."""
    graph = {"none": nx.Graph(), "small": nx.path_graph(5)}.get(case, two_thousand)
    options = {"exact_limit": 1000, "sample_size": 200} if case == "sampled" else {}
    calls = []
    frame = partner_metrics(graph.copy(), alongside=lambda: calls.append(1), **options)
    assert calls == [1]
    # The same bits: the helper's share differs with the caller's work, the sums do not.
    pd.testing.assert_frame_equal(frame, partner_metrics(graph.copy(), **options),
                                  check_exact=True)


def test_one_conversion_per_graph(two_thousand, monkeypatch):
    import igraph

    import network_app.analysis.engine as engine

    graph = two_thousand.copy()
    conversions = []
    convert = engine._convert
    monkeypatch.setattr(engine, "_convert", lambda layer: conversions.append(1) or convert(layer))
    searches = []
    search = network_app.analysis.metrics.distances_from
    monkeypatch.setattr(network_app.analysis.metrics, "distances_from",
                        lambda *a, **k: searches.append(1) or search(*a, **k))
    for name in ("closeness", "eccentricity", "distances"):  # all in the one pass of bits
        monkeypatch.setattr(igraph.Graph, name, None)
    first = partner_metrics(graph)
    network_summary(graph)
    assert len(conversions) == 1
    # The summary's path lengths and diameter come from the searches of the closeness.
    assert len(searches) == 1
    # A changed weight is a different network: converted afresh, and the figures follow it.
    u, v = next(iter(graph.edges))
    graph.edges[u, v]["weight"] = 100
    changed = partner_metrics(graph)
    assert len(conversions) == 2
    assert changed.loc[u, "pagerank"] > first.loc[u, "pagerank"]


# --------------------------------------------------------------------------- sampling


@pytest.fixture(scope="module")
def generated():
    return nx.relabel_nodes(nx.gnm_random_graph(300, 900, seed=11), lambda n: f"P{n:03d}")


def test_sampled_betweenness(generated):
    frame = partner_metrics(generated, exact_limit=100, sample_size=60, seed=5)
    assert frame.attrs == {"betweenness_sample": 60, "closeness_sample": 60}
    again = partner_metrics(generated, exact_limit=100, sample_size=60, seed=5)
    pd.testing.assert_frame_equal(frame, again)
    # The same values as networkx's own estimate (same sample, same scaling).
    expected = nx.betweenness_centrality(analysis_copy(generated), k=60, seed=5)
    assert frame["betweenness"].tolist() == pytest.approx([expected[v] for v in frame.index])


def test_sampled_closeness_is_close(generated):
    frame = partner_metrics(generated, exact_limit=100, sample_size=150)
    exact = partner_metrics(generated)
    assert exact.attrs["betweenness_sample"] is None
    error = (frame["closeness"] - exact["closeness"]).abs() / exact["closeness"]
    assert error.max() < 0.1
    # Everything that is not sampled stays exact.
    for column in ("degree", "pagerank", "constraint", "core", "reach2"):
        pd.testing.assert_series_equal(frame[column], exact[column])


def test_small_parts_keep_exact_closeness(generated):
    graph = generated.copy()
    graph.add_edges_from([("Z1", "Z2"), ("Z2", "Z3")])
    frame = partner_metrics(graph, exact_limit=100, sample_size=60)
    assert frame.loc["Z2", "closeness"] == pytest.approx(2 / (len(graph) - 1))


def test_sample_size_must_allow_an_estimate(generated):
    with pytest.raises(ValueError, match="sample_size"):
        partner_metrics(generated, sample_size=1)


def analysis_copy(graph: nx.Graph) -> nx.Graph:
    """The graph with nodes in sorted order, as partner_metrics samples them."""
    copy = nx.Graph()
    copy.add_nodes_from(sorted(graph))
    copy.add_edges_from(graph.edges)
    return copy


# --------------------------------------------------------------------------- summary


def test_summary_by_hand(make_xlsx):
    graph = full_graph(make_xlsx, ["A", "B", "C", "E"], [("A", "B", 1), ("B", "C", 1)])
    assert network_summary(graph) == {
        "nodes": 4, "edges": 2, "density": pytest.approx(2 / 6), "components": 2,
        "largest_component": 3, "isolated": 1, "diameter": 2,
        "average_path_length": pytest.approx(4 / 3), "path_sample": None,
    }


@pytest.mark.parametrize("graph", [nx.Graph(), nx.empty_graph(["A"]), nx.empty_graph(["A", "B"])],
                         ids=["none", "one", "two apart"])
def test_summary_without_paths(graph):
    summary = network_summary(graph)
    assert summary["diameter"] is None and summary["average_path_length"] is None
    assert summary["edges"] == 0 and summary["isolated"] == len(graph)


def test_summary_equals_networkx(generated):
    largest = generated.subgraph(max(nx.connected_components(generated), key=len))
    summary = network_summary(generated)
    assert summary["components"] == nx.number_connected_components(generated)
    assert summary["density"] == pytest.approx(nx.density(generated))
    assert summary["diameter"] == nx.diameter(largest)
    assert summary["average_path_length"] == pytest.approx(
        nx.average_shortest_path_length(largest))


def test_distances_in_bits_equal_igraph(generated):
    """The one pass of bits gives igraph's distance sums, eccentricities and closeness, bit for
    bit, from all partners and from a sample, with a long tail, side parts, partners alone,
    a partner tied to itself and more sources than one block."""
    import igraph

    from network_app.analysis import engine

    graph = generated.copy()
    nx.add_path(graph, ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"])
    graph.add_edge("T1", "P000")
    graph.add_edges_from([("Z1", "Z2"), ("Z2", "Z3"), ("Z3", "Z3")])
    graph.add_nodes_from(["Y1", "Y2"])
    prepared = engine.prepare(graph)
    copy = igraph.Graph(n=len(prepared.names), edges=prepared.igraph.get_edgelist())
    n = copy.vcount()
    everyone = engine.distances_from(prepared, np.arange(n))
    assert everyone.farthest.tolist() == copy.eccentricity()
    assert everyone.eccentricity.tolist() == copy.eccentricity()
    sizes = np.array(copy.connected_components().sizes())[copy.connected_components().membership]
    with np.errstate(divide="ignore", invalid="ignore"):
        closeness = (sizes - 1) / everyone.sums
    assert np.array_equal(closeness, np.array(copy.closeness(), dtype=float), equal_nan=True)
    sample = random.Random(4).sample(range(n), 150)
    rows = np.array(copy.distances(source=sample), dtype=float)
    reached = np.where(np.isinf(rows), 0, rows).astype(np.int64)
    for block in (64, 100, 512):  # one block, several, a last one that is not full
        monkeypatch = pytest.MonkeyPatch()
        monkeypatch.setattr(engine, "BLOCK", block)
        try:
            searched = engine.distances_from(prepared, sample)
        finally:
            monkeypatch.undo()
        assert searched.sums.tolist() == reached.sum(axis=0).tolist()
        assert searched.farthest.tolist() == reached.max(axis=0).tolist()
        assert searched.eccentricity.tolist() == reached.max(axis=1).tolist()
    assert engine.distances_from(prepared, []).sums.tolist() == [0] * n


def test_sampled_summary(generated):
    exact = network_summary(generated)
    sampled = network_summary(generated, exact_limit=100, sample_size=100)
    assert sampled["path_sample"] == 100
    assert sampled["average_path_length"] == pytest.approx(exact["average_path_length"], rel=0.05)
    # A lower bound from a double sweep, exact on most networks.
    assert exact["diameter"] - 1 <= sampled["diameter"] <= exact["diameter"]
    assert sampled == network_summary(generated, exact_limit=100, sample_size=100)


# --------------------------------------------------------------------------- karate club


@pytest.fixture(scope="module")
def karate(tmp_path_factory):
    data = load_workbook(write_karate_workbook(tmp_path_factory.mktemp("karate") / "k.xlsx"))
    assert data.is_valid, data.errors
    graph = build_graph(data)
    assert HUB in graph
    return partner_metrics(partner_layer(graph))


def test_karate_equals_networkx(karate):
    reference = karate_reference()
    assert HUB not in karate.index
    assert len(karate) == 34 and sorted(karate.index) == sorted(reference)
    expected = {
        "degree": dict(reference.degree()),
        "weighted_degree": dict(reference.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(reference),
        "closeness": nx.closeness_centrality(reference),
        "pagerank": pagerank_from_google_matrix(reference),
        "core": nx.core_number(reference),
        "clustering": nx.clustering(reference),
        "eigenvector": nx.eigenvector_centrality(reference, weight="weight", tol=1e-10),
    }
    for column, values in expected.items():
        assert karate[column].tolist() == pytest.approx([values[v] for v in karate.index],
                                                        abs=1e-7), column
    # Known from the literature: the instructor and the officer are the two big brokers.
    assert set(karate["betweenness"].nlargest(2).index) == {"Mitglied 1", "Mitglied 34"}
    assert karate.loc["Mitglied 1", "betweenness"] == pytest.approx(0.43763528, abs=1e-8)


def pagerank_from_google_matrix(graph: nx.Graph) -> dict[str, float]:
    """NetworkX's PageRank without SciPy: the leading left eigenvector of its Google matrix."""
    google = nx.google_matrix(graph, weight="weight", nodelist=list(graph))
    values, vectors = np.linalg.eig(google.T)
    leading = np.real(vectors[:, np.argmax(np.real(values))])
    return dict(zip(graph, leading / leading.sum(), strict=True))


def test_karate_equals_igraph(karate):
    ig = pytest.importorskip("igraph")
    reference = karate_reference()
    graph = ig.Graph.from_networkx(reference)
    names = graph.vs["_nx_name"]
    n = graph.vcount()
    # igraph counts each unordered pair once; normalised like networkx: 2 / ((n-1)(n-2)).
    betweenness = [b * 2 / ((n - 1) * (n - 2)) for b in graph.betweenness()]
    for column, values in {"betweenness": betweenness, "closeness": graph.closeness(),
                           "pagerank": graph.pagerank(weights="weight")}.items():
        assert karate.loc[names, column].tolist() == pytest.approx(values, abs=1e-7), column


# --------------------------------------------------------------------------- words


def test_every_measure_is_explained():
    summary_keys = set(network_summary(nx.path_graph(3))) - {"path_sample"}
    for key in [*METRIC_COLUMNS, *summary_keys, "community", "modularity"]:
        assert set(METRIC_TEXT[key]) == {"de", "en"}, key
        for label, explanation in METRIC_TEXT[key].values():
            assert label and explanation.endswith("."), key
            assert len(explanation) < 200, key
    assert METRIC_TEXT["betweenness"]["de"][0] == "Brückenfunktion"
    assert "niedrig = viele unabhängige Kontakte" in METRIC_TEXT["constraint"]["de"][1]
    assert "low = many independent contacts" in METRIC_TEXT["constraint"]["en"][1]


def test_docstring_examples_run():
    import network_app.analysis.engine

    for module in (network_app.analysis.metrics, network_app.analysis.engine):
        result = doctest.testmod(module)
        assert result.attempted and not result.failed, module.__name__


def test_sampled_summary_reuses_the_metrics_searches(monkeypatch):
    """One piece, sampled: the summary's searches are the metrics' (the same sample of the
    same partners), so they are not made again, and the figures are the same as without."""
    from network_app.analysis import metrics as module
    from network_app.analysis.engine import prepare

    graph = nx.connected_watts_strogatz_graph(400, 6, 0.2, seed=5)
    alone = network_summary(graph.copy(), exact_limit=100, sample_size=60)
    partner_metrics(graph, exact_limit=100, sample_size=60)
    assert prepare(graph).memo["sampled_rows"]
    searched = []
    real = module._distance_rows

    def counted(ig_graph, sources, targets, chunk=64):
        searched.append(len(sources))
        return real(ig_graph, sources, targets, chunk)

    monkeypatch.setattr(module, "_distance_rows", counted)
    monkeypatch.setattr(module, "distances_from", None)  # the sample is not searched again
    assert network_summary(graph, exact_limit=100, sample_size=60) == alone
    assert searched == [1, 1]  # only the double sweep's two searches


def test_fresh_conversion_is_found_through_its_layer():
    from network_app.analysis.engine import prepare

    graph = nx.path_graph(5)
    prepared = prepare(graph, fresh=True)
    assert prepare(prepared.layer) is prepared
    assert partner_metrics(prepared.layer)["degree"].tolist() == [1, 2, 2, 2, 1]
