"""The final-HTML check finds what is wrong on any element, also on one with no address at all."""

from __future__ import annotations

import pytest

from clustersite.pages import csp
from clustersite.pages.page_check import inspect

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
