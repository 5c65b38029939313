"""Exports, read back by the programs people open them with.

xlsx by openpyxl and LibreOffice, GraphML by igraph, GEXF and JSON by NetworkX, PDF by poppler,
PNG by Pillow, SVG by an XML parser, HTML by Chromium. A workbook full of formula and markup
payloads must stay text everywhere, and personal data must stay out unless asked for.
"""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx
import openpyxl
import pytest
from conftest import BUNDLED, ROOT, require_tool, write_xlsx
from defusedxml import ElementTree

from network_app import (
    build_graph,
    ego_layout,
    legend,
    load_workbook,
    network_html,
    network_view,
    node_styles,
    partner_layer,
    stable_positions,
)
from network_app.exports import FORMATS, ExportMeta, csv_paths, export, meta_for
from network_app.exports.common import csv_text, is_personal
from network_app.exports.report import REPORT_SHEETS, WEIGHT_HEADER, rank_partners
from network_app.workbook import schema

ARTIFACTS = ROOT / "test-artifacts"
HYPERLINK = '=HYPERLINK("http://x","klick")'
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
MATH = "Kosten $5 und $10 \\frac"  # matplotlib would read $…$ as mathtext
PAYLOADS = (HYPERLINK, "+1+1", "-2+3", "@SUM(A1)", IMG, SCRIPT, MATH)
PERSONAL = ("Erika Mustermann", "Max Beispielmann", "erika@beispiel.example", "02921 555-0101",
            "privat@beispiel.example")


def text_workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """Like conftest.write_xlsx, but every str is a text cell (openpyxl would store a str
    starting with "=" as a formula, and a person typing it with a leading ' gets text)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for i, row in enumerate(rows, 1):
            for j, value in enumerate(row, 1):
                cell = sheet.cell(row=i, column=j, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
    book.save(path)
    return path


SMALL = {
    "Partner": [
        ["Name", "Kategorie", "Typ", "Ort", "Seit", "Website", "Notiz"],
        ["A-Lab", "Austausch", "Lab", "Aachen", 2019, "https://a.example", "erste Notiz"],
        ["B-Uni", "Forschung; Kooperation", "Hochschule", "Bochum", 2020, None, None],
        ["C-Verein", "Netzwerk", "Verein", "Soest", None, None, "Soester Verein"],
        ["D-Stadt", "Kooperation", "Kommune", "Dortmund", 2021, None, None],
    ],
    "Beziehungen": [["Von", "Nach", "Art", "Stärke", "Seit"],
                    ["A-Lab", "B-Uni", "Projekt", 3, 2020]],
    "Aktivitäten": [
        ["Aktivität", "Datum", "Status", "Bereich", "Beteiligte"],
        ["Workshop", "12.08.2022", "umgesetzt", "Vernetzung", "A-Lab; B-Uni; C-Verein"],
    ],
    "Programme": [["Programm", "Seit", "Bis", "Beteiligte"], ["Verbund", 2019, 2026,
                                                            "C-Verein; D-Stadt"]],
    "Einstellungen": [["Einstellung", "Wert"], ["Titel", "Kleines Netz"],
                      ["Datenstand", "2024"], ["Quelle", "Testdaten"]],
}


def payload_sheets() -> dict[str, list[list[Any]]]:
    names = list(PAYLOADS)
    rows = [["Name", "Kategorie", "Typ", "Notiz", "Ort"]]
    for i, name in enumerate(names):
        rows.append([name, ("Austausch", "Kooperation", "Netzwerk")[i % 3], "Lab",
                     PAYLOADS[(i + 1) % len(PAYLOADS)], "\tTab-Ort" if i == 0 else "Soest"])
    return {
        "Partner": rows,
        "Beziehungen": [["Von", "Nach", "Art", "Notiz"], [HYPERLINK, IMG, "@SUM(A1)", "-2+3"]],
        "Aktivitäten": [["Aktivität", "Datum", "Beteiligte"],
                        [SCRIPT, 2022, f"{IMG}; +1+1; {SCRIPT}"]],
        "Einstellungen": [["Einstellung", "Wert"], ["Titel", f"Titel {IMG}"]],
    }


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    return load_workbook(write_xlsx(folder / "klein.xlsx", SMALL))


@pytest.fixture(scope="module")
def small_exports(tmp_path_factory, small):
    """Every format of the small workbook, written once for the read-back tests."""
    folder = tmp_path_factory.mktemp("exports")
    return {fmt: export(fmt, folder / f"netz.{fmt}", small) for fmt in FORMATS}


@pytest.fixture(scope="module")
def payload(tmp_path_factory):
    folder = tmp_path_factory.mktemp("payload")
    data = load_workbook(text_workbook(folder / "payload.xlsx", payload_sheets()))
    assert set(PAYLOADS) <= set(data.partners["name"])  # the loader kept them as text
    files = {fmt: export(fmt, folder / f"payload.{fmt}", data) for fmt in FORMATS}
    return data, files


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.outside_requests, page.dialogs, page.console_errors = [], [], []
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "about:"))
            else page.outside_requests.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error"
            else None)
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    page.goto(path.as_uri())
    page.locator("body[data-drawn='1'] canvas").wait_for(timeout=30_000)
    return page


def libreoffice(source: Path, target_format: str, out_dir: Path) -> Path:
    soffice = require_tool("soffice")
    out_dir.mkdir(exist_ok=True)
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{out_dir / 'lo-profile'}", "--headless",
         "--convert-to", target_format, "--outdir", str(out_dir), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    result = out_dir / f"{source.stem}.{target_format.split(':')[0]}"
    assert result.exists(), f"LibreOffice wrote no {result.name}"
    return result


def pdf_pages(pdf: Path, out_dir: Path, resolution: int = 50) -> list[Path]:
    pdftoppm = require_tool("pdftoppm")
    subprocess.run([pdftoppm, "-png", "-r", str(resolution), str(pdf), str(out_dir / "page")],
                   check=True, timeout=120)
    return sorted(out_dir.glob("page-*.png"))


def pdf_text(pdf: Path) -> str:
    pdftotext = require_tool("pdftotext")
    return subprocess.run([pdftotext, str(pdf), "-"], check=True, capture_output=True,
                          text=True, timeout=60).stdout


def all_bytes(paths: list[Path]) -> bytes:
    """A file's bytes; for xlsx the unzipped XML parts as well."""
    chunks = []
    for path in paths:
        chunks.append(path.read_bytes())
        if path.suffix in (".xlsx", ".pptx"):
            with zipfile.ZipFile(path) as archive:
                chunks += [archive.read(name) for name in archive.namelist()]
    return b"\n".join(chunks)


