"""Material's built-in search (lunr) against Pagefind, on the same site, in Chromium.

    .venv/bin/python benchmarks/search_comparison.py

Builds the site twice: as shipped (Pagefind), and a copy with Material's `search`
plugin and header restored. Then types the same queries into each site's search
box and counts the results, and the bytes the first search downloads.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM_FLAGS, chromium_path, serve  # noqa: E402

QUERIES = [("bg/", "клъстер"), ("bg/", "клъстерите"), ("sr/", "klastera"), ("sr/", "budimpesti"), ("sr/", "Budimpešti"),
           ("cs/", "klastr"), ("cs/", "klastrů"), ("", "cluster"), ("", "clusters")]


def build(project: Path, out: Path) -> None:
    env = {**os.environ, "SITE_URL": "http://127.0.0.1:8767/", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
                   cwd=project, env=env, check=True)


def material_variant(tmp: Path) -> Path:
    copy = tmp / "material"
    for name in ("data", "docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "overrides" / "partials" / "header.html").unlink()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"plugins:\n", "plugins:\n  - search\n", config, count=1)
    config = config.replace("reconfigure_search: false", "reconfigure_search: true")
    # Listed but empty: without Pagefind's indexing (the build stops if a hook file is left out of mkdocs.yml).
    (copy / "hooks" / "site_finish.py").write_text("# Empty: Material's own search indexes this variant.\n", encoding="utf-8")
    (copy / "mkdocs.yml").write_text(config, encoding="utf-8")
    return copy


def wire(body: bytes) -> int:
    return len(body) if body[:2] == b"\x1f\x8b" else len(gzip.compress(body, 6))


def run_queries(browser, base: str, material: bool) -> list[tuple[str, str, int, int]]:
    rows = []
    for prefix, query in QUERIES:
        page = browser.new_page()
        fetched: list[int] = []  # Material loads its index with every page; Pagefind on the first search
        page.on("response", lambda r, seen=fetched: seen.append(wire(r.body()))
                if r.ok and ("/search/" in r.url or "pagefind" in r.url) else None)
        page.goto(base + prefix, wait_until="networkidle")
        if material:
            page.wait_for_function("document.querySelector('.md-search-result__meta') !== null")
            placeholder = page.locator(".md-search-result__meta").inner_text()
            page.fill("input.md-search__input", query)
            try:
                page.wait_for_function("p => document.querySelector('.md-search-result__meta').innerText !== p",
                                       arg=placeholder, timeout=10000)
            except Exception:  # the search worker never answered (it shows its placeholder still)
                print(f"  Material on /{prefix}: no answer for {query!r}; it still says {placeholder!r}")
            page.wait_for_timeout(500)
            meta = page.locator(".md-search-result__meta").inner_text()
            count = int((re.findall(r"\d+", meta) or [0 if not page.locator(".md-search-result__item").count() else 1])[0])
            links = [a.get_attribute("href") for a in page.locator("a.md-search-result__link").all()]
        else:
            page.fill("#site-search-query", query)
            page.keyboard.press("Enter")
            try:
                page.wait_for_selector(".pagefind-ui__result", timeout=8000)
            except Exception:
                pass
            page.wait_for_load_state("networkidle")
            message = page.locator(".pagefind-ui__message").inner_text() if page.locator(".pagefind-ui__message").count() else ""
            numbers = re.findall(r"\d+", message)
            count = int(numbers[0]) if numbers and page.locator(".pagefind-ui__result").count() else 0
            links = [a.get_attribute("href") for a in page.locator("a.pagefind-ui__result-link").all()]
        shown = [link.split("127.0.0.1:8767/", 1)[-1].lstrip("/") for link in links]
        own = sum(1 for link in shown if (link.startswith(prefix) if prefix else not link.startswith(("sr/", "bg/", "cs/"))))
        rows.append((prefix or "en/", query, count, f"{own}/{len(shown)}", sum(fetched)))
        page.close()
    return rows


def main() -> None:
    executable = chromium_path()
    if executable is None:
        sys.exit("needs Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        build(ROOT, tmp / "pagefind-site")
        build(material_variant(tmp), tmp / "material-site")
        results = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
            for name in ("material", "pagefind"):
                with serve(tmp / f"{name}-site", 8767) as base:
                    results[name] = run_queries(browser, base, material=name == "material")
            browser.close()
    print("results: how many the search reports; own: of the results shown, how many are in the visitor's language")
    print(f"{'lang':<5} {'query':<12} | {'Material':>8} {'own':>6} {'KiB':>6} | {'Pagefind':>8} {'own':>6} {'KiB':>6}")
    for (lang, query, m_count, m_own, m_bytes), (_, _, p_count, p_own, p_bytes) in zip(
            results["material"], results["pagefind"], strict=True):
        print(f"{lang:<5} {query:<12} | {m_count:>8} {m_own:>6} {m_bytes / 1024:>6.1f} | {p_count:>8} {p_own:>6} {p_bytes / 1024:>6.1f}")


if __name__ == "__main__":
    main()
