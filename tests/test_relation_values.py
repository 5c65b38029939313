"""Relations keep their values: every column, the weight as written, the direction.

Small files of each shape another tool writes (Gephi's edge table, Kumu's Connections, Onodo's
Directed column, NodeXL's Edge Weight) are built in tmp_path; the corpus in
``tests/data/other_tools`` is checked too. The lab's own workbook (Stärke 1–5) reads as before.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import openpyxl
import pytest
from conftest import BUNDLED, ROOT, write_xlsx

from network_app import (
    analyze_report,
    build_graph,
    load_workbook,
    partner_layer,
    partner_profile,
)
from network_app.analysis.metrics import partner_metrics
from network_app.exports import csv_paths, export
from network_app.workbook import schema
from network_app.workbook.problems import MAX_REPEATED
from network_app.workbook.weights import derive_strengths

CORPUS = ROOT / "tests" / "data" / "other_tools"


def codes(data):
    return [p.code for p in data.problems]


def gephi(tmp_path: Path, edges: list[list[object]], header=("Source", "Target", "Weight"),
          name: str = "gephi.xlsx") -> Path:
    """Gephi's node and edge tables in one workbook."""
    names = sorted({str(row[0]) for row in edges} | {str(row[1]) for row in edges})
    return write_xlsx(tmp_path / name, {
        "Nodes": [["Id", "Label"], *[[n, n] for n in names]],
        "Edges": [list(header), *edges],
    })


# --------------------------------------------------------------------------- weights


def test_weights_keep_their_value_and_the_strength_is_derived_with_one_note(tmp_path):
    data = load_workbook(gephi(tmp_path, [["A", "B", 291], ["B", "C", 2.5], ["C", "D", 1],
                                          ["D", "E", 12], ["E", "A", 12]]))
    assert data.relations["weight"].tolist() == [291, 2.5, 1, 12, 12]
    # distinct weights 1, 2.5, 12, 291 spread evenly over 1–5 by rank: 1, 2 (1.33), 4 (3.67), 5
    assert data.relations["strength"].tolist() == [5, 2, 1, 4, 4]
    assert codes(data) == ["weights_to_strengths"]  # one note, no warning per row
    note = data.problems[0]
    assert (note.sheet, note.row, note.column, note.severity) == ("Edges", None, "Weight",
                                                                  "warning")
    assert "1 bis 291" in note.message
    assert "1 to 291" in note.text("en")
    assert data.weight_scale.derived and data.weight_scale.measured
    assert (data.weight_scale.lowest, data.weight_scale.highest) == (1, 291)


def test_the_graph_keeps_the_weight_for_measures_and_the_strength_for_drawing(tmp_path):
    data = load_workbook(gephi(tmp_path, [["A", "B", 291], ["B", "C", 3], ["C", "A", 7]]))
    graph = build_graph(data)
    edge = graph.edges["A", "B"]
    assert edge["weight"] == 291 and edge["strength"] == 5
    assert edge["relations"][0]["weight"] == 291 and edge["relations"][0]["strength"] == 5
    assert graph.edges["B", "C"]["weight"] == 3 and graph.edges["B", "C"]["strength"] == 1
    weighted = partner_metrics(partner_layer(graph))["weighted_degree"]
    assert weighted.to_dict() == {"A": 298, "B": 294, "C": 10}


def test_integer_weights_stay_integers_and_decimals_stay_decimals(tmp_path):
    whole = load_workbook(gephi(tmp_path, [["A", "B", 291], ["B", "C", 7]], name="w.xlsx"))
    assert whole.records("relations")[0]["weight"] == 291
    assert isinstance(whole.records("relations")[0]["weight"], int)
    decimal = tmp_path / "kanten.csv"
    decimal.write_text("Source;Target;Weight\nA;B;0,25\nB;C;0,5\n", encoding="utf-8")
    shares = load_workbook(decimal)
    assert [r["weight"] for r in shares.records("relations")] == [0.25, 0.5]
    assert "0,25 bis 0,5" in next(p for p in shares.problems
                                  if p.code == "weights_to_strengths").message


def test_the_lab_scale_keeps_todays_behaviour(tmp_path, small_sheets):
    data = load_workbook(write_xlsx(tmp_path / "lab.xlsx", small_sheets))
    assert not data.weight_scale.derived
    assert "weights_to_strengths" not in codes(data)
    assert data.relations["strength"].tolist() == data.relations["weight"].tolist() == [3]
    edge = build_graph(data).edges["A-Lab", "B-Uni"]
    assert edge["weight"] == edge["strength"] == 4  # strength 3 + the shared workshop