# --------------------------------------------------------------------------- API


def test_formats_and_files(small_exports):
    assert FORMATS[:9] == ("html", "png", "svg", "pdf", "gexf", "graphml", "json", "csv",
                           "xlsx")
    assert set(FORMATS[9:]) <= {"pptx"}  # the deck has its own module and tests
    for fmt, paths in small_exports.items():
        assert all(p.exists() and p.stat().st_size > 100 for p in paths), fmt
        assert len(paths) == (2 if fmt == "csv" else 1)
    folder = small_exports["png"][0].parent
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".")]  # no temp files


def test_meta_from_workbook_settings(small):
    meta = meta_for(small)
    assert (meta.title, meta.data_date, meta.source) == ("Kleines Netz", "2024", "Testdaten")
    assert meta.display_title == "Kleines Netz"
    personal = meta_for(small, title="Eigener Titel", include_personal=True)
    assert personal.display_title == "Eigener Titel (intern)"
    with pytest.raises(ValueError):
        ExportMeta(lang="fr")


@pytest.mark.parametrize("text, safe", [
    (HYPERLINK, "'" + HYPERLINK), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("Soest", "Soest"),
    ("", ""), ("a=b", "a=b"),
])
def test_csv_text(text, safe):
    assert csv_text(text) == safe


@pytest.mark.parametrize("header, personal", [
    ("email", True), ("E-Mail privat", True), ("Ansprechperson 2", True), ("Telefon mobil", True),
    ("Handy", True), ("Kontakt extern", True), ("Website", False), ("Notiz", False),
    ("Förderung", False), ("Ort", False),
])
def test_personal_headers(header, personal):
    assert is_personal(header) is personal


def test_unknown_format_and_missing_folder(tmp_path, small):
    with pytest.raises(ValueError):
        export("bmp", tmp_path / "x.bmp", small)
    with pytest.raises(FileNotFoundError):
        export("json", tmp_path / "fehlt" / "x.json", small)
    assert not (tmp_path / "fehlt").exists()


