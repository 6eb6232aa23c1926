"""The site header's HTML, rendered once for all the pages whose header addresses read the same.

Material renders its header (overrides/partials/header-frame.html) for every page: a tenth of
a 1,000-page build's time. It differs from page to page in three ways only: the page's title,
the links to the page in the other languages, and the addresses written relative to the page
(the home page's, the logo's, the search page's). So the pages whose addresses read the same
share one rendering, a frame, in which the title and each language link are marks; each page
gets the frame with its own title and links put in (overrides/partials/header.html).

A mark is a random token no page can hold. The second page of each frame also renders its
header whole and compares: a template edit that makes the header depend on something else of
the page stops the build, rather than give pages another page's header. A frame lives for one
language build (the theme's globals are made anew for each), and CLUSTERSITE_RUN_CACHES=0
renders every page's header whole (tests/test_run_caches.py compares the two sites byte for
byte).
"""

from __future__ import annotations

import re
import secrets

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page


class Frame:
    """One header's HTML with marks in place of a page's own values, once a page has rendered it."""

    def __init__(self) -> None:
        self.parts: list[str | int] | None = None  # text, and the number of the value that goes in between
        self.checked = False  # whether a page other than the first has compared it with its whole header

    def keep(self, html: str, marks: list[str]) -> str:
        """Keep the rendered frame; '' (the template shows the filled frame next)."""
        found = re.split("(" + "|".join(map(re.escape, marks)) + ")", html)
        number = {mark: index for index, mark in enumerate(marks)}
        self.parts = [number[part] if index % 2 else part for index, part in enumerate(found)]
        return ""

    def fill(self, values: list) -> str:
        """The header of one page: the frame with the page's values in place of the marks."""
        return "".join(part if isinstance(part, str) else str(values[part]) for part in self.parts)

    def check(self, filled: str, whole: str, url: str) -> str:
        """'' if the page's header from the frame is the one rendered for it alone; else the build stops."""
        if filled != whole:
            raise PluginError(f"The site header shared between pages is not the header of the page /{url}: "
                              "something in overrides/partials/header-frame.html (or a template it includes) depends on "
                              "the page but is neither a mark nor an address in the key of overrides/partials/header.html. "
                              "Add it there, or build with CLUSTERSITE_RUN_CACHES=0.")
        self.checked = True
        return ""


class HeaderFragments:
    """The header frames of one language build, by the addresses they hold."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.frames: dict[str, Frame] = {}
        self._token = secrets.token_hex(8)

    def frame(self, page: Page | None, addresses: str) -> Frame | None:
        """The frame the page shares with others, or None when its header is rendered whole (a page-less template)."""
        if not self.enabled or page is None:
            return None
        return self.frames.setdefault(addresses, Frame())

    def marks(self, count: int) -> list[str]:
        """Marks for a frame's `count` values: letters and digits only, which escaping leaves as they are."""
        return [f"clustersite{self._token}mark{number}x" for number in range(count)]
