"""The page Bearbeiten's one-click way out of a colleague's save: "Meine Änderungen auf die
neuere Fassung übertragen und speichern" takes the newest file, carries the edits over and
saves in one run; a clash saves nothing, a save in between is said again, and no save is lost
(read from the workspace's versions)."""

from __future__ import annotations

import pytest
from conftest import write_xlsx
from test_workspace_editor import (
    click,
    edit,
    editor,
    editor_page,
    place_of,
    saved,
    sheets,
    text,
    typed_while_a_colleague_saved_with_a_chart,
)

import network_app as na
import network_app.workspace.carry as carry_module
from network_app.workspace.store import Workspace

ONE_CLICK = "Meine Änderungen auf die neuere Fassung übertragen und speichern"


def version_data(ws: Workspace, index: int) -> na.PartnerData:
    version = ws.versions()[index]
    return na.load_workbook(ws.read_version(version.id), filename=version.name)


def colleague_saves(ws: Workspace, tmp_path, place: str) -> None:
    """A colleague's save through the library: D-Stadt moves to ``place`` on the newest
    file (expected: the fingerprint read)."""
    now, content = ws.open_current()
    data = na.load_workbook(content, filename=now.name)
    changed = sheets()
    for row in changed["Partner"][1:]:  # keep what is saved already, change one cell
        row[3] = place_of(data, row[0])
    changed["Partner"][4][3] = place
    path = write_xlsx(tmp_path / f"{place}.xlsx", changed)
    ws.replace(path.read_bytes(), now.name, reason="upload", who="Kollegin",
               expected=now.fingerprint)


def test_one_click_carries_the_edits_over_and_saves(ws):
    first, second = editor_page(), editor_page()
    edit(first, "partners", edited={0: {"place": "Köln"}})
    edit(second, "partners", edited={1: {"place": "Herne"}})
    click(first, "Speichern")
    before = len(ws.versions())
    second.run()
    [notice] = [text(w) for w in second.warning if "wurde inzwischen gespeichert" in w.value]
    assert f"»{ONE_CLICK}«" in notice
    # the step-by-step way stays
    assert {"Neu laden", ONE_CLICK} <= {b.label for b in second.button}
    second.text_input(key="edit_who").set_value("Bea")
    click(second, ONE_CLICK)
    [done] = [text(s) for s in second.success]
    assert done.startswith("Gespeichert: Partner.xlsx. Ihre Änderungen sind in die neuere")
    data = saved(ws)
    assert (place_of(data, "A-Lab"), place_of(data, "B-Uni")) == ("Köln", "Herne")
    versions = ws.versions()
    assert len(versions) == before + 1
    assert (versions[0].reason, versions[0].who) == ("edit", "Bea")
    assert "B-Uni" in versions[0].note
    # the colleague's save stays a version of its own, as it was saved
    theirs = version_data(ws, 1)
    assert (place_of(theirs, "A-Lab"), place_of(theirs, "B-Uni")) == ("Köln", "Bochum")
    # the page is on the saved file, nothing left unsaved and no conflict
    state = second.session_state["edit_session"]
    assert state.fingerprint == ws.current().fingerprint
    assert state.work is None and not state.conflict
    shown = editor(second, "partners").value.set_index("name")
    assert (shown.loc["A-Lab", "place"], shown.loc["B-Uni", "place"]) == ("Köln", "Herne")
    assert not [b for b in second.button if b.label == ONE_CLICK]


def test_a_clash_saves_nothing_and_names_the_place(ws):
    first, second = editor_page(), editor_page()
    edit(first, "partners", edited={1: {"place": "Essen"}})
    edit(second, "partners", edited={1: {"place": "Herne"}, 3: {"place": "Unna"}})
    click(first, "Speichern")
    after_first, count = ws.current(), len(ws.versions())
    second.run()
    click(second, ONE_CLICK)
    assert "Partner, Zeile 3, Spalte »Ort«" in text(second.error[0])
    # nothing written: not even the edit that did not clash (D-Stadt)
    assert ws.current().fingerprint == after_first.fingerprint
    assert len(ws.versions()) == count
    data = saved(ws)
    assert (place_of(data, "B-Uni"), place_of(data, "D-Stadt")) == ("Essen", "Dortmund")
    # nothing lost: the newer file is shown, the edits are set aside to download and redo
    assert editor(second, "partners").value.loc[1, "place"] == "Essen"
    refused = second.session_state["edit_session"].refused
    mine = na.load_workbook(refused.content, filename=refused.name)
    assert (place_of(mine, "B-Uni"), place_of(mine, "D-Stadt")) == ("Herne", "Unna")
    assert [b for b in second.get("download_button")
            if b.label == "Meine Fassung herunterladen"]


