"""The council deck (pptx): read back by python-pptx, rendered by LibreOffice, checked for privacy.

Rendered slides are copied to ``test-artifacts/deck/`` (git ignores it) for a person to look at.
"""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import BUNDLED, ROOT, require_tool, write_xlsx
from pptx import Presentation
from pptx.util import Pt

from network_app import build_graph, load_workbook
from network_app.drawing.styling import legend as default_legend
from network_app.drawing.styling import node_styles
from network_app.exports.pptx import write_deck

ARTIFACTS = ROOT / "test-artifacts" / "deck"

BUNDLED_TITLES = [
    "Partnernetz stadtLABOR Soest",
    "Das Netzwerk in Zahlen",
    "Das Partnernetz auf einen Blick",
    "Austausch: 25 Partner",
    "Austausch (Fortsetzung)",  # the last 3 names: every name is on a category slide
    "Kooperation: 22 Partner",
    "Netzwerk: 9 Partner",
    "Forschung: 8 Partner",
    # no "Wachstum über die Jahre": no partner has a Seit year (the sources slide says so)
    "Aktivitäten nach Bereich und Status",
    "Wo unsere Partner sind",
    "Wie weit unser Netz reicht",
    "Quellen und Datenstand",
]

PERSONAL_VALUES = [
    "Erika Musterfrau", "Max Kontaktmann", "erika.musterfrau@example.org", "+49 2921 555-0101",
    "Beate Beispiel", "beate.beispiel@uni.example", "0234 555 0202", "Hans Huber",
]


def personal_sheets() -> dict[str, list[list]]:
    """Four partners with contact persons, start years, coordinates and activities."""
    return {
        "Partner": [
            ["Name", "Kategorie", "Ort", "Seit", "Breite", "Länge", "Ansprechperson intern",
             "Kontakt extern", "E-Mail", "Telefon"],
            ["A-Lab", "Austausch", "Aachen", 2019, 50.776, 6.084, "Erika Musterfrau",
             "Max Kontaktmann", "erika.musterfrau@example.org", "+49 2921 555-0101"],
            ["B-Uni", "Forschung; Kooperation", "Bochum", 2020, 51.482, 7.216,
             "Erika Musterfrau", "Beate Beispiel", "beate.beispiel@uni.example",
             "0234 555 0202"],
            ["C-Verein <b>&amp; $x^2$", "Netzwerk", "Soest", 2021, 51.571, 8.106, "Hans Huber",
             None, None, None],
            ["D-Stadt", "Kooperation", "Dortmund", 2022, 51.514, 7.465, None, None, None, None],
        ],
        "Aktivitäten": [
            ["Aktivität", "Datum", "Status", "Bereich", "Beteiligte"],
            ["Workshop", "12.08.2022", "umgesetzt", "Vernetzung", "A-Lab; B-Uni"],
            ["Tagung", 2023, "in Planung", "Forschung", "B-Uni; D-Stadt"],
        ],
        "Einstellungen": [
            ["Einstellung", "Wert"],
            ["Eigene Organisation", "stadtLABOR Soest"],
            ["Quelle", "Testdaten für den Foliensatz"],
            ["Datenstand", "Mai 2024"],
        ],
    }


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> dict[str, Path]:
    """The bundled deck, and the small deck with and without personal data."""
    folder = tmp_path_factory.mktemp("decks")
    bundled = load_workbook(BUNDLED)
    small = load_workbook(write_xlsx(folder / "personal.xlsx", personal_sheets()))
    assert small.problems == [] or all(p.severity != "error" for p in small.problems)
    return {
        "bundled": write_deck(folder / "bundled.pptx", bundled),
        "small": write_deck(folder / "small.pptx", small),
        "intern": write_deck(folder / "intern.pptx", small, include_personal=True),
    }


def titles(path: Path) -> list[str]:
    return [slide.shapes.title.text for slide in Presentation(path).slides]


def texts(slide) -> list[str]:
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            found.append(shape.text_frame.text)
        if shape.has_table:
            found += [cell.text for row in shape.table.rows for cell in row.cells]
    return found


