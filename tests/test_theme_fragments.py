"""Theme parts rendered once for several pages (the navigation, the header, the blocks that read only the page's
depth) give each page what Material gives it."""

from __future__ import annotations

from pathlib import Path

import jinja2
import material.templates as material_templates
import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, normalize_url

from clustersite.mkdocs_layer import depth_blocks, header_fragments, nav_fragments, theme_context


def test_the_site_navigation_is_materials_own_template_unchanged():
    material = Path(material_templates.__file__).parent / "partials" / "nav.html"
    body = material.read_text(encoding="utf-8").split("-#}\n", 1)[1].rstrip("\n")  # without Material's header comment
    ours = (Path(__file__).parents[1] / "overrides" / "partials" / "nav.html").read_text(encoding="utf-8")
    assert "{%- set rendered_nav -%}\n" + body + "{% endset -%}" in ours, "Material's nav.html changed: copy it again"


def test_pages_outside_the_navigation_with_the_same_addresses_share_one_rendering(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Navigation\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = {name: File(name, str(tmp_path / "docs"), str(tmp_path / "site"), True)
             for name in ("index.md", "events/index.md", "events/a.md", "events/b.md", "partners/c.md")}
    pages = {name: Page(None, file, config) for name, file in files.items()}
    in_nav = [pages["index.md"], pages["events/index.md"]]
    nav = Navigation(in_nav, in_nav)
    nav.homepage = pages["index.md"]

    def addresses(page: Page) -> str:  # as the template makes them: each through MkDocs' `url` filter
        return " ".join(normalize_url(url, page=page) for url in nav_fragments.addresses(nav, config))

    fragments = nav_fragments.NavFragments()
    first = fragments.slot(pages["events/a.md"], nav, addresses(pages["events/a.md"]))
    assert first is not None and first.html is None
    first.keep("<nav>events</nav>")
    assert fragments.slot(pages["events/b.md"], nav, addresses(pages["events/b.md"])).html == "<nav>events</nav>"
    other = fragments.slot(pages["partners/c.md"], nav, addresses(pages["partners/c.md"]))
    assert addresses(pages["partners/c.md"]) != addresses(pages["events/a.md"]) and other.html is None
    for page in in_nav:  # a page in the navigation is marked as current in it: rendered for itself
        assert fragments.slot(page, nav, addresses(page)) is None
    assert nav_fragments.NavFragments(enabled=False).slot(pages["events/a.md"], nav, addresses(pages["events/a.md"])) is None


def _header_probe(config, frame_template: str | None = None):
    """partials/header.html as base.html includes it; `frame_template` stands in for header-frame.html if given."""
    env = config.theme.get_env()
    if frame_template is not None:
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"partials/header-frame.html": frame_template}), env.loader])
    return env.from_string('{% import "partials/language.html" as lang with context %}{% set features = [] %}'
                           '{% include "partials/header.html" %}')


def _header_pages(config):
    files = {name: File(name, config.docs_dir, config.site_dir, True)
             for name in ("index.md", "events/a.md", "events/b.md", "news/c.md", "search.md")}
    titles = {"events/a.md": "Cluster <b>days</b> & more", "events/b.md": "Š & č", "news/c.md": "News", "search.md": "Search"}
    pages = {name: Page(titles.get(name, "Home"), file, config) for name, file in files.items()}
    pages["events/b.md"].meta = {"title": 'Its own "title"'}
    nav = Navigation([pages["index.md"]], [pages["index.md"]])
    nav.homepage = pages["index.md"]
    return pages, nav


def _header(probe, config, nav, page: Page, fragments: header_fragments.HeaderFragments) -> str:
    # static-i18n's links to the page's language versions: site paths, which the template makes relative
    config.extra["alternate"] = [{"name": name, "link": page.url if code == "en" else f"{code}/{page.url}?x=1&y=2", "lang": code}
                                 for code, name in (("en", "English"), ("sr", "Srpski"))]
    clustersite = {"header": fragments, "search_path": "search/", "short_name": "Short", "language": "en",
                   "html_lang": {"en": "en", "sr": "sr-Latn"}, "ui_word": theme_context._kept_words()}
    return probe.render(config=config, page=page, nav=nav, base_url=get_relative_url(".", page.url), clustersite=clustersite)


