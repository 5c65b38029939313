"""Imports of third-party libraries that cost more than their use here needs.

igraph (the compiled engine under the measures and layouts) imports ``matplotlib.pyplot`` while
it is imported itself, for its own plotting, which this project never uses: on this 2-core
machine that took 0.9 s of every command's start, against 0.1 s for igraph without it
(igraph/python-igraph#762, open; a maintainer suggested hiding matplotlib in #739).
:func:`import_igraph` imports igraph with matplotlib hidden for that moment; igraph then plots
with a stand-in that says matplotlib is missing, and everything else works. When matplotlib is
loaded already (a picture was drawn first) nothing is hidden.

The packages ``network_app.network`` and ``network_app.analysis`` call it in their
``__init__``, so it runs before any of their modules writes ``import igraph``.
"""

from __future__ import annotations

import importlib
import sys

__all__ = ["import_igraph"]


def import_igraph() -> None:
    """Import igraph without the ``matplotlib.pyplot`` it would load (see the module)."""
    if "igraph" in sys.modules:
        return
    if "matplotlib" in sys.modules:
        importlib.import_module("igraph")
        return
    # None in sys.modules makes ``import matplotlib`` raise ImportError (the import system's
    # documented way to block a module); igraph catches it.
    sys.modules["matplotlib"] = None  # type: ignore[assignment]
    try:
        importlib.import_module("igraph")
    finally:
        if sys.modules.get("matplotlib", ...) is None:
            del sys.modules["matplotlib"]
