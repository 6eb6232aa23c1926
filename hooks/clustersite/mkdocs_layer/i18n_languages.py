"""The site's languages, read from the i18n plugin's settings in mkdocs.yml and checked."""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..data.site_data import Languages

MATERIAL_LANGUAGES = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"


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
    for entry in entries:
        code = entry.locale
        where = f"mkdocs.yml: plugins.i18n.languages[{code}]"
        if code in codes:
            raise PluginError(f"{where}: the language `{code}` is listed twice; list each language once.")
        tag = (entry.theme or {}).get("language") or code
        try:
            Locale.parse(tag.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            raise PluginError(f"{where}: `{tag}` is not a language CLDR knows; use a code such as `cs` or `sr-Latn`.") from None
        if not ((MATERIAL_LANGUAGES / f"{tag}.html").exists() or (overrides / "partials" / "languages" / f"{tag}.html").exists()):
            raise PluginError(f"{where}: the theme has no interface texts for `{tag}`; add overrides/partials/languages/{tag}.html.")
        if entry.default:
            default = code
        codes.append(code)
        tags[code] = tag
        names[code] = entry.site_name or config.site_name
    if default is None:
        raise PluginError("mkdocs.yml: plugins.i18n.languages: no language is marked `default: true`; mark English.")
    return Languages(codes=tuple(codes), default=default, html_lang=tags, site_names=names)


def suffixed(src_uri: str, code: str, default: str) -> str:
    """`events/x.md` as static-i18n's suffix structure names it in language `code`."""
    if code == default:
        return src_uri
    stem, extension = src_uri.rsplit(".", 1)
    return f"{stem}.{code}.{extension}"
