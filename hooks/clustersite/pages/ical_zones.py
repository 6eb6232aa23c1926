"""VTIMEZONE components (RFC 5545, 3.6.5) made from the IANA time zone database.

    vtimezone("Europe/Sofia", first_year, last_year) -> bytes

Python's zoneinfo holds the rules; this module finds the moments, between the
first and the last year, at which a zone's UTC offset or abbreviation changes, and
writes each as an observance. An observance's DTSTART is the local time at which
it begins, read on the clock of the observance before it (TZOFFSETFROM), as RFC 5545
has it: Sofia's clocks went forward at 03:00 EET on 27 March 2016, so the summer
observance starts at 20160327T030000 with TZOFFSETFROM:+0200.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from .ical_writer import CRLF, content_line

_STEP = timedelta(days=1)  # zones change at most twice a year; a day apart finds every change
_PRECISION = timedelta(seconds=1)

State = tuple[timedelta, bool, str]  # UTC offset, daylight saving or not, abbreviation


def range_start(first_year: int) -> datetime:
    """A day before 1 January in UTC, so that the whole local first day is covered in every zone."""
    return datetime(first_year - 1, 12, 31, tzinfo=UTC)


def _state(tz: ZoneInfo, moment: datetime) -> State:
    local = moment.astimezone(tz)
    return local.utcoffset() or timedelta(0), bool(local.dst()), local.tzname() or ""


def transitions(zone: str, first_year: int, last_year: int) -> tuple[State, list[tuple[datetime, State, State]]]:
    """The state at the start (`range_start`), and each change until the end of `last_year` (UTC moment, before, after)."""
    tz = ZoneInfo(zone)
    moment = range_start(first_year)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    initial = current = _state(tz, moment)
    changes = []
    while moment < end:
        following = moment + _STEP
        state = _state(tz, following)
        if state != current:
            low, high = moment, following  # the change lies in (low, high]: halve the interval
            while high - low > _PRECISION:
                middle = low + (high - low) / 2
                if _state(tz, middle) == current:
                    low = middle
                else:
                    high = middle
            changes.append((high.replace(microsecond=0), current, state))
            current = state
        moment = following
    return initial, changes


def _offset(value: timedelta) -> str:
    """A UTC-OFFSET value: +0200, -0330, or +005744 where seconds are needed."""
    seconds = int(value.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")


def _observance(start_local: datetime, before: State, after: State) -> bytes:
    kind = "DAYLIGHT" if after[1] else "STANDARD"
    lines = [content_line("BEGIN", kind), content_line("DTSTART", start_local.strftime("%Y%m%dT%H%M%S")),
             content_line("TZOFFSETFROM", _offset(before[0])), content_line("TZOFFSETTO", _offset(after[0]))]
    if after[2]:
        lines.append(content_line("TZNAME", after[2]))
    lines.append(content_line("END", kind))
    return b"".join(lines)


@lru_cache(maxsize=256)
def vtimezone(zone: str, first_year: int, last_year: int) -> bytes:
    """The zone's rules from the start of `first_year` to the end of `last_year`, as one VTIMEZONE."""
    initial, changes = transitions(zone, first_year, last_year)
    start = range_start(first_year)
    parts = [content_line("BEGIN", "VTIMEZONE"), content_line("TZID", zone),
             _observance((start + initial[0]).replace(tzinfo=None), initial, initial)]
    for moment, before, after in changes:
        parts.append(_observance((moment + before[0]).replace(tzinfo=None), before, after))
    parts.append(b"END:VTIMEZONE" + CRLF)
    return b"".join(parts)
