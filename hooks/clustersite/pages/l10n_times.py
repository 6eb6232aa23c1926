"""Times of day and time spans in each language, with the zone's name, from CLDR (Babel).

en '22 April 2016, 11:00 – 13:00 (Eastern European Summer Time)'; cs '22. dubna 2016 11:00–13:00
(východoevropský letní čas)'. Times are on the 24-hour clock, as staff write them.
"""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_interval, format_skeleton, get_timezone_name

from .l10n import locale, long_date


def clock(moment: datetime, tag: str) -> str:
    """A time of day: '11:00', bg '11:00 ч.'."""
    return format_skeleton("Hm", moment, locale=locale(tag))


def zone_name(moment: datetime, tag: str) -> str:
    """The zone's name at that moment, summer or winter: 'Central European Summer Time'."""
    return get_timezone_name(moment, "long", locale=locale(tag))


def time_span(start: datetime, end: datetime | None, tag: str, dates: str = "") -> str:
    """The date, the times and the zone's name; the end only where the data states it.

    Without an end, `dates` (a date range already in words) may stand for the start's date.
    """
    where = locale(tag)
    joined = str(where.datetime_formats["medium"])  # CLDR's way to put a date and a time together: '{1}, {0}'
    if end is None:
        text = joined.format(clock(start, tag), dates or long_date(start.date(), tag))
    elif end.date() == start.date():
        times = format_interval(start.time(), end.time(), "Hm", locale=where)
        text = joined.format(times, long_date(start.date(), tag))
    else:
        first = joined.format(clock(start, tag), long_date(start.date(), tag))
        last = joined.format(clock(end, tag), long_date(end.date(), tag))
        text = where.interval_formats[None].format(first, last)
    return f"{text} ({zone_name(start, tag)})"
