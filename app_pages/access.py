"""Sign-in and rights: the optional login of a deployment (README, "Anmeldung / Login").

``streamlit_app.py`` calls :func:`gate` before anything else. Without a login in
``secrets.toml`` everything stays open (one machine) and the sidebar says a login can be set
up. With one, nobody sees anything before signing in: not the network, not the tables, not the
upload. Why not a public view without the personal columns: the free-text columns (notes,
activities) and the relations themselves are the lab's working material and may name people
too; hiding four columns would not make the rest public, and every surface (tables, tooltips,
exports, presentation) would have to be checked again for each new field.

Who is signed in may look at everything, personal columns included. Editing and saving (the
pages "Bearbeiten" and "Arbeitsstand", and the sidebar's upload) are for signed-in users who
may edit: everybody signed in with the password, and those signed in with the identity
provider whom ``[login] editors`` / ``editor_groups`` list (without such a list: everybody).
An account of the identity provider that ``[login] viewers`` / ``viewer_groups`` (when set)
do not list, nor the editors' lists, is refused after signing in: a sentence and "Abmelden".

A login that is set up wrongly (an unreadable secrets.toml, a broken hash) locks the app with
a sentence saying what to fix: a mistake in the file must never open the app. So does a missing
or empty login on an install that requires one (``PARTNERNETZ_LOGIN=required``, a server's).
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NoReturn

import streamlit as st
from streamlit import config

from network_app.access import (
    MAX_PASSWORD_LENGTH,
    LoginSettings,
    LoginSetupError,
    PasswordChecks,
    check_required,
    may_edit,
    may_view,
    pause_after,
    settings_from,
)
from network_app.text import LANGUAGES, by_language, number, say

__all__ = ["EDITOR_PAGES", "PASSWORDS", "Rights", "allowed_to_write", "author",
           "every_account_may_view", "for_editors_only", "gate", "may_edit_now",
           "sidebar_note", "signed_in_identity"]

TEXT = by_language("app.access")
_LOG = logging.getLogger("stadtlabor")
#: The password checks of the whole server (all sessions): failures per minute, two at once.
PASSWORDS = PasswordChecks()
#: Session-state keys: which password hash the session signed in with (a changed password in
#: secrets.toml signs everybody out), wrong tries in a row, and until when the next try waits.
_SIGNED_IN, _FAILURES, _UNTIL = "access_signed_in", "access_failures", "access_until"
#: Set by :func:`allowed_to_write` when it refused a write: said on the next page drawn.
_REFUSED = "access_write_refused"


@dataclass(frozen=True)
class Rights:
    """What this session may do."""

    #: A login is set up in secrets.toml.
    configured: bool
    #: May edit, save, upload and take over (everybody when no login is set up).
    edit: bool
    #: How the session signed in; None when nobody had to.
    method: Literal["oidc", "password"] | None = None
    #: The name (or e-mail address) to show for a signed-in user.
    who: str = ""


def may_edit_now() -> bool:
    """Whether this session may edit and save at this moment: the login settings and the
    signed-in user are read afresh, not taken from the last run (a button's callback runs
    before :func:`gate`, and rights may have been taken away since the page was drawn).
    Without a login (and none required) everybody may; with one, only a signed-in user who
    may edit; a login set up wrongly lets nobody."""
    try:
        settings = _settings()
    except LoginSetupError:
        return False
    rights = _rights(settings)
    return rights is not None and rights.edit


def allowed_to_write() -> bool:
    """For the callbacks that write into the workspace: :func:`may_edit_now`, and when it
    says no, a sentence for the next page drawn (the sign-in page, or the page the session
    may still see) that nothing was saved."""
    if may_edit_now():
        return True
    _LOG.warning("a write was refused: the session is not signed in or may not edit (any more)")
    st.session_state[_REFUSED] = True
    return False


def _say_refused(lang: str) -> None:
    if st.session_state.pop(_REFUSED, False):
        st.warning(TEXT[lang]["write_refused"], icon="🔒")


#: The pages for those who may edit (their addresses): "Bearbeiten" and "Arbeitsstand".
EDITOR_PAGES = ("bearbeiten", "arbeitsstand")


def for_editors_only(page: Any, lang: str) -> Any:
    """``page`` (an ``st.Page`` of :data:`EDITOR_PAGES`) as a user who may only look gets it:
    under the same address but not in the menu, a sentence that it is for editors instead of
    its content (instead of Streamlit's English "Page not found" for a bookmark or a typed
    address). Nothing of the page itself runs."""
    title = page.title

    def draw() -> None:
        st.title(title)
        st.info(say("app.access.editors_only", lang, page=title), icon="🔒")

    return st.Page(draw, title=title, url_path=page.url_path, visibility="hidden")


def _secrets() -> tuple[Mapping[str, Any], list[str], bool]:
    """The parsed secrets (empty when there is no secrets file), the paths looked at, and
    whether a file was there. A file that is there but cannot be read raises
    :class:`LoginSetupError` (Streamlit itself would treat it as missing)."""
    paths = [str(path) for path in config.get_option("secrets.files") or []]
    try:
        if st.secrets.load_if_toml_exists():
            return st.secrets, paths, True
    except PermissionError as exc:  # Streamlit lets this through: name the file
        raise LoginSetupError("no_permission", path=exc.filename or paths[0]) from exc
    for path in paths:
        if os.path.exists(path):
            if not os.access(path, os.R_OK):
                raise LoginSetupError("no_permission", path=path)
            raise LoginSetupError("unreadable", path=path)
    return {}, paths, False


def _settings() -> LoginSettings:
    """The login settings of this install; raises :class:`LoginSetupError` when they cannot
    be used, or when the install must have a login (``PARTNERNETZ_LOGIN=required``) and has
    none."""
    secrets_, paths, found = _secrets()
    settings = settings_from(secrets_)
    check_required(settings, paths, found)
    return settings


def _language() -> str:
    """The language radio: on the sign-in page the same widget as the sidebar's
    (``app_pages.common.sidebar``), so the choice carries over after signing in."""
    names = by_language("app.common")["de"]["languages"]
    return st.sidebar.radio(by_language("app.common")["de"]["language"], LANGUAGES,
                            horizontal=True, key="language",
                            format_func=lambda code: names.get(code, code))


def _stop(lang: str) -> NoReturn:
    """End the run of a locked or sign-in page: the browser's page list becomes the sign-in
    page alone (it would otherwise keep the list of the pages seen before signing out). The
    address of every page (``/bearbeiten``, a bookmark) leads to the sign-in too, under its
    own address: no "Page not found", and after signing in the page asked for opens."""
    title = TEXT[lang]["title"]
    pages = [st.Page(_sign_in_address, title=title, default=True)]
    pages += [st.Page(_sign_in_address, title=title, url_path=name) for name in _page_names()]
    st.navigation(pages, position="hidden")
    st.stop()


def _page_names() -> list[str]:
    """The addresses of the app's pages: the names of the page files (``app_pages/*.py``)."""
    return sorted(path.stem for path in Path(__file__).parent.glob("*.py")
                  if not path.stem.startswith("_") and path.stem != "netzwerk")


