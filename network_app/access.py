"""Who may use the app: the optional login of a deployment, read from ``secrets.toml``.

Two ways to sign in, either or both:

* **OIDC** (a city's identity provider): Streamlit's own ``st.login()``, configured in the
  ``[auth]`` section (``redirect_uri``, ``cookie_secret``, ``client_id``, ``client_secret``,
  ``server_metadata_url``; Streamlit's documentation). Optionally ``[login] editors`` (e-mail
  addresses, or ``@domain`` for a whole domain) and ``[login] editor_groups`` (names in the
  identity token's ``groups`` claim) narrow who may edit; without them every signed-in user may.
  ``[login] viewers`` / ``viewer_groups`` the same way narrow who may sign in at all (editors
  always may); without them every account the provider accepts may look. An e-mail address
  counts only when the token confirms it (``email_verified``), or sends no such claim and
  ``[login] trust_unverified_email = true`` says to trust that (Microsoft Entra ID).
* **A password** for small setups: ``[login] password_hash``, a salted scrypt hash made with
  ``network-app password`` (the clear password is never stored). Whoever knows it may edit.

Without either the app is open, as on one machine, unless the install says a login is
required (``PARTNERNETZ_LOGIN=required``, set by the systemd unit and the container): then it
stays locked until one is set up. This module is the part without Streamlit:
the hash, the settings, the pause after failed attempts. ``app_pages/access.py`` draws the
sign-in and applies the rights.

>>> stored = hash_password("Rathaus-Soest-2026", cost=2**10)
>>> stored.startswith("scrypt$1024$8$1$")
True
>>> verify_password("Rathaus-Soest-2026", stored), verify_password("rathaus-soest-2026", stored)
(True, False)
>>> settings = settings_from({"login": {"password_hash": stored}})
>>> settings.configured, settings.password, settings.oidc
(True, True, False)
>>> settings_from({}).configured
False
>>> pause_after(1), pause_after(3), pause_after(40)
(1.0, 4.0, 60.0)
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .text import fill, words

__all__ = [
    "MAX_PASSWORD_LENGTH",
    "MIN_PASSWORD_LENGTH",
    "REQUIRED_ENV",
    "LoginSettings",
    "LoginSetupError",
    "Outcome",
    "PasswordChecks",
    "Throttle",
    "check_required",
    "hash_password",
    "login_required",
    "may_edit",
    "may_view",
    "pause_after",
    "settings_from",
    "verify_password",
]

#: scrypt's cost (N), block size (r) and parallelism (p): 32 MiB per check (0.56 s measured on
#: a 2-core machine at load 11), slow enough to make guessing expensive, cheap for one sign-in.
COST, BLOCK_SIZE, PARALLEL = 2**15, 8, 1
_SALT_BYTES, _KEY_BYTES = 16, 32
#: The shortest password ``network-app password`` accepts.
MIN_PASSWORD_LENGTH = 12
#: The section of secrets.toml with the app's own login settings (Streamlit's is ``[auth]``).
SECTION = "login"
#: The keys [login] may hold; any other is a setup error.
_KEYS = frozenset({"password_hash", "provider", "editors", "editor_groups", "viewers",
                   "viewer_groups", "trust_unverified_email"})
#: Streamlit signs its login cookie with [auth] cookie_secret: at least this long, no spaces.
MIN_COOKIE_SECRET = 32
_PREFIX = "scrypt"
#: The longest password checked: a longer one is refused before it is hashed (the sign-in form
#: allows no more either, but the browser's limit is no protection).
MAX_PASSWORD_LENGTH = 1000
#: Password checks (scrypt) running at the same moment on the whole server; more: "busy".
CHECKS_AT_ONCE = 2
#: The environment variable a server install sets (deploy/partnernetz.service, the Containerfile):
#: ``required`` makes a login compulsory, a missing or empty secrets.toml then locks the app.
REQUIRED_ENV = "PARTNERNETZ_LOGIN"


class LoginSetupError(ValueError):
    """The login settings in secrets.toml cannot be used; ``code`` is a key of the catalog
    section "access" (the app then lets nobody in: a broken login never opens the app)."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.text("de"))

    def text(self, lang: str = "de") -> str:
        return fill(words("access", lang)[self.code], lang, **self.params)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _scrypt(password: str, salt: bytes, cost: int, block_size: int, parallel: int) -> bytes:
    # scrypt needs 128 * N * r * p bytes; the default limit (32 MiB) is just too small for ours.
    needed = 128 * cost * block_size * parallel
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=cost, r=block_size,
                          p=parallel, dklen=_KEY_BYTES, maxmem=needed + 2**20)


