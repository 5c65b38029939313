"""The data of the exported overview page (network_app.exports.html_overview.overview_data):
every tie of a group listed once with its width, partners ranked for the label engine, and the
same page whatever Python's hash seed (a group's ties used to come in the order of a set); and
the HTML export without Python's cyclic collector."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import networkx as nx

from network_app.drawing.styling import node_styles
from network_app.exports.html_overview import overview_data

#: Builds the test network in a fresh process and prints its overview data as JSON.
_SCRIPT = """
import json, sys
sys.path.insert(0, {tests!r})
from test_overview_export import network
from network_app.drawing.styling import node_styles
from network_app.exports.html_overview import overview_data
graph = network()
places = {{n: (float(i), -float(i)) for i, n in enumerate(graph)}}
print(json.dumps(overview_data(graph, places, node_styles(graph))))
"""


def network() -> nx.Graph:
    """A hub and six groups of twelve partners, each a ring with chords (so Leiden finds the
    groups), joined by one tie each; two partners whose names differ only in case, a partner
    tied to itself, and ties of several strengths."""
    graph = nx.Graph()
    graph.add_node("Lab", kind="hub", label="Lab")
    for g in range(6):
        names = [f"Partner {g}-{k:02d}" for k in range(12)]
        if g == 0:
            names[3], names[4] = "Gleich", "GLEICH"
        for name in names:
            graph.add_node(name, kind="partner", label=name, category="Forschung",
                           categories=["Forschung"])
            graph.add_edge("Lab", name, kind="category", weight=1)
        for k, name in enumerate(names):
            for step in (1, 2, 5):
                other = names[(k + step) % len(names)]
                graph.add_edge(name, other, kind="partner", strength=1 + (k + step) % 5,
                               weight=1)
        graph.add_edge(names[0], f"Partner {(g + 1) % 6}-06", kind="partner", strength=1,
                       weight=1)
    graph.add_edge("Partner 1-01", "Partner 1-01", kind="partner", strength=2, weight=1)
    return graph


def test_every_tie_of_a_group_once_with_its_width():
    graph = network()
    data = overview_data(graph, {}, node_styles(graph))
    assert len(data["groups"]) == 6
    assert "Lab" not in data["names"]
    for members, flat in zip(data["members"], data["edges"], strict=True):
        names = [data["names"][i] for i in members]
        listed = [tuple(flat[i:i + 3]) for i in range(0, len(flat), 3)]
        expected = sorted(
            (min(names.index(a), names.index(b)), max(names.index(a), names.index(b)),
             int(min(1 + attrs["strength"], 8)))
            for a, b, attrs in graph.subgraph(names).edges(data=True))
        assert sorted(listed) == expected
        # from the end named first, in that order
        assert all(a <= b for a, b, _ in listed)
        assert [a for a, _, _ in listed] == sorted(a for a, _, _ in listed)
    assert any(a == b for flat in data["edges"] for a, b in zip(flat[::3], flat[1::3],
                                                                  strict=True))


def test_partners_are_ranked_as_the_label_engine_names_them():
    """Bigger first, then more ties inside the group, then by name (as label_ranks ranks the
    group); partners ranked alike by their names' order, so the page is the same every time."""
    graph = network()
    styles = node_styles(graph)
    data = overview_data(graph, {}, styles)
    for members in data["members"]:
        names = [data["names"][i] for i in members]
        inside = graph.subgraph(names)
        keys = [(-styles[n].size, -inside.degree(n), n.casefold(), n) for n in names]
        assert keys == sorted(keys)
        assert [data["rank"][i] for i in members] == list(range(len(members)))
    first = data["group"][data["names"].index("Gleich")]
    shown = [data["names"][i] for i in data["members"][first]]
    assert shown.index("GLEICH") == shown.index("Gleich") - 1


def test_the_same_data_whatever_the_hash_seed():
    tests = os.path.dirname(os.path.abspath(__file__))
    runs = []
    for seed in ("1", "2", "3"):
        result = subprocess.run([sys.executable, "-c", _SCRIPT.format(tests=tests)],
                                capture_output=True, text=True, check=True,
                                env={**os.environ, "PYTHONHASHSEED": seed})
        runs.append(json.loads(result.stdout))
    assert runs[0] == runs[1] == runs[2]
    assert runs[0]["edges"][0]


def test_the_html_export_pauses_the_collector_and_turns_it_back_on(tmp_path, monkeypatch):
    """A full collection walks every object of the loaded workbook and frees nothing of the
    page's: the HTML export runs without the cyclic collector and turns it back on."""
    import gc

    from conftest import BUNDLED

    import network_app.exports as exports
    from network_app.workbook.loading import load_workbook

    seen = []
    original = exports.network_layout

    def layout(graph):
        seen.append(gc.isenabled())
        return original(graph)

    monkeypatch.setattr(exports, "network_layout", layout)
    data = load_workbook(BUNDLED)
    assert gc.isenabled()
    exports.export("html", tmp_path / "netz.html", data)
    assert seen == [False] and gc.isenabled()
    exports.export("svg", tmp_path / "netz.svg", data)  # matplotlib's figures are cycles
    assert seen == [False, True] and gc.isenabled()
