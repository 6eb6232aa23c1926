"""A rebuild keeps the search index's fragments of the pages it did not change, and ends with the index a build
into an empty folder writes (pagefind_kept.py)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from clustersite.mkdocs_layer import pagefind_kept, pagefind_languages, pagefind_search
from clustersite.mkdocs_layer.pagefind_languages import LanguageIndexes, language_glob, merge
from conftest import run_build

LANGUAGES = {"en": "", "cs": "cs"}  # code -> its folder (the default language, en, at the root)
TAGS = {"en": "en", "cs": "cs"}


def _page(path: Path, lang: str, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<html lang="{lang}"><head><title>{text}</title></head><body><nav>menu</nav>'
                    f"<main data-pagefind-body><h1>{text}</h1><p>{text} harvest</p></main></body></html>", encoding="utf-8")


def _site(root: Path, pages: int = 12) -> Path:
    for code, folder in LANGUAGES.items():
        for n in range(pages):
            _page(root / folder / "events" / f"e{n}" / "index.html", code, f"{code} event {n}")
        _page(root / folder / "index.html", code, f"{code} home")
    return root


def _start_of_build(site: Path) -> int:
    """A time of the file system's clock after every file now in the site (as site_folder notes a build's start)."""
    time.sleep(0.02)
    mark = site / ".start"
    mark.write_text("", encoding="utf-8")
    since = mark.stat().st_ctime_ns
    mark.unlink()
    time.sleep(0.02)
    return since


def _build_index(site: Path, since: int | None, *, in_place: bool = True, languages: dict | None = None,
                 codes: dict | None = None) -> None:
    """As a build does it: the folder readied, each language's run started and waited for, then the merge."""
    codes = codes or LANGUAGES
    keeping = pagefind_kept.ready(site, in_place=in_place)
    indexes = LanguageIndexes()
    for code in codes:
        indexes.start(site, code, language_glob(site, code, list(codes), "en"), language=(languages or TAGS)[code],
                      since=since if keeping else None)
    indexes.wait()
    merge(site, list(codes))


def _fresh_index(site: Path, into: str = "fresh") -> dict[str, bytes]:
    """One Pagefind run over the whole site into a folder of its own."""
    subprocess.run(pagefind_search.command(site, into), check=True, timeout=120, env=pagefind_search.environment())
    return _files(site / into)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _same_index(built: dict[str, bytes], fresh: dict[str, bytes]) -> list[str]:
    """The files that differ, bar the list of languages, which one run writes in a random order."""
    differ = sorted(set(built) ^ set(fresh)) + [n for n in built if n in fresh and built[n] != fresh[n] and n != "pagefind-entry.json"]
    if json.loads(built["pagefind-entry.json"])["languages"] != json.loads(fresh["pagefind-entry.json"])["languages"]:
        differ.append("pagefind-entry.json")
    return differ


def _fragments(site: Path) -> dict[str, tuple[int, int]]:
    """Each fragment's inode and ctime: a file written again has a new ctime."""
    return {p.name: (p.stat().st_ino, p.stat().st_ctime_ns) for p in (site / "pagefind" / "fragment").iterdir()}


def test_a_rebuild_keeps_the_fragments_of_unchanged_pages_and_ends_with_a_fresh_runs_index(tmp_path):
    site = _site(tmp_path / "site")
    _build_index(site, None)
    before = _fragments(site)

    since = _start_of_build(site)
    _page(site / "cs" / "events" / "e3" / "index.html", "cs", "cs event 3, moved to May")  # changed
    (site / "events" / "e4" / "index.html").unlink()  # gone
    _page(site / "events" / "e99" / "index.html", "en", "en event 99")  # new
    for page in site.rglob("index.html"):  # the others written with the same bytes: touched, their mtime kept
        facts = page.stat()
        os.utime(page, ns=(facts.st_atime_ns, facts.st_mtime_ns))
    _build_index(site, since)

    after, fresh = _fragments(site), _fresh_index(site)
    assert _same_index(_files(site / "pagefind"), fresh) == []
    kept = {name for name in after if after[name] == before.get(name)}
    assert len(after) == 2 * 13 and len(kept) == 2 * 13 - 2  # all but the changed page's and the new page's
    urls = {pagefind_kept.fragment_url(str(site / "pagefind" / "fragment" / name)) for name in set(after) - kept}
    assert urls == {"/cs/events/e3/", "/events/e99/"}
    assert not (site / pagefind_languages.PARTS).exists()


