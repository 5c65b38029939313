"""The graph built from the small workbook in conftest, checked by hand."""

from __future__ import annotations

import random
from itertools import combinations

import networkx as nx
import pytest
from conftest import BUNDLED, write_xlsx

from network_app import bipartite_graph, build_graph, load_workbook, partner_layer
from network_app.geo import with_coordinates
from network_app.network.graph import _NODE_COLUMNS, _directed_source, _measured, _relation
from network_app.workbook.reading import read_sheets
from network_app.workbook.validation import validate_sheets


@pytest.fixture
def data(make_xlsx, small_sheets):
    return validate_sheets(read_sheets(make_xlsx(small_sheets), "xlsx"))


def test_hub_and_partners(data):
    graph = build_graph(data)
    hub = "stadtLABOR Soest"
    assert graph.nodes[hub]["kind"] == "hub"
    assert sorted(graph.neighbors(hub)) == ["A-Lab", "B-Uni", "C-Verein", "D-Stadt"]
    assert graph.edges[hub, "B-Uni"]["categories"] == ["Forschung", "Kooperation"]
    assert graph.nodes["B-Uni"]["category"] == "Forschung"
    assert graph.nodes["A-Lab"]["place"] == "Aachen"
    assert graph.nodes["A-Lab"]["row"] == 2


def test_partner_ties_by_hand(data):
    graph = build_graph(data)
    # A–B: relation (strength 3) + Workshop; B–C: Workshop + Tagung; A–C: Workshop;
    # C–D: programme "Verbund".
    ab = graph.edges["A-Lab", "B-Uni"]
    assert ab["relations"][0]["kind"] == "Projekt"
    assert ab["activities"] == ["Workshop"]
    assert ab["weight"] == 4
    assert graph.edges["B-Uni", "C-Verein"]["activities"] == ["Workshop", "Tagung"]
    assert graph.edges["B-Uni", "C-Verein"]["weight"] == 2
    assert graph.edges["A-Lab", "C-Verein"]["weight"] == 1
    assert graph.edges["C-Verein", "D-Stadt"]["programmes"] == ["Verbund"]
    assert not graph.has_edge("A-Lab", "D-Stadt")


def test_partner_layer_drops_hub_only(data):
    layer = partner_layer(build_graph(data))
    assert sorted(layer.nodes) == ["A-Lab", "B-Uni", "C-Verein", "D-Stadt"]
    assert layer.number_of_edges() == 4
    assert nx.is_connected(layer)


def test_partner_layer_does_not_touch_the_graph(data):
    graph = build_graph(data)
    layer = partner_layer(graph)
    layer.remove_node("A-Lab")
    assert "A-Lab" in graph


def test_partner_layer_keeps_the_graph_order_and_attributes(data):
    graph = build_graph(data)
    layer = partner_layer(graph)
    assert list(layer) == list(data.partners["name"])  # the workbook's order
    assert layer.nodes["A-Lab"]["place"] == "Aachen"
    assert layer.edges["A-Lab", "B-Uni"] == graph.edges["A-Lab", "B-Uni"]
    assert layer.graph["own_organisation"] == data.own_organisation


def test_partner_layer_of_the_bipartite_graph_has_no_activities(data):
    layer = partner_layer(bipartite_graph(data))
    assert sorted(layer) == ["A-Lab", "B-Uni", "C-Verein", "D-Stadt"]
    assert layer.number_of_edges() == 0  # partners meet only through activity nodes there


def test_partner_layer_takes_a_graph_without_hub_as_it_is_but_without_self_loops():
    plain = nx.Graph([("B", "A"), ("A", "C"), ("C", "C")])
    layer = partner_layer(plain)
    assert list(layer) == ["B", "A", "C"]
    assert sorted(map(sorted, layer.edges)) == [["A", "B"], ["A", "C"]]
    assert plain.has_edge("C", "C")  # the input is left as it was
    assert nx.utils.graphs_equal(partner_layer(layer), layer)


