"""Dates, date ranges, countries, amounts and percentages in each language, from CLDR (Babel).

No month or country name is written here: they all come from CLDR.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency, format_decimal, format_percent
from babel.units import format_unit

from ..data.dates import Day

# CLDR's bare `en` is US English ("November 16, 2016"). The site's English is British, as the EU
# institutions write it, so bare `en` is formatted as en_GB ("16 November 2016"); a site that wants
# another English sets its theme language to a full tag such as `en-US`.
_FORMAT_AS = {"en": "en_GB"}


@cache
def locale(tag: str) -> Locale:
    """The CLDR locale of a BCP 47 tag or Babel identifier (`sr-Latn` and `sr_Latn` alike)."""
    return Locale.parse(_FORMAT_AS.get(tag, tag).replace("-", "_"))


# Dates are formatted with a cache: a 10,000-page site prints each event's dates on its
# own page and in up to five lists, and Babel takes about 40 microseconds a date.
_DATES = 1 << 16


@lru_cache(maxsize=_DATES)
def long_date(day: date, tag: str) -> str:
    """cs '16. listopadu 2016', bg '16 ноември 2016 г.', sr-Latn '16. novembar 2016.', en '16 November 2016'."""
    return format_date(day, "long", locale=locale(tag))


@lru_cache(maxsize=_DATES)
def month_year(day: date, tag: str) -> str:
    """A month heading in the standalone form: cs 'listopad 2016'."""
    return format_skeleton("yMMMM", day, locale=locale(tag))


def day_text(day: Day, tag: str) -> str:
    """A date, or a month where only the month is known."""
    return month_year(day.first, tag) if day.whole_month else long_date(day.first, tag)


@lru_cache(maxsize=_DATES)
def date_range(start: Day, end: Day | None, tag: str) -> str:
    """A date or a range in the language's own form: cs '28.–29. června 2017'."""
    if end is None or (end.first == start.first and end.whole_month == start.whole_month):
        return day_text(start, tag)
    if start.whole_month or end.whole_month:
        return _interval(start.first, end.last, tag, "yMMMM")
    return _interval(start.first, end.first, tag, "yMMMMd")


@cache
def _interval_patterns(tag: str, skeleton: str) -> dict[str, tuple[str, str]]:
    """CLDR's interval patterns for a skeleton with full month names.

    Most locales have no `yMMMMd` intervals, only `yMMMd` ones with abbreviated or
    numeric months. Those are widened to full month names, keeping CLDR's order,
    separators and punctuation (cs 'd.–' + 'd. M. y' becomes 'd.–' + 'd. MMMM y').
    """
    formats = locale(tag).interval_formats
    native = formats.get(skeleton)
    if native:
        return {key: tuple(native[key]) for key in native}
    fallback = formats.get("yMMMd" if skeleton == "yMMMMd" else "yMMM")
    return {key: tuple(_widen_month(part) for part in fallback[key]) for key in fallback}


def _widen_month(pattern: str) -> str:
    # Split out quoted literals so that only pattern letters are rewritten.
    pieces = re.split(r"('[^']*')", pattern)
    for i, piece in enumerate(pieces):
        if piece.startswith("'"):
            continue
        piece = re.sub(r"(?<![ML])(?:MMM|LLL)(?![ML])", "MMMM", piece)
        piece = re.sub(r"(?<![ML])M{1,2}(?![ML])\.?", "MMMM", piece)
        piece = re.sub(r"(?<!d)dd(?!d)", "d", piece)
        pieces[i] = piece
    return "".join(pieces)


def _interval(start: date, end: date, tag: str, skeleton: str) -> str:
    patterns = _interval_patterns(tag, skeleton)
    if start.year != end.year:
        key = "y"
    elif start.month != end.month:
        key = "M"
    else:
        key = "d" if skeleton.endswith("d") else "M"
    first, second = patterns.get(key) or patterns["y"]
    where = locale(tag)
    return format_date(start, first, locale=where) + format_date(end, second, locale=where)


def country(code: str, tag: str) -> str:
    """A country's name: 'Itálie', 'Италия', 'Italija'."""
    return locale(tag).territories.get(code, code)


def amount(value: Decimal, currency: str, tag: str) -> str:
    """cs '425 698,75 €'."""
    return format_currency(value, currency, locale=locale(tag))


def percent(share: Decimal, tag: str) -> str:
    """A share given in per cent (93.96) as the language writes it: cs '93,96 %'."""
    return format_percent(share / 100, locale=locale(tag), decimal_quantization=False)


def months(count: int, tag: str) -> str:
    """'24 months', '24 meseca', '24 месеца', '24 měsíců', with CLDR's plural rules."""
    return format_unit(count, "duration-month", length="long", locale=locale(tag))


def number(value: int, tag: str) -> str:
    """A whole number with the language's grouping (cs "10 000", en "10,000")."""
    return format_decimal(value, locale=locale(tag))
