"""The page "Reichweite" in a real browser (Debian's chromium driven by Playwright): the rings
are drawn with nothing loaded from outside, the picture is as wide as the column with legible
ring names, and a click on a row of the table opens the partner's profile."""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET

import pytest
from browser import running_app, watch_requests

pytestmark = pytest.mark.browser
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    watch_requests(page, app_url)
    page.goto(app_url)
    page.get_by_role("link", name="Reichweite").click()
    page.locator(".st-key-reach_picture img").wait_for(timeout=90_000)
    yield page
    context.close()


def test_rings_are_drawn_offline_and_a_row_opens_the_profile(page):
    picture = page.locator(".st-key-reach_picture img")
    box = picture.bounding_box()
    assert box["width"] > 900  # as wide as the column at 1440 × 900
    natural = picture.evaluate("(img) => [img.naturalWidth, img.naturalHeight, img.complete]")
    assert natural[0] > 0 and natural[1] > 0 and natural[2]
    source = picture.get_attribute("src") or ""
    svg = page.evaluate("async (src) => await (await fetch(src)).text()", source)
    # text stays text (not letters drawn as paths, with the words only in comments)
    words = " ".join(t for e in ET.fromstring(svg).iter(f"{SVG}text") for t in e.itertext())
    assert "Soest: 15 Partner" in words and "Deutschland: 14 Partner" in words
    # nothing in the picture loads from or links outside (namespace names aside)
    assert "<script" not in svg and not re.search(r'(href|src)="(https?:)?//', svg)
    page.get_by_text("Partner je Ring").scroll_into_view_if_needed()
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    area = grid.bounding_box()
    # the third row (the header is one row high): Evangelische Frauenhilfe, in Soest
    page.mouse.click(area["x"] + 15, area["y"] + 35 + 35 * 2 + 17)
    page.get_by_role("heading", name="Evangelische Frauenhilfe").wait_for(timeout=60_000)
    assert page.url.endswith("/partner")
    # back on the page, the old selection does not send the reader away again
    page.get_by_role("link", name="Reichweite").click()
    page.locator(".st-key-reach_picture img").wait_for(timeout=60_000)
    time.sleep(2)
    assert page.url.endswith("/reichweite")
    assert page.outside_requests == []
