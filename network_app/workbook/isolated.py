"""Read a file someone else made in a child process, with a time and a memory limit.

The safety checks (:mod:`.safety`) refuse the hostile files we know; a parser may still meet
one we do not (an ods whose one kilobyte repeats a cell ten million times made calamine take
1.2 GB). On a server one such upload must not stall the other users or take the machine's
memory. :func:`load_isolated` therefore runs :func:`~.loading.load_workbook` in a child
process that, first thing after it was forked and before it receives the file,

* limits its address space to :func:`.limits.parse_memory_mb` MB on top of what it starts
  with (``RLIMIT_AS``: an allocation beyond fails inside the child, as ``MemoryError`` in
  Python or an abort in the Rust parser), and
* sets a timer of :func:`.limits.parse_seconds` seconds whose signal (``SIGALRM``, default
  action) ends it wherever it is, in Python or in a parser's compiled code; ``RLIMIT_CPU`` a
  second later is the spare.

Either way the caller gets :class:`~network_app.errors.UnreadableFileError` with the code
``too_costly`` ("Die Datei ist zu groß oder zu aufwendig zum Lesen …"), and the server goes on.
So does a child whose answer would be larger than :data:`.limits.MAX_REPLY_MB`: its length is
read first, the answer itself is not. The child's other refusals come back as the same errors,
the validated :class:`~.validation.PartnerData` comes back pickled.

At most :func:`.limits.parse_at_once` files are read at once in one process (a
``BoundedSemaphore``); a file that finds no place within :func:`.limits.parse_wait_seconds`
seconds, or whose child cannot be started (the system refuses another process), is refused
with ``busy`` ("Gerade lesen schon mehrere Dateien … bitte gleich noch einmal").

Where the children come from: a small *reader server*, a Python process of its own started
once with public means (:mod:`subprocess`), imports the loader and then forks one child per
file (``os.fork``). Forking there and not in the app has two reasons: the app's process runs
Streamlit's threads (a fork copies their locks in whatever state they are, and only the forking
thread), while the reader server has one thread; and a child forked from a process that has
pandas imported already starts in milliseconds instead of importing it anew (a second). Before,
the same was done with :mod:`multiprocessing`'s ``forkserver``, which needed a copy of its
internal ``Popen._launch`` (Python 3.11 to 3.13) to keep every child from importing the app's
main module again (Streamlit's script, run anew in each child). The reader server talks to the
app over a Unix socket: for each file the app sends one end of a new socket pair, the child gets
it, answers "started", receives the file and sends its answer. The server ends when the app's
end of its socket closes (the app ended).

Where there is no ``fork`` (Windows) the file is read in the caller's process, with the limit
on files at once but without a time or memory limit.
"""

from __future__ import annotations

import gc
import importlib
import logging
import math
import os
import pickle
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from ..errors import NetworkAppError, UnreadableFileError, WorkspaceError
from . import limits

# Only named here: importing it would import pandas, and the app imports this module first
# thing to start the reader server (its own pandas import then runs beside the app's).
if TYPE_CHECKING:
    from .validation import PartnerData

__all__ = ["load_isolated", "serve", "start_reader"]

_log = logging.getLogger(__name__)
#: What the children run: imported once in the reader server, not in every child.
_PRELOAD = ["network_app.workbook.loading"]
#: How the reader server is started: ``python -c _LAUNCH <descriptor of its socket>``.
_LAUNCH = "import sys; from network_app.workbook.isolated import serve; serve(int(sys.argv[1]))"
#: The folder that holds the package ``network_app``, for the reader server's import path.
_ROOT = str(Path(__file__).resolve().parents[2])
#: A request to the reader server: the child's memory (MB) and time (s).
_REQUEST = struct.Struct("!qd")
#: The length in bytes in front of every message between the app and a child.
_LENGTH = struct.Struct("!Q")
#: The first byte a new child sends ("started"), or the reader server when it cannot fork one.
_STARTED, _NOT_STARTED = b"+", b"-"
#: Seconds to wait for a new child's "started": a fork takes milliseconds, but a reader server
#: started a moment ago first imports the loader (a second; many on a busy machine).
_START_SECONDS = 60.0
#: Seconds the caller waits beyond the child's own time limit before it gives up on it.
_GRACE_SECONDS = 2.0
_ERRORS: dict[str, type[NetworkAppError]] = {
    cls.__name__: cls for cls in (NetworkAppError, UnreadableFileError, WorkspaceError)
}

