"""Tables without a header row: edge lists as plain text (NetworkX, R) and adjacency matrices
(Gephi), see network_app/workbook/shapes.py. Small files of each shape are built in tmp_path;
the real ones of tests/data/other_tools are checked in test_recognise.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codes, only

from network_app import build_graph, load_workbook
from network_app.workbook.reading import RawSheet
from network_app.workbook.shapes import adjacency_matrix, headerless_edges


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def pairs(data) -> list[tuple[str, str]]:
    return list(zip(data.relations["source"], data.relations["target"], strict=True))


# --------------------------------------------------------------------------- edge lists


def test_networkx_edge_list_with_comments_and_runs_of_spaces(tmp_path):
    """NetworkX's format: no header, "#" comments, one or more spaces or a tab between."""
    path = write(tmp_path / "drugs.edgelist",
                 "# written by hand\n# source target\na b\nb   c\n\n c\td \n# end\nd a")
    data = load_workbook(path)
    assert data.errors == []
    assert data.sheets == {"relations": "drugs"}
    assert pairs(data) == [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")]
    assert data.relations["row"].tolist() == [3, 4, 6, 8]  # the file's line numbers
    assert data.partners["name"].tolist() == ["a", "b", "c", "d"]
    assert not data.relations["directed"].any()
    assert sorted(codes(data)) == ["headerless_edges", "nodes_from_relations"]
    assert only(data, "headerless_edges").sheet == "drugs"


@pytest.mark.parametrize(("name", "separator"), [("kanten.txt", "\t"), ("kanten.tsv", "\t"),
                                                  ("kanten.csv", ","), ("kanten.csv", ";"),
                                                  ("kanten.txt", " ")])
def test_headerless_edge_list_whatever_the_separator(tmp_path, name, separator):
    lines = [["Rathaus", "Hochschule"], ["Hochschule", "Verein"], ["Verein", "Rathaus"]]
    data = load_workbook(write(tmp_path / name,
                               "\n".join(separator.join(line) for line in lines)))
    assert pairs(data) == [tuple(line) for line in lines]
    assert data.errors == []
    assert "headerless_edges" in codes(data)


def test_a_third_column_is_kept_under_its_number_and_is_no_weight(tmp_path):
    """lanl_routes.edgelist: the third number is a round-trip time, not the tie's weight."""
    data = load_workbook(write(tmp_path / "routes.edgelist", "1 0 9\n2 3 173\n3 4 167\n4 1 0\n"))
    assert data.relation_extra_columns == ["3"]
    assert data.relations["3"].tolist() == ["9", "173", "167", "0"]
    assert data.relations["weight"].isna().all()
    assert data.relations["strength"].tolist() == [1, 1, 1, 1]
    note = only(data, "headerless_edges_extra")
    assert note.params == {"kept": "3"}
    assert "(3)" in note.text("de") and "Gewicht" in note.text("de")
    assert "(3)" in note.text("en") and "weight" in note.text("en")
    assert "weights_to_strengths" not in codes(data)
    graph = build_graph(data)
    [relation] = graph.edges["2", "3"]["relations"]
    assert relation["extra"] == {"3": "173"}


def test_a_text_file_with_a_header_is_read_by_its_header(tmp_path):
    """Separated by spaces, but with a header: its columns say what they hold, the weight too."""
    data = load_workbook(write(tmp_path / "graph.txt",
                               "source target weight\n1 2 291\n2 3 4\n3 1 12\n"))
    assert pairs(data) == [("1", "2"), ("2", "3"), ("3", "1")]
    assert data.relations["weight"].tolist() == [291, 4, 12]
    assert not {"headerless_edges", "headerless_edges_extra"} & set(codes(data))


def test_quoted_names_with_spaces_in_a_space_separated_file(tmp_path):
    """R's write.table: fields separated by one space, text in double quotes."""
    data = load_workbook(write(tmp_path / "links.txt",
                               '"from" "to"\n"Stadt Soest" "O\'Brien Lab"\n"O\'Brien Lab" "x"\n'))
    assert pairs(data) == [("Stadt Soest", "O'Brien Lab"), ("O'Brien Lab", "x")]


@pytest.mark.parametrize("text", [
    "Rathaus;Austausch\nHochschule;Forschung\nVerein;Austausch\n",  # partners, no header
    "a_id b_id\n1 2\n2 3\n3 1\n",  # a header we do not know above numbers
    "a b\nc d e\nf g\n",  # rows of different shape
])
def test_what_is_no_headerless_edge_list_is_named_not_guessed(tmp_path, text):
    data = load_workbook(write(tmp_path / "liste.txt", text))
    assert data.relations.empty
    assert "sheet_unknown" in codes(data)
    assert not {"headerless_edges", "headerless_edges_extra"} & set(codes(data))


def test_headerless_sheet_of_a_workbook(make_xlsx):
    """Numbers stay numbers in a sheet (calamine reads 1.0); the ids read as written."""
    data = load_workbook(make_xlsx({"Tabelle1": [[1, 2], [2, 3], [3, 1]],
                                    "Beziehungen": [["a", "b"], ["b", "c"]]}))
    assert data.sheets == {"relations": "Tabelle1"}
    assert pairs(data) == [("1", "2"), ("2", "3"), ("3", "1")]
    assert {(p.code, p.sheet) for p in data.problems} >= {
        ("headerless_edges", "Tabelle1"), ("sheet_second_table", "Beziehungen")}


def test_headerless_rule_alone():
    sheet = RawSheet("t", rows=[(1, ["a", "b", None]), (2, ["b", "c", ""]), (3, ["a", "c"])])
    table = headerless_edges(sheet)
    assert table is not None and table.header_row == 0
    assert [(c.header, c.key, c.letter) for c in table.columns] == [("1", "source", "A"),
                                                                    ("2", "target", "B")]
    # the first row says "Von" and "Nach": a header, not a tie
    assert headerless_edges(RawSheet("t", rows=[(1, ["Von", "Nach"]), (2, ["a", "b"]),
                                                (3, ["b", "a"])])) is None
    # a row without its second end is no edge list without a header
    assert headerless_edges(RawSheet("t", rows=[(1, ["a", "b"]), (2, ["b", None, "x"])])) \
        is None


# --------------------------------------------------------------------------- matrices


def test_symmetric_matrix_reads_each_pair_once_and_keeps_a_node_without_ties(tmp_path):
    path = write(tmp_path / "matrix.csv",
                 ",A,B,C,D\r\nA,0,2,0,0\r\nB,2,0,7,0\r\nC,0,7,0,0\r\nD,0,0,0,0")
    data = load_workbook(path)
    assert data.errors == []
    assert pairs(data) == [("A", "B"), ("B", "C")]
    assert data.relations["weight"].tolist() == [2, 7]
    assert not data.relations["directed"].any()
    assert data.relations["row"].tolist() == [2, 3]  # the row of the matrix
    assert data.partners["name"].tolist() == ["A", "B", "C", "D"]  # D has no tie, is kept
    assert data.partners["row"].tolist() == [2, 3, 4, 5]
    only(data, "matrix_undirected")
    assert only(data, "nodes_from_relations").params["count"] == 4
    graph = build_graph(data)
    assert graph.number_of_nodes() == 4 and graph.number_of_edges() == 2
    assert not graph.graph["directed_source"]


def test_asymmetric_matrix_is_directed_from_row_to_column(tmp_path):
    """The rows may stand in another order than the columns; a label in the corner."""
    path = write(tmp_path / "talks.csv", "Id;x;y;z\nz;0;4;0\nx;0;0;7,5\ny;1;0;0\n")
    data = load_workbook(path)
    assert data.errors == []
    assert data.sheets == {"relations": "talks"}  # "Id" in the corner makes no node table
    assert pairs(data) == [("z", "y"), ("x", "z"), ("y", "x")]
    assert data.relations["weight"].tolist() == [4, 7.5, 1]
    assert data.relations["directed"].all()
    assert data.partners["name"].tolist() == ["z", "x", "y"]
    only(data, "matrix_directed")
    assert build_graph(data).graph["directed_source"]


def test_both_directions_of_a_pair_are_two_ties_in_a_matrix_that_is_not_symmetric(tmp_path):
    data = load_workbook(write(tmp_path / "m.csv", ",a,b,c\na,0,3,0\nb,1,0,0\nc,2,0,0\n"))
    assert sorted(pairs(data)) == [("a", "b"), ("b", "a"), ("c", "a")]
    assert "duplicate_relation" not in codes(data)
    assert build_graph(data).number_of_edges() == 2  # the graph holds a pair once


def test_matrix_in_a_workbook_sheet(make_xlsx):
    data = load_workbook(make_xlsx({"Matrix": [[None, 1, 2, 3], [1, 0, 5, 0], [2, 5, 0, 1],
                                               [3, 0, 1, 0]]}))
    assert pairs(data) == [("1", "2"), ("2", "3")]
    assert data.relations["weight"].tolist() == [5, 1]
    only(data, "matrix_undirected")


def test_a_tie_of_a_node_with_itself_is_reported_not_dropped(tmp_path):
    """A matrix's diagonal cell is a tie of a node with itself: kept, with its weight and one
    note (a network from another tool; see test_foreign_values.py)."""
    data = load_workbook(write(tmp_path / "m.csv", ",a,b\na,3,1\nb,1,0\n"))
    assert pairs(data) == [("a", "a"), ("a", "b")]
    assert data.relations["weight"].tolist() == [3, 1]
    problem = only(data, "self_loops_kept")
    assert (problem.value, problem.row) == ("a", 2)
    assert data.errors == []


@pytest.mark.parametrize("rows", [
    [["", "a", "b"], ["a", 0, "viel"], ["b", 1, 0]],  # a cell that is no number
    [["", "a", "b"], ["a", 0, 1], ["c", 1, 0]],  # the first column names other nodes
    [["", "a", "b"], ["a", 0, 1], ["b", 1, 0], ["b", 1, 0]],  # a node twice
    [[0, "a", "b"], ["a", 0, 1], ["b", 1, 0]],  # a number in the corner
])
def test_what_is_no_matrix(rows):
    assert adjacency_matrix(RawSheet("m", rows=list(enumerate(rows, start=1)))) is None
