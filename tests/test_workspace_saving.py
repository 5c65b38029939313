"""Editing the workbook in the app and saving it back without losing anything else.

The operations (network_app.workspace.editing) turn what the user did into Changes in the file's
terms; saving (network_app.workspace.saving) writes them into the original file. Each test loads
the result with the normal loader, as the app does after a save.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import BUNDLED, write_xlsx

from network_app import load_workbook
from network_app.errors import NetworkAppError
from network_app.workspace.editing import (
    CellEdit,
    Changes,
    add_partner,
    merge_partners,
    rename_partner,
    table_changes,
)
from network_app.workspace.saving import (
    WouldLoseContent,
    apply_changes,
    edit,
    losses_on_save,
    validate_changes,
)


@pytest.fixture
def small(tmp_path, small_sheets) -> tuple[bytes, str]:
    path = write_xlsx(tmp_path / "Partner.xlsx", small_sheets)
    return path.read_bytes(), path.name


def cells(content: bytes, sheet: str) -> list[list[object]]:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [list(row) for row in book[sheet].iter_rows(values_only=True)]


# --------------------------------------------------------------------------- where fields live


def test_loaded_data_knows_each_fields_header_and_header_row(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {
        "Partner": [["Partnerliste 2024"], ["Organisation", "Ort", "Förderung"],
                    ["A", "Soest", "ja"]],
        "Beziehungen": [["Partner A", "Partner B", "Gewicht", "Quelle der Info"],
                        ["A", "A", 2, "x"]],
    })
    data = load_workbook(path)
    assert data.header_rows == {"partners": 2, "relations": 1}
    assert data.columns["partners"] == {"name": "Organisation", "place": "Ort",
                                        "Förderung": "Förderung"}
    # the weight is read from the Stärke column; strength is worked out, so it has none
    assert data.columns["relations"] == {"source": "Partner A", "target": "Partner B",
                                         "weight": "Gewicht",
                                         "Quelle der Info": "Quelle der Info"}
    assert set(data.columns["partners"]) <= set(data.partners.columns)


def test_a_matrix_or_headerless_edge_list_has_no_columns_to_edit():
    data = load_workbook(Path(__file__).parent / "data/other_tools/networkx/hartford_drug.edgelist")
    assert "relations" in data.sheets and "relations" not in data.columns
    with pytest.raises(ValueError):
        table_changes(data, "relations", data.relations, data.relations)


# --------------------------------------------------------------------------- table edits


def test_table_changes_finds_edited_added_and_deleted_rows(small):
    content, name = small
    data = load_workbook(content, filename=name)
    before = data.partners[["name", "type", "place", "categories", "row"]].copy()
    after = before.copy()
    after.loc[after["name"] == "C-Verein", "place"] = "Werl"
    after.loc[after["name"] == "C-Verein", "type"] = "Lab"
    after = after[after["name"] != "D-Stadt"]
    after = pd.concat([after, pd.DataFrame([{"name": "E-Neu", "place": "Hamm",
                                             "categories": ["Forschung", "Austausch"],
                                             "row": None}])], ignore_index=True)
    changes = table_changes(data, "partners", before, after)
    assert changes.edits == [CellEdit("Partner", 4, "Typ", "Lab"),
                             CellEdit("Partner", 4, "Ort", "Werl")]
    assert changes.new_rows == {"Partner": [{"Name": "E-Neu", "Ort": "Hamm",
                                             "Kategorie": "Forschung, Austausch"}]}
    assert changes.deleted_rows == {"Partner": [5]}
    assert changes.describe() == ("Partner »C-Verein« geändert (Typ und Ort). "
                                  "Partner »E-Neu« hinzugefügt. Partner »D-Stadt« gelöscht.")
    assert changes.describe("en") == ("Partner “C-Verein” changed (Typ and Ort). "
                                      "Partner “E-Neu” added. Partner “D-Stadt” deleted.")

    result = edit(content, name, changes)
    assert result.filename == name
    partners = {r["name"]: r for r in result.data.records("partners")}
    assert set(partners) == {"A-Lab", "B-Uni", "C-Verein", "E-Neu"}
    assert (partners["C-Verein"]["place"], partners["C-Verein"]["type"]) == ("Werl", "Lab")
    assert partners["E-Neu"]["categories"] == ["Forschung", "Austausch"]
    # a deleted partner still named by a programme: the loader's error, at its cell
    assert [(p.code, p.sheet, p.row, p.value) for p in result.data.problems] == [
        ("unknown_partner", "Programme", 2, "D-Stadt")]
    # the deleted row is emptied, not removed: every other row keeps its number
    assert partners["C-Verein"]["row"] == 4 and partners["E-Neu"]["row"] == 6
    assert cells(result.content, "Partner")[4] == [None, None, None, None]


def test_an_unchanged_table_gives_no_changes(small):
    content, name = small
    data = load_workbook(content, filename=name)
    for kind in ("partners", "relations", "activities", "programmes"):
        frame = getattr(data, kind)
        changes = table_changes(data, kind, frame, frame.copy())
        assert changes.is_empty and changes.describe() == "", kind


def test_an_edit_is_validated_with_the_loaders_rules_and_messages(small):
    content, name = small
    data = load_workbook(content, filename=name)
    before = data.relations.copy()
    after = before.copy()
    after.loc[0, "target"] = "Z-Unbekannt"
    checked = validate_changes(content, name, table_changes(data, "relations", before, after))
    problem = next(p for p in checked.problems if p.code == "unknown_partner")
    assert (problem.sheet, problem.row, problem.column, problem.value) == (
        "Beziehungen", 2, "Nach", "Z-Unbekannt")
    # the original is untouched
    assert load_workbook(content, filename=name).problems == []


def test_a_new_field_gets_a_column_under_its_german_header(small):
    content, name = small
    data = load_workbook(content, filename=name)
    before = data.partners.copy()
    after = before.copy()
    after.loc[0, "email"] = "info@a-lab.de"
    after.loc[1, "since"] = 2019
    result = edit(content, name, table_changes(data, "partners", before, after))
    header = cells(result.content, "Partner")[0]
    assert header[:4] == ["Name", "Kategorie", "Typ", "Ort"]
    assert set(header[4:]) == {"E-Mail", "Seit"}
    records = {r["name"]: r for r in result.data.records("partners")}
    assert records["A-Lab"]["email"] == "info@a-lab.de" and records["B-Uni"]["since"] == 2019


# --------------------------------------------------------------------------- operations


def test_rename_carries_the_name_everywhere_keeping_separators(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {
        "Partner": [["Name", "Kategorie"], ["FH Südwestfalen", "Forschung"],
                    ["Stadt Soest", "Kooperation"], ["Öcher Lab", "Austausch"]],
        "Beziehungen": [["Von", "Nach", "Art"], ["fh südwestfalen", "Stadt Soest", "Projekt"],
                        ["Öcher Lab", "FH Südwestfalen", "Projekt"],
                        # set aside by the loader as doubled, but it names the partner too
                        ["Öcher Lab", "FH Südwestfalen", "Projekt"]],
        "Aktivitäten": [["Aktivität", "Beteiligte"],
                        ["Tagung", "Stadt Soest |FH  Südwestfalen;Öcher Lab"]],
        "Programme": [["Programm", "Beteiligte"], ["Verbund", "Öcher Lab\nFH Südwestfalen"]],
    })
    data = load_workbook(path)
    changes = rename_partner(data, "FH Südwestfalen", "Hochschule Südwestfalen")
    assert changes.describe() == ("Partner »FH Südwestfalen« umbenannt in "
                                  "»Hochschule Südwestfalen«.")
    result = edit(path.read_bytes(), path.name, changes)
    assert [p.code for p in result.data.problems] == ["duplicate_relation"]
    assert cells(result.content, "Beziehungen")[1:] == [
        ["Hochschule Südwestfalen", "Stadt Soest", "Projekt"],
        ["Öcher Lab", "Hochschule Südwestfalen", "Projekt"],
        ["Öcher Lab", "Hochschule Südwestfalen", "Projekt"]]
    assert cells(result.content, "Aktivitäten")[1][1] == (
        "Stadt Soest |Hochschule Südwestfalen;Öcher Lab")
    assert cells(result.content, "Programme")[1][1] == "Öcher Lab\nHochschule Südwestfalen"


def test_rename_to_a_name_in_use_is_the_loaders_duplicate_error(small):
    content, name = small
    data = load_workbook(content, filename=name)
    checked = validate_changes(content, name, rename_partner(data, "A-Lab", "b-uni"))
    assert "duplicate_name" in [p.code for p in checked.errors]


def test_merge_moves_ties_and_keeps_the_chosen_values(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {
        "Partner": [["Name", "Kategorie", "Ort", "Seit", "Website"],
                    ["FH Südwestfalen", "Forschung", "Soest", 2018, None],
                    ["Fachhochschule Südwestfalen", "Kooperation", "Iserlohn", 2016,
                     "https://fh-swf.de"],
                    ["Stadt Soest", "Kooperation", "Soest", None, None],
                    ["Öcher Lab", "Austausch", "Aachen", None, None]],
        "Beziehungen": [["Von", "Nach", "Art"],
                        ["FH Südwestfalen", "Stadt Soest", "Projekt"],
                        ["Fachhochschule Südwestfalen", "Stadt Soest", "Projekt"],  # doubled
                        ["Fachhochschule Südwestfalen", "FH Südwestfalen", "Projekt"],  # self
                        ["Öcher Lab", "Fachhochschule Südwestfalen", "Austausch"]],
        "Aktivitäten": [["Aktivität", "Beteiligte"],
                        ["Tagung", "FH Südwestfalen; Fachhochschule Südwestfalen; Öcher Lab"],
                        ["Workshop", "Fachhochschule Südwestfalen; Stadt Soest"]],
    })
    data = load_workbook(path)
    changes = merge_partners(data, "FH Südwestfalen", "Fachhochschule Südwestfalen",
                             {"place": "drop", "since": "keep"})
    assert changes.describe() == ("Partner »Fachhochschule Südwestfalen« mit "
                                  "»FH Südwestfalen« zusammengeführt.")
    result = edit(path.read_bytes(), path.name, changes)
    assert result.data.errors == []
    partners = {r["name"]: r for r in result.data.records("partners")}
    assert set(partners) == {"FH Südwestfalen", "Stadt Soest", "Öcher Lab"}
    fh = partners["FH Südwestfalen"]
    # chosen: the other's place; kept: its own year; filled in: the website it lacked
    assert (fh["place"], fh["since"], fh["website"]) == ("Iserlohn", 2018, "https://fh-swf.de")
    assert fh["categories"] == ["Forschung"]
    ties = sorted((r["source"], r["target"]) for r in result.data.records("relations"))
    assert ties == [("FH Südwestfalen", "Stadt Soest"), ("Öcher Lab", "FH Südwestfalen")]
    assert cells(result.content, "Aktivitäten")[1:] == [
        ["Tagung", "FH Südwestfalen; Öcher Lab"], ["Workshop", "FH Südwestfalen; Stadt Soest"]]


def test_add_partner_writes_a_row_below_the_table_with_its_formatting(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Partner"
    sheet.append(["Name", "Kategorie", "Seit"])
    sheet.append(["A-Lab", "Austausch", 2019])
    sheet["C2"].number_format = "0"
    sheet["A2"].font = openpyxl.styles.Font(bold=True)
    path = tmp_path / "w.xlsx"
    book.save(path)
    data = load_workbook(path)
    changes = add_partner(data, {"name": "B-Uni", "categories": ["Forschung"], "since": 2021,
                                 "category": "ignored: worked out, not a column"})
    assert changes.describe("en") == "Partner “B-Uni” added."
    result = edit(path.read_bytes(), path.name, changes)
    saved = openpyxl.load_workbook(io.BytesIO(result.content))["Partner"]
    assert [c.value for c in saved[3]] == ["B-Uni", "Forschung", 2021]
    assert saved["A3"].font.bold and saved["C3"].number_format == "0"
    assert [r["name"] for r in result.data.records("partners")] == ["A-Lab", "B-Uni"]


def test_an_edit_of_a_sheet_the_file_no_longer_has_is_a_message_not_a_crash(small):
    content, name = small
    changes = Changes(edits=[CellEdit("Notizen", 2, "Name", "X")])
    with pytest.raises(NetworkAppError) as caught:
        apply_changes(content, name, changes)
    assert caught.value.code == "save_sheet_gone"
    assert "»Notizen«" in caught.value.text("de") and "“Notizen”" in caught.value.text("en")


def test_text_typed_by_the_user_never_becomes_a_formula(small):
    content, name = small
    data = load_workbook(content, filename=name)
    typed = ["=1+1", "+49 2921 123", "-", "@home", "=HYPERLINK(\"http://x\")"]
    changes = Changes()
    for value in typed:
        changes += add_partner(data, {"name": value, "categories": "Austausch"})
    result = edit(content, name, changes)
    saved = openpyxl.load_workbook(io.BytesIO(result.content))["Partner"]
    new = [saved.cell(row, 1) for row in range(6, 6 + len(typed))]
    assert [c.value for c in new] == typed
    assert all(c.data_type == "s" and c.quotePrefix for c in new)
    names = [r["name"] for r in result.data.records("partners")]
    assert names[-len(typed):] == typed
    sheet_xml = zipfile.ZipFile(io.BytesIO(result.content)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml


# --------------------------------------------------------------------------- the bundled file


def test_bundled_workbook_saves_without_loss_and_is_never_written(tmp_path):
    before = BUNDLED.read_bytes()
    stamp = os.stat(BUNDLED).st_mtime_ns
    data = load_workbook(BUNDLED)
    assert losses_on_save(before, BUNDLED.name) == []
    first = data.partners["name"].iloc[0]
    content, name = apply_changes(before, BUNDLED.name, rename_partner(data, first, "X"))
    assert name == BUNDLED.name and content != before
    assert BUNDLED.read_bytes() == before and os.stat(BUNDLED).st_mtime_ns == stamp
    again = load_workbook(content, filename=name)
    assert again.problems == data.problems
    for kind in ("relations", "activities", "programmes"):
        assert len(again.records(kind)) == len(data.records(kind))


def test_saving_refuses_a_workbook_with_a_chart_rather_than_lose_it(small):
    content, name = small
    book = openpyxl.load_workbook(io.BytesIO(content))
    chart = openpyxl.chart.BarChart()
    chart.add_data(openpyxl.chart.Reference(book["Programme"], min_col=2, min_row=1, max_row=2))
    book["Programme"].add_chart(chart, "F2")
    buffer = io.BytesIO()
    book.save(buffer)
    with_chart = buffer.getvalue()
    data = load_workbook(with_chart, filename=name)
    changes = rename_partner(data, "A-Lab", "A-Labor")
    with pytest.raises(WouldLoseContent) as refused:
        apply_changes(with_chart, name, changes)
    assert refused.value.losses == ["chart"]
    assert "Diagramme" in refused.value.message and "nichts in die Datei" in refused.value.message
    assert "charts" in refused.value.text("en")
    # saved as a new file when the user asks for it
    content, _ = apply_changes(with_chart, name, changes, allow_losses=True)
    assert "A-Labor" in [r["name"] for r in load_workbook(content, filename=name)
                         .records("partners")]


# --------------------------------------------------------------------------- nothing else lost


def snapshot(content: bytes) -> dict:
    """Everything of a workbook a person sees or relies on, cell by cell (openpyxl's view:
    formulas as their text)."""
    book = openpyxl.load_workbook(io.BytesIO(content), rich_text=True)
    sheets = {}
    for ws in book.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style and c.comment is None:
                    continue
                cells[c.coordinate] = (
                    c.value, c.data_type, c.number_format, c.font.b, c.font.i,
                    c.fill.fgColor.rgb, bool(c.alignment.wrap_text),
                    c.comment.text if c.comment else None,
                    c.comment.author if c.comment else None,
                    c.hyperlink.target if c.hyperlink else None)
        sheets[ws.title] = {
            "state": ws.sheet_state,
            "widths": {k: v.width for k, v in ws.column_dimensions.items()},
            "heights": {k: v.height for k, v in ws.row_dimensions.items() if v.height},
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "validations": sorted((str(d.sqref), d.type, d.formula1)
                                  for d in ws.data_validations.dataValidation),
            "conditional": sorted(str(r.sqref) for r in ws.conditional_formatting),
            "freeze": ws.freeze_panes,
            "tables": {t.name: t.ref for t in ws.tables.values()},
            "cells": cells,
        }
    return {"order": book.sheetnames, "names": sorted(
        (n, d.attr_text) for n, d in book.defined_names.items()), "sheets": sheets}


def unchanged_except(before: dict, after: dict, allowed: set[tuple[str, str]],
                     new_rows_from: dict[str, int]) -> None:
    """Every cell and sheet property of ``before`` is in ``after`` as it was, except the cells
    ``allowed`` ((sheet, coordinate)) and rows from ``new_rows_from[sheet]`` on."""
    assert after["order"] == before["order"]
    assert after["names"] == before["names"]
    for title, sheet in before["sheets"].items():
        other = after["sheets"][title]
        for key in ("state", "widths", "heights", "merged", "validations", "conditional",
                    "freeze", "tables"):
            assert other[key] == sheet[key], (title, key)
        limit = new_rows_from.get(title)
        for ref, cell in sheet["cells"].items():
            if (title, ref) in allowed:
                continue
            assert other["cells"].get(ref) == cell, (title, ref)
        for ref in set(other["cells"]) - set(sheet["cells"]):
            row = openpyxl.utils.cell.coordinate_to_tuple(ref)[0]
            assert (title, ref) in allowed or (limit is not None and row >= limit), (title, ref)


def with_saved_results(content: bytes, results: dict[str, str]) -> bytes:
    """``content`` with a saved result for formula cells (as Excel writes one): openpyxl saves
    formulas without, so a test puts them in as Excel would have."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                for ref, value in results.items():
                    start = data.index(f'<c r="{ref}"'.encode())
                    end = data.index(b"</c>", start)
                    cell = data[start:end]
                    formula = cell[cell.index(b"<f>"):cell.index(b"</f>") + 4]
                    head = cell[:cell.index(b">") + 1].replace(b">", b' t="str">')
                    data = (data[:start] + head + formula + f"<v>{value}</v>".encode()
                            + data[end:])
            target.writestr(info, data)
    return buffer.getvalue()


