"""Accessibility in the built HTML and the small functions behind it: captions, `lang` on names,
the switcher's current language, the menu button, short site names, per-language sitemaps."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from clustersite.data.site_data import Languages
from clustersite.mkdocs_layer.language_sitemaps import split
from clustersite.mkdocs_layer.material_markup_fixes import skip_link_first
from clustersite.mkdocs_layer.site_chrome import short_names
from clustersite.pages import l10n
from conftest import LANGUAGE_PREFIXES, SITE_URL

HTML_LANG = {"en": "en", "sr": "sr-Latn", "sr-cyrl": "sr-Cyrl", "bg": "bg", "cs": "cs"}
SHORT = {"en": "Cluster Excellence", "sr": "Klasterska izvrsnost", "sr-cyrl": "Кластерска изврсност",
         "bg": "Високи постижения на клъстерите", "cs": "Klastrová excelence"}
LANGUAGES = Languages(codes=("en", "sr", "bg", "cs"), default="en", html_lang={"sr": "sr-Latn"})


def page(site, language: str, path: str) -> str:
    return (site / LANGUAGE_PREFIXES[language] / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ["projects/trace-kei/", "partners/", "partners/dare/", "labels/", "events/trace-kei-training-bari/"])
def test_every_data_table_has_a_caption(example_site, path):
    html = page(example_site, "cs", path)
    tables = re.findall(r"<table>(.*?)</table>", html, re.S)
    assert tables
    for table in tables:
        assert re.match(r'\s*<caption( class="visually-hidden")?>[^<]+</caption>', table), table[:200]


def test_legal_names_carry_their_language_where_it_differs_from_the_page(example_site):
    site = example_site  # the example fixture: its partners and languages
    bg = page(site, "bg", "partners/dare/")
    assert '<h1 id="distretto-agroalimentare-regionale-scrl"><span lang="it">DISTRETTO AGROALIMENTARE REGIONALE SCRL</span></h1>' in bg
    assert '<td><span lang="it">DISTRETTO AGROALIMENTARE REGIONALE SCRL</span></td>' in bg
    consortium = page(site, "en", "projects/trace-kei/")
    assert '><span lang="it">DISTRETTO AGROALIMENTARE REGIONALE SCRL</span></a>' in consortium
    # written in English (name_language: en): marked on the Bulgarian page, not on the English one
    assert '<td><span lang="en">Textile Cluster Kyustendil</span></td>' in page(site, "bg", "partners/kyustendil-textile/")
    assert '<td>Textile Cluster Kyustendil</td>' in page(site, "en", "partners/kyustendil-textile/")
    # a Serbian name on the Serbian page needs no mark; on the Czech page it has one
    assert '<td>Kuća klastera</td>' in page(site, "sr", "partners/house-of-clusters/")
    assert '<td><span lang="sr-Latn">Kuća klastera</span></td>' in page(site, "cs", "partners/house-of-clusters/")


def test_name_language_is_the_given_one_or_the_countrys_only_language():
    assert l10n.name_language(None, "IT") == "it"
    assert l10n.name_language(None, "RS") == "sr-Latn"  # Latin and Cyrillic: one language
    assert l10n.name_language(None, "BE") is None  # Dutch, French, German: not guessed
    assert l10n.name_language("en", "BG") == "en"


def test_name_language_must_be_a_language_code(project_copy):
    from conftest import run_build

    organisations = project_copy / "data" / "organisations.yaml"
    text = organisations.read_text(encoding="utf-8")
    organisations.write_text(text.replace("    name_language: en  #", "    name_language: english  #", 1), encoding="utf-8")
    result = run_build(project_copy / "out", config=project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert "name_language: this is not a language code" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_switcher_marks_the_current_language_and_the_menu_button_is_a_button(example_site, language):
    html = page(example_site, language, "events/")
    current = re.findall(r'<a [^>]*class="md-select__link" aria-current="page">', html)
    assert len(current) == 1 and f'hreflang="{HTML_LANG[language]}"' in current[0]
    button = r'<button type="button" class="md-header__button md-icon drawer-button" aria-label="[^"]+" aria-expanded="false">'
    assert re.search(button, html)
    assert re.search(r"<noscript><style>\.md-header__button\.drawer-button\{display:none\}.*drawer-label.*</style></noscript>", html)
    assert f'<span class="md-ellipsis site-name--short">{SHORT[language]}</span>' in html


def test_short_names_are_checked_against_the_languages():
    assert short_names({"en": " Short "}, ("en", "cs")) == ({"en": "Short"}, [])
    assert short_names(None, ("en",)) == ({}, [])
    names, problems = short_names({"de": "Kurz", "cz": "Krátký", "cs": ""}, ("en", "cs"))
    assert names == {}  # German is not built: left alone
    assert problems == [
        "mkdocs.yml: extra.short_name.cz: `cz` is not a language code; use the codes of plugins.i18n.languages (en, cs).",
        "mkdocs.yml: extra.short_name.cs: write the short name as text, such as `Cluster Excellence`.",
    ]
    assert short_names("Short", ("en",))[1][0].startswith("mkdocs.yml: extra.short_name should list a short name per language")


def test_each_language_folder_has_the_sitemap_material_asks_for(checked_site):
    site, prefixes = checked_site.root, checked_site.prefixes
    whole = ET.parse(site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    others = [prefix for prefix in prefixes.values() if prefix]
    assert others
    for prefix in others:
        part = ET.parse(site / prefix / "sitemap.xml").getroot()
        locs = [u.find("s:loc", ns).text for u in part.findall("s:url", ns)]
        assert locs and all(loc.startswith(f"{SITE_URL}{prefix}") for loc in locs)
        assert len(locs) * len(prefixes) == len(whole.findall("s:url", ns))
        assert len(part.find("s:url", ns).findall("x:link", ns)) == len(prefixes) + 1  # every language and x-default


def test_split_sitemap_keeps_each_languages_entries_whole():
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
           "  <url>\n    <loc>https://x.eu/a/</loc>\n  </url>\n"
           "  <url>\n    <loc>https://x.eu/sr/a/</loc>\n    <lastmod>2026-01-01</lastmod>\n  </url>\n</urlset>\n")
    parts = split(xml, "https://x.eu", LANGUAGES)
    assert parts["sr"] == ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                           "  <url>\n    <loc>https://x.eu/sr/a/</loc>\n    <lastmod>2026-01-01</lastmod>\n  </url>\n</urlset>\n")
    assert "<url>" not in parts["bg"]


def test_skip_link_moves_to_materials_empty_place():
    html = ('<div data-md-component="skip">\n    </div><header></header><main>\n'
            '  <a href="#not-found" class="md-skip" data-skip-link>Skip</a>\n<h1 id="not-found">x</h1></main>')
    fixed = skip_link_first(html)
    assert fixed.startswith('<div data-md-component="skip">\n      <a href="#not-found" class="md-skip">Skip</a>\n    </div><header>')
    assert fixed.count("md-skip") == 1 and "data-skip-link" not in fixed
    assert skip_link_first("<p>no skip link</p>") == "<p>no skip link</p>"
