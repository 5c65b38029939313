"""The "Bearbeiten" page (AppTest): tables edited in the app and saved into the workspace.

Every test gets a workspace of its own (``PARTNERNETZ_WORKSPACE`` in a temp folder) holding a
small workbook whose right answers are known by hand; what a save wrote is read back from the
workspace folder with the normal loader.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT, write_xlsx
from streamlit.testing.v1 import AppTest

import network_app as na
from network_app.errors import ChangedOnDisk
from network_app.workbook import schema
from network_app.workspace.store import Workspace

APP = str(ROOT / "streamlit_app.py")
PAGE = "app_pages/bearbeiten.py"


def sheets() -> dict[str, list[list]]:
    """Five partners (one with a personal column filled, two spellings of one Verein)."""
    return {
        "Partner": [
            ["Name", "Kategorie", "Typ", "Ort", "Reichweite", "E-Mail", "Notiz"],
            ["A-Lab", "Austausch", "Lab", "Aachen", "regional", "a@lab.example", None],
            ["B-Uni", "Forschung; Kooperation", "Hochschule", "Bochum", "national", None,
             "Lehrstuhl"],
            ["C-Verein", "Netzwerk", "Verein", "Soest", "lokal", None, None],
            ["D-Stadt", "Kooperation", "Kommune", "Dortmund", "regional", None, None],
            ["C-Verein e.V.", "Netzwerk", "Verein", "Lippstadt", None, None, "Förderverein"],
        ],
        "Beziehungen": [
            ["Von", "Nach", "Art", "Stärke"],
            ["A-Lab", "B-Uni", "Projekt", 3],
            ["C-Verein e.V.", "D-Stadt", "Austausch", 1],
        ],
        "Aktivitäten": [
            ["Aktivität", "Datum", "Status", "Bereich", "Beteiligte"],
            ["Workshop", "12.08.2022", "umgesetzt", "Vernetzung", "A-Lab; B-Uni; C-Verein"],
            ["Tagung", 2023, "in Planung", "Forschung", "B-Uni; C-Verein e.V."],
        ],
        "Programme": [
            ["Programm", "Seit", "Bis", "Beteiligte"],
            ["Verbund", 2019, 2026, "B-Uni; D-Stadt"],
        ],
    }


def editor_page(lang: str = "Deutsch") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    if lang != "Deutsch":
        at.sidebar.radio(key="language").set_value(lang).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def saved(ws: Workspace) -> na.PartnerData:
    now, content = ws.open_current()
    return na.load_workbook(content, filename=now.name)


def editor(at: AppTest, kind: str):
    [found] = [e for e in at.data_editor if e.key and e.key.startswith(f"edit_{kind}_")]
    return found


def edit(at: AppTest, kind: str, *, edited: dict | None = None, added: list | None = None,
         deleted: list | None = None) -> None:
    """What a user does in one table's grid (AppTest cannot type into it: its edit state)."""
    at.session_state[editor(at, kind).key] = {"edited_rows": edited or {},
                                              "added_rows": added or [],
                                              "deleted_rows": deleted or []}
    at.run()
    assert not at.exception, at.exception


def click(at: AppTest, label: str) -> None:
    [button] = [b for b in at.button if b.label == label]
    button.click().run()
    assert not at.exception, at.exception


def text(element) -> str:
    """What a Markdown element reads like (workbook text in it is escaped: "A\\-Lab")."""
    return re.sub(r"\\(.)", r"\1", element.value)


def place_of(data: na.PartnerData, name: str) -> str:
    return data.partners.set_index("name").loc[name, "place"]