def test_bundled_deck_has_the_expected_slides(decks):
    prs = Presentation(decks["bundled"])
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01
    assert titles(decks["bundled"]) == BUNDLED_TITLES
    sources = "\n".join(texts(prs.slides[-1]))
    assert "Keine Startjahre (Spalte »Seit«) in der Arbeitsmappe" in sources
    activities = prs.slides[BUNDLED_TITLES.index("Aktivitäten nach Bereich und Status")]
    assert any(s.has_chart for s in activities.shapes)
    for index in (2, 3, 5, 6, 7, 9, 10):  # overview, categories, map, reach: pictures
        assert any(s.shape_type == 13 for s in prs.slides[index].shapes), BUNDLED_TITLES[index]


def test_growth_slide_runs_from_the_first_seit_to_the_data_date(decks):
    # Seit 2019 to 2022, Datenstand "Mai 2024": 2019 to 2024, and no later year.
    prs = Presentation(decks["small"])
    growth = next(s for s in prs.slides if s.shapes.title.text == "Wachstum über die Jahre")
    [chart] = [s.chart for s in growth.shapes if s.has_chart]
    assert list(chart.plots[0].categories) == [str(y) for y in range(2019, 2025)]
    assert [s.name for s in chart.series] == ["Austausch", "Kooperation", "Netzwerk",
                                              "Forschung"]
    assert [int(v) for v in chart.series[1].values] == [0, 1, 1, 2, 2, 2]  # B-Uni, D-Stadt
    assert chart.value_axis.major_unit == 1  # whole partners on the axis
    assert "Gezeigt bis zum Datenstand 2024." in texts(growth)
    assert not any("Startjahre" in t for t in texts(prs.slides[-1]))


def test_overview_promise_holds_every_name_is_on_a_category_slide(decks):
    """Slide 3 says every name is on the category slides: each partner is listed there."""
    prs = Presentation(decks["bundled"])
    overview = "\n".join(texts(prs.slides[2]))
    assert "alle Namen stehen auf den Kategorie-Folien" in overview
    listed = {line for slide in list(prs.slides)[3:8] for text in texts(slide)[1:]
              for line in text.split("\n")}
    data = load_workbook(BUNDLED)
    assert set(data.partners["name"]) <= listed
    assert not any(line.startswith("und ") and "weitere" in line and "Folie" not in line
                   for line in listed)


def test_bundled_deck_text_is_large(decks):
    """Titles at least 36 pt, every other run at least 20 pt (legible from the back)."""
    prs = Presentation(decks["bundled"])
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            smallest = Pt(36) if shape == slide.shapes.title else Pt(20)
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    assert run.font.size >= smallest, (slide.shapes.title.text, run.text)
            if shape.has_chart:
                assert shape.chart.font.size >= Pt(20)


def test_category_slide_lists_its_partners(decks):
    prs = Presentation(decks["bundled"])
    research = prs.slides[BUNDLED_TITLES.index("Forschung: 8 Partner")]
    listed = "\n".join(texts(research))
    for name in ("TU Dortmund", "Fraunhofer", "Deutsche Hochschule der Polizei"):
        assert name in listed


def test_long_category_continues_on_the_next_slides(tmp_path):
    """Names that do not fit beside the picture continue on "(Fortsetzung)" slides; each
    slide says how many follow; nothing is lost."""
    rows = [["Name", "Kategorie"]] + [[f"Partnerorganisation Nummer {i:02d}", "Kooperation"]
                                      for i in range(60)]
    data = load_workbook(write_xlsx(tmp_path / "viele.xlsx", {"Partner": rows}))
    deck = write_deck(tmp_path / "viele.pptx", data)
    slides = list(Presentation(deck).slides)
    assert slides[3].shapes.title.text == "Kooperation: 60 Partner"
    following = [s for s in slides[4:] if s.shapes.title.text == "Kooperation (Fortsetzung)"]
    assert following
    shown, left = [], 60
    for slide in [slides[3], *following]:
        lines = [line for text in texts(slide)[1:] for line in text.split("\n")]
        names = [line for line in lines if line.startswith("Partnerorganisation")]
        shown += names
        left -= len(names)
        more = [line for line in lines if line.startswith("und ")]
        assert more == ([f"und {left} weitere auf der nächsten Folie"] if left else [])
    assert shown == [f"Partnerorganisation Nummer {i:02d}" for i in range(60)]
    assert "alle Namen stehen auf den Kategorie-Folien" in "\n".join(texts(slides[2]))