def hash_password(password: str, *, cost: int = COST, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$key`` (salt and key in URL-safe base64): what goes into
    ``[login] password_hash``. A new random salt each time, so one password gives different
    lines."""
    salt = secrets.token_bytes(_SALT_BYTES) if salt is None else salt
    key = _scrypt(password, salt, cost, BLOCK_SIZE, PARALLEL)
    return f"{_PREFIX}${cost}${BLOCK_SIZE}${PARALLEL}${_b64(salt)}${_b64(key)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes]:
    parts = stored.strip().split("$")
    if len(parts) != 6 or parts[0] != _PREFIX:
        raise LoginSetupError("bad_hash")
    try:
        cost, block_size, parallel = (int(part) for part in parts[1:4])
        salt, key = _unb64(parts[4]), _unb64(parts[5])
    except (ValueError, binascii.Error) as exc:
        raise LoginSetupError("bad_hash") from exc
    # Bounds: a typing error in the file must not make every check take minutes or gigabytes.
    if (cost < 2**10 or cost > 2**20 or cost & (cost - 1) or not 1 <= block_size <= 32
            or not 1 <= parallel <= 16 or 128 * cost * block_size * parallel > 2**30
            or len(salt) < 8 or len(key) < 16):
        raise LoginSetupError("bad_hash")
    return cost, block_size, parallel, salt, key


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` is the one ``stored`` was made from; compared in constant time.
    Raises :class:`LoginSetupError` when ``stored`` is no hash of ours."""
    cost, block_size, parallel, salt, key = _parse(stored)
    candidate = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=cost, r=block_size,
                               p=parallel, dklen=len(key),
                               maxmem=128 * cost * block_size * parallel + 2**20)
    return hmac.compare_digest(candidate, key)


@dataclass(frozen=True)
class LoginSettings:
    """What secrets.toml sets up. ``configured``: somebody has to sign in."""

    password_hash: str | None = None
    oidc: bool = False
    #: A named provider (``[auth.NAME]``), passed to ``st.login(NAME)``; None: ``[auth]`` itself.
    provider: str | None = None
    editors: tuple[str, ...] = ()
    editor_groups: tuple[str, ...] = ()
    #: Who may sign in with the identity provider at all (editors always may); both empty:
    #: every account the provider accepts.
    viewers: tuple[str, ...] = ()
    viewer_groups: tuple[str, ...] = ()
    #: An e-mail address without the token's ``email_verified`` claim counts for the lists
    #: (Microsoft Entra ID sends none); one the provider marks unconfirmed never does.
    trust_unverified_email: bool = False

    @property
    def password(self) -> bool:
        return self.password_hash is not None

    @property
    def configured(self) -> bool:
        return self.oidc or self.password


