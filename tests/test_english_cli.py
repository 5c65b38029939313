"""The network-app command in English (``--lang en``) says nothing in German, and German output
writes numbers the German way.

Every run goes through ``main([...])`` in the test process (fast); what the user reads is
searched for tell-tale German words and decimal commas (``tests/english.py``). What the
workbook holds is data, not interface text, and is taken out first: partner names, categories,
sheet names and column headers as written, cell values quoted in messages, and the German
vocabulary of the file format itself (sheet and column names, categories, list values).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import badfiles
import pytest
from conftest import BUNDLED
from english import decimal_commas, german_words
from messy import german_excel_csv, german_excel_xlsx

from network_app.analysis.reports import analyze_report
from network_app.cli import build_parser, main
from network_app.errors import NetworkAppError
from network_app.network.figures import NO_CATEGORY
from network_app.workbook import schema
from network_app.workbook.loading import load_workbook

COMMANDS = ("check", "analyze", "export", "template")
#: A decimal comma that cannot be a thousands separator: "0,111" (english.decimal_commas leaves
#: three decimals alone, as "1,284" may be a grouped number).
LEADING_ZERO_COMMA = re.compile(r"(?<![\d,.])0,\d+")

#: The file format's own German words that messages and help quote as they are written in a
#: workbook: setting names (problems.unknown_setting) and the file names csv export writes.
FORMAT_WORDS = ("Eigene Organisation", "Titel", "Quelle", "Datenstand", "_knoten.csv",
                "_kanten.csv")


def file_format_words() -> set[str]:
    """Sheet names, column headers and their aliases, categories and list values."""
    found = set(FORMAT_WORDS)
    for name, aliases in schema.SHEETS.values():
        found |= {name, *aliases}
    for columns in schema.COLUMNS.values():
        for col in columns:
            found |= {col.header, *col.aliases}
    found |= {*schema.CATEGORIES, *schema.TYPE_VALUES, *schema.REACH_VALUES,
              *schema.STATUS_VALUES, *schema.AREA_VALUES, schema.OWN_ORGANISATION_DEFAULT}
    return found


def _strings(value: Any) -> Iterable[str]:
    """Every string inside a JSON-like value (keys are code names, not shown)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def workbook_values(path: Path) -> set[str]:
    """What the workbook at ``path`` holds and messages may quote: every text of its tables,
    settings, sheets, problems (sheet, column, value, parameters) and the groups named after
    its categories and types."""
    values = {str(path), path.name, path.stem} | file_format_words()
    try:
        data = load_workbook(path)
    except NetworkAppError:
        return values
    for table in ("partners", "relations", "activities", "programmes"):
        for record in data.records(table):
            values |= set(_strings(record))
    values |= {*data.settings.values(), *data.sheets.values(), *data.extra_columns,
               data.own_organisation, data.source_name}
    for problem in data.problems:
        values |= {v for v in (problem.sheet, problem.column, problem.value) if v}
        values |= {str(v) for v in problem.params.values() if isinstance(v, str)}
    report = analyze_report(data, lang="en")
    values |= {group["name"] for group in report["communities"]}
    return values


#: A key of check --json's "categories" (network.figures, the report's contract): data there.
JSON_KEYS = {NO_CATEGORY}


