"""The workspace in a real browser: upload → preview → take over → a fresh browser opens on it;
restore an earlier version. The app runs on a workspace folder of this module's own."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from browser import running_app
from conftest import BUNDLED, ROOT

from network_app.workspace.store import ENV_VAR, Workspace

pytestmark = pytest.mark.browser
#: Screenshots for a person to look at (not part of the repository's files).
SHOTS = Path(os.environ.get("PARTNERNETZ_SHOTS", ROOT / "test-artifacts"))


@pytest.fixture(scope="module")
def workspace_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("browser") / "arbeitsordner"


@pytest.fixture(scope="module")
def app_url(workspace_folder):
    before = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = str(workspace_folder)  # the app process inherits it
    try:
        with running_app() as url:
            yield url
    finally:
        if before is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = before


@pytest.fixture
def fresh_page(browser, app_url):
    """A page in a browser context of its own: nothing of an earlier session is left."""
    contexts = []

    def open_page(path: str = ""):
        context = browser.new_context(viewport={"width": 1440, "height": 2200})
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{app_url}/{path}")
        return page

    yield open_page
    for context in contexts:
        context.close()


def shot(page, name: str) -> None:
    """A screenshot once the app has finished its run (no element of the run before left)."""
    page.locator("[data-testid='stStatusWidget'] button").wait_for(state="detached",
                                                                  timeout=60_000)
    page.wait_for_timeout(800)  # tables draw on a canvas a moment after they mount
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / name, full_page=True)


def edited_bundled(folder: Path) -> tuple[Path, dict[str, str]]:
    """The bundled workbook with one place changed, one partner deleted and one added."""
    book = openpyxl.load_workbook(BUNDLED)
    sheet = book["Partner"]
    header = [cell.value for cell in sheet[1]]
    name, place = header.index("Name") + 1, header.index("Ort") + 1
    changed = sheet.cell(row=3, column=name).value
    sheet.cell(row=3, column=place).value = "Soest"
    gone = sheet.cell(row=5, column=name).value
    sheet.delete_rows(5)
    row = sheet.max_row + 1
    sheet.cell(row=row, column=name).value = "Neuer Partner aus dem Browser"
    sheet.cell(row=row, column=header.index("Kategorie") + 1).value = "Austausch"
    path = folder / "Partner_neu.xlsx"
    book.save(path)
    return path, {"changed": changed, "gone": gone, "new": "Neuer Partner aus dem Browser"}


def test_upload_preview_take_over_then_a_fresh_browser_opens_on_it(fresh_page, tmp_path,
                                                                   workspace_folder):
    page = fresh_page()
    page.get_by_text("Gezeigt wird das Beispiel").wait_for(timeout=60_000)
    path, names = edited_bundled(tmp_path)
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_text("Gezeigt wird: Partner_neu.xlsx").wait_for(timeout=60_000)
    page.get_by_text("noch nicht übernommen").first.wait_for()
    shot(page, "workspace_banner.png")
    page.get_by_role("link", name="Unterschiede ansehen und übernehmen").click()
    page.get_by_text("Neue Datei: erst ansehen, dann übernehmen").wait_for(timeout=60_000)
    page.get_by_text(f"1 neuer Partner: {names['new']}.").wait_for()
    page.get_by_text(f"1 Partner nicht mehr dabei: {names['gone']}.").wait_for()
    page.get_by_text(f"1 Partner geändert: {names['changed']} (Ort).").wait_for()
    shot(page, "workspace_preview.png")
    ws = Workspace(workspace_folder)
    assert ws.current().name == "stadtlabor_soest.xlsx"  # previewing writes nothing
    page.get_by_role("button", name="Übernehmen").click()
    page.get_by_text("»Partner_neu.xlsx« ist jetzt die aktuelle Arbeitsmappe").wait_for(
        timeout=60_000)
    assert ws.current().name == "Partner_neu.xlsx"
    assert ws.current().fingerprint == ws.versions()[0].fingerprint
    shot(page, "workspace_taken.png")
    page.context.close()

    again = fresh_page()
    again.get_by_text("Gezeigt wird die aktuelle Arbeitsmappe: Partner_neu.xlsx").wait_for(
        timeout=60_000)
    assert again.get_by_text("noch nicht übernommen").count() == 0


def test_restore_an_earlier_version(fresh_page, workspace_folder, tmp_path):
    ws = Workspace(workspace_folder)
    ws.ensure()
    if len(ws.versions()) < 2:  # run on its own: make a second version first
        path, _ = edited_bundled(tmp_path)
        ws.replace(path.read_bytes(), path.name, reason="upload")
    first = ws.versions()[-1]
    assert first.reason == "first_start"
    page = fresh_page("arbeitsstand")
    page.get_by_text("Eine Version wiederherstellen").wait_for(timeout=60_000)
    # both networks side by side, drawn at the same positions
    page.get_by_text("Beide Netze nebeneinander zeigen").click()
    page.locator("iframe").nth(1).wait_for(timeout=60_000)
    assert page.locator("iframe").count() == 2
    page.frame_locator("iframe").first.locator("canvas").first.wait_for(timeout=60_000)
    shot(page, "workspace_versions.png")
    # the choice offers the versions that are not current, newest first; pick the first start
    page.get_by_label("Welche Version?").click()
    page.get_by_role("option", name="Erster Start: Beispiel übernommen").click()
    page.get_by_role("button", name="Wiederherstellen …").click()
    page.get_by_text("Wirklich wiederherstellen?").wait_for(timeout=30_000)
    shot(page, "workspace_restore_confirm.png")
    page.get_by_role("button", name="Ja, wiederherstellen").click()
    page.get_by_text("ist wiederhergestellt").wait_for(timeout=60_000)
    assert ws.current().fingerprint == first.fingerprint
    assert ws.versions()[0].reason == "restore"
    assert first.id in [v.id for v in ws.versions()]  # nothing deleted
    page.context.close()

    again = fresh_page()
    again.get_by_text("Gezeigt wird das Beispiel").wait_for(timeout=60_000)
