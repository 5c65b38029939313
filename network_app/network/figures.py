"""Key figures: the numbers a council member asks for first, computed from the data.

Pure functions over :class:`~network_app.workbook.validation.PartnerData` and the graph; no styling.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from ..workbook import schema
from ..workbook.validation import PartnerData

__all__ = ["NO_CATEGORY", "category_counts", "key_figures"]

#: The key under which partners without a category are counted.
NO_CATEGORY = "ohne Kategorie"


def category_counts(data: PartnerData) -> dict[str, int]:
    """Canonical category → number of partners in it (a partner may count in several)."""
    counts = Counter(c for cats in data.partners["categories"] for c in cats)
    ordered = {c: counts.get(c, 0) for c in schema.CATEGORIES}
    uncategorised = int(sum(1 for cats in data.partners["categories"] if not cats))
    if uncategorised:
        ordered[NO_CATEGORY] = uncategorised
    return ordered


def _counts(values) -> dict[str, int]:
    """How often each value occurs; empty cells (None, NaN, "") are not counted."""
    return dict(Counter(v for v in values if isinstance(v, str) and v).most_common())


def key_figures(data: PartnerData, graph: nx.Graph) -> dict[str, Any]:
    """Partners, ties, activities and programmes in figures, ready for a summary or JSON."""
    partner_edges = sum(1 for *_, kind in graph.edges(data="kind") if kind == "partner")
    return {
        "own_organisation": data.own_organisation,
        "partners": len(data.partners),
        "relations": len(data.relations),
        "activities": len(data.activities),
        "programmes": len(data.programmes),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "partner_ties": partner_edges,
        "categories": category_counts(data),
        "types": _counts(data.partners["type"]),
        "reach": _counts(data.partners["reach"]),
        "activities_by_area": _counts(data.activities["area"]),
        "activities_by_status": _counts(data.activities["status"]),
        "errors": len(data.errors),
        "warnings": len(data.warnings),
    }
