"""Caches that keep MkDocs' and static-i18n's work for the later language builds of a run.

    start(config)   # at the start of a run (the outer build's on_config)
    finish()        # at its end

static-i18n runs one MkDocs build per language, and each repeats work whose result is
the same in every language: static-i18n's language versions of files (i18n_file_cache)
and the list of the theme's files (theme_listing). Set `CLUSTERSITE_RUN_CACHES=0` to
build without them (to compare the output, or to rule them out); the site comes out
the same either way.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig

from . import i18n_file_cache, theme_listing

SWITCH = "CLUSTERSITE_RUN_CACHES"


def start(config: MkDocsConfig) -> None:
    """Begin a run: forget what the last run kept, and switch the caches on unless the switch says 0."""
    enabled = os.environ.get(SWITCH, "1") != "0"
    i18n_file_cache.start(enabled)
    theme_listing.start(config, enabled)


def finish() -> None:
    """End a run: free what only this run needs."""
    i18n_file_cache.finish()
