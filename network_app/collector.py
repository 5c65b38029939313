"""Python's cyclic garbage collector, paused while a block makes many objects and no cycles.

Reading a workbook, building its graph, copying it for igraph, writing an HTML page and the
measures make hundreds of thousands of lists, dicts and tuples, none of them garbage yet and
hardly any cycles among them; the collector walked every live object again and again for
nothing (a fifth of loading 20,000 partners, 70 ms of an HTML export of 1,000). Reference
counting still frees what is dropped meanwhile.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]


@contextmanager
def paused() -> Iterator[None]:
    """The collector off while the block runs, then as it was: left off where it was off
    already (the reader's child, the command line, a second thread pausing it at the same
    time ends with it on again when the first one ends)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
