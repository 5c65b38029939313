"""The optional login: the password hash, the settings from secrets.toml, the pause after
wrong passwords, ``network-app password``, and the app's rights (AppTest, with and without
secrets; a signed-in user mocked with ``at.user``)."""

from __future__ import annotations

import io
import re
import sys
import time

import pandas as pd
import pytest
from conftest import ROOT, write_xlsx
from streamlit.testing.v1 import AppTest

from network_app import cli
from network_app.access import (
    MAX_PASSWORD_LENGTH,
    LoginSettings,
    LoginSetupError,
    PasswordChecks,
    Throttle,
    hash_password,
    may_edit,
    may_view,
    pause_after,
    settings_from,
    verify_password,
)
from network_app.workspace.store import Workspace

APP = str(ROOT / "streamlit_app.py")
PASSWORD = "Rathaus-Soest-2026"
#: A cheap hash for the app tests (the real cost is for real servers).
CHEAP = hash_password(PASSWORD, cost=2**10)
OIDC = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "only-for-the-tests-" + "x" * 32,
    "client_id": "partnernetz",
    "client_secret": "only-for-the-tests",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
#: Words that only the pages show: personal headers and partners of the bundled workbook.
NOT_BEFORE_SIGN_IN = ("E-Mail", "a@example.org", "A-Lab", "B-Verein", "kontakt.xlsx")


# --------------------------------------------------------------------------- the library


def test_hash_round_trip_and_salt():
    stored = hash_password(PASSWORD)
    assert stored.startswith("scrypt$32768$8$1$")
    assert PASSWORD not in stored
    assert verify_password(PASSWORD, stored)
    assert not verify_password(PASSWORD + " ", stored)
    assert not verify_password("", stored)
    # a new salt each time: the same password never gives the same line
    assert hash_password(PASSWORD, cost=2**10) != hash_password(PASSWORD, cost=2**10)
    assert verify_password("Grüße aus Soest – ß", hash_password("Grüße aus Soest – ß",
                                                                cost=2**10))


@pytest.mark.parametrize("stored", [
    "", "geheim", "scrypt$32768$8$1$abc", "bcrypt$1$2$3$4$5",
    "scrypt$1000$8$1$MVJu-Qc5JiO9bt9Mb_2YTg$Wwzsh5E3YDDLCj7addaBF1HuhpxNiDsafjR1eYpHQmE",
    "scrypt$4294967296$8$1$MVJu-Qc5JiO9bt9Mb_2YTg$Wwzsh5E3YDDLCj7addaBF1HuhpxNiDsafjR1eYpHQmE",
    "scrypt$32768$8$1$MVJu$Wwzsh5E3YDDLCj7addaBF1HuhpxNiDsafjR1eYpHQmE",
    "scrypt$32768$8$1$!!!$Wwzsh5E3YDDLCj7addaBF1HuhpxNiDsafjR1eYpHQmE",
])
def test_a_broken_hash_is_a_setup_error(stored):
    with pytest.raises(LoginSetupError) as caught:
        verify_password(PASSWORD, stored)
    assert "network-app password" in caught.value.text("de")
    with pytest.raises(LoginSetupError):
        settings_from({"login": {"password_hash": stored}})


def test_settings():
    assert not settings_from({}).configured
    assert not settings_from({"workspace": "/srv/partnernetz"}).configured
    both = settings_from({"auth": OIDC, "login": {"password_hash": CHEAP,
                                                  "editors": ["Anna@Soest.de"],
                                                  "editor_groups": "Redaktion"}})
    assert both.configured and both.oidc and both.password
    assert both.editors == ("anna@soest.de",) and both.editor_groups == ("redaktion",)
    named = settings_from({"auth": {"stadt": OIDC, "redirect_uri": "x",
                                    "cookie_secret": OIDC["cookie_secret"]},
                           "login": {"provider": "stadt"}})
    assert named.provider == "stadt" and not named.password
    with pytest.raises(LoginSetupError, match="auth.amt"):
        settings_from({"auth": OIDC, "login": {"provider": "amt"}})
    with pytest.raises(LoginSetupError, match="login.editors"):
        settings_from({"auth": OIDC, "login": {"editors": [3]}})
    with pytest.raises(LoginSetupError):
        settings_from({"login": "geheim"})
    with pytest.raises(LoginSetupError, match="login.pasword_hash"):
        settings_from({"login": {"pasword_hash": CHEAP}})
    # the example file's sentence, a short word: anyone knowing them could forge a user
    for weak in ("a long random text, e.g. from: python -c 'import secrets'", "y", None):
        with pytest.raises(LoginSetupError, match="cookie_secret"):
            settings_from({"auth": {**OIDC, "cookie_secret": weak}})


