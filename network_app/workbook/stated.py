"""Direction a workbook states outside its relations table.

Some tools say once for the whole network whether its ties point one way, not in a column:

* **NodeXL** writes the per-workbook setting "Graph Directedness" ("Directed" or "Undirected")
  into its hidden helper sheet ``Misc``: the key in one cell, the value in the next one to the
  right. The sheet itself is not read as a table (it is named as another program's helper
  sheet); only this setting is taken from it.
* **Kumu** draws every connection with a direction unless its ``Direction`` column says
  otherwise (Kumu's documentation: "connections are directed by default"). A workbook with the
  sheets ``Elements`` and ``Connections`` is Kumu's export; without a direction column its
  connections are read as directed.

Either way the relations are read so, with one note (a :class:`Problem`) that says where the
direction came from. A direction column in the relations table always wins: then nothing here
applies (:func:`stated_direction` is asked only without one).

>>> from network_app.workbook.reading import RawSheet
>>> misc = RawSheet("Misc", hidden=True, rows=[
...     (1, ["Valid Edge Visibilities", "", "Per-Workbook Setting", "Value"]),
...     (3, ["Skip", "", "Graph Directedness", "Directed"])])
>>> directed, note = stated_direction([misc], "Edges")
>>> directed, note.code, note.sheet, note.row, note.column_letter, note.params
(True, 'nodexl_directed', 'Misc', 3, 'D', {'relations': 'Edges'})
>>> kumu = [RawSheet("Elements"), RawSheet("Connections")]
>>> directed, note = stated_direction(kumu, "Connections")
>>> directed, note.code, note.sheet
(True, 'kumu_directed', 'Connections')
>>> stated_direction([RawSheet("Partner"), RawSheet("Beziehungen")], "Beziehungen") is None
True
"""

from __future__ import annotations

from collections.abc import Sequence

from .problems import WARNING, Problem
from .reading import RawSheet, column_letter
from .schema import DIRECTION_VALUES, normalize_header
from .values import to_text

__all__ = ["is_nodexl_settings", "stated_direction"]

#: NodeXL's helper sheet, and the key of its per-workbook direction setting there.
NODEXL_SETTINGS_SHEET = "misc"
NODEXL_DIRECTION_KEY = "graphdirectedness"
#: The header NodeXL writes above its per-workbook settings (key, then "Value").
NODEXL_SETTINGS_HEADER = "perworkbooksetting"
#: Kumu's export: its two sheets (normalised names); connections are directed by default.
KUMU_SHEETS = frozenset({"elements", "connections"})


def stated_direction(sheets: Sequence[RawSheet], relations_sheet: str
                     ) -> tuple[bool, Problem] | None:
    """Whether the relations in ``relations_sheet`` point one way by what the workbook states
    outside them, and the note that says so; None when it states nothing."""
    for sheet in sheets:
        if normalize_header(sheet.name) == NODEXL_SETTINGS_SHEET:
            found = _nodexl_setting(sheet, relations_sheet)
            if found is not None:
                return found
    names = {normalize_header(sheet.name) for sheet in sheets}
    if KUMU_SHEETS <= names and normalize_header(relations_sheet) == "connections":
        return True, Problem(code="kumu_directed", severity=WARNING, sheet=relations_sheet)
    return None


def is_nodexl_settings(sheet: RawSheet) -> bool:
    """Whether ``sheet`` is NodeXL's settings sheet (a "Per-Workbook Setting" header in its
    first row): a helper sheet of NodeXL's, never a table of ours, however its lists of valid
    values happen to line up ("Label" is one of NodeXL's vertex shapes).

    >>> is_nodexl_settings(RawSheet("Misc", rows=[(1, ["Valid Shapes", "Per-Workbook Setting"])]))
    True
    >>> is_nodexl_settings(RawSheet("Misc", rows=[(1, ["Name", "Kategorie"])]))
    False
    """
    return any(normalize_header(value) == NODEXL_SETTINGS_HEADER
               for _, cells in sheet.rows[:1] for value in cells if to_text(value))


def _nodexl_setting(sheet: RawSheet, relations_sheet: str) -> tuple[bool, Problem] | None:
    """NodeXL's "Graph Directedness" = "Directed"/"Undirected" in ``sheet``, if it is there."""
    for row, cells in sheet.rows:
        for index, value in enumerate(cells[:-1]):
            text = to_text(value)
            if text is None or normalize_header(text) != NODEXL_DIRECTION_KEY:
                continue
            word = to_text(cells[index + 1])
            directed = DIRECTION_VALUES.get(normalize_header(word)) if word else None
            if directed is None:
                return None
            return directed, Problem(
                code="nodexl_directed" if directed else "nodexl_undirected", severity=WARNING,
                sheet=sheet.name, row=row,
                column_letter=column_letter(index + 1), value=word,
                params={"relations": relations_sheet})
    return None
