"""The Content-Security-Policy every page carries, as a <meta http-equiv> (GitHub Pages sends no headers).

The base policy lets a page load only from its own site. Each page's inline
scripts and style elements are allowed by their sha256 hashes, worked out from
the page's final HTML (page_check.py), so an inline script added anywhere is
covered and nothing else runs. Sites extend the policy in mkdocs.yml, under
`extra.content_security_policy`, one directive per key and a list of sources
(README: "Content-Security-Policy").
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

BASE: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),
    "connect-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
# Directives a site may extend; frame-ancestors, report-uri and sandbox do nothing in a <meta> policy.
EXTENSIBLE = frozenset({
    "default-src", "script-src", "style-src", "img-src", "connect-src", "font-src", "media-src", "frame-src",
    "child-src", "worker-src", "manifest-src", "form-action",
})
# What may be added: a host such as https://www.youtube-nocookie.com (a path and a leading *. allowed), or a scheme.
_SOURCE = re.compile(r"^(?:https://(?:\*\.)?[a-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~/-]*)?|https:|data:|blob:|mediastream:)$")
_REFUSED = {"'unsafe-inline'": "it would let any injected script run",
            "'unsafe-eval'": "it would let scripts turn text into code",
            "*": "it would let pages load from anywhere"}
CONFIG_KEY = "content_security_policy"


class PolicyError(ValueError):
    """A mistake in mkdocs.yml's extra.content_security_policy, worded for the person who made it."""


@dataclass(frozen=True)
class Policy:
    """The directives every page gets, before its own hashes are added."""

    directives: Mapping[str, tuple[str, ...]]

    def sources(self, directive: str) -> tuple[str, ...]:
        """The sources a directive allows, following CSP's fall-back to default-src."""
        return self.directives.get(directive) or self.directives["default-src"]

    def render(self, scripts: Iterable[str] = (), styles: Iterable[str] = (), style_attributes: Iterable[str] = (),
               *, inline_scripts: bool = False) -> str:
        """The policy text for one page, allowing exactly its inline scripts and styles.

        `inline_scripts` (only while previewing with `mkdocs serve`, whose live-reload
        script changes on every reload) allows every inline script instead of hashes.
        """
        extra: dict[str, list[str]] = {"script-src": [], "style-src": []}
        if inline_scripts:
            extra["script-src"].append("'unsafe-inline'")
        else:
            extra["script-src"] += sorted({sha256_source(s) for s in scripts})
        attribute_hashes = sorted({sha256_source(s) for s in style_attributes})
        extra["style-src"] += sorted({sha256_source(s) for s in styles})
        if attribute_hashes:
            extra["style-src"] += ["'unsafe-hashes'", *attribute_hashes]
        parts = []
        for directive, sources in self.directives.items():
            parts.append(" ".join((directive, *sources, *extra.get(directive, ()))))
        return "; ".join(parts)


def sha256_source(text: str) -> str:
    """A CSP hash source of an inline script or style: its exact text, UTF-8, SHA-256, base64."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def from_config(extra: Mapping[str, Any] | None) -> Policy:
    """The base policy with the site's additions from mkdocs.yml; PolicyError names any mistake."""
    directives = {name: list(sources) for name, sources in BASE.items()}
    added = (extra or {}).get(CONFIG_KEY) or {}
    where = f"mkdocs.yml: extra.{CONFIG_KEY}"
    if not isinstance(added, Mapping):
        raise PolicyError(f"{where} should be a block of directives, such as `frame-src: [https://www.youtube-nocookie.com]`.")
    for directive, sources in added.items():
        if directive not in EXTENSIBLE:
            known = ", ".join(sorted(EXTENSIBLE))
            raise PolicyError(f"{where}.{directive}: this directive cannot be extended here; use one of {known}.")
        if isinstance(sources, str):
            sources = [sources]
        if not isinstance(sources, list) or not sources:
            raise PolicyError(f"{where}.{directive} should be a list of sources, such as [https://www.youtube-nocookie.com].")
        for source in sources:
            text = str(source).strip()
            if text in _REFUSED:
                raise PolicyError(f"{where}.{directive}: {text} is not allowed: {_REFUSED[text]}.")
            if not _SOURCE.match(text):
                raise PolicyError(f"{where}.{directive}: {text!r} is not a source this site accepts; "
                                  "write an https:// address such as https://www.youtube-nocookie.com.")
            if text not in directives.setdefault(directive, list(BASE["default-src"])):
                directives[directive].append(text)
    return Policy({name: tuple(sources) for name, sources in directives.items()})


def allows(policy: Policy, directive: str, url: str) -> bool:
    """Whether an address on another host is allowed by a source the site added for `directive`."""
    for source in policy.sources(directive):
        if source in ("https:",) and url.lower().startswith("https:"):
            return True
        if source.startswith("https://") and _matches(source, url):
            return True
    return False


def _matches(source: str, url: str) -> bool:
    wanted, found = urlsplit(source), urlsplit("https:" + url if url.startswith("//") else url)
    if found.scheme != "https" or not found.hostname:
        return False
    pattern, host = wanted.hostname or "", found.hostname
    host_ok = host.endswith(pattern[1:]) if pattern.startswith("*.") else host == pattern
    return host_ok and wanted.port == found.port and found.path.startswith(wanted.path or "/")
