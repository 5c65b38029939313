"""The first page made ahead (app_pages/prefetch.py): the workspace's current workbook read in
the isolated child, its graph and groups, handed to the page's functions once and only when
their arguments are the ones it was made for."""

from __future__ import annotations

import sys
import time

import networkx as nx
import pytest
from conftest import ROOT
from test_limits import BUNDLED

sys.path.insert(0, str(ROOT))  # the app's pages are no package of the library
from app_pages import prefetch  # noqa: E402
from network_app.errors import NetworkAppError  # noqa: E402
from network_app.workbook.isolated import load_isolated  # noqa: E402
from network_app.workspace.store import Workspace, fingerprint  # noqa: E402


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """A workspace of its own holding the bundled workbook, and a prefetch not started yet."""
    monkeypatch.setenv("PARTNERNETZ_WORKSPACE", str(tmp_path / "ws"))
    monkeypatch.setattr(prefetch, "configured_workspace", lambda: None)
    monkeypatch.setattr(prefetch, "_started", False)
    monkeypatch.setattr(prefetch, "_job", {})
    Workspace.resolve(None).ensure()
    return Workspace.resolve(None).open_current()


def test_made_ahead_and_handed_out_once(fresh):
    current, content = fresh
    prefetch.start()
    prefetch.start()  # once per process
    assert prefetch.take_data(content, current.name, "Someone") is None  # another hub
    assert prefetch.take_data(content + b" ", current.name, None) is None  # other bytes
    data = prefetch.take_data(content, current.name, None)
    assert data is not None
    assert data.partners.equals(load_isolated(content, current.name).partners)
    assert prefetch.take_data(content, current.name, None) is None  # handed out once
    key = f"{fingerprint(content)}:None"
    assert prefetch.take_graph("other:None") is None
    graph = prefetch.take_graph(key)
    assert isinstance(graph, nx.Graph) and nx.is_frozen(graph)
    assert graph.number_of_nodes() == len(data.partners) + int(data.with_hub)
    assert prefetch.take_groups(key, 0.5, "de") is None  # another resolution
    assert prefetch.take_groups(key, 1.0, "en") is None  # another language
    groups = prefetch.take_groups(key, 1.0, "de")
    assert groups is not None and len(groups.sizes) > 1
    assert prefetch.take_graph(key) is None and prefetch.take_groups(key, 1.0, "de") is None


def test_a_workbook_that_cannot_be_read_is_the_page_error(fresh):
    """The page gets the same refusal it would have got reading the file itself."""
    fresh[0].path.write_bytes(b"not a workbook")
    current, content = Workspace.resolve(None).open_current()
    assert content == b"not a workbook"
    prefetch.start()
    with pytest.raises(NetworkAppError) as raised:
        prefetch.take_data(content, current.name, None)
    with pytest.raises(NetworkAppError) as direct:
        load_isolated(content, current.name)
    assert raised.value.code == direct.value.code


def test_no_current_workbook_leaves_it_to_the_page(monkeypatch, tmp_path):
    monkeypatch.setenv("PARTNERNETZ_WORKSPACE", str(tmp_path / "empty"))
    monkeypatch.setattr(prefetch, "configured_workspace", lambda: None)
    monkeypatch.setattr(prefetch, "_started", False)
    monkeypatch.setattr(prefetch, "_job", {})
    prefetch.start()
    content = BUNDLED.read_bytes()
    assert prefetch.take_data(content, BUNDLED.name, None) is None
    assert prefetch.take_graph(f"{fingerprint(content)}:None") is None


def test_what_no_page_takes_is_dropped(fresh, monkeypatch):
    monkeypatch.setattr(prefetch, "_KEEP_SECONDS", 0.05)
    current, content = fresh
    prefetch.start()
    prefetch._job["groups"].result(60)  # all made
    time.sleep(0.5)
    assert prefetch.take_data(content, current.name, None) is None
    assert prefetch.take_graph(f"{fingerprint(content)}:None") is None
