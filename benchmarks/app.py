"""Benchmark: the app's server time for one filter change on the Netzwerk page (issue #12).

The app runs in Streamlit's ``AppTest`` (``streamlit.testing``), which executes the script as
the server does, without a browser: the time of ``at.run()`` after a widget changed is the
server's time for that rerun (reading the session's widgets, the page's functions, the caches,
building the elements it sends). The workspace (``PARTNERNETZ_WORKSPACE``, a temporary folder)
holds a generated workbook of N partners as its current workbook (``benchmarks/pipeline.py``'s
``write_workbook``: 4N relations, N/2 activities), so the app opens on it.

After a first run (loading, the graph, positions and measures are built and cached, as they
are once per workbook on a server), each round chooses another filter on the Netzwerk page and
times that one rerun: every partner type alone, then each category alone, then types and
reaches together (``f_types``, ``f_categories``, ``f_reaches``), each a combination not seen
before, so the filtered view is computed, never taken from a cache. The table gives the median
and the slowest, and whether the median meets the target of #12 (≤ 0.3 s at 1,000 partners).

``--cold N`` times instead the cold start of #12: a fresh server (``streamlit run``, as
``tests/browser.py`` starts it) whose workspace holds N partners, Debian's chromium opening
the app, until the overview of groups is drawn (N above 1,500) or the network is (N up to
1,500); ``--rounds`` fresh servers, the median and each run's wall time and the server's CPU
time (the server and its child processes, which read the workbook). ``--workbook FILE`` puts
that file into the workspace instead of a generated one (e.g. /tmp/bm/partner_20000.xlsx, made
by ``pipeline.py``'s ``workbook()``). ``--shots DIR`` saves a screenshot of the last run's
overview (1440×900). ``--trace`` adds one run whose server is started through
``benchmarks/app_trace.py`` and prints where its time went, from opening the page: each stage
of the first page (the prefetch thread's start, the sidebar and its wait for the workbook,
loading, ``build_graph``, the groups, the overview, …) with the thread that ran it, garbage
collections over 50 ms, the messages over 1 KB the server sent and the browser received, and
when the overview was drawn.

Run (about a minute each)::

    .venv/bin/python benchmarks/app.py --sizes 1000 [--rounds 12] [--json OUT]
    .venv/bin/python benchmarks/app.py --cold 20000 --rounds 3 [--workbook FILE] [--shots DIR]
    .venv/bin/python benchmarks/app.py --cold 20000 --rounds 0 --trace [--workbook FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from pipeline import TYPES, write_workbook  # noqa: E402  (benchmarks/pipeline.py)

#: The issue's target for a filter change at 1,000 partners, in seconds of server time.
TARGET = 0.3


def filter_choices(rounds: int, categories: list[str]) -> list[dict[str, list[str]]]:
    """``rounds`` filter states, each different from the others and from no filter."""
    states: list[dict[str, list[str]]] = [{"f_types": [t]} for t in TYPES]
    states += [{"f_categories": [c]} for c in categories]
    states += [{"f_types": [t], "f_reaches": ["regional"]} for t in TYPES]
    return states[:rounds]


def measure(size: int, rounds: int) -> dict:
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory(prefix="partnernetz-bench-") as folder:
        current = Path(folder) / "workspace" / "aktuell"
        current.mkdir(parents=True)
        write_workbook(current / f"partner_{size}.xlsx", size)
        os.environ["PARTNERNETZ_WORKSPACE"] = str(Path(folder) / "workspace")
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=600)
        started = time.perf_counter()
        at.run()
        first = time.perf_counter() - started
        if at.exception:
            raise RuntimeError(at.exception[0].value)
        categories = list(at.multiselect(key="f_categories").options)
        times = []
        for state in filter_choices(rounds, categories):
            for key in ("f_types", "f_categories", "f_reaches"):
                at.multiselect(key=key).set_value(state.get(key, []))
            started = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - started)
            if at.exception:
                raise RuntimeError(at.exception[0].value)
    return {"partners": size, "first_run": round(first, 2), "rounds": len(times),
            "median": round(statistics.median(times), 3), "slowest": round(max(times), 3),
            "times": [round(t, 3) for t in times]}


def server_cpu(parent_pid: int) -> float:
    """CPU seconds of the Streamlit server started by this process and of its children (the
    fork server, and through it the finished children that read the workbook), from Linux's
    /proc: user and system time of each process and of its children that ended."""
    stats: dict[int, tuple[int, list[str]]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        fields = text[text.rindex(")") + 2:].split()  # after the command's name
        stats[int(entry.name)] = (int(fields[1]), fields)  # ppid, fields
    below = {parent_pid}
    grew = True
    while grew:
        found = {pid for pid, (ppid, _) in stats.items() if ppid in below} - below
        below |= found
        grew = bool(found)
    ticks = os.sysconf("SC_CLK_TCK")
    # fields[11:15]: utime, stime, cutime, cstime (proc(5), counted after the name)
    return sum(sum(int(v) for v in stats[pid][1][11:15]) for pid in below - {parent_pid}
               if pid in stats) / ticks


@contextlib.contextmanager
def traced_app(log: Path) -> Iterator[str]:
    """The app's URL while a server started through ``app_trace.py`` (writing to ``log``)
    runs: as ``tests/browser.py``'s ``running_app`` starts it."""
    from browser import free_port

    port = free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    with open(log.with_suffix(".out"), "wb") as output:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "benchmarks" / "app_trace.py"), str(log), "run",
             str(ROOT / "streamlit_app.py"), "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port),
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                        break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("the traced app did not start") from None
                    time.sleep(0.3)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)


