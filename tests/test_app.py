"""The app's pages without a browser (streamlit.testing.v1.AppTest)."""

from __future__ import annotations

import badfiles
import pytest
from conftest import ROOT, write_xlsx
from messy import german_excel_xlsx
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "streamlit_app.py")
PAGES = ["app_pages/netzwerk.py", "app_pages/partner.py", "app_pages/daten.py",
         "app_pages/analyse.py"]


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def upload(at: AppTest, path) -> None:
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["Deutsch", "English"])
def test_every_page_runs(app, page, lang):
    app.sidebar.radio(key="language").set_value(lang).run()
    app.switch_page(page).run()
    assert not app.exception


def test_opens_on_bundled_data(app):
    assert metric(app, "Partner") == "64"
    assert metric(app, "Programme") == "2"
    assert {m.label for m in app.metric} >= {"Austausch", "Kooperation", "Netzwerk",
                                             "Forschung"}
    assert not app.error


def test_switches_to_english(app):
    app.sidebar.radio(key="language").set_value("English").run()
    assert not app.exception
    assert metric(app, "Partners") == "64"


def test_upload_with_errors_shows_banner_and_report(app, tmp_path):
    upload(app, german_excel_xlsx(tmp_path))
    assert not app.exception
    assert "Fehler in der Arbeitsmappe" in app.error[0].value
    assert metric(app, "Partner") == "8"
    app.switch_page("app_pages/daten.py").run()
    table = app.table[0].value
    assert {"Blatt", "Zeile", "Spalte", "Was ist zu tun?"} <= set(table.columns)
    assert "11" in set(table["Zeile"])


def test_upload_unreadable_file_shows_german_message_only(app, tmp_path):
    path = badfiles.encrypted_xlsx(tmp_path)
    app.sidebar.file_uploader[0].upload("geheim.xlsx", path.read_bytes()).run()
    assert not app.exception
    assert "passwortgeschützt" in app.error[0].value
    assert not app.metric  # nothing of the bad file is shown as if it were data


def test_language_switch_keeps_the_uploaded_workbook(app, tmp_path):
    upload(app, german_excel_xlsx(tmp_path))
    app.sidebar.radio(key="language").set_value("English").run()
    assert not app.exception
    assert metric(app, "Partners") == "8"
    app.switch_page("app_pages/daten.py").run()
    assert "Row 11 has no name" in app.table[0].value.to_string()


def test_network_filters_and_colours(app, tmp_path, small_sheets):
    upload(app, write_xlsx(tmp_path / "klein.xlsx", small_sheets))
    app.multiselect(key="f_categories").set_value(["Forschung"]).run()
    assert not app.exception
    assert any("Gezeigt: 1 von 4 Partnern" in c.value for c in app.caption)
    app.multiselect(key="f_categories").set_value([]).run()
    app.radio(key="view").set_value("bipartite").run()
    app.selectbox(key="color_by").set_value("community").run()
    app.selectbox(key="size_by").set_value("betweenness").run()
    app.selectbox(key="f_year").set_value(2019).run()
    assert not app.exception


def test_partner_profile_and_path(app, tmp_path, small_sheets):
    upload(app, write_xlsx(tmp_path / "klein.xlsx", small_sheets))
    app.switch_page("app_pages/partner.py").run()
    app.selectbox(key="partner").set_value("A-Lab").run()
    assert not app.exception
    tables = " ".join(t.value.to_string() for t in app.table)
    assert "B-Uni" in tables and "Workshop" in tables
    app.selectbox(key="path_target").set_value("D-Stadt").run()
    shown = " ".join(m.value for m in app.markdown)
    assert "C\\-Verein" in shown or "C-Verein" in shown
    assert "Verbund" in shown


def test_partner_page_personal_data_only_when_asked(app, tmp_path):
    path = write_xlsx(tmp_path / "kontakt.xlsx", {"Partner": [
        ["Name", "Kategorie", "E-Mail"], ["A-Lab", "Austausch", "a@example.org"]]})
    upload(app, path)
    app.switch_page("app_pages/partner.py").run()
    assert "a@example.org" not in " ".join(t.value.to_string() for t in app.table)
    app.toggle(key="show_personal").set_value(True).run()
    assert "a@example.org" in " ".join(t.value.to_string() for t in app.table)


def test_data_page_search_and_duplicates(app, tmp_path):
    path = write_xlsx(tmp_path / "dup.xlsx", {"Partner": [
        ["Name", "Kategorie", "Ort"], ["VHS Soest", "Kooperation", "Soest"],
        ["VHS Soest e.V.", "Kooperation", "Soest"], ["Fablab Hamm", "Austausch", "Hamm"]]})
    upload(app, path)
    app.switch_page("app_pages/daten.py").run()
    app.text_input(key="data_search_partners").input("hamm").run()
    assert not app.exception
    assert list(app.dataframe[0].value["Name"]) == ["Fablab Hamm"]
    names = " ".join(d.value.to_string() for d in app.dataframe[1:])
    assert "VHS Soest" in names and "VHS Soest e.V." in names
