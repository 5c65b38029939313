"""Comparing two workbooks (network_app.workspace.compare): the import preview's answers."""

from __future__ import annotations

import copy

import openpyxl
import pytest
from conftest import BUNDLED, write_xlsx

import network_app as na
from network_app.workspace.compare import compare, field_label, value_text


def load(path):
    return na.load_workbook(path)


@pytest.fixture
def before(tmp_path, small_sheets):
    return load(write_xlsx(tmp_path / "vorher.xlsx", small_sheets))


def edited(tmp_path, sheets, name="nachher.xlsx"):
    return load(write_xlsx(tmp_path / name, sheets))


def test_same_workbook_is_empty(before):
    result = compare(before, before)
    assert result.is_empty
    assert result.new_partners == result.gone_partners == result.changed_partners == []
    assert result.summary("de") == [
        "Keine Unterschiede: Partner, Verbindungen, Aktivitäten und Programme sind gleich.",
        "Die neuere Arbeitsmappe hat keine Probleme."]
    assert result.summary("en")[0].startswith("No differences")


def test_new_gone_and_changed_partners(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    partners = sheets["Partner"]
    partners[2] = ["B-Uni", "Forschung", "Hochschule", "Bielefeld"]  # place and a category
    del partners[4]  # D-Stadt gone
    partners.append(["E-Firma", "Kooperation", "Unternehmen", "Essen"])
    sheets["Programme"][1][3] = "C-Verein"
    after = edited(tmp_path, sheets)
    result = compare(before, after)
    assert result.new_partners == ["E-Firma"]
    assert result.gone_partners == ["D-Stadt"]
    [change] = result.changed_partners
    assert change.name == "B-Uni"
    fields = {f.field: (f.old, f.new) for f in change.fields}
    assert fields == {"categories": (("Forschung", "Kooperation"), ("Forschung",)),
                      "place": ("Bochum", "Bielefeld")}
    assert not result.is_empty
    summary = result.summary("de")
    assert summary[0] == "1 neuer Partner: E-Firma."
    assert summary[1] == "1 Partner nicht mehr dabei: D-Stadt."
    assert summary[2] == "1 Partner geändert: B-Uni (Kategorien, Ort)."
    assert result.summary("en")[2] == "1 partner changed: B-Uni (Categories, Place)."
    rows = result.changes_table("de")
    assert {(r["Angabe"], r["vorher"], r["nachher"]) for r in rows} == {
        ("Kategorien", "Forschung, Kooperation", "Forschung"), ("Ort", "Bochum", "Bielefeld")}


def test_names_match_ignoring_case_and_spaces(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    sheets["Partner"][1][0] = "a-lab "
    sheets["Beziehungen"][1][0] = "a-lab"
    sheets["Aktivitäten"][1][4] = "a-lab; B-Uni; C-Verein"
    result = compare(before, edited(tmp_path, sheets))
    assert result.new_partners == result.gone_partners == []
    assert result.new_ties == result.gone_ties == []
    [change] = result.changed_partners
    assert (change.old_name, change.name) == ("A-Lab", "a-lab")
    assert [(f.field, f.old, f.new) for f in change.fields] == [("name", "A-Lab", "a-lab")]


def test_ties_new_and_gone_without_direction(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    # the same pair written the other way round is the same tie
    sheets["Beziehungen"] = [["Von", "Nach", "Art"], ["B-Uni", "A-Lab", "Projekt"],
                             ["C-Verein", "D-Stadt", "Austausch"]]
    result = compare(before, edited(tmp_path, sheets))
    assert result.new_ties == [("C-Verein", "D-Stadt")]
    assert result.gone_ties == []
    sheets["Beziehungen"] = [["Von", "Nach"]]
    result = compare(before, edited(tmp_path, sheets, "ohne.xlsx"))
    assert result.new_ties == [] and result.gone_ties == [("A-Lab", "B-Uni")]
    assert "1 Verbindung nicht mehr dabei: A-Lab – B-Uni." in result.summary("de")
    assert "1 tie no longer included: A-Lab – B-Uni." in result.summary("en")


def test_activities_and_programmes_new_and_gone(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    sheets["Aktivitäten"][2][0] = "Sommerfest"
    sheets["Programme"].append(["Zweiter Verbund", 2020, 2024, "A-Lab; B-Uni"])
    result = compare(before, edited(tmp_path, sheets))
    assert (result.new_activities, result.gone_activities) == (["Sommerfest"], ["Tagung"])
    assert (result.new_programmes, result.gone_programmes) == (["Zweiter Verbund"], [])
    assert result.new_partners == result.changed_partners == []
    summary = result.summary("de")
    assert "1 neue Aktivität: Sommerfest." in summary
    assert "1 Aktivität nicht mehr dabei: Tagung." in summary
    assert "1 neues Programm: Zweiter Verbund." in summary


def test_empty_cells_and_number_types_are_not_changes(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    # a new empty column, and a year written as text: the same values
    sheets["Partner"][0].append("Seit")
    for row in sheets["Partner"][1:]:
        row.append(None)
    sheets["Programme"][1][1] = "2019"
    assert compare(before, edited(tmp_path, sheets)).is_empty


def test_unknown_columns_are_compared_under_their_header(tmp_path, small_sheets):
    sheets = copy.deepcopy(small_sheets)
    sheets["Partner"][0].append("Förderung")
    for row in sheets["Partner"][1:]:
        row.append("ja")
    first = edited(tmp_path, sheets, "eins.xlsx")
    sheets["Partner"][3][-1] = "nein"
    result = compare(first, edited(tmp_path, sheets, "zwei.xlsx"))
    [change] = result.changed_partners
    assert change.name == "C-Verein"
    assert [(f.field, f.label("de"), f.old, f.new) for f in change.fields] == [
        ("Förderung", "Förderung", "ja", "nein")]


def test_problems_of_the_newer_workbook(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    sheets["Beziehungen"].append(["A-Lab", "Unbekannt GmbH", "Projekt", 2])
    after = edited(tmp_path, sheets)
    result = compare(before, after)
    assert result.problems == after.problems
    assert len(result.errors) == len(after.errors) >= 1
    assert result.summary("de")[-1].startswith("Die neuere Arbeitsmappe hat ")
    assert "Fehler" in result.summary("de")[-1]
    assert "error" in result.summary("en")[-1]


def test_long_lists_are_cut_in_sentences(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    for i in range(8):
        sheets["Partner"].append([f"Neu {i}", "Austausch", "Verein", "Soest"])
    result = compare(before, edited(tmp_path, sheets))
    assert len(result.new_partners) == 8
    assert result.summary("de")[0] == (
        "8 neue Partner: Neu 0, Neu 1, Neu 2, Neu 3, Neu 4 und 3 weitere.")


def test_value_text_and_labels():
    assert value_text(None, "de") == "–"
    assert value_text(51.57, "de") == "51,57"
    assert value_text(51.57, "en") == "51.57"
    assert value_text(2019, "de") == "2019"  # a year, not "2.019"
    assert value_text(12345, "de") == "12.345"
    assert value_text(("Austausch", "Forschung"), "de") == "Austausch, Forschung"
    assert field_label("place", "de") == "Ort" and field_label("place", "en") == "Place"
    assert field_label("Eigene Spalte", "en") == "Eigene Spalte"


def test_bundled_workbook_against_an_edited_copy(tmp_path):
    """The real workbook: one partner edited in Excel, one added, one row deleted."""
    book = openpyxl.load_workbook(BUNDLED)
    sheet = book["Partner"]
    header = [cell.value for cell in sheet[1]]
    name_col, place_col = header.index("Name") + 1, header.index("Ort") + 1
    edited_name = sheet.cell(row=3, column=name_col).value
    old_place = sheet.cell(row=3, column=place_col).value
    sheet.cell(row=3, column=place_col).value = "Soest"
    gone_name = sheet.cell(row=5, column=name_col).value
    sheet.delete_rows(5)
    new_row = sheet.max_row + 1
    sheet.cell(row=new_row, column=name_col).value = "Neuer Partner e. V."
    sheet.cell(row=new_row, column=header.index("Kategorie") + 1).value = "Austausch"
    path = tmp_path / "bearbeitet.xlsx"
    book.save(path)
    old, new = load(BUNDLED), load(path)
    result = compare(old, new)
    assert result.new_partners == ["Neuer Partner e. V."]
    assert result.gone_partners == [gone_name]
    [change] = [c for c in result.changed_partners if c.name == edited_name]
    assert [(f.field, f.old, f.new) for f in change.fields] == [("place", old_place, "Soest")]
    assert len(result.changed_partners) == 1
    assert result.summary("de")[0] == "1 neuer Partner: Neuer Partner e. V."
