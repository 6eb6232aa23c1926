"""WCAG 2.2 AA in a real browser, at phone, tablet and desktop widths, in every language, on the example fixture.

test_site_accessibility.py runs axe on whatever site the repository has, and on a second project.

- axe-core (from npm, tests/a11y/package.json; installed with `npm ci` when npm is there) finds no
  violation of the WCAG 2.0/2.1/2.2 A and AA rules on any page type, and no page type logs a console
  error or has a request fail;
- from the keyboard alone, at each width: the skip link comes first, then the menu button (below
  1220 px), which Enter and Space open; every element that takes focus is on screen, not hidden
  under the header, and its focus indicator has 3:1 contrast against what it sits next to;
- the 404 page speaks the language of the address, with and without JavaScript.

One browser serves every test; each width has one page, reused. Screenshots of the home, project and
event pages at desktop and phone widths go to test-artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import CHROMIUM_FLAGS, require_chromium, serve
from conftest import LANGUAGE_PREFIXES, ROOT, SUBPATH

pytestmark = pytest.mark.browser

A11Y = Path(__file__).parent / "a11y"
AXE = A11Y / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
PAGE_TYPES = {
    "home": "", "projects": "projects/", "project": "projects/trace-kei/", "timeline": "events/",
    "event": "events/tci-european-conference-2018/", "event-type": "events/types/training/",
    "partners": "partners/", "partner": "partners/house-of-clusters/", "labels": "labels/", "news": "news/",
    "news-item": "news/green-synergy-joins-trace-kei/", "legal": "legal/", "privacy": "privacy/",
    "accessibility": "accessibility/", "search": "search/?q=cluster",
}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"phone": (375, 667), "tablet": (768, 1024), "desktop": (1280, 800)}
DRAWER_BELOW = 1220  # Material shows the navigation as a drawer, opened by the menu button, below this width
HTML_LANG = {"en": "en", "sr": "sr-Latn", "sr-cyrl": "sr-Cyrl", "bg": "bg", "cs": "cs"}
NOT_FOUND = {"en": "Page not found", "sr": "Stranica nije pronađena", "sr-cyrl": "Страница није пронађена",
             "bg": "Страницата не е намерена", "cs": "Stránka nenalezena"}
SEARCH = {"en": "Search", "sr": "Pretraga", "sr-cyrl": "Претрага", "bg": "Търси", "cs": "Hledat"}
FUNDING = {"en": "Funded by the European Union", "sr": "Finansira Evropska unija", "sr-cyrl": "Финансира Европска унија",
           "bg": "Финансирано от Европейския съюз", "cs": "Financováno Evropskou unií"}
GO_HOME = {"en": "Go to the home page", "sr": "Idite na početnu stranicu", "sr-cyrl": "Идите на почетну страницу",
           "bg": "Към началната страница",
           "cs": "Přejít na úvodní stránku"}

# What the focused element shows, measured in the page: is it on screen and not under the sticky
# header, and the contrast of its outline (and the ring inside it) against the background it sits on.
FOCUS_REPORT = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return p.length > 3 && p[3] === 0 ? null : p.slice(0, 3); };
  const lum = rgb => { const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  let background = null;
  for (let node = el.parentElement; node && !background; node = node.parentElement) {
    background = parse(getComputedStyle(node).backgroundColor);
  }
  background = background || [255, 255, 255];
  const style = getComputedStyle(el);
  const colours = [];
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) colours.push(parse(style.outlineColor));
  for (const m of style.boxShadow.matchAll(/rgba?\\([^)]+\\)/g)) colours.push(parse(m[0]));
  const best = Math.max(0, ...colours.filter(Boolean).map(c => contrast(c, background)));
  const r = el.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const x = Math.min(Math.max(r.left + r.width / 2, 1), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 1), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const insideHeader = el.closest(".md-header") !== null;
  return {
    what: el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : "")
          + " " + (el.getAttribute("href") || el.getAttribute("aria-label") || el.textContent.trim().slice(0, 40)),
    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth
              && style.visibility === "visible",
    notCovered: top !== null && (el.contains(top) || top.contains(el) || (!insideHeader && r.bottom > header.bottom)),
    contrast: Math.round(best * 100) / 100,
  };
}"""


def axe_source() -> str:
    if not AXE.exists():
        npm = shutil.which("npm")
        if npm is None:
            message = "axe-core is not installed and npm is missing: install Node.js and npm, then `npm ci --prefix tests/a11y`"
            if os.environ.get("REQUIRE_BROWSER") == "1":
                pytest.fail(message)
            pytest.skip(message)
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--prefix", str(A11Y)], check=True, capture_output=True)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built_site(site_builds):
    """The example fixture site (tests/fixtures/example/): these tests know its pages and its words."""
    return site_builds("example").www


