"""The ``network-app`` command: thin wrappers over the library for scripts and scheduled jobs.

Exit status: 0 valid (warnings allowed), 1 errors in the data, 2 unreadable file or bad usage.
``export`` writes its file even when the data have errors (and exits 1); an output it cannot
write exits 2. When the reader of the output goes away (``network-app check … | head``) the
command stops quietly with 141, as a shell reports for any program stopped by SIGPIPE.
:func:`main` is the one place that turns exceptions into words; no traceback reaches a user
(set ``NETWORK_APP_DEBUG=1`` to see one).

Without a file, ``check``, ``analyze`` and ``export`` work on the workspace's current workbook
(:mod:`network_app.workspace.store`): the folder given with ``--workspace``, else
``$PARTNERNETZ_WORKSPACE``, else ``workspace/`` in the project; on the first use the bundled
example is copied in.

Every word comes from the catalog sections "cli", "cli.os_errors" and "cli.argparse" (argparse's
own "usage:", "options" and error messages included), every number from
:mod:`network_app.text.format`; ``--json`` keeps numbers as numbers.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
import textwrap
import traceback
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final, Literal, NoReturn

from . import __version__
from .errors import NetworkAppError, WorkspaceError, is_disk_full
from .exports import FORMATS, PAPER_SIZES, PICTURES, export, meta_for
from .exports.pictures import PICTURE_FORMATS
from .network.figures import NO_CATEGORY, category_label
from .text import by_language, fill, fixed, join_list, number, say, words
from .workbook.limits import MAX_UPLOAD_MB

# Each command imports what only it needs where it runs, so that a command starts without the
# others' libraries: ``check`` and ``analyze`` load no openpyxl (the template's writer), and only
# ``analyze`` the measures (tests/test_startup.py checks which libraries each command loads).
if TYPE_CHECKING:
    from .workbook.problems import ProblemRecord
    from .workbook.validation import PartnerData

EXIT_OK, EXIT_DATA_ERRORS, EXIT_UNREADABLE = 0, 1, 2
#: What a shell reports for a program stopped by SIGPIPE (128 + 13): the reader closed the pipe.
EXIT_BROKEN_PIPE = 141

_TEXT = by_language("cli")
_DEFAULT_MAX_MB = MAX_UPLOAD_MB  # the app's upload limit (network_app.workbook.limits)
_DEFAULT_RESOLUTION = 1.0
_DEFAULT_PAPER = "A4"
#: What ``export --picture`` draws by default (the keys of ``network_app.exports.PICTURES``).
_DEFAULT_PICTURE = "network"

#: argparse's English originals (its gettext message ids) → keys of the catalog section
#: "cli.argparse"; tests/test_cli.py checks that the running argparse still has each. Ids not
#: listed (argparse's complaints about a badly built parser, never about a user's input) stay
#: English.
_ARGPARSE_IDS = {
    "usage: ": "usage",
    "positional arguments": "positionals",
    "options": "options",
    "show this help message and exit": "help",
    "%(prog)s: error: %(message)s\n": "error",
    "argument %(argument_name)s: %(message)s": "argument",
    "the following arguments are required: %s": "required",
    "unrecognized arguments: %s": "unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "invalid_choice",
    "invalid %(type)s value: %(value)r": "invalid_value",
    "expected one argument": "expected_one",
    "expected at most one argument": "expected_at_most_one",
    "expected at least one argument": "expected_at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "ambiguous",
    "ignored explicit argument %r": "ignored_explicit",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "unknown_command",
    "not allowed with argument %s": "not_allowed_with",
}


def _lang(argv: Sequence[str]) -> str:
    """The language is needed for --help, before argparse has parsed anything."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "de"
        if arg.startswith("--lang="):
            return "en" if arg.endswith("=en") else "de"
    return "en" if os.environ.get("NETWORK_APP_LANG") == "en" else "de"


# --------------------------------------------------------------------------- argparse in German


