"""Data and rendered pages, kept between the per-language builds of one run.

mkdocs-static-i18n builds the site once per language, calling every event again,
and `mkdocs serve` rebuilds on each edit. `BuildState` loads and checks data/
once per change of its files and renders each language's pages when its build
asks for them (`virtual_files`, `site_outputs`, `theme_context`). Outside the
preview, a language's Markdown is handed to its build and forgotten here: at
10,000 pages each language's is tens of megabytes, and MkDocs reads it once.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..data.loading import data_files, load_site
from ..data.problems import Problems, summary
from ..data.site_data import Languages, SiteData
from ..pages.catalogue_words import required_words
from ..pages.derived_languages import derive_languages
from ..pages.page_builders import pages_for_language
from ..pages.templating import GeneratedPage
from . import branding, i18n_languages
from .i18n_languages import suffixed
from .page_dates import PendingDates, page_lastmod

log = get_plugin_logger("clustersite")

BUILD_DATE_VARIABLE = "SITE_BUILD_DATE"


def build_date() -> date:
    """Today, or the date in SITE_BUILD_DATE (YYYY-MM-DD), so that tests can fix it."""
    value = os.environ.get(BUILD_DATE_VARIABLE, "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PluginError(f"{BUILD_DATE_VARIABLE}={value!r} is not a date; write it as YYYY-MM-DD.") from None


@dataclass
class BuildState:
    """Data and pages, kept between the per-language builds of one run."""

    fingerprint: tuple | None = None
    site: SiteData | None = None
    problems: Problems = field(default_factory=Problems)
    today: date = field(default_factory=date.today)
    pages: dict[str, list[GeneratedPage]] = field(default_factory=dict)  # language -> pages (hand_over forgets them)
    previous: dict[str, str] = field(default_factory=dict)  # src_uri -> Markdown the last run built
    last_run_failed: bool = False  # the preview: some of the last run's pages may not be written (preview_handback)
    root_url: str = ""  # site_url of the default language's build: files under docs/ are published there once
    serving: bool = False  # `mkdocs serve`: pages render in-process, search is indexed after the reload
    dates: PendingDates | None = None  # when each data/ and docs/ file was last committed, asked of git (page_dates)
    timings: Counter = field(default_factory=Counter)  # seconds spent per step, for benchmarks/build_benchmark.py
    _names: tuple[tuple[str, ...], frozenset[str]] | None = None  # the generated pages' src_uri, in order and as a set

    @contextmanager
    def timed(self, step: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[step] += time.perf_counter() - start

    def prepare(self, config: MkDocsConfig) -> Languages:
        """Check the configuration, then load data/ if any of its files changed (once per run: the default
        language's build loads it, the other languages' builds inside it use what it loaded)."""
        languages = i18n_languages.from_mkdocs(config)
        branding.check(config)
        if inner_build(config):
            return languages
        self.root_url = config.site_url or ""
        root = Path(config.config_file_path).parent
        data_dir = root / "data"
        today = build_date()
        if self.dates is not None:
            self.dates.discard()  # the last run's, if nothing read it
        self.dates = PendingDates(root, today)  # git answers while data/ loads
        # Not the site names: static-i18n sets config.site_name to each language's in turn.
        same_languages = (languages.codes, languages.default, languages.html_lang)
        fingerprint = (_fingerprint(data_dir), _files_fingerprint(root / "docs"), same_languages, today)
        if self.site is not None:
            # What the last run built: `mkdocs serve --dirty` rebuilds only the pages that differ from it.
            self.previous = {} if self.last_run_failed else self.contents()
        self.last_run_failed = False
        # A file saved while the other languages build waits for the next run (`mkdocs serve` starts one),
        # or `previous` would name pages never built.
        if fingerprint != self.fingerprint:
            with self.timed("load and validate"):
                self.site, self.problems = load_site(data_dir, languages, root, words=required_words())
                if self.site is not None:
                    derive_languages(self.site)  # sr-cyrl from sr, before any page is rendered
            if self.site is not None:
                self.site.site_url = config.site_url or ""
            self.today, self.pages, self._names, self.fingerprint = today, {}, None, fingerprint
            for warning in self.problems.warnings:
                log.warning(str(warning))
            for note in self.problems.notes:  # texts not yet translated: listed, not fatal (data/site.yaml `translations`)
                log.info(str(note))
            if self.site is None and self.serving:
                log.error(_not_built(self.problems))  # and the preview shows them in the browser (preview_errors)
        if self.site is None and not self.serving:
            raise PluginError(_not_built(self.problems))
        return languages

    def pages_in(self, code: str) -> list[GeneratedPage]:
        """The language's generated pages, rendered when first asked for."""
        if code not in self.pages:
            with self.timed("render pages"):
                self.pages[code] = pages_for_language(self.site, code, self.today)
        return self.pages[code]

    def contents(self, *codes: str) -> dict[str, str]:
        """Generated Markdown by suffixed src_uri, for the languages given (all if none)."""
        default = self.site.languages.default
        return {suffixed(p.src_uri, code, default): p.markdown
                for code in codes or self.site.languages.codes for p in self.pages_in(code)}

    def hand_over(self, code: str) -> dict[str, str]:
        """The language's generated Markdown by suffixed src_uri, for its build's files to hold.

        Outside the preview it is then forgotten here, and asked for again only by another
        run with the same data; the preview keeps every language's (`previous`).
        """
        contents = self.contents(code)
        self.check_same_pages(tuple(page.src_uri for page in self.pages_in(code)), f"the '{code}' pages")
        if not self.serving:
            self.pages.pop(code, None)
        return contents

    def names(self, code: str | None = None) -> tuple[str, ...]:
        """The generated pages' language-neutral src_uri, in order. Every language has the same pages, so they are
        named by a language already rendered, else by `code` (the language being built, rendered for its build
        anyway: a process that builds other languages than the default one does not render it for the names)."""
        return self._named(code)[0]

    def _named(self, code: str | None = None) -> tuple[tuple[str, ...], frozenset[str]]:
        if self._names is None:
            named_by = next(iter(self.pages), None) or code or self.site.languages.default
            names = tuple(page.src_uri for page in self.pages_in(named_by))
            self._names = (names, frozenset(names))
        return self._names

    def check_same_pages(self, names: tuple[str, ...], which: str) -> None:
        """Every language has the same generated pages, named in `names` (this process's): others' names must match."""
        if tuple(names) != self.names():
            raise PluginError(f"The generated pages differ between languages ({which} against this process's); their "
                              "files would be named wrongly. This is a bug in hooks/clustersite/pages.")

    def names_in(self, code: str) -> set[str]:
        """The generated pages' src_uri in the language, as its build's files are named."""
        default = self.site.languages.default
        return {suffixed(name, code, default) for name in self.names()}

    def source_dates(self) -> dict[str, date]:
        """data/ and docs/ files -> the day of their last commit; read before fork(): the children share git's pipes."""
        return self.dates.result() if self.dates is not None else {}

    def lastmod(self, src_uri: str) -> str:
        """The sitemap's <lastmod> of a page (YYYY-MM-DD), or '' when its sources have no known date."""
        day = page_lastmod(src_uri, self.site, self.source_dates(), self._named()[1])
        return day.isoformat() if day else ""

    def feed_folder(self, config: MkDocsConfig, code: str) -> Path:
        return Path(config.site_dir) / ("" if code == self.site.languages.default else code)

    def translation_summary(self) -> str:
        counts = {code: 0 for code in self.site.languages.written}
        for problem in self.problems.untranslated:
            for code in problem.missing_languages:
                counts[code] += 1
        parts = ", ".join(f"{code}: {n} missing" for code, n in counts.items())
        problems = self.problems
        return f"Translations: {parts}. {summary(len(problems.errors), len(problems.warnings), len(problems.notes))}"


def _not_built(problems: Problems) -> str:
    return "The site was not built, because data/ has mistakes:\n" + problems.report()


STATE = BuildState()  # one per process, shared by the two hook files


def inner_build(config: MkDocsConfig) -> bool:
    """Whether this is one of the language builds static-i18n runs inside the default language's."""
    plugin = config.plugins.get("i18n")
    return bool(getattr(plugin, "building", False))


def _fingerprint(data_dir: Path) -> tuple:
    stats = []
    for path, _ in data_files(data_dir):
        stat = path.stat()
        stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    listing = tuple(sorted(str(p) for p in data_dir.rglob("*"))) if data_dir.exists() else ()
    return tuple(stats), listing


def _files_fingerprint(docs_dir: Path) -> tuple:
    """The files under docs/ other than pages: data/ measures pictures and documents there (sizes, digests)."""
    if not docs_dir.exists():
        return ()
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in docs_dir.rglob("*")
                        if p.is_file() and p.suffix != ".md"))
