"""The app's words and controls (issue 10, item 6), without a browser (AppTest)."""

from __future__ import annotations

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
