"""Views: the network the app shows, after the user's filters, and places that never move.

Three views of one workbook:

=============== ==================================================================
``"ego"``       the own organisation (hub), the partners and every tie
``"partners"``  the partners and the ties between them; the hub is hidden
``"bipartite"`` partners, activities and programmes; edges partner–activity and
                partner–programme
=============== ==================================================================

A network without a hub (one from another tool, see
:attr:`~network_app.workbook.validation.PartnerData.has_hub`) has nothing to put in the middle:
its "ego" view is the partner network as it is, and :func:`views_for` offers only "partners"
and "bipartite".

:class:`Filters` narrows a view down; :func:`network_view` applies it without touching the data.
Where the nodes go is :mod:`network_app.network.positions`' job: one place per node for every view
and every filter.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from ..analysis.timeline import year_range
from ..workbook import schema
from ..workbook.schema import name_key
from ..workbook.validation import PartnerData
from .graph import _active_in, bipartite_graph, build_graph, partner_layer

__all__ = ["VIEWS", "Filters", "filter_options", "network_view", "views_for"]

#: The views :func:`network_view` knows, in the order the app offers them.
VIEWS: tuple[str, ...] = ("ego", "partners", "bipartite")


def views_for(data: PartnerData) -> tuple[str, ...]:
    """The views worth offering for ``data``: without a hub the ego view would show the same
    as the partner view, so only "partners" and "bipartite" are offered.

    >>> import pandas as pd
    >>> empty = pd.DataFrame()
    >>> views_for(PartnerData(pd.DataFrame({"categories": [[]]}), empty, empty, empty, {}))
    ('partners', 'bipartite')
    """
    return VIEWS if data.has_hub else tuple(v for v in VIEWS if v != "ego")


@dataclass(frozen=True)
class Filters:
    """What the user chose to see. Every empty choice means "all".

    Partner filters decide which partners are shown; a partner that is filtered out disappears
    together with all its ties.

    - ``categories``: a partner is shown when *one* of its categories is chosen (a partner in
      "Forschung; Kooperation" passes a filter on either).
    - ``types``, ``reaches``: the partner's Typ / Reichweite must be one of the chosen values.
      A partner without a value passes only while that filter is empty.
    - ``year`` ("Stand: Jahr"): the network as it stood in that year (see
      :func:`network_app.network.graph.build_graph` with ``as_of``): only partners active that year
      (a partner without "Seit" counts as active in every year up to its "Bis"), relations and
      programmes active that year, activities up to that year (those without a date always).

    Activity filters decide which activities count; partners stay.

    - ``areas``, ``statuses``: only activities whose Bereich / Status is chosen count. In the
      ego and partner views, two partners are then tied by shared activities only when the
      activity matches; relations and programmes are not affected (they have no Bereich or
      Status). In the bipartite view only matching activity nodes are shown. An activity
      without a Bereich (Status) counts only while that filter is empty.

    Lists are accepted and stored as tuples, so a ``Filters`` can be a cache key.

    Examples
    --------
    >>> Filters(categories=["Forschung"]).categories
    ('Forschung',)
    >>> Filters().is_empty
    True
    """

    categories: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    reaches: tuple[str, ...] = ()
    year: int | None = None
    areas: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Streamlit's multiselect returns lists; tuples keep the dataclass hashable.
        for field in ("categories", "types", "reaches", "areas", "statuses"):
            object.__setattr__(self, field, tuple(getattr(self, field) or ()))
        if self.year is not None:
            object.__setattr__(self, "year", int(self.year))

    @property
    def is_empty(self) -> bool:
        """True when nothing is filtered."""
        return self == Filters()

    @property
    def filters_partners(self) -> bool:
        """True when some partners may be hidden (category, type, reach or year)."""
        return bool(self.categories or self.types or self.reaches or self.year is not None)


def network_view(data: PartnerData, view: str = "ego", filters: Filters = Filters(), *,
                 whole: nx.Graph | None = None) -> nx.Graph:
    """The graph of one view after the filters; a new graph, ``data`` is left as it was.

    Parameters
    ----------
    data : PartnerData
        The validated workbook.
    view : {"ego", "partners", "bipartite"}
        ``"ego"``: hub, partners and all ties. ``"partners"``: the partner layer (hub hidden).
        ``"bipartite"``: partners, activities and programmes. Without a hub, ``"ego"`` is the
        network as it is: the partners and all their ties.
    filters : Filters
        See :class:`Filters`.
    whole : nx.Graph, optional
        ``build_graph(data)``, when the caller keeps it: without a year or an activity filter
        the view is cut from it instead of building the graph again (it is only read).

    Returns
    -------
    nx.Graph
        Nodes and edges follow the conventions of :mod:`network_app.network.graph`. With a year, the
        graph attribute ``as_of`` is set. In the bipartite view partners carry all their
        columns (as in the ego view), and only activities and programmes with at least one
        shown partner are drawn: the view is about who takes part in what, and an activity
        nobody is listed for (the lab's own, or one whose partners a filter hides) has no tie
        to show. Their number is the graph attribute ``without_partners``.

    Raises
    ------
    ValueError
        For an unknown ``view``.
    """
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; expected one of {', '.join(VIEWS)}")
    counted = _with_activities(data, filters)
    given = whole is not None and counted is data and filters.year is None
    graph = whole if whole is not None and given else build_graph(counted, as_of=filters.year)
    shown = [n for n, attrs in graph.nodes(data=True)
             if attrs.get("kind") != "partner" or _passes(attrs, filters)]
    if view == "partners" and given:  # one copy: the partners that pass
        return partner_layer(graph.subgraph(shown))
    if given or len(shown) < graph.number_of_nodes():  # else the graph is new and whole
        graph = graph.subgraph(shown).copy()
    if view == "ego":
        return graph
    if view == "partners":
        return partner_layer(graph)
    return _bipartite(counted, graph, filters)


def _passes(attrs: dict[str, Any], filters: Filters) -> bool:
    """Whether a partner node passes the partner filters (the year is build_graph's job)."""
    if filters.categories and not set(attrs.get("categories") or ()) & set(filters.categories):
        return False
    if filters.types and attrs.get("type") not in filters.types:
        return False
    return not (filters.reaches and attrs.get("reach") not in filters.reaches)


def _with_activities(data: PartnerData, filters: Filters) -> PartnerData:
    """The same data with only the activities that match the area and status filters."""
    if not (filters.areas or filters.statuses):
        return data
    frame = data.activities
    keep = pd.Series(True, index=frame.index)
    if filters.areas:
        keep &= frame["area"].isin(filters.areas)
    if filters.statuses:
        keep &= frame["status"].isin(filters.statuses)
    # A shallow copy with a new activities frame: the caller's data stays as it was.
    return dataclasses.replace(data, activities=frame[keep])


def _bipartite(data: PartnerData, ego: nx.Graph, filters: Filters) -> nx.Graph:
    """Partners of the filtered ego graph, linked to the activities and programmes they share."""
    if filters.year is not None:
        data = _in_year(data, filters.year)
    full = bipartite_graph(data)
    partners = {n for n, kind in ego.nodes(data="kind") if kind == "partner"}
    graph = full.subgraph([n for n, kind in full.nodes(data="kind")
                           if kind != "partner" or n in partners]).copy()
    for node in partners:
        graph.nodes[node].update(ego.nodes[node])  # all columns, for tooltips and styling
    # An activity without a (shown) partner has no tie to show: drawn, it would only be a ring
    # of lone squares around the partners. The caption says how many were left out.
    alone = [n for n, kind in graph.nodes(data="kind") if kind != "partner"
             and graph.degree(n) == 0]
    graph.remove_nodes_from(alone)
    graph.graph["without_partners"] = len(alone)
    if filters.year is not None:
        graph.graph["as_of"] = filters.year
    return graph


def _in_year(data: PartnerData, year: int) -> PartnerData:
    """Activities up to ``year`` and programmes active in it (build_graph's rule)."""
    activities = data.activities
    programmes = data.programmes
    keep_activities = activities["year"].isna() | (activities["year"] <= year)
    active = [_active_in(_int(s), _int(u), year)
              for s, u in zip(programmes["since"], programmes["until"], strict=True)]
    return dataclasses.replace(
        data, activities=activities[keep_activities.fillna(True).astype(bool)],
        programmes=programmes[pd.Series(active, index=programmes.index, dtype=bool)],
    )


def _missing(value: Any) -> bool:
    """None, NaN or pandas' NA: a cell left empty (pandas fills gaps with either)."""
    return value is None or (not isinstance(value, list | tuple) and bool(pd.isna(value)))


def _int(value: Any) -> int | None:
    return None if _missing(value) else int(value)


def _ordered(values: Iterable[Any], known: tuple[str, ...] = ()) -> list[str]:
    """Present values: the known ones in their order, then the others alphabetically."""
    present = {str(v) for v in values if not _missing(v) and str(v).strip()}
    first = [v for v in known if v in present]
    return first + sorted(present - set(known), key=name_key)


def filter_options(data: PartnerData) -> dict[str, list]:
    """The values the workbook offers for each filter, for the app's choice lists.

    Returns
    -------
    dict
        ``categories`` (in the order of :data:`~network_app.workbook.schema.CATEGORIES`), ``types``
        (alphabetical), ``reaches`` (lokal, regional, national, international, then other
        values as written), ``years`` (every year of
        :func:`~network_app.analysis.timeline.year_range`),
        ``areas`` and ``statuses`` (the known values in their usual order, then others).
        Only values that occur are listed.
    """
    categories = {c for cats in data.partners["categories"] for c in cats}
    return {
        "categories": [c for c in schema.CATEGORIES if c in categories],
        "types": _ordered(data.partners["type"]),
        "reaches": _ordered(data.partners["reach"], schema.REACH_VALUES),
        "years": list(year_range(data)),
        "areas": _ordered(data.activities["area"], schema.AREA_VALUES),
        "statuses": _ordered(data.activities["status"], schema.STATUS_VALUES),
    }
