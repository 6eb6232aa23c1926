"""Calendars of timed, online and all-day events, read back by two independent parsers.

icalendar resolves a TZID through its own time zone lookup; vobject builds each zone
from the file's VTIMEZONE (through dateutil), so it also checks the VTIMEZONE data.
The expected UTC times below were worked out by hand from the fixture's local times.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
import yaml

from clustersite.pages import feeds
from clustersite.pages.ical_zones import transitions, vtimezone
from event_fixture import FIXTURE, load_fixture

TODAY = date(2026, 11, 22)

# event id -> (zone, start in UTC, end in UTC)
TIMED = {
    "sofia-summer": ("Europe/Sofia", "2016-04-22 08:00", "2016-04-22 10:00"),  # EEST, UTC+3; end stated
    "belgrade-winter": ("Europe/Belgrade", "2017-01-17 08:30", "2017-01-17 16:00"),  # CET; agenda's 16:00 + 1 h
    "canary-hybrid": ("Atlantic/Canary", "2018-03-25 08:00", "2018-03-25 11:00"),  # WEST from 01:00 UTC that day
    "webinar": ("Europe/Brussels", "2020-11-05 13:00", "2020-11-05 14:30"),  # CET, the event's own zone
    "prague-two-days": ("Europe/Prague", "2019-06-27 07:00", "2019-06-28 11:00"),  # CEST, over two days
    "bari-morning": ("Europe/Rome", "2017-06-28 08:00", "2017-06-28 10:00"),  # CEST; default length, 2 h
}
ALL_DAY = {"nis-all-day": (date(2016, 5, 10), date(2016, 5, 12)), "month-only": (date(2016, 3, 1), date(2016, 4, 1))}


def utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)


@pytest.fixture(scope="module")
def calendars(tmp_path_factory) -> dict[str, bytes]:
    """Every calendar file of the fixture site in English and Czech, by its path below the site."""
    folder = tmp_path_factory.mktemp("event-times")
    site = load_fixture(folder)
    out = {}
    for code, prefix in (("en", ""), ("cs", "cs/")):
        files = feeds.feed_files(site, code, TODAY, Path("/site") / prefix, site.site_url)
        out.update({path.relative_to("/site").as_posix(): data for path, data in files.items() if path.suffix == ".ics"})
    return out


def _both(data: bytes):
    """The first VEVENT as icalendar and as vobject read it."""
    (by_icalendar,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    by_vobject = vobject.readOne(data.decode("utf-8")).vevent
    return by_icalendar, by_vobject


@pytest.mark.parametrize("event_id", TIMED)
@pytest.mark.parametrize("prefix", ["", "cs/"])
def test_event_times_in_utc_agree_with_the_yaml_local_times(calendars, event_id, prefix):
    zone, start, end = TIMED[event_id]
    by_icalendar, by_vobject = _both(calendars[f"{prefix}events/{event_id}.ics"])
    for parsed_start, parsed_end in ((by_icalendar["DTSTART"].dt, by_icalendar["DTEND"].dt),
                                     (by_vobject.dtstart.value, by_vobject.dtend.value)):
        assert parsed_start.tzinfo is not None and parsed_end.tzinfo is not None, "floating time"
        assert parsed_start.astimezone(UTC) == utc(start)
        assert parsed_end.astimezone(UTC) == utc(end)
    assert by_icalendar["DTSTART"].params["TZID"] == zone and by_icalendar["DTEND"].params["TZID"] == zone
    # The wall-clock time in the calendar is the time written in the YAML.
    written = {e["id"]: e for e in yaml.safe_load((FIXTURE / "events.yaml").read_text(encoding="utf-8"))["events"]}[event_id]
    assert by_vobject.dtstart.value.replace(tzinfo=None) == datetime.combine(
        written["date"], datetime.strptime(written["time"], "%H:%M").time())
    if "end_time" in written:
        last_day = written.get("end", written["date"])
        assert by_vobject.dtend.value.replace(tzinfo=None) == datetime.combine(
            last_day, datetime.strptime(written["end_time"], "%H:%M").time())


@pytest.mark.parametrize("event_id", ALL_DAY)
def test_all_day_events_are_dates(calendars, event_id):
    by_icalendar, by_vobject = _both(calendars[f"events/{event_id}.ics"])
    assert (by_icalendar["DTSTART"].dt, by_icalendar["DTEND"].dt) == ALL_DAY[event_id]
    assert (by_vobject.dtstart.value, by_vobject.dtend.value) == ALL_DAY[event_id]
    assert "TZID" not in by_icalendar["DTSTART"].params


def test_every_calendar_has_events_and_a_vtimezone_for_each_tzid(calendars):
    assert "projects/quiet.ics" not in calendars, "a project without events gets no calendar"
    assert "projects/pilot.ics" in calendars
    for name, data in calendars.items():
        parsed = icalendar.Calendar.from_ical(data)
        events = parsed.walk("VEVENT")
        assert events, name
        zones = {str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")}
        used = {event["DTSTART"].params["TZID"] for event in events if "TZID" in event["DTSTART"].params}
        assert used == zones, name
        for event in events:
            assert "DTEND" in event, f"{name}: {event['UID']} lasts no time"
        vobject.readOne(data.decode("utf-8"))  # the second parser reads every file too


def test_online_and_hybrid_events_say_where_to_join(calendars):
    hybrid, _ = _both(calendars["events/canary-hybrid.ics"])
    assert str(hybrid["LOCATION"]) == "Las Palmas, Spain"
    assert str(hybrid["DESCRIPTION"]).endswith("Join online: https://meet.example.org/canary?a=1&b=2")
    webinar, _ = _both(calendars["cs/events/webinar.ics"])
    assert str(webinar["LOCATION"]) == "https://meet.example.org/webinar"
    assert "Připojit se online: https://meet.example.org/webinar" in str(webinar["DESCRIPTION"])


def test_a_site_without_events_writes_no_calendar(tmp_path):
    site = load_fixture(tmp_path)
    site.events.clear()
    site.event_projects.clear()
    files = feeds.feed_files(site, "en", TODAY, tmp_path / "out", site.site_url)
    assert [path.name for path in files] == ["feed.xml"]


def test_the_feed_names_the_site_as_its_author(tmp_path):
    site = load_fixture(tmp_path)
    files = feeds.feed_files(site, "cs", TODAY, tmp_path / "out", site.site_url)
    assert b"<author><name>Zku\xc5\xa1ebn\xc3\xad web</name></author>" in files[tmp_path / "out" / "feed.xml"]


# --- VTIMEZONE -------------------------------------------------------------------


def test_an_observance_starts_at_the_local_time_on_the_clock_before_it():
    text = vtimezone("Europe/Sofia", 2016, 2016).decode()
    # Sofia: forward at 03:00 EET (01:00 UTC) on 27 March, back at 04:00 EEST on 30 October (RFC 5545, 3.6.5).
    assert "BEGIN:DAYLIGHT\r\nDTSTART:20160327T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\nTZNAME:EEST\r\n" in text
    assert "BEGIN:STANDARD\r\nDTSTART:20161030T040000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\nTZNAME:EET\r\n" in text


@pytest.mark.parametrize("zone", ["Europe/Sofia", "Atlantic/Canary", "Europe/Kyiv", "America/Santiago", "Australia/Lord_Howe"])
def test_vtimezone_gives_the_offsets_zoneinfo_gives_for_every_hour(zone):
    """Read by dateutil (through vobject), the VTIMEZONE keeps every hour of 2016-2018 at zoneinfo's offset."""
    data = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + vtimezone(zone, 2016, 2018) + b"END:VCALENDAR\r\n"
    tz = vobject.readOne(data.decode()).vtimezone.gettzinfo()
    reference = ZoneInfo(zone)
    moment = datetime(2016, 1, 1, tzinfo=UTC)
    while moment < datetime(2019, 1, 1, tzinfo=UTC):
        assert moment.astimezone(tz).utcoffset() == moment.astimezone(reference).utcoffset(), (zone, moment)
        moment += timedelta(hours=1)


def test_transitions_are_found_to_the_second():
    _, changes = transitions("Europe/Belgrade", 2019, 2019)
    assert [moment for moment, _, _ in changes] == [datetime(2019, 3, 31, 1, tzinfo=UTC), datetime(2019, 10, 27, 1, tzinfo=UTC)]


# --- the built site (whatever data it has) ---------------------------------------------


def test_every_calendar_of_the_built_site_reads_back_in_both_parsers(site):
    files = sorted(site.rglob("*.ics"))
    assert files, "the site writes calendars"
    for path in files:
        data = path.read_bytes()
        parsed = icalendar.Calendar.from_ical(data)
        events = parsed.walk("VEVENT")
        assert events, f"{path}: a calendar without events"
        zones = {str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")}
        for event in events:
            assert "DTEND" in event, f"{path}: {event['UID']} lasts no time"
            start = event["DTSTART"]
            if isinstance(start.dt, datetime):
                assert start.dt.tzinfo is not None and start.params.get("TZID") in zones, f"{path}: a floating time"
        by_vobject = vobject.readOne(data.decode("utf-8"))
        assert len(by_vobject.contents["vevent"]) == len(events)
