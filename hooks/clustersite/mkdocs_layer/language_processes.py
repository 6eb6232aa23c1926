"""The languages' builds spread over several processes, from one load of data/.

static-i18n builds the default language, then, in its `on_post_build`, calls MkDocs' `build()` for each other
language, one after another. `start` runs as soon as the default language's build has loaded and checked data/
and readied the site folder (its `on_files`): it forks child processes that each run static-i18n's own loop for
a run of the other languages and exit, while this process goes on with the default language and then its own
run. In every process the loop's `build` call goes through `_Share`, which builds that process's languages and
skips the others. `join`, after the loop, collects what only one process may write: the page guard's findings,
the 404 pages, the site map; and checks that each process named the same generated pages.

How many processes, and which languages each builds: language_shares.

The objects that exist at fork() are frozen for it (`gc.freeze`): a child's collector would otherwise walk them all,
writing to every memory page they are on, which then has to be copied (7 % of the CPU time of 10,000 pages).

A child's failure fails the build with the child's message. With one core, without fork(), or with
CLUSTERSITE_PROCESSES=1, nothing is forked and static-i18n builds every language in this process, as it would
without this. `mkdocs serve --dirty` forks only where `PREVIEW.may_fork` says (its rebuilds after an edit of data/
or the theme; an edit of docs/ builds only the languages that show the page, here), and takes back what each child
kept for the next rebuild to compare with (preview_handback).
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import resource
import signal
import sys
import threading
import warnings
from collections import Counter
from dataclasses import dataclass, field

import mkdocs.commands.build
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from . import child_results, kept_pages, preview_handback, sitemap_parts
from .build_state import BuildState
from .language_shares import PROCESSES_VARIABLE, process_count, shares
from .page_guard import GUARD
from .preview_languages import PREVIEW
from .site_outputs import SiteOutputs

log = get_plugin_logger("clustersite")
# Python 3.12+ warns of fork() in a process with threads: the preview's server has them (PREVIEW.may_fork says why
# its children are safe); a build forks only without them.
warnings.filterwarnings("ignore", message=r".*use of fork\(\) may lead to deadlocks", category=DeprecationWarning)

_CHANGED = ("mkdocs-static-i18n no longer builds the other languages the way this site relies on ({}); "
            f"build with {PROCESSES_VARIABLE}=1, which leaves the languages to static-i18n alone.")


class _Share:
    """static-i18n's `build` for one process: builds its languages, notes every language the loop asks for."""

    def __init__(self, plugin, codes: list[str], on_failure) -> None:
        self.module = sys.modules[type(plugin).__module__]
        self.original = getattr(self.module, "build", None)
        if self.original is not mkdocs.commands.build.build:
            raise PluginError(_CHANGED.format("its plugin module calls no `build`"))
        self.plugin, self.codes, self.on_failure, self.asked = plugin, codes, on_failure, []
        self.module.build = self

    def __call__(self, config: MkDocsConfig, *args, **kwargs) -> None:
        code = self.plugin.current_language
        self.asked.append(code)
        if code in self.codes:
            try:
                self.original(config, *args, **kwargs)
            except BaseException:
                self.on_failure()
                raise

    def restore(self) -> None:
        self.module.build = self.original


@dataclass
class _Child:
    pid: int
    reader: int  # the pipe its result comes through
    codes: list[str]