def test_four_tables_as_editors_with_the_file_headers(ws):
    at = editor_page()
    assert at.title[0].value == "Bearbeiten"
    assert [e.key.rsplit("_", 1)[0] for e in at.data_editor] == [
        "edit_partners", "edit_relations", "edit_activities", "edit_programmes"]
    assert {e.editing_mode for e in at.data_editor} == {"dynamic"}
    partners = editor(at, "partners").value
    # the file's columns in its order, the Excel row last; no personal column unless asked
    assert list(partners.columns) == ["name", "categories", "type", "place", "reach", "note",
                                      "row"]
    assert list(partners["row"]) == [2, 3, 4, 5, 6]
    assert list(partners.loc[1, "categories"]) == ["Forschung", "Kooperation"]
    relations = editor(at, "relations").value
    assert list(relations["weight"]) == [3, 1]  # the Stärke column as the file has it


def columns_config(at: AppTest, kind: str) -> dict:
    return json.loads(editor(at, kind).proto.columns)


def test_fixed_vocabularies_are_dropdowns(ws):
    at = editor_page()
    partners = columns_config(at, "partners")
    assert partners["type"]["type_config"]["type"] == "selectbox"
    options = list(partners["type"]["type_config"]["options"])
    assert options[:len(schema.TYPE_VALUES)] == list(schema.TYPE_VALUES)
    assert partners["reach"]["type_config"]["type"] == "selectbox"
    assert partners["categories"]["type_config"]["type"] == "multiselect"
    assert partners["type"]["label"] == "Typ"  # the file's header
    assert partners["row"]["disabled"] is True
    activities = columns_config(at, "activities")
    status = list(activities["status"]["type_config"]["options"])
    assert status == list(schema.STATUS_VALUES)
    relations = columns_config(at, "relations")
    ends = list(relations["source"]["type_config"]["options"])
    assert ends == sorted(["A-Lab", "B-Uni", "C-Verein", "D-Stadt", "C-Verein e.V."],
                          key=schema.name_key)


def test_personal_columns_only_when_switched_on(ws):
    at = editor_page()
    assert "email" not in editor(at, "partners").value.columns
    at.toggle(key="edit_personal").set_value(True).run()
    shown = editor(at, "partners").value
    assert "email" in shown.columns
    assert shown.loc[0, "email"] == "a@lab.example"


def test_cell_edit_is_saved_and_the_previous_file_kept_as_a_version(ws):
    before = ws.current()
    at = editor_page()
    assert any("Noch nichts geändert" in c.value for c in at.caption)
    edit(at, "partners", edited={0: {"place": "Köln"}})
    [info] = at.info
    assert "Noch nicht gespeichert" in text(info) and "A-Lab" in text(info)
    assert place_of(saved(ws), "A-Lab") == "Aachen"  # nothing written before "Speichern"
    at.text_input(key="edit_who").input("Ada").run()
    click(at, "Speichern")
    data = saved(ws)
    assert place_of(data, "A-Lab") == "Köln"
    assert place_of(data, "B-Uni") == "Bochum"
    assert len(data.relations) == 2 and len(data.activities) == 2
    version = ws.versions()[0]
    assert (version.reason, version.who) == ("edit", "Ada")
    assert "A-Lab" in version.note
    assert any(v.fingerprint == before.fingerprint for v in ws.versions()[1:])
    assert "Gespeichert" in at.success[0].value
    assert not at.info  # nothing left unsaved
    # the saved file keeps what was not edited: the personal column and its value
    book = openpyxl.load_workbook(ws.current().path)
    assert book["Partner"]["F2"].value == "a@lab.example"


def test_new_row_deleted_row_and_a_new_problem_with_the_loaders_words(ws):
    at = editor_page()
    edit(at, "relations", added=[{"source": "A-Lab", "target": "Zeta GmbH", "kind": "Projekt"}],
         deleted=[1])
    assert "1 neues Problem" in at.warning[0].value
    [shown] = at.table[0].value.itertuples(index=False)
    click(at, "Speichern")
    sheet = openpyxl.load_workbook(ws.current().path)["Beziehungen"]
    rows = [tuple(c.value for c in row[:2]) for row in sheet.iter_rows(min_row=2)]
    # the deleted row is emptied (rows below keep their numbers), the new one goes below
    assert rows == [("A-Lab", "B-Uni"), (None, None), ("A-Lab", "Zeta GmbH")]
    data = saved(ws)
    # the page said it as the loader says it of the saved file
    [problem] = [p for p in data.problems if p.value == "Zeta GmbH"]
    # (st.table reads cells as Markdown: workbook text in it may be escaped)
    assert re.sub(r"\\(.)", r"\1", shown[-1]) == problem.text("de")


