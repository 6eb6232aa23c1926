"""Markup in every catalogue word and every text of data/site.yaml reaches the pages only as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LANGUAGE_PREFIXES, run_build
from markup_probe import plant, unescaped_probes

PAGE_TYPES = ["", "projects/", "projects/trace-kei/", "events/", "events/types/training/", "events/trace-kei-training-bari/",
              "partners/", "partners/enef/", "labels/", "news/", "news/green-synergy-joins-trace-kei/", "legal/", "privacy/",
              "accessibility/", "search/"]


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory) -> Path:
    from conftest import EXAMPLE, assemble_site

    project = assemble_site(EXAMPLE, tmp_path_factory.mktemp("planted"))  # the example fixture: its page ids are known
    plant(project / "data" / "ui.yaml")
    # The funding statement must be the prescribed wording; it is inline Markdown made safe
    # (test_the_funding_statement_is_inline_markdown_with_raw_html_as_text below).
    plant(project / "data" / "site.yaml", skip=frozenset({"statement"}))
    out = project / "out"
    result = run_build(out, config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_planted_markup_is_text_on_every_page_type(planted_site, language):
    for path in PAGE_TYPES:
        html = (planted_site / LANGUAGE_PREFIXES[language] / path / "index.html").read_text(encoding="utf-8")
        assert unescaped_probes(html) == [], path
        # The footer shows the link words from data/ui.yaml: the probe is there, as text.
        footer = html[html.index('class="md-copyright eu-funding"'):]
        assert footer.count("&lt;inj-x&gt;") >= 3, path


def test_planted_markup_is_text_on_the_404_page(planted_site):
    html = (planted_site / "404.html").read_text(encoding="utf-8")
    assert unescaped_probes(html) == []
    shown = html[html.index('class="not-found"'):html.index("</article>")]
    # the title, the text and the home links, each language's labelled in its own words
    assert shown.count("&lt;inj-x&gt;") >= 2 + len(LANGUAGE_PREFIXES)


def test_planted_markup_is_text_in_every_page_of_the_site(planted_site):
    pages = list(planted_site.rglob("*.html"))
    assert len(pages) > 200
    found = {str(p.relative_to(planted_site)): unescaped_probes(p.read_text(encoding="utf-8")) for p in pages}
    assert {page: where for page, where in found.items() if where} == {}


def test_the_funding_statement_is_inline_markdown_with_raw_html_as_text():
    from clustersite.pages.safe_text import inline_html

    assert inline_html("Funded by the **European Union** <script>x</script>") == (
        "Funded by the <strong>European Union</strong> &lt;script&gt;x&lt;/script&gt;")
    assert inline_html('[EU](https://europa.eu/ "a"b") & co') == '<a href="https://europa.eu/" title="a&quot;b">EU</a> &amp; co'
    assert inline_html("- not a list") == "- not a list"


@pytest.mark.parametrize("text", ["R&D ~ 2016–2018", "*not emphasis* and _not_ either", "[a](b) `c` #1 {: #x }",
                                  "a | b > c + d - e!", r"back\slash", "<b>bold?</b>"])
def test_a_title_comes_out_of_markdown_as_written(text):
    """Titles are Markdown-escaped for headings; Markdown with the site's extensions must give the text back as is."""
    import html

    import markdown

    from clustersite.pages.safe_text import inline_markdown

    rendered = markdown.markdown(f"# {inline_markdown(text)}", extensions=["attr_list", "md_in_html", "tables", "toc"])
    assert rendered.split(">", 1)[1].rsplit("<", 1)[0] == html.escape(text, quote=False)
