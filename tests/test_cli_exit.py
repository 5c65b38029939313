"""The command line's last step: what the process made is frozen out of the cycle collector's
reach before Python exits (its last collection walked pandas, the workbook and the graph once
more); a caller passing arguments (these tests, a script) keeps its process as it was."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest
from conftest import BUNDLED, ROOT

from network_app import cli


def test_the_command_line_freezes_what_it_made_before_exit(monkeypatch, tmp_path, capsys):
    gc.unfreeze()
    monkeypatch.setattr(cli, "_batch", False)  # put back after the command-line run
    try:
        monkeypatch.setattr(sys, "argv", ["network-app", "export", "--format", "html",
                                          "-o", str(tmp_path / "netz.html"), str(BUNDLED)])
        assert cli.main() == 0
        assert gc.get_freeze_count() > 0
        assert (tmp_path / "netz.html").stat().st_size > 0
    finally:
        gc.unfreeze()
        gc.enable()
    assert cli.main(["export", "--format", "html", "-o", str(tmp_path / "zwei.html"),
                     str(BUNDLED)]) == 0
    assert gc.get_freeze_count() == 0
    capsys.readouterr()


def test_a_real_run_writes_its_file_and_says_so(tmp_path):
    """Files are flushed and the output is complete although the collector is frozen."""
    target = tmp_path / "netz.html"
    result = subprocess.run([sys.executable, "-m", "network_app", "export", "--format", "html",
                             "-o", str(target), str(BUNDLED)], capture_output=True, text=True,
                            check=True)
    assert str(target) in result.stdout
    assert target.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_the_collector_is_off_for_a_command_line_html_export_and_on_for_pictures(
        monkeypatch, tmp_path, capsys):
    """A command-line run is one short batch: the collector stays off (the imports and the
    workbook made hundreds of thousands of objects without cycles), except while pictures and
    the deck are drawn (matplotlib's figures are cycles; a deck of 20,000 partners peaked 230 MB
    higher without it). A caller passing arguments keeps its collector as it was."""
    seen: dict[str, bool] = {}
    real_export = cli.export

    def watching(fmt, *args, **kwargs):
        seen[fmt] = gc.isenabled()
        return real_export(fmt, *args, **kwargs)

    monkeypatch.setattr(cli, "export", watching)
    monkeypatch.setattr(cli, "_batch", False)
    try:
        for fmt in ("html", "svg"):
            monkeypatch.setattr(sys, "argv", ["network-app", "export", "--format", fmt,
                                              "-o", str(tmp_path / f"netz.{fmt}"), str(BUNDLED)])
            gc.enable()
            assert cli.main() == 0
    finally:
        gc.unfreeze()
        gc.enable()
    assert seen == {"html": False, "svg": True}
    monkeypatch.setattr(cli, "_batch", False)
    assert cli.main(["export", "--format", "html", "-o", str(tmp_path / "drei.html"),
                     str(BUNDLED)]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == 0
    capsys.readouterr()


OTHER_TOOLS = ROOT / "tests" / "data" / "other_tools"


@pytest.mark.parametrize("book", [BUNDLED, OTHER_TOOLS / "generated" / "kumu_text_numbers.xlsx",
                                  OTHER_TOOLS / "generated" / "nodexl_users.xlsx",
                                  OTHER_TOOLS / "programming_historian" / "nodos_bizarrias.csv"],
                         ids=lambda p: p.name)
def test_a_command_line_run_without_pyarrow_says_and_writes_the_same(book, tmp_path, capsys,
                                                                    monkeypatch):
    """The command line does not import pyarrow (pandas keeps text in Python strings then);
    this test process has it. Same words, same figures, same files."""
    result = subprocess.run([sys.executable, "-c", "import sys, pyarrow"],
                            capture_output=True)
    assert result.returncode == 0  # installed: the command line really leaves it out
    line_dir, here_dir = tmp_path / "line", tmp_path / "here"
    line_dir.mkdir()
    here_dir.mkdir()
    for args, suffix in ((["check"], None), (["analyze", "--json"], None),
                         (["export", "--format", "html"], "html"),
                         (["export", "--format", "csv"], "csv"),
                         (["export", "--format", "json"], "json")):
        out_args = ["-o", f"netz.{suffix}"] if suffix else []
        proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "network_app",
                               *args, *out_args, str(book)],
                              capture_output=True, text=True, cwd=line_dir)
        assert "pyarrow.lib" not in {row.split("|")[-1].strip() for row in
                                     proc.stderr.splitlines() if row.startswith("import time:")}
        monkeypatch.chdir(here_dir)
        code = cli.main([*args, *out_args, str(book)])
        out, err = capsys.readouterr()
        assert proc.returncode == code, (args, proc.stderr[-500:])
        assert proc.stdout == out, args
        for made in sorted(line_dir.iterdir()):
            assert made.read_bytes() == (here_dir / made.name).read_bytes(), made.name
    assert len(list(line_dir.iterdir())) >= 4  # html, two csv, json


def test_a_command_line_run_reads_a_dropped_file_in_its_reader(tmp_path):
    """A file dropped into the workspace is read by the reader process (time and memory
    limits); it leaves pyarrow out like the command line, or its frames could not be read."""
    workspace = tmp_path / "arbeitsstand"
    first = subprocess.run([sys.executable, "-m", "network_app", "check", "--workspace",
                            str(workspace)], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr[-500:]
    (workspace / "neu.xlsx").write_bytes(BUNDLED.read_bytes())
    second = subprocess.run([sys.executable, "-m", "network_app", "check", "--workspace",
                             str(workspace)], capture_output=True, text=True)
    assert second.returncode == 0, second.stderr[-500:]
    assert "Unerwarteter Fehler" not in second.stderr
    assert second.stdout == first.stdout
