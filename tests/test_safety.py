"""network_app.workbook.safety: every bad file is refused quickly, with the right code and German
text.

The corpus comes from ``badfiles``; the tests assert codes, not prose, except that the prose is
German, complete and free of Python internals.
"""

from __future__ import annotations

import os
import re
import shutil
import string
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from network_app.errors import UnreadableFileError
from network_app.text import words
from network_app.text.messages import MESSAGES
from network_app.workbook import safety

try:  # tests/ may become a package one day
    from tests import badfiles
except ImportError:
    import badfiles

#: Generous: a parser busy with a bomb takes 20 s to a minute; inspection takes milliseconds.
SECONDS = 10
MEMORY_MB = 300
#: Cases that are a path, not a file's bytes.
PATH_ONLY = {"missing", "folder"}


def _timed(inspect: Callable[[], str]) -> tuple[str | UnreadableFileError, float]:
    start = time.perf_counter()
    try:
        result: str | UnreadableFileError = inspect()
    except UnreadableFileError as error:
        result = error
    return result, time.perf_counter() - start


_PYTHON_WORDS = re.compile(
    r"Traceback|Error\b|Exception|BadZipFile|zlib|struct\.|errno|File \"|line \d|\bNone\b"
)


def assert_german_message(error: UnreadableFileError) -> None:
    """One complete German sentence or two, with nothing from Python's insides."""
    message = error.message
    assert message == error.text("de") == str(error)
    assert not _PYTHON_WORDS.search(message), message
    assert re.search(r"\b(Datei|Arbeitsmappe|Dateiformat)\b", message), message
    template = MESSAGES[error.code]["de"]
    placeholders = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    assert placeholders <= set(error.params), f"{error.code} lacks {placeholders}"


# --------------------------------------------------------------------------- bad files


@pytest.mark.parametrize("case", sorted(badfiles.BAD_FILES))
def test_bad_file_is_refused(case: str, corpus: Callable[[str], Path]) -> None:
    path = corpus(case)
    result, elapsed = _timed(lambda: safety.inspect_file(path))
    assert isinstance(result, UnreadableFileError), f"{case} was accepted as {result!r}"
    assert result.code == badfiles.BAD_FILES[case][1]
    assert elapsed < SECONDS
    assert_german_message(result)


@pytest.mark.parametrize("case", sorted(set(badfiles.BAD_FILES) - PATH_ONLY))
def test_bad_upload_is_refused(case: str, corpus: Callable[[str], Path]) -> None:
    path = corpus(case)
    data = path.read_bytes()
    result, elapsed = _timed(lambda: safety.inspect_bytes(data, path.name))
    assert isinstance(result, UnreadableFileError), f"{case} was accepted as {result!r}"
    assert result.code == badfiles.BAD_FILES[case][1]
    assert elapsed < SECONDS
    assert_german_message(result)


def test_wrong_content_says_what_the_file_is(corpus: Callable[[str], Path]) -> None:
    found = {}
    for case in ("pdf_as_xlsx", "png_as_xlsx", "docx_as_xlsx", "renamed_text", "html_as_xls"):
        with pytest.raises(UnreadableFileError) as caught:
            safety.inspect_file(corpus(case))
        found[case] = caught.value.params["found"]
    assert found == {
        "pdf_as_xlsx": "pdf",
        "png_as_xlsx": "picture",
        "docx_as_xlsx": "word",
        "renamed_text": "text",
        "html_as_xls": "html",
    }
    with pytest.raises(UnreadableFileError) as caught:
        safety.inspect_file(corpus("pdf_as_xlsx"))
    assert "ist aber ein PDF-Dokument" in caught.value.text("de")
    assert "but is a PDF document" in caught.value.text("en")


def test_every_found_code_has_words() -> None:
    """Each kind of file safety can name has words in the catalog (both languages: test_text)."""
    codes = {found for _magic, found in safety._FOREIGN_MAGIC}  # noqa: SLF001
    codes |= {found for _prefix, found in safety._OOXML_KINDS}  # noqa: SLF001
    codes |= set(safety._OPENDOCUMENT_KINDS.values())  # noqa: SLF001
    codes |= {"opendocument", "office", "zip", "ole", "binary", "html", "xml_2003", "xml",
              "text", "unknown"}
    assert codes <= set(words("problems.found", "de"))


