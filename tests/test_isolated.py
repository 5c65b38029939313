"""The reader child process (network_app.workbook.isolated) under pressure: several files at
once, a system that refuses another process, a child that would send too much, and the reader
server it is forked from (see also tests/test_limits.py for the time and memory limits)."""

from __future__ import annotations

import errno
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT
from test_limits import BUNDLED, TOO_COSTLY, repeat_ods

from network_app.errors import UnreadableFileError
from network_app.workbook import isolated, limits
from network_app.workbook.loading import REFUSAL_CODES

BUSY = "Gerade lesen schon mehrere Dateien"
#: About a kilobyte of ods that keeps its child busy for seconds (10 million cells).
SLOW = repeat_ods(1_000_000, 10)


def children() -> list[int]:
    """The reader server's children now (Linux)."""
    server = isolated._reader_server().process.pid
    path = Path(f"/proc/{server}/task/{server}/children")
    return [int(pid) for pid in path.read_text().split()]


@pytest.fixture
def fresh(monkeypatch):
    """Places for files read at once made anew (from the environment the test sets), and a
    reader server the test may replace, stopped afterwards."""
    monkeypatch.setattr(isolated, "_slots", None)
    monkeypatch.setattr(isolated, "_server", None)
    yield
    if isolated._server is not None:
        isolated._server.stop()


