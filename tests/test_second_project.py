"""Tests of the generator on a second project (tests/fixtures/horizon/): English and Czech only, no labels.

A Horizon Europe project with partners in Czechia, Norway, Switzerland, Türkiye, Greece and Ukraine,
built with `mkdocs build --strict`; the site checks run on it too (conftest's CHECKED_SITES).
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from conftest import SITE_URL


@pytest.fixture(scope="module")
def horizon(site_builds):
    return site_builds("horizon")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("path, file", [
    ("events/resilia-kick-off/", "files/resilia-kick-off-agenda.pdf"),
    ("news/resilia-starts/", "files/resilia-press-release.pdf"),
])
def test_attachments_resolve_from_every_language(horizon, path, file):
    assert (horizon.root / file).is_file()
    for code, prefix in horizon.prefixes.items():
        html = horizon.page(code, path)
        links = [href for href in re.findall(r'href="([^"]+)"', html) if href.endswith(".pdf")]
        depth = (prefix + path).count("/")
        assert links == ["../" * depth + file], (code, links)


def test_only_the_configured_languages_are_built(horizon):
    assert horizon.languages.codes == ("en", "cs")
    assert not (horizon.root / "sr").exists() and not (horizon.root / "bg").exists()
    html = horizon.page("cs", "")
    assert re.findall(r'hreflang="([^"]+)"[^>]*class="md-select__link"', html) == ["en", "cs"]  # the switcher
    sitemap = (horizon.root / "sitemap.xml").read_text(encoding="utf-8")  # the alternates, which are not in <head>
    home = sitemap[sitemap.index(f"<loc>{SITE_URL}cs/</loc>"):]
    assert sorted(re.findall(r'hreflang="([^"]+)"', home[:home.index("</url>")])) == ["cs", "en", "x-default"]


def test_partner_countries_are_named_in_each_language(horizon):
    cs = text_of(horizon.page("cs", "projects/resilia/"))
    for country in ("Česko", "Norsko", "Švýcarsko", "Turecko", "Řecko", "Ukrajina"):
        assert country in cs
    en = text_of(horizon.page("en", "projects/resilia/"))
    for country in ("Czechia", "Norway", "Switzerland", "Türkiye", "Greece", "Ukraine"):
        assert country in en


def test_text_and_pages_not_yet_translated_are_shown_in_english_marked(horizon):
    news = horizon.page("cs", "news/lviv-joins-pilots/")
    assert ('<p class="lead"><span lang="en">The associated partner brings three years of records from the '
            "region&#39;s distribution grid.</span> <small class=\"untranslated\">(zatím nepřeloženo)</small></p>") in news
    privacy = horizon.page("cs", "privacy/")
    assert '<html lang="cs"' in privacy and '<div lang="en">' in privacy and "This site collects no personal data." in privacy


def test_no_labels_means_no_labels_page_no_nav_entry_and_no_link(horizon):
    for prefix in horizon.prefixes.values():
        assert not (horizon.root / prefix / "labels").exists()
    for path in horizon.root.rglob("*.html"):
        assert "labels/" not in path.read_text(encoding="utf-8"), path  # mkdocs.yml names labels.md in its nav


def test_the_single_ongoing_project_is_listed_once_on_home(horizon):
    for code in horizon.prefixes:
        home = horizon.page(code, "")
        assert home.count('href="projects/resilia/"') == 1, code
        assert 'id="ongoing"' in home and "project-links" not in home


@pytest.mark.parametrize("code, facts", [
    ("en", ["€5,980,250.50", "€4,999,000.00 (83.59%) Horizon Europe, the EU's research and innovation programme",
            "€981,250.50 (16.41%) The partners' own contribution"]),
    ("cs", ["5 980 250,50 €", "4 999 000,00 € (83,59 %) Horizont Evropa, program EU pro výzkum a inovace",
            "981 250,50 € (16,41 %) Vlastní zdroje partnerů"]),
])
def test_the_eu_contribution_given_as_an_amount_shows_with_its_share(horizon, code, facts):
    text = text_of(horizon.page(code, "projects/resilia/"))
    for fact in facts:
        assert fact in text, fact
    assert re.search(r'"amount": \{"@type": "MonetaryAmount", "currency": "EUR", "value": 4999000(\.0)?\}',
                     horizon.page(code, "projects/resilia/"))  # the stated amount, in JSON-LD


def test_pictures_in_staff_pages_resolve_from_every_language(horizon):
    for code, prefix in horizon.prefixes.items():
        sources = re.findall(r'<img alt="[^"]+" src="([^"]+)"', horizon.page(code, ""))
        assert sources == ["../" * prefix.count("/") + "files/pilot-sites.svg"], code
        assert (horizon.root / prefix / sources[0]).resolve() == (horizon.root / "files" / "pilot-sites.svg").resolve()
