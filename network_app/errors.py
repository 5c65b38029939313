"""Errors the library raises. Problems inside the data are not errors (see ``problems``).

::

    NetworkAppError            anything this library raises on purpose; has .code and .params
    └── UnreadableFileError    the file cannot be opened as a workbook at all: missing, too
                               large, encrypted, zip bomb, corrupt, wrong content, unsafe XML
                               (the CLI exits with status 2)

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

__all__ = ["NetworkAppError", "UnreadableFileError"]


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
