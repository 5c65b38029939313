"""The "Bearbeiten" page in Chromium: a cell typed into the grid, saved, there after a reload.

The grid (glide-data-grid) draws on a canvas; what it shows is read from the table it keeps
for screen readers (``role="gridcell"``, ``aria-colindex``), the same text a reader hears.
"""

from __future__ import annotations

from pathlib import Path

from browser import running_app
from test_browser_words import seen
from test_workspace_editor import saved

SHOTS = Path("/tmp/h/shots/editor")
#: Streamlit's grid rows and header are this many pixels high.
ROW_HEIGHT = 35

CELLS = """(grid) => [...grid.querySelectorAll('[role="row"]')].map(row =>
  [...row.querySelectorAll('[role="gridcell"]')].map(cell => cell.textContent))"""


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


def partner_rows(page) -> list[list[str]]:
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.locator('[role="gridcell"]').first.wait_for(state="attached", timeout=60_000)
    return [row for row in grid.evaluate(CELLS) if row]


def open_editor(context, url: str):
    page = context.new_page()
    page.goto(url + "/bearbeiten")
    page.get_by_role("heading", name="Bearbeiten").wait_for(timeout=90_000)
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
    return page


def test_edit_a_partner_save_and_find_it_after_a_reload(browser, ws):
    with running_app() as url:
        context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="de-DE")
        page = open_editor(context, url)
        rows = partner_rows(page)
        assert rows[0][:4] == ["A-Lab", "Austausch", "Lab", "Aachen"]
        shot(page, "01_page.png")
        # the grid: select A-Lab's name cell, step right to "Ort", type over it
        canvas = page.locator('[data-testid="stDataFrame"]').first.locator("canvas").first
        box = canvas.bounding_box()
        assert box is not None
        # x: past the row markers on the left, into the name column
        page.mouse.click(box["x"] + 80, box["y"] + ROW_HEIGHT + ROW_HEIGHT // 2)
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")  # opens the cell's editor, a text area over the grid
        editor = page.locator("textarea.gdg-input")
        editor.wait_for(timeout=10_000)
        editor.fill("Köln")
        shot(page, "02_typing.png")
        page.keyboard.press("Enter")
        page.get_by_text("Noch nicht gespeichert").wait_for(timeout=60_000)
        page.get_by_role("button", name="Speichern").wait_for(timeout=30_000)
        shot(page, "03_unsaved.png")
        assert ws.versions()[0].reason == "upload"  # nothing written yet
        # the typed value is kept when the grid starts afresh: personal columns switched on,
        # another page visited
        page.get_by_text("Persönliche Angaben zeigen").click()
        page.locator('[data-testid="stDataFrame"] [role="gridcell"]',
                     has_text="a@lab.example").first.wait_for(state="attached", timeout=30_000)
        assert partner_rows(page)[0][3] == "Köln"
        page.get_by_role("link", name="Daten").click()
        page.get_by_role("heading", name="Daten").wait_for(timeout=60_000)
        page.get_by_role("link", name="Bearbeiten").click()
        page.get_by_text("Noch nicht gespeichert").wait_for(timeout=60_000)
        assert partner_rows(page)[0][3] == "Köln"
        page.get_by_role("button", name="Speichern").click()
        page.get_by_text("Gespeichert:").wait_for(timeout=60_000)
        shot(page, "04_saved.png")
        context.close()

        assert saved(ws).partners.set_index("name").loc["A-Lab", "place"] == "Köln"
        assert ws.versions()[0].reason == "edit"
        # a fresh browser (no session): the app opens on the saved workbook
        fresh = browser.new_context(viewport={"width": 1440, "height": 900}, locale="de-DE")
        page = open_editor(fresh, url)
        rows = partner_rows(page)
        assert rows[0][:4] == ["A-Lab", "Austausch", "Lab", "Köln"]
        assert rows[1][3] == "Bochum"
        page.get_by_text("Noch nichts geändert.").wait_for(timeout=30_000)
        # the grid's own buttons say in German what they do
        page.locator('[data-testid="stDataFrame"]').first.hover()
        page.locator('[data-testid="stBaseButton-elementToolbar"][aria-label="Add row"]'
                     ).first.hover()
        page.locator('[data-testid="stTooltipContent"]').first.wait_for(timeout=10_000)
        assert seen(page, '[data-testid="stTooltipContent"]') == "Zeile hinzufügen"
        fresh.close()
