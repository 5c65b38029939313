"""A corpus of bad and odd spreadsheet files, written on demand (nothing binary is committed).

Every builder takes a folder (pytest's ``tmp_path``) and returns the path of the file it wrote.
``BAD_FILES`` maps a case name to its builder and the error code :mod:`network_app.workbook.safety`
must
raise; ``GOOD_FILES`` maps a case name to its builder and the format inspection must return.
Other tests (the CLI's exit status, the app's upload page) can reuse both tables.

The zip bombs are real: their members inflate to hundreds of megabytes of zeros, yet they are
written in 1 MB chunks and stay below a megabyte on disk.
"""

from __future__ import annotations

import io
import random
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd

MB = 1024 * 1024

PARTNERS = [
    ("Name", "Kategorie", "Ort"),
    ("Öcher Lab", "Austausch", "Aachen"),
    ("VHS Soest", "Kooperation", "Soest"),
    ("Universität Speyer", "Kooperation", "Speyer"),
]


# --------------------------------------------------------------------------- good workbooks


def xlsx_bytes() -> bytes:
    """A small real workbook as openpyxl writes it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Partner"
    for row in PARTNERS:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = Path(folder) / name
    path.write_bytes(data)
    return path


def real_xlsx(folder: Path) -> Path:
    return _write(folder, "partner.xlsx", xlsx_bytes())


def xlsx_renamed_xlsm(folder: Path) -> Path:
    return _write(folder, "partner.xlsm", xlsx_bytes())


def xlsx_renamed_csv(folder: Path) -> Path:
    """A real workbook saved under a CSV name: it is read as what it is."""
    return _write(folder, "partner.csv", xlsx_bytes())


def real_ods(folder: Path) -> Path:
    path = Path(folder) / "partner.ods"
    frame = pd.DataFrame(PARTNERS[1:], columns=list(PARTNERS[0]))
    frame.to_excel(path, engine="odf", sheet_name="Partner", index=False)
    return path


def ods_renamed_xlsx(folder: Path) -> Path:
    return _write(folder, "partner.xlsx", real_ods(folder).read_bytes())


def _csv_text(separator: str = ";") -> str:
    return "".join(separator.join(row) + "\r\n" for row in PARTNERS)


def utf8_csv(folder: Path) -> Path:
    return _write(folder, "partner.csv", _csv_text().encode("utf-8"))


def utf8_bom_csv(folder: Path) -> Path:
    """German Excel's "CSV UTF-8" starts with a byte order mark."""
    return _write(folder, "partner.csv", _csv_text().encode("utf-8-sig"))


def cp1252_csv(folder: Path) -> Path:
    """German Excel's plain "CSV": semicolons, Windows-1252."""
    return _write(folder, "partner.csv", _csv_text().encode("cp1252"))


def utf16_tsv(folder: Path) -> Path:
    """Excel's "Unicode text": UTF-16 with a byte order mark, full of NUL bytes."""
    return _write(folder, "partner.txt", _csv_text("\t").encode("utf-16"))


def svg_with_doctype_xlsx(folder: Path) -> Path:
    """A picture may carry a DOCTYPE (drawing programs write one); pictures are not parsed."""
    svg = b'<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n<svg/>'
    return _write(folder, "picture.xlsx", _with_member(xlsx_bytes(), "xl/media/image1.svg", svg))


# --------------------------------------------------------------------------- OLE compound files

_FREE = 0xFFFFFFFF
_END_OF_CHAIN = 0xFFFFFFFE
_FAT_SECTOR = 0xFFFFFFFD
_NO_STREAM = 0xFFFFFFFF