def test_ordered_partner_layer_is_sorted_and_weighted():
    graph = nx.Graph()
    graph.add_node("Hub", kind="hub")
    graph.add_edges_from([("Hub", "C"), ("Hub", "A"), ("C", "B"), ("B", "A")])
    graph.edges["C", "B"]["weight"] = 3
    shuffled = nx.Graph()
    shuffled.add_nodes_from(reversed(list(graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(graph.edges(data=True))))
    for source in (graph, shuffled):
        layer = partner_layer(source, ordered=True)
        assert list(layer) == ["A", "B", "C"]
        assert list(layer.edges(data="weight")) == [("A", "B", 1), ("B", "C", 3)]
    assert "weight" not in graph.edges["B", "A"]  # defaulted in the copy only


def test_bipartite_view(data):
    graph = bipartite_graph(data)
    kinds = nx.get_node_attributes(graph, "kind")
    assert sum(k == "activity" for k in kinds.values()) == 2
    assert sum(k == "programme" for k in kinds.values()) == 1
    workshop = next(n for n, k in kinds.items() if k == "activity"
                    and graph.nodes[n]["label"] == "Workshop")
    assert sorted(graph.neighbors(workshop)) == ["A-Lab", "B-Uni", "C-Verein"]
    assert nx.is_bipartite(graph)


# --------------------------------------------------------------------------- bulk building
# build_graph builds its ties in bulk. The reference below is the earlier row-by-row build
# (until November 2026), kept here so the bulk build is held to exactly its result: the same
# nodes, ties and attributes, with the same types, in the same order.


def _reference_build_graph(data, *, as_of=None):
    def active(since, until, year):
        return (since is None or since <= year) and (until is None or until >= year)

    tables = {t: data.records(t) for t in ("partners", "relations", "activities", "programmes")}
    if as_of is not None:
        partners = [r for r in tables["partners"] if active(r["since"], r["until"], as_of)]
        present = {r["name"] for r in partners}
        if data.has_hub:
            present.add(data.own_organisation)
        relations = [r for r in tables["relations"] if active(r["since"], r["until"], as_of)
                     and r["source"] in present and r["target"] in present]
        activities = [r for r in tables["activities"] if r["year"] is None or r["year"] <= as_of]
        programmes = [r for r in tables["programmes"] if active(r["since"], r["until"], as_of)]
        for record in (*activities, *programmes):
            record["participants"] = [n for n in record["participants"] if n in present]
        tables = {"partners": partners, "relations": relations, "activities": activities,
                  "programmes": programmes}
    graph = nx.Graph(own_organisation=data.own_organisation,
                     title=data.settings.get("title", ""), source=data.source_name)
    if as_of is not None:
        graph.graph["as_of"] = as_of
    hub = data.own_organisation if data.has_hub else None
    if hub is not None:
        graph.add_node(hub, kind="hub", label=hub, categories=[], category="", row=None,
                       extra={}, **{c: None for c in _NODE_COLUMNS}, coord_source=None,
                       coord_place=None)
    for record in with_coordinates(tables["partners"], data.looked_up):
        name = record["name"]
        graph.add_node(name, kind="partner", label=name, categories=list(record["categories"]),
                       category=record["category"], row=int(record["row"]),
                       extra={c: record.get(c) for c in data.extra_columns},
                       **{c: record.get(c) for c in _NODE_COLUMNS},
                       coord_source=record["coord_source"],
                       coord_place=record.get("coord_place"))
        if hub is not None:
            graph.add_edge(hub, name, kind="category", categories=list(record["categories"]),
                           weight=1)
    graph.graph["directed_source"] = _directed_source(data)

    def tie(a, b):
        if not graph.has_edge(a, b):
            graph.add_edge(a, b, kind="partner", relations=[], activities=[], programmes=[],
                           strength=0, weight=0)
        return graph.edges[a, b]

    for record in tables["relations"]:
        edge = tie(record["source"], record["target"])
        relation = _relation(record, data.relation_extra_columns)
        edge["relations"].append(relation)
        edge["strength"] += relation["strength"]
        edge["weight"] += _measured(relation, data.weight_scale)
    for key in ("activities", "programmes"):
        for record in tables[key]:
            for a, b in combinations(record["participants"], 2):
                edge = tie(a, b)
                edge[key].append(record["name"])
                edge["strength"] += 1
                edge["weight"] += data.weight_scale.unit
    return graph


def _fingerprint(graph):
    """Everything of a graph, types and order included (repr tells 1 from 1.0 and np.int64)."""
    return (repr(graph.graph),
            [(repr(n), repr(attrs)) for n, attrs in graph.nodes(data=True)],
            [(repr(n), [repr(m) for m in graph.adj[n]]) for n in graph],
            [(repr(u), repr(v), repr(attrs)) for u, v, attrs in graph.edges(data=True)])


def _generated_sheets(n, *, own_weights=False):
    """N partners with every kind of column, 4N relations, N/2 activities, N/20 programmes."""
    rng = random.Random(n)
    names = [f"Partner {i:05d}" for i in range(n)]
    categories = ["Austausch", "Forschung", "Kooperation", "Netzwerk"]
    partners = [["Name", "Kategorie", "Typ", "Ort", "Seit", "Bis", "Breitengrad", "Längengrad",
                 "Ansprechperson (intern)", "E-Mail", "Notiz", "Mitglieder"]]
    for name in names:
        partners.append([
            name, "; ".join(rng.sample(categories, rng.choice((1, 1, 2)))),
            rng.choice(["Verein", "Hochschule", None]), rng.choice(["Soest", "Hamm", None]),
            rng.choice([None, 2012, 2016, 2020]), rng.choice([None, None, 2021, 2024]),
            rng.choice([None, 51.57]), rng.choice([None, 8.1]), rng.choice([None, "Ute"]),
            rng.choice([None, "info@example.org"]), rng.choice([None, "seit dem Fest"]),
            rng.choice([None, 12, "viele"]),
        ])
    relations = [["Von", "Nach", "Art", "Stärke", "Seit", "Bis", "Notiz", "Quelle"]]
    strengths = [0.5, 2.5, 10, 40, None] if own_weights else [1, 2, 3, 4, 5, None]
    seen = set()
    while len(relations) <= 4 * n:
        a, b = rng.sample(names, 2)
        kind = rng.choice(["Projekt", "Förderung", "Austausch"])
        if (min(a, b), max(a, b), kind) in seen:
            continue
        seen.add((min(a, b), max(a, b), kind))
        relations.append([a, b, kind, rng.choice(strengths), rng.choice([None, 2015, 2019]),
                          rng.choice([None, 2022]), rng.choice([None, "gut"]),
                          rng.choice([None, "Umfrage"])])
    activities = [["Aktivität", "Datum", "Status", "Bereich", "Beteiligte"]]
    for i in range(n // 2):
        activities.append([f"Aktivität {i}", rng.choice([2017, 2019, 2023, None]), "umgesetzt",
                           "Vernetzung", "; ".join(rng.sample(names, rng.choice((2, 3, 4))))])
    programmes = [["Programm", "Seit", "Bis", "Beteiligte"]]
    for i in range(n // 20):
        programmes.append([f"Programm {i}", rng.choice([None, 2018]), rng.choice([None, 2023]),
                           "; ".join(rng.sample(names, 3))])
    return {"Partner": partners, "Beziehungen": relations, "Aktivitäten": activities,
            "Programme": programmes}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    lab = write_xlsx(folder / "lab.xlsx", _generated_sheets(2000))
    own = write_xlsx(folder / "own.xlsx", _generated_sheets(500, own_weights=True))
    return {"2,000 partners": load_workbook(lab),
            "2,000 partners, no hub": load_workbook(lab, own_organisation=False),
            "own weights": load_workbook(own)}


@pytest.mark.parametrize("case", ["2,000 partners", "2,000 partners, no hub", "own weights"])
@pytest.mark.parametrize("as_of", [None, 2020])
def test_bulk_build_equals_the_row_by_row_build(generated, case, as_of):
    data = generated[case]
    assert data.is_valid, data.errors[:3]
    graph = build_graph(data, as_of=as_of)
    assert graph.number_of_edges() > 4 * data.partners.shape[0] * (0.5 if as_of else 1)
    assert _fingerprint(graph) == _fingerprint(_reference_build_graph(data, as_of=as_of))


def test_bulk_build_of_the_generated_workbook_has_every_kind_of_tie(generated):
    data = generated["own weights"]
    assert data.weight_scale.measured  # weights of their own, not the 1–5 scale
    ties = [attrs for _, _, attrs in build_graph(data).edges(data=True)
            if attrs["kind"] == "partner"]
    assert any(t["relations"] and t["activities"] for t in ties)
    assert any(t["programmes"] for t in ties)
    assert any(isinstance(t["weight"], float) for t in ties)


@pytest.mark.parametrize("as_of", [None, 2019])
def test_bulk_build_equals_the_row_by_row_build_on_the_bundled_workbook(as_of):
    data = load_workbook(BUNDLED)
    graph = build_graph(data, as_of=as_of)
    assert _fingerprint(graph) == _fingerprint(_reference_build_graph(data, as_of=as_of))


def test_bulk_build_fills_the_graph_as_networkx_adds_nodes_and_ties():
    """build_graph fills a new graph's dicts itself (keeping its attribute dicts instead of
    copies): the same graph as add_nodes_from and add_edges_from give, also for a node named
    twice, a tie given twice (merged), a tie with itself and an end that is no node yet."""
    from network_app.network.graph import _add_nodes, _add_ties

    def nodes():
        return [("A", {"kind": "hub", "x": 1}), ("B", {"kind": "partner"}),
                ("A", {"x": 2, "y": 3}), ("C", {})]

    def ties():
        return [("A", "B", {"kind": "category", "weight": 1}), ("B", "C", {"weight": 2}),
                ("B", "A", {"kind": "partner", "relations": [1]}), ("C", "C", {"weight": 4}),
                ("C", "D", {"weight": 5}), ("E", "A", {})]

    made = nx.Graph(name="x")
    _add_nodes(made, nodes())
    _add_ties(made, ties())
    expected = nx.Graph(name="x")
    expected.add_nodes_from(nodes())
    expected.add_edges_from(ties())
    assert _fingerprint(made) == _fingerprint(expected)
    assert made.edges["A", "B"] == {"kind": "partner", "weight": 1, "relations": [1]}
    assert made.adj["A"]["B"] is made.adj["B"]["A"]
    with pytest.raises(ValueError):
        _add_nodes(made, [(None, {})])
    with pytest.raises(ValueError):
        _add_ties(made, [("A", None, {})])


@pytest.mark.parametrize("as_of", [None, 2020])
def test_bulk_build_keeps_the_relations_own_columns(tmp_path, as_of):
    """A relation's columns beyond the schema (here "Förderkennzeichen", text, numbers and
    empty cells) reach its ``extra`` exactly as the row-by-row build put them there."""
    sheets = _generated_sheets(300)
    relations = sheets["Beziehungen"]
    relations[0].append("Förderkennzeichen")
    for i, row in enumerate(relations[1:]):
        row.append([None, f"FK-{i}", i, 2.5][i % 4])
    data = load_workbook(write_xlsx(tmp_path / "extra.xlsx", sheets))
    assert data.relation_extra_columns
    graph = build_graph(data, as_of=as_of)
    assert any(r["extra"].get(data.relation_extra_columns[0]) is not None
               for _, _, attrs in graph.edges(data=True) for r in attrs.get("relations", []))
    assert _fingerprint(graph) == _fingerprint(_reference_build_graph(data, as_of=as_of))
