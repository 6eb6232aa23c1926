"""The preview (`mkdocs serve --dirty`, as the README starts it).

An edit in data/ or docs/ shows in every language it touches, in the lists that name the
edited item, and behind the language switcher. While data/ has mistakes, it answers every
address with a page that lists them (file:line, message, hint) instead of keeping the browser
waiting, and reloads the browser into the site once they are fixed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import types
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest

import child_processes
from browser import CHROMIUM_FLAGS, _free_port, require_chromium
from clustersite.mkdocs_layer import pagefind_search, preview_watcher
from conftest import BUILD_DATE, LANGUAGE_PREFIXES, SUBPATH

BROKEN = ("country: IT", "contry: IT")  # data/places.yaml of the example fixture


def fetch(url: str, timeout: float = 60) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


class Preview:
    """`mkdocs serve --dirty` on a copy of the example fixture site."""

    def __init__(self, project: Path, log: Path | None = None, verbose: bool = False, **environment: str) -> None:
        self.project, self.port = project, _free_port()
        self.base = f"http://127.0.0.1:{self.port}/{SUBPATH}/"
        env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{self.port}/{SUBPATH}/", "SITE_BUILD_DATE": BUILD_DATE,
               "NO_MKDOCS_2_WARNING": "1", **environment}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload", *(["-v"] if verbose else []),
             "-a", f"127.0.0.1:{self.port}", "-f", str(project / "mkdocs.yml")],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=log.open("w") if log else subprocess.PIPE, text=True,
            preexec_fn=child_processes.ctrl_c_as_in_a_terminal)

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.stderr.read()[-3000:] if self.process.stderr else "stopped"
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/livereload/0/0", timeout=5).read()
                return
            except OSError:
                time.sleep(0.5)
        pytest.fail("the preview did not start")

    def build(self) -> int:
        return int(fetch(f"http://127.0.0.1:{self.port}/livereload/0/0")[1])

    def wait_for_build_after(self, build: int) -> None:
        deadline = time.monotonic() + 180
        while self.build() <= build:
            assert time.monotonic() < deadline, "no new build"
            time.sleep(0.5)

    def edit(self, old: str, new: str, file: str = "data/places.yaml") -> None:
        path = self.project / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def wait_for_text(self, path: str, text: str) -> str:
        """The page at `path` once it shows `text`: the preview rebuilds on its own after an edit."""
        deadline = time.monotonic() + 180
        while True:
            status, html = fetch(self.base + path, timeout=60)
            if status == 200 and text in html:
                return html
            assert time.monotonic() < deadline, f"{path} does not show {text!r}"
            time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture()
def preview(fixture_copy):
    started = Preview(fixture_copy("example"))
    yield started
    started.stop()


def test_mistakes_are_shown_at_every_address_and_the_site_returns_when_they_are_fixed(preview):
    preview.edit(*BROKEN)
    preview.wait_until_up()
    for path in ("", "events/", "partners/enef/", "cs/projects/"):
        status, html = fetch(preview.base + path, timeout=30)  # answered at once, not held until a good build
        assert '<html lang="en">' in html and "The site was not built: 2 mistakes to fix in data/" in html, path
        assert "data/places.yaml:12:5" in html and "unknown key `contry`" in html and "did you mean `country`?" in html
        assert "/livereload/" in html
    before = preview.build()
    preview.edit(*reversed(BROKEN))
    preview.wait_for_build_after(before)
    status, html = fetch(preview.base + "partners/enef/")
    assert status == 200 and "(ENEF)" in html and "not built" not in html
    status, html = fetch(preview.base + "cs/projects/")
    assert status == 200 and '<html lang="cs"' in html

    before = preview.build()
    preview.edit(*BROKEN)  # a mistake made while the preview runs
    preview.wait_for_build_after(before)
    status, html = fetch(preview.base + "partners/enef/", timeout=30)
    assert "data/places.yaml:12:5" in html


# An event's title in each language the example writes, and what the edit makes of it; Serbian in Cyrillic
# is made from the Serbian text.
EVENT_FILE, EVENT = "data/projects/trace-kei.yaml", "events/trace-kei-training-bari/"
TITLES = {"en": ("First joint training, Bari", "First joint training, Bari and Lecce"),
          "sr": ("Prva zajednička obuka, Bari", "Prva zajednička obuka, Bari i Leće"),
          "bg": ("Първо съвместно обучение, Бари", "Първо съвместно обучение, Бари и Лече"),
          "cs": ("První společné školení, Bari", "První společné školení, Bari a Lecce")}
TAGS = {"en": "en", "sr": "sr-Latn", "sr-cyrl": "sr-Cyrl", "bg": "bg", "cs": "cs"}  # each language's hreflang
NEW_TITLES = {**{code: new for code, (_, new) in TITLES.items()}, "sr-cyrl": "Прва заједничка обука, Бари и Леће"}


def test_edits_in_data_and_docs_show_in_every_language_list_and_switcher(preview):
    preview.wait_until_up()
    for code, (old, new) in TITLES.items():
        preview.edit(f"{code}: {old}\n", f"{code}: {new}\n", EVENT_FILE)
    for code, title in NEW_TITLES.items():
        prefix = LANGUAGE_PREFIXES[code]
        html = preview.wait_for_text(prefix + EVENT, f">{title}</h1>")
        # The language switcher leads to the same event in every language, each edited too.
        links = {tag: href for href, tag in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"[^>]*class="md-select__link"', html)}
        assert sorted(links) == sorted(TAGS.values()), links
        for other, tag in TAGS.items():
            target = urljoin(preview.base + prefix + EVENT, links[tag])
            assert target == preview.base + LANGUAGE_PREFIXES[other] + EVENT, (code, other)
            assert NEW_TITLES[other] in fetch(target)[1], (code, other)
        # The lists that name the event: all events, the project's, its type's, and the project's page.
        for listing in ("events/", "events/projects/trace-kei/", "events/types/training/", "projects/trace-kei/"):
            assert title in fetch(preview.base + prefix + listing)[1], (code, listing)

    preview.edit("the site's editors chose one", "the site's editors picked one", "docs/legal.md")
    preview.edit("urednici sajta izabrali su jednu", "urednici sajta odabrali su jednu", "docs/legal.sr.md")
    preview.wait_for_text("legal/", "the site's editors picked one")
    preview.wait_for_text("sr/legal/", "urednici sajta odabrali su jednu")
    preview.wait_for_text("sr-cyrl/legal/", "уредници сајта одабрали су једну")
    status, html = fetch(preview.base + "bg/legal/")
    assert status == 200 and '<html lang="bg"' in html and "picked one" not in html


def test_an_edit_of_a_page_in_docs_rebuilds_only_the_languages_that_show_it(fixture_copy, tmp_path):
    log = tmp_path / "serve.log"
    preview = Preview(fixture_copy("example"), log=log)
    try:
        preview.wait_until_up()
        def served(path: str) -> str:  # without the build numbers the live-reload script is given
            return re.sub(r"livereload\(\d+, \d+\)", "livereload()", fetch(preview.base + path)[1])

        unchanged = {path: served(path) for path in ("bg/legal/", "sr/legal/", "legal/", "bg/404.html")}
        def listed(language: str) -> list[str]:  # a language's entries in the whole site map
            return [entry for entry in re.findall(r"<url>.*?</url>", fetch(preview.base + "sitemap.xml")[1], re.S)
                    if f"<loc>{preview.base}{language}/" in entry]

        bulgarian = listed("bg")
        assert len(bulgarian) > 10 and len(listed("cs")) == len(bulgarian)
        built_before = log.read_text(encoding="utf-8").count("Building 'bg' documentation")

        preview.edit("zvolili redaktoři stránek jednu", "vybrali redaktoři stránek jednu", "docs/legal.cs.md")
        preview.wait_for_text("cs/legal/", "vybrali redaktoři stránek jednu")
        assert {path: served(path) for path in unchanged} == unchanged
        assert listed("bg") == bulgarian  # the site map still lists the languages not built, as they were
        assert any(f"<loc>{preview.base}cs/legal/</loc>" in entry for entry in listed("cs"))
        # Czech and the default language (MkDocs' own build) were built; Bulgarian was not.
        assert log.read_text(encoding="utf-8").count("Building 'bg' documentation") == built_before

        # A template edited meanwhile (MkDocs does not watch the theme): the next build uses it, in every language
        # (the 404 pages are rendered in every build), though the preview keeps each language's Jinja environment.
        preview.edit('<div class="md-copyright eu-funding">', '<div class="md-copyright eu-funding" data-edited>',
                     "overrides/partials/copyright.html")
        old, new = TITLES["bg"]  # an edit in data/: every language again
        preview.edit(f"bg: {old}\n", f"bg: {new}\n", EVENT_FILE)
        preview.wait_for_text("bg/" + EVENT, f">{new}</h1>")
        assert log.read_text(encoding="utf-8").count("Building 'bg' documentation") == built_before + 1
        assert all("data-edited" in fetch(preview.base + prefix + "404.html")[1] for prefix in LANGUAGE_PREFIXES.values())
    finally:
        preview.stop()


def test_after_an_edit_of_data_the_languages_are_built_in_two_processes_and_follow_every_edit(fixture_copy, tmp_path):
    log = tmp_path / "serve.log"
    preview = Preview(fixture_copy("example"), log=log, verbose=True, CLUSTERSITE_PROCESSES="2")
    forked = "Languages built here: en, sr; in other processes: sr-cyrl, bg, cs"
    try:
        preview.wait_until_up()
        def entries() -> list[str]:
            return sorted(re.findall(r"<loc>([^<]+)</loc>", fetch(preview.base + "sitemap.xml")[1]))

        listed = entries()
        assert len(listed) > 100 and forked not in log.read_text(encoding="utf-8")  # the first build: one process
        cyrillic = Path(re.search(r"Building 'sr-cyrl' documentation to directory: (\S+)", log.read_text(encoding="utf-8"))[1])
        written = {page: (cyrillic / page / "index.html").stat().st_mtime_ns for page in ("", EVENT)}
        old_titles = {**{code: old for code, (old, _) in TITLES.items()}, "sr-cyrl": "Прва заједничка обука, Бари"}
        # The edit, then the edit undone: the languages built in the other process compare their pages with
        # the last run's too, so that the undone edit is written again in every language.
        for titles, before in ((NEW_TITLES, old_titles), (old_titles, NEW_TITLES)):
            build = preview.build()
            preview.edit("\n      ".join(f"{code}: {before[code]}" for code in TITLES),  # one save, as the file indents them
                         "\n      ".join(f"{code}: {titles[code]}" for code in TITLES), EVENT_FILE)
            preview.wait_for_build_after(build)
            for code, title in titles.items():
                html = preview.wait_for_text(LANGUAGE_PREFIXES[code] + EVENT, f">{title}</h1>")
                assert f">{before[code]}</h1>" not in html, code
                assert title in fetch(preview.base + LANGUAGE_PREFIXES[code] + "events/")[1], code
            assert entries() == listed  # every language's part of the site map, from both processes
        assert log.read_text(encoding="utf-8").count(forked) == 2
        # The event is not on the home page: the Cyrillic one, made from docs/index.sr.md and held in memory, was
        # not written again; the event's page was.
        assert {page: (cyrillic / page / "index.html").stat().st_mtime_ns == written[page] for page in written} == {
            "": True, EVENT: False}
    finally:
        preview.stop()


NEWS_FILE, NEWS = "data/news.yaml", "news/green-synergy-joins-trace-kei/"
NEWS_TITLES = {"en": ("Green Synergy Cluster starts work in the TRACE-KEI project", "Green Synergy Cluster joins TRACE-KEI"),
               "sr": ("Klaster „Zelena sinergija“ započeo rad u projektu TRACE-KEI", "Klaster „Zelena sinergija“ u projektu TRACE-KEI"),
               "bg": ("Клъстер „Зелена синергия“ започна работа по проекта TRACE-KEI", "Клъстер „Зелена синергия“ в TRACE-KEI"),
               "cs": ("Klastr Green Synergy zahájil práci v projektu TRACE-KEI", "Klastr Green Synergy v projektu TRACE-KEI")}
NEW_NEWS_TITLES = {**{code: new for code, (_, new) in NEWS_TITLES.items()}, "sr-cyrl": "Кластер „Зелена синергија“ у пројекту TRACE-KEI"}


def test_the_pages_of_docs_that_show_data_follow_an_edit_of_data(preview):
    # MkDocs' --dirty rebuilds a page of docs/ only when its file changes; the home page shows the latest news
    # (a marker filled from data/), in every language, Serbian in Cyrillic made from the Serbian page.
    preview.wait_until_up()
    for code, old in ((code, old) for code, (old, _) in NEWS_TITLES.items()):
        assert old in fetch(preview.base + LANGUAGE_PREFIXES[code])[1], code
    build = preview.build()
    preview.edit("\n      ".join(f"{code}: {old}" for code, (old, _) in NEWS_TITLES.items()),  # one save
                 "\n      ".join(f"{code}: {new}" for code, (_, new) in NEWS_TITLES.items()), NEWS_FILE)
    preview.wait_for_build_after(build)
    for code, title in NEW_NEWS_TITLES.items():
        preview.wait_for_text(LANGUAGE_PREFIXES[code] + NEWS, f">{title}</h1>")
        assert title in fetch(preview.base + LANGUAGE_PREFIXES[code])[1], code  # the home page's latest news


def test_after_a_failed_rebuild_the_next_one_writes_the_pages_it_could_not(fixture_copy, tmp_path):
    # An edit of data/ while a theme template is broken: that rebuild fails before it writes a page; once the template
    # is mended, the next rebuild must write the edited pages, though data/ did not change again in between.
    log = tmp_path / "serve.log"
    preview = Preview(fixture_copy("example"), log=log)
    try:
        preview.wait_until_up()
        failures = log.read_text(encoding="utf-8").count("An error happened during the rebuild")
        preview.edit("{% extends \"base.html\" %}", "{% extends \"base.html\" %}{% if %}", "overrides/main.html")
        preview.edit("\n      ".join(f"{code}: {old}" for code, (old, _) in TITLES.items()),  # one save
                     "\n      ".join(f"{code}: {new}" for code, (_, new) in TITLES.items()), EVENT_FILE)
        deadline = time.monotonic() + 120
        while log.read_text(encoding="utf-8").count("An error happened during the rebuild") == failures:
            assert time.monotonic() < deadline, "the rebuild with the broken template did not fail"
            time.sleep(0.2)
        preview.edit("{% extends \"base.html\" %}{% if %}", "{% extends \"base.html\" %}", "overrides/main.html")
        preview.edit("the site's editors chose one", "the site's editors picked one", "docs/legal.md")  # MkDocs does
        preview.wait_for_text("legal/", "the site's editors picked one")  # not watch the theme: a save starts it
        for code, title in NEW_TITLES.items():
            html = preview.wait_for_text(LANGUAGE_PREFIXES[code] + EVENT, ">")
            assert f">{title}</h1>" in html, code
    finally:
        preview.stop()


def test_data_is_loaded_once_per_run_even_when_a_file_is_saved_while_the_languages_build(project_copy, monkeypatch):
    from mkdocs.config import load_config

    from clustersite.mkdocs_layer.build_state import BuildState

    monkeypatch.setenv("SITE_BUILD_DATE", BUILD_DATE)
    config = load_config(str(project_copy / "mkdocs.yml"))
    state = BuildState(serving=True)
    state.prepare(config)  # the default language's build, which starts the run
    loaded = state.site
    old, new = TITLES["en"]
    (project_copy / EVENT_FILE).write_text((project_copy / EVENT_FILE).read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    config.plugins["i18n"].building = True  # static-i18n builds the other languages inside that build
    state.prepare(config)
    assert state.site is loaded  # the run's pages stay those of one data/; the saved file waits for the next run
    config.plugins["i18n"].building = False
    state.prepare(config)  # the next run, which `mkdocs serve` starts for the saved file
    assert state.site is not loaded and not any(new in markdown for markdown in state.previous.values())  # what was built
    assert any(new in markdown for markdown in state.contents("en").values())


def _watching(tmp_path: Path, monkeypatch, notifications: bool):
    """MkDocs' server with the preview's watcher on docs/, mkdocs.yml and data/, as `mkdocs serve` sets it up."""
    from mkdocs.livereload import LiveReloadServer

    monkeypatch.setenv(preview_watcher.NOTIFICATIONS_VARIABLE, "1" if notifications else "0")
    for folder in ("docs", "data"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "kept.md").write_text("# Kept\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    config = types.SimpleNamespace(docs_dir=str(tmp_path / "docs"), config_file_path=str(tmp_path / "mkdocs.yml"))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(config.docs_dir)  # what `mkdocs serve` watches before its plugins' on_serve
    server.watch(config.config_file_path)
    assert server.observer.timeout == 0.5  # MkDocs' own
    server = preview_watcher.watch_closely(server, config)
    server.watch(str(tmp_path / "data"))  # the `watch:` folders, added after on_serve
    assert server.build_delay == preview_watcher.SETTLE_SECONDS == 0.05
    # docs/, mkdocs.yml and data/ moved onto the new watcher, each looked at every 0.25 s besides the notifications
    assert sorted(emitter.timeout for emitter in server.observer.polling.emitters) == [0.25, 0.25, 0.25]
    assert (server.observer.notified is not None) == notifications
    server.observer.start()  # as `mkdocs serve` starts it
    time.sleep(0.6)  # the poller's first look at the files
    return server


def _changes_reported(server, seconds: float) -> list[float]:
    """When each rebuild would start in the next `seconds`, from now, less the quiet time MkDocs' build loop
    waits for after a change (a save may be reported as several changes of the file, a few microseconds apart)."""
    started, reported = time.monotonic(), []
    deadline = started + seconds
    while time.monotonic() < deadline:
        with server._rebuild_cond:
            if server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=deadline - time.monotonic()):
                reported.append(time.monotonic() - started)
                while server._rebuild_cond.wait(timeout=server.build_delay):  # as MkDocs' build loop does
                    pass
                server._want_rebuild = False  # the rebuild starts
    return reported


@pytest.mark.skipif(sys.platform != "linux", reason="the change notifications looked for are Linux's (inotify)")
def test_a_saved_file_is_reported_at_once_and_only_once_and_reading_files_reports_nothing(tmp_path, monkeypatch):
    server = _watching(tmp_path, monkeypatch, notifications=True)
    try:
        (tmp_path / "docs" / "kept.md").read_text(encoding="utf-8")  # what every build does to every page
        (tmp_path / "data" / "kept.md").read_text(encoding="utf-8")
        assert _changes_reported(server, 1.0) == []
        (tmp_path / "docs" / "index.md").write_text("# Saved\n", encoding="utf-8")
        reported = _changes_reported(server, 1.5)  # the poller looks again meanwhile, and says nothing new
        assert len(reported) == 1 and reported[0] < 0.1, reported
        (tmp_path / "data" / "kept.md").write_text("# Edited\n", encoding="utf-8")
        reported = _changes_reported(server, 1.5)
        assert len(reported) == 1 and reported[0] < 0.1, reported
    finally:
        server.observer.stop()
        server.observer.join()


@pytest.mark.skipif(sys.platform != "linux", reason="the change notifications looked for are Linux's (inotify)")
def test_when_the_system_refuses_more_watches_the_preview_looks_at_the_files_instead(tmp_path, monkeypatch):
    class Refused(preview_watcher.Observer):
        def start(self):
            raise OSError(28, "inotify watch limit reached")

    warned = []
    monkeypatch.setattr(preview_watcher, "Observer", Refused)
    monkeypatch.setattr(preview_watcher.log, "warning", warned.append)  # MkDocs' loggers may not reach pytest's
    server = _watching(tmp_path, monkeypatch, notifications=True)
    try:
        assert server.observer.notified is None and "raising fs.inotify.max_user_watches" in " ".join(warned)
        (tmp_path / "docs" / "index.md").write_text("# Saved\n", encoding="utf-8")
        reported = _changes_reported(server, 1.5)
        assert len(reported) == 1 and reported[0] < 0.45
    finally:
        server.observer.stop()
        server.observer.join()


def test_without_change_notifications_the_files_are_looked_at_every_quarter_second(tmp_path, monkeypatch):
    server = _watching(tmp_path, monkeypatch, notifications=False)  # a network mount, say
    try:
        (tmp_path / "docs" / "index.md").write_text("# Saved\n", encoding="utf-8")
        reported = _changes_reported(server, 1.5)
        assert len(reported) == 1 and reported[0] < 0.45, "MkDocs' own watcher takes up to 0.5 s"
    finally:
        server.observer.stop()
        server.observer.join()


def _search_site(root: Path, pages: int) -> Path:
    for n in range(pages):
        page = root / f"p{n}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<html lang="en"><body><main data-pagefind-body><h1>Page {n}</h1><p>word{n}</p></main></body></html>',
                        encoding="utf-8")
    return root


def _served_index(root: Path) -> dict:
    """The served index's entry file, after checking that each language's index file it names exists."""
    entry = json.loads((root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        assert (root / "pagefind" / "pagefind.{}.pf_meta".format(language["hash"])).is_file()
    return entry


def test_a_newer_preview_build_stops_the_search_indexing_and_the_served_index_stays_whole(tmp_path):
    site = _search_site(tmp_path / "site", 3)
    first = pagefind_search.PreviewIndex(site)
    first.thread.join(timeout=120)
    assert _served_index(site)["languages"]["en"]["page_count"] == 3
    assert sorted(p.name for p in site.iterdir() if p.name.startswith("pagefind")) == ["pagefind"]

    _search_site(site, 40)
    stopped = pagefind_search.PreviewIndex(site)
    stopped.stop()  # a newer build began: whatever the stopped run reached, the served index is a whole one
    assert _served_index(site)["languages"]["en"]["page_count"] in (3, 40)

    again = pagefind_search.PreviewIndex(site)
    again.thread.join(timeout=120)
    assert _served_index(site)["languages"]["en"]["page_count"] == 40
    assert sorted(p.name for p in site.iterdir() if p.name.startswith("pagefind")) == ["pagefind"]


def _indexing(preview: Preview) -> list[int]:
    """The preview's Pagefind processes running now."""
    return [child for child, command in child_processes.children(preview.process.pid) if b"pagefind" in command]