def test_a_weight_that_is_no_number_is_reported_and_drawn_as_one(tmp_path):
    data = load_workbook(gephi(tmp_path, [["A", "B", "viel"], ["B", "C", 2]]))
    assert [(p.code, p.row) for p in data.problems] == [("bad_strength", 2)]
    assert data.relations["strength"].tolist() == [1, 2]
    assert data.records("relations")[0]["weight"] is None


def test_weights_of_zero_or_below_are_kept_and_the_measures_use_the_strengths(tmp_path):
    data = load_workbook(gephi(tmp_path, [["A", "B", -2], ["B", "C", 0], ["C", "A", 4]]))
    assert data.relations["weight"].tolist() == [-2, 0, 4]
    assert data.relations["strength"].tolist() == [1, 3, 5]
    assert codes(data) == ["weights_to_strengths", "weights_not_positive"]
    graph = build_graph(data)
    assert [graph.edges[e]["weight"] for e in (("A", "B"), ("B", "C"), ("C", "A"))] == [1, 3, 5]


def test_a_relation_without_weight_among_own_weights_counts_as_the_smallest(tmp_path):
    data = load_workbook(gephi(tmp_path, [["A", "B", 40], ["B", "C", None], ["C", "A", 10]]))
    assert [(p.code, p.row) for p in data.problems] == [("weights_to_strengths", None),
                                                        ("missing_weight", 3)]
    graph = build_graph(data)
    assert graph.edges["B", "C"]["weight"] == 10  # the smallest weight, the weakest tie
    assert graph.edges["B", "C"]["strength"] == 1


def test_shared_activities_count_as_the_smallest_weight_next_to_own_weights(tmp_path):
    path = write_xlsx(tmp_path / "mix.xlsx", {
        "Partner": [["Name", "Kategorie"], ["A", "Austausch"], ["B", "Netzwerk"],
                    ["C", "Forschung"]],
        "Beziehungen": [["Von", "Nach", "Gewicht"], ["A", "B", 100], ["B", "C", 20]],
        "Aktivitäten": [["Aktivität", "Datum", "Beteiligte"], ["Workshop", 2023, "A; C"],
                        ["Tagung", 2023, "A; B"]],
    })
    data = load_workbook(path)
    assert "weight_unit" in codes(data)
    graph = build_graph(data)
    assert graph.edges["A", "B"]["weight"] == 120  # 100 + the Tagung as one weakest tie (20)
    assert graph.edges["A", "C"]["weight"] == 20  # the Workshop alone
    assert graph.edges["A", "B"]["strength"] == 6  # 5 + 1, on the lab's scale


def test_derived_strengths_keep_the_order_of_the_weights():
    weights = [3, 334, 17, 17, 5, 120, 3, 48]
    strengths = derive_strengths(weights)
    assert min(strengths) == 1 and max(strengths) == 5
    for a, sa in zip(weights, strengths, strict=True):
        for b, sb in zip(weights, strengths, strict=True):
            if a < b:
                assert sa <= sb
            if a == b:
                assert sa == sb


# --------------------------------------------------------------------------- columns


KUMU = {
    "Elements": [["Label", "Type"], ["Bank A", "Bank"], ["Staat B", "Staat"],
                 ["Fonds C", "Fonds"]],
    "Connections": [["From", "To", "Type", "Amount Owed (billions)", "Tags", "Description"],
                    ["Bank A", "Staat B", "Kredit", 12.5, "Europa", "seit Jahren"],
                    ["Fonds C", "Staat B", "Anleihe", 3, None, None]],
}


def test_every_relation_column_is_kept(tmp_path):
    data = load_workbook(write_xlsx(tmp_path / "kumu.xlsx", KUMU))
    assert data.relation_extra_columns == ["Amount Owed (billions)", "Tags"]
    records = data.records("relations")
    assert [r["Amount Owed (billions)"] for r in records] == [12.5, 3]
    assert [r["Tags"] for r in records] == ["Europa", None]
    assert records[0]["note"] == "seit Jahren"  # Description is the note
    relation = build_graph(data).edges["Bank A", "Staat B"]["relations"][0]
    assert relation["extra"] == {"Amount Owed (billions)": 12.5, "Tags": "Europa"}
    assert relation["kind"] == "Kredit"


