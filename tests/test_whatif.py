"""Was wäre, wenn …: a chain with a triangle, a pair and a loner, checked by hand.

The partner layer of the workbook below::

    A – B – C – D – E        G – H        I
                 \\ /
                  F

(D, E and F form a triangle.) Three parts before: {A … F}, {G, H}, {I}.
"""

from __future__ import annotations

import copy
import dataclasses

import networkx as nx
import pytest
from english import german_words

from network_app import (
    WhatIf,
    build_graph,
    internal_contacts,
    partner_layer,
    partners_without_contact,
    remove_contact,
    remove_partners,
    single_contact_partnerships,
    whatif_sentences,
)
from network_app.workbook.reading import read_sheets
from network_app.workbook.validation import validate_sheets

CONTACTS = {
    "A": "Anna Meier",
    "B": "Anna Meier; Ben Roth",
    "C": "anna  meier",          # same person, other spelling: the first one wins
    "D": "Ben Roth und Cem Kaya",
    "E": "Cem Kaya / Dana Li",
    "F": "Dana Li, Ben Roth",
    "G": "Ben Roth",
    "H": None,
    "I": None,
}
TIES = [("A", "B"), ("B", "C"), ("C", "D"), ("D", "E"), ("E", "F"), ("D", "F"), ("G", "H")]


@pytest.fixture
def data(make_xlsx):
    sheets = {
        "Partner": [["Name", "Kategorie", "Ansprechperson intern"]]
        + [[name, "Austausch", contact] for name, contact in CONTACTS.items()],
        "Beziehungen": [["Von", "Nach", "Stärke"]] + [[a, b, 1] for a, b in TIES],
    }
    data = validate_sheets(read_sheets(make_xlsx(sheets), "xlsx"))
    assert data.is_valid, data.errors
    return data


@pytest.fixture
def layer(data):
    return partner_layer(build_graph(data))


def test_internal_contacts_split_and_merge_spellings(data):
    assert internal_contacts(data) == {
        "Anna Meier": ["A", "B", "C"],
        "Ben Roth": ["B", "D", "F", "G"],
        "Cem Kaya": ["D", "E"],
        "Dana Li": ["E", "F"],
    }


def test_single_contact_partnerships(data):
    assert single_contact_partnerships(data) == [
        ("A", "Anna Meier"), ("C", "Anna Meier"), ("G", "Ben Roth"),
    ]
    assert partners_without_contact(data) == ["H", "I"]


@pytest.mark.parametrize("cell, people", [
    ("Anna;Ben", ["Anna", "Ben"]),
    ("Anna ,  Ben / Cem", ["Anna", "Ben", "Cem"]),
    ("Anna und Ben", ["Anna", "Ben"]),
    ("Anna UND Ben & Cem", ["Anna", "Ben", "Cem"]),
    ("Undine Kunde", ["Undine Kunde"]),      # "und" inside a name is no separator
    ("Anna; anna", ["Anna"]),
])
def test_people_in_one_cell(cell, people):
    from network_app.analysis.whatif import _people
    assert _people(cell) == people


def test_removing_b_isolates_a(layer):
    result = remove_partners(layer, ["B"])
    assert result.removed == ["B"]
    assert (result.components_before, result.components_after) == (3, 4)
    assert result.isolated == ["A"]
    assert result.split_off == []
    assert result.lost_ties == 2
    # Two-step reach lost: A 2 (B, C), C 2 (B, A), D 1 (B).
    assert result.reach_lost == 5


def test_removing_c_cuts_off_a_group(layer):
    result = remove_partners(layer, ["C"])
    assert (result.components_before, result.components_after) == (3, 4)
    assert result.isolated == []
    assert result.split_off == [["A", "B"]]
    assert result.lost_ties == 2
    # A 1 (C), B 2 (C, D), D 2 (C, B), E 1 (C), F 1 (C).
    assert result.reach_lost == 7


def test_removing_two_partners(layer):
    result = remove_partners(layer, ["D", "B"])
    assert result.removed == ["B", "D"]
    # Left of {A … F}: {A}, {C}, {E, F}; the pair is what remains of the main part.
    assert result.components_after == 5
    assert result.isolated == ["A", "C"]
    assert result.split_off == []
    assert result.lost_ties == 5


