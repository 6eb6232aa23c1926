"""Feeds for one language: an Atom feed of news and events, and iCalendar files.

Files written, below the language's folder of the built site:
    feed.xml                 Atom: the 50 newest news items, events and results
    events.ics               every event
    projects/<id>.ics        the events of one project
    events/<id>.ics          one event ("add to calendar")
    projects/<id>-activities.csv   a project's activities for reporting (report_table.py)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..data.event_times import EventTimes, event_times
from ..data.model import Event
from ..data.site_data import SiteData
from . import ical_writer
from .ical_zones import vtimezone
from .report_formats import csv_bytes
from .report_table import activity_report
from .wording import Voice

ATOM = "http://www.w3.org/2005/Atom"


FEED_ENTRIES = 50  # the newest news items and events; readers keep what they have already seen


def feed_files(site: SiteData, code: str, today: date, folder: Path, site_url: str) -> dict[Path, bytes]:
    """Every feed and calendar file of one language, by the path it is to be written to.

    A calendar needs at least one event (RFC 5545), so a project without events gets no file.
    """
    v = Voice(site, code)
    base = urljoin(site_url or "http://localhost/", "" if code == site.languages.default else f"{code}/")
    # Each event is written out once per language, then placed in every calendar that lists it.
    events = site.events_in_order
    times = {event.id: event_times(site, event) for event in events}
    zones = _zone_blocks(times.values())
    blocks = {event.id: vevent(site, v, event, times[event.id], today, base) for event in events}

    def calendar_of(name: str, listed: list[Event]) -> bytes:
        used = sorted({times[e.id].zone for e in listed if times[e.id] is not None})
        return calendar(name, [blocks[e.id] for e in listed], [zones[zone] for zone in used])

    outputs: dict[Path, bytes] = {folder / "feed.xml": atom_feed(site, v, today, base)}
    if events:
        outputs[folder / "events.ics"] = calendar_of(v.t("events"), events)
    for project in site.projects.values():
        if listed := site.events_of_project(project.id):
            outputs[folder / "projects" / f"{project.id}.ics"] = calendar_of(project.acronym, listed)
    for project in (p for p in site.projects.values() if site.events_of_project(p.id)):  # linked from the timeline
        table = activity_report(site, project.id, site_url=site_url)
        outputs[folder / "projects" / f"{project.id}-activities.csv"] = csv_bytes(table.columns, table.rows)
    for event in events:
        outputs[folder / "events" / f"{event.id}.ics"] = calendar_of(v.plain(event.title), [event])
    return outputs


def _zone_blocks(times: Iterable[EventTimes | None]) -> dict[str, bytes]:
    """A VTIMEZONE for each zone, covering the years of every event in it."""
    years: dict[str, list[int]] = {}
    for timed in times:
        if timed is not None:
            years.setdefault(timed.zone, []).extend((timed.start.year, timed.end.year))
    return {zone: vtimezone(zone, min(spans), max(spans)) for zone, spans in years.items()}


def _stamp(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def atom_feed(site: SiteData, v: Voice, today: date, base: str) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": v.tag})
    entries = [(n.date.first, f"news/{n.id}/", n.id, n.title, n.summary) for n in site.news.values()]
    entries += [(e.date.first, f"events/{e.id}/", e.id, e.title, e.summary) for e in site.events.values()]
    entries += [(r.date.first, f"results/#result-{r.id}", r.id, r.title, r.summary) for r in site.results.values()]
    entries.sort(key=lambda entry: (entry[0], entry[2]), reverse=True)
    entries = entries[:FEED_ENTRIES]
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{v.t('news')} · {v.t('events')} · {v.t('results')}"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = urljoin(base, "feed.xml")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": urljoin(base, "feed.xml")})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": base})
    updated = max((entry[0] for entry in entries), default=today)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(updated).isoformat()
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = site.languages.site_name(v.code) or urlsplit(base).netloc or "site"
    for day, path, _item_id, title, summary in entries:
        url = urljoin(base, path)
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = v.plain(title)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = url
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": url})
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(day).isoformat()
        if summary:
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = v.plain(summary)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


PRODUCT = "-//clustersite//EU project site//EN"


def calendar(name: str, events: list[bytes], zones: list[bytes] | None = None) -> bytes:
    """A VCALENDAR around already serialized VTIMEZONEs and VEVENTs."""
    return ical_writer.vcalendar(name, events, PRODUCT, zones)


def vevent(site: SiteData, v: Voice, event: Event, times: EventTimes | None, today: date, base: str) -> bytes:
    """One event as an RFC 5545 VEVENT; its UID is stable across builds and languages."""
    if times is not None:
        start: date | datetime = times.start
        end: date | datetime = times.end
    else:
        start, end = event.date.first, event.last_day.last + timedelta(days=1)
    return ical_writer.vevent(
        uid=f"{event.id}@{urlsplit(base).hostname or 'localhost'}", stamp=_stamp(today),
        summary=v.plain(event.title), description=_description(v, event), url=urljoin(base, f"events/{event.id}/"),
        category=v.event_type(event.type), start=start, end=end, location=_location(site, v, event),
    )


def _description(v: Voice, event: Event) -> str:
    """The summary, and where to join an online event."""
    online = event.location.online if event.location else False
    summary = v.plain(event.summary)
    if isinstance(online, str):
        return f"{summary}\n\n{v.t('join_online')}: {online}"
    return summary


def _location(site: SiteData, v: Voice, event: Event) -> str:
    """Venue, address, city and country; for an online event without a place, its address or the word `online`."""
    place = event.location
    if place is None:
        return ""
    if not place.place:
        return place.online if isinstance(place.online, str) else v.t("online") if place.online else v.plain(place.venue)
    parts = [v.plain(place.venue), place.address or "", v.place(place.place), v.country(site.places[place.place].country)]
    return ", ".join(part for part in parts if part)
