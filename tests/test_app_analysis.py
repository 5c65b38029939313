"""The Analyse page without a browser: every tab runs, controls change what is shown."""

from __future__ import annotations

import pytest
from conftest import ROOT, write_xlsx
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "streamlit_app.py")


@pytest.fixture
def page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/analyse.py").run()
    assert not at.exception
    return at


def test_analysis_page_says_the_hub_is_left_out(page):
    assert "ausgeblendet" in page.info[0].value
    labels = {m.label for m in page.metric}
    assert {"Partner", "Verbindungen zwischen Partnern", "Dichte", "Getrennte Teile"} <= labels
    partners = next(m.value for m in page.metric if m.label == "Partner")
    assert partners == "64"


def test_ranking_measure_can_be_changed(page):
    box = page.selectbox(key="measure")
    assert box.value == "degree"
    box.set_value("betweenness").run()
    assert not page.exception


def test_groups_resolution(page):
    page.slider(key="resolution").set_value(2.0).run()
    assert not page.exception


def test_whatif_partner_and_person(page):
    layer_names = page.multiselect(key="whatif_partners").options
    assert "KGSt" in layer_names
    page.multiselect(key="whatif_partners").set_value(["Stadt Beckum"]).run()
    assert not page.exception
    assert any("Stadt Beckum" in m.value for m in page.markdown)


def test_years_compared(page):
    page.selectbox(key="year_a").set_value(2018).run()
    page.selectbox(key="year_b").set_value(2022).run()
    assert not page.exception
    assert any("2022" in m.value for m in page.markdown)


def test_english(page):
    page.sidebar.radio(key="language").set_value("English").run()
    assert not page.exception
    assert "left out" in page.info[0].value


def test_whatif_contact_person_leaves(tmp_path):
    path = write_xlsx(tmp_path / "kontakte.xlsx", {
        "Partner": [["Name", "Kategorie", "Ansprechperson intern"],
                    ["A-Lab", "Austausch", "Frau Ahrens"], ["B-Uni", "Forschung", "Herr Brandt"],
                    ["C-Verein", "Netzwerk", "Herr Brandt; Frau Ahrens"]],
        "Beziehungen": [["Von", "Nach"], ["A-Lab", "B-Uni"], ["B-Uni", "C-Verein"]],
    })
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    at.switch_page("app_pages/analyse.py").run()
    at.radio(key="whatif_mode").set_value("Ansprechperson (intern)").run()
    at.selectbox(key="whatif_person").set_value("Herr Brandt").run()
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown)
    assert "B" in shown and "Uni" in shown  # B-Uni hangs on Herr Brandt alone
    single = next(d.value for d in at.dataframe
                  if list(d.value.columns) == ["Partner", "Ansprechperson"])
    assert sorted(map(tuple, single.to_numpy().tolist())) == [("A-Lab", "Frau Ahrens"),
                                                             ("B-Uni", "Herr Brandt")]
