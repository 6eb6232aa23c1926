"""The theme's list of files, read from disk once per process instead of once per language build.

Every MkDocs build lists every file of the theme to copy its static files (Jinja's
`list_templates`, from `Files.add_files_from_theme`), and static-i18n runs one build per
language. Material's folder holds 14,000 files, most of them icons, so that listing took
longer than building the pages of a small site. The folders of installed packages do not
change while MkDocs runs, so each is listed once per process; the site's own folders
(overrides/) are listed again in each run, so that `mkdocs serve` sees a file added there.
The list is the same either way: Jinja's own listing of each folder, merged and sorted
as Jinja merges them.

MkDocs then sorts out the static files to copy with a filter that tries a dozen patterns
on each of the 14,000 names: a third of a preview rebuild's time. Its verdict on a name
depends only on the name and the patterns (fixed by the theme's `static_templates` and
the Markdown file extensions), so each name is judged once per process; a filter that
is not MkDocs' own one is called as Jinja calls it. The merged list and the files the
filter keeps are made once per run and copied for each language build.
"""

from __future__ import annotations

import functools
import os
import types

import jinja2
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.theme import Theme

_installed: dict[str, list[str]] = {}  # folder outside the site -> its files, for the process
_own: dict[str, list[str]] = {}  # folder inside the site -> its files, for this run
_site_folder = ""
_verdicts: dict[tuple, dict[str, bool]] = {}  # MkDocs' filter patterns -> file name -> whether the filter keeps it
_merged: dict[tuple[str, ...], list[str]] = {}  # the folders of a loader -> their files, merged, for this run
_static: dict[tuple, list[str]] = {}  # (patterns, folders) -> the files MkDocs' filter keeps, for this run


def _nested_function(function: types.FunctionType, name: str) -> types.CodeType | None:
    return next((c for c in function.__code__.co_consts if isinstance(c, types.CodeType) and c.co_name == name), None)


_THEME_FILTER = _nested_function(Files.add_files_from_theme, "filter")  # None if a later MkDocs has none


class _ListingLoader(jinja2.FileSystemLoader):
    """Jinja's loader, with each folder's listing kept for later environments."""

    def list_templates(self) -> list[str]:
        return list(self._merged())  # a copy: the caller may change it

    def _merged(self) -> list[str]:
        merged = _merged.get(tuple(self.searchpath))
        if merged is None:
            found: set[str] = set()
            for folder in self.searchpath:
                kept = _own if _inside(folder, _site_folder) else _installed
                names = kept.get(folder)
                if names is None:
                    names = kept[folder] = jinja2.FileSystemLoader(folder, self.encoding, self.followlinks).list_templates()
                found.update(names)
            merged = _merged[tuple(self.searchpath)] = sorted(found)
        return merged


def start(config: MkDocsConfig, enabled: bool) -> None:
    """At the start of a run: list the site's own theme folders again, and use the kept lists if `enabled`."""
    global _site_folder
    _own.clear()
    _merged.clear()
    _static.clear()
    _site_folder = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
    theme = config.theme
    if not enabled:
        vars(theme).pop("get_env", None)
        return
    # What MkDocs' filter's patterns are made of, besides its fixed ones
    patterns = (tuple(theme.static_templates), tuple(utils.markdown_extensions))
    theme.get_env = lambda: _with_listing(Theme.get_env(theme), _verdicts.setdefault(patterns, {}))


def _with_listing(env: jinja2.Environment, verdicts: dict[str, bool]) -> jinja2.Environment:
    loader = env.loader
    if type(loader) is jinja2.FileSystemLoader:  # another loader (a later MkDocs) is left as it is
        env.loader = _ListingLoader(loader.searchpath, loader.encoding, loader.followlinks)
        env.list_templates = functools.partial(_list_templates, env, verdicts)
    return env


def _list_templates(env: jinja2.Environment, verdicts: dict[str, bool], extensions=None, filter_func=None) -> list[str]:
    """Jinja's `Environment.list_templates`, with MkDocs' filter's verdicts kept."""
    if extensions is not None or filter_func is None or getattr(filter_func, "__code__", None) is not _THEME_FILTER:
        return jinja2.Environment.list_templates(env, extensions, filter_func)
    key = (id(verdicts), tuple(env.loader.searchpath))
    kept = _static.get(key)
    if kept is None:
        kept = _static[key] = []
        for name in env.loader._merged():
            verdict = verdicts.get(name)
            if verdict is None:
                verdict = verdicts[name] = filter_func(name)
            if verdict:
                kept.append(name)
    return list(kept)


def _inside(folder: str, parent: str) -> bool:
    folder = os.path.abspath(folder)
    return folder == parent or folder.startswith(parent.rstrip(os.sep) + os.sep)