@pytest.fixture(scope="module")
def chromium(built_site):
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with serve(built_site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser, base + SUBPATH + "/"
        browser.close()


@pytest.fixture(scope="module")
def pages(chromium, built_site):
    """One page per width, with axe-core loaded into every document and a log of what went wrong."""
    browser, base = chromium
    source = axe_source()
    not_found = (built_site / SUBPATH / "404.html").read_text(encoding="utf-8")
    made = {}
    for name, (width, height) in VIEWPORTS.items():
        # axe-core goes in as a script, which each page's Content-Security-Policy rightly refuses.
        context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
        context.add_init_script(source)
        # GitHub Pages answers any missing address with /404.html; the test server is told to do the same.
        context.route("**/no-such-page/", lambda route: route.fulfill(status=404, body=not_found, content_type="text/html"))
        page = context.new_page()
        page.problems = []
        page.on("console", lambda message, page=page: message.type == "error" and not _is_the_404_itself(message)
                and page.problems.append(f"console: {message.text} ({message.location.get('url')})"))
        page.on("pageerror", lambda error, page=page: page.problems.append(f"script error: {error}"))
        page.on("requestfailed", lambda request, page=page: page.problems.append(f"failed: {request.url} {request.failure}"))
        page.on("response", lambda response, page=page: response.status >= 400 and "/no-such-page/" not in response.url
                and page.problems.append(f"HTTP {response.status}: {response.url}"))
        made[name] = page
    yield made, base
    for page in made.values():
        page.context.close()


def _is_the_404_itself(message) -> bool:
    """The 404 page's own status is what GitHub Pages answers; Chromium logs it as an error."""
    return "/no-such-page/" in (message.location.get("url") or "")


def violations(page, source: str | None = None) -> list[dict]:
    """axe-core's WCAG 2.2 A/AA violations on the page; `source` injects axe where no init script did."""
    if source is not None:
        page.add_script_tag(content=source)
    # resultTypes: only violations are worked out in full, which makes a run several times faster
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", TAGS)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_every_page_type_passes_axe_with_no_console_error_or_failed_request(pages, viewport, language):
    made, base = pages
    page = made[viewport]
    prefix = LANGUAGE_PREFIXES[language]
    found = {}
    for name, path in {**PAGE_TYPES, "404": "no-such-page/"}.items():
        page.problems.clear()
        page.goto(base + prefix + path, wait_until="load")
        if name == "search":
            page.wait_for_selector(".pagefind-ui__result", timeout=10000)
        if name == "404":
            page.wait_for_function("lang => document.documentElement.lang === lang", arg=HTML_LANG[language])
        problems = violations(page)
        page.wait_for_load_state("networkidle")  # the page's own requests, finished before it is left
        problems += page.problems
        if problems:
            found[name] = problems
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("viewport, language", [("phone", "bg"), ("tablet", "cs"), ("desktop", "sr")])
def test_keyboard_alone_reaches_everything_with_a_visible_focus(pages, viewport, language):
    made, base = pages
    page = made[viewport]
    width = VIEWPORTS[viewport][0]
    page.goto(base + LANGUAGE_PREFIXES[language] + "projects/trace-kei/", wait_until="networkidle")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert page.evaluate(FOCUS_REPORT)["onScreen"]
    if width < DRAWER_BELOW:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('drawer-button')")
        for key in ("Enter", "Space"):
            page.keyboard.press(key)
            page.wait_for_function("document.querySelector('.drawer-button').getAttribute('aria-expanded') === 'true'")
            link = page.locator(".md-sidebar--primary .md-nav__link[href]").first
            link.wait_for(state="visible")
            assert page.evaluate("document.querySelector('.md-sidebar--primary').contains(document.activeElement)")
            page.keyboard.press("Escape")
            page.wait_for_function("document.querySelector('.drawer-button').getAttribute('aria-expanded') === 'false'")
            assert page.evaluate("document.activeElement.classList.contains('drawer-button')")
            page.wait_for_timeout(300)  # the drawer slides away, then leaves the tab order
            assert not link.is_visible()
    else:
        assert not page.locator(".drawer-button").is_visible()
    page.goto(page.url, wait_until="networkidle")
    seen, problems = [], []
    for _ in range(400):
        page.keyboard.press("Tab")
        report = page.evaluate(FOCUS_REPORT)
        if report is None or (seen and report["what"] == seen[0]):
            break  # back at the start: every element has had focus
        seen.append(report["what"])
        if not (report["onScreen"] and report["notCovered"]) or report["contrast"] < 3:
            problems.append(report)
    assert len(seen) > 30
    assert problems == [], json.dumps(problems, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_404_speaks_the_language_of_the_address(pages, language):
    made, base = pages
    page = made["phone"]
    page.goto(base + LANGUAGE_PREFIXES[language] + "no-such-page/", wait_until="networkidle")
    page.wait_for_function("lang => document.documentElement.lang === lang", arg=HTML_LANG[language])
    assert page.locator("h1").all_inner_texts() == [NOT_FOUND[language]]
    assert page.title().startswith(NOT_FOUND[language])
    assert page.locator("#site-search-query").get_attribute("placeholder") == SEARCH[language]
    assert FUNDING[language] in page.locator(".md-footer").inner_text()
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.classList.contains('md-skip'), document.activeElement.getAttribute('href')]")
    assert focused == [True, "#not-found"]


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_404_without_javascript_shows_one_language_and_every_home(chromium, site, language):
    browser, base = chromium
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 667})
    not_found = (site / "404.html").read_text(encoding="utf-8")
    context.route("**/no-such-page/", lambda route: route.fulfill(status=404, body=not_found, content_type="text/html"))
    page = context.new_page()
    page.goto(base + LANGUAGE_PREFIXES[language] + "no-such-page/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").all_inner_texts() == [NOT_FOUND["en"]]
    homes = page.locator(".not-found__homes a")
    assert [(a.get_attribute("lang"), a.inner_text()) for a in homes.all()] == [(HTML_LANG[c], GO_HOME[c]) for c in LANGUAGE_PREFIXES]
    assert homes.nth(list(LANGUAGE_PREFIXES).index("bg")).get_attribute("href") == base + "bg/"
    assert page.locator(".drawer-label").is_visible() and not page.locator(".drawer-button").is_visible()
    context.close()