def test_rename_carries_the_name_into_relations_activities_and_programmes(ws):
    at = editor_page()
    at.selectbox(key="edit_rename_old").set_value("B-Uni")
    at.text_input(key="edit_rename_new").input("Universität Bochum")
    click(at, "Umbenennen")
    assert "Universität Bochum" in list(editor(at, "partners").value["name"])
    assert "umbenannt" in text(at.info[0])
    click(at, "Speichern")
    data = saved(ws)
    assert "B-Uni" not in set(data.partners["name"])
    assert set(data.relations["target"]) == {"Universität Bochum", "D-Stadt"}
    assert all("B-Uni" not in p for p in data.activities["participants"])
    assert data.activities["participants"][0] == ["A-Lab", "Universität Bochum", "C-Verein"]
    assert data.programmes["participants"][0] == ["Universität Bochum", "D-Stadt"]


def test_rename_to_a_taken_name_is_refused(ws):
    at = editor_page()
    at.selectbox(key="edit_rename_old").set_value("B-Uni")
    at.text_input(key="edit_rename_new").input("a-lab")
    click(at, "Umbenennen")
    assert "gibt es schon" in at.error[0].value
    assert not at.info


def test_new_partner_from_the_form(ws):
    at = editor_page()
    at.text_input(key="edit_new_name").input("E-Schule")
    at.multiselect(key="edit_new_categories").set_value(["Kooperation"])
    at.selectbox(key="edit_new_type").set_value("Schule")
    at.text_input(key="edit_new_place").input("Werl")
    click(at, "Partner hinzufügen")
    click(at, "Speichern")
    partners = saved(ws).partners.set_index("name")
    assert partners.loc["E-Schule", "type"] == "Schule"
    assert partners.loc["E-Schule", "place"] == "Werl"
    assert partners.loc["E-Schule", "categories"] == ["Kooperation"]


def test_merge_likely_duplicates_after_choosing_the_values(ws):
    at = editor_page()
    pair = at.selectbox(key="edit_merge_pair")
    assert pair.options == ["C-Verein  ↔  C-Verein e.V."]
    pair.set_value(("C-Verein", "C-Verein e.V.")).run()
    assert at.selectbox(key="edit_merge_keep").value == "C-Verein"
    assert at.selectbox(key="edit_merge_drop").value == "C-Verein e.V."
    at.radio(key="edit_merge_field_place").set_value("drop").run()
    click(at, "Zusammenführen")
    click(at, "Speichern")
    data = saved(ws)
    partners = data.partners.set_index("name")
    assert "C-Verein e.V." not in partners.index
    assert partners.loc["C-Verein", "place"] == "Lippstadt"  # chosen from the other row
    assert partners.loc["C-Verein", "reach"] == "lokal"  # kept
    assert partners.loc["C-Verein", "note"] == "Förderverein"  # empty before: taken over
    assert ("C-Verein", "D-Stadt") in set(zip(data.relations["source"],
                                              data.relations["target"], strict=True))
    assert data.activities["participants"][1] == ["B-Uni", "C-Verein"]


def test_discard_drops_every_unsaved_change(ws):
    at = editor_page()
    edit(at, "partners", edited={0: {"place": "Köln"}})
    click(at, "Änderungen verwerfen")
    assert not at.info
    assert editor(at, "partners").value.loc[0, "place"] == "Aachen"
    assert place_of(saved(ws), "A-Lab") == "Aachen"