def _names(section: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = section.get(key, ())
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise LoginSetupError("bad_list", key=f"{SECTION}.{key}")
    return tuple(v.strip().lower() for v in value if v.strip())


def settings_from(secrets_: Mapping[str, Any]) -> LoginSettings:
    """The login settings in the parsed secrets (``st.secrets``, or a dict in tests).

    Raises :class:`LoginSetupError` for a ``[login]`` section that cannot be used: a hash that
    is none of ours, a list that is not a list of texts, a provider with no ``[auth.NAME]``.
    """
    section = secrets_.get(SECTION) or {}
    if not isinstance(section, Mapping):
        raise LoginSetupError("bad_section", section=SECTION)
    unknown = sorted(set(section) - _KEYS)
    if unknown:  # a typo ("pasword_hash") must not leave the app open
        raise LoginSetupError("unknown_key", key=f"{SECTION}.{unknown[0]}",
                              known=", ".join(sorted(_KEYS)))
    auth = secrets_.get("auth")
    oidc = isinstance(auth, Mapping) and len(auth) > 0
    if oidc and isinstance(auth, Mapping):
        # whoever knows the cookie secret can forge a signed-in user: the example's sentence
        # or a short word is refused
        cookie_secret = auth.get("cookie_secret")
        if (not isinstance(cookie_secret, str) or len(cookie_secret) < MIN_COOKIE_SECRET
                or any(c.isspace() for c in cookie_secret)):
            raise LoginSetupError("weak_cookie_secret", min=MIN_COOKIE_SECRET)
    password_hash = section.get("password_hash")
    if password_hash is not None:
        if not isinstance(password_hash, str):
            raise LoginSetupError("bad_hash")
        _parse(password_hash)
    provider = section.get("provider")
    if provider is not None:
        named = auth.get(provider) if isinstance(auth, Mapping) else None
        if not isinstance(provider, str) or not isinstance(named, Mapping):
            raise LoginSetupError("bad_provider", provider=str(provider))
    trust = section.get("trust_unverified_email", False)
    if not isinstance(trust, bool):
        raise LoginSetupError("bad_bool", key=f"{SECTION}.trust_unverified_email")
    return LoginSettings(password_hash=password_hash, oidc=oidc, provider=provider,
                         editors=_names(section, "editors"),
                         editor_groups=_names(section, "editor_groups"),
                         viewers=_names(section, "viewers"),
                         viewer_groups=_names(section, "viewer_groups"),
                         trust_unverified_email=trust)


def login_required(environ: Mapping[str, str] | None = None) -> bool:
    """Whether this install must have a login (``PARTNERNETZ_LOGIN=required``); unset, empty
    or ``optional``: a login is optional (one machine). Any other value is a setup error: a
    typo must not switch the requirement off.

    >>> login_required({}), login_required({"PARTNERNETZ_LOGIN": "Required"})
    (False, True)
    >>> try:
    ...     login_required({"PARTNERNETZ_LOGIN": "requried"})
    ... except LoginSetupError as exc:
    ...     print(exc.code)
    bad_required
    """
    value = (os.environ if environ is None else environ).get(REQUIRED_ENV, "").strip()
    if value.lower() in ("", "optional"):
        return False
    if value.lower() == "required":
        return True
    raise LoginSetupError("bad_required", name=REQUIRED_ENV, value=value)


def check_required(settings: LoginSettings, paths: list[str], found: bool,
                   environ: Mapping[str, str] | None = None) -> None:
    """Raise :class:`LoginSetupError` when this install must have a login
    (:func:`login_required`) and ``settings`` set none up: ``found`` says whether one of
    the secrets files ``paths`` was there at all (what IT has to fix differs)."""
    if settings.configured or not login_required(environ):
        return
    shown = ", ".join(paths) or "secrets.toml"
    raise LoginSetupError("required_empty" if found else "required_missing",
                          name=REQUIRED_ENV, paths=shown)


def _email(settings: LoginSettings, user: Mapping[str, Any]) -> str | None:
    """The user's e-mail address if it may count for the lists: the provider confirmed it
    (``email_verified`` true), or sent no such claim and the setup trusts that
    (``trust_unverified_email``)."""
    email = user.get("email")
    if not isinstance(email, str) or "@" not in email:
        return None
    verified = user.get("email_verified")
    if isinstance(verified, str):  # some providers send the text "true"
        verified = {"true": True, "false": False}.get(verified.strip().lower(), verified)
    if verified is True or (verified is None and settings.trust_unverified_email):
        return email.strip().lower()
    return None


def _listed(settings: LoginSettings, user: Mapping[str, Any], emails: tuple[str, ...],
            groups: tuple[str, ...]) -> bool:
    """Whether the user's usable e-mail address (or its ``@domain``) is in ``emails``, or one
    of the token's ``groups`` is in ``groups``."""
    email = _email(settings, user)
    if email is not None and emails:
        if email in emails or "@" + email.rpartition("@")[2] in emails:
            return True
    claimed = user.get("groups", ())
    if isinstance(claimed, str):
        claimed = [claimed]
    if isinstance(claimed, list | tuple):
        return any(isinstance(g, str) and g.strip().lower() in groups for g in claimed)
    return False


def may_edit(settings: LoginSettings, user: Mapping[str, Any]) -> bool:
    """Whether a user signed in with the identity provider may edit and save.

    Without ``editors`` and ``editor_groups`` everybody signed in may. Otherwise the user's
    confirmed e-mail address must be listed (or its domain as ``@domain``), or one of the
    token's ``groups`` must be. An address counts only when the token says it is confirmed
    (``email_verified``), or says nothing about it and ``trust_unverified_email`` is set.

    >>> s = LoginSettings(oidc=True, editors=("anna@soest.de", "@stadtlabor.de"))
    >>> ok = {"email_verified": True}
    >>> may_edit(s, {"email": "Anna@Soest.de", **ok}), may_edit(s, {"email": "bo@stadtlabor.de",
    ...                                                                 **ok})
    (True, True)
    >>> may_edit(s, {"email": "eve@soest.de.example.org", **ok}), may_edit(s, {})
    (False, False)
    >>> may_edit(s, {"email": "bo@stadtlabor.de", "email_verified": False})
    False
    >>> may_edit(s, {"email": "bo@stadtlabor.de"})  # nothing said about the address
    False
    """
    if not settings.editors and not settings.editor_groups:
        return True
    return _listed(settings, user, settings.editors, settings.editor_groups)


def may_view(settings: LoginSettings, user: Mapping[str, Any]) -> bool:
    """Whether a user signed in with the identity provider may use the app at all.

    Without ``viewers`` and ``viewer_groups`` every account the provider accepts may (the
    operations guide says so). Otherwise the user must be listed there, or as an editor in
    ``editors`` / ``editor_groups``; the same rules for e-mail addresses as :func:`may_edit`.

    >>> s = LoginSettings(oidc=True, viewers=("@soest.de",), editors=("lea@kreis.de",))
    >>> ok = {"email_verified": True}
    >>> may_view(s, {"email": "gabi@soest.de", **ok}), may_view(s, {"email": "lea@kreis.de",
    ...                                                             **ok})
    (True, True)
    >>> may_view(s, {"email": "max@anders.de", **ok}), may_view(LoginSettings(oidc=True), {})
    (False, True)
    """
    if not settings.viewers and not settings.viewer_groups:
        return True
    if _listed(settings, user, settings.viewers, settings.viewer_groups):
        return True
    return bool(settings.editors or settings.editor_groups) and may_edit(settings, user)


def pause_after(failures: int) -> float:
    """Seconds a session waits before its next try after ``failures`` wrong passwords in a
    row: 1, 2, 4, … up to a minute."""
    if failures <= 0:
        return 0.0
    return float(min(2 ** (failures - 1), 60))


class Throttle:
    """Failed sign-ins of the whole server: at most ``per_minute`` in any minute.

    A pause per session alone would not stop someone who opens a new session for every
    guess; past the limit every try (right or wrong) waits until the oldest failure of the
    minute is a minute old. Thread-safe (Streamlit runs each session in a thread of its own).

    :meth:`reserve` checks and counts in one step (under the lock): a try is counted as a
    failure before its password is checked and taken back by :meth:`succeeded`, so many tries
    at the same moment cannot all pass a check that each of them would pass alone.
    """

    def __init__(self, per_minute: int = 30, clock: Callable[[], float] = time.monotonic):
        self.per_minute = per_minute
        self._clock = clock
        self._failures: deque[float] = deque()
        self._lock = threading.Lock()

    def _forget_old(self, now: float) -> None:
        while self._failures and now - self._failures[0] >= 60:
            self._failures.popleft()

    def _waiting(self, now: float) -> float:
        self._forget_old(now)
        if len(self._failures) < self.per_minute:
            return 0.0
        return max(0.0, 60 - (now - self._failures[0]))

    def wait(self) -> float:
        """Seconds until the next try may be checked (0: now)."""
        with self._lock:
            return self._waiting(self._clock())

    def reserve(self) -> tuple[float, float | None]:
        """``(0, token)`` when a try may be checked now, counted as a failure until
        :meth:`succeeded` takes it back; ``(seconds, None)`` when it has to wait."""
        with self._lock:
            now = self._clock()
            wait = self._waiting(now)
            if wait > 0:
                return wait, None
            self._failures.append(now)
            return 0.0, now

    def succeeded(self, token: float) -> None:
        """The try ``token`` (from :meth:`reserve`) was right: it is no failure."""
        with self._lock:
            try:
                self._failures.remove(token)
            except ValueError:  # a minute old and forgotten already
                pass

    def failed(self) -> None:
        with self._lock:
            now = self._clock()
            self._forget_old(now)
            self._failures.append(now)


@dataclass(frozen=True)
class Outcome:
    """What became of one try at the password: ``"right"``, ``"wrong"``, ``"wait"`` (the
    server's limit of failures is reached: ``seconds``), ``"busy"`` (too many checks at the
    same moment) or ``"too_long"`` (refused before hashing)."""

    result: Literal["right", "wrong", "wait", "busy", "too_long"]
    seconds: float = 0.0


class PasswordChecks:
    """The password checks of the whole server: the :class:`Throttle` of failures, at most
    ``at_once`` scrypt checks at the same moment (each takes 32 MiB and half a second of a
    core: a flood of tries must not take the server's memory and cores), and no password of
    more than :data:`MAX_PASSWORD_LENGTH` characters hashed at all.

    >>> checks = PasswordChecks()
    >>> stored = hash_password("Rathaus-Soest-2026", cost=2**10)
    >>> [checks.check(p, stored).result for p in ("Rathaus-Soest-2026", "falsch", "x" * 1001)]
    ['right', 'wrong', 'too_long']
    """

    def __init__(self, throttle: Throttle | None = None, at_once: int = CHECKS_AT_ONCE):
        self.throttle = Throttle() if throttle is None else throttle
        self._slots = threading.BoundedSemaphore(at_once)

    def check(self, password: str, stored: str) -> Outcome:
        if len(password) > MAX_PASSWORD_LENGTH:
            return Outcome("too_long")
        if not self._slots.acquire(blocking=False):
            return Outcome("busy")
        try:
            wait, token = self.throttle.reserve()
            if token is None:
                return Outcome("wait", wait)
            if verify_password(password, stored):
                self.throttle.succeeded(token)
                return Outcome("right")
            return Outcome("wrong")
        finally:
            self._slots.release()
