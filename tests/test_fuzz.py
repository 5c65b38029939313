"""Fuzzing: generated and mutated workbooks thrown at the loader, every CLI command and the
app's upload path (tests/fuzzing.py makes them).

Properties, for every file:

* nothing but :class:`~network_app.errors.NetworkAppError` leaves the loader, with a code of
  :data:`network_app.workbook.loading.REFUSAL_CODES` and a German (and an English) sentence;
  a file that is read gives problems whose codes all have sentences too;
* the CLI (``check``, ``check --json``, ``analyze``, ``analyze --json``, ``export`` in every
  format, ``template``) exits with 0, 1 or 2 and never prints a traceback or its last-resort
  "Unerwarteter Fehler";
* the app's upload path (:func:`network_app.workbook.isolated.load_isolated`, which the pages
  call through ``app_pages.common.load``, and an upload on the Arbeitsstand page with AppTest)
  refuses with such a sentence or reads the file;
* no example takes longer than :data:`EXAMPLE_SECONDS` (a hang fails the test).

``./dev test`` runs a few examples of each (about a minute in all). The long run:

    ./dev fuzz 12          # minutes, shared among the targets; figures at the end

or ``PARTNERNETZ_FUZZ_EXAMPLES=500 .venv/bin/pytest tests/test_fuzz.py``. A file that breaks a
property is written to ``test-artifacts/fuzz/crashes/``; once fixed it goes into
``tests/data/fuzz_corpus/`` where :func:`test_corpus_file` keeps it fixed.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shlex
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from fuzzing import EXTENSIONS, uploads
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from network_app import cli
from network_app.errors import NetworkAppError
from network_app.exports import FORMATS
from network_app.text import fill, words
from network_app.text.messages import MESSAGES
from network_app.workbook.isolated import load_isolated
from network_app.workbook.loading import REFUSAL_CODES, load_workbook
from network_app.workbook.reading import split_whitespace

# A drawn file of 150 KB is shown in full only when asked for.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "fuzz_corpus"
CRASHES = ROOT / "test-artifacts" / "fuzz" / "crashes"
#: ./dev test: a few examples per target; PARTNERNETZ_FUZZ_EXAMPLES for more.
EXAMPLES = int(os.environ.get("PARTNERNETZ_FUZZ_EXAMPLES", "30"))
#: ./dev fuzz MINUTES: run each target until its share of the time is used.
SECONDS = float(os.environ.get("PARTNERNETZ_FUZZ_SECONDS", "0"))
#: Where the figures of a run go (./dev fuzz prints them).
REPORT = os.environ.get("PARTNERNETZ_FUZZ_REPORT")
#: No example may take longer: a hang is a failure.
EXAMPLE_SECONDS = 60
#: The export formats every corpus file is written to (the pictures and the deck take
#: seconds each; the fuzzing itself draws from all of them).
CORPUS_FORMATS = ("json", "graphml", "gexf", "csv", "xlsx", "html")
#: Shares of the time of a long run.
SHARES = {"loader": 0.45, "cli": 0.35, "upload": 0.2}
#: A long run keeps the failing file (test-artifacts/fuzz/crashes/) and hunts on instead of
#: shrinking it, which took over five minutes for one CLI example.
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not SECONDS,
                suppress_health_check=list(HealthCheck),
                phases=[Phase.explicit, Phase.reuse, Phase.generate] if SECONDS else
                list(Phase))
#: How Python prints a warning: "/path/labels.py:379: UserWarning: Glyph … missing".
PYTHON_WARNING = re.compile(r"\.py:\d+: \w*Warning: ")
UNEXPECTED_CLI = fill(words("cli", "de")["unexpected"], "de", detail="").split(":")[0]


class Hang(Exception):
    """An example ran longer than EXAMPLE_SECONDS."""


@contextlib.contextmanager
def time_limit(seconds: float):
    def alarm(signum: int, frame: Any) -> None:
        raise Hang(f"more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def kept_on_failure(content: bytes, filename: str):
    """Write the file to test-artifacts/fuzz/crashes/ when a property fails for it."""
    try:
        yield
    except BaseException:
        CRASHES.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256(content).hexdigest()[:16]
        (CRASHES / f"{digest}_{Path(filename).name}").write_bytes(content)
        raise


class Figures:
    """What a run saw, per target: examples, files read, refusals by code."""

    def __init__(self) -> None:
        self.examples: Counter[str] = Counter()
        self.outcomes: dict[str, Counter[str]] = {}

    def count(self, target: str, outcome: str) -> None:
        self.examples[target] += 1
        self.outcomes.setdefault(target, Counter())[outcome] += 1

    def write(self) -> None:
        if not REPORT:
            return
        path = Path(REPORT)
        old = json.loads(path.read_text()) if path.exists() else {}
        for target, outcomes in self.outcomes.items():
            merged = Counter(old.get(target, {}).get("outcomes", {}))
            merged.update(outcomes)
            old[target] = {"examples": sum(merged.values()), "outcomes": dict(merged)}
        path.write_text(json.dumps(old, indent=2, ensure_ascii=False))


FIGURES = Figures()


def outcome(error: NetworkAppError) -> str:
    detail = error.params.get("detail")
    return f"{error.code}:{detail}" if detail else error.code


# --------------------------------------------------------------------------- the properties


def assert_sentence(code: str, params: dict[str, Any], german: str, english: str) -> None:
    assert code in MESSAGES, f"no sentence for {code!r}"
    for lang, text in (("de", german), ("en", english)):
        assert text and text != code, code
        # every placeholder is given (a sheet may well be called "{")
        template = MESSAGES[code][lang]
        template = template if isinstance(template, str) else " ".join(template.values())
        wanted = set(re.findall(r"\{(\w+)", template)) - {"did_you_mean"}
        assert wanted <= set(params), (code, wanted - set(params))
    assert german != english


def assert_refusal(error: NetworkAppError) -> None:
    assert error.code in REFUSAL_CODES, f"undocumented refusal {error.code!r}"
    assert_sentence(error.code, error.params, error.message, error.text("en"))
    detail = error.params.get("detail")
    assert detail != "unexpected", "the loader met an unexpected error"
    if detail is not None:  # a code with German words, not a reader's English message
        assert detail in words("problems.details", "de"), detail


def check_loader(content: bytes, filename: str) -> str:
    """load_workbook reads the file or refuses it with a documented code; returns what
    happened ("read" or the code)."""
    with kept_on_failure(content, filename), time_limit(EXAMPLE_SECONDS):
        try:
            data = load_workbook(content, filename=filename)
        except NetworkAppError as error:
            assert_refusal(error)
            return outcome(error)
        for problem in data.problems:
            given = {**vars(problem), **problem.params}
            assert_sentence(problem.code, given, problem.text("de"), problem.text("en"))
        return "read"


def cli_commands(path: Path, out: Path, fmt: str) -> list[list[str]]:
    return [["check", str(path)], ["check", "--json", str(path)], ["analyze", str(path)],
            ["analyze", "--json", str(path)],
            ["export", str(path), "-f", fmt, "-o", str(out / f"export.{fmt}")],
            ["--lang", "en", "check", str(path)]]


def run_cli(argv: list[str]) -> tuple[int, str]:
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = cli.main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
    stderr.flush()
    return code, stderr.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


def check_cli(content: bytes, filename: str, folder: Path, command: int, fmt: str) -> str:
    path = folder / Path(filename).name
    path.write_bytes(content)
    argv = cli_commands(path, folder, fmt)[command]
    with kept_on_failure(content, filename), time_limit(EXAMPLE_SECONDS):
        code, stderr = run_cli(argv)
        assert code in (0, 1, 2), (argv, code, stderr)
        assert "Traceback" not in stderr, stderr
        assert UNEXPECTED_CLI not in stderr, stderr
        assert not PYTHON_WARNING.search(stderr), stderr  # a developer's line, not ours
    return f"{argv[0] if argv[0] != '--lang' else 'en check'} exit {code}"


def check_upload(content: bytes, filename: str) -> str:
    """The app's path: load_isolated (child process, time and memory limit)."""
    with kept_on_failure(content, filename), time_limit(EXAMPLE_SECONDS + 10):
        try:
            load_isolated(content, filename)
        except NetworkAppError as error:
            assert_refusal(error)
            return outcome(error)
        return "read"