@contextmanager
def _argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's own words in ``lang`` while the block runs.

    argparse looks every message up through gettext as ``argparse._`` when it needs it, so a
    translation for its messages is put there for the block and the original put back after
    (the CLI is single-threaded). No ``.mo`` files: the words stay in the one catalog.
    """
    catalog = words("cli.argparse", lang)
    # typeshed's argparse stub does not declare the module's gettext alias ``_``: hence the
    # three attr-defined ignores.
    original = argparse._  # type: ignore[attr-defined]

    def translate(message: str) -> str:
        key = _ARGPARSE_IDS.get(message)
        return catalog[key] if key is not None else original(message)

    argparse._ = translate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks ``lang``: its usage line, section titles, help and error
    messages come from the catalog. Its subcommands are built as ``_Parser`` with the same
    ``lang`` (:meth:`add_subparsers` passes the class on)."""

    def __init__(self, *args: Any, lang: str = "de", **kwargs: Any) -> None:
        self.lang = lang
        with _argparse_speaks(lang):
            super().__init__(*args, **kwargs)

    def format_usage(self) -> str:
        with _argparse_speaks(self.lang):
            return super().format_usage()

    def format_help(self) -> str:
        with _argparse_speaks(self.lang):
            return super().format_help()

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        with _argparse_speaks(self.lang):
            return super().parse_known_args(args, namespace)

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        with _argparse_speaks(self.lang):
            return super().parse_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        with _argparse_speaks(self.lang):
            super().error(message)


def _value_type(convert: Callable[[str], Any], name: str) -> Callable[[str], Any]:
    """``convert`` under the name argparse shows when a value does not fit ("ganze Zahl")."""
    def parse(text: str) -> Any:
        return convert(text)

    parse.__name__ = name
    return parse


def _decimal(text: str) -> float:
    """A decimal number, also with a decimal comma ("1,5"), the way German users type it."""
    return float(text.replace(",", "."))


def _hub_options(parser: argparse.ArgumentParser, t: Mapping[str, Any]) -> None:
    """--own-organisation NAME / --no-own-organisation: who stands in the centre (or nobody).

    Without either, the workbook decides (see ``PartnerData.has_hub``).
    """
    hub = parser.add_mutually_exclusive_group()
    hub.add_argument("--own-organisation", default=None, metavar=t["metavar_name"],
                     help=t["own_organisation"])
    hub.add_argument("--no-own-organisation", action="store_true",
                     help=t["no_own_organisation"])


def _hub_choice(args: argparse.Namespace) -> str | Literal[False] | None:
    """``load_workbook``'s ``own_organisation`` from the options: a name, False, or None."""
    if args.no_own_organisation:
        return False
    name = (args.own_organisation or "").strip()
    return name or None


def _workspace_option(parser: argparse.ArgumentParser, t: Mapping[str, Any]) -> None:
    """--workspace DIR, before or after the command: without a default of its own, so the
    command's parser does not overwrite a folder given before the command."""
    parser.add_argument("--workspace", default=argparse.SUPPRESS, metavar=t["metavar_folder"],
                        help=t["workspace"])


