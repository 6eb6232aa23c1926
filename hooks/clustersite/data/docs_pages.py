"""Pages of docs/ written in the default language only, for the translation report."""

from __future__ import annotations

from pathlib import Path

from .site_data import Languages


def untranslated_pages(docs_dir: Path, languages: Languages) -> dict[str, list[tuple[str, str]]]:
    """For each language, `(docs/x.md, docs/x.<code>.md)` for every page that has no version in it yet."""
    missing: dict[str, list[tuple[str, str]]] = {code: [] for code in languages.written}
    for path in sorted(docs_dir.rglob("*.md")):
        suffix = path.stem.rsplit(".", 1)[-1] if "." in path.stem else ""
        if suffix in languages.codes:
            continue  # a translation itself
        for code in languages.written:  # a transliterated edition is made from its source's pages
            translated = path.with_name(f"{path.stem}.{code}.md")
            if code != languages.default and not translated.exists():
                missing[code].append((_shown(path, docs_dir), _shown(translated, docs_dir)))
    return missing


def _shown(path: Path, docs_dir: Path) -> str:
    return "docs/" + path.relative_to(docs_dir).as_posix()
