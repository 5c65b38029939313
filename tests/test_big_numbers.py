"""Numbers of any size: formatting (network_app.text.format) and a workbook with a Stärke of
1e30 and an extra column of 1e30 / -1e300 / 1e-30 through every command and export format.

Babel rounds in Python's decimal context (28 digits): a weight of 1e30 used to end
``network-app check`` in "Unerwarteter Fehler: InvalidOperation".
"""

from __future__ import annotations

import csv
import json
import math
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import BUNDLED

from network_app.cli import main
from network_app.exports import FORMATS
from network_app.text.format import as_written, fixed, number, percent, plural_form
from network_app.workbook.values import to_text

NBSP = "\u00a0"


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


# --- format.py --------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "de", "en"), [
    (1e30, "1 × 10³⁰", "1 × 10³⁰"),
    (-1e300, "-1 × 10³⁰⁰", "-1 × 10³⁰⁰"),
    (1.23456e27, "1,23 × 10²⁷", "1.23 × 10²⁷"),
    (9.999e26, "1 × 10²⁷", "1 × 10²⁷"),  # the mantissa rounded up to 10 moves the power
    (sys.float_info.max, "1,8 × 10³⁰⁸", "1.8 × 10³⁰⁸"),
    pytest.param(10**400, "1 × 10⁴⁰⁰", "1 × 10⁴⁰⁰", id="int-1e400"),
    (Decimal("-2.5E+5000"), "-2,5 × 10⁵⁰⁰⁰", "-2.5 × 10⁵⁰⁰⁰"),
    (1e15, "1 × 10¹⁵", "1 × 10¹⁵"),
    (1e14, "100.000.000.000.000", "100,000,000,000,000"),  # below 10¹⁵: as before
])
def test_number_of_any_size(value, de, en):
    assert plain(number(value, "de")) == de
    assert plain(number(value, "en")) == en


@pytest.mark.parametrize("value", [1e26, 1e27, 1e30, -1e300, 1e-30, -1e-30, 5e-324,
                                   sys.float_info.max, pytest.param(10**5000, id="int-1e5000"),
                                   Decimal("1E+99999"),
                                   Decimal("-1E-99999"), 5e14, 123456789012345.67])
@pytest.mark.parametrize("digits", [0, 1, 3, 15])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_finite_value_is_written(value, digits, lang):
    """Nothing raises (5e14 with 15 decimals is 30 digits: past Babel's 28 as well)."""
    for text in (number(value, lang, digits=digits), fixed(value, lang, digits=digits),
                 number(value, lang, digits=digits, grouping=False), as_written(value, lang),
                 percent(value, lang, digits=digits)):
        assert text and "E" not in text and "NaN" not in text and "∞" not in text


def test_fixed_keeps_its_decimals_in_front_of_the_power():
    assert plain(fixed(1e30, "de", digits=2)) == "1,00 × 10³⁰"
    assert plain(fixed(-1.5e300, "en", digits=1)) == "-1.5 × 10³⁰⁰"
    assert plain(fixed(1e30, "de", digits=0)) == "1 × 10³⁰"


def test_small_values_round_as_asked_unless_the_decimals_reach_them():
    assert number(1e-30, "de", digits=3) == "0"
    assert fixed(1e-30, "de", digits=2) == "0,00"
    assert number(-1e-30, "de", digits=2) == "0"  # not "-0"
    assert fixed(-0.001, "en", digits=2) == "0.00"
    assert plain(fixed(1e-30, "de", digits=30)) == "1 × 10⁻³⁰"  # not 29 zeros and a 1
    assert plain(fixed(1.5e-30, "en", digits=31)) == "1.5 × 10⁻³⁰"
    assert plain(number(1e-10, "de", digits=15)) == "1 × 10⁻¹⁰"
    assert number(0.0000015, "de", digits=15) == "0,0000015"


def test_as_written_keeps_every_digit():
    assert plain(as_written(1e30, "de")) == "1 × 10³⁰"
    assert plain(as_written(1e-30, "de")) == "1 × 10⁻³⁰"
    assert plain(as_written(-1.2345678e300, "en")) == "-1.2345678 × 10³⁰⁰"
    assert plain(as_written(sys.float_info.max, "de")) == "1,7976931348623157 × 10³⁰⁸"
    assert plain(as_written(2.5e-9, "de")) == "2,5 × 10⁻⁹"
    assert plain(as_written(Decimal("1E+5000"), "en")) == "1 × 10⁵⁰⁰⁰"


