"""Limits that hold (network_app.workbook.limits): one upload size everywhere, rows, columns,
cells and cell length with German sentences, and reading in a child process with a time and a
memory limit (network_app.workbook.isolated) that one hostile file cannot get past.
"""

from __future__ import annotations

import io
import sys
import tomllib
import zipfile

import badfiles
import pytest
from conftest import ROOT, codes

from network_app import cli
from network_app.errors import UnreadableFileError
from network_app.workbook import limits, reading, safety, xlsx_trim
from network_app.workbook.isolated import load_isolated
from network_app.workbook.loading import load_workbook

BUNDLED = ROOT / "data" / "stadtlabor_soest.xlsx"
TOO_COSTLY = "Die Datei ist zu groß oder zu aufwendig zum Lesen"


def repeat_ods(rows: int, columns: int) -> bytes:
    """An ods of about a kilobyte whose second row repeats one cell ``columns`` times, and is
    repeated ``rows`` times (OpenDocument's number-rows/columns-repeated): calamine builds
    every cell."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Partner"><table:table-row>'
        '<table:table-cell office:value-type="string"><text:p>Name</text:p></table:table-cell>'
        f'</table:table-row><table:table-row table:number-rows-repeated="{rows}">'
        f'<table:table-cell table:number-columns-repeated="{columns}" '
        'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"),
                         "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# --------------------------------------------------------------------------- one place


def test_upload_size_is_the_same_everywhere():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == limits.MAX_UPLOAD_MB
    assert safety.DEFAULT_MAX_BYTES == limits.MAX_UPLOAD_MB * limits.MB
    assert cli._DEFAULT_MAX_MB == limits.MAX_UPLOAD_MB
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from app_pages import common

    assert common.MAX_UPLOAD_MB == limits.MAX_UPLOAD_MB


def test_the_readers_take_their_limits_from_one_place():
    assert reading.MAX_ROWS == limits.MAX_ROWS
    assert reading.MAX_COLUMNS == limits.MAX_COLUMNS
    assert reading.MAX_CELL_CHARS == limits.MAX_CELL_CHARS
    assert xlsx_trim.MAX_AREA == limits.MAX_CELLS
    assert safety.MAX_MEMBERS == limits.MAX_MEMBERS
    assert safety.DEFAULT_MAX_RATIO == limits.MAX_RATIO


def test_a_file_one_byte_over_the_upload_limit_is_refused():
    content = b"Name\n" + b"x" * (limits.MAX_UPLOAD_MB * limits.MB - 4)
    with pytest.raises(UnreadableFileError) as error:
        load_workbook(content, filename="gross.csv")
    assert error.value.code == "too_large"
    # one byte over still reads as more than the limit
    assert error.value.message.startswith(
        "Die Datei ist 50,001 MB groß; erlaubt sind höchstens 50,000 MB.")


# --------------------------------------------------------------------------- rows, columns, cells


def test_too_many_columns_in_a_text_table():
    header = ";".join(["Name", *(f"Spalte {i}" for i in range(limits.MAX_COLUMNS))])
    with pytest.raises(UnreadableFileError) as error:
        load_workbook(f"{header}\nA\n".encode(), filename="breit.csv")
    assert error.value.code == "too_many_columns"
    message = error.value.message
    assert "»breit«" in message and "5.001 Spalten" in message and "höchstens 5.000" in message
    assert "Bitte nur die Spalten mit Partnerdaten behalten" in message
    assert "5,001 columns" in error.value.text("en")


def test_too_many_columns_in_an_ods():
    with pytest.raises(UnreadableFileError) as error:
        load_workbook(repeat_ods(1, limits.MAX_COLUMNS + 1), filename="breit.ods")
    assert error.value.code == "too_many_columns"
    assert "»Partner«" in error.value.message


def test_an_ods_whose_repeated_cells_make_too_large_an_area(monkeypatch):
    """A kilobyte declaring 1,001 rows × 2,001 columns: refused before Python lists them (the
    limit lowered to 2 million cells, so that the test does not build 20 million)."""
    monkeypatch.setattr(limits, "MAX_CELLS", 2_000_000)
    with pytest.raises(UnreadableFileError) as error:
        load_workbook(repeat_ods(1_000, 2_001), filename="flaeche.ods")
    assert error.value.code == "too_large_area"
    assert error.value.message == (
        f"Im Blatt »Partner« reichen gefüllte Zellen bis {reading.column_letter(2_000)}1001; das "
        "sind mehr als 2 Millionen Zellen und zu viel zum Einlesen. Bitte nur die Partnerdaten "
        "in der Arbeitsmappe behalten und weit entfernte Zellen löschen.")


def test_too_many_rows():
    rows = "\n".join(f"P{i}" for i in range(limits.MAX_ROWS + 1))
    with pytest.raises(UnreadableFileError) as error:
        load_workbook(f"Name\n{rows}\n".encode(), filename="lang.csv")
    assert error.value.code == "too_many_cells"
    assert "mehr als 200.000 gefüllte Zeilen" in error.value.message


def test_a_long_cell_is_cut_with_a_warning_also_beyond_the_csv_modules_field_limit():
    """csv refuses fields over 128 KB by default (an unhandled csv.Error before)."""
    content = ('Name;Notiz\nA;"' + "x" * 140_000 + '"\n').encode()
    data = load_workbook(content, filename="notiz.csv")
    assert "huge_cell" in codes(data)
    assert list(data.partners["name"]) == ["A"]


def test_a_nul_byte_deep_in_a_text_table_is_a_sentence():
    content = ("Name;Ort\n" + "a;b\n" * 20_000 + '"c\x00;d\n').encode()
    try:
        load_workbook(content, filename="nul.csv")
    except UnreadableFileError as error:
        assert error.code == "unreadable" and "{" not in error.message


# --------------------------------------------------------------------------- the child process


def test_isolated_reading_gives_the_same_data():
    content = BUNDLED.read_bytes()
    inside = load_workbook(content, filename=BUNDLED.name)
    child = load_isolated(content, BUNDLED.name)
    assert list(child.partners["name"]) == list(inside.partners["name"])
    assert len(child.relations) == len(inside.relations)
    assert [p.code for p in child.problems] == [p.code for p in inside.problems]


def test_isolated_reading_passes_refusals_on():
    with pytest.raises(UnreadableFileError) as error:
        load_isolated(badfiles.xlsx_bytes()[:2000], "kaputt.xlsx")
    assert error.value.code == "corrupt_archive"


def test_a_file_that_takes_more_memory_is_refused_and_the_process_goes_on(monkeypatch):
    """1 KB of ods declaring 30 million cells: calamine in the child runs out of its 300 MB
    and is stopped; the caller gets the sentence and reads the next file as before."""
    monkeypatch.setenv("PARTNERNETZ_PARSE_MEMORY_MB", "300")
    bomb = repeat_ods(100_000, 300)
    assert len(bomb) < 2000
    with pytest.raises(UnreadableFileError) as error:
        load_isolated(bomb, "bombe.ods")
    assert error.value.code == "too_costly"
    assert error.value.message.startswith(TOO_COSTLY)
    assert "300 MB Arbeitsspeicher" in error.value.message
    assert "Bitte nur die Blätter mit Partnerdaten behalten" in error.value.message
    assert len(load_isolated(BUNDLED.read_bytes(), BUNDLED.name).partners) == 64


def test_a_file_that_takes_longer_is_stopped():
    bomb = repeat_ods(1_000_000, 10)  # 10 million cells: seconds of work, then too many rows
    with pytest.raises(UnreadableFileError) as error:
        load_isolated(bomb, "langsam.ods", seconds=0.2, memory_mb=4000)
    assert error.value.code == "too_costly"
    assert "mehr als 0,2 Sekunden" in error.value.message
    assert len(load_isolated(BUNDLED.read_bytes(), BUNDLED.name).partners) == 64


def test_the_time_limit_from_the_environment_is_used(monkeypatch):
    monkeypatch.setenv("PARTNERNETZ_PARSE_SECONDS", "1")
    with pytest.raises(UnreadableFileError) as error:
        load_isolated(repeat_ods(1_000_000, 10), "langsam.ods", memory_mb=4000)
    # stopped after 1 s, or refused for its rows if this machine is that fast
    assert error.value.code in ("too_costly", "too_many_cells")
    if error.value.code == "too_costly":
        assert "mehr als 1 Sekunden" in error.value.message


def test_an_unexpected_error_in_the_child_is_a_sentence_and_logged(caplog):
    """What the loader should have turned into a sentence but did not (here: a ``today``
    that is no date) comes back as "unreadable" with its traceback in the log."""
    with pytest.raises(UnreadableFileError) as error:
        load_isolated(BUNDLED.read_bytes(), BUNDLED.name, today="kein Datum")
    assert error.value.code == "unreadable"
    assert error.value.params == {"detail": "unexpected"}
    assert "Traceback" in caplog.text


def test_limits_from_the_environment(monkeypatch):
    monkeypatch.setenv("PARTNERNETZ_PARSE_SECONDS", "7")
    monkeypatch.setenv("PARTNERNETZ_PARSE_MEMORY_MB", "nonsense")
    assert limits.parse_seconds() == 7
    assert limits.parse_memory_mb() == limits.PARSE_MEMORY_MB
    monkeypatch.delenv("PARTNERNETZ_PARSE_SECONDS")
    assert limits.parse_seconds() == limits.PARSE_SECONDS


def test_the_app_refuses_the_memory_bomb_and_goes_on(monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("PARTNERNETZ_PARSE_MEMORY_MB", "300")
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.sidebar.file_uploader[0].upload("bombe.ods", repeat_ods(100_000, 300)).run()
    assert not at.exception
    assert any(TOO_COSTLY in error.value for error in at.error)
    at.sidebar.file_uploader[0].upload(BUNDLED.name, BUNDLED.read_bytes()).run()
    assert not at.exception
    assert not any(TOO_COSTLY in error.value for error in at.error)