def test_too_large_is_refused_before_reading(corpus: Callable[[str], Path]) -> None:
    path = corpus("real_xlsx")
    for inspect in (
        lambda: safety.inspect_file(path, max_bytes=1000),
        lambda: safety.inspect_bytes(path.read_bytes(), path.name, max_bytes=1000),
    ):
        with pytest.raises(UnreadableFileError) as caught:
            inspect()
        assert caught.value.code == "too_large"
        assert caught.value.params["size_mb"] != caught.value.params["limit_mb"]
        assert_german_message(caught.value)


def test_too_large_by_default(tmp_path: Path) -> None:
    """A sparse 60 MB file: refused by its size alone, so it costs no disk and no reading."""
    path = tmp_path / "riesig.xlsx"
    with open(path, "wb") as fh:
        fh.truncate(60 * 1024 * 1024)
    with pytest.raises(UnreadableFileError) as caught:
        safety.inspect_file(path)
    assert caught.value.code == "too_large"
    assert caught.value.params == {"size_mb": 60, "limit_mb": 50}
    assert "Die Datei ist 60 MB groß; erlaubt sind höchstens 50 MB." in caught.value.text("de")


def test_sizes_are_shown_in_the_readers_number_format(corpus: Callable[[str], Path]) -> None:
    path = corpus("real_xlsx")
    limit = 1_288  # bytes: 0.0012 MB, so the sizes need three decimals to differ
    with pytest.raises(UnreadableFileError) as caught:
        safety.inspect_file(path, max_bytes=limit)
    size_mb, limit_mb = caught.value.params["size_mb"], caught.value.params["limit_mb"]
    assert str(limit_mb) == "0.001" and size_mb > limit_mb
    german, english = caught.value.text("de"), caught.value.text("en")
    assert "höchstens 0,001 MB" in german and str(size_mb).replace(".", ",") + " MB" in german
    assert "at most 0.001 MB" in english and f"{size_mb} MB" in english


def test_sizes_keep_the_decimals_that_tell_them_apart(corpus: Callable[[str], Path]) -> None:
    """12 KB against a 1 KB limit: "0,01" against "0,00", not against "0"."""
    path = corpus("real_xlsx")
    with pytest.raises(UnreadableFileError) as caught:
        safety.inspect_bytes(path.read_bytes() * 3, "partner.xlsx", max_bytes=1024)
    assert caught.value.params["limit_mb"] == 0
    assert "höchstens 0,00 MB" in caught.value.text("de")
    assert "at most 0.00 MB" in caught.value.text("en")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_fifo_is_not_opened(tmp_path: Path) -> None:
    """Opening a FIFO would block forever; only regular files are read."""
    path = tmp_path / "rohr.csv"
    os.mkfifo(path)
    with pytest.raises(UnreadableFileError) as caught:
        safety.inspect_file(path)
    assert caught.value.code == "not_a_file"


# --------------------------------------------------------------------------- zip bombs


def _python_path(root: Path) -> str:
    return os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))


_MEASURE = """
import re, resource, sys, time, tracemalloc
from network_app.workbook import safety
from network_app.errors import UnreadableFileError

def status(field):
    with open("/proc/self/status") as fh:
        return int(re.search(field + r":\\s+(\\d+) kB", fh.read()).group(1))

try:  # Linux lets a process reset its peak RSS (VmHWM) to the current RSS
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    before = status("VmRSS")
    peak_rss = lambda: status("VmHWM")
except OSError:  # elsewhere: peak since start, which includes the imports
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
start = time.perf_counter()
try:
    code = safety.inspect_file(sys.argv[1])
except UnreadableFileError as error:
    code = error.code
elapsed = time.perf_counter() - start
traced = tracemalloc.get_traced_memory()[1]
print(code, elapsed, traced, (peak_rss() - before) * 1024)
"""


