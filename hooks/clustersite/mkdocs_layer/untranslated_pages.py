"""Pages staff wrote in English only: shown in English, marked, and reported."""

from __future__ import annotations

import logging

from mkdocs.structure.pages import Page

from ..data.site_data import SiteData


def mark_fallback(markdown: str, page: Page, code: str, site: SiteData, log: logging.Logger) -> str:
    """Wrap a fallback page's text in its language and add a translated note; list it in the log.

    As with data, a page not yet translated is information, or a warning (fatal under
    --strict) where data/site.yaml says `translations: required`.
    """
    source_language = getattr(page.file, "locale", code)
    if source_language == code or page.file.generated_by:
        return markdown
    note = site.catalogue.words["fallback_page_note"][code]
    tag = site.languages.tag(source_language)
    report = log.warning if site.site.translations == "required" else log.info
    report(f"docs/{page.file.src_uri}: there is no {code} version of this page, so the {source_language} "
           f"text is shown; add docs/{_translated_name(page.file.src_uri, code)}")
    return (f'<p class="untranslated-page" markdown>{note}</p>\n\n'
            f'<div lang="{tag}" markdown>\n\n{markdown}\n\n</div>\n')


def _translated_name(src_uri: str, code: str) -> str:
    stem, extension = src_uri.rsplit(".", 1)
    return f"{stem}.{code}.{extension}"
