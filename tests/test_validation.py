"""Validation: every problem found, with code, sheet and the row as Excel shows it."""

from __future__ import annotations

import datetime as dt

import pytest
from messy import EXPECTED_PARTNERS, EXPECTED_PROBLEMS, german_excel_xlsx
from pandas import testing as pd_testing

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
    sheets["Beziehungen"] = [sheets["Beziehungen"][0], ["A-Lab", "B-Uni", "x", "stark"]]
    data = validate(make_xlsx(sheets))
    assert ("Beziehungen", 2, "bad_strength") in codes(data)
    assert data.relations["strength"].tolist() == [1]
    assert data.relations["weight"].isna().all()


def test_a_strength_outside_one_to_five_is_kept_as_weight_not_clamped(make_xlsx, small_sheets):
    sheets = dict(small_sheets)
    sheets["Beziehungen"] = [sheets["Beziehungen"][0], ["A-Lab", "B-Uni", "x", 9]]
    data = validate(make_xlsx(sheets))
    assert "bad_strength" not in {p.code for p in data.problems}
    assert ("Beziehungen", None, "weights_to_strengths") in codes(data)
    assert data.relations["weight"].tolist() == [9]
    assert data.relations["strength"].tolist() == [1]  # one weight only: the weakest strength


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
        "source": "Eins", "target": "Zwei", "kind": None, "weight": 2, "strength": 2,
        "directed": False, "since": None, "until": None, "note": None, "row": 0}
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


# --------------------------------------------------------------------------- likely duplicates


def duplicate_warnings(make_xlsx, *partners):
    """(row, code, row of the other name) of the duplicate findings for (name, Ort) pairs."""
    rows = [["Name", "Kategorie", "Ort"], *[[name, "Austausch", place] for name, place in partners]]
    data = validate(make_xlsx({"Partner": rows}))
    return {(p.row, p.code, p.params.get("other_row", p.params.get("first_row")))
            for p in data.problems if p.code in ("similar_name", "duplicate_name")}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Aegon V", "Aegon VI"),
        ("Soest I", "Soest II"),
        ("Gesamtschule Soest III", "Gesamtschule Soest IV"),
        ("Grundschule 1", "Grundschule 2"),
        ("Förderverein der Grundschule Fischer", "Förderverein der Grundschule Schwarz"),
        ("Volkshochschule Hamm-Lippstadt", "Hochschule Hamm-Lippstadt"),
    ],
)
def test_another_number_or_word_is_another_partner(make_xlsx, first, second):
    """90 % alike as a whole, but a number or a whole word differs: two organisations."""
    assert duplicate_warnings(make_xlsx, (first, None), (second, None)) == set()


def test_two_places_the_data_knows_are_two_partners(make_xlsx):
    """Arnsberg and Marsberg are one slip apart, so as words they could be a typo; named as
    places in the Ort column (of any partner), they tell the two apart."""
    names = ("Kunstverein Arnsberg", "Kunstverein Marsberg")
    assert duplicate_warnings(make_xlsx, (names[0], None), (names[1], None)) == {
        (3, "similar_name", 2)}
    assert duplicate_warnings(make_xlsx, (names[0], None), (names[1], None),
                              ("Tafel", "Arnsberg"), ("Kita", "Marsberg")) == set()
    # A misspelt place is no place the data knows.
    assert duplicate_warnings(make_xlsx, ("Stadtwerke Soest", "Soest"),
                              ("Stadtwerke Sost", "Soest")) == {(3, "similar_name", 2)}


@pytest.mark.parametrize(
    ("first", "second", "code"),
    [
        ("Fraunhofer", "Frauenhofer", "similar_name"),
        ("Öcher Lab", "Oecher Lab", "similar_name"),
        ("KGSt", "KGST", "duplicate_name"),
        ("Gesamtschule Soest II", "Gesamtschule Soets II", "similar_name"),
        ("Fab Lab Soest", "Fablab Soest", "similar_name"),
        ("Förderverein Aegon V e. V.", "Förderverein Aegon V", "similar_name"),
    ],
)
def test_typos_are_flagged(make_xlsx, first, second, code):
    assert duplicate_warnings(make_xlsx, (first, "Soest"), (second, "Soest")) == {(3, code, 2)}


def test_misspelt_references_get_a_suggestion(make_xlsx, small_sheets):
    sheets = dict(small_sheets)
    sheets["Beziehungen"] = [*sheets["Beziehungen"], ["A-Lba", "C-Verein", "x", 2],
                             ["X-Unbekannt", "C-Verein", "x", 2]]
    sheets["Aktivitäten"] = [*sheets["Aktivitäten"], ["Fest", 2022, "umgesetz", "", "B-Uni"]]
    data = validate(make_xlsx(sheets))
    suggestions = {(p.sheet, p.row, p.code): p.params["suggestion"] for p in data.problems}
    assert suggestions == {
        ("Beziehungen", 3, "unknown_partner"): "A-Lab",
        ("Beziehungen", 4, "unknown_partner"): None,
        ("Aktivitäten", 4, "unknown_value"): "umgesetzt",
    }


