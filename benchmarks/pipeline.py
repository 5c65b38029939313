"""Benchmark: our pipeline against the naive one, stage by stage, as ratios.

A script, not a test (timings depend on the machine, so it reports ratios instead of asserting
limits): it writes synthetic workbooks with openpyxl (N partners, 4N relations, N/2 activities
with 3 participants each; fixed seed), then times each stage in this process with
``time.perf_counter`` and reports the median of ``--repeat`` runs:

=========  ===========================================  ==========================================
stage      naive                                        ours
=========  ===========================================  ==========================================
read       ``pd.read_excel(sheet_name=None, openpyxl)``  ``load_workbook`` (vets, reads, validates)
graph      ``DataFrame.iterrows`` into an ``nx.Graph``   ``build_graph``
measures   nx betweenness + closeness + PageRank         ``partner_metrics(partner_layer(graph))``
html       pyvis ``from_nx`` + ``generate_html``         ``network_html`` with ``stable_positions``
                                                         and ``node_styles``
=========  ===========================================  ==========================================

``--stages`` picks the stages to time (``--stages graph``: only the graph; ``--stages ""``: none).

``--startup`` adds the start-up table: each CLI command (``check``, ``analyze``, ``analyze --json``,
``export --format html``, ``export --format png``, ``template``) run as a whole process on the
bundled workbook, ``--repeat`` times: the wall clock and CPU time of the process, the time its
imports took (``python -X importtime``, the top-level entries summed) and which heavy packages
it loaded.

``--baseline DIR`` compares with an older copy of the package (a folder holding ``network_app/``,
e.g. from ``git archive <commit> network_app | tar -x -C DIR``): each start-up command and
``build_graph`` at every size run in fresh processes, the baseline's and ours taking turns, so
both see the same load; the table gives before, after and before/after.

``--whole`` adds the whole processes of issue #12: the file → HTML map
(``network-app export --format html``) and ``network-app analyze --json``, each as a fresh
process, against the naive pipeline as a fresh process too (a small script made from the naive
functions above: ``pandas.read_excel`` → ``iterrows`` into networkx → networkx betweenness and
closeness → pyvis HTML), taking turns in ``--repeat`` rounds, with wall clock, CPU time and peak
resident memory of each process (``os.wait4``), the ratios, and one line per target of the issue
saying met or not met. The naive script takes minutes from 5,000 partners on: it runs only up
to ``--naive-max`` partners (default 5,000) and once only above ``--naive-cap`` (default 1,000);
the table says so. The one command for #12's results (about 10 minutes here)::

    .venv/bin/python benchmarks/pipeline.py --sizes 1000,5000,20000 --whole

Run::

    .venv/bin/python benchmarks/pipeline.py --sizes 1000,5000 [--repeat 3] [--slow] [--json OUT]
    .venv/bin/python benchmarks/pipeline.py --sizes 1000,5000,20000 --stages "" --startup \
        --baseline /tmp/before
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from importlib import metadata
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx
import openpyxl
import pandas as pd

import network_app
from network_app import (
    CATEGORIES,
    build_graph,
    load_workbook,
    network_html,
    node_styles,
    partner_layer,
    partner_metrics,
    stable_positions,
)

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "stadtlabor_soest.xlsx"
SEED = 20240601
SLOW_LIMIT = 3000
SKIPPED = "übersprungen (zu langsam)"
STAGES = ("read", "graph", "measures", "html")
PACKAGES = ("networkx", "python-igraph", "rapidfuzz", "pandas", "numpy", "openpyxl",
            "python-calamine", "pyvis", "network-app")

TYPES = ("Kommune", "Verwaltung", "Hochschule", "Forschungseinrichtung", "Schule", "Verein",
         "Unternehmen", "Lab", "Kultur", "Netzwerk")
PLACES = ("Soest", "Hamm", "Lippstadt", "Dortmund", "Paderborn", "Münster", "Arnsberg", "Werl",
          "Bielefeld", "Köln", "Berlin", "Wien")
REACH = ("lokal", "regional", "national", "international")
KINDS = ("Projektpartner", "Austausch", "Förderung", "Beratung")
STATUS = ("umgesetzt", "in Umsetzung", "in Planung")
AREAS = ("Vernetzung", "Forschung", "Verwaltung", "Stadtgesellschaft", "Öffentlichkeitsarbeit")


# --- synthetic workbook -------------------------------------------------------------------------

def write_workbook(path: Path, n: int, seed: int = SEED) -> Path:
    """N partners, 4N distinct relations, N/2 activities of 3 partners; the same for the same seed.
    """
    rng = random.Random(seed + n)
    names = [f"Partner {i:05d}" for i in range(1, n + 1)]
    book = openpyxl.Workbook(write_only=True)

    sheet = book.create_sheet("Partner")
    sheet.append(["Name", "Kategorie", "Typ", "Ort", "Reichweite", "Seit"])
    for name in names:
        cats = rng.sample(CATEGORIES, 1 if rng.random() < 0.7 else 2)
        sheet.append([name, "; ".join(cats), rng.choice(TYPES), rng.choice(PLACES),
                      rng.choice(REACH), rng.randint(2010, 2024)])

    sheet = book.create_sheet("Beziehungen")
    sheet.append(["Von", "Nach", "Art", "Stärke", "Seit"])
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < 4 * n:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    for a, b in sorted(pairs):
        sheet.append([names[a], names[b], rng.choice(KINDS), rng.randint(1, 5),
                      rng.randint(2015, 2024)])

    sheet = book.create_sheet("Aktivitäten")
    sheet.append(["Aktivität", "Datum", "Status", "Bereich", "Beteiligte"])
    for i in range(1, n // 2 + 1):
        people = rng.sample(names, 3)
        day = date(rng.randint(2018, 2024), rng.randint(1, 12), rng.randint(1, 28))
        sheet.append([f"Aktivität {i:05d}", day, rng.choice(STATUS), rng.choice(AREAS),
                      "; ".join(people)])

    book.save(path)
    return path


def workbook(folder: Path, n: int) -> Path:
    """The synthetic workbook of N partners in ``folder``, written once per run."""
    path = folder / f"partner_{n}.xlsx"
    return path if path.exists() else write_workbook(path, n)


# --- the naive pipeline -------------------------------------------------------------------------

def naive_read(path: Path) -> dict[str, pd.DataFrame]:
    return pd.read_excel(path, sheet_name=None, engine="openpyxl")


def naive_graph(sheets: dict[str, pd.DataFrame]) -> nx.Graph:
    """Row by row, as a first script would do it (the partners and their ties, no hub)."""
    graph = nx.Graph()
    for _, row in sheets["Partner"].iterrows():
        graph.add_node(row["Name"], category=str(row["Kategorie"]).split(";")[0].strip(),
                       type=row["Typ"], place=row["Ort"])
    for _, row in sheets["Beziehungen"].iterrows():
        a, b = row["Von"], row["Nach"]
        weight = graph.edges[a, b]["weight"] if graph.has_edge(a, b) else 0
        graph.add_edge(a, b, kind=row["Art"], weight=weight + int(row["Stärke"]))
    for _, row in sheets["Aktivitäten"].iterrows():
        people = [p.strip() for p in str(row["Beteiligte"]).split(";") if p.strip()]
        for a, b in combinations(people, 2):
            weight = graph.edges[a, b]["weight"] if graph.has_edge(a, b) else 0
            graph.add_edge(a, b, weight=weight + 1)
    return graph


def pagerank_works() -> tuple[bool, str]:
    """nx.pagerank needs scipy in networkx 3.x; without it that part of the naive stage is left out.
    """
    try:
        nx.pagerank(nx.path_graph(3))
    except ImportError as error:
        return False, f"nx.pagerank nicht gemessen: {error}"
    return True, ""


def naive_measures(layer: nx.Graph, with_pagerank: bool) -> None:
    nx.betweenness_centrality(layer)
    nx.closeness_centrality(layer)
    if with_pagerank:
        nx.pagerank(layer)


def naive_html(layer: nx.Graph) -> str:
    from pyvis.network import Network

    net = Network()  # physics on (the default)
    net.from_nx(layer)
    return net.generate_html()


# --- timing -------------------------------------------------------------------------------------

def median_time(func: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median seconds of ``repeat`` calls, and the last call's result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def run_size(n: int, folder: Path, repeat: int, slow: bool, with_pagerank: bool,
             pagerank_note: str, stages: tuple[str, ...] = STAGES) -> list[dict[str, Any]]:
    path = workbook(folder, n)
    too_big = n > SLOW_LIMIT and not slow
    reason = f"N > {SLOW_LIMIT:,}; mit --slow messen"
    rows: list[dict[str, Any]] = []

    def row(stage: str, naive: float | None, ours: float, note: str = "") -> None:
        rows.append({"n": n, "stage": stage, "naive_s": naive, "ours_s": ours,
                     "ratio": naive / ours if naive is not None and ours > 0 else None,
                     "note": note})

    if not stages:
        return rows
    timed = repeat if "read" in stages else 1  # the later stages need the tables anyway
    t_naive, sheets = median_time(lambda: naive_read(path), timed)
    t_ours, data = median_time(lambda: load_workbook(path), timed)
    if "read" in stages:
        row("read", t_naive, t_ours)

    timed = repeat if "graph" in stages else 1
    t_naive, naive = median_time(lambda: naive_graph(sheets), timed)
    t_ours, graph = median_time(lambda: build_graph(data), timed)
    partners = sum(1 for _, kind in graph.nodes(data="kind") if kind == "partner")
    if partners != n or naive.number_of_nodes() != n:
        sys.exit(f"N={n}: {partners} partners in build_graph, {naive.number_of_nodes()} naive "
                 f"(expected {n}); validation problems: {data.problems[:3]}")
    if "graph" in stages:
        row("graph", t_naive, t_ours)
    if "measures" not in stages and "html" not in stages:
        return rows

    if "measures" in stages:
        layer = partner_layer(graph)
        t_ours, _ = median_time(lambda: partner_metrics(layer), repeat)
        if too_big:
            row("measures", None, t_ours, f"{SKIPPED}: {reason}")
        else:
            t_naive, _ = median_time(lambda: naive_measures(naive, with_pagerank), repeat)
            row("measures", t_naive, t_ours, pagerank_note)

    if "html" not in stages:
        return rows
    t_ours, _ = median_time(
        lambda: network_html(graph, stable_positions(data), node_styles(graph)), repeat)
    if too_big:
        row("html", None, t_ours, f"{SKIPPED}: {reason}")
    else:
        t_naive, _ = median_time(lambda: naive_html(naive), repeat)
        row("html", t_naive, t_ours)

    if len(rows) == len(STAGES) and all(r["naive_s"] is not None for r in rows):
        row("total", sum(r["naive_s"] for r in rows), sum(r["ours_s"] for r in rows))
    return rows


# --- start-up and before/after, in fresh processes --------------------------------------------

#: The CLI commands whose start-up is measured, as arguments ({book}: the bundled workbook,
#: {out}: a scratch folder).
COMMANDS: dict[str, list[str]] = {
    "check": ["check", "{book}"],
    "analyze": ["analyze", "{book}"],
    "analyze --json": ["analyze", "--json", "{book}"],
    "export --format html": ["export", "--format", "html", "-o", "{out}/karte.html", "{book}"],
    "export --format png": ["export", "--format", "png", "-o", "{out}/karte.png", "{book}"],
    "template": ["template", "-o", "{out}/vorlage.xlsx"],
}
#: Packages a command should load only when it needs them (counted in the start-up table).
HEAVY = ("matplotlib", "pptx", "openpyxl", "PIL", "igraph", "scipy")

#: Runs the CLI (``-m network_app``) and says at exit which top-level packages it loaded.
_COMMAND = """
import atexit, runpy, sys
atexit.register(lambda: print("LOADED", *sorted({m.split(".")[0] for m in sys.modules}),
                              file=sys.stderr))