def rich_workbook(path: Path) -> bytes:
    """A partner workbook with what people put into Excel files: comments, a drop-down list
    from a hidden sheet, number formats, widths, a formula, an unknown column, a hyperlink,
    conditional formatting, frozen panes, an Excel table, merged cells, a defined name, and an
    extra sheet of notes."""
    from openpyxl.comments import Comment
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table

    book = openpyxl.Workbook()
    partners = book.active
    partners.title = "Partner"
    partners.append(["Name", "Kategorie", "Ort", "Seit", "Budget", "Kürzel", "Förderung",
                     "Website"])
    rows = [["Öcher Lab", "Austausch", "Aachen", 2019, 1250.5, "=LEFT(A2,3)", "Land NRW",
             "https://oecherlab.de"],
            ["FH Südwestfalen", "Forschung", "Soest", 2016, 30000, "=LEFT(A3,3)", None, None],
            ["Stadt Soest", "Kooperation", "Soest", 2018, None, "=LEFT(A4,3)", "Bund", None]]
    for row in rows:
        partners.append(row)
    for cell in partners[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="FFDDEEFF")
    for row in range(2, 5):
        partners.cell(row, 5).number_format = '#,##0.00 "€"'
        partners.cell(row, 4).number_format = "0"
    partners["A2"].comment = Comment("Kontakt über Frau M.", "Lab-Team")
    partners["H2"].hyperlink = "https://oecherlab.de"
    partners.column_dimensions["A"].width = 32
    partners.column_dimensions["G"].width = 18.5
    partners.row_dimensions[1].height = 28
    partners.freeze_panes = "B2"
    lists = book.create_sheet("Listen")
    for category in ("Austausch", "Kooperation", "Netzwerk", "Forschung"):
        lists.append([category])
    lists.sheet_state = "hidden"
    choice = DataValidation(type="list", formula1="=Listen!$A$1:$A$4", allow_blank=True)
    choice.add("B2:B500")
    partners.add_data_validation(choice)
    partners.conditional_formatting.add(
        "E2:E500", CellIsRule(operator="greaterThan", formula=["10000"],
                              fill=PatternFill("solid", fgColor="FFFFC7CE")))
    book.defined_names["Kategorien"] = openpyxl.workbook.defined_name.DefinedName(
        "Kategorien", attr_text="Listen!$A$1:$A$4")
    relations = book.create_sheet("Beziehungen")
    relations.append(["Von", "Nach", "Art", "Stärke"])
    relations.append(["Öcher Lab", "FH Südwestfalen", "Projekt", 3])
    relations.append(["FH Südwestfalen", "Stadt Soest", "Forschung", 4])
    relations.add_table(Table(displayName="Beziehungen", ref="A1:D3"))
    notes = book.create_sheet("Notizen")
    notes["A1"] = "Protokoll Netzwerktreffen"
    notes["A1"].font = Font(bold=True, italic=True, size=14)
    notes.merge_cells("A1:D1")
    notes["A3"] = 0.25
    notes["A3"].number_format = "0%"
    notes["B3"] = dt.date(2024, 3, 5)
    notes["B3"].number_format = "DD.MM.YYYY"
    notes["C3"] = "=A3*4"
    book.save(path)
    return with_saved_results(path.read_bytes(), {"F2": "Öch", "F3": "FH ", "F4": "Sta"})


