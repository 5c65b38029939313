"""The presentation for the council in Chromium at 1920×1080, on the bundled workbook: names
legible from the back of the room, only as many as fit without overlap (the others listed beside
the picture), and a map of the partners' places over country outlines."""

from __future__ import annotations

import base64
import re
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from browser import running_app
from conftest import ROOT, write_xlsx

import network_app as na
from network_app.drawing.places import group_places, located

pytestmark = pytest.mark.browser
SVG = "{http://www.w3.org/2000/svg}"
KEY = "presentation"
#: Legible from the back of a room on a 1920×1080 projector.
MIN_PX = 18

# The network chart's state, read through the component's test hooks (shadow root included).
NETWORK_STATE = """(key) => {
  const state = window.__partnernetz.instances[key];
  if (!state || !state.network) return null;
  const side = state.root.querySelector(".pn-side");
  const canvas = state.canvasBox.querySelector("canvas").getBoundingClientRect();
  return {
    nodes: Number(state.root.getAttribute("data-node-count")),
    fontSize: state.fontSize,
    boxes: window.__partnernetz.labelBoxes(key),
    side: side.hidden ? null : [...side.querySelectorAll("li")].map((li) => li.textContent),
    more: [...side.querySelectorAll(".pn-side-more")].filter((p) => !p.hidden)
      .map((p) => p.textContent)[0] || null,
    sideFits: side.scrollHeight <= side.clientHeight + 1,
    sideScrolls: ["auto", "scroll"].includes(getComputedStyle(side).overflowY),
    sideFont: Math.min(...[side, ...side.querySelectorAll("li")].map(
      (el) => parseFloat(getComputedStyle(el).fontSize))),
    canvas: {left: canvas.left, top: canvas.top, right: canvas.right, bottom: canvas.bottom},
  };
}"""


@pytest.fixture(scope="module")
def projector(browser):
    with running_app() as url:
        context = browser.new_context(viewport={"width": 1920, "height": 1080})
        page = context.new_page()
        page.app_url = url
        page.goto(url)
        page.locator(".pn-root[data-key='explore'][data-drawn='1']").wait_for(timeout=90_000)
        page.get_by_role("link", name="Präsentation").click()
        page.get_by_text("Ansicht 1 von").wait_for(timeout=60_000)
        yield page
        context.close()


def _plain(text: str) -> str:
    return " ".join(text.split())


def _views(page):
    """Step through every view; yield (number, title) with the view shown."""
    total = int(page.get_by_text("Ansicht 1 von").inner_text().split()[-1])
    for n in range(1, total + 1):
        if n > 1:
            page.locator("body").press("ArrowRight")
            page.get_by_text(f"Ansicht {n} von {total}").wait_for(timeout=30_000)
        yield n, page.locator("h1").first.inner_text()


def _network_state(page, previous_nodes: int | None) -> dict:
    page.wait_for_function(
        "([key, before]) => { const s = window.__partnernetz && window.__partnernetz"
        ".instances[key]; return s && s.network && s.root.getAttribute('data-drawn') === '1'"
        " && Number(s.root.getAttribute('data-node-count')) !== before"
        " && window.__partnernetz.labelBoxes(key).length > 0; }",
        arg=[KEY, previous_nodes if previous_nodes is not None else -1], timeout=30_000)
    page.wait_for_timeout(600)  # the label engine draws after vis' last redraw
    return page.evaluate(NETWORK_STATE, KEY)


def _overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
            and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])


def _svg_of(page, selector: str) -> tuple[ET.Element, float]:
    """The SVG picture shown by the image in ``selector`` and how wide it is on screen."""
    image = page.locator(f"{selector} img").first
    image.wait_for(timeout=30_000)
    src = image.get_attribute("src")
    if src.startswith("data:"):
        text = base64.b64decode(src.split(",", 1)[1]).decode("utf-8")
    else:
        with urllib.request.urlopen(page.app_url + src if src.startswith("/") else src) as f:
            text = f.read().decode("utf-8")
    width = page.evaluate("(el) => el.getBoundingClientRect().width", image.element_handle())
    return ET.fromstring(text), float(width)


def _groups(root: ET.Element, pattern: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if re.fullmatch(pattern, g.get("id", ""))]


def _dots(root: ET.Element) -> int:
    (group,) = _groups(root, "places")
    return len(list(group.iter(f"{SVG}path")))


def more_count(text: str | None) -> int:
    """N of the side list's last line "und N weitere" (0 without that line)."""
    if text is None:
        return 0
    match = re.fullmatch(r"und (\d+) weiterer?", _plain(text))
    assert match, text
    return int(match.group(1))


def assert_side_list(state: dict, title: str) -> None:
    """The side list holds the names not labelled in the picture (all in the picture: the view
    is fitted), the most important of them when not all fit, then "und N weitere"; it fits
    without a scroll bar, in type legible from the back of the room."""
    assert state["side"] is not None, title
    drawn = {_plain(box["name"]) for box in state["boxes"]}
    listed = [_plain(name) for name in state["side"]]
    assert len(listed) == len(set(listed))
    assert not drawn & set(listed), title
    assert len(drawn) + len(listed) + more_count(state["more"]) == state["nodes"], title
    assert state["sideFits"] and not state["sideScrolls"], (title, len(listed))
    assert state["sideFont"] >= MIN_PX, (title, state["sideFont"])


