"""Generated hostile input for the fuzz tests (tests/test_fuzz.py): hypothesis strategies that
make workbooks and text tables, and mutations of valid ones.

``uploads()`` draws ``(content, filename)`` pairs, one of

* **generated workbooks**: xlsx written by openpyxl (and now and then ods by pandas/odfpy)
  with one to three sheets named as people name them (the schema's sheet aliases and others),
  header rows spelled as people spell them (the schema's column aliases, upper case, gendered,
  with colons), title rows above, and cells of every type: numbers (also NaN and infinite),
  dates, booleans, formulas without a value, Excel errors, text with control characters,
  right-to-left overrides and zero-width characters, huge strings, empty cells; now and then a
  wide or a long sheet;
* **text tables** (csv, tsv, txt, edgelist) separated by ; , tab, | or spaces, quoted or not,
  with any line ending, in UTF-8 (with or without BOM), Windows-1252, Latin-1, UTF-16 or
  Mac Roman;
* **mutations** of valid xlsx/ods files: bytes flipped, inserted or cut off; zip members
  dropped, duplicated, renamed or stored uncompressed; XML broken, cut, given a DOCTYPE,
  an entity, a huge dimension or repeat count; sizes in the central directory made huge,
  compression methods and flags changed; and the result saved under any accepted name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import struct
import warnings
import zipfile
from functools import cache

import openpyxl
import pandas as pd
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from network_app.workbook import schema

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "stadtlabor_soest.xlsx"
EXTENSIONS = ("xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt", "edgelist")
TEXT_EXTENSIONS = ("csv", "tsv", "txt", "edgelist")

# --------------------------------------------------------------------------- words

SHEET_NAMES = sorted({name for german, aliases in schema.SHEETS.values()
                      for name in (german, *aliases)}
                     | {"Tabelle1", "Sheet1", "Übersicht", "Anleitung", "", "'", "Partner "})
HEADERS = sorted({spelling for columns in schema.COLUMNS.values() for column in columns
                  for spelling in (column.header, *column.aliases)})
CATEGORY_WORDS = sorted(schema.CATEGORY_ALIASES)
ODD_TEXT = [
    "\u202eevil\u202c", "\u200b", "\ufeffName", "A\u0000B", "\x1b[31mrot", "\r\n", "\t",
    "Ä" * 3, "😀", "=cmd|' /C calc'!A0", "@SUM(1+1)", "+49 2921", "-", "<b>x</b>",
    "javascript:alert(1)", "</script>", "NaN", "inf", "1e308", "00123", "31.12.2024",
    "2024-02-30", "ja", "nein", "WAHR", "#NV", "Köln; Soest | Hamm", "  ", "\u00a0",
]
FORMULAS = ["=1/0", "=SUM(A1:A3)", '=HYPERLINK("http://x","y")', "=A1", "=NOW()",
            "=INDIRECT(\"A\"&1)", "=REPT(\"x\",32767)", "=Partner!A1"]
ERRORS = ["#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"]
_LETTERS = "abcdeÄÖÜäöüßxyz ABCXYZ-.&'()/;,|\"\t\n\r\x00\x01\x7f\u202e\u200b"

# --------------------------------------------------------------------------- cells

names = st.one_of(st.text(_LETTERS, min_size=1, max_size=20),
                  st.sampled_from(["Öcher Lab", "VHS Soest", "Stadt Soest", "A", "B", "C"]))
huge_text = st.sampled_from([10_001, 40_000, 140_000]).map(lambda n: "x" * n)
cells = st.one_of(
    st.none(),
    st.integers(-10**15, 10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2100, 1, 1)),
    st.booleans(),
    names,
    st.text(max_size=30),
    st.sampled_from(ODD_TEXT + FORMULAS + ERRORS + CATEGORY_WORDS + HEADERS),
    huge_text,
)


@st.composite
def headers(draw) -> str:
    """A header as people write it."""
    header = draw(st.sampled_from(HEADERS + ["", "Name", "Von", "Nach", "Notiz", "x"]))
    style = draw(st.sampled_from(["as", "upper", "lower", "colon", "gender", "space", "odd"]))
    if style == "upper":
        return header.upper()
    if style == "lower":
        return header.lower()
    if style == "colon":
        return f"{header}:"
    if style == "gender":
        return f"{header}:innen"
    if style == "space":
        return f"  {header.replace(' ', '  ')} "
    if style == "odd":
        return header + draw(st.sampled_from(ODD_TEXT))
    return header


@st.composite
def sheets(draw) -> tuple[str, list[list[object]]]:
    """One sheet: a name, maybe title rows, maybe a header row, rows of cells."""
    name = draw(st.one_of(st.sampled_from(SHEET_NAMES), st.text(max_size=40)))
    width = draw(st.integers(1, 8))
    rows: list[list[object]] = []
    for _ in range(draw(st.integers(0, 2))):  # title rows
        rows.append([draw(st.text(max_size=30))])
    if draw(st.booleans()) or draw(st.booleans()):
        rows.append([draw(headers()) for _ in range(width)])
    rows.extend(draw(st.lists(st.lists(cells, min_size=0, max_size=width), max_size=25)))
    shape = draw(st.sampled_from(["plain"] * 8 + ["long", "wide"]))
    if shape == "long":  # many rows of a partner list, cheap to write
        count = draw(st.sampled_from([500, 3_000]))
        rows.extend([[f"P{i}", draw(st.sampled_from(CATEGORY_WORDS or ["x"]))]
                     for i in range(count)])
    elif shape == "wide":
        rows.insert(0, ["Name", *(f"Spalte {i}" for i in range(draw(st.sampled_from([60, 400]))))])
    return name, rows


def _xlsx_value(value: object) -> object:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:32_767]  # what Excel can hold at all
    return value


@st.composite
def generated_xlsx(draw) -> tuple[bytes, str]:
    book = openpyxl.Workbook()
    book.remove(book.active)
    drawn = draw(st.lists(sheets(), min_size=1, max_size=3))
    used: set[str] = set()
    for index, (name, rows) in enumerate(drawn):
        title = ILLEGAL_CHARACTERS_RE.sub("", name)
        title = "".join(c for c in title if c not in "[]:*?/\\")[:31].strip("'") or f"S{index}"
        if title.lower() in used:
            title = f"S{index}"
        used.add(title.lower())
        sheet = book.create_sheet(title)
        if len(drawn) > 1 and index and draw(st.integers(0, 9)) == 0:
            sheet.sheet_state = "hidden"  # (the first stays visible: Excel needs one)
        for row in rows:
            values = [_xlsx_value(value) for value in row]
            try:
                sheet.append(values)
            except (ValueError, TypeError):  # a value openpyxl cannot write at all
                sheet.append([str(value) for value in values])
        if draw(st.integers(0, 9)) == 0 and sheet.max_row > 2:
            sheet.merge_cells(start_row=2, start_column=1, end_row=sheet.max_row,
                              end_column=1)
    if not book.sheetnames:
        book.create_sheet("Partner")
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book.save(buffer)
        except (ValueError, TypeError, OverflowError):
            # openpyxl cannot write this value (a date before 1900, an infinite number)
            return _replace_unwritable(book), draw(st.sampled_from(["partner.xlsx",
                                                                   "partner.xlsm"]))
    return buffer.getvalue(), draw(st.sampled_from(["partner.xlsx", "partner.xlsm", "p.csv"]))


def _replace_unwritable(book: openpyxl.Workbook) -> bytes:
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, (dt.date, float)):
                    cell.value = str(cell.value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@st.composite
def generated_ods(draw) -> tuple[bytes, str]:
    name, rows = draw(sheets())
    rows = [[value if not isinstance(value, str) else ILLEGAL_CHARACTERS_RE.sub("", value)
             for value in row] for row in rows[:200]]
    width = max((len(row) for row in rows), default=1)
    frame = pd.DataFrame([row + [None] * (width - len(row)) for row in rows])
    buffer = io.BytesIO()
    title = "".join(c for c in name if c not in "[]:*?/\\'")[:31] or "Partner"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame.to_excel(buffer, engine="odf", sheet_name=title, index=False, header=False)
    except (ValueError, TypeError, OverflowError):
        frame = frame.astype(str)
        buffer = io.BytesIO()
        frame.to_excel(buffer, engine="odf", sheet_name="Partner", index=False, header=False)
    return buffer.getvalue(), draw(st.sampled_from(["partner.ods", "partner.xlsx"]))


ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "mac_roman")


@st.composite
def generated_text(draw) -> tuple[bytes, str]:
    name, rows = draw(sheets())
    delimiter = draw(st.sampled_from([";", ",", "\t", "|", " "]))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONE]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=ending, quoting=quoting,
                        escapechar="\\")
    for row in rows:
        try:
            writer.writerow(["" if value is None else value for value in row])
        except csv.Error:
            buffer.write(delimiter.join(str(value) for value in row) + ending)
    text = buffer.getvalue()
    if draw(st.integers(0, 5)) == 0:  # hand-written oddities: a quote left open, a comment
        text = draw(st.sampled_from(['"', "# Kommentar\n", "\x00", "\ufeff"])) + text
    encoding = draw(st.sampled_from(ENCODINGS))
    content = text.encode(encoding, errors="replace")
    extension = draw(st.sampled_from(TEXT_EXTENSIONS))
    stem = draw(st.sampled_from(["partner", "Beziehungen", "Über uns", "a.b", "x"]))
    return content, f"{stem}.{extension}"


# --------------------------------------------------------------------------- mutations


@cache
def valid_files() -> tuple[tuple[bytes, str], ...]:
    """The valid files mutations start from: small ones, so that a flipped byte matters."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Partner"
    for row in [("Name", "Kategorie", "Ort", "Seit"), ("Öcher Lab", "Austausch", "Aachen", 2019),
                ("VHS Soest", "Kooperation", "Soest", 2020)]:
        sheet.append(row)
    relations = book.create_sheet("Beziehungen")
    relations.append(("Von", "Nach"))
    relations.append(("Öcher Lab", "VHS Soest"))
    small = io.BytesIO()
    book.save(small)
    ods = io.BytesIO()
    pd.DataFrame({"Name": ["Öcher Lab", "VHS Soest"], "Kategorie": ["Austausch", "Kooperation"]}
                 ).to_excel(ods, engine="odf", sheet_name="Partner", index=False)
    return ((small.getvalue(), "partner.xlsx"), (BUNDLED.read_bytes(), BUNDLED.name),
            (ods.getvalue(), "partner.ods"))