def read_at_once(count: int, **kw) -> list[tuple[float, BaseException | None]]:
    """``count`` slow reads in threads started together: (seconds taken, the error)."""
    results: list[tuple[float, BaseException | None]] = [(0.0, None)] * count

    def read(index: int) -> None:
        start = time.monotonic()
        try:
            isolated.load_isolated(SLOW, "langsam.ods", memory_mb=4000, **kw)
            error = None
        except UnreadableFileError as caught:
            error = caught
        results[index] = (time.monotonic() - start, error)

    threads = [threading.Thread(target=read, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_busy_is_a_refusal_code_with_a_sentence():
    assert "busy" in REFUSAL_CODES
    error = UnreadableFileError("busy")
    assert error.text("de").startswith(BUSY)
    assert "bitte gleich noch einmal" in error.text("de").lower()
    assert error.text("en").startswith("Several files are being read")


def test_three_reads_at_once_run_two_at_a_time(monkeypatch, fresh):
    monkeypatch.setenv("PARTNERNETZ_PARSE_AT_ONCE", "2")
    isolated.start_reader()
    isolated.load_isolated(BUNDLED.read_bytes(), BUNDLED.name)  # the server has started
    peak = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, len(children()))
            time.sleep(0.01)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        results = read_at_once(3, seconds=1.5)
    finally:
        done.set()
        watcher.join()
    assert peak == 2
    assert [error.code for _, error in results] == ["too_costly"] * 3  # type: ignore[union-attr]
    # the third waited for a place: it took about a time limit longer than the first two
    durations = sorted(seconds for seconds, _ in results)
    assert durations[2] >= durations[0] + 1.0
    # every child has ended (its own timer): none is left behind
    deadline = time.monotonic() + 5
    while children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert children() == []


def test_a_read_that_finds_no_place_in_time_is_refused_calmly(monkeypatch, fresh):
    monkeypatch.setenv("PARTNERNETZ_PARSE_AT_ONCE", "2")
    monkeypatch.setenv("PARTNERNETZ_PARSE_WAIT_SECONDS", "1")
    isolated.load_isolated(BUNDLED.read_bytes(), BUNDLED.name)
    results = read_at_once(3, seconds=4)
    codes = [error.code for _, error in results]  # type: ignore[union-attr]
    assert codes.count("busy") == 1
    # the two that had a place read the slow file until its time ran out or its cells were
    # counted past the limit (on a quiet machine the count comes first): refused either way
    assert {code for code in codes if code != "busy"} <= {"too_costly", "too_many_cells"}
    refused = next(error for _, error in results if error.code == "busy")  # type: ignore[union-attr]
    assert refused.message.startswith(BUSY)
    refused_after = next(seconds for seconds, error in results
                         if error.code == "busy")  # type: ignore[union-attr]
    assert 0.9 <= refused_after < 3.5
    # the places are free again afterwards
    assert len(isolated.load_isolated(BUNDLED.read_bytes(), BUNDLED.name).partners) == 64


def test_no_reader_server_is_a_calm_refusal(monkeypatch, fresh):
    def refuse(*args, **kw):
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(isolated.subprocess, "Popen", refuse)
    isolated.start_reader()  # logs, does not raise
    with pytest.raises(UnreadableFileError) as error:
        isolated.load_isolated(BUNDLED.read_bytes(), BUNDLED.name)
    assert error.value.code == "busy"
    assert error.value.message.startswith(BUSY)
    monkeypatch.undo()
    monkeypatch.setattr(isolated, "_slots", None)
    assert len(isolated.load_isolated(BUNDLED.read_bytes(), BUNDLED.name).partners) == 64


def test_a_fork_refused_by_the_system_is_a_calm_refusal(monkeypatch, fresh):
    """The reader server's fork fails (EAGAIN: too many processes, ENOMEM): the caller gets
    "busy", no traceback, and the server stays to serve the next file."""
    launch = ("import errno, os, sys\n"
              "def refuse(): raise OSError(errno.ENOMEM, 'Cannot allocate memory')\n"
              "os.fork = refuse\n" + isolated._LAUNCH)
    isolated._server = isolated._ReaderServer(launch)
    for _ in range(2):
        with pytest.raises(UnreadableFileError) as error:
            isolated.load_isolated(BUNDLED.read_bytes(), BUNDLED.name)
        assert error.value.code == "busy"
        assert error.value.message.startswith(BUSY)
    assert isolated._server.running()


def test_a_reader_server_that_was_killed_is_started_again(fresh):
    isolated.load_isolated(BUNDLED.read_bytes(), BUNDLED.name)
    first = isolated._server
    assert first is not None
    first.process.kill()
    first.process.wait()
    assert len(isolated.load_isolated(BUNDLED.read_bytes(), BUNDLED.name).partners) == 64
    assert isolated._server is not first


def test_an_answer_larger_than_the_limit_is_not_taken(monkeypatch, fresh):
    """A child announcing an answer beyond MAX_REPLY_MB is not listened to: too_costly."""
    small = isolated.load_isolated(BUNDLED.read_bytes(), BUNDLED.name)
    monkeypatch.setattr(limits, "MAX_REPLY_MB", 0)  # every real answer is larger
    with pytest.raises(UnreadableFileError) as error:
        isolated.load_isolated(BUNDLED.read_bytes(), BUNDLED.name)
    assert error.value.code == "too_costly"
    assert error.value.message.startswith(TOO_COSTLY)
    monkeypatch.undo()
    assert len(small.partners) == 64


def test_a_confused_child_announcing_an_enormous_answer(monkeypatch, fresh):
    """A child that says 4 exabytes follow: the caller reads the length, refuses, and does not
    try to take (or allocate) the rest."""
    launch = (
        "from network_app.workbook import isolated\n"
        "def confused(fd, memory_mb, seconds):\n"
        "    import os\n"
        "    os.write(fd, isolated._STARTED)\n"
        "    os.write(fd, isolated._LENGTH.pack(1 << 62) + b'x' * 1000)\n"
        "    os._exit(0)\n"
        "isolated._child = confused\n" + isolated._LAUNCH)
    isolated._server = isolated._ReaderServer(launch)
    start = time.monotonic()
    with pytest.raises(UnreadableFileError) as error:
        isolated.load_isolated(BUNDLED.read_bytes(), BUNDLED.name)
    assert error.value.code == "too_costly"
    assert time.monotonic() - start < 5


def test_the_reader_server_has_one_thread_of_its_own_and_no_app(fresh):
    """The children are forked from a process without Streamlit's threads or the app's main
    module: the reader server imports the loader and nothing of the caller."""
    isolated.load_isolated(BUNDLED.read_bytes(), BUNDLED.name)
    pid = isolated._server.process.pid  # type: ignore[union-attr]
    names = [(task / "comm").read_text().strip()
             for task in Path(f"/proc/{pid}/task").iterdir()]
    # Python's thread and at most arrow's jemalloc helper (which is made for fork)
    assert [name for name in names if name != "jemalloc_bg_thd"] == ["python"]
    command = Path(f"/proc/{pid}/cmdline").read_text().split("\0")
    assert command[1:3] == ["-c", isolated._LAUNCH]
    assert not any("streamlit" in part or "pytest" in part for part in command)
    assert str(ROOT) in Path(f"/proc/{pid}/environ").read_text()


def test_the_limits_of_reading_at_once_from_the_environment(monkeypatch):
    monkeypatch.setenv("PARTNERNETZ_PARSE_AT_ONCE", "5")
    monkeypatch.setenv("PARTNERNETZ_PARSE_WAIT_SECONDS", "0")
    assert limits.parse_at_once() == 5
    assert limits.parse_wait_seconds() == limits.PARSE_WAIT_SECONDS
