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

Meanwhile ``--savers`` processes (default 2) save to the same workspace folder as the
"Speichern" button of the page Bearbeiten does: read the current workbook
(``Workspace.open_current``), change one partner's cell in the editor's frame
(``editor_frame``), turn that into changes (``table_changes``), write them into the file
(``apply_changes``) and replace the current workbook with ``Workspace.replace(...,
expected=fingerprint)``; a save refused because the other saver was quicker
(``ChangedOnDisk``, which the page shows as a conflict) is read again and retried. Each saver
writes its own partner's note ("load-<saver>-<n>"), then waits ``--save-pause`` seconds
(default 5: two colleagues editing busily; every save is a new workbook, which the sessions
show on their next rerun: the server reads, lays out and measures it once, in its caches).
Afterwards: the number of versions must be
the versions before plus every save done, each saved value must be found in a version, and the
current workbook must hold each saver's last value; any difference is a lost save.

The server's memory is its process's VmRSS (``/proc/PID/status``) every 0.5 s (start after
the first page, max, end, and the max of the last quarter against the first quarter's max:
flat after warm-up or not); its CPU seconds are utime + stime of the server process and of its
children (the workbook reader's fork server); the load average is read at the start and end.

Run (about 75 s; ``--json OUT`` writes the numbers)::

    .venv/bin/python benchmarks/load.py --sessions 20 --seconds 60 [--savers 2] [--json OUT]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import platform
import random
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
    kind: str
    options: list[str]


@dataclass
class Run:
    seconds: float
    status: int
    widgets: list[Widget]
    errors: list[str]
    pages: dict[str, tuple[str, str]]  # page title -> (script hash, url path)


@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=lambda: {
        "page": [], "filter": [], "export": []})
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
            else:
                state.string_value = value
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        widgets: list[Widget] = []
        errors: list[str] = []
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), TIMEOUT)
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "script_finished":
                seconds = time.perf_counter() - start
                return Run(seconds, forward.script_finished, widgets, errors, self.pages)
            if kind == "navigation":
                self.pages = {p.page_name: (p.page_script_hash, p.url_pathname)
                              for p in forward.navigation.app_pages}
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                what = element.WhichOneof("type")
                if what == "exception":
                    errors.append(f"exception: {element.exception.message[:200]}")
                elif what == "alert" and element.alert.format == element.alert.ERROR:
                    errors.append(f"error box: {element.alert.body[:200]}")
                elif what in ("multiselect", "selectbox"):
                    proto = getattr(element, what)
                    if not proto.id.endswith(SIDEBAR_KEYS) and not proto.disabled:
                        widgets.append(Widget(proto.id, what, list(proto.options)))
                elif what == "button" and element.button.id.endswith("-export_build"):
                    widgets.append(Widget(element.button.id, "button", []))

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


def _record(stats: Stats, kind: str, run: Run, where: str) -> None:
    stats.reruns += 1
    stats.times[kind].append(run.seconds)
    # 0: finished successfully; 3: a fragment's run finished successfully
    if run.status not in (0, 3):
        stats.errors.append(f"{where}: the run ended with status {run.status}")
    stats.errors.extend(f"{where}: {e}" for e in run.errors)


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
            button = next((w for w in opened.widgets if w.kind == "button"), None)
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


# --- the savers ---------------------------------------------------------------------------------
def saver(number: int, folder: str, stop_at: float, pause: float, out: Any) -> None:
    """Save to the workspace as the page Bearbeiten does until ``stop_at`` (time.time())."""
    sys.path.insert(0, str(ROOT))
    from app_pages.edit_tables import editor_frame, fields
    from network_app.errors import ChangedOnDisk
    from network_app.workbook.loading import load_workbook
    from network_app.workspace.editing import table_changes
    from network_app.workspace.saving import apply_changes
    from network_app.workspace.store import Workspace

    workspace = Workspace.resolve(folder)
    done: list[str] = []
    conflicts = 0
    failures: list[str] = []
    n = 0
    while time.time() < stop_at:
        n += 1
        value = f"load-{number}-{n}"
        try:
            while True:
                current, content = workspace.open_current()
                data = load_workbook(content, filename=current.name)
                before = editor_frame(data, "partners", fields(data, "partners", True))
                after = before.copy()
                # each saver its own partner: the second and third rows
                after.loc[1 + number, "note"] = value
                changes = table_changes(data, "partners", before, after)
                written, name = apply_changes(content, current.name, changes)
                try:
                    workspace.replace(written, name, reason="edit", who=f"load-{number}",
                                      note=changes.describe(), expected=current.fingerprint)
                except ChangedOnDisk:
                    conflicts += 1
                    continue
                done.append(value)
                break
        except Exception as exc:  # report every failure, go on
            failures.append(f"saver {number}: {type(exc).__name__}: {exc}")
        time.sleep(pause)
    out.put({"saver": number, "done": done, "conflicts": conflicts, "failures": failures})


