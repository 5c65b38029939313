"""Data quality: rows that may be one partner, side by side."""

from __future__ import annotations

import pytest

from network_app import duplicate_pairs, load_workbook


@pytest.fixture
def data(make_xlsx, small_sheets):
    return load_workbook(make_xlsx(small_sheets))


def test_duplicate_pairs(make_xlsx):
    data = load_workbook(make_xlsx({
        "Partner": [
            ["Name", "Kategorie", "Ort"],
            ["VHS Soest", "Kooperation", "Soest"],
            ["Fablab Hamm", "Austausch", "Hamm"],
            ["VHS Soest e.V.", "Kooperation", None],
            ["fablab  hamm", "Austausch", "Hamm"],
        ],
    }))
    frame = data.partners.copy(deep=True)
    pairs = duplicate_pairs(data)
    by_code = {code: (first, second) for first, second, code in pairs}
    assert sorted(by_code) == ["duplicate_name", "similar_name"]
    first, second = by_code["similar_name"]
    assert (first["name"], first["row"], first["place"]) == ("VHS Soest", 2, "Soest")
    assert (second["name"], second["row"], second["place"]) == ("VHS Soest e.V.", 4, None)
    assert second["categories"] == ["Kooperation"]
    first, second = by_code["duplicate_name"]
    assert (first["name"], first["row"]) == ("Fablab Hamm", 3)
    assert second == {"name": "fablab hamm", "row": 5}  # as read: spaces tidied
    assert data.partners.equals(frame)


def test_no_duplicates(data):
    assert duplicate_pairs(data) == []
