"""The login in a real browser: the app started with a secrets.toml of the test's own.

Password: the sign-in form, a wrong password refused, the right one opens the pages (Bearbeiten
included), signing out closes them again, and no page opens by its address before signing in.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser import running_app
from conftest import ROOT, write_xlsx
from playwright.sync_api import expect

from network_app.access import hash_password
from network_app.workspace.store import Workspace

pytestmark = pytest.mark.browser
#: Screenshots for a person to look at (not part of the repository's files).
SHOTS = Path(os.environ.get("PARTNERNETZ_SHOTS", ROOT / "test-artifacts"))
PASSWORD = "Rathaus-Soest-2026"
SIGN_IN = "Anmeldung – Partnernetz stadtLABOR"


def contacts_workspace(folder: Path) -> Path:
    """A workspace whose current workbook names a contact person's e-mail address."""
    book = write_xlsx(folder / "kontakt.xlsx", {"Partner": [
        ["Name", "Kategorie", "E-Mail"], ["A-Lab", "Austausch", "a@example.org"],
        ["B-Verein", "Kooperation", "b@example.org"]]})
    Workspace(folder / "ws").replace(book.read_bytes(), book.name, reason="upload")
    return folder / "ws"


@pytest.fixture(scope="module")
def password_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("login")
    secrets = folder / "secrets.toml"
    secrets.write_text(f'workspace = "{contacts_workspace(folder)}"\n\n[login]\n'
                       f'password_hash = "{hash_password(PASSWORD)}"\n', encoding="utf-8")
    with running_app(options=["--secrets.files", str(secrets)]) as url:
        yield url


def shot(page, name: str) -> None:
    page.locator("[data-testid='stStatusWidget'] button").wait_for(state="detached",
                                                                  timeout=60_000)
    page.wait_for_timeout(500)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / name, full_page=True)


def heading(page, text: str):
    return page.get_by_role("heading", name=text, exact=True)


def test_sign_in_with_password_edit_and_sign_out(browser, password_app):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(password_app)
    expect(heading(page, SIGN_IN)).to_be_visible(timeout=60_000)
    body = page.locator("body")
    for hidden in ("A-Lab", "a@example.org", "kontakt.xlsx"):
        expect(body).not_to_contain_text(hidden)
    expect(page.get_by_role("link", name="Bearbeiten")).to_have_count(0)
    shot(page, "login_form.png")

    field = page.get_by_label("Passwort", exact=True)
    field.fill("rathaus-soest-2026")
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_text("Das Passwort stimmt nicht.")).to_be_visible(timeout=30_000)
    expect(heading(page, SIGN_IN)).to_be_visible()
    shot(page, "login_wrong.png")

    page.wait_for_timeout(1_200)  # the pause after one wrong password
    field.fill(PASSWORD)
    field.press("Enter")
    expect(page.get_by_text("Angemeldet (mit Passwort).")).to_be_visible(timeout=60_000)
    page.get_by_role("link", name="Bearbeiten").click()
    expect(heading(page, "Bearbeiten")).to_be_visible(timeout=60_000)
    expect(page).to_have_url(re.compile(r"/bearbeiten$"))
    shot(page, "login_signed_in_edit.png")

    page.get_by_role("button", name="Abmelden").click()
    expect(heading(page, SIGN_IN)).to_be_visible(timeout=60_000)
    expect(page.get_by_role("link", name="Bearbeiten")).to_have_count(0)
    expect(page.get_by_role("button", name="Abmelden")).to_have_count(0)
    shot(page, "login_signed_out.png")
    context.close()


def test_no_page_by_its_address_before_signing_in(browser, password_app):
    context = browser.new_context()
    page = context.new_page()
    for path in ("bearbeiten", "partner", "daten", "arbeitsstand"):
        page.goto(f"{password_app}/{path}")
        expect(heading(page, SIGN_IN)).to_be_visible(timeout=60_000)
        expect(page.locator("body")).not_to_contain_text("A-Lab")
        expect(page.locator("[data-testid='stFileUploader']")).to_have_count(0)
    context.close()
