"""Names on screen never overlap: every network surface measured in Chromium.

The label engine (network_app/drawing/labels.js) draws the names itself; its test hooks give
the boxes it drew and the dots on screen in page coordinates (``window.__partnernetz.labelBoxes``
and ``.nodeDots`` in the app, ``window.__partnernetzLabels`` and ``__partnernetzDots`` in the
HTML export). Each surface is checked at 1440×900 and 1920×1080: no two name boxes overlap, no
name covers another node's dot, every name stays inside the picture, and enough names are drawn
that the test cannot pass by drawing nothing. The surfaces: the Netzwerk page, the Partner page
(the partner with the most neighbours), the Präsentation (overview and a category view) and
the HTML export, on the bundled workbook and on a generated 300-partner workbook whose names
would collide. One app start for the module; one browser page, reused.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from browser import running_app
from conftest import BUNDLED, write_xlsx

import network_app as na
from network_app.exports import export

pytestmark = pytest.mark.browser
SIZES = [(1440, 900), (1920, 1080)]
#: Fewer names than this at an overview means the engine has stopped drawing.
AT_LEAST = 10


# --- the generated workbook ------------------------------------------------------------------
def crowded_sheets(partners: int = 300, ties_each: int = 4, seed: int = 7
                   ) -> dict[str, list[list]]:
    """``partners`` partners with long, similar names (so they would collide when all drawn),
    about ``ties_each`` relations each, all four categories, a seeded random net."""
    rng = random.Random(seed)
    kinds = ["Stadtwerke", "Verein für Kultur und Bildung", "Hochschule", "Netzwerk Digitales",
             "Kreisverwaltung", "Zukunftslabor", "Bürgerstiftung", "Innovationszentrum"]
    places = ["Nordrhein", "Soest", "Lippstadt", "Arnsberg", "Hamm", "Unna", "Werl", "Olpe",
              "Meschede", "Brilon", "Iserlohn", "Menden"]
    categories = ["Austausch", "Kooperation", "Netzwerk", "Forschung"]
    names = [f"{rng.choice(kinds)} {rng.choice(places)} {i:03d}" for i in range(partners)]
    rows = [["Name", "Kategorie", "Typ", "Ort"]]
    rows += [[name, categories[i % 4], "Verein", name.split()[-2]]
             for i, name in enumerate(names)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < partners * ties_each // 2:
        a = rng.randrange(partners)
        # mostly neighbours in the same category, so the picture has dense parts
        b = (a + 4 * rng.randint(1, 6)) % partners if rng.random() < 0.7 \
            else rng.randrange(partners)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    relations = [["Von", "Nach", "Art", "Stärke"]]
    relations += [[names[a], names[b], "Projekt", rng.randint(1, 5)] for a, b in sorted(pairs)]
    return {"Partner": rows, "Beziehungen": relations}


@pytest.fixture(scope="module")
def crowded(tmp_path_factory) -> Path:
    return write_xlsx(tmp_path_factory.mktemp("crowded") / "dreihundert.xlsx",
                      crowded_sheets())


# --- checks ----------------------------------------------------------------------------------
def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of names whose boxes overlap (touching edges do not count)."""
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
                    and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]):
                found.append((a["name"], b["name"]))
    return found


def covered_dots(boxes: list[dict], dots: list[dict]) -> list[tuple[str, str]]:
    """(name, dot) where a name's box covers another node's dot (its bounding square)."""
    found = []
    for box in boxes:
        for dot in dots:
            if dot["name"] == box["name"]:
                continue
            if (box["x"] < dot["x"] + dot["r"] and dot["x"] - dot["r"] < box["x"] + box["w"]
                    and box["y"] < dot["y"] + dot["r"]
                    and dot["y"] - dot["r"] < box["y"] + box["h"]):
                found.append((box["name"], dot["name"]))
    return found


def outside(boxes: list[dict], canvas: dict) -> list[str]:
    return [b["name"] for b in boxes
            if b["x"] < canvas["x"] - 0.5 or b["y"] < canvas["y"] - 0.5
            or b["x"] + b["w"] > canvas["x"] + canvas["width"] + 0.5
            or b["y"] + b["h"] > canvas["y"] + canvas["height"] + 0.5]


def dots_inside(dots: list[dict], canvas: dict) -> int:
    """How many node centres are inside the canvas."""
    return sum(1 for d in dots if canvas["x"] <= d["x"] <= canvas["x"] + canvas["width"]
               and canvas["y"] <= d["y"] <= canvas["y"] + canvas["height"])


