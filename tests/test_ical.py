"""The calendar files follow RFC 5545: the icalendar library reads back exactly what was written."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar
import pytest

from clustersite.pages import ical_writer

STAMP = datetime(2026, 11, 22, tzinfo=UTC)


def read(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


@pytest.mark.parametrize("text", [
    "First joint training, Bari",
    "Kyustendil; textile cluster\\n10 years, \"jubilee\"",
    "Обучение по управление на клъстери в Бари, Италия – първо съвместно обучение " * 3,
    "Školení: řízení klastrů; Brno, Česko, " * 4 + "🙂 ✓",
    "line one\nline two\nline three",
])
def test_text_comes_back_unchanged(text):
    event = ical_writer.vevent(uid="x@example.org", stamp=STAMP, summary=text, description=text, url="https://example.org/e/",
                        category=text, start=date(2017, 6, 28), end=date(2017, 6, 30), location=text)
    parsed = read(ical_writer.vcalendar(text, [event], "-//test//EN"))
    # X- properties are TEXT by default (RFC 5545, 3.8.8.2); icalendar reads them raw, so compare with its escaping.
    assert str(parsed["X-WR-CALNAME"]).encode() == icalendar.vText(text).to_ical()
    (item,) = parsed.walk("VEVENT")
    for name in ("SUMMARY", "DESCRIPTION", "LOCATION"):
        assert str(item[name]) == text
    assert item["CATEGORIES"].cats == [text]


def test_lines_are_folded_at_75_octets_without_splitting_characters():
    text = "клъстер " * 40
    data = ical_writer.content_line("SUMMARY", ical_writer.escape_text(text))
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and len(lines) > 5
    for line in lines[:-1]:
        assert len(line) <= 75
        line.decode("utf-8")  # each physical line is whole UTF-8
    assert all(line.startswith(b" ") for line in lines[1:-1])
    assert data.replace(b"\r\n ", b"").decode() == f"SUMMARY:{text}\r\n"


def test_dates_times_and_identity():
    all_day = ical_writer.vevent(uid="bari@example.org", stamp=STAMP, summary="a", description="", url="https://example.org/e/",
                          category="Training", start=date(2017, 6, 28), end=date(2017, 6, 30), location="")
    timed = ical_writer.vevent(uid="kyiv@example.org", stamp=STAMP, summary="b", description="d", url="https://example.org/f/",
                        category="Meeting", start=datetime(2017, 6, 28, 8, 30), end=None, location="Online")
    first, second = read(ical_writer.vcalendar("Events", [all_day, timed], "-//test//EN")).walk("VEVENT")
    assert first["DTSTART"].dt == date(2017, 6, 28) and first["DTEND"].dt == date(2017, 6, 30)
    assert first["DTSTAMP"].dt == STAMP and str(first["UID"]) == "bari@example.org"
    assert str(first["URL"]) == "https://example.org/e/" and "DESCRIPTION" not in first and "LOCATION" not in first
    assert second["DTSTART"].dt == datetime(2017, 6, 28, 8, 30) and second["DTSTART"].dt.tzinfo is None
    assert "DTEND" not in second and str(second["LOCATION"]) == "Online"


def test_a_calendar_has_the_required_properties():
    parsed = read(ical_writer.vcalendar("Events", [], "-//clustersite//EU project site//EN"))
    assert str(parsed["VERSION"]) == "2.0" and str(parsed["PRODID"]) == "-//clustersite//EU project site//EN"
    assert str(parsed["CALSCALE"]) == "GREGORIAN"
