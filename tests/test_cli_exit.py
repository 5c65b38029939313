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
    try:
        monkeypatch.setattr(sys, "argv", ["network-app", "export", "--format", "html",
                                          "-o", str(tmp_path / "netz.html"), str(BUNDLED)])
        assert cli.main() == 0
        assert gc.get_freeze_count() > 0
        assert (tmp_path / "netz.html").stat().st_size > 0
    finally:
        gc.unfreeze()
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
