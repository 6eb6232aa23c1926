"""Rules that compare fields of one record: dates in order, durations, coordinators, shares.

Each rule yields findings instead of raising, so that one run reports them all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from pydantic import BaseModel

from .model import Event, Label, Location, Project


@dataclass(frozen=True)
class Finding:
    field: str
    message: str
    expected: str
    found: str
    hint: str


def check(record: BaseModel) -> Iterator[Finding]:
    """Every finding for one record (of any kind; most kinds have no rules)."""
    if isinstance(record, Project):
        yield from _project(record)
    elif isinstance(record, Event):
        yield from _event(record)
    elif isinstance(record, Label):
        yield from _label(record)
    elif isinstance(record, Location):
        yield from _location(record)


def _project(project: Project) -> Iterator[Finding]:
    if project.start and project.end.last < project.start.first:
        yield Finding("end", "the project ends before it starts",
                      f"an end date on or after the start ({project.start.iso()})", project.end.iso(),
                      "check whether the start and end dates are swapped")
    elif project.duration_months is not None:
        if project.derived_months is None:
            yield Finding("duration_months", "a duration is given but the start date is not",
                          "a `start:` date, from which the duration is worked out", f"{project.duration_months} months",
                          "add the start date, or remove `duration_months`")
        elif project.duration_months != project.derived_months:
            yield Finding("duration_months",
                          f"the stated duration does not agree with the dates {project.start.iso()} to {project.end.iso()}",
                          f"{project.derived_months} months, as the dates give", f"{project.duration_months} months",
                          "correct the dates or the duration, or remove `duration_months` to have it worked out")
    coordinators = [m.organisation for m in project.consortium if m.role == "coordinator"]
    wanted = 0 if project.coordinator_not_stated else 1
    if len(coordinators) != wanted:
        names = ", ".join(f"`{c}`" for c in coordinators) or "none"
        if project.coordinator_not_stated:
            yield Finding("consortium", "the project says its coordinator is not stated, yet names one",
                          "no member with `role: coordinator`", f"{len(coordinators)} ({names})",
                          "remove `coordinator_not_stated: true`, or change the role to `partner`")
        else:
            yield Finding("consortium", "a consortium has exactly one coordinator",
                          "one member with `role: coordinator`", f"{len(coordinators)} ({names})",
                          "mark the lead partner `coordinator` and the others `partner` or `associated`")
    if project.funding:
        total = sum((share.share for share in project.funding), Decimal(0))
        if total != Decimal(100):
            yield Finding("funding", "the funding shares do not add up to 100 %",
                          "shares that add up to exactly 100", f"{total.normalize():f} %",
                          "check each `share`; write decimals with a point, such as `93.96`")


def _event(event: Event) -> Iterator[Finding]:
    if event.end is not None and event.end.last < event.date.first:
        yield Finding("end", "the event ends before it starts", f"an end date on or after {event.date.iso()}",
                      event.end.iso(), "check whether `date` and `end` are swapped")


def _label(label: Label) -> Iterator[Finding]:
    if label.awarded and label.valid_until and label.valid_until.last < label.awarded.first:
        yield Finding("valid_until", "the label expires before it was awarded",
                      f"a date on or after {label.awarded.iso()}", label.valid_until.iso(), "check the two dates")


def _location(location: Location) -> Iterator[Finding]:
    if not location.place and not location.online:
        yield Finding("place", "the location names no place",
                      "`place: <id from data/places.yaml>`, or `online: true`", "neither",
                      "add the city, or mark the event as online")