def test_editors_by_address_domain_and_group():
    everyone = LoginSettings(oidc=True)
    assert may_edit(everyone, {"email": "x@y.de"}) and may_edit(everyone, {})
    listed = LoginSettings(oidc=True, editors=("anna@soest.de", "@stadtlabor.de"),
                           editor_groups=("partnernetz",))
    ok = {"email_verified": True}
    assert may_edit(listed, {"email": "ANNA@soest.de ", **ok})
    assert may_edit(listed, {"email": "bo@stadtlabor.de", **ok})
    assert may_edit(listed, {"email": "bo@stadtlabor.de", "email_verified": "true"})
    assert not may_edit(listed, {"email": "bo@sub.stadtlabor.de", **ok})
    assert not may_edit(listed, {"email": "anna@soest.de", "email_verified": False})
    assert not may_edit(listed, {"email": "anna@soest.de", "email_verified": "false"})
    assert may_edit(listed, {"email": "eve@anders.de", "groups": ["Partnernetz", "alle"]})
    assert may_edit(listed, {"groups": "partnernetz"})
    assert not may_edit(listed, {"email": "eve@anders.de", "groups": ["alle"], **ok})
    assert not may_edit(listed, {"name": "Anna"})


def test_an_address_without_email_verified_counts_only_when_the_setup_says_so():
    """A token that says nothing about the address (Microsoft Entra ID sends no
    email_verified): not confirmed, unless [login] trust_unverified_email = true."""
    strict = settings_from({"auth": OIDC, "login": {"editors": ["anna@soest.de"],
                                                    "viewers": ["@soest.de"]}})
    assert not strict.trust_unverified_email
    silent = {"email": "anna@soest.de"}
    assert not may_edit(strict, silent) and not may_view(strict, silent)
    trusting = settings_from({"auth": OIDC, "login": {"editors": ["anna@soest.de"],
                                                      "viewers": ["@soest.de"],
                                                      "trust_unverified_email": True}})
    assert may_edit(trusting, silent) and may_view(trusting, silent)
    # an address the provider marks unconfirmed never counts
    denied = {"email": "anna@soest.de", "email_verified": False}
    assert not may_edit(trusting, denied) and not may_view(trusting, denied)
    with pytest.raises(LoginSetupError, match="trust_unverified_email"):
        settings_from({"auth": OIDC, "login": {"trust_unverified_email": "ja"}})


def test_viewers_by_address_domain_and_group():
    nobody_listed = LoginSettings(oidc=True, editors=("anna@soest.de",))
    assert may_view(nobody_listed, {"email": "x@anders.de", "email_verified": True})
    listed = settings_from({"auth": OIDC, "login": {
        "viewers": ["gabi@kreis.de", "@soest.de"], "viewer_groups": ["Lesen"],
        "editors": ["lea@stadtlabor.de"], "editor_groups": ["redaktion"]}})
    assert listed.viewers == ("gabi@kreis.de", "@soest.de")
    assert listed.viewer_groups == ("lesen",)
    ok = {"email_verified": True}
    for user in ({"email": "gabi@kreis.de", **ok}, {"email": "max@soest.de", **ok},
                 {"groups": ["lesen"]}, {"email": "lea@stadtlabor.de", **ok},
                 {"groups": "Redaktion"}):
        assert may_view(listed, user), user
    for user in ({"email": "max@anders.de", **ok}, {"email": "gabi@kreis.de"}, {},
                 {"groups": ["alle"]}, {"email": "max@soest.de.example.org", **ok}):
        assert not may_view(listed, user), user
    # viewers without editors' lists: everybody let in may edit, nobody else is let in
    only_viewers = LoginSettings(oidc=True, viewers=("@soest.de",))
    assert not may_view(only_viewers, {"email": "x@anders.de", **ok})


def test_pause_grows_per_failure():
    assert [pause_after(n) for n in range(0, 9)] == [0, 1, 2, 4, 8, 16, 32, 60, 60]


def test_throttle_caps_failures_of_the_whole_server():
    now = [1000.0]
    throttle = Throttle(per_minute=3, clock=lambda: now[0])
    for _ in range(3):
        assert throttle.wait() == 0
        throttle.failed()
        now[0] += 1
    assert throttle.wait() == pytest.approx(57)
    now[0] += 57
    assert throttle.wait() == 0


def test_throttle_checks_and_counts_in_one_step():
    """Twenty tries at the same moment against a limit of five: five are checked, not all."""
    import threading

    throttle = Throttle(per_minute=5)
    start = threading.Barrier(20)
    tokens: list[float | None] = []

    def one() -> None:
        start.wait()
        tokens.append(throttle.reserve()[1])

    threads = [threading.Thread(target=one) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(token is not None for token in tokens) == 5
    assert throttle.wait() > 59
    # a right password is no failure: its try is taken back
    throttle = Throttle(per_minute=1)
    _, token = throttle.reserve()
    assert token is not None and throttle.wait() > 0
    throttle.succeeded(token)
    assert throttle.wait() == 0


def test_a_flood_of_wrong_passwords_is_checked_only_up_to_the_limit():
    import threading

    checks = PasswordChecks(Throttle(per_minute=3), at_once=20)
    start = threading.Barrier(12)
    results: list[str] = []

    def one() -> None:
        start.wait()
        results.append(checks.check("falsch-falsch", CHEAP).result)

    threads = [threading.Thread(target=one) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["wait"] * 9 + ["wrong"] * 3
    assert checks.check(PASSWORD, CHEAP).result == "wait"  # the right one waits too


def test_at_most_two_checks_at_once(monkeypatch):
    import threading

    import network_app.access as access

    running, go_on = threading.Semaphore(0), threading.Event()

    def slow(password: str, stored: str) -> bool:
        running.release()
        go_on.wait(10)
        return password == PASSWORD

    monkeypatch.setattr(access, "verify_password", slow)
    checks = PasswordChecks()
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(checks.check(PASSWORD,
                                                                           CHEAP).result))
               for _ in range(2)]
    for thread in threads:
        thread.start()
    for _ in range(2):
        assert running.acquire(timeout=10)
    assert checks.check(PASSWORD, CHEAP).result == "busy"  # a third while two run
    go_on.set()
    for thread in threads:
        thread.join()
    assert results == ["right", "right"]
    assert checks.check(PASSWORD, CHEAP).result == "right"


