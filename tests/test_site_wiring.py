"""mkdocs.yml's wiring: a missing hook file stops the build naming the line to add; the theme's assets load by themselves."""

from __future__ import annotations

import re

import pytest

from conftest import run_build

HOOK_LINES = ("  - hooks/site_hooks.py\n", "  - hooks/site_finish.py\n", "  - hooks/site_security.py\n")
WHAT_IS_LOST = {
    "site_hooks.py": "every page made from data/ (projects, events, partners, news, the home page's lists)",
    "site_finish.py": "the search index, the feeds, the language sitemaps, robots.txt and the 404 pages",
    "site_security.py": "the check of every page's final HTML and its Content-Security-Policy",
}


def without(config, *lines: str) -> int:
    """Remove `lines` from mkdocs.yml; returns the line number of its `hooks:` key."""
    text = config.read_text(encoding="utf-8")
    for line in lines:
        assert line in text
        text = text.replace(line, "")
    config.write_text(text, encoding="utf-8")
    return text.splitlines().index("hooks:") + 1


@pytest.mark.parametrize("line", HOOK_LINES)
def test_a_hook_file_left_out_of_mkdocs_yml_stops_the_build_naming_the_line_to_add(fixture_copy, tmp_path, line):
    project = fixture_copy("horizon")
    at = without(project / "mkdocs.yml", line)
    result = run_build(tmp_path / "out", config=project / "mkdocs.yml")
    name = line.strip()[len("- hooks/"):]
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"mkdocs.yml:{at}: `hooks:` lacks one of the site's hook files; add this line under `hooks:`:\n"
            f"  - hooks/{name}    # without it, the site lacks {WHAT_IS_LOST[name]}\n") in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_every_missing_hook_file_is_named_in_one_message_by_the_one_that_is_listed(fixture_copy, tmp_path):
    project = fixture_copy("horizon")
    at = without(project / "mkdocs.yml", HOOK_LINES[0], HOOK_LINES[2])  # only site_finish.py stays
    result = run_build(tmp_path / "out", config=project / "mkdocs.yml")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"mkdocs.yml:{at}: `hooks:` lacks 2 of the site's hook files; add these lines under `hooks:`:\n"
            f"  - hooks/site_hooks.py    # without it, the site lacks {WHAT_IS_LOST['site_hooks.py']}\n"
            f"  - hooks/site_security.py    # without it, the site lacks {WHAT_IS_LOST['site_security.py']}\n") in result.stderr


def test_the_line_to_add_follows_the_folder_the_listed_hooks_are_in(fixture_copy, tmp_path):
    project = fixture_copy("horizon")
    (project / "generator").mkdir()
    (project / "hooks").rename(project / "generator" / "hooks")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - hooks/site_hooks.py\n", "")
                      .replace("  - hooks", "  - generator/hooks"), encoding="utf-8")  # watch: too
    result = run_build(tmp_path / "out", config=config)
    assert result.returncode == 1
    assert "\n  - generator/hooks/site_hooks.py    # without it, the site lacks every page made from data/" in result.stderr


def stylesheets_and_scripts(html: str) -> list[str]:
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"', html)
    return [href or src for href, src in links if re.fullmatch(r"(\.\./)*assets/[\w.-]+", href or src)]  # not Material's, not Pagefind's


def test_the_theme_assets_load_on_every_page_of_every_language_before_the_site_own(fixture_copy, tmp_path):
    project = fixture_copy("horizon")
    config = project / "mkdocs.yml"
    assert "extra_css" not in config.read_text(encoding="utf-8")  # the fixture, like the example, lists none of them
    # A site's own stylesheet, and one of the theme's listed as older sites did: each loads once, the site's last.
    config.write_text(config.read_text(encoding="utf-8") + "extra_css:\n  - assets/own.css\n  - assets/print.css\n",
                      encoding="utf-8")
    (project / "docs" / "assets" / "own.css").write_text("main { margin: 0 }\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_build(out, config=config)
    assert result.returncode == 0, result.stderr[-3000:]
    pages = [page for page in out.rglob("index.html") if "pagefind" not in page.parts]
    assert len(pages) > 20 and any(page.parts[len(out.parts)] == "cs" for page in pages)
    for page in pages:
        sources = [source for source in stylesheets_and_scripts(page.read_text(encoding="utf-8"))
                   if not source.endswith("site-search.js")]  # the search page's own script
        depth = len(page.relative_to(out).parts) - 1
        assert sources == ["../" * depth + path for path in ("assets/site.css", "assets/dissemination.css", "assets/print.css",
                                                               "assets/own.css", "assets/drawer.js")], page
        assert all((page.parent / source).resolve().is_file() for source in sources), page


def test_a_theme_asset_missing_from_docs_stops_the_build_saying_where_it_comes_from(fixture_copy, tmp_path):
    project = fixture_copy("horizon")
    (project / "docs" / "assets" / "drawer.js").unlink()
    (project / "docs" / "assets" / "print.css").unlink()
    result = run_build(tmp_path / "out", config=project / "mkdocs.yml")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("docs/assets/ lacks the theme's print.css, drawer.js; copy them back from the repository this site was made "
            "from (folder docs/assets/).") in result.stderr
