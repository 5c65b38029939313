"""The editor's grids as tables (app_pages/edit_tables.py): what they show, what they return."""

from __future__ import annotations

import importlib
from types import ModuleType

import pandas as pd
import pytest
from conftest import ROOT, write_xlsx
from test_workspace_editor import sheets

import network_app as na
from network_app.workbook import schema
from network_app.workspace.editing import table_changes


@pytest.fixture
def tables(monkeypatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(ROOT))  # the app's folder, as streamlit run has it
    return importlib.import_module("app_pages.edit_tables")


def data(tmp_path) -> na.PartnerData:
    path = write_xlsx(tmp_path / "Partner.xlsx", sheets())
    return na.load_workbook(path.read_bytes(), filename=path.name)


def test_fields_in_the_files_order_personal_only_when_asked(tables, tmp_path):
    fields = tables.fields
    loaded = data(tmp_path)
    assert fields(loaded, "partners", False) == ["name", "categories", "type", "place",
                                                 "reach", "note"]
    assert "email" in fields(loaded, "partners", True)
    assert fields(loaded, "relations", False) == ["source", "target", "kind", "weight"]


def test_editor_frame_plain_types(tables, tmp_path):
    editor_frame, fields = tables.editor_frame, tables.fields
    loaded = data(tmp_path)
    frame = editor_frame(loaded, "programmes", fields(loaded, "programmes", False))
    assert list(frame.columns) == ["name", "since", "until", "participants", "row"]
    assert str(frame["since"].dtype) == "Int64" and frame.loc[0, "since"] == 2019
    assert frame.loc[0, "participants"] == ["B-Uni", "D-Stadt"]


def test_options_keep_a_value_the_vocabulary_lacks(tables, tmp_path):
    editor_frame, options = tables.editor_frame, tables.options
    loaded = data(tmp_path)
    frame = editor_frame(loaded, "partners", ["name", "type", "row"])
    frame.loc[0, "type"] = "Stiftung"
    choices = options("partners", "type", frame, loaded)
    assert choices[:len(schema.TYPE_VALUES)] == list(schema.TYPE_VALUES)
    assert choices[-1] == "Stiftung"
    assert options("partners", "place", frame, loaded) is None


def test_with_typed_edits_deletes_and_adds_as_the_grid_does(tables, tmp_path):
    editor_frame, fields, with_typed = tables.editor_frame, tables.fields, tables.with_typed
    loaded = data(tmp_path)
    before = editor_frame(loaded, "relations", fields(loaded, "relations", False))
    after = with_typed(before, {"edited_rows": {0: {"weight": 5}}, "deleted_rows": [1],
                                "added_rows": [{"source": "D-Stadt", "target": "A-Lab"}]})
    assert list(after["source"]) == ["A-Lab", "D-Stadt"]
    assert after.loc[0, "weight"] == 5 and pd.isna(after.loc[1, "row"])
    changes = table_changes(loaded, "relations", before, after)
    assert [(e.row, e.header, e.value) for e in changes.edits] == [(2, "Stärke", 5)]
    assert changes.deleted_rows == {"Beziehungen": [3]}
    assert changes.new_rows == {"Beziehungen": [{"Von": "D-Stadt", "Nach": "A-Lab"}]}
