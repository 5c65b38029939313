"""The app's pages without a browser (streamlit.testing.v1.AppTest)."""

from __future__ import annotations

import json
import re

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


def tables_text(at: AppTest) -> str:
    """The words of every static table as the reader sees them (st.table reads its cells as
    Markdown, so the page escapes them: "B\\-Uni")."""
    return re.sub(r"\\(.)", r"\1", " ".join(t.value.to_string() for t in at.table))


def drawn(at: AppTest) -> dict:
    """What the network component is asked to draw: its JSON ``data``."""
    [chart] = [element for element in at.get("bidi_component")
               if element.proto.component_name == "partnernetz_network"]
    return json.loads(chart.proto.json)


def drawn_nodes(at: AppTest, field: str) -> dict[str, object]:
    """One field of every drawn node, by label."""
    return {node["label"]: node[field] for node in drawn(at)["nodes"]}


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


def test_upload_of_a_text_edge_list(app):
    """NetworkX's .edgelist (no header, separated by spaces) is taken like a workbook."""
    upload(app, ROOT / "tests" / "data" / "other_tools" / "networkx" / "hartford_drug.edgelist")
    assert not app.exception
    assert not app.error
    assert metric(app, "Partner") == "212"
    assert ".edgelist" in str(app.sidebar.file_uploader[0].proto.type)


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
    partners = {name: "partner" for name in ("A-Lab", "B-Uni", "C-Verein", "D-Stadt")}

    app.radio(key="view").set_value("bipartite").run()
    assert not app.exception
    # Partners and what they do together; the own organisation is left out.
    assert drawn_nodes(app, "kind") == {**partners, "Workshop": "activity",
                                        "Tagung": "activity", "Verbund": "programme"}
    by_category = drawn_nodes(app, "color")
    assert by_category["A-Lab"] != by_category["B-Uni"]  # Austausch, Forschung

    app.selectbox(key="color_by").set_value("community").run()
    assert not app.exception
    color = drawn_nodes(app, "color")
    # Two groups: A-Lab and B-Uni (a project and a workshop), C-Verein and D-Stadt (Verbund).
    assert color["A-Lab"] == color["B-Uni"] != color["C-Verein"] == color["D-Stadt"]
    legend = {entry["color"]: entry["label"] for entry in drawn(app)["legend"]}
    assert {color["A-Lab"], color["C-Verein"]} <= set(legend)
    assert not {"Austausch", "Forschung", "Kooperation", "Netzwerk"} & set(legend.values())

    sizes_before = drawn_nodes(app, "size")
    app.selectbox(key="size_by").set_value("betweenness").run()
    assert not app.exception
    size = drawn_nodes(app, "size")
    # Only C-Verein lies between other partners: D-Stadt reaches A-Lab and B-Uni through it.
    assert size["C-Verein"] > size["A-Lab"] == size["B-Uni"] == size["D-Stadt"]
    assert size != sizes_before

    app.selectbox(key="f_year").set_value(2019).run()
    assert not app.exception
    # In 2019 only Verbund (2019–2026) ran: Workshop (2022) and Tagung (2023) came later;
    # the partners have no years, so they stay.
    assert drawn_nodes(app, "kind") == {**partners, "Verbund": "programme"}


def test_partner_profile_and_path(app, tmp_path, small_sheets):
    upload(app, write_xlsx(tmp_path / "klein.xlsx", small_sheets))
    app.switch_page("app_pages/partner.py").run()
    app.selectbox(key="partner").set_value("A-Lab").run()
    assert not app.exception
    tables = tables_text(app)
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
    assert "a@example.org" not in tables_text(app)
    app.toggle(key="show_personal").set_value(True).run()
    assert "a@example.org" in tables_text(app)


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


# --- Präsentation and Export (issue 5) ---------------------------------------------------------

PRESENTATION = "app_pages/praesentation.py"


@pytest.mark.parametrize("lang", ["Deutsch", "English"])
def test_presentation_steps_through_every_view(app, lang):
    app.sidebar.radio(key="language").set_value(lang).run()
    app.switch_page(PRESENTATION).run()
    assert not app.exception
    word = "Ansicht" if lang == "Deutsch" else "View"
    first = next(m.value for m in app.markdown if m.value.startswith(word))
    total = int(first.split()[-1])
    assert total >= 8  # overview, 4 categories, map, reach, sources (no Seit years: no growth)
    titles = [app.title[0].value]
    for n in range(2, total + 1):
        app.button(key="presentation_next").click().run()
        assert not app.exception
        assert any(m.value.startswith(f"{word} {n} ") for m in app.markdown)
        titles.append(app.title[0].value)
    assert app.button(key="presentation_next").disabled
    assert len(set(titles)) == total
    assert titles[-3] in ("Karte", "Map")
    assert titles[-2] in ("Reichweite", "Reach")
    # No Seit years in the bundled workbook: no growth view, and the last view says why.
    reason = "Keine Startjahre" if lang == "Deutsch" else "No start years"
    assert any(m.value.startswith(reason) for m in app.markdown)
    for _ in range(total - 1):
        app.button(key="presentation_back").click().run()
        assert not app.exception
    assert app.title[0].value == titles[0]
    assert app.button(key="presentation_back").disabled


