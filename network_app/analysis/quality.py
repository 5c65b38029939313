"""Data quality: what in the workbook a staff member should look at and tidy up.

*Are these two rows one partner?* (:func:`duplicate_pairs`): the rows behind the validator's
``similar_name`` and ``duplicate_name`` findings, side by side, so staff can decide.
"""

from __future__ import annotations

from typing import Any

from ..workbook.validation import PartnerData

__all__ = ["duplicate_pairs"]


def duplicate_pairs(data: PartnerData) -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    """Rows that may be one partner, side by side, for the user to decide.

    Returns
    -------
    list of (dict, dict, str)
        For each ``similar_name`` and ``duplicate_name`` problem, in the order found: the first
        row's columns, the second row's columns and the problem's code. A ``duplicate_name``
        row was not read (only the first is), so its dict holds just ``name`` and ``row``
        (the Excel row). Dicts hold every column of the partner sheet, personal ones included:
        they are for staff tidying the workbook, not for exports.
    """
    by_row = {r["row"]: r for r in data.records("partners")}
    pairs = []
    for problem in data.problems:
        if problem.code == "similar_name":
            first = by_row.get(problem.params.get("other_row"))
            second = by_row.get(problem.row)
            if first is not None and second is not None:
                pairs.append((first, second, problem.code))
        elif problem.code == "duplicate_name":
            first = by_row.get(problem.params.get("first_row"))
            if first is not None:
                pairs.append((first, {"name": problem.value, "row": problem.row}, problem.code))
    return pairs
