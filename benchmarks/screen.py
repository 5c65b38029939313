"""How fast Chromium draws our network picture at 500 to 5,000 partners (where the overview
of network_app.network.overview takes over).

For each size it writes the benchmark workbook (``pipeline.write_workbook``: N partners, 4N
relations, N/2 activities), builds the partner view as the app does (``build_graph``, the hub
left out, ``stable_positions``, ``node_styles``) and the page of
``network_app.drawing.rendering.network_html``: the same vis-network build, options (physics
off, positions from Python) and label engine (``labels.js``) as the app's network component.
It opens the page in headless Chromium (Debian's, through Playwright) and measures

* **first draw**: from the start of navigation to vis-network's first ``afterDrawing`` (the
  page then fits the view and the label engine names what fits);
* **redraw**: one ``network.redraw()`` at the fitted view, label engine included (what every
  hover, selection and pan costs), median of 15;
* **zoom step**: one ``network.moveTo({scale})`` zooming in by 10 % and drawing, median of 15
  (what a Ctrl + wheel step costs).

Run it with ``.venv/bin/python benchmarks/screen.py`` (``--sizes 500,1000,1500,2000,5000`` by
default; ``--repeat`` page loads per size, median; ``--json OUT``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from pipeline import machine, write_workbook  # noqa: E402  (beside this file)

from network_app import (  # noqa: E402
    build_graph,
    load_workbook,
    network_html,
    node_styles,
    partner_layer,
    stable_positions,
)

#: Records the moment of the first afterDrawing (the page sets data-drawn on <body> then).
_WATCH = """
new MutationObserver(function (changes, observer) {
  if (document.body && document.body.hasAttribute("data-drawn")) {
    window.__firstDraw = performance.now();
    observer.disconnect();
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-drawn"] });
"""

_REDRAW = """() => {
  const times = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    network.redraw();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[7];
}"""

_ZOOM = """() => {
  const times = [];
  let scale = network.getScale();
  for (let i = 0; i < 15; i++) {
    scale *= 1.1;
    const start = performance.now();
    network.moveTo({ scale: scale });
    network.redraw();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[7];
}"""


def page_for(n: int, folder: Path) -> tuple[Path, int, int]:
    """The partner view of the benchmark workbook with N partners, as an HTML page."""
    data = load_workbook(write_workbook(folder / f"book-{n}.xlsx", n))
    layer = partner_layer(build_graph(data))
    text = network_html(layer, stable_positions(data), node_styles(layer), title=f"N={n}")
    path = folder / f"page-{n}.html"
    path.write_text(text, encoding="utf-8")
    return path, layer.number_of_nodes(), layer.number_of_edges()


def measure(browser: Any, page_path: Path) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    try:
        page.add_init_script(_WATCH)
        page.goto(page_path.as_uri())
        page.wait_for_function("window.__firstDraw !== undefined", timeout=300_000)
        first = page.evaluate("window.__firstDraw")
        return {"first_draw_ms": first, "redraw_ms": page.evaluate(_REDRAW),
                "zoom_ms": page.evaluate(_ZOOM)}
    finally:
        page.close()


def run(sizes: list[int], repeat: int) -> list[dict[str, Any]]:
    from browser import CHROMIUM_ARGS  # tests/browser.py
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium is not installed")
    rows = []
    with tempfile.TemporaryDirectory(prefix="screen-bench-") as folder, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for n in sizes:
            path, nodes, edges = page_for(n, Path(folder))
            runs = [measure(browser, path) for _ in range(repeat)]
            row = {"n": n, "nodes": nodes, "edges": edges,
                   "bytes": path.stat().st_size,
                   **{key: statistics.median(r[key] for r in runs) for key in runs[0]}}
            rows.append(row)
            print(f"N={n}: {row['first_draw_ms']:.0f} ms first draw, {row['redraw_ms']:.1f} ms "
                  f"redraw, {row['zoom_ms']:.1f} ms zoom step", file=sys.stderr)
        browser.close()
    return rows


def markdown(rows: list[dict[str, Any]], info: dict[str, Any], repeat: int) -> str:
    lines = ["| N | ties | page MB | first draw s | redraw ms | zoom step ms |",
             "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['edges']:,} | {r['bytes'] / 1e6:.1f} | "
                     f"{r['first_draw_ms'] / 1000:.2f} | {r['redraw_ms']:.0f} | "
                     f"{r['zoom_ms']:.0f} |")
    lines.append("")
    lines.append(f"Median of {repeat} page loads each (redraw and zoom: median of 15 within a "
                 f"load); {info['date']}; {info['platform']}, {info['cpu_count']} CPUs, "
                 f"Python {info['python']}, headless Chromium (software rendering).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,1000,1500,2000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    started = time.perf_counter()
    rows = run(sizes, args.repeat)
    info = machine()
    print(markdown(rows, info, args.repeat))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "machine": info}, indent=2),
                             encoding="utf-8")
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