def test_rich_workbook_keeps_everything_not_edited(tmp_path):
    original = rich_workbook(tmp_path / "Reich.xlsx")
    data = load_workbook(original, filename="Reich.xlsx")
    assert data.errors == []
    assert [r["Kürzel"] for r in data.records("partners")] == ["Öch", "FH", "Sta"]
    assert losses_on_save(original, "Reich.xlsx") == []
    before = data.partners.copy()
    after = before.copy()
    after.loc[after["name"] == "Stadt Soest", "place"] = "Soest (Westf.)"
    changes = (table_changes(data, "partners", before, after)
               + rename_partner(data, "Öcher Lab", "Oecher Lab")
               + add_partner(data, {"name": "Fablab Hamm", "categories": ["Netzwerk"],
                                    "since": 2022}))
    result = edit(original, "Reich.xlsx", changes)
    # F2 (=LEFT(A2,3)) reads the renamed cell: its old result would be wrong, so it is left
    # for Excel to calculate, and the loader says so
    assert [(p.code, p.sheet, p.row, p.column_letter) for p in result.data.problems
            if p not in data.problems] == [("formula_without_value", "Partner", 2, "F")]
    allowed = {("Partner", "C4"), ("Partner", "A2"), ("Beziehungen", "A2")}
    unchanged_except(snapshot(original), snapshot(result.content), allowed, {"Partner": 5})
    records = {r["name"]: r for r in result.data.records("partners")}
    assert records["Stadt Soest"]["place"] == "Soest (Westf.)"
    assert records["Fablab Hamm"]["since"] == 2022
    # the other formulas' saved results are kept, so the file reads the same without Excel
    assert [records[n]["Kürzel"] for n in ("FH Südwestfalen", "Stadt Soest")] == ["FH", "Sta"]
    assert records["Oecher Lab"]["Kürzel"] is None
    saved = openpyxl.load_workbook(io.BytesIO(result.content))
    # the renamed cell keeps its comment; the new row looks like the one above it
    assert saved["Partner"]["A2"].value == "Oecher Lab"
    assert saved["Partner"]["A2"].comment.text == "Kontakt über Frau M."
    assert saved["Partner"]["D5"].number_format == "0"
    assert saved["Partner"]["E5"].number_format == '#,##0.00 "€"'
    assert saved["Partner"]["A1"].font.b
    # nothing but the few cells edited differ in the relations table either
    assert saved["Beziehungen"]["A2"].value == "Oecher Lab"