# --------------------------------------------------------------------------- the runs


def run(target: str, test: Any) -> None:
    """Once with EXAMPLES examples, or again and again until the target's share of
    PARTNERNETZ_FUZZ_SECONDS is used (a fresh random search each time)."""
    if not SECONDS:
        test()
        FIGURES.write()
        return
    end = time.monotonic() + SECONDS * SHARES[target]
    failures: list[str] = []
    while time.monotonic() < end:
        try:
            test()
        except Exception as error:  # noqa: BLE001 - counted, the hunt goes on, raised at the end
            failures.append(f"{type(error).__name__}: {str(error)[:300]}")
            FIGURES.count(target, "FAILURE " + failures[-1].splitlines()[0][:200])
        FIGURES.write()
        FIGURES.outcomes.clear()
    assert not failures, failures


def test_fuzz_loader():
    @FUZZ
    @given(uploads())
    def example(upload: tuple[bytes, str]) -> None:
        FIGURES.count("loader", check_loader(*upload))

    run("loader", example)


def test_fuzz_cli(tmp_path_factory):
    @FUZZ
    @given(uploads(), st.integers(0, 5), st.sampled_from(FORMATS))
    def example(upload: tuple[bytes, str], command: int, fmt: str) -> None:
        folder = tmp_path_factory.mktemp("cli")
        FIGURES.count("cli", check_cli(*upload, folder, command, fmt))

    run("cli", example)