def test_removing_a_loner_changes_no_tie(layer):
    result = remove_partners(layer, ["I", "not a partner"])
    assert result.removed == ["I"]
    assert (result.components_before, result.components_after) == (3, 2)
    assert (result.isolated, result.split_off, result.lost_ties, result.reach_lost) == \
        ([], [], 0, 0)


def test_full_graph_is_reduced_to_the_partner_layer(data, layer):
    assert remove_partners(build_graph(data), ["C"]) == remove_partners(layer, ["C"])


def test_remove_contact_drops_only_partnerships_hanging_on_them(data, layer):
    result = remove_contact(data, layer, "ANNA meier")
    assert result.person == "Anna Meier"
    assert result.removed == ["A", "C"]            # B is also looked after by Ben Roth
    assert result.isolated == ["B"]
    assert result.split_off == []
    assert result.lost_ties == 3
    assert (result.components_before, result.components_after) == (3, 4)
    assert result.reach_lost == 7


def test_remove_unknown_contact_removes_nothing(data, layer):
    result = remove_contact(data, layer, "Niemand")
    assert result.removed == []
    assert result.components_after == result.components_before


def test_nothing_is_mutated(data, layer):
    graph_before = layer.copy()
    records_before = copy.deepcopy(data.records("partners"))
    remove_partners(layer, ["B", "D"])
    remove_contact(data, layer, "Anna Meier")
    internal_contacts(data)
    single_contact_partnerships(data)
    assert nx.utils.graphs_equal(layer, graph_before)
    assert data.records("partners") == records_before


def test_german_sentences_name_partners_and_numbers(data, layer):
    sentences = whatif_sentences(remove_partners(layer, ["B", "D"]))
    assert sentences[0].startswith("Ohne B und D zerfällt das Netz in 5 Teile statt 3")
    assert "2 Partner verlieren ihre letzte Verbindung zu anderen Partnern: A und C." in sentences
    assert "5 Verbindungen zwischen Partnern brechen ab." in sentences
    assert whatif_sentences(remove_partners(layer, ["I"]))[-1] == "Keine Verbindung bricht ab."
    contact = whatif_sentences(remove_contact(data, layer, "Anna Meier"))
    assert contact[0] == "2 Partnerschaften hängen allein an Anna Meier: A und C."


def test_english_sentences(layer):
    sentences = whatif_sentences(remove_partners(layer, ["C"]), lang="en")
    assert sentences[0].startswith("Without C the network falls into 4 parts instead of 3")
    assert "1 group is cut off from the main network: A and B." in sentences


def test_one_of_each_is_singular_and_large_counts_are_grouped():
    one = WhatIf(removed=["A"], components_before=1, components_after=2, isolated=["B"],
                 split_off=[["C", "D"]], lost_ties=1, reach_lost=1, person="Anna")
    assert whatif_sentences(one, "en") == [
        "1 partnership depends on Anna alone: A.",
        "Without A the network falls into 2 parts instead of 1 (a partner with no ties to other "
        "partners counts as a part of its own).",
        "1 partner loses its last tie to other partners: B.",
        "1 group is cut off from the main network: C and D.",
        "1 tie between partners is lost.",
        "Within two steps (partners of partners) the remaining partners together reach 1 "
        "partner fewer.",
    ]
    many = dataclasses.replace(one, person=None, isolated=[], split_off=[], lost_ties=1234,
                               reach_lost=5678, components_before=1000, components_after=1001)
    german = whatif_sentences(many)
    assert german[0] == "Ohne A zerfällt das Netz in 1.001 Teile statt 1.000 (ein Partner ohne " \
        "Verbindung zu anderen Partnern zählt als eigener Teil)."
    assert german[1] == "1.234 Verbindungen zwischen Partnern brechen ab."
    assert "5.678 Partner weniger" in german[2]
    english = whatif_sentences(many, "en")
    assert english[1] == "1,234 ties between partners are lost."
    assert "reach 5,678 partners fewer" in english[2]


def test_english_sentences_have_no_german(data, layer):
    for result in (remove_partners(layer, ["B", "D"]), remove_partners(layer, []),
                   remove_contact(data, layer, "Anna Meier"),
                   remove_contact(data, layer, "Nobody")):
        text = " ".join(whatif_sentences(result, "en"))
        assert german_words(text, CONTACTS) == [], text
