"""The nav of mkdocs.yml without the section pages the data switches off (no labels, no labels page)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from ..data.site_data import SiteData
from ..pages.page_builders import switched_off_pages


def drop_switched_off(config: MkDocsConfig, site: SiteData) -> None:
    """Remove nav entries for generated pages this site's data does not make, so that no link leads nowhere."""
    absent = switched_off_pages(site)
    if config.nav and absent:
        config.nav = _without(config.nav, absent)


def _without(items: list[Any], absent: set[str]) -> list[Any]:
    kept = []
    for item in items:
        if isinstance(item, str):
            if item not in absent:
                kept.append(item)
        elif isinstance(item, dict):
            entry = {}
            for title, value in item.items():
                if isinstance(value, list):
                    entry[title] = _without(value, absent)
                elif value not in absent:
                    entry[title] = value
            if entry:
                kept.append(entry)
        else:
            kept.append(item)
    return kept
