"""Change over time, on partners with Seit/Bis over 2019–2024, checked by hand.

============ ============================= ======= =======
partner      categories                    Seit    Bis
============ ============================= ======= =======
Alpha        Austausch                     2019
Beta         Kooperation                   2019    2021
Gamma        Forschung; Kooperation        2021
Delta        Netzwerk                      2022    2024
Epsilon      Austausch                     (none)  (none)
Zeta         Kooperation                   (none)  2020
============ ============================= ======= =======

Activities: Werkstatt 2020 (Alpha, Beta, Epsilon), Forum 2023 (Alpha, Gamma, Delta),
Stammtisch without a date (Alpha, Epsilon). Relations: Alpha–Gamma since 2022 (strength 2),
Beta–Epsilon 2019–2020 (strength 1). Programme: Verbund 2021–2022 (Gamma, Delta, Epsilon).
"""

from __future__ import annotations

import copy
import datetime as dt

import networkx as nx
import pytest
from english import german_words

from network_app import (
    GrowthYears,
    YearComparison,
    active_in,
    build_graph,
    compare_years,
    data_year,
    graph_as_of,
    growth_years,
    partner_layer,
    partners_per_year,
    undated_partners,
    year_range,
)
from network_app.workbook.reading import read_sheets
from network_app.workbook.validation import validate_sheets


@pytest.fixture
def data(make_xlsx):
    sheets = {
        "Partner": [
            ["Name", "Kategorie", "Seit", "Bis"],
            ["Alpha", "Austausch", 2019, None],
            ["Beta", "Kooperation", 2019, 2021],
            ["Gamma", "Forschung; Kooperation", 2021, None],
            ["Delta", "Netzwerk", 2022, 2024],
            ["Epsilon", "Austausch", None, None],
            ["Zeta", "Kooperation", None, 2020],
        ],
        "Beziehungen": [
            ["Von", "Nach", "Stärke", "Seit", "Bis"],
            ["Alpha", "Gamma", 2, 2022, None],
            ["Beta", "Epsilon", 1, 2019, 2020],
        ],
        "Aktivitäten": [
            ["Aktivität", "Datum", "Beteiligte"],
            ["Werkstatt", "15.03.2020", "Alpha; Beta; Epsilon"],
            ["Forum", 2023, "Alpha; Gamma; Delta"],
            ["Stammtisch", None, "Alpha; Epsilon"],
        ],
        "Programme": [
            ["Programm", "Seit", "Bis", "Beteiligte"],
            ["Verbund", 2021, 2022, "Gamma; Delta; Epsilon"],
        ],
    }
    data = validate_sheets(read_sheets(make_xlsx(sheets), "xlsx"))
    assert data.is_valid, data.errors
    return data


def ties(graph: nx.Graph) -> dict[tuple[str, str], int]:
    return {tuple(sorted(e)): w for *e, w in partner_layer(graph).edges(data="weight")}


@pytest.mark.parametrize("since, until, year, expected", [
    (2019, 2021, 2019, True), (2019, 2021, 2021, True), (2019, 2021, 2018, False),
    (2019, 2021, 2022, False), (None, 2021, 1950, True), (2019, None, 2100, True),
    (None, None, 2000, True),
])
def test_active_in(since, until, year, expected):
    assert active_in({"since": since, "until": until}, year) is expected


def test_undated_partners_and_year_range(data):
    assert undated_partners(data) == 2          # Epsilon and Zeta have no Seit
    assert year_range(data) == range(2019, 2025)


def test_partners_per_year(data):
    table = partners_per_year(data)
    assert list(table.columns) == ["Austausch", "Kooperation", "Netzwerk", "Forschung"]
    assert list(table.index) == list(range(2019, 2025))
    assert table.to_dict("index") == {
        2019: {"Austausch": 2, "Kooperation": 2, "Netzwerk": 0, "Forschung": 0},
        2020: {"Austausch": 2, "Kooperation": 2, "Netzwerk": 0, "Forschung": 0},
        2021: {"Austausch": 2, "Kooperation": 2, "Netzwerk": 0, "Forschung": 1},
        2022: {"Austausch": 2, "Kooperation": 1, "Netzwerk": 1, "Forschung": 1},
        2023: {"Austausch": 2, "Kooperation": 1, "Netzwerk": 1, "Forschung": 1},
        2024: {"Austausch": 2, "Kooperation": 1, "Netzwerk": 1, "Forschung": 1},
    }