def test_presentation_shows_no_personal_data(app, tmp_path):
    path = write_xlsx(tmp_path / "kontakt.xlsx", {"Partner": [
        ["Name", "Kategorie", "Ansprechperson intern", "E-Mail", "Breite", "Länge"],
        ["A-Lab", "Austausch", "Erika Muster", "a@example.org", 51.57, 8.1],
        ["B-Uni", "Forschung", "Max Muster", "b@example.org", 51.48, 7.2]]})
    upload(app, path)
    app.switch_page(PRESENTATION).run()
    for _ in range(8):
        assert not app.exception
        shown = repr(app.main)
        assert "Muster" not in shown and "example.org" not in shown
        if app.button(key="presentation_next").disabled:
            break
        app.button(key="presentation_next").click().run()


MAGIC = {
    "png": b"\x89PNG", "pdf": b"%PDF", "xlsx": b"PK", "pptx": b"PK", "csv": b"PK",
    "gexf": b"<?xml", "graphml": b"<?xml", "svg": b"<?xml", "json": b"{",
    "html": b"<!DOCTYPE html",
}


def export_now(at: AppTest, fmt: str) -> bytes:
    at.selectbox(key="export_format").set_value(fmt).run()
    at.button(key="export_build").click().run()
    assert not at.exception
    result = at.session_state["export_result"]
    assert result["format"] == fmt
    return result["data"]


def test_export_section_offers_every_format(app):
    from network_app.exports import FORMATS

    offered = app.selectbox(key="export_format").options
    assert len(offered) == len(FORMATS)
    assert "PowerPoint für den Rat (PPTX)" in offered
    for fmt in FORMATS:
        content = export_now(app, fmt)
        assert content.startswith(MAGIC[fmt]), fmt
        assert len(content) > 200
    assert not app.checkbox(key="export_personal").value


def test_export_is_the_filtered_view(app, tmp_path, small_sheets):
    import io
    import json
    import zipfile

    upload(app, write_xlsx(tmp_path / "klein.xlsx", small_sheets))
    app.multiselect(key="f_categories").set_value(["Forschung"]).run()
    exported = json.loads(export_now(app, "json"))
    names = {node["id"] for node in exported["nodes"]}
    assert "B-Uni" in names
    assert not names & {"A-Lab", "C-Verein", "D-Stadt"}
    with zipfile.ZipFile(io.BytesIO(export_now(app, "csv"))) as archive:
        assert len(archive.namelist()) == 2
        nodes = next(n for n in archive.namelist() if "knoten" in n)
        text = archive.read(nodes).decode("utf-8-sig")
    assert "B-Uni" in text and "A-Lab" not in text
    assert len(app.get("download_button")) == 2  # the template and the export
    app.multiselect(key="f_categories").set_value([]).run()
    assert len(app.get("download_button")) == 1  # the export of another view is not offered


# --- workbook text shown through Markdown (st.table, st.title) stays text ---------------------

MD_IMAGE = "![x](http://127.0.0.2:9/p.png)"
MD_LINK = "[klick](http://127.0.0.2:9/l)"


def markdown_workbook(path):
    """Partner names, a field, an activity, a wrong name and the title written as Markdown
    images and links: each reaches a table or a title of some page."""
    return write_xlsx(path, {
        "Partner": [["Name", "Ort", "Notiz"], [MD_IMAGE, "Soest", MD_LINK],
                    [MD_LINK, "Hamm", ""], ["C-Verein", "", ""], ["D_Stadt", "", ""]],
        "Beziehungen": [["Von", "Nach"], [MD_IMAGE, "C-Verein"], [MD_IMAGE, "D_Stadt"],
                        [MD_LINK, "C-Verein"], [MD_LINK, "D_Stadt"],
                        [MD_IMAGE, "![y](http://127.0.0.2:9/q.png)"]],
        "Aktivitäten": [["Aktivität", "Datum", "Beteiligte"],
                        ["![a](http://127.0.0.2:9/a.png)", 2022, f"{MD_IMAGE}; {MD_LINK}"]],
        "Einstellungen": [["Einstellung", "Wert"], ["Titel", "![t](http://127.0.0.2:9/t.png)"]],
    })


MARKUP = re.compile(r"[\\`*_{}\[\]()#+\-.!|<>~$:&]")


def escaped(text: str) -> str:
    """``text`` as Markdown that shows exactly its characters: each special one escaped."""
    return MARKUP.sub(lambda m: "\\" + m.group(), text)


def is_escaped(text: str) -> bool:
    """Whether Markdown ``text`` has no special character left unescaped."""
    return not MARKUP.search(re.sub(r"\\.", "", text))


def test_workbook_text_in_tables_and_titles_is_not_markdown(app, tmp_path):
    upload(app, markdown_workbook(tmp_path / "md.xlsx"))
    cells: list[str] = []
    titles: list[str] = []
    for page in ("app_pages/netzwerk.py", "app_pages/partner.py", "app_pages/analyse.py",
                 "app_pages/daten.py", PRESENTATION):
        app.switch_page(page).run()
        assert not app.exception, page
        for title in app.title:
            assert is_escaped(title.value), (page, title.value)
            titles.append(title.value)
        for table in app.table:
            frame = table.value
            texts = [*map(str, frame.columns),
                     *(v for column in frame.columns for v in frame[column]
                       if isinstance(v, str))]
            assert all(is_escaped(text) for text in texts), (page, texts)
            cells += texts
    shown = " ".join(cells)
    # every kind of workbook text reached a table: names, a field, an activity, a message
    for written in (MD_IMAGE, MD_LINK, "![a](http://127.0.0.2:9/a.png)",
                    "![y](http://127.0.0.2:9/q.png)"):
        assert escaped(written) in shown, written
    # the workbook's "Titel" names the network (Netzwerk: no own organisation; Präsentation)
    assert titles.count(escaped("![t](http://127.0.0.2:9/t.png)")) == 2
