"""The dissemination parts of a real build of the fixture site, read back as HTML, feeds and sitemap, in every language."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest
from PIL import Image

from conftest import LANGUAGE_PREFIXES, SITE_URL, SUBPATH

# The languages staff write; the Cyrillic edition is made from Serbian (tests/test_cyrillic.py checks it).
WRITTEN = [code for code in LANGUAGE_PREFIXES if code != "sr-cyrl"]

STATEMENT = {"en": "Co-funded by the European Union", "sr": "Sufinansira Evropska unija",
             "bg": "Съфинансирано от Европейския съюз", "cs": "Spolufinancováno Evropskou unií"}
FIGURES = {"en": ["1 Projects", "3 Partners", "3 Countries", "2 Events", "5 Results"],
           "cs": ["1 Projekty", "3 Partneři", "3 Země", "2 Akce", "5 Výsledky"],
           "bg": ["1 Проекти", "3 Партньори", "3 Държави", "2 Събития", "5 Резултати"],
           "sr": ["1 Projekti", "3 Partneri", "3 Zemlje", "2 Događaji", "5 Rezultati"]}
FILE_FACTS = {"en": "PDF, 1.2 MB", "sr": "PDF, 1,2 MB", "bg": "PDF, 1,2 MB", "cs": "PDF, 1,2 MB"}
DOCUMENT_LANGUAGES = {"en": "English, Italian", "sr": "engleski, italijanski", "bg": "английски, италиански",
                      "cs": "angličtina, italština"}


@pytest.fixture(scope="module")
def site(dissemination_build):
    return dissemination_build[0] / SUBPATH


def page(site, language: str, path: str) -> str:
    return (site / LANGUAGE_PREFIXES[language] / path / "index.html").read_text(encoding="utf-8")


def text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).replace("\u00a0", " ").replace("\u202f", " ")


def section(html: str, start: str, end: str) -> str:
    return html[html.index(start):html.index(end, html.index(start))]


def test_the_build_leaves_the_fixture_alone_and_reports_the_untranslated_alt_text(dissemination_build):
    _, project, result = dissemination_build
    assert not (project / "docs" / "assets" / "renditions").exists() and not (project / "data" / "renditions").exists()
    assert (project / ".cache" / "renditions").is_dir()  # the rendition cache lives beside the project, outside docs/ and data/
    assert [line for line in result.stderr.splitlines() if line.startswith("WARNING")] == []
    assert ("INFO    -  clustersite: data/projects/alpha.yaml:44:11: note: events[0].images[0].alt: "
            "the text is not translated into `cs`") in result.stderr.splitlines()
    assert "Translations: en: 0 missing, sr: 0 missing, bg: 0 missing, cs: 1 missing." in result.stderr


@pytest.mark.parametrize("language", WRITTEN)
def test_home_hero_has_name_aim_funding_figures_and_calls_to_action(site, language):
    hero = section(page(site, language, ""), '<div class="hero">', "</div>")
    shown = text(hero)
    assert re.search(r'<h1 class="hero__title"[^>]*>', hero)
    assert STATEMENT[language] in shown and 'class="eu-emblem"' in hero
    for figure in FIGURES[language]:
        assert figure in shown
    assert re.findall(r'href="([^"]+)"', hero) == ["events/", "results/", "contact/"]


@pytest.mark.parametrize("language", WRITTEN)
def test_footer_keeps_the_emblem_and_lists_contact_newsletter_and_profiles(site, language):
    footer = section(page(site, language, "events/"), '<div class="md-copyright eu-funding">', '<p class="print-only')
    assert 'class="eu-emblem"' in footer and STATEMENT[language] in footer
    icon = '<span class="channel__icon" aria-hidden="true"><svg'
    profiles = re.findall(r'<a class="channel" href="([^"]+)" rel="me external">' + re.escape(icon), footer)
    assert len(profiles) == 7 and profiles[0] == "https://social.fixture.example/@alliance"
    assert 'href="https://news.fixture.example/sign-up"' in footer and 'href="../contact/"' in footer


def test_consortium_shows_logos_with_the_name_as_alt_and_a_badge_without_logo(site):
    html = page(site, "bg", "projects/alpha/")
    consortium = section(html, 'id="consortium"', "</table>")
    north = '<img class="org-logo" src="../../../assets/logos/north.svg" alt="North Cluster Association" width="96" height="48"'
    assert north in consortium
    assert '<img class="org-logo" src="../../../assets/logos/south.png" alt="South Development Agency" width="96" height="48"' in consortium
    assert '<span class="org-badge" aria-hidden="true">EastNet</span>' in consortium
    assert "Сърбия" in consortium and "Координатор" in consortium
    assert (site / "assets" / "logos" / "north.svg").is_file()


def test_partner_page_shows_logo_website_and_contact(site):
    html = page(site, "en", "partners/north-cluster/")
    assert '<img class="org-logo" src="../../assets/logos/north.svg" alt="North Cluster Association" width="192" height="96"' in html
    assert '<a href="https://north-cluster.fixture.example" rel="external">' in html
    assert '<a href="mailto:office@north-cluster.fixture.example">' in html and '<a href="tel:+381117654321">' in html
    assert '<span class="org-badge" aria-hidden="true">EastNet</span>' in page(site, "en", "partners/east-network/")
    data = json.loads(re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)[-1])
    assert (data["url"], data["email"], data["telephone"]) == (
        "https://north-cluster.fixture.example", "office@north-cluster.fixture.example", "+381 11 765 4321")


@pytest.mark.parametrize("language", WRITTEN)
def test_results_page_shows_type_date_number_languages_and_file_facts(site, language):
    html = page(site, language, "results/")
    entry = text(section(html, 'id="result-alpha-methodology"', "</li>"))
    assert "D2.1" in entry and FILE_FACTS[language] in entry and DOCUMENT_LANGUAGES[language] in entry
    depth = "../" if language == "en" else "../../"
    assert f'href="{depth}files/alpha-d2-1.pdf"' in html
    assert (site / "files" / "alpha-d2-1.pdf").is_file()
    assert html.index("result-alpha-labels") < html.index("result-alpha-methodology")  # newest first
    filters = section(html, '<nav class="filters"', "</nav>")
    assert re.findall(r'href="([^"]+)"', filters) == ["../projects/alpha/#results", "types/dataset/", "types/deliverable/",
                                                      "types/label/", "types/publication/", "types/software/"]


def test_results_narrowed_by_type_and_listed_on_project_and_home(site):
    by_type = page(site, "cs", "results/types/dataset/")
    assert re.findall(r'id="result-([^"]+)"', by_type) == ["alpha-survey-data"]
    assert "Odpovědi z průzkumu" in by_type and "Datová sada" in by_type
    project = section(page(site, "cs", "projects/alpha/"), 'id="results"', "</ul>")
    assert len(re.findall(r'class="result"', project)) == 5
    home = section(page(site, "cs", ""), 'id="results"', "</ul>")
    assert re.findall(r'id="result-([^"]+)"', home) == ["alpha-labels", "alpha-toolkit", "alpha-survey-data"]


def test_results_carry_schema_org_types(site):
    html = page(site, "en", "results/")
    graph = json.loads(re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)[-1])["@graph"]
    types = {item["@id"]: item["@type"] for item in graph}
    assert types == {"#result-alpha-labels": "CreativeWork", "#result-alpha-toolkit": "SoftwareSourceCode",
                     "#result-alpha-survey-data": "Dataset", "#result-alpha-article": "ScholarlyArticle",
                     "#result-alpha-methodology": "CreativeWork"}
    article = next(item for item in graph if item["@id"] == "#result-alpha-article")
    assert article["url"] == "https://doi.org/10.5281/zenodo.1234567" and article["inLanguage"] == ["en"]


def test_results_in_feeds_and_their_files_in_the_sitemap(site):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(site / "bg" / "feed.xml").getroot()
    links = [entry.find("a:link", ns).get("href") for entry in feed.findall("a:entry", ns)]
    assert f"{SITE_URL}bg/results/#result-alpha-methodology" in links
    assert "Методология за бенчмаркинг" in [entry.find("a:title", ns).text for entry in feed.findall("a:entry", ns)]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}files/alpha-d2-1.pdf</loc>" in sitemap


@pytest.mark.parametrize("language", WRITTEN)
def test_contact_page(site, language):
    html = page(site, language, "contact/")
    assert '<a href="mailto:hello@fixture.example">' in html and '<a href="tel:+381111234567">' in html
    assert len(re.findall(r'rel="me external"', section(html, 'id="social"', "</ul>"))) == 7
    assert 'href="https://news.fixture.example/sign-up"' in html
    assert "<iframe" not in html


def test_event_gallery_with_renditions_and_alt_text_fallback(site):
    html = page(site, "cs", "events/alpha-kick-off/")
    gallery = section(html, '<div class="gallery">', "</div>")
    images = re.findall(r"<img [^>]+>", gallery)
    assert len(images) == 3
    for tag in images:
        assert re.search(r' srcset="[^"]+ \d+w', tag) and re.search(r' width="\d+" height="\d+"', tag)
    assert 'alt="Partners around a table in Belgrade" lang="en"' in images[0] and "loading" not in images[0]
    assert 'alt="Znak projektu"' in images[1] and 'loading="lazy"' in images[1]
    assert 'alt=""' in images[2]  # decorative
    assert "První setkání" in gallery and "© North Cluster Association" in gallery
    for source in re.findall(r'srcset="([^"]+)"', gallery):
        for candidate in source.split(", "):
            path = candidate.split(" ")[0].replace("../../../", "")
            assert (site / path).is_file(), path


def test_og_image_is_the_first_picture_or_the_card(site):
    event = page(site, "sr", "events/alpha-kick-off/")
    first = re.search(r'<meta property="og:image" content="([^"]+)">', event).group(1)
    assert first.startswith(f"{SITE_URL}assets/renditions/") and first.endswith("-960.jpg")
    assert (site / first.removeprefix(SITE_URL)).is_file()
    news = page(site, "en", "news/alpha-starts/")
    assert re.search(r'<meta property="og:image" content="([^"]+)">', news).group(1) == first
    for language in WRITTEN:
        for path in ("", "results/", "contact/", "partners/east-network/", "events/alpha-workshop/"):
            card = re.search(r'<meta property="og:image" content="([^"]+)">', page(site, language, path)).group(1)
            assert card == f"{SITE_URL}assets/og-card.png", (language, path)
    with Image.open(site / "assets" / "og-card.png") as image:
        assert image.size == (1200, 630)


def test_event_thumbnail_in_the_timeline(site):
    timeline = section(page(site, "en", "events/"), 'id="year-2024"', "</ul>")
    assert timeline.count('<span class="thumbnail"><picture>') == 1 and 'alt="Partners around a table in Belgrade"' in timeline


def test_print_stylesheet_and_page_address(site):
    html = page(site, "en", "results/")
    assert 'href="../assets/print.css"' in html
    assert f'<p class="print-only print-url">{SITE_URL}results/</p>' in html
