"""The final HTML of a page, read with an HTML parser as a browser reads it: checked, then given its policy.

    PageChecker(policy, own_hosts).inspect(html) -> Inspection(html with the CSP <meta>, findings)

Every address in an attribute (entities decoded, tabs and line breaks removed as a
browser removes them) is judged: links may use only the allowed schemes, and
resources (pictures, scripts, styles, frames, media) may come only from the site
itself, or from a host the site added to its policy. Event-handler attributes
and plugins (<object>, <embed>) are refused. The hashes of the page's inline
scripts and styles go into its Content-Security-Policy (csp.py).

A checker remembers the elements it passed, by their tag and attributes, which are all
the judgement reads: the theme's links, scripts and pictures repeat on every page, and
judging each once took an eighth off the check (0.92 -> 0.80 ms a page). What it
remembers holds for its policy and hosts alone; another policy gets another checker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..data.url_safety import browser_form, link_problem, other_host, scheme
from .csp import Policy, allows

# Scripts of these types run; others (application/json, application/ld+json) are data and need no hash.
_SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"})
_LINK_ATTRIBUTES = ("href", "xlink:href", "action", "formaction", "cite")
_RESOURCE_LINKS = frozenset({"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "preload", "modulepreload",
                             "prefetch", "manifest"})
_DIRECTIVE_BY_TAG = {"img": "img-src", "image": "img-src", "input": "img-src", "picture": "img-src", "script": "script-src",
                     "iframe": "frame-src", "frame": "frame-src", "audio": "media-src", "video": "media-src",
                     "track": "media-src", "object": "object-src", "embed": "object-src", "feimage": "img-src"}
_RESOURCE_ATTRIBUTES = ("src", "poster", "data", "background")
# An element with none of these attributes, no event handler and not a <meta> has nothing to judge:
# most elements of a page (the theme's <div>, <span>, <svg> and <path>) are passed over on this alone.
_JUDGED = frozenset(_LINK_ATTRIBUTES + _RESOURCE_ATTRIBUTES + ("srcset",))
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]*)", re.IGNORECASE)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
_PASSED_KEPT = 20_000  # elements with addresses remembered as passed; the theme's are met again on the next page


@dataclass
class Inspection:
    """A page's HTML with its policy added, and what is wrong in it (empty when nothing is)."""

    html: str
    findings: list[str] = field(default_factory=list)


@dataclass
class PageChecker:
    """Checks pages under one policy, remembering the elements that passed."""

    policy: Policy
    own_hosts: frozenset[str] = frozenset()
    preview: bool = False  # `mkdocs serve`: its live-reload script is inline and changes on every reload
    passed: set[tuple] = field(default_factory=set, compare=False, repr=False)  # (tag, *attributes) judged fine

    def inspect(self, html: str) -> Inspection:
        """Check every address and inline script of a page and add its Content-Security-Policy <meta>."""
        tree = LexborHTMLParser(html)
        findings: list[str] = []
        scripts, styles, style_attributes = [], [], []
        for node in tree.root.traverse() if tree.root is not None else ():
            tag = node.tag.lower()
            attributes = node.attributes
            if tag == "script":
                source = attributes.get("src")
                if source is None and (attributes.get("type") or "").strip().lower() in _SCRIPT_TYPES:
                    scripts.append(node.text(deep=True))
            elif tag == "style":
                styles.append(node.text(deep=True))
            elif tag in ("object", "embed"):
                findings.append(f"{_shown(node)}: plugins (<object>, <embed>) are not allowed")
            if attributes:
                findings += self._judged(node, tag, attributes)
                if attributes.get("style") is not None:
                    style_attributes.append(attributes["style"])
        content = self.policy.render(scripts, styles, style_attributes, inline_scripts=self.preview).replace("&", "&amp;")
        return Inspection(_with_meta(html, f'<meta http-equiv="Content-Security-Policy" content="{content}">'), findings)

    def _judged(self, node: LexborNode, tag: str, attributes: dict) -> list[str]:
        """What is wrong in the element's attributes; an element passed before is not judged again, and one
        with nothing to judge is not remembered."""
        if tag != "meta" and not _worth_judging(tuple(attributes)):
            return []
        seen = (tag, *attributes.items())
        if seen in self.passed:
            return []
        found = _attribute_findings(node, tag, attributes, self.policy, self.own_hosts)
        if not found:
            if len(self.passed) >= _PASSED_KEPT:
                self.passed.clear()  # most of a page's own links are met once: start again rather than grow
            self.passed.add(seen)
        return found


