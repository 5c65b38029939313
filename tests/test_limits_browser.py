"""A hostile upload against a real app server (Streamlit, Debian's chromium): the file is read
in a child process that runs out of its memory; the user reads why, and the server goes on
serving this and every other session."""

from __future__ import annotations

import urllib.request

import pytest
from browser import running_app
from conftest import ROOT
from test_limits import TOO_COSTLY, repeat_ods

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts"


def test_a_memory_bomb_is_refused_and_the_server_goes_on(browser, tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNERNETZ_PARSE_MEMORY_MB", "300")  # the server inherits it
    bomb = tmp_path / "bombe.ods"
    bomb.write_bytes(repeat_ods(100_000, 300))  # 1 KB declaring 30 million cells
    with running_app() as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1200})
        page.goto(url)
        page.locator("[data-testid='stMetricValue']").first.wait_for(timeout=60_000)
        page.locator("input[type=file]").set_input_files(str(bomb))
        page.get_by_text(TOO_COSTLY).first.wait_for(timeout=60_000)
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SHOTS / "limits_too_costly.png", full_page=True)
        with urllib.request.urlopen(url + "/_stcore/health", timeout=10) as answer:
            assert answer.status == 200
        # another session opens the app and sees the workspace's workbook as before
        other = browser.new_page(viewport={"width": 1400, "height": 1200})
        other.goto(url)
        other.locator("[data-testid='stMetricValue']").first.wait_for(timeout=60_000)
        assert other.locator("[data-testid='stMetricValue']").first.inner_text() == "64"
        page.close()
        other.close()
