"""Pages of the dissemination parts: the home hero, the results library and the contact page.

Pure functions of the validated data, like pages.py; nothing here knows MkDocs.
"""

from __future__ import annotations

from typing import Any

from ..data.site_data import SiteData
from . import json_ld
from .eu_emblem import eu_emblem_svg
from .templating import GeneratedPage, page, render
from .wording import Voice

HOME_LATEST_RESULTS = 3
# Platform key in data/site.yaml -> the name shown (brand names are not translated).
SOCIAL_NAMES = {"mastodon": "Mastodon", "bluesky": "Bluesky", "linkedin": "LinkedIn", "youtube": "YouTube",
                "x": "X", "facebook": "Facebook", "instagram": "Instagram"}


def key_figures(site: SiteData) -> list[tuple[str, int]]:
    """(word in data/ui.yaml, count) for the hero: projects, partners, countries, events, results."""
    countries = {org.country for org in site.organisations.values()}
    return [("figure_projects", len(site.projects)), ("figure_partners", len(site.organisations)),
            ("figure_countries", len(countries)), ("figure_events", len(site.events)), ("figure_results", len(site.results))]


def funding_statement(site: SiteData, code: str) -> str:
    return site.site.funding.statement.get_in(code, site.languages.default)[0]


def hero(site: SiteData, code: str) -> str:
    """The hero at the top of the home page, in one language."""
    v = Voice(site, code)
    return render("home_hero.md.j2", v=v, here="", hero=site.site.hero, figures=key_figures(site),
                  statement=funding_statement(site, code), emblem=eu_emblem_svg(v.t("emblem_alt")))


def results_pages(site: SiteData, v: Voice) -> list[GeneratedPage]:
    """The results library and one page per type of result."""
    results = site.results_newest_first
    filters = {
        "projects": sorted((p for p in site.projects.values() if site.results_of_project(p.id)), key=lambda p: p.acronym),
        "types": sorted({r.type for r in results}),
    }
    pages = [page("results/index.md", "results/", "results_index.md.j2", v, title=v.t("results"), results=results,
                  filters=filters, jsonld=json_ld.results_jsonld(site, v, results))]
    for key in filters["types"]:
        chosen = [r for r in results if r.type == key]
        pages.append(page(f"results/types/{key}.md", f"results/types/{key}/", "results_index.md.j2", v,
                          title=v.result_type(key), results=chosen, filters=None, jsonld=json_ld.results_jsonld(site, v, chosen)))
    return pages


def social_links(site: SiteData) -> list[tuple[str, str, str]]:
    """(platform, name, url) in the order data/site.yaml gives them."""
    return [(platform, SOCIAL_NAMES[platform], url) for platform, url in site.site.social.items()]


def contact_page(site: SiteData, v: Voice) -> GeneratedPage:
    return page("contact.md", "contact/", "contact.md.j2", v, contact=site.site.contact,
                social=social_links(site), newsletter=site.site.newsletter)


def contact_details(site: SiteData, code: str) -> str:
    """The site's contact as HTML, for the marker in staff pages (the accessibility statement's contact)."""
    v = Voice(site, code)
    return render("contact_block.md.j2", v=v, contact=site.site.contact)


def home_context(site: SiteData) -> dict[str, Any]:
    """What the home overview adds: the latest results."""
    return {"results": site.results_newest_first[:HOME_LATEST_RESULTS]}
