"""What visitors get, checked in headless Chromium: no third-party requests, no cookies, a working switcher."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import CHROMIUM_FLAGS, require_chromium, serve
from conftest import SUBPATH

pytestmark = pytest.mark.browser

PAGE_TYPES = ["", "projects/", "projects/trace-kei/", "events/", "events/types/training/", "events/tci-european-conference-2018/",
              "partners/", "partners/enef/", "labels/", "news/", "news/green-synergy-joins-trace-kei/", "legal/", "privacy/",
              "accessibility/", "search/?q=cluster", "404.html"]


@pytest.fixture(scope="module")
def browser(built_site):
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with serve(built_site) as base, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        yield chromium, base + SUBPATH + "/"
        chromium.close()


@pytest.mark.parametrize("prefix", ["", "sr/", "bg/", "cs/"])
def test_pages_request_nothing_from_other_hosts_and_set_no_cookies(browser, prefix):
    chromium, base = browser
    context = chromium.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in PAGE_TYPES:
        url = base + ("" if path == "404.html" else prefix) + path  # GitHub Pages has one 404 page for all
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.ok, path
    hosts = {urlsplit(url).netloc for url in requested if not url.startswith(("data:", "blob:"))}
    assert hosts == {urlsplit(base).netloc}, sorted(u for u in requested if urlsplit(u).netloc != urlsplit(base).netloc)
    assert len(requested) > len(PAGE_TYPES)  # the recorder saw the pages' own assets too
    assert context.cookies() == []
    context.close()


def test_language_switcher_lands_on_the_same_page(browser):
    chromium, base = browser
    page = chromium.new_page()
    page.goto(base + "events/trace-kei-training-bari/")
    page.locator(".md-select button").hover()  # the menu opens on hover, as a visitor's mouse would
    page.locator('a.md-select__link[hreflang="bg"]').click()
    page.wait_for_load_state()
    assert page.url == base + "bg/events/trace-kei-training-bari/"
    assert page.locator("html").get_attribute("lang") == "bg"
    page.close()
