"""The login in a real browser: the app started with a secrets.toml of the test's own.

Password: the sign-in form, a wrong password refused, the right one opens the pages (Bearbeiten
included), signing out closes them again, and no page opens by its address before signing in.
OIDC: through Streamlit's st.login with a real (tiny, local) identity provider
(tests/oidc_provider.py): redirect, code, token, signed id_token, cookie; an editor and a user
who may only look.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser import free_port, running_app
from conftest import ROOT, write_xlsx
from oidc_provider import CLIENT_ID, CLIENT_SECRET, running_provider
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
        expect(page.get_by_text("Page not found")).to_have_count(0)
    shot(page, "login_by_address.png")
    # signed in there, the page asked for opens
    field = page.get_by_label("Passwort", exact=True)
    field.fill(PASSWORD)
    field.press("Enter")
    expect(heading(page, "Arbeitsstand")).to_be_visible(timeout=60_000)
    expect(page).to_have_url(re.compile(r"/arbeitsstand$"))
    context.close()


@pytest.fixture(scope="module")
def oidc(tmp_path_factory):
    folder = tmp_path_factory.mktemp("oidc")
    with running_provider() as provider:
        port = free_port()
        secrets = folder / "secrets.toml"
        secrets.write_text(
            f'workspace = "{contacts_workspace(folder)}"\n\n'
            '[login]\neditors = ["anna@soest.example"]\nviewers = ["@soest.example"]\n\n'
            f'[auth]\nredirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            'cookie_secret = "a-cookie-secret-only-for-these-tests-0123456789"\n'
            f'client_id = "{CLIENT_ID}"\nclient_secret = "{CLIENT_SECRET}"\n'
            f'server_metadata_url = "{provider.url}/.well-known/openid-configuration"\n',
            encoding="utf-8")
        with running_app(options=["--secrets.files", str(secrets)], port=port) as url:
            yield url, provider


def test_sign_in_with_the_identity_provider(browser, oidc):
    url, provider = oidc
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    expect(heading(page, SIGN_IN)).to_be_visible(timeout=60_000)
    expect(page.get_by_label("Passwort", exact=True)).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("A-Lab")
    shot(page, "login_oidc.png")

    # Anna is on the editors' list: everything, Bearbeiten included
    page.get_by_role("button", name="Mit dem Dienstkonto anmelden").click()
    expect(page.get_by_text("Angemeldet als Anna Muster.")).to_be_visible(timeout=60_000)
    assert {"/authorize", "/token", "/jwks"} <= set(provider.requests)
    page.get_by_role("link", name="Bearbeiten").click()
    expect(heading(page, "Bearbeiten")).to_be_visible(timeout=60_000)
    shot(page, "login_oidc_editor.png")
    page.get_by_role("button", name="Abmelden").click()
    expect(heading(page, SIGN_IN)).to_be_visible(timeout=60_000)
    # the identity cookie is gone: a new tab of this browser is not signed in either
    second = context.new_page()
    second.goto(url)
    expect(heading(second, SIGN_IN)).to_be_visible(timeout=60_000)
    second.close()

    # a colleague who is not listed looks, but neither edits nor uploads
    provider.user = {"sub": "gast", "name": "Gabi Gast", "email": "gast@soest.example",
                     "email_verified": True}
    page.get_by_role("button", name="Mit dem Dienstkonto anmelden").click()
    expect(page.get_by_text("Angemeldet als Gabi Gast.")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Sie können alles ansehen.")).to_be_visible()
    expect(page.get_by_role("link", name="Partner", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Bearbeiten")).to_have_count(0)
    expect(page.get_by_role("link", name="Arbeitsstand")).to_have_count(0)
    expect(page.locator("[data-testid='stFileUploader']")).to_have_count(0)
    shot(page, "login_oidc_viewer.png")
    # a bookmark of an editors' page: a German sentence, not Streamlit's "Page not found"
    page.goto(f"{url}/bearbeiten")
    expect(page.get_by_text("Angemeldet als Gabi Gast.")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Die Seite »Bearbeiten« ist für Personen, die bearbeiten dürfen."
                            )).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.get_by_role("button", name="Speichern")).to_have_count(0)
    expect(page.get_by_role("link", name="Bearbeiten")).to_have_count(0)
    shot(page, "login_editors_only.png")
    page.get_by_role("button", name="Abmelden").click()
    expect(heading(page, SIGN_IN)).to_be_visible(timeout=60_000)

    # an account of another domain: not on the viewers' list, nothing of the app
    provider.user = {"sub": "max", "name": "Max Fremd", "email": "max@anders.example",
                     "email_verified": True}
    page.get_by_role("button", name="Mit dem Dienstkonto anmelden").click()
    expect(page.get_by_text("Ihr Dienstkonto (Max Fremd) ist für diese App nicht "
                            "freigeschaltet.")).to_be_visible(timeout=60_000)
    expect(page.locator("body")).not_to_contain_text("A-Lab")
    expect(page.get_by_role("link", name="Partner", exact=True)).to_have_count(0)
    shot(page, "login_oidc_not_admitted.png")
    # a colleague of the domain whose token says nothing about the address: not confirmed
    page.get_by_role("button", name="Abmelden").click()
    expect(page.get_by_role("button", name="Mit dem Dienstkonto anmelden")).to_be_visible(
        timeout=60_000)
    provider.user = {"sub": "gabi", "name": "Gabi Gast", "email": "gast@soest.example"}
    page.get_by_role("button", name="Mit dem Dienstkonto anmelden").click()
    expect(page.get_by_text("Ihr Dienstkonto (Gabi Gast) ist für diese App nicht "
                            "freigeschaltet.")).to_be_visible(timeout=60_000)
    context.close()


def test_a_required_login_that_is_missing_locks_the_app(browser, tmp_path, monkeypatch):
    """A server's install (PARTNERNETZ_LOGIN=required) whose secrets.toml is not there: the
    app stays locked and says what IT must fix, also by a page's address."""
    missing = tmp_path / "etc" / "secrets.toml"
    monkeypatch.setenv("PARTNERNETZ_LOGIN", "required")
    monkeypatch.setenv("PARTNERNETZ_WORKSPACE", str(contacts_workspace(tmp_path)))
    with running_app(options=["--secrets.files", str(missing)]) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        for path in ("", "/partner"):
            page.goto(url + path)
            expect(page.get_by_text("Auf diesem Server ist eine Anmeldung vorgeschrieben"
                                    )).to_be_visible(timeout=60_000)
            expect(page.get_by_text(str(missing))).to_be_visible()
            expect(page.locator("body")).not_to_contain_text("A-Lab")
            expect(page.get_by_text("Page not found")).to_have_count(0)
        expect(page.get_by_label("Passwort", exact=True)).to_have_count(0)
        shot(page, "login_required_locked.png")
        context.close()
