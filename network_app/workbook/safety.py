"""Vet a spreadsheet before any parser touches it: is it what its name says, and is it safe?

Parsers trust their input: calamine and openpyxl inflate whatever a zip archive holds and read
whatever XML they find. So every file goes through :func:`inspect_file` (or :func:`inspect_bytes`
for an upload held in memory) first. It reads a few headers and makes one streamed pass over a
zip archive, holding at most one 1 MB chunk at a time, and either names the format to parse the
file as (``"xlsx"``, ``"xls"``, ``"ods"`` or ``"csv"``, which stands for any text table) or raises
:class:`~network_app.errors.UnreadableFileError` with a stable code. The checks, in order:

1. **The path** (``file_not_found``, ``not_a_file``, ``empty_file``, ``too_large``): ``os.stat``
   comes before the first byte is read, so a 5 GB file, a folder or a FIFO is never opened.
2. **The name** (``unsupported_format``): the workbooks xlsx, xlsm, xls, ods and the text
   tables csv, tsv, txt and edgelist (NetworkX's edge lists: node pairs separated by spaces)
   only. A text name promises nothing a parser trusts: the text reader splits lines into
   cells and nothing more, so no other text format widens what reaches a parser.
3. **The content** (``wrong_content``): magic bytes decide, not the name. A workbook in a format
   we read is read as what it is even when renamed (an xlsx called ``.csv`` or ``.edgelist``
   is an xlsx, an old ``.xls`` called ``.xlsx`` is an xls). A name that promises a workbook but
   holds a PDF, a picture, a Word document or plain text is refused, saying what the file
   really is (a code in ``found``, e.g. ``"pdf"``, whose words are in the catalog section
   "problems.found"); so is a text name on a binary file (``"binary"``: NUL bytes in the
   first 64 KB, which no text but UTF-16 with its byte order mark has) or on a PDF, a
   picture or an archive.
4. **Encryption** (``encrypted``): a password-protected xlsx is not a zip archive at all but an
   OLE compound file holding the streams ``EncryptionInfo`` and ``EncryptedPackage``
   (MS-OFFCRYPTO). A protected legacy ``.xls`` is an ordinary OLE file whose ``Workbook`` stream
   has a FilePass record (type 0x002F) right after its BOF record (MS-XLS); a protected ODS is
   a zip whose manifest lists ``encryption-data``. The readers would only fail obscurely.
5. **Zip bombs** (``zip_bomb``): neither openpyxl nor calamine checks sizes. A 3 MB xlsx that
   inflated to 800 MB kept openpyxl busy past 60 s at 1.6 GB, and calamine took 19 s at 3.7 GB
   (both measured). Deflate reaches about 1000:1 on repeated bytes; the members of real workbooks
   stay below 20:1 (13:1 for a 20,000-row sheet), so 200:1 leaves room. The sizes declared in
   the central directory are checked first (total, ratio per large member, number of members).
   Declared sizes are written by whoever made the file, so every member is then inflated once
   in 1 MB chunks, counting real bytes up to the limit. zipfile on its own would stop at the
   declared size and trust it: we let it run to the real end of the deflate stream and refuse a
   member whose real size differs from the declared one.
6. **Damage** (``corrupt_archive``): truncated archives, CRC-32 mismatches, broken deflate data,
   duplicate member names, an OLE directory that points outside the file. A zip directory that
   does not fit the file is damage too, checked before the limits of 5 so that it is not taken
   for a bomb or a swarm of members: an end record whose directory does not end where the
   record begins or holds more entries than it has room for (a cut-off download's stray
   signature, a flipped byte), an entry count that differs from the entries there are, a member
   whose data would reach into the directory.
7. **Unsafe XML** (``unsafe_xml``): Office and LibreOffice never write ``<!DOCTYPE`` or
   ``<!ENTITY``; they are what entity-expansion ("billion laughs") and external-entity (XXE)
   attacks need. calamine does not use defusedxml, so the inflated stream of every member except
   pictures and embedded binaries is searched for them (also in UTF-16) before a parser runs.

Anything unexpected becomes ``unreadable`` with a detail code (catalog section
"problems.details"). Errors carry codes and plain numbers only; callers show
``error.text(lang)``, never a traceback.
"""

