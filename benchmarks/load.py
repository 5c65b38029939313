"""Benchmark: many users at once (issue #13 item 5): the app server under 20 sessions.

Starts the app as ``tests/browser.py`` does (``streamlit run streamlit_app.py`` on 127.0.0.1,
a free port, headless, no file watcher), with a fresh temporary workspace
(``PARTNERNETZ_WORKSPACE``) that the first session fills with a copy of the bundled example.

The sessions are light clients, not browsers: each speaks Streamlit's own websocket protocol
(``/_stcore/stream``) with the protobuf messages of the installed streamlit package, as the
browser's frontend does. A session sends a ``rerun_script`` BackMsg (the page and the widget
states) and waits for the ``script_finished`` ForwardMsg; the time between the two is the
page-update time: the server's time for that rerun plus its queueing behind other sessions.
The client renders nothing, so the 2 cores go to the server. Each session cycles through the
pages Netzwerk, Karte, Analyse, Partner and Präsentation (each session starting elsewhere);
after opening a page it changes a filter where the page has one (a multiselect outside the
sidebar gets a random choice of its options, else a selectbox another option), and on the
first and every third visit of a page with the export expander (``--export-every``, 0 for
never) it presses "Export erstellen" (the default format, PNG). A rerun counts as an error
when the run ends otherwise than successfully, when the page shows a Streamlit exception or an
error box, when the connection drops, or when no ``script_finished`` comes within 120 s.

Meanwhile ``--savers`` more sessions (default 2) save to the workspace as colleagues do, over
the same websocket: each opens the page Bearbeiten, types a new note into a cell of the Partner
table (its own partner: the second and third rows) through the table's ``st.data_editor``
widget state (a JSON string ``{"edited_rows": {row: {column: value}}, "added_rows": [],
"deleted_rows": []}``, as the browser sends it; the widget's id comes from the delta the server
sent, as the other widgets' ids do), then fills in "Ihr Name" and presses "Speichern" and
reads the page's answer. "Gespeichert: …" is a save the page claims. When the page says the
workbook was saved by someone else in the meantime (the warning before saving, or the error
after pressing "Speichern"), the saver does what the page offers: one click on "Meine
Änderungen auf die neuere Fassung übertragen und speichern" (carried over to the newest file and
saved in one page update; when yet another save came in between, the page says so again and the
saver clicks again). Each saver writes "load-<saver>-<n>",
then waits about ``--save-pause`` seconds (default 5, drawn between half and one and a half
times it: two colleagues editing busily, not in step; every save is a new workbook, which
the sessions show on their next rerun: the server reads, lays out and measures it once, in its
caches) and types the next value into the grid it has on screen, so a colleague's save in the
pause is met as a user meets it. A saver stops at its first failure. Afterwards: every save the page
claimed must be in the workspace's versions (the value in a version, one version per claimed
save, recorded under the saver's name), and the current workbook must hold each saver's last
value; any difference is a lost save. A conflict message is the app's own handling, not an
error; any other error box is one.

The server's memory is its process's VmRSS (``/proc/PID/status``) every 0.5 s (start after
the first page, max, end, and the max of the last quarter against the first quarter's max:
flat after warm-up or not); its CPU seconds are utime + stime of the server process and of its
children (the workbook reader's fork server); the load average is read at the start and end.

Run (about 75 s; ``--json OUT`` writes the numbers)::

    .venv/bin/python benchmarks/load.py --sessions 20 --seconds 60 [--savers 2] [--json OUT]

``--export-every 0`` leaves the exports out (the run without exports of the README).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.typing import Subprotocol

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from network_app.text import by_language  # noqa: E402

PAGES = ["Netzwerk", "Karte", "Analyse", "Partner", "Präsentation"]
#: Widgets of the sidebar (the same on every page): not the page's filters.
SIDEBAR_KEYS = ("-language", "-workbook", "-hub_mode")
TIMEOUT = 120.0
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- the server's process ----------------------------------------------------------------------
def rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def cpu_seconds(pid: int) -> float:
    """utime + stime of ``pid`` and its living descendants (and of reaped children)."""
    total = 0.0
    for p in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # fields[11:15]: utime, stime, cutime, cstime (the stat fields 14-17)
        total += sum(int(v) for v in fields[11:15]) / TICKS
        if p != pid:
            total += sum(cpu_seconds(c) for c in _children(p))
    return total


def start_server(workspace: Path, port: int, log: Any) -> subprocess.Popen:
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
           "PARTNERNETZ_WORKSPACE": str(workspace)}
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "streamlit"), "run", str(ROOT / "streamlit_app.py"),
         "--server.headless", "true", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server stopped; see its log")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                        timeout=2) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise TimeoutError("the server did not start")


# --- one light client --------------------------------------------------------------------------
@dataclass
class Widget:
    id: str
    kind: str  # multiselect, selectbox, button, text_input, data_editor
    options: list[str]


@dataclass
class Run:
    seconds: float
    status: int
    widgets: list[Widget]
    errors: list[str]  # exceptions the page showed
    pages: dict[str, tuple[str, str]]  # page title -> (script hash, url path)
    alerts: list[tuple[str, str]] = field(default_factory=list)  # (ERROR/WARNING/..., body)

    def widget(self, kind: str, key: str | re.Pattern[str]) -> Widget | None:
        """The widget of ``kind`` whose user key (the end of its id) is ``key``."""
        for widget in self.widgets:
            end = widget.id.rsplit("-", 1)[-1]
            if widget.kind == kind and (key.fullmatch(end) if isinstance(key, re.Pattern)
                                        else end == key):
                return widget
        return None

    def said(self, kind: str, message: re.Pattern[str]) -> re.Match[str] | None:
        for what, body in self.alerts:
            if what == kind:
                found = message.fullmatch(body)
                if found:
                    return found
        return None


@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=lambda: {
        "page": [], "filter": [], "export": [], "edit": [], "save": []})
    errors: list[str] = field(default_factory=list)
    reruns: int = 0


class Client:
    def __init__(self, url: str) -> None:
        self.url = url
        self.ws: Any = None
        self.pages: dict[str, tuple[str, str]] = {}

    async def connect(self) -> None:
        self.ws = await websockets.connect(self.url, subprotocols=[Subprotocol("streamlit")],
                                           max_size=None, open_timeout=TIMEOUT,
                                           ping_interval=None)

    async def rerun(self, page: str | None, states: list[tuple[Widget, Any]]) -> Run:
        msg = BackMsg()
        client = msg.rerun_script
        client.query_string = ""
        if page is not None:
            client.page_script_hash, client.page_name = self.pages[page]
        for widget, value in states:
            state = client.widget_states.widgets.add()
            state.id = widget.id
            if widget.kind == "multiselect":
                state.string_array_value.data[:] = value
            elif widget.kind == "button":
                state.trigger_value = True
            elif widget.kind == "data_editor":  # the grid's edits, as the browser sends them
                state.string_value = json.dumps(value)
            else:
                state.string_value = value
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        widgets: list[Widget] = []
        errors: list[str] = []
        alerts: list[tuple[str, str]] = []
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), TIMEOUT)
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "script_finished":
                if forward.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    # the page called st.rerun() (after "Speichern", say): the server runs
                    # it again at once and sends the page anew; the answer is that run's
                    widgets, alerts = [], []
                    continue
                seconds = time.perf_counter() - start
                return Run(seconds, forward.script_finished, widgets, errors, self.pages,
                           alerts)
            if kind == "navigation":
                self.pages = {p.page_name: (p.page_script_hash, p.url_pathname)
                              for p in forward.navigation.app_pages}
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                what = element.WhichOneof("type")
                if what == "exception":
                    errors.append(f"exception: {element.exception.message[:200]}")
                elif what == "alert":
                    alerts.append((element.alert.Format.Name(element.alert.format),
                                   element.alert.body))
                elif what in ("multiselect", "selectbox"):
                    proto = getattr(element, what)
                    if not proto.id.endswith(SIDEBAR_KEYS) and not proto.disabled:
                        widgets.append(Widget(proto.id, what, list(proto.options)))
                elif what in ("button", "text_input"):
                    proto = getattr(element, what)
                    if not proto.disabled:
                        widgets.append(Widget(proto.id, what, []))
                elif what == "dataframe" and element.dataframe.id:  # an st.data_editor
                    widgets.append(Widget(element.dataframe.id, "data_editor", []))

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


def _record(stats: Stats, kind: str, run: Run, where: str,
            expected: tuple[re.Pattern[str], ...] = ()) -> None:
    """Count a rerun; its errors are the exceptions and the error boxes, except the
    ``expected`` ones (a saver's conflict message is the app's answer, not an error)."""
    stats.reruns += 1
    stats.times[kind].append(run.seconds)
    # 0: finished successfully; 3: a fragment's run finished successfully
    if run.status not in (0, 3):
        stats.errors.append(f"{where}: the run ended with status {run.status}")
    stats.errors.extend(f"{where}: {e}" for e in run.errors)
    stats.errors.extend(f"{where}: error box: {body[:200]}" for what, body in run.alerts
                        if what == "ERROR" and not any(m.fullmatch(body) for m in expected))


def _filter_change(widgets: list[Widget], rng: random.Random) -> tuple[Widget, Any] | None:
    choices = [w for w in widgets if w.kind == "multiselect" and len(w.options) > 1]
    if choices:
        widget = rng.choice(choices)
        return widget, rng.sample(widget.options, rng.randint(1, len(widget.options) - 1))
    choices = [w for w in widgets if w.kind == "selectbox" and len(w.options) > 1]
    if choices:
        widget = rng.choice(choices)
        return widget, rng.choice(widget.options[1:])
    return None


async def session(number: int, url: str, stop_at: float, stats: Stats,
                  export_every: int = 3) -> None:
    rng = random.Random(number)
    client = Client(url)
    visits = 0
    try:
        await client.connect()
        first = await client.rerun(None, [])  # the app's first page, as a browser opens it
        _record(stats, "page", first, f"session {number} start")
        step = number
        while time.monotonic() < stop_at:
            page = PAGES[step % len(PAGES)]
            step += 1
            where = f"session {number} {page}"
            opened = await client.rerun(page, [])
            _record(stats, "page", opened, where)
            if time.monotonic() >= stop_at:
                break
            change = _filter_change(opened.widgets, rng)
            if change is not None:
                _record(stats, "filter", await client.rerun(page, [change]), where + " filter")
            button = opened.widget("button", "export_build")
            if button is not None:
                visits += 1
                if export_every and (visits - 1) % export_every == 0 \
                        and time.monotonic() < stop_at:
                    run = await client.rerun(page, [(button, True)])
                    _record(stats, "export", run, where + " export")
    except (TimeoutError, OSError, websockets.ConnectionClosed) as exc:
        stats.errors.append(f"session {number}: {type(exc).__name__}: {exc}")
    finally:
        try:
            await client.close()
        except (OSError, websockets.ConnectionClosed):
            pass


# --- the savers: sessions on the page Bearbeiten ------------------------------------------------
def _message(key: str) -> re.Pattern[str]:
    """The page's German message ``app.bearbeiten.<key>`` as a pattern (its placeholders,
    such as the file's name, match anything)."""
    text = str(by_language("app.bearbeiten")["de"][key])
    parts = re.split(r"\{\w+\}", text)
    return re.compile("(.+?)".join(re.escape(part) for part in parts), re.DOTALL)


