"""What visitors get, checked in headless Chromium: no third-party requests, no cookies, a working switcher.

Site checks: they run on the repository's own site and on the second fixture project, on one page
of each kind found in the built site.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import CHROMIUM_FLAGS, require_chromium, serve
from conftest import HOST, SUBPATH
from site_pages import page_types

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def browser(checked_site):
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with serve(checked_site.www) as base, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        yield chromium, base + SUBPATH + "/", checked_site
        chromium.close()


def test_pages_request_nothing_from_other_hosts_and_set_no_cookies(browser):
    chromium, base, site = browser
    paths = [*page_types(site).values(), "search/?q=a"]
    for prefix in site.prefixes.values():
        context = chromium.new_context()
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request, requested=requested: requested.append(request.url))
        for path in [*(prefix + p for p in paths), "404.html"]:  # GitHub Pages has one 404 page for all
            response = page.goto(base + path, wait_until="networkidle")
            assert response is not None and response.ok, path
        hosts = {urlsplit(url).netloc for url in requested if not url.startswith(("data:", "blob:"))}
        assert hosts == {HOST}, sorted(u for u in requested if HOST not in u)
        assert len(requested) > len(paths)  # the recorder saw the pages' own assets too
        assert context.cookies() == []
        context.close()


def test_language_switcher_lands_on_the_same_page(browser):
    chromium, base, site = browser
    path = next(path for kind, path in page_types(site).items() if kind.endswith("*"))  # a generated page
    other = site.languages.codes[-1]
    tag = site.languages.tag(other)
    page = chromium.new_page()
    page.goto(base + path)
    page.locator(".md-select button").hover()  # the menu opens on hover, as a visitor's mouse would
    page.locator(f'a.md-select__link[hreflang="{tag}"]').click()
    page.wait_for_load_state()
    assert page.url == base + site.prefixes[other] + path
    assert page.locator("html").get_attribute("lang") == tag
    page.close()


def test_search_finds_a_page_by_a_word_of_its_heading_in_its_language_only(browser):
    chromium, base, site = browser
    path = page_types(site).get("projects/*") or page_types(site)["home"]
    for code, prefix in site.prefixes.items():
        page = chromium.new_page()
        page.goto(base + prefix + path, wait_until="networkidle")
        word = max(page.locator("h1").first.inner_text().split(), key=len).strip(",.:;–-")
        page.fill("#site-search-query", word)
        page.keyboard.press("Enter")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        links = page.evaluate("""async query => {
            const pagefind = await import(document.baseURI.split("/repo/")[0] + "/repo/pagefind/pagefind.js");
            const search = await pagefind.search(query);
            return Promise.all(search.results.map(async result => (await result.data()).url));
        }""", word)
        paths = [link.split(f"/{SUBPATH}/", 1)[1].split("#")[0] for link in links]
        assert prefix + path in paths, (code, word, paths)
        others = [p for p in paths if site.prefixes[code] != next((x for x in site.prefixes.values() if x and p.startswith(x)), "")]
        assert others == [], (code, others)
        page.close()