def check_saves(folder: Path, versions_before: int, results: list[dict]) -> dict:
    sys.path.insert(0, str(ROOT))
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
    done = [v for r in results for v in r["done"]]
    lost = [v for v in done if v not in found]
    last_missing = [r["done"][-1] for r in results if r["done"] and r["done"][-1] not in in_current]
    expected_versions = versions_before + len(done)
    return {"saves_done": len(done), "conflicts_retried": sum(r["conflicts"] for r in results),
            "saver_failures": [f for r in results for f in r["failures"]],
            "versions_before": versions_before, "versions_after": len(versions),
            "versions_expected": expected_versions,
            "lost": list(dict.fromkeys(lost + last_missing))
            + ([f"version count {len(versions)} != {expected_versions}"]
               if len(versions) != expected_versions else [])}


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
    rss_start = rss_mb(pid)
    cpu_start = cpu_seconds(pid)
    sys.path.insert(0, str(ROOT))
    from network_app.workspace.store import Workspace
    versions_before = len(Workspace.resolve(folder).versions())

    load_start = os.getloadavg()
    done = asyncio.Event()
    sampler = asyncio.create_task(sample(done))
    started = time.monotonic()
    stop_at = started + args.seconds
    queue: Any = mp.get_context("spawn").Queue()
    savers = [mp.get_context("spawn").Process(
        target=saver, args=(i, str(folder), time.time() + args.seconds, args.save_pause, queue))
        for i in range(args.savers)]
    for process in savers:
        process.start()
    own_start = os.times()
    await asyncio.gather(*(session(i, url, stop_at, stats, args.export_every)
                           for i in range(args.sessions)))
    elapsed = time.monotonic() - started
    results = [queue.get(timeout=TIMEOUT) for _ in savers]
    for process in savers:
        process.join(timeout=30)
    own_end = os.times()
    done.set()
    await sampler
    cpu_end = cpu_seconds(pid)
    load_end = os.getloadavg()
    rss = [mb for _, mb in samples]
    quarter = max(1, len(rss) // 4)
    saves = check_saves(folder, versions_before, results)
    every = [t for kind in stats.times.values() for t in kind]
    return {
        "sessions": args.sessions, "seconds": round(elapsed, 1), "savers": args.savers,
        "first_page_cold_s": round(first.seconds, 3),
        "reruns": {kind: summary(values) for kind, values in
                   {"all": every, **stats.times}.items()},
        "reruns_per_second": round(len(every) / elapsed, 2),
        "errors": stats.errors + [e for e in first.errors],
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
        f"saves: {saves['saves_done']} done by {result['savers']} savers "
        f"({saves['conflicts_retried']} refused as conflicts and retried), versions "
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
    parser.add_argument("--savers", type=int, default=2)
    parser.add_argument("--save-pause", type=float, default=5.0,
                        help="seconds each saver waits between two saves")
    parser.add_argument("--export-every", type=int, default=3,
                        help="press Export on the first and every Nth visit of a page with the"
                        " export expander (0: never)")
    parser.add_argument("--json", type=Path, help="write the numbers to this file")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary workspace and the server's log")
    args = parser.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="partnernetz-load-"))
    folder = base / "workspace"
    folder.mkdir()
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
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    failed = result["errors"] or result["saves"]["lost"] or result["saves"]["saver_failures"]
    return 1 if failed or tracebacks else 0


if __name__ == "__main__":
    sys.exit(main())
