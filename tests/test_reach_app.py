"""The page "Reichweite" without a browser (AppTest): picture, filter, table, downloads."""

from __future__ import annotations

import pytest
from conftest import BUNDLED, ROOT, write_xlsx
from streamlit.testing.v1 import AppTest

from network_app import build_graph, load_workbook
from network_app.drawing.reach import reach_partners

APP = str(ROOT / "streamlit_app.py")
PAGE = "app_pages/reichweite.py"


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def placed(categories=None) -> int:
    graph = build_graph(load_workbook(BUNDLED))
    return sum(1 for p in reach_partners(graph, categories=categories) if p.ring)


def texts(at: AppTest) -> str:
    return " ".join([m.value for m in at.markdown] + [c.value for c in at.caption]).replace(
        "\\", "")


def test_page_shows_rings_table_and_downloads(app):
    assert app.title[0].value == "Reichweite"
    shown = texts(app)
    assert "In der Mitte stadtLABOR Soest" in shown
    assert "Soest: 15 Partner · Südwestfalen: 16 Partner · NRW: 10 Partner" in shown
    assert "Ohne Reichweite und ohne Ort (nicht im Bild): 7 Partner: Agile Kultur" in shown
    assert "Bei 1 Partner passen Reichweite und Ort nicht zusammen" in shown
    [table] = app.dataframe
    frame = table.value
    assert list(frame.columns) == ["Ring", "Partner", "Kategorie", "Ort", "Woher", "Hinweis"]
    assert len(frame) == placed() == 57
    assert list(dict.fromkeys(frame["Ring"])) == ["Soest", "Südwestfalen", "NRW",
                                                  "Deutschland", "International"]
    row = frame[frame["Partner"] == "Kreis Soest"].iloc[0]
    assert (row["Ring"], row["Hinweis"]) == ("Südwestfalen", "laut Ort: Soest")
    labels = [b.label for b in app.get("download_button") if b.key
              and b.key.startswith("reach_download")]
    assert labels == ["PNG herunterladen", "PDF herunterladen", "SVG herunterladen"]


def test_filter_by_category(app):
    app.button_group(key="reach_categories").set_value(["Forschung"]).run()
    assert not app.exception
    frame = app.dataframe[0].value
    assert len(frame) == placed(("Forschung",)) > 0
    assert set(frame["Kategorie"]) == {"Forschung"}
    app.button_group(key="reach_categories").set_value([]).run()
    assert any("Keine Kategorie gewählt" in i.value for i in app.info)
    assert not app.dataframe


def test_english_words(app):
    app.sidebar.radio(key="language").set_value("English").run()
    assert not app.exception
    assert app.title[0].value == "Reach"
    frame = app.dataframe[0].value
    assert list(frame.columns) == ["Ring", "Partner", "Category", "Place", "From", "Note"]
    assert "Germany" in set(frame["Ring"])
    assert "Soest: 15 partners · Südwestfalen: 16 partners" in texts(app)


def test_a_workbook_without_reach_or_place(app, tmp_path):
    path = write_xlsx(tmp_path / "ohne.xlsx", {"Partner": [["Name", "Kategorie"],
                                                          ["A", "Austausch"]]})
    app.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    assert not app.exception
    assert any("Kein Partner hat eine Reichweite oder einen Ort" in i.value for i in app.info)
    assert not app.dataframe


def test_data_report_notes_where_reach_and_place_disagree():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/daten.py").run()
    assert not at.exception
    shown = texts(at)
    assert "Reichweite und Ort passen bei 1 Partner nicht zusammen" in shown
    assert ("Kreis Soest (Blatt Partner, Excel-Zeile 13): Spalte Reichweite »regional«, der "
            "Ort Soest liegt aber im Ring »Soest«; gezeigt im Ring »Südwestfalen«.") in shown
