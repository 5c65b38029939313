"""Numbers, percentages, lists and plurals as a reader of each language writes them (Babel).

Every number a user reads goes through here, so German shows a decimal comma and English a
decimal point, in tables, tiles, charts, the CLI and every export alike.

>>> number(0.0273, "de", digits=3)
'0,027'
>>> number(0.0273, "en", digits=3)
'0.027'
>>> number(1284, "de")
'1.284'
>>> percent(0.25, "de").replace("\\xa0", " ")
'25 %'
>>> join_list(["A", "B", "C"], "de")
'A, B und C'
>>> join_list(["A", "B", "C", "D", "E"], "en", limit=3)
'A, B, C and 2 more'
>>> plural_form(1, "de"), plural_form(2, "de")
('one', 'other')
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_datetime
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

__all__ = ["LOCALES", "as_written", "fixed", "join_list", "moment", "number", "percent",
           "plural_form"]

#: Our language codes and the Babel locale each stands for.
LOCALES = {"de": "de_DE", "en": "en_GB"}


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES.get(lang, LOCALES["de"]))


def number(value: float | int, lang: str = "de", *, digits: int = 0,
           grouping: bool = True) -> str:
    """``value`` with at most ``digits`` decimals (trailing zeros dropped), grouped by locale."""
    pattern = "#,##0" if grouping else "0"
    if digits:
        pattern += "." + "#" * digits
    return format_decimal(value, format=pattern, locale=_locale(lang))


#: How a moment (a version's date, a file's last change) is written: day and minute.
_MOMENT = {"de": "dd.MM.yyyy, HH:mm", "en": "d MMM yyyy, HH:mm"}


#: The lab's time zone: a server often runs in UTC, its users read German time.
HOME_TIMEZONE = "Europe/Berlin"


@cache
def home_zone(name: str | None = None) -> dt.tzinfo | None:
    """The time zone dates are shown in: ``PARTNERNETZ_TIMEZONE`` if set (an IANA name such as
    "Europe/Vienna"), else Europe/Berlin; None (the machine's own) if neither is known here.

    >>> str(home_zone("Europe/Berlin")), home_zone("Mars/Olympus") is None
    ('Europe/Berlin', True)
    """
    for candidate in (name or os.environ.get("PARTNERNETZ_TIMEZONE"), HOME_TIMEZONE):
        if not candidate:
            continue
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            if candidate == name:
                return None
    return None


def moment(value: dt.datetime, lang: str = "de", *, tz: dt.tzinfo | None = None) -> str:
    """A date and time as ``lang`` writes it, in ``tz`` (default: :func:`home_zone`, the lab's
    time zone, whatever the server's is).

    >>> when = dt.datetime(2026, 3, 5, 14, 7, tzinfo=dt.timezone.utc)
    >>> moment(when, "de", tz=dt.timezone.utc), moment(when, "en", tz=dt.timezone.utc)
    ('05.03.2026, 14:07', '5 Mar 2026, 14:07')
    >>> moment(when, "de", tz=home_zone("Europe/Berlin"))  # winter: UTC+1
    '05.03.2026, 15:07'
    """
    shown = value.astimezone(tz if tz is not None else home_zone())
    return format_datetime(shown, _MOMENT.get(lang, _MOMENT["de"]), tzinfo=shown.tzinfo,
                           locale=_locale(lang))


def as_written(value: float | int, lang: str = "de") -> str:
    """A number from the data with all the decimals it has, no more (a weight of 291, 2.5 or
    0.025), the decimal mark and grouping by locale.

    >>> as_written(291.0, "de"), as_written(0.025, "de"), as_written(12345.5, "en")
    ('291', '0,025', '12,345.5')
    """
    exponent = Decimal(repr(float(value))).as_tuple().exponent
    digits = min(-exponent, 15) if isinstance(exponent, int) and exponent < 0 else 0
    return number(value, lang, digits=digits)


def fixed(value: float | int, lang: str = "de", *, digits: int = 2) -> str:
    """``value`` with exactly ``digits`` decimals (for columns that should line up).

    >>> fixed(0.5, "de", digits=3)
    '0,500'
    """
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def percent(value: float, lang: str = "de", *, digits: int = 0) -> str:
    """A share (0.25) as a percentage by locale: "25 %" in German, "25%" in English."""
    pattern = _locale(lang).percent_formats[None].pattern
    if digits:
        pattern = pattern.replace("0", "0." + "#" * digits, 1)
    return format_percent(value, format=pattern, locale=_locale(lang))


def join_list(items: Sequence[str], lang: str = "de", *, limit: int | None = None,
              conjunction: bool = True) -> str:
    """Items as running text: "A, B und C"; beyond ``limit`` items "A, B, C und 2 weitere".

    With ``conjunction=False`` a list that is not cut short is only comma-separated (after a
    colon: "Workshop, Tagung, Fest").

    >>> join_list(["Workshop", "Tagung"], "de", conjunction=False)
    'Workshop, Tagung'
    """
    from . import words

    items = [str(item) for item in items]
    if limit is not None and len(items) > limit:
        more = words("format", lang)["more"].format(n=len(items) - limit)
        return format_list([*items[:limit], more], locale=_locale(lang))
    if not items:
        return ""
    if not conjunction:
        return ", ".join(items)
    return format_list(items, locale=_locale(lang))


def plural_form(count: float | int, lang: str = "de") -> str:
    """The CLDR plural category of ``count`` in ``lang`` ("one" or "other" for de/en)."""
    return _locale(lang).plural_form(abs(count))