def _sign_in_address() -> None:
    """The one page before signing in; its content is drawn by :func:`gate` itself."""


def _locked(message: str, lang: str) -> NoReturn:
    t = TEXT[lang]
    st.set_page_config(page_title=t["title"], layout="centered")
    st.title(t["title"])
    st.error(message, icon="🔒")
    _stop(lang)


def _password_fingerprint(stored: str) -> str:
    return hashlib.sha256(stored.encode("utf-8")).hexdigest()


def gate() -> Rights:
    """The rights of this session; draws the sign-in page and stops the run when somebody has
    to sign in first."""
    lang = st.session_state.get("language", LANGUAGES[0])
    lang = lang if lang in LANGUAGES else LANGUAGES[0]
    try:
        settings = _settings()
    except LoginSetupError as exc:
        _LOG.error("login set up wrongly: %s", exc)
        lang = _language()
        _locked(say("app.access.setup_broken", lang, detail=exc.text(lang)), lang)
    rights = _rights(settings)
    if rights is None:
        _sign_in_page(settings)
    _say_refused(lang)
    return rights


def _oidc_user(settings: LoginSettings) -> dict[str, Any] | None:
    """The claims of the user signed in with the identity provider; None: nobody is."""
    if not settings.oidc:
        return None
    user = st.user.to_dict()
    return user if user.get("is_logged_in") else None


def _name_of(user: Mapping[str, Any]) -> str:
    """The name to show (and to keep with a version) for a signed-in user."""
    for key in ("name", "email", "preferred_username"):
        value = user.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _rights(settings: LoginSettings) -> Rights | None:
    if not settings.configured:
        return Rights(configured=False, edit=True)
    user = _oidc_user(settings)
    if user is not None and may_view(settings, user):
        return Rights(configured=True, edit=may_edit(settings, user), method="oidc",
                      who=_name_of(user))
    if settings.password_hash is not None and (
            st.session_state.get(_SIGNED_IN) == _password_fingerprint(settings.password_hash)):
        return Rights(configured=True, edit=True, method="password")
    return None


def _identity(user: Mapping[str, Any]) -> str:
    """The signed-in user as the version history keeps it: "Anna Muster (anna@soest.de)"."""
    name, email = _name_of(user), user.get("email")
    if isinstance(email, str) and email.strip() and email.strip() != name:
        return f"{name} ({email.strip()})" if name else email.strip()
    return name


def signed_in_identity() -> str | None:
    """The name and address the identity provider gave for the user signed in with it (what a
    new version records as its author, nothing typed); None without such a user (no login,
    or the shared password: then the name is typed)."""
    try:
        settings = _settings()
    except LoginSetupError:
        return None
    user = _oidc_user(settings)
    if user is not None and may_view(settings, user):
        return _identity(user) or None
    return None


