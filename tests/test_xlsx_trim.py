"""Far-away stray cells are cut out of an xlsx before calamine builds its dense range.

The expensive cases are measured in a child process: its own peak memory (ru_maxrss) is not
blurred by what earlier tests in this process already used.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT

from network_app.errors import UnreadableFileError
from network_app.workbook.problems import WARNING, Problem
from network_app.workbook.reading import read_sheets
from network_app.workbook.validation import validate_sheets
from network_app.workbook.xlsx_trim import StrayCell, scan_xlsx

HEADER = ["Name", "Kategorie", "Typ", "Ort", "Seit", "Bis", "Notiz"]

_CHILD = """
import json, resource, sys, time
from network_app.workbook.reading import read_sheets
from network_app.workbook.validation import validate_sheets
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
data = validate_sheets(read_sheets(sys.argv[1], "xlsx"))
seconds = time.perf_counter() - start
grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(json.dumps({
    "seconds": seconds, "grown_mb": grown_mb, "names": data.partners["name"].tolist(),
    "errors": [p.code for p in data.errors],
    "strays": [[p.sheet, p.row, p.column_letter, p.value, p.message]
               for p in data.warnings if p.code == "stray_cell"],
}))
"""


def _load_in_child(path: Path) -> dict:
    """Read and validate ``path`` in a fresh interpreter; its time, memory growth and results."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def _partner_book(path: Path, rows: int = 60, stray: dict[str, str] | None = None) -> Path:
    """A partner list A1:G{rows} plus stray values at the given cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Partner"
    sheet.append(HEADER)
    for i in range(1, rows):
        sheet.append([f"Partner {i}", "Austausch", "Verein", "Soest", 2019, 2024, f"Nr. {i}"])
    for ref, value in (stray or {}).items():
        sheet[ref] = value
    book.save(path)
    return path


# --------------------------------------------------------------------------- the far corner


@pytest.mark.parametrize("ref", ["Z1048576", "XFD1048576"])
def test_stray_in_the_last_row_is_cut_in_seconds_and_little_memory(tmp_path, ref):
    path = _partner_book(tmp_path / "stray.xlsx", stray={ref: "verirrt"})
    result = _load_in_child(path)
    letter = ref.rstrip("0123456789")
    assert [s[:4] for s in result["strays"]] == [["Partner", 1048576, letter, "verirrt"]]
    assert f"{ref} liegt weit außerhalb" in result["strays"][0][4]
    assert result["names"] == [f"Partner {i}" for i in range(1, 60)]
    assert result["errors"] == []
    # Untrimmed, Z1048576 took 4.8 s and +831 MB; XFD1048576 would need 17 billion cells.
    assert result["seconds"] < 5
    assert result["grown_mb"] < 300


def test_trimmed_file_keeps_everything_else(tmp_path):
    path = _partner_book(tmp_path / "stray.xlsx", stray={"Z1048576": "verirrt"})
    data = path.read_bytes()
    scan = scan_xlsx(data)
    assert scan.strays == [StrayCell("Partner", 1048576, "Z", "verirrt")]
    with zipfile.ZipFile(io.BytesIO(data)) as before, \
            zipfile.ZipFile(io.BytesIO(scan.data)) as after:
        assert after.namelist() == before.namelist()
        sheet = after.read("xl/worksheets/sheet1.xml")
        assert b"Z1048576" in sheet  # <dimension> is left as it is: calamine ignores it
        assert b"verirrt" not in sheet
        assert after.read("xl/styles.xml") == before.read("xl/styles.xml")


def test_stray_far_right_in_a_data_row_is_cut(tmp_path):
    # 200 rows x 16,384 columns is above the 2 million cells worth a second look.
    path = _partner_book(tmp_path / "wide.xlsx", rows=200, stray={"XFD5": "verirrt"})
    sheet = read_sheets(path, "xlsx")[0]
    assert sheet.stray == [(5, "XFD", "verirrt")]
    cells = dict(sheet.rows)[5]
    assert cells == ["Partner 4", "Austausch", "Verein", "Soest", 2019, 2024, "Nr. 4"]


def test_strays_are_reported_per_sheet_and_not_for_hidden_sheets(tmp_path):
    book = openpyxl.Workbook()
    partners = book.active
    partners.title = "Partner"
    partners.append(["Name", "Kategorie"])
    partners.append(["A", "Austausch"])
    partners["C1048576"] = 3.5
    hidden = book.create_sheet("Alt")
    hidden.append(["Name"])
    hidden["Z1048000"] = "alt"
    hidden.sheet_state = "hidden"
    book.save(tmp_path / "two.xlsx")
    sheets = read_sheets(tmp_path / "two.xlsx", "xlsx")
    assert [(s.name, s.stray) for s in sheets] == [
        ("Partner", [(1048576, "C", 3.5)]), ("Alt", [(1048000, "Z", "alt")])]  # a number
    data = validate_sheets(sheets)
    strays = [p for p in data.warnings if p.code == "stray_cell"]
    assert [(p.sheet, p.row, p.column_letter, p.value) for p in strays] == [
        ("Partner", 1048576, "C", "3.5")]


def test_at_most_twenty_warnings_per_sheet(tmp_path):
    values = {f"A{row}": f"Rest {row}" for row in range(1_048_552, 1_048_577)}
    values["B1048576"] = "x" * 100
    path = _partner_book(tmp_path / "many.xlsx", stray=values)
    sheets = read_sheets(path, "xlsx")
    assert len(sheets[0].stray) == 26
    assert sheets[0].stray[-1] == (1048576, "B", "x" * 39 + "…")  # previews are short
    data = validate_sheets(sheets)
    assert sum(p.code == "stray_cell" for p in data.warnings) == 20
    assert len(data.partners) == 59


def test_stray_message_names_the_cell():
    problem = Problem(code="stray_cell", severity=WARNING, sheet="Partner", row=1048576,
                      column_letter="Z", value="verirrt", params={"column_letter": "Z"})
    assert problem.text("de") == (
        "Die Zelle Z1048576 liegt weit außerhalb der Tabelle (»verirrt«) und wurde nicht "
        "gelesen. Bitte die Zelle löschen, falls sie versehentlich gefüllt wurde.")
    assert "Z1048576" in problem.text("en")


def test_far_formula_without_result_is_named_by_its_formula(tmp_path):
    # openpyxl saves a formula without its result (<v></v>): the message showed »« for it.
    path = _partner_book(tmp_path / "formel.xlsx", stray={"Z1048576": "=SUM(A2:A3)",
                                                           "Y1048576": 3.5})
    data = validate_sheets(read_sheets(path, "xlsx"))
    strays = {p.column_letter: p for p in data.warnings if p.code == "stray_cell"}
    assert strays["Z"].value == "=SUM(A2:A3)" and strays["Y"].value == "3.5"
    # a number is written the reader's way: a decimal comma in German
    assert "(»3,5«)" in strays["Y"].text("de") and "(“3.5”)" in strays["Y"].text("en")
    assert "(»=SUM(A2:A3)«)" in strays["Z"].text("de")
    assert "(“=SUM(A2:A3)”)" in strays["Z"].text("en")
    assert not [p for p in data.problems if "»«" in p.text("de") or "“”" in p.text("en")]
    # the cut cell is not also said to have been read as empty
    assert not [p for p in data.problems if p.code == "formula_without_value"]


def test_far_cell_that_is_empty_after_all_is_cut_without_a_message(tmp_path):
    path = _partner_book(tmp_path / "leer.xlsx", stray={"Z1048576": "verirrt"})
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    # an empty inline text next to the real stray value: a cell that holds nothing
    parts[sheet] = parts[sheet].replace(
        b'<c r="Z1048576"',
        b'<c r="Y1048576" t="inlineStr"><is><t></t></is></c><c r="Z1048576"')
    with zipfile.ZipFile(path, "w") as target:
        for name, body in parts.items():
            target.writestr(name, body)
    data = validate_sheets(read_sheets(path, "xlsx"))
    assert [(p.column_letter, p.value) for p in data.warnings if p.code == "stray_cell"] == [
        ("Z", "verirrt")]
    assert len(data.partners) == 59


# --------------------------------------------------------------------------- left alone


def test_normal_workbook_comes_back_unchanged(tmp_path):
    path = _partner_book(tmp_path / "normal.xlsx", rows=5_000)
    data = path.read_bytes()
    scan = scan_xlsx(data)
    assert scan.data is data
    assert scan.strays == []
    result = validate_sheets(read_sheets(path, "xlsx"))
    assert len(result.partners) == 4_999
    assert not [p for p in result.warnings if p.code == "stray_cell"]


def test_no_op_pass_hands_back_the_same_bytes_for_20000_rows(tmp_path):
    """A workbook without stray cells is not rewritten: the scan hands back the very bytes.

    (Its speed is the benchmark's business, not a unit test's: ``benchmarks/pipeline.py``.)"""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Partner")
    sheet.append(HEADER + ["Website", "E-Mail", "Telefon"])
    for i in range(1, 20_000):
        sheet.append([f"Partner {i}", "Austausch", "Verein", "Soest", 2019, 2024, "Notiz",
                      "https://example.org", "info@example.org", "02921 1234"])
    book.save(tmp_path / "big.xlsx")
    data = (tmp_path / "big.xlsx").read_bytes()
    scan = scan_xlsx(data)
    assert scan.data is data
    assert scan.strays == []


def test_values_spread_down_the_whole_column_are_data(tmp_path):
    """1,500 values in column A every 700 rows down to row 1,048,576: no gap, nothing cut."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Partner"
    sheet.append(["Name", "Kategorie"])
    rows = [2 + 700 * i for i in range(1_498)] + [1_048_576]
    for number, row in enumerate(rows):
        sheet[f"A{row}"] = f"Partner {number}"
    book.save(tmp_path / "spread.xlsx")
    data = (tmp_path / "spread.xlsx").read_bytes()
    scan = scan_xlsx(data)
    assert (scan.data, scan.strays) == (data, [])
    result = _load_in_child(tmp_path / "spread.xlsx")
    assert len(result["names"]) == 1_499
    assert result["strays"] == []
    assert result["seconds"] < 5
    assert result["grown_mb"] < 300