def build_parser(lang: str = "de") -> argparse.ArgumentParser:
    t = _TEXT[lang]
    number_type = _value_type(_decimal, t["type_number"])
    whole_type = _value_type(int, t["type_whole_number"])
    max_size_help = fill(t["max_size"], lang, default=number(_DEFAULT_MAX_MB, lang))
    common = _Parser(add_help=False, lang=lang)
    common.add_argument("--lang", choices=["de", "en"], default=lang, help=t["lang"])
    parser = _Parser(prog="network-app", description=t["description"], parents=[common],
                     lang=lang)
    parser.add_argument("--version", action="version", version=f"network-app {__version__}",
                        help=t["version"])
    _workspace_option(parser, t)
    commands = parser.add_subparsers(dest="command", required=True,
                                     metavar=t["metavar_command"])

    def command(name: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=t[name], description=t[name], parents=[common],
                                   lang=lang)

    check = command("check")
    check.add_argument("file", nargs="?", default=None, metavar=t["metavar_file"],
                       help=t["file"])
    _workspace_option(check, t)
    check.add_argument("--json", action="store_true", help=t["json"])
    check.add_argument("--max-size", type=number_type, default=_DEFAULT_MAX_MB, metavar="MB",
                       help=max_size_help)
    _hub_options(check, t)
    check.set_defaults(run=_check)

    analyze = command("analyze")
    analyze.add_argument("file", nargs="?", default=None, metavar=t["metavar_file"],
                         help=t["file"])
    _workspace_option(analyze, t)
    analyze.add_argument("--json", action="store_true", help=t["json"])
    analyze.add_argument("--top", type=whole_type, default=None, metavar="N", help=t["top"])
    analyze.add_argument("--resolution", type=number_type, default=_DEFAULT_RESOLUTION,
                         metavar=t["metavar_resolution"],
                         help=fill(t["resolution"], lang,
                                   default=fixed(_DEFAULT_RESOLUTION, lang, digits=1)))
    analyze.add_argument("--max-size", type=number_type, default=_DEFAULT_MAX_MB,
                         metavar="MB", help=max_size_help)
    _hub_options(analyze, t)
    analyze.set_defaults(run=_analyze)

    export_ = command("export")
    export_.add_argument("file", nargs="?", default=None, metavar=t["metavar_file"],
                         help=t["file"])
    _workspace_option(export_, t)
    export_.add_argument("--format", "-f", required=True, choices=FORMATS, dest="fmt",
                         metavar=t["metavar_format"],
                         help=fill(t["format"], lang, formats=", ".join(FORMATS)))
    export_.add_argument("-o", "--output", required=True, metavar=t["metavar_output"],
                         help=t["export_out"])
    export_.add_argument("--include-personal", action="store_true",
                         help=t["include_personal"])
    export_.add_argument("--no-problem-note", action="store_true", help=t["no_problem_note"])
    kinds = words("cli.pictures", lang)
    export_.add_argument("--picture", choices=list(PICTURES), default=_DEFAULT_PICTURE,
                         help=fill(t["picture"], lang, default=_DEFAULT_PICTURE,
                                   formats=join_list(list(PICTURE_FORMATS), lang),
                                   kinds=", ".join(f"{kind} = {kinds.get(kind, kind)}"
                                                   for kind in PICTURES)))
    export_.add_argument("--paper", choices=list(PAPER_SIZES), default=_DEFAULT_PAPER,
                         help=fill(t["paper"], lang, default=_DEFAULT_PAPER))
    export_.add_argument("--title", default=None, metavar=t["metavar_title"], help=t["title"])
    export_.add_argument("--max-size", type=number_type, default=_DEFAULT_MAX_MB,
                         metavar="MB", help=max_size_help)
    _hub_options(export_, t)
    export_.set_defaults(run=_export)

    template = command("template")
    template.add_argument("-o", "--output", required=True, metavar=t["metavar_template"],
                          help=t["out"])
    template.set_defaults(run=_template)

    password = command("password")
    password.set_defaults(run=_password)
    return parser


# --------------------------------------------------------------------------- the commands


def _max_bytes(args: argparse.Namespace) -> int:
    return int(args.max_size * 1024 * 1024)


class _WorkspaceUnusable(Exception):
    """The workspace folder cannot be created or read (an OSError there, not the output's)."""

    def __init__(self, root: str, error: OSError) -> None:
        super().__init__(root)
        self.root = root
        self.error = error


def _load(args: argparse.Namespace) -> PartnerData:
    """The workbook the command works on: the file given, else the workspace's current one
    (read in one go, so a colleague saving meanwhile cannot mix two files). ``args.file`` then
    names the workspace's file, for the messages."""
    from .workbook.loading import load_workbook

    if args.file is not None:
        return load_workbook(args.file, max_bytes=_max_bytes(args),
                             own_organisation=_hub_choice(args))
    from .workspace.store import Workspace

    workspace = Workspace.resolve(getattr(args, "workspace", None))
    args.file = str(workspace.root)
    try:
        try:  # reading needs no lock: a read-only folder, or a colleague saving, is fine
            current, content = workspace.open_current()
        except WorkspaceError:  # no current workbook yet: the first start
            workspace.ensure()
            current, content = workspace.open_current()
    except OSError as exc:
        raise _WorkspaceUnusable(str(workspace.root), exc) from exc
    args.file = str(current.path)
    if not getattr(args, "json", False):
        print(say("cli.from_workspace", args.lang, folder=workspace.root, name=current.name),
              file=sys.stderr)
    return load_workbook(content, filename=current.name, max_bytes=_max_bytes(args),
                         own_organisation=_hub_choice(args))


def _where(problem: ProblemRecord, lang: str) -> str:
    """Where a problem is: "Blatt »Partner«, Zeile 5, Spalte »Name« (A)"."""
    parts = []
    if problem["sheet"]:
        parts.append(say("cli.at_sheet", lang, sheet=problem["sheet"]))
    if problem["row"]:
        parts.append(say("cli.at_row", lang, row=problem["row"]))
    if problem["column"]:
        if problem["column_letter"]:
            parts.append(say("cli.at_column_letter", lang, column=problem["column"],
                             letter=problem["column_letter"]))
        else:
            parts.append(say("cli.at_column", lang, column=problem["column"]))
    return ", ".join(parts)


