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
from mkdocs.utils.templates import url_filter

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


# overrides/main.html on a stand-in for Material's base.html: its three blocks show what they read, addresses
# through MkDocs' own `url` filter.
_DEPTH_BASE = ("{% block styles %}S{{ 'assets/main.css' | url }}{% endblock %}|{% block scripts %}J{{ base_url }}"
               "{% for script in config.extra_javascript %} {{ script | url }}{% endfor %}{% endblock %}|"
               "{% block config %}C{{ base_url }}{{ page.url if leak else '' }}{% endblock %}")


def _environment(base: dict[str, str] | None = None) -> jinja2.Environment:
    overrides = Path(__file__).parents[1] / "overrides"
    env = jinja2.Environment(loader=jinja2.ChoiceLoader([jinja2.DictLoader(base or {}), jinja2.FileSystemLoader(str(overrides)),
                                                         jinja2.FileSystemLoader(str(Path(material_templates.__file__).parent))]))
    env.filters["url"] = url_filter
    return env


def _page(url: str | None):
    return None if url is None else type("Page", (), {"url": url, "canonical_url": f"https://example.org/{url}"})()


def _by_depth(blocks: depth_blocks.DepthBlocks | None, url: str | None, leak: bool = False, scripts: tuple = ()) -> str:
    context = {"base_url": get_relative_url(".", url or "."), "page": _page(url), "leak": leak,
               "config": {"extra": {}, "extra_javascript": list(scripts)},
               **({"clustersite": {"depth_blocks": blocks}} if blocks else {})}
    return _environment({"base.html": _DEPTH_BASE}).get_template("main.html").render(context).strip()


def test_blocks_that_read_only_the_page_depth_are_rendered_once_per_depth_and_equal_the_whole_ones():
    blocks = depth_blocks.DepthBlocks()
    urls = ("events/a/", "events/b/", "events/c/", "partners/d/", "", "events/a/x/", "events/e.html", "assets/x/", "js/a/",
            "assets/y/", None)
    for url in urls:  # a page in a folder of the theme's addresses shares a folder with them: rendered for itself
        assert _by_depth(blocks, url, scripts=("js/site.js",)) == _by_depth(None, url, scripts=("js/site.js",)), url
    assert _by_depth(None, "assets/x/").replace("\n", "") == "S../main.css|J../..|C../.."  # shorter than on events/a/: not shared
    assert sorted(blocks.kept) == [(name, base) for name in ("config", "scripts", "styles") for base in (".", "..", "../..", "../../..")]

    renders = []
    counted = depth_blocks.DepthBlocks()
    for number in range(1, 201):  # the first renders, the second and every hundredth compare
        counted.once("config", "../..", lambda number=number: renders.append(number) or "C", f"events/{number}/")
    assert renders == [1, 2, 100, 200]
    off = depth_blocks.DepthBlocks(enabled=False)
    assert [off.once("config", "..", lambda url=url: url, url) for url in ("a/", "b/")] == ["a/", "b/"]
    assert [blocks.once("config", None, lambda url=url: url, url) for url in ("a/", "b/")] == ["a/", "b/"]


def test_the_theme_key_is_the_depth_unless_the_page_shares_a_folder_with_an_address():
    key = depth_blocks.DepthBlocks.theme_key
    script = type("ExtraScriptValue", (), {"path": "js/site.js"})()
    assert key("events/a/", "../..", ["assets/", script]) == "../.."
    assert key("events/a.html", "..", ["assets/"]) == ".." and key("", ".", ["assets/"]) == "."
    assert key("assets/a/", "../..", ["assets/"]) is None and key("js/a.html", "..", ["assets/", script]) is None
    assert key("bg/events/a/", "../../..", ["assets/"]) == "../../.." and key(None, ".", []) is None


def test_a_depth_block_that_reads_more_of_the_page_stops_the_build():
    blocks = depth_blocks.DepthBlocks()
    assert _by_depth(blocks, "events/a/", leak=True).endswith("|J../..|C../..events/a/")
    with pytest.raises(PluginError, match=r"theme block 'config' .* not the one of the page /events/b/"):
        _by_depth(blocks, "events/b/", leak=True)


def _footer(blocks: depth_blocks.DepthBlocks | None, url: str, language: str = "") -> str:
    """overrides/partials/copyright.html for a page, as the footer includes it."""
    clustersite = {"emblem": "", "statement": "Funded", "programme_logo": {"src": "partners/logo.svg", "alt": "Logo", "link": ""},
                   "channels": {"contact": ("Contact", f"{language}contact/"), "newsletter": None, "social": []},
                   "links": [(title, f"{language}{title}/") for title in ("legal", "privacy", "accessibility")],
                   **({"depth_blocks": blocks} if blocks else {})}
    context = {"base_url": get_relative_url(".", url), "page": _page(url), "config": {}, "clustersite": clustersite}
    return _environment().get_template("partials/copyright.html").render(context)


def test_the_footer_is_rendered_once_per_set_of_its_addresses_as_the_page_reads_them():
    for language in ("", "bg/"):
        blocks = depth_blocks.DepthBlocks()
        urls = ["events/a/", "events/b/", "legal/", "contact/", "accessibility/feedback/", "accessibility/statement/",
                "events/c/", "partners/d/", "partners/e/", "events/f/x/", "events/g/x/"]
        for url in (language + url for url in urls):  # pages below a link's folder or the logo's read them shorter
            assert _footer(blocks, url, language) == _footer(None, url, language), url
        assert 'href="../"' in _footer(blocks, f"{language}accessibility/feedback/", language)
        assert 'href="../../accessibility/"' in _footer(blocks, f"{language}events/h/", language)
        # events/, legal/, contact/, accessibility/, three levels down; partners/ too where the logo reads shorter there
        assert len(blocks.kept) == (6 if not language else 5)
    assert 'src="../logo.svg"' in _footer(None, "partners/d/") and 'src="../../logo.svg"' not in _footer(None, "partners/d/")
