"""The preview (`mkdocs serve --dirty`, as the README starts it) while data/ has mistakes.

It answers every address with a page that lists the mistakes (file:line, message, hint) instead
of keeping the browser waiting, and reloads the browser into the site once they are fixed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from browser import CHROMIUM_FLAGS, _free_port, require_chromium
from conftest import BUILD_DATE, SUBPATH

BROKEN = ("country: IT", "contry: IT")  # data/places.yaml of the example fixture


def fetch(url: str, timeout: float = 60) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


class Preview:
    """`mkdocs serve --dirty` on a copy of the example fixture site."""

    def __init__(self, project: Path) -> None:
        self.project, self.port = project, _free_port()
        self.base = f"http://127.0.0.1:{self.port}/{SUBPATH}/"
        env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{self.port}/{SUBPATH}/", "SITE_BUILD_DATE": BUILD_DATE,
               "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload",
             "-a", f"127.0.0.1:{self.port}", "-f", str(project / "mkdocs.yml")],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.stderr.read()[-3000:]
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/livereload/0/0", timeout=5).read()
                return
            except OSError:
                time.sleep(0.5)
        pytest.fail("the preview did not start")

    def build(self) -> int:
        return int(fetch(f"http://127.0.0.1:{self.port}/livereload/0/0")[1])

    def wait_for_build_after(self, build: int) -> None:
        deadline = time.monotonic() + 180
        while self.build() <= build:
            assert time.monotonic() < deadline, "no new build"
            time.sleep(0.5)

    def edit(self, old: str, new: str) -> None:
        places = self.project / "data" / "places.yaml"
        places.write_text(places.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture()
def preview(fixture_copy):
    started = Preview(fixture_copy("example"))
    yield started
    started.stop()


def test_mistakes_are_shown_at_every_address_and_the_site_returns_when_they_are_fixed(preview):
    preview.edit(*BROKEN)
    preview.wait_until_up()
    for path in ("", "events/", "partners/enef/", "cs/projects/"):
        status, html = fetch(preview.base + path, timeout=30)  # answered at once, not held until a good build
        assert '<html lang="en">' in html and "The site was not built: 2 mistakes to fix in data/" in html, path
        assert "data/places.yaml:12:5" in html and "unknown key `contry`" in html and "did you mean `country`?" in html
        assert "/livereload/" in html
    before = preview.build()
    preview.edit(*reversed(BROKEN))
    preview.wait_for_build_after(before)
    status, html = fetch(preview.base + "partners/enef/")
    assert status == 200 and "(ENEF)" in html and "not built" not in html
    status, html = fetch(preview.base + "cs/projects/")
    assert status == 200 and '<html lang="cs"' in html

    before = preview.build()
    preview.edit(*BROKEN)  # a mistake made while the preview runs
    preview.wait_for_build_after(before)
    status, html = fetch(preview.base + "partners/enef/", timeout=30)
    assert "data/places.yaml:12:5" in html


@pytest.mark.browser
def test_the_page_of_mistakes_reloads_into_the_site_once_they_are_fixed(preview):
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    preview.edit(*BROKEN)
    preview.wait_until_up()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        page = chromium.new_page()
        page.goto(preview.base + "partners/enef/")
        assert "unknown key `contry`" in page.inner_text("main")
        preview.edit(*reversed(BROKEN))
        page.wait_for_selector("html[lang='en'] .md-content", timeout=180_000)  # reloaded by the page itself
        assert page.url == preview.base + "partners/enef/" and "ENEF" in page.inner_text("h1")
        chromium.close()
