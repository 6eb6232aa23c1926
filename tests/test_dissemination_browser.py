"""What visitors see of the dissemination parts, in headless Chromium: the emblem above the fold,
pictures with srcset and sizes, no request to another host, and the printed page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import CHROMIUM_FLAGS, require_chromium, serve
from conftest import LANGUAGE_PREFIXES, SITE_URL, SUBPATH

pytestmark = pytest.mark.browser

VIEWPORTS = [(1280, 800), (375, 667)]
PAGES_WITH_PICTURES = ["", "events/", "events/alpha-kick-off/", "news/alpha-starts/", "projects/alpha/", "partners/north-cluster/"]
FIXTURE_PAGES = [*PAGES_WITH_PICTURES, "results/", "results/types/dataset/", "contact/", "partners/east-network/"]


@pytest.fixture(scope="module", params=["fixture", "example"])
def browser(request):
    """Chromium and the base URL of a served site: the dissemination fixture site, and the example fixture site."""
    executable = require_chromium()
    served = (request.getfixturevalue("dissemination_build")[0] if request.param == "fixture"
              else request.getfixturevalue("site_builds")("example").www)
    from playwright.sync_api import sync_playwright

    with serve(served) as base, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        yield chromium, base + SUBPATH + "/", request.param
        chromium.close()


@pytest.mark.parametrize("width, height", VIEWPORTS)
def test_emblem_and_statement_are_visible_without_scrolling_on_the_home_page(browser, width, height):
    chromium, base, _ = browser
    context = chromium.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    for prefix in LANGUAGE_PREFIXES.values():
        page.goto(base + prefix, wait_until="load")
        for selector in (".hero__funding .eu-emblem", ".hero__funding span"):
            box = page.locator(selector).bounding_box()
            assert box is not None, (prefix, selector)
            assert box["width"] > 0 and box["height"] > 0
            assert 0 <= box["x"] and box["x"] + box["width"] <= width, (prefix, selector, box)
            assert 0 <= box["y"] and box["y"] + box["height"] <= height, (prefix, selector, box)
        assert page.evaluate("window.scrollY") == 0
        assert page.locator(".md-footer .eu-emblem").count() == 1  # the footer keeps it too
    context.close()


@pytest.mark.parametrize("browser", ["fixture"], indirect=True)  # the example data has no pictures
def test_every_picture_has_srcset_sizes_width_and_height(browser):
    chromium, base, _ = browser
    page = chromium.new_page(viewport={"width": 1280, "height": 800})
    seen = 0
    for prefix in LANGUAGE_PREFIXES.values():
        for path in PAGES_WITH_PICTURES:
            page.goto(base + prefix + path, wait_until="load")
            for img in page.locator("picture img").all():
                seen += 1
                for attribute in ("srcset", "sizes", "width", "height"):
                    assert img.get_attribute(attribute), (path, attribute)
                assert img.locator("xpath=..").locator("source[type='image/webp'][srcset]").count() == 1
            for img in page.locator("article img").all():
                assert img.get_attribute("width") and img.get_attribute("height"), (path, img.get_attribute("src"))
            page.mouse.wheel(0, 20000)
            page.wait_for_load_state("networkidle")
            for img in page.locator("article img").all():
                img.scroll_into_view_if_needed()
                assert img.evaluate("i => i.complete && i.naturalWidth > 0"), (path, img.get_attribute("src"))
    assert seen == len(LANGUAGE_PREFIXES) * 7  # per language: timeline 1, event gallery 3, news 1, project timeline 1, partner events 1
    page.close()


def test_no_request_leaves_the_site(browser):
    chromium, base, which = browser
    pages = FIXTURE_PAGES if which == "fixture" else ["", "results/", "contact/", "projects/centramo/", "partners/enef/"]
    context = chromium.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for prefix in LANGUAGE_PREFIXES.values():
        for path in pages:
            response = page.goto(base + prefix + path, wait_until="networkidle")
            assert response is not None and response.ok, path
            page.mouse.wheel(0, 20000)  # lazy pictures below the fold load too
            page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).netloc for url in requested if not url.startswith(("data:", "blob:"))}
    assert hosts == {urlsplit(SITE_URL).netloc}, sorted(u for u in requested if urlsplit(u).netloc != urlsplit(SITE_URL).netloc)
    if which == "fixture":
        assert any("/assets/renditions/" in url and url.endswith(".webp") for url in requested)  # Chromium picks WebP
    context.close()


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_printed_page_keeps_title_content_emblem_statement_and_address(browser, language):
    chromium, base, _ = browser
    page = chromium.new_page(viewport={"width": 800, "height": 1100})
    url = base + LANGUAGE_PREFIXES[language] + "results/"
    page.goto(url, wait_until="load")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-select", ".site-search", ".md-footer__inner"):
        assert all(not element.is_visible() for element in page.locator(hidden).all()), hidden
    for shown in ("article h1", ".result-list", ".md-footer .eu-emblem", ".md-footer .eu-funding__statement span", ".print-url"):
        assert page.locator(shown).first.is_visible(), shown
    assert page.locator(".print-url").inner_text() == SITE_URL + LANGUAGE_PREFIXES[language] + "results/"  # the published address
    page.emulate_media(media="screen")
    assert not page.locator(".print-url").is_visible() and page.locator(".md-header").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    page.close()


@pytest.mark.parametrize("browser", ["fixture"], indirect=True)
@pytest.mark.parametrize("width", [1280, 375])
def test_no_axe_violations_on_the_dissemination_pages(browser, width):
    from test_accessibility import axe_source, violations

    chromium, base, _ = browser
    source = axe_source()
    # axe-core goes in as an inline script, which each page's Content-Security-Policy rightly refuses.
    page = chromium.new_page(viewport={"width": width, "height": 800}, bypass_csp=True)
    found = {}
    for prefix in LANGUAGE_PREFIXES.values():
        for path in FIXTURE_PAGES:
            page.goto(base + prefix + path, wait_until="networkidle")
            if problems := violations(page, source):
                found[prefix + path] = problems
    assert found == {}, found
    page.close()
