import datetime as dt

import pytest

from network_app.workbook.values import (
    ValueProblem,
    parse_date,
    parse_number,
    parse_year,
    split_categories,
    split_list,
    to_text,
)


@pytest.mark.parametrize(
    ("cell", "year"),
    [
        (2019, 2019),
        (2019.0, 2019),
        ("2019", 2019),
        ("seit 2019", 2019),
        ("Seit 2019 ", 2019),
        ("ab 03/2020", 2020),
        ("01.03.2018", 2018),
        (dt.date(2021, 5, 1), 2021),
        (dt.datetime(2017, 1, 2, 10, 0), 2017),
        (43466, 2019),  # Excel serial date 2019-01-01
        ("43466", 2019),
        (None, None),
        ("  ", None),
    ],
)
def test_parse_year_reads_what_people_write(cell, year):
    assert parse_year(cell) == year


@pytest.mark.parametrize("cell", ["irgendwann", "bald", 2019.5, True])
def test_parse_year_refuses_non_years(cell):
    with pytest.raises(ValueProblem) as info:
        parse_year(cell)
    assert info.value.code == "bad_year"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("12.08.2022", ("2022-08-12", 2022)),
        ("2022-08-12", ("2022-08-12", 2022)),
        (dt.date(2022, 5, 19), ("2022-05-19", 2022)),
        (44785, ("2022-08-12", 2022)),
        (2022, ("2022", 2022)),
        ("Okt. 2022", ("Okt. 2022", 2022)),
        (None, (None, None)),
    ],
)
def test_parse_date(cell, expected):
    assert parse_date(cell) == expected


@pytest.mark.parametrize("cell", ["31.02.2022", "nächste Woche"])
def test_parse_date_refuses(cell):
    with pytest.raises(ValueProblem):
        parse_date(cell)


def test_to_text_shows_cells_as_people_see_them():
    assert to_text(12.0) == "12"
    assert to_text(1.5) == "1.5"
    assert to_text("  Öcher\u00a0 Lab  ") == "Öcher Lab"
    assert to_text("") is None
    assert to_text(dt.date(2022, 1, 2)) == "2022-01-02"
    # a boolean cell is quoted as German Excel shows it (data, the same in every language)
    assert (to_text(True), to_text(False)) == ("WAHR", "FALSCH")


def test_parse_number_accepts_decimal_comma():
    assert parse_number("51,57") == pytest.approx(51.57)
    assert parse_number(8.1) == pytest.approx(8.1)
    with pytest.raises(ValueProblem):
        parse_number("Soest")


def test_lists_split_on_semicolon_and_bar_not_comma():
    assert split_list("A; B | C\nD") == ["A", "B", "C", "D"]
    assert split_list("Wirtschaft, Marketing") == ["Wirtschaft, Marketing"]
    assert split_categories("Austausch, Forschung; Netzwerk") == [
        "Austausch", "Forschung", "Netzwerk"]
    assert split_list(None) == []