@pytest.mark.parametrize("case", ["zip_bomb", "lying_bomb"])
def test_zip_bomb_costs_little_time_and_memory(case: str, corpus: Callable[[str], Path]) -> None:
    """Measured in a fresh process, whose peak RSS is not already that of other tests."""
    path = corpus(case)
    assert path.stat().st_size < 2 * 1024 * 1024  # a small file that inflates to 600 MB
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": _python_path(root)}
    run = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)],
        cwd=root, env=env, check=True, capture_output=True, text=True, timeout=120,
    )
    code, elapsed, traced_peak, rss_growth = run.stdout.split()
    assert code == "zip_bomb"
    assert float(elapsed) < SECONDS
    assert int(traced_peak) < MEMORY_MB * 2**20
    assert int(rss_growth) < MEMORY_MB * 2**20
    print(f"{case}: {float(elapsed):.2f} s, traced peak {int(traced_peak) / 2**20:.1f} MB, "
          f"peak RSS growth {int(rss_growth) / 2**20:.1f} MB")


def test_limits_are_configurable(corpus: Callable[[str], Path]) -> None:
    bomb = corpus("ratio_bomb")  # 50 MB of zeros, ratio about 1000:1
    assert safety.inspect_file(bomb, max_ratio=2000) == "xlsx"
    with pytest.raises(UnreadableFileError) as caught:
        safety.inspect_file(bomb, max_ratio=2000, max_unpacked_bytes=10 * 1024 * 1024)
    assert caught.value.code == "zip_bomb"
    with pytest.raises(UnreadableFileError) as caught:
        safety.inspect_file(corpus("real_xlsx"), max_unpacked_bytes=1000)
    assert caught.value.code == "zip_bomb"


# --------------------------------------------------------------------------- damaged archives


@pytest.mark.parametrize("more", [1, 5 * 2**20, 2**32])
def test_a_directory_the_file_cannot_hold_is_damage(more: int, corpus: Callable[[str], Path]
                                                    ) -> None:
    """However big a damaged end record claims the directory is, the file is damaged: not a
    bomb, not too many parts (which only a directory that fits can have)."""
    data = bytearray(corpus("real_xlsx").read_bytes())
    end = data.rindex(b"PK\x05\x06")
    size = struct.unpack_from("<L", data, end + 12)[0]
    struct.pack_into("<L", data, end + 12, min(size + more, 2**32 - 1))
    with pytest.raises(UnreadableFileError) as caught:
        safety.inspect_bytes(bytes(data), "partner.xlsx")
    assert caught.value.code == "corrupt_archive"


def test_too_many_members_needs_a_directory_that_fits(corpus: Callable[[str], Path]) -> None:
    """The 10,001 members of many_members are too many; the same file cut before its end
    record is an interrupted download, whose members nobody can count."""
    data = corpus("many_members").read_bytes()
    with pytest.raises(UnreadableFileError) as caught:
        safety.inspect_bytes(data, "viele_teile.xlsx")
    assert caught.value.code == "too_many_members"
    with pytest.raises(UnreadableFileError) as caught:
        safety.inspect_bytes(data[:-10], "viele_teile.xlsx")
    assert caught.value.code == "corrupt_archive"


# --------------------------------------------------------------------------- good files


@pytest.mark.parametrize("case", sorted(badfiles.GOOD_FILES))
def test_good_file_is_accepted(case: str, corpus: Callable[[str], Path]) -> None:
    path = corpus(case)
    expected = badfiles.GOOD_FILES[case][1]
    assert safety.inspect_file(path) == expected
    assert safety.inspect_file(str(path)) == expected
    assert safety.inspect_bytes(path.read_bytes(), path.name) == expected


def test_upload_name_may_carry_a_windows_path() -> None:
    data = badfiles.xlsx_bytes()
    assert safety.inspect_bytes(data, "C:\\Users\\Stadt\\Desktop\\Partner.XLSX") == "xlsx"


# --------------------------------------------------------------------------- plain-text edge lists

EDGE_LIST = b"# source target\n1 2\n2 3\n"


@pytest.mark.parametrize("name", ["graph.edgelist", "graph.EDGELIST", "graph.txt", "graph.tsv"])
def test_a_text_edge_list_is_read_as_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(EDGE_LIST)
    assert safety.inspect_file(path) == "csv"
    assert safety.inspect_bytes(EDGE_LIST, name) == "csv"