from __future__ import annotations

import copy
import errno
import io
import logging
import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from pathlib import Path, PureWindowsPath
from typing import BinaryIO

from ..errors import UnreadableFileError
from . import limits

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_RATIO",
    "DEFAULT_MAX_UNPACKED_BYTES",
    "MAX_MEMBERS",
    "TEXT_EXTENSIONS",
    "WORKBOOK_EXTENSIONS",
    "inspect_bytes",
    "inspect_file",
]

_log = logging.getLogger(__name__)

MB = limits.MB
DEFAULT_MAX_BYTES = limits.MAX_UPLOAD_MB * MB
DEFAULT_MAX_UNPACKED_BYTES = limits.MAX_UNPACKED_MB * MB
DEFAULT_MAX_RATIO = limits.MAX_RATIO
#: Small members are exempt from the ratio test: a few kilobytes of repeated tags may compress
#: very well and still cannot hurt anyone.
RATIO_MIN_MEMBER_BYTES = MB
MAX_MEMBERS = limits.MAX_MEMBERS
#: zipfile builds one object per central-directory entry before anyone can count them. Bounding
#: the directory's size bounds that memory; Office and LibreOffice write about 70 bytes an entry.
MAX_CENTRAL_DIRECTORY_BYTES = MAX_MEMBERS * 400
CHUNK_BYTES = MB
#: Enough to tell the formats apart and to judge whether a CSV is text.
HEAD_BYTES = 64 * 1024

WORKBOOK_EXTENSIONS = frozenset({"xlsx", "xlsm", "xls", "ods"})
TEXT_EXTENSIONS = frozenset({"csv", "tsv", "txt", "edgelist"})

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header; an empty archive
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"

#: Magic bytes of other files → what the file is (a code of the catalog's "problems.found").
_FOREIGN_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "picture"),
    (b"\xff\xd8\xff", "picture"),
    (b"GIF87a", "picture"),
    (b"GIF89a", "picture"),
    (b"II*\x00", "picture"),
    (b"MM\x00*", "picture"),
    (b"Rar!\x1a\x07", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x1f\x8b", "gzip"),
    (b"{\\rtf", "rtf"),
)
#: Checked in order: the first folder found in the archive names the kind of document.
_OOXML_KINDS: tuple[tuple[str, str], ...] = (
    ("xl/workbook.bin", "xlsb"),
    ("word/", "word"),
    ("ppt/", "powerpoint"),
    ("visio/", "visio"),
)
_OPENDOCUMENT_KINDS = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/vnd.oasis.opendocument.graphics": "odg",
    "application/vnd.oasis.opendocument.spreadsheet-template": "ots",
}
#: Pictures, fonts and embedded objects are never read as XML by the spreadsheet readers, and
#: an SVG picture may legitimately carry a DOCTYPE: they are inflated and counted, not searched.
_NOT_PARSED_EXTENSIONS = frozenset(
    "png jpg jpeg jpe gif bmp tif tiff emf wmf emz wmz svg ico webp wdp jxr "
    "bin odttf ttf otf mp3 mp4 wav avi pdf".split()
)
_UNSAFE_UTF8 = (b"<!doctype", b"<!entity")
_UNSAFE_UTF16 = tuple(
    word.decode("ascii").encode(encoding)
    for word in _UNSAFE_UTF8
    for encoding in ("utf-16-le", "utf-16-be")
)
_Search = tuple[bytes, tuple[bytes, ...]]  # (what every pattern starts with, the patterns)
#: What every pattern starts with, in each encoding: rare in real XML and quick to search for.
_UTF8_SEARCH: _Search = (b"<!", _UNSAFE_UTF8)
_UTF16_SEARCH: _Search = (b"<\x00!", _UNSAFE_UTF16)  # also inside big-endian "\x00<\x00!"
#: Bytes kept from one chunk to the next, so a pattern split across two chunks is still seen.
_OVERLAP = max(map(len, _UNSAFE_UTF16)) - 1


