"""The workspace: the folder on the machine where the lab's current workbook and its versions live.

Which folder (:meth:`Workspace.resolve`): a path given explicitly (the CLI's ``--workspace``, the
app's ``st.secrets["workspace"]``), else the environment variable ``PARTNERNETZ_WORKSPACE``, else
``workspace/`` at the project root (ignored by git). Its layout, readable in a file manager::

    workspace/
    ├── aktuell/Partner.xlsx        the current workbook: one file, under its own name
    ├── versionen/
    │   └── 20261129-153040-123456/ one folder per version (id = UTC time, sortable)
    │       ├── Partner.xlsx        the workbook exactly as it was
    │       └── version.json        when, why (reason), who (and how signed in), a note, size,
    │                               counts, fingerprint
    ├── übernommen/                 files put into the folder by hand, after they were taken over
    ├── beiseitegelegt/             files put into the folder by hand that the user set aside
    ├── Neu.xlsx                    a file put here by hand: offered in the app (:meth:`dropped`)
    └── .lock                       locked (``fcntl.flock``) while the workspace changes

A version is a workbook that was current once: it is recorded when it becomes current, with how
that came about (``reason``: "first_start", "upload", "edit", "restore", "dropped"), who and a
note. So the newest version is the current workbook, and a change never loses the previous one.
Someone may still change ``aktuell/`` outside the app (open it in Excel and save): before the next
change that file is kept as a version with the reason "outside". A version's bytes are recorded
before they are written as the current workbook, marked "pending" until they are: a crash in
between leaves a record that is no version, removed by the next change. Nothing here deletes a
version (only the record of a write that failed before its workbook became current).

Writes (:meth:`Workspace.replace`) hold the lock, refuse with
:class:`~network_app.errors.ChangedOnDisk` when the caller's ``expected`` fingerprint is no longer
the current one (another session or Excel saved in between), and write atomically (temporary file
in the same folder, fsync, rename, fsync of the folder; :mod:`network_app.atomic`): a crash or a
full disk in the middle leaves the previous current workbook whole (a full disk or storage
quota raises :class:`~network_app.errors.DiskFull`, whose sentence says so). Reading needs no
lock: a rename is atomic, so a reader gets the old file or the new one. The bundled example is
only ever read.

>>> import tempfile
>>> ws = Workspace(Path(tempfile.mkdtemp()) / "workspace")
>>> ws.ensure().name
'stadtlabor_soest.xlsx'
>>> [v.reason for v in ws.versions()]
['first_start']
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING, Any

from ..atomic import atomic_target, fsync_folder
from ..errors import ChangedOnDisk, DiskFull, NetworkAppError, WorkspaceError, is_disk_full
from ..text import say, words
from ..text.format import moment
from ..workbook.safety import TEXT_EXTENSIONS, WORKBOOK_EXTENSIONS

if TYPE_CHECKING:  # the loader pulls in pandas: the store does only when it measures
    from ..workbook.validation import PartnerData

__all__ = [
    "CURRENT_FOLDER",
    "ENV_VAR",
    "KINDS",
    "REASONS",
    "Current",
    "Version",
    "Workspace",
    "counts",
    "fingerprint",
    "measure",
]

#: The environment variable naming the workspace folder.
ENV_VAR = "PARTNERNETZ_WORKSPACE"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FOLDER = PROJECT_ROOT / "workspace"
#: The example copied in on the first start (never written).
BUNDLED_EXAMPLE = PROJECT_ROOT / "data" / "stadtlabor_soest.xlsx"

CURRENT_FOLDER = "aktuell"
VERSIONS_FOLDER = "versionen"
TAKEN_FOLDER = "übernommen"
SET_ASIDE_FOLDER = "beiseitegelegt"
LOCK_FILE = ".lock"
VERSION_FILE = "version.json"

#: How a version came about; "outside" is recorded by the workspace itself for a current
#: workbook changed outside the app. Their words: catalog section "workspace.store.reasons".
REASONS = ("first_start", "upload", "edit", "restore", "dropped", "outside")
#: The four tables of a workbook, by the key PartnerData uses: what :func:`measure` counts (the
#: keys of :attr:`Version.counts`) and what the editor edits (the one definition of them).
KINDS: tuple[str, ...] = ("partners", "relations", "activities", "programmes")

_ID = re.compile(r"^\d{8}-\d{6}-\d{6}(-\d+)?$")
_SUPPORTED = WORKBOOK_EXTENSIONS | TEXT_EXTENSIONS
#: What is offered when put into the folder by hand: not ".txt", which is more often a note
#: someone keeps there than a list of ties.
_OFFERED = _SUPPORTED - {"txt"}
#: How long a change waits for another session's change to finish before giving up.
_LOCK_WAIT_SECONDS = 30.0


def fingerprint(content: bytes) -> str:
    """The fingerprint of a file's bytes (sha256, hex): equal bytes, equal fingerprint.

    >>> fingerprint(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(content).hexdigest()


def measure(content: bytes, filename: str) -> dict[str, int]:
    """Partners, relations, activities and programmes of a workbook's bytes, by loading it
    in a child process with a time and a memory limit (an upload, or a file dropped into the
    folder: :mod:`network_app.workbook.isolated`).

    Raises :class:`~network_app.errors.UnreadableFileError` for a file that is no workbook.
    """
    from ..workbook.isolated import load_isolated  # the loader pulls in pandas; only here

    return counts(load_isolated(content, filename))


def counts(data: PartnerData) -> dict[str, int]:
    """Partners, relations, activities and programmes of a loaded workbook."""
    return {kind: len(getattr(data, kind)) for kind in KINDS}


@dataclass(frozen=True)
class Current:
    """The current workbook: its file in ``aktuell/`` and what identifies its content."""

    path: Path
    name: str
    fingerprint: str
    #: When the file was last written (aware, UTC).
    modified: dt.datetime
    size: int


@dataclass(frozen=True)
class Version:
    """A workbook that was current once, as it was, with how it came about."""

    id: str
    path: Path
    name: str
    #: When it became current (aware, UTC).
    created: dt.datetime
    reason: str
    note: str
    who: str
    size: int
    #: Partners, relations, activities, programmes when it was recorded (None: not readable).
    counts: Mapping[str, int] | None
    fingerprint: str
    #: For a restore: the id of the version restored.
    restored_from: str = ""
    #: How whoever made it was signed in: "oidc" (``who`` is the name the identity provider
    #: gave, not typed), "password" (``who`` typed under the shared password), "" (no login).
    login: str = ""
    #: Whether this is the version the current workbook is (the newest with its fingerprint).
    current: bool = False
    #: Recorded for a write that has not made it current yet (see :meth:`Workspace.versions`).
    pending: bool = False

    def describe(self, lang: str = "de") -> str:
        """How it came about, in plain words: "Hochgeladen", "Stand vom … wiederhergestellt"."""
        reason = words("workspace.store", lang)["reasons"].get(self.reason, self.reason)
        if self.reason == "restore" and self.restored_from and _ID.match(self.restored_from):
            return say("workspace.store.restored_from", lang,
                       date=moment(_created_of(self.restored_from), lang))
        return str(reason)


def _created_of(version_id: str) -> dt.datetime:
    return dt.datetime.strptime(version_id[:22], "%Y%m%d-%H%M%S-%f").replace(
        tzinfo=dt.UTC)


#: The longest file name the workspace writes (bytes in UTF-8): a file system allows 255, and
#: a temporary file (".<name>.<random>.tmp") or a file set aside ("<id>_<name>") adds to it.
_NAME_BYTES = 200


def _file_name(filename: str) -> str:
    """The bare name of an upload or dropped file, safe as a file name in the workspace; an
    over-long one is shortened, keeping its ending.

    >>> name = _file_name("x" * 300 + ".xlsx")
    >>> len(name.encode()), name[-8:]
    (200, 'xxx.xlsx')
    """
    name = PureWindowsPath(str(filename)).name.strip()  # also strips "C:\\…\\" and "../"
    if name in ("", ".", "..") or name.startswith((".", "~$")) or "\x00" in name:
        raise WorkspaceError("workspace_file_name", name=str(filename))
    if len(name.encode()) > _NAME_BYTES:
        suffix = Path(name).suffix[:16]
        stem = name[:len(name) - len(Path(name).suffix)]
        room = _NAME_BYTES - len(suffix.encode())
        stem = stem.encode()[:room].decode(errors="ignore").rstrip()
        name = stem + suffix
    return name


def _is_workbook_file(path: Path, endings: frozenset[str] = _SUPPORTED) -> bool:
    """A file the workspace treats as a workbook: not hidden, not an office lock file
    ("~$Partner.xlsx", ".~lock.Partner.xlsx#"), not a temporary file, a supported ending."""
    return (not path.name.startswith((".", "~$")) and path.suffix[1:].lower() in endings
            and path.is_file())


def _stat_moment(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)


def _write(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` (the temporary file of an atomic write) and sync it."""
    with open(path, "wb") as handle:
        for start in range(0, len(content), 1 << 20):
            handle.write(content[start:start + (1 << 20)])
        handle.flush()
        os.fsync(handle.fileno())


@dataclass(frozen=True)
class Workspace:
    """A workspace folder (see the module docstring). Create it with :meth:`resolve`."""

    root: Path
    example: Path = field(default=BUNDLED_EXAMPLE)

    # ------------------------------------------------------------------ where

    @classmethod
    def resolve(cls, explicit: str | os.PathLike[str] | None = None, *,
                environ: Mapping[str, str] | None = None) -> Workspace:
        """The workspace: ``explicit`` > ``$PARTNERNETZ_WORKSPACE`` > ``<project>/workspace``.

        An empty value counts as not given; ``~`` is the user's home.

        >>> Workspace.resolve("/srv/netz").root
        PosixPath('/srv/netz')
        >>> Workspace.resolve(None, environ={"PARTNERNETZ_WORKSPACE": "/data/ws"}).root
        PosixPath('/data/ws')
        >>> Workspace.resolve("", environ={}).root == DEFAULT_FOLDER
        True
        """
        environ = os.environ if environ is None else environ
        for candidate in (explicit, environ.get(ENV_VAR)):
            if candidate is not None and str(candidate).strip():
                return cls(Path(str(candidate).strip()).expanduser())
        return cls(DEFAULT_FOLDER)

    @property
    def current_folder(self) -> Path:
        return self.root / CURRENT_FOLDER

    @property
    def versions_folder(self) -> Path:
        return self.root / VERSIONS_FOLDER

    # ------------------------------------------------------------------ reading

    def ensure(self) -> Current:
        """Create the folders; on the first start copy the bundled example in as the current
        workbook (recorded as the version "first_start"). Returns the current workbook.

        When ``aktuell/`` was emptied by hand but versions exist, the newest version becomes
        current again (reason "restore"): the lab's data never fall back to the example."""
        self._make_folders()
        with self._locked():
            if not self._current_files():
                newest = next(iter(self.versions()), None)
                if newest is not None:
                    content = newest.path.read_bytes()
                    self._make_current(content, newest.name, reason="restore",
                                       counts=newest.counts, restored_from=newest.id)
                else:
                    content, name = self._first_workbook()
                    self._make_current(content, name, reason="first_start",
                                       counts=_counts_or_none(content, name))
        return self.current()

    def current(self) -> Current:
        """The current workbook (raises WorkspaceError "no_current_workbook" before
        :meth:`ensure`)."""
        return self.open_current()[0]

    def read_current(self) -> bytes:
        """The current workbook's bytes."""
        return self.open_current()[1]

    def open_current(self) -> tuple[Current, bytes]:
        """The current workbook and its bytes, read together: the fingerprint is that of
        exactly these bytes even when another session replaces the file meanwhile."""
        for _attempt in range(5):
            files = self._current_files()
            if not files:
                raise WorkspaceError("no_current_workbook", path=str(self.root))
            path = files[0]
            try:
                content = path.read_bytes()
                modified = _stat_moment(path)
            except FileNotFoundError:  # replaced under a new name just now: look again
                continue
            return Current(path=path, name=path.name, fingerprint=fingerprint(content),
                           modified=modified, size=len(content)), content
        raise WorkspaceError("workspace_busy")

    def versions(self) -> list[Version]:
        """Every version, newest first. A version folder without a readable version.json, left
        by a crash while it was recorded, is not one; nor is the record of a write still
        "pending" (made before the workbook is written, settled after), unless its workbook
        did become current (a crash between the two): a workbook that was never current is
        never offered as a version."""
        found = []
        if self.versions_folder.is_dir():
            for folder in self.versions_folder.iterdir():
                version = self._read_version_file(folder)
                if version is not None:
                    found.append(version)
        found.sort(key=lambda v: v.id, reverse=True)
        try:
            now = self.current().fingerprint
        except WorkspaceError:
            return [v for v in found if not v.pending]
        found = [v for v in found if not v.pending or v.fingerprint == now]
        for i, version in enumerate(found):
            if version.fingerprint == now:
                found[i] = dataclasses.replace(version, current=True)
                break
        return found

    def version(self, version_id: str) -> Version:
        """The version ``version_id`` (WorkspaceError "version_not_found" when there is none)."""
        if not isinstance(version_id, str) or not _ID.match(version_id):
            raise WorkspaceError("version_not_found", version=str(version_id))
        version = self._read_version_file(self.versions_folder / version_id)
        if version is None:
            raise WorkspaceError("version_not_found", version=version_id)
        return version

    def read_version(self, version_id: str) -> bytes:
        """The bytes of the version ``version_id``, exactly as recorded."""
        return self.version(version_id).path.read_bytes()

    def dropped(self) -> list[Path]:
        """Workbook files someone put into the workspace folder by hand (top level), by name."""
        if not self.root.is_dir():
            return []
        return sorted((p for p in self.root.iterdir() if _is_workbook_file(p, _OFFERED)),
                      key=lambda p: p.name)

    # ------------------------------------------------------------------ changing

    def replace(self, content: bytes, filename: str, *, reason: str, note: str = "",
                who: str = "", expected: str | None = None,
                restored_from: str = "", login: str = "") -> Current:
        """Make ``content`` the current workbook, named ``filename`` (its bare name).

        ``expected``: the fingerprint of the current workbook the caller loaded; when the
        current one is another by now, raises :class:`~network_app.errors.ChangedOnDisk` and
        writes nothing. A file that is no workbook at all raises
        :class:`~network_app.errors.UnreadableFileError` before anything is written (problems
        in the data do not: they are the user's to fix later). The previous current workbook
        stays a version; a new name replaces the old one in ``aktuell/``.
        """
        if reason not in REASONS:
            raise ValueError(f"unknown reason {reason!r}; one of {REASONS}")
        name = _file_name(filename)
        counts = measure(content, name)  # outside the lock: loading may take a moment
        with _said_when_full():
            self._make_folders()
        with _said_when_full(), self._locked():
            self._check_expected(expected)
            return self._make_current(content, name, reason=reason, note=note, who=who,
                                      counts=counts, restored_from=restored_from,
                                      login=login)[0]

    def restore(self, version_id: str, *, who: str = "", expected: str | None = None,
                note: str = "", login: str = "") -> Current:
        """Make the version ``version_id`` current again: a new version (reason "restore");
        no version is deleted."""
        version = self.version(version_id)
        return self.replace(version.path.read_bytes(), version.name, reason="restore",
                            note=note, who=who, expected=expected, restored_from=version.id,
                            login=login)

    def take_dropped(self, path: str | os.PathLike[str], *, who: str = "", note: str = "",
                     expected: str | None = None, seen: str | None = None,
                     login: str = "") -> Current:
        """Make a file from :meth:`dropped` the current workbook (reason "dropped") and move it
        into ``übernommen/``, so it is not offered again.

        ``seen``: the fingerprint of the dropped file as the user previewed it; when the file
        changed since, raises ChangedOnDisk. ``expected`` as for :meth:`replace`.
        """
        source = self._dropped_file(path)
        content = source.read_bytes()
        if seen is not None and fingerprint(content) != seen:
            raise ChangedOnDisk(name=source.name, expected=seen, found=fingerprint(content))
        counts = measure(content, source.name)
        with _said_when_full():
            self._make_folders()
        with _said_when_full(), self._locked():
            self._check_expected(expected)
            # the folder it moves to first: a full disk refuses it before anything is written
            (self.root / TAKEN_FOLDER).mkdir(exist_ok=True)
            current, version = self._make_current(content, _file_name(source.name),
                                                  reason="dropped",
                                                  note=note, who=who, counts=counts,
                                                  login=login)
            self._move_aside(source, TAKEN_FOLDER, prefix=version.id)
        return current

    def set_aside(self, path: str | os.PathLike[str]) -> Path:
        """Move a file from :meth:`dropped` into ``beiseitegelegt/`` without taking it over
        (nothing is deleted); returns where it is now."""
        source = self._dropped_file(path)
        with _said_when_full():
            self._make_folders()
        with _said_when_full(), self._locked():
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
            return self._move_aside(source, SET_ASIDE_FOLDER, prefix=stamp)

    # ------------------------------------------------------------------ inside

    def _make_folders(self) -> None:
        for folder in (self.root, self.current_folder, self.versions_folder):
            folder.mkdir(parents=True, exist_ok=True)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the workspace's lock (between processes and between threads: each holder opens
        the lock file itself). The system drops it when a holder dies, so a crash never leaves
        the workspace locked."""
        descriptor = os.open(self.root / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock(descriptor)
            yield
        finally:
            os.close(descriptor)  # closing releases the lock

    def _current_files(self) -> list[Path]:
        """The workbook files in ``aktuell/``, newest first: normally one; more only after a
        crash between writing a new name and removing the old one, and then the newest is
        the current one."""
        if not self.current_folder.is_dir():
            return []
        files = []
        for path in self.current_folder.iterdir():
            with contextlib.suppress(FileNotFoundError):
                if _is_workbook_file(path):
                    files.append((path.stat().st_mtime_ns, path.name, path))
        files.sort(reverse=True)
        return [path for _, _, path in files]

    def _check_expected(self, expected: str | None) -> None:
        if expected is None:
            return
        files = self._current_files()
        found = fingerprint(files[0].read_bytes()) if files else None
        if found != expected:
            name = files[0].name if files else CURRENT_FOLDER
            raise ChangedOnDisk(name=name, expected=expected, found=found)

    def _make_current(self, content: bytes, name: str, *, reason: str, counts: Any,
                      note: str = "", who: str = "", restored_from: str = "",
                      login: str = "") -> tuple[Current, Version]:
        """Under the lock: keep what is in ``aktuell/`` and not yet a version, record
        ``content`` as a version, write it as the current workbook, remove the other files
        there. Recorded first, so that the bytes are safe before anything is replaced; when the
        write fails, the record of what never became current goes again."""
        self._remove_stale_temporaries()
        self._settle_pending()
        self._keep_unrecorded()
        version = self._record(content, name, reason=reason, note=note, who=who,
                               counts=counts, restored_from=restored_from, pending=True,
                               login=login)
        target = self.current_folder / name
        try:
            with atomic_target(target) as temporary:
                _write(temporary, content)
        except BaseException:
            shutil.rmtree(version.path.parent, ignore_errors=True)
            raise
        for other in self._current_files():
            if other != target:
                other.unlink(missing_ok=True)
        fsync_folder(self.current_folder)
        # it is current now; should this fail, the record is still read as a version
        # (pending, with the current fingerprint) and settled by the next change
        with contextlib.suppress(OSError):
            self._settle(version.path.parent)
        current = Current(path=target, name=name, fingerprint=version.fingerprint,
                          modified=_stat_moment(target), size=len(content))
        return current, dataclasses.replace(version, pending=False)

    def _settle_pending(self) -> None:
        """Under the lock: the records of writes a crash interrupted. One whose workbook did
        become current is settled; one whose workbook never did is removed (its bytes were
        never the lab's workbook), as is a record a crash left before its version.json was
        written (no version: :meth:`_record` writes that file last)."""
        if not self.versions_folder.is_dir():
            return
        current = {fingerprint(p.read_bytes()) for p in self._current_files()}
        for folder in self.versions_folder.iterdir():
            if (_ID.match(folder.name) and folder.is_dir()
                    and not (folder / VERSION_FILE).exists()):
                shutil.rmtree(folder, ignore_errors=True)
                continue
            version = self._read_version_file(folder)
            if version is None or not version.pending:
                continue
            if version.fingerprint in current:
                self._settle(folder)
            else:
                shutil.rmtree(folder, ignore_errors=True)

    def _settle(self, folder: Path) -> None:
        """Mark the record in ``folder`` as no longer pending (its workbook is current)."""
        record = json.loads((folder / VERSION_FILE).read_text(encoding="utf-8"))
        record.pop("pending", None)
        with atomic_target(folder / VERSION_FILE) as temporary:
            _write(temporary, json.dumps(record, ensure_ascii=False, indent=2).encode())

    def _keep_unrecorded(self) -> None:
        """Keep every file in ``aktuell/`` that no version holds (changed outside the app, or
        written just before a crash) as a version "outside"."""
        known = {v.fingerprint for v in self.versions()}
        for path in reversed(self._current_files()):  # oldest first, so ids keep the order
            content = path.read_bytes()
            if fingerprint(content) not in known:
                self._record(content, path.name, reason="outside",
                             counts=_counts_or_none(content, path.name))
                known.add(fingerprint(content))

    def _remove_stale_temporaries(self) -> None:
        """Temporary files of a write that was killed: of the current workbook, or of a
        version's file or version.json (only a lock holder writes them, and we hold the
        lock)."""
        for path in self.current_folder.glob(".*.tmp"):
            path.unlink(missing_ok=True)
        for path in self.versions_folder.glob("*/.*.tmp"):
            path.unlink(missing_ok=True)

    def _record(self, content: bytes, name: str, *, reason: str, counts: Any,
                note: str = "", who: str = "", restored_from: str = "",
                pending: bool = False, login: str = "") -> Version:
        """Record ``content`` as a new version (under the lock). version.json is written last:
        a folder without it is no version. ``pending``: recorded before ``content`` is written
        as the current workbook (:meth:`versions`)."""
        created = dt.datetime.now(dt.UTC)
        base = created.strftime("%Y%m%d-%H%M%S-%f")
        version_id, n = base, 1
        while (self.versions_folder / version_id).exists():
            version_id, n = f"{base}-{n}", n + 1
        folder = self.versions_folder / version_id
        folder.mkdir()
        try:
            self._write_record(folder, content, name)
        except BaseException:  # a full disk, no rights: no half-written version is left
            shutil.rmtree(folder, ignore_errors=True)
            raise
        version = Version(id=version_id, path=folder / name, name=name, created=created,
                          reason=reason, note=note, who=who, size=len(content),
                          counts=dict(counts) if counts is not None else None,
                          fingerprint=fingerprint(content), restored_from=restored_from,
                          pending=pending, login=login)
        record = {"id": version.id, "name": name, "created": created.isoformat(),
                  "reason": reason, "note": note, "who": who, "size": version.size,
                  "counts": version.counts, "fingerprint": version.fingerprint,
                  "restored_from": restored_from, "login": login}
        if pending:
            record["pending"] = True
        try:
            with atomic_target(folder / VERSION_FILE) as temporary:
                _write(temporary, json.dumps(record, ensure_ascii=False, indent=2).encode())
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        fsync_folder(self.versions_folder)
        return version

    @staticmethod
    def _write_record(folder: Path, content: bytes, name: str) -> None:
        with atomic_target(folder / name) as temporary:
            _write(temporary, content)

    def _read_version_file(self, folder: Path) -> Version | None:
        if not _ID.match(folder.name):
            return None
        try:
            record = json.loads((folder / VERSION_FILE).read_text(encoding="utf-8"))
            name = str(record["name"])
            if _file_name(name) != name or not (folder / name).is_file():
                return None
            counts = record.get("counts")
            return Version(
                id=folder.name, path=folder / name, name=name,
                created=dt.datetime.fromisoformat(record["created"]),
                reason=str(record["reason"]), note=str(record.get("note") or ""),
                who=str(record.get("who") or ""), size=int(record["size"]),
                counts={str(k): int(v) for k, v in counts.items()} if counts else None,
                fingerprint=str(record["fingerprint"]),
                restored_from=str(record.get("restored_from") or ""),
                pending=record.get("pending") is True,
                login=str(record.get("login") or ""))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def _first_workbook(self) -> tuple[bytes, str]:
        """The bundled example's bytes (read only); without it (an installed package has no
        ``data/``) the empty template."""
        if self.example.is_file():
            return self.example.read_bytes(), self.example.name
        from ..workbook.template import write_template

        with tempfile.TemporaryDirectory() as folder:
            path = write_template(Path(folder) / "Partnernetz.xlsx")
            return path.read_bytes(), path.name

    def _dropped_file(self, path: str | os.PathLike[str]) -> Path:
        source = Path(path)
        if (source.parent.resolve() != self.root.resolve()
                or not _is_workbook_file(source, _OFFERED)):
            raise WorkspaceError("not_dropped", name=source.name)
        return source

    def _move_aside(self, source: Path, folder_name: str, *, prefix: str) -> Path:
        folder = self.root / folder_name
        folder.mkdir(exist_ok=True)
        target = folder / f"{prefix}_{_file_name(source.name)}"
        os.replace(source, target)
        fsync_folder(self.root)
        fsync_folder(folder)
        return target


@contextlib.contextmanager
def _said_when_full() -> Iterator[None]:
    """Turn the system's "no space left" (or "quota used up") during a change into
    :class:`~network_app.errors.DiskFull`, whose sentence says that nothing was written and
    what to do; other errors pass unchanged."""
    try:
        yield
    except OSError as exc:
        if is_disk_full(exc):
            raise DiskFull() from exc
        raise


def _counts_or_none(content: bytes, name: str) -> dict[str, int] | None:
    try:
        return measure(content, name)
    except NetworkAppError:
        return None


if sys.platform == "win32":  # pragma: no cover - the lab's server runs Linux
    import msvcrt

    def _lock(descriptor: int) -> None:
        deadline = time.monotonic() + _LOCK_WAIT_SECONDS
        while True:
            try:
                msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise WorkspaceError("workspace_busy") from None
                time.sleep(0.05)
else:
    import fcntl

    def _lock(descriptor: int) -> None:
        deadline = time.monotonic() + _LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WorkspaceError("workspace_busy") from None
                time.sleep(0.02)
