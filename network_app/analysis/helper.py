"""A second process for exact betweenness, the one heavy measure that a second core can halve.

igraph's betweenness runs in C and holds the interpreter lock, so a thread does not help; on the
two-core reference machine it takes about 2.5 s for 5,000 partners with 27,500 ties, more than
everything else in ``analyze`` together. Betweenness is a sum over starting partners (Brandes):
igraph's ``betweenness(sources=S)`` of an undirected network counts the shortest paths from the
partners in ``S`` to everyone, each pair once, so the sums over parts of the partners add up
to the betweenness of the whole (``tests/test_metrics.py`` checks this against networkx).
:func:`split_betweenness` sends the first share of the sources to a helper process and computes
the rest here meanwhile, together with whatever else the caller has to do (closeness, the
eccentricities for the diameter, the groups).

The sum is always taken over the same blocks of :data:`CHUNK` starting partners, added in their
order, whichever process counted which block (:func:`betweenness_of` does the same here
alone): so the figures have the same bits with or without the helper, whatever its share.

The helper is a plain child interpreter (``subprocess``, not ``multiprocessing``): nothing is
forked from a process that has threads (the Streamlit server has many), the helper imports only
igraph, and it works the same under the CLI, the app and pytest. It is started once per process
and kept for the next call; it ends when this process closes its pipe (at exit, or when this
process dies in any way), so it never outlives its parent. Calls from several threads at once
share it in turn: while it is busy, a call computes everything itself.

Whenever the helper cannot be started or fails, the same blocks are computed here: the result
has the same bits either way.

The protocol on the pipes: a request is one pickled ``(vertex count, edge array, blocks of
sources)``, a reply one pickled numpy array (the blocks' sums added in order), each preceded by
its length (8 bytes, little-endian).
"""

from __future__ import annotations

import atexit
import os
import pickle
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

import igraph as ig
import numpy as np
import numpy.typing as npt

__all__ = ["CHUNK", "HELPER_FROM", "HELPER_SHARE", "betweenness_of", "split_betweenness",
           "warm_up"]

#: From this many partners on, exact betweenness is shared with the helper process. Measured on
#: the two-core machine: a request and its answer take a few milliseconds once the helper runs,
#: but starting it (a fresh interpreter importing igraph) takes 0.3 s idle and 0.7 s under load;
#: betweenness of 1,500 partners takes about 0.25 s idle, so from about there even a process's
#: first call (the CLI's, the app's first) gains.
HELPER_FROM = 1500

#: The helper's share of the starting partners when the caller does nothing else meanwhile.
HELPER_SHARE = 0.5

#: Betweenness is summed over blocks of this many starting partners (see the module's
#: docstring); the split between the processes falls between blocks. For 5,000 partners blocks
#: of 128 cost about 2 % more than one call, which is 2.6 s on the reference machine.
CHUNK = 128

_HEADER = struct.Struct("<Q")
_ROOT = str(Path(__file__).resolve().parent.parent.parent)
_START = ("import sys; sys.path.insert(0, {root!r}); "
          "from network_app.analysis.helper import serve; serve()")

T = TypeVar("T")

_lock = threading.Lock()
_process: subprocess.Popen[bytes] | None = None
_failed = False


def warm_up() -> None:
    """Start the helper now, so that its interpreter boots while this one reads the workbook
    (the CLI calls it before loading a large file). Does nothing when it cannot start."""
    if _lock.acquire(blocking=False):
        try:
            _helper()
        finally:
            _lock.release()


def split_betweenness(graph: ig.Graph, sources: Sequence[int], share: float,
                      meanwhile: Callable[[], T]) -> tuple[npt.NDArray[np.float64], T, bool]:
    """igraph's betweenness of ``graph`` (undirected, unweighted) from ``sources``, the first
    ``share`` of them (whole blocks of :data:`CHUNK`) counted in the helper process while this
    one runs ``meanwhile()`` and the rest.

    Returns
    -------
    (betweenness, meanwhile's result, whether the helper took part)
        ``betweenness`` as ``graph.betweenness(directed=False, sources=sources)``, the same
        bits as :func:`betweenness_of`, whoever computed which block.
    """
    blocks = _blocks(sources)
    cut = min(len(blocks), max(0, round(len(blocks) * share)))
    first, rest = blocks[:cut], blocks[cut:]
    process = None
    if first and _lock.acquire(blocking=False):
        try:
            process = _helper()
            if process is not None and not _send(process, graph, first):
                process = None
        finally:
            if process is None:
                _lock.release()
    theirs: npt.NDArray[np.float64] | None = None
    try:
        result = meanwhile()
        mine = [_betweenness(graph, block) for block in rest]
        if process is not None:
            theirs = _receive(process)
    finally:
        if process is not None:
            if theirs is None:  # an answer may still be on its way: never read it as the next
                _discard()
            _lock.release()
    helped = theirs is not None and theirs.shape == (graph.vcount(),)
    total = theirs if helped and theirs is not None else _added(graph, first)
    for part in mine:  # the helper's blocks come first: the same order as betweenness_of
        total = total + part
    return total, result, helped