@dataclass(frozen=True)
class _Limits:
    max_bytes: int
    max_unpacked_bytes: int
    max_ratio: float


# --------------------------------------------------------------------------- public functions


def inspect_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES,
    max_ratio: float = DEFAULT_MAX_RATIO,
) -> str:
    """Return the format to parse the file as: "xlsx", "xls", "ods" or "csv" (a text table).

    Raise :class:`UnreadableFileError` otherwise; never anything else.
    """
    limits = _Limits(max_bytes, max_unpacked_bytes, max_ratio)
    shown = os.fsdecode(path)
    return _guarded(lambda: _inspect_path(Path(shown), shown, limits), shown)


def inspect_bytes(
    data: bytes,
    filename: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES,
    max_ratio: float = DEFAULT_MAX_RATIO,
) -> str:
    """The checks of :func:`inspect_file` for an upload held in memory, named ``filename``."""
    limits = _Limits(max_bytes, max_unpacked_bytes, max_ratio)
    return _guarded(lambda: _inspect_upload(data, filename, limits), filename)


# --------------------------------------------------------------------------- the frame


def _guarded(check: Callable[[], str], shown: str) -> str:
    """Run ``check``; whatever goes wrong leaves as an UnreadableFileError with a code."""
    try:
        return check()
    except UnreadableFileError:
        raise
    except (zipfile.BadZipFile, EOFError, zlib.error, struct.error) as exc:
        raise UnreadableFileError("corrupt_archive") from exc
    except Exception as exc:
        # For developers only, at debug level: logging's last-resort handler would print a
        # warning with its traceback to a user's terminal.
        _log.debug("unexpected error while inspecting %r", shown, exc_info=True)
        raise UnreadableFileError("unreadable", **_detail(exc)) from exc


def _detail(exc: Exception) -> dict[str, object]:
    """The ``detail`` code (catalog section "problems.details") and its parameters."""
    if isinstance(exc, PermissionError):
        return {"detail": "no_permission"}
    if isinstance(exc, OSError):
        return {"detail": "read_error_number", "errno": exc.errno} if exc.errno else \
            {"detail": "read_error"}
    if isinstance(exc, MemoryError):
        return {"detail": "out_of_memory"}
    return {"detail": "unexpected"}


def _inspect_path(path: Path, shown: str, limits: _Limits) -> str:
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise UnreadableFileError("file_not_found", path=shown) from exc
    # A FIFO or device would block or never end: only regular files are read.
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFileError("not_a_file", path=shown)
    _check_size(info.st_size, shown, limits)
    extension = _extension(path.name)
    with open(path, "rb") as fh:
        # The file may have changed since stat; the open handle's size is what gets read.
        size = os.fstat(fh.fileno()).st_size
        _check_size(size, shown, limits)
        return _inspect_content(fh, size, extension, limits)


def _inspect_upload(data: bytes, filename: str, limits: _Limits) -> str:
    _check_size(len(data), filename, limits)
    extension = _extension(filename)
    return _inspect_content(io.BytesIO(data), len(data), extension, limits)


def _check_size(size: int, shown: str, limits: _Limits) -> None:
    if size == 0:
        raise UnreadableFileError("empty_file", path=shown)
    if size > limits.max_bytes:
        size_mb, limit_mb = _megabyte_pair(size, limits.max_bytes)
        raise UnreadableFileError("too_large", size_mb=size_mb, limit_mb=limit_mb)


def _extension(name: str) -> str:
    # PureWindowsPath splits on both separators: browsers may send "C:\\...\\Partner.xlsx".
    extension = PureWindowsPath(name).suffix[1:].lower()
    if extension in WORKBOOK_EXTENSIONS or extension in TEXT_EXTENSIONS:
        return extension
    raise UnreadableFileError("unsupported_format", extension=extension)


