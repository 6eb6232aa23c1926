"""Links and resource addresses read the way browsers read them (WHATWG URL), then judged.

A browser removes every ASCII tab and line break from an address and strips
leading and trailing C0 controls and spaces before it reads the scheme, so
`java<TAB>script:` and ` javascript:` are `javascript:` links. It also reads a
backslash as a slash, so `/\\host/x.png` and `\\\\host/x.png` load from another host.
Every check here first puts the address in that form.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})  # tel: the contact page's phone numbers
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_TAB_AND_NEWLINES = str.maketrans("", "", "\t\n\r")
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
# Invisible characters that browsers keep but that hide what an address says (U+2028, zero-width space, ...).
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})


def browser_form(url: str) -> str:
    """The address as a browser reads it: tabs and line breaks removed, C0 controls and spaces trimmed."""
    return url.translate(_TAB_AND_NEWLINES).strip(_C0_AND_SPACE)


def scheme(url: str) -> str | None:
    """The scheme a browser sees (lower case), or None for a relative address."""
    match = _SCHEME.match(browser_form(url))
    return match.group(1).lower() if match else None


def hidden_character(url: str) -> str | None:
    """The first invisible or control character in an address (after a browser's own clean-up), if any."""
    for char in browser_form(url):
        if unicodedata.category(char) in _HIDDEN_CATEGORIES:
            return f"U+{ord(char):04X}"
    return None


def link_problem(url: str, schemes: frozenset[str] = LINK_SCHEMES) -> str | None:
    """Why a link may not reach a page, or None when it may."""
    hidden = hidden_character(url)
    if hidden:
        return f"the address contains an invisible character ({hidden})"
    found = scheme(url)
    if found is not None and found not in schemes:
        return f"links starting with `{found}:` are not allowed"
    return None


def other_host(url: str, own_hosts: frozenset[str] = frozenset()) -> str | None:
    """The host a resource would be loaded from, when it is not this site; None for the site's own."""
    cleaned = browser_form(url).replace("\\", "/")
    found = scheme(cleaned)
    if found is None:
        if cleaned.startswith("//"):
            return urlsplit("https:" + cleaned).hostname or cleaned
        return None
    if found in ("http", "https"):
        host = urlsplit(cleaned).netloc.lower()
        return None if host in own_hosts else host or cleaned
    return None  # other schemes are judged by link_problem (data: pictures are allowed, the rest refused)
