"""The data model: what each YAML file under data/ may hold.

The classes are the single description of the data. Validation, the JSON Schema
files editors use for completion, and the page templates all follow from them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .dates import Day
from .dissemination_fields import HttpsUrl, LogoFile
from .dissemination_model import Hero, OrganisationContact, Picture, SiteContact, SocialPlatform
from .event_fields import Online, TimeZone
from .funding import FundingShare, Money
from .localized_text import Line, Localized, Title
from .record_base import Record, RuledRecord
from .reporting_model import AudienceSize, AudienceType, CountryCode
from .site_settings import SiteSettings
from .validation_notes import Refers
from .value_types import Country, DocsPath, Id, LanguageTag, Link, OptionalText, Time, WebUrl

# Ids and words that name something defined elsewhere; the cross-file checks follow these marks.
OrganisationRef = Annotated[Id, Refers("organisations")]
ProjectRef = Annotated[Id, Refers("projects")]
PlaceRef = Annotated[Id, Refers("places")]
EventType = Annotated[Id, Refers("event_types")]
OrganisationType = Annotated[Id, Refers("organisation_types")]
DocsFile = Annotated[DocsPath, Refers("docs")]


# --- shared registries -------------------------------------------------------


class Place(Record):
    """A city, named in each language (Beograd / Белград / Bělehrad)."""

    id: Id
    country: Country
    name: Title
    timezone: TimeZone | None = Field(None, description="IANA time zone, such as Europe/Madrid; needed where the country has several.")


class Label(RuledRecord):
    """A cluster-excellence label of the European Cluster Excellence Initiative."""

    level: Literal["bronze", "silver", "gold"]
    awarded_by: str | None = Field(None, description="Who awarded the label, where a source says so, such as ESCA.")
    awarded: Day | None = None
    valid_until: Day | None = None
    note: Localized | None = None


class Organisation(Record):
    """A cluster, agency, ministry or company; shared by every project it joins."""

    id: Id
    name: Line = Field(description="Full legal name, as registered.")
    short_name: Line = Field(description="Short name or acronym.")
    display_name: Title | None = Field(None, description="The name as shown, where it differs by language.")
    type: OrganisationType = Field(description="A key of `organisation_types` in data/ui.yaml.")
    country: Country
    place: PlaceRef | None = Field(None, description="A city from data/places.yaml.")
    website: HttpsUrl | None = Field(None, description="The organisation's own site, starting with https://.")
    logo: LogoFile | None = Field(None, description="A file under docs/assets/ (SVG, PNG, JPEG or WebP), such as assets/logos/enef.svg.")
    contact: OrganisationContact | None = Field(None, description="The organisation's own address and number, never a person's.")
    description: Localized | None = None
    labels: list[Label] = Field(default_factory=list)
    name_language: LanguageTag | None = Field(None, description="The legal name's language (`en`) where not the country's.")


# --- projects ------------------------------------------------------------------


class Member(Record):
    organisation: OrganisationRef
    role: Literal["coordinator", "partner", "associated"]


class Project(RuledRecord):
    """A funded project with its consortium; its events live in the same file."""

    id: Id
    acronym: Line
    title: Title
    summary: Localized
    objectives: Localized | None = None
    body: Localized | None = None
    programme: Localized
    call: OptionalText = None
    grant_agreement: OptionalText = None
    start: Day | None = Field(None, description="Leave out when the sources do not give it.")
    end: Day
    duration_months: int | None = Field(None, gt=0, description="Stated duration; must agree with the dates.")
    budget: Money | None = None
    funding: list[FundingShare] = Field(default_factory=list)
    consortium: list[Member] = Field(default_factory=list, description="Empty on a new site until the partners are added.")
    coordinator_not_stated: bool = Field(
        False, description="Set to true when the sources do not say which partner leads the project."
    )
    website: WebUrl | None = None

    @property
    def derived_months(self) -> int | None:
        if self.start is None:
            return None
        days = (self.end.last - self.start.first).days + 1
        return round(days / 30.436875)


# --- events --------------------------------------------------------------------


class Location(RuledRecord):
    place: PlaceRef | None = Field(None, description="A city from data/places.yaml.")
    venue: Localized | None = None
    address: OptionalText = None
    online: Online = Field(False, description="true, or the web address where people join; with a place, the event is hybrid.")


class Session(Record):
    title: Title
    time: Time | None = None
    track: Localized | None = Field(None, description="Name of the parallel stream, such as 'Block I'.")
    items: list[Localized] = Field(default_factory=list)


class AgendaDay(Record):
    title: Title | None = None
    date: Day | None = None
    sessions: list[Session] = Field(min_length=1)


class Attachment(Record):
    file: DocsFile = Field(description="Path under docs/, such as files/agenda.pdf.")
    title: Title
    language: str


class ExternalLink(Record):
    url: Link
    title: Title


class Event(RuledRecord):
    """One dated activity of the timeline."""

    id: Id
    projects: list[ProjectRef] = Field(default_factory=list, description="Projects the event belongs to; defaults to the file's project.")
    type: EventType = Field(description="A key of `event_types` in data/ui.yaml.")
    date: Day
    end: Day | None = None
    time: Time | None = None
    end_time: Time | None = Field(None, description="When the event ends, on its last day (HH:MM).")
    timezone: TimeZone | None = Field(None, description="IANA time zone of the times; defaults to the place's.")
    location: Location | None = None
    title: Title
    summary: Localized
    body: Localized | None = None
    agenda: list[AgendaDay] = Field(default_factory=list)
    participants: list[OrganisationRef] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    links: list[ExternalLink] = Field(default_factory=list)
    # For reports (reporting_model.py); optional, as sources often lack them.
    audience: list[AudienceType] = Field(default_factory=list, description="Who it reached: keys of `audiences` in data/ui.yaml.")
    audience_size: AudienceSize | None = Field(None, description="People reached: a number, or `about: 120` / `at_least: 50`.")
    countries_addressed: list[CountryCode] = Field(default_factory=list, description="ISO codes of the countries addressed.")
    lead: OrganisationRef | None = Field(None, description="The partner that organised it.")
    images: list[Picture] = Field(default_factory=list, description="Photos; the first one is the event's thumbnail.")

    @property
    def last_day(self) -> Day:
        return self.end or self.date


class NewsItem(Record):
    id: Id
    date: Day
    title: Title
    summary: Localized
    body: Localized | None = None
    projects: list[ProjectRef] = Field(default_factory=list)
    organisations: list[OrganisationRef] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    links: list[ExternalLink] = Field(default_factory=list)
    images: list[Picture] = Field(default_factory=list, description="Photos; the first one is the item's thumbnail.")


# --- files -------------------------------------------------------------------------


class ProjectFile(Record):
    """data/projects/<id>.yaml: one project and its events. Copy one to start a new project."""

    project: Project
    events: list[Event] = Field(default_factory=list)


class EventsFile(Record):
    """data/events.yaml: events that belong to no single project."""

    events: list[Event] = Field(default_factory=list)


class OrganisationsFile(Record):
    """data/organisations.yaml: every organisation any project names."""

    organisations: list[Organisation]


class PlacesFile(Record):
    """data/places.yaml: cities, with their names in each language."""

    places: list[Place]


class NewsFile(Record):
    """data/news.yaml: news items."""

    news: list[NewsItem] = Field(default_factory=list)


class Funding(RuledRecord):
    wording: Literal["funded", "co-funded"] = Field(
        "funded", description="`funded` (Funded by the European Union) or `co-funded` (Co-funded by the European Union).")
    statement: Localized = Field(description="The statement beside the EU emblem, in each language, matching `wording`.")
    disclaimer: Localized


class SiteFile(SiteSettings):  # its settings (site_settings.py) beside the wording
    """data/site.yaml: wording that belongs to the whole site."""

    funding: Funding
    hero: Hero | None = None
    contact: SiteContact | None = Field(None, description="The project's own e-mail, and optionally phone and postal address.")
    social: dict[SocialPlatform, HttpsUrl] = Field(default_factory=dict, description="Platform -> the profile's https:// address.")
    newsletter: HttpsUrl | None = Field(None, description="The newsletter's sign-up page.")
    translations: Literal["optional", "required"] = Field("optional", description="`required`: untranslated text stops publishing.")


class Catalogue(Record):
    """data/ui.yaml: every word the generated pages use, in every language."""

    words: dict[str, Localized]
    event_types: dict[str, Localized]
    organisation_types: dict[str, Localized]
    roles: dict[str, Localized]
    label_levels: dict[str, Localized]
    audiences: dict[str, Localized] = Field(default_factory=dict, description="Who events reach (an event's `audience`).")
    result_types: dict[str, Localized] = Field(default_factory=dict, description="Kinds of results (data/results.yaml).")
