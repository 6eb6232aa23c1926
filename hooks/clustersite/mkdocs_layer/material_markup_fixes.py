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