_lock = threading.Lock()  # guards _server and _slots
_server: _ReaderServer | None = None
_slots: threading.BoundedSemaphore | None = None


class _Busy(Exception):
    """No child could be started: the caller refuses with ``busy``."""


class _ReaderServer:
    """The reader server process and the app's end of its socket."""

    def __init__(self, launch: str = _LAUNCH) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            [_ROOT] + ([environment["PYTHONPATH"]] if environment.get("PYTHONPATH") else []))
        # numpy's BLAS would start a thread per core in the server; a child reading one file
        # does no matrix arithmetic, and a process to fork from should have as few threads
        # as can be (an operator's own setting is kept).
        environment.setdefault("OPENBLAS_NUM_THREADS", "1")
        environment.setdefault("OMP_NUM_THREADS", "1")
        if "pyarrow" in sys.modules and sys.modules["pyarrow"] is None:
            # The command line leaves pyarrow out (network_app.__main__): so does its reader,
            # or the frames it sends back would hold text this process cannot unpickle.
            launch = f"import sys; sys.modules['pyarrow'] = None; {launch}"
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", launch, str(theirs.fileno())],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=environment)
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self.control = ours

    def start_child(self, memory_mb: int, seconds: float) -> socket.socket:
        """A socket to a new child, which has already set its limits when it answers."""
        mine, childs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            socket.send_fds(self.control, [_REQUEST.pack(memory_mb, seconds)], [childs.fileno()])
        except BaseException:
            mine.close()
            raise
        finally:
            childs.close()
        return mine

    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        self.control.close()  # the server reads the end and ends
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:  # pragma: no cover
            self.process.kill()
            self.process.wait()


def _reader_server() -> _ReaderServer:
    """The running reader server; started (again) when there is none."""
    global _server
    with _lock:
        if _server is None or not _server.running():
            if _server is not None:
                _server.stop()
            _server = _ReaderServer()
        return _server


def _reader_slots() -> threading.BoundedSemaphore:
    global _slots
    with _lock:
        if _slots is None:
            _slots = threading.BoundedSemaphore(limits.parse_at_once())
        return _slots


def start_reader() -> None:
    """Start the reader server now, not at the first read: it imports the loader (pandas and
    the file readers, about a second) while the caller goes on, so a fresh app's first
    workbook does not wait for it. Without ``fork`` (Windows) nothing to start."""
    if hasattr(os, "fork"):
        try:
            _reader_server()
        except OSError as error:  # the first read tries again, and refuses with "busy"
            _log.warning("the reader server did not start: %s", error)


def load_isolated(
    content: bytes,
    filename: str,
    *,
    seconds: float | None = None,
    memory_mb: int | None = None,
    **load_kw: Any,
) -> PartnerData:
    """:func:`~.loading.load_workbook` (``content``, ``filename=filename``, ``**load_kw``) in a
    child process with a time limit (``seconds``, default :func:`.limits.parse_seconds`) and a
    memory limit (``memory_mb`` on top of the child's start, default
    :func:`.limits.parse_memory_mb`).

    Raises what ``load_workbook`` raises; :class:`UnreadableFileError` ``too_costly`` when the
    child runs out of time or memory, dies, or would send more than
    :data:`.limits.MAX_REPLY_MB`; ``busy`` when :func:`.limits.parse_at_once` files are being
    read already and none ends within :func:`.limits.parse_wait_seconds` seconds, or when no
    child can be started.
    """
    seconds = limits.parse_seconds() if seconds is None else seconds
    memory_mb = limits.parse_memory_mb() if memory_mb is None else memory_mb
    slots = _reader_slots()
    if not slots.acquire(timeout=limits.parse_wait_seconds()):
        _log.info("reading %r refused: %s files are being read already", filename,
                  limits.parse_at_once())
        raise UnreadableFileError("busy")
    try:
        if not hasattr(os, "fork"):  # pragma: no cover - Windows
            from .loading import load_workbook

            return load_workbook(content, filename=filename, **load_kw)
        try:
            conn = _start_child(memory_mb, seconds)
        except _Busy as why:
            _log.warning("reading %r refused: no child process (%s)", filename, why)
            raise UnreadableFileError("busy") from None
        try:
            answer = _talk(conn, content, filename, load_kw, seconds)
        finally:
            conn.close()
    finally:
        slots.release()
    if answer is None:
        _log.info("reading %r stopped: more than %s s or %s MB", filename, seconds, memory_mb)
        raise _too_costly(seconds, memory_mb)
    kind = answer[0]
    if kind == "data":
        return answer[1]
    if kind == "error":
        _, name, code, params = answer
        raise _ERRORS.get(name, NetworkAppError)(code, **params)
    if kind == "memory":
        raise _too_costly(seconds, memory_mb)
    # "crash": an error the loader should have turned into a sentence. Logged for developers;
    # the user reads that the file could not be read.
    _log.error("reading %r failed in the child process:\n%s", filename, answer[1])
    raise UnreadableFileError("unreadable", detail="unexpected")