def test_many_far_cells_are_data_not_strays(tmp_path):
    values = {f"C{900_000 + i}": i for i in range(1_500)}
    path = _partner_book(tmp_path / "block.xlsx", stray=values)
    data = path.read_bytes()
    scan = scan_xlsx(data)
    assert (scan.data, scan.strays) == (data, [])


def test_many_far_cells_over_a_huge_area_are_refused(tmp_path):
    values = {f"Z{1_040_000 + i}": i for i in range(1_500)}
    path = _partner_book(tmp_path / "huge.xlsx", stray=values)
    with pytest.raises(UnreadableFileError) as caught:
        read_sheets(path, "xlsx")
    assert caught.value.code == "too_large_area"
    assert caught.value.params["sheet"] == "Partner"
    assert "Z1041499" in caught.value.message


# --------------------------------------------------------------------------- other writers


def _handmade_xlsx(cells: str, shared: list[str], prefix: str = "") -> bytes:
    """A minimal workbook as other writers make it: shared strings, relative targets."""
    p = f"{prefix}:" if prefix else ""
    ns = (f'xmlns{":" + prefix if prefix else ""}='
          '"http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
        "_rels/.rels": (
            f'<Relationships xmlns="{package}"><Relationship Id="rId1" '
            f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<{p}workbook {ns} xmlns:r="{rel}"><{p}sheets><{p}sheet name="Partner" sheetId="1" '
            f'r:id="rId1"/></{p}sheets></{p}workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{rel}/worksheet" '
            f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
            f'Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
        "xl/sharedStrings.xml": (
            f'<{p}sst {ns}>' + "".join(f"<{p}si><{p}t>{s}</{p}t></{p}si>" for s in shared)
            + f"</{p}sst>"),
        "xl/worksheets/sheet1.xml": (
            f"<{p}worksheet {ns}><{p}sheetData>{cells}</{p}sheetData></{p}worksheet>"),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>' + text)
    return out.getvalue()


_SHARED = ["Name", "Kategorie", "A", "Austausch", "verirrt &amp; vergessen"]


def test_shared_strings_and_prefixed_cells(tmp_path):
    cells = ('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v>'
             '</x:c></x:row><x:row r="2"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="B2" t="s">'
             '<x:v>3</x:v></x:c></x:row><x:row r="1048576"><x:c r="Z1048576" t="s"><x:v>4</x:v>'
             '</x:c></x:row>')
    data = _handmade_xlsx(cells, _SHARED, prefix="x")
    assert scan_xlsx(data).strays == [
        StrayCell("Partner", 1048576, "Z", "verirrt & vergessen")]
    sheet = read_sheets(data, "xlsx")[0]
    assert sheet.stray == [(1048576, "Z", "verirrt & vergessen")]
    assert sheet.rows == [(1, ["Name", "Kategorie"]), (2, ["A", "Austausch"])]


def test_cells_without_reference_are_placed_like_calamine_does():
    # No r on the cells: calamine puts each after the previous one of its row.
    cells = ('<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>'
             '<row><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>'
             '<row r="1048576"><c s="1"/><c t="s"><v>4</v></c></row>')
    data = _handmade_xlsx(cells, _SHARED)
    sheet = read_sheets(data, "xlsx")[0]
    assert sheet.stray == [(1048576, "B", "verirrt & vergessen")]
    assert sheet.rows == [(1, ["Name", "Kategorie"]), (2, ["A", "Austausch"])]


def test_formatting_far_away_is_no_stray():
    cells = ('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
             '<row r="1048576"><c r="Z1048576" s="1"/><c r="AA1048576"><f>A1</f></c></row>')
    data = _handmade_xlsx(cells, _SHARED)
    scan = scan_xlsx(data)
    assert (scan.data, scan.strays) == (data, [])


# --------------------------------------------------------------------------- the quick look
# Most sheets are small; _plainly_small says so with numpy. It may only say "small" where the
# full scan finds every counted cell within SMALL_AREA.

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from network_app.workbook import xlsx_trim  # noqa: E402

_letters = st.text("ABCXYZ", min_size=1, max_size=3)
#: References anywhere, and references right at the edge of SMALL_AREA (where a slip shows).
_refs = st.tuples(_letters, st.integers(0, 9_999_999).map(str)
                  | st.sampled_from(["1", "20001", "0"])) | st.builds(
    lambda letters, step: (letters, str(max(1, xlsx_trim.SMALL_AREA // xlsx_trim._column_number(
        letters.encode()) + step))), _letters, st.integers(-1, 1))
_odd = st.sampled_from(['<c r="A1" s="1"/>', '<c s="1" r="B2"><v>1</v></c>', "<c><v>1</v></c>",
                        '<x:c r="A1"><x:v>1</x:v></x:c>', '<c r="A12345678"><v>1</v></c>',
                        '<c r="ABCD1"><v>1</v></c>', '<c r=""><v>1</v></c>',
                        '<is><r><rPr><color rgb="FF0000"/></rPr><t>x</t></r></is>',
                        '<c\nr="Z9"><v>1</v></c>', '<c r="a1"><v>1</v></c>'])


def _sheet(cells):
    body = "".join(cells)
    return f'<worksheet><sheetData><row r="1">{body}</row></sheetData></worksheet>'.encode()


def _area(refs):
    rows = max(int(digits) for _, digits in refs)
    columns = max(xlsx_trim._column_number(letters.encode()) for letters, _ in refs)
    return rows * columns


def _edge(letters, step):
    return [((letters, str(xlsx_trim.SMALL_AREA // xlsx_trim._column_number(letters.encode())
                       + step)), False)]


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.tuples(_refs, st.booleans()), min_size=1, max_size=40))
@example(_edge("Z", 0)).via("the edge")
@example(_edge("Z", 1)).via("the edge")
@example(_edge("AB", 0)).via("the edge")
@example(_edge("AB", 1)).via("the edge")
@example(_edge("XFD", 0)).via("the edge")
@example(_edge("XFD", 1)).via("the edge")
def test_the_quick_look_measures_plain_sheets_exactly(cells):
    xml = _sheet(f'<c r="{letters}{digits}"/>' if closed
                 else f'<c r="{letters}{digits}" t="n"><v>1</v></c>'
                 for (letters, digits), closed in cells)
    start, end = xlsx_trim._sheet_data_bounds(xml)
    small = _area([ref for ref, _ in cells]) <= xlsx_trim.SMALL_AREA
    assert xlsx_trim._plainly_small(xml, start, end) == small


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.one_of(_refs.map(lambda r: f'<c r="{r[0]}{r[1]}"><v>1</v></c>'), _odd),
                min_size=1, max_size=40))
def test_the_quick_look_says_small_only_where_the_full_scan_does(cells):
    xml = _sheet(cells)
    start, end = xlsx_trim._sheet_data_bounds(xml)
    if not xlsx_trim._plainly_small(xml, start, end):
        return
    scan = xlsx_trim._Scan(xml, start, end, xlsx_trim._OPEN_CELL)
    letters, digits = scan.distinct()
    assert b"" not in letters and b"" not in digits
    assert not digits or max(map(int, digits)) * max(map(xlsx_trim._column_number, letters)) \
        <= xlsx_trim.SMALL_AREA
