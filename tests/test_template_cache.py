"""Compiled templates, Material's and the pages' own, are kept for the next build, and a stale or broken entry is never used."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from clustersite.data.loading import load_site
from clustersite.data.site_data import Languages
from clustersite.mkdocs_layer.theme_template_cache import TemplateBytecodeCache
from clustersite.pages import templating
from clustersite.pages.search_page import search_page
from clustersite.pages.wording import Voice
from conftest import EXAMPLE


def _render(templates: Path, cache: TemplateBytecodeCache, name: str = "page.html", **values) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), bytecode_cache=cache, autoescape=True)
    return env.get_template(name).render(**values)


def _kept_in(folder: Path) -> TemplateBytecodeCache:
    """A cache as a new process starts with: nothing in memory, `folder` on disk."""
    cache = TemplateBytecodeCache()
    cache.keep_in(folder)
    return cache


def _templates(tmp_path: Path, text: str = "<h1>{{ title }}</h1>") -> Path:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "page.html").write_text(text, encoding="utf-8")
    return folder


def test_a_later_build_uses_the_compiled_template_kept_on_disk(tmp_path):
    templates, kept = _templates(tmp_path), tmp_path / ".cache" / "templates"
    first = _kept_in(kept)
    assert _render(templates, first, title="a & b") == "<h1>a &amp; b</h1>"
    assert first.compiled == 1 and len(list(kept.glob("*.jinja"))) == 1

    later = _kept_in(kept)
    assert _render(templates, later, title="a & b") == "<h1>a &amp; b</h1>"
    assert later.compiled == 0


def _changed_template(tmp_path: Path, kept: Path) -> str:
    _templates(tmp_path, "<h2>{{ title }}</h2>")
    return "<h2>x</h2>"


def _broken_entry(tmp_path: Path, kept: Path) -> str:
    for entry in kept.glob("*.jinja"):
        entry.write_bytes(entry.read_bytes()[:40] + b"\x00garbage")
    return "<h1>x</h1>"


@pytest.mark.parametrize("change", [_changed_template, _broken_entry], ids=["changed template", "broken entry"])
def test_a_changed_template_or_a_broken_entry_is_compiled_again(tmp_path, change):
    templates, kept = _templates(tmp_path), tmp_path / "kept"
    _render(templates, _kept_in(kept), title="x")
    expected = change(tmp_path, kept)
    later = _kept_in(kept)
    assert _render(templates, later, title="x") == expected
    assert later.compiled == 1


def test_a_folder_that_cannot_be_written_still_renders(tmp_path):
    templates = _templates(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    cache = _kept_in(blocker / "templates")  # under a file: mkdir fails
    assert _render(templates, cache, title="x") == "<h1>x</h1>"
    assert _render(templates, cache, title="y") == "<h1>y</h1>"  # and the memory layer still serves it


@pytest.fixture
def fresh_page_templates():
    """The pages' Jinja environment made anew, as in a new process; made anew again afterwards for the other tests."""
    yield
    templating.environment.cache_clear()
    templating._with_macros.cache_clear()


def test_a_later_build_compiles_none_of_the_pages_templates_the_shared_macros_included(tmp_path, fresh_page_templates):
    site, problems = load_site(EXAMPLE / "data", Languages(("en", "sr", "bg", "cs"), "en", {"sr": "sr-Latn"}), EXAMPLE)
    assert site is not None, problems.report()

    def build(cache: TemplateBytecodeCache) -> str:
        templating.environment.cache_clear()
        templating._with_macros.cache_clear()
        templating.environment().bytecode_cache = cache  # as the MkDocs layer gives it, before the first page
        return search_page(site, Voice(site, "en")).markdown

    first = _kept_in(tmp_path / "kept")
    page = build(first)
    assert first.compiled == 2  # the page's template and _macros.j2
    later = _kept_in(tmp_path / "kept")
    assert build(later) == page
    assert later.compiled == 0
