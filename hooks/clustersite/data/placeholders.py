"""Placeholders left for staff to fill in: `[FILL IN: what goes here]`, in data/, docs/ and mkdocs.yml.

`clustersite new` writes them where only the project's own staff know the answer
(the publisher of the site, a paragraph about the project, a translation). The site
builds with them, so that it can be previewed at once, but it is not published
while any is left (`clustersite validate --publishing`, run by the publishing workflow).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PATTERN = re.compile(r"\[FILL IN:[^\]\n]*\]")
_TEXT_FILES = ("*.yaml", "*.yml", "*.md")


def placeholder(what: str) -> str:
    """The text of a placeholder: `[FILL IN: what]`."""
    return f"[FILL IN: {what.replace(']', ')')}]"


@dataclass(frozen=True)
class Placeholder:
    """One unfilled placeholder, where it is."""

    file: str  # relative to the project's folder
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: to fill in: {self.text}"


def find_placeholders(root: Path) -> list[Placeholder]:
    """Every placeholder in mkdocs.yml, data/ and docs/, in file and line order."""
    paths = [root / "mkdocs.yml"] if (root / "mkdocs.yml").is_file() else []
    for folder in ("data", "docs"):
        for pattern in _TEXT_FILES:
            paths += (root / folder).rglob(pattern)
    found = []
    for path in sorted(set(paths)):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "[FILL IN:" not in text:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            found += [Placeholder(path.relative_to(root).as_posix(), number, m.group()) for m in PATTERN.finditer(line)]
    return found


def report(found: list[Placeholder], publishing: bool) -> str:
    """The list for `clustersite validate`; a refusal when publishing."""
    if not found:
        return ""
    lines = [str(p) for p in found]
    if publishing:
        lines.append(f"{len(found)} placeholders are not filled in; the site is not published until each is "
                     "replaced with the real text (search the files for `[FILL IN:`).")
    else:
        lines.append(f"{len(found)} placeholders to fill in before the site can be published.")
    return "\n".join(lines)
