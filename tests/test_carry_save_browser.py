"""The one-click way out of a colleague's save in Chromium: a cell typed, a colleague saves
(through the library), "Speichern" is refused, "Meine Änderungen auf die neuere Fassung
übertragen und speichern" saves both."""

from __future__ import annotations

from pathlib import Path

from browser import running_app
from conftest import write_xlsx
from test_editor_browser import ROW_HEIGHT, open_editor
from test_workspace_editor import place_of, saved, sheets

from network_app.workspace.store import Workspace

SHOTS = Path("/tmp/h/shots/J")
ONE_CLICK = "Meine Änderungen auf die neuere Fassung übertragen und speichern"


def test_refused_save_is_carried_over_and_saved_in_one_click(browser, ws: Workspace,  # noqa: F811
                                                              tmp_path: Path) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with running_app() as url:
        context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="de-DE")
        page = open_editor(context, url)
        canvas = page.locator('[data-testid="stDataFrame"]').first.locator("canvas").first
        box = canvas.bounding_box()
        assert box is not None
        # B-Uni (second row), "Ort": type Herne over it
        page.mouse.click(box["x"] + 80, box["y"] + 2 * ROW_HEIGHT + ROW_HEIGHT // 2)
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        page.locator("textarea.gdg-input").fill("Herne")
        page.keyboard.press("Enter")
        page.get_by_text("Noch nicht gespeichert").wait_for(timeout=60_000)
        name = page.get_by_role("textbox", name="Ihr Name (freiwillig")
        name.fill("Bea")
        name.press("Enter")
        page.wait_for_timeout(2000)  # the name reaches the server
        # a colleague saves A-Lab in Köln meanwhile
        changed = sheets()
        changed["Partner"][1][3] = "Köln"
        path = write_xlsx(tmp_path / "Kollegin.xlsx", changed)
        now = ws.current()
        ws.replace(path.read_bytes(), "Partner.xlsx", reason="upload", who="Kollegin",
                   expected=now.fingerprint)
        # the click's run sees the colleague's save first: said, nothing saved
        page.get_by_role("button", name="Speichern", exact=True).click()
        button = page.get_by_role("button", name=ONE_CLICK)
        button.wait_for(timeout=60_000)
        page.get_by_text("wurde inzwischen gespeichert").wait_for(timeout=30_000)
        assert ws.versions()[0].who == "Kollegin"
        page.get_by_role("button", name="Neu laden").wait_for(timeout=30_000)
        page.screenshot(path=str(SHOTS / "01_conflict.png"), full_page=True)
        button.click()
        page.get_by_text("Ihre Änderungen sind in die neuere Fassung übertragen").wait_for(
            timeout=60_000)
        page.screenshot(path=str(SHOTS / "02_saved.png"), full_page=True)
        context.close()
    data = saved(ws)
    assert (place_of(data, "A-Lab"), place_of(data, "B-Uni")) == ("Köln", "Herne")
    versions = ws.versions()
    assert [(v.reason, v.who) for v in versions[:2]] == [("edit", "Bea"),
                                                          ("upload", "Kollegin")]
