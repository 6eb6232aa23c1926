"""Theme blocks that read nothing of the page but its depth, rendered once per depth in a language build.

Material's `config` block (a JSON of the interface's words and settings), its `styles` and its
`scripts` differ from page to page only in their addresses, which are written relative to the
page: `base_url` ('.', '..', '../..') says all they depend on. Rendering them took about a
twentieth of the template time of a 10,000-page build. overrides/main.html asks for each
through `DepthBlocks.once`, which renders the block for the first page of each depth and
gives the same HTML to the next ones.

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
    """The blocks of one language build, by block name and `base_url`."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.kept: dict[tuple[str, str], str] = {}
        self.checked: set[tuple[str, str]] = set()

    def once(self, name: str, base_url: str, render: Callable[[], str], url: str | None) -> Markup:
        """The block `name` (`render` is the template's `super`) for a page at `url` whose root is `base_url`.
        A page-less template (`url` None, as for 404.html) gets it rendered whole."""
        if not self.enabled or url is None:
            return Markup(render())
        key = (name, base_url)
        kept = self.kept.get(key)
        if kept is None:
            kept = self.kept[key] = str(render())
        elif key not in self.checked:
            if str(render()) != kept:
                raise PluginError(f"The theme block '{name}' shared between pages at the same depth is not the one of the "
                                  f"page /{url}: something in it depends on the page, not only on base_url. Render it "
                                  "for each page in overrides/main.html, or build with CLUSTERSITE_RUN_CACHES=0.")
            self.checked.add(key)
        return Markup(kept)
