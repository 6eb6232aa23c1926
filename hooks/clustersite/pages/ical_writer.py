"""iCalendar (RFC 5545) text for the few properties the site's calendars carry.

    vcalendar(name, [vevent(...), ...]) -> bytes

A site writes one VEVENT per event and language and a calendar file per event:
about 40,000 of each for a 10,000-page site. The icalendar library spent most of
the feeds' time on them (4.8 s of a 10,000-page build), so the properties are
written here, by the rules of RFC 5545: TEXT values escaped (3.3.11), lines folded
at 75 octets without splitting a UTF-8 sequence (3.1), CRLF line ends.
tests/test_ical.py reads what is written back with the icalendar library.
"""

from __future__ import annotations

from datetime import date, datetime

CRLF = b"\r\n"
_FOLD_AT = 75  # octets per line, the line break not counted (RFC 5545, 3.1)


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, line breaks written as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def content_line(name: str, value: str) -> bytes:
    """`NAME:value` as UTF-8, folded: continuation lines start with a space."""
    line = f"{name}:{value}".encode()
    if len(line) <= _FOLD_AT:
        return line + CRLF
    parts = []
    start, room = 0, _FOLD_AT
    while start < len(line):
        end = min(start + room, len(line))
        while end < len(line) and line[end] & 0xC0 == 0x80:  # inside a UTF-8 sequence: break before it
            end -= 1
        parts.append(line[start:end])
        start, room = end, _FOLD_AT - 1  # the leading space of a continuation line counts
    return b"\r\n ".join(parts) + CRLF


def date_value(day: date) -> str:
    return day.strftime("%Y%m%d")


def utc_value(moment: datetime) -> str:
    """A UTC DATE-TIME, such as 20261122T000000Z."""
    return moment.strftime("%Y%m%dT%H%M%SZ")


def local_value(moment: datetime) -> str:
    """A local DATE-TIME, read in the zone its TZID names (or floating, without one)."""
    return moment.strftime("%Y%m%dT%H%M%S")


def _when(name: str, moment: date | datetime) -> bytes:
    """DTSTART or DTEND: a DATE, or a DATE-TIME with the TZID of its zone (an aware datetime from zoneinfo)."""
    if not isinstance(moment, datetime):
        return content_line(f"{name};VALUE=DATE", date_value(moment))
    zone = getattr(moment.tzinfo, "key", None)
    if zone:
        return content_line(f"{name};TZID={zone}", local_value(moment))
    return content_line(name, local_value(moment))


def vevent(*, uid: str, stamp: datetime, summary: str, description: str, url: str, category: str,
           start: date | datetime, end: date | datetime | None, location: str) -> bytes:
    """One VEVENT: all day (`start` a date, `end` the day after the last), or timed in the zone of `start` and `end`."""
    lines = [b"BEGIN:VEVENT\r\n", content_line("UID", escape_text(uid)), content_line("DTSTAMP", utc_value(stamp)),
             content_line("SUMMARY", escape_text(summary))]
    if description:
        lines.append(content_line("DESCRIPTION", escape_text(description)))
    lines += [content_line("URL", url), content_line("CATEGORIES", escape_text(category)), _when("DTSTART", start)]
    if end is not None:
        lines.append(_when("DTEND", end))
    if location:
        lines.append(content_line("LOCATION", escape_text(location)))
    lines.append(b"END:VEVENT\r\n")
    return b"".join(lines)


def vcalendar(name: str, events: list[bytes], product: str, zones: list[bytes] | None = None) -> bytes:
    """A VCALENDAR around VTIMEZONEs and VEVENTs; `name` is what calendar applications show for it."""
    head = [b"BEGIN:VCALENDAR\r\n", content_line("VERSION", "2.0"), content_line("PRODID", escape_text(product)),
            content_line("CALSCALE", "GREGORIAN"), content_line("X-WR-CALNAME", escape_text(name))]
    return b"".join((*head, *(zones or ()), *events, b"END:VCALENDAR\r\n"))
