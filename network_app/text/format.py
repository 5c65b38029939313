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

A number of 10¹⁵ or more is written with a power of ten, so that any size a
spreadsheet holds can be read (Babel alone fails from about 10²⁶ on); infinity is "∞" and a
value that is not a number is "–", as an empty value is written elsewhere:

>>> number(1e30, "de"), fixed(-2.5e300, "en", digits=1)
('1\xa0×\xa010³⁰', '-2.5\xa0×\xa010³⁰⁰')
>>> as_written(1.2345e-30, "de"), number(float("inf"), "de"), number(float("nan"), "en")
('1,2345\xa0×\xa010⁻³⁰', '∞', '–')
"""

from __future__ import annotations

import datetime as dt
import decimal
import os
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_datetime
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent, get_minus_sign_symbol

__all__ = ["LOCALES", "as_written", "fixed", "join_list", "moment", "number", "percent",
           "plural_form"]

#: Our language codes and the Babel locale each stands for.
LOCALES = {"de": "de_DE", "en": "en_GB"}


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES.get(lang, LOCALES["de"]))


#: From 10 to this power on a number is written with a power of ten ("1,5 × 10³⁰"): a float no
#: longer holds every whole digit, and 16 digits and more are no longer read at a glance.
_POWER_FROM = 15
#: Below 10 to this power (and above zero) :func:`as_written` writes a power of ten too
#: ("2 × 10⁻⁹", not "0,000000002").
_POWER_BELOW = -6
#: What a value that is not a number (NaN) is written as: as an empty value is, elsewhere.
NOT_A_NUMBER = "–"
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _as_decimal(value: float | int | Decimal) -> Decimal:
    """``value`` as a Decimal with the digits it is written with (a float's shortest repr)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):  # also bool; Decimal(int) has no 4,300-digit limit as str has
        return Decimal(value)
    try:
        return Decimal(repr(float(value)))
    except (TypeError, ValueError, OverflowError):
        return Decimal(str(value))


def _babel(value: Decimal, pattern: str, lang: str,
           formatter: Callable[..., str] = format_decimal) -> str:
    """Babel's format_decimal (or format_percent) with enough precision for every digit the
    pattern asks for (Babel rounds in the current decimal context, 28 digits by default),
    without "-0" for a small negative value rounded to zero."""
    with decimal.localcontext() as context:
        # + 6: a percent is the value times 100, two digits more
        context.prec = max(context.prec, value.adjusted() + len(pattern) + 6)
        text = formatter(value, format=pattern, locale=_locale(lang))
    minus = get_minus_sign_symbol(_locale(lang))
    if text.startswith(minus) and not any(ch in "123456789" for ch in text):
        text = text[len(minus):]  # a small negative value rounded to zero
    return text


def _not_finite(value: Decimal, lang: str) -> str:
    if value.is_nan():
        return NOT_A_NUMBER
    return (get_minus_sign_symbol(_locale(lang)) if value < 0 else "") + "∞"


def _power_of_ten(value: Decimal, lang: str, *, decimals: int, exact: bool) -> str:
    """``value`` as a mantissa between 1 and 10 times a power of ten, "1,5 × 10³⁰": the mantissa
    with ``decimals`` decimals (``exact``: always that many, else trailing zeros dropped)."""
    exponent = value.adjusted()
    quantum = Decimal(1).scaleb(-decimals)
    with decimal.localcontext() as context:
        context.prec = decimals + 4
        mantissa = value.scaleb(-exponent).quantize(quantum)
        if abs(mantissa) >= 10:  # 9.99… rounded up to 10
            exponent += 1
            mantissa = value.scaleb(-exponent).quantize(quantum)
    pattern = "0" + ("." + ("0" if exact else "#") * decimals if decimals else "")
    return (_babel(mantissa, pattern, lang) + "\u00a0×\u00a010"
            + str(exponent).translate(_SUPERSCRIPT))


def _tiny(value: Decimal, digits: int) -> bool:
    """Whether ``value`` is below 10⁻⁶ and ``digits`` decimals reach its first digit: then it is
    written with a power of ten and the same digits ("1,5 × 10⁻³⁰", not 29 zeros and "15")."""
    return bool(value) and value.adjusted() < _POWER_BELOW and digits + value.adjusted() >= 0


def number(value: float | int | Decimal, lang: str = "de", *, digits: int = 0,
           grouping: bool = True) -> str:
    """``value`` with at most ``digits`` decimals (trailing zeros dropped), grouped by locale;
    from 10¹⁵ on as "1,23 × 10¹⁵" (at least two decimals in front of the power), below 10⁻⁶
    with a power of ten too when ``digits`` reach it (see :func:`_tiny`)."""
    exact = _as_decimal(value)
    if not exact.is_finite():
        return _not_finite(exact, lang)
    if exact and exact.adjusted() >= _POWER_FROM:
        return _power_of_ten(exact, lang, decimals=max(digits, 2), exact=False)
    if _tiny(exact, digits):
        return _power_of_ten(exact, lang, decimals=digits + exact.adjusted(), exact=False)
    pattern = "#,##0" if grouping else "0"
    if digits:
        pattern += "." + "#" * digits
    return _babel(exact, pattern, lang)


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


def as_written(value: float | int | Decimal, lang: str = "de") -> str:
    """A number from the data with all the decimals it has, no more (a weight of 291, 2.5 or
    0.025), the decimal mark and grouping by locale; a very large or very small one with every
    digit it has times a power of ten (1e30 is "1 × 10³⁰", 2.5e-9 "2,5 × 10⁻⁹").

    >>> as_written(291.0, "de"), as_written(0.025, "de"), as_written(12345.5, "en")
    ('291', '0,025', '12,345.5')
    """
    exact = _as_decimal(value)
    if not exact.is_finite():
        return _not_finite(exact, lang)
    if exact and not _POWER_BELOW <= exact.adjusted() < _POWER_FROM:
        decimals = len(exact.normalize().as_tuple().digits) - 1
        return _power_of_ten(exact, lang, decimals=decimals, exact=False)
    exponent = exact.as_tuple().exponent
    digits = min(-exponent, 15) if isinstance(exponent, int) and exponent < 0 else 0
    return number(exact, lang, digits=digits)


def fixed(value: float | int | Decimal, lang: str = "de", *, digits: int = 2) -> str:
    """``value`` with exactly ``digits`` decimals (for columns that should line up); from 10¹⁵
    on as "1,00 × 10¹⁵" (the same decimals in front of the power), below 10⁻⁶ with a power of
    ten too when ``digits`` reach it (:func:`_tiny`).

    >>> fixed(0.5, "de", digits=3)
    '0,500'
    """
    exact = _as_decimal(value)
    if not exact.is_finite():
        return _not_finite(exact, lang)
    if exact and exact.adjusted() >= _POWER_FROM:
        return _power_of_ten(exact, lang, decimals=digits, exact=True)
    if _tiny(exact, digits):
        return _power_of_ten(exact, lang, decimals=digits + exact.adjusted(), exact=True)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return _babel(exact, pattern, lang)


def percent(value: float | int | Decimal, lang: str = "de", *, digits: int = 0) -> str:
    """A share (0.25) as a percentage by locale: "25 %" in German, "25%" in English."""
    pattern = _locale(lang).percent_formats[None].pattern
    if digits:
        pattern = pattern.replace("0", "0." + "#" * digits, 1)
    exact = _as_decimal(value)
    if exact.is_nan():
        return NOT_A_NUMBER
    if not exact.is_finite() or (exact and exact.adjusted() + 2 >= _POWER_FROM):
        # the locale's percent sign and spacing around the number as "number" writes it
        shown = number(exact * 100 if exact.is_finite() else exact, lang, digits=digits)
        return format_percent(0, format=pattern, locale=_locale(lang)).replace("0", shown, 1)
    return _babel(exact, pattern, lang, format_percent)


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
    """The CLDR plural category of ``count`` in ``lang`` ("one" or "other" for de/en);
    "other" for infinity and a value that is not a number."""
    if not _as_decimal(count).is_finite():
        return "other"
    return _locale(lang).plural_form(abs(count))
