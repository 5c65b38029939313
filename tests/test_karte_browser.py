"""The Karte page in a real browser (Debian's chromium driven by Playwright): the map is drawn
on the shipped outlines with nothing loaded from outside, the view buttons move it, dots keep
their size on screen when zooming, and a click on a partner opens its profile, on a place
lists its partners."""

from __future__ import annotations

import pytest
from browser import running_app, watch_requests
from conftest import ROOT

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts"
SOEST = "⌖ Soest (16)"

#: The colours at the map's pixels: how many are land (the outlines' fill, network_map.js).
LAND_SHARE = """() => {
  const state = window.__partnernetz.instances.karte;
  const canvas = state.canvasBox.querySelector("canvas");
  const ctx = canvas.getContext("2d");
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let land = 0, white = 0;
  for (let i = 0; i < data.length; i += 4 * 7) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (r === 0xF1 && g === 0xF1 && b === 0xEF) land++;
    if (r === 255 && g === 255 && b === 255) white++;
  }
  return { land: land / (data.length / 28), white: white / (data.length / 28) };
}"""


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    watch_requests(page, app_url)
    page.goto(app_url + "/karte")
    yield page
    context.close()


def drawn_map(page):
    root = page.locator(".pn-root[data-key='karte'][data-drawn='1'][data-map='1']")
    root.wait_for(timeout=90_000)
    page.wait_for_timeout(500)
    return root


def dot(page, name: str) -> dict:
    return page.evaluate("([n]) => window.__partnernetz.nodePosition(n, 'karte')", [name])


def radius_on_screen(page, name: str) -> float:
    dots = page.evaluate("() => window.__partnernetz.nodeDots('karte')")
    return next(d["r"] for d in dots if d["name"] == name)


def test_map_drawn_offline_and_a_click_opens_the_profile(page):
    root = drawn_map(page)
    assert root.get_attribute("data-map-view") == "region"  # starts where most partners are
    shares = page.evaluate(LAND_SHARE)
    assert shares["land"] > 0.3, shares  # the outlines are drawn under the network
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "karte.png")
    soest = dot(page, SOEST)
    box = root.bounding_box()
    assert box["x"] < soest["x"] < box["x"] + box["width"]
    assert box["y"] < soest["y"] < box["y"] + box["height"]

    # Germany: the view moves out, a dot keeps its size on screen
    before = radius_on_screen(page, "Soest (16)")  # the dots are named by their labels
    hamm, soest = dot(page, "Fablab Hamm"), dot(page, SOEST)
    near = abs(hamm["x"] - soest["x"]) + abs(hamm["y"] - soest["y"])
    page.locator(".pn-views button[data-view='germany']").click()
    page.wait_for_timeout(1200)  # the view moves without animation only with reduced motion
    assert root.get_attribute("data-map-view") == "germany"
    hamm, soest = dot(page, "Fablab Hamm"), dot(page, SOEST)
    assert abs(hamm["x"] - soest["x"]) + abs(hamm["y"] - soest["y"]) < near / 2
    assert radius_on_screen(page, "Soest (16)") == pytest.approx(before, abs=0.5)
    # neighbours and Länder are named where a name fits and covers no partner's name or dot
    names = page.evaluate("() => window.__partnernetz.instances.karte.map.names.length")
    assert names >= 3
    covered = page.evaluate("""() => {
      const s = window.__partnernetz.instances.karte;
      const c = s.canvasBox.querySelector("canvas").getBoundingClientRect();
      const labels = window.__partnernetz.labelBoxes("karte").map(
        (b) => ({ x: b.x - c.left, y: b.y - c.top, w: b.w, h: b.h }));
      return s.map.names.filter((n) => labels.some((b) => n.x < b.x + b.w && b.x < n.x + n.w
        && n.y < b.y + b.h && b.y < n.y + n.h)).length;
    }""")
    assert covered == 0
    page.screenshot(path=ARTIFACTS / "karte_deutschland.png")
    page.locator(".pn-views button[data-view='region']").click()
    page.wait_for_timeout(1200)

    # a place of several partners lists them; a partner alone opens its profile
    soest = dot(page, SOEST)
    page.mouse.click(soest["x"], soest["y"])
    page.get_by_text("In Soest: 16 Partner").wait_for(timeout=30_000)
    page.get_by_role("button", name="SoestArt").wait_for()
    drawn_map(page)
    hamm = dot(page, "Fablab Hamm")
    page.mouse.click(hamm["x"], hamm["y"])
    page.get_by_role("heading", name="Fablab Hamm").wait_for(timeout=30_000)
    assert page.outside_requests == []


def test_map_picture_downloads(page, tmp_path):
    """The download buttons make the map page when clicked (a PNG of A4 at 300 dpi)."""
    drawn_map(page)
    button = page.get_by_role("button", name="PNG herunterladen")
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=120_000) as download:
        button.click()
    path = tmp_path / "karte.png"
    download.value.save_as(path)
    assert download.value.suggested_filename == "Partnernetz-Karte.png"
    from PIL import Image

    with Image.open(path) as image:
        assert image.size == (3508, 2481)
    assert page.outside_requests == []
