"""Headless Chromium (Debian's package) driven by Playwright, against the built site on localhost."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
]


def chromium_path() -> str | None:
    """CHROMIUM_PATH, else Debian's `chromium` (the local route), else Playwright's own Chromium (as CI installs it)."""
    return (os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
            or _playwright_chromium())


@functools.cache
def _playwright_chromium() -> str | None:
    """The Chromium `playwright install chromium` put in its cache, if it did."""
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    except Error:
        return None
    return path if path and os.path.exists(path) else None


def require_chromium() -> str:
    """The browser's path; skip (or fail, when REQUIRE_BROWSER=1 as in CI) without one."""
    path = chromium_path()
    if path is None:
        reason = ("no Chromium found: install Debian's `chromium` package (apt-get install chromium), set CHROMIUM_PATH, "
                  "or run `python -m playwright install --with-deps chromium`")
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (REQUIRE_BROWSER=1 makes browser tests mandatory)")
        pytest.skip(reason)
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The test site is built for this port (SITE_URL in conftest.py) and served on it: Material's
# JavaScript requests absolute URLs on the site's own address. A free port, chosen once per
# test session, lets several test runs share a machine.
PORT = _free_port()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path, port: int = PORT) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()