def test_every_relation_column_reaches_every_edge_export(tmp_path):
    data = load_workbook(write_xlsx(tmp_path / "kumu.xlsx", KUMU))
    gexf = nx.read_gexf(export("gexf", tmp_path / "n.gexf", data)[0])
    assert gexf.edges["Bank A", "Staat B"]["Amount Owed (billions)"] == 12.5
    assert gexf.edges["Bank A", "Staat B"]["Tags"] == "Europa"
    graphml = nx.read_graphml(export("graphml", tmp_path / "n.graphml", data)[0])
    assert graphml.edges["Fonds C", "Staat B"]["Amount Owed (billions)"] == 3.0
    doc = json.loads(export("json", tmp_path / "n.json", data)[0].read_text(encoding="utf-8"))
    by_pair = {frozenset((e["source"], e["target"])): e for e in doc["edges"]}
    assert by_pair[frozenset(("Bank A", "Staat B"))]["Amount Owed (billions)"] == 12.5
    export("csv", tmp_path / "n.csv", data)
    with csv_paths(tmp_path / "n.csv")[1].open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert {r["Amount Owed (billions)"] for r in rows} == {"12,5", "3"}
    report = openpyxl.load_workbook(export("xlsx", tmp_path / "n.xlsx", data)[0])
    ties = list(report["Verbindungen"].iter_rows(values_only=True))
    column = ties[0].index("Amount Owed (billions)")
    assert sorted(row[column] for row in ties[1:]) == [3, 12.5]


def test_exports_keep_the_weight_and_add_the_drawn_strength(tmp_path):
    data = load_workbook(gephi(tmp_path, [["A", "B", 291], ["B", "C", 3]]))
    gexf = nx.read_gexf(export("gexf", tmp_path / "w.gexf", data)[0])
    assert gexf.edges["A", "B"]["weight"] == 291
    assert gexf.edges["A", "B"]["Stärke (1–5)"] == 5
    again = load_workbook(export("xlsx", tmp_path / "w.xlsx", data)[0])
    assert sorted(again.relations["kind"].dropna()) == ["– (Stärke 1, Gewicht 3)",
                                                       "– (Stärke 5, Gewicht 291)"]


def test_the_profile_shows_the_relation_columns(tmp_path):
    data = load_workbook(write_xlsx(tmp_path / "kumu.xlsx", KUMU))
    profile = partner_profile(data, build_graph(data), "Bank A", lang="en")
    (tie,) = profile.neighbours
    assert "Amount Owed (billions): 12.5" in tie.reasons[0]
    assert "Tags: Europa" in tie.reasons[0]


def test_the_app_shows_relation_columns_weights_and_the_direction_note(tmp_path):
    from streamlit.testing.v1 import AppTest

    sheets = {**KUMU, "Connections": [[*KUMU["Connections"][0], "Weight", "Direction"],
                                      [*KUMU["Connections"][1], 291, "directed"],
                                      [*KUMU["Connections"][2], 7, "undirected"]]}
    path = write_xlsx(tmp_path / "kumu.xlsx", sheets)
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    app.run()
    app.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    app.switch_page("app_pages/daten.py").run()
    assert not app.exception
    relations = app.dataframe[1].value
    assert list(relations.columns)[-4:] == ["Amount Owed (billions)", "Tags", "Direction",
                                            "Zeile"]
    assert {"Gewicht", "Stärke", "gerichtet"} <= set(relations.columns)
    assert sorted(relations["Gewicht"]) == [7, 291]
    app.switch_page("app_pages/analyse.py").run()
    assert not app.exception
    # read as shown: the caption is escaped for Markdown (app_pages.common.plain)
    shown = [re.sub(r"\\(.)", r"\1", caption.value) for caption in app.caption]
    assert any(text.startswith("Richtung: ") for text in shown), shown


# --------------------------------------------------------------------------- direction


def test_both_directions_are_two_relations_when_the_file_gives_direction(tmp_path):
    data = load_workbook(gephi(tmp_path, [["A", "B", "Directed", 1], ["B", "A", "Directed", 2]],
                               header=("Source", "Target", "Type", "Weight")))
    assert "duplicate_relation" not in codes(data)
    assert data.relations["directed"].tolist() == [True, True]
    assert data.relations["kind"].isna().all()  # "Directed" says how, not what kind
    graph = build_graph(data)
    assert graph.graph["directed_source"] is True
    assert not graph.is_directed()
    relations = graph.edges["A", "B"]["relations"]
    assert [(r["source"], r["target"], r["directed"]) for r in relations] == [
        ("A", "B", True), ("B", "A", True)]
    assert graph.edges["A", "B"]["weight"] == 3


