"""Text from YAML made safe for pages: escaped inline text, and Markdown without raw HTML."""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
from markupsafe import Markup

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>-])")  # what Markdown and its tables extension unescape; not `~`


def inline_markdown(text: str) -> Markup:
    """Text for a Markdown heading or meta line: HTML-escaped, Markdown specials backslashed.

    It is Markup, already escaped: a template that prints it must not escape it a second time.
    Quotes stay as they are: in element text they are harmless, and heading ids keep no `39`.
    """
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)))


@lru_cache(maxsize=4096)
def markdown_html(source: str) -> Markup:
    """Staff Markdown as HTML. Raw HTML in it is shown as text, never run."""
    safe = source.replace("&", "&amp;").replace("<", "&lt;")
    return Markup(_converter().reset().convert(safe))


def inline_html(source: str) -> Markup:
    """One line of staff Markdown (emphasis, links) as HTML without its paragraph; raw HTML stays text."""
    rendered = markdown_html(" ".join(source.split()))
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return Markup(rendered[3:-4])
    return Markup.escape(source)  # a line Markdown would make a list or heading of stays plain text


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=["sane_lists"], output_format="html")
