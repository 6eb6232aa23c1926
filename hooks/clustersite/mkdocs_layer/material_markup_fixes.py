"""Small corrections to the theme's HTML so that every page passes the Nu HTML checker.

Material 9 writes `autocomplete="off"` on its hidden checkbox toggles (not allowed on
checkboxes), and a table-of-contents label pointing at a `__toc` toggle that only
pages listed in the navigation have. The fixes are exact string edits of that markup.
"""

from __future__ import annotations

import re

_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def valid_markup(html: str) -> str:
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    if _TOC_LABEL in html and 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return html


_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def set_html_lang(html: str, tag: str) -> str:
    """The page's `<html lang>` as configured, whichever interface texts the theme used for it."""
    return _HTML_LANG.sub(f'<html lang="{tag}"', html, count=1)


_SKIP_LINK = re.compile(r'\s*(<a href="#[^"]+" class="md-skip") data-skip-link(>[^<]*</a>)')
_EMPTY_SKIP = re.compile(r'(<div data-md-component="skip">)\s*(</div>)')


def skip_link_first(html: str) -> str:
    """Move a page's own skip link (marked `data-skip-link`) to Material's empty skip-link place."""
    found = _SKIP_LINK.search(html)
    if found is None or not _EMPTY_SKIP.search(html):
        return html
    html = html[:found.start()] + html[found.end():]
    link = found.group(1) + found.group(2)
    return _EMPTY_SKIP.sub(lambda m: f"{m.group(1)}\n      {link}\n    {m.group(2)}", html, count=1)
