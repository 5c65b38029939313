"""The xlsx package around what openpyxl writes: saved formula results, and what was lost.

openpyxl rebuilds a workbook's package from its own model. Two things are checked on the
zip archives (the parts and their XML) before and after, for :mod:`.saving`:

* :func:`restore_results`: openpyxl writes a formula without its last result; the result the
  original file saved is put back for every formula that reads no edited cell, so a program
  that does not calculate (our loader, pandas) reads the file as before.
* :func:`lost_content`: what the original holds and the written file no longer does (or what
  openpyxl only rebuilds from the little it models: charts, pictures, shapes, …), as codes of
  the catalog section "workspace.losses".

Both read only archives our loader has vetted (:mod:`network_app.workbook.safety`) or that
openpyxl wrote.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections import Counter
from collections.abc import Mapping
from xml.etree import ElementTree

from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.utils import range_boundaries
from openpyxl.utils.cell import coordinate_to_tuple

from ..text import words
from ..workbook.xlsx_trim import _worksheet_parts

__all__ = ["features", "lost_content", "restore_results"]


# --------------------------------------------------------------------------- formula results

_FORMULA_CELL = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"([^>]*)>(<f(?:\s[^>]*)?>.*?</f>|<f(?:\s[^>]*)?/>)'
    rb"(?:<v\s*/>|<v></v>)?</c>", re.DOTALL)


def _results(data: bytes) -> dict[str, dict[str, tuple[str | None, str]]]:
    """Sheet → cell → (type, saved result) of every formula cell with a saved result."""
    found: dict[str, dict[str, tuple[str | None, str]]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name, part in _worksheet_parts(archive):
            cells: dict[str, tuple[str | None, str]] = {}
            for _, element in ElementTree.iterparse(io.BytesIO(archive.read(part))):
                if element.tag.rsplit("}", 1)[-1] != "c":
                    continue
                children = {child.tag.rsplit("}", 1)[-1]: child for child in element}
                if "f" in children and "v" in children and children["v"].text is not None:
                    cells[element.get("r", "")] = (element.get("t"), children["v"].text)
                element.clear()
            found[name] = cells
    return found


def restore_results(original: bytes, written: bytes, edited: Mapping[str, set[str]]
                     ) -> bytes:
    """``written`` with the saved result of every formula put back (openpyxl writes formulas
    without one), unless the formula was edited or reads a cell that was: its old result
    would be wrong, so it is left for Excel or LibreOffice to calculate on opening (openpyxl
    asks for a full calculation on load), and our loader says it found no saved result."""
    results = _results(original)
    if not any(results.values()):
        return written
    source = zipfile.ZipFile(io.BytesIO(written))
    parts = dict(_worksheet_parts(source))
    replaced: dict[str, bytes] = {}
    for sheet, cells in results.items():
        part = parts.get(sheet)
        if part is None or not cells:
            continue
        skip = edited.get(sheet, set())

        def put_back(match: re.Match[bytes], cells: Mapping[str, tuple[str | None, str]]
                     = cells, skip: set[str] = skip, sheet: str = sheet) -> bytes:
            ref = match.group(1).decode()
            if ref in skip or ref not in cells or _reads_edited(
                    match.group(3), sheet, edited):
                return match.group(0)
            kind, value = cells[ref]
            attributes = re.sub(rb'\st="[^"]*"', b"", match.group(2))
            if kind:
                attributes += b' t="' + kind.encode() + b'"'
            escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            return (b'<c r="' + match.group(1) + b'"' + attributes + b">" + match.group(3)
                    + b"<v>" + escaped.encode() + b"</v></c>")

        replaced[part] = _FORMULA_CELL.sub(put_back, source.read(part))
    return _rewritten(source, replaced)


def _reads_edited(formula: bytes, sheet: str, edited: Mapping[str, set[str]]) -> bool:
    """Whether the formula element ``formula`` (as openpyxl wrote it, on ``sheet``) reads a
    cell in ``edited`` (sheet → references). A name or a reference that cannot be told counts
    as reading one when anything was edited."""
    if not any(edited.values()):
        return False
    text = html.unescape(re.sub(rb"<[^>]*>", b"", formula).decode())
    try:
        tokens = Tokenizer("=" + text).items
    except Exception:  # openpyxl's tokenizer raises plain errors on what it cannot read
        return True
    for token in tokens:
        if token.type != Token.OPERAND or token.subtype != Token.RANGE:
            continue
        where, _, ref = token.value.rpartition("!")
        target = where.strip("'").replace("''", "'") if where else sheet
        cells = edited.get(target)
        if not cells:
            continue
        try:
            low_col, low_row, high_col, high_row = range_boundaries(ref.replace("$", ""))
        except (ValueError, TypeError):
            return True  # a defined name: where it points is not worth working out here
        for coordinate in cells:
            row, column = coordinate_to_tuple(coordinate)
            if ((low_row is None or low_row <= row <= (high_row or row))
                    and (low_col is None or low_col <= column <= (high_col or column))):
                return True
    return False


def _rewritten(source: zipfile.ZipFile, replaced: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, replaced.get(info.filename, source.read(info.filename)))
    return buffer.getvalue()


# --------------------------------------------------------------------------- what would be lost

#: Parts of a workbook package by what they hold (first matching prefix or pattern).
_PART_KINDS: tuple[tuple[str, str], ...] = (
    ("xl/charts/chart", "chart"),
    ("xl/media/", "image"),
    ("xl/pivotTables/", "pivot"),
    ("xl/pivotCache/", "pivot"),
    ("xl/slicers/", "slicer"),
    ("xl/slicerCaches/", "slicer"),
    ("xl/timelines/", "slicer"),
    ("xl/timelineCaches/", "slicer"),
    ("xl/threadedComments/", "threaded_comment"),
    ("xl/ctrlProps/", "control"),
    ("xl/activeX/", "control"),
    ("xl/vbaProject.bin", "macro"),
    ("xl/externalLinks/externalLink", "external_link"),
    ("xl/connections.xml", "connection"),
    ("xl/queryTables/", "connection"),
    ("xl/chartsheets/sheet", "sheet_kind"),
    ("xl/dialogsheets/", "sheet_kind"),
    ("xl/macrosheets/", "sheet_kind"),
    ("xl/tables/table", "table"),
)
#: Elements counted in every worksheet (local names; rules, not the conditional formatting
#: elements openpyxl groups by range): a standard feature openpyxl keeps, and
#: ``ext``, the extension lists of newer Excel versions (x14 drop-down lists, data bars,
#: sparklines, slicer lists), which it drops.
_SHEET_ELEMENTS = {"dataValidation": "extension", "cfRule": "extension",
                   "ext": "extension", "mergeCell": "merge", "hyperlink": "hyperlink",
                   "sparklineGroup": "extension", "oleObject": "control", "control": "control"}
_DRAWING_ELEMENTS = {"sp": "shape", "cxnSp": "shape", "pic": "image",
                     "graphicFrame": "chart", "grpSp": "shape"}


def features(data: bytes) -> Counter[str]:
    """How many of each thing openpyxl might drop the package holds."""
    found: Counter[str] = Counter()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        for name in names:
            kind = next((k for prefix, k in _PART_KINDS if name.startswith(prefix)), None)
            if kind is not None:
                found[kind] += 1
            if name.startswith("xl/drawings/drawing") and name.endswith(".xml"):
                found.update(_count(archive.read(name), _DRAWING_ELEMENTS))
            elif name.startswith("xl/comments") and name.endswith(".xml"):
                found.update(_count(archive.read(name), {"comment": "comment"}))
        for _, part in _worksheet_parts(archive):
            found.update(_count(archive.read(part), _SHEET_ELEMENTS))
        if "xl/workbook.xml" in names:
            for element in ElementTree.fromstring(archive.read("xl/workbook.xml")).iter():
                if element.tag.rsplit("}", 1)[-1] == "definedName" and not (
                        element.get("name", "").startswith("_xlnm._FilterDatabase")):
                    found["defined_name"] += 1
    return found


def _count(xml: bytes, wanted: Mapping[str, str]) -> Counter[str]:
    found: Counter[str] = Counter()
    for _, element in ElementTree.iterparse(io.BytesIO(xml)):
        kind = wanted.get(element.tag.rsplit("}", 1)[-1])
        if kind is not None:
            found[kind] += 1
    return found


#: What openpyxl drops or rebuilds from the little of it that it models (a chart loses its
#: style and colour parts, a picture its cropping and effects, a shape is dropped): refused
#: whenever the file has one, whatever the counts say.
_REWRITTEN = frozenset({"chart", "image", "shape", "pivot", "slicer", "threaded_comment",
                        "control"})
#: Features that may shrink on purpose: a deleted row loses its link (comments and merged
#: blocks are counted against the ones let go of).
_MAY_SHRINK = {"hyperlink"}


def lost_content(original: bytes, written: bytes, removed: Counter[str]
          ) -> tuple[list[str], list[str]]:
    """The kinds of content ``written`` lacks against ``original`` (catalog codes), and for
    "other" the feature names. ``removed`` counts what the edits let go of on purpose (the
    comment of a deleted row, a merged block a single row of which was edited)."""
    before, after = features(original), features(written)
    after.update(removed)
    missing = [kind for kind, count in before.items()
               if kind in _REWRITTEN or (kind not in _MAY_SHRINK and after[kind] < count)]
    known = set(words("workspace.losses", "de"))
    lost = [kind if kind in known else "other" for kind in sorted(missing)]
    return sorted(set(lost), key=lost.index), [k for k in missing if k not in known]