def test_failed_write_leaves_old_file_and_no_temp(tmp_path, small, monkeypatch):
    target = tmp_path / "netz.graphml"
    target.write_text("alter Inhalt", encoding="utf-8")

    def broken(graph, path, **kwargs):
        Path(path).write_text("<graphml halb", encoding="utf-8")
        raise RuntimeError("Platte voll")

    monkeypatch.setattr("network_app.exports.graphs.nx.write_graphml", broken)
    with pytest.raises(RuntimeError):
        export("graphml", target, small)
    assert target.read_text(encoding="utf-8") == "alter Inhalt"
    assert [p.name for p in tmp_path.iterdir()] == ["netz.graphml"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_filtered_view_without_hub(tmp_path, small, fmt):
    """What the user sees may lack the hub and have nodes without positions."""
    view = partner_layer(build_graph(small))
    view.remove_node("D-Stadt")
    positions = {n: p for n, p in ego_layout(build_graph(small)).items() if n != "A-Lab"}
    paths = export(fmt, tmp_path / f"ansicht.{fmt}", small, view_graph=view,
                   positions=positions)
    assert all(p.stat().st_size > 100 for p in paths)


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json"])
def test_bipartite_view_labels_activities_by_name(tmp_path, small, fmt):
    """Activities and programmes are keyed by their row ("activity:2"); the label is the name."""
    [path] = export(fmt, tmp_path / f"bipartit.{fmt}", small,
                    view_graph=network_view(small, "bipartite"), positions=stable_positions(small))
    if fmt == "json":
        read = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    else:
        read = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    assert read.nodes["activity:2"]["label"] == "Workshop"
    assert read.nodes["programme:2"]["label"] == "Verbund"
    assert sorted(read.neighbors("activity:2")) == ["A-Lab", "B-Uni", "C-Verein"]


# --------------------------------------------------------------------------- pictures


def test_png_is_a4_landscape_at_300_dpi(small_exports):
    from PIL import Image

    with Image.open(small_exports["png"][0]) as image:
        assert image.width >= 3508 and image.height >= 2480
        assert image.width > image.height
        assert round(image.info["dpi"][0]) == 300


def test_pdf_pages(small_exports, tmp_path, small):
    pdf = small_exports["pdf"][0]
    pages = pdf_pages(pdf, tmp_path)
    assert len(pages) == 1 and pages[0].stat().st_size > 5000
    text = pdf_text(pdf)
    for words in ("Kleines Netz", "Datenstand: 2024", "Quelle: Testdaten", "A-Lab", "Austausch"):
        assert words in text
    info = subprocess.run([require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert "841.92 x 595.44 pts (A4)" in info  # landscape
    a3 = export("pdf", tmp_path / "a3.pdf", small, paper="A3")[0]
    info = subprocess.run(["pdfinfo", str(a3)], capture_output=True, text=True).stdout
    assert "x 841.92 pts (A3)" in info


def test_svg_is_xml_with_text(small_exports):
    root = ElementTree.parse(small_exports["svg"][0]).getroot()
    assert root.tag.endswith("svg")
    texts = " ".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))
    assert "A-Lab" in texts and "Kleines Netz" in texts  # text stays text (searchable)


# --------------------------------------------------------------------------- graph formats


def test_gexf_read_by_networkx(small_exports, small):
    graph = build_graph(small)
    positions, styles = ego_layout(graph), node_styles(graph)
    read = nx.read_gexf(small_exports["gexf"][0])
    assert set(read) == set(graph)
    assert read.number_of_edges() == graph.number_of_edges()
    b_uni = read.nodes["B-Uni"]
    assert b_uni["Kategorie"] == "Forschung; Kooperation"
    assert b_uni["label"] == "B-Uni"
    viz = b_uni["viz"]
    assert viz["position"]["x"] == pytest.approx(positions["B-Uni"][0])
    assert viz["position"]["y"] == pytest.approx(-positions["B-Uni"][1])  # Gephi: y up
    assert "#{r:02X}{g:02X}{b:02X}".format(**viz["color"]) == styles["B-Uni"].color
    assert read.edges["A-Lab", "B-Uni"]["weight"] == graph.edges["A-Lab", "B-Uni"]["weight"]
    assert "Projekt (Stärke 3, seit 2020)" in read.edges["A-Lab", "B-Uni"]["Beziehung"]


def test_graphml_read_by_igraph(small_exports, small):
    igraph = pytest.importorskip("igraph")
    graph = build_graph(small)
    read = igraph.Graph.Read_GraphML(str(small_exports["graphml"][0]))
    assert (read.vcount(), read.ecount()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert set(read.vs["id"]) == set(graph)
    b_uni = read.vs.find(id="B-Uni")
    assert b_uni["Kategorie"] == "Forschung; Kooperation"
    assert read["Titel"] == "Kleines Netz" and read["Datenstand"] == "2024"


def test_json_read_by_networkx(small_exports, small):
    graph = build_graph(small)
    data = json.loads(small_exports["json"][0].read_text(encoding="utf-8"))
    read = nx.node_link_graph(data, edges="edges")
    assert set(read) == set(graph) and set(map(frozenset, read.edges)) == set(
        map(frozenset, graph.edges))
    assert read.nodes["B-Uni"]["Kategorie"] == ["Forschung", "Kooperation"]
    assert read.nodes["A-Lab"]["Seit"] == 2019
    assert read.graph["Titel"] == "Kleines Netz"
    assert [entry["label"] for entry in read.graph["Legende"]][:2] == [
        "eigene Organisation", "Austausch"]


def test_csv_two_files_as_german_excel_reads_them(small_exports, small):
    graph = build_graph(small)
    nodes_path, edges_path = small_exports["csv"]
    assert (nodes_path, edges_path) == csv_paths(nodes_path.with_name("netz.csv"))
    assert nodes_path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    with nodes_path.open(encoding="utf-8-sig", newline="") as handle:
        nodes = list(csv.DictReader(handle, delimiter=";"))
    with edges_path.open(encoding="utf-8-sig", newline="") as handle:
        edges = list(csv.DictReader(handle, delimiter=";"))
    assert {row["Name"] for row in nodes} == set(graph)
    assert len(edges) == graph.number_of_edges()
    a_lab = next(row for row in nodes if row["Name"] == "A-Lab")
    assert a_lab["Kategorie"] == "Austausch" and a_lab["Seit"] == "2019"
    # Numbers as German Excel reads them: a decimal comma, never a decimal point.
    cells = [value for row in [*nodes, *edges] for value in row.values()]
    assert [cell for cell in cells if re.fullmatch(r"-?\d+\.\d+", cell)] == []
    assert [cell for cell in cells if re.fullmatch(r"-?\d+,\d+", cell)]  # fractions exist
    for row in nodes:
        for column in ("x", "y", "Größe"):
            assert re.fullmatch(r"-?\d+(,\d+)?", row[column]), (column, row[column])
    x, y = ego_layout(graph)["A-Lab"]  # the default layout, written with two decimals
    assert float(a_lab["x"].replace(",", ".")) == pytest.approx(x, abs=0.005)
    assert float(a_lab["y"].replace(",", ".")) == pytest.approx(y, abs=0.005)
    assert list(edges[0])[:3] == ["Von", "Nach", "Art"]


# --------------------------------------------------------------------------- the report


def test_report_read_by_openpyxl(small_exports, small):
    book = openpyxl.load_workbook(small_exports["xlsx"][0])
    assert tuple(book.sheetnames) == REPORT_SHEETS
    assert book.sheetnames[0] == "Überblick"  # the report opens with the picture
    partner = book["Partner"]
    headers = [c.value for c in partner[1]]
    assert headers[:3] == ["Rang", "Name", "Kategorie"]
    assert {"Verbindungen", "Brückenfunktion", "Nähe", "Bedeutung", "Gruppe", "Ort",
            "Website"} <= set(headers)
    assert partner.freeze_panes == "C2" and partner.auto_filter.ref
    # A–B (relation strength 3 + Workshop) are alike; C-Verein ties them to D-Stadt.
    ranked = [row[:2] for row in partner.iter_rows(min_row=2, values_only=True)]
    assert ranked == [(1, "A-Lab"), (1, "B-Uni"), (3, "C-Verein"), (4, "D-Stadt")]
    rows = {row[1]: dict(zip(headers, row, strict=True))
            for row in partner.iter_rows(min_row=2, values_only=True)}
    assert rows["B-Uni"]["Kategorie"] == "Forschung; Kooperation"
    assert rows["C-Verein"]["Brückenfunktion"] > 0  # the only way to D-Stadt
    assert rows["C-Verein"]["Schlüsselstelle"] == "ja"
    assert rows["A-Lab"]["Schlüsselstelle"] == "nein"
    assert rows["A-Lab"]["Brückenfunktion"] == 0
    assert partner.cell(row=1, column=headers.index("Brückenfunktion") + 1).comment
    assert "Bedeutung" in partner.cell(row=1, column=1).comment.text
    ties = list(book["Verbindungen"].iter_rows(values_only=True))
    assert ties[0][:2] == ("Partner A", "Partner B") and len(ties) == 1 + 4
    weights = [row[5] for row in ties[1:]]
    assert ties[1][:2] == ("A-Lab", "B-Uni") and weights == sorted(weights, reverse=True)
    explained = {row[0] for row in book["Erklärungen"].iter_rows(min_row=2, values_only=True)}
    assert {"Brückenfunktion", "Nähe", "Gruppe", "Dichte"} <= explained
    info = dict(book["Info"].iter_rows(min_row=2, values_only=True))
    assert info["Titel"] == "Kleines Netz" and info["Datenstand"] == "2024"
    assert info["Vertraulichkeit"] == "ohne personenbezogene Daten"
    quality = list(book["Datenqualität"].iter_rows(values_only=True))
    assert quality[0] == ("Art", "Blatt", "Zeile", "Spalte", "Wert", "Meldung")


def test_report_loads_again_as_partner_workbook(small_exports, small):
    again = load_workbook(small_exports["xlsx"][0])
    assert again.errors == [] and again.warnings == []
    assert list(again.partners["name"]) == list(small.partners["name"])  # ranked as they were
    assert [list(c) for c in again.partners["categories"]] == [
        list(c) for c in small.partners["categories"]]
    assert list(again.partners["place"]) == list(small.partners["place"])
    before = {frozenset(e) for e in partner_layer(build_graph(small)).edges}
    after = {frozenset(e) for e in partner_layer(build_graph(again)).edges}
    assert after == before  # the ties come back as relations


def test_report_problems_sheet_lists_every_problem(tmp_path):
    path = write_xlsx(tmp_path / "fehler.xlsx", {
        "Partner": [["Name", "Kategorie"], ["A", "Austausch"], [None, "Netzwerk"],
                    ["B", "Quatsch"]],
        "Beziehungen": [["Von", "Nach"], ["A", "Unbekannt"]],
    })
    data = load_workbook(path)
    assert data.errors
    report = export("xlsx", tmp_path / "bericht.xlsx", data)[0]
    rows = list(openpyxl.load_workbook(report)["Datenqualität"].iter_rows(min_row=2,
                                                                           values_only=True))
    assert len(rows) == len(data.problems)
    assert {(r[1], r[2]) for r in rows} == {(p.sheet, p.row) for p in data.problems}
    assert all(r[5] for r in rows)


def figure_columns(book: Any) -> set[str]:
    """Headers of the table sheets' columns that hold a number the program computed: every
    column with a number in it, except the workbook's own columns (Seit, Breite, …)."""
    own = {c.header for c in schema.COLUMNS["partners"]} | {"Kennung"}
    found = set()
    for name in ("Partner", "Kategorien", "Verbindungen"):
        rows = list(book[name].iter_rows(values_only=True))
        for j, header in enumerate(rows[0]):
            if header in own:
                continue
            if any(isinstance(row[j], int | float) and not isinstance(row[j], bool)
                   for row in rows[1:]):
                found.add(header)
    return found


def printed_figures(book: Any) -> set[str]:
    """Every header of the printed Partner columns but the name, category and group name."""
    partner = book["Partner"]
    last = openpyxl.utils.cell.range_boundaries(
        partner.print_area.split("!")[-1].replace("$", ""))[2]
    headers = [c.value for c in partner[1]][:last]
    return set(headers) - {"Name", "Kategorie", "Gruppenname", "Group name"}


@pytest.mark.parametrize("which", ["small", "bundled"])
def test_every_figure_of_the_report_is_explained(small_exports, which, tmp_path):
    path = (small_exports["xlsx"][0] if which == "small"
            else export("xlsx", tmp_path / "bericht.xlsx", load_workbook(BUNDLED))[0])
    book = openpyxl.load_workbook(path)
    rows = list(book["Erklärungen"].iter_rows(min_row=2, values_only=True))
    explained = {term for term, text in rows if text}
    figures = figure_columns(book)
    assert {"Rang", "Verbindungen", "Bedeutung", "Gruppe", "Partner", "Anteil",
            WEIGHT_HEADER} <= figures
    assert figures <= explained, figures - explained
    assert printed_figures(book) <= explained
    assert "Schlüsselstelle" in printed_figures(book)  # ja/nein: a figure, though no number
    assert [term for term, _ in rows][:2] == ["Rang", "Verbindungen"]  # in the sheets' order
    assert len({term for term, _ in rows}) == len(rows)


def test_report_ranks_by_importance_as_the_measures_say(tmp_path):
    data = load_workbook(BUNDLED)
    book = openpyxl.load_workbook(export("xlsx", tmp_path / "bericht.xlsx", data)[0])
    rows = list(book["Partner"].iter_rows(values_only=True))
    headers = rows[0]
    table = [dict(zip(headers, row, strict=True)) for row in rows[1:]]
    ranks = [row["Rang"] for row in table]
    assert ranks[0] == 1 and ranks == sorted(ranks)
    keys = [(-round(row["Bedeutung"], 9), -row["Verbindungsstärke"]) for row in table]
    assert keys == sorted(keys)
    for before, after in zip(table, table[1:], strict=False):  # equals share a rank
        same = (round(before["Bedeutung"], 9) == round(after["Bedeutung"], 9)
                and before["Verbindungsstärke"] == after["Verbindungsstärke"])
        assert (after["Rang"] == before["Rang"]) == same
    assert {row["Name"] for row in table} == set(data.partners["name"])
    assert len(table) == data.partners.shape[0]


def test_rank_partners_shares_places_between_equals():
    import pandas as pd

    frame = pd.DataFrame({"pagerank": [0.1, 0.3, 0.3, 0.1, 0.2],
                          "weighted_degree": [2, 4, 4, 1, 9]}, index=list("ABCDE"))
    assert rank_partners(frame) == {"B": 1, "C": 1, "E": 3, "A": 4, "D": 5}


def test_report_opens_with_the_picture_and_prints_landscape(small_exports):
    from PIL import Image

    book = openpyxl.load_workbook(small_exports["xlsx"][0])
    overview = book["Überblick"]
    assert overview["A1"].value == "Kleines Netz"
    assert "Partner: 4" in overview["A2"].value and "Datenstand: 2024" in overview["A2"].value
    images = overview._images
    assert len(images) == 1
    assert images[0].anchor._from.row == 4 and images[0].anchor._from.col == 0  # at A5
    picture = Image.open(images[0].ref)
    assert picture.format == "PNG" and picture.width >= 1500
    colours = picture.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # a drawing, not an empty page
    for sheet in book:
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == 9  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert setup.fitToWidth == 1
        if sheet.title == "Überblick":
            assert setup.fitToHeight == 1
        else:  # as many pages tall as it takes, the header row on each
            assert setup.fitToHeight == 0 and sheet.print_title_rows == "$1:$1"


def test_report_printed_by_libreoffice(small_exports, tmp_path):
    pdf = libreoffice(small_exports["xlsx"][0], "pdf", tmp_path)
    pages = pdf_pages(pdf, tmp_path)
    assert len(pages) >= len(REPORT_SHEETS)
    assert all(p.stat().st_size > 1000 for p in pages)
    text = pdf_text(pdf)
    assert "Brückenfunktion" in text and "B-Uni" in text


# --------------------------------------------------------------------------- HTML


def test_search_box_is_optional():
    graph = nx.Graph()
    graph.add_node("A", kind="partner", label="A", category="Austausch")
    args = (graph, {"A": (0.0, 0.0)}, node_styles(graph))
    assert "search-input" not in network_html(*args)
    page = network_html(*args, search=True)
    assert '<input id="search-input"' in page and 'list="search-names"' in page
    assert '<datalist id="search-names"></datalist>' in page  # filled by JS, never by markup


@pytest.mark.browser
def test_html_in_chromium(browser, small_exports, small):
    page = open_page(browser, small_exports["html"][0])
    try:
        assert page.evaluate("() => graphData.nodes.length") == build_graph(small).order()
        assert page.locator("h1").inner_text().startswith("Kleines Netz")
        assert "Datenstand: 2024" in page.locator("#export-head").inner_text()
        assert page.locator("#legend li").count() == len(legend(build_graph(small)))
        assert page.evaluate("() => document.querySelectorAll('#search-names option').length") \
            == build_graph(small).order()
        page.fill("#search-input", "c-verein")
        page.press("#search-input", "Enter")
        selected = page.evaluate(
            "() => network.getSelectedNodes().map(id => graphData.nodes[id].label)")
        assert selected == ["C-Verein"]
        page.fill("#search-input", "Gibt es nicht")
        page.press("#search-input", "Enter")
        assert "Kein Partner" in page.locator("#search-status").inner_text()
        # The canvas really has a picture on it: many distinct pixels.
        colours = page.evaluate("""() => {
            const c = document.querySelector('#network canvas');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            const seen = new Set();
            for (let i = 0; i < d.length; i += 4 * 97) seen.add(d[i] + ',' + d[i+1] + ',' + d[i+2]);
            return seen.size; }""")
        assert colours > 10
        assert page.console_errors == [] and page.outside_requests == []
    finally:
        page.close()


#: A source as long as a paragraph, with a word longer than any line and markup in it.
LONG_SOURCE = ("Präsentation „Aktuelle Zukunftsprozesse in Soest“ des stadtLABOR Soest: Folie "
               "„Vernetzung in Soest und darüber hinaus“ (Partner und Kategorien), ergänzt um "
               "die Liste der Förderprojekte <b>2019–2022</b> und die Ablage unter "
               + "https://intranet.example/" + "ordner/" * 30 + "Ende der Quelle")


def test_html_source_line_is_whole_and_wraps(browser, tmp_path):
    path = write_xlsx(tmp_path / "quelle.xlsx", {
        **SMALL, "Einstellungen": [["Einstellung", "Wert"], ["Quelle", LONG_SOURCE]]})
    [html_file] = export("html", tmp_path / "quelle.html", load_workbook(path))
    text = html_file.read_text(encoding="utf-8")
    head = text[text.index('<header id="export-head">'):text.index("</header>")]
    assert html.escape(LONG_SOURCE) in head and "…" not in head  # whole, escaped
    page = open_page(browser, html_file)
    try:
        line = page.locator("#export-head p")
        assert line.inner_text().endswith(f"{LONG_SOURCE[-15:]} · erstellt: "
                                           f"{line.inner_text()[-10:]}")
        # wrapped inside the window: several lines, nothing runs past the edge
        box = line.bounding_box()
        assert box["height"] > 3 * 14
        assert page.evaluate("(el) => el.scrollWidth <= el.clientWidth",
                             line.element_handle())
        assert box["x"] + box["width"] <= 1400
    finally:
        page.close()


# --------------------------------------------------------------------------- payloads


def test_payload_xlsx_has_no_formula(payload, tmp_path):
    _data, files = payload
    book = openpyxl.load_workbook(files["xlsx"][0])
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    values = {c.value for c in cells}
    assert set(PAYLOADS) <= values
    hyperlink = next(c for c in book["Partner"]["B"] if c.value == HYPERLINK)
    assert hyperlink.data_type == "s" and hyperlink.quotePrefix
    # LibreOffice reads the text, it does not compute "klick". The 12th filter option picks
    # the sheet: 2 is "Partner", after the overview.
    soffice = require_tool("soffice")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,"
         "false,false,2", "--outdir", str(tmp_path), str(files["xlsx"][0])],
        check=True, capture_output=True, timeout=180)
    exported = tmp_path / "payload-Partner.csv"  # one sheet: LibreOffice names the file so
    with exported.open(encoding="utf-8", newline="") as handle:
        names = [row[1] for row in csv.reader(handle) if len(row) > 1]
    assert names[0] == "Name"
    assert set(PAYLOADS) <= set(names)
    assert "klick" not in names and "2" not in names


