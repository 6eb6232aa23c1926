"""The preview while data/ has mistakes: a page that lists them, at every address, instead of a stuck server.

When a build fails, `mkdocs serve` keeps every request waiting for a build that never
finishes, and the mistakes appear only in the terminal. So in the preview a data
mistake does not fail the build: the build makes no pages, and writes one page that
lists the mistakes as the preview's index and 404 page (the preview answers every
missing address with its 404 page). The page reloads itself after the next build.
`mkdocs build` still fails with the mistakes listed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..data.problems import Problems
from ..pages.preview_errors import preview_error_page


def build_nothing(config: MkDocsConfig) -> None:
    """No theme pages either: the 404 page and the sitemap need the data that is broken."""
    config.theme.static_templates.clear()
    config.nav = None


def no_files() -> Files:
    return Files([])


def show(site_dir: Path, problems: Problems) -> None:
    """Replace the preview's files with the page of mistakes (the folder is the preview's own temporary one)."""
    for path in site_dir.iterdir():
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    page = preview_error_page(problems)
    for name in ("index.html", "404.html"):
        (site_dir / name).write_text(page, encoding="utf-8")
