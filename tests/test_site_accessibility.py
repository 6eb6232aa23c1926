"""Accessibility of whatever site the repository has, and of a second project: axe-core (WCAG 2.2 A and AA) in every language.

Site checks: they run on the repository's own site and on the second fixture project, on one page
of each kind found in the built site (site_pages.page_types).

axe-core comes from npm (tests/a11y/package.json); the fixture installs it with `npm ci` when npm is
there. """

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from browser import CHROMIUM_FLAGS, require_chromium, serve
from conftest import ROOT, SUBPATH
from site_pages import page_types
from test_accessibility import axe_source  # the same axe-core, installed once

pytestmark = pytest.mark.browser

A11Y = Path(__file__).parent / "a11y"
AXE = A11Y / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def browser_page(checked_site):
    executable = require_chromium()
    source = axe_source()
    from playwright.sync_api import sync_playwright

    with serve(checked_site.www) as base, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        page = chromium.new_page(bypass_csp=True)  # axe-core goes in as a script, which the pages' CSP refuses
        yield page, base + SUBPATH + "/", source, checked_site
        chromium.close()


def violations(page, source: str) -> list[dict]:
    page.add_script_tag(content=source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


def first_word(page) -> str:
    """A word of the page's own heading, to search for: found in any project's site."""
    return max(page.locator("h1").first.inner_text().split(), key=len).strip(",.:;–-")


def test_no_axe_violations_on_any_page_type(browser_page):
    page, base, source, site = browser_page
    kinds = page_types(site)
    found = {}
    for prefix in site.prefixes.values():
        for kind, path in kinds.items():
            page.goto(base + prefix + path, wait_until="networkidle")
            if kind == "search":
                page.goto(base + prefix, wait_until="networkidle")
                word = first_word(page)
                page.goto(base + prefix + path, wait_until="networkidle")
                page.fill("#site-search-query", word)
                page.keyboard.press("Enter")
                page.wait_for_selector(".pagefind-ui__result", timeout=10000)
            if problems := violations(page, source):
                found[prefix + path] = problems
        page.goto(base + prefix + "no-such-page/")  # the 404 page, as GitHub Pages serves it
        page.set_content(page.context.request.get(base + "404.html").text())
        if problems := violations(page, source):
            found[prefix + "404"] = problems
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)



def test_keyboard_reaches_skip_link_search_and_language_switcher(browser_page):
    page, base, _, site = browser_page
    code = site.languages.codes[-1]
    path = site.prefixes[code] + page_types(site).get("projects/*", "")
    page.goto(base + path, wait_until="networkidle")
    page.keyboard.press("Tab")
    skip = page.evaluate("[document.activeElement.classList.contains('md-skip'), document.activeElement.textContent.trim()]")
    assert skip[0] is True and skip[1]
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    reached = set()
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.id || document.activeElement.getAttribute('hreflang') || ''"))
    assert "site-search-query" in reached
    others = {site.languages.tag(c) for c in site.languages.codes if c != code}
    assert others <= reached  # the switcher's links are in the tab order
    word = first_word(page)
    page.focus("#site-search-query")
    page.keyboard.type(word)
    page.keyboard.press("Enter")
    page.wait_for_selector(".pagefind-ui__result")
    assert page.url.endswith(f"/{site.prefixes[code]}search/?q={quote(word)}")