def assert_english(text: str, data_values: Iterable[str]) -> None:
    data_values = set(data_values)
    assert text.strip(), "no output"
    assert not german_words(text, data_values), (german_words(text, data_values), text)
    assert not decimal_commas(text, data_values), (decimal_commas(text, data_values), text)
    assert not LEADING_ZERO_COMMA.findall(text), (LEADING_ZERO_COMMA.findall(text), text)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Run the CLI in this process; return its exit status and everything it printed."""
    code, out, err = run_apart(capsys, *argv)
    return code, out + err


def run_apart(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in this process; return its exit status, standard output and error."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --------------------------------------------------------------------------- the bundled workbook


@pytest.fixture(scope="module")
def bundled_values() -> set[str]:
    return workbook_values(BUNDLED)


def test_check_in_english(capsys, bundled_values):
    code, text = run(capsys, "check", str(BUNDLED), "--lang", "en")
    assert code == 0
    assert "partners" in text and "No problems found." in text
    assert_english(text, bundled_values)


def test_check_json_messages_in_english_and_numbers_stay_numbers(capsys, bundled_values):
    code, text = run(capsys, "check", str(BUNDLED), "--lang", "en", "--json")
    assert code == 0
    report = json.loads(text)
    assert isinstance(report["partners"], int) and isinstance(report["nodes"], int)
    assert_english(text, bundled_values | JSON_KEYS)


def test_analyze_in_english_with_decimal_points(capsys, bundled_values):
    code, text = run(capsys, "analyze", str(BUNDLED), "--lang", "en")
    assert code == 0
    density = next(line for line in text.splitlines() if line.strip().startswith("Density"))
    assert density.split(": ")[1].startswith("0.0"), density
    assert_english(text, bundled_values)


def test_analyze_json_keeps_real_numbers(capsys, bundled_values):
    code, text = run(capsys, "analyze", str(BUNDLED), "--lang", "en", "--json")
    assert code == 0
    report = json.loads(text)
    assert isinstance(report["network"]["density"], float)
    assert all(isinstance(p["closeness"], float) for p in report["partners"])
    assert_english(text, bundled_values)


def test_german_analyze_writes_decimal_commas(capsys):
    code, text = run(capsys, "analyze", str(BUNDLED))
    assert code == 0
    density = next(line for line in text.splitlines() if line.strip().startswith("Dichte"))
    value = density.split(": ")[1]
    assert value.startswith("0,0") and "." not in value, density
    table = text.split("Partner nach Verbindungen:")[1].splitlines()
    ranking = table[[i for i, line in enumerate(table) if " | " in line][1]]  # after the header
    assert len(LEADING_ZERO_COMMA.findall(ranking)) == 3, ranking  # "0,000 | 0,111 | 0,031"
    assert "Modularität 0," in text


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_in_english(capsys, tmp_path, bundled_values, fmt):
    out = tmp_path / f"network.{fmt}"
    code, text = run(capsys, "export", str(BUNDLED), "--lang", "en", "-f", fmt, "-o", str(out))
    assert code == 0
    assert text.startswith("Export written: ")
    assert_english(text, bundled_values | {str(tmp_path)})


def test_template_in_english(capsys, tmp_path):
    out = tmp_path / "template.xlsx"
    code, text = run(capsys, "template", "--lang", "en", "-o", str(out))
    assert code == 0 and out.is_file()
    assert_english(text, {str(out)})


# --------------------------------------------------------------------------- help and usage


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_in_english(capsys, command):
    argv = ["--lang", "en", *([command] if command else []), "--help"]
    code, text = run(capsys, *argv)
    assert code == 0
    assert text.startswith("usage: network-app")
    assert "options:" in text
    assert_english(text, file_format_words())
    for german in ("DATEI", "BEFEHL", "AUSGABE", "TITEL", "FEINHEIT", "Standard"):
        assert german not in text


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_in_german_is_german_throughout(capsys, command):
    code, text = run(capsys, *([command] if command else []), "--help")
    assert code == 0
    assert text.startswith("Aufruf: network-app")
    assert "Optionen:" in text and "diese Hilfe zeigen und beenden" in text
    for english in ("usage:", "options:", "positional arguments", "show this help message",
                    "FILE", "OUTPUT", "COMMAND"):
        assert english not in text


@pytest.mark.parametrize(("argv", "english", "german"), [
    (["export", "x.xlsx"], "the following arguments are required: --format/-f, -o/--output",
     "diese Angaben fehlen: --format/-f, -o/--output"),
    (["explode"], "invalid choice: 'explode'", "ungültige Wahl: 'explode'"),
    (["analyze", "x.xlsx", "--top", "many"], "'many' is not a whole number",
     "'many' ist keine ganze Zahl"),
    (["check", "x.xlsx", "--nonsense"], "unrecognized arguments: --nonsense",
     "unbekannte Angaben: --nonsense"),
    (["export", "x.xlsx", "-f", "bmp", "-o", "x.bmp"], "invalid choice: 'bmp'",
     "ungültige Wahl: 'bmp'"),
])
def test_usage_errors_in_each_language(capsys, argv, english, german):
    code, text = run(capsys, "--lang", "en", *argv)
    assert code == 2
    assert text.startswith("usage: ") and "error: " in text and english in text
    assert_english(text, file_format_words() | {"x.xlsx", "x.bmp", "explode", "many"})
    code, text = run(capsys, *argv)
    assert code == 2
    assert text.startswith("Aufruf: ") and "Fehler: " in text and german in text


def test_every_command_has_english_help_without_german_placeholders():
    parser = build_parser("en")
    commands = parser._subparsers._group_actions[0].choices  # noqa: SLF001
    for name, command in commands.items():
        text = command.format_help()
        assert f"usage: network-app {name}" in text
        assert not german_words(text, file_format_words()), text


# --------------------------------------------------------------------------- bad and odd files


@pytest.mark.parametrize("case", sorted(badfiles.BAD_FILES))
def test_bad_file_in_english(capsys, corpus, case):
    path = corpus(case)
    values = {str(path), path.name, path.suffix.lstrip(".")}
    code, text = run(capsys, "check", str(path), "--lang", "en")
    assert code == 2
    assert "Please" in text or "please" in text
    assert_english(text, values)
    code, out, err = run_apart(capsys, "check", str(path), "--lang", "en", "--json")
    assert code == 2
    report = json.loads(out)
    assert [e["code"] for e in report["errors"]] == [badfiles.BAD_FILES[case][1]]
    assert_english(out + err, values)


@pytest.mark.parametrize("case", sorted(badfiles.GOOD_FILES))
def test_odd_but_readable_file_in_english(capsys, corpus, case):
    path = corpus(case)
    values = workbook_values(path)
    for argv in (["check"], ["check", "--json"], ["analyze"]):
        code, text = run(capsys, argv[0], str(path), "--lang", "en", *argv[1:])
        assert code in (0, 1)
        assert_english(text, values | (JSON_KEYS if "--json" in argv else set()))


@pytest.mark.parametrize("build", [german_excel_xlsx, german_excel_csv],
                         ids=["messy_xlsx", "windows_csv"])
def test_messy_workbook_in_english(capsys, tmp_path, build):
    """Problems of every kind, with positions: English words around the quoted cells."""
    path = build(tmp_path)
    values = workbook_values(path)
    code, text = run(capsys, "check", str(path), "--lang", "en")
    assert code in (0, 1)
    assert_english(text, values)
    if code == 1:
        assert "sheet “Beziehungen”, row 5, column “Partner B” (B)" in text
        assert "1 warning" in text or "warnings" in text
    code, text = run(capsys, "analyze", str(path), "--lang", "en")
    assert_english(text, values)
    code, text = run(capsys, "check", str(path), "--lang", "en", "--json")
    assert_english(text, values | JSON_KEYS)
    out = tmp_path / "network.json"
    code, text = run(capsys, "export", str(path), "--lang", "en", "-f", "json", "-o", str(out))
    assert out.is_file()
    assert_english(text, values | {str(out)})


@pytest.mark.parametrize("name", ["networkx/hartford_drug.edgelist",
                                  "networkx/lanl_routes.edgelist",
                                  "programming_historian/aristas-interaccion_bizarrias.csv"])
def test_headerless_edge_lists_and_matrices_in_english(capsys, name):
    """The notes on how a table without a header was read, and the weights of a matrix."""
    path = Path(__file__).parent / "data" / "other_tools" / name
    values = workbook_values(path)
    for argv in (["check"], ["check", "--json"], ["analyze"]):
        code, text = run(capsys, argv[0], str(path), "--lang", "en", *argv[1:])
        assert code == 0
        assert_english(text, values | (JSON_KEYS if "--json" in argv else set()))
    code, text = run(capsys, "check", str(path), "--lang", "en")
    assert "has no header row" in text or "is an adjacency matrix" in text
