"""Coordinates from the Ort column, offline (network_app.geo, issue #14 item 1)."""

from __future__ import annotations

import contextlib
import io
import json
import math
import socket
import subprocess
import sys
import time

import openpyxl
import pytest
from conftest import BUNDLED, ROOT

from network_app import build_graph, load_workbook
from network_app.cli import main as cli
from network_app.drawing.places import GERMANY_BOX, located
from network_app.geo import FROM_PLACE, FROM_TABLE, lookup, suggest
from network_app.geo.directory import gazetteer
from network_app.text.messages import text

#: 200 real German places as a staff member might write them: cities, towns and villages all
#: over the country, and some spellings (abbreviations, umlauts spelled out, "Stadt …").
GERMAN_PLACES = """
Berlin|Hamburg|München|Köln|Frankfurt am Main|Stuttgart|Düsseldorf|Leipzig|Dortmund|Essen
Bremen|Dresden|Hannover|Nürnberg|Duisburg|Bochum|Wuppertal|Bielefeld|Bonn|Münster
Mannheim|Karlsruhe|Augsburg|Wiesbaden|Mönchengladbach|Gelsenkirchen|Aachen|Braunschweig|Kiel
Chemnitz|Halle (Saale)|Magdeburg|Freiburg im Breisgau|Krefeld|Mainz|Lübeck|Erfurt|Rostock
Kassel|Hagen|Potsdam|Saarbrücken|Hamm|Ludwigshafen am Rhein|Oldenburg|Mülheim an der Ruhr
Osnabrück|Leverkusen|Heidelberg|Darmstadt|Solingen|Regensburg|Paderborn|Neuss|Ingolstadt
Offenbach am Main|Fürth|Ulm|Heilbronn|Pforzheim|Würzburg|Wolfsburg|Göttingen|Reutlingen
Koblenz|Bremerhaven|Recklinghausen|Erlangen|Bergisch Gladbach|Jena|Trier|Salzgitter|Siegen
Hildesheim|Cottbus|Gütersloh|Kaiserslautern|Schwerin|Iserlohn|Zwickau|Gera|Düren
Esslingen am Neckar|Ratingen|Lünen|Hanau|Ludwigsburg|Flensburg|Wilhelmshaven|Minden
Villingen-Schwenningen|Dessau-Roßlau|Gießen|Konstanz|Worms|Marburg|Bamberg|Bayreuth
Neubrandenburg|Stralsund|Greifswald|Weimar|Görlitz|Plauen|Passau|Landshut|Rosenheim
Kempten (Allgäu)|Friedrichshafen|Lindau (Bodensee)|Tübingen|Schwäbisch Hall|Detmold|Lemgo
Warendorf|Ahlen|Unna|Werl|Bad Sassendorf|Möhnesee|Wickede (Ruhr)|Ense|Welver|Lippetal
Anröchte|Erwitte|Geseke|Rüthen|Warstein|Meschede|Brilon|Winterberg|Schmallenberg
Sundern (Sauerland)|Marsberg|Attendorn|Lennestadt|Netphen|Kreuztal|Erndtebrück|Herdecke
Wetter (Ruhr)|Sprockhövel|Ennepetal|Altena|Plettenberg|Hemer|Fröndenberg/Ruhr
Kamen|Telgte|Oelde|Rheda-Wiedenbrück|Verl
Schloß Holte-Stukenbrock|Delbrück|Salzkotten|Bad Lippspringe|Altenbeken|Bad Wünnenberg
Oberstdorf|Garmisch-Partenkirchen|Berchtesgaden|Helgoland|Wangerooge|Quedlinburg|Wernigerode
Goslar|Celle|Lüneburg|Stade|Cuxhaven|Emden|Leer (Ostfriesland)|Aurich|Husum|Eckernförde
Rendsburg|Neumünster|Itzehoe|Pinneberg|Elmshorn|Sylt|Frankfurt a. M.|Muenchen|Koeln
Stadt Lippstadt|Hansestadt Rostock|Freiburg i. Br.|Halle/Saale|St. Ingbert|Wittenberg
Neustadt an der Weinstraße|Frankfurt (Oder)|Brandenburg an der Havel|Lutherstadt Eisleben
DUESSELDORF|  nürnberg |Kreis Soest|Landkreis Göttingen|Hochsauerlandkreis
"""


