"""What the theme overrides and the staff pages get from data: the footer, the 404 texts, marker fills."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ..data.site_data import SiteData
from ..pages.eu_emblem import eu_emblem_svg
from ..pages.head_meta import og_locale, page_description
from ..pages.home_overview import home_overview
from ..pages.safe_text import inline_markdown, markdown_html

HOME_MARKER = "<!-- clustersite:home-overview -->"
DISCLAIMER_MARKER = "<!-- clustersite:disclaimer -->"
CONTACT_MARKER = "<!-- clustersite:contact -->"


def fill_markers(site: SiteData, today: date, markdown: str, code: str) -> str:
    """Put generated parts where staff pages ask for them with a marker comment."""
    if HOME_MARKER in markdown:
        markdown = markdown.replace(HOME_MARKER, home_overview(site, code, today))
    if DISCLAIMER_MARKER in markdown:
        disclaimer = site.site.funding.disclaimer.get_in(code, site.languages.default)[0]
        markdown = markdown.replace(DISCLAIMER_MARKER, inline_markdown(disclaimer))
    if CONTACT_MARKER in markdown:
        if site.site.contact is None:
            raise PluginError(f"A page in docs/ shows the site's contact ({CONTACT_MARKER}), but data/site.yaml has "
                              "no `contact:`; add the address visitors can write to, in each language.")
        markdown = markdown.replace(CONTACT_MARKER, markdown_html(site.site.contact.get_in(code, site.languages.default)[0]))
    return markdown


def describe_page(page: Page, html: str) -> None:
    """The page's own description, at most 160 characters, for <meta name="description"> (else the site's)."""
    description = page_description(page.meta.get("description"), html)
    if description:
        page.meta["description"] = description


def theme_globals(site: SiteData, code: str, lastmod: Callable[[str], str] | None = None) -> dict:
    """What the theme overrides show: the footer's funding line, the 404 texts, head and sitemap data."""
    languages = site.languages
    words = site.catalogue.words
    prefix = "" if code == languages.default else f"{code}/"
    return {
        "statement": site.site.funding.statement.get_in(code, languages.default)[0],
        "emblem": eu_emblem_svg(words["emblem_alt"][code]),
        "language": code,
        "search_path": f"{prefix}search/",
        "feed_path": f"{prefix}feed.xml",
        "feed_title": words["feed"][code],
        "links": [(words[key][code], f"{prefix}{key.replace('_notice', '')}/") for key in ("legal_notice", "privacy", "accessibility")],
        "html_lang": {c: languages.tag(c) for c in languages.codes},
        "og_locale": {c: og_locale(languages.tag(c)) for c in languages.codes},
        "lastmod": lastmod or (lambda src_uri: ""),
        "absolute": absolute_url,
        "default_language": languages.default,
        "not_found": [
            {"code": c, "tag": languages.tag(c), "title": words["page_not_found"][c],
             "text": words["page_not_found_text"][c], "home": words["go_home"][c],
             "home_path": "" if c == languages.default else f"{c}/"}
            for c in languages.codes
        ],
    }


def absolute_url(link: str, site_url: str | None) -> str:
    """A link as static-i18n gives it (`sr/x/`, `/repo/sr/`, or absolute) made absolute."""
    site_url = site_url or "http://localhost/"
    if link.startswith(("http://", "https://")):
        return link
    if link.startswith("/"):
        return urljoin(site_url, link)
    return urljoin(site_url, "" if link in (".", "./") else link)
