"""One language's words, names and formats, as the page templates use them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from ..data.dates import Day
from ..data.event_times import event_times
from ..data.localized_text import Localized
from ..data.model import Event, Money, Organisation, Picture
from ..data.site_data import SiteData
from . import l10n, l10n_times, renditions
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
            name = self.text(organisation.display_name) if organisation.display_name else self.legal_name(organisation)
            self._names[organisation.id] = name
        return name

    def name_language(self, organisation: Organisation) -> str | None:
        """The language of the organisation's legal name, where it differs from this page's (for `lang`)."""
        tag = l10n.name_language(organisation.name_language, organisation.country)
        if tag is None or tag.split("-")[0].lower() == self.tag.split("-")[0].lower():
            return None
        return tag

    def legal_name(self, organisation: Organisation) -> Markup:
        """The legal name, marked with its language where that is not the page's."""
        tag = self.name_language(organisation)
        if tag is None:
            return escape(organisation.name)
        return Markup('<span lang="{}">{}</span>').format(tag, organisation.name)

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

    def language_name(self, code: str) -> str:
        return l10n.language_name(code, self.tag)

    def result_type(self, key: str) -> str:
        return self.site.catalogue.result_types[key][self.code]

    def picture_plan(self, picture: Picture) -> renditions.PicturePlan | None:
        """The picture's resized copies; None when its file could not be read (reported by validation)."""
        fact = self.site.images.get(picture.file)
        return renditions.plan(picture.file, fact) if fact else None

    def alt(self, picture: Picture) -> tuple[str, str]:
        """The alt text and, when it falls back to another language, that language's tag ('' otherwise)."""
        if picture.decorative or not picture.alt:
            return "", ""
        value, used = picture.alt.get_in(self.code, self.default)
        return value, "" if used == self.code else self.site.languages.tag(used)

    def first_picture(self, item: Any) -> Picture | None:
        """An event's or news item's first picture: its thumbnail and og:image."""
        return item.images[0] if getattr(item, "images", None) else None

    def file_href(self, here: str, path: str) -> str:
        """A link to a file under docs/: files are published once, at the default language's root."""
        return ("../" if self.code != self.default else "") + quote(relative(here, path))  # a space in a name is %20

    def file_facts(self, path: str) -> str:
        """A document's format and size: 'PDF, 1,2 MB'."""
        kind = path.rsplit(".", 1)[-1].upper() if "." in path else ""
        size = self.site.file_sizes.get(path)
        return ", ".join(part for part in (kind, l10n.file_size(size, self.tag) if size is not None else "") if part)

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
