"""Python's cyclic garbage collector, paused while a block makes many objects and no cycles.

Reading a workbook, building its graph, copying it for igraph, writing an HTML page and the
measures make hundreds of thousands of lists, dicts and tuples, none of them garbage yet and
hardly any cycles among them; the collector walked every live object again and again for
nothing (a fifth of loading 20,000 partners, 70 ms of an HTML export of 1,000). Reference
counting still frees what is dropped meanwhile.

The collector is one switch for the whole process, and the app's sessions run in threads:
the pauses are counted under a lock, so the first one in switches it off and the last one out
puts it back as the first found it. (Each thread reading ``gc.isenabled()`` for itself could
leave it off for good: A reads "off" while B pauses, B ends and switches it on, A switches it
off and, having found it off, never on again.)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]

_lock = threading.Lock()
_pauses = 0
_was_on = False


@contextmanager
def paused() -> Iterator[None]:
    """The collector off while the block runs (in any thread), then as before the first pause
    began: left off where it was off already (the reader's child, the command line).

    >>> import gc
    >>> with paused():
    ...     with paused():
    ...         inner = gc.isenabled()
    ...     between = gc.isenabled()
    >>> inner, between, gc.isenabled()
    (False, False, True)
    """
    global _pauses, _was_on
    with _lock:
        if _pauses == 0:
            _was_on = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_on:
                gc.enable()
