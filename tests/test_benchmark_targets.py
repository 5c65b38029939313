"""The whole-process benchmark's verdicts (benchmarks/pipeline.py --whole): the target lines
say met / not met from the numbers, and the naive script is a complete program."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from pipeline import naive_script, target_lines, whole_markdown  # noqa: E402


def row(n, key, wall, peak=100.0, runs=3, note=""):
    return {"n": n, "key": key, "label": key, "runs": runs, "wall_s": wall, "cpu_s": wall,
            "peak_mb": peak, "note": note}


def test_targets_met_and_not_met():
    rows = [row(1000, "html", 0.7), row(1000, "naive", 5.6), row(1000, "analyze", 1.0),
            row(5000, "html", 1.6), row(5000, "naive", 182.0, runs=1), row(5000, "analyze", 3.9),
            row(20000, "html", 9.0), row(20000, "analyze", 19.0, peak=1600.0)]
    lines = target_lines(rows)
    assert lines == [
        "- 1,000 partners, file → HTML map ≤ 0.8 s: met (0.70 s)",
        "- 1,000 partners, file → HTML map ≥ 6× the naive pipeline: met (8.0×: 5.6 s against "
        "0.70 s)",
        "- 5,000 partners, file → HTML map ≤ 1.5 s: NOT met (1.60 s)",
        "- 5,000 partners, file → HTML map ≥ 100× the naive pipeline: met (113.8×: 182.0 s "
        "against 1.60 s)",
        "- 5,000 partners, analyze --json ≤ 4.0 s: met (3.90 s)",
        "- 20,000 partners, analyze --json ≤ 20.0 s: met (19.00 s)",
        "- 20,000 partners, analyze --json ≤ 1.5 GB peak: NOT met (1600 MB)",
    ]
    assert "| 1,000 | html | 3 | 0.700 | 0.700 | 100 | 8.0× |  |" in whole_markdown(rows)


def test_targets_without_naive_or_size():
    skipped = row(5000, "naive", None, peak=None, runs=0, note="skipped")
    lines = target_lines([row(5000, "html", 1.2), skipped])
    assert "- 5,000 partners, file → HTML map ≥ 100× the naive pipeline: not measured " \
           "(naive skipped)" in lines
    assert "- 1,000 partners, file → HTML map: not measured (N=1,000 not in --sizes)" in lines


def test_naive_script_is_a_program():
    source = naive_script()
    compile(source, "naive.py", "exec")
    assert "import network_app" not in source and "pd.read_excel" in source
    assert "iterrows" in source and "betweenness_centrality" in source