def test_pages_whose_header_addresses_read_the_same_share_one_header_with_their_own_title_and_links(project_copy):
    config = load_config(str(project_copy / "mkdocs.yml"))
    probe, (pages, nav) = _header_probe(config), _header_pages(config)
    shared, whole = header_fragments.HeaderFragments(), header_fragments.HeaderFragments(enabled=False)
    for name in ("events/a.md", "events/b.md", "news/c.md", "search.md", "events/a.md"):
        assert _header(probe, config, nav, pages[name], shared) == _header(probe, config, nav, pages[name], whole), name
    assert 'Its own "title"' in _header(probe, config, nav, pages["events/b.md"], shared)
    assert 'href="../../sr/news/c/?x=1&amp;y=2"' in _header(probe, config, nav, pages["news/c.md"], shared)
    assert len(shared.frames) == 2 and not whole.frames  # the pages two folders down share one; the search page has its own
    assert [sum(isinstance(part, int) for part in frame.parts) for frame in shared.frames.values()] == [3, 3]  # title, 2 links
    # the second page of a frame compares it with its whole header; the search page's frame has had no second page
    assert [frame.checked for frame in shared.frames.values()] == [True, False]


def test_a_header_that_depends_on_more_of_the_page_than_its_key_stops_the_build(project_copy):
    config = load_config(str(project_copy / "mkdocs.yml"))
    pages, nav = _header_pages(config)
    probe = _header_probe(config, '<header>{{ page.url }} {{ header_marks[0] if header_marks else page.title }}</header>')
    fragments = header_fragments.HeaderFragments()
    assert _header(probe, config, nav, pages["events/a.md"], fragments) == "<header>events/a/ Cluster <b>days</b> & more</header>"
    with pytest.raises(PluginError, match=r"not the header of the page /events/b/: .*header-frame.html"):
        _header(probe, config, nav, pages["events/b.md"], fragments)


# overrides/main.html on a stand-in for Material's base.html: its three blocks show what they read.
_DEPTH_BASE = ("{% block styles %}S{{ base_url }}{% endblock %}|{% block scripts %}J{{ base_url }}{% endblock %}|"
               "{% block config %}C{{ base_url }}{{ page.url if leak else '' }}{% endblock %}")


def _by_depth(blocks: depth_blocks.DepthBlocks | None, url: str | None, leak: bool = False) -> str:
    overrides = Path(__file__).parents[1] / "overrides"
    env = jinja2.Environment(loader=jinja2.ChoiceLoader([jinja2.DictLoader({"base.html": _DEPTH_BASE}),
                                                         jinja2.FileSystemLoader(str(overrides))]))
    env.filters["url"] = lambda value: value  # MkDocs' filter, used by blocks this stand-in does not have
    page = None if url is None else type("Page", (), {"url": url})()
    context = {"base_url": "." if not url else "/".join(".." for _ in url.strip("/").split("/")), "page": page,
               "config": {"extra": {}}, "leak": leak, **({"clustersite": {"depth_blocks": blocks}} if blocks else {})}
    return env.get_template("main.html").render(context).strip()


def test_blocks_that_read_only_the_depth_are_rendered_once_per_depth_and_equal_the_whole_ones():
    blocks = depth_blocks.DepthBlocks()
    for url in ("events/a/", "events/b/", "events/c/", "partners/d/", "", "events/a/x/", None):
        assert _by_depth(blocks, url) == _by_depth(None, url), url
    assert sorted(blocks.kept) == [(name, base) for name in ("config", "scripts", "styles") for base in (".", "../..", "../../..")]
    assert ("config", "../..") in blocks.checked and ("config", "../../..") not in blocks.checked

    renders = []
    counted = depth_blocks.DepthBlocks()
    for url in ("events/a/", "events/b/", "events/c/", "events/d/"):  # the first renders, the second compares
        counted.once("config", "../..", lambda url=url: renders.append(url) or "C", url)
    assert renders == ["events/a/", "events/b/"]
    off = depth_blocks.DepthBlocks(enabled=False)
    assert [off.once("config", "..", lambda url=url: url, url) for url in ("a/", "b/")] == ["a/", "b/"]


def test_a_depth_block_that_reads_more_of_the_page_stops_the_build():
    blocks = depth_blocks.DepthBlocks()
    assert _by_depth(blocks, "events/a/", leak=True).endswith("|J../..|C../..events/a/")
    with pytest.raises(PluginError, match=r"theme block 'config' .* not the one of the page /events/b/"):
        _by_depth(blocks, "events/b/", leak=True)
