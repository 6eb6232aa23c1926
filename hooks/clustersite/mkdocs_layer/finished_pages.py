"""Generated pages reach MkDocs as finished HTML: Python-Markdown does not run over them.

MkDocs still reads each page's front matter (`page.meta`, its title). `take_markdown` then
makes the HTML with `pages/page_html.py`, byte for byte what Python-Markdown would have made
of the Markdown, and gives the page a `render` of its own that puts that HTML, its table of
contents and its anchors in place: MkDocs' `Page.render` would set up a Python-Markdown
instance with its extensions for every page (about 0.2 ms a page, ~10 % of a build's CPU)
only to convert nothing. Pages of docs/, pages the converter does not take, sites whose
mkdocs.yml changes `markdown_extensions`, and builds with CLUSTERSITE_MARKDOWN=1 go
through Python-Markdown as before.
"""

from __future__ import annotations

import html
import os
import re
from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..pages.page_html import FinishedPage, finish
from .build_state import BuildState

SWITCH = "CLUSTERSITE_MARKDOWN"  # =1: every page through Python-Markdown, to compare the two
# The extensions `finish` reproduces: MkDocs' own three, and the two mkdocs.yml adds, toc without permalinks.
_EXTENSIONS = {"toc", "tables", "fenced_code", "attr_list", "md_in_html"}
_ANCHORS = re.compile(r'<[a-zA-Z][^<>]*?\sid="([^"]*)"|<a\s[^<>]*?\bname="([^"]*)"')

_generated: set[str] = set()  # src_uri of the generated pages of the language being built, if they are finished here


def prepare(state: BuildState, code: str, config: MkDocsConfig) -> None:
    """Note the language's generated pages, if this build may finish them without Python-Markdown."""
    _generated.clear()
    if usable(config):
        _generated.update(state.names_in(code))


def usable(config: MkDocsConfig) -> bool:
    """Whether this build may skip Python-Markdown for generated pages."""
    if os.environ.get(SWITCH, "").strip() not in ("", "0"):
        return False
    options = {name: dict(value) for name, value in (config.mdx_configs or {}).items() if value}
    return set(config.markdown_extensions) == _EXTENSIONS and options in ({}, {"toc": {"permalink": False}})


def take_markdown(markdown: str, page: Page) -> str:
    """An empty body, and a `render` that puts the finished HTML in place, if the page is generated
    and its HTML could be finished here; else the Markdown for MkDocs' own `render`."""
    page.__dict__.pop("render", None)  # a preview rebuild: last run's page may have been finished here
    if page.file.src_uri not in _generated or "title" not in page.meta:
        return markdown  # MkDocs takes a title from the first heading only when the front matter has none
    finished = finish(markdown)
    if finished is None:
        return markdown
    page.render = partial(_render, page, finished)  # MkDocs calls page.render(config, files) next
    return ""


def _render(page: Page, finished: FinishedPage, config: MkDocsConfig, files: Files) -> None:
    """What `Page.render` sets, from the finished HTML."""
    del page.render  # once: the page's own method again
    page.content = finished.html
    page.toc = get_toc(finished.toc)
    # What Page.render collects for anchor validation: every id (and <a name>) on the page; links
    # to other pages' anchors are checked on the final HTML (page_guard), as with the empty body before.
    page.present_anchor_ids = {html.unescape(i or n) for i, n in _ANCHORS.findall(finished.html)}
    page.links_to_anchors = {}
