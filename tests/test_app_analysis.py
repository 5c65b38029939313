"""The Analyse page without a browser: every tab runs, controls change what is shown."""

from __future__ import annotations

import json
import re

import pyarrow as pa
import pytest
from conftest import BUNDLED, ROOT, write_xlsx
from streamlit.testing.v1 import AppTest

import network_app as na

APP = str(ROOT / "streamlit_app.py")
MEASURES, GROUPS, WHATIF, TIMELINE = 0, 1, 3, 5  # the Analyse page's tabs

#: Two cliques of four joined through one partner: "Brücke" has the fewest ties (2) but lies on
#: every path between the cliques (betweenness 16/28); A1 and B1 have the most ties (4) and lie
#: on 15 of the 28 shortest paths between the other partners.
CLIQUE_A, CLIQUE_B = ["A1", "A2", "A3", "A4"], ["B1", "B2", "B3", "B4"]
BRIDGE_SHEETS = {
    "Partner": [["Name", "Kategorie"]]
    + [[name, "Austausch"] for name in [*CLIQUE_A, *CLIQUE_B, "Brücke"]],
    "Beziehungen": [["Von", "Nach"]]
    + [[a, b] for clique in (CLIQUE_A, CLIQUE_B)
       for i, a in enumerate(clique) for b in clique[i + 1:]]
    + [["A1", "Brücke"], ["Brücke", "B1"]],
}


@pytest.fixture
def page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/analyse.py").run()
    assert not at.exception
    return at


def text(markdown: str) -> str:
    """What a Markdown element shows: the page escapes workbook text ("B\\-Uni")."""
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.fixture
def bridge_page(tmp_path) -> AppTest:
    """The Analyse page for the two-cliques workbook (BRIDGE_SHEETS)."""
    path = write_xlsx(tmp_path / "bruecke.xlsx", BRIDGE_SHEETS)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    at.switch_page("app_pages/analyse.py").run()
    assert not at.exception
    return at


def ranking(at: AppTest) -> tuple[str, list[tuple[str, float]], list[str], object]:
    """The measures tab as shown: the chart's axis title and bars, the table's partner order
    and the table itself."""
    tab = at.tabs[MEASURES]
    chart = tab.get("vega_lite_chart")[0].proto
    [dataset] = chart.datasets
    bars = pa.ipc.open_stream(dataset.data.data).read_all().to_pandas()
    title = json.loads(chart.spec)["encoding"]["x"]["title"]
    table = tab.dataframe[0].value
    return (title, [(n, round(float(v), 4)) for n, v in zip(bars["name"], bars["value"],
                                                           strict=True)],
            list(table.index), table)


def groups(at: AppTest) -> tuple[list[set[str]], str, str]:
    """The groups tab as shown: the members of each group (table), the partners alone, and
    the modularity tile."""
    tab = at.tabs[GROUPS]
    members = [set(text.split(", ")) for text in tab.table[0].value.iloc[:, 3]]
    alone = " ".join(text(m.value) for m in tab.markdown)
    return members, alone, tab.metric[0].value


def test_analysis_page_says_the_hub_is_left_out(page):
    assert "ausgeblendet" in page.info[0].value
    labels = {m.label for m in page.metric}
    assert {"Partner", "Verbindungen zwischen Partnern", "Dichte", "Getrennte Teile"} <= labels
    partners = next(m.value for m in page.metric if m.label == "Partner")
    assert partners == "64"


def test_ranking_follows_the_chosen_measure(bridge_page):
    at = bridge_page
    assert at.selectbox(key="measure").value == "degree"
    title, bars, order, table = ranking(at)
    assert bars == [("A1", 4), ("B1", 4), ("A2", 3), ("A3", 3), ("A4", 3), ("B2", 3),
                    ("B3", 3), ("B4", 3), ("Brücke", 2)]
    assert order == [name for name, _ in bars]
    assert list(table[title]) == [value for _, value in bars]  # the table's degree column

    at.selectbox(key="measure").set_value("betweenness").run()
    assert not at.exception
    new_title, bars, order, table = ranking(at)
    assert new_title != title
    # The bridge, last by ties, is first by betweenness: 16 of the 28 shortest paths between
    # the other partners run through it, 15 through A1 and through B1, none through the rest.
    assert bars == [("Brücke", round(16 / 28, 4)), ("A1", round(15 / 28, 4)),
                    ("B1", round(15 / 28, 4)), ("A2", 0), ("A3", 0), ("A4", 0), ("B2", 0),
                    ("B3", 0), ("B4", 0)]
    assert order == [name for name, _ in bars]
    assert [round(v, 4) for v in table[new_title]] == [value for _, value in bars]


