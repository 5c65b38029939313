"""Messy but honest workbooks, the way staff really save them (German Excel style).

Each builder writes into a folder and returns the path; tests assert the partners read and the
problem codes and Excel rows reported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl

#: Partners of the messy workbook with the categories they must end up in.
EXPECTED_PARTNERS = {
    "Öcher Lab": ["Austausch"],
    "Fablab Hamm": ["Austausch"],
    "Hochschule Südwestfalen": ["Kooperation", "Forschung"],
    "VHS Soest": ["Kooperation"],
    "Digitaltag": ["Netzwerk"],
    "Universität Salzburg": ["Forschung"],
    "Müller und Söhne": [],  # read, though its category is unknown
    "Müller & Söhne GmbH": ["Kooperation"],
}
#: Excel rows of the doubtful lines, and what must be said about them.
EXPECTED_PROBLEMS = {
    ("Partnerliste", 11, "missing_name"),
    ("Partnerliste", 12, "duplicate_name"),  # "vhs soest " repeats row 7
    ("Partnerliste", 13, "unknown_category"),  # "Koperation"
    ("Partnerliste", 14, "similar_name"),  # "Müller & Söhne GmbH" ~ "Müller und Söhne"
    ("Beziehungen", 5, "unknown_partner"),
    ("Beziehungen", 6, "self_relation"),
    ("Geheim", None, "hidden_sheet"),
}


def german_excel_xlsx(folder: Path) -> Path:
    """Title rows, merged title, variant headers, category spellings, dates and "seit 2019",
    a merged category block, a formula with its saved value, a hidden sheet, bad relations."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Partnerliste"
    sheet["A1"] = "Partner des stadtLABOR Soest"
    sheet.merge_cells("A1:F1")
    sheet["A2"] = "Stand: März 2024"
    # row 3 stays empty
    sheet.append([])
    headers = ["Organisation", "Kategorie(n)", "Art der Organisation", "Standort", "Beginn",
               "Ansprechpartner:in", "Förderung"]
    for col, header in enumerate(headers, start=1):
        sheet.cell(row=4, column=col, value=header)
    rows = [
        ["  Öcher Lab ", "Kollegialer Austausch", "Lab", "Aachen", "seit 2019", "Frau Beispiel",
         "nein"],                                                                     # row 5
        ["Fablab Hamm", None, "Lab", "Hamm", dt.date(2020, 5, 1), None, None],         # row 6
        ["VHS Soest", "Kooperationen", "Kultur", "Soest", 43466, None, None],          # row 7
        ["Hochschule Südwestfalen", "Kooperationspartner; Wissenschaft", "Hochschule", "Soest",
         2018, None, "ja"],                                                             # row 8
        ["Digitaltag", "Netzwerke & Plattformen", "Veranstaltung", None, None, None, None],
        ["Universität Salzburg", "Forschung", "Hochschule", "Salzburg", "2021", None, None],
        [None, "Austausch", None, None, None, None, None],                            # row 11
        ["vhs soest ", "Kooperation", None, None, None, None, None],                   # row 12
        ["Müller und Söhne", "Koperation", None, None, None, None, None],              # row 13
        ["Müller & Söhne GmbH", "Kooperation", "Unternehmen", "Soest", None, None, None],
    ]
    for offset, row in enumerate(rows):
        for col, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=5 + offset, column=col, value=value)
    # The first two partners share a merged category cell ("Kollegialer Austausch").
    sheet.merge_cells("B5:B6")
    # A formula whose result Excel saved: the reader must see the value, not the formula.
    sheet["H4"] = "Kürzel"
    sheet["H5"] = '=LEFT(A5,4)'
    relations = book.create_sheet("Beziehungen")
    relations.append(["Beziehungen zwischen Partnern"])
    relations.append([])
    relations.append(["Partner A", "Partner B", "Art", "Stärke"])
    relations.append(["Öcher Lab", "Fablab Hamm", "Austausch", 3])          # row 4
    relations.append(["Öcher Lab", "CityLAB Berlin", "Austausch", 2])       # row 5: unknown
    relations.append(["VHS Soest", "vhs soest", "?", 1])                    # row 6: itself
    hidden = book.create_sheet("Geheim")
    hidden["A1"] = "Name"
    hidden["A2"] = "Interner Partner"
    hidden.sheet_state = "hidden"
    path = folder / "Partner_messy.xlsx"
    book.save(path)
    _store_formula_results(path, {"H5": "Öche"})
    return path


def _store_formula_results(path: Path, results: dict[str, str]) -> None:
    """openpyxl saves formulas without results; Excel saves both. Add the results."""
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    xml = members["xl/worksheets/sheet1.xml"].decode("utf-8")
    for ref, value in results.items():
        xml = re.sub(
            rf'<c r="{ref}"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>',
            rf'<c r="{ref}"\1 t="str"><f>\2</f><v>{value}</v></c>', xml)
    members["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members.items():
            target.writestr(name, content)


CSV_ROWS = [
    ["Partnerliste stadtLABOR", "", "", ""],
    ["Name", "Kategorie", "Ort", "Seit"],
    ["Öcher Lab", "Kollegialer Austausch", "Aachen", "seit 2019"],
    ["Fablab Hamm", "Austausch", "Hamm", "2020"],
    ["Hochschule Südwestfalen", "Kooperationspartner; Wissenschaft", "Soest", "2018"],
    ["VHS Soest", "Kooperationen", "Soest", "01.01.2019"],
    ["Digitaltag", "Netzwerke & Plattformen", "", ""],
    ["Universität Salzburg", "Forschung", "Salzburg", "2021"],
    ["Müller & Söhne GmbH", "Kooperation", "Soest", ""],
]


def german_excel_csv(folder: Path, encoding: str = "cp1252", delimiter: str = ";",
                     bom: bool = False) -> Path:
    """What German Excel writes for "CSV (Trennzeichen-getrennt)": ; and Windows-1252."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(CSV_ROWS)
    data = buffer.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path = folder / f"partner_{encoding}_{'tab' if delimiter == chr(9) else delimiter}.csv"
    path.write_bytes(data)
    return path
