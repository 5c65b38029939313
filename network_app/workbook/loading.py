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

from . import safety
from .reading import read_sheets
from .validation import PartnerData, validate_sheets

__all__ = ["load_workbook"]


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