def test_payload_pictures_show_names_as_written(payload):
    _data, files = payload
    text = pdf_text(files["pdf"][0])
    assert "Kosten $5 und $10" in text and "=HYPERLINK(" in text


def test_payload_csv_cells_start_with_apostrophe(payload):
    _data, files = payload
    for path in files["csv"]:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            cells = [cell for row in csv.reader(handle, delimiter=";") for cell in row]
        # Only our own numbers (coordinates) may start with "-": Excel reads them as numbers.
        risky = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")
                 and not re.fullmatch(r"-\d+(,\d+)?", c)]
        assert risky == [], path.name
    with files["csv"][0].open(encoding="utf-8-sig", newline="") as handle:
        names = {row["Name"] for row in csv.DictReader(handle, delimiter=";")}
    assert {"'" + HYPERLINK, "'+1+1", "'-2+3", "'@SUM(A1)", IMG, SCRIPT} <= names


def test_payload_graph_formats_keep_names_exactly(payload):
    data, files = payload
    names = set(build_graph(data))
    assert set(nx.read_gexf(files["gexf"][0])) == names
    assert set(nx.read_graphml(files["graphml"][0])) == names
    link = json.loads(files["json"][0].read_text(encoding="utf-8"))
    assert {n["id"] for n in link["nodes"]} == names
    svg = ElementTree.parse(files["svg"][0]).getroot()
    tags = {element.tag.rsplit("}", 1)[-1] for element in svg.iter()}
    assert not tags & {"script", "img", "image", "foreignObject"}


