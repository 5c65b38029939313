"""The ``network-app`` command: thin wrappers over the library for scripts and scheduled jobs.

Exit status: 0 valid (warnings allowed), 1 errors in the data, 2 unreadable file or bad usage.
``export`` writes its file even when the data have errors (and exits 1); an output it cannot
write exits 2.
:func:`main` is the one place that turns exceptions into words; no traceback reaches a user
(set ``NETWORK_APP_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Mapping, Sequence
from typing import Any, Final

from . import __version__
from .analysis.reports import analyze_report, check_report, unreadable_report
from .errors import NetworkAppError
from .exports import FORMATS, PAPER_SIZES, export, meta_for
from .text import by_language
from .workbook.loading import load_workbook
from .workbook.problems import ProblemRecord
from .workbook.template import write_template

EXIT_OK, EXIT_DATA_ERRORS, EXIT_UNREADABLE = 0, 1, 2

_TEXT = by_language("cli")


def _lang(argv: Sequence[str]) -> str:
    """The language is needed for --help, before argparse has parsed anything."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "de"
        if arg.startswith("--lang="):
            return "en" if arg.endswith("=en") else "de"
    return "en" if os.environ.get("NETWORK_APP_LANG") == "en" else "de"


def build_parser(lang: str = "de") -> argparse.ArgumentParser:
    t = _TEXT[lang]
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=["de", "en"], default=lang, help=t["lang"])
    parser = argparse.ArgumentParser(prog="network-app", description=t["description"],
                                     parents=[common])
    parser.add_argument("--version", action="version", version=f"network-app {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")

    check = commands.add_parser("check", help=t["check"], description=t["check"],
                                parents=[common])
    check.add_argument("file", metavar="DATEI", help=t["file"])
    check.add_argument("--json", action="store_true", help=t["json"])
    check.add_argument("--max-size", type=float, default=50, metavar="MB", help=t["max_size"])
    check.set_defaults(run=_check)

    analyze = commands.add_parser("analyze", help=t["analyze"], description=t["analyze"],
                                  parents=[common])
    analyze.add_argument("file", metavar="DATEI", help=t["file"])
    analyze.add_argument("--json", action="store_true", help=t["json"])
    analyze.add_argument("--top", type=int, default=None, metavar="N", help=t["top"])
    analyze.add_argument("--resolution", type=float, default=1.0, help=t["resolution"])
    analyze.add_argument("--max-size", type=float, default=50, metavar="MB", help=t["max_size"])
    analyze.set_defaults(run=_analyze)

    export_ = commands.add_parser("export", help=t["export"], description=t["export"],
                                  parents=[common])
    export_.add_argument("file", metavar="DATEI", help=t["file"])
    export_.add_argument("--format", "-f", required=True, choices=FORMATS, dest="fmt",
                         metavar="FORMAT", help=f"{t['format']}: {', '.join(FORMATS)}")
    export_.add_argument("-o", "--output", required=True, metavar="AUSGABE",
                         help=t["export_out"])
    export_.add_argument("--include-personal", action="store_true",
                         help=t["include_personal"])
    export_.add_argument("--paper", choices=list(PAPER_SIZES), default="A4",
                         help=t["paper"])
    export_.add_argument("--title", default=None, metavar="TITEL", help=t["title"])
    export_.add_argument("--max-size", type=float, default=50, metavar="MB", help=t["max_size"])
    export_.set_defaults(run=_export)

    template = commands.add_parser("template", help=t["template"], description=t["template"],
                                   parents=[common])
    template.add_argument("-o", "--output", required=True, metavar="AUSGABE.xlsx",
                          help=t["out"])
    template.set_defaults(run=_template)
    return parser


def _where(problem: ProblemRecord, t: Mapping[str, Any]) -> str:
    parts = []
    if problem["sheet"]:
        parts.append(f"{t['sheet']} »{problem['sheet']}«")
    if problem["row"]:
        parts.append(f"{t['row']} {problem['row']}")
    if problem["column"]:
        letter = f" ({problem['column_letter']})" if problem["column_letter"] else ""
        parts.append(f"{t['column']} »{problem['column']}«{letter}")
    return ", ".join(parts)


