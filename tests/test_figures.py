"""Key figures: counts per category under stable keys, words only when shown."""

from __future__ import annotations

import json

from english import german_words

from network_app import (
    NO_CATEGORY,
    build_graph,
    category_counts,
    category_label,
    key_figures,
    load_workbook,
    partners_per_year,
)
from network_app.text import LANGUAGES, words


def without_category(make_xlsx):
    return load_workbook(make_xlsx({
        "Partner": [["Name", "Kategorie", "Seit"], ["A", "Austausch", 2020], ["B", None, 2021],
                    ["C", "Forschung; Austausch", 2021]],
    }))


def test_no_category_is_a_key_not_a_word(make_xlsx):
    data = without_category(make_xlsx)
    counts = category_counts(data)
    assert counts == {"Austausch": 2, "Kooperation": 0, "Netzwerk": 0, "Forschung": 1,
                      NO_CATEGORY: 1}
    # The key is the same in every language and is no sentence of either catalog.
    for lang in LANGUAGES:
        assert NO_CATEGORY != category_label(NO_CATEGORY, lang)
    assert list(partners_per_year(data).columns) == ["Austausch", "Forschung", NO_CATEGORY]
    figures = key_figures(data, build_graph(data))
    assert json.loads(json.dumps(figures))["categories"][NO_CATEGORY] == 1


def test_category_label_translates_only_the_missing_category():
    assert category_label(NO_CATEGORY, "de") == words("network.figures", "de")["no_category"]
    assert category_label(NO_CATEGORY, "en") == "no category"
    assert german_words(category_label(NO_CATEGORY, "en")) == []
    assert category_label("Kooperation", "en") == "Kooperation"  # a workbook value
