"""The network-app command: exit codes, JSON contract, help, and bad files as words."""

from __future__ import annotations

import argparse
import inspect
import io
import json
import re
import resource
import subprocess
import sys
import time

import badfiles
import pytest
from conftest import BUNDLED, write_xlsx
from karate import write_karate_workbook
from messy import german_excel_csv, german_excel_xlsx

from network_app import cli
from network_app.cli import build_parser, main
from network_app.text import words


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "network_app", *args], capture_output=True,
                          text=True, timeout=timeout)


def test_check_bundled_json_contract():
    result = run("check", str(BUNDLED), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for key in ("partners", "relations", "activities", "nodes", "edges", "categories",
                "errors", "warnings"):
        assert key in report
    assert report["errors"] == []
    assert report["partners"] == len(report["partner_list"])
    assert set(report["categories"]) >= {"Austausch", "Kooperation", "Netzwerk", "Forschung"}


def test_check_messy_workbook_exits_1_with_positions(tmp_path):
    result = run("check", str(german_excel_xlsx(tmp_path)), "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    for problem in report["errors"] + report["warnings"]:
        assert {"sheet", "row", "column", "message"} <= set(problem)
    assert {(p["sheet"], p["row"]) for p in report["errors"]} >= {
        ("Partnerliste", 11), ("Beziehungen", 5)}


def test_check_text_output_is_german(tmp_path):
    result = run("check", str(german_excel_xlsx(tmp_path)))
    assert result.returncode == 1
    assert "Blatt »Beziehungen«, Zeile 5, Spalte »Partner B« (B)" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_check_english(tmp_path):
    result = run("check", str(german_excel_xlsx(tmp_path)), "--lang", "en")
    assert "Row 11 has no name" in result.stdout


def test_windows_csv_is_valid(tmp_path):
    result = run("check", str(german_excel_csv(tmp_path)), "--json")
    assert result.returncode == 0, result.stdout
    names = [p["name"] for p in json.loads(result.stdout)["partner_list"]]
    assert "Öcher Lab" in names and "Müller & Söhne GmbH" in names


@pytest.mark.parametrize("case", sorted(badfiles.BAD_FILES))
def test_every_bad_file_ends_in_german_and_exit_2(tmp_path, case):
    builder, code = badfiles.BAD_FILES[case]
    path = builder(tmp_path)
    start = time.perf_counter()
    result = run("check", str(path), "--json", timeout=60)
    elapsed = time.perf_counter() - start
    assert result.returncode == 2, result.stdout + result.stderr
    assert [e["code"] for e in json.loads(result.stdout)["errors"]] == [code]
    message = result.stderr.strip()
    assert message and "Traceback" not in message and "Error" not in message
    assert "Bitte" in message or "bitte" in message  # says what to do
    assert elapsed < 20
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 1500


@pytest.mark.parametrize("case", sorted(badfiles.GOOD_FILES))
def test_odd_but_fine_files_are_read(tmp_path, case):
    builder, _fmt = badfiles.GOOD_FILES[case]
    result = run("check", str(builder(tmp_path)), "--json")
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["readable"] is True
    # synthetic_xls is a hand-built legacy file with no sheet: readable, but no partners.
    assert report["partners"] > 0 or case == "synthetic_xls"


def test_five_megabyte_cell_is_cut_not_fatal(tmp_path):
    path = write_xlsx(tmp_path / "riesig.xlsx", {
        "Partner": [["Name", "Kategorie", "Notiz"], ["A", "Austausch", "x" * 5_000_000]]})
    start = time.perf_counter()
    result = run("check", str(path), "--json")
    assert time.perf_counter() - start < 20
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [w["code"] for w in report["warnings"]] == ["huge_cell"]
    assert report["warnings"][0]["row"] == 2


def test_unreadable_file_still_gives_json(tmp_path):
    result = run("check", str(badfiles.encrypted_xlsx(tmp_path)), "--json")
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert report["readable"] is False
    assert [e["code"] for e in report["errors"]] == ["encrypted"]
    assert "passwortgeschützt" in result.stderr


def test_missing_file_and_bad_usage(tmp_path):
    missing = run("check", str(tmp_path / "gibtsnicht.xlsx"))
    assert missing.returncode == 2
    assert "nicht gefunden" in missing.stderr
    usage = run("check", "eins.xlsx", "zwei.xlsx")  # without a file: the workspace's
    assert usage.returncode == 2                      # (tests/test_workspace_store.py)
    unknown = run("explode")
    assert unknown.returncode == 2


def test_template_checks_clean(tmp_path):
    out = tmp_path / "vorlage.xlsx"
    assert run("template", "-o", str(out)).returncode == 0
    result = run("check", str(out), "--json")
    assert result.returncode == 0, result.stdout
    report = json.loads(result.stdout)
    assert report["errors"] == [] and report["warnings"] == []
    assert report["partners"] == 2


def test_template_into_missing_folder_is_a_message(tmp_path, capsys):
    code = main(["template", "-o", str(tmp_path / "nope" / "v.xlsx")])
    assert code == 2
    assert "kann nicht geschrieben werden" in capsys.readouterr().err
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_command_has_help(lang):
    parser = build_parser(lang)
    commands = parser._subparsers._group_actions[0].choices  # noqa: SLF001
    assert set(commands) == {"check", "analyze", "export", "template", "password"}
    for command in commands.values():
        assert command.format_help().strip()
        assert command.description


def test_main_module_help():
    result = run("--help")
    assert result.returncode == 0
    assert "check" in result.stdout and "template" in result.stdout


def test_analyze_json_contract_and_hub_excluded(tmp_path):
    path = write_karate_workbook(tmp_path / "karate.xlsx")
    result = run("analyze", str(path), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"nodes", "edges", "density", "components"} <= set(report["network"])
    assert (report["network"]["nodes"], report["network"]["edges"]) == (34, 78)
    assert len(report["partners"]) == 34
    for partner in report["partners"]:
        assert {"name", "categories", "degree", "betweenness", "closeness", "pagerank",
                "community"} <= set(partner)
    assert "stadtLABOR Soest" not in {p["name"] for p in report["partners"]}
    first = report["partners"][0]  # sorted by brokerage: Zachary's instructor or president
    assert first["name"] in {"Mitglied 1", "Mitglied 34"}
    again = json.loads(run("analyze", str(path), "--json").stdout)
    assert again == report  # deterministic


def test_analyze_top_and_text(tmp_path):
    path = write_karate_workbook(tmp_path / "karate.xlsx")
    report = json.loads(run("analyze", str(path), "--json", "--top", "5").stdout)
    assert len(report["partners"]) == 5
    text = run("analyze", str(path), "--top", "3")
    assert text.returncode == 0
    assert "Brückenfunktion" in text.stdout and "Traceback" not in text.stderr


def test_analyze_ranks_by_ties_and_says_why_when_nobody_brokers(tmp_path):
    karate = run("analyze", str(write_karate_workbook(tmp_path / "karate.xlsx"))).stdout
    assert "Partner nach Brückenfunktion:" in karate and "Kein Partner liegt" not in karate
    bundled = run("analyze", str(BUNDLED)).stdout  # its groups are all-with-all: brokerage 0
    assert "Partner nach Brückenfunktion:" not in bundled
    head, rest = bundled.split("Partner nach Verbindungen:\n")
    assert rest.lstrip().startswith("Kein Partner liegt zwischen anderen")
    rows = [line.split(" | ") for line in rest.splitlines() if line.count(" | ") == 5][1:]
    ties = [int(row[1]) for row in rows]
    assert ties == sorted(ties, reverse=True) and ties[0] > 0


def test_analyze_pauses_the_cycle_collector_and_resumes_it(monkeypatch, capsys):
    """The collector is off while analyze reads and measures (it only walked the millions of
    objects again and again) and on again afterwards, also when the command fails."""
    import gc

    from network_app.analysis import reports

    seen = []
    real = reports.analyze_report

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(reports, "analyze_report", watched)
    assert gc.isenabled()
    assert main(["analyze", str(BUNDLED), "--json"]) == 0
    assert seen == [False] and gc.isenabled()
    assert json.loads(capsys.readouterr().out)["partners"]

    def failing(*args, **kwargs):
        raise RuntimeError("measures failed")

    monkeypatch.setattr(reports, "analyze_report", failing)
    with pytest.raises(RuntimeError):
        cli._analyze(build_parser().parse_args(["analyze", str(BUNDLED)]))
    assert gc.isenabled()


def test_analyze_bad_file_exit_2(tmp_path):
    result = run("analyze", str(badfiles.renamed_text(tmp_path)))
    assert result.returncode == 2
    assert "Textdatei" in result.stderr


def test_export_bundled_pdf(tmp_path):
    out = tmp_path / "netz.pdf"
    result = run("export", str(BUNDLED), "--format", "pdf", "-o", str(out), "--paper", "A3")
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    assert out.read_bytes().startswith(b"%PDF")


def test_export_with_data_errors_writes_and_exits_1(tmp_path):
    out = tmp_path / "netz.json"
    result = run("export", str(german_excel_xlsx(tmp_path)), "-f", "json", "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["nodes"]
    assert "network-app check" in result.stderr and "Traceback" not in result.stderr


def test_export_csv_title_and_personal(tmp_path, capsys):
    path = write_xlsx(tmp_path / "p.xlsx", {"Partner": [
        ["Name", "Kategorie", "E-Mail"], ["A", "Austausch", "a@beispiel.example"]]})
    code = main(["export", str(path), "-f", "csv", "-o", str(tmp_path / "netz.csv"),
                 "--include-personal", "--title", "Mein Netz"])
    assert code == 0
    out = capsys.readouterr().out
    assert "netz_knoten.csv" in out and "netz_kanten.csv" in out
    assert "a@beispiel.example" in (tmp_path / "netz_knoten.csv").read_text(encoding="utf-8-sig")
    assert main(["export", str(path), "-f", "json", "-o", str(tmp_path / "n.json"),
                 "--title", "Mein Netz"]) == 0
    graph = json.loads((tmp_path / "n.json").read_text(encoding="utf-8"))["graph"]
    assert graph["Titel"] == "Mein Netz"
    assert "a@beispiel.example" not in (tmp_path / "n.json").read_text(encoding="utf-8")


def test_export_unwritable_output_and_unreadable_input_exit_2(tmp_path, capsys):
    code = main(["export", str(BUNDLED), "-f", "xlsx", "-o", str(tmp_path / "nope" / "b.xlsx")])
    assert code == 2
    assert "kann nicht geschrieben werden" in capsys.readouterr().err
    assert not (tmp_path / "nope").exists()
    code = main(["export", str(badfiles.renamed_text(tmp_path)), "-f", "png", "-o",
                 str(tmp_path / "x.png")])
    assert code == 2
    assert "Textdatei" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_export_bad_format_is_usage_error():
    result = run("export", str(BUNDLED), "-f", "bmp", "-o", "x.bmp")
    assert result.returncode == 2
    assert "bmp" in result.stderr


# --------------------------------------------------------------------------- words and numbers


def test_counts_are_proper_plurals(capsys):
    assert main(["check", str(BUNDLED)]) == 0
    german = capsys.readouterr().out
    assert "64 Partner, 1 Beziehung, 34 Aktivitäten, 2 Programme" in german
    assert main(["check", str(BUNDLED), "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert "64 partners, 1 relation, 34 activities, 2 programmes" in english


def test_problem_counts_are_plurals(tmp_path, capsys):
    path = write_xlsx(tmp_path / "p.xlsx", {"Partner": [
        ["Name", "Kategorie"], ["A", "Austausch"], ["B", "Koperation"], ["C", None]]})
    assert main(["check", str(path)]) == 1
    assert "1 Fehler, 1 Hinweis\n" in capsys.readouterr().out
    assert main(["check", str(path), "--lang", "en"]) == 1
    assert "1 error, 1 warning\n" in capsys.readouterr().out


def test_decimal_comma_is_accepted_for_sizes(capsys):
    code = main(["check", str(BUNDLED), "--max-size", "0,001", "--json"])
    assert code == 2
    captured = capsys.readouterr()
    assert [e["code"] for e in json.loads(captured.out)["errors"]] == ["too_large"]
    assert "höchstens 0,00 MB" in captured.err


def test_unwritable_output_says_why_in_each_language(tmp_path, capsys):
    target = str(tmp_path / "nope" / "v.xlsx")
    assert main(["template", "-o", target]) == 2
    assert "(Ordner nicht gefunden)" in capsys.readouterr().err
    assert main(["template", "-o", target, "--lang", "en"]) == 2
    assert "(folder not found)" in capsys.readouterr().err


# --------------------------------------------------------------------------- argparse's words


def test_argparse_is_left_as_it_was_found(capsys):
    import gettext

    assert main(["--help"]) == 0
    assert main(["check", "eins.xlsx", "zwei.xlsx"]) == 2  # bad usage: argparse's error
    capsys.readouterr()
    assert argparse._ is gettext.gettext  # noqa: SLF001


def test_every_translated_argparse_message_is_one_argparse_has():
    """The ids are argparse's English originals: one that changed would stay untranslated."""
    source = inspect.getsource(argparse)
    missing = [msgid for msgid in cli._ARGPARSE_IDS  # noqa: SLF001
               if repr(msgid) not in source]
    assert not missing


def test_argparse_words_keep_argparse_placeholders():
    """argparse fills its messages with %-style fields; both languages need the same ones."""
    def fields(template: str) -> list[str]:
        return sorted(re.findall(r"%(?:\(\w+\))?[rs]", template))

    german, english = words("cli.argparse", "de"), words("cli.argparse", "en")
    assert set(german) == set(english) == set(cli._ARGPARSE_IDS.values())  # noqa: SLF001
    for msgid, key in cli._ARGPARSE_IDS.items():  # noqa: SLF001
        assert fields(german[key]) == fields(english[key]) == fields(msgid), key


# --------------------------------------------------------------------------- a reader that leaves


def test_reader_closing_the_pipe_early_ends_quietly(tmp_path):
    """`network-app check FILE | head`: no "Broken pipe" message, no traceback, status 141."""
    path = german_excel_xlsx(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "network_app", "check", str(path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # the reader is gone before the first line is written
    _, err = process.communicate(timeout=60)
    assert err.decode() == ""
    assert process.returncode == cli.EXIT_BROKEN_PIPE


def test_broken_pipe_while_printing_is_not_an_unexpected_error(monkeypatch, capsys):
    class GoneReader(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", GoneReader())
    assert main(["check", str(BUNDLED)]) == cli.EXIT_BROKEN_PIPE
    assert capsys.readouterr().err == ""
