"""The validated content of data/, with every record found by id."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .model import Catalogue, Event, NewsItem, Organisation, Place, Project, SiteFile
from .yaml_source import PathItem, Source


@dataclass(frozen=True)
class Origin:
    """Where a record was written: its file and key path, for messages."""

    source: Source
    path: tuple[PathItem, ...]


@dataclass(frozen=True)
class Languages:
    """The site's languages, as configured once in mkdocs.yml."""

    codes: tuple[str, ...]
    default: str
    html_lang: dict[str, str] = field(default_factory=dict)  # code -> BCP 47 tag, e.g. sr -> sr-Latn
    names: dict[str, str] = field(default_factory=dict)

    def cldr(self, code: str) -> str:
        """The Babel/CLDR locale of a language code (`sr` -> `sr_Latn`)."""
        return self.html_lang.get(code, code).replace("-", "_")

    def tag(self, code: str) -> str:
        return self.html_lang.get(code, code)


@dataclass
class SiteData:
    """Everything the pages are made from."""

    languages: Languages
    site: SiteFile
    catalogue: Catalogue
    places: dict[str, Place]
    organisations: dict[str, Organisation]
    projects: dict[str, Project]
    events: dict[str, Event]
    news: dict[str, NewsItem]
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)  # (kind, id) -> origin

    def events_of_project(self, project_id: str) -> list[Event]:
        return sorted((e for e in self.events.values() if project_id in e.projects), key=lambda e: (e.date, e.id))

    def projects_of_organisation(self, organisation_id: str) -> list[Project]:
        return [p for p in self.projects.values() if any(m.organisation == organisation_id for m in p.consortium)]

    def events_of_organisation(self, organisation_id: str) -> list[Event]:
        return sorted((e for e in self.events.values() if organisation_id in e.participants), key=lambda e: (e.date, e.id))

    def coordinator(self, project: Project) -> Organisation:
        member = next(m for m in project.consortium if m.role == "coordinator")
        return self.organisations[member.organisation]


@dataclass(frozen=True)
class BuildDate:
    """The day the site is built for: 'upcoming' and 'ongoing' are relative to it."""

    today: date
