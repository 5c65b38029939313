"""Editing: what a user changes in the app, as changes to cells of the workbook file.

An edit is described in the file's own terms, so it can be written back into the workbook
without touching anything else (:mod:`network_app.workspace.saving`): a :class:`Changes` holds
cell edits (sheet, Excel row, column header, new value), new rows per sheet and rows to delete.
The operations here are pure: they read :class:`~network_app.workbook.validation.PartnerData`
(which knows the header of each field and the Excel row of each record, see its ``columns``,
``header_rows`` and ``row``) and return Changes; nothing is written until
:func:`~network_app.workspace.saving.apply_changes`.

::

    table_changes(data, kind, before, after)   what st.data_editor changed in one table
    rename_partner(data, old, new)             the name, and every relation and list naming it
    merge_partners(data, keep, drop, choose)   drop's ties move to keep, drop's row goes
    add_partner(data, values)                  a new row on the partner sheet

The Excel row numbers of a Changes refer to the file the data was loaded from. To make several
edits in a row, apply each to the bytes the previous one produced and load those again
(:func:`~network_app.workspace.saving.edit` does both): rows keep their numbers, since a deleted
row is emptied rather than removed and a new row is added below the table.

>>> import pandas as pd
>>> from network_app.workbook.validation import PartnerData
>>> partners = pd.DataFrame({"name": ["Stadt Soest", "FH"], "place": ["Soest", None],
...                          "row": [2, 3]})
>>> data = PartnerData(partners, pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), {},
...                    sheets={"partners": "Partner"}, header_rows={"partners": 1},
...                    columns={"partners": {"name": "Name", "place": "Ort"}})
>>> after = partners.copy()
>>> after.loc[1, "place"] = "Soest"
>>> changes = table_changes(data, "partners", partners, after)
>>> changes.edits
[CellEdit(sheet='Partner', row=3, header='Ort', value='Soest')]
>>> changes.describe()
'Partner »FH« geändert (Ort).'
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import pandas as pd

from ..errors import NetworkAppError
from ..text import join_list, say
from ..workbook import schema
from ..workbook.validation import PartnerData
from . import store

__all__ = [
    "EVERY_ROW",
    "FIELD_HEADERS",
    "KINDS",
    "LIST_FIELDS",
    "CellEdit",
    "Changes",
    "FromRow",
    "NameSwap",
    "Note",
    "add_partner",
    "cell_value",
    "check_names_editable",
    "editable",
    "headers",
    "merge_partners",
    "rename_partner",
    "table_changes",
]

#: The tables a user edits, by the key PartnerData and its ``sheets`` use (defined in the
#: store, which counts them for each version without loading pandas).
KINDS = store.KINDS

#: The fields of each table that live in a column of their own, and the German header a new
#: column gets when the file has none yet (the relations' ``weight`` is the Stärke column).
FIELD_HEADERS: dict[str, dict[str, str]] = {
    kind: {("weight" if kind == "relations" and c.key == "strength" else c.key): c.header
           for c in schema.COLUMNS[kind]}
    for kind in KINDS
}

#: Fields holding several entries in one cell, and the separator a new cell gets.
LIST_FIELDS: dict[str, dict[str, str]] = {
    "partners": {"categories": ", "},
    "activities": {"participants": "; "},
    "programmes": {"participants": "; "},
}


class FromRow(NamedTuple):
    """A cell value taken as it is in the file from another row of the same column (a merge
    keeps the number format and type of the value it keeps)."""

    row: int


class CellEdit(NamedTuple):
    """One cell to write: ``value`` None empties it, a :class:`FromRow` copies a cell."""

    sheet: str
    row: int
    header: str
    value: Any


#: The row of a :class:`NameSwap` that stands for every row of its table below the header.
EVERY_ROW = 0


class NameSwap(NamedTuple):
    """A partner's name replaced where a cell names it, the rest of the cell as it was;
    ``row`` :data:`EVERY_ROW` for the whole column below the header.

    ``old`` holds every spelling that names the partner (its name, its id); compared as names
    are (:func:`~network_app.workbook.schema.normalize_name`). In a list cell (``in_list``)
    only the entry is replaced and the separators stay; an entry that would name ``new`` a
    second time is left out.
    """

    sheet: str
    row: int
    header: str
    old: tuple[str, ...]
    new: str
    in_list: bool = False


class Note(NamedTuple):
    """One sentence of :meth:`Changes.describe`: a key of the catalog section
    "workspace.changes" and its parameters."""

    key: str
    params: Mapping[str, Any]


@dataclass
class Changes:
    """Edits to a workbook file, in the file's terms (see the module docstring).

    ``edits`` are applied in order (:class:`CellEdit` and :class:`NameSwap`), then
    ``new_rows`` (sheet → rows, each header → value) are added below each table, then
    ``deleted_rows`` (sheet → Excel rows) are emptied. ``header_rows`` says where each sheet's
    header is (sheet → Excel row); a sheet not in the file is made with its header in row 1.
    """

    edits: list[CellEdit | NameSwap] = field(default_factory=list)
    new_rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    deleted_rows: dict[str, list[int]] = field(default_factory=dict)
    header_rows: dict[str, int] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.edits or any(self.new_rows.values())
                    or any(self.deleted_rows.values()))

    def __add__(self, other: Changes) -> Changes:
        """Both changes, this one's first (for edits to different rows of one file)."""
        new_rows = {sheet: list(rows) for sheet, rows in self.new_rows.items()}
        for sheet, rows in other.new_rows.items():
            new_rows.setdefault(sheet, []).extend(rows)
        deleted = {sheet: list(numbers) for sheet, numbers in self.deleted_rows.items()}
        for sheet, numbers in other.deleted_rows.items():
            deleted.setdefault(sheet, []).extend(n for n in numbers if n not in deleted[sheet])
        return Changes([*self.edits, *other.edits], new_rows, deleted,
                       {**self.header_rows, **other.header_rows},
                       [*self.notes, *other.notes])

    def sentences(self, lang: str = "de") -> list[str]:
        """What changed, one short plain sentence per operation."""
        return [say(f"workspace.changes.{note.key}", lang, **_shown(note.params, lang))
                for note in self.notes]

    def describe(self, lang: str = "de") -> str:
        """What changed in a few plain sentences ("Partner »X« umbenannt in »Y«.")."""
        return " ".join(self.sentences(lang))


