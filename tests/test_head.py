"""What each page's <head>, the sitemap, robots.txt and the feeds tell search engines and social networks."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from html import unescape
from pathlib import Path

import pytest
import yaml

from clustersite.mkdocs_layer.page_dates import commit_dates, page_lastmod
from clustersite.pages.head_meta import description_from_html, og_locale, page_description, shorten
from conftest import EXAMPLE, LANGUAGE_PREFIXES, ROOT, SITE_URL
from event_fixture import load_fixture

META = re.compile(r'<meta (?:name|property)="([^"]+)" content="([^"]*)">')


def metas(html: str) -> list[tuple[str, str]]:
    return [(name, unescape(content)) for name, content in META.findall(html)]


@pytest.mark.parametrize("tag, expected", [("en", "en_GB"), ("en-US", "en_US"), ("sr-Latn", "sr_RS"), ("sr", "sr_RS"),
                                           ("bg", "bg_BG"), ("cs", "cs_CZ"), ("de", "de_DE")])
def test_og_locale_is_language_and_territory(tag, expected):
    assert og_locale(tag) == expected


def test_descriptions_are_cut_at_a_word_to_160_characters():
    text = "Cluster organisations " * 12
    short = shorten(text)
    assert len(short) <= 160 and short.endswith("organisations…") and "  " not in short
    assert shorten("Short enough.") == "Short enough."
    html = ('<h1>T</h1><nav><p>menu</p></nav><figure><figcaption>map</figcaption></figure>'
            '<p>First &amp; <a href="x">linked</a> words.</p><p>Second.</p><script>var p = "<p>no</p>";</script>')
    assert description_from_html(html) == "First & linked words. Second."
    assert description_from_html("<ul><li>One</li><li>Two</li></ul>") == "One; Two"
    assert description_from_html("<h1>Only a heading</h1>") == ""
    # Front matter holds HTML-escaped text (pages.meta_value); it stays escaped, and is cut by its real length.
    assert page_description("Ber &amp; Co " * 20, "") == escape_like("Ber & Co " * 20)


def escape_like(text: str) -> str:
    return shorten(text).replace("&", "&amp;")


def _git(folder: Path, *arguments: str, when: str = "") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", **({"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {})}
    subprocess.run(["git", "-C", str(folder), *arguments], check=True, capture_output=True, env=env)


def test_lastmod_is_the_last_commit_of_the_page_sources(tmp_path):
    root = tmp_path / "site"  # the site in a folder of its repository, the harder case for paths
    site = load_fixture(root)
    (root / "docs").mkdir()
    (root / "docs" / "legal.md").write_text("# Legal\n", encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first", when="2024-01-10T12:00:00+00:00")
    pilot = root / "data" / "projects" / "pilot.yaml"
    pilot.write_text(pilot.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    _git(tmp_path, "commit", "-q", "-am", "second", when="2024-03-05T12:00:00+00:00")
    (root / "data" / "news.yaml").write_text("news: []\n", encoding="utf-8")  # not committed yet
    dates = commit_dates(root, date(2024, 6, 1))
    assert dates["docs/legal.md"] == date(2024, 1, 10) and dates["data/projects/pilot.yaml"] == date(2024, 3, 5)
    assert dates["data/news.yaml"] == date(2024, 6, 1) and dates["data/places.yaml"] == date(2024, 1, 10)
    generated = {"events/sofia-summer.md", "projects/pilot.md", "projects/quiet.md", "events/index.md", "news/index.md"}
    assert page_lastmod("legal.md", site, dates, generated) == date(2024, 1, 10)
    assert page_lastmod("projects/quiet.md", site, dates, generated) == date(2024, 1, 10)
    assert page_lastmod("projects/pilot.cs.md", site, dates, generated) == date(2024, 3, 5)
    assert page_lastmod("events/sofia-summer.md", site, dates, generated) == date(2024, 1, 10)  # it lives in events.yaml
    assert page_lastmod("news/index.md", site, dates, generated) == date(2024, 6, 1)
    assert page_lastmod("events/index.md", site, dates, generated) == date(2024, 6, 1)  # any data file


def test_without_git_history_pages_have_no_lastmod(tmp_path):
    assert commit_dates(tmp_path, date(2024, 6, 1)) == {}


def test_without_git_installed_pages_have_no_lastmod(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no `git` to be found
    assert commit_dates(tmp_path, date(2024, 6, 1)) == {}


# --- the built site --------------------------------------------------------------------


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "pagefind" not in p.parts and "assets" not in p.parts)


def test_every_page_describes_itself_in_160_characters(example_site):
    site = example_site  # the example fixture: its ids, names and languages
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    site_wide = {config["site_description"]} | {entry.get("site_description") for entry in config["plugins"][0]["i18n"]["languages"]}
    pages = _pages(site)
    assert len(pages) > 200
    for page in pages:
        found = dict(metas(page.read_text(encoding="utf-8")))
        if found.get("robots") == "noindex":
            continue
        description = found["description"]
        assert 20 <= len(description) <= 160, page
        assert description not in site_wide, f"{page} reuses the site-wide description"
        assert found["og:description"] == description


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_open_graph_and_twitter_tags(example_site, language):
    site = example_site  # the example fixture: its ids, names and languages
    locales = {"en": "en_GB", "sr": "sr_RS", "sr-cyrl": "sr_RS", "bg": "bg_BG", "cs": "cs_CZ"}
    prefix = LANGUAGE_PREFIXES[language]
    for path, kind in (("events/trace-kei-training-bari/", "article"), ("news/green-synergy-joins-trace-kei/", "article"),
                       ("projects/trace-kei/", "website"), ("", "website")):
        found = metas((site / prefix / path / "index.html").read_text(encoding="utf-8"))
        named = dict(found)
        assert named["og:locale"] == locales[language]
        assert sorted(value for name, value in found if name == "og:locale:alternate") == sorted(
            set(locales.values()) - {locales[language]})  # Serbian in both scripts is one locale
        assert named["og:type"] == kind, path
        assert named["og:image"].startswith("http")  # the page's picture, or the card made at build time
        assert named["twitter:card"] == "summary_large_image"


def test_search_pages_are_noindex_and_out_of_the_sitemap(example_site):
    site = example_site  # the example fixture: its ids, names and languages
    for prefix in LANGUAGE_PREFIXES.values():
        assert ("robots", "noindex") in metas((site / prefix / "search" / "index.html").read_text(encoding="utf-8"))
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/search/" not in sitemap


def test_robots_txt_names_the_sitemap(site):
    assert (site / "robots.txt").read_text(encoding="utf-8") == f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n"


def test_every_sitemap_entry_has_a_lastmod_from_the_history(site):
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout here, so pages have no commit dates")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for url in ET.parse(site / "sitemap.xml").getroot().findall("s:url", ns):
        lastmod = url.find("s:lastmod", ns)
        assert lastmod is not None, url.find("s:loc", ns).text
        assert date.fromisoformat(lastmod.text) <= date.today()


def test_the_atom_feed_names_the_site_as_its_author(example_site):
    site = example_site  # the example fixture: its ids, names and languages
    names = {"": "Cluster Excellence Projects", "cs/": "Projekty klastrové excelence"}
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for prefix, name in names.items():
        feed = ET.parse(site / prefix / "feed.xml").getroot()
        assert feed.find("a:author/a:name", ns).text == name


def test_every_languages_home_page_is_titled_with_the_site_name(checked_site):
    """Not "Index": the other languages' home pages are homes too, though static-i18n does not mark them so."""
    languages = checked_site.languages
    for code in languages.codes:
        html = checked_site.page(code, "")
        title = re.search(r"<title>([^<]*)</title>", html).group(1)
        assert unescape(title) == languages.site_name(code), code
