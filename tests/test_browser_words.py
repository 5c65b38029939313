"""Streamlit's own words in the browser: German in the German UI, our words in English too.

Streamlit has no language setting for its widgets; app_pages.common.widget_words_css hides their
text and shows the catalog's. CSS hooks can change with a Streamlit release: these tests read
what a person sees (text nodes with a font size, plus ::before/::after content).
"""

from __future__ import annotations

import pytest
from browser import running_app
from conftest import write_xlsx

pytestmark = pytest.mark.browser

#: The words of an element as drawn: visible text nodes, the text of inputs (a choice's value or
#: placeholder) and pseudo-element content; not what is there for screen readers only.
SEEN_WORDS = """root => {
  const seen = [];
  const pseudo = (el, which) => {
    const content = getComputedStyle(el, which).content;
    if (content && content !== "none" && content !== "normal") {
      seen.push(JSON.parse(content));
    }
  };
  const walk = (el) => {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") return;
    const box = el.getBoundingClientRect();
    // for screen readers only (a box of a pixel), or an icon drawn from a word ("upload")
    if (style.display !== "contents" && box.width <= 1 && box.height <= 1) return;
    if (el.getAttribute("data-testid") === "stIconMaterial") return;
    pseudo(el, "::before");
    if (el.tagName === "INPUT" && !["file", "hidden", "radio", "checkbox"].includes(el.type)) {
      const shown = el.value || el.placeholder;  // a choice's value, or its placeholder
      if (shown && parseFloat(style.fontSize) > 0) seen.push(shown);
    }
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && child.textContent.trim()
          && parseFloat(style.fontSize) > 0) {
        seen.push(child.textContent.trim());
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        walk(child);
      }
    }
    pseudo(el, "::after");
  };
  walk(root);
  return seen.join(" | ");
}"""

OUR_WORDS_APPLIED = """() => {
  const p = document.querySelector('[data-testid="stFileUploaderDropzone"] '
                                   + '[data-testid="stMarkdownContainer"] p');
  return p !== null && getComputedStyle(p, "::after").content !== "none";
}"""

ENGLISH_STREAMLIT = ("Upload", "Browse files", "Drag and drop", "per file", "Limit",
                     "Select all", "No results", "Choose an option", "Choose options")


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(app_url + "/daten")
    page.locator('[data-testid="stFileUploaderDropzone"]').wait_for(timeout=60_000)
    # The style element may arrive a moment after the widgets: wait until it is applied.
    page.wait_for_function(OUR_WORDS_APPLIED, timeout=30_000)
    yield page
    context.close()


def seen(page, selector: str) -> str:
    return page.locator(selector).first.evaluate(SEEN_WORDS)


def choose_english(page) -> None:
    page.get_by_text("English", exact=True).click()
    page.get_by_text("Load your own workbook", exact=False).first.wait_for(timeout=30_000)


def open_category_filter(page) -> None:
    choice = page.locator("[data-testid=\"stMultiSelect\"]:visible").first
    choice.wait_for(timeout=60_000)  # the page's tables come first on a busy machine
    choice.click()
    page.locator('[data-testid="stMultiSelectDropdown"]').wait_for(timeout=10_000)


def test_uploader_speaks_german(page):
    words = seen(page, '[data-testid="stFileUploader"]')
    assert "Datei wählen" in words
    assert "oder hierher ziehen · bis 50 MB · XLSX, XLSM, XLS, ODS, CSV, TSV, TXT, EDGELIST" in (
        words)
    assert not [w for w in ENGLISH_STREAMLIT if w in words], words
    # our words take the place of Streamlit's: a real size, inside the sidebar
    box = page.locator('[data-testid="stFileUploaderDropzone"] button').bounding_box()
    assert box["width"] > 60 and box["height"] > 20


def test_multiselect_speaks_german(page):
    open_category_filter(page)
    words = seen(page, '[data-testid="stMultiSelectDropdown"]')
    assert words.startswith("Alle auswählen") and "Austausch" in words
    page.keyboard.type("zzz")
    page.locator('[data-testid="stMultiSelectDropdown"] [data-empty="true"]').wait_for()
    words = seen(page, '[data-testid="stMultiSelectDropdown"]')
    assert words == "Keine Treffer"
    page.keyboard.press("Escape")


def test_selectbox_without_match_speaks_german(page):
    page.goto(page.url.replace("/daten", "/partner"))
    box = page.locator('[data-testid="stSelectbox"]').first
    box.click()
    page.keyboard.type("zzzqqq")
    empty = page.locator('[data-testid="stSelectboxVirtualDropdown"] [data-empty="true"]')
    empty.wait_for(timeout=10_000)
    assert seen(page, '[data-testid="stSelectboxVirtualDropdown"]') == "Keine Treffer"


