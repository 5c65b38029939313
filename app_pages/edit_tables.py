"""The tables of the "Bearbeiten" page as its grids show them (pure: no Streamlit).

A grid (``st.data_editor``) shows a table's fields under the file's headers, in plain types it
can edit (text, whole numbers, lists of text), and the Excel row; :func:`with_typed` is what a
grid returns for the edits typed into it, so the page can fold them into the workbook at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

import network_app as na
from network_app.workbook import schema
from network_app.workspace import editing
from network_app.workspace.editing import FIELD_HEADERS, KINDS, editable, headers

__all__ = ["KINDS", "LIST_FIELDS", "VOCABULARIES", "YEAR_FIELDS", "editor_frame", "fields",
           "headers", "missing", "options", "with_typed"]

#: Fields that hold a list of values (one cell in the file, with a separator there).
LIST_FIELDS = {name for kind in editing.LIST_FIELDS.values() for name in kind}
YEAR_FIELDS = {"since", "until"}
#: Fixed vocabularies (the template's dropdowns): field → allowed values, per table.
VOCABULARIES: dict[str, dict[str, tuple[str, ...]]] = {
    "partners": {"type": schema.TYPE_VALUES, "reach": schema.REACH_VALUES},
    "activities": {"status": schema.STATUS_VALUES, "area": schema.AREA_VALUES},
}


def fields(data: na.PartnerData, kind: str, personal: bool) -> list[str]:
    """The fields of ``kind`` that the file has a column for, in the file's order (all the
    known ones for a table the file does not have yet); personal columns only when
    ``personal``. None for a table that cannot be edited (a matrix, an edge list without
    headers)."""
    if not editable(data, kind):
        return []
    known = data.columns.get(kind) or FIELD_HEADERS[kind]
    found = [f for f in known if f in getattr(data, kind).columns]
    if not personal:
        found = [f for f in found if f not in schema.PERSONAL_COLUMNS]
    return found


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [] if missing(value) else [str(value)]


def missing(value: Any) -> bool:
    """None, NaN or pandas' NA (a list is a value, never missing)."""
    return value is None or (not isinstance(value, list | tuple) and bool(pd.isna(value)))


def editor_frame(data: na.PartnerData, kind: str, columns: list[str]) -> pd.DataFrame:
    """The table ``kind`` as its editor shows it: the fields ``columns`` (plain types the
    editor can change: text, whole numbers, lists of text) and the Excel row ("row").

    A table the file has no sheet for starts empty: its rows were worked out from other
    sheets (the partners of an edge list) and have no row of their own to write into."""
    table: pd.DataFrame = getattr(data, kind)
    if kind not in data.sheets:
        table = table.iloc[0:0]
    frame = pd.DataFrame(index=range(len(table)))
    for column in columns:
        values = table[column].reset_index(drop=True)
        if column in LIST_FIELDS:
            frame[column] = values.map(_as_list)
        elif column in YEAR_FIELDS or (kind == "relations" and column == "weight"):
            frame[column] = pd.to_numeric(values, errors="coerce").astype("Float64")
            if frame[column].dropna().map(float.is_integer).all():
                frame[column] = frame[column].astype("Int64")
        elif values.dtype.kind in "iufb":
            frame[column] = values
        else:
            frame[column] = values.map(lambda v: None if missing(v) else str(v)
                                       ).astype("string")
    frame["row"] = table["row"].reset_index(drop=True).astype("Int64")
    return frame


def options(kind: str, column: str, frame: pd.DataFrame, data: na.PartnerData
             ) -> list[str] | None:
    """The dropdown's choices of a field, or None for free text. The values already in the
    file come along, so a cell the template would not offer still shows what it holds."""
    if kind == "partners" and column == "categories":
        fixed: Iterable[str] = schema.CATEGORIES
    elif column in VOCABULARIES.get(kind, {}):
        fixed = VOCABULARIES[kind][column]
    elif column in ("source", "target", "participants"):
        fixed = sorted(data.partners["name"].dropna().astype(str), key=schema.name_key)
    else:
        return None
    values = list(dict.fromkeys(fixed))
    present = frame[column].explode() if column in LIST_FIELDS else frame[column]
    values += sorted({str(v) for v in present.dropna()} - set(values), key=schema.name_key)
    return values


def with_typed(before: pd.DataFrame, typed: Mapping[str, Any]) -> pd.DataFrame:
    """``before`` with a grid's edit state applied: cells edited (by row position), rows
    deleted, rows added at the end (what ``st.data_editor`` returns for that state)."""
    rows = before.to_dict("records")
    for position, cells in (typed.get("edited_rows") or {}).items():
        rows[int(position)].update(cells)
    deleted = {int(position) for position in typed.get("deleted_rows") or []}
    kept = [row for position, row in enumerate(rows) if position not in deleted]
    blank: dict[Any, Any] = dict.fromkeys(before.columns)
    kept += [{**blank, **added} for added in typed.get("added_rows") or []]
    return pd.DataFrame(kept, columns=before.columns)