EDIT_PAGE = str(by_language("app.common")["de"]["page_edit"])
SAVED = _message("saved")  # "Gespeichert: {name}. …" (success)
CARRIED_SAVED = _message("carried_saved")  # ... after the one click that carries over
REFUSED = _message("save_refused")  # "Speichern" refused: saved elsewhere meanwhile (error)
NOTICED = _message("changed_elsewhere")  # ... seen before "Speichern" (warning)
CARRY_CONFLICTS = _message("carry_conflicts")  # "Nicht übertragen: …" (error)
#: The conflict messages: the app's answer, not errors.
CONFLICT_MESSAGES = (REFUSED, CARRY_CONFLICTS)
PARTNER_GRID = re.compile(r"edit_partners_\d+")  # the grid's key: edit_<table>_<round>
#: Tries of one save (each: "Speichern" or "… übertragen und speichern").
TRIES = 10


@dataclass
class SaverResult:
    number: int
    who: str
    done: list[str] = field(default_factory=list)  # values whose save the page claimed
    refused: int = 0  # "Speichern" refused (the page's error: saved elsewhere meanwhile)
    noticed: int = 0  # the page said so before "Speichern" (its warning)
    carry_conflicts: int = 0
    carried_saves: int = 0  # saved by "… übertragen und speichern" after a conflict
    unsaved_at_end: int = 0
    failures: list[str] = field(default_factory=list)


