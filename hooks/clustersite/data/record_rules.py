"""Rules that compare fields of one record: dates in order, durations, coordinators, shares.

Each rule yields findings instead of raising, so that one run reports them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from .model import Event, Funding, Label, Location, Picture, Project
from .reporting_model import Estimate, ReportingFile
from .results_model import Result


@dataclass(frozen=True)
class Finding:
    field: str | tuple[str | int, ...]  # a key of the record, or a path inside it
    message: str
    expected: str
    found: str
    hint: str


def check(record: BaseModel) -> Iterator[Finding]:
    """Every finding for one record (of any kind; most kinds have no rules, see RULES at the end)."""
    rules = RULES.get(type(record))
    if rules is not None:
        yield from rules(record)


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
    wanted = 0 if project.coordinator_not_stated or not project.consortium else 1
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
    yield from _funding(project)


def _funding(project: Project) -> Iterator[Finding]:
    """Shares add up to 100; amounts need the budget and stay within it; one form for all sources."""
    if not project.funding:
        return
    forms = {("share" if part.share is not None else "") + ("amount" if part.amount is not None else "") for part in project.funding}
    if forms - {"share", "amount"} or len(forms) > 1:
        yield Finding("funding", "each funding source needs either a `share:` or an `amount:`, the same for all sources",
                      "`share: 93.96` (per cent) on every source, or `amount: 4999000` on every source",
                      ", ".join(sorted(form or "neither" for form in forms)).replace("shareamount", "both"),
                      "give amounts when the grant agreement states them; the shares are then worked out")
    elif forms == {"amount"}:
        total = sum((part.amount for part in project.funding), Decimal(0))
        if project.budget is None:
            yield Finding("funding", "funding amounts need the project's total cost",
                          "a `budget:` with the total cost and its currency", "no `budget:`",
                          "add `budget: {amount: ..., currency: EUR}` with the total cost")
        elif total > project.budget.amount:
            yield Finding("funding", "the funding amounts add up to more than the budget",
                          f"at most {project.budget.amount.normalize():f} {project.budget.currency}",
                          f"{total.normalize():f} {project.budget.currency}",
                          "check each `amount` and the budget; write numbers with a point and no separators, such as `4999000`")
    else:
        total = sum((part.share for part in project.funding), Decimal(0))
        if total != Decimal(100):
            yield Finding("funding", "the funding shares do not add up to 100 %",
                          "shares that add up to exactly 100", f"{total.normalize():f} %",
                          "check each `share`; write decimals with a point, such as `93.96`")


def _event(event: Event) -> Iterator[Finding]:
    if event.end is not None and event.end.last < event.date.first:
        yield Finding("end", "the event ends before it starts", f"an end date on or after {event.date.iso()}",
                      event.end.iso(), "check whether `date` and `end` are swapped")
    if isinstance(event.audience_size, Estimate):  # checked here: the walk does not look inside a number-or-record field
        yield from _estimate(event.audience_size)
    yield from _event_times(event)


def _event_times(event: Event) -> Iterator[Finding]:
    if event.end_time and not event.time:
        yield Finding("end_time", "an end time is given but no start time", "a `time:` when the event starts",
                      f"end_time: {event.end_time}", f"add `time: HH:MM` next to `end_time: {event.end_time}`")
    if event.time and (event.date.whole_month or (event.end is not None and event.end.whole_month)):
        yield Finding("time", "a time needs a full date", "a date written YYYY-MM-DD with `time:`",
                      f"date: {event.date.iso()}", "add the day to the date, or remove the time")
    elif event.time and event.end_time and event.last_day.first == event.date.first and event.end_time <= event.time:
        yield Finding("end_time", "the event ends before it starts", f"an end time after {event.time}",
                      event.end_time, "check whether `time` and `end_time` are swapped; an event over midnight needs `end:`")


def _label(label: Label) -> Iterator[Finding]:
    if label.awarded and label.valid_until and label.valid_until.last < label.awarded.first:
        yield Finding("valid_until", "the label expires before it was awarded",
                      f"a date on or after {label.awarded.iso()}", label.valid_until.iso(), "check the two dates")


def _location(location: Location) -> Iterator[Finding]:
    if not location.place and not location.online:
        yield Finding("place", "the location names no place",
                      "`place: <id from data/places.yaml>`, or `online: true`", "neither",
                      "add the city, or mark the event as online")


def _estimate(estimate: Estimate) -> Iterator[Finding]:
    if (estimate.about is None) == (estimate.at_least is None):
        yield Finding("audience_size", "an estimate needs exactly one number",
                      "`about: 120` or `at_least: 50`", "both" if estimate.about is not None else "neither",
                      "keep one of the two keys; write an exact number without either, such as `audience_size: 120`")


def _reporting(reporting: ReportingFile) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for index, category in enumerate(reporting.categories):
        for event_type in category.event_types:
            if event_type in first:
                yield Finding(("categories", index, "event_types"),
                              f"the event type `{event_type}` is in two categories",
                              "each event type in one category only",
                              f"`{event_type}` under \"{first[event_type]}\" and \"{category.name}\"",
                              "remove it from one of the two categories")
            first.setdefault(event_type, category.name)


def _picture(picture: Picture) -> Iterator[Finding]:
    if not picture.alt and not picture.decorative:
        yield Finding("alt", "the picture has no alt text",
                      "`alt:` with what the picture shows, in each language", "no alt text",
                      "describe the picture for people who cannot see it, or add `decorative: true` if it adds nothing")


def _result(result: Result) -> Iterator[Finding]:
    if result.file and result.url:
        yield Finding("url", "the result has both a file and a link",
                      "either `file:` (a document under docs/) or `url:` (where it is published)", "both",
                      "keep the one visitors should open; put the other in the summary if needed")


# The English statement the EU's visibility rules prescribe for each wording.
EU_STATEMENTS = {"funded": "Funded by the European Union", "co-funded": "Co-funded by the European Union"}


def _funding_statement(funding: Funding) -> Iterator[Finding]:
    wanted = EU_STATEMENTS[funding.wording]
    english = funding.statement.get("en")
    if english is not None and english.strip().rstrip(".") != wanted:
        yield Finding("statement", f"the English statement does not match `wording: {funding.wording}`",
                      f"`en: {wanted}`", f"`{english}`",
                      "write the statement your grant agreement prescribes, or change `wording`")


# The rules of each kind of record; a new kind with rules gets a line here.
RULES: dict[type[BaseModel], Callable[[Any], Iterator[Finding]]] = {
    Project: _project,
    Event: _event,
    Label: _label,
    Location: _location,
    ReportingFile: _reporting,
    Picture: _picture,
    Result: _result,
    Funding: _funding_statement,
}