def assert_legible(boxes: list[dict], dots: list[dict], canvas: dict, at_least: int) -> None:
    assert len(boxes) >= at_least, [b["name"] for b in boxes]
    assert overlapping(boxes) == []
    assert covered_dots(boxes, dots) == []
    assert outside(boxes, canvas) == []


# --- the app ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


@pytest.fixture(scope="module")
def page(browser, app_url):
    """One page for the module; each test sets its viewport and goes where it needs."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(app_url)
    yield page
    context.close()


def root_selector(key: str) -> str:
    return f".pn-root[data-key='{key}']"


def drawn(page, key: str, nodes: int | None = None):
    selector = root_selector(key) + "[data-drawn='1']"
    if nodes is not None:
        selector += f"[data-node-count='{nodes}']"
    page.locator(selector).wait_for(timeout=60_000)
    page.wait_for_timeout(700)  # the label engine draws after vis' first frame and the fit
    return page.locator(root_selector(key))


def app_canvas(page, key: str) -> dict:
    return page.locator(root_selector(key) + " canvas").bounding_box()


def app_labels(page, key: str) -> tuple[list[dict], list[dict]]:
    return (page.evaluate("key => window.__partnernetz.labelBoxes(key)", key),
            page.evaluate("key => window.__partnernetz.nodeDots(key)", key))


def scale(page, key: str) -> float:
    return page.evaluate("key => window.__partnernetz.instances[key].network.getScale()", key)


def all_nodes_inside(page, key: str) -> list[str]:
    """Names of nodes whose centre is outside the canvas (empty when all are inside)."""
    canvas = app_canvas(page, key)
    names = page.evaluate("key => window.__partnernetz.instances[key].names", key)
    lost = []
    for name in names:
        p = page.evaluate("([n, k]) => window.__partnernetz.nodePosition(n, k)", [name, key])
        if not (canvas["x"] <= p["x"] <= canvas["x"] + canvas["width"]
                and canvas["y"] <= p["y"] <= canvas["y"] + canvas["height"]):
            lost.append(name)
    return lost


def scroll_top(page) -> float:
    """How far the app is scrolled (Streamlit scrolls its main element, not the window)."""
    return page.evaluate("""() => Math.max(document.scrollingElement.scrollTop,
      ...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stAppViewContainer],'
        + ' section.main')].map((e) => e.scrollTop))""")


def go(page, link: str) -> None:
    page.get_by_role("link", name=link, exact=True).click()


def wheel_over(page, box: dict, delta: float, ctrl: bool, times: int = 1) -> None:
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    if ctrl:
        page.keyboard.down("Control")
    for _ in range(times):
        page.mouse.wheel(0, delta)
        page.wait_for_timeout(60)
    if ctrl:
        page.keyboard.up("Control")
    page.wait_for_timeout(400)


@pytest.mark.parametrize("size", SIZES, ids=["1440x900", "1920x1080"])
def test_netzwerk_page(page, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    go(page, "Netzwerk")
    drawn(page, "explore", nodes=65)
    page.locator(root_selector("explore")).evaluate("e => e.scrollIntoView({block: 'end'})")
    page.wait_for_timeout(300)
    boxes, dots = app_labels(page, "explore")
    assert_legible(boxes, dots, app_canvas(page, "explore"), AT_LEAST)
    assert page.evaluate("() => window.__partnernetz.instances.explore.labels.lastMs()") < 50
    assert all_nodes_inside(page, "explore") == []


def test_netzwerk_picture_is_on_the_first_screen(page):
    page.set_viewport_size({"width": 1440, "height": 900})
    go(page, "Netzwerk")
    drawn(page, "explore", nodes=65)
    page.evaluate("""() => [document.scrollingElement, ...document.querySelectorAll(
      '[data-testid=stMain], [data-testid=stAppViewContainer], section.main')]
      .forEach((e) => { e.scrollTop = 0; })""")
    page.wait_for_timeout(300)
    canvas = app_canvas(page, "explore")
    assert canvas["y"] < 450  # it started about 690 px down before
    assert canvas["y"] + canvas["height"] <= 900  # whole, without scrolling


def test_plain_wheel_scrolls_the_page_and_ctrl_wheel_zooms(page):
    page.set_viewport_size({"width": 1440, "height": 900})
    go(page, "Netzwerk")
    drawn(page, "explore", nodes=65)
    canvas = app_canvas(page, "explore")
    before_scale, before_scroll = scale(page, "explore"), scroll_top(page)
    wheel_over(page, canvas, 300, ctrl=False)
    assert scale(page, "explore") == pytest.approx(before_scale)
    assert scroll_top(page) > before_scroll
    hint = page.locator(root_selector("explore") + " .pn-hint")
    assert hint.is_visible() and hint.inner_text() == "Zum Zoomen Strg + Mausrad"
    canvas = app_canvas(page, "explore")
    wheel_over(page, canvas, -300, ctrl=True, times=4)
    assert scale(page, "explore") > before_scale * 1.3
    boxes, dots = app_labels(page, "explore")
    assert_legible(boxes, dots, app_canvas(page, "explore"), AT_LEAST)


def test_fit_button_brings_every_node_back(page):
    page.set_viewport_size({"width": 1440, "height": 900})
    go(page, "Netzwerk")
    drawn(page, "explore", nodes=65)
    page.locator(root_selector("explore")).scroll_into_view_if_needed()
    canvas = app_canvas(page, "explore")
    wheel_over(page, canvas, -300, ctrl=True, times=12)
    assert all_nodes_inside(page, "explore") != []  # zoomed in: some are off the picture
    button = page.locator(root_selector("explore") + " .pn-fit")
    assert button.inner_text() == "Alles zeigen"
    button.focus()
    page.keyboard.press("Enter")  # reachable by keyboard
    page.wait_for_timeout(900)
    assert all_nodes_inside(page, "explore") == []
    boxes, dots = app_labels(page, "explore")
    assert_legible(boxes, dots, app_canvas(page, "explore"), AT_LEAST)


def busiest_partner() -> tuple[str, int]:
    data = na.load_workbook(BUNDLED.read_bytes(), filename=BUNDLED.name)
    graph = na.build_graph(data)
    sizes = {name: na.ego_network(graph, name, 1).number_of_nodes()
             for name in data.partners["name"]}
    name = max(sorted(sizes), key=sizes.get)
    return name, sizes[name]


@pytest.mark.parametrize("size", SIZES, ids=["1440x900", "1920x1080"])
@pytest.mark.parametrize("partner", ["KGSt", "busiest"])
def test_partner_page_shows_every_neighbour(page, size, partner):
    name, nodes = busiest_partner() if partner == "busiest" else ("KGSt", None)
    page.set_viewport_size({"width": size[0], "height": size[1]})
    go(page, "Partner")
    page.get_by_label("Partner auswählen").wait_for(timeout=30_000)
    if page.get_by_role("heading", name=name, exact=True).count() == 0:
        box = page.get_by_label("Partner auswählen")
        box.click()
        box.fill(name)
        page.get_by_role("option", name=name, exact=True).click()
    page.get_by_role("heading", name=name, exact=True).wait_for(timeout=30_000)
    if nodes is not None:
        drawn(page, "ego_chart", nodes=nodes)
    else:
        page.wait_for_function("""() => window.__partnernetz.instances.ego_chart
          && window.__partnernetz.instances.ego_chart.names.includes("KGSt")
          && window.__partnernetz.instances.ego_chart.root.dataset.selected === "KGSt" """,
                               timeout=30_000)
        drawn(page, "ego_chart")
    page.locator(root_selector("ego_chart")).scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    assert all_nodes_inside(page, "ego_chart") == []
    boxes, dots = app_labels(page, "ego_chart")
    count = page.evaluate("() => window.__partnernetz.instances.ego_chart.names.length")
    assert_legible(boxes, dots, app_canvas(page, "ego_chart"), min(count, AT_LEAST))


@pytest.mark.parametrize("size", SIZES, ids=["1440x900", "1920x1080"])
def test_presentation_views(page, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    go(page, "Präsentation")
    page.get_by_text(re.compile(r"Ansicht \d+ von")).first.wait_for(timeout=60_000)
    for _ in range(12):  # the presentation remembers its view: back to the first
        if page.get_by_text("Ansicht 1 von").count():
            break
        page.locator("body").press("ArrowLeft")
        page.wait_for_timeout(700)
    page.get_by_text("Ansicht 1 von").wait_for(timeout=30_000)
    drawn(page, "presentation", nodes=65)
    boxes, dots = app_labels(page, "presentation")
    assert_legible(boxes, dots, app_canvas(page, "presentation"), AT_LEAST)
    page.locator("body").press("ArrowRight")
    page.get_by_text("Ansicht 2 von").wait_for(timeout=30_000)
    # A category view (today Austausch: 25 partners and the hub): fewer nodes, larger names.
    page.wait_for_function("""() => {
      const state = window.__partnernetz.instances.presentation;
      return state && state.names.length < 65 && state.root.dataset.drawn === "1"; }""",
                           timeout=30_000)
    drawn(page, "presentation")
    boxes, dots = app_labels(page, "presentation")
    assert_legible(boxes, dots, app_canvas(page, "presentation"), AT_LEAST)
    page.get_by_role("link", name="Präsentation beenden").first.click()
    page.get_by_role("link", name="Netzwerk", exact=True).wait_for(timeout=30_000)


@pytest.mark.parametrize("size", SIZES, ids=["1440x900", "1920x1080"])
def test_netzwerk_page_with_300_partners(page, crowded, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    go(page, "Netzwerk")
    drawn(page, "explore")
    if page.locator(root_selector("explore") + "[data-node-count='301']").count() == 0:
        page.locator("input[type=file]").set_input_files(str(crowded))
    root = drawn(page, "explore", nodes=301)  # 300 partners + the hub
    root.scroll_into_view_if_needed()
    page.evaluate("() => window.__partnernetz.fit('explore')")  # as opened, whatever came before
    page.wait_for_timeout(300)
    canvas = app_canvas(page, "explore")
    boxes, dots = app_labels(page, "explore")
    assert_legible(boxes, dots, canvas, AT_LEAST)
    assert len(boxes) < 301  # they would collide: the engine left some out
    assert page.evaluate("() => window.__partnernetz.instances.explore.labels.lastMs()") < 50
    # Zooming in on the densest part shows more names there, still without overlap.
    labelled = {box["name"] for box in boxes}
    unlabelled = [dot for dot in dots if dot["name"] not in labelled]
    target = max(unlabelled, key=lambda dot: sum(
        1 for other in unlabelled if abs(other["x"] - dot["x"]) + abs(other["y"] - dot["y"]) < 120))
    wheel_over(page, {"x": target["x"], "y": target["y"], "width": 0, "height": 0}, -300,
               ctrl=True, times=8)
    zoomed, dots = app_labels(page, "explore")
    assert len({box["name"] for box in zoomed} - labelled) >= 5
    assert_legible(zoomed, dots, app_canvas(page, "explore"), AT_LEAST)
    assert page.errors == []


# --- the HTML export -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def export_pages(tmp_path_factory, crowded) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html")
    pages = {}
    for name, path in (("bundled", BUNDLED), ("crowded", crowded)):
        data = na.load_workbook(path.read_bytes(), filename=path.name)
        pages[name] = export("html", folder / f"{name}.html", data)[0]
    return pages


@pytest.fixture(scope="module")
def file_page(browser):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    page.close()


def open_export(page, path: Path, size: tuple[int, int]) -> dict:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(path.as_uri())
    page.locator("body[data-drawn='1']").wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    return page.locator("#network canvas").bounding_box()


def export_labels(page) -> tuple[list[dict], list[dict]]:
    return page.evaluate("window.__partnernetzLabels"), page.evaluate("window.__partnernetzDots")


@pytest.mark.parametrize("size", SIZES, ids=["1440x900", "1920x1080"])
@pytest.mark.parametrize("workbook", ["bundled", "crowded"])
def test_html_export(file_page, export_pages, workbook, size):
    page = file_page
    canvas = open_export(page, export_pages[workbook], size)
    boxes, dots = export_labels(page)
    assert_legible(boxes, dots, canvas, AT_LEAST)
    # The legend and the button stand above the picture, never over it.
    for part in ("#legend", "#fit"):
        box = page.locator(part).bounding_box()
        assert box["y"] + box["height"] <= canvas["y"] + 0.5, part
    count = page.evaluate("() => graphData.nodes.length")
    assert dots_inside(dots, canvas) == count  # fitted: every dot is on screen
    assert page.errors == []


def test_html_export_wheel_fit_and_search(file_page, export_pages):
    page = file_page
    canvas = open_export(page, export_pages["bundled"], (1440, 900))
    before = page.evaluate("() => network.getScale()")
    wheel_over(page, canvas, 300, ctrl=False)
    assert page.evaluate("() => network.getScale()") == pytest.approx(before)
    assert page.locator("#hint").inner_text() == "Zum Zoomen Strg + Mausrad"
    wheel_over(page, canvas, -300, ctrl=True, times=12)
    assert page.evaluate("() => network.getScale()") > before * 2
    nodes = page.evaluate("() => graphData.nodes.length")
    # some left the picture
    assert dots_inside(page.evaluate("window.__partnernetzDots"), canvas) < nodes
    boxes, dots = export_labels(page)
    assert_legible(boxes, dots, canvas, 1)
    page.locator("#fit").click()
    page.wait_for_timeout(900)
    assert dots_inside(page.evaluate("window.__partnernetzDots"), canvas) == nodes
    # The search finds part of a name, whatever the case; nothing found clears the selection.
    page.fill("#search-input", "olpe")
    page.press("#search-input", "Enter")
    selected = "() => network.getSelectedNodes().map((id) => graphData.nodes[id].label)"
    assert page.evaluate(selected) == ["Stadt Olpe"]
    page.fill("#search-input", "STADT")
    page.press("#search-input", "Enter")
    assert len(page.evaluate(selected)) == 1
    assert "Treffer" in page.locator("#search-status").inner_text()
    page.fill("#search-input", "gibt es nicht")
    page.press("#search-input", "Enter")
    assert page.evaluate(selected) == []
    assert "Kein Partner" in page.locator("#search-status").inner_text()
    assert page.errors == []


def test_html_export_search_box_takes_every_key(file_page, export_pages):
    """"-", "+" and the arrow keys are typed into the search box (vis' keys act only while
    the picture has the focus), and the picture still answers them when it has it."""
    page = file_page
    open_export(page, export_pages["bundled"], (1440, 900))
    view = "() => [network.getScale(), network.getViewPosition()]"
    before = page.evaluate(view)
    page.locator("#search-input").click()
    page.keyboard.type("Castrop-Rauxel+")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Backspace")
    page.keyboard.press("ArrowRight")
    page.keyboard.type("-")
    assert page.locator("#search-input").input_value() == "Castrop-Rauxe+-"
    assert page.evaluate(view) == before  # the keys moved nothing
    page.locator("#search-input").fill("Castrop-Rauxel")
    page.press("#search-input", "Enter")
    selected = "() => network.getSelectedNodes().map((id) => graphData.nodes[id].label)"
    assert page.evaluate(selected) == ["Stadt Castrop-Rauxel"]
    page.locator("#fit").click()
    page.wait_for_timeout(900)
    frame = page.locator("#network .vis-network")
    assert frame.get_attribute("tabindex") == "0"
    frame.focus()
    scale = page.evaluate("() => network.getScale()")
    page.keyboard.down("Minus")  # vis zooms on every frame while the key is held
    page.wait_for_timeout(300)
    page.keyboard.up("Minus")
    assert page.evaluate("() => network.getScale()") < scale
    assert page.errors == []


def test_html_export_search_survives_a_window_resize(file_page, export_pages):
    """A partner found by the search stays in the middle when the window changes size (the
    page refits only a view the user has not moved)."""
    page = file_page
    open_export(page, export_pages["bundled"], (1440, 900))
    page.locator("#search-input").fill("Castrop-Rauxel")
    page.press("#search-input", "Enter")
    assert page.evaluate("() => network.getScale()") >= 1.0  # zoomed in on the partner
    page.set_viewport_size({"width": 1200, "height": 800})
    page.wait_for_timeout(600)
    canvas = page.locator("#network canvas").bounding_box()
    dot = next(d for d in page.evaluate("window.__partnernetzDots")
               if d["name"] == "Stadt Castrop-Rauxel")
    assert abs(dot["x"] - (canvas["x"] + canvas["width"] / 2)) < 5
    assert abs(dot["y"] - (canvas["y"] + canvas["height"] / 2)) < 5
    # not refitted: vis keeps the view, scaled with the window's width
    assert page.evaluate("() => network.getScale()") > 0.75
    # "Alles zeigen" fits again, and from then on a resize refits
    page.locator("#fit").click()
    page.wait_for_timeout(900)
    page.set_viewport_size({"width": 1440, "height": 900})
    page.wait_for_timeout(600)
    canvas = page.locator("#network canvas").bounding_box()
    nodes = page.evaluate("() => graphData.nodes.length")
    assert dots_inside(page.evaluate("window.__partnernetzDots"), canvas) == nodes
    assert page.errors == []