def test_ordinary_values_are_written_as_before():
    assert number(1284, "de") == "1.284"
    assert number(1234.5, "en", digits=1) == "1,234.5"
    assert number(3.0, "de", digits=2) == "3"
    assert fixed(0.5, "de", digits=3) == "0,500"
    assert as_written(291.0, "de") == "291" and as_written(0.025, "de") == "0,025"
    assert as_written(0.000002, "de") == "0,000002"
    assert plain(percent(0.25, "de")) == "25 %" and percent(0.25, "en") == "25%"
    assert number(123456789012345.0, "de") == "123.456.789.012.345"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_infinity_and_not_a_number(lang):
    inf, nan = float("inf"), float("nan")
    for write in (number, fixed, as_written):
        assert write(inf, lang) == "∞"
        assert write(-inf, lang) == "-∞"
        assert write(nan, lang) == "–"
        assert write(Decimal("NaN"), lang) == "–"
    assert percent(nan, lang) == "–"
    assert "∞" in percent(inf, lang)
    assert plural_form(inf, lang) == plural_form(nan, lang) == "other"


def test_huge_percentages():
    assert plain(percent(1e30, "de")) == "1 × 10³² %"
    assert plain(percent(-1e300, "en")) == "-1 × 10³⁰²%"
    assert percent(-1e-30, "de").replace(NBSP, " ") == "0 %"


def test_a_huge_whole_number_is_text_as_excel_shows_it():
    assert to_text(1e30) == "1e+30"
    assert to_text(-1e300) == "-1e+300"
    assert to_text(1e-30) == "1e-30"
    assert to_text(1234567890123456.0) == "1234567890123456"


# --- the whole product ------------------------------------------------------------------------

BUDGETS = (1e30, -1e300, 1e-30)


def big_workbook(path: Path) -> tuple[Path, list[str]]:
    """The bundled workbook with Stärke 1e30 (and two relations of 2.5 and 1e-30) and a numeric
    extra column Budget of 1e30 / -1e300 / 1e-30 on the first three partners."""
    book = openpyxl.load_workbook(BUNDLED)
    names = [cell.value for cell in book["Partner"]["A"][1:5]]
    relations = book["Beziehungen"]
    relations["D2"] = 1e30
    relations.append([names[0], names[1], "Austausch", 2.5])
    relations.append([names[2], names[3], "Austausch", 1e-30])
    partners = book["Partner"]
    column = partners.max_column + 1
    partners.cell(1, column, "Budget")
    for row, value in enumerate(BUDGETS, start=2):
        partners.cell(row, column, value)
    book.save(path)
    return path, names