def _shown(params: Mapping[str, Any], lang: str) -> dict[str, Any]:
    shown = dict(params)
    if isinstance(shown.get("fields"), list):
        shown["fields"] = join_list(shown["fields"], lang)
    return shown


# --------------------------------------------------------------------------- where fields live


def editable(data: PartnerData, kind: str) -> bool:
    """Whether ``kind``'s table can be edited: it was read under a header row, or the file has
    no such table yet (the first row makes it). A matrix or an edge list without headers
    cannot say which cell a field is."""
    return kind in data.columns or kind not in data.sheets


def check_names_editable(data: PartnerData) -> None:
    """Raise :class:`~network_app.errors.NetworkAppError` when partners cannot be renamed or
    merged in this file: it has no partner sheet (the partners were worked out from the
    relations), or a table naming partners cannot be written cell by cell (an adjacency
    matrix or an edge list without headers). A rename there would leave the old name in the
    ties (they would name a partner that is gone), a merge would empty a matrix row."""
    if "partners" not in data.sheets:
        raise NetworkAppError("names_no_partner_sheet")
    for kind in ("relations", "activities", "programmes"):
        if not editable(data, kind):
            raise NetworkAppError("names_not_editable", sheet=data.sheets[kind])


def _sheet(data: PartnerData, kind: str) -> str:
    return data.sheets.get(kind) or schema.SHEETS[kind][0]


def headers(data: PartnerData, kind: str) -> dict[str, str]:
    """Field → header for ``kind``: the file's headers, then the German header a new column
    would get."""
    return {**FIELD_HEADERS[kind], **data.columns.get(kind, {})}


def _headers(data: PartnerData, kind: str) -> dict[str, str]:
    """:func:`headers`, for writing: refused for a table without a header row."""
    if not editable(data, kind):
        raise ValueError(f"the table {kind!r} has no header row to write under")
    return headers(data, kind)


def _start(data: PartnerData, *kinds: str) -> Changes:
    changes = Changes()
    for kind in kinds:
        if kind in data.header_rows:
            changes.header_rows[_sheet(data, kind)] = data.header_rows[kind]
    return changes


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def cell_value(kind: str, name: str, value: Any) -> Any:
    """A field's value as a cell holds it: lists joined, numpy numbers plain, empty → None.

    >>> cell_value("activities", "participants", ["A", "B"])
    'A; B'
    >>> cell_value("partners", "since", 2019.0), cell_value("partners", "note", "  ")
    (2019, None)
    """
    if isinstance(value, list | tuple):
        parts = [str(v).strip() for v in value if not _missing(v)]
        return LIST_FIELDS.get(kind, {}).get(name, "; ").join(parts) or None
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
        if isinstance(value, list):
            return cell_value(kind, name, value)
    if _missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, float) and value.is_integer() and name in ("since", "until"):
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _same(first: Any, second: Any, kind: str = "", name: str = "") -> bool:
    """Whether two values of a field would make the same cell (an empty list is an empty cell,
    2019 is 2019.0, a list is its entries).

    >>> _same([], None), _same(2019, 2019.0), _same(["A", "B"], ["A", "C"])
    (True, True, False)
    """
    first, second = cell_value(kind, name, first), cell_value(kind, name, second)
    if first is None or second is None:
        return first is None and second is None
    numbers = (int, float)
    if isinstance(first, numbers) and isinstance(second, numbers):
        return float(first) == float(second)
    if isinstance(first, dt.date) or isinstance(second, dt.date):
        return str(first)[:10] == str(second)[:10]
    return str(first) == str(second)