def inspect(html: str, policy: Policy, own_hosts: frozenset[str] = frozenset(), *, preview: bool = False) -> Inspection:
    """One page checked on its own."""
    return PageChecker(policy, own_hosts, preview).inspect(html)


@lru_cache(maxsize=4096)
def _worth_judging(names: tuple[str, ...]) -> bool:
    """Whether an element with these attribute names has something to judge: an address or an event handler.
    Asked by names, which few elements differ in (class, id, aria-*), rather than for every element."""
    return not _JUDGED.isdisjoint(names) or _has_handler(names)


def _has_handler(names: tuple[str, ...]) -> bool:
    """Whether a name starts with "on", in any case (names hold no NUL: the parser replaces it)."""
    joined = "\0".join(names).lower()
    return joined.startswith("on") or "\0on" in joined


# The theme's links repeat on every page of a site; judging each address once saves a third of the check.
_link_problem = lru_cache(maxsize=4096)(link_problem)


def _attribute_findings(node: LexborNode, tag: str, attributes: dict, policy: Policy, own_hosts: frozenset[str]) -> list[str]:
    findings = []
    for name in attributes:
        if name.lower().startswith("on"):
            findings.append(f"{_shown(node)}: event-handler attributes ({name}=) are not allowed")
    rel = set((attributes.get("rel") or "").lower().split())
    for name in _LINK_ATTRIBUTES:
        value = attributes.get(name)
        if value is None:
            continue
        if tag in ("image", "use", "feimage") or (tag == "link" and rel & _RESOURCE_LINKS) or tag == "base":
            directive = "style-src" if "stylesheet" in rel else "default-src" if tag in ("base", "use") else "img-src"
            findings += _resource_findings(node, name, value, directive, policy, own_hosts)
        elif wrong := _link_problem(value):
            findings.append(f"{_shown(node)}: {name}: {wrong}")
    if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
        target = _REFRESH_URL.search(attributes.get("content") or "")
        if target and (wrong := link_problem(target.group(1))):
            findings.append(f"{_shown(node)}: refresh: {wrong}")
    directive = _DIRECTIVE_BY_TAG.get(tag, "img-src" if tag == "source" else "default-src")
    for name in _RESOURCE_ATTRIBUTES:
        value = attributes.get(name)
        if value is not None:
            findings += _resource_findings(node, name, value, "img-src" if name == "poster" else directive, policy, own_hosts)
    if attributes.get("srcset") is not None:
        for candidate in attributes["srcset"].split(","):
            if candidate.strip():
                findings += _resource_findings(node, "srcset", candidate.split()[0], "img-src", policy, own_hosts)
    return findings


def _resource_findings(node: LexborNode, name: str, value: str, directive: str, policy: Policy,
                       own_hosts: frozenset[str]) -> list[str]:
    """A resource may come from the site, from a host the policy adds, or (pictures) be a data: address."""
    if directive == "object-src":
        return []  # the element itself is already refused
    found = scheme(value)
    if found not in (None, "http", "https"):
        if found == "data" and "data:" in policy.sources(directive):
            return []
        return [f"{_shown(node)}: {name}: a resource with a `{found}:` address is not allowed"]
    host = other_host(value, own_hosts)
    if host and not allows(policy, directive, browser_form(value).replace("\\", "/")):
        return [f"{_shown(node)}: {name}: loads from another host ({host}); keep the file with the site, "
                f"or add the host to extra.content_security_policy.{directive} in mkdocs.yml"]
    return []


def _shown(node: LexborNode) -> str:
    """The element as the message shows it: its start tag, shortened."""
    html = node.html or f"<{node.tag}>"
    start = html[: html.find(">") + 1] if ">" in html else html
    start = "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in start)  # a tab shows as \u0009
    return start if len(start) <= 160 else start[:157] + "..."


def _with_meta(html: str, meta: str) -> str:
    """The policy as early in <head> as possible: it covers only what comes after it."""
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return meta + html
    return html[: anchor.end()] + meta + html[anchor.end():]