def test_second_session_is_refused_and_loses_nothing(ws):
    first, second = editor_page(), editor_page()
    edit(first, "partners", edited={0: {"place": "Köln"}})
    edit(second, "partners", edited={1: {"place": "Herne"}})
    click(first, "Speichern")
    after_first = ws.current()
    second.run()  # the colleague's save is said at once, not only when saving is refused
    [notice] = [text(w) for w in second.warning if "wurde inzwischen gespeichert" in w.value]
    assert "»Auf die neuere Fassung übertragen«" in notice
    assert not [b for b in second.button if b.label == "Speichern"]
    assert ws.current().fingerprint == after_first.fingerprint
    assert place_of(saved(ws), "B-Uni") == "Bochum"
    # nothing lost: the second session's edit is still its own work, to save as a copy
    state = second.session_state["edit_session"]
    mine = na.load_workbook(state.work, filename=state.work_name)
    assert place_of(mine, "B-Uni") == "Herne"
    assert [b.label for b in second.get("download_button")
            if b.label == "Als Kopie speichern"]
    click(second, "Neu laden")
    # the newer file is shown, the refused edits stay to download and redo
    shown = editor(second, "partners").value.set_index("name")
    assert shown.loc["A-Lab", "place"] == "Köln"
    assert shown.loc["B-Uni", "place"] == "Bochum"
    refused = second.session_state["edit_session"].refused
    assert place_of(na.load_workbook(refused.content, filename=refused.name),
                    "B-Uni") == "Herne"
    assert [b for b in second.get("download_button")
            if b.label == "Meine Fassung herunterladen"]
    # carried over to the newer file (another row), the save goes through with both edits
    click(second, "Auf die neuere Fassung übertragen")
    assert "Noch nicht gespeichert" in text(second.info[0])
    assert editor(second, "partners").value.loc[1, "place"] == "Herne"
    click(second, "Speichern")
    data = saved(ws)
    assert (place_of(data, "A-Lab"), place_of(data, "B-Uni")) == ("Köln", "Herne")
    assert [v.reason for v in ws.versions()[:2]] == ["edit", "edit"]


def test_the_same_cell_saved_by_a_colleague_is_not_carried_over(ws):
    first, second = editor_page(), editor_page()
    edit(first, "partners", edited={1: {"place": "Essen"}})
    edit(second, "partners", edited={1: {"place": "Herne"}})
    click(first, "Speichern")
    second.run()
    click(second, "Neu laden")
    click(second, "Auf die neuere Fassung übertragen")
    assert "Partner, Zeile 3, Spalte »Ort«" in text(second.error[0])
    assert editor(second, "partners").value.loc[1, "place"] == "Essen"  # the colleague's
    assert second.session_state["edit_session"].refused is not None  # still offered
    assert place_of(saved(ws), "B-Uni") == "Essen"


def test_english_page_has_no_german_but_the_workbooks_own_words(ws, tmp_path):
    from test_english_app import data_values, german_in, page_texts

    at = editor_page("English")
    assert at.title[0].value == "Edit"
    edit(at, "relations", added=[{"source": "A-Lab", "target": "Zeta GmbH"}])
    at.selectbox(key="edit_merge_pair").set_value(("C-Verein", "C-Verein e.V.")).run()
    assert at.warning and at.info  # a new problem and the unsaved step, in English
    path = write_xlsx(tmp_path / "Partner.xlsx", sheets())
    assert german_in(page_texts(at), data_values(path) | {"Zeta GmbH"}) == []


def test_a_colleagues_save_is_shown_when_nothing_is_unsaved(ws, tmp_path):
    at = editor_page()
    changed = sheets()
    changed["Partner"][1][3] = "Würselen"
    path = write_xlsx(tmp_path / "neu.xlsx", changed)
    ws.replace(path.read_bytes(), "Partner.xlsx", reason="upload")
    at.run()
    assert editor(at, "partners").value.loc[0, "place"] == "Würselen"


