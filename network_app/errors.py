"""Errors the library raises. Problems inside the data are not errors (see ``problems``).

::

    NetworkAppError            anything this library raises on purpose; has .code and .params
    ├── UnreadableFileError    the file cannot be opened as a workbook at all: missing, too
    │                          large, encrypted, zip bomb, corrupt, wrong content, unsafe XML
    │                          (the CLI exits with status 2)
    └── WorkspaceError         the workspace cannot do what was asked: no current workbook
        │                      yet, no such version, a dropped file that is gone, busy
        ├── ChangedOnDisk      the current workbook was changed since it was loaded (by a
        │                      colleague or in Excel): nothing was written; reload or save
        │                      the own version as a copy
        └── DiskFull           the disk (or the storage quota) filled up during a change:
                               nothing was written, the current workbook and the versions
                               are as they were; free space and try again

Each error carries its context as codes and plain numbers (``params``) and turns into a sentence
in German or English with :meth:`NetworkAppError.text` (the catalog section "problems"); interfaces
show that sentence and never a traceback. ``str(error)`` and :attr:`~NetworkAppError.message` are
the German sentence.

>>> error = UnreadableFileError("wrong_content", extension="xlsx", found="pdf")
>>> error.text("en")[:40]
'The file ends in “.xlsx” but is a PDF do'
>>> error.message[:40]
'Die Datei endet auf ».xlsx«, ist aber ei'
"""

from __future__ import annotations

import errno
from typing import Any

from .text.messages import text

__all__ = ["ChangedOnDisk", "DiskFull", "NetworkAppError", "UnreadableFileError",
           "WorkspaceError", "is_disk_full"]

#: The system's words for "no room left": the disk is full, or the user's storage quota.
_FULL = frozenset(code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None))
                  if code is not None)


class NetworkAppError(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.text("de"))

    def text(self, lang: str = "de") -> str:
        return text(self.code, lang, **self.params)

    @property
    def message(self) -> str:
        return self.text("de")


class UnreadableFileError(NetworkAppError):
    """The file cannot be read as a workbook; nothing in it was used."""


class WorkspaceError(NetworkAppError):
    """The workspace (:mod:`network_app.workspace.store`) cannot do what was asked."""


class ChangedOnDisk(WorkspaceError):
    """The current workbook is no longer the one the caller loaded; nothing was written.

    ``expected`` is the fingerprint the caller loaded, ``found`` the one on disk now (None when
    the workspace has no current workbook).
    """

    def __init__(self, *, name: str, expected: str, found: str | None) -> None:
        self.expected = expected
        self.found = found
        super().__init__("changed_on_disk", name=name)


class DiskFull(WorkspaceError):
    """The disk (or the storage quota) filled up while the workspace changed. The store writes
    atomically, so nothing was written: the current workbook and every version are as they
    were, and no half-written or temporary file is left. The original OSError is the
    ``__cause__``."""

    def __init__(self) -> None:
        super().__init__("disk_full")


def is_disk_full(error: BaseException | None) -> bool:
    """Whether ``error`` (or an error it was raised from, as a library that wraps the system's
    error does) says the disk or the storage quota is full.

    >>> import errno
    >>> is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    True
    >>> wrapped = RuntimeError("could not save")
    >>> wrapped.__context__ = OSError(errno.ENOSPC, "No space left on device")
    >>> is_disk_full(wrapped), is_disk_full(PermissionError(errno.EACCES, "denied"))
    (True, False)
    """
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DiskFull) or (isinstance(error, OSError)
                                           and error.errno in _FULL):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False
