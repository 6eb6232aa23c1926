"""Markup planted in data, and a parser that finds it if it reached a page unescaped."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import yaml

# A tag, a quote that would close a double-quoted attribute, and one for single quotes: escaped,
# all of it is text; unescaped, the parser meets an <inj-x> element or an attribute named data-inj*.
PROBE = """ <inj-x>" data-inj="1' data-inj2='1 """


def plant(path: Path, languages: frozenset[str] = frozenset({"en", "sr", "bg", "cs"}), skip: frozenset[str] = frozenset()) -> None:
    """Append the probe to every text of a data file: each value written under a language code.

    Addresses, e-mail addresses and other typed values are left alone: validation would refuse them;
    so are the texts under the keys in `skip`.
    """

    def walk(value, key=None):
        if isinstance(value, dict):
            return {k: v if k in skip else walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value + PROBE if isinstance(value, str) and key in languages else value

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump(walk(data), allow_unicode=True, sort_keys=False), encoding="utf-8")


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag.startswith("inj"):
            self.found.append(f"<{tag}> element at line {self.getpos()[0]}")
        for name, _ in attrs:
            if name.startswith("data-inj"):
                self.found.append(f"attribute {name} on <{tag}> at line {self.getpos()[0]}")

    handle_startendtag = handle_starttag


def unescaped_probes(html: str) -> list[str]:
    """Where the probe became markup instead of text."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found
