"""Which languages the preview rebuilds after an edit (mkdocs_layer/preview_languages.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clustersite.data.site_data import Languages
from clustersite.mkdocs_layer.preview_languages import languages_to_build, shown_in, snapshot

LANGUAGES = Languages(codes=("en", "sr", "sr-cyrl", "bg", "cs"), default="en", derived={"sr-cyrl": "sr"})
# legal: written in every language but Serbian in Cyrillic (made from the Serbian); about: in English and Serbian;
# team: in English only; notice: in Serbian and in Serbian in Cyrillic, written by hand.
PAGES = {"legal.md", "legal.sr.md", "legal.bg.md", "legal.cs.md", "about.md", "about.sr.md", "team/index.md",
         "notice.md", "notice.sr.md", "notice.sr-cyrl.md"}


@pytest.mark.parametrize(("page", "fallback", "shown"), [
    ("legal.md", True, {"en"}),
    ("legal.bg.md", True, {"bg"}),
    ("legal.sr.md", True, {"sr", "sr-cyrl"}),  # the Cyrillic page is made from it
    ("about.md", True, {"en", "bg", "cs"}),  # Bulgarian and Czech fall back to the English page
    ("about.md", False, {"en"}),  # without the fallback they have no such page
    ("about.sr.md", True, {"sr", "sr-cyrl"}),
    ("team/index.md", True, {"en", "sr", "sr-cyrl", "bg", "cs"}),
    ("notice.sr.md", True, {"sr"}),  # the Cyrillic page written by hand wins
    ("notice.sr-cyrl.md", True, {"sr-cyrl"}),
    ("assets/logo.png", True, None),  # no page: every language
])
def test_a_page_of_docs_is_shown_in_its_own_language_the_ones_made_from_it_and_the_ones_falling_back(page, fallback, shown):
    assert shown_in(page, PAGES, LANGUAGES, fallback) == shown


def _files(root: Path, names: list[str]) -> dict[str, tuple[int, int]]:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name, encoding="utf-8")
    return snapshot([str(root / "docs"), str(root / "data"), str(root / "mkdocs.yml")])


def test_only_an_edit_of_existing_pages_in_docs_builds_fewer_languages(tmp_path):
    docs = str(tmp_path / "docs")
    _files(tmp_path, ["mkdocs.yml", "data/events.yaml", *(f"docs/{page}" for page in PAGES), "docs/assets/logo.png"])

    def after(*changes) -> set[str] | None:
        before = snapshot([docs, str(tmp_path / "data"), str(tmp_path / "mkdocs.yml")])
        for change in changes:
            change()
        now = snapshot([docs, str(tmp_path / "data"), str(tmp_path / "mkdocs.yml")])
        return languages_to_build(before, now, docs, LANGUAGES, fallback=True)

    def edit(name: str):
        path = tmp_path / name
        return lambda: path.write_text(path.read_text(encoding="utf-8") + " edited", encoding="utf-8")

    assert after() is None  # nothing seen: the change was elsewhere, build everything
    assert after(edit("docs/legal.bg.md")) == {"en", "bg"}  # the default language is MkDocs' own build
    assert after(edit("docs/about.md")) == {"en", "bg", "cs"}
    assert after(edit("docs/legal.cs.md"), edit("docs/notice.sr.md")) == {"en", "cs", "sr"}
    new_page = lambda: (tmp_path / "docs" / "new.md").write_text("# New\n", encoding="utf-8")  # noqa: E731
    removed_page = lambda: os.remove(tmp_path / "docs" / "notice.sr-cyrl.md")  # noqa: E731
    for change in (edit("data/events.yaml"), edit("mkdocs.yml"), edit("docs/assets/logo.png"), new_page, removed_page):
        assert after(edit("docs/legal.bg.md"), change) is None  # with any other change: every language
