"""Event timelines split into pages of a fixed size, so that no page grows with the data.

The first page of a timeline starts with the upcoming events, soonest first; the
past events follow, newest first, under a heading per year. Every page links to
the newer and older pages, and to the page where each year begins, so every event
is reachable without JavaScript. A timeline of a project, a partner or an event
type is the same list narrowed down, at its own address.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from ..data.model import Event
from .head_meta import listing
from .status import is_upcoming
from .templating import GeneratedPage, page
from .wording import Voice

PAGE_SIZE = 100  # events per timeline page: about 30 KB of list, whatever the number of events
SHORT_LIST = 20  # events a project or partner page shows before linking to its timeline


@dataclass(frozen=True)
class TimelinePart:
    """What one page of a timeline shows."""

    number: int
    upcoming: list[Event]
    past_by_year: list[tuple[int, list[Event]]]


def ordered(events: list[Event], today: date) -> tuple[list[Event], list[Event]]:
    """Upcoming events soonest first; past events newest first."""
    upcoming = sorted((e for e in events if is_upcoming(e, today)), key=lambda e: (e.date, e.id))
    past = sorted((e for e in events if not is_upcoming(e, today)), key=lambda e: (e.date, e.id), reverse=True)
    return upcoming, past


def split(events: list[Event], today: date, size: int = PAGE_SIZE) -> list[TimelinePart]:
    """The timeline's pages; a timeline without events still has its first page."""
    upcoming, past = ordered(events, today)
    items = [(True, e) for e in upcoming] + [(False, e) for e in past]
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [[]]
    parts = []
    for number, chunk in enumerate(chunks, start=1):
        past_here = [e for is_next, e in chunk if not is_next]
        by_year = [(year, list(group)) for year, group in groupby(past_here, key=lambda e: e.date.first.year)]
        parts.append(TimelinePart(number, [e for is_next, e in chunk if is_next], by_year))
    return parts


def part_path(base: str, number: int) -> str:
    """The URL path of page `number` of the timeline at `base` (`events/`, `events/types/training/`)."""
    return base if number == 1 else f"{base}page/{number}/"


def short_list(events: list[Event], today: date, size: int = SHORT_LIST) -> list[Event]:
    """The events a project or partner page lists, in date order: all, or the next and the latest `size`."""
    if len(events) <= size:
        return events
    upcoming, past = ordered(events, today)
    return sorted((upcoming + past)[:size], key=lambda e: (e.date, e.id))


def timeline_pages(v: Voice, first_src_uri: str, base: str, title: str, events: list[Event], today: date,
                   **context) -> list[GeneratedPage]:
    """Every page of one timeline, rendered with `events_index.md.j2`; the first is `first_src_uri`."""
    parts = split(events, today)
    years: dict[int, int] = {}
    for part in parts:
        for year, _ in part.past_by_year:
            years.setdefault(year, part.number)
    pages = []
    for part in parts:
        url_path = part_path(base, part.number)
        src_uri = first_src_uri if part.number == 1 else url_path.rstrip("/") + ".md"
        pages.append(page(
            src_uri, url_path, "events_index.md.j2", v, title=title, part=part, parts=len(parts),
            newer=part_path(base, part.number - 1) if part.number > 1 else None,
            older=part_path(base, part.number + 1) if part.number < len(parts) else None,
            years=[(year, part_path(base, number)) for year, number in years.items()] if len(parts) > 1 else [],
            description=listing(title, [v.plain(e.title) for e in [*part.upcoming, *(e for _, in_year in part.past_by_year
                                                                                  for e in in_year)]][:8]),
            **context,
        ))
    return pages
