"""The built site's search index, made one language at a time and merged into one.

Each language's pages are indexed as soon as they are written, by a Pagefind run of
their own, while the build goes on with the other languages. One run over the whole
site holds every language's index in memory at once (535 MB at 10,000 pages); a run
per language holds one. The runs write the same files the whole-site run does: the
index and fragment files are named for their content, the scripts and the WebAssembly
are the binary's own. Only pagefind-entry.json, which lists the languages, is merged.

The runs write the pages' fragments straight into the site's index, where the last build's fragments of the
pages this build left as they were are kept (pagefind_kept.py says when that is safe).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from mkdocs.exceptions import PluginError

from . import pagefind_kept
from .pagefind_kept import ENTRY, KEY, SHARED
from .pagefind_search import FOLDER, SIDE_FOLDERS, command, environment, failure

PARTS = "pagefind.parts"  # each language's index while it is made: pagefind.parts/<code>/
_GLOB_SPECIAL = re.compile(r"([\\*?\[\]{}<>!,:$])")


def language_area(site_dir: Path, code: str, codes: list[str] | tuple[str, ...], default: str) -> list[Path]:
    """Where one language's pages are: its folder, or, for the default language at the site's root,
    every folder of the root but the other languages' and the index's, and its HTML files but 404.html;
    not hidden entries or links."""
    if code != default:
        return [site_dir / code]
    area = []
    for path in sorted(site_dir.iterdir()):
        if path.name in codes or path.name in SIDE_FOLDERS or path.name == PARTS or path.name.startswith(".") \
                or path.is_symlink():  # hidden entries (.git), which the build leaves alone, and links out of the site
            continue
        if path.is_dir() or (path.suffix == ".html" and path.name != "404.html"):  # every language writes /404.html meanwhile
            area.append(path)
    return area


def language_glob(site_dir: Path, code: str, codes: list[str] | tuple[str, ...], default: str) -> str:
    """Pagefind's --glob for one language's pages: the HTML files of its `language_area`."""
    if code != default:
        return f"{_escaped(code)}/**/*.html"
    entries = [f"{_escaped(path.name)}/**/*.html" if path.is_dir() else _escaped(path.name)
               for path in language_area(site_dir, code, codes, default)]
    return "{" + ",".join(entries) + "}"


def _escaped(name: str) -> str:
    return _GLOB_SPECIAL.sub(r"\\\1", name)


@dataclass
class _Run:
    code: str
    site_dir: Path
    glob: str
    language: str | None  # the language its pages should say (<html lang>, lower case); None: it writes its own fragments
    kept: set[str]  # the fragments of that language kept from the last build, by name
    process: subprocess.Popen
    output: IO[bytes]  # what Pagefind says; a file, not a pipe, since nobody reads it while it runs
    owner: int  # the process that started it: a forked child inherits the list, not the runs


@dataclass
class LanguageIndexes:
    """The Pagefind runs of one build, one per language."""

    runs: list[_Run] = field(default_factory=list)

    def start(self, site_dir: Path, code: str, glob: str, *, language: str | None = None, since: int | None = None) -> None:
        """Index the language's pages into pagefind.parts/<code>/, while the build goes on. Given the `language`
        Pagefind reads on them, the run writes their fragments into the site's index, which keeps those of the
        pages not written since `since` (pagefind_kept.prune); otherwise into a folder of its own."""
        linked = _new_part(site_dir, code, language is not None)
        kept = pagefind_kept.prune(site_dir, language, since) if linked else set()
        self.runs.append(_Run(code, site_dir, glob, language if linked else None, kept, *_started(site_dir, code, glob),
                              os.getpid()))

    def wait(self) -> None:
        """Wait for the runs this process started; a failed one fails the build. A run that may have taken a kept
        fragment for a page's own (`_suspect_fragments`) runs again without them, and must then leave none."""
        mine, self.runs = self._mine(), []
        for number, run in enumerate(mine):
            try:
                _finished(run)
                if run.language is not None and (suspect := _suspect_fragments(run)):
                    pagefind_kept.remove(run.site_dir, suspect)
                    run.kept -= suspect
                    _new_part(run.site_dir, run.code, True)
                    run.process, run.output = _started(run.site_dir, run.code, run.glob)
                    _finished(run)
                    if _suspect_fragments(run, again=True):
                        raise PluginError(f"Pagefind gave the '{run.code}' pages' index files names that clash, twice; "
                                          "build again, or delete the site folder's pagefind/ first.")
            except BaseException:  # nothing may go on writing into the site's index after this
                _stop(mine[number:])
                raise

    def stop(self) -> None:
        """The build failed: end the runs this process started."""
        mine, self.runs = self._mine(), []
        _stop(mine)

    def _mine(self) -> list[_Run]:
        return [run for run in self.runs if run.owner == os.getpid()]


def _new_part(site_dir: Path, code: str, link: bool) -> bool:
    """An empty pagefind.parts/<code>/ for a run, its fragments (if `link`) the site's own; whether they are."""
    part = site_dir / PARTS / code
    shutil.rmtree(part, ignore_errors=True)
    part.mkdir(parents=True)
    return link and pagefind_kept.link(part, site_dir)


