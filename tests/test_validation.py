"""Validation: every problem found, with code, sheet and the row as Excel shows it."""

from __future__ import annotations

import datetime as dt

import pytest
from messy import EXPECTED_PARTNERS, EXPECTED_PROBLEMS, german_excel_xlsx

from network_app import build_graph
from network_app.workbook.reading import read_sheets
from network_app.workbook.validation import validate_sheets

TODAY = dt.date(2026, 11, 26)


def validate(path, fmt="xlsx"):
    return validate_sheets(read_sheets(path, fmt), today=TODAY)


def codes(data):
    return {(p.sheet, p.row, p.code) for p in data.problems}


def test_messy_german_workbook_loads_right_partners(tmp_path):
    data = validate(german_excel_xlsx(tmp_path))
    got = {r["name"]: r["categories"] for r in data.partners.to_dict("records")}
    assert got == EXPECTED_PARTNERS
    assert data.sheets["partners"] == "Partnerliste"  # found without a known sheet name


def test_messy_german_workbook_reports_doubtful_rows_precisely(tmp_path):
    data = validate(german_excel_xlsx(tmp_path))
    assert codes(data) == EXPECTED_PROBLEMS
    unknown = next(p for p in data.problems if p.code == "unknown_category")
    assert (unknown.column, unknown.column_letter, unknown.value) == ("Kategorie(n)", "B",
                                                                      "Koperation")
    assert "meinten Sie »Kooperation«?" in unknown.message


def test_messy_values_years_dates_extras(tmp_path):
    data = validate(german_excel_xlsx(tmp_path))
    rows = data.partners.set_index("name")
    assert rows.loc["Öcher Lab", "since"] == 2019  # "seit 2019"
    assert rows.loc["Fablab Hamm", "since"] == 2020  # a date cell
    assert rows.loc["VHS Soest", "since"] == 2019  # Excel serial 43466
    assert rows.loc["Öcher Lab", "row"] == 5
    assert rows.loc["Öcher Lab", "contact_internal"] == "Frau Beispiel"
    assert rows.loc["Hochschule Südwestfalen", "Förderung"] == "ja"  # unknown column kept
    assert rows.loc["Öcher Lab", "Kürzel"] == "Öche"  # a formula's saved result
    assert "Förderung" in data.extra_columns
    assert len(data.relations) == 1


def partner_rows(*rows, header=("Name", "Kategorie", "Seit", "Bis")):
    return {"Partner": [list(header), *[list(r) for r in rows]]}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([("A", "Austausch", 2019, 2017)], {("Partner", 2, "until_before_since")}),
        ([("A", "Austausch", 1850, None)], {("Partner", 2, "year_out_of_range")}),
        ([("A", "Austausch", None, 2999)], {("Partner", 2, "year_out_of_range")}),
        ([("A", "Austausch", "irgendwann", None)], {("Partner", 2, "bad_year")}),
        ([("A", None, None, None)], {("Partner", 2, "missing_category")}),
        ([("A", "Sponsor", None, None)], {("Partner", 2, "unknown_category")}),
        ([(None, "Austausch", None, None), ("B", "Austausch", None, None)],
         {("Partner", 2, "missing_name")}),
        ([("Stadtwerke Soest GmbH", "Kooperation", None, None),
          ("Stadtwerke Soest", "Kooperation", None, None)], {("Partner", 3, "similar_name")}),
        ([("Universität Paderborn", "Forschung", None, None),
          ("Uni Paderborn", "Forschung", None, None)], {("Partner", 3, "similar_name")}),
        ([("Kreis Soest", "Austausch", None, None),
          ("Stadt Soest", "Austausch", None, None)], set()),
        ([("stadtLABOR Soest", "Austausch", None, None), ("B", "Austausch", None, None)],
         {("Partner", 2, "hub_is_partner")}),
    ],
)
def test_partner_problems(make_xlsx, rows, expected):
    data = validate(make_xlsx(partner_rows(*rows)))
    assert codes(data) == expected


def test_no_partner_sheet(make_xlsx):
    data = validate(make_xlsx({"Tabelle1": [["Irgendwas", "Anderes"], [1, 2]]}))
    assert [p.code for p in data.errors] == ["no_partner_sheet"]
    assert not data.is_valid


def test_partner_sheet_without_name_column(make_xlsx):
    data = validate(make_xlsx({"Partner": [["Kategorie", "Ort"], ["Austausch", "Soest"]]}))
    assert ("Partner", None, "no_header") in codes(data)


