"""The app in English says nothing in German, and every number follows the chosen language.

Every page (Netzwerk, Partner, Daten, Analyse, Präsentation and the sidebar) runs in
``streamlit.testing.v1.AppTest`` in English, on the bundled workbook and with every file of the
test corpus uploaded (``tests/badfiles.py``, ``tests/messy.py``). Everything a page shows is
collected from the element tree: every text field of every element (titles, markdown, captions,
labels, options, help texts, metric values, alerts, expander and tab labels, chart specs, the
network picture's data) and every cell and header of its tables, including the numbers a table
shows. None may hold a tell-tale German word or a decimal comma once the workbook's own values
(partner names, categories, sheet names and headers as written) are taken out.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import badfiles
import messy
import openpyxl
import pandas as pd
import pytest
from conftest import BUNDLED, ROOT, write_xlsx
from english import decimal_commas, german_words
from google.protobuf.descriptor import FieldDescriptor
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import element_tree as et

import network_app as na
from network_app.drawing.rendering import label_engine_js, vis_network_js
from network_app.workbook.schema import COLUMNS, SHEETS

APP = str(ROOT / "streamlit_app.py")
PAGES = ["app_pages/netzwerk.py", "app_pages/partner.py", "app_pages/daten.py",
         "app_pages/analyse.py", "app_pages/praesentation.py", "app_pages/reichweite.py"]
#: What the uploader accepts (streamlit refuses any other name before the app sees the file).
UPLOADABLE = {".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt", ".edgelist"}
#: Protobuf fields that hold program code for the browser, not text for the reader.
CODE_FIELDS = {"js_content", "css_content"}
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~$:&])")
_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)
_GRAPH_DATA = re.compile(r"var graphData = (\{.*?\});\n")
#: A number with one or two decimals after a point ("0.03"), not a date ("12.08.2022").
DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])")


# --- what a page shows ----------------------------------------------------------------------
def _proto_strings(message) -> Iterator[tuple[str, str]]:
    """(field name, text) of every string field of a protobuf message, nested ones included."""
    for field, value in message.ListFields():
        if field.name in CODE_FIELDS:
            continue
        repeated = not isinstance(value, str | bytes) and hasattr(value, "__len__") \
            and not hasattr(value, "ListFields")
        for item in value if repeated else [value]:
            if field.type == FieldDescriptor.TYPE_MESSAGE:
                yield from _proto_strings(item)
            elif field.type == FieldDescriptor.TYPE_STRING:
                yield field.name, item


def _json_strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _page_strings(page: str, vis: str) -> Iterator[str]:
    """The text of a network page: its markup without libraries (vis-network and our label
    engine, code that nobody reads) and style sheet, and the text values (labels, tooltips) of
    its graph data."""
    page = _STYLE.sub("", page.replace(vis, "").replace(label_engine_js(), ""))
    data = _GRAPH_DATA.search(page)
    if data:
        yield from _json_strings(json.loads(data.group(1)))
        page = page[:data.start()] + page[data.end():]
    yield page


def _frame_strings(frame: pd.DataFrame) -> Iterator[str]:
    yield from (str(column) for column in frame.columns)
    if frame.index.name:
        yield str(frame.index.name)
    yield from (str(label) for label in frame.index if not isinstance(label, int))
    for column in frame.columns:
        yield from (str(cell) for cell in frame[column] if cell is not None)


def shown_numbers(element) -> pd.DataFrame | None:
    """The cells of a table as the browser shows them (a Styler's display values), if styled."""
    arrow = getattr(element.proto, "arrow_data", element.proto)
    if "styler" not in arrow.DESCRIPTOR.fields_by_name or not arrow.HasField("styler"):
        return None
    return dataframe_util.convert_arrow_bytes_to_pandas_df(arrow.styler.display_values)


def _texts(node, vis: str) -> Iterator[tuple[str, str]]:
    proto = getattr(node, "proto", None)
    if proto is not None and hasattr(proto, "ListFields"):
        for name, text in _proto_strings(proto):
            if name in ("json", "spec"):  # component data and chart specs: their text values
                try:
                    yield from ((f"{node.type}.{name}", s) for s in _json_strings(json.loads(text)))
                    continue
                except ValueError:
                    pass
            if name == "srcdoc":  # a whole page of the network picture
                yield from ((f"{node.type}.{name}", s) for s in _page_strings(text, vis))
                continue
            yield f"{node.type}.{name}", text
    if isinstance(node, et.Dataframe | et.Table):
        # A styled table shows its display values; the cells behind them stay numbers.
        shown = shown_numbers(node)
        frame = node.value if shown is None else shown
        yield from ((f"{node.type}.cells", s) for s in _frame_strings(frame))
    for child in (getattr(node, "children", None) or {}).values():
        yield from _texts(child, vis)


def page_texts(at: AppTest) -> list[tuple[str, str]]:
    """(element, text) for everything the page shows, markdown escapes removed."""
    vis = vis_network_js()  # the network picture's library, inlined into the HTML page
    return [(where, _MARKDOWN_ESCAPE.sub(r"\1", text)) for where, text in _texts(at._tree, vis)
            if text]


def _without(text: str, values: Iterable[str]) -> str:
    for value in sorted(set(values), key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def german_in(texts: Iterable[tuple[str, str]], data_values: set[str]) -> list[str]:
    """Every shown text with a German word or a decimal comma, and what was found.

    The word list is case-sensitive (its nouns are capitalised); the text is also read in
    lower case, so a sentence that starts with "Keine" or "Die" is found too.
    """
    lowered = {value.lower() for value in data_values}
    found = []
    for where, text in texts:
        words = sorted(set(german_words(text, data_values))
                       | set(german_words(text.lower(), lowered)))
        commas = decimal_commas(text, data_values)
        if words or commas:
            found.append(f"{where}: {words + commas} in {text[:160]!r}")
    return sorted(set(found))


# --- the workbook's own values ---------------------------------------------------------------
def _cells(path: Path) -> Iterator[object]:
    """Every cell of a workbook file as written (xlsx, ods, csv); nothing for other files."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            yield from book.sheetnames
            for sheet in book.worksheets:
                for row in sheet.iter_rows(values_only=True):
                    yield from row
        elif suffix == ".ods":
            for name, frame in pd.read_excel(path, engine="odf", sheet_name=None,
                                             header=None).items():
                yield name
                yield from frame.to_numpy().ravel()
        elif suffix == ".csv":
            raw = path.read_bytes()
            for encoding in ("utf-8-sig", "cp1252"):
                try:
                    text = raw.decode(encoding)
                    break
                except UnicodeDecodeError:
                    continue
            for row in csv.reader(text.splitlines(), delimiter=";" if ";" in text else ","):
                yield from row
    except Exception:  # a broken file has no values to show
        return


#: The file format's own German names (sheets, column headers), which English text quotes
#: (“Seit”, “Partner”): only the quoted form is data, a bare "Seit" still counts as German.
FILE_FORMAT = {f"“{name}”" for name, _aliases in SHEETS.values()} | {
    f"“{column.header}”" for columns in COLUMNS.values() for column in columns}


def data_values(path: Path) -> set[str]:
    """The workbook's own words: cells as written (and each item of a list cell), the values as
    read, the category vocabulary, the file format's quoted names and the file's name."""
    values: set[str] = {path.name, *na.CATEGORIES, *FILE_FORMAT}
    cells = [str(cell) for cell in _cells(path) if isinstance(cell, str)]
    try:
        data = na.load_workbook(path)
    except na.NetworkAppError:
        data = None
    if data is not None:
        for table in (data.partners, data.relations, data.activities, data.programmes):
            for column in table.columns:
                for cell in table[column]:
                    cells.extend(cell if isinstance(cell, list) else [cell])
        cells += [str(v) for v in data.settings.values()]
        cells += [str(p.column) for p in data.problems if p.column]
        cells += [str(p.sheet) for p in data.problems if p.sheet]
    for cell in cells:
        if isinstance(cell, str) and cell.strip():
            values.add(cell)
            values.add(cell.strip())
            values.update(part.strip() for part in re.split(r"[;,\n]", cell) if part.strip())
    return values


# --- running the app ---------------------------------------------------------------------------
def _english() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.sidebar.radio(key="language").set_value("English").run()
    assert not at.exception
    return at


@pytest.fixture(scope="module")
def english() -> AppTest:
    """One English session for the corpus (each test uploads its own file)."""
    return _english()


@pytest.fixture(scope="module")
def bundled() -> set[str]:
    return data_values(BUNDLED)


def _switch(at: AppTest, page: str) -> list[tuple[str, str]]:
    at.switch_page(page).run()
    assert not at.exception, (page, at.exception)
    return page_texts(at)


def test_netzwerk_page_in_english(bundled):
    at = _english()
    texts = _switch(at, "app_pages/netzwerk.py")
    assert {m.label: m.value for m in at.metric}["Partners"] == "64"
    at.radio(key="view").set_value("partners").run()
    at.selectbox(key="color_by").set_value("community").run()
    at.selectbox(key="size_by").set_value("betweenness").run()
    at.selectbox(key="f_year").set_value(2020).run()
    texts += page_texts(at)
    at.selectbox(key="f_year").set_value("all").run()
    at.selectbox(key="export_format").set_value("json").run()
    at.button(key="export_build").click().run()
    assert not at.exception
    texts += page_texts(at)
    ready = [c.value for c in at.caption if c.value.startswith("Ready:")]
    assert ready and re.search(r"\(\d+ KB\)\.$", ready[0])
    assert german_in(texts, bundled) == []


def test_partner_page_in_english(bundled):
    at = _english()
    at.switch_page("app_pages/partner.py").run()
    at.selectbox(key="partner").set_value("Stadt Beckum").run()
    at.toggle(key="show_personal").set_value(True).run()
    at.selectbox(key="path_target").set_value("Geestland").run()
    assert not at.exception
    texts = page_texts(at)
    assert any(where.startswith("markdown") and "Way 1" in text for where, text in texts)
    assert german_in(texts, bundled) == []


def test_daten_page_in_english(bundled):
    at = _english()
    texts = _switch(at, "app_pages/daten.py")
    assert at.tabs[0].label == "Partners"
    assert german_in(texts, bundled) == []


def test_analyse_page_in_english(bundled):
    at = _english()
    texts = _switch(at, "app_pages/analyse.py")
    tiles = {m.label: m.value for m in at.metric}
    # Numbers with decimals are written with a point (and were collected at all).
    assert re.fullmatch(r"\d+\.\d\d", tiles["Density"])
    measures = shown_numbers(at.dataframe[0])
    assert measures is not None
    assert all(re.fullmatch(r"\d+\.\d{3}|–", v) for v in measures["Bridging role"])
    at.multiselect(key="whatif_partners").set_value(["Stadt Beckum", "KGSt"]).run()
    at.selectbox(key="measure").set_value("pagerank").run()
    at.select_slider(key="resolution").set_value(2.0).run()
    resolution = at.select_slider(key="resolution")
    assert resolution.format_func(resolution.value) == "2.0"
    texts += page_texts(at)
    at.radio(key="whatif_mode").set_value("person").run()
    assert not at.exception
    texts += page_texts(at)
    assert german_in(texts, bundled) == []


def test_presentation_in_english(bundled):
    at = _english()
    texts = _switch(at, "app_pages/praesentation.py")
    steps = 1
    while not at.button(key="presentation_next").disabled:
        at.button(key="presentation_next").click().run()
        assert not at.exception
        texts += page_texts(at)
        steps += 1
    assert steps >= 7  # overview, four categories, growth, map, sources
    assert german_in(texts, bundled) == []


def _corpus() -> dict[str, object]:
    builders = {name: build for name, (build, _code) in badfiles.BAD_FILES.items()}
    builders |= {name: build for name, (build, _fmt) in badfiles.GOOD_FILES.items()}
    builders |= {"messy_xlsx": messy.german_excel_xlsx, "messy_csv": messy.german_excel_csv}
    # tables without a header row: the notes on how they were read, a matrix's weights; a
    # NodeXL workbook: its direction from the Misc sheet, its ties of a user with themself
    other_tools = ROOT / "tests" / "data" / "other_tools"
    for name in ("networkx/hartford_drug.edgelist",
                 "programming_historian/aristas-interaccion_bizarrias.csv",
                 "generated/nodexl_users.xlsx"):
        builders[Path(name).stem] = lambda _folder, path=other_tools / name: path
    return builders


@pytest.mark.parametrize("case", sorted(_corpus()))
def test_every_page_in_english_with_a_corpus_file(english, case, tmp_path):
    path = _corpus()[case](tmp_path)
    if not path.is_file() or path.suffix.lower() not in UPLOADABLE:
        pytest.skip("the uploader refuses this file before the app sees it")
    english.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    assert not english.exception
    known = data_values(path)
    texts = []
    for page in PAGES:
        texts += _switch(english, page)
    assert german_in(texts, known) == []


# --- German: the collector sees it, and numbers have decimal commas ----------------------------
def test_the_german_app_is_found_german(bundled):
    """The check can fail: in German, the same collection finds German on every part."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    found = " ".join(german_in(page_texts(at), bundled))
    for part in ("file_uploader.label", "download_button.label", "metric.label", "caption.body",
                 "selectbox.options", "radio.options", "checkbox.label", "bidi_component.json"):
        assert part in found, part


def test_german_numbers_have_a_decimal_comma():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/analyse.py").run()
    assert not at.exception
    tiles = {m.label: m.value for m in at.metric}
    assert re.fullmatch(r"\d+,\d\d", tiles["Dichte"])
    assert re.fullmatch(r"\d+,\d\d", tiles["Gruppenbildung"])
    resolution = at.select_slider(key="resolution")
    assert resolution.format_func(resolution.value) == "1,0"
    assert resolution.format_func(2.5) == "2,5"
    measures = shown_numbers(at.dataframe[0])
    assert measures is not None
    shown = [v for v in measures["Brückenfunktion"] if v != "–"]
    assert shown and all(re.fullmatch(r"\d+,\d{3}", v) for v in shown)
    assert measures.index.name == "Partner"  # the partners stay the rows
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    assert specs and all(s["config"]["locale"]["number"]["decimal"] == "," for s in specs)
    # Nothing else on the page writes a fraction with a point (links, chart expressions and
    # the workbook's own values aside).
    known = data_values(BUNDLED)
    points = [f"{where}: {text[:120]!r}" for where, text in page_texts(at)
              if not text.startswith("http")
              and "datum." not in text and DECIMAL_POINT.search(_without(text, known))]
    assert points == []


# --- plurals and units --------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "expected"), [
    ("Deutsch", "Gezeigt: 2 von 4 Partnern, 1 Verbindung."),
    ("English", "Shown: 2 of 4 partners, 1 tie."),
])
def test_one_tie_is_one_tie(tmp_path, small_sheets, lang, expected):
    path = write_xlsx(tmp_path / "klein.xlsx", small_sheets)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.sidebar.radio(key="language").set_value(lang).run()
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    at.multiselect(key="f_categories").set_value(["Austausch", "Forschung"]).run()
    assert not at.exception
    assert any(c.value.startswith(expected) for c in at.caption), [c.value for c in at.caption]


def test_file_sizes_follow_the_language():
    from app_pages.exporting import file_size

    assert file_size(12_500, "de") == "12 KB"
    assert file_size(int(1.5 * 1024 * 1024), "de") == "1,5 MB"
    assert file_size(int(1.5 * 1024 * 1024), "en") == "1.5 MB"
    assert file_size(1024 * 1024 * 1024 + 1, "en") == "1,024 MB"
