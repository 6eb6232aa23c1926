"""What the theme's header and "page not found" page show in one language, made from data/ and mkdocs.yml."""

from __future__ import annotations

from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from ..data.site_data import SiteData


def short_names(value: object, codes: tuple[str, ...]) -> tuple[dict[str, str], list[str]]:
    """`extra.short_name` from mkdocs.yml (language code -> name for small screens), and its problems."""
    where = "mkdocs.yml: extra.short_name"
    if value is None:
        return {}, []
    if not isinstance(value, dict):
        return {}, [f"{where} should list a short name per language, such as `en: Cluster Excellence`; found {value!r}."]
    problems = []
    names = {}
    for code, name in value.items():
        if code not in codes:
            # A language the site does not build (any more) is left alone; a code that is none is a mistake.
            if not _is_language(str(code)):
                problems.append(f"{where}.{code}: `{code}` is not a language code; use the codes of "
                                f"plugins.i18n.languages ({', '.join(codes)}).")
        elif not isinstance(name, str) or not name.strip():
            problems.append(f"{where}.{code}: write the short name as text, such as `Cluster Excellence`.")
        else:
            names[code] = name.strip()
    return names, problems


def not_found(site: SiteData, code: str, site_url: str) -> dict:
    """The 404 page in one language: its words, every language's home, and where each language's 404 page is."""
    languages = site.languages
    words = site.catalogue.words
    root = site_url or "/"
    if not root.endswith("/"):
        root += "/"
    base = urlsplit(root).path or "/"

    def home(c: str) -> str:
        return root if c == languages.default else f"{root}{c}/"

    return {
        "code": code,
        "tag": languages.tag(code),
        "title": words["page_not_found"][code],
        "text": words["page_not_found_text"][code],
        "base": base,
        "pages": {c: f"{base}{c}/404.html" for c in languages.codes if c != languages.default},
        "homes": [{"href": home(c), "tag": languages.tag(c), "label": words["go_home"][c]} for c in languages.codes],
        "home_urls": {c: home(c) for c in languages.codes},  # the language switcher's links on this page
    }


def _is_language(code: str) -> bool:
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True
