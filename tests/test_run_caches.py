"""The run caches (static-i18n's language files, the theme's file list) change nothing but the time a build takes."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, get_files
from mkdocs_static_i18n import suffix

from clustersite.mkdocs_layer import i18n_file_cache, run_caches, theme_listing
from conftest import SUBPATH, run_build

_FILE_FACTS = ("src_uri", "dest_uri", "url", "abs_dest_path", "name", "locale", "locale_alternate_of", "localization",
               "norm_src_uri", "inclusion")


@pytest.fixture()
def cache_switch():
    """Switch the i18n file cache on or off for a test; it is off again afterwards."""
    yield i18n_file_cache.start
    i18n_file_cache.start(False)


def _loaded(project: Path):
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["i18n"]
    return plugin.on_config(config) or config, plugin


def _sorted_files(plugin, config, project: Path) -> list[tuple]:
    """Every language's files as static-i18n sorts them, with what each links to as its other languages."""
    found = []
    for code in plugin.build_languages:
        plugin.current_language = code
        for file in plugin.on_files(get_files(config), config):
            alternates = sorted((lang, [getattr(alt, fact, None) for fact in _FILE_FACTS])
                                for lang, alt in getattr(file, "alternates", {}).items())
            found.append((code, [getattr(file, fact, None) for fact in _FILE_FACTS], alternates))
    return found


def _counted(function, calls: list):
    def counted(file, current_language, default_language, all_languages, config):
        calls.append(file)
        return function(file, current_language, default_language, all_languages, config)
    return counted


def test_static_i18n_sorts_and_links_the_files_the_same_with_the_cache(project_copy, cache_switch, monkeypatch):
    config, plugin = _loaded(project_copy)
    cache_switch(False)
    without = _sorted_files(plugin, config, project_copy)
    made, asked = [], []
    monkeypatch.setattr(suffix, "create_i18n_file", _counted(suffix.create_i18n_file, made))
    cache_switch(True)
    monkeypatch.setattr(suffix, "create_i18n_file", _counted(suffix.create_i18n_file, asked))
    with_it = _sorted_files(plugin, config, project_copy)
    assert with_it == without and len(without) > 40
    assert 0 < len(made) < len(asked) / 2  # static-i18n asked for each file often, and it was made once


def test_each_call_gets_its_own_file_linked_to_itself(project_copy, cache_switch):
    config, _ = _loaded(project_copy)
    cache_switch(True)
    page = next(file for file in get_files(config) if file.src_uri == "index.sr.md")
    first = suffix.create_i18n_file(page, "sr", "en", ["en", "sr"], config)
    second = suffix.create_i18n_file(page, "sr", "en", ["en", "sr"], config)
    assert first is not second and first.alternates == {"sr": first} and second.alternates == {"sr": second}
    first.alternates["en"] = page
    first.page = "changed"
    assert second.alternates == {"sr": second} and second.page is None and second.url == "sr/"


def test_a_static_i18n_with_another_create_i18n_file_stops_the_build_with_a_clear_message(cache_switch, monkeypatch):
    monkeypatch.setattr(suffix, "create_i18n_file", lambda file, language, config: file)
    with pytest.raises(PluginError, match=r"mkdocs-static-i18n has changed .*CLUSTERSITE_RUN_CACHES=0"):
        cache_switch(True)


def test_a_file_with_a_value_copies_would_share_stops_the_build(project_copy, cache_switch, monkeypatch):
    config, _ = _loaded(project_copy)
    library = suffix.create_i18n_file

    def with_a_list(file, current_language, default_language, all_languages, config):
        made = library(file, current_language, default_language, all_languages, config)
        made.tags = []
        return made

    monkeypatch.setattr(suffix, "create_i18n_file", with_a_list)
    cache_switch(True)
    page = File("index.md", config.docs_dir, config.site_dir, True)
    with pytest.raises(PluginError, match=r"`tags` of type list"):
        suffix.create_i18n_file(page, "en", "en", ["en"], config)


def test_the_theme_listing_is_jinjas_own_and_sees_a_file_added_to_the_sites_folder(project_copy):
    config = load_config(str(project_copy / "mkdocs.yml"))
    theme_listing.start(config, True)
    try:
        listed = config.theme.get_env().list_templates()
        assert listed == jinja2.FileSystemLoader(config.theme.dirs).list_templates() and len(listed) > 1000
        (project_copy / "overrides" / "partials" / "added.html").write_text("<p>added</p>", encoding="utf-8")
        assert "partials/added.html" not in config.theme.get_env().list_templates()  # kept for the run
        theme_listing.start(config, True)  # the next run (a preview rebuild)
        assert "partials/added.html" in config.theme.get_env().list_templates()
    finally:
        theme_listing.start(config, False)
    assert type(config.theme.get_env().loader) is jinja2.FileSystemLoader  # switched off: MkDocs' own


def test_the_site_is_byte_for_byte_the_same_without_the_run_caches(example_site, tmp_path):
    result = run_build(tmp_path / SUBPATH, config=example_site.parent.parent / "project" / "mkdocs.yml",
                       extra_env={run_caches.SWITCH: "0"})
    assert result.returncode == 0, result.stderr[-3000:]

    def outputs(root: Path) -> dict[str, bytes]:
        return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}

    cached, uncached = outputs(example_site), outputs(tmp_path / SUBPATH)
    assert len(cached) > 100 and cached.keys() == uncached.keys()
    assert [name for name in cached if cached[name] != uncached[name]] == []
