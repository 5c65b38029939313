"""Faults: the disk fills up in the middle of a save or an export, a process holding the
workspace's lock is killed (#13 item 6).

Where the machine allows it (root, ``mount``), the disk is a real small file system (tmpfs of a
few hundred KB), filled with a filler file so that the write runs out of room half-way: the
system itself answers ENOSPC. Without it those tests are skipped (saying why) and the simulated
ones below still run: the store's write, or the fsync that reports a full disk on file systems
with delayed allocation, raising OSError(ENOSPC) half-way.

In every case: the previous workbook, every version and an older export stay whole and
readable, no half-written or temporary file is left, the user reads "Der Speicherplatz ist
voll …" with what to do (no traceback), the CLI exits 2, and once space is freed the same
save goes through.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import BUNDLED, ROOT, write_xlsx

import network_app as na
from network_app.cli import main
from network_app.errors import DiskFull, is_disk_full
from network_app.exports import FORMATS
from network_app.exports.graphs import csv_paths
from network_app.workspace import store
from network_app.workspace.editing import rename_partner
from network_app.workspace.saving import apply_changes
from network_app.workspace.store import ENV_VAR, LOCK_FILE, Workspace

PAGE = 4096
FULL_DE = "Der Speicherplatz ist voll"


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """Mounts a tmpfs of ``size`` bytes (a real file system that fills up); skips the test,
    saying why, where mounting is not allowed."""
    mounted: list[Path] = []

    def mount(size: int) -> Path:
        if os.geteuid() != 0 or shutil.which("mount") is None:
            pytest.skip("a small file system needs root and mount; the simulated full disk "
                        "below covers the same handling")
        folder = tmp_path / f"platte{len(mounted)}"
        folder.mkdir()
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755",
                                 "tmpfs", str(folder)], capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"mounting a tmpfs is not permitted here ({result.stderr.strip()}); "
                        "the simulated full disk below covers the same handling")
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def free(folder: Path) -> int:
    stats = os.statvfs(folder)
    return stats.f_bavail * stats.f_frsize


def fill(folder: Path, leave: int) -> Path:
    """A filler file that leaves ``leave`` bytes (whole pages) free on ``folder``'s disk."""
    filler = folder / "füller.bin"
    room = free(folder) - leave
    assert room > 0, (free(folder), leave)
    with open(filler, "wb") as handle:
        handle.write(b"\0" * room)
    assert abs(free(folder) - leave) <= PAGE, (free(folder), leave)
    return filler