def test_an_overlong_password_is_not_hashed(monkeypatch):
    import network_app.access as access

    checks = PasswordChecks()
    assert checks.check("x" * MAX_PASSWORD_LENGTH, CHEAP).result == "wrong"

    def never(password: str, stored: str) -> bool:
        raise AssertionError("hashed")

    monkeypatch.setattr(access, "verify_password", never)
    assert checks.check("x" * (MAX_PASSWORD_LENGTH + 1), CHEAP).result == "too_long"
    assert checks.check("x" * 10**6, CHEAP).result == "too_long"
    assert checks.throttle.wait() == 0  # refused before counting


# --------------------------------------------------------------------------- network-app password


def run_cli(monkeypatch, capsys, stdin: str, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main([*args, "password"])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_password_round_trip(monkeypatch, capsys):
    code, out, err = run_cli(monkeypatch, capsys, PASSWORD + "\n")
    assert code == 0
    assert PASSWORD not in out and PASSWORD not in err
    lines = out.splitlines()
    assert lines[0] == "[login]"
    stored = re.fullmatch(r'password_hash = "(.+)"', lines[1]).group(1)
    assert verify_password(PASSWORD, stored)
    import tomllib

    assert settings_from(tomllib.loads(out)).password_hash == stored
    assert "secrets.toml" in err


def test_cli_password_too_short(monkeypatch, capsys):
    code, out, err = run_cli(monkeypatch, capsys, "kurz\n")
    assert code == 2 and out == ""
    assert "mindestens 12 Zeichen" in err
    code, out, err = run_cli(monkeypatch, capsys, "short\n", "--lang", "en")
    assert code == 2 and "at least 12 characters" in err


def test_cli_password_too_long_for_the_sign_in(monkeypatch, capsys):
    code, out, err = run_cli(monkeypatch, capsys, "x" * 1001 + "\n")
    assert code == 2 and out == ""
    assert "höchstens 1000 Zeichen" in err
    code, out, err = run_cli(monkeypatch, capsys, "x" * 1000 + "\n")
    assert code == 0 and "password_hash" in out


def test_cli_password_asks_twice_at_a_terminal(monkeypatch, capsys):
    import getpass

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(answers))
    monkeypatch.setattr(sys, "stdin", Terminal())
    assert cli.main(["password"]) == 2
    out = capsys.readouterr()
    assert out.out == "" and "verschieden" in out.err


# --------------------------------------------------------------------------- the app


@pytest.fixture(autouse=True)
def contacts(tmp_path, monkeypatch) -> None:
    """A workspace of its own whose current workbook has a contact's e-mail address."""
    book = write_xlsx(tmp_path / "kontakt.xlsx", {"Partner": [
        ["Name", "Kategorie", "E-Mail"], ["A-Lab", "Austausch", "a@example.org"],
        ["B-Verein", "Kooperation", "b@example.org"]]})
    Workspace(tmp_path / "ws").replace(book.read_bytes(), book.name, reason="upload")
    monkeypatch.setenv("PARTNERNETZ_WORKSPACE", str(tmp_path / "ws"))


