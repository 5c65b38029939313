"""A fresh server's first page, made ready while it is still loading (issue #12).

The first visitor of a fresh server waits for the app's own imports, the sidebar, reading the
workspace's current workbook (in the isolated reader child), its graph and its groups, one
after the other. The workbook that page will show is known before any of that: the
workspace's current workbook with the hub as the file says (what a new session shows). So
:func:`start`, called once when the app's script first runs (before its imports), starts a
thread that reads that workbook the same way the page does (:func:`load_isolated`, in the
child process with its time and memory limit: the workspace's file came from an upload too),
then builds its graph and finds its groups. The page's cached functions
(:mod:`app_pages.common`) take these results instead of making them again when their
arguments are the same (:func:`take_data`, :func:`take_graph`, :func:`take_groups`), waiting
for them if the thread is not done yet; anything else (another workbook, another hub, an
error in the thread that is not the workbook's) is made by the page as before.

The thread calls no Streamlit element (only the secrets, for the workspace folder), and each
result is handed out once: after that the page's caches hold it.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future
from typing import Any

_LOG = logging.getLogger("stadtlabor")
#: The groups' resolution and language a new session's Netzwerk page asks for first.
_RESOLUTION, _LANG = 1.0, "de"
#: Seconds the results wait for the page after they are made.
_KEEP_SECONDS = 600.0

_lock = threading.Lock()
_started = False
#: The one prefetch: the workbook's bytes, name and key, and the futures of its results.
_job: dict[str, Any] = {}
#: Set when the thread has read the workspace's file (or given up): the job's bytes are known.
_read = threading.Event()
_read.set()  # no thread started: nothing to wait for


def configured_workspace() -> str | None:
    """The folder set in ``.streamlit/secrets.toml`` (``workspace = "/srv/partnernetz"``)."""
    import streamlit as st

    try:
        value = st.secrets.get("workspace")
    except FileNotFoundError:  # no secrets file at all: Streamlit raises on any access
        return None
    return str(value) if value else None


def start() -> None:
    """Start the thread once per server process (later calls do nothing)."""
    global _started
    with _lock:
        if _started:
            return
        _started = True
        _job.update(data=Future(), graph=Future(), groups=Future())
        _read.clear()
    threading.Thread(target=_run, name="prefetch-first-page", daemon=True).start()


def _run() -> None:
    try:
        _make()
    finally:
        # What no page took (the first visitor chose another hub, or opened a page without
        # the groups) is not kept for ever: after a while the pages make their own.
        timer = threading.Timer(_KEEP_SECONDS, _drop)
        timer.daemon = True
        timer.start()


def _drop() -> None:
    with _lock:
        for what in ("data", "graph", "groups", "content"):
            _job.pop(what, None)


def _make() -> None:
    data_f: Future = _job["data"]
    graph_f: Future = _job["graph"]
    groups_f: Future = _job["groups"]
    try:
        from network_app.errors import NetworkAppError
        from network_app.workbook import limits
        from network_app.workbook.isolated import load_isolated
        from network_app.workspace.store import Workspace, fingerprint

        # Only an existing current workbook: the first start's copy of the example is the
        # page's to make (no two writers).
        current, content = Workspace.resolve(configured_workspace()).open_current()
        name = current.name
        with _lock:
            _job.update(content=content, name=name, key=f"{fingerprint(content)}:None")
        _read.set()
    except Exception as error:  # no workspace or no current workbook yet: the page reads it
        _LOG.info("no first page made ahead: %s", error)
        _read.set()
        for future in (data_f, graph_f, groups_f):
            future.set_result(None)
        return
    try:
        data = load_isolated(content, name, max_bytes=limits.MAX_UPLOAD_MB * limits.MB,
                             own_organisation=None)
    except NetworkAppError as error:  # the workbook's own answer: the page shows it
        data_f.set_exception(error)
        graph_f.set_result(None)
        groups_f.set_result(None)
        return
    except Exception:
        _LOG.exception("reading the current workbook ahead failed")
        for future in (data_f, graph_f, groups_f):
            future.set_result(None)
        return
    data_f.set_result(data)
    try:
        import networkx as nx

        import network_app as na

        graph = nx.freeze(na.build_graph(data))
        graph_f.set_result(graph)
        groups_f.set_result(na.detect_communities(graph, resolution=_RESOLUTION, lang=_LANG))
    except Exception:  # the page makes them itself
        _LOG.exception("the first page's graph made ahead failed")
        if not graph_f.done():
            graph_f.set_result(None)
        groups_f.set_result(None)


def _take(what: str, match: bool) -> Any:
    """The result ``what`` when ``match`` (else None), handed out once."""
    with _lock:
        future = _job.get(what)
        if future is None:
            return None
        if not match:
            return None
        del _job[what]
    return future.result()  # waits for the thread; re-raises the workbook's error


def _known(key: str) -> bool:
    with _lock:
        return _job.get("key") == key


def take_data(content: bytes, name: str, own_organisation: object) -> Any:
    """The workbook read ahead when it is this one (same bytes, name and hub choice), else
    None; raises its error as :func:`load_isolated` would have."""
    _read.wait(30)  # reading a file from the disk: milliseconds
    with _lock:
        same = (own_organisation is None and _job.get("name") == name
                and _job.get("content") == content)
    result = _take("data", same)
    if same:
        with _lock:
            _job.pop("content", None)
    return result


def take_graph(key: str) -> Any:
    """The frozen graph made ahead for ``key``, else None."""
    return _take("graph", _known(key))


def take_groups(key: str, resolution: float, lang: str) -> Any:
    """The groups made ahead for ``key`` at the first page's resolution and language, else
    None."""
    return _take("groups", _known(key) and resolution == _RESOLUTION and lang == _LANG)
