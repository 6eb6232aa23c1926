"""Checks of a built site that hold for any project's data: languages, sitemap, 404 page, feeds, validation.

Site checks: they run on the repository's own site and on the second fixture project (conftest's
`checked_site`), each built with `mkdocs build --strict`, and know no project's ids or names.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import icalendar

from conftest import SITE_URL
from site_pages import pages_in


def test_every_page_speaks_its_language(checked_site):
    for code in checked_site.languages.codes:
        tag = checked_site.languages.tag(code)
        for path in pages_in(checked_site, code):
            html = checked_site.page(code, path)
            assert f'<html lang="{tag}"' in html, f"{code}: {path}"
            assert 'class="eu-emblem"' in html, f"{code}: {path}"


def test_sitemap_lists_every_page_with_its_alternates(checked_site):
    sitemap = ET.parse(checked_site.root / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {u.find("s:loc", ns).text: u for u in sitemap.findall("s:url", ns)}
    languages, prefixes = checked_site.languages, checked_site.prefixes
    for code in languages.codes:
        for path in pages_in(checked_site, code):
            if path == "search/":
                continue  # a tool, not content
            entry = urls.get(SITE_URL + prefixes[code] + path)
            assert entry is not None, f"{code}: {path}"
            alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)}
            expected = {languages.tag(c): SITE_URL + prefixes[c] + path for c in languages.codes}
            assert alternates == {**expected, "x-default": SITE_URL + path}


def test_the_404_page_links_every_language_home(checked_site):
    html = (checked_site.root / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{checked_site.languages.tag(checked_site.languages.default)}"' in html
    homes = html[html.index('class="not-found__homes"'):]
    homes = homes[:homes.index("</ul>")]
    for code in checked_site.prefixes:  # each language's home, labelled in its own language
        tag = checked_site.languages.tag(code)
        assert f'hreflang="{tag}" lang="{tag}"' in homes, code


def test_feeds_and_calendars_of_every_language_parse(checked_site):
    for code, prefix in checked_site.prefixes.items():
        feed = ET.parse(checked_site.root / prefix / "feed.xml").getroot()
        assert feed.tag == "{http://www.w3.org/2005/Atom}feed", code
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == checked_site.languages.tag(code)
        calendar = icalendar.Calendar.from_ical((checked_site.root / prefix / "events.ics").read_bytes())
        assert calendar.get("VERSION") == "2.0"


def test_validation_finds_no_error(checked_site):
    result = subprocess.run([sys.executable, "-m", "clustersite.cli", "validate", "--config", str(checked_site.project / "mkdocs.yml")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:]
    assert re.search(r"^0 errors, \d+ warnings?(, \d+ texts? not yet translated)? in data/\.$", result.stdout.splitlines()[-1])