def _places() -> list[str]:
    return [p for line in GERMAN_PLACES.strip().splitlines() for p in line.split("|")]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _without_coordinates(tmp_path):
    """The bundled workbook with its Breite and Länge emptied, and the coordinates it gave."""
    book = openpyxl.load_workbook(BUNDLED)
    sheet = book["Partner"]
    header = [c.value for c in sheet[1]]
    name, lat, lon = header.index("Name"), header.index("Breite"), header.index("Länge")
    given = {}
    for row in sheet.iter_rows(min_row=2):
        if row[lat].value is not None:
            given[row[name].value] = (row[lat].value, row[lon].value)
        row[lat].value = row[lon].value = None
    path = tmp_path / "ohne_koordinaten.xlsx"
    book.save(path)
    return path, given


def test_the_bundled_partners_are_placed_by_their_ort_alone(tmp_path):
    path, given = _without_coordinates(tmp_path)
    data = load_workbook(path)
    with_place = [r for r in data.records("partners") if r["place"]]
    assert len(with_place) == len(given) >= 50
    placed = [r["name"] for r in with_place if r["name"] in data.looked_up]
    assert len(placed) / len(with_place) >= 0.9, len(placed)
    for name in placed:  # within a few km of where the workbook put them (the town centre)
        place = data.looked_up[name].place
        assert _km(*given[name], place.lat, place.lon) < 5, (name, place)
    # the graph carries them, so every map draws them from the Ort alone
    graph = build_graph(data)
    nodes = [a for _, a in graph.nodes(data=True) if a["kind"] == "partner"]
    assert len(located(nodes)) == len(placed)
    assert {graph.nodes[name]["coord_source"] for name in placed} == {FROM_PLACE}
    assert len(located(data.placed_partners())) == len(placed)
    # the workbook's own data stay as written: nothing is filled in silently
    assert data.partners["lat"].isna().all() and data.partners["lon"].isna().all()
    missing = [p for p in data.problems if p.code == "place_not_found"]
    assert len(missing) == len(with_place) - len(placed)


def test_200_german_places_are_placed(make_xlsx):
    places = _places()
    assert len(places) == 200 and len(set(places)) == 200
    rows = [["Name", "Kategorie", "Ort"]]
    rows += [[f"Partner {i}", "Austausch", place] for i, place in enumerate(places)]
    data = load_workbook(make_xlsx({"Partner": rows}))
    share = len(data.looked_up) / len(places)
    assert share >= 0.9, sorted(set(places) - {data.looked_up[n].text for n in data.looked_up})
    lon_min, lon_max, lat_min, lat_max = GERMANY_BOX
    for found in data.looked_up.values():
        assert lat_min <= found.place.lat <= lat_max and lon_min <= found.place.lon <= lon_max, \
            found


@pytest.mark.parametrize(("written", "name", "kind"), [
    ("Soest", "Soest", "G"),
    ("Stadt Soest", "Soest", "G"),
    ("Soest (Westf.)", "Soest", "G"),
    ("Soest/Westfalen", "Soest", "G"),
    ("Hansestadt Soest", "Soest", "G"),
    ("  soest ", "Soest", "G"),
    ("SOEST", "Soest", "G"),
    ("Kreis Soest", "Kreis Soest", "K"),
    ("Münster", "Münster", "G"),
    ("Muenster", "Münster", "G"),
    ("Munster", "Münster", "G"),
    ("Frankfurt am Main", "Frankfurt am Main", "G"),
    ("Frankfurt a. M.", "Frankfurt am Main", "G"),
    ("Frankfurt/M.", "Frankfurt am Main", "G"),
    ("Frankfurt (Oder)", "Frankfurt (Oder)", "G"),
    ("Köln", "Köln", "G"),
    ("Koeln", "Köln", "G"),
    ("Koln", "Köln", "G"),
    ("Cologne", "Köln", "G"),
    ("Munich", "München", "G"),
    ("Freiburg i. Br.", "Freiburg im Breisgau", "G"),
    ("St. Augustin", "Sankt Augustin", "G"),
    ("Salzburg", "Salzburg", "C"),
    ("Halle/Westf.", "Halle", "G"),
    ("NRW", "Nordrhein-Westfalen", "L"),
])
def test_a_place_is_found_however_it_is_written(written, name, kind):
    found = lookup(written, near=(51.57, 8.11))
    assert found is not None and (found.place.name, found.place.kind) == (name, kind)
    assert found.how == "name"


