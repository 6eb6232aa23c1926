"""static-i18n's language versions of files, made once per file and derived for each language after that.

static-i18n's `on_files` makes a new File (`suffix.create_i18n_file`) for every file of
every language in each language build, and again for each language version of each page
when it links the versions to each other: 20,000 calls for 1,000 pages in five languages,
a sixth of the build time, most of it in pathlib. Its result depends on the file's paths,
three settings and the language being built, and the language changes only where the file
goes: its `dest_uri` starts with the language's folder (none for the default language),
and its `abs_dest_path` and `url` follow from that. So the first File made for a file is
kept without its folder, and every later call, in any language, gets a copy of it with
the language's folder: a new File with the same attributes, linked to itself as
static-i18n links a new file. One File is kept per file, whatever the number of languages.

That relies on static-i18n's internals: `on_files` calls `suffix.create_i18n_file(file,
current_language, default_language, all_languages, config)` by its module attribute, and
the File it returns has only values that a shallow copy may share, with the language's
folder at the start of its `dest_uri`. All three are checked: the first when the cache is
switched on, the second on every file made, the third on every file made and, once per
language and run, by comparing a copy with the File static-i18n makes. A change fails the
build with a message saying so. `CLUSTERSITE_RUN_CACHES=0` switches the cache off.
"""

from __future__ import annotations

import inspect
import os
import posixpath
import sys
from collections.abc import Callable
from enum import Enum
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs_static_i18n import suffix

_PARAMETERS = ["file", "current_language", "default_language", "all_languages", "config"]
_SHAREABLE = (str, bool, int, float, type(None), Enum)  # values a copy may share with the kept File
_PER_LANGUAGE = ("alternates", "dest_uri", "abs_dest_path", "url", "locale_alternate_of")  # set on each copy

# What a kept File is made of, in little memory (one for each file of the site): its class, its
# attribute names but those set per language (one tuple for all), its values, its dest_uri
# without the language's folder, and its url at the site's root and (the part after the folder) below one.
_Kept = tuple[type, tuple[str, ...], tuple, str, str, str]
_made: dict[str, _Kept] = {}  # "src_uri, dest_uri, inclusion" -> the File made for them
_settings: tuple = ()  # the other arguments the kept Files were made with
_compared: set[str] = set()  # the languages whose first copy was compared with static-i18n's File in this run
_names: dict[tuple[str, ...], tuple[str, ...]] = {}
_library_function: Callable[..., File] | None = None  # static-i18n's own create_i18n_file


def start(enabled: bool, keep: bool = False) -> None:
    """At the start of a run: forget the last run's files unless `keep`, and use the cache if `enabled`.

    The preview keeps them from one rebuild to the next: a File is made from its paths and
    the settings alone, both part of what it is kept under, so a kept one still fits.
    """
    global _library_function
    _compared.clear()
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
    key = f"{file.src_uri}\0{file.dest_uri}\0{file.inclusion.value}"
    kept = _made.get(key)
    if kept is None:
        made = _library_function(file, current_language, default_language, all_languages, config)
        _check(made, current_language)
        _made[key] = _kept(made, _folder(current_language, default_language), settings[4])
        return made
    twin = _copy(kept, current_language, _folder(current_language, default_language), settings[3])
    if current_language not in _compared:  # once per language and run: the copy is what static-i18n makes
        _compare(twin, _library_function(file, current_language, default_language, all_languages, config))
        _compared.add(current_language)
    return twin


def _folder(language: str, default_language: str) -> str:
    """Where static-i18n puts a language's files: the site's root for the default language."""
    return "" if language == default_language else language


def _kept(made: File, folder: str, use_directory_urls: bool) -> _Kept:
    state = {name: value for name, value in vars(made).items() if name not in _PER_LANGUAGE}
    names = tuple(state)
    dest_uri = made.dest_uri
    if folder:
        if not dest_uri.startswith(folder + "/"):
            raise _changed(f"the file {made.src_uri} goes to {dest_uri}, not into the language's folder {folder}/")
        dest_uri = dest_uri[len(folder) + 1:]
    # The url as File._get_url makes it, at the site's root and below a language's folder (quote() works
    # character by character, so the folder's part and the rest are quoted apart).
    head, name = posixpath.split(dest_uri)
    tail = (f"{head}/" if head else "") if use_directory_urls and name == "index.html" else dest_uri
    at_root = quote((head or ".") + "/") if use_directory_urls and name == "index.html" else quote(dest_uri)
    return (type(made), _names.setdefault(names, names), tuple(sys.intern(v) if type(v) is str else v for v in state.values()),
            dest_uri, at_root, quote(tail))


def _copy(kept: _Kept, language: str, folder: str, site_dir: str) -> File:
    """A new File as static-i18n makes it for `language`, from the kept one."""
    cls, names, values, dest_uri, at_root, tail = kept
    twin = cls.__new__(cls)  # a copy, as copy.copy makes it
    twin.__dict__.update(zip(names, values, strict=True))
    twin.dest_uri = f"{folder}/{dest_uri}" if folder else dest_uri
    twin.abs_dest_path = os.path.normpath(os.path.join(site_dir, twin.dest_uri))
    twin.url = f"{quote(folder)}/{tail}" if folder else at_root
    twin.locale_alternate_of = language
    twin.alternates = {language: twin}
    return twin


def _compare(copy: File, made: File) -> None:
    """The copy must read as static-i18n's own File, linked to itself."""
    ours, theirs = dict(vars(copy)), dict(vars(made))
    if ours.pop("alternates") != {copy.locale_alternate_of: copy} or theirs.pop("alternates") != {made.locale_alternate_of: made}:
        raise _changed("a new file's alternates no longer list only the file itself")
    if ours != theirs:
        differing = sorted(name for name in ours.keys() | theirs.keys() if ours.get(name) != theirs.get(name))
        raise _changed(f"a file made for another language differs in {', '.join(differing)} from the file made first")


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
