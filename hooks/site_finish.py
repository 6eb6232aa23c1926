"""MkDocs hook that runs once every language is built (static-i18n builds them in its on_post_build)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

from clustersite import language_sitemaps
from clustersite.mkdocs_bridge import STATE as state

log = get_plugin_logger("clustersite")


@event_priority(-200)  # after static-i18n's on_post_build (-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # a language build inside static-i18n's loop; the outer build finishes last
    state.write_404s(config)
    language_sitemaps.write(config.site_dir, config.site_url, state.site.languages)
    state.index_search(config)
    state.finish_writing()  # the feeds, written meanwhile (Pagefind reads only the HTML pages)
    log.info(state.translation_summary())