def test_qualifiers_pick_among_places_of_one_name():
    assert lookup("Halle (Saale)").place.land == "ST"
    assert lookup("Halle/Westf.").place.land == "NW"
    assert lookup("Salzburg").place.country == "AT"  # not the village in the Westerwald
    assert lookup("Soest").place.country == "DE"  # not the town in Utrecht


def test_only_the_first_words_found():
    found = lookup("Lippstadt-Cappel")
    assert (found.place.name, found.how) == ("Lippstadt", "part")


def test_places_of_one_name_near_home_or_the_biggest():
    far = lookup("Neustadt")  # no home: the biggest, and the others are named
    assert far.place.name == "Neustadt an der Weinstraße"
    assert "Neustadt am Rübenberge" in {p.name for p in far.rivals}
    hanover = (52.37, 9.74)
    assert lookup("Neustadt", near=hanover).place.name == "Neustadt am Rübenberge"
    # of the places with exactly that name first: Werl (nearer Soest) also goes by "Verl"
    assert lookup("Verl", near=(51.57, 8.11)).place.kreis == "Kreis Gütersloh"
    assert lookup("Münster", near=(51.57, 8.11)).rivals == ()  # Münster in Hessen is small


def test_suggestions_for_places_not_found():
    assert lookup("Soestt") is None and lookup("Xyzzyqq") is None
    assert suggest("Soestt").name == "Soest"
    assert suggest("Lippstatt").name == "Lippstadt"
    assert suggest("Dortmunt").name == "Dortmund"
    assert suggest("Xyzzyqq") is None


def test_a_place_not_found_is_reported_where_it_is(make_xlsx):
    data = load_workbook(make_xlsx({"Partner": [
        ["Name", "Kategorie", "Ort"],
        ["A-Lab", "Austausch", "Soest"],
        ["B-Uni", "Forschung", "Soestt"],
        ["C-Verein", "Netzwerk", "Lippstadt-Cappel"],
        ["D-Amt", "Netzwerk", "Qwrtzplk"],
    ]}))
    problems = {(p.code, p.sheet, p.row, p.column): p for p in data.problems
                if p.code.startswith("place_")}
    assert set(problems) == {("place_not_found", "Partner", 3, "Ort"),
                             ("place_part", "Partner", 4, "Ort"),
                             ("place_not_found", "Partner", 5, "Ort")}
    typo = problems["place_not_found", "Partner", 3, "Ort"]
    assert typo.severity == "warning" and typo.column_letter == "C"
    assert typo.params["suggestion"] == "Soest"
    german = text(typo.code, "de", value=typo.value, **typo.params)
    assert "»Soestt«" in german and "meinten Sie »Soest«?" in german
    assert "Breite und Länge" in german and "Bearbeiten" in german
    english = text(typo.code, "en", value=typo.value, **typo.params)
    assert "did you mean “Soest”?" in english and "latitude and longitude" in english
    assert "suggestion" not in problems["place_not_found", "Partner", 5, "Ort"].params or \
        problems["place_not_found", "Partner", 5, "Ort"].params["suggestion"] is None
    assert set(data.looked_up) == {"A-Lab", "C-Verein"}


def test_an_ambiguous_place_gets_a_note(make_xlsx):
    data = load_workbook(make_xlsx({"Partner": [
        ["Name", "Kategorie", "Ort"], ["A", "Austausch", "Berlin"], ["B", "Austausch", "Neustadt"],
    ]}))
    [note] = [p for p in data.problems if p.code == "place_ambiguous"]
    assert (note.row, note.column, note.value) == (3, "Ort", "Neustadt")
    assert "Neustadt" in text(note.code, "de", value=note.value, **note.params)


