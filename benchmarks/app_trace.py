"""Start the app's Streamlit server with the first page's stages timed (``app.py --trace``).

Run as ``python benchmarks/app_trace.py LOG run streamlit_app.py [options]``: the same as
``python -m streamlit run …``, but each call of the functions in :data:`STAGES` (wrapped when
their module is first imported, so imports are timed where they happen), each websocket
message over 1 KB the server sends, and each garbage collection over 50 ms is written to LOG
as one line: ``<unix time> <thread> <event>``. A measuring aid only: nothing of the app uses it.
"""

from __future__ import annotations

import functools
import gc
import importlib.abc
import importlib.machinery
import sys
import threading
import time
from typing import Any

#: (module, function) of the first page's stages.
STAGES = (
    ("app_pages.prefetch", "start"),
    ("app_pages.prefetch", "take_data"),
    ("app_pages.common", "sidebar"),
    ("network_app.workbook.isolated", "load_isolated"),
    ("network_app.network.graph", "build_graph"),
    ("network_app.network.graph", "partner_layer"),
    ("network_app.analysis.communities", "detect_communities"),
    ("network_app.network.figures", "key_figures"),
    ("network_app.network.views", "filter_options"),
    ("network_app.network.views", "network_view"),
    ("network_app.network.overview", "community_grouping"),
    ("network_app.network.overview", "category_grouping"),
    ("network_app.network.overview", "overview_graph"),
    ("network_app.network.overview", "overview_positions"),
    ("network_app.network.positions", "stable_positions"),
    ("network_app.analysis.metrics", "partner_metrics"),
)

_LOG = open(sys.argv[1], "a", buffering=1, encoding="utf-8")  # noqa: SIM115 (the process's life)


def log(event: str) -> None:
    _LOG.write(f"{time.time():.3f} {threading.current_thread().name[:12]} {event}\n")


def _timed(function: Any, name: str) -> Any:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.time()
        try:
            return function(*args, **kwargs)
        finally:
            log(f"{name} {started:.3f} {time.time() - started:.3f}")
    return timed


class _Wrapper(importlib.abc.MetaPathFinder):
    """Wraps the stages of a module right after it is imported."""

    def __init__(self) -> None:
        self.wanted: dict[str, list[str]] = {}
        for module, name in STAGES:
            self.wanted.setdefault(module, []).append(name)

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname not in self.wanted:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None
        execute = spec.loader.exec_module
        names = self.wanted[fullname]

        def exec_module(module: Any) -> None:
            execute(module)
            for name in names:
                if hasattr(module, name):
                    setattr(module, name, _timed(getattr(module, name), name))

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _collections(phase: str, info: dict) -> None:
    if phase == "start":
        _collections.started = time.time()  # type: ignore[attr-defined]
        return
    took = time.time() - getattr(_collections, "started", time.time())
    if took > 0.05:
        log(f"gc_generation_{info['generation']} {took:.3f}")


def main() -> None:
    import starlette.websockets
    from streamlit.web import cli

    send = starlette.websockets.WebSocket.send_bytes

    async def send_bytes(self: Any, data: bytes) -> None:
        if len(data) > 1000:
            log(f"sent {len(data)}")
        await send(self, data)

    starlette.websockets.WebSocket.send_bytes = send_bytes  # type: ignore[method-assign]
    sys.meta_path.insert(0, _Wrapper())
    gc.callbacks.append(_collections)
    sys.argv = ["streamlit", *sys.argv[2:]]
    cli.main()


if __name__ == "__main__":
    main()
