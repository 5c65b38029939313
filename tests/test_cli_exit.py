"""The command line's last step: what the process made is frozen out of the cycle collector's
reach before Python exits (its last collection walked pandas, the workbook and the graph once
more); a caller passing arguments (these tests, a script) keeps its process as it was."""

from __future__ import annotations

import gc
import subprocess
import sys

from conftest import BUNDLED

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
