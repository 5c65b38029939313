"""Reading: sheets, header rows, merged cells, hidden sheets, CSV encodings and delimiters."""

from __future__ import annotations

import resource
import time

import openpyxl
import pytest
from messy import CSV_ROWS, EXPECTED_PARTNERS, german_excel_csv

from network_app.workbook.reading import (
    WHITESPACE,
    column_letter,
    find_table,
    read_sheets,
    sniff_delimiter,
)
from network_app.workbook.validation import validate_sheets


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_header_below_title_rows_keeps_excel_row_numbers(make_xlsx):
    path = make_xlsx({"Partner": [["Unsere Partner"], [], ["Stand 2024"], ["Name", "Ort"],
                                  ["A", "Soest"], [], ["B", "Hamm"]]})
    table = find_table(read_sheets(path, "xlsx")[0], "partners")
    assert table.header_row == 4
    assert [row for row, _ in table.rows] == [5, 7]


def test_hidden_sheets_are_marked(make_xlsx):
    path = make_xlsx({"Partner": [["Name"], ["A"]], "Alt": [["Name"], ["B"]]}, hidden=("Alt",))
    assert [(s.name, s.hidden) for s in read_sheets(path, "xlsx")] == [
        ("Partner", False), ("Alt", True)]


def test_merged_category_cell_applies_to_each_row(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Partner"
    sheet.append(["Name", "Kategorie"])
    for name in ("A", "B", "C"):
        sheet.append([name])
    sheet["B2"] = "Forschung"
    sheet.merge_cells("B2:B4")
    book.save(tmp_path / "m.xlsx")
    data = validate_sheets(read_sheets(tmp_path / "m.xlsx", "xlsx"))
    assert data.partners["categories"].tolist() == [["Forschung"]] * 3


def test_stray_cell_at_last_row_is_cheap(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Partner"
    sheet.append(["Name", "Kategorie"])
    sheet.append(["A", "Austausch"])
    sheet["Z1048576"] = "verirrt"
    book.save(tmp_path / "stray.xlsx")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    data = validate_sheets(read_sheets(tmp_path / "stray.xlsx", "xlsx"))
    elapsed = time.perf_counter() - start
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert data.partners["name"].tolist() == ["A"]
    assert data.is_valid
    assert [(p.code, p.sheet, p.row, p.column_letter, p.value) for p in data.warnings] == [
        ("stray_cell", "Partner", 1048576, "Z", "verirrt")]
    # The stray cell is cut before calamine builds its dense range (untrimmed: 4.8 s, +831 MB).
    assert elapsed < 5
    assert grown_mb < 300


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [("cp1252", ";", False), ("utf-8", ";", True), ("utf-8", ",", False),
     ("utf-8", "\t", False)],
)
def test_csv_variants_load_with_umlauts(tmp_path, encoding, delimiter, bom):
    path = german_excel_csv(tmp_path, encoding, delimiter, bom)
    data = validate_sheets(read_sheets(path, "csv"))
    got = {r["name"]: r["categories"] for r in data.partners.to_dict("records")}
    assert got == {k: v for k, v in EXPECTED_PARTNERS.items() if v}
    assert data.is_valid
    row = data.partners.set_index("name").loc["Öcher Lab"]
    assert (row["since"], row["row"]) == (2019, 3)


def test_sniff_delimiter_prefers_consistent_split():
    text = "\n".join(";".join(r) for r in CSV_ROWS)
    assert sniff_delimiter(text) == ";"
    assert sniff_delimiter("Name,Ort\nA,Soest\nB,Hamm") == ","


def test_sniff_delimiter_knows_runs_of_whitespace():
    assert sniff_delimiter("1 2\n2  3\n3\t 4") == WHITESPACE
    assert sniff_delimiter("# source target\n1 2\n2 3") == WHITESPACE  # the comment aside
    assert sniff_delimiter("Von Nach\nA B\nC D") == WHITESPACE
    # a separator that splits the lines wins over spaces inside the cells
    assert sniff_delimiter("Von;Nach\nStadt Soest;Kreis Soest\nA B;C D") == ";"
    assert sniff_delimiter("A B C\nD E") == ";"  # not one shape: one column


@pytest.mark.parametrize("header", ["Name", "Name der Organisation"])
def test_one_column_of_names_with_spaces_stays_one_column(tmp_path, header):
    path = tmp_path / "partner.csv"
    path.write_text(f"{header}\nStadt Soest Rathaus\nKreis Soest Verwaltung\n",
                    encoding="utf-8")
    [sheet] = read_sheets(path, "csv")
    assert [cells for _, cells in sheet.rows] == [
        [header], ["Stadt Soest Rathaus"], ["Kreis Soest Verwaltung"]]


def test_comments_at_the_top_of_a_csv_are_skipped_but_a_column_called_hash_stays(tmp_path):
    path = tmp_path / "partner.csv"
    path.write_text("# Export vom 1.3.2024\n#;Name;Kategorie\n1;#Hashtag e.V.;Austausch\n",
                    encoding="utf-8")
    [sheet] = read_sheets(path, "csv")
    assert sheet.rows == [(2, ["#", "Name", "Kategorie"]), (3, ["1", "#Hashtag e.V.", "Austausch"])]
    data = validate_sheets([sheet])
    assert data.partners["name"].tolist() == ["#Hashtag e.V."]
    assert data.partners["#"].tolist() == ["1"]


def test_whitespace_text_keeps_line_numbers_and_skips_every_comment(tmp_path):
    path = tmp_path / "g.edgelist"
    path.write_bytes(b"# a\r\n1 2\r\n\r\n# b\r\n2 3")
    [sheet] = read_sheets(path, "csv")
    assert sheet.rows == [(2, ["1", "2"]), (5, ["2", "3"])]


def test_ods_is_read(tmp_path):
    import pandas as pd

    path = tmp_path / "p.ods"
    pd.DataFrame({"Name": ["A", "Ä"], "Kategorie": ["Austausch", "Forschung"]}).to_excel(
        path, sheet_name="Partner", index=False, engine="odf")
    data = validate_sheets(read_sheets(path, "ods"))
    assert data.partners["name"].tolist() == ["A", "Ä"]
