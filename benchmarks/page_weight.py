"""First-load transfer of each page type, per language, measured in headless Chromium.

    .venv/bin/python benchmarks/page_weight.py

Builds the site, serves it on 127.0.0.1, loads each page type with an empty cache and
adds up every response, counted as gzip would send it (HTML, CSS, JS, fonts, images).
The search index is not part of a page load; a first search is measured separately.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM_FLAGS, chromium_path, serve  # noqa: E402

PAGE_TYPES = {
    "home": "", "project": "projects/trace-kei/", "timeline": "events/", "event": "events/tci-european-conference-2018/",
    "partner": "partners/house-of-clusters/", "labels": "labels/", "news item": "news/green-synergy-joins-trace-kei/",
    "legal": "legal/",
}
LANGUAGES = {"en": "", "sr": "sr/", "bg": "bg/", "cs": "cs/"}


KINDS = {".html": "html", ".css": "css", ".js": "js", ".woff": "font", ".woff2": "font", ".ttf": "font"}


def local_file(www: Path, url: str) -> Path:
    path = www / url.split("/", 3)[3].split("?")[0]
    return path / "index.html" if path.is_dir() else path


def wire_size(body: bytes) -> int:
    """Bytes as gzip sends them; files Pagefind gzipped already count as they are."""
    return len(body) if body[:2] == b"\x1f\x8b" else min(len(body), len(gzip.compress(body, 6)))


def main() -> None:
    executable = chromium_path()
    if executable is None:
        sys.exit("needs Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        www = Path(tmp)
        env = {**os.environ, "SITE_URL": "http://127.0.0.1:8766/repo/", "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(www / "repo")], cwd=ROOT, env=env, check=True)
        with serve(www, 8766) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
            print(f"{'page type':<11} {'lang':<4} {'html':>7} {'css':>7} {'js':>7} {'font':>6} {'other':>6} {'total KiB':>9}")
            for name, path in PAGE_TYPES.items():
                for language, prefix in LANGUAGES.items():
                    context = browser.new_context()  # empty cache
                    page = context.new_page()
                    requested: list[str] = []
                    page.on("requestfinished", lambda request, seen=requested: seen.append(request.url))
                    page.goto(base + "repo/" + prefix + path, wait_until="networkidle")
                    sizes: dict[str, int] = defaultdict(int)
                    for url in requested:
                        file = local_file(www, url)
                        if file.is_file():  # only what the site holds
                            sizes[KINDS.get(file.suffix, "other")] += wire_size(file.read_bytes())
                    total = sum(sizes.values())
                    print(f"{name:<11} {language:<4} " + " ".join(f"{sizes[k] / 1024:>{w}.1f}" for k, w in
                          (("html", 7), ("css", 7), ("js", 7), ("font", 6), ("other", 6))) + f" {total / 1024:>9.1f}")
                    context.close()
            browser.close()


if __name__ == "__main__":
    main()
