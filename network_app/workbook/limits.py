"""Every limit on a file the workbook stage reads, in one place.

The app, the CLI and the workspace read files that anyone who can reach the server may have
made. These limits keep one file from taking the server's memory or time; each refusal is an
:class:`~network_app.errors.UnreadableFileError` whose German sentence says which sheet, what
the limit is and what to do (catalog section "problems"). Real partner workbooks stay far below
every one of them: the bundled stadtLABOR workbook has 64 partners on 26 columns; a workbook of
20,000 partners (the largest benchmark) has 20,001 rows.

=============================  ======================  ====================================
limit                          value                   refused with code (or, for a cell,
                                                       shortened with a warning)
=============================  ======================  ====================================
file size                      :data:`MAX_UPLOAD_MB`   ``too_large`` (the Streamlit upload
                               MB                      limit ``server.maxUploadSize`` is the
                                                       same number; a test keeps them equal)
unpacked size of an archive    :data:`MAX_UNPACKED_MB` ``zip_bomb``
packing ratio of a member      :data:`MAX_RATIO`       ``zip_bomb``
members of an archive          :data:`MAX_MEMBERS`     ``too_many_members``
filled rows of one sheet       :data:`MAX_ROWS`        ``too_many_cells``
columns of one sheet           :data:`MAX_COLUMNS`     ``too_many_columns``
cells of one sheet's area      :data:`MAX_CELLS`       ``too_large_area`` (last row × last
                                                       column, empty cells included: that is
                                                       what the reader holds in memory)
characters of one cell         :data:`MAX_CELL_CHARS`  cut, warning ``huge_cell``
reading time                   :data:`PARSE_SECONDS` s ``too_costly``
reading memory                 :data:`PARSE_MEMORY_MB` ``too_costly``
                               MB
size of what a child sends     :data:`MAX_REPLY_MB` MB ``too_costly``
files read at once             :data:`PARSE_AT_ONCE`   ``busy`` when no place is free within
                                                       :data:`PARSE_WAIT_SECONDS` s
=============================  ======================  ====================================

The last four hold for a file read in a child process (:mod:`network_app.workbook.isolated`,
used by the app's upload and the workspace); a server's operator may change four of them with
the environment variables ``PARTNERNETZ_PARSE_SECONDS``, ``PARTNERNETZ_PARSE_MEMORY_MB``,
``PARTNERNETZ_PARSE_AT_ONCE`` and ``PARTNERNETZ_PARSE_WAIT_SECONDS``.
"""

from __future__ import annotations

import os

__all__ = [
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_REPLY_MB",
    "MAX_ROWS",
    "MAX_UNPACKED_MB",
    "MAX_UPLOAD_MB",
    "MB",
    "PARSE_AT_ONCE",
    "PARSE_MEMORY_MB",
    "PARSE_SECONDS",
    "PARSE_WAIT_SECONDS",
    "parse_at_once",
    "parse_memory_mb",
    "parse_seconds",
    "parse_wait_seconds",
]

MB = 1024 * 1024

#: The largest file read, in MB: the app's upload (``.streamlit/config.toml``
#: ``server.maxUploadSize``), the CLI's default ``--max-size`` and the loader's default.
MAX_UPLOAD_MB = 50
#: What an archive (xlsx, ods) may inflate to in all, in MB.
MAX_UNPACKED_MB = 500
#: The packing ratio a member above 1 MB may have. Deflate reaches about 1000:1 on repeated
#: bytes; the members of real workbooks stay below 20:1 (13:1 for a 20,000-row sheet).
MAX_RATIO = 200
#: Members of an archive; a workbook has a few dozen.
MAX_MEMBERS = 10_000
#: Filled rows of one sheet (empty rows are skipped and not counted).
MAX_ROWS = 200_000
#: Columns of one sheet: a partner list has a few dozen; an adjacency matrix (a column per
#: partner) of 5,000 partners is already beyond :data:`MAX_CELLS`.
MAX_COLUMNS = 5_000
#: Cells of one sheet's area (last filled row × last filled column, empty ones included): the
#: reader holds them all: 20 million cells cost calamine about 640 MB (xlsx), and an ods of
#: 10 million repeated cells in 1 KB took 1.2 GB (measured).
MAX_CELLS = 20_000_000
#: Characters of one cell; longer text (a paste accident, not a note) is cut with a warning.
MAX_CELL_CHARS = 10_000
#: Seconds a child process may take to read one file. Measured on a 2-core machine under a
#: load of 9: the bundled workbook 0.03 s, 20,000 partners (xlsx, 2.8 MB) 8 s, a CSV of
#: 200,000 rows of ten columns (the most rows there may be, 20 MB) 32 s.
PARSE_SECONDS = 120
#: Memory in MB a child process may take on top of what it starts with: the 200,000-row CSV
#: took 520 MB more, the 20,000 partners 150 MB.
PARSE_MEMORY_MB = 1536
#: Files read at once by one server (each in a child that may take :data:`PARSE_MEMORY_MB`):
#: twenty users uploading at once must not start twenty children of 1.5 GB each.
PARSE_AT_ONCE = 2
#: Seconds a file waits for one of the :data:`PARSE_AT_ONCE` places before it is refused
#: (``busy``: "bitte gleich noch einmal"). Real workbooks take well under ten seconds.
PARSE_WAIT_SECONDS = 30
#: The largest answer in MB a child may send back (the validated data, pickled). 20,000
#: partners (the largest benchmark) come to 12 MB (measured); :data:`MAX_ROWS` rows of a wider
#: sheet stay below 256 MB. A child that announces more is not listened to (``too_costly``).
MAX_REPLY_MB = 256


def _positive(variable: str, default: int) -> int:
    """A whole positive number from the environment, else ``default``."""
    try:
        value = int(os.environ.get(variable, ""))
    except ValueError:
        return default
    return value if value > 0 else default


def parse_seconds() -> int:
    """:data:`PARSE_SECONDS`, or ``$PARTNERNETZ_PARSE_SECONDS`` when set."""
    return _positive("PARTNERNETZ_PARSE_SECONDS", PARSE_SECONDS)


def parse_memory_mb() -> int:
    """:data:`PARSE_MEMORY_MB`, or ``$PARTNERNETZ_PARSE_MEMORY_MB`` when set."""
    return _positive("PARTNERNETZ_PARSE_MEMORY_MB", PARSE_MEMORY_MB)


def parse_at_once() -> int:
    """:data:`PARSE_AT_ONCE`, or ``$PARTNERNETZ_PARSE_AT_ONCE`` when set."""
    return _positive("PARTNERNETZ_PARSE_AT_ONCE", PARSE_AT_ONCE)


def parse_wait_seconds() -> int:
    """:data:`PARSE_WAIT_SECONDS`, or ``$PARTNERNETZ_PARSE_WAIT_SECONDS`` when set."""
    return _positive("PARTNERNETZ_PARSE_WAIT_SECONDS", PARSE_WAIT_SECONDS)