def app(secrets: dict | None = None, user: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    if user is not None:
        at.user = user
    at.run()
    assert not at.exception
    return at


def texts(at: AppTest) -> str:
    """Every word on the page that a reader could see (markdown, captions, titles, tables)."""
    parts = [e.value for kind in ("title", "markdown", "caption", "error", "warning", "info")
             for e in getattr(at, kind)]
    parts += [t.value.to_string() for t in at.table]
    parts += [" ".join(map(str, d.value.columns)) + d.value.to_string() for d in at.dataframe]
    # the pages escape Markdown ("a@example\\.org")
    return re.sub(r"\\(.)", r"\1", " ".join(map(str, parts)))


def is_sign_in_page(at: AppTest) -> bool:
    return [t.value for t in at.title] == ["Anmeldung – Partnernetz stadtLABOR"]


def personal_shown(at: AppTest) -> bool:
    """The Partner page with the personal details switched on: whether they show."""
    at.switch_page("app_pages/partner.py").run()
    assert not at.exception and "a@example.org" not in texts(at)
    at.toggle(key="show_personal").set_value(True).run()
    assert not at.exception
    return "a@example.org" in texts(at)


def test_without_login_everything_is_open_and_said_so():
    at = app()
    assert not is_sign_in_page(at)
    captions = [c.value for c in at.sidebar.caption]
    assert any("gedacht für einen einzelnen Rechner" in c and "Anmeldung / Login" in c
               for c in captions)
    assert len(at.get("file_uploader")) == 1
    assert not any(b.key == "access_sign_out" for b in at.sidebar.button)
    at.switch_page("app_pages/bearbeiten.py").run()
    assert [t.value for t in at.title] == ["Bearbeiten"]


def test_password_anonymous_sees_nothing():
    at = app({"login": {"password_hash": CHEAP}})
    assert is_sign_in_page(at)
    assert not at.metric and not at.get("file_uploader") and not at.dataframe
    assert not any(word in texts(at) for word in NOT_BEFORE_SIGN_IN)
    assert not any("gedacht für einen einzelnen Rechner" in c.value for c in at.sidebar.caption)
    assert_only_the_sign_in_page(at)


def assert_only_the_sign_in_page(at: AppTest) -> None:
    """The navigation knows the sign-in page only: no other page by its address."""
    for page in ("app_pages/bearbeiten.py", "app_pages/partner.py", "app_pages/daten.py"):
        with pytest.raises(ValueError, match=r"Known pages: \['Anmeldung – Partnernetz"):
            at.switch_page(page)


def sign_in(at: AppTest, password: str) -> AppTest:
    at.text_input(key="access_password").input(password)
    return at.button[0].click().run()


def test_wrong_password_refused_in_german_then_a_pause():
    at = app({"login": {"password_hash": CHEAP}})
    sign_in(at, "rathaus-soest-2026")
    assert is_sign_in_page(at)
    assert [e.value for e in at.error] == [
        "Das Passwort stimmt nicht. Ein neuer Versuch ist in 1 Sekunde möglich."]
    # the right password at once is not even checked: the pause runs
    sign_in(at, PASSWORD)
    assert is_sign_in_page(at)
    assert "Bitte warten Sie noch 1 Sekunde" in at.error[0].value
    sign_in(at, "falsch-falsch")  # a try during the pause does not count as a failure
    time.sleep(1.1)
    sign_in(at, "noch-falscher")
    assert "in 2 Sekunden möglich" in at.error[0].value
    at.sidebar.radio(key="language").set_value("English").run()
    sign_in(at, "x")
    assert "Please wait" in at.error[0].value


def test_password_user_sees_personal_data_edits_and_signs_out():
    at = app({"login": {"password_hash": CHEAP}})
    sign_in(at, PASSWORD)
    assert not at.exception and not is_sign_in_page(at)
    assert "Angemeldet (mit Passwort)." in [c.value for c in at.sidebar.caption]
    assert len(at.get("file_uploader")) == 1
    assert personal_shown(at)
    at.switch_page("app_pages/bearbeiten.py").run()
    assert [t.value for t in at.title] == ["Bearbeiten"] and not at.exception
    at.switch_page("app_pages/arbeitsstand.py").run()
    assert not at.exception and not is_sign_in_page(at)
    at.sidebar.button(key="access_sign_out").click().run()
    assert is_sign_in_page(at)
    assert "access_signed_in" not in at.session_state
    assert_only_the_sign_in_page(at)


def test_a_changed_password_signs_everybody_out():
    at = app({"login": {"password_hash": CHEAP}})
    sign_in(at, PASSWORD)
    assert not is_sign_in_page(at)
    at.secrets["login"] = {"password_hash": hash_password("Ein-ganz-neues-Passwort",
                                                          cost=2**10)}
    at.run()
    assert is_sign_in_page(at)


def test_broken_hash_locks_the_app():
    at = app({"login": {"password_hash": "geheim123"}})
    assert is_sign_in_page(at)
    [error] = at.error
    assert error.value.startswith("Die Anmeldung ist falsch eingerichtet, deshalb bleibt die "
                                  "App gesperrt.")
    assert "network-app password" in error.value
    assert not at.text_input and not at.metric


def test_oidc_anonymous_gets_the_button_only():
    at = app({"auth": OIDC}, user={"is_logged_in": False})
    assert is_sign_in_page(at)
    assert [b.label for b in at.button] == ["Mit dem Dienstkonto anmelden"]
    assert not at.text_input and not at.metric and not at.get("file_uploader")
    assert_only_the_sign_in_page(at)


def test_oidc_with_password_offers_both():
    at = app({"auth": OIDC, "login": {"password_hash": CHEAP}}, user={"is_logged_in": False})
    assert [b.label for b in at.button] == ["Mit dem Dienstkonto anmelden", "Anmelden"]
    assert "oder mit dem Passwort:" in [c.value for c in at.caption]
    sign_in_button = at.button[1]
    at.text_input(key="access_password").input(PASSWORD)
    sign_in_button.click().run()
    assert not is_sign_in_page(at)


def test_oidc_user_sees_personal_data_and_edits():
    user = {"is_logged_in": True, "name": "Anna Muster", "email": "anna@soest.de",
            "email_verified": True}
    at = app({"auth": OIDC}, user=user)
    assert not is_sign_in_page(at)
    assert "Angemeldet als Anna Muster." in [c.value for c in at.sidebar.caption]
    assert len(at.get("file_uploader")) == 1
    assert personal_shown(at)
    at.switch_page("app_pages/bearbeiten.py").run()
    assert [t.value for t in at.title] == ["Bearbeiten"]
    at.sidebar.button(key="access_sign_out").click().run()
    assert at.user == {"is_logged_in": False}
    at.run()  # the browser comes back from Streamlit's /auth/logout
    assert is_sign_in_page(at)


def test_oidc_user_not_listed_as_editor_only_looks():
    secrets = {"auth": OIDC, "login": {"editors": ["@stadtlabor.de"]}}
    at = app(secrets, user={"is_logged_in": True, "email": "gast@soest.de",
                            "email_verified": True})
    assert not is_sign_in_page(at)
    captions = [c.value for c in at.sidebar.caption]
    assert "Angemeldet als gast@soest.de." in captions
    assert any(c.startswith("Sie können alles ansehen.") for c in captions)
    assert not at.get("file_uploader")  # no upload
    assert personal_shown(at)  # signed in: personal details may be seen
    for page in ("app_pages/bearbeiten.py", "app_pages/arbeitsstand.py"):  # not theirs
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page)
    # by their addresses (a bookmark): a sentence that they are for editors, in German or
    # English, nothing of the page itself
    for address, title in (("bearbeiten", "Bearbeiten"), ("arbeitsstand", "Arbeitsstand")):
        open_address(at, address)
        assert not at.exception and [t.value for t in at.title] == [title]
        assert [i.value for i in at.info] == [
            f"Die Seite »{title}« ist für Personen, die bearbeiten dürfen. Sie können alles "
            "ansehen (die Seiten links). Wenn Sie bearbeiten müssen, bitten Sie die IT, Sie "
            "dafür einzutragen."]
        assert not at.main.button and not at.dataframe and not at.text_input
    at.sidebar.radio(key="language").set_value("en").run()
    assert at.info[0].value.startswith("The page “Workspace” is for people who may edit.")
    editor = app(secrets, user={"is_logged_in": True, "email": "lea@stadtlabor.de",
                                "email_verified": True})
    editor.switch_page("app_pages/bearbeiten.py").run()
    assert [t.value for t in editor.title] == ["Bearbeiten"]


