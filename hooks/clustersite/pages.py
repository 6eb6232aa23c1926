"""The generated pages of one language: their paths and their Markdown.

    pages_for_language(site, code, today) -> [GeneratedPage]

Pure functions of the validated data and the build date; nothing here knows MkDocs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from . import dissemination_pages, europe_map, metadata
from .europe_map import partner_map
from .model import Event, Label, Project
from .site_data import SiteData
from .text import inline_markdown
from .voice import Voice, relative

TEMPLATES = Path(__file__).parent / "templates"
HOME_LATEST_NEWS = 3


@dataclass(frozen=True)
class GeneratedPage:
    """One page: `src_uri` is the language-neutral source name, such as `events/x.md`."""

    src_uri: str
    url_path: str
    markdown: str


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
        auto_reload=False,  # the templates are part of the package, not edited while a site is served
    )
    env.filters["mdinline"] = inline_markdown
    env.filters["meta"] = meta_value
    env.globals["href"] = relative
    env.globals["m"] = env.get_template("_macros.j2").module  # shared macros, made once instead of per page
    return env


def warm_up() -> None:
    """Compile every template and read the map outlines now, once per process.

    A process forked afterwards (background_render) starts with them ready.
    """
    env = environment()
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)
    europe_map.prepare()


def meta_value(text: str) -> Markup:
    """A front-matter value: HTML-escaped, because Material prints page.meta unescaped, then quoted."""
    return Markup(json.dumps(str(escape(text)), ensure_ascii=False))


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


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


def pages_for_language(site: SiteData, code: str, today: date) -> list[GeneratedPage]:
    """Every generated page in one language."""
    v = Voice(site, code)
    pages = [projects_index(site, v, today), events_index(site, v, today), partners_index(site, v),
             labels_page(site, v, today), news_index(site, v), search_page(site, v)]
    pages += [project_page(site, v, p, today) for p in site.projects.values()]
    pages += event_pages(site, v)
    pages += [event_type_page(site, v, key, today) for key in sorted({e.type for e in site.events.values()})]
    pages += [partner_page(site, v, o, today) for o in site.organisations.values()]
    news = sorted(site.news.values(), key=lambda n: (n.date, n.id))
    pages += [news_page(site, v, item, news[i - 1] if i else None, news[i + 1] if i + 1 < len(news) else None)
              for i, item in enumerate(news)]
    pages += dissemination_pages.results_pages(site, v, _page)
    pages.append(dissemination_pages.contact_page(site, v, _page))
    return pages


def _page(src_uri: str, url_path: str, template: str, v: Voice, **context: Any) -> GeneratedPage:
    return GeneratedPage(src_uri, url_path, render(template, v=v, here=url_path, **context))


def projects_index(site: SiteData, v: Voice, today: date) -> GeneratedPage:
    projects = sorted(site.projects.values(), key=lambda p: p.end.first, reverse=True)
    return _page("projects/index.md", "projects/", "projects_index.md.j2", v,
                 projects=[(p, status(p, today)) for p in projects])


def project_page(site: SiteData, v: Voice, project: Project, today: date) -> GeneratedPage:
    members = [(m, site.organisations[m.organisation]) for m in project.consortium]
    codes = list(dict.fromkeys(org.country for _, org in members))
    countries = [v.country(code) for code in codes]
    coordinator = site.coordinator(project) if not project.coordinator_not_stated else None
    return _page(
        f"projects/{project.id}.md", f"projects/{project.id}/", "project.md.j2", v,
        project=project, members=members, coordinator=coordinator, status=status(project, today),
        events=site.events_of_project(project.id), countries=countries, results=site.results_of_project(project.id),
        map_svg=partner_map(codes, {code: v.country(code) for code in codes}, f"map-{project.id}"),
        jsonld=metadata.project_jsonld(site, v, project),
    )


def event_pages(site: SiteData, v: Voice) -> list[GeneratedPage]:
    ordered = site.events_in_order
    pages = []
    for i, event in enumerate(ordered):
        pages.append(_page(
            f"events/{event.id}.md", f"events/{event.id}/", "event.md.j2", v,
            event=event, projects=[site.projects[p] for p in site.projects_of(event)],
            participants=[site.organisations[o] for o in event.participants],
            place=site.places[event.location.place] if event.location and event.location.place else None,
            previous=ordered[i - 1] if i > 0 else None, next=ordered[i + 1] if i + 1 < len(ordered) else None,
            jsonld=metadata.event_jsonld(site, v, event),
        ))
    return pages


def _timeline(events: list[Event], today: date) -> tuple[list[Event], list[tuple[int, list[Event]]]]:
    """Upcoming events soonest first; past events by year, newest first."""
    upcoming = sorted((e for e in events if is_upcoming(e, today)), key=lambda e: (e.date, e.id))
    past = sorted((e for e in events if not is_upcoming(e, today)), key=lambda e: (e.date, e.id), reverse=True)
    by_year = [(year, list(group)) for year, group in groupby(past, key=lambda e: e.date.first.year)]
    return upcoming, by_year


def events_index(site: SiteData, v: Voice, today: date) -> GeneratedPage:
    upcoming, by_year = _timeline(list(site.events.values()), today)
    filters = {
        "projects": sorted((p for p in site.projects.values() if site.events_of_project(p.id)), key=lambda p: p.acronym),
        "types": sorted({e.type for e in site.events.values()}),
    }
    return _page("events/index.md", "events/", "events_index.md.j2", v, title=v.t("events"),
                 upcoming=upcoming, past_by_year=by_year, filters=filters)


def event_type_page(site: SiteData, v: Voice, key: str, today: date) -> GeneratedPage:
    upcoming, by_year = _timeline([e for e in site.events.values() if e.type == key], today)
    return _page(f"events/types/{key}.md", f"events/types/{key}/", "events_index.md.j2", v,
                 title=v.event_type(key), upcoming=upcoming, past_by_year=by_year, filters=None)


def partners_index(site: SiteData, v: Voice) -> GeneratedPage:
    organisations = sorted(site.organisations.values(), key=lambda o: (v.country(o.country), o.short_name.lower()))
    return _page("partners/index.md", "partners/", "partners_index.md.j2", v, organisations=organisations)


def partner_page(site: SiteData, v: Voice, org, today: date) -> GeneratedPage:
    projects = [(p, next(m for m in p.consortium if m.organisation == org.id)) for p in site.projects_of_organisation(org.id)]
    return _page(
        f"partners/{org.id}.md", f"partners/{org.id}/", "partner.md.j2", v, org=org,
        labels=[(label, label_state(label, today)) for label in org.labels],
        projects=projects, events=site.events_of_organisation(org.id),
        jsonld=metadata.organisation_jsonld(site, v, org),
    )


def labels_page(site: SiteData, v: Voice, today: date) -> GeneratedPage:
    level_order = {"gold": 0, "silver": 1, "bronze": 2}
    rows = [(org, label, label_state(label, today)) for org in site.organisations.values() for label in org.labels]
    rows.sort(key=lambda row: (level_order[row[1].level], v.organisation_plain(row[0]).lower()))
    return _page("labels.md", "labels/", "labels.md.j2", v, rows=rows)


def news_index(site: SiteData, v: Voice) -> GeneratedPage:
    news = sorted(site.news.values(), key=lambda n: (n.date, n.id), reverse=True)
    return _page("news/index.md", "news/", "news_index.md.j2", v, news=news)


def news_page(site: SiteData, v: Voice, item, previous, next) -> GeneratedPage:
    return _page(
        f"news/{item.id}.md", f"news/{item.id}/", "news_item.md.j2", v, item=item, previous=previous, next=next,
        projects=[site.projects[p] for p in item.projects],
        organisations=[site.organisations[o] for o in item.organisations],
    )


# Pagefind's interface texts, from data/ui.yaml (Pagefind's own keys on the left).
SEARCH_TRANSLATIONS = {
    "placeholder": "search_placeholder", "clear_search": "search_clear", "load_more": "search_load_more",
    "search_label": "search", "zero_results": "search_zero_results", "many_results": "search_many_results",
    "one_result": "search_one_result", "searching": "search_searching", "filters_label": "search_filters",
    "alt_search": "search_alt", "search_suggestion": "search_suggestion",
}


def search_page(site: SiteData, v: Voice) -> GeneratedPage:
    root = "../" if v.code == site.languages.default else "../../"
    translations = {key: v.t(word) for key, word in SEARCH_TRANSLATIONS.items()}
    return _page("search.md", "search/", "search.md.j2", v, root=root, translations=translations)


def home_overview(site: SiteData, code: str, today: date) -> str:
    """The generated part of the home page, placed where docs/index*.md has the marker."""
    v = Voice(site, code)
    projects = sorted(site.projects.values(), key=lambda p: p.end.first, reverse=True)
    upcoming, _ = _timeline(list(site.events.values()), today)
    news = sorted(site.news.values(), key=lambda n: (n.date, n.id), reverse=True)[:HOME_LATEST_NEWS]
    return render("home_overview.md.j2", v=v, here="", projects=projects,
                  ongoing=[p for p in projects if status(p, today) == "ongoing"], upcoming=upcoming[:5], news=news,
                  **dissemination_pages.home_context(site))


def home_hero(site: SiteData, code: str) -> str:
    """The hero placed where docs/index*.md has its marker."""
    return dissemination_pages.hero(site, code, render)
