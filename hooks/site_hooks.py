"""MkDocs hooks: wiring only. The work is done in the clustersite package beside this file.

Flow: data/ is loaded and checked (on_config) -> each language's pages are rendered
and added as virtual files (on_files) -> static-i18n sorts them into languages ->
their text is attached again (on_nav) -> MkDocs renders them. Nothing is written
into data/ or docs/.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from clustersite.html_fixes import skip_link_first, valid_markup
from clustersite.mkdocs_bridge import STATE as state
from clustersite.page_fallback import mark_fallback
from clustersite.template_cache import TEMPLATES

log = get_plugin_logger("clustersite")


def _language(config: MkDocsConfig) -> str:
    return config.plugins["i18n"].current_language or state.site.languages.default


def on_startup(*, command: str, dirty: bool) -> None:
    state.serving = command == "serve"


@event_priority(50)  # before static-i18n (-100), which reads the languages
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state.prepare(config)
    return config


@event_priority(50)  # before static-i18n sorts files into languages
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    state.add_generated_files(files, config)
    return files


@event_priority(-110)  # after static-i18n has rebuilt the File objects without their text
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    state.attach_content(files, config, _language(config))
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    code = _language(config)
    markdown = state.fill_markers(markdown, code)
    return mark_fallback(markdown, page, code, state.site, log)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return valid_markup(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return skip_link_first(valid_markup(output_content))


def on_env(env, *, config: MkDocsConfig, files: Files):
    env.bytecode_cache = TEMPLATES
    env.globals["clustersite"] = state.theme_globals(_language(config), config)
    return env


@event_priority(0)  # before static-i18n's on_post_build, which builds the other languages
def on_post_build(*, config: MkDocsConfig) -> None:
    code = _language(config)
    state.write_feeds(config, code)
    state.keep_404(config, code)