def _problem_count(errors: int, warnings: int, lang: str) -> str:
    """"1 Fehler, 2 Hinweise" / "1 error, 2 warnings"."""
    return say("cli.problems", lang, errors=say("cli.count_errors", lang, count=errors),
               warnings=say("cli.count_warnings", lang, count=warnings))


def _check(args: argparse.Namespace) -> int:
    from .analysis.reports import check_report

    lang = args.lang
    t = _TEXT[lang]
    data = _load(args)
    report = check_report(data, lang)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
        return EXIT_OK if data.is_valid else EXIT_DATA_ERRORS

    def counted(key: str, n: int) -> str:  # "1 Beziehung", "34 Aktivitäten"
        return say(f"cli.count_{key}", lang, count=n)

    print(f"{report['file']}: " + say(
        "cli.summary", lang, partners=counted("partners", report["partners"]),
        relations=counted("relations", report["relations"]),
        activities=counted("activities", report["activities"]),
        programmes=counted("programmes", report["programmes"]),
        nodes=counted("nodes", report["nodes"]), edges=counted("ties", report["edges"])))
    if any(count for name, count in report["categories"].items() if name != NO_CATEGORY):
        # A network from another tool has no categories: nothing to count by them.
        print(say("cli.per_category", lang, counts=", ".join(
            f"{category_label(name, lang)} {number(count, lang)}"
            for name, count in report["categories"].items())))
    problems = report["errors"] + report["warnings"]
    if not problems:
        print(t["no_problems"])
    else:
        print(_problem_count(len(report["errors"]), len(report["warnings"]), lang))
        for p in problems:
            label = t["error"] if p["severity"] == "error" else t["warning"]
            where = _where(p, lang)
            print(f"- {label}{' – ' + where if where else ''}: {p['message']}")
    return EXIT_OK if data.is_valid else EXIT_DATA_ERRORS


def _shown(value: Any, lang: str, *, digits: int = 3, aligned: bool = False) -> str:
    """A figure as ``lang`` writes it: "0,027" / "0.027", "1.284" / "1,284"; None is a dash.

    ``aligned`` keeps trailing zeros (``fixed``) so a column of measures lines up.
    """
    if value is None:
        return "–"
    if isinstance(value, float):
        return fixed(value, lang, digits=digits) if aligned else number(value, lang,
                                                                         digits=digits)
    if isinstance(value, int):
        return number(value, lang)
    return str(value)


#: From about this size on a workbook holds enough partners (1,500 partners: 220 KB) that
#: ``analyze`` shares betweenness with a helper process (:mod:`network_app.analysis.helper`).
_HELPER_FILE_BYTES = 200_000


def _file_size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except (OSError, ValueError):
        return 0


def _analyze(args: argparse.Namespace) -> int:
    # One run makes millions of small objects (the workbook's cells, the graph, the report) and
    # hardly any cycles: Python's cycle collector would walk them over and over (0.26 s of CPU
    # for 5,000 partners, 0.9 s for 20,000; the peak memory is the same without it). It is
    # paused for the command and runs again afterwards (the CLI's tests call it in one process).
    from .collector import paused

    with paused():
        return _analyze_now(args)