def run_cli(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    both = out + err
    assert "Unerwarteter Fehler" not in both and "Unexpected error" not in both
    assert "Traceback" not in both and "InvalidOperation" not in both
    return code, out


def test_every_command_and_format_with_huge_numbers(tmp_path, capsys):
    path, names = big_workbook(tmp_path / "gross.xlsx")

    code, out = run_cli(capsys, "check", str(path))
    assert code == 0
    assert "1 × 10⁻³⁰ bis 1 × 10³⁰" in plain(out)
    code, out = run_cli(capsys, "check", str(path), "--json")
    assert code == 0 and json.loads(out)["errors"] == []
    for lang in ("de", "en"):
        code, out = run_cli(capsys, "--lang", lang, "analyze", str(path))
        assert code == 0 and names[0] in out
    code, out = run_cli(capsys, "analyze", str(path), "--json")
    assert code == 0
    assert all(math.isfinite(p["pagerank"]) for p in json.loads(out)["partners"])

    written = {}
    for fmt in FORMATS:
        out_path = tmp_path / f"netz.{fmt}"
        code, _ = run_cli(capsys, "export", str(path), "-f", fmt, "-o", str(out_path))
        assert code == 0, fmt
        written[fmt] = out_path
    for picture in ("map", "reach"):
        out_path = tmp_path / f"{picture}.png"
        code, _ = run_cli(capsys, "export", str(path), "-f", "png", "--picture", picture,
                          "-o", str(out_path))
        assert code == 0 and out_path.read_bytes().startswith(b"\x89PNG")

    # The numbers are kept as they were: the extra column as the text Excel shows, the weight
    # a number in CSV (as a spreadsheet reads it), JSON and the Excel report.
    exported = json.loads(written["json"].read_text(encoding="utf-8"))
    budget = {node["id"]: node.get("Budget") for node in exported["nodes"]}
    assert [budget[name] for name in names[:3]] == ["1e+30", "-1e+300", "1e-30"]
    assert max(edge["weight"] for edge in exported["edges"]) == 1e30
    with open(tmp_path / "netz_knoten.csv", encoding="utf-8-sig", newline="") as handle:
        nodes = {row["Name"]: row for row in csv.DictReader(handle, delimiter=";")}
    # (text starting with "-" is kept from running as a formula: "'-1e+300")
    assert [nodes[name]["Budget"] for name in names[:3]] == ["1e+30", "'-1e+300", "1e-30"]
    with open(tmp_path / "netz_kanten.csv", encoding="utf-8-sig", newline="") as handle:
        weights = {row["Gewicht"] for row in csv.DictReader(handle, delimiter=";")}
    assert {"1E+30", "1E-30", "2,5"} <= weights
    # A cell of 1e30 or 7e-30 among whole numbers keeps Excel's own format (1E+30), not "0".
    sheet = openpyxl.load_workbook(written["xlsx"])["Partner"]
    strength = [cell for cell in sheet["E"][1:] if isinstance(cell.value, float)]
    assert sheet["E1"].value == "Verbindungsstärke"
    assert strength and all(cell.number_format == "General" for cell in strength
                            if not 1e-6 <= abs(cell.value) < 1e15)
    assert any(cell.value == 1e30 for cell in strength)
    report = openpyxl.load_workbook(written["xlsx"], read_only=True)
    ties = list(report["Verbindungen"].iter_rows(values_only=True))
    column = ties[0].index("Gewicht (gesamt)")
    assert 1e30 in {row[column] for row in ties[1:]}
    assert any("10³⁰" in str(row[2]) for row in ties[1:])
    partners = list(report["Partner"].iter_rows(values_only=True))
    column = partners[0].index("Budget")
    assert {"1e+30", "-1e+300", "1e-30"} <= {row[column] for row in partners[1:]}
    report.close()
    magic = {"png": b"\x89PNG", "pdf": b"%PDF", "xlsx": b"PK", "pptx": b"PK", "svg": b"<?xml",
             "gexf": b"<?xml", "graphml": b"<?xml", "json": b"{", "html": b"<!DOCTYPE html"}
    for fmt, start in magic.items():
        assert written[fmt].read_bytes().startswith(start), fmt


PAGES = ["netzwerk", "karte", "reichweite", "partner", "daten", "bearbeiten", "analyse",
         "praesentation", "arbeitsstand"]


def test_every_page_of_the_app_with_huge_numbers(tmp_path):
    from streamlit.testing.v1 import AppTest

    path, names = big_workbook(tmp_path / "gross.xlsx")
    at = AppTest.from_file(str(BUNDLED.parent.parent / "streamlit_app.py"), default_timeout=180)
    at.run()
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    assert not at.exception and not at.error
    for lang in ("Deutsch", "English"):
        at.sidebar.radio(key="language").set_value(lang).run()
        for page in PAGES:
            at.switch_page(f"app_pages/{page}.py").run()
            assert not at.exception, (lang, page, at.exception)
            assert not at.error, (lang, page, [e.value for e in at.error])
    at.switch_page("app_pages/partner.py").run()
    # the partner with the relation of Stärke 1e30 (row 2 of "Beziehungen")
    book = openpyxl.load_workbook(path, read_only=True)
    first = next(book["Beziehungen"].iter_rows(min_row=2, max_row=2, values_only=True))[0]
    book.close()
    for name in (*names[:3], first):
        at.selectbox(key="partner").set_value(name).run()
        assert not at.exception and not at.error, name
    shown = " ".join([*(str(element.value) for element in (*at.markdown, *at.caption)),
                      *(table.value.to_string() for table in at.table)])
    assert "10³⁰" in shown  # the weight 1e30 of the relation, written to be read
