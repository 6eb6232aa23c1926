"""What a page's <head> says about it: its Open Graph locale and its own description.

    og_locale("sr-Latn") -> "sr_RS"
    description_from_html("<h1>…</h1><p>First paragraph…</p>") -> "First paragraph…"
"""

from __future__ import annotations

from functools import cache
from html import escape, unescape
from html.parser import HTMLParser

from babel import Locale
from babel.core import get_global

from .l10n import locale

DESCRIPTION_LIMIT = 160  # characters; search engines cut longer descriptions


@cache
def og_locale(tag: str) -> str:
    """Open Graph's language_TERRITORY for the locale the pages are formatted in (en -> en_GB, see l10n).

    That locale's own territory, else CLDR's likely one (cs -> cs_CZ, sr-Latn -> sr_RS).
    """
    found = locale(tag)
    territory = found.territory
    if not territory:
        likely = get_global("likely_subtags")
        key = f"{found.language}_{found.script}" if found.script else found.language
        territory = Locale.parse(likely.get(key) or likely.get(found.language, key)).territory
    return f"{found.language}_{territory}" if territory else found.language


def shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """The text on one line, cut at a word to at most `limit` characters, with an ellipsis where cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


def listing(heading: str, names: list[str]) -> str:
    """A description of an index page from what it lists: 'Projects: TRACE-KEI – …; CENTRAMO – …'."""
    return shorten(f"{heading}: " + "; ".join(names)) if names else heading


class _Text(HTMLParser):
    """The text of a page's paragraphs, list items and table cells, in order, outside scripts and figures."""

    _BLOCKS = {"p": "p", "li": "li", "td": "cell", "th": "cell", "dd": "li"}
    _SKIP = {"script", "style", "svg", "figure", "nav", "template", "noscript"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, list[str]] = {"p": [], "li": [], "cell": []}
        self._open: list[tuple[str, list[str]]] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS and not self._skipping:
            self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif self._open and self._open[-1][0] == tag:
            _, parts = self._open.pop()
            text = " ".join("".join(parts).split())
            if text:
                self.found[self._BLOCKS[tag]].append(text)

    def handle_data(self, data: str) -> None:
        if self._open and not self._skipping:
            self._open[-1][1].append(data)


def description_from_html(html: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """A description made of the page's own first paragraphs (else list items, else table cells); '' if it has none."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    for kind, separator in (("p", " "), ("li", "; "), ("cell", "; ")):
        texts = parser.found[kind]
        if texts:
            joined = ""
            for text in texts:
                joined = f"{joined}{separator}{text}" if joined else text
                if len(joined) >= limit:
                    break
            return shorten(joined, limit)
    return ""


def page_description(stated: str | None, html: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """The front matter's description (HTML-escaped, as templates write it) shortened, else one from the page's text."""
    if stated:
        return escape(shorten(unescape(stated), limit), quote=False)
    return escape(description_from_html(html, limit), quote=False)
