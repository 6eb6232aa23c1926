"""Cross-file check: every timed event has a time zone, from itself, its place or its place's country."""

from __future__ import annotations

from .event_times import country_zones, event_zone
from .model import EventsFile, ProjectFile
from .parsed_file import ParsedFile
from .problems import Problem
from .site_data import SiteData
from .yaml_reader import format_path


def missing_zone_problems(site: SiteData, parsed: list[ParsedFile], places_complete: bool) -> list[Problem]:
    """A problem at each timed event whose zone nothing gives (a country with several zones, or no place)."""
    problems = []
    for file in parsed:
        if not isinstance(file.record, (ProjectFile, EventsFile)):
            continue
        for i, event in enumerate(getattr(file.record, "events", None) or []):
            if event is None or not event.time or event.date.whole_month:
                continue
            place_id = event.location.place if event.location else None
            if place_id and (not places_complete or place_id not in site.places):
                continue  # an unknown place is reported by the reference check
            if event_zone(site, event) is not None:
                continue
            path = ("events", i, "time")
            line, column = file.source.locate(path)
            problems.append(Problem(file.source.file, line, column, format_path(path), *_wording(site, place_id, event.time)))
    return problems


def _wording(site: SiteData, place_id: str | None, time: str) -> tuple[str, str, str, str]:
    """(message, expected, found, hint) for a time without a zone."""
    expected = "a `timezone:` on the event, or on its place in data/places.yaml"
    if place_id is None:
        return ("the time has no time zone: the event has no place to take it from", expected, f"time: {time}",
                "add `timezone:` to the event with the zone the time is given in, such as `Europe/Brussels`")
    place = site.places[place_id]
    zones = country_zones(place.country)
    if not zones:
        return (f"the time has no time zone: none is known for the country of `{place_id}` ({place.country})", expected,
                f"time: {time}", f"add `timezone:` with the city's zone, such as `Europe/Belgrade`, to `{place_id}` in data/places.yaml")
    listed = ", ".join(f"`{zone}`" for zone in zones)
    return (f"the time has no time zone: the country of `{place_id}` ({place.country}) has several", expected,
            f"time: {time}; the zones of {place.country} are {listed}",
            f"add `timezone:` with the one the city is in to `{place_id}` in data/places.yaml")
