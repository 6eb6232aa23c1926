"""Feeds for one language: an Atom feed of news and events, and iCalendar files.

Files written, below the language's folder of the built site:
    feed.xml                 Atom: the 50 newest news items and events
    events.ics               every event
    projects/<id>.ics        the events of one project
    events/<id>.ics          one event ("add to calendar")
    projects/<id>-activities.csv   a project's activities for reporting (report_table.py)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..data.model import Event
from ..data.site_data import SiteData
from . import ical_writer
from .report_formats import csv_bytes
from .report_table import activity_report
from .wording import Voice

ATOM = "http://www.w3.org/2005/Atom"


FEED_ENTRIES = 50  # the newest news items and events; readers keep what they have already seen


def feed_files(site: SiteData, code: str, today: date, folder: Path, site_url: str) -> dict[Path, bytes]:
    """Every feed and calendar file of one language, by the path it is to be written to."""
    v = Voice(site, code)
    base = urljoin(site_url or "http://localhost/", "" if code == site.languages.default else f"{code}/")
    # Each event is written out once per language, then placed in every calendar that lists it.
    events = site.events_in_order
    blocks = {event.id: vevent(site, v, event, today, base) for event in events}
    outputs: dict[Path, bytes] = {
        folder / "feed.xml": atom_feed(site, v, today, base),
        folder / "events.ics": calendar(v.t("events"), [blocks[e.id] for e in events]),
    }
    for project in site.projects.values():
        outputs[folder / "projects" / f"{project.id}.ics"] = calendar(
            project.acronym, [blocks[e.id] for e in site.events_of_project(project.id)])
    for project in (p for p in site.projects.values() if site.events_of_project(p.id)):  # linked from the timeline
        table = activity_report(site, project.id, site_url=site_url)
        outputs[folder / "projects" / f"{project.id}-activities.csv"] = csv_bytes(table.columns, table.rows)
    for event in events:
        outputs[folder / "events" / f"{event.id}.ics"] = calendar(v.plain(event.title), [blocks[event.id]])
    return outputs


def write_files(outputs: dict[Path, bytes]) -> None:
    """Write the files; thousands of small files are written by several threads at once."""
    for parent in {path.parent for path in outputs}:
        parent.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="write-feeds") as pool:
        list(pool.map(lambda item: item[0].write_bytes(item[1]), outputs.items()))


def _stamp(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def atom_feed(site: SiteData, v: Voice, today: date, base: str) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": v.tag})
    entries = [(n.date.first, "news", n.id, n.title, n.summary) for n in site.news.values()]
    entries += [(e.date.first, "events", e.id, e.title, e.summary) for e in site.events.values()]
    entries.sort(key=lambda entry: (entry[0], entry[2]), reverse=True)
    entries = entries[:FEED_ENTRIES]
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{v.t('news')} · {v.t('events')}"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = urljoin(base, "feed.xml")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": urljoin(base, "feed.xml")})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": base})
    updated = max((entry[0] for entry in entries), default=today)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(updated).isoformat()
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = urlsplit(base).netloc or "site"
    for day, section, item_id, title, summary in entries:
        url = urljoin(base, f"{section}/{item_id}/")
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = v.plain(title)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = url
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": url})
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(day).isoformat()
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = v.plain(summary)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


PRODUCT = "-//clustersite//EU project site//EN"


def calendar(name: str, events: list[bytes]) -> bytes:
    """A VCALENDAR around already serialized VEVENTs."""
    return ical_writer.vcalendar(name, events, PRODUCT)


def vevent(site: SiteData, v: Voice, event: Event, today: date, base: str) -> bytes:
    """One event as an RFC 5545 VEVENT; its UID is stable across builds and languages."""
    if event.time and event.end is None and not event.date.whole_month:
        hours, minutes = map(int, event.time.split(":"))
        start: date | datetime = datetime.combine(event.date.first, time(hours, minutes))
        end = None
    else:
        start, end = event.date.first, event.last_day.last + timedelta(days=1)
    return ical_writer.vevent(
        uid=f"{event.id}@{urlsplit(base).hostname or 'localhost'}", stamp=_stamp(today),
        summary=v.plain(event.title), description=v.plain(event.summary), url=urljoin(base, f"events/{event.id}/"),
        category=v.event_type(event.type), start=start, end=end, location=_location(site, v, event),
    )


def _location(site: SiteData, v: Voice, event: Event) -> str:
    place = event.location
    if place is None:
        return ""
    if place.online:
        return v.t("online")
    parts = [v.plain(place.venue), place.address or ""]
    if place.place:
        parts += [v.place(place.place), v.country(site.places[place.place].country)]
    return ", ".join(part for part in parts if part)