runpy.run_module("network_app", run_name="__main__", alter_sys=True)
"""

#: Times ``build_graph`` in a fresh process: prints the median seconds and the graph's size.
_GRAPH_TIMER = """
import statistics, sys, time
from network_app import build_graph, load_workbook
data = load_workbook(sys.argv[1])
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    graph = build_graph(data)
    times.append(time.perf_counter() - start)
print(statistics.median(times), graph.number_of_nodes(), graph.number_of_edges())
"""


def _env(tree: Path) -> dict[str, str]:
    """The environment that makes a child process import ``network_app`` from ``tree``."""
    return {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": ""}


def _run(tree: Path, args: list[str], folder: Path) -> subprocess.CompletedProcess[str]:
    # cwd is the scratch folder: Python puts the working folder first on sys.path for -c.
    result = subprocess.run([sys.executable, *args], env=_env(tree), cwd=folder,
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):  # 1: the data have errors, still a complete run
        sys.exit(f"{' '.join(args)} failed in {tree} ({result.returncode}): "
                 f"{result.stderr[-2000:]}")
    return result


def import_seconds(stderr: str) -> float:
    """Seconds spent importing: the top-level entries of ``-X importtime`` summed.

    >>> import_seconds("import time: self [us] | cumulative | imported package\\n"
    ...                "import time:       200 |        300 |   numpy.core\\n"
    ...                "import time:       100 |       1400 | numpy\\n")
    0.0014
    """
    total = 0
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = line[len("import time:"):].split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue  # the header
        if not parts[2][1:].startswith(" "):
            total += int(parts[1])
    return total / 1e6


def loaded_packages(stderr: str) -> set[str]:
    """The packages ``_COMMAND`` said were loaded (an import that failed is not one)."""
    for line in stderr.splitlines():
        if line.startswith("LOADED "):
            return set(line.split()[1:])
    return set()


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far: on a shared
    machine steadier than the wall clock, which also waits for the CPU."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def startup_rows(trees: dict[str, Path], folder: Path, repeat: int) -> list[dict[str, Any]]:
    """Per command and tree: median wall clock, median import time, heavy packages loaded."""
    rows = []
    for command, template in COMMANDS.items():
        args = [a.format(book=BUNDLED, out=folder) for a in template]
        walls: dict[str, list[float]] = {name: [] for name in trees}
        cpus: dict[str, list[float]] = {name: [] for name in trees}
        imports: dict[str, list[float]] = {name: [] for name in trees}
        loaded: dict[str, set[str]] = {name: set() for name in trees}
        for _ in range(repeat):
            for name, tree in trees.items():  # taking turns: both see the same load
                start, cpu = time.perf_counter(), _children_cpu()
                run = _run(tree, ["-c", _COMMAND, *args], folder)
                walls[name].append(time.perf_counter() - start)
                cpus[name].append(_children_cpu() - cpu)
                loaded[name] = loaded_packages(run.stderr)
                imports[name].append(import_seconds(
                    _run(tree, ["-X", "importtime", "-m", "network_app", *args], folder).stderr))
        for name in trees:
            rows.append({"command": command, "tree": name,
                         "wall_s": statistics.median(walls[name]),
                         "cpu_s": statistics.median(cpus[name]),
                         "imports_s": statistics.median(imports[name]),
                         "heavy": sorted(p for p in HEAVY if p in loaded[name])})
    return rows


def graph_rows(trees: dict[str, Path], sizes: list[int], folder: Path, repeat: int
               ) -> list[dict[str, Any]]:
    """``build_graph`` per size and tree, each in a fresh process, the trees taking turns."""
    rows = []
    for n in sizes:
        path = workbook(folder, n)
        results: dict[str, list[float]] = {name: [] for name in trees}
        shapes = set()
        for _ in range(max(1, repeat // 3)):  # each process times ``repeat`` calls itself
            for name, tree in trees.items():
                out = _run(tree, ["-c", _GRAPH_TIMER, str(path), str(repeat)], folder).stdout
                seconds, nodes, edges = out.split()
                results[name].append(float(seconds))
                shapes.add((int(nodes), int(edges)))
        if len(shapes) != 1:
            sys.exit(f"N={n}: the trees build different graphs: {sorted(shapes)}")
        for name in trees:
            rows.append({"n": n, "tree": name, "build_graph_s": statistics.median(results[name]),
                         "nodes": shapes.copy().pop()[0], "edges": shapes.copy().pop()[1]})
    return rows


def before_after(rows: list[dict[str, Any]], key: str, label: str, value: str) -> str:
    """A markdown table of ``value`` before (tree "before") and after (tree "now")."""
    by = {(r[key], r["tree"]): r for r in rows}
    keys = list(dict.fromkeys(r[key] for r in rows))
    trees = list(dict.fromkeys(r["tree"] for r in rows))
    lines = [f"| {label} | " + " | ".join(f"{t} s" for t in trees)
             + (" | before/now |" if len(trees) == 2 else " |"),
             "| --- | " + " | ".join("---:" for _ in trees)
             + (" | ---: |" if len(trees) == 2 else " |")]
    for k in keys:
        cells = [f"{by[k, t][value]:.3f}" for t in trees]
        ratio = ""
        if len(trees) == 2:
            ratio = f" | {by[k, trees[0]][value] / by[k, trees[1]][value]:.1f}×"
        shown = f"{k:,}" if isinstance(k, int) else k
        lines.append(f"| {shown} | " + " | ".join(cells) + ratio + " |")
    return "\n".join(lines)


def startup_markdown(rows: list[dict[str, Any]]) -> str:
    trees = list(dict.fromkeys(r["tree"] for r in rows))
    lines = [before_after(rows, "command", "command (whole process)", "wall_s"), "",
             before_after(rows, "command", "command (CPU of the process)", "cpu_s"), "",
             before_after(rows, "command", "command (its imports)", "imports_s"), "",
             "| command | " + " | ".join(f"heavy packages loaded, {t}" for t in trees) + " |",
             "| --- | " + " | ".join("---" for _ in trees) + " |"]
    by = {(r["command"], r["tree"]): r for r in rows}
    for command in dict.fromkeys(r["command"] for r in rows):
        lines.append(f"| {command} | " + " | ".join(", ".join(by[command, t]["heavy"]) or "none"
                                                   for t in trees) + " |")
    return "\n".join(lines)


# --- whole processes: file → HTML map and analyze --json, against the naive script ---------------

#: The issue's targets (#12), checked against the whole-process medians.
TARGETS = (
    # (N, what, limit seconds, least ratio naive/ours, limit of peak MB)
    (1000, "html", 0.8, 6.0, None),
    (5000, "html", 1.5, 100.0, None),
    (5000, "analyze", 4.0, None, None),
    (20000, "analyze", 20.0, None, 1536.0),
)

#: The whole processes timed, per size: (key, label).
WHOLE = (("html", "file → HTML map"), ("naive", "naive script, file → HTML map"),
         ("analyze", "analyze --json"))


def naive_script() -> str:
    """The naive pipeline as a small standalone script (``python naive.py BOOK OUT.html``): the
    functions timed stage by stage above, with only pandas, networkx and pyvis imported."""
    import inspect

    functions: list[Callable[..., Any]] = [naive_read, naive_graph, pagerank_works,
                                          naive_measures, naive_html]
    return "\n\n".join([
        "from __future__ import annotations\nimport sys\nfrom itertools import combinations\n"
        "from pathlib import Path\nimport networkx as nx\nimport pandas as pd",
        *(inspect.getsource(f) for f in functions),
        "sheets = naive_read(Path(sys.argv[1]))\ngraph = naive_graph(sheets)\n"
        "naive_measures(graph, pagerank_works()[0])\n"
        "Path(sys.argv[2]).write_text(naive_html(graph), encoding='utf-8')\n"])


def whole_command(key: str, book: Path, folder: Path) -> list[str]:
    if key == "naive":
        return [sys.executable, str(folder / "naive.py"), str(book), str(folder / "naive.html")]
    if key == "html":
        return [sys.executable, "-m", "network_app", "export", "--format", "html", "-o",
                str(folder / "karte.html"), str(book)]
    return [sys.executable, "-m", "network_app", "analyze", "--json", str(book)]


def run_process(command: list[str], folder: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak resident MB of one process.

    ``os.wait4`` gives the rusage of this child alone (with the children it waited for, such
    as the measures' helper process: their CPU is added, their peak counts if it is higher).
    """
    with open(folder / "stdout.txt", "wb") as out, open(folder / "stderr.txt", "wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=folder, env=_env(ROOT))
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: the data have errors, still a complete run
        error = (folder / "stderr.txt").read_text(encoding="utf-8", errors="replace")
        sys.exit(f"{' '.join(command)} failed ({process.returncode}): {error[-2000:]}")
    # ru_maxrss is in kilobytes on Linux
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def whole_rows(sizes: list[int], folder: Path, repeat: int, naive_max: int,
               naive_cap: int) -> list[dict[str, Any]]:
    """Per size: ours (file → HTML map, analyze --json) and the naive script as whole
    processes, taking turns, ``repeat`` rounds; the naive script only up to ``naive_max``
    partners and only in the first round above ``naive_cap`` partners."""
    (folder / "naive.py").write_text(naive_script(), encoding="utf-8")
    # As installed: pip compiles the package's bytecode; a shell with PYTHONDONTWRITEBYTECODE
    # set would otherwise compile network_app from source in every timed process (~60 ms).
    compileall.compile_dir(ROOT / "network_app", quiet=1)
    rows = []
    for n in sizes:
        book = workbook(folder, n)
        runs: dict[str, list[tuple[float, float, float]]] = {key: [] for key, _ in WHOLE}
        for round_ in range(repeat):
            for key, _ in WHOLE:
                if key == "naive" and (n > naive_max or (n > naive_cap and round_ > 0)):
                    continue
                runs[key].append(run_process(whole_command(key, book, folder), folder))
                print(f"  N={n:,} {key} run {round_ + 1}: {runs[key][-1][0]:.2f} s",
                      file=sys.stderr, flush=True)
        for key, label in WHOLE:
            if not runs[key]:
                note = f"skipped: N > {naive_max:,} (--naive-max)"
                rows.append({"n": n, "key": key, "label": label, "runs": 0, "wall_s": None,
                             "cpu_s": None, "peak_mb": None, "note": note})
                continue
            note = ""
            if key == "naive" and len(runs[key]) < repeat:
                note = f"{len(runs[key])} run only: N > {naive_cap:,} (--naive-cap)"
            rows.append({"n": n, "key": key, "label": label, "runs": len(runs[key]),
                         "wall_s": statistics.median(r[0] for r in runs[key]),
                         "cpu_s": statistics.median(r[1] for r in runs[key]),
                         "peak_mb": max(r[2] for r in runs[key]), "note": note})
    return rows


def whole_markdown(rows: list[dict[str, Any]]) -> str:
    by = {(r["n"], r["key"]): r for r in rows}
    lines = ["| N | process | runs | wall s | CPU s | peak MB | naive/ours (wall) | note |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        naive = by.get((r["n"], "naive"))
        ratio = ""
        if r["key"] == "html" and naive and naive["wall_s"] and r["wall_s"]:
            ratio = f"{naive['wall_s'] / r['wall_s']:.1f}×"
        peak = "–" if r["peak_mb"] is None else f"{r['peak_mb']:.0f}"
        cpu = _seconds(r["cpu_s"])
        lines.append(f"| {r['n']:,} | {r['label']} | {r['runs']} | {_seconds(r['wall_s'])} | "
                     f"{cpu} | {peak} | {ratio} | {r['note']} |")
    return "\n".join(lines)


def target_lines(rows: list[dict[str, Any]]) -> list[str]:
    """One line per target of #12: met / not met, with the measured value."""
    by = {(r["n"], r["key"]): r for r in rows}
    names = {"html": "file → HTML map", "analyze": "analyze --json"}
    lines = []
    for n, key, limit, ratio, peak in TARGETS:
        ours = by.get((n, key))
        what = f"{n:,} partners, {names[key]}"
        if ours is None or ours["wall_s"] is None:
            lines.append(f"- {what}: not measured (N={n:,} not in --sizes)")
            continue
        verdict = "met" if ours["wall_s"] <= limit else "NOT met"
        lines.append(f"- {what} ≤ {limit} s: {verdict} ({ours['wall_s']:.2f} s)")
        if ratio is not None:
            naive = by.get((n, "naive"))
            if naive is None or naive["wall_s"] is None:
                lines.append(f"- {what} ≥ {ratio:.0f}× the naive pipeline: not measured "
                             "(naive skipped)")
            else:
                got = naive["wall_s"] / ours["wall_s"]
                verdict = "met" if got >= ratio else "NOT met"
                lines.append(f"- {what} ≥ {ratio:.0f}× the naive pipeline: {verdict} "
                             f"({got:.1f}×: {naive['wall_s']:.1f} s against "
                             f"{ours['wall_s']:.2f} s)")
        if peak is not None:
            verdict = "met" if ours["peak_mb"] <= peak else "NOT met"
            lines.append(f"- {what} ≤ {peak / 1024:.1f} GB peak: {verdict} "
                         f"({ours['peak_mb']:.0f} MB)")
    return lines


# --- report -------------------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = getattr(network_app, "__version__", "?") if name == "network-app" \
                else "nicht installiert"
    return {"platform": platform.platform(), "machine": platform.machine(),
            "cpu_count": os.cpu_count(), "python": platform.python_version(),
            "date": date.today().isoformat(), "packages": versions,
            "load_average": round(os.getloadavg()[1], 1),
            "load_averages": [round(x, 2) for x in os.getloadavg()]}


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def markdown(rows: list[dict[str, Any]], info: dict[str, Any], repeat: int) -> str:
    lines = ["| N | stage | naive s | ours s | naive/ours |", "| ---: | --- | ---: | ---: | ---: |"]
    for r in rows:
        ratio = SKIPPED if r["naive_s"] is None else f"{r['ratio']:.1f}×"
        lines.append(f"| {r['n']:,} | {r['stage']} | {_seconds(r['naive_s'])} | "
                     f"{_seconds(r['ours_s'])} | {ratio} |")
    notes = sorted({f"- N={r['n']:,} {r['stage']}: {r['note']}" for r in rows if r["note"]})
    packages = ", ".join(f"{k} {v}" for k, v in info["packages"].items())
    lines += ["", f"Median of {repeat} runs each; {info['date']}; {info['platform']}, "
              f"{info['cpu_count']} CPUs, Python {info['python']}; load average (5 min) at the end "
              f"{info['load_average']}.", f"Packages: {packages}."]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000", help="partner counts, e.g. 1000,5000")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage (median)")
    parser.add_argument("--slow", action="store_true",
                        help=f"also measure the naive measures and HTML above {SLOW_LIMIT:,}")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the numbers as JSON")
    parser.add_argument("--stages", default=",".join(STAGES),
                        help=f"stages to time, of {','.join(STAGES)} (\"\": none)")
    parser.add_argument("--startup", action="store_true",
                        help="time the CLI's commands as whole processes, imports apart")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="a folder with an older network_app/ to compare with, in turns")
    parser.add_argument("--whole", action="store_true",
                        help="also time whole processes: file → HTML map and analyze --json "
                             "against the naive script, in turns, with peak memory and the "
                             "targets of #12")
    parser.add_argument("--naive-max", type=int, default=5000, metavar="N",
                        help="--whole: run the naive script only up to N partners (default 5000)")
    parser.add_argument("--naive-cap", type=int, default=1000, metavar="N",
                        help="--whole: above N partners run the naive script once only "
                             "(default 1000; it takes minutes at 5,000)")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    stages = tuple(s.strip() for s in args.stages.split(",") if s.strip())
    unknown = set(stages) - set(STAGES)
    if unknown:
        parser.error(f"unknown stages: {', '.join(sorted(unknown))}")
    if args.baseline and not (args.baseline / "network_app" / "__init__.py").is_file():
        parser.error(f"{args.baseline} holds no network_app/")
    repeat = max(1, args.repeat)
    with_pagerank, pagerank_note = pagerank_works()
    trees = {"before": args.baseline, "now": ROOT} if args.baseline else {"now": ROOT}

    rows: list[dict[str, Any]] = []
    startup: list[dict[str, Any]] = []
    graphs: list[dict[str, Any]] = []
    whole: list[dict[str, Any]] = []
    load_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="pipeline-bench-") as tmp:
        if args.whole:
            whole = whole_rows(sizes, Path(tmp), repeat, args.naive_max, args.naive_cap)
        for n in sizes:
            rows += run_size(n, Path(tmp), repeat, args.slow, with_pagerank, pagerank_note,
                             stages)
        if args.startup:
            startup = startup_rows(trees, Path(tmp), repeat)
        if args.baseline:
            graphs = graph_rows(trees, sizes, Path(tmp), repeat)
    info = machine()
    parts = [markdown(rows, info, repeat)] if rows else []
    if startup:
        parts.append(startup_markdown(startup))
    if graphs:
        parts.append(before_after(graphs, "n", "build_graph, N partners", "build_graph_s"))
    if whole:
        parts.insert(0, "\n".join([
            whole_markdown(whole), "",
            f"Whole processes, median of the runs given, taking turns; load average (1, 5, "
            f"15 min) before {load_before}, at the end {info['load_averages']}.", "",
            "Targets of #12:", *target_lines(whole)]))
    if not rows:
        parts.append(markdown([], info, repeat).split("\n\n", 1)[1])  # machine and packages
    print("\n\n".join(parts))
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "repeat": repeat, "rows": rows,
                                         "startup": startup, "build_graph": graphs,
                                         "whole": whole},
                                        ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