def _ole_bytes(streams: dict[str, bytes]) -> bytes:
    """A minimal valid compound file (version 3, 512-byte sectors) holding ``streams``.

    Each stream is padded to at least 4096 bytes so that it lives in regular sectors; sector 0
    is the FAT, sector 1 the directory. Enough for up to three streams of a few KB.
    """
    sector_size = 512
    names = sorted(streams, key=lambda name: (len(name), name.upper()))  # CFB's name order
    fat = [_FAT_SECTOR, _END_OF_CHAIN]
    body = b""
    placed: list[tuple[str, int, int]] = []
    for name in names:
        data = streams[name]
        padded = data.ljust(max(4096, -(-len(data) // sector_size) * sector_size), b"\x00")
        first = len(fat)
        count = len(padded) // sector_size
        fat.extend(range(first + 1, first + count))
        fat.append(_END_OF_CHAIN)
        placed.append((name, first, len(padded)))
        body += padded
    assert len(fat) <= sector_size // 4 and len(placed) <= 3, "too much for this small writer"
    fat_sector = struct.pack("<128L", *(fat + [_FREE] * (128 - len(fat))))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        return struct.pack(
            "<64sHBBLLL16sLQQLQ",
            encoded, len(encoded), kind, 1, _NO_STREAM, right, child, b"", 0, 0, 0, start, size,
        )

    directory = entry("Root Entry", 5, 1 if placed else _NO_STREAM, _NO_STREAM, _END_OF_CHAIN, 0)
    for index, (name, start, size) in enumerate(placed, start=1):
        right = index + 1 if index < len(placed) else _NO_STREAM
        directory += entry(name, 2, _NO_STREAM, right, start, size)
    directory = directory.ljust(sector_size, b"\x00")
    header = struct.pack(
        "<8s16s5H6s9L109L",
        bytes.fromhex("D0CF11E0A1B11AE1"), b"", 0x3E, 3, 0xFFFE, 9, 6, b"",
        0, 1, 1, 0, 4096, _END_OF_CHAIN, 0, _END_OF_CHAIN, 0,
        0, *([_FREE] * 108),
    )
    return header + fat_sector + directory + body


def _biff_record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _workbook_stream(protected: bool) -> bytes:
    # BIFF8 BOF of the workbook globals, then (if protected) FilePass with an RC4 header
    # (version 1.1, zero salt and verifier), a code page, EOF. Enough for the header check,
    # not a workbook Excel would open.
    stream = _biff_record(0x0809, struct.pack("<HHHHLL", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 6))
    if protected:
        stream += _biff_record(0x002F, struct.pack("<HHH", 1, 1, 1) + bytes(48))
    stream += _biff_record(0x0042, struct.pack("<H", 1200))  # CodePage: UTF-16
    return stream + _biff_record(0x000A)


def synthetic_xls(folder: Path) -> Path:
    """An OLE file with a Workbook stream: what safety sees of a legacy .xls."""
    return _write(folder, "alt.xls", _ole_bytes({"Workbook": _workbook_stream(False)}))


def encrypted_xls(folder: Path) -> Path:
    """A legacy .xls protected with a password: FilePass right after BOF."""
    return _write(folder, "geschuetzt.xls", _ole_bytes({"Workbook": _workbook_stream(True)}))


def word97_as_xls(folder: Path) -> Path:
    return _write(folder, "partner.xls", _ole_bytes({"WordDocument": b"\xec\xa5" + bytes(500)}))


def broken_ole_xls(folder: Path) -> Path:
    """OLE magic, but the directory points far beyond the end of the file."""
    data = bytearray(_ole_bytes({"Workbook": _workbook_stream(False)}))
    struct.pack_into("<L", data, 48, 999_999)  # first directory sector
    return _write(folder, "kaputt.xls", bytes(data))


def encrypted_xlsx(folder: Path) -> Path:
    """A real workbook encrypted by msoffcrypto-tool, as Excel's "Encrypt with password" does."""
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(xlsx_bytes())).encrypt("geheim", encrypted)
    return _write(folder, "geschuetzt.xlsx", encrypted.getvalue())


# --------------------------------------------------------------------------- wrong content


def renamed_text(folder: Path) -> Path:
    return _write(folder, "notizen.xlsx", "Partnerliste\nÖcher Lab, Aachen\n".encode())


def pdf_as_xlsx(folder: Path) -> Path:
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    return _write(folder, "partner.xlsx", pdf)


def png_as_xlsx(folder: Path) -> Path:
    ihdr = struct.pack(">LLBBBBB", 1, 1, 8, 0, 0, 0, 0)
    chunk = struct.pack(">L", len(ihdr)) + b"IHDR" + ihdr
    chunk += struct.pack(">L", zlib.crc32(b"IHDR" + ihdr))
    return _write(folder, "partner.xlsx", b"\x89PNG\r\n\x1a\n" + chunk)


def html_as_xls(folder: Path) -> Path:
    """What web applications often hand out as "Excel export"."""
    html = "<html><body><table><tr><td>Name</td></tr><tr><td>VHS Soest</td></tr></table>"
    return _write(folder, "export.xls", html.encode())


def binary_as_csv(folder: Path) -> Path:
    return _write(folder, "partner.csv", bytes(range(256)) * 4)


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_as_xlsx(folder: Path) -> Path:
    members = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="x"/>',
        "word/document.xml": b'<?xml version="1.0"?><w:document xmlns:w="x"/>',
    }
    return _write(folder, "partner.xlsx", _zip_bytes(members))


def odt_as_ods(folder: Path) -> Path:
    members = {
        "mimetype": b"application/vnd.oasis.opendocument.text",
        "content.xml": b'<?xml version="1.0"?><office:document-content xmlns:office="x"/>',
    }
    return _write(folder, "partner.ods", _zip_bytes(members))


def plain_zip_as_xlsx(folder: Path) -> Path:
    return _write(folder, "partner.xlsx", _zip_bytes({"partner.csv": _csv_text().encode()}))


# --------------------------------------------------------------------------- damaged archives


def truncated_xlsx(folder: Path) -> Path:
    """A real workbook cut to half its bytes, like an interrupted download."""
    data = xlsx_bytes()
    return _write(folder, "abgebrochen.xlsx", data[: len(data) // 2])


def _data_offset(archive_bytes: bytes, member: str) -> tuple[int, zipfile.ZipInfo]:
    """Where the (compressed) data of ``member`` starts in the archive."""
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as archive:
        info = archive.getinfo(member)
    name_length, extra_length = struct.unpack_from("<HH", archive_bytes, info.header_offset + 26)
    return info.header_offset + 30 + name_length + extra_length, info


def _rewritten(
    archive_bytes: bytes,
    replace: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """The archive with some members replaced, in the original order."""
    replace = replace or {}
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive_bytes)) as source,
        zipfile.ZipFile(buffer, "w", compression) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info)))
    return buffer.getvalue()