def _inspect_content(fh: BinaryIO, size: int, extension: str, limits: _Limits) -> str:
    head = fh.read(HEAD_BYTES)
    if head.startswith(_ZIP_MAGIC):
        return _inspect_zip(fh, size, extension, limits)
    if head.startswith(_OLE_MAGIC):
        return _inspect_ole(fh, size, extension)
    for magic, found in _FOREIGN_MAGIC:
        if head.startswith(magic):
            raise _wrong_content(extension, found)
    if extension in TEXT_EXTENSIONS:
        if _is_text(head):
            return "csv"
        raise _wrong_content(extension, "binary")
    if _is_text(head):
        raise _wrong_content(extension, _describe_text(head))
    raise _wrong_content(extension, "unknown")


def _wrong_content(extension: str, found: str) -> UnreadableFileError:
    """``found`` is a code of the catalog section "problems.found"."""
    return UnreadableFileError("wrong_content", extension=extension, found=found)


# --------------------------------------------------------------------------- text


def _is_text(head: bytes) -> bool:
    # UTF-16 is full of NUL bytes and still text; any other text has none.
    return head.startswith(_UTF16_BOMS) or b"\x00" not in head


def _describe_text(head: bytes) -> str:
    """The kind of text file that was saved under a workbook's name (a "found" code)."""
    encoding = "utf-16" if head.startswith(_UTF16_BOMS) else "utf-8"
    sample = head.decode(encoding, "replace").lstrip("\ufeff \t\r\n").lower()
    # Web applications often hand out an HTML table named .xls.
    if sample.startswith(("<!doctype html", "<html")) or "<table" in sample[:4096]:
        return "html"
    if sample.startswith("<?xml"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in sample:
            return "xml_2003"
        return "xml"
    return "text"


# --------------------------------------------------------------------------- zip archives


def _inspect_zip(fh: BinaryIO, size: int, extension: str, limits: _Limits) -> str:
    end = _check_central_directory(fh, size)
    try:
        with zipfile.ZipFile(fh) as archive:
            members = archive.infolist()
            _check_directory_entries(members, end.entries, archive.start_dir)
            _check_declared_sizes(members, size, limits)
            _check_entries(members)
            fmt = _zip_format(archive, extension)
            _inflate_all(archive, members, size, limits)
            return fmt
    except (zipfile.BadZipFile, EOFError, zlib.error, struct.error, ValueError) as exc:
        # Offsets from a damaged directory end in negative seeks (ValueError, EINVAL).
        raise UnreadableFileError("corrupt_archive") from exc
    except OSError as exc:
        if exc.errno == errno.EINVAL:
            raise UnreadableFileError("corrupt_archive") from exc
        raise
    except NotImplementedError as exc:
        raise UnreadableFileError("unreadable", detail="zip_variant") from exc


@dataclass(frozen=True)
class _EndRecord:
    """What the end record (or its zip64 twin) says about the central directory."""

    entries: int
    directory_size: int
    directory_offset: int
    #: Where the directory must end: at the end record, or at the zip64 record before it.
    directory_end: int


_END = struct.Struct("<4s4H2LH")
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")
#: The fixed part of a central-directory entry and of a local header (APPNOTE 4.3.12, 4.3.7).
_CENTRAL_ENTRY_BYTES = 46
_LOCAL_HEADER_BYTES = 30


def _check_central_directory(fh: BinaryIO, size: int) -> _EndRecord:
    """Damage first, then size: a directory the file cannot hold is damaged, however big.

    A download cut off mid-file has no end record, or the end record's signature by chance in
    the data before the cut, which zipfile takes for one: its fields are noise and often claim
    gigabytes. So does a flipped byte in a real end record. Only a directory that fits where
    the end record says it lies can have too many members.
    """
    end = _end_record(fh, size)
    if end is None:
        # No end record: cut off (an interrupted download) or not a zip archive after all.
        raise UnreadableFileError("corrupt_archive")
    # zipfile finds the directory by counting its size back from the end record and takes the
    # difference to the recorded offset for bytes put in front of the archive (a self-extracting
    # program). Fewer than none is damage; more is never a workbook: Office and LibreOffice
    # write none, and a download cut off right after a workbook embedded uncompressed would be
    # read as that workbook.
    if end.directory_offset + end.directory_size != end.directory_end:
        raise UnreadableFileError("corrupt_archive")
    if end.entries * _CENTRAL_ENTRY_BYTES > end.directory_size:
        raise UnreadableFileError("corrupt_archive")  # more entries than the directory holds
    if end.directory_size > MAX_CENTRAL_DIRECTORY_BYTES:
        # More members than any workbook has; their sizes stay unknown on purpose.
        raise UnreadableFileError("too_many_members", limit=MAX_MEMBERS)
    return end


def _end_record(fh: BinaryIO, size: int) -> _EndRecord | None:
    """The end record zipfile will read; found the way zipfile finds it, so both agree."""
    tail_size = min(size, _END.size + (1 << 16))
    fh.seek(size - tail_size)
    tail = fh.read(tail_size)
    pos = len(tail) - _END.size
    if not (pos >= 0 and tail.startswith(b"PK\x05\x06", pos) and tail.endswith(b"\x00\x00")):
        pos = tail.rfind(b"PK\x05\x06")
        if pos < 0 or pos + _END.size > len(tail):
            return None
    fields = _END.unpack_from(tail, pos)
    end_offset = size - len(tail) + pos
    end = _EndRecord(entries=fields[4], directory_size=fields[5], directory_offset=fields[6],
                     directory_end=end_offset)
    if end_offset >= _END64_LOCATOR.size + _END64.size:
        fh.seek(end_offset - _END64_LOCATOR.size)
        if fh.read(4) == b"PK\x06\x07":
            fh.seek(end_offset - _END64_LOCATOR.size - _END64.size)
            record = fh.read(_END64.size)
            if len(record) == _END64.size and record.startswith(b"PK\x06\x06"):
                fields = _END64.unpack(record)
                end = _EndRecord(entries=fields[7], directory_size=fields[8],
                                 directory_offset=fields[9],
                                 directory_end=end_offset - _END64_LOCATOR.size - _END64.size)
    return end


def _check_directory_entries(
    members: list[zipfile.ZipInfo], entries: int, directory_start: int
) -> None:
    """The directory agrees with its end record and with the file: else it is damaged."""
    if len(members) > MAX_MEMBERS:
        raise UnreadableFileError("too_many_members", limit=MAX_MEMBERS)
    # zipfile reads as many entries as the directory's size holds, other readers (calamine's
    # zip crate) as many as the end record counts: both must see the same members.
    if len(members) != entries:
        raise UnreadableFileError("corrupt_archive")
    for member in members:
        # Each member's header and data lie in front of the directory. Sizes pointing past it
        # are damage (a cut-off or patched file), not a zip bomb: the data is not there.
        if member.header_offset + _LOCAL_HEADER_BYTES + member.compress_size > directory_start:
            raise UnreadableFileError("corrupt_archive")


def _zip_bomb(unpacked: int, ratio: float) -> UnreadableFileError:
    # Whole megabytes and a whole ratio: the message shows them in the reader's number format.
    return UnreadableFileError("zip_bomb", unpacked_mb=round(unpacked / MB), ratio=round(ratio))


def _check_declared_sizes(
    members: list[zipfile.ZipInfo], archive_size: int, limits: _Limits
) -> None:
    total = sum(member.file_size for member in members)
    if total > limits.max_unpacked_bytes:
        raise _zip_bomb(total, total / archive_size)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_MIN_MEMBER_BYTES and ratio > limits.max_ratio:
            raise _zip_bomb(total, ratio)


def _check_entries(members: list[zipfile.ZipInfo]) -> None:
    names = [member.filename for member in members]
    # Two members of one name: zipfile reads the last, other readers may read the first.
    if len(set(names)) != len(names):
        raise UnreadableFileError("corrupt_archive")
    for member in members:
        # Zip-level passwords are not how Office protects workbooks, but refuse them kindly.
        if member.flag_bits & 0x1:
            raise UnreadableFileError("encrypted")
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnreadableFileError("unreadable", detail="compression")


def _zip_format(archive: zipfile.ZipFile, extension: str) -> str:
    names = set(archive.namelist())
    if "mimetype" in names:
        with archive.open("mimetype") as stream:
            mimetype = stream.read(200).decode("ascii", "replace").strip()
        if mimetype == _ODS_MIMETYPE:
            if _opendocument_encrypted(archive, names):
                raise UnreadableFileError("encrypted")
            return "ods"
        found = _OPENDOCUMENT_KINDS.get(mimetype, "opendocument")
        raise _wrong_content(extension, found)
    if "[Content_Types].xml" in names:
        if "xl/workbook.xml" in names:
            return "xlsx"
        for prefix, found in _OOXML_KINDS:
            if any(name.startswith(prefix) for name in names):
                raise _wrong_content(extension, found)
        if any(name.startswith("xl/") for name in names):
            raise UnreadableFileError("corrupt_archive")  # a workbook that lost its main part
        raise _wrong_content(extension, "office")
    raise _wrong_content(extension, "zip")


def _opendocument_encrypted(archive: zipfile.ZipFile, names: set[str]) -> bool:
    # A password-protected ODS stays a zip archive: its members are AES-encrypted and the
    # manifest lists a <manifest:encryption-data> for each (the ODF package format).
    if "META-INF/manifest.xml" not in names:
        return False
    with archive.open("META-INF/manifest.xml") as stream:
        return b"encryption-data" in stream.read(CHUNK_BYTES)


def _inflate_all(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], archive_size: int, limits: _Limits
) -> None:
    total = 0
    for member in members:
        if not member.is_dir():
            total = _inflate(archive, member, total, archive_size, limits)