# --------------------------------------------------------------------------- the editor's tables


def _row_number(value: Any) -> int | None:
    if _missing(value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _label(kind: str, record: Mapping[str, Any]) -> str:
    """How a row is named in a sentence: its name, or a relation's two ends."""
    if kind == "relations":
        return f"{record.get('source') or '–'} – {record.get('target') or '–'}"
    return str(record.get("name") or "–")


def table_changes(data: PartnerData, kind: str, before: pd.DataFrame,
                  after: pd.DataFrame) -> Changes:
    """What the user changed in one table (the result of ``st.data_editor``).

    ``before`` and ``after`` are display frames: the fields of ``kind`` (its frame's column
    names) and ``row``, the Excel row. Rows are matched by ``row``: a row of ``after`` without
    one is new, a row of ``before`` missing in ``after`` is deleted. Columns the file has no
    place for (``category``, ``strength``, ``year``, anything the page adds) are not written.
    """
    headers = _headers(data, kind)
    sheet = _sheet(data, kind)
    changes = _start(data, kind)
    fields = [c for c in after.columns if c in headers]
    old_rows: dict[int, dict[str, Any]] = {
        r: {str(k): v for k, v in rec.items()} for rec in before.to_dict("records")
        if (r := _row_number(rec.get("row"))) is not None}
    kept: set[int] = set()
    changed: list[tuple[str, list[str]]] = []
    added: list[str] = []
    for raw in after.to_dict("records"):
        record = {str(k): v for k, v in raw.items()}
        row = _row_number(record.get("row"))
        if row is None or row not in old_rows:
            values = {headers[f]: v for f in fields
                      if (v := cell_value(kind, f, record.get(f))) is not None}
            if values:
                changes.new_rows.setdefault(sheet, []).append(values)
                added.append(_label(kind, record))
            continue
        kept.add(row)
        old = old_rows[row]
        edited = [f for f in fields if not _same(old.get(f), record.get(f), kind, f)]
        for name in edited:
            changes.edits.append(CellEdit(sheet, row, headers[name],
                                          cell_value(kind, name, record.get(name))))
        if edited:
            changed.append((_label(kind, old), [headers[f] for f in edited]))
    gone = [r for r in old_rows if r not in kept]
    if gone:
        changes.deleted_rows[sheet] = sorted(gone)
    _count_notes(changes, kind, changed, added, [_label(kind, old_rows[r]) for r in gone])
    return changes


def _count_notes(changes: Changes, kind: str, changed: list[tuple[str, list[str]]],
                 added: list[str], deleted: list[str]) -> None:
    if changed:
        name, headers = changed[0]
        changes.notes.append(Note(f"{kind}_changed", {"count": len(changed), "name": name,
                                                      "fields": headers}))
    if added:
        changes.notes.append(Note(f"{kind}_added", {"count": len(added), "name": added[0]}))
    if deleted:
        changes.notes.append(Note(f"{kind}_deleted", {"count": len(deleted),
                                                      "name": deleted[0]}))


# --------------------------------------------------------------------------- partners


def _partner(data: PartnerData, name: str) -> dict[str, Any]:
    key = schema.normalize_name(name)
    for record in data.records("partners"):
        if schema.normalize_name(record["name"]) == key:
            return record
    raise ValueError(f"no partner named {name!r}")


def _swaps(data: PartnerData, spellings: tuple[str, ...], new: str,
           changes: Changes) -> None:
    """Name swaps over every row of the relations' ends and the participant lists: also rows
    the loader set aside (a doubled relation, an activity without a title) still name the
    partner, and must not be left naming one that is gone."""
    for kind, fields in (("relations", ("source", "target")),
                         ("activities", ("participants",)),
                         ("programmes", ("participants",))):
        headers = data.columns.get(kind, {})
        for name in fields:
            if name in headers:
                changes.edits.append(NameSwap(_sheet(data, kind), EVERY_ROW, headers[name],
                                              spellings, new, in_list=kind != "relations"))


def rename_partner(data: PartnerData, old: str, new: str) -> Changes:
    """Rename the partner ``old`` to ``new`` in its row and wherever relations, activities and
    programmes name it (keeping each list's separators). An id that names it stays: it still
    does. Whether ``new`` is free is for :func:`~network_app.workspace.saving.validate_changes`
    to say, with the loader's words. Refused where the ties cannot follow
    (:func:`check_names_editable`).
    """
    check_names_editable(data)
    record = _partner(data, old)
    new = new.strip()
    changes = _start(data, *KINDS)
    headers = _headers(data, "partners")
    changes.edits.append(CellEdit(_sheet(data, "partners"), record["row"], headers["name"], new))
    _swaps(data, (record["name"],), new, changes)
    changes.notes.append(Note("renamed", {"old": record["name"], "new": new}))
    return changes


def merge_partners(data: PartnerData, keep: str, drop: str,
                   choose: Mapping[str, Literal["keep", "drop"]]) -> Changes:
    """Merge two partners (likely duplicates) into ``keep``.

    ``choose`` says per field whose value stays; a field it leaves out keeps ``keep``'s value,
    unless that is empty and ``drop`` has one (nothing known is lost). A chosen value is
    copied as the file holds it (type and number format). ``drop``'s relations, activities and
    programmes then name ``keep``; a relation between the two, or one ``keep`` already has
    with the same partner and kind, is deleted; ``drop``'s row is deleted. Refused where the
    ties cannot follow (:func:`check_names_editable`).
    """
    check_names_editable(data)
    kept, dropped = _partner(data, keep), _partner(data, drop)
    if kept["row"] == dropped["row"]:
        raise ValueError("a partner cannot be merged with itself")
    sheet = _sheet(data, "partners")
    headers = data.columns.get("partners", {})
    changes = _start(data, *KINDS)
    for name, header in headers.items():
        if name == "name":
            continue
        wanted = choose.get(name)
        take = wanted == "drop" or (
            wanted is None and _missing_field(kept.get(name))
            and not _missing_field(dropped.get(name)))
        if take and not _same(kept.get(name), dropped.get(name), "partners", name):
            changes.edits.append(CellEdit(sheet, kept["row"], header, FromRow(dropped["row"])))
    if choose.get("name") == "drop":  # the kept row takes the other's spelling
        changes.edits.append(CellEdit(sheet, kept["row"], headers["name"],
                                      FromRow(dropped["row"])))
    target = dropped["name"] if choose.get("name") == "drop" else kept["name"]
    spellings = tuple(s for s in (dropped["name"], dropped.get("id")) if s)
    _merge_relations(data, kept["name"], dropped["name"], spellings, target, changes)
    changes.deleted_rows.setdefault(sheet, []).append(dropped["row"])
    changes.notes.append(Note("merged", {"keep": target, "drop": dropped["name"]
                                         if target != dropped["name"] else kept["name"]}))
    return changes


def _missing_field(value: Any) -> bool:
    return _missing(value) or (isinstance(value, list | tuple) and not value)


def _merge_relations(data: PartnerData, keep: str, drop: str, spellings: tuple[str, ...],
                     target: str, changes: Changes) -> None:
    """``drop``'s ties become ``keep``'s; ties that would then be doubled or join the partner
    with itself are deleted. ``target`` is the merged partner's name."""
    sheet = _sheet(data, "relations")
    relations = data.records("relations")

    def pair(record: Mapping[str, Any], ends: tuple[str, str]) -> tuple[Any, ...]:
        first, second = ends if record.get("directed") else tuple(sorted(ends))
        return bool(record.get("directed")), first, second, str(record.get("kind") or "")

    def merged(name: str) -> str:
        return keep if name in (keep, drop) else name

    existing = {pair(r, (r["source"], r["target"])) for r in relations
                if drop not in (r["source"], r["target"])}
    gone = []
    for record in relations:
        if drop not in (record["source"], record["target"]):
            continue
        ends = (merged(record["source"]), merged(record["target"]))
        if ends[0] == ends[1] or pair(record, ends) in existing:
            gone.append(record["row"])
        else:
            existing.add(pair(record, ends))
    if gone:
        changes.deleted_rows.setdefault(sheet, []).extend(gone)  # emptied after the swaps
    _swaps(data, spellings, target, changes)
    if target != keep:  # the kept partner's own ties take the chosen spelling too
        _swaps(data, (keep,), target, changes)


def add_partner(data: PartnerData, values: Mapping[str, Any]) -> Changes:
    """A new partner (field → value, e.g. from the page's form) as a new row of the partner
    sheet; a field the file has no column for gets one under its German header."""
    headers = _headers(data, "partners")
    row = {headers[name]: v for name, value in values.items()
           if name in headers and (v := cell_value("partners", name, value)) is not None}
    changes = _start(data, "partners")
    if row:
        changes.new_rows[_sheet(data, "partners")] = [row]
        changes.notes.append(Note("partners_added", {"count": 1,
                                                     "name": values.get("name") or "–"}))
    return changes
