"""static-i18n's look-ups that its `on_files` repeats for every file, answered once.

For each file of each language build, static-i18n's `reconfigure_files` asks the
plugin for `all_languages` and `default_language` (properties that walk its
language settings, each setting read through MkDocs' config descriptors) and tests
whether the file lies in docs/ with `is_relative_to` (two pathlib objects per call).
At 1,000 pages in five languages that is 30,000 of each per build, and in the preview
a tenth of a rebuild after an edit of data/.

The answers depend on nothing that changes during a run: the language list is fixed
once mkdocs.yml is read (each rebuild of the preview reads it again, and makes a new
plugin and a new list), and whether one path lies under another depends on the two
paths alone. So the two properties keep their answer with the plugin, for the list it
was read from, and `is_relative_to` keeps its answers for the run. `start` checks that
the kept answers are static-i18n's own for the plugin at hand; a static-i18n that
answers otherwise (a changed library) stops the build with a message saying so.
`CLUSTERSITE_RUN_CACHES=0` switches them off.
"""

from __future__ import annotations

import functools

import mkdocs_static_i18n
from mkdocs.exceptions import PluginError
from mkdocs_static_i18n import reconfigure

_PLUGIN = reconfigure.ExtendedPlugin
_ORIGINALS = {name: vars(_PLUGIN)[name] for name in ("all_languages", "default_language")}
_ORIGINAL_IS_RELATIVE_TO = mkdocs_static_i18n.is_relative_to
_KEPT = "_clustersite_languages"  # the plugin's attribute: (the language list read, its locales, the default one)


def _kept(plugin) -> tuple[list, tuple[str, ...], str | None]:
    languages = plugin.config["languages"]  # item access: the descriptors are what costs
    kept = plugin.__dict__.get(_KEPT)
    if kept is None or kept[0] is not languages:
        locales = tuple(language["locale"] for language in languages)
        default = next((language["locale"] for language in languages if language["default"] is True), None)
        kept = plugin.__dict__[_KEPT] = (languages, locales, default)
    return kept


def _all_languages(plugin) -> list[str]:
    return list(_kept(plugin)[1])  # a new list on each call, as static-i18n's own


def _default_language(plugin) -> str | None:
    return _kept(plugin)[2]


_MINE = {"all_languages": property(_all_languages), "default_language": property(_default_language)}
_is_relative_to = functools.lru_cache(maxsize=65536)(_ORIGINAL_IS_RELATIVE_TO)


def start(plugin, enabled: bool) -> None:
    """At the start of a run: answer the look-ups once if `enabled`, after checking the answers are static-i18n's."""
    _is_relative_to.cache_clear()
    if not enabled:
        for name, original in _ORIGINALS.items():
            setattr(_PLUGIN, name, original)
        reconfigure.is_relative_to = _ORIGINAL_IS_RELATIVE_TO
        return
    if reconfigure.is_relative_to not in (_ORIGINAL_IS_RELATIVE_TO, _is_relative_to):
        raise _changed("its files module no longer tests paths with mkdocs_static_i18n.is_relative_to")
    for name, original in _ORIGINALS.items():  # checked before anything is changed
        mine = _MINE[name].fget
        if plugin is not None and original.fget(plugin) != mine(plugin):
            raise _changed(f"its `{name}` is {original.fget(plugin)!r}, where its language settings say {mine(plugin)!r}")
        if plugin is not None and getattr(type(plugin), name) not in (original, _MINE[name]):
            raise _changed(f"its plugin class has its own `{name}`")
    for name, kept in _MINE.items():
        setattr(_PLUGIN, name, kept)
    reconfigure.is_relative_to = _is_relative_to


def _changed(what: str) -> PluginError:
    return PluginError(f"mkdocs-static-i18n has changed how it looks up its languages ({what}); clustersite's "
                       f"look-ups of them (mkdocs_layer/i18n_lookups.py) do not fit this version. "
                       f"Build with CLUSTERSITE_RUN_CACHES=0, or install the version pinned in pyproject.toml.")