def test_a_very_long_category_points_to_the_workbook(tmp_path):
    """Beyond four slides per category the rest is named as being in the workbook, and the
    overview no longer promises every name on the category slides."""
    rows = [["Name", "Kategorie"]] + [[f"Partnerorganisation Nummer {i:03d}", "Kooperation"]
                                      for i in range(400)]
    data = load_workbook(write_xlsx(tmp_path / "sehr_viele.xlsx", {"Partner": rows}))
    slides = list(Presentation(write_deck(tmp_path / "sehr_viele.pptx", data)).slides)
    category = [s for s in slides if s.shapes.title.text.startswith("Kooperation")]
    assert len(category) == 4
    lines = [line for s in category for text in texts(s)[1:] for line in text.split("\n")]
    names = [line for line in lines if line.startswith("Partnerorganisation")]
    assert lines[-1] == f"und {400 - len(names)} weitere: alle Namen stehen in der Arbeitsmappe"
    overview = "\n".join(texts(slides[2]))
    assert "alle Namen stehen auf den Kategorie-Folien" not in overview
    assert "alle stehen in der Arbeitsmappe" in overview


def test_small_deck_without_activities_or_coordinates(tmp_path, small_sheets):
    """No activities slide without activities, no map without coordinates (nor an Ort)."""
    sheets = {"Partner": [row[:3] for row in small_sheets["Partner"]]}  # without the Ort
    data = load_workbook(write_xlsx(tmp_path / "klein.xlsx", sheets))
    found = titles(write_deck(tmp_path / "klein.pptx", data, title="Unser Netz"))
    assert found[0] == "Unser Netz"
    assert "Aktivitäten nach Bereich und Status" not in found
    assert "Wo unsere Partner sind" not in found
    assert found[-1] == "Quellen und Datenstand"


def test_the_map_slide_places_partners_by_their_ort(tmp_path, small_sheets):
    """Without Breite/Länge the partners stand where their Ort is (network_app.geo)."""
    data = load_workbook(write_xlsx(tmp_path / "klein.xlsx", {"Partner": small_sheets["Partner"]}))
    slides = list(Presentation(write_deck(tmp_path / "klein.pptx", data)).slides)
    [slide] = [s for s in slides if s.shapes.title.text == "Wo unsere Partner sind"]
    assert any("4 von 4 Partnern" in text for text in texts(slide)), texts(slide)


def test_english_deck(tmp_path, small_sheets):
    data = load_workbook(write_xlsx(tmp_path / "klein.xlsx", small_sheets))
    found = titles(write_deck(tmp_path / "small.pptx", data, lang="en"))
    assert found[1:3] == ["The network in figures", "The partner network at a glance"]
    assert found[-1] == "Sources and data date"


