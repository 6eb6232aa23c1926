"""One reporting period's activities as the granting authority's forms ask for them.

    table = activity_report(site, project_id, start, end, site_url)
    table.rows      one row per activity, in the order of COLUMNS
    table.gaps      the reporting fields each activity lacks

The same rows make `clustersite report` and the CSV download on each project page.
The report is in English, the language of the EU's forms (the site's default
language where English is not one of its languages).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from ..data.model import Event
from ..data.site_data import SiteData
from . import l10n

COLUMNS = (
    "Activity type", "Title", "Start date", "End date", "Place", "Place country",
    "Lead partner", "Lead partner country", "Participating partners",
    "Audience", "Audience size", "Audience size is", "Countries addressed", "URL",
)
REPORTING_FIELDS = ("audience", "audience_size", "countries_addressed", "lead")
SEPARATOR = "; "  # between the items of one cell: spreadsheet programs split on it


@dataclass(frozen=True)
class Gap:
    """A reporting field that one activity lacks (or, for `type`, an event type no category takes)."""

    event: Event
    field: str


@dataclass(frozen=True)
class ActivityTable:
    columns: tuple[str, ...]
    rows: list[list[str | int]]
    events: list[Event]  # the activity of each row
    gaps: list[Gap]


def report_language(site: SiteData) -> str:
    return "en" if "en" in site.languages.codes else site.languages.default


def in_period(event: Event, start: date | None, end: date | None) -> bool:
    """An activity belongs to the period in which it starts, so consecutive periods never list it twice."""
    first = event.date.first
    return (start is None or first >= start) and (end is None or first <= end)


def activity_report(site: SiteData, project_id: str, start: date | None = None, end: date | None = None,
                    site_url: str = "") -> ActivityTable:
    """The project's activities that start between `start` and `end` (both included, either open)."""
    events = [event for event in site.events_of_project(project_id) if in_period(event, start, end)]
    code = report_language(site)
    categories = {t: c.name for c in (site.reporting.categories if site.reporting else []) for t in c.event_types}
    rows, gaps = [], []
    for event in events:
        rows.append(_row(site, event, code, categories, site_url))
        gaps += [Gap(event, name) for name in REPORTING_FIELDS if getattr(event, name) in (None, [])]
        if event.type not in categories:
            gaps.append(Gap(event, "type"))
    return ActivityTable(COLUMNS, rows, events, gaps)


def _row(site: SiteData, event: Event, code: str, categories: dict[str, str], site_url: str) -> list[str | int]:
    def text(value) -> str:
        return value.get_in(code, site.languages.default)[0] if value else ""

    def country(iso: str) -> str:
        return l10n.country(iso, site.languages.tag(code))

    place = site.places.get(event.location.place) if event.location and event.location.place else None
    online = bool(event.location and event.location.online)
    lead = site.organisations.get(event.lead) if event.lead else None
    size = event.audience_size
    return [
        categories.get(event.type) or text(site.catalogue.event_types[event.type]),
        text(event.title),
        event.date.iso(),
        event.last_day.iso(),
        text(place.name) if place else (text(site.catalogue.words["online"]) if online else ""),
        country(place.country) if place else "",
        lead.name if lead else "",
        country(lead.country) if lead else "",
        SEPARATOR.join(site.organisations[o].name for o in event.participants),
        SEPARATOR.join(text(site.catalogue.audiences[a]) for a in event.audience),
        size if isinstance(size, int) else (size.value if size else ""),
        "" if size is None else ("exact" if isinstance(size, int) else size.qualifier),
        SEPARATOR.join(country(iso) for iso in event.countries_addressed),
        urljoin(site_url, f"events/{event.id}/") if site_url else f"events/{event.id}/",
    ]


GAP_WORDING = {
    "audience": "who it reached: keys of `audiences` in data/ui.yaml, such as `audience: [industry, smes]`",
    "audience_size": "how many people: `audience_size: 120`, or `about: 120` for an estimate",
    "countries_addressed": "ISO country codes, such as `countries_addressed: [RS, BG]`",
    "lead": "the id of the partner that organised it, such as `lead: enef`",
}


def gap_message(gap: Gap) -> str:
    """One line for staff: what the activity lacks and how to write it."""
    if gap.field == "type":
        return (f"the event type `{gap.event.type}` is in no category of data/reporting.yaml; "
                "the report names it by its own English name")
    return f"no `{gap.field}` ({GAP_WORDING[gap.field]}); its cell in the report is empty"