def _members(content: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _zip(members: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are one of the mutations
        with zipfile.ZipFile(buffer, "w") as archive:
            for info, data in members:
                archive.writestr(info, data)
    return buffer.getvalue()


_XML_DAMAGE = [
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
    b'<!ENTITY % p SYSTEM "file:///etc/passwd">',
    b"<",
    b"</worksheet>",
    b"&a;",
    b'<dimension ref="A1:XFD1048576"/>',
    b'table:number-rows-repeated="1048576" table:number-columns-repeated="16384"',
    b'<c r="XFD1048576" t="s"><v>999999</v></c>',
    b'<c r="A1" t="n"><v>1e999</v></c>',
    b'<si><t>' + b"\xe2\x80\xae" * 50 + b"</t></si>",
    b"\xff\xfe<\x00",
    b"\x00",
    b'<?xml version="1.0" encoding="UTF-16"?>',
    b'<sheetData><row r="0"><c r="A0"/></row></sheetData>',
    b'<row r="4294967297"><c r="A4294967297" t="inlineStr"><is><t>x</t></is></c></row>',
]


@st.composite
def zip_mutations(draw, content: bytes) -> bytes:
    members = _members(content)
    op = draw(st.sampled_from(["drop", "duplicate", "rename", "store", "xml", "xml", "xml",
                               "cut_xml", "empty"]))
    index = draw(st.integers(0, len(members) - 1))
    info, data = members[index]
    if op == "drop":
        del members[index]
    elif op == "duplicate":
        members.insert(draw(st.integers(0, len(members))), (info, data))
    elif op == "rename":
        new = zipfile.ZipInfo(draw(st.sampled_from(["xl/workbook.xml", "mimetype", "x",
                                                    "xl/worksheets/sheet9.xml", "../a.xml",
                                                    "content.xml", "/abs.xml"])))
        new.compress_type = info.compress_type
        members[index] = (new, data)
    elif op == "store":
        info.compress_type = zipfile.ZIP_STORED
    elif op == "empty":
        members[index] = (info, b"")
    else:
        position = draw(st.integers(0, len(data)))
        if op == "cut_xml":
            data = data[:position]
        else:
            damage = draw(st.sampled_from(_XML_DAMAGE))
            cut = draw(st.integers(0, 40))
            data = data[:position] + damage + data[position + cut:]
        members[index] = (info, data)
    return _zip(members)


@st.composite
def byte_mutations(draw, content: bytes) -> bytes:
    data = bytearray(content)
    op = draw(st.sampled_from(["flip", "flip", "cut", "insert", "directory", "local"]))
    if op == "flip":
        rng = random.Random(draw(st.integers(0, 2**32)))
        for _ in range(draw(st.integers(1, 8))):
            data[rng.randrange(len(data))] ^= rng.randrange(1, 256)
    elif op == "cut":
        del data[draw(st.integers(1, len(data) - 1)):]
    elif op == "insert":
        position = draw(st.integers(0, len(data)))
        data[position:position] = draw(st.binary(min_size=1, max_size=64))
    else:
        # a field of a central-directory entry (sizes, method, flags, offsets) or of a local
        # header set to a chosen value: huge declared sizes, unknown methods, encryption flags
        signature = b"PK\x01\x02" if op == "directory" else b"PK\x03\x04"
        starts = [i for i in range(len(data) - 4) if data[i:i + 4] == signature]
        if starts:
            start = draw(st.sampled_from(starts))
            fields = ([(8, "<H"), (10, "<H"), (20, "<L"), (24, "<L"), (28, "<H"), (42, "<L")]
                      if op == "directory" else
                      [(6, "<H"), (8, "<H"), (18, "<L"), (22, "<L"), (26, "<H")])
            offset, fmt = draw(st.sampled_from(fields))
            value = draw(st.sampled_from([0, 1, 8, 12, 99, 0xFFFF, 0xFFFFFFFF, 2**31,
                                          600 * 1024 * 1024]))
            value &= 0xFFFF if fmt == "<H" else 0xFFFFFFFF
            if start + offset + struct.calcsize(fmt) <= len(data):
                struct.pack_into(fmt, data, start + offset, value)
    return bytes(data)


@st.composite
def mutated(draw) -> tuple[bytes, str]:
    content, name = draw(st.sampled_from(valid_files()))
    for _ in range(draw(st.integers(1, 2))):
        try:
            content = draw(zip_mutations(content)) if draw(st.booleans()) else \
                draw(byte_mutations(content))
        except Exception:  # noqa: BLE001 - zipfile cannot open what a mutation made of it
            content = draw(byte_mutations(content)) if len(content) > 1 else content
    if draw(st.integers(0, 3)) == 0:
        name = f"partner.{draw(st.sampled_from(EXTENSIONS))}"
    return content, name


def uploads() -> st.SearchStrategy[tuple[bytes, str]]:
    """Any of the above, mutations and generated files about equally often."""
    return st.one_of(mutated(), generated_xlsx(), generated_text(), mutated(), generated_ods())
