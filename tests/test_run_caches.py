"""The run caches (static-i18n's language files, the theme's file list) change nothing but the time a build takes."""

from __future__ import annotations

import fnmatch
import os
import re
from pathlib import Path

import jinja2
import material.templates as material_templates
import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, get_files
from mkdocs_static_i18n import reconfigure, suffix

from clustersite.mkdocs_layer import i18n_file_cache, i18n_lookups, run_caches, theme_context, theme_listing
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


def _sorted_files(plugin, config, project: Path, generated: int = 0) -> list[tuple]:
    """Every language's files as static-i18n sorts them, with what each links to as its other languages.

    With `generated` pages added as virtual_files adds them: every language's version of
    each, one language after another."""
    found = []
    for code in plugin.build_languages:
        plugin.current_language = code
        files = get_files(config)
        for language in plugin.build_languages:
            for n in range(generated):
                stem = f"events/e{n}" if n % 3 else f"događaji/d {n}/index"  # and names that a url quotes
                src_uri = f"{stem}.md" if language == "en" else f"{stem}.{language}.md"
                file = File(src_uri, None, config.site_dir, config.use_directory_urls)
                file.abs_src_path = os.path.join(config.docs_dir, src_uri)  # where no file is, as virtual_files does
                files.append(file)
        for file in plugin.on_files(files, config):
            alternates = sorted((lang, [getattr(alt, fact, None) for fact in _FILE_FACTS])
                                for lang, alt in getattr(file, "alternates", {}).items())
            found.append((code, [getattr(file, fact, None) for fact in _FILE_FACTS], alternates))
    return found


def _counted(function, calls: list):
    def counted(file, current_language, default_language, all_languages, config):
        calls.append(file)
        return function(file, current_language, default_language, all_languages, config)
    return counted


@pytest.mark.parametrize("directory_urls", [True, False])
def test_static_i18n_sorts_and_links_the_files_the_same_with_the_cache(project_copy, cache_switch, monkeypatch, directory_urls):
    config, plugin = _loaded(project_copy)
    config["use_directory_urls"] = directory_urls
    cache_switch(False)
    without = _sorted_files(plugin, config, project_copy, generated=30)
    made, asked = [], []
    monkeypatch.setattr(suffix, "create_i18n_file", _counted(suffix.create_i18n_file, made))
    cache_switch(True)
    monkeypatch.setattr(suffix, "create_i18n_file", _counted(suffix.create_i18n_file, asked))
    with_it = _sorted_files(plugin, config, project_copy, generated=30)
    assert with_it == without and len(without) >= 5 * 30  # every file and its links in every language, as static-i18n makes them
    assert 0 < len(made) < len(asked) / 5  # static-i18n asked for each file often, in every language, and it was made once


def test_each_file_is_made_once_and_kept_for_the_next_run_of_the_preview_alone(project_copy, cache_switch, monkeypatch):
    config, plugin = _loaded(project_copy)
    languages = len(plugin.build_languages)
    made: list = []
    monkeypatch.setattr(suffix, "create_i18n_file", _counted(suffix.create_i18n_file, made))
    for preview, made_again in ((True, True), (True, False), (False, True)):
        made.clear()
        cache_switch(True, keep=preview)
        _sorted_files(plugin, config, project_copy, generated=30)
        kept = len(i18n_file_cache._made)
        assert kept > 30 * languages
        if made_again:  # one File per file of the site, whatever the number of languages
            assert kept == len({(file.src_uri, file.dest_uri) for file in made})
        # each file made once (none in the preview's second run), and one more per language: its first copy compared
        assert len(made) == (kept if made_again else 0) + languages
        i18n_file_cache.finish() if not preview else None


def test_a_static_i18n_that_places_a_language_s_files_otherwise_stops_the_build(project_copy, cache_switch, monkeypatch):
    config, plugin = _loaded(project_copy)
    library = suffix.create_i18n_file

    def placed_otherwise(file, current_language, default_language, all_languages, config):
        made = library(file, current_language, default_language, all_languages, config)
        if current_language != default_language:
            made.url = f"{current_language}/elsewhere/"
        return made

    monkeypatch.setattr(suffix, "create_i18n_file", placed_otherwise)
    cache_switch(True)
    with pytest.raises(PluginError, match=r"mkdocs-static-i18n has changed .*differs in url from the file made first"):
        _sorted_files(plugin, config, project_copy)


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


@pytest.fixture()
def lookups():
    """static-i18n's look-ups answered once for a test; its own again afterwards."""
    yield i18n_lookups.start
    i18n_lookups.start(None, False)


def test_static_i18n_gets_its_own_answers_to_its_look_ups_once_per_list_and_path(project_copy, lookups):
    config, plugin = _loaded(project_copy)
    own = (plugin.all_languages, plugin.default_language, reconfigure.is_relative_to)
    lookups(plugin, True)
    assert plugin.all_languages == own[0] and plugin.all_languages is not plugin.all_languages  # a new list each time
    assert plugin.default_language == own[1] == "en" and own[0] == ["en", "sr", "sr-cyrl", "bg", "cs"]
    inside, outside = os.path.join(config.docs_dir, "index.md"), os.path.join(os.path.dirname(config.docs_dir), "x.md")
    assert reconfigure.is_relative_to(inside, config.docs_dir) and not reconfigure.is_relative_to(outside, config.docs_dir)
    assert reconfigure.is_relative_to is not own[2]
    plugin.config["languages"] = plugin.config["languages"][::-1]  # another list (a rebuild reads mkdocs.yml again)
    assert plugin.all_languages == own[0][::-1]
    lookups(plugin, False)
    assert reconfigure.is_relative_to is own[2] and plugin.all_languages == own[0][::-1]