def test_deleting_a_row_empties_it_and_keeps_every_other_row_where_it_was(tmp_path):
    original = rich_workbook(tmp_path / "Reich.xlsx")
    data = load_workbook(original, filename="Reich.xlsx")
    before = data.relations.copy()
    changes = table_changes(data, "relations", before, before.iloc[1:])
    assert changes.deleted_rows == {"Beziehungen": [2]}
    assert changes.describe() == "Beziehung »Öcher Lab – FH Südwestfalen« gelöscht."
    result = edit(original, "Reich.xlsx", changes)
    allowed = {("Beziehungen", f"{c}2") for c in "ABCD"}
    unchanged_except(snapshot(original), snapshot(result.content), allowed, {})
    assert [(r["source"], r["row"]) for r in result.data.records("relations")] == [
        ("FH Südwestfalen", 3)]


def test_a_new_relation_extends_the_excel_table_and_the_drop_down_lists(tmp_path):
    original = rich_workbook(tmp_path / "Reich.xlsx")
    data = load_workbook(original, filename="Reich.xlsx")
    before = data.relations.copy()
    after = pd.concat([before, pd.DataFrame([{"source": "Stadt Soest", "target": "Öcher Lab",
                                              "kind": "Austausch", "weight": 2}])],
                      ignore_index=True)
    result = edit(original, "Reich.xlsx", table_changes(data, "relations", before, after))
    saved = openpyxl.load_workbook(io.BytesIO(result.content))
    assert saved["Beziehungen"].tables["Beziehungen"].ref == "A1:D4"
    assert [c.value for c in saved["Beziehungen"][4]] == ["Stadt Soest", "Öcher Lab",
                                                          "Austausch", 2]
    assert len(result.data.records("relations")) == 3 and result.data.errors == []


