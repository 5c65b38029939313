"""Read a file someone else made in a child process, with a time and a memory limit.

The safety checks (:mod:`.safety`) refuse the hostile files we know; a parser may still meet
one we do not (an ods whose one kilobyte repeats a cell ten million times made calamine take
1.2 GB). On a server one such upload must not stall the other users or take the machine's
memory. :func:`load_isolated` therefore runs :func:`~.loading.load_workbook` in a child
process that

* may use :func:`.limits.parse_memory_mb` MB of address space on top of what it starts with
  (``RLIMIT_AS``: an allocation beyond fails inside the child, as ``MemoryError`` in Python
  or an abort in the Rust parser), and
* is killed after :func:`.limits.parse_seconds` seconds.

Either way the caller gets :class:`~network_app.errors.UnreadableFileError` with the code
``too_costly`` ("Die Datei ist zu groß oder zu aufwendig zum Lesen …"), and the server goes on.
The child's other refusals come back as the same errors, the validated
:class:`~.validation.PartnerData` comes back pickled.

Children are forked from a small server process started once (``forkserver``) that has the
loader imported already, so a child starts in milliseconds instead of importing pandas anew.
Where there is no ``fork`` (Windows) children are spawned; where there is no ``RLIMIT_AS``
only the time limit holds.
"""

from __future__ import annotations

import gc
import io
import logging
import multiprocessing
import multiprocessing.connection
import os
import sys
import traceback
from typing import Any

from ..errors import NetworkAppError, UnreadableFileError, WorkspaceError
from . import limits
from .validation import PartnerData

__all__ = ["load_isolated", "start_reader"]

_log = logging.getLogger(__name__)
#: What the children run: imported once in the fork server, not in every child.
_PRELOAD = ["network_app.workbook.loading", "network_app.workbook.isolated"]
#: Seconds given to a child to end after it sent its answer, before it is killed.
_JOIN_SECONDS = 5.0
_ERRORS: dict[str, type[NetworkAppError]] = {
    cls.__name__: cls for cls in (NetworkAppError, UnreadableFileError, WorkspaceError)
}
_context: Any = None


def _get_context() -> Any:
    global _context
    if _context is None:
        if "forkserver" in multiprocessing.get_all_start_methods():
            _context = multiprocessing.get_context("forkserver")
            _context.set_forkserver_preload(_PRELOAD)
        else:  # pragma: no cover - Windows
            _context = multiprocessing.get_context("spawn")
    return _context


def _process_class(context: Any) -> Any:
    """The context's Process; from the fork server :class:`_ReaderProcess`."""
    if context.get_start_method() != "forkserver":  # pragma: no cover - Windows
        return context.Process
    return _ReaderProcess


if sys.platform != "win32":
    # Internals of multiprocessing that typeshed does not describe.
    from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
    from multiprocessing.context import ForkServerProcess

    class _Popen(popen_forkserver.Popen):
        """popen_forkserver's launch (Python 3.11 to 3.13), without the parent's main module:
        multiprocessing's spawn semantics would run it again in every child (in the app that
        is Streamlit's command line, imported anew each time; in the CLI the command)."""

        def _launch(self, process_obj: Any) -> None:
            prep_data = spawn.get_preparation_data(process_obj._name)
            prep_data.pop("init_main_from_name", None)
            prep_data.pop("init_main_from_path", None)
            buf = io.BytesIO()
            popen_forkserver.set_spawning_popen(self)  # type: ignore[attr-defined]
            try:
                reduction.dump(prep_data, buf)
                reduction.dump(process_obj, buf)
            finally:
                popen_forkserver.set_spawning_popen(None)  # type: ignore[attr-defined]
            self.sentinel, w = forkserver.connect_to_new_process(
                self._fds)  # type: ignore[attr-defined]
            _parent_w = os.dup(w)
            self.finalizer = util.Finalize(self, util.close_fds,  # type: ignore[attr-defined]
                                           (_parent_w, self.sentinel))
            with open(w, "wb", closefd=True) as f:
                f.write(buf.getbuffer())
            self.pid = forkserver.read_signed(self.sentinel)

    class _ReaderProcess(ForkServerProcess):
        @staticmethod
        def _Popen(process_obj: Any) -> Any:
            return _Popen(process_obj)


def start_reader() -> None:
    """Start the fork server now, not at the first read: it imports the loader (pandas and
    the file readers, about a second) while the caller goes on, so a fresh app's first
    workbook does not wait for it. Without a fork server (Windows) nothing to start."""
    context = _get_context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


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

    Raises what ``load_workbook`` raises, and :class:`UnreadableFileError` ``too_costly``
    when the child runs out of time or memory or dies.
    """
    seconds = limits.parse_seconds() if seconds is None else seconds
    memory_mb = limits.parse_memory_mb() if memory_mb is None else memory_mb
    context = _get_context()
    receiver, sender = context.Pipe(duplex=False)
    child = _process_class(context)(target=_child, name="partnernetz-reader", daemon=True,
                            args=(sender, content, filename, memory_mb, load_kw))
    child.start()
    sender.close()  # the parent's copy: the pipe reports EOF once the child is gone
    answer = None
    try:
        answer = _answer(receiver, seconds)
    finally:
        receiver.close()
        _end(child, answered=answer is not None)
    if answer is None:
        _log.info("reading %r stopped: more than %s s or %s MB", filename, seconds,
                     memory_mb)
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


def _answer(receiver: multiprocessing.connection.Connection, seconds: float) -> Any:
    """The child's answer, or None when it took too long or died without one."""
    try:
        if not receiver.poll(seconds):
            return None
        return receiver.recv()
    except (EOFError, OSError):  # the child died (killed for its memory, a parser's abort)
        return None


def _end(child: Any, *, answered: bool) -> None:
    """Wait for a child that answered to end; kill one that did not (out of time)."""
    if answered:
        child.join(_JOIN_SECONDS)
    if child.is_alive():
        child.kill()
        child.join()
    child.close()


# --------------------------------------------------------------------------- the child


def _limit_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    limit = _address_space() + memory_mb * limits.MB
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):  # pragma: no cover - a hard limit lower already
        pass


def _address_space() -> int:
    """The process's virtual memory now, in bytes (Linux: /proc; elsewhere 0)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


def _child(sender: multiprocessing.connection.Connection, content: bytes, filename: str,
           memory_mb: int, load_kw: dict[str, Any]) -> None:
    """Runs in the child: load, and send ("data", PartnerData) or why not."""
    _quiet_stderr()
    _limit_memory(memory_mb)
    # The child reads one workbook and ends: Python's cyclic collector would only walk the
    # growing heap again and again (7 full collections, about a third of the reading time of
    # 20,000 partners); what reference counting frees is freed all the same.
    gc.disable()
    try:
        from .loading import load_workbook

        answer: tuple[Any, ...] = ("data", load_workbook(content, filename=filename, **load_kw))
    except MemoryError:
        answer = ("memory",)
    except NetworkAppError as error:
        if error.params.get("detail") == "out_of_memory":
            answer = ("memory",)
        else:
            answer = ("error", type(error).__name__, error.code, error.params)
    except Exception:
        answer = ("crash", traceback.format_exc())
    try:
        try:
            sender.send(answer)
        except MemoryError:  # pickling the data needed more than was left
            sender.send(("memory",))
    except OSError:  # the parent stopped waiting (out of time)
        pass
    finally:
        sender.close()


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