@pytest.mark.browser
def test_payload_html_stays_text(browser, payload):
    _data, files = payload
    page = open_page(browser, files["html"][0])
    try:
        page.fill("#search-input", IMG)
        page.press("#search-input", "Enter")
        page.wait_for_timeout(200)
        assert page.evaluate("() => document.querySelectorAll('img').length") == 0
        assert page.evaluate("() => document.scripts.length") == 2
        options = page.evaluate(
            "() => [...document.querySelectorAll('#search-names option')].map(o => o.value)")
        assert set(PAYLOADS) <= set(options)
        assert IMG in page.locator("h1").inner_text()
        assert page.dialogs == [] and page.outside_requests == []
        assert page.console_errors == []
    finally:
        page.close()


# --------------------------------------------------------------------------- privacy


@pytest.fixture(scope="module")
def personal(tmp_path_factory):
    folder = tmp_path_factory.mktemp("personal")
    path = write_xlsx(folder / "personen.xlsx", {"Partner": [
        ["Name", "Kategorie", "Ansprechperson intern", "Kontakt extern", "E-Mail", "Telefon",
         "E-Mail privat", "Ort"],
        ["A-Lab", "Austausch", PERSONAL[0], PERSONAL[1], PERSONAL[2], PERSONAL[3], PERSONAL[4],
         "Aachen"],
        ["B-Uni", "Forschung", None, None, None, None, None, "Bochum"],
    ], "Beziehungen": [["Von", "Nach"], ["A-Lab", "B-Uni"]]})
    data = load_workbook(path)
    results = {}
    for include in (False, True):
        out = folder / ("mit" if include else "ohne")
        out.mkdir()
        meta = meta_for(data, include_personal=include)
        results[include] = {fmt: export(fmt, out / f"netz.{fmt}", data, meta=meta)
                            for fmt in FORMATS}
    return results


