"""static-i18n's language versions of files, made once per run and copied after that.

static-i18n's `on_files` makes a new File (`suffix.create_i18n_file`) for every file of
every language in each language build, and again for each language version of each page
when it links the versions to each other: 20,000 calls for 1,000 pages in five languages,
a sixth of the build time, most of it in pathlib. Its result depends only on the file's
paths, the languages and three settings, and the same ones are asked for in every language
build, so the first result is kept and every call gets a copy of it: a new File with the
same attributes, linked to itself as static-i18n links a new file.

That relies on static-i18n's internals: `on_files` calls `suffix.create_i18n_file(file,
current_language, default_language, all_languages, config)` by its module attribute, and
the File it returns has only values that a shallow copy may share. Both are checked (the
first when the cache is switched on, the second on every file made), and a change fails
the build with a message saying so. `CLUSTERSITE_RUN_CACHES=0` switches the cache off.

Not every File is kept. A language's build asks for every file in its own language once,
and sets aside those that are another language's (static-i18n links each page to the other
languages' versions made in *their* languages): at 10,000 pages those are four fifths of
its files, about 8 MB a language held until the run ends, that no later build of the run
asks for, bar a few made again. The preview keeps them all for its next run.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from enum import Enum

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs_static_i18n import suffix

_PARAMETERS = ["file", "current_language", "default_language", "all_languages", "config"]
_SHAREABLE = (str, bool, int, float, type(None), Enum)  # values a copy may share with the kept File

# What a kept File is made of, in little memory (1,000 pages make 7,000 of them): its class, its
# attribute names (one tuple for all), and its values, the strings shared between languages.
_Kept = tuple[type, tuple[str, ...], tuple]
_made: dict[str, _Kept] = {}  # "language, src_uri, dest_uri, inclusion" -> the File made for them
_keep_all = False  # the preview: every File made is kept for the next run
_settings: tuple = ()  # the other arguments the kept Files were made with
_names: dict[tuple[str, ...], tuple[str, ...]] = {}
_library_function: Callable[..., File] | None = None  # static-i18n's own create_i18n_file


def start(enabled: bool, keep: bool = False) -> None:
    """At the start of a run: forget the last run's files unless `keep`, and use the cache if `enabled`.

    The preview keeps them from one rebuild to the next: a File is made from its paths and
    the settings alone, both part of what it is kept under, so a kept one still fits.
    """
    global _library_function, _keep_all
    _keep_all = keep
    if not keep:
        _forget()
    if suffix.create_i18n_file is _cached_i18n_file:
        if not enabled:
            suffix.create_i18n_file = _library_function
        return
    if not enabled:
        return
    parameters = list(inspect.signature(suffix.create_i18n_file).parameters)
    if parameters != _PARAMETERS:
        raise _changed(f"create_i18n_file takes ({', '.join(parameters)}), not ({', '.join(_PARAMETERS)})")
    _library_function = suffix.create_i18n_file
    suffix.create_i18n_file = _cached_i18n_file


def finish() -> None:
    """At the end of a run: free the kept files."""
    _forget()


def _forget() -> None:
    global _settings
    _made.clear()
    _names.clear()
    _settings = ()


def _cached_i18n_file(file: File, current_language: str, default_language: str, all_languages: list,
                      config: MkDocsConfig) -> File:
    global _settings
    # config[...] rather than config.x: MkDocs' attribute access costs more than the rest of this function
    settings = (default_language, all_languages, config["docs_dir"], config["site_dir"], config["use_directory_urls"])
    if settings != _settings:
        _forget()
        _settings = settings
    key = f"{current_language}\0{file.src_uri}\0{file.dest_uri}\0{file.inclusion.value}"
    kept = _made.get(key)
    if kept is None:
        made = _library_function(file, current_language, default_language, all_languages, config)
        _check(made, current_language)
        if not (_keep_all or _asked_again(made, current_language, config)):
            return made  # as static-i18n made it, and not kept
        kept = _made[key] = _kept(made)
    cls, names, values = kept
    twin = cls.__new__(cls)  # a copy, as copy.copy makes it
    twin.__dict__.update(zip(names, values, strict=True))
    twin.alternates = {current_language: twin}
    return twin


def _asked_again(made: File, language: str, config: MkDocsConfig) -> bool:
    """Whether a later build of the run may ask for the File: all but another language's file in a language's own build."""
    building = getattr(config["plugins"].get("i18n"), "current_language", None)
    return getattr(made, "locale", None) == language or language != building


def _kept(made: File) -> _Kept:
    state = {name: value for name, value in vars(made).items() if name != "alternates"}
    names = tuple(state)
    return type(made), _names.setdefault(names, names), tuple(sys.intern(v) if type(v) is str else v for v in state.values())


def _check(made: File, current_language: str) -> None:
    """The copies share the kept File's values: each must be one that nothing changes in place."""
    alternates = getattr(made, "alternates", None)
    if alternates != {current_language: made}:
        raise _changed("a new file's alternates no longer list only the file itself")
    for name, value in vars(made).items():
        if name != "alternates" and not isinstance(value, _SHAREABLE):
            raise _changed(f"a new file has `{name}` of type {type(value).__name__}, which copies would share")


def _changed(what: str) -> PluginError:
    return PluginError(f"mkdocs-static-i18n has changed how it makes each language's files ({what}); "
                       f"clustersite's cache of them (mkdocs_layer/i18n_file_cache.py) does not fit this version. "
                       f"Build with CLUSTERSITE_RUN_CACHES=0, or install the version pinned in pyproject.toml.")
