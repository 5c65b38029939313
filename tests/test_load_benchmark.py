"""The many-users benchmark (benchmarks/load.py, #13 item 5): its savers are app sessions that
save on the page Bearbeiten, and every save the page claims is found in the workspace.

A short real run (a server, 3 light sessions and 2 savers for 10 s; about 25 s) and a check
that the benchmark's own bookkeeping reports a save claimed but not in the workspace as lost.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from network_app.workbook.loading import load_workbook
from network_app.workspace.store import Workspace

sys.path.insert(0, str(ROOT / "benchmarks"))

from load import SaverResult, check_saves  # noqa: E402


def test_page_saves_arrive_in_the_workspace(tmp_path: Path) -> None:
    folder = tmp_path / "workspace"
    out = tmp_path / "load.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "load.py"), "--sessions", "3",
         "--savers", "2", "--seconds", "10", "--save-pause", "4", "--export-every", "0",
         "--workspace", str(folder), "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=150)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    result = json.loads(out.read_text())
    saves = result["saves"]
    assert result["errors"] == [] and result["server_log_tracebacks"] == 0
    assert saves["lost"] == [] and saves["saver_failures"] == []
    # both start at once, so the second to press "Speichern" usually meets the first's save
    # and saves through "… übertragen und speichern"; a 4 s pause lets each get a turn
    assert all(n >= 1 for n in saves["per_saver"]), saves
    assert result["reruns"]["save"]["count"] >= saves["saves_done"]
    # read the workspace here, not through the benchmark: one version per claimed save, made
    # by the page ("edit") under the name typed into "Ihr Name", holding the saved note
    workspace = Workspace.resolve(folder)
    versions = workspace.versions()
    assert len(versions) == saves["versions_before"] + saves["saves_done"]
    for number, claimed in enumerate(saves["per_saver"]):
        mine = [v for v in versions if v.who == f"load-saver-{number}"]
        assert len(mine) == claimed and {v.reason for v in mine} == {"edit"}
        newest = max(mine, key=lambda v: v.created)
        notes = load_workbook(workspace.read_version(newest.id),
                              filename=newest.name).partners["note"]
        assert f"load-{number}-" in " ".join(notes.dropna().astype(str))
    current, content = workspace.open_current()
    notes = load_workbook(content, filename=current.name).partners["note"].dropna()
    for number in range(2):  # each saver's note is in the current workbook: none overwritten
        assert any(str(n).startswith(f"load-{number}-") for n in notes), list(notes)

def test_a_claimed_save_missing_from_the_workspace_is_lost(tmp_path: Path) -> None:
    workspace = Workspace.resolve(tmp_path)
    workspace.ensure()  # the bundled example, one version
    before = len(workspace.versions())
    claimed = SaverResult(0, who="load-saver-0", done=["load-0-1"])
    report = check_saves(tmp_path, before, [claimed])
    assert "load-0-1" in report["lost"]
    assert "load-saver-0: 1 saves claimed, 0 versions" in report["lost"]
    assert f"version count {before} != {before + 1}" in report["lost"]
    assert check_saves(tmp_path, before, [SaverResult(0, who="load-saver-0")])["lost"] == []
