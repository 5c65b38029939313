"""Growth over the years in the presentation: shown only with Seit years, up to the Datenstand.

The Analyse page's chart is tested in ``test_app_analysis.py``, the deck's in ``test_deck.py``;
all three take their years from :func:`network_app.growth_years` (``test_timeline.py``).
"""

from __future__ import annotations

import json

import pyarrow as pa
from conftest import ROOT, write_xlsx
from streamlit.testing.v1 import AppTest

import network_app as na

APP = str(ROOT / "streamlit_app.py")
PRESENTATION = "app_pages/praesentation.py"

SHEETS = {
    "Partner": [["Name", "Kategorie", "Seit", "Bis"], ["Alt", "Austausch", 2019, None],
                ["Neu", "Forschung", 2021, None], ["Später", "Forschung", 2024, None]],
    "Programme": [["Programm", "Seit", "Bis", "Beteiligte"], ["Plan", 2020, 2030, "Alt; Neu"]],
    "Einstellungen": [["Einstellung", "Wert"], ["Datenstand", "2022"]],
}


def presentation(path=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    if path is not None:
        at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    at.switch_page(PRESENTATION).run()
    assert not at.exception
    return at


def titles(at: AppTest) -> list[str]:
    """Every view's title, stepping through the whole presentation."""
    shown = [at.title[0].value]
    while not at.button(key="presentation_next").disabled:
        at.button(key="presentation_next").click().run()
        assert not at.exception
        shown.append(at.title[0].value)
    return shown


def test_bundled_workbook_has_no_growth_view():
    # No partner of the bundled workbook has a Seit year: flat lines would invent a history.
    assert "Wachstum" not in titles(presentation())


def test_growth_view_ends_at_the_data_date(tmp_path):
    at = presentation(write_xlsx(tmp_path / "wachstum.xlsx", SHEETS))
    shown = titles(at)
    assert "Wachstum" in shown
    at.session_state["presentation_step"] = shown.index("Wachstum")
    at.run()
    assert at.title[0].value == "Wachstum"
    [chart] = at.get("vega_lite_chart")
    [dataset] = chart.proto.datasets
    rows = pa.ipc.open_stream(dataset.data.data).read_all().to_pandas()
    assert sorted({int(y) for y in rows["year"]}) == [2019, 2020, 2021, 2022]
    spec = json.loads(chart.proto.spec)
    assert spec["encoding"]["y"]["axis"]["tickMinStep"] == 1
    shown_text = " ".join(m.value for m in at.markdown)
    assert "Gezeigt bis zum Datenstand 2022." in shown_text
    # the tiles: partners in the first year and in the Datenstand's year
    assert [(m.label, m.value) for m in at.metric] == [("Partner 2019", "1"), ("Partner 2022", "2")]


def test_growth_years_decide_for_every_view():
    bundled = na.load_workbook(str(ROOT / "data" / "stadtlabor_soest.xlsx"))
    assert na.growth_years(bundled).reason == "no_start_years"