def _with_member(archive_bytes: bytes, name: str, data: bytes) -> bytes:
    buffer = io.BytesIO(archive_bytes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" is what some cases want
        with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(name, data)
    return buffer.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


def bad_crc_xlsx(folder: Path) -> Path:
    """One byte of a stored (uncompressed) sheet changed: only the CRC-32 can tell."""
    data = bytearray(_rewritten(xlsx_bytes(), compression=zipfile.ZIP_STORED))
    start, info = _data_offset(bytes(data), SHEET)
    position = data.index(b"VHS", start, start + info.compress_size)
    data[position] = ord("W")
    return _write(folder, "pruefsumme.xlsx", bytes(data))


def corrupt_deflate_xlsx(folder: Path) -> Path:
    """Bytes in the middle of a sheet's deflate data inverted."""
    data = bytearray(xlsx_bytes())
    start, info = _data_offset(bytes(data), SHEET)
    middle = start + info.compress_size // 2
    for position in range(middle - 8, middle + 8):
        data[position] ^= 0xFF
    return _write(folder, "kaputt.xlsx", bytes(data))


def duplicate_member_xlsx(folder: Path) -> Path:
    """Two sheet1.xml: zipfile reads the last, other readers the first."""
    data = _with_member(xlsx_bytes(), SHEET, b'<?xml version="1.0"?><worksheet/>')
    return _write(folder, "doppelt.xlsx", data)


# The end record ("PK\5\6", APPNOTE 4.3.16): signature, disk, directory's disk, entries on this
# disk, entries, directory size, directory offset, comment length.
_END = struct.Struct("<4s4H2LH")


def _central_entry(data: bytes | bytearray, member: str) -> int:
    """Where the central-directory entry of ``member`` starts."""
    central = data.find(b"PK\x01\x02")
    while central >= 0 and data[central + 46 : central + 46 + len(member)] != member.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    if central < 0:
        raise ValueError(f"{member} is not in the central directory")
    return central


def directory_claims_gigabytes_xlsx(folder: Path) -> Path:
    """A real workbook whose end record claims a 2 GB directory (one damaged field).

    The directory cannot be bigger than the file: damaged, not "too many parts".
    """
    data = bytearray(xlsx_bytes())
    struct.pack_into("<L", data, data.rindex(b"PK\x05\x06") + 12, 0x7FFF_0000)
    return _write(folder, "verzeichnis_kaputt.xlsx", bytes(data))


def cut_at_stray_end_record_xlsx(folder: Path) -> Path:
    """A download cut off in a picture whose bytes by chance hold the end record's signature.

    zipfile (and any reader searching the tail the same way) takes the noise after it for an
    end record, here one that claims a directory of gigabytes.
    """
    noise = random.Random(7).randbytes(8192)
    picture = noise[:4096] + b"PK\x05\x06" + noise[4096:]
    buffer = io.BytesIO(xlsx_bytes())
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_STORED) as archive:  # pictures are stored
        archive.writestr("xl/media/image1.png", picture)
    data = buffer.getvalue()
    stray = data.index(b"PK\x05\x06")  # the first one is the picture's
    size = _END.unpack_from(data, stray)[5]
    assert size > 4 * MB, "the noise should claim a directory bigger than any workbook has"
    return _write(folder, "abgebrochen_bild.xlsx", data[: stray + 200])


