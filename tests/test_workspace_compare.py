"""Comparing two workbooks (network_app.workspace.compare): the import preview's answers."""

from __future__ import annotations

import copy

import openpyxl
import pytest
from conftest import BUNDLED, ROOT, write_xlsx
from streamlit.testing.v1 import AppTest

import network_app as na
from network_app.workspace.compare import compare, field_label, value_text
from network_app.workspace.store import ENV_VAR, Workspace


def load(path):
    return na.load_workbook(path)


@pytest.fixture
def before(tmp_path, small_sheets):
    return load(write_xlsx(tmp_path / "vorher.xlsx", small_sheets))


def edited(tmp_path, sheets, name="nachher.xlsx"):
    return load(write_xlsx(tmp_path / name, sheets))


def test_same_workbook_is_empty(before):
    result = compare(before, before)
    assert result.is_empty
    assert result.new_partners == result.gone_partners == result.changed_partners == []
    assert result.summary("de") == [
        "Keine Unterschiede: Partner, Verbindungen, Aktivitäten und Programme sind gleich.",
        "Die neuere Arbeitsmappe hat keine Probleme."]
    assert result.summary("en")[0].startswith("No differences")


def test_new_gone_and_changed_partners(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    partners = sheets["Partner"]
    partners[2] = ["B-Uni", "Forschung", "Hochschule", "Bielefeld"]  # place and a category
    del partners[4]  # D-Stadt gone
    partners.append(["E-Firma", "Kooperation", "Unternehmen", "Essen"])
    sheets["Programme"][1][3] = "C-Verein"
    after = edited(tmp_path, sheets)
    result = compare(before, after)
    assert result.new_partners == ["E-Firma"]
    assert result.gone_partners == ["D-Stadt"]
    [change] = result.changed_partners
    assert change.name == "B-Uni"
    fields = {f.field: (f.old, f.new) for f in change.fields}
    assert fields == {"categories": (("Forschung", "Kooperation"), ("Forschung",)),
                      "place": ("Bochum", "Bielefeld")}
    assert not result.is_empty
    summary = result.summary("de")
    assert summary[0] == "1 neuer Partner: E-Firma."
    assert summary[1] == "1 Partner nicht mehr dabei: D-Stadt."
    assert summary[2] == "1 Partner geändert: B-Uni (Kategorien, Ort)."
    assert result.summary("en")[2] == "1 partner changed: B-Uni (Categories, Place)."
    rows = result.changes_table("de")
    assert {(r["Angabe"], r["vorher"], r["nachher"]) for r in rows} == {
        ("Kategorien", "Forschung, Kooperation", "Forschung"), ("Ort", "Bochum", "Bielefeld")}


def test_names_match_ignoring_case_and_spaces(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    sheets["Partner"][1][0] = "a-lab "
    sheets["Beziehungen"][1][0] = "a-lab"
    sheets["Aktivitäten"][1][4] = "a-lab; B-Uni; C-Verein"
    result = compare(before, edited(tmp_path, sheets))
    assert result.new_partners == result.gone_partners == []
    assert result.new_ties == result.gone_ties == []
    [change] = result.changed_partners
    assert (change.old_name, change.name) == ("A-Lab", "a-lab")
    assert [(f.field, f.old, f.new) for f in change.fields] == [("name", "A-Lab", "a-lab")]


def test_ties_new_and_gone_without_direction(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    # the same pair written the other way round is the same tie
    sheets["Beziehungen"] = [["Von", "Nach", "Art"], ["B-Uni", "A-Lab", "Projekt"],
                             ["C-Verein", "D-Stadt", "Austausch"]]
    result = compare(before, edited(tmp_path, sheets))
    assert result.new_ties == [("C-Verein", "D-Stadt")]
    assert result.gone_ties == []
    sheets["Beziehungen"] = [["Von", "Nach"]]
    result = compare(before, edited(tmp_path, sheets, "ohne.xlsx"))
    assert result.new_ties == [] and result.gone_ties == [("A-Lab", "B-Uni")]
    assert "1 Verbindung nicht mehr dabei: A-Lab – B-Uni." in result.summary("de")
    assert "1 tie no longer included: A-Lab – B-Uni." in result.summary("en")


def test_activities_and_programmes_new_and_gone(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    sheets["Aktivitäten"][2][0] = "Sommerfest"
    sheets["Programme"].append(["Zweiter Verbund", 2020, 2024, "A-Lab; B-Uni"])
    result = compare(before, edited(tmp_path, sheets))
    assert (result.new_activities, result.gone_activities) == (["Sommerfest"], ["Tagung"])
    assert (result.new_programmes, result.gone_programmes) == (["Zweiter Verbund"], [])
    assert result.new_partners == result.changed_partners == []
    summary = result.summary("de")
    assert "1 neue Aktivität: Sommerfest." in summary
    assert "1 Aktivität nicht mehr dabei: Tagung." in summary
    assert "1 neues Programm: Zweiter Verbund." in summary


def test_empty_cells_and_number_types_are_not_changes(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    # a new empty column, and a year written as text: the same values
    sheets["Partner"][0].append("Seit")
    for row in sheets["Partner"][1:]:
        row.append(None)
    sheets["Programme"][1][1] = "2019"
    assert compare(before, edited(tmp_path, sheets)).is_empty


def test_unknown_columns_are_compared_under_their_header(tmp_path, small_sheets):
    sheets = copy.deepcopy(small_sheets)
    sheets["Partner"][0].append("Förderung")
    for row in sheets["Partner"][1:]:
        row.append("ja")
    first = edited(tmp_path, sheets, "eins.xlsx")
    sheets["Partner"][3][-1] = "nein"
    result = compare(first, edited(tmp_path, sheets, "zwei.xlsx"))
    [change] = result.changed_partners
    assert change.name == "C-Verein"
    assert [(f.field, f.label("de"), f.old, f.new) for f in change.fields] == [
        ("Förderung", "Förderung", "ja", "nein")]


def test_problems_of_the_newer_workbook(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    sheets["Beziehungen"].append(["A-Lab", "Unbekannt GmbH", "Projekt", 2])
    after = edited(tmp_path, sheets)
    result = compare(before, after)
    assert result.problems == after.problems
    assert len(result.errors) == len(after.errors) >= 1
    assert result.summary("de")[-1].startswith("Die neuere Arbeitsmappe hat ")
    assert "Fehler" in result.summary("de")[-1]
    assert "error" in result.summary("en")[-1]


def test_long_lists_are_cut_in_sentences(tmp_path, small_sheets, before):
    sheets = copy.deepcopy(small_sheets)
    for i in range(8):
        sheets["Partner"].append([f"Neu {i}", "Austausch", "Verein", "Soest"])
    result = compare(before, edited(tmp_path, sheets))
    assert len(result.new_partners) == 8
    assert result.summary("de")[0] == (
        "8 neue Partner: Neu 0, Neu 1, Neu 2, Neu 3, Neu 4 und 3 weitere.")


def test_value_text_and_labels():
    assert value_text(None, "de") == "–"
    assert value_text(51.57, "de") == "51,57"
    assert value_text(51.57, "en") == "51.57"
    assert value_text(2019, "de") == "2019"  # a year, not "2.019"
    assert value_text(12345, "de") == "12.345"
    assert value_text(("Austausch", "Forschung"), "de") == "Austausch, Forschung"
    assert field_label("place", "de") == "Ort" and field_label("place", "en") == "Place"
    assert field_label("Eigene Spalte", "en") == "Eigene Spalte"


def test_bundled_workbook_against_an_edited_copy(tmp_path):
    """The real workbook: one partner edited in Excel, one added, one row deleted."""
    book = openpyxl.load_workbook(BUNDLED)
    sheet = book["Partner"]
    header = [cell.value for cell in sheet[1]]
    name_col, place_col = header.index("Name") + 1, header.index("Ort") + 1
    edited_name = sheet.cell(row=3, column=name_col).value
    old_place = sheet.cell(row=3, column=place_col).value
    sheet.cell(row=3, column=place_col).value = "Soest"
    gone_name = sheet.cell(row=5, column=name_col).value
    sheet.delete_rows(5)
    new_row = sheet.max_row + 1
    sheet.cell(row=new_row, column=name_col).value = "Neuer Partner e. V."
    sheet.cell(row=new_row, column=header.index("Kategorie") + 1).value = "Austausch"
    path = tmp_path / "bearbeitet.xlsx"
    book.save(path)
    old, new = load(BUNDLED), load(path)
    result = compare(old, new)
    assert result.new_partners == ["Neuer Partner e. V."]
    assert result.gone_partners == [gone_name]
    [change] = [c for c in result.changed_partners if c.name == edited_name]
    assert [(f.field, f.old, f.new) for f in change.fields] == [("place", old_place, "Soest")]
    assert len(result.changed_partners) == 1
    assert result.summary("de")[0] == "1 neuer Partner: Neuer Partner e. V."


# --- the page "Arbeitsstand" and the sidebar without a browser (AppTest) --------------------------
APP = str(ROOT / "streamlit_app.py")
WORKSPACE_PAGE = "app_pages/arbeitsstand.py"


@pytest.fixture
def ws(tmp_path, monkeypatch):
    """A workspace of this test's own (the session's shared one must stay as the others expect
    it): the app reads PARTNERNETZ_WORKSPACE on every run."""
    folder = tmp_path / "arbeitsordner"
    monkeypatch.setenv(ENV_VAR, str(folder))
    workspace = Workspace.resolve()
    workspace.ensure()
    return workspace


def app_run(lang: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    if lang:
        at.sidebar.radio(key="language").set_value(lang).run()
    return at


def on_page(at: AppTest) -> AppTest:
    at.switch_page(WORKSPACE_PAGE).run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    """Every text the page shows (markdown, captions, boxes), one string; workbook text is
    escaped for Markdown (app_pages.common.plain), the backslashes are left out here."""
    parts = [e.value for e in (*at.markdown, *at.caption, *at.warning, *at.error, *at.info,
                               *at.success)]
    return "\n".join(str(part) for part in parts).replace("\\", "")


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def button(at: AppTest, label: str):
    [found] = [b for b in at.button if b.label == label]
    return found


def small_file(tmp_path, small_sheets, name="klein.xlsx", edit=None):
    sheets = copy.deepcopy(small_sheets)
    if edit:
        edit(sheets)
    return write_xlsx(tmp_path / name, sheets)


def test_app_opens_on_the_workspace_current_workbook(ws, tmp_path, small_sheets):
    at = app_run()
    assert metric(at, "Partner") == "64"  # the first start: the bundled example
    path = small_file(tmp_path, small_sheets)
    ws.replace(path.read_bytes(), path.name, reason="upload")
    at = app_run()
    assert metric(at, "Partner") == "4"
    assert "Gezeigt wird die aktuelle Arbeitsmappe: klein.xlsx" in texts(at)
    assert not [w for w in at.warning if "nicht übernommen" in w.value]


def test_upload_is_shown_not_taken_over_then_taken_over(ws, tmp_path, small_sheets):
    at = app_run()
    path = small_file(tmp_path, small_sheets)
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    assert metric(at, "Partner") == "4"  # shown at once
    assert any("noch nicht übernommen" in w.value for w in at.warning)
    assert ws.current().name == "stadtlabor_soest.xlsx"  # but not yet written
    at = on_page(at)
    shown = texts(at)
    assert "Neue Datei: erst ansehen, dann übernehmen" in [h.value for h in at.subheader]
    assert "4 neue Partner: A-Lab, B-Uni, C-Verein und D-Stadt." in shown
    assert "64 Partner nicht mehr dabei: " in shown
    before = ws.current().fingerprint
    at.text_input(key="workspace_who").input("Anna").run()
    button(at, "Übernehmen").click().run()
    assert not at.exception
    now = ws.current()
    assert now.name == "klein.xlsx" and now.fingerprint != before
    newest = ws.versions()[0]
    assert (newest.reason, newest.who, newest.current) == ("upload", "Anna", True)
    assert any("ist jetzt die aktuelle Arbeitsmappe" in s.value for s in at.success)
    assert not [h for h in at.subheader if h.value.startswith("Neue Datei")]
    # a new session (another colleague, tomorrow) opens on it
    assert metric(app_run(), "Partner") == "4"


def test_preview_names_new_changed_and_gone(ws, tmp_path, small_sheets):
    first = small_file(tmp_path, small_sheets)
    ws.replace(first.read_bytes(), first.name, reason="upload")

    def edit(sheets):
        sheets["Partner"][2][3] = "Bielefeld"
        del sheets["Partner"][4]
        sheets["Partner"].append(["E-Firma", "Kooperation", "Unternehmen", "Essen"])
        sheets["Programme"][1][3] = "C-Verein"

    second = small_file(tmp_path, small_sheets, "zweite.xlsx", edit)
    at = app_run()
    at.sidebar.file_uploader[0].upload(second.name, second.read_bytes()).run()
    shown = texts(on_page(at))
    for sentence in ("1 neuer Partner: E-Firma.", "1 Partner nicht mehr dabei: D-Stadt.",
                     "1 Partner geändert: B-Uni (Ort)."):
        assert sentence in shown
    [table] = [d for d in at.dataframe if "nachher" in d.value.columns]
    assert table.value.to_dict("records") == [
        {"Partner": "B-Uni", "Angabe": "Ort", "vorher": "Bochum", "nachher": "Bielefeld"}]


def test_discard_forgets_the_upload(ws, tmp_path, small_sheets):
    at = app_run()
    path = small_file(tmp_path, small_sheets)
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    at = on_page(at)
    button(at, "Verwerfen").click().run()
    assert not at.exception
    assert ws.current().name == "stadtlabor_soest.xlsx"
    assert len(ws.versions()) == 1
    assert any("verworfen" in i.value for i in at.info)
    assert at.sidebar.file_uploader[0].value is None or not at.sidebar.file_uploader[0].value
    at.switch_page("app_pages/netzwerk.py").run()
    assert metric(at, "Partner") == "64"


def test_take_over_is_refused_when_the_workbook_changed_meanwhile(ws, tmp_path, small_sheets):
    at = app_run()
    path = small_file(tmp_path, small_sheets)
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    at = on_page(at)
    # a colleague replaces the current workbook while this preview is open
    other = small_file(tmp_path, small_sheets, "kollegin.xlsx",
                       lambda sheets: sheets["Partner"].append(["F", "Austausch", "Lab", "X"]))
    ws.replace(other.read_bytes(), other.name, reason="upload")
    button(at, "Übernehmen").click().run()
    assert not at.exception
    assert ws.current().name == "kollegin.xlsx"  # nothing overwritten
    assert at.error and "geändert" in at.error[0].value
    # the upload is still there, previewed now against the colleague's workbook
    assert any("noch nicht übernommen" in w.value for w in at.warning) or \
        [h for h in at.subheader if h.value.startswith("Neue Datei")]


def test_versions_compare_and_restore_with_confirmation(ws, tmp_path, small_sheets):
    path = small_file(tmp_path, small_sheets)
    ws.replace(path.read_bytes(), path.name, reason="upload", who="Anna")
    at = on_page(app_run())
    [table] = [d for d in at.dataframe if "Wie entstanden" in d.value.columns]
    assert table.value["Wie entstanden"].tolist() == ["Hochgeladen (aktuell)",
                                                      "Erster Start: Beispiel übernommen"]
    assert table.value["Wer"].tolist() == ["Anna", ""]
    assert table.value["Partner"].tolist() == ["4", "64"]
    # the comparison of the two, newer = current by default
    shown = texts(at)
    assert "4 neue Partner: A-Lab, B-Uni, C-Verein und D-Stadt." in shown
    assert "64 Partner nicht mehr dabei: " in shown
    at.toggle(key="compare_pictures").set_value(True).run()
    assert len(at.get("iframe")) == 2
    # restore the first start: asked first, then done; no version deleted
    first = ws.versions()[1]
    assert at.selectbox(key="restore_choice").value == first.id
    button(at, "Wiederherstellen …").click().run()
    assert any("Wirklich wiederherstellen?" in w.value for w in at.warning)
    assert ws.current().name == "klein.xlsx"
    button(at, "Ja, wiederherstellen").click().run()
    assert not at.exception
    assert ws.current().fingerprint == first.fingerprint
    versions = ws.versions()
    assert [v.reason for v in versions] == ["restore", "upload", "first_start"]
    assert any("wiederhergestellt" in s.value for s in at.success)


def test_dropped_file_is_previewed_and_taken_over(ws, tmp_path, small_sheets):
    path = small_file(tmp_path, small_sheets)
    dropped = ws.root / "Neu von Excel.xlsx"
    dropped.write_bytes(path.read_bytes())
    at = on_page(app_run())
    assert "In den Arbeitsordner gelegte Dateien" in [h.value for h in at.subheader]
    assert "nicht mehr dabei" in texts(at)
    button(at, "Übernehmen").click().run()
    assert not at.exception
    assert ws.current().name == "Neu von Excel.xlsx"
    assert not dropped.exists() and ws.dropped() == []
    assert ws.versions()[0].reason == "dropped"


def test_dropped_file_can_be_set_aside(ws, tmp_path, small_sheets):
    dropped = ws.root / "Entwurf.xlsx"
    dropped.write_bytes(small_file(tmp_path, small_sheets).read_bytes())
    at = on_page(app_run())
    button(at, "Beiseitelegen").click().run()
    assert not at.exception
    assert ws.dropped() == [] and ws.current().name == "stadtlabor_soest.xlsx"
    assert list((ws.root / "beiseitegelegt").iterdir())


def test_unreadable_upload_can_only_be_discarded(ws):
    at = app_run()
    at.sidebar.file_uploader[0].upload("kaputt.xlsx", b"not a workbook at all").run()
    assert any("noch nicht übernommen" in w.value for w in at.warning)
    at = on_page(at)
    assert at.error and "Die Datei konnte nicht gelesen werden." in at.error[0].value
    assert [b.label for b in at.button if b.label in ("Übernehmen", "Verwerfen")] == [
        "Verwerfen"]
    button(at, "Verwerfen").click().run()
    assert ws.current().name == "stadtlabor_soest.xlsx" and len(ws.versions()) == 1


@pytest.mark.parametrize("lang", ["Deutsch", "English"])
def test_page_runs_in_both_languages(ws, lang):
    at = on_page(app_run(lang))
    assert at.title[0].value == ("Arbeitsstand" if lang == "Deutsch" else "Workspace")
    assert not at.error


def test_a_folder_that_cannot_be_written_is_said_in_plain_words(ws, tmp_path, small_sheets,
                                                                 monkeypatch):
    at = app_run()
    path = small_file(tmp_path, small_sheets)
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes()).run()
    at = on_page(at)

    def no_rights(*args, **kwargs):  # a full disk has its own message (test_faults.py)
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patched:
        patched.setattr(Workspace, "replace", no_rights)
        button(at, "Übernehmen").click().run()
    assert not at.exception, at.exception
    assert "nicht beschreiben" in at.error[0].value
    assert ws.current().name == "stadtlabor_soest.xlsx"
    assert [h for h in at.subheader if h.value.startswith("Neue Datei")]  # still offered


def test_a_workspace_that_cannot_be_read_is_said_in_plain_words(ws, monkeypatch):
    at = app_run()

    def no_rights(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Workspace, "open_current", no_rights)
    at = on_page(at)
    assert "lässt sich nicht benutzen" in at.error[0].value
    at.switch_page("app_pages/bearbeiten.py").run()
    assert not at.exception, at.exception
    assert "lässt sich nicht benutzen" in at.error[0].value


def with_email(sheets, address):
    sheets["Partner"][0].append("E-Mail")
    for row in sheets["Partner"][1:]:
        row.append(None)
    sheets["Partner"][2][-1] = address


def test_personal_fields_show_only_that_they_changed_unless_asked(tmp_path, small_sheets):
    old = load(small_file(tmp_path, small_sheets, "alt.xlsx",
                          lambda s: with_email(s, "alt@uni.example")))
    new = load(small_file(tmp_path, small_sheets, "neu.xlsx",
                          lambda s: with_email(s, "neu@uni.example")))
    result = compare(old, new)
    assert result.changes_table("de") == [
        {"Partner": "B-Uni", "Angabe": "E-Mail", "vorher": "(geändert)",
         "nachher": "(geändert)"}]
    assert result.changes_table("de", personal=True)[0]["nachher"] == "neu@uni.example"


def test_the_preview_hides_personal_values_behind_a_toggle(ws, tmp_path, small_sheets):
    first = small_file(tmp_path, small_sheets, "alt.xlsx",
                       lambda s: with_email(s, "alt@uni.example"))
    ws.replace(first.read_bytes(), first.name, reason="upload")
    second = small_file(tmp_path, small_sheets, "neu.xlsx",
                        lambda s: with_email(s, "neu@uni.example"))
    at = app_run()
    at.sidebar.file_uploader[0].upload(second.name, second.read_bytes()).run()
    at = on_page(at)
    [table] = [d for d in at.dataframe if "nachher" in d.value.columns]
    assert "neu@uni.example" not in table.value.to_string()
    assert "alt@uni.example" not in texts(at)
    at.toggle(key="pending_personal").set_value(True).run()
    [table] = [d for d in at.dataframe if "nachher" in d.value.columns]
    assert list(table.value["nachher"]) == ["neu@uni.example"]


MARKUP = "[x](y) **fett**.xlsx"
#: How plain() writes it: every Markdown character escaped, so it shows as written.
ESCAPED = r"\[x\]\(y\) \*\*fett\*\*\.xlsx"


def test_file_names_are_shown_as_written_not_as_markdown(ws, tmp_path, small_sheets):
    path = small_file(tmp_path, small_sheets)
    dropped = ws.root / MARKUP
    dropped.write_bytes(path.read_bytes())
    at = on_page(app_run())
    assert [e.label for e in at.expander if "fett" in e.label] == [ESCAPED]
    # changed after its preview: the refusal names the file, escaped as well
    dropped.write_bytes(small_file(tmp_path, small_sheets, "b.xlsx",
                                   lambda s: s["Partner"].pop()).read_bytes())
    button(at, "Übernehmen").click().run()
    assert ESCAPED in at.error[0].value and MARKUP not in at.error[0].value
    at = on_page(app_run())
    button(at, "Übernehmen").click().run()
    assert ESCAPED in at.success[0].value
    # an upload's name in its preview and in the message after taking it over
    at = app_run()
    at.sidebar.file_uploader[0].upload(MARKUP, path.read_bytes()).run()
    at = on_page(at)
    assert any(ESCAPED in m.value for m in at.markdown)
    button(at, "Übernehmen").click().run()
    assert ESCAPED in at.success[0].value


def test_a_file_dropped_into_the_folder_is_announced_on_every_page(ws, tmp_path, small_sheets):
    at = app_run()
    assert not [w for w in at.warning if "Arbeitsordner" in w.value]
    (ws.root / "Neu_von_Excel.xlsx").write_bytes(small_file(tmp_path, small_sheets).read_bytes())
    at.run()
    [banner] = [w for w in at.warning if "Arbeitsordner" in w.value]
    assert banner.value == ("Im Arbeitsordner liegt eine Datei, die noch nicht übernommen ist: "
                            r"Neu\_von\_Excel\.xlsx.")
    button(on_page(at), "Beiseitelegen").click().run()
    at.switch_page("app_pages/netzwerk.py").run()
    assert not [w for w in at.warning if "Arbeitsordner" in w.value]