def test_a_static_i18n_whose_look_ups_answer_otherwise_stops_the_build_with_a_clear_message(project_copy, lookups,
                                                                                           monkeypatch):
    _, plugin = _loaded(project_copy)
    monkeypatch.setitem(i18n_lookups._ORIGINALS, "default_language", property(lambda self: "sr"))  # a changed library
    with pytest.raises(PluginError, match=r"mkdocs-static-i18n has changed .*`default_language` is 'sr'.*CLUSTERSITE_RUN_CACHES=0"):
        lookups(plugin, True)
    monkeypatch.undo()
    monkeypatch.setattr(type(plugin), "all_languages", property(lambda self: ["en"]), raising=False)  # its own, beneath
    with pytest.raises(PluginError, match=r"its plugin class has its own `all_languages`"):
        lookups(plugin, True)


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


def test_the_preview_keeps_the_language_files_for_its_next_run_and_a_build_does_not(project_copy, cache_switch,
                                                                                       monkeypatch):
    config, _ = _loaded(project_copy)
    page = next(file for file in get_files(config) if file.src_uri == "index.sr.md")
    made: list = []
    monkeypatch.setattr(suffix, "create_i18n_file", _counted(suffix.create_i18n_file, made))
    # a run starts: a preview rebuild keeps the file, and only compares its first copy with static-i18n's; a build starts afresh
    for keep, expected in ((False, 1), (True, 2), (False, 3)):
        cache_switch(True, keep=keep)
        twin = suffix.create_i18n_file(page, "sr", "en", ["en", "sr"], config)
        assert twin.url == "sr/" and twin.alternates == {"sr": twin}
        assert len(made) == expected, (keep, len(made))


def test_mkdocs_copies_the_same_theme_files_with_its_filter_run_once_per_name(project_copy, monkeypatch):
    config = load_config(str(project_copy / "mkdocs.yml"))
    assert theme_listing._THEME_FILTER is not None  # MkDocs' filter is recognised, or the speed-up is gone

    def copied() -> list[str]:
        files = Files([])
        files.add_files_from_theme(config.theme.get_env(), config)
        return [file.src_uri for file in files]

    plain = copied()
    theme_listing.start(config, True)
    try:
        judged: list[str] = []
        real_fnmatch = fnmatch.fnmatch
        monkeypatch.setattr(fnmatch, "fnmatch", lambda name, pattern: judged.append(name) or real_fnmatch(name, pattern))
        first = copied()
        assert first == plain and len(plain) > 10 and len(judged) > 10_000
        judged.clear()
        theme_listing.start(config, True)  # the next run (a preview rebuild)
        assert copied() == plain and judged == []
        config.theme.static_templates.add("assets/images/favicon.png")  # other patterns: judged afresh
        theme_listing.start(config, True)
        assert copied() == [name for name in plain if name != "assets/images/favicon.png"] and judged
    finally:
        theme_listing.start(config, False)


def test_the_site_is_byte_for_byte_the_same_without_the_run_caches(example_site, tmp_path):
    result = run_build(tmp_path / SUBPATH, config=example_site.parent.parent / "project" / "mkdocs.yml",
                       extra_env={run_caches.SWITCH: "0"})
    assert result.returncode == 0, result.stderr[-3000:]

    def outputs(root: Path) -> dict[str, bytes]:
        return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}

    cached, uncached = outputs(example_site), outputs(tmp_path / SUBPATH)
    assert len(cached) > 100 and cached.keys() == uncached.keys()
    assert [name for name in cached if cached[name] != uncached[name]] == []


def test_each_interface_word_is_the_one_materials_own_lookup_gives(project_copy):
    config = load_config(str(project_copy / "mkdocs.yml"))
    material = Path(material_templates.__file__).parent / "partials" / "language.html"
    keys = re.findall(r'^\s*"([a-z][\w.]*)":', (material.parent / "languages" / "en.html").read_text(encoding="utf-8"), re.M)
    assert len(keys) > 50
    keys += ["no.such.word"]  # Material shows the key itself
    probe = '{% import "partials/language.html" as lang with context %}' + "".join(f"[{{{{ lang.t({k!r}) }}}}]" for k in keys)
    for language in ("en", "bg", "cs", "sr-Latn", "sr-Cyrl"):
        config.theme["language"] = language
        ours = config.theme.get_env()  # overrides/partials/language.html first
        theirs = jinja2.Environment(loader=jinja2.ChoiceLoader([
            jinja2.DictLoader({"partials/language.html": material.read_text(encoding="utf-8")}), ours.loader]))
        context = {"config": config, "clustersite": {"ui_word": theme_context._kept_words()}}
        expected = theirs.from_string(probe).render(config=config)
        assert ours.from_string(probe).render(context) == expected, language
        assert ours.from_string(probe).render(config=config) == expected, language  # a page without the site's globals
        assert ours.from_string(probe).render(config=config, clustersite={}) == expected, language  # other globals
        assert "[no.such.word]" in expected and expected.count("[]") == 0