def open_address(at: AppTest, address: str) -> AppTest:
    """Open the page registered under ``address`` (``/bearbeiten``) as a browser would: a page
    made from a function has no file for AppTest.switch_page()."""
    [page_hash] = [h for h, info in at._registered_pages.items()  # noqa: SLF001
                   if info.get("url_pathname") == address]
    at._page_hash = page_hash  # noqa: SLF001
    return at.run()


def test_an_unreadable_secrets_file_locks_the_app(tmp_path):
    """Streamlit treats a secrets.toml it cannot parse as missing; the app must not open."""
    from streamlit.runtime.secrets import secrets_singleton
    from streamlit.testing.v1.util import patch_config_options

    broken = tmp_path / "secrets.toml"
    broken.write_text('[login]\npassword_hash = "scrypt$ohne Ende\n', encoding="utf-8")
    secrets_singleton._reset()  # noqa: SLF001 (parsed once per process)
    try:
        with patch_config_options({"secrets.files": [str(broken)]}):
            at = app()
    finally:
        secrets_singleton._reset()  # noqa: SLF001
    assert is_sign_in_page(at)
    [error] = at.error
    assert "falsch eingerichtet" in error.value and str(broken) in error.value
    assert not at.metric and not at.text_input


def test_the_example_secrets_file():
    """The shipped example parses, sets up no login as it is (everything in it is commented
    out), holds no secret, and names every key the login reads."""
    import tomllib

    text = (ROOT / ".streamlit" / "secrets.example.toml").read_text(encoding="utf-8")
    assert not settings_from(tomllib.loads(text)).configured
    for key in ("workspace", "[login]", "password_hash", "editors", "editor_groups", "viewers",
                "viewer_groups", "trust_unverified_email", "[auth]",
                "redirect_uri", "cookie_secret", "client_id", "client_secret",
                "server_metadata_url", "network-app password"):
        assert key in text, key
    assert not re.search(r"scrypt\$\d+\$\d+\$\d+\$[\w-]{8,}\$[\w-]{16,}", text)
    assert ".streamlit/secrets.toml" in (ROOT / ".gitignore").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- login required


def app_with_files(paths: list[str], **kwargs) -> AppTest:
    """The app with ``--secrets.files`` set to ``paths`` (Streamlit parses them once per
    process: reset before and after)."""
    from streamlit.runtime.secrets import secrets_singleton
    from streamlit.testing.v1.util import patch_config_options

    secrets_singleton._reset()  # noqa: SLF001
    try:
        with patch_config_options({"secrets.files": paths}):
            return app(**kwargs)
    finally:
        secrets_singleton._reset()  # noqa: SLF001