def cut_after_embedded_workbook_xlsx(folder: Path) -> Path:
    """A download cut off right after a workbook embedded uncompressed (an OLE object).

    The embedded workbook's end record is then the last one: zipfile would take the outer
    file's bytes before it for a program put in front and read the embedded workbook instead.
    """
    inner = xlsx_bytes()
    buffer = io.BytesIO(xlsx_bytes())
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/embeddings/Microsoft_Excel_Worksheet.xlsx", inner)
    data = buffer.getvalue()
    return _write(folder, "abgebrochen_eingebettet.xlsx", data[: data.index(inner) + len(inner)])


def entry_count_off_xlsx(folder: Path) -> Path:
    """The end record counts one entry more than the directory holds.

    zipfile reads the entries the directory's size holds, calamine's zip reader as many as the
    record counts: they would not agree on what the file contains.
    """
    data = bytearray(xlsx_bytes())
    end = data.rindex(b"PK\x05\x06")
    entries = _END.unpack_from(data, end)[4]
    struct.pack_into("<HH", data, end + 8, entries + 1, entries + 1)
    return _write(folder, "zaehler_kaputt.xlsx", bytes(data))


def member_past_end_xlsx(folder: Path) -> Path:
    """A directory entry whose sheet claims 3 GB, packed and unpacked, in a 5 KB file.

    The data cannot be there: the file is damaged, not a zip bomb.
    """
    data = bytearray(xlsx_bytes())
    central = _central_entry(data, SHEET)
    struct.pack_into("<LL", data, central + 20, 3 * 1024**3, 3 * 1024**3)
    return _write(folder, "groesse_kaputt.xlsx", bytes(data))


def zip64_xlsx(folder: Path) -> Path:
    """A real workbook ending in zip64 records, as writers do past 65,535 members or 4 GB.

    The end record says "see zip64" (all ones); the zip64 record before it holds the counts.
    """
    data = xlsx_bytes()
    end = data.rindex(b"PK\x05\x06")
    entries, size, offset = _END.unpack_from(data, end)[4:7]
    record64 = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries,
                           size, offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    end_record = _END.pack(b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFF_FFFF, 0xFFFF_FFFF, 0)
    return _write(folder, "zip64.xlsx", data[:end] + record64 + locator + end_record)


# --------------------------------------------------------------------------- zip bombs