def test_references_relations_activities_programmes(make_xlsx, small_sheets):
    sheets = dict(small_sheets)
    sheets["Beziehungen"] = [*sheets["Beziehungen"], ["A-Lab", "X-Unbekannt", "", "9"],
                             ["A-Lab", "", "", ""], ["B-Uni", "A-Lab", "Projekt", 2]]
    sheets["Aktivitäten"] = [*sheets["Aktivitäten"],
                             ["Fest", "31.02.2022", "vielleicht", "", "a-lab; Z-Fehlt"],
                             [None, 2022, "", "", "A-Lab"]]
    sheets["Programme"] = [*sheets["Programme"], ["Neu", 2020, 2019, "D-Stadt"]]
    data = validate(make_xlsx(sheets))
    assert codes(data) == {
        ("Beziehungen", 3, "unknown_partner"),
        ("Beziehungen", 4, "missing_endpoint"),
        ("Beziehungen", 5, "duplicate_relation"),
        ("Aktivitäten", 4, "bad_date"),
        ("Aktivitäten", 4, "unknown_value"),
        ("Aktivitäten", 4, "unknown_partner"),
        ("Aktivitäten", 5, "missing_title"),
        ("Programme", 3, "until_before_since"),
    }
    fest = data.activities.set_index("name").loc["Fest"]
    assert fest["participants"] == ["A-Lab"]  # case-insensitive match to the partner's name


def test_relation_with_the_own_organisation_is_skipped(make_xlsx, small_sheets):
    sheets = dict(small_sheets)
    sheets["Beziehungen"] = [*sheets["Beziehungen"], ["stadtLABOR Soest", "A-Lab", "x", 2]]
    data = validate(make_xlsx(sheets))
    assert codes(data) == {("Beziehungen", 3, "hub_in_relation")}
    assert len(data.relations) == 1
    build_graph(data)  # no tie is added twice to the hub


def test_bad_strength_defaults_to_one(make_xlsx, small_sheets):
    sheets = dict(small_sheets)
    sheets["Beziehungen"] = [sheets["Beziehungen"][0], ["A-Lab", "B-Uni", "x", 9]]
    data = validate(make_xlsx(sheets))
    assert ("Beziehungen", 2, "bad_strength") in codes(data)
    assert data.relations["strength"].tolist() == [1]


def test_settings_name_the_hub(make_xlsx, small_sheets):
    sheets = dict(small_sheets)
    sheets["Einstellungen"] = [["Einstellung", "Wert"], ["Eigene Organisation", "CityLAB X"],
                               ["Lieblingsfarbe", "grün"]]
    sheets["Aktivitäten"] = [*sheets["Aktivitäten"], ["Treffen", 2022, "", "", "CityLAB X; A-Lab"]]
    data = validate(make_xlsx(sheets))
    assert data.own_organisation == "CityLAB X"
    assert codes(data) == {("Einstellungen", 3, "unknown_setting")}
    assert data.activities.iloc[-1]["participants"] == ["A-Lab"]  # the hub is not a partner


def test_kumu_and_gephi_layouts(make_xlsx):
    kumu = validate(make_xlsx({
        "Elements": [["Label", "Type", "Description"], ["A", "Lab", "x"], ["B", "Verein", ""]],
        "Connections": [["From", "To", "Type"], ["A", "B", "Austausch"]],
    }))
    assert kumu.partners["name"].tolist() == ["A", "B"]
    assert len(kumu.relations) == 1
    gephi = validate(make_xlsx({
        "Nodes": [["Id", "Label"], ["n1", "Eins"], ["n2", "Zwei"]],
        "Edges": [["Source", "Target", "Weight"], ["n1", "n2", 2]],
    }))
    assert gephi.problems == []
    assert gephi.partners["name"].tolist() == ["Eins", "Zwei"]
    assert gephi.partners["id"].tolist() == ["n1", "n2"]
    assert gephi.records("relations")[0] | {"row": 0} == {
        "source": "Eins", "target": "Zwei", "kind": None, "strength": 2, "since": None,
        "until": None, "note": None, "row": 0}
    ids_only = validate(make_xlsx({"Nodes": [["Id", "Kategorie"], ["n1", "Austausch"]]}))
    assert ids_only.partners["name"].tolist() == ["n1"]


def test_formula_without_saved_result_is_reported(make_xlsx):
    """openpyxl (and other programs) save formulas without their result."""
    data = validate(make_xlsx(partner_rows(("A", "Austausch", None, None),
                                           ('=UPPER("b")', "Austausch", None, None))))
    assert codes(data) == {("Partner", 3, "formula_without_value"),
                           ("Partner", 3, "missing_name")}
    formula = next(p for p in data.problems if p.code == "formula_without_value")
    assert formula.column_letter == "A"
    assert "Formel ohne gespeichertes Ergebnis" in formula.message


def test_huge_cell_is_cut_with_a_warning(make_xlsx):
    data = validate(make_xlsx(partner_rows(("A", "Austausch", None, None, "x" * 30_000),
                                           header=("Name", "Kategorie", "Seit", "Bis",
                                                   "Notiz"))))
    assert codes(data) == {("Partner", 2, "huge_cell")}
    assert len(data.partners.loc[0, "note"]) == 10_000
