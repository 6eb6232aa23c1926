"""In the preview, an edit of a page in docs/ rebuilds only the languages that show that page.

`mkdocs serve --dirty` runs every language's build after any edit; MkDocs then renders
only the changed pages, so four of five builds do nothing but set up, and the browser
waits for all five before it reloads. When every file changed since the last build is a
page of docs/ that was there before and still is, only the languages that show one of
those pages are built: the page's own language, a language made from it (Serbian in
Cyrillic from Serbian) without a page of its own, and, for a page of the default
language, every language that falls back to it. Any other change (data/, mkdocs.yml,
the theme's overrides, a `watch:` folder, a page added or removed, or none found) builds
every language, as before. The languages not built keep their pages of the last build,
which the edit did not change.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig

from ..data.site_data import Languages

Snapshot = dict[str, tuple[int, int]]  # path -> (modification time in ns, size)


def snapshot(paths: Iterable[str]) -> Snapshot:
    """Every file under the paths (a path may be a file), as it is now."""
    found: Snapshot = {}
    for path in paths:
        if os.path.isfile(path):
            status = os.stat(path)
            found[path] = (status.st_mtime_ns, status.st_size)
            continue
        for folder, _, names in os.walk(path):
            for name in names:
                full = os.path.join(folder, name)
                try:
                    status = os.stat(full)
                except OSError:  # removed while listed
                    continue
                found[full] = (status.st_mtime_ns, status.st_size)
    return found


def shown_in(page: str, pages: set[str], languages: Languages, fallback: bool) -> set[str] | None:
    """The languages that show a page of docs/ (a path inside it, such as `legal.sr.md`); None if it is no page."""
    stem, _, extension = page.rpartition(".")
    if extension != "md" or not stem:
        return None
    base, _, code = stem.rpartition(".")
    if not base or code not in languages.codes:
        base, code = stem, languages.default
    shown = set()
    for language in languages.codes:
        own = f"{base}.md" if language == languages.default else f"{base}.{language}.md"
        source = languages.derived.get(language)
        if own in pages:
            chosen = own
        elif source is not None and f"{base}.{source}.md" in pages:
            chosen = f"{base}.{source}.md"  # made from its source language's page (derived_docs)
        else:
            chosen = f"{base}.md" if fallback else None  # static-i18n shows the default language's page
        if chosen == page:
            shown.add(language)
    return shown


def languages_to_build(before: Snapshot, after: Snapshot, docs_dir: str, languages: Languages,
                       fallback: bool) -> set[str] | None:
    """The languages an edit can change, if every changed file is an existing page of docs/; else None (all)."""
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    if not changed:
        return None  # a change the snapshot does not cover, or none: build all, as MkDocs asked
    folder = os.path.join(docs_dir, "")
    pages = {path[len(folder):] for path in after if path.startswith(folder)}
    wanted: set[str] = set()
    for path in changed:
        if path not in before or path not in after or not path.startswith(folder):
            return None
        shown = shown_in(path[len(folder):], pages, languages, fallback)
        if shown is None:
            return None
        wanted |= shown
    return wanted | {languages.default}  # MkDocs' own build, static-i18n's loop builds the others


@dataclass
class PreviewLanguages:
    """What `mkdocs serve --dirty` saw at the start of its last build, and each language's site map from it."""

    enabled: bool = False  # `mkdocs serve --dirty`: a language not built keeps its pages
    last: Snapshot | None = None  # at the start of the last build that finished: a failed one may have built less
    pending: Snapshot | None = None  # at the start of this build
    site_maps: dict[str, str] = field(default_factory=dict)  # language -> its part of sitemap.xml, as last built

    def to_build(self, config: MkDocsConfig, languages: Languages) -> set[str] | None:
        """At the start of a build: the languages to build, or None for all."""
        if not self.enabled:
            return None
        plugin = config.plugins["i18n"]
        watched = [config.docs_dir, config.config_file_path, *(config.watch or [])]
        if config.theme.custom_dir:
            watched.append(config.theme.custom_dir)
        self.pending = snapshot(path for path in watched if path and os.path.exists(path))
        if self.last is None:
            return None
        return languages_to_build(self.last, self.pending, config.docs_dir, languages,
                                  bool(plugin.config.fallback_to_default))

    def may_fork(self) -> bool:
        """Whether this rebuild may build languages in other processes, as a build does (language_processes).

        Not the first build: the languages' kept state (Jinja environments, static-i18n's
        files) stays with this process, and every child starts from it. Only on Linux:
        the server's threads run on beside fork(), and a lock one of them holds at that
        moment stays held in the child. The child runs only the languages' builds and
        exits; of the locks it takes, the logging module's are reset by Python in a forked
        child, and writing to stderr did not hang in 300 forks beside a thread writing to it
        without pause. macOS forbids some system libraries after fork() beside threads.
        """
        return self.enabled and self.last is not None and sys.platform == "linux"

    def whole_site_map(self, built: list[str], parts: list[str], order: Iterable[str]) -> list[str]:
        """At the end of a build: the site map's parts for every language, those just built and the last of the others."""
        self.site_maps.update(zip(built, parts, strict=True))
        self.last = self.pending
        return [self.site_maps[code] for code in order if code in self.site_maps]


PREVIEW = PreviewLanguages()  # one per process