def test_groups_follow_the_resolution(bridge_page):
    at = bridge_page
    assert at.select_slider(key="resolution").value == 1.0
    members, alone, modularity = groups(at)
    # Coarse: the bridge joins one clique (which one is the algorithm's seeded choice).
    assert sorted(members, key=len) == [set(CLIQUE_B), {*CLIQUE_A, "Brücke"}] or \
        sorted(members, key=len) == [set(CLIQUE_A), {*CLIQUE_B, "Brücke"}]
    assert "Brücke" not in alone

    at.select_slider(key="resolution").set_value(1.5).run()
    assert not at.exception
    finer, alone, finer_modularity = groups(at)
    # Finer: the two cliques are the groups and the bridge stands alone.
    assert sorted(finer, key=min) == [set(CLIQUE_A), set(CLIQUE_B)]
    assert alone == "Brücke"
    assert finer_modularity != modularity


def test_whatif_partner_and_person(page):
    layer_names = page.multiselect(key="whatif_partners").options
    assert "KGSt" in layer_names
    page.multiselect(key="whatif_partners").set_value(["Stadt Beckum"]).run()
    assert not page.exception
    assert any("Stadt Beckum" in m.value for m in page.markdown)


def timeline(at: AppTest) -> tuple[list[str], list[str]]:
    """The timeline tab as shown: the comparison's sentences and the two pictures' captions."""
    tab = at.tabs[TIMELINE]
    captions = [re.search(r'<div id="caption">(.*?)</div>', frame.proto.srcdoc)[1]
                for frame in tab.get("iframe")]
    return [text(m.value) for m in tab.markdown], captions


def test_years_compared_stop_at_the_data_date(page):
    data = na.load_workbook(BUNDLED.read_bytes(), filename=BUNDLED.name)
    assert na.data_year(data) == 2022 and max(na.year_range(data)) > 2022  # programmes run on
    # Years after the Datenstand are plans, not data: the choice ends at 2022.
    assert [int(y) for y in page.selectbox(key="year_b").options] == list(range(2018, 2023))
    expected = {(a, b): na.compare_years(data, a, b).sentences("de")
                for a, b in ((2018, 2022), (2019, 2021))}
    assert expected[2018, 2022] != expected[2019, 2021]
    assert timeline(page) == (expected[2018, 2022], ["Stand 2018", "Stand 2022"])
    page.selectbox(key="year_a").set_value(2019).run()
    page.selectbox(key="year_b").set_value(2021).run()
    assert not page.exception
    sentences, captions = timeline(page)
    assert sentences[0].startswith("Von 2019 bis 2021 ")
    assert sentences == expected[2019, 2021]
    assert captions == ["Stand 2019", "Stand 2021"]  # the right picture is the later year


def test_growth_without_start_years_is_a_sentence(page):
    # The bundled workbook has no Seit years: flat lines 2018–2026 would invent a history.
    tab = page.tabs[TIMELINE]
    assert not tab.get("vega_lite_chart")
    assert [i.value for i in tab.info] == [
        "Keine Startjahre (Spalte »Seit«) in der Arbeitsmappe: Es steht nirgends, seit wann "
        "die Partner dabei sind. Darum fehlt das Wachstum über die Jahre."]


GROWTH_SHEETS = {
    "Partner": [["Name", "Kategorie", "Seit", "Bis"], ["Alt", "Austausch", 2019, None],
                ["Neu", "Forschung", 2021, None], ["Später", "Forschung", 2024, None],
                ["Ohne Jahr", "Netzwerk", None, None]],
    "Programme": [["Programm", "Seit", "Bis", "Beteiligte"], ["Plan", 2020, 2030, "Alt; Neu"]],
    "Einstellungen": [["Einstellung", "Wert"], ["Datenstand", "31.12.2022"]],
}


def test_growth_runs_from_the_first_start_year_to_the_data_date(tmp_path):
    path = write_xlsx(tmp_path / "wachstum.xlsx", GROWTH_SHEETS)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    at.switch_page("app_pages/analyse.py").run()
    assert not at.exception
    tab = at.tabs[TIMELINE]
    [chart] = tab.get("vega_lite_chart")
    [dataset] = chart.proto.datasets
    rows = pa.ipc.open_stream(dataset.data.data).read_all().to_pandas()
    # 2019 (the first Seit) to 2022 (the Datenstand), not to the programme's end in 2030
    assert sorted(set(rows["year"])) == ["2019", "2020", "2021", "2022"]
    counts = {(r.year, r.category): r["count"] for _, r in rows.iterrows()}
    assert counts["2020", "Forschung"] == 0  # "Neu" starts in 2021
    assert counts["2022", "Forschung"] == 1  # "Später" (2024) is not there yet
    axis = json.loads(chart.proto.spec)["encoding"]["y"]["axis"]
    assert axis["tickMinStep"] == 1 and axis["format"] == ",d"  # no "0,5 Partner"
    assert [c.value for c in tab.caption][:1] == [
        "Gezeigt bis zum Datenstand 2022. 1 Partner ohne »Seit«-Jahr zählt in jedem Jahr mit."]


