"""Theme blocks that read nothing of the page but its depth, rendered once per depth in a language build.

Material's `config` block (a JSON of the interface's words and settings), its `styles` and its
`scripts`, and the footer's funding lines and links, differ from page to page only in their
addresses, which are written relative to the page: `base_url` ('.', '..', '../..') says all they
depend on (the footer's also whether the page is one it links to). Rendering them took about a
fifteenth of the template time of a 10,000-page build. overrides/main.html and
overrides/partials/copyright.html ask for each through `DepthBlocks.once`, which renders the
block for the first page of each key and gives the same HTML to the next ones.

The second page of each depth also renders the block whole and compares: a template edit
that makes one of these blocks depend on more of the page stops the build, rather than give
pages another page's block. The blocks live for one language build (the theme's globals are
made anew for each), and CLUSTERSITE_RUN_CACHES=0 renders every page's blocks whole
(tests/test_run_caches.py compares the two sites byte for byte).
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup
from mkdocs.exceptions import PluginError


class DepthBlocks:
    """The blocks of one language build, by block name and key (`base_url`, and whatever else a block reads)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.kept: dict[tuple[str, str], str] = {}
        self.checked: set[tuple[str, str]] = set()

    def once(self, name: str, key: str, render: Callable[[], str], url: str | None) -> Markup:
        """The block `name` (`render` is the template's `super`, or a macro) for a page at `url`, rendered once per
        `key`. A page-less template (`url` None, as for 404.html) gets it rendered whole."""
        if not self.enabled or url is None:
            return Markup(render())
        key = (name, key)
        kept = self.kept.get(key)
        if kept is None:
            kept = self.kept[key] = str(render())
        elif key not in self.checked:
            if str(render()) != kept:
                raise PluginError(f"The theme block '{name}' shared between pages at the same depth is not the one of the "
                                  f"page /{url}: something in it depends on more of the page than its key ({key[1]!r}). "
                                  "Add that to the key, or render the block for each page, in the template that asks "
                                  "for it (overrides/main.html, overrides/partials/copyright.html); or build with "
                                  "CLUSTERSITE_RUN_CACHES=0.")
            self.checked.add(key)
        return Markup(kept)
