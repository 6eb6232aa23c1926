"""A crawl of each checked site: every href and src of every page resolves to a file of the built site.

A site check: it runs on the repository's own site and on the second fixture project, and knows
no project's ids. Links, stylesheets, scripts, pictures and attachments are all followed, in every
language, so a file link that works only from the default language's pages is caught.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from conftest import SITE_URL, BuiltSite
from site_pages import pages_in

URL_ATTRIBUTES = ("href", "src", "poster", "data")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, dict]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for name in URL_ATTRIBUTES:
            if attributes.get(name):
                self.links.append((tag, {**attributes, "href": attributes[name]}))
        for candidate in (attributes.get("srcset") or "").split(","):
            if candidate.strip():
                self.links.append((tag, {**attributes, "href": candidate.split()[0]}))


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_url(site: Path, path: Path) -> str:
    relative = path.relative_to(site).as_posix()
    return SITE_URL + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def target_file(site: Path, url: str) -> Path | None:
    path = unquote(urlsplit(url).path)[len(urlsplit(SITE_URL).path):]
    candidate = site / path
    if path.endswith("/") or path == "":
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def language_of(checked: BuiltSite, url: str) -> str:
    rest = url[len(SITE_URL):]
    return next((prefix for prefix in checked.prefixes.values() if prefix and rest.startswith(prefix)), "")


def test_every_href_and_src_resolves_and_pages_link_within_their_language(checked_site):
    site = checked_site.root
    pages = {path: parse(path) for path in site.rglob("*.html")}
    by_file = {path.resolve(): parsed for path, parsed in pages.items()}
    broken, stray = [], []
    checked = files = 0
    for path, parsed in pages.items():
        if path.name == "404.html":
            continue  # served at any address; its links are absolute and checked in test_site.py
        here = page_url(site, path)
        for tag, attributes in parsed.links:
            href = attributes["href"]
            url = urljoin(here, href)
            if not url.startswith(SITE_URL):
                continue  # external links are the sources' own
            checked += 1
            target = target_file(site, url)
            if target is None:
                broken.append(f"{here} -> {href}")
                continue
            files += target.suffix != ".html"
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html" and fragment not in by_file[target.resolve()].ids:
                broken.append(f"{here} -> {href} (no anchor #{fragment})")
            switcher = "md-select__link" in attributes.get("class", "") or attributes.get("hreflang")
            crosses = language_of(checked_site, url) != language_of(checked_site, here)
            if tag == "a" and not switcher and target.suffix == ".html" and crosses:
                stray.append(f"{here} -> {href}")
    assert checked > 50 * len(pages_in(checked_site, checked_site.languages.default)) and files > 0
    assert broken == []
    assert stray == []


def test_every_page_switches_to_the_same_page_in_every_language(checked_site):
    site = checked_site.root
    tags = {code: checked_site.languages.tag(code) for code in checked_site.languages.codes}
    for code in checked_site.languages.codes:
        for path in pages_in(checked_site, code):
            here = SITE_URL + checked_site.prefixes[code] + path
            parsed = parse(site / checked_site.prefixes[code] / path / "index.html")
            switcher = {a["hreflang"]: urljoin(here, a["href"]) for _, a in parsed.links if "md-select__link" in a.get("class", "")}
            assert switcher == {tags[c]: SITE_URL + checked_site.prefixes[c] + path for c in tags}, here


def test_every_language_has_the_same_pages(checked_site):
    default = pages_in(checked_site, checked_site.languages.default)
    assert len(default) > 10
    for code in checked_site.languages.codes:
        assert pages_in(checked_site, code) == default, code
