"""The theme's list of files, read from disk once per process instead of once per language build.

Every MkDocs build lists every file of the theme to copy its static files (Jinja's
`list_templates`, from `Files.add_files_from_theme`), and static-i18n runs one build per
language. Material's folder holds 14,000 files, most of them icons, so that listing took
longer than building the pages of a small site. The folders of installed packages do not
change while MkDocs runs, so each is listed once per process; the site's own folders
(overrides/) are listed again in each run, so that `mkdocs serve` sees a file added there.
The list is the same either way: Jinja's own listing of each folder, merged and sorted
as Jinja merges them.
"""

from __future__ import annotations

import os

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.theme import Theme

_installed: dict[str, list[str]] = {}  # folder outside the site -> its files, for the process
_own: dict[str, list[str]] = {}  # folder inside the site -> its files, for this run
_site_folder = ""


class _ListingLoader(jinja2.FileSystemLoader):
    """Jinja's loader, with each folder's listing kept for later environments."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            kept = _own if _inside(folder, _site_folder) else _installed
            names = kept.get(folder)
            if names is None:
                names = kept[folder] = jinja2.FileSystemLoader(folder, self.encoding, self.followlinks).list_templates()
            found.update(names)
        return sorted(found)


def start(config: MkDocsConfig, enabled: bool) -> None:
    """At the start of a run: list the site's own theme folders again, and use the kept lists if `enabled`."""
    global _site_folder
    _own.clear()
    _site_folder = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
    theme = config.theme
    if not enabled:
        vars(theme).pop("get_env", None)
        return
    theme.get_env = lambda: _with_listing(Theme.get_env(theme))


def _with_listing(env: jinja2.Environment) -> jinja2.Environment:
    loader = env.loader
    if type(loader) is jinja2.FileSystemLoader:  # another loader (a later MkDocs) is left as it is
        env.loader = _ListingLoader(loader.searchpath, loader.encoding, loader.followlinks)
    return env


def _inside(folder: str, parent: str) -> bool:
    folder = os.path.abspath(folder)
    return folder == parent or folder.startswith(parent.rstrip(os.sep) + os.sep)
