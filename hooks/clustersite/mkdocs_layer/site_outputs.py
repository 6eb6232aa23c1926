"""Files made besides the pages: feeds and calendars, the 404 pages, the language sitemaps, the search index.

Writing thousands of small feed files waits on the disk, not on Python, so it
overlaps the next languages' builds and the search indexing; `finish_writing`,
last in the run, waits for it, and a failed write fails the build. Each language's
search index is made the same way, while the next languages are built.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig

from ..pages import feeds
from . import language_sitemaps, pagefind_kept, pagefind_languages, pagefind_search, site_folder, site_writes
from .build_state import BuildState


@dataclass
class SiteOutputs:
    """Work on the output folder that outlasts one language build."""

    writer: ThreadPoolExecutor | None = None  # writes one language's feeds at a time; made when first needed
    writing: list[Future] = field(default_factory=list)  # feeds being written (write_feeds)
    indexing: pagefind_search.PreviewIndex | None = None  # the preview's search index, made after the reload
    language_indexes: pagefind_languages.LanguageIndexes = field(default_factory=pagefind_languages.LanguageIndexes)
    saved_404: dict[str, bytes] = field(default_factory=dict)  # language -> its "page not found" page
    keeping: bool = False  # whether the last build's search-index fragments are kept (pagefind_kept.ready)

    def settle(self, state: BuildState) -> None:
        """Wait for the previous run's feed writes; stop its search indexing, which this run starts again."""
        self.finish_writing(state)
        if self.indexing is not None:
            self.indexing.stop()
            self.indexing = None

    def write_feeds(self, state: BuildState, config: MkDocsConfig, code: str) -> None:
        """Make the language's feeds and calendars; they are written while MkDocs builds on."""
        with state.timed("feeds"):
            outputs = feeds.feed_files(state.site, code, state.today, state.feed_folder(config, code), config.site_url or "")
        if self.writer is None:
            self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="feeds")
        self.writing.append(self.writer.submit(site_writes.write_files, outputs))

    def finish_writing(self, state: BuildState) -> None:
        """Wait for the feed writes; a failed write fails the build."""
        with state.timed("feeds: wait for writes"):
            pending, self.writing = self.writing, []
            for write in pending:
                write.result()

    def before_fork(self, state: BuildState) -> None:
        """Finish the feed writes and end the thread that made them: a thread must not run across fork()."""
        self.finish_writing(state)
        if self.writer is not None:
            self.writer.shutdown(wait=True)
            self.writer = None

    def keep_template(self, name: str, output: str, code: str) -> None:
        """Keep the language's 404 page as MkDocs writes it: every language build writes its own to /404.html."""
        if name == "404.html" and output.strip():
            self.saved_404[code] = output.encode("utf-8")

    def write_404s(self, state: BuildState, config: MkDocsConfig) -> None:
        """The default language's 404 page at /404.html (GitHub Pages serves it for every missing
        address), each other language's at /<code>/404.html, where assets/not-found.js finds it."""
        default = state.site.languages.default
        for code, content in self.saved_404.items():
            folder = Path(config.site_dir) / ("" if code == default else code)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "404.html").write_bytes(content)
        self.saved_404 = {}

    def write_language_sitemaps(self, state: BuildState, config: MkDocsConfig) -> None:
        """/<code>/sitemap.xml for each language but the default (language_sitemaps.py says why)."""
        language_sitemaps.write(config.site_dir, config.site_url, state.site.languages)

    def write_robots(self, config: MkDocsConfig) -> None:
        """robots.txt at the site's root, naming the sitemap (search pages carry their own noindex)."""
        sitemap = urljoin(config.site_url or "http://localhost/", "sitemap.xml")
        (Path(config.site_dir) / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n", encoding="utf-8")

    def index_language(self, state: BuildState, config: MkDocsConfig, code: str) -> None:
        """Start indexing the language's written pages for search (the preview indexes the whole site at the end)."""
        if state.serving:
            return
        languages = state.site.languages
        site_folder.sweep_pages(pagefind_languages.language_area(Path(config.site_dir), code, languages.codes, languages.default))
        glob = pagefind_languages.language_glob(Path(config.site_dir), code, languages.codes, languages.default)
        self.language_indexes.start(Path(config.site_dir), code, glob, language=languages.tag(code).lower(),
                                    since=site_folder.unchanged_before() if self.keeping else None)

    def ready_search_index(self, state: BuildState, config: MkDocsConfig) -> None:
        """Before the first language's search index is started: keep the last build's fragments, or none
        (pagefind_kept.ready; the preview makes its index anew after each reload)."""
        if not state.serving:
            self.keeping = pagefind_kept.ready(Path(config.site_dir), in_place=site_folder.unchanged_before() is not None)

    def finish_indexing(self, state: BuildState) -> None:
        """Wait for the languages this process indexes; a failed run fails the build."""
        with state.timed("search index"):
            self.language_indexes.wait()

    def stop_indexing(self) -> None:
        """The build failed: stop the languages' indexing."""
        self.language_indexes.stop()

    def index_search(self, state: BuildState, config: MkDocsConfig) -> None:
        """The site's search index: the languages' indexes merged, or in the preview one run after the reload.

        Last in the run, with every other file written, so the files of earlier builds that this one did not
        write are removed here (site_folder.py): after the languages' Pagefind runs, which read the folders; before
        the preview's, which reads the whole site.
        """
        if state.serving:
            site_folder.sweep(config.site_dir)
            self.indexing = pagefind_search.PreviewIndex(Path(config.site_dir))
            return
        self.finish_indexing(state)
        with state.timed("search index: merge"):
            codes = config.plugins["i18n"].build_languages
            pagefind_languages.merge(Path(config.site_dir), [code for code in state.site.languages.codes if code in codes])
        with state.timed("old files removed"):
            site_folder.sweep(config.site_dir, keep=(pagefind_search.FOLDER,))  # which the merge has tidied


OUTPUTS = SiteOutputs()  # one per process, shared by the two hook files
