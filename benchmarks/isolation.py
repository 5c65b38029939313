"""What reading a workbook in a child process costs (network_app.workbook.isolated).

    .venv/bin/python benchmarks/isolation.py [--repeat 7] [--sizes 1000,5000]

For the bundled workbook and generated workbooks of N partners (benchmarks/pipeline.py's
``write_workbook``): the median wall time of ``load_workbook`` in the process, of
``load_isolated`` with the fork server already running (each later upload in the app), and of
the first ``load_isolated`` of a fresh process (the fork server starts and imports the loader:
once per app server, or once per CLI command). Prints a Markdown table and the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from pipeline import write_workbook  # noqa: E402

from network_app.workbook.isolated import load_isolated  # noqa: E402
from network_app.workbook.loading import load_workbook  # noqa: E402

_FIRST = """
import sys, time
from network_app.workbook.isolated import load_isolated
content = open(sys.argv[1], "rb").read()
start = time.perf_counter()
load_isolated(content, sys.argv[1])
print(time.perf_counter() - start)
"""


def median(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def first_call(path: Path, repeat: int) -> float:
    runs = [float(subprocess.run([sys.executable, "-c", _FIRST, str(path)], cwd=ROOT,
                                 capture_output=True, text=True, check=True).stdout)
            for _ in range(repeat)]
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sizes", default="1000")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        files = [("bundled (64 partners)", ROOT / "data" / "stadtlabor_soest.xlsx")]
        for n in (int(size) for size in args.sizes.split(",")):
            files.append((f"{n:,} partners", write_workbook(Path(folder) / f"p{n}.xlsx", n)))
        load_isolated(files[0][1].read_bytes(), files[0][1].name)  # the fork server is up
        print(f"load average before: {os.getloadavg()[0]:.2f}, cores: {os.cpu_count()}")
        print("| workbook | in the process | child, server running | overhead | "
              "first call (server starts) |")
        print("|---|---|---|---|---|")
        for label, path in files:
            content = path.read_bytes()
            inside = median(lambda c=content, p=path: load_workbook(c, filename=p.name),
                            args.repeat)
            child = median(lambda c=content, p=path: load_isolated(c, p.name), args.repeat)
            first = first_call(path, max(3, args.repeat // 2))
            print(f"| {label} | {inside * 1000:.0f} ms | {child * 1000:.0f} ms | "
                  f"{(child - inside) * 1000:+.0f} ms | {first * 1000:.0f} ms |")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
