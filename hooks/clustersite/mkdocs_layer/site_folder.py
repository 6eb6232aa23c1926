"""The site folder brought up to date in place, instead of emptied first and written anew.

    start()                 # the outer build's on_config: MkDocs' emptying of the folder replaced
    write_files(outputs)    # files beside the pages (feeds, calendars), written like pages
    sweep_pages(paths)      # a language's pages written: its old HTML pages removed, before Pagefind reads them
    sweep(site_dir)         # the site finished: what this build did not write is removed
    forget()                # a failed build: nothing is removed

Before a build (not a `--dirty` one), MkDocs deletes everything in the site folder and
then writes every file again. On a journaling file system that is a large part of a
build: at 10,000 pages, deleting the last build's 37,000 files took 8 s and making its
13,600 folders again 3.6 s, and a page written over one with the same bytes costs a
truncation and a write where a read would do.

So MkDocs' `clean_directory` only notes when the build starts: a time of the file
system's clock later than every file's in the folder. A page whose HTML is the file
already there is not written again, only touched (which sets its change time, ctime).
Before Pagefind indexes a language, the old pages in the language's part of the folder
are removed (`sweep_pages`); when the site is finished, every file whose ctime is older
than the start (nothing of this build wrote or touched it), and every folder left empty.
The folder ends as the emptied one would, with what the build wrote in it
(tests/test_site_folder.py). Hidden entries at the top (`.git`, `.nojekyll`) stay, as
MkDocs' emptying leaves them. The ctime is used because no program can set it back (a
copy that keeps the mtime still gets a new ctime). A clock set back during the build
leaves the old files in place, with a warning.

Files are written over in place: symbolic links in the folder are removed first (a write
would go through them), but a file hard-linked from elsewhere changes there too, where
MkDocs' emptying would have unlinked it.

A `--dirty` build never empties the folder, so it sweeps nothing either. Set
`CLUSTERSITE_EMPTY_SITE_FIRST=1` to have MkDocs empty the folder as it does alone.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import mkdocs.utils
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("clustersite")

SWITCH = "CLUSTERSITE_EMPTY_SITE_FIRST"
_CLEAN_DIRECTORY = mkdocs.utils.clean_directory
_WRITE_FILE = mkdocs.utils.write_file


class _Run:
    """The folder MkDocs would have emptied in this run, and the ctime (ns) at which the build started."""

    folder: str | None = None
    since: int = 0


RUN = _Run()


def start() -> None:
    """At the start of a run: MkDocs' emptying and writing of files replaced, unless the switch says 1."""
    forget()
    if os.environ.get(SWITCH, "").strip() == "1":
        mkdocs.utils.clean_directory, mkdocs.utils.write_file = _CLEAN_DIRECTORY, _WRITE_FILE
    else:
        mkdocs.utils.clean_directory, mkdocs.utils.write_file = _note_start, _write_file


def forget() -> None:
    """Nothing to sweep (a failed build, or a new run)."""
    RUN.folder = None


def _note_start(directory: str) -> None:
    """MkDocs' clean_directory, replaced: the folder is kept, and the time this build starts writing into it noted."""
    if os.path.isdir(directory):
        _remove_links(directory, top=True)
        RUN.folder, RUN.since = os.path.realpath(directory), _after_every_file(directory)


def _remove_links(folder: str, *, top: bool = False) -> None:
    """Remove the symbolic links in the folder (not the hidden entries at its top, which MkDocs leaves): a file
    written over in place would be written through a link, out of the folder. MkDocs writes none itself."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if top and entry.name.startswith("."):
                continue
            if entry.is_symlink():
                os.unlink(entry.path)
            elif entry.is_dir(follow_symlinks=False):
                _remove_links(entry.path)


def _after_every_file(directory: str) -> int:
    """A time of the file system's clock later than that of every file now in the folder: the clock has ticked
    since they were written (a few milliseconds; a second on a file system that keeps whole seconds)."""
    first = _now(directory)
    while (now := _now(directory)) <= first:
        time.sleep(0.001)
    return now


def _now(directory: str) -> int:
    """The file system's time now, as it stamps files in `directory` (its clock is coarser than Python's)."""
    handle, path = tempfile.mkstemp(prefix=".clustersite-", dir=directory)
    try:
        return os.fstat(handle).st_ctime_ns
    finally:
        os.close(handle)
        os.unlink(path)


def _write_file(content: bytes, output_path: str) -> None:
    """MkDocs' write_file, but a file that already holds `content` is only touched."""
    if not _touched(output_path, content):
        _WRITE_FILE(content, output_path)


