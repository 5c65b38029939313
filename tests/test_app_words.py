"""The app's words and controls (issue 10, item 6), without a browser (AppTest)."""

from __future__ import annotations

import math

import pandas as pd
import pyarrow as pa
import pytest
from conftest import ROOT, write_xlsx
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
    assert app.selectbox(key="size_by").value == "same"  # "gleich groß"
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


def upload(at: AppTest, path) -> None:
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()


@pytest.mark.parametrize(("lang", "says", "more"), [
    ("Deutsch", "In der Arbeitsmappe fehlt das Blatt »Partner« mit einer Spalte »Name«",
     "Dazu kommen 2 weitere Fehler"),
    ("English", "The workbook has no sheet “Partner” with a column “Name”",
     "There are 2 more errors"),
])
def test_missing_partner_sheet_points_to_the_template_button(app, tmp_path, lang, says, more):
    path = write_xlsx(tmp_path / "ohne_partner.xlsx", {
        "Aktivitäten": [["Aktivität", "Datum", "Beteiligte"], ["Fest", 2020, "A; B"]]})
    app.sidebar.radio(key="language").set_value(lang).run()
    upload(app, path)
    assert not app.exception
    [banner] = [e.value for e in app.error]
    button = app.sidebar.get("download_button")[0].proto.label
    assert says in banner and f"{button}" in banner and more in banner
    assert "network-app" not in banner and "(ganz)" not in banner and "(fully)" not in banner
    app.switch_page("app_pages/daten.py").run()
    report = " ".join(app.table[0].value.iloc[:, -1])
    assert says in report and button in report and "network-app" not in report


def test_other_errors_are_counted_in_plain_words(app, tmp_path):
    path = write_xlsx(tmp_path / "fehler.xlsx", {"Partner": [
        ["Name", "Kategorie"], ["A-Lab", "Austausch"], [None, "Netzwerk"]]})
    upload(app, path)
    [banner] = [e.value for e in app.error]
    assert banner.startswith("1 Fehler in der Arbeitsmappe: Was davon betroffen ist, fehlt")
    assert "(ganz)" not in banner


MISSING = {"None", "nan", "NaN", "NaT", "<NA>", "none"}


def shown_cells(element) -> pd.DataFrame:
    """A table's cells as the browser writes them: a Styler's display values, if any."""
    arrow = element.proto.arrow_data if hasattr(element.proto, "arrow_data") else None
    if arrow is not None and arrow.styler.display_values:
        return pa.ipc.open_stream(arrow.styler.display_values).read_all().to_pandas()
    return element.value


def assert_tables_read_well(at: AppTest, internal: set[str]) -> int:
    tables = [*at.dataframe, *at.table]
    for element in tables:
        cells = shown_cells(element)
        assert not internal & {str(c) for c in cells.columns}, cells.columns
        for column in cells.columns:
            values = element.value[column]
            # no missing value reaches the browser: Streamlit writes those as "None"
            assert not values.isna().any(), (column, values[values.isna()])
            assert not set(cells[column].astype(str)) & MISSING, column
    return len(tables)


@pytest.mark.parametrize(("lang", "internal"), [
    ("Deutsch", {"year", "Jahr", "category"}), ("English", {"year", "Year", "category"})])
def test_tables_show_empty_cells_empty_and_no_internal_columns(app, tmp_path, lang,
                                                                internal):
    path = write_xlsx(tmp_path / "luecken.xlsx", {
        "Partner": [["Name", "Kategorie", "Typ", "Seit", "Website"],
                    ["A-Lab", "Austausch", None, 2019, None],
                    ["B-Uni", "Forschung", "Hochschule", None, "https://b.example"]],
        "Beziehungen": [["Von", "Nach", "Stärke", "Seit"], ["A-Lab", "B-Uni", None, 2020]],
        "Aktivitäten": [["Aktivität", "Datum", "Status", "Beteiligte"],
                        ["Fest", None, None, "A-Lab; B-Uni"],
                        ["Tagung", 2021, "umgesetzt", "B-Uni"]],
    })
    app.sidebar.radio(key="language").set_value(lang).run()
    upload(app, path)
    app.switch_page("app_pages/daten.py").run()
    assert not app.exception
    assert assert_tables_read_well(app, internal) >= 4
    activities = [t for t in app.dataframe if "Fest" in set(t.value.iloc[:, 0])]
    assert activities and activities[0].value.iloc[0].tolist()[1:3] == ["", ""]
    app.switch_page("app_pages/partner.py").run()
    app.selectbox(key="partner").set_value("A-Lab").run()
    assert not app.exception
    assert assert_tables_read_well(app, internal) >= 2


def test_display_table_words_and_numbers(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT))  # the app's folder, as streamlit run has it
    from app_pages.common import display_table

    frame = pd.DataFrame({
        "text": ["x", None, math.nan], "year": pd.array([2019, None, 2020], dtype="Int64"),
        "weight": [0.5, math.nan, 2.0], "share": [0.25, 1.5, 3.0],
        "since": [2019.0, math.nan, 2021.0],  # years read as floats, with a gap
        "directed": [True, None, False], "row": [2, 3, 4]})
    shown = display_table(frame, "de")
    assert shown.data["text"].tolist() == ["x", "", ""]
    assert shown.data["year"].tolist() == ["2019", "", "2020"]
    assert shown.data["weight"].tolist() == ["0,500", "", "2,000"]
    assert shown.data["since"].tolist() == ["2019", "", "2021"]
    assert shown.data["directed"].tolist() == ["ja", "", "nein"]
    assert shown.data["row"].tolist() == [2, 3, 4]  # full number columns stay numbers
    assert shown.data["share"].tolist() == [0.25, 1.5, 3.0]
    assert "1,500" in shown.to_html() and "1.500" not in shown.to_html()
    english = display_table(frame, "en", digits=2, aligned=False)
    assert english.data["weight"].tolist() == ["0.5", "", "2"]
    assert english.data["directed"].tolist() == ["yes", "", "no"]


def test_hub_choice_survives_a_change_of_language(app):
    app.sidebar.selectbox(key="hub_mode").set_value("none").run()
    app.sidebar.radio(key="language").set_value("English").run()
    assert not app.exception
    english = app.sidebar.selectbox(key="hub_mode_en")
    assert english.value == "none" and english.options == ["as in the file", "nobody",
                                                           "this organisation:"]
    english.set_value("name").run()
    app.sidebar.text_input(key="hub_name_en").input("Stadt Soest").run()
    app.sidebar.radio(key="language").set_value("Deutsch").run()
    assert app.sidebar.selectbox(key="hub_mode").value == "name"
    assert app.sidebar.text_input(key="hub_name").value == "Stadt Soest"
