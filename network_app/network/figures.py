"""Key figures: the numbers a council member asks for first, computed from the data.

Pure functions over :class:`~network_app.workbook.validation.PartnerData` and the graph; no styling.
Partners without a category are counted under the key :data:`NO_CATEGORY`, which is a code, not
a word: :func:`category_label` says it in the reader's language.

>>> category_label(NO_CATEGORY, "de"), category_label(NO_CATEGORY, "en")
('ohne Kategorie', 'no category')
>>> category_label("Forschung", "en")  # a category is a workbook value: as written
'Forschung'

:func:`network_title` names the network where the workbook gives no title: the lab's network
after its own organisation, a network from another tool after its file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TypedDict

import networkx as nx

from ..text import say
from ..workbook import schema
from ..workbook.validation import PartnerData

__all__ = ["NO_CATEGORY", "KeyFigures", "category_counts", "category_label", "key_figures",
           "network_title"]

#: The key under which partners without a category are counted (in :func:`category_counts`,
#: :func:`~network_app.analysis.timeline.partners_per_year` and JSON reports). Never a
#: category: those are the four of :data:`~network_app.workbook.schema.CATEGORIES`.
NO_CATEGORY = "none"


def category_label(category: str, lang: str = "de") -> str:
    """What to show for a category key: the category as written, or "ohne Kategorie"."""
    return say("network.figures.no_category", lang) if category == NO_CATEGORY else category


def network_title(data: PartnerData, lang: str = "de") -> str:
    """The network's title: the workbook's "Titel" setting, else "Partnernetz <own
    organisation>" when it has a hub, else "Netzwerk aus <file name>" (a network from another
    tool gets no invented organisation in its title).

    >>> import pandas as pd
    >>> empty = pd.DataFrame()
    >>> edges = PartnerData(empty, empty, empty, empty, {}, source_name="got-edges.csv")
    >>> network_title(edges), network_title(edges, "en")
    ('Netzwerk aus got-edges.csv', 'Network from got-edges.csv')
    >>> lab = PartnerData(empty, empty, empty, empty, {"own_organisation": "Stadt Soest"})
    >>> network_title(lab)
    'Partnernetz Stadt Soest'
    """
    if data.settings.get("title"):
        return data.settings["title"]
    if data.has_hub:
        return say("network.figures.title_hub", lang, org=data.own_organisation)
    if data.source_name:
        return say("network.figures.title_file", lang, file=data.source_name)
    return say("network.figures.title_plain", lang)


def category_counts(data: PartnerData) -> dict[str, int]:
    """Canonical category → number of partners in it (a partner may count in several)."""
    counts = Counter(c for cats in data.partners["categories"] for c in cats)
    ordered = {c: counts.get(c, 0) for c in schema.CATEGORIES}
    uncategorised = int(sum(1 for cats in data.partners["categories"] if not cats))
    if uncategorised:
        ordered[NO_CATEGORY] = uncategorised
    return ordered


def _counts(values: Iterable[object]) -> dict[str, int]:
    """How often each value occurs; empty cells (None, NaN, "") are not counted."""
    return dict(Counter(v for v in values if isinstance(v, str) and v).most_common())


class KeyFigures(TypedDict):
    """What :func:`key_figures` returns.

    ``nodes``/``edges`` count the graph given (from ``build_graph``: the hub and the partners,
    hub ties included); ``partner_ties`` only the ties between two partners. Neither counts a
    tie of a partner with itself (kept as a relation in another tool's network, counted in
    ``relations``): it connects nobody, and the measures leave it out too. ``categories`` is
    :func:`category_counts`; ``types``, ``reach`` and ``activities_by_*`` count each value
    written, most frequent first. ``errors``/``warnings`` count the problems found.
    ``own_organisation`` is the hub's name, ``""`` for a network without a hub (then ``nodes``
    are the partners alone and ``edges`` equals ``partner_ties``).
    """

    own_organisation: str
    partners: int
    relations: int
    activities: int
    programmes: int
    nodes: int
    edges: int
    partner_ties: int
    categories: dict[str, int]
    types: dict[str, int]
    reach: dict[str, int]
    activities_by_area: dict[str, int]
    activities_by_status: dict[str, int]
    errors: int
    warnings: int


def key_figures(data: PartnerData, graph: nx.Graph) -> KeyFigures:
    """Partners, ties, activities and programmes in figures, ready for a summary or JSON."""
    partner_edges = sum(1 for u, v, kind in graph.edges(data="kind")
                        if kind == "partner" and u != v)
    return {
        "own_organisation": data.own_organisation,
        "partners": len(data.partners),
        "relations": len(data.relations),
        "activities": len(data.activities),
        "programmes": len(data.programmes),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges() - nx.number_of_selfloops(graph),
        "partner_ties": partner_edges,
        "categories": category_counts(data),
        "types": _counts(data.partners["type"]),
        "reach": _counts(data.partners["reach"]),
        "activities_by_area": _counts(data.activities["area"]),
        "activities_by_status": _counts(data.activities["status"]),
        "errors": len(data.errors),
        "warnings": len(data.warnings),
    }
