"""The interface words the generated pages need from data/ui.yaml.

A word deleted from data/ui.yaml must stop the build with a message, not crash a
template. The words the templates use literally are read from the templates
themselves, so this list cannot fall behind them; the rest are named here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
_LITERAL_WORD = re.compile(r"""\bv\.t\(\s*["']([a-z_]+)["']\s*\)""")

# Words the code uses, or builds from a value (`"status_" ~ status`, a label's state).
WORDS_USED_IN_CODE = frozenset({
    "status_planned", "status_ongoing", "status_completed", "valid", "expired", "not_stated",
    "not_translated", "page_of", "fallback_page_note", "emblem_alt", "legal_notice", "privacy", "accessibility",
    "page_not_found", "page_not_found_text", "go_home", "feed", "events", "news", "projects", "partners", "labels",
    "search", "search_placeholder", "search_clear", "search_load_more", "search_zero_results", "search_many_results",
    "search_one_result", "search_searching", "search_filters", "search_alt", "search_suggestion",
})


@lru_cache(maxsize=1)
def required_words() -> frozenset[str]:
    """Every `words:` key of data/ui.yaml that the templates or the code use."""
    used = {match for path in TEMPLATES.glob("*.j2") for match in _LITERAL_WORD.findall(path.read_text(encoding="utf-8"))}
    return frozenset(used) | WORDS_USED_IN_CODE
