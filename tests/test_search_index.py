"""The build's search index: one Pagefind run per language, merged into the index one run over the site writes."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from clustersite.mkdocs_layer import pagefind_kept, pagefind_languages, pagefind_search
from clustersite.mkdocs_layer.pagefind_languages import LanguageIndexes, language_glob, merge

LANGUAGES = {"en": "", "sr-cyrl": "sr-cyrl", "cs": "cs"}  # code -> its folder (the default language, en, at the root)
WORDS = {"en": "harvest", "sr-cyrl": "жетва", "cs": "sklizeň"}


def _page(path: Path, lang: str, text: str, *, indexed: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = f"<main data-pagefind-body><h1>{text}</h1><p>{text}</p></main>" if indexed else f"<p>{text}</p>"
    path.write_text(f'<html lang="{lang}"><head><title>{text}</title></head><body><nav>menu</nav>{body}</body></html>',
                    encoding="utf-8")


def _site(root: Path) -> Path:
    """A small site in three languages, with a folder name Pagefind's globs would read as a pattern."""
    for code, folder in LANGUAGES.items():
        base = root / folder
        _page(base / "index.html", code, f"{WORDS[code]} home")
        for n in range(3):
            _page(base / "events" / f"e{n}" / "index.html", code, f"{WORDS[code]} event {n}")
        _page(base / "search" / "index.html", code, "search", indexed=False)
        _page(base / "404.html", code, "not found", indexed=False)
    _page(root / "odd{name},[x]" / "index.html", "en", "curious harvest")
    _page(root / "top.html", "en", "harvest at the top")
    return root


def _index_by_language(site: Path) -> None:
    """As the build does it: every language's run started, then waited for, then merged."""
    indexes = LanguageIndexes()
    for code in LANGUAGES:
        indexes.start(site, code, language_glob(site, code, list(LANGUAGES), "en"))
    indexes.wait()
    merge(site, list(LANGUAGES))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_default_languages_glob_takes_the_root_but_the_other_languages_and_the_index_folders(tmp_path):
    site = _site(tmp_path / "site")
    for name in ("pagefind", "pagefind.next", "pagefind.parts"):
        (site / name).mkdir()
    root = r"{events/**/*.html,index.html,odd\{name\}\,\[x\]/**/*.html,search/**/*.html,top.html}"
    assert language_glob(site, "en", list(LANGUAGES), "en") == root
    assert language_glob(site, "sr-cyrl", list(LANGUAGES), "en") == "sr-cyrl/**/*.html"


@pytest.mark.parametrize("during_the_build", [True, False])
def test_the_languages_indexes_merge_into_what_one_run_over_the_site_writes(tmp_path, during_the_build):
    site = _site(tmp_path / "site")
    subprocess.run(pagefind_search.command(site, "whole"), check=True, timeout=120)
    if during_the_build:
        _index_by_language(site)
    else:  # after the build, one language at a time (the benchmark's plain variant)
        pagefind_languages.index_site(site, list(LANGUAGES), "en")
    merged, whole = _files(site / "pagefind"), _files(site / "whole")
    assert merged.keys() == whole.keys()
    # byte for byte, but the list of languages, which one run writes in a random order
    assert [name for name in merged if merged[name] != whole[name] and name != "pagefind-entry.json"] == []
    entry, expected = json.loads(merged["pagefind-entry.json"]), json.loads(whole["pagefind-entry.json"])
    assert entry.pop(pagefind_kept.KEY) == pagefind_kept.key()  # what the next build checks before keeping fragments
    assert entry == expected and list(entry["languages"]) == ["en", "sr-cyrl", "cs"]  # the site's order, every run
    assert {code: language["page_count"] for code, language in entry["languages"].items()} == {"en": 6, "sr-cyrl": 4, "cs": 4}
    assert not (site / pagefind_languages.PARTS).exists()


def test_a_failed_pagefind_run_fails_the_build_naming_the_language(tmp_path):
    site = _site(tmp_path / "site")
    indexes = LanguageIndexes()
    indexes.start(site, "en", language_glob(site, "en", list(LANGUAGES), "en"))
    indexes.start(site, "cs", "nothing/**/*.html")  # no page: Pagefind has nothing to index
    with pytest.raises(PluginError, match=r"^Pagefind could not index the 'cs' pages: .*not able to build an index"):
        indexes.wait()
    assert indexes.runs == []


def test_a_stopped_build_leaves_no_pagefind_run_behind(tmp_path):
    site = tmp_path / "site"
    for n in range(2000):
        _page(site / f"p{n}" / "index.html", "en", f"page {n}")
    indexes = LanguageIndexes()
    indexes.start(site, "en", language_glob(site, "en", ["en"], "en"))
    run = indexes.runs[0]
    indexes.stop()
    assert run.process.returncode is not None and indexes.runs == []


def test_pages_of_one_language_in_two_folders_fail_the_merge_rather_than_drop_an_index(tmp_path):
    site = _site(tmp_path / "site")
    _page(site / "cs" / "stray" / "index.html", "sr-cyrl", "жетва")  # a Serbian page among the Czech ones
    with pytest.raises(PluginError, match=r"Pagefind found pages in sr-cyrl among the 'cs' pages as well as elsewhere"):
        _index_by_language(site)


def test_the_built_sites_index_lists_every_language_with_each_ones_pages(example_site):
    entry = json.loads((example_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en", "sr-latn", "sr-cyrl", "bg", "cs"]
    for code, tag in {"": "en", "sr": "sr-latn", "sr-cyrl": "sr-cyrl", "bg": "bg", "cs": "cs"}.items():
        folder = example_site / code
        pages = [p for p in folder.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")
                 and (code or not re.match(r"(sr|sr-cyrl|bg|cs)/", p.relative_to(folder).as_posix()))]
        assert entry["languages"][tag]["page_count"] == len(pages) > 10, code
        assert (example_site / "pagefind" / f"pagefind.{entry['languages'][tag]['hash']}.pf_meta").is_file()
    assert sorted(p.name for p in example_site.iterdir() if p.name.startswith("pagefind")) == ["pagefind"]
