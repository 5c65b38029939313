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

Run::

    .venv/bin/python benchmarks/pipeline.py --sizes 1000,5000 [--repeat 3] [--slow] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
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

SEED = 20240601
SLOW_LIMIT = 3000
SKIPPED = "übersprungen (zu langsam)"
STAGES = ("read", "graph", "measures", "html")
PACKAGES = ("networkx", "pandas", "numpy", "openpyxl", "python-calamine", "pyvis", "network-app")

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
             pagerank_note: str) -> list[dict[str, Any]]:
    path = write_workbook(folder / f"partner_{n}.xlsx", n)
    too_big = n > SLOW_LIMIT and not slow
    reason = f"N > {SLOW_LIMIT:,}; mit --slow messen"
    rows: list[dict[str, Any]] = []

    def row(stage: str, naive: float | None, ours: float, note: str = "") -> None:
        rows.append({"n": n, "stage": stage, "naive_s": naive, "ours_s": ours,
                     "ratio": naive / ours if naive is not None and ours > 0 else None,
                     "note": note})

    t_naive, sheets = median_time(lambda: naive_read(path), repeat)
    t_ours, data = median_time(lambda: load_workbook(path), repeat)
    row("read", t_naive, t_ours)

    t_naive, naive = median_time(lambda: naive_graph(sheets), repeat)
    t_ours, graph = median_time(lambda: build_graph(data), repeat)
    partners = sum(1 for _, kind in graph.nodes(data="kind") if kind == "partner")
    if partners != n or naive.number_of_nodes() != n:
        sys.exit(f"N={n}: {partners} partners in build_graph, {naive.number_of_nodes()} naive "
                 f"(expected {n}); validation problems: {data.problems[:3]}")
    row("graph", t_naive, t_ours)

    layer = partner_layer(graph)
    t_ours, _ = median_time(lambda: partner_metrics(layer), repeat)
    if too_big:
        row("measures", None, t_ours, f"{SKIPPED}: {reason}")
    else:
        t_naive, _ = median_time(lambda: naive_measures(naive, with_pagerank), repeat)
        row("measures", t_naive, t_ours, pagerank_note)

    t_ours, _ = median_time(
        lambda: network_html(graph, stable_positions(data), node_styles(graph)), repeat)
    if too_big:
        row("html", None, t_ours, f"{SKIPPED}: {reason}")
    else:
        t_naive, _ = median_time(lambda: naive_html(naive), repeat)
        row("html", t_naive, t_ours)

    if all(r["naive_s"] is not None for r in rows):
        row("total", sum(r["naive_s"] for r in rows), sum(r["ours_s"] for r in rows))
    return rows


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
            "date": date.today().isoformat(), "packages": versions}


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
              f"{info['cpu_count']} CPUs, Python {info['python']}.", f"Packages: {packages}."]
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
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    with_pagerank, pagerank_note = pagerank_works()

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="pipeline-bench-") as tmp:
        for n in sizes:
            rows += run_size(n, Path(tmp), max(1, args.repeat), args.slow, with_pagerank,
                             pagerank_note)
    info = machine()
    print(markdown(rows, info, args.repeat))
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "repeat": args.repeat, "rows": rows},
                                        ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