def _inflate(
    archive: zipfile.ZipFile,
    member: zipfile.ZipInfo,
    total: int,
    archive_size: int,
    limits: _Limits,
) -> int:
    """Inflate one member in chunks; return the running total of real bytes."""
    # zipfile stops at the declared size and checks the CRC there, so a lying size would hide
    # the rest of the stream. Declaring more than the limit lets it run to the stream's real
    # end; the CRC is then checked over everything that a parser would see.
    probe = copy.copy(member)
    probe.file_size = limits.max_unpacked_bytes + 1
    searched = _is_parsed(member.filename)
    real = 0
    tail = b""
    search = _UTF8_SEARCH
    with archive.open(probe) as stream:
        while chunk := stream.read(CHUNK_BYTES):
            if searched and real == 0:
                search = _xml_search(chunk)
            real += len(chunk)
            if total + real > limits.max_unpacked_bytes:
                raise _zip_bomb(total + real, (total + real) / archive_size)
            if searched:
                tail = _search_xml(tail, chunk, search)
    if real != member.file_size:
        raise UnreadableFileError("corrupt_archive")
    return total + real


def _is_parsed(member_name: str) -> bool:
    base = member_name.rsplit("/", 1)[-1]
    extension = base.rsplit(".", 1)[-1].lower() if "." in base else ""
    return extension not in _NOT_PARSED_EXTENSIONS


