"""Generated pages reach MkDocs as finished HTML: Python-Markdown does not run over them.

MkDocs still reads each page's front matter (`page.meta`, its title). `take_markdown` then
hands Python-Markdown an empty body and keeps the HTML `pages/page_html.py` made from the
Markdown, byte for byte what Python-Markdown would have made of it; `put_content` puts
that HTML, its table of contents and its anchors in place. Pages of docs/, pages the
converter does not take, sites whose mkdocs.yml changes `markdown_extensions`, and builds
with CLUSTERSITE_MARKDOWN=1 go through Python-Markdown as before.
"""

from __future__ import annotations

import html
import os
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..pages.page_html import FinishedPage, finish
from .build_state import BuildState

SWITCH = "CLUSTERSITE_MARKDOWN"  # =1: every page through Python-Markdown, to compare the two
# The extensions `finish` reproduces: MkDocs' own three, and the two mkdocs.yml adds, toc without permalinks.
_EXTENSIONS = {"toc", "tables", "fenced_code", "attr_list", "md_in_html"}
_ANCHORS = re.compile(r'<[a-zA-Z][^<>]*?\sid="([^"]*)"|<a\s[^<>]*?\bname="([^"]*)"')

_generated: set[str] = set()  # src_uri of the generated pages of the language being built, if they are finished here
_waiting: dict[str, FinishedPage] = {}  # src_uri -> the page's HTML, from its markdown event to its content event


def prepare(state: BuildState, code: str, config: MkDocsConfig) -> None:
    """Note the language's generated pages, if this build may finish them without Python-Markdown."""
    _generated.clear()
    _waiting.clear()
    if usable(config):
        _generated.update(state.names_in(code))


def usable(config: MkDocsConfig) -> bool:
    """Whether this build may skip Python-Markdown for generated pages."""
    if os.environ.get(SWITCH, "").strip() not in ("", "0"):
        return False
    options = {name: dict(value) for name, value in (config.mdx_configs or {}).items() if value}
    return set(config.markdown_extensions) == _EXTENSIONS and options in ({}, {"toc": {"permalink": False}})


def take_markdown(markdown: str, page: Page) -> str:
    """An empty body for Python-Markdown if the page is generated and its HTML could be finished here."""
    if page.file.src_uri not in _generated or "title" not in page.meta:
        return markdown  # MkDocs takes a title from the first heading only when the front matter has none
    finished = finish(markdown)
    if finished is None:
        return markdown
    _waiting[page.file.src_uri] = finished
    return ""


def put_content(html_text: str, page: Page) -> str:
    """The page's finished HTML, with its table of contents and anchors, if `take_markdown` kept it."""
    finished = _waiting.pop(page.file.src_uri, None)
    if finished is None:
        return html_text
    page.toc = get_toc(finished.toc)
    # What Page.render collects for anchor validation: every id (and <a name>) on the page.
    page.present_anchor_ids = {html.unescape(i or n) for i, n in _ANCHORS.findall(finished.html)}
    return finished.html