def test_login_required_without_a_secrets_file_locks(tmp_path, monkeypatch):
    missing = str(tmp_path / "etc" / "secrets.toml")
    monkeypatch.setenv("PARTNERNETZ_LOGIN", "required")
    at = app_with_files([missing])
    assert is_sign_in_page(at)
    [error] = at.error
    assert error.value.startswith("Die Anmeldung ist falsch eingerichtet, deshalb bleibt die "
                                  "App gesperrt. Auf diesem Server ist eine Anmeldung "
                                  "vorgeschrieben (PARTNERNETZ_LOGIN=required)")
    assert missing in error.value and "fehlt" in error.value
    assert not at.metric and not at.text_input and not at.get("file_uploader")
    assert not any(word in texts(at) for word in NOT_BEFORE_SIGN_IN)
    assert_only_the_sign_in_page(at)
    at.sidebar.radio(key="language").set_value("en").run()
    assert "A login is compulsory on this server" in at.error[0].value


def test_login_required_with_a_file_without_login_locks(monkeypatch):
    monkeypatch.setenv("PARTNERNETZ_LOGIN", "required")
    at = app({"login": {}})
    assert is_sign_in_page(at)
    assert "aber in" in at.error[0].value and "ist keine eingerichtet" in at.error[0].value
    assert not at.metric and not at.get("file_uploader")


def test_login_required_with_a_login_opens_after_signing_in(monkeypatch):
    monkeypatch.setenv("PARTNERNETZ_LOGIN", "required")
    at = app({"login": {"password_hash": CHEAP}})
    assert is_sign_in_page(at) and not at.error
    sign_in(at, PASSWORD)
    assert not is_sign_in_page(at) and not at.error


def test_a_mistyped_requirement_locks(monkeypatch):
    monkeypatch.setenv("PARTNERNETZ_LOGIN", "requried")
    at = app()
    assert is_sign_in_page(at)
    assert "»requried«" in at.error[0].value


@pytest.mark.parametrize("value", ["", "optional"])
def test_without_the_requirement_a_missing_file_leaves_the_app_open(tmp_path, monkeypatch,
                                                                      value):
    monkeypatch.setenv("PARTNERNETZ_LOGIN", value)
    at = app_with_files([str(tmp_path / "secrets.toml")])
    assert not is_sign_in_page(at) and not at.error
    assert any("gedacht für einen einzelnen Rechner" in c.value for c in at.sidebar.caption)


def test_a_secrets_file_the_app_may_not_read_locks(tmp_path, monkeypatch):
    import os

    from streamlit.runtime.secrets import Secrets

    secret = tmp_path / "secrets.toml"
    secret.write_text(f'[login]\npassword_hash = "{CHEAP}"\n', encoding="utf-8")
    secret.chmod(0)
    if os.geteuid() == 0:  # root reads every file: what open() raises for everybody else
        def refused(self, path):
            raise PermissionError(13, "Permission denied", path)

        monkeypatch.setattr(Secrets, "_parse_toml_file", refused)
    at = app_with_files([str(secret)])
    assert is_sign_in_page(at)
    assert "darf das Konto, unter dem die App läuft, nicht lesen" in at.error[0].value
    assert str(secret) in at.error[0].value


# --------------------------------------------------------------------------- rights read afresh