def test_fuzz_upload():
    fewer = settings(FUZZ, max_examples=max(EXAMPLES // 2, 4))

    @fewer
    @given(uploads())
    def example(upload: tuple[bytes, str]) -> None:
        FIGURES.count("upload", check_upload(*upload))

    run("upload", example)


def test_template_command_writes_anywhere_it_may(tmp_path):
    for name in ["Vorlage.xlsx", "ohne Endung", "ä ö ü.xlsx", "a" * 200 + ".xlsx",
                 "Ordner/fehlt/x.xlsx", ""]:
        code, stderr = run_cli(["template", "-o", str(tmp_path / name)])
        assert code in (0, 1, 2) and "Traceback" not in stderr, (name, stderr)


def test_extra_columns_named_like_ours_keep_their_text():
    """Found by fuzzing (tests/data/fuzz_corpus/2fb7bcbb15537a4a_partner.ods): a partner
    column headed "weight" was converted to a number."""
    data = load_workbook(b"Name;year;strength;weight\nA;zwei;stark;b\n",
                         filename="p.csv")
    assert data.partners[["year", "strength", "weight"]].values.tolist() == [
        ["zwei", "stark", "b"]]
    data = load_workbook(b"Von;Nach;year\nA;B;zwei\n", filename="b.csv")
    assert data.relations["year"].tolist() == ["zwei"]


@FUZZ
@given(st.text(alphabet='ab "\t\r\n\'xÄ\u00a0', max_size=40))
def test_split_whitespace_splits_as_shlex_did(line):
    """split_whitespace replaced shlex (quadratic: found by fuzzing as a 97 s hang,
    tests/data/fuzz_corpus/8382ad31daa2d725_partner.csv) and splits as it did."""
    lexer = shlex.shlex(line, posix=True)
    lexer.whitespace_split = True
    lexer.quotes = '"'
    lexer.escape = ""
    lexer.commenters = ""
    try:
        expected = list(lexer) if '"' in line else line.split()  # (the old function)
    except ValueError:  # a quote never closed
        expected = line.split()
    assert split_whitespace(line) == expected


def test_a_long_line_with_an_open_quote_is_read_in_linear_time():
    line = '"' + "x" * 2_000_000 + ";2020\n"
    start = time.perf_counter()
    data = load_workbook(line.encode(), filename="offen.csv")
    assert time.perf_counter() - start < 30
    assert data is not None


def test_every_refusal_code_has_its_sentences():
    for code in REFUSAL_CODES:
        assert set(MESSAGES[code]) >= {"de", "en"}, code


def test_upload_on_the_arbeitsstand_page():
    """A few generated and mutated files uploaded in the app (AppTest): no exception on the
    page, and a refusal is shown as its German sentence."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    assert not at.exception
    at.switch_page("app_pages/arbeitsstand.py").run()
    sentences = {code: MESSAGES[code]["de"].split("{")[0][:25] for code in REFUSAL_CODES}

    @settings(FUZZ, max_examples=max(EXAMPLES // 4, 3))
    @given(uploads(), st.sampled_from(EXTENSIONS))
    def example(upload: tuple[bytes, str], extension: str) -> None:
        content, filename = upload
        with kept_on_failure(content, filename), time_limit(EXAMPLE_SECONDS * 2):
            at.sidebar.file_uploader[0].upload(filename, content).run()
            assert not at.exception, [e.value for e in at.exception]
            try:
                load_workbook(content, filename=filename)
            except NetworkAppError as error:
                shown = " ".join(e.value for e in at.error)
                assert sentences[error.code] in shown.replace("\\", ""), (error.code, shown)
                FIGURES.count("app", outcome(error))
            else:
                FIGURES.count("app", "read")

    example()
    FIGURES.write()


def corpus_files() -> list[Path]:
    return sorted(path for path in CORPUS.glob("*") if path.is_file()
                  and path.name != "README.md") if CORPUS.exists() else []


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.name)
def test_corpus_file(path, tmp_path):
    """Each file the fuzzing found breaking a property once: loader, upload path, CLI."""
    content = path.read_bytes()
    filename = path.name.split("_", 1)[1] if "_" in path.name else path.name
    check_loader(content, filename)
    check_upload(content, filename)
    for command in (0, 1, 2, 3, 5):
        check_cli(content, filename, tmp_path, command, "json")
    for fmt in CORPUS_FORMATS:  # export (command 4) in the formats that carry the text
        check_cli(content, filename, tmp_path, 4, fmt)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
