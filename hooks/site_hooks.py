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

from clustersite.mkdocs_layer import (
    finished_pages,
    kept_pages,
    nav_entries,
    picture_outputs,
    preview_errors,
    run_caches,
    site_folder,
    site_wiring,
    theme_context,
    virtual_files,
)
from clustersite.mkdocs_layer.build_state import STATE as state
from clustersite.mkdocs_layer.build_state import inner_build
from clustersite.mkdocs_layer.language_processes import PROCESSES as processes
from clustersite.mkdocs_layer.material_markup_fixes import set_html_lang, skip_link_first, valid_markup
from clustersite.mkdocs_layer.preview_languages import PREVIEW
from clustersite.mkdocs_layer.preview_markers import MARKERS
from clustersite.mkdocs_layer.preview_meta import META
from clustersite.mkdocs_layer.site_outputs import OUTPUTS as outputs
from clustersite.mkdocs_layer.theme_template_cache import ENVIRONMENTS, TEMPLATES
from clustersite.mkdocs_layer.untranslated_pages import mark_fallback

log = get_plugin_logger("clustersite")


def _failed() -> bool:
    """The preview with mistakes in data/: no pages, one page that lists them (preview_errors)."""
    return state.site is None


def _language(config: MkDocsConfig) -> str:
    return config.plugins["i18n"].current_language or state.site.languages.default


def on_startup(*, command: str, dirty: bool) -> None:
    state.serving = command == "serve"
    PREVIEW.enabled = state.serving and dirty  # serve --dirty: languages, metadata and marker pages (preview_*)


@event_priority(50)  # before static-i18n (-100), which reads the languages
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site_wiring.check_hooks(config)
    site_wiring.add_theme_assets(config)
    if not inner_build(config):
        outputs.settle(state)  # the previous preview run's feed writes and search index
        run_caches.start(config, preview=state.serving)  # static-i18n's files and the theme's file list, kept for the later languages
        site_folder.start()  # the site folder updated in place, not emptied first
    languages = state.prepare(config)
    theme_context.check_short_names(config, languages.codes)
    if _failed():
        preview_errors.build_nothing(config)
    else:
        nav_entries.drop_switched_off(config, state.site)
    return config


@event_priority(50)  # before static-i18n sorts files into languages
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if _failed():
        return preview_errors.no_files()
    virtual_files.add_generated_files(state, files, config, _language(config))
    return files


@event_priority(-110)  # after static-i18n has rebuilt the File objects without their text
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    if _failed():
        return nav
    virtual_files.attach_content(state, files, _language(config))
    MARKERS.mark(files, virtual_files.derived_pages(), state.site, state.today, _language(config))
    finished_pages.prepare(state, _language(config), config)
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    code = _language(config)
    markdown = theme_context.fill_markers(state.site, state.today, markdown, code)
    markdown = mark_fallback(markdown, page, code, state.site, log)
    META.keep(code, page)
    kept_pages.release_source(page)  # read: the page's File need not hold its Markdown any more
    return finished_pages.take_markdown(markdown, page)  # generated pages skip Python-Markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    theme_context.describe_page(page, html)
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return valid_markup(set_html_lang(output, state.site.languages.tag(_language(config))))


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return skip_link_first(valid_markup(output_content))


def on_env(env, *, config: MkDocsConfig, files: Files):
    env.bytecode_cache = TEMPLATES
    if _failed():
        return env
    env = ENVIRONMENTS.environment(env, _language(config))  # the preview's, with the templates it has loaded
    META.restore(_language(config), files)
    env.globals["clustersite"] = theme_context.theme_globals(state.site, _language(config), config, lastmod=state.lastmod,
                                                             root_url=state.root_url)
    return env


@event_priority(0)  # before static-i18n's on_post_build, which builds the other languages
def on_post_build(*, config: MkDocsConfig) -> None:
    if _failed():
        return
    code = _language(config)
    outputs.write_feeds(state, config, code)
    picture_outputs.write_pictures(state, config, code)
    processes.language_built(config, code)  # its pages are written: most of what they hold is dropped