def test_partners_per_year_with_given_years(data):
    table = partners_per_year(data, range(2015, 2017))
    # Before every Seit only the partners without one are counted.
    assert table.loc[2015].to_dict() == {"Austausch": 1, "Kooperation": 1, "Netzwerk": 0,
                                         "Forschung": 0}


def test_graph_as_of_2020(data):
    graph = graph_as_of(data, 2020)
    assert graph.graph["as_of"] == 2020
    assert sorted(graph.neighbors("stadtLABOR Soest")) == ["Alpha", "Beta", "Epsilon", "Zeta"]
    # Werkstatt and the undated Stammtisch count; the relation Beta–Epsilon still runs.
    assert ties(graph) == {("Alpha", "Beta"): 1, ("Alpha", "Epsilon"): 2, ("Beta", "Epsilon"): 2}
    assert graph.edges["Alpha", "Epsilon"]["activities"] == ["Werkstatt", "Stammtisch"]


def test_graph_as_of_2022_has_the_programme(data):
    graph = graph_as_of(data, 2022)
    assert ties(graph) == {("Alpha", "Epsilon"): 2, ("Alpha", "Gamma"): 2,
                           ("Delta", "Gamma"): 1, ("Epsilon", "Gamma"): 1,
                           ("Delta", "Epsilon"): 1}


def test_graph_as_of_2023(data):
    graph = graph_as_of(data, 2023)
    assert graph.nodes["Delta"]["kind"] == "partner"
    assert "Beta" not in graph      # left in 2021: no node, and no tie from the 2020 Werkstatt
    assert ties(graph) == {("Alpha", "Epsilon"): 2, ("Alpha", "Gamma"): 3,
                           ("Alpha", "Delta"): 1, ("Delta", "Gamma"): 1}
    assert graph.edges["Alpha", "Gamma"]["relations"][0]["strength"] == 2


def test_build_graph_without_as_of_is_unchanged(data):
    graph = build_graph(data, as_of=None)
    assert "as_of" not in graph.graph
    assert nx.utils.graphs_equal(graph, build_graph(data))
    assert graph.number_of_nodes() == 7


def test_compare_2020_with_2023(data):
    result = compare_years(data, 2020, 2023)
    assert result.new_partners == ["Delta", "Gamma"]
    assert result.ended_partners == ["Beta", "Zeta"]
    assert result.new_ties == [("Alpha", "Delta"), ("Alpha", "Gamma"), ("Delta", "Gamma")]
    assert result.ended_ties == [("Alpha", "Beta"), ("Beta", "Epsilon")]
    assert result.strengthened_ties == []


def test_compare_consecutive_years(data):
    result = compare_years(data, 2022, 2023)
    assert (result.new_partners, result.ended_partners) == ([], [])
    assert result.new_ties == [("Alpha", "Delta")]
    assert result.ended_ties == [("Delta", "Epsilon"), ("Epsilon", "Gamma")]
    assert result.strengthened_ties == [("Alpha", "Gamma", 2, 3)]


def test_functions_do_not_mutate_data(data):
    before = {t: copy.deepcopy(data.records(t))
              for t in ("partners", "relations", "activities", "programmes")}
    graph_as_of(data, 2023)
    partners_per_year(data)
    compare_years(data, 2019, 2024)
    assert {t: data.records(t) for t in before} == before


def test_german_sentences(data):
    sentences = compare_years(data, 2020, 2023).sentences()
    assert sentences[0] == "Von 2020 bis 2023 kamen 2 Partner hinzu: Delta und Gamma."
    assert sentences[1] == "2 Partnerschaften endeten: Beta und Zeta."
    assert sentences[2] == "Zwischen den Partnern entstanden 3 neue Verbindungen, " \
                           "2 Verbindungen fielen weg."
    consecutive = compare_years(data, 2022, 2023).sentences()
    assert consecutive[0] == "2023 kamen keine Partner hinzu."
    assert consecutive[-1] == "1 Verbindung wurde enger: Alpha – Gamma (2 → 3)."
    assert compare_years(data, 2022, 2023).sentences("en")[0] == "In 2023, no partners joined."


def test_sentences_pick_singular_and_keep_years_whole():
    change = YearComparison(year_a=2019, year_b=2023, new_partners=["Delta"], ended_partners=[],
                            new_ties=[], ended_ties=[("Alpha", "Beta")],
                            strengthened_ties=[("Alpha", "Gamma", 1, 1500)])
    assert change.sentences() == [
        "Von 2019 bis 2023 kam 1 Partner hinzu: Delta.",
        "Keine Partnerschaft endete.",
        "Zwischen den Partnern entstanden keine neuen Verbindungen, 1 Verbindung fiel weg.",
        "1 Verbindung wurde enger: Alpha – Gamma (1 → 1.500).",
    ]
    assert change.sentences("en") == [
        "From 2019 to 2023, 1 partner joined: Delta.",
        "No partnership ended.",
        "Between partners, no new ties appeared and 1 was lost.",
        "1 tie grew stronger: Alpha – Gamma (1 → 1,500).",
    ]


