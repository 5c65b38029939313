"""The template workbook: readable by openpyxl and calamine, built from the schema, consistent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import english
import openpyxl
import pytest
import python_calamine
from openpyxl.worksheet.worksheet import Worksheet

from network_app.text import words
from network_app.workbook import schema, template
from network_app.workbook.template import (
    GUIDE_SHEET,
    LAST_ROW,
    PERSONAL_NOTE,
    column_explanation,
    write_template,
)

DATA_SHEETS = [name for name, _aliases in schema.SHEETS.values()]
EXPECTED_SHEETS = [GUIDE_SHEET, *DATA_SHEETS]


@pytest.fixture(scope="module")
def template_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_template(tmp_path_factory.mktemp("template") / "Partner-Vorlage.xlsx")


@pytest.fixture(scope="module")
def workbook(template_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(template_path)


def sheet_of(workbook: openpyxl.Workbook, key: str) -> Worksheet:
    return workbook[schema.SHEETS[key][0]]


def letter_of(sheet: str, key: str) -> str:
    keys = [col.key for col in schema.COLUMNS[sheet]]
    return openpyxl.utils.get_column_letter(keys.index(key) + 1)


def rows_as_dicts(ws: Worksheet, sheet: str) -> list[dict[str, object]]:
    keys = [col.key for col in schema.COLUMNS[sheet]]
    return [dict(zip(keys, row, strict=False))
            for row in ws.iter_rows(min_row=2, values_only=True) if any(row)]


def validation_on(ws: Worksheet, sheet: str, key: str):
    letter = letter_of(sheet, key)
    wanted = f"{letter}2:{letter}{LAST_ROW}"
    found = [dv for dv in ws.data_validations.dataValidation
             if wanted in str(dv.sqref).split()]
    assert len(found) == 1, f"{sheet}.{key}: expected one validation on {wanted}, got {found}"
    return found[0]


# --- opening ----------------------------------------------------------------------------------


def test_returns_the_path(tmp_path: Path) -> None:
    target = tmp_path / "vorlage.xlsx"
    result = write_template(str(target))
    assert isinstance(result, Path)
    assert result == target
    assert target.is_file()


def test_opens_with_openpyxl_in_sheet_order(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == EXPECTED_SHEETS
    assert workbook.active.title == GUIDE_SHEET


def test_opens_with_calamine(template_path: Path) -> None:
    wb = python_calamine.CalamineWorkbook.from_path(str(template_path))
    assert wb.sheet_names == EXPECTED_SHEETS
    for sheet, (name, _aliases) in schema.SHEETS.items():
        rows = wb.get_sheet_by_name(name).to_python()
        assert rows[0] == [col.header for col in schema.COLUMNS[sheet]]
    partners = wb.get_sheet_by_name(schema.SHEETS["partners"][0]).to_python()
    assert partners[1][0] == "Beispiel: Stadtbibliothek Soest"
    activities = wb.get_sheet_by_name(schema.SHEETS["activities"][0]).to_python()
    assert isinstance(activities[1][1], dt.date)


# --- headers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("sheet", list(schema.SHEETS))
def test_headers_come_from_the_schema(workbook: openpyxl.Workbook, sheet: str) -> None:
    ws = sheet_of(workbook, sheet)
    headers = [cell.value for cell in ws[1]]
    assert headers == [col.header for col in schema.COLUMNS[sheet]]


@pytest.mark.parametrize("sheet", list(schema.SHEETS))
def test_header_row_is_formatted(workbook: openpyxl.Workbook, sheet: str) -> None:
    ws = sheet_of(workbook, sheet)
    assert ws.freeze_panes == "A2"
    last = openpyxl.utils.get_column_letter(len(schema.COLUMNS[sheet]))
    assert ws.auto_filter.ref == f"A1:{last}{LAST_ROW}"
    for cell, col in zip(ws[1], schema.COLUMNS[sheet], strict=True):
        assert cell.font.bold
        assert cell.fill.fill_type == "solid"
        width = ws.column_dimensions[cell.column_letter].width
        assert width >= len(col.header), f"column {col.header} too narrow"


@pytest.mark.parametrize("sheet", list(schema.SHEETS))
def test_header_comments_explain_each_column(workbook: openpyxl.Workbook, sheet: str) -> None:
    ws = sheet_of(workbook, sheet)
    for cell, col in zip(ws[1], schema.COLUMNS[sheet], strict=True):
        assert cell.comment is not None, f"no comment on {col.header}"
        text = cell.comment.text
        personal = sheet == "partners" and col.key in schema.PERSONAL_COLUMNS
        assert text.startswith(column_explanation(sheet, col.key))
        if personal:
            assert PERSONAL_NOTE in text
        else:
            assert text == column_explanation(sheet, col.key)
            assert PERSONAL_NOTE not in text


def test_every_column_is_explained_and_nothing_else() -> None:
    for lang in ("de", "en"):
        explained = words("workbook.columns", lang)
        assert set(explained) == set(schema.COLUMNS)
        for sheet, columns in schema.COLUMNS.items():
            assert set(explained[sheet]) == {col.key for col in columns}


def test_personal_columns_have_their_own_fill(workbook: openpyxl.Workbook) -> None:
    ws = sheet_of(workbook, "partners")
    fills = {col.key: cell.fill.fgColor.rgb
             for cell, col in zip(ws[1], schema.COLUMNS["partners"], strict=True)}
    personal = {fills[key] for key in schema.PERSONAL_COLUMNS}
    others = {fill for key, fill in fills.items() if key not in schema.PERSONAL_COLUMNS}
    assert len(personal) == 1
    assert personal.isdisjoint(others)


# --- data validations -------------------------------------------------------------------------


LIST_VALIDATIONS = [
    ("partners", "categories", schema.CATEGORIES, "warning"),
    ("partners", "type", schema.TYPE_VALUES, "warning"),
    ("partners", "reach", schema.REACH_VALUES, "stop"),
    ("activities", "status", schema.STATUS_VALUES, "stop"),
    ("activities", "area", schema.AREA_VALUES, "warning"),
]

WHOLE_VALIDATIONS = [
    ("relations", "strength", 1, 5),
    *((sheet, key, 1900, 2100)
      for sheet in ("partners", "relations", "programmes") for key in ("since", "until")),
]


@pytest.mark.parametrize(("sheet", "key", "values", "style"), LIST_VALIDATIONS)
def test_list_validations(workbook: openpyxl.Workbook, sheet: str, key: str,
                          values: tuple[str, ...], style: str) -> None:
    dv = validation_on(sheet_of(workbook, sheet), sheet, key)
    assert dv.type == "list"
    assert dv.formula1 == '"' + ",".join(values) + '"'
    assert len(dv.formula1) - 2 <= 255
    assert dv.errorStyle == style
    assert dv.showErrorMessage
    assert dv.allow_blank
    assert not dv.showDropDown  # True would hide the arrow


@pytest.mark.parametrize(("sheet", "key", "low", "high"), WHOLE_VALIDATIONS)
def test_whole_number_validations(workbook: openpyxl.Workbook, sheet: str, key: str,
                                  low: int, high: int) -> None:
    dv = validation_on(sheet_of(workbook, sheet), sheet, key)
    assert dv.type == "whole"
    assert dv.operator == "between"
    assert (dv.formula1, dv.formula2) == (str(low), str(high))
    assert dv.errorStyle == "stop"


def test_no_validation_elsewhere(workbook: openpyxl.Workbook) -> None:
    expected = {(sheet, key) for sheet, key, *_ in LIST_VALIDATIONS + WHOLE_VALIDATIONS}
    found = set()
    for sheet in schema.SHEETS:
        for dv in sheet_of(workbook, sheet).data_validations.dataValidation:
            for cells in str(dv.sqref).split():
                letter = cells.split(":")[0].rstrip("0123456789")
                keys = [col.key for col in schema.COLUMNS[sheet]]
                found.add((sheet, keys[openpyxl.utils.column_index_from_string(letter) - 1]))
    assert found == expected


def test_list_formula_rejects_what_excel_cannot_take() -> None:
    assert template.list_formula(["a", "b"]) == '"a,b"'
    with pytest.raises(ValueError):
        template.list_formula(["Netzwerke, Plattformen"])
    with pytest.raises(ValueError):
        template.list_formula(["x" * 20] * 13)


# --- example rows -----------------------------------------------------------------------------


def test_example_partners(workbook: openpyxl.Workbook) -> None:
    rows = rows_as_dicts(sheet_of(workbook, "partners"), "partners")
    assert [row["name"] for row in rows] == ["Beispiel: Stadtbibliothek Soest",
                                             "Beispiel: Hochschule Hamm-Lippstadt"]
    library, university = rows
    assert (library["categories"], library["type"], library["place"], library["reach"],
            library["since"]) == ("Kooperation", "Kultur", "Soest", "lokal", 2021)
    assert (university["categories"], university["type"], university["place"],
            university["reach"], university["since"]) == (
        "Forschung; Kooperation", "Hochschule", "Hamm", "regional", 2020)
    for row in rows:
        assert all(row[key] is None for key in schema.PERSONAL_COLUMNS)
        for part in str(row["categories"]).split(";"):
            assert schema.canonical_category(part) in schema.CATEGORIES
        assert row["type"] in schema.TYPE_VALUES
        assert row["reach"] in schema.REACH_VALUES


def test_examples_reference_only_existing_partners(workbook: openpyxl.Workbook) -> None:
    partners = {schema.normalize_name(row["name"])
                for row in rows_as_dicts(sheet_of(workbook, "partners"), "partners")}
    referenced: list[str] = []
    relations = rows_as_dicts(sheet_of(workbook, "relations"), "relations")
    assert len(relations) == 1
    referenced += [relations[0]["source"], relations[0]["target"]]
    for sheet in ("activities", "programmes"):
        rows = rows_as_dicts(sheet_of(workbook, sheet), sheet)
        assert len(rows) == 1
        referenced += str(rows[0]["participants"]).split(";")
    assert referenced
    assert {schema.normalize_name(name) for name in referenced} <= partners


def test_example_relation_and_activity(workbook: openpyxl.Workbook) -> None:
    (relation,) = rows_as_dicts(sheet_of(workbook, "relations"), "relations")
    assert (relation["kind"], relation["strength"], relation["since"]) == (
        "Projektpartner", 3, 2022)
    assert relation["source"] != relation["target"]
    (activity,) = rows_as_dicts(sheet_of(workbook, "activities"), "activities")
    assert isinstance(activity["date"], dt.datetime)
    assert activity["status"] == "in Planung"
    assert activity["area"] == "Stadtgesellschaft"
    assert len(str(activity["participants"]).split("; ")) == 2


@pytest.mark.parametrize("sheet", ["partners", "relations", "activities", "programmes"])
def test_example_rows_are_grey_italic(workbook: openpyxl.Workbook, sheet: str) -> None:
    ws = sheet_of(workbook, sheet)
    cells = [cell for row in ws.iter_rows(min_row=2) for cell in row if cell.value is not None]
    assert cells
    for cell in cells:
        assert cell.font.italic
        assert cell.font.color is not None and cell.font.color.rgb.endswith("808080")


def test_settings_rows(workbook: openpyxl.Workbook) -> None:
    rows = rows_as_dicts(sheet_of(workbook, "settings"), "settings")
    values = {row["key"]: row["value"] for row in rows}
    assert list(values) == ["Eigene Organisation", "Titel", "Datenstand"]
    assert values["Eigene Organisation"] == schema.OWN_ORGANISATION_DEFAULT
    assert values["Titel"]
    assert isinstance(values["Datenstand"], dt.datetime)
    assert [schema.canonical_setting(key) for key in values] == [
        "own_organisation", "title", "data_date"]


# --- the guide --------------------------------------------------------------------------------


def guide_text(path: Path) -> str:
    ws = openpyxl.load_workbook(path)[GUIDE_SHEET]
    return "\n".join(str(value) for row in ws.iter_rows(values_only=True)
                     for value in row if value is not None)


def test_guide_explains_sheets_rules_and_every_column(template_path: Path) -> None:
    text = guide_text(template_path)
    for sheet, (name, _aliases) in schema.SHEETS.items():
        assert name in text
        for col in schema.COLUMNS[sheet]:
            assert col.header in text
            assert column_explanation(sheet, col.key) in text
    assert "Austausch; Forschung" in text
    assert "Semikolon" in text
    assert "genau so" in text
    assert "Beispiel" in text and "grau" in text
    assert PERSONAL_NOTE in text
    assert "Pflicht" in text


def test_guide_is_readable(workbook: openpyxl.Workbook) -> None:
    ws = workbook[GUIDE_SHEET]
    assert ws.column_dimensions["B"].width >= 60
    long_cells = [cell for row in ws.iter_rows() for cell in row
                  if isinstance(cell.value, str) and len(cell.value) > 100]
    assert long_cells
    for cell in long_cells:
        assert cell.alignment.wrap_text
        assert ws.row_dimensions[cell.row].height > 15


def test_english_guide_keeps_german_sheets_and_headers(tmp_path: Path) -> None:
    path = write_template(tmp_path / "template-en.xlsx", lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == EXPECTED_SHEETS
    for sheet in schema.SHEETS:
        assert [cell.value for cell in sheet_of(wb, sheet)[1]] == [
            col.header for col in schema.COLUMNS[sheet]]
    text = guide_text(path)
    assert "Required" in text and "Personal data" in text
    assert "Pflichtangaben" not in text
    for sheet, columns in schema.COLUMNS.items():
        for col in columns:
            assert column_explanation(sheet, col.key, "en") in text
            comment = sheet_of(wb, sheet)[1][columns.index(col)].comment.text
            assert comment.startswith(column_explanation(sheet, col.key, "en"))


def test_english_template_speaks_english_beyond_the_file_format(tmp_path: Path) -> None:
    """Header comments, Excel's input help and error messages, the notes: English; the
    sheet names, headers, list values and example rows are the German file format (data)."""
    path = write_template(tmp_path / "template-en.xlsx", lang="en")
    wb = openpyxl.load_workbook(path)
    data = {name for name, _aliases in schema.SHEETS.values()} | {GUIDE_SHEET}
    data |= {col.header for columns in schema.COLUMNS.values() for col in columns}
    data |= {*schema.CATEGORIES, *schema.TYPE_VALUES, *schema.REACH_VALUES,
             *schema.STATUS_VALUES, *schema.AREA_VALUES, "Eigene Organisation", "Partner A",
             "Partner B", "Partner", "Digitale Modellregion", "Thema", "stadtLABOR Partnernetz"}
    texts = []
    for sheet in schema.SHEETS:
        ws = sheet_of(wb, sheet)
        texts += [cell.comment.text for cell in ws[1]]
        for dv in ws.data_validations.dataValidation:
            texts += [dv.prompt or "", dv.error or "", dv.errorTitle or ""]
        texts += [row["note"] for row in rows_as_dicts(ws, sheet) if row.get("note")]
    texts.append(guide_text(path))
    for text in texts:
        assert not english.german_words(text, data), text
        assert not english.decimal_commas(text, data), text
    settings = rows_as_dicts(sheet_of(wb, "settings"), "settings")
    assert settings[1]["value"] == "Partner network stadtLABOR Soest"


def test_unknown_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_template(tmp_path / "x.xlsx", lang="fr")
    assert list(tmp_path.iterdir()) == []


# --- writing ----------------------------------------------------------------------------------


def test_missing_folder_raises_and_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "fehlt" / "vorlage.xlsx"
    with pytest.raises(FileNotFoundError):
        write_template(target)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_writing_twice_over_the_same_path(tmp_path: Path) -> None:
    target = tmp_path / "vorlage.xlsx"
    write_template(target)
    write_template(target)
    assert openpyxl.load_workbook(target).sheetnames == EXPECTED_SHEETS
    assert [p.name for p in tmp_path.iterdir()] == ["vorlage.xlsx"]


def test_failed_save_keeps_the_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "vorlage.xlsx"
    target.write_bytes(b"old content")

    def broken_save(self: openpyxl.Workbook, filename: object) -> None:
        Path(filename).write_bytes(b"half a zip")  # type: ignore[arg-type]
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OSError, match="disk full"):
        write_template(target)
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["vorlage.xlsx"]
