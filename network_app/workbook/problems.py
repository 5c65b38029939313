"""Problems in the data are data: one small value per problem, never an exception.

Every problem names where it is (sheet, Excel row number as Excel shows it, column header as
written, column letter), the value, a stable ``code`` (see :mod:`network_app.text.messages`) and a
``severity``: ``"error"`` (the data cannot be read as meant; ``check`` exits 1) or ``"warning"``
(doubtful, loaded anyway).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypedDict

from ..text.messages import text

__all__ = ["ERROR", "WARNING", "Problem", "ProblemRecord"]

ERROR = "error"
WARNING = "warning"


class ProblemRecord(TypedDict):
    """A problem as plain data (:meth:`Problem.to_dict`), e.g. in ``check --json``."""

    severity: str
    code: str
    sheet: str | None
    row: int | None
    column: str | None
    column_letter: str | None
    value: str | None
    message: str


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str = ERROR
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    column_letter: str | None = None
    value: str | None = None
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def message(self) -> str:
        """The German sentence."""
        return self.text("de")

    def text(self, lang: str = "de") -> str:
        return text(self.code, lang, sheet=self.sheet, row=self.row, column=self.column,
                    value=self.value, **self.params)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_dict(self, lang: str = "de") -> ProblemRecord:
        return {
            "severity": self.severity,
            "code": self.code,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "column_letter": self.column_letter,
            "value": self.value,
            "message": self.text(lang),
        }