def test_english_sentences_have_no_german(data):
    names = list(data.partners["name"])
    for year_a, year_b in ((2019, 2024), (2020, 2023), (2022, 2023), (2023, 2019)):
        text = " ".join(compare_years(data, year_a, year_b).sentences("en"))
        assert german_words(text, names) == [], text


def with_settings(data, **settings):
    changed = copy.deepcopy(data)
    changed.settings.update(settings)
    return changed


def without_start_years(data):
    changed = copy.deepcopy(data)
    changed.partners["since"] = changed.partners["since"].map(lambda _: None).astype("Float64")
    return changed


LATER = dt.date(2026, 6, 1)


def test_growth_runs_from_the_first_seit_to_the_data_date(data):
    # Datenstand 2021, before the current year and before Delta's Bis 2024: the chart stops.
    growth = growth_years(with_settings(data, data_date="2021"), today=LATER)
    assert growth == GrowthYears(range(2019, 2022), None, 2021, True)
    assert growth.sentence() is None
    assert growth.note() == "Gezeigt bis zum Datenstand 2021."
    assert growth.note("en") == "Shown up to the data's date, 2021."


@pytest.mark.parametrize("written", ["2021", "31.12.2021", "2021-12-31", "Dezember 2021",
                                     "2020/2021", " 2021 "])
def test_data_year_reads_the_ways_people_write_a_date(data, written):
    assert data_year(with_settings(data, data_date=written)) == 2021


def test_data_year_without_a_year(data):
    assert data_year(data) is None
    assert data_year(with_settings(data, data_date="aktuell")) is None


def test_growth_without_data_date_ends_at_the_last_year_but_never_in_the_future(data):
    # The workbook's last year is Delta's Bis 2024.
    assert growth_years(data, today=LATER).years == range(2019, 2025)
    # In 2023 a Bis 2024 is a plan: the chart ends this year.
    growth = growth_years(data, today=dt.date(2023, 3, 1))
    assert growth.years == range(2019, 2024)
    assert growth.note() is None  # no Datenstand to name


def test_no_growth_without_start_years(data):
    undated = without_start_years(data)
    assert year_range(undated) == range(2019, 2025)  # other years remain
    growth = growth_years(with_settings(undated, data_date="2022"), today=LATER)
    assert growth.years is None and growth.reason == "no_start_years"
    assert growth.sentence() == (
        "Keine Startjahre (Spalte »Seit«) in der Arbeitsmappe: Es steht nirgends, seit wann "
        "die Partner dabei sind. Darum fehlt das Wachstum über die Jahre.")
    assert growth.note() is None
    assert german_words(growth.sentence("en"), ["Seit"]) == []


def test_no_growth_when_every_start_is_after_this_year_and_no_data_date(data):
    """Without a Datenstand the last year is the current one: the sentence says so and does
    not speak of a Datenstand."""
    assert "data_date" not in data.settings
    growth = growth_years(data, today=dt.date(2018, 6, 1))  # every Seit (2019, 2021) is later
    assert growth == GrowthYears(None, "after_last_year", 2018, False)
    assert growth.sentence() == (
        "Alle Startjahre (Spalte »Seit«) liegen nach 2018, dem laufenden Jahr (die "
        "Arbeitsmappe nennt keinen Datenstand): Ein Wachstum lässt sich noch nicht zeigen.")
    assert growth.sentence("en") == (
        "Every start year (start-year column) lies after 2018, the current year (the workbook "
        "gives no data date): there is no growth to show yet.")
    dated = growth_years(with_settings(data, data_date="2018"), today=LATER)
    assert "(Datenstand)" in dated.sentence() and "laufenden" not in dated.sentence()


def test_no_growth_when_every_start_is_at_or_after_the_data_date(data):
    one = growth_years(with_settings(data, data_date="2019"), today=LATER)
    assert (one.years, one.reason) == (None, "one_year")  # one point is no growth
    assert "2019" in one.sentence()
    after = growth_years(with_settings(data, data_date="2018"), today=LATER)
    assert (after.years, after.reason) == (None, "after_last_year")
    assert after.sentence().startswith("Alle Startjahre (Spalte »Seit«) liegen nach 2018")