def _xml_search(first_chunk: bytes) -> _Search:
    # An XML parser picks one encoding from the first bytes: a byte order mark, or NUL bytes
    # around the first "<" for UTF-16 without one. Search in that encoding.
    if first_chunk.startswith(_UTF16_BOMS) or b"\x00" in first_chunk[:4]:
        return _UTF16_SEARCH
    return _UTF8_SEARCH


def _search_xml(tail: bytes, chunk: bytes, search: _Search) -> bytes:
    """Refuse DOCTYPE and ENTITY declarations; return the bytes to carry to the next chunk."""
    marker, patterns = search
    for window in (tail + chunk[:_OVERLAP], chunk):
        # memchr for "<" first: a megabyte of zeros is passed over at memory speed.
        if b"<" in window and _contains(window, marker):
            lowered = window.lower()
            if any(pattern in lowered for pattern in patterns):
                raise UnreadableFileError("unsafe_xml")
    return chunk[-_OVERLAP:]


#: How many of a marker's last byte :func:`_contains` looks at before it searches plainly.
_FEW_LAST = 1000


def _contains(window: bytes, marker: bytes) -> bool:
    r"""``marker in window``, found from the marker's last byte ("!", rare in XML) by memchr:
    searching for "<!" itself looks at every byte in turn, and "<" is everywhere in XML (11 ms
    for the 5.3 MB of a 5,000-partner workbook's relations). After :data:`_FEW_LAST` of those
    bytes (a text full of "!") the plain search takes over.

    >>> _contains(b"<a>Hallo!</a>", b"<!"), _contains(b"<!DOCTYPE", b"<!")
    (False, True)
    >>> _contains(b"!<", b"<!"), _contains(b"<\x00!\x00", b"<\x00!")
    (False, True)
    """
    before = len(marker) - 1
    last, start = marker[before:], marker[:before]
    at = window.find(last, before)
    for _ in range(_FEW_LAST):
        if at < 0:
            return False
        if window[at - before:at] == start:
            return True
        at = window.find(last, at + 1)
    return marker in window