def test_english_ui_uses_our_words_too(page):
    choose_english(page)
    words = seen(page, '[data-testid="stFileUploader"]')
    assert "Choose file" in words and "up to 50 MB" in words
    assert "Upload" not in words and "50MB per file" not in words
    open_category_filter(page)
    assert seen(page, '[data-testid="stMultiSelectDropdown"]').startswith("Select all")


def test_uploaded_file_keeps_our_words(page, tmp_path):
    path = write_xlsx(tmp_path / "klein.xlsx", {"Partner": [["Name", "Kategorie"],
                                                             ["A-Lab", "Austausch"]]})
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_text("klein.xlsx").first.wait_for(timeout=30_000)
    words = seen(page, '[data-testid="stFileUploader"]')
    assert "klein.xlsx" in words
    assert not [w for w in ENGLISH_STREAMLIT if w in words], words
    assert "KB" not in words  # Streamlit writes the size the English way ("4.9KB")


def test_choices_change_their_words_with_the_language(page):
    hub = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
    assert "wie in der Datei" in seen(page, '[data-testid="stSidebar"] [data-testid="stSelectbox"]')
    choose_english(page)
    page.wait_for_timeout(1000)
    shown = hub.evaluate(SEEN_WORDS)
    assert "as in the file" in shown and "wie in der Datei" not in shown, shown


def test_the_networks_choices_stay_chosen_in_the_new_language(page):
    """Streamlit remembers a choice by its words: after a switch every choice still shows,
    in the new words (no empty radio, no "Choose an option")."""
    page.goto(page.url.replace("/daten", "/"))
    view = page.locator('[data-testid="stRadio"]').filter(has_text="Mit uns in der Mitte")
    view.wait_for(timeout=60_000)
    page.get_by_text("Nur Partner untereinander").click()
    page.wait_for_timeout(1500)
    page.get_by_role("button", name="Farbe und Größe").click()
    look = page.locator('[data-testid="stPopoverBody"]')
    assert "gleich groß" in look.evaluate(SEEN_WORDS)
    page.keyboard.press("Escape")
    choose_english(page)
    radio = page.locator('[data-testid="stRadio"]').filter(has_text="Partners among themselves")
    radio.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    checked = radio.locator("input:checked")
    assert checked.count() == 1
    assert "Partners among themselves" in radio.locator("label:has(input:checked)").inner_text()
    page.get_by_role("button", name="Colour and size").click()
    words = page.locator('[data-testid="stPopoverBody"]').evaluate(SEEN_WORDS)
    assert "Category" in words and "all the same" in words, words
    assert "Choose an option" not in words and "gleich" not in words, words


def test_table_toolbar_tooltips_speak_german(page):
    page.locator('[data-testid="stDataFrame"]').first.hover()
    button = page.locator('[data-testid="stBaseButton-elementToolbar"][aria-label="Search"]')
    button.first.hover()
    tooltip = page.locator('[data-testid="stTooltipContent"]')
    tooltip.first.wait_for(timeout=10_000)
    assert seen(page, '[data-testid="stTooltipContent"]') == "In der Tabelle suchen"
    page.locator('[data-testid="stBaseButton-elementToolbar"][aria-label="Download as CSV"]'
                 ).first.hover()
    page.wait_for_timeout(500)
    assert seen(page, '[data-testid="stTooltipContent"]') == "Als CSV-Datei herunterladen"


def test_stop_button_of_a_long_run_speaks_german(page):
    # Streamlit shows it only while a run takes longer than half a second: a stand-in with
    # the structure of streamlit 1.67's status widget (a header button holding the word).
    page.evaluate("""() => document.body.insertAdjacentHTML("beforeend",
        '<div data-testid="stStatusWidget" id="fake-status"><button>Stop</button>' +
        '<button disabled>Stopping...</button></div>')""")
    buttons = page.locator("#fake-status button")
    assert buttons.nth(0).evaluate(SEEN_WORDS) == "Abbrechen"
    assert buttons.nth(1).evaluate(SEEN_WORDS) == "Wird abgebrochen …"


def test_a_refused_file_is_explained_in_german(page, tmp_path):
    path = tmp_path / "bericht.pdf"
    path.write_bytes(b"%PDF-1.4 not a workbook")
    page.locator("input[type=file]").set_input_files(str(path))
    chip = page.locator('[data-testid="stFileChip"][aria-invalid="true"]')
    chip.wait_for(timeout=30_000)
    words = chip.evaluate(SEEN_WORDS)
    assert words == "bericht.pdf | Nicht geladen (Format oder Größe)", words
    page.locator('[data-testid="stTooltipErrorHoverTarget"]').hover()
    page.locator('[data-testid="stTooltipErrorContent"]').first.wait_for(timeout=10_000)
    assert seen(page, '[data-testid="stTooltipErrorContent"]') == (
        "Diese Datei wird nicht geladen: Erlaubt sind XLSX, XLSM, XLS, ODS, CSV, TSV, TXT, "
        "EDGELIST bis 50 MB.")