@pytest.mark.parametrize("fmt", FORMATS)
def test_personal_data_stay_out(personal, fmt):
    content = all_bytes(personal[False][fmt])
    if fmt == "pdf":
        content += pdf_text(personal[False][fmt][0]).encode()
    for value in PERSONAL:
        assert value.encode() not in content, (fmt, value)
    if fmt in ("gexf", "graphml", "json", "csv", "xlsx"):
        assert b"intern" not in content


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json", "csv", "xlsx"])
def test_personal_data_in_when_asked_and_marked(personal, fmt):
    content = all_bytes(personal[True][fmt])
    for value in PERSONAL:
        assert value.encode() in content, (fmt, value)
    assert b"intern" in content


@pytest.mark.parametrize("fmt", ["html", "svg", "pdf"])
def test_pictures_say_intern(personal, fmt):
    path = personal[True][fmt][0]
    text = pdf_text(path) if fmt == "pdf" else path.read_text(encoding="utf-8")
    assert "INTERN" in text
    for value in PERSONAL:  # a picture shows no contact data even then
        assert value not in text


# --------------------------------------------------------------------------- a look


def test_bundled_exports_for_people_to_look_at(tmp_path):
    """The bundled network as a person gets it: PNG, PDF page, report via LibreOffice.

    Writes to test-artifacts/ for looking at, and prints how long each format took.
    """
    data = load_workbook(BUNDLED)
    ARTIFACTS.mkdir(exist_ok=True)
    timings = {}
    for fmt in FORMATS:
        start = time.perf_counter()
        paths = export(fmt, tmp_path / f"stadtlabor.{fmt}", data)
        timings[fmt] = time.perf_counter() - start
        if fmt in ("png", "pdf", "svg", "html", "xlsx"):
            shutil.copy(paths[0], ARTIFACTS / f"export_stadtlabor.{fmt}")
    print("Export-Zeiten (s):", {k: round(v, 2) for k, v in timings.items()})
    assert max(timings.values()) < 20
    pages = pdf_pages(tmp_path / "stadtlabor.pdf", tmp_path, resolution=100)
    shutil.copy(pages[0], ARTIFACTS / "export_stadtlabor_pdf_page.png")
    report_pdf = libreoffice(tmp_path / "stadtlabor.xlsx", "pdf", tmp_path / "lo")
    report_pages = pdf_pages(report_pdf, tmp_path / "lo", resolution=80)
    assert report_pages
    for i, page in enumerate(report_pages[:3], 1):
        shutil.copy(page, ARTIFACTS / f"export_stadtlabor_xlsx_page{i}.png")


