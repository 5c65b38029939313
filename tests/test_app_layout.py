"""The Netzwerk page's choice of layout: the ring around the hub, or forces (AppTest)."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest

import network_app as na

APP = str(ROOT / "streamlit_app.py")
BUNDLED = ROOT / "data" / "stadtlabor_soest.xlsx"


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def places(at: AppTest) -> dict[str, tuple[float, float]]:
    """Where the network component is asked to draw each node, by name."""
    [chart] = [element for element in at.get("bidi_component")
               if element.proto.component_name == "partnernetz_network"]
    drawn = json.loads(chart.proto.json)
    return {name: (node["x"], node["y"])
            for name, node in zip(drawn["names"], drawn["nodes"], strict=True)}


def test_forces_lay_out_a_network_with_a_hub(app):
    data = na.load_workbook(BUNDLED)
    control = app.radio(key="layout")
    assert control.label == "Anordnung" and control.value == "ego"
    assert control.options == ["Ring um uns", "Kräfte"]
    assert "Gummiband" in control.help
    ring = places(app)
    hub = data.own_organisation
    assert ring[hub] == (0.0, 0.0)
    assert ring == {n: p for n, p in na.stable_positions(data).items() if n in ring}

    control.set_value("force").run()
    assert not app.exception
    forces = places(app)
    assert set(forces) == set(ring)
    expected = na.stable_positions(data, "force")
    assert forces == {n: expected[n] for n in forces}
    assert sum(forces[n] != ring[n] for n in ring) > len(ring) / 2

    # the choice holds while a filter changes, and in English
    app.multiselect(key="f_categories").set_value(["Forschung"]).run()
    assert all(expected[n] == p for n, p in places(app).items())
    app.sidebar.radio(key="language").set_value("English").run()
    assert not app.exception
    control = app.radio(key="layout")
    assert control.label == "Layout" and control.value == "force"
    assert control.options == ["Ring around us", "Forces"]
    assert all(expected[n] == p for n, p in places(app).items())

    # and back to the ring
    control.set_value("ego").run()
    assert places(app)[hub] == (0.0, 0.0)


def test_no_choice_without_a_hub(app):
    app.sidebar.selectbox(key="hub_mode").set_value("none").run()
    assert not app.exception
    assert not [r for r in app.radio if r.key == "layout"]
