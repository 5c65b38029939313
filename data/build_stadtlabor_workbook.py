# ruff: noqa: E501
# (The data tables below keep one partner / activity per line so a reviewer can read them;
# those lines are longer than 100 characters on purpose.)
"""Build ``data/stadtlabor_soest.xlsx``, the bundled example workbook of the stadtLABOR Soest.

Source: the presentation "Aktuelle Zukunftsprozesse in Soest" of the stadtLABOR Soest
(``/work/shared/seed/000_8a14be498481cd49.txt``):

* the slide "Vernetzung in Soest und darüber hinaus": every partner listed there, in its
  category. On that slide each category label stands *below* its list: the first list is
  "Kollegialer Austausch" (→ Austausch), the second "Kooperationen" (→ Kooperation), the third
  "Netzwerke & Plattformen" (→ Netzwerk), the last two entries "Forschung";
* "Aktivitäten 2022": every activity with the partners it names. Partners named only there
  are partners too (category derived from the area: Vernetzung → Austausch, Forschung →
  Forschung; see the Notiz of each partner for the others);
* the funding programmes "Smart Cities made in Germany" (2019–2026, Verbund 5 für Südwestfalen)
  and "Digitale Modellregion NRW" (2018–2022); their members are partners (→ Kooperation).

OCR slips of the seed are corrected ("KgST"/"KGST" → KGSt, "GoyLab" → GovLab, "Frauenhofer" →
Fraunhofer). Typ, Ort, Reichweite, Website and the coordinates (city centre of Ort) are added
from general public knowledge only where certain; everything unknown stays empty. No personal
data: Ansprechperson intern, Kontakt extern and E-Mail are empty.

Reichweite describes where a partner is, seen from Soest: lokal = in der Stadt Soest,
regional = übriges Nordrhein-Westfalen (Kreis Soest included), national = übriges Deutschland
or a programme/network working nationwide, international = abroad.

Run from the project root::

    python data/build_stadtlabor_workbook.py

The workbook is written next to this script (atomically: temp file, then ``os.replace``).
The script checks its own data (unique names, every referenced name is a partner, every slide
partner present in its category, no near-duplicate names) and stops with a message otherwise.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

OUTPUT = Path(__file__).resolve().parent / "stadtlabor_soest.xlsx"
OWN_ORGANISATION = "stadtLABOR Soest"

# ---------------------------------------------------------------------------------------------
# Places: city centre coordinates (latitude, longitude), well-known public facts.
# ---------------------------------------------------------------------------------------------
PLACES: dict[str, tuple[float, float]] = {
    "Aachen": (50.776, 6.084),
    "Arnsberg": (51.397, 8.064),
    "Bad Berleburg": (51.050, 8.392),
    "Beckum": (51.756, 8.041),
    "Berlin": (52.520, 13.405),
    "Bochum": (51.482, 7.216),
    "Castrop-Rauxel": (51.550, 7.312),
    "Dortmund": (51.514, 7.465),
    "Geestland": (53.605, 8.600),
    "Gelsenkirchen": (51.518, 7.086),
    "Hameln": (52.103, 9.356),
    "Hamm": (51.681, 7.815),
    "Haßfurt": (50.034, 10.516),
    "Iserlohn": (51.376, 7.695),
    "Köln": (50.938, 6.960),
    "Lippstadt": (51.674, 8.345),
    "Menden": (51.444, 7.793),
    "München": (48.137, 11.575),
    "Münster": (51.961, 7.626),
    "Olpe": (51.029, 7.851),
    "Paderborn": (51.719, 8.754),
    "Salach": (48.692, 9.734),
    "Salzburg": (47.809, 13.055),
    "Soest": (51.571, 8.106),
    "Speyer": (49.317, 8.441),
    "Stadthagen": (52.325, 9.207),
    "Ulm": (48.398, 9.992),
}

# ---------------------------------------------------------------------------------------------
# Partner sheet. One partner per line:
# (Name, Kategorie, Typ, Ort, Reichweite, Website, Notiz)   -- "" = unknown / empty
# Seit/Bis stay empty (the seed gives no start or end year for a partnership; the programme
# years are on the Programme sheet). Breite/Länge come from PLACES via Ort.
# ---------------------------------------------------------------------------------------------
PARTNERS: list[tuple[str, str, str, str, str, str, str]] = [
    # Folie "Vernetzung in Soest und darüber hinaus", erste Liste: Kollegialer Austausch
    ("Öcher Lab", "Austausch", "Lab", "Aachen", "regional", "https://oecherlab.de", "Digitallabor der Stadt Aachen"),
    ("Fablab Hamm", "Austausch", "Lab", "Hamm", "regional", "", ""),
    ("CityLAB Berlin", "Austausch", "Lab", "Berlin", "national", "https://www.citylab-berlin.org", ""),
    ("Stadt Paderborn", "Austausch", "Kommune", "Paderborn", "regional", "https://www.paderborn.de", ""),
    ("Stadt Castrop-Rauxel", "Austausch", "Kommune", "Castrop-Rauxel", "regional", "https://www.castrop-rauxel.de", ""),
    ("Innovationslabor Hassfurt", "Austausch", "Lab", "Haßfurt", "national", "", "Stadtlabor der Smart City Haßfurt"),
    ("Verschwörhaus Ulm", "Austausch", "Lab", "Ulm", "national", "https://verschwoerhaus.de", ""),
    ("Bochum Futurists", "Austausch", "", "Bochum", "regional", "", ""),
    ("XR HUB Bavaria", "Austausch", "Netzwerk", "München", "national", "", ""),
    ("Stadtwerke Soest", "Austausch", "Unternehmen", "Soest", "lokal", "", ""),
    ("Wirtschaft und Marketing Soest", "Austausch", "Unternehmen", "Soest", "lokal", "", ""),
    ("Kreis Soest", "Austausch", "Kommune", "Soest", "regional", "https://www.kreis-soest.de", "auch Partner der Digitalen Modellregion NRW (siehe Programme)"),
    ("Schlachthof Soest", "Austausch", "Kultur", "Soest", "lokal", "", "Kulturhaus Alter Schlachthof"),
    ("DMZ Digitales Zentrum Mittelstand", "Austausch", "", "", "", "", "Name wie auf der Folie; vermutlich das Digitale Zentrum Mittelstand (DZM) im Kreis Soest"),
    ("Liebesmuseum Soest", "Austausch", "Kultur", "Soest", "lokal", "", ""),
    # zweite Liste: Kooperationen
    ("Universität für Verwaltungswissenschaften Speyer", "Kooperation", "Hochschule", "Speyer", "national", "https://www.uni-speyer.de", "in den Aktivitäten 2022 „Uni Speyer“"),
    ("Places Festival", "Kooperation", "Veranstaltung", "Gelsenkirchen", "regional", "https://places-festival.de", "Festival für Virtual und Augmented Reality"),
    ("KGSt", "Kooperation", "Netzwerk", "Köln", "regional", "https://www.kgst.de", "Kommunale Gemeinschaftsstelle für Verwaltungsmanagement; in der Präsentation „KgST“/„KGST“ (Texterkennungsfehler)"),
    ("Hochschule Dortmund", "Kooperation", "Hochschule", "Dortmund", "regional", "https://www.fh-dortmund.de", ""),
    ("Jugendtreff Treffpunkt Süd", "Kooperation", "Sonstiges", "Soest", "lokal", "", "städtisches Kinder- und Jugendzentrum"),
    ("AG Jugendarbeit", "Kooperation", "Verwaltung", "Soest", "lokal", "", "Arbeitsgruppe Jugendarbeit der Stadtverwaltung Soest; in den Aktivitäten 2022 „AG Jugend“"),
    ("Museum Wilhelm Morgner", "Kooperation", "Kultur", "Soest", "lokal", "", ""),
    ("VHS Soest", "Kooperation", "Sonstiges", "Soest", "lokal", "", "Volkshochschule"),
    ("Hochschule Südwestfalen", "Kooperation", "Hochschule", "Soest", "lokal", "https://www.fh-swf.de", "Standort Soest (Sitz der Hochschule: Iserlohn)"),
    ("verschiedene Soester Schulen", "Kooperation", "Schule", "Soest", "lokal", "", ""),
    ("Seniorenbüro", "Kooperation", "", "", "", "", ""),
    ("Anbieter berufsvorbereitender Maßnahmen", "Kooperation", "", "", "", "", ""),
    # dritte Liste: Netzwerke & Plattformen
    ("Digitale Modellregionen", "Netzwerk", "Programm", "", "regional", "", "Programm „Digitale Modellregionen in NRW“ (siehe Programme)"),
    ("Agile Kultur", "Netzwerk", "", "", "", "", ""),
    ("Digitaltag", "Netzwerk", "Veranstaltung", "", "national", "https://digitaltag.eu", "bundesweiter Aktionstag"),
    ("Smart Country", "Netzwerk", "Programm", "", "national", "", "Bertelsmann Stiftung"),
    ("Verein Soester Wirtschaft", "Netzwerk", "Verein", "Soest", "lokal", "", ""),
    ("Stadt-Land-Digital", "Netzwerk", "Programm", "", "national", "", "Initiative Stadt.Land.Digital des Bundeswirtschaftsministeriums"),
    ("LaLa Ruhr", "Netzwerk", "Netzwerk", "", "regional", "https://www.lala.ruhr", "lala.ruhr – Labor der Landschaft der Metropole Ruhr"),
    ("Agiles Mittagessen", "Netzwerk", "Veranstaltung", "", "", "", "auf der Folie „Agiles Mittagessen mit dem StadtLABOR“"),
    # letzte zwei Einträge: Forschung (Partner sind die Institutionen)
    ("Universität Salzburg", "Forschung", "Hochschule", "Salzburg", "international", "https://www.plus.ac.at", "Projekt „Räume kultureller Demokratie“ in Kooperation mit der Universität Mozarteum Salzburg"),
    ("Universität Mozarteum Salzburg", "Forschung", "Hochschule", "Salzburg", "international", "https://www.moz.ac.at", "Projekt „Räume kultureller Demokratie“ mit der Universität Salzburg"),
    ("Deutsche Hochschule der Polizei", "Forschung", "Hochschule", "Münster", "regional", "https://www.dhpol.de", "Masterarbeit „Kommunale Digitalisierungsstrategien als Modell für eine Transformation der polizeilichen Führungsorganisation?“"),
    # nur in "Aktivitäten 2022", Bereich Vernetzung -> Austausch
    ("Stadt Beckum", "Austausch", "Kommune", "Beckum", "regional", "https://www.beckum.de", "aus Aktivitäten 2022 (Vernetzung); laut Präsentation Smart City"),
    ("GovLab Arnsberg", "Austausch", "Lab", "Arnsberg", "regional", "https://www.bra.nrw.de/govlab", "aus Aktivitäten 2022 (Vernetzung); Innovationslabor der Bezirksregierung Arnsberg; in der Präsentation „GoyLab“ (Texterkennungsfehler)"),
    ("Stadthagen", "Austausch", "Kommune", "Stadthagen", "national", "https://www.stadthagen.de", "aus Aktivitäten 2022 (Vernetzung)"),
    ("Geestland", "Austausch", "Kommune", "Geestland", "national", "", "aus Aktivitäten 2022 (Vernetzung)"),
    ("Landkreis Hameln-Pyrmont", "Austausch", "Kommune", "Hameln", "national", "https://www.hameln-pyrmont.de", "aus Aktivitäten 2022 (Vernetzung); laut Präsentation Smart City; in der Präsentation „Hameln-Pyrmont“"),
    ("Netzwerk Mittelstadt als Mitmachstadt", "Austausch", "Netzwerk", "", "national", "https://www.mittelstadtalsmitmachstadt.de", "aus Aktivitäten 2022 (Vernetzung)"),
    ("HSPV NRW", "Austausch", "Hochschule", "Gelsenkirchen", "regional", "https://www.hspv.nrw.de", "Hochschule für Polizei und öffentliche Verwaltung NRW (Sitz Gelsenkirchen); aus Aktivitäten 2022 (Vernetzung); in der Präsentation „HSPV“"),
    ("Salach", "Austausch", "Kommune", "Salach", "national", "", "aus Aktivitäten 2022 (Vernetzung)"),
    # nur in "Aktivitäten 2022", Bereich Forschung -> Forschung
    ("TU Dortmund", "Forschung", "Hochschule", "Dortmund", "regional", "https://www.tu-dortmund.de", "aus Aktivitäten 2022 (Forschung); in der Präsentation „Uni Dortmund“"),
    ("Freie Universität Berlin", "Forschung", "Hochschule", "Berlin", "national", "https://www.fu-berlin.de", "aus Aktivitäten 2022 (Forschung); in der Präsentation „Freie Universität zu Berlin“"),
    ("CAIS Bochum", "Forschung", "Forschungseinrichtung", "Bochum", "regional", "", "Center for Advanced Internet Studies; aus Aktivitäten 2022 (Forschung)"),
    ("Fraunhofer", "Forschung", "Forschungseinrichtung", "", "", "https://www.fraunhofer.de", "Fraunhofer-Gesellschaft, Institut in der Präsentation nicht genannt; aus Aktivitäten 2022 (Forschung); in der Präsentation „Frauenhofer“ (Texterkennungsfehler)"),
    ("Stadt Gelsenkirchen", "Forschung", "Kommune", "Gelsenkirchen", "regional", "https://www.gelsenkirchen.de", "aus Aktivitäten 2022 (Forschung); in der Präsentation „Gelsenkirchen“"),
    # nur in "Aktivitäten 2022", übrige Bereiche (Kategorie aus der Art der Aktivität)
    ("SoestArt", "Austausch", "Kultur", "Soest", "lokal", "https://soestart.de", "Soester Kulturmarke; aus Aktivitäten 2022 (Stadtgesellschaft: Kulturstammtisch)"),
    ("SPD Arbeitsgemeinschaft 60Plus", "Austausch", "Politik", "", "", "", "aus Aktivitäten 2022 (Stadtgesellschaft: Austausch)"),
    ("Evangelische Frauenhilfe", "Kooperation", "Verein", "Soest", "lokal", "", "aus Aktivitäten 2022 (Öffentlichkeitsarbeit: LOI „Miteinander Digital“)"),
    ("Seniorenheim Paulistraße", "Kooperation", "Sonstiges", "Soest", "lokal", "", "aus Aktivitäten 2022 (Öffentlichkeitsarbeit: LOI „Miteinander Digital“)"),
    ("Archigymnasium Soest", "Kooperation", "Schule", "Soest", "lokal", "", "aus Aktivitäten 2022 (Sensorbasteln, Schüler:innen-Projekte)"),
    ("KDN", "Netzwerk", "Verwaltung", "Köln", "regional", "", "Dachverband kommunaler IT-Dienstleister (NRW); aus Aktivitäten 2022 (In Planung: Input beim Digitalen Stammtisch)"),
    # Mitglieder der Förderprogramme -> Kooperation
    ("Stadt Arnsberg", "Kooperation", "Kommune", "Arnsberg", "regional", "https://www.arnsberg.de", "Verbundpartner Smart Cities (Verbund 5 für Südwestfalen)"),
    ("Stadt Bad Berleburg", "Kooperation", "Kommune", "Bad Berleburg", "regional", "https://www.bad-berleburg.de", "Verbundpartner Smart Cities (Verbund 5 für Südwestfalen)"),
    ("Stadt Menden", "Kooperation", "Kommune", "Menden", "regional", "https://www.menden.de", "Verbundpartner Smart Cities (Verbund 5 für Südwestfalen)"),
    ("Stadt Olpe", "Kooperation", "Kommune", "Olpe", "regional", "https://www.olpe.de", "Verbundpartner Smart Cities (Verbund 5 für Südwestfalen)"),
    ("Südwestfalen Agentur", "Kooperation", "Sonstiges", "Olpe", "regional", "https://www.suedwestfalen-agentur.com", "Verbundpartner Smart Cities (Verbund 5 für Südwestfalen); in der Präsentation „SWF-Agentur“"),
    ("Stadt Lippstadt", "Kooperation", "Kommune", "Lippstadt", "regional", "https://www.lippstadt.de", "Partner Digitale Modellregion NRW"),
    ("Stadt Iserlohn", "Kooperation", "Kommune", "Iserlohn", "regional", "https://www.iserlohn.de", "Partner Digitale Modellregion NRW"),
]

# ---------------------------------------------------------------------------------------------
# Beziehungen: only relations the seed states between two partners.
# (Von, Nach, Art, Stärke, Seit, Bis, Notiz)
# ---------------------------------------------------------------------------------------------
RELATIONS: list[tuple[str, str, str, int | None, int | None, int | None, str]] = [
    ("Universität Salzburg", "Universität Mozarteum Salzburg", "Forschungskooperation", None, None, None, "Projekt „Räume kultureller Demokratie“ (Präsentation: „in Kooperation mit“)"),
]

# ---------------------------------------------------------------------------------------------
# Aktivitäten 2022. Datum: a date (exact day), "MM/2022" (month) or 2022 (year only).
# Status: the seed's block "Umgesetzt / in Umsetzung" does not say which item is which; all its
# items are "umgesetzt" here. Bereich of "In Planung" items only where obvious, else "".
# (Aktivität, Datum, Status, Bereich, Beteiligte, Notiz)
# ---------------------------------------------------------------------------------------------
U, P = "umgesetzt", "in Planung"
ACTIVITIES: list[tuple[str, dt.date | str | int, str, str, list[str], str]] = [
    # Umgesetzt / in Umsetzung – Vernetzung
    ("Austausch mit Smart-City-Kommunen und Netzwerken", 2022, U, "Vernetzung", ["Stadt Beckum", "GovLab Arnsberg", "Stadthagen", "Geestland", "Landkreis Hameln-Pyrmont", "Netzwerk Mittelstadt als Mitmachstadt", "HSPV NRW", "Salach"], "Präsentation: Austausch Stadt Beckum (Smart City), GovLab Arnsberg, Stadthagen, Geestland, Hameln-Pyrmont (Smart City), Netzwerk „Mittelstadt als Mitmachstadt“, HSPV, Salach"),
    # Forschung
    ("Interview mit Uni Dortmund und Freie Universität Berlin", 2022, U, "Forschung", ["TU Dortmund", "Freie Universität Berlin"], "Präsentation: Interview mit Uni Dortmund, Freie Universität zu Berlin"),
    ("Austausch Uni Speyer, CAIS Bochum, KGSt & Fraunhofer & Gelsenkirchen", 2022, U, "Forschung", ["Universität für Verwaltungswissenschaften Speyer", "CAIS Bochum", "KGSt", "Fraunhofer", "Stadt Gelsenkirchen"], "Präsentation: „KGST & Frauenhofer“ (Texterkennungsfehler)"),
    # Verwaltung
    ("Arbeitsgruppenleiter Treffen", "01/2022", U, "Verwaltung", [], "Präsentation: „Arbeitsgruppenleiter Treffen (Jan.)“"),
    ("Seniorenarbeitsgruppe Digitalisierung", 2022, U, "Verwaltung", [], ""),
    ("Angebotsformulierung der Abt. Innovation & Digitaler Wandel", 2022, U, "Verwaltung", [], ""),
    ("Desk Sharing im stadtLABOR", 2022, U, "Verwaltung", [], ""),
    ("Fortbildungsreihe Stadtverwaltung Team Soest Digital", 2022, U, "Verwaltung", [], ""),
    # Stadtgesellschaft
    ("Bürgersolarberatung im stadtLABOR", 2022, U, "Stadtgesellschaft", [], ""),
    ("stadtLABOR im DiLAS", 2022, U, "Stadtgesellschaft", [], "DiLAS: Digitales Lern- und Arbeitszentrum Soest (Projekt der Stadt Soest); in der Präsentation „DILAS“"),
    ("Schülerpraktikantin", 2022, U, "Stadtgesellschaft", [], "in der Präsentation „Schülerinparktikantin“ (Texterkennungsfehler)"),
    ("Social Media WS für Vereine", 2022, U, "Stadtgesellschaft", [], "WS = Workshop"),
    ("Kulturstammtisch SoestArt", 2022, U, "Stadtgesellschaft", ["SoestArt"], ""),
    ("Austausch SPD Arbeitsgemeinschaft 60Plus", 2022, U, "Stadtgesellschaft", ["SPD Arbeitsgemeinschaft 60Plus"], ""),
    # Öffentlichkeitsarbeit
    ("LOI „Miteinander Digital“", 2022, U, "Öffentlichkeitsarbeit", ["Evangelische Frauenhilfe", "Seniorenheim Paulistraße"], "LOI = Letter of Intent"),
    ("Sensorbasteln mit Archi-Schüler:innen", 2022, U, "Öffentlichkeitsarbeit", ["Archigymnasium Soest"], ""),
    ("Monatlicher Newsletter", 2022, U, "Öffentlichkeitsarbeit", [], ""),
    ("Social Media / 2. Launch", 2022, U, "Öffentlichkeitsarbeit", [], ""),
    ("Publikation „Verwaltung und Innovation“", 2022, U, "Öffentlichkeitsarbeit", [], ""),
    # In Planung (im Seed nicht nach Bereichen gegliedert)
    ("Veröffentlichung „Soester Gesichter“", 2022, P, "Öffentlichkeitsarbeit", [], ""),
    ("Schüler:innen-Projekte Archigymnasium", 2022, P, "", ["Archigymnasium Soest"], ""),
    ("Vorstellung Personalversammlung", dt.date(2022, 5, 19), P, "Verwaltung", [], ""),
    ("Input KDN Digitaler Stammtisch", dt.date(2022, 6, 14), P, "Vernetzung", ["KDN"], ""),
    ("Digitale Lotsen", "06/2022", P, "", [], ""),
    ("Schools Out Day", dt.date(2022, 6, 24), P, "Stadtgesellschaft", [], ""),
    ("Event auf dem „Grünen Soefa“", 2022, P, "", [], ""),
    ("Aktionsabende", 2022, P, "Stadtgesellschaft", [], "z. B. VR-Brillen ausprobieren, monatlicher Austausch"),
    ("Digitale Kirmes", dt.date(2022, 8, 12), P, "", [], ""),
    ("Seniorenwoche", "08/2022", P, "Stadtgesellschaft", [], ""),
    ("Action Bound mit AG Jugend", "10/2022", P, "Stadtgesellschaft", ["AG Jugendarbeit"], ""),
    ("Talentcampus", "10/2022", P, "Stadtgesellschaft", [], ""),
    ("Social Media - Sicherheit im Netz", 2022, P, "", [], ""),
    ("Publikation in Verwaltungsinnovation Uni Speyer", "12/2022", P, "Öffentlichkeitsarbeit", ["Universität für Verwaltungswissenschaften Speyer"], ""),
    ("Data Use Case FH", 2022, P, "", [], "FH nicht eindeutig (Hochschule Südwestfalen oder Hochschule Dortmund), daher ohne Beteiligte"),
]

# ---------------------------------------------------------------------------------------------
# Programme: (Programm, Seit, Bis, Beteiligte, Notiz)
# ---------------------------------------------------------------------------------------------
PROGRAMMES: list[tuple[str, int, int, list[str], str]] = [
    ("Smart Cities made in Germany – Verbund 5 für Südwestfalen", 2019, 2026, ["Stadt Arnsberg", "Stadt Bad Berleburg", "Stadt Menden", "Stadt Olpe", "Südwestfalen Agentur"], "10 Projekte in Soest"),
    ("Digitale Modellregion NRW", 2018, 2022, ["Kreis Soest", "Stadt Lippstadt", "Stadt Iserlohn"], "24 Projekte in Soest, Kreis Soest, Lippstadt und Iserlohn"),
]

# ---------------------------------------------------------------------------------------------
# Einstellungen: (Einstellung, Wert, Notiz)
# ---------------------------------------------------------------------------------------------
SETTINGS: list[tuple[str, str, str]] = [
    ("Eigene Organisation", OWN_ORGANISATION, ""),
    ("Titel", "Partnernetz stadtLABOR Soest", ""),
    (
        "Quelle",
        "Präsentation „Aktuelle Zukunftsprozesse in Soest“ des stadtLABOR Soest: Folie "
        "„Vernetzung in Soest und darüber hinaus“ (Partner und Kategorien), „Aktivitäten 2022“ "
        "und die Förderprogramme Smart Cities made in Germany und Digitale Modellregion NRW. "
        "Texterkennungsfehler korrigiert (KgST/KGST → KGSt, GoyLab → GovLab, Frauenhofer → Fraunhofer); "
        "Typ, Ort, Reichweite, Website und Koordinaten (Stadtmitte) aus allgemein bekanntem "
        "Wissen ergänzt; Unbekanntes bleibt leer.",
        "Reichweite: lokal = Stadt Soest, regional = übriges NRW (einschließlich Kreis Soest), "
        "national = übriges Deutschland oder bundesweit tätig, international = Ausland. "
        "Status: die Folie trennt „umgesetzt“ und „in Umsetzung“ nicht; alle Einträge dieses "
        "Blocks stehen als „umgesetzt“. Partner, die nur in den Aktivitäten oder Programmen "
        "vorkommen, tragen ihre Herkunft in der Notiz. Keine personenbezogenen Daten.",
    ),
    ("Datenstand", "2022", ""),
]

# The slide as it reads (names after the OCR corrections), for the self-check.
SLIDE: dict[str, list[str]] = {
    "Austausch": [
        "Öcher Lab", "Fablab Hamm", "CityLAB Berlin", "Stadt Paderborn", "Stadt Castrop-Rauxel",
        "Innovationslabor Hassfurt", "Verschwörhaus Ulm", "Bochum Futurists", "XR HUB Bavaria",
        "Stadtwerke Soest", "Wirtschaft und Marketing Soest", "Kreis Soest", "Schlachthof Soest",
        "DMZ Digitales Zentrum Mittelstand", "Liebesmuseum Soest",
    ],
    "Kooperation": [
        "Universität für Verwaltungswissenschaften Speyer", "Places Festival", "KGSt",
        "Hochschule Dortmund", "Jugendtreff Treffpunkt Süd", "AG Jugendarbeit",
        "Museum Wilhelm Morgner", "VHS Soest", "Hochschule Südwestfalen",
        "verschiedene Soester Schulen", "Seniorenbüro", "Anbieter berufsvorbereitender Maßnahmen",
    ],
    "Netzwerk": [
        "Digitale Modellregionen", "Agile Kultur", "Digitaltag", "Smart Country",
        "Verein Soester Wirtschaft", "Stadt-Land-Digital", "LaLa Ruhr", "Agiles Mittagessen",
    ],
    "Forschung": [
        "Universität Salzburg", "Universität Mozarteum Salzburg", "Deutsche Hochschule der Polizei",
    ],
}

# Pairs the near-duplicate check flags but which are different organisations.
DISTINCT_PAIRS: set[frozenset[str]] = {
    frozenset({"Universität Salzburg", "Universität Mozarteum Salzburg"}),
    frozenset({"Hochschule Dortmund", "TU Dortmund"}),
    frozenset({"Stadt Arnsberg", "GovLab Arnsberg"}),
    frozenset({"Hochschule Südwestfalen", "Südwestfalen Agentur"}),
}

CATEGORIES = ("Austausch", "Kooperation", "Netzwerk", "Forschung")
TYPES = ("Kommune", "Verwaltung", "Hochschule", "Forschungseinrichtung", "Schule", "Verein",
         "Unternehmen", "Lab", "Kultur", "Programm", "Netzwerk", "Veranstaltung", "Politik",
         "Sonstiges")
REACHES = ("lokal", "regional", "national", "international")
STATUSES = ("umgesetzt", "in Umsetzung", "in Planung")
AREAS = ("Vernetzung", "Forschung", "Verwaltung", "Stadtgesellschaft", "Öffentlichkeitsarbeit")

PARTNER_HEADERS = ["Name", "Kategorie", "Typ", "Ort", "Reichweite", "Seit", "Bis",
                   "Ansprechperson intern", "Kontakt extern", "E-Mail", "Website", "Notiz",
                   "Breite", "Länge"]
RELATION_HEADERS = ["Von", "Nach", "Art", "Stärke", "Seit", "Bis", "Notiz"]
ACTIVITY_HEADERS = ["Aktivität", "Datum", "Status", "Bereich", "Beteiligte", "Notiz"]
PROGRAMME_HEADERS = ["Programm", "Seit", "Bis", "Beteiligte", "Notiz"]
SETTING_HEADERS = ["Einstellung", "Wert", "Notiz"]


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def _categories(cell: str) -> list[str]:
    return [c.strip() for c in cell.split(";") if c.strip()]


#: Words that say what kind of organisation a name is, not which one.
_GENERIC_WORDS = {"stadt", "landkreis", "gemeinde", "uni", "universität", "tu", "fh",
                  "hochschule", "technische", "für", "der", "die", "das", "und", "mit", "dem",
                  "netzwerk"}


def _core_words(name: str) -> set[str]:
    words = _key(name).replace("-", " ").replace("/", " ").split()
    return {w for w in words if w not in _GENERIC_WORDS}


def check() -> list[str]:
    """Every problem with the data above, as German sentences (empty list = fine)."""
    problems: list[str] = []
    names = [p[0] for p in PARTNERS]
    by_key = Counter(_key(n) for n in names)
    problems += [f"Partner doppelt: {k!r}" for k, n in by_key.items() if n > 1]
    known = set(names)
    categories = {p[0]: _categories(p[1]) for p in PARTNERS}

    for name, cat, typ, place, reach, website, _note in PARTNERS:
        if name != name.strip() or not name:
            problems.append(f"Name mit Leerzeichen am Rand oder leer: {name!r}")
        if _key(name) == _key(OWN_ORGANISATION):
            problems.append("Die eigene Organisation ist kein Partner")
        for c in _categories(cat):
            if c not in CATEGORIES:
                problems.append(f"{name}: unbekannte Kategorie {c!r}")
        if not _categories(cat):
            problems.append(f"{name}: keine Kategorie")
        if typ and typ not in TYPES:
            problems.append(f"{name}: unbekannter Typ {typ!r}")
        if reach and reach not in REACHES:
            problems.append(f"{name}: unbekannte Reichweite {reach!r}")
        if place and place not in PLACES:
            problems.append(f"{name}: Ort {place!r} fehlt in PLACES")
        if website and not website.startswith("https://"):
            problems.append(f"{name}: Website ohne https://")

    for cat, slide_names in SLIDE.items():
        for n in slide_names:
            if n not in known:
                problems.append(f"Folienpartner fehlt: {n!r} ({cat})")
            elif cat not in categories[n]:
                problems.append(f"Folienpartner {n!r} nicht in Kategorie {cat}")

    def refs(where: str, refs_: list[str]) -> None:
        for r in refs_:
            if r not in known:
                problems.append(f"{where}: {r!r} steht nicht auf dem Blatt Partner")
            if _key(r) == _key(OWN_ORGANISATION):
                problems.append(f"{where}: die eigene Organisation ist keine Beteiligte")

    for von, nach, *_ in RELATIONS:
        refs(f"Beziehung {von} – {nach}", [von, nach])
    activity_names = Counter(_key(a[0]) for a in ACTIVITIES)
    problems += [f"Aktivität doppelt: {k!r}" for k, n in activity_names.items() if n > 1]
    for name, _date, status, area, participants, _note in ACTIVITIES:
        refs(f"Aktivität {name!r}", participants)
        if status not in STATUSES:
            problems.append(f"Aktivität {name!r}: unbekannter Status {status!r}")
        if area and area not in AREAS:
            problems.append(f"Aktivität {name!r}: unbekannter Bereich {area!r}")
    for name, _since, _until, participants, _note in PROGRAMMES:
        refs(f"Programm {name!r}", participants)

    # Near-duplicates: very similar spelling, or the distinctive words of one name all inside
    # the other ("Uni Speyer" / "Universität für Verwaltungswissenschaften Speyer").
    keys = sorted(known)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if frozenset({a, b}) in DISTINCT_PAIRS:
                continue
            ratio = difflib.SequenceMatcher(None, _key(a), _key(b)).ratio()
            wa, wb = _core_words(a), _core_words(b)
            if ratio >= 0.85 or (wa and wb and (wa <= wb or wb <= wa)):
                problems.append(f"Namen ähnlich, bitte prüfen: {a!r} / {b!r}")
    return problems



def _autosize(ws, max_width: int = 60) -> None:
    for col in ws.columns:
        width = max(len(str(c.value)) if c.value is not None else 0 for c in col)
        ws.column_dimensions[get_column_letter(col[0].column)].width = min(max(width + 2, 8),
                                                                            max_width)


def _sheet(wb: Workbook, title: str, headers: list[str], rows: list[list[object]]) -> None:
    ws = wb.create_sheet(title)
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([None if v == "" else v for v in row])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date | dt.datetime):
                cell.number_format = "DD.MM.YYYY"
            if isinstance(cell.value, str) and len(cell.value) > 60:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(ws.max_row, 2)}"
    _autosize(ws)


def build() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "data/build_stadtlabor_workbook.py"
    wb.properties.title = "Partnernetz stadtLABOR Soest"

    partner_rows = []
    for name, cat, typ, place, reach, website, note in PARTNERS:
        lat, lon = PLACES[place] if place else (None, None)
        partner_rows.append([name, cat, typ, place, reach, None, None, None, None, None,
                             website, note, lat, lon])
    _sheet(wb, "Partner", PARTNER_HEADERS, partner_rows)
    _sheet(wb, "Beziehungen", RELATION_HEADERS, [list(r) for r in RELATIONS])
    _sheet(wb, "Aktivitäten", ACTIVITY_HEADERS,
           [[n, d, s, a, "; ".join(b), note] for n, d, s, a, b, note in ACTIVITIES])
    _sheet(wb, "Programme", PROGRAMME_HEADERS,
           [[n, s, u, "; ".join(b), note] for n, s, u, b, note in PROGRAMMES])
    _sheet(wb, "Einstellungen", SETTING_HEADERS, [list(r) for r in SETTINGS])
    return wb


def save_atomically(wb: Workbook, path: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".stadtlabor_", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the usual file mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main() -> int:
    problems = check()
    if problems:
        print("Daten fehlerhaft, Arbeitsmappe nicht geschrieben:", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        return 1
    save_atomically(build(), OUTPUT)
    per_category = Counter(c for p in PARTNERS for c in _categories(p[1]))
    print(f"Geschrieben: {OUTPUT}")
    print(f"Partner: {len(PARTNERS)}")
    for cat in CATEGORIES:
        print(f"  {cat}: {per_category[cat]}")
    print(f"Beziehungen: {len(RELATIONS)}")
    print(f"Aktivitäten: {len(ACTIVITIES)}")
    print(f"Programme: {len(PROGRAMMES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