def _check(args: argparse.Namespace) -> int:
    t = _TEXT[args.lang]
    data = load_workbook(args.file, max_bytes=int(args.max_size * 1024 * 1024))
    report = check_report(data, args.lang)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        print(f"{report['file']}: " + t["summary"].format(**report))
        print(t["per_category"] + ": " + ", ".join(
            f"{name} {count}" for name, count in report["categories"].items()))
        problems = report["errors"] + report["warnings"]
        if not problems:
            print(t["no_problems"])
        else:
            print(t["problems"].format(errors=len(report["errors"]),
                                       warnings=len(report["warnings"])))
            for p in problems:
                label = t["error"] if p["severity"] == "error" else t["warning"]
                where = _where(p, t)
                print(f"- {label}{' – ' + where if where else ''}: {p['message']}")
    return EXIT_OK if data.is_valid else EXIT_DATA_ERRORS


def _format(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return f"{value:.3f}".replace(".", ",")
    return str(value)


def _analyze(args: argparse.Namespace) -> int:
    t = _TEXT[args.lang]
    data = load_workbook(args.file, max_bytes=int(args.max_size * 1024 * 1024))
    report = analyze_report(data, top=args.top, resolution=args.resolution, lang=args.lang)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return EXIT_OK if data.is_valid else EXIT_DATA_ERRORS
    explain = report["explanations"]
    print(t["network_head"].format(hub=report["hub_excluded"]))
    for key in ("nodes", "edges", "density", "components", "diameter", "average_path_length"):
        label = t[key] if key in ("nodes", "edges") else explain[key]["label"]
        print(f"  {label}: {_format(report['network'][key])}")
    if report["network"]["betweenness_sample"]:
        print(t["sampled"].format(k=report["network"]["betweenness_sample"]))
    print()
    print(t["ranking_head"] + ":")
    columns: Final = ("degree", "betweenness", "closeness", "pagerank", "community")
    print("  " + " | ".join(["Name"] + [explain[c]["label"] for c in columns]))
    for partner in report["partners"]:
        print("  " + " | ".join([partner["name"]] + [_format(partner[c]) for c in columns]))
    print()
    for key in columns:
        print(f"  {explain[key]['label']}: {explain[key]['explanation']}")
    print()
    print(t["groups_head"].format(modularity=_format(report["network"]["modularity"]),
                                  modularity_text=explain["modularity"]["explanation"]))
    alone = [g["members"][0] for g in report["communities"] if g["size"] == 1]
    for group in report["communities"]:
        if group["size"] > 1:
            print(f"  {group['id']}. {group['name']}: {', '.join(group['members'])}")
    if alone:
        print("  " + t["alone"].format(n=len(alone), names=", ".join(alone)))
    if data.errors:
        print()
        print(t["problems"].format(errors=len(data.errors), warnings=len(data.warnings)))
    return EXIT_OK if data.is_valid else EXIT_DATA_ERRORS


def _export(args: argparse.Namespace) -> int:
    t = _TEXT[args.lang]
    data = load_workbook(args.file, max_bytes=int(args.max_size * 1024 * 1024))
    meta = meta_for(data, title=args.title, lang=args.lang,
                    include_personal=args.include_personal)
    for path in export(args.fmt, args.output, data, meta=meta, paper=args.paper):
        print(t["export_written"].format(path=path))
    if data.errors:
        print(t["export_errors"].format(errors=len(data.errors), file=args.file),
              file=sys.stderr)
    return EXIT_OK if data.is_valid else EXIT_DATA_ERRORS


def _template(args: argparse.Namespace) -> int:
    t = _TEXT[args.lang]
    path = write_template(args.output, lang=args.lang)
    print(t["template_written"].format(path=path))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang(argv)
    t = _TEXT[lang]
    parser = build_parser(lang)
    args = parser.parse_args(argv)  # exits 2 with argparse's message on bad usage
    try:
        return args.run(args)
    except NetworkAppError as exc:
        if getattr(args, "json", False):
            # Scripts get one JSON object even when the file cannot be read at all.
            print(json.dumps(unreadable_report(args.file, exc, args.lang), ensure_ascii=False,
                             indent=2))
        print(exc.text(args.lang), file=sys.stderr)
        return EXIT_UNREADABLE
    except OSError as exc:
        target = getattr(args, "output", None) or getattr(args, "file", "")
        print(t["cannot_write" if getattr(args, "output", None) else "unexpected"].format(
            path=target, detail=exc.strerror or exc), file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last net: a message, never a traceback
        if os.environ.get("NETWORK_APP_DEBUG"):
            traceback.print_exc()
        print(t["unexpected"].format(detail=f"{type(exc).__name__}: {exc}"[:300]),
              file=sys.stderr)
        return EXIT_UNREADABLE


if __name__ == "__main__":
    sys.exit(main())
