"""The search index's page files kept from the last build for the pages this build did not change.

Pagefind writes one compressed file per page (a fragment, `pagefind/fragment/<language>_<hash>.pf_fragment`),
named by a hash of what it holds, and leaves a file of that name alone when it is already there. Every
language's run writes its fragments straight into the site's own fragment folder (`link`), so a rebuild
neither makes, compresses, removes nor moves the fragments of the pages it did not change: at 10,000 pages
that was 13,500 files made and 13,500 removed in every build (1.5 s for the removal alone, at the end).

That is safe only where a file already there holds what Pagefind would write. Its name is the hash's first
seven characters, lengthened only where two pages of one run share them, so a page can be given the name
of another page's old file. Hence:
- `ready`: the folder is kept only if the last build finished it (its pagefind-entry.json, written last,
  is removed here until this build's merge writes it again) with the Pagefind installed now and the same
  options (`key`; Pagefind reads no others: pagefind_search.environment);
- `prune`, before a language's run: its fragments are kept only for the pages this build left as they
  were (written with the same bytes keeps a page's mtime: site_writes.py), which the run, with the same
  Pagefind and options, indexes again with the same data, so the same hash;
- `colliding`, after the run: a page given a kept fragment's name that is not its own shares that name's
  characters with the fragment's page, which is in the run too; so one of the run's names begins another.
  Those kept fragments are removed and the language indexed again (pagefind_languages.py).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import stat
import zlib
from importlib import metadata
from pathlib import Path

import cbor2

from .pagefind_search import FOLDER, OPTIONS

ENTRY = "pagefind-entry.json"  # the index's list of languages, which the search scripts read first
KEY = "clustersite_kept"  # what the merge adds to it: the Pagefind and the options its fragments were made with
SHARED = "fragment"  # the index's folder of page files, which every language's run writes into
_MAGIC = b"pagefind_dcd"  # what Pagefind writes before the data of each of its compressed files
_URL_START = _MAGIC + b'{"url":"'


def ready(site_dir: Path, *, in_place: bool) -> bool:
    """Before the build's first Pagefind run: keep the last build's page files, or start the index afresh;
    whether they are kept."""
    folder = site_dir / FOLDER
    if in_place and _finished_with(folder / ENTRY, key()):
        (folder / ENTRY).unlink()  # written again by the merge: a build that stops before leaves nothing to trust
        return True
    shutil.rmtree(folder, ignore_errors=True)
    return False


def key() -> list[str] | None:
    """What the fragments depend on beside the pages: the installed Pagefind and the options it is run with."""
    try:
        return [metadata.version("pagefind_bin"), *OPTIONS]
    except metadata.PackageNotFoundError:
        return None


def link(part: Path, site_dir: Path) -> bool:
    """Give a language's run the site's fragment folder as its own; whether that could be done (a file system
    without symbolic links gets a folder of the run's own, which the merge moves in)."""
    shared = site_dir / FOLDER / SHARED
    shared.mkdir(parents=True, exist_ok=True)
    try:
        os.symlink(os.path.relpath(shared, part), part / SHARED, target_is_directory=True)
    except OSError:
        return False
    return True


def prune(site_dir: Path, language: str, since: int | None) -> set[str]:
    """Remove the language's fragments but those of pages left as they were: a page there, not written since
    `since` (the build's start on the file system's clock; None: keep none), nor since its fragment was; and
    those of names one of which begins another, which the last run may give the other way round. The names
    kept."""
    folder, own = site_dir / FOLDER / SHARED, re.compile(re.escape(language) + r"_[0-9a-f]+\.pf_fragment")
    if not folder.is_dir():
        return set()
    kept = set()
    with os.scandir(folder) as entries:
        for entry in entries:
            if own.fullmatch(entry.name):  # `pt_br_...` is not `pt`'s: the hash has no underscore
                if since is not None and _page_kept(entry, site_dir, since):
                    kept.add(entry.name.removesuffix(".pf_fragment"))
                else:
                    os.unlink(entry.path)
    grouped = colliding(list(kept))
    remove(site_dir, grouped)
    return kept - grouped


def _page_kept(fragment: os.DirEntry, site_dir: Path, since: int) -> bool:
    url = fragment_url(fragment.path)
    if url is None or not url.startswith("/") or url.startswith("//") or "\\" in url or ".." in url.split("/"):
        return False
    page = site_dir / (url[1:] + "index.html" if url.endswith("/") else url[1:])
    try:
        facts, made = os.lstat(page), fragment.stat(follow_symlinks=False)
    except OSError:
        return False
    return stat.S_ISREG(facts.st_mode) and stat.S_ISREG(made.st_mode) and facts.st_mtime_ns < since \
        and facts.st_mtime_ns <= made.st_mtime_ns  # a page changed by hand after its fragment was made: not kept


def fragment_url(path: str) -> str | None:
    """The address of the page a fragment file is of, read from its first bytes; None if it reads otherwise."""
    try:
        with open(path, "rb") as file:
            start = file.read(2048)
            try:
                return _url(zlib.decompressobj(wbits=31).decompress(start, 4096))
            except ValueError:  # the address goes on past what was read
                return _url(gzip.decompress(start + file.read()))
    except (OSError, EOFError, zlib.error, ValueError):
        return None


def _url(data: bytes) -> str | None:
    if not data.startswith(_URL_START):
        return None
    return json.decoder.scanstring(data.decode("utf-8", "replace"), len(_URL_START))[0]


def pages(meta_file: Path) -> list[str]:
    """The fragment names a language's index lists (its pagefind.<language>_<hash>.pf_meta)."""
    data = gzip.decompress(meta_file.read_bytes())
    if not data.startswith(_MAGIC):
        raise ValueError(f"{meta_file.name} does not start as Pagefind's files do")
    meta = cbor2.loads(data[len(_MAGIC):])
    return [str(page[0]) for page in meta[1]]


def colliding(names: list[str]) -> set[str]:
    """The names one of which begins another: where two pages of one run share a hash's first characters."""
    ordered, found = sorted(set(names)), set()
    for i, name in enumerate(ordered):
        for other in ordered[i + 1:]:  # the names a name begins sort right after it
            if not other.startswith(name):
                break
            found |= {name, other}
    return found


def remove(site_dir: Path, names: set[str]) -> None:
    """Remove the fragments of these names, so that the next run writes them."""
    for name in names:
        (site_dir / FOLDER / SHARED / f"{name}.pf_fragment").unlink(missing_ok=True)


def keep_only(site_dir: Path, names: set[str]) -> None:
    """Remove every fragment the merged index does not list (a language no longer built, or names lengthened
    by a collision the last build had)."""
    folder = site_dir / FOLDER / SHARED
    if not folder.is_dir():
        return
    with os.scandir(folder) as entries:
        for entry in entries:
            if not (entry.name.endswith(".pf_fragment") and entry.name.removesuffix(".pf_fragment") in names):
                os.unlink(entry.path)


def _finished_with(entry: Path, expected: list[str] | None) -> bool:
    try:
        found = json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return expected is not None and isinstance(found, dict) and found.get(KEY) == expected
