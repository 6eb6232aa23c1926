"""Languages are configuration: a fifth language, fewer languages, and the theme's fallback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from clustersite.mkdocs_layer.i18n_languages import MATERIAL_LANGUAGES, interface_language
from conftest import run_build
from fixture_sites import built_fixture, copy_fixture, html_files

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def five(tmp_path_factory) -> Path:
    return built_fixture("five-languages", tmp_path_factory.mktemp("five") / "site")


@pytest.fixture(scope="module")
def two(tmp_path_factory) -> Path:
    return built_fixture("two-languages", tmp_path_factory.mktemp("two") / "site")


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def switcher(html: str) -> list[tuple[str, str]]:
    """(hreflang, name) of each entry in the language switcher."""
    return re.findall(r'<a href="[^"]*" hreflang="([^"]+)" lang="[^"]+" class="md-select__link"[^>]*>\s*([^<]*?)\s*</a>', html)


@pytest.mark.parametrize("path", ["de/index.html", "de/partners/fruit-cluster/index.html", "de/events/alpine-food-meeting/index.html"])
def test_german_pages_say_they_are_german(five, path):
    assert re.search(r'<html lang="de"', read(five, path))


def test_german_dates_countries_and_interface_come_from_cldr_and_material(five):
    partner = read(five, "de/partners/fruit-cluster/index.html")
    assert "Italien" in partner  # Babel's German country name for IT
    assert "16. März 2026" in read(five, "de/events/alpine-food-meeting/index.html")
    assert "Partnertreffen in Brünn" in partner
    assert 'aria-label="Kopfzeile"' in partner  # Material's German interface texts


def test_german_has_its_own_search_index(five):
    entry = json.loads(read(five, "pagefind/pagefind-entry.json"))
    assert set(entry["languages"]) == {"en", "sr-latn", "bg", "cs", "de"}
    assert entry["languages"]["de"]["page_count"] >= 10


def test_five_languages_in_the_switcher_alternates_and_sitemap(five):
    html = read(five, "de/events/alpine-food-meeting/index.html")
    assert switcher(html) == [("en", "English"), ("sr-Latn", "Srpski"), ("bg", "Български"), ("cs", "Čeština"), ("de", "Deutsch")]
    # the alternates are in the sitemap, not the page's <head> (see README: Material fetches a sitemap per <link>)
    sitemap = read(five, "sitemap.xml")
    entry = re.search(r"<url>\s*<loc>[^<]*/de/events/alpine-food-meeting/</loc>(.*?)</url>", sitemap, re.S).group(1)
    assert sorted(re.findall(r'hreflang="([^"]+)"', entry)) == ["bg", "cs", "de", "en", "sr-Latn", "x-default"]


def test_two_languages_leave_no_trace_of_the_others(two):
    assert sorted(p.name for p in two.iterdir() if p.is_dir() and len(p.name) == 2) == ["cs"]
    for page in html_files(two):
        html = page.read_text(encoding="utf-8")
        assert not CYRILLIC.search(html), page
        assert not re.search(r'hreflang="(sr|sr-Latn|bg)"|Srpski|Pretraga|Čeština.*Srpski', html), page
    index = read(two, "cs/index.html")
    assert switcher(index) == [("en", "English"), ("cs", "Čeština")]
    assert sorted(set(re.findall(r'hreflang="([^"]+)"', read(two, "sitemap.xml")))) == ["cs", "en", "x-default"]
    entry = json.loads(read(two, "pagefind/pagefind-entry.json"))
    assert set(entry["languages"]) == {"en", "cs"}
    assert "Přeskočit obsah" in index and "Záhlaví" in index  # Material's Czech interface texts


@pytest.mark.parametrize("tag, expected", [("de-AT", "de"), ("pt-PT", "pt"), ("cs", "cs"), ("ga", "en"), ("sr-Latn", "sr-Latn")])
def test_the_nearest_interface_language_the_theme_documents(tag, expected):
    assert (MATERIAL_LANGUAGES / "de.html").exists() and not (MATERIAL_LANGUAGES / "ga.html").exists()
    assert interface_language(tag, "en", ROOT / "overrides") == expected


def test_a_language_the_theme_lacks_falls_back_with_a_warning(tmp_path):
    site = copy_fixture("two-languages", tmp_path / "project")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: cs", "language: cs-CZ"), encoding="utf-8")
    strict = run_build(tmp_path / "strict", config=config)
    assert strict.returncode != 0 and "Traceback" not in strict.stderr
    relaxed = run_build(tmp_path / "out", config=config, strict=False)
    assert relaxed.returncode == 0, relaxed.stderr[-3000:]
    warning = [line for line in relaxed.stderr.splitlines() if "no interface texts for `cs-CZ`" in line]
    assert warning and "use `cs` (Czech)" in warning[0] and "overrides/partials/languages/cs-CZ.html" in warning[0]
    html = (tmp_path / "out" / "cs" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="cs-CZ"' in html and "Záhlaví" in html
    assert '<html lang="en"' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