def write_files(outputs: dict[Path, bytes]) -> None:
    """Write files beside the pages (feeds, calendars): thousands of small files, written by several threads
    at once, since each waits on the disk; like a page, one that already holds its bytes is only touched."""
    for parent in {path.parent for path in outputs}:
        parent.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="write-files") as pool:
        list(pool.map(lambda item: _write_bytes(item[1], str(item[0])), outputs.items()))


def _write_bytes(content: bytes, path: str) -> None:
    if not _touched(path, content):
        with open(path, "wb") as file:
            file.write(content)


def _touched(path: str, content: bytes) -> bool:
    """Touch the file if this build writes over the folder in place and the file holds `content` already."""
    if RUN.folder is not None and _holds(path, content):
        os.utime(path)
        return True
    return False


def _holds(path: str, content: bytes) -> bool:
    try:
        facts = os.lstat(path)
        if not stat.S_ISREG(facts.st_mode) or facts.st_size != len(content):
            return False
        with open(path, "rb") as file:
            return file.read() == content
    except OSError:  # not there yet, or not a file
        return False


def sweep(site_dir: str) -> None:
    """Remove what the build did not write or touch, if MkDocs would have emptied `site_dir` before it."""
    folder, RUN.folder = RUN.folder, None
    if folder is None or folder != os.path.realpath(site_dir) or not os.path.isdir(folder):
        return
    if _now(folder) < RUN.since:
        log.warning(f"The system clock went back during the build, so files of earlier builds were left in {site_dir}; "
                    "delete the folder and build again to be sure none is left.")
        return
    _sweep(folder, RUN.since, top=True)


def sweep_pages(paths: list[Path]) -> None:
    """Remove the HTML files under `paths` (files or folders) that this build did not write: the old pages
    Pagefind would otherwise index with the new. Only pages: the feeds and pictures may still be being written."""
    if RUN.folder is None:
        return
    for path in paths:
        if path.is_dir():
            for folder, _, names in os.walk(path):
                _remove_old([os.path.join(folder, name) for name in names if name.endswith(".html")], RUN.since)
        elif path.name.endswith(".html"):
            _remove_old([str(path)], RUN.since)


def _remove_old(paths: list[str], since: int) -> None:
    for path in paths:
        try:
            if os.lstat(path).st_ctime_ns < since:
                os.unlink(path)
        except FileNotFoundError:
            pass


def _sweep(folder: str, since: int, *, top: bool = False) -> bool:
    """Remove the files in `folder` older than `since`, and every folder left empty; whether `folder` is empty.

    A build writes no empty folder (tests/test_site_folder.py holds it), so an empty one is an earlier build's,
    or was emptied of its pages by `sweep_pages`. Nothing else writes meanwhile; what vanishes is taken as removed.
    """
    empty = True
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if top and entry.name.startswith("."):
                    empty = False
                elif entry.is_dir(follow_symlinks=False):
                    empty = _sweep(entry.path, since) and _removed(os.rmdir, entry.path) and empty
                elif entry.stat(follow_symlinks=False).st_ctime_ns < since:
                    empty = _removed(os.unlink, entry.path) and empty
                else:
                    empty = False
    except FileNotFoundError:
        pass
    return empty


def _removed(remove, path: str) -> bool:
    """Whether `path` is gone after `remove`: not if it is a folder something wrote into meanwhile."""
    try:
        remove(path)
    except FileNotFoundError:
        pass
    except OSError:
        return False
    return True