def test_coordinates_in_the_workbook_win(make_xlsx):
    data = load_workbook(make_xlsx({"Partner": [
        ["Name", "Kategorie", "Ort", "Breite", "Länge"],
        ["A", "Austausch", "Berlin", 51.5711, 8.106],  # written in Soest
        ["B", "Austausch", "Berlin", None, None],
    ]}))
    assert set(data.looked_up) == {"B"}
    nodes = dict(build_graph(data).nodes(data=True))
    assert (nodes["A"]["lat"], nodes["A"]["lon"], nodes["A"]["coord_source"]) == \
        (51.5711, 8.106, FROM_TABLE)
    assert nodes["B"]["coord_source"] == FROM_PLACE and nodes["B"]["coord_place"] == "Berlin"
    assert _km(nodes["B"]["lat"], nodes["B"]["lon"], 52.52, 13.405) < 5
    assert nodes["stadtLABOR Soest"]["coord_source"] is None


def test_nothing_is_fetched_from_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the gazetteer went to the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    gazetteer.cache_clear()
    assert lookup("Soest").place.name == "Soest"
    assert suggest("Dortmunt").name == "Dortmund"


def test_the_gazetteer_loads_fast():
    gazetteer.cache_clear()
    start = time.process_time()
    loaded = gazetteer()
    took = time.process_time() - start
    assert len(loaded) > 30_000
    assert took < 0.3, took


def test_the_gazetteer_is_read_only_when_needed():
    code = ("import sys, network_app as na\n"
            "from network_app.geo.directory import gazetteer\n"
            "na.build_graph(na.load_workbook(sys.argv[1]))\n"  # every partner has Breite/Länge
            "print(gazetteer.cache_info().currsize)\n")
    run = subprocess.run([sys.executable, "-c", code, str(BUNDLED)], capture_output=True,
                         text=True, cwd=ROOT, check=True)
    assert run.stdout.strip() == "0"


def test_check_json_lists_places_not_found(tmp_path):
    path = tmp_path / "partner.csv"
    path.write_text("Name,Kategorie,Ort\nA,Austausch,Soestt\nB,Austausch,Lippstadt\n",
                    encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli(["check", "--json", str(path)])
    assert code in (0, 1)
    report = json.loads(out.getvalue())
    [warning] = [w for w in report["warnings"] if w["code"] == "place_not_found"]
    assert (warning["row"], warning["column"], warning["value"]) == (2, "Ort", "Soestt")
    assert "»Soest«" in warning["message"]


def test_a_long_text_is_no_place_name():
    assert lookup("Soest " * 2000) is None and suggest("Soest " * 2000) is None
    start = time.process_time()
    found = [lookup(f"Zqx{i} Bahnhofstraße {i} Hinterhaus") for i in range(500)]
    assert found == [None] * 500
    assert time.process_time() - start < 2.0  # each about 0.2 ms


def test_nearest_says_where_coordinates_lie():
    from network_app.geo import nearest

    soest = nearest(51.5711, 8.106)
    assert (soest.name, soest.kreis, soest.land, soest.country) == ("Soest", "Kreis Soest",
                                                                    "NW", "DE")
    assert nearest(47.80, 13.04).country == "AT"
    assert nearest(40.0, -30.0) is None  # the middle of the Atlantic


def test_places_on_the_map_are_named_as_the_gazetteer_names_them(make_xlsx):
    from network_app.drawing.places import group_places

    data = load_workbook(make_xlsx({"Partner": [
        ["Name", "Kategorie", "Ort"], ["A", "Austausch", "Köln"], ["B", "Austausch", "Cologne"],
        ["C", "Austausch", "Stadt Soest"], ["D", "Austausch", "Lippstadt-Cappel"],
        ["E", "Austausch", "Wien"],  # GeoNames calls it Vienna: abroad the Ort stays as written
    ]}))
    places = {p.name: p.count for p in group_places(data.placed_partners())}
    assert places == {"Köln": 2, "Soest": 1, "Lippstadt": 1, "Wien": 1}