@dataclass
class LanguageProcesses:
    """The child processes of one build (or preview rebuild), and what this process captured for `join`."""

    children: list[_Child] = field(default_factory=list)
    share: _Share | None = None
    expected: list[str] = field(default_factory=list)  # the languages static-i18n's loop should ask for, in order
    sitemaps: list[str] = field(default_factory=list)  # the site map of each language this process built, in order
    timestamp: int = 0  # of the last language built here: MkDocs dates sitemap.xml.gz with it
    peaks_kb: dict[str, int] = field(default_factory=dict)  # processes' languages -> their peak memory (ru_maxrss)

    def keep_template(self, name: str, output: str, *, first: bool) -> None:
        """Note the language's site map as rendered (`first` in a run); MkDocs writes it, then `join` writes the whole one."""
        if name == "sitemap.xml":
            self.sitemaps = [*([] if first else self.sitemaps), output]

    def language_built(self, config: MkDocsConfig, code: str) -> None:
        """The language is written: static-i18n may forget its pages, and the next site map lists the next language only."""
        files = config.plugins["i18n"].i18n_files_per_language.get(code, ())
        self.timestamp = utils.get_build_timestamp(pages=[f.page for f in files if f.page is not None])
        kept_pages.release(config, code)

    def start(self, config: MkDocsConfig, state: BuildState, outputs: SiteOutputs) -> None:
        """As the default language's build starts on its files: fork a process for each run of languages but the
        first. The preview builds only the languages an edit of docs/ can change, here, and forks only where
        `PREVIEW.may_fork` says (preview_languages)."""
        plugin = config.plugins["i18n"]
        self.expected = [code for code in plugin.build_languages if code != plugin.current_language]
        runs = shares([plugin.current_language, *self.expected], process_count(1 + len(self.expected)))
        outputs.before_fork(state)  # no feed-writing thread may run across fork()
        if state.serving:
            wanted = PREVIEW.to_build(config, state.site.languages)
            if wanted is not None:  # an edit of pages in docs/: the other languages keep theirs
                self.share = _Share(plugin, [code for code in self.expected if code in wanted], lambda: None)
            if wanted is not None or not PREVIEW.may_fork():
                return
        elif threading.active_count() > 1:
            return
        if len(runs) < 2 or not hasattr(os, "fork"):
            return
        self.share = _Share(plugin, runs[0][1:], self.abandon)
        state.source_dates()  # git's answer, read before fork(): a child would share the pipes it comes through
        gc.freeze()  # left out of the children's collections; this process collects them again after
        try:
            for codes in runs[1:]:
                reader, writer = os.pipe()
                pid = os.fork()
                if pid == 0:
                    try:
                        os.setpgid(0, 0)  # a group of its own, with the Pagefind runs it starts: `_stop` ends them all
                        os.close(reader)
                        self._child(config, state, outputs, codes, writer)  # does not return
                    finally:
                        os._exit(1)  # nor does anything that escapes it go on with this process's build
                os.close(writer)
                with contextlib.suppress(OSError):  # also here, so that it is so before either goes on
                    os.setpgid(pid, pid)
                self.children.append(_Child(pid, reader, codes))
        finally:
            gc.unfreeze()
        log.debug(f"Languages built here: {', '.join(runs[0])}; in other processes: "
                  + "; ".join(", ".join(child.codes) for child in self.children))

    def _child(self, config: MkDocsConfig, state: BuildState, outputs: SiteOutputs, codes: list[str], writer: int) -> None:
        status, plugin = 1, config.plugins["i18n"]
        try:
            for sibling in self.children:
                os.close(sibling.reader)
            self.children, self.sitemaps = [], []
            GUARD.findings, outputs.saved_404, state.timings = {}, {}, Counter()
            self.share.restore()
            self.share = _Share(plugin, codes, lambda: None)
            plugin.on_post_build(config)  # static-i18n's own loop, building `codes`
            _check_asked(self.share.asked, self.expected)
            outputs.finish_writing(state)
            outputs.finish_indexing(state)
            result = {"findings": GUARD.findings, "404": outputs.saved_404, "sitemaps": self.sitemaps,
                      "timings": state.timings, "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      "preview": preview_handback.taken(state, codes), "names": state.names()}
            status = 0
        except BaseException as exc:  # sent to the parent, which fails the build with it
            result = {"error": child_results.described(exc, plugin.current_language)}
        try:
            if not child_results.send(writer, result, plugin.current_language):
                status = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)

    def join(self, config: MkDocsConfig, state: BuildState, outputs: SiteOutputs) -> None:
        """After static-i18n's loop: wait for the children, take in what they found, write the whole site map."""
        parts, self.sitemaps = self.sitemaps, []
        here, children = self.share, self.children
        built = self.expected if here is None else [*here.codes, *(code for child in children for code in child.codes)]
        if here is not None:
            self._take_in_children(state, outputs, parts)  # their site maps follow this process's, as in `built`
        if state.serving and state.site is not None:  # maybe not every language (preview_languages)
            parts = PREVIEW.whole_site_map([state.site.languages.default, *built], parts, state.site.languages.codes)
        if len(parts) > 1:
            sitemap_parts.write(config.site_dir, parts, self.timestamp)

    def _take_in_children(self, state: BuildState, outputs: SiteOutputs, parts: list[str]) -> None:
        share, children, self.share, self.children = self.share, self.children, None, []
        share.restore()
        results = []
        try:
            for child in children:
                reader, child.reader = child.reader, -1  # `received` closes it, even when interrupted
                results.append((child, child_results.received(child.pid, reader, child.codes)))
        except BaseException:  # interrupted (Ctrl+C) while waiting: the others would go on writing into the site
            _stop(children[len(results):])
            raise
        _check_asked(share.asked, self.expected)
        for _, result in results:
            if "error" in result:
                raise child_results.rebuilt(result["error"])
        here = " ".join([state.site.languages.default, *share.codes])  # this process built the default language too
        self.peaks_kb = {here: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
        for child, result in results:
            state.check_same_pages(result["names"], f"the pages of the process that built {', '.join(child.codes)}")
            for finding, pages in result["findings"].items():
                GUARD.findings.setdefault(finding, []).extend(pages)
            outputs.saved_404.update(result["404"])
            preview_handback.take_in(state, result["preview"])
            state.timings.update({f"{step} (other processes)": seconds for step, seconds in result["timings"].items()})
            parts += result["sitemaps"]
            self.peaks_kb[" ".join(child.codes)] = result["peak_kb"]

    def abandon(self) -> None:
        """This process's build failed (static-i18n's loop, or MkDocs' `on_build_error`): the children's work is lost anyway."""
        if self.share is not None:
            self.share.restore()
            self.share = None
        _stop(self.children)
        self.children = []


def _stop(children: list[_Child]) -> None:
    """Kill the children, and the Pagefind runs they started, and close the pipes not yet read; a child may have
    ended already."""
    for child in children:
        with contextlib.suppress(OSError):
            os.killpg(child.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.kill(child.pid, signal.SIGKILL)
            os.waitpid(child.pid, 0)
        if child.reader >= 0:
            with contextlib.suppress(OSError):
                os.close(child.reader)


def _check_asked(asked: list[str], expected: list[str]) -> None:
    if asked != expected:
        raise PluginError(_CHANGED.format(f"it asked to build {asked}, not {expected}"))


PROCESSES = LanguageProcesses()  # one per process, shared by the hook files
# The children have process groups of their own, so a Ctrl+C in the terminal reaches only this process; MkDocs
# does not pass it to the hooks (on_build_error) while the default language is built: on the way out, they go too.
atexit.register(PROCESSES.abandon)
