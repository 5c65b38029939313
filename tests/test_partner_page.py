"""The Partner page with long texts (a pasted paragraph as a name, a long note): headings,
labels and table cells are cut after a word, the whole text stays readable (the heading's
tooltip, an expander under the table), the 300-character note stays whole."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, write_xlsx
from payloads import as_read, payloads
from streamlit.testing.v1 import AppTest

#: app_pages/partner.py's NAME_CHARS and CELL_CHARS (the page module runs when imported).
NAME_CHARS, CELL_CHARS = 120, 400
LONG = as_read(payloads(1)["long"])  # 10,000 characters
NOTE = as_read(("Eine lange Notiz über die Zusammenarbeit im Quartier, " * 8)[:296] + " END")
LONG_NOTE = "Protokoll " * 100 + "SCHLUSS"


def unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@pytest.fixture
def app(tmp_path) -> AppTest:
    path = write_xlsx(tmp_path / "lang.xlsx", {
        "Partner": [["Name", "Kategorie", "Notiz"], ["A-Lab", "Austausch", NOTE],
                    [LONG, "Austausch", LONG_NOTE], ["B-Uni", "Kooperation", None]],
        "Beziehungen": [["Von", "Nach", "Art"], [LONG, "A-Lab", "Projekt"],
                        ["A-Lab", "B-Uni", "Projekt"]]})
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    at.switch_page("app_pages/partner.py").run()
    assert not at.exception
    return at


def test_a_long_neighbour_is_cut_in_the_table_and_whole_below(app):
    app.selectbox(key="partner").set_value("A-Lab").run()
    assert not app.exception
    details, neighbours = (table.value for table in app.table[:2])
    # the 300-character note is shown whole
    assert unescaped(details.iloc[-1, 1]) == NOTE
    cells = [unescaped(v) for v in neighbours.iloc[:, 0]]
    cut = next(c for c in cells if c.startswith("Sehr langer Name"))
    assert cut.endswith(" …") and len(cut) <= NAME_CHARS + 2
    assert "B-Uni" in cells
    expanders = [e for e in app.expander if e.label.startswith("Gekürzte Texte ganz lesen")]
    assert [e.label for e in expanders] == ["Gekürzte Texte ganz lesen (1)"]
    whole = " ".join(m.value for m in expanders[0].markdown)
    assert LONG in unescaped(whole)


def test_a_long_name_is_cut_in_the_heading_with_the_whole_name_as_its_tooltip(app):
    app.selectbox(key="partner").set_value(LONG).run()
    assert not app.exception
    heading = next(h for h in app.header if h.value.startswith("Sehr langer"))
    assert unescaped(heading.value).endswith(" …")
    assert len(unescaped(heading.value)) <= NAME_CHARS + 2
    assert unescaped(heading.proto.help) == LONG
    label = app.selectbox(key="path_target").label
    assert len(label) < NAME_CHARS + 60 and "…" in label
    # its long note is cut in the table and read whole in the expander
    details = app.table[0].value
    note = unescaped(details.iloc[-1, 1])
    assert note.endswith(" …") and len(note) <= CELL_CHARS + 2 and "SCHLUSS" not in note
    whole = " ".join(m.value for e in app.expander for m in e.markdown)
    assert "SCHLUSS" in whole


def test_short_texts_are_not_cut_and_no_expander(app):
    app.selectbox(key="partner").set_value("B-Uni").run()
    assert not app.exception
    assert not [e for e in app.expander if e.label.startswith("Gekürzte Texte")]
    heading = next(h for h in app.header if h.value == "B\\-Uni" or h.value == "B-Uni")
    assert not heading.proto.help
