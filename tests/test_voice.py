"""Text in the page's language, or the default language's, marked (unit tests of Voice and links)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clustersite.data.loading import load_site
from clustersite.data.localized_text import Localized
from clustersite.data.site_data import Languages
from clustersite.pages.wording import Voice, relative

ROOT = Path(__file__).resolve().parent / "fixtures" / "example"  # the generator's test site, not the repository's data/
LANGUAGES = Languages(("en", "sr", "bg", "cs"), "en", {"sr": "sr-Latn"})


@pytest.fixture(scope="module")
def site():
    site, problems = load_site(ROOT / "data", LANGUAGES, ROOT)
    assert site is not None, problems.report()
    return site


def test_missing_translation_falls_back_to_english_marked(site):
    text = Localized({"en": "Kick-off <meeting>", "bg": "Начална среща"})
    assert str(Voice(site, "bg").text(text)) == "Начална среща"
    assert str(Voice(site, "cs").text(text)) == (
        '<span lang="en">Kick-off &lt;meeting&gt;</span> <small class="untranslated">(zatím nepřeloženo)</small>')
    assert str(Voice(site, "sr").md(Localized({"en": "**Bold** text"}))) == (
        '<div lang="en"><p><strong>Bold</strong> text</p></div><p class="untranslated">(još nije prevedeno)</p>')


def test_markdown_from_yaml_cannot_carry_html():
    from clustersite.pages.safe_text import markdown_html

    assert str(markdown_html("<script>alert(1)</script> and [a](https://example.org)")) == (
        '<p>&lt;script&gt;alert(1)&lt;/script&gt; and <a href="https://example.org">a</a></p>')


def test_a_heading_from_yaml_is_escaped_once_in_a_template():
    import markdown

    from clustersite.pages.templating import environment

    source = environment().from_string("# {{ title | mdinline }}").render(title='The project\'s "R&D" <b>#1</b>')
    assert source == '# The project\'s "R&amp;D" &lt;b&gt;\\#1&lt;/b&gt;'
    assert markdown.markdown(source) == '<h1>The project\'s "R&amp;D" &lt;b&gt;#1&lt;/b&gt;</h1>'


@pytest.mark.parametrize("here, target, link", [
    ("events/x/", "partners/y/", "../../partners/y/"), ("events/x/", "events/y/", "../y/"), ("", "projects/a/", "projects/a/"),
    ("events/x/", "events/x.ics", "../x.ics"), ("events/x/", "", "../../"), ("labels/", "labels/", "./"),
    ("events/types/t/", "events/x/", "../../x/"), ("news/n/", "feed.xml", "../../feed.xml"),
])
def test_relative_links(here, target, link):
    assert relative(here, target) == link
