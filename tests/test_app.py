"""The app's page logic without a browser (streamlit.testing.v1.AppTest)."""

from __future__ import annotations

import badfiles
import pytest
from conftest import ROOT
from messy import german_excel_xlsx
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "streamlit_app.py")


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_opens_on_bundled_data(app):
    assert metric(app, "Partner") == "64"
    assert metric(app, "Programme") == "2"
    assert {m.label for m in app.metric} >= {"Austausch", "Kooperation", "Netzwerk",
                                             "Forschung"}
    assert app.success[0].value.startswith("Die Arbeitsmappe ist in Ordnung")
    assert not app.error


def test_switches_to_english(app):
    app.sidebar.radio[0].set_value("English").run()
    assert not app.exception
    assert metric(app, "Partners") == "64"


def test_upload_with_errors_shows_problem_table(app, tmp_path):
    path = german_excel_xlsx(tmp_path)
    app.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    assert not app.exception
    assert "Fehler in der Arbeitsmappe" in app.error[0].value
    table = app.table[0].value
    assert {"Blatt", "Zeile", "Spalte", "Was ist zu tun?"} <= set(table.columns)
    assert "11" in set(table["Zeile"])
    assert metric(app, "Partner") == "8"


def test_upload_unreadable_file_shows_german_message_only(app, tmp_path):
    path = badfiles.encrypted_xlsx(tmp_path)
    app.sidebar.file_uploader[0].upload("geheim.xlsx", path.read_bytes()).run()
    assert not app.exception
    assert "passwortgeschützt" in app.error[0].value
    assert not app.metric  # nothing of the bad file is shown as if it were data


def test_language_switch_keeps_the_uploaded_workbook(app, tmp_path):
    path = german_excel_xlsx(tmp_path)
    app.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    app.sidebar.radio[0].set_value("English").run()
    assert not app.exception
    assert metric(app, "Partners") == "8"
    assert "Row 11 has no name" in app.table[0].value.to_string()
