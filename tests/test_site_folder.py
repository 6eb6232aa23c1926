"""The site folder is brought up to date in place, and ends as the folder MkDocs would have emptied first."""

from __future__ import annotations

import os
from pathlib import Path

import mkdocs.utils
import pytest

from clustersite.data.site_data import Languages
from clustersite.mkdocs_layer import language_sitemaps, pagefind_languages, site_folder, site_writes
from conftest import FIXTURES, SUBPATH, assemble_site, run_build


def _tree(root: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under root."""
    return {path.relative_to(root).as_posix(): path.read_bytes() if path.is_file() else None for path in root.rglob("*")}


def test_a_build_over_another_sites_folder_leaves_what_a_build_into_an_emptied_one_does(example_site, tmp_path):
    """The example site built over the horizon site's folder, with leftovers of every kind, against the example
    site built into an empty folder: the same files, byte for byte, and the same folders. Old pages left beside the
    new would also show in the search index (pagefind/), which is compared with the rest."""
    site = tmp_path / "www" / SUBPATH
    other = assemble_site(FIXTURES / "horizon", tmp_path / "horizon")
    assert run_build(site, config=other / "mkdocs.yml").returncode == 0
    (site / "old" / "nested").mkdir(parents=True)
    (site / "old" / "nested" / "page.html").write_text("old", encoding="utf-8")
    (site / "old-empty").mkdir()
    (site / "cs" / ".hidden-below-the-top").write_text("old", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    outside = tmp_path / "outside.html"
    outside.write_text("not the site's", encoding="utf-8")
    (site / "index.html").unlink()
    (site / "index.html").symlink_to(outside)

    result = run_build(site, config=example_site.parent.parent / "project" / "mkdocs.yml")

    assert result.returncode == 0, result.stderr[-3000:]
    assert outside.read_text(encoding="utf-8") == "not the site's"  # not written through the link
    built, expected = _tree(site), _tree(example_site)
    assert built.pop(".nojekyll") == b""  # hidden entries at the top stay, as MkDocs' emptying leaves them
    assert sorted(set(built) - set(expected)) == [] and sorted(set(expected) - set(built)) == []
    assert [name for name in expected if built[name] != expected[name]] == []
    assert not (site / "index.html").is_symlink()


def test_a_build_into_an_empty_folder_writes_no_empty_folder(example_site):
    """The final sweep removes every empty folder, which is right only while no build makes one."""
    assert [str(path) for path in example_site.rglob("*") if path.is_dir() and not any(path.iterdir())] == []


def test_a_failed_build_sweeps_nothing_a_dirty_one_nothing_and_the_switch_empties_first(project_copy, tmp_path):
    site = tmp_path / "site"
    assert run_build(site, config=project_copy / "mkdocs.yml").returncode == 0
    (site / "earlier.txt").write_text("an earlier build's file", encoding="utf-8")
    held = tmp_path / "home-held.html"  # a second name keeps the page's inode in use: a new file cannot be given its number
    os.link(site / "index.html", held)
    home = held.stat().st_ino
    main = project_copy / "overrides" / "main.html"
    theme = main.read_text(encoding="utf-8")
    main.write_text(theme.replace("{% block content %}", '{% block content %}<a href="javascript:alert(1)">x</a>'),
                    encoding="utf-8")  # found in the pages' final HTML, after the folder's start is noted

    failed = run_build(site, config=project_copy / "mkdocs.yml")
    assert failed.returncode != 0 and "javascript" in failed.stderr
    assert (site / "earlier.txt").read_text(encoding="utf-8") == "an earlier build's file"

    main.write_text(theme, encoding="utf-8")
    dirty = run_build(site, config=project_copy / "mkdocs.yml", options=("--dirty",), strict=False)  # MkDocs warns of --dirty
    assert dirty.returncode == 0, dirty.stderr[-3000:]
    assert (site / "earlier.txt").is_file()

    in_place = run_build(site, config=project_copy / "mkdocs.yml")
    assert in_place.returncode == 0, in_place.stderr[-3000:]
    assert not (site / "earlier.txt").exists() and (site / "index.html").stat().st_ino == home  # touched, not made anew

    emptied = run_build(site, config=project_copy / "mkdocs.yml", extra_env={site_folder.SWITCH: "1"})
    assert emptied.returncode == 0, emptied.stderr[-3000:]
    assert (site / "index.html").stat().st_ino != home  # MkDocs emptied the folder and wrote the page anew


@pytest.fixture()
def run_state():
    """site_folder's replacements installed for a test, and MkDocs' own functions back afterwards."""
    site_folder.start()
    yield site_folder.RUN
    site_folder.forget()
    for name, original in site_writes.MKDOCS_OWN.items():
        setattr(mkdocs.utils, name, original)


def _old(path: Path, text: str = "old") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_sweep_removes_what_was_there_before_the_start_and_keeps_what_was_written_since(tmp_path, run_state):
    kept_hidden, old_page = _old(tmp_path / ".git" / "HEAD"), _old(tmp_path / "events" / "gone" / "index.html")
    old_feed, same_page = _old(tmp_path / "feeds" / "old.xml"), _old(tmp_path / "events" / "kept" / "index.html", "same")
    rewritten = _old(tmp_path / "index.html")
    (tmp_path / "empty" / "deeper").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "index.html")

    mkdocs.utils.clean_directory(str(tmp_path))
    assert not (tmp_path / "link").exists() and old_page.exists()  # links go first; files stay until the sweep
    mkdocs.utils.write_file(b"same", str(same_page))
    mkdocs.utils.write_file(b"new", str(rewritten))
    mkdocs.utils.write_file(b"new", str(tmp_path / "events" / "new" / "index.html"))
    site_folder.sweep(str(tmp_path))

    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        ".git", ".git/HEAD", "events", "events/kept", "events/kept/index.html", "events/new", "events/new/index.html",
        "index.html"]
    assert kept_hidden.read_text() == "old" and rewritten.read_text() == "new" and same_page.read_text() == "same"
    assert not old_feed.exists()


def test_a_page_with_the_bytes_already_there_is_only_touched(tmp_path, run_state, monkeypatch):
    page = _old(tmp_path / "index.html", "same")
    mkdocs.utils.clean_directory(str(tmp_path))
    writes = []
    monkeypatch.setattr(site_writes, "_WRITE_FILE", lambda content, path: writes.append(path))

    made = os.lstat(page).st_mtime_ns
    mkdocs.utils.write_file(b"same", str(page))
    assert writes == [] and os.lstat(page).st_ctime_ns >= run_state.since
    assert os.lstat(page).st_mtime_ns == made and site_folder.unchanged_before() > made  # its content's time kept
    mkdocs.utils.write_file(b"other", str(page))
    assert writes == [str(page)]


def test_a_file_whose_times_this_user_may_not_set_is_written_instead(tmp_path, run_state, monkeypatch):
    """Setting a file's times to given values needs its owner (a site folder shared with others' files)."""
    page = _old(tmp_path / "index.html", "same")
    mkdocs.utils.clean_directory(str(tmp_path))

    def refused(path, *args, **kwargs):
        raise PermissionError(1, "Operation not permitted", path)

    monkeypatch.setattr(site_writes.os, "utime", refused)
    made = os.lstat(page).st_mtime_ns
    mkdocs.utils.write_file(b"same", str(page))
    assert page.read_text() == "same" and os.lstat(page).st_mtime_ns > made  # written: newer than the search index's


def test_feeds_and_calendars_with_the_bytes_already_there_are_only_touched(tmp_path, run_state, monkeypatch):
    same, changed = _old(tmp_path / "feed.xml", "same"), _old(tmp_path / "events" / "e.ics", "old")
    mkdocs.utils.clean_directory(str(tmp_path))
    opened = []

    def recorded_open(path, mode="r", *args, **kwargs):
        opened.append((os.path.basename(path), mode))
        return open(path, mode, *args, **kwargs)

    monkeypatch.setattr(site_writes, "open", recorded_open, raising=False)
    site_writes.write_files({same: b"same", changed: b"new", tmp_path / "new" / "n.ics": b"n"})

    assert sorted(name for name, mode in opened if "w" in mode) == ["e.ics", "n.ics"]
    assert changed.read_bytes() == b"new" and (tmp_path / "new" / "n.ics").read_bytes() == b"n"
    assert min(os.lstat(path).st_ctime_ns for path in (same, changed)) >= run_state.since


def test_without_an_emptying_there_is_nothing_to_sweep(tmp_path, run_state):
    """A --dirty build (MkDocs empties nothing), or a folder that did not exist: old files stay."""
    old = _old(tmp_path / "old.html")
    site_folder.sweep(str(tmp_path))
    assert old.exists()


def test_a_clock_set_back_during_the_build_leaves_the_old_files_with_a_warning(tmp_path, run_state, monkeypatch):
    old = _old(tmp_path / "old.html")
    mkdocs.utils.clean_directory(str(tmp_path))
    run_state.wall += 3600 * 10**9  # as if the clock went back an hour since the start
    heard: list[str] = []
    monkeypatch.setattr(site_folder.log, "warning", heard.append)  # MkDocs' loggers may not reach pytest's
    site_folder.sweep_pages([tmp_path])
    site_folder.sweep(str(tmp_path))
    assert old.exists()
    assert len(heard) == 1 and "clock went back" in heard[0] and "delete the folder" in heard[0]


def test_an_earlier_builds_file_where_a_folder_goes_and_folder_where_a_file_goes_make_way(tmp_path, run_state):
    _old(tmp_path / "feeds")  # a file, where this build writes feeds/...
    _old(tmp_path / "page" / "index.html" / "old.html")  # a folder, where this build writes a page
    _old(tmp_path / "asset" / "old.css")  # a folder, where this build copies a file (MkDocs would copy into it)
    source = _old(tmp_path.parent / f"{tmp_path.name}-source.css", "new")
    mkdocs.utils.clean_directory(str(tmp_path))

    site_writes.write_files({tmp_path / "feeds" / "en.xml": b"feed"})
    mkdocs.utils.write_file(b"page", str(tmp_path / "page" / "index.html"))
    mkdocs.utils.copy_file(str(source), str(tmp_path / "asset"))

    assert (tmp_path / "feeds" / "en.xml").read_bytes() == b"feed"
    assert (tmp_path / "page" / "index.html").read_bytes() == b"page"
    assert (tmp_path / "asset").read_bytes() == b"new"
    with pytest.raises(IsADirectoryError):  # a folder this build made stays, and the clash is the build's own
        mkdocs.utils.write_file(b"clash", str(tmp_path / "feeds"))


def test_the_default_languages_pages_leave_out_hidden_entries_and_links(tmp_path):
    outside = _old(tmp_path / "outside" / "keep.html")
    site = tmp_path / "site"
    _old(site / "index.html")
    _old(site / "events" / "index.html")
    _old(site / ".well-known" / "page.html")
    (site / "linked").symlink_to(outside.parent)
    area = pagefind_languages.language_area(site, "en", ["en", "cs"], "en")
    assert [path.name for path in area] == ["events", "index.html"]


def test_an_earlier_builds_site_map_is_not_cut_into_the_languages(tmp_path, run_state):
    sitemap = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               "<url><loc>https://example.org/</loc></url><url><loc>https://example.org/cs/</loc></url></urlset>\n")
    languages = Languages(codes=("en", "cs"), default="en")
    _old(tmp_path / "sitemap.xml", sitemap)
    mkdocs.utils.clean_directory(str(tmp_path))
    language_sitemaps.write(str(tmp_path), "https://example.org/", languages)
    assert not (tmp_path / "cs").exists()  # the site map is an earlier build's: this one wrote none
    mkdocs.utils.write_file(sitemap.encode(), str(tmp_path / "sitemap.xml"))
    language_sitemaps.write(str(tmp_path), "https://example.org/", languages)
    assert "https://example.org/cs/" in (tmp_path / "cs" / "sitemap.xml").read_text(encoding="utf-8")


def test_the_start_is_later_than_every_file_already_there(tmp_path, run_state):
    """Even on a file system that stamps files coarsely: the start waits for its clock to tick."""
    last = _old(tmp_path / "last.html")
    mkdocs.utils.clean_directory(str(tmp_path))
    assert os.lstat(last).st_ctime_ns < run_state.since


def test_the_switch_and_windows_give_mkdocs_its_own_emptying(monkeypatch, run_state):
    monkeypatch.setenv(site_folder.SWITCH, "1")
    site_folder.start()
    assert all(getattr(mkdocs.utils, name) is original for name, original in site_writes.MKDOCS_OWN.items())
    monkeypatch.delenv(site_folder.SWITCH)
    site_folder.start()
    assert not any(getattr(mkdocs.utils, name) is original for name, original in site_writes.MKDOCS_OWN.items())
    monkeypatch.setattr(os, "name", "nt")  # where a file's ctime is when it was made, which a write leaves
    site_folder.start()
    assert all(getattr(mkdocs.utils, name) is original for name, original in site_writes.MKDOCS_OWN.items())
