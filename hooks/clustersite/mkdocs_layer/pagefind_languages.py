"""The built site's search index, made one language at a time and merged into one.

Each language's pages are indexed as soon as they are written, by a Pagefind run of
their own, while the build goes on with the other languages. One run over the whole
site holds every language's index in memory at once (535 MB at 10,000 pages); a run
per language holds one. The runs write the same files the whole-site run does: the
index and fragment files are named for their content, the scripts and the WebAssembly
are the binary's own. Only pagefind-entry.json, which lists the languages, is merged.
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

from .pagefind_search import FOLDER, SIDE_FOLDERS, command, failure

PARTS = "pagefind.parts"  # each language's index while it is made: pagefind.parts/<code>/
ENTRY = "pagefind-entry.json"  # the list of languages the search scripts read first
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
    process: subprocess.Popen
    output: IO[bytes]  # what Pagefind says; a file, not a pipe, since nobody reads it while it runs
    owner: int  # the process that started it: a forked child inherits the list, not the runs


@dataclass
class LanguageIndexes:
    """The Pagefind runs of one build, one per language."""

    runs: list[_Run] = field(default_factory=list)

    def start(self, site_dir: Path, code: str, glob: str) -> None:
        """Index the language's pages into pagefind.parts/<code>/, while the build goes on."""
        folder = f"{PARTS}/{code}"
        shutil.rmtree(site_dir / folder, ignore_errors=True)
        output = tempfile.TemporaryFile()
        process = subprocess.Popen([*command(site_dir, folder), "--glob", glob], stdout=output, stderr=subprocess.STDOUT)
        self.runs.append(_Run(code, process, output, os.getpid()))

    def wait(self) -> None:
        """Wait for the runs this process started; a failed one fails the build."""
        mine, self.runs = self._mine(), []
        for number, run in enumerate(mine):
            try:
                run.process.wait(timeout=300)
            except subprocess.TimeoutExpired:
                run.process.kill()
                run.process.wait()
            run.output.seek(0)
            said = run.output.read().decode("utf-8", "replace").strip()
            run.output.close()
            if run.process.returncode != 0:
                _stop(mine[number + 1:])
                raise PluginError(failure(f"the '{run.code}' pages", said or f"exit status {run.process.returncode}"))

    def stop(self) -> None:
        """The build failed: end the runs this process started."""
        mine, self.runs = self._mine(), []
        _stop(mine)

    def _mine(self) -> list[_Run]:
        return [run for run in self.runs if run.owner == os.getpid()]


def index_site(site_dir: Path, codes: list[str], default: str) -> None:
    """Index a finished site one language after another, and merge: the same index, made after the build."""
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
    """Move the languages' indexes, in the order of `codes`, into the one folder the pages load."""
    parts, target = site_dir / PARTS, site_dir / FOLDER
    shutil.rmtree(target, ignore_errors=True)
    entry: dict | None = None
    for code in codes:
        part = parts / code
        if not (part / ENTRY).is_file():
            raise PluginError(f"The search index of the '{code}' pages is missing: Pagefind did not finish it. Build again.")
        found = json.loads((part / ENTRY).read_text(encoding="utf-8"))
        if entry is None:
            part.rename(target)
            entry = found
            continue
        _check_same_run(entry, found, code)
        entry["languages"].update(found["languages"])
        _move_into(part, target)
    if entry is not None:
        (target / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    shutil.rmtree(parts, ignore_errors=True)


def _move_into(part: Path, target: Path) -> None:
    """Every file of a language's index into the merged one. The scripts and the WebAssembly, which every run
    writes, are the same bytes in each (one Pagefind binary: `_check_same_run`), so the last one's stays; the
    other files are named for their language and content."""
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
