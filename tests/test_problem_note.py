"""Exports of a workbook with errors say so: "Daten unvollständig: N Probleme".

On by default in the library (:func:`network_app.exports.meta_for`, ``write_deck``), the CLI
(``--no-problem-note`` switches it off) and the app's export section (a ticked checkbox); a
workbook without errors gets no note anywhere.
"""

from __future__ import annotations

import re

import pytest
from conftest import BUNDLED, ROOT, write_xlsx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from pptx import Presentation
from streamlit.testing.v1 import AppTest

import network_app as na
from network_app import exports
from network_app.cli import main
from network_app.drawing.picture import draw_network
from network_app.exports.pptx import write_deck

NOTE = "Daten unvollständig: 3 Probleme"

#: Three errors: a year that is no year, a partner twice, a relation to an unknown partner.
SHEETS = {
    "Partner": [["Name", "Kategorie", "Seit"], ["A-Lab", "Austausch", 2019],
                ["B-Uni", "Forschung", "zwanzig"], ["C-Verein", "Kooperation", 2021],
                ["A-Lab", "Austausch", 2020]],
    "Beziehungen": [["Von", "Nach"], ["A-Lab", "B-Uni"], ["A-Lab", "Unbekannt"]],
}


@pytest.fixture
def broken(tmp_path):
    path = write_xlsx(tmp_path / "fehler.xlsx", SHEETS)
    data = na.load_workbook(path)
    assert len(data.errors) == 3
    return path, data


def test_meta_carries_the_note_by_default(broken):
    _, data = broken
    meta = exports.meta_for(data)
    assert meta.note == NOTE
    assert meta.footer().startswith(NOTE + " · ")
    assert exports.meta_for(data, lang="en").note == "Data incomplete: 3 problems"
    assert exports.meta_for(data, note_problems=False).note == ""
    assert exports.meta_for(na.load_workbook(BUNDLED)).note == ""  # no errors, no note


def test_warnings_alone_leave_the_data_complete(broken):
    _, data = broken
    data.problems = [p for p in data.problems if p.severity != "error"]
    assert exports.problems_note(data) == ""


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_picture_and_page_show_the_note_unless_switched_off(broken, tmp_path, fmt):
    _, data = broken
    with_note = exports.export(fmt, tmp_path / f"mit.{fmt}", data)[0].read_text("utf-8")
    assert NOTE in with_note
    meta = exports.meta_for(data, note_problems=False)
    without = exports.export(fmt, tmp_path / f"ohne.{fmt}", data, meta=meta)[0]
    assert "unvollständig" not in without.read_text("utf-8")


def test_deck_says_it_on_title_sources_and_pictures(broken, tmp_path):
    _, data = broken
    slides = list(Presentation(write_deck(tmp_path / "mit.pptx", data)).slides)
    first, last = (" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
                   for slide in (slides[0], slides[-1]))
    assert NOTE in first and NOTE in last
    without = Presentation(write_deck(tmp_path / "ohne.pptx", data, note_problems=False))
    assert not any("unvollständig" in s.text_frame.text for slide in without.slides
                   for s in slide.shapes if s.has_text_frame)
    # the deck's pictures are the print drawing, which draws the note in a corner
    with_picture = (tmp_path / "mit.pptx").read_bytes()
    assert with_picture != (tmp_path / "ohne.pptx").read_bytes()


def test_picture_draws_the_note_in_the_lower_right_corner(broken):
    _, data = broken
    graph = na.build_graph(data)
    figure = Figure(figsize=(6, 4))
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    draw_network(figure, axes, graph, na.network_layout(graph), na.node_styles(graph),
                 note=NOTE)
    [note] = [t for t in figure.texts if t.get_text() == NOTE]
    box = note.get_window_extent(figure.canvas.get_renderer())
    width, height = figure.bbox.width, figure.bbox.height
    assert box.x1 <= width and box.x0 > width / 2 and box.y0 >= 0 and box.y1 < height / 4


def test_cli_flag_switches_the_note_off(broken, tmp_path, capsys):
    path, _ = broken
    assert main(["export", str(path), "-f", "svg", "-o", str(tmp_path / "mit.svg")]) != 0
    assert NOTE in (tmp_path / "mit.svg").read_text("utf-8")
    main(["export", str(path), "-f", "svg", "-o", str(tmp_path / "ohne.svg"),
          "--no-problem-note"])
    assert "unvollständig" not in (tmp_path / "ohne.svg").read_text("utf-8")


def test_app_checkbox_is_ticked_and_can_be_unticked(broken):
    path, _ = broken
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    assert not at.exception
    box = at.checkbox(key="export_problem_note")
    assert box.value is True
    assert box.label == f"Hinweis »{NOTE}« auf den Export setzen"

    def svg() -> str:
        at.selectbox(key="export_format").set_value("svg").run()
        at.button(key="export_build").click().run()
        assert not at.exception
        return at.session_state["export_result"]["data"].decode("utf-8")

    assert NOTE in svg()
    at.checkbox(key="export_problem_note").uncheck().run()
    assert not re.search("unvollständig", svg())


def test_app_offers_no_note_for_a_workbook_without_errors():
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    assert not at.exception
    assert not [c for c in at.checkbox if c.key == "export_problem_note"]
