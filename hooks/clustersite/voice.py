"""One language's words, names and formats, as the page templates use them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from . import l10n
from .fields import Day, Localized
from .model import Money, Organisation
from .site_data import SiteData
from .text import markdown_html


@dataclass(frozen=True)
class Voice:
    """Helpers for one language; missing translations fall back to the default language, marked."""

    site: SiteData
    code: str

    @property
    def tag(self) -> str:
        return self.site.languages.tag(self.code)

    @property
    def default(self) -> str:
        return self.site.languages.default

    # --- words -------------------------------------------------------------

    def t(self, key: str) -> str:
        """A word of the interface (data/ui.yaml `words`)."""
        return self.site.catalogue.words[key][self.code]

    def event_type(self, key: str) -> str:
        return self.site.catalogue.event_types[key][self.code]

    def organisation_type(self, key: str) -> str:
        return self.site.catalogue.organisation_types[key][self.code]

    def role(self, key: str) -> str:
        return self.site.catalogue.roles[key][self.code]

    def level(self, key: str) -> str:
        return self.site.catalogue.label_levels[key][self.code]

    # --- text from data -----------------------------------------------------

    def plain(self, text: Localized | None) -> str:
        """Unmarked text, for titles in <head>, feeds and calendars."""
        if not text:
            return ""
        return text.get_in(self.code, self.default)[0]

    def text(self, text: Localized | None) -> Markup:
        """Inline text, escaped; a fallback is wrapped in its language and marked."""
        if not text:
            return Markup("")
        value, used = text.get_in(self.code, self.default)
        if used == self.code:
            return escape(value)
        return Markup('<span lang="{}">{}</span>{}').format(self.site.languages.tag(used), value, self._marker())

    def md(self, text: Localized | None) -> Markup:
        """Block Markdown as HTML; a fallback is wrapped in its language and marked."""
        if not text:
            return Markup("")
        value, used = text.get_in(self.code, self.default)
        html = markdown_html(value)
        if used == self.code:
            return html
        return Markup('<div lang="{}">{}</div><p class="untranslated">{}</p>').format(
            self.site.languages.tag(used), html, self._marker_text())

    def _marker_text(self) -> str:
        return f"({self.t('not_translated')})"

    def _marker(self) -> Markup:
        return Markup(' <small class="untranslated">{}</small>').format(self._marker_text())

    def organisation(self, organisation: Organisation) -> Markup:
        """The name a reader of this language knows the organisation by."""
        if organisation.display_name:
            return self.text(organisation.display_name)
        return escape(organisation.name)

    def organisation_plain(self, organisation: Organisation) -> str:
        return self.plain(organisation.display_name) or organisation.name

    def organisation_link(self, organisation: Organisation, here: str) -> Markup:
        """The organisation's name, linked to its partner page."""
        href = relative(here, f"partners/{organisation.id}/")
        return Markup('<a href="{}">{}</a>').format(href, self.organisation(organisation))

    def place(self, place_id: str | None) -> str:
        if not place_id:
            return ""
        return self.plain(self.site.places[place_id].name)

    # --- formats -------------------------------------------------------------

    def day(self, day: Day) -> str:
        return l10n.day_text(day, self.tag)

    def dates(self, start: Day, end: Day | None = None) -> str:
        return l10n.date_range(start, end, self.tag)

    def month_year(self, day: date) -> str:
        return l10n.month_year(day, self.tag)

    def year(self, year: int) -> str:
        return str(year)

    def country(self, code: str) -> str:
        return l10n.country(code, self.tag)

    def money(self, money: Money) -> str:
        return l10n.amount(money.amount, money.currency, self.tag)

    def percent(self, share) -> str:
        return l10n.percent(share, self.tag)

    def months(self, count: int) -> str:
        return l10n.months(count, self.tag)


def relative(from_path: str, to_path: str) -> str:
    """A link from one page's URL path to another's, both relative to the language root.

    Pages of one language share a prefix (`/`, `/sr/`, ...), so the same relative
    link works in every language and under any site subpath. Paths are
    directory-style (`events/x/`) or files (`events/x.ics`); '' is the root.
    """
    here = [part for part in from_path.split("/") if part]
    there = [part for part in to_path.split("/") if part]
    folders = there if to_path.endswith("/") else there[:-1]  # a file's name is not a folder to share
    common = 0
    while common < min(len(here), len(folders)) and here[common] == folders[common]:
        common += 1
    link = "../" * (len(here) - common) + "/".join(there[common:])
    if to_path.endswith("/") and there[common:]:
        link += "/"
    return link or "./"
