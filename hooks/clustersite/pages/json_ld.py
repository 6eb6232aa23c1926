"""schema.org JSON-LD for project, event, partner and news pages.

Only properties the schema.org vocabulary gives each type are used
(tests/test_structured_data.py checks every block against it). Choices:
- A project is a `ResearchProject`, which is an Organization: its dates are
  `foundingDate` and `dissolutionDate` (it has no startDate or endDate), and each
  partner is a `member` with its role, through an `OrganizationRole`.
- A grant's `amount` is the project's budget times the funder's share.
- An event without a place and without online access, or known only to the month,
  gets no Event block (`event_jsonld` returns None): search engines require a
  location and a day, and a month written as a range would claim the whole month.
- Timed events give their start (and a stated end) with the UTC offset.
- `image` is left out until the data has pictures of events and organisations.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from urllib.parse import quote

from ..data.event_times import event_times
from ..data.funding import FundingLine, funding_lines
from ..data.model import Event, NewsItem, Organisation, Project
from ..data.results_model import Result
from ..data.site_data import SiteData
from .wording import Voice

CONTEXT = "https://schema.org"
_MODES = {"offline": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode", "mixed": "MixedEventAttendanceMode"}


def _page(site: SiteData, v: Voice, path: str) -> str:
    return site.language_url(v.code, path)


def _org_ref(site: SiteData, v: Voice, org: Organisation) -> dict[str, Any]:
    return {"@type": "Organization", "name": v.organisation_plain(org), "url": org.website or _page(site, v, f"partners/{org.id}/"),
            "address": {"@type": "PostalAddress", "addressCountry": org.country}}


def organisation_jsonld(site: SiteData, v: Voice, org: Organisation) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Organization",
        "name": v.organisation_plain(org),
        "legalName": org.name,
        "alternateName": org.short_name,
        "url": org.website or _page(site, v, f"partners/{org.id}/"),
        "address": {"@type": "PostalAddress", "addressCountry": org.country},
    }
    if org.website:
        data["mainEntityOfPage"] = _page(site, v, f"partners/{org.id}/")
    if org.place:
        data["address"]["addressLocality"] = v.place(org.place)
    if org.website:
        data["url"] = org.website
    if org.contact and org.contact.email:
        data["email"] = org.contact.email
    if org.contact and org.contact.phone:
        data["telephone"] = org.contact.phone
    if org.description:
        data["description"] = v.plain(org.description)
    return data


def project_jsonld(site: SiteData, v: Voice, project: Project) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ResearchProject",
        "name": project.acronym,
        "alternateName": v.plain(project.title),
        "description": v.plain(project.summary),
        "url": project.website or _page(site, v, f"projects/{project.id}/"),
        "dissolutionDate": project.end.iso(),
        "funder": {"@type": "Organization", "name": v.plain(project.programme)},
        "member": [{"@type": "OrganizationRole", "roleName": v.role(m.role),
                    "member": _org_ref(site, v, site.organisations[m.organisation])} for m in project.consortium],
    }
    if project.start:
        data["foundingDate"] = project.start.iso()
    if project.website:
        data["mainEntityOfPage"] = _page(site, v, f"projects/{project.id}/")
    if project.funding:
        data["funding"] = [_grant(v, project, line) for line in funding_lines(project)]
    return data


def _grant(v: Voice, project: Project, line: FundingLine) -> dict[str, Any]:
    grant: dict[str, Any] = {"@type": "MonetaryGrant", "funder": {"@type": "Organization", "name": v.plain(line.source)},
                             "description": v.percent(line.share)}
    if line.amount is not None:  # stated in the data
        grant["amount"] = {"@type": "MonetaryAmount", "value": float(line.amount.amount), "currency": line.amount.currency}
    elif project.budget is not None:
        value = (project.budget.amount * line.share / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        grant["amount"] = {"@type": "MonetaryAmount", "value": float(value), "currency": project.budget.currency}
    return grant


def event_jsonld(site: SiteData, v: Voice, event: Event) -> dict[str, Any] | None:
    """The event's Event block; None for an event search engines would reject (see the module's notes)."""
    location = event.location
    if event.date.whole_month or location is None or not (location.place or location.online):
        return None
    url = _page(site, v, f"events/{event.id}/")
    times = event_times(site, event)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": v.plain(event.title),
        "description": v.plain(event.summary),
        "url": url,
        "inLanguage": v.tag,
        "startDate": times.start.isoformat() if times else event.date.iso(),
        "endDate": times.end.isoformat() if times and times.end_stated else event.last_day.iso(),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    places = []
    if location.place:
        place = site.places[location.place]
        address = {"@type": "PostalAddress", "addressLocality": v.plain(place.name), "addressCountry": place.country}
        if location.address:
            address["streetAddress"] = location.address
        places.append({"@type": "Place", "name": v.plain(location.venue) or v.plain(place.name), "address": address})
    if location.online:
        places.append({"@type": "VirtualLocation", "url": location.online if isinstance(location.online, str) else url})
    mode = "mixed" if len(places) == 2 else "online" if location.online else "offline"
    data["eventAttendanceMode"] = f"https://schema.org/{_MODES[mode]}"
    data["location"] = places[0] if len(places) == 1 else places
    organizer = _organizer(site, event)
    if organizer is not None:
        data["organizer"] = _org_ref(site, v, organizer)
    return data


def news_jsonld(site: SiteData, v: Voice, item: NewsItem) -> dict[str, Any]:
    """A NewsArticle: the site publishes it; it is about the projects it names."""
    publisher = {"@type": "Organization", "name": site.languages.site_name(v.code), "url": _page(site, v, "")}
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": v.plain(item.title),
        "description": v.plain(item.summary),
        "url": _page(site, v, f"news/{item.id}/"),
        "inLanguage": v.tag,
        "datePublished": item.date.iso(),
        "author": publisher,
        "publisher": publisher,
    }
    about = [{"@type": "ResearchProject", "name": site.projects[p].acronym, "url": _page(site, v, f"projects/{p}/")}
             for p in item.projects]
    about += [_org_ref(site, v, site.organisations[o]) for o in item.organisations]
    if about:
        data["about"] = about
    return data


def _organizer(site: SiteData, event: Event) -> Organisation | None:
    """The coordinator of the event's project; else its first participant."""
    for project_id in site.projects_of(event):
        project = site.projects[project_id]
        if site.coordinator(project) is not None:
            return site.coordinator(project)
    if event.participants:
        return site.organisations[event.participants[0]]
    return None