class Saver:
    """One colleague on the page Bearbeiten: types a note into the Partner table, saves, and
    meets a colleague's save as the page offers (one click: carry the edits over and
    save)."""

    def __init__(self, number: int, url: str, stats: Stats) -> None:
        self.client = Client(url)
        self.stats = stats
        self.result = SaverResult(number, who=f"load-saver-{number}")
        self.where = f"saver {number}"
        self.row = 1 + number  # its own partner: the second, third, ... row of the grid
        self.run: Run | None = None

    async def press(self, kind: str, states: list[tuple[Widget, Any]], what: str) -> Run:
        run = await self.client.rerun(EDIT_PAGE, states)
        _record(self.stats, kind, run, f"{self.where} {what}", CONFLICT_MESSAGES)
        self.run = run
        return run

    async def open(self) -> None:
        await self.client.connect()
        first = await self.client.rerun(None, [])  # the app's first page, as a browser opens
        _record(self.stats, "page", first, f"{self.where} start")
        await self.press("page", [], "open")

    async def type_note(self, value: str) -> bool:
        """Type ``value`` into the note cell of its row in the grid on screen."""
        assert self.run is not None
        grid = self.run.widget("data_editor", PARTNER_GRID)
        if grid is None:
            self.result.failures.append(f"{self.where}: no Partner table on the page")
            return False
        edits = {"edited_rows": {str(self.row): {"note": value}}, "added_rows": [],
                 "deleted_rows": []}
        await self.press("edit", [(grid, edits)], "type")
        return True

    async def save(self, value: str, stop_at: float) -> None:
        """Type ``value`` and save it; on a conflict carry over and save in one click."""
        if not await self.type_note(value):
            return
        for _ in range(TRIES):
            run = self.run
            assert run is not None
            button = run.widget("button", "edit_save")
            if button is not None:
                run = await self.press("save", self._named(run, button), "Speichern")
                if run.said("SUCCESS", SAVED):
                    self.result.done.append(value)
                    return
                if run.said("ERROR", REFUSED):
                    self.result.refused += 1
                elif run.said("WARNING", NOTICED):  # saved elsewhere before the click came
                    self.result.noticed += 1
                else:
                    self.result.failures.append(
                        f"{self.where}: after Speichern neither saved nor refused: "
                        f"{run.alerts[:3]}")
                    return
            elif run.said("WARNING", NOTICED):
                self.result.noticed += 1
            elif run.said("ERROR", REFUSED):  # the one click met yet another save
                self.result.refused += 1
            else:
                self.result.failures.append(
                    f"{self.where}: no Speichern button and no conflict message: "
                    f"{run.alerts[:3]}")
                return
            if time.monotonic() >= stop_at:  # the end: the edit stays unsaved, not lost
                self.result.unsaved_at_end += 1
                return
            # the page's way out: carry the edits over to the newest file and save, one click
            carry = run.widget("button", "edit_carry_save")
            if carry is None:
                self.result.failures.append(
                    f"{self.where}: no »übertragen und speichern« after a conflict")
                return
            run = await self.press("save", self._named(run, carry), "übertragen und speichern")
            if run.said("SUCCESS", CARRIED_SAVED):
                self.result.done.append(value)
                self.result.carried_saves += 1
                return
            if run.said("ERROR", CARRY_CONFLICTS):  # cannot happen here (own rows): type anew
                self.result.carry_conflicts += 1
                dismiss = run.widget("button", "edit_refused_dismiss")
                if dismiss is not None:
                    await self.press("edit", [(dismiss, True)], "ausblenden")
                if not await self.type_note(value):
                    return
        self.result.failures.append(f"{self.where}: {value} not saved after {TRIES} tries")

    def _named(self, run: Run, button: Widget) -> list[tuple[Widget, Any]]:
        """A click on ``button`` with the saver's name in "Ihr Name" (the version records it)."""
        who = run.widget("text_input", "edit_who")
        states: list[tuple[Widget, Any]] = [(button, True)]
        if who is not None:
            states.insert(0, (who, self.result.who))
        return states

    async def work(self, stop_at: float, pause: float) -> None:
        """Save until ``stop_at``, ``pause`` seconds apart on average (half to one and a half
        times it, drawn: people are not in step); the first failure ends it."""
        rng = random.Random(1000 + self.result.number)
        n = 0
        try:
            await self.open()
            while time.monotonic() < stop_at and not self.result.failures:
                n += 1
                await self.save(f"load-{self.result.number}-{n}", stop_at)
                wait = pause * rng.uniform(0.5, 1.5)
                await asyncio.sleep(min(wait, max(0.0, stop_at - time.monotonic())))
        except (TimeoutError, OSError, websockets.ConnectionClosed) as exc:
            self.result.failures.append(f"{self.where}: {type(exc).__name__}: {exc}")
        finally:
            try:
                await self.client.close()
            except (OSError, websockets.ConnectionClosed):
                pass


