"""What a finished language build leaves in memory for the builds after it, made small.

static-i18n keeps every built language's pages until the end of the run: the last
language's site map lists them all. Each MkDocs Page still holds its Markdown, its
HTML and its table of contents, and each generated page's File its Markdown:
at 10,000 pages, hundreds of megabytes that nothing reads again once the pages are
written. The site map reads only each page's address, metadata and language versions.
"""

from __future__ import annotations

import ctypes

import mkdocs.utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none (macOS, musl, Windows)."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None


_MALLOC_TRIM = _malloc_trim()


def release_source(page: Page) -> None:
    """Drop the Markdown a generated page's File holds, once MkDocs has read it: it reads each page's source once.

    Without this, a language's Markdown would stay until its build ends, next to the
    HTML that MkDocs makes of every page before it writes the first.
    """
    if page.file.abs_src_path is None:  # the page's source is in memory (File.content_string), not a file
        page.file.content_string = ""


def release_text(page: Page) -> None:
    """Drop a rendered page's Markdown, HTML and table of contents: MkDocs writes the page and never reads them again.

    The HTML becomes "", not None: a page without HTML takes its title from its Markdown
    (mkdocs.structure.pages.Page.title), and later pages show the titles of earlier ones.
    """
    page.markdown, page.content, page.toc = "", "", []


def release(config: MkDocsConfig, code: str) -> None:
    """After the language's build: its pages keep only what the site map reads."""
    for file in config.plugins["i18n"].i18n_files_per_language.get(code, ()):
        page = file.page
        if page is not None:  # MkDocs has checked the links to anchors: nothing reads these again
            release_text(page)
            page.present_anchor_ids, page.links_to_anchors = set(), {}
        file.alternates = {}  # the other languages' versions, made for this build's switcher and site map, written
    # static-i18n keeps them for the site map, which then lists every language built so far; language_processes
    # keeps each language's site map instead, and writes them as one.
    config.plugins["i18n"].i18n_files_per_language.pop(code, None)
    # MkDocs keeps the parts of every address it has made relative (an unbounded lru_cache): each language
    # has addresses of its own, so the cache grows by megabytes a language for addresses no later build makes.
    norm_parts = getattr(mkdocs.utils, "_norm_parts", None)
    if hasattr(norm_parts, "cache_clear"):
        norm_parts.cache_clear()
    return_freed_memory()


def return_freed_memory() -> None:
    """Give the memory freed so far back to the system, where the C library allows it (glibc).

    The pages' HTML is freed as they are written, but the C library keeps the space for
    later use, scattered between what stays; the work after the last language (joining the
    processes' results, the site maps, the search index) then needs fresh memory on top.
    """
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)