def test_editing_a_row_of_a_merged_block_keeps_what_the_other_rows_showed(tmp_path):
    path = tmp_path / "w.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Partner"
    for row in (["Name", "Kategorie", "Ort"], ["A-Lab", "Forschung", "Soest"],
                ["B-Uni", None, "Werl"], ["C-Verein", None, "Hamm"]):
        sheet.append(row)
    sheet.merge_cells("B2:B4")  # one category written once for three partners
    book.save(path)
    data = load_workbook(path)
    assert [r["categories"] for r in data.records("partners")] == [["Forschung"]] * 3
    before = data.partners.copy()
    after = before.copy()
    after.loc[1, "categories"] = ["Austausch"]
    result = edit(path.read_bytes(), path.name, table_changes(data, "partners", before, after))
    assert [r["categories"] for r in result.data.records("partners")] == [
        ["Forschung"], ["Austausch"], ["Forschung"]]


def with_extension_list(content: bytes) -> bytes:
    """A drop-down list as newer Excel versions write one when its source is another sheet:
    in the sheet's extension list, which openpyxl drops."""
    extension = (
        b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
        b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        b'<x14:dataValidations count="1" '
        b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
        b'<x14:dataValidation type="list" allowBlank="1"><x14:formula1>'
        b"<xm:f>Listen!$A$1:$A$4</xm:f></x14:formula1><xm:sqref>C2:C50</xm:sqref>"
        b"</x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>")
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</worksheet>", extension)
            target.writestr(info, data)
    return buffer.getvalue()


def test_saving_refuses_what_openpyxl_drops_and_says_what(tmp_path):
    from openpyxl.drawing.image import Image
    from PIL import Image as Picture

    original = rich_workbook(tmp_path / "Reich.xlsx")
    extended = with_extension_list(original)
    assert load_workbook(extended, filename="x.xlsx").errors == []
    assert losses_on_save(extended, "x.xlsx") == ["extension"]
    data = load_workbook(extended, filename="x.xlsx")
    with pytest.raises(WouldLoseContent) as refused:
        apply_changes(extended, "x.xlsx", rename_partner(data, "Stadt Soest", "Soest"))
    assert "Auswahllisten" in refused.value.message

    book = openpyxl.load_workbook(io.BytesIO(original))
    Picture.new("RGB", (20, 10), "red").save(tmp_path / "logo.png")
    book["Notizen"].add_image(Image(tmp_path / "logo.png"), "F2")
    book.save(tmp_path / "Bild.xlsx")
    with_picture = (tmp_path / "Bild.xlsx").read_bytes()
    assert losses_on_save(with_picture, "Bild.xlsx") == ["image"]
    assert "Bilder" in WouldLoseContent(["image"]).message


def test_macros_stay_in_an_xlsm(tmp_path, small):
    content, _ = small
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    macro = b"\xd0\xcf\x11\xe0 not a real VBA project, kept byte for byte"
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Default Extension="bin" ContentType='
                                    b'"application/vnd.ms-office.vbaProject"/></Types>')
            target.writestr(info, data)
        target.writestr("xl/vbaProject.bin", macro)
    with_macro = buffer.getvalue()
    data = load_workbook(with_macro, filename="Makro.xlsm")
    content, name = apply_changes(with_macro, "Makro.xlsm",
                                  rename_partner(data, "A-Lab", "A-Labor"))
    assert name == "Makro.xlsm"
    assert zipfile.ZipFile(io.BytesIO(content)).read("xl/vbaProject.bin") == macro


OTHER_TOOLS = sorted((Path(__file__).parent / "data" / "other_tools").rglob("*.xlsx"))


@pytest.mark.parametrize("path", OTHER_TOOLS, ids=[p.name for p in OTHER_TOOLS])
def test_other_tools_workbooks_save_without_loss(path):
    """Kumu's, NodeXL's and Onodo's workbooks: saved with an edit, every other cell and sheet
    property stays and the data reads as before."""
    original = path.read_bytes()
    assert losses_on_save(original, path.name) == []
    data = load_workbook(original, filename=path.name)
    first = data.partners["name"].iloc[0]
    result = edit(original, path.name, rename_partner(data, first, first + " (neu)"))
    where = [(p.code, p.sheet, p.row, p.column_letter) for p in data.problems]
    assert [(p.code, p.sheet, p.row, p.column_letter) for p in result.data.problems] == where
    for kind in ("relations", "activities", "programmes"):
        assert len(result.data.records(kind)) == len(data.records(kind)), kind
    names = [r["name"] for r in result.data.records("partners")]
    assert names == [first + " (neu)" if n == first else n
                     for n in (r["name"] for r in data.records("partners"))]
    # the only cells that differ are those that name the renamed partner
    after = snapshot(result.content)["sheets"]
    differing = [(sheet, ref) for sheet, refs in _written_cells(original, result.content)
                 for ref in refs]
    assert differing and all(" (neu)" in str(after[sheet]["cells"][ref][0])
                             for sheet, ref in differing)


