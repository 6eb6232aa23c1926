"""Generated pages skip Python-Markdown (pages/page_html.py): the HTML must be exactly what it would make.

Three layers: every generated page of the fixture sites against Python-Markdown run as MkDocs
runs it; Markdown made to trip the converter, which must either match or decline; and the
example site built both ways (CLUSTERSITE_MARKDOWN=1), compared byte for byte.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from clustersite.data.loading import load_site
from clustersite.mkdocs_layer import finished_pages, i18n_languages
from clustersite.pages.catalogue_words import required_words
from clustersite.pages.derived_languages import derive_languages
from clustersite.pages.page_builders import pages_for_language
from clustersite.pages.page_html import finish
from conftest import BUILD_DATE, FIXTURES, ROOT, SUBPATH, assemble_site, run_build

CONFIG = load_config(str(ROOT / "mkdocs.yml"))


def python_markdown(page_markdown: str, config=CONFIG) -> tuple[str, list]:
    """The body's HTML and toc tokens as MkDocs makes them (Page.render, with the site's extensions)."""
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    body = get_data(page_markdown)[0]
    return md.convert(body), md.toc_tokens


def generated_pages(root: Path, config):
    languages = i18n_languages.from_mkdocs(config)
    site, problems = load_site(root / "data", languages, root, words=required_words())
    assert site is not None, problems.report()
    derive_languages(site)
    for code in languages.codes:
        yield from ((code, page) for page in pages_for_language(site, code, date.fromisoformat(BUILD_DATE)))


@pytest.mark.parametrize("name", ["example", "horizon"])
def test_every_generated_page_is_finished_as_python_markdown_would(name, tmp_path):
    root = assemble_site(FIXTURES / name, tmp_path)
    config = load_config(str(root / "mkdocs.yml"))
    finished, declined = 0, set()
    for code, page in generated_pages(root, config):
        result = finish(page.markdown)
        if result is None:
            declined.add(page.src_uri)
            continue
        html, toc = python_markdown(page.markdown, config)
        assert result.html == html, f"{code} {page.src_uri}"
        assert result.toc == toc, f"{code} {page.src_uri}"
        finished += 1
    assert finished > 40
    assert declined <= {"search.md"}  # its <link> and <script> lines are inline HTML to Markdown: left to it


TRICKY = [  # the first nine are forms the templates write; the converter declines the others
    "# Title\n\n<p>a</p>\n<p>b</p>\n\n\n<div>c</div>\n",  # blank lines after a block are kept, one
    "# Same\n\n## Same\n\n## Same {: #same_1 }\n\n## Same\n",  # slugs made unique around a given id
    "# A &amp; B\n\n## \\*Starred\\* \\_x\\_ {: #s }\n",  # entities and escapes
    '# <span lang="en">Name</span> <small class="untranslated">(x)</small>\n',  # inline tags in a heading
    "# Žluťoučký kůň\n\n<table>\n<tr><td>1</td></tr>\n</table>\n",  # slug of non-ASCII text
    "# T\n\n<div>\n<div>\n<p>x</p>\n</div>\n</div>\n<ul><li>y</li></ul>\n",  # nested blocks, one after another
    '# T\n\n<script type="application/ld+json">{"a": "<b>"}</script>\n',  # script text is not markup
    "# T\n\n<div>a\n\n\nb</div>\n",  # blank lines inside a block
    "# A \\| B \\[C\\]\n",  # `|`, which the tables extension adds to the escapes
    "# T\n\n<pre><code>```\ncode\n```</code></pre>\n",  # a fence inside raw HTML: Markdown reads it
    "# T\n\n<div>a\tb</div>\n",  # a tab: Markdown expands it
    "# T\n\n<div>a</div> tail\n",  # text after a block on its line
    "# T\n\n<a href='x'>inline</a>\n",  # an inline element at a line's start: a paragraph
    "# T\n\nplain text\n",  # a paragraph
    "# T\n\n<hr>\n<div>a</div>\n",  # a void block element
    "# *emphasis*\n",  # Markdown in a heading
    "# A \\~ B\n",  # `~` is no escape to Markdown: the backslash stays
    "# T #\n",  # closing hashes
    "# T\n\n<div>\n  \n</div>\n",  # a line of spaces
    "# T\n\n<!-- a comment -->\n<div>a</div>\n",  # a comment at the top level
    '# T\n\n<div markdown="1">*x*</div>\n',  # Markdown inside HTML, asked for
    "# T\n\n<div><p>unclosed</div>\n",  # mismatched tags
    "# T\n\n   <div>indented</div>\n",  # indented HTML
]


@pytest.mark.parametrize("body", TRICKY)
def test_the_converter_matches_python_markdown_or_declines(body):
    page = f'---\ntitle: "T"\n---\n\n{body}'
    result = finish(page)
    if result is not None:
        assert (result.html, result.toc) == python_markdown(page)


def test_the_converter_takes_the_forms_the_templates_write():
    taken = [body for body in TRICKY if finish(body) is not None]
    assert taken == TRICKY[:9]  # the rest is left to Python-Markdown


def test_the_fast_path_is_used_only_where_it_is_exact(monkeypatch):
    monkeypatch.delenv(finished_pages.SWITCH, raising=False)
    assert finished_pages.usable(CONFIG)
    monkeypatch.setenv(finished_pages.SWITCH, "1")
    assert not finished_pages.usable(CONFIG)
    monkeypatch.delenv(finished_pages.SWITCH)
    other = load_config(str(ROOT / "mkdocs.yml"))
    other["mdx_configs"] = {"toc": {"permalink": True}}
    assert not finished_pages.usable(other)
    other["mdx_configs"] = {"toc": {"permalink": False}}
    other["markdown_extensions"] = [*other["markdown_extensions"], "admonition"]
    assert not finished_pages.usable(other)


def test_a_finished_page_is_rendered_without_setting_up_python_markdown(monkeypatch):
    """MkDocs' Page.render would build a Python-Markdown instance per page; a finished page needs none."""
    monkeypatch.delenv(finished_pages.SWITCH, raising=False)
    source = ('---\ntitle: Kick-off\n---\n# Kick-off\n\n## Agenda {: #agenda }\n\n'
              '<p>Opening of the <a href="https://example.org">meeting</a>.</p>\n')  # as the templates write them
    file = File("events/kick-off.md", src_dir=None, dest_dir=CONFIG.site_dir, use_directory_urls=True)
    file.content_string = source
    page = Page(None, file, CONFIG)
    expected_html, expected_toc = python_markdown(source)
    made = []
    real_markdown = markdown.Markdown
    monkeypatch.setattr(markdown, "Markdown", lambda *args, **kwargs: made.append(1) or real_markdown(*args, **kwargs))
    state = SimpleNamespace(names_in=lambda code: ["events/kick-off.md"])

    def populate() -> None:  # as MkDocs' _populate_page does, with the site's markdown hook
        page.read_source(CONFIG)
        page.markdown = finished_pages.take_markdown(page.markdown, page)
        page.render(CONFIG, Files([file]))

    finished_pages.prepare(state, "en", CONFIG)
    populate()
    assert made == []
    assert page.content == expected_html
    assert [(item.id, item.title, [child.id for child in item.children]) for item in page.toc] == [
        (token["id"], token["name"], [child["id"] for child in token["children"]]) for token in expected_toc]
    assert page.present_anchor_ids == {"kick-off", "agenda"}
    assert page.links_to_anchors == {}
    assert "render" not in vars(page)  # the page's own method again for the next rebuild

    monkeypatch.setenv(finished_pages.SWITCH, "1")  # a rebuild that declines: MkDocs' own render runs
    finished_pages.prepare(state, "en", CONFIG)
    populate()
    assert made == [1]
    assert page.content == expected_html


def test_the_site_is_the_same_byte_for_byte_with_python_markdown(example_site, project_copy, tmp_path):
    """The session's example build finished generated pages itself; with CLUSTERSITE_MARKDOWN=1 Markdown makes them."""
    result = run_build(tmp_path / SUBPATH, config=project_copy / "mkdocs.yml",
                       extra_env={finished_pages.SWITCH: "1"})
    assert result.returncode == 0, result.stderr[-3000:]

    def pages(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.html") if "pagefind" not in p.parts}

    fast, plain = pages(example_site), pages(tmp_path / SUBPATH)
    assert len(fast) > 300
    assert fast.keys() == plain.keys()
    assert [name for name in fast if fast[name] != plain[name]] == []
