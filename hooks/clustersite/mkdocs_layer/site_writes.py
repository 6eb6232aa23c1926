"""Files written into a site folder that a build updates in place (site_folder.py says why and how).

A file that already holds the bytes to write is only touched, which sets its ctime: the sweep
at the end of the build keeps it. Its mtime stays, the time its content last changed, which
tells the search index whose pages' files it may keep (pagefind_kept.py). Where an earlier build left a file where a folder
now goes, or the other way round, it is removed and the write tried again.
"""

from __future__ import annotations

import os
import shutil
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import mkdocs.utils

MKDOCS_OWN = {name: getattr(mkdocs.utils, name) for name in ("clean_directory", "write_file", "copy_file")}
_WRITE_FILE, _COPY_FILE = MKDOCS_OWN["write_file"], MKDOCS_OWN["copy_file"]


class _Run:
    """The folder MkDocs would have emptied in this run, and when the build started writing into it: the
    file system's ctime (ns), and the wall and monotonic clocks, to notice a clock set back meanwhile."""

    folder: str | None = None
    since: int = 0
    wall: int = 0
    monotonic: int = 0


RUN = _Run()  # in every process: forked children inherit it


def written(path: Path) -> bool:
    """Whether this build wrote the file: it is there, and, in a folder updated in place, newer than the start."""
    try:
        changed = os.lstat(path).st_ctime_ns
    except FileNotFoundError:
        return False
    return RUN.folder is None or changed >= RUN.since


def write_file(content: bytes, output_path: str) -> None:
    """MkDocs' write_file, but a file that already holds `content` is only touched."""
    if not _touched(output_path, content):
        _clearing_the_way(_WRITE_FILE, content, output_path)


def copy_file(source_path: str, output_path: str) -> None:
    """MkDocs' copy_file, which copies into a folder it finds at `output_path`: an earlier build's goes first."""
    if RUN.folder is not None and os.path.isdir(output_path) and not os.path.islink(output_path):
        _make_way(output_path, folder=False)
    _clearing_the_way(_COPY_FILE, source_path, output_path)


def write_files(outputs: dict[Path, bytes]) -> None:
    """Write files beside the pages (feeds, calendars): thousands of small files, written by several threads
    at once, since each waits on the disk; like a page, one that already holds its bytes is only touched."""
    for parent in {str(path.parent) for path in outputs}:
        _clearing_the_way(_make_folder, None, parent, folder=True)
    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="write-files") as pool:
        list(pool.map(lambda item: _write_bytes(item[1], str(item[0])), outputs.items()))


def _write_bytes(content: bytes, path: str) -> None:
    if not _touched(path, content):
        _clearing_the_way(_plain_write, content, path)


def _make_folder(_, folder: str) -> None:
    os.makedirs(folder, exist_ok=True)


def _plain_write(content: bytes, path: str) -> None:
    with open(path, "wb") as file:
        file.write(content)


def _clearing_the_way(write, first, path: str, *, folder: bool = False) -> None:
    """`write(first, path)`; if an earlier build left a file where a folder goes, or the other way round, that goes
    and the write is tried again. A folder and a file this build made in the same place still fail."""
    try:
        write(first, path)
    except (IsADirectoryError, NotADirectoryError, FileExistsError):
        if RUN.folder is None or not _make_way(path, folder=folder):
            raise
        write(first, path)


def _make_way(path: str, *, folder: bool) -> bool:
    """Remove what is older than the start where this build makes a file (`folder` False) or a folder at `path`:
    a folder, or a file, at `path`, and a file where one of its folders goes. Whether anything was removed."""
    removed, path = False, os.path.realpath(path)
    if os.path.lexists(path) and os.path.isdir(path) != folder and _older(path):
        shutil.rmtree(path) if os.path.isdir(path) else os.unlink(path)
        removed = True
    parent = os.path.dirname(path)
    while parent.startswith(RUN.folder + os.sep):
        if os.path.lexists(parent) and not os.path.isdir(parent) and _older(parent):
            os.unlink(parent)
            removed = True
        parent = os.path.dirname(parent)
    return removed


def _older(path: str) -> bool:
    return os.lstat(path).st_ctime_ns < RUN.since


def _touched(path: str, content: bytes) -> bool:
    """Touch the file if this build writes over the folder in place and the file holds `content` already: its
    ctime is set, which the sweep reads, and its mtime kept, since its content did not change (pagefind_kept reads
    that)."""
    if RUN.folder is None or (facts := _holding(path, content)) is None:
        return False
    try:
        os.utime(path, ns=(facts.st_atime_ns, facts.st_mtime_ns))
    except FileNotFoundError:  # removed meanwhile (sweep_pages in another process): written instead
        return False
    except PermissionError:  # another user's file (setting its times needs its owner): written, with a new mtime
        return False
    return True


def _holding(path: str, content: bytes) -> os.stat_result | None:
    """The file's facts if it is a file that holds `content`."""
    try:
        facts = os.lstat(path)
        if not stat.S_ISREG(facts.st_mode) or facts.st_size != len(content):
            return None
        with open(path, "rb") as file:
            return facts if file.read() == content else None
    except OSError:  # not there yet, or not a file
        return None
