"""When a timed event starts and ends, as moments in its own time zone.

    event_times(site, event) -> EventTimes | None   (None: an all-day event)

The zone is the event's `timezone:`, else its place's `timezone:`, else the one
zone of the place's country. A country's zones come from CLDR (Babel's territory
zones); where a country has several (Spain: Madrid, Ceuta, the Canaries), a timed
event there needs a `timezone:` on its place or on itself, and validation says so
(`missing_zone_problems`). The rules for zones are those of the IANA database, as
Python's zoneinfo reads it.

The end, in this order:
1. `end_time:`, on the event's last day;
2. else one hour (LAST_ITEM_LENGTH) after the agenda's last timed item on the last day;
3. else two hours (DEFAULT_LENGTH) after the start time, on the last day.
Only a stated `end_time:` is shown on the page; calendars need an end, so they get
the worked-out one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from babel.core import get_global

from .model import Event, Place
from .site_data import SiteData

DEFAULT_LENGTH = timedelta(hours=2)
LAST_ITEM_LENGTH = timedelta(hours=1)


@dataclass(frozen=True)
class EventTimes:
    """A timed event's start and end, aware of their zone."""

    start: datetime
    end: datetime
    zone: str
    end_stated: bool  # the data gives the end (`end_time:`), rather than the rules above


@cache
def country_zones(country: str) -> tuple[str, ...]:
    """The IANA zones CLDR lists for a country (ISO 3166-1 code), in CLDR's order."""
    return tuple(get_global("territory_zones").get(country, ()))


def place_zone(place: Place) -> str | None:
    """The place's own `timezone:`, else its country's single zone; None where that is ambiguous."""
    if place.timezone:
        return place.timezone
    zones = country_zones(place.country)
    return zones[0] if len(zones) == 1 else None


def event_zone(site: SiteData, event: Event) -> str | None:
    """The zone an event's times are in: its own, its place's, or None when neither says."""
    if event.timezone:
        return event.timezone
    if event.location and event.location.place:
        return place_zone(site.places[event.location.place])
    return None


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def event_times(site: SiteData, event: Event) -> EventTimes | None:
    """The start and end of a timed event; None for an all-day event, or one whose zone is unknown."""
    zone = event_zone(site, event) if event.time and not event.date.whole_month else None
    if zone is None:
        return None
    tz = ZoneInfo(zone)
    start = datetime.combine(event.date.first, _clock(event.time), tzinfo=tz)
    last_day = event.last_day.first
    if event.end_time:
        end = datetime.combine(last_day, _clock(event.end_time), tzinfo=tz)
        return EventTimes(start, end, zone, end_stated=True)
    item = _last_agenda_time(event, last_day)
    if item is not None and datetime.combine(last_day, item, tzinfo=tz) >= start:
        return EventTimes(start, _later(last_day, item, LAST_ITEM_LENGTH, tz), zone, end_stated=False)
    return EventTimes(start, _later(last_day, start.time(), DEFAULT_LENGTH, tz), zone, end_stated=False)


def _later(day: date, clock: time, length: timedelta, tz: ZoneInfo) -> datetime:
    """`length` of elapsed time after `clock` on `day`: counted in UTC, so a clock change in between counts."""
    return (datetime.combine(day, clock, tzinfo=tz).astimezone(ZoneInfo("UTC")) + length).astimezone(tz)


def _last_agenda_time(event: Event, last_day: date) -> time | None:
    """The latest session time of the agenda's last day (an agenda day without a date is the event's day)."""
    days = [day for day in event.agenda if (day.date.first if day.date else event.date.first) == last_day]
    times = [_clock(session.time) for day in days for session in day.sessions if session.time]
    return max(times, default=None)