def test_every_view_is_legible_from_the_back_of_the_room(projector):
    page = projector
    data = na.load_workbook(ROOT / "data" / "stadtlabor_soest.xlsx")
    places = group_places(located(data.records("partners")))
    seen, nodes = [], None
    for _, title in _views(page):
        seen.append(title)
        if title == "Unser Partnernetz" or title.startswith("Kategorie "):
            state = _network_state(page, nodes)
            nodes = state["nodes"]
            assert state["fontSize"] >= MIN_PX, title
            boxes = state["boxes"]
            assert boxes, title
            canvas = state["canvas"]
            for i, box in enumerate(boxes):
                assert box["h"] >= MIN_PX, (title, box)
                assert canvas["left"] - 1 <= box["x"] and box["x"] + box["w"] <= canvas["right"] + 1
                assert canvas["top"] - 1 <= box["y"] and box["y"] + box["h"] <= canvas["bottom"] + 1
                for other in boxes[i + 1:]:
                    assert not _overlap(box, other), (title, box["name"], other["name"])
            assert_side_list(state, title)
        elif title == "Karte":
            whole, whole_width = _svg_of(page, ".st-key-pn_map_whole")
            region, region_width = _svg_of(page, ".st-key-pn_map_region")
            for root, width in ((whole, whole_width), (region, region_width)):
                view_width = float(root.get("viewBox").split()[2])
                scale = width / view_width
                # place names are 22 points in the picture, one point a pixel at full width
                assert 22 * scale >= MIN_PX, (width, view_width)
                assert _groups(root, "place-label")
            # Germany and its neighbours outlined; every grouped place a dot on the whole map
            for code in ("DEU", "NLD", "BEL", "AUT", "CZE", "POL"):
                assert _groups(whole, rf"outline-{code}-\d+"), code
            assert _dots(whole) == len(places) == 27
            assert 3 <= _dots(region) < len(places)
            assert _groups(region, r"outline-DEU-\d+")
            # every place is named on one of the two maps or listed beside them (the sentence
            # about partners without coordinates comes last: the column is complete)
            page.get_by_text("ohne Koordinaten").wait_for(timeout=30_000)
            note = page.locator(".st-key-pn_map_unnamed")
            unnamed = 0
            if note.count():
                first = note.inner_text().split()[0]
                unnamed = 1 if first == "Ein" else int(first)
            named = len(_groups(whole, "place-label")) + len(_groups(region, "place-label"))
            assert named + unnamed == len(places)
            tile = page.locator(".st-key-pn_tile_places [data-testid='stMetricValue']")
            assert tile.inner_text(timeout=30_000) == str(len(places))  # the tile "Orte"
        elif title == "Reichweite":
            tile = page.locator(".st-key-pn_tile_reach_national [data-testid='stMetricValue']")
            assert tile.inner_text(timeout=30_000) == "14"
            for _ in range(20):  # the map's picture may still be shown for a moment
                root, width = _svg_of(page, ".st-key-pn_reach")
                if _groups(root, "ring-name-lokal"):
                    break
                page.wait_for_timeout(500)
            scale = width / float(root.get("viewBox").split()[2])
            texts = {g.get("id"): [] for g in root.iter(f"{SVG}g")}
            for group in root.iter(f"{SVG}g"):
                for text in group.iter(f"{SVG}text"):
                    size = re.search(r"font-size: ?([0-9.]+)px", text.get("style", ""))
                    texts[group.get("id")].append((float(size.group(1)) if size else 0.0,
                                                   "".join(text.itertext())))
            names = texts.get("partner-name", [])
            rings = [t for key, found in texts.items() if key and key.startswith("ring-name")
                     for t in found]
            assert len(names) >= 20, len(names)
            assert all(size * scale >= MIN_PX for size, _ in names + rings), scale
            assert any("Südwestfalen: 16 Partner" in text for _, text in rings)
    assert seen[0] == "Unser Partnernetz" and "Karte" in seen and "Reichweite" in seen
    assert sum(t.startswith("Kategorie ") for t in seen) == 4


def test_a_300_partner_network_on_the_projector(browser, tmp_path):
    """A big network: the side list names the most important unlabelled partners that fit
    and ends with "und N weitere", never a scroll bar, never type below 18 px."""
    from test_label_overlap import crowded_sheets

    path = write_xlsx(tmp_path / "dreihundert.xlsx", crowded_sheets())
    with running_app() as url:
        context = browser.new_context(viewport={"width": 1920, "height": 1080})
        page = context.new_page()
        try:
            page.goto(url)
            page.locator(".pn-root[data-key='explore'][data-drawn='1']").wait_for(
                timeout=90_000)
            page.locator("input[type=file]").set_input_files(str(path))
            page.get_by_text("Gezeigt wird: dreihundert.xlsx").wait_for(timeout=60_000)
            page.get_by_role("link", name="Präsentation").click()
            page.get_by_text("Ansicht 1 von").wait_for(timeout=60_000)
            state = _network_state(page, None)
            assert state["nodes"] == 301  # 300 partners and the stadtLABOR
            assert_side_list(state, "300")
            assert more_count(state["more"]) > 0  # 300 names cannot all be listed
            # the most important unlabelled names are the ones listed
            ranks = page.evaluate("""(key) => {
              const state = window.__partnernetz.instances[key];
              const rank = {};
              state.baseNodes.forEach((node, i) => { rank[state.names[i]] = node.rank; });
              return rank; }""", KEY)
            drawn = {box["name"] for box in state["boxes"]}
            listed = set(state["side"])
            left_out = set(ranks) - drawn - listed
            assert max(ranks[name] for name in listed) < min(ranks[name] for name in left_out)
            page.screenshot(path=ROOT / "test-artifacts" / "presentation_300.png")
        finally:
            context.close()