def test_the_site_name_fits_and_tables_show_they_scroll(pages):
    made, base = pages
    whole = "el => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight"
    for viewport, shown in (("phone", "short"), ("tablet", "short"), ("desktop", "long")):
        page = made[viewport]
        for language, prefix in LANGUAGE_PREFIXES.items():
            page.goto(base + prefix + "projects/trace-kei/", wait_until="load")
            name = page.locator(f".md-header__topic:first-child .site-name--{shown}")
            assert name.is_visible(), f"{language} at {viewport} width: no {shown} name"
            assert name.evaluate(whole), f"{language} at {viewport} width: the {shown} site name is cut off"
    page = made["phone"]
    wrap = page.locator("#consortium ~ .md-typeset__scrollwrap").first
    assert wrap.evaluate("el => el.scrollWidth > el.clientWidth")  # the consortium table is wider than a phone
    assert "radial-gradient" in wrap.evaluate("el => getComputedStyle(el).backgroundImage")  # the edge shadow


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_screenshots_at_desktop_and_phone_width(pages, language):
    made, base = pages
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    prefix = LANGUAGE_PREFIXES[language]
    for name in ("home", "project", "event"):
        for viewport in ("desktop", "phone"):
            page = made[viewport]
            page.goto(base + prefix + PAGE_TYPES[name], wait_until="networkidle")
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{language} {name} at {viewport} width scrolls sideways by {overflow}px"
            path = ARTIFACTS / f"{language}-{name}-{VIEWPORTS[viewport][0]}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 10_000


def test_keyboard_reaches_skip_link_search_and_language_switcher(pages):
    made, base = pages
    page = made["desktop"]
    page.goto(base + "cs/projects/trace-kei/", wait_until="networkidle")
    page.keyboard.press("Tab")
    skip = page.evaluate("[document.activeElement.classList.contains('md-skip'), document.activeElement.textContent.trim()]")
    assert skip == [True, "Přeskočit obsah"]
    reached = set()
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.id || document.activeElement.getAttribute('hreflang') || ''"))
    assert "site-search-query" in reached
    assert {"en", "sr-Latn", "bg"} <= reached  # the switcher's links are in the tab order
    page.focus("#site-search-query")
    page.keyboard.type("klastr")
    page.keyboard.press("Enter")
    page.wait_for_selector(".pagefind-ui__result")
    assert page.url.endswith("/cs/search/?q=klastr")
