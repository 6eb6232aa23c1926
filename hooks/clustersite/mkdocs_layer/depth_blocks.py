"""Theme blocks that read nothing of the page but its addresses, rendered once per set of addresses in a language build.

Material's `config` block (a JSON of the interface's words and settings), its `styles` and its
`scripts`, and the footer's funding lines and links differ from page to page only in their
addresses, which MkDocs' `url` filter writes relative to the page (`get_relative_url`: the
folders the page and the address share are left out, a '..' goes up each of the others).
Rendering them took about a fifteenth of the template time of a 10,000-page build. So each is
rendered once per key, a text that determines all its addresses, and the next pages with that
key get the same HTML:
- the footer (overrides/partials/copyright.html): its addresses themselves, as the `url` filter
  writes them for the page;
- Material's blocks (overrides/main.html): `theme_key`, the page's `base_url` ('.', '..',
  '../..'), or nothing (rendered for the page alone) for a page in a folder whose first part is
  the first part of one of the theme's addresses (`assets/`, the site's extra_javascript).

The second page of each key, and every hundredth after, also renders the block whole and
compares: a template edit that makes a block depend on more of the page stops the build,
rather than give pages another page's block. The blocks live for one language build (the
theme's globals are made anew for each), and CLUSTERSITE_RUN_CACHES=0 renders every page's
blocks whole (tests/test_run_caches.py compares the two sites byte for byte).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from markupsafe import Markup
from mkdocs.exceptions import PluginError

_CHECKED_EVERY = 100  # after the second page of a key, every hundredth renders the block whole too


class DepthBlocks:
    """The blocks of one language build, by block name and key."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.kept: dict[tuple[str, str], str] = {}
        self.uses: dict[tuple[str, str], int] = {}

    def once(self, name: str, key: str | None, render: Callable[[], str], url: str | None) -> Markup:
        """The block `name` (`render` is the template's `super`, or a macro) for the page at `url`, rendered once per
        `key`. A page-less template (`url` None, as for 404.html) or a key of None gets it rendered whole."""
        if not self.enabled or url is None or key is None:
            return Markup(render())
        kept_under = (name, key)
        kept = self.kept.get(kept_under)
        uses = self.uses[kept_under] = self.uses.get(kept_under, 0) + 1
        if kept is None:
            kept = self.kept[kept_under] = str(render())
        elif (uses == 2 or uses % _CHECKED_EVERY == 0) and str(render()) != kept:
            raise PluginError(f"The theme block '{name}' shared between pages is not the one of the page /{url}: "
                              f"something in it depends on more of the page than its key ({key!r}). Add that to the "
                              "key, or render the block for each page, in the template that asks for it "
                              "(overrides/main.html, overrides/partials/copyright.html); or build with "
                              "CLUSTERSITE_RUN_CACHES=0.")
        return Markup(kept)

    @staticmethod
    def theme_key(page_url: str | None, base_url: str, addresses: Iterable[object]) -> str | None:
        """`base_url`, under which every address below the site's root reads the same for all pages with it, unless the
        page's folder starts as one of the `addresses` does (then they share a folder, which a relative address leaves
        out): None. Addresses are paths from the site's root, or objects with a `path` (MkDocs' extra_javascript)."""
        if page_url is None:
            return None
        path = page_url.lstrip("/")
        head, _, last = path.rpartition("/")
        folder = head if "." in last else path  # as get_relative_url: a last part with a dot is a file
        first = folder.split("/", 1)[0]
        if not first:
            return base_url
        for address in addresses:
            if str(getattr(address, "path", address)).lstrip("/").split("/", 1)[0] == first:
                return None
        return base_url
