"""The text edits `clustersite new` makes to a copy of the repository: pure functions of file contents.

Files are edited as text, line by line, so that their comments (which explain each
file to staff) survive; nothing here reads or writes a file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from ..data.placeholders import placeholder

_LANGUAGE_LINE = re.compile(r"^(?P<indent>[ \t]+)(?P<code>[A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?):(?:[ \t]+(?P<value>.*))?$")


def quoted(text: str) -> str:
    """A YAML scalar in double quotes (JSON's string form is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def retarget_languages(text: str, written: Iterable[str], keep: list[str], names: dict[str, str], default: str) -> str:
    """Keep the lines of the `keep` languages in every localized text, and add a placeholder line for each new one.

    `written` are the language keys the file may have now (en, sr, sr-Cyrl...); `names` gives
    each new language's name for its placeholder ("Deutsch for “Projects”").
    """
    written, lines = set(written), text.splitlines(keepends=True)
    new = [code for code in keep if code not in written]
    out, i = [], 0
    while i < len(lines):
        match = _LANGUAGE_LINE.match(lines[i].rstrip("\n"))
        if not match or match["code"] not in written:
            out.append(lines[i])
            i += 1
            continue
        indent, group = match["indent"], []
        while i < len(lines) and (m := _LANGUAGE_LINE.match(lines[i].rstrip("\n"))) and m["indent"] == indent and m["code"] in written:
            block, i = [lines[i]], i + 1
            while i < len(lines) and _continues(lines, i, len(indent)):
                block.append(lines[i])
                i += 1
            group.append((m["code"], m["value"], block))
        source = next((value for code, value, _ in group if code == default), None)
        for code, _, block in group:
            if code in keep:
                out += block
        for code in new:
            single_line = source and source[0] not in ">|"
            what = f"{names[code]} for “{source.strip(chr(34) + chr(39))}”" if single_line else f"the text in {names[code]}"
            out.append(f"{indent}{code}: {quoted(placeholder(what))}\n")
    return "".join(out)


def _continues(lines: list[str], i: int, indent: int) -> bool:
    """Whether line i belongs to the value above it (a folded block's next line, or a blank line inside it)."""
    if lines[i].strip():
        return indent_of(lines[i]) > indent
    following = next((line for line in lines[i + 1:] if line.strip()), "")
    return indent_of(following) > indent


def fill_in(text: str, key: str, what: str) -> str:
    """Each language's text under the top-level `key:` replaced by a placeholder (its block lines dropped)."""
    out, inside, language_indent = [], False, None
    for line in text.splitlines(keepends=True):
        if line.strip() and not line[0].isspace():
            inside, language_indent = line.startswith(f"{key}:"), None
        match = _LANGUAGE_LINE.match(line.rstrip("\n")) if inside else None
        if match and (language_indent is None or len(match["indent"]) == language_indent):
            language_indent = len(match["indent"])
            out.append(f"{match['indent']}{match['code']}: {quoted(placeholder(what))}\n")
        elif not (inside and language_indent is not None and line.strip() and indent_of(line) > language_indent):
            out.append(line)
    return "".join(out)


def empty_records(text: str, header: str) -> str:
    """A data file with its records removed: its schema line, a header comment, each list key empty."""
    modeline = next((line for line in text.splitlines() if line.startswith("# yaml-language-server:")), None)
    keys = [m.group(1) for m in re.finditer(r"^([A-Za-z_][\w-]*):", text, re.M)]
    body = "".join(f"{key}: []\n" for key in dict.fromkeys(keys))
    return (f"{modeline}\n#\n" if modeline else "") + "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()) + body


def replace_last_section(markdown: str, body: str) -> str:
    """The page with the text under its last `## ` heading replaced (the heading, in its language, stays)."""
    headings = list(re.finditer(r"^## .*$", markdown, re.M))
    if not headings:
        return markdown.rstrip("\n") + f"\n\n{body}\n"
    last = headings[-1]
    return markdown[:last.end()] + f"\n\n{body}\n"


def append_paragraph(markdown: str, body: str) -> str:
    return markdown.rstrip("\n") + f"\n\n{body}\n"


def home_page(site_name: str, language_name: str | None) -> str:
    """A new home page: the site's name, a paragraph to write, and the generated overview."""
    about = "two or three sentences on what the project does, for whom, and why"
    if language_name:
        about += f", in {language_name}"
    return f"# {site_name}\n\n{placeholder(about)}\n\n<!-- clustersite:home-overview -->\n"


def set_top_level(text: str, key: str, value: str) -> str:
    """`key: value` at the top of mkdocs.yml, replacing the line that is there."""
    line = f"{key}: {value}"
    if re.search(rf"^{key}:.*$", text, re.M):
        return re.sub(rf"^{key}:.*$", lambda _: line, text, count=1, flags=re.M)
    return f"{line}\n{text}"
