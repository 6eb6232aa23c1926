"""Render the other languages' pages and feeds in a second process while MkDocs builds the first.

    futures = start(site, ["sr", "bg", "cs"], today, feed_folders, site_url)
    pages, feed_files, seconds = futures["sr"].result()

static-i18n builds the languages one after another, each on one core, and the
first (default) language's build takes a while. Meanwhile a forked worker
renders the other languages; their builds pick the results up. The worker gets
the loaded site through fork(), so nothing is sent to it; only the Markdown and
feed bytes come back.

Used for `mkdocs build` only, on systems with fork() and more than one core, and
only while this process has a single thread (forking a process with other
threads running can deadlock the child). Otherwise `start` returns nothing and
the pages are rendered in this process, as they would be without it.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from pathlib import Path

from ..data.site_data import SiteData
from ..pages import feeds
from ..pages.page_builders import pages_for_language
from ..pages.templating import GeneratedPage, warm_up

_SITE: SiteData | None = None  # what the forked worker renders (set before the fork)


WORKER_VARIABLE = "CLUSTERSITE_WORKER"  # 0: render every language in the build process (to debug, or compare)


def available() -> bool:
    return (os.environ.get(WORKER_VARIABLE, "1") != "0" and "fork" in multiprocessing.get_all_start_methods()
            and (os.cpu_count() or 1) > 1 and threading.active_count() == 1)


def start(site: SiteData, codes: list[str], today: date, feed_folders: dict[str, Path], site_url: str) -> dict[str, Future]:
    """Begin rendering `codes` in a worker process; {} when that is not possible here."""
    global _SITE
    if not codes or not available():
        return {}
    _SITE = site
    warm_up()  # templates and map outlines, made once here and inherited by the worker
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    futures = {code: pool.submit(_render, code, today, feed_folders[code], site_url) for code in codes}
    pool.shutdown(wait=False)  # the worker finishes the queued languages, then exits
    return futures


def _render(code: str, today: date, feed_folder: Path, site_url: str) -> tuple[list[GeneratedPage], dict[Path, bytes], float]:
    started = time.process_time()
    pages = pages_for_language(_SITE, code, today)
    files = feeds.feed_files(_SITE, code, today, feed_folder, site_url)
    return pages, files, time.process_time() - started