def _written_cells(before: bytes, after: bytes) -> list[tuple[str, list[str]]]:
    """The cells whose value or look differs between two workbooks, per sheet."""
    old, new = snapshot(before), snapshot(after)
    assert new["order"] == old["order"] and new["names"] == old["names"]
    found = []
    for title, sheet in old["sheets"].items():
        other = new["sheets"][title]
        assert {k: v for k, v in other.items() if k != "cells"} == {
            k: v for k, v in sheet.items() if k != "cells"}, title
        refs = set(sheet["cells"]) | set(other["cells"])
        found.append((title, sorted(r for r in refs
                                    if sheet["cells"].get(r) != other["cells"].get(r))))
    return found


# --------------------------------------------------------------------------- other formats


def test_a_csv_is_saved_as_a_new_xlsx_with_the_same_data(tmp_path):
    text = "Name;Kategorie;PLZ;Telefon\nA-Lab;Austausch;01234;=1+1\nB-Uni;Forschung;59494;\n"
    content = text.encode("utf-8")
    data = load_workbook(content, filename="Partner.csv")
    before = data.partners.copy()
    after = before.copy()
    after.loc[1, "phone"] = "+49 2921 1"
    changes = table_changes(data, "partners", before, after)
    result = edit(content, "Partner.csv", changes)
    assert result.filename == "Partner.xlsx"
    assert zipfile.is_zipfile(io.BytesIO(result.content))
    records = result.data.records("partners")
    assert [(r["name"], r["PLZ"], r["phone"]) for r in records] == [
        ("A-Lab", "01234", "=1+1"), ("B-Uni", "59494", "+49 2921 1")]
    saved = openpyxl.load_workbook(io.BytesIO(result.content))
    assert saved.sheetnames == ["Partner"] and saved["Partner"]["C2"].data_type == "s"


def test_an_ods_is_saved_as_a_new_xlsx_with_the_same_data(tmp_path, small_sheets):
    path = tmp_path / "Partner.ods"
    with pd.ExcelWriter(path, engine="odf") as writer:
        for name, rows in small_sheets.items():
            pd.DataFrame(rows[1:], columns=rows[0]).to_excel(writer, sheet_name=name,
                                                              index=False)
    data = load_workbook(path)
    changes = rename_partner(data, "C-Verein", "C-Verein e.V.")
    result = edit(path.read_bytes(), path.name, changes)
    assert result.filename == "Partner.xlsx"
    assert result.data.problems == data.problems
    assert [r["name"] for r in result.data.records("partners")] == [
        "A-Lab", "B-Uni", "C-Verein e.V.", "D-Stadt"]
    for kind in ("relations", "activities", "programmes"):
        assert len(result.data.records(kind)) == len(data.records(kind))
    assert result.data.records("programmes")[0]["participants"] == ["C-Verein e.V.", "D-Stadt"]


# --------------------------------------------------------------------------- property tests

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from network_app.workbook.schema import CATEGORIES, normalize_name  # noqa: E402
from network_app.workbook.values import to_text  # noqa: E402

#: ./dev test runs a few dozen examples (a few seconds); set PARTNERNETZ_PROPERTY_EXAMPLES for
#: a longer hunt (the narrower properties run half as many).
EXAMPLES = int(os.environ.get("PARTNERNETZ_PROPERTY_EXAMPLES", "25"))
_QUIET = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    suppress_health_check=_QUIET)
NARROWER = settings(max_examples=max(EXAMPLES // 2, 5), deadline=None, database=None,
                    suppress_health_check=_QUIET)
#: Text people type, formula look-alikes included; no list separators (; | line break) in
#: names, since a name is an entry of a participant list.
_LETTERS = "abcdeÄÖÜäöüßxyz ABCXYZ-.&'()/"
_TYPED = _LETTERS + "0123456789=+@,;"
names = st.text(_LETTERS, min_size=1, max_size=14).map(lambda s: " ".join(s.split())).filter(
    lambda s: len(s) > 1 and not s.startswith(("-", "'")))
typed = st.one_of(st.none(), st.text(_TYPED, max_size=20))
years = st.one_of(st.none(), st.integers(1950, 2030))
formats = st.sampled_from(["General", "0", "#,##0", "@", "0.00"])

PARTNER_HEADER = ["Name", "Kategorie", "Ort", "Seit", "Förderung"]
FIELD_LETTERS = {"name": "A", "categories": "B", "place": "C", "since": "D", "Förderung": "E"}


@st.composite
def workbooks(draw):
    """A partner workbook with an unknown column, formatting, ties between the first two
    partners, and a sheet of notes with numbers, dates and a merged block."""
    partner_names = draw(st.lists(names, min_size=3, max_size=6,
                                  unique_by=normalize_name))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Partner"
    sheet.append(PARTNER_HEADER)
    for name in partner_names:
        sheet.append([name, draw(st.sampled_from(CATEGORIES)),
                      draw(st.one_of(st.none(), names)), draw(years),
                      draw(st.one_of(st.none(), names))])
    for row in range(2, len(partner_names) + 2):
        sheet.cell(row, 4).number_format = draw(formats)
        sheet.cell(row, 1).font = openpyxl.styles.Font(bold=draw(st.booleans()))
    sheet.column_dimensions["A"].width = draw(st.floats(8, 60)).__round__(1)
    relations = book.create_sheet("Beziehungen")
    relations.append(["Von", "Nach", "Art"])
    relations.append([partner_names[0], partner_names[1], draw(st.one_of(st.none(), names))])
    activities = book.create_sheet("Aktivitäten")
    activities.append(["Aktivität", "Beteiligte"])
    activities.append(["Treffen", f"{partner_names[1]}; {partner_names[0]}"])
    notes = book.create_sheet("Notizen")
    for row in range(1, draw(st.integers(1, 5)) + 1):
        notes.cell(row, 1, draw(st.one_of(st.text(_LETTERS, min_size=1, max_size=10),
                                          st.integers(-10**6, 10**6),
                                          st.floats(-1e6, 1e6, allow_nan=False),
                                          st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)))))
        notes.cell(row, 1).number_format = draw(formats)
    notes.merge_cells("B1:C2")
    if draw(st.booleans()):
        notes.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), partner_names


