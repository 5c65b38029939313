"""The app in a real browser: Debian's chromium driven by Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import CHROMIUM_ARGS, running_app
from conftest import ROOT, require_tool, write_xlsx
from messy import german_excel_xlsx

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts"
PAYLOAD = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def browser():
    chromium = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1500, "height": 1700})
    page = context.new_page()
    page.outside_requests = []
    page.dialogs = []
    page.console_errors = []
    page.on("request", lambda r: None if r.url.startswith(
        (app_url, "data:", "blob:", "about:")) else page.outside_requests.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error"
            else None)
    page.goto(app_url)
    yield page
    context.close()


def network_frame(page):
    page.wait_for_selector("iframe", timeout=60_000)
    frame = page.frame_locator("iframe").first
    frame.locator("body[data-drawn='1'] canvas").wait_for(timeout=60_000)
    return frame


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=path, full_page=True)
    return path


def upload(page, path: Path) -> None:
    page.locator("input[type=file]").set_input_files(str(path))


def test_network_draws_with_all_partners(page):
    frame = network_frame(page)
    page.get_by_text("Partner je Kategorie").wait_for()
    nodes = frame.locator("body").evaluate("() => graphData.nodes.length")
    assert nodes == 65  # 64 partners + the stadtLABOR itself
    assert page.locator("[data-testid='stMetricValue']").first.inner_text() == "64"
    screenshot(page, "app_start.png")
    assert page.outside_requests == []
    assert page.dialogs == []


def test_bad_workbook_shows_german_message(page, tmp_path):
    network_frame(page)
    upload(page, german_excel_xlsx(tmp_path))
    page.get_by_text("Fehler in der Arbeitsmappe").wait_for(timeout=30_000)
    page.get_by_text("Gezeigt wird: Partner_messy.xlsx").wait_for()
    screenshot(page, "app_bad_workbook.png")
    assert "Traceback" not in page.content()


def test_unreadable_file_shows_german_message(page, tmp_path):
    network_frame(page)
    fake = tmp_path / "partner.xlsx"
    fake.write_text("Das ist keine Arbeitsmappe.\n", encoding="utf-8")
    upload(page, fake)
    page.get_by_text("ist aber eine Textdatei").wait_for(timeout=30_000)
    assert "Traceback" not in page.content()


def test_markup_from_workbook_stays_text(page, tmp_path):
    path = write_xlsx(tmp_path / "xss.xlsx", {
        "Partner": [["Name", "Kategorie", "Notiz"], [PAYLOAD, "Austausch", "<script>x</script>"],
                    ["<script>alert(2)</script>", "Forschung", ""]],
        "Einstellungen": [["Einstellung", "Wert"], ["Titel", PAYLOAD]],
    })
    network_frame(page)
    upload(page, path)
    page.get_by_text("Gezeigt wird: xss.xlsx").wait_for(timeout=30_000)
    frame = network_frame(page)
    labels = frame.locator("body").evaluate("() => graphData.nodes.map(n => n.label)")
    assert PAYLOAD in labels
    page.get_by_role("tab", name="Partner").click()
    page.wait_for_timeout(1500)
    assert page.dialogs == []
    assert page.outside_requests == []
    assert frame.locator("img").count() == 0


ANALYSIS_TABS = ["Kennzahlen", "Gruppen", "Brücken", "Was wäre, wenn …", "Vorschläge",
                 "Zeitverlauf"]


def test_analysis_page_in_the_browser(page):
    network_frame(page)
    page.get_by_role("link", name="Analyse").click()
    page.get_by_text("Rangliste nach").wait_for(timeout=60_000)
    page.get_by_text("ausgeblendet").first.wait_for()
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for(timeout=30_000)
    screenshot(page, "analysis_measures.png")
    for name in ANALYSIS_TABS[1:]:
        page.get_by_role("tab", name=name).click()
        page.wait_for_timeout(800)
        screenshot(page, f"analysis_{ANALYSIS_TABS.index(name)}.png")
    assert "Traceback" not in page.content()
    assert page.outside_requests == []
    assert page.dialogs == []