def _write_bomb(path: Path, unpacked_bytes: int, member: str = SHEET) -> Path:
    """An xlsx-looking archive whose ``member`` inflates to ``unpacked_bytes`` zeros."""
    skeleton = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="x"/>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="x"/>',
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="x"/>',
    }
    zeros = bytes(MB)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in skeleton.items():
            archive.writestr(name, data)
        # Streamed: the zeros never exist in memory as a whole.
        with archive.open(member, "w") as stream:
            for _ in range(unpacked_bytes // MB):
                stream.write(zeros)
    return path


def zip_bomb(folder: Path) -> Path:
    """600 MB of zeros in a 0.6 MB file (ratio about 1000:1), declared honestly."""
    return _write_bomb(Path(folder) / "bombe.xlsx", 600 * MB)


def ratio_bomb(folder: Path) -> Path:
    """50 MB of zeros: below the total limit, but a ratio no real sheet reaches."""
    return _write_bomb(Path(folder) / "verhaeltnis.xlsx", 50 * MB)


def _lie_about_sizes(path: Path, member: str, declared: int) -> Path:
    """Patch the local and central headers of ``member`` to claim ``declared`` bytes.

    The CRC is set to that of the first ``declared`` zeros, so a reader that stops at the
    declared size finds nothing wrong: only inflating to the real end reveals the lie.
    """
    data = bytearray(path.read_bytes())
    _, info = _data_offset(bytes(data), member)
    crc = zlib.crc32(bytes(declared))
    struct.pack_into("<L", data, info.header_offset + 14, crc)
    struct.pack_into("<L", data, info.header_offset + 22, declared)
    central = _central_entry(data, member)
    struct.pack_into("<L", data, central + 16, crc)
    struct.pack_into("<L", data, central + 24, declared)
    path.write_bytes(bytes(data))
    return path


def lying_bomb(folder: Path) -> Path:
    """600 MB of zeros whose headers claim 1,000 bytes: caught by counting real bytes."""
    path = _write_bomb(Path(folder) / "luegt.xlsx", 600 * MB)
    return _lie_about_sizes(path, SHEET, 1000)


def lying_sizes_xlsx(folder: Path) -> Path:
    """5 MB of zeros claiming 1,000 bytes: under every limit, but the sizes do not add up."""
    path = _write_bomb(Path(folder) / "falsche_groesse.xlsx", 5 * MB)
    return _lie_about_sizes(path, SHEET, 1000)


def many_members(folder: Path) -> Path:
    """10,001 tiny members: no workbook has that many parts."""
    path = Path(folder) / "viele_teile.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        for index in range(10_000):
            archive.writestr(f"xl/p/{index}", b"")
    return path


def huge_directory(folder: Path) -> Path:
    """A central directory of 4.5 MB (long member comments): too big to even list safely."""
    path = Path(folder) / "riesiges_verzeichnis.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        for index in range(70):
            info = zipfile.ZipInfo(f"xl/p/{index}")
            info.comment = b"x" * 65_000
            archive.writestr(info, b"")
    return path


# --------------------------------------------------------------------------- unsafe XML

def _laugh(level: int) -> str:
    return "&lol;" if level == 1 else f"&lol{level - 1};"


#: The classic "billion laughs": nine levels of ten references, 10**9 "lol" when expanded.
_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{level} "{_laugh(level) * 10}">' for level in range(1, 10))
    + "]>"
)


def _insert_after_declaration(xml: bytes, insert: str) -> bytes:
    """Put ``insert`` where a DOCTYPE belongs: after the XML declaration, if there is one."""
    end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    return xml[:end] + insert.encode() + xml[end:]