def author(typed: str) -> tuple[str, str]:
    """Who makes a new version, read afresh: ``(who, login)`` for the workspace's version
    history. With the identity provider the name it gave (``typed`` is ignored, it cannot be
    typed over), ``"oidc"``; with the password the name typed, ``"password"`` (everybody shares
    the password, so the name is only what was typed); without a login the name typed."""
    identity = signed_in_identity()
    if identity is not None:
        return identity, "oidc"
    try:
        password = _settings().password
    except LoginSetupError:
        password = False
    return typed.strip(), "password" if password else ""


def every_account_may_view() -> bool:
    """Whether the identity provider's login lets every account it accepts look (no
    ``[login] viewers`` / ``viewer_groups``): said to editors on the page Arbeitsstand."""
    try:
        settings = _settings()
    except LoginSetupError:
        return False
    return settings.oidc and not settings.viewers and not settings.viewer_groups


def _sign_in_page(settings: LoginSettings) -> NoReturn:
    lang = _language()
    t = TEXT[lang]
    st.set_page_config(page_title=t["title"], layout="centered")
    st.title(t["title"])
    _say_refused(lang)
    user = _oidc_user(settings)
    if user is not None:  # signed in with the provider, but not on the list of who may look
        _LOG.warning("an account of the identity provider was refused: not a viewer")
        st.error(say("app.access.not_admitted", lang, name=_name_of(user) or "?"), icon="🔒")
        if st.button(t["sign_out"], key="access_oidc_sign_out"):
            st.logout()
            st.stop()
    else:
        st.write(t["intro"])
    if settings.oidc and user is None:
        if st.button(t["oidc_button"], type="primary", key="access_oidc"):
            try:
                st.login(settings.provider) if settings.provider else st.login()
            except Exception:  # a broken [auth] section: Streamlit's own error is English
                _LOG.exception("st.login failed")
                st.error(t["oidc_failed"], icon="⚠️")
    if settings.password_hash is not None:
        if settings.oidc:
            st.caption(t["or_password"])
        with st.form("access_sign_in", clear_on_submit=True, enter_to_submit=True):
            # one more than is checked: Streamlit cuts longer input to max_chars on the server,
            # so an overlong password arrives too long and is refused (_check), not cut short
            password = st.text_input(t["password"], type="password", key="access_password",
                                     max_chars=MAX_PASSWORD_LENGTH + 1)
            sent = st.form_submit_button(t["submit"], type="primary")
        if sent:
            _check(password, settings.password_hash, lang)
    _stop(lang)


def _check(password: str, stored: str, lang: str) -> None:
    """One try at the password: refused while the session's or the server's pause runs, while
    two other checks are running, and for a password over 1,000 characters."""
    t = TEXT[lang]
    if not password:
        st.warning(t["empty"])
        return
    wait = st.session_state.get(_UNTIL, 0.0) - time.monotonic()
    if wait > 0:
        st.error(say("app.access.wait", lang, count=math.ceil(wait)), icon="⏳")
        return
    outcome = PASSWORDS.check(password, stored)
    if outcome.result == "right":
        st.session_state[_SIGNED_IN] = _password_fingerprint(stored)
        st.session_state[_FAILURES] = 0
        st.session_state.pop(_UNTIL, None)
        st.rerun()
    if outcome.result == "wait":
        st.error(say("app.access.wait", lang, count=math.ceil(outcome.seconds)), icon="⏳")
        return
    if outcome.result == "busy":
        _LOG.warning("a password try was refused: two checks were running already")
        st.warning(t["busy"], icon="⏳")
        return
    if outcome.result == "too_long":
        st.error(say("app.access.too_long", lang, max=number(MAX_PASSWORD_LENGTH, lang)),
                 icon="🔒")
        return
    failures = st.session_state.get(_FAILURES, 0) + 1
    pause = pause_after(failures)
    st.session_state[_FAILURES] = failures
    st.session_state[_UNTIL] = time.monotonic() + pause
    _LOG.warning("wrong password for the app (%d in a row in this session)", failures)
    st.error(say("app.access.wrong", lang, count=math.ceil(pause)), icon="🔒")


def sidebar_note(rights: Rights, lang: str) -> None:
    """At the foot of the sidebar: who is signed in and the button to sign out; without a
    login, that the app is meant for one machine."""
    t = TEXT[lang]
    if not rights.configured:
        st.sidebar.caption(t["open"])
        return
    if rights.method == "oidc" and rights.who:
        st.sidebar.caption(say("app.access.signed_in_as", lang, name=rights.who))
    else:
        st.sidebar.caption(t["signed_in"])
    if not rights.edit:
        st.sidebar.caption(t["read_only"])
    if st.sidebar.button(t["sign_out"], key="access_sign_out"):
        _sign_out(rights)


def _sign_out(rights: Rights) -> NoReturn:
    if rights.method == "oidc":
        # Streamlit sends the browser to /auth/logout, which deletes the identity cookie and
        # comes back in a new session (nothing of this one is left). A rerun now could come
        # before the browser went there, and the cookie would stay.
        st.logout()
        st.stop()
    # Everything of the session goes (an upload shown, edits not saved), the language stays:
    # whoever signs in next at this browser starts afresh.
    for key in list(st.session_state.keys()):
        if key != "language":
            del st.session_state[key]
    st.rerun()
