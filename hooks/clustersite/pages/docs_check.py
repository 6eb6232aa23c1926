"""Checks of the pages staff write in docs/*.md: links, pictures and raw HTML, each reported at its line.

    check_docs(docs_dir, root, policy) -> [Problem]

Links may use only the allowed schemes; pictures and frames come from the site
itself (or a host the site added to its Content-Security-Policy). Raw HTML is
judged by nh3 (the ammonia sanitizer) with an allow-list: whatever it would
remove (<script>, <style>, <iframe>, <object>, <embed>, event-handler and style
attributes, unknown elements) is an error. Code blocks and code spans are text
and are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import nh3
from selectolax.lexbor import LexborHTMLParser

from ..data.markdown_links import address_problems, position
from ..data.problems import Problem, display_path
from ..data.url_safety import browser_form, other_host
from .csp import Policy, allows

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.DOTALL)
_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?/?>")
_TABLE_PARTS = frozenset({"td", "th", "tr", "tbody", "thead", "tfoot", "col", "colgroup", "caption"})
_URL_ATTRIBUTES = ("href", "src", "srcset", "poster", "action", "formaction", "xlink:href", "cite")

# nh3's own allow-list, with the few elements and attributes pages here use (md_in_html's `markdown`,
# classes from assets/site.css, pictures in several sizes, video and audio kept with the site).
TAGS = frozenset(nh3.ALLOWED_TAGS) | {"section", "picture", "source", "video", "audio", "track", "iframe"}
_GENERIC = {"class", "id", "lang", "title", "dir", "markdown", "role", "aria-label", "aria-hidden", "aria-describedby"}
ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": _GENERIC,
    "img": set(nh3.ALLOWED_ATTRIBUTES["img"]) | {"srcset", "sizes", "loading", "decoding"},
    "source": {"src", "srcset", "sizes", "type", "media"},
    "video": {"src", "poster", "controls", "width", "height", "preload", "muted", "loop", "playsinline"},
    "audio": {"src", "controls", "preload", "loop"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy"},
}


def check_docs(docs_dir: Path, root: Path, policy: Policy) -> list[Problem]:
    """Every problem in the Markdown pages under docs/."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        shown = display_path(path, root)
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += list(dict.fromkeys(_page_problems(text, shown, policy)))  # a link two patterns see is reported once
    return problems


def _page_problems(text: str, shown: str, policy: Policy) -> Iterator[Problem]:
    prose = _without_code(text)
    for message, details, offset in address_problems(prose, lambda url: allows(policy, "img-src", url)):
        yield Problem(shown, *position(prose, offset), "", message, **details)
    for match in _START_TAG.finditer(prose):
        line, column = position(prose, match.start())
        for message, found, hint in _tag_problems(match.group(0), match.group(1).lower(), policy):
            yield Problem(shown, line, column, "", message, expected="HTML that only shows content: text, links, pictures, "
                          "tables, and classes from docs/assets/site.css", found=found, hint=hint)


def _without_code(text: str) -> str:
    """The text with code blocks and code spans blanked out, lines kept where they were."""
    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return _CODE_SPAN.sub(blank, _FENCE.sub(blank, text))


def _tag_problems(tag_html: str, tag: str, policy: Policy) -> Iterator[tuple[str, str, str]]:
    """What the sanitizer would remove from one start tag, as (message, found, hint)."""
    wrapped = f"<table>{tag_html}</table>" if tag in _TABLE_PARTS else tag_html
    cleaned = nh3.clean(wrapped, tags=set(TAGS), attributes=ATTRIBUTES, strip_comments=False, link_rel=None,
                        url_schemes={"http", "https", "mailto"}, clean_content_tags=set())
    before, after = _attributes(tag_html, tag), _attributes(cleaned, tag)
    shown = tag_html if len(tag_html) <= 120 else tag_html[:117] + "..."
    if after is None:
        yield (f"the element <{tag}> is not allowed in a page",
               f"`{shown}`", "remove it; pages may not run scripts, embed plugins or bring their own styles" if tag in (
                   "script", "style", "object", "embed", "link", "meta", "base", "form") else "remove it, or use Markdown instead")
        return
    for name in before or {}:
        if name in after:
            continue
        if name.startswith("on"):
            yield (f"the attribute `{name}` (an event handler) is not allowed", f"`{shown}`", "remove it; pages run no scripts")
        elif name == "style":
            yield ("the attribute `style` is not allowed", f"`{shown}`", "use a class from docs/assets/site.css instead")
        elif name not in _URL_ATTRIBUTES:  # addresses are judged, with their own messages, by address_problems
            yield (f"the attribute `{name}` is not allowed on <{tag}>", f"`{shown}`", "remove the attribute")
    if tag == "iframe":
        source = (before or {}).get("src") or ""
        host = other_host(source)
        if not source or (host and not allows(policy, "frame-src", browser_form(source).replace("\\", "/"))):
            yield ("this embedded frame is not from a site the policy allows", f"`{shown}`",
                   "embed only from hosts listed under extra.content_security_policy.frame-src in mkdocs.yml "
                   "(see the README, 'Content-Security-Policy')")


def _attributes(html: str, tag: str) -> dict[str, str] | None:
    """The attributes of the first <tag> element in an HTML fragment, or None if it has none."""
    # A table cell or row alone is dropped by an HTML parser; inside a table it is kept.
    tree = LexborHTMLParser(f"<table>{html}</table>" if tag in _TABLE_PARTS else html)
    node = tree.css_first(tag) if tree.root is not None else None
    return None if node is None else {name.lower(): value or "" for name, value in node.attributes.items()}
