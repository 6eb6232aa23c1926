"""Links and pictures in disguise: read as a browser reads them, refused with file:line."""

from __future__ import annotations

import pytest

from clustersite.data.markdown_links import targets
from clustersite.data.url_safety import browser_form, link_problem, other_host, scheme
from test_validation import data, edit, only  # noqa: F401  (data is a fixture)


@pytest.mark.parametrize("url", ["java\tscript:alert(1)", "java\nscript:alert(1)", "\x01 javascript:alert(1)",
                                 " JavaScript:alert(1)", "jav\r\nascript:x", "\x00data:text/html,x", "vbscript:x"])
def test_browsers_clean_up_before_the_scheme_is_read(url):
    assert scheme(url) in {"javascript", "data", "vbscript"}
    assert "not allowed" in link_problem(url)


@pytest.mark.parametrize("url", ["java\u2028script:alert(1)", "https://example.org/\u200bx", "java\u2029script:x"])
def test_invisible_characters_are_refused(url):
    assert "invisible character" in link_problem(url)


@pytest.mark.parametrize("url", ["https://example.org/", "mailto:office@example.org", "../events/", "#top", "files/a.pdf"])
def test_ordinary_links_pass(url):
    assert link_problem(url) is None


@pytest.mark.parametrize("url, host", [("https://evil.example/a.png", "evil.example"), ("//evil.example/a.png", "evil.example"),
                                       ("/\\evil.example/a.png", "evil.example"), ("\\\\evil.example/a.png", "evil.example"),
                                       (" \t//evil.example/a.png", "evil.example"), ("HTTP://Evil.Example/a.png", "evil.example")])
def test_pictures_from_other_hosts_are_found(url, host):
    assert other_host(url) == host


def test_own_pictures_are_not_from_another_host():
    assert other_host("files/a.png") is None and other_host("/repo/files/a.png") is None
    assert other_host("https://site.example/a.png", frozenset({"site.example"})) is None
    assert browser_form("\t a\tb \x00") == "ab"


def test_markdown_targets_keep_tabs_and_see_pictures():
    found = {(t.url, t.picture) for t in targets("[x](java\tscript:alert(1)) ![p](//h/a.png) ![q][r]\n\n[r]: https://h/b.png")}
    assert found == {("java\tscript:alert(1", False), ("//h/a.png", True), ("https://h/b.png", True)}


@pytest.mark.parametrize("link", ["[TRACE-KEI](java\tscript:alert(1))", "[TRACE-KEI](java\u2028script:alert(1))",
                                  "[TRACE-KEI](\u2028javascript:alert(1))", "[TRACE-KEI]( JavaScript:alert(1))"])
def test_a_disguised_javascript_link_in_data_is_an_error_with_its_line(data, link):  # noqa: F811
    edit(data / "news.yaml", "TRACE-KEI aims to raise", f"{link} aims to raise")
    message = only(data)
    assert message.startswith("data/news.yaml:") and "this text links to an address that is not allowed" in message


@pytest.mark.parametrize("picture", ["https://evil.example/a.png", "//evil.example/a.png", "/\\evil.example/a.png"])
def test_a_picture_from_another_host_in_data_is_an_error_with_its_line(data, picture):  # noqa: F811
    edit(data / "news.yaml", "TRACE-KEI aims to raise", f"![logo]({picture}) TRACE-KEI aims to raise")
    message = only(data)
    assert message.startswith("data/news.yaml:") and "this text shows a picture from another site" in message
    assert f"found:    `{picture}`" in message


def test_a_disguised_scheme_in_a_link_field_is_an_error(data):  # noqa: F811
    edit(data / "news.yaml", "    body:\n      en: >-\n        TRACE-KEI aims",
         "    links:\n      - url: \"java\\tscript:alert(1)\"\n        title: {en: x}\n    body:\n      en: >-\n        TRACE-KEI aims")
    message = only(data)
    assert "links starting with `javascript:` are not allowed" in message