def test_after_a_merge_the_choice_starts_afresh(ws):
    at = editor_page()
    at.selectbox(key="edit_merge_pair").set_value(("C-Verein", "C-Verein e.V.")).run()
    click(at, "Zusammenführen")
    assert at.selectbox(key="edit_merge_keep").value is None
    assert at.selectbox(key="edit_merge_drop").value is None
    assert "C-Verein e.V." not in at.selectbox(key="edit_merge_keep").options


def test_a_workbook_with_a_chart_is_saved_only_when_the_user_agrees_to_lose_it(tmp_path,
                                                                               monkeypatch):
    import zipfile

    from openpyxl.chart import BarChart, Reference

    folder = tmp_path / "workspace"
    monkeypatch.setenv("PARTNERNETZ_WORKSPACE", str(folder))
    path = write_xlsx(tmp_path / "Partner.xlsx", sheets())
    book = openpyxl.load_workbook(path)
    chart = BarChart()
    chart.add_data(Reference(book["Beziehungen"], min_col=4, min_row=1, max_row=3))
    book["Beziehungen"].add_chart(chart, "G2")
    book.save(path)
    ws = Workspace(folder)
    ws.ensure()
    ws.replace(path.read_bytes(), "Partner.xlsx", reason="upload")
    at = editor_page()
    edit(at, "partners", edited={0: {"place": "Köln"}})
    # said before saving, not as if saving had failed
    assert at.warning[0].value.startswith("Beim Speichern gehen Diagramme dieser Arbeitsmappe")
    assert "nichts" not in at.warning[0].value
    assert place_of(saved(ws), "A-Lab") == "Aachen"
    click(at, "Ohne Diagramme speichern")
    assert place_of(saved(ws), "A-Lab") == "Köln"
    # the file as it was, chart and all, is kept as the version before
    previous = ws.versions()[1]
    with zipfile.ZipFile(previous.path) as archive:
        assert any(n.startswith("xl/charts/") for n in archive.namelist())


def test_an_upload_not_taken_over_is_not_what_is_edited(ws, tmp_path):
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    other = sheets()
    other["Partner"][1][0] = "Z-Lab"
    path = write_xlsx(tmp_path / "Upload.xlsx", other)
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert any("noch nicht übernommen" in i.value for i in at.info)
    assert editor(at, "partners").value.loc[0, "name"] == "A-Lab"  # the workspace's file


def test_a_csv_is_saved_as_xlsx_and_the_user_is_told(tmp_path, monkeypatch):
    folder = tmp_path / "workspace"
    monkeypatch.setenv("PARTNERNETZ_WORKSPACE", str(folder))
    ws = Workspace(folder)
    ws.ensure()
    ws.replace(b"Von;Nach\nA;B\nB;C\n", "Kanten.csv", reason="upload")
    at = editor_page()
    edit(at, "relations", added=[{"source": "C", "target": "A"}])
    assert any("»Kanten.csv« wird als »Kanten.xlsx« gespeichert" in text(c) for c in at.caption)
    # the partners of an edge list are worked out from it: no rows of their own to edit
    assert editor(at, "partners").value.empty
    click(at, "Speichern")
    assert ws.current().name == "Kanten.xlsx"
    assert len(saved(ws).relations) == 3


def test_the_bundled_example_opens_in_the_editor():
    at = editor_page()  # the session's workspace: the bundled example on its first start
    partners = editor(at, "partners").value
    assert len(partners) == 64
    assert not at.warning


def test_a_folder_that_cannot_be_written_keeps_the_edits(ws, monkeypatch):
    at = editor_page()
    edit(at, "partners", edited={0: {"place": "Köln"}})

    def no_rights(*args, **kwargs):  # a full disk has its own message (test_faults.py)
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patched:
        patched.setattr(Workspace, "replace", no_rights)
        click(at, "Speichern")
    assert "nicht beschreiben" in at.error[0].value
    assert "Noch nicht gespeichert" in text(at.info[0])  # the edit is still there
    assert place_of(saved(ws), "A-Lab") == "Aachen"
    click(at, "Speichern")
    assert place_of(saved(ws), "A-Lab") == "Köln"


