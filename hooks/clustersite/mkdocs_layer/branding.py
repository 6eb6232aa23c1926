"""Branding set in mkdocs.yml, checked before a build: the primary colour, the logo and the favicon."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..pages import brand_colour


def check(config: MkDocsConfig) -> None:
    """Stop the build with one clear line when the branding would give an unreadable header or a broken image."""
    colour = str((config.extra.get("brand") or {}).get("primary", ""))
    if colour and not brand_colour.is_colour(colour):
        raise PluginError(f"mkdocs.yml: extra.brand.primary is {colour!r}; write a colour as #RRGGBB, such as #003399.")
    problem = brand_colour.colour_problem(colour) if colour else None
    if problem:
        raise PluginError(f"mkdocs.yml: extra.brand.primary: {problem}")
    for key in ("logo", "favicon"):
        value = config.theme.get(key)
        if not value or "://" in value:
            continue
        folders = [Path(config.docs_dir), *(Path(folder) for folder in config.theme.dirs)]
        if not any((folder / value).is_file() for folder in folders):
            raise PluginError(f"mkdocs.yml: theme.{key} is {value!r}, but there is no such file under docs/; "
                              f"put the image at docs/{value}, or correct the path.")
