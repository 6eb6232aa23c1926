"""The validated content of data/, with every record found by id."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from .model import Catalogue, Event, NewsItem, Organisation, Place, Project, SiteFile
from .reporting_model import ReportingFile

T = TypeVar("T")


@dataclass(frozen=True)
class Languages:
    """The site's languages, as configured once in mkdocs.yml."""

    codes: tuple[str, ...]
    default: str
    html_lang: dict[str, str] = field(default_factory=dict)  # code -> BCP 47 tag, e.g. sr -> sr-Latn
    site_names: dict[str, str] = field(default_factory=dict)  # code -> the site's name in that language

    def tag(self, code: str) -> str:
        return self.html_lang.get(code, code)

    def site_name(self, code: str) -> str:
        return self.site_names.get(code) or self.site_names.get(self.default, "")


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
    event_projects: dict[str, tuple[str, ...]] = field(default_factory=dict)  # event id -> project ids
    reporting: ReportingFile | None = None  # data/reporting.yaml, when the site has one
    sources: dict[str, str] = field(default_factory=dict)  # `events/<id>`, `projects/<id>` -> its data file
    site_url: str = ""  # mkdocs.yml's site_url, for absolute links in feeds and structured data

    def language_url(self, code: str, path: str = "") -> str:
        """The absolute address of `path` (such as `events/x/`) in one language's part of the site."""
        base = self.site_url or "http://localhost/"
        base = base if base.endswith("/") else base + "/"
        prefix = "" if code == self.languages.default else f"{code}/"
        return base + prefix + path

    def projects_of(self, event: Event) -> tuple[str, ...]:
        """The projects an event belongs to: its file's project first, then those it lists."""
        return self.event_projects.get(event.id) or tuple(event.projects)

    def events_of_project(self, project_id: str) -> list[Event]:
        return self._events_by_project.get(project_id, [])

    def projects_of_organisation(self, organisation_id: str) -> list[Project]:
        return self._projects_by_organisation.get(organisation_id, [])

    def events_of_organisation(self, organisation_id: str) -> list[Event]:
        return self._events_by_organisation.get(organisation_id, [])

    @cached_property
    def events_in_order(self) -> list[Event]:
        """Every event, earliest first."""
        return sorted(self.events.values(), key=lambda e: (e.date, e.id))

    # Indexes built once, so that a page costs the same however many records there are.

    @cached_property
    def _events_by_project(self) -> dict[str, list[Event]]:
        return _grouped(self.events_in_order, self.projects_of)

    @cached_property
    def _events_by_organisation(self) -> dict[str, list[Event]]:
        return _grouped(self.events_in_order, lambda event: event.participants)

    @cached_property
    def _projects_by_organisation(self) -> dict[str, list[Project]]:
        return _grouped(self.projects.values(), lambda project: dict.fromkeys(m.organisation for m in project.consortium))

    def coordinator(self, project: Project) -> Organisation:
        member = next(m for m in project.consortium if m.role == "coordinator")
        return self.organisations[member.organisation]


def _grouped(items: Iterable[T], keys: Callable[[T], Iterable[str]]) -> dict[str, list[T]]:
    """Each key with the items that name it, in the items' order."""
    index: dict[str, list[T]] = defaultdict(list)
    for item in items:
        for key in keys(item):
            index[key].append(item)
    return index
