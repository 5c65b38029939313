"""What files of other tools say beyond their columns: ties of a node with itself, and the
direction a tool states once for the whole workbook (NodeXL's Misc sheet, Kumu's default).

See network_app/workbook/stated.py and ``_read_relations`` in network_app/workbook/validation.py.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import openpyxl
import pytest
from conftest import ROOT, codes, only
from english import german_words

from network_app import build_graph, key_figures, load_workbook, partner_layer
from network_app.exports import FORMATS, csv_paths, export

CORPUS = ROOT / "tests" / "data" / "other_tools"
#: A tie of a node with itself in rows 4 and 6 of the sheet (the header is row 1).
LOOPS = [["Source", "Target", "Weight"], ["a", "b", 3], ["b", "c", 2], ["c", "c", 5],
         ["c", "d", 4], ["a", "a", 1]]


def write_csv(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture(scope="module")
def loops_path(tmp_path_factory) -> Path:
    return write_csv(tmp_path_factory.mktemp("loops") / "replies.csv", LOOPS)


@pytest.fixture(scope="module")
def loops(loops_path):
    return load_workbook(loops_path)


# --------------------------------------------------------------------------- self-loops


def test_a_self_loop_of_another_tools_network_is_kept_with_one_note(loops):
    assert not loops.has_hub
    assert list(zip(loops.relations["source"], loops.relations["target"], strict=True)) == [
        ("a", "b"), ("b", "c"), ("c", "c"), ("c", "d"), ("a", "a")]
    assert loops.relations["weight"].tolist() == [3, 2, 5, 4, 1]  # loops keep their weight
    assert loops.errors == []
    note = only(loops, "self_loops_kept")
    assert (note.severity, note.sheet, note.row, note.column, note.value) == (
        "warning", "replies", 4, "Target", "c")
    assert (note.params["count"], note.params["examples"]) == (2, [4, 6])
    assert "self_relation" not in codes(loops)


def test_many_self_loops_are_still_one_note(tmp_path):
    rows = [["Source", "Target"], *[[f"n{i}", f"n{i}"] for i in range(30)], ["n0", "n1"]]
    data = load_workbook(write_csv(tmp_path / "many.csv", rows))
    note = only(data, "self_loops_kept")
    assert (note.params["count"], note.params["examples"]) == (30, [2, 3, 4, 5, 6])
    assert len(data.relations) == 31


def test_the_note_says_what_happens_in_both_languages(loops):
    note = only(loops, "self_loops_kept")
    assert "»c«" in note.message and "Kennzahlen" in note.message
    english = note.text("en")
    assert "“c”" in english and "2 rows" in english
    assert german_words(english, ["replies", "Target"]) == []


def test_in_the_labs_format_a_self_relation_stays_an_error(make_xlsx):
    data = load_workbook(make_xlsx({
        "Partner": [["Name", "Kategorie"], ["A", "Austausch"], ["B", "Forschung"]],
        "Beziehungen": [["Von", "Nach"], ["A", "A"], ["A", "B"]],
    }))
    assert data.has_hub
    [error] = data.errors
    assert (error.code, error.row, error.value) == ("self_relation", 2, "A")
    assert list(zip(data.relations["source"], data.relations["target"], strict=True)) == [
        ("A", "B")]
    assert "self_loops_kept" not in codes(data)


def test_the_measures_leave_self_loops_out(loops):
    graph = build_graph(loops)
    assert sorted(nx.selfloop_edges(graph)) == [("a", "a"), ("c", "c")]  # kept in the graph
    assert graph.edges["c", "c"]["relations"][0]["weight"] == 5
    for ordered in (False, True):
        assert nx.number_of_selfloops(partner_layer(graph, ordered=ordered)) == 0
    figures = key_figures(loops, graph)
    assert (figures["relations"], figures["edges"], figures["partner_ties"]) == (5, 3, 3)


def test_every_export_keeps_the_self_loops(loops, tmp_path):
    files = {fmt: export(fmt, tmp_path / f"netz.{fmt}", loops) for fmt in FORMATS}
    assert all(path.stat().st_size for written in files.values() for path in written)
    loop_pairs = {("a", "a"), ("c", "c")}
    for fmt in ("gexf", "graphml"):
        read = getattr(nx, f"read_{fmt}")(files[fmt][0])
        assert {(u, v) for u, v in nx.selfloop_edges(read)} == loop_pairs, fmt
    edges = json.loads(files["json"][0].read_text(encoding="utf-8"))["edges"]
    assert {(e["source"], e["target"]) for e in edges if e["source"] == e["target"]} == loop_pairs
    _nodes, edge_file = csv_paths(tmp_path / "netz.csv")
    with edge_file.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter=";"))[1:]
    assert {(r[0], r[1]) for r in rows if r[0] == r[1]} == loop_pairs
    sheet = openpyxl.load_workbook(files["xlsx"][0])["Verbindungen"]
    assert {(r[0], r[1]) for r in sheet.iter_rows(min_row=2, values_only=True)
            if r[0] == r[1]} == loop_pairs


def test_the_cli_checks_and_exports_a_file_with_self_loops(loops_path, tmp_path):
    run = [sys.executable, "-m", "network_app"]
    check = subprocess.run([*run, "check", "--json", str(loops_path)], capture_output=True,
                           text=True, check=False)
    assert check.returncode == 0, check.stderr
    report = json.loads(check.stdout)
    assert (report["relations"], report["edges"]) == (5, 3)
    assert [w["code"] for w in report["warnings"]] == ["nodes_from_relations", "self_loops_kept"]
    for fmt in ("pptx", "xlsx"):
        target = tmp_path / f"netz.{fmt}"
        done = subprocess.run([*run, "export", str(loops_path), "-f", fmt, "-o", str(target)],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert target.stat().st_size


# --------------------------------------------------------------------------- NodeXL's Misc


def nodexl(make_xlsx, directedness: str | None, direction_column: bool = False):
    """A NodeXL workbook: captions above the header, the setting in the hidden Misc sheet, whose
    lists of valid values line up under a "Label" (one of NodeXL's vertex shapes)."""
    edges = [["Vertex 1", "Vertex 2", "ID"], ["a", "b", 1], ["b", "a", 2], ["b", "c", 3]]
    if direction_column:
        edges = [[*row, word] for row, word in zip(
            edges, ["Richtung", "ungerichtet", "ungerichtet", "gerichtet"], strict=True)]
    misc = [["Valid Vertex Shapes", "", "Per-Workbook Setting", "Value"],
            ["Circle", "", "Template Version", 104],
            ["Label", "", "Graph Directedness", directedness], ["Image"], [1], [2]]
    return make_xlsx({"Edges": [[None, "Visual Properties"], *edges],
                      "Vertices": [["Vertex", "ID"], ["a", 1], ["b", 2], ["c", 3]],
                      "Misc": misc}, hidden=("Misc",))


def test_nodexl_directed_reads_every_relation_with_direction(make_xlsx):
    data = load_workbook(nodexl(make_xlsx, "Directed"))
    assert data.relations["directed"].tolist() == [True, True, True]
    assert "duplicate_relation" not in codes(data)  # a → b and b → a are two ties
    note = only(data, "nodexl_directed")
    assert (note.sheet, note.row, note.column_letter, note.value, note.params) == (
        "Misc", 3, "D", "Directed", {"relations": "Edges"})
    assert "»Misc«" in note.message and "“Edges”" in note.text("en")
    assert only(data, "hidden_sheet_other").sheet == "Misc"  # NodeXL's, no need to unhide
    assert "hidden_sheet" not in codes(data)
    assert build_graph(data).graph["directed_source"] is True


def test_nodexl_undirected_reads_every_relation_without_direction(make_xlsx):
    data = load_workbook(nodexl(make_xlsx, "Undirected"))
    assert not data.relations["directed"].any()
    assert codes(data).count("duplicate_relation") == 1  # b – a is a – b again
    assert only(data, "nodexl_undirected").value == "Undirected"


@pytest.mark.parametrize("word", [None, "sometimes"])
def test_nodexl_without_a_known_setting_states_nothing(make_xlsx, word):
    data = load_workbook(nodexl(make_xlsx, word))
    assert not data.relations["directed"].any()
    assert not {"nodexl_directed", "nodexl_undirected"} & set(codes(data))


def test_a_direction_column_wins_over_nodexls_setting(make_xlsx):
    data = load_workbook(nodexl(make_xlsx, "Directed", direction_column=True))
    assert data.relations["directed"].tolist() == [False, True]  # b – a repeats a – b
    assert "nodexl_directed" not in codes(data)


def test_the_real_nodexl_workbook_names_misc_as_nodexls_helper_sheet():
    data = load_workbook(CORPUS / "generated" / "nodexl_users.xlsx")
    hidden = {p.sheet: p.code for p in data.problems if p.code.startswith("hidden_sheet")}
    assert hidden == {"Do Not Delete": "hidden_sheet_other", "Misc": "hidden_sheet_other"}
    assert only(data, "nodexl_directed").sheet == "Misc"


# --------------------------------------------------------------------------- Kumu


KUMU_ELEMENTS = [["Label", "Type"], ["A", "Person"], ["B", "Company"], ["C", "Company"]]


def test_kumu_connections_are_directed_by_default(make_xlsx):
    data = load_workbook(make_xlsx({
        "Elements": KUMU_ELEMENTS,
        "Connections": [["From", "To", "Type"], ["A", "B", "Investor"], ["B", "A", "Investor"],
                        ["A", "C", "Founder"]]}))
    assert data.relations["directed"].tolist() == [True, True, True]
    assert "duplicate_relation" not in codes(data)
    note = only(data, "kumu_directed")
    assert (note.severity, note.sheet, note.row) == ("warning", "Connections", None)
    assert "»Direction«" in note.message
    assert german_words(note.text("en"), ["Elements", "Connections"]) == []


def test_kumus_direction_column_says_otherwise(make_xlsx):
    data = load_workbook(make_xlsx({
        "Elements": KUMU_ELEMENTS,
        "Connections": [["From", "To", "Direction"], ["A", "B", "undirected"],
                        ["B", "C", "directed"], ["A", "C", "mutual"]]}))
    assert data.relations["directed"].tolist() == [False, True, False]
    assert "kumu_directed" not in codes(data)


def test_sheets_named_like_kumus_alone_make_no_kumu_workbook(make_xlsx):
    data = load_workbook(make_xlsx({"Nodes": KUMU_ELEMENTS,
                                    "Connections": [["From", "To"], ["A", "B"], ["B", "A"]]}))
    assert not data.relations["directed"].any()
    assert "kumu_directed" not in codes(data)