@st.composite
def edits(draw, count: int):
    """Edits of the partner table: cells of the first rows, new partners, deleted partners
    that no relation or activity names (rows from the third on)."""
    cell_edits = draw(st.lists(st.tuples(st.integers(0, count - 1),
                                         st.sampled_from(["place", "since", "Förderung"]),
                                         st.data()), max_size=4))
    changes = {}
    for index, field, data in cell_edits:
        changes[(index, field)] = data.draw(years if field == "since" else typed)
    deleted = draw(st.sets(st.integers(2, count - 1), max_size=2)) if count > 2 else set()
    deleted -= {index for index, _ in changes}
    new = draw(st.lists(st.tuples(names, typed), max_size=2, unique_by=lambda t: t[0]))
    return changes, deleted, new


def shown(value):
    """A value as the loader returns it, for comparing what was typed with what is read."""
    if isinstance(value, list):
        return value
    return value if isinstance(value, int) else to_text(value)


@PROPERTY
@given(st.data())
def test_load_edit_save_load_keeps_everything_not_edited(data):
    original, partner_names = data.draw(workbooks())
    cell_edits, deleted, new = data.draw(edits(len(partner_names)))
    taken = {normalize_name(n) for n in partner_names}
    new = [(n, p) for n, p in new if normalize_name(n) not in taken]
    loaded = load_workbook(original, filename="Partner.xlsx")
    assert loaded.errors == []
    by_name = {r["name"]: r for r in loaded.records("partners")}
    before = loaded.partners.copy()
    after = before.copy()
    for (index, field), value in cell_edits.items():
        after.at[index, field] = value
    after = after.drop(index=sorted(deleted))
    added = pd.DataFrame([{"name": n, "place": p, "categories": ["Netzwerk"]} for n, p in new])
    after = pd.concat([after, added], ignore_index=True) if new else after
    changes = table_changes(loaded, "partners", before, after)

    result = edit(original, "Partner.xlsx", changes)

    written = {(index, f) for (index, f), v in cell_edits.items()
               if shown(v) != shown(by_name[partner_names[index]][f])}
    allowed = {("Partner", f"{FIELD_LETTERS[f]}{index + 2}") for index, f in written}
    allowed |= {("Partner", f"{letter}{index + 2}") for index in deleted for letter in "ABCDE"}
    unchanged_except(snapshot(original), snapshot(result.content), allowed,
                     {"Partner": len(partner_names) + 2})
    records = {r["name"]: r for r in result.data.records("partners")}
    assert result.data.errors == []
    expected_names = [n for i, n in enumerate(partner_names) if i not in deleted]
    assert list(records) == expected_names + [n for n, _ in new]
    for index, name in enumerate(partner_names):
        if index in deleted:
            continue
        for field in ("categories", "place", "since", "Förderung"):
            want = cell_edits.get((index, field), by_name[name][field])
            assert shown(records[name][field]) == shown(want), (name, field)
    for name, place in new:
        assert shown(records[name]["place"]) == shown(place)
    # the ties and lists no edit touched read as before
    for kind in ("relations", "activities"):
        assert result.data.records(kind) == loaded.records(kind)


@NARROWER
@given(st.data())
def test_rename_changes_the_name_everywhere_and_nothing_else(data):
    original, partner_names = data.draw(workbooks())
    old = data.draw(st.sampled_from(partner_names[:2]))
    new = data.draw(names.filter(lambda n: normalize_name(n) not in {
        normalize_name(p) for p in partner_names}))
    loaded = load_workbook(original, filename="Partner.xlsx")
    result = edit(original, "Partner.xlsx", rename_partner(loaded, old, new))
    index = partner_names.index(old)
    renamed = [new if n == old else n for n in partner_names]
    assert [r["name"] for r in result.data.records("partners")] == renamed
    tie = result.data.records("relations")[0]
    assert (tie["source"], tie["target"]) == (renamed[0], renamed[1])
    assert result.data.records("activities")[0]["participants"] == [renamed[1], renamed[0]]
    allowed = {("Partner", f"A{index + 2}"), ("Beziehungen", f"{'AB'[index]}2"),
               ("Aktivitäten", "B2")}
    unchanged_except(snapshot(original), snapshot(result.content), allowed, {})


# --------------------------------------------------------------------------- LibreOffice


def test_libreoffice_reads_the_saved_workbook_with_the_same_values(tmp_path):
    """LibreOffice opens the edited workbook (converted to ODS by it) and reads the values our
    loader reads; the formula whose input was edited is calculated by LibreOffice afresh."""
    from test_libreoffice import convert

    original = rich_workbook(tmp_path / "Reich.xlsx")
    data = load_workbook(original, filename="Reich.xlsx")
    before = data.partners.copy()
    after = before.copy()
    after.loc[after["name"] == "Stadt Soest", "place"] = "=Soest"
    after.loc[after["name"] == "FH Südwestfalen", "Budget"] = "31000,25"  # into a number
    changes = (table_changes(data, "partners", before, after)
               + rename_partner(data, "Öcher Lab", "Oecher Lab")
               + add_partner(data, {"name": "Fablab Hamm", "categories": ["Netzwerk"],
                                    "since": 2022}))
    saved = tmp_path / "saved" / "Reich.xlsx"
    saved.parent.mkdir()
    saved.write_bytes(apply_changes(original, "Reich.xlsx", changes)[0])
    ours, theirs = load_workbook(saved), load_workbook(convert(saved, "ods", tmp_path))
    mine = ours.records("partners")
    libre = theirs.records("partners")
    assert [r["name"] for r in libre] == ["Oecher Lab", "FH Südwestfalen", "Stadt Soest",
                                          "Fablab Hamm"]
    for ours_row, libre_row in zip(mine, libre, strict=True):
        for field, value in ours_row.items():
            if field == "Kürzel" and ours_row["name"] == "Oecher Lab":
                assert value is None and libre_row[field] == "Oec"  # calculated on opening
            elif field != "row":
                assert libre_row[field] == value, (ours_row["name"], field)
    assert libre[2]["place"] == "=Soest" and libre[1]["Budget"] == "31000.25"
    budget = openpyxl.load_workbook(saved)["Partner"]["E3"]  # typed "31000,25": a number
    assert (budget.value, budget.number_format) == (31000.25, '#,##0.00 "€"')
    for kind in ("relations", "activities", "programmes"):
        assert theirs.records(kind) == ours.records(kind), kind


