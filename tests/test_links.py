"""A crawl of the built site: every internal link and anchor resolves, and pages link within their language."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from conftest import LANGUAGE_PREFIXES, SITE_URL

OTHER_LANGUAGES = tuple(prefix for prefix in LANGUAGE_PREFIXES.values() if prefix)


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
        if tag in ("a", "link") and attributes.get("href"):
            self.links.append((tag, attributes))
        if tag in ("script", "img") and attributes.get("src"):
            self.links.append((tag, {"href": attributes["src"], **attributes}))


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


def language_of(url: str) -> str:
    rest = url[len(SITE_URL):]
    return next((prefix for prefix in OTHER_LANGUAGES if rest.startswith(prefix)), "")


def test_no_broken_internal_links_or_anchors_and_no_stray_language_links(site):
    pages = {path: parse(path) for path in site.rglob("*.html")}
    by_file = {path.resolve(): parsed for path, parsed in pages.items()}
    broken, stray = [], []
    checked = 0
    for path, parsed in pages.items():
        if path.name == "404.html":
            continue  # served at any address; its links are absolute and checked by the build test
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
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html" and fragment not in by_file[target.resolve()].ids:
                broken.append(f"{here} -> {href} (no anchor #{fragment})")
            switcher = "md-select__link" in attributes.get("class", "") or attributes.get("hreflang")
            if tag == "a" and not switcher and target.suffix == ".html" and language_of(url) != language_of(here):
                stray.append(f"{here} -> {href}")
    assert checked > 5000
    assert broken == []
    assert stray == []


def test_every_page_switches_to_the_same_page_in_every_language(site):
    for path in site.rglob("index.html"):
        here = page_url(site, path)
        rest = here[len(SITE_URL):].removeprefix(language_of(here))
        switcher = {a["hreflang"]: urljoin(here, a["href"]) for tag, a in parse(path).links if "md-select__link" in a.get("class", "")}
        if path.parent.name in ("search",) or "pagefind" in path.parts:
            continue
        assert switcher == {
            "en": SITE_URL + rest, "sr-Latn": SITE_URL + "sr/" + rest, "sr-Cyrl": SITE_URL + "sr-cyrl/" + rest,
            "bg": SITE_URL + "bg/" + rest, "cs": SITE_URL + "cs/" + rest,
        }, here
