"""The site folder brought up to date in place, instead of emptied first and written anew.

    start()                 # the outer build's on_config: MkDocs' emptying of the folder replaced
    sweep_pages(paths)      # a language's pages written: its old HTML pages removed, before Pagefind reads them
    sweep(site_dir, keep)   # the site finished: what this build did not write is removed (not in `keep`)
    forget()                # a failed build: nothing more is removed

    site_writes.write_files(outputs)   # files beside the pages (feeds, calendars), written like pages

Before a build (not a `--dirty` one), MkDocs deletes everything in the site folder and
then writes every file again. On a journaling file system that is a large part of a
build: at 10,000 pages, deleting the last build's 37,000 files took 8 s and making its
13,600 folders again 3.6 s, and a page written over one with the same bytes costs a
truncation and a write where a read would do.

So MkDocs' `clean_directory` only notes when the build starts: a time of the file
system's clock later than every file's in the folder. A page whose HTML is the file
already there is not written again, only touched (which sets its change time, ctime,
and keeps its mtime: `unchanged_before`). Before Pagefind indexes a language, the old
pages in the language's part of the folder are removed (`sweep_pages`); when the site is
finished, every file whose ctime is older than the start (nothing of this build wrote or
touched it), and every folder left empty, but in the search index, which keeps the
fragments of unchanged pages and is tidied by its merge (pagefind_kept.py).
The folder ends as the emptied one would, with what the build wrote in it
(tests/test_site_folder.py). Hidden entries at the top (`.git`, `.nojekyll`) stay, as
MkDocs' emptying leaves them. The ctime is used because no program can set it back (a
copy that keeps the mtime still gets a new ctime).

Files are written over in place (site_writes.py): symbolic links in the folder are removed
first (a write would go through them), but a file hard-linked from elsewhere changes there
too, where MkDocs' emptying would have unlinked it, and a file keeps its permissions. A
clock set back by more than half a second during the build (checked against the monotonic
clock before anything is removed) stops the sweeps, with a warning. Not on Windows, where
a file's ctime is when it was made.

A `--dirty` build never empties the folder, so it sweeps nothing either. Set
`CLUSTERSITE_EMPTY_SITE_FIRST=1` to have MkDocs empty the folder as it does alone.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import mkdocs.utils
from mkdocs.plugins import get_plugin_logger

from . import site_writes
from .site_writes import RUN

log = get_plugin_logger("clustersite")

SWITCH = "CLUSTERSITE_EMPTY_SITE_FIRST"
_STEADY = 500_000_000  # ns: how far the wall clock may fall behind the monotonic one before the sweep stops


def start() -> None:
    """At the start of a run: MkDocs' emptying and writing of files replaced, unless the switch says 1. Not on
    Windows, where a file's ctime is when it was made, which writing over it does not change."""
    forget()
    in_place = os.name == "posix" and os.environ.get(SWITCH, "").strip() != "1"
    mine = {"clean_directory": _note_start, "write_file": site_writes.write_file, "copy_file": site_writes.copy_file}
    for name, original in site_writes.MKDOCS_OWN.items():
        setattr(mkdocs.utils, name, mine[name] if in_place else original)


def forget() -> None:
    """Nothing to sweep (a failed build, or a new run)."""
    RUN.folder = None


def _note_start(directory: str) -> None:
    """MkDocs' clean_directory, replaced: the folder is kept, and the time this build starts writing into it noted."""
    if os.path.isdir(directory):
        _remove_links(directory, top=True)
        RUN.since = _after_every_file(directory)
        RUN.folder, RUN.wall, RUN.monotonic = os.path.realpath(directory), time.time_ns(), time.monotonic_ns()


def clock_steady() -> bool:
    """Whether the wall clock kept pace with the monotonic one since the start: set back, it would make files
    written since look older than the start."""
    return time.time_ns() - RUN.wall >= time.monotonic_ns() - RUN.monotonic - _STEADY


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


def unchanged_before() -> int | None:
    """When this build started writing over the folder in place (the file system's clock): a file whose mtime is
    older holds what it held before (site_writes keeps the mtime of a file written with the same bytes). None when
    the build does not write in place, or the clock went back meanwhile."""
    return RUN.since if RUN.folder is not None and clock_steady() else None


def sweep(site_dir: str, *, keep: tuple[str, ...] = ()) -> None:
    """Remove what the build did not write or touch, if MkDocs would have emptied `site_dir` before it; not in the
    folders named in `keep` at its top, which the build tidies itself."""
    folder, RUN.folder = RUN.folder, None
    if folder is None or folder != os.path.realpath(site_dir) or not os.path.isdir(folder):
        return
    if not clock_steady():
        log.warning(f"The system clock went back during the build, so files of earlier builds were left in {site_dir}; "
                    "delete the folder and build again to be sure none is left.")
        return
    _sweep(folder, RUN.since, top=True, keep=keep)


def sweep_pages(paths: list[Path]) -> None:
    """Remove the HTML files under `paths` (files or folders) that this build did not write: the old pages
    Pagefind would otherwise index with the new. Only pages: the feeds and pictures may still be being written."""
    if RUN.folder is None or not clock_steady():  # sweep() warns of the clock
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


def _sweep(folder: str, since: int, *, top: bool = False, keep: tuple[str, ...] = ()) -> bool:
    """Remove the files in `folder` older than `since`, and every folder left empty; whether `folder` is empty.

    A build writes no empty folder (tests/test_site_folder.py holds it), so an empty one is an earlier build's,
    or was emptied of its pages by `sweep_pages`. Nothing else writes meanwhile; what vanishes is taken as removed.
    """
    empty = True
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if top and (entry.name.startswith(".") or entry.name in keep):
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
