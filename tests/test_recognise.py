"""Recognising tables by content: files of other tools' shapes, column conflicts, every sheet read
or named, bare edge lists (see network_app/workbook/recognise.py).

Small files of each tool's shape are built here; the corpus of real and generated files in
tests/data/other_tools is checked against its expected.json when it is there.
"""

from __future__ import annotations

import csv
import itertools
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import codes, only

from network_app import load_workbook
from network_app.workbook import schema, template
from network_app.workbook.reading import RawSheet, find_table, read_sheets
from network_app.workbook.recognise import locate_tables

CORPUS = Path(__file__).parent / "data" / "other_tools"
EXPECTED = CORPUS / "expected.json"

#: The codes that say why a sheet was not read.
SHEET_CODES = {"sheet_empty", "sheet_unknown", "sheet_second_table", "sheet_not_chosen",
               "hidden_sheet", "hidden_sheet_other", "no_header"}


def write_csv(path: Path, rows: list[list[object]], delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def sheet_notes(data) -> dict[str, str]:
    """Sheet name → the code that says why it was not read."""
    return {p.sheet: p.code for p in data.problems if p.code in SHEET_CODES}


def chain(n: int) -> list[list[str]]:
    return [[f"n{i}", f"n{i + 1}"] for i in range(n)]


# --------------------------------------------------------------------------- edge lists


@pytest.mark.parametrize("name", ["edgelist.csv", "links.csv", "export.csv"])
def test_an_edge_list_is_read_whatever_its_file_is_called(tmp_path, name):
    data = load_workbook(write_csv(tmp_path / name, [["Source", "Target"], *chain(90)]))
    assert data.sheets == {"relations": Path(name).stem}
    assert len(data.relations) == 90
    assert data.partners["name"].tolist() == [f"n{i}" for i in range(91)]
    assert "no_partner_sheet" not in codes(data)
    note = only(data, "nodes_from_relations")
    assert (note.sheet, note.row, note.params["count"]) == (Path(name).stem, 1, 91)


def test_bare_edge_list_sheet_builds_nodes_in_order_of_first_appearance(make_xlsx):
    data = load_workbook(make_xlsx({"Tabelle1": [
        ["Von", "Nach"], ["Zeta", "Alpha"], ["alpha ", "Mitte"], ["Mitte", "Zeta"]]}))
    assert data.partners["name"].tolist() == ["Zeta", "Alpha", "Mitte"]  # "alpha " is Alpha
    assert data.partners["row"].tolist() == [2, 2, 3]  # the relation row that named it first
    assert len(data.relations) == 3
    assert data.errors == []
    assert codes(data).count("nodes_from_relations") == 1


def test_gephi_edge_table_with_an_id_column_is_no_partner_list(tmp_path):
    """Gephi's edge table: Source, Target, Type (Undirected), Id, Label, Weight."""
    rows = [["Source", "Target", "Type", "Id", "Label", "Weight"]]
    rows += [[f"n{i}", f"n{i + 1}", "Undirected", i, "Freundschaft" if i % 2 else "Arbeit", 3]
             for i in range(30)]
    data = load_workbook(write_csv(tmp_path / "gephi.csv", rows))
    assert data.sheets == {"relations": "gephi"}
    assert len(data.partners) == 31
    assert not set(data.partners["name"]) & {str(i) for i in range(1, 30)}  # no id is a partner
    assert len(data.relations) == 30
    # "Undirected" says how to draw, not which kind of tie it is: the kind is the Label
    assert set(data.relations["kind"]) == {"Freundschaft", "Arbeit"}


def test_gephi_type_column_holds_direction_not_kind():
    sheet = RawSheet("edges", rows=[(1, ["Source", "Target", "Type"]),
                                    (2, ["a", "b", "Directed"]), (3, ["b", "c", "undirected"])])
    table = find_table(sheet, "relations")
    assert table.column("kind") is None
    assert "Type" in [c.header for c in table.columns]  # kept, not dropped


def test_an_edge_shaped_table_is_never_the_partner_list_even_when_called_so(make_xlsx):
    data = load_workbook(make_xlsx({"Nodes": [["Id", "Label", "Source", "Target"],
                                              [1, None, "A", "B"], [2, None, "B", "C"]]}))
    assert data.sheets == {"relations": "Nodes"}
    assert data.partners["name"].tolist() == ["A", "B", "C"]


def test_a_partner_list_with_columns_quelle_and_ziel_stays_a_partner_list(make_xlsx):
    """"Quelle" and "Ziel" also spell Von/Nach; a filled "Name" column says partners."""
    data = load_workbook(make_xlsx({"Partner": [
        ["Name", "Kategorie", "Quelle", "Ziel"], ["A", "Austausch", "Website", "Mehr Austausch"],
        ["B", "Forschung", "Messe", "Projekt"]]}))
    assert data.sheets == {"partners": "Partner"}
    assert data.partners["name"].tolist() == ["A", "B"]
    assert data.partners["Ziel"].tolist() == ["Mehr Austausch", "Projekt"]  # kept as extra
    assert data.problems == []


# --------------------------------------------------------------------------- column conflicts

EDGE_COLUMNS = {"From": None, "To": None, "Source": "s", "Target": "t", "Note": "x"}


@pytest.mark.parametrize(
    ("order", "name"),
    [(order, name) for order, name in zip(
        itertools.islice(itertools.permutations(EDGE_COLUMNS), 0, 120, 17),
        itertools.cycle(["edges.csv", "kanten.csv", "irgendwas.csv"]), strict=False)],
)
def test_filled_endpoints_win_whatever_the_order_and_file_name(tmp_path, order, name):
    """From/To all empty next to Source/Target filled: Source/Target are read, always."""
    rows = [list(order)]
    for i in range(5):
        rows.append([f"{EDGE_COLUMNS[c]}{i}" if EDGE_COLUMNS[c] else "" for c in order])
    data = load_workbook(write_csv(tmp_path / name, rows))
    assert sorted(zip(data.relations["source"], data.relations["target"], strict=True)) == [
        (f"s{i}", f"t{i}") for i in range(5)]
    note = only(data, "column_choice")
    assert sorted(note.params["used"].split(", ")) == ["Source", "Target"]
    assert sorted(note.params["kept"].split(", ")) == ["From", "To"]
    assert not data.errors


def test_kumu_empty_label_before_type_keeps_the_types(make_xlsx):
    data = load_workbook(make_xlsx({
        "Elements": [["Label", "Type"], ["A", "Person"], ["B", "Company"], ["C", "Company"]],
        "Connections": [["From", "To", "Label", "Type"], ["A", "B", None, "Investor"],
                        ["A", "B", None, "Founder"], ["A", "C", None, "Investor"]],
    }))
    assert data.relations["kind"].tolist() == ["Investor", "Founder", "Investor"]
    assert "duplicate_relation" not in codes(data)  # two ties of different type
    note = only(data, "column_choice")
    assert (note.sheet, note.params) == ("Connections", {"used": "Type", "kept": "Label"})


def test_a_filled_label_yields_to_type_and_is_kept():
    sheet = RawSheet("Connections", rows=[(1, ["Label", "From", "To", "Type"]),
                                          (2, ["caption", "a", "b", "loan"])])
    table = find_table(sheet, "relations")
    assert table.column("kind").header == "Type"
    assert [c.header for c in table.extra_columns] == ["Label"]
    assert [p.code for p in table.problems] == ["column_choice"]


def test_gephi_node_table_with_empty_label_takes_the_ids_as_names(make_xlsx):
    data = load_workbook(make_xlsx({
        "Nodes": [["Id", "Label"], ["n1", None], ["n2", None]],
        "Edges": [["Source", "Target"], ["n1", "n2"]],
    }))
    assert data.partners["name"].tolist() == ["n1", "n2"]
    assert len(data.relations) == 1
    note = only(data, "column_choice")
    assert (note.sheet, note.params) == ("Nodes", {"used": "Id", "kept": "Label"})


def test_two_filled_columns_of_equal_standing_keep_the_duplicate_warning(make_xlsx):
    """The lab's "Name" and "Organisation", both filled: "Name" is read, whichever is first."""
    data = load_workbook(make_xlsx({"Partner": [
        ["Organisation", "Name", "Kategorie"], ["Org A", "A", "Austausch"]]}))
    assert data.partners["name"].tolist() == ["A"]
    warning = only(data, "duplicate_column")
    assert (warning.column, warning.params["first"]) == ("Organisation", "Name")


# --------------------------------------------------------------------------- nodes by id


def test_relations_may_name_nodes_by_id_or_by_label(make_xlsx):
    data = load_workbook(make_xlsx({
        "Nodes": [["Id", "Label"], ["n1", "Eins"], ["n2", "Zwei"], ["n3", "Drei"]],
        "Edges": [["Source", "Target"], ["n1", "n2"], ["Zwei", "n3"]],
    }))
    assert data.errors == []
    assert sorted(zip(data.relations["source"], data.relations["target"], strict=True)) == [
        ("Eins", "Zwei"), ("Zwei", "Drei")]


def test_r_node_list_with_id_and_media_links_by_id(make_xlsx):
    """igraph's media example: nodes id, media, …; links from, to, type, weight."""
    data = load_workbook(make_xlsx({
        "nodes": [["id", "media", "media.type"], ["s01", "Herald", 1], ["s02", "Post", 1],
                  ["s03", "Radio", 2]],
        "links": [["from", "to", "type", "weight"], ["s01", "s02", "hyperlink", 22],
                  ["s02", "s03", "mention", 1]],
    }))
    assert data.sheets == {"partners": "nodes", "relations": "links"}
    assert data.partners["name"].tolist() == ["s01", "s02", "s03"]
    assert data.partners["media"].tolist() == ["Herald", "Post", "Radio"]  # kept
    assert len(data.relations) == 2
    assert data.errors == []


def test_of_two_unnamed_node_tables_the_one_the_relations_use_is_read(make_xlsx):
    """An id column that the relations refer to makes the node table, not the sheet order."""
    data = load_workbook(make_xlsx({
        "Tabelle1": [["Name", "Ort"], ["Rathaus", "Soest"], ["Bahnhof", "Soest"]],
        "Tabelle2": [["Id", "Label"], [1, "Eins"], [2, "Zwei"], [3, "Drei"]],
        "Tabelle3": [["Source", "Target"], [1, 2], [2, 3]],
    }))
    assert data.sheets == {"partners": "Tabelle2", "relations": "Tabelle3"}
    assert data.partners["name"].tolist() == ["Eins", "Zwei", "Drei"]
    assert sheet_notes(data) == {"Tabelle1": "sheet_second_table"}
    assert data.errors == []


# --------------------------------------------------------------------------- every sheet


def nodexl_like(make_xlsx):
    """NodeXL's template: captions above the header row, helper sheets, two of them hidden."""
    return make_xlsx({
        "Edges": [[None, None, "Visual Properties", None, "Labels", "Do Not Edit"],
                  ["Vertex 1", "Vertex 2", "Color", "Width", "Label", "ID"],
                  ["a", "b", None, None, None, 3], ["b", "c", None, None, None, 4]],
        "Vertices": [[None, "Visual Properties", "Labels", "Do Not Edit"],
                     ["Vertex", "Color", "Label", "ID"], ["a", None, None, 3],
                     ["b", None, None, 4], ["c", None, None, 5]],
        "Do Not Delete": [["This worksheet is no longer used."]],
        "Groups": [[None, "Visual Properties"], ["Group", "Vertex Color", "Label", "ID"]],
        "Group Vertices": [["Group", "Vertex", "Vertex ID"]],
        "Overall Metrics": [["Graph Metric", "Value"], ["Graph Type", "Directed"]],
        "Misc": [["Valid Edge Visibilities", "Per-Workbook Setting", "Value"],
                 ["Show", "Graph Directedness", "Directed"]],
    }, hidden=("Do Not Delete", "Misc"))


def test_nodexl_workbook_reads_edges_and_vertices_and_names_every_other_sheet(make_xlsx):
    data = load_workbook(nodexl_like(make_xlsx))
    assert data.sheets == {"relations": "Edges", "partners": "Vertices"}
    assert data.partners["name"].tolist() == ["a", "b", "c"]
    assert len(data.relations) == 2
    assert sheet_notes(data) == {
        "Do Not Delete": "hidden_sheet_other", "Misc": "hidden_sheet_other",
        "Groups": "sheet_empty", "Group Vertices": "sheet_empty",
        "Overall Metrics": "sheet_unknown"}
    unknown = only(data, "sheet_unknown")
    assert unknown.params == {"columns": "Graph Metric, Value"}
    assert "Graph Metric, Value" in unknown.text("en")
    assert data.errors == []


def test_every_sheet_is_read_or_named(make_xlsx):
    path = make_xlsx({
        "Partner": [["Name", "Kategorie"], ["A", "Austausch"], ["B", "Forschung"]],
        "Tabelle2": [],
        "Notizen": [["Datum", "Text"], ["2024-01-01", "Telefonat"]],
        "Partners": [["Name", "Kategorie"], ["C", "Austausch"]],
        "Kontakte": [["Name", "Telefon"], ["D", "123"]],
        "Alt": [["Name", "Kategorie"], ["E", "Austausch"]],
        "Hilfe": [["Wert 1", "Wert 2"], [1, 2]],
        schema.GUIDE_SHEET: [["Anleitung"], ["So füllen Sie die Tabelle aus"]],
    }, hidden=("Alt", "Hilfe"))
    data = load_workbook(path)
    assert data.sheets == {"partners": "Partner"}
    assert sheet_notes(data) == {
        "Tabelle2": "sheet_empty", "Notizen": "sheet_unknown",
        "Partners": "sheet_second_table", "Kontakte": "sheet_second_table",
        "Alt": "hidden_sheet", "Hilfe": "hidden_sheet_other"}
    second = next(p for p in data.problems if p.sheet == "Kontakte")
    assert second.params == {"table": "partners", "first": "Partner"}
    assert "eine Tabelle mit Partnern" in second.message
    assert "a table of partners" in second.text("en")
    names = {s.name for s in read_sheets(path, "xlsx")} - {schema.GUIDE_SHEET}
    assert names == set(data.sheets.values()) | set(sheet_notes(data))


def test_a_sheet_with_names_is_not_taken_when_the_partner_sheet_lacks_its_header(make_xlsx):
    data = load_workbook(make_xlsx({"Partner": [["Kategorie", "Ort"], ["Austausch", "Soest"]],
                                    "Liste": [["Name", "Ort"], ["A", "Soest"], ["B", "Hamm"]]}))
    assert "partners" not in data.sheets
    assert sheet_notes(data) == {"Partner": "no_header", "Liste": "sheet_not_chosen"}
    assert only(data, "sheet_not_chosen").params == {"partner_sheet": "Partner"}


def test_the_template_reads_without_a_word_about_its_sheets(tmp_path):
    assert schema.GUIDE_SHEET == template.GUIDE_SHEET
    path = template.write_template(tmp_path / "vorlage.xlsx")
    data = load_workbook(path)
    assert not set(codes(data)) & (SHEET_CODES | {"column_choice", "nodes_from_relations"})
    assert set(data.sheets) == {"partners", "relations", "activities", "programmes", "settings"}


def test_a_report_of_this_program_reads_again_without_a_word_about_its_figures(make_xlsx):
    from network_app.exports.report import REPORT_SHEETS

    assert set(schema.REPORT_ONLY_SHEETS) == set(REPORT_SHEETS) - {"Partner", "Verbindungen"}
    figures = {name: [["Art", "Wert"], ["x", 1]] for name in schema.REPORT_ONLY_SHEETS}
    report = load_workbook(make_xlsx({"Partner": [["Name", "Kategorie"], ["A", "Austausch"]],
                                      **figures}))
    assert sheet_notes(report) == {}
    del figures[schema.REPORT_OVERVIEW_SHEET]  # a report written before it had an overview
    older = load_workbook(make_xlsx({"Partner": [["Name", "Kategorie"], ["A", "Austausch"]],
                                     **figures}))
    assert sheet_notes(older) == {}
    del figures["Info"]  # not all of them: a sheet of someone's own, named as usual
    other = load_workbook(make_xlsx({"Partner": [["Name", "Kategorie"], ["A", "Austausch"]],
                                     **figures}))
    assert set(sheet_notes(other)) == {"Kategorien", "Datenqualität", "Erklärungen"}


def test_locate_tables_alone_names_its_decisions():
    sheets = [RawSheet("Edges", rows=[(1, ["Source", "Target"]), (2, ["a", "b"])]),
              RawSheet("Nodes", rows=[(1, ["Id", "Label"]), (2, ["a", "A"]), (3, ["b", "B"])]),
              RawSheet("Leer")]
    problems: list = []
    tables, names = locate_tables(sheets, problems)
    assert names == {"relations": "Edges", "partners": "Nodes"}
    assert [(p.code, p.sheet) for p in problems] == [("sheet_empty", "Leer")]


# --------------------------------------------------------------------------- the corpus

#: Endpoint columns the test itself knows, to count a file's ties without the reader.
ENDPOINTS = (("Source", "Target"), ("From", "To"), ("from", "to"), ("Vertex 1", "Vertex 2"),
             ("tail", "head"))


def corpus_entries() -> list:
    if not EXPECTED.exists():
        return []
    files = json.loads(EXPECTED.read_text(encoding="utf-8"))["files"]
    return [pytest.param(entry, id=entry["file"]) for entry in files]


def check_json(path: Path) -> dict:
    result = subprocess.run([sys.executable, "-m", "network_app", "check", "--json", str(path)],
                            capture_output=True, text=True, check=False, cwd=CORPUS)
    return json.loads(result.stdout)


def undirected_ties(path: Path, entry: dict) -> int:
    """Distinct ties between two different nodes, direction aside, counted with openpyxl (for
    an adjacency matrix: the pairs with a cell other than 0 in either direction)."""
    columns = entry["edge_columns"]
    header = entry.get("header_row", 1)
    if entry["sheets"] is None:
        rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    else:
        book = openpyxl.load_workbook(path, read_only=True)
        rows = next(rows for sheet in book.worksheets
                    if len(rows := list(sheet.iter_rows(values_only=True))) >= header
                    and [str(c) for c in rows[header - 1] if c is not None] == columns)
    if entry["role"] == "matrix":
        ids = rows[0][1:]
        return len({frozenset((row[0], ids[j])) for row in rows[1:]
                    for j, value in enumerate(row[1:]) if float(value) and row[0] != ids[j]})
    first, second = (columns.index(c) for c in next(
        pair for pair in ENDPOINTS if set(pair) <= set(columns)))
    ties = {frozenset((schema.normalize_name(row[first]), schema.normalize_name(row[second])))
            for row in rows[header:] if row[first] is not None}
    return sum(len(tie) == 2 for tie in ties)


@pytest.mark.parametrize("entry", corpus_entries())
def test_files_of_other_tools_read_as_expected(entry):
    """Each file of the corpus alone, as a user would load it.

    A file of a CSV pair is loaded alone: a node file gives its nodes and no ties, an edge file
    (or an adjacency matrix) its endpoints (the pair's nodes but the isolated ones) and all its
    ties. The graph is undirected, so a directed file's ties are counted direction aside (by
    openpyxl or csv, not by the reader).
    """
    path = CORPUS / entry["file"]
    report = check_json(path)
    if entry["role"] == "nodes":
        assert report["nodes"] == entry.get("vertex_rows_distinct", entry["node_rows"])
        assert report["edges"] == 0
        return
    alone = entry["role"] == "edges"
    assert report["nodes"] == entry["nodes"] - (entry["isolated_nodes"] if alone else 0)
    if entry["directed"] is False:
        assert report["edges"] == entry["edges"]
    elif "edges_if_undirected" in entry:
        assert report["edges"] == entry["edges_if_undirected"]
    else:
        assert report["edges"] == undirected_ties(path, entry)


#: Workbooks whose tool states the direction outside a column: NodeXL in its Misc sheet, Kumu
#: by default (see network_app/workbook/stated.py).
STATED_DIRECTION = {"nodexl_directed": "Misc", "kumu_directed": "Connections"}


@pytest.mark.parametrize("entry", [e for e in corpus_entries()
                                   if e.values[0]["role"] != "nodes"])
def test_other_tools_keep_their_direction_and_self_loops(entry):
    """The ties the source has: a NodeXL or Kumu workbook is directed by what the tool states
    (ordered pairs, expected.json's ``edges``, A → B and B → A two relations), and a tie of a
    node with itself (NodeXL's users, R's media) is kept as a relation, with one note."""
    data = load_workbook(CORPUS / entry["file"])
    relations = data.relations
    loops = int((relations["source"] == relations["target"]).sum())
    assert loops == entry["self_loops"]
    assert codes(data).count("self_loops_kept") == (1 if loops else 0)
    stated = [p for p in data.problems if p.code in STATED_DIRECTION]
    if entry["sheets"] is not None and entry["directed"] is True:
        pairs = set(zip(relations["source"], relations["target"], strict=True))
        assert len(pairs) == entry["edges"]
        assert relations["directed"].all()
        [note] = stated
        assert note.sheet == STATED_DIRECTION[note.code]
    else:
        assert stated == []


@pytest.mark.parametrize("entry", [e for e in corpus_entries()
                                   if e.values[0]["role"] != "nodes"])
def test_weights_of_other_tools_keep_their_values(entry):
    """The weights as written (a matrix's cells), and none where the file has no weight
    column (a headerless edge list's third column is no weight)."""
    weights = load_workbook(CORPUS / entry["file"]).relations["weight"]
    if entry["weight_min"] is None:
        assert weights.isna().all()
    else:
        assert (weights.min(), weights.max()) == (entry["weight_min"], entry["weight_max"])


@pytest.mark.parametrize("entry", [e for e in corpus_entries()
                                   if e.values[0]["role"] in ("matrix", "edge_list")])
def test_matrices_and_headerless_edge_lists_say_how_they_were_read(entry):
    """A matrix that is not symmetric is read with direction, one tie per cell; a headerless
    edge list without direction, its third column kept as a column of its own. One note says
    how the table was read, one where the partners came from."""
    data = load_workbook(CORPUS / entry["file"])
    assert data.errors == []
    if entry["role"] == "matrix":
        assert len(data.relations) == entry["matrix_nonzero_offdiagonal"]
        assert data.relations["directed"].all() == entry["directed"]
        only(data, "matrix_directed" if entry["directed"] else "matrix_undirected")
    else:
        assert len(data.relations) == entry["edge_rows"] - (
            entry["edges"] - entry.get("edges_if_undirected", entry["edges"]))
        assert not data.relations["directed"].any()
        assert len(data.relation_extra_columns) == len(entry["edge_columns"]) - 2
        only(data, "headerless_edges_extra" if data.relation_extra_columns
             else "headerless_edges")
    assert only(data, "nodes_from_relations").params["count"] == entry["nodes"]


@pytest.mark.parametrize("entry", [e for e in corpus_entries() if e.values[0]["sheets"]])
def test_every_sheet_of_other_tools_workbooks_is_read_or_named(entry):
    path = CORPUS / entry["file"]
    data = load_workbook(path)
    sheets = {s["name"] for s in entry["sheets"]}
    named = {p.sheet for p in data.problems if p.code in SHEET_CODES}
    assert named == set(entry["sheets_not_network"])
    assert set(data.sheets.values()) == sheets - named
    assert set(data.sheets) == {"partners", "relations"}
