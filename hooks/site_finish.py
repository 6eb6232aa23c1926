"""MkDocs hooks that run once every language is built (static-i18n builds them in its on_post_build), and the preview's watcher."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger

from clustersite.mkdocs_layer import preview_errors, preview_watcher, run_caches
from clustersite.mkdocs_layer.build_state import STATE as state
from clustersite.mkdocs_layer.build_state import inner_build
from clustersite.mkdocs_layer.site_outputs import OUTPUTS as outputs

log = get_plugin_logger("clustersite")


@event_priority(-200)  # after static-i18n's on_post_build (-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    if inner_build(config):
        return  # a language build inside static-i18n's loop; the outer build finishes last
    run_caches.finish()
    if state.site is None:  # the preview, with mistakes in data/
        preview_errors.show(Path(config.site_dir), state.problems)
        return
    outputs.write_404s(state, config)
    outputs.write_language_sitemaps(state, config)
    outputs.write_robots(config)
    outputs.index_search(state, config)
    outputs.finish_writing(state)  # the feeds, written meanwhile (Pagefind reads only the HTML pages)
    log.info(state.translation_summary())


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
    return preview_watcher.watch_closely(server, config)