def _started(site_dir: Path, code: str, glob: str) -> tuple[subprocess.Popen, IO[bytes]]:
    output = tempfile.TemporaryFile()
    process = subprocess.Popen([*command(site_dir, f"{PARTS}/{code}"), "--glob", glob], stdout=output, stderr=subprocess.STDOUT,
                               cwd=site_dir / PARTS / code, env=environment())
    return process, output


def _finished(run: _Run) -> None:
    """Wait for the run; a failed one fails the build with what Pagefind said."""
    try:
        run.process.wait(timeout=300)
    except subprocess.TimeoutExpired:
        run.process.kill()
        run.process.wait()
    run.output.seek(0)
    said = run.output.read().decode("utf-8", "replace").strip()
    run.output.close()
    if run.process.returncode != 0:
        raise PluginError(failure(f"the '{run.code}' pages", said or f"exit status {run.process.returncode}"))


def _suspect_fragments(run: _Run, *, again: bool = False) -> set[str]:
    """The fragments the run may have taken for its own without writing them: kept ones whose name begins another or
    is begun by one; the first time, all of them if the pages said another language than `run.language`, whose
    fragments were not pruned (run `again`, it found none of them there)."""
    part = run.site_dir / PARTS / run.code
    languages = _entry(part, run.code)["languages"]
    names = [name for found in languages.values() for name in _listed(part / f"pagefind.{found['hash']}.pf_meta")]
    if set(languages) != {run.language} and not again:
        return set(names)
    return pagefind_kept.colliding(names) & run.kept  # a name not kept was not there: the run wrote it


def index_site(site_dir: Path, codes: list[str], default: str) -> None:
    """Index a finished site one language after another, and merge: the same index, made after the build."""
    pagefind_kept.ready(site_dir, in_place=False)
    for code in codes:
        indexes = LanguageIndexes()
        indexes.start(site_dir, code, language_glob(site_dir, code, codes, default))
        indexes.wait()
    merge(site_dir, codes)


def _stop(runs: list[_Run]) -> None:
    for run in runs:
        if run.process.poll() is None:
            run.process.kill()
            run.process.wait()
        run.output.close()


def merge(site_dir: Path, codes: list[str]) -> None:
    """Move the languages' indexes, in the order of `codes`, into the one folder the pages load: beside the
    fragments the runs wrote there, all else of the last build's index goes, and the fragments no language lists."""
    parts, target = site_dir / PARTS, site_dir / FOLDER
    target.mkdir(exist_ok=True)
    with os.scandir(target) as entries:
        for old in [entry for entry in entries if entry.name != SHARED]:
            shutil.rmtree(old.path) if old.is_dir(follow_symlinks=False) else os.unlink(old.path)
    entry: dict | None = None
    for code in codes:
        found = _entry(parts / code, code)
        if entry is None:
            entry = found
        else:
            _check_same_run(entry, found, code)
            entry["languages"].update(found["languages"])
        _move_into(parts / code, target)
    if entry is None:  # no language built: no index
        shutil.rmtree(target)
    else:
        listed = {name for found in entry["languages"].values() for name in _listed(target / f"pagefind.{found['hash']}.pf_meta")}
        pagefind_kept.keep_only(site_dir, listed)
        entry[KEY] = pagefind_kept.key()  # last: the next build keeps the fragments only if it is there
        (target / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    shutil.rmtree(parts, ignore_errors=True)


def _entry(part: Path, code: str) -> dict:
    if not (part / ENTRY).is_file():
        raise PluginError(f"The search index of the '{code}' pages is missing: Pagefind did not finish it. Build again.")
    return json.loads((part / ENTRY).read_text(encoding="utf-8"))


def _listed(meta: Path) -> list[str]:
    if not meta.is_file():
        raise PluginError(f"The search index's list of pages ({meta.name}) is missing: Pagefind did not finish it. Build again.")
    try:
        return pagefind_kept.pages(meta)
    except Exception as exc:  # gzip, CBOR or shape: whatever this Pagefind writes, it is not what the site reads
        raise PluginError(f"The search index's list of pages ({meta.name}) could not be read ({exc}): this site reads "
                          "the files of Pagefind 1.x; install the version pyproject.toml names (pip install -e .).") from exc


def _move_into(part: Path, target: Path) -> None:
    """Every file of a language's index into the merged one (not through the link to the site's fragments). The
    scripts and the WebAssembly, which every run writes, are the same bytes in each (one Pagefind binary:
    `_check_same_run`), so the last one's stays; the other files are named for their language and content."""
    for folder, _, names in os.walk(part):
        into = os.path.join(target, os.path.relpath(folder, part))
        os.makedirs(into, exist_ok=True)
        for name in names:
            os.replace(os.path.join(folder, name), os.path.join(into, name))


def _check_same_run(entry: dict, found: dict, code: str) -> None:
    """The merged index must read as one run's: one version, one set of word characters, each language once."""
    twice = sorted(set(entry["languages"]) & set(found["languages"]))
    if twice:
        raise PluginError(f"Pagefind found pages in {', '.join(twice)} among the '{code}' pages as well as elsewhere: "
                          "each language's pages must say their own language in <html lang>.")
    for key in ("version", "include_characters"):
        if entry.get(key) != found.get(key):
            raise PluginError(f"The '{code}' search index differs from the others in '{key}'; build again.")
