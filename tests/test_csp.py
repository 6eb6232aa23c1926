"""Every page carries a Content-Security-Policy that lets nothing in but its own files and inline scripts."""

from __future__ import annotations

import re
from html import unescape

import pytest

from clustersite.pages.csp import sha256_source
from conftest import SUBPATH
from site_pages import page_types
from test_browser import browser  # noqa: F401  (browser is a fixture)

_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)

# Recorded before any page script runs: the events the policy fires, and the console's reports of them.
_LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '') + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


def policy_of(html: str) -> dict[str, list[str]]:
    match = _META.search(html)
    assert match, "no Content-Security-Policy <meta>"
    return {part.split()[0]: part.split()[1:] for part in unescape(match.group(1)).split("; ")}


def test_every_page_has_a_policy_with_the_hashes_of_its_inline_scripts(checked_site):
    site = checked_site.root
    pages = list(site.rglob("*.html"))
    listed = re.findall(r"<loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert listed and len(pages) > len(listed)  # every page of the sitemap, and the 404 pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policy = policy_of(html)
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"], path
        assert policy["img-src"] == ["'self'", "data:"] and policy["connect-src"] == ["'self'"], path
        assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"], path
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"], path
        hashes = {source for source in policy["script-src"] if source.startswith("'sha256-")}
        assert hashes == {sha256_source(script) for script in _INLINE_SCRIPT.findall(html)}, path
        assert html.index("Content-Security-Policy") < html.index("<script"), path  # it covers every script after it


@pytest.mark.browser
def test_no_page_type_violates_its_policy_in_chromium(browser):  # noqa: F811
    chromium, base, site = browser
    for prefix in site.prefixes.values():
        # a word of the language's home page title, which its search must find
        title = re.search(r"<title>([^<]*)</title>", (site.root / prefix / "index.html").read_text(encoding="utf-8")).group(1)
        word = max(unescape(title).split(), key=len).strip(",.:;–-")
        paths = [*page_types(site).values(), f"search/?q={word}"]
        context = chromium.new_context()
        context.add_init_script(_LISTEN)
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda message, console=console: console.append(message.text)
                if "Content Security Policy" in message.text else None)
        seen: dict[str, list[str]] = {}
        for path in [*(prefix + p for p in paths), "404.html"]:  # GitHub Pages has one 404 page for all
            page.goto(base + path, wait_until="networkidle")
            if "?q=" in path:
                page.wait_for_selector(".pagefind-ui__result", timeout=15000)  # the search ran: Pagefind's WebAssembly was allowed
            assert page.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]') !== null"), path
            seen[path] = page.evaluate("window.__violations")
        assert {path: found for path, found in seen.items() if found} == {}
        assert console == []
        context.close()


def test_a_bad_extension_of_the_policy_is_one_clear_line(project_copy, tmp_path):
    from conftest import run_build

    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  content_security_policy: {}",
                                                      "  content_security_policy:\n    script-src: [\"'unsafe-inline'\"]")
    config.write_text(text, encoding="utf-8")
    result = run_build(tmp_path / "out", config=config)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "mkdocs.yml: extra.content_security_policy.script-src: 'unsafe-inline' is not allowed" in result.stderr


def test_an_added_host_reaches_the_policy_of_every_page(project_copy, tmp_path):
    from conftest import run_build

    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  content_security_policy: {}", "  content_security_policy:\n    frame-src: [https://www.youtube-nocookie.com]")
    config.write_text(text, encoding="utf-8")
    result = run_build(tmp_path / SUBPATH, config=config)
    assert result.returncode == 0, result.stderr[-3000:]
    for path in (tmp_path / SUBPATH / "index.html", tmp_path / SUBPATH / "cs" / "events" / "index.html"):
        assert policy_of(path.read_text(encoding="utf-8"))["frame-src"] == ["'self'", "https://www.youtube-nocookie.com"]


def test_a_script_from_another_host_in_any_page_fails_the_build_naming_page_and_source(project_copy, tmp_path):
    from conftest import run_build

    main = project_copy / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + '\n{% block footer %}{{ super() }}<script src="https://cdn.example/x.js"></script>'
                    '<a href="java&#x09;script:alert(1)" onclick="x()">x</a>{% endblock %}\n', encoding="utf-8")
    result = run_build(tmp_path / "out", config=project_copy / "mkdocs.yml")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    err = result.stderr
    assert "The site was not built: 3 thing(s) in the pages are not allowed:" in err
    script = err[err.index('  <script src="https://cdn.example/x.js">: src: loads from another host (cdn.example)'):]
    assert script.splitlines()[1:4] == ["      on 404.html (from overrides/404.html, with words from data/ui.yaml and data/site.yaml)",
                                        "      on / (from docs/index.md)", "      on /accessibility/ (from docs/accessibility.md)"]
    assert re.search(r"and on [1-9]\d\d+ more pages", script.split("\n  <")[0])  # every page of every language
    assert '<a href="java\\u0009script:alert(1)" onclick="x()">: href: links starting with `javascript:` are not allowed' in err
    assert '<a href="java\\u0009script:alert(1)" onclick="x()">: event-handler attributes (onclick=) are not allowed' in err


def test_a_generated_page_is_traced_to_its_data_file_and_line(tmp_path):
    from clustersite.mkdocs_layer.page_guard import _data_source
    from conftest import EXAMPLE

    assert _data_source(EXAMPLE / "data", "events/trace-kei-kick-off") == "data/projects/trace-kei.yaml:" + str(
        (EXAMPLE / "data/projects/trace-kei.yaml").read_text(encoding="utf-8").splitlines().index("  - id: trace-kei-kick-off") + 1)
    assert _data_source(EXAMPLE / "data", "news/index").startswith("data/ (the news page lists")
