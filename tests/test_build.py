"""Integration: the real `mkdocs build --strict` of the example fixture site, under a project subpath, read back as HTML.

Tests of the generator: they run on tests/fixtures/example/, not on the repository's data/.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest

from conftest import EXAMPLE, LANGUAGE_PREFIXES, SITE_URL, SUBPATH, run_build

HTML_LANG = {"en": "en", "sr": "sr-Latn", "sr-cyrl": "sr-Cyrl", "bg": "bg", "cs": "cs"}
SEARCH_PLACEHOLDER = {"en": "Search", "sr": "Pretraga", "sr-cyrl": "Претрага", "bg": "Търси", "cs": "Hledat"}
SKIP_LINK = {"en": "Skip to content", "sr": "Idi na tekst", "sr-cyrl": "Иди на текст", "bg": "Към съдържанието", "cs": "Přeskočit obsah"}
FUNDING = {"en": "Funded by the European Union", "sr": "Finansira Evropska unija", "sr-cyrl": "Финансира Европска унија",
           "bg": "Финансирано от Европейския съюз", "cs": "Financováno Evropskou unií"}
PAGES = ["", "projects/", "projects/trace-kei/", "events/", "events/trace-kei-training-bari/", "partners/enef/",
         "labels/", "news/", "news/green-synergy-joins-trace-kei/", "legal/", "privacy/", "accessibility/"]


@pytest.fixture()
def site(example_site) -> Path:
    return example_site


def page(site, language: str, path: str) -> str:
    return (site / LANGUAGE_PREFIXES[language] / path / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_language_and_theme_strings_on_every_page_type(site, language):
    for path in PAGES:
        html = page(site, language, path)
        assert f'<html lang="{HTML_LANG[language]}"' in html, path
        assert f'placeholder="{SEARCH_PLACEHOLDER[language]}"' in html, path
        assert SKIP_LINK[language] in html, path
        assert FUNDING[language] in html, path
        assert 'class="eu-emblem"' in html, path


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_switcher_links_to_the_same_page_in_every_language(site, language):
    html = page(site, language, "events/trace-kei-training-bari/")
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" class="md-select__link"', html))
    targets = {tag: href for href, tag in links.items()}
    depth = "../../" + ("../" if language != "en" else "")
    for other, prefix in LANGUAGE_PREFIXES.items():
        expected = "./" if other == language else f"{depth}{prefix}events/trace-kei-training-bari/"
        assert targets[HTML_LANG[other]] == expected


def test_head_has_canonical_and_open_graph_and_leaves_hreflang_to_the_sitemap(site):
    html = page(site, "bg", "partners/enef/")
    assert f'<link rel="canonical" href="{SITE_URL}bg/partners/enef/">' in html
    # Material's script fetches sitemap.xml beside every <link rel="alternate">: the language
    # versions are in the sitemaps (test below), and the only alternate in <head> is the feed.
    assert re.findall(r'<link rel="alternate"[^>]*>', html) == [
        '<link rel="alternate" type="application/atom+xml" href="../../feed.xml" title="Новини и събития (Atom)">']
    assert '<meta property="og:locale" content="bg_BG">' in html
    assert '<meta property="og:title" content="Сдружение „Клъстер за енергийна ефективност“ (ENEF)">' in html


def test_sitemap_lists_alternates_and_x_default(site):
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {u.find("s:loc", ns).text: u for u in sitemap.findall("s:url", ns)}
    entry = urls[f"{SITE_URL}cs/events/trace-kei-kick-off/"]
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)}
    assert alternates == {
        "en": f"{SITE_URL}events/trace-kei-kick-off/", "x-default": f"{SITE_URL}events/trace-kei-kick-off/",
        "sr-Latn": f"{SITE_URL}sr/events/trace-kei-kick-off/", "sr-Cyrl": f"{SITE_URL}sr-cyrl/events/trace-kei-kick-off/",
        "bg": f"{SITE_URL}bg/events/trace-kei-kick-off/", "cs": f"{SITE_URL}cs/events/trace-kei-kick-off/",
    }
    prefixes = re.compile("^(?:" + "|".join(p for p in LANGUAGE_PREFIXES.values() if p) + ")")
    assert len(urls) == len(LANGUAGE_PREFIXES) * len({prefixes.sub("", u.removeprefix(SITE_URL)) for u in urls})


@pytest.mark.parametrize("language, facts", [
    ("cs", ["16. listopadu 2016", "15. listopadu 2018", "24 měsíců", "Itálie", "Srbsko", "Koordinátor"]),
    ("bg", ["16 ноември 2016 г.", "24 месеца", "Италия", "Сърбия"]),
    ("sr", ["16. novembar 2016.", "24 meseca", "Italija", "Nemačka", "Koordinator"]),
    ("en", ["16 November 2016", "24 months", "Italy", "Serbia", "COS-CLUSTER-2015-3-02"]),
])
def test_project_fact_sheet_is_localized(site, language, facts):
    text = text_of(page(site, language, "projects/trace-kei/"))
    for fact in facts:
        assert fact in text


def test_amounts_percentages_and_month_dates(site):
    cs = text_of(page(site, "cs", "projects/centramo/"))
    assert "425 698,75 €" in cs and "93,96 %" in cs and "6,04 %" in cs and "prosinec 2011" in cs
    en = text_of(page(site, "en", "projects/centramo/"))
    assert "€425,698.75" in en and "93.96%" in en and "December 2011" in en and "24 months" in en


def test_date_ranges_and_year_headings(site):
    assert "28.–29. června 2017" in text_of(page(site, "cs", "events/trace-kei-training-bari/"))
    timeline = page(site, "cs", "events/")
    assert timeline.index('id="year-2018"') < timeline.index('id="year-2017"') < timeline.index('id="year-2016"')
    assert "V tuto chvíli nejsou naplánovány žádné akce." in text_of(timeline)


def test_no_page_is_over_100_kb(site):
    """Long lists are split into pages (pages/timeline_pages.py), so no page grows with the data."""
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html") if "pagefind" not in p.parts}
    assert len(sizes) > 50
    assert {path: size for path, size in sizes.items() if size > 100 * 1024} == {}


def test_generated_pages_stay_out_of_the_sidebar(site):
    html = page(site, "en", "events/")
    nav = html[html.index('class="md-nav md-nav--primary"'):html.index("</nav>", html.index('class="md-nav md-nav--primary"'))]
    assert "trace-kei-kick-off" not in nav and "Projects" in nav


def test_event_page_has_prev_next_calendar_and_json_ld(site):
    html = page(site, "en", "events/trace-kei-training-bari/")
    assert 'rel="prev" href="../trace-kei-service-mapping/"' in html
    assert 'rel="next" href="../trace-kei-sme-survey/"' in html
    assert 'href="../trace-kei-training-bari.ics"' in html
    assert '"@type": "Event"' in html and '"startDate": "2017-06-28"' in html and '"endDate": "2017-06-29"' in html
    ics = (site / "events" / "trace-kei-training-bari.ics").read_text()
    assert "UID:trace-kei-training-bari@127.0.0.1" in ics and "DTSTAMP:20261122T000000Z" in ics
    assert "DTSTART;VALUE=DATE:20170628" in ics and "DTEND;VALUE=DATE:20170630" in ics


def test_feeds_and_calendars_per_language(site):
    for prefix in LANGUAGE_PREFIXES.values():
        feed = ET.parse(site / prefix / "feed.xml").getroot()
        assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) > 15
        assert (site / prefix / "events.ics").read_text().count("BEGIN:VEVENT") > 15
        assert (site / prefix / "projects" / "trace-kei.ics").read_text().count("BEGIN:VEVENT") == 12
    assert 'xml:lang="sr-Latn"' in (site / "sr" / "feed.xml").read_text()


def test_each_language_has_its_own_404_page_linking_every_home(site):
    for language, title in {"en": "Page not found", "sr": "Stranica nije pronađena", "bg": "Страницата не е намерена",
                            "cs": "Stránka nenalezena"}.items():
        html = (site / LANGUAGE_PREFIXES[language] / "404.html").read_text(encoding="utf-8")
        assert f'<html lang="{HTML_LANG[language]}"' in html
        assert html.count("<h1") == 1 and f'<h1 id="not-found">{title}</h1>' in html
        assert f'<a href="#not-found" class="md-skip">{SKIP_LINK[language]}</a>' in html
        assert f'placeholder="{SEARCH_PLACEHOLDER[language]}"' in html and FUNDING[language] in html
        for other, prefix in LANGUAGE_PREFIXES.items():  # every home, labelled in its own language
            tag = HTML_LANG[other]
            assert f'<li><a href="{SITE_URL}{prefix}" hreflang="{tag}" lang="{tag}">' in html
        assert 'data-pages="{&#34;bg&#34;: &#34;/repo/bg/404.html&#34;' in html  # where assets/not-found.js finds the others


def test_legal_notice_carries_the_disclaimer(site):
    assert "do not necessarily reflect those of the European Union or the granting authority" in text_of(page(site, "en", "legal/"))
    assert "Nито Европейският съюз".replace("N", "Н") in text_of(page(site, "bg", "legal/"))


def test_text_from_yaml_is_escaped_and_tables_hold(project_copy, tmp_path):
    organisations = project_copy / "data" / "organisations.yaml"
    text = organisations.read_text(encoding="utf-8")
    text = text.replace("name: AGROFOOD MANAGEMENT SRL", "name: AGROFOOD | MANAGEMENT <script>alert(1)</script> SRL")
    organisations.write_text(text, encoding="utf-8")
    result = run_build(tmp_path / "out", config=project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "out" / "partners" / "agroco" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "AGROFOOD | MANAGEMENT &lt;script&gt;alert(1)&lt;/script&gt; SRL" in html


def test_a_data_error_stops_the_build_with_the_message_and_no_traceback(project_copy, tmp_path):
    places = project_copy / "data" / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8").replace("country: IT", "contry: IT"), encoding="utf-8")
    result = run_build(tmp_path / "out", config=project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert "data/places.yaml:12:5: error: places[2].contry: unknown key `contry`" in result.stderr
    assert "did you mean `country`?" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_untranslated_text_and_pages_are_published_marked_and_listed_under_strict(project_copy, tmp_path):
    """English first, translations later: a strict build publishes, and the log lists what is missing, with file:line."""
    (project_copy / "docs" / "privacy.cs.md").unlink()
    news = project_copy / "data" / "news.yaml"
    news.write_text(news.read_text(encoding="utf-8").replace(
        "      cs: Klastr Green Synergy zahájil práci v projektu TRACE-KEI\n", ""), encoding="utf-8")
    result = run_build(tmp_path / "out", config=project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    log = [line for line in result.stderr.splitlines() if "clustersite" in line]
    assert "INFO    -  clustersite: data/news.yaml:14:7: note: news[0].title: the text is not translated into `cs`" in log
    assert ("INFO    -  clustersite: docs/privacy.md: there is no cs version of this page, so the en text is shown; "
            "add docs/privacy.cs.md") in log
    assert "INFO    -  clustersite: Translations: en: 0 missing, sr: 0 missing, bg: 0 missing, cs: 1 missing. " \
           "0 errors, 0 warnings, 1 text not yet translated in data/." in log
    title = (tmp_path / "out" / "cs" / "news" / "green-synergy-joins-trace-kei" / "index.html").read_text(encoding="utf-8")
    assert "Green Synergy Cluster starts work in the TRACE-KEI project" in title and 'class="untranslated"' in title
    html = (tmp_path / "out" / "cs" / "privacy" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="cs"' in html
    assert "Tato stránka zatím není přeložena, a proto se zobrazuje v angličtině." in html
    assert '<div lang="en">' in html and "This site collects no personal data." in html


def test_required_translations_stop_a_strict_build(project_copy, tmp_path):
    site_file = project_copy / "data" / "site.yaml"
    site_file.write_text(site_file.read_text(encoding="utf-8").replace("translations: optional", "translations: required"),
                         encoding="utf-8")
    news = project_copy / "data" / "news.yaml"
    news.write_text(news.read_text(encoding="utf-8").replace(
        "      cs: Klastr Green Synergy zahájil práci v projektu TRACE-KEI\n", ""), encoding="utf-8")
    (project_copy / "docs" / "privacy.cs.md").unlink()
    strict = run_build(tmp_path / "strict", config=project_copy / "mkdocs.yml")
    assert strict.returncode != 0
    assert "WARNING -  clustersite: data/news.yaml:14:7: warning: news[0].title: the text is not translated into `cs`" in strict.stderr
    relaxed = run_build(tmp_path / "out", config=project_copy / "mkdocs.yml", strict=False)
    assert relaxed.returncode == 0, relaxed.stderr[-2000:]  # the preview still shows the page, marked
    assert "WARNING -  clustersite: docs/privacy.md: there is no cs version of this page" in relaxed.stderr


@pytest.mark.parametrize("change, message", [
    ("        - locale: cs\n          name: Čeština", "        - locale: bg\n          name: Čeština"),
    ("            language: cs", "            language: xx"),
])
def test_a_misconfigured_language_is_one_clear_line(project_copy, tmp_path, change, message):
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(change, message), encoding="utf-8")
    result = run_build(tmp_path / "out", config=config)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and "mkdocs.yml: plugins.i18n.languages[" in errors[0], result.stderr[-2000:]


@pytest.mark.parametrize("language, path, facts", [
    ("sr", "projects/balkan-cluster/", ["IPA program prekogranične saradnje Bugarska–Srbija", "FED", "Kuća klastera", "april 2016."]),
    ("bg", "events/balkan-cluster-final-conference/", ["22 април 2016 г., 11:00", "Зала „Преслав“, хотел „Хермус“",
                                                        "31 Cherni Vrah Blvd.", "Над 50 участници"]),
    ("cs", "partners/house-of-clusters/", ["Galați", "9. ledna 2017", "pět srbských klastrů", "TCI"]),
    ("en", "labels/", ["Madan Parque", "Green Synergy Cluster", "ENEF", "FEMAC", "3 February 2017", "Gold"]),
    ("cs", "projects/centramo/", ["MAG – Maďarské hospodářské rozvojové centrum", "12 odborníků", "60 klastrů", "Šest vyškolených"]),
    ("sr", "events/tci-european-conference-2018/", ["20.–23. mart 2018.", "Klaster tura II", "Blok IV", "Treći dan"]),
    ("bg", "news/kyustendil-textile-cluster-anniversary/", ["16 април 2016 г.", "Витал"]),
    ("en", "news/green-synergy-joins-trace-kei/", ["December 2016", "FEMAC"]),
    ("cs", "events/trace-kei-twinning-novi-sad/", ["1.–24. října 2017", "Novém Sadu", "Enric Pedros"]),
    ("sr", "projects/trace-kei/", ["DISTRETTO AGROALIMENTARE REGIONALE SCRL", "Mađarska", "Portugalija", "Rumunija", "Bugarska",
                                   "Nemačka", "Italija", "Srbija"]),
])
def test_seed_facts_reach_every_language(site, language, path, facts):
    text = text_of(page(site, language, path))
    for fact in facts:
        assert fact in text, fact


def test_private_contact_details_are_not_published(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "rousseva@" not in html and "botoyb@" not in html and "886 533" not in html


def test_one_process_builds_what_one_per_core_builds(site, project_copy, tmp_path):
    """The session build spreads the languages over the cores (language_processes); in one process every byte is the same."""
    result = run_build(tmp_path / SUBPATH, config=project_copy / "mkdocs.yml", extra_env={"CLUSTERSITE_PROCESSES": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    alone = tmp_path / SUBPATH

    def outputs(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
                if p.suffix in (".html", ".ics", ".xml") and "pagefind" not in p.parts}

    spread, without = outputs(site), outputs(alone)
    assert len(spread) > 300
    assert spread.keys() == without.keys()
    assert [name for name in spread if spread[name] != without[name]] == []


def test_the_accessibility_statement_shows_the_contact_from_site_yaml(site, project_copy, tmp_path):
    site_yaml = (EXAMPLE / "data" / "site.yaml").read_text(encoding="utf-8")
    address = re.search(r"^  email: (\S+)$", site_yaml, re.MULTILINE).group(1)
    for language in LANGUAGE_PREFIXES:
        assert f'<a href="mailto:{address}">{address}</a>' in page(site, language, "accessibility/")
    path = project_copy / "data" / "site.yaml"
    path.write_text(site_yaml[:site_yaml.index("\ncontact:")] + "\n", encoding="utf-8")
    result = run_build(tmp_path / "out", config=project_copy / "mkdocs.yml")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "data/site.yaml has no `contact:`" in result.stderr
