"""Editing the workbook in the app and saving it back without losing anything else.

The operations (network_app.workspace.editing) turn what the user did into Changes in the file's
terms; saving (network_app.workspace.saving) writes them into the original file. Each test loads
the result with the normal loader, as the app does after a save.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import BUNDLED, write_xlsx

from network_app import load_workbook
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


def display(data, kind):
    return data.records(kind)


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
    assert result.data.problems == []
    assert cells(result.content, "Beziehungen")[1:] == [
        ["Hochschule Südwestfalen", "Stadt Soest", "Projekt"],
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
