"""Every link and picture address written in a Markdown text, with where it is written.

Used on texts from data/ and on docs/*.md before anything is rendered, so that
a mistake is reported at its line. The final HTML of every page is checked
again after the build (page_check.py), which catches whatever a pattern here misses.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .url_safety import browser_form, link_problem, other_host

# [text](target) and ![alt](target): the target runs to a space, `>` or `)`; a tab or an
# invisible character inside it stays part of it, so `java<TAB>script:` is seen whole.
_INLINE = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)> ]+)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]*:[^>\s]+)>")
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?>")
_ATTRIBUTE = re.compile(r"""(?<![\w-])(href|src|srcset|poster|action|formaction|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""",
                        re.IGNORECASE)
_LOADED = frozenset({"src", "srcset", "poster"})  # what a page loads; an iframe's src is judged as a frame (docs_check)
_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)", re.MULTILINE)
_PICTURE_REFERENCE = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?")


@dataclass(frozen=True)
class Target:
    """An address in a text: `picture` when a page would load it (an image), not only link to it."""

    url: str
    picture: bool
    offset: int  # where the address starts in the text


def targets(text: str) -> Iterator[Target]:
    """Each link and picture address in `text`, in no particular order."""
    for match in _INLINE.finditer(text):
        yield Target(match.group(2), bool(match.group(1)), match.start(2))
    for match in _AUTOLINK.finditer(text):
        yield Target(match.group(1), False, match.start(1))
    for tag in _TAG.finditer(text):
        for attribute in _ATTRIBUTE.finditer(tag.group(2) or ""):
            name, value, offset = attribute.group(1).lower(), attribute.group(2).strip("\"'"), tag.start(2) + attribute.start(1)
            picture = name in _LOADED and tag.group(1).lower() != "iframe"
            for url in (candidate.split()[0] for candidate in value.split(",") if candidate.strip()) if name == "srcset" else [value]:
                yield Target(url, picture, offset)
    pictures = {(m.group(2) or m.group(1)).strip().lower() for m in _PICTURE_REFERENCE.finditer(text)}
    for match in _DEFINITION.finditer(text):
        yield Target(match.group(2), match.group(1).strip().lower() in pictures, match.start(2))


def address_problems(content: str, picture_allowed: Callable[[str], bool] = lambda url: False,
                     ) -> Iterator[tuple[str, dict[str, str], int]]:
    """Each link that is not allowed and each picture from another host in a Markdown text: (message, details, offset).

    `picture_allowed` says whether a picture from another host is allowed (a host the site's policy adds).
    """
    for target in targets(content):
        url = html.unescape(target.url)  # `&#9;` in an address is a tab to a browser
        wrong = link_problem(url)
        if wrong:
            yield "this text links to an address that is not allowed", {
                "expected": "links starting with https://, http:// or mailto:, or relative links",
                "found": f"`{target.url}`" + (f" ({wrong.removeprefix('the address ')})" if "invisible" in wrong else ""),
                "hint": "use the page's https:// address, typed again without invisible characters"}, target.offset
        elif target.picture and other_host(url) and not picture_allowed(browser_form(url).replace("\\", "/")):
            yield "this text shows a picture from another site", {
                "expected": "pictures stored with the site, under docs/assets/", "found": f"`{target.url}`",
                "hint": "put the file under docs/assets/ and show it through the item's `images:` list: "
                        "a picture on another host is a request to a third party on every visit"}, target.offset


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a position in a text."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
