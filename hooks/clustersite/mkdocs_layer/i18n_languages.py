"""The site's languages, read from the i18n plugin's settings in mkdocs.yml and checked."""

from __future__ import annotations

import logging
from pathlib import Path

from babel import Locale, UnknownLocaleError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..data.site_data import Languages

MATERIAL_LANGUAGES = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"

log = logging.getLogger("mkdocs.plugins.clustersite")

# Language entries whose theme language was replaced by a fallback, with the tag they were given:
# static-i18n keeps the entries for every language build of a run, and each build reads them again.
_GIVEN_TAGS: dict[int, tuple[object, str]] = {}


def from_mkdocs(config: MkDocsConfig) -> Languages:
    """Languages as configured once, under `plugins: - i18n: languages:`; a mistake is one clear line."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml: the i18n plugin is missing from `plugins`; the site needs it for its languages.")
    entries = plugin.config.languages
    codes: list[str] = []
    tags: dict[str, str] = {}
    names: dict[str, str] = {}
    default = None
    overrides = Path(config.config_file_path).parent / (config.theme.custom_dir or "overrides")
    default_tag = next(((e.theme or {}).get("language") or e.locale for e in entries if e.default), "en")
    for entry in entries:
        code = entry.locale
        where = f"mkdocs.yml: plugins.i18n.languages[{code}]"
        if code in codes:
            raise PluginError(f"{where}: the language `{code}` is listed twice; list each language once.")
        tag = _GIVEN_TAGS[id(entry)][1] if id(entry) in _GIVEN_TAGS else (entry.theme or {}).get("language") or code
        try:
            Locale.parse(tag.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            raise PluginError(f"{where}: `{tag}` is not a language CLDR knows; use a code such as `cs` or `sr-Latn`.") from None
        interface = interface_language(tag, default_tag, overrides)
        if interface != tag and id(entry) not in _GIVEN_TAGS:
            # Material has no texts for the language: its nearest one is used, and the page keeps its own
            # lang attribute (set after rendering, see html_fixes.set_html_lang).
            log.warning(f"{where}: the theme has no interface texts for `{tag}`, so its buttons and labels use "
                        f"`{interface}` ({_name(interface)}); to translate them, copy Material's "
                        f"partials/languages/{interface}.html to overrides/partials/languages/{tag}.html and translate it.")
            entry.theme = {**(entry.theme or {}), "language": interface}
            _GIVEN_TAGS[id(entry)] = (entry, tag)  # the entry is kept so that its id stays its own
        if entry.default:
            default = code
        codes.append(code)
        tags[code] = tag
        names[code] = entry.site_name or config.site_name
    if default is None:
        raise PluginError("mkdocs.yml: plugins.i18n.languages: no language is marked `default: true`; mark English.")
    return Languages(codes=tuple(codes), default=default, html_lang=tags, site_names=names, derived=_derived(config, codes, tags, default))


# Languages the site can make from another one's text (tag made -> tag written).
TRANSLITERATIONS = {"sr-Cyrl": "sr-Latn"}


def _derived(config: MkDocsConfig, codes: list[str], tags: dict[str, str], default: str) -> dict[str, str]:
    """`extra: transliterated: {sr-cyrl: sr}`: languages made at build time from another language's text."""
    given = (config.extra or {}).get("transliterated") or {}
    where = "mkdocs.yml: extra.transliterated"
    if not isinstance(given, dict):
        raise PluginError(f"{where}: write it as `made: from`, such as `sr-cyrl: sr`.")
    derived = {}
    for made, source in given.items():
        if made not in codes or source not in codes:
            missing = made if made not in codes else source
            raise PluginError(f"{where}: `{missing}` is not one of the languages under plugins.i18n.languages; "
                              f"list it there, or remove `{made}: {source}`.")
        if TRANSLITERATIONS.get(tags[made]) != tags[source]:
            pairs = ", ".join(f"`{a}` from `{b}`" for a, b in TRANSLITERATIONS.items())
            raise PluginError(f"{where}: `{made}` ({tags[made]}) cannot be made from `{source}` ({tags[source]}); "
                              f"the site can make {pairs}.")
        if made == default:
            raise PluginError(f"{where}: `{made}` is the default language; the default language is written, not made.")
        derived[made] = source
    return derived


def interface_language(tag: str, default_tag: str, overrides: Path) -> str:
    """The theme language nearest to `tag` that has interface texts: itself, a broader tag, or the default's.

    `de-AT` falls back to `de`, `pt-PT` to `pt`; a language the theme has nothing close to
    uses the default language's interface.
    """
    def documented(candidate: str) -> bool:
        return (MATERIAL_LANGUAGES / f"{candidate}.html").exists() or (overrides / "partials" / "languages" / f"{candidate}.html").exists()

    parts = tag.split("-")
    for size in range(len(parts), 0, -1):
        candidate = "-".join(parts[:size])
        if documented(candidate):
            return candidate
    return default_tag if documented(default_tag) else "en"


def _name(tag: str) -> str:
    try:
        return Locale.parse(tag.replace("-", "_")).get_display_name("en") or tag
    except (UnknownLocaleError, ValueError):
        return tag


def suffixed(src_uri: str, code: str, default: str) -> str:
    """`events/x.md` as static-i18n's suffix structure names it in language `code`."""
    if code == default:
        return src_uri
    stem, extension = src_uri.rsplit(".", 1)
    return f"{stem}.{code}.{extension}"
