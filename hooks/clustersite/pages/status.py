"""Where a project, a label or an event stands on the build date."""

from __future__ import annotations

from datetime import date
from itertools import groupby

from ..data.model import Event, Label, Project


def status(project: Project, today: date) -> str:
    """planned, ongoing or completed, relative to the build date."""
    if project.start and today < project.start.first:
        return "planned"
    if today > project.end.last:
        return "completed"
    return "ongoing"


def label_state(label: Label, today: date) -> str:
    if label.valid_until is None:
        return "not_stated"
    return "expired" if today > label.valid_until.last else "valid"


def is_upcoming(event: Event, today: date) -> bool:
    return event.last_day.last >= today


def timeline(events: list[Event], today: date) -> tuple[list[Event], list[tuple[int, list[Event]]]]:
    """Upcoming events soonest first; past events by year, newest first."""
    upcoming = sorted((e for e in events if is_upcoming(e, today)), key=lambda e: (e.date, e.id))
    past = sorted((e for e in events if not is_upcoming(e, today)), key=lambda e: (e.date, e.id), reverse=True)
    by_year = [(year, list(group)) for year, group in groupby(past, key=lambda e: e.date.first.year)]
    return upcoming, by_year


