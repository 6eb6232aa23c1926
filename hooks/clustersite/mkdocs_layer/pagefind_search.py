"""Site search with Pagefind: one index per language, built from the finished site.

Pagefind splits its index by each page's <html lang>, so a visitor downloads only
their language's part. It matches words typed without diacritics ("budimpesti"
finds "Budimpešti") and, for the last word typed, word beginnings ("klastr" finds
"klastrů", "клъстер" finds "клъстерите"). Only content marked data-pagefind-body
is indexed: not the navigation, footer, search page or 404 page.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("clustersite")


def index_in_background(site_dir: Path) -> threading.Thread:
    """Index without holding up `mkdocs serve`'s reload; the next build waits for it (see BuildState)."""
    thread = threading.Thread(target=_index_quietly, args=(site_dir,), name="pagefind", daemon=True)
    thread.start()
    return thread


def _index_quietly(site_dir: Path) -> None:
    try:
        index(site_dir)
    except PluginError as exc:
        log.warning(str(exc))


def index(site_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"],
        capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index the site: {(result.stderr or result.stdout).strip()[-1000:]}")
