"""What a build lets go of once it is used: each language's Markdown, and the site map's whole copies."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from clustersite.mkdocs_layer import kept_pages, sitemap_parts
from clustersite.mkdocs_layer.build_state import BuildState
from test_build_state import prepared


def test_a_build_forgets_each_languages_markdown_once_handed_over(project_copy, monkeypatch):
    monkeypatch.setenv("SITE_BUILD_DATE", "2026-11-22")
    state = BuildState(serving=False)
    prepared(project_copy, state)
    expected = state.contents("en", "sr")
    names = state.names()
    lastmod = {name: state.lastmod(name) for name in names}

    english = state.hand_over("en")
    assert english == {uri: text for uri, text in expected.items() if not uri.endswith(".sr.md")}
    assert "en" not in state.pages  # the default language's Markdown goes too
    assert state.names() == names and "projects/index.md" in names  # its pages' names stay, for the files and the site map
    assert {name: state.lastmod(name) for name in names} == lastmod

    serbian = state.hand_over("sr")
    assert serbian == {uri: text for uri, text in expected.items() if uri.endswith(".sr.md")}
    assert set(serbian) == state.names_in("sr") and state.pages == {}
    assert state.hand_over("sr") == serbian  # another run with the same data renders it again


def test_the_preview_keeps_every_languages_markdown_to_compare_the_next_run(project_copy, monkeypatch):
    monkeypatch.setenv("SITE_BUILD_DATE", "2026-11-22")
    state = BuildState(serving=True)
    prepared(project_copy, state)
    everything = state.contents()
    for code in state.site.languages.codes:
        state.hand_over(code)
    prepared(project_copy, state)  # the next run, e.g. after an edit in docs/
    assert state.previous == everything


def test_a_generated_page_lets_go_of_its_markdown_once_read(project_copy):
    config = load_config(str(project_copy / "mkdocs.yml"))
    generated = File("events/x.md", None, config.site_dir, config.use_directory_urls)  # as virtual_files gives it its text
    generated.content_string = "---\ntitle: X\n---\n# X\n\nText.\n"
    page = Page(None, generated, config)
    page.read_source(config)
    kept_pages.release_source(page)
    assert generated.content_string == "" and page.markdown == "# X\n\nText.\n" and page.meta == {"title": "X"}

    written = File("index.md", str(project_copy / "docs"), config.site_dir, config.use_directory_urls)
    source = written.content_string
    kept_pages.release_source(Page(None, written, config))  # a page of docs/ is read from its file: left alone
    assert written.abs_src_path and written.content_string == source


def _part(*entries: str, tail: str = "</urlset>\n") -> str:
    urls = "".join(f"  <url>\n    <loc>https://x.eu/{entry}/</loc>\n  </url>\n" for entry in entries)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset>\n{urls}{tail}'


def test_the_site_map_is_written_in_pieces_as_mkdocs_writes_the_whole(tmp_path):
    """sitemap.xml and its gzip copy, byte for byte what MkDocs writes from the joined text in one go."""
    document = "  <url>\n    <loc>https://x.eu/files/a.pdf</loc>\n  </url>\n</urlset>\n"
    parts = [_part(*(f"p{n}" for n in range(2000)), tail=document),
             _part(*(f"sr/p{n}-č" for n in range(3000)), tail=document),
             _part(*(f"bg/p{n}-ъ" for n in range(1000)), tail=document)]
    whole = sitemap_parts.join(parts)
    assert whole == _part(*(f"p{n}" for n in range(2000)), *(f"sr/p{n}-č" for n in range(3000)),
                          *(f"bg/p{n}-ъ" for n in range(1000)), tail=document)

    sitemap_parts.write(str(tmp_path / "site"), parts, timestamp=1_700_000_000)
    written = tmp_path / "site" / "sitemap.xml"
    assert written.read_bytes() == whole.encode("utf-8")
    gz_filename = f"{written}.gz"
    with open(tmp_path / "whole.gz", "wb") as f, gzip.GzipFile(fileobj=f, filename=gz_filename, mode="wb",
                                                               mtime=1_700_000_000) as gz_buf:
        gz_buf.write(whole.encode("utf-8"))  # as mkdocs.commands.build writes it
    assert Path(gz_filename).read_bytes() == (tmp_path / "whole.gz").read_bytes()


def test_a_process_building_another_language_names_the_pages_without_rendering_the_default_one(project_copy, monkeypatch):
    monkeypatch.setenv("SITE_BUILD_DATE", "2026-11-22")
    state = BuildState(serving=False)
    prepared(project_copy, state)
    names = state.names("sr")
    assert list(state.pages) == ["sr"]  # the language it builds next, and no other
    assert state.hand_over("sr") and state.pages == {}
    reference = BuildState(serving=False)
    prepared(project_copy, reference)
    assert names == reference.names() and "events/index.md" in names


def test_a_language_whose_generated_pages_differ_from_the_others_stops_the_build(project_copy, monkeypatch):
    monkeypatch.setenv("SITE_BUILD_DATE", "2026-11-22")
    state = BuildState(serving=False)
    prepared(project_copy, state)
    names = state.names()  # named by the default language, as another process's are by its own
    state.check_same_pages(names, "another process's pages")
    with pytest.raises(PluginError, match=r"generated pages differ between languages \(another process's pages"):
        state.check_same_pages((*names, "events/only-here.md"), "another process's pages")
    state.pages_in("sr")
    state.pages["sr"] = state.pages["sr"][:-1]  # a page the other languages have, missing in Serbian
    with pytest.raises(PluginError, match=r"differ between languages \(the 'sr' pages"):
        state.hand_over("sr")