# Result types (data/ui.yaml `result_types`) that schema.org has a closer type for; others are CreativeWork.
RESULT_SCHEMA_TYPES = {"publication": "ScholarlyArticle", "article": "ScholarlyArticle", "dataset": "Dataset",
                       "software": "SoftwareSourceCode"}


def result_jsonld(site: SiteData, v: Voice, result: Result) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": RESULT_SCHEMA_TYPES.get(result.type, "CreativeWork"),
        "@id": f"#result-{result.id}",
        "name": v.plain(result.title),
        "datePublished": result.date.iso(),
        "genre": v.result_type(result.type),
        # the project that made it: schema.org's isPartOf takes only a CreativeWork, so the project's grant says it
        "funding": {"@type": "Grant", "name": site.projects[result.project].acronym},
    }
    if result.number:
        data["identifier"] = result.number
    if result.summary:
        data["abstract"] = v.plain(result.summary)
    if result.languages:
        data["inLanguage"] = list(result.languages)
    if result.url:
        data["url"] = result.url
    elif result.file:  # files under docs/ are published once, at the default language's root
        data["url"] = site.language_url(site.languages.default, quote(result.file))
    if result.partners:
        data["creator"] = [_org_ref(site, v, site.organisations[o]) for o in result.partners]
    return data


def results_jsonld(site: SiteData, v: Voice, results: list[Result]) -> dict[str, Any]:
    """The results of a page as one schema.org graph."""
    return {"@context": "https://schema.org", "@graph": [result_jsonld(site, v, r) for r in results]}
