"""Pictures in Markdown text that would be fetched from another site: `![x](https://...)`.

Such a picture is a request to a third party on every visit, so validation refuses it.
"""

from __future__ import annotations

import re

# Inline images, and reference definitions used by an image: ![alt](url "title") / ![alt][ref] + [ref]: url
_INLINE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
_REFERENCE_USE = re.compile(r"!\[[^\]]*\]\[([^\]]*)\]")
_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)", re.MULTILINE)


def _remote(target: str) -> bool:
    return target.startswith("//") or bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target))


def remote_pictures(markdown: str) -> list[str]:
    """The addresses of pictures the text would load from another site, in order."""
    if "![" not in markdown:
        return []
    found = [target for target in _INLINE.findall(markdown) if _remote(target)]
    used = {label.lower() for label in _REFERENCE_USE.findall(markdown)}
    found += [target for label, target in _DEFINITION.findall(markdown) if label.lower() in used and _remote(target)]
    return found