def _hung(process: subprocess.Popen) -> str:
    """What a preview that did not end is doing: the processes under it, then every thread's stack of it and of its
    Python children, which Python's faulthandler writes to stderr when SIGABRT ends them (PYTHONFAULTHANDLER=1)."""
    below = child_processes.children(process.pid)
    alive = process.poll() is None
    for pid in [child for child, command in below if b"python" in command] + ([process.pid] if alive else []):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGABRT)
    try:
        _, errors = process.communicate(timeout=30)
    except subprocess.TimeoutExpired as waited:  # something under it still holds its stderr open
        process.kill()
        process.wait(timeout=30)
        partial = waited.stderr or ""  # what was read before the wait ran out (bytes, on some Pythons)
        errors = (partial.decode(errors="replace") if isinstance(partial, bytes) else partial) + "\n(stderr still open)"
    return f"still running: {alive}; processes under it: {below or 'none'}\n{errors[-16000:]}"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the running processes from /proc (Linux)")
def test_stopping_the_preview_while_search_is_indexed_ends_it_cleanly(fixture_copy, tmp_path):
    temporary = tmp_path / "tmp"  # where `mkdocs serve` makes the folder it serves
    temporary.mkdir()
    preview = Preview(fixture_copy("example"), TMPDIR=str(temporary), PYTHONFAULTHANDLER="1")
    try:
        preview.wait_until_up()
        edits = [("the site's editors chose one", "the site's editors chose two")] * 20  # Pagefind takes a moment only
        for attempt, (old, new) in enumerate(edits):  # stop it while Pagefind writes into the served folder
            build = preview.build()
            preview.edit(*((old, new) if attempt % 2 == 0 else (new, old)), "docs/legal.md")
            preview.wait_for_build_after(build)
            indexing = _indexing(preview)
            if indexing:
                break
        else:
            pytest.fail("the search index was never caught being made")
        preview.process.send_signal(signal.SIGINT)  # Ctrl+C
        try:
            _, errors = preview.process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the preview did not end within 60 s of Ctrl+C\n{_hung(preview.process)}")
        left = [pid for pid in indexing if Path(f"/proc/{pid}").exists()]
    finally:
        if preview.process.poll() is None:
            preview.stop()
    assert left == [], "Pagefind kept running after the preview ended"
    assert "Traceback" not in errors and "Error" not in errors, errors[-3000:]
    assert list(temporary.iterdir()) == []  # the served folder is gone, with the index that was being made


@pytest.mark.browser
def test_the_page_of_mistakes_reloads_into_the_site_once_they_are_fixed(preview):
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    preview.edit(*BROKEN)
    preview.wait_until_up()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        page = chromium.new_page()
        page.goto(preview.base + "partners/enef/")
        assert "unknown key `contry`" in page.inner_text("main")
        preview.edit(*reversed(BROKEN))
        page.wait_for_selector("html[lang='en'] .md-content", timeout=180_000)  # reloaded by the page itself
        assert page.url == preview.base + "partners/enef/" and "ENEF" in page.inner_text("h1")
        chromium.close()
