"""Every word a user reads about a problem, in German (first) and English.

The rest of the code speaks in stable codes with parameters; :func:`text` is the one function that
turns a code into a sentence. Tests assert on codes, not on this prose.

Parameters stay language-free until here: a parameter in :data:`CODED_PARAMS` holds a code whose
words the catalog has (``found="pdf"`` → "ein PDF-Dokument" / "a PDF document"), and a parameter
in :data:`AMOUNT_PARAMS` holds a number shown the reader's way ("1.000,5" / "1,000.5").
Positions (rows, years) stay as written: Excel shows row 1284, not 1.284.

>>> text("missing_name", sheet="Partner", row=4)
'Zeile 4 hat keinen Namen. Bitte einen Namen eintragen oder die Zeile löschen.'
>>> text("wrong_content", "en", extension="xlsx", found="pdf")[:43]
'The file ends in “.xlsx” but is a PDF docum'
>>> text("too_many_cells", "de", sheet="Partner", limit=200_000)[:44]
'Das Blatt »Partner« hat mehr als 200.000 gef'
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from . import by_key, fill, fixed, join_list, language, number, say, words

__all__ = ["AMOUNT_PARAMS", "CELL_PARAMS", "CODED_PARAMS", "MESSAGES", "text"]

MESSAGES = by_key("problems")

#: Parameters that hold a code, and the catalog section with the words for each code. A value
#: that is no code there (a reader's own detail) is shown as it is.
CODED_PARAMS = {
    "what": "problems.things",
    "table": "problems.tables",
    "found": "problems.found",
    "detail": "problems.details",
    "extension": "problems.extensions",
}
#: Parameters that are amounts (sizes, ratios, limits, lengths), shown with the language's
#: grouping and decimal mark. The raiser rounds them to what is worth showing: a float or int
#: shows at most three decimals, a :class:`~decimal.Decimal` exactly its own ("0,00").
AMOUNT_PARAMS = frozenset({"size_mb", "limit_mb", "unpacked_mb", "ratio", "limit", "length",
                           "limit_millions", "lowest", "highest", "width", "seconds",
                           "memory_mb"})
#: Parameters that hold a cell's content as read: a number there is shown as the ``value``, with
#: the language's decimal mark and every decimal it has, ungrouped as a spreadsheet shows it
#: ("3,5", "43831"); ``value`` itself is the text as saved ("3.5"), for JSON and tests.
CELL_PARAMS = frozenset({"cell"})


def text(code: str, lang: str = "de", **params: object) -> str:
    """The sentence for ``code`` in ``lang`` ("de" or "en"), filled with ``params``."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    lang = language(lang)
    params = _shown(params, lang)
    suggestion = params.get("suggestion")
    hint = fill(words("format", lang)["did_you_mean"], lang, suggestion=suggestion)
    sentence = fill(entry[lang], lang, did_you_mean=hint if suggestion else "", **params)
    if _folded(entry[lang], params):
        # one problem standing for many rows (workbook.problems.summarise)
        examples: Any = params["examples"]
        rows = join_list([str(row) for row in examples], lang)
        sentence += " " + say("problems.summary.rows", lang, count=params["count"],
                              examples=rows)
    return sentence


def _folded(template: object, params: dict[str, Any]) -> bool:
    """Whether the problem stands for many rows and its own sentence does not say so (a
    note written for many rows names its ``count`` or ``examples`` itself)."""
    return (isinstance(template, str) and "{count}" not in template
            and "{examples}" not in template
            and isinstance(params.get("count"), int) and bool(params.get("examples")))


def _shown(params: dict[str, Any], lang: str) -> dict[str, Any]:
    """``params`` with codes turned into words and amounts into numbers of ``lang``."""
    shown = dict(params)
    for name, value in params.items():
        if name in AMOUNT_PARAMS and isinstance(value, Decimal):
            # a Decimal keeps the decimals its raiser chose, trailing zeros included
            exponent = value.as_tuple().exponent
            digits = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            shown[name] = fixed(float(value), lang, digits=digits)
        elif name in AMOUNT_PARAMS and isinstance(value, int | float) and \
                not isinstance(value, bool):
            shown[name] = number(value, lang, digits=3)
        elif name in CELL_PARAMS and isinstance(value, int | float) and \
                not isinstance(value, bool):
            shown["value"] = number(value, lang, digits=15, grouping=False)
        elif name in CODED_PARAMS and isinstance(value, str):
            section = words(CODED_PARAMS[name], lang)
            if value in section:
                shown[name] = fill(section[value], lang, **params)
    return shown
