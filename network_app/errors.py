"""Errors the library raises. Problems inside the data are not errors (see ``problems``).

::

    NetworkAppError            anything this library raises on purpose; has .code and .params
    ├── UnreadableFileError    the file cannot be opened as a workbook at all: missing, too
    │                          large, encrypted, zip bomb, corrupt, wrong content, unsafe XML
    │                          (the CLI exits with status 2)
    └── WorkspaceError         the workspace cannot do what was asked: no current workbook
        │                      yet, no such version, a dropped file that is gone, busy
        └── ChangedOnDisk      the current workbook was changed since it was loaded (by a
                               colleague or in Excel): nothing was written; reload or save
                               the own version as a copy

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

from typing import Any

from .text.messages import text

__all__ = ["ChangedOnDisk", "NetworkAppError", "UnreadableFileError", "WorkspaceError"]


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
