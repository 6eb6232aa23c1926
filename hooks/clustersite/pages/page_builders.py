"""The generated pages of one language, one builder per page type.

    pages_for_language(site, code, today) -> [GeneratedPage]

Pure functions of the validated data and the build date; nothing here knows MkDocs.
Each builder picks what its template (`templates/<name>.md.j2`) shows.
"""

from __future__ import annotations

from datetime import date

from ..data.funding import funding_lines
from ..data.model import Organisation, Project
from ..data.site_data import SiteData
from . import dissemination_pages, json_ld
from .dissemination import dissemination_view
from .europe_map import partner_map
from .head_meta import listing, shorten
from .search_page import search_page
from .status import label_state, status
from .templating import GeneratedPage, page
from .timeline_pages import SHORT_LIST, short_list, timeline_pages
from .wording import Voice


def pages_for_language(site: SiteData, code: str, today: date) -> list[GeneratedPage]:
    """Every generated page in one language."""
    v = Voice(site, code)
    pages = [projects_index(site, v, today), partners_index(site, v),
             *([labels_page(site, v, today)] if has_labels(site) else []), news_index(site, v), search_page(site, v)]
    pages += events_index(site, v, today)
    pages += [project_page(site, v, p, today) for p in site.projects.values()]
    pages += [page for p in site.projects.values() if site.events_of_project(p.id)
              for page in project_timeline_pages(site, v, p, today)]
    pages += event_pages(site, v)
    pages += [page for key in sorted({e.type for e in site.events.values()}) for page in event_type_pages(site, v, key, today)]
    pages += [partner_page(site, v, o, today) for o in site.organisations.values()]
    pages += [page for o in site.organisations.values() if len(site.events_of_organisation(o.id)) > SHORT_LIST
              for page in partner_timeline_pages(site, v, o, today)]
    news = sorted(site.news.values(), key=lambda n: (n.date, n.id))
    pages += [news_page(site, v, item, news[i - 1] if i else None, news[i + 1] if i + 1 < len(news) else None)
              for i, item in enumerate(news)]
    pages += dissemination_pages.results_pages(site, v)
    pages.append(dissemination_pages.contact_page(site, v))
    return pages


def has_labels(site: SiteData) -> bool:
    """The labels page is made only when an organisation holds a label."""
    return any(organisation.labels for organisation in site.organisations.values())


def switched_off_pages(site: SiteData) -> set[str]:
    """Section pages the data switches off, by src_uri: their nav entries are dropped too."""
    return set() if has_labels(site) else {"labels.md"}


def projects_index(site: SiteData, v: Voice, today: date) -> GeneratedPage:
    projects = sorted(site.projects.values(), key=lambda p: p.end.first, reverse=True)
    return page("projects/index.md", "projects/", "projects_index.md.j2", v,
                projects=[(p, status(p, today)) for p in projects],
                description=listing(v.t("projects"), [" – ".join(dict.fromkeys((p.acronym, v.plain(p.title)))) for p in projects]))


def project_page(site: SiteData, v: Voice, project: Project, today: date) -> GeneratedPage:
    members = [(m, site.organisations[m.organisation]) for m in project.consortium]
    codes = list(dict.fromkeys(org.country for _, org in members))
    countries = [v.country(code) for code in codes]
    coordinator = site.coordinator(project)
    return page(
        f"projects/{project.id}.md", f"projects/{project.id}/", "project.md.j2", v,
        project=project, members=members, coordinator=coordinator, status=status(project, today), funding=funding_lines(project),
        events=short_list(site.events_of_project(project.id), today), all_events=len(site.events_of_project(project.id)),
        countries=countries, results=site.results_of_project(project.id),
        map_svg=partner_map(codes, {code: v.country(code) for code in codes}, f"map-{project.id}"),
        jsonld=json_ld.project_jsonld(site, v, project), dissemination=dissemination_view(site, v, project.id),
    )


def event_pages(site: SiteData, v: Voice) -> list[GeneratedPage]:
    ordered = site.events_in_order
    pages = []
    for i, event in enumerate(ordered):
        pages.append(page(
            f"events/{event.id}.md", f"events/{event.id}/", "event.md.j2", v,
            event=event, projects=[site.projects[p] for p in site.projects_of(event)],
            participants=[site.organisations[o] for o in event.participants],
            place=site.places[event.location.place] if event.location and event.location.place else None,
            lead=site.organisations[event.lead] if event.lead else None,
            previous=ordered[i - 1] if i > 0 else None, next=ordered[i + 1] if i + 1 < len(ordered) else None,
            jsonld=json_ld.event_jsonld(site, v, event),
        ))
    return pages