def timeline(log: Path, opened: float) -> list[tuple[float, float, str]]:
    """The traced run's events from ``log``: (start s, duration s, what), from ``opened``."""
    rows = []
    for line in log.read_text(encoding="utf-8").splitlines():
        stamp, thread, event = line.split(" ", 2)
        words = event.split()
        if len(words) == 3 and words[0] not in ("sent", "received"):  # a stage
            rows.append((float(words[1]) - opened, float(words[2]), f"{words[0]} ({thread})"))
        elif words[0].startswith("gc_"):
            took = float(words[1])
            rows.append((float(stamp) - took - opened, took, f"{words[0]} ({thread})"))
        else:
            rows.append((float(stamp) - opened, 0.0, " ".join(words)))
    return sorted(rows)


def cold(size: int, rounds: int, shots: Path | None, workbook: Path | None = None,
         trace: bool = False) -> dict:
    """Fresh servers on a workspace of ``size`` partners (``workbook``, else a generated
    one), timed from opening the page; with ``trace`` one more, traced (``timeline``)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from browser import CHROMIUM_ARGS, running_app

    walls, cpus = [], []
    with tempfile.TemporaryDirectory(prefix="partnernetz-bench-") as folder:
        current = Path(folder) / "workspace" / "aktuell"
        current.mkdir(parents=True)
        if workbook is not None:
            shutil.copyfile(workbook, current / workbook.name)
        else:
            write_workbook(current / f"partner_{size}.xlsx", size)
        os.environ["PARTNERNETZ_WORKSPACE"] = str(Path(folder) / "workspace")
        drawn = ("() => { const s = window.__partnernetz && window.__partnernetz.instances"
                 ".explore; return s && s.root.isConnected && s.root.getAttribute("
                 f"'data-drawn') === '1' && s.names.length {'<= 40' if size > 1500 else '> 0'};"
                 " }")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=CHROMIUM_ARGS)
            for _ in range(rounds):
                with running_app() as url:
                    page = browser.new_page(viewport={"width": 1440, "height": 900})
                    before = server_cpu(os.getpid())
                    started = time.perf_counter()
                    page.goto(url)
                    page.wait_for_function(drawn, timeout=600_000)
                    walls.append(time.perf_counter() - started)
                    cpus.append(server_cpu(os.getpid()) - before)
                    if shots is not None:
                        shots.mkdir(parents=True, exist_ok=True)
                        page.wait_for_timeout(500)
                        page.screenshot(path=str(shots / f"cold_{size}.png"))
                    page.close()
            events: list[tuple[float, float, str]] = []
            if trace:
                log = Path(folder) / "trace.log"
                with traced_app(log) as url:
                    page = browser.new_page(viewport={"width": 1440, "height": 900})
                    received: list[tuple[float, str]] = []
                    page.on("websocket", lambda ws: ws.on(
                        "framereceived", lambda frame: received.append(
                            (time.time(), f"received {len(frame)}")) if len(frame) > 1000
                        else None))
                    opened = time.time()
                    page.goto(url)
                    page.wait_for_function(drawn, timeout=600_000, polling=50)
                    events = timeline(log, opened) + [
                        (at - opened, 0.0, what) for at, what in received]
                    events.append((time.time() - opened, 0.0, "overview drawn in Chromium"))
                    page.close()
            browser.close()
    walls = walls or [float("nan")]
    cpus = cpus or [float("nan")]
    return {"partners": size, "rounds": rounds, "median": round(statistics.median(walls), 2),
            "cpu_median": round(statistics.median(cpus), 2),
            "walls": [round(t, 2) for t in walls], "cpus": [round(t, 2) for t in cpus],
            "trace": [(round(a, 2), round(b, 3), what) for a, b, what in sorted(events)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000", help="partners, comma-separated")
    parser.add_argument("--rounds", type=int, default=12, help="filter changes per size")
    parser.add_argument("--json", type=Path, help="write the results here too")
    parser.add_argument("--cold", type=int, help="time the cold start with this many partners")
    parser.add_argument("--shots", type=Path, help="with --cold: a screenshot here")
    parser.add_argument("--trace", action="store_true",
                        help="with --cold: one more run, traced, and where its time went")
    parser.add_argument("--workbook", type=Path,
                        help="with --cold: this workbook (of --cold partners) instead of a "
                        "generated one")
    args = parser.parse_args()
    if args.cold:
        result = cold(args.cold, args.rounds, args.shots, args.workbook, args.trace)
        load = os.getloadavg()
        print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
              f"load average {load[0]:.2f} {load[1]:.2f}")
        if args.rounds:
            print("| partners | opening the app → overview, median (s) | each run (s) | "
                  "server CPU, median (s) | ≤ 10 s |")
            print("|---:|---:|:--|---:|:--|")
            print(f"| {result['partners']:,} | {result['median']:.1f} | "
                  f"{', '.join(f'{t:.1f}' for t in result['walls'])} | "
                  f"{result['cpu_median']:.1f} | "
                  f"{'met' if result['median'] <= 10 else 'not met'} |")
        if result["trace"]:
            print("\nThe traced run, from opening the page (s):\n")
            print("| from | took | what |\n|---:|---:|:--|")
            for start, took, what in result["trace"]:
                print(f"| {start:.2f} | {took:.2f} | {what} |" if took else
                      f"| {start:.2f} | | {what} |")
        if args.json:
            args.json.write_text(json.dumps({"load": load, "cold": result}, indent=2))
        return
    results = [measure(int(size), args.rounds) for size in args.sizes.split(",")]
    load = os.getloadavg()
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load average {load[0]:.2f} {load[1]:.2f}")
    print("| partners | first run (s) | filter change, median (s) | slowest (s) | "
          f"≤ {TARGET} s |")
    print("|---:|---:|---:|---:|:--|")
    for r in results:
        met = ("met" if r["median"] <= TARGET else "not met") if r["partners"] == 1000 else "–"
        print(f"| {r['partners']:,} | {r['first_run']:.2f} | {r['median']:.3f} | "
              f"{r['slowest']:.3f} | {met} |")
    if args.json:
        args.json.write_text(json.dumps({"load": load, "results": results}, indent=2))


if __name__ == "__main__":
    main()
