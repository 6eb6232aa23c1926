"""Caches that keep MkDocs' and static-i18n's work for the later language builds of a run.

    start(config)   # at the start of a run (the outer build's on_config)
    finish()        # at its end

static-i18n runs one MkDocs build per language, and each repeats work whose result is
the same in every language: static-i18n's language versions of files (i18n_file_cache),
its look-ups of its languages for every file (i18n_lookups) and the list of the theme's
files (theme_listing). Compiled templates are kept in
memory for the later languages and in `.cache/templates/` for the next build, and
the preview keeps each language's Jinja environment from one rebuild to the next
(theme_template_cache). Set `CLUSTERSITE_RUN_CACHES=0` to
build without them (to compare the output, or to rule them out); the site comes out
the same either way.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..pages.templating import environment
from . import i18n_file_cache, i18n_lookups, theme_listing
from .theme_template_cache import ENVIRONMENTS, TEMPLATES

SWITCH = "CLUSTERSITE_RUN_CACHES"
TEMPLATE_CACHE = Path(".cache") / "templates"  # compiled templates, kept between builds beside mkdocs.yml (like .cache/renditions)


def enabled() -> bool:
    """Whether the caches are on: unless CLUSTERSITE_RUN_CACHES=0."""
    return os.environ.get(SWITCH, "1") != "0"


def start(config: MkDocsConfig, preview: bool) -> None:
    """Begin a run, and switch the caches on unless the switch says 0; the preview keeps the last run's files."""
    on = enabled()
    i18n_file_cache.start(on, keep=preview)
    i18n_lookups.start(config.plugins.get("i18n"), on)
    theme_listing.start(config, on)
    root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    TEMPLATES.keep_in(root / TEMPLATE_CACHE if on else None)
    ENVIRONMENTS.start(on and preview)
    environment().bytecode_cache = TEMPLATES  # the pages' own templates, too


def finish(preview: bool) -> None:
    """End a run: free what only this run needs (the preview keeps it for its next run)."""
    if not preview:
        i18n_file_cache.finish()
