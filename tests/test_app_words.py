"""The app's words and controls (issue 10, item 6), without a browser (AppTest)."""

from __future__ import annotations

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest
from test_app import drawn

APP = str(ROOT / "streamlit_app.py")


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def drawn_kinds_and_sizes(at: AppTest) -> list[tuple[str, float]]:
    """(kind, size) of every node the network component is asked to draw."""
    return [(node["kind"], node["size"]) for node in drawn(at)["nodes"]]


def partner_sizes(at: AppTest) -> list[float]:
    return [size for kind, size in drawn_kinds_and_sizes(at) if kind == "partner"]


def test_same_size_draws_every_partner_the_same_size(app):
    assert app.selectbox(key="size_by").value is None  # "gleich groß"
    assert "gleich groß" in app.selectbox(key="size_by").options
    sizes = partner_sizes(app)
    assert len(sizes) == 64 and len(set(sizes)) == 1
    app.selectbox(key="size_by").set_value("degree").run()
    assert len(set(partner_sizes(app))) > 1


def test_activities_view_counts_the_ties_it_shows(app):
    app.radio(key="view").set_value("bipartite").run()
    assert not app.exception
    captions = " ".join(c.value for c in app.caption)
    assert "0 Verbindungen" not in captions
    assert "Gezeigt: 64 von 64 Partnern, 32 Teilnahmen an Aktivitäten und Programmen." in captions
    assert "23 Aktivitäten und Programme ohne eingetragene Partner sind nicht gezeigt." in captions
    kinds = [kind for kind, _size in drawn_kinds_and_sizes(app)]
    assert sum(kind in ("activity", "programme") for kind in kinds) == 36 - 23