# --------------------------------------------------------------------------- OLE compound files

_OLE_HEADER = struct.Struct("<8s16s5H6s9L109L")
_END_OF_CHAIN = 0xFFFFFFFE
_BOF_RECORDS = frozenset({0x0809, 0x0409, 0x0209, 0x0009})
_FILEPASS_RECORD = 0x002F
#: FilePass follows BOF directly; a few records of slack cost nothing.
_FILEPASS_SEARCH_RECORDS = 8


def _inspect_ole(fh: BinaryIO, size: int, extension: str) -> str:
    compound = _CompoundFile(fh, size)
    streams = compound.directory()
    if "encryptioninfo" in streams or "encryptedpackage" in streams:
        raise UnreadableFileError("encrypted")
    book = streams.get("workbook") or streams.get("book")
    if book is not None:
        if compound.has_filepass(*book):
            raise UnreadableFileError("encrypted")
        return "xls"
    if "worddocument" in streams:
        raise _wrong_content(extension, "word")
    if "powerpoint document" in streams:
        raise _wrong_content(extension, "powerpoint")
    raise _wrong_content(extension, "ole")


class _CompoundFile:
    """Just enough of MS-CFB to list the directory and peek at the start of one stream."""

    def __init__(self, fh: BinaryIO, size: int) -> None:
        self._fh = fh
        fh.seek(0)
        header = fh.read(_OLE_HEADER.size)
        if len(header) < _OLE_HEADER.size:
            raise UnreadableFileError("corrupt_archive")
        fields = _OLE_HEADER.unpack(header)
        major_version, sector_shift = fields[3], fields[5]
        if sector_shift not in (9, 12):
            raise UnreadableFileError("corrupt_archive")
        self._sector_size = 1 << sector_shift
        # Sector n starts at (n + 1) * sector size: the header occupies one sector's place.
        self._sector_count = max(0, -(-size // self._sector_size) - 1)
        # Version 3 files may leave garbage in the high half of a stream size.
        self._size_mask = 0xFFFFFFFF if major_version == 3 else (1 << 64) - 1
        (_, _, self._first_directory, _, self._mini_cutoff, _, _, first_difat, difat_count) = (
            fields[8:17]
        )
        self._fat_sectors = self._read_difat(list(fields[17:]), first_difat, difat_count)

    def _read_sector(self, sector: int) -> bytes:
        if sector >= self._sector_count:
            raise UnreadableFileError("corrupt_archive")
        self._fh.seek((sector + 1) * self._sector_size)
        return self._fh.read(self._sector_size)

    def _read_difat(self, fat_sectors: list[int], sector: int, count: int) -> list[int]:
        # Files above ~7 MB list further FAT sectors in a chain of DIFAT sectors.
        for _ in range(min(count, self._sector_count)):
            if sector >= self._sector_count:
                break
            data = self._read_sector(sector)
            entries = struct.unpack(f"<{len(data) // 4}L", data[: len(data) // 4 * 4])
            if not entries:
                break
            fat_sectors.extend(entries[:-1])
            sector = entries[-1]
        return fat_sectors

    def _next_sector(self, sector: int) -> int:
        per_sector = self._sector_size // 4
        index, slot = divmod(sector, per_sector)
        if index >= len(self._fat_sectors):
            raise UnreadableFileError("corrupt_archive")
        entry = self._read_sector(self._fat_sectors[index])[slot * 4 : slot * 4 + 4]
        if len(entry) < 4:
            raise UnreadableFileError("corrupt_archive")
        return int.from_bytes(entry, "little")

    def directory(self) -> dict[str, tuple[int, int]]:
        """Entry name (case-folded, as CFB compares names) → (start sector, stream size)."""
        entries: dict[str, tuple[int, int]] = {}
        sector = self._first_directory
        visited = 0
        while sector != _END_OF_CHAIN:
            visited += 1
            # A chain longer than the file has sectors runs in a circle.
            if visited > self._sector_count or len(entries) > MAX_MEMBERS:
                raise UnreadableFileError("corrupt_archive")
            data = self._read_sector(sector)
            for offset in range(0, len(data) - 127, 128):
                self._add_entry(entries, data[offset : offset + 128])
            sector = self._next_sector(sector)
        return entries

    def _add_entry(self, entries: dict[str, tuple[int, int]], raw: bytes) -> None:
        name_length = int.from_bytes(raw[64:66], "little")
        if raw[66] not in (1, 2, 5) or not 2 <= name_length <= 64:
            return  # unused slot
        name = raw[: name_length - 2].decode("utf-16-le", "replace").casefold()
        start, stream_size = struct.unpack_from("<LQ", raw, 116)
        entries.setdefault(name, (start, stream_size & self._size_mask))

    def has_filepass(self, start: int, stream_size: int) -> bool:
        """Whether a Workbook stream starts with BOF followed by FilePass (a protected .xls)."""
        if stream_size < self._mini_cutoff:
            return False  # kept in the mini stream; too rare to parse here, the reader will tell
        data = self._read_sector(start)[:stream_size]
        pos = 0
        for _ in range(_FILEPASS_SEARCH_RECORDS):
            if pos + 4 > len(data):
                break
            record, length = struct.unpack_from("<HH", data, pos)
            if record == _FILEPASS_RECORD:
                return True
            if pos == 0 and record not in _BOF_RECORDS:
                return False
            pos += 4 + length
        return False


# --------------------------------------------------------------------------- numbers


def _megabyte_pair(size: int, limit: int) -> tuple[Decimal, Decimal]:
    """Both sizes in MB, with as few decimals (up to three) as show that they differ.

    Decimals keep their trailing zeros ("0,00 MB", not "0 MB"); the message shows them in the
    reader's number format (:mod:`network_app.text.messages`).

    >>> _megabyte_pair(60 * MB, 50 * MB)
    (Decimal('60'), Decimal('50'))
    >>> _megabyte_pair(12_000, 1_000)
    (Decimal('0.01'), Decimal('0.00'))

    A size just over the limit is rounded up and the limit down, so they never read the same:

    >>> _megabyte_pair(50 * MB + 1, 50 * MB)
    (Decimal('50.001'), Decimal('50.000'))
    """
    for decimals in range(4):
        step = Decimal(1).scaleb(-decimals)
        shown = (Decimal(size) / MB).quantize(step), (Decimal(limit) / MB).quantize(step)
        if shown[0] != shown[1]:
            return shown
    return ((Decimal(size) / MB).quantize(step, rounding=ROUND_CEILING),
            (Decimal(limit) / MB).quantize(step, rounding=ROUND_FLOOR))
