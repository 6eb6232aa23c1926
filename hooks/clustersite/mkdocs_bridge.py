"""What the MkDocs hooks need, kept out of the hook file so that it stays thin.

mkdocs-static-i18n builds the site once per language, calling every event again,
and `mkdocs serve` rebuilds on each edit. `BuildState` loads and checks data/
once per change of its files and renders every language's pages once, then hands
them to each language build.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from . import background_render, feeds, languages_config, search, site_chrome
from .emblem import eu_emblem_svg
from .loading import data_files, load_site
from .pages import GeneratedPage, home_overview, pages_for_language
from .problems import Problems, summary
from .site_data import Languages, SiteData
from .text import inline_markdown

log = get_plugin_logger("clustersite")

HOME_MARKER = "<!-- clustersite:home-overview -->"
DISCLAIMER_MARKER = "<!-- clustersite:disclaimer -->"
BUILD_DATE_VARIABLE = "SITE_BUILD_DATE"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


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
    pages: dict[str, list[GeneratedPage]] = field(default_factory=dict)  # language -> pages
    rendering: dict[str, Future] = field(default_factory=dict)  # languages a worker process renders (background_render)
    feed_files: dict[str, dict[Path, bytes]] = field(default_factory=dict)  # language -> feeds the worker made
    generated_files: tuple[tuple, list[File]] = ((), [])  # (what they were made for, the File objects)
    previous: dict[str, str] = field(default_factory=dict)  # src_uri -> Markdown before the last data change
    saved_404: dict[str, bytes] = field(default_factory=dict)  # language -> its "page not found" page
    short_names: dict[str, str] = field(default_factory=dict)  # language -> site name for small screens
    serving: bool = False  # `mkdocs serve`: search is indexed after the reload, not before
    indexing: threading.Thread | None = None
    writing: list[Future] = field(default_factory=list)  # feeds being written (write_feeds)
    timings: Counter = field(default_factory=Counter)  # seconds spent per step, for benchmarks/build_benchmark.py

    @contextmanager
    def timed(self, step: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[step] += time.perf_counter() - start

    # --- on_config -----------------------------------------------------------

    def prepare(self, config: MkDocsConfig) -> Languages:
        """Check the configuration, then load data/ if any of its files changed."""
        if not _inner_build(config):
            self.finish_writing()  # the previous run's feeds, in `mkdocs serve`
        if self.indexing is not None:
            self.indexing.join()  # the previous preview build's search index, still being written
            self.indexing = None
        languages = languages_config.from_mkdocs(config)
        self.short_names, problems = site_chrome.short_names(config.extra.get("short_name"), languages.codes)
        if problems:
            raise PluginError("\n".join(problems))
        colour = (config.extra.get("brand") or {}).get("primary", "")
        if colour and not _COLOUR.match(str(colour)):
            raise PluginError(f"mkdocs.yml: extra.brand.primary is {colour!r}; write a colour as #RRGGBB, such as #003399.")
        root = Path(config.config_file_path).parent
        data_dir = root / "data"
        today = build_date()
        fingerprint = (_fingerprint(data_dir), languages, today)
        if fingerprint != self.fingerprint:
            self.previous = self._contents() if self.site is not None else {}
            with self.timed("load and validate"):
                self.site, self.problems = load_site(data_dir, languages, root)
            self.today, self.pages, self.feed_files, self.rendering, self.fingerprint = today, {}, {}, {}, fingerprint
            for warning in self.problems.warnings:
                log.warning(str(warning))
            if self.site is not None and not self.serving:
                others = [code for code in languages.codes if code != languages.default]
                folders = {code: self._feed_folder(config, code) for code in others}
                with self.timed("render pages"):  # templates compiled and maps read before the fork
                    self.rendering = background_render.start(self.site, others, today, folders, config.site_url or "")
        if self.site is None:
            raise PluginError("The site was not built, because data/ has mistakes:\n" + self.problems.report())
        return languages

    # --- pages -----------------------------------------------------------------

    def pages_in(self, code: str) -> list[GeneratedPage]:
        if code not in self.pages and code in self.rendering:
            with self.timed("render pages: wait for the worker"):
                self.pages[code], self.feed_files[code], seconds = self.rendering.pop(code).result()
            self.timings["render pages in the worker process (CPU)"] += seconds
        if code not in self.pages:
            with self.timed("render pages"):
                self.pages[code] = pages_for_language(self.site, code, self.today)
        return self.pages[code]

    def add_generated_files(self, files: Files, config: MkDocsConfig) -> None:
        """Add every language's generated pages, named with language suffixes for static-i18n.

        Every language has the same pages, so the default language's list names them
        all; static-i18n needs the other languages' files only to link to them.
        Each gets an `abs_src_path` inside docs/ where no file exists: static-i18n
        keeps only files under docs_dir. `attach_content` gives the current
        language's files their text after static-i18n has rebuilt the File objects.
        """
        languages = self.site.languages
        pages = self.pages_in(languages.default)
        with self.timed("add files"):
            # static-i18n makes its own File objects from these and leaves them unchanged,
            # so the four language builds of one run share one set.
            key = (id(pages), config.docs_dir, config.site_dir, config.use_directory_urls)
            if self.generated_files[0] != key:
                made = []
                for code in languages.codes:
                    for page in pages:
                        src_uri = _suffixed(page.src_uri, code, languages.default)
                        file = File.generated(config, src_uri, content="", inclusion=_inclusion(page.src_uri))
                        file.abs_src_path = os.path.join(config.docs_dir, src_uri)
                        made.append(file)
                self.generated_files = (key, made)
            for file in self.generated_files[1]:
                files.append(file)

    def attach_content(self, files: Files, config: MkDocsConfig, code: str) -> None:
        with self.timed("attach content"):
            self._attach_content(files, code)

    def _attach_content(self, files: Files, code: str) -> None:
        contents = self._contents(code)
        for file in files:
            content = contents.get(file.src_uri)
            if content is not None:
                file.content_string = content
                # `mkdocs serve --dirty` rebuilds only modified pages; a generated page is modified
                # when its Markdown differs from before the last change in data/.
                unchanged = self.previous.get(file.src_uri) == content
                file.is_modified = lambda unchanged=unchanged: not unchanged

    def _contents(self, *codes: str) -> dict[str, str]:
        """Generated Markdown by suffixed src_uri, for the languages given (all if none)."""
        languages = self.site.languages
        return {_suffixed(p.src_uri, code, languages.default): p.markdown
                for code in codes or languages.codes for p in self.pages_in(code)}

    def fill_markers(self, markdown: str, code: str) -> str:
        """Put generated parts where staff pages ask for them with a marker comment."""
        if HOME_MARKER in markdown:
            markdown = markdown.replace(HOME_MARKER, home_overview(self.site, code, self.today))
        if DISCLAIMER_MARKER in markdown:
            disclaimer = self.site.site.funding.disclaimer.get_in(code, self.site.languages.default)[0]
            markdown = markdown.replace(DISCLAIMER_MARKER, inline_markdown(disclaimer))
        return markdown

    # --- theme -------------------------------------------------------------------

    def theme_globals(self, code: str, config: MkDocsConfig) -> dict:
        """What the theme overrides show: the footer's funding line, the short site name and the 404 page."""
        languages = self.site.languages
        words = self.site.catalogue.words
        prefix = "" if code == languages.default else f"{code}/"
        return {
            "statement": self.site.site.funding.statement.get_in(code, languages.default)[0],
            "emblem": eu_emblem_svg(words["emblem_alt"][code]),
            "language": code,
            "search_path": f"{prefix}search/",
            "feed_path": f"{prefix}feed.xml",
            "feed_title": words["feed"][code],
            "links": [(words[key][code], f"{prefix}{key.replace('_notice', '')}/") for key in ("legal_notice", "privacy", "accessibility")],
            "html_lang": {c: languages.tag(c) for c in languages.codes},
            "absolute": absolute_url,
            "default_language": languages.default,
            "not_found": site_chrome.not_found(self.site, code, config.site_url or ""),
            "short_name": self.short_names.get(code, config.site_name),
        }

    # --- on_post_build -------------------------------------------------------------

    def write_feeds(self, config: MkDocsConfig, code: str) -> None:
        """Make the language's feeds and calendars; they are written while MkDocs builds on.

        Writing thousands of small files waits on the disk, not on Python, so it
        overlaps the next languages' builds and the search indexing. `finish_writing`,
        last in the run, waits for it, and a failed write fails the build.
        """
        with self.timed("feeds"):
            self.pages_in(code)  # the worker process that rendered the language made its feeds too
            outputs = self.feed_files.pop(code, None)
            if outputs is None:
                outputs = feeds.feed_files(self.site, code, self.today, self._feed_folder(config, code), config.site_url or "")
        self.writing.append(_WRITER.submit(feeds.write_files, outputs))

    def _feed_folder(self, config: MkDocsConfig, code: str) -> Path:
        return Path(config.site_dir) / ("" if code == self.site.languages.default else code)

    def finish_writing(self) -> None:
        with self.timed("feeds: wait for writes"):
            pending, self.writing = self.writing, []
            for write in pending:
                write.result()

    def keep_404(self, config: MkDocsConfig, code: str) -> None:
        """Keep the language's 404 page: every language build writes its own to the same /404.html."""
        path = Path(config.site_dir) / "404.html"
        if path.exists():
            self.saved_404[code] = path.read_bytes()

    def write_404s(self, config: MkDocsConfig) -> None:
        """The default language's 404 page at /404.html (GitHub Pages serves it for every missing
        address), each other language's at /<code>/404.html, where assets/not-found.js finds it."""
        default = self.site.languages.default
        for code, content in self.saved_404.items():
            folder = Path(config.site_dir) / ("" if code == default else code)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "404.html").write_bytes(content)
        self.saved_404 = {}

    def index_search(self, config: MkDocsConfig) -> None:
        """Build the Pagefind index of the whole site; it splits it by each page's <html lang>."""
        if self.serving:
            self.indexing = search.index_in_background(Path(config.site_dir))
            return
        with self.timed("search index"):
            search.index(Path(config.site_dir))

    def translation_summary(self) -> str:
        counts = {code: 0 for code in self.site.languages.codes}
        for warning in self.problems.warnings:
            for code in warning.missing_languages:
                counts[code] += 1
        parts = ", ".join(f"{code}: {n} missing" for code, n in counts.items())
        return f"Translations: {parts}. {summary(len(self.problems.errors), len(self.problems.warnings))}"


