"""Zachary's karate club as a partner workbook: a reference network whose metrics are well known.

The 34 members become partners "Mitglied 1" … "Mitglied 34"; the club they joined after the split
becomes the category (Mr. Hi → Austausch, Officer → Kooperation); the 78 friendships become
relations whose Stärke is the edge weight clamped to 1..5 (the workbook allows no more).
:func:`karate_reference` is the same network built directly by NetworkX, for reference values.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from conftest import write_xlsx

CLUB_CATEGORY = {"Mr. Hi": "Austausch", "Officer": "Kooperation"}
#: Mr. Hi (the instructor) and John A. (the officer), the two leaders of the split.
INSTRUCTOR, OFFICER = "Mitglied 1", "Mitglied 34"


def member(node: int) -> str:
    return f"Mitglied {node + 1}"


def strength(weight: int) -> int:
    return min(max(int(weight), 1), 5)


def karate_reference() -> nx.Graph:
    """nx.karate_club_graph() with the workbook's names and clamped weights."""
    source = nx.karate_club_graph()
    graph = nx.Graph()
    graph.add_nodes_from(member(n) for n in source)
    graph.add_weighted_edges_from(
        (member(u), member(v), strength(w)) for u, v, w in source.edges(data="weight"))
    return graph


def write_karate_workbook(path: Path) -> Path:
    """The karate club as an xlsx workbook with a Partner and a Beziehungen sheet."""
    source = nx.karate_club_graph()
    partners = [["Name", "Kategorie", "Typ", "Ort"]]
    partners += [[member(n), CLUB_CATEGORY[club], "Verein", "Universität"]
                 for n, club in source.nodes(data="club")]
    relations = [["Von", "Nach", "Art", "Stärke"]]
    relations += [[member(u), member(v), "Freundschaft", strength(w)]
                  for u, v, w in source.edges(data="weight")]
    return write_xlsx(path, {"Partner": partners, "Beziehungen": relations})
