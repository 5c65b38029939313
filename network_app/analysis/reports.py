"""The reports behind ``network-app check --json`` and ``analyze --json``, as typed dicts.

The CLI only prints them; scripts and notebooks can build the same reports without a subprocess.
The keys and their order are a contract (README, "The CLI"): a report stays a plain dict, so it
goes straight into ``json.dumps``, and the :class:`~typing.TypedDict` classes below say what it
holds.

>>> from network_app import load_workbook
>>> data = load_workbook("Name;Kategorie\\nHochschule;Forschung\\nKreis;Kooperation\\n".encode(),
...                      filename="partner.csv")
>>> report = check_report(data)
>>> report["partners"], report["categories"]["Forschung"], report["errors"]
(2, 1, [])
>>> [p["name"] for p in analyze_report(data)["partners"]]
['Hochschule', 'Kreis']
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, TypedDict

import networkx as nx

from ..errors import NetworkAppError
from ..network.figures import key_figures
from ..network.graph import build_graph
from ..workbook.problems import ERROR, ProblemRecord
from ..workbook.validation import PartnerData
from .communities import Communities, detect_communities
from .engine import prepare
from .metrics import (
    METRIC_COLUMNS,
    METRIC_TEXT,
    NetworkSummary,
    direction_note,
    network_summary,
    partner_metrics,
)

__all__ = [
    "ActivityRow",
    "AnalyzeReport",
    "CheckReport",
    "CommunityEntry",
    "Explanation",
    "NetworkFigures",
    "PartnerMeasures",
    "PartnerRow",
    "ProgrammeRow",
    "UnreadableReport",
    "analyze_report",
    "check_report",
    "unreadable_report",
]


# --------------------------------------------------------------------------- check --json


class PartnerRow(TypedDict):
    """A partner as ``check --json`` lists it; ``row`` is the Excel row number."""

    name: str
    categories: list[str]
    type: str | None
    place: str | None
    row: int


class ActivityRow(TypedDict):
    """An activity as ``check --json`` lists it; ``date`` as written in the workbook."""

    name: str
    date: str | None
    status: str | None
    area: str | None
    participants: list[str]
    row: int


class ProgrammeRow(TypedDict):
    """A funding programme as ``check --json`` lists it."""

    name: str
    participants: list[str]
    row: int


class CheckReport(TypedDict):
    """``check --json`` for a file that was read: the figures, the tables and every problem.

    Declared in the order the keys are printed.
    """

    file: str
    valid: bool
    readable: bool
    own_organisation: str | None  # None: a network without a hub (from another tool)
    partners: int
    relations: int
    activities: int
    programmes: int
    nodes: int
    edges: int
    categories: dict[str, int]
    partner_list: list[PartnerRow]
    activity_list: list[ActivityRow]
    programme_list: list[ProgrammeRow]
    errors: list[ProblemRecord]
    warnings: list[ProblemRecord]


class UnreadableReport(TypedDict):
    """``check --json`` for a file that cannot be read: the keys of :class:`CheckReport` that
    scripts can read either way (``readable`` False, zero counts), and the one error."""

    file: str
    valid: bool
    readable: bool
    partners: int
    relations: int
    activities: int
    programmes: int
    nodes: int
    edges: int
    categories: dict[str, int]
    errors: list[ProblemRecord]
    warnings: list[ProblemRecord]


def check_report(data: PartnerData, lang: str = "de") -> CheckReport:
    """What ``check --json`` prints: figures, the partner list and every problem."""
    figures = key_figures(data, build_graph(data))
    return {
        "file": data.source_name,
        "valid": data.is_valid,
        "readable": True,
        "own_organisation": figures["own_organisation"] or None,
        "partners": figures["partners"],
        "relations": figures["relations"],
        "activities": figures["activities"],
        "programmes": figures["programmes"],
        "nodes": figures["nodes"],
        "edges": figures["edges"],
        "categories": figures["categories"],
        "partner_list": [
            {"name": r["name"], "categories": list(r["categories"]), "type": r["type"],
             "place": r["place"], "row": int(r["row"])}
            for r in data.records("partners")
        ],
        "activity_list": [
            {"name": r["name"], "date": r["date"], "status": r["status"], "area": r["area"],
             "participants": list(r["participants"]), "row": int(r["row"])}
            for r in data.records("activities")
        ],
        "programme_list": [
            {"name": r["name"], "participants": list(r["participants"]), "row": int(r["row"])}
            for r in data.records("programmes")
        ],
        "errors": [p.to_dict(lang) for p in data.errors],
        "warnings": [p.to_dict(lang) for p in data.warnings],
    }


def unreadable_report(file: str, error: NetworkAppError, lang: str = "de") -> UnreadableReport:
    """``check --json`` (and ``analyze --json``) for a file that could not be read: one error.

    >>> from network_app.errors import UnreadableFileError
    >>> report = unreadable_report("/tmp/kaputt.xlsx", UnreadableFileError("encrypted"))
    >>> report["file"], report["readable"], [e["code"] for e in report["errors"]]
    ('kaputt.xlsx', False, ['encrypted'])
    """
    return {
        "file": Path(file).name, "valid": False, "readable": False,
        "partners": 0, "relations": 0, "activities": 0, "programmes": 0, "nodes": 0,
        "edges": 0, "categories": {},
        "errors": [{"severity": ERROR, "code": error.code, "sheet": None, "row": None,
                    "column": None, "column_letter": None, "value": None,
                    "message": error.text(lang)}],
        "warnings": [],
    }


# --------------------------------------------------------------------------- analyze --json


class NetworkFigures(NetworkSummary):
    """The whole partner network: :func:`network_summary` plus the groups' modularity.

    ``modularity`` is None when there are no ties; ``betweenness_sample`` is the number of
    sampled partners when betweenness was estimated, else None; ``directed_source`` says
    whether the file gave its relations a direction (the measures count without it, and
    ``explanations`` then has a ``direction`` entry saying so).
    """

    modularity: float | None
    betweenness_sample: int | None
    directed_source: bool


class CommunityEntry(TypedDict):
    """One group of partners (1 = the largest)."""

    id: int
    name: str
    size: int
    members: list[str]


class PartnerMeasures(TypedDict):
    """One partner's measures (:data:`METRIC_COLUMNS`, in that order) and its group.

    ``eigenvector``, ``constraint`` and ``effective_size`` are None where the measure does not
    apply (JSON has no NaN).
    """

    name: str
    categories: list[str]
    degree: int
    weighted_degree: float
    betweenness: float
    closeness: float
    pagerank: float
    eigenvector: float | None
    core: int
    reach2: int
    clustering: float
    constraint: float | None
    effective_size: float | None
    articulation: bool
    community: int | None


class Explanation(TypedDict):
    """A measure's short label and its one-line explanation."""

    label: str
    explanation: str