def test_a_save_in_between_is_said_again_and_nothing_is_lost(ws, tmp_path, monkeypatch):
    first, second = editor_page(), editor_page()
    edit(first, "partners", edited={0: {"place": "Köln"}})
    edit(second, "partners", edited={1: {"place": "Herne"}})
    click(first, "Speichern")
    second.run()  # the conflict is shown with the button
    # a save after the page was shown and before the click: the newest file is the one taken
    colleague_saves(ws, tmp_path, "Hamm")
    # and one more while the click carries over (after the newest was read, before the save)
    real = carry_module.carry_over

    def another_save_meanwhile(*args, **kwargs):
        carried = real(*args, **kwargs)
        colleague_saves(ws, tmp_path, "Lünen")
        return carried

    with monkeypatch.context() as patched:
        patched.setattr(carry_module, "carry_over", another_save_meanwhile)
        click(second, ONE_CLICK)
    shown = text(second.error[0])
    assert "Es wurde nichts gespeichert" in shown
    assert [b for b in second.button if b.label == ONE_CLICK]
    data = saved(ws)  # the save in between stands, not overwritten
    assert [place_of(data, n) for n in ("A-Lab", "B-Uni", "D-Stadt")] == [
        "Köln", "Bochum", "Lünen"]
    state = second.session_state["edit_session"]
    assert place_of(na.load_workbook(state.work, filename=state.work_name), "B-Uni") == "Herne"
    # the next click carries over to the newest and saves: every save is there
    click(second, ONE_CLICK)
    assert text(second.success[0]).startswith("Gespeichert:")
    data = saved(ws)
    assert [place_of(data, n) for n in ("A-Lab", "B-Uni", "D-Stadt")] == [
        "Köln", "Herne", "Lünen"]
    places = [[place_of(version_data(ws, i), n) for n in ("A-Lab", "B-Uni", "D-Stadt")]
              for i in range(4)]
    assert places == [["Köln", "Herne", "Lünen"], ["Köln", "Bochum", "Lünen"],
                      ["Köln", "Bochum", "Hamm"], ["Köln", "Bochum", "Dortmund"]]


def test_the_button_in_english(ws):
    first, second = editor_page("English"), editor_page("English")
    edit(first, "partners", edited={0: {"place": "Köln"}})
    edit(second, "partners", edited={1: {"place": "Herne"}})
    click(first, "Save")
    second.run()
    click(second, "Carry my changes over to the newer version and save")
    assert text(second.success[0]).startswith("Saved: Partner.xlsx. Your changes were carried")
    data = saved(ws)
    assert (place_of(data, "A-Lab"), place_of(data, "B-Uni")) == ("Köln", "Herne")


def test_a_chart_the_save_would_lose_is_said_before_anything_is_saved(tmp_path, monkeypatch):
    ws, second = typed_while_a_colleague_saved_with_a_chart(tmp_path, monkeypatch)
    theirs, count = ws.current().fingerprint, len(ws.versions())
    second.run()
    click(second, ONE_CLICK)
    # carried over onto the newer file, but not saved: the chart's loss is said first
    assert ws.current().fingerprint == theirs and len(ws.versions()) == count
    assert editor(second, "partners").value.loc[1, "place"] == "Herne"
    assert "Beim Speichern gehen Diagramme" in second.warning[0].value
    click(second, "Ohne Diagramme speichern")
    data = saved(ws)
    assert (place_of(data, "A-Lab"), place_of(data, "B-Uni")) == ("Köln", "Herne")
    assert len(ws.versions()) == count + 1


# --- the library: carry_and_save ---------------------------------------------------------------
def _library_case(tmp_path, theirs: tuple[str, str], mine: tuple[str, str]):
    """A workspace on the editor tests' workbook where a colleague saved ``theirs`` (partner,
    place) after this session made ``mine`` on the first version."""
    from test_workspace_carry import set_place

    from network_app.workspace.saving import apply_changes

    ws = Workspace(tmp_path / "workspace")
    ws.ensure()
    original = write_xlsx(tmp_path / "Partner.xlsx", sheets()).read_bytes()
    ws.replace(original, "Partner.xlsx", reason="upload")
    newer, _ = apply_changes(original, "Partner.xlsx", set_place(original, *theirs))
    ws.replace(newer, "Partner.xlsx", reason="edit", who="Kollegin",
               expected=ws.current().fingerprint)
    return ws, original, [set_place(original, *mine)]


def test_carry_and_save_saves_with_the_newest_fingerprint_expected(tmp_path):
    from network_app.workspace.carry import carry_and_save

    ws, original, steps = _library_case(tmp_path, ("A-Lab", "Köln"), ("B-Uni", "Herne"))
    theirs = ws.current()
    done = carry_and_save(ws, original, "Partner.xlsx", steps, note="B-Uni", who="Bea")
    assert done.newer.fingerprint == theirs.fingerprint and done.saved is not None
    assert done.saved.fingerprint == ws.current().fingerprint
    data = saved(ws)
    assert (place_of(data, "A-Lab"), place_of(data, "B-Uni")) == ("Köln", "Herne")
    assert [(v.who, v.reason) for v in ws.versions()[:2]] == [("Bea", "edit"),
                                                              ("Kollegin", "edit")]


def test_carry_and_save_writes_nothing_on_a_clash_or_a_save_in_between(tmp_path, monkeypatch):
    from test_workspace_carry import set_place

    from network_app.errors import ChangedOnDisk
    from network_app.workspace.carry import carry_and_save

    ws, original, steps = _library_case(tmp_path, ("B-Uni", "Essen"), ("B-Uni", "Herne"))
    count, theirs = len(ws.versions()), ws.current().fingerprint
    done = carry_and_save(ws, original, "Partner.xlsx", steps)
    assert done.saved is None and done.carried.content is None
    assert [c.header for c in done.carried.conflicts] == ["Ort"]
    assert (len(ws.versions()), ws.current().fingerprint) == (count, theirs)
    # another row, but a third save lands after the newest was read: refused, it stands
    real = carry_module.carry_over
    late = write_xlsx(tmp_path / "late.xlsx", sheets()).read_bytes()

    def third_save(*args, **kwargs):
        carried = real(*args, **kwargs)
        ws.replace(late, "Partner.xlsx", reason="upload", who="Dritte")
        return carried

    monkeypatch.setattr(carry_module, "carry_over", third_save)
    with pytest.raises(ChangedOnDisk):
        carry_and_save(ws, original, "Partner.xlsx", [set_place(original, "D-Stadt", "Unna")])
    assert ws.versions()[0].who == "Dritte" and len(ws.versions()) == count + 1
    assert place_of(saved(ws), "D-Stadt") == "Dortmund"