def _too_costly(seconds: float, memory_mb: int) -> UnreadableFileError:
    return UnreadableFileError("too_costly", seconds=seconds, memory_mb=memory_mb)


def _start_child(memory_mb: int, seconds: float) -> socket.socket:
    """A socket to a new child that has set its limits; :class:`_Busy` when there is none
    (the reader server cannot be started, or cannot fork: ``EAGAIN``, ``ENOMEM``)."""
    for attempt in (1, 2):  # a reader server that ended (killed) is started again once
        try:
            conn = _reader_server().start_child(memory_mb, seconds)
        except OSError as error:
            if attempt == 2:
                raise _Busy(f"reader server: {error}") from None
            continue
        try:
            started = _receive_exactly(conn, 1, time.monotonic() + _START_SECONDS)
        except BaseException:
            conn.close()
            raise
        if started == _STARTED:
            return conn
        conn.close()
        if started == _NOT_STARTED:
            raise _Busy("the reader server could not fork")
        # no answer: the reader server ended meanwhile; try once more
    raise _Busy("the reader server did not answer")


def _talk(conn: socket.socket, content: bytes, filename: str, load_kw: dict[str, Any],
          seconds: float) -> Any:
    """Send the file to the child and receive its answer; None when it took too long, died,
    or announced an answer larger than :data:`.limits.MAX_REPLY_MB`."""
    deadline = time.monotonic() + seconds + _GRACE_SECONDS
    try:
        _send(conn, pickle.dumps((filename, load_kw)), deadline)
        _send(conn, content, deadline)
    except OSError:  # the child ended (its time or memory); its answer may be there all the same
        pass
    header = _receive_exactly(conn, _LENGTH.size, deadline)
    if header is None:
        return None
    (length,) = _LENGTH.unpack(header)
    if length > limits.MAX_REPLY_MB * limits.MB:
        _log.warning("a reader child announced an answer of %s bytes; not read", length)
        return None
    payload = _receive_exactly(conn, length, deadline)
    return None if payload is None else pickle.loads(payload)


def _send(conn: socket.socket, data: bytes, deadline: float | None) -> None:
    """``data`` with its length in front (:data:`_LENGTH`)."""
    conn.settimeout(None if deadline is None else max(deadline - time.monotonic(), 0.001))
    conn.sendall(_LENGTH.pack(len(data)))
    conn.sendall(data)


def _receive_exactly(conn: socket.socket, size: int, deadline: float | None
                     ) -> bytes | None:
    """``size`` bytes, or None when the other end closes or ``deadline`` passes first."""
    buffer = bytearray(size)
    view = memoryview(buffer)
    got = 0
    while got < size:
        if deadline is None:
            conn.settimeout(None)
        else:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            conn.settimeout(remaining)
        try:
            count = conn.recv_into(view[got:], min(size - got, 1 << 20))
        except OSError:  # TimeoutError, or the other end was reset
            return None
        if count == 0:
            return None
        got += count
    view.release()
    return bytes(buffer)