def check_saves(folder: Path, versions_before: int, results: list[SaverResult]) -> dict:
    """Whether every save the page claimed is in the workspace: its value in a version, one
    version per claimed save under the saver's name, each saver's last value current."""
    from network_app.workbook.loading import load_workbook
    from network_app.workspace.store import Workspace

    workspace = Workspace.resolve(folder)
    versions = workspace.versions()
    found: set[str] = set()
    for version in versions:
        data = load_workbook(workspace.read_version(version.id), filename=version.name)
        found.update(str(v) for v in data.partners["note"].dropna() if str(v).startswith("load-"))
    current, content = workspace.open_current()
    now = load_workbook(content, filename=current.name)
    in_current = {str(v) for v in now.partners["note"].dropna()}
    done = [v for r in results for v in r.done]
    lost = [v for v in done if v not in found]
    lost += [r.done[-1] for r in results if r.done and r.done[-1] not in in_current]
    for r in results:
        recorded = sum(1 for v in versions if v.who == r.who and v.reason == "edit")
        if recorded != len(r.done):
            lost.append(f"{r.who}: {len(r.done)} saves claimed, {recorded} versions")
    expected_versions = versions_before + len(done)
    if len(versions) != expected_versions:
        lost.append(f"version count {len(versions)} != {expected_versions}")
    return {"saves_done": len(done), "per_saver": [len(r.done) for r in results],
            "refused_at_save": sum(r.refused for r in results),
            "noticed_before_save": sum(r.noticed for r in results),
            "carry_conflicts": sum(r.carry_conflicts for r in results),
            "carried_saves": sum(r.carried_saves for r in results),
            "unsaved_at_end": sum(r.unsaved_at_end for r in results),
            "saver_failures": [f for r in results for f in r.failures],
            "versions_before": versions_before, "versions_after": len(versions),
            "versions_expected": expected_versions, "lost": list(dict.fromkeys(lost))}


