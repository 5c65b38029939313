"""The app's kept graph of a workbook (app_pages/common.graph_for): built once, frozen for
networkx, set aside from Python's garbage collector while it is kept and given back when it
leaves the cache (#12: at 20,000 partners each collection that looked at it cost 0.1-0.3 s)."""

from __future__ import annotations

import gc
import importlib

import networkx as nx
from conftest import ROOT

import network_app as na


def test_kept_graph_is_left_alone_by_the_collector_until_released(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT))  # the app's folder, as streamlit run has it
    common = importlib.import_module("app_pages.common")
    data = na.load_workbook(ROOT / "data" / "stadtlabor_soest.xlsx")
    common.graph_for.clear()
    gc.unfreeze()
    try:
        graph = common.graph_for("test-key", data)
        assert nx.is_frozen(graph)
        assert graph.number_of_nodes() == na.build_graph(data).number_of_nodes()
        assert gc.get_freeze_count() > graph.number_of_nodes()  # the graph's objects with it
        assert gc.isenabled()
        assert common.graph_for("test-key", data) is graph  # kept, not built again
        common.graph_for.clear()  # the entry leaves the cache: everything back to the collector
        assert gc.get_freeze_count() == 0
    finally:
        common.graph_for.clear()
        gc.unfreeze()
