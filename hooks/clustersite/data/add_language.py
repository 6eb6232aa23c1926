"""`clustersite translations --add LANG`: every entry of data/ui.yaml gets a LANG line, marked for translation.

The new line copies the default language's text, so the site builds at once, and ends in
`# TODO: translate`, so the file shows staff what is left. The file is edited as text, line
by line, at the places PyYAML's node tree gives: its comments, order and layout stay as they were.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from .site_data import Languages

MARKER = "# TODO: translate"


def add_language(ui_file: Path, code: str, source: str) -> int:
    """Write the missing `code:` lines into ui_file; returns how many entries got one."""
    text = ui_file.read_text(encoding="utf-8")
    entries = _insertions(text, code, source)
    for offset, addition in sorted((insertion for entry in entries for insertion in entry), reverse=True):
        text = text[:offset] + addition + text[offset:]
    if entries:
        ui_file.write_text(text, encoding="utf-8")
    return len(entries)


def command(root: Path, code: str, languages: Languages) -> int:
    """`clustersite translations --add LANG`: a `code:` line, marked, in every entry of data/ui.yaml."""
    if problem := language_problem(code):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    ui_file = root / "data" / "ui.yaml"
    count = add_language(ui_file, code, languages.default)
    print(f"data/ui.yaml: {count} entries got a `{code}:` line with the {languages.default} text, marked `{MARKER}`")
    if code not in languages.codes:
        print(f"next: add `{code}` to the languages of the i18n plugin in mkdocs.yml")
    return 0


def language_problem(code: str) -> str | None:
    """Why `code` cannot be added as a language, or None (CLDR knows it as a language, not only as a country)."""
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return f"`{code}` is not a language code CLDR knows; use a code such as `de`, `el` or `uk`"
    if code.upper() in Locale("en").territories and code not in Locale("en").languages:
        return f"`{code}` is a country code; use the language's code"
    return None


def marked_lines(ui_file: Path, code: str) -> int:
    """How many `code:` lines of ui_file still carry the marker."""
    line_of_code = re.compile(rf"(^|[\s{{,]){re.escape(code)}:")
    return sum(1 for line in ui_file.read_text(encoding="utf-8").splitlines()
               if line.rstrip().endswith(MARKER) and line_of_code.search(line))


def _insertions(text: str, code: str, source: str) -> list[list[tuple[int, str]]]:
    """For each entry that lacks `code`, where to insert what."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    found = []
    for _, section in root.value if isinstance(root, yaml.MappingNode) else []:
        if not isinstance(section, yaml.MappingNode):
            continue
        for _, entry in section.value:
            if not isinstance(entry, yaml.MappingNode):
                continue
            keys = {key.value: (key, value) for key, value in entry.value if isinstance(key, yaml.ScalarNode)}
            if code in keys or source not in keys:
                continue
            key, value = keys[source]
            copied = code + text[key.end_mark.index:value.end_mark.index].rstrip("\n")
            found.append(_flow(text, entry, copied) if entry.flow_style else _block(text, entry, key, value, copied))
    return found


def _block(text: str, entry: yaml.MappingNode, key: yaml.Node, value: yaml.Node, copied: str) -> list[tuple[int, str]]:
    """A new line (or lines) after the entry's last line, indented like its keys."""
    last = entry.value[-1][1]
    end = last.end_mark.index
    if text[end - 1:end] != "\n":  # the value ends on its line: the new line starts after it (and its comment)
        newline = text.find("\n", end)
        end = len(text) if newline == -1 else newline + 1
    lines = copied.split("\n")
    if isinstance(value, yaml.ScalarNode) and value.style in ("|", ">"):
        lines[0] += f"  {MARKER}"  # after the block indicator: a comment there leaves the text as it is
    else:
        lines[-1] += f"  {MARKER}"
    indent = " " * key.start_mark.column
    addition = "\n".join([indent + lines[0], *lines[1:]]) + "\n"
    return [(end, addition if text[end - 1:end] in ("\n", "") else "\n" + addition)]


def _flow(text: str, entry: yaml.MappingNode, copied: str) -> list[tuple[int, str]]:
    """`{en: Bari, cs: Bari}` gets `, de: Bari` before its brace, and the marker at the end of the line."""
    brace = entry.end_mark.index - 1
    line_end = text.find("\n", brace)
    line_end = len(text) if line_end == -1 else line_end
    return [(brace, f", {copied}"), (line_end, f"  {MARKER}")]  # after a comment already there, too
