"""Carrying a refused session's edits over to the newer file (network_app.workspace.carry)."""

from __future__ import annotations

import io

import openpyxl
from conftest import write_xlsx
from test_workspace_editor import sheets

import network_app as na
from network_app.workspace.carry import Conflict, carry_over
from network_app.workspace.editing import rename_partner, table_changes
from network_app.workspace.saving import apply_changes


def load(content: bytes, name: str = "Partner.xlsx") -> na.PartnerData:
    return na.load_workbook(content, filename=name)


def set_place(content: bytes, partner: str, place: str):
    """The Changes of typing ``place`` into ``partner``'s Ort cell in the editor's grid."""
    data = load(content)
    before = data.partners[["name", "place", "row"]].copy()
    after = before.copy()
    after.loc[after["name"] == partner, "place"] = place
    return table_changes(data, "partners", before, after)


def places(content: bytes | None) -> dict[str, str]:
    assert content is not None
    return dict(zip(load(content).partners["name"], load(content).partners["place"],
                    strict=True))


def base(tmp_path) -> bytes:
    return write_xlsx(tmp_path / "Partner.xlsx", sheets()).read_bytes()


def test_edits_of_other_rows_are_carried_over(tmp_path):
    original = base(tmp_path)
    newer, _ = apply_changes(original, "Partner.xlsx", set_place(original, "A-Lab", "Köln"))
    first = set_place(original, "B-Uni", "Herne")
    mine, _ = apply_changes(original, "Partner.xlsx", first)
    second = rename_partner(load(mine), "C-Verein", "Verein C")
    carried = carry_over(original, "Partner.xlsx", [first, second], newer, "Partner.xlsx")
    assert carried.conflicts == []
    shown = places(carried.content)
    assert (shown["A-Lab"], shown["B-Uni"], shown["Verein C"]) == ("Köln", "Herne", "Soest")
    assert load(carried.content).activities["participants"][0] == ["A-Lab", "B-Uni",
                                                                   "Verein C"]


def test_a_cell_the_colleague_changed_too_is_a_conflict(tmp_path):
    original = base(tmp_path)
    newer, _ = apply_changes(original, "Partner.xlsx", set_place(original, "B-Uni", "Essen"))
    mine = set_place(original, "B-Uni", "Herne")
    carried = carry_over(original, "Partner.xlsx", [mine], newer, "Partner.xlsx")
    assert carried.content is None
    assert carried.conflicts == [Conflict("Partner", 3, "Ort")]


def test_the_same_value_typed_by_both_is_no_conflict(tmp_path):
    original = base(tmp_path)
    change = set_place(original, "B-Uni", "Herne")
    newer, _ = apply_changes(original, "Partner.xlsx", change)
    carried = carry_over(original, "Partner.xlsx", [change], newer, "Partner.xlsx")
    assert carried.conflicts == [] and places(carried.content)["B-Uni"] == "Herne"


def test_rows_moved_in_excel_are_a_conflict(tmp_path):
    original = base(tmp_path)
    book = openpyxl.load_workbook(io.BytesIO(original))
    book["Partner"].insert_rows(2)  # someone added a row at the top in Excel
    book["Partner"]["A2"] = "Neu e.V."
    buffer = io.BytesIO()
    book.save(buffer)
    mine = set_place(original, "B-Uni", "Herne")
    carried = carry_over(original, "Partner.xlsx", [mine], buffer.getvalue(), "Partner.xlsx")
    assert carried.content is None
    assert carried.conflicts == [Conflict("Partner", 3, "Ort")]


def delete_partner(content: bytes, partner: str):
    """The Changes of deleting ``partner``'s row in the editor's grid."""
    data = load(content)
    before = data.partners[["name", "place", "row"]].copy()
    return table_changes(data, "partners", before, before[before["name"] != partner])


def test_deleting_a_row_the_colleague_changed_is_a_conflict(tmp_path):
    original = base(tmp_path)
    newer, _ = apply_changes(original, "Partner.xlsx", set_place(original, "B-Uni", "Essen"))
    carried = carry_over(original, "Partner.xlsx", [delete_partner(original, "B-Uni")],
                         newer, "Partner.xlsx")
    assert carried.content is None
    assert carried.conflicts == [Conflict("Partner", 3)]
    # a row nobody else touched is deleted on the newer file
    carried = carry_over(original, "Partner.xlsx", [delete_partner(original, "D-Stadt")],
                         newer, "Partner.xlsx")
    assert carried.conflicts == [] and "D-Stadt" not in places(carried.content)
    assert places(carried.content)["B-Uni"] == "Essen"


def with_chart(content: bytes) -> bytes:
    from openpyxl.chart import BarChart, Reference

    book = openpyxl.load_workbook(io.BytesIO(content))
    chart = BarChart()
    chart.add_data(Reference(book["Beziehungen"], min_col=4, min_row=1, max_row=3))
    book["Beziehungen"].add_chart(chart, "G2")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_newer_file_with_a_chart_is_carried_over_and_says_what_saving_loses(tmp_path):
    original = with_chart(base(tmp_path))
    newer, _ = apply_changes(original, "Partner.xlsx", set_place(original, "A-Lab", "Köln"),
                             allow_losses=True)
    newer = with_chart(newer)
    carried = carry_over(original, "Partner.xlsx", [set_place(original, "B-Uni", "Herne")],
                         newer, "Partner.xlsx")
    assert carried.conflicts == [] and carried.losses == ("chart",)
    assert (places(carried.content)["A-Lab"], places(carried.content)["B-Uni"]) == ("Köln",
                                                                                    "Herne")


def test_a_sheet_the_newer_file_no_longer_has_is_a_conflict(tmp_path):
    original = base(tmp_path)
    book = openpyxl.load_workbook(io.BytesIO(original))
    del book["Programme"]  # someone deleted the sheet in Excel
    buffer = io.BytesIO()
    book.save(buffer)
    mine = rename_partner(load(original), "D-Stadt", "Stadt Dortmund")
    carried = carry_over(original, "Partner.xlsx", [mine], buffer.getvalue(), "Partner.xlsx")
    assert carried.content is None
    assert carried.conflicts == [Conflict("Programme", 0)]
