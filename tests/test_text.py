"""The word catalogs: both languages have the same keys, structure and placeholders; numbers,
lists and plurals follow each language's rules."""

from __future__ import annotations

import string
from collections.abc import Mapping

import pytest

from network_app.text import (
    CATALOGS,
    fixed,
    join_list,
    number,
    percent,
    plural_form,
    say,
    words,
)
from network_app.text.format import LOCALES


def _placeholders(template: str) -> set[str]:
    return {field.split(".")[0].split("[")[0]
            for _, field, _, _ in string.Formatter().parse(template) if field}


def _walk(value, path=()):
    """Yield (path, leaf) for every string in a catalog, and (path, shape) for containers."""
    if isinstance(value, Mapping):
        yield path, ("mapping", tuple(sorted(value)))
        for key, item in value.items():
            yield from _walk(item, (*path, key))
    elif isinstance(value, tuple | list):
        yield path, ("sequence", len(value))
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))
    else:
        assert isinstance(value, str), f"{path}: catalog values are text, got {value!r}"
        yield path, ("text", frozenset(_placeholders(value)))


def test_both_languages_have_the_same_keys_structure_and_placeholders():
    german = dict(_walk(CATALOGS["de"]))
    english = dict(_walk(CATALOGS["en"]))
    assert german.keys() == english.keys(), sorted(set(german) ^ set(english))
    differing = {path: (german[path], english[path]) for path in german
                 if german[path] != english[path]}
    assert not differing


def test_no_entry_is_empty_or_untranslated_english_german_mix():
    for lang, catalog in CATALOGS.items():
        for path, (kind, _detail) in _walk(catalog):
            if kind != "text":
                continue
            entry = catalog
            for step in path:
                entry = entry[step]
            assert entry.strip(), f"{lang}: {'.'.join(map(str, path))} is empty"


@pytest.mark.parametrize("lang", list(CATALOGS))
def test_plural_entries_have_every_form_the_language_needs(lang):
    for path, (kind, detail) in _walk(CATALOGS[lang]):
        if kind == "mapping" and set(detail) <= {"zero", "one", "two", "few", "many", "other"}:
            assert set(detail) == {"one", "other"}, path
    # de and en know exactly "one" and "other" for whole numbers
    assert {plural_form(n, lang) for n in range(0, 30)} == {"one", "other"}


@pytest.mark.parametrize(("lang", "one", "many"), [
    ("de", "1 Partner", "1.284 Partner"),
    ("en", "1 partner", "1,284 partners"),
])
def test_plurals_and_grouped_counts(lang, one, many):
    assert say("format.partners", lang, count=1) == one
    assert say("format.partners", lang, count=1284) == many


def test_numbers_by_locale():
    assert number(0.0273, "de", digits=3) == "0,027"
    assert number(0.0273, "en", digits=3) == "0.027"
    assert number(1234.5, "de", digits=1) == "1.234,5"
    assert number(1234.5, "en", digits=1) == "1,234.5"
    assert number(3.0, "de", digits=2) == "3"
    assert fixed(0.5, "de", digits=2) == "0,50"
    assert fixed(0.5, "en", digits=2) == "0.50"
    assert percent(0.253, "de").replace("\xa0", " ") == "25 %"
    assert percent(0.253, "en") == "25%"
    assert percent(0.2534, "de", digits=1).replace("\xa0", " ") == "25,3 %"


def test_lists_by_locale_and_cut_short():
    assert join_list(["A", "B", "C"], "de") == "A, B und C"
    assert join_list(["A", "B", "C"], "en") == "A, B and C"
    assert join_list(["A"], "de") == "A"
    assert join_list([], "de") == ""
    assert join_list(list("ABCDE"), "de", limit=3) == "A, B, C und 2 weitere"
    assert join_list(list("ABCDE"), "en", limit=3) == "A, B, C and 2 more"


def test_a_missing_parameter_shows_a_dash_and_unknown_language_falls_back_to_german():
    assert say("format.more", "de") == "– weitere"
    assert words("format", "fr") is words("format", "de")


def test_locales_cover_every_catalog():
    assert set(LOCALES) == set(CATALOGS)
