"""Words: every sentence a user reads, in German (first) and English, from one catalog each.

::

    text/de.py, text/en.py   the catalogs: section → {key: template}; a plural is a dict
                             {"one": …, "other": …}; the same keys and placeholders in both
    text/format.py           numbers, percentages, lists and plural rules by locale (Babel)
    text/messages.py         problem codes → sentences (the "problems" section)

Why Python catalog modules and not gettext ``.po`` files: the catalog is data the type checker
and the tests read directly (no compile step, no ``.mo`` files to ship or forget), a section can
hold the structure its user needs (a label with its explanation, a word per category), and
``tests/test_text.py`` checks that both languages have the same keys and placeholders. German is
not the lookup key, so fixing a German typo does not orphan the English text.

>>> words("format", "en")["more"].format(n=2)
'2 more'
>>> say("format.more", "de", n=2)
'2 weitere'
>>> say("format.partners", "en", count=1)
'1 partner'
>>> say("format.partners", "de", count=3)
'3 Partner'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import de, en
from .format import fixed, join_list, number, percent, plural_form

__all__ = [
    "CATALOGS",
    "LANGUAGES",
    "by_key",
    "by_language",
    "fixed",
    "join_list",
    "language",
    "number",
    "percent",
    "plural_form",
    "say",
    "words",
]

#: The languages of the user interface; the first is the default.
LANGUAGES: tuple[str, ...] = ("de", "en")

CATALOGS: dict[str, dict[str, Any]] = {"de": de.CATALOG, "en": en.CATALOG}


def language(lang: str | None) -> str:
    """``lang`` if we speak it, else German."""
    return lang if lang in CATALOGS else LANGUAGES[0]


def words(section: str, lang: str = "de") -> Mapping[str, Any]:
    """The catalog section ``section`` in ``lang`` (read-only use, shared by all callers)."""
    return CATALOGS[language(lang)][section]


def by_language(section: str) -> dict[str, Mapping[str, Any]]:
    """``{"de": section in German, "en": section in English}`` for code that picks by language."""
    return {lang: words(section, lang) for lang in LANGUAGES}


def by_key(section: str) -> dict[str, dict[str, Any]]:
    """``{key: {"de": …, "en": …}}``: a section turned around, for tables keyed by a code."""
    return {key: {lang: words(section, lang)[key] for lang in LANGUAGES}
            for key in words(section, LANGUAGES[0])}


def say(key: str, lang: str = "de", **params: Any) -> str:
    """The sentence ``"section.key"`` in ``lang``, filled with ``params``.

    A plural entry picks its form by ``count`` under the language's plural rules; a number
    parameter named ``count`` or ``n`` is shown grouped by locale ("1.284").
    """
    section, _, name = key.rpartition(".")
    entry: Any = words(section, lang)[name]
    if isinstance(entry, Mapping):
        entry = entry[plural_form(params.get("count", 0), lang)]
    return fill(entry, lang, **params)


def fill(template: str, lang: str = "de", **params: Any) -> str:
    """``template`` filled with ``params``; a missing parameter shows as a dash, never fails."""
    values = _Defaulting(params)
    for name in ("count", "n"):
        if isinstance(params.get(name), int) and not isinstance(params.get(name), bool):
            values[name] = number(params[name], lang)
    return template.format_map(values)


class _Defaulting(dict):
    def __missing__(self, key: str) -> str:
        return "–"
