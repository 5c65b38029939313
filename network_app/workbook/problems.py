"""Problems in the data are data: one small value per problem, never an exception.

Every problem names where it is (sheet, Excel row number as Excel shows it, column header as
written, column letter), the value, a stable ``code`` (see :mod:`network_app.text.messages`) and a
``severity``: ``"error"`` (the data cannot be read as meant; ``check`` exits 1) or ``"warning"``
(doubtful, loaded anyway).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, TypedDict

from ..text.messages import text

__all__ = ["ERROR", "MAX_REPEATED", "WARNING", "Problem", "ProblemRecord", "summarise"]

ERROR = "error"
WARNING = "warning"
#: Up to this many problems of one kind in one column are listed one by one; more become one
#: summary (see :func:`summarise`).
MAX_REPEATED = 10
#: How many rows a summary names as examples.
EXAMPLE_ROWS = 5
#: Problems that stay one per row however many there are: each names a pair for the user to
#: decide (the app's duplicates tab reads them), or is capped where it is found.
_NEVER_SUMMARISED = frozenset({"similar_name", "duplicate_name", "stray_cell",
                               "formula_without_value"})


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


def summarise(problems: list[Problem], limit: int = MAX_REPEATED) -> list[Problem]:
    """Problems with many rows of one kind folded into one note each.

    Problems of the same code, severity, sheet and column with a row each are one kind. A kind
    with more than ``limit`` rows becomes a single problem: the first one (its row, value and
    params), plus ``params["count"]`` (how many rows) and ``params["examples"]`` (the first
    :data:`EXAMPLE_ROWS` rows). Its sentence says both (:func:`network_app.text.messages.text`).
    The order of the list is kept; a summary stands where its first row stood.

    >>> rows = [Problem("bad_strength", WARNING, "Kanten", row, "Weight") for row in range(2, 14)]
    >>> [(p.code, p.row, p.params) for p in summarise(rows)]
    [('bad_strength', 2, {'count': 12, 'examples': [2, 3, 4, 5, 6]})]
    >>> len(summarise(rows[:10]))
    10
    """
    groups: dict[tuple[Any, ...], list[Problem]] = {}
    for problem in problems:
        if problem.row is not None and problem.code not in _NEVER_SUMMARISED:
            key = (problem.code, problem.severity, problem.sheet, problem.column)
            groups.setdefault(key, []).append(problem)
    folded = {id(group[0]): group for group in groups.values() if len(group) > limit}
    left_out = {id(p) for group in folded.values() for p in group[1:]}
    result = []
    for problem in problems:
        if id(problem) in left_out:
            continue
        group = folded.get(id(problem))
        if group is not None:
            problem = replace(problem, params={
                **problem.params, "count": len(group),
                "examples": [p.row for p in group[:EXAMPLE_ROWS]]})
        result.append(problem)
    return result