def betweenness_of(graph: ig.Graph, sources: Sequence[int]) -> npt.NDArray[np.float64]:
    """igraph's betweenness of ``graph`` (undirected, unweighted) from ``sources``, counted
    here alone: the same blocks added in the same order as :func:`split_betweenness`."""
    return _added(graph, _blocks(sources))


def _blocks(sources: Sequence[int]) -> list[list[int]]:
    sources = list(sources)
    return [sources[first:first + CHUNK] for first in range(0, len(sources), CHUNK)]


def _added(graph: ig.Graph, blocks: list[list[int]]) -> npt.NDArray[np.float64]:
    """The blocks' betweenness, added in their order (the helper does exactly this)."""
    total = np.zeros(graph.vcount())
    for block in blocks:
        total = total + _betweenness(graph, block)
    return total


def _betweenness(graph: ig.Graph, sources: list[int]) -> npt.NDArray[np.float64]:
    if not sources:
        return np.zeros(graph.vcount())
    return np.array(graph.betweenness(directed=False, sources=sources), dtype=float)


# --------------------------------------------------------------------------- this side


def _helper() -> subprocess.Popen[bytes] | None:
    """The running helper, started when there is none; None when it cannot run here. The
    caller holds ``_lock``."""
    global _process, _failed
    if _process is not None and _process.poll() is None:
        return _process
    _discard()
    if _failed or not sys.executable:
        return None
    try:
        process = subprocess.Popen([sys.executable, "-c", _START.format(root=_ROOT)],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, close_fds=True)
    except (OSError, ValueError, subprocess.SubprocessError):
        _failed = True
        return None
    _widen(process.stdin)
    _process = process
    return process


def _widen(pipe: IO[bytes] | None) -> None:
    """Let the request fit into the pipe at once (Linux), so sending never waits for the helper
    to finish booting while this process has its own share to compute."""
    if pipe is None:
        return
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (ImportError, OSError, ValueError):
        pass  # the default pipe: sending waits until the helper reads


def _send(process: subprocess.Popen[bytes], graph: ig.Graph, blocks: list[list[int]]) -> bool:
    edges = np.array(graph.get_edgelist(), dtype=np.int32).reshape(-1, 2)
    payload = pickle.dumps((graph.vcount(), edges, blocks), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        assert process.stdin is not None
        process.stdin.write(_HEADER.pack(len(payload)) + payload)
        process.stdin.flush()
    except (OSError, ValueError):
        _discard()
        return False
    return True


def _receive(process: subprocess.Popen[bytes]) -> npt.NDArray[np.float64] | None:
    try:
        assert process.stdout is not None
        reply = _read(process.stdout)
        return None if reply is None else np.asarray(pickle.loads(reply), dtype=float)
    except (OSError, ValueError, EOFError, pickle.UnpicklingError):
        _discard()
        return None


def _let_go() -> subprocess.Popen[bytes] | None:
    """Forget the helper and close this process's ends of its pipes; returns it."""
    global _process
    process, _process = _process, None
    if process is not None:
        for pipe in (process.stdin, process.stdout):
            try:
                if pipe is not None:
                    pipe.close()
            except OSError:
                pass
    return process


def _discard() -> None:
    """Forget the helper and let it end (it ends when its input closes)."""
    process = _let_go()
    if process is None:
        return
    try:
        process.wait(timeout=2)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _forget_in_child() -> None:
    """A process forked from this one has no helper of its own: it closes its copies of the
    pipes (so that the helper still sees its input close when the parent ends) and never waits
    for a process that is not its child."""
    process = _let_go()
    if process is None:
        return
    process.returncode = 0  # not this process's child: nothing to wait for


atexit.register(_discard)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


# --------------------------------------------------------------------------- the helper


def _read(stream: IO[bytes]) -> bytes | None:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    payload = stream.read(size)
    return payload if len(payload) == size else None


def serve(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> None:
    """The helper's loop: answer requests until the input closes."""
    stdin = stdin or sys.stdin.buffer
    stdout = stdout or sys.stdout.buffer
    while True:
        request = _read(stdin)
        if request is None:
            return
        vertices, edges, blocks = pickle.loads(request)
        graph = ig.Graph(n=vertices, edges=np.asarray(edges).tolist(), directed=False)
        reply: Any = _added(graph, blocks)
        payload = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.write(_HEADER.pack(len(payload)) + payload)
        stdout.flush()
