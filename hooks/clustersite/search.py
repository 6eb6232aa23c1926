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
from pathlib import Path

from mkdocs.exceptions import PluginError


def index(site_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"],
        capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index the site: {(result.stderr or result.stdout).strip()[-1000:]}")