def test_both_directions_are_one_duplicate_without_direction(tmp_path):
    data = load_workbook(gephi(tmp_path, [["A", "B", 1], ["B", "A", 2]]))
    assert [(p.code, p.row) for p in data.problems] == [("duplicate_relation", 3)]
    assert build_graph(data).graph["directed_source"] is False


def test_relations_of_different_kinds_between_one_pair_are_no_duplicates(tmp_path):
    data = load_workbook(gephi(tmp_path, [["A", "B", "Projekt"], ["B", "A", "Förderung"],
                                          ["A", "B", "projekt"]],
                               header=("Source", "Target", "Art")))
    assert [(p.code, p.row) for p in data.problems] == [("duplicate_relation", 4)]
    assert len(build_graph(data).edges["A", "B"]["relations"]) == 2


@pytest.mark.parametrize(("header", "values", "directed"), [
    ("Direction", ["directed", "mutual"], [True, False]),  # Kumu
    ("Directed", [True, False], [True, False]),  # Onodo (boolean cells)
    ("gerichtet", ["ja", "nein"], [True, False]),
    ("Richtung", ["ungerichtet", "gerichtet"], [False, True]),
])
def test_direction_columns_of_other_tools(tmp_path, header, values, directed):
    data = load_workbook(gephi(tmp_path, [["A", "B", values[0]], ["B", "C", values[1]]],
                               header=("From", "To", header)))
    assert data.problems == []
    assert data.relations["directed"].tolist() == directed
    assert header in data.relation_extra_columns  # the words as written stay too


def test_a_direction_that_is_no_direction_is_reported(tmp_path):
    data = load_workbook(gephi(tmp_path, [["A", "B", "vielleicht"], ["B", "C", "directed"]],
                               header=("From", "To", "Direction")))
    assert [(p.code, p.row, p.column) for p in data.problems] == [
        ("bad_direction", 2, "Direction")]
    assert data.relations["directed"].tolist() == [False, True]


def test_the_analysis_says_the_measures_count_without_direction(tmp_path):
    directed = gephi(tmp_path, [["A", "B", "Directed"], ["B", "C", "Directed"]],
                     header=("Source", "Target", "Type"), name="d.xlsx")
    report = analyze_report(load_workbook(directed), lang="en")
    assert report["network"]["directed_source"] is True
    assert report["explanations"]["direction"]["label"] == "Direction"
    plain = analyze_report(load_workbook(gephi(tmp_path, [["A", "B", 1]], name="u.xlsx")))
    assert plain["network"]["directed_source"] is False
    assert "direction" not in plain["explanations"]
    result = subprocess.run([sys.executable, "-m", "network_app", "analyze", "--lang", "en",
                             str(directed)], capture_output=True, text=True, check=False)
    assert "  Direction: " in result.stdout
    info = dict(openpyxl.load_workbook(export("xlsx", tmp_path / "d_report.xlsx",
                                              load_workbook(directed))[0])["Info"]
                .iter_rows(min_row=2, values_only=True))
    assert "Richtung" in info


def test_directions_reach_the_exports_and_read_back_without_warnings(tmp_path):
    data = load_workbook(gephi(tmp_path, [["A", "B", "Directed"], ["B", "A", "Directed"],
                                          ["B", "C", "Undirected"]],
                               header=("Source", "Target", "Type")))
    export("csv", tmp_path / "r.csv", data)
    with csv_paths(tmp_path / "r.csv")[1].open(encoding="utf-8-sig", newline="") as handle:
        rows = {frozenset((r["Von"], r["Nach"])): r for r in csv.DictReader(handle,
                                                                             delimiter=";")}
    assert rows[frozenset("AB")]["Richtungen"] == "A → B; B → A"
    assert rows[frozenset("BC")]["Richtungen"] == ""
    again = load_workbook(export("xlsx", tmp_path / "r.xlsx", data)[0])
    assert "bad_direction" not in codes(again)


# --------------------------------------------------------------------------- summaries


