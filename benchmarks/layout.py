"""Benchmark: the force layout (igraph) against networkx' spring layout, as ratios.

A script, not a test (timings depend on the machine). For each size N it writes the pipeline
benchmark's synthetic workbook (``pipeline.write_workbook``: N partners, 4N relations, N/2
activities of 3 partners; fixed seed), reads it, builds the partner layer (relations plus shared
activities, about 5.6 ties per partner) and times, median of ``--repeat`` runs in this process
(``time.perf_counter``):

* **ours**: :func:`network_app.network.force.force_layout` on the layer, the computation behind
  ``network_layout(graph, "force")`` (whose cache is left out here);
* **networkx**: ``nx.spring_layout(layer, seed=7)``, the layout used before. From 500 nodes on it
  needs scipy, which this project does not ship: install it where the script can import it
  (``pip install --target DIR scipy`` and ``PYTHONPATH=DIR``), or the column says why it is
  missing. It is timed once at most above ``--slow-from`` nodes (30 s and more at 5,000).

Run::

    .venv/bin/python benchmarks/layout.py --sizes 1000,5000 [--repeat 3] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pipeline import write_workbook  # noqa: E402  (the benchmark's workbooks, same seed)

from network_app import build_graph, load_workbook, partner_layer  # noqa: E402
from network_app.network.force import force_layout  # noqa: E402

PACKAGES = ("networkx", "python-igraph", "numpy", "scipy", "network-app")


def median_time(func: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def networkx_note() -> str:
    """Why networkx' spring layout cannot be timed here ("" when it can)."""
    try:
        import scipy  # noqa: F401
    except ImportError as error:
        return f"networkx spring_layout not timed from 500 nodes: {error}"
    return ""


def run_size(n: int, folder: Path, repeat: int, slow_from: int) -> dict[str, Any]:
    data = load_workbook(write_workbook(folder / f"bench-{n}.xlsx", n))
    layer = partner_layer(build_graph(data))
    ours = median_time(lambda: force_layout(layer), repeat)
    note = networkx_note() if n >= 500 else ""
    theirs = None
    if not note:
        runs = 1 if n >= slow_from else repeat
        theirs = median_time(lambda: nx.spring_layout(layer, seed=7), runs)
        if runs < repeat:
            note = f"networkx timed once (N >= {slow_from:,})"
    return {"n": n, "ties": layer.number_of_edges(), "ours": ours, "networkx": theirs,
            "ratio": theirs / ours if theirs else None, "note": note}


def machine() -> dict[str, Any]:
    versions = {}
    for package in PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "missing"
    return {"date": date.today().isoformat(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "python": platform.python_version(),
            "load": os.getloadavg()[0], "packages": versions}


def markdown(rows: list[dict[str, Any]], info: dict[str, Any], repeat: int) -> str:
    lines = ["| N | ties | networkx spring s | igraph force s | networkx/ours |",
             "| ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        theirs = f"{r['networkx']:.3f}" if r["networkx"] is not None else "–"
        ratio = f"{r['ratio']:.1f}×" if r["ratio"] else "–"
        lines.append(f"| {r['n']:,} | {r['ties']:,} | {theirs} | {r['ours']:.3f} | {ratio} |")
    packages = ", ".join(f"{k} {v}" for k, v in info["packages"].items())
    lines += ["", f"Median of {repeat} runs; {info['date']}; {info['platform']}, "
              f"{info['cpus']} CPUs, Python {info['python']}, load average "
              f"{info['load']:.1f} at the end.", f"Packages: {packages}."]
    lines += [f"- N={r['n']:,}: {r['note']}" for r in rows if r["note"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000", help="partner counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--slow-from", type=int, default=3000,
                        help="time networkx only once from this many partners on")
    parser.add_argument("--json", type=Path, help="also write the numbers as JSON here")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory() as folder:
        rows = []
        for n in sizes:
            rows.append(run_size(n, Path(folder), args.repeat, args.slow_from))
            print(f"N={n:,}: {rows[-1]}", file=sys.stderr, flush=True)
    info = machine()
    print(markdown(rows, info, args.repeat))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "machine": info}, indent=2),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
