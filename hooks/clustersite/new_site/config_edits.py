"""mkdocs.yml for a new site: its name and its languages, edited as text so that its comments stay."""

from __future__ import annotations

import re

from ..data.placeholders import placeholder
from .file_edits import indent_of, quoted, set_top_level

_LANGUAGES = re.compile(r"^(?P<indent>[ \t]*)languages:[ \t]*$", re.M)
_ENTRY = re.compile(r"^[ \t]*- locale:[ \t]*(?P<code>\S+)[ \t]*$")


def _entries(block: list[str]) -> tuple[list[str], dict[str, list[str]], list[str]]:
    """The lines before the first entry, each entry's lines (with the comments just above it), and the rest."""
    entries: dict[str, list[str]] = {}
    head, pending, current = [], [], None
    for line in block:
        match = _ENTRY.match(line.rstrip("\n"))
        if match:
            current = entries.setdefault(match["code"], [])
            current += pending + [line]
            pending = []
        elif line.lstrip().startswith("#"):
            pending.append(line)
        elif current is None:
            head += pending + [line]
            pending = []
        else:
            current += pending + [line]
            pending = []
    return head, entries, pending


def _edit_entry(lines: list[str], default: bool, site_name: str | None) -> list[str]:
    """An entry with `default:` and `site_name:` set, and its `site_description:` left to the top-level one."""
    at = next(i for i, line in enumerate(lines) if _ENTRY.match(line.rstrip("\n")))
    locale_line = lines[at]
    indent = " " * (len(locale_line) - len(locale_line.lstrip()) + 2)
    body = [line for line in lines[at + 1:] if not re.match(r"^[ \t]*(default|site_name|site_description):", line)]
    if site_name is not None:
        after = next((i + 1 for i, line in enumerate(body) if line.lstrip().startswith(("build:", "name:"))), 0)
        body.insert(after, f"{indent}site_name: {quoted(site_name)}\n")
    return [*lines[:at], locale_line, *([f"{indent}default: true\n"] if default else []), *body]


def new_entry(code: str, name: str, tag: str, default: bool, site_name: str | None, indent: str) -> list[str]:
    lines = [f"{indent}- locale: {code}\n"]
    inner = indent + "  "
    if default:
        lines.append(f"{inner}default: true\n")
    lines += [f"{inner}name: {quoted(name)}\n", f"{inner}build: true\n"]
    if site_name is not None:
        lines.append(f"{inner}site_name: {quoted(site_name)}\n")
    lines += [f"{inner}theme:\n", f"{inner}  language: {tag}\n"]
    return lines


def rewrite_config(text: str, *, site_name: str, languages: list[str], names: dict[str, str],
                   site_names: dict[str, str]) -> str:
    """mkdocs.yml with the new site's name and exactly `languages` (the first is the default), in that order."""
    text = set_top_level(text, "site_name", quoted(site_name))
    text = set_top_level(text, "site_description", quoted(placeholder("one sentence saying what the site is about")))
    if "sr-cyrl" not in languages:
        text = remove_transliterated(text)
    match = _LANGUAGES.search(text)
    if match is None:
        raise ValueError("mkdocs.yml has no `languages:` list under the i18n plugin")
    start = match.end() + 1
    lines = text[start:].splitlines(keepends=True)
    limit = len(match["indent"])
    end = next((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")
                and len(line) - len(line.lstrip()) <= limit), len(lines))
    head, entries, trailing = _entries(lines[:end])
    made = list(head)
    for i, code in enumerate(languages):
        name = None if i == 0 else site_names.get(code, site_name)
        if code in entries:
            made += _edit_entry(entries[code], i == 0, name)
        else:
            made += new_entry(code, names[code], code, i == 0, name, " " * (limit + 2))
    return text[:start] + "".join(made + trailing + lines[end:])


def remove_transliterated(text: str) -> str:
    """mkdocs.yml without `extra: transliterated:` (and the comment lines just above it)."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if re.match(r"^[ \t]+transliterated:[ \t]*$", line):
            indent = indent_of(line)
            end = i + 1
            while end < len(lines) and lines[end].strip() and indent_of(lines[end]) > indent:
                end += 1
            begin = i
            while begin > 0 and lines[begin - 1].lstrip().startswith("#") and indent_of(lines[begin - 1]) == indent:
                begin -= 1
            return "".join(lines[:begin] + lines[end:])
    return text