def test_many_problems_of_one_kind_become_one_note_with_examples(tmp_path):
    edges = [[f"N{i}", f"N{i + 1}", "viel"] for i in range(30)]
    data = load_workbook(gephi(tmp_path, edges))
    (note,) = data.problems
    assert note.code == "bad_strength" and note.row == 2
    assert note.params["count"] == 30
    assert note.params["examples"] == [2, 3, 4, 5, 6]
    assert "30 Zeilen" in note.message and "2, 3, 4, 5 und 6" in note.message
    assert "30 rows" in note.text("en")


def test_a_few_problems_of_one_kind_stay_one_per_row(tmp_path):
    edges = [[f"N{i}", f"N{i + 1}", "viel"] for i in range(MAX_REPEATED)]
    data = load_workbook(gephi(tmp_path, edges))
    assert [p.row for p in data.problems] == list(range(2, 2 + MAX_REPEATED))
    assert all("count" not in p.params for p in data.problems)


def test_partner_problems_are_summarised_too(tmp_path):
    rows = [["Name", "Kategorie"], ["A", "Austausch"], *[[None, "Netzwerk"]] * 15]
    data = load_workbook(write_xlsx(tmp_path / "p.xlsx", {"Partner": rows}))
    missing = [p for p in data.problems if p.code == "missing_name"]
    assert len(missing) == 1 and missing[0].params["count"] == 15
    assert missing[0].is_error


# --------------------------------------------------------------------------- the lab's workbook


def test_the_bundled_workbook_reads_as_before():
    data = load_workbook(BUNDLED)
    assert not data.weight_scale.derived
    assert data.relation_extra_columns == []
    assert not data.relations["directed"].any()
    assert (data.relations["weight"].dropna() == data.relations["strength"][
        data.relations["weight"].notna()]).all()
    graph = build_graph(data)
    assert graph.graph["directed_source"] is False
    for *_, attrs in graph.edges(data=True):
        if attrs.get("kind") == "partner":
            assert attrs["weight"] == attrs["strength"]


# --------------------------------------------------------------------------- the corpus


def _corpus() -> list[dict]:
    expected = CORPUS / "expected.json"
    if not expected.exists():
        return []
    return [entry for entry in json.loads(expected.read_text(encoding="utf-8"))["files"]
            if entry.get("role") in ("edges", "workbook") and entry.get("edge_columns")
            and Path(entry["file"]).suffix in (".csv", ".xlsx", ".ods")]


@pytest.mark.parametrize("entry", _corpus(), ids=lambda entry: entry["file"])
def test_corpus_weights_and_every_edge_column_are_kept(entry):
    data = load_workbook(CORPUS / entry["file"])
    relations = data.relations
    assert len(relations) > 0
    if entry.get("weight_column"):
        assert relations["weight"].min() == entry["weight_min"]
        assert relations["weight"].max() == entry["weight_max"]
        assert "bad_strength" not in codes(data)
    known = {h for h in entry["edge_columns"]
             if schema.canonical_column("relations", h) is not None}
    for header in entry["edge_columns"]:
        assert header in known or header in data.relation_extra_columns, header
    assert len([p for p in data.problems if p.row is not None and p.code == "bad_strength"]) \
        <= MAX_REPEATED


def test_corpus_onodo_directed_column_is_honoured():
    path = CORPUS / "generated" / "onodo_dataset.xlsx"
    if not path.exists():
        pytest.skip("the corpus has no Onodo file")
    sheet = openpyxl.load_workbook(path)["Relations"]
    header, *rows = list(sheet.iter_rows(values_only=True))
    written = [row[header.index("Directed")] for row in rows]
    data = load_workbook(path)
    assert len(data.relations) == len(rows)
    assert data.relations["directed"].tolist() == [value in (1, True) for value in written]
    assert build_graph(data).graph["directed_source"] is True


def test_corpus_gephi_weights_reach_gephi_again(tmp_path):
    path = CORPUS / "generated" / "gephi_characters-edges.csv"
    if not path.exists():
        pytest.skip("the corpus has no Gephi edge table")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        written = sorted(int(row["weight"]) for row in csv.DictReader(handle))
    data = load_workbook(path)
    gexf = nx.read_gexf(export("gexf", tmp_path / "back.gexf", data)[0])
    assert sorted(int(w) for *_, w in gexf.edges(data="weight")) == written
    assert not build_graph(data).graph["directed_source"]  # Type says Undirected throughout
