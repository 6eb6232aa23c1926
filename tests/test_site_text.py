"""Site checks on the built site, whatever its data: text shows as itself, English dates are British.

They run on the repository's own site and on the second fixture project (conftest's `checked_site`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

# What is left of an entity after the parser has decoded the page once: if this is still there,
# the text was escaped twice and a visitor reads `project&#39;s`.
ENTITY_AS_TEXT = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")
# Attributes that people read or hear: tooltips, alternatives, labels, search and sharing texts.
READ_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder", "content"}
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
          "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# US order puts the month before the day ("November 16, 2016", "June 28 – 29, 2017") or writes
# 11/16/2016; British order is "16 November 2016", "28–29 June 2017".
US_DATE = re.compile(rf"\b(?:{MONTHS})\.? \d{{1,2}}(?!\d)|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b")


class _Reader(HTMLParser):
    """The text and read attributes of a page, decoded once, as a browser shows them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and ("type", "application/ld+json") not in attrs or tag == "style":
            self._skip += 1
        self.parts += [value for name, value in attrs if name in READ_ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def shown_text(html: str) -> str:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return " ".join(reader.parts)


def feed_text(path: Path) -> str:
    return " ".join(node.text or "" for node in ET.parse(path).getroot().iter())


def pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts]


@pytest.fixture()
def site(checked_site) -> Path:
    return checked_site.root


@pytest.fixture()
def english(checked_site):
    """Whether a page is in English (the default language's folder is the site's root)."""
    if checked_site.languages.default != "en":
        pytest.skip("the site's default language is not English")
    others = {prefix.rstrip("/") for prefix in checked_site.prefixes.values() if prefix}
    return lambda site, path: path.relative_to(site).parts[0] not in others


def test_no_text_is_escaped_twice(site):
    """Headings, body text, tooltips, JSON-LD, feeds and calendars show `'`, `"` and `&` as themselves."""
    found = {}
    for path in pages(site):
        hits = ENTITY_AS_TEXT.findall(shown_text(path.read_text(encoding="utf-8")))
        if hits:
            found[path.relative_to(site).as_posix()] = sorted(set(hits))
    for path in site.rglob("*.xml"):
        if path.name != "sitemap.xml" and (hits := ENTITY_AS_TEXT.findall(feed_text(path))):
            found[path.relative_to(site).as_posix()] = sorted(set(hits))
    for path in site.rglob("*.ics"):
        if hits := ENTITY_AS_TEXT.findall(path.read_text(encoding="utf-8")):
            found[path.relative_to(site).as_posix()] = sorted(set(hits))
    assert len(pages(site)) > 20
    assert found == {}, "entities shown as text (escaped twice): " + repr(dict(list(found.items())[:10]))


def test_english_pages_write_dates_the_british_way(site, english):
    found = {}
    english_pages = [p for p in pages(site) if english(site, p)]
    for path in english_pages + [site / "feed.xml"]:
        text = shown_text(path.read_text(encoding="utf-8")) if path.suffix == ".html" else feed_text(path)
        if hits := US_DATE.findall(text.replace("\u00a0", " ").replace("\u2009", " ")):
            found[path.relative_to(site).as_posix()] = sorted(set(hits))
    assert len(english_pages) > 10
    assert found == {}, "US-style dates on English pages: " + repr(dict(list(found.items())[:10]))


@pytest.mark.parametrize("text, wrong", [
    ("On 16 November 2016 and 28–29 June 2017, 8 March – 15 May 2017, in December 2016.", False),
    ("Starts November 16, 2016.", True),
    ("From June 28 – 29, 2017.", True),
    ("Due 11/16/2016.", True),
    ("Nov. 3 2017", True),
])
def test_the_date_check_tells_british_from_us_order(text, wrong):
    assert bool(US_DATE.search(text)) is wrong


@pytest.mark.parametrize("html, wrong", [
    ("<h1>the project&#39;s final conference</h1>", False),
    ("<h1>the project&amp;#39;s final conference</h1>", True),
    ('<img alt="A &amp;quot;label&amp;quot;">', True),
    ("<p>R&amp;D &amp; more</p>", False),
    ('<script type="application/ld+json">{"name": "the project&#39;s"}</script>', True),
    ("<script>var a = '&amp;';</script>", False),
])
def test_the_escaping_check_sees_what_a_visitor_reads(html, wrong):
    assert bool(ENTITY_AS_TEXT.search(shown_text(html))) is wrong


# "Balkan Cluster – Balkan Cluster": a name joined to itself, as when a title is its acronym.
REPEATED_NAME = re.compile(r"(?<![\w-])(\w[^–<>\n]{2,60}?) – \1(?![\w-])")


def test_no_name_is_joined_to_itself(site):
    found = {}
    for path in pages(site):
        if hits := REPEATED_NAME.findall(" ".join(shown_text(path.read_text(encoding="utf-8")).split())):
            found[path.relative_to(site).as_posix()] = sorted(set(hits))
    assert found == {}, "a name repeated around a dash: " + repr(dict(list(found.items())[:10]))


@pytest.mark.parametrize("html, wrong", [
    ('<li><a href="b/">Balkan Cluster</a> – Balkan Cluster (Partner)</li>', True),
    ('<li><a href="t/">TRACE-KEI</a> – TRAns-national Collaboration</li>', False),
    ("<h1>Den Balkánského klastru v Sofii – závěrečná konference projektu</h1>", False),
])
def test_the_repeated_name_check(html, wrong):
    assert bool(REPEATED_NAME.search(" ".join(shown_text(html).split()))) is wrong
