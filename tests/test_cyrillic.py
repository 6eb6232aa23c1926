"""Serbian in Cyrillic, made at build time from the Serbian Latin text (cyrillic.py, derived_languages.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from browser import CHROMIUM_FLAGS, require_chromium, serve
from clustersite.pages.cyrillic import Transliterator, page_to_cyrillic, standard_two_letter_stems
from conftest import SITE_URL, SUBPATH, run_build
from fixture_sites import built_fixture, copy_fixture

convert = Transliterator()


@pytest.mark.parametrize("latin, cyrillic", [
    ("ljubav njiva džep", "љубав њива џеп"),
    ("Ljubav Njiva Džep", "Љубав Њива Џеп"),
    ("LJubav NJegoš DŽep", "Љубав Његош Џеп"),
    ("čćđšž Čep ČĆĐ", "чћђшж Чеп ČĆĐ"),  # a word in capitals stays
    ("Beograd, Novi Sad, Niš", "Београд, Нови Сад, Ниш"),
    ("16. novembar 2016.", "16. новембар 2016."),
])
def test_letters_and_the_three_digraphs_in_every_case(latin, cyrillic):
    assert convert(latin) == cyrillic


@pytest.mark.parametrize("latin, cyrillic", [
    ("injekcija", "инјекција"), ("Injekcije", "Инјекције"), ("konjunkcija", "конјункција"),
    ("konjugacija", "конјугација"), ("nadživeti", "надживети"), ("podželudačna", "поджелудачна"),
    ("vanjezički", "ванјезички"),
    ("nadživljavati", "надживљавати"),  # the stem's pair is two letters, the word's other pair (lj) is one
    ("konj", "коњ"), ("konji", "коњи"), ("džungla", "џунгла"),  # near the stems, but not them
])
def test_two_letter_exceptions(latin, cyrillic):
    assert convert(latin) == cyrillic


def test_the_exception_list_is_a_documented_data_file():
    stems = standard_two_letter_stems()
    assert {"injekc", "konjunk", "nadživ"} <= set(stems)
    assert all(stem == stem.lower() and " " not in stem for stem in stems)


def test_a_site_adds_its_own_stems_and_names():
    site = Transliterator(keep_in_latin=("Fondazione Edmund Mach", "Turning challenges into opportunities"), two_letters=("tanjug",))
    assert site("Tanjug i Fondazione Edmund Mach: „Turning challenges into opportunities“") == \
        "Танјуг и Fondazione Edmund Mach: „Turning challenges into opportunities“"
    assert convert("Tanjug") == "Тањуг"


@pytest.mark.parametrize("latin, cyrillic", [
    ("projekat COSME i TRACE-KEI", "пројекат COSME и TRACE-KEI"),  # capitals: acronyms
    ("FED-om i ECEI-jem", "FED-ом и ECEI-јем"),  # a Serbian ending on an acronym is converted
    ("Wi-Fi, xerox, Yale i Qatar", "Wi-Fi, xerox, Yale и Qatar"),  # q, w, x, y
    ("Székesfehérvár i ClusteRo", "Székesfehérvár и ClusteRo"),  # letters Serbian lacks; a capital inside
    ("mreža Cluster Excellence Network for Training and Mobility", "мрежа Cluster Excellence Network for Training and Mobility"),
    ("Madan Parque i Green Synergy", "Madan Parque и Green Synergy"),
    ("V konferencija", "V конференција"),
])
def test_what_stays_in_latin(latin, cyrillic):
    assert convert(latin) == cyrillic


def test_addresses_code_and_markup_stay_as_written():
    text = ('Pišite na info@klaster.example.org ili https://klaster.example.org/sr/vesti/, vidi klaster.example.org. '
            '[Vesti](vesti/index.md "Naslov") i <span class="oznaka" title="Naslov">tekst</span> `kod` &nbsp; {#sidro .klasa}')
    assert convert(text) == (
        'Пишите на info@klaster.example.org или https://klaster.example.org/sr/vesti/, види klaster.example.org. '
        '[Вести](vesti/index.md "Naslov") и <span class="oznaka" title="Naslov">текст</span> `kod` &nbsp; {#sidro .klasa}')


def test_a_page_keeps_its_structure_front_matter_keys_and_code_blocks():
    page = ("---\ntitle: Pravno obaveštenje\nsearch_exclude: true\n---\n# Naslov\n\n<!-- clustersite:disclaimer -->\n\n"
            "```python\nljudi = 'nisu kod'\n```\n\n| Adresa | Njegoševa 1 |\n|---|---|\n")
    assert page_to_cyrillic(page, convert) == (
        "---\ntitle: Правно обавештење\nsearch_exclude: true\n---\n# Наслов\n\n<!-- clustersite:disclaimer -->\n\n"
        "```python\nljudi = 'nisu kod'\n```\n\n| Адреса | Његошева 1 |\n|---|---|\n")


# --- a built site ---------------------------------------------------------------


@pytest.fixture(scope="module")
def www(tmp_path_factory) -> Path:
    www = tmp_path_factory.mktemp("cyrillic")
    built_fixture("serbian-cyrillic", www / SUBPATH)
    return www


def read(www: Path, path: str) -> str:
    return (www / SUBPATH / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix, tag, skip", [("", "en", "Skip to content"), ("sr/", "sr-Latn", "Idi na tekst"),
                                               ("sr-cyrl/", "sr-Cyrl", "Иди на текст")])
def test_each_serbian_edition_has_its_own_lang_and_interface(www, prefix, tag, skip):
    for path in ("", "events/alpine-food-meeting/", "legal/"):
        html = read(www, f"{prefix}{path}index.html")
        assert f'<html lang="{tag}"' in html and skip in html, (prefix, path)


def test_the_cyrillic_edition_in_the_switcher_alternates_and_sitemap(www):
    html = read(www, "sr/projects/alpine-food/index.html")
    assert re.search(r'href="[^"]*sr-cyrl/projects/alpine-food/" hreflang="sr-Cyrl" lang="sr-Cyrl" class="md-select__link"[^>]*>\s*'
                     r"Српски \(ћирилица\)\s*</a>", html)
    assert f'hreflang="sr-Cyrl" href="{SITE_URL}sr-cyrl/projects/alpine-food/"' in read(www, "sitemap.xml")


def test_data_texts_are_converted_and_a_written_cyrillic_text_wins(www):
    event = read(www, "sr-cyrl/events/alpine-food-meeting/index.html")
    assert "Састанак партнера у Брну (ручно)" in event  # the data's own `sr-Cyrl:` line
    assert "16. март 2026." in event and "Брно, Чешка" in event  # Babel's sr_Cyrl date and country name
    assert ("Партнери COSME и TRACE-KEI планирали су прву годину уз Wi-Fi: пишите на info@alpfood.example.org "
            "или посетите https://alpfood.example.org/sr/") in event
    assert "Гост је био Madan Parque из Алмаде, са Fondazione Edmund Mach." in event
    project = read(www, "sr-cyrl/projects/alpine-food/index.html")
    assert "инјекција знања, конјункција интереса; људи, њиве и джемови надживеће кризу." in project
    assert "<td>Италија</td>" in project  # the consortium table's country, from Babel's sr_Cyrl
    assert "Sastanak partnera u Brnu" in read(www, "sr/events/alpine-food-meeting/index.html")  # Latin stays Latin


def test_pages_staff_wrote_in_latin_are_made_in_cyrillic(www):
    legal = read(www, "sr-cyrl/legal/index.html")
    body = legal[legal.index("data-pagefind-body"):]
    assert "<h1" in body and "Правно обавештење</h1>" in body
    assert '<a href="mailto:info@alpfood.example.org">info@alpfood.example.org</a>' in body
    assert "Изнети ставови су искључиво ставови аутора." in body  # the disclaimer marker, filled in Cyrillic
    assert '<th class="naslov">Вредност</th>' in body and "<td>Његошева 1, Београд</td>" in body
    assert "<code>ljudi nisu kod</code>" in body and "džep ostaje latinica" in body
    assert '<p class="napomena" title="Naslov">Текст у <strong>HTML</strong> блоку.</p>' in body
    assert "untranslated" not in body  # made, not a fallback
    home = read(www, "sr-cyrl/index.html")
    assert "Прехрамбени кластери Алпа" in home and "ALPFOOD" in home


def test_the_cyrillic_pages_have_their_own_search_index(www):
    entry = json.loads(read(www, "pagefind/pagefind-entry.json"))
    assert {"en", "sr-latn", "sr-cyrl"} == set(entry["languages"])
    assert entry["languages"]["sr-cyrl"]["page_count"] == entry["languages"]["sr-latn"]["page_count"]


@pytest.mark.browser
def test_search_finds_cyrillic_words_on_cyrillic_pages(www):
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with serve(www) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(base + SUBPATH + "/sr-cyrl/search/?q=" + "прехрамбени", wait_until="networkidle")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")
        browser.close()
    assert links and all("/sr-cyrl/" in link for link in links), links
    assert any(link.endswith("/sr-cyrl/projects/alpine-food/") for link in links), links


@pytest.mark.parametrize("mapping, message", [
    ("{sr-cyrl: bg}", "mkdocs.yml: extra.transliterated: `bg` is not one of the languages under plugins.i18n.languages"),
    ("{sr-cyrl: en}", "mkdocs.yml: extra.transliterated: `sr-cyrl` (sr-Cyrl) cannot be made from `en` (en); "
                      "the site can make `sr-Cyrl` from `sr-Latn`."),
])
def test_a_wrong_transliterated_setting_is_one_clear_line(tmp_path, mapping, message):
    site = copy_fixture("serbian-cyrillic", tmp_path / "project")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("transliterated: {sr-cyrl: sr}", f"transliterated: {mapping}"),
                      encoding="utf-8")
    result = run_build(tmp_path / "out", config=config)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and message in errors[0], result.stderr[-2000:]


def test_each_word_is_converted_once_per_site_however_many_texts_hold_it(monkeypatch):
    converter, converted = Transliterator(), []
    word = Transliterator._word
    monkeypatch.setattr(Transliterator, "_word", lambda self, w: converted.append(w) or word(self, w))
    texts = ["Konferencija o inovacijama", "Inovacijama i konferencija", "Njegoš: konferencija"]
    assert [converter(text) for text in texts] == ["Конференција о иновацијама", "Иновацијама и конференција",
                                                   "Његош: конференција"]
    assert sorted(converted) == sorted({"Konferencija", "o", "inovacijama", "Inovacijama", "i", "konferencija", "Njegoš"})
