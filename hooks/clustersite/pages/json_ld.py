"""schema.org JSON-LD for project, event and partner pages."""

from __future__ import annotations

from typing import Any

from ..data.funding import FundingLine, funding_lines
from ..data.model import Event, Organisation, Project
from ..data.site_data import SiteData
from .wording import Voice


def organisation_jsonld(site: SiteData, v: Voice, org: Organisation) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": v.organisation_plain(org),
        "legalName": org.name,
        "alternateName": org.short_name,
        "address": {"@type": "PostalAddress", "addressCountry": org.country},
    }
    if org.place:
        data["address"]["addressLocality"] = v.place(org.place)
    if org.website:
        data["url"] = org.website
    return data


def _grant(v: Voice, line: FundingLine) -> dict:
    grant = {"@type": "MonetaryGrant", "funder": {"@type": "Organization", "name": v.plain(line.source)},
             "description": v.percent(line.share)}
    if line.amount is not None:
        grant["amount"] = {"@type": "MonetaryAmount", "value": f"{line.amount.amount:f}", "currency": line.amount.currency}
    return grant


def _org_ref(v: Voice, org: Organisation) -> dict[str, Any]:
    address = {"@type": "PostalAddress", "addressCountry": org.country}
    return {"@type": "Organization", "name": v.organisation_plain(org), "address": address}


def project_jsonld(site: SiteData, v: Voice, project: Project) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ResearchProject",
        "name": project.acronym,
        "alternateName": v.plain(project.title),
        "description": v.plain(project.summary),
        "endDate": project.end.iso(),
        "funder": {"@type": "Organization", "name": v.plain(project.programme)},
        "member": [_org_ref(v, site.organisations[m.organisation]) for m in project.consortium],
    }
    if project.start:
        data["startDate"] = project.start.iso()
    if not project.coordinator_not_stated:
        data["parentOrganization"] = _org_ref(v, site.coordinator(project))
    if project.funding:
        data["funding"] = [_grant(v, line) for line in funding_lines(project)]
    if project.website:
        data["url"] = project.website
    return data


def event_jsonld(site: SiteData, v: Voice, event: Event) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": v.plain(event.title),
        "description": v.plain(event.summary),
        "startDate": event.date.iso() + (f"T{event.time}" if event.time else ""),
        "endDate": event.last_day.iso(),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    location = event.location
    if location and location.online:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation"}
    elif location and location.place:
        place = site.places[location.place]
        address = {"@type": "PostalAddress", "addressLocality": v.plain(place.name), "addressCountry": place.country}
        if location.address:
            address["streetAddress"] = location.address
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["location"] = {"@type": "Place", "name": v.plain(location.venue) or v.plain(place.name), "address": address}
    organizer = _organizer(site, event)
    if organizer is not None:
        data["organizer"] = _org_ref(v, organizer)
    return data


def _organizer(site: SiteData, event: Event) -> Organisation | None:
    """The coordinator of the event's project; else its first participant."""
    for project_id in site.projects_of(event):
        project = site.projects[project_id]
        if not project.coordinator_not_stated:
            return site.coordinator(project)
    if event.participants:
        return site.organisations[event.participants[0]]
    return None
