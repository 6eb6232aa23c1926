"""Languages made at build time from another language's text: Serbian in Cyrillic from the Latin.

    derive_languages(site)   # every text gets its `sr-cyrl` version, unless data gives one (`sr-Cyrl:`)

Called once the data is loaded and checked, before any page is rendered; staff write
Serbian once. Pure: nothing here knows MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from ..data.localized_text import Localized
from ..data.site_data import SiteData
from .cyrillic import Transliterator, page_to_cyrillic


def converter(site: SiteData) -> Transliterator:
    """The site's Latin-to-Cyrillic conversion, with its own names kept in Latin and its own two-letter stems."""
    settings = site.site.serbian_cyrillic
    return _transliterator(tuple(settings.keep_in_latin), tuple(settings.two_letters))


@lru_cache(maxsize=2)
def _transliterator(keep_in_latin: tuple[str, ...], two_letters: tuple[str, ...]) -> Transliterator:
    # One per setting, kept: it remembers the texts it converted, and the preview converts the same ones
    # again after each edit (every page of docs/ in each language's build, all of data/ after a change there).
    return Transliterator(keep_in_latin, two_letters)


def derive_languages(site: SiteData) -> None:
    """Give every text of the site its version in each derived language; a version written in data/ wins."""
    languages = site.languages
    if not languages.derived:
        return
    convert = converter(site)
    for text in localized_texts(site):
        for code, source in languages.derived.items():
            _derive(text, code, languages.tag(code), source, convert)


def _derive(text: Localized, code: str, tag: str, source: str, convert: Callable[[str], str]) -> None:
    given = text.get(tag)
    if given:
        text[code] = given
    elif text.get(source):
        text[code] = convert(text[source])


def derived_page(markdown: str, site: SiteData) -> str:
    """A page staff wrote in the source language, in the derived language (only Cyrillic is made)."""
    return page_to_cyrillic(markdown, converter(site))


def localized_texts(site: SiteData) -> Iterator[Localized]:
    """Every localized text in the site's data, each once."""
    roots = [site.site, site.catalogue, site.places, site.organisations, site.projects, site.events, site.news]
    seen: set[int] = set()
    for root in roots:
        for text in _walk(root):
            if id(text) not in seen:
                seen.add(id(text))
                yield text


def _walk(node: Any) -> Iterator[Localized]:
    if isinstance(node, Localized):
        yield node
    elif isinstance(node, BaseModel):
        for value in node.__dict__.values():
            yield from _walk(value)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _walk(value)
