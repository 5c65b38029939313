"""Was wäre, wenn …: what falls apart when partners leave or a colleague does.

Two questions staff ask before a change: *which partnerships hang on a single colleague?*
(:func:`internal_contacts`, :func:`single_contact_partnerships`, :func:`partners_without_contact`)
and *what happens to the network without these partners?* (:func:`remove_partners`,
:func:`remove_contact`). The answer is a :class:`WhatIf` value; :func:`whatif_sentences` says it
in plain German or English.

Everything is computed on the partner layer (:func:`network_app.network.graph.partner_layer`): every
partner touches the hub, so with the hub nothing would ever fall apart. A graph that still holds
the hub is reduced to its partner layer first (in the graph's order: names are sorted here
wherever order shows). The input graph is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from ..network.graph import partner_layer
from ..text import join_list, number, say
from ..workbook.schema import name_key, normalize_name
from ..workbook.validation import PartnerData

__all__ = [
    "WhatIf",
    "internal_contacts",
    "partners_without_contact",
    "remove_contact",
    "remove_partners",
    "single_contact_partnerships",
    "whatif_sentences",
]

#: How people write several colleagues in one cell: "Anna; Ben", "Anna, Ben", "Anna / Ben",
#: "Anna und Ben", "Anna & Ben", one per line.
_PEOPLE_SEPARATORS = re.compile(r"\s*(?:[;,/&\n]|\s+und\s+)\s*", re.IGNORECASE)


# --------------------------------------------------------------------------- contacts


def _people(cell: object) -> list[str]:
    """The people named in one Ansprechperson cell, whitespace normalised, without repeats."""
    if cell is None or not str(cell).strip():
        return []
    found: dict[str, str] = {}
    for part in _PEOPLE_SEPARATORS.split(str(cell)):
        person = " ".join(part.split())
        if person:
            found.setdefault(normalize_name(person), person)
    return list(found.values())


def _contacts_by_partner(data: PartnerData) -> dict[str, list[str]]:
    """Partner → its internal people, each spelt as at their first occurrence in the sheet."""
    spelling: dict[str, str] = {}
    result: dict[str, list[str]] = {}
    for record in data.records("partners"):
        people = []
        for person in _people(record.get("contact_internal")):
            people.append(spelling.setdefault(normalize_name(person), person))
        result[record["name"]] = people
    return result


def internal_contacts(data: PartnerData) -> dict[str, list[str]]:
    """Who looks after which partners.

    The Ansprechperson cell may name several people, separated by ``;``, ``,``, ``/``, ``&``,
    ``und`` or line breaks. Names are compared ignoring case and extra spaces; each person is
    spelt as at their first occurrence in the partner sheet.

    Returns
    -------
    dict
        Person → the partners they look after, both in alphabetical order.
    """
    by_person: dict[str, list[str]] = {}
    for partner, people in _contacts_by_partner(data).items():
        for person in people:
            by_person.setdefault(person, []).append(partner)
    return {person: sorted(by_person[person], key=name_key)
            for person in sorted(by_person, key=name_key)}


def single_contact_partnerships(data: PartnerData) -> list[tuple[str, str]]:
    """``(partner, person)`` for every partnership that hangs on exactly one colleague.

    Sorted by person, then partner. Partners with nobody at all are in
    :func:`partners_without_contact`.
    """
    pairs = [(partner, people[0]) for partner, people in _contacts_by_partner(data).items()
             if len(people) == 1]
    return sorted(pairs, key=lambda pair: (name_key(pair[1]), name_key(pair[0])))


def partners_without_contact(data: PartnerData) -> list[str]:
    """Partners whose Ansprechperson cell is empty, in alphabetical order."""
    return sorted((partner for partner, people in _contacts_by_partner(data).items()
                   if not people), key=name_key)


# --------------------------------------------------------------------------- removing


@dataclass(frozen=True)
class WhatIf:
    """What happens to the partner layer when some partners leave.

    Attributes
    ----------
    removed : list of str
        The partners taken out (those that were in the layer), alphabetical.
    components_before, components_after : int
        Connected parts of the partner layer; a partner without partner–partner ties is a part
        of its own.
    isolated : list of str
        Partners that had at least one tie to another partner before and have none after.
    split_off : list of list of str
        Groups (two or more partners) that belonged to the largest part before and are cut off
        from what remains of it; the largest group left over counts as what remains.
    lost_ties : int
        Partner–partner ties that disappear with the removed partners.
    reach_lost : int
        Summed over the remaining partners: how many partners each could reach in at most two
        steps (partners of partners) before, minus after. Removed partners count as lost reach.
    person : str, optional
        For :func:`remove_contact`: the colleague whose partnerships lapse.
    """

    removed: list[str]
    components_before: int
    components_after: int
    isolated: list[str]
    split_off: list[list[str]]
    lost_ties: int
    reach_lost: int
    person: str | None = None


def _two_step_reach(graph: nx.Graph, node: str) -> set[str]:
    reach = set(graph[node])
    for neighbour in graph[node]:
        reach.update(graph[neighbour])
    reach.discard(node)
    return reach


def _largest(parts: Iterable[set[str]]) -> set[str]:
    """The biggest part; among equals the one with the alphabetically first partner."""
    return min(parts, key=lambda part: (-len(part), min(map(name_key, part))), default=set())


def remove_partners(layer: nx.Graph, names: Iterable[str], *,
                    person: str | None = None) -> WhatIf:
    """What falls apart in the partner layer when the partners ``names`` leave.

    Parameters
    ----------
    layer : networkx.Graph
        The partner layer (a full graph is reduced to it). It is not changed.
    names : iterable of str
        Partners to take out; names not in the layer are ignored.
    person : str, optional
        Recorded on the result (used by :func:`remove_contact`).

    Examples
    --------
    >>> chain = nx.path_graph(["A", "B", "C", "D"])
    >>> result = remove_partners(chain, ["B"])
    >>> result.components_after, result.isolated, result.lost_ties
    (2, ['A'], 2)
    """
    layer = partner_layer(layer)
    removed = sorted({n for n in names if n in layer}, key=name_key)
    gone = set(removed)
    after = layer.subgraph(n for n in layer if n not in gone)  # a view: the input stays intact

    parts_before = list(nx.connected_components(layer))
    main_before = _largest(parts_before)
    isolated = sorted((n for n in after if layer.degree(n) > 0 and after.degree(n) == 0),
                      key=name_key)
    remnants = list(nx.connected_components(after.subgraph(main_before - gone)))
    main_after = _largest(remnants)
    split_off = sorted(
        (sorted(part, key=name_key) for part in remnants
         if part is not main_after and len(part) > 1),
        key=lambda group: (-len(group), name_key(group[0])),
    )

    # Only partners within two steps of a removed one can lose reach.
    affected: set[str] = set()
    for name in removed:
        affected |= _two_step_reach(layer, name)
    affected -= gone
    reach_lost = sum(len(_two_step_reach(layer, n)) - len(_two_step_reach(after, n))
                     for n in affected)

    return WhatIf(
        removed=removed,
        components_before=len(parts_before),
        components_after=nx.number_connected_components(after),
        isolated=isolated,
        split_off=split_off,
        lost_ties=layer.number_of_edges() - after.number_of_edges(),
        reach_lost=reach_lost,
        person=person,
    )


def remove_contact(data: PartnerData, layer: nx.Graph, person: str) -> WhatIf:
    """What falls apart when the colleague ``person`` leaves.

    The partners only ``person`` looks after lapse with them and are removed as in
    :func:`remove_partners`; partners someone else also looks after stay. ``person`` is matched
    ignoring case and extra spaces.
    """
    key = normalize_name(person)
    lapsing = [partner for partner, people in _contacts_by_partner(data).items()
               if len(people) == 1 and normalize_name(people[0]) == key]
    spelt = next((p for p in internal_contacts(data) if normalize_name(p) == key),
                 " ".join(person.split()))
    return remove_partners(layer, lapsing, person=spelt)


# --------------------------------------------------------------------------- sentences


def whatif_sentences(result: WhatIf, lang: str = "de") -> list[str]:
    """The result of :func:`remove_partners` or :func:`remove_contact` in plain sentences.

    Examples
    --------
    >>> chain = nx.path_graph(["A", "B", "C", "D", "E"])
    >>> for sentence in whatif_sentences(remove_partners(chain, ["C"]))[:3]:
    ...     print(sentence)
    Ohne C zerfällt das Netz in 2 Teile statt 1.
    1 Gruppe wird vom Hauptnetz abgeschnitten: D und E.
    2 Verbindungen zwischen Partnern brechen ab.
    """
    def line(key: str, **params: object) -> str:
        return say(f"analysis.whatif.{key}", lang, **params)

    sentences = []
    n = len(result.removed)
    if result.person is not None:
        if not n:
            return [line("no_lapse", person=result.person)]
        sentences.append(line("lapse", count=n, person=result.person,
                              names=join_list(result.removed, lang, limit=5)))
    elif not n:
        return [line("nothing")]
    names = join_list(result.removed, lang, limit=5)
    if result.components_after > result.components_before:
        # "40 parts" would puzzle anyone who counts the clusters in the picture.
        singletons = result.components_before > 1 or result.isolated
        sentences.append(line("split_singletons" if singletons else "split", names=names,
                              after=number(result.components_after, lang),
                              before=number(result.components_before, lang)))
    else:
        sentences.append(line("no_split", names=names))
    if result.isolated:
        sentences.append(line("isolated", count=len(result.isolated),
                              names=join_list(result.isolated, lang, limit=5)))
    if result.split_off:
        groups = "; ".join(join_list(group, lang, limit=5) for group in result.split_off[:5])
        sentences.append(line("split_off", count=len(result.split_off), groups=groups))
    ties = result.lost_ties
    sentences.append(line("ties", count=ties) if ties else line("no_ties"))
    if result.reach_lost:
        sentences.append(line("reach", count=result.reach_lost))
    return sentences