#: A page that asks may_edit_now() before anything else (as a button's callback would).
MAY_EDIT_SCRIPT = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
from app_pages.access import may_edit_now
st.text(f"may edit: {{may_edit_now()}}")
"""


@pytest.mark.parametrize(("secrets", "user", "required", "expected"), [
    ({}, None, "", True),  # no login: one machine, everybody
    ({}, None, "required", False),  # a login required and none set up
    ({"login": {"password_hash": CHEAP}}, None, "", False),  # not signed in
    ({"auth": OIDC}, {"is_logged_in": False}, "", False),
    ({"auth": OIDC, "login": {"editors": ["anna@soest.de"]}},
     {"is_logged_in": True, "email": "gast@soest.de", "email_verified": True}, "", False),
    ({"auth": OIDC, "login": {"editors": ["anna@soest.de"]}},
     {"is_logged_in": True, "email": "anna@soest.de", "email_verified": True}, "", True),
    ({"login": {"pasword_hash": CHEAP}}, None, "", False),  # set up wrongly
])
def test_may_edit_now_without_rights_stored(monkeypatch, secrets, user, required, expected):
    """Before any gate of the session stored anything (a callback's view): only an editor."""
    monkeypatch.setenv("PARTNERNETZ_LOGIN", required)
    at = AppTest.from_string(MAY_EDIT_SCRIPT, default_timeout=60)
    for key, value in secrets.items():
        at.secrets[key] = value
    if user is not None:
        at.user = user
    at.run()
    assert not at.exception
    assert [t.value for t in at.text] == [f"may edit: {expected}"]


def open_workspace_page(at: AppTest) -> AppTest:
    at.run()  # the navigation as the rights are now
    at.switch_page("app_pages/arbeitsstand.py").run()
    assert not at.exception and [t.value for t in at.title] == ["Arbeitsstand"]
    return at


def state_of(ws: Workspace) -> tuple:
    """Everything a write would change: the versions, the current workbook, the files put
    into the folder by hand, the files set aside."""
    aside = ws.root / "beiseitegelegt"
    return ([v.id for v in ws.versions()], ws.current().fingerprint,
            [p.name for p in ws.dropped()], sorted(aside.iterdir()) if aside.exists() else [])


@pytest.mark.parametrize("revoke", ["not_an_editor", "signed_out"])
def test_rights_taken_away_after_the_page_was_drawn_write_nothing(tmp_path, revoke):
    """Every writing button of Arbeitsstand, clicked on a page drawn while the user could edit
    and pressed after the rights went: nothing is written, the next page says so."""
    ws = Workspace(tmp_path / "ws")
    older = write_xlsx(tmp_path / "aelter.xlsx", {"Partner": [["Name"], ["C-Stelle"]]})
    ws.replace(older.read_bytes(), older.name, reason="upload")  # something to restore
    editor = {"auth": OIDC, "login": {"editors": ["anna@soest.de"]}}
    anna = {"is_logged_in": True, "name": "Anna Muster", "email": "anna@soest.de",
            "email_verified": True}
    at = app(editor, user=anna)
    upload = write_xlsx(tmp_path / "neu.xlsx", {"Partner": [["Name"], ["D-Amt"]]})
    at.sidebar.file_uploader[0].upload(upload.name, upload.read_bytes()).run()
    for key in ("take_upload", "take_dropped_0", "set_aside_0", "restore_yes"):
        dropped = write_xlsx(ws.root / "von Hand.xlsx", {"Partner": [["Name"], ["E-Rat"]]})
        at.secrets["login"] = editor["login"]
        at.user = anna
        open_workspace_page(at)
        if key == "restore_yes":
            at.button(key="restore_ask").click().run()
        before = state_of(ws)
        button = at.button(key=key)
        if revoke == "not_an_editor":
            at.secrets["login"] = {"editors": ["lea@stadtlabor.de"]}
        else:
            at.user = {"is_logged_in": False}
        button.click().run()
        assert not at.exception
        assert state_of(ws) == before, key
        assert dropped.exists()
        assert any(w.value.startswith("Es wurde nichts gespeichert") for w in at.warning), key
    # with the rights back, the same click writes
    at.secrets["login"] = editor["login"]
    at.user = anna
    open_workspace_page(at)
    at.button(key="take_dropped_0").click().run()
    assert ws.current().name == "von Hand.xlsx"


def test_a_changed_password_stops_a_write_from_an_open_page(tmp_path):
    ws = Workspace(tmp_path / "ws")
    at = app({"login": {"password_hash": CHEAP}})
    sign_in(at, PASSWORD)
    write_xlsx(ws.root / "von Hand.xlsx", {"Partner": [["Name"], ["E-Rat"]]})
    open_workspace_page(at)
    before = state_of(ws)
    button = at.button(key="take_dropped_0")
    at.secrets["login"] = {"password_hash": hash_password("Ein-ganz-neues-Passwort",
                                                          cost=2**10)}
    button.click().run()
    assert state_of(ws) == before
    assert is_sign_in_page(at)
    assert at.warning[0].value.startswith("Es wurde nichts gespeichert")


def test_sign_in_refuses_an_overlong_password_and_says_when_busy():
    at = app({"login": {"password_hash": CHEAP}})
    PASSWORDS = sys.modules["app_pages.access"].PASSWORDS  # the app's, of this process
    # a message of its own to the server is not bound by the browser's limit (Streamlit cuts
    # it to the field's 1,001 characters, AppTest's input() would refuse it)
    at.text_input(key="access_password").set_value("x" * 5000)
    at.button[0].click().run()
    assert [e.value for e in at.error] == [
        "Das Passwort ist zu lang (höchstens 1.000 Zeichen). Es wurde nicht geprüft."]
    assert is_sign_in_page(at)
    taken = [PASSWORDS._slots.acquire(blocking=False) for _ in range(2)]  # noqa: SLF001
    try:
        assert all(taken)  # two checks of other sessions running
        sign_in(at, PASSWORD)
        assert is_sign_in_page(at)
        assert [w.value for w in at.warning] == [
            "Gerade werden viele Anmeldungen zugleich geprüft. Bitte gleich noch einmal "
            "versuchen."]
    finally:
        for _ in taken:
            PASSWORDS._slots.release()  # noqa: SLF001
    sign_in(at, PASSWORD)
    assert not is_sign_in_page(at)


def test_oidc_account_not_on_the_viewers_list_is_refused():
    secrets = {"auth": OIDC, "login": {"viewers": ["@soest.de"],
                                       "editors": ["lea@stadtlabor.de"]}}
    at = app(secrets, user={"is_logged_in": True, "name": "Max Fremd", "email": "max@anders.de",
                            "email_verified": True})
    assert is_sign_in_page(at)
    assert [e.value for e in at.error] == [
        "Ihr Dienstkonto (Max Fremd) ist für diese App nicht freigeschaltet. Wenn Sie sie "
        "nutzen sollen, bitten Sie die IT, Sie einzutragen. Mit »Abmelden« können Sie sich "
        "mit einem anderen Konto anmelden."]
    assert [b.label for b in at.button] == ["Abmelden"]
    assert not at.metric and not at.get("file_uploader") and not at.dataframe
    assert not any(word in texts(at) for word in NOT_BEFORE_SIGN_IN)
    assert_only_the_sign_in_page(at)
    at.button(key="access_oidc_sign_out").click().run()
    assert at.user == {"is_logged_in": False}
    at.sidebar.radio(key="language").set_value("en").run()
    assert [b.label for b in at.button] == ["Sign in with your work account"]
    # a listed viewer looks; an editor is a viewer too; without a confirmed address, no one
    viewer = app(secrets, user={"is_logged_in": True, "email": "gabi@soest.de",
                                "email_verified": True})
    assert not is_sign_in_page(viewer) and not viewer.get("file_uploader")
    editor = app(secrets, user={"is_logged_in": True, "email": "lea@stadtlabor.de",
                                "email_verified": True})
    assert not is_sign_in_page(editor) and editor.get("file_uploader")
    silent = app(secrets, user={"is_logged_in": True, "email": "gabi@soest.de"})
    assert is_sign_in_page(silent)
    trusting = {"auth": OIDC, "login": {**secrets["login"], "trust_unverified_email": True}}
    assert not is_sign_in_page(app(trusting, user={"is_logged_in": True,
                                                   "email": "gabi@soest.de"}))


def test_editors_are_told_when_every_account_may_look():
    anna = {"is_logged_in": True, "name": "Anna Muster", "email": "anna@soest.de",
            "email_verified": True}
    said = "Ansehen dürfen alle Konten, die der Identitätsanbieter annimmt"
    at = open_workspace_page(app({"auth": OIDC}, user=anna))
    assert any(said in c.value for c in at.caption)
    at = open_workspace_page(app({"auth": OIDC, "login": {"viewers": ["@soest.de"]}},
                                 user=anna))
    assert not any(said in c.value for c in at.caption)
    at = app({"login": {"password_hash": CHEAP}})  # no identity provider: nothing to say
    sign_in(at, PASSWORD)
    assert not any(said in c.value for c in open_workspace_page(at).caption)


# --------------------------------------------------------------------------- who made a version


ANNA = {"is_logged_in": True, "name": "Anna Muster", "email": "anna@soest.de",
        "email_verified": True}


def history(at: AppTest) -> pd.DataFrame:
    [table] = [d.value for d in at.dataframe if "Wie entstanden" in d.value.columns]
    return table


def test_signed_in_with_the_provider_the_version_names_the_login(tmp_path):
    """The name and address from the login, said on the page and kept with the version; a
    name typed (or put into the session) does not count."""
    ws = Workspace(tmp_path / "ws")
    at = open_workspace_page(app({"auth": OIDC}, user=ANNA))
    assert not any(t.key == "workspace_who" for t in at.text_input)
    assert ("Bei der neuen Version steht: Anna Muster (anna@soest.de) (aus Ihrer Anmeldung)."
            in texts(at))
    at.session_state["workspace_who"] = "Jemand anderes"  # as if typed before or sent
    write_xlsx(ws.root / "von Hand.xlsx", {"Partner": [["Name"], ["E-Rat"]]})
    open_workspace_page(at).button(key="take_dropped_0").click().run()
    newest = ws.versions()[0]
    assert (newest.reason, newest.who, newest.login) == (
        "dropped", "Anna Muster (anna@soest.de)", "oidc")
    table = history(at)
    assert table["Wer"].iloc[0] == "Anna Muster (anna@soest.de)"
    assert table["Angemeldet mit"].iloc[0] == "Dienstkonto"
    # the version survives a new reading of the folder with its login
    assert Workspace(tmp_path / "ws").versions()[0].login == "oidc"


def test_bearbeiten_saves_under_the_name_of_the_login(tmp_path):
    ws = Workspace(tmp_path / "ws")
    at = app({"auth": OIDC}, user=ANNA)
    at.switch_page("app_pages/bearbeiten.py").run()
    [grid] = [e for e in at.data_editor if e.key and e.key.startswith("edit_partners_")]
    at.session_state[grid.key] = {"edited_rows": {0: {"name": "A-Labor"}}, "added_rows": [],
                                  "deleted_rows": []}
    at.run()
    assert not at.exception
    assert not any(t.key == "edit_who" for t in at.text_input)
    assert "Bei der neuen Version steht: Anna Muster (anna@soest.de)" in texts(at)
    at.session_state["edit_who"] = "Jemand anderes"
    [save] = [b for b in at.button if b.key == "edit_save"]
    save.click().run()
    assert not at.exception
    newest = ws.versions()[0]
    assert (newest.reason, newest.who, newest.login) == (
        "edit", "Anna Muster (anna@soest.de)", "oidc")


@pytest.mark.parametrize(("secrets", "login", "shown"), [
    ({"login": {"password_hash": CHEAP}}, "password", "Passwort (Name eingetippt)"),
    ({}, "", ""),
])
def test_with_the_password_or_without_login_the_name_is_typed(tmp_path, secrets, login, shown):
    ws = Workspace(tmp_path / "ws")
    at = app(secrets)
    if secrets:
        sign_in(at, PASSWORD)
    open_workspace_page(at)
    at.text_input(key="workspace_who").input("Lea").run()
    write_xlsx(ws.root / "von Hand.xlsx", {"Partner": [["Name"], ["E-Rat"]]})
    open_workspace_page(at).button(key="take_dropped_0").click().run()
    newest = ws.versions()[0]
    assert (newest.who, newest.login) == ("Lea", login)
    assert history(at)["Angemeldet mit"].iloc[0] == shown
