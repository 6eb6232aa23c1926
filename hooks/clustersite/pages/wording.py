"""One language's words, names and formats, as the page templates use them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup, escape

from ..data.dates import Day
from ..data.event_times import event_times
from ..data.localized_text import Localized
from ..data.model import Event, Money, Organisation
from ..data.site_data import SiteData
from . import l10n, l10n_times
from .safe_text import inline_markdown, markdown_html


@dataclass(frozen=True)
class EventLine:
    """What a list of events shows of one event, in one language, made once and reused by every list."""

    id: str
    dates: str
    title: Markup
    type: str
    place: str


@dataclass(frozen=True)
class Voice:
    """Helpers for one language; missing translations fall back to the default language, marked."""

    site: SiteData
    code: str
    # Made once per language: an event appears on its own page and in up to five lists.
    _lines: dict[str, EventLine] = field(default_factory=dict, compare=False, repr=False)
    _names: dict[str, Markup] = field(default_factory=dict, compare=False, repr=False)

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

    def audience(self, key: str) -> str:
        return self.site.catalogue.audiences[key][self.code]

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
        return Markup(f'<span lang="{escape(self.site.languages.tag(used))}">{escape(value)}</span>{self._marker()}')

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

    def heading(self, text: Localized) -> Markup:
        """A page's title as its Markdown heading; a fallback is wrapped in its language and marked."""
        value, used = text.get_in(self.code, self.default)
        title = Markup(inline_markdown(value))  # escaped, Markdown specials backslashed
        if used == self.code:
            return title
        return Markup('<span lang="{}">{}</span>').format(self.site.languages.tag(used), title) + self._marker()

    def _marker_text(self) -> str:
        return f"({self.t('not_translated')})"

    def _marker(self) -> Markup:
        return Markup(' <small class="untranslated">{}</small>').format(self._marker_text())

    def organisation(self, organisation: Organisation) -> Markup:
        """The name a reader of this language knows the organisation by."""
        name = self._names.get(organisation.id)
        if name is None:
            name = self.text(organisation.display_name) if organisation.display_name else escape(organisation.name)
            self._names[organisation.id] = name
        return name

    def organisation_plain(self, organisation: Organisation) -> str:
        return self.plain(organisation.display_name) or organisation.name

    def organisation_link(self, organisation: Organisation, here: str) -> Markup:
        """The organisation's name, linked to its partner page."""
        href = relative(here, f"partners/{organisation.id}/")
        return Markup(f'<a href="{escape(href)}">{self.organisation(organisation)}</a>')

    def event_lines(self, events: list[Event]) -> list[EventLine]:
        """What lists of events show of each: dates, title, type and place, in this language."""
        lines = self._lines
        return [lines.get(event.id) or self._event_line(event) for event in events]

    def _event_line(self, event: Event) -> EventLine:
        place = event.location.place if event.location else None
        line = EventLine(event.id, self.dates(event.date, event.end), self.text(event.title), self.event_type(event.type),
                         self.place(place) if place else "")
        self._lines[event.id] = line
        return line

    def file_href(self, here: str, file: str) -> str:
        """A link from a page to a file under docs/: the site has it once, at its root, not in each language's folder."""
        up = "" if self.code == self.default else "../"  # out of the language's folder, `cs/`
        return up + relative(here, file)

    def place(self, place_id: str | None) -> str:
        if not place_id:
            return ""
        return self.plain(self.site.places[place_id].name)

    # --- formats -------------------------------------------------------------

    def day(self, day: Day) -> str:
        return l10n.day_text(day, self.tag)

    def dates(self, start: Day, end: Day | None = None) -> str:
        return l10n.date_range(start, end, self.tag)

    def when(self, event: Event) -> str:
        """The event's dates, with its times and their zone where it has them."""
        times = event_times(self.site, event)
        if times is None:
            return self.dates(event.date, event.end)
        if times.end_stated:
            return l10n_times.time_span(times.start, times.end, self.tag)
        return l10n_times.time_span(times.start, None, self.tag, dates=self.dates(event.date, event.end))

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

    def number(self, value: int) -> str:
        return l10n.number(value, self.tag)

    def page_of(self, number: int, total: int) -> str:
        """"page 2 of 7" in the language's words (data/ui.yaml `page_of`)."""
        return self.t("page_of").replace("{number}", self.number(number)).replace("{total}", self.number(total))


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