def test_all_zero_ranking_is_a_sentence(page):
    # In the bundled network every group of tied partners is all tied to each other: no
    # partner lies between two others, every betweenness is 0.
    page.selectbox(key="measure").set_value("betweenness").run()
    assert not page.exception
    tab = page.tabs[MEASURES]
    assert not tab.get("vega_lite_chart")
    assert any(i.value.startswith("Kein Partner liegt zwischen anderen: ") for i in tab.info)
    assert "0.000000" not in str(tab)


def test_ranking_axes_count_whole_and_show_whole_names(bridge_page):
    chart = bridge_page.tabs[MEASURES].get("vega_lite_chart")[0].proto
    encoding = json.loads(chart.spec)["encoding"]
    assert encoding["x"]["axis"]["tickMinStep"] == 1 and encoding["x"]["axis"]["format"] == ",d"
    # "Universität für Verwaltungswissenschaften Speyer" is about 300 px at the axis' size
    assert encoding["y"]["axis"]["labelLimit"] >= 400


def test_many_pieces_are_explained(page):
    tab = page.tabs[MEASURES]
    pieces = [i.value for i in tab.info if i.value.startswith("Das Netz zerfällt")]
    assert pieces == [
        "Das Netz zerfällt in 44 getrennte Teile: 37 der 64 Partner sind nur mit stadtLABOR "
        "Soest verbunden, mit keinem anderen Partner. Die übrigen 27 Partner bilden 7 Gruppen "
        "ohne Verbindung zueinander; die größte hat 8 Partner. Im größten Teil ist jeder "
        "Partner mit jedem direkt verbunden (größter Abstand 1). Das heißt: Die meisten Partner "
        "sind über stadtLABOR Soest eingebunden, in der Arbeitsmappe aber nicht miteinander "
        "verbunden."]


def test_one_piece_needs_no_explanation(bridge_page):
    assert not [i for i in bridge_page.tabs[MEASURES].info
                if i.value.startswith("Das Netz zerfällt")]


def test_english(page):
    page.sidebar.radio(key="language").set_value("English").run()
    assert not page.exception
    assert "left out" in page.info[0].value


def test_whatif_contact_person_leaves(tmp_path):
    path = write_xlsx(tmp_path / "kontakte.xlsx", {
        "Partner": [["Name", "Kategorie", "Ansprechperson intern"],
                    ["A-Lab", "Austausch", "Frau Ahrens"], ["B-Uni", "Forschung", "Herr Brandt"],
                    ["C-Verein", "Netzwerk", "Herr Brandt; Frau Ahrens"]],
        "Beziehungen": [["Von", "Nach"], ["A-Lab", "B-Uni"], ["B-Uni", "C-Verein"]],
    })
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    at.switch_page("app_pages/analyse.py").run()
    at.radio(key="whatif_mode").set_value("Ansprechperson (intern)").run()
    at.selectbox(key="whatif_person").set_value("Herr Brandt").run()
    assert not at.exception
    shown = [text(m.value) for m in at.tabs[WHATIF].markdown]
    # B-Uni hangs on Herr Brandt alone (C-Verein also has Frau Ahrens); without B-Uni, A-Lab
    # and C-Verein lose their only tie.
    assert shown[0] == "1 Partnerschaft hängt allein an Herr Brandt: B-Uni."
    assert ("2 Partner verlieren ihre letzte Verbindung zu anderen Partnern: "
            "A-Lab und C-Verein.") in shown
    single = next(d.value for d in at.dataframe
                  if list(d.value.columns) == ["Partner", "Ansprechperson"])
    assert sorted(map(tuple, single.to_numpy().tolist())) == [("A-Lab", "Frau Ahrens"),
                                                             ("B-Uni", "Herr Brandt")]


def test_rankings_without_any_tie_are_sentences(tmp_path):
    path = write_xlsx(tmp_path / "ohne.xlsx", {"Partner": [["Name", "Kategorie"],
                                                          ["A-Lab", "Austausch"],
                                                          ["B-Uni", "Forschung"]]})
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    at.switch_page("app_pages/analyse.py").run()
    assert not at.exception
    tab = at.tabs[MEASURES]
    assert not tab.get("vega_lite_chart")
    assert ("Kein Partner ist mit einem anderen Partner verbunden: Darum hat »Verbindungen« bei "
            "allen den Wert 0, und es gibt keine Rangliste.") in [i.value for i in tab.info]
    at.selectbox(key="measure").set_value("constraint").run()  # needs ties to exist at all
    assert any(i.value.startswith("Für keinen Partner lässt sich »Abhängigkeit« berechnen")
               for i in at.tabs[MEASURES].info)
