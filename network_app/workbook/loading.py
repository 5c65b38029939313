"""Loading: the pipeline's front door, from a file (or an upload's bytes) to validated data.

``load_workbook`` runs the stages in order: vet the file (:mod:`.safety`), read its sheets
(:mod:`.reading`), validate them (:mod:`.validation`). A file that cannot be read at all raises
:class:`~network_app.errors.UnreadableFileError`; problems inside the data come back as data.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path, PureWindowsPath
from typing import Literal

from ..collector import paused as _collector_paused
from . import safety
from .reading import read_sheets
from .validation import PartnerData, validate_sheets

__all__ = ["REFUSAL_CODES", "load_workbook"]

#: Every code with which :func:`load_workbook` (and :func:`.isolated.load_isolated`) refuses a
#: file, each a sentence in the catalog section "problems" (German and English). Nothing else
#: leaves the loader: the fuzz tests (tests/test_fuzz.py) hold it to this list.
REFUSAL_CODES = frozenset({
    # the path (safety)
    "file_not_found", "not_a_file", "empty_file", "too_large",
    # the name and the content (safety)
    "unsupported_format", "wrong_content", "encrypted",
    # archives and XML (safety)
    "zip_bomb", "too_many_members", "corrupt_archive", "unsafe_xml",
    # the limits of a sheet (reading, xlsx_trim; network_app.workbook.limits)
    "too_many_cells", "too_many_columns", "too_large_area",
    # time and memory of the child process (isolated)
    "too_costly",
    # too many files read at once, or no child process to be had (isolated)
    "busy",
    # anything else a reader reports, with a detail (catalog section "problems.details")
    "unreadable",
})


def load_workbook(
    source: str | os.PathLike | bytes,
    *,
    filename: str | None = None,
    max_bytes: int = safety.DEFAULT_MAX_BYTES,
    today: dt.date | None = None,
    own_organisation: str | Literal[False] | None = None,
) -> PartnerData:
    """Read and validate a partner workbook (xlsx, xlsm, xls, ods) or text table (csv, tsv, txt,
    edgelist: see :mod:`.reading`).

    ``source`` is a path, or the file's bytes (an upload) together with its ``filename``.
    ``own_organisation`` chooses the hub: None as the workbook says, a name for that
    organisation in the centre, False for none (see
    :func:`~network_app.workbook.validation.validate_sheets`).
    """
    with _collector_paused():  # the reader makes 100,000s of containers and no cycles
        return _load(source, filename, max_bytes, today, own_organisation)


def _load(source: str | os.PathLike | bytes, filename: str | None, max_bytes: int,
          today: dt.date | None, own_organisation: str | Literal[False] | None
          ) -> PartnerData:
    if isinstance(source, bytes):
        name = filename or "Upload.xlsx"
        fmt = safety.inspect_bytes(source, name, max_bytes=max_bytes)
        sheets = read_sheets(source, fmt, text_name=_stem(name))
    else:
        path = Path(source)
        name = filename or path.name
        fmt = safety.inspect_file(path, max_bytes=max_bytes)
        sheets = read_sheets(path, fmt, text_name=_stem(name))
    if fmt == "csv":
        for sheet in sheets:
            sheet.name = Path(name).stem or sheet.name
    return validate_sheets(sheets, today=today, source_name=name,
                           own_organisation=own_organisation)


def _stem(name: str) -> str | None:
    """What a text table's sheet is called: the file's name without its ending (a browser may
    send a Windows path)."""
    return PureWindowsPath(name).stem or None