def test_workbook_text_stays_plain(decks, tmp_path):
    """Markup and mathtext in a name arrive as typed; a formula-like area is no formula."""
    prs = Presentation(decks["small"])
    network = next(s for s in prs.slides if s.shapes.title.text.startswith("Netzwerk"))
    assert "C-Verein <b>&amp; $x^2$" in "\n".join(texts(network))
    data = load_workbook(write_xlsx(tmp_path / "formel.xlsx", personal_sheets()))
    data.activities.loc[1, "area"] = "=1+1"  # a text cell the way Excel keeps '=1+1
    prs = Presentation(write_deck(tmp_path / "formel.pptx", data))
    slide = next(s for s in prs.slides
                 if s.shapes.title.text == "Aktivitäten nach Bereich und Status")
    chart = next(s.chart for s in slide.shapes if s.has_chart)
    labels = list(chart.plots[0].categories)
    assert "\u200b=1+1" in labels
    embedded = chart.part.chart_workbook.xlsx_part.blob
    with zipfile.ZipFile(io.BytesIO(embedded)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet


def package_text(path: Path) -> str:
    """Every XML part of the pptx, and of the workbooks embedded in its charts, as text."""
    parts = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            blob = package.read(name)
            if name.endswith((".xml", ".rels")):
                parts.append(blob.decode("utf-8"))
            elif name.endswith(".xlsx"):
                with zipfile.ZipFile(io.BytesIO(blob)) as inner:
                    parts += [inner.read(n).decode("utf-8") for n in inner.namelist()
                              if n.endswith(".xml")]
    text = "\n".join(parts)
    return text + "\n" + html.unescape(text)


def test_personal_data_stays_out_by_default(decks):
    text = package_text(decks["small"])
    for value in PERSONAL_VALUES:
        assert value not in text
    assert "Personenbezogene Daten (Ansprechpersonen, Kontakte, E-Mail, Telefon) sind nicht " \
           "enthalten." in text
    assert all("intern" not in texts(slide) for slide in Presentation(decks["small"]).slides)


def test_personal_data_only_when_asked_and_marked_intern(decks):
    text = package_text(decks["intern"])
    for value in PERSONAL_VALUES:
        assert value in text
    prs = Presentation(decks["intern"])
    assert all("intern" in texts(slide) for slide in prs.slides)
    assert "Ansprechpersonen" in titles(decks["intern"])


def test_written_atomically(tmp_path, small_sheets):
    data = load_workbook(write_xlsx(tmp_path / "klein.xlsx", small_sheets))
    target = tmp_path / "out" / "deck.pptx"
    with pytest.raises(FileNotFoundError):
        write_deck(target, data)
    target.parent.mkdir()
    target.write_bytes(b"old")
    write_deck(target, data, graph=build_graph(data))
    assert zipfile.is_zipfile(target)
    assert sorted(p.name for p in target.parent.iterdir()) == ["deck.pptx"]


def to_pdf(deck: Path, out_dir: Path) -> Path:
    """LibreOffice Impress converts the deck (a fresh user profile, as in test_libreoffice)."""
    soffice = require_tool("soffice")
    done = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{out_dir / 'lo-profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(deck)],
        capture_output=True, text=True, timeout=240,
    )
    pdf = out_dir / f"{deck.stem}.pdf"
    if not pdf.exists():
        message = ("LibreOffice could not open the deck; is Impress installed (Debian: "
                   f"libreoffice-impress-nogui)? {done.stdout} {done.stderr}")
        if os.environ.get("NETWORK_APP_REQUIRE_TOOLS"):
            pytest.fail(message)
        pytest.skip(message)
    return pdf


@pytest.mark.parametrize("name", ["bundled", "intern"])
def test_libreoffice_renders_every_slide(decks, tmp_path, name):
    pdf = to_pdf(decks[name], tmp_path)
    pdftoppm = require_tool("pdftoppm")
    subprocess.run([pdftoppm, "-png", "-r", "60", str(pdf), str(tmp_path / "slide")],
                   check=True, timeout=120)
    pages = sorted(tmp_path.glob("slide-*.png"))
    assert len(pages) == len(Presentation(decks[name]).slides)
    assert all(page.stat().st_size > 3000 for page in pages)
    keep = ARTIFACTS / name
    shutil.rmtree(keep, ignore_errors=True)
    keep.mkdir(parents=True)
    for page in pages:
        shutil.copy(page, keep / page.name)
    shutil.copy(decks[name], keep / decks[name].name)


def plural_sheets() -> dict[str, list[list]]:
    """Two partners in one category, one in another; one without a start year, one located."""
    return {"Partner": [
        ["Name", "Kategorie", "Seit", "Ort", "Breite", "Länge"],
        ["A-Lab", "Austausch", 2019, "Aachen", 50.776, 6.084],
        ["B-Lab", "Austausch", 2021, None, None, None],
        ["Solo", "Netzwerk", None, None, None, None],
    ]}


@pytest.mark.parametrize(("lang", "one", "two", "undated", "located"), [
    ("de", ": 1 Partner", ": 2 Partner", "1 Partner ohne „Seit“-Jahr ist in jedem Jahr "
     "mitgezählt.", "1 von 3 Partnern hat Koordinaten"),
    ("en", ": 1 partner", ": 2 partners", "1 partner without a start year is counted in every "
     "year.", "1 of 3 partners has coordinates"),
])
def test_deck_counts_with_the_languages_plurals(tmp_path, lang, one, two, undated, located):
    data = load_workbook(write_xlsx(tmp_path / "plural.xlsx", plural_sheets()))
    deck = write_deck(tmp_path / f"plural_{lang}.pptx", data, lang=lang)
    found = titles(deck)
    assert sum(t.endswith(one) for t in found) == 1
    assert sum(t.endswith(two) for t in found) == 1
    everything = "\n".join(text for slide in Presentation(deck).slides for text in texts(slide))
    assert undated in everything
    assert located in everything


def test_english_deck_has_no_german_words_or_decimal_commas(tmp_path):
    from english import decimal_commas, german_words

    data = load_workbook(BUNDLED)
    deck = write_deck(tmp_path / "english.pptx", data, lang="en")
    values = [str(v) for table in ("partners", "relations", "activities", "programmes")
              for record in data.records(table) for v in record.values()
              if isinstance(v, str)]
    values += [str(v) for v in data.settings.values()] + [data.own_organisation]
    values += [c for record in data.records("partners") for c in record["categories"]]
    prs = Presentation(deck)
    text = "\n".join(t for slide in prs.slides for t in texts(slide))
    assert german_words(text, values) == []
    assert decimal_commas(text, values) == []


def map_caption(path: Path) -> tuple[str, str]:
    """The map slide's caption and its speaker notes."""
    [slide] = [s for s in Presentation(path).slides if s.shapes.title.text.startswith("Wo ")]
    [caption] = [text for text in texts(slide) if "Koordinaten" in text]
    notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
    return caption, notes


def test_map_slide_names_the_places_it_has_no_room_for(tmp_path):
    """48 places, at most twenty names on each of the two maps: the others are said under the
    maps (the first six by name) and all of them in the speaker notes, as the presentation
    lists them beside its map."""
    cities = [f"Ort {i:02d}" for i in range(48)]
    rows = [["Name", "Kategorie", "Ort", "Breite", "Länge"]]
    rows += [[f"Partner {i:02d}", "Netzwerk", city, 47.6 + (i // 8) * 1.3, 6.2 + (i % 8) * 1.1]
             for i, city in enumerate(cities)]
    data = load_workbook(write_xlsx(tmp_path / "orte.xlsx", {"Partner": rows}))
    caption, notes = map_caption(write_deck(tmp_path / "orte.pptx", data))
    line = caption.splitlines()[-1]
    match = re.fullmatch(r"(\d+) Orte ohne Namen \(kein Platz\): (.+) und (\d+) weitere\.", line)
    assert match, caption
    count = int(match.group(1))
    assert count >= 8  # 48 places, forty names at most
    shown = match.group(2).split(", ")
    assert len(shown) == 6 and int(match.group(3)) == count - 6
    listed = re.fullmatch(rf"{count} Orte ohne Namen \(kein Platz\): (.+)\.", notes)
    assert listed, notes
    named_in_notes = re.split(r", | und ", listed.group(1))
    assert len(named_in_notes) == len(set(named_in_notes)) == count
    assert set(shown) <= set(named_in_notes) <= set(cities)


def test_map_slide_says_the_unnamed_places_of_the_bundled_workbook(decks):
    """What the maps could not name is under them: every place the drawing left unnamed."""
    from network_app.drawing.places import group_places, located
    from network_app.exports.pptx import geo

    data = load_workbook(BUNDLED)
    places = group_places(located(data.records("partners")))
    height = geo.CONTENT_BOTTOM - geo.CONTENT_TOP - 0.85 - geo.UNNAMED_ROOM
    region_width = geo.SLIDE_W - 2 * geo.MARGIN - 5.0 - 0.3
    region = geo.home_region(places, aspect=region_width / (height + geo.UNNAMED_ROOM))
    graph = build_graph(data)
    found = geo.partner_map(graph, node_styles(graph))
    assert found.places == places  # the map's places are the workbook's
    legend = [(label, colour) for label, colour in default_legend(graph, "de")
              if colour in {c for spot in found.spots for c, _ in spot.slices}]
    unnamed = [p.name for _, left_out in geo._maps(found, region, 5.0, region_width, height,
                                                     "de", legend) for p in left_out]
    caption, _ = map_caption(decks["bundled"])
    assert unnamed  # the bundled maps leave some place unnamed
    assert caption.splitlines()[-1].startswith(f"{len(unnamed)} Ort")
    assert all(name in caption.splitlines()[-1] for name in unnamed)


def test_map_slide_zooms_on_the_home_region_of_the_shared_places(decks):
    """The home region comes from network_app.drawing.places, as on the presentation page."""
    from network_app.drawing.places import group_places, home_region, located

    prs = Presentation(decks["bundled"])
    slide = prs.slides[BUNDLED_TITLES.index("Wo unsere Partner sind")]
    caption = "\n".join(texts(slide))
    data = load_workbook(BUNDLED)
    places = group_places(data.records("partners"))
    assert home_region(places, aspect=1.3) is not None
    assert "rund um Soest" in caption
    assert f"{len(located(data.records('partners')))} von {len(data.partners)} Partnern" \
        in caption
    pictures = [s for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) == 2  # all places, and the home region zoomed in
