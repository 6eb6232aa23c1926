"""What the theme overrides and the staff pages get from data: the footer, the header's short site name,
the 404 page, marker fills."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ..data.site_data import SiteData
from ..pages import og_card
from ..pages.dissemination_pages import contact_details, hero, social_links
from ..pages.eu_emblem import eu_emblem_svg
from ..pages.head_meta import og_locale, page_description
from ..pages.home_overview import home_overview
from ..pages.safe_text import inline_html, inline_markdown
from . import run_caches, site_chrome
from .depth_blocks import DepthBlocks
from .header_fragments import HeaderFragments
from .nav_fragments import NavFragments

MARKER_PREFIX = "<!-- clustersite:"  # every marker starts so
HOME_MARKER = "<!-- clustersite:home-overview -->"
HERO_MARKER = "<!-- clustersite:hero -->"
DISCLAIMER_MARKER = "<!-- clustersite:disclaimer -->"
CONTACT_MARKER = "<!-- clustersite:contact -->"


def fill_markers(site: SiteData, today: date, markdown: str, code: str) -> str:
    """Put generated parts where staff pages ask for them with a marker comment."""
    if HERO_MARKER in markdown:
        markdown = markdown.replace(HERO_MARKER, hero(site, code))
    if HOME_MARKER in markdown:
        markdown = markdown.replace(HOME_MARKER, home_overview(site, code, today))
    if DISCLAIMER_MARKER in markdown:
        disclaimer = site.site.funding.disclaimer.get_in(code, site.languages.default)[0]
        markdown = markdown.replace(DISCLAIMER_MARKER, inline_markdown(disclaimer))
    if CONTACT_MARKER in markdown:
        if site.site.contact is None:
            raise PluginError(f"A page in docs/ shows the site's contact ({CONTACT_MARKER}), but data/site.yaml has "
                              "no `contact:`; add `contact:` with `email:`, the address visitors can write to.")
        markdown = markdown.replace(CONTACT_MARKER, contact_details(site, code))
    return markdown


def describe_page(page: Page, html: str) -> None:
    """The page's own description, at most 160 characters, for <meta name="description"> (else the site's)."""
    description = page_description(page.meta.get("description"), html)
    if description:
        page.meta["description"] = description


def check_short_names(config: MkDocsConfig, codes: tuple[str, ...]) -> None:
    """Stop the build with every mistake in mkdocs.yml's `extra.short_name`."""
    problems = site_chrome.short_names(config.extra.get("short_name"), codes)[1]
    if problems:
        raise PluginError("\n".join(problems))


def theme_globals(site: SiteData, code: str, config: MkDocsConfig, lastmod: Callable[[str], str] | None = None,
                  root_url: str = "") -> dict:
    """What the theme overrides show: the footer's funding line and channels, og:image, the short site name,
    the 404 page, head and sitemap data.

    `root_url` is the default language's site_url, where files under docs/ are published once.
    Material's Jinja does not escape; the overrides escape each of these texts with `| e`.
    """
    languages = site.languages
    words = site.catalogue.words
    prefix = "" if code == languages.default else f"{code}/"
    return {
        "statement": inline_html(site.site.funding.statement.get_in(code, languages.default)[0]),
        "emblem": eu_emblem_svg(words["emblem_alt"][code]),
        "language": code,
        "channels": _channels(site, code, prefix),
        "root_url": root_url or "http://localhost/",
        "card": og_card.CARD_PATH,
        "search_path": f"{prefix}search/",
        "feed_path": f"{prefix}feed.xml",
        "feed_title": words["feed"][code],
        "links": [(words[key][code], f"{prefix}{key.replace('_notice', '')}/") for key in ("legal_notice", "privacy", "accessibility")],
        "programme_logo": _programme_logo(site, code),
        "html_lang": {c: languages.tag(c) for c in languages.codes},
        "og_locale": {c: og_locale(languages.tag(c)) for c in languages.codes},
        "lastmod": lastmod or (lambda src_uri: ""),
        "absolute": absolute_url,
        "default_language": languages.default,
        "not_found": site_chrome.not_found(site, code, root_url or config.site_url or ""),
        "short_name": site_chrome.short_names(config.extra.get("short_name"), languages.codes)[0].get(code, config.site_name),
        "ui_word": _kept_words(),
        "nav": NavFragments(enabled=run_caches.enabled()),
        "header": HeaderFragments(enabled=run_caches.enabled()),
        "depth_blocks": DepthBlocks(enabled=run_caches.enabled()),
    }


def _kept_words() -> Callable[[str, Callable, Callable], str]:
    """Material's interface-word lookup (overrides/partials/language.html), each word found once per language build."""
    found: dict[str, str] = {}

    def ui_word(key: str, own: Callable[[str], str], fallback: Callable[[str], str]) -> str:
        word = found.get(key)
        if word is None:
            word = found[key] = own(key) or fallback(key) or key
        return word
    return ui_word


def _programme_logo(site: SiteData, code: str) -> dict | None:
    """The funding programme's logo beside the EU emblem (data/site.yaml), if the site has one."""
    logo = site.site.programme_logo
    if logo is None:
        return None
    return {"src": logo.file, "alt": logo.alt.get_in(code, site.languages.default)[0], "link": logo.link}


def _channels(site: SiteData, code: str, prefix: str) -> dict:
    """The footer's contact, newsletter and social links (data/site.yaml), and the documents for the sitemap."""
    words = site.catalogue.words
    icons = {"x": "x-twitter"}  # Material ships Font Awesome's brand icons, inlined from this site
    return {
        "contact": (words["contact"][code], f"{prefix}contact/"),
        "newsletter": (words["newsletter"][code], site.site.newsletter) if site.site.newsletter else None,
        "social": [(name, url, icons.get(platform, platform)) for platform, name, url in social_links(site)],
        "result_files": sorted({r.file for r in site.results.values() if r.file}),
    }


def absolute_url(link: str, site_url: str | None) -> str:
    """A link as static-i18n gives it (`sr/x/`, `/repo/sr/`, or absolute) made absolute."""
    site_url = site_url or "http://localhost/"
    if link.startswith(("http://", "https://")):
        return link
    if link.startswith("/"):
        return urljoin(site_url, link)
    return urljoin(site_url, "" if link in (".", "./") else link)