def _analyze_now(args: argparse.Namespace) -> int:
    from .analysis.metrics import components_sentence
    from .analysis.reports import analyze_report

    lang = args.lang
    t = _TEXT[lang]
    if args.file is not None and _file_size(args.file) >= _HELPER_FILE_BYTES:
        from .analysis.helper import warm_up

        warm_up()  # the measures' helper process boots while the workbook is read
    data = _load(args)
    report = analyze_report(data, top=args.top, resolution=args.resolution, lang=lang)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return EXIT_OK if data.is_valid else EXIT_DATA_ERRORS
    explain = report["explanations"]
    network = report["network"]
    print(say("cli.network_head", lang, hub=report["hub_excluded"]) if report["hub_excluded"]
          else t["network_head_plain"])
    for key in ("nodes", "edges", "density", "components", "diameter", "average_path_length"):
        label = t[key] if key in ("nodes", "edges") else explain[key]["label"]
        print(f"  {label}: {_shown(network[key], lang)}")
    pieces = components_sentence(network, lang, hub=report["hub_excluded"] or "")
    if pieces:  # "44 getrennte Teile, größter Abstand 1" needs words
        print(textwrap.fill(pieces, 100, initial_indent="  ", subsequent_indent="  "))
    if network["betweenness_sample"]:
        print(say("cli.sampled", lang, count=network["betweenness_sample"]))
    if "direction" in explain:  # the file gives directions; the measures count without
        print(f"  {explain['direction']['label']}: {explain['direction']['explanation']}")
    print()
    flat = not any(partner["betweenness"] for partner in report["partners"])
    print(t["ranking_head_ties"] if flat else t["ranking_head"])
    if flat and report["partners"]:  # all zero: the report's order is by ties
        print(textwrap.fill(t["ranking_zero"], 100, initial_indent="  ",
                            subsequent_indent="  "))
    columns: Final = ("degree", "betweenness", "closeness", "pagerank", "community")
    print("  " + " | ".join([t["name"]] + [explain[c]["label"] for c in columns]))
    for partner in report["partners"]:
        print("  " + " | ".join([partner["name"]] + [_shown(partner[c], lang, aligned=True)
                                                     for c in columns]))
    print()
    for key in columns:
        print(f"  {explain[key]['label']}: {explain[key]['explanation']}")
    print()
    print(say("cli.groups_head", lang, modularity=_shown(network["modularity"], lang),
              modularity_text=explain["modularity"]["explanation"]))
    alone = [g["members"][0] for g in report["communities"] if g["size"] == 1]
    for group in report["communities"]:
        if group["size"] > 1:
            members = join_list(group["members"], lang, conjunction=False)
            print(f"  {number(group['id'], lang)}. {group['name']}: {members}")
    if alone:
        print("  " + say("cli.alone", lang, count=len(alone),
                         names=join_list(alone, lang, conjunction=False)))
    if data.errors:
        print()
        print(_problem_count(len(data.errors), len(data.warnings), lang))
    return EXIT_OK if data.is_valid else EXIT_DATA_ERRORS


def _export(args: argparse.Namespace) -> int:
    lang = args.lang
    if args.picture != _DEFAULT_PICTURE and args.fmt not in PICTURE_FORMATS:
        # bad usage, said before the workbook is read
        print(say("cli.picture_format", lang, picture=args.picture, format=args.fmt,
                  formats=", ".join(PICTURE_FORMATS)), file=sys.stderr)
        return EXIT_UNREADABLE
    data = _load(args)
    meta = meta_for(data, title=args.title, lang=lang, include_personal=args.include_personal,
                    note_problems=not args.no_problem_note)
    if _batch and args.fmt != "html":
        # Pictures, tables and the deck: matplotlib's figures are cycles, the collector frees
        # them (a deck of 20,000 partners peaked at 780 MB without it, 550 MB with it).
        import gc

        gc.freeze()  # the loaded workbook and the imports are not walked again
        gc.enable()
    for path in export(args.fmt, args.output, data, meta=meta, paper=args.paper,
                       picture=args.picture):
        print(say("cli.export_written", lang, path=path))
    if data.errors:
        print(say("cli.export_errors", lang, count=len(data.errors), file=args.file),
              file=sys.stderr)
    return EXIT_OK if data.is_valid else EXIT_DATA_ERRORS


def _template(args: argparse.Namespace) -> int:
    from .workbook.template import write_template

    path = write_template(args.output, lang=args.lang)
    print(say("cli.template_written", args.lang, path=path))
    return EXIT_OK


def _password(args: argparse.Namespace) -> int:
    """Ask for a password (twice at a terminal, one line from a pipe) and print the lines for
    secrets.toml: the hash only, never the password. Bad usage (too short, the two entries
    differ) exits 2 and prints nothing on standard output."""
    import getpass

    from .access import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, SECTION, hash_password

    lang = args.lang
    t = words("access", lang)
    if sys.stdin.isatty():
        password = getpass.getpass(t["prompt"])
        if getpass.getpass(t["prompt_again"]) != password:
            print(t["mismatch"], file=sys.stderr)
            return EXIT_UNREADABLE
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < MIN_PASSWORD_LENGTH:
        print(fill(t["too_short"], lang, min=MIN_PASSWORD_LENGTH), file=sys.stderr)
        return EXIT_UNREADABLE
    if len(password) > MAX_PASSWORD_LENGTH:  # the sign-in refuses it before hashing
        print(fill(t["too_long"], lang, max=MAX_PASSWORD_LENGTH), file=sys.stderr)
        return EXIT_UNREADABLE
    print(f"[{SECTION}]\npassword_hash = \"{hash_password(password)}\"")
    print(t["paste"], file=sys.stderr)
    return EXIT_OK


# --------------------------------------------------------------------------- main


