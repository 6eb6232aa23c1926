"""Search in each language, in Chromium, through the site's own search box and Pagefind.

The word forms are the example fixture's: a test of the generator's search. The same search on any
site's data is a site check, in test_browser.py.

Prints the bytes a visitor's first search downloads, per language (run pytest with -s to see them).
"""

from __future__ import annotations

import gzip
from urllib.parse import quote

import pytest

from browser import CHROMIUM_FLAGS, require_chromium, serve
from conftest import SUBPATH

pytestmark = pytest.mark.browser

# language prefix, query, an expected page (path under the language), the word form on that page
CASES = [
    ("bg/", "клъстер", "bg/partners/house-of-clusters/", "клъстерите"),
    ("sr/", "klastera", "sr/partners/house-of-clusters/", "klastera"),
    ("sr/", "budimpesti", "sr/events/trace-kei-training-budapest/", "Budimpešti"),
    ("cs/", "klastr", "cs/partners/house-of-clusters/", "klastrů"),
    ("sr-cyrl/", "кластерима", "sr-cyrl/partners/house-of-clusters/", "кластерима"),
    ("", "cluster", "partners/house-of-clusters/", "clusters"),
]


@pytest.fixture(scope="module")
def chromium(example_site):
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with serve(example_site.parent) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser, base + SUBPATH + "/"
        browser.close()


def search(browser, base: str, prefix: str, query: str):
    """Search as a visitor does; returns every result's URL and the bytes of the first search (gzip)."""
    page = browser.new_page()
    downloaded: list[tuple[str, int]] = []
    page.on("response", lambda r: downloaded.append((r.url, gzipped_size(r.body()))) if "/pagefind/" in r.url and r.ok else None)
    page.goto(base + prefix, wait_until="networkidle")
    page.fill("#site-search-query", query)
    page.keyboard.press("Enter")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    page.wait_for_load_state("networkidle")
    assert page.url == base + prefix + "search/?q=" + quote(query)
    first = list(downloaded)
    # Every result, not only the first page the interface shows: through Pagefind's own API.
    links = _all_results(page, base, query)
    page.close()
    return links, first


def _all_results(page, base: str, query: str) -> list[str]:
    return page.evaluate(
        """async ([bundle, query]) => {
            const pagefind = await import(bundle + "pagefind.js");
            const search = await pagefind.search(query);
            return Promise.all(search.results.map(async result => (await result.data()).url));
        }""",
        [base + "pagefind/", query],
    )


def gzipped_size(body: bytes) -> int:
    """Bytes on the wire with gzip (Pagefind's index files are gzipped already and stay the same size)."""
    if body[:2] == b"\x1f\x8b":
        return len(body)
    return min(len(body), len(gzip.compress(body, 9)))


@pytest.mark.parametrize("prefix, query, expected, form", CASES)
def test_search_finds_word_forms_in_the_visitors_language_only(chromium, example_site, prefix, query, expected, form):
    browser, base = chromium
    assert form in (example_site / expected / "index.html").read_text(encoding="utf-8")
    links, downloaded = search(browser, base, prefix, query)
    paths = [link.split(f"/{SUBPATH}/", 1)[1].split("#")[0] for link in links]
    assert expected in paths, paths
    others = [p for p in paths if not (p.startswith(prefix) if prefix else not p.startswith(("sr/", "sr-cyrl/", "bg/", "cs/")))]
    assert others == []
    indexes = {url.rsplit("/", 1)[1] for url, _ in downloaded if url.endswith(".pf_meta")}
    language = {"": "en", "sr/": "sr-latn", "sr-cyrl/": "sr-cyrl", "bg/": "bg", "cs/": "cs"}[prefix]
    assert indexes and all(name.startswith(f"pagefind.{language}_") for name in indexes), indexes
    first = sum(size for _, size in downloaded)
    print(f"\nfirst search for {query!r} on /{prefix}: {len(downloaded)} files, {first / 1024:.1f} KiB (gzip)")
