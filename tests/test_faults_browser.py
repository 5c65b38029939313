"""A server restart keeps the workspace (#13 item 6), in a real browser against real Streamlit
servers started one after the other on the same workspace folder.

* Stopped the normal way (SIGTERM) after an upload was taken over: the next server opens on
  that workbook, with the same versions, and nothing in the folder changed.
* Killed (SIGKILL) in the middle of a save: the next server opens on the previous workbook,
  never a broken one; the killed save is no version; the next save goes through and tidies up.
  To kill it exactly there, the first server's write of the current workbook is slowed down
  (a ``sitecustomize`` of the test's own: it writes half of the file, says so, and waits);
  the kill itself is real.
* Killed (SIGKILL) right after a save finished: the next server opens on the new workbook.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import free_port
from conftest import BUNDLED, ROOT
from test_faults import PAGE, fill, small_disk  # noqa: F401 (a fixture)
from test_workspace_browser import edited_bundled

from network_app.workspace.store import ENV_VAR, LOCK_FILE, Workspace

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ.get("PARTNERNETZ_SHOTS", ROOT / "test-artifacts"))

#: Loaded by the server's Python at start (PYTHONPATH): the write of the current workbook
#: writes half of it, leaves a mark and waits to be killed.
_SLOW_WRITE = textwrap.dedent("""
    import os, time
    from network_app.workspace import store

    _real_write = store._write

    def _half_then_wait(path, data):
        if path.parent.name != store.CURRENT_FOLDER:
            return _real_write(path, data)
        with open(path, "wb") as handle:
            handle.write(data[: len(data) // 2])
            handle.flush()
            os.fsync(handle.fileno())
        open(os.environ["PARTNERNETZ_TEST_HALF_WRITTEN"], "w").close()
        time.sleep(600)

    store._write = _half_then_wait
""")


@contextlib.contextmanager
def server(folder: Path, *, slow_write: Path | None = None,
           timeout: float = 120) -> Iterator[tuple[str, subprocess.Popen]]:
    """A Streamlit server of the app on ``folder``: its URL and its process (stopped by the
    test; killed here should the test fail first)."""
    port = free_port()
    env = {**os.environ, ENV_VAR: str(folder), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    hook = None
    if slow_write is not None:
        hook = tempfile.TemporaryDirectory()
        Path(hook.name, "sitecustomize.py").write_text(_SLOW_WRITE, encoding="utf-8")
        env["PYTHONPATH"] = os.pathsep.join([hook.name, str(ROOT)])
        env["PARTNERNETZ_TEST_HALF_WRITTEN"] = str(slow_write)
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
         "--server.headless", "true", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError(log.read().decode(errors="replace"))
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise TimeoutError("the app did not start") from None
                time.sleep(0.3)
        yield url, process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        log.close()
        if hook is not None:
            hook.cleanup()


def stop(process: subprocess.Popen, how: signal.Signals) -> None:
    process.send_signal(how)
    process.wait(timeout=60)
    assert process.returncode in (0, -how), process.returncode


def tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != LOCK_FILE}


def leftovers(root: Path) -> list[Path]:
    return [p for p in root.rglob(".*") if p.name != LOCK_FILE]


def open_page(browser, url: str, path: str = ""):
    context = browser.new_context(viewport={"width": 1440, "height": 2200})
    page = context.new_page()
    page.goto(f"{url}/{path}")
    return page


def shot(page, name: str) -> None:
    page.locator("[data-testid='stStatusWidget'] button").wait_for(state="detached",
                                                                  timeout=60_000)
    page.wait_for_timeout(800)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / name, full_page=True)


def take_over(page, path: Path, *, wait: bool = True) -> None:
    """Upload ``path`` in the sidebar and take it over on the page "Arbeitsstand"."""
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_text(f"Gezeigt wird: {path.name}").wait_for(timeout=90_000)
    page.get_by_role("link", name="Unterschiede ansehen und übernehmen").click()
    page.get_by_text("Neue Datei: erst ansehen, dann übernehmen").wait_for(timeout=90_000)
    page.get_by_role("button", name="Übernehmen").click()
    if wait:
        page.get_by_text(f"»{path.name}« ist jetzt die aktuelle Arbeitsmappe").wait_for(
            timeout=90_000)


def versions_listed(page, *rows: str) -> None:
    """The page "Arbeitsstand" lists these versions, newest first (the table's cells are in
    the page for screen readers, the table itself is drawn on a canvas)."""
    page.get_by_text("Eine Version wiederherstellen").wait_for(timeout=90_000)
    cells = page.locator("[role=gridcell][aria-colindex='2']")
    cells.first.wait_for(state="attached", timeout=60_000)
    assert cells.all_inner_texts()[:len(rows)] == list(rows)


def test_a_restart_after_sigterm_keeps_the_taken_over_workbook_and_versions(
        browser, tmp_path: Path):
    folder = tmp_path / "arbeitsordner"
    path, _ = edited_bundled(tmp_path)
    with server(folder) as (url, process):
        page = open_page(browser, url)
        page.get_by_text("Gezeigt wird das Beispiel").wait_for(timeout=90_000)
        take_over(page, path)
        page.context.close()
        stop(process, signal.SIGTERM)
    ws = Workspace(folder)
    before, versions = tree(folder), ws.versions()
    assert [v.reason for v in versions] == ["upload", "first_start"]
    assert ws.read_current() == path.read_bytes()

    with server(folder) as (url, process):
        page = open_page(browser, url)
        page.get_by_text("Gezeigt wird die aktuelle Arbeitsmappe: Partner_neu.xlsx").wait_for(
            timeout=90_000)
        assert page.get_by_text("noch nicht übernommen").count() == 0
        page.goto(f"{url}/arbeitsstand")
        versions_listed(page, "Hochgeladen (aktuell)", "Erster Start: Beispiel übernommen")
        shot(page, "faults_restarted_workspace.png")
        page.context.close()
        stop(process, signal.SIGTERM)
    assert tree(folder) == before  # the restart changed nothing in the folder
    assert [v.id for v in Workspace(folder).versions()] == [v.id for v in versions]


def test_a_server_killed_mid_save_leaves_the_previous_workbook_for_the_next_server(
        browser, tmp_path: Path):
    folder = tmp_path / "arbeitsordner"
    path, _ = edited_bundled(tmp_path)
    half = tmp_path / "halb-geschrieben"
    ws = Workspace(folder)
    ws.ensure()  # the first start (a slowed-down server would hang copying the example in)
    before, versions = ws.read_current(), ws.versions()
    with server(folder, slow_write=half) as (url, process):
        page = open_page(browser, url)
        page.get_by_text("Gezeigt wird das Beispiel").wait_for(timeout=90_000)
        take_over(page, path, wait=False)
        deadline = time.monotonic() + 90
        while not half.exists():  # the server is half-way through the new current workbook
            assert time.monotonic() < deadline, "the save never began"
            time.sleep(0.1)
        stop(process, signal.SIGKILL)
        page.context.close()

    # what the killed save left: the previous workbook current and whole, its version the
    # newest; the half file a hidden temporary one, the save's record pending (no version)
    assert ws.read_current() == before == BUNDLED.read_bytes()
    assert [v.id for v in ws.versions()] == [v.id for v in versions]
    assert ws.versions()[0].current
    assert [p.parent for p in leftovers(folder)] == [ws.current_folder]
    assert len(list(ws.versions_folder.iterdir())) == len(versions) + 1

    with server(folder) as (url, process):
        page = open_page(browser, url)
        page.get_by_text("Gezeigt wird das Beispiel").wait_for(timeout=90_000)
        take_over(page, path)  # the same save again: no wait for the dead server's lock
        shot(page, "faults_saved_after_kill.png")
        page.context.close()
        stop(process, signal.SIGKILL)  # killed right after a finished save
    assert ws.read_current() == path.read_bytes()
    assert not leftovers(folder)  # the half file and the stale record are tidied away
    assert len(list(ws.versions_folder.iterdir())) == len(versions) + 1
    assert [v.reason for v in ws.versions()] == ["upload", "first_start"]
    assert not any(v.pending for v in ws.versions())
    after = tree(folder)

    with server(folder) as (url, process):
        page = open_page(browser, url)
        page.get_by_text("Gezeigt wird die aktuelle Arbeitsmappe: Partner_neu.xlsx").wait_for(
            timeout=90_000)
        page.goto(f"{url}/arbeitsstand")
        versions_listed(page, "Hochgeladen (aktuell)", "Erster Start: Beispiel übernommen")
        page.context.close()
        stop(process, signal.SIGTERM)
    assert tree(folder) == after


def test_a_full_disk_on_the_server_is_said_and_nothing_is_taken_over(
        browser, small_disk, tmp_path: Path):  # noqa: F811 (the fixture)
    """The server's workspace on a real small file system with one page left: taking over an
    upload says the disk is full, the page stays usable, and after space is freed the same
    click takes it over."""
    disk = small_disk(1024 * 1024)
    folder = disk / "arbeitsordner"
    ws = Workspace(folder)
    ws.ensure()
    before, versions = tree(folder), ws.versions()
    path, _ = edited_bundled(tmp_path)
    with server(folder) as (url, process):
        page = open_page(browser, url)
        page.get_by_text("Gezeigt wird das Beispiel").wait_for(timeout=90_000)
        filler = fill(folder, PAGE)
        take_over(page, path, wait=False)
        page.get_by_text("Der Speicherplatz ist voll: Es wurde nichts gespeichert.").wait_for(
            timeout=90_000)
        shot(page, "faults_disk_full.png")
        assert {k: v for k, v in tree(folder).items() if k != "füller.bin"} == before
        assert [v.id for v in ws.versions()] == [v.id for v in versions]
        assert not leftovers(folder)
        filler.unlink()
        page.get_by_role("button", name="Übernehmen").click()
        page.get_by_text(f"»{path.name}« ist jetzt die aktuelle Arbeitsmappe").wait_for(
            timeout=90_000)
        page.context.close()
        stop(process, signal.SIGTERM)
    assert ws.read_current() == path.read_bytes()
