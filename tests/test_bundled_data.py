"""The bundled workbook is the lab's network as its presentation shows it.

The expectations below are typed from the seed's slide "Vernetzung in Soest und darüber hinaus"
(each category label stands below its list), with the OCR slips corrected.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import BUNDLED, ROOT

from network_app import build_graph, load_workbook

SLIDE = {
    "Austausch": [
        "Öcher Lab", "Fablab Hamm", "CityLAB Berlin", "Stadt Paderborn",
        "Stadt Castrop-Rauxel", "Innovationslabor Hassfurt", "Verschwörhaus Ulm",
        "Bochum Futurists", "XR HUB Bavaria", "Stadtwerke Soest",
        "Wirtschaft und Marketing Soest", "Kreis Soest", "Schlachthof Soest",
        "DMZ Digitales Zentrum Mittelstand", "Liebesmuseum Soest",
    ],
    "Kooperation": [
        "Universität für Verwaltungswissenschaften Speyer", "Places Festival", "KGSt",
        "Hochschule Dortmund", "Jugendtreff Treffpunkt Süd", "AG Jugendarbeit",
        "Museum Wilhelm Morgner", "VHS Soest", "Hochschule Südwestfalen",
        "verschiedene Soester Schulen", "Seniorenbüro",
        "Anbieter berufsvorbereitender Maßnahmen",
    ],
    "Netzwerk": [
        "Digitale Modellregionen", "Agile Kultur", "Digitaltag", "Smart Country",
        "Verein Soester Wirtschaft", "Stadt-Land-Digital", "LaLa Ruhr", "Agiles Mittagessen",
    ],
    "Forschung": [
        "Universität Salzburg", "Universität Mozarteum Salzburg",
        "Deutsche Hochschule der Polizei",
    ],
}
PROGRAMMES = {
    "Verbund 5 für Südwestfalen": {"Stadt Arnsberg", "Stadt Bad Berleburg", "Stadt Menden",
                                   "Stadt Olpe", "Südwestfalen Agentur"},
    "Digitale Modellregion": {"Kreis Soest", "Stadt Lippstadt", "Stadt Iserlohn"},
}


@pytest.fixture(scope="module")
def data():
    return load_workbook(BUNDLED)


def test_no_errors_no_warnings(data):
    assert data.problems == []


@pytest.mark.parametrize("category", list(SLIDE))
def test_every_slide_partner_in_its_category(data, category):
    categories = dict(zip(data.partners["name"], data.partners["categories"], strict=True))
    for name in SLIDE[category]:
        assert name in categories, name
        assert category in categories[name], name


def test_ocr_slips_corrected(data):
    names = set(data.partners["name"])
    assert {"KGSt", "GovLab Arnsberg", "Fraunhofer"} <= names
    assert not {"KgST", "KGST", "GoyLab Arnsberg", "Frauenhofer"} & names


def test_programmes_with_members(data):
    programmes = {r["name"]: set(r["participants"]) for r in data.records("programmes")}
    for key, members in PROGRAMMES.items():
        name = next(n for n in programmes if key in n)
        assert programmes[name] == members


def test_activities_2022(data):
    activities = data.records("activities")
    assert len(activities) >= 30  # the seed lists 34 items
    assert {a["status"] for a in activities} == {"umgesetzt", "in Planung"}
    assert {a["area"] for a in activities} >= {"Vernetzung", "Forschung", "Verwaltung",
                                               "Stadtgesellschaft", "Öffentlichkeitsarbeit"}
    kirmes = next(a for a in activities if a["name"] == "Digitale Kirmes")
    assert (kirmes["date"], kirmes["status"]) == ("2022-08-12", "in Planung")
    speyer = [a for a in activities
              if "Universität für Verwaltungswissenschaften Speyer" in a["participants"]]
    assert len(speyer) >= 2


def test_source_and_hub_noted(data):
    assert data.own_organisation == "stadtLABOR Soest"
    assert "Präsentation" in data.settings["source"] or "Vernetzung" in data.settings["source"]
    assert data.records("partners")[0]["contact_internal"] is None  # no personal data


def test_graph_is_connected_through_the_hub(data):
    graph = build_graph(data)
    assert graph.degree("stadtLABOR Soest") == len(data.partners)


def test_builder_script_reproduces_the_workbook(tmp_path):
    """The xlsx is generated: the script run again yields the same content."""
    script = ROOT / "data" / "build_stadtlabor_workbook.py"
    copy = tmp_path / "build.py"
    copy.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run([sys.executable, str(copy)], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    rebuilt = load_workbook(tmp_path / "stadtlabor_soest.xlsx")
    original = load_workbook(BUNDLED)
    for table in ("partners", "relations", "activities", "programmes"):
        assert rebuilt.records(table) == original.records(table), table
