"""Every sentence a user reads comes from the catalog: no German text in the code elsewhere.

The test reads every string literal of the library and the app (docstrings aside) and fails on
one that holds a tell-tale German word or an umlaut, unless it is listed below with its reason:
the workbook format's own vocabulary (sheet names, headers, aliases, the German column names of
the exports, which read back as a workbook) is data, not a sentence for the user.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from english import TELL_TALE_GERMAN

ROOT = Path(__file__).resolve().parents[1]
CATALOGS = {"network_app/text/de.py", "network_app/text/en.py"}
#: Modules that define the workbook format itself: every German word there is vocabulary.
FORMAT_MODULES = {
    "network_app/workbook/schema.py",  # sheet and column names, aliases, categories
    "network_app/exports/tables.py",  # export columns = the workbook's headers (read back)
}
#: (module, literal): German text in code that is data, each with its reason.
ALLOWED = {
    ("app_pages/common.py", "Partner-Vorlage.xlsx"),  # a temporary file's name, never shown
    ("network_app/analysis/whatif.py", r"\s*(?:[;,/&\n]|\s+und\s+)\s*"),  # splits "A und B"
    ("network_app/drawing/styling.py", "Netzwerk"),  # a category (workbook value) as a key
    ("network_app/exports/graphs.py", "Kategorie"),  # the export column of that name
    # the report's sheet and column names: it reads back as a partner workbook
    ("network_app/exports/report.py", "Verbindungen"),
    ("network_app/exports/report.py", "gemeinsame Aktivitäten"),
    ("network_app/exports/report.py", "gemeinsame Programme"),
    ("network_app/workbook/template.py", "Datenstand"),  # a setting's name in the workbook
    ("network_app/workbook/validation.py", "[0-9a-zäöüß]+"),  # a pattern for German names
    # a region's Kreise as the gazetteer names them (the region's name is shown, as a name)
    ("network_app/drawing/reach.py", "Märkischer Kreis"),
    # words of German place names, matched in the column Ort, never shown
    *(("network_app/geo/names.py", words) for words in (
        "freie und hansestadt", "in der oberpfalz", "an der ", "in der ", "bei ", "der", "auf",
        "bei", "zu",
        r" (am|an der|an|auf der|auf|bei|im|in der|in|ob der|ob|unter|vor der|vor|zu) .+$")),
}
_LEGAL_FORMS = re.compile(r"^(gmbh|ev|ag|kg|stiftung|stadt|gemein)\b")  # stop words, matching
_WORD = re.compile(r"[^\W\d_]+")
_UMLAUT = re.compile(r"[äöüÄÖÜß]")


def _sources():
    for pattern in ("network_app/**/*.py", "app_pages/**/*.py", "streamlit_app.py"):
        for path in sorted(ROOT.glob(pattern)):
            name = path.relative_to(ROOT).as_posix()
            if name not in CATALOGS and name not in FORMAT_MODULES:
                yield name, ast.parse(path.read_text(encoding="utf-8"))


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                and body and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)):
            found.add(id(body[0].value))
    return found


def findings(name: str, tree: ast.AST):
    """German text in the string literals of one module, docstrings and ALLOWED aside."""
    docs = _docstrings(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if id(node) in docs or (name, node.value) in ALLOWED or _LEGAL_FORMS.match(node.value):
            continue
        words = set(_WORD.findall(node.value))
        if words & TELL_TALE_GERMAN or (_UMLAUT.search(node.value) and len(words) > 1):
            yield f"{name}:{node.lineno}: {node.value[:60]!r}"


def test_no_german_text_outside_the_catalog():
    assert [found for name, tree in _sources() for found in findings(name, tree)] == []


def test_the_check_finds_german_text_but_not_in_docstrings():
    source = 'def f():\n    """Doc: die Datei, ä ö."""\n    return "Keine Datei gefunden."\n'
    assert list(findings("x.py", ast.parse(source))) == ["x.py:3: 'Keine Datei gefunden.'"]
    assert list(findings("x.py", ast.parse('x = "Größe Übersicht"'))) == [
        "x.py:1: 'Größe Übersicht'"]