# --- the run ------------------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict[str, float | int]:
    if not values:
        return {"count": 0}
    return {"count": len(values), "median": statistics.median(values),
            "p95": percentile(values, 0.95), "max": max(values)}


async def drive(url: str, pid: int, args: argparse.Namespace, folder: Path) -> dict:
    samples: list[tuple[float, float]] = []
    stats = Stats()

    async def sample(until: asyncio.Event) -> None:
        t0 = time.monotonic()
        while not until.is_set():
            mb = rss_mb(pid)
            if mb is not None:
                samples.append((time.monotonic() - t0, mb))
            await asyncio.sleep(0.5)

    # the first session: creates the workspace (a copy of the bundled example) and warms the
    # caches, as the first colleague of the morning does
    warm = Client(url)
    await warm.connect()
    first = await warm.rerun(None, [])
    await warm.close()
    warm_stats = Stats()
    _record(warm_stats, "page", first, "the first page")
    rss_start = rss_mb(pid)
    cpu_start = cpu_seconds(pid)
    from network_app.workspace.store import Workspace
    versions_before = len(Workspace.resolve(folder).versions())

    load_start = os.getloadavg()
    done = asyncio.Event()
    sampler = asyncio.create_task(sample(done))
    started = time.monotonic()
    stop_at = started + args.seconds
    savers = [Saver(i, url, stats) for i in range(args.savers)]
    own_start = os.times()
    await asyncio.gather(*(session(i, url, stop_at, stats, args.export_every)
                           for i in range(args.sessions)),
                         *(s.work(stop_at, args.save_pause) for s in savers))
    elapsed = time.monotonic() - started
    own_end = os.times()
    done.set()
    await sampler
    cpu_end = cpu_seconds(pid)
    load_end = os.getloadavg()
    rss = [mb for _, mb in samples]
    quarter = max(1, len(rss) // 4)
    saves = check_saves(folder, versions_before, [s.result for s in savers])
    every = [t for kind in stats.times.values() for t in kind]
    return {
        "sessions": args.sessions, "seconds": round(elapsed, 1), "savers": args.savers,
        "first_page_cold_s": round(first.seconds, 3),
        "reruns": {kind: summary(values) for kind, values in
                   {"all": every, **stats.times}.items()},
        "reruns_per_second": round(len(every) / elapsed, 2),
        "errors": warm_stats.errors + stats.errors,
        "server_rss_mb": {"after_first_page": rss_start, "max": max(rss), "end": rss[-1],
                          "max_first_quarter": max(rss[:quarter]),
                          "max_last_quarter": max(rss[-quarter:]), "samples": len(rss)},
        "server_cpu_s": round(cpu_end - cpu_start, 1),
        "server_cpu_share_of_2_cores": round((cpu_end - cpu_start) / elapsed / 2, 2),
        "clients_cpu_s": round((own_end.user + own_end.system)
                               - (own_start.user + own_start.system), 1),
        "load_average": {"start": load_start, "end": load_end},
        "saves": saves,
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(),
                    "python": platform.python_version(),
                    "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())},
    }


def table(result: dict) -> str:
    lines = ["| reruns | count | median s | p95 s | max s |", "| --- | ---: | ---: | ---: | ---: |"]
    for kind, s in result["reruns"].items():
        if s["count"]:
            lines.append(f"| {kind} | {s['count']} | {s['median']:.3f} | {s['p95']:.3f} "
                         f"| {s['max']:.3f} |")
        else:
            lines.append(f"| {kind} | 0 | – | – | – |")
    rss = result["server_rss_mb"]
    saves = result["saves"]
    lines += [
        "",
        f"sessions {result['sessions']} for {result['seconds']} s, "
        f"{result['reruns_per_second']} reruns/s; first page of a cold server "
        f"{result['first_page_cold_s']} s",
        f"errors: {len(result['errors'])}",
        *[f"  {e}" for e in result["errors"][:20]],
        f"server memory (VmRSS, MB): after the first page {rss['after_first_page']:.0f}, "
        f"max {rss['max']:.0f}, end {rss['end']:.0f}; max of the first quarter "
        f"{rss['max_first_quarter']:.0f}, of the last {rss['max_last_quarter']:.0f}",
        f"server CPU: {result['server_cpu_s']} s ({result['server_cpu_share_of_2_cores']:.0%} "
        f"of 2 cores); the clients' own CPU {result['clients_cpu_s']} s",
        "load average: start {:.2f} {:.2f} {:.2f}, end {:.2f} {:.2f} {:.2f}".format(
            *result["load_average"]["start"], *result["load_average"]["end"]),
        f"saves: {saves['saves_done']} claimed by the page for {result['savers']} savers "
        f"({saves['per_saver']}); conflicts shown by the page: {saves['refused_at_save']} "
        f"refused at »Speichern«, {saves['noticed_before_save']} noticed before (each then "
        f"carried over and saved in one click: {saves.get('carried_saves', 0)} saved so; "
        f"carry-over conflicts {saves['carry_conflicts']}); unsaved at the end "
        f"{saves['unsaved_at_end']}; versions "
        f"{saves['versions_before']} → {saves['versions_after']} "
        f"(expected {saves['versions_expected']}), lost: {len(saves['lost'])} "
        f"{saves['lost'][:5] or ''}, saver failures: {len(saves['saver_failures'])}",
        *[f"  {f}" for f in saves["saver_failures"][:10]],
        f"machine: {result['machine']}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--savers", type=int, default=2,
                        help="sessions that edit and save on the page Bearbeiten")
    parser.add_argument("--save-pause", type=float, default=5.0,
                        help="seconds each saver waits between two saves")
    parser.add_argument("--export-every", type=int, default=3,
                        help="press Export on the first and every Nth visit of a page with the"
                        " export expander (0: never)")
    parser.add_argument("--json", type=Path, help="write the numbers to this file")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary workspace and the server's log")
    parser.add_argument("--workspace", type=Path,
                        help="an empty folder to use as the workspace (kept afterwards, to "
                        "look at the versions the savers made)")
    args = parser.parse_args(argv)
    if args.workspace and args.workspace.exists() and any(args.workspace.iterdir()):
        parser.error(f"{args.workspace} is not empty")
    base = Path(tempfile.mkdtemp(prefix="partnernetz-load-"))
    folder = args.workspace or base / "workspace"
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log_path = base / "server.log"
    with open(log_path, "wb") as log:
        server = start_server(folder, port, log)
        try:
            result = asyncio.run(drive(f"ws://127.0.0.1:{port}/_stcore/stream", server.pid,
                                       args, folder))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    tracebacks = log_path.read_text(errors="replace").count("Traceback")
    result["server_log_tracebacks"] = tracebacks
    print(table(result))
    print(f"tracebacks in the server's log: {tracebacks}"
          + (f" (log: {log_path})" if args.keep else ""))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    saves = result["saves"]
    failed = bool(result["errors"] or saves["lost"] or saves["saver_failures"]
                  or (args.savers and not saves["saves_done"]) or tracebacks)
    if failed and not args.keep:
        print(f"the server's log is kept: {log_path}")
    elif not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
