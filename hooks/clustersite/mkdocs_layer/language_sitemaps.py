"""A sitemap in each language's folder (/bg/sitemap.xml), cut from the site's /sitemap.xml.

Material's script looks for `sitemap.xml` next to each <link rel="alternate"> of a page, so
the Atom feed's link (/bg/feed.xml) makes it ask for /bg/sitemap.xml. Each language's
folder gets the part of the site map that lies in it, with the language versions of each page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..data.site_data import Languages
from .site_writes import written

# On the file's bytes, not its text: at 10,000 pages the decoded copy alone is 10 MB more at the build's peak.
_URL = re.compile(rb"[ \t]*<url>.*?</url>\n?", re.S)
_LOC = re.compile(rb"<loc>\s*([^<]*?)\s*</loc>")


def split(sitemap: str, site_url: str, languages: Languages) -> dict[str, str]:
    """Each non-default language's sitemap: the <url> entries whose address lies under its folder."""
    return {code: part.decode("utf-8") for code, part in _cut(sitemap.encode("utf-8"), site_url, languages)}


def _cut(sitemap: bytes, site_url: str, languages: Languages) -> Iterator[tuple[str, bytes]]:
    """Each non-default language's sitemap in turn, made when asked for: at 10,000 pages each is megabytes."""
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    entries = [match.span() for match in _URL.finditer(sitemap)]
    if not entries:
        return
    head, tail = sitemap[:entries[0][0]], sitemap[entries[-1][1]:]
    located = [(start, end, loc.group(1)) for start, end in entries if (loc := _LOC.search(sitemap, start, end))]
    for code in languages.codes:
        if code != languages.default:
            folder = f"{site_url}{code}/".encode()
            yield code, head + b"".join(sitemap[start:end] for start, end, loc in located if loc.startswith(folder)) + tail


def write(site_dir: str, site_url: str | None, languages: Languages) -> None:
    """Write /<code>/sitemap.xml for every language but the default, whose sitemap is the site's."""
    whole = Path(site_dir) / "sitemap.xml"
    if not written(whole):  # not by this build: an earlier one's, in a folder updated in place
        return
    for code, content in _cut(whole.read_bytes(), site_url or "/", languages):
        folder = Path(site_dir) / code
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "sitemap.xml").write_bytes(content)