# --------------------------------------------------------------------------- whole columns
# The validator reads plain cells column by column (validation._texts, _years, …) and leaves
# the others to each cell's own function; both ways must give the same values and problems.

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from network_app.workbook import similarity, validation  # noqa: E402
from network_app.workbook.reading import ColumnInfo, RawSheet  # noqa: E402
from network_app.workbook.values import to_text, to_texts  # noqa: E402

_FAST = settings(max_examples=300, deadline=None, database=None,
                 suppress_health_check=list(HealthCheck))


def _same(a, b):
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True  # NaN
    return type(a) is type(b) and a == b


@_FAST
@given(st.lists(st.one_of(__import__("fuzzing").cells, st.sampled_from(
    ["", " ", "2019", "1899", "1900", "2036", "2037", "٢٠١٩", "0,5", "3", 2019.0, 1900.0, 2036.0,
     2037.0, 1899, 2037, 1e20, 2.5, -0.0, 10**17 + 1, 2**53 + 1,
     True, float("inf"), float("nan"), dt.date(2020, 1, 2), "x" * 10_001]))))
def test_a_column_reads_as_its_cells(values):
    assert to_texts(values) == [to_text(v) for v in values]
    column = ColumnInfo(0, "Spalte", None, "A")
    readers = [
        (validation._texts, lambda cells, log: validation._text(cells, column, 2, log)),
        (lambda vs: validation._years(vs, 2026),
         lambda cells, log: validation._year(cells, column, 2, log, 2026)),
        (validation._numbers, lambda cells, log: validation._number(cells, column, 2, log)),
        (validation._weights, lambda cells, log: validation._number(
            cells, column, 2, log, validation.parse_weight)),
        (validation._extra_values,
         lambda cells, log: validation._extra_value(cells, column, 2, log)),
    ]
    for whole, one in readers:
        for value, fast in zip(values, whole(values), strict=True):
            if fast is validation._SLOW:
                continue  # read by the cell's function itself
            problems = []
            assert _same(fast, one([value], validation._Collector("S", problems))), value
            assert problems == [], value


_sheets = st.lists(__import__("fuzzing").sheets(), min_size=1, max_size=3)


@settings(_FAST, max_examples=60)
@given(_sheets)
def test_the_columns_way_finds_what_the_cells_way_finds(drawn):
    """Whole workbooks: the same frames and problems when every cell takes the slow way."""
    def load():
        sheets = [RawSheet(name or f"S{i}", rows=[(n + 1, list(row)) for n, row in enumerate(rows)
                                                  if any(c not in (None, "") for c in row)])
                  for i, (name, rows) in enumerate(drawn)]
        return validate_sheets(sheets, today=TODAY)

    fast = load()
    with pytest.MonkeyPatch.context() as patch:
        for name in ("_texts", "_numbers", "_weights", "_extra_values"):
            patch.setattr(validation, name, lambda values: [validation._SLOW] * len(values))
        patch.setattr(validation, "_years", lambda values, year: [validation._SLOW] * len(values))
        slow = load()
    for table in ("partners", "relations", "activities", "programmes"):
        pd_testing.assert_frame_equal(getattr(fast, table), getattr(slow, table))
    assert [(p, p.params) for p in fast.problems] == [(p, p.params) for p in slow.problems]


@_FAST
@given(st.lists(st.one_of(st.text(max_size=20), st.sampled_from(
    ["VHS Soest e.V.", "Partner e", "V GmbH", "e.\nv", "Müller & Söhne", "Aegon V e. V."])),
    min_size=2))
def test_core_names_of_a_column_are_each_names_core(names):
    assert similarity._core_names(names) == [similarity.core_name(n) for n in names]


def test_a_weight_past_int64_stays_a_float():
    """A Stärke cell of 1e30 is a whole number too large for Int64: kept as the float it is
    (pandas raised OverflowError out of load_workbook)."""
    sheets = [RawSheet("Partner", rows=[(1, ["Name", "Kategorie"]), (2, ["A", "Austausch"]),
                                        (3, ["B", "Austausch"]), (4, ["C", "Austausch"])]),
              RawSheet("Beziehungen", rows=[(1, ["Von", "Nach", "Stärke"]), (2, ["A", "B", 1e30]),
                                            (3, ["B", "C", 2.0])])]
    relations = validate_sheets(sheets, today=TODAY).relations
    assert str(relations["weight"].dtype) == "Float64"
    assert relations["weight"].tolist() == [1e30, 2.0]
