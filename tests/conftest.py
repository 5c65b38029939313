"""Shared test helpers: workbooks built in tmp_path, and tools that CI must have."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

# No test may ever write into the repository's workspace/ folder: the whole test session (and
# every app or CLI subprocess it starts, which inherit os.environ) uses a fresh temp folder.
if not os.environ.get("PARTNERNETZ_WORKSPACE"):
    _SESSION_WORKSPACE = tempfile.mkdtemp(prefix="partnernetz-test-workspace-")
    os.environ["PARTNERNETZ_WORKSPACE"] = _SESSION_WORKSPACE
    atexit.register(shutil.rmtree, _SESSION_WORKSPACE, ignore_errors=True)

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "stadtlabor_soest.xlsx"


def codes(data) -> list[str]:
    """The codes of every problem found in a workbook's data, in order."""
    return [p.code for p in data.problems]


def only(data, code: str):
    """The one problem with ``code`` (fails when there are none or several)."""
    found = [p for p in data.problems if p.code == code]
    assert len(found) == 1, (code, codes(data))
    return found[0]


def require_tool(name: str) -> str:
    """The tool's path; skip without it, fail where CI demands it (NETWORK_APP_REQUIRE_TOOLS)."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("NETWORK_APP_REQUIRE_TOOLS"):
            pytest.fail(f"{name} is required in CI but not installed")
        pytest.skip(f"{name} is not installed")
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Each bad or odd file of tests/badfiles.py, built once per session on first use (the
    bombs take a second or two to write)."""
    import badfiles  # tests/badfiles.py

    built: dict[str, Path] = {}
    tables = {**badfiles.BAD_FILES, **badfiles.GOOD_FILES}

    def build(case: str) -> Path:
        if case not in built:
            built[case] = tables[case][0](tmp_path_factory.mktemp(case))
        return built[case]

    return build


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright, one per test module (skipped without chromium,
    a failure with NETWORK_APP_REQUIRE_TOOLS set)."""
    chromium = require_tool("chromium")
    from browser import CHROMIUM_ARGS  # tests/browser.py, the helper module
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]],
               hidden: tuple[str, ...] = ()) -> Path:
    """A workbook with one sheet per key; rows are written from A1 down."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


@pytest.fixture
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    counter = iter(range(1000))

    def make(sheets: dict[str, list[list[Any]]], name: str | None = None, **kw: Any) -> Path:
        return write_xlsx(tmp_path / (name or f"wb{next(counter)}.xlsx"), sheets, **kw)

    return make


@pytest.fixture
def small_sheets() -> dict[str, list[list[Any]]]:
    """Four partners whose graph is known by hand (see test_graph)."""
    return {
        "Partner": [
            ["Name", "Kategorie", "Typ", "Ort"],
            ["A-Lab", "Austausch", "Lab", "Aachen"],
            ["B-Uni", "Forschung; Kooperation", "Hochschule", "Bochum"],
            ["C-Verein", "Netzwerk", "Verein", "Soest"],
            ["D-Stadt", "Kooperation", "Kommune", "Dortmund"],
        ],
        "Beziehungen": [
            ["Von", "Nach", "Art", "Stärke"],
            ["A-Lab", "B-Uni", "Projekt", 3],
        ],
        "Aktivitäten": [
            ["Aktivität", "Datum", "Status", "Bereich", "Beteiligte"],
            ["Workshop", "12.08.2022", "umgesetzt", "Vernetzung", "A-Lab; B-Uni; C-Verein"],
            ["Tagung", 2023, "in Planung", "Forschung", "B-Uni; C-Verein"],
        ],
        "Programme": [
            ["Programm", "Seit", "Bis", "Beteiligte"],
            ["Verbund", 2019, 2026, "C-Verein; D-Stadt"],
        ],
    }


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A workspace of this test's own (``PARTNERNETZ_WORKSPACE``, which an app started by the
    test inherits) whose current workbook is the editor tests' small one
    (``test_workspace_editor.sheets``)."""
    from test_workspace_editor import sheets

    from network_app.workspace.store import Workspace

    folder = tmp_path / "workspace"
    monkeypatch.setenv("PARTNERNETZ_WORKSPACE", str(folder))
    workspace = Workspace(folder)
    workspace.ensure()
    path = write_xlsx(tmp_path / "Partner.xlsx", sheets())
    workspace.replace(path.read_bytes(), "Partner.xlsx", reason="upload")
    return workspace
