"""MkDocs hooks that share the languages out between processes, finish the site once every language is built
(static-i18n builds them in its on_post_build), and set up the preview's watcher."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from clustersite.mkdocs_layer import kept_pages, preview_errors, preview_handback, run_caches, site_folder, site_wiring
from clustersite.mkdocs_layer.build_state import STATE as state
from clustersite.mkdocs_layer.build_state import inner_build
from clustersite.mkdocs_layer.language_processes import PROCESSES as processes
from clustersite.mkdocs_layer.site_outputs import OUTPUTS as outputs

if TYPE_CHECKING:  # the preview's server and its file watcher: a build has no use for them
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("clustersite")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site_wiring.check_hooks(config)  # a site that lists this file alone learns which others to add
    return config


@event_priority(100)  # data/ is loaded and the site folder's start noted: the other languages start beside the default one
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if not inner_build(config) and state.site is not None:
        outputs.ready_search_index(state, config)
        processes.start(config, state, outputs)
    return files


@event_priority(-1100)  # after the page guard (-1000): MkDocs writes the page next
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    kept_pages.release_text(page)
    return output


@event_priority(-1100)  # after the page guard (-1000): the template as MkDocs writes it
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if state.site is not None:
        outputs.keep_template(template_name, output_content, config.plugins["i18n"].current_language or state.site.languages.default)
        processes.keep_template(template_name, output_content, first=not inner_build(config))
    return output_content


@event_priority(-80)  # the language's pages are written: index them while the next languages are built (-90, -100)
def _index_language(*, config: MkDocsConfig) -> None:
    if state.site is not None:
        outputs.index_language(state, config, config.plugins["i18n"].current_language or state.site.languages.default)


@event_priority(-140)  # static-i18n has built the other languages (-100); the page guard reports next (-150)
def _join_languages(*, config: MkDocsConfig) -> None:
    if not inner_build(config):
        processes.join(config, state, outputs)


@event_priority(-200)  # after static-i18n's on_post_build (-100)
def _finish(*, config: MkDocsConfig) -> None:
    if inner_build(config):
        return  # a language build inside static-i18n's loop; the outer build finishes last
    run_caches.finish(preview=state.serving)
    if state.site is None:  # the preview, with mistakes in data/
        preview_errors.show(Path(config.site_dir), state.problems)
        site_folder.sweep(config.site_dir)
        return
    outputs.write_404s(state, config)
    outputs.write_language_sitemaps(state, config)
    outputs.write_robots(config)
    outputs.finish_writing(state)  # the feeds, written meanwhile
    outputs.index_search(state, config)  # and the files of earlier builds that this one did not write removed
    log.info(state.translation_summary())


on_post_build = CombinedEvent(_index_language, _join_languages, _finish)


def on_build_error(*, error: Exception) -> None:
    outputs.stop_indexing()  # no Pagefind run outlives a failed build
    processes.abandon()  # static-i18n's own loop back, and no forked process left writing into the site
    preview_handback.forget_all(state)  # the preview's next rebuild writes every page again
    site_folder.forget()  # a failed build sweeps nothing more of the last one's site


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
    from clustersite.mkdocs_layer import preview_watcher  # loads watchdog, which only the preview uses

    return preview_watcher.watch_closely(server, config)


def on_shutdown() -> None:
    outputs.settle(state)  # the preview ends: stop its search indexing before MkDocs removes the folder it writes in
