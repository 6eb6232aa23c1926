"""docs/*.md: links, pictures and raw HTML are checked before the build, each mistake at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from clustersite.pages.csp import from_config
from clustersite.pages.docs_check import check_docs
from conftest import ROOT, run_build

YOUTUBE = from_config({"content_security_policy": {"frame-src": ["https://www.youtube-nocookie.com"]}})


def problems_in(tmp_path: Path, text: str, policy=None) -> list[str]:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "page.md").write_text("# A page\n\n" + text + "\n", encoding="utf-8")
    return [f"{p.line}:{p.column} {p.message}" for p in check_docs(docs, tmp_path, policy or from_config({}))]


def test_the_shipped_pages_pass():
    assert check_docs(ROOT / "docs", ROOT, from_config({})) == []


@pytest.mark.parametrize("html, message", [
    ("<script>alert(1)</script>", "3:1 the element <script> is not allowed in a page"),
    ("<style>body{display:none}</style>", "3:1 the element <style> is not allowed in a page"),
    ('<object data="x.swf"></object>', "3:1 the element <object> is not allowed in a page"),
    ('<embed src="x.swf">', "3:1 the element <embed> is not allowed in a page"),
    ('<iframe src="https://evil.example/"></iframe>', "3:1 this embedded frame is not from a site the policy allows"),
    ('Text <b onmouseover="alert(1)">bold</b>', "3:6 the attribute `onmouseover` (an event handler) is not allowed"),
    ('<table><tr><td ONCLICK="x()">c</td></tr></table>', "3:12 the attribute `onclick` (an event handler) is not allowed"),
    ('<p style="background:url(https://evil.example/t.png)">x</p>', "3:1 the attribute `style` is not allowed"),
    ('<a href="java&#9;script:alert(1)">x</a>', "3:4 this text links to an address that is not allowed"),
    ('<a href="javascript&colon;alert(1)">x</a>', "3:4 this text links to an address that is not allowed"),
    ("[x](java\tscript:alert(1))", "3:5 this text links to an address that is not allowed"),
    ("[x](java\u2028script:alert(1))", "3:5 this text links to an address that is not allowed"),
    ("![p](https://evil.example/p.png)", "3:6 this text shows a picture from another site"),
    ("![p](//evil.example/p.png)", "3:6 this text shows a picture from another site"),
    ("![p](/\\evil.example/p.png)", "3:6 this text shows a picture from another site"),
    ("![p][logo]\n\n[logo]: https://evil.example/p.png", "5:9 this text shows a picture from another site"),
    ('<img srcset="a.png 1x, https://evil.example/b.png 2x" alt="">', "3:6 this text shows a picture from another site"),
    ('<video poster="//evil.example/p.jpg" src="v.mp4"></video>', "3:8 this text shows a picture from another site"),
])
def test_each_forbidden_thing_is_an_error_at_its_line(tmp_path, html, message):
    assert message in problems_in(tmp_path, html)


@pytest.mark.parametrize("text", [
    "[site](https://example.org/) and [mail](mailto:office@example.org) and [page](legal.md)",
    "![emblem](files/emblem.png)",
    '<div class="note" markdown>**Note**</div>',
    '<figure><img src="files/a.png" alt="A"><figcaption>A</figcaption></figure>',
    "```html\n<script>shown as code</script>\n```",
    "Write `<script>` in a code span.",
    "<!-- clustersite:home-overview -->",
    '<abbr title="European Union">EU</abbr>, <span lang="cs">Děkujeme</span>',
])
def test_ordinary_pages_pass(tmp_path, text):
    assert problems_in(tmp_path, text) == []


def test_a_video_embed_passes_once_its_host_is_added_to_the_policy(tmp_path):
    embed = '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video" allowfullscreen></iframe>'
    assert problems_in(tmp_path, embed) == ["3:1 this embedded frame is not from a site the policy allows"]
    assert problems_in(tmp_path, embed, YOUTUBE) == []
    assert problems_in(tmp_path, embed.replace("www.youtube-nocookie.com", "evil.example"), YOUTUBE) != []


def test_a_script_in_a_docs_page_stops_the_build_with_its_line(project_copy, tmp_path):
    legal = project_copy / "docs" / "legal.cs.md"
    legal.write_text(legal.read_text(encoding="utf-8") + '\n<img src="files/x.png" onerror="alert(1)" alt="">\n', encoding="utf-8")
    line = legal.read_text(encoding="utf-8").count("\n")
    result = run_build(tmp_path / "out", config=project_copy / "mkdocs.yml")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"docs/legal.cs.md:{line}:1: error: the attribute `onerror` (an event handler) is not allowed" in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_validate_reports_the_docs_pages_too(project_copy):
    import subprocess
    import sys

    (project_copy / "docs" / "privacy.md").write_text("# Privacy\n\n<script>alert(1)</script>\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "clustersite.cli", "validate", "--config", str(project_copy / "mkdocs.yml")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/privacy.md:3:1: error: the element <script> is not allowed in a page" in result.stdout
    assert result.stdout.rstrip().endswith("1 error(s) in docs/.")
