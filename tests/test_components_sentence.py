"""What "44 getrennte Teile, größter Abstand 1" means, in words (components_sentence)."""

from __future__ import annotations

import networkx as nx
import pytest
from conftest import BUNDLED
from english import german_words

from network_app import components_sentence, network_summary
from network_app.cli import main


def summary(edges, alone=()):
    graph = nx.Graph(edges)
    graph.add_nodes_from(alone)
    return network_summary(graph)


def test_one_piece_needs_no_sentence():
    assert components_sentence(summary([("A", "B"), ("B", "C")])) is None
    assert components_sentence(summary([], alone=["A"])) is None


def test_partners_only_tied_to_the_hub_and_small_cliques():
    # A–B–C a triangle, D–E a pair, F, G, H alone: 5 parts, 3 of 8 partners alone
    figures = summary([("A", "B"), ("B", "C"), ("A", "C"), ("D", "E")], alone="FGH")
    assert components_sentence(figures, hub="Lab") == (
        "Das Netz zerfällt in 5 getrennte Teile: 3 der 8 Partner sind nur mit Lab verbunden, "
        "mit keinem anderen Partner. Die übrigen 5 Partner bilden 2 Gruppen ohne Verbindung "
        "zueinander; die größte hat 3 Partner. Im größten Teil ist jeder Partner mit jedem "
        "direkt verbunden (größter Abstand 1).")


def test_without_hub_and_most_alone():
    # a path A–B–C (largest distance 2) and four partners alone: most partners have no tie
    figures = summary([("A", "B"), ("B", "C")], alone="DEFG")
    assert components_sentence(figures) == (
        "Das Netz zerfällt in 5 getrennte Teile: 4 der 7 Partner haben keine Verbindung zu "
        "einem anderen Partner. Die übrigen 3 Partner hängen alle zusammen.")
    with_hub = components_sentence(figures, hub="Lab")
    assert with_hub.endswith("Das heißt: Die meisten Partner sind über Lab eingebunden, in der "
                             "Arbeitsmappe aber nicht miteinander verbunden.")


def test_pieces_without_anyone_alone():
    figures = summary([("A", "B"), ("C", "D"), ("D", "E")])
    assert components_sentence(figures, lang="en") == (
        "The network falls apart into 2 separate parts: The parts have no tie between them; "
        "the largest has 3 partners.")


@pytest.mark.parametrize("alone", ["F", "FGHIJK"])
def test_english_has_no_german(alone):
    text = components_sentence(summary([("A", "B"), ("C", "D")], alone=alone), "en", hub="Lab")
    assert german_words(text) == []


def test_cli_analyze_explains_the_pieces(capsys):
    main(["analyze", str(BUNDLED)])
    shown = " ".join(capsys.readouterr().out.split())
    assert ("Das Netz zerfällt in 44 getrennte Teile: 37 der 64 Partner sind nur mit "
            "stadtLABOR Soest verbunden") in shown
