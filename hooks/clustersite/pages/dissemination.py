"""A project's dissemination in figures: activities per year and type, partners, countries, people.

    figures = project_figures(site, "trace-kei")

Pure counts from the timeline; `dissemination_view` words them in one language
and lays out their charts for the project page's "Dissemination in figures".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from ..data.model import Event
from ..data.site_data import SiteData
from .charts import BarChart, bar_chart
from .wording import Voice


@dataclass(frozen=True)
class Figures:
    activities: int
    per_year: list[tuple[int, int]]  # every year from the first activity's to the last's, empty years included
    per_type: list[tuple[str, int]]  # event type key -> activities, most first
    partners: list[str]  # organisations that led or took part in an activity
    countries: list[str]  # ISO codes: where activities took place, and the countries they addressed
    people: int  # the sum of the audience sizes stated
    people_counted: int  # how many activities state one


def project_figures(site: SiteData, project_id: str) -> Figures:
    """The figures of one project's activities (its events)."""
    events = site.events_of_project(project_id)
    years = Counter(event.date.first.year for event in events)
    span = range(min(years), max(years) + 1) if years else range(0)
    types = Counter(event.type for event in events)
    partners = dict.fromkeys(o for event in events for o in ([event.lead] if event.lead else []) + event.participants)
    countries = dict.fromkeys(code for event in events for code in _countries(site, event))
    sizes = [_size(event) for event in events if event.audience_size is not None]
    return Figures(
        activities=len(events),
        per_year=[(year, years[year]) for year in span],
        per_type=sorted(types.items(), key=lambda item: (-item[1], item[0])),
        partners=list(partners), countries=sorted(countries), people=sum(sizes), people_counted=len(sizes),
    )


def _countries(site: SiteData, event: Event) -> list[str]:
    place = event.location.place if event.location else None
    return ([site.places[place].country] if place else []) + event.countries_addressed


def _size(event: Event) -> int:
    size = event.audience_size
    return size if isinstance(size, int) else size.value


@dataclass(frozen=True)
class DisseminationView:
    """The figures worded in one language, with their charts."""

    figures: Figures
    activities: str
    partners: str
    countries: str
    country_names: list[str]
    people: str  # '' when no activity states a size
    people_counted: str  # of how many activities
    by_year: BarChart
    by_type: BarChart


def dissemination_view(site: SiteData, v: Voice, project_id: str) -> DisseminationView:
    figures = project_figures(site, project_id)
    number = v.number
    return DisseminationView(
        figures=figures,
        activities=number(figures.activities), partners=number(len(figures.partners)),
        countries=number(len(figures.countries)), country_names=sorted((v.country(c) for c in figures.countries), key=str.lower),
        people=number(figures.people) if figures.people_counted else "", people_counted=number(figures.people_counted),
        by_year=bar_chart([(Markup.escape(v.year(year)), count, number(count)) for year, count in figures.per_year]),
        by_type=bar_chart([(Markup.escape(v.event_type(key)), count, number(count)) for key, count in figures.per_type]),
    )
