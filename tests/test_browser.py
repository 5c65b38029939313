"""The app in a real browser: Debian's chromium driven by Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import FIND_INJECTED, running_app
from conftest import ROOT, write_xlsx
from messy import german_excel_xlsx

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts"
PAYLOAD = "<img src=x onerror=alert(1)>"


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


def network(page, key: str = "explore"):
    """The drawn network component (it mounts in a shadow root; CSS locators pierce it)."""
    root = page.locator(f".pn-root[data-key='{key}'][data-drawn='1']")
    root.wait_for(timeout=60_000)
    return root


def node_count(page, key: str = "explore") -> int:
    return int(network(page, key).get_attribute("data-node-count"))


def click_node(page, name: str, key: str = "explore") -> None:
    point = page.evaluate("([n, k]) => window.__partnernetz.nodePosition(n, k)", [name, key])
    page.mouse.click(point["x"], point["y"])


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=path, full_page=True)
    return path


def upload(page, path: Path) -> None:
    page.locator("input[type=file]").set_input_files(str(path))


def test_network_draws_with_all_partners(page):
    network(page)
    page.get_by_text("Gezeigt: 64 von 64 Partnern").wait_for()
    assert node_count(page) == 65  # 64 partners + the stadtLABOR itself
    assert page.locator("[data-testid='stMetricValue']").first.inner_text() == "64"
    screenshot(page, "app_start.png")
    assert page.outside_requests == []
    assert page.dialogs == []
    assert page.console_errors == []


def test_filter_changes_the_drawn_nodes(page, tmp_path, small_sheets):
    network(page)
    upload(page, write_xlsx(tmp_path / "klein.xlsx", small_sheets))
    page.get_by_text("Gezeigt: 4 von 4 Partnern").wait_for(timeout=30_000)
    page.get_by_text("Filter", exact=True).click()
    categories = page.locator("[data-testid='stMultiSelect']").filter(has_text="Kategorie")
    categories.first.wait_for()
    page.wait_for_timeout(800)  # let the expander finish opening before clicking into it
    categories.first.locator("input").click()
    page.get_by_role("option", name="Forschung").click()
    page.keyboard.press("Escape")
    page.get_by_text("Gezeigt: 1 von 4 Partnern").wait_for(timeout=30_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('*')].some(e => e.shadowRoot && "
        "e.shadowRoot.querySelector(\".pn-root[data-node-count='2']\"))", timeout=30_000)
    assert node_count(page) == 2  # the stadtLABOR and B-Uni


def test_search_focuses_and_click_opens_profile(page, tmp_path, small_sheets):
    network(page)
    upload(page, write_xlsx(tmp_path / "klein.xlsx", small_sheets))
    page.get_by_text("Gezeigt: 4 von 4 Partnern").wait_for(timeout=30_000)
    page.get_by_label("Partner suchen").click()
    page.get_by_role("option", name="C-Verein").click()
    page.wait_for_function(
        "() => window.__partnernetz.instances.explore && "
        "window.__partnernetz.instances.explore.root.getAttribute('data-selected') === "
        "'C-Verein'", timeout=30_000)
    page.wait_for_timeout(1500)  # the focus animation moves the nodes on screen
    screenshot(page, "app_search.png")
    click_node(page, "C-Verein")  # centred by the search, so surely on screen
    page.get_by_role("heading", name="C-Verein").wait_for(timeout=30_000)
    page.get_by_text("Direkt verbunden mit").wait_for()
    screenshot(page, "app_profile.png")


def test_path_between_two_partners_is_explained(page, tmp_path, small_sheets):
    network(page)
    upload(page, write_xlsx(tmp_path / "klein.xlsx", small_sheets))
    page.get_by_text("Gezeigt: 4 von 4 Partnern").wait_for(timeout=30_000)
    page.get_by_role("link", name="Partner", exact=True).click()
    page.get_by_label("Partner auswählen").click()
    page.get_by_role("option", name="A-Lab").click()
    page.get_by_role("heading", name="A-Lab").wait_for(timeout=30_000)
    page.get_by_label("Verbindung von A-Lab zu").click()
    page.get_by_role("option", name="D-Stadt").click()
    page.get_by_text("Weg 1: A-Lab → C-Verein → D-Stadt").wait_for(timeout=30_000)
    page.get_by_text("Verbund").first.wait_for()
    page.wait_for_function(
        "() => JSON.stringify(window.__partnernetz.highlighted('ego_chart')) === "
        "JSON.stringify(['A-Lab', 'C-Verein', 'D-Stadt'])", timeout=30_000)
    screenshot(page, "app_path.png")


def test_bad_workbook_shows_german_message(page, tmp_path):
    network(page)
    upload(page, german_excel_xlsx(tmp_path))
    page.get_by_text("Fehler in der Arbeitsmappe").wait_for(timeout=30_000)
    page.get_by_text("Gezeigt wird: Partner_messy.xlsx").wait_for()
    screenshot(page, "app_bad_workbook.png")
    assert "Traceback" not in page.content()


def test_unreadable_file_shows_german_message(page, tmp_path):
    network(page)
    fake = tmp_path / "partner.xlsx"
    fake.write_text("Das ist keine Arbeitsmappe.\n", encoding="utf-8")
    upload(page, fake)
    page.get_by_text("ist aber eine Textdatei").wait_for(timeout=30_000)
    assert "Traceback" not in page.content()


def test_markup_from_workbook_stays_text_on_every_page(page, tmp_path):
    path = write_xlsx(tmp_path / "xss.xlsx", {
        "Partner": [["Name", "Kategorie", "Notiz"], [PAYLOAD, "Austausch", "<script>x</script>"],
                    ["<script>alert(2)</script>", "Forschung", ""]],
        "Beziehungen": [["Von", "Nach"], [PAYLOAD, "<script>alert(2)</script>"]],
        "Einstellungen": [["Einstellung", "Wert"], ["Titel", PAYLOAD]],
    })
    network(page)
    upload(page, path)
    page.get_by_text("Gezeigt wird: xss.xlsx").wait_for(timeout=30_000)
    page.get_by_text("Gezeigt: 2 von 2 Partnern").wait_for(timeout=30_000)
    page.wait_for_function("() => window.__partnernetz.instances.explore.names.length === 3",
                           timeout=30_000)
    names = page.evaluate("() => window.__partnernetz.instances.explore.names")
    assert PAYLOAD in names
    for link in ("Partner", "Daten", "Analyse"):
        page.get_by_role("link", name=link, exact=True).click()
        page.wait_for_timeout(2500)
        assert page.evaluate(FIND_INJECTED) == []
    assert page.dialogs == []
    assert page.outside_requests == []


#: Every picture of the page, shadow roots included, that points at the test's address, and
#: every link there whose words are not the address it leads to (an address written out in the
#: workbook may become a link to itself: Streamlit's Markdown makes those).
FIND_MARKDOWN = """() => {
  const found = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll("img, source, image, a")) {
      const target = el.getAttribute("src") || el.getAttribute("href") || "";
      if (!target.includes("127.0.0.2") && !target.includes("%5C")) continue;
      let honest = false;
      try {
        honest = el.tagName === "A" && new URL(el.textContent.trim()).href === el.href;
      } catch (error) {}
      if (!honest) found.push(el.outerHTML);
    }
    for (const el of node.querySelectorAll("*")) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document);
  return found;
}"""


def test_markdown_from_workbook_stays_text_in_tables_and_titles(page, tmp_path):
    """A name written as a Markdown image or link is shown as written: no picture is
    fetched, no link made (st.table and st.title read their text as Markdown)."""
    from test_app import markdown_workbook

    network(page)
    upload(page, markdown_workbook(tmp_path / "md.xlsx"))
    page.get_by_text("Gezeigt wird: md.xlsx").wait_for(timeout=30_000)
    found = []
    # the first name in the list is the image: its card, its neighbours, its activity
    for link, marker in (("Partner", "Direkt verbunden mit"), ("Analyse", "Rangliste nach"),
                         ("Daten", "Was ist zu tun?")):
        page.get_by_role("link", name=link, exact=True).click()
        page.get_by_text(marker).first.wait_for(state="attached", timeout=30_000)
        if link == "Analyse":
            for tab in ("Gruppen", "Vorschläge"):
                page.get_by_role("tab", name=tab).click()
        page.wait_for_timeout(1500)
        found += page.evaluate(FIND_MARKDOWN)
    page.get_by_role("link", name="Netzwerk", exact=True).click()
    page.get_by_text("Gezeigt: 4 von 4 Partnern").wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    found += page.evaluate(FIND_MARKDOWN)
    assert found == []
    assert page.outside_requests == []
    assert page.dialogs == []
    # shown as written
    page.get_by_role("heading", name="![t](http://127.0.0.2:9/t.png)").wait_for()
    page.get_by_role("link", name="Partner", exact=True).click()
    page.get_by_text("[klick](http://127.0.0.2:9/l)").first.wait_for(timeout=30_000)
    page.get_by_text("![a](http://127.0.0.2:9/a.png)").first.wait_for()


ANALYSIS_TABS = ["Kennzahlen", "Gruppen", "Brücken", "Was wäre, wenn …", "Vorschläge",
                 "Zeitverlauf"]


def test_analysis_page_in_the_browser(page):
    network(page)
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


def test_presentation_mode_on_a_projector(browser, app_url):
    """The council view at 1920×1080: tiles, network, arrow keys and buttons, all offline."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    outside, dialogs, errors = [], [], []
    page.on("request", lambda r: None if r.url.startswith(
        (app_url, "data:", "blob:", "about:")) else outside.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(app_url)
        network(page)
        page.get_by_role("link", name="Präsentation").click()
        page.get_by_text("Ansicht 1 von").wait_for(timeout=60_000)
        assert node_count(page, "presentation") == 65
        # partners, ties, activities, programmes, 4 categories: wait until all are drawn
        page.wait_for_function(
            "() => document.querySelectorAll(\"[data-testid='stMetric']\").length >= 8",
            timeout=30_000)
        page.locator("section[data-testid='stSidebar']").wait_for(state="hidden",
                                                                  timeout=30_000)
        page.wait_for_timeout(800)
        screenshot(page, "presentation_1.png")

        page.locator("body").press("ArrowRight")
        page.get_by_text("Ansicht 2 von").wait_for(timeout=30_000)
        page.wait_for_function(
            "() => [...document.querySelectorAll('*')].some(e => e.shadowRoot && "
            "e.shadowRoot.querySelector(\".pn-root[data-key='presentation']"
            "[data-node-count='26']\"))", timeout=30_000)  # Austausch: 25 partners + hub
        page.wait_for_timeout(800)
        screenshot(page, "presentation_2.png")

        total = int(page.get_by_text("Ansicht 2 von").inner_text().split()[-1])
        for n in range(3, total + 1):
            page.get_by_role("button", name="Weiter ▶").click()
            page.get_by_text(f"Ansicht {n} von {total}").wait_for(timeout=30_000)
            page.wait_for_timeout(1500)
            screenshot(page, f"presentation_{n}.png")
        page.get_by_text("Quellen und Datenstand").first.wait_for()
        page.get_by_role("button", name="◀ Zurück").click()
        page.get_by_text(f"Ansicht {total - 1} von {total}").wait_for(timeout=30_000)
        page.locator("body").press("ArrowLeft")
        page.get_by_text(f"Ansicht {total - 2} von {total}").wait_for(timeout=30_000)
        assert "Traceback" not in page.content()
        assert outside == []
        assert dialogs == []
        assert errors == []
    finally:
        context.close()