def events_index(site: SiteData, v: Voice, today: date) -> list[GeneratedPage]:
    filters = {
        "projects": sorted((p for p in site.projects.values() if site.events_of_project(p.id)), key=lambda p: p.acronym),
        "types": sorted({e.type for e in site.events.values()}),
    }
    return timeline_pages(v, "events/index.md", "events/", v.t("events"), list(site.events.values()), today,
                          filters=filters, calendar="events.ics")


def event_type_pages(site: SiteData, v: Voice, key: str, today: date) -> list[GeneratedPage]:
    return timeline_pages(v, f"events/types/{key}.md", f"events/types/{key}/", v.event_type(key),
                          [e for e in site.events.values() if e.type == key], today, filters=None, calendar="events.ics")


def project_timeline_pages(site: SiteData, v: Voice, project: Project, today: date) -> list[GeneratedPage]:
    """Every event of one project, at events/projects/<id>/ (the project page lists the next and latest)."""
    events = site.events_of_project(project.id)
    return timeline_pages(v, f"events/projects/{project.id}.md", f"events/projects/{project.id}/",
                          f"{v.t('events')}: {project.acronym}", events, today,
                          filters=None, calendar=f"projects/{project.id}.ics")


def partner_timeline_pages(site: SiteData, v: Voice, org: Organisation, today: date) -> list[GeneratedPage]:
    """Every event of one partner, at events/partners/<id>/ (the partner page lists the next and latest)."""
    return timeline_pages(v, f"events/partners/{org.id}.md", f"events/partners/{org.id}/",
                          f"{v.t('events')}: {org.short_name}", site.events_of_organisation(org.id), today,
                          filters=None, calendar="events.ics")


def partners_index(site: SiteData, v: Voice) -> GeneratedPage:
    organisations = sorted(site.organisations.values(), key=lambda o: (v.country(o.country), o.short_name.lower()))
    return page("partners/index.md", "partners/", "partners_index.md.j2", v, organisations=organisations,
                description=listing(v.t("partners"), [v.organisation_plain(o) for o in organisations][:12]))


def partner_page(site: SiteData, v: Voice, org, today: date) -> GeneratedPage:
    projects = [(p, next(m for m in p.consortium if m.organisation == org.id)) for p in site.projects_of_organisation(org.id)]
    return page(
        f"partners/{org.id}.md", f"partners/{org.id}/", "partner.md.j2", v, org=org,
        labels=[(label, label_state(label, today)) for label in org.labels],
        projects=projects, events=short_list(site.events_of_organisation(org.id), today),
        all_events=len(site.events_of_organisation(org.id)),
        jsonld=json_ld.organisation_jsonld(site, v, org),
        description=shorten(v.plain(org.description) or " · ".join(
            [v.organisation_plain(org), f"{v.organisation_type(org.type)}, {v.country(org.country)}", *(p.acronym for p, _ in projects)])),
    )


def labels_page(site: SiteData, v: Voice, today: date) -> GeneratedPage:
    level_order = {"gold": 0, "silver": 1, "bronze": 2}
    rows = [(org, label, label_state(label, today)) for org in site.organisations.values() for label in org.labels]
    rows.sort(key=lambda row: (level_order[row[1].level], v.organisation_plain(row[0]).lower()))
    return page("labels.md", "labels/", "labels.md.j2", v, rows=rows)


def news_index(site: SiteData, v: Voice) -> GeneratedPage:
    news = sorted(site.news.values(), key=lambda n: (n.date, n.id), reverse=True)
    return page("news/index.md", "news/", "news_index.md.j2", v, news=news,
                description=listing(v.t("news"), [v.plain(n.title) for n in news][:8]))


def news_page(site: SiteData, v: Voice, item, previous, next) -> GeneratedPage:
    return page(
        f"news/{item.id}.md", f"news/{item.id}/", "news_item.md.j2", v, item=item, previous=previous, next=next,
        projects=[site.projects[p] for p in item.projects],
        organisations=[site.organisations[o] for o in item.organisations],
        jsonld=json_ld.news_jsonld(site, v, item),
    )