# --------------------------------------------------------------------------- English exports


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    """The small workbook without settings (so the title is made up) exported in English."""
    folder = tmp_path_factory.mktemp("english")
    sheets = {name: rows for name, rows in SMALL.items() if name != "Einstellungen"}
    data = load_workbook(write_xlsx(folder / "small.xlsx", sheets))
    meta = meta_for(data, lang="en")
    files = {fmt: export(fmt, folder / f"net.{fmt}", data, meta=meta)
             for fmt in ("pdf", "csv", "xlsx")}
    values = [str(v) for table in ("partners", "relations", "activities", "programmes")
              for record in data.records(table) for v in record.values() if v is not None]
    values += [c for record in data.records("partners") for c in record["categories"]]
    values += [data.own_organisation, data.source_name or ""]
    return data, files, values


def test_english_csv_writes_decimal_points_and_english_words(english):
    from english import german_words

    _data, files, values = english
    rows = []
    for path in files["csv"]:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows += list(csv.DictReader(handle, delimiter=";"))
    cells = [cell for row in rows for cell in row.values()]
    assert [cell for cell in cells if re.fullmatch(r"-?\d+,\d+", cell)] == []
    assert [cell for cell in cells if re.fullmatch(r"-?\d+\.\d+", cell)]  # fractions exist
    a_lab = next(row for row in rows if row.get("Name") == "A-Lab")
    assert a_lab["Knotenart"] == "partner"
    relations = [row["Beziehung"] for row in rows if row.get("Beziehung")]
    assert relations == ["Projekt (strength 3, since 2020)"]
    # The column names are the files' format (German, see exports/tables.py); the words the
    # export adds to the cells are English.
    assert german_words(" ".join(cells), values) == []


def test_english_report_and_picture_speak_english(english, tmp_path):
    from english import decimal_commas, german_words

    _data, files, values = english
    book = openpyxl.load_workbook(files["xlsx"][0])
    assert tuple(book.sheetnames) == REPORT_SHEETS  # the sheet names are the file format
    assert [c.value for c in book["Partner"][1]][:3] == ["Rank", "Name", "Kategorie"]
    info = dict(book["Info"].iter_rows(min_row=2, values_only=True))
    assert info["Title"] == "Partner network stadtLABOR Soest"
    assert info["Confidentiality"] == "without personal data"
    assert next(book["Datenqualität"].iter_rows(values_only=True)) == (
        "Kind", "Sheet", "Row", "Column", "Value", "Message")
    explained = " ".join(str(v) for sheet in ("Überblick", "Kategorien", "Datenqualität",
                                              "Erklärungen", "Info")
                         for row in book[sheet].iter_rows(values_only=True) for v in row
                         if isinstance(v, str))
    assert german_words(explained, [*values, *REPORT_SHEETS]) == []  # sheets are named so
    picture = pdf_text(files["pdf"][0])
    assert "Partner network stadtLABOR Soest" in picture
    assert german_words(picture, values) == []
    assert decimal_commas(picture, values) == []
