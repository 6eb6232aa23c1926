"""Where a project, a label or an event stands on the build date."""

from __future__ import annotations

from datetime import date

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