def absolute_url(link: str, site_url: str | None) -> str:
    """A link as static-i18n gives it (`sr/x/`, `/repo/sr/`, or absolute) made absolute."""
    site_url = site_url or "http://localhost/"
    if link.startswith(("http://", "https://")):
        return link
    if link.startswith("/"):
        return urljoin(site_url, link)
    return urljoin(site_url, "" if link in (".", "./") else link)


STATE = BuildState()  # one per process, shared by the two hook files
_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="feeds")  # one language's files at a time


def _inner_build(config: MkDocsConfig) -> bool:
    """Whether this is one of the language builds static-i18n runs inside the default language's."""
    plugin = config.plugins.get("i18n")
    return bool(getattr(plugin, "building", False))


def _suffixed(src_uri: str, code: str, default: str) -> str:
    if code == default:
        return src_uri
    stem, extension = src_uri.rsplit(".", 1)
    return f"{stem}.{code}.{extension}"


def _inclusion(src_uri: str) -> InclusionLevel:
    """Index pages may be in the nav; single items are listed on index pages, and search is in the header."""
    if src_uri.endswith("index.md") or src_uri == "labels.md":
        return InclusionLevel.UNDEFINED
    return InclusionLevel.NOT_IN_NAV


def _fingerprint(data_dir: Path) -> tuple:
    stats = []
    for path, _ in data_files(data_dir):
        stat = path.stat()
        stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    listing = tuple(sorted(str(p) for p in data_dir.rglob("*"))) if data_dir.exists() else ()
    return tuple(stats), listing