class AnalyzeReport(TypedDict):
    """``analyze --json``: the network in figures, the groups and the measures per partner."""

    file: str
    valid: bool
    hub_excluded: str | None  # None: the network has no hub to leave out
    network: NetworkFigures
    communities: list[CommunityEntry]
    partners: list[PartnerMeasures]
    explanations: dict[str, Explanation]
    errors: list[ProblemRecord]
    warnings: list[ProblemRecord]


def analyze_report(data: PartnerData, *, top: int | None = None, resolution: float = 1.0,
                   lang: str = "de") -> AnalyzeReport:
    """What ``analyze --json`` prints: the network in figures and the measures per partner.

    Partners are sorted by betweenness, then degree; ``top`` keeps the first ``top``.
    """
    # The sorted layer of the measures' engine: converted once, found again by every measure
    # (``prepared`` keeps the conversion alive meanwhile).
    prepared = prepare(build_graph(data), fresh=True)
    layer = prepared.layer
    found: list[Communities] = []  # the groups, found while the helper process counts paths
    metrics = partner_metrics(layer, alongside=lambda: found.append(
        detect_communities(layer, resolution=resolution, lang=lang)))
    communities = found[0]
    summary = network_summary(layer)
    ranked = metrics.sort_values(["betweenness", "degree"], ascending=False, kind="stable")
    if top is not None:
        ranked = ranked.head(top)
    categories: dict[str, list[str]] = nx.get_node_attributes(layer, "categories")
    partners: list[PartnerMeasures] = []
    # Column by column (``tolist`` gives Python numbers): row by row through pandas took
    # 0.5 s for 5,000 partners.
    columns = {column: [_plain(v) for v in ranked[column].tolist()] for column in METRIC_COLUMNS}
    for position, name in enumerate(ranked.index):
        value = {column: columns[column][position] for column in METRIC_COLUMNS}
        partners.append({
            "name": str(name),
            "categories": list(categories.get(str(name), [])),
            "degree": value["degree"],
            "weighted_degree": value["weighted_degree"],
            "betweenness": value["betweenness"],
            "closeness": value["closeness"],
            "pagerank": value["pagerank"],
            "eigenvector": value["eigenvector"],
            "core": value["core"],
            "reach2": value["reach2"],
            "clustering": value["clustering"],
            "constraint": value["constraint"],
            "effective_size": value["effective_size"],
            "articulation": value["articulation"],
            "community": communities.membership.get(str(name)),
        })
    return {
        "file": data.source_name,
        "valid": data.is_valid,
        "hub_excluded": data.own_organisation or None,
        "network": {
            **summary,
            "modularity": _plain(round(communities.modularity, 6)),
            "betweenness_sample": metrics.attrs.get("betweenness_sample"),
            "directed_source": bool(layer.graph.get("directed_source")),
        },
        "communities": [
            {"id": number, "name": communities.names[number],
             "size": communities.sizes[number], "members": communities.members(number)}
            for number in sorted(communities.sizes)
        ],
        "partners": partners,
        "explanations": _explanations(layer, lang),
        "errors": [p.to_dict(lang) for p in data.errors],
        "warnings": [p.to_dict(lang) for p in data.warnings],
    }


def _explanations(layer: nx.Graph, lang: str) -> dict[str, Explanation]:
    """Every measure's label and explanation; ``direction`` too when the file has directions."""
    explanations: dict[str, Explanation] = {
        key: {"label": text[lang][0], "explanation": text[lang][1]}
        for key, text in METRIC_TEXT.items()}
    note = direction_note(layer, lang)
    if note is not None:
        explanations["direction"] = {"label": note[0], "explanation": note[1]}
    return explanations


def _plain(value: Any) -> Any:
    """A pandas/numpy value as JSON has it: Python numbers, and NaN (a measure that does not
    apply, e.g. an isolated partner's constraint) as None.

    >>> import numpy as np
    >>> _plain(np.int64(3)), _plain(np.float64("nan")), _plain(np.bool_(True))
    (3, None, True)
    """
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return _plain(value.item())
    return value