def _os_detail(exc: OSError, lang: str) -> str:
    """Why the system refused, in ``lang``: "Ordner nicht gefunden" for ENOENT."""
    reasons = words("cli.os_errors", lang)
    name = errno.errorcode.get(exc.errno or 0, "")
    if name in reasons:
        return str(reasons[name])
    if exc.errno:
        return fill(reasons["other"], lang, errno=exc.errno)
    return str(exc)  # raised by a library without an errno: its own (technical) words


def _quiet_stdout() -> None:
    """The reader of our output is gone (``network-app check … | head``): send what is still
    buffered to /dev/null, so Python's flush at exit does not complain once more, as
    https://docs.python.org/3/library/signal.html#note-on-sigpipe recommends."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind sys.stdout (tests capture it)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command in ``argv`` (default: the command line) and return the exit status."""
    command_line = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    if command_line:
        _batch_process()
    try:
        with warnings.catch_warnings():
            # Python's warnings are for developers (matplotlib's "Glyph … missing from font"
            # with a source line for a name in another script): users read our sentences.
            if not os.environ.get("NETWORK_APP_DEBUG"):
                warnings.simplefilter("ignore")
            code = _run(argv, _lang(argv))
        # A reader that went away is noticed here, not in Python's flush at exit.
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    finally:
        if command_line:
            _before_exit()


def _batch_process() -> None:
    """A command-line run is one batch that ends within seconds: Python's cycle collector is
    left off for it. The imports (pandas, networkx, igraph) and the loaded workbook make
    hundreds of thousands of objects without cycles, which each collection walked again for
    nothing (70 ms of an 0.8 s HTML export of 1,000 partners); what little cyclic garbage a
    command leaves goes with the process. Exports other than HTML turn it on again once the
    workbook is loaded (:func:`_export`). Only for the command line (``network-app`` and
    ``python -m network_app`` also leave pyarrow out: :mod:`network_app.__main__`)."""
    import gc
    global _batch

    _batch = True
    gc.disable()


#: Whether this process runs one command from the command line (:func:`_batch_process`).
_batch = False


def _before_exit() -> None:
    """The process ends now: what it made is put out of the cycle collector's reach
    (``gc.freeze``), so Python's last collection at exit does not walk pandas, the loaded
    workbook and the graph once more (0.15 s of CPU after an HTML export of 1,000 or 5,000
    partners). Files are flushed and atexit handlers run as always. Only for the command
    line: a caller passing ``argv`` (the tests) keeps its process as it was."""
    import gc

    gc.freeze()


def _run(argv: list[str], lang: str) -> int:
    t = _TEXT[lang]
    parser = build_parser(lang)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or bad usage (argparse said why, status 2)
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    try:
        return args.run(args)
    except NetworkAppError as exc:
        if getattr(args, "json", False):
            # Scripts get one JSON object even when the file cannot be read at all.
            from .analysis.reports import unreadable_report

            print(json.dumps(unreadable_report(args.file, exc, args.lang), ensure_ascii=False,
                             indent=2))
        print(exc.text(args.lang), file=sys.stderr)
        return EXIT_UNREADABLE
    except BrokenPipeError:
        raise
    except _WorkspaceUnusable as exc:
        print(fill(t["workspace_unusable"], lang, path=exc.root,
                   detail=_os_detail(exc.error, lang)), file=sys.stderr)
        return EXIT_UNREADABLE
    except OSError as exc:
        output = getattr(args, "output", None)
        if output and is_disk_full(exc):  # the writers write atomically: nothing was left
            print(fill(t["disk_full"], lang, path=output), file=sys.stderr)
        elif output:
            print(fill(t["cannot_write"], lang, path=output, detail=_os_detail(exc, lang)),
                  file=sys.stderr)
        else:
            print(fill(t["unexpected"], lang, detail=_os_detail(exc, lang)), file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last net: a message, never a traceback
        output = getattr(args, "output", None)
        if output and is_disk_full(exc):  # a library's own error, raised from the system's
            print(fill(t["disk_full"], lang, path=output), file=sys.stderr)
            return EXIT_UNREADABLE
        if os.environ.get("NETWORK_APP_DEBUG"):
            traceback.print_exc()
        # The exception's own words are for the team that reads the report, not translated.
        print(fill(t["unexpected"], lang, detail=f"{type(exc).__name__}: {exc}"[:300]),
              file=sys.stderr)
        return EXIT_UNREADABLE


if __name__ == "__main__":
    sys.exit(main())