def test_a_workbook_libreoffice_wrote_saves_with_only_the_edited_cells_changed(tmp_path):
    """Another program's xlsx (LibreOffice writes its own styles, saved results and list
    validations): a rename changes the cells naming the partner and nothing else."""
    from test_libreoffice import convert

    source = tmp_path / "source" / "Reich.xlsx"
    source.parent.mkdir()
    source.write_bytes(rich_workbook(tmp_path / "Reich.xlsx"))
    theirs = convert(source, "xlsx:Calc MS Excel 2007 XML", tmp_path / "libre").read_bytes()
    assert losses_on_save(theirs, "Reich.xlsx") == []
    data = load_workbook(theirs, filename="Reich.xlsx")
    result = edit(theirs, "Reich.xlsx", rename_partner(data, "Stadt Soest", "Soest (neu)"))
    differing = {(sheet, ref) for sheet, refs in _written_cells(theirs, result.content)
                 for ref in refs}
    assert differing == {("Partner", "A4"), ("Beziehungen", "B3")}
    # =LEFT(A4,3) reads the renamed cell: left for calculation, the others keep their result
    assert [r["Kürzel"] for r in result.data.records("partners")] == ["Öch", "FH", None]


@NARROWER
@given(st.data())
def test_relation_and_activity_edits_keep_everything_else(data):
    """Random edits of the other tables: a relation's kind changed or the relation deleted,
    new relations between partners, an activity's participants chosen anew."""
    original, partner_names = data.draw(workbooks())
    loaded = load_workbook(original, filename="Partner.xlsx")
    count = len(partner_names)
    pairs = data.draw(st.lists(
        st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)).filter(
            lambda p: p[0] < p[1] and p != (0, 1)), max_size=3, unique=True))
    new_kinds = [data.draw(st.one_of(st.none(), names)) for _ in pairs]
    delete_tie = data.draw(st.booleans())
    kind = data.draw(st.one_of(st.none(), names))
    members = data.draw(st.lists(st.sampled_from(partner_names), min_size=1, max_size=count,
                                 unique=True))

    relations = loaded.relations.copy()
    after = relations.copy()
    after.loc[0, "kind"] = kind
    if delete_tie:
        after = after.iloc[0:0]
    added = pd.DataFrame([{"source": partner_names[i], "target": partner_names[j],
                           "kind": k} for (i, j), k in zip(pairs, new_kinds, strict=True)])
    after = pd.concat([after, added], ignore_index=True) if pairs else after
    activities = loaded.activities.copy()
    chosen = activities.copy()
    chosen.at[0, "participants"] = members
    changes = (table_changes(loaded, "relations", relations, after)
               + table_changes(loaded, "activities", activities, chosen))

    result = edit(original, "Partner.xlsx", changes)

    old_kind = loaded.records("relations")[0]["kind"]
    allowed = {("Aktivitäten", "B2")}
    if delete_tie:
        allowed |= {("Beziehungen", f"{c}2") for c in "ABC"}
    elif shown(kind) != shown(old_kind):
        allowed.add(("Beziehungen", "C2"))
    unchanged_except(snapshot(original), snapshot(result.content), allowed,
                     {"Beziehungen": 3})
    assert result.data.errors == []
    ties = [(r["source"], r["target"], r["kind"]) for r in result.data.records("relations")]
    expected = [] if delete_tie else [(partner_names[0], partner_names[1], shown(kind))]
    expected += [(partner_names[i], partner_names[j], shown(k))
                 for (i, j), k in zip(pairs, new_kinds, strict=True)]
    assert ties == expected
    assert result.data.records("activities")[0]["participants"] == members
    assert result.data.records("partners") == loaded.records("partners")


def test_names_cannot_change_where_the_ties_cannot_follow(tmp_path):
    # an adjacency matrix names partners in its header row and label column, no cell per
    # field: a rename left 0 relations and a merge emptied Alpha's row before
    path = write_xlsx(tmp_path / "m.xlsx", {
        "Partner": [["Name", "Ort"], ["Alpha", "A"], ["Beta", "B"], ["Gamma", "C"]],
        "Beziehungen": [["", "Alpha", "Beta", "Gamma"], ["Alpha", 0, 1, 1],
                        ["Beta", 1, 0, 0], ["Gamma", 1, 0, 0]],
    })
    data = load_workbook(path)
    with pytest.raises(NetworkAppError) as renamed:
        rename_partner(data, "Alpha", "Alpha neu")
    assert renamed.value.code == "names_not_editable"
    assert renamed.value.params == {"sheet": "Beziehungen"}
    with pytest.raises(NetworkAppError) as merged:
        merge_partners(data, "Gamma", "Beta", {})
    assert merged.value.code == "names_not_editable"
    # an edge list alone: the partners are worked out from it, there is no row to rename
    edges = load_workbook(b"Von;Nach\nA;B\nB;C\n", filename="Kanten.csv")
    for operation in (lambda: rename_partner(edges, "A", "A neu"),
                      lambda: merge_partners(edges, "A", "B", {})):
        with pytest.raises(NetworkAppError) as refused:
            operation()
        assert refused.value.code == "names_no_partner_sheet"
