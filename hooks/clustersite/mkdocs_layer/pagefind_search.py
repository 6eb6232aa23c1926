"""Site search with Pagefind: one index per language, built from the written pages.

Pagefind splits its index by each page's <html lang>, so a visitor downloads only
their language's part. It matches words typed without diacritics ("budimpesti"
finds "Budimpešti") and, for the last word typed, word beginnings ("klastr" finds
"klastrů", "клъстер" finds "клъстерите"). Only content marked data-pagefind-body
is indexed: not the navigation, footer, search page or 404 page.

The build indexes each language's pages as soon as they are written, one Pagefind run
per language, and merges the runs' indexes into one folder (pagefind_languages.py).
The preview indexes the whole site in one run after the reload, without holding it up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from pagefind_bin import get_executable

log = get_plugin_logger("clustersite")

FOLDER = "pagefind"  # where the site's pages load the index from
_NEXT, _OLD = "pagefind.next", "pagefind.old"  # the preview's index while it is made, and the one it replaces
SIDE_FOLDERS = (FOLDER, _NEXT, _OLD)  # the site's folders that hold an index, not pages


class PreviewIndex:
    """The preview's index, made after the reload without holding it up.

    A newer build stops it instead of waiting for it (`stop`): the index is made
    in a folder of its own and replaces the served one only once it is complete,
    so a stopped run leaves the last complete index in place.
    """

    def __init__(self, site_dir: Path) -> None:
        self.site_dir, self.stopped = site_dir, False
        shutil.rmtree(site_dir / _NEXT, ignore_errors=True)  # what a stopped run left
        (site_dir / _NEXT).mkdir()
        self.process = subprocess.Popen(command(site_dir, _NEXT), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                        cwd=site_dir / _NEXT, env=environment())
        self.thread = threading.Thread(target=self._finish, name="pagefind", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Stop indexing if it still runs, and wait until the served index is whole."""
        self.stopped = True
        if self.process.poll() is None:
            self.process.terminate()
        self.thread.join()

    def _finish(self) -> None:
        out, err = self.process.communicate()
        if self.process.returncode != 0:
            if not self.stopped:
                log.warning(failure("the site", err or out))
            return
        served, old = self.site_dir / FOLDER, self.site_dir / _OLD
        shutil.rmtree(old, ignore_errors=True)
        if served.exists():
            served.rename(old)
        (self.site_dir / _NEXT).rename(served)
        shutil.rmtree(old, ignore_errors=True)


def command(site_dir: Path, folder: str) -> list[str]:
    """Pagefind over the site, writing its index into `folder` under it; started in an empty folder with
    `environment()`, so that these are all its options (pagefind_kept.py relies on that)."""
    # The binary itself: `python -m pagefind` only finds it and starts it, after a Python start-up of its own.
    return [str(get_executable()), "--site", str(site_dir), "--output-subdir", folder, *OPTIONS]


OPTIONS = ("--silent",)  # what Pagefind is told beside where to read and write


def environment() -> dict[str, str]:
    """This process's environment without Pagefind's settings (PAGEFIND_*), which would change what it writes;
    the folder it starts in has no pagefind.yml (or .json, .toml) for it to read either."""
    return {name: value for name, value in os.environ.items() if not name.upper().startswith("PAGEFIND_")}


def failure(what: str, output: str) -> str:
    """The message of a failed run: what it indexed, and the end of what Pagefind said."""
    return f"Pagefind could not index {what}: {output.strip()[-1000:]}"