def test_an_old_fragment_of_a_changed_page_goes_before_the_run_even_under_the_name_its_new_one_takes(tmp_path):
    """Names are short hashes, so a changed page's new fragment may be named as an old file is; planted here: the
    page's old fragment under its new name. Removed before the run (the page changed), it is written anew."""
    site = _site(tmp_path / "site")
    _build_index(site, None)
    fragments = site / "pagefind" / "fragment"
    old = next(name for name in _fragments(site) if pagefind_kept.fragment_url(str(fragments / name)) == "/cs/events/e3/")
    since = _start_of_build(site)
    _page(site / "cs" / "events" / "e3" / "index.html", "cs", "cs event 3, moved to May")
    fresh = _fresh_index(site)
    new = next(name for name in fresh if name.startswith("fragment/") and b"moved to May" in gzip.decompress(fresh[name]))
    (fragments / new.removeprefix("fragment/")).write_bytes((fragments / old).read_bytes())
    for page in site.rglob("index.html"):
        if "e3" not in page.parts:
            os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns))
    _build_index(site, since)
    assert _same_index(_files(site / "pagefind"), fresh) == []


def test_a_page_changed_by_hand_after_its_fragment_was_made_does_not_keep_it(tmp_path):
    """Written over by hand between two builds, then by the build with the same bytes (only touched, so its mtime
    is older than the build): its old fragment, here under the name its new one takes, is not kept."""
    site = _site(tmp_path / "site")
    _build_index(site, None)
    fragments = site / "pagefind" / "fragment"
    old = next(name for name in _fragments(site) if pagefind_kept.fragment_url(str(fragments / name)) == "/cs/events/e3/")
    made = (fragments / old).stat()
    time.sleep(0.02)
    _page(site / "cs" / "events" / "e3" / "index.html", "cs", "cs event 3, edited in the site folder")
    since = _start_of_build(site)
    fresh = _fresh_index(site)
    new = site / "pagefind" / next(name for name in fresh if name.startswith("fragment/") and b"edited" in gzip.decompress(fresh[name]))
    new.write_bytes((fragments / old).read_bytes())
    os.utime(new, ns=(made.st_atime_ns, made.st_mtime_ns))  # as old as the fragment it is a copy of
    _build_index(site, since)
    assert _same_index(_files(site / "pagefind"), fresh) == []


