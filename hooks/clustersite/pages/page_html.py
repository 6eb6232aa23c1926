"""A generated page's finished HTML and table of contents, made without running Python-Markdown.

The templates write Markdown of a narrow form: front matter, ATX headings (`## Text {: #id }`)
and blocks of raw HTML that start at the beginning of a line with a block-level tag. For
that form, Python-Markdown with MkDocs' extensions (attr_list, md_in_html, tables, toc)
copies each HTML block as it is, gives each heading an id, and lists the headings in the
table of contents. `finish()` does the same, byte for byte, at a fraction of the cost;
a page with anything else in it gets None and goes through Python-Markdown as before.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from markdown.inlinepatterns import ENTITY_RE, HTML_RE
from markdown.util import BLOCK_LEVEL_ELEMENTS

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)  # MkDocs' YAML_RE
_HEADING = re.compile(r"(#{1,6}) (.*?)(?: \{: #([\w-]+) \})?")
# Backslash escapes of Python-Markdown's ESCAPED_CHARS (with the tables extension's `|`), entities,
# inline tags: what heading text may hold.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!|])")
_INLINE_HARMLESS = re.compile(rf"\\[\\`*_{{}}\[\]()>#+\-.!|]|{ENTITY_RE}|{HTML_RE}")
_INLINE_SPECIAL = re.compile(r"[\\`*_{}\[\]<>&]|^#|#$|^\s|\s$")
# A tag, a comment, or a whole element whose content is text to Markdown (script, style, textarea, pre).
_TAG = re.compile(r"<(?:(script|style|textarea|pre)\b[^<>]*>.*?</\1>|(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>|!--.*?-->)",
                  re.DOTALL)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_BLOCK_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)[\s>/]")
# What Python-Markdown would read otherwise: tabs and carriage returns it rewrites, its own
# placeholders, code fences (the fenced_code extension reads them even inside raw HTML).
_UNSAFE_SIGNS = ("\t", "\r", "\x02", "\x03", ' markdown="')
_UNSAFE = re.compile(r"^(?:`{3,}|~{3,})|^ +$", re.MULTILINE)


@dataclass(frozen=True)
class FinishedPage:
    """A page's HTML as Python-Markdown would make it, and its headings as toc tokens (nested)."""

    html: str
    toc: list[dict]


def finish(markdown: str) -> FinishedPage | None:
    """The page's body as HTML with its table of contents, or None if it needs Python-Markdown."""
    front = _FRONT_MATTER.match(markdown)
    body = markdown[front.end():] if front else markdown
    if _unsafe(body):
        return None
    blocks: list[str | tuple[int, str, str | None]] = []  # raw HTML, or a heading: level, inner HTML, id given
    pos = 0
    while pos < len(body):
        if body[pos] == "\n":
            pos += 1
            continue
        if body[pos] == "#":
            end = body.find("\n", pos)
            end = len(body) if end < 0 else end
            block = _heading(body[pos:end])
        else:
            end = _html_block_end(body, pos)
            block = None if end is None else body[pos:end] + ("\n" if body.startswith("\n\n", end) else "")
        if block is None:
            return None
        blocks.append(block)
        pos = end
    return _assemble(blocks)


def _unsafe(body: str) -> bool:
    """Whether Python-Markdown would read the body otherwise than as headings and raw HTML blocks."""
    if any(sign in body for sign in _UNSAFE_SIGNS):
        return True
    return ("```" in body or "~~~" in body or " \n" in body or body.endswith(" ")) and _UNSAFE.search(body) is not None


def _heading(line: str) -> tuple[int, str, str | None] | None:
    """An ATX heading whose text is plain: escapes, entities and inline tags only."""
    match = _HEADING.fullmatch(line)
    if match is None:
        return None
    level, text, given = match.groups()
    if _INLINE_SPECIAL.search(_INLINE_HARMLESS.sub("x", text)) or not text.strip():
        return None
    return len(level), _ESCAPE.sub(r"\1", text), given


def _html_block_end(body: str, start: int) -> int | None:
    """Where the raw HTML block at `start` ends: a block-level element, closed at the end of a line."""
    opening = _BLOCK_START.match(body, start)
    if opening is None or opening.group(1).lower() not in BLOCK_LEVEL_ELEMENTS or opening.group(1).lower() in _VOID:
        return None
    open_tags: list[str] = []
    for tag in _TAG.finditer(body, start):
        raw_text, closing, name = tag.groups()
        if name is not None and body[tag.end() - 2] != "/" and name.lower() not in _VOID:
            if not closing:
                open_tags.append(name.lower())
                continue
            if not open_tags or open_tags.pop() != name.lower():
                return None
        elif tag.start() == start and not raw_text:
            return None  # <div/>: Markdown reads a self-closed block element otherwise
        if not open_tags:
            end = tag.end()
            return end if end == len(body) or body[end] == "\n" else None
    return None


def _assemble(blocks: list[str | tuple[int, str, str | None]]) -> FinishedPage:
    """The HTML, with each heading's id given or made as the toc extension makes it (slug, then _1, _2...)."""
    used = {block[2] for block in blocks if isinstance(block, tuple) and block[2]}
    counters: dict[str, int] = {}
    parts, tokens = [], []
    for block in blocks:
        if isinstance(block, str):
            parts.append(block)
            continue
        level, inner, given = block
        name = strip_tags(inner)
        anchor = given or unique(slugify(html.unescape(name), "-"), used, counters)
        parts.append(f'<h{level} id="{anchor}">{inner}</h{level}>')
        tokens.append({"level": level, "id": anchor, "name": name, "html": inner, "data-toc-label": ""})
    return FinishedPage("\n".join(parts).strip(), nest_toc_tokens(tokens))
