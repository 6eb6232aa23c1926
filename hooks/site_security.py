"""MkDocs hooks: every page's final HTML is checked and given its Content-Security-Policy.

They run after the other hooks (lowest priority), so that whatever any hook or
template adds to a page, an inline script included, is checked and covered.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from clustersite.mkdocs_layer import site_wiring
from clustersite.mkdocs_layer.page_guard import GUARD


def _outer(config: MkDocsConfig) -> bool:
    """False in the language builds that static-i18n runs inside the default language's build."""
    return not getattr(config.plugins.get("i18n"), "building", False)


def on_startup(*, command: str, dirty: bool) -> None:
    GUARD.preview = command == "serve"


@event_priority(40)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site_wiring.check_hooks(config)  # whichever of the site's hook files is listed tells of those that are not
    GUARD.start(config, outer=_outer(config))
    return config


@event_priority(-1000)  # last: the page as it will be written
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return GUARD.page(output, page)


@event_priority(-1000)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return GUARD.template(output_content, template_name) if template_name.endswith(".html") else output_content


@event_priority(-150)  # after static-i18n has built every language (-100), before the search index (-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    if _outer(config):
        GUARD.finish()