def _receive_message(conn: socket.socket) -> bytes | None:
    header = _receive_exactly(conn, _LENGTH.size, None)
    if header is None:
        return None
    return _receive_exactly(conn, _LENGTH.unpack(header)[0], None)


# --------------------------------------------------------------------------- the reader server


def serve(fd: int) -> None:
    """The reader server (run by :data:`_LAUNCH` in a process of its own; ``fd`` is its end of
    the socket to the app): import the loader, then fork a child for every request until the
    app closes its end."""
    control = socket.socket(fileno=fd)
    # Ctrl+C in a terminal is for the app, which ends this server by closing the socket.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # ended children are reaped by the kernel
    for module in _PRELOAD:
        importlib.import_module(module)
    gc.collect()
    gc.freeze()  # what the children share stays shared: the collector does not touch it
    fork = os.fork  # looked up once; a test replaces it before calling serve()
    while True:
        try:
            message, fds, _flags, _address = socket.recv_fds(control, _REQUEST.size, 4)
        except OSError:
            return
        if not message:
            for extra in fds:
                os.close(extra)
            return  # the app ended
        if len(fds) != 1 or len(message) != _REQUEST.size:
            for extra in fds:
                os.close(extra)
            continue
        (conn,) = fds
        memory_mb, seconds = _REQUEST.unpack(message)
        try:
            pid = fork()
        except OSError:
            try:
                os.write(conn, _NOT_STARTED)
            except OSError:
                pass
            os.close(conn)
            continue
        if pid == 0:
            control.close()
            _child(conn, memory_mb, seconds)
        os.close(conn)


# --------------------------------------------------------------------------- the child


def _limit(memory_mb: int, seconds: float) -> None:
    """The child's limits, set before it receives the file."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the timer's signal ends the process
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        import resource
    except ImportError:  # pragma: no cover
        return
    cpu = math.ceil(seconds) + 1
    memory = _address_space() + memory_mb * limits.MB
    for which, value in ((resource.RLIMIT_CPU, cpu), (resource.RLIMIT_AS, memory)):
        try:
            resource.setrlimit(which, (value, value))
        except (ValueError, OSError):  # pragma: no cover - a hard limit lower already
            pass


def _address_space() -> int:
    """The process's virtual memory now, in bytes (Linux: /proc; elsewhere 0)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


def _child(fd: int, memory_mb: int, seconds: float) -> NoReturn:
    """Runs in the child: set the limits, say "started", receive the file, load it, and send
    ("data", PartnerData) or why not. Never returns."""
    try:
        _limit(memory_mb, seconds)
        _quiet_stderr()
        # The child reads one workbook and ends: Python's cyclic collector would only walk
        # the growing heap again and again (7 full collections, about a third of the reading
        # time of 20,000 partners); what reference counting frees is freed all the same.
        gc.disable()
        with socket.socket(fileno=fd) as conn:
            conn.sendall(_STARTED)
            request = _receive_message(conn)
            content = _receive_message(conn)
            if request is None or content is None:
                os._exit(0)
            filename, load_kw = pickle.loads(request)
            answer = _read(content, filename, load_kw)
            del content
            try:
                payload = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
            except MemoryError:  # pickling the data needed more than was left
                payload = pickle.dumps(("memory",))
            del answer
            try:
                _send(conn, payload, None)
            except OSError:  # the caller stopped waiting
                pass
    finally:
        os._exit(0)


def _read(content: bytes, filename: str, load_kw: dict[str, Any]) -> tuple[Any, ...]:
    try:
        from .loading import load_workbook

        return ("data", load_workbook(content, filename=filename, **load_kw))
    except MemoryError:
        return ("memory",)
    except NetworkAppError as error:
        if error.params.get("detail") == "out_of_memory":
            return ("memory",)
        return ("error", type(error).__name__, error.code, error.params)
    except Exception:
        return ("crash", traceback.format_exc())


def _quiet_stderr() -> None:
    """The child's stderr goes nowhere: a parser that runs out of memory prints its own
    report there (Rust's "memory allocation of … failed" and a backtrace), which would reach
    the user's terminal or the server's log although the parent tells what happened."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:  # pragma: no cover
        pass
