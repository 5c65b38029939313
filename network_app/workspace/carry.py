"""Carrying edits over to a newer file: a save refused because a colleague saved first.

Two sessions edit the same workbook; the first save wins, the second is refused
(:class:`~network_app.errors.ChangedOnDisk`) and keeps its edits as the steps it made
(:class:`~network_app.workspace.editing.Changes`, each counted on the file the one before made).
:func:`carry_over` replays those steps on the newer file, but only where that is safe: every row
a step touches must still be the same row there (the same partner, the same relation, the same
activity or programme), every cell it writes must still hold what this session saw, or
already what it wants, and every row it deletes must still be as this session saw it.
Otherwise nothing is carried and the rows in question are named (:class:`Conflict`), so the
user redoes those edits by hand. Rows never move when the app saves
(a deleted row is emptied, a new one goes below the table), so the same row number is the same
row unless someone changed the file in Excel, which the identity check catches.

:func:`carry_and_save` does the whole way out in one go: it reads the workspace's newest
workbook, carries the steps over and saves the result with that workbook's fingerprint as the
one expected, so a save that came in between (yet another colleague) is refused again
(:class:`~network_app.errors.ChangedOnDisk`) instead of being overwritten.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import NetworkAppError
from ..workbook import schema
from ..workbook.loading import load_workbook
from ..workbook.validation import PartnerData
from .editing import EVERY_ROW, Changes, FromRow, NameSwap, cell_value
from .saving import WouldLoseContent, apply_changes

if TYPE_CHECKING:
    from .store import Current, Workspace

__all__ = ["Carried", "CarriedSave", "Conflict", "carry_and_save", "carry_over"]


class Conflict(NamedTuple):
    """A row (and, for a cell, its column's header) that cannot be carried over safely."""

    sheet: str
    row: int
    header: str = ""


@dataclass(frozen=True)
class Carried:
    """The newer file with the edits carried over (``content`` None when they conflict).

    ``losses`` and ``parts``: what writing the edits into the newer file loses of it (codes and
    parts of :class:`~network_app.workspace.saving.WouldLoseContent`, e.g. a chart), for the
    user to agree to before saving, as for any edit.
    """

    content: bytes | None
    filename: str
    conflicts: list[Conflict] = field(default_factory=list)
    losses: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()


def carry_over(base: bytes, base_name: str, steps: Iterable[Changes], newer: bytes,
               newer_name: str, **load_kw: Any) -> Carried:
    """Replay ``steps`` (made on ``base``) on ``newer``; see the module docstring."""
    old_content, old_name = base, base_name
    new_content, new_name = newer, newer_name
    losses: dict[str, None] = {}
    parts: dict[str, None] = {}
    for step in steps:
        old = load_workbook(old_content, filename=old_name, **load_kw)
        new = load_workbook(new_content, filename=new_name, **load_kw)
        conflicts = conflicts_of(old, new, step)
        if conflicts:
            return Carried(None, newer_name, conflicts)
        try:
            new_content, new_name = _written(new_content, new_name, step, losses, parts)
        except NetworkAppError as error:
            if error.code != "save_sheet_gone":
                raise
            # a sheet the newer file no longer has
            return Carried(None, newer_name, [Conflict(str(error.params["sheet"]), 0)])
        old_content, old_name = apply_changes(old_content, old_name, step, allow_losses=True)
    return Carried(new_content, new_name, losses=tuple(losses), parts=tuple(parts))


@dataclass(frozen=True)
class CarriedSave:
    """What :func:`carry_and_save` did: the newest workbook it read (``newer``, its bytes
    ``newer_content``), the edits carried over to it, and the saved workbook (``saved``; None
    when nothing was saved: the edits conflict, or writing them loses content of the newer
    file that the caller did not agree to lose)."""

    newer: Current
    newer_content: bytes
    carried: Carried
    saved: Current | None = None


def carry_and_save(workspace: Workspace, base: bytes, base_name: str, steps: Iterable[Changes],
                   *, note: str = "", who: str = "", login: str = "",
                   allow_losses: bool = False, **load_kw: Any) -> CarriedSave:
    """Carry ``steps`` (made on ``base``) over to the workspace's newest workbook and save the
    result in one go (a version with reason "edit").

    Saves nothing when a row or cell the steps touch was changed in the newer file too
    (:attr:`Carried.conflicts`), nor when writing them loses content of the newer file (a
    chart) and ``allow_losses`` is False. Raises :class:`~network_app.errors.ChangedOnDisk`,
    writing nothing, when yet another workbook was saved after the newest one was read: the
    caller carries over again.
    """
    steps = list(steps)
    newer, content = workspace.open_current()
    carried = carry_over(base, base_name, steps, content, newer.name, **load_kw)
    if carried.content is None or (carried.losses and not allow_losses):
        return CarriedSave(newer, content, carried)
    saved = workspace.replace(carried.content, carried.filename, reason="edit", note=note,
                              who=who, login=login, expected=newer.fingerprint)
    return CarriedSave(newer, content, carried, saved)


def _written(content: bytes, name: str, step: Changes, losses: dict[str, None],
             parts: dict[str, None]) -> tuple[bytes, str]:
    """``step`` written into the file; what that loses is added to ``losses`` and ``parts``."""
    try:
        return apply_changes(content, name, step)
    except WouldLoseContent as lost:
        losses.update(dict.fromkeys(lost.losses))
        parts.update(dict.fromkeys(lost.parts))
        return apply_changes(content, name, step, allow_losses=True)


def conflicts_of(old: PartnerData, new: PartnerData, step: Changes) -> list[Conflict]:
    """The rows and cells of ``step`` (made on ``old``) that ``new`` no longer has as they
    were."""
    kinds = {sheet: kind for kind, sheet in old.sheets.items()}
    found: list[Conflict] = []

    def same_row(sheet: str, row: int) -> tuple[str, dict, dict] | None:
        kind = kinds.get(sheet)
        if kind is None or new.sheets.get(kind) != sheet:
            return None
        before, after = _rows(old, kind).get(row), _rows(new, kind).get(row)
        if before is None or after is None or _identity(kind, before) != _identity(kind,
                                                                                   after):
            return None
        return kind, before, after

    for edit in step.edits:
        if isinstance(edit, NameSwap) and edit.row == EVERY_ROW:
            continue  # a name replaced wherever a cell still names it: safe on any file
        rows = same_row(edit.sheet, edit.row)
        if rows is None:
            found.append(Conflict(edit.sheet, edit.row, edit.header))
            continue
        if isinstance(edit, NameSwap):
            continue  # only the name in the cell changes; the rest stays the newer file's
        kind, before, after = rows
        name = {h: f for f, h in old.columns.get(kind, {}).items()}.get(edit.header)
        if name is None:
            continue  # a column the table does not read: nobody else sees it either
        wanted = edit.value
        if isinstance(edit.value, FromRow):
            source = same_row(edit.sheet, edit.value.row)
            if source is None or _value(kind, name, source[1]) != _value(kind, name,
                                                                         source[2]):
                found.append(Conflict(edit.sheet, edit.value.row, edit.header))
                continue
            wanted = source[1].get(name)
        theirs = _value(kind, name, after)
        if theirs != _value(kind, name, before) and theirs != _plain(kind, name, wanted):
            found.append(Conflict(edit.sheet, edit.row, edit.header))
    for sheet, numbers in step.deleted_rows.items():
        for row in numbers:
            rows = same_row(sheet, row)
            # a row the colleague changed is not deleted unseen: any field counts
            if rows is None or any(_value(rows[0], name, rows[1]) != _value(rows[0], name,
                                                                              rows[2])
                                   for name in old.columns.get(rows[0], {})):
                found.append(Conflict(sheet, row))
    return found


def _rows(data: PartnerData, kind: str) -> dict[int, dict[str, Any]]:
    return {int(r["row"]): r for r in data.records(kind) if r.get("row") is not None}


def _identity(kind: str, record: Mapping[str, Any]) -> tuple[str, ...]:
    """What makes a row the same row: a relation's ends and kind, anything else's name."""
    if kind == "relations":
        return tuple(schema.normalize_name(record.get(k) or "")
                     for k in ("source", "target", "kind"))
    return (schema.normalize_name(record.get("name") or ""),)


def _plain(kind: str, name: str, value: Any) -> str:
    shown = cell_value(kind, name, value)
    return "" if shown is None else str(shown)


def _value(kind: str, name: str, record: Mapping[str, Any]) -> str:
    return _plain(kind, name, record.get(name))