def test_a_matrix_workbook_says_why_names_cannot_change(tmp_path, monkeypatch):
    folder = tmp_path / "workspace"
    monkeypatch.setenv("PARTNERNETZ_WORKSPACE", str(folder))
    path = write_xlsx(tmp_path / "Matrix.xlsx", {
        "Partner": [["Name", "Ort"], ["Alpha", "A"], ["Beta", "B"], ["Gamma", "C"]],
        "Beziehungen": [["", "Alpha", "Beta", "Gamma"], ["Alpha", 0, 1, 1],
                        ["Beta", 1, 0, 0], ["Gamma", 1, 0, 0]],
    })
    ws = Workspace(folder)
    ws.ensure()
    ws.replace(path.read_bytes(), "Matrix.xlsx", reason="upload")
    at = editor_page()
    # neither the rename form nor the merge choice: the reason, in both tabs
    assert not [s for s in at.selectbox if s.key in ("edit_rename_old", "edit_merge_keep")]
    reasons = [i.value for i in at.info if "Umbenennen und Zusammenführen" in i.value]
    assert len(reasons) == 2 and "»Beziehungen«" in reasons[0]


def typed_while_a_colleague_saved_with_a_chart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                ) -> tuple[Workspace, AppTest]:
    """A workspace whose workbook has a chart, a page with the Ort of B-Uni typed as Herne, and
    a colleague's save meanwhile (Excel, the chart kept) with the Ort of A-Lab as Köln."""
    from test_workspace_carry import with_chart

    folder = tmp_path / "workspace"
    monkeypatch.setenv("PARTNERNETZ_WORKSPACE", str(folder))
    ws = Workspace(folder)
    ws.ensure()
    content = with_chart(write_xlsx(tmp_path / "Partner.xlsx", sheets()).read_bytes())
    ws.replace(content, "Partner.xlsx", reason="upload")
    second = editor_page()
    edit(second, "partners", edited={1: {"place": "Herne"}})
    colleague = sheets()  # saved in Excel, the chart kept
    colleague["Partner"][1][3] = "Köln"
    ws.replace(with_chart(write_xlsx(tmp_path / "neu.xlsx", colleague).read_bytes()),
               "Partner.xlsx", reason="upload")
    return ws, second


def test_edits_are_carried_over_to_a_newer_file_with_a_chart(tmp_path, monkeypatch):
    ws, second = typed_while_a_colleague_saved_with_a_chart(tmp_path, monkeypatch)
    second.run()
    click(second, "Neu laden")
    click(second, "Auf die neuere Fassung übertragen")  # crashed: WouldLoseContent
    assert editor(second, "partners").value.loc[1, "place"] == "Herne"
    assert "Beim Speichern gehen Diagramme" in second.warning[0].value
    click(second, "Ohne Diagramme speichern")  # what is lost is said before saving
    data = saved(ws)
    assert (place_of(data, "A-Lab"), place_of(data, "B-Uni")) == ("Köln", "Herne")


def test_a_save_refused_in_the_moment_says_what_to_do(ws, monkeypatch):
    at = editor_page()
    edit(at, "partners", edited={0: {"place": "Köln"}})

    def colleague_was_faster(*args, **kwargs):
        raise ChangedOnDisk(name="Partner.xlsx", expected="", found="x")

    with monkeypatch.context() as patched:
        patched.setattr(Workspace, "replace", colleague_was_faster)
        click(at, "Speichern")
    shown = text(at.error[0])
    assert "Es wurde nichts gespeichert" in shown
    assert "»Auf die neuere Fassung übertragen«" in shown
    assert [b for b in at.button if b.label == "Neu laden"]