def test_a_build_that_did_not_finish_leaves_nothing_to_keep(tmp_path):
    """Its runs may have stopped halfway through a file, which a later run would take as written."""
    site = _site(tmp_path / "site")
    words = " ".join(f"word{n}" for n in range(6000))  # a fragment large enough to be cut after its address
    _page(site / "events" / "long" / "index.html", "en", words)
    _build_index(site, None)
    half = max((site / "pagefind" / "fragment").iterdir(), key=lambda path: path.stat().st_size)
    half.write_bytes(half.read_bytes()[: half.stat().st_size // 2])
    assert pagefind_kept.fragment_url(str(half)) == "/events/long/"  # still reads as the page's
    (site / "pagefind" / "pagefind-entry.json").unlink()  # the merge, which writes it last, never came
    _build_index(site, _start_of_build(site))
    assert _same_index(_files(site / "pagefind"), _fresh_index(site)) == []


@pytest.mark.parametrize("why", ["another Pagefind", "not in place"])
def test_an_index_of_another_pagefind_or_a_build_not_in_place_is_made_afresh(tmp_path, why):
    site = _site(tmp_path / "site")
    _build_index(site, None)
    if why == "another Pagefind":
        entry = site / "pagefind" / "pagefind-entry.json"
        made = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps({**made, pagefind_kept.KEY: ["0.9.0", *made[pagefind_kept.KEY][1:]]}), encoding="utf-8")
    before = _fragments(site)
    pagefind_kept.ready(site, in_place=why == "another Pagefind")
    assert not (site / "pagefind").exists()
    _build_index(site, _start_of_build(site))
    assert not set(_fragments(site).items()) & set(before.items())


def test_a_name_one_run_gave_two_pages_has_its_files_written_again(tmp_path, monkeypatch):
    """Pagefind names a page by a hash's first seven characters, lengthened where two pages of one run share them;
    a page may then take the name of another page's kept fragment. Simulated: a kept fragment holds another page's
    data, and the run reports its name as one of a colliding pair, as it would."""
    site = _site(tmp_path / "site")
    _build_index(site, None)
    fragments = site / "pagefind" / "fragment"
    wrong, other = sorted(name for name in _fragments(site) if name.startswith("cs_"))[:2]
    (fragments / wrong).write_bytes((fragments / other).read_bytes())
    collided = wrong.removesuffix(".pf_fragment")
    monkeypatch.setattr(pagefind_kept, "colliding", lambda names: {collided} if collided in names else set())
    _build_index(site, _start_of_build(site))
    assert _same_index(_files(site / "pagefind"), _fresh_index(site)) == []


def test_pages_in_another_language_than_expected_are_indexed_without_kept_fragments(tmp_path):
    """Fragments are kept by their language's name; pages that say another language get none kept."""
    site = _site(tmp_path / "site")
    _build_index(site, None)
    since = _start_of_build(site)
    fragments = site / "pagefind" / "fragment"
    stale = sorted(name for name in _fragments(site) if name.startswith("cs_"))
    (fragments / stale[0]).write_bytes((fragments / stale[1]).read_bytes())  # wrong, and left by the pruning below
    _build_index(site, since, languages={"en": "en", "cs": "cs-cz"})  # the run finds "cs" pages, not "cs-cz"
    assert _same_index(_files(site / "pagefind"), _fresh_index(site)) == []


def test_without_symbolic_links_each_run_writes_its_own_fragments_and_the_merge_moves_them(tmp_path, monkeypatch):
    site = _site(tmp_path / "site")
    _build_index(site, None)
    before = _fragments(site)
    monkeypatch.setattr(os, "symlink", lambda *args, **kwargs: (_ for _ in ()).throw(OSError("no links here")))
    _build_index(site, _start_of_build(site))
    assert _same_index(_files(site / "pagefind"), _fresh_index(site)) == []
    assert not set(_fragments(site).items()) & set(before.items())  # nothing kept: every fragment made anew


def test_the_merge_removes_what_no_language_lists_any_more(tmp_path):
    site = _site(tmp_path / "site")
    _build_index(site, None)
    (site / "pagefind" / "fragment" / "de_1234567.pf_fragment").write_bytes(b"a language no longer built")
    (site / "pagefind" / "pagefind.de_1234567.pf_meta").write_bytes(b"its list")
    (site / "pagefind" / "index" / "de_7654321.pf_index").write_bytes(b"its words")
    _build_index(site, _start_of_build(site))
    assert _same_index(_files(site / "pagefind"), _fresh_index(site)) == []


def _collide(site: Path) -> None:
    """Two pages whose fragments Pagefind 1.5 names cs_90de627 and cs_90de627a: a hash's first seven characters shared."""
    for n in (8359, 19359):
        _page(site / "cs" / f"c{n}" / "index.html", "cs", f"t{n}")


def _runs(monkeypatch) -> list[str]:
    started, real = [], pagefind_languages._started
    monkeypatch.setattr(pagefind_languages, "_started", lambda site, code, glob: started.append(code) or real(site, code, glob))
    return started


def test_a_real_name_clash_kept_from_the_last_build_is_written_again_not_indexed_twice(tmp_path, monkeypatch):
    site = _site(tmp_path / "site", pages=3)
    _collide(site)
    _build_index(site, None)
    before = _fragments(site)
    clashing = sorted(name for name in before if name.startswith("cs_90de627"))
    assert clashing == ["cs_90de627.pf_fragment", "cs_90de627a.pf_fragment"]  # else Pagefind's hash changed
    runs = _runs(monkeypatch)
    _build_index(site, _start_of_build(site))  # nothing changed: the pair is written again, each language run once
    after = _fragments(site)
    assert runs == ["en", "cs"] and sorted(name for name in after if after[name] != before[name]) == clashing
    assert _same_index(_files(site / "pagefind"), _fresh_index(site)) == []


@pytest.mark.parametrize("first", [8359, 19359])
def test_a_page_that_takes_a_kept_fragments_name_is_indexed_again_without_it(tmp_path, first):
    """One page of the pair built first, the other added: whichever order Pagefind meets them in, the index
    ends as a fresh run's."""
    site = _site(tmp_path / "site", pages=3)
    page = site / "cs" / f"c{first}" / "index.html"
    _page(page, "cs", f"t{first}")
    _build_index(site, None)
    facts = page.stat()
    since = _start_of_build(site)
    _collide(site)
    os.utime(page, ns=(facts.st_atime_ns, facts.st_mtime_ns))  # written with the same bytes: its mtime kept
    _build_index(site, since)
    assert _same_index(_files(site / "pagefind"), _fresh_index(site)) == []


def test_one_languages_fragments_are_not_anothers_whose_name_begins_the_same(tmp_path):
    """`pt` and `pt_BR` (a locale static-i18n takes): pt_br_... fragments are not pt's to prune."""
    codes, tags = {"pt": "pt", "pt_BR": "pt_BR"}, {"pt": "pt", "pt_BR": "pt_br"}
    site = tmp_path / "site"
    for code in codes:
        for n in range(3):
            _page(site / code / "events" / f"e{n}" / "index.html", code, f"{code} event {n}")
    _build_index(site, None, languages=tags, codes=codes)
    theirs = {name: facts for name, facts in _fragments(site).items() if name.startswith("pt_br_")}
    since = _start_of_build(site)
    for n in range(3):  # pt_BR's pages written in this build: its own run, in another process, may prune them
        _page(site / "pt_BR" / "events" / f"e{n}" / "index.html", "pt_BR", f"pt_BR event {n}, moved")
    pagefind_kept.ready(site, in_place=True)
    assert pagefind_kept.prune(site, "pt", since) and {n: f for n, f in _fragments(site).items() if n.startswith("pt_br_")} == theirs


def test_pagefinds_own_settings_in_the_environment_are_not_read(tmp_path, monkeypatch):
    """They would change what it writes, which the kept fragments were made without."""
    site = _site(tmp_path / "site")
    _build_index(site, None)
    monkeypatch.setenv("PAGEFIND_EXCLUDE_SELECTORS", "h1")
    monkeypatch.setenv("PAGEFIND_GLOB", "nothing/*.html")
    _build_index(site, _start_of_build(site))
    monkeypatch.delenv("PAGEFIND_EXCLUDE_SELECTORS")
    monkeypatch.delenv("PAGEFIND_GLOB")
    assert _same_index(_files(site / "pagefind"), _fresh_index(site)) == []


def test_a_failed_run_leaves_an_index_the_next_build_does_not_keep(tmp_path):
    site = _site(tmp_path / "site")
    _build_index(site, None)
    before = _fragments(site)
    assert pagefind_kept.ready(site, in_place=True)
    indexes = LanguageIndexes()
    indexes.start(site, "en", language_glob(site, "en", list(LANGUAGES), "en"), language="en", since=_start_of_build(site))
    indexes.start(site, "cs", "nothing/**/*.html", language="cs", since=None)  # no page: the run fails
    with pytest.raises(PluginError, match="Pagefind could not index the 'cs' pages"):
        indexes.wait()
    assert not (site / "pagefind" / "pagefind-entry.json").exists()
    _build_index(site, _start_of_build(site))
    assert not set(_fragments(site).items()) & set(before.items())  # every fragment made anew


def test_an_error_while_waiting_stops_the_other_runs(tmp_path, monkeypatch):
    site = tmp_path / "site"
    for code in LANGUAGES:
        for n in range(1500):
            _page(site / LANGUAGES[code] / "p" / f"{n}" / "index.html", code, f"{code} page {n}")
    indexes = LanguageIndexes()
    for code in LANGUAGES:
        indexes.start(site, code, language_glob(site, code, list(LANGUAGES), "en"), language=TAGS[code], since=None)
    runs = list(indexes.runs)
    monkeypatch.setattr(pagefind_languages, "_finished", lambda run: (_ for _ in ()).throw(KeyError("hash")))
    with pytest.raises(KeyError):
        indexes.wait()
    assert all(run.process.poll() is not None for run in runs)


def test_names_one_of_which_begins_another_are_found():
    names = ["cs_1234567", "cs_12345678", "cs_1234568", "cs_2222222", "cs_22222229a", "cs_3333333"]
    assert pagefind_kept.colliding(names) == {"cs_1234567", "cs_12345678", "cs_2222222", "cs_22222229a"}
    assert pagefind_kept.colliding(["en_1111111", "en_1111112", "cs_1111111"]) == set()


def test_a_fragments_address_is_read_from_its_first_bytes_or_the_whole_file(tmp_path):
    long = "/" + "a" * 6000 + "/"
    for name, url in {"short": "/cs/events/e1/", "long": long, "quoted": '/odd "name"/'}.items():
        data = b"pagefind_dcd" + json.dumps({"url": url, "content": "x" * 9000}, separators=(",", ":")).encode()  # as serde writes it
        (tmp_path / name).write_bytes(gzip.compress(data))
        assert pagefind_kept.fragment_url(str(tmp_path / name)) == url, name
    (tmp_path / "other").write_bytes(gzip.compress(b'{"url":"/x/"}'))
    (tmp_path / "broken").write_bytes(b"not gzip at all")
    assert pagefind_kept.fragment_url(str(tmp_path / "other")) is None
    assert pagefind_kept.fragment_url(str(tmp_path / "broken")) is None


def test_a_rebuild_of_a_site_writes_only_the_fragments_of_the_pages_it_changed(project_copy, tmp_path):
    """Real builds of the example site: built again as it is, not one fragment is written; after an edit of one
    page in docs/, its fragments alone (one per language that shows it), and the index is the one a build into an
    empty folder writes."""
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    assert run_build(site, config=project_copy / "mkdocs.yml").returncode == 0
    first = _fragments(site)
    again = run_build(site, config=project_copy / "mkdocs.yml")
    assert again.returncode == 0, again.stderr[-3000:]
    assert _fragments(site) == first

    legal = project_copy / "docs" / "legal.md"
    legal.write_text(legal.read_text(encoding="utf-8") + "\nThis site keeps no visitor data.\n", encoding="utf-8")
    edited = run_build(site, config=project_copy / "mkdocs.yml")
    assert edited.returncode == 0, edited.stderr[-3000:]
    assert run_build(fresh, config=project_copy / "mkdocs.yml").returncode == 0
    assert _same_index(_files(site / "pagefind"), _files(fresh / "pagefind")) == []
    after = _fragments(site)
    written = sorted(pagefind_kept.fragment_url(str(site / "pagefind" / "fragment" / name)) for name in after
                     if after[name] != first.get(name))
    assert written and all(url.rstrip("/").endswith("legal") for url in written), written
