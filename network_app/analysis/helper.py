"""A second process for exact betweenness, the one heavy measure that a second core can halve.

igraph's betweenness runs in C and holds the interpreter lock, so a thread does not help; on the
two-core reference machine it takes about 2.5 s for 5,000 partners with 27,500 ties, more than
everything else in ``analyze`` together. Betweenness is a sum over starting partners (Brandes):
igraph's ``betweenness(sources=S)`` of an undirected network counts the shortest paths from the
partners in ``S`` to everyone, each pair once, so the sums over parts of the partners add up
to the betweenness of the whole (``tests/test_metrics.py`` checks this against networkx).
:func:`split_betweenness` sends the first share of the sources to a helper process and computes
the rest here, after whatever else the caller has to do meanwhile (closeness, the
eccentricities for the diameter, the groups); then this process counts the helper's blocks
from the back while the helper counts them from the front, until the two meet: neither waits
for the other, whatever the network, the other work and the machine's load (the measures
offer the helper every block: ``share=1``).

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

The protocol on the pipes (each message pickled and preceded by its length, 8 bytes,
little-endian): a request is ``(vertex count, edge array, blocks of sources)``; the helper
reports ``("step", i)`` after each block and ends with ``("done", last block counted, the sum of
its blocks up to that one)``; a pickled None tells it to stop after the block at hand.
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

__all__ = ["CHUNK", "HELPER_FROM", "betweenness_of", "split_betweenness", "warm_up"]

#: From this many partners on, exact betweenness is shared with the helper process. Measured on
#: the two-core machine: a request and its answer take a few milliseconds once the helper runs,
#: but starting it (a fresh interpreter importing igraph) takes 0.3 s idle and 0.7 s under load;
#: betweenness of 1,500 partners takes about 0.25 s idle, so from about there even a process's
#: first call (the CLI's, the app's first) gains.
HELPER_FROM = 1500

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
    """igraph's betweenness of ``graph`` (undirected, unweighted) from ``sources``: the first
    ``share`` of them (whole blocks of :data:`CHUNK`) are offered to the helper process while
    this one runs ``meanwhile()`` and counts the rest, then as many of the offered blocks, from
    the back, as the helper has not reached.

    Returns
    -------
    (betweenness, meanwhile's result, whether the helper took part)
        ``betweenness`` as ``graph.betweenness(directed=False, sources=sources)``, the same
        bits as :func:`betweenness_of`, whoever computed which block.
    """
    blocks = _blocks(sources)
    cut = min(len(blocks), max(0, round(len(blocks) * share)))
    process = None
    if cut and _lock.acquire(blocking=False):
        try:
            process = _helper()
            if process is not None and not _send(process, graph, blocks[:cut]):
                process = None
        finally:
            if process is None:
                _lock.release()
    mine: dict[int, npt.NDArray[np.float64]] = {}
    answer: tuple[int, npt.NDArray[np.float64]] | None = None
    try:
        result = meanwhile()
        for index in range(len(blocks) - 1, cut - 1, -1):
            mine[index] = _betweenness(graph, blocks[index])
        if process is not None:
            answer = _collect(process, graph, blocks, cut, mine)
    finally:
        if process is not None:
            if answer is None:  # an answer may still be on its way: never read it as the next
                _discard()
            _lock.release()
    helped = answer is not None and answer[1].shape == (graph.vcount(),)
    if helped and answer is not None:
        done, total = answer
    else:
        done, total = -1, np.zeros(graph.vcount())
    # The blocks after the helper's, in order: the same sums as betweenness_of.
    for index in range(done + 1, len(blocks)):
        part = mine.get(index)
        total = total + (part if part is not None else _betweenness(graph, blocks[index]))
    return total, result, helped


def _collect(process: subprocess.Popen[bytes], graph: ig.Graph, blocks: list[list[int]],
             cut: int, mine: dict[int, npt.NDArray[np.float64]]
             ) -> tuple[int, npt.NDArray[np.float64]] | None:
    """Wait for the helper's answer, meanwhile counting its blocks from the back as long as it
    has not reached them (the two processes meet where the helper is slower than planned, for
    instance on a busy machine). Returns (the last block it counted, the sum of its blocks up to
    that one), None when it failed."""
    reported = -1  # the helper's blocks 0..reported are counted
    take = cut - 1  # the next of its blocks this process would count
    stopped = False
    try:
        assert process.stdout is not None and process.stdin is not None
        while True:
            waiting = stopped or take <= reported
            if waiting and not stopped:  # all blocks are counted: the helper can stop
                _write(process.stdin, pickle.dumps(None))
                stopped = True
            if waiting or _ready(process.stdout):
                message = _read(process.stdout)
                if message is None:
                    _discard()
                    return None
                kind, *rest = pickle.loads(message)
                if kind == "done":
                    return int(rest[0]), np.asarray(rest[1], dtype=float)
                reported = int(rest[0])
                continue
            mine[take] = _betweenness(graph, blocks[take])
            take -= 1
    except (OSError, ValueError, EOFError, pickle.UnpicklingError):
        _discard()
        return None


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
        # Unbuffered: whether an answer is waiting is asked of the pipe itself (_ready).
        process = subprocess.Popen([sys.executable, "-c", _START.format(root=_ROOT)],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, close_fds=True, bufsize=0)
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
        _write(process.stdin, payload)
    except (OSError, ValueError):
        _discard()
        return False
    return True


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
    """One message (None at the end of the input); the pipes are unbuffered, so a read may
    return part of it."""
    header = _exactly(stream, _HEADER.size)
    if header is None:
        return None
    (size,) = _HEADER.unpack(header)
    return _exactly(stream, size)


def _exactly(stream: IO[bytes], size: int) -> bytes | None:
    parts = []
    while size:
        piece = stream.read(size)
        if not piece:
            return None
        parts.append(piece)
        size -= len(piece)
    return b"".join(parts)


def _write(stream: IO[bytes], payload: bytes) -> None:
    data = memoryview(_HEADER.pack(len(payload)) + payload)
    while len(data):
        written = stream.write(data)
        data = data[written if written is not None else 0:]
    stream.flush()


def _ready(stream: IO[bytes]) -> bool:
    """Whether a message (or the end) is waiting in the pipe."""
    import select

    return bool(select.select([stream], [], [], 0)[0])


def serve(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> None:
    """The helper's loop: answer requests until the input closes.

    A request's blocks are counted in order; after each one the helper reports it (``("step",
    i)``) and looks whether it was told to stop (a pickled None: the caller counted the rest).
    The answer is ``("done", last block counted, the sum of blocks 0..last)``. A stop that
    arrives after the answer is passed over."""
    if stdin is None:  # unbuffered, so that _ready sees a stop as soon as it is sent
        stdin = getattr(sys.stdin.buffer, "raw", sys.stdin.buffer)
        assert stdin is not None
    stdout = stdout or sys.stdout.buffer
    while True:
        request = _read(stdin)
        if request is None:
            return
        message = pickle.loads(request)
        if message is None:  # a stop that came after the answer
            continue
        vertices, edges, blocks = message
        graph = ig.Graph(n=vertices, edges=np.asarray(edges).tolist(), directed=False)
        total = np.zeros(vertices)
        done = -1
        for index, block in enumerate(blocks):
            if _ready(stdin):  # told to stop (or the caller is gone)
                break
            total = total + _betweenness(graph, block)
            done = index
            _write(stdout, pickle.dumps(("step", index)))
        reply: Any = ("done", done, total)
        _write(stdout, pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL))