def pages(size: int) -> int:
    return -(-size // PAGE)


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` (but the lock and the filler) with its bytes' fingerprint."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*"))
            if p.is_file() and p.name not in (LOCK_FILE, "füller.bin")}


def leftovers(root: Path) -> list[str]:
    """Temporary files (".<name>.<random>.tmp") anywhere under ``root``."""
    return sorted(str(p.relative_to(root)) for p in root.rglob(".*") if p.name != LOCK_FILE)


def partners(content: bytes, name: str) -> list[str]:
    return list(na.load_workbook(content, filename=name).partners["name"])


def assert_whole(ws: Workspace, before: dict[str, str], versions: list) -> None:
    """Nothing of the failed change is left, and everything there reads as before."""
    assert tree(ws.root) == before
    assert not leftovers(ws.root)
    assert [v.id for v in ws.versions()] == [v.id for v in versions]
    assert ws.versions()[0].current and not any(v.pending for v in ws.versions())
    for version in ws.versions():  # every version still loads
        assert partners(ws.read_version(version.id), version.name)
    now, content = ws.open_current()
    assert partners(content, now.name)


def big_book(folder: Path, count: int, name: str = "Partner.xlsx") -> bytes:
    """A workbook of ``count`` partners (a few dozen KB: many pages on the small disk)."""
    rows = [["Name", "Kategorie", "Ort"]]
    rows += [[f"Partner {i:04d} aus dem Kreis Soest", "Austausch", "Soest"]
             for i in range(count)]
    ties = [["Von", "Nach"]] + [[rows[i][0], rows[i + 1][0]] for i in range(1, count)]
    folder.mkdir(parents=True, exist_ok=True)
    return write_xlsx(folder / name, {"Partner": rows, "Beziehungen": ties}).read_bytes()


def started(root: Path, tmp_path: Path) -> Workspace:
    """A workspace whose history is: the example (first start), then an upload."""
    ws = Workspace(root)
    ws.ensure()
    ws.replace(big_book(tmp_path / "upload", 600), "Partner.xlsx", reason="upload",
               who="Anna")
    return ws


def the_change(ws: Workspace, kind: str, tmp_path: Path) -> tuple[Callable[[], object], bytes]:
    """One change of the workspace, as the app makes it, and the bytes it would make current:
    a save of an edited workbook ("edit", written into the xlsx with openpyxl), taking over an
    upload ("upload"), restoring the first version ("restore")."""
    now, content = ws.open_current()
    if kind == "edit":
        data = na.load_workbook(content, filename=now.name)
        first = str(data.partners["name"].iloc[0])
        new, name = apply_changes(content, now.name, rename_partner(data, first, "Umbenannt"))
        return (lambda: ws.replace(new, name, reason="edit", who="Bea",
                                   expected=now.fingerprint)), new
    if kind == "upload":
        new = big_book(tmp_path / "neu", 700, name="Neu.xlsx")
        return (lambda: ws.replace(new, "Neu.xlsx", reason="upload",
                                   expected=now.fingerprint)), new
    first = ws.versions()[-1]
    return (lambda: ws.restore(first.id, expected=now.fingerprint)), BUNDLED.read_bytes()


CHANGES = ("edit", "upload", "restore")


# --------------------------------------------------------------------------- a real full disk


@pytest.mark.parametrize("where", ["version", "current"])
@pytest.mark.parametrize("kind", CHANGES)
def test_a_disk_filling_up_mid_save_leaves_the_workbook_and_versions_whole(
        small_disk, tmp_path: Path, kind: str, where: str):
    """``where``: the room runs out half-way through the copy kept as a version (written
    first), or half-way through the new current workbook (the version's copy fitted)."""
    disk = small_disk(1024 * 1024)
    ws = started(disk / "arbeitsordner", tmp_path)
    change, new = the_change(ws, kind, tmp_path)
    before, versions = tree(ws.root), ws.versions()
    half = max(1, pages(len(new)) // 2)
    # the version's copy and its version.json (one page each, twice while written atomically)
    room = half if where == "version" else pages(len(new)) + 2 + half
    filler = fill(ws.root, room * PAGE)

    with pytest.raises(DiskFull) as caught:
        change()
    assert is_disk_full(caught.value.__cause__)  # the system's own ENOSPC
    # ... and it ran out where it was meant to: in the version's copy, or in the current one
    frames = [frame.name for frame in traceback.extract_tb(caught.value.__cause__.__traceback__)]
    assert frames[-1] == "_write" and ("_write_record" in frames) == (where == "version")
    assert caught.value.text("de").startswith(FULL_DE + ": Es wurde nichts gespeichert.")
    assert caught.value.text("en").startswith("The disk is full: nothing was saved.")
    assert_whole(ws, before, versions)

    filler.unlink()  # space freed: the same change goes through
    change()
    assert ws.read_current() == new
    assert [v.id for v in ws.versions()[1:]] == [v.id for v in versions]
    assert not leftovers(ws.root)


def test_a_dropped_file_on_a_full_disk_stays_offered(small_disk, tmp_path: Path):
    disk = small_disk(1024 * 1024)
    ws = started(disk / "arbeitsordner", tmp_path)
    dropped = ws.root / "Neu.xlsx"
    dropped.write_bytes(big_book(tmp_path / "neu", 700, name="Neu.xlsx"))
    before, versions = tree(ws.root), ws.versions()
    fill(ws.root, PAGE)
    with pytest.raises(DiskFull):
        ws.take_dropped(dropped)
    assert_whole(ws, before, versions)
    assert ws.dropped() == [dropped]  # still offered, not moved aside


def _previous(output: Path, fmt: str) -> dict[Path, bytes]:
    """An older export where the new one goes: what must stay as it was."""
    targets = csv_paths(output) if fmt == "csv" else (output,)
    return {target: f"ältere Fassung von {target.name}".encode() for target in targets}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_on_a_disk_filling_up_is_a_message_and_exit_2(
        small_disk, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]):
    # how big the export is, written where there is room
    roomy = tmp_path / "roomy"
    roomy.mkdir()
    assert main(["export", str(BUNDLED), "-f", fmt, "-o", str(roomy / f"netz.{fmt}")]) == 0
    size = sum(p.stat().st_size for p in roomy.iterdir())
    assert size > 2 * PAGE, size  # big enough to run out of room half-way

    disk = small_disk(size + 64 * PAGE)
    output = disk / f"netz.{fmt}"
    previous = _previous(output, fmt)
    for target, content in previous.items():
        target.write_bytes(content)
    fill(disk, max(1, pages(size) // 2) * PAGE)
    capsys.readouterr()

    code = main(["export", str(BUNDLED), "-f", fmt, "-o", str(output)])
    out, err = capsys.readouterr()
    assert code == 2, err
    assert err.startswith(f"{FULL_DE}: »{output}« wurde nicht geschrieben"), err
    assert "Traceback" not in err and "Errno" not in err
    assert sorted(p.name for p in disk.iterdir()) == sorted(
        [*(t.name for t in previous), "füller.bin"])  # no temporary file left
    for target, content in previous.items():
        assert target.read_bytes() == content


def test_the_cli_process_says_so_in_english_too(small_disk, tmp_path: Path):
    disk = small_disk(256 * 1024)
    fill(disk, PAGE)
    output = disk / "netz.xlsx"
    result = subprocess.run([sys.executable, "-m", "network_app", "export", str(BUNDLED),
                             "-f", "xlsx", "-o", str(output), "--lang", "en"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "choose a folder on another drive with -o, and run the command again.")
    assert f"The disk is full: “{output}” was not written" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in disk.iterdir()) == ["füller.bin"]


# --------------------------------------------------------------------------- simulated


@pytest.mark.parametrize("kind", CHANGES)
def test_a_write_answered_with_enospc_half_way_is_disk_full(
        tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch):
    """Simulated (runs everywhere): the store's write of the current workbook gets half-way,
    then the system says ENOSPC."""
    ws = started(tmp_path / "arbeitsordner", tmp_path)
    change, new = the_change(ws, kind, tmp_path)
    before, versions = tree(ws.root), ws.versions()
    real_write = store._write

    def half_then_full(path: Path, data: bytes) -> None:
        if path.parent != ws.current_folder:
            return real_write(path, data)
        with open(path, "wb") as handle:
            handle.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    with monkeypatch.context() as patch:
        patch.setattr(store, "_write", half_then_full)
        with pytest.raises(DiskFull):
            change()
    assert_whole(ws, before, versions)
    change()
    assert ws.read_current() == new


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx", "pptx"])
def test_an_fsync_reporting_a_full_disk_leaves_the_older_export(
        tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]):
    """Simulated (runs everywhere): a file system that allocates late (XFS, ext4 with
    delalloc, NFS) reports the full disk only at fsync, after the writer wrote everything."""
    output = tmp_path / "aus" / f"netz.{fmt}"
    output.parent.mkdir()
    previous = _previous(output, fmt)
    for target, content in previous.items():
        target.write_bytes(content)

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    code = main(["export", str(BUNDLED), "-f", fmt, "-o", str(output)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith(f"{FULL_DE}: »{output}«"), err
    assert sorted(output.parent.iterdir()) == sorted(previous)
    for target, content in previous.items():
        assert target.read_bytes() == content


def test_a_library_error_raised_from_a_full_disk_is_said_as_a_full_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """A writer library that wraps the system's error in its own (as xlsxwriter's
    FileCreateError does) still gets the full-disk sentence, not "unexpected error"."""
    def wrapped(*args, **kwargs):
        try:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        except OSError as exc:
            raise RuntimeError("could not write the zip") from exc

    monkeypatch.setattr("network_app.cli.export", wrapped)
    code = main(["export", str(BUNDLED), "-f", "json", "-o", str(tmp_path / "n.json")])
    assert code == 2
    assert capsys.readouterr().err.startswith(FULL_DE)


# --------------------------------------------------------------------------- the app


def _app_on(folder: Path, monkeypatch: pytest.MonkeyPatch):
    from test_workspace_editor import edit, editor_page

    monkeypatch.setenv(ENV_VAR, str(folder))
    at = editor_page()
    edit(at, "partners", edited={0: {"place": "Köln"}})
    return at


def _assert_page_says_full_and_keeps_the_edit(at) -> None:
    from test_workspace_editor import text

    assert not at.exception, at.exception
    [error] = at.error
    assert FULL_DE + ": Es wurde nichts gespeichert." in text(error)
    assert "Ihre Änderungen sind noch hier" in text(error)
    assert "Noch nicht gespeichert" in text(at.info[0])  # the edit is still in the session
    assert [b for b in at.button if b.label == "Speichern"]  # and can be saved again


def _places(ws: Workspace) -> list[str]:
    now, content = ws.open_current()
    return list(na.load_workbook(content, filename=now.name).partners["place"])


def test_the_edit_page_on_a_full_disk_says_so_and_keeps_the_edits(
        small_disk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from test_workspace_editor import click

    disk = small_disk(1024 * 1024)
    ws = started(disk / "arbeitsordner", tmp_path)
    before, versions = tree(ws.root), ws.versions()
    at = _app_on(ws.root, monkeypatch)
    filler = fill(ws.root, PAGE)
    click(at, "Speichern")
    _assert_page_says_full_and_keeps_the_edit(at)
    assert_whole(ws, before, versions)
    filler.unlink()
    click(at, "Speichern")
    assert not at.error
    assert _places(ws)[0] == "Köln"


def test_the_edit_page_on_a_simulated_full_disk_says_so_and_keeps_the_edits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from test_workspace_editor import click

    ws = started(tmp_path / "arbeitsordner", tmp_path)
    before, versions = tree(ws.root), ws.versions()
    at = _app_on(ws.root, monkeypatch)

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    with monkeypatch.context() as patch:
        patch.setattr(store, "_write", full)
        click(at, "Speichern")
    _assert_page_says_full_and_keeps_the_edit(at)
    assert_whole(ws, before, versions)
    click(at, "Speichern")
    assert _places(ws)[0] == "Köln"


def test_the_workspace_page_on_a_full_disk_takes_nothing_over(
        small_disk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from streamlit.testing.v1 import AppTest

    disk = small_disk(1024 * 1024)
    ws = started(disk / "arbeitsordner", tmp_path)
    before, versions = tree(ws.root), ws.versions()
    monkeypatch.setenv(ENV_VAR, str(ws.root))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    upload = big_book(tmp_path / "neu", 700, name="Neu.xlsx")
    at.sidebar.file_uploader[0].upload("Neu.xlsx", upload).run()
    at.switch_page("app_pages/arbeitsstand.py").run()
    filler = fill(ws.root, PAGE)
    [take] = [b for b in at.button if b.label == "Übernehmen"]
    take.click().run()
    assert not at.exception, at.exception
    assert any(FULL_DE in e.value for e in at.error), [e.value for e in at.error]
    assert_whole(ws, before, versions)
    filler.unlink()
    [take] = [b for b in at.button if b.label == "Übernehmen"]
    take.click().run()
    assert ws.read_current() == upload


# --------------------------------------------------------------------------- a killed holder


_HOLDER = textwrap.dedent("""
    import pathlib, sys, time
    from network_app.workspace import store
    ws = store.Workspace(pathlib.Path(sys.argv[1]))
    real_write = store._write

    def stuck(path, data):  # the current workbook's write never ends: killed while holding
        if path.parent != ws.current_folder:
            return real_write(path, data)
        with open(path, "wb") as handle:
            handle.write(data[: len(data) // 3])
            handle.flush()
        print("holding", flush=True)
        time.sleep(600)

    store._write = stuck
    ws.replace(pathlib.Path(sys.argv[2]).read_bytes(), "Neu.xlsx", reason="edit", who="x")
""")


def test_a_killed_lock_holder_blocks_no_later_save(tmp_path: Path):
    """A process killed (SIGKILL) while it holds the lock, its pending record and a temporary
    file written: the lock died with it, the next save in another process neither waits for
    the 30 s timeout nor sees the stale record as a version, and tidies both away."""
    import fcntl
    import signal

    ws = started(tmp_path / "arbeitsordner", tmp_path)
    before, versions = ws.read_current(), ws.versions()
    source = tmp_path / "neu.xlsx"
    source.write_bytes(big_book(tmp_path / "n", 300, name="neu.xlsx"))
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(ws.root), str(source)],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        # it holds the lock now: nobody else gets it
        descriptor = os.open(ws.root / LOCK_FILE, os.O_RDWR)
        with pytest.raises(BlockingIOError):
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.close(descriptor)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    assert (ws.root / LOCK_FILE).exists()  # the lock file stays; its lock is gone
    pending = [p for p in ws.versions_folder.iterdir()
               if (p / "version.json").is_file()
               and '"pending": true' in (p / "version.json").read_text(encoding="utf-8")]
    assert len(pending) == 1  # the killed save's record
    assert ws.read_current() == before
    assert [v.id for v in ws.versions()] == [v.id for v in versions]
    assert leftovers(ws.root)  # the killed write's temporary file

    saver = subprocess.run(
        [sys.executable, "-c", textwrap.dedent("""
            import pathlib, sys, time
            from network_app.workspace import store
            ws = store.Workspace(pathlib.Path(sys.argv[1]))
            begun = time.monotonic()
            ws.replace(pathlib.Path(sys.argv[2]).read_bytes(), "Neu.xlsx", reason="edit",
                       who="next")
            print(round(time.monotonic() - begun, 1))
        """), str(ws.root), str(source)],
        capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert saver.returncode == 0, saver.stderr
    assert float(saver.stdout) < store._LOCK_WAIT_SECONDS  # no wait for the dead holder
    assert ws.read_current() == source.read_bytes()
    assert not pending[0].exists()  # the stale record is removed
    assert not leftovers(ws.root)
    assert [v.who for v in ws.versions()[:2]] == ["next", versions[0].who]
    assert not any(v.pending for v in ws.versions())


_SAVING_LOOP = textwrap.dedent("""
    import pathlib, sys
    from network_app.workspace import store
    # counting the partners (a child process reading the workbook) is skipped: the loop's time
    # goes to the writes, where the kills should land; the writes are the real ones
    store.measure = lambda content, name: {"partners": 0, "relations": 0,
                                           "activities": 0, "programmes": 0}
    ws = store.Workspace(pathlib.Path(sys.argv[1]))
    books = [pathlib.Path(p).read_bytes() for p in sys.argv[2:]]
    print("ready", flush=True)
    i = 0
    while True:
        ws.replace(books[i % len(books)], "netz.xlsx" if i % 3 else "anders.xlsx",
                   reason="edit", who=str(i))
        i += 1
""")


def test_a_saver_killed_at_any_moment_leaves_a_whole_workbook(tmp_path: Path):
    """No slowing down, no patched write: a process saving in a loop is killed (SIGKILL) at
    moments of a fixed pseudo-random sequence; each time the current workbook is one that was
    saved whole, every version reads, and the next save goes through and tidies up."""
    import random
    import signal
    import time

    ws = started(tmp_path / "arbeitsordner", tmp_path)
    books = [tmp_path / f"buch{i}.xlsx" for i in range(2)]
    for i, book in enumerate(books):
        book.write_bytes(big_book(tmp_path / f"b{i}", 1500 + 300 * i, name=book.name))
    whole = {*(ws.read_version(v.id) for v in ws.versions()), *(b.read_bytes() for b in books)}
    moments = random.Random(13)
    for _ in range(6):
        saver = subprocess.Popen([sys.executable, "-c", _SAVING_LOOP, str(ws.root),
                                  *map(str, books)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert saver.stdout is not None and saver.stdout.readline().strip() == "ready"
        time.sleep(moments.uniform(0.05, 1.5))
        saver.send_signal(signal.SIGKILL)
        saver.wait(timeout=30)
        assert saver.returncode == -signal.SIGKILL

        assert ws.read_current() in whole  # the previous or the new one, never a broken one
        assert ws.versions()[0].current
        for version in ws.versions():
            content = ws.read_version(version.id)
            assert store.fingerprint(content) == version.fingerprint
            assert content in whole
        # the next save (the app's, in this process) neither waits nor trips over leftovers
        begun = time.monotonic()
        ws.replace(books[0].read_bytes(), "netz.xlsx", reason="edit", who="danach")
        assert time.monotonic() - begun < store._LOCK_WAIT_SECONDS
        assert ws.read_current() == books[0].read_bytes()
        assert not leftovers(ws.root)
        assert not any(v.pending for v in ws.versions())
        assert len(list(ws.current_folder.iterdir())) == 1


def test_what_a_kill_leaves_in_the_versions_folder_is_tidied_by_the_next_change(
        tmp_path: Path):
    """A kill while a version was recorded leaves a folder without version.json (no version)
    or a temporary version.json beside the real one; the next change removes both and keeps
    every version."""
    ws = started(tmp_path / "arbeitsordner", tmp_path)
    versions = ws.versions()
    unrecorded = ws.versions_folder / "20200101-000000-000000"
    unrecorded.mkdir()
    (unrecorded / "netz.xlsx").write_bytes(ws.read_current()[:100])
    temporary = versions[0].path.parent / ".version.json.0123456789ab.tmp"
    temporary.write_text('{"id": ', encoding="utf-8")
    assert [v.id for v in ws.versions()] == [v.id for v in versions]  # neither is a version

    ws.replace(big_book(tmp_path / "n", 50), "netz.xlsx", reason="edit")
    assert not unrecorded.exists() and not temporary.exists()
    assert [v.id for v in ws.versions()[1:]] == [v.id for v in versions]
    assert not leftovers(ws.root)


def test_an_export_in_the_app_on_a_full_disk_says_so(small_disk, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    """The app writes an export into a temporary folder first: with that disk full the page
    says so in plain words (no "[Errno 28]", no path of the server) and stays usable."""
    import tempfile

    from streamlit.testing.v1 import AppTest

    disk = small_disk(8 * 1024 * 1024)  # room for the picture once the filler is gone
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "arbeitsordner"))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    filler = fill(disk, PAGE)
    monkeypatch.setattr(tempfile, "tempdir", str(disk))
    at.selectbox(key="export_format").set_value("png").run()
    at.button(key="export_build").click().run()
    assert not at.exception, at.exception
    [error] = at.error
    assert error.value.startswith("Der Speicherplatz auf dem Server ist voll: Der Export")
    assert "Errno" not in error.value and str(disk) not in error.value
    assert sorted(p.name for p in disk.iterdir()) == ["füller.bin"]  # nothing left behind
    filler.unlink()
    at.button(key="export_build").click().run()
    assert not at.error, [e.value for e in at.error]
    assert at.session_state["export_result"]["data"].startswith(b"\x89PNG")


def test_the_edit_page_says_a_full_disk_in_english_too(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch):
    from test_workspace_editor import click, edit, editor_page, text

    ws = started(tmp_path / "arbeitsordner", tmp_path)
    monkeypatch.setenv(ENV_VAR, str(ws.root))
    at = editor_page("English")
    edit(at, "partners", edited={0: {"place": "Köln"}})

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    with monkeypatch.context() as patch:
        patch.setattr(store, "_write", full)
        click(at, "Save")
    [error] = at.error
    assert "The disk is full: nothing was saved." in text(error)
    assert "Your changes are still here" in text(error)
    assert "Speicherplatz" not in text(error)
