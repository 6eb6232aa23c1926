"""MkDocs hook that runs once every language is built (static-i18n builds them in its on_post_build)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

from clustersite.mkdocs_layer import preview_errors, site_wiring
from clustersite.mkdocs_layer.build_state import STATE as state
from clustersite.mkdocs_layer.build_state import inner_build
from clustersite.mkdocs_layer.site_outputs import OUTPUTS as outputs

log = get_plugin_logger("clustersite")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site_wiring.check_hooks(config)  # a site that lists this file alone learns which others to add
    return config


@event_priority(-200)  # after static-i18n's on_post_build (-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    if inner_build(config):
        return  # a language build inside static-i18n's loop; the outer build finishes last
    if state.site is None:  # the preview, with mistakes in data/
        preview_errors.show(Path(config.site_dir), state.problems)
        return
    outputs.write_404s(state, config)
    outputs.write_language_sitemaps(state, config)
    outputs.write_robots(config)
    outputs.index_search(state, config)
    outputs.finish_writing(state)  # the feeds, written meanwhile (Pagefind reads only the HTML pages)
    log.info(state.translation_summary())
