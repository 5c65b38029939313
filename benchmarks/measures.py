"""Benchmark: our measures (igraph's C core under networkx's API) against networkx, as ratios.

A script, not a test (timings depend on the machine). It generates partner layers shaped like
the pipeline benchmark's (N partners, 5.5 N ties with strengths 1–5: 4 N relations plus the
ties of N/2 shared activities; ``gnm_random_graph``, fixed seed) and times, median of
``--repeat`` runs in this process (``time.perf_counter``; ours always on a fresh copy of the
graph, so the conversion to igraph is timed each time):

=========  ==============================================  ===================================
stage      networkx                                        ours
=========  ==============================================  ===================================
metrics    betweenness, closeness, eigenvector, core        ``partner_metrics`` (all twelve
           number, clustering, articulation points (exact)  columns; exact up to 5,000)
summary    components, diameter (``usebounds``), average   ``network_summary``
           shortest path length of the largest part
groups     Louvain + modularity                            ``detect_communities`` (Leiden)
=========  ==============================================  ===================================

networkx's PageRank needs SciPy, which the project does not install, so it is left out of the
networkx side (ours computes it). It also checks that the figures agree where both are exact
(largest difference of betweenness and closeness) and prints both modularities. networkx is
skipped above ``--nx-limit`` partners (default 2,000: its exact betweenness took 46 s for 5,000).

Run::

    .venv/bin/python benchmarks/measures.py --sizes 1000,2000,5000,20000 [--repeat 3]
        [--nx-limit 2000] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

import networkx as nx

from network_app import detect_communities, network_summary, partner_metrics

SEED = 20261129
PACKAGES = ("networkx", "python-igraph", "numpy", "pandas", "network-app")
STAGES = ("metrics", "summary", "groups")


def partner_network(n: int, seed: int = SEED) -> nx.Graph:
    """N partners, 5.5 N weighted ties, the same for the same seed; names sort as numbers."""
    graph = nx.gnm_random_graph(n, int(5.5 * n), seed=seed + n)
    rng = random.Random(seed)
    for u, v in graph.edges:
        graph.edges[u, v]["weight"] = rng.randint(1, 5)
    return nx.relabel_nodes(graph, lambda i: f"Partner {i:05d}")


def nx_metrics(graph: nx.Graph) -> dict[str, dict[Any, float]]:
    return {
        "betweenness": nx.betweenness_centrality(graph),
        "closeness": nx.closeness_centrality(graph),
        "eigenvector": nx.eigenvector_centrality(graph, weight="weight", max_iter=1000),
        "core": nx.core_number(graph),
        "clustering": nx.clustering(graph),
        "articulation": dict.fromkeys(nx.articulation_points(graph), True),
    }


def nx_summary(graph: nx.Graph) -> tuple[int, float]:
    nx.number_connected_components(graph)
    largest = graph.subgraph(max(nx.connected_components(graph), key=len))
    return nx.diameter(largest, usebounds=True), nx.average_shortest_path_length(largest)


def nx_groups(graph: nx.Graph) -> float:
    found = nx.community.louvain_communities(graph, weight="weight", seed=42)
    return nx.community.modularity(graph, found, weight="weight")


def median_time(func: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median seconds of ``repeat`` calls, and the last call's result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def run_size(n: int, repeat: int, nx_limit: int) -> list[dict[str, Any]]:
    graph = partner_network(n)
    with_nx = n <= nx_limit
    rows: list[dict[str, Any]] = []

    def row(stage: str, theirs: float | None, ours: float, note: str = "") -> None:
        rows.append({"n": n, "ties": graph.number_of_edges(), "stage": stage, "nx_s": theirs,
                     "ours_s": ours, "ratio": theirs / ours if theirs is not None else None,
                     "note": note})

    skipped = f"networkx skipped: N > {nx_limit:,} (--nx-limit)"
    t_ours, frame = median_time(lambda: partner_metrics(graph.copy()), repeat)
    if with_nx:
        t_nx, reference = median_time(lambda: nx_metrics(graph), repeat)
        worst = max(abs(frame.loc[v, column] - reference[column][v])
                    for column in ("betweenness", "closeness") for v in graph)
        row("metrics", t_nx, t_ours, f"largest difference betweenness/closeness {worst:.1e}")
    else:
        row("metrics", None, t_ours,
            skipped if frame.attrs["betweenness_sample"] is None
            else f"{skipped}; ours sampled from {frame.attrs['betweenness_sample']} partners")

    t_ours, summary = median_time(lambda: network_summary(graph.copy()), repeat)
    if with_nx:
        t_nx, (diameter, average) = median_time(lambda: nx_summary(graph), repeat)
        same = summary["diameter"] == diameter and abs(
            summary["average_path_length"] - average) < 1e-9
        row("summary", t_nx, t_ours, "same diameter and path length" if same
            else f"DIFFERENT: ours {summary['diameter']}/{summary['average_path_length']}, "
                 f"networkx {diameter}/{average}")
    else:
        row("summary", None, t_ours, skipped if summary["path_sample"] is None
            else f"{skipped}; ours sampled from {summary['path_sample']} partners")

    t_ours, found = median_time(lambda: detect_communities(graph.copy()), repeat)
    t_nx, modularity = median_time(lambda: nx_groups(graph), repeat)
    row("groups", t_nx, t_ours, f"modularity Leiden {found.modularity:.3f}, "
                                f"Louvain (networkx) {modularity:.3f}")
    return rows


def machine() -> dict[str, Any]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return {"platform": platform.platform(), "cpu_count": os.cpu_count(),
            "python": platform.python_version(), "date": date.today().isoformat(),
            "load_average": os.getloadavg()[0], "packages": versions}


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def markdown(rows: list[dict[str, Any]], info: dict[str, Any], repeat: int) -> str:
    lines = ["| N | ties | stage | networkx s | ours s | networkx/ours | note |",
             "| ---: | ---: | --- | ---: | ---: | ---: | --- |"]
    for r in rows:
        ratio = "–" if r["ratio"] is None else f"{r['ratio']:.1f}×"
        lines.append(f"| {r['n']:,} | {r['ties']:,} | {r['stage']} | {_seconds(r['nx_s'])} | "
                     f"{_seconds(r['ours_s'])} | {ratio} | {r['note']} |")
    packages = ", ".join(f"{k} {v}" for k, v in info["packages"].items())
    lines += ["", f"Median of {repeat} runs each; {info['date']}; {info['platform']}, "
              f"{info['cpu_count']} CPUs, Python {info['python']}, load average at the end "
              f"{info['load_average']:.1f}.", f"Packages: {packages}."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,2000,5000",
                        help="partner counts, e.g. 1000,2000,5000,20000")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage (median)")
    parser.add_argument("--nx-limit", type=int, default=2000,
                        help="time networkx only up to this many partners")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the numbers as JSON")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    rows: list[dict[str, Any]] = []
    for n in sizes:
        rows += run_size(n, max(1, args.repeat), args.nx_limit)
    info = machine()
    print(markdown(rows, info, args.repeat))
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "repeat": args.repeat, "rows": rows},
                                        indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
