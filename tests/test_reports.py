"""The typed results: every dict the library hands out holds exactly what its TypedDict declares.

Each report is checked against its declaration key by key and value by value (an ``int`` field
holds an int, not a float or a numpy number; ``X | None`` allows None), recursively. The CLI's
JSON is the library's report, printed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import types
import typing
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints, is_typeddict

import pytest
from conftest import BUNDLED
from karate import write_karate_workbook
from messy import german_excel_xlsx

import network_app as na
from network_app.analysis import reports
from network_app.errors import UnreadableFileError
from network_app.workbook.problems import ProblemRecord


def conforms(value: Any, declared: Any, where: str = "report") -> list[str]:
    """What in ``value`` does not match the type ``declared`` (empty: it matches)."""
    if is_typeddict(declared):
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not a dict"]
        hints = get_type_hints(declared)
        if list(value) != list(hints):
            return [f"{where}: keys {list(value)}, declared {list(hints)}"]
        return [m for key, kind in hints.items()
                for m in conforms(value[key], kind, f"{where}[{key!r}]")]
    origin = get_origin(declared)
    if origin in (types.UnionType, typing.Union):
        options = [conforms(value, option, where) for option in get_args(declared)]
        return [] if any(not o for o in options) else [m for o in options for m in o]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, not a list"]
        (item,) = get_args(declared)
        return [m for i, v in enumerate(value) for m in conforms(v, item, f"{where}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not a dict"]
        key_type, item = get_args(declared)
        return [m for k, v in value.items()
                for m in [*conforms(k, key_type, f"{where} key"),
                          *conforms(v, item, f"{where}[{k!r}]")]]
    if declared is type(None):
        return [] if value is None else [f"{where}: {value!r}, not None"]
    if declared is float:  # an int is a float to a type checker, and to JSON
        ok = type(value) in (int, float)
    else:
        ok = type(value) is declared  # exact: no bool for int, no numpy numbers
    return [] if ok else [f"{where}: {value!r} is {type(value).__name__}, not {declared.__name__}"]


def test_conforms_finds_what_differs():
    record = {"severity": "error", "code": "x", "sheet": None, "row": 2.0, "column": None,
              "column_letter": None, "value": None, "message": "m"}
    assert conforms(record, ProblemRecord) == ["report['row']: 2.0 is float, not int",
                                               "report['row']: 2.0, not None"]
    del record["value"]
    assert conforms(record, ProblemRecord)[0].startswith("report: keys")
    assert conforms({"a": [1, True]}, dict[str, list[int]]) == [
        "report['a'][1]: True is bool, not int"]


@pytest.fixture(scope="module")
def karate(tmp_path_factory):
    return na.load_workbook(write_karate_workbook(tmp_path_factory.mktemp("k") / "karate.xlsx"))


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    data = na.load_workbook(german_excel_xlsx(tmp_path_factory.mktemp("m")))
    assert data.errors and data.warnings  # the report has problems to type
    return data


@pytest.fixture(scope="module")
def bundled():
    return na.load_workbook(BUNDLED)


@pytest.mark.parametrize("workbook", ["bundled", "messy", "karate"])
def test_check_report_is_a_check_report(workbook, request):
    data = request.getfixturevalue(workbook)
    for lang in ("de", "en"):
        report = na.check_report(data, lang)
        assert conforms(report, na.CheckReport) == []
        assert len(report["partner_list"]) == report["partners"] == len(data.partners)


@pytest.mark.parametrize("workbook", ["bundled", "messy", "karate"])
def test_analyze_report_is_an_analyze_report(workbook, request):
    data = request.getfixturevalue(workbook)
    report = na.analyze_report(data, lang="en")
    assert conforms(report, na.AnalyzeReport) == []
    assert set(report["explanations"]) >= set(na.METRIC_COLUMNS)


def test_partner_measures_follow_metric_columns():
    """A new measure in METRIC_COLUMNS must be declared (and reported) in the same place."""
    declared = list(get_type_hints(reports.PartnerMeasures))
    assert declared == ["name", "categories", *na.METRIC_COLUMNS, "community"]


def test_a_partner_without_ties_has_null_measures(bundled):
    """NaN (no constraint without contacts) is None in the report, as JSON has no NaN."""
    report = na.analyze_report(bundled)
    alone = [p for p in report["partners"] if p["degree"] == 0]
    assert alone
    assert all(p["constraint"] is None and p["effective_size"] is None for p in alone)


def test_unreadable_report_has_the_keys_every_check_report_has():
    report = reports.unreadable_report("ordner/kaputt.xlsx", UnreadableFileError("encrypted"),
                                       "en")
    assert conforms(report, reports.UnreadableReport) == []
    assert (report["file"], report["readable"], report["errors"][0]["code"]) == (
        "kaputt.xlsx", False, "encrypted")
    # Scripts can read these keys whether or not the file could be read.
    assert set(get_type_hints(reports.UnreadableReport)) <= set(get_type_hints(na.CheckReport))


@pytest.mark.parametrize("workbook", ["bundled", "messy", "karate"])
def test_key_figures_and_network_summary_are_typed(workbook, request):
    data = request.getfixturevalue(workbook)
    graph = na.build_graph(data)
    assert conforms(na.key_figures(data, graph), na.KeyFigures) == []
    assert conforms(na.network_summary(na.partner_layer(graph)), na.NetworkSummary) == []


def test_network_summary_sampled_is_typed():
    """Above exact_limit the diameter and path length are estimated: still the declared types."""
    import networkx as nx

    layer = nx.relabel_nodes(nx.connected_watts_strogatz_graph(60, 4, 0.2, seed=1), str)
    summary = na.network_summary(layer, exact_limit=10, sample_size=8)
    assert summary["path_sample"] == 8
    assert conforms(summary, na.NetworkSummary) == []


def _cli_json(*args: str) -> Any:
    result = subprocess.run([sys.executable, "-m", "network_app", *args], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_the_cli_prints_the_library_reports(tmp_path):
    path = write_karate_workbook(tmp_path / "karate.xlsx")
    data = na.load_workbook(path)
    assert _cli_json("check", str(path), "--json", "--lang", "en") == json.loads(
        json.dumps(na.check_report(data, "en"), default=str))
    assert _cli_json("analyze", str(path), "--json", "--top", "4") == json.loads(
        json.dumps(na.analyze_report(data, top=4)))


def test_the_cli_prints_the_unreadable_report(tmp_path):
    path = Path(tmp_path / "leer.xlsx")
    path.write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "network_app", "check", str(path), "--json"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert conforms(report, reports.UnreadableReport) == []
    assert report["readable"] is False and len(report["errors"]) == 1
