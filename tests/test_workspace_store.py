"""The workspace folder: first start, versions, refusals, concurrent and interrupted writes,
files dropped in by hand, where the folder is, and the CLI working on it."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from conftest import BUNDLED, ROOT, write_xlsx

from network_app import (
    ChangedOnDisk,
    DiskFull,
    UnreadableFileError,
    Workspace,
    WorkspaceError,
    load_workbook,
)
from network_app.workspace import store
from network_app.workspace.store import DEFAULT_FOLDER, ENV_VAR, fingerprint, measure


def book(folder: Path, *partners: str, name: str = "netz.xlsx") -> bytes:
    """A small workbook's bytes with these partners (and one relation between the first two)."""
    sheets = {"Partner": [["Name", "Kategorie"]] + [[p, "Austausch"] for p in partners]}
    if len(partners) > 1:
        sheets["Beziehungen"] = [["Von", "Nach"], [partners[0], partners[1]]]
    folder.mkdir(parents=True, exist_ok=True)
    return write_xlsx(folder / name, sheets).read_bytes()


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` (but the lock) with the fingerprint of its bytes."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".lock"}


def partner_names(content: bytes, name: str = "x.xlsx") -> list[str]:
    return list(load_workbook(content, filename=name).partners["name"])


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws")


@pytest.fixture
def started(ws: Workspace, tmp_path: Path) -> Workspace:
    """A workspace whose current workbook is a small one (A, B), recorded as an upload."""
    ws.ensure()
    ws.replace(book(tmp_path / "src", "A", "B"), "netz.xlsx", reason="upload", who="Anna")
    return ws


# --------------------------------------------------------------------------- first start


def test_first_start_copies_the_bundled_example_and_never_writes_it(ws: Workspace):
    before = BUNDLED.stat()
    bundled = BUNDLED.read_bytes()

    current = ws.ensure()
    assert current.name == BUNDLED.name
    assert current.path == ws.root / "aktuell" / BUNDLED.name
    assert ws.read_current() == bundled
    assert current.fingerprint == fingerprint(bundled) and current.size == len(bundled)
    [first] = ws.versions()
    assert first.reason == "first_start" and first.current
    assert first.counts == measure(bundled, BUNDLED.name)
    assert first.counts["partners"] > 0
    assert ws.read_version(first.id) == bundled

    # a second start changes nothing; editing the workspace never touches data/
    assert ws.ensure() == current
    ws.replace(book(ws.root.parent / "src", "A", "B"), "x.xlsx", reason="edit")
    ws.restore(first.id)
    after = BUNDLED.stat()
    assert BUNDLED.read_bytes() == bundled
    assert (after.st_mtime_ns, after.st_size, after.st_ino) == (
        before.st_mtime_ns, before.st_size, before.st_ino)


def test_first_start_without_the_bundled_example_uses_the_empty_template(tmp_path: Path):
    ws = Workspace(tmp_path / "ws", example=tmp_path / "missing.xlsx")
    current = ws.ensure()
    assert current.name.endswith(".xlsx")
    assert "Partner" in load_workbook(ws.read_current(), filename=current.name).sheets.values()


def test_sessions_starting_at_once_copy_the_example_once(ws: Workspace):
    barrier = threading.Barrier(4)
    found: list[str] = []

    def start() -> None:
        barrier.wait()
        found.append(ws.ensure().fingerprint)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert found == [fingerprint(BUNDLED.read_bytes())] * 4
    assert [v.reason for v in ws.versions()] == ["first_start"]


def test_current_before_the_first_start_says_so(ws: Workspace):
    with pytest.raises(WorkspaceError) as caught:
        ws.current()
    assert caught.value.code == "no_current_workbook"
    assert str(ws.root) in caught.value.text("en")


# --------------------------------------------------------------------------- versions


def test_replace_keeps_the_previous_as_a_version_with_metadata(started: Workspace,
                                                               tmp_path: Path):
    previous = started.current()
    old_bytes = started.read_current()
    new_bytes = book(tmp_path / "src2", "A", "B", "C")

    current = started.replace(new_bytes, "netz.xlsx", reason="edit", who="Ben",
                              note="Partner »C« ergänzt", expected=previous.fingerprint)

    assert started.read_current() == new_bytes
    assert current.fingerprint == fingerprint(new_bytes) == started.current().fingerprint
    newest, kept, first = started.versions()[:3]
    assert [v.reason for v in started.versions()] == ["edit", "upload", "first_start"]
    assert started.read_version(kept.id) == old_bytes
    assert kept.fingerprint == previous.fingerprint and not kept.current
    assert (kept.who, kept.counts) == ("Anna", {"partners": 2, "relations": 1,
                                                "activities": 0, "programmes": 0})
    assert newest.current and newest.who == "Ben" and newest.note == "Partner »C« ergänzt"
    assert newest.counts["partners"] == 3 and newest.size == len(new_bytes)
    assert newest.created.tzinfo is not None and newest.created >= kept.created
    assert newest.id > kept.id > first.id  # ids sort as time does
    # the metadata is in a plain JSON file beside the copy
    record = json.loads((newest.path.parent / "version.json").read_text(encoding="utf-8"))
    assert record["reason"] == "edit" and record["who"] == "Ben"


def test_a_new_file_name_replaces_the_old_one(started: Workspace, tmp_path: Path):
    csv = b"Name;Kategorie\nA;Austausch\nB;Netzwerk\n"
    started.replace(csv, "liste.csv", reason="upload")
    assert [p.name for p in started.current_folder.iterdir()] == ["liste.csv"]
    xlsx = book(tmp_path / "src2", "A", "B")
    current = started.replace(xlsx, "C:\\Users\\anna\\liste.xlsx", reason="edit")
    assert current.name == "liste.xlsx"
    assert [p.name for p in started.current_folder.iterdir()] == ["liste.xlsx"]
    assert [v.name for v in started.versions()][:2] == ["liste.xlsx", "liste.csv"]


def test_restore_makes_a_new_version_and_deletes_none(started: Workspace, tmp_path: Path):
    started.replace(book(tmp_path / "src2", "A", "B", "C"), "netz.xlsx", reason="edit")
    before = started.versions()
    upload = before[1]

    current = started.restore(upload.id, who="Cem")

    after = started.versions()
    assert len(after) == len(before) + 1
    assert {v.id for v in before} <= {v.id for v in after}
    for old in before:  # every earlier version still holds its bytes
        assert fingerprint(started.read_version(old.id)) == old.fingerprint
    assert after[0].reason == "restore" and after[0].restored_from == upload.id
    assert after[0].who == "Cem" and after[0].current
    assert current.fingerprint == upload.fingerprint
    assert partner_names(started.read_current()) == ["A", "B"]
    assert after[0].describe("de").startswith("Stand vom ")
    assert after[0].describe("en").startswith("Restored the version of ")
    assert after[1].describe("de") == "In der App bearbeitet"


@pytest.mark.parametrize("bad", ["../versionen", "", "20261129-153040", "x" * 30, None])
def test_unknown_version_ids_are_refused(started: Workspace, bad):
    with pytest.raises(WorkspaceError) as caught:
        started.read_version(bad)
    assert caught.value.code == "version_not_found"


def test_a_version_folder_left_half_written_is_no_version(started: Workspace):
    half = started.versions_folder / "20200101-000000-000000"
    half.mkdir()
    (half / "netz.xlsx").write_bytes(b"PK")  # a crash before version.json was written
    assert "20200101-000000-000000" not in [v.id for v in started.versions()]


def test_a_change_made_outside_the_app_is_kept_before_the_next_replace(started: Workspace,
                                                                      tmp_path: Path):
    in_excel = book(tmp_path / "excel", "A", "B", "Excel-Partner")
    started.current().path.write_bytes(in_excel)  # someone saved aktuell/ in Excel

    started.replace(book(tmp_path / "src2", "A"), "netz.xlsx", reason="upload")

    reasons = [v.reason for v in started.versions()]
    assert reasons == ["upload", "outside", "upload", "first_start"]
    outside = started.versions()[1]
    assert started.read_version(outside.id) == in_excel
    assert outside.counts["partners"] == 3
    assert outside.describe("de").startswith("Außerhalb der App geändert")


# --------------------------------------------------------------------------- refusals


def test_a_stale_expected_fingerprint_raises_changed_on_disk_and_writes_nothing(
        started: Workspace, tmp_path: Path):
    loaded = started.current()
    started.replace(book(tmp_path / "s1", "A", "B", "C"), "netz.xlsx", reason="edit",
                    expected=loaded.fingerprint)  # a colleague saved first
    before = tree(started.root)

    with pytest.raises(ChangedOnDisk) as caught:
        started.replace(book(tmp_path / "s2", "A", "B", "D"), "netz.xlsx", reason="edit",
                        expected=loaded.fingerprint)

    assert tree(started.root) == before
    error = caught.value
    assert error.code == "changed_on_disk" and error.expected == loaded.fingerprint
    assert error.found == started.current().fingerprint
    assert "»netz.xlsx« wurde geändert" in error.text("de")
    assert "neu laden" in error.text("de") and "Kopie" in error.text("de")
    assert "“netz.xlsx” was changed" in error.text("en")
    with pytest.raises(ChangedOnDisk):
        started.restore(started.versions()[-1].id, expected=loaded.fingerprint)
    assert tree(started.root) == before


def test_a_file_that_is_no_workbook_is_refused_before_anything_is_written(started: Workspace):
    before = tree(started.root)
    with pytest.raises(UnreadableFileError):
        started.replace(b"%PDF-1.4 not a workbook", "netz.xlsx", reason="upload")
    assert tree(started.root) == before


@pytest.mark.parametrize(("name", "refusal"), [
    ("", WorkspaceError), (".xlsx", WorkspaceError), ("..", WorkspaceError),
    ("~$netz.xlsx", WorkspaceError), (".x.xlsx", WorkspaceError),
    ("ordner/", UnreadableFileError), ("netz.pdf", UnreadableFileError)])
def test_file_names_that_are_no_workbook_name_are_refused(started: Workspace, name: str,
                                                          refusal: type[Exception]):
    before = tree(started.root)
    with pytest.raises(refusal) as caught:
        started.replace(started.read_current(), name, reason="upload")
    assert tree(started.root) == before
    if refusal is WorkspaceError:  # said in plain words, naming the file, for the app's box
        assert f"»{name}«" in caught.value.text("de") and "umbenennen" in caught.value.text("de")


def test_unknown_reasons_are_refused(started: Workspace):
    with pytest.raises(ValueError):
        started.replace(started.read_current(), "netz.xlsx", reason="because")


# --------------------------------------------------------------------------- two at once


def race(ws: Workspace, contents: list[bytes], expected: str) -> list[str]:
    """Each content saved by its own thread at the same moment, all having loaded
    ``expected``: "won" or "refused" per thread."""
    barrier = threading.Barrier(len(contents))
    results = [""] * len(contents)

    def run(i: int) -> None:
        barrier.wait()
        try:
            ws.replace(contents[i], "netz.xlsx", reason="edit", who=f"t{i}", expected=expected)
            results[i] = "won"
        except ChangedOnDisk:
            results[i] = "refused"

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(contents))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_threads_with_the_same_expected_fingerprint_exactly_one_wins(started: Workspace,
                                                                         tmp_path: Path):
    for round_ in range(4):
        loaded = started.current()
        versions_before = started.versions()
        contents = [book(tmp_path / f"r{round_}t{i}", "A", "B", f"T{round_}-{i}")
                    for i in range(2)]

        results = race(started, contents, loaded.fingerprint)

        assert sorted(results) == ["refused", "won"]
        winner = results.index("won")
        assert started.read_current() == contents[winner]
        after = started.versions()
        assert [v.id for v in after[1:]] == [v.id for v in versions_before]  # none lost
        assert after[0].who == f"t{winner}"
        assert after[0].fingerprint == fingerprint(contents[winner])
        assert fingerprint(contents[1 - winner]) not in {v.fingerprint for v in after}


_CONTENDER = textwrap.dedent("""
    import pathlib, sys, time
    from network_app.errors import ChangedOnDisk
    from network_app.workspace.store import Workspace
    root, source, expected, go, who = sys.argv[1:]
    ws = Workspace(pathlib.Path(root))
    content = pathlib.Path(source).read_bytes()
    print("ready", flush=True)
    while not pathlib.Path(go).exists():
        time.sleep(0.001)
    try:
        ws.replace(content, "netz.xlsx", reason="edit", who=who, expected=expected)
        print("won", flush=True)
    except ChangedOnDisk:
        print("refused", flush=True)
""")


def test_processes_with_the_same_expected_fingerprint_exactly_one_wins(started: Workspace,
                                                                       tmp_path: Path):
    loaded = started.current()
    before = started.versions()
    go = tmp_path / "go"
    sources = []
    for i in range(3):
        (tmp_path / f"p{i}").mkdir()
        sources.append(tmp_path / f"p{i}" / "netz.xlsx")
        sources[-1].write_bytes(book(tmp_path / f"p{i}", "A", "B", f"P{i}"))
    contenders = [subprocess.Popen(
        [sys.executable, "-c", _CONTENDER, str(started.root), str(source), loaded.fingerprint,
         str(go), f"p{i}"], stdout=subprocess.PIPE, text=True, cwd=ROOT)
        for i, source in enumerate(sources)]
    for process in contenders:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    go.touch()
    outcomes = [process.communicate(timeout=120)[0].strip() for process in contenders]

    assert sorted(outcomes) == ["refused", "refused", "won"]
    winner = outcomes.index("won")
    assert started.read_current() == sources[winner].read_bytes()
    after = started.versions()
    assert len(after) == len(before) + 1 and after[0].who == f"p{winner}"
    assert [v.id for v in after[1:]] == [v.id for v in before]


# --------------------------------------------------------------------------- interrupted


def assert_intact(ws: Workspace, content: bytes, versions: list) -> None:
    """The previous current workbook is whole and loadable, alone in aktuell/, and the
    versions are those from before."""
    assert ws.read_current() == content
    assert partner_names(ws.read_current()) == ["A", "B"]
    assert [p.name for p in ws.current_folder.iterdir() if not p.name.startswith(".")] == [
        "netz.xlsx"]
    assert [v.id for v in ws.versions()] == [v.id for v in versions]


def test_a_failing_rename_leaves_the_previous_current_intact(started: Workspace,
                                                             tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch):
    content, versions = started.read_current(), started.versions()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", disk_full)
        with pytest.raises(DiskFull):
            started.replace(book(tmp_path / "s", "A", "B", "C"), "neu.xlsx", reason="edit")
    assert_intact(started, content, versions)
    assert not list(started.current_folder.glob(".*.tmp"))


def test_a_write_failing_half_way_leaves_the_previous_current_intact(
        started: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    content, versions = started.read_current(), started.versions()
    real_write = store._write

    def half_then_fail(path: Path, data: bytes) -> None:
        if path.parent == started.current_folder:
            path.write_bytes(data[: len(data) // 2])
            raise OSError(5, "Input/output error")
        real_write(path, data)

    monkeypatch.setattr(store, "_write", half_then_fail)
    with pytest.raises(OSError):
        started.replace(book(tmp_path / "s", "A", "B", "C"), "netz.xlsx", reason="edit")
    assert_intact(started, content, versions)
    assert not list(started.current_folder.glob(".*"))


def test_a_version_that_cannot_be_written_leaves_no_folder(started: Workspace,
                                                            tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch):
    content, versions = started.read_current(), started.versions()
    folders = sorted(started.versions_folder.iterdir())

    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "_write", disk_full)
    with pytest.raises(DiskFull):
        started.replace(book(tmp_path / "s", "A", "B", "C"), "neu.xlsx", reason="edit")
    assert_intact(started, content, versions)
    assert sorted(started.versions_folder.iterdir()) == folders  # no empty version folder


def test_an_over_long_file_name_is_shortened_keeping_its_ending(started: Workspace,
                                                                tmp_path: Path):
    long_name = "Ä" * 60 + "x" * 128 + ".xlsx"  # 253 bytes: ENAMETOOLONG with ".…tmp"
    assert len(long_name.encode()) == 253
    now = started.replace(book(tmp_path / "s", "A", "B", "C"), long_name, reason="upload")
    assert now.name.endswith(".xlsx") and len(now.name.encode()) <= 200
    assert now.name.startswith("Ä" * 60)
    assert partner_names(started.read_current()) == ["A", "B", "C"]
    assert started.versions()[0].name == now.name
    # a file dropped by hand with such a name is taken over and moved aside as well
    dropped = started.root / long_name
    dropped.write_bytes(book(tmp_path / "d", "A", "D"))
    taken = started.take_dropped(dropped)
    assert len(taken.name.encode()) <= 200 and not dropped.exists()
    assert partner_names(started.read_current()) == ["A", "D"]


_KILLED_WRITER = textwrap.dedent("""
    import pathlib, sys, time
    from network_app.workspace import store
    root, source = sys.argv[1:]
    ws = store.Workspace(pathlib.Path(root))
    real_write = store._write

    def slow(path, data):
        if path.parent != ws.current_folder:
            return real_write(path, data)
        with open(path, "wb") as handle:  # half of the big file, then wait to be killed
            handle.write(data[: len(data) // 2])
            handle.flush()
            print("half", flush=True)
            time.sleep(120)

    store._write = slow
    ws.replace(pathlib.Path(source).read_bytes(), "netz.xlsx", reason="edit", who="killed")
""")


def test_a_process_killed_while_writing_a_big_file_leaves_the_previous_current_intact(
        started: Workspace, tmp_path: Path):
    content, versions = started.read_current(), started.versions()
    big = tmp_path / "big" / "netz.xlsx"
    big.parent.mkdir()
    names = ["A", "B"] + [f"Partner {i:05d} mit einem längeren Namen" for i in range(5000)]
    big.write_bytes(book(big.parent, *names))
    assert big.stat().st_size > 50_000

    writer = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(started.root),
                               str(big)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "half"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL

    assert started.read_current() == content  # the half file is no current workbook
    assert partner_names(started.read_current()) == ["A", "B"]
    assert started.current().name == "netz.xlsx"
    assert list(started.current_folder.glob(".*.tmp"))  # the killed write's leftover
    # the killed write's record is no version: it never was the current workbook, and the
    # current one is still the newest version
    assert [v.id for v in started.versions()] == [v.id for v in versions]
    assert started.versions()[0].current
    assert len(list(started.versions_folder.iterdir())) == len(versions) + 1  # its record

    # the lock died with the process: the next change goes through and tidies up
    started.replace(book(tmp_path / "s", "A", "B", "C"), "netz.xlsx", reason="edit")
    assert partner_names(started.read_current()) == ["A", "B", "C"]
    assert not list(started.current_folder.glob(".*"))
    assert [v.id for v in started.versions()[1:]] == [v.id for v in versions]
    assert len(list(started.versions_folder.iterdir())) == len(versions) + 1  # removed


def test_a_crash_after_the_write_before_the_record_is_settled_keeps_the_version(
        started: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    before = started.versions()
    with monkeypatch.context() as patch:
        patch.setattr(Workspace, "_settle", lambda self, folder: None)  # killed just here
        started.replace(book(tmp_path / "s", "A", "B", "C"), "netz.xlsx", reason="edit",
                        who="Bea")
    newest = started.versions()[0]
    assert (newest.who, newest.current, newest.pending) == ("Bea", True, True)
    started.replace(book(tmp_path / "t", "A", "D"), "netz.xlsx", reason="edit")
    assert [v.who for v in started.versions()[:3]] == ["", "Bea", before[0].who]
    assert not any(v.pending for v in started.versions())


# --------------------------------------------------------------------------- dropped files


def test_files_dropped_into_the_folder_are_offered_and_taken(started: Workspace,
                                                             tmp_path: Path):
    dropped = started.root / "Neue Liste.xlsx"
    dropped.write_bytes(book(tmp_path / "d", "A", "B", "Neu"))
    (started.root / "~$Neue Liste.xlsx").write_bytes(b"excel lock")  # Excel has it open
    (started.root / ".versteckt.xlsx").write_bytes(b"hidden")
    (started.root / "Notizen.txt").write_text("nur eine Notiz")
    (started.root / "ordner.xlsx").mkdir()
    assert started.dropped() == [dropped]

    loaded, loaded_bytes = started.open_current()
    seen = fingerprint(dropped.read_bytes())
    current = started.take_dropped(dropped, who="Dana", seen=seen,
                                   expected=loaded.fingerprint)

    assert current.name == "Neue Liste.xlsx" and current.fingerprint == seen
    assert partner_names(started.read_current()) == ["A", "B", "Neu"]
    newest = started.versions()[0]
    assert (newest.reason, newest.who, newest.current) == ("dropped", "Dana", True)
    assert started.dropped() == []  # not offered again
    [taken] = (started.root / "übernommen").iterdir()
    assert taken.read_bytes() == started.read_current()
    assert started.read_version(started.versions()[1].id) == loaded_bytes  # kept


def test_a_dropped_file_changed_since_its_preview_is_refused(started: Workspace,
                                                              tmp_path: Path):
    dropped = started.root / "neu.xlsx"
    dropped.write_bytes(book(tmp_path / "d1", "A", "B", "Vorschau"))
    seen = fingerprint(dropped.read_bytes())
    dropped.write_bytes(book(tmp_path / "d2", "A", "B", "Später"))
    before = tree(started.root)
    with pytest.raises(ChangedOnDisk):
        started.take_dropped(dropped, seen=seen)
    assert tree(started.root) == before
    assert started.dropped() == [dropped]


def test_a_dropped_file_can_be_set_aside(started: Workspace, tmp_path: Path):
    dropped = started.root / "alt.xlsx"
    dropped.write_bytes(book(tmp_path / "d", "A"))
    content = dropped.read_bytes()
    current, versions = started.current(), started.versions()
    moved = started.set_aside(dropped)
    assert started.dropped() == [] and moved.parent.name == "beiseitegelegt"
    assert moved.read_bytes() == content  # moved, not deleted
    assert started.current() == current and started.versions() == versions


def test_only_files_in_the_folder_itself_can_be_taken(started: Workspace, tmp_path: Path):
    elsewhere = tmp_path / "anderswo.xlsx"
    elsewhere.write_bytes(book(tmp_path / "e", "A"))
    for path in (elsewhere, started.current().path, started.root / "weg.xlsx"):
        with pytest.raises(WorkspaceError) as caught:
            started.take_dropped(path)
        assert caught.value.code == "not_dropped"


# --------------------------------------------------------------------------- which folder


def test_the_folder_is_explicit_then_the_environment_then_the_default(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "aus-env"))
    assert Workspace.resolve(tmp_path / "explizit").root == tmp_path / "explizit"
    assert Workspace.resolve().root == tmp_path / "aus-env"
    assert Workspace.resolve("").root == tmp_path / "aus-env"  # an empty setting is none
    monkeypatch.setenv(ENV_VAR, "  ")
    assert Workspace.resolve().root == DEFAULT_FOLDER
    monkeypatch.delenv(ENV_VAR)
    assert Workspace.resolve().root == DEFAULT_FOLDER == ROOT / "workspace"
    monkeypatch.setenv("HOME", str(tmp_path))
    assert Workspace.resolve("~/netz").root == tmp_path / "netz"


def test_the_default_folder_is_ignored_by_git():
    result = subprocess.run(["git", "check-ignore", "-q", "workspace/aktuell/x.xlsx"],
                            cwd=ROOT, check=False)
    assert result.returncode == 0


def test_tests_never_use_the_repositorys_workspace():
    assert Path(os.environ[ENV_VAR]).resolve() != DEFAULT_FOLDER.resolve()
    assert Workspace.resolve().root != DEFAULT_FOLDER


# --------------------------------------------------------------------------- the CLI


def cli(*args: str, workspace: Path | None = None, cwd: Path = ROOT,
        ) -> subprocess.CompletedProcess:
    """``network-app`` in a subprocess; ``workspace`` as PARTNERNETZ_WORKSPACE (None: unset)."""
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    if workspace is not None:
        env[ENV_VAR] = str(workspace)
    return subprocess.run([sys.executable, "-m", "network_app", *args], capture_output=True,
                          text=True, timeout=120, env=env, cwd=cwd)


def test_cli_check_without_a_file_uses_the_workspace_from_the_environment(tmp_path: Path):
    folder = tmp_path / "ws"
    first = cli("check", "--json", workspace=folder)  # the first use copies the example in
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["file"] == BUNDLED.name
    assert Workspace(folder).read_current() == BUNDLED.read_bytes()

    Workspace(folder).replace(book(tmp_path / "s", "A", "B", "C"), "eigene.xlsx",
                              reason="upload")
    result = cli("check", workspace=folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("eigene.xlsx: 3 Partner, 1 Beziehung")
    assert f"Arbeitsordner »{folder}«: eigene.xlsx" in result.stderr
    english = cli("check", "--lang", "en", workspace=folder)
    assert f"workspace folder “{folder}”: eigene.xlsx" in english.stderr


def test_cli_reading_commands_do_not_wait_for_the_lock(started: Workspace):
    import fcntl
    import time

    # a colleague's long save holds the lock: a command that only reads is not held up
    descriptor = os.open(started.root / ".lock", os.O_RDWR)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        begun = time.monotonic()
        result = cli("check", workspace=started.root)
        assert result.returncode == 0, result.stderr
        assert time.monotonic() - begun < 20  # it waited 30 s, then said "busy"
    finally:
        os.close(descriptor)
    assert result.stdout.startswith("netz.xlsx: 2 Partner")


@pytest.mark.parametrize("before_command", [True, False])
def test_cli_workspace_option_wins_over_the_environment(tmp_path: Path, before_command: bool):
    chosen, other = tmp_path / "gewählt", tmp_path / "env"
    Workspace(chosen).ensure()
    Workspace(chosen).replace(book(tmp_path / "s", "A", "B"), "gewählt.xlsx", reason="upload")
    option = ["--workspace", str(chosen)]
    args = [*option, "analyze", "--json"] if before_command else ["analyze", "--json", *option]
    result = cli(*args, workspace=other)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["network"]["nodes"] == 2
    assert not other.exists()  # the environment's folder was not even created


def test_cli_export_without_a_file_writes_the_workspace_network(tmp_path: Path):
    folder = tmp_path / "ws"
    Workspace(folder).ensure()
    Workspace(folder).replace(book(tmp_path / "s", "A", "B", "C"), "netz.xlsx", reason="edit")
    out = tmp_path / "out" / "netz.json"
    out.parent.mkdir()
    result = cli("export", "-f", "json", "-o", str(out), "--workspace", str(folder))
    assert result.returncode == 0, result.stderr
    exported = json.loads(out.read_text(encoding="utf-8"))
    labels = json.dumps(exported, ensure_ascii=False)
    assert all(f'"{name}"' in labels for name in ("A", "B", "C"))
    assert [v.reason for v in Workspace(folder).versions()] == ["edit", "first_start"]


def test_cli_a_file_given_wins_over_the_workspace(tmp_path: Path):
    folder = tmp_path / "ws"
    given = tmp_path / "gegeben.xlsx"
    given.write_bytes(book(tmp_path / "s", "A"))
    result = cli("check", str(given), "--json", "--workspace", str(folder))
    assert json.loads(result.stdout)["file"] == "gegeben.xlsx"
    assert not folder.exists()


def test_cli_an_unusable_workspace_is_a_message_and_exit_2(tmp_path: Path):
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner")
    result = cli("check", "--workspace", str(blocker / "ws"))
    assert result.returncode == 2
    assert f"Der Arbeitsordner »{blocker / 'ws'}« kann nicht benutzt werden" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_without_any_setting_uses_the_projects_folder(tmp_path: Path):
    """Only the resolution is checked here (the repository's own workspace/ is never touched
    by tests): the parser takes no folder, and Workspace.resolve falls back to the default."""
    from network_app.cli import build_parser

    args = build_parser().parse_args(["check"])
    assert args.file is None and not hasattr(args, "workspace")
    assert Workspace.resolve(getattr(args, "workspace", None), environ={}).root == (
        DEFAULT_FOLDER)


def test_a_current_workbook_deleted_by_hand_refuses_a_save_that_expected_it(
        started: Workspace):
    loaded = started.current()
    loaded.path.unlink()
    with pytest.raises(ChangedOnDisk) as caught:
        started.replace(started.read_version(started.versions()[0].id), "netz.xlsx",
                        reason="edit", expected=loaded.fingerprint)
    assert caught.value.found is None and "»aktuell«" in caught.value.text("de")
    # the next start takes the newest version, not the example
    assert started.ensure().fingerprint == loaded.fingerprint
    assert started.versions()[0].reason == "restore"
    assert partner_names(started.read_current()) == ["A", "B"]