@pytest.mark.parametrize(("content", "found"), [
    (bytes(range(256)) * 4, "binary"),  # NUL bytes: no text
    (b"\x7fELF\x02\x01\x01\x00" + bytes(64), "binary"),  # a program
    (b"%PDF-1.7\n1 2\n", "pdf"),
    (b"\x89PNG\r\n\x1a\n" + bytes(32), "picture"),
    (b"\x1f\x8b\x08\x00" + bytes(32), "gzip"),  # a packed edge list (graph.edgelist.gz)
])
def test_a_binary_file_named_edgelist_is_refused(tmp_path: Path, content: bytes,
                                                 found: str) -> None:
    path = tmp_path / "graph.edgelist"
    path.write_bytes(content)
    for inspect in (lambda: safety.inspect_file(path),
                    lambda: safety.inspect_bytes(content, path.name)):
        with pytest.raises(UnreadableFileError) as caught:
            inspect()
        assert caught.value.code == "wrong_content"
        assert caught.value.params == {"extension": "edgelist", "found": found}
        assert_german_message(caught.value)


def test_a_workbook_named_edgelist_is_read_as_the_workbook(tmp_path: Path) -> None:
    path = tmp_path / "graph.edgelist"
    path.write_bytes(badfiles.xlsx_bytes())
    assert safety.inspect_file(path) == "xlsx"


def test_a_zip_bomb_named_edgelist_is_still_a_zip_bomb(corpus: Callable[[str], Path],
                                                       tmp_path: Path) -> None:
    path = tmp_path / "graph.edgelist"
    shutil.copyfile(corpus("zip_bomb"), path)
    with pytest.raises(UnreadableFileError) as caught:
        safety.inspect_file(path)
    assert caught.value.code == "zip_bomb"


@pytest.mark.parametrize("name", ["graph.gml", "graph.gexf", "graph.net", "graph.edges"])
def test_other_network_formats_stay_unsupported(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(EDGE_LIST)
    with pytest.raises(UnreadableFileError) as caught:
        safety.inspect_file(path)
    assert caught.value.code == "unsupported_format"


def test_bundled_example_is_accepted() -> None:
    example = Path(__file__).resolve().parents[1] / "data" / "stadtlabor_soest.xlsx"
    if not example.exists():
        pytest.skip("no bundled example")
    assert safety.inspect_file(example) == "xlsx"


def test_synthetic_xls_is_a_valid_compound_file(corpus: Callable[[str], Path]) -> None:
    """The corpus' own OLE writer, checked by an independent reader."""
    olefile = pytest.importorskip("olefile")
    with olefile.OleFileIO(str(corpus("synthetic_xls"))) as ole:
        assert ole.listdir() == [["Workbook"]]
        assert ole.openstream("Workbook").read(2) == b"\x09\x08"


@pytest.mark.skipif(not shutil.which("soffice"), reason="needs LibreOffice")
def test_files_saved_by_libreoffice_are_accepted(tmp_path: Path) -> None:
    """Real xls, ods and xlsx as LibreOffice writes them: no false alarm."""
    source = badfiles.real_xlsx(tmp_path)
    profile = (tmp_path / "profile").as_uri()
    for target in ("xls", "ods", "xlsx"):
        out = tmp_path / target
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
             target, "--outdir", str(out), str(source)],
            check=True, capture_output=True, timeout=120,
        )
        assert safety.inspect_file(out / f"partner.{target}") == target


# --------------------------------------------------------------------------- nothing else escapes


@pytest.mark.parametrize(
    ("raised", "detail"),
    [
        (PermissionError(13, "Permission denied"), {"detail": "no_permission"}),
        (OSError(5, "Input/output error"), {"detail": "read_error_number", "errno": 5}),
        (RuntimeError("boom"), {"detail": "unexpected"}),
    ],
)
def test_unexpected_errors_become_unreadable(
    raised: Exception, detail: dict[str, object], corpus: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*args: object) -> str:
        raise raised

    monkeypatch.setattr(safety, "_inspect_content", fail)
    with pytest.raises(UnreadableFileError) as caught:
        safety.inspect_file(corpus("real_xlsx"))
    assert caught.value.code == "unreadable"
    assert caught.value.params == detail
    assert "Permission denied" not in caught.value.message
    assert "Permission denied" not in caught.value.text("en")
    assert_german_message(caught.value)
