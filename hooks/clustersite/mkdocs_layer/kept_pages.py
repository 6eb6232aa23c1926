"""What a finished language build leaves in memory for the builds after it, made small.

static-i18n keeps every built language's pages until the end of the run: the last
language's site map lists them all. Each MkDocs Page still holds its Markdown, its
HTML and its table of contents, and BuildState the language's generated Markdown:
at 10,000 pages, hundreds of megabytes that nothing reads again once the pages are
written. The site map reads only each page's address, metadata and language versions.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from .build_state import BuildState


def release(state: BuildState, config: MkDocsConfig, code: str) -> None:
    """Drop the text of the language's pages, now written; keep what the site map reads."""
    for file in config.plugins["i18n"].i18n_files_per_language.get(code, ()):
        page = file.page
        if page is not None:
            page.markdown = page.content = None
            page.toc = []
            page.present_anchor_ids, page.links_to_anchors = set(), {}
    if not state.serving and code != state.site.languages.default:
        state.pages.pop(code, None)  # the default language's list names every generated page (virtual_files, lastmod)
