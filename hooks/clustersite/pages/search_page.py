"""The search page of one language: Pagefind's interface, with its texts from data/ui.yaml."""

from __future__ import annotations

from ..data.site_data import SiteData
from .templating import GeneratedPage, page
from .wording import Voice

# Pagefind's interface texts, from data/ui.yaml (Pagefind's own keys on the left).
SEARCH_TRANSLATIONS = {
    "placeholder": "search_placeholder", "clear_search": "search_clear", "load_more": "search_load_more",
    "search_label": "search", "zero_results": "search_zero_results", "many_results": "search_many_results",
    "one_result": "search_one_result", "searching": "search_searching", "filters_label": "search_filters",
    "alt_search": "search_alt", "search_suggestion": "search_suggestion",
}


def search_page(site: SiteData, v: Voice) -> GeneratedPage:
    root = "../" if v.code == site.languages.default else "../../"
    translations = {key: v.t(word) for key, word in SEARCH_TRANSLATIONS.items()}
    return page("search.md", "search/", "search.md.j2", v, root=root, translations=translations)


