"""The site navigation's HTML, rendered once for all the pages that would get the same.

Material renders its whole navigation (partials/nav.html, a macro per item) for every
page: 6 % of a 1,000-page build. What it renders depends on the page in two ways only:
the item that is the page, with its section, is marked as current, and every address
is written relative to the page. So a page that is not in the navigation, whose
addresses (the nav items', the home page's, the logo's, each through the theme's own
`url` filter) read the same as another such page's, gets the same navigation: all the
events of a language, for instance, share one. overrides/partials/nav.html asks for
a `slot` with those addresses; an empty slot is filled by the first page that renders it.

A slot lives for one language build (the theme's globals are made anew for each), and
CLUSTERSITE_RUN_CACHES=0 renders every page's navigation as Material does.
"""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page


class Slot:
    """One navigation's HTML, once a page has rendered it."""

    html: str | None = None

    def keep(self, html: str) -> str:
        self.html = html
        return html


class NavFragments:
    """The navigations rendered in one language build, by the addresses they link to."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.slots: dict[tuple[int, str], Slot] = {}
        self._pages: dict[int, frozenset[int]] = {}  # a nav -> its pages, once per build
        self._addresses: dict[int, list[str]] = {}  # a nav -> its addresses, once per build

    def slot(self, page: Page | None, nav: Navigation | None, addresses: str) -> Slot | None:
        """The slot the page shares with others, or None when its navigation must be rendered for it alone."""
        if not self.enabled or page is None or nav is None or id(page) in self._pages_in(nav):
            return None
        return self.slots.setdefault((id(nav), addresses), Slot())

    def addresses(self, nav: Navigation, config: MkDocsConfig) -> list[str]:
        """The nav's addresses (`addresses` below), gathered once for all the pages of the build."""
        found = self._addresses.get(id(nav))
        if found is None:
            found = self._addresses[id(nav)] = addresses(nav, config)
        return found

    def _pages_in(self, nav: Navigation) -> frozenset[int]:
        found = self._pages.get(id(nav))
        if found is None:
            found = self._pages[id(nav)] = frozenset(id(item) for item in _items(nav.items) if isinstance(item, Page))
        return found


def addresses(nav: Navigation, config: MkDocsConfig) -> list[str]:
    """Every address Material's navigation passes through the `url` filter: its items', the home page's, the logo's."""
    found = [item.url for item in _items(nav.items) if isinstance(item, (Page, Link))]
    homepage = config.extra.get("homepage") or (nav.homepage.url if nav.homepage else None)
    return [*found, *(str(value) for value in (homepage, config.theme.get("logo")) if value)]


def _items(items: list) -> Iterator:
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _items(item.children)
