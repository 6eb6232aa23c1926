"""The final-HTML check finds what is wrong on any element, also on one with no address at all."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from clustersite.mkdocs_layer.page_guard import PageGuard
from clustersite.pages import csp, page_check
from clustersite.pages.page_check import PageChecker, inspect

POLICY = csp.from_config({})


def findings(body: str) -> list[str]:
    return inspect(f"<!doctype html><html><head><meta charset=utf-8></head><body>{body}</body></html>", POLICY).findings


@pytest.mark.parametrize("element", [
    '<div onclick="x()">a</div>',
    '<span class="c" ONMOUSEOVER="x()">a</span>',
    '<p id="p" title="t" OnFocus="x()">a</p>',
    '<svg viewBox="0 0 1 1"><path d="M0" onload="x()"/></svg>',
    '<details ontoggle="x()" open><summary>a</summary></details>',
])
def test_an_event_handler_is_found_on_an_element_without_any_address(element):
    assert [f for f in findings(element) if "event-handler attributes" in f] != [], element


def test_a_name_that_only_contains_on_is_no_handler():
    assert findings('<div data-on="1" aria-controls="x" role="button" class="button">a</div>') == []


def test_a_refresh_to_a_script_address_is_found():
    assert any("refresh:" in f for f in findings('<meta http-equiv="Refresh" content="0; url=javascript:alert(1)">'))


def test_the_same_address_is_judged_the_same_on_every_page():
    bad = '<a href="java&#x09;script:alert(1)">a</a>'
    assert findings(bad) == findings(bad) != []
    assert findings('<a href="/events/">a</a>') == findings('<a href="/events/">a</a>') == []


PAGE = "<!doctype html><html><head><meta charset=utf-8></head><body>{}</body></html>"
THEME = '<a href="/events/" class="md-tabs__link">Events</a><img src="/assets/logo.svg" alt="" style="width:2rem">'


def test_a_checker_that_passed_an_element_still_finds_it_wrong_on_every_page_it_is_wrong_on():
    checker = PageChecker(POLICY)
    bad = '<a href="javascript:alert(1)" class="md-tabs__link">Events</a>'
    assert checker.inspect(PAGE.format(THEME)).findings == []
    assert checker.passed  # the theme's link and picture are remembered as passed
    for _ in range(2):  # the same tag and class with another address, on two pages
        assert [f for f in checker.inspect(PAGE.format(THEME + bad)).findings if "javascript" in f] != []
    assert checker.inspect(PAGE.format('<div class="x" onclick="x()">a</div>')).findings != []


def test_a_checker_that_remembers_gives_each_page_what_a_fresh_check_gives():
    pages = [PAGE.format(THEME + body) for body in ('<p style="color:red">a</p>', '<a href="mailto:x@example.org">b</a>',
                                                     '<img src="data:image/png;base64,AA" alt="">', '<object data="x"></object>')]
    checker = PageChecker(POLICY)
    for html in pages * 2:
        assert checker.inspect(html) == inspect(html, POLICY)  # the page's policy (its style hashes) and its findings


def test_a_checker_starts_again_rather_than_grow_past_its_limit(monkeypatch):
    monkeypatch.setattr(page_check, "_PASSED_KEPT", 2)
    checker = PageChecker(POLICY)
    checker.inspect(PAGE.format("".join(f'<a href="/p{n}/">{n}</a>' for n in range(5))))
    assert 0 < len(checker.passed) <= 2


def test_the_guard_forgets_what_a_laxer_policy_passed(tmp_path):
    def start(extra: dict) -> None:
        guard.start(SimpleNamespace(extra=extra, site_url="https://example.org/",
                                    config_file_path=str(tmp_path / "mkdocs.yml")), outer=False)

    guard, picture = PageGuard(), PAGE.format('<img src="https://img.example.net/a.png" alt="">')
    start({csp.CONFIG_KEY: {"img-src": ["https://img.example.net"]}})
    assert guard.checker.inspect(picture).findings == []
    start({csp.CONFIG_KEY: {"img-src": ["https://img.example.net"]}})
    assert guard.checker.passed  # the same policy again (the next language's build): the checker is kept
    start({})
    assert any("img.example.net" in f for f in guard.checker.inspect(picture).findings)