def _member(archive_bytes: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as archive:
        return archive.read(name)


def billion_laughs_xlsx(folder: Path) -> Path:
    """A real workbook whose sheet defines nested entities and uses the biggest one."""
    book = xlsx_bytes()
    sheet = _insert_after_declaration(_member(book, SHEET), _LAUGHS)
    cell = b'<c r="Z1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    sheet = sheet.replace(b"</row>", cell, 1)
    return _write(folder, "lachen.xlsx", _rewritten(book, {SHEET: sheet}))


def xxe_xlsx(folder: Path) -> Path:
    """An external entity that would read a local file into the workbook."""
    book = xlsx_bytes()
    doctype = '<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    workbook = _insert_after_declaration(_member(book, "xl/workbook.xml"), doctype)
    return _write(folder, "xxe.xlsx", _rewritten(book, {"xl/workbook.xml": workbook}))


def late_doctype_xlsx(folder: Path) -> Path:
    """A DOCTYPE behind a 10 KB comment, past any "first 4 KB" look."""
    book = xlsx_bytes()
    filler = "<!--" + "x" * 10_000 + "-->"
    sheet = _insert_after_declaration(_member(book, SHEET), filler + _LAUGHS)
    return _write(folder, "spaet.xlsx", _rewritten(book, {SHEET: sheet}))


def utf16_doctype_xlsx(folder: Path) -> Path:
    """The same attack in UTF-16, where a byte search for "<!DOCTYPE" finds nothing."""
    book = xlsx_bytes()
    sheet = _member(book, SHEET).decode("utf-8")
    sheet = sheet[sheet.index("?>") + 2 :] if sheet.startswith("<?xml") else sheet
    utf16 = ('<?xml version="1.0" encoding="UTF-16"?>' + _LAUGHS + sheet).encode("utf-16")
    return _write(folder, "utf16.xlsx", _rewritten(book, {SHEET: utf16}))


def doctype_in_odd_member_xlsx(folder: Path) -> Path:
    """A relationship may point a parser at any member name, so names do not exempt XML."""
    data = _with_member(xlsx_bytes(), "xl/worksheets/sheet1.dat", _LAUGHS.encode())
    return _write(folder, "versteckt.xlsx", data)


def encrypted_ods(folder: Path) -> Path:
    """What LibreOffice writes with "Save with password": AES members, listed in the manifest."""
    ods = real_ods(folder).read_bytes()
    manifest = _member(ods, "META-INF/manifest.xml").decode()
    entry = 'manifest:full-path="content.xml"'
    encryption = (
        '><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
        '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc"'
        ' manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry>'
    )
    start = manifest.index(entry)
    end = manifest.index("/>", start)
    manifest = manifest[:end] + encryption + manifest[end + 2 :]
    ciphertext = random.Random(1).randbytes(4096)
    replace = {"META-INF/manifest.xml": manifest.encode(), "content.xml": ciphertext}
    return _write(folder, "geschuetzt.ods", _rewritten(ods, replace))


def billion_laughs_ods(folder: Path) -> Path:
    ods = real_ods(folder).read_bytes()
    content = _insert_after_declaration(_member(ods, "content.xml"), _LAUGHS)
    return _write(folder, "lachen.ods", _rewritten(ods, {"content.xml": content}))


# --------------------------------------------------------------------------- the path itself


def empty_file(folder: Path) -> Path:
    return _write(folder, "leer.xlsx", b"")


def folder(parent: Path) -> Path:
    path = Path(parent) / "ordner.xlsx"
    path.mkdir()
    return path


def missing(folder: Path) -> Path:
    return Path(folder) / "gibt_es_nicht.xlsx"


def pdf_file(folder: Path) -> Path:
    return _write(folder, "bericht.pdf", b"%PDF-1.4\n%%EOF\n")


def docx_file(folder: Path) -> Path:
    return _write(folder, "brief.docx", docx_as_xlsx(folder).read_bytes())


def png_file(folder: Path) -> Path:
    return _write(folder, "bild.png", png_as_xlsx(folder).read_bytes())


def no_extension(folder: Path) -> Path:
    return _write(folder, "partner", xlsx_bytes())


# --------------------------------------------------------------------------- the tables

Builder = Callable[[Path], Path]

#: case → (builder, error code that inspection must raise)
BAD_FILES: dict[str, tuple[Builder, str]] = {
    "missing": (missing, "file_not_found"),
    "folder": (folder, "not_a_file"),
    "empty_file": (empty_file, "empty_file"),
    "pdf_file": (pdf_file, "unsupported_format"),
    "docx_file": (docx_file, "unsupported_format"),
    "png_file": (png_file, "unsupported_format"),
    "no_extension": (no_extension, "unsupported_format"),
    "renamed_text": (renamed_text, "wrong_content"),
    "pdf_as_xlsx": (pdf_as_xlsx, "wrong_content"),
    "png_as_xlsx": (png_as_xlsx, "wrong_content"),
    "docx_as_xlsx": (docx_as_xlsx, "wrong_content"),
    "odt_as_ods": (odt_as_ods, "wrong_content"),
    "plain_zip_as_xlsx": (plain_zip_as_xlsx, "wrong_content"),
    "html_as_xls": (html_as_xls, "wrong_content"),
    "word97_as_xls": (word97_as_xls, "wrong_content"),
    "binary_as_csv": (binary_as_csv, "wrong_content"),
    "encrypted_xlsx": (encrypted_xlsx, "encrypted"),
    "encrypted_xls": (encrypted_xls, "encrypted"),
    "encrypted_ods": (encrypted_ods, "encrypted"),
    "zip_bomb": (zip_bomb, "zip_bomb"),
    "ratio_bomb": (ratio_bomb, "zip_bomb"),
    "lying_bomb": (lying_bomb, "zip_bomb"),
    "many_members": (many_members, "too_many_members"),
    "huge_directory": (huge_directory, "too_many_members"),
    "truncated_xlsx": (truncated_xlsx, "corrupt_archive"),
    "bad_crc_xlsx": (bad_crc_xlsx, "corrupt_archive"),
    "corrupt_deflate_xlsx": (corrupt_deflate_xlsx, "corrupt_archive"),
    "duplicate_member_xlsx": (duplicate_member_xlsx, "corrupt_archive"),
    "directory_claims_gigabytes_xlsx": (directory_claims_gigabytes_xlsx, "corrupt_archive"),
    "cut_at_stray_end_record_xlsx": (cut_at_stray_end_record_xlsx, "corrupt_archive"),
    "cut_after_embedded_workbook_xlsx": (cut_after_embedded_workbook_xlsx, "corrupt_archive"),
    "entry_count_off_xlsx": (entry_count_off_xlsx, "corrupt_archive"),
    "member_past_end_xlsx": (member_past_end_xlsx, "corrupt_archive"),
    "lying_sizes_xlsx": (lying_sizes_xlsx, "corrupt_archive"),
    "broken_ole_xls": (broken_ole_xls, "corrupt_archive"),
    "billion_laughs_xlsx": (billion_laughs_xlsx, "unsafe_xml"),
    "xxe_xlsx": (xxe_xlsx, "unsafe_xml"),
    "late_doctype_xlsx": (late_doctype_xlsx, "unsafe_xml"),
    "utf16_doctype_xlsx": (utf16_doctype_xlsx, "unsafe_xml"),
    "doctype_in_odd_member_xlsx": (doctype_in_odd_member_xlsx, "unsafe_xml"),
    "billion_laughs_ods": (billion_laughs_ods, "unsafe_xml"),
}

#: case → (builder, format that inspection must return)
GOOD_FILES: dict[str, tuple[Builder, str]] = {
    "real_xlsx": (real_xlsx, "xlsx"),
    "xlsx_renamed_xlsm": (xlsx_renamed_xlsm, "xlsx"),
    "xlsx_renamed_csv": (xlsx_renamed_csv, "xlsx"),
    "real_ods": (real_ods, "ods"),
    "ods_renamed_xlsx": (ods_renamed_xlsx, "ods"),
    "synthetic_xls": (synthetic_xls, "xls"),
    "utf8_csv": (utf8_csv, "csv"),
    "utf8_bom_csv": (utf8_bom_csv, "csv"),
    "cp1252_csv": (cp1252_csv, "csv"),
    "utf16_tsv": (utf16_tsv, "csv"),
    "svg_with_doctype_xlsx": (svg_with_doctype_xlsx, "xlsx"),
    "zip64_xlsx": (zip64_xlsx, "xlsx"),
}
